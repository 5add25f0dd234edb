<?php

declare(strict_types=1);

namespace Vietref\Tests;

use PHPUnit\Framework\TestCase;
use Vietref\Candidate;
use Vietref\Channel;
use Vietref\Finding;
use Vietref\Memo;
use Vietref\MemoList;
use Vietref\MemoReport;
use Vietref\Message;
use Vietref\RefKind;
use Vietref\Report;
use Vietref\Status;
use Vietref\VietQr;
use Vietref\VietQrField;
use Vietref\VietQrMode;
use Vietref\VietrefException;

/** Memos (render, extract, parse), messages with schemes, VietQR for a payment. Expectations from tests/c/test_memo.c. */
final class MemoTest extends TestCase
{
    private const TUITION = '{"sector":"education","payerName":"Nguyễn Văn An","beneficiaryName":"Nguyễn Thị Bình",'
        . '"reason":"Học phí học kỳ 1","invoice":"HP7184097674","amount":1250000}';
    private const PAYLOAD = '00020101021238570010A00000072701270006970436011300110012345670208QRIBFTTA5303704540712500005802VN'
        . '62440112HP71840976740824HP7184097674 HOC PHI HOC63043E06';

    /** @return list<int> */
    private static function codes(Report $r): array
    {
        return array_map(fn (Finding $f) => $f->code, $r->findings());
    }

    private static function refused(callable $fn): VietrefException
    {
        try {
            $fn();
        } catch (VietrefException $e) {
            return $e;
        }
        self::fail('no VietrefException');
    }

    public function testRenderForEveryChannel(): void
    {
        $m = Message::fromJson(self::TUITION);
        $r = Memo::render($m, 'HP:8', Channel::VietQr);
        $this->assertInstanceOf(MemoReport::class, $r);
        $this->assertTrue($r->isValid());
        $this->assertSame([605, 604, 603, 603], self::codes($r));
        $this->assertSame(['reason', 'reason', 'beneficiaryName', 'payerName'], array_map(fn (Finding $f) => $f->field, $r->findings()));
        $this->assertSame('HP7184097674 HOC PHI HOC', $r->text());
        $this->assertSame('HP7184097674 HOC PHI HOC', $r->cleanedText());
        $this->assertSame(['invoice', 'reason'], $r->included());
        $this->assertSame(['beneficiaryName', 'payerName'], $r->omitted());
        $this->assertSame(['reason'], $r->clipped());
        $this->assertSame(['reason'], $r->fields(MemoList::Clipped->value));
        $this->assertSame(
            '{"channel":"vietqr","budget":25,"text":"HP7184097674 HOC PHI HOC","included":["invoice","reason"],'
            . '"omitted":["beneficiaryName","payerName"],"clipped":["reason"]}',
            $r->cleanedJson(),
        );

        $r = $m->memo('', Channel::Transfer);
        $this->assertSame([605, 605, 605], self::codes($r));
        $this->assertSame('HP7184097674 HOC PHI HOC KY 1 HS NGUYEN THI BINH PH NGUYEN VAN AN', $r->text());
        $this->assertSame(['invoice', 'reason', 'beneficiaryName', 'payerName'], $r->included());
        $this->assertSame([], $r->omitted());
        $this->assertSame([], $r->clipped());

        $r = Memo::render($m, '', Channel::Transfer, 40);
        $this->assertSame([605, 605, 604, 603], self::codes($r));
        $this->assertSame('HP7184097674 HOC PHI HOC KY 1 HS NGUYEN', $r->text());
        $this->assertSame(['invoice', 'reason', 'beneficiaryName'], $r->included());
        $this->assertSame(['payerName'], $r->omitted());
        $this->assertSame(['beneficiaryName'], $r->clipped());

        $r = Memo::render($m, '', Channel::Pos);
        $this->assertSame([607, 607, 607], self::codes($r));
        $this->assertSame('HP7184097674', $r->text());
        $this->assertSame(['invoice'], $r->included());
        $this->assertSame(['reason', 'beneficiaryName', 'payerName'], $r->omitted());
        $this->assertSame('HP7184097674', Memo::render($m, '', Channel::VietQrBill)->text());
        $this->assertSame('HP7184097674 HOC PHI HOC KY 1 HS NGUYEN THI BINH', Memo::render($m, '', Channel::MobileMoney)->text());

        $iso = Memo::render($m, '', Channel::Iso20022)->cleaned();
        $this->assertSame('<RmtInf><Ustrd>HP7184097674 HOC PHI HOC KY 1 HS NGUYEN THI BINH PH NGUYEN VAN AN</Ustrd></RmtInf>', $iso['xml']);
        $this->assertArrayNotHasKey('creditorReference', $iso);
        $rf = Message::fromJson('{"sector":"health","payerName":"Trần Thị Mai","reason":"Viện phí","invoice":"RF18 5390 0754 7034"}');
        $iso = Memo::render($rf, '', Channel::Iso20022)->cleaned();
        $this->assertSame('RF18539007547034', $iso['creditorReference']);
        $this->assertStringContainsString('<Ref>RF18539007547034</Ref>', $iso['xml']);
    }

