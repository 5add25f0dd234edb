<?php

declare(strict_types=1);

namespace Vietref\Tests;

use PHPUnit\Framework\TestCase;
use Vietref\Alternative;
use Vietref\Encoding;
use Vietref\Legacy;
use Vietref\Loss;
use Vietref\Status;
use Vietref\VietrefException;

/** Legacy encodings: the shared vectors (tests/data/legacy.json) and the C tests' cases. */
final class LegacyTest extends TestCase
{
    private const TCVN3_NAME = "\x4E\x67\x75\x79\xD4\x6E\x20\x56\xA8\x6E\x20\xA7\xF8\x63"; // Nguyễn Văn Đức

    private static function refused(callable $fn): VietrefException
    {
        try {
            $fn();
        } catch (VietrefException $e) {
            return $e;
        }
        self::fail('no VietrefException');
    }

    /** @return list<array{Encoding, string, string}> encoding, bytes, text */
    private static function cases(): array
    {
        $cases = [];
        foreach (TestData::vectors('legacy.json')['cases'] as $c) {
            $enc = Encoding::fromLabel($c['encoding']);
            self::assertNotNull($enc, $c['encoding']);
            $cases[] = [$enc, hex2bin(str_replace(' ', '', $c['hex'])), $c['text']];
        }
        self::assertCount(10, $cases);
        return $cases;
    }

    public function testVectorsDecodeAndEncodeBack(): void
    {
        foreach (self::cases() as [$enc, $bytes, $text]) {
            $this->assertSame($text, Legacy::decode($bytes, $enc), $enc->label());
            $this->assertSame($text, Legacy::decode($bytes, $enc->value));
            $this->assertNull(Legacy::decodeError($bytes, $enc));
            $e = Legacy::encode($text, $enc);
            $this->assertSame(bin2hex($bytes), bin2hex($e->bytes), $enc->label());
            $this->assertSame([], $e->losses);
            $this->assertTrue($e->isLossless());
            $this->assertNull(Legacy::encodeError($text, $enc));
            // Declared, the vector's encoding is used and gives the text.
            $d = Legacy::detect($bytes, $enc);
            $this->assertSame($enc, $d->encoding, $enc->label());
            $this->assertSame($text, $d->text);
            $this->assertFalse($d->ambiguous);
        }
    }

    public function testMojibakeVectors(): void
    {
        $v = TestData::vectors('legacy.json')['mojibake'];
        $this->assertNotEmpty($v);
        foreach ($v as $c) {
            $this->assertSame(Encoding::Utf8AsCp1252, Encoding::fromLabel($c['encoding']));
            $this->assertSame($c['text'], Legacy::repairMojibake($c['input']));
            $this->assertSame($c['text'], Legacy::decode($c['input'], Encoding::Utf8AsCp1252));
            $this->assertNull(Legacy::repairMojibake($c['text']), 'repaired text is not mojibake');
        }
        $this->assertNull(Legacy::repairMojibake('Liège'));
        $this->assertNull(Legacy::repairMojibake('ASCII'));
        $this->assertNull(Legacy::repairMojibake(''));
    }

    public function testEncodingLabels(): void
    {
        $labels = ['utf8', 'tcvn3', 'vni', 'viscii', 'vps', 'cp1258', 'viqr', 'utf8-as-cp1252'];
        $this->assertSame($labels, array_map(fn (Encoding $e) => $e->label(), Encoding::cases()));
        foreach (Encoding::cases() as $e) {
            $this->assertSame($e, Encoding::fromLabel($e->label()));
            $this->assertSame($e, Encoding::fromLabel(strtoupper($e->label())));
        }
        $this->assertSame(Encoding::Tcvn3, Encoding::fromLabel('ABC'));
        $this->assertSame(Encoding::Cp1258, Encoding::fromLabel('windows-1258'));
        $this->assertSame(Encoding::Utf8AsCp1252, Encoding::fromLabel('mojibake'));
        $this->assertSame(Encoding::Vni, Encoding::fromLabel('vni-win'));
        $this->assertNull(Encoding::fromLabel('latin1'));
        $this->assertNull(Encoding::fromLabel(''));
    }

