<?php

declare(strict_types=1);

namespace Vietref\Tests;

use PHPUnit\Framework\TestCase;
use Vietref\Finding;
use Vietref\Message;
use Vietref\Report;
use Vietref\Status;
use Vietref\Text;
use Vietref\VietQr;
use Vietref\VietQrField;
use Vietref\VietQrMode;
use Vietref\VietrefException;

/** tests/data/vietqr.json through the binding; building, encoding, payee checks, banks. */
final class VietQrTest extends TestCase
{
    /** @return list<string> */
    private static function keys(Report $r): array
    {
        return array_map(fn (Finding $f) => $f->key, $r->findings());
    }

    private function assertStatus(Status $expected, callable $call): void
    {
        try {
            $call();
            $this->fail('expected ' . $expected->name);
        } catch (VietrefException $e) {
            $this->assertSame($expected, $e->status());
        }
    }

    public function testPayloadsDecodeToTheirFieldsAndRoundTrip(): void
    {
        $cases = TestData::vectors('vietqr.json')['payloads'];
        $this->assertNotEmpty($cases);
        foreach ($cases as $c) {
            $f = $c['fields'];
            $r = VietQr::decode($c['payload']);
            $this->assertTrue($r->isValid(), $c['payload']);
            $this->assertCount(0, $r);
            $this->assertSame($f, $r->cleaned());
            $q = $r->toVietQr();
            $this->assertSame($f['bankBin'], $q->get(VietQrField::BankBin));
            $this->assertSame($f['accountNumber'], $q->get(VietQrField::AccountNumber));
            $this->assertSame($f['crc'], $q->get(VietQrField::Crc));
            $this->assertSame($f['initiation'] === 'static' ? '11' : '12', $q->get(VietQrField::Initiation));
            $this->assertSame(isset($f['amount']) ? (int) $f['amount'] : null, $q->amount());
            $this->assertSame($f['additionalData']['purpose'] ?? null, $q->get(VietQrField::Purpose));
            $this->assertSame($f['additionalData']['billNumber'] ?? null, $q->get(VietQrField::BillNumber));
            $this->assertNull($q->get(VietQrField::MerchantName));
            $this->assertSame($f, $q->toArray());
            $this->assertSame($c['payload'], $q->encode()->cleanedText());
            $this->assertSame($c['payload'], VietQr::fromJson($q->json())->encode()->cleanedText());
            $this->assertSame($c['payload'], VietQr::encodeJson(json_encode($f))->cleanedText());
        }
    }

    public function testCrc(): void
    {
        $v = TestData::vectors('vietqr.json');
        $this->assertSame(hexdec($v['crc_check']['crc16_ccitt_false']), VietQr::crc16($v['crc_check']['input']));
        foreach ($v['payloads'] as $p) {
            $this->assertSame(hexdec(substr($p['payload'], -4)), VietQr::crc16(substr($p['payload'], 0, -4)));
        }
        $this->assertSame(0xFFFF, VietQr::crc16(''));
    }

    public function testLenientOnly(): void
    {
        foreach (TestData::vectors('vietqr.json')['lenient_only'] as $c) {
            $r = VietQr::decode($c['payload'], VietQrMode::Strict);
            $this->assertFalse($r->isValid());
            $this->assertContains('vietqr.length_mismatch', self::keys($r));
            $this->assertNull($r->toVietQr());
            $r = VietQr::decode($c['payload'], VietQrMode::Lenient);
            $this->assertTrue($r->isValid());
            $this->assertSame(['vietqr.length_repaired'], self::keys($r));
            $bad = substr($c['payload'], 0, -4) . (str_ends_with($c['payload'], '0000') ? '1111' : '0000');
            $this->assertContains('vietqr.crc_mismatch', self::keys(VietQr::decode($bad, VietQrMode::Lenient)));
            // lenient by default, as the CLI and every binding; strict on request
            $r = VietQr::decode($c['payload']);
            $this->assertTrue($r->isValid());
            $this->assertSame(['vietqr.length_repaired'], self::keys($r));
            $this->assertFalse(VietQr::decode($c['payload'], mode: VietQrMode::Strict)->isValid());
        }
    }

    public function testToAccountPayeeBanks(): void
    {
        $r = VietQr::toAccount('970415', '123456789', 1_250_000, 'HP7184097674', Text::fold('Học phí HK1'));
        $this->assertTrue($r->isValid(), implode(' ', self::keys($r)));
        $q = VietQr::decode($r->cleanedText())->toVietQr();
        $this->assertSame('970415', $q->get(VietQrField::BankBin));
        $this->assertSame(1250000, $q->amount());
        $this->assertSame('HOC PHI HK1', $q->get(VietQrField::Purpose));
        $this->assertSame('12', $q->get(VietQrField::Initiation));
        $this->assertTrue($q->verifyPayee('970415', '123456789', '')->isValid());
        $this->assertContains('vietqr.payee_bin', self::keys($q->verifyPayee('970403', '123456789', '')));
        $this->assertContains('vietqr.payee_account', self::keys($q->verifyPayee('970415', '9', '')));
        $static = VietQr::decode(VietQr::toAccount('970415', '123456789')->cleanedText())->toVietQr();
        $this->assertSame('11', $static->get(VietQrField::Initiation));
        $this->assertNull($static->amount());
        $r = VietQr::toAccount('97041', '12', 0, str_repeat('x', 26), 'Học phí');
        $this->assertFalse($r->isValid());
        $this->assertGreaterThanOrEqual(2, count($r->errors()));
        $this->assertNull($r->cleanedText());
        foreach (['970415', 'ICB', 'vietin bank'] as $query) {
            $bank = VietQr::bankLookup($query);
            $this->assertSame('970415', $bank['bin'], $query);
            $this->assertSame('VietinBank', $bank['shortName'], $query);
        }
        $this->assertNull(VietQr::bankLookup('no such bank at all'));
        $this->assertSame('970415', VietQr::fromJson('{"bank": "ICB", "accountNumber": "1"}')->get(VietQrField::BankBin));
    }

    public function testWrongKindAndBadJson(): void
    {
        $r = Text::check('Nguyễn Văn An');
        $this->assertSame('Nguyễn Văn An', $r->cleanedText());
        $this->assertStatus(Status::WrongKind, fn () => $r->toVietQr());
        $m = (new Message(sector: 'health', payerName: 'An', reason: 'Viện phí', invoice: 'VP1', amount: 1))->validate();
        $this->assertStatus(Status::WrongKind, fn () => $m->cleanedText());
        $q = VietQr::fromJson('{"bankBin": "970403", "accountNumber": "1"}');
        $this->assertStatus(Status::InvalidArgument, fn () => $q->get(99));
        $this->assertStatus(Status::InvalidArgument, fn () => VietQr::decode('000201', 7));
        foreach (['', '{', '[]', '{"bankBin": "970403"}', '{"bank": "nowhere", "accountNumber": "1"}'] as $bad) {
            $this->assertStatus(Status::VietQrJsonInvalid, fn () => VietQr::fromJson($bad));
            $this->assertStatus(Status::VietQrJsonInvalid, fn () => VietQr::encodeJson($bad));
        }
        $q->close();
        $q->close();
        $this->expectException(\LogicException::class);
        $q->json();
    }
}
