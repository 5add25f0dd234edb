using System;
using System.Collections.Generic;

namespace Vietref
{
    /// <summary>One finding of a report (a copy: it outlives the report).</summary>
    public sealed class Finding
    {
        internal Finding(Severity severity, string field, uint code, string key, string message, string messageVi,
            long? position, int? codePoint)
        {
            Severity = severity; Field = field; Code = code; Key = key; Message = message; MessageVi = messageVi;
            Position = position; CodePoint = codePoint;
        }

        public Severity Severity { get; private set; }
        /// <summary>Field path, like "payerName" (empty for a text checked without one).</summary>
        public string Field { get; private set; }
        /// <summary>Stable finding number, like 200.</summary>
        public uint Code { get; private set; }
        /// <summary>Stable finding key, like "name.digit".</summary>
        public string Key { get; private set; }
        /// <summary>English message, parameters filled in.</summary>
        public string Message { get; private set; }
        /// <summary>Vietnamese message, parameters filled in.</summary>
        public string MessageVi { get; private set; }
        /// <summary>1-based character position, if the finding has one.</summary>
        public long? Position { get; private set; }
        /// <summary>Code point of the character concerned, if any.</summary>
        public int? CodePoint { get; private set; }
        /// <summary>The character concerned as a string, if any.</summary>
        public string Character { get { return CodePoint.HasValue ? char.ConvertFromUtf32(CodePoint.Value) : null; } }
        public bool IsError { get { return Severity == Severity.Error; } }

        public override string ToString()
        {
            return string.Format("{0} {1} [{2} {3}] {4}", Severity, Field, Key, Code, Message);
        }
    }

    /// <summary>A validation report (owns a <c>vietref_report</c>; dispose it, or the finalizer
    /// frees it): every finding, and the cleaned value when valid.</summary>
    public sealed class Report : IDisposable
    {
        private readonly ReportHandle handle;
        private IReadOnlyList<Finding> findings;

        internal Report(ReportHandle h) { handle = h; }

        /// <summary>True when no finding is an error (the report then has a cleaned value).</summary>
        public bool IsValid { get { return Native.Api.ReportValid(Live()); } }

        /// <summary>Number of findings.</summary>
        public int Count { get { return Native.Api.ReportCount(Live()); } }

        /// <summary>Every finding, errors and warnings, in the library's order (read once).</summary>
        public IReadOnlyList<Finding> Findings
        {
            get
            {
                if (findings == null)
                {
                    var h = Live();
                    var api = Native.Api;
                    var list = new List<Finding>();
                    int n = api.ReportCount(h);
                    for (int i = 0; i < n; i++)
                    {
                        var cp = api.FindingNumber(h, ReportNumber.Char, i);
                        list.Add(new Finding(
                            (Severity)api.FindingNumber(h, ReportNumber.Severity, i).Value,
                            api.ReportString(h, ReportText.Field, i, Lang.English),
                            api.FindingNumber(h, ReportNumber.Code, i).Value,
                            api.ReportString(h, ReportText.CodeKey, i, Lang.English),
                            api.ReportString(h, ReportText.Message, i, Lang.English),
                            api.ReportString(h, ReportText.Message, i, Lang.Vietnamese),
                            api.FindingPosition(h, i),
                            cp.HasValue ? (int)cp.Value : (int?)null));
                    }
                    findings = list.AsReadOnly();
                }
                return findings;
            }
        }

        public IEnumerable<Finding> Errors { get { foreach (var f in Findings) if (f.IsError) yield return f; } }
        public IEnumerable<Finding> Warnings { get { foreach (var f in Findings) if (!f.IsError) yield return f; } }

        /// <summary>The whole report as the library's JSON.</summary>
        public string Json { get { return Native.Api.ReportString(Live(), ReportText.Json, 0, Lang.English); } }

        /// <summary>The cleaned value as JSON (a message object, or a JSON string for a name); null when invalid.</summary>
        public string CleanedJson { get { return Native.Api.ReportString(Live(), ReportText.CleanedJson, 0, Lang.English); } }

        /// <summary>The cleaned value as plain text, for reports whose value is a text (a name's display
        /// form, a VietQR payload); null when invalid. Throws <see cref="VietrefException"/> (WrongKind)
        /// for a report whose value is not a text.</summary>
        public string CleanedText { get { return Native.Api.ReportString(Live(), ReportText.CleanedText, 0, Lang.English); } }

        /// <summary>The decoded VietQR of a report of <see cref="VietQr.Decode"/> or <see cref="VietQr.VerifyPayee"/>
        /// (a copy: the report stays usable); null when invalid. Throws <see cref="VietrefException"/>
        /// (WrongKind) for another kind of report.</summary>
        public VietQr ToVietQr()
        {
            var q = Native.Api.VietQrFromReport(Live());
            return q == null ? null : new VietQr(q);
        }

        /// <summary>One field list of a report of <see cref="Memo.Render(Message, string, Channel, int)"/>, in template order (<c>invoice</c>,
        /// <c>reason</c>, <c>beneficiaryName</c>, <c>payerName</c>: the field paths of the findings); null when
        /// the report holds an error. Throws <see cref="VietrefException"/> (WrongKind) for another kind of report.</summary>
        public IReadOnlyList<string> MemoFields(MemoList list)
        {
            var names = Native.Api.MemoFields(Live(), (uint)list);
            return names == null ? null : names.AsReadOnly();
        }

        public bool IsClosed { get { return handle.IsClosed; } }

        /// <summary>Frees the native report; calling it again does nothing. Findings already read stay usable.</summary>
        public void Dispose() { handle.Dispose(); }

        private ReportHandle Live()
        {
            if (handle.IsClosed) throw new ObjectDisposedException("Report");
            return handle;
        }
    }
}