    public function testDecode(): void
    {
        $this->assertSame('Nguyễn Văn Đức', Legacy::decode(self::TCVN3_NAME, Encoding::Tcvn3));
        $this->assertSame("a\0b", Legacy::decode("a\0b", Encoding::Utf8), 'NUL is a byte like any other');
        $this->assertSame('', Legacy::decode('', Encoding::Vni));
        $this->assertSame('Đ', Legacy::decode("\xEF\xBB\xBF\xC4\x90", Encoding::Utf8), 'the BOM is dropped');
        $this->assertSame('Nguyễn', Legacy::decode("Nguye\xCC\x82\xCC\x83n", Encoding::Utf8), 'composed to NFC');

        $e = self::refused(fn () => Legacy::decode("N\x81", Encoding::Cp1258));
        $this->assertSame(Status::LegacyUndefinedByte, $e->status());
        $this->assertSame('byte 0x81 at offset 1 (line 1) is not defined in Windows-1258', $e->detail);
        $this->assertSame(['kind' => 'undefined_byte', 'offset' => 1, 'line' => 1, 'byte' => 129,
            'message' => 'byte 0x81 at offset 1 (line 1) is not defined in Windows-1258'], $e->info);
        $this->assertSame($e->info, Legacy::decodeError("N\x81", Encoding::Cp1258));
        $this->assertSame(['kind' => 'undefined_byte', 'offset' => 4, 'line' => 2, 'byte' => 129,
            'message' => 'byte 0x81 at offset 4 (line 2) is not defined in Windows-1258'], Legacy::decodeError("ab\nc\x81", Encoding::Cp1258));
        $e = self::refused(fn () => Legacy::decode("a\xFF", Encoding::Utf8));
        $this->assertSame(Status::LegacyInvalidUtf8, $e->status());
        $this->assertSame('byte 0xFF at offset 1 (line 1) is not valid UTF-8', $e->detail);
        $this->assertSame(255, $e->info['byte']);
        $e = self::refused(fn () => Legacy::decode("L\xEA", Encoding::Viqr));
        $this->assertSame(Status::LegacyNotSevenBit, $e->status());
        $this->assertSame('not_seven_bit', $e->info['kind']);
        $e = self::refused(fn () => Legacy::decode('Nguyễn', Encoding::Utf8AsCp1252));
        $this->assertSame(Status::LegacyNotMojibake, $e->status());
        $this->assertSame('not_mojibake', $e->info['kind']);
        $this->assertNull($e->detailVi);

        foreach ([8, 0xFFFFFFFF] as $unknown) {
            $e = self::refused(fn () => Legacy::decode('a', $unknown));
            $this->assertSame(Status::InvalidArgument, $e->status());
            $this->assertNull($e->detail);
            $this->assertSame(Status::InvalidArgument, self::refused(fn () => Legacy::decodeError('a', $unknown))->status());
        }
    }

