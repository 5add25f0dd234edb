"""Owned native handles: freed exactly once, by close(), the with-block or the garbage
collector, whichever comes first."""

from __future__ import annotations

import weakref
from typing import Any, Callable


class Handle:
    """Base of the classes that own a C handle. ``close()`` is idempotent; a closed object
    raises ValueError when used."""

    __slots__ = ("_ptr", "_finalizer", "__weakref__")

    def __init__(self, ptr: Any, free: Callable[[Any], None]) -> None:
        self._ptr = ptr
        # weakref.finalize runs `free(ptr)` at most once: on close(), when the object is
        # collected, or at interpreter exit. It holds no reference to self.
        self._finalizer = weakref.finalize(self, free, ptr)

    def close(self) -> None:
        """Frees the native handle now. Calling it again does nothing."""
        self._finalizer()

    @property
    def closed(self) -> bool:
        """Whether the native handle has been freed."""
        return not self._finalizer.alive

    def _handle(self) -> Any:
        if not self._finalizer.alive:
            raise ValueError(f"{type(self).__name__} is closed")
        return self._ptr

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
