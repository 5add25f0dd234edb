"""tests/data/references.json through the binding, and the refusals with their words."""

import pytest

from vietref import Lang, RefKind, Status, VietrefError, references as ref

REF_STATUSES = {
    Status.REF_EMPTY,
    Status.REF_INVALID_CHAR,
    Status.REF_INVALID_LENGTH,
    Status.REF_INVALID_PREFIX,
    Status.REF_INVALID_PART,
    Status.REF_INVALID_CHECKSUM,
}


def compact_of(written):
    return written.replace(" ", "").upper()


def test_payment_code_vectors(reference_vectors):
    cases = reference_vectors["payment_codes"]
    assert len(cases) == 8
    for c in cases:
        code = c["code"]
        assert ref.create(c["prefix"], c["body"]) == code
        assert ref.create(c["prefix"].lower(), c["body"], RefKind.CODE) == code
        assert ref.validate(code) == code
        assert ref.validate(code.lower()) == code
        assert ref.is_valid(code)
        assert ref.compact(code) == code
        printed = ref.format(code)
        assert printed != code and printed.replace(" ", "") == code
        assert ref.validate(printed) == code
        assert ref.validate_message(code) is None
        assert ref.create_message(c["prefix"], c["body"]) is None
        # one check digit off: a checksum refusal, explained in both languages
        bad = code[:-1] + str((int(code[-1]) + 1) % 10)
        assert not ref.is_valid(bad)
        with pytest.raises(VietrefError) as e:
            ref.validate(bad)
        err = e.value
        assert err.status is Status.REF_INVALID_CHECKSUM
        assert err.detail == "the check digits do not match (a typing error?)"
        assert err.detail_vi == "chữ số kiểm tra không khớp (có thể gõ nhầm?)"
        assert err.detail == ref.validate_message(bad)
        assert err.detail_vi == ref.validate_message(bad, RefKind.CODE, Lang.VI)
        assert ref.compact(bad) == bad  # compact does not check digits


def test_rf_vectors(reference_vectors):
    valid = reference_vectors["rf_valid"]
    assert valid
    for v in valid:
        compact = compact_of(v)
        assert ref.validate(v, RefKind.RF) == compact
        assert ref.is_valid(v, RefKind.RF)
        assert ref.compact(v, RefKind.RF) == compact
        assert ref.format(v, RefKind.RF).replace(" ", "") == compact
        # created from its body, the reference comes back
        assert ref.create_rf(compact[4:]) == compact
        assert ref.create("", compact[4:], RefKind.RF) == compact
    assert ref.format("RF18539007547034", RefKind.RF) == "RF18 5390 0754 7034"
    invalid = reference_vectors["rf_invalid"]
    assert invalid
    for v in invalid:
        assert not ref.is_valid(v, RefKind.RF)
        with pytest.raises(VietrefError) as e:
            ref.validate(v, RefKind.RF)
        assert e.value.status in REF_STATUSES
        assert e.value.detail == ref.validate_message(v, RefKind.RF)
        assert e.value.detail_vi == ref.validate_message(v, RefKind.RF, Lang.VI)
        assert e.value.detail and e.value.detail_vi and e.value.detail != e.value.detail_vi
        with pytest.raises(VietrefError) as f:
            ref.format(v, RefKind.RF)
        assert f.value.status == e.value.status


def test_tax_code_vectors(reference_vectors):
    for v in reference_vectors["tax_code_valid"]:
        assert ref.validate(v, RefKind.MST) == v
        assert ref.is_valid(v, RefKind.MST)
    for v in reference_vectors["tax_code_invalid"]:
        assert not ref.is_valid(v, RefKind.MST)
        with pytest.raises(VietrefError) as e:
            ref.validate(v, RefKind.MST)
        assert e.value.status in REF_STATUSES
    assert ref.format("0100233488001", RefKind.MST) == "0100233488-001"


@pytest.mark.parametrize(
    "kind,value,status,en",
    [
        (RefKind.CODE, "HP7184097675", Status.REF_INVALID_CHECKSUM, "the check digits do not match (a typing error?)"),
        (RefKind.CODE, "HP 7184#0976", Status.REF_INVALID_CHAR, "character '#' (U+0023) at position 8 is not allowed"),
        (RefKind.CODE, "", Status.REF_EMPTY, "the value is empty"),
        (RefKind.RF, "RF1", Status.REF_INVALID_LENGTH, "the value has 3 characters; expected 5 to 25"),
        (RefKind.RF, "XX18539007547034", Status.REF_INVALID_PREFIX, "the value must start with RF, not XX"),
        (RefKind.MST, "010023348", Status.REF_INVALID_LENGTH, "the value has 9 characters; expected 10 to 13"),
        (RefKind.EINVOICE, "7C24TAA-1", Status.REF_INVALID_PART, None),
    ],
)
def test_refusals(kind, value, status, en):
    with pytest.raises(VietrefError) as e:
        ref.validate(value, kind)
    err = e.value
    assert err.status is status
    assert err.status_name == "VIETREF_" + status.name
    assert err.context == "references.validate"
    assert err.detail  # the library's words for this value
    if en is not None:
        assert err.detail == en
        assert en in str(err)
    assert not ref.is_valid(value, kind)


