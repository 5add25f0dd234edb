"""Payment gateways: every signature the library writes is re-computed here independently
with Python's ``hmac`` and ``hashlib``; callbacks signed here by Python are verified by the
library; forged, replayed and junk callbacks are refused and nothing is applied."""

import hashlib
import hmac
import json
import urllib.parse

import pytest

from vietref import GatewayMerchant, Message, Reconciler, VietrefError

SECRET = "SECRET-0123456789"
KEY2 = "KEY2-0123456789"
ACCESS = "F8BBA842ECF85"
OPTIONS = {"createdAtMs": 1725240000000, "attempt": 1}
MESSAGE = {
    "sector": "education",
    "payerName": "Nguyễn Thị Thủy",
    "beneficiaryName": "Trần Minh Khôi",
    "reason": "Học phí học kỳ 1 năm học 2024-2025",
    "invoice": "HD-2024/0917",
    "amount": 1806000,
}
SETTINGS = {
    "vnpay": {"merchantCode": "DEMOV210", "returnUrl": "https://truong.example.vn/kq"},
    "momo": {
        "merchantCode": "MOMO",
        "accessKey": ACCESS,
        "returnUrl": "https://truong.example.vn/kq",
        "notifyUrl": "https://truong.example.vn/ipn",
    },
    "zalopay": {"merchantCode": "2553", "notifyUrl": "https://truong.example.vn/ipn"},
}


def merchant(provider):
    return GatewayMerchant(provider, SETTINGS[provider], SECRET, KEY2 if provider == "zalopay" else None)


def message(**over):
    return Message.from_json(json.dumps({**MESSAGE, **over}, ensure_ascii=False))


def hmac_hex(key, text, algo):
    return hmac.new(key.encode(), text.encode(), algo).hexdigest()


def vnpay_signed_text(pairs):
    """VNPAY 2.1.0: vnp_ parameters but the hash, sorted, form-encoded, joined by &."""
    items = sorted((k, v) for k, v in pairs if k.startswith("vnp_") and k not in ("vnp_SecureHash", "vnp_SecureHashType"))
    return "&".join(f"{urllib.parse.quote_plus(k)}={urllib.parse.quote_plus(v)}" for k, v in items)


MOMO_RESULT_ORDER = [
    "accessKey", "amount", "extraData", "message", "orderId", "orderInfo", "orderType",
    "partnerCode", "payType", "requestId", "responseTime", "resultCode", "transId",
]


def momo_result_text(body):
    values = {**{k: body[k] for k in MOMO_RESULT_ORDER if k != "accessKey"}, "accessKey": ACCESS}
    return "&".join(f"{k}={values[k]}" for k in MOMO_RESULT_ORDER)


def test_vnpay_request_signature_recomputed():
    with merchant("vnpay") as m, message() as msg:
        out = m.request(msg, OPTIONS)
        assert out["ok"] is True
        req = out["request"]
        url = urllib.parse.urlsplit(req["url"])
        pairs = urllib.parse.parse_qsl(url.query, keep_blank_values=True)
        given = dict(pairs)["vnp_SecureHash"]
        text = vnpay_signed_text(pairs)
        assert text == req["signedData"]
        assert hmac_hex(SECRET, text, hashlib.sha512) == given == req["signature"]
        assert dict(pairs)["vnp_Amount"] == "180600000"  # amount x 100
        assert dict(pairs)["vnp_TxnRef"] == "HD-2024-0917_1"
        assert dict(pairs)["vnp_OrderInfo"].isascii()


def test_momo_request_signature_recomputed():
    with merchant("momo") as m, message() as msg:
        body = m.request(msg, OPTIONS)["request"]["body"]
        order = ["accessKey", "amount", "extraData", "ipnUrl", "orderId", "orderInfo", "partnerCode",
                 "redirectUrl", "requestId", "requestType"]
        values = {**body, "accessKey": ACCESS}
        text = "&".join(f"{k}={values[k]}" for k in order)
        assert hmac_hex(SECRET, text, hashlib.sha256) == body["signature"]


def test_zalopay_request_mac_recomputed():
    with merchant("zalopay") as m, message() as msg:
        body = m.request(msg, OPTIONS)["request"]["body"]
        text = "|".join(str(body[k]) for k in ["app_id", "app_trans_id", "app_user", "amount", "app_time", "embed_data", "item"])
        assert hmac_hex(SECRET, text, hashlib.sha256) == body["mac"]
        assert body["app_trans_id"] == "240902_HD-2024-0917_1"


