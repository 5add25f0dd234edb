"""Legacy Vietnamese encodings: decode and encode TCVN3 (ABC), VNI, VISCII, VPS,
Windows-1258, VIQR and UTF-8; detect which one some bytes are in; repair mojibake.

Encodings are given as :class:`~vietref.Encoding` members or names the library knows
(``"tcvn3"``, ``"abc"``, ``"windows-1258"``, ``"mojibake"``, any case).
"""

from __future__ import annotations

import ctypes
import json
from ctypes import c_size_t, c_uint32
from dataclasses import dataclass
from typing import Any, Dict, Optional, Tuple, Union

from . import _native as n
from ._native import BytesArg, TextArg
from .constants import Encoding

EncodingArg = Union[Encoding, int, str]

#: ``VIETREF_LEGACY_TCVN3_LOWER_CASE``: the one encode option.
_TCVN3_LOWER_CASE = 1


def encoding_name(encoding: EncodingArg) -> str:
    """The library's name of an encoding (``"tcvn3"``, ``"utf8-as-cp1252"``: the CLI's
    and the JSON's). Raises ValueError for a number that is not an encoding."""
    e = _encoding(encoding)
    raw = n.lib().vietref_legacy_encoding_name(e)
    if raw is None:
        raise ValueError(f"{e} is not a vietref encoding")
    return raw.decode("ascii")


def encoding_from_name(name: TextArg) -> Optional[Encoding]:
    """The encoding a name or alias stands for (``"ABC"`` → ``Encoding.TCVN3``), any
    case; None for a name the library does not know."""
    data = n.text_arg(name, "name")
    out = c_uint32()
    if not n.check_optional(
        n.lib().vietref_legacy_encoding_from_name(data, len(data), ctypes.byref(out)),
        "legacy.encoding_from_name",
    ):
        return None
    return n.enum_or_int(Encoding, out.value)


def _encoding(encoding: EncodingArg) -> int:
    if isinstance(encoding, (str, bytes)):
        e = encoding_from_name(encoding)
        if e is None:
            raise ValueError(f"unknown encoding name {encoding!r}")
        return int(e)
    return n.u32_arg(encoding, "encoding")


def _json_details(fn_name: str, context: str, *args):
    """``explain`` for a refusal: the library's error JSON (``decode_error`` /
    ``encode_error``) decoded, its English ``message`` as the detail."""

    def explain(status: int):
        raw = n.call_optional_string(getattr(n.lib(), fn_name), context, *args)
        if raw is None:
            return None, None, None
        info = json.loads(raw)
        return info.get("message"), None, info

    return explain


def decode(data: BytesArg, encoding: EncodingArg) -> str:
    """The text (NFC) that ``data`` holds in ``encoding``. Nothing is ever replaced: a byte
    the encoding does not define raises VietrefError (LEGACY_UNDEFINED_BYTE,
    LEGACY_INVALID_UTF8, LEGACY_NOT_SEVEN_BIT, LEGACY_NOT_MOJIBAKE) whose ``info`` says
    where (``{"kind","offset","line","byte","message"}``)."""
    b = n.bytes_arg(data, "data")
    e = _encoding(encoding)
    out = n.StringP()
    n.check(
        n.lib().vietref_legacy_decode(b, len(b), e, ctypes.byref(out)),
        "legacy.decode",
        _json_details("vietref_legacy_decode_error", "legacy.decode_error", b, len(b), e),
    )
    return n.take_string(out)


def decode_error(data: BytesArg, encoding: EncodingArg) -> Optional[Dict[str, Any]]:
    """Why :func:`decode` refuses ``data``: ``{"kind","offset","line","byte","message"}``
    (0-based byte offset, 1-based line, English message); None when it decodes."""
    b = n.bytes_arg(data, "data")
    e = _encoding(encoding)
    raw = n.call_optional_string(n.lib().vietref_legacy_decode_error, "legacy.decode_error", b, len(b), e)
    return None if raw is None else json.loads(raw)


@dataclass(frozen=True)
class Loss:
    """A character written as another one (lossy TCVN3: a toned capital as lower case)."""

    position: int  #: 1-based, in characters of the NFC text
    character: str  #: the text's character, ``"Ố"``
    written: str  #: what was written instead, ``"ố"``


@dataclass(frozen=True)
class Encoded:
    """The result of :func:`encode`: the bytes and what was lost on the way."""

    data: bytes
    losses: Tuple[Loss, ...] = ()

    def __bytes__(self) -> bytes:
        return self.data

    @property
    def lossless(self) -> bool:
        return not self.losses


