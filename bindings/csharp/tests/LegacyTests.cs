// Tests of the legacy encodings. Expected values: tests/data/legacy.json (tcvn3, viscii and
// cp1258 bytes from glibc iconv, vni from the VNI-Win table, viqr RFC 1456) and the cases of
// tests/c/test_legacy.c.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Vietref.Tests
{
    internal static partial class Program
    {
        private static byte[] Hex(string hex)
        {
            return hex.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(h => byte.Parse(h, NumberStyles.HexNumber)).ToArray();
        }

        private static string HexOf(byte[] b) { return BitConverter.ToString(b).Replace("-", " ").ToLowerInvariant(); }

        // "Nguyễn Văn Đức" in TCVN3 (the module's example).
        private static readonly byte[] Tcvn3Name = { 0x4E, 0x67, 0x75, 0x79, 0xD4, 0x6E, 0x20, 0x56, 0xA8, 0x6E, 0x20, 0xA7, 0xF8, 0x63 };

        private static void LegacyVectors()
        {
            var v = Vectors("legacy.json");
            int n = 0;
            foreach (var c in Cases(v, "cases"))
            {
                var name = (string)c["encoding"];
                var bytes = Hex((string)c["hex"]);
                var text = (string)c["text"];
                var enc = Legacy.EncodingFromName(name);
                True(enc.HasValue, "encoding " + name);
                Eq(name, Legacy.EncodingName(enc.Value), "name of " + enc);
                Eq(text, Legacy.Decode(bytes, enc.Value), "decode " + name + " " + c["hex"]);
                Eq(null, Legacy.DecodeError(bytes, enc.Value), "no decode error");
                var e = Legacy.Encode(text, enc.Value);
                Eq(HexOf(bytes), HexOf(e.Bytes), "encode " + text + " in " + name);
                Eq(0, e.Losses.Count, "no loss");
                Eq(null, Legacy.EncodeError(text, enc.Value), "no encode error");
                // NFD input composes first.
                Eq(HexOf(bytes), HexOf(Legacy.Encode(text.Normalize(NormalizationForm.FormD), enc.Value).Bytes), "NFD " + text);
                // Declared, the encoding is used.
                var d = Legacy.Detect(bytes, enc.Value);
                Eq(enc.Value, d.Encoding, "declared " + name);
                Eq(text, d.Text, "declared text");
                True(!d.IsAmbiguous, "a declared detection is not ambiguous");
                // Undeclared: whatever wins decodes the bytes to a text, confidently or not.
                var u = Legacy.Detect(bytes);
                True(u.ConfidencePerMille >= 0 && u.ConfidencePerMille <= 1000, "confidence range");
                if (u.Encoding == enc.Value) Eq(text, u.Text, "detected text");
                else True(u.Alternatives.Any(a => a.Encoding == enc.Value) || u.IsAmbiguous, "the right encoding is an alternative");
                n++;
            }
            True(n >= 10, "legacy vectors");
            foreach (var c in Cases(v, "mojibake"))
            {
                var input = (string)c["input"];
                var text = (string)c["text"];
                Eq(text, Legacy.RepairMojibake(input), "repair " + input);
                var enc = Legacy.EncodingFromName((string)c["encoding"]);
                Eq(LegacyEncoding.Utf8AsCp1252, enc, "mojibake encoding");
                Eq(text, Legacy.Decode(Encoding.UTF8.GetBytes(input), enc.Value), "decode mojibake " + input);
                Eq(input, Encoding.UTF8.GetString(Legacy.Encode(text, enc.Value).Bytes), "encode mojibake " + text);
                Eq(LegacyEncoding.Utf8AsCp1252, Legacy.Detect(Encoding.UTF8.GetBytes(input)).Encoding, "detect mojibake " + input);
            }
        }

        private static void LegacyDecode()
        {
            Eq("Nguyễn Văn Đức", Legacy.Decode(Tcvn3Name, LegacyEncoding.Tcvn3), "TCVN3 name");
            Eq("a\0b", Legacy.Decode(new byte[] { 0x61, 0, 0x62 }, LegacyEncoding.Utf8), "NUL is a byte like another");
            Eq("", Legacy.Decode(new byte[0], LegacyEncoding.Vni), "empty");
            Eq("Đ", Legacy.Decode(new byte[] { 0xEF, 0xBB, 0xBF, 0xC4, 0x90 }, LegacyEncoding.Utf8), "BOM dropped");
            Eq("Nguyễn", Legacy.Decode(Encoding.UTF8.GetBytes("Nguye\u0302\u0303n"), LegacyEncoding.Utf8), "composed to NFC");

            var e = (LegacyException)ThrowsStatus(VietrefStatus.LegacyUndefinedByte,
                () => Legacy.Decode(new byte[] { 0x4E, 0x81 }, LegacyEncoding.Cp1258), "CP1258 0x81");
            Eq("{\"kind\":\"undefined_byte\",\"offset\":1,\"line\":1,\"byte\":129,"
                + "\"message\":\"byte 0x81 at offset 1 (line 1) is not defined in Windows-1258\"}", e.DetailsJson, "details");
            Eq("vietref_legacy_decode", e.Context, "context");
            Eq(e.DetailsJson, Legacy.DecodeError(new byte[] { 0x4E, 0x81 }, LegacyEncoding.Cp1258), "DecodeError");
            Eq("{\"kind\":\"undefined_byte\",\"offset\":4,\"line\":2,\"byte\":129,"
                + "\"message\":\"byte 0x81 at offset 4 (line 2) is not defined in Windows-1258\"}",
                Legacy.DecodeError(Encoding.ASCII.GetBytes("ab\nc").Concat(new byte[] { 0x81 }).ToArray(), LegacyEncoding.Cp1258), "line 2");
            // Invalid UTF-8 bytes are data here, not an argument fault.
            var bad = (LegacyException)ThrowsStatus(VietrefStatus.LegacyInvalidUtf8,
                () => Legacy.Decode(new byte[] { 0x61, 0xFF }, LegacyEncoding.Utf8), "invalid UTF-8 bytes");
            Eq("{\"kind\":\"invalid_utf8\",\"offset\":1,\"line\":1,\"byte\":255,"
                + "\"message\":\"byte 0xFF at offset 1 (line 1) is not valid UTF-8\"}", bad.DetailsJson, "UTF-8 details");
            ThrowsStatus(VietrefStatus.LegacyNotSevenBit, () => Legacy.Decode(new byte[] { 0x4C, 0xEA }, LegacyEncoding.Viqr), "VIQR 0xEA");
            var moji = (LegacyException)ThrowsStatus(VietrefStatus.LegacyNotMojibake,
                () => Legacy.Decode(Encoding.UTF8.GetBytes("Nguyễn"), LegacyEncoding.Utf8AsCp1252), "not mojibake");
            True(moji.DetailsJson.StartsWith("{\"kind\":\"not_mojibake\","), "not mojibake details: " + moji.DetailsJson);
            ThrowsStatus(VietrefStatus.InvalidArgument, () => Legacy.Decode(new byte[] { 0x61 }, (LegacyEncoding)8), "encoding 8");
            ThrowsStatus(VietrefStatus.InvalidArgument, () => Legacy.Decode(new byte[] { 0x61 }, (LegacyEncoding)0xFFFFFFFF), "encoding max");
            ThrowsStatus(VietrefStatus.InvalidArgument, () => Legacy.DecodeError(new byte[] { 0x61 }, (LegacyEncoding)8), "error, encoding 8");
        }

        private static void LegacyEncode()
        {
            var e = Legacy.Encode("Nguyễn Văn Đức", LegacyEncoding.Tcvn3);
            Eq(HexOf(Tcvn3Name), HexOf(e.Bytes), "TCVN3 name");
            Eq("d0 d1 63", HexOf(Legacy.Encode("Đức", LegacyEncoding.Viscii).Bytes), "VISCII");
            Eq("DDu+'c", Encoding.ASCII.GetString(Legacy.Encode("Đức", LegacyEncoding.Viqr).Bytes), "VIQR");
            Eq("61 00 62", HexOf(Legacy.Encode("a\0b", LegacyEncoding.Utf8).Bytes), "NUL kept");
            Eq(0, Legacy.Encode("", LegacyEncoding.Vni).Bytes.Length, "empty");

            // TCVN3 has no upper-case toned letters: refused, or written lower case and reported.
            var cap = (LegacyException)ThrowsStatus(VietrefStatus.LegacyTcvn3Capital,
                () => Legacy.Encode("ÔNG ỐNG", LegacyEncoding.Tcvn3), "TCVN3 capital");
            True(cap.DetailsJson.StartsWith("{\"kind\":\"tcvn3_capital\",\"character\":\"Ố\",\"codePoint\":7888,\"position\":5,\"line\":1,\"message\":\""),
                "capital details: " + cap.DetailsJson);
            Eq(cap.DetailsJson, Legacy.EncodeError("ÔNG ỐNG", LegacyEncoding.Tcvn3), "EncodeError");
            Eq(null, Legacy.EncodeError("ÔNG ỐNG", LegacyEncoding.Tcvn3, LegacyOptions.Tcvn3LowerCase), "allowed by the option");
            var lower = Legacy.Encode("ỐNG", LegacyEncoding.Tcvn3, LegacyOptions.Tcvn3LowerCase);
            Eq("e8 4e 47", HexOf(lower.Bytes), "lower-case code");
            Eq(1, lower.Losses.Count, "one loss");
            var loss = lower.Losses[0];
            Eq("1 7888 7889 Ố ố", loss.Position + " " + loss.CodePoint + " " + loss.WrittenCodePoint + " " + loss.Character + " " + loss.Written, "loss");
            // Characters no Vietnamese encoding has.
            var cyr = (LegacyException)ThrowsStatus(VietrefStatus.LegacyUnencodable, () => Legacy.Encode("Giá\n5Ж", LegacyEncoding.Vni), "Cyrillic");
            Eq("{\"kind\":\"unencodable\",\"character\":\"Ж\",\"codePoint\":1046,\"position\":6,\"line\":2,"
                + "\"message\":\"'Ж' (U+0416) at character 6 (line 2) cannot be written in VNI-Win\"}", cyr.DetailsJson, "unencodable details");
            Eq("vietref_legacy_encode", cyr.Context, "context");
            ThrowsStatus(VietrefStatus.LegacyUnencodable, () => Legacy.Encode("Giá 5Ж", LegacyEncoding.Tcvn3), "Cyrillic TCVN3");
            Eq(null, Legacy.EncodeError("Giá", LegacyEncoding.Vni), "encodes");
            ThrowsStatus(VietrefStatus.InvalidArgument, () => Legacy.Encode("a", (LegacyEncoding)8), "encoding 8");
            ThrowsStatus(VietrefStatus.InvalidArgument, () => Legacy.Encode("a", LegacyEncoding.Tcvn3, (LegacyOptions)2), "option 2");
            ThrowsStatus(VietrefStatus.InvalidArgument, () => Legacy.EncodeError("a", LegacyEncoding.Tcvn3, (LegacyOptions)3), "error option 3");
            // What decodes encodes back to the same bytes, in every 8-bit encoding.
            foreach (var enc in new[] { LegacyEncoding.Tcvn3, LegacyEncoding.Vni, LegacyEncoding.Viscii, LegacyEncoding.Vps,
                                        LegacyEncoding.Cp1258, LegacyEncoding.Viqr, LegacyEncoding.Utf8, LegacyEncoding.Utf8AsCp1252 })
            {
                const string s = "trường tiểu học Nguyễn Trãi, học phí kỳ 1";
                var b = Legacy.Encode(s, enc).Bytes;
                Eq(s, Legacy.Decode(b, enc), "round trip " + enc);
            }
        }

        private static void LegacyDetect()
        {
            var d = Legacy.Detect(new byte[] { 0x4E, 0x67, 0x75, 0x79, 0x65, 0xE3, 0x6E, 0x20, 0x56, 0x61, 0xEA, 0x6E, 0x20, 0xD1, 0xF6, 0xF9, 0x63 });
            Eq(LegacyEncoding.Vni, d.Encoding, "VNI");
            Eq("Nguyễn Văn Đức", d.Text, "VNI text");
            True(!d.IsAmbiguous, "not ambiguous");
            True(d.ConfidencePerMille > 500 && d.ConfidencePerMille <= 1000, "confident: " + d.ConfidencePerMille);
            Eq(d.ConfidencePerMille / 1000.0, d.Confidence, "confidence as a fraction");
            d = Legacy.Detect(Tcvn3Name);
            Eq(LegacyEncoding.Tcvn3 + " Nguyễn Văn Đức False", d.Encoding + " " + d.Text + " " + d.IsAmbiguous, "TCVN3");
            // 70 68 ED: "phí" in four encodings, "phớ" in TCVN3: ambiguous, alternatives best first.
            d = Legacy.Detect(new byte[] { 0x70, 0x68, 0xED });
            True(d.IsAmbiguous, "ambiguous");
            True(d.Alternatives.Count >= 4, "alternatives");
            for (int i = 1; i < d.Alternatives.Count; i++)
                True(d.Alternatives[i].FitPerMille <= d.Alternatives[i - 1].FitPerMille, "best first");
            True(d.Alternatives.All(a => a.FitPerMille >= 0 && a.FitPerMille <= 1000 && (uint)a.Encoding <= 7), "alternative values");
            True(d.Encoding == LegacyEncoding.Tcvn3 || d.Alternatives.Any(a => a.Encoding == LegacyEncoding.Tcvn3), "TCVN3 seen");
            d = Legacy.Detect(new byte[] { 0x70, 0x68, 0xED }, LegacyEncoding.Cp1258);
            Eq("Cp1258 phí False", d.Encoding + " " + d.Text + " " + d.IsAmbiguous, "declared Windows-1258");
            // A declaration that cannot decode the bytes is overridden.
            d = Legacy.Detect(new byte[] { 0x50, 0x68, 0xA9, 0x6D }, LegacyEncoding.Cp1258);
            Eq("Tcvn3 Phâm", d.Encoding + " " + d.Text, "declaration overridden");
            d = Legacy.Detect(Encoding.ASCII.GetBytes("Hello"));
            Eq(1000, d.ConfidencePerMille, "ASCII");
            d = Legacy.Detect(new byte[] { 0xEF, 0xBB, 0xBF, 0x50, 0x68, 0xC3, 0xAD });
            Eq("Utf8 Phí 1000 0", d.Encoding + " " + d.Text + " " + d.ConfidencePerMille + " " + d.Alternatives.Count, "BOM");
            Eq("", Legacy.Detect(new byte[0]).Text, "empty");
            ThrowsStatus(VietrefStatus.InvalidArgument, () => Legacy.Detect(new byte[] { 0x61 }, (LegacyEncoding)8), "declared 8");
        }

        private static void LegacyNames()
        {
            var names = new Dictionary<LegacyEncoding, string>
            {
                { LegacyEncoding.Utf8, "utf8" }, { LegacyEncoding.Tcvn3, "tcvn3" }, { LegacyEncoding.Vni, "vni" },
                { LegacyEncoding.Viscii, "viscii" }, { LegacyEncoding.Vps, "vps" }, { LegacyEncoding.Cp1258, "cp1258" },
                { LegacyEncoding.Viqr, "viqr" }, { LegacyEncoding.Utf8AsCp1252, "utf8-as-cp1252" },
            };
            foreach (var kv in names)
            {
                Eq(kv.Value, Legacy.EncodingName(kv.Key), "name of " + kv.Key);
                Eq(kv.Key, Legacy.EncodingFromName(kv.Value.ToUpperInvariant()), "from " + kv.Value);
            }
            Eq(names.Count, Enum.GetValues(typeof(LegacyEncoding)).Length, "every encoding named");
            Eq(null, Legacy.EncodingName((LegacyEncoding)8), "not an encoding");
            Eq(LegacyEncoding.Tcvn3, Legacy.EncodingFromName("ABC"), "abc");
            Eq(LegacyEncoding.Cp1258, Legacy.EncodingFromName("windows-1258"), "windows-1258");
            Eq(LegacyEncoding.Vni, Legacy.EncodingFromName("vni-win"), "vni-win");
            Eq(LegacyEncoding.Utf8, Legacy.EncodingFromName("utf-8"), "utf-8");
            Eq(LegacyEncoding.Utf8AsCp1252, Legacy.EncodingFromName("mojibake"), "mojibake");
            Eq(null, Legacy.EncodingFromName("latin1"), "unknown");
            Eq(null, Legacy.EncodingFromName(""), "empty");
            // Mojibake repair: null for what is not mojibake.
            Eq("Nguyễn Thuỵ Kim Nhật", Legacy.RepairMojibake("Nguyá»…n Thuá»µ Kim Nháº­t"), "repair");
            Eq(null, Legacy.RepairMojibake("Nguyễn"), "real Vietnamese");
            Eq(null, Legacy.RepairMojibake("Liège"), "Latin-1 text");
            Eq(null, Legacy.RepairMojibake("ASCII"), "ASCII");
            Eq(null, Legacy.RepairMojibake(""), "empty");
        }
    }
}
