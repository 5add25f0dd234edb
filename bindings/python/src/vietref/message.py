"""The payment message: a draft filled field by field (or from JSON) and validated."""

from __future__ import annotations

import ctypes
from typing import Optional

from . import _native as n
from ._handle import Handle
from ._native import SchemesArg, TextArg
from .report import Report

_U64_MAX = (1 << 64) - 1


class Message(Handle):
    """Owns a ``vietref_message`` draft. Every field is optional until :meth:`validate`,
    which reports what is missing or wrong.

    >>> with Message(sector="education", payer_name="nguyễn văn an") as m: ...
    """

    __slots__ = ()

    def __init__(
        self,
        *,
        sector: Optional[TextArg] = None,
        payer_name: Optional[TextArg] = None,
        beneficiary_name: Optional[TextArg] = None,
        reason: Optional[TextArg] = None,
        invoice: Optional[TextArg] = None,
        amount: Optional[int] = None,
    ) -> None:
        out = n.MessageP()
        n.check(n.lib().vietref_message_new(ctypes.byref(out)), "message.new")
        super().__init__(out, n.lib().vietref_message_free)
        self.update(
            sector=sector,
            payer_name=payer_name,
            beneficiary_name=beneficiary_name,
            reason=reason,
            invoice=invoice,
            amount=amount,
        )

    @classmethod
    def from_json(cls, json: TextArg) -> "Message":
        """A draft from the camelCase JSON object (``payerName``, ``amount``, ...).
        Raises VietrefError (MESSAGE_JSON_INVALID) when it is not one."""
        data = n.text_arg(json, "json")
        out = n.MessageP()
        n.check(
            n.lib().vietref_message_from_json(data, len(data), ctypes.byref(out)),
            "message.from_json",
        )
        self = cls.__new__(cls)
        Handle.__init__(self, out, n.lib().vietref_message_free)
        return self

    def update(self, **fields) -> "Message":
        """Sets every field given that is not None (keyword names as in the constructor)."""
        for name, value in fields.items():
            if value is None:
                continue
            setter = getattr(self, f"set_{name}", None)
            if setter is None:
                raise TypeError(f"unknown message field {name!r}")
            setter(value)
        return self

    def _set(self, fn, what: str, value: TextArg) -> "Message":
        data = n.text_arg(value, what)
        n.check(fn(self._handle(), data, len(data)), f"message.set_{what}")
        return self

    def set_sector(self, value: TextArg) -> "Message":
        """``education`` or ``health``."""
        return self._set(n.lib().vietref_message_set_sector, "sector", value)

    def set_payer_name(self, value: TextArg) -> "Message":
        return self._set(n.lib().vietref_message_set_payer_name, "payer_name", value)

    def set_beneficiary_name(self, value: TextArg) -> "Message":
        return self._set(n.lib().vietref_message_set_beneficiary_name, "beneficiary_name", value)

    def set_reason(self, value: TextArg) -> "Message":
        return self._set(n.lib().vietref_message_set_reason, "reason", value)

    def set_invoice(self, value: TextArg) -> "Message":
        return self._set(n.lib().vietref_message_set_invoice, "invoice", value)

    def set_amount(self, vnd: int) -> "Message":
        """The amount in đồng. Must fit the C ``uint64_t``; whether it is an acceptable
        amount is for :meth:`validate` to say."""
        if isinstance(vnd, bool) or not isinstance(vnd, int):
            raise TypeError(f"amount must be int, not {type(vnd).__name__}")
        if not 0 <= vnd <= _U64_MAX:
            raise ValueError(f"amount {vnd} is outside 0..2**64-1")
        n.check(n.lib().vietref_message_set_amount(self._handle(), vnd), "message.set_amount")
        return self

    def validate(self, schemes: SchemesArg = None) -> Report:
        """Every finding and, when valid, the cleaned message. The draft is not changed.

        With the institution's payment-code ``schemes`` (``"HP:8,VP:10"``, ``{"HP": 8}``,
        ``["HP:8"]``) an invoice of a scheme's shape (``hp 7184 0976 74``) is a payment
        code: normalized to its electronic form, check digits verified. A malformed scheme
        raises VietrefError (REF_SCHEMES_INVALID)."""
        out = n.ReportP()
        if schemes is None:
            n.check(n.lib().vietref_message_validate(self._handle(), ctypes.byref(out)), "message.validate")
        else:
            s = n.schemes_arg(schemes)
            n.check(
                n.lib().vietref_message_validate_schemes(self._handle(), s, len(s), ctypes.byref(out)),
                "message.validate_schemes",
            )
        return Report(out)

    def __repr__(self) -> str:
        return "<vietref.Message closed>" if self.closed else "<vietref.Message>"
