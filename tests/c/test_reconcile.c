/*
 * Tests of the reconciliation part of the vietref C ABI (vietref_reconciler_*,
 * vietref_line_result_*): every line status, invoices added and refused, the summary and
 * invoice states, NULL for every pointer, invalid UTF-8, caller buffers of 0 and 1 bytes,
 * unknown constants, _free(NULL).
 *
 * The invoices are tests/reconcile.rs's school: payment codes of scheme HP:6 whose check
 * digits were computed by hand (ISO 7064 MOD 97-10, see examples/reconcile/); amounts and
 * reasons are worked out from the status rules in src/reconcile/mod.rs.
 */
#include "check.h"

#define C1 "HP24010172"
#define C2 "HP24010269"
#define C3 "HP24010366"
#define C4 "HP24010463"

static void add_ok(vietref_reconciler *r, const char *code, uint64_t amount, const char *payer, const char *ben) {
    vietref_report *rep = NULL;
    uint32_t u = 77;
    CHECK_STATUS(vietref_reconciler_add_invoice(r, code, strlen(code), amount, payer, strlen(payer), ben, strlen(ben),
                                                NULL, 0, &rep),
                 VIETREF_OK);
    CHECK_STATUS(vietref_report_valid(rep, &u), VIETREF_OK);
    CHECK(u == 1);
    vietref_report_free(rep);
}

static vietref_reconciler *school(void) {
    vietref_reconciler *r = NULL;
    CHECK_STATUS(vietref_reconciler_new(S("HP:6"), &r), VIETREF_OK);
    add_ok(r, C1, 1250000, "Nguyễn Văn An", "Nguyễn Thị Bình");
    add_ok(r, C2, 1250000, "Trần Văn Hùng", "Trần Minh Khoa");
    add_ok(r, C3, 980000, "Lê Thị Thuỷ", "Phạm Gia Huy");
    add_ok(r, C4, 750000, "Đỗ Thị Hoa", "Hoàng Vy");
    return r;
}

static vietref_line_result *feed(vietref_reconciler *r, uint64_t line, uint64_t amount, const char *content,
                                 const char *reference) {
    vietref_line_result *x = NULL;
    CHECK_STATUS(vietref_reconciler_feed(r, line, amount, content, strlen(content), reference,
                                         reference ? strlen(reference) : 0, NULL, 0, NULL, 0, &x),
                 VIETREF_OK);
    return x;
}

static void check_line(vietref_line_result *x, uint32_t status, const char *invoice) {
    uint32_t u = 77;
    CHECK_STATUS(vietref_line_result_status(x, &u), VIETREF_OK);
    CHECK(u == status);
    if (invoice) {
        CHECK_OWNED(invoice, vietref_line_result_invoice(x, outp));
        CHECK_BUF(invoice, vietref_line_result_invoice_buf(x, buf, cap, lenp));
    } else {
        CHECK_OWNED_FAILS(VIETREF_NO_VALUE, vietref_line_result_invoice(x, outp));
        CHECK_BUF_FAILS(VIETREF_NO_VALUE, vietref_line_result_invoice_buf(x, buf, cap, lenp));
    }
}

