using System;
using System.Collections;
using System.Collections.Generic;

namespace Vietref
{
    /// <summary>Memos (nội dung chuyển khoản): render a payment message for a channel, find the
    /// codes in what the bank delivered, and read a rendered memo back. Scheme lists are the
    /// institution's payment-code schemes, <c>"HP:8,VP:10"</c> (<c>PREFIX:LENGTH</c> items separated
    /// by commas or spaces; empty for none); a malformed one throws <see cref="VietrefException"/>
    /// (RefSchemesInvalid).</summary>
    public static class Memo
    {
        /// <summary>Renders <paramref name="message"/> for <paramref name="channel"/>: validated first (knowing
        /// <paramref name="schemes"/>), then <c>CODE[ REASON][ HS|BN BENEFICIARY][ PH|NTT PAYER]</c> folded to
        /// ASCII and fitted to the channel's budget (or <paramref name="budget"/> characters when above 0).
        /// The report's findings are the message's, then every fold, cut and omission (<c>memo.*</c>); when
        /// valid, <see cref="Report.CleanedText"/> is the memo, <see cref="Report.CleanedJson"/> the whole
        /// rendering and <see cref="Report.MemoFields"/> the field lists.</summary>
        /// <remarks>The arguments follow the C ABI (<c>vietref_memo_render(message, schemes, channel, budget)</c>);
        /// <see cref="Render(Message, Channel, int)"/> is the same without schemes.</remarks>
        public static Report Render(Message message, string schemes, Channel channel, int budget = 0)
        {
            if (message == null) throw new ArgumentNullException("message");
            if (budget < 0) throw new ArgumentOutOfRangeException("budget", budget, "a budget is 0 (the channel's) or more");
            return new Report(Native.Api.MemoRender(message.Live(), Utf8.Encode(schemes, "schemes"), (uint)channel, (ulong)budget));
        }

        /// <summary><see cref="Render(Message, string, Channel, int)"/> without payment-code schemes.</summary>
        public static Report Render(Message message, Channel channel, int budget = 0)
        {
            return Render(message, "", channel, budget);
        }

        /// <summary>As <see cref="Render(Message, string, Channel, int)"/>, for a channel the institution defines itself (a bank whose
        /// transfer content allows other characters or another length). <paramref name="name"/> (not empty)
        /// names the channel in the memo's JSON; <paramref name="charset"/> lists the printable ASCII
        /// characters that survive it, <c>X-Y</c> for a range and <c>-</c> first or last for itself
        /// (<c>"A-Za-z0-9 ."</c>); <paramref name="budget"/> is its length in characters (at least 1);
        /// <paramref name="referenceOnly"/> writes only the invoice code (a bill-number kind of field)
        /// instead of the full template. An empty name or character set, a budget of 0, a character outside
        /// printable ASCII or a range written backwards throws <see cref="VietrefException"/>
        /// (InvalidArgument); a set without the code's letters and digits gives a report that says the code
        /// cannot travel.</summary>
        /// <remarks>The arguments follow the C ABI (<c>vietref_memo_render_custom(message, schemes, name, charset,
        /// budget, reference_only)</c>); pass <c>""</c> (or null) as <paramref name="schemes"/> for none.</remarks>
        public static Report RenderCustom(Message message, string schemes, string name, string charset, int budget,
            bool referenceOnly = false)
        {
            if (message == null) throw new ArgumentNullException("message");
            if (budget < 0) throw new ArgumentOutOfRangeException("budget", budget, "a budget is 1 or more");
            return new Report(Native.Api.MemoRenderCustom(message.Live(), Utf8.Encode(schemes, "schemes"),
                Utf8.Encode(name, "name"), Utf8.Encode(charset, "charset"), (ulong)budget, referenceOnly));
        }

        /// <summary>The payment codes of <paramref name="schemes"/> and the RF references found in
        /// <paramref name="text"/> (a statement line, a memo after the banks: prefixes, suffixes, changed
        /// case and spacing, split lines), each once, in order of appearance; every one's check digits verify.</summary>
        public static CandidateList Extract(string text, string schemes = "")
        {
            var bytes = Utf8.Encode(text, "text");
            var api = Native.Api;
            using (var h = api.MemoExtract(bytes, Utf8.Encode(schemes, "schemes")))
                return new CandidateList(h, bytes);
        }

