"""References: payment codes (``HP7184097674``), ISO 11649 RF creditor references,
e-invoice identifiers and tax codes. Create, validate, print, compact.

Every function takes the kind first, as :class:`~vietref.RefKind`, then the value: the C
ABI's order (``validate(RefKind.CODE, "HP7184097674")``). A
refusal is a :class:`~vietref.VietrefError` whose ``status`` says what kind of fault
(``REF_EMPTY`` … ``REF_INVALID_CHECKSUM``) and whose ``detail`` / ``detail_vi`` say it in
the library's words for this value (position, character, expected length).
"""

from __future__ import annotations

import ctypes
from ctypes import c_uint32
from typing import Optional

from . import _native as n
from ._native import TextArg
from .constants import Lang, RefKind

_LANGS = (Lang.EN, Lang.VI)


def _optional_message(fn_name: str, context: str, *args) -> Optional[str]:
    return n.call_optional_string(getattr(n.lib(), fn_name), context, *args)


def _explain_value(kind: int, data: bytes):
    """Details of a refusal of ``validate``/``format``/``compact``: the library's words for
    why ``validate`` refuses the value, given only when ``validate`` refuses it for the
    same reason (``compact`` checks less than ``validate``)."""

    def explain(status: int):
        out = n.StringP()
        own = n.lib().vietref_ref_validate(kind, data, len(data), ctypes.byref(out))
        if own == 0:
            n.take_string(out)
        if own != status:
            return None, None, None
        en, vi = (
            _optional_message("vietref_ref_validate_message", "references.validate_message", kind, data, len(data), lang)
            for lang in _LANGS
        )
        return en, vi, None

    return explain


def _value_fn(fn_name: str, context: str, kind: RefKind, value: TextArg) -> str:
    k = n.u32_arg(kind, "kind")
    data = n.text_arg(value, "value")
    out = n.StringP()
    n.check(getattr(n.lib(), fn_name)(k, data, len(data), ctypes.byref(out)), context, _explain_value(k, data))
    return n.take_string(out)


def create(kind: RefKind, prefix: TextArg, body: TextArg) -> str:
    """A new reference in its compact electronic form.

    - ``RefKind.CODE``: ``prefix`` (2–5 letters, no O, I, L) + ``body`` (6–12 digits;
      spaces, hyphens, dots removed) + check digits: ``create(RefKind.CODE, "HP", "71840976")`` gives
      ``"HP7184097674"``;
    - ``RefKind.RF``: the creditor reference for ``body``; ``prefix`` must be empty (see
      :func:`create_rf`).

    Other kinds, or a prefix with RF, raise VietrefError (INVALID_ARGUMENT)."""
    k = n.u32_arg(kind, "kind")
    p, b = n.text_arg(prefix, "prefix"), n.text_arg(body, "body")

    def explain(status: int):
        en, vi = (
            _optional_message("vietref_ref_create_message", "references.create_message", k, p, len(p), b, len(b), lang)
            for lang in _LANGS
        )
        return en, vi, None

    out = n.StringP()
    n.check(n.lib().vietref_ref_create(k, p, len(p), b, len(b), ctypes.byref(out)), "references.create", explain)
    return n.take_string(out)


def create_rf(body: TextArg) -> str:
    """The ISO 11649 creditor reference for ``body`` (1–21 letters or digits):
    ``create_rf("539007547034")`` gives ``"RF18539007547034"``."""
    return create(RefKind.RF, "", body)


def create_message(kind: RefKind, prefix: TextArg, body: TextArg, lang: Lang = Lang.EN) -> Optional[str]:
    """Why :func:`create` refuses these arguments, in English or Vietnamese; None when it
    accepts them."""
    k, lg = n.u32_arg(kind, "kind"), n.u32_arg(lang, "lang")
    p, b = n.text_arg(prefix, "prefix"), n.text_arg(body, "body")
    return _optional_message("vietref_ref_create_message", "references.create_message", k, p, len(p), b, len(b), lg)


def validate(kind: RefKind, value: TextArg) -> str:
    """The compact electronic form of a valid reference in any written form (spaces,
    hyphens, dots, any case): ``validate(RefKind.CODE, "hp 7184 0976 74")`` gives ``"HP7184097674"``.
    Raises VietrefError (REF_*) when it is not valid."""
    return _value_fn("vietref_ref_validate", "references.validate", kind, value)


def validate_message(kind: RefKind, value: TextArg, lang: Lang = Lang.EN) -> Optional[str]:
    """Why :func:`validate` refuses ``value``, in English or Vietnamese; None when it is
    valid."""
    k, lg = n.u32_arg(kind, "kind"), n.u32_arg(lang, "lang")
    data = n.text_arg(value, "value")
    return _optional_message("vietref_ref_validate_message", "references.validate_message", k, data, len(data), lg)


def format(kind: RefKind, value: TextArg) -> str:  # noqa: A001 (the C name)
    """The printed form of a valid reference: ``HP 7184 0976 74``, ``RF18 5390 0754
    7034``, ``1C24TAA-00001234``, ``0100233488-001``. Refuses what :func:`validate`
    refuses."""
    return _value_fn("vietref_ref_format", "references.format", kind, value)


def compact(kind: RefKind, value: TextArg) -> str:
    """Separators removed and letters upper-cased, check digits not checked:
    ``compact(RefKind.CODE, "hp 7184-0976.75")`` gives ``"HP7184097675"``. Refuses an empty value and
    characters that are not letters, digits or separators (e-invoices: what
    :func:`validate` refuses)."""
    return _value_fn("vietref_ref_compact", "references.compact", kind, value)


def is_valid(kind: RefKind, value: TextArg) -> bool:
    """Whether ``value`` is a valid reference of ``kind``; never raises for the value
    (only for an unknown kind or text that is not UTF-8)."""
    k = n.u32_arg(kind, "kind")
    data = n.text_arg(value, "value")
    out = c_uint32()
    n.check(n.lib().vietref_ref_is_valid(k, data, len(data), ctypes.byref(out)), "references.is_valid")
    return out.value == 1
