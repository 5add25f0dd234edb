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
        assert ref.create(RefKind.CODE, c["prefix"], c["body"]) == code
        assert ref.create(RefKind.CODE, c["prefix"].lower(), c["body"]) == code
        assert ref.validate(RefKind.CODE, code) == code
        assert ref.validate(RefKind.CODE, code.lower()) == code
        assert ref.is_valid(RefKind.CODE, code)
        assert ref.compact(RefKind.CODE, code) == code
        printed = ref.format(RefKind.CODE, code)
        assert printed != code and printed.replace(" ", "") == code
        assert ref.validate(RefKind.CODE, printed) == code
        assert ref.validate_message(RefKind.CODE, code) is None
        assert ref.create_message(RefKind.CODE, c["prefix"], c["body"]) is None
        # one check digit off: a checksum refusal, explained in both languages
        bad = code[:-1] + str((int(code[-1]) + 1) % 10)
        assert not ref.is_valid(RefKind.CODE, bad)
        with pytest.raises(VietrefError) as e:
            ref.validate(RefKind.CODE, bad)
        err = e.value
        assert err.status is Status.REF_INVALID_CHECKSUM
        assert err.detail == "the check digits do not match (a typing error?)"
        assert err.detail_vi == "chữ số kiểm tra không khớp (có thể gõ nhầm?)"
        assert err.detail == ref.validate_message(RefKind.CODE, bad)
        assert err.detail_vi == ref.validate_message(RefKind.CODE, bad, Lang.VI)
        assert ref.compact(RefKind.CODE, bad) == bad  # compact does not check digits


def test_rf_vectors(reference_vectors):
    valid = reference_vectors["rf_valid"]
    assert valid
    for v in valid:
        compact = compact_of(v)
        assert ref.validate(RefKind.RF, v) == compact
        assert ref.is_valid(RefKind.RF, v)
        assert ref.compact(RefKind.RF, v) == compact
        assert ref.format(RefKind.RF, v).replace(" ", "") == compact
        # created from its body, the reference comes back
        assert ref.create_rf(compact[4:]) == compact
        assert ref.create(RefKind.RF, "", compact[4:]) == compact
    assert ref.format(RefKind.RF, "RF18539007547034") == "RF18 5390 0754 7034"
    invalid = reference_vectors["rf_invalid"]
    assert invalid
    for v in invalid:
        assert not ref.is_valid(RefKind.RF, v)
        with pytest.raises(VietrefError) as e:
            ref.validate(RefKind.RF, v)
        assert e.value.status in REF_STATUSES
        assert e.value.detail == ref.validate_message(RefKind.RF, v)
        assert e.value.detail_vi == ref.validate_message(RefKind.RF, v, Lang.VI)
        assert e.value.detail and e.value.detail_vi and e.value.detail != e.value.detail_vi
        with pytest.raises(VietrefError) as f:
            ref.format(RefKind.RF, v)
        assert f.value.status == e.value.status


def test_tax_code_vectors(reference_vectors):
    for v in reference_vectors["tax_code_valid"]:
        assert ref.validate(RefKind.MST, v) == v
        assert ref.is_valid(RefKind.MST, v)
    for v in reference_vectors["tax_code_invalid"]:
        assert not ref.is_valid(RefKind.MST, v)
        with pytest.raises(VietrefError) as e:
            ref.validate(RefKind.MST, v)
        assert e.value.status in REF_STATUSES
    assert ref.format(RefKind.MST, "0100233488001") == "0100233488-001"


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
        ref.validate(kind, value)
    err = e.value
    assert err.status is status
    assert err.status_name == "VIETREF_" + status.name
    assert err.context == "references.validate"
    assert err.detail  # the library's words for this value
    if en is not None:
        assert err.detail == en
        assert en in str(err)
    assert not ref.is_valid(kind, value)


def test_vietnamese_messages():
    assert ref.validate_message(RefKind.CODE, "HP 7184#0976", Lang.VI) == "ký tự '#' (U+0023) tại vị trí 8 không được phép"
    assert ref.validate_message(RefKind.RF, "XX18539007547034", Lang.VI) == "giá trị phải bắt đầu bằng RF, không phải XX"
    assert ref.validate_message(RefKind.MST, "010023348", Lang.VI) == "giá trị có 9 ký tự; cần từ 10 đến 13 ký tự"