    public function testEncode(): void
    {
        $e = Legacy::encode('Nguyễn Văn Đức', Encoding::Tcvn3);
        $this->assertSame(bin2hex(self::TCVN3_NAME), bin2hex($e->bytes));
        $this->assertSame(self::TCVN3_NAME, (string) $e);
        $this->assertSame("\xD0\xD1\x63", Legacy::encode('Đức', Encoding::Viscii)->bytes);
        $this->assertSame("DDu+'c", Legacy::encode('Đức', Encoding::Viqr)->bytes);
        $this->assertSame("a\0b", Legacy::encode("a\0b", Encoding::Utf8)->bytes, 'bytes may hold NUL');
        $this->assertSame('', Legacy::encode('', Encoding::Vni)->bytes);
        $this->assertSame(self::TCVN3_NAME, Legacy::encode("Nguye\u{302}\u{303}n Văn Đức", Encoding::Tcvn3)->bytes, 'NFD composes first');

        // TCVN3 capitals: refused, or written lower case and listed as a loss.
        $x = self::refused(fn () => Legacy::encode('ÔNG ỐNG', Encoding::Tcvn3));
        $this->assertSame(Status::LegacyTcvn3Capital, $x->status());
        $this->assertSame('tcvn3_capital', $x->info['kind']);
        $this->assertSame('Ố', $x->info['character']);
        $this->assertSame(7888, $x->info['codePoint']);
        $this->assertSame(5, $x->info['position']);
        $this->assertSame(1, $x->info['line']);
        $this->assertSame($x->info['message'], $x->detail);
        $this->assertNull(Legacy::encodeError('ÔNG ỐNG', Encoding::Tcvn3, lossy: true));
        $e = Legacy::encode('ỐNG', Encoding::Tcvn3, lossy: true);
        $this->assertSame("\xE8\x4E\x47", $e->bytes);
        $this->assertEquals([new Loss(1, 0x1ED0, 0x1ED1)], $e->losses);
        $this->assertSame('Ố', $e->losses[0]->character());
        $this->assertSame('ố', $e->losses[0]->written());
        $this->assertFalse($e->isLossless());

        $x = self::refused(fn () => Legacy::encode("Giá\n5Ж", Encoding::Vni));
        $this->assertSame(Status::LegacyUnencodable, $x->status());
        $this->assertSame(['kind' => 'unencodable', 'character' => 'Ж', 'codePoint' => 1046, 'position' => 6, 'line' => 2,
            'message' => "'Ж' (U+0416) at character 6 (line 2) cannot be written in VNI-Win"], $x->info);
        $this->assertSame("'Ж' (U+0416) at character 6 (line 2) cannot be written in VNI-Win", $x->detail);
        $this->assertSame(Status::LegacyUnencodable, self::refused(fn () => Legacy::encode('Giá 5Ж', Encoding::Tcvn3, true))->status());
        $this->assertNull(Legacy::encodeError('Giá', Encoding::Vni));

        $this->assertSame(Status::InvalidArgument, self::refused(fn () => Legacy::encode('a', 8))->status());
        $this->assertSame(Status::InvalidUtf8, self::refused(fn () => Legacy::encode("\xFF", Encoding::Tcvn3))->status());
        $this->assertSame(Status::InvalidUtf8, self::refused(fn () => Legacy::encodeError("\xC3", Encoding::Tcvn3))->status());
    }

    public function testDetect(): void
    {
        $d = Legacy::detect("Nguye\xE3n Va\xEAn \xD1\xF6\xF9\x63");
        $this->assertSame(Encoding::Vni, $d->encoding);
        $this->assertSame('Nguyễn Văn Đức', $d->text);
        $this->assertFalse($d->ambiguous);
        $this->assertGreaterThan(500, $d->confidence);
        $this->assertLessThanOrEqual(1000, $d->confidence);
        $d = Legacy::detect(self::TCVN3_NAME);
        $this->assertSame(Encoding::Tcvn3, $d->encoding);
        $this->assertSame('Nguyễn Văn Đức', $d->text);
        $this->assertFalse($d->ambiguous);

        // 70 68 ED: "phí" in four encodings, "phớ" in TCVN3: ambiguous, alternatives best first.
        $d = Legacy::detect("\x70\x68\xED");
        $this->assertTrue($d->ambiguous);
        $this->assertGreaterThanOrEqual(4, count($d->alternatives));
        $fits = array_map(fn (Alternative $a) => $a->fit, $d->alternatives);
        $sorted = $fits;
        rsort($sorted);
        $this->assertSame($sorted, $fits);
        $this->assertLessThanOrEqual(1000, $fits[0]);
        $encodings = array_map(fn (Alternative $a) => $a->encoding, $d->alternatives);
        $this->assertTrue($d->encoding === Encoding::Tcvn3 || in_array(Encoding::Tcvn3, $encodings, true));
        $this->assertNotContains($d->encoding, $encodings);

        $d = Legacy::detect("\x70\x68\xED", Encoding::Cp1258);
        $this->assertSame(Encoding::Cp1258, $d->encoding);
        $this->assertSame('phí', $d->text);
        $this->assertFalse($d->ambiguous);
        $d = Legacy::detect("Ph\xA9m", Encoding::Cp1258->value);
        $this->assertSame(Encoding::Tcvn3, $d->encoding, 'a declaration that cannot decode is overridden');
        $this->assertSame('Phâm', $d->text);

        $this->assertSame(1000, Legacy::detect('Hello')->confidence);
        $d = Legacy::detect("\xEF\xBB\xBFPh\xC3\xAD");
        $this->assertSame(Encoding::Utf8, $d->encoding);
        $this->assertSame('Phí', $d->text);
        $this->assertSame(1000, $d->confidence);
        $this->assertSame([], $d->alternatives);
        $this->assertSame('', Legacy::detect('')->text);
        $this->assertSame(Status::InvalidArgument, self::refused(fn () => Legacy::detect('a', 8))->status());
    }
}
