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
            );
        } finally {
            $ffi->vietref_line_result_free($out);
        }
    }

    /**
     * The counts and totals so far as JSON: {"lines","amount","statuses":[{"status","lines",
     * "amount"}...],"skipped","skippedAmount","rejected","invoices","invoicesSettled",
     * "invoicesOverpaid","invoicesPartial","invoicesUnpaid","outstanding"}.
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
