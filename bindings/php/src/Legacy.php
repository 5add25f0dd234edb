<?php

declare(strict_types=1);

namespace Vietref;

use FFI;

/**
 * Vietnamese legacy encodings: TCVN3 (ABC), VNI, VISCII, VPS, Windows-1258, VIQR, UTF-8 and
 * UTF-8 mojibake. Bytes are PHP strings of any bytes; text is UTF-8 (invalid UTF-8 text:
 * VietrefException with Status::InvalidUtf8). Nothing is ever replaced or dropped: a
 * refusal is a VietrefException (statuses 600-605) whose $detail says where and why and
 * whose $info is the library's explanation as an array.
 */
final class Legacy
{
    private const TCVN3_LOWER_CASE = 1; // VIETREF_LEGACY_TCVN3_LOWER_CASE

    private function __construct()
    {
    }

    /**
     * The text (NFC UTF-8) that $bytes hold in $encoding. A byte the encoding does not
     * define is Status::LegacyUndefinedByte; bytes that are not UTF-8 for Encoding::Utf8
     * Status::LegacyInvalidUtf8; a byte above 0x7F in VIQR Status::LegacyNotSevenBit; text
     * that is not mojibake for Encoding::Utf8AsCp1252 Status::LegacyNotMojibake.
     */
    public static function decode(string $bytes, Encoding|int $encoding): string
    {
        $enc = Native::value($encoding);
        $buf = Native::bytes($bytes);
        return Native::explained(
            fn () => self::explain(self::decodeError($bytes, $enc)),
            'vietref_legacy_decode', $buf, strlen($bytes), $enc,
        );
    }

    /**
     * Why decode() refuses $bytes: ['kind' => 'undefined_byte'|'invalid_utf8'|'not_seven_bit'|
     * 'not_mojibake', 'offset' (0-based, bytes), 'line' (1-based), 'byte' (null at the end),
     * 'message' (English)]; null when they decode.
     *
     * @return array<string, mixed>|null
     */
    public static function decodeError(string $bytes, Encoding|int $encoding): ?array
    {
        $json = Native::optionalString('vietref_legacy_decode_error', Native::bytes($bytes), strlen($bytes), Native::value($encoding));
        return $json === null ? null : json_decode($json, true, 512, JSON_THROW_ON_ERROR);
    }

    /**
     * $text (composed to NFC first) in $encoding. A character the encoding cannot hold is
     * Status::LegacyUnencodable; an upper-case toned letter in TCVN3 Status::LegacyTcvn3Capital,
     * unless $lossy (the library's VIETREF_LEGACY_TCVN3_LOWER_CASE, its only lossy option):
     * then it is written as the lower-case letter (what .VnTimeH documents stored) and listed
     * in Encoded::$losses.
     */
    public static function encode(string $text, Encoding|int $encoding, bool $lossy = false): Encoded
    {
        $ffi = Native::ffi();
        $enc = Native::value($encoding);
        $options = $lossy ? self::TCVN3_LOWER_CASE : 0;
        $out = Native::out('vietref_encoded');
        Native::check(
            $ffi->vietref_legacy_encode($text, strlen($text), $enc, $options, FFI::addr($out)),
            'vietref_legacy_encode',
            fn () => self::explain(self::encodeError($text, $enc, $lossy)),
        );
        try {
            $len = $ffi->vietref_encoded_len($out);
            $bytes = $len === 0 ? '' : FFI::string($ffi->vietref_encoded_bytes($out), $len);
            $n = $ffi->new('size_t');
            Native::check($ffi->vietref_encoded_loss_count($out, FFI::addr($n)), 'vietref_encoded_loss_count');
            $losses = [];
            $position = $ffi->new('size_t');
            $character = $ffi->new('uint32_t');
            $written = $ffi->new('uint32_t');
            for ($i = 0, $count = $n->cdata; $i < $count; $i++) {
                Native::check(
                    $ffi->vietref_encoded_loss($out, $i, FFI::addr($position), FFI::addr($character), FFI::addr($written)),
                    'vietref_encoded_loss',
                );
                $losses[] = new Loss($position->cdata, $character->cdata, $written->cdata);
            }
            return new Encoded($bytes, $losses);
        } finally {
            $ffi->vietref_encoded_free($out);
        }
    }

