/*
 * Tests of the references and memo parts of the vietref C ABI (vietref_ref_*,
 * vietref_memo_*, vietref_candidates_*, vietref_message_validate_schemes,
 * vietref_vietqr_for_payment, vietref_vietqr_payment_codes): success paths, every refusal
 * status, NULL for every pointer, invalid UTF-8, caller buffers of 0 and 1 bytes, unknown
 * constants, _free(NULL).
 *
 * Codes come from tests/data/references.json (check digits computed by the vectors'
 * generator); memo texts are worked out by hand from the template in src/memo/render.rs
 * (CODE REASON HS BENEFICIARY PH PAYER, whole words, budget in characters); the payload's
 * CRC is from a separate CRC-16/CCITT-FALSE in Python.
 */
#include "check.h"

static const char TUITION_JSON[] =
    "{\"sector\":\"education\",\"payerName\":\"Nguyễn Văn An\",\"beneficiaryName\":\"Nguyễn Thị Bình\","
    "\"reason\":\"Học phí học kỳ 1\",\"invoice\":\"HP7184097674\",\"amount\":1250000}";

static vietref_message *message_from(const char *json, size_t n) {
    vietref_message *m = NULL;
    CHECK_STATUS(vietref_message_from_json(json, n, &m), VIETREF_OK);
    return m;
}

static void check_codes(vietref_report *r, const uint32_t *want, size_t n) {
    size_t count = 77, i;
    uint32_t u;
    CHECK_STATUS(vietref_report_count(r, &count), VIETREF_OK);
    CHECK(count == n);
    for (i = 0; i < n && i < count; i++) {
        u = 77;
        CHECK_STATUS(vietref_report_finding_code(r, i, &u), VIETREF_OK);
        CHECK(u == want[i]);
    }
}

static void check_valid(vietref_report *r, uint32_t want) {
    uint32_t u = 77;
    CHECK_STATUS(vietref_report_valid(r, &u), VIETREF_OK);
    CHECK(u == want);
}

/* ---- references ------------------------------------------------------------------------ */

