package org.vietref;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.ptr.ShortByReference;

/**
 * The C ABI of include/vietref.h as a JNA interface. Only {@link NativeAccess} calls it.
 *
 * <p>Conventions: {@code int} = {@code uint32_t} (a status or a constant), {@link SizeT} =
 * {@code size_t}, {@code byte[]} + {@code SizeT} = UTF-8 text in (a null array is a NULL
 * pointer), {@link PointerByReference} = an owned handle out.
 */
interface NativeLib extends Library {
    Pointer vietref_version();
    Pointer vietref_status_name(int status);
    Pointer vietref_status_message(int status, int lang);

    Pointer vietref_string_ptr(Pointer s);
    SizeT vietref_string_len(Pointer s);
    void vietref_string_free(Pointer s);

    int vietref_text_name(byte[] text, SizeT textLen, PointerByReference out);
    int vietref_text_fold(byte[] text, SizeT textLen, PointerByReference out);
    int vietref_text_key(byte[] text, SizeT textLen, PointerByReference out);
    int vietref_text_retone(byte[] text, SizeT textLen, int style, PointerByReference out);
    int vietref_text_check(byte[] text, SizeT textLen, byte[] field, SizeT fieldLen, PointerByReference report);
    int vietref_text_looks_like(byte[] a, SizeT aLen, byte[] b, SizeT bLen, IntByReference result);
    int vietref_text_compare_payee_name(byte[] shown, SizeT shownLen, byte[] registered, SizeT registeredLen, IntByReference result);
    int vietref_text_check_text(byte[] text, SizeT textLen, byte[] field, SizeT fieldLen, PointerByReference report);
    int vietref_text_skeleton(byte[] text, SizeT textLen, PointerByReference out);

    int vietref_message_new(PointerByReference message);
    int vietref_message_from_json(byte[] json, SizeT jsonLen, PointerByReference message);
    void vietref_message_free(Pointer message);
    int vietref_message_set_sector(Pointer message, byte[] text, SizeT textLen);
    int vietref_message_set_payer_name(Pointer message, byte[] text, SizeT textLen);
    int vietref_message_set_beneficiary_name(Pointer message, byte[] text, SizeT textLen);
    int vietref_message_set_reason(Pointer message, byte[] text, SizeT textLen);
    int vietref_message_set_invoice(Pointer message, byte[] text, SizeT textLen);
    int vietref_message_set_amount(Pointer message, long vnd);
    int vietref_message_validate(Pointer message, PointerByReference report);

    void vietref_report_free(Pointer report);
    int vietref_report_valid(Pointer report, IntByReference valid);
    int vietref_report_count(Pointer report, SizeTByReference count);
    int vietref_report_json(Pointer report, PointerByReference out);
    int vietref_report_cleaned_json(Pointer report, PointerByReference out);
    int vietref_report_finding_severity(Pointer report, SizeT index, IntByReference severity);
    int vietref_report_finding_code(Pointer report, SizeT index, IntByReference code);
    int vietref_report_finding_position(Pointer report, SizeT index, SizeTByReference position);
    int vietref_report_finding_char(Pointer report, SizeT index, IntByReference codePoint);
    int vietref_report_finding_field(Pointer report, SizeT index, PointerByReference out);
    int vietref_report_finding_code_key(Pointer report, SizeT index, PointerByReference out);
    int vietref_report_finding_message(Pointer report, SizeT index, int lang, PointerByReference out);

    int vietref_report_cleaned_text(Pointer report, PointerByReference out);

    int vietref_vietqr_decode(byte[] payload, SizeT payloadLen, int mode, PointerByReference report);
    int vietref_vietqr_from_report(Pointer report, PointerByReference qr);
    int vietref_vietqr_from_json(byte[] json, SizeT jsonLen, PointerByReference qr);
    void vietref_vietqr_free(Pointer qr);
    int vietref_vietqr_json(Pointer qr, PointerByReference out);
    int vietref_vietqr_get(Pointer qr, int field, PointerByReference out);
    int vietref_vietqr_amount(Pointer qr, LongByReference vnd);
    int vietref_vietqr_encode(Pointer qr, PointerByReference report);
    int vietref_vietqr_encode_json(byte[] json, SizeT jsonLen, PointerByReference report);
    int vietref_vietqr_to_account(byte[] bin, SizeT binLen, byte[] account, SizeT accountLen, long amount, byte[] bill,
            SizeT billLen, byte[] purpose, SizeT purposeLen, PointerByReference report);
    int vietref_vietqr_verify_payee(Pointer qr, byte[] bin, SizeT binLen, byte[] account, SizeT accountLen, byte[] name,
            SizeT nameLen, PointerByReference report);
    int vietref_vietqr_bank_lookup(byte[] query, SizeT queryLen, PointerByReference out);
    int vietref_vietqr_crc16(byte[] bytes, SizeT len, ShortByReference crc);

