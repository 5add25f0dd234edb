namespace Vietref
{
    /// <summary>References: payment codes (<c>HP7184097674</c>), ISO 11649 RF creditor references,
    /// e-invoice identifiers and tax codes (mã số thuế). A refused value throws
    /// <see cref="ReferenceException"/> (status <c>Ref*</c>, with the library's reason for that value in
    /// English and Vietnamese); an unknown kind, or a kind the verb does not take, throws
    /// <see cref="VietrefException"/> (InvalidArgument); null throws <see cref="System.ArgumentNullException"/>.</summary>
    public static class References
    {
        /// <summary>The payment code with <paramref name="prefix"/> (2–5 letters, no O, I, L) and
        /// <paramref name="body"/> (6–12 digits; spaces, hyphens and dots dropped), check digits added:
        /// ("HP", "71840976") → "HP7184097674".</summary>
        public static string Create(string prefix, string body) { return Create(RefKind.Code, prefix, body); }

        /// <summary>The RF creditor reference for <paramref name="body"/> (1–21 letters or digits):
        /// "539007547034" → "RF18539007547034".</summary>
        public static string CreateRf(string body) { return Create(RefKind.Rf, "", body); }

        /// <summary>Creates a reference of <paramref name="kind"/> (<see cref="RefKind.Code"/>, or
        /// <see cref="RefKind.Rf"/> with an empty prefix) in its compact electronic form.</summary>
        public static string Create(RefKind kind, string prefix, string body)
        {
            return Native.Api.Ref(RefOp.Create, (uint)kind, Utf8.Encode(prefix, "prefix"), Utf8.Encode(body, "body"));
        }

        /// <summary>Why <see cref="Create(RefKind, string, string)"/> refuses these arguments, in
        /// <paramref name="lang"/>; null when it accepts them.</summary>
        public static string CreateMessage(RefKind kind, string prefix, string body, Lang lang = Lang.English)
        {
            return Native.Api.RefMessage(RefOp.Create, (uint)kind, Utf8.Encode(prefix, "prefix"), Utf8.Encode(body, "body"), (uint)lang);
        }

        /// <summary>Validates <paramref name="value"/> in any written form (spaces, hyphens, dots, any case)
        /// and returns its compact electronic form: "hp 7184 0976 74" → "HP7184097674".</summary>
        public static string Validate(RefKind kind, string value) { return Value(RefOp.Validate, kind, value); }

        /// <summary>The printed form of a valid reference: "HP 7184 0976 74", "RF18 5390 0754 7034",
        /// "1C24TAA-00001234", "0100233488-001".</summary>
        public static string Format(RefKind kind, string value) { return Value(RefOp.Format, kind, value); }

        /// <summary>Separators removed and letters upper-cased, check digits not verified:
        /// "hp 7184-0976.75" → "HP7184097675". Refuses only an empty value and characters that are not
        /// letters, digits or separators (an e-invoice identifier: whatever <see cref="Validate"/> refuses).</summary>
        public static string Compact(RefKind kind, string value) { return Value(RefOp.Compact, kind, value); }

        /// <summary>Whether <paramref name="value"/> is a valid reference of <paramref name="kind"/> (never throws
        /// for a refused value).</summary>
        public static bool IsValid(RefKind kind, string value)
        {
            return Native.Api.RefIsValid((uint)kind, Utf8.Encode(value, "value"));
        }

        /// <summary>Why <see cref="Validate"/> (and <see cref="Format"/>) refuse <paramref name="value"/>, in
        /// <paramref name="lang"/>: "the check digits do not match (a typing error?)"; null when it is valid.</summary>
        public static string ValidationMessage(RefKind kind, string value, Lang lang = Lang.English)
        {
            return Native.Api.RefMessage(RefOp.Validate, (uint)kind, null, Utf8.Encode(value, "value"), (uint)lang);
        }

        private static string Value(RefOp op, RefKind kind, string value)
        {
            return Native.Api.Ref(op, (uint)kind, null, Utf8.Encode(value, "value"));
        }
    }
}
