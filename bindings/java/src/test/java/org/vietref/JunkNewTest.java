package org.vietref;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.Test;

/**
 * Junk input to the references, memo, legacy and reconciliation functions: null, lone
 * surrogates (invalid UTF-8), invalid bytes, empty, 1 MB. Each call returns, or throws
 * NullPointerException / VietrefException; nothing crashes.
 */
public class JunkNewTest {
    static final String[] BAD_UTF16 = {"\ud800", "HP\udce1", "\udc00\ud800", "a\ud83d"};

    static Message tuition() {
        return Message.fromJson(MemoTest.TUITION_JSON);
    }

    /** Every function whose String argument is required. */
    static List<Function<String, Object>> required(Reconciler r, VietQr q, Message m) {
        return Arrays.asList(
                s -> References.create(s, "71840976"), s -> References.create("HP", s), References::createRf,
                s -> References.create(RefKind.CODE, s, "1"),
                s -> References.createMessage(RefKind.CODE, s, "1", Lang.EN),
                s -> References.createMessage(RefKind.CODE, "HP", s, Lang.VI),
                s -> References.validate(RefKind.RF, s), s -> References.validateMessage(RefKind.CODE, s, Lang.EN),
                s -> References.format(RefKind.MST, s), s -> References.compact(RefKind.CODE, s),
                s -> References.isValid(RefKind.EINVOICE, s),
                m::validate, s -> Memo.render(m, s, Channel.VIETQR), s -> Memo.render(m, s, Channel.TRANSFER, 40),
                s -> Memo.renderCustom(m, s, "A-Z0-9 ", 30), s -> Memo.renderCustom(m, "x", s, 30),
                s -> Memo.renderCustom(m, s, "x", "A-Z0-9 ", 30, false),
                s -> Memo.extract(s, "HP:8"), s -> Memo.extract("HP7184097674", s), s -> Memo.extractJson(s, ""),
                s -> Memo.extractJson("", s), s -> Memo.parse(s, ""), s -> Memo.parse("", s),
                s -> VietQr.forPayment(m, s, "970436", "1"), s -> VietQr.forPayment(m, "", s, "1"),
                s -> VietQr.forPayment(m, "", "970436", s), q::paymentCodes,
                s -> Legacy.encode(s, Encoding.TCVN3), s -> Legacy.encode(s, Encoding.UTF8, true),
                s -> Legacy.encodeError(s, Encoding.VNI, false), Legacy::repairMojibake, Encoding::fromName,
                Reconciler::new, s -> r.addInvoice(s, 1), s -> r.feed(1, 1, s), r::invoiceJson);
    }

    /** Every function whose String argument is optional: null is "not given". */
    static List<Function<String, Object>> optional(Reconciler r) {
        return Arrays.asList(
                s -> r.addInvoice("ZZ99", 1, s, "", ""), s -> r.addInvoice("ZZ98", 1, "", s, ""),
                s -> r.addInvoice("ZZ97", 1, "", "", s),
                s -> r.feed(1, 1, "x", s, "", ""), s -> r.feed(1, 1, "x", "", s, ""), s -> r.feed(1, 1, "x", "", "", s),
                s -> r.addInvoicesCsv("code,amount\n", s),
                s -> r.feedStatement("date,amount,content\n", StatementFormat.CSV, s, ResultsFormat.JSON_LINES));
    }

    static List<Function<byte[], Object>> bytes() {
        List<Function<byte[], Object>> fns = new ArrayList<>();
        for (Encoding e : Encoding.values()) {
            fns.add(b -> Legacy.decode(b, e));
            fns.add(b -> Legacy.decodeError(b, e));
            fns.add(b -> Legacy.detect(b, e));
        }
        fns.add(Legacy::detect);
        return fns;
    }

    static VietQr qr() {
        try (Report d = VietQr.decode("00020101021238570010A00000072701270006970436011300110012345670208QRIBFTTA5303704"
                + "540712500005802VN62440112HP71840976740824HP7184097674 HOC PHI HOC63043E06")) {
            return d.toVietQr().get();
        }
    }

