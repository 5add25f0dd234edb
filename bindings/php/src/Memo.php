<?php

declare(strict_types=1);

namespace Vietref;

use FFI;

/**
 * Memos: the transfer content a payment message becomes on a channel, and reading the
 * codes and fields back from what the bank delivered.
 *
 * $schemes is the institution's payment-code schemes, "HP:8,VP:10" (PREFIX:LENGTH items
 * separated by commas or spaces; '' for none); a malformed one is VietrefException
 * (Status::RefSchemesInvalid).
 */
final class Memo
{
    private function __construct()
    {
    }

    /**
     * Renders $message for $channel: CODE[ REASON][ HS|BN BENEFICIARY][ PH|NTT PAYER], the
     * invoice code first and never cut, the other fields folded to ASCII, whole, cut after a
     * word, or left out. The draft is validated first (knowing $schemes). $budget overrides
     * the channel's length budget in characters (0 keeps the channel's). An unknown channel
     * number is Status::InvalidArgument. The arguments follow the C ABI
     * (vietref_memo_render(message, schemes, channel, budget)); $schemes '' is none, and
     * named arguments read well: Memo::render($m, schemes: '', channel: Channel::Pos).
     */
    public static function render(Message $message, string $schemes, Channel|int $channel, int $budget = 0): MemoReport
    {
        $out = Native::out('vietref_report');
        Native::check(
            Native::ffi()->vietref_memo_render(
                $message->handle(), $schemes, strlen($schemes), Native::value($channel), Native::unsigned($budget, 'budget'), FFI::addr($out),
            ),
            'vietref_memo_render',
        );
        return new MemoReport($out);
    }

    /**
     * As render(), for a channel the institution defines itself (a bank whose transfer content
     * allows other characters or another length). $name (not empty) names the channel in the
     * memo's JSON; $charset lists the printable ASCII characters that survive it, X-Y for a
     * range and - first or last for itself ("A-Za-z0-9 ."); $budget is its length in
     * characters (at least 1); $referenceOnly writes only the invoice code (a bill-number kind
     * of field) instead of the full template. An empty name or character set, a budget of 0,
     * a character outside printable ASCII or a range written backwards is
     * Status::InvalidArgument; a set without the code's letters and digits gives a report
     * that says the code cannot travel. The arguments follow the C ABI
     * (vietref_memo_render_custom(message, schemes, name, charset, budget, reference_only)).
     */
    public static function renderCustom(
        Message $message,
        string $schemes,
        string $name,
        string $charset,
        int $budget,
        bool $referenceOnly = false,
    ): MemoReport {
        $out = Native::out('vietref_report');
        Native::check(
            Native::ffi()->vietref_memo_render_custom(
                $message->handle(), $schemes, strlen($schemes), $name, strlen($name), $charset, strlen($charset),
                Native::unsigned($budget, 'budget'), $referenceOnly ? 1 : 0, FFI::addr($out),
            ),
            'vietref_memo_render_custom',
        );
        return new MemoReport($out);
    }

    /**
     * The payment codes of $schemes and the RF references found in $text (a statement line,
     * a memo as the bank delivered it), in order of appearance, each once; [] when none.
     *
     * @return list<Candidate>
     */
    public static function extract(string $text, string $schemes = ''): array
    {
        return Candidate::collect('vietref_memo_extract', false, $text, strlen($text), $schemes, strlen($schemes))[0];
    }

    /** extract() as the library's JSON: [{"code","kind","start","end"}] (kind payment_code, rf). */
    public static function extractJson(string $text, string $schemes = ''): string
    {
        return Candidate::collect('vietref_memo_extract', true, $text, strlen($text), $schemes, strlen($schemes))[1];
    }

    /**
     * The fields of a memo vietref rendered, as far as they survive what the banks did to it:
     * ['invoice' => ['code', 'kind', 'start', 'end'] or null, 'reason', 'beneficiary',
     * 'payer' (folded memo text or null), 'sector' ('education', 'health' or null)].
     *
     * @return array<string, mixed>
     */
    public static function parse(string $text, string $schemes = ''): array
    {
        return json_decode(self::parseJson($text, $schemes), true, 512, JSON_THROW_ON_ERROR);
    }

    /**
     * The envelope banks and NAPAS put around the payer's words in a statement line: 'bank',
     * 'shape' (null when no shape matched), 'senderName', 'senderAccount', 'senderBank',
     * 'receiverAccount', 'receiverName' (each null or ['text' => ..., 'span' => [start, end]]),
     * 'numbers' (['kind', 'text', 'span']) and 'free' (the payer's words); byte offsets.
     *
     * @return array<string, mixed>
     */
    public static function envelope(string $text): array
    {
        return json_decode(self::envelopeJson($text), true, 512, JSON_THROW_ON_ERROR);
    }

    /** envelope() as the library's JSON (what `vietref memo envelope` prints). */
    public static function envelopeJson(string $text): string
    {
        return Native::string('vietref_memo_envelope', $text, strlen($text));
    }

    /** parse() as the library's JSON (what `vietref memo parse` prints). */
    public static function parseJson(string $text, string $schemes = ''): string
    {
        return Native::string('vietref_memo_parse', $text, strlen($text), $schemes, strlen($schemes));
    }
}
