package org.vietref;

import static org.vietref.NativeAccess.len;
import static org.vietref.NativeAccess.lib;
import static org.vietref.NativeAccess.utf8;

import com.sun.jna.ptr.IntByReference;
import java.util.Optional;

/**
 * The encodings {@link Legacy} reads and writes ({@code VIETREF_ENCODING_*}). The numbers are
 * the C ABI's; a test checks them against the header.
 */
public enum Encoding {
    /** UTF-8 (decoding drops a leading byte-order mark and composes to NFC). */
    UTF8(0),
    /** TCVN3 (TCVN 5712:1993 VN3, ABC, the {@code .VnTime} fonts); no upper-case toned letters. */
    TCVN3(1),
    /** VNI-Win (the {@code VNI-Times} fonts). */
    VNI(2),
    /** VISCII (RFC 1456). */
    VISCII(3),
    /** VPS. */
    VPS(4),
    /** Windows-1258. */
    CP1258(5),
    /** VIQR (RFC 1456), 7-bit ASCII mnemonics: {@code Nguye^~n}. */
    VIQR(6),
    /** UTF-8 read as Windows-1252 and written again as UTF-8 (mojibake: {@code Nguyá»…n}). */
    UTF8_AS_CP1252(7);

    private final int value;

    Encoding(int value) {
        this.value = value;
    }

    /** The C constant's number. */
    public int value() {
        return value;
    }

    /** The library's name of the encoding, as the CLI and the JSON write it: "tcvn3", "utf8-as-cp1252". */
    public String label() {
        return NativeAccess.staticString(lib().vietref_legacy_encoding_name(value));
    }

    /**
     * The encoding with this name: the names of {@link #label()} and common aliases ("abc",
     * "vni-win", "windows-1258", "utf-8", "mojibake"), any case; empty for an unknown name.
     */
    public static Optional<Encoding> fromName(String name) {
        byte[] n = utf8(name, "name");
        IntByReference out = new IntByReference();
        return NativeAccess.checkOptional(lib().vietref_legacy_encoding_from_name(n, len(n), out),
                "vietref_legacy_encoding_from_name") ? Optional.of(of(out.getValue())) : Optional.empty();
    }

    static Encoding of(int value) {
        for (Encoding x : values()) {
            if (x.value == value) {
                return x;
            }
        }
        throw new IllegalStateException("unknown Encoding " + value);
    }
}
