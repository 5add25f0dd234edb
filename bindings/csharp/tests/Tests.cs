// Self-checking tests of the C# binding (no test framework needed: runs on Mono, .NET
// Framework and .NET). Prints one line per test and ends with "N passed, N failed"; exits 1
// on any failure.
//
//   Tests.exe                 run every test (needs VIETREF_LIB or a findable library)
//   Tests.exe --print-load    print where the library was loaded from and its version
//   Tests.exe --only TEXT     run only the tests whose name contains TEXT
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Vietref.Tests
{
    internal static partial class Program
    {
        private static int passed, failed;
        private static string only;

        private static int Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "--print-load")
            {
                try
                {
                    Console.WriteLine(VietrefLibrary.LoadedFrom);
                    Console.WriteLine(VietrefLibrary.Version);
                    return 0;
                }
                catch (VietrefLoadException e)
                {
                    Console.Error.WriteLine("VietrefLoadException: " + e.Message);
                    return 3;
                }
            }
            if (args.Length > 1 && args[0] == "--only") only = args[1];
            // Load first: every later test may rely on it (and Mono's ordering is exercised).
            Run("library loads from VIETREF_LIB", LoadsFromEnv);
            Run("text vectors: names display and fold", NamesDisplayAndFold);
            Run("text vectors: bad names rejected", BadNames);
            Run("text vectors: tone styles", ToneStyles);
            Run("text vectors: security flags", SecurityFlags);
            Run("keys, lookalikes, payee names", KeysAndLookalikes);
            Run("finding details of a name", FindingDetails);
            Run("tuition message", TuitionMessage);
            Run("every finding collected", EveryFindingCollected);
            Run("message from JSON", MessageFromJson);
            Run("message JSON rejected", MessageJsonRejected);
            Run("dispose is idempotent; use after dispose throws", DisposeRules);
            Run("report outlives its message; finalizers run", Lifetimes);
            Run("status to exception (NULL with a length)", NullWithLength);
            Run("unknown tone style is invalid argument", UnknownToneStyle);
            Run("every status has a name and both messages", StatusTexts);
            Run("enums match the header", EnumsMatchHeader);
            Run("junk: null", JunkNull);
            Run("junk: lone surrogates are invalid UTF-8", JunkSurrogates);
            Run("junk: empty and NUL", JunkEmpty);
            Run("junk: 1 MB", JunkLarge);
            Run("vietqr vectors: payloads decode to their fields, round trip", VietQrPayloads);
            Run("vietqr vectors: CRC", VietQrCrc);
            Run("vietqr vectors: lenient only", VietQrLenient);
            Run("vietqr: to account, payee, banks", VietQrBuild);
            Run("vietqr: wrong kind, bad JSON, junk", VietQrJunk);
            Run("references vectors: create, validate, format, compact, is valid", ReferenceVectors);
            Run("references: forms, refusals with reasons, argument faults", ReferenceForms);
            Run("message validated with payment-code schemes", MessageSchemes);
            Run("memo render: every channel, budgets, field lists", MemoRender);
            Run("memo round trip: render, extract the code back, parse", MemoRoundTrip);
            Run("memo extract: candidates, spans in UTF-16 and bytes, JSON", MemoExtract);
            Run("vietqr for a payment, payment codes read back", VietQrForPayment);
            Run("legacy vectors: decode, encode, detect, mojibake", LegacyVectors);
            Run("legacy decode: refusals with details", LegacyDecode);
            Run("legacy encode: losses, capitals, unencodable", LegacyEncode);
            Run("legacy detect: confidence, ambiguity, declared", LegacyDetect);
            Run("legacy encoding names, mojibake repair", LegacyNames);
            Run("reconcile: one line per status", ReconcileStatuses);
            Run("reconcile: invoices added and refused, ownership", ReconcileInvoices);
            Run("new statuses: numbers, names, messages", NewStatuses);
            Run("new enums match the header", NewEnumsMatchHeader);
            Run("junk (new API): null", NewJunkNull);
            Run("junk (new API): invalid UTF-8", NewJunkInvalidUtf8);
            Run("junk (new API): empty and NUL", NewJunkEmpty);
            Run("junk (new API): 1 MB", NewJunkLarge);
            Run("loading: VIETREF_LIB missing file", LoadMissingEnv);
            Run("loading: package-relative, then system", LoadPackageRelative);

            Console.WriteLine();
            Console.WriteLine("{0} passed, {1} failed", passed, failed);
            return failed == 0 ? 0 : 1;
        }

        private static void Run(string name, Action test)
        {
            if (only != null && !name.Contains(only)) return;
            try
            {
                test();
                passed++;
                Console.WriteLine("ok   " + name);
            }
            catch (Exception e)
            {
                failed++;
                Console.WriteLine("FAIL " + name + ": " + e);
            }
        }

        // ---- assertions ------------------------------------------------------------------

        private static void Eq<T>(T expected, T actual, string what)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, actual))
                throw new Exception(string.Format("{0}: expected <{1}>, got <{2}>", what, expected, actual));
        }

        private static void True(bool cond, string what)
        {
            if (!cond) throw new Exception("not true: " + what);
        }

        private static TEx Throws<TEx>(Action a, string what) where TEx : Exception
        {
            try { a(); }
            catch (TEx e) { return e; }
            catch (Exception e) { throw new Exception(what + ": expected " + typeof(TEx).Name + ", got " + e); }
            throw new Exception(what + ": expected " + typeof(TEx).Name + ", nothing thrown");
        }

        private static VietrefException ThrowsStatus(VietrefStatus status, Action a, string what)
        {
            var e = Throws<VietrefException>(a, what);
            Eq(status, e.Status, what);
            return e;
        }

        // ---- data ------------------------------------------------------------------------

        private static string Repo()
        {
            foreach (var start in new[] { Environment.CurrentDirectory, AppDomain.CurrentDomain.BaseDirectory })
            {
                for (var d = new DirectoryInfo(start); d != null; d = d.Parent)
                    if (File.Exists(Path.Combine(d.FullName, "include/vietref_flat.h"))) return d.FullName;
            }
            throw new Exception("repository root not found (run from inside the repository)");
        }

        private static string DataDir()
        {
            return Environment.GetEnvironmentVariable("VIETREF_TEST_DATA") ?? Path.Combine(Repo(), "tests/data");
        }

        private static string HeaderPath()
        {
            return Environment.GetEnvironmentVariable("VIETREF_HEADER") ?? Path.Combine(Repo(), "include/vietref_flat.h");
        }

        private static Dictionary<string, object> Vectors(string name)
        {
            return (Dictionary<string, object>)MiniJson.Parse(File.ReadAllText(Path.Combine(DataDir(), name), Encoding.UTF8));
        }

        private static IEnumerable<Dictionary<string, object>> Cases(Dictionary<string, object> v, string key)
        {
            return ((List<object>)v[key]).Cast<Dictionary<string, object>>();
        }

        // ---- tests -----------------------------------------------------------------------

        private static void LoadsFromEnv()
        {
            Eq(Environment.GetEnvironmentVariable("VIETREF_LIB"), VietrefLibrary.LoadedFrom, "loaded from");
            True(VietrefLibrary.Version.StartsWith("0.1."), "version 0.1.x");
        }

        private static void NamesDisplayAndFold()
        {
            var v = Vectors("text.json");
            int n = 0;
            foreach (var c in Cases(v, "names"))
            {
                var input = (string)c["input"];
                var name = (string)c["name"];
                Eq(name, Text.Name(input), "name of " + input);
                Eq((string)c["fold"], Text.Fold(input), "fold of " + input);
                using (var r = Text.Check(input, "payerName"))
                {
                    True(r.IsValid, "valid: " + input);
                    Eq("\"" + name + "\"", r.CleanedJson, "cleaned of " + input);
                    if (name != input) True(r.Warnings.Any(), "change reported: " + input);
                    True(!r.Errors.Any(), "no error: " + input);
                    True(r.Findings.All(f => f.Field == "payerName"), "field path");
                }
                n++;
            }
            True(n >= 20, "at least 20 names");
        }

        private static void BadNames()
        {
            foreach (string bad in (List<object>)Vectors("text.json")["bad_names"])
            {
                using (var r = Text.Check(bad, "payerName"))
                {
                    True(!r.IsValid, "rejected: " + bad);
                    True(r.Errors.Any(), "error finding: " + bad);
                    Eq(null, r.CleanedJson, "no cleaned value");
                }
                var e = ThrowsStatus(VietrefStatus.TextNameInvalid, () => Text.Name(bad), "name of " + bad);
                Eq("VIETREF_TEXT_NAME_INVALID", e.StatusName, "status name");
            }
        }

        private static void ToneStyles()
        {
            foreach (var c in Cases(Vectors("text.json"), "tone"))
            {
                var input = (string)c["input"];
                Eq((string)c["traditional"], Text.Retone(input, ToneStyle.Traditional), "traditional " + input);
                Eq((string)c["main_vowel"], Text.Retone(input, ToneStyle.MainVowel), "main vowel " + input);
            }
        }

        private static void SecurityFlags()
        {
            foreach (var c in Cases(Vectors("text.json"), "security"))
            {
                using (var r = Text.Check((string)c["input"]))
                    Eq((bool)c["flagged"], !r.IsValid, "flagged " + c["input"]);
            }
        }

        private static void KeysAndLookalikes()
        {
            Eq(Text.Key("Thủy"), Text.Key("THUỶ"), "key ignores case and tone style");
            Eq(Text.Key("Thủy"), Text.Key("Thu\u0309y"), "key ignores NFD");
            True(Text.Key("Thủy") != Text.Key("Thúy"), "key keeps letters");
            True(Text.LooksLike("HOA", "\u041d\u041e\u0410"), "Cyrillic HOA looks like Latin");
            True(!Text.LooksLike("HOA", "HOB"), "HOB does not");
            Eq(NameComparison.Same, Text.ComparePayeeName("TRƯỜNG THPT A", "Trường THPT A"), "same");
            Eq(NameComparison.Lookalike, Text.ComparePayeeName("\u0422rường THPT A", "Trường THPT A"), "lookalike");
            Eq(NameComparison.Different, Text.ComparePayeeName("Bệnh viện B", "Trường THPT A"), "different");
        }

        private static void FindingDetails()
        {
            using (var r = Text.Check("Lê @Anh", "payerName"))
            {
                var errors = r.Errors.ToList();
                Eq(1, errors.Count, "one error");
                var f = errors[0];
                Eq(Severity.Error, f.Severity, "severity");
                Eq("payerName", f.Field, "field");
                Eq((long?)4, f.Position, "position");
                Eq("@", f.Character, "character");
                Eq((int?)'@', f.CodePoint, "code point");
                True(f.Message.Contains("@") && f.MessageVi.Contains("@"), "messages name the character");
                True(f.Message != f.MessageVi, "two languages");
            }
        }

        private static Message Tuition()
        {
            return new Message()
                .SetSector("education")
                .SetPayerName("  nguyễn   văn AN ")
                .SetBeneficiaryName("Nguyễn Thị Bình")
                .SetReason("Học phí học kỳ 1 năm 2024-2025")
                .SetInvoice("HP7184097674")
                .SetAmount(1250000);
        }

        private static void TuitionMessage()
        {
            // Expected output as documented for examples/c/tuition.c in the README (chapter "C ABI").
            using (var m = Tuition())
            using (var r = m.Validate())
            {
                True(r.IsValid, "valid");
                Eq(2, r.Count, "two findings");
                var f = r.Findings;
                Eq("warning payerName text.whitespace 102", Describe(f[0]), "first");
                Eq("warning payerName name.case 204", Describe(f[1]), "second");
                True(f[1].Message.Contains("Nguyễn Văn An"), "display form in the message");
                True(f[1].MessageVi.StartsWith("chữ hoa/thường"), "Vietnamese message");
                var cleaned = (Dictionary<string, object>)MiniJson.Parse(r.CleanedJson);
                Eq("Nguyễn Văn An", (string)cleaned["payerName"], "cleaned payer");
                Eq(1250000.0, (double)cleaned["amount"], "cleaned amount");
                var whole = (Dictionary<string, object>)MiniJson.Parse(r.Json);
                Eq(true, (bool)whole["valid"], "json valid");
            }
        }

        private static string Describe(Finding f)
        {
            return (f.Severity == Severity.Error ? "error" : "warning") + " " + f.Field + " " + f.Key + " " + f.Code;
        }

        private static void EveryFindingCollected()
        {
            using (var m = new Message().SetSector("bank").SetPayerName("Lê 2").SetReason("").SetInvoice("ab c").SetAmount(0))
            using (var r = m.Validate())
            {
                True(!r.IsValid, "invalid");
                Eq("message.sector_invalid name.digit text.empty invoice.invalid_char message.amount_zero",
                    string.Join(" ", r.Findings.Select(f => f.Key).ToArray()), "keys in order");
                True(r.Findings.All(f => f.IsError), "all errors");
                var d = r.Findings[1];
                Eq("payerName 4 2 200", d.Field + " " + d.Position + " " + d.Character + " " + d.Code, "digit finding");
                Eq(null, r.Findings[0].Position, "no position");
                Eq(null, r.Findings[0].CodePoint, "no character");
                Eq(null, r.CleanedJson, "no cleaned value");
            }
        }

        private static void MessageFromJson()
        {
            const string json = "{\"sector\":\"education\",\"payerName\":\"nguyễn văn an\",\"beneficiaryName\":\"Nguyễn Thị Bình\","
                + "\"reason\":\"Học phí\",\"invoice\":\"HP7184097674\",\"amount\":\"1250000\"}";
            using (var m = Message.FromJson(json))
            using (var r = m.Validate())
            {
                True(r.IsValid, "valid");
                Eq("name.case", string.Join(" ", r.Findings.Select(f => f.Key).ToArray()), "one warning");
            }
            using (var m = Message.FromJson("{\"amount\": true}"))
            using (var r = m.Validate())
                True(r.Errors.Any(f => f.Key == "message.amount_invalid"), "wrong value type reported");
        }

        private static void MessageJsonRejected()
        {
            foreach (var bad in new[] { "", "{", "null", "3", "{\"payerName\": 3}" })
            {
                var e = ThrowsStatus(VietrefStatus.MessageJsonInvalid, () => Message.FromJson(bad), "json " + bad);
                Eq("VIETREF_MESSAGE_JSON_INVALID", e.StatusName, "name");
                True(e.Message.Length > 0 && e.MessageVi.Length > 0 && e.Message != e.MessageVi, "both messages");
            }
        }

        private static void DisposeRules()
        {
            var m = new Message().SetSector("education");
            var r = m.Validate();
            m.Dispose();
            m.Dispose();
            True(m.IsClosed, "closed");
            Throws<ObjectDisposedException>(() => m.Validate(), "validate after dispose");
            Throws<ObjectDisposedException>(() => m.SetReason("x"), "set after dispose");
            var findings = r.Findings;
            r.Dispose();
            r.Dispose();
            Throws<ObjectDisposedException>(() => { var unused = r.IsValid; }, "report after dispose");
            True(findings.Count > 0 && findings[0].Key.Length > 0, "findings outlive the report");
        }

        private static void Lifetimes()
        {
            var m = Tuition();
            var r = m.Validate();
            m.Dispose();
            True(r.IsValid && r.Count == 2, "report after its message is freed");
            r.Dispose();
            for (int i = 0; i < 1000; i++)
            {
                var x = new Message().SetPayerName("Nguyễn Văn An");
                x.Validate(); // neither disposed: the finalizers free them
            }
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        private static void NullWithLength()
        {
            bool wrote;
            var st = Native.Api.RawFold(null, (UIntPtr)5, out wrote);
            Eq(1u, st, "VIETREF_NULL_ARGUMENT");
            True(!wrote, "out-parameter untouched");
            var e = Throws<VietrefException>(() => Native.Check(st, "vietref_text_fold"), "check");
            Eq(VietrefStatus.NullArgument, e.Status, "status");
            Eq("VIETREF_NULL_ARGUMENT", e.StatusName, "name");
            Eq(VietrefLibrary.StatusMessage(1, Lang.English), e.Message, "English message");
            Eq(VietrefLibrary.StatusMessage(1, Lang.Vietnamese), e.MessageVi, "Vietnamese message");
            Eq("vietref_text_fold", e.Context, "context");
            True(e.ToString().Contains("VIETREF_NULL_ARGUMENT"), "ToString names the status");
            var unknown = Native.Error(9999, "x");
            Eq((VietrefStatus)9999, unknown.Status, "unknown number kept");
            Eq("VIETREF_STATUS_9999", unknown.StatusName, "unknown name");
        }

        private static void UnknownToneStyle()
        {
            ThrowsStatus(VietrefStatus.InvalidArgument, () => Text.Retone("Hòa", (ToneStyle)9), "style 9");
        }

        private static void StatusTexts()
        {
            foreach (VietrefStatus s in Enum.GetValues(typeof(VietrefStatus)))
            {
                True(VietrefLibrary.StatusName((uint)s) != null, "name of " + s);
                True(!string.IsNullOrEmpty(VietrefLibrary.StatusMessage((uint)s, Lang.English)), "English " + s);
                True(!string.IsNullOrEmpty(VietrefLibrary.StatusMessage((uint)s, Lang.Vietnamese)), "Vietnamese " + s);
            }
            Eq(null, VietrefLibrary.StatusName(9999), "not a status");
        }

        private static string Constant(string pascal)
        {
            return Regex.Replace(pascal, "(?<=[a-z0-9])([A-Z])", "_$1").ToUpperInvariant().Replace("UTF_8", "UTF8").Replace("VIET_QR", "VIETQR");
        }

        private static void EnumsMatchHeader()
        {
            var header = File.ReadAllText(HeaderPath());
            var consts = new Dictionary<string, uint>();
            foreach (Match mm in Regex.Matches(header, @"\b(VIETREF_[A-Z0-9_]+)\s*=\s*(\d+)"))
                consts[mm.Groups[1].Value] = uint.Parse(mm.Groups[2].Value);
            Action<Type, string, Func<string, string>> check = (t, prefix, rename) =>
            {
                foreach (var name in Enum.GetNames(t))
                {
                    var c = prefix + rename(name);
                    True(consts.ContainsKey(c), c + " in the header");
                    Eq(consts[c], Convert.ToUInt32(Enum.Parse(t, name)), c);
                }
            };
            check(typeof(VietrefStatus), "VIETREF_", n => Constant(n).Replace("UTF_8", "UTF8"));
            check(typeof(Severity), "VIETREF_SEVERITY_", Constant);
            check(typeof(ToneStyle), "VIETREF_TONE_", Constant);
            check(typeof(NameComparison), "VIETREF_NAME_", Constant);
            check(typeof(Lang), "VIETREF_LANG_", n => n == "English" ? "EN" : "VI");
            check(typeof(VietQrMode), "VIETREF_VIETQR_", Constant);
            check(typeof(VietQrField), "VIETREF_VIETQR_FIELD_", Constant);
            var statusBlock = Regex.Match(header, @"enum vietref_status \{(.*?)\}", RegexOptions.Singleline).Groups[1].Value;
            var inHeader = Regex.Matches(statusBlock, @"VIETREF_[A-Z0-9_]+").Cast<Match>().Select(x => x.Value).OrderBy(x => x);
            var here = Enum.GetNames(typeof(VietrefStatus)).Select(n => "VIETREF_" + Constant(n).Replace("UTF_8", "UTF8")).OrderBy(x => x);
            Eq(string.Join(",", inHeader.ToArray()), string.Join(",", here.ToArray()), "every header status is named");
        }

        private static readonly Func<string, object>[] TextFunctions =
        {
            s => Text.Name(s), s => Text.Fold(s), s => Text.Key(s),
            s => Text.Retone(s, ToneStyle.MainVowel), s => Text.Check(s), s => Text.Check("An", s),
            s => Text.LooksLike(s, "a"), s => Text.LooksLike("a", s),
            s => Text.ComparePayeeName(s, "a"), s => Text.ComparePayeeName("a", s),
            s => Message.FromJson(s),
            s => new Message().SetSector(s), s => new Message().SetPayerName(s),
            s => new Message().SetBeneficiaryName(s), s => new Message().SetReason(s), s => new Message().SetInvoice(s),
        };

        private static void JunkNull()
        {
            for (int i = 0; i < TextFunctions.Length; i++)
            {
                var fn = TextFunctions[i];
                Throws<ArgumentNullException>(() => fn(null), "null to function " + i);
            }
        }

        private static void JunkSurrogates()
        {
            foreach (var junk in new[] { "\ud800", "Nguy\udce1n", "\udc00\ud800", "a\ud83d" })
            {
                for (int i = 0; i < TextFunctions.Length; i++)
                {
                    var fn = TextFunctions[i];
                    ThrowsStatus(VietrefStatus.InvalidUtf8, () => fn(junk), "lone surrogate to function " + i);
                }
            }
            Eq("A", Text.Fold("\ud83d\ude00A").Trim(), "a real pair is fine");
        }

        private static void JunkEmpty()
        {
            Eq("", Text.Fold(""), "fold empty");
            Eq("", Text.Key(""), "key empty");
            ThrowsStatus(VietrefStatus.TextNameInvalid, () => Text.Name(""), "name empty");
            using (var r = Text.Check("")) True(!r.IsValid && r.Errors.Any(), "check empty");
            using (var m = new Message().SetSector("").SetPayerName("").SetReason("").SetInvoice(""))
            using (var r = m.Validate())
                True(!r.IsValid && r.Errors.Count() >= 4, "empty message");
            using (var r = Text.Check("Phạm\0Hùng"))
                True(r.Errors.Any(f => f.CodePoint == 0), "NUL reported");
            True(!Text.Fold("a\0b").Contains("\0"), "NUL folded away");
        }

        private static void JunkLarge()
        {
            var sb = new StringBuilder();
            for (int i = 0; i < 1024 * 1024 / 17 + 1; i++) sb.Append("Nguyễn Văn An ");
            var big = sb.ToString();
            True(Encoding.UTF8.GetByteCount(big) > 1024 * 1024, "1 MB");
            True(Text.Fold(big).StartsWith("NGUYEN VAN AN NGUYEN"), "fold 1 MB");
            True(Text.Key(big).Length > 0, "key 1 MB");
            using (var r = Text.Check(big, "payerName")) True(r.IsValid || r.Errors.Any(), "a report");
            try { Text.Name(big); }
            catch (VietrefException e) { Eq(VietrefStatus.TextNameInvalid, e.Status, "name 1 MB"); }
            using (var m = new Message().SetSector("education").SetPayerName(big).SetReason(big).SetInvoice(big))
            using (var r = m.Validate())
                True(!r.IsValid && r.Errors.Any(), "1 MB message has errors");
            ThrowsStatus(VietrefStatus.MessageJsonInvalid, () => Message.FromJson(new string('[', 1000000)), "deep JSON");
        }

        // ---- loading ---------------------------------------------------------------------

        private static Process Start(string exe, string dir, Dictionary<string, string> env)
        {
            var runtime = Process.GetCurrentProcess().MainModule.FileName;
            bool isMono = Type.GetType("Mono.Runtime") != null;
            var psi = new ProcessStartInfo(isMono ? runtime : exe, (isMono ? "\"" + exe + "\" " : "") + "--print-load")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = dir,
            };
            psi.EnvironmentVariables.Remove("VIETREF_LIB");
            foreach (var kv in env) psi.EnvironmentVariables[kv.Key] = kv.Value;
            var p = Process.Start(psi);
            p.WaitForExit();
            return p;
        }

        private static void LoadMissingEnv()
        {
            var exe = typeof(Program).Assembly.Location;
            var p = Start(exe, Path.GetDirectoryName(exe), new Dictionary<string, string> { { "VIETREF_LIB", "/nonexistent/libvietref.so" } });
            var err = p.StandardError.ReadToEnd();
            Eq(3, p.ExitCode, "exit code; stderr: " + err);
            True(err.Contains("VIETREF_LIB: /nonexistent/libvietref.so"), "names the path: " + err);
        }

        private static void LoadPackageRelative()
        {
            var lib = Environment.GetEnvironmentVariable("VIETREF_LIB");
            var here = Path.GetDirectoryName(typeof(Program).Assembly.Location);
            var dir = Path.Combine(Path.GetTempPath(), "vietref-cs-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                foreach (var f in new[] { "Vietref.dll", Path.GetFileName(typeof(Program).Assembly.Location) })
                    File.Copy(Path.Combine(here, f), Path.Combine(dir, f));
                var exe = Path.Combine(dir, Path.GetFileName(typeof(Program).Assembly.Location));
                var env = new Dictionary<string, string> { { "LD_LIBRARY_PATH", "" }, { "DYLD_LIBRARY_PATH", "" } };

                var rid = NativeLibraryLoader.RuntimeIdentifier;
                var file = NativeLibraryLoader.FileName;
                var p = Start(exe, dir, env);
                var err = p.StandardError.ReadToEnd();
                if (p.ExitCode == 0)
                {
                    // a libvietref installed on the system was found by the system search
                    Eq("", p.StandardOutput.ReadToEnd().Split('\n')[0].Trim(), "found by the system search");
                }
                else
                {
                    Eq(3, p.ExitCode, "no library anywhere; stderr: " + err);
                    True(err.Contains("package: " + Path.Combine(dir, "runtimes", rid, "native", file)), "names the runtimes path: " + err);
                    True(err.Contains("package: " + Path.Combine(dir, file)), "names the assembly directory: " + err);
                    True(err.Contains("system: vietref"), "names the system search: " + err);
                }

                var native = Path.Combine(dir, "runtimes", rid, "native");
                Directory.CreateDirectory(native);
                File.Copy(lib, Path.Combine(native, file));
                p = Start(exe, dir, env);
                var output = p.StandardOutput.ReadToEnd();
                Eq(0, p.ExitCode, "runtimes path; stderr: " + p.StandardError.ReadToEnd());
                Eq(Path.Combine(native, file), output.Split('\n')[0].Trim(), "loaded from the package");
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        // ---- VietQR ------------------------------------------------------------------------

        private static string Field(Dictionary<string, object> d, string key)
        {
            object v;
            return d.TryGetValue(key, out v) ? (string)v : null;
        }

        private static void VietQrPayloads()
        {
            var v = Vectors("vietqr.json");
            int n = 0;
            foreach (var c in Cases(v, "payloads"))
            {
                var payload = (string)c["payload"];
                var f = (Dictionary<string, object>)c["fields"];
                using (var r = VietQr.Decode(payload))
                {
                    True(r.IsValid, "valid " + payload);
                    Eq(0, r.Count, "no findings");
                    var cleaned = (Dictionary<string, object>)MiniJson.Parse(r.CleanedJson);
                    foreach (var kv in f)
                        if (kv.Value is string) Eq((string)kv.Value, Field(cleaned, kv.Key), "cleaned " + kv.Key);
                    using (var q = r.ToVietQr())
                    {
                        Eq(Field(f, "bankBin"), q.Get(VietQrField.BankBin), "bank BIN");
                        Eq(Field(f, "accountNumber"), q.Get(VietQrField.AccountNumber), "account");
                        Eq(Field(f, "crc"), q.Get(VietQrField.Crc), "crc");
                        Eq(Field(f, "initiation") == "static" ? "11" : "12", q.Get(VietQrField.Initiation), "initiation");
                        Eq(f.ContainsKey("amount") ? ulong.Parse(Field(f, "amount")) : (ulong?)null, q.Amount, "amount");
                        var extra = f.ContainsKey("additionalData") ? (Dictionary<string, object>)f["additionalData"] : new Dictionary<string, object>();
                        Eq(Field(extra, "purpose"), q.Get(VietQrField.Purpose), "purpose");
                        Eq(Field(extra, "billNumber"), q.Get(VietQrField.BillNumber), "bill");
                        Eq(null, q.Get(VietQrField.MerchantName), "no merchant name");
                        using (var e = q.Encode()) Eq(payload, e.CleanedText, "encode round trip");
                        using (var q2 = VietQr.FromJson(q.Json))
                        using (var e2 = q2.Encode()) Eq(payload, e2.CleanedText, "JSON round trip");
                        using (var e3 = VietQr.EncodeJson(q.Json)) Eq(payload, e3.CleanedText, "EncodeJson");
                    }
                }
                n++;
            }
            True(n > 0, "payload vectors");
        }

        private static void VietQrCrc()
        {
            var v = Vectors("vietqr.json");
            var c = (Dictionary<string, object>)v["crc_check"];
            Eq(Convert.ToUInt16((string)c["crc16_ccitt_false"], 16), VietQr.Crc16(Encoding.UTF8.GetBytes((string)c["input"])), "crc");
            foreach (var p in Cases(v, "payloads"))
            {
                var payload = (string)p["payload"];
                Eq(Convert.ToUInt16(payload.Substring(payload.Length - 4), 16),
                    VietQr.Crc16(Encoding.ASCII.GetBytes(payload.Substring(0, payload.Length - 4))), "payload crc");
            }
            Eq((ushort)0xFFFF, VietQr.Crc16(new byte[0]), "empty");
        }

        private static void VietQrLenient()
        {
            foreach (var c in Cases(Vectors("vietqr.json"), "lenient_only"))
            {
                var payload = (string)c["payload"];
                using (var r = VietQr.Decode(payload, VietQrMode.Strict))
                {
                    True(!r.IsValid, "strict rejects");
                    True(r.Findings.Any(f => f.Key == "vietqr.length_mismatch"), "length mismatch");
                    Eq(null, r.ToVietQr(), "no VietQR");
                }
                using (var r = VietQr.Decode(payload, VietQrMode.Lenient))
                {
                    True(r.IsValid, "lenient repairs");
                    Eq("vietqr.length_repaired", string.Join(" ", r.Findings.Select(f => f.Key).ToArray()), "one warning");
                }
                var bad = payload.Substring(0, payload.Length - 4) + (payload.EndsWith("0000") ? "1111" : "0000");
                using (var r = VietQr.Decode(bad, VietQrMode.Lenient))
                    True(r.Findings.Any(f => f.Key == "vietqr.crc_mismatch"), "CRC never repaired");
            }
        }

        private static void VietQrBuild()
        {
            string payload;
            using (var r = VietQr.ToAccount("970415", "123456789", 1250000, "HP7184097674", Text.Fold("Học phí HK1")))
            {
                True(r.IsValid, "valid");
                payload = r.CleanedText;
            }
            using (var d = VietQr.Decode(payload))
            using (var q = d.ToVietQr())
            {
                Eq("970415", q.Get(VietQrField.BankBin), "bin");
                Eq("123456789", q.Get(VietQrField.AccountNumber), "account");
                Eq((ulong?)1250000, q.Amount, "amount");
                Eq("HOC PHI HK1", q.Get(VietQrField.Purpose), "purpose");
                Eq("12", q.Get(VietQrField.Initiation), "dynamic");
                using (var ok = q.VerifyPayee("970415", "123456789", "")) True(ok.IsValid, "payee ok");
                using (var bad = q.VerifyPayee("970403", "123456789", "")) True(bad.Errors.Any(f => f.Key == "vietqr.payee_bin"), "payee bin");
                using (var bad = q.VerifyPayee("970415", "9", "")) True(bad.Errors.Any(f => f.Key == "vietqr.payee_account"), "payee account");
            }
            using (var r = VietQr.ToAccount("970415", "123456789"))
            using (var d = VietQr.Decode(r.CleanedText))
            using (var q = d.ToVietQr())
            {
                Eq("11", q.Get(VietQrField.Initiation), "static");
                Eq(null, q.Amount, "no amount");
            }
            using (var r = VietQr.ToAccount("97041", "12", 0, new string('x', 26), "Học phí"))
            {
                True(!r.IsValid && r.Errors.Count() >= 2, "faults reported");
                Eq(null, r.CleanedText, "no payload");
            }
            foreach (var q in new[] { "970415", "ICB", "vietin bank" })
            {
                var bank = (Dictionary<string, object>)MiniJson.Parse(VietQr.BankLookup(q));
                Eq("970415", (string)bank["bin"], "bank " + q);
                Eq("VietinBank", (string)bank["shortName"], "short name " + q);
            }
            Eq(null, VietQr.BankLookup("no such bank at all"), "unknown bank");
            using (var q = VietQr.FromJson("{\"bank\": \"ICB\", \"accountNumber\": \"1\"}")) Eq("970415", q.Get(VietQrField.BankBin), "bank by code");
        }

        private static void VietQrJunk()
        {
            using (var r = Text.Check("Nguyễn Văn An"))
            {
                Eq("Nguyễn Văn An", r.CleanedText, "name as text");
                ThrowsStatus(VietrefStatus.WrongKind, () => r.ToVietQr(), "name report is not a VietQR");
            }
            using (var m = new Message().SetSector("health").SetPayerName("An").SetReason("Viện phí").SetInvoice("VP1").SetAmount(1))
            using (var r = m.Validate())
                ThrowsStatus(VietrefStatus.WrongKind, () => { var unused = r.CleanedText; }, "message is not a text");
            using (var q = VietQr.FromJson("{\"bankBin\": \"970403\", \"accountNumber\": \"1\"}"))
                ThrowsStatus(VietrefStatus.InvalidArgument, () => q.Get((VietQrField)99), "unknown field");
            ThrowsStatus(VietrefStatus.InvalidArgument, () => VietQr.Decode("000201", (VietQrMode)7), "unknown mode");
            foreach (var bad in new[] { "", "{", "[]", "{\"bankBin\": \"970403\"}", "{\"bank\": \"nowhere\", \"accountNumber\": \"1\"}" })
            {
                ThrowsStatus(VietrefStatus.VietQrJsonInvalid, () => VietQr.FromJson(bad), "from JSON " + bad);
                ThrowsStatus(VietrefStatus.VietQrJsonInvalid, () => VietQr.EncodeJson(bad), "encode JSON " + bad);
            }
            var big = new StringBuilder().Insert(0, "000201", 200000).ToString();
            foreach (var junk in new[] { "", "0", "\0\0\0", "6304", "ĐỒNG", big })
                foreach (var mode in new[] { VietQrMode.Strict, VietQrMode.Lenient })
                    using (var r = VietQr.Decode(junk, mode))
                    {
                        True(!r.IsValid && r.Errors.Any(), "junk rejected");
                        Eq(null, r.ToVietQr(), "no VietQR from junk");
                    }
            foreach (var fn in new Func<string, object>[] {
                s => VietQr.Decode(s), s => VietQr.FromJson(s), s => VietQr.EncodeJson(s), s => VietQr.BankLookup(s),
                s => VietQr.ToAccount(s, "1"), s => VietQr.ToAccount("970403", "1", 0, "", s) })
            {
                Throws<ArgumentNullException>(() => fn(null), "null");
                ThrowsStatus(VietrefStatus.InvalidUtf8, () => fn("x\udc80"), "lone surrogate");
            }
            Throws<ArgumentNullException>(() => VietQr.Crc16(null), "null bytes");
            using (var r = VietQr.ToAccount(big, big, ulong.MaxValue, big, big)) True(!r.IsValid, "1 MB fields");
            Eq(null, VietQr.BankLookup(big), "1 MB query");
            var q2 = VietQr.FromJson("{\"bankBin\": \"970403\", \"accountNumber\": \"1\"}");
            q2.Dispose();
            q2.Dispose();
            Throws<ObjectDisposedException>(() => { var unused = q2.Json; }, "after dispose");
        }
    }
}
