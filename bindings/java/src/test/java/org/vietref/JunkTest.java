package org.vietref;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.Test;

/**
 * Junk input: every public function returns, throws VietrefException / the language's argument
 * exception, or returns a report with errors. Nothing crashes.
 */
public class JunkTest {
    private static final List<Function<String, Object>> FUNCTIONS = Arrays.asList(
            Text::name, Text::fold, Text::key,
            s -> Text.retone(s, ToneStyle.MAIN_VOWEL), Text::check, s -> Text.check("An", s),
            Text::checkText, s -> Text.checkText("Học phí", s), Text::skeleton,
            s -> Text.looksLike(s, "a"), s -> Text.looksLike("a", s),
            s -> Text.comparePayeeName(s, "a"), s -> Text.comparePayeeName("a", s),
            Message::fromJson,
            s -> new Message().setSector(s), s -> new Message().setPayerName(s),
            s -> new Message().setBeneficiaryName(s), s -> new Message().setReason(s), s -> new Message().setInvoice(s));

    @Test
    public void nullIsANullPointerException() {
        for (int i = 0; i < FUNCTIONS.size(); i++) {
            try {
                FUNCTIONS.get(i).apply(null);
                fail("function " + i + " accepted null");
            } catch (NullPointerException expected) {
                // the language's null-argument exception
            }
        }
    }

    @Test
    public void loneSurrogatesAreInvalidUtf8() {
        for (String junk : new String[] {"\ud800", "Nguy\udce1n", "\udc00\ud800", "a\ud83d"}) {
            for (int i = 0; i < FUNCTIONS.size(); i++) {
                try {
                    FUNCTIONS.get(i).apply(junk);
                    fail("function " + i + " accepted a lone surrogate");
                } catch (VietrefException e) {
                    assertEquals(Status.INVALID_UTF8, e.statusConstant());
                }
            }
        }
        assertEquals("A", Text.fold("\ud83d\ude00A").trim());
    }

    @Test
    public void emptyAndNul() {
        assertEquals("", Text.fold(""));
        assertEquals("", Text.key(""));
        try {
            Text.name("");
            fail();
        } catch (VietrefException e) {
            assertEquals(Status.TEXT_NAME_INVALID, e.statusConstant());
        }
        try (Report r = Text.check("")) {
            assertFalse(r.isValid());
            assertFalse(r.errors().isEmpty());
        }
        try (Message m = new Message().setSector("").setPayerName("").setReason("").setInvoice("");
                Report r = m.validate()) {
            assertFalse(r.isValid());
            assertTrue(r.errors().size() >= 4);
        }
        try (Report r = Text.checkText("")) {
            assertTrue(r.errors().isEmpty());
        }
        assertEquals("", Text.skeleton(""));
        try (Report r = Text.checkText("\0".repeat(100_000))) {
            assertFalse(r.isValid());
            assertTrue(r.findings().size() > 0 && r.findings().size() <= 20);
        }
        try (Report r = Text.check("Phạm\0Hùng")) {
            assertTrue(r.errors().stream().anyMatch(f -> f.codePoint().orElse(-1) == 0));
        }
        assertFalse(Text.fold("a\0b").contains("\0"));
    }

    @Test
    public void oneMegabyte() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1024 * 1024 / 17 + 1; i++) {
            sb.append("Nguyễn Văn An ");
        }
        String big = sb.toString();
        assertTrue(NativeAccess.utf8(big, "big").length > 1024 * 1024);
        assertTrue(Text.fold(big).startsWith("NGUYEN VAN AN NGUYEN"));
        assertFalse(Text.key(big).isEmpty());
        try (Report r = Text.check(big, "payerName")) {
            assertTrue(r.isValid() || !r.errors().isEmpty());
        }
        try (Report r = Text.checkText(big, "reason")) {
            assertTrue(r.isValid());
            assertEquals(java.util.Optional.of(big.trim()), r.cleanedText());
        }
        assertTrue(Text.skeleton(big).startsWith("nguy"));
        try {
            Text.name(big);
        } catch (VietrefException e) {
            assertEquals(Status.TEXT_NAME_INVALID, e.statusConstant());
        }
        try (Message m = new Message().setSector("education").setPayerName(big).setReason(big).setInvoice(big);
                Report r = m.validate()) {
            assertFalse(r.isValid());
            assertFalse(r.errors().isEmpty());
        }
        char[] deep = new char[1_000_000];
        Arrays.fill(deep, '[');
        try {
            Message.fromJson(new String(deep));
            fail();
        } catch (VietrefException e) {
            assertEquals(Status.MESSAGE_JSON_INVALID, e.statusConstant());
        }
    }
}
