using System;

namespace Vietref
{
    /// <summary>A merchant with a payment gateway (<c>"vnpay"</c>, <c>"momo"</c>, <c>"zalopay"</c>): signed requests from
    /// a <see cref="Message"/>, verified callbacks, and their settlement against a <see cref="Reconciler"/>'s open
    /// invoices (owns a <c>vietref_gateway_merchant</c>; dispose it, or the finalizer frees it and the library wipes
    /// the secrets). Results are the library's JSON (camelCase keys); docs/gateway.md lists each gateway's fields,
    /// orders, encodings and codes.</summary>
    public sealed class GatewayMerchant : IDisposable
    {
        private readonly GatewayMerchantHandle handle;

        /// <summary>A merchant: <paramref name="settingsJson"/> is <c>{"merchantCode", "accessKey", "returnUrl",
        /// "notifyUrl", "endpoint", ...}</c>; <paramref name="secret"/> the VNPAY hash secret, MoMo secret key or
        /// ZaloPay key1; <paramref name="secret2"/> ZaloPay's key2 (empty for the others). Settings the gateway cannot
        /// use throw <see cref="VietrefException"/> (InvalidArgument).</summary>
        public GatewayMerchant(string provider, string settingsJson, string secret, string secret2 = "")
        {
            handle = Native.Api.GatewayMerchantNew(Utf8.Encode(provider, "provider"), Utf8.Encode(settingsJson, "settingsJson"),
                Utf8.Encode(secret, "secret"), Utf8.Encode(secret2, "secret2"));
        }

        /// <summary><c>{"ok", "request", "findings"}</c>: the signed request for <paramref name="message"/> (the URL
        /// to send the payer to, or the JSON body to post). <paramref name="optionsJson"/>: <c>{"createdAtMs",
        /// "attempt", "ipAddr", "requestId", "bankCode"}</c> (<c>createdAtMs</c> required).</summary>
        public string Request(Message message, string optionsJson)
        {
            if (message == null) throw new ArgumentNullException("message");
            return Native.Api.GatewayRequest(Live(), message.Live(), Utf8.Encode(optionsJson, "optionsJson"));
        }

        /// <summary>Verifies a callback (VNPAY return URL or IPN query, MoMo IPN body, ZaloPay callback body):
        /// <c>{"provider", "verified", "callback", "findings", "answer"}</c>.</summary>
        public string Verify(string callback)
        {
            return Native.Api.GatewayVerify(Live(), Utf8.Encode(callback, "callback"));
        }

        /// <summary>Verifies <paramref name="callback"/> and, for a trusted successful payment, feeds it to
        /// <paramref name="reconciler"/> as statement line <paramref name="line"/>: <c>{"provider", "applied",
        /// "result", "findings", "answer"}</c> (<c>answer</c>: what to reply to the gateway).</summary>
        public string Settle(string callback, Reconciler reconciler, ulong line)
        {
            if (reconciler == null) throw new ArgumentNullException("reconciler");
            var cb = Utf8.Encode(callback, "callback");
            var m = Live();
            return reconciler.WithHandle(r => Native.Api.GatewaySettle(m, r, cb, line));
        }

        /// <summary>For tests and demos: the callback the gateway would send for the request built from
        /// <paramref name="message"/> and <paramref name="optionsJson"/>, with result <paramref name="code"/>, signed
        /// with the merchant's secret.</summary>
        public string SimulateCallback(Message message, string optionsJson, string code, ulong transaction, ulong atMs)
        {
            if (message == null) throw new ArgumentNullException("message");
            return Native.Api.GatewaySimulateCallback(Live(), message.Live(), Utf8.Encode(optionsJson, "optionsJson"),
                Utf8.Encode(code, "code"), transaction, atMs);
        }

        /// <summary>Frees the native merchant (its secrets are wiped).</summary>
        public void Dispose()
        {
            handle.Dispose();
        }

        /// <summary>Never shows the secrets.</summary>
        public override string ToString()
        {
            return "GatewayMerchant(secret=***)";
        }

        private GatewayMerchantHandle Live()
        {
            if (handle.IsClosed) throw new ObjectDisposedException("GatewayMerchant");
            return handle;
        }
    }
}
