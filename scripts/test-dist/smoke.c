/* Smoke test of the C SDK: built with pkg-config against the unpacked SDK; ./smoke VERSION. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <vietref.h>

#define S(lit) lit, (sizeof(lit) - 1)

static const char statement[] = "date,amount,content\n"
                                "2024-09-05,1250000,NGUYEN VAN AN HP24010172 hoc phi\n"
                                "2024-09-06,300000,chuyen tien\n";

static void check(int ok, const char *what, const char *detail) {
    if (ok) return;
    fprintf(stderr, "c smoke: FAILED: %s %s\n", what, detail ? detail : "");
    exit(1);
}

static void ok_status(vietref_status st, const char *what) {
    check(st == VIETREF_OK, what, vietref_status_name(st));
}

/* The report's validity and its cleaned text (or JSON) as a malloc'ed string. */
static char *cleaned(const vietref_report *report, int json, uint32_t *valid) {
    vietref_string *s = NULL;
    char *copy;
    ok_status(vietref_report_valid(report, valid), "report_valid");
    if ((json ? vietref_report_cleaned_json(report, &s) : vietref_report_cleaned_text(report, &s)) != VIETREF_OK)
        return strdup("");
    copy = strndup(vietref_string_ptr(s), vietref_string_len(s));
    vietref_string_free(s);
    return copy;
}

int main(int argc, char **argv) {
    vietref_message *m = NULL;
    vietref_report *report = NULL;
    vietref_reconciler *r = NULL;
    vietref_string *results = NULL;
    uint32_t valid = 0;
    char *text;

    check(argc == 2 && strcmp(vietref_version(), argv[1]) == 0, "version", vietref_version());

    ok_status(vietref_message_new(&m), "message_new");
    ok_status(vietref_message_set_sector(m, S("education")), "sector");
    ok_status(vietref_message_set_payer_name(m, S("  nguyễn   văn AN ")), "payer");
    ok_status(vietref_message_set_beneficiary_name(m, S("Nguyễn Thị Bình")), "beneficiary");
    ok_status(vietref_message_set_reason(m, S("Học phí học kỳ 1 năm 2024-2025")), "reason");
    ok_status(vietref_message_set_invoice(m, S("HP24010172")), "invoice");
    ok_status(vietref_message_set_amount(m, 1250000u), "amount");

    ok_status(vietref_message_validate(m, &report), "validate");
    text = cleaned(report, 1, &valid);
    check(valid && strstr(text, "\"payerName\":\"Nguyễn Văn An\"") != NULL, "tuition message", text);
    free(text);
    vietref_report_free(report);

    ok_status(vietref_vietqr_for_payment(m, S("HP:6"), S("970436"), S("0011001234567"), &report), "vietqr");
    text = cleaned(report, 0, &valid);
    check(valid && strncmp(text, "000201", 6) == 0 && strstr(text, "970436") && strstr(text, "HP24010172"),
          "VietQR", text);
    free(text);
    vietref_report_free(report);
    vietref_message_free(m);

    ok_status(vietref_reconciler_new(S("HP:6"), &r), "reconciler_new");
    ok_status(vietref_reconciler_add_invoice(r, S("HP24010172"), 1250000u, S("Nguyễn Văn An"), NULL, 0, NULL, 0,
                                             &report),
              "add_invoice");
    ok_status(vietref_report_valid(report, &valid), "report_valid");
    check(valid, "invoice not added", NULL);
    vietref_report_free(report);
    ok_status(vietref_reconciler_feed_statement(r, statement, sizeof(statement) - 1, VIETREF_STATEMENT_CSV, NULL, 0,
                                                VIETREF_RESULTS_JSON_LINES, &results, &report),
              "feed_statement");
    ok_status(vietref_report_valid(report, &valid), "report_valid");
    check(valid, "statement rejected", NULL);
    text = strndup(vietref_string_ptr(results), vietref_string_len(results));
    check(strstr(text, "\"line\":2,\"status\":\"paid\",\"invoice\":\"HP24010172\"") != NULL, "line 2", text);
    check(strstr(text, "\"line\":3,\"status\":\"unmatched\"") != NULL, "line 3", text);
    free(text);
    vietref_string_free(results);
    vietref_report_free(report);
    vietref_reconciler_free(r);

    printf("c smoke ok: vietref %s\n", vietref_version());
    return 0;
}
