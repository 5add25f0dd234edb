<?php

declare(strict_types=1);

namespace Vietref\Tests;

use PHPUnit\Framework\TestCase;
use Vietref\Finding;
use Vietref\LineResult;
use Vietref\LineStatus;
use Vietref\Reconciler;
use Vietref\Status;
use Vietref\VietrefException;

/** Reconciliation: one line per status, invoices added and refused (tests/c/test_reconcile.c's school). */
final class ReconcileTest extends TestCase
{
    private const C1 = 'HP24010172';
    private const C2 = 'HP24010269';
    private const C3 = 'HP24010366';
    private const C4 = 'HP24010463';

    private static function school(): Reconciler
    {
        $r = new Reconciler('HP:6');
        foreach ([
            [self::C1, 1_250_000, 'Nguyễn Văn An', 'Nguyễn Thị Bình'],
            [self::C2, 1_250_000, 'Trần Văn Hùng', 'Trần Minh Khoa'],
            [self::C3, 980_000, 'Lê Thị Thuỷ', 'Phạm Gia Huy'],
            [self::C4, 750_000, 'Đỗ Thị Hoa', 'Hoàng Vy'],
        ] as [$code, $amount, $payer, $beneficiary]) {
            $report = $r->addInvoice($code, $amount, $payer, $beneficiary);
            self::assertTrue($report->isValid(), $code);
            self::assertSame($code, $report->cleanedText());
        }
        return $r;
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

    public function testPossibleTypo(): void
    {
        $r = self::school();
        // HP24010173 fails its check digits and is one digit away from C1 only.
        $x = $r->feed(2, 1_000, 'HP24010173 hoc phi');
        $this->assertSame([LineStatus::Unmatched, null, null, self::C1], [$x->status, $x->invoice, $x->suggestion, $x->possibleTypo]);
        $this->assertSame(['typed' => 'HP24010173', 'invoice' => self::C1, 'candidates' => 1], $x->toArray()['evidence']['typo']);
        $this->assertStringContainsString('possible typo', $x->reason);
        $x = $r->feed(3, 1_000, 'hoc phi');
        $this->assertNull($x->possibleTypo);
    }

    public function testOneLinePerStatus(): void
    {
        $r = self::school();

        $x = $r->feed(2, 1_250_000, 'MBVCB.2427229823.174242.HP24010172 HOC PHI HK1.CT tu 1027236393');
        $this->assertSame(LineStatus::Paid, $x->status);
        $this->assertSame(self::C1, $x->invoice);
        $this->assertNull($x->suggestion);
        $this->assertSame('code HP24010172 found; 1,250,000 VND paid in full', $x->reason);
        $this->assertSame('tìm thấy mã HP24010172; đã thanh toán đủ 1.250.000 đ', $x->reasonVi);
        $this->assertStringStartsWith('{"line":2,"status":"paid","invoice":"HP24010172","suggestion":null,"amount":1250000,', $x->json);
        $this->assertSame(1_250_000, $x->toArray()['evidence']['amountDue']);

        $x = $r->feed(3, 500_000, 'hp 2401 0269 hoc phi');
        $this->assertSame([LineStatus::Partial, self::C2], [$x->status, $x->invoice]);
        $this->assertSame('code HP24010269 found; 500,000 VND paid of 1,250,000 VND, 750,000 VND still due', $x->reason);
        $x = $r->feed(4, 750_000, 'HP24010269 con lai');
        $this->assertSame([LineStatus::Paid, self::C2], [$x->status, $x->invoice]);

        $x = $r->feed(5, 100_000, 'HP24010269', 'FT1');
        $this->assertSame([LineStatus::Duplicate, self::C2], [$x->status, $x->invoice]);
        $this->assertSame(4, $x->toArray()['evidence']['settledByLine']);
        $this->assertSame('FT1', $x->toArray()['reference']);

        $x = $r->feed(6, 1_000_000, 'IB HP24010366 HOC PHI');
        $this->assertSame([LineStatus::Overpaid, self::C3], [$x->status, $x->invoice]);
        $this->assertSame('code HP24010366 found; 1,000,000 VND paid for 980,000 VND due: 20,000 VND too much', $x->reason);

        $x = $r->feed(7, 1_250_000, 'HP23999987 hoc phi hk2');
        $this->assertSame([LineStatus::UnknownCode, null, null], [$x->status, $x->invoice, $x->suggestion]);
        $x = $r->feed(8, 2_500_000, 'HP24010172 HP24010269 HOC PHI 2 CHAU');
        $this->assertSame([LineStatus::Ambiguous, null, null], [$x->status, $x->invoice, $x->suggestion]);

        $x = $r->feed(9, 200_000, 'ung ho quy lop');
        $this->assertSame([LineStatus::Unmatched, null, null], [$x->status, $x->invoice, $x->suggestion]);
        $this->assertSame('no invoice code found in the content', $x->reason);
        $x = $r->feed(10, 750_000, 'CHUYEN TIEN HOC PHI CHO CHAU HOANG VI LOP 6A');
        $this->assertSame([LineStatus::Unmatched, null, self::C4], [$x->status, $x->invoice, $x->suggestion]);
        $this->assertSame("unmatched: {$x->reason}", (string) $x);
        $this->assertNotSame($x->reason, $x->reasonVi);

        $this->assertSame(
            '{"code":"HP24010269","kind":"payment_code","amountDue":1250000,"paid":1350000,"payments":3,"outstanding":0,"status":"overpaid"}',
            $r->invoiceJson('hp 2401 0269'),
        );
        $this->assertSame(
            ['code' => self::C4, 'kind' => 'payment_code', 'amountDue' => 750000, 'paid' => 0, 'payments' => 0, 'outstanding' => 750000, 'status' => 'unpaid'],
            $r->invoice(self::C4),
        );
        $this->assertNull($r->invoiceJson('HP23999987'));
        $this->assertNull($r->invoice(''));

        $s = $r->summaryJson();
        $this->assertStringStartsWith('{"lines":9,"amount":8300000,"statuses":[{"status":"paid","lines":2,"amount":2000000},'
            . '{"status":"partial","lines":1,"amount":500000},', $s);
        $this->assertStringContainsString('{"status":"unmatched","lines":2,"amount":950000}', $s);
        $this->assertStringEndsWith('"invoices":4,"invoicesSettled":1,"invoicesOverpaid":2,"invoicesPartial":0,'
            . '"invoicesUnpaid":1,"outstanding":750000}', $s);
        $summary = $r->summary();
        $perStatus = array_column($summary['statuses'], 'lines', 'status');
        $this->assertSame(
            ['paid' => 2, 'partial' => 1, 'overpaid' => 1, 'duplicate' => 1, 'unknown_code' => 1, 'ambiguous' => 1, 'unmatched' => 2],
            $perStatus,
        );
        $this->assertSame(9, $summary['lines']);
    }

    public function testInvoicesAddedAndRefused(): void
    {
        $r = new Reconciler('HP:6, VP:8');
        $rep = $r->addInvoice('hp 2401 0172', 1_250_000, due: '2024-09-15');
        $this->assertTrue($rep->isValid());
        $this->assertSame([401], array_map(fn (Finding $f) => $f->code, $rep->findings()));
        $this->assertSame(self::C1, $rep->cleanedText());

        $rep = $r->addInvoice(self::C1, 5);
        $this->assertFalse($rep->isValid());
        $this->assertSame([814], array_map(fn (Finding $f) => $f->code, $rep->findings()));
        $this->assertNull($rep->cleanedText());
        $this->assertSame([410, 803], array_map(fn (Finding $f) => $f->code, $r->addInvoice('HP24010173', 0)->findings()));
        $this->assertSame(804, $r->addInvoice(self::C2, 10_000_000_000_000)->findings()[0]->code);
        $this->assertSame(804, $r->addInvoice(self::C2, PHP_INT_MAX)->findings()[0]->code);
        $this->assertSame(816, $r->addInvoice(self::C2, 1, due: '31/02/2024')->findings()[0]->code);
        $rep = $r->addInvoice('AB12', 1000, 'An');
        $this->assertTrue($rep->isValid());
        $this->assertSame(815, $rep->findings()[0]->code);
        $this->assertNull($r->invoice(self::C3));
        $this->assertSame(2, $r->summary()['invoices']);
    }

    public function testArguments(): void
    {
        foreach (['HO:6', 'HP', 'HP:99'] as $bad) {
            $e = self::refused(fn () => new Reconciler($bad));
            $this->assertSame(Status::RefSchemesInvalid, $e->status(), $bad);
        }
        $r = new Reconciler();
        foreach ([0, 10_000_000_000_000, PHP_INT_MAX] as $amount) {
            $e = self::refused(fn () => $r->feed(1, $amount, 'x'));
            $this->assertSame(Status::ReconcileAmountInvalid, $e->status());
            $this->assertSame(700, $e->getCode());
        }
        $this->assertStringStartsWith('{"lines":0,', $r->summaryJson(), 'refused lines are not counted');
        $x = $r->feed(1, 1, '', 'FT24', '2024-09-01', 'NGUYEN VAN AN');
        $this->assertSame(LineStatus::Unmatched, $x->status);
        $a = $x->toArray();
        $this->assertSame(['2024-09-01', 'NGUYEN VAN AN', 'FT24'], [$a['date'], $a['counterName'], $a['reference']]);
        foreach ([fn () => $r->feed(-1, 1, 'x'), fn () => $r->feed(1, -1, 'x'), fn () => $r->addInvoice('AB1234', -5)] as $fn) {
            try {
                $fn();
                $this->fail('negative accepted');
            } catch (\ValueError) {
                $this->addToAssertionCount(1);
            }
        }
    }

    public function testOwnership(): void
    {
        $r = self::school();
        $x = $r->feed(1, 1_250_000, self::C1);
        $this->assertInstanceOf(LineResult::class, $x);
        $this->assertFalse($r->isClosed());
        $r->close();
        $r->close();
        $this->assertTrue($r->isClosed());
        $this->assertSame(self::C1, $x->invoice, 'a line result is a copy');
        foreach ([fn () => $r->feed(2, 1, 'x'), fn () => $r->summaryJson(), fn () => $r->invoiceJson(self::C1), fn () => $r->addInvoice('AB1234', 1)] as $fn) {
            try {
                $fn();
                $this->fail('a closed reconciler was used');
            } catch (\LogicException) {
                $this->addToAssertionCount(1);
            }
        }
        // Many reconcilers and lines, each freed by the destructor.
        for ($i = 0; $i < 200; $i++) {
            $s = self::school();
            $s->feed($i, 1, "HP24010172 $i");
        }
        $this->assertTrue(true);
    }
}
