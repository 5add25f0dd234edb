<?php

declare(strict_types=1);

namespace Vietref;

/** The result for one statement line (Reconciler::feed()): a copy, it outlives the reconciler. */
final class LineResult
{
    public function __construct(
        public readonly LineStatus $status,
        /** The code of the invoice the line was applied to (electronic form); null unless Paid, Partial, Overpaid or Duplicate. */
        public readonly ?string $invoice,
        /** For an Unmatched line: the one open invoice a name and the exact amount point to (for a person to confirm; not applied). */
        public readonly ?string $suggestion,
        /** Why the line got its status, in English. */
        public readonly string $reason,
        /** Why the line got its status, in Vietnamese. */
        public readonly string $reasonVi,
        /** The whole result as the library's JSON (the line `vietref reconcile` writes): status, amounts, evidence... */
        public readonly string $json,
        /** For an Unmatched line: the one open invoice whose code is one digit changed (or two adjacent digits swapped) away from a code in the content whose check digits fail (a possible typo, for a person to confirm; not applied). */
        public readonly ?string $possibleTypo = null,
    ) {
    }

    /** The JSON decoded. @return array<string, mixed> */
    public function toArray(): array
    {
        return json_decode($this->json, true, 512, JSON_THROW_ON_ERROR);
    }

    public function __toString(): string
    {
        return strtolower($this->status->name) . ($this->invoice === null ? '' : " {$this->invoice}") . ": {$this->reason}";
    }
}
