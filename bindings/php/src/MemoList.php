<?php

declare(strict_types=1);

namespace Vietref;

/**
 * The field lists of a rendered memo (MemoReport::fields()).
 * The values are the C constants VIETREF_MEMO_*.
 */
enum MemoList: int
{
    /** The fields in the text, whole or cut, in template order. */
    case Included = 1;
    /** The fields of the message that are not in the text. */
    case Omitted = 2;
    /** The fields in the text that were cut (a subset of the included ones). */
    case Clipped = 3;
}
