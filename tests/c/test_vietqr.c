/*
 * Tests of the VietQR part of the vietref C ABI (vietref_vietqr_*, vietref_report_cleaned_text):
 * success paths, NULL for every pointer, invalid UTF-8, caller buffers of 0 and 1 bytes,
 * unknown constants, _free(NULL).
 *
 * Expected payloads and fields come from tests/data/vietqr.json (NAPAS document examples,
 * CRC verified) and the NAPAS layout worked by hand; the CRC of the one payload that is
 * not in the vectors was computed by a separate CRC-16/CCITT-FALSE written in Python
 * (poly 0x1021, init 0xFFFF), not by vietref.
 */
#include "check.h"

/* tests/data/vietqr.json, payloads[1]: dynamic, bill number and purpose. */
static const char DYNAMIC[] =
    "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN"
    "62340107NPS68690819thanh toan don hang63042E2E";
static const char DYNAMIC_JSON[] =
    "{\"initiation\":\"dynamic\",\"bankBin\":\"970403\",\"accountNumber\":\"0011012345678\","
    "\"service\":\"QRIBFTTA\",\"currency\":\"704\",\"amount\":\"180000\",\"country\":\"VN\","
    "\"additionalData\":{\"billNumber\":\"NPS6869\",\"purpose\":\"thanh toan don hang\"},\"crc\":\"2E2E\"}";
/* payloads[2]: the to_account example (ACB 970416). */
static const char ACB[] =
    "00020101021238530010A0000007270123000697041601092245284790208QRIBFTTA53037045405100005802VN"
    "62340107NPS68690819TRANSFER TO SOMEONE6304AC13";
/* lenient_only[0]: 38.01.01 declares 12 characters and holds 13; the CRC fits the typo. */
static const char TYPO[] =
    "00020101021138570010A00000072701270006970403011200110123456780208QRIBFTTA53037045802VN6304F4E5";
/* The same code with the length written right (0113); CRC 9E6F from the Python oracle. */
static const char STATIC_FIXED[] =
    "00020101021138570010A00000072701270006970403011300110123456780208QRIBFTTA53037045802VN63049E6F";

static vietref_report *decode(const char *p, size_t n, uint32_t mode) {
    vietref_report *r = NULL;
    CHECK_STATUS(vietref_vietqr_decode(p, n, mode, &r), VIETREF_OK);
    return r;
}

static vietref_vietqr *decoded(const char *p, size_t n) {
    vietref_report *r = decode(p, n, VIETREF_VIETQR_STRICT);
    vietref_vietqr *q = NULL;
    CHECK_STATUS(vietref_vietqr_from_report(r, &q), VIETREF_OK);
    vietref_report_free(r);
    return q;
}

static void check_valid(vietref_report *r, uint32_t want_valid, size_t want_count) {
    uint32_t u = 77;
    size_t n = 77;
    CHECK_STATUS(vietref_report_valid(r, &u), VIETREF_OK);
    CHECK(u == want_valid);
    CHECK_STATUS(vietref_report_count(r, &n), VIETREF_OK);
    CHECK(n == want_count);
}

static void check_code(vietref_report *r, size_t i, uint32_t want) {
    uint32_t u = 77;
    CHECK_STATUS(vietref_report_finding_code(r, i, &u), VIETREF_OK);
    CHECK(u == want);
}

