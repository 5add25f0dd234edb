<?php

declare(strict_types=1);

namespace Vietref;

/**
 * How serious a finding is: Warning (changed or doubtful, usable) or Error (unusable).
 * The values are the C constants VIETREF_SEVERITY_*.
 */
enum Severity: int
{
    case Warning = 1;
    case Error = 2;
}
