package org.vietref;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;

/** tests/data/references.json through the binding; every verb, its refusals and their words (as tests/c/test_memo.c). */
public class ReferencesTest {
    static void assertRefused(Status expected, Runnable call) {
        try {
            call.run();
            fail("expected " + expected);
        } catch (VietrefException e) {
            assertEquals(expected, e.statusConstant());
            assertEquals("VIETREF_" + expected.name(), e.statusName());
        }
    }

    @Test
    public void paymentCodeVectors() throws Exception {
        List<Map<String, Object>> codes = TestData.cases(TestData.vectors("references.json"), "payment_codes");
        assertEquals(8, codes.size());
        for (Map<String, Object> c : codes) {
            String prefix = (String) c.get("prefix");
            String body = (String) c.get("body");
            String code = (String) c.get("code");
            assertEquals(code, References.create(prefix, body));
            assertEquals(code, References.create(RefKind.CODE, prefix.toLowerCase(java.util.Locale.ROOT), body));
            assertEquals(Optional.empty(), References.createMessage(RefKind.CODE, prefix, body, Lang.EN));
            assertEquals(code, References.validate(RefKind.CODE, code));
            assertTrue(References.isValid(RefKind.CODE, code));
            assertEquals(Optional.empty(), References.validateMessage(RefKind.CODE, code, Lang.VI));
            String printed = References.format(RefKind.CODE, code);
            assertTrue(printed, printed.startsWith(prefix + " ") && printed.replace(" ", "").equals(code));
            assertEquals(code, References.validate(RefKind.CODE, printed));
            assertEquals(code, References.compact(RefKind.CODE, printed.toLowerCase(java.util.Locale.ROOT)));
            // One wrong check digit: refused with the checksum status, and said why.
            char last = code.charAt(code.length() - 1);
            String typo = code.substring(0, code.length() - 1) + (last == '9' ? '0' : (char) (last + 1));
            assertFalse(References.isValid(RefKind.CODE, typo));
            assertRefused(Status.REF_INVALID_CHECKSUM, () -> References.validate(RefKind.CODE, typo));
            assertRefused(Status.REF_INVALID_CHECKSUM, () -> References.format(RefKind.CODE, typo));
            assertEquals(typo, References.compact(RefKind.CODE, typo));
            assertEquals(Optional.of("the check digits do not match (a typing error?)"),
                    References.validateMessage(RefKind.CODE, typo, Lang.EN));
        }
    }

    @Test
    public void rfVectors() throws Exception {
        Map<String, Object> v = TestData.vectors("references.json");
        @SuppressWarnings("unchecked")
        List<String> valid = (List<String>) v.get("rf_valid");
        @SuppressWarnings("unchecked")
        List<String> invalid = (List<String>) v.get("rf_invalid");
        assertEquals(6, valid.size());
        assertEquals(5, invalid.size());
        for (String rf : valid) {
            String compact = rf.replace(" ", "");
            assertTrue(rf, References.isValid(RefKind.RF, rf));
            assertEquals(compact, References.validate(RefKind.RF, rf));
            assertEquals(Optional.empty(), References.validateMessage(RefKind.RF, rf, Lang.EN));
            String printed = References.format(RefKind.RF, rf);
            assertEquals(compact, printed.replace(" ", ""));
            for (String group : printed.split(" ")) {
                assertTrue(printed, group.length() <= 4 && !group.isEmpty());
            }
            // The reference created from the body has the same check digits.
            assertEquals(compact, References.createRf(compact.substring(4)));
        }
        for (String rf : invalid) {
            assertFalse(rf, References.isValid(RefKind.RF, rf));
            try {
                References.validate(RefKind.RF, rf);
                fail(rf);
            } catch (VietrefException e) {
                assertTrue(rf + ": " + e, e.status() >= 300 && e.status() <= 305);
                assertTrue(References.validateMessage(RefKind.RF, rf, Lang.EN).isPresent());
                assertTrue(References.validateMessage(RefKind.RF, rf, Lang.VI).isPresent());
            }
        }
        assertEquals("RF18539007547034", References.createRf("5390 0754 7034"));
        assertEquals("RF18539007547034", References.create(RefKind.RF, "", "539007547034"));
    }

    @Test
    public void taxCodeVectors() throws Exception {
        Map<String, Object> v = TestData.vectors("references.json");
        @SuppressWarnings("unchecked")
        List<String> valid = (List<String>) v.get("tax_code_valid");
        @SuppressWarnings("unchecked")
        List<String> invalid = (List<String>) v.get("tax_code_invalid");
        for (String mst : valid) {
            assertTrue(References.isValid(RefKind.MST, mst));
            assertEquals(mst, References.validate(RefKind.MST, mst));
        }
        for (String mst : invalid) {
            assertFalse(References.isValid(RefKind.MST, mst));
            assertTrue(References.validateMessage(RefKind.MST, mst, Lang.EN).isPresent());
        }
        assertRefused(Status.REF_INVALID_CHECKSUM, () -> References.validate(RefKind.MST, "0100233487"));
        assertRefused(Status.REF_INVALID_LENGTH, () -> References.validate(RefKind.MST, "010023348"));
    }