static void test_statuses(void) {
    vietref_reconciler *r = school();
    vietref_line_result *x;

    /* Paid in full; the bank's prefix and suffix do not matter. */
    x = feed(r, 2, 1250000, "MBVCB.2427229823.174242.HP24010172 HOC PHI HK1.CT tu 1027236393", NULL);
    check_line(x, VIETREF_LINE_PAID, C1);
    CHECK_OWNED("code HP24010172 found; 1,250,000 VND paid in full",
                vietref_line_result_reason(x, VIETREF_LANG_EN, outp));
    CHECK_BUF("tìm thấy mã HP24010172; đã thanh toán đủ 1.250.000 đ",
              vietref_line_result_reason_buf(x, VIETREF_LANG_VI, buf, cap, lenp));
    CHECK_OWNED_FAILS(VIETREF_NO_VALUE, vietref_line_result_suggestion(x, outp));
    {
        vietref_string *j = NULL;
        CHECK_STATUS(vietref_line_result_json(x, &j), VIETREF_OK);
        static const char head[] = "{\"line\":2,\"status\":\"paid\",\"invoice\":\"HP24010172\","
                                   "\"suggestion\":null,\"amount\":1250000,";
        CHECK(strncmp(vietref_string_ptr(j), head, strlen(head)) == 0);
        CHECK(strstr(vietref_string_ptr(j), "\"amountDue\":1250000") != NULL);
        {
            const char *want = vietref_string_ptr(j);
            CHECK_BUF(want, vietref_line_result_json_buf(x, buf, cap, lenp));
        }
        vietref_string_free(j);
    }
    vietref_line_result_free(x);

    /* Partial, then the rest, then a duplicate (twice with the same bank reference). */
    x = feed(r, 3, 500000, "hp 2401 0269 hoc phi", NULL);
    check_line(x, VIETREF_LINE_PARTIAL, C2);
    CHECK_OWNED("code HP24010269 found; 500,000 VND paid of 1,250,000 VND, 750,000 VND still due",
                vietref_line_result_reason(x, VIETREF_LANG_EN, outp));
    vietref_line_result_free(x);
    x = feed(r, 4, 750000, "HP24010269 con lai", NULL);
    check_line(x, VIETREF_LINE_PAID, C2);
    vietref_line_result_free(x);
    x = feed(r, 5, 100000, "HP24010269", "FT1");
    check_line(x, VIETREF_LINE_DUPLICATE, C2);
    {
        vietref_string *j = NULL;
        CHECK_STATUS(vietref_line_result_json(x, &j), VIETREF_OK);
        CHECK(strstr(vietref_string_ptr(j), "\"settledByLine\":4") != NULL);
        CHECK(strstr(vietref_string_ptr(j), "\"reference\":\"FT1\"") != NULL);
        vietref_string_free(j);
    }
    vietref_line_result_free(x);

    /* Overpaid: 1,000,000 for 980,000. */
    x = feed(r, 6, 1000000, "IB HP24010366 HOC PHI", NULL);
    check_line(x, VIETREF_LINE_OVERPAID, C3);
    CHECK_OWNED("code HP24010366 found; 1,000,000 VND paid for 980,000 VND due: 20,000 VND too much",
                vietref_line_result_reason(x, VIETREF_LANG_EN, outp));
    vietref_line_result_free(x);

    /* A valid code of last year: unknown. Two codes: ambiguous, nothing applied. */
    x = feed(r, 7, 1250000, "HP23999987 hoc phi hk2", NULL);
    check_line(x, VIETREF_LINE_UNKNOWN_CODE, NULL);
    vietref_line_result_free(x);
    x = feed(r, 8, 2500000, "HP24010172 HP24010269 HOC PHI 2 CHAU", NULL);
    check_line(x, VIETREF_LINE_AMBIGUOUS, NULL);
    vietref_line_result_free(x);

    /* No code: unmatched; with the beneficiary's name (Y/I variant) and the exact amount of
       one open invoice, a suggestion that is not applied. */
    x = feed(r, 9, 200000, "ung ho quy lop", NULL);
    check_line(x, VIETREF_LINE_UNMATCHED, NULL);
    CHECK_OWNED("no invoice code found in the content", vietref_line_result_reason(x, VIETREF_LANG_EN, outp));
    CHECK_OWNED_FAILS(VIETREF_NO_VALUE, vietref_line_result_suggestion(x, outp));
    CHECK_BUF_FAILS(VIETREF_NO_VALUE, vietref_line_result_suggestion_buf(x, buf, cap, lenp));
    vietref_line_result_free(x);
    x = feed(r, 10, 750000, "CHUYEN TIEN HOC PHI CHO CHAU HOANG VI LOP 6A", NULL);
    check_line(x, VIETREF_LINE_UNMATCHED, NULL);
    CHECK_OWNED(C4, vietref_line_result_suggestion(x, outp));
    CHECK_BUF(C4, vietref_line_result_suggestion_buf(x, buf, cap, lenp));
    vietref_line_result_free(x);

    /* Invoice states: C2 received 500,000 + 750,000 + 100,000 in three payments; C4 nothing. */
    CHECK_OWNED("{\"code\":\"HP24010269\",\"kind\":\"payment_code\",\"amountDue\":1250000,\"paid\":1350000,"
                "\"payments\":3,\"outstanding\":0,\"status\":\"overpaid\"}",
                vietref_reconciler_invoice_json(r, S("hp 2401 0269"), outp));
    CHECK_BUF("{\"code\":\"HP24010463\",\"kind\":\"payment_code\",\"amountDue\":750000,\"paid\":0,"
              "\"payments\":0,\"outstanding\":750000,\"status\":\"unpaid\"}",
              vietref_reconciler_invoice_json_buf(r, S(C4), buf, cap, lenp));
    CHECK_OWNED_FAILS(VIETREF_NO_VALUE, vietref_reconciler_invoice_json(r, S("HP23999987"), outp));
    CHECK_BUF_FAILS(VIETREF_NO_VALUE, vietref_reconciler_invoice_json_buf(r, NULL, 0, buf, cap, lenp));

    /* Summary: 9 lines; 2 paid (2,000,000), 1 partial, 1 overpaid, 1 duplicate, 1 unknown,
       1 ambiguous, 2 unmatched; invoices: C1 settled, C2 and C3 overpaid, C4 unpaid. */
    {
        vietref_string *j = NULL;
        const char *p;
        CHECK_STATUS(vietref_reconciler_summary_json(r, &j), VIETREF_OK);
        p = vietref_string_ptr(j);
        static const char head[] = "{\"lines\":9,\"amount\":8300000,\"statuses\":[{\"status\":\"paid\",\"lines\":2,"
                                   "\"amount\":2000000},{\"status\":\"partial\",\"lines\":1,\"amount\":500000},";
        CHECK(strncmp(p, head, strlen(head)) == 0);
        CHECK(strstr(p, "{\"status\":\"unmatched\",\"lines\":2,\"amount\":950000}") != NULL);
        CHECK(strstr(p, "\"invoices\":4,\"invoicesSettled\":1,\"invoicesOverpaid\":2,\"invoicesPartial\":0,"
                        "\"invoicesUnpaid\":1,\"outstanding\":750000}") != NULL);
        CHECK_BUF(p, vietref_reconciler_summary_json_buf(r, buf, cap, lenp));
        vietref_string_free(j);
    }
    vietref_reconciler_free(r);
}

