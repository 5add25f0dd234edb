"""VietQR (NAPAS EMVCo) payloads: decode, build, encode, check the payee, look banks up."""

from __future__ import annotations

import ctypes
import json
from ctypes import c_uint16, c_uint64
from typing import TYPE_CHECKING, Any, Dict, Optional

from . import _native as n
from ._handle import Handle
from ._native import SchemesArg, TextArg
from .constants import VietQrField, VietQrMode
from .report import Report

if TYPE_CHECKING:
    from .memo import Candidates
    from .message import Message

_U64_MAX = (1 << 64) - 1


def _report(fn_name: str, *args) -> Report:
    out = n.ReportP()
    n.check(getattr(n.lib(), fn_name)(*args, ctypes.byref(out)), fn_name)
    return Report(out)


def decode(payload: TextArg, mode: VietQrMode = VietQrMode.LENIENT) -> Report:
    """Reads a payload: every finding (field paths like ``vietqr.38.01.01``) and, when
    valid, the decoded VietQR as the cleaned value (:attr:`Report.cleaned` for its JSON,
    :meth:`Report.vietqr` for a :class:`VietQr`). Lenient by default, as everywhere in
    vietref: a repair (whitespace trimmed, a lower-case CRC, one wrong length) is a warning
    and the report stays valid; ``mode=VietQrMode.STRICT`` makes every deviation an error."""
    data = n.text_arg(payload, "payload")
    return _report("vietref_vietqr_decode", data, len(data), int(mode))


def encode_json(json_text: TextArg) -> Report:
    """:meth:`VietQr.from_json` then :meth:`VietQr.encode`: the report's
    :attr:`~Report.cleaned_text` is the payload when every field is valid."""
    data = n.text_arg(json_text, "json")
    return _report("vietref_vietqr_encode_json", data, len(data))


def to_account(
    bin: TextArg, account: TextArg, amount: int = 0, bill: TextArg = "", purpose: TextArg = ""
) -> Report:
    """A transfer code (service QRIBFTTA) to ``account`` at the bank with BIN ``bin``.
    ``amount`` 0 makes a static code. ``bill`` (tag 62.01) and ``purpose`` (62.08) must be
    ASCII, at most 25 characters (fold them with :func:`vietref.text.fold`)."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError(f"amount must be int, not {type(amount).__name__}")
    if not 0 <= amount <= _U64_MAX:
        raise ValueError(f"amount {amount} is outside 0..2**64-1")
    b, a = n.text_arg(bin, "bin"), n.text_arg(account, "account")
    bi, p = n.text_arg(bill, "bill"), n.text_arg(purpose, "purpose")
    return _report(
        "vietref_vietqr_to_account", b, len(b), a, len(a), amount, bi, len(bi), p, len(p)
    )


def for_payment(message: "Message", schemes: SchemesArg = None, *, bin: TextArg, account: TextArg) -> Report:
    """The VietQR for a payment message to an institution's account (bank BIN ``bin``,
    ``account``; keyword arguments, after the C order ``message, schemes, bin, account``). The draft is validated knowing the payment-code ``schemes``; tag 62-08
    (purpose) is its memo for ``Channel.VIETQR``, 62-01 (bill number) the invoice code, 54
    the amount (static without one). The findings are the message's, then every loss of
    the rendering, then any fault of the code; when none is an error the report's
    :attr:`~Report.cleaned_text` is the payload."""
    from .message import Message

    if not isinstance(message, Message):
        raise TypeError(f"message must be a vietref.Message, not {type(message).__name__}")
    s = n.schemes_arg(schemes)
    b, a = n.text_arg(bin, "bin"), n.text_arg(account, "account")
    return _report("vietref_vietqr_for_payment", message._handle(), s, len(s), b, len(b), a, len(a))


def bank_lookup(query: TextArg) -> Optional[Dict[str, Any]]:
    """The registry's entry for a bank (by BIN, short name, code or name; case, accents and
    spacing ignored): ``{"bin", "shortName", "name", "codes", "kind", ...}``; None when no
    entry matches."""
    data = n.text_arg(query, "query")
    text = n.call_optional_string(
        n.lib().vietref_vietqr_bank_lookup, "vietqr.bank_lookup", data, len(data)
    )
    return None if text is None else json.loads(text)


def crc16(data: bytes) -> int:
    """CRC-16/CCITT-FALSE of any bytes (VietQR tag 63; ``b"123456789"`` gives 0x29B1)."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    data = bytes(data)
    out = c_uint16()
    n.check(n.lib().vietref_vietqr_crc16(data, len(data), ctypes.byref(out)), "vietqr.crc16")
    return out.value


