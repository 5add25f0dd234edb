"""Statuses become VietrefError in one place; the constants match the C header."""

import ctypes
import re

import pytest

import vietref
from vietref import (
    Channel,
    Encoding,
    Lang,
    LineStatus,
    MemoList,
    NameComparison,
    RefKind,
    ResultsFormat,
    Severity,
    StatementFormat,
    Status,
    ToneStyle,
    VietQrField,
    VietQrMode,
    VietrefError,
    _native,
    text,
)

from conftest import header_path


def test_null_pointer_with_length_becomes_null_argument():
    out = _native.StringP()
    status = _native.lib().vietref_text_fold(None, 5, ctypes.byref(out))
    assert status == Status.NULL_ARGUMENT
    assert not out  # out-parameters are written only on success
    with pytest.raises(VietrefError) as e:
        _native.check(status, "vietref_text_fold")
    err = e.value
    assert err.status is Status.NULL_ARGUMENT
    assert err.status_name == "VIETREF_NULL_ARGUMENT"
    assert err.message == vietref.status_message(1, Lang.EN)
    assert err.message_vi == vietref.status_message(1, Lang.VI)
    assert err.message != err.message_vi
    assert "VIETREF_NULL_ARGUMENT" in str(err) and "vietref_text_fold" in str(err)


def test_unknown_tone_style_is_invalid_argument():
    with pytest.raises(VietrefError) as e:
        text.retone("Hòa", 9)
    assert e.value.status is Status.INVALID_ARGUMENT


def test_unknown_status_number_is_kept():
    err = _native.error(9999, "x")
    assert err.status == 9999 and err.status_name == "VIETREF_STATUS_9999"
    assert vietref.status_name(9999) is None


def test_every_status_has_name_and_both_messages():
    for s in Status:
        assert vietref.status_name(s) == "VIETREF_" + s.name
        assert vietref.status_message(s, Lang.EN)
        assert vietref.status_message(s, Lang.VI)


def header_constants():
    consts = {}
    for name, value in re.findall(r"\b(VIETREF_[A-Z0-9_]+)\s*=\s*(\d+)", header_path().read_text()):
        consts[name] = int(value)
    return consts


@pytest.mark.parametrize(
    "enum,prefix",
    [
        (Status, "VIETREF_"),
        (Severity, "VIETREF_SEVERITY_"),
        (ToneStyle, "VIETREF_TONE_"),
        (NameComparison, "VIETREF_NAME_"),
        (Lang, "VIETREF_LANG_"),
    ],
)
def test_enums_match_the_header(enum, prefix):
    h = header_constants()
    for member in enum:
        assert h[prefix + member.name] == member.value, member
    if enum is Status:
        # every status of the header is known here
        statuses = re.search(r"enum vietref_status \{(.*?)\}", header_path().read_text(), re.S)
        names = re.findall(r"VIETREF_([A-Z0-9_]+)\s*=", statuses.group(1))
        assert sorted(names) == sorted(m.name for m in Status)


def header_enum(c_name):
    """The members of one ``enum <c_name> { ... }`` of the flat header: name -> value."""
    block = re.search(r"enum " + c_name + r" \{(.*?)\}", header_path().read_text(), re.S)
    assert block, c_name
    return {k: int(v) for k, v in re.findall(r"\b(VIETREF_[A-Z0-9_]+)\s*=\s*(\d+)", block.group(1))}


@pytest.mark.parametrize(
    "enum,c_name,prefix",
    [
        (Status, "vietref_status", "VIETREF_"),
        (Severity, "vietref_severity", "VIETREF_SEVERITY_"),
        (ToneStyle, "vietref_tone_style", "VIETREF_TONE_"),
        (NameComparison, "vietref_name_comparison", "VIETREF_NAME_"),
        (Lang, "vietref_lang", "VIETREF_LANG_"),
        (VietQrMode, "vietref_vietqr_mode", "VIETREF_VIETQR_"),
        (VietQrField, "vietref_vietqr_field", "VIETREF_VIETQR_FIELD_"),
        (RefKind, "vietref_ref_kind", "VIETREF_REF_"),
        (Channel, "vietref_channel", "VIETREF_CHANNEL_"),
        (MemoList, "vietref_memo_list", "VIETREF_MEMO_"),
        (Encoding, "vietref_encoding", "VIETREF_ENCODING_"),
        (LineStatus, "vietref_line_status", "VIETREF_LINE_"),
        (StatementFormat, "vietref_statement_format", "VIETREF_STATEMENT_"),
        (ResultsFormat, "vietref_results_format", "VIETREF_RESULTS_"),
    ],
)
def test_enums_are_the_header_enums_exactly(enum, c_name, prefix):
    want = header_enum(c_name)
    assert {prefix + m.name: m.value for m in enum} == want


