import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Locale;

import org.vietref.Channel;
import org.vietref.FeedStatementResult;
import org.vietref.Memo;
import org.vietref.Message;
import org.vietref.Reconciler;
import org.vietref.Report;
import org.vietref.StatementFormat;
import org.vietref.VietQr;

/**
 * The cross-surface scenario in Java (scripts/scenario.py runs it and compares its lines with
 * the CLI's): validate a message, render its memo, build its VietQR, decode a payload, extract
 * codes from memo lines, reconcile a statement. Arguments: see scripts/scenario.py.
 */
public class Scenario {
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    /** Prints the library's JSON as it is, in an envelope: {"step": ..., KEY: JSON}. */
    private static void out(String step, String key, String json) {
        OUT.println("{\"step\":\"" + step + "\",\"" + key + "\":" + json + "}");
    }

    private static String read(String path) throws IOException {
        return new String(Files.readAllBytes(Paths.get(path)), StandardCharsets.UTF_8);
    }

    private static String upper(String cliName) {
        return cliName.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    public static void main(String[] a) throws IOException {
        try (Message m = Message.fromJson(read(a[0]))) {
            try (Report r = m.validate(a[1])) {
                out("validate", "report", r.json());
            }
            try (Report r = Memo.render(m, a[3], Channel.valueOf(upper(a[2])))) {
                out("render", "report", r.json());
            }
            try (Report r = VietQr.forPayment(m, a[6], a[4], a[5])) {
                out("qr", "report", r.json());
            }
        }
        try (Report r = VietQr.decode(a[7])) { // the default mode
            out("decode", "report", r.json());
        }
        String[] lines = read(a[8]).split("\n");
        for (int i = 0; i < lines.length; i++) {
            OUT.println("{\"step\":\"extract\",\"line\":" + (i + 1) + ",\"candidates\":" + Memo.extractJson(lines[i], a[9]) + "}");
        }
        try (Reconciler rec = new Reconciler(a[13])) {
            rec.addInvoicesCsv(Files.readAllBytes(Paths.get(a[10]))).close(); // its findings are not compared
            try (FeedStatementResult fed = rec.feedStatement(Files.readAllBytes(Paths.get(a[11])), StatementFormat.valueOf(upper(a[12])))) {
                for (String line : fed.results().split("\n")) {
                    if (!line.isEmpty()) {
                        out("reconcile.line", "result", line);
                    }
                }
            }
            out("reconcile.summary", "summary", rec.summaryJson());
        }
    }
}
