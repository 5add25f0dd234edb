package org.vietref;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that touches the C ABI besides {@link NativeLib}: loading libvietref, turning
 * statuses into {@link VietrefException}, and copying owned strings out. Nothing here decides
 * anything about text or payments.
 *
 * <p>Where the library comes from, in order: the environment variable {@code VIETREF_LIB} (a
 * full path; when set, nothing else is tried); the package: the class-path resource
 * {@code <jna-platform-prefix>/libvietref.so} (like {@code linux-x86-64/libvietref.so}) in the
 * jar, extracted by JNA; the system: {@code jna.library.path}, then the platform's library
 * search ({@code LD_LIBRARY_PATH}, {@code PATH}, ...).
 */
final class NativeAccess {
    static final String ENV = "VIETREF_LIB";
    static final int ABI_MAJOR = 0;
    static final int ABI_MINOR = 1;
    private static final int OK = 0;
    private static final int NO_VALUE = 7;

    private NativeAccess() {}

    /** Holder idiom: the library is loaded once, on first use, thread-safely. */
    private static final class Holder {
        static final String[] FROM = new String[1];
        static final NativeLib LIB = load(FROM);
    }

    static NativeLib lib() {
        return Holder.LIB;
    }

    static String loadedFrom() {
        lib();
        return Holder.FROM[0];
    }

    static String libraryFileName() {
        return System.mapLibraryName("vietref");
    }

    private static NativeLib load(String[] from) {
        List<String> tried = new ArrayList<>();
        String env = System.getenv(ENV);
        if (env != null && !env.isEmpty()) {
            NativeLib lib = tryLoad(ENV + ": " + env, env, tried);
            if (lib == null) {
                throw failure(tried);
            }
            from[0] = env;
            return lib;
        }
        String resource = Platform.RESOURCE_PREFIX + "/" + libraryFileName();
        File extracted = null;
        try {
            extracted = Native.extractFromResourcePath("vietref", NativeAccess.class.getClassLoader());
        } catch (IOException e) {
            tried.add("package: class-path resource " + resource + " (" + e.getMessage() + ")");
        }
        if (extracted != null) {
            NativeLib lib = tryLoad("package: " + resource, extracted.getAbsolutePath(), tried);
            if (lib != null) {
                from[0] = "classpath:" + resource;
                return lib;
            }
        }
        NativeLib lib = tryLoad("system: vietref", "vietref", tried);
        if (lib == null) {
            throw failure(tried);
        }
        from[0] = "system:vietref";
        return lib;
    }

    private static NativeLib tryLoad(String what, String nameOrPath, List<String> tried) {
        NativeLib lib;
        try {
            lib = Native.load(nameOrPath, NativeLib.class);
        } catch (UnsatisfiedLinkError e) {
            tried.add(what + " (" + e.getMessage().replace('\n', ' ') + ")");
            return null;
        }
        String version = lib.vietref_version().getString(0, "UTF-8");
        String[] parts = version.split("\\.");
        if (parts.length < 2 || !parts[0].equals(Integer.toString(ABI_MAJOR)) || !parts[1].equals(Integer.toString(ABI_MINOR))) {
            tried.add(what + " (vietref " + version + "; this binding needs " + ABI_MAJOR + "." + ABI_MINOR + ".x)");
            return null;
        }
        return lib;
    }

    private static VietrefLoadException failure(List<String> tried) {
        return new VietrefLoadException("cannot load the vietref native library; tried, in order:\n  "
                + String.join("\n  ", tried) + "\nSet " + ENV + " to the full path of " + libraryFileName()
                + " (built by `cargo build --lib` in target/debug or target/release).");
    }

    // ---- statuses: the one place where they become exceptions --------------------------

    static String staticString(Pointer p) {
        return p == null ? null : p.getString(0, "UTF-8");
    }

    static VietrefException error(int status, String context) {
        NativeLib lib = lib();
        String name = staticString(lib.vietref_status_name(status));
        String en = staticString(lib.vietref_status_message(status, Lang.EN.value()));
        String vi = staticString(lib.vietref_status_message(status, Lang.VI.value()));
        return new VietrefException(status, name != null ? name : "VIETREF_STATUS_" + Integer.toUnsignedString(status),
                en != null ? en : "unknown status", vi != null ? vi : "trạng thái không xác định", context);
    }

