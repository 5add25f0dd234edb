<?php

declare(strict_types=1);

namespace Vietref;

/**
 * Status codes (vietref_status); a test checks them against the header. A newer library may return numbers not listed here.
 * The values are the C constants VIETREF_*.
 */
enum Status: int
{
    case Ok = 0;
    case NullArgument = 1;
    case InvalidUtf8 = 2;
    case InsufficientSize = 3;
    case Panic = 4;
    case InvalidArgument = 5;
    case IndexOutOfRange = 6;
    case NoValue = 7;
    case InternalError = 8;
    case WrongKind = 9;
    case TextNameInvalid = 100;
    case MessageJsonInvalid = 200;
    case RefEmpty = 300;
    case RefInvalidChar = 301;
    case RefInvalidLength = 302;
    case RefInvalidPrefix = 303;
    case RefInvalidPart = 304;
    case RefInvalidChecksum = 305;
    case RefSchemesInvalid = 306;
    case VietQrJsonInvalid = 500;
    case LegacyUndefinedByte = 600;
    case LegacyInvalidUtf8 = 601;
    case LegacyNotSevenBit = 602;
    case LegacyNotMojibake = 603;
    case LegacyUnencodable = 604;
    case LegacyTcvn3Capital = 605;
    case ReconcileAmountInvalid = 700;
}
