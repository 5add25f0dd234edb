package org.vietref;

/** Status codes ({@code vietref_status}); a test checks them against the C header. */
public enum Status {
    OK(0),
    NULL_ARGUMENT(1),
    INVALID_UTF8(2),
    INSUFFICIENT_SIZE(3),
    PANIC(4),
    INVALID_ARGUMENT(5),
    INDEX_OUT_OF_RANGE(6),
    NO_VALUE(7),
    INTERNAL_ERROR(8),
    WRONG_KIND(9),
    TEXT_NAME_INVALID(100),
    MESSAGE_JSON_INVALID(200),
    VIETQR_JSON_INVALID(500);

    private final int value;

    Status(int value) {
        this.value = value;
    }

    /** The C constant's number. */
    public int value() {
        return value;
    }

    /** The constant with this number, or {@code null}. */
    public static Status of(int value) {
        for (Status s : values()) {
            if (s.value == value) {
                return s;
            }
        }
        return null;
    }
}
