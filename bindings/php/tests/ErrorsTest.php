<?php

declare(strict_types=1);

namespace Vietref\Tests;

use FFI;
use PHPUnit\Framework\TestCase;
use Vietref\Channel;
use Vietref\Encoding;
use Vietref\Lang;
use Vietref\LineStatus;
use Vietref\ResultsFormat;
use Vietref\StatementFormat;
use Vietref\MemoList;
use Vietref\NameComparison;
use Vietref\Native;
use Vietref\RefKind;
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
        return str_replace(['UTF_8', 'VIET_QR', 'E_INVOICE'], ['UTF8', 'VIETQR', 'EINVOICE'], $snake);
    }

    public function testEnumsMatchTheLibrarysConstants(): void
    {
        $ffi = Native::ffi(); // the constants as FFI read them from the header
        $enums = [
            Status::class => 'VIETREF_', Severity::class => 'VIETREF_SEVERITY_', ToneStyle::class => 'VIETREF_TONE_',
            NameComparison::class => 'VIETREF_NAME_', Lang::class => 'VIETREF_LANG_', VietQrMode::class => 'VIETREF_VIETQR_',
            VietQrField::class => 'VIETREF_VIETQR_FIELD_', RefKind::class => 'VIETREF_REF_', Channel::class => 'VIETREF_CHANNEL_',
            MemoList::class => 'VIETREF_MEMO_', Encoding::class => 'VIETREF_ENCODING_', LineStatus::class => 'VIETREF_LINE_',
            StatementFormat::class => 'VIETREF_STATEMENT_', ResultsFormat::class => 'VIETREF_RESULTS_',
        ];
        foreach ($enums as $enum => $prefix) {
            foreach ($enum::cases() as $case) {
                $name = $prefix . self::constant($case->name);
                $this->assertSame($ffi->$name, $case->value, $name);
            }
        }
        // the enums added with whole-file reconciliation have every constant of their header enum
        foreach ([StatementFormat::class => ['vietref_statement_format', 'VIETREF_STATEMENT_'],
            ResultsFormat::class => ['vietref_results_format', 'VIETREF_RESULTS_']] as $enum => [$cEnum, $prefix]) {
            preg_match('/enum ' . $cEnum . ' \{(.*?)\}/s', file_get_contents(Native::headerPath()), $block);
            preg_match_all('/(VIETREF_[A-Z0-9_]+)\s*=\s*(\d+)/', $block[1], $consts);
            $want = array_combine($consts[1], array_map('intval', $consts[2]));
            $here = [];
            foreach ($enum::cases() as $case) {
                $here[$prefix . self::constant($case->name)] = $case->value;
            }
            ksort($want);
            ksort($here);
            $this->assertSame($want, $here, $cEnum);
        }
        preg_match('/enum vietref_status \{(.*?)\}/s', file_get_contents(Native::headerPath()), $m);
        preg_match_all('/VIETREF_([A-Z0-9_]+)\s*=/', $m[1], $names);
        $here = array_map(fn (Status $s) => self::constant($s->name), Status::cases());
        sort($here);
        $inHeader = $names[1];
        sort($inHeader);
        $this->assertSame($inHeader, $here);
    }

    public function testTheNewStatusesNumbersAndNames(): void
    {
        $want = [
            300 => [Status::RefEmpty, 'VIETREF_REF_EMPTY'], 301 => [Status::RefInvalidChar, 'VIETREF_REF_INVALID_CHAR'],
            302 => [Status::RefInvalidLength, 'VIETREF_REF_INVALID_LENGTH'], 303 => [Status::RefInvalidPrefix, 'VIETREF_REF_INVALID_PREFIX'],
            304 => [Status::RefInvalidPart, 'VIETREF_REF_INVALID_PART'], 305 => [Status::RefInvalidChecksum, 'VIETREF_REF_INVALID_CHECKSUM'],
            306 => [Status::RefSchemesInvalid, 'VIETREF_REF_SCHEMES_INVALID'],
            600 => [Status::LegacyUndefinedByte, 'VIETREF_LEGACY_UNDEFINED_BYTE'], 601 => [Status::LegacyInvalidUtf8, 'VIETREF_LEGACY_INVALID_UTF8'],
            602 => [Status::LegacyNotSevenBit, 'VIETREF_LEGACY_NOT_SEVEN_BIT'], 603 => [Status::LegacyNotMojibake, 'VIETREF_LEGACY_NOT_MOJIBAKE'],
            604 => [Status::LegacyUnencodable, 'VIETREF_LEGACY_UNENCODABLE'], 605 => [Status::LegacyTcvn3Capital, 'VIETREF_LEGACY_TCVN3_CAPITAL'],
            700 => [Status::ReconcileAmountInvalid, 'VIETREF_RECONCILE_AMOUNT_INVALID'],
        ];
        foreach ($want as $n => [$case, $name]) {
            $this->assertSame($n, $case->value, $name);
            $this->assertSame($case, Status::from($n));
            $this->assertSame($name, Vietref::statusName($n));
            $e = Native::error($n, 'ctx');
            $this->assertSame($case, $e->status());
            $this->assertSame($name, $e->statusName);
            $this->assertNull($e->detail);
            $this->assertNull($e->info);
        }
        $this->assertSame('TCVN3 has no upper-case toned letters', Vietref::statusMessage(605, Lang::En));
        $this->assertSame('TCVN3 không có chữ hoa mang dấu thanh', Vietref::statusMessage(605, Lang::Vi));
        $this->assertSame('the amount is 0 or has more than 13 digits', Vietref::statusMessage(700, Lang::En));
        $this->assertSame('a payment-code scheme is not PREFIX:LENGTH', Vietref::statusMessage(306, Lang::En));
        $this->assertSame(0, LineStatus::Paid->value);
        $this->assertSame(6, LineStatus::Unmatched->value);
        $this->assertSame(7, Encoding::Utf8AsCp1252->value);
        $this->assertSame(1, Native::ffi()->VIETREF_LEGACY_TCVN3_LOWER_CASE, 'Legacy::TCVN3_LOWER_CASE');
    }

    public function testAnExplanationThatFailsLeavesNoDetail(): void
    {
        $e = Native::error(301, 'ctx', fn () => throw Native::error(2, 'inner'));
        $this->assertSame(Status::RefInvalidChar, $e->status());
        $this->assertNull($e->detail);
        $e = Native::error(301, 'ctx', fn () => ['en' => 'why', 'vi' => 'tại sao', 'info' => ['k' => 1]]);
        $this->assertSame(['why', 'tại sao', ['k' => 1]], [$e->detail, $e->detailVi, $e->info]);
        $this->assertStringContainsString('(why)', (string) $e);
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
