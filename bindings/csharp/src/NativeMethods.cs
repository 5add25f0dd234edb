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
        // = UTF-8 text in, or any bytes for the legacy decoders and detection (a null byte[] is
        // a NULL pointer), out SafeHandle = owned handle out.

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
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_text_check_text(byte[] text, UIntPtr textLen, byte[] field, UIntPtr fieldLen, out ReportHandle report);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_text_skeleton(byte[] text, UIntPtr textLen, out StringHandle output);

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

        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_message_validate_schemes(MessageHandle message, byte[] schemes, UIntPtr schemesLen, out ReportHandle report);

        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_ref_create(uint kind, byte[] prefix, UIntPtr prefixLen, byte[] body, UIntPtr bodyLen, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_ref_create_message(uint kind, byte[] prefix, UIntPtr prefixLen, byte[] body, UIntPtr bodyLen, uint lang, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_ref_validate(uint kind, byte[] value, UIntPtr valueLen, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_ref_validate_message(uint kind, byte[] value, UIntPtr valueLen, uint lang, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_ref_format(uint kind, byte[] value, UIntPtr valueLen, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_ref_compact(uint kind, byte[] value, UIntPtr valueLen, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_ref_is_valid(uint kind, byte[] value, UIntPtr valueLen, out uint valid);

        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_memo_render(MessageHandle message, byte[] schemes, UIntPtr schemesLen, uint channel, UIntPtr budget, out ReportHandle report);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_memo_render_custom(MessageHandle message, byte[] schemes, UIntPtr schemesLen, byte[] name, UIntPtr nameLen, byte[] charset, UIntPtr charsetLen, UIntPtr budget, uint referenceOnly, out ReportHandle report);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_memo_field_count(ReportHandle report, uint list, out UIntPtr count);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_memo_field_name(ReportHandle report, uint list, UIntPtr index, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_memo_extract(byte[] text, UIntPtr textLen, byte[] schemes, UIntPtr schemesLen, out CandidatesHandle candidates);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_memo_parse(byte[] text, UIntPtr textLen, byte[] schemes, UIntPtr schemesLen, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_memo_envelope(byte[] text, UIntPtr textLen, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern void vietref_candidates_free(IntPtr candidates);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_candidates_count(CandidatesHandle candidates, out UIntPtr count);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_candidates_code(CandidatesHandle candidates, UIntPtr index, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_candidates_kind(CandidatesHandle candidates, UIntPtr index, out uint kind);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_candidates_span(CandidatesHandle candidates, UIntPtr index, out UIntPtr start, out UIntPtr end);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_candidates_json(CandidatesHandle candidates, out StringHandle output);

        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_vietqr_for_payment(MessageHandle message, byte[] schemes, UIntPtr schemesLen, byte[] bin, UIntPtr binLen, byte[] account, UIntPtr accountLen, out ReportHandle report);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_vietqr_payment_codes(VietQrHandle qr, byte[] schemes, UIntPtr schemesLen, out CandidatesHandle candidates);

        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_legacy_decode(byte[] bytes, UIntPtr len, uint encoding, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_legacy_decode_error(byte[] bytes, UIntPtr len, uint encoding, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_legacy_encode(byte[] text, UIntPtr textLen, uint encoding, uint options, out EncodedHandle encoded);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_legacy_encode_error(byte[] text, UIntPtr textLen, uint encoding, uint options, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern IntPtr vietref_encoded_bytes(EncodedHandle encoded);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern UIntPtr vietref_encoded_len(EncodedHandle encoded);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_encoded_loss_count(EncodedHandle encoded, out UIntPtr count);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_encoded_loss(EncodedHandle encoded, UIntPtr index, out UIntPtr position, out uint character, out uint written);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern void vietref_encoded_free(IntPtr encoded);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_legacy_detect(byte[] bytes, UIntPtr len, out DetectionHandle detection);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_legacy_detect_declared(byte[] bytes, UIntPtr len, uint declared, out DetectionHandle detection);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern void vietref_detection_free(IntPtr detection);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_detection_encoding(DetectionHandle detection, out uint encoding);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_detection_confidence(DetectionHandle detection, out uint perMille);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_detection_ambiguous(DetectionHandle detection, out uint ambiguous);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_detection_alternative_count(DetectionHandle detection, out UIntPtr count);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_detection_alternative(DetectionHandle detection, UIntPtr index, out uint encoding, out uint fitPerMille);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_detection_text(DetectionHandle detection, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_legacy_repair_mojibake(byte[] text, UIntPtr textLen, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern IntPtr vietref_legacy_encoding_name(uint encoding);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_legacy_encoding_from_name(byte[] name, UIntPtr nameLen, out uint encoding);

        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_reconciler_new(byte[] schemes, UIntPtr schemesLen, out ReconcilerHandle reconciler);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern void vietref_reconciler_free(IntPtr reconciler);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_reconciler_add_invoice(ReconcilerHandle reconciler, byte[] code, UIntPtr codeLen, ulong amount, byte[] payer, UIntPtr payerLen, byte[] beneficiary, UIntPtr beneficiaryLen, byte[] due, UIntPtr dueLen, out ReportHandle report);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_reconciler_feed(ReconcilerHandle reconciler, ulong line, ulong amount, byte[] content, UIntPtr contentLen, byte[] reference, UIntPtr referenceLen, byte[] date, UIntPtr dateLen, byte[] counterName, UIntPtr counterNameLen, out LineResultHandle result);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_reconciler_add_invoices_csv(ReconcilerHandle reconciler, byte[] data, UIntPtr dataLen, byte[] columns, UIntPtr columnsLen, out ulong added, out ReportHandle report);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_reconciler_add_invoices(ReconcilerHandle reconciler, byte[] data, UIntPtr dataLen, uint format, byte[] columns, UIntPtr columnsLen, out ulong added, out ReportHandle report);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_reconciler_feed_statement(ReconcilerHandle reconciler, byte[] data, UIntPtr dataLen, uint format, byte[] columns, UIntPtr columnsLen, uint resultsFormat, out StringHandle results, out ReportHandle report);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_reconciler_set_threads(ReconcilerHandle reconciler, UIntPtr n);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_reconciler_summary_json(ReconcilerHandle reconciler, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_reconciler_invoice_json(ReconcilerHandle reconciler, byte[] code, UIntPtr codeLen, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_gateway_merchant_new(byte[] provider, UIntPtr providerLen, byte[] settings, UIntPtr settingsLen, byte[] secret, UIntPtr secretLen, byte[] secret2, UIntPtr secret2Len, out GatewayMerchantHandle merchant);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern void vietref_gateway_merchant_free(IntPtr merchant);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_gateway_request(GatewayMerchantHandle merchant, MessageHandle message, byte[] options, UIntPtr optionsLen, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_gateway_verify(GatewayMerchantHandle merchant, byte[] callback, UIntPtr callbackLen, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_gateway_settle(GatewayMerchantHandle merchant, ReconcilerHandle reconciler, byte[] callback, UIntPtr callbackLen, ulong line, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_gateway_simulate_callback(GatewayMerchantHandle merchant, MessageHandle message, byte[] options, UIntPtr optionsLen, byte[] code, UIntPtr codeLen, ulong transaction, ulong atMs, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern void vietref_line_result_free(IntPtr result);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_line_result_status(LineResultHandle result, out uint status);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_line_result_invoice(LineResultHandle result, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_line_result_suggestion(LineResultHandle result, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_line_result_possible_typo(LineResultHandle result, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_line_result_reason(LineResultHandle result, uint lang, out StringHandle output);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint vietref_line_result_json(LineResultHandle result, out StringHandle output);
    }
}
