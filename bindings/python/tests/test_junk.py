"""Junk input: every public function either returns, raises VietrefError / the language's
argument error, or returns a report with errors. Nothing crashes."""

import json

import pytest

from vietref import Message, Status, VietrefError, text

TEXT_FNS = [text.name, text.fold, text.key, text.retone, text.check, text.check_text, text.skeleton]
BIG = "Nguyễn Văn An " * (1024 * 1024 // 17)  # about 1 MB of UTF-8
assert len(BIG.encode()) > 1_000_000


@pytest.mark.parametrize("fn", TEXT_FNS)
def test_none_is_a_type_error(fn):
    with pytest.raises(TypeError):
        fn(None)


@pytest.mark.parametrize("fn", [text.looks_like, text.compare_payee_name])
def test_none_pairs(fn):
    with pytest.raises(TypeError):
        fn(None, "a")
    with pytest.raises(TypeError):
        fn("a", None)


@pytest.mark.parametrize(
    "junk", [b"\xff", b"\xc3", b"Nguy\xe1\xbb", b"\xed\xa0\x80", "Nguy\udce1n"], ids=repr
)
def test_invalid_utf8_is_invalid_utf8(junk):
    for fn in TEXT_FNS:
        with pytest.raises(VietrefError) as e:
            fn(junk)
        assert e.value.status is Status.INVALID_UTF8, fn
    for fn in (text.looks_like, text.compare_payee_name):
        with pytest.raises(VietrefError) as e:
            fn("a", junk)
        assert e.value.status is Status.INVALID_UTF8
    with Message() as m:
        with pytest.raises(VietrefError) as e:
            m.set_payer_name(junk)
        assert e.value.status is Status.INVALID_UTF8
    with pytest.raises(VietrefError) as e:
        Message.from_json(junk)
    assert e.value.status is Status.INVALID_UTF8


def test_empty():
    assert text.fold("") == ""
    assert text.key("") == ""
    assert text.retone("") == ""
    with pytest.raises(VietrefError):
        text.name("")
    with text.check("") as r:
        assert not r.valid and r.errors
    with text.check_text("") as r:
        assert r.cleaned_text in ("", None)
    assert text.skeleton("") == ""
    assert text.looks_like("", "")
    with Message(sector="", payer_name="", reason="", invoice="") as m, m.validate() as r:
        assert not r.valid and len(r.errors) >= 4


def test_nul_and_controls():
    with text.check("Phạm\x00Hùng") as r:
        assert not r.valid
        assert any(f.char == "\x00" for f in r.errors)
    assert "\x00" not in text.fold("a\x00b")
    with text.check_text("\x00" * 100_000) as r:
        assert not r.valid and 0 < len(r) <= 20  # the findings are capped
    assert isinstance(text.skeleton("a\x00b"), str)


def test_one_megabyte():
    assert text.fold(BIG).startswith("NGUYEN VAN AN NGUYEN")
    assert len(text.key(BIG)) > 0
    assert text.retone(BIG).startswith("Nguyễn")
    with text.check(BIG, "payerName") as r:
        assert r.valid or r.errors  # a report either way
    with text.check_text(BIG, "reason") as r:
        assert r.valid and r.cleaned_text == BIG.strip()
    assert text.skeleton(BIG).startswith("nguy")
    try:
        text.name(BIG)
    except VietrefError as e:
        assert e.status == Status.TEXT_NAME_INVALID
    with Message(sector="education", payer_name=BIG, reason=BIG, invoice=BIG) as m:
        with m.validate() as r:
            assert not r.valid and r.errors
    with pytest.raises(VietrefError):
        Message.from_json("[" * 1_000_000)


def test_junk_json_values():
    for j in ['{"sector": "\\ud800"}', '{"amount": -1}', '{"amount": 1e400}', '{"x": 1}']:
        try:
            with Message.from_json(j) as m, m.validate() as r:
                assert not r.valid
        except VietrefError as e:
            assert e.status == Status.MESSAGE_JSON_INVALID


def test_vietqr_junk():
    from vietref import VietQr, vietqr

    for junk in ["", "0", "000201" * 1000, "\x00" * 10, "6304", "ĐỒNG", BIG]:
        for mode in (1, 2):
            with vietqr.decode(junk, mode) as r:
                assert not r.valid and r.errors, junk[:20]
                assert r.vietqr() is None
    for bad in [b"\xff", "x\udc80"]:
        for call in (
            lambda: vietqr.decode(bad),
            lambda: vietqr.encode_json(bad),
            lambda: VietQr.from_json(bad),
            lambda: vietqr.bank_lookup(bad),
            lambda: vietqr.to_account(bad, "1"),
            lambda: vietqr.to_account("970403", "1", 0, "", bad),
        ):
            with pytest.raises(VietrefError) as e:
                call()
            assert e.value.status is Status.INVALID_UTF8
    with pytest.raises(TypeError):
        vietqr.decode(None)
    with pytest.raises(ValueError):
        vietqr.to_account("970403", "1", -5)
    with vietqr.to_account(BIG, BIG, (1 << 64) - 1, BIG, BIG) as r:
        assert not r.valid
    assert vietqr.bank_lookup(BIG) is None
    assert vietqr.crc16(b"") == 0xFFFF
    vietqr.crc16(b"\xff\x00" * 600_000)


# --- references, memo, legacy encodings, reconciliation ------------------------------------

from vietref import (  # noqa: E402
    Channel,
    Encoding,
    LineStatus,
    Reconciler,
    RefKind,
    ResultsFormat,
    StatementFormat,
    VietQr,
    legacy,
    memo,
    references,
    vietqr,
)

BAD_UTF8 = [b"\xff", b"\xc3", b"Nguy\xe1\xbb", b"\xed\xa0\x80", "Nguy\udce1n"]


def _text_calls(junk):
    """Every new call with ``junk`` in one text parameter."""
    r = Reconciler("HP:6")
    m = Message(sector="health", payer_name="An", reason="x", invoice="HP7184097674")
    q = VietQr.from_json('{"bankBin":"970436","accountNumber":"1"}')
    return [
        lambda: references.create(RefKind.CODE, junk, "71840976"),
        lambda: references.create(RefKind.CODE, "HP", junk),
        lambda: references.create_message(RefKind.CODE, junk, "1"),
        lambda: references.validate(RefKind.CODE, junk),
        lambda: references.validate_message(RefKind.CODE, junk),
        lambda: references.format(RefKind.CODE, junk),
        lambda: references.compact(RefKind.CODE, junk),
        lambda: references.is_valid(RefKind.CODE, junk),
        lambda: memo.extract(junk),
        lambda: memo.extract("x", junk),
        lambda: memo.parse(junk),
        lambda: memo.parse("x", junk),
        lambda: memo.render(m, junk, channel=Channel.TRANSFER),
        lambda: memo.render_custom(m, name=junk, charset="A-Z0-9 ", budget=30),
        lambda: memo.render_custom(m, name="x", charset=junk, budget=30),
        lambda: memo.render_custom(m, junk, name="x", charset="A-Z0-9 ", budget=30),
        lambda: m.validate(junk),
        lambda: vietqr.for_payment(m, bin=junk, account="1"),
        lambda: vietqr.for_payment(m, bin="970436", account=junk),
        lambda: vietqr.for_payment(m, junk, bin="970436", account="1"),
        lambda: q.payment_codes(junk),
        lambda: legacy.encode(junk, Encoding.TCVN3),
        lambda: legacy.encode_error(junk, Encoding.TCVN3),
        lambda: legacy.repair_mojibake(junk),
        lambda: legacy.encoding_from_name(junk),
        lambda: Reconciler(junk),
        lambda: r.add_invoice(junk, 1),
        lambda: r.add_invoice("HP24010172", 1, payer=junk),
        lambda: r.add_invoice("HP24010172", 1, beneficiary=junk),
        lambda: r.add_invoice("HP24010172", 1, due=junk),
        lambda: r.feed(1, 1, junk),
        lambda: r.feed(1, 1, "x", reference=junk),
        lambda: r.feed(1, 1, "x", date=junk),
        lambda: r.feed(1, 1, "x", counter_name=junk),
        lambda: r.invoice_json(junk),
        lambda: r.add_invoices_csv("code,amount\n", junk),
        lambda: r.feed_statement("date,amount,content\n", StatementFormat.CSV, junk),
    ]


@pytest.mark.parametrize("junk", BAD_UTF8, ids=repr)
def test_new_calls_refuse_invalid_utf8(junk):
    calls = _text_calls(junk)
    for i, call in enumerate(calls):
        with pytest.raises(VietrefError) as e:
            call()
        assert e.value.status is Status.INVALID_UTF8, i


def test_new_calls_refuse_none():
    # None in a required parameter is a TypeError before anything reaches C
    r = Reconciler()
    for call in [
        lambda: references.create(RefKind.CODE, None, "1"),
        lambda: references.create(RefKind.CODE, "HP", None),
        lambda: references.validate(RefKind.CODE, None),
        lambda: references.format(RefKind.CODE, None),
        lambda: references.compact(RefKind.CODE, None),
        lambda: references.is_valid(RefKind.CODE, None),
        lambda: references.validate_message(RefKind.CODE, None),
        lambda: memo.extract(None),
        lambda: memo.parse(None),
        lambda: memo.render(None, channel=Channel.TRANSFER),
        lambda: memo.render_custom(None, name="x", charset="A-Z", budget=30),
        lambda: memo.render_custom(Message(), name=None, charset="A-Z", budget=30),
        lambda: memo.render_custom(Message(), name="x", charset=None, budget=30),
        lambda: vietqr.for_payment(None, bin="970436", account="1"),
        lambda: legacy.decode(None, Encoding.UTF8),
        lambda: legacy.decode_error(None, Encoding.UTF8),
        lambda: legacy.decode(b"a", None),
        lambda: legacy.encode(None, Encoding.UTF8),
        lambda: legacy.encode("a", None),
        lambda: legacy.detect(None),
        lambda: legacy.repair_mojibake(None),
        lambda: legacy.encoding_from_name(None),
        lambda: r.add_invoice(None, 1),
        lambda: r.add_invoice("HP1", None),
        lambda: r.feed(None, 1, "x"),
        lambda: r.feed(1, None, "x"),
        lambda: r.feed(1, 1, None),
        lambda: r.invoice_json(None),
        lambda: r.add_invoices_csv(None),
        lambda: r.feed_statement(None),
        lambda: r.feed_statement(b"", None),
        lambda: r.feed_statement(b"", StatementFormat.CSV, None, None),
    ]:
        with pytest.raises(TypeError):
            call()
    # None in an optional one is "not given"
    assert memo.extract("RF18539007547034", None).codes == ["RF18539007547034"]
    assert r.feed(1, 1, "x", reference=None, date=None, counter_name=None).status is LineStatus.UNMATCHED
    with Reconciler(None) as r2, r2.add_invoice("RF18539007547034", 5, None, None, None) as rep:
        assert rep.valid
    added, rep = r.add_invoices_csv("code,amount\nRF18539007547034,5\n", None)
    assert added == 1 and rep.valid
    results, rep = r.feed_statement("date,amount,content\n,5,RF18539007547034\n", StatementFormat.CSV, None)
    assert rep.valid and json.loads(results)["status"] == "paid"


def test_new_calls_on_empty_input():
    with pytest.raises(VietrefError) as e:
        references.validate(RefKind.CODE, "")
    assert e.value.status is Status.REF_EMPTY and e.value.detail == "the value is empty"
    assert not references.is_valid(RefKind.CODE, "")
    with pytest.raises(VietrefError) as e:
        references.create(RefKind.CODE, "", "")
    assert e.value.status in (Status.REF_EMPTY, Status.REF_INVALID_PART)
    assert memo.extract("") == []
    assert memo.parse("").invoice is None
    assert legacy.decode(b"", Encoding.TCVN3) == ""
    assert legacy.decode_error(b"", Encoding.TCVN3) is None
    assert legacy.encode("", Encoding.VIQR).data == b""
    d = legacy.detect(b"")
    assert d.text == "" and isinstance(d.encoding, Encoding)
    assert legacy.repair_mojibake("") is None
    assert legacy.encoding_from_name("") is None
    with Reconciler("") as r:
        with r.add_invoice("", 1) as rep:
            assert not rep.valid and rep.errors
        assert r.feed(1, 1, "").status is LineStatus.UNMATCHED
        assert r.invoice("") is None
        for data in ("", b"", b"\n", b"\xef\xbb\xbf"):
            added, rep = r.add_invoices_csv(data)
            assert added == 0 and not rep.valid and rep.errors
            for fmt in StatementFormat:
                for res in ResultsFormat:
                    results, rep = r.feed_statement(data, fmt, "", res)
                    assert isinstance(results, str) and rep.findings is not None


@pytest.mark.parametrize("junk", [j for j in BAD_UTF8 if isinstance(j, bytes)], ids=repr)
def test_whole_files_take_any_bytes(junk):
    # the data of a file is bytes in the reader's hands: invalid UTF-8 is a finding, not a refusal
    with Reconciler("HP:6") as r:
        added, rep = r.add_invoices_csv(b"code,amount\nHP2401" + junk + b",1\n")
        assert added == 0 and not rep.valid and rep.errors[0].field.startswith("2")
        added, rep = r.add_invoices_csv(junk)
        assert added == 0 and not rep.valid
        for fmt in StatementFormat:
            results, rep = r.feed_statement(junk, fmt)
            assert results == "" and not rep.valid
        results, rep = r.feed_statement(b"date,amount,content\n,1," + junk + b"\n")
        assert isinstance(results, str) and rep.findings is not None
        every = bytes(range(256)) * 8
        for fmt in StatementFormat:
            r.feed_statement(every, fmt, "", ResultsFormat.CSV)
        r.add_invoices_csv(every)


def test_legacy_takes_any_bytes():
    every = bytes(range(256))
    for enc in Encoding:
        try:
            out = legacy.decode(every, enc)
            assert isinstance(out, str)
        except VietrefError as e:
            assert 600 <= e.status <= 605
            assert e.info is not None and isinstance(e.info["offset"], int)
    d = legacy.detect(every * 4)
    assert 0 <= d.confidence <= 1000
    assert legacy.detect(b"\xff" * 100, Encoding.UTF8).encoding in Encoding
    # invalid UTF-8 bytes are data here, not an argument error
    with pytest.raises(VietrefError) as e:
        legacy.decode(b"\xff", Encoding.UTF8)
    assert e.value.status is Status.LEGACY_INVALID_UTF8


def test_new_calls_on_one_megabyte():
    assert len(BIG.encode()) > 1_000_000
    with pytest.raises(VietrefError) as e:
        references.validate(RefKind.CODE, BIG)
    assert 300 <= e.value.status <= 305 and e.value.detail
    assert not references.is_valid(RefKind.RF, BIG)
    with pytest.raises(VietrefError):
        references.create(RefKind.CODE, "HP", BIG)
    assert memo.extract(BIG, "HP:8") == []
    line = BIG + " HP7184097674 " + BIG
    found = memo.extract(line, "HP:8")
    assert found.codes == ["HP7184097674"] and found[0].matched(line) == "HP7184097674"
    assert memo.parse(BIG, "HP:8").invoice is None
    # (reports with a finding per character of a megabyte are slow to read in full: only
    # what is needed is read here)
    with Message(sector="health", payer_name="An", reason=BIG, invoice="HP7184097674") as m:
        with memo.render(m, "HP:8", channel=Channel.TRANSFER) as r:
            assert not r.valid
            assert r.included is None and r.text is None
        with vietqr.for_payment(m, "HP:8", bin="970436", account="1") as r:
            assert not r.valid and r.cleaned_text is None
        with memo.render_custom(m, "HP:8", name=BIG, charset="A-Z0-9 ", budget=(1 << 64) - 1) as r:
            assert not r.valid and r.text is None
    big_bytes = BIG.encode("utf-8")
    assert legacy.decode(big_bytes, Encoding.UTF8) == BIG
    tcvn = legacy.encode(BIG, Encoding.TCVN3).data
    assert legacy.decode(tcvn, Encoding.TCVN3) == BIG
    d = legacy.detect(tcvn)
    assert d.encoding is Encoding.TCVN3 and len(d.text) > 0
    assert legacy.repair_mojibake(BIG) is None
    with Reconciler("HP:8") as r:
        with r.add_invoice(BIG, 1) as rep:
            assert not rep.valid
        x = r.feed(1, 1_000, BIG, reference=BIG, date=BIG, counter_name=BIG)
        assert x.status in LineStatus
        assert r.invoice(BIG) is None
        added, rep = r.add_invoices_csv(BIG)
        assert added == 0 and not rep.valid
        added, rep = r.add_invoices_csv("code,amount\n" + BIG + ",1\n", BIG)
        assert added == 0 and not rep.valid
        added, rep = r.add_invoices_csv("code,amount\nHP7184097674," + BIG + "\n")
        assert added == 0 and not rep.valid
        for fmt in StatementFormat:
            results, rep = r.feed_statement(BIG, fmt)
            assert isinstance(results, str) and not rep.valid
        results, rep = r.feed_statement("date,amount,content\n," + "1" * 20 + "," + BIG + "\n,1000," + BIG + "\n")
        assert [json.loads(x)["line"] for x in results.splitlines()] == [3]