/* A code of the scheme whose check digits fail, one digit changed or two adjacent digits swapped
   away from exactly one open invoice's code: a possible typo, never applied. */
static void test_possible_typo(void) {
    vietref_reconciler *r = school();
    const char *typed[] = {"HP24010464 hoc phi", "HP 2401 0436", "HP24010643"};
    for (size_t i = 0; i < sizeof typed / sizeof *typed; i++) {
        vietref_line_result *x = feed(r, 2 + i, 1000, typed[i], NULL);
        check_line(x, VIETREF_LINE_UNMATCHED, NULL);
        CHECK_OWNED_FAILS(VIETREF_NO_VALUE, vietref_line_result_suggestion(x, outp));
        CHECK_OWNED(C4, vietref_line_result_possible_typo(x, outp));
        CHECK_BUF(C4, vietref_line_result_possible_typo_buf(x, buf, cap, lenp));
        vietref_line_result_free(x);
    }
    vietref_line_result *x = feed(r, 9, 1000, "ung ho quy lop", NULL);
    CHECK_OWNED_FAILS(VIETREF_NO_VALUE, vietref_line_result_possible_typo(x, outp));
    CHECK_BUF_FAILS(VIETREF_NO_VALUE, vietref_line_result_possible_typo_buf(x, buf, cap, lenp));
    vietref_line_result_free(x);
    CHECK_OWNED("{\"code\":\"HP24010463\",\"kind\":\"payment_code\",\"amountDue\":750000,\"paid\":0,"
                "\"payments\":0,\"outstanding\":750000,\"status\":\"unpaid\"}",
                vietref_reconciler_invoice_json(r, S(C4), outp));
    vietref_reconciler_free(r);
}

