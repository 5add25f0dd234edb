package org.vietref;

import static org.vietref.NativeAccess.len;
import static org.vietref.NativeAccess.lib;
import static org.vietref.NativeAccess.unsigned;
import static org.vietref.NativeAccess.utf8;
import static org.vietref.NativeAccess.utf8OrEmpty;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.Optional;

/**
 * Reconciles a bank statement with an institution's open invoices (owns a
 * {@code vietref_reconciler}: close it, or the cleaner frees it). Add the invoices, then feed
 * the statement lines one by one; each is classified ({@link LineStatus}) and, when it names
 * one open invoice, applied to it. Not for concurrent use.
 */
public final class Reconciler extends Handle {
    /** A reconciler without payment-code schemes: RF references, e-invoices and the institution's own codes. */
    public Reconciler() {
        this("");
    }

    /** A reconciler for the institution's payment-code {@code schemes} ("HP:8,VP:10"; see {@link Memo}). */
    public Reconciler(String schemes) {
        super(create(schemes), lib()::vietref_reconciler_free);
    }

    private static Pointer create(String schemes) {
        byte[] s = utf8(schemes, "schemes");
        PointerByReference out = new PointerByReference();
        NativeAccess.check(lib().vietref_reconciler_new(s, len(s), out), "vietref_reconciler_new");
        return out.getValue();
    }

    /** {@link #addInvoice(String, long, String, String, String)} without names or due date. */
    public Report addInvoice(String code, long amount) {
        return addInvoice(code, amount, null, null, null);
    }

    /**
     * Adds an open invoice: its {@code code} (a payment code of the schemes, an RF reference,
     * an e-invoice, the institution's own code; any written form) and the amount due in đồng;
     * optionally the payer's and beneficiary's names and the due date ("YYYY-MM-DD" or
     * "DD/MM/YYYY"): null or "" is not given. The invoice was added when the report is valid
     * ({@link Report#cleanedText()} is the code as held); otherwise its errors say why and
     * nothing was added. A negative amount is an {@link IllegalArgumentException}.
     */
    public Report addInvoice(String code, long amount, String payer, String beneficiary, String due) {
        byte[] c = utf8(code, "code");
        byte[] p = utf8OrEmpty(payer, "payer");
        byte[] b = utf8OrEmpty(beneficiary, "beneficiary");
        byte[] d = utf8OrEmpty(due, "due");
        PointerByReference out = new PointerByReference();
        NativeAccess.check(lib().vietref_reconciler_add_invoice(live(), c, len(c), unsigned(amount, "amount"), p, len(p), b,
                len(b), d, len(d), out), "vietref_reconciler_add_invoice");
        return new Report(out.getValue());
    }

    /** {@link #feed(long, long, String, String, String, String)} without reference, date or counter name. */
    public LineResult feed(long line, long amount, String content) {
        return feed(line, amount, content, null, null, null);
    }

    /**
     * Classifies one statement line and applies it to its invoice (only PAID, PARTIAL,
     * OVERPAID and DUPLICATE change what an invoice was paid). {@code line} is the caller's
     * number for it (a duplicate's evidence names the line that settled the invoice),
     * {@code amount} the amount received in đồng, {@code content} the transfer content as the
     * bank delivered it; {@code reference} (the bank's transaction reference), {@code date}
     * and {@code counterName} (the paying account's name): null or "" is not given. An amount
     * of 0 or of more than 13 digits is a {@link VietrefException} (RECONCILE_AMOUNT_INVALID)
     * and changes nothing; a negative number an {@link IllegalArgumentException}.
     */
    public LineResult feed(long line, long amount, String content, String reference, String date, String counterName) {
        byte[] c = utf8(content, "content");
        byte[] r = utf8OrEmpty(reference, "reference");
        byte[] d = utf8OrEmpty(date, "date");
        byte[] n = utf8OrEmpty(counterName, "counterName");
        PointerByReference out = new PointerByReference();
        NativeAccess.check(lib().vietref_reconciler_feed(live(), unsigned(line, "line"), unsigned(amount, "amount"), c,
                len(c), r, len(r), d, len(d), n, len(n), out), "vietref_reconciler_feed");
        return LineResult.take(out.getValue());
    }

