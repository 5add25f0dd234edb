"""Reconciliation: match bank statement lines to open invoices by the codes in their
transfer content, and keep each invoice's paid total."""

from __future__ import annotations

import ctypes
import datetime
import json
import threading
from ctypes import c_uint32, c_uint64
from dataclasses import dataclass
from typing import Any, Dict, Optional, Tuple, Union

from . import _native as n
from ._handle import Handle
from ._native import SchemesArg, TextArg
from .constants import Lang, LineStatus, ResultsFormat, StatementFormat
from .report import Report

DateArg = Union[TextArg, datetime.date, None]


def _date_arg(value: DateArg, what: str) -> bytes:
    """A date as text: a ``datetime.date`` is written ``YYYY-MM-DD`` (only the form
    changes; the library checks the date), text is passed as it is, None is not given."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat().encode("ascii")
    return n.optional_text_arg(value, what)


@dataclass(frozen=True)
class LineResult:
    """How one statement line was classified (a copy: the C handle is already freed)."""

    status: LineStatus
    invoice: Optional[str]  #: the invoice the line was applied to (PAID, PARTIAL, OVERPAID, DUPLICATE)
    suggestion: Optional[str]  #: UNMATCHED: the one open invoice a name and the exact amount point to (not applied)
    possible_typo: Optional[str]  #: UNMATCHED: the one open invoice whose code is one edit away from a mistyped code (not applied)
    reason: str  #: why, in English
    reason_vi: str  #: why, in Vietnamese
    json: str  #: the line ``vietref reconcile`` writes: status, amounts, evidence

    def to_dict(self) -> Dict[str, Any]:
        return json.loads(self.json)


def _take_line_result(ptr: n.LineResultP) -> LineResult:
    lib = n.lib()
    try:
        u = c_uint32()
        n.check(lib.vietref_line_result_status(ptr, ctypes.byref(u)), "line_result.status")
        return LineResult(
            status=n.enum_or_int(LineStatus, u.value),
            invoice=n.call_optional_string(lib.vietref_line_result_invoice, "line_result.invoice", ptr),
            suggestion=n.call_optional_string(lib.vietref_line_result_suggestion, "line_result.suggestion", ptr),
            possible_typo=n.call_optional_string(
                lib.vietref_line_result_possible_typo, "line_result.possible_typo", ptr
            ),
            reason=n.call_string(lib.vietref_line_result_reason, "line_result.reason", ptr, Lang.EN),
            reason_vi=n.call_string(lib.vietref_line_result_reason, "line_result.reason", ptr, Lang.VI),
            json=n.call_string(lib.vietref_line_result_json, "line_result.json", ptr),
        )
    finally:
        lib.vietref_line_result_free(ptr)


class Reconciler(Handle):
    """Owns a ``vietref_reconciler`` for an institution's payment-code ``schemes``
    (``"HP:8,VP:10"``, ``{"HP": 8}``; None for none: then only RF references, e-invoices
    and the institution's own codes are found). Use it as a context manager or call
    :meth:`close`.

    Calls on one reconciler are serialized by a lock (ctypes releases the GIL during a
    call, and the C reconciler allows no other call while one changes it)."""

    __slots__ = ("_lock",)

    def __init__(self, schemes: SchemesArg = None) -> None:
        self._lock = threading.RLock()
        s = n.schemes_arg(schemes)
        out = n.ReconcilerP()
        n.check(n.lib().vietref_reconciler_new(s, len(s), ctypes.byref(out)), "reconciler.new")
        super().__init__(out, n.lib().vietref_reconciler_free)

    def close(self) -> None:
        with self._lock:
            super().close()

    def set_threads(self, threads: int) -> None:
        """Lets :meth:`feed_statement` use up to ``threads`` threads (0 counts as 1; a new
        reconciler uses 1). With 2 or more, the statement's lines are read (envelopes, codes,
        names) on a second thread while the lines read before are matched: the results,
        their order and the totals are the same as on one thread."""
        t = n.size_arg(threads, "threads")
        with self._lock:
            n.check(n.lib().vietref_reconciler_set_threads(self._handle(), t), "reconciler.set_threads")

    def add_invoice(
        self,
        code: TextArg,
        amount: int,
        payer: Optional[TextArg] = None,
        beneficiary: Optional[TextArg] = None,
        due: DateArg = None,
    ) -> Report:
        """Adds an open invoice: its code (a payment code of the schemes, an RF reference,
        an e-invoice identifier or the institution's own code, in any written form), the
        amount due in đồng, and optionally the payer's and beneficiary's full names and
        the due date (``datetime.date``, ``"YYYY-MM-DD"`` or ``"DD/MM/YYYY"``).

        The invoice was added when the returned report is valid (its
        :attr:`~Report.cleaned_text` is the code as held); otherwise nothing was added and
        the errors say why (bad code, code already listed, bad date, amount 0 or more than
        13 digits)."""
        c = n.text_arg(code, "code")
        a = n.u64_arg(amount, "amount")
        p = n.optional_text_arg(payer, "payer")
        b = n.optional_text_arg(beneficiary, "beneficiary")
        d = _date_arg(due, "due")
        out = n.ReportP()
        with self._lock:
            n.check(
                n.lib().vietref_reconciler_add_invoice(
                    self._handle(), c, len(c), a, p, len(p), b, len(b), d, len(d), ctypes.byref(out)
                ),
                "reconciler.add_invoice",
            )
        return Report(out)

    def feed(
        self,
        line: int,
        amount: int,
        content: TextArg,
        *,
        reference: Optional[TextArg] = None,
        date: DateArg = None,
        counter_name: Optional[TextArg] = None,
    ) -> LineResult:
        """Classifies one statement line and applies it to its invoice (only PAID,
        PARTIAL, OVERPAID and DUPLICATE change a paid total). ``line`` is your number for
        the line (a duplicate's evidence names the line that settled the invoice),
        ``amount`` the amount received in đồng, ``content`` the transfer content as the
        bank delivered it; ``reference`` (the bank's transaction reference), ``date`` and
        ``counter_name`` (the paying account's name) are optional.

        An amount of 0 or of more than 13 digits raises VietrefError
        (RECONCILE_AMOUNT_INVALID) and changes nothing."""
        ln = n.u64_arg(line, "line")
        a = n.u64_arg(amount, "amount")
        c = n.text_arg(content, "content")
        r = n.optional_text_arg(reference, "reference")
        d = _date_arg(date, "date")
        cn = n.optional_text_arg(counter_name, "counter_name")
        out = n.LineResultP()
        with self._lock:
            n.check(
                n.lib().vietref_reconciler_feed(
                    self._handle(), ln, a, c, len(c), r, len(r), d, len(d), cn, len(cn), ctypes.byref(out)
                ),
                "reconciler.feed",
            )
        return _take_line_result(out)

    def add_invoices_csv(self, data: TextArg, columns: Optional[TextArg] = None) -> Tuple[int, Report]:
        """Reads a whole invoice list in CSV (``bytes`` as read from the file, or ``str``,
        passed as UTF-8) and adds every invoice as :meth:`add_invoice` would. The header
        row names ``code,amount`` and optionally ``payer,beneficiary,due`` (Vietnamese
        headers such as ``Mã hóa đơn`` recognized), or ``columns`` maps them
        (``"code=Mã HĐ,amount=Phải thu"``; None for the defaults).

        Returns ``(added, report)``: the number of invoices added and a report of every
        finding of every record, its field ``"LINE:COLUMN"`` (``"3:Số tiền"``) or
        ``"LINE"``. A record with an error is not added, the others are; the report is
        valid when every record was added (its cleaned text is then the number added)."""
        d = n.text_arg(data, "data")
        c = n.optional_text_arg(columns, "columns")
        added = c_uint64()
        out = n.ReportP()
        with self._lock:
            status = n.lib().vietref_reconciler_add_invoices_csv(
                self._handle(), d, len(d), c, len(c), ctypes.byref(added), ctypes.byref(out)
            )
        if status != 0 and out:
            n.lib().vietref_report_free(out)
        n.check(status, "reconciler.add_invoices_csv")
        return added.value, Report(out)

    def add_invoices(
        self,
        data: TextArg,
        format: Union[StatementFormat, int] = StatementFormat.CSV,
        columns: Optional[TextArg] = None,
    ) -> Tuple[int, Report]:
        """Reads a whole invoice list as a school's or hospital's system exports it
        (``bytes`` as read from the file) in ``format``: ``StatementFormat.CSV``, ``XLSX``
        or ``XLS`` (the first sheet). The header row is found past a title (the first of
        the first 30 rows naming a code and an amount column: ``Mã hóa đơn``, ``Mã HS``,
        ``Số tiền``, ``Họ tên phụ huynh``, ``Họ tên học sinh``, ``Hạn nộp``, ...), or
        ``columns`` maps them as for :meth:`add_invoices_csv`. Rows before the header
        row and totals rows are skipped, each a ``reconcile.row_skipped`` warning whose
        field is its row number.

        Returns ``(added, report)`` as :meth:`add_invoices_csv` does, rows numbered as
        the spreadsheet numbers them. Another ``format`` raises VietrefError
        (INVALID_ARGUMENT)."""
        d = n.text_arg(data, "data")
        f = n.u32_arg(format, "format")
        c = n.optional_text_arg(columns, "columns")
        added = c_uint64()
        out = n.ReportP()
        with self._lock:
            status = n.lib().vietref_reconciler_add_invoices(
                self._handle(), d, len(d), f, c, len(c), ctypes.byref(added), ctypes.byref(out)
            )
        if status != 0 and out:
            n.lib().vietref_report_free(out)
        n.check(status, "reconciler.add_invoices")
        return added.value, Report(out)

    def feed_statement(
        self,
        data: TextArg,
        format: Union[StatementFormat, int] = StatementFormat.CSV,
        columns: Optional[TextArg] = None,
        results: Union[ResultsFormat, int] = ResultsFormat.JSON_LINES,
    ) -> Tuple[str, Report]:
        """Reads a whole statement export (``bytes`` as read from the file, or ``str``,
        passed as UTF-8) in ``format`` and feeds every incoming line, in order, as
        :meth:`feed` would. ``columns`` maps CSV headers as ``vietref reconcile --columns``
        does (``"content=Diễn giải,amount=Có"``; None for the defaults).

        Returns ``(results, report)``: the results in the ``results`` format (one per
        incoming line, its number the file's 1-based line or the position in a JSON
        array), and a report of what was not fed: outgoing lines skipped
        (``reconcile.outgoing_skipped`` warnings) and records that could not be read
        (errors), each with its field ``"LINE:COLUMN"`` or ``"LINE"``. The report is
        valid when no record was rejected. An unknown ``format`` or ``results`` raises
        VietrefError (INVALID_ARGUMENT). The whole export is held in memory: for one too
        large for that, call :meth:`feed` line by line."""
        d = n.text_arg(data, "data")
        f = n.u32_arg(format, "format")
        c = n.optional_text_arg(columns, "columns")
        rf = n.u32_arg(results, "results")
        text = n.StringP()
        out = n.ReportP()
        with self._lock:
            status = n.lib().vietref_reconciler_feed_statement(
                self._handle(), d, len(d), f, c, len(c), rf, ctypes.byref(text), ctypes.byref(out)
            )
        if status != 0:
            if text:
                n.lib().vietref_string_free(text)
            if out:
                n.lib().vietref_report_free(out)
            n.check(status, "reconciler.feed_statement")
        report = Report(out)
        return n.take_string(text), report

    @property
    def summary_json(self) -> str:
        """Counts and totals so far as the library's JSON: ``lines``, ``amount``,
        ``statuses`` (every status with its lines and amount), ``skipped``, ``rejected``,
        ``input`` (every physical line of the statements given to :meth:`feed_statement`,
        counted once as ``fed``, ``skipped`` or ``rejected``), ``invoices``,
        ``invoicesSettled`` / ``Overpaid`` / ``Partial`` / ``Unpaid``, ``outstanding``."""
        with self._lock:
            return n.call_string(n.lib().vietref_reconciler_summary_json, "reconciler.summary_json", self._handle())

    def summary(self) -> Dict[str, Any]:
        """:attr:`summary_json` decoded."""
        return json.loads(self.summary_json)

    def invoice_json(self, code: TextArg) -> Optional[str]:
        """The state of the invoice with ``code`` (any written form) as JSON: ``code``,
        ``kind``, ``amountDue``, ``paid``, ``payments``, ``outstanding``, ``status``
        (``unpaid``, ``partial``, ``settled``, ``overpaid``); None when no invoice has it."""
        c = n.text_arg(code, "code")
        with self._lock:
            return n.call_optional_string(
                n.lib().vietref_reconciler_invoice_json, "reconciler.invoice_json", self._handle(), c, len(c)
            )

    def invoice(self, code: TextArg) -> Optional[Dict[str, Any]]:
        """:meth:`invoice_json` decoded."""
        raw = self.invoice_json(code)
        return None if raw is None else json.loads(raw)

    def __repr__(self) -> str:
        return "<vietref.Reconciler closed>" if self.closed else "<vietref.Reconciler>"
