// Tests of the payment gateways: signatures re-computed with .NET's HMAC classes, a paid
// callback settled and its replay a duplicate, forged and junk callbacks refused.
using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace Vietref.Tests
{
    internal static partial class Program
    {
        private const string GwSecret = "SECRET-0123456789";
        private const string GwOptions = "{\"createdAtMs\":1725240000000,\"attempt\":1}";
        private const string GwMessage = "{\"sector\":\"education\",\"payerName\":\"Nguyễn Thị Thủy\",\"beneficiaryName\":\"Trần Minh Khôi\","
            + "\"reason\":\"Học phí học kỳ 1\",\"invoice\":\"HD-2024/0917\",\"amount\":1806000}";
        private const string GwVnpay = "{\"merchantCode\":\"DEMOV210\",\"returnUrl\":\"https://truong.example.vn/kq\"}";

        private static string Hex(byte[] b)
        {
            var sb = new StringBuilder();
            foreach (var x in b) sb.Append(x.ToString("x2"));
            return sb.ToString();
        }

        private static Reconciler GwInvoices()
        {
            var r = new Reconciler();
            using (var rep = r.AddInvoice("HD-2024/0917", 1806000)) True(rep.IsValid, "invoice added");
            return r;
        }

        private static void GatewaySignatures()
        {
            using (var m = new GatewayMerchant("vnpay", GwVnpay, GwSecret))
            using (var msg = Message.FromJson(GwMessage))
            {
                var req = (Dictionary<string, object>)Obj(m.Request(msg, GwOptions))["request"];
                var signed = (string)req["signedData"];
                using (var h = new HMACSHA512(Encoding.UTF8.GetBytes(GwSecret)))
                    Eq(Hex(h.ComputeHash(Encoding.UTF8.GetBytes(signed))), (string)req["signature"], "VNPAY HMAC-SHA512");
                True(((string)req["url"]).Contains("vnp_TxnRef=HD-2024-0917_1&"), "reference in the URL");
                True(!m.ToString().Contains(GwSecret), "secret not shown");
            }
            var momo = "{\"merchantCode\":\"MOMO\",\"accessKey\":\"F8BBA842ECF85\",\"returnUrl\":\"https://x.vn/r\",\"notifyUrl\":\"https://x.vn/i\"}";
            using (var m = new GatewayMerchant("momo", momo, GwSecret))
            using (var msg = Message.FromJson(GwMessage))
            {
                var req = (Dictionary<string, object>)Obj(m.Request(msg, GwOptions))["request"];
                using (var h = new HMACSHA256(Encoding.UTF8.GetBytes(GwSecret)))
                    Eq(Hex(h.ComputeHash(Encoding.UTF8.GetBytes((string)req["signedData"]))), (string)req["signature"], "MoMo HMAC-SHA256");
                True(((string)req["signedData"]).StartsWith("accessKey=F8BBA842ECF85&amount=1806000&extraData=&ipnUrl="), "MoMo order");
            }
            using (var m = new GatewayMerchant("zalopay", "{\"merchantCode\":\"2553\"}", GwSecret, "KEY2"))
            using (var msg = Message.FromJson(GwMessage))
            {
                var req = (Dictionary<string, object>)Obj(m.Request(msg, GwOptions))["request"];
                using (var h = new HMACSHA256(Encoding.UTF8.GetBytes(GwSecret)))
                    Eq(Hex(h.ComputeHash(Encoding.UTF8.GetBytes((string)req["signedData"]))), (string)req["signature"], "ZaloPay mac");
            }
        }

        private static void GatewaySettle()
        {
            using (var m = new GatewayMerchant("vnpay", GwVnpay, GwSecret))
            using (var msg = Message.FromJson(GwMessage))
            using (var r = GwInvoices())
            {
                var cb = m.SimulateCallback(msg, GwOptions, "00", 14831393, 1725240060000);
                Eq(true, (bool)Obj(m.Verify(cb))["verified"], "verified");
                var first = Obj(m.Settle(cb, r, 1));
                Eq("paid", (string)((Dictionary<string, object>)first["result"])["status"], "paid");
                True(((string)((Dictionary<string, object>)first["answer"])["body"]).Contains("\"RspCode\":\"00\""), "answer 00");
                var again = Obj(m.Settle(cb, r, 2));
                Eq("duplicate", (string)((Dictionary<string, object>)again["result"])["status"], "replay");
                True(((string)((Dictionary<string, object>)again["answer"])["body"]).Contains("\"RspCode\":\"02\""), "answer 02");
                var forged = Obj(m.Settle(cb.Replace("vnp_Amount=180600000", "vnp_Amount=180600100"), r, 3));
                Eq(false, (bool)forged["applied"], "forged not applied");
                var f0 = (Dictionary<string, object>)((List<object>)forged["findings"])[0];
                Eq("gateway.signature_invalid", (string)f0["code"], "forged finding");
                Eq(false, (bool)Obj(m.Verify("junk"))["verified"], "junk refused");
            }
            try
            {
                using (new GatewayMerchant("paypal", GwVnpay, GwSecret)) { }
                True(false, "unknown provider refused");
            }
            catch (VietrefException e) { Eq("VIETREF_INVALID_ARGUMENT", e.StatusName, "unknown provider status"); }
        }
    }
}
