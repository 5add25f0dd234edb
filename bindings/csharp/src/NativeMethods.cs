// The C ABI of include/vietref.h as P/Invoke declarations. Only `Native` calls these.
using System;
using System.Runtime.InteropServices;

namespace Vietref
{
    internal static class NativeMethods
    {
        /// <summary>The DllImport name: vietref.dll, libvietref.so, libvietref.dylib.</summary>
        internal const string Lib = "vietref";

        private const CallingConvention Cdecl = CallingConvention.Cdecl;

        // Conventions: uint = uint32_t status or constant, UIntPtr = size_t, byte[] + UIntPtr
        // = UTF-8 text in (a null byte[] is a NULL pointer), out SafeHandle = owned handle out.

        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern IntPtr vietref_version();
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern IntPtr vietref_status_name(uint status);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern IntPtr vietref_status_message(uint status, uint lang);

        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern IntPtr vietref_string_ptr(StringHandle s);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern UIntPtr vietref_string_len(StringHandle s);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern void vietref_string_free(IntPtr s);

        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_text_name(byte[] text, UIntPtr textLen, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_text_fold(byte[] text, UIntPtr textLen, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_text_key(byte[] text, UIntPtr textLen, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_text_retone(byte[] text, UIntPtr textLen, uint style, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_text_check(byte[] text, UIntPtr textLen, byte[] field, UIntPtr fieldLen, out ReportHandle report);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_text_looks_like(byte[] a, UIntPtr aLen, byte[] b, UIntPtr bLen, out uint result);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_text_compare_payee_name(byte[] shown, UIntPtr shownLen, byte[] registered, UIntPtr registeredLen, out uint result);

        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_message_new(out MessageHandle message);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_message_from_json(byte[] json, UIntPtr jsonLen, out MessageHandle message);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern void vietref_message_free(IntPtr message);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_message_set_sector(MessageHandle message, byte[] text, UIntPtr textLen);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_message_set_payer_name(MessageHandle message, byte[] text, UIntPtr textLen);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_message_set_beneficiary_name(MessageHandle message, byte[] text, UIntPtr textLen);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_message_set_reason(MessageHandle message, byte[] text, UIntPtr textLen);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_message_set_invoice(MessageHandle message, byte[] text, UIntPtr textLen);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_message_set_amount(MessageHandle message, ulong vnd);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_message_validate(MessageHandle message, out ReportHandle report);

        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern void vietref_report_free(IntPtr report);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_report_valid(ReportHandle report, out uint valid);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_report_count(ReportHandle report, out UIntPtr count);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_report_json(ReportHandle report, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_report_cleaned_json(ReportHandle report, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_report_finding_severity(ReportHandle report, UIntPtr index, out uint severity);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_report_finding_code(ReportHandle report, UIntPtr index, out uint code);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_report_finding_position(ReportHandle report, UIntPtr index, out UIntPtr position);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_report_finding_char(ReportHandle report, UIntPtr index, out uint codePoint);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_report_finding_field(ReportHandle report, UIntPtr index, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_report_finding_code_key(ReportHandle report, UIntPtr index, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_report_finding_message(ReportHandle report, UIntPtr index, uint lang, out StringHandle output);

        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_report_cleaned_text(ReportHandle report, out StringHandle output);

        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_vietqr_decode(byte[] payload, UIntPtr payloadLen, uint mode, out ReportHandle report);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_vietqr_from_report(ReportHandle report, out VietQrHandle qr);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_vietqr_from_json(byte[] json, UIntPtr jsonLen, out VietQrHandle qr);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern void vietref_vietqr_free(IntPtr qr);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_vietqr_json(VietQrHandle qr, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_vietqr_get(VietQrHandle qr, uint field, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_vietqr_amount(VietQrHandle qr, out ulong vnd);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_vietqr_encode(VietQrHandle qr, out ReportHandle report);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_vietqr_encode_json(byte[] json, UIntPtr jsonLen, out ReportHandle report);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_vietqr_to_account(byte[] bin, UIntPtr binLen, byte[] account, UIntPtr accountLen, ulong amount, byte[] bill, UIntPtr billLen, byte[] purpose, UIntPtr purposeLen, out ReportHandle report);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_vietqr_verify_payee(VietQrHandle qr, byte[] bin, UIntPtr binLen, byte[] account, UIntPtr accountLen, byte[] name, UIntPtr nameLen, out ReportHandle report);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_vietqr_bank_lookup(byte[] query, UIntPtr queryLen, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_vietqr_crc16(byte[] bytes, UIntPtr len, out ushort crc);
    }
}
