<?php

declare(strict_types=1);

namespace Vietref;

/**
 * The fields VietQr::get reads, as they travel in the payload.
 * The values are the C constants VIETREF_VIETQR_FIELD_*.
 */
enum VietQrField: int
{
    case Initiation = 1;
    case BankBin = 2;
    case AccountNumber = 3;
    case Service = 4;
    case MerchantCategory = 5;
    case Currency = 6;
    case Amount = 7;
    case Country = 8;
    case MerchantName = 9;
    case MerchantCity = 10;
    case PostalCode = 11;
    case BillNumber = 12;
    case MobileNumber = 13;
    case StoreLabel = 14;
    case LoyaltyNumber = 15;
    case ReferenceLabel = 16;
    case CustomerLabel = 17;
    case TerminalLabel = 18;
    case Purpose = 19;
    case ConsumerDataRequest = 20;
    case Crc = 21;
}
