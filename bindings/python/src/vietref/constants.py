"""The integer constants of include/vietref.h as enums (the numbers are the C ABI's; a test
checks them against the header)."""

from __future__ import annotations

from enum import IntEnum


class Status(IntEnum):
    """Status codes (``vietref_status``). A library newer than this package may return
    numbers not listed here; :class:`~vietref.VietrefError` keeps the raw number."""

    OK = 0
    NULL_ARGUMENT = 1
    INVALID_UTF8 = 2
    INSUFFICIENT_SIZE = 3
    PANIC = 4
    INVALID_ARGUMENT = 5
    INDEX_OUT_OF_RANGE = 6
    NO_VALUE = 7
    INTERNAL_ERROR = 8
    TEXT_NAME_INVALID = 100
    MESSAGE_JSON_INVALID = 200


class Severity(IntEnum):
    """How serious a finding is."""

    WARNING = 1  #: vietref changed the value (and says how) or doubts it; usable
    ERROR = 2  #: the value cannot be used as given


class ToneStyle(IntEnum):
    """Where tone marks go in open ``oa``, ``oe``, ``uy`` syllables."""

    TRADITIONAL = 1  #: hòa, khỏe, thủy
    MAIN_VOWEL = 2  #: hoà, khoẻ, thuỷ


class NameComparison(IntEnum):
    """Result of :func:`vietref.text.compare_payee_name`."""

    SAME = 1
    LOOKALIKE = 2  #: a spoofing risk: never treat it as a match
    DIFFERENT = 3


class Lang(IntEnum):
    """Language of messages."""

    EN = 1
    VI = 2
