"""The one place that touches the C ABI: loading libvietref, declaring every signature,
turning status codes into :class:`~vietref.VietrefError`, and copying owned strings out.

Nothing here decides anything about Vietnamese text or payments: the Rust core does.
"""

from __future__ import annotations

import ctypes
import os
import sys
import threading
from ctypes import POINTER, c_char_p, c_size_t, c_uint32, c_uint64, c_void_p
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Tuple, Union

from .constants import Status
from .errors import LibraryNotFoundError, VietrefError

#: Major and minor version of the C ABI this package was written for. The loaded library
#: must have the same (0.x: every minor version may change the ABI).
ABI_VERSION = (0, 1)

_OK = 0
_NO_VALUE = 7


def library_file_name() -> str:
    """The platform's file name of the shared library."""
    if sys.platform == "win32":
        return "vietref.dll"
    if sys.platform == "darwin":
        return "libvietref.dylib"
    return "libvietref.so"


def _candidates() -> List[tuple]:
    """(how, path) in the order they are tried."""
    name = library_file_name()
    out = []
    env = os.environ.get("VIETREF_LIB")
    if env:
        out.append(("VIETREF_LIB", env))
        return out  # set explicitly: nothing else is tried
    out.append(("package", str(Path(__file__).resolve().parent / name)))
    out.append(("system", name))
    return out


# Opaque handle types: distinct pointer types so ctypes rejects a report passed as a message.
class _Message(ctypes.Structure):
    pass


class _Report(ctypes.Structure):
    pass


class _String(ctypes.Structure):
    pass


class _VietQr(ctypes.Structure):
    pass


class _Candidates(ctypes.Structure):
    pass


class _Encoded(ctypes.Structure):
    pass


class _Detection(ctypes.Structure):
    pass


class _Reconciler(ctypes.Structure):
    pass


class _LineResult(ctypes.Structure):
    pass


class _GatewayMerchant(ctypes.Structure):
    pass


MessageP = POINTER(_Message)
ReportP = POINTER(_Report)
StringP = POINTER(_String)
VietQrP = POINTER(_VietQr)
CandidatesP = POINTER(_Candidates)
EncodedP = POINTER(_Encoded)
DetectionP = POINTER(_Detection)
ReconcilerP = POINTER(_Reconciler)
LineResultP = POINTER(_LineResult)
GatewayMerchantP = POINTER(_GatewayMerchant)

_T = (c_char_p, c_size_t)  # text in: UTF-8 pointer + length

