<?php

declare(strict_types=1);

namespace Vietref;

/**
 * The kind of a reference (References, Candidate::$kind).
 * The values are the C constants VIETREF_REF_*.
 */
enum RefKind: int
{
    /** A vietref payment code: prefix, 6-12 digit body, two check digits (HP7184097674). */
    case Code = 1;
    /** An ISO 11649 creditor reference (RF18539007547034). */
    case Rf = 2;
    /** A Vietnamese e-invoice identifier (1C24TAA1234); no create. */
    case EInvoice = 3;
    /** A Vietnamese tax code, mã số thuế (0100233488); no create. */
    case Mst = 4;
    /** An institution's own code; no verb takes it. */
    case Opaque = 5;
}
