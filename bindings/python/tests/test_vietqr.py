"""tests/data/vietqr.json through the binding; building, encoding, payee checks, banks."""

import json

import pytest

from vietref import (
    Status,
    VietQr,
    VietQrField,
    VietQrMode,
    VietrefError,
    Message,
    text,
    vietqr,
)


def test_payload_vectors_decode_to_their_fields(vietqr_vectors):
    cases = vietqr_vectors["payloads"]
    assert cases
    for c in cases:
        with vietqr.decode(c["payload"]) as r:
            assert r.valid, [f.key for f in r]
            assert r.findings == []
            assert r.cleaned == c["fields"]
            with r.vietqr() as q:
                f = c["fields"]
                assert q.get(VietQrField.BANK_BIN) == f["bankBin"]
                assert q.get(VietQrField.ACCOUNT_NUMBER) == f["accountNumber"]
                assert q.get(VietQrField.CRC) == f["crc"]
                assert q.get(VietQrField.INITIATION) == {"static": "11", "dynamic": "12"}[f["initiation"]]
                assert q.amount == (int(f["amount"]) if "amount" in f else None)
                extra = f.get("additionalData", {})
                assert q.get(VietQrField.PURPOSE) == extra.get("purpose")
                assert q.get(VietQrField.BILL_NUMBER) == extra.get("billNumber")
                assert q.get(VietQrField.MERCHANT_NAME) is None
                assert q.to_dict() == f
                # round trip: encode gives the payload back
                with q.encode() as e:
                    assert e.valid and e.cleaned_text == c["payload"]
                # and through JSON
                with VietQr.from_json(q.json) as q2, q2.encode() as e2:
                    assert e2.cleaned_text == c["payload"]
            with vietqr.encode_json(json.dumps(c["fields"])) as e3:
                assert e3.cleaned_text == c["payload"]


def test_crc_vector(vietqr_vectors):
    c = vietqr_vectors["crc_check"]
    assert vietqr.crc16(c["input"].encode()) == int(c["crc16_ccitt_false"], 16)
    for p in vietqr_vectors["payloads"]:
        body, crc = p["payload"][:-4], p["payload"][-4:]
        assert vietqr.crc16(body.encode()) == int(crc, 16)


def test_lenient_only(vietqr_vectors):
    for c in vietqr_vectors["lenient_only"]:
        with vietqr.decode(c["payload"], VietQrMode.STRICT) as r:
            assert not r.valid
            assert "vietqr.length_mismatch" in [f.key for f in r]
            assert r.vietqr() is None
        with vietqr.decode(c["payload"], VietQrMode.LENIENT) as r:
            assert r.valid
            assert [f.key for f in r] == ["vietqr.length_repaired"]
            assert r.findings[0].message_vi
        # a changed CRC is never repaired
        bad = c["payload"][:-4] + ("0000" if not c["payload"].endswith("0000") else "1111")
        with vietqr.decode(bad, VietQrMode.LENIENT) as r:
            assert "vietqr.crc_mismatch" in [f.key for f in r]


def test_decode_is_lenient_by_default_and_strict_on_request(vietqr_vectors):
    # the same default as the CLI (`vietref qr decode`) and every binding
    c = vietqr_vectors["lenient_only"][0]
    with vietqr.decode(c["payload"]) as r:
        assert r.valid
        assert [f.key for f in r] == ["vietqr.length_repaired"]
    with vietqr.decode("  " + vietqr_vectors["payloads"][0]["payload"]) as r:
        assert r.valid and [f.key for f in r] == ["vietqr.space_trimmed"]
    with vietqr.decode(c["payload"], mode=VietQrMode.STRICT) as r:
        assert not r.valid


def test_to_account_round_trip():
    with vietqr.to_account("970415", "123456789", 1_250_000, "HP7184097674", text.fold("Học phí HK1")) as r:
        assert r.valid, [f.key for f in r]
        payload = r.cleaned_text
    with vietqr.decode(payload) as d:
        f = d.cleaned
        assert (f["bankBin"], f["accountNumber"], f["amount"], f["initiation"]) == (
            "970415",
            "123456789",
            "1250000",
            "dynamic",
        )
        assert f["additionalData"] == {"billNumber": "HP7184097674", "purpose": "HOC PHI HK1"}
    with vietqr.to_account("970415", "123456789") as r:
        with vietqr.decode(r.cleaned_text) as d:
            assert d.cleaned["initiation"] == "static" and "amount" not in d.cleaned
    with vietqr.to_account("97041", "12", 0, "x" * 26, "Học phí") as r:
        assert not r.valid and len(r.errors) >= 2
        assert r.cleaned_text is None


def test_verify_payee(vietqr_vectors):
    p = vietqr_vectors["payloads"][1]
    with vietqr.decode(p["payload"]) as r, r.vietqr() as q:
        with q.verify_payee("970403", "0011012345678", "") as ok:
            assert ok.valid
            assert ok.vietqr() is not None
        with q.verify_payee("970415", "0011012345678", "") as wrong:
            assert "vietqr.payee_bin" in [f.key for f in wrong.errors]
        with q.verify_payee("970403", "999", "") as wrong:
            assert "vietqr.payee_account" in [f.key for f in wrong.errors]


def test_bank_lookup():
    for q in ["970415", "ICB", "vietin bank", "VIETINBANK"]:
        b = vietqr.bank_lookup(q)
        assert b is not None and b["bin"] == "970415" and b["shortName"] == "VietinBank", q
    assert vietqr.bank_lookup("no such bank at all") is None
    with VietQr.from_json('{"bank": "ICB", "accountNumber": "123456789"}') as q:
        assert q.get(VietQrField.BANK_BIN) == "970415"


def test_wrong_kind_and_absent_values():
    with text.check("Nguyễn Văn An") as r:
        assert r.cleaned_text == "Nguyễn Văn An"
        with pytest.raises(VietrefError) as e:
            r.vietqr()
        assert e.value.status is Status.WRONG_KIND
    with Message(sector="health", payer_name="An", reason="Viện phí", invoice="VP1", amount=1) as m:
        with m.validate() as r:
            assert r.valid
            with pytest.raises(VietrefError) as e:
                r.cleaned_text
            assert e.value.status is Status.WRONG_KIND
    with VietQr.from_json('{"bankBin": "970403", "accountNumber": "1"}') as q:
        with pytest.raises(VietrefError) as e:
            q.get(99)
        assert e.value.status is Status.INVALID_ARGUMENT
    with pytest.raises(VietrefError) as e:
        vietqr.decode("000201", 7)
    assert e.value.status is Status.INVALID_ARGUMENT


@pytest.mark.parametrize("bad", ["", "{", "[]", '{"bankBin": "970403"}', '{"bank": "nowhere", "accountNumber": "1"}'])
def test_vietqr_json_rejected(bad):
    with pytest.raises(VietrefError) as e:
        VietQr.from_json(bad)
    assert e.value.status is Status.VIETQR_JSON_INVALID
    with pytest.raises(VietrefError) as e:
        vietqr.encode_json(bad)
    assert e.value.status is Status.VIETQR_JSON_INVALID


def test_vietqr_handle_rules():
    with pytest.raises(TypeError):
        VietQr()
    q = VietQr.from_json('{"bankBin": "970403", "accountNumber": "1"}')
    q.close()
    q.close()
    with pytest.raises(ValueError):
        q.json
