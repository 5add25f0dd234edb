namespace Vietref
{
    /// <summary>Vietnamese text operations: names, memo folding, matching keys, tone marks,
    /// lookalikes. Null arguments throw <see cref="System.ArgumentNullException"/>; statuses
    /// throw <see cref="VietrefException"/>.</summary>
    public static class Text
    {
        /// <summary>The display form of a person's name ("  nguyễn   THỊ  minh " → "Nguyễn Thị Minh").
        /// Throws <see cref="VietrefException"/> (TextNameInvalid) when the name has an error finding;
        /// <see cref="Check"/> lists them.</summary>
        public static string Name(string text) { return Native.Api.Text(TextOp.Name, Utf8.Encode(text, "text"), 0); }

        /// <summary>The ASCII memo form ("Nguyễn Văn Đức" → "NGUYEN VAN DUC").</summary>
        public static string Fold(string text) { return Native.Api.Text(TextOp.Fold, Utf8.Encode(text, "text"), 0); }

        /// <summary>The matching key: equal for texts that differ only in case, spacing, NFC/NFD,
        /// apostrophe or tone style; compare keys ordinally.</summary>
        public static string Key(string text) { return Native.Api.Text(TextOp.Key, Utf8.Encode(text, "text"), 0); }

        /// <summary>The text with its tone marks placed by <paramref name="style"/>.</summary>
        public static string Retone(string text, ToneStyle style)
        {
            return Native.Api.Text(TextOp.Retone, Utf8.Encode(text, "text"), (uint)style);
        }

        /// <summary>Checks a person's name: every normalization as a warning, every refused
        /// character as an error with its position, the display form as the cleaned value.</summary>
        public static Report Check(string text, string field = "")
        {
            return new Report(Native.Api.Check(Utf8.Encode(text, "text"), Utf8.Encode(field, "field")));
        }

        /// <summary>Checks free text (a payment reason, a note): every normalization as a warning, every
        /// refused character (control, bidi, invisible, unusable) as an error with its position, a warning
        /// for a word that mixes Latin letters with another script, the normalized text as the cleaned
        /// value. Unlike <see cref="Check"/> (names), digits and punctuation are allowed.</summary>
        public static Report CheckText(string text, string field = "")
        {
            return new Report(Native.Api.CheckText(Utf8.Encode(text, "text"), Utf8.Encode(field, "field")));
        }

        /// <summary>The confusable skeleton: equal for texts that look the same to a person (Latin "HOA"
        /// and Cyrillic "НОА"; "rn" and "m"). Store the skeletons of registered payee names to find
        /// look-alikes by an index look-up; <see cref="ComparePayeeName"/> tells a look-alike from the same
        /// name. The form may change between library versions: rebuild stored skeletons after an upgrade.</summary>
        public static string Skeleton(string text) { return Native.Api.Skeleton(Utf8.Encode(text, "text")); }

        /// <summary>Whether two texts look the same to a person (Latin "HOA", Cyrillic "НОА").</summary>
        public static bool LooksLike(string a, string b)
        {
            return Native.Api.LooksLike(Utf8.Encode(a, "a"), Utf8.Encode(b, "b")) == 1;
        }

        /// <summary>Same, Lookalike (a spoofing risk: never a match) or Different.</summary>
        public static NameComparison ComparePayeeName(string shown, string registered)
        {
            return (NameComparison)Native.Api.ComparePayeeName(Utf8.Encode(shown, "shown"), Utf8.Encode(registered, "registered"));
        }
    }
}
