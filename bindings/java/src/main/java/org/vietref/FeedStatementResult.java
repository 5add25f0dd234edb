package org.vietref;

/**
 * What {@link Reconciler#feedStatement(byte[], StatementFormat, String, ResultsFormat)} did: the results as text
 * and the report of what was not fed. Closing it closes the report.
 */
public final class FeedStatementResult implements AutoCloseable {
    private final String results;
    private final Report report;

    FeedStatementResult(String results, Report report) {
        this.results = results;
        this.report = report;
    }

    /** One result per incoming line in the {@link ResultsFormat} asked for; empty when nothing was fed. */
    public String results() {
        return results;
    }

    /**
     * Outgoing lines skipped ({@code reconcile.outgoing_skipped} warnings) and records that could not be read
     * (errors), each with its field {@code "LINE:COLUMN"} or {@code "LINE"}; valid when no record was rejected
     * (its {@link Report#cleanedText()} is then the number of lines fed).
     */
    public Report report() {
        return report;
    }

    @Override
    public void close() {
        report.close();
    }
}
