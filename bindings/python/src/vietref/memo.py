"""Memos: render a payment message for a channel's transfer content, find payment codes in
what the bank delivered, and recover the fields of a memo vietref rendered."""

from __future__ import annotations

import ctypes
import json as _json
from ctypes import c_size_t, c_uint32
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, Sequence, Union, overload

from . import _native as n
from ._native import SchemesArg, TextArg
from .constants import Channel, MemoList, RefKind
from .report import Report

if TYPE_CHECKING:
    from .message import Message


@dataclass(frozen=True)
class Candidate:
    """A code found in a text (a copy: it outlives the search)."""

    code: str  #: compact electronic form, ``HP7184097674``
    kind: RefKind  #: ``CODE`` or ``RF`` (a parsed memo's invoice may also be ``EINVOICE``)
    start: int  #: byte offset of the code's first character in the searched text's UTF-8
    end: int  #: byte offset just after its last character (separators may lie between)

    def matched(self, text: TextArg) -> str:
        """The part of ``text`` (the text that was searched) the code was found in, as the
        bank wrote it: ``"hp 7184 0976 74"``. The offsets are bytes of its UTF-8."""
        return n.text_arg(text, "text")[self.start : self.end].decode("utf-8")


class Candidates(Sequence[Candidate]):
    """The codes found by :func:`extract` or :meth:`vietref.VietQr.payment_codes`: a
    read-only sequence of :class:`Candidate`, plus the library's ``json``. Plain Python
    values: the C handle is already freed."""

    __slots__ = ("_items", "json")

    def __init__(self, items: List[Candidate], json: str) -> None:
        self._items = tuple(items)
        self.json: str = json  #: ``[{"code","kind","start","end"}]`` as the library writes it

    @overload
    def __getitem__(self, i: int) -> Candidate: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[Candidate]: ...

    def __getitem__(self, i):
        return self._items[i]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Candidate]:
        return iter(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Candidates):
            return self._items == other._items
        if isinstance(other, (list, tuple)):
            return list(self._items) == list(other)
        return NotImplemented

    @property
    def codes(self) -> List[str]:
        return [c.code for c in self._items]

    def __repr__(self) -> str:
        return f"Candidates({list(self._items)!r})"


def _take_candidates(ptr: n.CandidatesP) -> Candidates:
    """Copies a ``vietref_candidates`` out and frees it (exactly once, whatever happens)."""
    lib = n.lib()
    try:
        count = c_size_t()
        n.check(lib.vietref_candidates_count(ptr, ctypes.byref(count)), "candidates.count")
        items = []
        kind, start, end = c_uint32(), c_size_t(), c_size_t()
        for i in range(count.value):
            code = n.call_string(lib.vietref_candidates_code, "candidates.code", ptr, i)
            n.check(lib.vietref_candidates_kind(ptr, i, ctypes.byref(kind)), "candidates.kind")
            n.check(
                lib.vietref_candidates_span(ptr, i, ctypes.byref(start), ctypes.byref(end)),
                "candidates.span",
            )
            items.append(Candidate(code, n.enum_or_int(RefKind, kind.value), start.value, end.value))
        return Candidates(items, n.call_string(lib.vietref_candidates_json, "candidates.json", ptr))
    finally:
        lib.vietref_candidates_free(ptr)


def extract(text: TextArg, schemes: SchemesArg = None) -> Candidates:
    """The payment codes of ``schemes`` (``"HP:8,VP:10"``, ``{"HP": 8}``, ``["HP:8"]``)
    and the RF references in ``text`` (a bank statement line, a memo after the banks
    added prefixes, changed case, removed or added spaces and dots), each once, check
    digits verified. Raises VietrefError (REF_SCHEMES_INVALID) for a malformed scheme."""
    data = n.text_arg(text, "text")
    s = n.schemes_arg(schemes)
    out = n.CandidatesP()
    n.check(n.lib().vietref_memo_extract(data, len(data), s, len(s), ctypes.byref(out)), "memo.extract")
    return _take_candidates(out)


#: The ``kind`` names of the library's JSON (``vietref_candidates_json``, ``memo_parse``).
_KIND_NAMES = {"payment_code": RefKind.CODE, "rf": RefKind.RF, "einvoice": RefKind.EINVOICE}


@dataclass(frozen=True)
class ParsedMemo:
    """The fields :func:`parse` recovered from a memo (None where nothing survived)."""

    invoice: Optional[Candidate]
    reason: Optional[str]  #: folded memo text, ``"HOC PHI HOC KY 1"``
    beneficiary: Optional[str]
    payer: Optional[str]
    sector: Optional[str]  #: ``"education"``, ``"health"`` or None
    json: str  #: the library's JSON, as ``vietref memo parse`` prints it


def parse(text: TextArg, schemes: SchemesArg = None) -> ParsedMemo:
    """Recovers the fields of a memo vietref rendered (``CODE REASON HS BENEFICIARY PH
    PAYER``), after whatever the banks did to it, as far as they survive."""
    data = n.text_arg(text, "text")
    s = n.schemes_arg(schemes)
    raw = n.call_string(n.lib().vietref_memo_parse, "memo.parse", data, len(data), s, len(s))
    d: Dict[str, Any] = _json.loads(raw)
    inv = d.get("invoice")
    invoice = None
    if inv is not None:
        kind: Union[RefKind, str] = _KIND_NAMES.get(inv["kind"], inv["kind"])
        invoice = Candidate(inv["code"], kind, inv["start"], inv["end"])  # type: ignore[arg-type]
    return ParsedMemo(invoice, d.get("reason"), d.get("beneficiary"), d.get("payer"), d.get("sector"), raw)


