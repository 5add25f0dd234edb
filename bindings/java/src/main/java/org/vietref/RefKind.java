package org.vietref;

/** The kind of a reference ({@code VIETREF_REF_*}): CODE (a payment code {@code HP7184097674}), RF (an ISO 11649 creditor reference), EINVOICE (an e-invoice identifier {@code 1C24TAA1234}), MST (a tax code, mã số thuế), OPAQUE (an institution's own code; no verb takes it). The numbers are the C ABI's; a test checks them against the header. */
public enum RefKind {
    CODE(1),
    RF(2),
    EINVOICE(3),
    MST(4),
    OPAQUE(5);

    private final int value;

    RefKind(int value) {
        this.value = value;
    }

    /** The C constant's number. */
    public int value() {
        return value;
    }

    static RefKind of(int value) {
        for (RefKind x : values()) {
            if (x.value == value) {
                return x;
            }
        }
        throw new IllegalStateException("unknown RefKind " + value);
    }
}
