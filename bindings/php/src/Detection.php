<?php

declare(strict_types=1);

namespace Vietref;

/** What Legacy::detect() found (a copy). */
final class Detection
{
    /** @param list<Alternative> $alternatives */
    public function __construct(
        /** The detected encoding. */
        public readonly Encoding $encoding,
        /** The confidence that $text is the intended text, in per-mille (0-1000; plain ASCII 1000). */
        public readonly int $confidence,
        /** True when another reading with different text fits almost as well: $text is then a guess, ask the user. */
        public readonly bool $ambiguous,
        /** The other encodings that decode the sample, best first (also those that give the same text). */
        public readonly array $alternatives,
        /** The sample decoded with $encoding (NFC UTF-8); '' when no encoding decodes it. */
        public readonly string $text,
    ) {
    }
}
