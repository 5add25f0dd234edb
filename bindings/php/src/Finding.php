<?php

declare(strict_types=1);

namespace Vietref;

/** One finding of a report (a copy: it outlives the report). */
final class Finding
{
    public function __construct(
        public readonly Severity $severity,
        /** Field path, like "payerName" (empty for a text checked without one). */
        public readonly string $field,
        /** Stable finding number, like 200. */
        public readonly int $code,
        /** Stable finding key, like "name.digit". */
        public readonly string $key,
        /** English message, parameters filled in. */
        public readonly string $message,
        /** Vietnamese message, parameters filled in. */
        public readonly string $messageVi,
        /** 1-based character position, if the finding has one. */
        public readonly ?int $position,
        /** Code point of the character concerned, if any. */
        public readonly ?int $codePoint,
    ) {
    }

    /** The character concerned (UTF-8), if any. */
    public function character(): ?string
    {
        $c = $this->codePoint;
        return match (true) {
            $c === null => null,
            $c < 0x80 => chr($c),
            $c < 0x800 => chr(0xC0 | $c >> 6) . chr(0x80 | $c & 0x3F),
            $c < 0x10000 => chr(0xE0 | $c >> 12) . chr(0x80 | $c >> 6 & 0x3F) . chr(0x80 | $c & 0x3F),
            default => chr(0xF0 | $c >> 18) . chr(0x80 | $c >> 12 & 0x3F) . chr(0x80 | $c >> 6 & 0x3F) . chr(0x80 | $c & 0x3F),
        };
    }

    public function isError(): bool
    {
        return $this->severity === Severity::Error;
    }

    public function __toString(): string
    {
        return strtolower($this->severity->name) . " {$this->field} [{$this->key} {$this->code}] {$this->message}";
    }
}
