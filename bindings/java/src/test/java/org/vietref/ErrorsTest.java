package org.vietref;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.sun.jna.ptr.PointerByReference;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/** Statuses become VietrefException in one place; the constants match the C header. */
public class ErrorsTest {
    @Test
    public void nullPointerWithLengthBecomesNullArgument() {
        PointerByReference out = new PointerByReference();
        int st = NativeAccess.lib().vietref_text_fold(null, new SizeT(5), out);
        assertEquals(Status.NULL_ARGUMENT.value(), st);
        assertNull("out-parameter untouched", out.getValue());
        try {
            NativeAccess.check(st, "vietref_text_fold");
            fail();
        } catch (VietrefException e) {
            assertEquals(1, e.status());
            assertEquals("VIETREF_NULL_ARGUMENT", e.statusName());
            assertEquals(Vietref.statusMessage(1, Lang.EN), e.getMessage());
            assertEquals(Vietref.statusMessage(1, Lang.VI), e.messageVi());
            assertNotEquals(e.getMessage(), e.messageVi());
            assertEquals("vietref_text_fold", e.context());
            assertTrue(e.toString().contains("VIETREF_NULL_ARGUMENT"));
        }
        VietrefException unknown = NativeAccess.error(9999, "x");
        assertEquals(9999, unknown.status());
        assertNull(unknown.statusConstant());
        assertEquals("VIETREF_STATUS_9999", unknown.statusName());
    }

    @Test
    public void unknownToneStyleIsInvalidArgument() {
        try {
            Text.retone("Hòa", 9);
            fail();
        } catch (VietrefException e) {
            assertEquals(Status.INVALID_ARGUMENT, e.statusConstant());
        }
    }

    @Test
    public void everyStatusHasANameAndBothMessages() {
        for (Status s : Status.values()) {
            assertEquals("VIETREF_" + s.name(), Vietref.statusName(s.value()));
            assertNotNull(Vietref.statusMessage(s.value(), Lang.EN));
            assertNotNull(Vietref.statusMessage(s.value(), Lang.VI));
        }
        assertNull(Vietref.statusName(9999));
    }

