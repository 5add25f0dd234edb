"""Junk input: every public function either returns, raises VietrefError / the language's
argument error, or returns a report with errors. Nothing crashes."""

import pytest

from vietref import Message, Status, VietrefError, text

TEXT_FNS = [text.name, text.fold, text.key, text.retone, text.check]
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
    assert text.looks_like("", "")
    with Message(sector="", payer_name="", reason="", invoice="") as m, m.validate() as r:
        assert not r.valid and len(r.errors) >= 4


def test_nul_and_controls():
    with text.check("Phạm\x00Hùng") as r:
        assert not r.valid
        assert any(f.char == "\x00" for f in r.errors)
    assert "\x00" not in text.fold("a\x00b")


def test_one_megabyte():
    assert text.fold(BIG).startswith("NGUYEN VAN AN NGUYEN")
    assert len(text.key(BIG)) > 0
    assert text.retone(BIG).startswith("Nguyễn")
    with text.check(BIG, "payerName") as r:
        assert r.valid or r.errors  # a report either way
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