static void test_add_invoice(void) {
    vietref_reconciler *r = NULL;
    vietref_report *rep = NULL;
    uint32_t u = 77;
    size_t n = 77;
    CHECK_STATUS(vietref_reconciler_new(S("HP:6, VP:8"), &r), VIETREF_OK);

    /* A spaced code is normalized (invoice.normalized, 401, a warning); the cleaned text is
       the code as held. */
    CHECK_STATUS(vietref_reconciler_add_invoice(r, S("hp 2401 0172"), 1250000, NULL, 0, NULL, 0, S("2024-09-15"), &rep),
                 VIETREF_OK);
    CHECK_STATUS(vietref_report_valid(rep, &u), VIETREF_OK);
    CHECK(u == 1);
    CHECK_STATUS(vietref_report_finding_code(rep, 0, &u), VIETREF_OK);
    CHECK(u == 401);
    CHECK_OWNED(C1, vietref_report_cleaned_text(rep, outp));
    vietref_report_free(rep);
    /* The same code again: reconcile.invoice_duplicate (814). */
    rep = NULL;
    CHECK_STATUS(vietref_reconciler_add_invoice(r, S(C1), 5, NULL, 0, NULL, 0, NULL, 0, &rep), VIETREF_OK);
    CHECK_STATUS(vietref_report_valid(rep, &u), VIETREF_OK);
    CHECK(u == 0);
    CHECK_STATUS(vietref_report_count(rep, &n), VIETREF_OK);
    CHECK(n == 1);
    CHECK_STATUS(vietref_report_finding_code(rep, 0, &u), VIETREF_OK);
    CHECK(u == 814);
    CHECK_OWNED_FAILS(VIETREF_NO_VALUE, vietref_report_cleaned_text(rep, outp));
    vietref_report_free(rep);
    /* A wrong check digit (invoice.check_digits, 410) and an amount of 0
       (reconcile.amount_zero, 803): both reported. */
    rep = NULL;
    CHECK_STATUS(vietref_reconciler_add_invoice(r, S("HP24010173"), 0, NULL, 0, NULL, 0, NULL, 0, &rep), VIETREF_OK);
    CHECK_STATUS(vietref_report_count(rep, &n), VIETREF_OK);
    CHECK(n == 2);
    CHECK_STATUS(vietref_report_finding_code(rep, 0, &u), VIETREF_OK);
    CHECK(u == 410);
    CHECK_STATUS(vietref_report_finding_code(rep, 1, &u), VIETREF_OK);
    CHECK(u == 803);
    vietref_report_free(rep);
    /* 14 digits: reconcile.amount_too_large (804). A bad due date: reconcile.date_invalid
       (816). */
    rep = NULL;
    CHECK_STATUS(vietref_reconciler_add_invoice(r, S(C2), 10000000000000u, NULL, 0, NULL, 0, NULL, 0, &rep), VIETREF_OK);
    CHECK_STATUS(vietref_report_finding_code(rep, 0, &u), VIETREF_OK);
    CHECK(u == 804);
    vietref_report_free(rep);
    rep = NULL;
    CHECK_STATUS(vietref_reconciler_add_invoice(r, S(C2), 1, NULL, 0, NULL, 0, S("31/02/2024"), &rep), VIETREF_OK);
    CHECK_STATUS(vietref_report_finding_code(rep, 0, &u), VIETREF_OK);
    CHECK(u == 816);
    vietref_report_free(rep);
    /* An institution's own code shorter than 6 characters cannot be searched for: a warning
       (reconcile.code_unsearchable, 815), the invoice is added. */
    rep = NULL;
    CHECK_STATUS(vietref_reconciler_add_invoice(r, S("AB12"), 1000, S("An"), NULL, 0, NULL, 0, &rep), VIETREF_OK);
    CHECK_STATUS(vietref_report_valid(rep, &u), VIETREF_OK);
    CHECK(u == 1);
    CHECK_STATUS(vietref_report_finding_code(rep, 0, &u), VIETREF_OK);
    CHECK(u == 815);
    vietref_report_free(rep);

    /* Arguments: nothing is added, nothing written. */
    rep = SENTINEL;
    CHECK_STATUS(vietref_reconciler_add_invoice(NULL, S(C3), 1, NULL, 0, NULL, 0, NULL, 0, &rep), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_reconciler_add_invoice(r, NULL, 1, 1, NULL, 0, NULL, 0, NULL, 0, &rep), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_reconciler_add_invoice(r, S(C3), 1, NULL, 1, NULL, 0, NULL, 0, &rep), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_reconciler_add_invoice(r, S(C3), 1, NULL, 0, NULL, 1, NULL, 0, &rep), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_reconciler_add_invoice(r, S(C3), 1, NULL, 0, NULL, 0, NULL, 1, &rep), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_reconciler_add_invoice(r, S(BAD_UTF8), 1, NULL, 0, NULL, 0, NULL, 0, &rep), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_reconciler_add_invoice(r, S(C3), 1, S(BAD_UTF8), NULL, 0, NULL, 0, &rep), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_reconciler_add_invoice(r, S(C3), 1, NULL, 0, S(BAD_UTF8), NULL, 0, &rep), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_reconciler_add_invoice(r, S(C3), 1, NULL, 0, NULL, 0, S(BAD_UTF8), &rep), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_reconciler_add_invoice(r, S(C3), 1, NULL, 0, NULL, 0, NULL, 0, NULL), VIETREF_NULL_ARGUMENT);
    CHECK(rep == SENTINEL);
    CHECK_OWNED_FAILS(VIETREF_NO_VALUE, vietref_reconciler_invoice_json(r, S(C3), outp));
    {
        vietref_string *j = NULL;
        CHECK_STATUS(vietref_reconciler_summary_json(r, &j), VIETREF_OK);
        CHECK(strstr(vietref_string_ptr(j), "\"invoices\":2,") != NULL);
        vietref_string_free(j);
    }
    vietref_reconciler_free(r);
}

