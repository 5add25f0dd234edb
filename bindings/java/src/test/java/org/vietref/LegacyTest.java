package org.vietref;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;

/** tests/data/legacy.json through the binding; encode, detect, repair, errors (as tests/c/test_legacy.c). */
public class LegacyTest {
    /** "Nguyễn Văn Đức" in TCVN3 (the module's example). */
    static final byte[] TCVN3_NAME = bytes(0x4E, 0x67, 0x75, 0x79, 0xD4, 0x6E, 0x20, 0x56, 0xA8, 0x6E, 0x20, 0xA7, 0xF8, 0x63);

    static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    static byte[] hex(String hex) {
        String[] parts = hex.trim().split("\\s+");
        byte[] out = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return out;
    }

    static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
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
    public void vectorsDecodeAndEncodeBack() throws Exception {
        List<Map<String, Object>> cases = TestData.cases(TestData.vectors("legacy.json"), "cases");
        assertEquals(10, cases.size());
        for (Map<String, Object> c : cases) {
            Encoding enc = Encoding.fromName((String) c.get("encoding")).get();
            assertEquals(c.get("encoding"), enc.label());
            byte[] b = hex((String) c.get("hex"));
            String text = (String) c.get("text");
            assertEquals(text, Legacy.decode(b, enc));
            assertEquals(Optional.empty(), Legacy.decodeError(b, enc));
            Encoded e = Legacy.encode(text, enc);
            assertArrayEquals(text, b, e.bytes());
            assertTrue(e.isLossless());
            assertEquals(Optional.empty(), Legacy.encodeError(text, enc, false));
            // Declared, the encoding is kept whenever it decodes and reads well.
            Detection d = Legacy.detect(b, enc);
            assertEquals(text, enc, d.encoding());
            assertEquals(text, d.text());
            assertFalse(d.isAmbiguous());
        }
    }

    @Test
    public void mojibakeVectors() throws Exception {
        List<Map<String, Object>> cases = TestData.cases(TestData.vectors("legacy.json"), "mojibake");
        assertEquals(4, cases.size());
        for (Map<String, Object> c : cases) {
            String input = (String) c.get("input");
            String text = (String) c.get("text");
            Encoding enc = Encoding.fromName((String) c.get("encoding")).get();
            assertEquals(Encoding.UTF8_AS_CP1252, enc);
            assertEquals(Optional.of(text), Legacy.repairMojibake(input));
            assertEquals(text, Legacy.decode(input.getBytes(StandardCharsets.UTF_8), enc));
            assertArrayEquals(input.getBytes(StandardCharsets.UTF_8), Legacy.encode(text, enc).bytes());
        }
        for (String clean : new String[] {"Nguyễn", "Liège", "ASCII", ""}) {
            assertEquals(Optional.empty(), Legacy.repairMojibake(clean));
        }
    }

    @Test
    public void decodeSpecials() {
        assertEquals("Nguyễn Văn Đức", Legacy.decode(TCVN3_NAME, Encoding.TCVN3));
        assertEquals("a\0b", Legacy.decode(bytes('a', 0, 'b'), Encoding.UTF8));
        assertEquals("", Legacy.decode(new byte[0], Encoding.VNI));
        assertEquals("Đ", Legacy.decode(bytes(0xEF, 0xBB, 0xBF, 0xC4, 0x90), Encoding.UTF8));
        assertEquals("Nguyễn", Legacy.decode("Nguye\u0302\u0303n".getBytes(StandardCharsets.UTF_8), Encoding.UTF8));
    }

