/*
 * Tests of the payment-gateway part of the vietref C ABI (vietref_gateway_*): a merchant
 * of each gateway, a signed request, the gateway's callback (simulated with the merchant's
 * secret) verified and settled against a reconciler, its replay a duplicate, forged and
 * junk callbacks refused and nothing applied; NULL for every pointer, invalid UTF-8, caller
 * buffers too small, _free(NULL).
 */
#include "check.h"

static const char *const MESSAGE =
    "{\"sector\":\"education\",\"payerName\":\"Nguyễn Thị Thủy\",\"beneficiaryName\":\"Trần Minh Khôi\","
    "\"reason\":\"Học phí học kỳ 1\",\"invoice\":\"HD-2024/0917\",\"amount\":1806000}";
static const char *const OPTIONS = "{\"createdAtMs\":1725240000000,\"attempt\":1}";

static char *take(vietref_string *s) {
    size_t n = vietref_string_len(s);
    char *copy = malloc(n + 1);
    memcpy(copy, vietref_string_ptr(s), n + 1);
    vietref_string_free(s);
    return copy;
}

static vietref_gateway_merchant *merchant(const char *provider, const char *settings, const char *key2) {
    vietref_gateway_merchant *m = NULL;
    CHECK_STATUS(vietref_gateway_merchant_new(provider, strlen(provider), settings, strlen(settings), S("SECRET-0123"),
                                              key2, key2 ? strlen(key2) : 0, &m),
                 VIETREF_OK);
    CHECK(m != NULL);
    return m;
}

static vietref_message *message(void) {
    vietref_message *msg = NULL;
    CHECK_STATUS(vietref_message_from_json(MESSAGE, strlen(MESSAGE), &msg), VIETREF_OK);
    return msg;
}

static vietref_reconciler *invoices(uint64_t due) {
    vietref_reconciler *r = NULL;
    vietref_report *rep = NULL;
    CHECK_STATUS(vietref_reconciler_new(NULL, 0, &r), VIETREF_OK);
    CHECK_STATUS(vietref_reconciler_add_invoice(r, S("HD-2024/0917"), due, NULL, 0, NULL, 0, NULL, 0, &rep), VIETREF_OK);
    vietref_report_free(rep);
    return r;
}

static char *simulate(vietref_gateway_merchant *m, vietref_message *msg, const char *code) {
    vietref_string *s = NULL;
    CHECK_STATUS(vietref_gateway_simulate_callback(m, msg, OPTIONS, strlen(OPTIONS), code, strlen(code), 14831393,
                                                   1725240060000ULL, &s),
                 VIETREF_OK);
    return take(s);
}

static char *settle(vietref_gateway_merchant *m, vietref_reconciler *r, const char *cb, uint64_t line) {
    vietref_string *s = NULL;
    CHECK_STATUS(vietref_gateway_settle(m, r, cb, strlen(cb), line, &s), VIETREF_OK);
    return take(s);
}

