<?php

declare(strict_types=1);

namespace Vietref;

use FFI;

/**
 * Matches bank statement lines to open invoices (owns a vietref_reconciler, freed by close()
 * or the destructor). Add the invoices, then feed the lines in order; each line is
 * classified (LineStatus) and, when it names one open invoice, applied to it.
 *
 * Not for two threads at the same time. Texts are UTF-8 (invalid: VietrefException
 * InvalidUtf8); an empty optional text is "not given"; amounts are in đồng.
 */
final class Reconciler extends Handle
{
    /**
     * $schemes: the institution's payment-code schemes, "HP:8,VP:10" ('' for none: then only
     * RF references, e-invoices and the institution's own codes are found). A malformed one is
     * VietrefException (Status::RefSchemesInvalid).
     */
    public function __construct(string $schemes = '')
    {
        $out = Native::out('vietref_reconciler');
        Native::check(Native::ffi()->vietref_reconciler_new($schemes, strlen($schemes), FFI::addr($out)), 'vietref_reconciler_new');
        parent::__construct($out, 'vietref_reconciler_free');
    }

    /**
     * Adds an open invoice: its code in any written form, the amount due, and optionally the
     * payer's and beneficiary's full names and the due date (YYYY-MM-DD or DD/MM/YYYY). The
     * invoice was added when the report is valid (its cleanedText() is the code as held);
     * otherwise the errors say why (a bad code, a code already listed, a bad date, an amount
     * of 0 or of more than 13 digits).
     */
    public function addInvoice(string $code, int $amount, string $payer = '', string $beneficiary = '', string $due = ''): Report
    {
        return Native::report(
            'vietref_reconciler_add_invoice',
            $this->live(), $code, strlen($code), Native::amount($amount),
            $payer, strlen($payer), $beneficiary, strlen($beneficiary), $due, strlen($due),
        );
    }

    /**
     * Classifies one statement line and applies it to its invoice. $line is the caller's
     * number for the line (a duplicate's evidence names the line that settled the invoice);
     * $amount what was received; $content the transfer content as the bank delivered it;
     * $reference (the bank's transaction reference), $date and $counterName (the paying
     * account's name) are optional. An amount of 0 or of more than 13 digits is
     * VietrefException (Status::ReconcileAmountInvalid); nothing is changed then.
     */
    public function feed(
        int $line,
        int $amount,
        string $content,
        string $reference = '',
        string $date = '',
        string $counterName = '',
    ): LineResult {
        $ffi = Native::ffi();
        $out = Native::out('vietref_line_result');
        Native::check(
            $ffi->vietref_reconciler_feed(
                $this->live(), Native::unsigned($line, 'line'), Native::amount($amount), $content, strlen($content),
                $reference, strlen($reference), $date, strlen($date), $counterName, strlen($counterName), FFI::addr($out),
            ),
            'vietref_reconciler_feed',
        );
        try {
            $status = $ffi->new('uint32_t');
            Native::check($ffi->vietref_line_result_status($out, FFI::addr($status)), 'vietref_line_result_status');
            return new LineResult(
                LineStatus::from($status->cdata),
                Native::optionalString('vietref_line_result_invoice', $out),
                Native::optionalString('vietref_line_result_suggestion', $out),
                Native::string('vietref_line_result_reason', $out, Lang::En->value),
                Native::string('vietref_line_result_reason', $out, Lang::Vi->value),
                Native::string('vietref_line_result_json', $out),
                Native::optionalString('vietref_line_result_possible_typo', $out),
            );
        } finally {
            $ffi->vietref_line_result_free($out);
        }
    }

    /**
     * Reads a whole invoice list in CSV ($data: the file's bytes, UTF-8 with or without BOM) and
     * adds every invoice as addInvoice() would. The header row names code,amount and optionally
     * payer,beneficiary,due (Vietnamese headers such as "Mã hóa đơn" recognized), or $columns
     * maps them ("code=Mã HĐ,amount=Phải thu"; '' for the defaults).
     *
     * Returns [added, Report]: the number of invoices added, and a report of every finding of
     * every record, its field "LINE:COLUMN" ("3:Số tiền") or "LINE". A record with an error is
     * not added, the others are; the report is valid when every record was added (its
     * cleanedText() is then the number added).
     *
     * @return array{0: int, 1: Report}
     */
    public function addInvoicesCsv(string $data, string $columns = ''): array
    {
        $ffi = Native::ffi();
        $added = $ffi->new('uint64_t');
        $out = Native::out('vietref_report');
        $status = $ffi->vietref_reconciler_add_invoices_csv(
            $this->live(), $data, strlen($data), $columns, strlen($columns), FFI::addr($added), FFI::addr($out),
        );
        if ($status !== 0 && !FFI::isNull($out)) {
            $ffi->vietref_report_free($out);
        }
        Native::check($status, 'vietref_reconciler_add_invoices_csv');
        return [$added->cdata, new Report($out)];
    }

