package org.vietref;

import static org.vietref.NativeAccess.len;
import static org.vietref.NativeAccess.lib;
import static org.vietref.NativeAccess.utf8;

import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * Vietnamese text operations: names, memo folding, matching keys, tone marks, lookalikes. A
 * null argument throws {@link NullPointerException}; statuses throw {@link VietrefException}.
 */
public final class Text {
    private Text() {}

    /**
     * The display form of a person's name ("  nguyễn   THỊ  minh " → "Nguyễn Thị Minh"). Throws
     * {@link VietrefException} (TEXT_NAME_INVALID) when the name has an error finding;
     * {@link #check} lists them.
     */
    public static String name(String text) {
        byte[] t = utf8(text, "text");
        PointerByReference out = new PointerByReference();
        return NativeAccess.string(lib().vietref_text_name(t, len(t), out), out, "vietref_text_name");
    }

    /** The ASCII memo form ("Nguyễn Văn Đức" → "NGUYEN VAN DUC"). */
    public static String fold(String text) {
        byte[] t = utf8(text, "text");
        PointerByReference out = new PointerByReference();
        return NativeAccess.string(lib().vietref_text_fold(t, len(t), out), out, "vietref_text_fold");
    }

    /** The matching key: equal for texts that differ only in case, spacing, NFC/NFD, apostrophe or tone style. */
    public static String key(String text) {
        byte[] t = utf8(text, "text");
        PointerByReference out = new PointerByReference();
        return NativeAccess.string(lib().vietref_text_key(t, len(t), out), out, "vietref_text_key");
    }

    /** The text with its tone marks placed by {@code style}. */
    public static String retone(String text, ToneStyle style) {
        return retone(text, style.value());
    }

    static String retone(String text, int style) {
        byte[] t = utf8(text, "text");
        PointerByReference out = new PointerByReference();
        return NativeAccess.string(lib().vietref_text_retone(t, len(t), style, out), out, "vietref_text_retone");
    }

    /** {@link #check(String, String)} with an empty field path. */
    public static Report check(String text) {
        return check(text, "");
    }

    /**
     * Checks a person's name: every normalization as a warning, every refused character as an
     * error with its position, the display form as the cleaned value. {@code field} is the
     * field path the findings carry, like "payerName".
     */
    public static Report check(String text, String field) {
        byte[] t = utf8(text, "text");
        byte[] f = utf8(field, "field");
        PointerByReference out = new PointerByReference();
        NativeAccess.check(lib().vietref_text_check(t, len(t), f, len(f), out), "vietref_text_check");
        return new Report(out.getValue());
    }

    /** {@link #checkText(String, String)} with an empty field path. */
    public static Report checkText(String text) {
        return checkText(text, "");
    }

    /**
     * Checks free text (a payment reason, a note): every normalization as a warning, every refused
     * character (control, bidi, invisible, unusable) as an error with its position, a warning for
     * a word that mixes Latin letters with another script, the normalized text as the cleaned
     * value. Unlike {@link #check} (names), digits and punctuation are allowed. {@code field} is
     * the field path the findings carry, like "reason".
     */
    public static Report checkText(String text, String field) {
        byte[] t = utf8(text, "text");
        byte[] f = utf8(field, "field");
        PointerByReference out = new PointerByReference();
        NativeAccess.check(lib().vietref_text_check_text(t, len(t), f, len(f), out), "vietref_text_check_text");
        return new Report(out.getValue());
    }

    /**
     * The confusable skeleton: equal for texts that look the same to a person (Latin "HOA" and
     * Cyrillic "НОА"; "rn" and "m"). Store the skeletons of registered payee names to find
     * look-alikes by an index look-up; {@link #comparePayeeName} tells a look-alike from the same
     * name. The form may change between library versions: rebuild stored skeletons after an upgrade.
     */
    public static String skeleton(String text) {
        byte[] t = utf8(text, "text");
        PointerByReference out = new PointerByReference();
        return NativeAccess.string(lib().vietref_text_skeleton(t, len(t), out), out, "vietref_text_skeleton");
    }

    /** Whether two texts look the same to a person (Latin "HOA", Cyrillic "НОА"). */
    public static boolean looksLike(String a, String b) {
        byte[] x = utf8(a, "a");
        byte[] y = utf8(b, "b");
        IntByReference out = new IntByReference();
        NativeAccess.check(lib().vietref_text_looks_like(x, len(x), y, len(y), out), "vietref_text_looks_like");
        return out.getValue() == 1;
    }

    /** SAME, LOOKALIKE (a spoofing risk: never a match) or DIFFERENT. */
    public static NameComparison comparePayeeName(String shown, String registered) {
        byte[] x = utf8(shown, "shown");
        byte[] y = utf8(registered, "registered");
        IntByReference out = new IntByReference();
        NativeAccess.check(lib().vietref_text_compare_payee_name(x, len(x), y, len(y), out),
                "vietref_text_compare_payee_name");
        return NameComparison.of(out.getValue());
    }
}
