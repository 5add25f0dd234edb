package org.vietref;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.Test;

/** tests/data/text.json through the binding, and the text functions' documented examples. */
public class TextTest {
    @Test
    public void namesDisplayAndFold() throws Exception {
        List<Map<String, Object>> cases = TestData.cases(TestData.vectors("text.json"), "names");
        assertTrue(cases.size() >= 20);
        for (Map<String, Object> c : cases) {
            String input = (String) c.get("input");
            String name = (String) c.get("name");
            assertEquals(input, name, Text.name(input));
            assertEquals(input, c.get("fold"), Text.fold(input));
            try (Report r = Text.check(input, "payerName")) {
                assertTrue(input, r.isValid());
                assertEquals(Optional.of("\"" + name + "\""), r.cleanedJson());
                if (!name.equals(input)) {
                    assertFalse("change reported: " + input, r.warnings().isEmpty());
                }
                assertTrue(r.errors().isEmpty());
                for (Finding f : r.findings()) {
                    assertEquals("payerName", f.field());
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    public void badNamesAreRejected() throws Exception {
        for (Object o : (List<Object>) TestData.vectors("text.json").get("bad_names")) {
            String bad = (String) o;
            try (Report r = Text.check(bad, "payerName")) {
                assertFalse(bad, r.isValid());
                assertFalse(bad, r.errors().isEmpty());
                assertEquals(Optional.empty(), r.cleanedJson());
            }
            try {
                Text.name(bad);
                fail("accepted: " + bad);
            } catch (VietrefException e) {
                assertEquals(Status.TEXT_NAME_INVALID.value(), e.status());
                assertEquals(Status.TEXT_NAME_INVALID, e.statusConstant());
                assertEquals("VIETREF_TEXT_NAME_INVALID", e.statusName());
            }
        }
    }

    @Test
    public void toneStyles() throws Exception {
        for (Map<String, Object> c : TestData.cases(TestData.vectors("text.json"), "tone")) {
            String input = (String) c.get("input");
            assertEquals(input, c.get("traditional"), Text.retone(input, ToneStyle.TRADITIONAL));
            assertEquals(input, c.get("main_vowel"), Text.retone(input, ToneStyle.MAIN_VOWEL));
        }
    }

    @Test
    public void securityFlags() throws Exception {
        for (Map<String, Object> c : TestData.cases(TestData.vectors("text.json"), "security")) {
            try (Report r = Text.check((String) c.get("input"))) {
                assertEquals((String) c.get("input"), c.get("flagged"), !r.isValid());
            }
        }
    }

    @Test
    public void keysLookalikesPayeeNames() {
        assertEquals(Text.key("Thủy"), Text.key("THUỶ"));
        assertEquals(Text.key("Thủy"), Text.key("Thu\u0309y"));
        assertNotEquals(Text.key("Thủy"), Text.key("Thúy"));
        assertTrue(Text.looksLike("HOA", "\u041d\u041e\u0410"));
        assertFalse(Text.looksLike("HOA", "HOB"));
        assertEquals(NameComparison.SAME, Text.comparePayeeName("TRƯỜNG THPT A", "Trường THPT A"));
        assertEquals(NameComparison.LOOKALIKE, Text.comparePayeeName("\u0422rường THPT A", "Trường THPT A"));
        assertEquals(NameComparison.DIFFERENT, Text.comparePayeeName("Bệnh viện B", "Trường THPT A"));
    }

    @Test
    public void findingDetails() {
        try (Report r = Text.check("Lê @Anh", "payerName")) {
            assertEquals(1, r.errors().size());
            Finding f = r.errors().get(0);
            assertEquals(Severity.ERROR, f.severity());
            assertEquals("payerName", f.field());
            assertEquals(OptionalLong.of(4), f.position());
            assertEquals(Optional.of("@"), f.character());
            assertTrue(f.message().contains("@") && f.messageVi().contains("@"));
            assertNotEquals(f.message(), f.messageVi());
        }
    }

    @Test
    public void version() {
        assertTrue(Vietref.version().startsWith("0.1."));
    }
}