    /**
     * Reads a whole invoice list as a school's or hospital's system exports it ($data: the
     * file's bytes) in $format: StatementFormat::Csv, Xlsx or Xls (the first sheet). The header
     * row is found past a title (the first of the first 30 rows naming a code and an amount
     * column: "Mã hóa đơn", "Mã HS", "Số tiền", "Họ tên phụ huynh", "Họ tên học sinh",
     * "Hạn nộp", ...), or $columns maps them as for addInvoicesCsv(). Rows before the header
     * row and totals rows are skipped, each a reconcile.row_skipped warning whose field is its
     * row number.
     *
     * Returns [added, Report] as addInvoicesCsv() does, rows numbered as the spreadsheet
     * numbers them. Another format is VietrefException (Status::InvalidArgument).
     *
     * @return array{0: int, 1: Report}
     */
    public function addInvoices(string $data, StatementFormat|int $format = StatementFormat::Csv, string $columns = ''): array
    {
        $ffi = Native::ffi();
        $added = $ffi->new('uint64_t');
        $out = Native::out('vietref_report');
        $status = $ffi->vietref_reconciler_add_invoices(
            $this->live(), $data, strlen($data), Native::value($format), $columns, strlen($columns), FFI::addr($added), FFI::addr($out),
        );
        if ($status !== 0 && !FFI::isNull($out)) {
            $ffi->vietref_report_free($out);
        }
        Native::check($status, 'vietref_reconciler_add_invoices');
        return [$added->cdata, new Report($out)];
    }

    /**
     * Reads a whole statement export ($data: the file's bytes) in $format and feeds every
     * incoming line, in order, as feed() would. $columns maps CSV headers as
     * `vietref reconcile --columns` does ("content=Diễn giải,amount=Có"; '' for the defaults).
     *
     * Returns [results, Report]: the results in the $results format (one per incoming line,
     * numbered by the file's 1-based line or the position in a JSON array), and a report of
     * what was not fed: outgoing lines skipped (reconcile.outgoing_skipped warnings) and
     * records that could not be read (errors), each with its field "LINE:COLUMN" or "LINE";
     * valid when no record was rejected. An unknown format is VietrefException
     * (Status::InvalidArgument). The whole export is held in memory: for one too large for
     * that, call feed() line by line.
     *
     * @return array{0: string, 1: Report}
     */
    public function feedStatement(
        string $data,
        StatementFormat|int $format = StatementFormat::Csv,
        string $columns = '',
        ResultsFormat|int $results = ResultsFormat::JsonLines,
    ): array {
        $ffi = Native::ffi();
        $text = Native::out('vietref_string');
        $out = Native::out('vietref_report');
        $status = $ffi->vietref_reconciler_feed_statement(
            $this->live(), $data, strlen($data), Native::value($format), $columns, strlen($columns), Native::value($results),
            FFI::addr($text), FFI::addr($out),
        );
        if ($status !== 0) {
            if (!FFI::isNull($text)) {
                $ffi->vietref_string_free($text);
            }
            if (!FFI::isNull($out)) {
                $ffi->vietref_report_free($out);
            }
            Native::check($status, 'vietref_reconciler_feed_statement');
        }
        $report = new Report($out);
        return [Native::take($text), $report];
    }

    /**
     * Lets feedStatement() use up to $n threads (0 counts as 1; a new reconciler uses 1). With 2
     * or more, the statement's lines are read (envelopes, codes, names) on a second thread while
     * the lines read before are matched: the results, their order and the totals are the same as
     * on one thread. A negative $n is a ValueError.
     */
    public function setThreads(int $n): void
    {
        Native::check(
            Native::ffi()->vietref_reconciler_set_threads($this->live(), Native::unsigned($n, 'n')),
            'vietref_reconciler_set_threads',
        );
    }

    /**
     * The counts and totals so far as JSON: {"lines","amount","statuses":[{"status","lines",
     * "amount"}...],"skipped","skippedAmount","rejected","input":{"lines","fed","skipped",
     * "rejected"},"invoices","invoicesSettled","invoicesOverpaid","invoicesPartial","invoicesUnpaid",
     * "outstanding"}; "input" counts every physical line of the statements given to feedStatement
     * once, as fed, skipped (header, blank, outgoing) or rejected.
     */
    public function summaryJson(): string
    {
        return Native::string('vietref_reconciler_summary_json', $this->live());
    }

    /** summaryJson() decoded. @return array<string, mixed> */
    public function summary(): array
    {
        return json_decode($this->summaryJson(), true, 512, JSON_THROW_ON_ERROR);
    }

    /**
     * The state of the invoice with code $code (any written form) as JSON: {"code","kind",
     * "amountDue","paid","payments","outstanding","status"} (status unpaid, partial, settled,
     * overpaid); null when no loaded invoice has that code.
     */
    public function invoiceJson(string $code): ?string
    {
        return Native::optionalString('vietref_reconciler_invoice_json', $this->live(), $code, strlen($code));
    }

    /** invoiceJson() decoded; null when no loaded invoice has that code. @return array<string, mixed>|null */
    public function invoice(string $code): ?array
    {
        $json = $this->invoiceJson($code);
        return $json === null ? null : json_decode($json, true, 512, JSON_THROW_ON_ERROR);
    }
}
