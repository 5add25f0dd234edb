<?php

declare(strict_types=1);

namespace Vietref;

use FFI;

/**
 * References: vietref payment codes (RefKind::Code), ISO 11649 RF creditor references,
 * e-invoice identifiers and tax codes. Values may be written in any form (spaces, hyphens,
 * dots, any case). Every function takes the kind first, then the value: the C ABI's order
 * (References::validate(RefKind::Code, 'HP7184097674')).
 *
 * A refusal is a VietrefException whose status says what is wrong (Status::RefEmpty,
 * RefInvalidChar, RefInvalidLength, RefInvalidPrefix, RefInvalidPart, RefInvalidChecksum) and
 * whose $detail / $detailVi say it in words with the position and character, as
 * validationMessage() / creationMessage() do. A kind a verb does not take is
 * Status::InvalidArgument; invalid UTF-8 Status::InvalidUtf8.
 */
final class References
{
    private function __construct()
    {
    }

    /**
     * A new reference in its compact electronic form: for RefKind::Code the payment code with
     * $prefix (2-5 letters, no O, I, L) and $body (6-12 digits), check digits added
     * ("HP", "71840976" → "HP7184097674"); for RefKind::Rf the creditor reference for $body
     * (1-21 letters or digits; $prefix must be empty): creditorReference().
     */
    public static function create(RefKind|int $kind, string $prefix, string $body): string
    {
        $k = Native::value($kind);
        return Native::explained(
            fn () => self::explain(fn (Lang $l) => self::creationMessage($k, $prefix, $body, $l)),
            'vietref_ref_create', $k, $prefix, strlen($prefix), $body, strlen($body),
        );
    }

    /** The ISO 11649 creditor reference for $body ("539007547034" → "RF18539007547034"). */
    public static function creditorReference(string $body): string
    {
        return self::create(RefKind::Rf, '', $body);
    }

    /** Why create() refuses these arguments, in $lang; null when it accepts them. */
    public static function creationMessage(RefKind|int $kind, string $prefix, string $body, Lang $lang = Lang::En): ?string
    {
        return Native::optionalString(
            'vietref_ref_create_message', Native::value($kind), $prefix, strlen($prefix), $body, strlen($body), $lang->value,
        );
    }

    /** The compact electronic form of a valid reference ("hp 7184 0976 74" → "HP7184097674"). */
    public static function validate(RefKind|int $kind, string $value): string
    {
        return self::verb('vietref_ref_validate', $value, $kind);
    }

    /** Why validate() refuses $value, in $lang; null when the value is valid. */
    public static function validationMessage(RefKind|int $kind, string $value, Lang $lang = Lang::En): ?string
    {
        return Native::optionalString('vietref_ref_validate_message', Native::value($kind), $value, strlen($value), $lang->value);
    }

    /**
     * The printed form of a valid reference: "HP 7184 0976 74", "RF18 5390 0754 7034",
     * "1C24TAA-00001234", "0100233488-001". Refuses what validate() refuses.
     */
    public static function format(RefKind|int $kind, string $value): string
    {
        return self::verb('vietref_ref_format', $value, $kind);
    }

    /**
     * The compact form (separators removed, letters upper-cased) without checking the check
     * digits ("hp 7184-0976.75" → "HP7184097675"). Refuses only an empty value and characters
     * that are not letters, digits or separators (an e-invoice: what validate() refuses).
     */
    public static function compact(RefKind|int $kind, string $value): string
    {
        return self::verb('vietref_ref_compact', $value, $kind);
    }

    /** Whether $value is a valid reference of $kind (never a refusal; an unknown kind or invalid UTF-8 throws). */
    public static function isValid(RefKind|int $kind, string $value): bool
    {
        $out = Native::ffi()->new('uint32_t');
        Native::check(
            Native::ffi()->vietref_ref_is_valid(Native::value($kind), $value, strlen($value), FFI::addr($out)),
            'vietref_ref_is_valid',
        );
        return $out->cdata === 1;
    }

    private static function verb(string $fn, string $value, RefKind|int $kind): string
    {
        $k = Native::value($kind);
        return Native::explained(
            fn () => self::explain(fn (Lang $l) => self::validationMessage($k, $value, $l)),
            $fn, $k, $value, strlen($value),
        );
    }

    /** @param \Closure(Lang): ?string $message */
    private static function explain(\Closure $message): array
    {
        return ['en' => $message(Lang::En), 'vi' => $message(Lang::Vi)];
    }
}