    public function testRenderRefusals(): void
    {
        // A 30-character code does not fit 25: memo.invoice_too_long (600), no text, no lists.
        $m = Message::fromJson('{"sector":"health","payerName":"Trần Thị Mai","reason":"Viện phí","invoice":"ABCDEFGHJKMNPQRSTUVWXYZ1234567"}');
        $r = Memo::render($m, '', Channel::VietQr);
        $this->assertFalse($r->isValid());
        $this->assertSame(600, $r->findings()[0]->code);
        $this->assertNull($r->text());
        $this->assertNull($r->included());
        $this->assertNull($r->omitted());
        $this->assertNull($r->clipped());
        // An invalid message: its findings, no rendering.
        $m = Message::fromJson('{"sector":"education","payerName":"An","reason":"Học phí","invoice":"HP1"}');
        $r = Memo::render($m, '', Channel::Transfer);
        $this->assertSame([300], self::codes($r));
        $this->assertFalse($r->isValid());

        $this->assertSame(Status::InvalidArgument, self::refused(fn () => Memo::render($m, '', 0))->status());
        $this->assertSame(Status::InvalidArgument, self::refused(fn () => Memo::render($m, '', 7))->status());
        $this->assertSame(Status::RefSchemesInvalid, self::refused(fn () => Memo::render($m, 'HP', Channel::Pos))->status());
        $this->assertSame(Status::InvalidArgument, self::refused(fn () => Memo::render(Message::fromJson(self::TUITION), '', Channel::Pos)->fields(4))->status());
        $this->expectException(\ValueError::class);
        Memo::render($m, '', Channel::Transfer, -1);
    }

    public function testRenderForACustomChannel(): void
    {
        $m = Message::fromJson(self::TUITION);
        $r = Memo::renderCustom($m, '', 'mybank', 'A-Z0-9 ', 30);
        $this->assertInstanceOf(MemoReport::class, $r);
        $this->assertTrue($r->isValid());
        $text = $r->text();
        $this->assertSame('HP7184097674 HOC PHI HOC KY 1', $text);
        $this->assertLessThanOrEqual(30, strlen($text));
        $this->assertSame(strtoupper($text), $text);
        $this->assertMatchesRegularExpression('/^HP7184097674[A-Z0-9 ]*$/', $text);
        $this->assertSame(['invoice', 'reason'], $r->included());
        $this->assertSame(['beneficiaryName', 'payerName'], $r->omitted());
        $this->assertSame([], $r->clipped());
        $this->assertSame('mybank', $r->cleaned()['channel']);
        $this->assertSame(30, $r->cleaned()['budget']);
        $this->assertSame(
            'HP7184097674 HOC PHI HOC KY 1 HS NGUYEN THI BINH PH NGUYEN VAN AN',
            Memo::renderCustom($m, 'HP:8', 'wide', 'A-Za-z0-9 .', 200)->text(),
        );
        $r = Memo::renderCustom($m, '', 'bill', 'A-Z0-9', 30, true);
        $this->assertTrue($r->isValid());
        $this->assertSame('HP7184097674', $r->text());
        $this->assertSame([607, 607, 607], self::codes($r));
        $this->assertSame(['invoice'], $r->included());
        $this->assertSame(Memo::render($m, '', Channel::VietQr)->text(), Memo::renderCustom($m, '', 'like-vietqr', 'A-Z0-9 ', 25)->text());
        // A set without the code's letters, a budget shorter than the code: reports with errors.
        $r = Memo::renderCustom($m, '', 'lower', 'a-z ', 30);
        $this->assertFalse($r->isValid());
        $this->assertNull($r->text());
        $this->assertNull($r->included());
        $this->assertContains('memo.invoice_charset', array_map(fn (Finding $f) => $f->key, $r->errors()));
        $this->assertSame('memo.invoice_too_long', Memo::renderCustom($m, '', 'short', 'A-Z0-9', 5)->findings()[0]->key);
        // Arguments.
        foreach ([['x', '', 30], ['x', 'A-Z', 0], ['', 'A-Z', 30], ['x', 'Z-A', 30], ['x', 'A-Zđ', 30]] as [$name, $charset, $budget]) {
            $e = self::refused(fn () => Memo::renderCustom($m, '', $name, $charset, $budget));
            $this->assertSame(Status::InvalidArgument, $e->status(), "$name|$charset|$budget");
            $this->assertSame('vietref_memo_render_custom', $e->context);
        }
        $this->assertSame(Status::RefSchemesInvalid, self::refused(fn () => Memo::renderCustom($m, 'HP', 'x', 'A-Z0-9', 30))->status());
        $this->expectException(\ValueError::class);
        Memo::renderCustom($m, '', 'x', 'A-Z', -1);
    }