NEW_STATUSES = [
    (300, "REF_EMPTY"),
    (301, "REF_INVALID_CHAR"),
    (302, "REF_INVALID_LENGTH"),
    (303, "REF_INVALID_PREFIX"),
    (304, "REF_INVALID_PART"),
    (305, "REF_INVALID_CHECKSUM"),
    (306, "REF_SCHEMES_INVALID"),
    (600, "LEGACY_UNDEFINED_BYTE"),
    (601, "LEGACY_INVALID_UTF8"),
    (602, "LEGACY_NOT_SEVEN_BIT"),
    (603, "LEGACY_NOT_MOJIBAKE"),
    (604, "LEGACY_UNENCODABLE"),
    (605, "LEGACY_TCVN3_CAPITAL"),
    (700, "RECONCILE_AMOUNT_INVALID"),
]


@pytest.mark.parametrize("number,name", NEW_STATUSES)
def test_new_status_numbers_and_names(number, name):
    s = Status(number)
    assert s.name == name and s == number
    assert vietref.status_name(number) == "VIETREF_" + name
    en, vi = vietref.status_message(number, Lang.EN), vietref.status_message(number, Lang.VI)
    assert en and vi and en != vi
    err = _native.error(number, "ctx")
    assert err.status is s and err.status_name == "VIETREF_" + name
    assert (err.message, err.message_vi) == (en, vi)


def test_new_statuses_are_raised_by_the_calls_that_own_them():
    from vietref import Message, Reconciler, legacy, memo, references

    def status_of(call):
        with pytest.raises(VietrefError) as e:
            call()
        return e.value.status

    got = {
        status_of(lambda: references.validate(RefKind.CODE, "")),
        status_of(lambda: references.validate(RefKind.CODE, "HP 7184#0976")),
        status_of(lambda: references.validate(RefKind.RF, "RF1")),
        status_of(lambda: references.validate(RefKind.RF, "XX18539007547034")),
        status_of(lambda: references.create(RefKind.CODE, "HO", "71840976")),
        status_of(lambda: references.validate(RefKind.CODE, "HP7184097675")),
        status_of(lambda: memo.extract("x", "HP:99")),
        status_of(lambda: legacy.decode(b"N\x81", Encoding.CP1258)),
        status_of(lambda: legacy.decode(b"a\xff", Encoding.UTF8)),
        status_of(lambda: legacy.decode(b"L\xea", Encoding.VIQR)),
        status_of(lambda: legacy.decode("Nguyễn".encode(), Encoding.UTF8_AS_CP1252)),
        status_of(lambda: legacy.encode("Ж", Encoding.VNI)),
        status_of(lambda: legacy.encode("Ố", Encoding.TCVN3)),
        status_of(lambda: Reconciler().feed(1, 0, "x")),
    }
    assert got == {Status(n) for n, _ in NEW_STATUSES}
    with Message() as m:
        assert status_of(lambda: m.validate("HP")) is Status.REF_SCHEMES_INVALID


def test_every_header_function_is_declared():
    """Every function of the flat header except the _buf twins has a ctypes signature
    (the library is also checked for each when it is loaded)."""
    names = set(re.findall(r"\b(vietref_[a-z0-9_]+)\(", header_path().read_text()))
    wanted = {n for n in names if not n.endswith("_buf")}
    assert wanted - _native.WRAPPED == set()
    assert _native.WRAPPED - names == set()