static void one_gateway(const char *provider, const char *settings, const char *key2, const char *ok_code,
                        const char *paid_answer, const char *replay_answer) {
    vietref_gateway_merchant *m = merchant(provider, settings, key2);
    vietref_message *msg = message();
    vietref_string *s = NULL;
    CHECK_STATUS(vietref_gateway_request(m, msg, OPTIONS, strlen(OPTIONS), &s), VIETREF_OK);
    char *req = take(s);
    CHECK(strstr(req, "\"ok\":true") != NULL);
    CHECK(strstr(req, "HD-2024-0917_1") != NULL);
    CHECK(strstr(req, "SECRET-0123") == NULL);
    /* The _buf twin gives the same bytes, or the needed length. */
    char small[8];
    size_t len = 0;
    CHECK_STATUS(vietref_gateway_request_buf(m, msg, OPTIONS, strlen(OPTIONS), small, sizeof small, &len),
                 VIETREF_INSUFFICIENT_SIZE);
    CHECK(len == strlen(req));
    char *big = malloc(len);
    size_t len2 = 0;
    CHECK_STATUS(vietref_gateway_request_buf(m, msg, OPTIONS, strlen(OPTIONS), big, len, &len2), VIETREF_OK);
    CHECK(len2 == len && memcmp(big, req, len) == 0);
    free(big);
    free(req);

    char *cb = simulate(m, msg, ok_code);
    CHECK_STATUS(vietref_gateway_verify(m, cb, strlen(cb), &s), VIETREF_OK);
    char *v = take(s);
    CHECK(strstr(v, "\"verified\":true") != NULL);
    CHECK(strstr(v, "\"outcome\":\"succeeded\"") != NULL);
    CHECK(strstr(v, "\"amount\":1806000") != NULL);
    len = 0;
    CHECK_STATUS(vietref_gateway_verify_buf(m, cb, strlen(cb), NULL, 0, &len), VIETREF_INSUFFICIENT_SIZE);
    CHECK(len == strlen(v));
    free(v);

    vietref_reconciler *r = invoices(1806000);
    char *first = settle(m, r, cb, 1);
    CHECK(strstr(first, "\"applied\":true") != NULL);
    CHECK(strstr(first, "\"status\":\"paid\"") != NULL);
    CHECK(strstr(first, paid_answer) != NULL);
    char *again = settle(m, r, cb, 2);
    CHECK(strstr(again, "\"status\":\"duplicate\"") != NULL);
    CHECK(strstr(again, "gateway.replayed") != NULL);
    CHECK(strstr(again, replay_answer) != NULL);
    free(first);
    free(again);

    /* Forged: one digit of the callback changed before its signature. */
    char *forged = malloc(strlen(cb) + 1);
    memcpy(forged, cb, strlen(cb) + 1);
    char *digit = strstr(forged, "1806000");
    CHECK(digit != NULL);
    if (digit) digit[0] = '9';
    vietref_reconciler *fresh = invoices(1806000);
    char *f = settle(m, fresh, forged, 1);
    CHECK(strstr(f, "\"applied\":false") != NULL);
    CHECK(strstr(f, "gateway.signature_invalid") != NULL);
    free(f);
    /* Junk: refused with a finding, nothing applied. */
    f = settle(m, fresh, "\x01junk{", 2);
    CHECK(strstr(f, "\"applied\":false") != NULL);
    CHECK(strstr(f, "\"findings\":[{") != NULL);
    free(f);
    vietref_line_result *x = NULL;
    CHECK_STATUS(vietref_reconciler_feed(fresh, 3, 1806000, S("HD-2024/0917"), NULL, 0, NULL, 0, NULL, 0, &x),
                 VIETREF_OK);
    uint32_t st = 99;
    CHECK_STATUS(vietref_line_result_status(x, &st), VIETREF_OK);
    CHECK(st == VIETREF_LINE_PAID); /* the invoice was still open */
    vietref_line_result_free(x);

    free(forged);
    free(cb);
    vietref_reconciler_free(fresh);
    vietref_reconciler_free(r);
    vietref_message_free(msg);
    vietref_gateway_merchant_free(m);
}

static void test_gateways(void) {
    one_gateway("vnpay", "{\"merchantCode\":\"DEMOV210\",\"returnUrl\":\"https://truong.example.vn/kq\"}", NULL, "00",
                "{\\\"RspCode\\\":\\\"00\\\"", "{\\\"RspCode\\\":\\\"02\\\"");
    one_gateway("momo",
                "{\"merchantCode\":\"MOMO\",\"accessKey\":\"F8BBA842ECF85\",\"returnUrl\":\"https://x.vn/r\","
                "\"notifyUrl\":\"https://x.vn/ipn\"}",
                NULL, "0", "\"httpStatus\":204", "\"httpStatus\":204");
    one_gateway("zalopay", "{\"merchantCode\":\"2553\"}", "KEY2-0123", "1", "\\\"return_code\\\":1",
                "\\\"return_code\\\":2");
}

static void test_cancelled_is_not_applied(void) {
    vietref_gateway_merchant *m =
        merchant("vnpay", "{\"merchantCode\":\"DEMOV210\",\"returnUrl\":\"https://truong.example.vn/kq\"}", NULL);
    vietref_message *msg = message();
    char *cb = simulate(m, msg, "24");
    vietref_reconciler *r = invoices(1806000);
    char *s = settle(m, r, cb, 1);
    CHECK(strstr(s, "\"applied\":false") != NULL);
    CHECK(strstr(s, "gateway.not_succeeded") != NULL);
    free(s);
    free(cb);
    vietref_reconciler_free(r);
    vietref_message_free(msg);
    vietref_gateway_merchant_free(m);
}