def test_vietnamese_messages():
    assert ref.validate_message("HP 7184#0976", lang=Lang.VI) == "ký tự '#' (U+0023) tại vị trí 8 không được phép"
    assert ref.validate_message("XX18539007547034", RefKind.RF, Lang.VI) == "giá trị phải bắt đầu bằng RF, không phải XX"
    assert ref.validate_message("010023348", RefKind.MST, Lang.VI) == "giá trị có 9 ký tự; cần từ 10 đến 13 ký tự"


def test_einvoice_and_mst_forms():
    assert ref.validate("1c24taa 00001234", RefKind.EINVOICE) == "1C24TAA1234"
    assert ref.format("1C24TAA-1234", RefKind.EINVOICE) == "1C24TAA-00001234"
    assert ref.validate("0100233488-001", RefKind.MST) == "0100233488001"
    # an e-invoice has a compact form only when valid
    with pytest.raises(VietrefError) as e:
        ref.compact("7C24TAA-1", RefKind.EINVOICE)
    assert e.value.status is Status.REF_INVALID_PART


def test_compact_refusals_only_explained_when_validate_agrees():
    assert ref.compact("hp 7184-0976.75") == "HP7184097675"
    with pytest.raises(VietrefError) as e:
        ref.compact("HP#1")
    assert e.value.status is Status.REF_INVALID_CHAR
    assert e.value.detail == "character '#' (U+0023) at position 3 is not allowed"
    with pytest.raises(VietrefError) as e:
        ref.compact(" . ", RefKind.MST)
    assert e.value.status is Status.REF_EMPTY


def test_create_refusals():
    with pytest.raises(VietrefError) as e:
        ref.create("HO", "71840976")
    err = e.value
    assert err.status is Status.REF_INVALID_PART
    assert err.detail == (
        'the prefix "HO" is not valid: the letters O, I and L are not used in prefixes '
        "(they are confused with 0 and 1)"
    )
    assert err.detail_vi == 'tiền tố "HO" không hợp lệ: không dùng các chữ O, I, L trong tiền tố (dễ nhầm với 0 và 1)'
    assert ref.create_message("HO", "71840976", lang=Lang.VI) == err.detail_vi
    with pytest.raises(VietrefError) as e:
        ref.create("HP", " - ")
    assert e.value.status is Status.REF_EMPTY and e.value.detail == "the value is empty"
    with pytest.raises(VietrefError) as e:
        ref.create_rf("1234567890123456789012")
    assert e.value.status is Status.REF_INVALID_LENGTH
    assert e.value.detail == "the value has 22 characters; expected 1 to 21"
    assert e.value.detail_vi == "giá trị có 22 ký tự; cần từ 1 đến 21 ký tự"
    assert ref.create("thcs", "1960 7550 9808") == "THCS19607550980861"


def test_argument_errors():
    # kinds without create, an RF with a prefix, unknown kinds and languages
    for call in (
        lambda: ref.create("", "1", RefKind.EINVOICE),
        lambda: ref.create("", "1", RefKind.MST),
        lambda: ref.create("HP", "1", RefKind.RF),
        lambda: ref.create("HP", "71840976", 6),
        lambda: ref.validate("HP7184097674", 0),
        lambda: ref.validate("HP7184097674", RefKind.OPAQUE),
        lambda: ref.format("x", 9),
        lambda: ref.compact("x", 9),
        lambda: ref.is_valid("x", 0),
        lambda: ref.validate_message("x", RefKind.CODE, 7),
        lambda: ref.create_message("HO", "1", RefKind.CODE, 3),
    ):
        with pytest.raises(VietrefError) as e:
            call()
        assert e.value.status is Status.INVALID_ARGUMENT
        assert e.value.detail is None
    with pytest.raises(ValueError):
        ref.validate("x", 1 << 32)  # would be truncated to 0 by ctypes
    with pytest.raises(TypeError):
        ref.validate("x", "code")
