<?php
require is_file(__DIR__ . '/../vendor/autoload.php') ? __DIR__ . '/../vendor/autoload.php' : __DIR__ . '/../tests/bootstrap.php';

use Vietref\Message;

$report = (new Message(sector: 'education', payerName: '  nguyễn   văn AN ', beneficiaryName: 'Nguyễn Thị Bình',
    reason: 'Học phí học kỳ 1 năm 2024-2025', invoice: 'HP7184097674', amount: 1_250_000))->validate();
echo 'valid: ', $report->isValid() ? 'yes' : 'no', "\n";
foreach ($report as $f) {
    echo "{$f->severity->name} {$f->field} [{$f->key} {$f->code}]\n  en: {$f->message}\n  vi: {$f->messageVi}\n";
}
echo 'cleaned: ', $report->cleanedJson() ?? '(none)', "\n";
