<?php

declare(strict_types=1);

namespace Vietref\Tests;

use PHPUnit\Framework\TestCase;
use Vietref\Finding;
use Vietref\Reconciler;
use Vietref\ResultsFormat;
use Vietref\Severity;
use Vietref\StatementFormat;
use Vietref\Status;
use Vietref\VietrefException;

/** Whole files held in memory: the bundled examples/reconcile invoices and statements read and fed at once. */
final class ReconcileFilesTest extends TestCase
{
    /** A bundled file of examples/reconcile (the repository's, next to tests/data). */
    private static function example(string $name): string
    {
        $data = getenv('VIETREF_TEST_DATA') ?: TestData::repo() . '/tests/data';
        return file_get_contents(dirname($data, 2) . '/examples/reconcile/' . $name);
    }

    private static function loaded(): Reconciler
    {
        $r = new Reconciler('HP:6');
        [$added, $report] = $r->addInvoicesCsv(self::example('invoices.csv'));
        self::assertSame(13, $added);
        self::assertTrue($report->isValid());
        return $r;
    }

    /** @return list<array<string, mixed>> */
    private static function rows(string $jsonLines): array
    {
        return array_map(fn ($l) => json_decode($l, true, 512, JSON_THROW_ON_ERROR), array_values(array_filter(explode("\n", $jsonLines))));
    }

    /** @param list<Finding> $findings @return list<string> */
    private static function fields(array $findings): array
    {
        return array_map(fn (Finding $f) => "$f->field $f->key", $findings);
    }

    public function testAddInvoicesCsvAddsTheBundledList(): void
    {
        $r = new Reconciler('HP:6');
        [$added, $report] = $r->addInvoicesCsv(self::example('invoices.csv'));
        $this->assertSame(13, $added);
        $this->assertTrue($report->isValid());
        $this->assertSame('13', $report->cleanedText());
        $this->assertSame(['14:code invoice.normalized'], self::fields($report->findings()));
        $this->assertSame(Severity::Warning, $report->findings()[0]->severity);
        $this->assertSame(13, $r->summary()['invoices']);
        $inv = $r->invoice('HP 2401 0366');
        $this->assertSame(['HP24010366', 1_250_000, 'unpaid'], [$inv['code'], $inv['amountDue'], $inv['status']]);
        $this->assertSame(750_000, $r->invoice('HP24010657')['amountDue']);
        // the same list again: every record a duplicate (814), nothing added
        [$added, $report] = $r->addInvoicesCsv(self::example('invoices.csv'));
        $this->assertSame(0, $added);
        $this->assertFalse($report->isValid());
        $this->assertNull($report->cleanedText());
        $this->assertSame(array_map(fn ($i) => "$i:code=814", range(2, 14)), array_map(fn ($f) => "$f->field=$f->code", $report->errors()));
    }

    /** Issue 19's "done when": the school's XLSX invoices and the bank's XLSX statement. */
    public function testTheSchoolAndBankWorkbooks(): void
    {
        $r = new Reconciler('HP:8');
        try {
            $r->addInvoices(self::example('hoc_phi.xlsx'), StatementFormat::Json);
            $this->fail('JSON is no invoice format');
        } catch (VietrefException $e) {
            $this->assertSame(Status::InvalidArgument, $e->status());
        }
        [$added, $report] = $r->addInvoices(self::example('hoc_phi.xlsx'), StatementFormat::Xlsx);
        $this->assertSame(7, $added);
        $this->assertTrue($report->isValid());
        $this->assertSame(['1 reconcile.row_skipped', '2 reconcile.row_skipped', '12 reconcile.row_skipped'], self::fields($report->warnings()));
        [$results] = $r->feedStatement(self::example('sao_ke_vcb.xlsx'), StatementFormat::Xlsx);
        $this->assertSame(
            ['9 paid HP2409010192', '10 partial HP2409010289', '11 overpaid HP2409010386', '12 paid HP2409010483',
             '13 paid HP2409010580', '15 unmatched ', '16 duplicate HP2409010192', '17 unmatched '],
            array_map(fn ($x) => "{$x['line']} {$x['status']} {$x['invoice']}", self::rows($results)),
        );
    }

    public function testAddInvoicesCsvReportsEachRecord(): void
    {
        $r = new Reconciler('HP:6');
        [$added, $report] = $r->addInvoicesCsv("code,amount\nHP24010172,abc\n");
        $this->assertSame(0, $added);
        $this->assertFalse($report->isValid());
        $this->assertSame(['2:amount reconcile.amount_invalid'], self::fields($report->findings()));
        $this->assertTrue($report->findings()[0]->isError());
        $this->assertSame(0, $r->summary()['invoices']);
        [$added, $report] = $r->addInvoicesCsv("Mã HĐ;Phải thu\nHP24010172;1.250.000\nHP24010173;5\nHP24010269;980000\n", 'code=Mã HĐ,amount=Phải thu');
        $this->assertSame(2, $added);
        $this->assertSame(['3:Mã HĐ=410'], array_map(fn ($f) => "$f->field=$f->code", $report->errors()));
        [$added, $report] = $r->addInvoicesCsv("code,amount\nHP24010463,1\n", 'nonsense');
        $this->assertSame(0, $added);
        $this->assertSame('columns', $report->errors()[0]->field);
        $this->assertSame(2, $r->summary()['invoices']);
    }

