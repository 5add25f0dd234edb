package org.vietref;

/** Result of {@link Text#comparePayeeName}; LOOKALIKE is a spoofing risk, never a match. The numbers are the C ABI's; a test checks them against the header. */
public enum NameComparison {
    SAME(1),
    LOOKALIKE(2),
    DIFFERENT(3);

    private final int value;

    NameComparison(int value) {
        this.value = value;
    }

    /** The C constant's number. */
    public int value() {
        return value;
    }

    static NameComparison of(int value) {
        for (NameComparison x : values()) {
            if (x.value == value) {
                return x;
            }
        }
        throw new IllegalStateException("unknown NameComparison " + value);
    }
}
