<?php
// Smoke test of the Composer package: php smoke.php VERSION, in a project that required it.
require __DIR__ . '/vendor/autoload.php';

use Vietref\Message;
use Vietref\Reconciler;
use Vietref\VietQr;
use Vietref\Vietref;

const STATEMENT = "date,amount,content\n"
    . "2024-09-05,1250000,NGUYEN VAN AN HP24010172 hoc phi\n"
    . "2024-09-06,300000,chuyen tien\n";

function check(bool $ok, string $what): void
{
    if (!$ok) {
        fwrite(STDERR, "php smoke: FAILED: $what\n");
        exit(1);
    }
}

check(Vietref::version() === $argv[1], 'version ' . Vietref::version() . ' != ' . $argv[1]);
check(str_contains(Vietref::loadedFrom(), '/vendor/vietref/vietref/lib/'), 'library not from the package: ' . Vietref::loadedFrom());

$m = new Message(sector: 'education', payerName: '  nguyễn   văn AN ', beneficiaryName: 'Nguyễn Thị Bình',
    reason: 'Học phí học kỳ 1 năm 2024-2025', invoice: 'HP24010172', amount: 1_250_000);
$report = $m->validate();
check($report->isValid(), 'tuition message not valid');
check(str_contains($report->cleanedJson() ?? '', '"payerName":"Nguyễn Văn An"'), (string) $report->cleanedJson());
$qr = VietQr::forPayment($m, 'HP:6', '970436', '0011001234567');
$payload = $qr->cleanedText() ?? '';
check($qr->isValid() && str_starts_with($payload, '000201'), "VietQR: $payload");
check(str_contains($payload, '970436') && str_contains($payload, 'HP24010172'), "VietQR lacks bank or code: $payload");

$r = new Reconciler('HP:6');
check($r->addInvoice('HP24010172', 1_250_000, 'Nguyễn Văn An')->isValid(), 'invoice not added');
[$results, $fed] = $r->feedStatement(STATEMENT);
check($fed->isValid(), 'statement rejected');
check(str_contains($results, '"line":2,"status":"paid","invoice":"HP24010172"'), $results);
check(str_contains($results, '"line":3,"status":"unmatched"'), $results);

echo 'php smoke ok: vietref ', Vietref::version(), ' from ', Vietref::loadedFrom(), "\n";
