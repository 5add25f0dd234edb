"""The payment message: build, validate, read the report; handle ownership."""

import gc
import json

import pytest

import vietref
from vietref import Message, Severity, Status, VietrefError


def tuition():
    return Message(
        sector="education",
        payer_name="  nguyễn   văn AN ",
        beneficiary_name="Nguyễn Thị Bình",
        reason="Học phí học kỳ 1 năm 2024-2025",
        invoice="HP7184097674",
        amount=1_250_000,
    )


def test_tuition_message():
    # Expected output as documented for examples/c/tuition.c in docs/guide/c.md.
    with tuition() as m, m.validate() as r:
        assert r.valid
        assert [(f.severity, f.field, f.key, f.code) for f in r] == [
            (Severity.WARNING, "payerName", "text.whitespace", 102),
            (Severity.WARNING, "payerName", "name.case", 204),
        ]
        assert "Nguyễn Văn An" in r.findings[1].message
        assert r.findings[1].message_vi.startswith("chữ hoa/thường")
        cleaned = r.cleaned
        assert cleaned["payerName"] == "Nguyễn Văn An"
        assert cleaned["beneficiaryName"] == "Nguyễn Thị Bình"
        assert cleaned["sector"] == "education"
        assert cleaned["amount"] == 1250000
        whole = json.loads(r.json)
        assert whole["valid"] is True and len(whole["findings"]) == 2


def test_every_finding_is_collected():
    m = Message(sector="bank", payer_name="Lê 2", reason="", invoice="ab c", amount=0)
    r = m.validate()
    assert not r.valid and not r
    assert [f.key for f in r] == [
        "message.sector_invalid",
        "name.digit",
        "text.empty",
        "invoice.invalid_char",
        "message.amount_zero",
    ]
    assert all(f.severity is Severity.ERROR for f in r)
    digit = r.findings[1]
    assert (digit.field, digit.position, digit.char, digit.code) == ("payerName", 4, "2", 200)
    assert r.findings[0].position is None and r.findings[0].char is None
    assert r.cleaned is None
    r.close()
    m.close()


def test_setters_chain_and_empty_draft():
    with Message() as m:
        with m.validate() as r:
            assert not r.valid
            assert {f.field for f in r} >= {"sector", "payerName", "reason", "invoice"}
        m.set_sector("health").set_payer_name("Trần Văn Cường").set_reason("Viện phí")
        m.set_invoice("VP0001").set_amount(350_000)
        with m.validate() as r:
            assert r.valid, [f.key for f in r]


def test_from_json():
    j = json.dumps(
        {
            "sector": "education",
            "payerName": "nguyễn văn an",
            "beneficiaryName": "Nguyễn Thị Bình",
            "reason": "Học phí",
            "invoice": "HP7184097674",
            "amount": "1250000",
        },
        ensure_ascii=False,
    )
    with Message.from_json(j) as m, m.validate() as r:
        assert r.valid
        assert [f.key for f in r] == ["name.case"]
        assert r.cleaned["amount"] == 1250000


@pytest.mark.parametrize("bad", ["", "{", "null", "3", '{"payerName": 3}', '{"sector": ["a"]}'])
def test_from_json_rejects(bad):
    with pytest.raises(VietrefError) as e:
        Message.from_json(bad)
    assert e.value.status == Status.MESSAGE_JSON_INVALID
    assert e.value.status_name == "VIETREF_MESSAGE_JSON_INVALID"
    assert e.value.message and e.value.message_vi


def test_json_with_wrong_values_gives_a_report_with_errors():
    with Message.from_json('{"amount": true}') as m, m.validate() as r:
        assert not r.valid
        assert "message.amount_invalid" in [f.key for f in r.errors]


def test_amount_marshalling():
    m = Message()
    with pytest.raises(ValueError):
        m.set_amount(-1)
    with pytest.raises(ValueError):
        m.set_amount(1 << 64)
    with pytest.raises(TypeError):
        m.set_amount("100")
    m.set_amount((1 << 64) - 1)  # fits uint64: the library reports it as too large
    with m.validate() as r:
        assert "message.amount_too_large" in [f.key for f in r]


def test_close_is_idempotent_and_use_after_close_raises():
    m = Message(sector="education")
    r = m.validate()
    m.close()
    m.close()
    assert m.closed
    with pytest.raises(ValueError):
        m.validate()
    with pytest.raises(ValueError):
        m.set_reason("x")
    findings = r.findings
    r.close()
    r.close()
    with pytest.raises(ValueError):
        r.valid
    # findings are copies: they outlive the report
    assert findings and findings[0].key


def test_finalizer_frees_unreferenced_handles():
    import weakref

    m = Message(sector="education")
    fin = m._finalizer
    r = m.validate()
    rfin = r._finalizer
    del m, r
    gc.collect()
    assert not fin.alive and not rfin.alive


def test_report_outlives_its_message():
    m = tuition()
    r = m.validate()
    m.close()
    assert r.valid and len(r) == 2
    r.close()


def test_unknown_field():
    with pytest.raises(TypeError):
        Message().update(payer="x")


def test_a_refused_setter_is_reported_by_validation():
    # a lone surrogate reaches the library as bytes that are not UTF-8: the setter raises,
    # and the report says the name was refused (not merely that it is missing)
    with Message(sector="health", reason="Viện phí", invoice="VP1") as m:
        with pytest.raises(VietrefError) as e:
            m.set_payer_name("An\udc80")
        assert e.value.status == Status.INVALID_UTF8
        with m.validate() as r:
            assert not r.valid
            assert [(f.field, f.key) for f in r] == [("payerName", "message.value_rejected")]
            assert "UTF-8" in r.findings[0].message and r.findings[0].message_vi
        m.set_payer_name("An")
        with m.validate() as r:
            assert r.valid
