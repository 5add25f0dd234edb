package org.vietref;

/** How serious a finding is: WARNING (the value was changed, and the finding says how, or is doubtful; usable) or ERROR (unusable). The numbers are the C ABI's; a test checks them against the header. */
public enum Severity {
    WARNING(1),
    ERROR(2);

    private final int value;

    Severity(int value) {
        this.value = value;
    }

    /** The C constant's number. */
    public int value() {
        return value;
    }

    static Severity of(int value) {
        for (Severity x : values()) {
            if (x.value == value) {
                return x;
            }
        }
        throw new IllegalStateException("unknown Severity " + value);
    }
}
