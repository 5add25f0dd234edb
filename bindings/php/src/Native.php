<?php

declare(strict_types=1);

namespace Vietref;

use FFI;
use FFI\CData;

/**
 * The one place that touches the C ABI: loading libvietref through PHP FFI with
 * resources/vietref_flat.h (the preprocessor-free copy of include/vietref.h), turning status
 * codes into {@see VietrefException}, and copying owned strings out. Nothing here decides
 * anything about text or payments.
 *
 * Where the library comes from, in order: the environment variable VIETREF_LIB (a full path;
 * when set, nothing else is tried); the package: lib/<os>-<arch>/<file>, then lib/<file>;
 * the system's library search (the file name alone, as dlopen / LoadLibrary look it up).
 *
 * @internal
 */
final class Native
{
    public const ENV = 'VIETREF_LIB';
    public const ABI_MAJOR = 0;
    public const ABI_MINOR = 1;
    private const OK = 0;
    private const NO_VALUE = 7;

    private static ?FFI $ffi = null;
    /** vietref_string_ptr declared as returning bytes, so text with NUL bytes is read whole. */
    private static ?FFI $bytes = null;
    private static ?string $from = null;

    private function __construct()
    {
    }

    public static function fileName(): string
    {
        return match (PHP_OS_FAMILY) {
            'Windows' => 'vietref.dll',
            'Darwin' => 'libvietref.dylib',
            default => 'libvietref.so',
        };
    }

    public static function platform(): string
    {
        return strtolower(PHP_OS_FAMILY) . '-' . strtolower(php_uname('m'));
    }

    public static function headerPath(): string
    {
        return dirname(__DIR__) . '/resources/vietref_flat.h';
    }

    /** @return list<array{string, string}> (how, path) in the order they are tried */
    private static function candidates(): array
    {
        $env = getenv(self::ENV);
        if ($env !== false && $env !== '') {
            return [[self::ENV, $env]];
        }
        $root = dirname(__DIR__);
        return [
            ['package', $root . '/lib/' . self::platform() . '/' . self::fileName()],
            ['package', $root . '/lib/' . self::fileName()],
            ['system', self::fileName()],
        ];
    }

    public static function ffi(): FFI
    {
        if (self::$ffi === null) {
            self::load();
        }
        return self::$ffi;
    }

    /** Where the library was loaded from (a path, or the bare file name for the system search). */
    public static function loadedFrom(): string
    {
        self::ffi();
        return self::$from;
    }

    private static function load(): void
    {
        if (!extension_loaded('FFI')) {
            throw new LibraryNotFoundException('the PHP FFI extension is not loaded (php -d extension=ffi -d ffi.enable=1)');
        }
        $restricted = self::ffiRestriction();
        if ($restricted !== null) {
            throw new LibraryNotFoundException($restricted);
        }
        $header = file_get_contents(self::headerPath());
        if ($header === false) {
            throw new LibraryNotFoundException('cannot read ' . self::headerPath());
        }
        $tried = [];
        foreach (self::candidates() as [$how, $path]) {
            if ($how === 'package' && !is_file($path)) {
                $tried[] = "$how: $path (no such file)";
                continue;
            }
            try {
                $ffi = FFI::cdef($header, $path);
                $bytes = FFI::cdef('const uint8_t *vietref_string_ptr(const void *s);', $path);
            } catch (FFI\Exception $e) {
                $tried[] = ($how === self::ENV ? self::ENV . ': ' : "$how: ") . "$path ({$e->getMessage()})";
                continue;
            }
            $version = $ffi->vietref_version();
            $parts = explode('.', $version);
            if (count($parts) < 2 || (int) $parts[0] !== self::ABI_MAJOR || (int) $parts[1] !== self::ABI_MINOR) {
                $tried[] = "$how: $path (vietref $version; this package needs " . self::ABI_MAJOR . '.' . self::ABI_MINOR . '.x)';
                continue;
            }
            self::$ffi = $ffi;
            self::$bytes = $bytes;
            self::$from = $path;
            return;
        }
        foreach ($tried as $why) {
            if (str_contains($why, 'ffi.enable')) { // restricted in a way ffiRestriction() did not foresee
                throw new LibraryNotFoundException(self::restrictionMessage((string) ini_get('ffi.enable')) . "\n  " . $why);
            }
        }
        throw new LibraryNotFoundException(
            "cannot load the vietref native library; tried, in order:\n  " . implode("\n  ", $tried)
            . "\nSet " . self::ENV . ' to the full path of ' . self::fileName()
            . ' (built by `cargo build --lib` in target/debug or target/release).'
        );
    }