    /** {@link #addInvoicesCsv(byte[], String)} with the default headers. */
    public AddInvoicesResult addInvoicesCsv(byte[] data) {
        return addInvoicesCsv(data, null);
    }

    /** {@link #addInvoicesCsv(byte[], String)} of text held as a String (passed as UTF-8). */
    public AddInvoicesResult addInvoicesCsv(String data, String columns) {
        return addInvoicesCsv(utf8(data, "data"), columns);
    }

    /**
     * Reads a whole invoice list in CSV ({@code data}: the file's bytes) and adds every invoice as
     * {@link #addInvoice(String, long, String, String, String)} would. The header row names
     * {@code code,amount} and optionally {@code payer,beneficiary,due} (Vietnamese headers such as
     * "Mã hóa đơn" recognized), or {@code columns} maps them ("code=Mã HĐ,amount=Phải thu"; null or
     * "" for the defaults). The result holds the number added and a report of every finding of
     * every record, its field {@code "LINE:COLUMN"} ("3:Số tiền") or {@code "LINE"}: a record with
     * an error is not added, the others are; the report is valid when every record was added.
     */
    public AddInvoicesResult addInvoicesCsv(byte[] data, String columns) {
        if (data == null) {
            throw new NullPointerException("data is null");
        }
        byte[] c = utf8OrEmpty(columns, "columns");
        LongByReference added = new LongByReference();
        PointerByReference out = new PointerByReference();
        int status = lib().vietref_reconciler_add_invoices_csv(live(), data, len(data), c, len(c), added, out);
        if (status != 0 && out.getValue() != null) {
            lib().vietref_report_free(out.getValue());
        }
        NativeAccess.check(status, "vietref_reconciler_add_invoices_csv");
        return new AddInvoicesResult(added.getValue(), new Report(out.getValue()));
    }

    /**
     * Reads a whole invoice list as a school's or hospital's system exports it ({@code data}: the
     * file's bytes) in {@code format}: {@link StatementFormat#CSV}, {@code XLSX} or {@code XLS} (the
     * first sheet). The header row is found past a title (the first of the first 30 rows naming a
     * code and an amount column: "Mã hóa đơn", "Mã HS", "Số tiền", "Họ tên phụ huynh", "Họ tên học
     * sinh", "Hạn nộp", ...), or {@code columns} maps them as for
     * {@link #addInvoicesCsv(byte[], String)}. Rows before the header row and totals rows are
     * skipped, each a {@code reconcile.row_skipped} warning whose field is its row number. The
     * result is as {@link #addInvoicesCsv(byte[], String)}'s, rows numbered as the spreadsheet
     * numbers them; another format is a VietrefException (INVALID_ARGUMENT).
     */
    public AddInvoicesResult addInvoices(byte[] data, StatementFormat format, String columns) {
        if (data == null || format == null) {
            throw new NullPointerException(data == null ? "data is null" : "format is null");
        }
        byte[] c = utf8OrEmpty(columns, "columns");
        LongByReference added = new LongByReference();
        PointerByReference out = new PointerByReference();
        int status = lib().vietref_reconciler_add_invoices(live(), data, len(data), format.value(), c, len(c), added, out);
        if (status != 0 && out.getValue() != null) {
            lib().vietref_report_free(out.getValue());
        }
        NativeAccess.check(status, "vietref_reconciler_add_invoices");
        return new AddInvoicesResult(added.getValue(), new Report(out.getValue()));
    }

    /** {@link #feedStatement(byte[], StatementFormat, String, ResultsFormat)} of CSV with the default headers, results as JSON lines. */
    public FeedStatementResult feedStatement(byte[] data) {
        return feedStatement(data, StatementFormat.CSV, null, ResultsFormat.JSON_LINES);
    }

    /** {@link #feedStatement(byte[], StatementFormat, String, ResultsFormat)} with the default headers, results as JSON lines. */
    public FeedStatementResult feedStatement(byte[] data, StatementFormat format) {
        return feedStatement(data, format, null, ResultsFormat.JSON_LINES);
    }

