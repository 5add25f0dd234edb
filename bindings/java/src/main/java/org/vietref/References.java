package org.vietref;

import static org.vietref.NativeAccess.len;
import static org.vietref.NativeAccess.lib;
import static org.vietref.NativeAccess.utf8;

import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.Optional;

/**
 * References: payment codes ({@code HP7184097674}), ISO 11649 RF creditor references,
 * e-invoice identifiers and tax codes ({@link RefKind}). A refusal is a
 * {@link VietrefException} whose status says what kind of fault (REF_EMPTY ...
 * REF_INVALID_CHECKSUM); {@link #validateMessage} and {@link #createMessage} say it in words,
 * with the position and character where there is one.
 */
public final class References {
    private References() {}

    /** A payment code: {@code prefix} (2-5 letters, no O, I, L) + {@code body} (6-12 digits) + check digits: ("HP", "71840976") gives "HP7184097674". */
    public static String create(String prefix, String body) {
        return create(RefKind.CODE, prefix, body);
    }

    /** The RF creditor reference for {@code body} (1-21 letters or digits): "539007547034" gives "RF18539007547034". */
    public static String createRf(String body) {
        return create(RefKind.RF, "", body);
    }

    /**
     * A reference of {@code kind} in its compact electronic form: CODE takes a prefix, RF an
     * empty one; other kinds have no create (INVALID_ARGUMENT).
     */
    public static String create(RefKind kind, String prefix, String body) {
        byte[] p = utf8(prefix, "prefix");
        byte[] b = utf8(body, "body");
        PointerByReference out = new PointerByReference();
        return NativeAccess.string(lib().vietref_ref_create(kind.value(), p, len(p), b, len(b), out), out,
                "vietref_ref_create");
    }

    /** Why {@link #create(RefKind, String, String)} refuses these arguments, in {@code lang}; empty when it accepts them. */
    public static Optional<String> createMessage(RefKind kind, String prefix, String body, Lang lang) {
        byte[] p = utf8(prefix, "prefix");
        byte[] b = utf8(body, "body");
        PointerByReference out = new PointerByReference();
        return Optional.ofNullable(NativeAccess.optionalString(
                lib().vietref_ref_create_message(kind.value(), p, len(p), b, len(b), lang.value(), out), out,
                "vietref_ref_create_message"));
    }

    /**
     * Validates {@code value} as a reference of {@code kind} (CODE, RF, EINVOICE or MST) in any
     * written form (spaces, hyphens, dots, any case) and returns its compact electronic form:
     * "hp 7184 0976 74" gives "HP7184097674".
     */
    public static String validate(RefKind kind, String value) {
        byte[] v = utf8(value, "value");
        PointerByReference out = new PointerByReference();
        return NativeAccess.string(lib().vietref_ref_validate(kind.value(), v, len(v), out), out, "vietref_ref_validate");
    }

    /** Why {@link #validate} (and {@link #format}, {@link #compact}) refuses {@code value}, in {@code lang}; empty when it is valid. */
    public static Optional<String> validateMessage(RefKind kind, String value, Lang lang) {
        byte[] v = utf8(value, "value");
        PointerByReference out = new PointerByReference();
        return Optional.ofNullable(NativeAccess.optionalString(
                lib().vietref_ref_validate_message(kind.value(), v, len(v), lang.value(), out), out,
                "vietref_ref_validate_message"));
    }

    /** The printed form of a valid reference: "HP 7184 0976 74", "RF18 5390 0754 7034", "1C24TAA-00001234", "0100233488-001". */
    public static String format(RefKind kind, String value) {
        byte[] v = utf8(value, "value");
        PointerByReference out = new PointerByReference();
        return NativeAccess.string(lib().vietref_ref_format(kind.value(), v, len(v), out), out, "vietref_ref_format");
    }

    /**
     * Separators removed and letters upper-cased, check digits not checked: "hp 7184-0976.75"
     * gives "HP7184097675" (an e-invoice has a compact form only when valid).
     */
    public static String compact(RefKind kind, String value) {
        byte[] v = utf8(value, "value");
        PointerByReference out = new PointerByReference();
        return NativeAccess.string(lib().vietref_ref_compact(kind.value(), v, len(v), out), out, "vietref_ref_compact");
    }

    /** Whether {@code value} is a valid reference of {@code kind}; never throws for an invalid value. */
    public static boolean isValid(RefKind kind, String value) {
        byte[] v = utf8(value, "value");
        IntByReference out = new IntByReference();
        NativeAccess.check(lib().vietref_ref_is_valid(kind.value(), v, len(v), out), "vietref_ref_is_valid");
        return out.getValue() == 1;
    }
}
