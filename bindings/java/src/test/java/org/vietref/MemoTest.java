package org.vietref;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.Test;

/** Memo rendering, field lists, extraction and parsing, schemes, VietQR for a payment (as tests/c/test_memo.c). */
public class MemoTest {
    static final String TUITION_JSON = "{\"sector\":\"education\",\"payerName\":\"Nguyễn Văn An\","
            + "\"beneficiaryName\":\"Nguyễn Thị Bình\",\"reason\":\"Học phí học kỳ 1\",\"invoice\":\"HP7184097674\","
            + "\"amount\":1250000}";

    static List<Integer> codes(Report r) {
        return r.findings().stream().map(Finding::code).collect(Collectors.toList());
    }

    static void assertStatus(Status expected, Runnable call) {
        try {
            call.run();
            fail("expected " + expected);
        } catch (VietrefException e) {
            assertEquals(expected, e.statusConstant());
        }
    }

    static void assertFields(Report r, List<String> included, List<String> omitted, List<String> clipped) {
        assertEquals(Optional.of(included), r.memoFields(MemoList.INCLUDED));
        assertEquals(Optional.of(omitted), r.memoFields(MemoList.OMITTED));
        assertEquals(Optional.of(clipped), r.memoFields(MemoList.CLIPPED));
    }

    @Test
    public void validateWithSchemes() {
        try (Message m = Message.fromJson("{\"sector\":\"health\",\"payerName\":\"Trần Thị Mai\",\"reason\":\"Viện phí\","
                + "\"invoice\":\"vp 3728 1743 0911\"}")) {
            try (Report r = m.validate()) {
                assertEquals(List.of(400, 400, 400), codes(r));
            }
            try (Report r = m.validate("HP:8, VP:10")) {
                assertTrue(r.isValid());
                assertEquals(List.of(401), codes(r));
                assertEquals(Optional.of("{\"sector\":\"health\",\"payerName\":\"Trần Thị Mai\",\"reason\":\"Viện phí\","
                        + "\"invoice\":\"VP372817430911\"}"), r.cleanedJson());
            }
            for (String bad : new String[] {"HO:8", "HP8", "HP:13"}) {
                assertStatus(Status.REF_SCHEMES_INVALID, () -> m.validate(bad));
            }
        }
        try (Message m = Message.fromJson("{\"sector\":\"health\",\"payerName\":\"Trần Thị Mai\",\"reason\":\"Viện phí\","
                + "\"invoice\":\"VP372817430912\"}")) {
            try (Report r = m.validate("VP:10")) {
                assertFalse(r.isValid());
                assertEquals(List.of(410), codes(r));
            }
            try (Report r = m.validate(" , ")) {
                assertTrue(r.isValid());
            }
        }
    }

