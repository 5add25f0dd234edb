"""Validation reports: every finding of a check, and the cleaned value when valid."""

from __future__ import annotations

import ctypes
import json
from ctypes import c_size_t, c_uint32
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterator, List, Optional

from . import _native as n
from ._handle import Handle
from .constants import Lang, Severity

if TYPE_CHECKING:
    from .vietqr import VietQr


@dataclass(frozen=True)
class Finding:
    """One finding of a report (a copy: it outlives the report)."""

    severity: Severity
    field: str  #: field path, like ``payerName`` (empty for a text checked without one)
    code: int  #: stable finding number, like 200
    key: str  #: stable finding key, like ``name.digit``
    message: str  #: English, parameters filled in
    message_vi: str  #: Vietnamese, parameters filled in
    position: Optional[int]  #: 1-based character position, if the finding has one
    char: Optional[str]  #: the character concerned, if any

    @property
    def is_error(self) -> bool:
        return self.severity == Severity.ERROR


class Report(Handle):
    """Owns a ``vietref_report``. Use it as a context manager or call :meth:`close`; the
    garbage collector frees it otherwise. Findings are read once and cached."""

    __slots__ = ("_findings",)

    def __init__(self, ptr: n.ReportP) -> None:
        super().__init__(ptr, n.lib().vietref_report_free)
        self._findings: Optional[List[Finding]] = None

    @property
    def valid(self) -> bool:
        """True when no finding is an error (the report then has a cleaned value)."""
        out = c_uint32()
        n.check(n.lib().vietref_report_valid(self._handle(), ctypes.byref(out)), "report.valid")
        return out.value == 1

    def __bool__(self) -> bool:
        return self.valid

    @property
    def findings(self) -> List[Finding]:
        """Every finding, errors and warnings, in the order the library reports them."""
        if self._findings is None:
            self._findings = [self._finding(i) for i in range(len(self))]
        return list(self._findings)

    def __len__(self) -> int:
        out = c_size_t()
        n.check(n.lib().vietref_report_count(self._handle(), ctypes.byref(out)), "report.count")
        return out.value

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    @property
    def errors(self) -> List[Finding]:
        return [f for f in self.findings if f.severity == Severity.ERROR]

    @property
    def warnings(self) -> List[Finding]:
        return [f for f in self.findings if f.severity == Severity.WARNING]

    @property
    def json(self) -> str:
        """The whole report as the library's JSON."""
        return n.call_string(n.lib().vietref_report_json, "report.json", self._handle())

    @property
    def cleaned_json(self) -> Optional[str]:
        """The cleaned value as JSON; None when the report holds an error."""
        return n.call_optional_string(
            n.lib().vietref_report_cleaned_json, "report.cleaned_json", self._handle()
        )

    @property
    def cleaned(self) -> Any:
        """The cleaned value decoded from JSON (a dict for a message, a str for a name);
        None when the report holds an error."""
        text = self.cleaned_json
        return None if text is None else json.loads(text)

    @property
    def cleaned_text(self) -> Optional[str]:
        """The cleaned value as plain text, for reports whose value is a text (a name's
        display form, a VietQR payload); None when the report holds an error. Raises
        VietrefError (WRONG_KIND) for a report whose value is not a text."""
        return n.call_optional_string(
            n.lib().vietref_report_cleaned_text, "report.cleaned_text", self._handle()
        )

    def vietqr(self) -> "Optional[VietQr]":
        """The decoded VietQR of a report of :func:`vietref.vietqr.decode` or
        :meth:`VietQr.verify_payee` (a copy; the report stays usable); None when the report
        holds an error. Raises VietrefError (WRONG_KIND) for another kind of report."""
        from .vietqr import VietQr

        out = n.VietQrP()
        if not n.check_optional(
            n.lib().vietref_vietqr_from_report(self._handle(), ctypes.byref(out)),
            "vietqr.from_report",
        ):
            return None
        return VietQr._own(out)

    def _finding(self, i: int) -> Finding:
        lib, h = n.lib(), self._handle()
        u32, size = c_uint32(), c_size_t()
        n.check(lib.vietref_report_finding_severity(h, i, ctypes.byref(u32)), "finding.severity")
        severity = Severity(u32.value)
        n.check(lib.vietref_report_finding_code(h, i, ctypes.byref(u32)), "finding.code")
        code = u32.value
        position = None
        if n.check_optional(
            lib.vietref_report_finding_position(h, i, ctypes.byref(size)), "finding.position"
        ):
            position = size.value
        char = None
        if n.check_optional(lib.vietref_report_finding_char(h, i, ctypes.byref(u32)), "finding.char"):
            char = chr(u32.value)
        return Finding(
            severity=severity,
            field=n.call_string(lib.vietref_report_finding_field, "finding.field", h, i),
            code=code,
            key=n.call_string(lib.vietref_report_finding_code_key, "finding.key", h, i),
            message=n.call_string(
                lib.vietref_report_finding_message, "finding.message", h, i, Lang.EN
            ),
            message_vi=n.call_string(
                lib.vietref_report_finding_message, "finding.message", h, i, Lang.VI
            ),
            position=position,
            char=char,
        )

    def __repr__(self) -> str:
        if self.closed:
            return "<vietref.Report closed>"
        return f"<vietref.Report valid={self.valid} findings={len(self)}>"
