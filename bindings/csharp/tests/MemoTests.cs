// Tests of references, memos, candidates, message schemes and the VietQR of a payment.
// Expected values: tests/data/references.json, and the hand-worked memos and payload of
// tests/c/test_memo.c (the same functions through C).
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Vietref.Tests
{
    internal static partial class Program
    {
        private const string TuitionJson =
            "{\"sector\":\"education\",\"payerName\":\"Nguyễn Văn An\",\"beneficiaryName\":\"Nguyễn Thị Bình\","
            + "\"reason\":\"Học phí học kỳ 1\",\"invoice\":\"HP7184097674\",\"amount\":1250000}";

        private static string Spaced(string code)
        {
            // "HP7184097674" -> "hp 7184 0976 74": the written form a person types.
            int letters = code.TakeWhile(char.IsLetter).Count();
            var sb = new StringBuilder(code.Substring(0, letters).ToLowerInvariant());
            for (int i = letters; i < code.Length; i += 4) sb.Append(' ').Append(code.Substring(i, Math.Min(4, code.Length - i)));
            return sb.ToString();
        }

        private static void ReferenceVectors()
        {
            var v = Vectors("references.json");
            int n = 0;
            foreach (var c in Cases(v, "payment_codes"))
            {
                string prefix = (string)c["prefix"], body = (string)c["body"], code = (string)c["code"];
                Eq(code, References.Create(prefix, body), "create " + prefix + " " + body);
                Eq(code, References.Create(RefKind.Code, prefix.ToLowerInvariant(), body), "create, lower-case prefix");
                Eq(code, References.Validate(RefKind.Code, code), "validate " + code);
                Eq(code, References.Validate(RefKind.Code, Spaced(code)), "validate " + Spaced(code));
                Eq(code, References.Compact(RefKind.Code, Spaced(code)), "compact " + Spaced(code));
                var printed = References.Format(RefKind.Code, code);
                Eq(code, printed.Replace(" ", ""), "format " + code + " only adds spaces");
                True(printed.StartsWith(prefix + " "), "format starts with the prefix: " + printed);
                True(References.IsValid(RefKind.Code, code), "is valid " + code);
                Eq(null, References.ValidationMessage(RefKind.Code, code), "no message for " + code);
                Eq(null, References.CreateMessage(RefKind.Code, prefix, body), "no create message for " + code);
                // One wrong check digit: refused with the checksum status and the library's words.
                var last = code[code.Length - 1];
                var wrong = code.Substring(0, code.Length - 1) + (last == '9' ? '0' : (char)(last + 1));
                True(!References.IsValid(RefKind.Code, wrong), "not valid " + wrong);
                var e = (ReferenceException)ThrowsStatus(VietrefStatus.RefInvalidChecksum,
                    () => References.Validate(RefKind.Code, wrong), "validate " + wrong);
                Eq("the check digits do not match (a typing error?)", e.Reason, "reason");
                Eq("chữ số kiểm tra không khớp (có thể gõ nhầm?)", e.ReasonVi, "reason vi");
                Eq("VIETREF_REF_INVALID_CHECKSUM", e.StatusName, "status name");
                Eq("vietref_ref_validate", e.Context, "context");
                n++;
            }
            True(n >= 8, "payment code vectors");
            foreach (string rf in (List<object>)v["rf_valid"])
            {
                var compact = rf.Replace(" ", "");
                Eq(compact, References.Validate(RefKind.Rf, rf), "validate " + rf);
                Eq(compact, References.Validate(RefKind.Rf, rf.ToLowerInvariant()), "validate lower " + rf);
                True(References.IsValid(RefKind.Rf, rf), "valid " + rf);
                Eq(compact, References.Format(RefKind.Rf, rf).Replace(" ", ""), "format " + rf);
                Eq(null, References.ValidationMessage(RefKind.Rf, rf, Lang.Vietnamese), "no message " + rf);
                // What an RF reference's body creates is the reference itself.
                Eq(compact, References.CreateRf(compact.Substring(4)), "create RF from the body of " + rf);
            }
            foreach (string rf in (List<object>)v["rf_invalid"])
            {
                True(!References.IsValid(RefKind.Rf, rf), "invalid " + rf);
                var e = Throws<ReferenceException>(() => References.Validate(RefKind.Rf, rf), "validate " + rf);
                True((uint)e.Status >= 300 && (uint)e.Status <= 305, "a reference status: " + e.Status);
                True(!string.IsNullOrEmpty(e.Reason) && !string.IsNullOrEmpty(e.ReasonVi) && e.Reason != e.ReasonVi, "reasons " + rf);
                Eq(e.Reason, References.ValidationMessage(RefKind.Rf, rf), "message = reason " + rf);
                Eq(e.Status, Throws<ReferenceException>(() => References.Format(RefKind.Rf, rf), "format " + rf).Status, "format status");
            }
            foreach (string mst in (List<object>)v["tax_code_valid"])
            {
                Eq(mst, References.Validate(RefKind.Mst, mst), "tax code " + mst);
                True(References.IsValid(RefKind.Mst, mst), "valid " + mst);
            }
            foreach (string mst in (List<object>)v["tax_code_invalid"])
            {
                True(!References.IsValid(RefKind.Mst, mst), "invalid " + mst);
                Throws<ReferenceException>(() => References.Validate(RefKind.Mst, mst), "tax code " + mst);
            }
        }

        private static void ReferenceForms()
        {
            var valid = new[]
            {
                new { Kind = RefKind.Code, Value = "hp 7184 0976 74", Compact = "HP7184097674", Printed = "HP 7184 0976 74" },
                new { Kind = RefKind.Code, Value = "VP372817430911", Compact = "VP372817430911", Printed = "VP 3728 1743 0911" },
                new { Kind = RefKind.Rf, Value = "rf20ezec2phy", Compact = "RF20EZEC2PHY", Printed = "RF20 EZEC 2PHY" },
                new { Kind = RefKind.EInvoice, Value = "1C24TAA-1234", Compact = "1C24TAA1234", Printed = "1C24TAA-00001234" },
                new { Kind = RefKind.EInvoice, Value = "1c24taa 00001234", Compact = "1C24TAA1234", Printed = "1C24TAA-00001234" },
                new { Kind = RefKind.Mst, Value = "0100233488-001", Compact = "0100233488001", Printed = "0100233488-001" },
            };
            foreach (var c in valid)
            {
                Eq(c.Compact, References.Validate(c.Kind, c.Value), "validate " + c.Value);
                Eq(c.Printed, References.Format(c.Kind, c.Value), "format " + c.Value);
                Eq(c.Compact, References.Compact(c.Kind, c.Value), "compact " + c.Value);
                True(References.IsValid(c.Kind, c.Value), "valid " + c.Value);
            }
            var invalid = new[]
            {
                new { Kind = RefKind.Code, Value = "HP 7184#0976", Status = VietrefStatus.RefInvalidChar,
                      En = "character '#' (U+0023) at position 8 is not allowed", Vi = "ký tự '#' (U+0023) tại vị trí 8 không được phép" },
                new { Kind = RefKind.Code, Value = "", Status = VietrefStatus.RefEmpty, En = "the value is empty", Vi = (string)null },
                new { Kind = RefKind.Rf, Value = "RF1", Status = VietrefStatus.RefInvalidLength,
                      En = "the value has 3 characters; expected 5 to 25", Vi = (string)null },
                new { Kind = RefKind.Rf, Value = "XX18539007547034", Status = VietrefStatus.RefInvalidPrefix,
                      En = "the value must start with RF, not XX", Vi = "giá trị phải bắt đầu bằng RF, không phải XX" },
                new { Kind = RefKind.Mst, Value = "010023348", Status = VietrefStatus.RefInvalidLength,
                      En = "the value has 9 characters; expected 10 to 13", Vi = "giá trị có 9 ký tự; cần từ 10 đến 13 ký tự" },
                new { Kind = RefKind.EInvoice, Value = "7C24TAA-1", Status = VietrefStatus.RefInvalidPart, En = (string)null, Vi = (string)null },
            };
            foreach (var c in invalid)
            {
                var e = (ReferenceException)ThrowsStatus(c.Status, () => References.Validate(c.Kind, c.Value), "validate " + c.Value);
                ThrowsStatus(c.Status, () => References.Format(c.Kind, c.Value), "format " + c.Value);
                if (c.En != null) Eq(c.En, e.Reason, "reason " + c.Value);
                if (c.Vi != null) Eq(c.Vi, e.ReasonVi, "reason vi " + c.Value);
                if (c.Vi != null) Eq(c.Vi, References.ValidationMessage(c.Kind, c.Value, Lang.Vietnamese), "message vi " + c.Value);
                True(e.ToString().Contains(e.Reason), "ToString has the reason");
                True(!References.IsValid(c.Kind, c.Value), "not valid " + c.Value);
            }
            // Compact: separators and case only, check digits not verified.
            Eq("HP7184097675", References.Compact(RefKind.Code, "hp 7184-0976.75"), "compact ignores check digits");
            Eq("RF19539007547034", References.Compact(RefKind.Rf, "RF19 5390 0754 7034"), "compact RF");
            ThrowsStatus(VietrefStatus.RefEmpty, () => References.Compact(RefKind.Mst, " . "), "compact empty");
            ThrowsStatus(VietrefStatus.RefInvalidChar, () => References.Compact(RefKind.Code, "HP#1"), "compact #");
            ThrowsStatus(VietrefStatus.RefInvalidPart, () => References.Compact(RefKind.EInvoice, "7C24TAA-1"), "compact e-invoice");

            // Create: prefix spelling, lengths, kinds.
            Eq("THCS19607550980861", References.Create("thcs", "1960 7550 9808"), "spaced body");
            Eq("RF18539007547034", References.CreateRf("5390 0754 7034"), "RF spaced");
            var ho = (ReferenceException)ThrowsStatus(VietrefStatus.RefInvalidPart, () => References.Create("HO", "71840976"), "prefix HO");
            Eq("the prefix \"HO\" is not valid: the letters O, I and L are not used in prefixes (they are confused with 0 and 1)",
                ho.Reason, "HO reason");
            Eq("tiền tố \"HO\" không hợp lệ: không dùng các chữ O, I, L trong tiền tố (dễ nhầm với 0 và 1)", ho.ReasonVi, "HO reason vi");
            Eq(ho.ReasonVi, References.CreateMessage(RefKind.Code, "HO", "71840976", Lang.Vietnamese), "create message vi");
            Eq("vietref_ref_create", ho.Context, "context");
            var longRf = (ReferenceException)ThrowsStatus(VietrefStatus.RefInvalidLength,
                () => References.CreateRf("1234567890123456789012"), "RF body of 22");
            Eq("the value has 22 characters; expected 1 to 21", longRf.Reason, "22 reason");
            Eq("giá trị có 22 ký tự; cần từ 1 đến 21 ký tự", longRf.ReasonVi, "22 reason vi");
            ThrowsStatus(VietrefStatus.RefEmpty, () => References.Create("HP", " - "), "empty body");
            ThrowsStatus(VietrefStatus.RefInvalidChar, () => References.Create("HP", "1234#678"), "body #");
            ThrowsStatus(VietrefStatus.RefInvalidPart, () => References.Create("HP", "12345"), "body of 5");
            Eq("the value is empty", References.CreateMessage(RefKind.Code, "HP", ""), "create message empty");
            // Kinds create does not take, an RF with a prefix, unknown kinds and languages: argument
            // errors, not refusals of a reference.
            foreach (var k in new[] { RefKind.EInvoice, RefKind.Mst, RefKind.Opaque, (RefKind)0, (RefKind)6 })
            {
                var e = ThrowsStatus(VietrefStatus.InvalidArgument, () => References.Create(k, "", "1"), "create kind " + k);
                True(!(e is ReferenceException), "a plain VietrefException");
            }
            ThrowsStatus(VietrefStatus.InvalidArgument, () => References.Create(RefKind.Rf, "HP", "1"), "RF with a prefix");
            ThrowsStatus(VietrefStatus.InvalidArgument, () => References.Validate(RefKind.Opaque, "HP7184097674"), "validate opaque");
            ThrowsStatus(VietrefStatus.InvalidArgument, () => References.Format((RefKind)9, "x"), "format kind 9");
            ThrowsStatus(VietrefStatus.InvalidArgument, () => References.Compact((RefKind)9, "x"), "compact kind 9");
            ThrowsStatus(VietrefStatus.InvalidArgument, () => References.IsValid((RefKind)0, "x"), "is valid kind 0");
            ThrowsStatus(VietrefStatus.InvalidArgument, () => References.ValidationMessage(RefKind.Code, "x", (Lang)7), "lang 7");
            ThrowsStatus(VietrefStatus.InvalidArgument, () => References.CreateMessage(RefKind.Code, "HO", "71840976", (Lang)0), "lang 0");
        }

        private static void MessageSchemes()
        {
            const string json = "{\"sector\":\"health\",\"payerName\":\"Trần Thị Mai\",\"reason\":\"Viện phí\",\"invoice\":\"vp 3728 1743 0911\"}";
            using (var m = Message.FromJson(json))
            {
                using (var r = m.Validate())
                    Eq("400 400 400", string.Join(" ", r.Findings.Select(f => f.Code.ToString()).ToArray()), "without schemes: three spaces");
                using (var r = m.Validate("HP:8, VP:10"))
                {
                    True(r.IsValid, "valid with the scheme");
                    Eq("invoice.normalized 401", r.Findings.Single().Key + " " + r.Findings.Single().Code, "normalized");
                    Eq("{\"sector\":\"health\",\"payerName\":\"Trần Thị Mai\",\"reason\":\"Viện phí\",\"invoice\":\"VP372817430911\"}",
                        r.CleanedJson, "cleaned");
                }
                using (var r = m.Validate(" , ")) Eq(3, r.Count, "an empty list is no scheme");
                foreach (var bad in new[] { "HO:8", "HP8", "HP:13" })
                    ThrowsStatus(VietrefStatus.RefSchemesInvalid, () => m.Validate(bad), "scheme " + bad);
            }
            using (var m = Message.FromJson(json.Replace("vp 3728 1743 0911", "VP372817430912")))
            using (var r = m.Validate("VP:10"))
            {
                True(!r.IsValid, "wrong check digit");
                Eq("invoice.check_digits 410", r.Findings.Single().Key + " " + r.Findings.Single().Code, "check digits");
            }
        }

        private static string Codes(Report r) { return string.Join(" ", r.Findings.Select(f => f.Code.ToString()).ToArray()); }

        private static string Names(IReadOnlyList<string> l) { return l == null ? "(null)" : string.Join(",", l.ToArray()); }

        private static void MemoRenderCustom()
        {
            using (var m = Message.FromJson(TuitionJson))
            {
                using (var r = Memo.RenderCustom(m, "", "mybank", "A-Z0-9 ", 30))
                {
                    True(r.IsValid, "valid");
                    var text = r.CleanedText;
                    Eq("HP7184097674 HOC PHI HOC KY 1", text, "memo text");
                    True(text.Length <= 30 && text == text.ToUpperInvariant(), "upper case within 30: " + text);
                    True(text.All(c => (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' '), "only the charset");
                    True(text.StartsWith("HP7184097674"), "starts with the code");
                    True(r.CleanedJson.StartsWith("{\"channel\":\"mybank\",\"budget\":30,"), "JSON names the channel: " + r.CleanedJson);
                    Eq("invoice,reason", Names(r.MemoFields(MemoList.Included)), "included");
                    Eq("beneficiaryName,payerName", Names(r.MemoFields(MemoList.Omitted)), "omitted");
                    Eq("", Names(r.MemoFields(MemoList.Clipped)), "none clipped");
                }
                using (var r = Memo.RenderCustom(m, "HP:8", "wide", "A-Za-z0-9 .", 200))
                    Eq("HP7184097674 HOC PHI HOC KY 1 HS NGUYEN THI BINH PH NGUYEN VAN AN", r.CleanedText, "wide channel");
                using (var r = Memo.RenderCustom(m, "", "bill", "A-Z0-9", 30, true))
                {
                    True(r.IsValid, "reference only is valid");
                    Eq("HP7184097674", r.CleanedText, "only the code");
                    Eq("607 607 607", Codes(r), "not carried");
                    Eq("invoice", Names(r.MemoFields(MemoList.Included)), "only the invoice");
                }
                using (var c = Memo.RenderCustom(m, "", "like-vietqr", "A-Z0-9 ", 25))
                using (var v = Memo.Render(m, Channel.VietQr))
                    Eq(v.CleanedText, c.CleanedText, "same budget as VietQR, same text");
                // A set without the code's letters, a budget shorter than the code: reports with errors.
                using (var r = Memo.RenderCustom(m, "", "lower", "a-z ", 30))
                {
                    True(!r.IsValid && r.CleanedText == null, "code cannot travel");
                    True(r.Errors.Any(f => f.Key == "memo.invoice_charset"), "invoice charset error");
                    Eq(null, r.MemoFields(MemoList.Included), "no field lists");
                }
                using (var r = Memo.RenderCustom(m, "", "short", "A-Z0-9", 5))
                    Eq("memo.invoice_too_long", r.Findings[0].Key, "too long");
                // Arguments.
                foreach (var bad in new[] { new { Name = "x", Charset = "", Budget = 30 }, new { Name = "x", Charset = "A-Z", Budget = 0 },
                                            new { Name = "", Charset = "A-Z", Budget = 30 }, new { Name = "x", Charset = "Z-A", Budget = 30 },
                                            new { Name = "x", Charset = "A-Zđ", Budget = 30 } })
                {
                    var e = ThrowsStatus(VietrefStatus.InvalidArgument, () => Memo.RenderCustom(m, "", bad.Name, bad.Charset, bad.Budget),
                        "bad arguments: " + bad);
                    Eq("vietref_memo_render_custom", e.Context, "context");
                }
                ThrowsStatus(VietrefStatus.RefSchemesInvalid, () => Memo.RenderCustom(m, "HP", "x", "A-Z0-9", 30), "scheme HP");
                Throws<ArgumentOutOfRangeException>(() => Memo.RenderCustom(m, "", "x", "A-Z", -1), "negative budget");
                Throws<ArgumentNullException>(() => Memo.RenderCustom(m, "", null, "A-Z", 30), "null name");
                Throws<ArgumentNullException>(() => Memo.RenderCustom(m, "", "x", null, 30), "null charset");
            }
            Throws<ArgumentNullException>(() => Memo.RenderCustom(null, "", "x", "A-Z", 30), "null message");
        }

        private static void MemoRender()
        {
            using (var m = Message.FromJson(TuitionJson))
            {
                using (var r = Memo.Render(m, "HP:8", Channel.VietQr))
                {
                    True(r.IsValid, "valid");
                    Eq("605 604 603 603", Codes(r), "folded, cut, two omitted");
                    Eq("memo.", r.Findings[0].Key.Substring(0, 5), "memo finding keys");
                    Eq("HP7184097674 HOC PHI HOC", r.CleanedText, "memo text");
                    Eq("{\"channel\":\"vietqr\",\"budget\":25,\"text\":\"HP7184097674 HOC PHI HOC\","
                        + "\"included\":[\"invoice\",\"reason\"],\"omitted\":[\"beneficiaryName\",\"payerName\"],"
                        + "\"clipped\":[\"reason\"]}", r.CleanedJson, "cleaned JSON");
                    Eq("invoice,reason", Names(r.MemoFields(MemoList.Included)), "included");
                    Eq("beneficiaryName,payerName", Names(r.MemoFields(MemoList.Omitted)), "omitted");
                    Eq("reason", Names(r.MemoFields(MemoList.Clipped)), "clipped");
                }
                using (var r = Memo.Render(m, Channel.Transfer))
                {
                    Eq("605 605 605", Codes(r), "three folds");
                    Eq("HP7184097674 HOC PHI HOC KY 1 HS NGUYEN THI BINH PH NGUYEN VAN AN", r.CleanedText, "transfer");
                    Eq("invoice,reason,beneficiaryName,payerName", Names(r.MemoFields(MemoList.Included)), "all included");
                    Eq("", Names(r.MemoFields(MemoList.Omitted)), "none omitted");
                    Eq("", Names(r.MemoFields(MemoList.Clipped)), "none clipped");
                }
                using (var r = Memo.Render(m, "", Channel.Transfer, 40))
                {
                    Eq("605 605 604 603", Codes(r), "budget 40 findings");
                    Eq("HP7184097674 HOC PHI HOC KY 1 HS NGUYEN", r.CleanedText, "budget 40");
                    Eq("invoice,reason,beneficiaryName", Names(r.MemoFields(MemoList.Included)), "included 40");
                    Eq("payerName", Names(r.MemoFields(MemoList.Omitted)), "omitted 40");
                    Eq("beneficiaryName", Names(r.MemoFields(MemoList.Clipped)), "clipped 40");
                }
                using (var r = Memo.Render(m, Channel.Pos))
                {
                    Eq("607 607 607", Codes(r), "not carried");
                    Eq("HP7184097674", r.CleanedText, "POS");
                    Eq("reason,beneficiaryName,payerName", Names(r.MemoFields(MemoList.Omitted)), "POS omitted");
                }
                using (var r = Memo.Render(m, Channel.VietQrBill)) Eq("HP7184097674", r.CleanedText, "bill number");
                using (var r = Memo.Render(m, Channel.MobileMoney))
                    Eq("HP7184097674 HOC PHI HOC KY 1 HS NGUYEN THI BINH", r.CleanedText, "mobile money");
                using (var r = Memo.Render(m, Channel.Iso20022))
                {
                    True(r.CleanedJson.Contains("\"xml\":\"<RmtInf><Ustrd>HP7184097674 HOC PHI HOC KY 1 HS NGUYEN THI BINH PH NGUYEN VAN AN"
                        + "</Ustrd></RmtInf>\"}"), "ISO 20022 XML: " + r.CleanedJson);
                    True(!r.CleanedJson.Contains("creditorReference"), "no creditor reference for a payment code");
                }
                // Arguments.
                ThrowsStatus(VietrefStatus.InvalidArgument, () => Memo.Render(m, (Channel)0), "channel 0");
                ThrowsStatus(VietrefStatus.InvalidArgument, () => Memo.Render(m, (Channel)7), "channel 7");
                ThrowsStatus(VietrefStatus.RefSchemesInvalid, () => Memo.Render(m, "HP", Channel.Pos), "scheme HP");
                Throws<ArgumentOutOfRangeException>(() => Memo.Render(m, "", Channel.Pos, -1), "negative budget");
                using (var r = Memo.Render(m, Channel.Pos))
                {
                    ThrowsStatus(VietrefStatus.InvalidArgument, () => r.MemoFields((MemoList)0), "list 0");
                    ThrowsStatus(VietrefStatus.InvalidArgument, () => r.MemoFields((MemoList)4), "list 4");
                }
            }
            const string rf = "{\"sector\":\"health\",\"payerName\":\"Trần Thị Mai\",\"reason\":\"Viện phí\",\"invoice\":\"RF18 5390 0754 7034\"}";
            using (var m = Message.FromJson(rf))
            using (var r = Memo.Render(m, Channel.Iso20022))
            {
                True(r.CleanedJson.Contains("\"creditorReference\":\"RF18539007547034\""), "creditor reference");
                True(r.CleanedJson.Contains("<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp>"
                    + "<Ref>RF18539007547034</Ref></CdtrRefInf></Strd>"), "structured reference");
            }
            // A code too long for 25 characters: an error, no text, no field lists.
            using (var m = Message.FromJson(rf.Replace("RF18 5390 0754 7034", "ABCDEFGHJKMNPQRSTUVWXYZ1234567")))
            using (var r = Memo.Render(m, Channel.VietQr))
            {
                True(!r.IsValid, "invalid");
                Eq(600u, r.Findings[0].Code, "memo.invoice_too_long");
                Eq(null, r.CleanedText, "no text");
                Eq(null, r.MemoFields(MemoList.Included), "no field list");
            }
            // An invalid message: its findings only (education without a beneficiary).
            using (var m = Message.FromJson("{\"sector\":\"education\",\"payerName\":\"An\",\"reason\":\"Học phí\",\"invoice\":\"HP1\"}"))
            using (var r = Memo.Render(m, Channel.Transfer))
            {
                True(!r.IsValid, "invalid message");
                Eq("300", Codes(r), "beneficiary required");
            }
            // Field lists of another kind of report.
            using (var r = Text.Check("An"))
                ThrowsStatus(VietrefStatus.WrongKind, () => r.MemoFields(MemoList.Included), "name report");
        }

        private static void MemoRoundTrip()
        {
            // Every channel: the rendered memo gives its invoice code back, once.
            using (var m = Message.FromJson(TuitionJson))
            {
                foreach (Channel ch in Enum.GetValues(typeof(Channel)))
                {
                    string memo;
                    using (var r = Memo.Render(m, "HP:8", ch)) memo = r.CleanedText;
                    var found = Memo.Extract(memo, "HP:8");
                    Eq(1, found.Count, "one code in the " + ch + " memo " + memo);
                    Eq("HP7184097674", found[0].Code, "code of " + ch);
                    Eq(RefKind.Code, found[0].Kind, "kind of " + ch);
                    Eq(0, found[0].Start, "start of " + ch);
                    Eq(12, found[0].End, "end of " + ch);
                    var parsed = (Dictionary<string, object>)MiniJson.Parse(Memo.Parse(memo, "HP:8"));
                    Eq("HP7184097674", (string)((Dictionary<string, object>)parsed["invoice"])["code"], "parsed code of " + ch);
                }
            }
            // Every payment code of the vectors: create, render into a transfer memo, mangle it as a
            // bank would, extract it back.
            foreach (var c in Cases(Vectors("references.json"), "payment_codes"))
            {
                string prefix = (string)c["prefix"], body = (string)c["body"];
                var code = References.Create(prefix, body);
                var scheme = prefix + ":" + body.Length;
                var json = "{\"sector\":\"health\",\"payerName\":\"Lê Thị Hoa\",\"reason\":\"Viện phí\",\"invoice\":\"" + Spaced(code) + "\"}";
                using (var m = Message.FromJson(json))
                using (var r = Memo.Render(m, scheme, Channel.Transfer))
                {
                    True(r.IsValid, "valid with " + scheme);
                    var memo = r.CleanedText;
                    Eq(code + " VIEN PHI NTT LE THI HOA", memo, "memo of " + code + " (health: NTT for the payer)");
                    var line = "MBVCB.123456." + memo.ToLowerInvariant().Replace(" ", ".") + ".CT tu 0011";
                    var found = Memo.Extract(line, scheme);
                    Eq(code, found.Single().Code, "extracted from " + line);
                    Eq(code.ToLowerInvariant(), line.Substring(found[0].Start, found[0].End - found[0].Start), "span in " + line);
                }
            }
            using (var m = Message.FromJson(TuitionJson))
            using (var r = Memo.Render(m, Channel.Transfer))
                Eq("{\"invoice\":{\"code\":\"HP7184097674\",\"kind\":\"payment_code\",\"start\":0,\"end\":12},"
                    + "\"reason\":\"HOC PHI HOC KY 1\",\"beneficiary\":\"NGUYEN THI BINH\",\"payer\":\"NGUYEN VAN AN\","
                    + "\"sector\":\"education\"}", Memo.Parse(r.CleanedText, "HP:8"), "parse the transfer memo");
            Eq("{\"invoice\":null,\"reason\":null,\"beneficiary\":null,\"payer\":null,\"sector\":null}", Memo.Parse(""), "parse empty");
        }

        private static void MemoExtract()
        {
            const string line = "CT DEN:0123 MBVCB.456 hp 7184 0976 74 NGUYEN VAN AN; TT RF18 5390 0754 7034 GD 9";
            var c = Memo.Extract(line, "HP:8");
            Eq(2, c.Count, "two candidates");
            int hp = line.IndexOf("hp 7184"), rf = line.IndexOf("RF18");
            Eq("HP7184097674|Code|" + hp + "|" + (hp + 15), c[0].Code + "|" + c[0].Kind + "|" + c[0].Start + "|" + c[0].End, "first");
            Eq("RF18539007547034|Rf|" + rf + "|" + (rf + 19), c[1].Code + "|" + c[1].Kind + "|" + c[1].Start + "|" + c[1].End, "second");
            Eq("[{\"code\":\"HP7184097674\",\"kind\":\"payment_code\",\"start\":" + hp + ",\"end\":" + (hp + 15) + "},"
                + "{\"code\":\"RF18539007547034\",\"kind\":\"rf\",\"start\":" + rf + ",\"end\":" + (rf + 19) + "}]", c.Json, "JSON");
            Eq("HP7184097674 RF18539007547034", string.Join(" ", c.Select(x => x.Code).ToArray()), "enumerates");
            Eq(1, Memo.Extract(line).Count, "without the scheme only the RF");
            Eq(0, Memo.Extract("", "HP:8").Count, "empty text");
            Eq("[]", Memo.Extract("", "HP:8").Json, "empty JSON");
            Eq(0, Memo.Extract("HP 7184 0976 75", "HP:8").Count, "wrong check digit");
            ThrowsStatus(VietrefStatus.RefSchemesInvalid, () => Memo.Extract("x", "HP:99"), "scheme HP:99");
            ThrowsStatus(VietrefStatus.RefSchemesInvalid, () => Memo.Parse("x", "X:8"), "parse scheme X:8");

            // Non-ASCII before the codes: byte offsets from the library, UTF-16 indices here.
            const string vi = "Học phí cháu Đức 😀: hp 7184 0976 74 ✓ RF18 5390 0754 7034";
            var v = Memo.Extract(vi, "HP:8");
            Eq(2, v.Count, "two in Vietnamese text");
            Eq("hp 7184 0976 74", vi.Substring(v[0].Start, v[0].End - v[0].Start), "UTF-16 span of the code");
            Eq("RF18 5390 0754 7034", vi.Substring(v[1].Start, v[1].End - v[1].Start), "UTF-16 span of the RF");
            var utf8 = Encoding.UTF8.GetBytes(vi);
            Eq("hp 7184 0976 74", Encoding.UTF8.GetString(utf8, v[0].ByteStart, v[0].ByteEnd - v[0].ByteStart), "byte span");
            Eq(Encoding.UTF8.GetByteCount(vi.Substring(0, v[1].Start)), v[1].ByteStart, "byte start = UTF-8 of the prefix");
        }

        private static void VietQrForPayment()
        {
            const string payload = "00020101021238570010A00000072701270006970436011300110012345670208QRIBFTTA5303704540712500005802VN"
                + "62440112HP71840976740824HP7184097674 HOC PHI HOC63043E06";
            using (var m = Message.FromJson(TuitionJson))
            {
                using (var r = VietQr.ForPayment(m, "HP:8", "970436", "0011001234567"))
                {
                    True(r.IsValid, "valid");
                    Eq("605 604 603 603", Codes(r), "rendering findings");
                    Eq(payload, r.CleanedText, "payload");
                }
                using (var r = VietQr.ForPayment(m, "", "97043", "0011001234567"))
                {
                    True(!r.IsValid, "invalid BIN");
                    Eq(517u, r.Findings[4].Code, "vietqr.bin after the rendering's");
                }
                ThrowsStatus(VietrefStatus.RefSchemesInvalid, () => VietQr.ForPayment(m, "HP", "970436", "1"), "scheme");
                // the C ABI's order, named arguments welcome; a call in the order of earlier releases
                // (bin, account, schemes) gives a BIN as the schemes and throws instead of swapping silently
                using (var r = VietQr.ForPayment(m, schemes: "HP:8", bin: "970436", account: "0011001234567"))
                    Eq(payload, r.CleanedText, "named arguments");
                ThrowsStatus(VietrefStatus.RefSchemesInvalid, () => VietQr.ForPayment(m, "970436", "0011001234567", "HP:8"),
                    "the old order");
                ThrowsStatus(VietrefStatus.RefSchemesInvalid, () => VietQr.ForPayment(m, "970436", "0011001234567", ""),
                    "the old order without schemes");
            }
            using (var d = VietQr.Decode(payload))
            using (var q = d.ToVietQr())
            {
                var c = q.PaymentCodes("HP:8");
                Eq(1, c.Count, "the code once from purpose and bill");
                Eq("HP7184097674 0 12", c[0].Code + " " + c[0].Start + " " + c[0].End, "code and span in the purpose");
                Eq(0, q.PaymentCodes().Count, "without the scheme none");
                ThrowsStatus(VietrefStatus.RefSchemesInvalid, () => q.PaymentCodes("HP:5"), "scheme HP:5");
            }
            using (var m = Message.FromJson("{\"sector\":\"education\",\"payerName\":\"An\",\"reason\":\"Học phí\",\"invoice\":\"HP1\"}"))
            using (var r = VietQr.ForPayment(m, "", "970436", "1"))
                Eq("300", Codes(r), "invalid message: its findings only");
            Throws<ArgumentNullException>(() => VietQr.ForPayment(null, "", "970436", "1"), "null message");
            Throws<ArgumentNullException>(() => Memo.Render(null, Channel.Pos), "null message");
            var closed = Message.FromJson(TuitionJson);
            closed.Dispose();
            Throws<ObjectDisposedException>(() => Memo.Render(closed, Channel.Pos), "disposed message");
            Throws<ObjectDisposedException>(() => VietQr.ForPayment(closed, "", "970436", "1"), "disposed message");
        }
    }
}
