"""vietref: Vietnamese cashless-payment messages for schools and hospitals.

A thin ctypes binding over the vietref C ABI (libvietref): text, messages and reports,
VietQR, references, memos, legacy encodings, reconciliation. The library is found through
``VIETREF_LIB`` (full path), then next to this package, then on the system's library path.
"""

from __future__ import annotations

from . import legacy, memo, references, text, vietqr
from ._native import library_path, status_message, status_name
from .constants import (
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
)
from .errors import LibraryNotFoundError, VietrefError
from .gateway import GatewayMerchant
from .legacy import Alternative, Detection, Encoded, Loss
from .memo import Candidate, Candidates, MemoReport, ParsedMemo
from .message import Message
from .reconcile import LineResult, Reconciler
from .report import Finding, Report
from .vietqr import VietQr

__all__ = [
    "Alternative",
    "Candidate",
    "Candidates",
    "Channel",
    "Detection",
    "Encoded",
    "Encoding",
    "Finding",
    "GatewayMerchant",
    "Lang",
    "LibraryNotFoundError",
    "LineResult",
    "LineStatus",
    "Loss",
    "MemoList",
    "MemoReport",
    "Message",
    "NameComparison",
    "ParsedMemo",
    "Reconciler",
    "RefKind",
    "Report",
    "ResultsFormat",
    "Severity",
    "StatementFormat",
    "Status",
    "ToneStyle",
    "VietQr",
    "VietQrField",
    "VietQrMode",
    "VietrefError",
    "legacy",
    "library_path",
    "memo",
    "references",
    "status_message",
    "status_name",
    "text",
    "version",
    "vietqr",
]


def version() -> str:
    """The loaded library's version, like ``"0.1.0"``."""
    from ._native import lib

    return lib().vietref_version().decode("ascii")