static void test_decode(void) {
    vietref_report *r = decode(S(DYNAMIC), VIETREF_VIETQR_STRICT);
    check_valid(r, 1, 0);
    CHECK_OWNED(DYNAMIC_JSON, vietref_report_cleaned_json(r, outp));
    /* Not a text: the cleaned value is a VietQR. */
    CHECK_OWNED_FAILS(VIETREF_WRONG_KIND, vietref_report_cleaned_text(r, outp));
    CHECK_BUF_FAILS(VIETREF_WRONG_KIND, vietref_report_cleaned_text_buf(r, buf, cap, lenp));
    vietref_report_free(r);

    /* The length typo: an error in strict mode, one warning (vietqr.length_repaired, 504) in
       lenient mode. */
    r = decode(S(TYPO), VIETREF_VIETQR_STRICT);
    {
        uint32_t u = 77;
        CHECK_STATUS(vietref_report_valid(r, &u), VIETREF_OK);
        CHECK(u == 0);
        CHECK_STATUS(vietref_report_finding_severity(r, 0, &u), VIETREF_OK);
        CHECK(u == VIETREF_SEVERITY_ERROR);
    }
    CHECK_OWNED_FAILS(VIETREF_NO_VALUE, vietref_report_cleaned_json(r, outp));
    {
        vietref_vietqr *q = SENTINEL;
        CHECK_STATUS(vietref_vietqr_from_report(r, &q), VIETREF_NO_VALUE);
        CHECK(q == SENTINEL);
    }
    vietref_report_free(r);
    r = decode(S(TYPO), VIETREF_VIETQR_LENIENT);
    check_valid(r, 1, 1);
    check_code(r, 0, 504);
    CHECK_OWNED("vietqr.length_repaired", vietref_report_finding_code_key(r, 0, outp));
    CHECK_OWNED("vietqr.38.01.01", vietref_report_finding_field(r, 0, outp));
    {
        /* Re-encoding the repaired code writes the length right. */
        vietref_vietqr *q = NULL;
        vietref_report *e = NULL;
        CHECK_STATUS(vietref_vietqr_from_report(r, &q), VIETREF_OK);
        CHECK_OWNED("0011012345678", vietref_vietqr_get(q, VIETREF_VIETQR_FIELD_ACCOUNT_NUMBER, outp));
        CHECK_STATUS(vietref_vietqr_encode(q, &e), VIETREF_OK);
        check_valid(e, 1, 0);
        CHECK_OWNED(STATIC_FIXED, vietref_report_cleaned_text(e, outp));
        CHECK_BUF(STATIC_FIXED, vietref_report_cleaned_text_buf(e, buf, cap, lenp));
        vietref_report_free(e);
        vietref_vietqr_free(q);
    }
    vietref_report_free(r);

    /* Surrounding spaces: an error when strict, trimmed (vietqr.space_trimmed, 510) when
       lenient. */
    {
        char spaced[sizeof DYNAMIC + 2];
        spaced[0] = ' ';
        memcpy(spaced + 1, DYNAMIC, sizeof DYNAMIC - 1);
        spaced[sizeof DYNAMIC] = ' ';
        r = decode(spaced, sizeof DYNAMIC + 1, VIETREF_VIETQR_STRICT);
        check_code(r, 0, 509);
        vietref_report_free(r);
        r = decode(spaced, sizeof DYNAMIC + 1, VIETREF_VIETQR_LENIENT);
        check_valid(r, 1, 1);
        check_code(r, 0, 510);
        vietref_report_free(r);
    }
    /* One changed character: the CRC does not match (vietqr.crc_mismatch, 506), never
       repaired. */
    {
        char bad[sizeof DYNAMIC];
        memcpy(bad, DYNAMIC, sizeof DYNAMIC);
        bad[86] = '1'; /* amount 180000 -> 181000: still well-formed */
        r = decode(bad, sizeof DYNAMIC - 1, VIETREF_VIETQR_LENIENT);
        check_valid(r, 0, 1);
        check_code(r, 0, 506);
        vietref_report_free(r);
    }
    /* The empty payload is read, not refused: a report with an error. */
    r = decode(NULL, 0, VIETREF_VIETQR_STRICT);
    {
        uint32_t u = 77;
        CHECK_STATUS(vietref_report_valid(r, &u), VIETREF_OK);
        CHECK(u == 0);
    }
    vietref_report_free(r);

    r = SENTINEL;
    CHECK_STATUS(vietref_vietqr_decode(S(DYNAMIC), 0, &r), VIETREF_INVALID_ARGUMENT);
    CHECK_STATUS(vietref_vietqr_decode(S(DYNAMIC), 3, &r), VIETREF_INVALID_ARGUMENT);
    CHECK_STATUS(vietref_vietqr_decode(NULL, 5, VIETREF_VIETQR_STRICT, &r), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_vietqr_decode(S(BAD_UTF8), VIETREF_VIETQR_STRICT, &r), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_vietqr_decode(S(DYNAMIC), VIETREF_VIETQR_STRICT, NULL), VIETREF_NULL_ARGUMENT);
    CHECK(r == SENTINEL);
}