    // references
    int vietref_ref_create(int kind, byte[] prefix, SizeT prefixLen, byte[] body, SizeT bodyLen, PointerByReference out);
    int vietref_ref_create_message(int kind, byte[] prefix, SizeT prefixLen, byte[] body, SizeT bodyLen, int lang,
            PointerByReference out);
    int vietref_ref_validate(int kind, byte[] value, SizeT valueLen, PointerByReference out);
    int vietref_ref_validate_message(int kind, byte[] value, SizeT valueLen, int lang, PointerByReference out);
    int vietref_ref_format(int kind, byte[] value, SizeT valueLen, PointerByReference out);
    int vietref_ref_compact(int kind, byte[] value, SizeT valueLen, PointerByReference out);
    int vietref_ref_is_valid(int kind, byte[] value, SizeT valueLen, IntByReference valid);

    // memo
    int vietref_message_validate_schemes(Pointer message, byte[] schemes, SizeT schemesLen, PointerByReference report);
    int vietref_memo_render(Pointer message, byte[] schemes, SizeT schemesLen, int channel, SizeT budget,
            PointerByReference report);
    int vietref_memo_render_custom(Pointer message, byte[] schemes, SizeT schemesLen, byte[] name, SizeT nameLen,
            byte[] charset, SizeT charsetLen, SizeT budget, int referenceOnly, PointerByReference report);
    int vietref_memo_field_count(Pointer report, int list, SizeTByReference count);
    int vietref_memo_field_name(Pointer report, int list, SizeT index, PointerByReference out);
    int vietref_memo_extract(byte[] text, SizeT textLen, byte[] schemes, SizeT schemesLen, PointerByReference candidates);
    int vietref_memo_parse(byte[] text, SizeT textLen, byte[] schemes, SizeT schemesLen, PointerByReference out);

    int vietref_memo_envelope(byte[] text, SizeT textLen, PointerByReference out);
    void vietref_candidates_free(Pointer candidates);
    int vietref_candidates_count(Pointer candidates, SizeTByReference count);
    int vietref_candidates_code(Pointer candidates, SizeT index, PointerByReference out);
    int vietref_candidates_kind(Pointer candidates, SizeT index, IntByReference kind);
    int vietref_candidates_span(Pointer candidates, SizeT index, SizeTByReference start, SizeTByReference end);
    int vietref_candidates_json(Pointer candidates, PointerByReference out);
    int vietref_vietqr_for_payment(Pointer message, byte[] schemes, SizeT schemesLen, byte[] bin, SizeT binLen,
            byte[] account, SizeT accountLen, PointerByReference report);
    int vietref_vietqr_payment_codes(Pointer qr, byte[] schemes, SizeT schemesLen, PointerByReference candidates);

