<?php

declare(strict_types=1);

namespace Vietref;

use FFI;
use FFI\CData;

/**
 * A payment message draft (owns a vietref_message, freed by close() or the destructor).
 * Every field is optional until validate(), which reports what is missing or wrong. Setters
 * return the message for chaining. Text is UTF-8 (invalid bytes: VietrefException InvalidUtf8).
 */
final class Message extends Handle
{
    /** An empty draft, with the fields given set ($handle is internal: a draft made by fromJson()). */
    public function __construct(
        ?string $sector = null,
        ?string $payerName = null,
        ?string $beneficiaryName = null,
        ?string $reason = null,
        ?string $invoice = null,
        ?int $amount = null,
        ?CData $handle = null,
    ) {
        if ($handle === null) {
            $handle = Native::out('vietref_message');
            Native::check(Native::ffi()->vietref_message_new(FFI::addr($handle)), 'vietref_message_new');
        }
        parent::__construct($handle, 'vietref_message_free');
        if ($sector !== null) {
            $this->setSector($sector);
        }
        if ($payerName !== null) {
            $this->setPayerName($payerName);
        }
        if ($beneficiaryName !== null) {
            $this->setBeneficiaryName($beneficiaryName);
        }
        if ($reason !== null) {
            $this->setReason($reason);
        }
        if ($invoice !== null) {
            $this->setInvoice($invoice);
        }
        if ($amount !== null) {
            $this->setAmount($amount);
        }
    }

    /** A draft from the camelCase JSON object; VietrefException (MessageJsonInvalid) when it is not one. */
    public static function fromJson(string $json): self
    {
        $out = Native::out('vietref_message');
        Native::check(Native::ffi()->vietref_message_from_json($json, strlen($json), FFI::addr($out)), 'vietref_message_from_json');
        return new self(handle: $out);
    }

    private function set(string $fn, string $value): self
    {
        Native::check(Native::ffi()->$fn($this->live(), $value, strlen($value)), $fn);
        return $this;
    }

    /** "education" or "health". */
    public function setSector(string $value): self
    {
        return $this->set('vietref_message_set_sector', $value);
    }

    public function setPayerName(string $value): self
    {
        return $this->set('vietref_message_set_payer_name', $value);
    }

    public function setBeneficiaryName(string $value): self
    {
        return $this->set('vietref_message_set_beneficiary_name', $value);
    }

    public function setReason(string $value): self
    {
        return $this->set('vietref_message_set_reason', $value);
    }

    public function setInvoice(string $value): self
    {
        return $this->set('vietref_message_set_invoice', $value);
    }

    /** The amount in đồng (negative: ValueError; whether it is acceptable is for validate() to say). */
    public function setAmount(int $vnd): self
    {
        Native::check(Native::ffi()->vietref_message_set_amount($this->live(), Native::amount($vnd)), 'vietref_message_set_amount');
        return $this;
    }

    /**
     * Every finding and, when valid, the cleaned message. The draft is not changed.
     *
     * With $schemes, the institution's payment-code schemes ("HP:8,VP:10": PREFIX:LENGTH
     * items separated by commas or spaces), an invoice of a scheme's shape is a payment code,
     * normalized to its electronic form, whose check digits must verify. A malformed scheme
     * is VietrefException (Status::RefSchemesInvalid).
     */
    public function validate(?string $schemes = null): Report
    {
        if ($schemes === null) {
            return Native::report('vietref_message_validate', $this->live());
        }
        return Native::report('vietref_message_validate_schemes', $this->live(), $schemes, strlen($schemes));
    }

    /** The memo for $channel: Memo::render($this, $schemes, $channel, $budget). */
    public function memo(string $schemes, Channel|int $channel, int $budget = 0): MemoReport
    {
        return Memo::render($this, $schemes, $channel, $budget);
    }
}
