package org.vietref;

/** The loaded native library. */
public final class Vietref {
    private Vietref() {}

    /** The library's version, like "0.1.0". */
    public static String version() {
        return NativeAccess.staticString(NativeAccess.lib().vietref_version());
    }

    /**
     * Where the library was loaded from: its path (VIETREF_LIB), {@code classpath:<resource>} or
     * {@code system:vietref}.
     */
    public static String loadedFrom() {
        return NativeAccess.loadedFrom();
    }

    /** "VIETREF_NULL_ARGUMENT" for 1; null for a number that is not a status. */
    public static String statusName(int status) {
        return NativeAccess.staticString(NativeAccess.lib().vietref_status_name(status));
    }

    /** The library's description of a status in English or Vietnamese; null for a number that is not a status. */
    public static String statusMessage(int status, Lang lang) {
        return NativeAccess.staticString(NativeAccess.lib().vietref_status_message(status, lang.value()));
    }
}