    /** Throws {@link VietrefException} unless {@code status} is VIETREF_OK. */
    static void check(int status, String context) {
        if (status != OK) {
            throw error(status, context);
        }
    }

    /** True on VIETREF_OK, false on VIETREF_NO_VALUE (an absent optional value); throws otherwise. */
    static boolean checkOptional(int status, String context) {
        if (status == NO_VALUE) {
            return false;
        }
        check(status, context);
        return true;
    }

    // ---- marshalling -----------------------------------------------------------------------

    /**
     * UTF-8 bytes of a text argument. Nothing is replaced: a lone surrogate is written as the
     * three bytes it would take (invalid UTF-8), so the library answers VIETREF_INVALID_UTF8
     * ({@code String.getBytes} would silently write '?').
     */
    static byte[] utf8(String s, String what) {
        if (s == null) {
            throw new NullPointerException(what + " is null");
        }
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        byte[] b = new byte[n];
        int o = 0;
        for (int i = 0; i < s.length(); i++) {
            int c = s.charAt(i);
            if (c < 0x80) {
                b[o++] = (byte) c;
            } else if (c < 0x800) {
                b[o++] = (byte) (0xC0 | c >> 6);
                b[o++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate((char) c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint((char) c, s.charAt(++i));
                b[o++] = (byte) (0xF0 | cp >> 18);
                b[o++] = (byte) (0x80 | (cp >> 12) & 0x3F);
                b[o++] = (byte) (0x80 | (cp >> 6) & 0x3F);
                b[o++] = (byte) (0x80 | cp & 0x3F);
            } else {
                b[o++] = (byte) (0xE0 | c >> 12);
                b[o++] = (byte) (0x80 | (c >> 6) & 0x3F);
                b[o++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return b;
    }

    /** {@link #utf8} of an optional text: null is the empty text, which the C ABI reads as "not given". */
    static byte[] utf8OrEmpty(String s, String what) {
        return s == null ? new byte[0] : utf8(s, what);
    }

    /** A uint64_t argument: a negative long is an {@link IllegalArgumentException}, never a huge number. */
    static long unsigned(long value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative: " + value);
        }
        return value;
    }

    /**
     * Turns byte offsets into {@link #utf8}{@code (text)} into UTF-16 indices of {@code text}, so
     * that the library's byte spans can be used with {@code String.substring}. Offsets asked in
     * ascending order cost one pass over the text in all.
     */
    static final class CharIndex {
        private final String text;
        private int index;
        private long bytes;

        CharIndex(String text) {
            this.text = text;
        }

        int of(long byteOffset) {
            if (byteOffset < bytes) {
                index = 0;
                bytes = 0;
            }
            while (index < text.length() && bytes < byteOffset) {
                char c = text.charAt(index);
                if (c < 0x80) {
                    bytes += 1;
                } else if (c < 0x800) {
                    bytes += 2;
                } else if (Character.isHighSurrogate(c) && index + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(index + 1))) {
                    bytes += 4;
                    index++;
                } else {
                    bytes += 3;
                }
                index++;
            }
            if (bytes != byteOffset) {
                throw new IllegalStateException("byte offset " + byteOffset + " is not at a character of the text");
            }
            return index;
        }
    }

    static SizeT len(byte[] b) {
        return new SizeT(b == null ? 0 : b.length);
    }

    /** Copies an owned vietref_string out and frees it. */
    static String take(Pointer s) {
        NativeLib lib = lib();
        try {
            long n = lib.vietref_string_len(s).longValue();
            if (n == 0) {
                return "";
            }
            return new String(lib.vietref_string_ptr(s).getByteArray(0, Math.toIntExact(n)), StandardCharsets.UTF_8);
        } finally {
            lib.vietref_string_free(s);
        }
    }

    /** The string a call wrote to its {@code vietref_string **out}, after checking the status. */
    static String string(int status, PointerByReference out, String context) {
        check(status, context);
        return take(out.getValue());
    }

    /** As {@link #string}; null on VIETREF_NO_VALUE. */
    static String optionalString(int status, PointerByReference out, String context) {
        return checkOptional(status, context) ? take(out.getValue()) : null;
    }
}
