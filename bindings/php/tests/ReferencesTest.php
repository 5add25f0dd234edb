<?php

declare(strict_types=1);

namespace Vietref\Tests;

use PHPUnit\Framework\TestCase;
use Vietref\Lang;
use Vietref\References;
use Vietref\RefKind;
use Vietref\Status;
use Vietref\VietrefException;

/** References: the shared vectors (tests/data/references.json) and the C tests' cases. */
final class ReferencesTest extends TestCase
{
    private static function refused(callable $fn): VietrefException
    {
        try {
            $fn();
        } catch (VietrefException $e) {
            return $e;
        }
        self::fail('no VietrefException');
    }

    public function testTheKindComesFirstAsInTheCAbi(): void
    {
        $this->assertSame('HP7184097674', References::validate(RefKind::Code, 'hp 7184 0976 74'));
        $this->assertSame('HP7184097674', References::validate(value: 'hp 7184 0976 74', kind: RefKind::Code));
        // the order of earlier releases (value first) is a TypeError, never a silent swap
        $this->expectException(\TypeError::class);
        References::validate('HP7184097674', RefKind::Code);
    }

    public function testPaymentCodeVectors(): void
    {
        $v = TestData::vectors('references.json');
        $this->assertNotEmpty($v['payment_codes']);
        foreach ($v['payment_codes'] as ['prefix' => $prefix, 'body' => $body, 'code' => $code]) {
            $this->assertSame($code, References::create(RefKind::Code, $prefix, $body), "$prefix $body");
            $this->assertSame($code, References::create(RefKind::Code, strtolower($prefix), $body));
            $this->assertNull(References::creationMessage(RefKind::Code, $prefix, $body));
            $this->assertSame($code, References::validate(RefKind::Code, $code));
            $this->assertTrue(References::isValid(RefKind::Code, $code));
            $this->assertNull(References::validationMessage(RefKind::Code, $code));
            $printed = References::format(RefKind::Code, $code);
            $this->assertStringStartsWith($prefix . ' ', $printed);
            $this->assertSame($code, References::validate(RefKind::Code, strtolower($printed)));
            $this->assertSame($code, References::compact(RefKind::Code, $printed));
            // One digit changed: the check digits no longer match.
            $last = (int) substr($code, -1);
            $wrong = substr($code, 0, -1) . (($last + 1) % 10);
            $this->assertFalse(References::isValid(RefKind::Code, $wrong));
            $e = self::refused(fn () => References::validate(RefKind::Code, $wrong));
            $this->assertSame(Status::RefInvalidChecksum, $e->status());
            $this->assertSame('the check digits do not match (a typing error?)', $e->detail);
            $this->assertSame($wrong, References::compact(RefKind::Code, $wrong), 'compact does not check the digits');
        }
    }

    public function testRfVectors(): void
    {
        $v = TestData::vectors('references.json');
        foreach ($v['rf_valid'] as $rf) {
            $compact = strtoupper(str_replace(' ', '', $rf));
            $this->assertTrue(References::isValid(RefKind::Rf, $rf), $rf);
            $this->assertSame($compact, References::validate(RefKind::Rf, $rf));
            $this->assertSame($compact, References::validate(RefKind::Rf, References::format(RefKind::Rf, $rf)));
            $this->assertNull(References::validationMessage(RefKind::Rf, $rf));
            $this->assertFalse(References::isValid(RefKind::Code, $rf), 'not a payment code');
        }
        foreach ($v['rf_invalid'] as $rf) {
            $this->assertFalse(References::isValid(RefKind::Rf, $rf), $rf);
            $e = self::refused(fn () => References::validate(RefKind::Rf, $rf));
            $this->assertContains($e->getCode(), range(300, 305), $rf);
            $this->assertSame(References::validationMessage(RefKind::Rf, $rf), $e->detail);
            $this->assertSame(References::validationMessage(RefKind::Rf, $rf, Lang::Vi), $e->detailVi);
            $this->assertNotNull($e->detail);
            $this->assertSame($e->getCode(), self::refused(fn () => References::format(RefKind::Rf, $rf))->getCode());
        }
        $this->assertSame('RF18539007547034', References::creditorReference('539007547034'));
        $this->assertSame('RF18539007547034', References::create(RefKind::Rf, '', '5390 0754 7034'));
        $this->assertSame('RF18 5390 0754 7034', References::format(RefKind::Rf, 'RF18539007547034'));
    }

