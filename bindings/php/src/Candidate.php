<?php

declare(strict_types=1);

namespace Vietref;

use FFI;
use FFI\CData;

/**
 * A payment code or RF reference found in a text (Memo::extract(), VietQr::paymentCodes()):
 * a copy, it outlives the search. Its check digits verify.
 */
final class Candidate
{
    public function __construct(
        /** The code in its compact electronic form, like "HP7184097674". */
        public readonly string $code,
        /** RefKind::Code or RefKind::Rf. */
        public readonly RefKind $kind,
        /** Byte offset into the searched text (UTF-8) of the code's first character. */
        public readonly int $start,
        /** Byte offset just after the code's last character (separators the bank inserted may lie between). */
        public readonly int $end,
    ) {
    }

    /** The code as it is written in the searched text (substr($text, start, end - start)). */
    public function in(string $text): string
    {
        return substr($text, $this->start, $this->end - $this->start);
    }

    public function __toString(): string
    {
        return $this->code;
    }

    /**
     * Calls $fn, whose last parameter is `vietref_candidates **`, and copies the candidates
     * (with the JSON when $json) before freeing the handle.
     *
     * @internal
     * @return array{list<Candidate>, ?string}
     */
    public static function collect(string $fn, bool $json, mixed ...$args): array
    {
        $ffi = Native::ffi();
        $out = Native::out('vietref_candidates');
        Native::check($ffi->$fn(...[...$args, FFI::addr($out)]), $fn);
        try {
            $n = $ffi->new('size_t');
            Native::check($ffi->vietref_candidates_count($out, FFI::addr($n)), 'vietref_candidates_count');
            $list = [];
            $kind = $ffi->new('uint32_t');
            $start = $ffi->new('size_t');
            $end = $ffi->new('size_t');
            for ($i = 0, $count = $n->cdata; $i < $count; $i++) {
                Native::check($ffi->vietref_candidates_kind($out, $i, FFI::addr($kind)), 'vietref_candidates_kind');
                Native::check(
                    $ffi->vietref_candidates_span($out, $i, FFI::addr($start), FFI::addr($end)),
                    'vietref_candidates_span',
                );
                $list[] = new self(
                    Native::string('vietref_candidates_code', $out, $i),
                    RefKind::from($kind->cdata),
                    $start->cdata,
                    $end->cdata,
                );
            }
            return [$list, $json ? Native::string('vietref_candidates_json', $out) : null];
        } finally {
            $ffi->vietref_candidates_free($out);
        }
    }
}
