<?php

declare(strict_types=1);

namespace Vietref;

/** Another encoding that decodes a detected sample (Detection::$alternatives). */
final class Alternative
{
    public function __construct(
        public readonly Encoding $encoding,
        /** How well that reading parses as Vietnamese, in per-mille (0-1000). */
        public readonly int $fit,
    ) {
    }
}
