<?php

declare(strict_types=1);

namespace Vietref\Tests;

/** The shared vectors (tests/data) and the repository's header. */
final class TestData
{
    public static function repo(): string
    {
        return dirname(__DIR__, 3);
    }

    /** @return array<string, mixed> */
    public static function vectors(string $name): array
    {
        $dir = getenv('VIETREF_TEST_DATA') ?: self::repo() . '/tests/data';
        return json_decode(file_get_contents("$dir/$name"), true, 512, JSON_THROW_ON_ERROR);
    }

    public static function repoHeader(): string
    {
        return getenv('VIETREF_HEADER') ?: self::repo() . '/include/vietref_flat.h';
    }
}
