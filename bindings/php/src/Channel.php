<?php

declare(strict_types=1);

namespace Vietref;

/**
 * Where a memo travels (its character set and length budget): Memo::render().
 * The values are the C constants VIETREF_CHANNEL_*.
 */
enum Channel: int
{
    /** VietQR tag 62-08, purpose of transaction: 25 characters. */
    case VietQr = 1;
    /** VietQR tag 62-01, bill number: 25 characters, the invoice code only. */
    case VietQrBill = 2;
    /** Interbank transfer content (NAPAS 247): 140 characters. */
    case Transfer = 3;
    /** Mobile Money transfer note: 50 characters. */
    case MobileMoney = 4;
    /** Card payment reference at a POS: 25 characters, the invoice code only. */
    case Pos = 5;
    /** ISO 20022 RmtInf/Ustrd: 140 characters; the cleaned JSON also has the <RmtInf> XML. */
    case Iso20022 = 6;
}
