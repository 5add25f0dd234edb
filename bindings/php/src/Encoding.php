<?php

declare(strict_types=1);

namespace Vietref;

use FFI;

/**
 * The encodings vietref reads and writes (Legacy).
 * The values are the C constants VIETREF_ENCODING_*.
 */
enum Encoding: int
{
    /** UTF-8 (decoding drops a byte-order mark and composes to NFC). */
    case Utf8 = 0;
    /** TCVN3 (TCVN 5712:1993 VN3, ABC, the .VnTime fonts); no upper-case toned letters. */
    case Tcvn3 = 1;
    /** VNI-Win (the VNI-Times fonts). */
    case Vni = 2;
    /** VISCII (RFC 1456). */
    case Viscii = 3;
    /** VPS. */
    case Vps = 4;
    /** Windows-1258. */
    case Cp1258 = 5;
    /** VIQR (RFC 1456): 7-bit ASCII mnemonics, "Nguye^~n". */
    case Viqr = 6;
    /** UTF-8 read as Windows-1252 and written again as UTF-8 (mojibake); decoding repairs it. */
    case Utf8AsCp1252 = 7;

    /** The library's name: "tcvn3", "vni", "viscii", "vps", "cp1258", "viqr", "utf8", "utf8-as-cp1252". */
    public function label(): string
    {
        return Native::ffi()->vietref_legacy_encoding_name($this->value)
            ?? throw new \LogicException("the library has no name for encoding {$this->value}");
    }

    /**
     * The encoding the library knows by this name: label()'s names and common aliases
     * ("abc", "vni-win", "windows-1258", "utf-8", "mojibake"), any case; null for an unknown
     * name. Invalid UTF-8: VietrefException (InvalidUtf8).
     */
    public static function fromLabel(string $name): ?self
    {
        $out = Native::ffi()->new('uint32_t');
        $st = Native::ffi()->vietref_legacy_encoding_from_name($name, strlen($name), FFI::addr($out));
        return Native::checkOptional($st, 'vietref_legacy_encoding_from_name') ? self::from($out->cdata) : null;
    }
}
