"""Vietnamese text operations: names, memo folding, matching keys, tone marks, lookalikes."""

from __future__ import annotations

import ctypes
from ctypes import c_uint32

from . import _native as n
from ._native import TextArg
from .constants import NameComparison, ToneStyle
from .report import Report


def _text_fn(fn_name: str, text: TextArg, *extra) -> str:
    data = n.text_arg(text, "text")
    return n.call_string(getattr(n.lib(), fn_name), fn_name, data, len(data), *extra)


def name(text: TextArg) -> str:
    """The display form of a person's name (``"  nguyễn   THỊ  minh "`` → ``"Nguyễn Thị
    Minh"``). Raises VietrefError (TEXT_NAME_INVALID) when the name has an error finding;
    :func:`check` lists them."""
    return _text_fn("vietref_text_name", text)


def fold(text: TextArg) -> str:
    """The ASCII memo form (``"Nguyễn Văn Đức"`` → ``"NGUYEN VAN DUC"``)."""
    return _text_fn("vietref_text_fold", text)


def key(text: TextArg) -> str:
    """The matching key: equal for texts that differ only in case, spacing, NFC/NFD,
    apostrophe or tone style."""
    return _text_fn("vietref_text_key", text)


def retone(text: TextArg, style: ToneStyle = ToneStyle.TRADITIONAL) -> str:
    """The text with tone marks placed by ``style``."""
    return _text_fn("vietref_text_retone", text, int(style))


def check(text: TextArg, field: TextArg = "") -> Report:
    """Checks a person's name: every normalization as a warning, every refused character
    as an error with its position, the display form as the cleaned value."""
    data = n.text_arg(text, "text")
    f = n.text_arg(field, "field")
    out = n.ReportP()
    n.check(
        n.lib().vietref_text_check(data, len(data), f, len(f), ctypes.byref(out)), "text.check"
    )
    return Report(out)


def check_text(text: TextArg, field: TextArg = "") -> Report:
    """Checks free text (a payment reason, a note): every normalization as a warning, every
    refused character (control, bidi, invisible, unusable) as an error with its position, a
    warning for a word that mixes Latin letters with another script, the normalized text as
    the cleaned value. Unlike :func:`check` (names), digits and punctuation are allowed."""
    data = n.text_arg(text, "text")
    f = n.text_arg(field, "field")
    out = n.ReportP()
    n.check(
        n.lib().vietref_text_check_text(data, len(data), f, len(f), ctypes.byref(out)),
        "text.check_text",
    )
    return Report(out)


def skeleton(text: TextArg) -> str:
    """The confusable skeleton: equal for texts that look the same to a person (Latin
    ``HOA`` and Cyrillic ``НОА``; ``rn`` and ``m``). Store the skeletons of registered payee
    names to find look-alikes by an index look-up; :func:`compare_payee_name` tells a
    look-alike from the same name. The form may change between library versions: rebuild
    stored skeletons after an upgrade."""
    return _text_fn("vietref_text_skeleton", text)


def _pair(fn_name: str, a: TextArg, b: TextArg) -> int:
    x, y = n.text_arg(a, "a"), n.text_arg(b, "b")
    out = c_uint32()
    n.check(getattr(n.lib(), fn_name)(x, len(x), y, len(y), ctypes.byref(out)), fn_name)
    return out.value


def looks_like(a: TextArg, b: TextArg) -> bool:
    """Whether two texts look the same to a person (confusables such as Latin ``HOA`` and
    Cyrillic ``НОА``)."""
    return _pair("vietref_text_looks_like", a, b) == 1


def compare_payee_name(shown: TextArg, registered: TextArg) -> NameComparison:
    """SAME, LOOKALIKE (spoofing risk: never a match) or DIFFERENT."""
    return NameComparison(_pair("vietref_text_compare_payee_name", shown, registered))
