package org.vietref;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.Test;

/** The payment message: build, validate, read the report; handle ownership. */
public class MessageTest {
    static Message tuition() {
        return new Message()
                .setSector("education")
                .setPayerName("  nguyễn   văn AN ")
                .setBeneficiaryName("Nguyễn Thị Bình")
                .setReason("Học phí học kỳ 1 năm 2024-2025")
                .setInvoice("HP7184097674")
                .setAmount(1_250_000);
    }

    static String describe(Finding f) {
        return f.severity() + " " + f.field() + " " + f.key() + " " + f.code();
    }

    @Test
    @SuppressWarnings("unchecked")
    public void tuitionMessage() {
        // Expected output as documented for examples/c/tuition.c in the README (chapter "C ABI").
        try (Message m = tuition(); Report r = m.validate()) {
            assertTrue(r.isValid());
            assertEquals(2, r.size());
            assertEquals("WARNING payerName text.whitespace 102", describe(r.findings().get(0)));
            assertEquals("WARNING payerName name.case 204", describe(r.findings().get(1)));
            assertTrue(r.findings().get(1).message().contains("Nguyễn Văn An"));
            assertTrue(r.findings().get(1).messageVi().startsWith("chữ hoa/thường"));
            Map<String, Object> cleaned = (Map<String, Object>) MiniJson.parse(r.cleanedJson().get());
            assertEquals("Nguyễn Văn An", cleaned.get("payerName"));
            assertEquals(1250000.0, cleaned.get("amount"));
            Map<String, Object> whole = (Map<String, Object>) MiniJson.parse(r.json());
            assertEquals(Boolean.TRUE, whole.get("valid"));
            assertEquals(2, ((List<Object>) whole.get("findings")).size());
        }
    }

    @Test
    public void everyFindingIsCollected() {
        try (Message m = new Message().setSector("bank").setPayerName("Lê 2").setReason("").setInvoice("ab c").setAmount(0);
                Report r = m.validate()) {
            assertFalse(r.isValid());
            assertEquals(
                    List.of("message.sector_invalid", "name.digit", "text.empty", "invoice.invalid_char", "message.amount_zero"),
                    r.findings().stream().map(Finding::key).collect(Collectors.toList()));
            assertTrue(r.findings().stream().allMatch(Finding::isError));
            Finding d = r.findings().get(1);
            assertEquals("payerName", d.field());
            assertEquals(OptionalLong.of(4), d.position());
            assertEquals(OptionalInt.of('2'), d.codePoint());
            assertEquals(200, d.code());
            assertEquals(OptionalLong.empty(), r.findings().get(0).position());
            assertFalse(r.cleanedJson().isPresent());
        }
    }

    @Test
    public void fromJson() {
        String json = "{\"sector\":\"education\",\"payerName\":\"nguyễn văn an\",\"beneficiaryName\":\"Nguyễn Thị Bình\","
                + "\"reason\":\"Học phí\",\"invoice\":\"HP7184097674\",\"amount\":\"1250000\"}";
        try (Message m = Message.fromJson(json); Report r = m.validate()) {
            assertTrue(r.isValid());
            assertEquals(List.of("name.case"), r.findings().stream().map(Finding::key).collect(Collectors.toList()));
        }
        try (Message m = Message.fromJson("{\"amount\": true}"); Report r = m.validate()) {
            assertTrue(r.errors().stream().anyMatch(f -> f.key().equals("message.amount_invalid")));
        }
    }

    @Test
    public void fromJsonRejects() {
        for (String bad : new String[] {"", "{", "null", "3", "{\"payerName\": 3}"}) {
            try {
                Message.fromJson(bad).close();
                fail("accepted " + bad);
            } catch (VietrefException e) {
                assertEquals(Status.MESSAGE_JSON_INVALID.value(), e.status());
                assertEquals("VIETREF_MESSAGE_JSON_INVALID", e.statusName());
                assertFalse(e.getMessage().isEmpty() || e.messageVi().isEmpty() || e.getMessage().equals(e.messageVi()));
            }
        }
    }

    @Test
    public void amounts() {
        try (Message m = new Message()) {
            try {
                m.setAmount(-1);
                fail();
            } catch (IllegalArgumentException expected) {
                // the C type is unsigned
            }
            m.setAmount(Long.MAX_VALUE);
            try (Report r = m.validate()) {
                assertTrue(r.errors().stream().anyMatch(f -> f.key().equals("message.amount_too_large")));
            }
        }
    }

    @Test
    public void closeIsIdempotentAndUseAfterCloseThrows() {
        Message m = new Message().setSector("education");
        Report r = m.validate();
        m.close();
        m.close();
        assertTrue(m.isClosed());
        try {
            m.validate();
            fail();
        } catch (IllegalStateException expected) {
            // closed
        }
        try {
            m.setReason("x");
            fail();
        } catch (IllegalStateException expected) {
            // closed
        }
        List<Finding> findings = r.findings();
        r.close();
        r.close();
        try {
            r.isValid();
            fail();
        } catch (IllegalStateException expected) {
            // closed
        }
        assertFalse(findings.isEmpty());
    }

    @Test
    public void reportOutlivesItsMessageAndCleanerFrees() throws Exception {
        Message m = tuition();
        Report r = m.validate();
        m.close();
        assertTrue(r.isValid());
        assertEquals(2, r.size());
        r.close();
        for (int i = 0; i < 2000; i++) {
            new Message().setPayerName("Nguyễn Văn An").validate(); // left to the Cleaner
        }
        System.gc();
        Thread.sleep(50);
    }
}