    public function testTaxCodeVectors(): void
    {
        $v = TestData::vectors('references.json');
        foreach ($v['tax_code_valid'] as $mst) {
            $this->assertTrue(References::isValid(RefKind::Mst, $mst));
            $this->assertSame($mst, References::validate(RefKind::Mst, $mst));
        }
        foreach ($v['tax_code_invalid'] as $mst) {
            $this->assertFalse(References::isValid(RefKind::Mst, $mst));
            $this->assertContains(self::refused(fn () => References::validate(RefKind::Mst, $mst))->getCode(), [302, 305]);
        }
        $this->assertSame('0100233488-001', References::format(RefKind::Mst, '0100233488001'));
        $this->assertSame('0100233488001', References::compact(RefKind::Mst, '0100233488-001'));
    }

    public function testEveryKindValidFormatCompact(): void
    {
        $valid = [
            [RefKind::Code, 'hp 7184 0976 74', 'HP7184097674', 'HP 7184 0976 74'],
            [RefKind::Code, 'VP372817430911', 'VP372817430911', 'VP 3728 1743 0911'],
            [RefKind::Rf, 'rf20ezec2phy', 'RF20EZEC2PHY', 'RF20 EZEC 2PHY'],
            [RefKind::EInvoice, '1C24TAA-1234', '1C24TAA1234', '1C24TAA-00001234'],
            [RefKind::EInvoice, '1c24taa 00001234', '1C24TAA1234', '1C24TAA-00001234'],
            [RefKind::Mst, '0100233488-001', '0100233488001', '0100233488-001'],
        ];
        foreach ($valid as [$kind, $value, $compact, $printed]) {
            $this->assertSame($compact, References::validate($kind, $value), $value);
            $this->assertSame($printed, References::format($kind, $value), $value);
            $this->assertSame($compact, References::compact($kind, $value), $value);
            $this->assertSame($compact, References::validate($kind->value, $value), 'a number works too');
            $this->assertTrue(References::isValid($kind, $value));
        }
    }

    public function testRefusalsSayWhyInBothLanguages(): void
    {
        $cases = [
            [RefKind::Code, 'HP7184097675', Status::RefInvalidChecksum, 'the check digits do not match (a typing error?)',
                'chữ số kiểm tra không khớp (có thể gõ nhầm?)'],
            [RefKind::Code, 'HP 7184#0976', Status::RefInvalidChar, "character '#' (U+0023) at position 8 is not allowed",
                "ký tự '#' (U+0023) tại vị trí 8 không được phép"],
            [RefKind::Code, '', Status::RefEmpty, 'the value is empty', null],
            [RefKind::Rf, 'RF1', Status::RefInvalidLength, 'the value has 3 characters; expected 5 to 25', null],
            [RefKind::Rf, 'XX18539007547034', Status::RefInvalidPrefix, 'the value must start with RF, not XX',
                'giá trị phải bắt đầu bằng RF, không phải XX'],
            [RefKind::Mst, '010023348', Status::RefInvalidLength, 'the value has 9 characters; expected 10 to 13',
                'giá trị có 9 ký tự; cần từ 10 đến 13 ký tự'],
            [RefKind::EInvoice, '7C24TAA-1', Status::RefInvalidPart, null, null],
        ];
        foreach ($cases as [$kind, $value, $status, $en, $vi]) {
            $e = self::refused(fn () => References::validate($kind, $value));
            $this->assertSame($status, $e->status(), $value);
            $this->assertSame('vietref_ref_validate', $e->context);
            $this->assertSame($status, self::refused(fn () => References::format($kind, $value))->status());
            $this->assertFalse(References::isValid($kind, $value));
            $this->assertNotNull($e->detail);
            $this->assertNotNull($e->detailVi);
            $this->assertNotSame($e->detail, $e->detailVi);
            if ($en !== null) {
                $this->assertSame($en, $e->detail);
                $this->assertSame($en, References::validationMessage($kind, $value));
            }
            if ($vi !== null) {
                $this->assertSame($vi, $e->detailVi);
                $this->assertSame($vi, References::validationMessage($kind, $value, Lang::Vi));
            }
            $this->assertStringContainsString($e->detail, (string) $e);
        }
        $this->assertSame('HP7184097675', References::compact(RefKind::Code, 'hp 7184-0976.75'));
        $this->assertSame(Status::RefEmpty, self::refused(fn () => References::compact(RefKind::Mst, ' . '))->status());
        $this->assertSame(Status::RefInvalidChar, self::refused(fn () => References::compact(RefKind::Code, 'HP#1'))->status());
        $this->assertSame(Status::RefInvalidPart, self::refused(fn () => References::compact(RefKind::EInvoice, '7C24TAA-1'))->status());
    }

