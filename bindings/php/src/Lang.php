<?php

declare(strict_types=1);

namespace Vietref;

/**
 * Language of messages.
 * The values are the C constants VIETREF_LANG_*.
 */
enum Lang: int
{
    case En = 1;
    case Vi = 2;
}