    @Test
    public void renderForEveryChannel() {
        try (Message m = Message.fromJson(TUITION_JSON)) {
            try (Report r = Memo.render(m, "HP:8", Channel.VIETQR)) {
                assertTrue(r.isValid());
                assertEquals(List.of(605, 604, 603, 603), codes(r));
                assertEquals(Optional.of("HP7184097674 HOC PHI HOC"), r.cleanedText());
                assertEquals(Optional.of("{\"channel\":\"vietqr\",\"budget\":25,\"text\":\"HP7184097674 HOC PHI HOC\","
                        + "\"included\":[\"invoice\",\"reason\"],\"omitted\":[\"beneficiaryName\",\"payerName\"],"
                        + "\"clipped\":[\"reason\"]}"), r.cleanedJson());
                assertFields(r, List.of("invoice", "reason"), List.of("beneficiaryName", "payerName"), List.of("reason"));
                assertTrue(r.warnings().stream().allMatch(f -> f.key().startsWith("memo.")));
            }
            try (Report r = Memo.render(m, Channel.TRANSFER)) {
                assertEquals(List.of(605, 605, 605), codes(r));
                assertEquals(Optional.of("HP7184097674 HOC PHI HOC KY 1 HS NGUYEN THI BINH PH NGUYEN VAN AN"), r.cleanedText());
                assertFields(r, List.of("invoice", "reason", "beneficiaryName", "payerName"), List.of(), List.of());
            }
            try (Report r = Memo.render(m, "", Channel.TRANSFER, 40)) {
                assertEquals(List.of(605, 605, 604, 603), codes(r));
                assertEquals(Optional.of("HP7184097674 HOC PHI HOC KY 1 HS NGUYEN"), r.cleanedText());
                assertFields(r, List.of("invoice", "reason", "beneficiaryName"), List.of("payerName"),
                        List.of("beneficiaryName"));
            }
            try (Report r = Memo.render(m, Channel.POS)) {
                assertEquals(List.of(607, 607, 607), codes(r));
                assertEquals(Optional.of("HP7184097674"), r.cleanedText());
                assertFields(r, List.of("invoice"), List.of("reason", "beneficiaryName", "payerName"), List.of());
            }
            try (Report r = Memo.render(m, Channel.VIETQR_BILL)) {
                assertEquals(Optional.of("HP7184097674"), r.cleanedText());
            }
            try (Report r = Memo.render(m, Channel.MOBILE_MONEY)) {
                assertEquals(Optional.of("HP7184097674 HOC PHI HOC KY 1 HS NGUYEN THI BINH"), r.cleanedText());
            }
            try (Report r = Memo.render(m, Channel.ISO20022)) {
                String json = r.cleanedJson().get();
                assertTrue(json, json.contains("\"xml\":\"<RmtInf><Ustrd>HP7184097674 HOC PHI HOC KY 1 HS NGUYEN THI BINH "
                        + "PH NGUYEN VAN AN</Ustrd></RmtInf>\"}"));
                assertFalse(json.contains("creditorReference"));
            }
            assertStatus(Status.REF_SCHEMES_INVALID, () -> Memo.render(m, "HP", Channel.POS));
            try {
                Memo.render(m, "", Channel.POS, -1);
                fail();
            } catch (IllegalArgumentException expected) {
                // size_t
            }
        }
        try (Message m = Message.fromJson("{\"sector\":\"health\",\"payerName\":\"Trần Thị Mai\",\"reason\":\"Viện phí\","
                + "\"invoice\":\"RF18 5390 0754 7034\"}"); Report r = Memo.render(m, Channel.ISO20022)) {
            String json = r.cleanedJson().get();
            assertTrue(json, json.contains("\"creditorReference\":\"RF18539007547034\""));
            assertTrue(json, json.contains("<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp>"
                    + "<Ref>RF18539007547034</Ref></CdtrRefInf></Strd>"));
        }
    }

