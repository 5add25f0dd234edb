package org.vietref;

/**
 * The layout of a statement export given to {@link Reconciler#feedStatement(byte[], StatementFormat, String, ResultsFormat)}
 * ({@code VIETREF_STATEMENT_*}): CSV with a header row ({@code date,amount,content,reference[,counterName]} by
 * default, or the columns mapped), JSON_LINES (one JSON object per line, as bank-notification services send them),
 * JSON (an array of such objects). The numbers are the C ABI's; a test checks them against the header.
 */
public enum StatementFormat {
    CSV(1),
    JSON_LINES(2),
    JSON(3),
    /** An Excel 2007+ workbook (first sheet; the header row found past a preamble). */
    XLSX(4),
    /** An Excel 97-2003 workbook (first sheet). */
    XLS(5);

    private final int value;

    StatementFormat(int value) {
        this.value = value;
    }

    /** The C constant's number. */
    public int value() {
        return value;
    }
}