# Every function of include/vietref.h that the bindings call: name -> (restype, argtypes).
# The `_buf` twins are not used: owned strings are read once and freed at once.
_SIGNATURES = {
    "vietref_version": (c_char_p, ()),
    "vietref_status_name": (c_char_p, (c_uint32,)),
    "vietref_status_message": (c_char_p, (c_uint32, c_uint32)),
    "vietref_string_ptr": (c_void_p, (StringP,)),
    "vietref_string_len": (c_size_t, (StringP,)),
    "vietref_string_free": (None, (StringP,)),
    "vietref_text_name": (c_uint32, _T + (POINTER(StringP),)),
    "vietref_text_fold": (c_uint32, _T + (POINTER(StringP),)),
    "vietref_text_key": (c_uint32, _T + (POINTER(StringP),)),
    "vietref_text_retone": (c_uint32, _T + (c_uint32, POINTER(StringP))),
    "vietref_text_check": (c_uint32, _T + _T + (POINTER(ReportP),)),
    "vietref_text_looks_like": (c_uint32, _T + _T + (POINTER(c_uint32),)),
    "vietref_text_compare_payee_name": (c_uint32, _T + _T + (POINTER(c_uint32),)),
    "vietref_text_check_text": (c_uint32, _T + _T + (POINTER(ReportP),)),
    "vietref_text_skeleton": (c_uint32, _T + (POINTER(StringP),)),
    "vietref_message_new": (c_uint32, (POINTER(MessageP),)),
    "vietref_message_from_json": (c_uint32, _T + (POINTER(MessageP),)),
    "vietref_message_free": (None, (MessageP,)),
    "vietref_message_set_sector": (c_uint32, (MessageP,) + _T),
    "vietref_message_set_payer_name": (c_uint32, (MessageP,) + _T),
    "vietref_message_set_beneficiary_name": (c_uint32, (MessageP,) + _T),
    "vietref_message_set_reason": (c_uint32, (MessageP,) + _T),
    "vietref_message_set_invoice": (c_uint32, (MessageP,) + _T),
    "vietref_message_set_amount": (c_uint32, (MessageP, c_uint64)),
    "vietref_message_validate": (c_uint32, (MessageP, POINTER(ReportP))),
    "vietref_report_free": (None, (ReportP,)),
    "vietref_report_valid": (c_uint32, (ReportP, POINTER(c_uint32))),
    "vietref_report_count": (c_uint32, (ReportP, POINTER(c_size_t))),
    "vietref_report_json": (c_uint32, (ReportP, POINTER(StringP))),
    "vietref_report_cleaned_json": (c_uint32, (ReportP, POINTER(StringP))),
    "vietref_report_cleaned_text": (c_uint32, (ReportP, POINTER(StringP))),
    "vietref_report_finding_severity": (c_uint32, (ReportP, c_size_t, POINTER(c_uint32))),
    "vietref_report_finding_code": (c_uint32, (ReportP, c_size_t, POINTER(c_uint32))),
    "vietref_report_finding_position": (c_uint32, (ReportP, c_size_t, POINTER(c_size_t))),
    "vietref_report_finding_char": (c_uint32, (ReportP, c_size_t, POINTER(c_uint32))),
    "vietref_report_finding_field": (c_uint32, (ReportP, c_size_t, POINTER(StringP))),
    "vietref_report_finding_code_key": (c_uint32, (ReportP, c_size_t, POINTER(StringP))),
    "vietref_report_finding_message": (
        c_uint32,
        (ReportP, c_size_t, c_uint32, POINTER(StringP)),
    ),
    "vietref_vietqr_decode": (c_uint32, _T + (c_uint32, POINTER(ReportP))),
    "vietref_vietqr_from_report": (c_uint32, (ReportP, POINTER(VietQrP))),
    "vietref_vietqr_from_json": (c_uint32, _T + (POINTER(VietQrP),)),
    "vietref_vietqr_free": (None, (VietQrP,)),
    "vietref_vietqr_json": (c_uint32, (VietQrP, POINTER(StringP))),
    "vietref_vietqr_get": (c_uint32, (VietQrP, c_uint32, POINTER(StringP))),
    "vietref_vietqr_amount": (c_uint32, (VietQrP, POINTER(c_uint64))),
    "vietref_vietqr_encode": (c_uint32, (VietQrP, POINTER(ReportP))),
    "vietref_vietqr_encode_json": (c_uint32, _T + (POINTER(ReportP),)),
    "vietref_vietqr_to_account": (
        c_uint32,
        _T + _T + (c_uint64,) + _T + _T + (POINTER(ReportP),),
    ),
    "vietref_vietqr_verify_payee": (c_uint32, (VietQrP,) + _T + _T + _T + (POINTER(ReportP),)),
    "vietref_vietqr_bank_lookup": (c_uint32, _T + (POINTER(StringP),)),
    "vietref_vietqr_crc16": (c_uint32, (c_char_p, c_size_t, POINTER(ctypes.c_uint16))),
    "vietref_vietqr_for_payment": (c_uint32, (MessageP,) + _T + _T + _T + (POINTER(ReportP),)),
    "vietref_vietqr_payment_codes": (c_uint32, (VietQrP,) + _T + (POINTER(CandidatesP),)),
    "vietref_message_validate_schemes": (c_uint32, (MessageP,) + _T + (POINTER(ReportP),)),
    # references
    "vietref_ref_create": (c_uint32, (c_uint32,) + _T + _T + (POINTER(StringP),)),
    "vietref_ref_create_message": (c_uint32, (c_uint32,) + _T + _T + (c_uint32, POINTER(StringP))),
    "vietref_ref_validate": (c_uint32, (c_uint32,) + _T + (POINTER(StringP),)),
    "vietref_ref_validate_message": (c_uint32, (c_uint32,) + _T + (c_uint32, POINTER(StringP))),
    "vietref_ref_format": (c_uint32, (c_uint32,) + _T + (POINTER(StringP),)),
    "vietref_ref_compact": (c_uint32, (c_uint32,) + _T + (POINTER(StringP),)),
    "vietref_ref_is_valid": (c_uint32, (c_uint32,) + _T + (POINTER(c_uint32),)),
    # memo and candidates
    "vietref_memo_render": (c_uint32, (MessageP,) + _T + (c_uint32, c_size_t, POINTER(ReportP))),
    "vietref_memo_render_custom": (
        c_uint32,
        (MessageP,) + _T + _T + _T + (c_size_t, c_uint32, POINTER(ReportP)),
    ),
    "vietref_memo_field_count": (c_uint32, (ReportP, c_uint32, POINTER(c_size_t))),
    "vietref_memo_field_name": (c_uint32, (ReportP, c_uint32, c_size_t, POINTER(StringP))),
    "vietref_memo_extract": (c_uint32, _T + _T + (POINTER(CandidatesP),)),
    "vietref_memo_parse": (c_uint32, _T + _T + (POINTER(StringP),)),
    "vietref_memo_envelope": (c_uint32, _T + (POINTER(StringP),)),
    "vietref_candidates_free": (None, (CandidatesP,)),
    "vietref_candidates_count": (c_uint32, (CandidatesP, POINTER(c_size_t))),
    "vietref_candidates_code": (c_uint32, (CandidatesP, c_size_t, POINTER(StringP))),
    "vietref_candidates_kind": (c_uint32, (CandidatesP, c_size_t, POINTER(c_uint32))),
    "vietref_candidates_span": (
        c_uint32,
        (CandidatesP, c_size_t, POINTER(c_size_t), POINTER(c_size_t)),
    ),
    "vietref_candidates_json": (c_uint32, (CandidatesP, POINTER(StringP))),
    # legacy encodings (bytes in are passed as c_char_p + length: any bytes, NUL included)
    "vietref_legacy_decode": (c_uint32, _T + (c_uint32, POINTER(StringP))),
    "vietref_legacy_decode_error": (c_uint32, _T + (c_uint32, POINTER(StringP))),
    "vietref_legacy_encode": (c_uint32, _T + (c_uint32, c_uint32, POINTER(EncodedP))),
    "vietref_legacy_encode_error": (c_uint32, _T + (c_uint32, c_uint32, POINTER(StringP))),
    "vietref_encoded_bytes": (c_void_p, (EncodedP,)),
    "vietref_encoded_len": (c_size_t, (EncodedP,)),
    "vietref_encoded_loss_count": (c_uint32, (EncodedP, POINTER(c_size_t))),
    "vietref_encoded_loss": (
        c_uint32,
        (EncodedP, c_size_t, POINTER(c_size_t), POINTER(c_uint32), POINTER(c_uint32)),
    ),
    "vietref_encoded_free": (None, (EncodedP,)),
    "vietref_legacy_detect": (c_uint32, _T + (POINTER(DetectionP),)),
    "vietref_legacy_detect_declared": (c_uint32, _T + (c_uint32, POINTER(DetectionP))),
    "vietref_detection_free": (None, (DetectionP,)),
    "vietref_detection_encoding": (c_uint32, (DetectionP, POINTER(c_uint32))),
    "vietref_detection_confidence": (c_uint32, (DetectionP, POINTER(c_uint32))),
    "vietref_detection_ambiguous": (c_uint32, (DetectionP, POINTER(c_uint32))),
    "vietref_detection_alternative_count": (c_uint32, (DetectionP, POINTER(c_size_t))),
    "vietref_detection_alternative": (
        c_uint32,
        (DetectionP, c_size_t, POINTER(c_uint32), POINTER(c_uint32)),
    ),
    "vietref_detection_text": (c_uint32, (DetectionP, POINTER(StringP))),
    "vietref_legacy_repair_mojibake": (c_uint32, _T + (POINTER(StringP),)),
    "vietref_legacy_encoding_name": (c_char_p, (c_uint32,)),
    "vietref_legacy_encoding_from_name": (c_uint32, _T + (POINTER(c_uint32),)),
    # reconciliation
    "vietref_reconciler_new": (c_uint32, _T + (POINTER(ReconcilerP),)),
    "vietref_reconciler_free": (None, (ReconcilerP,)),
    "vietref_reconciler_add_invoice": (
        c_uint32,
        (ReconcilerP,) + _T + (c_uint64,) + _T + _T + _T + (POINTER(ReportP),),
    ),
    "vietref_reconciler_feed": (
        c_uint32,
        (ReconcilerP, c_uint64, c_uint64) + _T + _T + _T + _T + (POINTER(LineResultP),),
    ),
    "vietref_reconciler_add_invoices_csv": (
        c_uint32,
        (ReconcilerP,) + _T + _T + (POINTER(c_uint64), POINTER(ReportP)),
    ),
    "vietref_reconciler_add_invoices": (
        c_uint32,
        (ReconcilerP,) + _T + (c_uint32,) + _T + (POINTER(c_uint64), POINTER(ReportP)),
    ),
    "vietref_reconciler_feed_statement": (
        c_uint32,
        (ReconcilerP,) + _T + (c_uint32,) + _T + (c_uint32, POINTER(StringP), POINTER(ReportP)),
    ),
    "vietref_reconciler_set_threads": (c_uint32, (ReconcilerP, c_size_t)),
    "vietref_reconciler_summary_json": (c_uint32, (ReconcilerP, POINTER(StringP))),
    "vietref_reconciler_invoice_json": (c_uint32, (ReconcilerP,) + _T + (POINTER(StringP),)),
    "vietref_line_result_free": (None, (LineResultP,)),
    "vietref_line_result_status": (c_uint32, (LineResultP, POINTER(c_uint32))),
    "vietref_line_result_invoice": (c_uint32, (LineResultP, POINTER(StringP))),
    "vietref_line_result_suggestion": (c_uint32, (LineResultP, POINTER(StringP))),
    "vietref_line_result_possible_typo": (c_uint32, (LineResultP, POINTER(StringP))),
    "vietref_line_result_reason": (c_uint32, (LineResultP, c_uint32, POINTER(StringP))),
    "vietref_line_result_json": (c_uint32, (LineResultP, POINTER(StringP))),
    # payment gateways
    "vietref_gateway_merchant_new": (
        c_uint32,
        _T + _T + _T + _T + (POINTER(GatewayMerchantP),),
    ),
    "vietref_gateway_merchant_free": (None, (GatewayMerchantP,)),
    "vietref_gateway_request": (c_uint32, (GatewayMerchantP, MessageP) + _T + (POINTER(StringP),)),
    "vietref_gateway_verify": (c_uint32, (GatewayMerchantP,) + _T + (POINTER(StringP),)),
    "vietref_gateway_settle": (
        c_uint32,
        (GatewayMerchantP, ReconcilerP) + _T + (c_uint64, POINTER(StringP)),
    ),
    "vietref_gateway_simulate_callback": (
        c_uint32,
        (GatewayMerchantP, MessageP) + _T + _T + (c_uint64, c_uint64, POINTER(StringP)),
    ),
}

