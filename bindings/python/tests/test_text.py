"""tests/data/text.json through the binding, and the text functions' documented examples."""

import pytest

import vietref
from vietref import NameComparison, Severity, Status, ToneStyle, VietrefError, text


def test_names_display_and_fold(text_vectors):
    cases = text_vectors["names"]
    assert len(cases) >= 20
    for c in cases:
        assert text.name(c["input"]) == c["name"], c["input"]
        assert text.fold(c["input"]) == c["fold"], c["input"]
        with text.check(c["input"], "payerName") as r:
            assert r.valid, c["input"]
            assert r.cleaned == c["name"]
            if c["name"] != c["input"]:
                # every change is reported as a warning
                assert r.warnings, c["input"]
            assert not r.errors
            assert all(f.field == "payerName" for f in r)


def test_bad_names_are_rejected(text_vectors):
    for bad in text_vectors["bad_names"]:
        with text.check(bad, "payerName") as r:
            assert not r.valid, bad
            assert r.errors, bad
            assert r.cleaned is None and r.cleaned_json is None
        with pytest.raises(VietrefError) as e:
            text.name(bad)
        assert e.value.status == Status.TEXT_NAME_INVALID
        assert e.value.status_name == "VIETREF_TEXT_NAME_INVALID"


def test_tone_styles(text_vectors):
    for c in text_vectors["tone"]:
        assert text.retone(c["input"], ToneStyle.TRADITIONAL) == c["traditional"]
        assert text.retone(c["input"], ToneStyle.MAIN_VOWEL) == c["main_vowel"]


def test_security_flags(text_vectors):
    for c in text_vectors["security"]:
        with text.check(c["input"]) as r:
            assert (not r.valid) == c["flagged"], c["input"]


def test_key_equalities():
    # The header's examples: case, tone style and NFD do not change the key; letters do.
    assert text.key("Thủy") == text.key("THUỶ")
    assert text.key("Thu\u0309y") == text.key("Thủy")
    assert text.key("Thủy") != text.key("Thúy")


def test_lookalikes_and_payee_names():
    assert text.looks_like("HOA", "\u041d\u041e\u0410")  # Cyrillic НОА
    assert not text.looks_like("HOA", "HOB")
    assert text.compare_payee_name("TRƯỜNG THPT A", "Trường THPT A") is NameComparison.SAME
    assert (
        text.compare_payee_name("\u0422rường THPT A", "Trường THPT A")  # Cyrillic Т
        is NameComparison.LOOKALIKE
    )
    assert text.compare_payee_name("Bệnh viện B", "Trường THPT A") is NameComparison.DIFFERENT


def test_finding_details_of_a_name():
    with text.check("Lê @Anh", "payerName") as r:
        assert not r.valid
        (err,) = r.errors
        assert err.severity is Severity.ERROR and err.is_error
        assert err.field == "payerName"
        assert err.position == 4
        assert err.char == "@"
        assert err.key and err.code > 0
        assert "@" in err.message and "@" in err.message_vi
        assert err.message != err.message_vi


def test_bytes_in():
    assert text.fold("Đức".encode()) == "DUC"
    assert text.fold(bytearray("Đức".encode())) == "DUC"


def test_version():
    assert vietref.version().split(".")[:2] == ["0", "1"]
