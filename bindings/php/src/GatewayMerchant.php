<?php

declare(strict_types=1);

namespace Vietref;

use FFI;

/**
 * A merchant with a payment gateway ('vnpay', 'momo', 'zalopay'): signed requests from a
 * Message, verified callbacks, and their settlement against a Reconciler's open invoices
 * (owns a vietref_gateway_merchant; the library wipes the secrets when it is freed). Results
 * are the library's JSON decoded to arrays (camelCase keys); docs/gateway.md lists each
 * gateway's fields, orders, encodings and codes.
 */
final class GatewayMerchant extends Handle
{
    /**
     * @param string $settingsJson {"merchantCode", "accessKey", "returnUrl", "notifyUrl", "endpoint", ...}
     * @param string $secret the VNPAY hash secret, MoMo secret key or ZaloPay key1
     * @param string $secret2 ZaloPay's key2 ('' for the others)
     * @throws VietrefException INVALID_ARGUMENT for settings the gateway cannot use
     */
    public function __construct(string $provider, string $settingsJson, string $secret, string $secret2 = '')
    {
        $out = Native::out('vietref_gateway_merchant');
        Native::check(
            Native::ffi()->vietref_gateway_merchant_new(
                $provider, strlen($provider), $settingsJson, strlen($settingsJson), $secret, strlen($secret),
                $secret2, strlen($secret2), FFI::addr($out),
            ),
            'vietref_gateway_merchant_new',
        );
        parent::__construct($out, 'vietref_gateway_merchant_free');
    }

    /** {"ok", "request", "findings"}: the signed request for $message (the URL to send the payer to, or the body to post). */
    public function request(Message $message, string $optionsJson): array
    {
        return self::decode(Native::string(
            'vietref_gateway_request', $this->live(), $message->handle(), $optionsJson, strlen($optionsJson),
        ));
    }

    /** Verifies a callback: {"provider", "verified", "callback", "findings", "answer"}. */
    public function verify(string $callback): array
    {
        return self::decode(Native::string('vietref_gateway_verify', $this->live(), $callback, strlen($callback)));
    }

    /** Verifies $callback and, for a trusted successful payment, feeds it to $reconciler as line $line. */
    public function settle(string $callback, Reconciler $reconciler, int $line): array
    {
        return self::decode(Native::string(
            'vietref_gateway_settle', $this->live(), $reconciler->handle(), $callback, strlen($callback),
            Native::unsigned($line, 'line'),
        ));
    }

    /** For tests and demos: the callback the gateway would send for the request of $message, signed with the secret. */
    public function simulateCallback(Message $message, string $optionsJson, string $code, int $transaction, int $atMs): string
    {
        return Native::string(
            'vietref_gateway_simulate_callback', $this->live(), $message->handle(), $optionsJson, strlen($optionsJson),
            $code, strlen($code), Native::unsigned($transaction, 'transaction'), Native::unsigned($atMs, 'atMs'),
        );
    }

    public function __toString(): string
    {
        return 'GatewayMerchant(secret=***)';
    }

    public function __debugInfo(): array
    {
        return ['secret' => '***'];
    }

    private static function decode(string $json): array
    {
        return json_decode($json, true, 512, JSON_THROW_ON_ERROR);
    }
}