WRAPPED = frozenset(_SIGNATURES)

_lock = threading.Lock()
_lib: Optional[ctypes.CDLL] = None
_lib_path: Optional[str] = None


def _load() -> ctypes.CDLL:
    tried = []
    for how, path in _candidates():
        if how == "package" and not os.path.exists(path):
            tried.append(f"{how}: {path} (no such file)")
            continue
        try:
            lib = ctypes.CDLL(path)
        except OSError as e:
            tried.append(f"{how}: {path} ({e})")
            continue
        _declare(lib, path)
        global _lib_path
        _lib_path = path
        return lib
    raise LibraryNotFoundError(
        "cannot load the vietref native library; tried, in order:\n  "
        + "\n  ".join(tried)
        + "\nSet VIETREF_LIB to the full path of "
        + library_file_name()
        + " (built by `cargo build --lib` in target/debug or target/release)."
    )


def _declare(lib: ctypes.CDLL, path: str) -> None:
    missing = []
    for name, (restype, argtypes) in _SIGNATURES.items():
        try:
            fn = getattr(lib, name)
        except AttributeError:
            missing.append(name)
            continue
        fn.restype = restype
        fn.argtypes = list(argtypes)
    if missing:
        raise LibraryNotFoundError(
            f"{path} is not a vietref library of ABI {ABI_VERSION[0]}.{ABI_VERSION[1]}: "
            f"missing {', '.join(missing)}"
        )
    version = lib.vietref_version().decode("ascii")
    major, minor = (int(p) for p in version.split(".")[:2])
    if (major, minor) != ABI_VERSION:
        raise LibraryNotFoundError(
            f"{path} is vietref {version}; this package needs "
            f"{ABI_VERSION[0]}.{ABI_VERSION[1]}.x"
        )


