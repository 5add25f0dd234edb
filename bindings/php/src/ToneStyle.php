<?php

declare(strict_types=1);

namespace Vietref;

/**
 * Where tone marks go in open oa, oe, uy syllables: Traditional (hòa) or MainVowel (hoà).
 * The values are the C constants VIETREF_TONE_*.
 */
enum ToneStyle: int
{
    case Traditional = 1;
    case MainVowel = 2;
}
