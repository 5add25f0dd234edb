<?php

declare(strict_types=1);

namespace Vietref\Tests;

use PHPUnit\Framework\TestCase;
use Vietref\Message;
use Vietref\Report;
use Vietref\Status;
use Vietref\Text;
use Vietref\ToneStyle;
use Vietref\VietQr;
use Vietref\VietQrMode;
use Vietref\VietrefException;

/**
 * Junk input: every public function returns, throws VietrefException / the language's type
 * error, or returns a report with errors. Nothing crashes. PHP strings are bytes, so invalid
 * UTF-8 reaches the library as it is.
 */
final class JunkTest extends TestCase
{
    /** @return list<callable(mixed): mixed> */
    private static function functions(): array
    {
        return [
            fn ($s) => Text::name($s), fn ($s) => Text::fold($s), fn ($s) => Text::key($s),
            fn ($s) => Text::retone($s, ToneStyle::MainVowel), fn ($s) => Text::check($s), fn ($s) => Text::check('An', $s),
            fn ($s) => Text::looksLike($s, 'a'), fn ($s) => Text::looksLike('a', $s),
            fn ($s) => Text::comparePayeeName($s, 'a'), fn ($s) => Text::comparePayeeName('a', $s),
            fn ($s) => Message::fromJson($s),
            fn ($s) => (new Message())->setSector($s), fn ($s) => (new Message())->setPayerName($s),
            fn ($s) => (new Message())->setBeneficiaryName($s), fn ($s) => (new Message())->setReason($s),
            fn ($s) => (new Message())->setInvoice($s),
            fn ($s) => VietQr::decode($s), fn ($s) => VietQr::fromJson($s), fn ($s) => VietQr::encodeJson($s),
            fn ($s) => VietQr::bankLookup($s), fn ($s) => VietQr::toAccount($s, '1'),
            fn ($s) => VietQr::toAccount('970403', '1', 0, '', $s),
        ];
    }

    public function testNullIsATypeError(): void
    {
        foreach (self::functions() as $i => $fn) {
            try {
                $fn(null);
                $this->fail("function $i accepted null");
            } catch (\TypeError) {
                $this->addToAssertionCount(1);
            }
        }
    }

    public function testInvalidUtf8IsInvalidUtf8(): void
    {
        foreach (["\xFF", "\xC3", "Nguy\xE1\xBB", "\xED\xA0\x80", "\xC0\x80"] as $junk) {
            foreach (self::functions() as $i => $fn) {
                try {
                    $fn($junk);
                    $this->fail("function $i accepted " . bin2hex($junk));
                } catch (VietrefException $e) {
                    $this->assertSame(Status::InvalidUtf8, $e->status(), "function $i");
                }
            }
        }
    }

    public function testEmptyAndNul(): void
    {
        $this->assertSame('', Text::fold(''));
        $this->assertSame('', Text::key(''));
        try {
            Text::name('');
            $this->fail();
        } catch (VietrefException $e) {
            $this->assertSame(Status::TextNameInvalid, $e->status());
        }
        $r = Text::check('');
        $this->assertFalse($r->isValid());
        $this->assertNotEmpty($r->errors());
        $r = (new Message(sector: '', payerName: '', reason: '', invoice: ''))->validate();
        $this->assertFalse($r->isValid());
        $this->assertGreaterThanOrEqual(4, count($r->errors()));
        $r = Text::check("Phạm\0Hùng");
        $this->assertContains(0, array_map(fn ($f) => $f->codePoint, $r->errors()));
        $this->assertStringNotContainsString("\0", Text::fold("a\0b"));
    }

    public function testOneMegabyte(): void
    {
        $big = str_repeat('Nguyễn Văn An ', intdiv(1024 * 1024, 17) + 1);
        $this->assertGreaterThan(1024 * 1024, strlen($big));
        $this->assertStringStartsWith('NGUYEN VAN AN NGUYEN', Text::fold($big));
        $this->assertNotSame('', Text::key($big));
        $r = Text::check($big, 'payerName');
        $this->assertTrue($r->isValid() || $r->errors() !== []);
        try {
            Text::name($big);
        } catch (VietrefException $e) {
            $this->assertSame(Status::TextNameInvalid, $e->status());
        }
        $r = (new Message(sector: 'education', payerName: $big, reason: $big, invoice: $big))->validate();
        $this->assertFalse($r->isValid());
        try {
            Message::fromJson(str_repeat('[', 1_000_000));
            $this->fail();
        } catch (VietrefException $e) {
            $this->assertSame(Status::MessageJsonInvalid, $e->status());
        }
        $payload = str_repeat('000201', 200_000);
        foreach ([VietQrMode::Strict, VietQrMode::Lenient] as $mode) {
            foreach (['', '0', "\0\0\0", '6304', 'ĐỒNG', $payload, random_bytes(4096) . "\xFF"] as $junk) {
                try {
                    $r = VietQr::decode($junk, $mode);
                    $this->assertFalse($r->isValid());
                    $this->assertNotEmpty($r->errors());
                    $this->assertNull($r->toVietQr());
                } catch (VietrefException $e) {
                    $this->assertSame(Status::InvalidUtf8, $e->status());
                }
            }
        }
        $this->assertFalse(VietQr::toAccount($payload, $payload, PHP_INT_MAX, $payload, $payload)->isValid());
        $this->assertNull(VietQr::bankLookup($payload));
        VietQr::crc16(random_bytes(1 << 20));
    }

    public function testRandomBytesNeverCrash(): void
    {
        mt_srand(7);
        for ($i = 0; $i < 300; $i++) {
            $junk = '';
            for ($j = mt_rand(0, 40); $j > 0; $j--) {
                $junk .= chr(mt_rand(0, 255));
            }
            foreach (self::functions() as $fn) {
                try {
                    $v = $fn($junk);
                    if ($v instanceof Report) {
                        $v->findings();
                    }
                } catch (VietrefException) {
                }
            }
        }
        $this->assertTrue(true);
    }
}
