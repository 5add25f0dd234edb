import org.vietref.Finding;
import org.vietref.Message;
import org.vietref.Report;

public class Tuition {
    public static void main(String[] args) {
        try (Message m = new Message().setSector("education").setPayerName("  nguyễn   văn AN ")
                        .setBeneficiaryName("Nguyễn Thị Bình").setReason("Học phí học kỳ 1 năm 2024-2025")
                        .setInvoice("HP7184097674").setAmount(1_250_000);
                Report report = m.validate()) {
            System.out.println("valid: " + report.isValid());
            for (Finding f : report.findings()) {
                System.out.printf("%s %s [%s %d]%n  en: %s%n  vi: %s%n", f.severity(), f.field(), f.key(), f.code(), f.message(), f.messageVi());
            }
            System.out.println("cleaned: " + report.cleanedJson().orElse("(none)"));
        }
    }
}