        /// <summary>The fields of a memo vietref rendered, as far as they survived the banks, as the JSON
        /// <c>vietref memo parse</c> prints: <c>{"invoice":{"code","kind","start","end"} or null,
        /// "reason","beneficiary","payer" (folded text or null),"sector" ("education", "health" or null)}</c>
        /// (<c>start</c>/<c>end</c> are UTF-8 byte offsets).</summary>
        public static string Parse(string text, string schemes = "")
        {
            return Native.Api.MemoParse(Utf8.Encode(text, "text"), Utf8.Encode(schemes, "schemes"));
        }

        /// <summary>The envelope banks and NAPAS put around the payer's words in a statement line, as
        /// the JSON <c>vietref memo envelope</c> prints: <c>{"bank","shape","senderName","senderAccount",
        /// "senderBank","receiverAccount","receiverName" (each null or {"text","span":[start,end]}),
        /// "numbers":[{"kind","text","span"}],"free":[{"text","span"}]}</c> (UTF-8 byte offsets).</summary>
        public static string Envelope(string text)
        {
            return Native.Api.MemoEnvelope(Utf8.Encode(text, "text"));
        }
    }

    /// <summary>A code found in a text (a copy: it outlives the search).</summary>
    public sealed class Candidate
    {
        internal Candidate(string code, RefKind kind, int start, int end, int byteStart, int byteEnd)
        {
            Code = code; Kind = kind; Start = start; End = end; ByteStart = byteStart; ByteEnd = byteEnd;
        }

        /// <summary>The code in its compact electronic form (<c>HP7184097674</c>).</summary>
        public string Code { get; private set; }

        /// <summary><see cref="RefKind.Code"/> or <see cref="RefKind.Rf"/>.</summary>
        public RefKind Kind { get; private set; }

        /// <summary>Index (UTF-16, as <see cref="string.Substring(int, int)"/> counts) of the code's first
        /// character in the text <see cref="Memo.Extract"/> searched; what lies up to <see cref="End"/> may include
        /// separators the bank inserted. For <see cref="VietQr.PaymentCodes"/>: <see cref="ByteStart"/>.</summary>
        public int Start { get; private set; }

        /// <summary>Index (UTF-16) just after the code's last character.</summary>
        public int End { get; private set; }

        /// <summary><see cref="Start"/> as the library reports it: a byte offset into the text's UTF-8.</summary>
        public int ByteStart { get; private set; }

        /// <summary><see cref="End"/> as a byte offset into the text's UTF-8.</summary>
        public int ByteEnd { get; private set; }

        public override string ToString() { return string.Format("{0} {1} [{2}, {3})", Kind, Code, Start, End); }
    }

    /// <summary>The candidates of one search, in order of appearance (copied out of the native
    /// <c>vietref_candidates</c>, which is freed at once), and the library's JSON of them.</summary>
    public sealed class CandidateList : IReadOnlyList<Candidate>
    {
        private readonly List<Candidate> items = new List<Candidate>();

        /// <summary>Copies every candidate; <paramref name="searched"/> is the UTF-8 of the searched text, to
        /// turn byte offsets into UTF-16 indices (null: they are used as they are).</summary>
        internal CandidateList(CandidatesHandle h, byte[] searched)
        {
            var api = Native.Api;
            int n = api.CandidatesCount(h);
            var chars = new OffsetMap(searched);
            for (int i = 0; i < n; i++)
            {
                int start, end;
                api.CandidatesSpan(h, i, out start, out end);
                items.Add(new Candidate(api.CandidatesCode(h, i), (RefKind)api.CandidatesKind(h, i),
                    chars.CharIndex(start), chars.CharIndex(end), start, end));
            }
            Json = api.CandidatesJson(h);
        }

        /// <summary>Every candidate as the library's JSON array:
        /// <c>[{"code":"HP7184097674","kind":"payment_code","start":3,"end":18}]</c> (byte offsets).</summary>
        public string Json { get; private set; }

        public int Count { get { return items.Count; } }

        public Candidate this[int index] { get { return items[index]; } }

        public IEnumerator<Candidate> GetEnumerator() { return items.GetEnumerator(); }

        IEnumerator IEnumerable.GetEnumerator() { return GetEnumerator(); }

        /// <summary>UTF-8 byte offsets to UTF-16 indices, walking forward from the last answer.</summary>
        private sealed class OffsetMap
        {
            private readonly byte[] utf8;
            private int lastByte, lastChar;

            internal OffsetMap(byte[] utf8) { this.utf8 = utf8; }

            internal int CharIndex(int byteOffset)
            {
                if (utf8 == null) return byteOffset;
                if (byteOffset < lastByte) { lastByte = 0; lastChar = 0; }
                lastChar += Utf8.CharCount(utf8, lastByte, byteOffset - lastByte);
                lastByte = byteOffset;
                return lastChar;
            }
        }
    }
}
