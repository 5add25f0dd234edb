using System;
using Vietref;

static class Tuition
{
    static void Main()
    {
        using (var m = new Message().SetSector("education").SetPayerName("  nguyễn   văn AN ")
                   .SetBeneficiaryName("Nguyễn Thị Bình").SetReason("Học phí học kỳ 1 năm 2024-2025")
                   .SetInvoice("HP7184097674").SetAmount(1250000))
        using (var report = m.Validate())
        {
            Console.WriteLine("valid: " + report.IsValid);
            foreach (var f in report.Findings)
                Console.WriteLine($"{f.Severity} {f.Field} [{f.Key} {f.Code}]\n  en: {f.Message}\n  vi: {f.MessageVi}");
            Console.WriteLine("cleaned: " + report.CleanedJson);
        }
    }
}