    @Test
    public void nullIsANullPointerException() {
        try (Reconciler r = new Reconciler("HP:8"); VietQr q = qr(); Message m = tuition()) {
            List<Function<String, Object>> fns = required(r, q, m);
            for (int i = 0; i < fns.size(); i++) {
                try {
                    fns.get(i).apply(null);
                    fail("function " + i + " accepted null");
                } catch (NullPointerException expected) {
                    // the language's null-argument exception
                }
            }
            List<Function<byte[], Object>> bfns = bytes();
            for (int i = 0; i < bfns.size(); i++) {
                try {
                    bfns.get(i).apply(null);
                    fail("bytes function " + i + " accepted null");
                } catch (NullPointerException expected) {
                    // the language's null-argument exception
                }
            }
            for (Runnable call : List.<Runnable>of(() -> Legacy.decode(new byte[0], null), () -> Memo.render(null, Channel.POS),
                    () -> Memo.renderCustom(null, "x", "A-Z", 30),
                    () -> Memo.render(m, null), () -> References.validate(null, "x"), () -> r.addInvoice("ZZ90", 1, null, null, null)
                            .memoFields(null), () -> VietQr.forPayment(null, "", "970436", "1"),
                    () -> r.addInvoicesCsv((byte[]) null), () -> r.addInvoicesCsv((String) null, ""),
                    () -> r.feedStatement((byte[]) null), () -> r.feedStatement((String) null, StatementFormat.CSV, "", ResultsFormat.CSV),
                    () -> r.feedStatement(new byte[0], (StatementFormat) null),
                    () -> r.feedStatement(new byte[0], StatementFormat.JSON, "", null))) {
                try {
                    call.run();
                    fail("null accepted");
                } catch (NullPointerException expected) {
                    // the language's null-argument exception
                }
            }
            // Optional texts: null is not given.
            for (Function<String, Object> fn : optional(r)) {
                Object x = fn.apply(null);
                if (x instanceof Report) {
                    ((Report) x).close();
                }
            }
        }
    }

    @Test
    public void loneSurrogatesAreInvalidUtf8() {
        try (Reconciler r = new Reconciler("HP:8"); VietQr q = qr(); Message m = tuition()) {
            List<Function<String, Object>> fns = new ArrayList<>(required(r, q, m));
            fns.addAll(optional(r));
            for (String junk : BAD_UTF16) {
                for (int i = 0; i < fns.size(); i++) {
                    try {
                        fns.get(i).apply(junk);
                        fail("function " + i + " accepted a lone surrogate");
                    } catch (VietrefException e) {
                        assertEquals(Status.INVALID_UTF8, e.statusConstant());
                    }
                }
            }
            assertTrue(r.summaryJson(), r.summaryJson().startsWith("{\"lines\":0,"));
        }
    }

