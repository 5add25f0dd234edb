"""Statuses become VietrefError in one place; the constants match the C header."""

import ctypes
import re

import pytest

import vietref
from vietref import Lang, NameComparison, Severity, Status, ToneStyle, VietrefError, _native, text

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
