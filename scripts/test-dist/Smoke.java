import org.vietref.FeedStatementResult;
import org.vietref.Message;
import org.vietref.Reconciler;
import org.vietref.Report;
import org.vietref.VietQr;
import org.vietref.Vietref;

/** Smoke test of the jar: java -cp vietref.jar:jna.jar:. Smoke VERSION (outside any source tree). */
public class Smoke {
    static final String STATEMENT = "date,amount,content\n"
            + "2024-09-05,1250000,NGUYEN VAN AN HP24010172 hoc phi\n"
            + "2024-09-06,300000,chuyen tien\n";

    static void check(boolean ok, String what) {
        if (!ok) {
            System.err.println("java smoke: FAILED: " + what);
            System.exit(1);
        }
    }

    public static void main(String[] args) {
        check(Vietref.version().equals(args[0]), "version " + Vietref.version() + " != " + args[0]);
        check(Vietref.loadedFrom().startsWith("classpath:"), "library not from the jar: " + Vietref.loadedFrom());
        try (Message m = new Message().setSector("education").setPayerName("  nguyễn   văn AN ")
                .setBeneficiaryName("Nguyễn Thị Bình").setReason("Học phí học kỳ 1 năm 2024-2025")
                .setInvoice("HP24010172").setAmount(1_250_000)) {
            try (Report report = m.validate()) {
                check(report.isValid(), "tuition message not valid");
                String json = report.cleanedJson().orElse("");
                check(json.contains("\"payerName\":\"Nguyễn Văn An\""), json);
            }
            try (Report qr = VietQr.forPayment(m, "HP:6", "970436", "0011001234567")) {
                String payload = qr.cleanedText().orElse("");
                check(qr.isValid() && payload.startsWith("000201"), "VietQR: " + payload);
                check(payload.contains("970436") && payload.contains("HP24010172"), "VietQR lacks bank or code: " + payload);
            }
        }
        try (Reconciler r = new Reconciler("HP:6")) {
            try (Report added = r.addInvoice("HP24010172", 1_250_000, "Nguyễn Văn An", null, null)) {
                check(added.isValid(), "invoice not added");
            }
            try (FeedStatementResult fed = r.feedStatement(STATEMENT.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                check(fed.report().isValid(), "statement rejected");
                String results = fed.results();
                check(results.contains("\"line\":2,\"status\":\"paid\",\"invoice\":\"HP24010172\""), results);
                check(results.contains("\"line\":3,\"status\":\"unmatched\""), results);
            }
        }
        System.out.println("java smoke ok: vietref " + Vietref.version() + " from " + Vietref.loadedFrom());
    }
}
