package org.vietref;

/** The fields {@link VietQr#get} reads, as they travel in the payload. The numbers are the C ABI's; a test checks them against the header. */
public enum VietQrField {
    INITIATION(1),
    BANK_BIN(2),
    ACCOUNT_NUMBER(3),
    SERVICE(4),
    MERCHANT_CATEGORY(5),
    CURRENCY(6),
    AMOUNT(7),
    COUNTRY(8),
    MERCHANT_NAME(9),
    MERCHANT_CITY(10),
    POSTAL_CODE(11),
    BILL_NUMBER(12),
    MOBILE_NUMBER(13),
    STORE_LABEL(14),
    LOYALTY_NUMBER(15),
    REFERENCE_LABEL(16),
    CUSTOMER_LABEL(17),
    TERMINAL_LABEL(18),
    PURPOSE(19),
    CONSUMER_DATA_REQUEST(20),
    CRC(21);

    private final int value;

    VietQrField(int value) {
        this.value = value;
    }

    /** The C constant's number. */
    public int value() {
        return value;
    }

    static VietQrField of(int value) {
        for (VietQrField x : values()) {
            if (x.value == value) {
                return x;
            }
        }
        throw new IllegalStateException("unknown VietQrField " + value);
    }
}
