package org.vietref;

/** Where tone marks go in open oa, oe, uy syllables: TRADITIONAL (hòa, thủy) or MAIN_VOWEL (hoà, thuỷ). The numbers are the C ABI's; a test checks them against the header. */
public enum ToneStyle {
    TRADITIONAL(1),
    MAIN_VOWEL(2);

    private final int value;

    ToneStyle(int value) {
        this.value = value;
    }

    /** The C constant's number. */
    public int value() {
        return value;
    }

    static ToneStyle of(int value) {
        for (ToneStyle x : values()) {
            if (x.value == value) {
                return x;
            }
        }
        throw new IllegalStateException("unknown ToneStyle " + value);
    }
}