    /** {@link #feedStatement(byte[], StatementFormat, String, ResultsFormat)} of text held as a String (passed as UTF-8). */
    public FeedStatementResult feedStatement(String data, StatementFormat format, String columns, ResultsFormat results) {
        return feedStatement(utf8(data, "data"), format, columns, results);
    }

    /**
     * Reads a whole statement export ({@code data}: the file's bytes) in {@code format} and feeds
     * every incoming line, in order, as {@link #feed(long, long, String, String, String, String)}
     * would. {@code columns} maps CSV headers as {@code vietref reconcile --columns} does
     * ("content=Diễn giải,amount=Có"; null or "" for the defaults). The result holds the results
     * in the {@code results} format (one per incoming line, numbered by the file's 1-based line or
     * the position in a JSON array) and a report of what was not fed: outgoing lines skipped
     * ({@code reconcile.outgoing_skipped} warnings) and records that could not be read (errors),
     * each with its field {@code "LINE:COLUMN"} or {@code "LINE"}. The whole export is held in
     * memory: for one too large for that, call {@link #feed} line by line.
     */
    public FeedStatementResult feedStatement(byte[] data, StatementFormat format, String columns, ResultsFormat results) {
        if (format == null || results == null) {
            throw new NullPointerException(format == null ? "format is null" : "results is null");
        }
        return feedStatement(data, format.value(), columns, results.value());
    }

    /** As the public one with the C constants' numbers: an unknown one is a VietrefException (INVALID_ARGUMENT). */
    FeedStatementResult feedStatement(byte[] data, int format, String columns, int results) {
        if (data == null) {
            throw new NullPointerException("data is null");
        }
        byte[] c = utf8OrEmpty(columns, "columns");
        PointerByReference text = new PointerByReference();
        PointerByReference out = new PointerByReference();
        int status = lib().vietref_reconciler_feed_statement(live(), data, len(data), format, c, len(c), results, text, out);
        if (status != 0) {
            if (text.getValue() != null) {
                lib().vietref_string_free(text.getValue());
            }
            if (out.getValue() != null) {
                lib().vietref_report_free(out.getValue());
            }
            NativeAccess.check(status, "vietref_reconciler_feed_statement");
        }
        Report report = new Report(out.getValue());
        return new FeedStatementResult(NativeAccess.take(text.getValue()), report);
    }

    /**
     * Lets {@code feedStatement} use up to {@code n} threads (0 counts as 1; a new reconciler uses 1). With 2 or more,
     * the statement's lines are read (envelopes, codes, names) on a second thread while the lines read before are
     * matched: the results, their order and the totals are the same as on one thread. A negative {@code n} is an
     * {@link IllegalArgumentException}.
     */
    public void setThreads(int n) {
        NativeAccess.check(lib().vietref_reconciler_set_threads(live(), new SizeT(unsigned(n, "n"))),
                "vietref_reconciler_set_threads");
    }

    /**
     * The counts and totals so far as JSON: {@code {"lines","amount","statuses":[{"status","lines","amount"},...],
     * "skipped","skippedAmount","rejected","input":{"lines","fed","skipped","rejected"},"invoices",
     * "invoicesSettled","invoicesOverpaid","invoicesPartial","invoicesUnpaid","outstanding"}}; {@code input} counts
     * every physical line of the statements given to {@code feedStatement} once, as fed, skipped (header, blank,
     * outgoing) or rejected.
     */
    public String summaryJson() {
        PointerByReference out = new PointerByReference();
        return NativeAccess.string(lib().vietref_reconciler_summary_json(live(), out), out,
                "vietref_reconciler_summary_json");
    }

    /**
     * The state of the invoice with this code (any written form) as JSON:
     * {@code {"code","kind","amountDue","paid","payments","outstanding","status"}}; empty when
     * no loaded invoice has it.
     */
    public Optional<String> invoiceJson(String code) {
        byte[] c = utf8(code, "code");
        PointerByReference out = new PointerByReference();
        return Optional.ofNullable(NativeAccess.optionalString(lib().vietref_reconciler_invoice_json(live(), c, len(c), out),
                out, "vietref_reconciler_invoice_json"));
    }
}
