/*
 * Tests of the legacy-encodings part of the vietref C ABI (vietref_legacy_*,
 * vietref_encoded_*, vietref_detection_*): success paths, every refusal status, NULL for
 * every pointer, invalid UTF-8 where text is expected (and any bytes where bytes are), caller
 * buffers of 0 and 1 bytes, unknown constants, _free(NULL).
 *
 * Bytes and texts come from tests/data/legacy.json (tcvn3, viscii and cp1258 from glibc
 * iconv, vni from the VNI-Win table, viqr RFC 1456) and the examples of the module's
 * documentation (worked out from the same tables).
 */
#include "check.h"

static const struct {
    uint32_t encoding;
    const char *bytes; /* may hold bytes above 0x7F, never NUL */
    const char *text;
} CASES[] = {
    {VIETREF_ENCODING_CP1258, "\x4c\x79\xec\x20\x48\x6f\xe0\x69\x20\x4d\x69\x6e\x68\x20\x48\x6f\xcc\x61", "Lý Hoài Minh Hòa"},
    {VIETREF_ENCODING_CP1258, "\x48\x6f\xe0\x6e\x67\x20\x42\x61\xd2\x6f\x20\x53\xf5\x6e", "Hoàng Bảo Sơn"},
    {VIETREF_ENCODING_TCVN3, "\x56\xe2\x20\x4c\x75\xa9\x6e", "Võ Luân"},
    {VIETREF_ENCODING_CP1258, "\x54\x61\xf2\x20\x4e\x67\x6f\xf2\x63\x20\x4b\x68\x6f\xe1\x69", "Tạ Ngọc Khoái"},
    {VIETREF_ENCODING_VNI, "\x51\x55\x41\xd9\x43\x48\x20\x4b\x48\x41\xd9\x4e\x48\x20\x54\x55\xd8\x4e\x47", "QUÁCH KHÁNH TÙNG"},
    {VIETREF_ENCODING_VIQR, "\x4c\x65\x5e\x20\x54\x75\x65\x5e\x2e\x20\x43\x75\x2b\x6f\x2b\x60\x6e\x67", "Lê Tuệ Cường"},
    {VIETREF_ENCODING_VISCII, "\x50\x48\x80\x4d\x20\x58\x55\xc2\x4e\x20\x48\xd2\x41", "PHẠM XUÂN HÒA"},
    {VIETREF_ENCODING_VNI, "\x50\x68\x61\x6e\x20\xd1\xf6\xf9\x63\x20\x54\x75\xf8\x6e\x67", "Phan Đức Tùng"},
    {VIETREF_ENCODING_TCVN3, "\x48\x75\xfa\x6e\x68\x20\x51\x75\xfd", "Huỳnh Quý"},
    {VIETREF_ENCODING_VISCII, "\x4b\x69\xab\x75\x20\x54\x68\xa1\x6e\x67", "Kiều Thắng"},
    {VIETREF_ENCODING_UTF8_AS_CP1252, "Th\xc3\x83\xc2\xa1i Kim Hi\xc3\xa1\xc2\xba\xc2\xbfu", "Thái Kim Hiếu"},
    {VIETREF_ENCODING_UTF8, "Nguye\xcc\x82\xcc\x83n", "Nguyễn"},
};

/* The module's example: "Nguyễn Văn Đức" in TCVN3. */
static const unsigned char TCVN3_NAME[] = {0x4E, 0x67, 0x75, 0x79, 0xD4, 0x6E, 0x20,
                                           0x56, 0xA8, 0x6E, 0x20, 0xA7, 0xF8, 0x63};
#define B(lit) (const uint8_t *)(lit), (sizeof(lit) - 1)

