<?php

declare(strict_types=1);

namespace Vietref;

use FFI;

/**
 * Vietnamese text operations: names, memo folding, matching keys, tone marks, lookalikes.
 * Text is UTF-8; invalid bytes are a VietrefException (InvalidUtf8).
 */
final class Text
{
    private function __construct()
    {
    }

    /**
     * The display form of a person's name ("  nguyễn   THỊ  minh " → "Nguyễn Thị Minh").
     * VietrefException (TextNameInvalid) when the name has an error finding; check() lists them.
     */
    public static function name(string $text): string
    {
        return Native::string('vietref_text_name', $text, strlen($text));
    }

    /** The ASCII memo form ("Nguyễn Văn Đức" → "NGUYEN VAN DUC"). */
    public static function fold(string $text): string
    {
        return Native::string('vietref_text_fold', $text, strlen($text));
    }

    /** The matching key: equal for texts that differ only in case, spacing, NFC/NFD, apostrophe or tone style. */
    public static function key(string $text): string
    {
        return Native::string('vietref_text_key', $text, strlen($text));
    }

    /** The text with its tone marks placed by $style. */
    public static function retone(string $text, ToneStyle|int $style = ToneStyle::Traditional): string
    {
        return Native::string('vietref_text_retone', $text, strlen($text), $style instanceof ToneStyle ? $style->value : $style);
    }

    /**
     * Checks a person's name: every normalization as a warning, every refused character as an
     * error with its position, the display form as the cleaned value.
     */
    public static function check(string $text, string $field = ''): Report
    {
        return Native::report('vietref_text_check', $text, strlen($text), $field, strlen($field));
    }

    /**
     * Checks free text (a payment reason, a note): every normalization as a warning, every
     * refused character (control, bidi, invisible, unusable) as an error with its position, a
     * warning for a word that mixes Latin letters with another script, the normalized text as
     * the cleaned value. Unlike check() (names), digits and punctuation are allowed.
     */
    public static function checkText(string $text, string $field = ''): Report
    {
        return Native::report('vietref_text_check_text', $text, strlen($text), $field, strlen($field));
    }

    /**
     * The confusable skeleton: equal for texts that look the same to a person (Latin "HOA" and
     * Cyrillic "НОА"; "rn" and "m"). Store the skeletons of registered payee names to find
     * look-alikes by an index look-up; comparePayeeName() tells a look-alike from the same name.
     * The form may change between library versions: rebuild stored skeletons after an upgrade.
     */
    public static function skeleton(string $text): string
    {
        return Native::string('vietref_text_skeleton', $text, strlen($text));
    }

    /** Whether two texts look the same to a person (Latin "HOA", Cyrillic "НОА"). */
    public static function looksLike(string $a, string $b): bool
    {
        $out = Native::ffi()->new('uint32_t');
        Native::check(Native::ffi()->vietref_text_looks_like($a, strlen($a), $b, strlen($b), FFI::addr($out)), 'vietref_text_looks_like');
        return $out->cdata === 1;
    }

    /** Same, Lookalike (a spoofing risk: never a match) or Different. */
    public static function comparePayeeName(string $shown, string $registered): NameComparison
    {
        $out = Native::ffi()->new('uint32_t');
        Native::check(
            Native::ffi()->vietref_text_compare_payee_name($shown, strlen($shown), $registered, strlen($registered), FFI::addr($out)),
            'vietref_text_compare_payee_name',
        );
        return NameComparison::from($out->cdata);
    }
}