static void test_arguments(void) {
    vietref_gateway_merchant *m = SENTINEL;
    const char *vn = "{\"merchantCode\":\"DEMOV210\",\"returnUrl\":\"https://x.vn\"}";
    /* Unknown provider, settings not JSON, unknown key, empty secret, ZaloPay without key2. */
    CHECK_STATUS(vietref_gateway_merchant_new(S("paypal"), vn, strlen(vn), S("k"), NULL, 0, &m), VIETREF_INVALID_ARGUMENT);
    CHECK_STATUS(vietref_gateway_merchant_new(S("vnpay"), S("{"), S("k"), NULL, 0, &m), VIETREF_INVALID_ARGUMENT);
    CHECK_STATUS(vietref_gateway_merchant_new(S("vnpay"), S("{\"merchantCode\":\"A\",\"secret\":\"x\"}"), S("k"), NULL, 0, &m),
                 VIETREF_INVALID_ARGUMENT);
    CHECK_STATUS(vietref_gateway_merchant_new(S("vnpay"), vn, strlen(vn), NULL, 0, NULL, 0, &m), VIETREF_INVALID_ARGUMENT);
    CHECK_STATUS(vietref_gateway_merchant_new(S("zalopay"), S("{\"merchantCode\":\"2553\"}"), S("k"), NULL, 0, &m),
                 VIETREF_INVALID_ARGUMENT);
    CHECK_STATUS(vietref_gateway_merchant_new(S(BAD_UTF8), vn, strlen(vn), S("k"), NULL, 0, &m), VIETREF_INVALID_UTF8);
    CHECK_STATUS(vietref_gateway_merchant_new(NULL, 5, vn, strlen(vn), S("k"), NULL, 0, &m), VIETREF_NULL_ARGUMENT);
    CHECK_STATUS(vietref_gateway_merchant_new(S("vnpay"), vn, strlen(vn), S("k"), NULL, 0, NULL), VIETREF_NULL_ARGUMENT);
    CHECK(m == SENTINEL);
    m = merchant("vnpay", vn, NULL);
    vietref_message *msg = message();
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_gateway_request(NULL, msg, S("{\"createdAtMs\":1}"), outp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_gateway_request(m, NULL, S("{\"createdAtMs\":1}"), outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_ARGUMENT, vietref_gateway_request(m, msg, S("{\"attempt\":1}"), outp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_ARGUMENT, vietref_gateway_request(m, msg, S("{\"createdAtMs\":1,\"x\":2}"), outp));
    CHECK_BUF_FAILS(VIETREF_INVALID_ARGUMENT, vietref_gateway_request_buf(m, msg, S("junk"), buf, cap, lenp));
    CHECK_OWNED_FAILS(VIETREF_INVALID_UTF8, vietref_gateway_verify(m, S(BAD_UTF8), outp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_gateway_verify(NULL, S("a=b"), outp));
    CHECK_BUF_FAILS(VIETREF_NULL_ARGUMENT, vietref_gateway_verify_buf(m, NULL, 3, buf, cap, lenp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT, vietref_gateway_settle(m, NULL, S("a=b"), 1, outp));
    CHECK_OWNED_FAILS(VIETREF_NULL_ARGUMENT,
                      vietref_gateway_simulate_callback(m, msg, S("{\"createdAtMs\":1}"), NULL, 2, 1, 1, outp));
    CHECK_BUF_FAILS(VIETREF_INVALID_ARGUMENT,
                    vietref_gateway_simulate_callback_buf(m, msg, S("[]"), S("00"), 1, 1, buf, cap, lenp));
    /* A message that does not validate: the request is "ok": false with its findings. */
    vietref_message *bad = NULL;
    CHECK_STATUS(vietref_message_from_json(S("{\"sector\":\"health\",\"payerName\":\"An 2\"}"), &bad), VIETREF_OK);
    vietref_string *s = NULL;
    CHECK_STATUS(vietref_gateway_request(m, bad, S("{\"createdAtMs\":1}"), &s), VIETREF_OK);
    char *j = take(s);
    CHECK(strstr(j, "\"ok\":false") != NULL && strstr(j, "name.digit") != NULL);
    free(j);
    CHECK_OWNED_FAILS(VIETREF_INVALID_ARGUMENT,
                      vietref_gateway_simulate_callback(m, bad, S("{\"createdAtMs\":1}"), S("00"), 1, 1, outp));
    vietref_message_free(bad);
    vietref_message_free(msg);
    vietref_gateway_merchant_free(m);
    vietref_gateway_merchant_free(NULL);
}

int main(void) {
    test_gateways();
    test_cancelled_is_not_applied();
    test_arguments();
    return check_summary();
}
