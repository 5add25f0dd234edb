<?php
// The cross-surface scenario in PHP (scripts/scenario.py runs it and compares its lines with
// the CLI's): validate a message, render its memo, build its VietQR, decode a payload, extract
// codes from memo lines, reconcile a statement. Arguments: see scripts/scenario.py.
require is_file(__DIR__ . '/../vendor/autoload.php') ? __DIR__ . '/../vendor/autoload.php' : __DIR__ . '/../tests/bootstrap.php';

use Vietref\{Channel, Memo, Message, Reconciler, StatementFormat, VietQr};

[, $messageFile, $validateSchemes, $channel, $renderSchemes, $bin, $account, $qrSchemes, $payload,
    $linesFile, $extractSchemes, $invoices, $statement, $statementFormat, $reconcileSchemes] = $argv;

/** Prints the library's JSON as it is, in an envelope: {"step": ..., KEY: JSON}. */
function out(string $step, array $fields): void
{
    $parts = ['"step":"' . $step . '"'];
    foreach ($fields as $k => $json) {
        $parts[] = "\"$k\":$json";
    }
    echo '{', implode(',', $parts), "}\n";
}

/** An enum case by its CLI name ("vietqr-bill" → VietQrBill, "csv" → Csv). */
function byName(string $enum, string $name): mixed
{
    foreach ($enum::cases() as $case) {
        if (strtolower($case->name) === str_replace(['-', '_'], '', strtolower($name))) {
            return $case;
        }
    }
    throw new InvalidArgumentException("no $enum named $name");
}

$message = Message::fromJson(file_get_contents($messageFile));
out('validate', ['report' => $message->validate($validateSchemes)->json()]);
out('render', ['report' => Memo::render($message, $renderSchemes, byName(Channel::class, $channel))->json()]);
out('qr', ['report' => VietQr::forPayment($message, $qrSchemes, $bin, $account)->json()]);
out('decode', ['report' => VietQr::decode($payload)->json()]); // the default mode
foreach (explode("\n", rtrim(file_get_contents($linesFile), "\n")) as $i => $line) {
    out('extract', ['line' => (string) ($i + 1), 'candidates' => Memo::extractJson($line, $extractSchemes)]);
}
$rec = new Reconciler($reconcileSchemes);
$rec->addInvoicesCsv(file_get_contents($invoices));
[$results] = $rec->feedStatement(file_get_contents($statement), byName(StatementFormat::class, $statementFormat));
foreach (explode("\n", rtrim($results, "\n")) as $line) {
    out('reconcile.line', ['result' => $line]);
}
out('reconcile.summary', ['summary' => $rec->summaryJson()]);
