package org.vietref;

/** Where a memo travels ({@code VIETREF_CHANNEL_*}), which sets its character set and length budget: VIETQR (tag 62-08, 25), VIETQR_BILL (tag 62-01, the code only), TRANSFER (NAPAS 247, 140), MOBILE_MONEY (50), POS (the code only), ISO20022 ({@code RmtInf/Ustrd}, 140). The numbers are the C ABI's; a test checks them against the header. */
public enum Channel {
    VIETQR(1),
    VIETQR_BILL(2),
    TRANSFER(3),
    MOBILE_MONEY(4),
    POS(5),
    ISO20022(6);

    private final int value;

    Channel(int value) {
        this.value = value;
    }

    /** The C constant's number. */
    public int value() {
        return value;
    }

    static Channel of(int value) {
        for (Channel x : values()) {
            if (x.value == value) {
                return x;
            }
        }
        throw new IllegalStateException("unknown Channel " + value);
    }
}
