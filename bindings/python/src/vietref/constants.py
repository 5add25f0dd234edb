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
    WRONG_KIND = 9
    TEXT_NAME_INVALID = 100
    MESSAGE_JSON_INVALID = 200
    REF_EMPTY = 300
    REF_INVALID_CHAR = 301
    REF_INVALID_LENGTH = 302
    REF_INVALID_PREFIX = 303
    REF_INVALID_PART = 304
    REF_INVALID_CHECKSUM = 305
    REF_SCHEMES_INVALID = 306
    VIETQR_JSON_INVALID = 500
    LEGACY_UNDEFINED_BYTE = 600
    LEGACY_INVALID_UTF8 = 601
    LEGACY_NOT_SEVEN_BIT = 602
    LEGACY_NOT_MOJIBAKE = 603
    LEGACY_UNENCODABLE = 604
    LEGACY_TCVN3_CAPITAL = 605
    RECONCILE_AMOUNT_INVALID = 700


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


class VietQrMode(IntEnum):
    """How :func:`vietref.vietqr.decode` reads a payload."""

    STRICT = 1  #: any length, CRC, format or required-field fault is an error
    LENIENT = 2  #: also repairs whitespace, a lower-case CRC, one wrong length (each a warning)


class VietQrField(IntEnum):
    """The fields :meth:`vietref.VietQr.get` reads, as they travel in the payload."""

    INITIATION = 1
    BANK_BIN = 2
    ACCOUNT_NUMBER = 3
    SERVICE = 4
    MERCHANT_CATEGORY = 5
    CURRENCY = 6
    AMOUNT = 7
    COUNTRY = 8
    MERCHANT_NAME = 9
    MERCHANT_CITY = 10
    POSTAL_CODE = 11
    BILL_NUMBER = 12
    MOBILE_NUMBER = 13
    STORE_LABEL = 14
    LOYALTY_NUMBER = 15
    REFERENCE_LABEL = 16
    CUSTOMER_LABEL = 17
    TERMINAL_LABEL = 18
    PURPOSE = 19
    CONSUMER_DATA_REQUEST = 20
    CRC = 21