    @Test
    public void renderForACustomChannel() {
        try (Message m = Message.fromJson(TUITION_JSON)) {
            try (Report r = Memo.renderCustom(m, "mybank", "A-Z0-9 ", 30)) {
                assertTrue(r.isValid());
                String text = r.cleanedText().get();
                assertEquals("HP7184097674 HOC PHI HOC KY 1", text);
                assertTrue(text, text.length() <= 30 && text.equals(text.toUpperCase(Locale.ROOT)));
                assertTrue(text, text.matches("[A-Z0-9 ]+") && text.startsWith("HP7184097674"));
                assertTrue(r.cleanedJson().get().startsWith("{\"channel\":\"mybank\",\"budget\":30,"));
                assertFields(r, List.of("invoice", "reason"), List.of("beneficiaryName", "payerName"), List.of());
            }
            try (Report r = Memo.renderCustom(m, "HP:8", "wide", "A-Za-z0-9 .", 200, false)) {
                assertEquals(Optional.of("HP7184097674 HOC PHI HOC KY 1 HS NGUYEN THI BINH PH NGUYEN VAN AN"), r.cleanedText());
            }
            try (Report r = Memo.renderCustom(m, "", "bill", "A-Z0-9", 30, true)) {
                assertTrue(r.isValid());
                assertEquals(Optional.of("HP7184097674"), r.cleanedText());
                assertEquals(List.of(607, 607, 607), codes(r));
                assertFields(r, List.of("invoice"), List.of("reason", "beneficiaryName", "payerName"), List.of());
            }
            try (Report c = Memo.renderCustom(m, "like-vietqr", "A-Z0-9 ", 25); Report v = Memo.render(m, Channel.VIETQR)) {
                assertEquals(v.cleanedText(), c.cleanedText());
            }
            // A set without the code's letters, a budget shorter than the code: reports with errors.
            try (Report r = Memo.renderCustom(m, "lower", "a-z ", 30)) {
                assertFalse(r.isValid());
                assertEquals(Optional.empty(), r.cleanedText());
                assertTrue(r.errors().stream().anyMatch(f -> f.key().equals("memo.invoice_charset")));
                assertEquals(Optional.empty(), r.memoFields(MemoList.INCLUDED));
            }
            try (Report r = Memo.renderCustom(m, "short", "A-Z0-9", 5)) {
                assertEquals("memo.invoice_too_long", r.findings().get(0).key());
            }
            // Arguments.
            String[][] bad = {{"x", "", "30"}, {"x", "A-Z", "0"}, {"", "A-Z", "30"}, {"x", "Z-A", "30"}, {"x", "A-Zđ", "30"}};
            for (String[] b : bad) {
                try {
                    Memo.renderCustom(m, b[0], b[1], Integer.parseInt(b[2])).close();
                    fail("accepted " + String.join("|", b));
                } catch (VietrefException e) {
                    assertEquals(Status.INVALID_ARGUMENT, e.statusConstant());
                    assertEquals("vietref_memo_render_custom", e.context());
                }
            }
            assertStatus(Status.REF_SCHEMES_INVALID, () -> Memo.renderCustom(m, "HP", "x", "A-Z0-9", 30, false));
            try {
                Memo.renderCustom(m, "x", "A-Z", -1);
                fail();
            } catch (IllegalArgumentException expected) {
                // size_t
            }
        }
    }

    @Test
    public void invalidRenderingsAndOtherReports() {
        // A 30-character code does not fit 25: memo.invoice_too_long (600), an error; no text, no lists.
        try (Message m = Message.fromJson("{\"sector\":\"health\",\"payerName\":\"Trần Thị Mai\",\"reason\":\"Viện phí\","
                + "\"invoice\":\"ABCDEFGHJKMNPQRSTUVWXYZ1234567\"}"); Report r = Memo.render(m, Channel.VIETQR)) {
            assertFalse(r.isValid());
            assertEquals(600, r.findings().get(0).code());
            assertEquals("memo.invoice_too_long", r.findings().get(0).key());
            assertEquals(Optional.empty(), r.cleanedText());
            for (MemoList list : MemoList.values()) {
                assertEquals(Optional.empty(), r.memoFields(list));
            }
        }
        // An invalid message: its findings only (education without a beneficiary, 300).
        try (Message m = Message.fromJson("{\"sector\":\"education\",\"payerName\":\"An\",\"reason\":\"Học phí\","
                + "\"invoice\":\"HP1\"}"); Report r = Memo.render(m, Channel.TRANSFER)) {
            assertFalse(r.isValid());
            assertEquals(List.of(300), codes(r));
        }
        try (Report r = Text.check("An")) {
            assertStatus(Status.WRONG_KIND, () -> r.memoFields(MemoList.INCLUDED));
        }
        try (Message m = Message.fromJson(TUITION_JSON); Report r = m.validate()) {
            assertStatus(Status.WRONG_KIND, () -> r.memoFields(MemoList.OMITTED));
        }
    }