static void test_ref_create(void) {
    CHECK_OWNED("HP7184097674", vietref_ref_create(VIETREF_REF_CODE, S("HP"), S("71840976"), outp));
    CHECK_OWNED("THCS19607550980861", vietref_ref_create(VIETREF_REF_CODE, S("thcs"), S("1960 7550 9808"), outp));
    CHECK_BUF("BVK5585595612", vietref_ref_create_buf(VIETREF_REF_CODE, S("BVK"), S("55855956"), buf, cap, lenp));
    CHECK_OWNED("RF18539007547034", vietref_ref_create(VIETREF_REF_RF, NULL, 0, S("5390 0754 7034"), outp));
    CHECK_BUF("RF18539007547034", vietref_ref_create_buf(VIETREF_REF_RF, S(""), S("539007547034"), buf, cap, lenp));

    /* Refusals: the status names the kind, the message the details. */
    CHECK_OWNED_FAILS(VIETREF_REF_INVALID_PART, vietref_ref_create(VIETREF_REF_CODE, S("HO"), S("71840976"), outp));
    CHECK_OWNED("the prefix \"HO\" is not valid: the letters O, I and L are not used in prefixes "
                "(they are confused with 0 and 1)",
                vietref_ref_create_message(VIETREF_REF_CODE, S("HO"), S("71840976"), VIETREF_LANG_EN, outp));
    CHECK_OWNED("tiền tố \"HO\" không hợp lệ: không dùng các chữ O, I, L trong tiền tố (dễ nhầm với 0 và 1)",
                vietref_ref_create_message(VIETREF_REF_CODE, S("HO"), S("71840976"), VIETREF_LANG_VI, outp));
    CHECK_BUF("tiền tố \"HO\" không hợp lệ: không dùng các chữ O, I, L trong tiền tố (dễ nhầm với 0 và 1)",
              vietref_ref_create_message_buf(VIETREF_REF_CODE, S("HO"), S("71840976"), VIETREF_LANG_VI, buf,
                                             cap, lenp));
    CHECK_OWNED_FAILS(VIETREF_REF_EMPTY, vietref_ref_create(VIETREF_REF_CODE, S("HP"), S(" - "), outp));
    CHECK_OWNED("the value is empty",
                vietref_ref_create_message(VIETREF_REF_CODE, S("HP"), NULL, 0, VIETREF_LANG_EN, outp));
    CHECK_OWNED_FAILS(VIETREF_REF_INVALID_CHAR, vietref_ref_create(VIETREF_REF_CODE, S("HP"), S("1234#678"), outp));
    CHECK_OWNED_FAILS(VIETREF_REF_INVALID_LENGTH,
                      vietref_ref_create(VIETREF_REF_RF, NULL, 0, S("1234567890123456789012"), outp));
    CHECK_OWNED("the value has 22 characters; expected 1 to 21",
                vietref_ref_create_message(VIETREF_REF_RF, NULL, 0, S("1234567890123456789012"), VIETREF_LANG_EN,
                                           outp));
    CHECK_OWNED("giá trị có 22 ký tự; cần từ 1 đến 21 ký tự",
                vietref_ref_create_message(VIETREF_REF_RF, NULL, 0, S("1234567890123456789012"), VIETREF_LANG_VI,
                                           outp));
    CHECK_BUF_FAILS(VIETREF_REF_INVALID_PART,
                    vietref_ref_create_buf(VIETREF_REF_CODE, S("HP"), S("12345"), buf, cap, lenp));
    /* Accepted: no message. */
    CHECK_OWNED_FAILS(VIETREF_NO_VALUE,
                      vietref_ref_create_message(VIETREF_REF_CODE, S("HP"), S("71840976"), VIETREF_LANG_EN, outp));
    CHECK_BUF_FAILS(VIETREF_NO_VALUE, vietref_ref_create_message_buf(VIETREF_REF_RF, NULL, 0, S("1"), VIETREF_LANG_EN,
                                                                     buf, cap, lenp));

    /* Arguments: kinds without create, an RF with a prefix, unknown kinds and languages. */
    CHECK_OWNED_FAILS(VIETREF_INVALID_ARGUMENT, vietref_ref_create(VIETREF_REF_EINVOICE, NULL, 0, S("1"), outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_ARGUMENT, vietref_ref_create(VIETREF_REF_MST, NULL, 0, S("1"), outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_ARGUMENT, vietref_ref_create(VIETREF_REF_OPAQUE, NULL, 0, S("1"), outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_ARGUMENT, vietref_ref_create(VIETREF_REF_RF, S("HP"), S("1"), outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_ARGUMENT, vietref_ref_create(0, S("HP"), S("71840976"), outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_ARGUMENT, vietref_ref_create(6, S("HP"), S("71840976"), outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_ARGUMENT,
                      vietref_ref_create_message(VIETREF_REF_CODE, S("HO"), S("71840976"), 0, outp));
    CHECK_BUF_FAILS(VIETREF_INVALID_ARGUMENT,
                    vietref_ref_create_message_buf(VIETREF_REF_CODE, S("HO"), S("71840976"), 3, buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_INVALID_ARGUMENT, vietref_ref_create_buf(VIETREF_REF_MST, NULL, 0, S("1"), buf, cap, lenp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_ref_create(VIETREF_REF_CODE, NULL, 2, S("1"), outp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_ref_create(VIETREF_REF_CODE, S("HP"), NULL, 2, outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_UTF8, vietref_ref_create(VIETREF_REF_CODE, S(BAD_UTF8), S("1"), outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_UTF8, vietref_ref_create(VIETREF_REF_CODE, S("HP"), S(BAD_UTF8), outp));
    CHECK_STATUS(vietref_ref_create(VIETREF_REF_CODE, S("HP"), S("71840976"), NULL), VIETREF_NULL_ARGUMENT);
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_ref_create_buf(VIETREF_REF_CODE, NULL, 2, S("1"), buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_INVALID_UTF8,
                    vietref_ref_create_buf(VIETREF_REF_CODE, S("HP"), S(BAD_UTF8), buf, cap, lenp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT,
                      vietref_ref_create_message(VIETREF_REF_CODE, S("HP"), NULL, 1, VIETREF_LANG_EN, outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_UTF8,
                      vietref_ref_create_message(VIETREF_REF_CODE, S(BAD_UTF8), S("1"), VIETREF_LANG_EN, outp));
    CHECK_STATUS(vietref_ref_create_message(VIETREF_REF_CODE, S("HO"), S("1"), VIETREF_LANG_EN, NULL),
                 VIETREF_NULL_ARGUMENT);
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_ref_create_message_buf(VIETREF_REF_CODE, NULL, 1, S("1"),
                                                                          VIETREF_LANG_EN, buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_INVALID_UTF8, vietref_ref_create_message_buf(VIETREF_REF_CODE, S("HP"), S(BAD_UTF8),
                                                                         VIETREF_LANG_EN, buf, cap, lenp));
}

static void test_ref_validate(void) {
    static const struct {
        uint32_t kind;
        const char *value, *compact, *printed;
    } valid[] = {
        {VIETREF_REF_CODE, "hp 7184 0976 74", "HP7184097674", "HP 7184 0976 74"},
        {VIETREF_REF_CODE, "VP372817430911", "VP372817430911", "VP 3728 1743 0911"},
        {VIETREF_REF_RF, "RF18 5390 0754 7034", "RF18539007547034", "RF18 5390 0754 7034"},
        {VIETREF_REF_RF, "rf20ezec2phy", "RF20EZEC2PHY", "RF20 EZEC 2PHY"},
        {VIETREF_REF_EINVOICE, "1C24TAA-1234", "1C24TAA1234", "1C24TAA-00001234"},
        {VIETREF_REF_EINVOICE, "1c24taa 00001234", "1C24TAA1234", "1C24TAA-00001234"},
        {VIETREF_REF_MST, "0100233488", "0100233488", "0100233488"},
        {VIETREF_REF_MST, "0100233488-001", "0100233488001", "0100233488-001"},
    };
    static const struct {
        uint32_t kind;
        const char *value;
        vietref_status status;
        const char *en;
    } invalid[] = {
        {VIETREF_REF_CODE, "HP7184097675", VIETREF_REF_INVALID_CHECKSUM, "the check digits do not match (a typing error?)"},
        {VIETREF_REF_CODE, "HP 7184#0976", VIETREF_REF_INVALID_CHAR, "character '#' (U+0023) at position 8 is not allowed"},
        {VIETREF_REF_CODE, "", VIETREF_REF_EMPTY, "the value is empty"},
        {VIETREF_REF_RF, "RF19539007547034", VIETREF_REF_INVALID_CHECKSUM, "the check digits do not match (a typing error?)"},
        {VIETREF_REF_RF, "RF1", VIETREF_REF_INVALID_LENGTH, "the value has 3 characters; expected 5 to 25"},
        {VIETREF_REF_RF, "XX18539007547034", VIETREF_REF_INVALID_PREFIX, "the value must start with RF, not XX"},
        {VIETREF_REF_MST, "0100233487", VIETREF_REF_INVALID_CHECKSUM, "the check digits do not match (a typing error?)"},
        {VIETREF_REF_MST, "010023348", VIETREF_REF_INVALID_LENGTH, "the value has 9 characters; expected 10 to 13"},
        {VIETREF_REF_EINVOICE, "7C24TAA-1", VIETREF_REF_INVALID_PART, NULL},
    };
    size_t i;
    uint32_t u;
    for (i = 0; i < sizeof valid / sizeof valid[0]; i++) {
        const char *v = valid[i].value;
        CHECK_OWNED(valid[i].compact, vietref_ref_validate(valid[i].kind, v, strlen(v), outp));
        CHECK_BUF(valid[i].compact, vietref_ref_validate_buf(valid[i].kind, v, strlen(v), buf, cap, lenp));
        CHECK_OWNED(valid[i].printed, vietref_ref_format(valid[i].kind, v, strlen(v), outp));
        CHECK_BUF(valid[i].printed, vietref_ref_format_buf(valid[i].kind, v, strlen(v), buf, cap, lenp));
        CHECK_OWNED(valid[i].compact, vietref_ref_compact(valid[i].kind, v, strlen(v), outp));
        CHECK_BUF(valid[i].compact, vietref_ref_compact_buf(valid[i].kind, v, strlen(v), buf, cap, lenp));
        CHECK_OWNED_FAILS(VIETREF_NO_VALUE,
                          vietref_ref_validate_message(valid[i].kind, v, strlen(v), VIETREF_LANG_EN, outp));
        CHECK_BUF_FAILS(VIETREF_NO_VALUE, vietref_ref_validate_message_buf(valid[i].kind, v, strlen(v),
                                                                           VIETREF_LANG_VI, buf, cap, lenp));
        u = 77;
        CHECK_STATUS(vietref_ref_is_valid(valid[i].kind, v, strlen(v), &u), VIETREF_OK);
        CHECK(u == 1);
    }
    for (i = 0; i < sizeof invalid / sizeof invalid[0]; i++) {
        const char *v = invalid[i].value;
        CHECK_OWNED_FAILS(invalid[i].status, vietref_ref_validate(invalid[i].kind, v, strlen(v), outp));
        CHECK_BUF_FAILS(invalid[i].status, vietref_ref_validate_buf(invalid[i].kind, v, strlen(v), buf, cap, lenp));
        CHECK_OWNED_FAILS(invalid[i].status, vietref_ref_format(invalid[i].kind, v, strlen(v), outp));
        CHECK_BUF_FAILS(invalid[i].status, vietref_ref_format_buf(invalid[i].kind, v, strlen(v), buf, cap, lenp));
        if (invalid[i].en) {
            CHECK_OWNED(invalid[i].en, vietref_ref_validate_message(invalid[i].kind, v, strlen(v), VIETREF_LANG_EN, outp));
            CHECK_BUF(invalid[i].en, vietref_ref_validate_message_buf(invalid[i].kind, v, strlen(v), VIETREF_LANG_EN,
                                                                       buf, cap, lenp));
        }
        u = 77;
        CHECK_STATUS(vietref_ref_is_valid(invalid[i].kind, v, strlen(v), &u), VIETREF_OK);
        CHECK(u == 0);
    }
    /* Vietnamese messages. */
    CHECK_OWNED("chữ số kiểm tra không khớp (có thể gõ nhầm?)",
                vietref_ref_validate_message(VIETREF_REF_CODE, S("HP7184097675"), VIETREF_LANG_VI, outp));
    CHECK_OWNED("ký tự '#' (U+0023) tại vị trí 8 không được phép",
                vietref_ref_validate_message(VIETREF_REF_CODE, S("HP 7184#0976"), VIETREF_LANG_VI, outp));
    CHECK_OWNED("giá trị phải bắt đầu bằng RF, không phải XX",
                vietref_ref_validate_message(VIETREF_REF_RF, S("XX18539007547034"), VIETREF_LANG_VI, outp));
    CHECK_OWNED("giá trị có 9 ký tự; cần từ 10 đến 13 ký tự",
                vietref_ref_validate_message(VIETREF_REF_MST, S("010023348"), VIETREF_LANG_VI, outp));

    /* compact strips separators and checks characters, not check digits. */
    CHECK_OWNED("HP7184097675", vietref_ref_compact(VIETREF_REF_CODE, S("hp 7184-0976.75"), outp));
    CHECK_OWNED("RF19539007547034", vietref_ref_compact(VIETREF_REF_RF, S("RF19 5390 0754 7034"), outp));
    CHECK_OWNED_FAILS(VIETREF_REF_EMPTY, vietref_ref_compact(VIETREF_REF_MST, S(" . "), outp));
    CHECK_OWNED_FAILS(VIETREF_REF_INVALID_CHAR, vietref_ref_compact(VIETREF_REF_CODE, S("HP#1"), outp));
    CHECK_BUF_FAILS(VIETREF_REF_INVALID_CHAR, vietref_ref_compact_buf(VIETREF_REF_CODE, S("HP#1"), buf, cap, lenp));
    /* An e-invoice has a compact form only when valid. */
    CHECK_OWNED_FAILS(VIETREF_REF_INVALID_PART, vietref_ref_compact(VIETREF_REF_EINVOICE, S("7C24TAA-1"), outp));

    /* Arguments. */
    CHECK_OWNED_FAILS(VIETREF_INVALID_ARGUMENT, vietref_ref_validate(0, S("HP7184097674"), outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_ARGUMENT, vietref_ref_validate(VIETREF_REF_OPAQUE, S("HP7184097674"), outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_ARGUMENT, vietref_ref_format(9, S("HP7184097674"), outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_ARGUMENT, vietref_ref_compact(9, S("HP7184097674"), outp));
    CHECK_BUF_FAILS(VIETREF_INVALID_ARGUMENT, vietref_ref_validate_buf(9, S("x"), buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_INVALID_ARGUMENT, vietref_ref_format_buf(9, S("x"), buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_INVALID_ARGUMENT, vietref_ref_compact_buf(9, S("x"), buf, cap, lenp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_ARGUMENT, vietref_ref_validate_message(9, S("x"), VIETREF_LANG_EN, outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_ARGUMENT,
                      vietref_ref_validate_message(VIETREF_REF_CODE, S("x"), 7, outp));
    CHECK_BUF_FAILS(VIETREF_INVALID_ARGUMENT,
                    vietref_ref_validate_message_buf(VIETREF_REF_CODE, S("x"), 0, buf, cap, lenp));
    u = 77;
    CHECK_STATUS(vietref_ref_is_valid(0, S("x"), &u), VIETREF_INVALID_ARGUMENT);
    CHECK_STATUS(vietref_ref_is_valid(VIETREF_REF_CODE, NULL, 1, &u), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_ref_is_valid(VIETREF_REF_CODE, S(BAD_UTF8), &u), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_ref_is_valid(VIETREF_REF_CODE, S("x"), NULL), VIETREF_NULL_ARGUMENT);
    CHECK(u == 77);
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_ref_validate(VIETREF_REF_CODE, NULL, 1, outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_UTF8, vietref_ref_validate(VIETREF_REF_CODE, S(BAD_UTF8), outp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_ref_format(VIETREF_REF_CODE, NULL, 1, outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_UTF8, vietref_ref_format(VIETREF_REF_CODE, S(BAD_UTF8), outp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_ref_compact(VIETREF_REF_CODE, NULL, 1, outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_UTF8, vietref_ref_compact(VIETREF_REF_CODE, S(BAD_UTF8), outp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_ref_validate_message(VIETREF_REF_CODE, NULL, 1, 1, outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_UTF8, vietref_ref_validate_message(VIETREF_REF_CODE, S(BAD_UTF8), 1, outp));
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_ref_validate_buf(VIETREF_REF_CODE, NULL, 1, buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_INVALID_UTF8, vietref_ref_validate_buf(VIETREF_REF_CODE, S(BAD_UTF8), buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_ref_format_buf(VIETREF_REF_CODE, NULL, 1, buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_INVALID_UTF8, vietref_ref_format_buf(VIETREF_REF_CODE, S(BAD_UTF8), buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_ref_compact_buf(VIETREF_REF_CODE, NULL, 1, buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_INVALID_UTF8, vietref_ref_compact_buf(VIETREF_REF_CODE, S(BAD_UTF8), buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT,
                    vietref_ref_validate_message_buf(VIETREF_REF_CODE, NULL, 1, 1, buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_INVALID_UTF8,
                    vietref_ref_validate_message_buf(VIETREF_REF_CODE, S(BAD_UTF8), 1, buf, cap, lenp));
    CHECK_STATUS(vietref_ref_validate(VIETREF_REF_CODE, S("HP7184097674"), NULL), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_ref_format(VIETREF_REF_CODE, S("HP7184097674"), NULL), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_ref_compact(VIETREF_REF_CODE, S("HP7184097674"), NULL), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_ref_validate_message(VIETREF_REF_CODE, S("HP1"), 1, NULL), VIETREF_NULL_ARGUMENT);
}

/* ---- message with schemes ------------------------------------------------------------------ */

static void test_message_schemes(void) {
    vietref_message *m = message_from(S("{\"sector\":\"health\",\"payerName\":\"Trần Thị Mai\","
                                        "\"reason\":\"Viện phí\",\"invoice\":\"vp 3728 1743 0911\"}"));
    vietref_report *r = NULL;
    /* Without schemes the spaced code is an opaque code with three spaces (invoice.invalid_char). */
    CHECK_STATUS(vietref_message_validate(m, &r), VIETREF_OK);
    {
        static const uint32_t want[] = {400, 400, 400};
        check_codes(r, want, 3);
    }
    vietref_report_free(r);
    /* Knowing VP:10 it is a payment code, normalized (invoice.normalized, 401). */
    r = NULL;
    CHECK_STATUS(vietref_message_validate_schemes(m, S("HP:8, VP:10"), &r), VIETREF_OK);
    check_valid(r, 1);
    {
        static const uint32_t want[] = {401};
        check_codes(r, want, 1);
    }
    CHECK_OWNED("{\"sector\":\"health\",\"payerName\":\"Trần Thị Mai\",\"reason\":\"Viện phí\","
                "\"invoice\":\"VP372817430911\"}",
                vietref_report_cleaned_json(r, outp));
    vietref_report_free(r);
    vietref_message_free(m);
    /* A wrong check digit is an error once the scheme is known (invoice.check_digits, 410). */
    m = message_from(S("{\"sector\":\"health\",\"payerName\":\"Trần Thị Mai\",\"reason\":\"Viện phí\","
                       "\"invoice\":\"VP372817430912\"}"));
    r = NULL;
    CHECK_STATUS(vietref_message_validate_schemes(m, S("VP:10"), &r), VIETREF_OK);
    check_valid(r, 0);
    {
        static const uint32_t want[] = {410};
        check_codes(r, want, 1);
    }
    vietref_report_free(r);
    /* Empty lists are no scheme. */
    r = NULL;
    CHECK_STATUS(vietref_message_validate_schemes(m, S(" , "), &r), VIETREF_OK);
    check_valid(r, 1);
    vietref_report_free(r);

    r = SENTINEL;
    CHECK_STATUS(vietref_message_validate_schemes(m, S("HO:8"), &r), VIETREF_REF_SCHEMES_INVALID);
    CHECK_STATUS(vietref_message_validate_schemes(m, S("HP8"), &r), VIETREF_REF_SCHEMES_INVALID);
    CHECK_STATUS(vietref_message_validate_schemes(m, S("HP:13"), &r), VIETREF_REF_SCHEMES_INVALID);
    CHECK_STATUS(vietref_message_validate_schemes(NULL, S("HP:8"), &r), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_message_validate_schemes(m, NULL, 1, &r), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_message_validate_schemes(m, S(BAD_UTF8), &r), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_message_validate_schemes(m, S("HP:8"), NULL), VIETREF_NULL_ARGUMENT);
    CHECK(r == SENTINEL);
    vietref_message_free(m);
}

/* ---- memo render ------------------------------------------------------------------------ */

static void check_list(vietref_report *r, uint32_t list, const char *const *want, size_t n) {
    size_t count = 77, i;
    CHECK_STATUS(vietref_memo_field_count(r, list, &count), VIETREF_OK);
    CHECK(count == n);
    for (i = 0; i < n && i < count; i++) {
        CHECK_OWNED(want[i], vietref_memo_field_name(r, list, i, outp));
        CHECK_BUF(want[i], vietref_memo_field_name_buf(r, list, i, buf, cap, lenp));
    }
    CHECK_OWNED_FAILS(VIETREF_INDEX_OUT_OF_RANGE, vietref_memo_field_name(r, list, n, outp));
    CHECK_BUF_FAILS(VIETREF_INDEX_OUT_OF_RANGE, vietref_memo_field_name_buf(r, list, n, buf, cap, lenp));
}

static void test_memo_render(void) {
    static const char *const all[] = {"invoice", "reason", "beneficiaryName", "payerName"};
    static const char *const code_reason[] = {"invoice", "reason"};
    static const char *const code_only[] = {"invoice"};
    static const char *const names[] = {"beneficiaryName", "payerName"};
    static const char *const reason[] = {"reason"};
    static const char *const rest[] = {"reason", "beneficiaryName", "payerName"};
    static const char *const three[] = {"invoice", "reason", "beneficiaryName"};
    static const char *const ben[] = {"beneficiaryName"};
    static const char *const payer[] = {"payerName"};
    vietref_message *m = message_from(S(TUITION_JSON));
    vietref_report *r = NULL;

    /* VietQR purpose, 25: the code, then "HOC PHI HOC KY 1" cut after "HOC" (room 12), no
       room left for the names. Findings: reason folded (605) and cut (604), both names left
       out (603). */
    CHECK_STATUS(vietref_memo_render(m, S("HP:8"), VIETREF_CHANNEL_VIETQR, 0, &r), VIETREF_OK);
    check_valid(r, 1);
    {
        static const uint32_t want[] = {605, 604, 603, 603};
        check_codes(r, want, 4);
    }
    CHECK_OWNED("HP7184097674 HOC PHI HOC", vietref_report_cleaned_text(r, outp));
    CHECK_BUF("HP7184097674 HOC PHI HOC", vietref_report_cleaned_text_buf(r, buf, cap, lenp));
    CHECK_OWNED("{\"channel\":\"vietqr\",\"budget\":25,\"text\":\"HP7184097674 HOC PHI HOC\","
                "\"included\":[\"invoice\",\"reason\"],\"omitted\":[\"beneficiaryName\",\"payerName\"],"
                "\"clipped\":[\"reason\"]}",
                vietref_report_cleaned_json(r, outp));
    check_list(r, VIETREF_MEMO_INCLUDED, code_reason, 2);
    check_list(r, VIETREF_MEMO_OMITTED, names, 2);
    check_list(r, VIETREF_MEMO_CLIPPED, reason, 1);
    vietref_report_free(r);

    /* Transfer, 140: everything fits; three fields folded. */
    r = NULL;
    CHECK_STATUS(vietref_memo_render(m, NULL, 0, VIETREF_CHANNEL_TRANSFER, 0, &r), VIETREF_OK);
    {
        static const uint32_t want[] = {605, 605, 605};
        check_codes(r, want, 3);
    }
    CHECK_OWNED("HP7184097674 HOC PHI HOC KY 1 HS NGUYEN THI BINH PH NGUYEN VAN AN",
                vietref_report_cleaned_text(r, outp));
    check_list(r, VIETREF_MEMO_INCLUDED, all, 4);
    check_list(r, VIETREF_MEMO_OMITTED, NULL, 0);
    check_list(r, VIETREF_MEMO_CLIPPED, NULL, 0);
    vietref_report_free(r);

    /* Transfer with a budget of 40: the beneficiary cut to "HS NGUYEN" (room 7), the payer
       left out (39 + 2 + 4 > 40). */
    r = NULL;
    CHECK_STATUS(vietref_memo_render(m, NULL, 0, VIETREF_CHANNEL_TRANSFER, 40, &r), VIETREF_OK);
    {
        static const uint32_t want[] = {605, 605, 604, 603};
        check_codes(r, want, 4);
    }
    CHECK_OWNED("HP7184097674 HOC PHI HOC KY 1 HS NGUYEN", vietref_report_cleaned_text(r, outp));
    check_list(r, VIETREF_MEMO_INCLUDED, three, 3);
    check_list(r, VIETREF_MEMO_OMITTED, payer, 1);
    check_list(r, VIETREF_MEMO_CLIPPED, ben, 1);
    vietref_report_free(r);

    /* POS and the VietQR bill number carry the code only (memo.field_not_carried, 607). */
    r = NULL;
    CHECK_STATUS(vietref_memo_render(m, NULL, 0, VIETREF_CHANNEL_POS, 0, &r), VIETREF_OK);
    {
        static const uint32_t want[] = {607, 607, 607};
        check_codes(r, want, 3);
    }
    CHECK_OWNED("HP7184097674", vietref_report_cleaned_text(r, outp));
    check_list(r, VIETREF_MEMO_INCLUDED, code_only, 1);
    check_list(r, VIETREF_MEMO_OMITTED, rest, 3);
    vietref_report_free(r);
    r = NULL;
    CHECK_STATUS(vietref_memo_render(m, NULL, 0, VIETREF_CHANNEL_VIETQR_BILL, 0, &r), VIETREF_OK);
    CHECK_OWNED("HP7184097674", vietref_report_cleaned_text(r, outp));
    vietref_report_free(r);

    /* Mobile money, 50: the payer does not fit after the beneficiary (47 + 4 + ...). */
    r = NULL;
    CHECK_STATUS(vietref_memo_render(m, NULL, 0, VIETREF_CHANNEL_MOBILE_MONEY, 0, &r), VIETREF_OK);
    CHECK_OWNED("HP7184097674 HOC PHI HOC KY 1 HS NGUYEN THI BINH", vietref_report_cleaned_text(r, outp));
    vietref_report_free(r);

    /* ISO 20022: the XML fragment is in the cleaned JSON. */
    r = NULL;
    CHECK_STATUS(vietref_memo_render(m, NULL, 0, VIETREF_CHANNEL_ISO20022, 0, &r), VIETREF_OK);
    {
        vietref_string *j = NULL;
        CHECK_STATUS(vietref_report_cleaned_json(r, &j), VIETREF_OK);
        CHECK(strstr(vietref_string_ptr(j),
                     "\"xml\":\"<RmtInf><Ustrd>HP7184097674 HOC PHI HOC KY 1 HS NGUYEN THI BINH PH NGUYEN VAN AN"
                     "</Ustrd></RmtInf>\"}") != NULL);
        CHECK(strstr(vietref_string_ptr(j), "creditorReference") == NULL);
        vietref_string_free(j);
    }
    vietref_report_free(r);
    vietref_message_free(m);

    /* An RF invoice gets the structured creditor reference too. */
    m = message_from(S("{\"sector\":\"health\",\"payerName\":\"Trần Thị Mai\",\"reason\":\"Viện phí\","
                       "\"invoice\":\"RF18 5390 0754 7034\"}"));
    r = NULL;
    CHECK_STATUS(vietref_memo_render(m, NULL, 0, VIETREF_CHANNEL_ISO20022, 0, &r), VIETREF_OK);
    {
        vietref_string *j = NULL;
        CHECK_STATUS(vietref_report_cleaned_json(r, &j), VIETREF_OK);
        CHECK(strstr(vietref_string_ptr(j), "\"creditorReference\":\"RF18539007547034\"") != NULL);
        CHECK(strstr(vietref_string_ptr(j), "<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp>"
                                            "<Ref>RF18539007547034</Ref></CdtrRefInf></Strd>") != NULL);
        vietref_string_free(j);
    }
    vietref_report_free(r);
    vietref_message_free(m);

    /* A 30-character code does not fit 25: memo.invoice_too_long (600), an error; no text. */
    m = message_from(S("{\"sector\":\"health\",\"payerName\":\"Trần Thị Mai\",\"reason\":\"Viện phí\","
                       "\"invoice\":\"ABCDEFGHJKMNPQRSTUVWXYZ1234567\"}"));
    r = NULL;
    CHECK_STATUS(vietref_memo_render(m, NULL, 0, VIETREF_CHANNEL_VIETQR, 0, &r), VIETREF_OK);
    check_valid(r, 0);
    {
        uint32_t u = 77;
        CHECK_STATUS(vietref_report_finding_code(r, 0, &u), VIETREF_OK);
        CHECK(u == 600);
    }
    CHECK_OWNED_FAILS(VIETREF_NO_VALUE, vietref_report_cleaned_text(r, outp));
    {
        size_t n = 77;
        CHECK_STATUS(vietref_memo_field_count(r, VIETREF_MEMO_INCLUDED, &n), VIETREF_NO_VALUE);
        CHECK(n == 77);
    }
    CHECK_OWNED_FAILS(VIETREF_NO_VALUE, vietref_memo_field_name(r, VIETREF_MEMO_INCLUDED, 0, outp));
    vietref_report_free(r);
    vietref_message_free(m);

    /* An invalid message: its findings, no rendering (education without beneficiary, 300). */
    m = message_from(S("{\"sector\":\"education\",\"payerName\":\"An\",\"reason\":\"Học phí\",\"invoice\":\"HP1\"}"));
    r = NULL;
    CHECK_STATUS(vietref_memo_render(m, NULL, 0, VIETREF_CHANNEL_TRANSFER, 0, &r), VIETREF_OK);
    {
        static const uint32_t want[] = {300};
        check_codes(r, want, 1);
    }
    check_valid(r, 0);
    vietref_report_free(r);

    /* Arguments. */
    r = SENTINEL;
    CHECK_STATUS(vietref_memo_render(m, NULL, 0, 0, 0, &r), VIETREF_INVALID_ARGUMENT);
    CHECK_STATUS(vietref_memo_render(m, NULL, 0, 7, 0, &r), VIETREF_INVALID_ARGUMENT);
    CHECK_STATUS(vietref_memo_render(m, S("HP"), VIETREF_CHANNEL_POS, 0, &r), VIETREF_REF_SCHEMES_INVALID);
    CHECK_STATUS(vietref_memo_render(NULL, NULL, 0, VIETREF_CHANNEL_POS, 0, &r), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_memo_render(m, NULL, 1, VIETREF_CHANNEL_POS, 0, &r), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_memo_render(m, S(BAD_UTF8), VIETREF_CHANNEL_POS, 0, &r), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_memo_render(m, NULL, 0, VIETREF_CHANNEL_POS, 0, NULL), VIETREF_NULL_ARGUMENT);
    CHECK(r == SENTINEL);
    vietref_message_free(m);

    /* Field lists: another kind of report, unknown list, NULLs. */
    r = NULL;
    CHECK_STATUS(vietref_text_check(S("An"), NULL, 0, &r), VIETREF_OK);
    {
        size_t n = 77;
        CHECK_STATUS(vietref_memo_field_count(r, VIETREF_MEMO_INCLUDED, &n), VIETREF_WRONG_KIND);
        CHECK_OWNED_FAILS(VIETREF_WRONG_KIND, vietref_memo_field_name(r, VIETREF_MEMO_INCLUDED, 0, outp));
        CHECK_BUF_FAILS(VIETREF_WRONG_KIND, vietref_memo_field_name_buf(r, VIETREF_MEMO_INCLUDED, 0, buf, cap, lenp));
        CHECK(n == 77);
    }
    vietref_report_free(r);
    m = message_from(S(TUITION_JSON));
    r = NULL;
    CHECK_STATUS(vietref_memo_render(m, NULL, 0, VIETREF_CHANNEL_POS, 0, &r), VIETREF_OK);
    {
        size_t n = 77;
        CHECK_STATUS(vietref_memo_field_count(r, 0, &n), VIETREF_INVALID_ARGUMENT);
        CHECK_STATUS(vietref_memo_field_count(r, 4, &n), VIETREF_INVALID_ARGUMENT);
        CHECK_STATUS(vietref_memo_field_count(NULL, 1, &n), VIETREF_NULL_ARGUMENT);
        CHECK_STATUS(vietref_memo_field_count(r, 1, NULL), VIETREF_NULL_ARGUMENT);
        CHECK(n == 77);
    }
    CHECK_OWNED_FAILS(VIETREF_INVALID_ARGUMENT, vietref_memo_field_name(r, 9, 0, outp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_memo_field_name(NULL, 1, 0, outp));
    CHECK_STATUS(vietref_memo_field_name(r, 1, 0, NULL), VIETREF_NULL_ARGUMENT);
    CHECK_BUF_FAILS(VIETREF_INVALID_ARGUMENT, vietref_memo_field_name_buf(r, 9, 0, buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_memo_field_name_buf(NULL, 1, 0, buf, cap, lenp));
    vietref_report_free(r);
    vietref_message_free(m);
}

static void test_memo_render_custom(void) {
    static const char *const code_reason[] = {"invoice", "reason"};
    static const char *const names[] = {"beneficiaryName", "payerName"};
    static const char *const code_only[] = {"invoice"};
    vietref_message *m = message_from(S(TUITION_JSON));
    vietref_report *r = NULL;

    /* A bank allowing upper case, digits and space, 30 characters: the code (12) and the
       reason folded (" HOC PHI HOC KY 1", 17) fit; " HS NGUYEN THI BINH" does not. Findings:
       reason folded (605), both names left out (603). */
    CHECK_STATUS(vietref_memo_render_custom(m, S("HP:8"), S("my-bank"), S("A-Z0-9 "), 30, 0, &r),
                 VIETREF_OK);
    check_valid(r, 1);
    {
        static const uint32_t want[] = {605, 603, 603};
        check_codes(r, want, 3);
    }
    CHECK_OWNED("HP7184097674 HOC PHI HOC KY 1", vietref_report_cleaned_text(r, outp));
    check_list(r, VIETREF_MEMO_INCLUDED, code_reason, 2);
    check_list(r, VIETREF_MEMO_OMITTED, names, 2);
    CHECK_OWNED("{\"channel\":\"my-bank\",\"budget\":30,\"text\":\"HP7184097674 HOC PHI HOC KY 1\","
                "\"included\":[\"invoice\",\"reason\"],\"omitted\":[\"beneficiaryName\",\"payerName\"],"
                "\"clipped\":[]}",
                vietref_report_cleaned_json(r, outp));
    vietref_report_free(r);

    /* Reference only: the code alone; the other three fields are not carried (607). */
    r = NULL;
    CHECK_STATUS(vietref_memo_render_custom(m, S("HP:8"), S("ref"), S("A-Z0-9"), 16, 1, &r),
                 VIETREF_OK);
    check_valid(r, 1);
    {
        static const uint32_t want[] = {607, 607, 607};
        check_codes(r, want, 3);
    }
    CHECK_OWNED("HP7184097674", vietref_report_cleaned_text(r, outp));
    check_list(r, VIETREF_MEMO_INCLUDED, code_only, 1);
    vietref_report_free(r);

    /* No digits in the set: the code cannot travel (memo.invoice_charset, 601, at its 3rd
       character '7'); no memo. */
    r = NULL;
    CHECK_STATUS(vietref_memo_render_custom(m, S("HP:8"), S("letters"), S("A-Z "), 50, 0, &r),
                 VIETREF_OK);
    check_valid(r, 0);
    {
        uint32_t u = 77;
        size_t n = 77;
        CHECK_STATUS(vietref_report_finding_code(r, 0, &u), VIETREF_OK);
        CHECK(u == 601);
        CHECK_STATUS(vietref_report_finding_position(r, 0, &n), VIETREF_OK);
        CHECK(n == 3);
    }
    CHECK_OWNED_FAILS(VIETREF_NO_VALUE, vietref_report_cleaned_text(r, outp));
    vietref_report_free(r);

    /* Arguments: nothing is written unless the report is made. */
    r = SENTINEL;
    CHECK_STATUS(vietref_memo_render_custom(m, NULL, 0, S("b"), S(""), 30, 0, &r),
                 VIETREF_INVALID_ARGUMENT);
    CHECK_STATUS(vietref_memo_render_custom(m, NULL, 0, S("b"), S("Z-A"), 30, 0, &r),
                 VIETREF_INVALID_ARGUMENT);
    CHECK_STATUS(vietref_memo_render_custom(m, NULL, 0, S("b"), S("A-Z\xc4\x91"), 30, 0, &r),
                 VIETREF_INVALID_ARGUMENT);
    CHECK_STATUS(vietref_memo_render_custom(m, NULL, 0, S("b"), S("A-Z"), 0, 0, &r),
                 VIETREF_INVALID_ARGUMENT);
    CHECK_STATUS(vietref_memo_render_custom(m, NULL, 0, S("b"), S("A-Z"), 30, 2, &r),
                 VIETREF_INVALID_ARGUMENT);
    CHECK_STATUS(vietref_memo_render_custom(m, NULL, 0, S(" "), S("A-Z"), 30, 0, &r),
                 VIETREF_INVALID_ARGUMENT);
    CHECK_STATUS(vietref_memo_render_custom(m, S("HP"), S("b"), S("A-Z"), 30, 0, &r),
                 VIETREF_REF_SCHEMES_INVALID);
    CHECK_STATUS(vietref_memo_render_custom(m, NULL, 0, S(BAD_UTF8), S("A-Z"), 30, 0, &r),
                 VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_memo_render_custom(m, NULL, 0, S("b"), S(BAD_UTF8), 30, 0, &r),
                 VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_memo_render_custom(m, NULL, 0, NULL, 1, S("A-Z"), 30, 0, &r),
                 VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_memo_render_custom(m, NULL, 0, S("b"), NULL, 1, 30, 0, &r),
                 VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_memo_render_custom(NULL, NULL, 0, S("b"), S("A-Z"), 30, 0, &r),
                 VIETREF_NULL_ARGUMENT);
    CHECK(r == SENTINEL);
    CHECK_STATUS(vietref_memo_render_custom(m, NULL, 0, S("b"), S("A-Z"), 30, 0, NULL),
                 VIETREF_NULL_ARGUMENT);
    vietref_message_free(m);
}

/* ---- extract, candidates, parse ------------------------------------------------------- */

static void test_memo_extract(void) {
    static const char line[] = "CT DEN:0123 MBVCB.456 hp 7184 0976 74 NGUYEN VAN AN; TT RF18 5390 0754 7034 GD 9";
    vietref_candidates *c = NULL;
    size_t n = 77, start = 77, end = 77;
    uint32_t u = 77;
    size_t hp_at = (size_t)(strstr(line, "hp 7184") - line);
    size_t rf_at = (size_t)(strstr(line, "RF18") - line);

    CHECK_STATUS(vietref_memo_extract(S(line), S("HP:8"), &c), VIETREF_OK);
    CHECK_STATUS(vietref_candidates_count(c, &n), VIETREF_OK);
    CHECK(n == 2);
    CHECK_OWNED("HP7184097674", vietref_candidates_code(c, 0, outp));
    CHECK_BUF("HP7184097674", vietref_candidates_code_buf(c, 0, buf, cap, lenp));
    CHECK_STATUS(vietref_candidates_kind(c, 0, &u), VIETREF_OK);
    CHECK(u == VIETREF_REF_CODE);
    CHECK_STATUS(vietref_candidates_span(c, 0, &start, &end), VIETREF_OK);
    CHECK(start == hp_at && end == hp_at + strlen("hp 7184 0976 74"));
    CHECK_OWNED("RF18539007547034", vietref_candidates_code(c, 1, outp));
    CHECK_STATUS(vietref_candidates_kind(c, 1, &u), VIETREF_OK);
    CHECK(u == VIETREF_REF_RF);
    CHECK_STATUS(vietref_candidates_span(c, 1, &start, &end), VIETREF_OK);
    CHECK(start == rf_at && end == rf_at + strlen("RF18 5390 0754 7034"));
    {
        char want[256];
        sprintf(want,
                "[{\"code\":\"HP7184097674\",\"kind\":\"payment_code\",\"start\":%u,\"end\":%u},"
                "{\"code\":\"RF18539007547034\",\"kind\":\"rf\",\"start\":%u,\"end\":%u}]",
                (unsigned)hp_at, (unsigned)(hp_at + 15), (unsigned)rf_at, (unsigned)(rf_at + 19));
        CHECK_OWNED(want, vietref_candidates_json(c, outp));
        CHECK_BUF(want, vietref_candidates_json_buf(c, buf, cap, lenp));
    }
    /* Index and NULL checks; nothing written on failure. */
    n = start = end = 77;
    u = 77;
    CHECK_OWNED_FAILS(VIETREF_INDEX_OUT_OF_RANGE, vietref_candidates_code(c, 2, outp));
    CHECK_BUF_FAILS(VIETREF_INDEX_OUT_OF_RANGE, vietref_candidates_code_buf(c, 2, buf, cap, lenp));
    CHECK_STATUS(vietref_candidates_kind(c, 2, &u), VIETREF_INDEX_OUT_OF_RANGE);
    CHECK_STATUS(vietref_candidates_span(c, 2, &start, &end), VIETREF_INDEX_OUT_OF_RANGE);
    CHECK_STATUS(vietref_candidates_span(c, 0, NULL, &end), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_candidates_span(c, 0, &start, NULL), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_candidates_span(NULL, 0, &start, &end), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_candidates_kind(NULL, 0, &u), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_candidates_kind(c, 0, NULL), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_candidates_count(NULL, &n), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_candidates_count(c, NULL), VIETREF_NULL_ARGUMENT);
    CHECK(n == 77 && start == 77 && end == 77 && u == 77);
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_candidates_code(NULL, 0, outp));
    CHECK_STATUS(vietref_candidates_code(c, 0, NULL), VIETREF_NULL_ARGUMENT);
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_candidates_code_buf(NULL, 0, buf, cap, lenp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_candidates_json(NULL, outp));
    CHECK_STATUS(vietref_candidates_json(c, NULL), VIETREF_NULL_ARGUMENT);
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_candidates_json_buf(NULL, buf, cap, lenp));
    vietref_candidates_free(c);

    /* Without the scheme only the RF reference is found; in empty text, nothing. */
    c = NULL;
    CHECK_STATUS(vietref_memo_extract(S(line), NULL, 0, &c), VIETREF_OK);
    CHECK_STATUS(vietref_candidates_count(c, &n), VIETREF_OK);
    CHECK(n == 1);
    vietref_candidates_free(c);
    c = NULL;
    CHECK_STATUS(vietref_memo_extract(NULL, 0, S("HP:8"), &c), VIETREF_OK);
    CHECK_STATUS(vietref_candidates_count(c, &n), VIETREF_OK);
    CHECK(n == 0);
    CHECK_OWNED("[]", vietref_candidates_json(c, outp));
    vietref_candidates_free(c);
    /* A wrong check digit is not a candidate. */
    c = NULL;
    CHECK_STATUS(vietref_memo_extract(S("HP 7184 0976 75"), S("HP:8"), &c), VIETREF_OK);
    CHECK_STATUS(vietref_candidates_count(c, &n), VIETREF_OK);
    CHECK(n == 0);
    vietref_candidates_free(c);

    c = SENTINEL;
    CHECK_STATUS(vietref_memo_extract(NULL, 1, S("HP:8"), &c), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_memo_extract(S(BAD_UTF8), S("HP:8"), &c), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_memo_extract(S("x"), NULL, 1, &c), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_memo_extract(S("x"), S(BAD_UTF8), &c), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_memo_extract(S("x"), S("HP:99"), &c), VIETREF_REF_SCHEMES_INVALID);
    CHECK_STATUS(vietref_memo_extract(S("x"), S("HP:8"), NULL), VIETREF_NULL_ARGUMENT);
    CHECK(c == SENTINEL);
    vietref_candidates_free(NULL);
    vietref_candidates_free(NULL);
}

static void test_memo_parse(void) {
    static const char full[] =
        "{\"invoice\":{\"code\":\"HP7184097674\",\"kind\":\"payment_code\",\"start\":0,\"end\":12},"
        "\"reason\":\"HOC PHI HOC KY 1\",\"beneficiary\":\"NGUYEN THI BINH\",\"payer\":\"NGUYEN VAN AN\","
        "\"sector\":\"education\"}";
    CHECK_OWNED(full, vietref_memo_parse(S("HP7184097674 HOC PHI HOC KY 1 HS NGUYEN THI BINH PH NGUYEN VAN AN"),
                                         S("HP:8"), outp));
    CHECK_BUF(full, vietref_memo_parse_buf(S("HP7184097674 HOC PHI HOC KY 1 HS NGUYEN THI BINH PH NGUYEN VAN AN"),
                                           NULL, 0, buf, cap, lenp));
    CHECK_OWNED("{\"invoice\":null,\"reason\":null,\"beneficiary\":null,\"payer\":null,\"sector\":null}",
                vietref_memo_parse(NULL, 0, NULL, 0, outp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_memo_parse(NULL, 1, NULL, 0, outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_UTF8, vietref_memo_parse(S(BAD_UTF8), NULL, 0, outp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_memo_parse(S("x"), NULL, 1, outp));
    CHECK_OWNED_FAILS(VIETREF_REF_SCHEMES_INVALID, vietref_memo_parse(S("x"), S("X:8"), outp));
    CHECK_STATUS(vietref_memo_parse(S("x"), NULL, 0, NULL), VIETREF_NULL_ARGUMENT);
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_memo_parse_buf(NULL, 1, NULL, 0, buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_INVALID_UTF8, vietref_memo_parse_buf(S("x"), S(BAD_UTF8), buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_REF_SCHEMES_INVALID, vietref_memo_parse_buf(S("x"), S("HP:"), buf, cap, lenp));
}

static void test_memo_envelope(void) {
    static const char want[] =
        "{\"bank\":null,\"shape\":null,\"senderName\":null,\"senderAccount\":null,\"senderBank\":null,"
        "\"receiverAccount\":null,\"receiverName\":null,"
        "\"numbers\":[{\"kind\":\"reference\",\"text\":\"FT24256000123456\",\"span\":[8,24]}],"
        "\"free\":[{\"text\":\"hoc phi\",\"span\":[0,7]}]}";
    CHECK_OWNED(want, vietref_memo_envelope(S("hoc phi FT24256000123456"), outp));
    CHECK_BUF(want, vietref_memo_envelope_buf(S("hoc phi FT24256000123456"), buf, cap, lenp));
    CHECK_OWNED("{\"bank\":null,\"shape\":null,\"senderName\":null,\"senderAccount\":null,\"senderBank\":null,"
                "\"receiverAccount\":null,\"receiverName\":null,\"numbers\":[],\"free\":[]}",
                vietref_memo_envelope(NULL, 0, outp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_memo_envelope(NULL, 1, outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_UTF8, vietref_memo_envelope(S(BAD_UTF8), outp));
    CHECK_STATUS(vietref_memo_envelope(S("x"), NULL), VIETREF_NULL_ARGUMENT);
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_memo_envelope_buf(NULL, 1, buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_INVALID_UTF8, vietref_memo_envelope_buf(S(BAD_UTF8), buf, cap, lenp));
}

/* ---- VietQR from a message, and codes read back ------------------------------------------- */

static void test_vietqr_payment(void) {
    /* Hand-assembled (tags ascending) from the rendering above; CRC from the Python oracle. */
    static const char payload[] =
        "00020101021238570010A00000072701270006970436011300110012345670208QRIBFTTA5303704540712500005802VN"
        "62440112HP71840976740824HP7184097674 HOC PHI HOC63043E06";
    vietref_message *m = message_from(S(TUITION_JSON));
    vietref_report *r = NULL;
    vietref_vietqr *q = NULL;
    vietref_candidates *c = NULL;
    size_t n = 77, start = 77, end = 77;

    CHECK_STATUS(vietref_vietqr_for_payment(m, S("HP:8"), S("970436"), S("0011001234567"), &r), VIETREF_OK);
    check_valid(r, 1);
    {
        static const uint32_t want[] = {605, 604, 603, 603};
        check_codes(r, want, 4);
    }
    CHECK_OWNED(payload, vietref_report_cleaned_text(r, outp));
    vietref_report_free(r);

    /* Decoded, its purpose and bill number give the code back once. */
    r = NULL;
    CHECK_STATUS(vietref_vietqr_decode(S(payload), VIETREF_VIETQR_STRICT, &r), VIETREF_OK);
    CHECK_STATUS(vietref_vietqr_from_report(r, &q), VIETREF_OK);
    vietref_report_free(r);
    CHECK_STATUS(vietref_vietqr_payment_codes(q, S("HP:8"), &c), VIETREF_OK);
    CHECK_STATUS(vietref_candidates_count(c, &n), VIETREF_OK);
    CHECK(n == 1);
    CHECK_OWNED("HP7184097674", vietref_candidates_code(c, 0, outp));
    CHECK_STATUS(vietref_candidates_span(c, 0, &start, &end), VIETREF_OK);
    CHECK(start == 0 && end == 12);
    vietref_candidates_free(c);
    /* Without the scheme no payment code is recognised. */
    c = NULL;
    CHECK_STATUS(vietref_vietqr_payment_codes(q, NULL, 0, &c), VIETREF_OK);
    CHECK_STATUS(vietref_candidates_count(c, &n), VIETREF_OK);
    CHECK(n == 0);
    vietref_candidates_free(c);

    /* An invalid payee: the code's findings (vietqr.bin, 517) after the rendering's. */
    r = NULL;
    CHECK_STATUS(vietref_vietqr_for_payment(m, NULL, 0, S("97043"), S("0011001234567"), &r), VIETREF_OK);
    check_valid(r, 0);
    {
        uint32_t u = 77;
        CHECK_STATUS(vietref_report_finding_code(r, 4, &u), VIETREF_OK);
        CHECK(u == 517);
    }
    vietref_report_free(r);
    vietref_message_free(m);
    /* An invalid message: its findings only. */
    m = message_from(S("{\"sector\":\"education\",\"payerName\":\"An\",\"reason\":\"Học phí\",\"invoice\":\"HP1\"}"));
    r = NULL;
    CHECK_STATUS(vietref_vietqr_for_payment(m, NULL, 0, S("970436"), S("1"), &r), VIETREF_OK);
    {
        static const uint32_t want[] = {300};
        check_codes(r, want, 1);
    }
    vietref_report_free(r);

    r = SENTINEL;
    CHECK_STATUS(vietref_vietqr_for_payment(NULL, NULL, 0, S("970436"), S("1"), &r), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_vietqr_for_payment(m, NULL, 1, S("970436"), S("1"), &r), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_vietqr_for_payment(m, S(BAD_UTF8), S("970436"), S("1"), &r), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_vietqr_for_payment(m, S("HP"), S("970436"), S("1"), &r), VIETREF_REF_SCHEMES_INVALID);
    CHECK_STATUS(vietref_vietqr_for_payment(m, NULL, 0, NULL, 1, S("1"), &r), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_vietqr_for_payment(m, NULL, 0, S(BAD_UTF8), S("1"), &r), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_vietqr_for_payment(m, NULL, 0, S("970436"), NULL, 1, &r), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_vietqr_for_payment(m, NULL, 0, S("970436"), S(BAD_UTF8), &r), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_vietqr_for_payment(m, NULL, 0, S("970436"), S("1"), NULL), VIETREF_NULL_ARGUMENT);
    CHECK(r == SENTINEL);
    vietref_message_free(m);

    c = SENTINEL;
    CHECK_STATUS(vietref_vietqr_payment_codes(NULL, S("HP:8"), &c), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_vietqr_payment_codes(q, NULL, 1, &c), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_vietqr_payment_codes(q, S(BAD_UTF8), &c), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_vietqr_payment_codes(q, S("HP:5"), &c), VIETREF_REF_SCHEMES_INVALID);
    CHECK_STATUS(vietref_vietqr_payment_codes(q, S("HP:8"), NULL), VIETREF_NULL_ARGUMENT);
    CHECK(c == SENTINEL);
    vietref_vietqr_free(q);
}

static void test_constants(void) {
    CHECK(VIETREF_REF_EMPTY == 300 && VIETREF_REF_INVALID_CHAR == 301 && VIETREF_REF_INVALID_LENGTH == 302);
    CHECK(VIETREF_REF_INVALID_PREFIX == 303 && VIETREF_REF_INVALID_PART == 304);
    CHECK(VIETREF_REF_INVALID_CHECKSUM == 305 && VIETREF_REF_SCHEMES_INVALID == 306);
    CHECK(VIETREF_REF_CODE == 1 && VIETREF_REF_RF == 2 && VIETREF_REF_EINVOICE == 3 && VIETREF_REF_MST == 4);
    CHECK(VIETREF_REF_OPAQUE == 5);
    CHECK(VIETREF_CHANNEL_VIETQR == 1 && VIETREF_CHANNEL_ISO20022 == 6);
    CHECK(VIETREF_MEMO_INCLUDED == 1 && VIETREF_MEMO_OMITTED == 2 && VIETREF_MEMO_CLIPPED == 3);
    CHECK(strcmp(vietref_status_name(VIETREF_REF_SCHEMES_INVALID), "VIETREF_REF_SCHEMES_INVALID") == 0);
}

int main(void) {
    test_constants();
    test_ref_create();
    test_ref_validate();
    test_message_schemes();
    test_memo_render();
    test_memo_render_custom();
    test_memo_extract();
    test_memo_parse();
    test_memo_envelope();
    test_vietqr_payment();
    return check_summary();
}