    public function testCreateRefusals(): void
    {
        $e = self::refused(fn () => References::create(RefKind::Code, 'HO', '71840976'));
        $this->assertSame(Status::RefInvalidPart, $e->status());
        $this->assertSame('the prefix "HO" is not valid: the letters O, I and L are not used in prefixes '
            . '(they are confused with 0 and 1)', $e->detail);
        $this->assertSame('tiền tố "HO" không hợp lệ: không dùng các chữ O, I, L trong tiền tố (dễ nhầm với 0 và 1)', $e->detailVi);
        $this->assertSame($e->detailVi, References::creationMessage(RefKind::Code, 'HO', '71840976', Lang::Vi));
        $this->assertSame(Status::RefEmpty, self::refused(fn () => References::create(RefKind::Code, 'HP', ' - '))->status());
        $this->assertSame(Status::RefInvalidChar, self::refused(fn () => References::create(RefKind::Code, 'HP', '1234#678'))->status());
        $this->assertSame(Status::RefInvalidPart, self::refused(fn () => References::create(RefKind::Code, 'HP', '12345'))->status());
        $e = self::refused(fn () => References::creditorReference('1234567890123456789012'));
        $this->assertSame(Status::RefInvalidLength, $e->status());
        $this->assertSame('the value has 22 characters; expected 1 to 21', $e->detail);
        $this->assertSame('giá trị có 22 ký tự; cần từ 1 đến 21 ký tự', $e->detailVi);
        $this->assertNull(References::creationMessage(RefKind::Rf, '', '1'));
    }

    public function testArgumentsTheLibraryRefuses(): void
    {
        foreach ([
            fn () => References::create(RefKind::EInvoice, '', '1'),
            fn () => References::create(RefKind::Mst, '', '1'),
            fn () => References::create(RefKind::Opaque, '', '1'),
            fn () => References::create(RefKind::Rf, 'HP', '1'),
            fn () => References::create(0, 'HP', '71840976'),
            fn () => References::create(6, 'HP', '71840976'),
            fn () => References::validate(0, 'HP7184097674'),
            fn () => References::validate(RefKind::Opaque, 'HP7184097674'),
            fn () => References::format(9, 'HP7184097674'),
            fn () => References::compact(9, 'HP7184097674'),
            fn () => References::isValid(0, 'x'),
            fn () => References::validationMessage(9, 'x'),
            fn () => References::creationMessage(9, 'HO', '71840976'),
        ] as $i => $fn) {
            $e = self::refused($fn);
            $this->assertSame(Status::InvalidArgument, $e->status(), "case $i");
            $this->assertNull($e->detail, "case $i: no explanation for an argument error");
        }
    }
}