    @Test
    public void decodeRefusalsSayWhere() {
        assertStatus(Status.LEGACY_UNDEFINED_BYTE, () -> Legacy.decode(bytes('N', 0x81), Encoding.CP1258));
        assertEquals(Optional.of("{\"kind\":\"undefined_byte\",\"offset\":1,\"line\":1,\"byte\":129,"
                + "\"message\":\"byte 0x81 at offset 1 (line 1) is not defined in Windows-1258\"}"),
                Legacy.decodeError(bytes('N', 0x81), Encoding.CP1258));
        assertEquals(Optional.of("{\"kind\":\"undefined_byte\",\"offset\":4,\"line\":2,\"byte\":129,"
                + "\"message\":\"byte 0x81 at offset 4 (line 2) is not defined in Windows-1258\"}"),
                Legacy.decodeError(bytes('a', 'b', '\n', 'c', 0x81), Encoding.CP1258));
        assertStatus(Status.LEGACY_INVALID_UTF8, () -> Legacy.decode(bytes('a', 0xFF), Encoding.UTF8));
        assertEquals(Optional.of("{\"kind\":\"invalid_utf8\",\"offset\":1,\"line\":1,\"byte\":255,"
                + "\"message\":\"byte 0xFF at offset 1 (line 1) is not valid UTF-8\"}"),
                Legacy.decodeError(bytes('a', 0xFF), Encoding.UTF8));
        assertStatus(Status.LEGACY_NOT_SEVEN_BIT, () -> Legacy.decode(bytes('L', 0xEA), Encoding.VIQR));
        byte[] utf8 = "Nguyễn".getBytes(StandardCharsets.UTF_8);
        assertStatus(Status.LEGACY_NOT_MOJIBAKE, () -> Legacy.decode(utf8, Encoding.UTF8_AS_CP1252));
        assertTrue(Legacy.decodeError(utf8, Encoding.UTF8_AS_CP1252).get().startsWith("{\"kind\":\"not_mojibake\","));
    }

    @Test
    public void encodeLossesAndRefusals() {
        assertArrayEquals(TCVN3_NAME, Legacy.encode("Nguyễn Văn Đức", Encoding.TCVN3).bytes());
        assertArrayEquals(TCVN3_NAME, Legacy.encode("Nguye\u0302\u0303n Va\u0306n Đu\u031b\u0301c", Encoding.TCVN3).bytes());
        assertArrayEquals(bytes(0xD0, 0xD1, 0x63), Legacy.encode("Đức", Encoding.VISCII).bytes());
        assertArrayEquals(latin1("DDu+'c"), Legacy.encode("Đức", Encoding.VIQR).bytes());
        assertArrayEquals(bytes('a', 0, 'b'), Legacy.encode("a\0b", Encoding.UTF8).bytes());
        assertArrayEquals(new byte[0], Legacy.encode("", Encoding.VNI).bytes());

        // TCVN3 capitals: refused, or written lower case and reported when lossy.
        assertStatus(Status.LEGACY_TCVN3_CAPITAL, () -> Legacy.encode("ÔNG ỐNG", Encoding.TCVN3));
        assertTrue(Legacy.encodeError("ÔNG ỐNG", Encoding.TCVN3, false).get().startsWith(
                "{\"kind\":\"tcvn3_capital\",\"character\":\"Ố\",\"codePoint\":7888,\"position\":5,\"line\":1,\"message\":\""));
        assertEquals(Optional.empty(), Legacy.encodeError("ÔNG ỐNG", Encoding.TCVN3, true));
        Encoded e = Legacy.encode("ỐNG", Encoding.TCVN3, true);
        assertArrayEquals(bytes(0xE8, 0x4E, 0x47), e.bytes());
        assertFalse(e.isLossless());
        assertEquals(1, e.losses().size());
        Encoded.Loss loss = e.losses().get(0);
        assertEquals(1, loss.position());
        assertEquals(0x1ED0, loss.character());
        assertEquals(0x1ED1, loss.written());
        assertEquals("at 1: Ố written as ố", loss.toString());
        // The bytes are a copy.
        e.bytes()[0] = 0;
        assertEquals((byte) 0xE8, e.bytes()[0]);

        // Cyrillic exists in no Vietnamese legacy encoding; lossy does not change that.
        assertStatus(Status.LEGACY_UNENCODABLE, () -> Legacy.encode("Giá 5Ж", Encoding.VNI));
        assertStatus(Status.LEGACY_UNENCODABLE, () -> Legacy.encode("Giá 5Ж", Encoding.TCVN3, true));
        assertEquals(Optional.of("{\"kind\":\"unencodable\",\"character\":\"Ж\",\"codePoint\":1046,\"position\":6,\"line\":2,"
                + "\"message\":\"'Ж' (U+0416) at character 6 (line 2) cannot be written in VNI-Win\"}"),
                Legacy.encodeError("Giá\n5Ж", Encoding.VNI, false));
        assertEquals(Optional.empty(), Legacy.encodeError("Giá", Encoding.VNI, false));
    }

