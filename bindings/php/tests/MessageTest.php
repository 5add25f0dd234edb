<?php

declare(strict_types=1);

namespace Vietref\Tests;

use PHPUnit\Framework\TestCase;
use Vietref\Finding;
use Vietref\Message;
use Vietref\Severity;
use Vietref\Status;
use Vietref\VietrefException;

/** The payment message: build, validate, read the report; handle ownership. */
final class MessageTest extends TestCase
{
    public static function tuition(): Message
    {
        return (new Message())
            ->setSector('education')
            ->setPayerName('  nguyễn   văn AN ')
            ->setBeneficiaryName('Nguyễn Thị Bình')
            ->setReason('Học phí học kỳ 1 năm 2024-2025')
            ->setInvoice('HP7184097674')
            ->setAmount(1_250_000);
    }

    private static function describe(Finding $f): string
    {
        return "{$f->severity->name} {$f->field} {$f->key} {$f->code}";
    }

    public function testTuitionMessage(): void
    {
        // Expected output as documented for examples/c/tuition.c in the README (chapter "C ABI").
        $r = self::tuition()->validate();
        $this->assertTrue($r->isValid());
        $this->assertCount(2, $r);
        $f = $r->findings();
        $this->assertSame('Warning payerName text.whitespace 102', self::describe($f[0]));
        $this->assertSame('Warning payerName name.case 204', self::describe($f[1]));
        $this->assertStringContainsString('Nguyễn Văn An', $f[1]->message);
        $this->assertStringStartsWith('chữ hoa/thường', $f[1]->messageVi);
        $cleaned = $r->cleaned();
        $this->assertSame('Nguyễn Văn An', $cleaned['payerName']);
        $this->assertSame('Nguyễn Thị Bình', $cleaned['beneficiaryName']);
        $this->assertSame(1250000, $cleaned['amount']);
        $whole = json_decode($r->json(), true);
        $this->assertTrue($whole['valid']);
        $this->assertCount(2, $whole['findings']);
    }

    public function testEveryFindingIsCollected(): void
    {
        $r = (new Message(sector: 'bank', payerName: 'Lê 2', reason: '', invoice: 'ab c', amount: 0))->validate();
        $this->assertFalse($r->isValid());
        $this->assertSame(
            ['message.sector_invalid', 'name.digit', 'text.empty', 'invoice.invalid_char', 'message.amount_zero'],
            array_map(fn (Finding $f) => $f->key, $r->findings()),
        );
        foreach ($r as $f) {
            $this->assertSame(Severity::Error, $f->severity);
        }
        $d = $r->findings()[1];
        $this->assertSame(['payerName', 4, '2', 200], [$d->field, $d->position, $d->character(), $d->code]);
        $this->assertNull($r->findings()[0]->position);
        $this->assertNull($r->findings()[0]->codePoint);
        $this->assertNull($r->cleaned());
    }

    public function testFromJson(): void
    {
        $json = json_encode([
            'sector' => 'education', 'payerName' => 'nguyễn văn an', 'beneficiaryName' => 'Nguyễn Thị Bình',
            'reason' => 'Học phí', 'invoice' => 'HP7184097674', 'amount' => '1250000',
        ], JSON_UNESCAPED_UNICODE);
        $r = Message::fromJson($json)->validate();
        $this->assertTrue($r->isValid());
        $this->assertSame(['name.case'], array_map(fn (Finding $f) => $f->key, $r->findings()));
        $r = Message::fromJson('{"amount": true}')->validate();
        $this->assertContains('message.amount_invalid', array_map(fn (Finding $f) => $f->key, $r->errors()));
    }

    /** @return list<list<string>> */
    public static function badJson(): array
    {
        return [[''], ['{'], ['null'], ['3'], ['{"payerName": 3}']];
    }

    /** @dataProvider badJson */
    public function testFromJsonRejects(string $bad): void
    {
        try {
            Message::fromJson($bad);
            $this->fail("accepted $bad");
        } catch (VietrefException $e) {
            $this->assertSame(Status::MessageJsonInvalid, $e->status());
            $this->assertSame('VIETREF_MESSAGE_JSON_INVALID', $e->statusName);
            $this->assertNotSame('', $e->getMessage());
            $this->assertNotSame($e->getMessage(), $e->messageVi);
        }
    }

    public function testAmounts(): void
    {
        $m = new Message();
        try {
            $m->setAmount(-1);
            $this->fail('negative accepted');
        } catch (\ValueError) {
            // the C type is unsigned
        }
        $m->setAmount(PHP_INT_MAX);
        $this->assertContains('message.amount_too_large', array_map(fn (Finding $f) => $f->key, $m->validate()->errors()));
    }

    public function testCloseIsIdempotentAndUseAfterCloseThrows(): void
    {
        $m = (new Message())->setSector('education');
        $r = $m->validate();
        $m->close();
        $m->close();
        $this->assertTrue($m->isClosed());
        try {
            $m->validate();
            $this->fail();
        } catch (\LogicException) {
            $this->addToAssertionCount(1);
        }
        $findings = $r->findings();
        $r->close();
        $r->close();
        try {
            $r->isValid();
            $this->fail();
        } catch (\LogicException) {
            $this->addToAssertionCount(1);
        }
        $this->assertNotEmpty($findings);
        $this->assertNotSame('', $findings[0]->key);
    }

    public function testReportOutlivesItsMessageAndDestructorsFree(): void
    {
        $m = self::tuition();
        $r = $m->validate();
        unset($m);
        $this->assertTrue($r->isValid());
        $this->assertCount(2, $r);
        for ($i = 0; $i < 2000; $i++) {
            (new Message(payerName: 'Nguyễn Văn An'))->validate(); // both freed by their destructors at once
        }
        $this->assertTrue(true);
    }
}
