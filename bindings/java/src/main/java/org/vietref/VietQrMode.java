package org.vietref;

/** How {@link VietQr#decode} reads a payload: STRICT (any fault is an error) or LENIENT (also repairs whitespace, a lower-case CRC, one wrong length, each with a warning). The numbers are the C ABI's; a test checks them against the header. */
public enum VietQrMode {
    STRICT(1),
    LENIENT(2);

    private final int value;

    VietQrMode(int value) {
        this.value = value;
    }

    /** The C constant's number. */
    public int value() {
        return value;
    }

    static VietQrMode of(int value) {
        for (VietQrMode x : values()) {
            if (x.value == value) {
                return x;
            }
        }
        throw new IllegalStateException("unknown VietQrMode " + value);
    }
}