static void test_from_report(void) {
    vietref_report *r = NULL;
    vietref_vietqr *q = SENTINEL;
    /* A name report holds no VietQR. */
    CHECK_STATUS(vietref_text_check(S("Nguyễn Văn An"), S("payerName"), &r), VIETREF_OK);
    CHECK_STATUS(vietref_vietqr_from_report(r, &q), VIETREF_WRONG_KIND);
    CHECK(q == SENTINEL);
    /* ... and its cleaned value is a text. */
    CHECK_OWNED("Nguyễn Văn An", vietref_report_cleaned_text(r, outp));
    CHECK_BUF("Nguyễn Văn An", vietref_report_cleaned_text_buf(r, buf, cap, lenp));
    vietref_report_free(r);
    CHECK_STATUS(vietref_vietqr_from_report(NULL, &q), VIETREF_NULL_ARGUMENT);
    r = decode(S(DYNAMIC), VIETREF_VIETQR_STRICT);
    CHECK_STATUS(vietref_vietqr_from_report(r, NULL), VIETREF_NULL_ARGUMENT);
    CHECK(q == SENTINEL);
    vietref_report_free(r);
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_report_cleaned_text(NULL, outp));
    CHECK_STATUS(vietref_report_cleaned_text(r = decode(S(DYNAMIC), VIETREF_VIETQR_STRICT), NULL),
                 VIETREF_NULL_ARGUMENT);
    vietref_report_free(r);
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_report_cleaned_text_buf(NULL, buf, cap, lenp));
}

