"""Exceptions of the vietref binding."""

from __future__ import annotations

from typing import Optional


class VietrefError(Exception):
    """A vietref call returned a status other than VIETREF_OK.

    Attributes: ``status`` (the stable number, like 100), ``status_name``
    (``"VIETREF_TEXT_NAME_INVALID"``), ``message`` (English) and ``message_vi``
    (Vietnamese), both from the library, and ``context`` (the function that failed).
    """

    def __init__(
        self, status: int, status_name: str, message: str, message_vi: str, context: str = ""
    ) -> None:
        self.status = status
        self.status_name = status_name
        self.message = message
        self.message_vi = message_vi
        self.context = context
        where = f"{context}: " if context else ""
        super().__init__(f"{where}{message} ({status_name} {status}; {message_vi})")

    @property
    def code(self) -> Optional[int]:
        """Alias of ``status``."""
        return self.status


class LibraryNotFoundError(OSError):
    """libvietref could not be loaded; the message lists every place that was tried."""
