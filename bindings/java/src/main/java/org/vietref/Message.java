package org.vietref;

import static org.vietref.NativeAccess.len;
import static org.vietref.NativeAccess.lib;
import static org.vietref.NativeAccess.utf8;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * A payment message draft (owns a {@code vietref_message}: close it, or the cleaner frees it).
 * Every field is optional until {@link #validate()}, which reports what is missing or wrong.
 * Setters return the message for chaining. Not for concurrent use.
 */
public final class Message extends Handle {
    private Message(Pointer p) {
        super(p, lib()::vietref_message_free);
    }

    /** An empty draft. */
    public Message() {
        this(newDraft());
    }

    private static Pointer newDraft() {
        PointerByReference out = new PointerByReference();
        NativeAccess.check(lib().vietref_message_new(out), "vietref_message_new");
        return out.getValue();
    }

    /**
     * A draft from the camelCase JSON object (payerName, amount, ...). Throws
     * {@link VietrefException} (MESSAGE_JSON_INVALID) when it is not one.
     */
    public static Message fromJson(String json) {
        byte[] j = utf8(json, "json");
        PointerByReference out = new PointerByReference();
        NativeAccess.check(lib().vietref_message_from_json(j, len(j), out), "vietref_message_from_json");
        return new Message(out.getValue());
    }

    /** "education" or "health". */
    public Message setSector(String value) {
        byte[] v = utf8(value, "sector");
        NativeAccess.check(lib().vietref_message_set_sector(live(), v, len(v)), "vietref_message_set_sector");
        return this;
    }

    public Message setPayerName(String value) {
        byte[] v = utf8(value, "payerName");
        NativeAccess.check(lib().vietref_message_set_payer_name(live(), v, len(v)), "vietref_message_set_payer_name");
        return this;
    }

    public Message setBeneficiaryName(String value) {
        byte[] v = utf8(value, "beneficiaryName");
        NativeAccess.check(lib().vietref_message_set_beneficiary_name(live(), v, len(v)),
                "vietref_message_set_beneficiary_name");
        return this;
    }

    public Message setReason(String value) {
        byte[] v = utf8(value, "reason");
        NativeAccess.check(lib().vietref_message_set_reason(live(), v, len(v)), "vietref_message_set_reason");
        return this;
    }

    public Message setInvoice(String value) {
        byte[] v = utf8(value, "invoice");
        NativeAccess.check(lib().vietref_message_set_invoice(live(), v, len(v)), "vietref_message_set_invoice");
        return this;
    }

    /**
     * The amount in đồng. Negative numbers are an {@link IllegalArgumentException} (the C type is
     * unsigned); whether the amount is acceptable is for {@link #validate()} to say.
     */
    public Message setAmount(long vnd) {
        if (vnd < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + vnd);
        }
        NativeAccess.check(lib().vietref_message_set_amount(live(), vnd), "vietref_message_set_amount");
        return this;
    }

    /** Every finding and, when valid, the cleaned message. The draft is not changed. */
    public Report validate() {
        PointerByReference out = new PointerByReference();
        NativeAccess.check(lib().vietref_message_validate(live(), out), "vietref_message_validate");
        return new Report(out.getValue());
    }

    /**
     * {@link #validate()} knowing the institution's payment-code {@code schemes} ("HP:8,VP:8";
     * see {@link Memo}): an invoice of a scheme's shape is then a payment code, normalized to
     * its electronic form, whose check digits must verify.
     */
    public Report validate(String schemes) {
        byte[] s = utf8(schemes, "schemes");
        PointerByReference out = new PointerByReference();
        NativeAccess.check(lib().vietref_message_validate_schemes(live(), s, len(s), out),
                "vietref_message_validate_schemes");
        return new Report(out.getValue());
    }
}
