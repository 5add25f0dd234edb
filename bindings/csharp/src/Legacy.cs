using System;
using System.Collections.Generic;

namespace Vietref
{
    /// <summary>Vietnamese legacy encodings (TCVN3, VNI, VISCII, VPS, Windows-1258, VIQR) and mojibake:
    /// decode, encode, detect, repair. Nothing is ever replaced: a refusal of the data throws
    /// <see cref="LegacyException"/> (statuses 600–605) whose <see cref="LegacyException.DetailsJson"/> says
    /// where and why; an unknown encoding or option throws <see cref="VietrefException"/> (InvalidArgument);
    /// null throws <see cref="ArgumentNullException"/>.</summary>
    public static class Legacy
    {
        /// <summary>The text <paramref name="bytes"/> hold in <paramref name="encoding"/>, composed to NFC.</summary>
        public static string Decode(byte[] bytes, LegacyEncoding encoding)
        {
            if (bytes == null) throw new ArgumentNullException("bytes");
            return Native.Api.LegacyDecode(bytes, (uint)encoding);
        }

        /// <summary>Why <see cref="Decode"/> refuses <paramref name="bytes"/>, as JSON
        /// (<c>{"kind":"undefined_byte","offset":1,"line":1,"byte":128,"message":"..."}</c>); null when they decode.</summary>
        public static string DecodeError(byte[] bytes, LegacyEncoding encoding)
        {
            if (bytes == null) throw new ArgumentNullException("bytes");
            return Native.Api.LegacyDecodeError(bytes, (uint)encoding);
        }

        /// <summary><paramref name="text"/> (composed to NFC first) in <paramref name="encoding"/>, with every
        /// character <paramref name="options"/> let it write as another one.</summary>
        public static Encoded Encode(string text, LegacyEncoding encoding, LegacyOptions options = LegacyOptions.None)
        {
            var api = Native.Api;
            using (var h = api.LegacyEncode(Utf8.Encode(text, "text"), (uint)encoding, (uint)options))
                return new Encoded(h);
        }

        /// <summary>Why <see cref="Encode"/> refuses <paramref name="text"/>, as JSON
        /// (<c>{"kind":"tcvn3_capital","character":"Ố","codePoint":7888,"position":5,"line":1,"message":"..."}</c>);
        /// null when it encodes.</summary>
        public static string EncodeError(string text, LegacyEncoding encoding, LegacyOptions options = LegacyOptions.None)
        {
            return Native.Api.LegacyEncodeError(Utf8.Encode(text, "text"), (uint)encoding, (uint)options);
        }

        /// <summary>Which encoding <paramref name="bytes"/> are in: every candidate reads them and the reading that
        /// parses best as Vietnamese wins. Never refuses bytes (no encoding fits: confidence 0).</summary>
        public static Detection Detect(byte[] bytes)
        {
            if (bytes == null) throw new ArgumentNullException("bytes");
            return DetectWith(bytes, null);
        }

        /// <summary><see cref="Detect(byte[])"/> with a <paramref name="declared"/> encoding (file metadata, a
        /// database column, the user), used whenever it decodes the bytes and reads nearly as well as the best;
        /// the detection is then never ambiguous.</summary>
        public static Detection Detect(byte[] bytes, LegacyEncoding declared)
        {
            if (bytes == null) throw new ArgumentNullException("bytes");
            return DetectWith(bytes, (uint)declared);
        }

        private static Detection DetectWith(byte[] bytes, uint? declared)
        {
            var api = Native.Api;
            using (var h = api.LegacyDetect(bytes, declared))
                return new Detection(h);
        }

        /// <summary>Repairs UTF-8 that was read as Windows-1252 ("Nguyá»…n" → "Nguyễn"); null when
        /// <paramref name="text"/> is not such mojibake (keep it as it is).</summary>
        public static string RepairMojibake(string text)
        {
            return Native.Api.LegacyRepairMojibake(Utf8.Encode(text, "text"));
        }

        /// <summary>The encoding's name as the CLI and the JSON spell it ("tcvn3", "utf8-as-cp1252"); null for
        /// a number that is not an encoding.</summary>
        public static string EncodingName(LegacyEncoding encoding) { return Native.Api.LegacyEncodingName((uint)encoding); }

