// Smoke test of the NuGet package under mono: mono Smoke.exe VERSION (outside any source tree).
using System;
using Vietref;

static class Smoke
{
    const string Statement = "date,amount,content\n"
        + "2024-09-05,1250000,NGUYEN VAN AN HP24010172 hoc phi\n"
        + "2024-09-06,300000,chuyen tien\n";

    static void Check(bool ok, string what)
    {
        if (ok) return;
        Console.Error.WriteLine("csharp smoke: FAILED: " + what);
        Environment.Exit(1);
    }

    static void Main(string[] args)
    {
        Check(VietrefLibrary.Version == args[0], "version " + VietrefLibrary.Version + " != " + args[0]);
        Check(VietrefLibrary.LoadedFrom.Contains("runtimes/linux-x64/native/"), "library not from the package: " + VietrefLibrary.LoadedFrom);
        using (var m = new Message().SetSector("education").SetPayerName("  nguyễn   văn AN ")
                   .SetBeneficiaryName("Nguyễn Thị Bình").SetReason("Học phí học kỳ 1 năm 2024-2025")
                   .SetInvoice("HP24010172").SetAmount(1250000))
        {
            using (var report = m.Validate())
            {
                Check(report.IsValid, "tuition message not valid");
                Check((report.CleanedJson ?? "").Contains("\"payerName\":\"Nguyễn Văn An\""), report.CleanedJson);
            }
            using (var qr = VietQr.ForPayment(m, "HP:6", "970436", "0011001234567"))
            {
                var payload = qr.CleanedText ?? "";
                Check(qr.IsValid && payload.StartsWith("000201"), "VietQR: " + payload);
                Check(payload.Contains("970436") && payload.Contains("HP24010172"), "VietQR lacks bank or code: " + payload);
            }
        }
        using (var r = new Reconciler("HP:6"))
        {
            using (var added = r.AddInvoice("HP24010172", 1250000, "Nguyễn Văn An"))
                Check(added.IsValid, "invoice not added");
            using (var fed = r.FeedStatement(Statement))
            {
                Check(fed.Report.IsValid, "statement rejected");
                Check(fed.Results.Contains("\"line\":2,\"status\":\"paid\",\"invoice\":\"HP24010172\""), fed.Results);
                Check(fed.Results.Contains("\"line\":3,\"status\":\"unmatched\""), fed.Results);
            }
        }
        Console.WriteLine("csharp smoke ok: vietref " + VietrefLibrary.Version + " from " + VietrefLibrary.LoadedFrom);
    }
}