def envelope_json(text: TextArg) -> str:
    """:func:`envelope` as the library's JSON (what ``vietref memo envelope`` prints)."""
    data = n.text_arg(text, "text")
    return n.call_string(n.lib().vietref_memo_envelope, "memo.envelope", data, len(data))


def envelope(text: TextArg) -> Dict[str, Any]:
    """The envelope banks and NAPAS put around the payer's words in a statement line:
    ``bank`` and ``shape`` (None when no shape matched), ``senderName``,
    ``senderAccount``, ``senderBank``, ``receiverAccount``, ``receiverName`` (each None or
    ``{"text", "span": [start, end]}``), ``numbers`` (``{"kind", "text", "span"}``, kind
    ``trace``, ``reference``, ``date``, ``time``, ``phone`` or ``other``) and ``free``
    (the payer's words: ``{"text", "span"}``). Spans are byte offsets into the UTF-8 text."""
    d: Dict[str, Any] = _json.loads(envelope_json(text))
    return d


class MemoReport(Report):
    """The report of :func:`render`: the message's findings, then every fold, cut and
    omission (``memo.*``). When valid, :attr:`text` is the memo and :attr:`included`,
    :attr:`omitted`, :attr:`clipped` name the fields (``invoice``, ``reason``,
    ``beneficiaryName``, ``payerName``); all four are None when the report holds an
    error."""

    __slots__ = ()

    @property
    def text(self) -> Optional[str]:
        """The memo text (the cleaned text); None when invalid."""
        return self.cleaned_text

    def fields(self, which: MemoList) -> Optional[List[str]]:
        """One field list of the rendered memo; None when the report holds an error."""
        lib, h = n.lib(), self._handle()
        w = n.u32_arg(which, "list")
        count = c_size_t()
        if not n.check_optional(lib.vietref_memo_field_count(h, w, ctypes.byref(count)), "memo.field_count"):
            return None
        return [n.call_string(lib.vietref_memo_field_name, "memo.field_name", h, w, i) for i in range(count.value)]

    @property
    def included(self) -> Optional[List[str]]:
        return self.fields(MemoList.INCLUDED)

    @property
    def omitted(self) -> Optional[List[str]]:
        return self.fields(MemoList.OMITTED)

    @property
    def clipped(self) -> Optional[List[str]]:
        """Fields that were cut after a word (they are also in :attr:`included`)."""
        return self.fields(MemoList.CLIPPED)

    def __repr__(self) -> str:
        if self.closed:
            return "<vietref.MemoReport closed>"
        return f"<vietref.MemoReport valid={self.valid} text={self.text!r}>"


def render(message: "Message", schemes: SchemesArg = None, *, channel: Channel, budget: int = 0) -> MemoReport:
    """Validates ``message`` (knowing the payment-code ``schemes``) and renders its memo
    for ``channel``: ``CODE[ REASON][ HS|BN BENEFICIARY][ PH|NTT PAYER]``, the code first
    and never cut, the rest folded to ASCII, each whole, cut after a word, or left out.
    ``budget`` overrides the channel's length in characters (0 keeps the channel's own).
    For ``Channel.ISO20022`` the :attr:`Report.cleaned` value also holds ``xml`` (and
    ``creditorReference`` for an RF invoice)."""
    from .message import Message

    if not isinstance(message, Message):
        raise TypeError(f"message must be a vietref.Message, not {type(message).__name__}")
    ch = n.u32_arg(channel, "channel")
    b = n.size_arg(budget, "budget")
    s = n.schemes_arg(schemes)
    out = n.ReportP()
    n.check(
        n.lib().vietref_memo_render(message._handle(), s, len(s), ch, b, ctypes.byref(out)),
        "memo.render",
    )
    return MemoReport(out)


def render_custom(
    message: "Message",
    schemes: SchemesArg = None,
    *,
    name: TextArg,
    charset: TextArg,
    budget: int,
    reference_only: bool = False,
) -> MemoReport:
    """As :func:`render`, for a channel the institution defines itself (a bank whose
    transfer content allows other characters or another length). ``name`` (not empty)
    names the channel in the memo's JSON; ``charset`` lists the printable ASCII characters
    that survive it, ``X-Y`` for a range and ``-`` first or last for itself
    (``"A-Za-z0-9 ."``); ``budget`` is its length in characters (at least 1);
    ``reference_only`` writes only the invoice code (a bill-number kind of field) instead of
    the full template. An empty name or character set, a budget of 0, a character outside
    printable ASCII or a range written backwards raises VietrefError (INVALID_ARGUMENT); a
    set without the code's letters and digits gives a report that says the code cannot
    travel."""
    from .message import Message

    if not isinstance(message, Message):
        raise TypeError(f"message must be a vietref.Message, not {type(message).__name__}")
    nm = n.text_arg(name, "name")
    cs = n.text_arg(charset, "charset")
    b = n.size_arg(budget, "budget")
    s = n.schemes_arg(schemes)
    only = 1 if reference_only else 0
    out = n.ReportP()
    n.check(
        n.lib().vietref_memo_render_custom(
            message._handle(), s, len(s), nm, len(nm), cs, len(cs), b, only, ctypes.byref(out)
        ),
        "memo.render_custom",
    )
    return MemoReport(out)
