// Tests of reconciliation, and the junk / status / enum / ownership checks of everything added
// with references, memos, legacy encodings and reconciliation. Expected values: the school of
// tests/c/test_reconcile.c (payment codes of scheme HP:6 with hand-computed check digits).
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Vietref.Tests
{
    internal static partial class Program
    {
        private const string C1 = "HP24010172", C2 = "HP24010269", C3 = "HP24010366", C4 = "HP24010463";

        private static Reconciler School()
        {
            var r = new Reconciler("HP:6");
            foreach (var inv in new[]
            {
                new { Code = C1, Amount = 1250000UL, Payer = "Nguyễn Văn An", Ben = "Nguyễn Thị Bình" },
                new { Code = C2, Amount = 1250000UL, Payer = "Trần Văn Hùng", Ben = "Trần Minh Khoa" },
                new { Code = C3, Amount = 980000UL, Payer = "Lê Thị Thuỷ", Ben = "Phạm Gia Huy" },
                new { Code = C4, Amount = 750000UL, Payer = "Đỗ Thị Hoa", Ben = "Hoàng Vy" },
            })
            {
                using (var rep = r.AddInvoice(inv.Code, inv.Amount, inv.Payer, inv.Ben))
                {
                    True(rep.IsValid, "invoice " + inv.Code + " added");
                    Eq(inv.Code, rep.CleanedText, "held as");
                }
            }
            return r;
        }

        private static Dictionary<string, object> Obj(string json) { return (Dictionary<string, object>)MiniJson.Parse(json); }

        private static void CheckLine(LineResult x, LineStatus status, string invoice, string what)
        {
            Eq(status, x.Status, what + ": status");
            Eq(invoice, x.Invoice, what + ": invoice");
            var j = Obj(x.Json);
            Eq(Regex.Replace(status.ToString(), "(?<=[a-z])([A-Z])", "_$1").ToLowerInvariant(), (string)j["status"], what + ": JSON status");
            Eq(invoice, (string)j["invoice"], what + ": JSON invoice");
            Eq(x.Reason, (string)j["reason"], what + ": JSON reason");
            Eq(x.ReasonVi, (string)j["reasonVi"], what + ": JSON reason vi");
            True(x.Reason != x.ReasonVi && x.ReasonVi.Length > 0, what + ": two languages");
        }

        private static void ReconcilePossibleTypo()
        {
            using (var r = School())
            {
                // HP24010173 fails its check digits and is one digit away from C1 only: never applied.
                var x = r.Feed(2, 1000, "HP24010173 hoc phi");
                CheckLine(x, LineStatus.Unmatched, null, "possible typo");
                Eq(null, x.Suggestion, "no suggestion");
                Eq(C1, x.PossibleTypo, "possible typo");
                Eq(C1, (string)Obj(x.Json)["possibleTypo"], "JSON possibleTypo");
                True(x.Reason.Contains("possible typo"), "reason");
                Eq(null, r.Feed(3, 1000, "hoc phi").PossibleTypo, "no possible typo");
            }
        }

        private static void ReconcileStatuses()
        {
            using (var r = School())
            {
                // Paid in full; the bank's prefix and suffix do not matter.
                var x = r.Feed(2, 1250000, "MBVCB.2427229823.174242.HP24010172 HOC PHI HK1.CT tu 1027236393");
                CheckLine(x, LineStatus.Paid, C1, "paid");
                Eq("code HP24010172 found; 1,250,000 VND paid in full", x.Reason, "paid reason");
                Eq("tìm thấy mã HP24010172; đã thanh toán đủ 1.250.000 đ", x.ReasonVi, "paid reason vi");
                Eq(null, x.Suggestion, "no suggestion");
                True(x.Json.StartsWith("{\"line\":2,\"status\":\"paid\",\"invoice\":\"HP24010172\",\"suggestion\":null,\"amount\":1250000,"), "JSON head: " + x.Json);
                Eq(1250000.0, (double)((Dictionary<string, object>)Obj(x.Json)["evidence"])["amountDue"], "evidence amount due");

                // Partial, the rest, then a second payment: a duplicate.
                x = r.Feed(3, 500000, "hp 2401 0269 hoc phi");
                CheckLine(x, LineStatus.Partial, C2, "partial");
                Eq("code HP24010269 found; 500,000 VND paid of 1,250,000 VND, 750,000 VND still due", x.Reason, "partial reason");
                CheckLine(r.Feed(4, 750000, "HP24010269 con lai"), LineStatus.Paid, C2, "rest paid");
                x = r.Feed(5, 100000, "HP24010269", "FT1");
                CheckLine(x, LineStatus.Duplicate, C2, "duplicate");
                var dup = Obj(x.Json);
                Eq(4.0, (double)((Dictionary<string, object>)dup["evidence"])["settledByLine"], "settled by line 4");
                Eq("FT1", (string)dup["reference"], "bank reference");

                // Overpaid: 1,000,000 for 980,000.
                x = r.Feed(6, 1000000, "IB HP24010366 HOC PHI");
                CheckLine(x, LineStatus.Overpaid, C3, "overpaid");
                Eq("code HP24010366 found; 1,000,000 VND paid for 980,000 VND due: 20,000 VND too much", x.Reason, "overpaid reason");

                // A valid code of last year: unknown. Two codes: ambiguous, nothing applied.
                CheckLine(r.Feed(7, 1250000, "HP23999987 hoc phi hk2"), LineStatus.UnknownCode, null, "unknown code");
                CheckLine(r.Feed(8, 2500000, "HP24010172 HP24010269 HOC PHI 2 CHAU"), LineStatus.Ambiguous, null, "ambiguous");

                // No code: unmatched; with the beneficiary's name and the exact amount, a suggestion (not applied).
                x = r.Feed(9, 200000, "ung ho quy lop");
                CheckLine(x, LineStatus.Unmatched, null, "unmatched");
                Eq("no invoice code found in the content", x.Reason, "unmatched reason");
                Eq(null, x.Suggestion, "no suggestion");
                x = r.Feed(10, 750000, "CHUYEN TIEN HOC PHI CHO CHAU HOANG VI LOP 6A");
                CheckLine(x, LineStatus.Unmatched, null, "unmatched with a suggestion");
                Eq(C4, x.Suggestion, "suggestion");
                Eq(C4, (string)Obj(x.Json)["suggestion"], "JSON suggestion");
                True(x.ToString().Contains(C4), "ToString names the suggestion");

                // Invoice states.
                Eq("{\"code\":\"HP24010269\",\"kind\":\"payment_code\",\"amountDue\":1250000,\"paid\":1350000,"
                    + "\"payments\":3,\"outstanding\":0,\"status\":\"overpaid\"}", r.InvoiceJson("hp 2401 0269"), "C2 state");
                Eq("{\"code\":\"HP24010463\",\"kind\":\"payment_code\",\"amountDue\":750000,\"paid\":0,"
                    + "\"payments\":0,\"outstanding\":750000,\"status\":\"unpaid\"}", r.InvoiceJson(C4), "C4 state");
                Eq("settled", (string)Obj(r.InvoiceJson(C1))["status"], "C1 settled");
                Eq(null, r.InvoiceJson("HP23999987"), "not loaded");
                Eq(null, r.InvoiceJson(""), "empty code");

                // Summary: 9 lines, one status each but paid (2) and unmatched (2).
                var s = Obj(r.SummaryJson);
                Eq(9.0, (double)s["lines"], "lines");
                Eq(8300000.0, (double)s["amount"], "amount");
                var per = ((List<object>)s["statuses"]).Cast<Dictionary<string, object>>()
                    .ToDictionary(d => (string)d["status"], d => (double)d["lines"] + "/" + (double)d["amount"]);
                Eq("paid=2/2000000 partial=1/500000 overpaid=1/1000000 duplicate=1/100000 unknown_code=1/1250000 "
                    + "ambiguous=1/2500000 unmatched=2/950000",
                    string.Join(" ", per.Select(kv => kv.Key + "=" + kv.Value).ToArray()), "per status");
                Eq("4 1 2 0 1 750000", string.Join(" ", new[] { "invoices", "invoicesSettled", "invoicesOverpaid", "invoicesPartial",
                    "invoicesUnpaid", "outstanding" }.Select(k => ((double)s[k]).ToString()).ToArray()), "invoices");

                // Amounts a line cannot have change nothing.
                ThrowsStatus(VietrefStatus.ReconcileAmountInvalid, () => r.Feed(11, 0, C4), "amount 0");
                var e = ThrowsStatus(VietrefStatus.ReconcileAmountInvalid, () => r.Feed(11, 10000000000000UL, C4), "14 digits");
                Eq("VIETREF_RECONCILE_AMOUNT_INVALID", e.StatusName, "status name");
                Eq("vietref_reconciler_feed", e.Context, "context");
                Eq(9.0, (double)Obj(r.SummaryJson)["lines"], "still 9 lines");
            }
        }

        private static void ReconcileInvoices()
        {
            using (var r = new Reconciler("HP:6, VP:8"))
            {
                using (var rep = r.AddInvoice("hp 2401 0172", 1250000, due: "2024-09-15"))
                {
                    True(rep.IsValid, "added");
                    Eq("invoice.normalized 401", rep.Findings[0].Key + " " + rep.Findings[0].Code, "normalized");
                    Eq(C1, rep.CleanedText, "held as");
                }
                using (var rep = r.AddInvoice(C1, 5))
                {
                    True(!rep.IsValid, "not added twice");
                    Eq("814", Codes(rep), "reconcile.invoice_duplicate");
                    Eq(null, rep.CleanedText, "nothing held");
                }
                using (var rep = r.AddInvoice("HP24010173", 0)) Eq("410 803", Codes(rep), "check digits and amount zero");
                using (var rep = r.AddInvoice(C2, 10000000000000UL)) Eq("804", Codes(rep), "amount too large");
                using (var rep = r.AddInvoice(C2, 1, due: "31/02/2024")) Eq("816", Codes(rep), "date invalid");
                using (var rep = r.AddInvoice("AB12", 1000, "An"))
                {
                    True(rep.IsValid, "a short own code is added");
                    Eq("815", Codes(rep), "reconcile.code_unsearchable");
                }
                Eq(2.0, (double)Obj(r.SummaryJson)["invoices"], "two invoices");
                Eq(null, r.InvoiceJson(C3), "never added");
                // With every optional text of a line; an empty content is a line without a code.
                var x = r.Feed(1, 1, "", "FT24", "2024-09-01", "NGUYEN VAN AN");
                Eq(LineStatus.Unmatched, x.Status, "empty content");
                var j = Obj(x.Json);
                Eq("2024-09-01|NGUYEN VAN AN|FT24", j["date"] + "|" + j["counterName"] + "|" + j["reference"], "optional texts");
            }
            foreach (var bad in new[] { "HO:6", "HP6", "HP:99" })
                ThrowsStatus(VietrefStatus.RefSchemesInvalid, () => new Reconciler(bad), "scheme " + bad);
            using (var r = new Reconciler())
                Eq(LineStatus.Unmatched, r.Feed(1, 100, "HP24010172").Status, "no scheme: no payment code");
            // Disposal.
            var d = new Reconciler();
            d.Dispose();
            d.Dispose();
            True(d.IsClosed, "closed");
            Throws<ObjectDisposedException>(() => d.Feed(1, 1, "x"), "feed after dispose");
            Throws<ObjectDisposedException>(() => d.AddInvoice(C1, 1), "add after dispose");
            Throws<ObjectDisposedException>(() => { var unused = d.SummaryJson; }, "summary after dispose");
            Throws<ObjectDisposedException>(() => d.InvoiceJson(C1), "invoice after dispose");
            // Line results and reports outlive their reconciler; undisposed reconcilers are finalized.
            LineResult kept;
            Report added;
            using (var r = School())
            {
                added = r.AddInvoice("VP12345678", 1);
                kept = r.Feed(1, 1250000, C1);
            }
            Eq(C1, kept.Invoice, "line result after dispose");
            True(added.IsValid, "report after its reconciler is freed");
            Eq("VP12345678", added.CleanedText, "an own code, held as given");
            added.Dispose();
            // Four threads feeding one reconciler: calls are serialized, every line is counted once.
            using (var r = School())
            {
                var threads = Enumerable.Range(0, 4).Select(t => new System.Threading.Thread(() =>
                {
                    for (int i = 0; i < 50; i++) r.Feed((ulong)(t * 100 + i), 1000, i % 2 == 0 ? C4 : "no code", "FT" + t);
                })).ToList();
                threads.ForEach(t => t.Start());
                threads.ForEach(t => t.Join());
                var s = Obj(r.SummaryJson);
                Eq(200.0, (double)s["lines"], "lines from four threads");
                Eq("{\"code\":\"HP24010463\",\"kind\":\"payment_code\",\"amountDue\":750000,\"paid\":100000,"
                    + "\"payments\":100,\"outstanding\":650000,\"status\":\"partial\"}", r.InvoiceJson(C4), "100 payments of 1,000");
            }
            for (int i = 0; i < 300; i++)
            {
                var r = new Reconciler("HP:6");
                r.AddInvoice(C1, 1000).Dispose();
                r.Feed(1, 1000, C1);
            }
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        // Every new entry point taking text, for the junk tests.
        private static readonly Func<string, object>[] NewTextFunctions =
        {
            s => References.Create(s, "71840976"), s => References.Create("HP", s), s => References.CreateRf(s),
            s => References.CreateMessage(RefKind.Code, s, "1"), s => References.CreateMessage(RefKind.Code, "HP", s),
            s => References.Validate(RefKind.Code, s), s => References.Format(RefKind.Rf, s), s => References.Compact(RefKind.Mst, s),
            s => References.IsValid(RefKind.Code, s), s => References.ValidationMessage(RefKind.Code, s),
            s => Memo.Extract(s), s => Memo.Extract("x", s), s => Memo.Parse(s), s => Memo.Parse("x", s),
            s => { using (var m = Message.FromJson(TuitionJson)) return Memo.Render(m, s, Channel.Transfer); },
            s => { using (var m = Message.FromJson(TuitionJson)) return Memo.RenderCustom(m, "", s, "A-Z0-9 ", 30); },
            s => { using (var m = Message.FromJson(TuitionJson)) return Memo.RenderCustom(m, "", "x", s, 30); },
            s => { using (var m = Message.FromJson(TuitionJson)) return Memo.RenderCustom(m, s, "x", "A-Z0-9 ", 30); },
            s => { using (var m = Message.FromJson(TuitionJson)) return m.Validate(s); },
            s => { using (var m = Message.FromJson(TuitionJson)) return VietQr.ForPayment(m, "", s, "1"); },
            s => { using (var m = Message.FromJson(TuitionJson)) return VietQr.ForPayment(m, "", "970436", s); },
            s => { using (var m = Message.FromJson(TuitionJson)) return VietQr.ForPayment(m, s, "970436", "1"); },
            s => { using (var q = VietQr.FromJson("{\"bankBin\":\"970403\",\"accountNumber\":\"1\"}")) return q.PaymentCodes(s); },
            s => Legacy.Encode(s, LegacyEncoding.Tcvn3), s => Legacy.EncodeError(s, LegacyEncoding.Vni),
            s => Legacy.RepairMojibake(s), s => Legacy.EncodingFromName(s),
            s => new Reconciler(s),
            s => { using (var r = new Reconciler()) return r.AddInvoice(s, 1); },
            s => { using (var r = new Reconciler()) return r.AddInvoice("AB123456", 1, s); },
            s => { using (var r = new Reconciler()) return r.AddInvoice("AB123456", 1, "", s); },
            s => { using (var r = new Reconciler()) return r.AddInvoice("AB123456", 1, "", "", s); },
            s => { using (var r = new Reconciler()) return r.Feed(1, 1, s); },
            s => { using (var r = new Reconciler()) return r.Feed(1, 1, "x", s); },
            s => { using (var r = new Reconciler()) return r.Feed(1, 1, "x", "", s); },
            s => { using (var r = new Reconciler()) return r.Feed(1, 1, "x", "", "", s); },
            s => { using (var r = new Reconciler()) return r.InvoiceJson(s); },
            s => { using (var r = new Reconciler()) return r.AddInvoicesCsv("code,amount\n", s); },
            s => { using (var r = new Reconciler()) return r.FeedStatement("date,amount,content\n", StatementFormat.Csv, s); },
        };

        private static void NewJunkNull()
        {
            for (int i = 0; i < NewTextFunctions.Length; i++)
            {
                var fn = NewTextFunctions[i];
                Throws<ArgumentNullException>(() => fn(null), "null to new function " + i);
            }
            foreach (var fn in new Func<byte[], object>[] {
                b => Legacy.Decode(b, LegacyEncoding.Utf8), b => Legacy.DecodeError(b, LegacyEncoding.Tcvn3),
                b => Legacy.Detect(b), b => Legacy.Detect(b, LegacyEncoding.Vni) })
                Throws<ArgumentNullException>(() => fn(null), "null bytes");
            Throws<ArgumentNullException>(() => VietQr.ForPayment(null, "", "970436", "1"), "null message");
            Throws<ArgumentNullException>(() => Memo.RenderCustom(null, "", "x", "A-Z", 30), "null message to RenderCustom");
            using (var r = new Reconciler("HP:6"))
            {
                Throws<ArgumentNullException>(() => r.AddInvoicesCsv((byte[])null), "null CSV bytes");
                Throws<ArgumentNullException>(() => r.AddInvoicesCsv((string)null), "null CSV text");
                Throws<ArgumentNullException>(() => r.FeedStatement((byte[])null), "null statement bytes");
                Throws<ArgumentNullException>(() => r.FeedStatement((string)null, StatementFormat.Json), "null statement text");
                Eq(0L, Num(Obj(r.SummaryJson), "lines"), "nothing fed");
            }
        }

        private static void NewJunkInvalidUtf8()
        {
            foreach (var junk in new[] { "\ud800", "HP\udce1", "a\ud83d" })
            {
                for (int i = 0; i < NewTextFunctions.Length; i++)
                {
                    var fn = NewTextFunctions[i];
                    var e = ThrowsStatus(VietrefStatus.InvalidUtf8, () => fn(junk), "lone surrogate to new function " + i);
                    Eq("VIETREF_INVALID_UTF8", e.StatusName, "status name");
                    True(!(e is ReferenceException) && !(e is LegacyException), "an argument fault, not a refusal");
                }
            }
            // Bytes that are not UTF-8 are data for the decoders: refused as data, never a crash.
            var bad = new byte[] { 0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC, 0xFF, 0xFE };
            ThrowsStatus(VietrefStatus.LegacyInvalidUtf8, () => Legacy.Decode(bad, LegacyEncoding.Utf8), "bad UTF-8 bytes");
            ThrowsStatus(VietrefStatus.LegacyInvalidUtf8, () => Legacy.Decode(bad, LegacyEncoding.Utf8AsCp1252), "bad mojibake bytes");
            True(Legacy.DecodeError(bad, LegacyEncoding.Utf8).Contains("\"kind\":\"invalid_utf8\""), "error JSON");
            var d = Legacy.Detect(bad);
            True(d.ConfidencePerMille >= 0 && d.ConfidencePerMille <= 1000, "detected anyway");
            Legacy.Detect(bad, LegacyEncoding.Utf8);
            var all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
            foreach (LegacyEncoding enc in Enum.GetValues(typeof(LegacyEncoding)))
            {
                try { Legacy.Decode(all, enc); }
                catch (LegacyException e) { True((uint)e.Status >= 600 && (uint)e.Status <= 605 && e.DetailsJson.StartsWith("{"), "refusal of " + enc); }
            }
        }

        private static void NewJunkEmpty()
        {
            ThrowsStatus(VietrefStatus.RefEmpty, () => References.Validate(RefKind.Code, ""), "validate empty");
            ThrowsStatus(VietrefStatus.RefEmpty, () => References.CreateRf(""), "create RF empty");
            True(!References.IsValid(RefKind.Rf, ""), "empty is not valid");
            Eq(0, Memo.Extract("").Count, "extract empty");
            Eq(0, Legacy.Encode("", LegacyEncoding.Viqr).Bytes.Length, "encode empty");
            Eq("", Legacy.Decode(new byte[0], LegacyEncoding.Utf8AsCp1252), "decode empty");
            using (var r = new Reconciler(""))
            {
                using (var rep = r.AddInvoice("", 1)) True(!rep.IsValid && rep.Errors.Any(), "empty code refused");
                Eq(LineStatus.Unmatched, r.Feed(0, 1, "").Status, "empty line");
                foreach (var data in new[] { new byte[0], new byte[] { 0 }, new byte[] { (byte)'\n' }, new byte[] { 0xEF, 0xBB, 0xBF } })
                {
                    using (var x = r.AddInvoicesCsv(data))
                        True(x.Added == 0 && !x.Report.IsValid && x.Report.Errors.Any(), "empty invoice CSV " + data.Length);
                    foreach (StatementFormat f in Enum.GetValues(typeof(StatementFormat)))
                        foreach (ResultsFormat rf in Enum.GetValues(typeof(ResultsFormat)))
                            using (var x = r.FeedStatement(data, f, "", rf))
                                True(x.Results != null && x.Report.Findings != null, "empty statement " + f + " " + rf);
                }
                using (var x = r.AddInvoicesCsv("")) Eq(0UL, x.Added, "empty CSV text");
                using (var x = r.FeedStatement("")) Eq("", x.Results, "empty statement text");
            }
            using (var m = new Message())
            {
                using (var r = Memo.Render(m, Channel.Transfer)) True(!r.IsValid && r.Errors.Any(), "empty message");
                using (var r = VietQr.ForPayment(m, "", "", "")) True(!r.IsValid, "empty payment");
                using (var r = m.Validate("")) True(!r.IsValid, "empty with no schemes");
            }
            // NUL inside text is a character like any other.
            True(!References.IsValid(RefKind.Code, "HP7184\0097674"), "NUL in a code");
            Eq(0, Memo.Extract("\0\0\0", "HP:8").Count, "NULs");
            ThrowsStatus(VietrefStatus.LegacyUnencodable, () => Legacy.Encode("\0Ж", LegacyEncoding.Vni), "NUL then Cyrillic");
        }

        private static void NewJunkLarge()
        {
            var sb = new StringBuilder();
            int lines = 0;
            while (sb.Length < 1024 * 1024) { sb.Append("Học phí cháu Đức ").Append(Spaced("HP7184097674")).Append(" 😀; "); lines++; }
            var big = sb.ToString();
            True(Encoding.UTF8.GetByteCount(big) > 1024 * 1024, "1 MB");
            var found = Memo.Extract(big, "HP:8");
            True(found.Count >= 1 && found.All(c => c.Code == "HP7184097674"), "codes in 1 MB: " + found.Count);
            var lastC = found[found.Count - 1];
            Eq("hp 7184 0976 74", big.Substring(lastC.Start, lastC.End - lastC.Start), "last span in 1 MB");
            True(Memo.Parse(big, "HP:8").StartsWith("{\"invoice\":"), "parse 1 MB");
            ThrowsStatus(VietrefStatus.RefInvalidLength, () => References.Validate(RefKind.Rf, "RF" + new string('1', 1024 * 1024)), "1 MB reference");
            True(!References.IsValid(RefKind.Code, big), "1 MB is no code");
            Throws<ReferenceException>(() => References.Create("HP", new string('7', 1024 * 1024)), "1 MB body");
            var ascii = new string('a', 1024 * 1024);
            Eq(1024 * 1024, Legacy.Encode(ascii, LegacyEncoding.Tcvn3).Bytes.Length, "encode 1 MB");
            var tcvn = Legacy.Encode(new StringBuilder().Insert(0, "Nguyễn Văn Đức ", 70000).ToString(), LegacyEncoding.Tcvn3).Bytes;
            True(tcvn.Length > 1000000, "1 MB of TCVN3");
            True(Legacy.Decode(tcvn, LegacyEncoding.Tcvn3).StartsWith("Nguyễn Văn Đức Nguyễn"), "decode 1 MB");
            var d = Legacy.Detect(tcvn);
            Eq(LegacyEncoding.Tcvn3, d.Encoding, "detect 1 MB");
            True(d.Text.Length > 900000, "detected text of 1 MB");
            Eq(null, Legacy.RepairMojibake(big), "repair 1 MB");
            var bigBytes = Encoding.UTF8.GetBytes(big);
            bigBytes[bigBytes.Length / 2] = 0xFF;
            var e = (LegacyException)ThrowsStatus(VietrefStatus.LegacyInvalidUtf8, () => Legacy.Decode(bigBytes, LegacyEncoding.Utf8), "1 MB with a bad byte");
            True(e.DetailsJson.Contains("\"offset\":" + (bigBytes.Length / 2) + ","), "offset of the bad byte");
            using (var r = School())
            {
                var x = r.Feed(1, 1250000, big.Replace("HP7184097674", "x") + " " + C1);
                True(x.Status == LineStatus.Paid || x.Status == LineStatus.Ambiguous || x.Status == LineStatus.UnknownCode, "a 1 MB line: " + x.Status);
                using (var rep = r.AddInvoice(big, 1)) True(!rep.IsValid, "a 1 MB code");
                Eq(null, r.InvoiceJson(big), "a 1 MB look-up");
            }
            using (var r = new Reconciler("HP:8"))
            {
                using (var x = r.AddInvoicesCsv(big)) True(x.Added == 0 && !x.Report.IsValid, "1 MB invoice CSV");
                using (var x = r.AddInvoicesCsv("code,amount\nHP7184097674," + big + "\n", big))
                    True(x.Added == 0 && !x.Report.IsValid, "1 MB amount and columns");
                using (var x = r.AddInvoicesCsv("code,amount\nHP7184097674," + big.Length + "\n" + big.Replace(",", "").Replace(";", "") + ",1\n"))
                    True(x.Added == 1 && !x.Report.IsValid, "a good record and a 1 MB one: " + x.Added);
                foreach (StatementFormat f in Enum.GetValues(typeof(StatementFormat)))
                    using (var x = r.FeedStatement(big, f)) True(x.Results != null && !x.Report.IsValid, "1 MB statement " + f);
                // a record of more than 1 MiB is rejected (reconcile.record_too_long); the next one is fed
                using (var x = r.FeedStatement("date,amount,content\n,1000,\"" + big + "\"\n,1000,HP7184097674\n"))
                {
                    Eq("2 reconcile.record_too_long", string.Join("|", x.Report.Errors.Select(f => f.Field + " " + f.Key).ToArray()), "a 1 MB record");
                    Eq(3.0, (double)Obj(x.Results.TrimEnd('\n'))["line"], "the record after it fed");
                }
                var bytes = Encoding.UTF8.GetBytes(big);
                bytes[bytes.Length / 2] = 0xFF;
                using (var x = r.FeedStatement(bytes, StatementFormat.JsonLines)) True(!x.Report.IsValid, "1 MB with a bad byte");
            }
            using (var m = new Message().SetSector("health").SetPayerName("An").SetReason(big).SetInvoice("HP7184097674"))
            using (var r = Memo.Render(m, "HP:8", Channel.Transfer))
                True(r.IsValid ? r.CleanedText.Length <= 140 : r.Errors.Any(), "render a 1 MB reason");
            using (var m = new Message().SetSector("health").SetPayerName("An").SetReason(big).SetInvoice("HP7184097674"))
            using (var r = Memo.RenderCustom(m, "HP:8", big, "A-Z0-9 ", int.MaxValue))
                True(!r.IsValid && r.CleanedText == null, "render a 1 MB reason for a custom channel");
        }

        private static void NewStatuses()
        {
            var expected = new Dictionary<uint, string>
            {
                { 300, "VIETREF_REF_EMPTY" }, { 301, "VIETREF_REF_INVALID_CHAR" }, { 302, "VIETREF_REF_INVALID_LENGTH" },
                { 303, "VIETREF_REF_INVALID_PREFIX" }, { 304, "VIETREF_REF_INVALID_PART" }, { 305, "VIETREF_REF_INVALID_CHECKSUM" },
                { 306, "VIETREF_REF_SCHEMES_INVALID" },
                { 600, "VIETREF_LEGACY_UNDEFINED_BYTE" }, { 601, "VIETREF_LEGACY_INVALID_UTF8" }, { 602, "VIETREF_LEGACY_NOT_SEVEN_BIT" },
                { 603, "VIETREF_LEGACY_NOT_MOJIBAKE" }, { 604, "VIETREF_LEGACY_UNENCODABLE" }, { 605, "VIETREF_LEGACY_TCVN3_CAPITAL" },
                { 700, "VIETREF_RECONCILE_AMOUNT_INVALID" },
            };
            foreach (var kv in expected)
            {
                Eq(kv.Value, VietrefLibrary.StatusName(kv.Key), "name of " + kv.Key);
                Eq(kv.Key, (uint)(VietrefStatus)Enum.Parse(typeof(VietrefStatus), Regex.Replace(kv.Value.Substring(8).ToLowerInvariant(),
                    "(^|_)([a-z0-9])", mm => mm.Groups[2].Value.ToUpperInvariant())), "enum member of " + kv.Value);
                var en = VietrefLibrary.StatusMessage(kv.Key, Lang.English);
                var vi = VietrefLibrary.StatusMessage(kv.Key, Lang.Vietnamese);
                True(!string.IsNullOrEmpty(en) && !string.IsNullOrEmpty(vi) && en != vi, "messages of " + kv.Key);
            }
            Eq("TCVN3 không có chữ hoa mang dấu thanh", VietrefLibrary.StatusMessage(605, Lang.Vietnamese), "605 in Vietnamese");
            Eq(null, VietrefLibrary.StatusName(307), "307 is not a status");
            Eq(null, VietrefLibrary.StatusName(606), "606 is not a status");
            Eq(null, VietrefLibrary.StatusName(701), "701 is not a status");
            // The exception carries the status, its name and both messages.
            var e = ThrowsStatus(VietrefStatus.RefSchemesInvalid, () => Memo.Extract("x", "HP:"), "scheme HP:");
            Eq("VIETREF_REF_SCHEMES_INVALID", e.StatusName, "name");
            Eq(VietrefLibrary.StatusMessage(306, Lang.English), e.Message, "English");
            Eq(VietrefLibrary.StatusMessage(306, Lang.Vietnamese), e.MessageVi, "Vietnamese");
            Eq("vietref_memo_extract", e.Context, "context");
        }

        private static void NewEnumsMatchHeader()
        {
            var header = System.IO.File.ReadAllText(HeaderPath());
            Action<Type, string, string> check = (t, block, prefix) =>
            {
                var body = Regex.Match(header, @"enum " + block + @" \{(.*?)\}", RegexOptions.Singleline).Groups[1].Value;
                var consts = Regex.Matches(body, @"\b(VIETREF_[A-Z0-9_]+)\s*=\s*(\d+)").Cast<Match>()
                    .ToDictionary(mm => mm.Groups[1].Value, mm => uint.Parse(mm.Groups[2].Value));
                True(consts.Count > 0, "enum " + block + " in the header");
                var here = new Dictionary<string, uint>();
                foreach (var name in Enum.GetNames(t))
                {
                    var value = Convert.ToUInt32(Enum.Parse(t, name));
                    if (t == typeof(LegacyOptions) && value == 0) continue; // "no option" is 0, not a constant
                    here[prefix + Constant(name)] = value;
                }
                Eq(string.Join(",", consts.OrderBy(kv => kv.Key).Select(kv => kv.Key + "=" + kv.Value).ToArray()),
                    string.Join(",", here.OrderBy(kv => kv.Key).Select(kv => kv.Key + "=" + kv.Value).ToArray()), block);
            };
            check(typeof(RefKind), "vietref_ref_kind", "VIETREF_REF_");
            check(typeof(Channel), "vietref_channel", "VIETREF_CHANNEL_");
            check(typeof(MemoList), "vietref_memo_list", "VIETREF_MEMO_");
            check(typeof(LegacyEncoding), "vietref_encoding", "VIETREF_ENCODING_");
            check(typeof(LegacyOptions), "vietref_legacy_option", "VIETREF_LEGACY_");
            check(typeof(LineStatus), "vietref_line_status", "VIETREF_LINE_");
            check(typeof(StatementFormat), "vietref_statement_format", "VIETREF_STATEMENT_");
            check(typeof(ResultsFormat), "vietref_results_format", "VIETREF_RESULTS_");
        }
    
        // ---- whole files: AddInvoicesCsv and FeedStatement -----------------------------------

        /// <summary>A bundled file of examples/reconcile (the repository's, next to tests/data).</summary>
        private static byte[] Example(string name)
        {
            return System.IO.File.ReadAllBytes(System.IO.Path.Combine(DataDir(), "..", "..", "examples", "reconcile", name));
        }

        private static Reconciler Loaded()
        {
            var r = new Reconciler("HP:6");
            using (var x = r.AddInvoicesCsv(Example("invoices.csv")))
                True(x.Added == 13 && x.Report.IsValid && x.Report.CleanedText == "13", "13 invoices loaded");
            return r;
        }

        private static long Num(Dictionary<string, object> o, string key) { return (long)(double)o[key]; }

        private static void ReconcileInvoicesCsv()
        {
            using (var r = new Reconciler("HP:6"))
            {
                using (var x = r.AddInvoicesCsv(Example("invoices.csv")))
                {
                    Eq(13UL, x.Added, "added");
                    True(x.Report.IsValid && !x.Report.Errors.Any(), "valid");
                    Eq("13", x.Report.CleanedText, "cleaned text: the number added");
                    Eq("Warning 14:code invoice.normalized", string.Join("|", x.Report.Findings.Select(f => f.Severity + " " + f.Field + " " + f.Key).ToArray()),
                        "the e-invoice number normalized, named by record and column");
                }
                Eq(13L, Num(Obj(r.SummaryJson), "invoices"), "summary invoices");
                var inv = Obj(r.InvoiceJson("HP 2401 0366"));
                Eq(C3, (string)inv["code"], "code held");
                Eq(1250000L, Num(inv, "amountDue"), "\"1,250,000\" read");
                Eq(750000L, Num(Obj(r.InvoiceJson("HP24010657")), "amountDue"), "\"750000.00\" read");
                // the same list again, as text: every record a duplicate (814), nothing added
                using (var x = r.AddInvoicesCsv(Encoding.UTF8.GetString(Example("invoices.csv"))))
                {
                    Eq(0UL, x.Added, "again: none added");
                    True(!x.Report.IsValid && x.Report.CleanedText == null, "again: invalid");
                    Eq(string.Join(",", Enumerable.Range(2, 13).Select(i => i + ":code=814").ToArray()),
                        string.Join(",", x.Report.Errors.Select(f => f.Field + "=" + f.Code).ToArray()), "duplicates per record");
                }
            }
            using (var r = new Reconciler("HP:6"))
            {
                using (var x = r.AddInvoicesCsv("code,amount\nHP24010172,abc\n"))
                {
                    Eq(0UL, x.Added, "bad amount: none added");
                    True(!x.Report.IsValid, "bad amount: invalid");
                    Eq("2:amount reconcile.amount_invalid Error", string.Join("|", x.Report.Findings.Select(f => f.Field + " " + f.Key + " " + f.Severity).ToArray()),
                        "bad amount finding");
                }
                Eq(0L, Num(Obj(r.SummaryJson), "invoices"), "nothing added");
                var data = "Mã HĐ;Phải thu\nHP24010172;1.250.000\nHP24010173;5\nHP24010269;980000\n";
                using (var x = r.AddInvoicesCsv(data, "code=Mã HĐ,amount=Phải thu"))
                {
                    Eq(2UL, x.Added, "mapped columns: two added");
                    Eq("3:Mã HĐ=410", string.Join(",", x.Report.Errors.Select(f => f.Field + "=" + f.Code).ToArray()), "the bad check digit");
                }
                using (var x = r.AddInvoicesCsv("code,amount\nHP24010463,1\n", "nonsense"))
                    True(x.Added == 0 && !x.Report.IsValid && x.Report.Errors.First().Field == "columns", "malformed columns");
                Eq(2L, Num(Obj(r.SummaryJson), "invoices"), "two in all");
            }
        }

        private static void ReconcileFeedStatement()
        {
            using (var r = Loaded())
            using (var byLine = Loaded())
            using (var x = r.FeedStatement(Example("statement.csv")))
            {
                True(x.Results.EndsWith("\n"), "JSON lines end in a newline");
                var rows = x.Results.TrimEnd('\n').Split('\n').Select(Obj).ToList();
                Eq(16, rows.Count, "one result per incoming line");
                foreach (var row in rows)
                    True(row.ContainsKey("line") && row.ContainsKey("status") && row.ContainsKey("invoice"), "line, status, invoice");
                var line12 = rows.Single(o => Num(o, "line") == 12);
                Eq("paid", (string)line12["status"], "line 12 status");
                Eq("HP24010851", (string)line12["invoice"], "line 12 invoice");
                Eq("duplicate", (string)rows.Single(o => Num(o, "line") == 6)["status"], "line 6: the second payment");
                True(!rows.Any(o => Num(o, "line") == 17), "the outgoing line 17 is not a result");
                var s = Obj(r.SummaryJson);
                True(x.Report.IsValid, "nothing rejected");
                Eq(rows.Count.ToString(), x.Report.CleanedText, "cleaned text: lines fed");
                var skipped = x.Report.Warnings.Where(f => f.Key == "reconcile.outgoing_skipped").ToList();
                Eq(Num(s, "skipped"), (long)skipped.Count, "skipped warnings = summary skipped");
                Eq("17:amount", skipped.Single().Field, "the outgoing line");
                Eq((long)rows.Count, Num(s, "lines"), "summary lines");
                // line 12 is what feeding that record on its own gives
                var one = byLine.Feed(12, 1250000, "HP 2401 0851 HOC PHI HK1 HS BUI THI M", "FT24253011", "2024-09-09 08:12:00", "BUI VAN TIEN");
                Eq(x.Results.Split('\n')[10], one.Json, "line 12 as Feed gives it");
            }
            using (var r = Loaded())
            using (var x = r.FeedStatement(Encoding.UTF8.GetString(Example("statement.csv")), StatementFormat.Csv, "", ResultsFormat.Csv))
            {
                True(x.Results.StartsWith("line,status,invoice,"), "CSV header: " + x.Results.Substring(0, 40));
                var lines = x.Results.Split(new[] { "\r\n" }, StringSplitOptions.None);
                Eq("", lines[lines.Length - 1], "CRLF at the end");
                True(lines[1].StartsWith("2,paid,HP24010172,") && lines[2].StartsWith("3,partial,"), "CSV rows: " + lines[1]);
            }
            using (var r = Loaded())
            using (var x = r.FeedStatement(Example("statement.jsonl"), StatementFormat.JsonLines))
            {
                var rows = x.Results.TrimEnd('\n').Split('\n').Select(Obj).ToList();
                var s = Obj(r.SummaryJson);
                True(x.Report.IsValid && rows.Count > 0, "JSON lines fed");
                Eq(Num(s, "lines"), (long)rows.Count, "JSON lines: one result per incoming line");
                Eq(Num(s, "skipped"), (long)x.Report.Warnings.Count(f => f.Key == "reconcile.outgoing_skipped"), "JSON lines: skipped");
                True(Num(s, "skipped") > 0 && x.Report.Findings.All(f => Regex.IsMatch(f.Field, @"^\d+:\w+$")), "LINE:COLUMN fields");
            }
            // a JSON array of the same objects: the same results, numbered by position
            var jsonl = Encoding.UTF8.GetString(Example("statement.jsonl")).Split('\n').Where(l => l.Trim().Length > 0);
            using (var a = Loaded())
            using (var b = Loaded())
            using (var x = a.FeedStatement(Example("statement.jsonl"), StatementFormat.JsonLines))
            using (var y = b.FeedStatement("[" + string.Join(",", jsonl.ToArray()) + "]", StatementFormat.Json))
            {
                Func<string, string> strip = t => string.Join("\n", t.Split('\n').Select(l => Regex.Replace(l, "^\\{\"line\":\\d+,", "{")).ToArray());
                Eq(strip(x.Results), strip(y.Results), "array and lines give the same results");
                Eq(x.Report.Findings.Count, y.Report.Findings.Count, "and the same findings");
            }
        }

        /// <summary>Issue 19's "done when": the school's XLSX invoices and the bank's XLSX statement.</summary>
        private static void ReconcileWorkbooks()
        {
            using (var r = new Reconciler("HP:8"))
            {
                ThrowsStatus(VietrefStatus.InvalidArgument, () => r.AddInvoices(Example("hoc_phi.xlsx"), StatementFormat.Json), "JSON is no invoice format");
                using (var x = r.AddInvoices(Example("hoc_phi.xlsx"), StatementFormat.Xlsx))
                {
                    Eq(7UL, x.Added, "workbook invoices added");
                    True(x.Report.IsValid, "workbook invoices valid");
                    Eq("1 reconcile.row_skipped|2 reconcile.row_skipped|12 reconcile.row_skipped",
                        string.Join("|", x.Report.Warnings.Select(f => f.Field + " " + f.Key).ToArray()), "title and totals rows skipped");
                }
                using (var x = r.FeedStatement(Example("sao_ke_vcb.xlsx"), StatementFormat.Xlsx))
                {
                    var rows = x.Results.Split('\n').Where(l => l.Length > 0).Select(l => Obj(l))
                        .Select(o => (long)Num(o, "line") + " " + o["status"] + " " + (o["invoice"] ?? "-")).ToArray();
                    Eq("9 paid HP2409010192|10 partial HP2409010289|11 overpaid HP2409010386|12 paid HP2409010483|13 paid HP2409010580|"
                        + "15 unmatched -|16 duplicate HP2409010192|17 unmatched -", string.Join("|", rows), "every row's status");
                }
            }
        }

        /// <summary>The bundled statement's records 40 times over (more lines than the second thread reads at a
        /// time, 512): the same results and summary on two threads as on one.</summary>
        private static void ReconcileTwoThreads()
        {
            var text = Encoding.UTF8.GetString(Example("statement.csv"));
            int nl = text.IndexOf('\n');
            var body = text.Substring(nl + 1);
            if (!body.EndsWith("\n")) body += "\n";
            var sb = new StringBuilder(text.Substring(0, nl + 1));
            for (int i = 0; i < 40; i++) sb.Append(body);
            var statement = Encoding.UTF8.GetBytes(sb.ToString());
            var outputs = new List<string>();
            foreach (uint threads in new uint[] { 1, 2 })
            {
                using (var r = Loaded())
                {
                    r.SetThreads(threads);
                    using (var x = r.FeedStatement(statement))
                    {
                        True(x.Report.IsValid, "fed on " + threads);
                        Eq(40 * 16, x.Results.Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries).Length, "results on " + threads);
                        outputs.Add(x.Results + "\n" + r.SummaryJson);
                    }
                }
            }
            Eq(outputs[0], outputs[1], "two threads as one");
            using (var r = Loaded()) r.SetThreads(0);
        }

        private static void ReconcileFeedStatementRefusals()
        {
            using (var r = Loaded())
            {
                var data = Example("statement.csv");
                foreach (var f in new uint[] { 0, 6 })
                {
                    var e = ThrowsStatus(VietrefStatus.InvalidArgument, () => r.FeedStatement(data, (StatementFormat)f), "format " + f);
                    Eq("vietref_reconciler_feed_statement", e.Context, "context");
                }
                foreach (var f in new uint[] { 0, 3 })
                    ThrowsStatus(VietrefStatus.InvalidArgument, () => r.FeedStatement(data, StatementFormat.Csv, "", (ResultsFormat)f), "results " + f);
                Eq(0L, Num(Obj(r.SummaryJson), "lines"), "nothing fed");
                using (var x = r.FeedStatement("date,amount,content,reference\n,abc,HP24010172,\n,1.250.000,HP24010172,\n"))
                {
                    Eq("2:amount", string.Join(",", x.Report.Errors.Select(f => f.Field).ToArray()), "the unreadable record");
                    Eq(3.0, (double)Obj(x.Results.TrimEnd('\n'))["line"], "the other fed");
                }
                Eq(1L, Num(Obj(r.SummaryJson), "rejected"), "rejected counted");
                using (var x = r.FeedStatement("a,b\n1,2\n"))
                    True(x.Results == "" && !x.Report.IsValid, "no statement header: nothing fed");
            }
            var closed = new Reconciler("HP:6");
            closed.Dispose();
            Throws<ObjectDisposedException>(() => closed.AddInvoicesCsv(new byte[0]), "closed: add");
            Throws<ObjectDisposedException>(() => closed.FeedStatement(new byte[0]), "closed: feed");
            // any bytes are data: invalid UTF-8 is a finding, not a refusal
            using (var r = new Reconciler("HP:6"))
            {
                var all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
                using (var x = r.AddInvoicesCsv(new byte[] { 0xFF })) True(x.Added == 0 && !x.Report.IsValid, "0xFF invoices");
                foreach (StatementFormat f in Enum.GetValues(typeof(StatementFormat)))
                {
                    using (var x = r.FeedStatement(new byte[] { 0xFF }, f)) True(x.Results == "" && !x.Report.IsValid, "0xFF statement " + f);
                    using (var x = r.FeedStatement(all, f, "", ResultsFormat.Csv)) True(x.Results != null, "all bytes " + f);
                }
                using (var x = r.AddInvoicesCsv(all)) True(!x.Report.IsValid, "all bytes as invoices");
            }
        }
    }
}
