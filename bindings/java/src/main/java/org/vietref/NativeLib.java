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
}