    /**
     * Why PHP will refuse FFI::cdef() here, or null when it allows it. `ffi.enable=preload`
     * (PHP's default, kept by Debian's php.ini for every SAPI) allows FFI only in the CLI and in code
     * preloaded by opcache.preload; under php-fpm, Apache's mod_php or `php -S` the library
     * could not be loaded whatever VIETREF_LIB says. `ffi.enable=0` refuses it everywhere.
     */
    public static function ffiRestriction(): ?string
    {
        $setting = strtolower(trim((string) ini_get('ffi.enable')));
        if ($setting === 'preload' && PHP_SAPI !== 'cli' && !self::preloaded()) {
            return self::restrictionMessage('preload');
        }
        if (in_array($setting, ['0', '', 'off', 'false', 'no'], true)) {
            return self::restrictionMessage($setting === '' ? '0' : $setting);
        }
        return null;
    }

    /** Whether this class was compiled by opcache.preload (FFI is then allowed under preload). */
    private static function preloaded(): bool
    {
        if (!function_exists('opcache_get_status')) {
            return false;
        }
        $status = @opcache_get_status(false);
        $classes = is_array($status) ? ($status['preload_statistics']['classes'] ?? []) : [];
        return in_array(self::class, $classes, true);
    }

    private static function restrictionMessage(string $setting): string
    {
        $sapi = PHP_SAPI;
        if ($setting === 'preload') {
            return "PHP FFI is restricted here: ffi.enable=preload (PHP's default, kept by Debian's php.ini) allows FFI "
                . "only in the CLI and in code preloaded by opcache, and this is the '$sapi' SAPI. "
                . "Set ffi.enable=1 in this SAPI's php.ini (for php-fpm: /etc/php/<version>/fpm/conf.d/), "
                . "or preload vietref: opcache.preload=<a script that compiles the package's src/*.php with "
                . "opcache_compile_file()> (with opcache.preload_user under php-fpm). VIETREF_LIB does not help here.";
        }
        return "PHP FFI is disabled: ffi.enable=$setting (the '$sapi' SAPI). Set ffi.enable=1 in php.ini "
            . "(or `php -d ffi.enable=1` on the command line), or ffi.enable=preload with the package preloaded "
            . "by opcache.preload. VIETREF_LIB does not help here.";
    }

    // ---- statuses: the one place where they become exceptions ----------------------------

    public static function statusName(int $status): ?string
    {
        return self::ffi()->vietref_status_name($status);
    }

    public static function statusMessage(int $status, Lang $lang): ?string
    {
        return self::ffi()->vietref_status_message($status, $lang->value);
    }

    /**
     * The exception for a status. $explain, when given, asks the library why this call failed
     * (a reference's or a legacy encoding's refusal): it returns
     * ['en' => ?string, 'vi' => ?string, 'info' => ?array]; when it fails itself (the call
     * failed for another reason), the exception simply has no detail.
     *
     * @param (\Closure(): array{en?: ?string, vi?: ?string, info?: ?array<string, mixed>})|null $explain
     */
    public static function error(int $status, string $context, ?\Closure $explain = null): VietrefException
    {
        $detail = [];
        if ($explain !== null) {
            try {
                $detail = $explain();
            } catch (VietrefException) {
                $detail = [];
            }
        }
        return new VietrefException(
            $status,
            self::statusName($status) ?? "VIETREF_STATUS_$status",
            self::statusMessage($status, Lang::En) ?? 'unknown status',
            self::statusMessage($status, Lang::Vi) ?? 'trạng thái không xác định',
            $context,
            $detail['en'] ?? null,
            $detail['vi'] ?? null,
            $detail['info'] ?? null,
        );
    }