    @Test
    public void everyKindValidatesFormatsCompacts() {
        String[][] valid = {
            {"CODE", "hp 7184 0976 74", "HP7184097674", "HP 7184 0976 74"},
            {"CODE", "VP372817430911", "VP372817430911", "VP 3728 1743 0911"},
            {"RF", "RF18 5390 0754 7034", "RF18539007547034", "RF18 5390 0754 7034"},
            {"RF", "rf20ezec2phy", "RF20EZEC2PHY", "RF20 EZEC 2PHY"},
            {"EINVOICE", "1C24TAA-1234", "1C24TAA1234", "1C24TAA-00001234"},
            {"EINVOICE", "1c24taa 00001234", "1C24TAA1234", "1C24TAA-00001234"},
            {"MST", "0100233488", "0100233488", "0100233488"},
            {"MST", "0100233488-001", "0100233488001", "0100233488-001"},
        };
        for (String[] c : valid) {
            RefKind kind = RefKind.valueOf(c[0]);
            assertEquals(c[2], References.validate(kind, c[1]));
            assertEquals(c[3], References.format(kind, c[1]));
            assertEquals(c[2], References.compact(kind, c[1]));
            assertTrue(References.isValid(kind, c[1]));
            assertEquals(Optional.empty(), References.validateMessage(kind, c[1], Lang.EN));
        }
        Object[][] invalid = {
            {RefKind.CODE, "HP7184097675", Status.REF_INVALID_CHECKSUM, "the check digits do not match (a typing error?)",
                "chữ số kiểm tra không khớp (có thể gõ nhầm?)"},
            {RefKind.CODE, "HP 7184#0976", Status.REF_INVALID_CHAR, "character '#' (U+0023) at position 8 is not allowed",
                "ký tự '#' (U+0023) tại vị trí 8 không được phép"},
            {RefKind.CODE, "", Status.REF_EMPTY, "the value is empty", null},
            {RefKind.RF, "RF1", Status.REF_INVALID_LENGTH, "the value has 3 characters; expected 5 to 25", null},
            {RefKind.RF, "XX18539007547034", Status.REF_INVALID_PREFIX, "the value must start with RF, not XX",
                "giá trị phải bắt đầu bằng RF, không phải XX"},
            {RefKind.MST, "010023348", Status.REF_INVALID_LENGTH, "the value has 9 characters; expected 10 to 13",
                "giá trị có 9 ký tự; cần từ 10 đến 13 ký tự"},
            {RefKind.EINVOICE, "7C24TAA-1", Status.REF_INVALID_PART, null, null},
        };
        for (Object[] c : invalid) {
            RefKind kind = (RefKind) c[0];
            String value = (String) c[1];
            Status status = (Status) c[2];
            assertRefused(status, () -> References.validate(kind, value));
            assertRefused(status, () -> References.format(kind, value));
            assertFalse(References.isValid(kind, value));
            if (c[3] != null) {
                assertEquals(Optional.of(c[3]), References.validateMessage(kind, value, Lang.EN));
            }
            if (c[4] != null) {
                assertEquals(Optional.of(c[4]), References.validateMessage(kind, value, Lang.VI));
            }
        }
        // compact checks characters, not check digits; an e-invoice's only when valid.
        assertEquals("HP7184097675", References.compact(RefKind.CODE, "hp 7184-0976.75"));
        assertEquals("RF19539007547034", References.compact(RefKind.RF, "RF19 5390 0754 7034"));
        assertRefused(Status.REF_EMPTY, () -> References.compact(RefKind.MST, " . "));
        assertRefused(Status.REF_INVALID_CHAR, () -> References.compact(RefKind.CODE, "HP#1"));
        assertRefused(Status.REF_INVALID_PART, () -> References.compact(RefKind.EINVOICE, "7C24TAA-1"));
        // OPAQUE has no verb.
        assertRefused(Status.INVALID_ARGUMENT, () -> References.validate(RefKind.OPAQUE, "HP7184097674"));
        assertRefused(Status.INVALID_ARGUMENT, () -> References.isValid(RefKind.OPAQUE, "HP7184097674"));
    }

    @Test
    public void createRefusals() {
        assertEquals("THCS19607550980861", References.create("thcs", "1960 7550 9808"));
        assertRefused(Status.REF_INVALID_PART, () -> References.create("HO", "71840976"));
        assertEquals(Optional.of("the prefix \"HO\" is not valid: the letters O, I and L are not used in prefixes "
                + "(they are confused with 0 and 1)"), References.createMessage(RefKind.CODE, "HO", "71840976", Lang.EN));
        assertEquals(Optional.of("tiền tố \"HO\" không hợp lệ: không dùng các chữ O, I, L trong tiền tố (dễ nhầm với 0 và 1)"),
                References.createMessage(RefKind.CODE, "HO", "71840976", Lang.VI));
        assertRefused(Status.REF_EMPTY, () -> References.create("HP", " - "));
        assertEquals(Optional.of("the value is empty"), References.createMessage(RefKind.CODE, "HP", "", Lang.EN));
        assertRefused(Status.REF_INVALID_CHAR, () -> References.create("HP", "1234#678"));
        assertRefused(Status.REF_INVALID_PART, () -> References.create("HP", "12345"));
        assertRefused(Status.REF_INVALID_LENGTH, () -> References.createRf("1234567890123456789012"));
        assertEquals(Optional.of("the value has 22 characters; expected 1 to 21"),
                References.createMessage(RefKind.RF, "", "1234567890123456789012", Lang.EN));
        assertEquals(Optional.of("giá trị có 22 ký tự; cần từ 1 đến 21 ký tự"),
                References.createMessage(RefKind.RF, "", "1234567890123456789012", Lang.VI));
        // Kinds without create, and an RF with a prefix: the arguments are wrong.
        for (RefKind kind : new RefKind[] {RefKind.EINVOICE, RefKind.MST, RefKind.OPAQUE}) {
            assertRefused(Status.INVALID_ARGUMENT, () -> References.create(kind, "", "1"));
            assertRefused(Status.INVALID_ARGUMENT, () -> References.createMessage(kind, "", "1", Lang.EN));
        }
        assertRefused(Status.INVALID_ARGUMENT, () -> References.create(RefKind.RF, "HP", "1"));
    }
}