    @Test
    public void newEnumsMatchTheHeader() throws Exception {
        String header = TestData.header();
        Map<String, Integer> consts = new HashMap<>();
        Matcher m = Pattern.compile("\\b(VIETREF_[A-Z0-9_]+)\\s*=\\s*(\\d+)").matcher(header);
        while (m.find()) {
            consts.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        assertEnum(header, consts, "vietref_ref_kind", "VIETREF_REF_", RefKind.values());
        assertEnum(header, consts, "vietref_channel", "VIETREF_CHANNEL_", Channel.values());
        assertEnum(header, consts, "vietref_memo_list", "VIETREF_MEMO_", MemoList.values());
        assertEnum(header, consts, "vietref_encoding", "VIETREF_ENCODING_", Encoding.values());
        assertEnum(header, consts, "vietref_line_status", "VIETREF_LINE_", LineStatus.values());
        assertEnum(header, consts, "vietref_statement_format", "VIETREF_STATEMENT_", StatementFormat.values());
        assertEnum(header, consts, "vietref_results_format", "VIETREF_RESULTS_", ResultsFormat.values());
        assertEquals(consts.get("VIETREF_LEGACY_TCVN3_LOWER_CASE"), Integer.valueOf(Legacy.TCVN3_LOWER_CASE));
    }

    /** Each constant has the header's number, and the header's enum has no constant missing here. */
    private static void assertEnum(String header, Map<String, Integer> consts, String cEnum, String prefix, Enum<?>[] values)
            throws Exception {
        TreeSet<String> here = new TreeSet<>();
        for (Enum<?> e : values) {
            int value = (Integer) e.getClass().getMethod("value").invoke(e);
            assertEquals(prefix + e.name(), consts.get(prefix + e.name()), Integer.valueOf(value));
            here.add(prefix + e.name());
        }
        Matcher block = Pattern.compile("enum " + cEnum + "\\b[^{]*\\{(.*?)\\}", Pattern.DOTALL).matcher(header);
        assertTrue(cEnum, block.find());
        TreeSet<String> inHeader = new TreeSet<>();
        Matcher names = Pattern.compile("(VIETREF_[A-Z0-9_]+)\\s*=").matcher(block.group(1));
        while (names.find()) {
            inHeader.add(names.group(1));
        }
        assertEquals(inHeader, here);
    }

    @Test
    public void newStatusesNumbersNamesMessages() {
        Object[][] expected = {
            {Status.REF_EMPTY, 300}, {Status.REF_INVALID_CHAR, 301}, {Status.REF_INVALID_LENGTH, 302},
            {Status.REF_INVALID_PREFIX, 303}, {Status.REF_INVALID_PART, 304}, {Status.REF_INVALID_CHECKSUM, 305},
            {Status.REF_SCHEMES_INVALID, 306}, {Status.LEGACY_UNDEFINED_BYTE, 600}, {Status.LEGACY_INVALID_UTF8, 601},
            {Status.LEGACY_NOT_SEVEN_BIT, 602}, {Status.LEGACY_NOT_MOJIBAKE, 603}, {Status.LEGACY_UNENCODABLE, 604},
            {Status.LEGACY_TCVN3_CAPITAL, 605}, {Status.RECONCILE_AMOUNT_INVALID, 700},
        };
        for (Object[] e : expected) {
            Status s = (Status) e[0];
            int n = (Integer) e[1];
            assertEquals(n, s.value());
            assertEquals(s, Status.of(n));
            assertEquals("VIETREF_" + s.name(), Vietref.statusName(n));
            assertNotEquals(Vietref.statusMessage(n, Lang.EN), Vietref.statusMessage(n, Lang.VI));
        }
        assertEquals("TCVN3 không có chữ hoa mang dấu thanh", Vietref.statusMessage(605, Lang.VI));
        // Each arrives as a VietrefException with the library's name and both messages.
        Object[][] calls = {
            {Status.REF_EMPTY, (Runnable) () -> References.validate(RefKind.CODE, " ")},
            {Status.REF_INVALID_CHAR, (Runnable) () -> References.validate(RefKind.CODE, "HP#1")},
            {Status.REF_INVALID_LENGTH, (Runnable) () -> References.validate(RefKind.RF, "RF1")},
            {Status.REF_INVALID_PREFIX, (Runnable) () -> References.validate(RefKind.RF, "XX18539007547034")},
            {Status.REF_INVALID_PART, (Runnable) () -> References.create("HO", "71840976")},
            {Status.REF_INVALID_CHECKSUM, (Runnable) () -> References.validate(RefKind.CODE, "HP7184097675")},
            {Status.REF_SCHEMES_INVALID, (Runnable) () -> new Reconciler("HP")},
            {Status.LEGACY_UNDEFINED_BYTE, (Runnable) () -> Legacy.decode(new byte[] {(byte) 0x81}, Encoding.CP1258)},
            {Status.LEGACY_INVALID_UTF8, (Runnable) () -> Legacy.decode(new byte[] {(byte) 0xFF}, Encoding.UTF8)},
            {Status.LEGACY_NOT_SEVEN_BIT, (Runnable) () -> Legacy.decode(new byte[] {(byte) 0xEA}, Encoding.VIQR)},
            {Status.LEGACY_NOT_MOJIBAKE, (Runnable) () -> Legacy.decode(new byte[] {(byte) 0xE1, (byte) 0xBB, (byte) 0x85},
                    Encoding.UTF8_AS_CP1252)},
            {Status.LEGACY_UNENCODABLE, (Runnable) () -> Legacy.encode("Ж", Encoding.VNI)},
            {Status.LEGACY_TCVN3_CAPITAL, (Runnable) () -> Legacy.encode("Ố", Encoding.TCVN3)},
            {Status.RECONCILE_AMOUNT_INVALID, (Runnable) () -> {
                try (Reconciler r = new Reconciler()) {
                    r.feed(1, 0, "x");
                }
            }},
        };
        for (Object[] c : calls) {
            Status s = (Status) c[0];
            try {
                ((Runnable) c[1]).run();
                fail("expected " + s);
            } catch (VietrefException e) {
                assertEquals(s, e.statusConstant());
                assertEquals(s.value(), e.status());
                assertEquals("VIETREF_" + s.name(), e.statusName());
                assertEquals(Vietref.statusMessage(s.value(), Lang.EN), e.getMessage());
                assertEquals(Vietref.statusMessage(s.value(), Lang.VI), e.messageVi());
                assertTrue(e.context(), e.context().startsWith("vietref_"));
            }
        }
    }

    @Test
    public void enumsMatchTheHeader() throws Exception {
        String header = TestData.header();
        Map<String, Integer> consts = new HashMap<>();
        Matcher m = Pattern.compile("\\b(VIETREF_[A-Z0-9_]+)\\s*=\\s*(\\d+)").matcher(header);
        while (m.find()) {
            consts.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        for (Status s : Status.values()) {
            assertEquals(s.name(), consts.get("VIETREF_" + s.name()), Integer.valueOf(s.value()));
        }
        for (Severity s : Severity.values()) {
            assertEquals(consts.get("VIETREF_SEVERITY_" + s.name()), Integer.valueOf(s.value()));
        }
        for (ToneStyle s : ToneStyle.values()) {
            assertEquals(consts.get("VIETREF_TONE_" + s.name()), Integer.valueOf(s.value()));
        }
        for (NameComparison s : NameComparison.values()) {
            assertEquals(consts.get("VIETREF_NAME_" + s.name()), Integer.valueOf(s.value()));
        }
        for (Lang s : Lang.values()) {
            assertEquals(consts.get("VIETREF_LANG_" + s.name()), Integer.valueOf(s.value()));
        }
        for (VietQrMode s : VietQrMode.values()) {
            assertEquals(consts.get("VIETREF_VIETQR_" + s.name()), Integer.valueOf(s.value()));
        }
        for (VietQrField s : VietQrField.values()) {
            assertEquals(consts.get("VIETREF_VIETQR_FIELD_" + s.name()), Integer.valueOf(s.value()));
        }
        Matcher block = Pattern.compile("enum vietref_status \\{(.*?)\\}", Pattern.DOTALL).matcher(header);
        assertTrue(block.find());
        TreeSet<String> inHeader = new TreeSet<>();
        Matcher names = Pattern.compile("VIETREF_([A-Z0-9_]+)\\s*=").matcher(block.group(1));
        while (names.find()) {
            inHeader.add(names.group(1));
        }
        TreeSet<String> here = new TreeSet<>();
        for (Status s : Status.values()) {
            here.add(s.name());
        }
        assertEquals(inHeader, here);
    }
}
