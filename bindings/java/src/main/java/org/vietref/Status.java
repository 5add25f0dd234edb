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
    REF_EMPTY(300),
    REF_INVALID_CHAR(301),
    REF_INVALID_LENGTH(302),
    REF_INVALID_PREFIX(303),
    REF_INVALID_PART(304),
    REF_INVALID_CHECKSUM(305),
    REF_SCHEMES_INVALID(306),
    VIETQR_JSON_INVALID(500),
    LEGACY_UNDEFINED_BYTE(600),
    LEGACY_INVALID_UTF8(601),
    LEGACY_NOT_SEVEN_BIT(602),
    LEGACY_NOT_MOJIBAKE(603),
    LEGACY_UNENCODABLE(604),
    LEGACY_TCVN3_CAPITAL(605),
    RECONCILE_AMOUNT_INVALID(700);

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