def test_einvoice_and_mst_forms():
    assert ref.validate(RefKind.EINVOICE, "1c24taa 00001234") == "1C24TAA1234"
    assert ref.format(RefKind.EINVOICE, "1C24TAA-1234") == "1C24TAA-00001234"
    assert ref.validate(RefKind.MST, "0100233488-001") == "0100233488001"
    # an e-invoice has a compact form only when valid
    with pytest.raises(VietrefError) as e:
        ref.compact(RefKind.EINVOICE, "7C24TAA-1")
    assert e.value.status is Status.REF_INVALID_PART


def test_compact_refusals_only_explained_when_validate_agrees():
    assert ref.compact(RefKind.CODE, "hp 7184-0976.75") == "HP7184097675"
    with pytest.raises(VietrefError) as e:
        ref.compact(RefKind.CODE, "HP#1")
    assert e.value.status is Status.REF_INVALID_CHAR
    assert e.value.detail == "character '#' (U+0023) at position 3 is not allowed"
    with pytest.raises(VietrefError) as e:
        ref.compact(RefKind.MST, " . ")
    assert e.value.status is Status.REF_EMPTY


def test_create_refusals():
    with pytest.raises(VietrefError) as e:
        ref.create(RefKind.CODE, "HO", "71840976")
    err = e.value
    assert err.status is Status.REF_INVALID_PART
    assert err.detail == (
        'the prefix "HO" is not valid: the letters O, I and L are not used in prefixes '
        "(they are confused with 0 and 1)"
    )
    assert err.detail_vi == 'tiền tố "HO" không hợp lệ: không dùng các chữ O, I, L trong tiền tố (dễ nhầm với 0 và 1)'
    assert ref.create_message(RefKind.CODE, "HO", "71840976", Lang.VI) == err.detail_vi
    with pytest.raises(VietrefError) as e:
        ref.create(RefKind.CODE, "HP", " - ")
    assert e.value.status is Status.REF_EMPTY and e.value.detail == "the value is empty"
    with pytest.raises(VietrefError) as e:
        ref.create_rf("1234567890123456789012")
    assert e.value.status is Status.REF_INVALID_LENGTH
    assert e.value.detail == "the value has 22 characters; expected 1 to 21"
    assert e.value.detail_vi == "giá trị có 22 ký tự; cần từ 1 đến 21 ký tự"
    assert ref.create(RefKind.CODE, "thcs", "1960 7550 9808") == "THCS19607550980861"


def test_argument_errors():
    # kinds without create, an RF with a prefix, unknown kinds and languages
    for call in (
        lambda: ref.create(RefKind.EINVOICE, "", "1"),
        lambda: ref.create(RefKind.MST, "", "1"),
        lambda: ref.create(RefKind.RF, "HP", "1"),
        lambda: ref.create(6, "HP", "71840976"),
        lambda: ref.validate(0, "HP7184097674"),
        lambda: ref.validate(RefKind.OPAQUE, "HP7184097674"),
        lambda: ref.format(9, "x"),
        lambda: ref.compact(9, "x"),
        lambda: ref.is_valid(0, "x"),
        lambda: ref.validate_message(RefKind.CODE, "x", 7),
        lambda: ref.create_message(RefKind.CODE, "HO", "1", 3),
    ):
        with pytest.raises(VietrefError) as e:
            call()
        assert e.value.status is Status.INVALID_ARGUMENT
        assert e.value.detail is None
    with pytest.raises(ValueError):
        ref.validate(1 << 32, "x")  # would be truncated to 0 by ctypes
    with pytest.raises(TypeError):
        ref.validate("code", "x")


def test_the_kind_comes_first_as_in_the_c_abi():
    assert ref.validate(RefKind.CODE, "hp 7184 0976 74") == "HP7184097674"
    assert ref.create(RefKind.CODE, "HP", "71840976") == "HP7184097674"
    # the order of earlier releases (value first) raises instead of swapping silently
    with pytest.raises(TypeError):
        ref.validate("HP7184097674", RefKind.CODE)
    with pytest.raises(TypeError):
        ref.validate("HP7184097674")
    with pytest.raises(TypeError):
        ref.is_valid("HP7184097674", RefKind.CODE)
    with pytest.raises(TypeError):
        ref.create("HP", "71840976", RefKind.CODE)
