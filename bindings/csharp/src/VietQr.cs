using System;

namespace Vietref
{
    /// <summary>A VietQR (NAPAS EMVCo) code's fields (owns a <c>vietref_vietqr</c>; dispose it, or the
    /// finalizer frees it), and the VietQR operations: decode, build, encode, check the payee, banks.</summary>
    public sealed class VietQr : IDisposable
    {
        private readonly VietQrHandle handle;

        internal VietQr(VietQrHandle h) { handle = h; }

        /// <summary>Reads a payload: every finding (field paths like "vietqr.38.01.01") and, when valid,
        /// the decoded VietQR as the cleaned value (<see cref="Report.CleanedJson"/>, <see cref="Report.ToVietQr"/>).
        /// Lenient by default, as everywhere in vietref: a repair (surrounding whitespace, a lower-case CRC, one
        /// wrong length) is a warning and the report stays valid; <see cref="VietQrMode.Strict"/> on request
        /// makes every deviation an error.</summary>
        public static Report Decode(string payload, VietQrMode mode = VietQrMode.Lenient)
        {
            return new Report(Native.Api.VietQrDecode(Utf8.Encode(payload, "payload"), (uint)mode));
        }

        /// <summary>From the JSON <c>vietref qr decode</c> prints (bankBin, accountNumber, amount,
        /// additionalData...; "bank" may name the bank). Throws <see cref="VietrefException"/>
        /// (VietQrJsonInvalid) when it cannot be read.</summary>
        public static VietQr FromJson(string json)
        {
            return new VietQr(Native.Api.VietQrFromJson(Utf8.Encode(json, "json")));
        }

        /// <summary><see cref="FromJson"/> then <see cref="Encode"/>.</summary>
        public static Report EncodeJson(string json)
        {
            return new Report(Native.Api.VietQrEncodeJson(Utf8.Encode(json, "json")));
        }

        /// <summary>A transfer code (service QRIBFTTA) to <paramref name="account"/> at the bank with BIN
        /// <paramref name="bin"/>; amount 0 makes a static code. <paramref name="bill"/> (tag 62.01) and
        /// <paramref name="purpose"/> (62.08) must be ASCII, at most 25 characters (see <see cref="Text.Fold"/>).
        /// The report's <see cref="Report.CleanedText"/> is the payload.</summary>
        public static Report ToAccount(string bin, string account, ulong amount = 0, string bill = "", string purpose = "")
        {
            return new Report(Native.Api.VietQrToAccount(Utf8.Encode(bin, "bin"), Utf8.Encode(account, "account"), amount,
                Utf8.Encode(bill, "bill"), Utf8.Encode(purpose, "purpose")));
        }

        /// <summary>The registry's entry for a bank (by BIN, short name, code or name) as JSON:
        /// {"bin","shortName","name","codes","kind",...}; null when no entry matches.</summary>
        public static string BankLookup(string query)
        {
            return Native.Api.VietQrBankLookup(Utf8.Encode(query, "query"));
        }

        /// <summary>CRC-16/CCITT-FALSE of any bytes (VietQR tag 63; "123456789" gives 0x29B1).</summary>
        public static ushort Crc16(byte[] bytes)
        {
            if (bytes == null) throw new ArgumentNullException("bytes");
            return Native.Api.VietQrCrc16(bytes);
        }

        /// <summary>The VietQR for a payment <paramref name="message"/> to the institution's account
        /// (<paramref name="bin"/>, <paramref name="account"/>): validated knowing <paramref name="schemes"/>,
        /// tag 62-08 = the memo rendered for <see cref="Channel.VietQr"/>, 62-01 = the invoice code, 54 = the
        /// amount. Findings: the message's, the rendering's, the code's; when valid
        /// <see cref="Report.CleanedText"/> is the payload.</summary>
        /// <remarks>The arguments follow the C ABI (<c>vietref_vietqr_for_payment(message, schemes, bin, account)</c>);
        /// pass <c>""</c> as <paramref name="schemes"/> for none, or name the arguments
        /// (<c>ForPayment(m, schemes: "HP:8", bin: "970436", account: "0011001234567")</c>).</remarks>
        public static Report ForPayment(Message message, string schemes, string bin, string account)
        {
            if (message == null) throw new ArgumentNullException("message");
            return new Report(Native.Api.VietQrForPayment(message.Live(), Utf8.Encode(schemes, "schemes"),
                Utf8.Encode(bin, "bin"), Utf8.Encode(account, "account")));
        }

        /// <summary>The payment codes of <paramref name="schemes"/> and RF references in the purpose (62-08)
        /// and the bill number (62-01), purpose first, each once. Their positions are the library's byte offsets
        /// into the field each was found in (the binding cannot tell which field, so <see cref="Candidate.Start"/>
        /// equals <see cref="Candidate.ByteStart"/>; the same as UTF-16 indices for the ASCII a payload carries).</summary>
        public CandidateList PaymentCodes(string schemes = "")
        {
            var s = Utf8.Encode(schemes, "schemes");
            using (var h = Native.Api.VietQrPaymentCodes(Live(), s))
                return new CandidateList(h, null);
        }

        /// <summary>The fields as JSON (the form <see cref="FromJson"/> reads).</summary>
        public string Json { get { return Native.Api.VietQrJson(Live()); } }

        /// <summary>One field as it travels in the payload; null when absent.</summary>
        public string Get(VietQrField field) { return Native.Api.VietQrGet(Live(), (uint)field); }

        /// <summary>The amount in đồng; null for a static code.</summary>
        public ulong? Amount { get { return Native.Api.VietQrAmount(Live()); } }

        /// <summary>Checks every field; when none fails the report's <see cref="Report.CleanedText"/> is the payload.</summary>
        public Report Encode() { return new Report(Native.Api.VietQrEncode(Live())); }

        /// <summary>Checks that the code pays the registered payee: another BIN or account is an error,
        /// a lookalike merchant name an error (spoofing), a different one a warning.</summary>
        public Report VerifyPayee(string bin, string account, string name)
        {
            return new Report(Native.Api.VietQrVerifyPayee(Live(), Utf8.Encode(bin, "bin"), Utf8.Encode(account, "account"),
                Utf8.Encode(name, "name")));
        }

        public bool IsClosed { get { return handle.IsClosed; } }

        /// <summary>Frees the native handle; calling it again does nothing.</summary>
        public void Dispose() { handle.Dispose(); }

        private VietQrHandle Live()
        {
            if (handle.IsClosed) throw new ObjectDisposedException("VietQr");
            return handle;
        }
    }
}
