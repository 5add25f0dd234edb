<?php

declare(strict_types=1);

namespace Vietref;

/**
 * Result of Text::comparePayeeName; Lookalike is a spoofing risk, never a match.
 * The values are the C constants VIETREF_NAME_*.
 */
enum NameComparison: int
{
    case Same = 1;
    case Lookalike = 2;
    case Different = 3;
}