class VietQr(Handle):
    """Owns a ``vietref_vietqr``: a VietQR's fields. Made by :meth:`from_json` or
    :meth:`Report.vietqr`."""

    __slots__ = ()

    def __init__(self) -> None:
        raise TypeError("use VietQr.from_json(...) or Report.vietqr()")

    @classmethod
    def _own(cls, ptr: n.VietQrP) -> "VietQr":
        self = cls.__new__(cls)
        Handle.__init__(self, ptr, n.lib().vietref_vietqr_free)
        return self

    @classmethod
    def from_json(cls, json_text: TextArg) -> "VietQr":
        """From the JSON ``vietref qr decode`` prints (``bankBin``, ``accountNumber``,
        ``amount``, ``additionalData``...; ``bank`` may name the bank instead of
        ``bankBin``). Raises VietrefError (VIETQR_JSON_INVALID) when it cannot be read."""
        data = n.text_arg(json_text, "json")
        out = n.VietQrP()
        n.check(n.lib().vietref_vietqr_from_json(data, len(data), ctypes.byref(out)), "vietqr.from_json")
        return cls._own(out)

    @property
    def json(self) -> str:
        """The fields as JSON (the form :meth:`from_json` reads)."""
        return n.call_string(n.lib().vietref_vietqr_json, "vietqr.json", self._handle())

    def to_dict(self) -> Dict[str, Any]:
        return json.loads(self.json)

    def get(self, field: VietQrField) -> Optional[str]:
        """One field as it travels in the payload; None when absent."""
        return n.call_optional_string(n.lib().vietref_vietqr_get, "vietqr.get", self._handle(), int(field))

    @property
    def amount(self) -> Optional[int]:
        """The amount in đồng; None for a static code (or an amount that is not 1 to 13 digits)."""
        out = c_uint64()
        if not n.check_optional(n.lib().vietref_vietqr_amount(self._handle(), ctypes.byref(out)), "vietqr.amount"):
            return None
        return out.value

    def encode(self) -> Report:
        """Checks every field and, when none fails, gives the payload as the report's
        :attr:`~Report.cleaned_text` (tags in order, CRC computed)."""
        return _report("vietref_vietqr_encode", self._handle())

    def payment_codes(self, schemes: SchemesArg = None) -> "Candidates":
        """The payment codes of ``schemes`` and RF references found in the purpose (62-08)
        and bill number (62-01), purpose first, each once; spans are byte offsets into the
        field the code was found in."""
        from .memo import _take_candidates

        s = n.schemes_arg(schemes)
        out = n.CandidatesP()
        n.check(
            n.lib().vietref_vietqr_payment_codes(self._handle(), s, len(s), ctypes.byref(out)),
            "vietqr.payment_codes",
        )
        return _take_candidates(out)

    def verify_payee(self, bin: TextArg, account: TextArg, name: TextArg) -> Report:
        """Checks that the code pays the registered payee: another BIN or account is an
        error, a lookalike merchant name an error (spoofing), a different one a warning."""
        b, a, nm = n.text_arg(bin, "bin"), n.text_arg(account, "account"), n.text_arg(name, "name")
        return _report("vietref_vietqr_verify_payee", self._handle(), b, len(b), a, len(a), nm, len(nm))

    def __repr__(self) -> str:
        return "<vietref.VietQr closed>" if self.closed else f"<vietref.VietQr {self.json}>"