    @Test
    public void detect() {
        Detection d = Legacy.detect(latin1("Nguye\u00e3n Va\u00ean \u00d1\u00f6\u00f9c"));
        assertEquals(Encoding.VNI, d.encoding());
        assertEquals("Nguyễn Văn Đức", d.text());
        assertFalse(d.isAmbiguous());
        assertTrue(d.toString(), d.confidence() > 500 && d.confidence() <= 1000);

        d = Legacy.detect(TCVN3_NAME);
        assertEquals(Encoding.TCVN3, d.encoding());
        assertEquals("Nguyễn Văn Đức", d.text());
        assertFalse(d.isAmbiguous());

        // 70 68 ED is "phí" in four encodings and "phớ" in TCVN3: ambiguous, alternatives best first.
        byte[] phi = bytes(0x70, 0x68, 0xED);
        d = Legacy.detect(phi);
        assertTrue(d.isAmbiguous());
        assertTrue(d.toString(), d.confidence() > 0 && d.confidence() <= 500); // one word: at most 500
        assertTrue(d.alternatives().toString(), d.alternatives().size() >= 4);
        int prev = 1000;
        boolean tcvn3 = d.encoding() == Encoding.TCVN3;
        for (Detection.Alternative a : d.alternatives()) {
            assertTrue(a.fit() <= prev && a.fit() >= 0);
            prev = a.fit();
            tcvn3 |= a.encoding() == Encoding.TCVN3;
        }
        assertTrue(tcvn3);
        // Declared Windows-1258 is used; a declaration that cannot decode is overridden.
        d = Legacy.detect(phi, Encoding.CP1258);
        assertEquals(Encoding.CP1258, d.encoding());
        assertEquals("phí", d.text());
        assertFalse(d.isAmbiguous());
        d = Legacy.detect(latin1("Ph\u00a9m"), Encoding.CP1258);
        assertEquals(Encoding.TCVN3, d.encoding());
        assertEquals("Phâm", d.text());

        d = Legacy.detect(latin1("Hello"));
        assertEquals(1000, d.confidence());
        d = Legacy.detect(bytes(0xEF, 0xBB, 0xBF, 'P', 'h', 0xC3, 0xAD));
        assertEquals(Encoding.UTF8, d.encoding());
        assertEquals("Phí", d.text());
        assertEquals(1000, d.confidence());
        assertEquals(List.of(), d.alternatives());
        d = Legacy.detect(new byte[0]);
        assertEquals("", d.text());
        // Bytes that read as no Vietnamese: confidence 0, never a refusal.
        d = Legacy.detect(bytes(0x80, 0xFF, 0x81));
        assertEquals(d.toString(), 0, d.confidence());
    }

    @Test
    public void encodingNames() {
        String[] labels = {"utf8", "tcvn3", "vni", "viscii", "vps", "cp1258", "viqr", "utf8-as-cp1252"};
        for (Encoding e : Encoding.values()) {
            assertEquals(labels[e.value()], e.label());
            assertEquals(Optional.of(e), Encoding.fromName(e.label()));
            assertEquals(Optional.of(e), Encoding.fromName(e.label().toUpperCase(java.util.Locale.ROOT)));
        }
        assertEquals(Optional.of(Encoding.TCVN3), Encoding.fromName("ABC"));
        assertEquals(Optional.of(Encoding.CP1258), Encoding.fromName("windows-1258"));
        assertEquals(Optional.of(Encoding.UTF8_AS_CP1252), Encoding.fromName("mojibake"));
        assertEquals(Optional.of(Encoding.VNI), Encoding.fromName("vni-win"));
        assertEquals(Optional.of(Encoding.UTF8), Encoding.fromName("utf-8"));
        assertEquals(Optional.empty(), Encoding.fromName("latin1"));
        assertEquals(Optional.empty(), Encoding.fromName(""));
        assertEquals(null, NativeAccess.staticString(NativeAccess.lib().vietref_legacy_encoding_name(8)));
    }
}