    @Test
    public void renderedMemosGiveTheirCodeBack() {
        String[] mangle = {"%s", "MBVCB.2427229823.174242.%s.CT tu 1027236393", "IB %s", "Chuyển khoản: %s – cảm ơn"};
        try (Message m = Message.fromJson(TUITION_JSON)) {
            for (Channel channel : Channel.values()) {
                String memo;
                try (Report r = Memo.render(m, "HP:8", channel)) {
                    assertTrue(channel + ": " + r.findings(), r.isValid());
                    memo = r.cleanedText().get();
                    assertEquals(Optional.of("invoice"), r.memoFields(MemoList.INCLUDED).map(l -> l.get(0)));
                }
                for (String form : new String[] {memo, memo.toLowerCase(Locale.ROOT), memo.replace("HP7184097674", "HP 7184 0976 74")}) {
                    for (String pattern : mangle) {
                        String line = String.format(pattern, form);
                        List<Candidate> found = Memo.extract(line, "HP:8");
                        assertEquals(line, 1, found.size());
                        Candidate c = found.get(0);
                        assertEquals("HP7184097674", c.code());
                        assertEquals(RefKind.CODE, c.kind());
                        // The span is the code as written, as a String index even after non-ASCII text.
                        assertEquals(line.indexOf(form.substring(0, 2)), c.start());
                        assertEquals("HP7184097674", line.substring(c.start(), c.end()).replace(" ", "").toUpperCase(Locale.ROOT));
                        assertEquals(line.substring(0, c.start()).getBytes(StandardCharsets.UTF_8).length, c.byteStart());
                        assertEquals(line.substring(0, c.end()).getBytes(StandardCharsets.UTF_8).length, c.byteEnd());
                        String parsed = Memo.parse(line, "HP:8");
                        assertTrue(parsed, parsed.startsWith("{\"invoice\":{\"code\":\"HP7184097674\",\"kind\":\"payment_code\","));
                    }
                }
            }
        }
    }

    @Test
    public void extractCandidates() {
        String line = "CT DEN:0123 MBVCB.456 hp 7184 0976 74 NGUYEN VAN AN; TT RF18 5390 0754 7034 GD 9";
        int hp = line.indexOf("hp 7184");
        int rf = line.indexOf("RF18");
        List<Candidate> found = Memo.extract(line, "HP:8");
        assertEquals(List.of(new Candidate("HP7184097674", RefKind.CODE, hp, hp + 15, hp, hp + 15),
                new Candidate("RF18539007547034", RefKind.RF, rf, rf + 19, rf, rf + 19)), found);
        assertEquals("[{\"code\":\"HP7184097674\",\"kind\":\"payment_code\",\"start\":" + hp + ",\"end\":" + (hp + 15) + "},"
                + "{\"code\":\"RF18539007547034\",\"kind\":\"rf\",\"start\":" + rf + ",\"end\":" + (rf + 19) + "}]",
                Memo.extractJson(line, "HP:8"));
        // Without the scheme only the RF reference; in empty text nothing; a wrong check digit is no candidate.
        assertEquals(List.of("RF18539007547034"),
                Memo.extract(line, "").stream().map(Candidate::code).collect(Collectors.toList()));
        assertEquals(List.of(), Memo.extract("", "HP:8"));
        assertEquals("[]", Memo.extractJson("", "HP:8"));
        assertEquals(List.of(), Memo.extract("HP 7184 0976 75", "HP:8"));
        // Byte and String offsets differ after Vietnamese text (and after a character outside the BMP).
        String vi = "Đóng học phí 😀 cho cháu hp 7184 0976 74";
        Candidate c = Memo.extract(vi, "HP:8").get(0);
        assertEquals(vi.indexOf("hp"), c.start());
        assertEquals(vi.length(), c.end());
        assertEquals(vi.getBytes(StandardCharsets.UTF_8).length, c.byteEnd());
        assertNotEquals(c.start(), c.byteStart());
        assertStatus(Status.REF_SCHEMES_INVALID, () -> Memo.extract("x", "HP:99"));
        assertStatus(Status.REF_SCHEMES_INVALID, () -> Memo.extractJson("x", "HP:99"));
    }