def lib() -> ctypes.CDLL:
    """The loaded library (loaded on first use, once)."""
    global _lib
    if _lib is None:
        with _lock:
            if _lib is None:
                _lib = _load()
    return _lib


def library_path() -> str:
    """The path or name the library was loaded from."""
    lib()
    assert _lib_path is not None
    return _lib_path


# --- statuses: the one place where they become exceptions ---------------------------------


def status_name(status: int) -> Optional[str]:
    """`VIETREF_NULL_ARGUMENT` for 1; None for a number that is not a status."""
    raw = lib().vietref_status_name(status)
    return raw.decode("ascii") if raw is not None else None


def status_message(status: int, lang: int) -> Optional[str]:
    """The library's static description of a status in English (1) or Vietnamese (2)."""
    raw = lib().vietref_status_message(status, lang)
    return raw.decode("utf-8") if raw is not None else None


#: Details of a refusal the library can explain further: (detail, detail_vi, info).
Details = Tuple[Optional[str], Optional[str], Optional[Dict[str, Any]]]


def error(status: int, context: str, explain: Optional[Callable[[int], Details]] = None) -> VietrefError:
    """The exception for a status other than VIETREF_OK. ``explain(status)``, when given,
    asks the library for the details of this refusal (it is only called here, on failure;
    whatever it raises itself is ignored: the original status is what matters)."""
    name = status_name(status) or f"VIETREF_STATUS_{status}"
    en = status_message(status, 1) or "unknown status"
    vi = status_message(status, 2) or "trạng thái không xác định"
    try:
        number: int = Status(status)
    except ValueError:  # a status of a newer library
        number = status
    detail = detail_vi = info = None
    if explain is not None:
        try:
            detail, detail_vi, info = explain(status)
        except VietrefError:
            pass
    return VietrefError(number, name, en, vi, context, detail=detail, detail_vi=detail_vi, info=info)


