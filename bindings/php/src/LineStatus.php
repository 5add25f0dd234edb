<?php

declare(strict_types=1);

namespace Vietref;

/**
 * What a statement line was found to be (LineResult::$status).
 * The values are the C constants VIETREF_LINE_*.
 */
enum LineStatus: int
{
    /** One code naming an open invoice, which is now paid in full. */
    case Paid = 0;
    /** One code naming an open invoice; some of it is still due. */
    case Partial = 1;
    /** One code naming an open invoice, now paid with more than was due. */
    case Overpaid = 2;
    /** One code naming an invoice already settled by earlier lines: a second payment. */
    case Duplicate = 3;
    /** One valid code that names no loaded invoice. */
    case UnknownCode = 4;
    /** Several distinct codes. */
    case Ambiguous = 5;
    /** No code; perhaps a suggestion for a person to confirm. */
    case Unmatched = 6;
}
