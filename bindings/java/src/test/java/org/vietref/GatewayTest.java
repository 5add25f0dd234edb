package org.vietref;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.Test;

/** Payment gateways: signatures re-computed with javax.crypto, a paid callback settled, its replay a duplicate, forgeries refused. */
public class GatewayTest {
    static final String SECRET = "SECRET-0123456789";
    static final String OPTIONS = "{\"createdAtMs\":1725240000000,\"attempt\":1}";
    static final String MESSAGE = "{\"sector\":\"education\",\"payerName\":\"Nguyễn Thị Thủy\",\"beneficiaryName\":\"Trần Minh Khôi\","
            + "\"reason\":\"Học phí học kỳ 1\",\"invoice\":\"HD-2024/0917\",\"amount\":1806000}";
    static final String VNPAY = "{\"merchantCode\":\"DEMOV210\",\"returnUrl\":\"https://truong.example.vn/kq\"}";

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(String json) {
        return (Map<String, Object>) MiniJson.parse(json);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> get(Map<String, Object> m, String k) {
        return (Map<String, Object>) m.get(k);
    }

    static String hmac(String algo, String key, String text) throws Exception {
        Mac mac = Mac.getInstance(algo);
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algo));
        StringBuilder sb = new StringBuilder();
        for (byte b : mac.doFinal(text.getBytes(StandardCharsets.UTF_8))) {
            sb.append(String.format("%02x", b));
        }
        return sb.toString();
    }

    @Test
    public void signaturesAreTheHmacOfTheSignedText() throws Exception {
        try (GatewayMerchant m = new GatewayMerchant("vnpay", VNPAY, SECRET, null); Message msg = Message.fromJson(MESSAGE)) {
            Map<String, Object> req = get(obj(m.request(msg, OPTIONS)), "request");
            assertEquals(hmac("HmacSHA512", SECRET, (String) req.get("signedData")), req.get("signature"));
            assertTrue(((String) req.get("url")).contains("vnp_TxnRef=HD-2024-0917_1&"));
            assertFalse(m.toString().contains(SECRET));
        }
        String momo = "{\"merchantCode\":\"MOMO\",\"accessKey\":\"F8BBA842ECF85\",\"returnUrl\":\"https://x.vn/r\",\"notifyUrl\":\"https://x.vn/i\"}";
        try (GatewayMerchant m = new GatewayMerchant("momo", momo, SECRET, null); Message msg = Message.fromJson(MESSAGE)) {
            Map<String, Object> req = get(obj(m.request(msg, OPTIONS)), "request");
            assertEquals(hmac("HmacSHA256", SECRET, (String) req.get("signedData")), req.get("signature"));
        }
        try (GatewayMerchant m = new GatewayMerchant("zalopay", "{\"merchantCode\":\"2553\"}", SECRET, "KEY2");
                Message msg = Message.fromJson(MESSAGE)) {
            Map<String, Object> req = get(obj(m.request(msg, OPTIONS)), "request");
            assertEquals(hmac("HmacSHA256", SECRET, (String) req.get("signedData")), req.get("signature"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    public void paidThenReplayedThenForged() {
        try (GatewayMerchant m = new GatewayMerchant("vnpay", VNPAY, SECRET, null);
                Message msg = Message.fromJson(MESSAGE);
                Reconciler r = new Reconciler()) {
            try (Report rep = r.addInvoice("HD-2024/0917", 1806000)) {
                assertTrue(rep.isValid());
            }
            String cb = m.simulateCallback(msg, OPTIONS, "00", 14831393, 1725240060000L);
            assertEquals(Boolean.TRUE, obj(m.verify(cb)).get("verified"));
            Map<String, Object> first = obj(m.settle(cb, r, 1));
            assertEquals("paid", get(first, "result").get("status"));
            assertTrue(((String) get(first, "answer").get("body")).contains("\"RspCode\":\"00\""));
            Map<String, Object> again = obj(m.settle(cb, r, 2));
            assertEquals("duplicate", get(again, "result").get("status"));
            assertTrue(((String) get(again, "answer").get("body")).contains("\"RspCode\":\"02\""));
            Map<String, Object> forged = obj(m.settle(cb.replace("vnp_Amount=180600000", "vnp_Amount=180600100"), r, 3));
            assertEquals(Boolean.FALSE, forged.get("applied"));
            Map<String, Object> f0 = (Map<String, Object>) ((List<Object>) forged.get("findings")).get(0);
            assertEquals("gateway.signature_invalid", f0.get("code"));
            assertEquals(Boolean.FALSE, obj(m.verify("junk")).get("verified"));
        }
        try (GatewayMerchant m = new GatewayMerchant("paypal", VNPAY, SECRET, null)) {
            fail("unknown provider accepted");
        } catch (VietrefException e) {
            assertEquals("VIETREF_INVALID_ARGUMENT", e.statusName());
        }
    }
}
