package org.vietref;

/** Language of messages. The numbers are the C ABI's; a test checks them against the header. */
public enum Lang {
    EN(1),
    VI(2);

    private final int value;

    Lang(int value) {
        this.value = value;
    }

    /** The C constant's number. */
    public int value() {
        return value;
    }

    static Lang of(int value) {
        for (Lang x : values()) {
            if (x.value == value) {
                return x;
            }
        }
        throw new IllegalStateException("unknown Lang " + value);
    }
}
