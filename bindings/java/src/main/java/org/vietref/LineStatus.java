package org.vietref;

/** What a statement line was found to be ({@link LineResult#status()}): PAID, PARTIAL, OVERPAID (one code naming an open invoice), DUPLICATE (an invoice already settled), UNKNOWN_CODE (a valid code naming no loaded invoice), AMBIGUOUS (several codes), UNMATCHED (no code; perhaps a suggestion). The numbers are the C ABI's; a test checks them against the header. */
public enum LineStatus {
    PAID(0),
    PARTIAL(1),
    OVERPAID(2),
    DUPLICATE(3),
    UNKNOWN_CODE(4),
    AMBIGUOUS(5),
    UNMATCHED(6);

    private final int value;

    LineStatus(int value) {
        this.value = value;
    }

    /** The C constant's number. */
    public int value() {
        return value;
    }

    static LineStatus of(int value) {
        for (LineStatus x : values()) {
            if (x.value == value) {
                return x;
            }
        }
        throw new IllegalStateException("unknown LineStatus " + value);
    }
}
