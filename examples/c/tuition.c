/*
 * A tuition payment from end to end through the vietref C ABI: fill a payment message as a
 * school's software would, validate it, print every finding in English and Vietnamese,
 * print the cleaned message, fold the payer's name, render the transfer memo, build the
 * VietQR the parent scans, and read the invoice code back from the line the bank's
 * statement shows.
 *
 * Build against the installed library:  make && ./tuition
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <vietref.h>

/* A string literal as pointer + length, the way vietref takes text. */
#define S(lit) lit, (sizeof(lit) - 1)

static int fail(const char *what, vietref_status status) {
    fprintf(stderr, "%s: %s (%s)\n", what, vietref_status_message(status, VIETREF_LANG_EN),
            vietref_status_name(status));
    return 1;
}

/* Every call's status is checked: on failure, say which call and why, and stop. (A refused
   setter also leaves a message.value_rejected finding that validation would report.) */
#define TRY(what, call)                                         \
    do {                                                        \
        vietref_status try_status_ = (call);                    \
        if (try_status_ != VIETREF_OK) return fail((what), try_status_); \
    } while (0)

/* Prints finding i's message in one language; owned strings are freed at once. */
static void print_message(const vietref_report *report, size_t i, uint32_t lang, const char *label) {
    vietref_string *msg = NULL;
    vietref_status status = vietref_report_finding_message(report, i, lang, &msg);
    if (status != VIETREF_OK) {
        fail("finding message", status);
        return;
    }
    printf("    %s: %.*s\n", label, (int)vietref_string_len(msg), vietref_string_ptr(msg));
    vietref_string_free(msg);
}

int main(void) {
    static const char payer[] = "  nguyễn   văn AN ";
    vietref_message *message = NULL;
    vietref_report *report = NULL;
    vietref_string *text = NULL;
    vietref_status status;
    uint32_t valid = 0;
    size_t count = 0, i;
    char memo[64];
    size_t memo_len = 0;

    printf("vietref %s\n", vietref_version());

    /* 1. The message a parent pays: tuition for a student (the beneficiary). */
    TRY("new", vietref_message_new(&message));
    TRY("sector", vietref_message_set_sector(message, S("education")));
    TRY("payer", vietref_message_set_payer_name(message, S(payer)));
    TRY("beneficiary", vietref_message_set_beneficiary_name(message, S("Nguyễn Thị Bình")));
    TRY("reason", vietref_message_set_reason(message, S("Học phí học kỳ 1 năm 2024-2025")));
    TRY("invoice", vietref_message_set_invoice(message, S("HP7184097674")));
    TRY("amount", vietref_message_set_amount(message, 1250000u));

    /* 2. Validate: the report collects every finding, errors and warnings. */
    TRY("validate", vietref_message_validate(message, &report));
    TRY("valid", vietref_report_valid(report, &valid));
    TRY("count", vietref_report_count(report, &count));
    printf("valid: %s, %zu finding(s)\n", valid ? "yes" : "no", count);

    /* 3. Every finding in both languages. */
    for (i = 0; i < count; i++) {
        uint32_t severity = 0, code = 0;
        vietref_string *field = NULL, *key = NULL;
        TRY("severity", vietref_report_finding_severity(report, i, &severity));
        TRY("code", vietref_report_finding_code(report, i, &code));
        TRY("field", vietref_report_finding_field(report, i, &field));
        TRY("key", vietref_report_finding_code_key(report, i, &key));
        printf("  %s %s [%s %u]\n", severity == VIETREF_SEVERITY_ERROR ? "error" : "warning",
               vietref_string_ptr(field), vietref_string_ptr(key), code);
        print_message(report, i, VIETREF_LANG_EN, "en");
        print_message(report, i, VIETREF_LANG_VI, "vi");
        vietref_string_free(field);
        vietref_string_free(key);
    }

    /* 4. The cleaned message, as JSON (VIETREF_NO_VALUE when it has an error). */
    status = vietref_report_cleaned_json(report, &text);
    if (status == VIETREF_OK) {
        printf("cleaned: %s\n", vietref_string_ptr(text));
        vietref_string_free(text);
    } else if (status == VIETREF_NO_VALUE) {
        printf("no cleaned message: %s\n", vietref_status_message(status, VIETREF_LANG_VI));
    } else {
        return fail("cleaned", status);
    }
    vietref_report_free(report);

    /* 5. The payer's name folded for a bank memo, into a caller buffer: no allocation to
       free, and a too-small buffer is an error with the needed length, never a cut. */
    status = vietref_text_fold_buf(S(payer), memo, sizeof memo, &memo_len);
    if (status == VIETREF_INSUFFICIENT_SIZE) {
        fprintf(stderr, "memo buffer too small: %zu bytes needed\n", memo_len);
        return 1;
    }
    if (status != VIETREF_OK) return fail("fold", status);
    printf("memo name: %.*s\n", (int)memo_len, memo);

    /* 6. The memo of a web transfer (140 characters): the invoice code first, then the
       other fields folded to ASCII; every cut or omission would be a memo.* warning. */
    TRY("memo", vietref_memo_render(message, S("HP:8"), VIETREF_CHANNEL_TRANSFER, 0, &report));
    TRY("memo text", vietref_report_cleaned_text(report, &text));
    printf("transfer memo: %s\n", vietref_string_ptr(text));
    vietref_string_free(text);
    vietref_report_free(report);

    /* 7. The VietQR for the school's account (Vietcombank, BIN 970436): the purpose is the
       memo cut to 25 characters, the bill number the invoice code, the amount tag 54. */
    status = vietref_vietqr_for_payment(message, S("HP:8"), S("970436"), S("0011001234567"),
                                        &report);
    vietref_message_free(message);
    if (status != VIETREF_OK) return fail("vietqr", status);
    TRY("vietqr payload", vietref_report_cleaned_text(report, &text));
    printf("vietqr: %s\n", vietref_string_ptr(text));
    vietref_string_free(text);
    vietref_report_free(report);

    /* 8. The statement line as a bank delivers it (prefix, code in chunks, case changed):
       the code comes back, its check digits verified. */
    {
        static const char line[] = "MBVCB.3312.IB hp 7184 0976 74 hoc phi hk1.CT tu 0011";
        vietref_candidates *found = NULL;
        size_t n = 0;
        TRY("extract", vietref_memo_extract(S(line), S("HP:8"), &found));
        TRY("candidates", vietref_candidates_count(found, &n));
        for (i = 0; i < n; i++) {
            vietref_string *code = NULL;
            size_t start = 0, end = 0;
            TRY("candidate code", vietref_candidates_code(found, i, &code));
            TRY("candidate span", vietref_candidates_span(found, i, &start, &end));
            printf("read back: %s at bytes %zu-%zu of the statement line\n",
                   vietref_string_ptr(code), start, end);
            vietref_string_free(code);
        }
        vietref_candidates_free(found);
    }
    return 0;
}
