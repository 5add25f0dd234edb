package org.vietref;

import static org.vietref.NativeAccess.len;
import static org.vietref.NativeAccess.lib;
import static org.vietref.NativeAccess.utf8;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Vietnamese legacy encodings (TCVN3, VNI, VISCII, VPS, Windows-1258, VIQR) and mojibake:
 * decode, encode, detect, repair. Nothing is ever replaced or dropped: a byte or character
 * that does not fit is a {@link VietrefException} (LEGACY_UNDEFINED_BYTE ...
 * LEGACY_TCVN3_CAPITAL), and {@link #decodeError} / {@link #encodeError} say where, as JSON.
 */
public final class Legacy {
    /** {@code VIETREF_LEGACY_TCVN3_LOWER_CASE}, the encode option {@code lossy} sets. */
    static final int TCVN3_LOWER_CASE = 1;

    private Legacy() {}

    private static byte[] bytes(byte[] b) {
        return Objects.requireNonNull(b, "bytes");
    }

    /** The text {@code bytes} hold in {@code encoding} (NFC). */
    public static String decode(byte[] bytes, Encoding encoding) {
        byte[] b = bytes(bytes);
        PointerByReference out = new PointerByReference();
        return NativeAccess.string(lib().vietref_legacy_decode(b, len(b), encoding.value(), out), out,
                "vietref_legacy_decode");
    }

    /**
     * Why {@link #decode} refuses these bytes, as JSON: {@code {"kind","offset","line","byte","message"}}
     * (0-based byte offset, 1-based line, English message); empty when they decode.
     */
    public static Optional<String> decodeError(byte[] bytes, Encoding encoding) {
        byte[] b = bytes(bytes);
        PointerByReference out = new PointerByReference();
        return Optional.ofNullable(NativeAccess.optionalString(
                lib().vietref_legacy_decode_error(b, len(b), encoding.value(), out), out, "vietref_legacy_decode_error"));
    }

    /** {@link #encode(String, Encoding, boolean)}, not lossy. */
    public static Encoded encode(String text, Encoding encoding) {
        return encode(text, encoding, false);
    }

    /**
     * {@code text} (composed to NFC first) in {@code encoding}. {@code lossy}: TCVN3, which has
     * no upper-case toned letters, writes them lower case and lists each in
     * {@link Encoded#losses()}, instead of refusing them (LEGACY_TCVN3_CAPITAL).
     */
    public static Encoded encode(String text, Encoding encoding, boolean lossy) {
        byte[] t = utf8(text, "text");
        NativeLib lib = lib();
        PointerByReference out = new PointerByReference();
        NativeAccess.check(lib.vietref_legacy_encode(t, len(t), encoding.value(), lossy ? TCVN3_LOWER_CASE : 0, out),
                "vietref_legacy_encode");
        Pointer e = out.getValue();
        try {
            int n = Math.toIntExact(lib.vietref_encoded_len(e).longValue());
            byte[] bytes = n == 0 ? new byte[0] : lib.vietref_encoded_bytes(e).getByteArray(0, n);
            SizeTByReference count = new SizeTByReference();
            NativeAccess.check(lib.vietref_encoded_loss_count(e, count), "vietref_encoded_loss_count");
            int losses = Math.toIntExact(count.getValue());
            List<Encoded.Loss> list = new ArrayList<>(losses);
            SizeTByReference position = new SizeTByReference();
            IntByReference character = new IntByReference();
            IntByReference written = new IntByReference();
            for (int i = 0; i < losses; i++) {
                NativeAccess.check(lib.vietref_encoded_loss(e, new SizeT(i), position, character, written),
                        "vietref_encoded_loss");
                list.add(new Encoded.Loss(position.getValue(), character.getValue(), written.getValue()));
            }
            return new Encoded(bytes, Collections.unmodifiableList(list));
        } finally {
            lib.vietref_encoded_free(e);
        }
    }

    /**
     * Why {@link #encode(String, Encoding, boolean)} refuses this text, as JSON:
     * {@code {"kind","character","codePoint","position","line","message"}} (1-based, in
     * characters of the NFC text); empty when it encodes.
     */
    public static Optional<String> encodeError(String text, Encoding encoding, boolean lossy) {
        byte[] t = utf8(text, "text");
        PointerByReference out = new PointerByReference();
        return Optional.ofNullable(NativeAccess.optionalString(
                lib().vietref_legacy_encode_error(t, len(t), encoding.value(), lossy ? TCVN3_LOWER_CASE : 0, out), out,
                "vietref_legacy_encode_error"));
    }

    /**
     * Which encoding {@code bytes} are in: the reading that parses best as Vietnamese. Never
     * refuses any bytes: input no encoding decodes comes back with confidence 0.
     */
    public static Detection detect(byte[] bytes) {
        byte[] b = bytes(bytes);
        PointerByReference out = new PointerByReference();
        NativeAccess.check(lib().vietref_legacy_detect(b, len(b), out), "vietref_legacy_detect");
        return detection(out.getValue());
    }

    /**
     * {@link #detect(byte[])} preferring the {@code declared} encoding (a file's metadata, a
     * column, the user), which is overridden only when it cannot decode the bytes or reads
     * badly while another reads well. The result is never ambiguous.
     */
    public static Detection detect(byte[] bytes, Encoding declared) {
        byte[] b = bytes(bytes);
        PointerByReference out = new PointerByReference();
        NativeAccess.check(lib().vietref_legacy_detect_declared(b, len(b), declared.value(), out),
                "vietref_legacy_detect_declared");
        return detection(out.getValue());
    }

    private static Detection detection(Pointer d) {
        NativeLib lib = lib();
        try {
            IntByReference u = new IntByReference();
            NativeAccess.check(lib.vietref_detection_encoding(d, u), "vietref_detection_encoding");
            Encoding encoding = Encoding.of(u.getValue());
            NativeAccess.check(lib.vietref_detection_confidence(d, u), "vietref_detection_confidence");
            int confidence = u.getValue();
            NativeAccess.check(lib.vietref_detection_ambiguous(d, u), "vietref_detection_ambiguous");
            boolean ambiguous = u.getValue() == 1;
            SizeTByReference count = new SizeTByReference();
            NativeAccess.check(lib.vietref_detection_alternative_count(d, count), "vietref_detection_alternative_count");
            int n = Math.toIntExact(count.getValue());
            List<Detection.Alternative> alternatives = new ArrayList<>(n);
            IntByReference fit = new IntByReference();
            for (int i = 0; i < n; i++) {
                NativeAccess.check(lib.vietref_detection_alternative(d, new SizeT(i), u, fit), "vietref_detection_alternative");
                alternatives.add(new Detection.Alternative(Encoding.of(u.getValue()), fit.getValue()));
            }
            PointerByReference out = new PointerByReference();
            String text = NativeAccess.string(lib.vietref_detection_text(d, out), out, "vietref_detection_text");
            return new Detection(encoding, confidence, ambiguous, Collections.unmodifiableList(alternatives), text);
        } finally {
            lib.vietref_detection_free(d);
        }
    }

    /**
     * Repairs UTF-8 that was read as Windows-1252 ("Nguyá»…n" gives "Nguyễn"); empty when the
     * text is not such mojibake (keep it as it is).
     */
    public static Optional<String> repairMojibake(String text) {
        byte[] t = utf8(text, "text");
        PointerByReference out = new PointerByReference();
        return Optional.ofNullable(NativeAccess.optionalString(lib().vietref_legacy_repair_mojibake(t, len(t), out), out,
                "vietref_legacy_repair_mojibake"));
    }
}