def check(status: int, context: str, explain: Optional[Callable[[int], Details]] = None) -> None:
    """Raises :class:`VietrefError` unless ``status`` is VIETREF_OK."""
    if status != _OK:
        raise error(status, context, explain)


def check_optional(status: int, context: str) -> bool:
    """True on VIETREF_OK, False on VIETREF_NO_VALUE (an absent optional value), raises
    otherwise."""
    if status == _NO_VALUE:
        return False
    check(status, context)
    return True


# --- marshalling --------------------------------------------------------------------------

TextArg = Union[str, bytes, bytearray, memoryview]


def text_arg(value: TextArg, what: str) -> bytes:
    """UTF-8 bytes for a text argument. ``str`` is encoded with ``surrogatepass`` so that a
    lone surrogate reaches the library as the invalid UTF-8 it is (VIETREF_INVALID_UTF8)
    instead of being replaced; bytes are passed as they are. ``None`` is a TypeError."""
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass")
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    raise TypeError(f"{what} must be str or bytes, not {type(value).__name__}")


def optional_text_arg(value: Optional[TextArg], what: str) -> bytes:
    """As :func:`text_arg` for an optional text: ``None`` is the empty text (not given)."""
    return b"" if value is None else text_arg(value, what)


BytesArg = Union[bytes, bytearray, memoryview]


