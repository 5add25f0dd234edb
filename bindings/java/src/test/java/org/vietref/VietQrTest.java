package org.vietref;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.Test;

/** tests/data/vietqr.json through the binding; building, encoding, payee checks, banks, junk. */
public class VietQrTest {
    static String keys(Report r) {
        return r.findings().stream().map(Finding::key).collect(Collectors.joining(" "));
    }

    static void assertStatus(Status expected, Runnable call) {
        try {
            call.run();
            fail("expected " + expected);
        } catch (VietrefException e) {
            assertEquals(expected, e.statusConstant());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    public void payloadsDecodeToTheirFieldsAndRoundTrip() throws Exception {
        List<Map<String, Object>> cases = TestData.cases(TestData.vectors("vietqr.json"), "payloads");
        assertFalse(cases.isEmpty());
        for (Map<String, Object> c : cases) {
            String payload = (String) c.get("payload");
            Map<String, Object> f = (Map<String, Object>) c.get("fields");
            try (Report r = VietQr.decode(payload)) {
                assertTrue(payload, r.isValid());
                assertEquals(0, r.size());
                assertEquals(f, MiniJson.parse(r.cleanedJson().get()));
                try (VietQr q = r.toVietQr().get()) {
                    assertEquals(Optional.of(f.get("bankBin")), q.get(VietQrField.BANK_BIN));
                    assertEquals(Optional.of(f.get("accountNumber")), q.get(VietQrField.ACCOUNT_NUMBER));
                    assertEquals(Optional.of(f.get("crc")), q.get(VietQrField.CRC));
                    assertEquals(Optional.of("static".equals(f.get("initiation")) ? "11" : "12"), q.get(VietQrField.INITIATION));
                    assertEquals(f.containsKey("amount") ? OptionalLong.of(Long.parseLong((String) f.get("amount")))
                            : OptionalLong.empty(), q.amount());
                    Map<String, Object> extra = (Map<String, Object>) f.getOrDefault("additionalData", Collections.emptyMap());
                    assertEquals(Optional.ofNullable(extra.get("purpose")), q.get(VietQrField.PURPOSE));
                    assertEquals(Optional.ofNullable(extra.get("billNumber")), q.get(VietQrField.BILL_NUMBER));
                    assertEquals(Optional.empty(), q.get(VietQrField.MERCHANT_NAME));
                    assertEquals(f, MiniJson.parse(q.json()));
                    try (Report e = q.encode()) {
                        assertEquals(Optional.of(payload), e.cleanedText());
                    }
                    try (VietQr q2 = VietQr.fromJson(q.json()); Report e2 = q2.encode()) {
                        assertEquals(Optional.of(payload), e2.cleanedText());
                    }
                    try (Report e3 = VietQr.encodeJson(q.json())) {
                        assertEquals(Optional.of(payload), e3.cleanedText());
                    }
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    public void crc() throws Exception {
        Map<String, Object> v = TestData.vectors("vietqr.json");
        Map<String, Object> c = (Map<String, Object>) v.get("crc_check");
        assertEquals(Integer.parseInt((String) c.get("crc16_ccitt_false"), 16),
                VietQr.crc16(((String) c.get("input")).getBytes(StandardCharsets.UTF_8)));
        for (Map<String, Object> p : TestData.cases(v, "payloads")) {
            String payload = (String) p.get("payload");
            assertEquals(Integer.parseInt(payload.substring(payload.length() - 4), 16),
                    VietQr.crc16(payload.substring(0, payload.length() - 4).getBytes(StandardCharsets.US_ASCII)));
        }
        assertEquals(0xFFFF, VietQr.crc16(new byte[0]));
    }

    @Test
    public void lenientOnly() throws Exception {
        for (Map<String, Object> c : TestData.cases(TestData.vectors("vietqr.json"), "lenient_only")) {
            String payload = (String) c.get("payload");
            try (Report r = VietQr.decode(payload, VietQrMode.STRICT)) {
                assertFalse(r.isValid());
                assertTrue(keys(r).contains("vietqr.length_mismatch"));
                assertEquals(Optional.empty(), r.toVietQr());
            }
            try (Report r = VietQr.decode(payload, VietQrMode.LENIENT)) {
                assertTrue(r.isValid());
                assertEquals("vietqr.length_repaired", keys(r));
            }
            String bad = payload.substring(0, payload.length() - 4) + (payload.endsWith("0000") ? "1111" : "0000");
            try (Report r = VietQr.decode(bad, VietQrMode.LENIENT)) {
                assertTrue(keys(r).contains("vietqr.crc_mismatch"));
            }
            // lenient by default, as the CLI and every binding
            try (Report r = VietQr.decode(payload)) {
                assertTrue(r.isValid());
                assertEquals("vietqr.length_repaired", keys(r));
            }
        }
    }

    @Test
    public void toAccountPayeeBanks() {
        String payload;
        try (Report r = VietQr.toAccount("970415", "123456789", 1_250_000, "HP7184097674", Text.fold("Học phí HK1"))) {
            assertTrue(keys(r), r.isValid());
            payload = r.cleanedText().get();
        }
        try (Report d = VietQr.decode(payload); VietQr q = d.toVietQr().get()) {
            assertEquals(Optional.of("970415"), q.get(VietQrField.BANK_BIN));
            assertEquals(OptionalLong.of(1_250_000), q.amount());
            assertEquals(Optional.of("HOC PHI HK1"), q.get(VietQrField.PURPOSE));
            assertEquals(Optional.of("12"), q.get(VietQrField.INITIATION));
            try (Report ok = q.verifyPayee("970415", "123456789", "")) {
                assertTrue(ok.isValid());
            }
            try (Report bad = q.verifyPayee("970403", "123456789", "")) {
                assertTrue(keys(bad).contains("vietqr.payee_bin"));
            }
            try (Report bad = q.verifyPayee("970415", "9", "")) {
                assertTrue(keys(bad).contains("vietqr.payee_account"));
            }
        }
        try (Report r = VietQr.toAccount("970415", "123456789"); Report d = VietQr.decode(r.cleanedText().get());
                VietQr q = d.toVietQr().get()) {
            assertEquals(Optional.of("11"), q.get(VietQrField.INITIATION));
            assertEquals(OptionalLong.empty(), q.amount());
        }
        try (Report r = VietQr.toAccount("97041", "12", 0, "x".repeat(26), "Học phí")) {
            assertFalse(r.isValid());
            assertTrue(r.errors().size() >= 2);
            assertEquals(Optional.empty(), r.cleanedText());
        }
        for (String q : new String[] {"970415", "ICB", "vietin bank"}) {
            @SuppressWarnings("unchecked")
            Map<String, Object> bank = (Map<String, Object>) MiniJson.parse(VietQr.bankLookup(q).get());
            assertEquals("970415", bank.get("bin"));
            assertEquals("VietinBank", bank.get("shortName"));
        }
        assertEquals(Optional.empty(), VietQr.bankLookup("no such bank at all"));
        try (VietQr q = VietQr.fromJson("{\"bank\": \"ICB\", \"accountNumber\": \"1\"}")) {
            assertEquals(Optional.of("970415"), q.get(VietQrField.BANK_BIN));
        }
    }

    @Test
    public void wrongKindBadJsonJunk() {
        try (Report r = Text.check("Nguyễn Văn An")) {
            assertEquals(Optional.of("Nguyễn Văn An"), r.cleanedText());
            assertStatus(Status.WRONG_KIND, r::toVietQr);
        }
        try (Message m = new Message().setSector("health").setPayerName("An").setReason("Viện phí").setInvoice("VP1").setAmount(1);
                Report r = m.validate()) {
            assertStatus(Status.WRONG_KIND, r::cleanedText);
        }
        try (VietQr q = VietQr.fromJson("{\"bankBin\": \"970403\", \"accountNumber\": \"1\"}")) {
            assertStatus(Status.INVALID_ARGUMENT, () -> q.get(99));
        }
        assertStatus(Status.INVALID_ARGUMENT, () -> VietQr.decode("000201", 7));
        for (String bad : new String[] {"", "{", "[]", "{\"bankBin\": \"970403\"}", "{\"bank\": \"nowhere\", \"accountNumber\": \"1\"}"}) {
            assertStatus(Status.VIETQR_JSON_INVALID, () -> VietQr.fromJson(bad));
            assertStatus(Status.VIETQR_JSON_INVALID, () -> VietQr.encodeJson(bad));
        }
        String big = "000201".repeat(200_000);
        for (String junk : new String[] {"", "0", "\0\0\0", "6304", "ĐỒNG", big}) {
            for (VietQrMode mode : VietQrMode.values()) {
                try (Report r = VietQr.decode(junk, mode)) {
                    assertFalse(r.isValid());
                    assertFalse(r.errors().isEmpty());
                    assertEquals(Optional.empty(), r.toVietQr());
                }
            }
        }
        List<Function<String, Object>> fns = List.of(VietQr::decode, VietQr::fromJson, VietQr::encodeJson, VietQr::bankLookup,
                s -> VietQr.toAccount(s, "1"), s -> VietQr.toAccount("970403", "1", 0, "", s));
        for (Function<String, Object> fn : fns) {
            try {
                fn.apply(null);
                fail("null accepted");
            } catch (NullPointerException expected) {
                // the language's null-argument exception
            }
            assertStatus(Status.INVALID_UTF8, () -> fn.apply("x\udc80"));
        }
        try (Report r = VietQr.toAccount(big, big, Long.MAX_VALUE, big, big)) {
            assertFalse(r.isValid());
        }
        assertEquals(Optional.empty(), VietQr.bankLookup(big));
        VietQr q = VietQr.fromJson("{\"bankBin\": \"970403\", \"accountNumber\": \"1\"}");
        q.close();
        q.close();
        try {
            q.json();
            fail();
        } catch (IllegalStateException expected) {
            // closed
        }
    }
}
