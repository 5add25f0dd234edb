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
        return $this->codePoint === null ? null : Native::utf8($this->codePoint);
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
