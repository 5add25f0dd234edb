// The integer constants of include/vietref.h (a test checks them against the header).
namespace Vietref
{
    /// <summary>Status codes (<c>vietref_status</c>). A newer library may return numbers not
    /// listed here; <see cref="VietrefException.Status"/> keeps them as they are.</summary>
    public enum VietrefStatus : uint
    {
        Ok = 0,
        NullArgument = 1,
        InvalidUtf8 = 2,
        InsufficientSize = 3,
        Panic = 4,
        InvalidArgument = 5,
        IndexOutOfRange = 6,
        NoValue = 7,
        InternalError = 8,
        TextNameInvalid = 100,
        MessageJsonInvalid = 200,
    }

    /// <summary>How serious a finding is.</summary>
    public enum Severity : uint
    {
        /// <summary>vietref changed the value (and says how) or doubts it; the value is usable.</summary>
        Warning = 1,
        /// <summary>The value cannot be used as given.</summary>
        Error = 2,
    }

    /// <summary>Where tone marks go in open oa, oe, uy syllables.</summary>
    public enum ToneStyle : uint
    {
        /// <summary>hòa, khỏe, thủy.</summary>
        Traditional = 1,
        /// <summary>hoà, khoẻ, thuỷ.</summary>
        MainVowel = 2,
    }

    /// <summary>Result of <see cref="Text.ComparePayeeName"/>.</summary>
    public enum NameComparison : uint
    {
        Same = 1,
        /// <summary>A different text that looks the same: a spoofing risk, never a match.</summary>
        Lookalike = 2,
        Different = 3,
    }

    /// <summary>Language of messages.</summary>
    public enum Lang : uint
    {
        English = 1,
        Vietnamese = 2,
    }
}
