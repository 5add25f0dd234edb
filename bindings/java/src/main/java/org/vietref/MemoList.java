package org.vietref;

/** The field lists of a rendered memo ({@link Report#memoFields}): INCLUDED (in the text, whole or cut, in template order), OMITTED (not in the text), CLIPPED (in the text but cut). The numbers are the C ABI's; a test checks them against the header. */
public enum MemoList {
    INCLUDED(1),
    OMITTED(2),
    CLIPPED(3);

    private final int value;

    MemoList(int value) {
        this.value = value;
    }

    /** The C constant's number. */
    public int value() {
        return value;
    }

    static MemoList of(int value) {
        for (MemoList x : values()) {
            if (x.value == value) {
                return x;
            }
        }
        throw new IllegalStateException("unknown MemoList " + value);
    }
}
