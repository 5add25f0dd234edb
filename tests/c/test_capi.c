/*
 * Tests of the vietref C ABI from C: every exported function, its success path, NULL for
 * every pointer, invalid UTF-8, caller buffers of 0 and 1 bytes, and _free(NULL).
 *
 * Built with gcc -std=c99 -Wall -Wextra -Werror -pedantic against the static and the shared
 * library by tests/capi_c.rs, and under valgrind and AddressSanitizer by tests/c/run.sh.
 * Expected values are written by hand from the rules (docs/domain.md, the Rust doc examples), not
 * taken from the library's output.
 */
#include "check.h"

/* ---- version and statuses ---------------------------------------------------------- */

static void test_version_and_status(void) {
    char want[64];
    sprintf(want, "%d.%d.%d", VIETREF_VERSION_MAJOR, VIETREF_VERSION_MINOR, VIETREF_VERSION_PATCH);
    CHECK(vietref_version() != NULL && strcmp(vietref_version(), want) == 0);

    static const vietref_status all[] = {
        VIETREF_OK, VIETREF_NULL_ARGUMENT, VIETREF_INVALID_UTF8, VIETREF_INSUFFICIENT_SIZE,
        VIETREF_PANIC, VIETREF_INVALID_ARGUMENT, VIETREF_INDEX_OUT_OF_RANGE, VIETREF_NO_VALUE,
        VIETREF_INTERNAL_ERROR, VIETREF_TEXT_NAME_INVALID, VIETREF_MESSAGE_JSON_INVALID};
    size_t i;
    for (i = 0; i < sizeof all / sizeof all[0]; i++) {
        const char *en = vietref_status_message(all[i], VIETREF_LANG_EN);
        const char *vi = vietref_status_message(all[i], VIETREF_LANG_VI);
        CHECK(vietref_status_name(all[i]) != NULL);
        CHECK(en != NULL && vi != NULL && strlen(en) > 0 && strcmp(en, vi) != 0);
    }
    CHECK(strcmp(vietref_status_name(VIETREF_OK), "VIETREF_OK") == 0);
    CHECK(strcmp(vietref_status_name(VIETREF_INVALID_UTF8), "VIETREF_INVALID_UTF8") == 0);
    CHECK(strcmp(vietref_status_message(VIETREF_OK, VIETREF_LANG_VI), "thành công") == 0);
    CHECK(strcmp(vietref_status_message(VIETREF_OK, VIETREF_LANG_EN), "success") == 0);
    CHECK(vietref_status_name(9999) == NULL);
    CHECK(vietref_status_message(9999, VIETREF_LANG_EN) == NULL);
    CHECK(vietref_status_message(VIETREF_OK, 0) == NULL);
    CHECK(vietref_status_message(VIETREF_OK, 3) == NULL);
    /* The numbers are part of the ABI. */
    CHECK(VIETREF_OK == 0 && VIETREF_NULL_ARGUMENT == 1 && VIETREF_INVALID_UTF8 == 2);
    CHECK(VIETREF_INSUFFICIENT_SIZE == 3 && VIETREF_PANIC == 4 && VIETREF_INVALID_ARGUMENT == 5);
    CHECK(VIETREF_INDEX_OUT_OF_RANGE == 6 && VIETREF_NO_VALUE == 7 && VIETREF_INTERNAL_ERROR == 8);
    CHECK(VIETREF_TEXT_NAME_INVALID == 100 && VIETREF_MESSAGE_JSON_INVALID == 200);
    CHECK(sizeof(vietref_status) == 4);
}

/* ---- vietref_string ------------------------------------------------------------------ */

static void test_string_handles(void) {
    vietref_string *s = NULL;
    CHECK(vietref_string_ptr(NULL) == NULL);
    CHECK(vietref_string_len(NULL) == 0);
    vietref_string_free(NULL);
    vietref_string_free(NULL); /* twice: still nothing */
    CHECK_STATUS(vietref_text_fold(S("Đ"), &s), VIETREF_OK);
    CHECK(string_is(s, "D"));
    vietref_string_free(s);
    /* The empty result is a real string: a valid pointer to a NUL, length 0. */
    CHECK_STATUS(vietref_text_fold(S(""), &s), VIETREF_OK);
    CHECK(vietref_string_ptr(s) != NULL && vietref_string_len(s) == 0 && vietref_string_ptr(s)[0] == '\0');
    vietref_string_free(s);
}

/* ---- text -------------------------------------------------------------------------- */

static vietref_status retone_main(const char *t, size_t n, vietref_string **out) {
    return vietref_text_retone(t, n, VIETREF_TONE_MAIN_VOWEL, out);
}

