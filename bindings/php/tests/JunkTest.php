<?php

declare(strict_types=1);

namespace Vietref\Tests;

use PHPUnit\Framework\TestCase;
use Vietref\Channel;
use Vietref\Encoding;
use Vietref\Lang;
use Vietref\Legacy;
use Vietref\Memo;
use Vietref\Message;
use Vietref\Reconciler;
use Vietref\ResultsFormat;
use Vietref\StatementFormat;
use Vietref\References;
use Vietref\RefKind;
use Vietref\LineStatus;
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
            fn ($s) => Text::checkText($s), fn ($s) => Text::checkText('Học phí', $s), fn ($s) => Text::skeleton($s),
            fn ($s) => Text::looksLike($s, 'a'), fn ($s) => Text::looksLike('a', $s),
            fn ($s) => Text::comparePayeeName($s, 'a'), fn ($s) => Text::comparePayeeName('a', $s),
            fn ($s) => Message::fromJson($s),
            fn ($s) => (new Message())->setSector($s), fn ($s) => (new Message())->setPayerName($s),
            fn ($s) => (new Message())->setBeneficiaryName($s), fn ($s) => (new Message())->setReason($s),
            fn ($s) => (new Message())->setInvoice($s),
            fn ($s) => VietQr::decode($s), fn ($s) => VietQr::fromJson($s), fn ($s) => VietQr::encodeJson($s),
            fn ($s) => VietQr::bankLookup($s), fn ($s) => VietQr::toAccount($s, '1'),
            fn ($s) => VietQr::toAccount('970403', '1', 0, '', $s),
            // references, memo, legacy text, reconciliation
            fn ($s) => References::create(RefKind::Code, $s, '71840976'), fn ($s) => References::create(RefKind::Code, 'HP', $s),
            fn ($s) => References::creditorReference($s), fn ($s) => References::creationMessage(RefKind::Code, 'HP', $s),
            fn ($s) => References::validate(RefKind::Code, $s), fn ($s) => References::validate(RefKind::Rf, $s),
            fn ($s) => References::validationMessage(RefKind::Mst, $s, Lang::Vi),
            fn ($s) => References::format(RefKind::EInvoice, $s), fn ($s) => References::compact(RefKind::Code, $s), fn ($s) => References::isValid(RefKind::Code, $s),
            fn ($s) => Memo::render(self::message(), $s, Channel::Transfer), fn ($s) => self::message()->memo($s, Channel::Pos),
            fn ($s) => Memo::renderCustom(self::message(), '', $s, 'A-Z0-9 ', 30), fn ($s) => Memo::renderCustom(self::message(), '', 'x', $s, 30),
            fn ($s) => Memo::renderCustom(self::message(), $s, 'x', 'A-Z0-9 ', 30),
            fn ($s) => Memo::extract($s), fn ($s) => Memo::extract('HP7184097674', $s), fn ($s) => Memo::extractJson($s, 'HP:8'),
            fn ($s) => Memo::parse($s), fn ($s) => Memo::parse('x', $s), fn ($s) => Memo::parseJson($s),
            fn ($s) => VietQr::forPayment(self::message(), $s, '970436', '1'), fn ($s) => VietQr::forPayment(self::message(), '', $s, '1'),
            fn ($s) => VietQr::forPayment(self::message(), '', '970436', $s), fn ($s) => self::qr()->paymentCodes($s),
            fn ($s) => Legacy::encode($s, Encoding::Tcvn3), fn ($s) => Legacy::encode($s, Encoding::Utf8, true),
            fn ($s) => Legacy::encodeError($s, Encoding::Vni), fn ($s) => Legacy::repairMojibake($s), fn ($s) => Encoding::fromLabel($s),
            fn ($s) => new Reconciler($s), fn ($s) => (new Reconciler())->addInvoice($s, 1),
            fn ($s) => (new Reconciler())->addInvoice('AB1234', 1, $s), fn ($s) => (new Reconciler())->addInvoice('AB1234', 1, '', $s),
            fn ($s) => (new Reconciler())->addInvoice('AB1234', 1, '', '', $s),
            fn ($s) => (new Reconciler())->feed(1, 1, $s), fn ($s) => (new Reconciler())->feed(1, 1, 'x', $s),
            fn ($s) => (new Reconciler())->feed(1, 1, 'x', '', $s), fn ($s) => (new Reconciler())->feed(1, 1, 'x', '', '', $s),
            fn ($s) => (new Reconciler())->invoiceJson($s), fn ($s) => (new Reconciler())->invoice($s),
            fn ($s) => (new Reconciler())->addInvoicesCsv("code,amount\n", $s),
            fn ($s) => (new Reconciler())->feedStatement("date,amount,content\n", StatementFormat::Csv, $s),
        ];
    }

    private static function message(): Message
    {
        return Message::fromJson('{"sector":"education","payerName":"Nguyễn Văn An","beneficiaryName":"Nguyễn Thị Bình",'
            . '"reason":"Học phí học kỳ 1","invoice":"HP7184097674","amount":1250000}');
    }

    private static function qr(): VietQr
    {
        return VietQr::decode((string) VietQr::forPayment(self::message(), 'HP:8', '970436', '0011001234567')->cleanedText())->toVietQr();
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
        $this->assertSame([], Text::checkText('')->errors());
        $this->assertSame('', Text::skeleton(''));
        $r = Text::checkText(str_repeat("\0", 100_000));
        $this->assertFalse($r->isValid());
        $this->assertGreaterThan(0, count($r->findings()));
        $this->assertLessThanOrEqual(20, count($r->findings()));
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
        $r = Text::checkText($big, 'reason');
        $this->assertTrue($r->isValid());
        $this->assertSame(trim($big), $r->cleanedText());
        $this->assertStringStartsWith('nguy', Text::skeleton($big));
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

    public function testLegacyBytesAreAnyBytes(): void
    {
        mt_srand(11);
        $samples = ['', "\0", "\xFF\xFE", str_repeat("\x80", 100), "\xEF\xBB\xBF", "Nguy\xE1\xBB"];
        for ($i = 0; $i < 150; $i++) {
            $junk = '';
            for ($j = mt_rand(0, 60); $j > 0; $j--) {
                $junk .= chr(mt_rand(0, 255));
            }
            $samples[] = $junk;
        }
        $samples[] = random_bytes(1 << 20);
        foreach ($samples as $bytes) {
            foreach (Encoding::cases() as $enc) {
                $error = Legacy::decodeError($bytes, $enc);
                try {
                    $text = Legacy::decode($bytes, $enc);
                    $this->assertNull($error, 'decodes, so no error');
                    $this->assertIsString($text);
                } catch (VietrefException $e) {
                    $this->assertContains($e->getCode(), [600, 601, 602, 603], bin2hex(substr($bytes, 0, 40)));
                    $this->assertSame($error, $e->info);
                    $this->assertIsString($e->detail);
                }
            }
            $d = Legacy::detect($bytes);
            $this->assertGreaterThanOrEqual(0, $d->confidence);
            $this->assertLessThanOrEqual(1000, $d->confidence);
            $this->assertInstanceOf(Encoding::class, $d->encoding);
            Legacy::detect($bytes, Encoding::Viqr);
        }
    }

    public function testNewFunctionsWithOneMegabyte(): void
    {
        $big = str_repeat('Nguyễn Văn An HP7184097674 ', intdiv(1024 * 1024, 30) + 1);
        $this->assertGreaterThan(1024 * 1024, strlen($big));
        $digits = str_repeat('1234567890', 110_000);
        foreach ([fn () => References::validate(RefKind::Code, $big), fn () => References::validate(RefKind::Rf, $digits),
            fn () => References::create(RefKind::Code, 'HP', $digits), fn () => References::format(RefKind::Mst, $digits),
            fn () => References::compact(RefKind::EInvoice, $big)] as $fn) {
            try {
                $fn();
                $this->fail('a megabyte is no reference');
            } catch (VietrefException $e) {
                $this->assertContains($e->getCode(), range(300, 305));
            }
        }
        $this->assertSame(str_repeat('1234567890', 110_000), References::compact(RefKind::Rf, $digits));
        $this->assertFalse(References::isValid(RefKind::Code, $big));
        $found = Memo::extract($big, 'HP:8');
        $this->assertCount(1, $found, 'each code once');
        $this->assertSame('HP7184097674', $found[0]->code);
        $this->assertIsArray(Memo::parse($big, 'HP:8'));
        // (Large names are validated by testOneMegabyte; one large field per message keeps this quick.)
        $r = Memo::render(new Message(sector: 'education', payerName: 'An', beneficiaryName: 'Bình', reason: $big, invoice: 'HP7184097674'), 'HP:8', Channel::Transfer);
        $this->assertFalse($r->isValid());
        $this->assertNull($r->text());
        $this->assertNull($r->included());
        $r = Memo::renderCustom(new Message(sector: 'education', payerName: 'An', beneficiaryName: 'Bình', reason: $big, invoice: 'HP7184097674'), 'HP:8', $big, 'A-Z0-9 ', PHP_INT_MAX);
        $this->assertFalse($r->isValid());
        $this->assertNull($r->text());
        $m = new Message(sector: 'education', payerName: 'An', beneficiaryName: 'Bình', reason: 'x', invoice: $digits);
        $this->assertFalse(Memo::render($m, '', Channel::Pos)->isValid());
        $this->assertFalse(VietQr::forPayment(self::message(), 'HP:8', $digits, $digits)->isValid());
        $this->assertSame($big, Legacy::decode(Legacy::encode($big, Encoding::Vni)->bytes, Encoding::Vni));
        $this->assertNull(Legacy::repairMojibake($big));
        $r = new Reconciler('HP:8');
        $this->assertFalse($r->addInvoice($big, 1, $big, $big, $big)->isValid());
        $this->assertTrue($r->addInvoice('HP7184097674', 1_250_000, $big, $big)->isValid());
        $x = $r->feed(1, 1_250_000, $big, $big, $big, $big);
        $this->assertInstanceOf(LineStatus::class, $x->status);
        $this->assertNull($r->invoiceJson($digits));
        [$added, $report] = $r->addInvoicesCsv($big);
        $this->assertSame(0, $added);
        $this->assertFalse($report->isValid());
        [$added, $report] = $r->addInvoicesCsv("code,amount\nHP7184097674,$big\n", $big);
        $this->assertSame(0, $added);
        $this->assertFalse($report->isValid());
        foreach (StatementFormat::cases() as $format) {
            [$results, $report] = $r->feedStatement($big, $format, '', ResultsFormat::Csv);
            $this->assertIsString($results);
            $this->assertFalse($report->isValid());
        }
        // a record of more than 1 MiB is rejected (reconcile.record_too_long); the next one is fed
        [$results, $report] = $r->feedStatement("date,amount,content\n,1000,\"$big\"\n,1000,HP7184097674\n");
        $this->assertSame(['2 reconcile.record_too_long'], array_map(fn ($f) => "$f->field $f->key", $report->errors()));
        $this->assertStringStartsWith('{"line":3,', $results);
    }

    public function testWholeFilesTakeAnyBytes(): void
    {
        $r = new Reconciler('HP:6');
        foreach ([fn () => $r->addInvoicesCsv(null), fn () => $r->feedStatement(null), fn () => $r->feedStatement('', null),
            fn () => $r->feedStatement('', StatementFormat::Csv, '', null)] as $i => $fn) {
            try {
                $fn();
                $this->fail("null accepted ($i)");
            } catch (\TypeError) {
                $this->addToAssertionCount(1);
            }
        }
        // the data of a file is bytes in the reader's hands: invalid UTF-8 is a finding, not a refusal
        foreach (["\xFF", "\xC3", "Nguy\xE1\xBB", "\xED\xA0\x80", "\xC0\x80"] as $junk) {
            [$added, $report] = $r->addInvoicesCsv("code,amount\nHP2401$junk,1\n");
            $this->assertSame(0, $added);
            $this->assertStringStartsWith('2', $report->errors()[0]->field);
            foreach (StatementFormat::cases() as $format) {
                [$results, $report] = $r->feedStatement($junk, $format);
                $this->assertSame('', $results);
                $this->assertFalse($report->isValid());
            }
        }
        // empty, NUL, a BOM alone, every byte
        $every = str_repeat(implode('', array_map('chr', range(0, 255))), 8);
        foreach (['', "\0", "\n", "\xEF\xBB\xBF", $every] as $data) {
            [$added, $report] = $r->addInvoicesCsv($data);
            $this->assertSame(0, $added);
            $this->assertFalse($report->isValid());
            foreach (StatementFormat::cases() as $format) {
                foreach (ResultsFormat::cases() as $results) {
                    [$text, $report] = $r->feedStatement($data, $format, '', $results);
                    $this->assertIsString($text);
                    $this->assertIsInt(count($report));
                }
            }
        }
        $this->assertSame(0, $r->summary()['invoices']);
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