def test_simulated_callbacks_recomputed():
    with message() as msg:
        with merchant("vnpay") as m:
            cb = m.simulate_callback(msg, OPTIONS, "00", 14831393, 1725240060000)
            pairs = urllib.parse.parse_qsl(cb, keep_blank_values=True)
            assert hmac_hex(SECRET, vnpay_signed_text(pairs), hashlib.sha512) == dict(pairs)["vnp_SecureHash"]
        with merchant("momo") as m:
            body = json.loads(m.simulate_callback(msg, OPTIONS, "0", 7, 1725240060000))
            assert hmac_hex(SECRET, momo_result_text(body), hashlib.sha256) == body["signature"]
        with merchant("zalopay") as m:
            body = json.loads(m.simulate_callback(msg, OPTIONS, "", 7, 1725240060000))
            assert hmac_hex(KEY2, body["data"], hashlib.sha256) == body["mac"]


def python_signed_vnpay(amount_vnd, ref="HD-2024-0917_1", code="00", key=SECRET):
    pairs = [
        ("vnp_Amount", str(amount_vnd * 100)),
        ("vnp_BankCode", "NCB"),
        ("vnp_OrderInfo", "Thanh toan hoc phi"),
        ("vnp_PayDate", "20240902082100"),
        ("vnp_ResponseCode", code),
        ("vnp_TmnCode", "DEMOV210"),
        ("vnp_TransactionNo", "14831393"),
        ("vnp_TransactionStatus", code),
        ("vnp_TxnRef", ref),
    ]
    text = vnpay_signed_text(pairs)
    return f"{text}&vnp_SecureHash={hmac_hex(key, text, hashlib.sha512)}"


def invoices():
    r = Reconciler()
    with r.add_invoice("HD-2024/0917", 1806000):
        pass
    return r


def test_a_python_signed_callback_is_verified_settled_and_its_replay_is_a_duplicate():
    with merchant("vnpay") as m, invoices() as r:
        cb = python_signed_vnpay(1806000)
        v = m.verify(cb)
        assert v["verified"] is True and v["callback"]["outcome"] == "succeeded"
        first = m.settle(cb, r, 1)
        assert first["applied"] and first["result"]["status"] == "paid"
        assert json.loads(first["answer"]["body"]) == {"RspCode": "00", "Message": "Confirm Success"}
        again = m.settle(cb, r, 2)
        assert again["result"]["status"] == "duplicate"
        assert [f["code"] for f in again["findings"]] == ["gateway.replayed"]
        assert json.loads(again["answer"]["body"])["RspCode"] == "02"


def test_wrong_amount_forged_and_junk():
    with merchant("vnpay") as m:
        with invoices() as r:
            s = m.settle(python_signed_vnpay(1000000), r, 1)
            assert s["result"]["status"] == "partial"
            assert json.loads(s["answer"]["body"])["RspCode"] == "04"
        with invoices() as r:
            forged = python_signed_vnpay(1806000, key="not the secret")
            s = m.settle(forged, r, 1)
            assert not s["applied"] and s["findings"][0]["code"] == "gateway.signature_invalid"
            assert json.loads(s["answer"]["body"])["RspCode"] == "97"
            tampered = python_signed_vnpay(1806000).replace("vnp_Amount=180600000", "vnp_Amount=180600100")
            assert m.verify(tampered)["findings"][0]["code"] == "gateway.signature_invalid"
            for junk in ["", "vnp_Amount", "%%%", "\x00\x01", "{\"a\":1}"]:
                s = m.settle(junk, r, 2)
                assert not s["applied"] and s["findings"], junk
            unknown = m.settle(python_signed_vnpay(1806000, ref="HD-2024-0999_1"), r, 3)
            assert not unknown["applied"] and unknown["findings"][0]["code"] == "gateway.reference_unknown"
            # Nothing of the above was applied: a real payment still settles it.
            assert m.settle(python_signed_vnpay(1806000), r, 4)["result"]["status"] == "paid"


def test_settings_refused_and_secret_not_shown():
    with pytest.raises(VietrefError) as e:
        GatewayMerchant("paypal", {"merchantCode": "X"}, "k")
    assert e.value.status_name == "VIETREF_INVALID_ARGUMENT"
    with pytest.raises(VietrefError):
        GatewayMerchant("zalopay", {"merchantCode": "2553"}, "k")  # no key2
    with pytest.raises(VietrefError):
        GatewayMerchant("vnpay", {"merchantCode": "DEMOV210", "secret": "inline"}, "k")
    m = merchant("momo")
    assert SECRET not in repr(m)
    with message() as msg:
        assert SECRET not in json.dumps(m.request(msg, OPTIONS))
        with pytest.raises(VietrefError):
            m.request(msg, {"attempt": 1})  # createdAtMs missing
    m.close()
    with pytest.raises(ValueError):
        m.verify("a=b")
