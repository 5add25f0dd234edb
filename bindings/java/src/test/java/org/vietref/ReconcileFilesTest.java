package org.vietref;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.Test;

/** Whole files held in memory: the bundled examples/reconcile invoices and statements read and fed at once. */
public class ReconcileFilesTest {
    /** A bundled file of examples/reconcile (the repository's, next to tests/data). */
    static byte[] example(String name) throws IOException {
        return Files.readAllBytes(TestData.dataDir().resolve("../../examples/reconcile").resolve(name).normalize());
    }

    static Reconciler loaded() throws IOException {
        Reconciler r = new Reconciler("HP:6");
        try (AddInvoicesResult x = r.addInvoicesCsv(example("invoices.csv"))) {
            assertEquals(13, x.added());
            assertTrue(x.report().isValid());
        }
        return r;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(String json) {
        return (Map<String, Object>) MiniJson.parse(json);
    }

    static long num(Map<String, Object> o, String key) {
        return ((Double) o.get(key)).longValue();
    }

    static List<Map<String, Object>> rows(String jsonLines) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String l : jsonLines.split("\n")) {
            if (!l.isEmpty()) {
                out.add(obj(l));
            }
        }
        return out;
    }

    static String fields(List<Finding> fs) {
        return fs.stream().map(f -> f.field() + " " + f.key()).collect(Collectors.joining("|"));
    }

    @Test
    public void addInvoicesCsvAddsTheBundledList() throws IOException {
        try (Reconciler r = new Reconciler("HP:6")) {
            try (AddInvoicesResult x = r.addInvoicesCsv(example("invoices.csv"))) {
                assertEquals(13, x.added());
                assertTrue(x.report().isValid());
                assertEquals(Optional.of("13"), x.report().cleanedText());
                assertEquals("14:code invoice.normalized", fields(x.report().findings()));
                assertEquals(Severity.WARNING, x.report().findings().get(0).severity());
            }
            assertEquals(13, num(obj(r.summaryJson()), "invoices"));
            Map<String, Object> inv = obj(r.invoiceJson("HP 2401 0366").get());
            assertEquals("HP24010366", inv.get("code"));
            assertEquals(1_250_000, num(inv, "amountDue"));
            assertEquals(750_000, num(obj(r.invoiceJson("HP24010657").get()), "amountDue"));
            // the same list again, as text: every record a duplicate (814), nothing added
            try (AddInvoicesResult x = r.addInvoicesCsv(new String(example("invoices.csv"), StandardCharsets.UTF_8), null)) {
                assertEquals(0, x.added());
                assertFalse(x.report().isValid());
                assertEquals(Optional.empty(), x.report().cleanedText());
                assertEquals(IntStream.range(2, 15).mapToObj(i -> i + ":code=814").collect(Collectors.joining(",")),
                        x.report().errors().stream().map(f -> f.field() + "=" + f.code()).collect(Collectors.joining(",")));
            }
        }
    }

    /** Issue 19's "done when": the school's XLSX invoices and the bank's XLSX statement. */
    @Test
    public void theSchoolAndBankWorkbooks() throws IOException {
        try (Reconciler r = new Reconciler("HP:8")) {
            try (AddInvoicesResult x = r.addInvoices(example("hoc_phi.xlsx"), StatementFormat.JSON, null)) {
                fail("JSON is no invoice format");
            } catch (VietrefException e) {
                assertEquals(Status.INVALID_ARGUMENT, e.statusConstant());
            }
            try (AddInvoicesResult x = r.addInvoices(example("hoc_phi.xlsx"), StatementFormat.XLSX, null)) {
                assertEquals(7, x.added());
                assertTrue(x.report().isValid());
                assertEquals("1 reconcile.row_skipped|2 reconcile.row_skipped|12 reconcile.row_skipped",
                        fields(x.report().warnings()));
            }
            try (FeedStatementResult x = r.feedStatement(example("sao_ke_vcb.xlsx"), StatementFormat.XLSX, null,
                    ResultsFormat.JSON_LINES)) {
                assertEquals("9 paid HP2409010192|10 partial HP2409010289|11 overpaid HP2409010386|12 paid HP2409010483|"
                        + "13 paid HP2409010580|15 unmatched null|16 duplicate HP2409010192|17 unmatched null",
                        rows(x.results()).stream().map(o -> num(o, "line") + " " + o.get("status") + " " + o.get("invoice"))
                                .collect(Collectors.joining("|")));
            }
        }
    }

    @Test
    public void addInvoicesCsvReportsEachRecord() {
        try (Reconciler r = new Reconciler("HP:6")) {
            try (AddInvoicesResult x = r.addInvoicesCsv("code,amount\nHP24010172,abc\n", "")) {
                assertEquals(0, x.added());
                assertFalse(x.report().isValid());
                assertEquals("2:amount reconcile.amount_invalid", fields(x.report().findings()));
                assertTrue(x.report().findings().get(0).isError());
            }
            assertEquals(0, num(obj(r.summaryJson()), "invoices"));
            String data = "Mã HĐ;Phải thu\nHP24010172;1.250.000\nHP24010173;5\nHP24010269;980000\n";
            try (AddInvoicesResult x = r.addInvoicesCsv(data, "code=Mã HĐ,amount=Phải thu")) {
                assertEquals(2, x.added());
                assertEquals("3:Mã HĐ=410", x.report().errors().stream().map(f -> f.field() + "=" + f.code())
                        .collect(Collectors.joining(",")));
            }
            try (AddInvoicesResult x = r.addInvoicesCsv("code,amount\nHP24010463,1\n", "nonsense")) {
                assertEquals(0, x.added());
                assertEquals("columns", x.report().errors().get(0).field());
            }
            assertEquals(2, num(obj(r.summaryJson()), "invoices"));
        }
    }

    @Test
    public void feedStatementCsv() throws IOException {
        try (Reconciler r = loaded(); Reconciler byLine = loaded(); FeedStatementResult x = r.feedStatement(example("statement.csv"))) {
            assertTrue(x.results().endsWith("\n"));
            List<Map<String, Object>> rows = rows(x.results());
            assertEquals(16, rows.size());
            for (Map<String, Object> row : rows) {
                assertTrue(row.toString(), row.containsKey("line") && row.containsKey("status") && row.containsKey("invoice"));
            }
            Map<String, Object> line12 = rows.stream().filter(o -> num(o, "line") == 12).findFirst().get();
            assertEquals("paid", line12.get("status"));
            assertEquals("HP24010851", line12.get("invoice"));
            assertEquals("duplicate", rows.stream().filter(o -> num(o, "line") == 6).findFirst().get().get("status"));
            assertFalse(rows.stream().anyMatch(o -> num(o, "line") == 17));
            Map<String, Object> s = obj(r.summaryJson());
            assertTrue(x.report().isValid());
            assertEquals(Optional.of(String.valueOf(rows.size())), x.report().cleanedText());
            List<Finding> skipped = x.report().warnings().stream().filter(f -> f.key().equals("reconcile.outgoing_skipped"))
                    .collect(Collectors.toList());
            assertEquals(num(s, "skipped"), skipped.size());
            assertEquals("17:amount", skipped.get(0).field());
            assertEquals(rows.size(), num(s, "lines"));
            // line 12 is what feeding that record on its own gives
            LineResult one = byLine.feed(12, 1_250_000, "HP 2401 0851 HOC PHI HK1 HS BUI THI M", "FT24253011",
                    "2024-09-09 08:12:00", "BUI VAN TIEN");
            assertEquals(x.results().split("\n")[10], one.json());
        }
        try (Reconciler r = loaded(); FeedStatementResult x = r.feedStatement(
                new String(example("statement.csv"), StandardCharsets.UTF_8), StatementFormat.CSV, "", ResultsFormat.CSV)) {
            assertTrue(x.results(), x.results().startsWith("line,status,invoice,"));
            String[] lines = x.results().split("\r\n", -1);
            assertEquals("", lines[lines.length - 1]);
            assertTrue(lines[1], lines[1].startsWith("2,paid,HP24010172,"));
            assertTrue(lines[2], lines[2].startsWith("3,partial,"));
        }
    }

    @Test
    public void feedStatementJson() throws IOException {
        try (Reconciler r = loaded(); FeedStatementResult x = r.feedStatement(example("statement.jsonl"), StatementFormat.JSON_LINES)) {
            List<Map<String, Object>> rows = rows(x.results());
            Map<String, Object> s = obj(r.summaryJson());
            assertTrue(x.report().isValid());
            assertEquals(num(s, "lines"), rows.size());
            assertTrue(num(s, "skipped") > 0);
            assertEquals(num(s, "skipped"), x.report().warnings().stream().filter(f -> f.key().equals("reconcile.outgoing_skipped")).count());
            Pattern lineColumn = Pattern.compile("\\d+:\\w+");
            assertTrue(x.report().findings().stream().allMatch(f -> lineColumn.matcher(f.field()).matches()));
        }
        // a JSON array of the same objects: the same results, numbered by position
        String array = "[" + new String(example("statement.jsonl"), StandardCharsets.UTF_8).lines()
                .filter(l -> !l.isBlank()).collect(Collectors.joining(",")) + "]";
        try (Reconciler a = loaded(); Reconciler b = loaded();
                FeedStatementResult x = a.feedStatement(example("statement.jsonl"), StatementFormat.JSON_LINES);
                FeedStatementResult y = b.feedStatement(array, StatementFormat.JSON, null, ResultsFormat.JSON_LINES)) {
            assertEquals(x.results().replaceAll("(?m)^\\{\"line\":\\d+,", "{"), y.results().replaceAll("(?m)^\\{\"line\":\\d+,", "{"));
            assertEquals(x.report().size(), y.report().size());
        }
    }

    @Test
    public void feedStatementRefusals() throws IOException {
        byte[] data = example("statement.csv");
        try (Reconciler r = loaded()) {
            for (int f : new int[] {0, 6}) {
                try {
                    r.feedStatement(data, f, "", ResultsFormat.JSON_LINES.value());
                    fail("format " + f);
                } catch (VietrefException e) {
                    assertEquals(Status.INVALID_ARGUMENT, e.statusConstant());
                }
            }
            for (int f : new int[] {0, 3}) {
                try {
                    r.feedStatement(data, StatementFormat.CSV.value(), "", f);
                    fail("results " + f);
                } catch (VietrefException e) {
                    assertEquals(Status.INVALID_ARGUMENT, e.statusConstant());
                }
            }
            try {
                r.feedStatement(data, null, "", ResultsFormat.CSV);
                fail();
            } catch (NullPointerException expected) {
                // the language's null-argument exception
            }
            assertEquals(0, num(obj(r.summaryJson()), "lines"));
            try (FeedStatementResult x = r.feedStatement("date,amount,content,reference\n,abc,HP24010172,\n,1.250.000,HP24010172,\n",
                    StatementFormat.CSV, "", ResultsFormat.JSON_LINES)) {
                assertEquals("2:amount", x.report().errors().stream().map(Finding::field).collect(Collectors.joining(",")));
                assertEquals(3, num(rows(x.results()).get(0), "line"));
            }
            assertEquals(1, num(obj(r.summaryJson()), "rejected"));
            try (FeedStatementResult x = r.feedStatement("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8))) {
                assertEquals("", x.results());
                assertFalse(x.report().isValid());
            }
        }
        Reconciler closed = new Reconciler("HP:6");
        closed.close();
        for (Runnable call : List.<Runnable>of(() -> closed.addInvoicesCsv(new byte[0]), () -> closed.feedStatement(new byte[0]))) {
            try {
                call.run();
                fail("a closed reconciler used");
            } catch (IllegalStateException expected) {
                // use after close
            }
        }
    }

    /** Any bytes are data: invalid UTF-8 is a finding, not a refusal. */
    @Test
    public void anyBytes() {
        byte[] all = new byte[256 * 8];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        try (Reconciler r = new Reconciler("HP:6")) {
            try (AddInvoicesResult x = r.addInvoicesCsv(new byte[] {(byte) 0xFF})) {
                assertEquals(0, x.added());
                assertFalse(x.report().isValid());
            }
            for (StatementFormat f : StatementFormat.values()) {
                try (FeedStatementResult x = r.feedStatement(new byte[] {(byte) 0xFF}, f)) {
                    assertEquals("", x.results());
                    assertFalse(x.report().isValid());
                }
                try (FeedStatementResult x = r.feedStatement(all, f, "", ResultsFormat.CSV)) {
                    assertNotNull(x.results());
                }
            }
            try (AddInvoicesResult x = r.addInvoicesCsv(all)) {
                assertFalse(x.report().isValid());
            }
        }
    }

    /** The bundled statement's records 40 times over (more lines than the second thread reads at a time, 512): the same
     * results and summary on two threads as on one. */
    @Test
    public void feedStatementOnTwoThreadsAsOnOne() throws IOException {
        String text = new String(example("statement.csv"), StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        String body = text.substring(nl + 1);
        if (!body.endsWith("\n")) {
            body += "\n";
        }
        byte[] statement = (text.substring(0, nl + 1) + body.repeat(40)).getBytes(StandardCharsets.UTF_8);
        List<String> outputs = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            try (Reconciler r = loaded()) {
                r.setThreads(threads);
                try (FeedStatementResult x = r.feedStatement(statement)) {
                    assertTrue(x.report().isValid());
                    outputs.add(x.results() + "\n" + r.summaryJson());
                }
            }
        }
        assertEquals(40 * 16, rows(outputs.get(0).substring(0, outputs.get(0).lastIndexOf('\n'))).size());
        assertEquals(outputs.get(0), outputs.get(1));
        try (Reconciler r = loaded()) {
            r.setThreads(0);
            try {
                r.setThreads(-1);
                fail("negative threads accepted");
            } catch (IllegalArgumentException e) {
                // expected
            }
        }
    }
}