static void test_arguments(void) {
    vietref_reconciler *r = SENTINEL;
    vietref_line_result *x = SENTINEL;
    uint32_t u = 77;

    CHECK_STATUS(vietref_reconciler_new(S("HO:6"), &r), VIETREF_REF_SCHEMES_INVALID);
    CHECK_STATUS(vietref_reconciler_new(NULL, 1, &r), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_reconciler_new(S(BAD_UTF8), &r), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_reconciler_new(NULL, 0, NULL), VIETREF_NULL_ARGUMENT);
    CHECK(r == SENTINEL);
    r = NULL;
    CHECK_STATUS(vietref_reconciler_new(NULL, 0, &r), VIETREF_OK);

    CHECK_STATUS(vietref_reconciler_feed(r, 1, 0, S("x"), NULL, 0, NULL, 0, NULL, 0, &x), VIETREF_RECONCILE_AMOUNT_INVALID);
    CHECK_STATUS(vietref_reconciler_feed(r, 1, 10000000000000u, S("x"), NULL, 0, NULL, 0, NULL, 0, &x),
                 VIETREF_RECONCILE_AMOUNT_INVALID);
    CHECK_STATUS(vietref_reconciler_feed(NULL, 1, 1, S("x"), NULL, 0, NULL, 0, NULL, 0, &x), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_reconciler_feed(r, 1, 1, NULL, 1, NULL, 0, NULL, 0, NULL, 0, &x), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_reconciler_feed(r, 1, 1, S("x"), NULL, 1, NULL, 0, NULL, 0, &x), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_reconciler_feed(r, 1, 1, S("x"), NULL, 0, NULL, 1, NULL, 0, &x), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_reconciler_feed(r, 1, 1, S("x"), NULL, 0, NULL, 0, NULL, 1, &x), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_reconciler_feed(r, 1, 1, S(BAD_UTF8), NULL, 0, NULL, 0, NULL, 0, &x), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_reconciler_feed(r, 1, 1, S("x"), S(BAD_UTF8), NULL, 0, NULL, 0, &x), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_reconciler_feed(r, 1, 1, S("x"), NULL, 0, S(BAD_UTF8), NULL, 0, &x), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_reconciler_feed(r, 1, 1, S("x"), NULL, 0, NULL, 0, S(BAD_UTF8), &x), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_reconciler_feed(r, 1, 1, S("x"), NULL, 0, NULL, 0, NULL, 0, NULL), VIETREF_NULL_ARGUMENT);
    CHECK(x == SENTINEL);
    {
        /* Nothing was counted by the refused calls. */
        vietref_string *j = NULL;
        CHECK_STATUS(vietref_reconciler_summary_json(r, &j), VIETREF_OK);
        CHECK(strncmp(vietref_string_ptr(j), "{\"lines\":0,", 11) == 0);
        vietref_string_free(j);
    }
    /* With every optional text given; an empty content is a line without a code. */
    x = NULL;
    CHECK_STATUS(vietref_reconciler_feed(r, 1, 1, NULL, 0, S("FT24"), S("2024-09-01"), S("NGUYEN VAN AN"), &x), VIETREF_OK);
    check_line(x, VIETREF_LINE_UNMATCHED, NULL);
    {
        vietref_string *j = NULL;
        CHECK_STATUS(vietref_line_result_json(x, &j), VIETREF_OK);
        CHECK(strstr(vietref_string_ptr(j), "\"date\":\"2024-09-01\"") != NULL);
        CHECK(strstr(vietref_string_ptr(j), "\"counterName\":\"NGUYEN VAN AN\"") != NULL);
        vietref_string_free(j);
    }

    CHECK_STATUS(vietref_line_result_status(NULL, &u), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_line_result_status(x, NULL), VIETREF_NULL_ARGUMENT);
    CHECK(u == 77);
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_line_result_invoice(NULL, outp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_line_result_suggestion(NULL, outp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_line_result_reason(NULL, VIETREF_LANG_EN, outp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_line_result_json(NULL, outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_ARGUMENT, vietref_line_result_reason(x, 0, outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_ARGUMENT, vietref_line_result_reason(x, 3, outp));
    CHECK_STATUS(vietref_line_result_invoice(x, NULL), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_line_result_suggestion(x, NULL), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_line_result_reason(x, VIETREF_LANG_VI, NULL), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_line_result_json(x, NULL), VIETREF_NULL_ARGUMENT);
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_line_result_invoice_buf(NULL, buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_line_result_suggestion_buf(NULL, buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_line_result_reason_buf(NULL, 1, buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_INVALID_ARGUMENT, vietref_line_result_reason_buf(x, 9, buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_line_result_json_buf(NULL, buf, cap, lenp));
    vietref_line_result_free(x);
    vietref_line_result_free(NULL);
    vietref_line_result_free(NULL);

    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_reconciler_summary_json(NULL, outp));
    CHECK_STATUS(vietref_reconciler_summary_json(r, NULL), VIETREF_NULL_ARGUMENT);
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_reconciler_summary_json_buf(NULL, buf, cap, lenp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_reconciler_invoice_json(NULL, S(C1), outp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_reconciler_invoice_json(r, NULL, 1, outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_UTF8, vietref_reconciler_invoice_json(r, S(BAD_UTF8), outp));
    CHECK_STATUS(vietref_reconciler_invoice_json(r, S(C1), NULL), VIETREF_NULL_ARGUMENT);
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_reconciler_invoice_json_buf(NULL, S(C1), buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_reconciler_invoice_json_buf(r, NULL, 1, buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_INVALID_UTF8, vietref_reconciler_invoice_json_buf(r, S(BAD_UTF8), buf, cap, lenp));
    vietref_reconciler_free(r);
    vietref_reconciler_free(NULL);
    vietref_reconciler_free(NULL);
}

/* ---- files: an invoice CSV and a statement export read whole -------------------------- */

static const char INVOICES_CSV[] =
    "Mã hóa đơn;Số tiền;Người nộp\r\n" C1 ";1.250.000;Nguyễn Văn An\r\n" C2 ";abc;Trần Văn Hùng\r\n" C3
    ";980000;\r\n";

static const char STATEMENT_CSV[] =
    "date,amount,content,reference\n"
    "2024-09-03,1250000,IB HP24010172 HOC PHI,FT1\n"
    "2024-09-04,-11000,PHI SMS,FT2\n"
    "2024-09-05,12abc,HP24010366,FT3\n"
    "2024-09-06,980000,hp2401 0366 hoc phi,FT4\n";

/* The field of finding i must be `want`. */
static void check_field(vietref_report *rep, size_t i, const char *want) {
    CHECK_OWNED(want, vietref_report_finding_field(rep, i, outp));
}

static void test_files(void) {
    vietref_reconciler *r = NULL;
    vietref_report *rep = NULL;
    vietref_string *res = NULL;
    uint64_t added = 77;
    uint32_t u = 77;
    size_t n = 77;
    const char *p;

    CHECK_STATUS(vietref_reconciler_new(S("HP:6"), &r), VIETREF_OK);
    /* Vietnamese headers, ';' separated: C1 and C3 are added; C2's amount is not a number
       (reconcile.amount_invalid, 812) at line 3, column "Số tiền"; nothing else. */
    CHECK_STATUS(vietref_reconciler_add_invoices_csv(r, S(INVOICES_CSV), NULL, 0, &added, &rep), VIETREF_OK);
    CHECK(added == 2);
    CHECK_STATUS(vietref_report_valid(rep, &u), VIETREF_OK);
    CHECK(u == 0);
    CHECK_STATUS(vietref_report_count(rep, &n), VIETREF_OK);
    CHECK(n == 1);
    check_field(rep, 0, "3:Số tiền");
    CHECK_OWNED("reconcile.amount_invalid", vietref_report_finding_code_key(rep, 0, outp));
    vietref_report_free(rep);

    /* The statement: line 2 pays C1 in full; line 3 is outgoing (skipped, a warning);
       line 4's amount is unreadable (rejected, an error); line 5 pays C3 in full. */
    rep = NULL;
    CHECK_STATUS(vietref_reconciler_feed_statement(r, S(STATEMENT_CSV), VIETREF_STATEMENT_CSV, NULL, 0,
                                                   VIETREF_RESULTS_JSON_LINES, &res, &rep),
                 VIETREF_OK);
    p = vietref_string_ptr(res);
    CHECK(strstr(p, "\"line\":2,") != NULL);
    CHECK(strstr(p, "\"line\":5,") != NULL);
    CHECK(strstr(p, "\"line\":3,") == NULL && strstr(p, "\"line\":4,") == NULL);
    CHECK(strstr(p, "\"invoice\":\"" C1 "\"") != NULL);
    CHECK(strstr(p, "\"invoice\":\"" C3 "\"") != NULL);
    {
        size_t lines = 0, i, len = vietref_string_len(res);
        for (i = 0; i < len; i++) lines += p[i] == '\n';
        CHECK(lines == 2);
        CHECK(len > 0 && p[len - 1] == '\n');
    }
    vietref_string_free(res);
    CHECK_STATUS(vietref_report_valid(rep, &u), VIETREF_OK);
    CHECK(u == 0);
    CHECK_STATUS(vietref_report_count(rep, &n), VIETREF_OK);
    CHECK(n == 2);
    CHECK_STATUS(vietref_report_finding_severity(rep, 0, &u), VIETREF_OK);
    CHECK(u == VIETREF_SEVERITY_WARNING);
    CHECK_OWNED("reconcile.outgoing_skipped", vietref_report_finding_code_key(rep, 0, outp));
    CHECK_STATUS(vietref_report_finding_severity(rep, 1, &u), VIETREF_OK);
    CHECK(u == VIETREF_SEVERITY_ERROR);
    check_field(rep, 1, "4:amount");
    vietref_report_free(rep);
    /* The summary counts both lines paid, one skipped, one rejected. */
    res = NULL;
    CHECK_STATUS(vietref_reconciler_summary_json(r, &res), VIETREF_OK);
    p = vietref_string_ptr(res);
    CHECK(strstr(p, "\"lines\":2,") != NULL);
    CHECK(strstr(p, "\"skipped\":1,") != NULL);
    CHECK(strstr(p, "\"rejected\":1,") != NULL);
    vietref_string_free(res);

    /* The same line again as JSON lines, results as CSV: C1 is now settled (duplicate). */
    rep = NULL;
    res = NULL;
    {
        static const char jl[] =
            "{\"transferAmount\":1250000,\"content\":\"HP24010172 HOC PHI\",\"referenceCode\":\"FT9\"}\n";
        CHECK_STATUS(vietref_reconciler_feed_statement(r, S(jl), VIETREF_STATEMENT_JSON_LINES, NULL, 0,
                                                       VIETREF_RESULTS_CSV, &res, &rep),
                     VIETREF_OK);
    }
    p = vietref_string_ptr(res);
    CHECK(strncmp(p, "line,status,invoice,", 20) == 0);
    CHECK(strstr(p, "\r\n1,duplicate," C1 ",") != NULL);
    vietref_string_free(res);
    CHECK_STATUS(vietref_report_valid(rep, &u), VIETREF_OK);
    CHECK(u == 1);
    CHECK_OWNED("1", vietref_report_cleaned_text(rep, outp));
    vietref_report_free(rep);

    /* A malformed column mapping is an error finding; nothing is fed, the results empty. */
    rep = NULL;
    res = NULL;
    CHECK_STATUS(vietref_reconciler_feed_statement(r, S(STATEMENT_CSV), VIETREF_STATEMENT_CSV, S("content"),
                                                   VIETREF_RESULTS_JSON_LINES, &res, &rep),
                 VIETREF_OK);
    CHECK(vietref_string_len(res) == 0);
    vietref_string_free(res);
    CHECK_STATUS(vietref_report_valid(rep, &u), VIETREF_OK);
    CHECK(u == 0);
    CHECK_OWNED("reconcile.columns_invalid", vietref_report_finding_code_key(rep, 0, outp));
    vietref_report_free(rep);
    added = 77;
    rep = NULL;
    CHECK_STATUS(vietref_reconciler_add_invoices_csv(r, S(INVOICES_CSV), S("code"), &added, &rep), VIETREF_OK);
    CHECK(added == 0);
    CHECK_STATUS(vietref_report_valid(rep, &u), VIETREF_OK);
    CHECK(u == 0);
    vietref_report_free(rep);

    /* An invoice list as a school system exports it: a title above the header row and a
       totals row below; both are reconcile.row_skipped warnings with their row numbers, C4 is
       added. JSON is no invoice format. */
    added = 77;
    rep = NULL;
    CHECK_STATUS(vietref_reconciler_add_invoices(r, S("DANH SÁCH HỌC PHÍ\nMã hóa đơn;Số tiền\n" C4 ";980.000\n;Tổng cộng 980.000\n"),
                                                 VIETREF_STATEMENT_CSV, NULL, 0, &added, &rep),
                 VIETREF_OK);
    CHECK(added == 1);
    CHECK_STATUS(vietref_report_valid(rep, &u), VIETREF_OK);
    CHECK(u == 1);
    CHECK_STATUS(vietref_report_count(rep, &n), VIETREF_OK);
    CHECK(n == 2);
    check_field(rep, 0, "1");
    check_field(rep, 1, "4");
    CHECK_OWNED("reconcile.row_skipped", vietref_report_finding_code_key(rep, 1, outp));
    vietref_report_free(rep);
    rep = SENTINEL;
    added = 77;
    CHECK_STATUS(vietref_reconciler_add_invoices(r, S(INVOICES_CSV), VIETREF_STATEMENT_JSON, NULL, 0, &added, &rep),
                 VIETREF_INVALID_ARGUMENT);
    CHECK(rep == SENTINEL && added == 77);

    /* Arguments: nothing is written unless both outputs are made. */
    rep = SENTINEL;
    res = SENTINEL;
    added = 77;
    CHECK_STATUS(vietref_reconciler_feed_statement(r, S(STATEMENT_CSV), 0, NULL, 0, 1, &res, &rep),
                 VIETREF_INVALID_ARGUMENT);
    CHECK_STATUS(vietref_reconciler_feed_statement(r, S(STATEMENT_CSV), 6, NULL, 0, 1, &res, &rep),
                 VIETREF_INVALID_ARGUMENT);
    CHECK_STATUS(vietref_reconciler_feed_statement(r, S(STATEMENT_CSV), 1, NULL, 0, 3, &res, &rep),
                 VIETREF_INVALID_ARGUMENT);
    CHECK_STATUS(vietref_reconciler_feed_statement(NULL, S(STATEMENT_CSV), 1, NULL, 0, 1, &res, &rep),
                 VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_reconciler_feed_statement(r, NULL, 1, 1, NULL, 0, 1, &res, &rep), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_reconciler_feed_statement(r, S(STATEMENT_CSV), 1, S(BAD_UTF8), 1, &res, &rep),
                 VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_reconciler_feed_statement(r, S(STATEMENT_CSV), 1, NULL, 0, 1, NULL, &rep),
                 VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_reconciler_feed_statement(r, S(STATEMENT_CSV), 1, NULL, 0, 1, &res, NULL),
                 VIETREF_NULL_ARGUMENT);
    CHECK(rep == SENTINEL && res == SENTINEL);
    CHECK_STATUS(vietref_reconciler_add_invoices_csv(NULL, S(INVOICES_CSV), NULL, 0, &added, &rep),
                 VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_reconciler_add_invoices_csv(r, NULL, 1, NULL, 0, &added, &rep), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_reconciler_add_invoices_csv(r, S(INVOICES_CSV), S(BAD_UTF8), &added, &rep),
                 VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_reconciler_add_invoices_csv(r, S(INVOICES_CSV), NULL, 0, NULL, &rep),
                 VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_reconciler_add_invoices_csv(r, S(INVOICES_CSV), NULL, 0, &added, NULL),
                 VIETREF_NULL_ARGUMENT);
    CHECK(rep == SENTINEL && added == 77);
    /* Empty data: the header row is missing (reconcile.header_missing, an error). */
    rep = NULL;
    CHECK_STATUS(vietref_reconciler_add_invoices_csv(r, NULL, 0, NULL, 0, &added, &rep), VIETREF_OK);
    CHECK(added == 0);
    CHECK_OWNED("reconcile.header_missing", vietref_report_finding_code_key(rep, 0, outp));
    vietref_report_free(rep);
    vietref_reconciler_free(r);
}

static void test_constants(void) {
    CHECK(VIETREF_LINE_PAID == 0 && VIETREF_LINE_PARTIAL == 1 && VIETREF_LINE_OVERPAID == 2);
    CHECK(VIETREF_LINE_DUPLICATE == 3 && VIETREF_LINE_UNKNOWN_CODE == 4 && VIETREF_LINE_AMBIGUOUS == 5);
    CHECK(VIETREF_LINE_UNMATCHED == 6);
    CHECK(VIETREF_STATEMENT_CSV == 1 && VIETREF_STATEMENT_JSON_LINES == 2 && VIETREF_STATEMENT_JSON == 3);
    CHECK(VIETREF_RESULTS_JSON_LINES == 1 && VIETREF_RESULTS_CSV == 2);
    CHECK(VIETREF_RECONCILE_AMOUNT_INVALID == 700);
    CHECK(strcmp(vietref_status_name(VIETREF_RECONCILE_AMOUNT_INVALID), "VIETREF_RECONCILE_AMOUNT_INVALID") == 0);
}

/* A copy of `s` (strdup is not C99). */
static char *copy_of(const char *s) {
    size_t n = strlen(s) + 1;
    char *c = malloc(n);
    if (c != NULL) memcpy(c, s, n);
    return c;
}

/* A statement of 700 lines (more than the second thread reads at a time, 512) fed on one
   thread and on two: the same results, byte for byte, and the same summary. */
static void test_threads(void) {
    static const char *contents[] = {C1 " hoc phi", C2, "HP 2401 0366 nop tien", "Nguyen Van An chuyen tien",
                                     "MBVCB.6990001234." C4 " hoc phi.CT tu 0071000123456 DO THI HOA toi 0011001000111 TRUONG",
                                     "chuyen tien"};
    static const uint64_t amounts[] = {1250000, 500000, 980000, 750000};
    char *csv = malloc(700 * 160 + 32);
    char *out[2] = {NULL, NULL};
    char *sums[2] = {NULL, NULL};
    size_t len = 0;
    int i, t;
    CHECK(csv != NULL);
    if (csv == NULL) return;
    len += (size_t)sprintf(csv + len, "amount,content\n");
    for (i = 0; i < 700; i++)
        len += (size_t)sprintf(csv + len, "%llu,\"%s\"\n", (unsigned long long)amounts[i % 4], contents[i % 6]);
    for (t = 1; t <= 2; t++) {
        vietref_reconciler *r = school();
        vietref_report *rep = NULL;
        vietref_string *res = NULL, *sum = NULL;
        CHECK_STATUS(vietref_reconciler_set_threads(r, (size_t)t), VIETREF_OK);
        CHECK_STATUS(vietref_reconciler_feed_statement(r, csv, len, VIETREF_STATEMENT_CSV, NULL, 0,
                                                       VIETREF_RESULTS_JSON_LINES, &res, &rep),
                     VIETREF_OK);
        CHECK_STATUS(vietref_reconciler_summary_json(r, &sum), VIETREF_OK);
        out[t - 1] = copy_of(vietref_string_ptr(res));
        sums[t - 1] = copy_of(vietref_string_ptr(sum));
        vietref_string_free(res);
        vietref_string_free(sum);
        vietref_report_free(rep);
        vietref_reconciler_free(r);
    }
    CHECK(out[0] != NULL && out[1] != NULL && strcmp(out[0], out[1]) == 0);
    CHECK(sums[0] != NULL && sums[1] != NULL && strcmp(sums[0], sums[1]) == 0);
    CHECK(out[0] != NULL && strstr(out[0], "\"status\":\"paid\"") != NULL);
    CHECK(out[0] != NULL && strstr(out[0], "\"status\":\"duplicate\"") != NULL);
    CHECK_STATUS(vietref_reconciler_set_threads(NULL, 2), VIETREF_NULL_ARGUMENT);
    for (t = 0; t < 2; t++) {
        free(out[t]);
        free(sums[t]);
    }
    free(csv);
}

int main(void) {
    test_constants();
    test_statuses();
    test_possible_typo();
    test_add_invoice();
    test_arguments();
    test_files();
    test_threads();
    return check_summary();
}
