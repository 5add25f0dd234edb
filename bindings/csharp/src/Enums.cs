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

    /// <summary>Kinds of reference (<c>VIETREF_REF_*</c>): what <see cref="References"/> takes and what
    /// <see cref="Candidate.Kind"/> says.</summary>
    public enum RefKind : uint
    {
        /// <summary>A payment code: 2–5 letters (no O, I, L), 6–12 digits, two check digits (<c>HP7184097674</c>).</summary>
        Code = 1,
        /// <summary>An ISO 11649 creditor reference (<c>RF18539007547034</c>).</summary>
        Rf = 2,
        /// <summary>A Vietnamese e-invoice identifier (<c>1C24TAA1234</c>); nothing creates one.</summary>
        EInvoice = 3,
        /// <summary>A Vietnamese tax code, mã số thuế (<c>0100233488</c>); nothing creates one.</summary>
        Mst = 4,
        /// <summary>An institution's own code; no verb takes it.</summary>
        Opaque = 5,
    }

    /// <summary>Where a memo travels (<c>VIETREF_CHANNEL_*</c>): its character set and length budget.</summary>
    public enum Channel : uint
    {
        /// <summary>VietQR tag 62-08, purpose: 25 characters, <c>[A-Za-z0-9 ]</c>.</summary>
        VietQr = 1,
        /// <summary>VietQR tag 62-01, bill number: 25 characters, the invoice code only.</summary>
        VietQrBill = 2,
        /// <summary>Interbank transfer content (NAPAS 247): 140 characters.</summary>
        Transfer = 3,
        /// <summary>Mobile Money transfer note: 50 characters.</summary>
        MobileMoney = 4,
        /// <summary>Card payment reference at a POS: 25 characters, the invoice code only.</summary>
        Pos = 5,
        /// <summary>ISO 20022 <c>RmtInf/Ustrd</c>: 140 characters; the cleaned JSON also has the XML.</summary>
        Iso20022 = 6,
    }

    /// <summary>The field lists of a rendered memo (<c>VIETREF_MEMO_*</c>, <see cref="Report.MemoFields"/>).</summary>
    public enum MemoList : uint
    {
        /// <summary>The fields in the text, whole or cut, in template order.</summary>
        Included = 1,
        /// <summary>The fields of the message that are not in the text.</summary>
        Omitted = 2,
        /// <summary>The fields in the text that were cut.</summary>
        Clipped = 3,
    }

    /// <summary>The encodings <see cref="Legacy"/> reads and writes (<c>VIETREF_ENCODING_*</c>). Not called
    /// <c>Encoding</c> so that it does not clash with <see cref="System.Text.Encoding"/>.</summary>
    public enum LegacyEncoding : uint
    {
        /// <summary>UTF-8 (decoding drops a byte-order mark and composes to NFC).</summary>
        Utf8 = 0,
        /// <summary>TCVN3 (ABC, the <c>.VnTime</c> fonts); no upper-case toned letters.</summary>
        Tcvn3 = 1,
        /// <summary>VNI-Win (base letter + mark byte).</summary>
        Vni = 2,
        /// <summary>VISCII (RFC 1456).</summary>
        Viscii = 3,
        /// <summary>VPS.</summary>
        Vps = 4,
        /// <summary>Windows-1258 (base letter + combining tone byte).</summary>
        Cp1258 = 5,
        /// <summary>VIQR (RFC 1456): 7-bit mnemonics, <c>Nguye^~n</c>.</summary>
        Viqr = 6,
        /// <summary>UTF-8 read as Windows-1252 and written again (mojibake, <c>Nguyá»…n</c>); decoding repairs it.</summary>
        Utf8AsCp1252 = 7,
    }

    /// <summary>Options of <see cref="Legacy.Encode"/> (<c>VIETREF_LEGACY_*</c>).</summary>
    [System.Flags]
    public enum LegacyOptions : uint
    {
        None = 0,
        /// <summary>TCVN3 only: write an upper-case toned letter as its lower-case code and report it
        /// as a loss, instead of refusing it (<see cref="VietrefStatus.LegacyTcvn3Capital"/>).</summary>
        Tcvn3LowerCase = 1,
    }

    /// <summary>What a statement line was found to be (<c>VIETREF_LINE_*</c>).</summary>
    public enum LineStatus : uint
    {
        /// <summary>One code naming an open invoice, now paid in full.</summary>
        Paid = 0,
        /// <summary>One code naming an open invoice; some of it is still due.</summary>
        Partial = 1,
        /// <summary>One code naming an open invoice, now paid with more than was due.</summary>
        Overpaid = 2,
        /// <summary>One code naming an invoice already settled: a second payment.</summary>
        Duplicate = 3,
        /// <summary>One valid code that names no loaded invoice.</summary>
        UnknownCode = 4,
        /// <summary>Several distinct codes; nothing applied.</summary>
        Ambiguous = 5,
        /// <summary>No code; perhaps a <see cref="LineResult.Suggestion"/> (never applied).</summary>
        Unmatched = 6,
    }

    /// <summary>The layout of a statement export given to <see cref="Reconciler.FeedStatement(byte[], StatementFormat, string, ResultsFormat)"/>
    /// (<c>VIETREF_STATEMENT_*</c>).</summary>
    public enum StatementFormat : uint
    {
        /// <summary>CSV with a header row (<c>date,amount,content,reference[,counterName]</c> by default, or the
        /// columns mapped); <c>,</c> <c>;</c> or tab separated, quoted cells, UTF-8 with or without BOM.</summary>
        Csv = 1,
        /// <summary>One JSON object per line, in the shapes bank-notification services send
        /// (<c>transferAmount</c>, <c>content</c>/<c>description</c>, <c>referenceCode</c>, <c>transactionDate</c>, ...).</summary>
        JsonLines = 2,
        /// <summary>A JSON array of such objects.</summary>
        Json = 3,
        /// <summary>An Excel 2007+ workbook (first sheet; the header row found past a preamble).</summary>
        Xlsx = 4,
        /// <summary>An Excel 97-2003 workbook (first sheet).</summary>
        Xls = 5,
    }

    /// <summary>How <see cref="Reconciler.FeedStatement(byte[], StatementFormat, string, ResultsFormat)"/> writes its results
    /// (<c>VIETREF_RESULTS_*</c>).</summary>
    public enum ResultsFormat : uint
    {
        /// <summary>One JSON object per statement line (<see cref="LineResult.Json"/>), each ending in <c>\n</c>.</summary>
        JsonLines = 1,
        /// <summary>CSV with a header row, the columns <c>vietref reconcile --format csv</c> writes, CRLF.</summary>
        Csv = 2,
    }
}
