<?php

declare(strict_types=1);

namespace Vietref;

/** The loaded native library. */
final class Vietref
{
    private function __construct()
    {
    }

    /** The library's version, like "0.1.0". */
    public static function version(): string
    {
        return Native::ffi()->vietref_version();
    }

    /** Where the library was loaded from (a path, or the bare file name for the system search). */
    public static function loadedFrom(): string
    {
        return Native::loadedFrom();
    }

    /** "VIETREF_NULL_ARGUMENT" for 1; null for a number that is not a status. */
    public static function statusName(int $status): ?string
    {
        return Native::statusName($status);
    }

    /** The library's description of a status in English or Vietnamese. */
    public static function statusMessage(int $status, Lang $lang): ?string
    {
        return Native::statusMessage($status, $lang);
    }
}
