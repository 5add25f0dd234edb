package org.vietref;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.Test;

/** A school's statement reconciled: every line status, invoices added and refused, summary and states (as tests/c/test_reconcile.c). */
public class ReconcileTest {
    static final String C1 = "HP24010172";
    static final String C2 = "HP24010269";
    static final String C3 = "HP24010366";
    static final String C4 = "HP24010463";

    static void add(Reconciler r, String code, long amount, String payer, String beneficiary) {
        try (Report rep = r.addInvoice(code, amount, payer, beneficiary, null)) {
            assertTrue(rep.findings().toString(), rep.isValid());
            assertEquals(Optional.of(code), rep.cleanedText());
        }
    }

    static Reconciler school() {
        Reconciler r = new Reconciler("HP:6");
        add(r, C1, 1_250_000, "Nguyễn Văn An", "Nguyễn Thị Bình");
        add(r, C2, 1_250_000, "Trần Văn Hùng", "Trần Minh Khoa");
        add(r, C3, 980_000, "Lê Thị Thuỷ", "Phạm Gia Huy");
        add(r, C4, 750_000, "Đỗ Thị Hoa", "Hoàng Vy");
        return r;
    }

    static void assertStatus(Status expected, Runnable call) {
        try {
            call.run();
            fail("expected " + expected);
        } catch (VietrefException e) {
            assertEquals(expected, e.statusConstant());
        }
    }

    static void assertLine(LineResult x, LineStatus status, String invoice) {
        assertEquals(x.toString(), status, x.status());
        assertEquals(Optional.ofNullable(invoice), x.invoice());
        assertFalse(x.reason().isEmpty());
        assertFalse(x.reasonVi().isEmpty());
        String code = status.name().toLowerCase(java.util.Locale.ROOT);
        assertTrue(x.json(), x.json().contains("\"status\":\"" + code + "\""));
    }

