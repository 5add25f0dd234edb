<?php

declare(strict_types=1);

namespace Vietref;

/** A character Legacy::encode() wrote as another one because the options allowed it (a copy). */
final class Loss
{
    public function __construct(
        /** 1-based character position in the NFC text. */
        public readonly int $position,
        /** The code point of the text's character. */
        public readonly int $codePoint,
        /** The code point of the character written instead. */
        public readonly int $writtenCodePoint,
    ) {
    }

    /** The text's character (UTF-8). */
    public function character(): string
    {
        return Native::utf8($this->codePoint);
    }

    /** The character written instead (UTF-8). */
    public function written(): string
    {
        return Native::utf8($this->writtenCodePoint);
    }
}
