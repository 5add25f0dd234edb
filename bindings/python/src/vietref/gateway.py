"""Payment gateways (VNPAY, MoMo, ZaloPay): signed requests from a message, verified
callbacks, and their settlement against a :class:`~vietref.Reconciler`'s open invoices.

Results are the library's JSON, parsed into dicts (camelCase keys). See docs/gateway.md for
the field lists, orders, encodings and codes of each gateway."""

from __future__ import annotations

import ctypes
import json
from typing import Any, Dict, Mapping, Optional, Union

from . import _native as n
from ._handle import Handle
from ._native import TextArg
from .message import Message
from .reconcile import Reconciler

Options = Union[Mapping[str, Any], str]


def _json_arg(value: Options, what: str) -> bytes:
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass")
    if isinstance(value, Mapping):
        return json.dumps(dict(value), ensure_ascii=False).encode("utf-8")
    raise TypeError(f"{what} must be a mapping or JSON text, not {type(value).__name__}")


class GatewayMerchant(Handle):
    """A merchant with a gateway (``"vnpay"``, ``"momo"``, ``"zalopay"``): its ``settings``
    (``merchantCode``, ``accessKey``, ``returnUrl``, ``notifyUrl``, ``endpoint``, …) and its
    ``secret`` (VNPAY hash secret, MoMo secret key, ZaloPay key1) and ``secret2`` (ZaloPay
    key2). The library keeps the secrets and wipes them when the merchant is closed; this
    object keeps no copy. Settings the gateway cannot use raise VietrefError
    (VIETREF_INVALID_ARGUMENT)."""

    __slots__ = ("provider",)

    def __init__(
        self,
        provider: str,
        settings: Options,
        secret: TextArg,
        secret2: Optional[TextArg] = None,
    ) -> None:
        self.provider = provider
        p = n.text_arg(provider, "provider")
        s = _json_arg(settings, "settings")
        k = n.text_arg(secret, "secret")
        k2 = n.optional_text_arg(secret2, "secret2")
        out = n.GatewayMerchantP()
        n.check(
            n.lib().vietref_gateway_merchant_new(p, len(p), s, len(s), k, len(k), k2, len(k2), ctypes.byref(out)),
            "gateway.merchant_new",
        )
        super().__init__(out, n.lib().vietref_gateway_merchant_free)

    def request(self, message: Message, options: Options) -> Dict[str, Any]:
        """``{"ok", "request", "findings"}``: the signed request for ``message`` (the URL to
        send the payer to, or the JSON body to post), or the findings that refuse it.
        ``options``: ``createdAtMs`` (required), ``attempt``, ``ipAddr``, ``requestId``,
        ``bankCode``."""
        o = _json_arg(options, "options")
        text = n.call_string(
            n.lib().vietref_gateway_request, "gateway.request", self._handle(), message._handle(), o, len(o)
        )
        return json.loads(text)

    def verify(self, callback: TextArg) -> Dict[str, Any]:
        """Verifies a callback (VNPAY return URL or IPN query, MoMo IPN body or redirect
        query, ZaloPay callback body): ``{"provider", "verified", "callback", "findings",
        "answer"}``."""
        c = n.text_arg(callback, "callback")
        return json.loads(n.call_string(n.lib().vietref_gateway_verify, "gateway.verify", self._handle(), c, len(c)))

    def settle(self, callback: TextArg, reconciler: Reconciler, line: int) -> Dict[str, Any]:
        """Verifies ``callback`` and, when it is a trusted successful payment, feeds it to
        ``reconciler`` as statement line ``line``: ``{"provider", "applied", "result",
        "findings", "answer"}`` (``answer``: what to reply to the gateway)."""
        c = n.text_arg(callback, "callback")
        with reconciler._lock:
            text = n.call_string(
                n.lib().vietref_gateway_settle,
                "gateway.settle",
                self._handle(),
                reconciler._handle(),
                c,
                len(c),
                line,
            )
        return json.loads(text)

    def simulate_callback(
        self, message: Message, options: Options, code: str, transaction: int, at_ms: int
    ) -> str:
        """For tests and demos: the callback the gateway would send for the request built
        from ``message`` and ``options``, with result ``code``, signed with the merchant's
        secret."""
        o = _json_arg(options, "options")
        c = n.text_arg(code, "code")
        return n.call_string(
            n.lib().vietref_gateway_simulate_callback,
            "gateway.simulate_callback",
            self._handle(),
            message._handle(),
            o,
            len(o),
            c,
            len(c),
            transaction,
            at_ms,
        )

    def __repr__(self) -> str:
        return f"GatewayMerchant({self.provider!r}, secret=***)"
