<?php

declare(strict_types=1);

namespace Vietref;

/**
 * A vietref call returned a status other than VIETREF_OK. getCode() is the stable status
 * number, getMessage() the library's English description, messageVi the Vietnamese one.
 */
class VietrefException extends \RuntimeException
{
    public function __construct(
        int $status,
        public readonly string $statusName,
        string $message,
        public readonly string $messageVi,
        public readonly string $context,
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
        return static::class . ": {$this->context}: {$this->getMessage()} ({$this->statusName} {$this->getCode()}; {$this->messageVi})";
    }
}
