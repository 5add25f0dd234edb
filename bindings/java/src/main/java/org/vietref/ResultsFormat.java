package org.vietref;

/**
 * How {@link Reconciler#feedStatement(byte[], StatementFormat, String, ResultsFormat)} writes its results
 * ({@code VIETREF_RESULTS_*}): JSON_LINES (one JSON object per statement line, as {@link LineResult#json()}, each
 * ending in a newline) or CSV (a header row and the columns {@code vietref reconcile --format csv} writes, CRLF).
 * The numbers are the C ABI's; a test checks them against the header.
 */
public enum ResultsFormat {
    JSON_LINES(1),
    CSV(2);

    private final int value;

    ResultsFormat(int value) {
        this.value = value;
    }

    /** The C constant's number. */
    public int value() {
        return value;
    }
}
