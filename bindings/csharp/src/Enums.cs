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
        WrongKind = 9,
        TextNameInvalid = 100,
        MessageJsonInvalid = 200,
        RefEmpty = 300,
        RefInvalidChar = 301,
        RefInvalidLength = 302,
        RefInvalidPrefix = 303,
        RefInvalidPart = 304,
        RefInvalidChecksum = 305,
        RefSchemesInvalid = 306,
        VietQrJsonInvalid = 500,
        LegacyUndefinedByte = 600,
        LegacyInvalidUtf8 = 601,
        LegacyNotSevenBit = 602,
        LegacyNotMojibake = 603,
        LegacyUnencodable = 604,
        LegacyTcvn3Capital = 605,
        ReconcileAmountInvalid = 700,
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

    /// <summary>How <see cref="VietQr.Decode"/> reads a payload.</summary>
    public enum VietQrMode : uint
    {
        /// <summary>Any length, CRC, format or required-field fault is an error.</summary>
        Strict = 1,
        /// <summary>Also repairs whitespace, a lower-case CRC, one wrong length (each a warning).</summary>
        Lenient = 2,
    }

    /// <summary>The fields <see cref="VietQr.Get"/> reads, as they travel in the payload.</summary>
    public enum VietQrField : uint
    {
        Initiation = 1,
        BankBin = 2,
        AccountNumber = 3,
        Service = 4,
        MerchantCategory = 5,
        Currency = 6,
        Amount = 7,
        Country = 8,
        MerchantName = 9,
        MerchantCity = 10,
        PostalCode = 11,
        BillNumber = 12,
        MobileNumber = 13,
        StoreLabel = 14,
        LoyaltyNumber = 15,
        ReferenceLabel = 16,
        CustomerLabel = 17,
        TerminalLabel = 18,
        Purpose = 19,
        ConsumerDataRequest = 20,
        Crc = 21,
    }
}
