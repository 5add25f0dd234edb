package org.vietref;

import static org.vietref.NativeAccess.len;
import static org.vietref.NativeAccess.lib;
import static org.vietref.NativeAccess.unsigned;
import static org.vietref.NativeAccess.utf8;
import static org.vietref.NativeAccess.utf8OrEmpty;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * A merchant with a payment gateway ("vnpay", "momo", "zalopay"): signed requests from a
 * {@link Message}, verified callbacks, and their settlement against a {@link Reconciler}'s
 * open invoices (owns a {@code vietref_gateway_merchant}: close it, or the cleaner frees it;
 * the library wipes the secrets). Results are the library's JSON (camelCase keys);
 * docs/gateway.md lists each gateway's fields, orders, encodings and codes.
 */
public final class GatewayMerchant extends Handle {
    /**
     * A merchant: {@code settingsJson} is {"merchantCode", "accessKey", "returnUrl",
     * "notifyUrl", "endpoint", ...}; {@code secret} the VNPAY hash secret, MoMo secret key or
     * ZaloPay key1; {@code secret2} ZaloPay's key2 (null for the others). Settings the gateway
     * cannot use are a {@link VietrefException} (INVALID_ARGUMENT).
     */
    public GatewayMerchant(String provider, String settingsJson, String secret, String secret2) {
        super(create(provider, settingsJson, secret, secret2), lib()::vietref_gateway_merchant_free);
    }

    private static Pointer create(String provider, String settingsJson, String secret, String secret2) {
        byte[] p = utf8(provider, "provider");
        byte[] s = utf8(settingsJson, "settingsJson");
        byte[] k = utf8(secret, "secret");
        byte[] k2 = utf8OrEmpty(secret2, "secret2");
        PointerByReference out = new PointerByReference();
        NativeAccess.check(lib().vietref_gateway_merchant_new(p, len(p), s, len(s), k, len(k), k2, len(k2), out),
                "vietref_gateway_merchant_new");
        return out.getValue();
    }

    /**
     * {"ok", "request", "findings"}: the signed request for {@code message} (the URL to send the
     * payer to, or the JSON body to post). {@code optionsJson}: {"createdAtMs", "attempt",
     * "ipAddr", "requestId", "bankCode"} ({@code createdAtMs} required).
     */
    public String request(Message message, String optionsJson) {
        byte[] o = utf8(optionsJson, "optionsJson");
        PointerByReference out = new PointerByReference();
        return NativeAccess.string(lib().vietref_gateway_request(live(), message.live(), o, len(o), out), out,
                "vietref_gateway_request");
    }

    /** Verifies a callback: {"provider", "verified", "callback", "findings", "answer"}. */
    public String verify(String callback) {
        byte[] c = utf8(callback, "callback");
        PointerByReference out = new PointerByReference();
        return NativeAccess.string(lib().vietref_gateway_verify(live(), c, len(c), out), out, "vietref_gateway_verify");
    }

    /**
     * Verifies {@code callback} and, for a trusted successful payment, feeds it to
     * {@code reconciler} as statement line {@code line}: {"provider", "applied", "result",
     * "findings", "answer"} ({@code answer}: what to reply to the gateway).
     */
    public String settle(String callback, Reconciler reconciler, long line) {
        byte[] c = utf8(callback, "callback");
        PointerByReference out = new PointerByReference();
        return NativeAccess.string(lib().vietref_gateway_settle(live(), reconciler.live(), c, len(c),
                unsigned(line, "line"), out), out, "vietref_gateway_settle");
    }

    /**
     * For tests and demos: the callback the gateway would send for the request built from
     * {@code message} and {@code optionsJson}, with result {@code code}, signed with the
     * merchant's secret.
     */
    public String simulateCallback(Message message, String optionsJson, String code, long transaction, long atMs) {
        byte[] o = utf8(optionsJson, "optionsJson");
        byte[] c = utf8(code, "code");
        PointerByReference out = new PointerByReference();
        return NativeAccess.string(lib().vietref_gateway_simulate_callback(live(), message.live(), o, len(o), c, len(c),
                unsigned(transaction, "transaction"), unsigned(atMs, "atMs"), out), out,
                "vietref_gateway_simulate_callback");
    }

    /** Never shows the secrets. */
    @Override
    public String toString() {
        return "GatewayMerchant(secret=***)";
    }
}