static void test_decode(void) {
    size_t i;
    for (i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        const uint8_t *b = (const uint8_t *)CASES[i].bytes;
        size_t n = strlen(CASES[i].bytes);
        CHECK_OWNED(CASES[i].text, vietref_legacy_decode(b, n, CASES[i].encoding, outp));
        CHECK_BUF(CASES[i].text, vietref_legacy_decode_buf(b, n, CASES[i].encoding, buf, cap, lenp));
        CHECK_OWNED_FAILS(VIETREF_NO_VALUE, vietref_legacy_decode_error(b, n, CASES[i].encoding, outp));
        CHECK_BUF_FAILS(VIETREF_NO_VALUE, vietref_legacy_decode_error_buf(b, n, CASES[i].encoding, buf, cap, lenp));
    }
    CHECK_OWNED("Nguyễn Văn Đức", vietref_legacy_decode(TCVN3_NAME, sizeof TCVN3_NAME, VIETREF_ENCODING_TCVN3, outp));
    /* Bytes are not text: a NUL byte is decoded like any other, and the length counts. */
    CHECK_OWNED("a", vietref_legacy_decode((const uint8_t *)"a\x80", 1, VIETREF_ENCODING_VIQR, outp));
    {
        vietref_string *s = NULL;
        CHECK_STATUS(vietref_legacy_decode(B("a\0b"), VIETREF_ENCODING_UTF8, &s), VIETREF_OK);
        CHECK(vietref_string_len(s) == 3 && memcmp(vietref_string_ptr(s), "a\0b", 4) == 0);
        vietref_string_free(s);
    }
    CHECK_OWNED("", vietref_legacy_decode(NULL, 0, VIETREF_ENCODING_VNI, outp));
    /* A byte-order mark is dropped. */
    CHECK_OWNED("Đ", vietref_legacy_decode(B("\xef\xbb\xbf\xc4\x90"), VIETREF_ENCODING_UTF8, outp));

    /* Refusals, each with where and why. */
    CHECK_OWNED_FAILS(VIETREF_LEGACY_UNDEFINED_BYTE, vietref_legacy_decode(B("N\x81"), VIETREF_ENCODING_CP1258, outp));
    CHECK_OWNED("{\"kind\":\"undefined_byte\",\"offset\":1,\"line\":1,\"byte\":129,"
                "\"message\":\"byte 0x81 at offset 1 (line 1) is not defined in Windows-1258\"}",
                vietref_legacy_decode_error(B("N\x81"), VIETREF_ENCODING_CP1258, outp));
    CHECK_BUF("{\"kind\":\"undefined_byte\",\"offset\":4,\"line\":2,\"byte\":129,"
              "\"message\":\"byte 0x81 at offset 4 (line 2) is not defined in Windows-1258\"}",
              vietref_legacy_decode_error_buf(B("ab\nc\x81"), VIETREF_ENCODING_CP1258, buf, cap, lenp));
    CHECK_OWNED_FAILS(VIETREF_LEGACY_INVALID_UTF8, vietref_legacy_decode(B("a\xff"), VIETREF_ENCODING_UTF8, outp));
    CHECK_OWNED("{\"kind\":\"invalid_utf8\",\"offset\":1,\"line\":1,\"byte\":255,"
                "\"message\":\"byte 0xFF at offset 1 (line 1) is not valid UTF-8\"}",
                vietref_legacy_decode_error(B("a\xff"), VIETREF_ENCODING_UTF8, outp));
    CHECK_OWNED_FAILS(VIETREF_LEGACY_NOT_SEVEN_BIT, vietref_legacy_decode(B("L\xea"), VIETREF_ENCODING_VIQR, outp));
    CHECK_BUF_FAILS(VIETREF_LEGACY_NOT_SEVEN_BIT, vietref_legacy_decode_buf(B("L\xea"), VIETREF_ENCODING_VIQR, buf, cap, lenp));
    /* "Nguyễn" is UTF-8, but not UTF-8 read as Windows-1252 ('ễ' is not in Windows-1252). */
    CHECK_OWNED_FAILS(VIETREF_LEGACY_NOT_MOJIBAKE,
                      vietref_legacy_decode(B("Nguy\xe1\xbb\x85n"), VIETREF_ENCODING_UTF8_AS_CP1252, outp));
    {
        vietref_string *s = NULL;
        CHECK_STATUS(vietref_legacy_decode_error(B("Nguy\xe1\xbb\x85n"), VIETREF_ENCODING_UTF8_AS_CP1252, &s),
                     VIETREF_OK);
        CHECK(strncmp(vietref_string_ptr(s), "{\"kind\":\"not_mojibake\",", 23) == 0);
        vietref_string_free(s);
    }

    /* Arguments: unknown encodings, NULL with a length, NULL outs. */
    CHECK_OWNED_FAILS(VIETREF_INVALID_ARGUMENT, vietref_legacy_decode(B("a"), 8, outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_ARGUMENT, vietref_legacy_decode(B("a"), 0xFFFFFFFFu, outp));
    CHECK_BUF_FAILS(VIETREF_INVALID_ARGUMENT, vietref_legacy_decode_buf(B("a"), 8, buf, cap, lenp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_ARGUMENT, vietref_legacy_decode_error(B("a"), 8, outp));
    CHECK_BUF_FAILS(VIETREF_INVALID_ARGUMENT, vietref_legacy_decode_error_buf(B("a"), 8, buf, cap, lenp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_legacy_decode(NULL, 1, VIETREF_ENCODING_TCVN3, outp));
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_legacy_decode_buf(NULL, 1, VIETREF_ENCODING_TCVN3, buf, cap, lenp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_legacy_decode_error(NULL, 1, VIETREF_ENCODING_TCVN3, outp));
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT,
                    vietref_legacy_decode_error_buf(NULL, 1, VIETREF_ENCODING_TCVN3, buf, cap, lenp));
    CHECK_STATUS(vietref_legacy_decode(B("a"), VIETREF_ENCODING_TCVN3, NULL), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_legacy_decode_error(B("\x81"), VIETREF_ENCODING_CP1258, NULL), VIETREF_NULL_ARGUMENT);
}

static void check_bytes(const vietref_encoded *e, const unsigned char *want, size_t n) {
    CHECK(vietref_encoded_len(e) == n);
    CHECK(vietref_encoded_bytes(e) != NULL && memcmp(vietref_encoded_bytes(e), want, n) == 0);
}

static void test_encode(void) {
    vietref_encoded *e = NULL;
    size_t n = 77, pos = 77;
    uint32_t ch = 77, written = 77;
    size_t i;

    CHECK_STATUS(vietref_legacy_encode(S("Nguyễn Văn Đức"), VIETREF_ENCODING_TCVN3, 0, &e), VIETREF_OK);
    check_bytes(e, TCVN3_NAME, sizeof TCVN3_NAME);
    CHECK_STATUS(vietref_encoded_loss_count(e, &n), VIETREF_OK);
    CHECK(n == 0);
    CHECK_STATUS(vietref_encoded_loss(e, 0, &pos, &ch, &written), VIETREF_INDEX_OUT_OF_RANGE);
    CHECK(pos == 77 && ch == 77 && written == 77);
    vietref_encoded_free(e);
    /* Every vector encodes back to its bytes (NFD input composes first). */
    for (i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        const char *t = CASES[i].text;
        if (CASES[i].encoding == VIETREF_ENCODING_UTF8) continue; /* decoding composed it */
        e = NULL;
        CHECK_STATUS(vietref_legacy_encode(t, strlen(t), CASES[i].encoding, 0, &e), VIETREF_OK);
        check_bytes(e, (const unsigned char *)CASES[i].bytes, strlen(CASES[i].bytes));
        vietref_encoded_free(e);
        CHECK_BUF(CASES[i].bytes, vietref_legacy_encode_buf(t, strlen(t), CASES[i].encoding, 0, (uint8_t *)buf, cap, lenp));
    }
    CHECK_BUF("\xd0\xd1\x63", vietref_legacy_encode_buf(S("Đức"), VIETREF_ENCODING_VISCII, 0, (uint8_t *)buf, cap, lenp));
    CHECK_BUF("DDu+'c", vietref_legacy_encode_buf(S("Đức"), VIETREF_ENCODING_VIQR, 0, (uint8_t *)buf, cap, lenp));
    /* Output bytes may hold NUL: the length counts. */
    e = NULL;
    CHECK_STATUS(vietref_legacy_encode("a\0b", 3, VIETREF_ENCODING_UTF8, 0, &e), VIETREF_OK);
    check_bytes(e, (const unsigned char *)"a\0b", 3);
    vietref_encoded_free(e);
    e = NULL;
    CHECK_STATUS(vietref_legacy_encode(NULL, 0, VIETREF_ENCODING_VNI, 0, &e), VIETREF_OK);
    CHECK(vietref_encoded_len(e) == 0 && vietref_encoded_bytes(e) != NULL);
    vietref_encoded_free(e);

    /* TCVN3 capitals: refused by default, written lower case (and reported) on request. */
    e = SENTINEL;
    CHECK_STATUS(vietref_legacy_encode(S("ÔNG ỐNG"), VIETREF_ENCODING_TCVN3, 0, &e), VIETREF_LEGACY_TCVN3_CAPITAL);
    CHECK(e == SENTINEL);
    {
        vietref_string *s = NULL;
        CHECK_STATUS(vietref_legacy_encode_error(S("ÔNG ỐNG"), VIETREF_ENCODING_TCVN3, 0, &s), VIETREF_OK);
        static const char head[] = "{\"kind\":\"tcvn3_capital\",\"character\":\"Ố\",\"codePoint\":7888,"
                                   "\"position\":5,\"line\":1,\"message\":\"";
        CHECK(strncmp(vietref_string_ptr(s), head, strlen(head)) == 0);
        vietref_string_free(s);
    }
    CHECK_OWNED_FAILS(VIETREF_NO_VALUE, vietref_legacy_encode_error(S("ÔNG ỐNG"), VIETREF_ENCODING_TCVN3,
                                                                    VIETREF_LEGACY_TCVN3_LOWER_CASE, outp));
    e = NULL;
    CHECK_STATUS(vietref_legacy_encode(S("ỐNG"), VIETREF_ENCODING_TCVN3, VIETREF_LEGACY_TCVN3_LOWER_CASE, &e),
                 VIETREF_OK);
    {
        static const unsigned char want[] = {0xE8, 0x4E, 0x47};
        check_bytes(e, want, 3);
    }
    CHECK_STATUS(vietref_encoded_loss_count(e, &n), VIETREF_OK);
    CHECK(n == 1);
    CHECK_STATUS(vietref_encoded_loss(e, 0, &pos, &ch, &written), VIETREF_OK);
    CHECK(pos == 1 && ch == 0x1ED0 && written == 0x1ED1);
    pos = ch = written = 77;
    CHECK_STATUS(vietref_encoded_loss(e, 1, &pos, &ch, &written), VIETREF_INDEX_OUT_OF_RANGE);
    CHECK_STATUS(vietref_encoded_loss(e, 0, NULL, &ch, &written), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_encoded_loss(e, 0, &pos, NULL, &written), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_encoded_loss(e, 0, &pos, &ch, NULL), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_encoded_loss(NULL, 0, &pos, &ch, &written), VIETREF_NULL_ARGUMENT);
    CHECK(pos == 77 && ch == 77 && written == 77);
    CHECK_STATUS(vietref_encoded_loss_count(NULL, &n), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_encoded_loss_count(e, NULL), VIETREF_NULL_ARGUMENT);
    vietref_encoded_free(e);
    CHECK_BUF("\xe8\x4e\x47", vietref_legacy_encode_buf(S("ỐNG"), VIETREF_ENCODING_TCVN3, VIETREF_LEGACY_TCVN3_LOWER_CASE,
                                                       (uint8_t *)buf, cap, lenp));
    /* Cyrillic letters exist in no Vietnamese legacy encoding. */
    CHECK_STATUS(vietref_legacy_encode(S("Giá 5Ж"), VIETREF_ENCODING_VNI, 0, &e), VIETREF_LEGACY_UNENCODABLE);
    CHECK_BUF_FAILS(VIETREF_LEGACY_UNENCODABLE,
                    vietref_legacy_encode_buf(S("Giá 5Ж"), VIETREF_ENCODING_TCVN3, 0, (uint8_t *)buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_LEGACY_TCVN3_CAPITAL,
                    vietref_legacy_encode_buf(S("Ố"), VIETREF_ENCODING_TCVN3, 0, (uint8_t *)buf, cap, lenp));
    CHECK_BUF("{\"kind\":\"unencodable\",\"character\":\"Ж\",\"codePoint\":1046,\"position\":6,\"line\":2,"
              "\"message\":\"'Ж' (U+0416) at character 6 (line 2) cannot be written in VNI-Win\"}",
              vietref_legacy_encode_error_buf(S("Giá\n5Ж"), VIETREF_ENCODING_VNI, 0, buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_NO_VALUE, vietref_legacy_encode_error_buf(S("Giá"), VIETREF_ENCODING_VNI, 0, buf, cap, lenp));

    /* Arguments. */
    e = SENTINEL;
    CHECK_STATUS(vietref_legacy_encode(S("a"), 8, 0, &e), VIETREF_INVALID_ARGUMENT);
    CHECK_STATUS(vietref_legacy_encode(S("a"), VIETREF_ENCODING_TCVN3, 2, &e), VIETREF_INVALID_ARGUMENT);
    CHECK_STATUS(vietref_legacy_encode(NULL, 1, VIETREF_ENCODING_TCVN3, 0, &e), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_legacy_encode(S(BAD_UTF8), VIETREF_ENCODING_TCVN3, 0, &e), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_legacy_encode(S("a"), VIETREF_ENCODING_TCVN3, 0, NULL), VIETREF_NULL_ARGUMENT);
    CHECK(e == SENTINEL);
    CHECK_BUF_FAILS(VIETREF_INVALID_ARGUMENT, vietref_legacy_encode_buf(S("a"), 9, 0, (uint8_t *)buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_INVALID_ARGUMENT, vietref_legacy_encode_buf(S("a"), 1, 5, (uint8_t *)buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_legacy_encode_buf(NULL, 1, 1, 0, (uint8_t *)buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_INVALID_UTF8, vietref_legacy_encode_buf(S(BAD_UTF8), 1, 0, (uint8_t *)buf, cap, lenp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_ARGUMENT, vietref_legacy_encode_error(S("a"), 9, 0, outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_ARGUMENT, vietref_legacy_encode_error(S("a"), 1, 3, outp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_legacy_encode_error(NULL, 1, 1, 0, outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_UTF8, vietref_legacy_encode_error(S(BAD_UTF8), 1, 0, outp));
    CHECK_STATUS(vietref_legacy_encode_error(S("Ж"), 1, 0, NULL), VIETREF_NULL_ARGUMENT);
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_legacy_encode_error_buf(NULL, 1, 1, 0, buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_INVALID_UTF8, vietref_legacy_encode_error_buf(S(BAD_UTF8), 1, 0, buf, cap, lenp));
    CHECK(vietref_encoded_bytes(NULL) == NULL && vietref_encoded_len(NULL) == 0);
    vietref_encoded_free(NULL);
    vietref_encoded_free(NULL);
}

static vietref_detection *detect(const uint8_t *b, size_t n) {
    vietref_detection *d = NULL;
    CHECK_STATUS(vietref_legacy_detect(b, n, &d), VIETREF_OK);
    return d;
}

/* "Either": the test does not fix whether the detection is ambiguous. */
#define ANY 2u

static void check_detection(const vietref_detection *d, uint32_t enc, const char *text, uint32_t ambiguous) {
    uint32_t u = 77;
    CHECK_STATUS(vietref_detection_encoding(d, &u), VIETREF_OK);
    CHECK(u == enc);
    u = 77;
    CHECK_STATUS(vietref_detection_ambiguous(d, &u), VIETREF_OK);
    CHECK(ambiguous == ANY ? u <= 1 : u == ambiguous);
    CHECK_OWNED(text, vietref_detection_text(d, outp));
    CHECK_BUF(text, vietref_detection_text_buf(d, buf, cap, lenp));
}

static void test_detect(void) {
    vietref_detection *d;
    uint32_t u = 77, fit = 77;
    size_t n = 77, i;

    /* VNI: unambiguous, confident. */
    d = detect(B("Nguye\xe3n Va\xean \xd1\xf6\xf9\x63"));
    check_detection(d, VIETREF_ENCODING_VNI, "Nguyễn Văn Đức", 0);
    CHECK_STATUS(vietref_detection_confidence(d, &u), VIETREF_OK);
    CHECK(u > 500 && u <= 1000);
    vietref_detection_free(d);
    /* The TCVN3 example. */
    d = detect(TCVN3_NAME, sizeof TCVN3_NAME);
    check_detection(d, VIETREF_ENCODING_TCVN3, "Nguyễn Văn Đức", 0);
    vietref_detection_free(d);
    /* 70 68 ED is "phí" in four encodings and "phớ" in TCVN3: ambiguous, with alternatives
       that each decode it, best first. */
    d = detect(B("\x70\x68\xed"));
    u = 77;
    CHECK_STATUS(vietref_detection_ambiguous(d, &u), VIETREF_OK);
    CHECK(u == 1);
    CHECK_STATUS(vietref_detection_alternative_count(d, &n), VIETREF_OK);
    CHECK(n >= 4);
    {
        uint32_t prev = 1000, seen_tcvn3 = 0;
        for (i = 0; i < n; i++) {
            CHECK_STATUS(vietref_detection_alternative(d, i, &u, &fit), VIETREF_OK);
            CHECK(u <= 7 && fit <= 1000 && fit <= prev);
            prev = fit;
            seen_tcvn3 |= (u == VIETREF_ENCODING_TCVN3);
        }
        /* Either TCVN3 won or it is an alternative. */
        CHECK_STATUS(vietref_detection_encoding(d, &u), VIETREF_OK);
        CHECK(seen_tcvn3 || u == VIETREF_ENCODING_TCVN3);
    }
    u = fit = 77;
    CHECK_STATUS(vietref_detection_alternative(d, n, &u, &fit), VIETREF_INDEX_OUT_OF_RANGE);
    CHECK_STATUS(vietref_detection_alternative(d, 0, NULL, &fit), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_detection_alternative(d, 0, &u, NULL), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_detection_alternative(NULL, 0, &u, &fit), VIETREF_NULL_ARGUMENT);
    CHECK(u == 77 && fit == 77);
    vietref_detection_free(d);
    /* Declared Windows-1258 is used: "phí", not ambiguous. */
    d = NULL;
    CHECK_STATUS(vietref_legacy_detect_declared(B("\x70\x68\xed"), VIETREF_ENCODING_CP1258, &d), VIETREF_OK);
    check_detection(d, VIETREF_ENCODING_CP1258, "phí", 0);
    vietref_detection_free(d);
    /* A declaration that cannot decode the bytes is overridden (0xA9 is 'â' in TCVN3); the
       detection is then an ordinary one, which may be ambiguous. */
    d = NULL;
    CHECK_STATUS(vietref_legacy_detect_declared(B("Ph\xa9m"), VIETREF_ENCODING_CP1258, &d), VIETREF_OK);
    check_detection(d, VIETREF_ENCODING_TCVN3, "Phâm", ANY);
    vietref_detection_free(d);
    /* Plain ASCII reads the same everywhere: confidence 1000. A BOM declares UTF-8. */
    d = detect(B("Hello"));
    CHECK_STATUS(vietref_detection_confidence(d, &u), VIETREF_OK);
    CHECK(u == 1000);
    vietref_detection_free(d);
    d = detect(B("\xef\xbb\xbfPh\xc3\xad"));
    check_detection(d, VIETREF_ENCODING_UTF8, "Phí", 0);
    CHECK_STATUS(vietref_detection_confidence(d, &u), VIETREF_OK);
    CHECK(u == 1000);
    CHECK_STATUS(vietref_detection_alternative_count(d, &n), VIETREF_OK);
    CHECK(n == 0);
    vietref_detection_free(d);
    /* Empty input and bytes no encoding decodes are detected, not refused. */
    d = detect(NULL, 0);
    CHECK_OWNED("", vietref_detection_text(d, outp));
    vietref_detection_free(d);

    /* Arguments. */
    d = SENTINEL;
    CHECK_STATUS(vietref_legacy_detect(NULL, 1, &d), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_legacy_detect(B("a"), NULL), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_legacy_detect_declared(B("a"), 8, &d), VIETREF_INVALID_ARGUMENT);
    CHECK_STATUS(vietref_legacy_detect_declared(NULL, 1, 1, &d), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_legacy_detect_declared(B("a"), 1, NULL), VIETREF_NULL_ARGUMENT);
    CHECK(d == SENTINEL);
    d = detect(B("a"));
    u = 77;
    n = 77;
    CHECK_STATUS(vietref_detection_encoding(NULL, &u), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_detection_encoding(d, NULL), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_detection_confidence(NULL, &u), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_detection_confidence(d, NULL), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_detection_ambiguous(NULL, &u), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_detection_ambiguous(d, NULL), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_detection_alternative_count(NULL, &n), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_detection_alternative_count(d, NULL), VIETREF_NULL_ARGUMENT);
    CHECK(u == 77 && n == 77);
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_detection_text(NULL, outp));
    CHECK_STATUS(vietref_detection_text(d, NULL), VIETREF_NULL_ARGUMENT);
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_detection_text_buf(NULL, buf, cap, lenp));
    vietref_detection_free(d);
    vietref_detection_free(NULL);
    vietref_detection_free(NULL);
}

static void test_mojibake_and_names(void) {
    uint32_t u = 77;
    CHECK_OWNED("Nguyễn Thuỵ Kim Nhật", vietref_legacy_repair_mojibake(S("Nguyá»…n Thuá»µ Kim Nháº­t"), outp));
    CHECK_OWNED("Trương Tuệ Vân", vietref_legacy_repair_mojibake(S("TrÆ°Æ¡ng Tuá»‡ VÃ¢n"), outp));
    CHECK_BUF("Mai Xuân Hoè", vietref_legacy_repair_mojibake_buf(S("Mai XuÃ¢n HoÃ¨"), buf, cap, lenp));
    CHECK_OWNED_FAILS(VIETREF_NO_VALUE, vietref_legacy_repair_mojibake(S("Nguyễn"), outp));
    CHECK_OWNED_FAILS(VIETREF_NO_VALUE, vietref_legacy_repair_mojibake(S("Liège"), outp));
    CHECK_OWNED_FAILS(VIETREF_NO_VALUE, vietref_legacy_repair_mojibake(S("ASCII"), outp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_legacy_repair_mojibake(NULL, 1, outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_UTF8, vietref_legacy_repair_mojibake(S(BAD_UTF8), outp));
    CHECK_STATUS(vietref_legacy_repair_mojibake(S("x"), NULL), VIETREF_NULL_ARGUMENT);
    CHECK_BUF_FAILS(VIETREF_NO_VALUE, vietref_legacy_repair_mojibake_buf(S("Nguyễn"), buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_legacy_repair_mojibake_buf(NULL, 1, buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_INVALID_UTF8, vietref_legacy_repair_mojibake_buf(S(BAD_UTF8), buf, cap, lenp));

    CHECK(strcmp(vietref_legacy_encoding_name(VIETREF_ENCODING_UTF8), "utf8") == 0);
    CHECK(strcmp(vietref_legacy_encoding_name(VIETREF_ENCODING_TCVN3), "tcvn3") == 0);
    CHECK(strcmp(vietref_legacy_encoding_name(VIETREF_ENCODING_CP1258), "cp1258") == 0);
    CHECK(strcmp(vietref_legacy_encoding_name(VIETREF_ENCODING_UTF8_AS_CP1252), "utf8-as-cp1252") == 0);
    CHECK(vietref_legacy_encoding_name(8) == NULL);
    CHECK_STATUS(vietref_legacy_encoding_from_name(S("ABC"), &u), VIETREF_OK);
    CHECK(u == VIETREF_ENCODING_TCVN3);
    CHECK_STATUS(vietref_legacy_encoding_from_name(S("windows-1258"), &u), VIETREF_OK);
    CHECK(u == VIETREF_ENCODING_CP1258);
    CHECK_STATUS(vietref_legacy_encoding_from_name(S("mojibake"), &u), VIETREF_OK);
    CHECK(u == VIETREF_ENCODING_UTF8_AS_CP1252);
    u = 77;
    CHECK_STATUS(vietref_legacy_encoding_from_name(S("latin1"), &u), VIETREF_NO_VALUE);
    CHECK_STATUS(vietref_legacy_encoding_from_name(NULL, 0, &u), VIETREF_NO_VALUE);
    CHECK_STATUS(vietref_legacy_encoding_from_name(NULL, 1, &u), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_legacy_encoding_from_name(S(BAD_UTF8), &u), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_legacy_encoding_from_name(S("vni"), NULL), VIETREF_NULL_ARGUMENT);
    CHECK(u == 77);
}

static void test_constants(void) {
    CHECK(VIETREF_ENCODING_UTF8 == 0 && VIETREF_ENCODING_TCVN3 == 1 && VIETREF_ENCODING_VNI == 2);
    CHECK(VIETREF_ENCODING_VISCII == 3 && VIETREF_ENCODING_VPS == 4 && VIETREF_ENCODING_CP1258 == 5);
    CHECK(VIETREF_ENCODING_VIQR == 6 && VIETREF_ENCODING_UTF8_AS_CP1252 == 7);
    CHECK(VIETREF_LEGACY_TCVN3_LOWER_CASE == 1);
    CHECK(VIETREF_LEGACY_UNDEFINED_BYTE == 600 && VIETREF_LEGACY_INVALID_UTF8 == 601);
    CHECK(VIETREF_LEGACY_NOT_SEVEN_BIT == 602 && VIETREF_LEGACY_NOT_MOJIBAKE == 603);
    CHECK(VIETREF_LEGACY_UNENCODABLE == 604 && VIETREF_LEGACY_TCVN3_CAPITAL == 605);
    CHECK(strcmp(vietref_status_message(VIETREF_LEGACY_TCVN3_CAPITAL, VIETREF_LANG_VI),
                 "TCVN3 không có chữ hoa mang dấu thanh") == 0);
}

int main(void) {
    test_constants();
    test_decode();
    test_encode();
    test_detect();
    test_mojibake_and_names();
    return check_summary();
}
