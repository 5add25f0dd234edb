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


def test_check_text_allows_what_names_refuse():
    # a payment reason: digits and punctuation are fine here, unlike in a name
    reason = "Học phí kỳ 1, lớp 6A"
    with text.check_text(reason, "reason") as r:
        assert r.valid and not r.errors and not r.warnings
        assert r.cleaned == reason
    with text.check(reason) as r:
        assert not r.valid  # the same text as a name is refused
    with text.check_text("  Học   phí  ", "reason") as r:
        assert r.valid
        assert [f.key for f in r] == ["text.whitespace"]
        assert all(f.field == "reason" and not f.is_error for f in r)
        assert r.cleaned == "Học phí"
    with text.check_text("Ho\u0323c phi\u0301") as r:  # NFD in, NFC out
        assert r.valid and [f.key for f in r] == ["text.composed"]
        assert r.cleaned == "Học phí"


def test_check_text_refusals():
    with text.check_text("Học phí\u0000", "reason") as r:
        assert not r.valid
        (err,) = r.errors
        assert err.key == "text.control_char" and err.code == 104
        assert err.field == "reason" and err.position == 8 and err.char == "\x00"
        assert r.cleaned is None
    for bad, key in [("Học phí\u202e", "text.bidi_control"), ("Học\u200bphí", "text.invisible")]:
        with text.check_text(bad) as r:
            assert not r.valid
            assert [f.key for f in r.errors] == [key], bad
    # a word mixing Latin and Cyrillic is a warning, not an error
    with text.check_text("Học phí \u041dOA") as r:
        assert r.valid
        assert [(f.key, f.severity) for f in r] == [("text.mixed_script", Severity.WARNING)]
    with text.check_text("") as r:
        assert r.findings is not None  # a report either way


def test_skeleton():
    assert text.skeleton("HOA") == text.skeleton("\u041d\u041e\u0410")  # Cyrillic НОА
    assert text.skeleton("HOA") != text.skeleton("HOB")
    assert text.skeleton("rn") == text.skeleton("m")
    assert text.skeleton("") == ""
    # equal skeletons exactly where looks_like says the texts look the same
    for a, b in [("HOA", "\u041d\u041e\u0410"), ("HOA", "HOB"), ("Trường THPT A", "\u0422rường THPT A")]:
        assert (text.skeleton(a) == text.skeleton(b)) == text.looks_like(a, b), (a, b)
    assert isinstance(text.skeleton("Đức".encode()), str)
