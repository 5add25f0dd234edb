package org.vietref;

import static org.vietref.NativeAccess.len;
import static org.vietref.NativeAccess.lib;
import static org.vietref.NativeAccess.utf8;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.ptr.ShortByReference;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A VietQR (NAPAS EMVCo) code's fields (owns a {@code vietref_vietqr}: close it, or the cleaner
 * frees it), and the VietQR operations: decode, build, encode, check the payee, look banks up.
 */
public final class VietQr extends Handle {
    VietQr(Pointer p) {
        super(p, lib()::vietref_vietqr_free);
    }

    private static Report report(int status, PointerByReference out, String context) {
        NativeAccess.check(status, context);
        return new Report(out.getValue());
    }

    /**
     * {@link #decode(String, VietQrMode)} in LENIENT mode, the default everywhere in vietref (the
     * CLI and every binding): a repair (surrounding whitespace, a lower-case CRC, one wrong length)
     * is a warning and the report stays valid. Pass {@link VietQrMode#STRICT} to make every
     * deviation an error.
     */
    public static Report decode(String payload) {
        return decode(payload, VietQrMode.LENIENT);
    }

    /**
     * Reads a payload: every finding (field paths like "vietqr.38.01.01") and, when valid, the
     * decoded VietQR as the cleaned value ({@link Report#cleanedJson()}, {@link Report#toVietQr()}).
     */
    public static Report decode(String payload, VietQrMode mode) {
        return decode(payload, mode.value());
    }

    static Report decode(String payload, int mode) {
        byte[] p = utf8(payload, "payload");
        PointerByReference out = new PointerByReference();
        return report(lib().vietref_vietqr_decode(p, len(p), mode, out), out, "vietref_vietqr_decode");
    }

    /**
     * From the JSON {@code vietref qr decode} prints (bankBin, accountNumber, amount,
     * additionalData...; "bank" may name the bank). Throws {@link VietrefException}
     * (VIETQR_JSON_INVALID) when it cannot be read.
     */
    public static VietQr fromJson(String json) {
        byte[] j = utf8(json, "json");
        PointerByReference out = new PointerByReference();
        NativeAccess.check(lib().vietref_vietqr_from_json(j, len(j), out), "vietref_vietqr_from_json");
        return new VietQr(out.getValue());
    }

    /** {@link #fromJson} then {@link #encode}. */
    public static Report encodeJson(String json) {
        byte[] j = utf8(json, "json");
        PointerByReference out = new PointerByReference();
        return report(lib().vietref_vietqr_encode_json(j, len(j), out), out, "vietref_vietqr_encode_json");
    }

    /** {@link #toAccount(String, String, long, String, String)}: a static code without bill or purpose. */
    public static Report toAccount(String bin, String account) {
        return toAccount(bin, account, 0, "", "");
    }

    /**
     * A transfer code (service QRIBFTTA) to {@code account} at the bank with BIN {@code bin};
     * amount 0 makes a static code (negative: {@link IllegalArgumentException}). {@code bill}
     * (tag 62.01) and {@code purpose} (62.08) must be ASCII, at most 25 characters (see
     * {@link Text#fold}). The report's {@link Report#cleanedText()} is the payload.
     */
    public static Report toAccount(String bin, String account, long amount, String bill, String purpose) {
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        byte[] b = utf8(bin, "bin");
        byte[] a = utf8(account, "account");
        byte[] bi = utf8(bill, "bill");
        byte[] p = utf8(purpose, "purpose");
        PointerByReference out = new PointerByReference();
        return report(lib().vietref_vietqr_to_account(b, len(b), a, len(a), amount, bi, len(bi), p, len(p), out), out,
                "vietref_vietqr_to_account");
    }