        /// <summary>The encoding a name stands for (the names of <see cref="EncodingName"/> and aliases like
        /// "abc", "vni-win", "windows-1258", "utf-8", "mojibake"; any case); null for an unknown name.</summary>
        public static LegacyEncoding? EncodingFromName(string name)
        {
            var v = Native.Api.LegacyEncodingFromName(Utf8.Encode(name, "name"));
            return v.HasValue ? (LegacyEncoding)v.Value : (LegacyEncoding?)null;
        }
    }

    /// <summary>A character <see cref="Legacy.Encode"/> wrote as another one, as its options allowed.</summary>
    public sealed class Loss
    {
        internal Loss(long position, int character, int written) { Position = position; CodePoint = character; WrittenCodePoint = written; }

        /// <summary>1-based character position in the NFC text.</summary>
        public long Position { get; private set; }
        /// <summary>The text's character (code point).</summary>
        public int CodePoint { get; private set; }
        /// <summary>The character written instead (code point).</summary>
        public int WrittenCodePoint { get; private set; }
        public string Character { get { return char.ConvertFromUtf32(CodePoint); } }
        public string Written { get { return char.ConvertFromUtf32(WrittenCodePoint); } }

        public override string ToString() { return string.Format("{0}: {1} -> {2}", Position, Character, Written); }
    }

    /// <summary>What <see cref="Legacy.Encode"/> wrote (a copy of the native <c>vietref_encoded</c>, freed at once).</summary>
    public sealed class Encoded
    {
        internal Encoded(EncodedHandle h)
        {
            var api = Native.Api;
            Bytes = api.EncodedBytes(h);
            var losses = new List<Loss>();
            int n = api.EncodedLossCount(h);
            for (int i = 0; i < n; i++)
            {
                long p;
                int c, w;
                api.EncodedLoss(h, i, out p, out c, out w);
                losses.Add(new Loss(p, c, w));
            }
            Losses = losses.AsReadOnly();
        }

        /// <summary>The encoded bytes (may hold NUL).</summary>
        public byte[] Bytes { get; private set; }

        /// <summary>Every character written as another one (empty unless an option allowed it).</summary>
        public IReadOnlyList<Loss> Losses { get; private set; }
    }

    /// <summary>Another encoding that decodes the sample, and how well it reads as Vietnamese.</summary>
    public sealed class Alternative
    {
        internal Alternative(LegacyEncoding encoding, int fit) { Encoding = encoding; FitPerMille = fit; }

        public LegacyEncoding Encoding { get; private set; }
        /// <summary>How well the reading fits, 0–1000.</summary>
        public int FitPerMille { get; private set; }

        public override string ToString() { return Encoding + " " + FitPerMille + "‰"; }
    }

    /// <summary>What <see cref="Legacy.Detect(byte[])"/> found (a copy of the native <c>vietref_detection</c>,
    /// freed at once).</summary>
    public sealed class Detection
    {
        internal Detection(DetectionHandle h)
        {
            var api = Native.Api;
            Encoding = (LegacyEncoding)api.DetectionEncoding(h);
            ConfidencePerMille = (int)api.DetectionConfidence(h);
            IsAmbiguous = api.DetectionAmbiguous(h);
            var alternatives = new List<Alternative>();
            int n = api.DetectionAlternativeCount(h);
            for (int i = 0; i < n; i++)
            {
                uint e, fit;
                api.DetectionAlternative(h, i, out e, out fit);
                alternatives.Add(new Alternative((LegacyEncoding)e, (int)fit));
            }
            Alternatives = alternatives.AsReadOnly();
            Text = api.DetectionText(h);
        }

        /// <summary>The detected encoding.</summary>
        public LegacyEncoding Encoding { get; private set; }

        /// <summary>Confidence that <see cref="Text"/> is the intended text, 0–1000 (plain ASCII: 1000; one
        /// word: at most 500).</summary>
        public int ConfidencePerMille { get; private set; }

        /// <summary><see cref="ConfidencePerMille"/> / 1000.</summary>
        public double Confidence { get { return ConfidencePerMille / 1000.0; } }

        /// <summary>Another reading with different text fits almost as well: <see cref="Text"/> is a guess, ask the user.</summary>
        public bool IsAmbiguous { get; private set; }

        /// <summary>The other encodings that decode the sample, best first.</summary>
        public IReadOnlyList<Alternative> Alternatives { get; private set; }

        /// <summary>The sample decoded with <see cref="Encoding"/> (NFC); empty when nothing decodes it.</summary>
        public string Text { get; private set; }

        public override string ToString()
        {
            return string.Format("{0} {1}‰{2}", Encoding, ConfidencePerMille, IsAmbiguous ? " ambiguous" : "");
        }
    }
}