static void test_text_name(void) {
    CHECK_OWNED("Nguyễn Thị Minh Khai", vietref_text_name(S("  nguyễn   THỊ  minh   khai "), outp));
    CHECK_BUF("Nguyễn Thị Minh Khai", vietref_text_name_buf(S("  nguyễn   THỊ  minh   khai "), buf, cap, lenp));
    /* H'Hen Niê: capital after the apostrophe; the typographic apostrophe becomes '. */
    CHECK_OWNED("H'Hen Niê", vietref_text_name(S("h\xe2\x80\x99hen niê"), outp));
    /* NFD input comes back composed (NFC). */
    CHECK_OWNED("Nguyễn", vietref_text_name(S("Nguye\xcc\x82\xcc\x83n"), outp));
    CHECK_OWNED_FAILS(VIETREF_TEXT_NAME_INVALID, vietref_text_name(S("Nguyễn Văn 2"), outp));
    CHECK_OWNED_FAILS(VIETREF_TEXT_NAME_INVALID, vietref_text_name(NULL, 0, outp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_text_name(NULL, 3, outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_UTF8, vietref_text_name(S(BAD_UTF8), outp));
    CHECK_BUF_FAILS(VIETREF_TEXT_NAME_INVALID, vietref_text_name_buf(S("Lê @Anh"), buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_text_name_buf(NULL, 1, buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_INVALID_UTF8, vietref_text_name_buf(S(BAD_UTF8), buf, cap, lenp));
}

static void test_text_fold(void) {
    CHECK_OWNED("NGUYEN VAN DUC", vietref_text_fold(S("Nguyễn Văn Đức"), outp));
    CHECK_BUF("NGUYEN VAN DUC", vietref_text_fold_buf(S("Nguyễn Văn Đức"), buf, cap, lenp));
    CHECK_OWNED("HOC PHI HK1 2024", vietref_text_fold(S("  học phí, HK1/2024 "), outp));
    CHECK_OWNED("", vietref_text_fold(NULL, 0, outp));
    CHECK_BUF("", vietref_text_fold_buf(NULL, 0, buf, cap, lenp));
    CHECK_BUF("A", vietref_text_fold_buf(S("à"), buf, cap, lenp));
    /* Text is pointer + length: a NUL byte is a character like any other, and the length
       limits what is read. */
    CHECK_OWNED("A B", vietref_text_fold("a\0b", 3, outp));
    CHECK_OWNED("NAM", vietref_text_fold("nam and more", 3, outp));
    {
        /* In place: the buffer may be the input's own memory. */
        char inplace[] = "Đà Nẵng";
        size_t n = 0;
        CHECK_STATUS(vietref_text_fold_buf(inplace, strlen(inplace), inplace, sizeof inplace, &n), VIETREF_OK);
        CHECK(n == 7 && memcmp(inplace, "DA NANG", 7) == 0);
    }
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_text_fold(NULL, 1, outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_UTF8, vietref_text_fold(S(BAD_UTF8), outp));
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_text_fold_buf(NULL, 1, buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_INVALID_UTF8, vietref_text_fold_buf(S(BAD_UTF8), buf, cap, lenp));
}

static void test_text_key(void) {
    /* The key is lower case NFC with the tone on the main vowel: thuỷ. */
    const char *thuy = "thu\xe1\xbb\xb7";
    CHECK_OWNED(thuy, vietref_text_key(S("Thủy"), outp));
    CHECK_OWNED(thuy, vietref_text_key(S("THUỶ"), outp));
    CHECK_OWNED(thuy, vietref_text_key(S(" thu\xcc\x89y  "), outp));
    CHECK_BUF(thuy, vietref_text_key_buf(S("Thủy"), buf, cap, lenp));
    /* Thúy is another name (sắc, not hỏi); its key also has the tone on the main vowel. */
    CHECK_OWNED("thu\xc3\xbd", vietref_text_key(S("Thúy"), outp));
    CHECK_OWNED("", vietref_text_key(NULL, 0, outp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_text_key(NULL, 2, outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_UTF8, vietref_text_key(S(BAD_UTF8), outp));
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_text_key_buf(NULL, 2, buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_INVALID_UTF8, vietref_text_key_buf(S(BAD_UTF8), buf, cap, lenp));
}

static void test_text_retone(void) {
    CHECK_OWNED("hoà bình", vietref_text_retone(S("hòa bình"), VIETREF_TONE_MAIN_VOWEL, outp));
    CHECK_OWNED("hòa bình", vietref_text_retone(S("hoà bình"), VIETREF_TONE_TRADITIONAL, outp));
    /* Misplaced marks move whatever the style; words that are not syllables stay. */
    CHECK_OWNED("quý José", vietref_text_retone(S("qúy José"), VIETREF_TONE_TRADITIONAL, outp));
    CHECK_OWNED("già", retone_main(S("gìa"), outp));
    CHECK_BUF("khoẻ", vietref_text_retone_buf(S("khỏe"), VIETREF_TONE_MAIN_VOWEL, buf, cap, lenp));
    CHECK_OWNED("", vietref_text_retone(NULL, 0, VIETREF_TONE_MAIN_VOWEL, outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_ARGUMENT, vietref_text_retone(S("hòa"), 0, outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_ARGUMENT, vietref_text_retone(S("hòa"), 3, outp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_text_retone(NULL, 1, VIETREF_TONE_MAIN_VOWEL, outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_UTF8, vietref_text_retone(S(BAD_UTF8), VIETREF_TONE_MAIN_VOWEL, outp));
    CHECK_BUF_FAILS(VIETREF_INVALID_ARGUMENT, vietref_text_retone_buf(S("hòa"), 7, buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_text_retone_buf(NULL, 1, VIETREF_TONE_MAIN_VOWEL, buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_INVALID_UTF8,
                    vietref_text_retone_buf(S(BAD_UTF8), VIETREF_TONE_TRADITIONAL, buf, cap, lenp));
}

static void test_text_check(void) {
    vietref_report *r = SENTINEL;
    uint32_t u = 77;
    size_t n = 77;

    /* An invalid name: one error, name.digit (200) at character 12, '2'. */
    CHECK_STATUS(vietref_text_check(S("Nguyễn Văn 2"), S("payerName"), &r), VIETREF_OK);
    CHECK(r != SENTINEL && r != NULL);
    CHECK_STATUS(vietref_report_valid(r, &u), VIETREF_OK);
    CHECK(u == 0);
    CHECK_STATUS(vietref_report_count(r, &n), VIETREF_OK);
    CHECK(n == 1);
    CHECK_STATUS(vietref_report_finding_code(r, 0, &u), VIETREF_OK);
    CHECK(u == 200);
    CHECK_STATUS(vietref_report_finding_severity(r, 0, &u), VIETREF_OK);
    CHECK(u == VIETREF_SEVERITY_ERROR);
    CHECK_STATUS(vietref_report_finding_position(r, 0, &n), VIETREF_OK);
    CHECK(n == 12);
    CHECK_STATUS(vietref_report_finding_char(r, 0, &u), VIETREF_OK);
    CHECK(u == '2');
    CHECK_OWNED("name.digit", vietref_report_finding_code_key(r, 0, outp));
    CHECK_OWNED("payerName", vietref_report_finding_field(r, 0, outp));
    CHECK_OWNED("a name cannot contain digits: '2' (U+0032) at character 12",
                vietref_report_finding_message(r, 0, VIETREF_LANG_EN, outp));
    CHECK_OWNED("họ tên không được chứa chữ số: '2' (U+0032) tại ký tự thứ 12",
                vietref_report_finding_message(r, 0, VIETREF_LANG_VI, outp));
    CHECK_OWNED_FAILS(VIETREF_NO_VALUE, vietref_report_cleaned_json(r, outp));
    CHECK_BUF_FAILS(VIETREF_NO_VALUE, vietref_report_cleaned_json_buf(r, buf, cap, lenp));
    vietref_report_free(r);

    /* A valid name with a warning: the display casing (name.case, 204), no position. */
    r = NULL;
    CHECK_STATUS(vietref_text_check(S("nguyễn văn an"), NULL, 0, &r), VIETREF_OK);
    CHECK_STATUS(vietref_report_valid(r, &u), VIETREF_OK);
    CHECK(u == 1);
    CHECK_STATUS(vietref_report_count(r, &n), VIETREF_OK);
    CHECK(n == 1);
    CHECK_STATUS(vietref_report_finding_code(r, 0, &u), VIETREF_OK);
    CHECK(u == 204);
    CHECK_STATUS(vietref_report_finding_severity(r, 0, &u), VIETREF_OK);
    CHECK(u == VIETREF_SEVERITY_WARNING);
    n = 77;
    CHECK_STATUS(vietref_report_finding_position(r, 0, &n), VIETREF_NO_VALUE);
    CHECK(n == 77);
    u = 77;
    CHECK_STATUS(vietref_report_finding_char(r, 0, &u), VIETREF_NO_VALUE);
    CHECK(u == 77);
    CHECK_OWNED("", vietref_report_finding_field(r, 0, outp));
    CHECK_OWNED("\"Nguyễn Văn An\"", vietref_report_cleaned_json(r, outp));
    CHECK_BUF("\"Nguyễn Văn An\"", vietref_report_cleaned_json_buf(r, buf, cap, lenp));
    vietref_report_free(r);

    /* Argument errors leave *report_out alone. */
    r = SENTINEL;
    CHECK_STATUS(vietref_text_check(NULL, 1, S("f"), &r), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_text_check(S("An"), NULL, 1, &r), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_text_check(S(BAD_UTF8), S("f"), &r), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_text_check(S("An"), S(BAD_UTF8), &r), VIETREF_INVALID_UTF8);
    CHECK(r == SENTINEL);
    CHECK_STATUS(vietref_text_check(S("An"), S("f"), NULL), VIETREF_NULL_ARGUMENT);
    /* The empty name is checked, not refused: it is an error finding (text.empty, 107). */
    r = NULL;
    CHECK_STATUS(vietref_text_check(NULL, 0, NULL, 0, &r), VIETREF_OK);
    CHECK_STATUS(vietref_report_finding_code(r, 0, &u), VIETREF_OK);
    CHECK(u == 107);
    vietref_report_free(r);
}

static void test_text_check_text(void) {
    vietref_report *r = SENTINEL;
    uint32_t u = 77;
    size_t n = 77;

    /* Free text allows digits and punctuation (a name would not): valid, no finding. */
    CHECK_STATUS(vietref_text_check_text(S("Học phí kỳ 1, lớp 6A"), S("reason"), &r), VIETREF_OK);
    CHECK(r != SENTINEL && r != NULL);
    CHECK_STATUS(vietref_report_valid(r, &u), VIETREF_OK);
    CHECK(u == 1);
    CHECK_STATUS(vietref_report_count(r, &n), VIETREF_OK);
    CHECK(n == 0);
    CHECK_OWNED("Học phí kỳ 1, lớp 6A", vietref_report_cleaned_text(r, outp));
    vietref_report_free(r);

    /* Two spaces and a no-break space: normalized, with a text.whitespace warning (102). */
    r = NULL;
    CHECK_STATUS(vietref_text_check_text(S("Học  phí\xc2\xa0kỳ 1 "), S("reason"), &r), VIETREF_OK);
    CHECK_STATUS(vietref_report_valid(r, &u), VIETREF_OK);
    CHECK(u == 1);
    CHECK_STATUS(vietref_report_finding_code(r, 0, &u), VIETREF_OK);
    CHECK(u == 102);
    CHECK_OWNED("Học phí kỳ 1", vietref_report_cleaned_text(r, outp));
    vietref_report_free(r);

    /* A control character (U+0001, the 8th character) is refused: text.control_char (104). */
    r = NULL;
    CHECK_STATUS(vietref_text_check_text(S("Học phí\x01"), S("reason"), &r), VIETREF_OK);
    CHECK_STATUS(vietref_report_valid(r, &u), VIETREF_OK);
    CHECK(u == 0);
    CHECK_STATUS(vietref_report_finding_code(r, 0, &u), VIETREF_OK);
    CHECK(u == 104);
    CHECK_STATUS(vietref_report_finding_position(r, 0, &n), VIETREF_OK);
    CHECK(n == 8);
    CHECK_OWNED("reason", vietref_report_finding_field(r, 0, outp));
    CHECK_OWNED_FAILS(VIETREF_NO_VALUE, vietref_report_cleaned_text(r, outp));
    vietref_report_free(r);

    /* Latin and Cyrillic in one word: a text.mixed_script warning (110), still valid. */
    r = NULL;
    CHECK_STATUS(vietref_text_check_text(S("l\xd0\xbep 6A"), NULL, 0, &r), VIETREF_OK);
    CHECK_STATUS(vietref_report_valid(r, &u), VIETREF_OK);
    CHECK(u == 1);
    CHECK_STATUS(vietref_report_finding_code(r, 0, &u), VIETREF_OK);
    CHECK(u == 110);
    vietref_report_free(r);

    /* Argument errors leave *report_out alone. */
    r = SENTINEL;
    CHECK_STATUS(vietref_text_check_text(NULL, 1, S("f"), &r), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_text_check_text(S("An"), NULL, 1, &r), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_text_check_text(S(BAD_UTF8), S("f"), &r), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_text_check_text(S("An"), S(BAD_UTF8), &r), VIETREF_INVALID_UTF8);
    CHECK(r == SENTINEL);
    CHECK_STATUS(vietref_text_check_text(S("An"), S("f"), NULL), VIETREF_NULL_ARGUMENT);
}

static void test_text_skeleton(void) {
    /* Lower case, look-alikes mapped to one representative: Latin HOA and Cyrillic НОА. */
    CHECK_OWNED("hoa", vietref_text_skeleton(S("HOA"), outp));
    CHECK_OWNED("hoa", vietref_text_skeleton(S("\xd0\x9d\xd0\x9e\xd0\x90"), outp));
    CHECK_BUF("hoa", vietref_text_skeleton_buf(S("HOA"), buf, cap, lenp));
    /* rn passes for m, i for l (one representative of i, I, l, L, 1); invisible characters
       and outer spaces go. */
    CHECK_OWNED("mal", vietref_text_skeleton(S(" rnai\xe2\x80\x8b "), outp));
    CHECK_BUF("mal", vietref_text_skeleton_buf(S("rnai"), buf, cap, lenp));
    CHECK_OWNED("", vietref_text_skeleton(NULL, 0, outp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_text_skeleton(NULL, 1, outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_UTF8, vietref_text_skeleton(S(BAD_UTF8), outp));
    CHECK_BUF_FAILS(VIETREF_INVALID_UTF8, vietref_text_skeleton_buf(S(BAD_UTF8), buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_text_skeleton_buf(NULL, 1, buf, cap, lenp));
}

static void test_text_looks_like(void) {
    uint32_t u = 77;
    /* Latin HOA and Cyrillic НОА (U+041D U+041E U+0410). */
    CHECK_STATUS(vietref_text_looks_like(S("HOA"), S("\xd0\x9d\xd0\x9e\xd0\x90"), &u), VIETREF_OK);
    CHECK(u == 1);
    CHECK_STATUS(vietref_text_looks_like(S("Hai"), S("Hăi"), &u), VIETREF_OK);
    CHECK(u == 0);
    CHECK_STATUS(vietref_text_looks_like(NULL, 0, NULL, 0, &u), VIETREF_OK);
    CHECK(u == 1);
    u = 77;
    CHECK_STATUS(vietref_text_looks_like(NULL, 1, S("a"), &u), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_text_looks_like(S("a"), NULL, 1, &u), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_text_looks_like(S(BAD_UTF8), S("a"), &u), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_text_looks_like(S("a"), S(BAD_UTF8), &u), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_text_looks_like(S("a"), S("a"), NULL), VIETREF_NULL_ARGUMENT);
    CHECK(u == 77);
}

static void test_text_compare_payee_name(void) {
    static const char reg[] = "Trường THCS Hòa Bình";
    uint32_t u = 77;
    CHECK_STATUS(vietref_text_compare_payee_name(S("TRƯỜNG THCS HOÀ BÌNH"), S(reg), &u), VIETREF_OK);
    CHECK(u == VIETREF_NAME_SAME);
    /* A zero-width space hidden inside: looks the same, is not the same. */
    CHECK_STATUS(vietref_text_compare_payee_name(S("Trường THCS H\xe2\x80\x8bòa Bình"), S(reg), &u),
                 VIETREF_OK);
    CHECK(u == VIETREF_NAME_LOOKALIKE);
    CHECK_STATUS(vietref_text_compare_payee_name(S("Trường THCS An Bình"), S(reg), &u), VIETREF_OK);
    CHECK(u == VIETREF_NAME_DIFFERENT);
    u = 77;
    CHECK_STATUS(vietref_text_compare_payee_name(NULL, 1, S(reg), &u), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_text_compare_payee_name(S(reg), NULL, 1, &u), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_text_compare_payee_name(S(BAD_UTF8), S(reg), &u), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_text_compare_payee_name(S(reg), S(BAD_UTF8), &u), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_text_compare_payee_name(S(reg), S(reg), NULL), VIETREF_NULL_ARGUMENT);
    CHECK(u == 77);
}

/* ---- message ----------------------------------------------------------------------- */

static const char TUITION_CLEANED[] =
    "{\"sector\":\"education\",\"payerName\":\"Nguyễn Văn An\","
    "\"beneficiaryName\":\"Nguyễn Thị Bình\",\"reason\":\"Học phí học kỳ 1\","
    "\"invoice\":\"HP7184097674\",\"amount\":1250000}";

static vietref_message *tuition_draft(void) {
    vietref_message *m = NULL;
    CHECK_STATUS(vietref_message_new(&m), VIETREF_OK);
    CHECK_STATUS(vietref_message_set_sector(m, S("education")), VIETREF_OK);
    CHECK_STATUS(vietref_message_set_payer_name(m, S("nguyễn văn an")), VIETREF_OK);
    CHECK_STATUS(vietref_message_set_beneficiary_name(m, S("Nguyễn Thị Bình")), VIETREF_OK);
    CHECK_STATUS(vietref_message_set_reason(m, S("Học phí học kỳ 1")), VIETREF_OK);
    CHECK_STATUS(vietref_message_set_invoice(m, S("HP7184097674")), VIETREF_OK);
    CHECK_STATUS(vietref_message_set_amount(m, 1250000u), VIETREF_OK);
    return m;
}

static void test_message_valid(void) {
    vietref_message *m = tuition_draft();
    vietref_report *r = SENTINEL;
    uint32_t u = 77;
    size_t n = 77;
    CHECK_STATUS(vietref_message_validate(m, &r), VIETREF_OK);
    CHECK_STATUS(vietref_report_valid(r, &u), VIETREF_OK);
    CHECK(u == 1);
    CHECK_STATUS(vietref_report_count(r, &n), VIETREF_OK);
    CHECK(n == 1);
    CHECK_OWNED("name.case", vietref_report_finding_code_key(r, 0, outp));
    CHECK_BUF("name.case", vietref_report_finding_code_key_buf(r, 0, buf, cap, lenp));
    CHECK_OWNED("payerName", vietref_report_finding_field(r, 0, outp));
    CHECK_BUF("payerName", vietref_report_finding_field_buf(r, 0, buf, cap, lenp));
    CHECK_OWNED("letter case was changed to the display form \xe2\x80\x9cNguyễn Văn An\xe2\x80\x9d",
                vietref_report_finding_message(r, 0, VIETREF_LANG_EN, outp));
    CHECK_BUF("chữ hoa/thường đã được chuyển sang dạng hiển thị \xe2\x80\x9cNguyễn Văn An\xe2\x80\x9d",
              vietref_report_finding_message_buf(r, 0, VIETREF_LANG_VI, buf, cap, lenp));
    CHECK_OWNED(TUITION_CLEANED, vietref_report_cleaned_json(r, outp));
    CHECK_BUF(TUITION_CLEANED, vietref_report_cleaned_json_buf(r, buf, cap, lenp));
    {
        vietref_string *j = NULL;
        CHECK_STATUS(vietref_report_json(r, &j), VIETREF_OK);
        CHECK(strncmp(vietref_string_ptr(j), "{\"valid\":true,\"findings\":[{\"severity\":\"warning\","
                      "\"field\":\"payerName\",\"code\":\"name.case\"", 80) == 0);
        CHECK(strstr(vietref_string_ptr(j), "\"cleaned\":{\"sector\":\"education\"") != NULL);
        /* The _buf twin gives the same bytes. */
        {
            const char *want = vietref_string_ptr(j);
            CHECK_BUF(want, vietref_report_json_buf(r, buf, cap, lenp));
        }
        vietref_string_free(j);
    }
    vietref_report_free(r);

    /* The same message from JSON gives the same cleaned message. */
    {
        static const char json[] =
            "{\"sector\":\"education\",\"payerName\":\"nguyễn văn an\",\"beneficiaryName\":"
            "\"Nguyễn Thị Bình\",\"reason\":\"Học phí học kỳ 1\",\"invoice\":\"HP7184097674\","
            "\"amount\":\"1250000\",\"ignored\":true}";
        vietref_message *j = SENTINEL;
        CHECK_STATUS(vietref_message_from_json(S(json), &j), VIETREF_OK);
        r = NULL;
        CHECK_STATUS(vietref_message_validate(j, &r), VIETREF_OK);
        CHECK_OWNED(TUITION_CLEANED, vietref_report_cleaned_json(r, outp));
        vietref_report_free(r);
        vietref_message_free(j);
    }

    /* Health: the beneficiary is optional ("nếu có"). */
    {
        vietref_message *h = NULL;
        CHECK_STATUS(vietref_message_new(&h), VIETREF_OK);
        CHECK_STATUS(vietref_message_set_sector(h, S("health")), VIETREF_OK);
        CHECK_STATUS(vietref_message_set_payer_name(h, S("Trần Thị Mai")), VIETREF_OK);
        CHECK_STATUS(vietref_message_set_reason(h, S("Viện phí")), VIETREF_OK);
        CHECK_STATUS(vietref_message_set_invoice(h, S("BV-2024/0001")), VIETREF_OK);
        r = NULL;
        CHECK_STATUS(vietref_message_validate(h, &r), VIETREF_OK);
        CHECK_STATUS(vietref_report_valid(r, &u), VIETREF_OK);
        CHECK(u == 1);
        CHECK_STATUS(vietref_report_count(r, &n), VIETREF_OK);
        CHECK(n == 0);
        CHECK_OWNED("{\"sector\":\"health\",\"payerName\":\"Trần Thị Mai\",\"reason\":\"Viện phí\","
                    "\"invoice\":\"BV-2024/0001\"}",
                    vietref_report_cleaned_json(r, outp));
        vietref_report_free(r);
        vietref_message_free(h);
    }
    vietref_message_free(m);
}

static void test_message_invalid(void) {
    /* Every field wrong: every finding is collected, in field order. */
    static const uint32_t want[] = {304, 200, 107, 400, 301};
    static const char *const keys[] = {"message.sector_invalid", "name.digit", "text.empty",
                                       "invoice.invalid_char", "message.amount_zero"};
    static const char *const fields[] = {"sector", "payerName", "reason", "invoice", "amount"};
    vietref_message *m = NULL;
    vietref_report *r = NULL;
    uint32_t u = 77;
    size_t n = 77, i;
    CHECK_STATUS(vietref_message_new(&m), VIETREF_OK);
    CHECK_STATUS(vietref_message_set_sector(m, S("bank")), VIETREF_OK);
    CHECK_STATUS(vietref_message_set_payer_name(m, S("Lê 2")), VIETREF_OK);
    CHECK_STATUS(vietref_message_set_reason(m, NULL, 0), VIETREF_OK);
    CHECK_STATUS(vietref_message_set_invoice(m, S("ab c")), VIETREF_OK);
    CHECK_STATUS(vietref_message_set_amount(m, 0), VIETREF_OK);
    CHECK_STATUS(vietref_message_validate(m, &r), VIETREF_OK);
    CHECK_STATUS(vietref_report_valid(r, &u), VIETREF_OK);
    CHECK(u == 0);
    CHECK_STATUS(vietref_report_count(r, &n), VIETREF_OK);
    CHECK(n == 5);
    for (i = 0; i < 5 && i < n; i++) {
        CHECK_STATUS(vietref_report_finding_code(r, i, &u), VIETREF_OK);
        CHECK(u == want[i]);
        CHECK_STATUS(vietref_report_finding_severity(r, i, &u), VIETREF_OK);
        CHECK(u == VIETREF_SEVERITY_ERROR);
        CHECK_OWNED(keys[i], vietref_report_finding_code_key(r, i, outp));
        CHECK_OWNED(fields[i], vietref_report_finding_field(r, i, outp));
    }
    /* invoice.invalid_char names the space at character 3. */
    CHECK_STATUS(vietref_report_finding_position(r, 3, &n), VIETREF_OK);
    CHECK(n == 3);
    CHECK_STATUS(vietref_report_finding_char(r, 3, &u), VIETREF_OK);
    CHECK(u == ' ');
    CHECK_OWNED_FAILS(VIETREF_NO_VALUE, vietref_report_cleaned_json(r, outp));
    vietref_report_free(r);

    /* 10^13 has 14 digits: message.amount_too_large (302). The setter does not judge. */
    CHECK_STATUS(vietref_message_set_amount(m, 10000000000000u), VIETREF_OK);
    CHECK_STATUS(vietref_message_validate(m, &r), VIETREF_OK);
    CHECK_STATUS(vietref_report_finding_code(r, 4, &u), VIETREF_OK);
    CHECK(u == 302);
    vietref_report_free(r);
    vietref_message_free(m);

    /* Education without beneficiary: message.beneficiary_required (300). */
    m = tuition_draft();
    vietref_message_free(m);
    CHECK_STATUS(vietref_message_from_json(S("{\"sector\":\"education\",\"payerName\":\"An\","
                                             "\"reason\":\"Học phí\",\"invoice\":\"HP1\"}"), &m),
                 VIETREF_OK);
    CHECK_STATUS(vietref_message_validate(m, &r), VIETREF_OK);
    CHECK_STATUS(vietref_report_count(r, &n), VIETREF_OK);
    CHECK(n == 1);
    CHECK_STATUS(vietref_report_finding_code(r, 0, &u), VIETREF_OK);
    CHECK(u == 300);
    vietref_report_free(r);
    vietref_message_free(m);

    /* An empty draft: four missing fields (message.field_missing, 305). */
    CHECK_STATUS(vietref_message_new(&m), VIETREF_OK);
    CHECK_STATUS(vietref_message_validate(m, &r), VIETREF_OK);
    CHECK_STATUS(vietref_report_count(r, &n), VIETREF_OK);
    CHECK(n == 4);
    CHECK_STATUS(vietref_report_finding_code(r, 0, &u), VIETREF_OK);
    CHECK(u == 305);
    vietref_report_free(r);
    vietref_message_free(m);
}

static void test_message_arguments(void) {
    vietref_message *m = SENTINEL;
    vietref_report *r = SENTINEL;
    vietref_string *s = NULL;

    CHECK_STATUS(vietref_message_new(NULL), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_message_from_json(S("{"), &m), VIETREF_MESSAGE_JSON_INVALID);
    CHECK_STATUS(vietref_message_from_json(S("[1,2]"), &m), VIETREF_MESSAGE_JSON_INVALID);
    CHECK_STATUS(vietref_message_from_json(S("{\"payerName\":5}"), &m), VIETREF_MESSAGE_JSON_INVALID);
    CHECK_STATUS(vietref_message_from_json(NULL, 0, &m), VIETREF_MESSAGE_JSON_INVALID);
    CHECK_STATUS(vietref_message_from_json(NULL, 2, &m), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_message_from_json(S(BAD_UTF8), &m), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_message_from_json(S("{}"), NULL), VIETREF_NULL_ARGUMENT);
    CHECK(m == SENTINEL);

    /* Every setter: NULL draft, NULL text with a length, invalid UTF-8. A failed set keeps
       the old value and leaves a finding. */
    m = tuition_draft();
    CHECK_STATUS(vietref_message_set_sector(NULL, S("health")), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_message_set_payer_name(NULL, S("An")), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_message_set_beneficiary_name(NULL, S("An")), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_message_set_reason(NULL, S("x")), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_message_set_invoice(NULL, S("x")), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_message_set_amount(NULL, 1), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_message_set_sector(m, NULL, 1), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_message_set_payer_name(m, NULL, 1), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_message_set_beneficiary_name(m, NULL, 1), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_message_set_reason(m, NULL, 1), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_message_set_invoice(m, NULL, 1), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_message_set_sector(m, S(BAD_UTF8)), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_message_set_payer_name(m, S(BAD_UTF8)), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_message_set_beneficiary_name(m, S(BAD_UTF8)), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_message_set_reason(m, S(BAD_UTF8)), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_message_set_invoice(m, S(BAD_UTF8)), VIETREF_INVALID_UTF8);
    /* Each refused field leaves one message.value_rejected error (the last refusal of
       the field), listed first; the message is not valid until the field is set again. */
    CHECK_STATUS(vietref_message_validate(m, &r), VIETREF_OK);
    {
        uint32_t valid = 7, code = 0;
        size_t count = 0, i;
        CHECK_STATUS(vietref_report_valid(r, &valid), VIETREF_OK);
        CHECK(valid == 0);
        CHECK_STATUS(vietref_report_count(r, &count), VIETREF_OK);
        /* the 5 refusals, then the name.case warning of the payer name kept */
        CHECK(count == 6);
        CHECK_OWNED("name.case", vietref_report_finding_code_key(r, 5, outp));
        for (i = 0; i < 5; i++) {
            CHECK_STATUS(vietref_report_finding_code(r, i, &code), VIETREF_OK);
            CHECK(code == 307);
            CHECK_OWNED("message.value_rejected", vietref_report_finding_code_key(r, i, outp));
        }
        CHECK_OWNED("sector", vietref_report_finding_field(r, 0, outp));
        CHECK_OWNED("invoice", vietref_report_finding_field(r, 4, outp));
        CHECK_OWNED("the value given for this field was refused and not stored: the text is "
                    "not UTF-8 (byte 5 of 7)",
                    vietref_report_finding_message(r, 1, VIETREF_LANG_EN, outp));
        s = NULL;
        CHECK_STATUS(vietref_report_cleaned_json(r, &s), VIETREF_NO_VALUE);
        CHECK(s == NULL);
    }
    vietref_report_free(r);
    /* Set again with good values: the refusals are gone, the draft is the tuition one. */
    CHECK_STATUS(vietref_message_set_sector(m, S("education")), VIETREF_OK);
    CHECK_STATUS(vietref_message_set_payer_name(m, S("nguyễn văn an")), VIETREF_OK);
    CHECK_STATUS(vietref_message_set_beneficiary_name(m, S("Nguyễn Thị Bình")), VIETREF_OK);
    CHECK_STATUS(vietref_message_set_reason(m, S("Học phí học kỳ 1")), VIETREF_OK);
    CHECK_STATUS(vietref_message_set_invoice(m, S("HP7184097674")), VIETREF_OK);
    CHECK_STATUS(vietref_message_validate(m, &r), VIETREF_OK);
    CHECK_OWNED(TUITION_CLEANED, vietref_report_cleaned_json(r, outp));
    vietref_report_free(r);

    r = SENTINEL;
    CHECK_STATUS(vietref_message_validate(NULL, &r), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_message_validate(m, NULL), VIETREF_NULL_ARGUMENT);
    CHECK(r == SENTINEL);
    vietref_message_free(m);
    vietref_message_free(NULL);
    vietref_message_free(NULL);
    (void)s;
}

/* ---- report accessors: NULL, index, language ----------------------------------------- */

static void test_report_arguments(void) {
    vietref_message *m = tuition_draft();
    vietref_report *r = NULL;
    uint32_t u = 77;
    size_t n = 77;
    CHECK_STATUS(vietref_message_validate(m, &r), VIETREF_OK);
    vietref_message_free(m);

    CHECK_STATUS(vietref_report_valid(NULL, &u), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_report_valid(r, NULL), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_report_count(NULL, &n), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_report_count(r, NULL), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_report_finding_severity(NULL, 0, &u), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_report_finding_severity(r, 0, NULL), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_report_finding_severity(r, 1, &u), VIETREF_INDEX_OUT_OF_RANGE);
    CHECK_STATUS(vietref_report_finding_code(NULL, 0, &u), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_report_finding_code(r, 0, NULL), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_report_finding_code(r, 1, &u), VIETREF_INDEX_OUT_OF_RANGE);
    CHECK_STATUS(vietref_report_finding_code(r, (size_t)-1, &u), VIETREF_INDEX_OUT_OF_RANGE);
    CHECK_STATUS(vietref_report_finding_position(NULL, 0, &n), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_report_finding_position(r, 0, NULL), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_report_finding_position(r, 1, &n), VIETREF_INDEX_OUT_OF_RANGE);
    CHECK_STATUS(vietref_report_finding_char(NULL, 0, &u), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_report_finding_char(r, 0, NULL), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_report_finding_char(r, 1, &u), VIETREF_INDEX_OUT_OF_RANGE);
    CHECK(u == 77 && n == 77);

    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_report_json(NULL, outp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_report_cleaned_json(NULL, outp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_report_finding_field(NULL, 0, outp));
    CHECK_OWNED_FAILS(VIETREF_INDEX_OUT_OF_RANGE, vietref_report_finding_field(r, 1, outp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_report_finding_code_key(NULL, 0, outp));
    CHECK_OWNED_FAILS(VIETREF_INDEX_OUT_OF_RANGE, vietref_report_finding_code_key(r, 1, outp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_report_finding_message(NULL, 0, VIETREF_LANG_EN, outp));
    CHECK_OWNED_FAILS(VIETREF_INDEX_OUT_OF_RANGE, vietref_report_finding_message(r, 1, VIETREF_LANG_EN, outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_ARGUMENT, vietref_report_finding_message(r, 0, 0, outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_ARGUMENT, vietref_report_finding_message(r, 0, 3, outp));
    CHECK_STATUS(vietref_report_json(r, NULL), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_report_cleaned_json(r, NULL), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_report_finding_field(r, 0, NULL), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_report_finding_code_key(r, 0, NULL), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_report_finding_message(r, 0, VIETREF_LANG_VI, NULL), VIETREF_NULL_ARGUMENT);

    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_report_json_buf(NULL, buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_report_cleaned_json_buf(NULL, buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_report_finding_field_buf(NULL, 0, buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_INDEX_OUT_OF_RANGE, vietref_report_finding_field_buf(r, 1, buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_report_finding_code_key_buf(NULL, 0, buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_INDEX_OUT_OF_RANGE, vietref_report_finding_code_key_buf(r, 1, buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT,
                    vietref_report_finding_message_buf(NULL, 0, VIETREF_LANG_EN, buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_INDEX_OUT_OF_RANGE,
                    vietref_report_finding_message_buf(r, 1, VIETREF_LANG_EN, buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_INVALID_ARGUMENT, vietref_report_finding_message_buf(r, 0, 9, buf, cap, lenp));

    vietref_report_free(r);
    vietref_report_free(NULL);
    vietref_report_free(NULL);
}

int main(void) {
    test_version_and_status();
    test_string_handles();
    test_text_name();
    test_text_fold();
    test_text_key();
    test_text_retone();
    test_text_check();
    test_text_check_text();
    test_text_skeleton();
    test_text_looks_like();
    test_text_compare_payee_name();
    test_message_valid();
    test_message_invalid();
    test_message_arguments();
    test_report_arguments();
    return check_summary();
}
