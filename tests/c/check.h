/*
 * The check macros every C test program of the vietref C ABI shares (tests/c/test_*.c):
 * CHECK, CHECK_STATUS, the owned-string and caller-buffer drivers (success, NULL
 * out-parameter, size query, buffers of 1 byte and one byte short, NULL buffer / len_out),
 * the "must fail and write nothing" forms, and the summary line tests/capi_c.rs reads.
 */
#ifndef VIETREF_TEST_CHECK_H
#define VIETREF_TEST_CHECK_H

#include "vietref.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned passed, failed;

#define CHECK(cond)                                                                   \
    do {                                                                              \
        if (cond) {                                                                   \
            passed++;                                                                 \
        } else {                                                                      \
            failed++;                                                                 \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                             \
    } while (0)

static inline const char *status_label(vietref_status s) {
    const char *n = vietref_status_name(s);
    return n ? n : "(not a status)";
}

#define CHECK_STATUS(expr, want)                                                        \
    do {                                                                                \
        vietref_status got_ = (expr);                                                   \
        if (got_ == (vietref_status)(want)) {                                           \
            passed++;                                                                   \
        } else {                                                                        \
            failed++;                                                                   \
            fprintf(stderr, "%s:%d: %s\n    returned %s, want %s\n", __FILE__, __LINE__, \
                    #expr, status_label(got_), status_label((vietref_status)(want)));   \
        }                                                                               \
    } while (0)

/* A string literal as pointer + length. */
#define S(lit) lit, (sizeof(lit) - 1)

/* An address no call may write into an out-parameter unless it succeeds. */
static int sentinel_object;
#define SENTINEL ((void *)&sentinel_object)

static inline int string_is(const vietref_string *s, const char *want) {
    size_t n = strlen(want);
    const char *p = vietref_string_ptr(s);
    return p != NULL && vietref_string_len(s) == n && memcmp(p, want, n) == 0 && p[n] == '\0';
}

/*
 * Runs an owned-string call, an expression that writes to `outp`: it must succeed with
 * `want`, and fail with VIETREF_NULL_ARGUMENT when outp is NULL.
 */
#define CHECK_OWNED(want, CALL)                                    \
    do {                                                           \
        vietref_string *str_ = SENTINEL;                           \
        {                                                          \
            vietref_string **outp = &str_;                         \
            CHECK_STATUS(CALL, VIETREF_OK);                        \
        }                                                          \
        CHECK(str_ != SENTINEL && string_is(str_, (want)));        \
        if (str_ != SENTINEL) vietref_string_free(str_);           \
        {                                                          \
            vietref_string **outp = NULL;                          \
            CHECK_STATUS(CALL, VIETREF_NULL_ARGUMENT);             \
        }                                                          \
    } while (0)

/*
 * Runs a caller-buffer call, an expression using `buf`, `cap` and `lenp`, through a size
 * query (NULL, 0), a 1-byte buffer, a buffer one byte short, a large buffer, and NULL
 * buffer / NULL len_out. Nothing may be written to a buffer that is too small, and no NUL
 * is appended.
 */
#define CHECK_BUF(want, CALL)                                                              \
    do {                                                                                   \
        const char *want_ = (want);                                                        \
        size_t wantlen_ = strlen(want_);                                                   \
        char store_[4096];                                                                 \
        size_t len_ = 424242;                                                              \
        memset(store_, 'X', sizeof store_);                                                \
        {                                                                                  \
            char *buf = NULL;                                                              \
            size_t cap = 0;                                                                \
            size_t *lenp = &len_;                                                          \
            CHECK_STATUS(CALL, wantlen_ ? VIETREF_INSUFFICIENT_SIZE : VIETREF_OK);         \
            CHECK(len_ == wantlen_);                                                       \
        }                                                                                  \
        {                                                                                  \
            char *buf = store_;                                                            \
            size_t cap = 1;                                                                \
            size_t *lenp = &len_;                                                          \
            len_ = 424242;                                                                 \
            CHECK_STATUS(CALL, wantlen_ > 1 ? VIETREF_INSUFFICIENT_SIZE : VIETREF_OK);     \
            CHECK(len_ == wantlen_);                                                       \
            if (wantlen_ > 1) CHECK(store_[0] == 'X');                                     \
        }                                                                                  \
        if (wantlen_ > 1) {                                                                \
            char *buf = store_;                                                            \
            size_t cap = wantlen_ - 1;                                                     \
            size_t *lenp = &len_;                                                          \
            len_ = 424242;                                                                 \
            CHECK_STATUS(CALL, VIETREF_INSUFFICIENT_SIZE);                                 \
            CHECK(len_ == wantlen_ && store_[0] == 'X');                                   \
        }                                                                                  \
        {                                                                                  \
            char *buf = store_;                                                            \
            size_t cap = sizeof store_;                                                    \
            size_t *lenp = &len_;                                                          \
            memset(store_, 'X', sizeof store_);                                            \
            len_ = 424242;                                                                 \
            CHECK_STATUS(CALL, VIETREF_OK);                                                \
            CHECK(len_ == wantlen_ && memcmp(store_, want_, wantlen_) == 0);               \
            CHECK(store_[wantlen_] == 'X');                                                \
        }                                                                                  \
        {                                                                                  \
            char *buf = NULL;                                                              \
            size_t cap = 1;                                                                \
            size_t *lenp = &len_;                                                          \
            len_ = 424242;                                                                 \
            CHECK_STATUS(CALL, VIETREF_NULL_ARGUMENT);                                     \
            CHECK(len_ == 424242);                                                         \
        }                                                                                  \
        {                                                                                  \
            char *buf = store_;                                                            \
            size_t cap = sizeof store_;                                                    \
            size_t *lenp = NULL;                                                           \
            CHECK_STATUS(CALL, VIETREF_NULL_ARGUMENT);                                     \
        }                                                                                  \
    } while (0)

/* A buffer call that must fail with `status` before writing anything. */
#define CHECK_BUF_FAILS(status, CALL)                       \
    do {                                                    \
        char store_[64];                                    \
        size_t len_ = 424242;                               \
        char *buf = store_;                                 \
        size_t cap = sizeof store_;                         \
        size_t *lenp = &len_;                               \
        memset(store_, 'X', sizeof store_);                 \
        CHECK_STATUS(CALL, status);                         \
        CHECK(len_ == 424242 && store_[0] == 'X');          \
    } while (0)

/* An owned-string call that must fail with `status` and leave *outp alone. */
#define CHECK_OWNED_FAILS(status, CALL)     \
    do {                                    \
        vietref_string *str_ = SENTINEL;    \
        vietref_string **outp = &str_;      \
        CHECK_STATUS(CALL, status);         \
        CHECK(str_ == SENTINEL);            \
    } while (0)

/* Bytes that are not UTF-8 (0xFF 0xFE cannot occur in UTF-8). */
#define BAD_UTF8 "Nguy\xff\xfen"

/* Prints the summary line tests/capi_c.rs reads and returns the exit status. */
static inline int check_summary(void) {
    printf("%u passed, %u failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}

#endif