    public function testRenderThenExtractGivesTheCodeBack(): void
    {
        $m = Message::fromJson(self::TUITION);
        foreach (Channel::cases() as $channel) {
            $text = Memo::render($m, 'HP:8', $channel)->text();
            $this->assertNotNull($text, $channel->name);
            $found = Memo::extract($text, 'HP:8');
            $this->assertCount(1, $found, $channel->name);
            $this->assertSame('HP7184097674', $found[0]->code);
            $this->assertSame(RefKind::Code, $found[0]->kind);
            $this->assertSame(0, $found[0]->start);
            $this->assertSame('HP7184097674', $found[0]->in($text));
            // What a bank does to a memo: lower case, a prefix, spaces inside the code.
            $mangled = 'MBVCB.123.' . strtolower(substr($text, 0, 6) . ' ' . substr($text, 6));
            $found = Memo::extract($mangled, 'HP:8');
            $this->assertSame(['HP7184097674'], array_map('strval', $found), $channel->name);
            $this->assertSame(10, $found[0]->start);
            $this->assertSame('hp7184 097674', $found[0]->in($mangled));
            $parsed = Memo::parse($mangled, 'HP:8');
            $this->assertSame('HP7184097674', $parsed['invoice']['code']);
        }
    }

    public function testExtract(): void
    {
        $line = 'CT DEN:0123 MBVCB.456 hp 7184 0976 74 NGUYEN VAN AN; TT RF18 5390 0754 7034 GD 9';
        $hp = strpos($line, 'hp 7184');
        $rf = strpos($line, 'RF18');
        $c = Memo::extract($line, 'HP:8');
        $this->assertEquals([
            new Candidate('HP7184097674', RefKind::Code, $hp, $hp + 15),
            new Candidate('RF18539007547034', RefKind::Rf, $rf, $rf + 19),
        ], $c);
        $this->assertSame('RF18 5390 0754 7034', $c[1]->in($line));
        $this->assertSame(
            "[{\"code\":\"HP7184097674\",\"kind\":\"payment_code\",\"start\":$hp,\"end\":" . ($hp + 15) . '},'
            . "{\"code\":\"RF18539007547034\",\"kind\":\"rf\",\"start\":$rf,\"end\":" . ($rf + 19) . '}]',
            Memo::extractJson($line, 'HP:8'),
        );
        $this->assertSame(['RF18539007547034'], array_map(fn (Candidate $x) => $x->code, Memo::extract($line)));
        $this->assertSame([], Memo::extract('', 'HP:8'));
        $this->assertSame('[]', Memo::extractJson('', 'HP:8'));
        $this->assertSame([], Memo::extract('HP 7184 0976 75', 'HP:8'), 'a wrong check digit is no candidate');
        $this->assertSame(Status::RefSchemesInvalid, self::refused(fn () => Memo::extract('x', 'HP:99'))->status());
    }

    public function testEnvelope(): void
    {
        $line = '020097041509102116392024xEHP811545.78219 .115520.NGUYEN VAN AN chuyen tien';
        $e = Memo::envelope($line);
        $this->assertSame('napas247', $e['shape']);
        $this->assertSame(['text' => 'NGUYEN VAN AN', 'span' => [49, 62]], $e['senderName']);
        $this->assertSame([['text' => 'chuyen tien', 'span' => [63, 74]]], $e['free']);
        $this->assertSame([], Memo::extract($line, 'HP:8'));
    }

