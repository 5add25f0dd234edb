<?php

declare(strict_types=1);

namespace Vietref;

use FFI;
use FFI\CData;

/**
 * A validation report (owns a vietref_report, freed by close() or the destructor): every
 * finding, and the cleaned value when valid. Findings are read once and cached.
 *
 * @implements \IteratorAggregate<int, Finding>
 */
class Report extends Handle implements \Countable, \IteratorAggregate
{
    /** @var list<Finding>|null */
    private ?array $findings = null;

    /** @internal */
    public function __construct(CData $out)
    {
        parent::__construct($out, 'vietref_report_free');
    }

    /** True when no finding is an error (the report then has a cleaned value). */
    public function isValid(): bool
    {
        $v = Native::ffi()->new('uint32_t');
        Native::check(Native::ffi()->vietref_report_valid($this->live(), FFI::addr($v)), 'vietref_report_valid');
        return $v->cdata === 1;
    }

    public function count(): int
    {
        $n = Native::ffi()->new('size_t');
        Native::check(Native::ffi()->vietref_report_count($this->live(), FFI::addr($n)), 'vietref_report_count');
        return $n->cdata;
    }

    /** @return list<Finding> every finding, errors and warnings, in the library's order */
    public function findings(): array
    {
        if ($this->findings === null) {
            $this->findings = [];
            for ($i = 0, $n = $this->count(); $i < $n; $i++) {
                $this->findings[] = $this->finding($i);
            }
        }
        return $this->findings;
    }

    /** @return list<Finding> */
    public function errors(): array
    {
        return array_values(array_filter($this->findings(), fn (Finding $f) => $f->isError()));
    }

    /** @return list<Finding> */
    public function warnings(): array
    {
        return array_values(array_filter($this->findings(), fn (Finding $f) => !$f->isError()));
    }

    public function getIterator(): \ArrayIterator
    {
        return new \ArrayIterator($this->findings());
    }

    /** The whole report as the library's JSON. */
    public function json(): string
    {
        return Native::string('vietref_report_json', $this->live());
    }

    /** The cleaned value as JSON (a message object, a JSON string for a name); null when invalid. */
    public function cleanedJson(): ?string
    {
        return Native::optionalString('vietref_report_cleaned_json', $this->live());
    }

    /** The cleaned value decoded from JSON (an array for a message, a string for a name); null when invalid. */
    public function cleaned(): mixed
    {
        $json = $this->cleanedJson();
        return $json === null ? null : json_decode($json, true, 512, JSON_THROW_ON_ERROR);
    }

    /**
     * The cleaned value as plain text, for reports whose value is a text (a name's display
     * form, a VietQR payload); null when invalid. Throws VietrefException (WrongKind) for a
     * report whose value is not a text.
     */
    public function cleanedText(): ?string
    {
        return Native::optionalString('vietref_report_cleaned_text', $this->live());
    }

    /**
     * The decoded VietQR of a report of VietQr::decode or VietQr::verifyPayee (a copy: the
     * report stays usable); null when invalid. Throws VietrefException (WrongKind) for another
     * kind of report.
     */
    public function toVietQr(): ?VietQr
    {
        $out = Native::out('vietref_vietqr');
        if (!Native::checkOptional(Native::ffi()->vietref_vietqr_from_report($this->live(), FFI::addr($out)), 'vietref_vietqr_from_report')) {
            return null;
        }
        return new VietQr($out);
    }

    private function finding(int $i): Finding
    {
        $ffi = Native::ffi();
        $r = $this->live();
        $u32 = $ffi->new('uint32_t');
        Native::check($ffi->vietref_report_finding_severity($r, $i, FFI::addr($u32)), 'vietref_report_finding_severity');
        $severity = Severity::from($u32->cdata);
        Native::check($ffi->vietref_report_finding_code($r, $i, FFI::addr($u32)), 'vietref_report_finding_code');
        $code = $u32->cdata;
        $size = $ffi->new('size_t');
        $position = Native::checkOptional($ffi->vietref_report_finding_position($r, $i, FFI::addr($size)), 'vietref_report_finding_position')
            ? $size->cdata : null;
        $codePoint = Native::checkOptional($ffi->vietref_report_finding_char($r, $i, FFI::addr($u32)), 'vietref_report_finding_char')
            ? $u32->cdata : null;
        return new Finding(
            $severity,
            Native::string('vietref_report_finding_field', $r, $i),
            $code,
            Native::string('vietref_report_finding_code_key', $r, $i),
            Native::string('vietref_report_finding_message', $r, $i, Lang::En->value),
            Native::string('vietref_report_finding_message', $r, $i, Lang::Vi->value),
            $position,
            $codePoint,
        );
    }
}