def bytes_arg(value: BytesArg, what: str) -> bytes:
    """Bytes taken as they are (legacy-encoded text). ``str`` is refused: it has no bytes
    until it is encoded, and which encoding is the whole question."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    raise TypeError(f"{what} must be bytes, not {type(value).__name__}")


SchemesArg = Union[None, str, bytes, Mapping[str, int], Iterable[str]]


def schemes_arg(schemes: SchemesArg) -> bytes:
    """A payment-code scheme list as the C ABI takes it: ``"HP:8,VP:10"``. Accepts that
    text (or bytes) as it is, a mapping ``{"HP": 8}``, an iterable of ``"HP:8"`` items, or
    None for no scheme. Only the form changes here: the library checks the items."""
    if schemes is None:
        return b""
    if isinstance(schemes, (str, bytes, bytearray, memoryview)):
        return text_arg(schemes, "schemes")
    if isinstance(schemes, Mapping):
        items = []
        for prefix, length in schemes.items():
            if not isinstance(prefix, str) or isinstance(length, bool) or not isinstance(length, int):
                raise TypeError("schemes must map a prefix (str) to a length (int)")
            items.append(f"{prefix}:{length}")
        return text_arg(",".join(items), "schemes")
    try:
        items = list(schemes)
    except TypeError:
        raise TypeError(f"schemes must be str, a mapping or an iterable, not {type(schemes).__name__}") from None
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"scheme items must be str, not {type(item).__name__}")
    return text_arg(",".join(items), "schemes")


def _uint(value: int, what: str, bits: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be int, not {type(value).__name__}")
    top = (1 << bits) - 1
    if not 0 <= value <= top:
        raise ValueError(f"{what} {value} is outside 0..2**{bits}-1")
    return int(value)


def u32_arg(value: int, what: str) -> int:
    """An integer constant (an enum member or its number) for a ``uint32_t`` parameter.
    Out of range is a ValueError (ctypes would silently truncate it); an unknown value in
    range reaches the library, which answers INVALID_ARGUMENT."""
    return _uint(value, what, 32)


def u64_arg(value: int, what: str) -> int:
    """An amount or line number for a ``uint64_t`` parameter."""
    return _uint(value, what, 64)


def size_arg(value: int, what: str) -> int:
    """A ``size_t`` parameter."""
    return _uint(value, what, ctypes.sizeof(c_size_t) * 8)


def enum_or_int(enum: Any, value: int) -> Any:
    """``enum(value)``, or the plain number for a value of a newer library."""
    try:
        return enum(value)
    except ValueError:
        return value


def take_string(s: StringP) -> str:
    """Copies an owned vietref_string out as str and frees it."""
    try:
        n = lib().vietref_string_len(s)
        p = lib().vietref_string_ptr(s)
        return ctypes.string_at(p, n).decode("utf-8") if n else ""
    finally:
        lib().vietref_string_free(s)


def call_string(fn: Callable[..., int], context: str, *args) -> str:
    """Calls a function whose last parameter is ``vietref_string **out``."""
    out = StringP()
    check(fn(*args, ctypes.byref(out)), context)
    return take_string(out)


def call_optional_string(fn: Callable[..., int], context: str, *args) -> Optional[str]:
    """As :func:`call_string`; None on VIETREF_NO_VALUE."""
    out = StringP()
    if not check_optional(fn(*args, ctypes.byref(out)), context):
        return None
    return take_string(out)
