<?php

declare(strict_types=1);

namespace Vietref;

/**
 * How Reconciler::feedStatement() writes its results.
 * The values are the C constants VIETREF_RESULTS_*.
 */
enum ResultsFormat: int
{
    /** One JSON object per statement line (LineResult::$json), each ending in "\n". */
    case JsonLines = 1;
    /** CSV with a header row, the columns `vietref reconcile --format csv` writes, CRLF. */
    case Csv = 2;
}
