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