    /**
     * Why encode() refuses $text: ['kind' => 'unencodable'|'tcvn3_capital', 'character',
     * 'codePoint', 'position' (1-based, characters of the NFC text), 'line', 'message'
     * (English)]; null when it encodes.
     *
     * @return array<string, mixed>|null
     */
    public static function encodeError(string $text, Encoding|int $encoding, bool $lossy = false): ?array
    {
        $json = Native::optionalString(
            'vietref_legacy_encode_error', $text, strlen($text), Native::value($encoding), $lossy ? self::TCVN3_LOWER_CASE : 0,
        );
        return $json === null ? null : json_decode($json, true, 512, JSON_THROW_ON_ERROR);
    }

    /**
     * The encoding of $bytes (any bytes; never refused: bytes no encoding decodes come back
     * with confidence 0). With $declared (a file's metadata, a database column, the user)
     * that encoding is used whenever it decodes the bytes and reads about as well as the
     * best; the detection is then never ambiguous.
     */
    public static function detect(string $bytes, Encoding|int|null $declared = null): Detection
    {
        $ffi = Native::ffi();
        $out = Native::out('vietref_detection');
        $buf = Native::bytes($bytes);
        if ($declared === null) {
            Native::check($ffi->vietref_legacy_detect($buf, strlen($bytes), FFI::addr($out)), 'vietref_legacy_detect');
        } else {
            Native::check(
                $ffi->vietref_legacy_detect_declared($buf, strlen($bytes), Native::value($declared), FFI::addr($out)),
                'vietref_legacy_detect_declared',
            );
        }
        try {
            $u = $ffi->new('uint32_t');
            Native::check($ffi->vietref_detection_encoding($out, FFI::addr($u)), 'vietref_detection_encoding');
            $encoding = Encoding::from($u->cdata);
            Native::check($ffi->vietref_detection_confidence($out, FFI::addr($u)), 'vietref_detection_confidence');
            $confidence = $u->cdata;
            Native::check($ffi->vietref_detection_ambiguous($out, FFI::addr($u)), 'vietref_detection_ambiguous');
            $ambiguous = $u->cdata === 1;
            $n = $ffi->new('size_t');
            Native::check($ffi->vietref_detection_alternative_count($out, FFI::addr($n)), 'vietref_detection_alternative_count');
            $alternatives = [];
            $fit = $ffi->new('uint32_t');
            for ($i = 0, $count = $n->cdata; $i < $count; $i++) {
                Native::check(
                    $ffi->vietref_detection_alternative($out, $i, FFI::addr($u), FFI::addr($fit)),
                    'vietref_detection_alternative',
                );
                $alternatives[] = new Alternative(Encoding::from($u->cdata), $fit->cdata);
            }
            return new Detection($encoding, $confidence, $ambiguous, $alternatives, Native::string('vietref_detection_text', $out));
        } finally {
            $ffi->vietref_detection_free($out);
        }
    }

    /**
     * Repairs text that is UTF-8 read as Windows-1252 ("Nguyá»…n" → "Nguyễn", NFC); null when
     * $text is not such mojibake (keep it as it is).
     */
    public static function repairMojibake(string $text): ?string
    {
        return Native::optionalString('vietref_legacy_repair_mojibake', $text, strlen($text));
    }

    /** @param array<string, mixed>|null $error the library's explanation of a refusal */
    private static function explain(?array $error): array
    {
        return $error === null ? [] : ['en' => is_string($error['message'] ?? null) ? $error['message'] : null, 'info' => $error];
    }
}
