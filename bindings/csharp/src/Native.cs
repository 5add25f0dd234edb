// The one layer that calls NativeMethods: marshals, owns, frees, and turns statuses into
// exceptions. Nothing here decides anything about text or payments.
//
// Why an instance reached through Native.Api, and why every method that calls an extern is
// NoInlining: Mono resolves a P/Invoke target when it compiles the method that calls it.
// The library has to be located (VIETREF_LIB, the package) before that happens, so extern
// calls live only in methods of an object that exists once NativeLibraryLoader has run, and
// they are never inlined into a caller compiled earlier. CoreCLR binds lazily and does not
// need this, but it does no harm there.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace Vietref
{
    internal enum TextOp { Name, Fold, Key, Retone }

    internal enum MessageField { Sector, PayerName, BeneficiaryName, Reason, Invoice }

    internal enum ReportText { Json, CleanedJson, CleanedText, Field, CodeKey, Message }

    internal enum ReportNumber { Severity, Code, Char }

    internal sealed class Native
    {
        private const uint Ok = 0;
        private const uint NoValue = 7;

        /// <summary>Major and minor version of the C ABI this binding was written for.</summary>
        internal const int AbiMajor = 0, AbiMinor = 1;

        private static readonly Lazy<Native> Instance =
            new Lazy<Native>(Create, LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>The loaded library (located and loaded on first use, once).</summary>
        internal static Native Api { get { return Instance.Value; } }

        /// <summary>Where the library was loaded from.</summary>
        internal string LoadedFrom { get; private set; }

        private Native() { }

        private static Native Create()
        {
            var attempt = NativeLibraryLoader.Locate();
            var api = new Native { LoadedFrom = attempt.Chosen };
            string version;
            try
            {
                version = api.Version();
            }
            catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException || e is BadImageFormatException)
            {
                throw attempt.Failure(e.GetType().Name + ": " + e.Message);
            }
            var parts = version.Split('.');
            int major, minor;
            if (parts.Length < 2 || !int.TryParse(parts[0], out major) || !int.TryParse(parts[1], out minor)
                || major != AbiMajor || minor != AbiMinor)
            {
                throw new VietrefLoadException(string.Format(
                    "{0} is vietref {1}; this binding needs {2}.{3}.x", attempt.Chosen, version, AbiMajor, AbiMinor));
            }
            return api;
        }

        // ---- statuses: the one place where they become exceptions ----------------------

        /// <summary>Throws <see cref="VietrefException"/> unless <paramref name="status"/> is VIETREF_OK.</summary>
        internal static void Check(uint status, string context)
        {
            if (status != Ok) throw Error(status, context);
        }

        /// <summary>True on VIETREF_OK, false on VIETREF_NO_VALUE (an absent optional value); throws otherwise.</summary>
        internal static bool CheckOptional(uint status, string context)
        {
            if (status == NoValue) return false;
            Check(status, context);
            return true;
        }

        internal static VietrefException Error(uint status, string context)
        {
            var api = Api;
            return new VietrefException(
                status,
                api.StatusName(status) ?? "VIETREF_STATUS_" + status,
                api.StatusMessage(status, (uint)Lang.English) ?? "unknown status",
                api.StatusMessage(status, (uint)Lang.Vietnamese) ?? "trạng thái không xác định",
                context);
        }

        // ---- library ----------------------------------------------------------------------

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal string Version() { return Utf8.FromStatic(NativeMethods.vietref_version()); }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal string StatusName(uint status) { return Utf8.FromStatic(NativeMethods.vietref_status_name(status)); }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal string StatusMessage(uint status, uint lang) { return Utf8.FromStatic(NativeMethods.vietref_status_message(status, lang)); }

        // ---- strings ----------------------------------------------------------------------

        /// <summary>Copies an owned vietref_string out and frees it.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static string Take(StringHandle s)
        {
            using (s)
            {
                var len = checked((int)(ulong)NativeMethods.vietref_string_len(s));
                if (len == 0) return string.Empty;
                var bytes = new byte[len];
                Marshal.Copy(NativeMethods.vietref_string_ptr(s), bytes, 0, len);
                return Utf8.Decode(bytes);
            }
        }

        private static UIntPtr Len(byte[] b) { return b == null ? UIntPtr.Zero : (UIntPtr)(ulong)b.Length; }

        // ---- text -------------------------------------------------------------------------

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal string Text(TextOp op, byte[] text, uint style)
        {
            StringHandle s;
            uint st;
            switch (op)
            {
                case TextOp.Name: st = NativeMethods.vietref_text_name(text, Len(text), out s); break;
                case TextOp.Fold: st = NativeMethods.vietref_text_fold(text, Len(text), out s); break;
                case TextOp.Key: st = NativeMethods.vietref_text_key(text, Len(text), out s); break;
                default: st = NativeMethods.vietref_text_retone(text, Len(text), style, out s); break;
            }
            if (st != Ok) { s.Dispose(); throw Error(st, "vietref_text_" + op.ToString().ToLowerInvariant()); }
            return Take(s);
        }

        /// <summary>Raw call with an explicit length, so tests can pass (NULL, n).</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        internal uint RawFold(byte[] text, UIntPtr len, out bool wroteOutput)
        {
            StringHandle s;
            var st = NativeMethods.vietref_text_fold(text, len, out s);
            wroteOutput = !s.IsInvalid;
            s.Dispose();
            return st;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal ReportHandle Check(byte[] text, byte[] field)
        {
            ReportHandle r;
            var st = NativeMethods.vietref_text_check(text, Len(text), field, Len(field), out r);
            if (st != Ok) { r.Dispose(); throw Error(st, "vietref_text_check"); }
            return r;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal uint LooksLike(byte[] a, byte[] b)
        {
            uint result;
            Check(NativeMethods.vietref_text_looks_like(a, Len(a), b, Len(b), out result), "vietref_text_looks_like");
            return result;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal uint ComparePayeeName(byte[] shown, byte[] registered)
        {
            uint result;
            Check(NativeMethods.vietref_text_compare_payee_name(shown, Len(shown), registered, Len(registered), out result),
                "vietref_text_compare_payee_name");
            return result;
        }

        // ---- message ----------------------------------------------------------------------

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal MessageHandle MessageNew()
        {
            MessageHandle m;
            var st = NativeMethods.vietref_message_new(out m);
            if (st != Ok) { m.Dispose(); throw Error(st, "vietref_message_new"); }
            return m;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal MessageHandle MessageFromJson(byte[] json)
        {
            MessageHandle m;
            var st = NativeMethods.vietref_message_from_json(json, Len(json), out m);
            if (st != Ok) { m.Dispose(); throw Error(st, "vietref_message_from_json"); }
            return m;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal void MessageSet(MessageHandle m, MessageField field, byte[] v)
        {
            uint st;
            switch (field)
            {
                case MessageField.Sector: st = NativeMethods.vietref_message_set_sector(m, v, Len(v)); break;
                case MessageField.PayerName: st = NativeMethods.vietref_message_set_payer_name(m, v, Len(v)); break;
                case MessageField.BeneficiaryName: st = NativeMethods.vietref_message_set_beneficiary_name(m, v, Len(v)); break;
                case MessageField.Reason: st = NativeMethods.vietref_message_set_reason(m, v, Len(v)); break;
                default: st = NativeMethods.vietref_message_set_invoice(m, v, Len(v)); break;
            }
            Check(st, "vietref_message_set_" + field);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal void MessageSetAmount(MessageHandle m, ulong vnd)
        {
            Check(NativeMethods.vietref_message_set_amount(m, vnd), "vietref_message_set_amount");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal ReportHandle MessageValidate(MessageHandle m)
        {
            ReportHandle r;
            var st = NativeMethods.vietref_message_validate(m, out r);
            if (st != Ok) { r.Dispose(); throw Error(st, "vietref_message_validate"); }
            return r;
        }

        // ---- report -----------------------------------------------------------------------

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal bool ReportValid(ReportHandle r)
        {
            uint v;
            Check(NativeMethods.vietref_report_valid(r, out v), "vietref_report_valid");
            return v == 1;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal int ReportCount(ReportHandle r)
        {
            UIntPtr n;
            Check(NativeMethods.vietref_report_count(r, out n), "vietref_report_count");
            return checked((int)(ulong)n);
        }

        /// <summary>A text of the report or of finding <paramref name="i"/>; null for an absent optional value.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        internal string ReportString(ReportHandle r, ReportText what, int i, Lang lang)
        {
            StringHandle s;
            uint st;
            var idx = (UIntPtr)(ulong)i;
            switch (what)
            {
                case ReportText.Json: st = NativeMethods.vietref_report_json(r, out s); break;
                case ReportText.CleanedJson: st = NativeMethods.vietref_report_cleaned_json(r, out s); break;
                case ReportText.CleanedText: st = NativeMethods.vietref_report_cleaned_text(r, out s); break;
                case ReportText.Field: st = NativeMethods.vietref_report_finding_field(r, idx, out s); break;
                case ReportText.CodeKey: st = NativeMethods.vietref_report_finding_code_key(r, idx, out s); break;
                default: st = NativeMethods.vietref_report_finding_message(r, idx, (uint)lang, out s); break;
            }
            if (!CheckOptional(st, "vietref_report_" + what)) { s.Dispose(); return null; }
            return Take(s);
        }

        /// <summary>A number of finding <paramref name="i"/>; null for an absent optional value.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        internal uint? FindingNumber(ReportHandle r, ReportNumber what, int i)
        {
            uint v;
            uint st;
            var idx = (UIntPtr)(ulong)i;
            switch (what)
            {
                case ReportNumber.Severity: st = NativeMethods.vietref_report_finding_severity(r, idx, out v); break;
                case ReportNumber.Code: st = NativeMethods.vietref_report_finding_code(r, idx, out v); break;
                default: st = NativeMethods.vietref_report_finding_char(r, idx, out v); break;
            }
            return CheckOptional(st, "vietref_report_finding_" + what) ? v : (uint?)null;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal long? FindingPosition(ReportHandle r, int i)
        {
            UIntPtr p;
            var st = NativeMethods.vietref_report_finding_position(r, (UIntPtr)(ulong)i, out p);
            return CheckOptional(st, "vietref_report_finding_position") ? (long)(ulong)p : (long?)null;
        }

        // ---- VietQR -------------------------------------------------------------------------

        private static ReportHandle ReportOrThrow(uint st, ReportHandle r, string context)
        {
            if (st != Ok) { r.Dispose(); throw Error(st, context); }
            return r;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal ReportHandle VietQrDecode(byte[] payload, uint mode)
        {
            ReportHandle r;
            var st = NativeMethods.vietref_vietqr_decode(payload, Len(payload), mode, out r);
            return ReportOrThrow(st, r, "vietref_vietqr_decode");
        }

        /// <summary>The VietQR of a report; null when the report holds an error.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        internal VietQrHandle VietQrFromReport(ReportHandle report)
        {
            VietQrHandle q;
            var st = NativeMethods.vietref_vietqr_from_report(report, out q);
            if (!CheckOptional(st, "vietref_vietqr_from_report")) { q.Dispose(); return null; }
            return q;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal VietQrHandle VietQrFromJson(byte[] json)
        {
            VietQrHandle q;
            var st = NativeMethods.vietref_vietqr_from_json(json, Len(json), out q);
            if (st != Ok) { q.Dispose(); throw Error(st, "vietref_vietqr_from_json"); }
            return q;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal string VietQrJson(VietQrHandle q)
        {
            StringHandle s;
            var st = NativeMethods.vietref_vietqr_json(q, out s);
            if (st != Ok) { s.Dispose(); throw Error(st, "vietref_vietqr_json"); }
            return Take(s);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal string VietQrGet(VietQrHandle q, uint field)
        {
            StringHandle s;
            var st = NativeMethods.vietref_vietqr_get(q, field, out s);
            if (!CheckOptional(st, "vietref_vietqr_get")) { s.Dispose(); return null; }
            return Take(s);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal ulong? VietQrAmount(VietQrHandle q)
        {
            ulong v;
            return CheckOptional(NativeMethods.vietref_vietqr_amount(q, out v), "vietref_vietqr_amount") ? v : (ulong?)null;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal ReportHandle VietQrEncode(VietQrHandle q)
        {
            ReportHandle r;
            var st = NativeMethods.vietref_vietqr_encode(q, out r);
            return ReportOrThrow(st, r, "vietref_vietqr_encode");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal ReportHandle VietQrEncodeJson(byte[] json)
        {
            ReportHandle r;
            var st = NativeMethods.vietref_vietqr_encode_json(json, Len(json), out r);
            return ReportOrThrow(st, r, "vietref_vietqr_encode_json");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal ReportHandle VietQrToAccount(byte[] bin, byte[] account, ulong amount, byte[] bill, byte[] purpose)
        {
            ReportHandle r;
            var st = NativeMethods.vietref_vietqr_to_account(bin, Len(bin), account, Len(account), amount,
                bill, Len(bill), purpose, Len(purpose), out r);
            return ReportOrThrow(st, r, "vietref_vietqr_to_account");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal ReportHandle VietQrVerifyPayee(VietQrHandle q, byte[] bin, byte[] account, byte[] name)
        {
            ReportHandle r;
            var st = NativeMethods.vietref_vietqr_verify_payee(q, bin, Len(bin), account, Len(account), name, Len(name), out r);
            return ReportOrThrow(st, r, "vietref_vietqr_verify_payee");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal string VietQrBankLookup(byte[] query)
        {
            StringHandle s;
            var st = NativeMethods.vietref_vietqr_bank_lookup(query, Len(query), out s);
            if (!CheckOptional(st, "vietref_vietqr_bank_lookup")) { s.Dispose(); return null; }
            return Take(s);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal ushort VietQrCrc16(byte[] bytes)
        {
            ushort crc;
            Check(NativeMethods.vietref_vietqr_crc16(bytes, Len(bytes), out crc), "vietref_vietqr_crc16");
            return crc;
        }
    }
}