    @Test
    public void invalidAndRandomBytes() {
        byte[][] bad = {{(byte) 0xFF}, {'a', (byte) 0xC3}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0x80}};
        for (byte[] b : bad) {
            try {
                Legacy.decode(b, Encoding.UTF8);
                fail();
            } catch (VietrefException e) {
                assertEquals(Status.LEGACY_INVALID_UTF8, e.statusConstant());
            }
            assertTrue(Legacy.decodeError(b, Encoding.UTF8).get().startsWith("{\"kind\":\"invalid_utf8\""));
            Detection d = Legacy.detect(b);
            assertTrue(d.confidence() >= 0 && d.confidence() <= 1000);
        }
        Random random = new Random(42);
        for (int n = 0; n < 300; n++) {
            byte[] b = new byte[random.nextInt(48)];
            random.nextBytes(b);
            Detection d = Legacy.detect(b);
            assertTrue(d.confidence() >= 0 && d.confidence() <= 1000);
            for (Encoding e : Encoding.values()) {
                try {
                    Legacy.decode(b, e);
                    assertEquals(Optional.empty(), Legacy.decodeError(b, e));
                } catch (VietrefException ex) {
                    assertTrue(ex.toString(), ex.status() >= 600 && ex.status() <= 603);
                    assertTrue(Legacy.decodeError(b, e).isPresent());
                }
            }
        }
    }

    @Test
    public void empty() {
        for (RefKind kind : new RefKind[] {RefKind.CODE, RefKind.RF, RefKind.EINVOICE, RefKind.MST}) {
            try {
                References.validate(kind, "");
                fail();
            } catch (VietrefException e) {
                assertEquals(Status.REF_EMPTY, e.statusConstant());
            }
            assertFalse(References.isValid(kind, ""));
        }
        assertEquals(List.of(), Memo.extract("", ""));
        assertEquals(Optional.empty(), Legacy.repairMojibake(""));
        assertEquals(0, Legacy.encode("", Encoding.TCVN3).bytes().length);
        assertEquals("", Legacy.detect(new byte[0], Encoding.VNI).text());
        try (Reconciler r = new Reconciler(""); Report rep = r.addInvoice("", 1)) {
            assertFalse(rep.isValid());
            assertEquals(LineStatus.UNMATCHED, r.feed(1, 1, "").status());
            for (byte[] data : new byte[][] {{}, {0}, {'\n'}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}}) {
                try (AddInvoicesResult x = r.addInvoicesCsv(data)) {
                    assertEquals(0, x.added());
                    assertFalse(x.report().errors().isEmpty());
                }
                for (StatementFormat f : StatementFormat.values()) {
                    for (ResultsFormat rf : ResultsFormat.values()) {
                        try (FeedStatementResult x = r.feedStatement(data, f, "", rf)) {
                            assertTrue(x.results() != null && x.report().size() >= 0);
                        }
                    }
                }
            }
            try (FeedStatementResult x = r.feedStatement("", StatementFormat.CSV, null, ResultsFormat.JSON_LINES)) {
                assertEquals("", x.results());
            }
        }
        try (Message m = new Message(); Report rep = Memo.render(m, "", Channel.TRANSFER)) {
            assertFalse(rep.isValid());
            assertEquals(Optional.empty(), rep.memoFields(MemoList.INCLUDED));
        }
    }

    @Test
    public void oneMegabyte() {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 1024 * 1024) {
            sb.append("Chuyển khoản học phí ");
        }
        String big = sb.toString();
        String line = big + "hp 7184 0976 74";
        List<Candidate> found = Memo.extract(line, "HP:8");
        assertEquals(1, found.size());
        assertEquals(big.length(), found.get(0).start());
        assertEquals(line.length(), found.get(0).end());
        assertTrue(Memo.parse(line, "HP:8").contains("HP7184097674"));
        try {
            References.validate(RefKind.CODE, big);
            fail();
        } catch (VietrefException e) {
            assertTrue(e.toString(), e.status() >= 300 && e.status() <= 305);
        }
        assertFalse(References.isValid(RefKind.RF, big));
        assertTrue(References.validateMessage(RefKind.MST, big, Lang.VI).isPresent());

        byte[] tcvn3 = Legacy.encode(big, Encoding.TCVN3).bytes();
        assertEquals(big, Legacy.decode(tcvn3, Encoding.TCVN3));
        Detection d = Legacy.detect(tcvn3);
        assertEquals(Encoding.TCVN3, d.encoding());
        assertEquals(big, d.text());
        assertEquals(Optional.empty(), Legacy.repairMojibake(big));
        byte[] mojibake = Legacy.encode(big, Encoding.UTF8_AS_CP1252).bytes();
        assertEquals(Optional.of(big), Legacy.repairMojibake(new String(mojibake, StandardCharsets.UTF_8)));

        try (Reconciler r = new Reconciler("HP:8")) {
            try (Report rep = r.addInvoice("HP7184097674", 1_250_000, big, big, null)) {
                assertTrue(rep.isValid() || !rep.errors().isEmpty());
            }
            try (Report rep = r.addInvoice(big, 1)) {
                assertFalse(rep.isValid());
            }
            LineResult x = r.feed(1, 1_250_000, line, big, big, big);
            assertEquals(LineStatus.PAID, x.status());
            assertEquals(Optional.of("HP7184097674"), x.invoice());
            assertEquals(Optional.empty(), r.invoiceJson(big));
            try (AddInvoicesResult a = r.addInvoicesCsv(big, null)) {
                assertEquals(0, a.added());
                assertFalse(a.report().isValid());
            }
            try (AddInvoicesResult a = r.addInvoicesCsv("code,amount\nHP7184097674," + big + "\n", big)) {
                assertEquals(0, a.added());
                assertFalse(a.report().isValid());
            }
            for (StatementFormat f : StatementFormat.values()) {
                try (FeedStatementResult a = r.feedStatement(big, f, null, ResultsFormat.CSV)) {
                    assertFalse(a.report().isValid());
                }
            }
            // a record of more than 1 MiB is rejected (reconcile.record_too_long); the next one is fed
            try (FeedStatementResult a = r.feedStatement("date,amount,content\n,1000,\"" + big + "\"\n,1000,HP7184097674\n",
                    StatementFormat.CSV, null, ResultsFormat.JSON_LINES)) {
                assertEquals("2 reconcile.record_too_long", a.report().errors().stream().map(f -> f.field() + " " + f.key())
                        .collect(java.util.stream.Collectors.joining("|")));
                assertTrue(a.results(), a.results().startsWith("{\"line\":3,"));
            }
        }
        try (Message m = tuition().setReason(big); Report rep = Memo.render(m, "HP:8", Channel.TRANSFER)) {
            assertTrue(rep.isValid() || !rep.errors().isEmpty());
        }
        try (Message m = tuition().setReason(big); Report rep = Memo.renderCustom(m, "HP:8", big, "A-Z0-9 ", Integer.MAX_VALUE, false)) {
            assertFalse(rep.isValid());
            assertEquals(Optional.empty(), rep.cleanedText());
        }
    }
}
