<?php

declare(strict_types=1);

namespace Vietref;

/**
 * How VietQr::decode reads a payload: Strict, or Lenient (also repairs whitespace, a lower-case CRC, one wrong length, each with a warning).
 * The values are the C constants VIETREF_VIETQR_*.
 */
enum VietQrMode: int
{
    case Strict = 1;
    case Lenient = 2;
}