    @Test
    public void possibleTypo() {
        try (Reconciler r = school()) {
            // HP24010173 fails its check digits and is one digit away from C1 only: never applied.
            LineResult x = r.feed(2, 1_000, "HP24010173 hoc phi");
            assertEquals(LineStatus.UNMATCHED, x.status());
            assertEquals(Optional.empty(), x.suggestion());
            assertEquals(Optional.of(C1), x.possibleTypo());
            assertTrue(x.json(), x.json().contains("\"typo\":{\"typed\":\"HP24010173\",\"invoice\":\"HP24010172\",\"candidates\":1}"));
            assertTrue(x.reason(), x.reason().contains("possible typo"));
            assertEquals(Optional.empty(), r.feed(3, 1_000, "hoc phi").possibleTypo());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    public void everyLineStatus() {
        EnumSet<LineStatus> seen = EnumSet.noneOf(LineStatus.class);
        try (Reconciler r = school()) {
            LineResult x = r.feed(2, 1_250_000, "MBVCB.2427229823.174242.HP24010172 HOC PHI HK1.CT tu 1027236393");
            assertLine(x, LineStatus.PAID, C1);
            assertEquals("code HP24010172 found; 1,250,000 VND paid in full", x.reason());
            assertEquals("tìm thấy mã HP24010172; đã thanh toán đủ 1.250.000 đ", x.reasonVi());
            assertEquals(Optional.empty(), x.suggestion());
            assertTrue(x.json(), x.json().startsWith("{\"line\":2,\"status\":\"paid\",\"invoice\":\"HP24010172\","
                    + "\"suggestion\":null,\"amount\":1250000,"));
            Map<String, Object> json = (Map<String, Object>) MiniJson.parse(x.json());
            assertEquals(1250000.0, ((Map<String, Object>) json.get("evidence")).get("amountDue"));
            seen.add(x.status());

            x = r.feed(3, 500_000, "hp 2401 0269 hoc phi");
            assertLine(x, LineStatus.PARTIAL, C2);
            assertEquals("code HP24010269 found; 500,000 VND paid of 1,250,000 VND, 750,000 VND still due", x.reason());
            seen.add(x.status());
            assertLine(r.feed(4, 750_000, "HP24010269 con lai"), LineStatus.PAID, C2);

            x = r.feed(5, 100_000, "HP24010269", "FT1", null, null);
            assertLine(x, LineStatus.DUPLICATE, C2);
            assertTrue(x.json(), x.json().contains("\"settledByLine\":4"));
            assertTrue(x.json(), x.json().contains("\"reference\":\"FT1\""));
            seen.add(x.status());

            x = r.feed(6, 1_000_000, "IB HP24010366 HOC PHI");
            assertLine(x, LineStatus.OVERPAID, C3);
            assertEquals("code HP24010366 found; 1,000,000 VND paid for 980,000 VND due: 20,000 VND too much", x.reason());
            seen.add(x.status());

            x = r.feed(7, 1_250_000, "HP23999987 hoc phi hk2");
            assertLine(x, LineStatus.UNKNOWN_CODE, null);
            seen.add(x.status());
            x = r.feed(8, 2_500_000, "HP24010172 HP24010269 HOC PHI 2 CHAU");
            assertLine(x, LineStatus.AMBIGUOUS, null);
            seen.add(x.status());

            x = r.feed(9, 200_000, "ung ho quy lop");
            assertLine(x, LineStatus.UNMATCHED, null);
            assertEquals("no invoice code found in the content", x.reason());
            assertEquals(Optional.empty(), x.suggestion());
            seen.add(x.status());
            // A name (Y/I variant) and the exact amount of one open invoice: suggested, not applied.
            x = r.feed(10, 750_000, "CHUYEN TIEN HOC PHI CHO CHAU HOANG VI LOP 6A");
            assertLine(x, LineStatus.UNMATCHED, null);
            assertEquals(Optional.of(C4), x.suggestion());
            assertEquals("no invoice code found in the content; the beneficiary's name HOANG VI and the exact amount "
                    + "750,000 VND fit one open invoice, HP24010463: a suggestion for a person to confirm, not applied", x.reason());
            assertTrue(x.json(), x.json().contains("\"names\":[{\"invoice\":\"HP24010463\",\"role\":\"beneficiary\","
                    + "\"name\":\"HOANG VY\",\"observed\":\"HOANG VI\",\"source\":\"content\""));
            // The payer's name (Đỗ Thị Hoa) points to the same invoice.
            x = r.feed(11, 750_000, "DO THI HOA CHUYEN TIEN");
            assertEquals(Optional.of(C4), x.suggestion());
            assertTrue(x.reason(), x.reason().contains("the payer's name DO THI HOA"));
            assertEquals(EnumSet.allOf(LineStatus.class), seen);

            assertEquals(Optional.of("{\"code\":\"HP24010269\",\"kind\":\"payment_code\",\"amountDue\":1250000,\"paid\":1350000,"
                    + "\"payments\":3,\"outstanding\":0,\"status\":\"overpaid\"}"), r.invoiceJson("hp 2401 0269"));
            assertEquals(Optional.of("{\"code\":\"HP24010463\",\"kind\":\"payment_code\",\"amountDue\":750000,\"paid\":0,"
                    + "\"payments\":0,\"outstanding\":750000,\"status\":\"unpaid\"}"), r.invoiceJson(C4));
            assertEquals(Optional.empty(), r.invoiceJson("HP23999987"));
            assertEquals(Optional.empty(), r.invoiceJson(""));

            String summary = r.summaryJson();
            assertTrue(summary, summary.startsWith("{\"lines\":10,\"amount\":9050000,\"statuses\":[{\"status\":\"paid\",\"lines\":2,"
                    + "\"amount\":2000000},{\"status\":\"partial\",\"lines\":1,\"amount\":500000},"));
            assertTrue(summary, summary.contains("{\"status\":\"unmatched\",\"lines\":3,\"amount\":1700000}"));
            assertTrue(summary, summary.endsWith("\"invoices\":4,\"invoicesSettled\":1,\"invoicesOverpaid\":2,"
                    + "\"invoicesPartial\":0,\"invoicesUnpaid\":1,\"outstanding\":750000}"));
            Map<String, Object> s = (Map<String, Object>) MiniJson.parse(summary);
            List<Object> perStatus = (List<Object>) s.get("statuses");
            assertEquals(LineStatus.values().length, perStatus.size());
            for (LineStatus st : LineStatus.values()) {
                Map<String, Object> entry = (Map<String, Object>) perStatus.get(st.value());
                assertEquals(st.name().toLowerCase(java.util.Locale.ROOT), entry.get("status"));
            }
        }
    }

    @Test
    public void invoicesAddedAndRefused() {
        try (Reconciler r = new Reconciler("HP:6, VP:8")) {
            try (Report rep = r.addInvoice("hp 2401 0172", 1_250_000, "", "", "2024-09-15")) {
                assertTrue(rep.isValid());
                assertEquals(401, rep.findings().get(0).code());
                assertEquals(Optional.of(C1), rep.cleanedText());
            }
            // The due date, reference, date and counter name reach the line's evidence.
            LineResult late = r.feed(1, 1_250_000, C1, "FT9", "2024-09-20", "NGUYEN VAN AN");
            assertEquals("code HP24010172 found; 1,250,000 VND paid in full; paid after the due date 2024-09-15", late.reason());
            assertEquals("tìm thấy mã HP24010172; đã thanh toán đủ 1.250.000 đ; trả sau hạn 15/09/2024", late.reasonVi());
            assertTrue(late.json(), late.json().contains("\"reference\":\"FT9\",\"date\":\"2024-09-20\","));
            assertTrue(late.json(), late.json().contains("\"counterName\":\"NGUYEN VAN AN\""));
            assertTrue(late.json(), late.json().contains("\"due\":\"2024-09-15\",\"late\":true"));
            try (Report rep = r.addInvoice(C1, 5)) {
                assertFalse(rep.isValid());
                assertEquals(List.of("reconcile.invoice_duplicate"), rep.findings().stream().map(Finding::key).collect(Collectors.toList()));
                assertEquals(814, rep.findings().get(0).code());
                assertEquals(Optional.empty(), rep.cleanedText());
            }
            try (Report rep = r.addInvoice("HP24010173", 0)) {
                assertEquals(List.of(410, 803), rep.findings().stream().map(Finding::code).collect(Collectors.toList()));
            }
            try (Report rep = r.addInvoice(C2, 10_000_000_000_000L)) {
                assertEquals(804, rep.findings().get(0).code());
            }
            try (Report rep = r.addInvoice(C2, 1, null, null, "31/02/2024")) {
                assertEquals(816, rep.findings().get(0).code());
            }
            try (Report rep = r.addInvoice("AB12", 1000, "An", null, null)) {
                assertTrue(rep.isValid());
                assertEquals(815, rep.findings().get(0).code());
            }
            try {
                r.addInvoice(C3, -1);
                fail();
            } catch (IllegalArgumentException expected) {
                // uint64_t
            }
            assertEquals(Optional.empty(), r.invoiceJson(C3));
            assertTrue(r.summaryJson().contains("\"invoices\":2,"));
        }
    }

    @Test
    public void refusedLinesChangeNothing() {
        try (Reconciler r = new Reconciler()) {
            assertStatus(Status.RECONCILE_AMOUNT_INVALID, () -> r.feed(1, 0, "x"));
            assertStatus(Status.RECONCILE_AMOUNT_INVALID, () -> r.feed(1, 10_000_000_000_000L, "x"));
            for (long[] bad : new long[][] {{-1, 1}, {1, -1}}) {
                try {
                    r.feed(bad[0], bad[1], "x");
                    fail();
                } catch (IllegalArgumentException expected) {
                    // uint64_t
                }
            }
            assertTrue(r.summaryJson().startsWith("{\"lines\":0,"));
            LineResult x = r.feed(1, 1, "", "FT24", "2024-09-01", "NGUYEN VAN AN");
            assertEquals(LineStatus.UNMATCHED, x.status());
            assertTrue(x.json(), x.json().contains("\"date\":\"2024-09-01\""));
            assertTrue(x.json(), x.json().contains("\"counterName\":\"NGUYEN VAN AN\""));
            assertTrue(r.summaryJson().startsWith("{\"lines\":1,"));
        }
        assertStatus(Status.REF_SCHEMES_INVALID, () -> new Reconciler("HO:6"));
    }

    @Test
    public void closeIsIdempotentAndUseAfterCloseThrows() {
        Reconciler r = school();
        r.close();
        r.close();
        assertTrue(r.isClosed());
        for (Runnable call : List.<Runnable>of(() -> r.feed(1, 1, "x"), () -> r.addInvoice(C1, 1), r::summaryJson,
                () -> r.invoiceJson(C1))) {
            try {
                call.run();
                fail();
            } catch (IllegalStateException expected) {
                // closed
            }
        }
        for (int i = 0; i < 200; i++) {
            school().feed(1, 1_250_000, C1); // left to the Cleaner
        }
        System.gc();
    }
}
