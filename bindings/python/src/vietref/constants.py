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


class RefKind(IntEnum):
    """Kinds of reference (``VIETREF_REF_*``)."""

    CODE = 1  #: a payment code: prefix + digits + check digits, ``HP7184097674``
    RF = 2  #: an ISO 11649 creditor reference, ``RF18539007547034``
    EINVOICE = 3  #: an e-invoice identifier, ``1C24TAA-00001234``
    MST = 4  #: a tax code (mã số thuế), ``0100233488-001``
    OPAQUE = 5  #: an institution's own code (no check digits)


class Channel(IntEnum):
    """Where a memo travels (``VIETREF_CHANNEL_*``); each has its own length budget."""

    VIETQR = 1  #: VietQR purpose, tag 62-08 (25 characters)
    VIETQR_BILL = 2  #: VietQR bill number, tag 62-01: the code only
    TRANSFER = 3  #: an ordinary bank transfer's content
    MOBILE_MONEY = 4
    POS = 5  #: a card terminal: the code only
    ISO20022 = 6  #: remittance information of an ISO 20022 message


class MemoList(IntEnum):
    """The field lists of a rendered memo (``VIETREF_MEMO_*``)."""

    INCLUDED = 1
    OMITTED = 2
    CLIPPED = 3


class Encoding(IntEnum):
    """Text encodings (``VIETREF_ENCODING_*``): UTF-8 and the legacy Vietnamese ones."""

    UTF8 = 0
    TCVN3 = 1  #: TCVN 5712 "ABC"
    VNI = 2  #: VNI-Win
    VISCII = 3
    VPS = 4
    CP1258 = 5  #: Windows-1258
    VIQR = 6  #: RFC 1456 mnemonics, 7-bit
    UTF8_AS_CP1252 = 7  #: mojibake: UTF-8 bytes read as Windows-1252


class LineStatus(IntEnum):
    """How a bank statement line was classified (``VIETREF_LINE_*``)."""

    PAID = 0  #: settles its invoice exactly
    PARTIAL = 1  #: less than the amount still due
    OVERPAID = 2  #: more than the amount still due
    DUPLICATE = 3  #: for an invoice already settled
    UNKNOWN_CODE = 4  #: a valid code that is not an open invoice
    AMBIGUOUS = 5  #: several codes: nothing applied
    UNMATCHED = 6  #: no code found (see LineResult.suggestion)


class StatementFormat(IntEnum):
    """The layout of a statement export given to ``Reconciler.feed_statement``
    (``VIETREF_STATEMENT_*``)."""

    CSV = 1  #: a header row (``date,amount,content,reference[,counterName]`` or mapped columns)
    JSON_LINES = 2  #: one JSON object per line, as bank-notification services send them
    JSON = 3  #: a JSON array of such objects
    XLSX = 4  #: an Excel 2007+ workbook (first sheet; header row found past a preamble)
    XLS = 5  #: an Excel 97-2003 workbook (first sheet)


class ResultsFormat(IntEnum):
    """How ``Reconciler.feed_statement`` writes its results (``VIETREF_RESULTS_*``)."""

    JSON_LINES = 1  #: one JSON object per incoming line (``LineResult.json``), each ending in a newline
    CSV = 2  #: a header row and the columns ``vietref reconcile --format csv`` writes, CRLF