    public function testFeedStatementCsv(): void
    {
        $r = self::loaded();
        [$results, $report] = $r->feedStatement(self::example('statement.csv'));
        $this->assertStringEndsWith("\n", $results);
        $rows = self::rows($results);
        $this->assertCount(16, $rows);
        foreach ($rows as $row) {
            $this->assertArrayHasKey('line', $row);
            $this->assertArrayHasKey('status', $row);
            $this->assertArrayHasKey('invoice', $row);
        }
        $byLine = array_column($rows, null, 'line');
        $this->assertSame(['paid', 'HP24010851'], [$byLine[12]['status'], $byLine[12]['invoice']]);
        $this->assertSame('duplicate', $byLine[6]['status']);
        $this->assertArrayNotHasKey(17, $byLine);
        $s = $r->summary();
        $this->assertTrue($report->isValid());
        $this->assertSame((string) count($rows), $report->cleanedText());
        $skipped = array_values(array_filter($report->warnings(), fn ($f) => $f->key === 'reconcile.outgoing_skipped'));
        $this->assertSame($s['skipped'], count($skipped));
        $this->assertSame('17:amount', $skipped[0]->field);
        $this->assertSame(count($rows), $s['lines']);
        // line 12 is what feeding that record on its own gives
        $one = self::loaded()->feed(12, 1_250_000, 'HP 2401 0851 HOC PHI HK1 HS BUI THI M', 'FT24253011', '2024-09-09 08:12:00', 'BUI VAN TIEN');
        $this->assertSame(explode("\n", $results)[10], $one->json);

        [$csv, $report] = self::loaded()->feedStatement(self::example('statement.csv'), StatementFormat::Csv, '', ResultsFormat::Csv);
        $this->assertStringStartsWith('line,status,invoice,', $csv);
        $lines = explode("\r\n", $csv);
        $this->assertSame('', end($lines));
        $this->assertStringStartsWith('2,paid,HP24010172,', $lines[1]);
        $this->assertStringStartsWith('3,partial,', $lines[2]);
    }

    public function testFeedStatementJson(): void
    {
        $r = self::loaded();
        [$results, $report] = $r->feedStatement(self::example('statement.jsonl'), StatementFormat::JsonLines);
        $rows = self::rows($results);
        $s = $r->summary();
        $this->assertTrue($report->isValid());
        $this->assertSame($s['lines'], count($rows));
        $this->assertGreaterThan(0, $s['skipped']);
        $this->assertSame($s['skipped'], count(array_filter($report->warnings(), fn ($f) => $f->key === 'reconcile.outgoing_skipped')));
        foreach ($report->findings() as $f) {
            $this->assertMatchesRegularExpression('/^\d+:\w+$/', $f->field);
        }
        // a JSON array of the same objects: the same results, numbered by position
        $objects = array_values(array_filter(explode("\n", self::example('statement.jsonl')), fn ($l) => trim($l) !== ''));
        [$array, $report2] = self::loaded()->feedStatement('[' . implode(',', $objects) . ']', StatementFormat::Json);
        $strip = fn ($t) => preg_replace('/^\{"line":\d+,/m', '{', $t);
        $this->assertSame($strip($results), $strip($array));
        $this->assertSame(count($report), count($report2));
    }

    public function testFeedStatementRefusals(): void
    {
        $r = self::loaded();
        $data = self::example('statement.csv');
        foreach ([[0, ResultsFormat::JsonLines], [6, ResultsFormat::JsonLines], [StatementFormat::Csv, 0], [StatementFormat::Csv, 3]] as [$f, $rf]) {
            try {
                $r->feedStatement($data, $f, '', $rf);
                $this->fail('an unknown format');
            } catch (VietrefException $e) {
                $this->assertSame(Status::InvalidArgument, $e->status());
                $this->assertSame('vietref_reconciler_feed_statement', $e->context);
            }
        }
        $this->assertSame(0, $r->summary()['lines']);
        [$results, $report] = $r->feedStatement("date,amount,content,reference\n,abc,HP24010172,\n,1.250.000,HP24010172,\n");
        $this->assertSame(['2:amount'], array_map(fn ($f) => $f->field, $report->errors()));
        $this->assertSame([3], array_column(self::rows($results), 'line'));
        $this->assertSame(1, $r->summary()['rejected']);
        [$results, $report] = $r->feedStatement("a,b\n1,2\n");
        $this->assertSame('', $results);
        $this->assertFalse($report->isValid());
        $r->close();
        foreach ([fn () => $r->addInvoicesCsv(''), fn () => $r->feedStatement('')] as $fn) {
            try {
                $fn();
                $this->fail('a closed reconciler used');
            } catch (\LogicException $e) {
                $this->assertStringContainsString('closed', $e->getMessage());
            }
        }
    }

    /** The bundled statement's records 40 times over (more lines than the second thread reads at a time, 512): the same results and summary on two threads as on one. */
    public function testFeedStatementOnTwoThreadsAsOnOne(): void
    {
        [$head, $body] = explode("\n", self::example('statement.csv'), 2);
        if (!str_ends_with($body, "\n")) {
            $body .= "\n";
        }
        $statement = $head . "\n" . str_repeat($body, 40);
        $outputs = [];
        foreach ([1, 2] as $threads) {
            $r = self::loaded();
            $r->setThreads($threads);
            [$results, $report] = $r->feedStatement($statement);
            $this->assertTrue($report->isValid());
            $this->assertCount(40 * 16, self::rows($results));
            $outputs[] = [$results, $r->summaryJson()];
        }
        $this->assertSame($outputs[0], $outputs[1]);
        $r = self::loaded();
        $r->setThreads(0);
        $this->expectException(\ValueError::class);
        $r->setThreads(-1);
    }
}
