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
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace Vietref
{
    internal enum TextOp { Name, Fold, Key, Retone }

    internal enum MessageField { Sector, PayerName, BeneficiaryName, Reason, Invoice }

    internal enum ReportText { Json, CleanedJson, CleanedText, Field, CodeKey, Message }

    internal enum ReportNumber { Severity, Code, Char }

    internal enum RefOp { Create, Validate, Format, Compact }

    internal enum LineText { Invoice, Suggestion, PossibleTypo, Reason, Json }

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
            string name, en, vi;
            Describe(status, out name, out en, out vi);
            return new VietrefException(status, name, en, vi, context);
        }

        /// <summary>A refused reference (300–305) as a <see cref="ReferenceException"/> carrying the
        /// library's reason for this value in both languages; any other status as <see cref="Error"/>.</summary>
        private VietrefException RefError(uint status, string context, RefOp op, uint kind, byte[] prefix, byte[] value)
        {
            if (status < RefFirst || status > RefLast) return Error(status, context);
            string name, en, vi;
            Describe(status, out name, out en, out vi);
            return new ReferenceException(status, name, en, vi, context,
                RefMessage(op, kind, prefix, value, (uint)Lang.English),
                RefMessage(op, kind, prefix, value, (uint)Lang.Vietnamese));
        }

        /// <summary>A refusal of the data (600–605) as a <see cref="LegacyException"/> carrying the
        /// library's JSON of where and why; any other status as <see cref="Error"/>.</summary>
        private static VietrefException LegacyError(uint status, string context, Func<string> details)
        {
            if (status < LegacyFirst || status > LegacyLast) return Error(status, context);
            string name, en, vi;
            Describe(status, out name, out en, out vi);
            return new LegacyException(status, name, en, vi, context, details());
        }

        private static void Describe(uint status, out string name, out string en, out string vi)
        {
            var api = Api;
            name = api.StatusName(status) ?? "VIETREF_STATUS_" + status;
            en = api.StatusMessage(status, (uint)Lang.English) ?? "unknown status";
            vi = api.StatusMessage(status, (uint)Lang.Vietnamese) ?? "trạng thái không xác định";
        }

        private const uint RefFirst = 300, RefLast = 305, LegacyFirst = 600, LegacyLast = 605;

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

        private static UIntPtr Idx(int i) { return (UIntPtr)(ulong)i; }

        private static int Count(UIntPtr n) { return checked((int)(ulong)n); }

        /// <summary>The owned string of a call that must succeed.</summary>
        private static string TakeOrThrow(uint st, StringHandle s, string context)
        {
            if (st != Ok) { s.Dispose(); throw Error(st, context); }
            return Take(s);
        }

        /// <summary>The owned string of a call whose value is optional: null on VIETREF_NO_VALUE.</summary>
        private static string TakeOptional(uint st, StringHandle s, string context)
        {
            if (!CheckOptional(st, context)) { s.Dispose(); return null; }
            return Take(s);
        }

        private static T HandleOrThrow<T>(uint st, T h, string context) where T : SafeHandle
        {
            if (st != Ok) { h.Dispose(); throw Error(st, context); }
            return h;
        }

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
        internal ReportHandle CheckText(byte[] text, byte[] field)
        {
            ReportHandle r;
            var st = NativeMethods.vietref_text_check_text(text, Len(text), field, Len(field), out r);
            return HandleOrThrow(st, r, "vietref_text_check_text");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal string Skeleton(byte[] text)
        {
            StringHandle s;
            var st = NativeMethods.vietref_text_skeleton(text, Len(text), out s);
            return TakeOrThrow(st, s, "vietref_text_skeleton");
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

        // ---- references ---------------------------------------------------------------------

        /// <summary>create (prefix, body), validate / format / compact (value); a refusal throws
        /// <see cref="ReferenceException"/>.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        internal string Ref(RefOp op, uint kind, byte[] prefix, byte[] value)
        {
            StringHandle s;
            uint st;
            switch (op)
            {
                case RefOp.Create: st = NativeMethods.vietref_ref_create(kind, prefix, Len(prefix), value, Len(value), out s); break;
                case RefOp.Validate: st = NativeMethods.vietref_ref_validate(kind, value, Len(value), out s); break;
                case RefOp.Format: st = NativeMethods.vietref_ref_format(kind, value, Len(value), out s); break;
                default: st = NativeMethods.vietref_ref_compact(kind, value, Len(value), out s); break;
            }
            if (st != Ok)
            {
                s.Dispose();
                throw RefError(st, "vietref_ref_" + op.ToString().ToLowerInvariant(), op, kind, prefix, value);
            }
            return Take(s);
        }

        /// <summary>Why create (op Create) or validate / format / compact refuse; null when accepted.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        internal string RefMessage(RefOp op, uint kind, byte[] prefix, byte[] value, uint lang)
        {
            StringHandle s;
            if (op == RefOp.Create)
            {
                var st = NativeMethods.vietref_ref_create_message(kind, prefix, Len(prefix), value, Len(value), lang, out s);
                return TakeOptional(st, s, "vietref_ref_create_message");
            }
            var st2 = NativeMethods.vietref_ref_validate_message(kind, value, Len(value), lang, out s);
            return TakeOptional(st2, s, "vietref_ref_validate_message");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal bool RefIsValid(uint kind, byte[] value)
        {
            uint v;
            Check(NativeMethods.vietref_ref_is_valid(kind, value, Len(value), out v), "vietref_ref_is_valid");
            return v == 1;
        }

        // ---- memo -----------------------------------------------------------------------------

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal ReportHandle MessageValidateSchemes(MessageHandle m, byte[] schemes)
        {
            ReportHandle r;
            var st = NativeMethods.vietref_message_validate_schemes(m, schemes, Len(schemes), out r);
            return HandleOrThrow(st, r, "vietref_message_validate_schemes");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal ReportHandle MemoRender(MessageHandle m, byte[] schemes, uint channel, ulong budget)
        {
            ReportHandle r;
            var st = NativeMethods.vietref_memo_render(m, schemes, Len(schemes), channel, (UIntPtr)budget, out r);
            return HandleOrThrow(st, r, "vietref_memo_render");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal ReportHandle MemoRenderCustom(MessageHandle m, byte[] schemes, byte[] name, byte[] charset, ulong budget, bool referenceOnly)
        {
            ReportHandle r;
            var st = NativeMethods.vietref_memo_render_custom(m, schemes, Len(schemes), name, Len(name), charset, Len(charset),
                (UIntPtr)budget, referenceOnly ? 1u : 0u, out r);
            return HandleOrThrow(st, r, "vietref_memo_render_custom");
        }

        /// <summary>The fields of one list of a rendered memo; null when the report holds an error.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        internal List<string> MemoFields(ReportHandle r, uint list)
        {
            UIntPtr n;
            if (!CheckOptional(NativeMethods.vietref_memo_field_count(r, list, out n), "vietref_memo_field_count")) return null;
            var names = new List<string>();
            for (int i = 0; i < Count(n); i++)
            {
                StringHandle s;
                var st = NativeMethods.vietref_memo_field_name(r, list, Idx(i), out s);
                names.Add(TakeOrThrow(st, s, "vietref_memo_field_name"));
            }
            return names;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal CandidatesHandle MemoExtract(byte[] text, byte[] schemes)
        {
            CandidatesHandle c;
            var st = NativeMethods.vietref_memo_extract(text, Len(text), schemes, Len(schemes), out c);
            return HandleOrThrow(st, c, "vietref_memo_extract");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal string MemoParse(byte[] text, byte[] schemes)
        {
            StringHandle s;
            var st = NativeMethods.vietref_memo_parse(text, Len(text), schemes, Len(schemes), out s);
            return TakeOrThrow(st, s, "vietref_memo_parse");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal string MemoEnvelope(byte[] text)
        {
            StringHandle s;
            var st = NativeMethods.vietref_memo_envelope(text, Len(text), out s);
            return TakeOrThrow(st, s, "vietref_memo_envelope");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal int CandidatesCount(CandidatesHandle c)
        {
            UIntPtr n;
            Check(NativeMethods.vietref_candidates_count(c, out n), "vietref_candidates_count");
            return Count(n);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal string CandidatesCode(CandidatesHandle c, int i)
        {
            StringHandle s;
            var st = NativeMethods.vietref_candidates_code(c, Idx(i), out s);
            return TakeOrThrow(st, s, "vietref_candidates_code");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal uint CandidatesKind(CandidatesHandle c, int i)
        {
            uint k;
            Check(NativeMethods.vietref_candidates_kind(c, Idx(i), out k), "vietref_candidates_kind");
            return k;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal void CandidatesSpan(CandidatesHandle c, int i, out int start, out int end)
        {
            UIntPtr a, b;
            Check(NativeMethods.vietref_candidates_span(c, Idx(i), out a, out b), "vietref_candidates_span");
            start = Count(a);
            end = Count(b);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal string CandidatesJson(CandidatesHandle c)
        {
            StringHandle s;
            return TakeOrThrow(NativeMethods.vietref_candidates_json(c, out s), s, "vietref_candidates_json");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal ReportHandle VietQrForPayment(MessageHandle m, byte[] schemes, byte[] bin, byte[] account)
        {
            ReportHandle r;
            var st = NativeMethods.vietref_vietqr_for_payment(m, schemes, Len(schemes), bin, Len(bin), account, Len(account), out r);
            return HandleOrThrow(st, r, "vietref_vietqr_for_payment");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal CandidatesHandle VietQrPaymentCodes(VietQrHandle q, byte[] schemes)
        {
            CandidatesHandle c;
            var st = NativeMethods.vietref_vietqr_payment_codes(q, schemes, Len(schemes), out c);
            return HandleOrThrow(st, c, "vietref_vietqr_payment_codes");
        }

        // ---- legacy encodings -------------------------------------------------------------------

        /// <summary>Decodes; a refusal of the bytes throws <see cref="LegacyException"/> with the details.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        internal string LegacyDecode(byte[] bytes, uint encoding)
        {
            StringHandle s;
            var st = NativeMethods.vietref_legacy_decode(bytes, Len(bytes), encoding, out s);
            if (st != Ok)
            {
                s.Dispose();
                throw LegacyError(st, "vietref_legacy_decode", () => LegacyDecodeError(bytes, encoding));
            }
            return Take(s);
        }

        /// <summary>Why decoding refuses the bytes, as JSON; null when they decode.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        internal string LegacyDecodeError(byte[] bytes, uint encoding)
        {
            StringHandle s;
            var st = NativeMethods.vietref_legacy_decode_error(bytes, Len(bytes), encoding, out s);
            return TakeOptional(st, s, "vietref_legacy_decode_error");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal EncodedHandle LegacyEncode(byte[] text, uint encoding, uint options)
        {
            EncodedHandle e;
            var st = NativeMethods.vietref_legacy_encode(text, Len(text), encoding, options, out e);
            if (st != Ok)
            {
                e.Dispose();
                throw LegacyError(st, "vietref_legacy_encode", () => LegacyEncodeError(text, encoding, options));
            }
            return e;
        }

        /// <summary>Why encoding refuses the text, as JSON; null when it encodes.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        internal string LegacyEncodeError(byte[] text, uint encoding, uint options)
        {
            StringHandle s;
            var st = NativeMethods.vietref_legacy_encode_error(text, Len(text), encoding, options, out s);
            return TakeOptional(st, s, "vietref_legacy_encode_error");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal byte[] EncodedBytes(EncodedHandle e)
        {
            var n = Count(NativeMethods.vietref_encoded_len(e));
            var bytes = new byte[n];
            if (n > 0) Marshal.Copy(NativeMethods.vietref_encoded_bytes(e), bytes, 0, n);
            return bytes;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal int EncodedLossCount(EncodedHandle e)
        {
            UIntPtr n;
            Check(NativeMethods.vietref_encoded_loss_count(e, out n), "vietref_encoded_loss_count");
            return Count(n);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal void EncodedLoss(EncodedHandle e, int i, out long position, out int character, out int written)
        {
            UIntPtr p;
            uint c, w;
            Check(NativeMethods.vietref_encoded_loss(e, Idx(i), out p, out c, out w), "vietref_encoded_loss");
            position = (long)(ulong)p;
            character = (int)c;
            written = (int)w;
        }

        /// <summary>Detects, with a declared encoding when <paramref name="declared"/> has a value.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        internal DetectionHandle LegacyDetect(byte[] bytes, uint? declared)
        {
            DetectionHandle d;
            if (declared.HasValue)
            {
                var st = NativeMethods.vietref_legacy_detect_declared(bytes, Len(bytes), declared.Value, out d);
                return HandleOrThrow(st, d, "vietref_legacy_detect_declared");
            }
            return HandleOrThrow(NativeMethods.vietref_legacy_detect(bytes, Len(bytes), out d), d, "vietref_legacy_detect");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal uint DetectionEncoding(DetectionHandle d)
        {
            uint v;
            Check(NativeMethods.vietref_detection_encoding(d, out v), "vietref_detection_encoding");
            return v;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal uint DetectionConfidence(DetectionHandle d)
        {
            uint v;
            Check(NativeMethods.vietref_detection_confidence(d, out v), "vietref_detection_confidence");
            return v;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal bool DetectionAmbiguous(DetectionHandle d)
        {
            uint v;
            Check(NativeMethods.vietref_detection_ambiguous(d, out v), "vietref_detection_ambiguous");
            return v == 1;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal int DetectionAlternativeCount(DetectionHandle d)
        {
            UIntPtr n;
            Check(NativeMethods.vietref_detection_alternative_count(d, out n), "vietref_detection_alternative_count");
            return Count(n);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal void DetectionAlternative(DetectionHandle d, int i, out uint encoding, out uint fitPerMille)
        {
            Check(NativeMethods.vietref_detection_alternative(d, Idx(i), out encoding, out fitPerMille), "vietref_detection_alternative");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal string DetectionText(DetectionHandle d)
        {
            StringHandle s;
            return TakeOrThrow(NativeMethods.vietref_detection_text(d, out s), s, "vietref_detection_text");
        }

        /// <summary>The repaired text; null when the text is not UTF-8 read as Windows-1252.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        internal string LegacyRepairMojibake(byte[] text)
        {
            StringHandle s;
            var st = NativeMethods.vietref_legacy_repair_mojibake(text, Len(text), out s);
            return TakeOptional(st, s, "vietref_legacy_repair_mojibake");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal string LegacyEncodingName(uint encoding) { return Utf8.FromStatic(NativeMethods.vietref_legacy_encoding_name(encoding)); }

        /// <summary>The encoding a name stands for; null for an unknown name.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        internal uint? LegacyEncodingFromName(byte[] name)
        {
            uint v;
            var st = NativeMethods.vietref_legacy_encoding_from_name(name, Len(name), out v);
            return CheckOptional(st, "vietref_legacy_encoding_from_name") ? v : (uint?)null;
        }

        // ---- reconciliation -------------------------------------------------------------------

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal ReconcilerHandle ReconcilerNew(byte[] schemes)
        {
            ReconcilerHandle r;
            return HandleOrThrow(NativeMethods.vietref_reconciler_new(schemes, Len(schemes), out r), r, "vietref_reconciler_new");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal ReportHandle ReconcilerAddInvoice(ReconcilerHandle r, byte[] code, ulong amount, byte[] payer, byte[] beneficiary, byte[] due)
        {
            ReportHandle rep;
            var st = NativeMethods.vietref_reconciler_add_invoice(r, code, Len(code), amount, payer, Len(payer),
                beneficiary, Len(beneficiary), due, Len(due), out rep);
            return HandleOrThrow(st, rep, "vietref_reconciler_add_invoice");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal LineResultHandle ReconcilerFeed(ReconcilerHandle r, ulong line, ulong amount, byte[] content, byte[] reference,
            byte[] date, byte[] counterName)
        {
            LineResultHandle x;
            var st = NativeMethods.vietref_reconciler_feed(r, line, amount, content, Len(content), reference, Len(reference),
                date, Len(date), counterName, Len(counterName), out x);
            return HandleOrThrow(st, x, "vietref_reconciler_feed");
        }

        /// <summary>Adds the invoices of a whole CSV file; the report of every record's findings.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        internal ReportHandle ReconcilerAddInvoicesCsv(ReconcilerHandle r, byte[] data, byte[] columns, out ulong added)
        {
            ReportHandle rep;
            var st = NativeMethods.vietref_reconciler_add_invoices_csv(r, data, Len(data), columns, Len(columns), out added, out rep);
            return HandleOrThrow(st, rep, "vietref_reconciler_add_invoices_csv");
        }

        /// <summary>Adds the invoices of a whole CSV, XLSX or XLS export; the report of every record's findings.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        internal ReportHandle ReconcilerAddInvoices(ReconcilerHandle r, byte[] data, uint format, byte[] columns, out ulong added)
        {
            ReportHandle rep;
            var st = NativeMethods.vietref_reconciler_add_invoices(r, data, Len(data), format, columns, Len(columns), out added, out rep);
            return HandleOrThrow(st, rep, "vietref_reconciler_add_invoices");
        }

        /// <summary>Feeds a whole statement export; the results as text, and the report of what was not fed.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        internal ReportHandle ReconcilerFeedStatement(ReconcilerHandle r, byte[] data, uint format, byte[] columns, uint resultsFormat,
            out string results)
        {
            StringHandle s;
            ReportHandle rep;
            var st = NativeMethods.vietref_reconciler_feed_statement(r, data, Len(data), format, columns, Len(columns), resultsFormat,
                out s, out rep);
            if (st != Ok) { s.Dispose(); rep.Dispose(); throw Error(st, "vietref_reconciler_feed_statement"); }
            try
            {
                results = Take(s);
            }
            catch
            {
                rep.Dispose();
                throw;
            }
            return rep;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        // ---- payment gateways ---------------------------------------------------------------

        internal GatewayMerchantHandle GatewayMerchantNew(byte[] provider, byte[] settings, byte[] secret, byte[] secret2)
        {
            GatewayMerchantHandle h;
            var st = NativeMethods.vietref_gateway_merchant_new(provider, Len(provider), settings, Len(settings), secret,
                Len(secret), secret2, Len(secret2), out h);
            return HandleOrThrow(st, h, "vietref_gateway_merchant_new");
        }

        internal string GatewayRequest(GatewayMerchantHandle m, MessageHandle msg, byte[] options)
        {
            StringHandle s;
            return TakeOrThrow(NativeMethods.vietref_gateway_request(m, msg, options, Len(options), out s), s,
                "vietref_gateway_request");
        }

        internal string GatewayVerify(GatewayMerchantHandle m, byte[] callback)
        {
            StringHandle s;
            return TakeOrThrow(NativeMethods.vietref_gateway_verify(m, callback, Len(callback), out s), s,
                "vietref_gateway_verify");
        }

        internal string GatewaySettle(GatewayMerchantHandle m, ReconcilerHandle r, byte[] callback, ulong line)
        {
            StringHandle s;
            return TakeOrThrow(NativeMethods.vietref_gateway_settle(m, r, callback, Len(callback), line, out s), s,
                "vietref_gateway_settle");
        }

        internal string GatewaySimulateCallback(GatewayMerchantHandle m, MessageHandle msg, byte[] options, byte[] code,
            ulong transaction, ulong atMs)
        {
            StringHandle s;
            return TakeOrThrow(NativeMethods.vietref_gateway_simulate_callback(m, msg, options, Len(options), code, Len(code),
                transaction, atMs, out s), s, "vietref_gateway_simulate_callback");
        }

        internal void ReconcilerSetThreads(ReconcilerHandle r, uint n)
        {
            Check(NativeMethods.vietref_reconciler_set_threads(r, new UIntPtr(n)), "vietref_reconciler_set_threads");
        }

        internal string ReconcilerSummaryJson(ReconcilerHandle r)
        {
            StringHandle s;
            return TakeOrThrow(NativeMethods.vietref_reconciler_summary_json(r, out s), s, "vietref_reconciler_summary_json");
        }

        /// <summary>An invoice's state as JSON; null when no loaded invoice has the code.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        internal string ReconcilerInvoiceJson(ReconcilerHandle r, byte[] code)
        {
            StringHandle s;
            var st = NativeMethods.vietref_reconciler_invoice_json(r, code, Len(code), out s);
            return TakeOptional(st, s, "vietref_reconciler_invoice_json");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal uint LineResultStatus(LineResultHandle x)
        {
            uint v;
            Check(NativeMethods.vietref_line_result_status(x, out v), "vietref_line_result_status");
            return v;
        }

        /// <summary>A text of a line result; null for an absent invoice or suggestion.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        internal string LineResultText(LineResultHandle x, LineText what, Lang lang)
        {
            StringHandle s;
            switch (what)
            {
                case LineText.Invoice:
                    return TakeOptional(NativeMethods.vietref_line_result_invoice(x, out s), s, "vietref_line_result_invoice");
                case LineText.Suggestion:
                    return TakeOptional(NativeMethods.vietref_line_result_suggestion(x, out s), s, "vietref_line_result_suggestion");
                case LineText.PossibleTypo:
                    return TakeOptional(NativeMethods.vietref_line_result_possible_typo(x, out s), s, "vietref_line_result_possible_typo");
                case LineText.Reason:
                    return TakeOrThrow(NativeMethods.vietref_line_result_reason(x, (uint)lang, out s), s, "vietref_line_result_reason");
                default:
                    return TakeOrThrow(NativeMethods.vietref_line_result_json(x, out s), s, "vietref_line_result_json");
            }
        }
    }
}