static void test_fields(void) {
    static const struct {
        uint32_t field;
        const char *want; /* NULL: absent */
    } fields[] = {
        {VIETREF_VIETQR_FIELD_INITIATION, "12"},
        {VIETREF_VIETQR_FIELD_BANK_BIN, "970403"},
        {VIETREF_VIETQR_FIELD_ACCOUNT_NUMBER, "0011012345678"},
        {VIETREF_VIETQR_FIELD_SERVICE, "QRIBFTTA"},
        {VIETREF_VIETQR_FIELD_MERCHANT_CATEGORY, NULL},
        {VIETREF_VIETQR_FIELD_CURRENCY, "704"},
        {VIETREF_VIETQR_FIELD_AMOUNT, "180000"},
        {VIETREF_VIETQR_FIELD_COUNTRY, "VN"},
        {VIETREF_VIETQR_FIELD_MERCHANT_NAME, NULL},
        {VIETREF_VIETQR_FIELD_MERCHANT_CITY, NULL},
        {VIETREF_VIETQR_FIELD_POSTAL_CODE, NULL},
        {VIETREF_VIETQR_FIELD_BILL_NUMBER, "NPS6869"},
        {VIETREF_VIETQR_FIELD_MOBILE_NUMBER, NULL},
        {VIETREF_VIETQR_FIELD_STORE_LABEL, NULL},
        {VIETREF_VIETQR_FIELD_LOYALTY_NUMBER, NULL},
        {VIETREF_VIETQR_FIELD_REFERENCE_LABEL, NULL},
        {VIETREF_VIETQR_FIELD_CUSTOMER_LABEL, NULL},
        {VIETREF_VIETQR_FIELD_TERMINAL_LABEL, NULL},
        {VIETREF_VIETQR_FIELD_PURPOSE, "thanh toan don hang"},
        {VIETREF_VIETQR_FIELD_CONSUMER_DATA_REQUEST, NULL},
        {VIETREF_VIETQR_FIELD_CRC, "2E2E"},
    };
    vietref_vietqr *q = decoded(S(DYNAMIC));
    uint64_t vnd = 77;
    size_t i;
    CHECK(sizeof fields / sizeof fields[0] == 21);
    for (i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        CHECK(fields[i].field == i + 1);
        if (fields[i].want) {
            CHECK_OWNED(fields[i].want, vietref_vietqr_get(q, fields[i].field, outp));
            CHECK_BUF(fields[i].want, vietref_vietqr_get_buf(q, fields[i].field, buf, cap, lenp));
        } else {
            CHECK_OWNED_FAILS(VIETREF_NO_VALUE, vietref_vietqr_get(q, fields[i].field, outp));
            CHECK_BUF_FAILS(VIETREF_NO_VALUE, vietref_vietqr_get_buf(q, fields[i].field, buf, cap, lenp));
        }
    }
    CHECK_OWNED_FAILS(VIETREF_INVALID_ARGUMENT, vietref_vietqr_get(q, 0, outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_ARGUMENT, vietref_vietqr_get(q, 22, outp));
    CHECK_BUF_FAILS(VIETREF_INVALID_ARGUMENT, vietref_vietqr_get_buf(q, 0, buf, cap, lenp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_vietqr_get(NULL, VIETREF_VIETQR_FIELD_BANK_BIN, outp));
    CHECK_STATUS(vietref_vietqr_get(q, VIETREF_VIETQR_FIELD_BANK_BIN, NULL), VIETREF_NULL_ARGUMENT);
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_vietqr_get_buf(NULL, VIETREF_VIETQR_FIELD_BANK_BIN, buf, cap, lenp));

    CHECK_STATUS(vietref_vietqr_amount(q, &vnd), VIETREF_OK);
    CHECK(vnd == 180000u);
    CHECK_STATUS(vietref_vietqr_amount(NULL, &vnd), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_vietqr_amount(q, NULL), VIETREF_NULL_ARGUMENT);

    CHECK_OWNED(DYNAMIC_JSON, vietref_vietqr_json(q, outp));
    CHECK_BUF(DYNAMIC_JSON, vietref_vietqr_json_buf(q, buf, cap, lenp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_vietqr_json(NULL, outp));
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_vietqr_json_buf(NULL, buf, cap, lenp));
    CHECK_STATUS(vietref_vietqr_json(q, NULL), VIETREF_NULL_ARGUMENT);
    vietref_vietqr_free(q);

    /* A static code has no amount. */
    q = decoded(S(STATIC_FIXED));
    vnd = 77;
    CHECK_STATUS(vietref_vietqr_amount(q, &vnd), VIETREF_NO_VALUE);
    CHECK(vnd == 77);
    CHECK_OWNED("11", vietref_vietqr_get(q, VIETREF_VIETQR_FIELD_INITIATION, outp));
    vietref_vietqr_free(q);
    vietref_vietqr_free(NULL);
    vietref_vietqr_free(NULL);
}

static void test_json(void) {
    vietref_vietqr *q = SENTINEL;
    vietref_report *r = SENTINEL;
    /* The CLI's example: a bank name, a numeric amount, no initiation. */
    static const char acb_json[] =
        "{\"bank\":\"ACB\",\"accountNumber\":\"224528479\",\"amount\":10000,"
        "\"additionalData\":{\"billNumber\":\"NPS6869\",\"purpose\":\"TRANSFER TO SOMEONE\"}}";
    CHECK_STATUS(vietref_vietqr_encode_json(S(acb_json), &r), VIETREF_OK);
    check_valid(r, 1, 0);
    CHECK_OWNED(ACB, vietref_report_cleaned_text(r, outp));
    {
        /* As JSON, the payload is a JSON string. */
        char quoted[sizeof ACB + 2];
        sprintf(quoted, "\"%s\"", ACB);
        CHECK_OWNED(quoted, vietref_report_cleaned_json(r, outp));
    }
    vietref_report_free(r);

    CHECK_STATUS(vietref_vietqr_from_json(S(acb_json), &q), VIETREF_OK);
    CHECK_OWNED("970416", vietref_vietqr_get(q, VIETREF_VIETQR_FIELD_BANK_BIN, outp));
    CHECK_OWNED("12", vietref_vietqr_get(q, VIETREF_VIETQR_FIELD_INITIATION, outp));
    CHECK_OWNED_FAILS(VIETREF_NO_VALUE, vietref_vietqr_get(q, VIETREF_VIETQR_FIELD_CRC, outp));
    r = NULL;
    CHECK_STATUS(vietref_vietqr_encode(q, &r), VIETREF_OK);
    CHECK_OWNED(ACB, vietref_report_cleaned_text(r, outp));
    vietref_report_free(r);
    vietref_vietqr_free(q);

    /* Vietnamese letters in the purpose: vietqr.non_ascii (526) at character 2 ('ọ'). */
    r = NULL;
    CHECK_STATUS(vietref_vietqr_encode_json(S("{\"bankBin\":\"970416\",\"accountNumber\":\"224528479\","
                                              "\"additionalData\":{\"purpose\":\"Học phí\"}}"), &r),
                 VIETREF_OK);
    check_valid(r, 0, 2);
    check_code(r, 0, 526);
    {
        size_t pos = 0;
        uint32_t cp = 0;
        CHECK_STATUS(vietref_report_finding_position(r, 0, &pos), VIETREF_OK);
        CHECK(pos == 2);
        CHECK_STATUS(vietref_report_finding_char(r, 0, &cp), VIETREF_OK);
        CHECK(cp == 0x1ECD);
    }
    CHECK_OWNED_FAILS(VIETREF_NO_VALUE, vietref_report_cleaned_text(r, outp));
    CHECK_BUF_FAILS(VIETREF_NO_VALUE, vietref_report_cleaned_text_buf(r, buf, cap, lenp));
    vietref_report_free(r);

    q = SENTINEL;
    r = SENTINEL;
    CHECK_STATUS(vietref_vietqr_from_json(S("{"), &q), VIETREF_VIETQR_JSON_INVALID);
    CHECK_STATUS(vietref_vietqr_from_json(S("[1]"), &q), VIETREF_VIETQR_JSON_INVALID);
    CHECK_STATUS(vietref_vietqr_from_json(S("{\"accountNumber\":\"1\"}"), &q), VIETREF_VIETQR_JSON_INVALID);
    CHECK_STATUS(vietref_vietqr_from_json(S("{\"bank\":\"no such bank\",\"accountNumber\":\"1\"}"), &q),
                 VIETREF_VIETQR_JSON_INVALID);
    CHECK_STATUS(vietref_vietqr_from_json(S("{\"bankBin\":970416,\"accountNumber\":\"1\"}"), &q),
                 VIETREF_VIETQR_JSON_INVALID);
    CHECK_STATUS(vietref_vietqr_from_json(NULL, 0, &q), VIETREF_VIETQR_JSON_INVALID);
    CHECK_STATUS(vietref_vietqr_from_json(NULL, 1, &q), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_vietqr_from_json(S(BAD_UTF8), &q), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_vietqr_from_json(S(acb_json), NULL), VIETREF_NULL_ARGUMENT);
    CHECK(q == SENTINEL);
    CHECK_STATUS(vietref_vietqr_encode_json(S("{"), &r), VIETREF_VIETQR_JSON_INVALID);
    CHECK_STATUS(vietref_vietqr_encode_json(NULL, 1, &r), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_vietqr_encode_json(S(BAD_UTF8), &r), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_vietqr_encode_json(S(acb_json), NULL), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_vietqr_encode(NULL, &r), VIETREF_NULL_ARGUMENT);
    q = decoded(S(ACB));
    CHECK_STATUS(vietref_vietqr_encode(q, NULL), VIETREF_NULL_ARGUMENT);
    vietref_vietqr_free(q);
    CHECK(r == SENTINEL);
}

static void test_to_account(void) {
    vietref_report *r = NULL;
    /* The Rust doc example: ACB, 10 000 đồng, bill number and purpose. */
    CHECK_STATUS(vietref_vietqr_to_account(S("970416"), S("224528479"), 10000, S("NPS6869"),
                                           S("TRANSFER TO SOMEONE"), &r),
                 VIETREF_OK);
    check_valid(r, 1, 0);
    CHECK_OWNED(ACB, vietref_report_cleaned_text(r, outp));
    vietref_report_free(r);
    /* Amount 0 and empty texts: a static code with neither tag 54 nor tag 62. */
    r = NULL;
    CHECK_STATUS(vietref_vietqr_to_account(S("970403"), S("0011012345678"), 0, NULL, 0, S(""), &r),
                 VIETREF_OK);
    CHECK_OWNED(STATIC_FIXED, vietref_report_cleaned_text(r, outp));
    vietref_report_free(r);
    /* Every fault is a finding: a 5-digit BIN (vietqr.bin, 517) and a purpose that is not
       ASCII (vietqr.non_ascii, 526). Nothing is folded or cut for the caller. */
    r = NULL;
    CHECK_STATUS(vietref_vietqr_to_account(S("97041"), S("224528479"), 10000, NULL, 0, S("Học phí"), &r),
                 VIETREF_OK);
    {
        uint32_t u = 77;
        CHECK_STATUS(vietref_report_valid(r, &u), VIETREF_OK);
        CHECK(u == 0);
    }
    check_code(r, 0, 517);
    check_code(r, 1, 526);
    vietref_report_free(r);

    r = SENTINEL;
    CHECK_STATUS(vietref_vietqr_to_account(NULL, 1, S("1"), 0, NULL, 0, NULL, 0, &r), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_vietqr_to_account(S("970416"), NULL, 1, 0, NULL, 0, NULL, 0, &r), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_vietqr_to_account(S("970416"), S("1"), 0, NULL, 1, NULL, 0, &r), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_vietqr_to_account(S("970416"), S("1"), 0, NULL, 0, NULL, 1, &r), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_vietqr_to_account(S(BAD_UTF8), S("1"), 0, NULL, 0, NULL, 0, &r), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_vietqr_to_account(S("970416"), S(BAD_UTF8), 0, NULL, 0, NULL, 0, &r), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_vietqr_to_account(S("970416"), S("1"), 0, S(BAD_UTF8), NULL, 0, &r), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_vietqr_to_account(S("970416"), S("1"), 0, NULL, 0, S(BAD_UTF8), &r), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_vietqr_to_account(S("970416"), S("1"), 0, NULL, 0, NULL, 0, NULL), VIETREF_NULL_ARGUMENT);
    CHECK(r == SENTINEL);
}

static void test_verify_payee(void) {
    static const char reg[] = "Trường THCS Hòa Bình";
    vietref_vietqr *q = NULL;
    vietref_report *r = NULL;
    /* The accent-free upper-case form banks print is the same name: no finding. */
    CHECK_STATUS(vietref_vietqr_from_json(S("{\"bankBin\":\"970416\",\"accountNumber\":\"224528479\","
                                            "\"merchantName\":\"TRUONG THCS HOA BINH\"}"), &q),
                 VIETREF_OK);
    CHECK_STATUS(vietref_vietqr_verify_payee(q, S("970416"), S("224528479"), S(reg), &r), VIETREF_OK);
    check_valid(r, 1, 0);
    {
        /* The cleaned value is the VietQR itself. */
        vietref_vietqr *back = NULL;
        CHECK_STATUS(vietref_vietqr_from_report(r, &back), VIETREF_OK);
        CHECK_OWNED("TRUONG THCS HOA BINH", vietref_vietqr_get(back, VIETREF_VIETQR_FIELD_MERCHANT_NAME, outp));
        vietref_vietqr_free(back);
    }
    vietref_report_free(r);
    /* Another account and another bank: two errors, bank first (530, 531). */
    r = NULL;
    CHECK_STATUS(vietref_vietqr_verify_payee(q, S("970436"), S("0011001234567"), S(reg), &r), VIETREF_OK);
    check_valid(r, 0, 2);
    check_code(r, 0, 530);
    check_code(r, 1, 531);
    CHECK_OWNED("the code pays account 224528479, not the registered account",
                vietref_report_finding_message(r, 1, VIETREF_LANG_EN, outp));
    vietref_report_free(r);
    /* An abbreviation: only a warning (vietqr.payee_name_different, 533). */
    r = NULL;
    CHECK_STATUS(vietref_vietqr_verify_payee(q, S("970416"), S("224528479"), S("Trường Tiểu học Kim Đồng"), &r),
                 VIETREF_OK);
    check_valid(r, 1, 1);
    check_code(r, 0, 533);
    vietref_report_free(r);
    vietref_vietqr_free(q);
    /* A zero for an O: looks the same, is not (vietqr.payee_name_lookalike, 532). */
    q = NULL;
    CHECK_STATUS(vietref_vietqr_from_json(S("{\"bankBin\":\"970416\",\"accountNumber\":\"224528479\","
                                            "\"merchantName\":\"TRUONG THCS H0A BINH\"}"), &q),
                 VIETREF_OK);
    r = NULL;
    CHECK_STATUS(vietref_vietqr_verify_payee(q, S("970416"), S("224528479"), S(reg), &r), VIETREF_OK);
    check_valid(r, 0, 1);
    check_code(r, 0, 532);
    vietref_report_free(r);

    r = SENTINEL;
    CHECK_STATUS(vietref_vietqr_verify_payee(NULL, S("1"), S("1"), S("a"), &r), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_vietqr_verify_payee(q, NULL, 1, S("1"), S("a"), &r), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_vietqr_verify_payee(q, S("1"), NULL, 1, S("a"), &r), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_vietqr_verify_payee(q, S("1"), S("1"), NULL, 1, &r), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_vietqr_verify_payee(q, S(BAD_UTF8), S("1"), S("a"), &r), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_vietqr_verify_payee(q, S("1"), S(BAD_UTF8), S("a"), &r), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_vietqr_verify_payee(q, S("1"), S("1"), S(BAD_UTF8), &r), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_vietqr_verify_payee(q, S("1"), S("1"), S("a"), NULL), VIETREF_NULL_ARGUMENT);
    CHECK(r == SENTINEL);
    vietref_vietqr_free(q);
}

static void test_bank_lookup(void) {
    static const char acb[] = "{\"bin\":\"970416\",\"shortName\":\"ACB\",\"name\":\"Ngân hàng TMCP Á Châu\","
                              "\"codes\":[\"ACB\"],\"kind\":\"bank\"}";
    CHECK_OWNED(acb, vietref_vietqr_bank_lookup(S("970416"), outp));
    CHECK_OWNED(acb, vietref_vietqr_bank_lookup(S("ngân hàng tmcp á châu"), outp));
    CHECK_BUF(acb, vietref_vietqr_bank_lookup_buf(S(" acb "), buf, cap, lenp));
    {
        vietref_string *s = NULL;
        CHECK_STATUS(vietref_vietqr_bank_lookup(S("vietin bank"), &s), VIETREF_OK);
        CHECK(strncmp(vietref_string_ptr(s), "{\"bin\":\"970415\",", 16) == 0);
        vietref_string_free(s);
    }
    CHECK_OWNED_FAILS(VIETREF_NO_VALUE, vietref_vietqr_bank_lookup(S("no such bank"), outp));
    CHECK_OWNED_FAILS(VIETREF_NO_VALUE, vietref_vietqr_bank_lookup(S("999999"), outp));
    CHECK_OWNED_FAILS(VIETREF_NO_VALUE, vietref_vietqr_bank_lookup(NULL, 0, outp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_vietqr_bank_lookup(NULL, 3, outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_UTF8, vietref_vietqr_bank_lookup(S(BAD_UTF8), outp));
    CHECK_STATUS(vietref_vietqr_bank_lookup(S("ACB"), NULL), VIETREF_NULL_ARGUMENT);
    CHECK_BUF_FAILS(VIETREF_NO_VALUE, vietref_vietqr_bank_lookup_buf(S("nope"), buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_vietqr_bank_lookup_buf(NULL, 3, buf, cap, lenp));
    CHECK_BUF_FAILS(VIETREF_INVALID_UTF8, vietref_vietqr_bank_lookup_buf(S(BAD_UTF8), buf, cap, lenp));
}

static void test_crc16(void) {
    uint16_t crc = 0;
    static const unsigned char not_utf8[] = {0xff, 0xfe};
    CHECK_STATUS(vietref_vietqr_crc16((const uint8_t *)"123456789", 9, &crc), VIETREF_OK);
    CHECK(crc == 0x29B1);
    /* A payload's CRC covers everything up to and including "6304". */
    CHECK_STATUS(vietref_vietqr_crc16((const uint8_t *)DYNAMIC, sizeof DYNAMIC - 1 - 4, &crc), VIETREF_OK);
    CHECK(crc == 0x2E2E);
    /* The empty input leaves the initial value 0xFFFF. */
    CHECK_STATUS(vietref_vietqr_crc16(NULL, 0, &crc), VIETREF_OK);
    CHECK(crc == 0xFFFF);
    /* Any bytes: no UTF-8 check. By hand: 0xFFFF ^ 0xFF00 shifts to 0xFF00 without a
       carry; ^ 0xFE00 = 0x0100, whose bit reaches the top at the 8th shift: 0x1021. */
    CHECK_STATUS(vietref_vietqr_crc16(not_utf8, 2, &crc), VIETREF_OK);
    CHECK(crc == 0x1021);
    crc = 77;
    CHECK_STATUS(vietref_vietqr_crc16(NULL, 1, &crc), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_vietqr_crc16((const uint8_t *)"1", 1, NULL), VIETREF_NULL_ARGUMENT);
    CHECK(crc == 77);
}

static void test_statuses(void) {
    CHECK(VIETREF_WRONG_KIND == 9 && VIETREF_VIETQR_JSON_INVALID == 500);
    CHECK(strcmp(vietref_status_name(VIETREF_VIETQR_JSON_INVALID), "VIETREF_VIETQR_JSON_INVALID") == 0);
    CHECK(strcmp(vietref_status_name(VIETREF_WRONG_KIND), "VIETREF_WRONG_KIND") == 0);
    CHECK(VIETREF_VIETQR_STRICT == 1 && VIETREF_VIETQR_LENIENT == 2);
}

int main(void) {
    test_statuses();
    test_decode();
    test_from_report();
    test_fields();
    test_json();
    test_to_account();
    test_verify_payee();
    test_bank_lookup();
    test_crc16();
    return check_summary();
}