def encode(text: TextArg, encoding: EncodingArg, lossy: bool = False) -> Encoded:
    """``text`` (composed to NFC first) as bytes in ``encoding``. Nothing is dropped: a
    character the encoding cannot hold raises VietrefError (LEGACY_UNENCODABLE), an
    upper-case toned letter in TCVN3 (which has none) LEGACY_TCVN3_CAPITAL, with ``info``
    ``{"kind","character","codePoint","position","line","message"}``. ``lossy=True``
    writes such TCVN3 capitals in lower case and lists them in :attr:`Encoded.losses`."""
    data = n.text_arg(text, "text")
    e = _encoding(encoding)
    opts = _TCVN3_LOWER_CASE if lossy else 0
    lib = n.lib()
    out = n.EncodedP()
    n.check(
        lib.vietref_legacy_encode(data, len(data), e, opts, ctypes.byref(out)),
        "legacy.encode",
        _json_details("vietref_legacy_encode_error", "legacy.encode_error", data, len(data), e, opts),
    )
    try:
        size = lib.vietref_encoded_len(out)
        raw = ctypes.string_at(lib.vietref_encoded_bytes(out), size) if size else b""
        count = c_size_t()
        n.check(lib.vietref_encoded_loss_count(out, ctypes.byref(count)), "encoded.loss_count")
        pos, ch, wr = c_size_t(), c_uint32(), c_uint32()
        losses = []
        for i in range(count.value):
            n.check(
                lib.vietref_encoded_loss(out, i, ctypes.byref(pos), ctypes.byref(ch), ctypes.byref(wr)),
                "encoded.loss",
            )
            losses.append(Loss(pos.value, chr(ch.value), chr(wr.value)))
        return Encoded(raw, tuple(losses))
    finally:
        lib.vietref_encoded_free(out)


def encode_error(text: TextArg, encoding: EncodingArg, lossy: bool = False) -> Optional[Dict[str, Any]]:
    """Why :func:`encode` refuses ``text``: ``{"kind","character","codePoint","position",
    "line","message"}``; None when it encodes."""
    data = n.text_arg(text, "text")
    e = _encoding(encoding)
    opts = _TCVN3_LOWER_CASE if lossy else 0
    raw = n.call_optional_string(
        n.lib().vietref_legacy_encode_error, "legacy.encode_error", data, len(data), e, opts
    )
    return None if raw is None else json.loads(raw)


@dataclass(frozen=True)
class Alternative:
    """Another encoding that decodes the sample."""

    encoding: Encoding
    fit: int  #: how well it reads as Vietnamese, per mille (0–1000)


@dataclass(frozen=True)
class Detection:
    """The result of :func:`detect` (a copy: the C handle is already freed)."""

    encoding: Encoding  #: the encoding that reads best as Vietnamese
    confidence: int  #: per mille (0–1000); plain ASCII is 1000, one word at most 500
    ambiguous: bool  #: another reading with different text fits almost as well: ask the user
    alternatives: Tuple[Alternative, ...]  #: the other encodings that decode it, best first
    text: str  #: the sample decoded with :attr:`encoding` (empty when nothing decodes it)


def detect(data: BytesArg, declared: Optional[EncodingArg] = None) -> Detection:
    """Which encoding ``data`` is in. Never fails on any bytes (input that nothing decodes
    comes back with confidence 0). A ``declared`` encoding (file metadata, a database
    column, the user) is kept whenever it decodes the bytes and reads not much worse than
    the best; the detection is then never ambiguous."""
    b = n.bytes_arg(data, "data")
    lib = n.lib()
    out = n.DetectionP()
    if declared is None:
        n.check(lib.vietref_legacy_detect(b, len(b), ctypes.byref(out)), "legacy.detect")
    else:
        d = _encoding(declared)
        n.check(lib.vietref_legacy_detect_declared(b, len(b), d, ctypes.byref(out)), "legacy.detect_declared")
    try:
        u = c_uint32()
        n.check(lib.vietref_detection_encoding(out, ctypes.byref(u)), "detection.encoding")
        encoding = n.enum_or_int(Encoding, u.value)
        n.check(lib.vietref_detection_confidence(out, ctypes.byref(u)), "detection.confidence")
        confidence = u.value
        n.check(lib.vietref_detection_ambiguous(out, ctypes.byref(u)), "detection.ambiguous")
        ambiguous = u.value == 1
        count = c_size_t()
        n.check(lib.vietref_detection_alternative_count(out, ctypes.byref(count)), "detection.alternative_count")
        alternatives = []
        fit = c_uint32()
        for i in range(count.value):
            n.check(
                lib.vietref_detection_alternative(out, i, ctypes.byref(u), ctypes.byref(fit)),
                "detection.alternative",
            )
            alternatives.append(Alternative(n.enum_or_int(Encoding, u.value), fit.value))
        text = n.call_string(lib.vietref_detection_text, "detection.text", out)
        return Detection(encoding, confidence, ambiguous, tuple(alternatives), text)
    finally:
        lib.vietref_detection_free(out)


def repair_mojibake(text: TextArg) -> Optional[str]:
    """Text that is UTF-8 read as Windows-1252 repaired (``"Nguyá»…n"`` → ``"Nguyễn"``);
    None when it is not such mojibake: keep it as it is."""
    data = n.text_arg(text, "text")
    return n.call_optional_string(
        n.lib().vietref_legacy_repair_mojibake, "legacy.repair_mojibake", data, len(data)
    )
