<?php

declare(strict_types=1);

namespace Vietref;

/**
 * The layout of a statement export given to Reconciler::feedStatement().
 * The values are the C constants VIETREF_STATEMENT_*.
 */
enum StatementFormat: int
{
    /** CSV with a header row (date,amount,content,reference[,counterName] by default, or the columns mapped). */
    case Csv = 1;
    /** One JSON object per line, in the shapes bank-notification services send. */
    case JsonLines = 2;
    /** A JSON array of such objects. */
    case Json = 3;
    /** An Excel 2007+ workbook (first sheet; the header row found past a preamble). */
    case Xlsx = 4;
    /** An Excel 97-2003 workbook (first sheet). */
    case Xls = 5;
}
