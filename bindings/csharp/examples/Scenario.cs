// The cross-surface scenario in C# (scripts/scenario.py runs it and compares its lines with the
// CLI's): validate a message, render its memo, build its VietQR, decode a payload, extract codes
// from memo lines, reconcile a statement. Arguments: see scripts/scenario.py.
using System;
using System.IO;
using System.Text;
using Vietref;

static class Scenario
{
    // Prints the library's JSON as it is, in an envelope: {"step": ..., KEY: JSON}.
    static void Out(string step, string key, string json)
    {
        Console.Out.Write("{\"step\":\"" + step + "\",\"" + key + "\":" + json + "}\n");
    }

    // An enum value by its CLI name ("vietqr-bill" → VietQrBill, "csv" → Csv).
    static T ByName<T>(string name)
    {
        return (T)Enum.Parse(typeof(T), name.Replace("-", "").Replace("_", ""), true);
    }

    static void Main(string[] a)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        using (var m = Message.FromJson(File.ReadAllText(a[0], Encoding.UTF8)))
        {
            using (var r = m.Validate(a[1])) Out("validate", "report", r.Json);
            using (var r = Memo.Render(m, a[3], ByName<Channel>(a[2]))) Out("render", "report", r.Json);
            using (var r = VietQr.ForPayment(m, a[6], a[4], a[5])) Out("qr", "report", r.Json);
        }
        using (var r = VietQr.Decode(a[7])) Out("decode", "report", r.Json); // the default mode
        var lines = File.ReadAllText(a[8], Encoding.UTF8).TrimEnd('\n').Split('\n');
        for (int i = 0; i < lines.Length; i++)
            Console.Out.Write("{\"step\":\"extract\",\"line\":" + (i + 1) + ",\"candidates\":" + Memo.Extract(lines[i], a[9]).Json + "}\n");
        using (var rec = new Reconciler(a[13]))
        {
            rec.AddInvoicesCsv(File.ReadAllBytes(a[10])).Dispose(); // its findings are not compared
            using (var fed = rec.FeedStatement(File.ReadAllBytes(a[11]), ByName<StatementFormat>(a[12])))
                foreach (var line in fed.Results.Split('\n'))
                    if (line.Length > 0) Out("reconcile.line", "result", line);
            Out("reconcile.summary", "summary", rec.SummaryJson);
        }
    }
}