    // legacy encodings (bytes in are byte[] + SizeT too, taken as they are)
    int vietref_legacy_decode(byte[] bytes, SizeT len, int encoding, PointerByReference out);
    int vietref_legacy_decode_error(byte[] bytes, SizeT len, int encoding, PointerByReference out);
    int vietref_legacy_encode(byte[] text, SizeT textLen, int encoding, int options, PointerByReference encoded);
    int vietref_legacy_encode_error(byte[] text, SizeT textLen, int encoding, int options, PointerByReference out);
    Pointer vietref_encoded_bytes(Pointer encoded);
    SizeT vietref_encoded_len(Pointer encoded);
    int vietref_encoded_loss_count(Pointer encoded, SizeTByReference count);
    int vietref_encoded_loss(Pointer encoded, SizeT index, SizeTByReference position, IntByReference character,
            IntByReference written);
    void vietref_encoded_free(Pointer encoded);
    int vietref_legacy_detect(byte[] bytes, SizeT len, PointerByReference detection);
    int vietref_legacy_detect_declared(byte[] bytes, SizeT len, int declared, PointerByReference detection);
    void vietref_detection_free(Pointer detection);
    int vietref_detection_encoding(Pointer detection, IntByReference encoding);
    int vietref_detection_confidence(Pointer detection, IntByReference perMille);
    int vietref_detection_ambiguous(Pointer detection, IntByReference ambiguous);
    int vietref_detection_alternative_count(Pointer detection, SizeTByReference count);
    int vietref_detection_alternative(Pointer detection, SizeT index, IntByReference encoding, IntByReference fitPerMille);
    int vietref_detection_text(Pointer detection, PointerByReference out);
    int vietref_legacy_repair_mojibake(byte[] text, SizeT textLen, PointerByReference out);
    Pointer vietref_legacy_encoding_name(int encoding);
    int vietref_legacy_encoding_from_name(byte[] name, SizeT nameLen, IntByReference encoding);

    // reconciliation
    int vietref_reconciler_new(byte[] schemes, SizeT schemesLen, PointerByReference reconciler);
    void vietref_reconciler_free(Pointer reconciler);
    int vietref_reconciler_add_invoice(Pointer reconciler, byte[] code, SizeT codeLen, long amount, byte[] payer,
            SizeT payerLen, byte[] beneficiary, SizeT beneficiaryLen, byte[] due, SizeT dueLen, PointerByReference report);
    int vietref_reconciler_feed(Pointer reconciler, long line, long amount, byte[] content, SizeT contentLen,
            byte[] reference, SizeT referenceLen, byte[] date, SizeT dateLen, byte[] counterName, SizeT counterNameLen,
            PointerByReference result);
    int vietref_reconciler_add_invoices_csv(Pointer reconciler, byte[] data, SizeT dataLen, byte[] columns,
            SizeT columnsLen, LongByReference added, PointerByReference report);
    int vietref_reconciler_add_invoices(Pointer reconciler, byte[] data, SizeT dataLen, int format, byte[] columns,
            SizeT columnsLen, LongByReference added, PointerByReference report);
    int vietref_reconciler_feed_statement(Pointer reconciler, byte[] data, SizeT dataLen, int format, byte[] columns,
            SizeT columnsLen, int resultsFormat, PointerByReference results, PointerByReference report);
    int vietref_reconciler_set_threads(Pointer reconciler, SizeT n);

    int vietref_reconciler_summary_json(Pointer reconciler, PointerByReference out);
    int vietref_reconciler_invoice_json(Pointer reconciler, byte[] code, SizeT codeLen, PointerByReference out);
    int vietref_gateway_merchant_new(byte[] provider, SizeT providerLen, byte[] settings, SizeT settingsLen, byte[] secret,
            SizeT secretLen, byte[] secret2, SizeT secret2Len, PointerByReference merchant);
    void vietref_gateway_merchant_free(Pointer merchant);
    int vietref_gateway_request(Pointer merchant, Pointer message, byte[] options, SizeT optionsLen, PointerByReference out);
    int vietref_gateway_verify(Pointer merchant, byte[] callback, SizeT callbackLen, PointerByReference out);
    int vietref_gateway_settle(Pointer merchant, Pointer reconciler, byte[] callback, SizeT callbackLen, long line,
            PointerByReference out);
    int vietref_gateway_simulate_callback(Pointer merchant, Pointer message, byte[] options, SizeT optionsLen, byte[] code,
            SizeT codeLen, long transaction, long atMs, PointerByReference out);
    void vietref_line_result_free(Pointer result);
    int vietref_line_result_status(Pointer result, IntByReference status);
    int vietref_line_result_invoice(Pointer result, PointerByReference out);
    int vietref_line_result_suggestion(Pointer result, PointerByReference out);

    int vietref_line_result_possible_typo(Pointer result, PointerByReference out);
    int vietref_line_result_reason(Pointer result, int lang, PointerByReference out);
    int vietref_line_result_json(Pointer result, PointerByReference out);
}