    /**
     * The registry's entry for a bank (by BIN, short name, code or name) as JSON:
     * {"bin","shortName","name","codes","kind",...}; empty when no entry matches.
     */
    public static Optional<String> bankLookup(String query) {
        byte[] q = utf8(query, "query");
        PointerByReference out = new PointerByReference();
        return Optional.ofNullable(NativeAccess.optionalString(lib().vietref_vietqr_bank_lookup(q, len(q), out), out,
                "vietref_vietqr_bank_lookup"));
    }

    /** CRC-16/CCITT-FALSE of any bytes (VietQR tag 63; "123456789" gives 0x29B1). */
    public static int crc16(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        ShortByReference out = new ShortByReference();
        NativeAccess.check(lib().vietref_vietqr_crc16(bytes, len(bytes), out), "vietref_vietqr_crc16");
        return out.getValue() & 0xFFFF;
    }

    /**
     * The VietQR for a payment message to an institution's account: the message validated
     * knowing {@code schemes}, its memo rendered for {@link Channel#VIETQR} as the purpose
     * (62-08), the invoice code as the bill number (62-01), its amount (54). The findings are
     * the message's, the rendering's, then the code's; when valid, {@link Report#cleanedText()}
     * is the payload.
     */
    public static Report forPayment(Message message, String schemes, String bin, String account) {
        byte[] s = utf8(schemes, "schemes");
        byte[] b = utf8(bin, "bin");
        byte[] a = utf8(account, "account");
        PointerByReference out = new PointerByReference();
        return report(lib().vietref_vietqr_for_payment(message.live(), s, len(s), b, len(b), a, len(a), out), out,
                "vietref_vietqr_for_payment");
    }

    /**
     * The payment codes of {@code schemes} and the RF references in the purpose (62-08) and
     * bill number (62-01), purpose first, each once. The spans are byte offsets into the field
     * the code was found in ({@link Candidate#start()} equals {@link Candidate#byteStart()}).
     */
    public List<Candidate> paymentCodes(String schemes) {
        byte[] s = utf8(schemes, "schemes");
        PointerByReference out = new PointerByReference();
        NativeAccess.check(lib().vietref_vietqr_payment_codes(live(), s, len(s), out), "vietref_vietqr_payment_codes");
        return Candidate.take(out.getValue(), null);
    }

    /** The fields as JSON (the form {@link #fromJson} reads). */
    public String json() {
        PointerByReference out = new PointerByReference();
        return NativeAccess.string(lib().vietref_vietqr_json(live(), out), out, "vietref_vietqr_json");
    }

    /** One field as it travels in the payload; empty when absent. */
    public Optional<String> get(VietQrField field) {
        return get(field.value());
    }

    Optional<String> get(int field) {
        PointerByReference out = new PointerByReference();
        return Optional.ofNullable(NativeAccess.optionalString(lib().vietref_vietqr_get(live(), field, out), out,
                "vietref_vietqr_get"));
    }

    /** The amount in đồng; empty for a static code. */
    public OptionalLong amount() {
        LongByReference out = new LongByReference();
        return NativeAccess.checkOptional(lib().vietref_vietqr_amount(live(), out), "vietref_vietqr_amount")
                ? OptionalLong.of(out.getValue()) : OptionalLong.empty();
    }

    /** Checks every field; when none fails the report's {@link Report#cleanedText()} is the payload. */
    public Report encode() {
        PointerByReference out = new PointerByReference();
        return report(lib().vietref_vietqr_encode(live(), out), out, "vietref_vietqr_encode");
    }

    /**
     * Checks that the code pays the registered payee: another BIN or account is an error, a
     * lookalike merchant name an error (spoofing), a different one a warning.
     */
    public Report verifyPayee(String bin, String account, String name) {
        byte[] b = utf8(bin, "bin");
        byte[] a = utf8(account, "account");
        byte[] n = utf8(name, "name");
        PointerByReference out = new PointerByReference();
        return report(lib().vietref_vietqr_verify_payee(live(), b, len(b), a, len(a), n, len(n), out), out,
                "vietref_vietqr_verify_payee");
    }
}