    @Test
    public void manyCandidatesInVietnameseText() {
        StringBuilder sb = new StringBuilder();
        List<String> codes = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String code = References.create("HP", String.format("%08d", 10_000_000 + i * 7919));
            codes.add(code);
            sb.append(i % 3 == 0 ? "Đóng tiền 😀 " : "học phí ").append(References.format(RefKind.CODE, code)).append("; ");
        }
        String text = sb.toString();
        List<Candidate> found = Memo.extract(text, "HP:8");
        assertEquals(codes, found.stream().map(Candidate::code).collect(Collectors.toList()));
        for (Candidate c : found) {
            assertEquals(References.format(RefKind.CODE, c.code()), text.substring(c.start(), c.end()));
        }
    }

    @Test
    public void envelope() {
        String line = "020097041509102116392024xEHP811545.78219 .115520.NGUYEN VAN AN chuyen tien";
        String json = Memo.envelope(line);
        assertTrue(json, json.contains("\"shape\":\"napas247\""));
        assertTrue(json, json.contains("\"senderName\":{\"text\":\"NGUYEN VAN AN\",\"span\":[49,62]}"));
        assertTrue(json, json.contains("\"free\":[{\"text\":\"chuyen tien\",\"span\":[63,74]}]"));
        assertEquals("[]", Memo.extractJson(line, "HP:8"));
    }

    @Test
    public void parse() {
        String full = "{\"invoice\":{\"code\":\"HP7184097674\",\"kind\":\"payment_code\",\"start\":0,\"end\":12},"
                + "\"reason\":\"HOC PHI HOC KY 1\",\"beneficiary\":\"NGUYEN THI BINH\",\"payer\":\"NGUYEN VAN AN\","
                + "\"sector\":\"education\"}";
        String memo = "HP7184097674 HOC PHI HOC KY 1 HS NGUYEN THI BINH PH NGUYEN VAN AN";
        assertEquals(full, Memo.parse(memo, "HP:8"));
        assertEquals(full, Memo.parse(memo, ""));
        assertEquals("{\"invoice\":null,\"reason\":null,\"beneficiary\":null,\"payer\":null,\"sector\":null}",
                Memo.parse("", ""));
        assertStatus(Status.REF_SCHEMES_INVALID, () -> Memo.parse("x", "X:8"));
        assertStatus(Status.REF_SCHEMES_INVALID, () -> Memo.parse("x", "HP:"));
    }

    @Test
    public void vietQrForPayment() {
        String payload = "00020101021238570010A00000072701270006970436011300110012345670208QRIBFTTA5303704540712500005802VN"
                + "62440112HP71840976740824HP7184097674 HOC PHI HOC63043E06";
        try (Message m = Message.fromJson(TUITION_JSON)) {
            try (Report r = VietQr.forPayment(m, "HP:8", "970436", "0011001234567")) {
                assertTrue(r.isValid());
                assertEquals(List.of(605, 604, 603, 603), codes(r));
                assertEquals(Optional.of(payload), r.cleanedText());
            }
            try (Report r = VietQr.forPayment(m, "", "97043", "0011001234567")) {
                assertFalse(r.isValid());
                assertEquals(517, r.findings().get(4).code());
            }
            assertStatus(Status.REF_SCHEMES_INVALID, () -> VietQr.forPayment(m, "HP", "970436", "1"));
        }
        try (Report d = VietQr.decode(payload); VietQr q = d.toVietQr().get()) {
            assertEquals(List.of(new Candidate("HP7184097674", RefKind.CODE, 0, 12, 0, 12)), q.paymentCodes("HP:8"));
            assertEquals(List.of(), q.paymentCodes(""));
            assertStatus(Status.REF_SCHEMES_INVALID, () -> q.paymentCodes("HP:5"));
        }
        try (Message m = Message.fromJson("{\"sector\":\"education\",\"payerName\":\"An\",\"reason\":\"Học phí\","
                + "\"invoice\":\"HP1\"}"); Report r = VietQr.forPayment(m, "", "970436", "1")) {
            assertEquals(List.of(300), codes(r));
        }
    }
}