    public function testParse(): void
    {
        $text = 'HP7184097674 HOC PHI HOC KY 1 HS NGUYEN THI BINH PH NGUYEN VAN AN';
        $full = '{"invoice":{"code":"HP7184097674","kind":"payment_code","start":0,"end":12},'
            . '"reason":"HOC PHI HOC KY 1","beneficiary":"NGUYEN THI BINH","payer":"NGUYEN VAN AN","sector":"education"}';
        $this->assertSame($full, Memo::parseJson($text, 'HP:8'));
        $this->assertSame($full, Memo::parseJson($text));
        $this->assertSame(json_decode($full, true), Memo::parse($text, 'HP:8'));
        $this->assertSame(['invoice' => null, 'reason' => null, 'beneficiary' => null, 'payer' => null, 'sector' => null], Memo::parse(''));
        $this->assertSame(Status::RefSchemesInvalid, self::refused(fn () => Memo::parse('x', 'X:8'))->status());
    }

    public function testMessageValidateWithSchemes(): void
    {
        $m = Message::fromJson('{"sector":"health","payerName":"Trần Thị Mai","reason":"Viện phí","invoice":"vp 3728 1743 0911"}');
        $this->assertSame([400, 400, 400], self::codes($m->validate()));
        $r = $m->validate('HP:8, VP:10');
        $this->assertTrue($r->isValid());
        $this->assertSame([401], self::codes($r));
        $this->assertSame(
            '{"sector":"health","payerName":"Trần Thị Mai","reason":"Viện phí","invoice":"VP372817430911"}',
            $r->cleanedJson(),
        );
        $this->assertSame([400, 400, 400], self::codes($m->validate(' , ')), 'an empty list is no scheme');
        $m = Message::fromJson('{"sector":"health","payerName":"Trần Thị Mai","reason":"Viện phí","invoice":"VP372817430912"}');
        $r = $m->validate('VP:10');
        $this->assertFalse($r->isValid());
        $this->assertSame([410], self::codes($r));
        $this->assertTrue($m->validate(' , ')->isValid());
        $this->assertSame(Status::InvalidUtf8, self::refused(fn () => $m->validate("HP:8\xFF"))->status());
        foreach (['HO:8', 'HP8', 'HP:13'] as $bad) {
            $e = self::refused(fn () => $m->validate($bad));
            $this->assertSame(Status::RefSchemesInvalid, $e->status(), $bad);
            $this->assertSame('vietref_message_validate_schemes', $e->context);
        }
    }

    public function testVietQrForPaymentAndItsCodes(): void
    {
        $m = Message::fromJson(self::TUITION);
        $r = VietQr::forPayment($m, 'HP:8', '970436', '0011001234567');
        $this->assertTrue($r->isValid());
        $this->assertSame([605, 604, 603, 603], self::codes($r));
        $this->assertSame(self::PAYLOAD, $r->cleanedText());

        $qr = VietQr::decode(self::PAYLOAD, VietQrMode::Strict)->toVietQr();
        $this->assertSame('HP7184097674 HOC PHI HOC', $qr->get(VietQrField::Purpose));
        $this->assertEquals([new Candidate('HP7184097674', RefKind::Code, 0, 12)], $qr->paymentCodes('HP:8'));
        $this->assertSame([], $qr->paymentCodes());
        $this->assertSame(Status::RefSchemesInvalid, self::refused(fn () => $qr->paymentCodes('HP:5'))->status());

        $r = VietQr::forPayment($m, '', '97043', '0011001234567');
        $this->assertFalse($r->isValid());
        $this->assertSame(517, $r->findings()[4]->code);
        $bad = Message::fromJson('{"sector":"education","payerName":"An","reason":"Học phí","invoice":"HP1"}');
        $this->assertSame([300], self::codes(VietQr::forPayment($bad, '', '970436', '1')));
        $this->assertSame(Status::RefSchemesInvalid, self::refused(fn () => VietQr::forPayment($m, 'HP', '970436', '1'))->status());
        // the C ABI's order, named arguments welcome; the order of earlier releases (bin,
        // account, schemes) passes a BIN as the schemes and is refused, never silently swapped
        $this->assertSame(self::PAYLOAD, VietQr::forPayment($m, schemes: 'HP:8', bin: '970436', account: '0011001234567')->cleanedText());
        $this->assertSame(Status::RefSchemesInvalid, self::refused(fn () => VietQr::forPayment($m, '970436', '0011001234567', 'HP:8'))->status());
        $this->assertSame(Status::RefSchemesInvalid, self::refused(fn () => VietQr::forPayment($m, '970436', '0011001234567', ''))->status());
    }

    public function testAMessageClosedIsNotRendered(): void
    {
        $m = Message::fromJson(self::TUITION);
        $r = $m->memo('', Channel::Pos);
        $m->close();
        $this->assertSame('HP7184097674', $r->text(), 'the report outlives its message');
        $this->expectException(\LogicException::class);
        Memo::render($m, '', Channel::Pos);
    }
}
