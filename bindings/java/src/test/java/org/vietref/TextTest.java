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
    public void checkTextAllowsWhatNamesRefuse() {
        // A payment reason: digits and punctuation are fine here, unlike in a name.
        String reason = "Học phí kỳ 1, lớp 6A";
        try (Report r = Text.checkText(reason, "reason")) {
            assertTrue(r.isValid());
            assertTrue(r.findings().isEmpty());
            assertEquals(Optional.of(reason), r.cleanedText());
        }
        try (Report r = Text.check(reason)) {
            assertFalse(r.isValid());
        }
        try (Report r = Text.checkText("  Học   phí  ", "reason")) {
            assertTrue(r.isValid());
            assertEquals(1, r.findings().size());
            assertEquals("text.whitespace", r.findings().get(0).key());
            assertEquals("reason", r.findings().get(0).field());
            assertEquals(Optional.of("Học phí"), r.cleanedText());
        }
        try (Report r = Text.checkText("Ho\u0323c phi\u0301")) {
            assertEquals("text.composed", r.findings().get(0).key());
            assertEquals(Optional.of("Học phí"), r.cleanedText());
        }
    }

    @Test
    public void checkTextRefusals() {
        try (Report r = Text.checkText("Học phí\u0000", "reason")) {
            assertFalse(r.isValid());
            assertEquals(1, r.errors().size());
            Finding f = r.errors().get(0);
            assertEquals("text.control_char", f.key());
            assertEquals(104, f.code());
            assertEquals("reason", f.field());
            assertEquals(OptionalLong.of(8), f.position());
            assertEquals(Optional.of("\u0000"), f.character());
            assertEquals(Optional.empty(), r.cleanedText());
        }
        try (Report r = Text.checkText("Học phí\u202e")) {
            assertEquals("text.bidi_control", r.errors().get(0).key());
        }
        try (Report r = Text.checkText("Học\u200bphí")) {
            assertEquals("text.invisible", r.errors().get(0).key());
        }
        try (Report r = Text.checkText("Học phí \u041dOA")) {
            assertTrue(r.isValid());
            assertEquals(1, r.findings().size());
            assertEquals("text.mixed_script", r.findings().get(0).key());
            assertEquals(Severity.WARNING, r.findings().get(0).severity());
        }
    }

    @Test
    public void skeletons() {
        assertEquals(Text.skeleton("HOA"), Text.skeleton("\u041d\u041e\u0410"));
        assertNotEquals(Text.skeleton("HOA"), Text.skeleton("HOB"));
        assertEquals(Text.skeleton("rn"), Text.skeleton("m"));
        assertEquals("", Text.skeleton(""));
        String[][] pairs = {{"HOA", "\u041d\u041e\u0410"}, {"HOA", "HOB"}, {"Trường THPT A", "\u0422rường THPT A"}};
        for (String[] p : pairs) {
            assertEquals(p[1], Text.looksLike(p[0], p[1]), Text.skeleton(p[0]).equals(Text.skeleton(p[1])));
        }
    }

    @Test
    public void version() {
        assertTrue(Vietref.version().startsWith("0.1."));
    }
}
