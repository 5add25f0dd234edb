<?php

declare(strict_types=1);

namespace Vietref;

/** What Legacy::encode() wrote (a copy): the bytes, and every character written as another one. */
final class Encoded
{
    /** @param list<Loss> $losses */
    public function __construct(
        /** The encoded bytes (they may include NUL). */
        public readonly string $bytes,
        /** Characters written as another one (only with an option that allows it). */
        public readonly array $losses,
    ) {
    }

    public function isLossless(): bool
    {
        return $this->losses === [];
    }

    public function __toString(): string
    {
        return $this->bytes;
    }
}
