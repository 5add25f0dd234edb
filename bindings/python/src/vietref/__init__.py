"""vietref: Vietnamese cashless-payment messages for schools and hospitals.

A thin ctypes binding over the vietref C ABI (libvietref). The library is found through
``VIETREF_LIB`` (full path), then next to this package, then on the system's library path.
"""

from __future__ import annotations

from . import text, vietqr
from ._native import library_path, status_message, status_name
from .constants import Lang, NameComparison, Severity, Status, ToneStyle, VietQrField, VietQrMode
from .errors import LibraryNotFoundError, VietrefError
from .message import Message
from .report import Finding, Report
from .vietqr import VietQr

__all__ = [
    "Finding",
    "Lang",
    "LibraryNotFoundError",
    "Message",
    "NameComparison",
    "Report",
    "Severity",
    "Status",
    "ToneStyle",
    "VietQr",
    "VietQrField",
    "VietQrMode",
    "VietrefError",
    "library_path",
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
