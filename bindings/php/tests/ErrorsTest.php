<?php

declare(strict_types=1);

namespace Vietref\Tests;

use FFI;
use PHPUnit\Framework\TestCase;
use Vietref\Lang;
use Vietref\NameComparison;
use Vietref\Native;
use Vietref\Severity;
use Vietref\Status;
use Vietref\Text;
use Vietref\ToneStyle;
use Vietref\VietQrField;
use Vietref\VietQrMode;
use Vietref\VietrefException;
use Vietref\Vietref;

/** Statuses become VietrefException in one place; the enums match the header; the header copy is fresh. */
final class ErrorsTest extends TestCase
{
    public function testNullPointerWithLengthBecomesNullArgument(): void
    {
        $out = Native::out('vietref_string');
        $st = Native::ffi()->vietref_text_fold(null, 5, FFI::addr($out));
        $this->assertSame(1, $st);
        $this->assertTrue(FFI::isNull($out), 'out-parameter untouched');
        try {
            Native::check($st, 'vietref_text_fold');
            $this->fail();
        } catch (VietrefException $e) {
            $this->assertSame(Status::NullArgument, $e->status());
            $this->assertSame('VIETREF_NULL_ARGUMENT', $e->statusName);
            $this->assertSame(Vietref::statusMessage(1, Lang::En), $e->getMessage());
            $this->assertSame(Vietref::statusMessage(1, Lang::Vi), $e->messageVi);
            $this->assertNotSame($e->getMessage(), $e->messageVi);
            $this->assertSame('vietref_text_fold', $e->context);
            $this->assertStringContainsString('VIETREF_NULL_ARGUMENT', (string) $e);
        }
        $unknown = Native::error(9999, 'x');
        $this->assertSame(9999, $unknown->getCode());
        $this->assertNull($unknown->status());
        $this->assertSame('VIETREF_STATUS_9999', $unknown->statusName);
    }

    public function testUnknownToneStyleIsInvalidArgument(): void
    {
        try {
            Text::retone('Hòa', 9);
            $this->fail();
        } catch (VietrefException $e) {
            $this->assertSame(Status::InvalidArgument, $e->status());
        }
    }

    public function testEveryStatusHasANameAndBothMessages(): void
    {
        foreach (Status::cases() as $s) {
            $this->assertNotNull(Vietref::statusName($s->value));
            $this->assertNotEmpty(Vietref::statusMessage($s->value, Lang::En));
            $this->assertNotEmpty(Vietref::statusMessage($s->value, Lang::Vi));
        }
        $this->assertNull(Vietref::statusName(9999));
    }

    private static function constant(string $case): string
    {
        $snake = strtoupper(preg_replace('/(?<=[a-z0-9])([A-Z])/', '_$1', $case));
        return str_replace(['UTF_8', 'VIET_QR'], ['UTF8', 'VIETQR'], $snake);
    }

    public function testEnumsMatchTheLibrarysConstants(): void
    {
        $ffi = Native::ffi(); // the constants as FFI read them from the header
        $enums = [
            Status::class => 'VIETREF_', Severity::class => 'VIETREF_SEVERITY_', ToneStyle::class => 'VIETREF_TONE_',
            NameComparison::class => 'VIETREF_NAME_', Lang::class => 'VIETREF_LANG_', VietQrMode::class => 'VIETREF_VIETQR_',
            VietQrField::class => 'VIETREF_VIETQR_FIELD_',
        ];
        foreach ($enums as $enum => $prefix) {
            foreach ($enum::cases() as $case) {
                $name = $prefix . self::constant($case->name);
                $this->assertSame($ffi->$name, $case->value, $name);
            }
        }
        preg_match('/enum vietref_status \{(.*?)\}/s', file_get_contents(Native::headerPath()), $m);
        preg_match_all('/VIETREF_([A-Z0-9_]+)\s*=/', $m[1], $names);
        $here = array_map(fn (Status $s) => self::constant($s->name), Status::cases());
        sort($here);
        $inHeader = $names[1];
        sort($inHeader);
        $this->assertSame($inHeader, $here);
    }

    public function testThePackagedHeaderIsTheRepositorysHeader(): void
    {
        $repo = TestData::repoHeader();
        if (!is_file($repo)) {
            $this->markTestSkipped('not inside the repository');
        }
        $this->assertSame(
            file_get_contents($repo),
            file_get_contents(Native::headerPath()),
            'bindings/php/resources/vietref_flat.h is stale: cp include/vietref_flat.h bindings/php/resources/',
        );
    }
}
