"""Exceptions of the vietref binding."""

from __future__ import annotations

from typing import Any, Dict, Optional


class VietrefError(Exception):
    """A vietref call returned a status other than VIETREF_OK.

    Attributes: ``status`` (the stable number, like 100), ``status_name``
    (``"VIETREF_TEXT_NAME_INVALID"``), ``message`` (English) and ``message_vi``
    (Vietnamese), both from the library, and ``context`` (the function that failed).

    Refusals the library can explain further also carry ``detail`` / ``detail_vi`` (the
    library's words for this particular value: ``"the check digits do not match (a typing
    error?)"`` for a reference, the byte and offset for a legacy decode; ``detail_vi`` is
    None where the library has no Vietnamese wording) and ``info`` (the library's error
    JSON, decoded, for legacy decoding and encoding). They are None otherwise.
    """

    def __init__(
        self,
        status: int,
        status_name: str,
        message: str,
        message_vi: str,
        context: str = "",
        *,
        detail: Optional[str] = None,
        detail_vi: Optional[str] = None,
        info: Optional[Dict[str, Any]] = None,
    ) -> None:
        self.status = status
        self.status_name = status_name
        self.message = message
        self.message_vi = message_vi
        self.context = context
        self.detail = detail
        self.detail_vi = detail_vi
        self.info = info
        where = f"{context}: " if context else ""
        what = f"{message}: {detail}" if detail else message
        what_vi = f"{message_vi}: {detail_vi}" if detail_vi else message_vi
        super().__init__(f"{where}{what} ({status_name} {status}; {what_vi})")

    @property
    def code(self) -> Optional[int]:
        """Alias of ``status``."""
        return self.status


class LibraryNotFoundError(OSError):
    """libvietref could not be loaded; the message lists every place that was tried."""
