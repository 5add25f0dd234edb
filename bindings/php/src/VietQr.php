<?php

declare(strict_types=1);

namespace Vietref;

use FFI;
use FFI\CData;

/**
 * A VietQR (NAPAS EMVCo) code's fields (owns a vietref_vietqr, freed by close() or the
 * destructor), and the VietQR operations: decode, build, encode, check the payee, banks.
 */
final class VietQr extends Handle
{
    /** @internal use VietQr::fromJson() or Report::toVietQr() */
    public function __construct(CData $out)
    {
        parent::__construct($out, 'vietref_vietqr_free');
    }

    /**
     * Reads a payload: every finding (field paths like "vietqr.38.01.01") and, when valid, the
     * decoded VietQR as the cleaned value (Report::cleaned(), Report::toVietQr()). Lenient by
     * default, as everywhere in vietref: a repair (surrounding whitespace, a lower-case CRC,
     * one wrong length) is a warning and the report stays valid; VietQrMode::Strict on
     * request makes every deviation an error.
     */
    public static function decode(string $payload, VietQrMode|int $mode = VietQrMode::Lenient): Report
    {
        return Native::report('vietref_vietqr_decode', $payload, strlen($payload), $mode instanceof VietQrMode ? $mode->value : $mode);
    }

    /**
     * From the JSON `vietref qr decode` prints (bankBin, accountNumber, amount, additionalData...;
     * "bank" may name the bank). VietrefException (VietQrJsonInvalid) when it cannot be read.
     */
    public static function fromJson(string $json): self
    {
        $out = Native::out('vietref_vietqr');
        Native::check(Native::ffi()->vietref_vietqr_from_json($json, strlen($json), FFI::addr($out)), 'vietref_vietqr_from_json');
        return new self($out);
    }

    /** fromJson() then encode(). */
    public static function encodeJson(string $json): Report
    {
        return Native::report('vietref_vietqr_encode_json', $json, strlen($json));
    }

    /**
     * A transfer code (service QRIBFTTA) to $account at the bank with BIN $bin; amount 0 makes
     * a static code. $bill (tag 62.01) and $purpose (62.08) must be ASCII, at most 25
     * characters (see Text::fold()). The report's cleanedText() is the payload.
     */
    public static function toAccount(string $bin, string $account, int $amount = 0, string $bill = '', string $purpose = ''): Report
    {
        return Native::report(
            'vietref_vietqr_to_account',
            $bin, strlen($bin), $account, strlen($account), Native::amount($amount),
            $bill, strlen($bill), $purpose, strlen($purpose),
        );
    }

    /**
     * The registry's entry for a bank (by BIN, short name, code or name):
     * ['bin' => ..., 'shortName' => ..., 'name' => ..., 'codes' => [...], 'kind' => ...]; null when none matches.
     *
     * @return array<string, mixed>|null
     */
    public static function bankLookup(string $query): ?array
    {
        $json = Native::optionalString('vietref_vietqr_bank_lookup', $query, strlen($query));
        return $json === null ? null : json_decode($json, true, 512, JSON_THROW_ON_ERROR);
    }

    /** CRC-16/CCITT-FALSE of any bytes (VietQR tag 63; "123456789" gives 0x29B1). */
    public static function crc16(string $bytes): int
    {
        $out = Native::ffi()->new('uint16_t');
        $n = strlen($bytes);
        $buf = Native::ffi()->new("uint8_t[" . max($n, 1) . "]");
        if ($n > 0) {
            FFI::memcpy($buf, $bytes, $n);
        }
        Native::check(Native::ffi()->vietref_vietqr_crc16($buf, $n, FFI::addr($out)), 'vietref_vietqr_crc16');
        return $out->cdata;
    }

    /**
     * The VietQR for a payment message to an institution's account (bank BIN $bin, account
     * $account). The draft is validated first knowing $schemes ("HP:8"; '' for none); the
     * purpose (62-08) is the message rendered for Channel::VietQr, the bill number (62-01)
     * the invoice code, the amount (54) the message's (a static code without one). The
     * findings are the message's, the rendering's losses, then the code's faults; when none
     * is an error, cleanedText() is the payload. A malformed scheme is VietrefException
     * (Status::RefSchemesInvalid). The arguments follow the C ABI
     * (vietref_vietqr_for_payment(message, schemes, bin, account)); named arguments welcome:
     * VietQr::forPayment($m, schemes: 'HP:8', bin: '970436', account: '0011001234567').
     */
    public static function forPayment(Message $message, string $schemes, string $bin, string $account): Report
    {
        return Native::report(
            'vietref_vietqr_for_payment',
            $message->handle(), $schemes, strlen($schemes), $bin, strlen($bin), $account, strlen($account),
        );
    }

    /**
     * The payment codes of $schemes and the RF references in the purpose (62-08) and bill
     * number (62-01), purpose first, each once; spans are byte offsets into the field the
     * code was found in.
     *
     * @return list<Candidate>
     */
    public function paymentCodes(string $schemes = ''): array
    {
        return Candidate::collect('vietref_vietqr_payment_codes', false, $this->live(), $schemes, strlen($schemes))[0];
    }

    /** The fields as JSON (the form fromJson() reads). */
    public function json(): string
    {
        return Native::string('vietref_vietqr_json', $this->live());
    }

    /** @return array<string, mixed> */
    public function toArray(): array
    {
        return json_decode($this->json(), true, 512, JSON_THROW_ON_ERROR);
    }

    /** One field as it travels in the payload; null when absent. */
    public function get(VietQrField|int $field): ?string
    {
        return Native::optionalString('vietref_vietqr_get', $this->live(), $field instanceof VietQrField ? $field->value : $field);
    }

    /** The amount in đồng; null for a static code. */
    public function amount(): ?int
    {
        $out = Native::ffi()->new('uint64_t');
        return Native::checkOptional(Native::ffi()->vietref_vietqr_amount($this->live(), FFI::addr($out)), 'vietref_vietqr_amount')
            ? $out->cdata : null;
    }

    /** Checks every field; when none fails the report's cleanedText() is the payload. */
    public function encode(): Report
    {
        return Native::report('vietref_vietqr_encode', $this->live());
    }

    /**
     * Checks that the code pays the registered payee: another BIN or account is an error, a
     * lookalike merchant name an error (spoofing), a different one a warning.
     */
    public function verifyPayee(string $bin, string $account, string $name): Report
    {
        return Native::report('vietref_vietqr_verify_payee', $this->live(), $bin, strlen($bin), $account, strlen($account), $name, strlen($name));
    }
}
