package org.vietref;

/**
 * What {@link Reconciler#addInvoicesCsv(byte[], String)} did: the number of invoices added and the report of
 * every record's findings. Closing it closes the report.
 */
public final class AddInvoicesResult implements AutoCloseable {
    private final long added;
    private final Report report;

    AddInvoicesResult(long added, Report report) {
        this.added = added;
        this.report = report;
    }

    /** The number of invoices added. */
    public long added() {
        return added;
    }

    /**
     * Every finding of every record, its field {@code "LINE:COLUMN"} ("3:Số tiền") or {@code "LINE"}; valid when
     * every record was added (its {@link Report#cleanedText()} is then the number added).
     */
    public Report report() {
        return report;
    }

    @Override
    public void close() {
        report.close();
    }
}