    /**
     * Throws {@see VietrefException} unless $status is VIETREF_OK ($explain: see {@see error}).
     */
    public static function check(int $status, string $context, ?\Closure $explain = null): void
    {
        if ($status !== self::OK) {
            throw self::error($status, $context, $explain);
        }
    }

    /** True on VIETREF_OK, false on VIETREF_NO_VALUE (an absent optional value); throws otherwise. */
    public static function checkOptional(int $status, string $context): bool
    {
        if ($status === self::NO_VALUE) {
            return false;
        }
        self::check($status, $context);
        return true;
    }

    // ---- marshalling -------------------------------------------------------------------------

    /** A new, empty out-parameter for a handle type (`vietref_string`, `vietref_report`...). */
    public static function out(string $type): CData
    {
        return self::ffi()->new("$type*");
    }

    /** Copies an owned vietref_string out (bytes exactly, NUL included) and frees it. */
    public static function take(CData $s): string
    {
        $ffi = self::ffi();
        try {
            $n = $ffi->vietref_string_len($s);
            return $n === 0 ? '' : FFI::string(self::$bytes->vietref_string_ptr($s), $n);
        } finally {
            $ffi->vietref_string_free($s);
        }
    }

    /** Calls a function whose last parameter is `vietref_string **out` and returns the text. */
    public static function string(string $fn, mixed ...$args): string
    {
        return self::explained(null, $fn, ...$args);
    }

    /** As {@see string}; a failure's exception carries what $explain says (see {@see error}). */
    public static function explained(?\Closure $explain, string $fn, mixed ...$args): string
    {
        $out = self::out('vietref_string');
        self::check(self::ffi()->$fn(...[...$args, FFI::addr($out)]), $fn, $explain);
        return self::take($out);
    }

    /** As {@see string}; null on VIETREF_NO_VALUE. */
    public static function optionalString(string $fn, mixed ...$args): ?string
    {
        $out = self::out('vietref_string');
        if (!self::checkOptional(self::ffi()->$fn(...[...$args, FFI::addr($out)]), $fn)) {
            return null;
        }
        return self::take($out);
    }

    /** Calls a function whose last parameter is `vietref_report **report_out`. */
    public static function report(string $fn, mixed ...$args): Report
    {
        $out = self::out('vietref_report');
        self::check(self::ffi()->$fn(...[...$args, FFI::addr($out)]), $fn);
        return new Report($out);
    }

    /** The C uint64_t an amount must fit. */
    public static function amount(int $vnd): int
    {
        return self::unsigned($vnd, 'amount');
    }

    /** A C uint64_t / size_t argument: PHP's int, not negative (ValueError otherwise). */
    public static function unsigned(int $value, string $what): int
    {
        if ($value < 0) {
            throw new \ValueError("$what must not be negative: $value");
        }
        return $value;
    }

    /** A copy of any bytes in a C uint8_t array, for `const uint8_t *` parameters (pass strlen as the length). */
    public static function bytes(string $bytes): CData
    {
        $n = strlen($bytes);
        $buf = self::ffi()->new('uint8_t[' . max($n, 1) . ']');
        if ($n > 0) {
            FFI::memcpy($buf, $bytes, $n);
        }
        return $buf;
    }

    /** An enum case's value, or the number itself (a number of a newer library). */
    public static function value(\BackedEnum|int $value): int
    {
        return $value instanceof \BackedEnum ? (int) $value->value : $value;
    }

    /** The UTF-8 of a code point (for the characters the library reports as numbers). */
    public static function utf8(int $c): string
    {
        return match (true) {
            $c < 0x80 => chr($c),
            $c < 0x800 => chr(0xC0 | $c >> 6) . chr(0x80 | $c & 0x3F),
            $c < 0x10000 => chr(0xE0 | $c >> 12) . chr(0x80 | $c >> 6 & 0x3F) . chr(0x80 | $c & 0x3F),
            default => chr(0xF0 | $c >> 18) . chr(0x80 | $c >> 12 & 0x3F) . chr(0x80 | $c >> 6 & 0x3F) . chr(0x80 | $c & 0x3F),
        };
    }
}
