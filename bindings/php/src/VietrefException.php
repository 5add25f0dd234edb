<?php

declare(strict_types=1);

namespace Vietref;

/**
 * A vietref call returned a status other than VIETREF_OK. getCode() is the stable status
 * number, getMessage() the library's English description of the status, messageVi the
 * Vietnamese one.
 *
 * Where the library explains a particular refusal (a reference: References; legacy
 * encodings: Legacy), $detail says why in English (like "character '#' (U+0023) at
 * position 8 is not allowed"), $detailVi in Vietnamese when the library has it, and $info
 * holds the library's structured explanation (legacy encodings: kind, offset, line, byte or
 * character, codePoint, position). They are null otherwise.
 */
class VietrefException extends \RuntimeException
{
    /** @param array<string, mixed>|null $info */
    public function __construct(
        int $status,
        public readonly string $statusName,
        string $message,
        public readonly string $messageVi,
        public readonly string $context,
        public readonly ?string $detail = null,
        public readonly ?string $detailVi = null,
        public readonly ?array $info = null,
    ) {
        parent::__construct($message, $status);
    }

    /** The status as an enum case; null for a number of a newer library. */
    public function status(): ?Status
    {
        return Status::tryFrom($this->getCode());
    }

    public function __toString(): string
    {
        $detail = $this->detail === null ? '' : " ({$this->detail})";
        return static::class . ": {$this->context}: {$this->getMessage()}$detail ({$this->statusName} {$this->getCode()}; {$this->messageVi})";
    }
}
