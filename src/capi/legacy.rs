//! Legacy Vietnamese encodings: decode bytes (taken as they are: no UTF-8 check) to UTF-8,
//! encode UTF-8 to bytes (`vietref_encoded`, which may hold NUL bytes), detect the encoding
//! of a sample (`vietref_detection`), repair mojibake.

use super::boundary::{
    buf_arg, bytes_arg, ffi_boundary, free_handle, handle_ref, into_handle, known, out_arg,
    text_arg, text_to_buf, text_to_string, FfiResult,
};
use super::status::vietref_status;
use super::string::vietref_string;
use crate::legacy::{
    self, DecodeError, DecodeErrorKind, Detection, EncodeError, EncodeErrorKind, EncodeOptions,
    Encoded, Encoding, Tcvn3Capitals,
};
use serde::Serialize;
use std::ffi::c_char;

/// `VIETREF_ENCODING_*`: the encodings vietref reads and writes (the numbers are
/// `vietref::legacy::Encoding`'s).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum vietref_encoding {
    /// UTF-8 (decoding drops a leading byte-order mark and composes to NFC).
    VIETREF_ENCODING_UTF8 = 0,
    /// TCVN3 (TCVN 5712:1993 VN3), the ABC encoding of the `.VnTime` fonts. It has no
    /// upper-case toned letters (see `VIETREF_LEGACY_TCVN3_LOWER_CASE`).
    VIETREF_ENCODING_TCVN3 = 1,
    /// VNI-Win, the encoding of the `VNI-Times` fonts (base letter + mark byte).
    VIETREF_ENCODING_VNI = 2,
    /// VISCII (RFC 1456).
    VIETREF_ENCODING_VISCII = 3,
    /// VPS.
    VIETREF_ENCODING_VPS = 4,
    /// Windows-1258 (base letter + combining tone byte).
    VIETREF_ENCODING_CP1258 = 5,
    /// VIQR (RFC 1456): 7-bit ASCII mnemonics, `Nguye^~n`.
    VIETREF_ENCODING_VIQR = 6,
    /// UTF-8 whose bytes were read as Windows-1252 and written again as UTF-8 (mojibake:
    /// `Nguyá»…n`); decoding repairs it.
    VIETREF_ENCODING_UTF8_AS_CP1252 = 7,
}

// The C numbers are the Rust discriminants: one source of truth.
const _: () = {
    use vietref_encoding::*;
    assert!(VIETREF_ENCODING_UTF8 as u32 == Encoding::Utf8 as u32);
    assert!(VIETREF_ENCODING_TCVN3 as u32 == Encoding::Tcvn3 as u32);
    assert!(VIETREF_ENCODING_VNI as u32 == Encoding::Vni as u32);
    assert!(VIETREF_ENCODING_VISCII as u32 == Encoding::Viscii as u32);
    assert!(VIETREF_ENCODING_VPS as u32 == Encoding::Vps as u32);
    assert!(VIETREF_ENCODING_CP1258 as u32 == Encoding::Cp1258 as u32);
    assert!(VIETREF_ENCODING_VIQR as u32 == Encoding::Viqr as u32);
    assert!(VIETREF_ENCODING_UTF8_AS_CP1252 as u32 == Encoding::Utf8AsCp1252 as u32);
    assert!(Encoding::ALL.len() == 8);
};

/// `VIETREF_LEGACY_*` encode options (the `options` argument of `vietref_legacy_encode`):
/// 0 or this flag.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum vietref_legacy_option {
    /// TCVN3 only: write an upper-case toned letter (`Ố`) as its lower-case code (what
    /// `.VnTimeH` documents stored) and report it as a loss, instead of refusing it with
    /// `VIETREF_LEGACY_TCVN3_CAPITAL`.
    VIETREF_LEGACY_TCVN3_LOWER_CASE = 1,
}

fn encoding(n: u32) -> Result<Encoding, vietref_status> {
    known(Encoding::from_u32(n))
}

fn options(n: u32) -> Result<EncodeOptions, vietref_status> {
    let lower = vietref_legacy_option::VIETREF_LEGACY_TCVN3_LOWER_CASE as u32;
    match n {
        0 => Ok(EncodeOptions::default()),
        x if x == lower => Ok(EncodeOptions {
            tcvn3_capitals: Tcvn3Capitals::LowerCase,
        }),
        _ => Err(vietref_status::VIETREF_INVALID_ARGUMENT),
    }
}

fn decode_status(e: &DecodeError) -> vietref_status {
    match e.kind {
        DecodeErrorKind::UndefinedByte => vietref_status::VIETREF_LEGACY_UNDEFINED_BYTE,
        DecodeErrorKind::InvalidUtf8 => vietref_status::VIETREF_LEGACY_INVALID_UTF8,
        DecodeErrorKind::NotSevenBit => vietref_status::VIETREF_LEGACY_NOT_SEVEN_BIT,
        DecodeErrorKind::NotMojibake => vietref_status::VIETREF_LEGACY_NOT_MOJIBAKE,
    }
}

fn encode_status(e: &EncodeError) -> vietref_status {
    match e.kind {
        EncodeErrorKind::Unencodable => vietref_status::VIETREF_LEGACY_UNENCODABLE,
        EncodeErrorKind::Tcvn3Capital => vietref_status::VIETREF_LEGACY_TCVN3_CAPITAL,
    }
}

/// A decode error as JSON.
#[derive(Serialize)]
struct DecodeErrorJson {
    kind: &'static str,
    offset: usize,
    line: usize,
    byte: Option<u8>,
    message: String,
}

fn decode_error_json(e: &DecodeError) -> Result<String, vietref_status> {
    let kind = match e.kind {
        DecodeErrorKind::UndefinedByte => "undefined_byte",
        DecodeErrorKind::InvalidUtf8 => "invalid_utf8",
        DecodeErrorKind::NotSevenBit => "not_seven_bit",
        DecodeErrorKind::NotMojibake => "not_mojibake",
    };
    let j = DecodeErrorJson {
        kind,
        offset: e.offset,
        line: e.line,
        byte: e.byte,
        message: e.to_string(),
    };
    serde_json::to_string(&j).map_err(|_| vietref_status::VIETREF_INTERNAL_ERROR)
}

/// An encode error as JSON.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EncodeErrorJson {
    kind: &'static str,
    character: String,
    code_point: u32,
    position: usize,
    line: usize,
    message: String,
}

fn encode_error_json(e: &EncodeError) -> Result<String, vietref_status> {
    let kind = match e.kind {
        EncodeErrorKind::Unencodable => "unencodable",
        EncodeErrorKind::Tcvn3Capital => "tcvn3_capital",
    };
    let j = EncodeErrorJson {
        kind,
        character: e.character.to_string(),
        code_point: u32::from(e.character),
        position: e.position,
        line: e.line,
        message: e.to_string(),
    };
    serde_json::to_string(&j).map_err(|_| vietref_status::VIETREF_INTERNAL_ERROR)
}

/// Where a string result goes: an owned string or the caller's buffer.
enum Dest {
    Owned(*mut *mut vietref_string),
    Buf(*mut c_char, usize, *mut usize),
}

impl Dest {
    /// Checks the destination, then runs `f` and writes its text.
    unsafe fn run(self, f: impl FnOnce() -> Result<String, vietref_status>) -> FfiResult {
        match self {
            Dest::Owned(out) => {
                // SAFETY: forwarded contract.
                let out = unsafe { out_arg(out) }?;
                out.write_string(f()?);
                Ok(())
            }
            Dest::Buf(buf, cap, len_out) => {
                // SAFETY: forwarded contract.
                let buf = unsafe { buf_arg(buf, cap, len_out) }?;
                buf.put(&f()?)
            }
        }
    }
}

/// The common body of the decode functions: the bytes and the encoding, checked in
/// parameter order.
unsafe fn decode_args<'a>(
    bytes: *const u8,
    len: usize,
    enc: u32,
) -> Result<(&'a [u8], Encoding), vietref_status> {
    // SAFETY: forwarded contract.
    let bytes = unsafe { bytes_arg(bytes, len) }?;
    Ok((bytes, encoding(enc)?))
}

/// Decodes `len` bytes (any bytes: they are not checked as UTF-8, they are what is being
/// decoded) in `encoding` (a `VIETREF_ENCODING_*` value) and writes the text, NFC UTF-8, as
/// a new string owned by the caller. Nothing is ever replaced: a byte the encoding does not
/// define is `VIETREF_LEGACY_UNDEFINED_BYTE`, and so on (600–603);
/// `vietref_legacy_decode_error` says where. An unknown `encoding` is
/// `VIETREF_INVALID_ARGUMENT`.
///
/// # Safety
/// `bytes` is readable for `len` bytes (or NULL when `len` is 0); `out` points to a writable
/// `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_legacy_decode(
    bytes: *const u8,
    len: usize,
    encoding: u32,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({
        let (bytes, enc) = unsafe { decode_args(bytes, len, encoding) }?;
        unsafe {
            Dest::Owned(out).run(|| legacy::decode(bytes, enc).map_err(|e| decode_status(&e)))
        }
    })
}

/// `vietref_legacy_decode` into the caller's buffer (see "Caller buffers" in the preamble).
///
/// # Safety
/// `bytes` is readable for `len` bytes (or NULL when `len` is 0); `buf` is writable for
/// `cap` bytes (or NULL when `cap` is 0); `len_out` points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_legacy_decode_buf(
    bytes: *const u8,
    len: usize,
    encoding: u32,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let (bytes, enc) = unsafe { decode_args(bytes, len, encoding) }?;
        unsafe {
            Dest::Buf(buf, cap, len_out)
                .run(|| legacy::decode(bytes, enc).map_err(|e| decode_status(&e)))
        }
    })
}

fn decode_error(bytes: &[u8], enc: Encoding) -> Result<String, vietref_status> {
    match legacy::decode(bytes, enc) {
        Ok(_) => Err(vietref_status::VIETREF_NO_VALUE),
        Err(e) => decode_error_json(&e),
    }
}

/// Why `vietref_legacy_decode` refuses these bytes, as JSON, a new string owned by the
/// caller: `{"kind":"undefined_byte","offset":1,"line":1,"byte":129,"message":"byte 0x80
/// at offset 1 (line 1) is not defined in Windows-1258"}` (`kind`: `undefined_byte`,
/// `invalid_utf8`, `not_seven_bit`, `not_mojibake`; `offset` 0-based in bytes, `line`
/// 1-based; `byte` null at the end of the input; `message` in English).
/// `VIETREF_NO_VALUE` when the bytes decode.
///
/// # Safety
/// As `vietref_legacy_decode`.
#[no_mangle]
pub unsafe extern "C" fn vietref_legacy_decode_error(
    bytes: *const u8,
    len: usize,
    encoding: u32,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({
        let (bytes, enc) = unsafe { decode_args(bytes, len, encoding) }?;
        unsafe { Dest::Owned(out).run(|| decode_error(bytes, enc)) }
    })
}

/// `vietref_legacy_decode_error` into the caller's buffer.
///
/// # Safety
/// As `vietref_legacy_decode_buf`.
#[no_mangle]
pub unsafe extern "C" fn vietref_legacy_decode_error_buf(
    bytes: *const u8,
    len: usize,
    encoding: u32,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let (bytes, enc) = unsafe { decode_args(bytes, len, encoding) }?;
        unsafe { Dest::Buf(buf, cap, len_out).run(|| decode_error(bytes, enc)) }
    })
}

/// Bytes vietref encoded (`vietref_legacy_encode`) and every character the options let it
/// write as another one. The bytes may include NUL: use `vietref_encoded_len`. Free with
/// `vietref_encoded_free`.
///
/// Thread safety: immutable; any number of threads may read it at the same time.
pub struct vietref_encoded {
    encoded: Encoded,
}

/// The common arguments of the encode functions, checked in parameter order.
unsafe fn encode_args<'a>(
    text: *const c_char,
    text_len: usize,
    enc: u32,
    opts: u32,
) -> Result<(&'a str, Encoding, EncodeOptions), vietref_status> {
    // SAFETY: forwarded contract.
    let text = unsafe { text_arg(text, text_len) }?;
    Ok((text, encoding(enc)?, options(opts)?))
}

/// Encodes UTF-8 `text` (composed to NFC first) in `encoding` (a `VIETREF_ENCODING_*`
/// value) and writes a new `vietref_encoded` to `*encoded_out` (free it with
/// `vietref_encoded_free`). `options` is 0 or `VIETREF_LEGACY_TCVN3_LOWER_CASE`. A
/// character the encoding cannot hold is `VIETREF_LEGACY_UNENCODABLE`; an upper-case toned
/// letter in TCVN3 without the option is `VIETREF_LEGACY_TCVN3_CAPITAL`;
/// `vietref_legacy_encode_error` says which character and where. Nothing is dropped. An
/// unknown `encoding` or `options` is `VIETREF_INVALID_ARGUMENT`.
///
/// # Safety
/// `text` is readable for `text_len` bytes (or NULL when `text_len` is 0); `encoded_out`
/// points to a writable `vietref_encoded *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_legacy_encode(
    text: *const c_char,
    text_len: usize,
    encoding: u32,
    options: u32,
    encoded_out: *mut *mut vietref_encoded,
) -> vietref_status {
    ffi_boundary!({
        let (text, enc, opts) = unsafe { encode_args(text, text_len, encoding, options) }?;
        let out = unsafe { out_arg(encoded_out) }?;
        let encoded = legacy::encode_with(text, enc, opts).map_err(|e| encode_status(&e))?;
        out.write(into_handle(vietref_encoded { encoded }));
        Ok(())
    })
}

/// `vietref_legacy_encode` into the caller's buffer: the bytes, no terminator (losses
/// allowed by `options` are not listed: use `vietref_legacy_encode` for them).
///
/// # Safety
/// `text` is readable for `text_len` bytes (or NULL when `text_len` is 0); `buf` is
/// writable for `cap` bytes (or NULL when `cap` is 0); `len_out` points to a writable
/// `size_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_legacy_encode_buf(
    text: *const c_char,
    text_len: usize,
    encoding: u32,
    options: u32,
    buf: *mut u8,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let (text, enc, opts) = unsafe { encode_args(text, text_len, encoding, options) }?;
        let buf = unsafe { buf_arg(buf.cast(), cap, len_out) }?;
        let encoded = legacy::encode_with(text, enc, opts).map_err(|e| encode_status(&e))?;
        buf.put_bytes(&encoded.bytes)
    })
}

fn encode_error(text: &str, enc: Encoding, opts: EncodeOptions) -> Result<String, vietref_status> {
    match legacy::encode_with(text, enc, opts) {
        Ok(_) => Err(vietref_status::VIETREF_NO_VALUE),
        Err(e) => encode_error_json(&e),
    }
}

/// Why `vietref_legacy_encode` refuses this text, as JSON, a new string owned by the
/// caller: `{"kind":"tcvn3_capital","character":"Ố","codePoint":7888,"position":5,
/// "line":1,"message":"..."}` (`kind`: `unencodable` or `tcvn3_capital`; `position` 1-based
/// in characters of the NFC text, `line` 1-based; `message` in English). `VIETREF_NO_VALUE`
/// when the text encodes.
///
/// # Safety
/// `text` is readable for `text_len` bytes (or NULL when `text_len` is 0); `out` points to
/// a writable `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_legacy_encode_error(
    text: *const c_char,
    text_len: usize,
    encoding: u32,
    options: u32,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({
        let (text, enc, opts) = unsafe { encode_args(text, text_len, encoding, options) }?;
        unsafe { Dest::Owned(out).run(|| encode_error(text, enc, opts)) }
    })
}

/// `vietref_legacy_encode_error` into the caller's buffer.
///
/// # Safety
/// `text` is readable for `text_len` bytes (or NULL when `text_len` is 0); `buf` is
/// writable for `cap` bytes (or NULL when `cap` is 0); `len_out` points to a writable
/// `size_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_legacy_encode_error_buf(
    text: *const c_char,
    text_len: usize,
    encoding: u32,
    options: u32,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let (text, enc, opts) = unsafe { encode_args(text, text_len, encoding, options) }?;
        unsafe { Dest::Buf(buf, cap, len_out).run(|| encode_error(text, enc, opts)) }
    })
}

/// The first encoded byte (the bytes may include NUL; no terminator follows). NULL when
/// `encoded` is NULL; for zero bytes a valid pointer that must not be read.
///
/// Ownership: borrowed from `encoded`, valid until `vietref_encoded_free(encoded)`.
///
/// # Safety
/// `encoded` is NULL or a live `vietref_encoded`.
#[no_mangle]
pub unsafe extern "C" fn vietref_encoded_bytes(encoded: *const vietref_encoded) -> *const u8 {
    ffi_boundary!(on_panic = std::ptr::null(); {
        match unsafe { handle_ref(encoded) } {
            Ok(e) => e.encoded.bytes.as_ptr(),
            Err(_) => std::ptr::null(),
        }
    })
}

/// The number of encoded bytes; 0 when `encoded` is NULL.
///
/// # Safety
/// `encoded` is NULL or a live `vietref_encoded`.
#[no_mangle]
pub unsafe extern "C" fn vietref_encoded_len(encoded: *const vietref_encoded) -> usize {
    ffi_boundary!(on_panic = 0; {
        match unsafe { handle_ref(encoded) } {
            Ok(e) => e.encoded.bytes.len(),
            Err(_) => 0,
        }
    })
}

/// Writes the number of losses (characters written as another one, allowed by the encode
/// options) to `*count_out`.
///
/// # Safety
/// `encoded` is a live `vietref_encoded`; `count_out` points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_encoded_loss_count(
    encoded: *const vietref_encoded,
    count_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let e = unsafe { handle_ref(encoded) }?;
        let out = unsafe { out_arg(count_out) }?;
        out.write(e.encoded.losses.len());
        Ok(())
    })
}

/// Writes loss `index`: the 1-based character position (in the NFC text) to
/// `*position_out`, the character of the text (a code point) to `*character_out` and the
/// character written instead to `*written_out`. All three are written, or none.
/// `VIETREF_INDEX_OUT_OF_RANGE` when `index >= count`.
///
/// # Safety
/// `encoded` is a live `vietref_encoded`; the three out-pointers are writable.
#[no_mangle]
pub unsafe extern "C" fn vietref_encoded_loss(
    encoded: *const vietref_encoded,
    index: usize,
    position_out: *mut usize,
    character_out: *mut u32,
    written_out: *mut u32,
) -> vietref_status {
    ffi_boundary!({
        let e = unsafe { handle_ref(encoded) }?;
        let position = unsafe { out_arg(position_out) }?;
        let character = unsafe { out_arg(character_out) }?;
        let written = unsafe { out_arg(written_out) }?;
        let loss = e
            .encoded
            .losses
            .get(index)
            .ok_or(vietref_status::VIETREF_INDEX_OUT_OF_RANGE)?;
        position.write(loss.position);
        character.write(u32::from(loss.character));
        written.write(u32::from(loss.written));
        Ok(())
    })
}

/// Frees a `vietref_encoded`. NULL is accepted and does nothing.
///
/// # Safety
/// `encoded` is NULL or a live `vietref_encoded`, not used afterwards.
#[no_mangle]
pub unsafe extern "C" fn vietref_encoded_free(encoded: *mut vietref_encoded) {
    ffi_boundary!(on_panic = (); { unsafe { free_handle(encoded) } })
}

/// What `vietref_legacy_detect` found: the encoding, a confidence, whether the sample is
/// ambiguous, the other encodings that decode it, and the decoded text. Free with
/// `vietref_detection_free`.
///
/// Thread safety: immutable; any number of threads may read it at the same time.
pub struct vietref_detection {
    detection: Detection,
}

/// A fraction 0..=1 as per-mille 0..=1000, rounded.
fn per_mille(x: f32) -> u32 {
    // Clamped first, so the cast cannot saturate or see NaN (NaN clamps to NaN: map it to 0).
    let x = if x.is_nan() { 0.0 } else { x.clamp(0.0, 1.0) };
    (x * 1000.0).round() as u32
}

/// Detects the encoding of `len` bytes (any bytes) and writes a new `vietref_detection` to
/// `*detection_out`. Every candidate encoding (UTF-8, mojibake, TCVN3, VNI, VISCII,
/// Windows-1258, VPS, VIQR) reads the sample; the reading that parses best as Vietnamese
/// wins. Cost is bounded by the sample (at most 24 words with bytes that read differently
/// are scored). Never fails on any bytes: input that no encoding decodes comes back with
/// confidence 0.
///
/// # Safety
/// `bytes` is readable for `len` bytes (or NULL when `len` is 0); `detection_out` points to
/// a writable `vietref_detection *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_legacy_detect(
    bytes: *const u8,
    len: usize,
    detection_out: *mut *mut vietref_detection,
) -> vietref_status {
    ffi_boundary!({
        let bytes = unsafe { bytes_arg(bytes, len) }?;
        let out = unsafe { out_arg(detection_out) }?;
        let detection = legacy::detect(bytes);
        out.write(into_handle(vietref_detection { detection }));
        Ok(())
    })
}

/// `vietref_legacy_detect` with a `declared` encoding (from a file's metadata, a database
/// column, the user: a `VIETREF_ENCODING_*` value), which is used whenever it decodes the
/// bytes and reads no worse than 0.5 below the best candidate; it is overridden only when
/// it cannot decode them or reads badly while another reads well. The detection is then
/// never ambiguous. An unknown `declared` is `VIETREF_INVALID_ARGUMENT`.
///
/// # Safety
/// As `vietref_legacy_detect`.
#[no_mangle]
pub unsafe extern "C" fn vietref_legacy_detect_declared(
    bytes: *const u8,
    len: usize,
    declared: u32,
    detection_out: *mut *mut vietref_detection,
) -> vietref_status {
    ffi_boundary!({
        let bytes = unsafe { bytes_arg(bytes, len) }?;
        let declared = encoding(declared)?;
        let out = unsafe { out_arg(detection_out) }?;
        let detection = legacy::detect_with_declared(bytes, Some(declared));
        out.write(into_handle(vietref_detection { detection }));
        Ok(())
    })
}

/// Frees a `vietref_detection`. NULL is accepted and does nothing.
///
/// # Safety
/// `detection` is NULL or a live `vietref_detection`, not used afterwards.
#[no_mangle]
pub unsafe extern "C" fn vietref_detection_free(detection: *mut vietref_detection) {
    ffi_boundary!(on_panic = (); { unsafe { free_handle(detection) } })
}

/// Writes the detected encoding (a `VIETREF_ENCODING_*` value) to `*encoding_out`.
///
/// # Safety
/// `detection` is a live `vietref_detection`; `encoding_out` points to a writable
/// `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_detection_encoding(
    detection: *const vietref_detection,
    encoding_out: *mut u32,
) -> vietref_status {
    ffi_boundary!({
        let d = unsafe { handle_ref(detection) }?;
        let out = unsafe { out_arg(encoding_out) }?;
        out.write(d.detection.encoding as u32);
        Ok(())
    })
}

/// Writes the confidence that the text is the intended one, in per-mille (0–1000: an
/// integer, so that every binding reads it the same way) to `*per_mille_out`. Lowered when
/// another reading with different text comes close and when there is little evidence (one
/// word: at most 500); plain ASCII, which reads the same everywhere, is 1000.
///
/// # Safety
/// `detection` is a live `vietref_detection`; `per_mille_out` points to a writable
/// `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_detection_confidence(
    detection: *const vietref_detection,
    per_mille_out: *mut u32,
) -> vietref_status {
    ffi_boundary!({
        let d = unsafe { handle_ref(detection) }?;
        let out = unsafe { out_arg(per_mille_out) }?;
        out.write(per_mille(d.detection.confidence));
        Ok(())
    })
}

/// Writes 1 to `*ambiguous_out` when another reading with different text fits almost as
/// well (the text is then a guess: ask the user), 0 otherwise.
///
/// # Safety
/// `detection` is a live `vietref_detection`; `ambiguous_out` points to a writable
/// `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_detection_ambiguous(
    detection: *const vietref_detection,
    ambiguous_out: *mut u32,
) -> vietref_status {
    ffi_boundary!({
        let d = unsafe { handle_ref(detection) }?;
        let out = unsafe { out_arg(ambiguous_out) }?;
        out.write(u32::from(d.detection.ambiguous));
        Ok(())
    })
}

/// Writes the number of alternatives (the other encodings that decode the sample, best
/// first; also those that give the same text) to `*count_out`.
///
/// # Safety
/// `detection` is a live `vietref_detection`; `count_out` points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_detection_alternative_count(
    detection: *const vietref_detection,
    count_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let d = unsafe { handle_ref(detection) }?;
        let out = unsafe { out_arg(count_out) }?;
        out.write(d.detection.alternatives.len());
        Ok(())
    })
}

/// Writes alternative `index`: its encoding (`VIETREF_ENCODING_*`) to `*encoding_out` and
/// how well it reads as Vietnamese, in per-mille, to `*fit_per_mille_out`. Both are
/// written, or neither. `VIETREF_INDEX_OUT_OF_RANGE` when `index >= count`.
///
/// # Safety
/// `detection` is a live `vietref_detection`; both out-pointers point to writable
/// `uint32_t`s.
#[no_mangle]
pub unsafe extern "C" fn vietref_detection_alternative(
    detection: *const vietref_detection,
    index: usize,
    encoding_out: *mut u32,
    fit_per_mille_out: *mut u32,
) -> vietref_status {
    ffi_boundary!({
        let d = unsafe { handle_ref(detection) }?;
        let enc = unsafe { out_arg(encoding_out) }?;
        let fit = unsafe { out_arg(fit_per_mille_out) }?;
        let (e, f) = d
            .detection
            .alternatives
            .get(index)
            .ok_or(vietref_status::VIETREF_INDEX_OUT_OF_RANGE)?;
        enc.write(*e as u32);
        fit.write(per_mille(*f));
        Ok(())
    })
}

/// The sample decoded with the detected encoding (NFC UTF-8), as a new string owned by the
/// caller. Empty when no encoding decodes the bytes.
///
/// # Safety
/// `detection` is a live `vietref_detection`; `out` points to a writable
/// `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_detection_text(
    detection: *const vietref_detection,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({
        let d = unsafe { handle_ref(detection) }?;
        let out = unsafe { out_arg(out) }?;
        out.write_string(d.detection.text.clone());
        Ok(())
    })
}

/// `vietref_detection_text` into the caller's buffer.
///
/// # Safety
/// `detection` is a live `vietref_detection`; `buf` is writable for `cap` bytes (or NULL
/// when `cap` is 0); `len_out` points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_detection_text_buf(
    detection: *const vietref_detection,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({
        let d = unsafe { handle_ref(detection) }?;
        let buf = unsafe { buf_arg(buf, cap, len_out) }?;
        buf.put(&d.detection.text)
    })
}

fn repair(text: &str) -> Result<String, vietref_status> {
    legacy::repair_mojibake(text).ok_or(vietref_status::VIETREF_NO_VALUE)
}

/// Repairs text that is UTF-8 read as Windows-1252 (`"Nguyá»…n Thuá»µ"` →
/// `"Nguyễn Thuỵ"`), as a new string owned by the caller (NFC). `VIETREF_NO_VALUE` when the
/// text is not such mojibake (ASCII, a character Windows-1252 does not have, or bytes that
/// do not form UTF-8 once restored): keep it as it is.
///
/// # Safety
/// `text` is readable for `text_len` bytes (or NULL when `text_len` is 0); `out` points to
/// a writable `vietref_string *`.
#[no_mangle]
pub unsafe extern "C" fn vietref_legacy_repair_mojibake(
    text: *const c_char,
    text_len: usize,
    out: *mut *mut vietref_string,
) -> vietref_status {
    ffi_boundary!({ unsafe { text_to_string(text, text_len, out, repair) } })
}

/// `vietref_legacy_repair_mojibake` into the caller's buffer.
///
/// # Safety
/// `text` is readable for `text_len` bytes (or NULL when `text_len` is 0); `buf` is
/// writable for `cap` bytes (or NULL when `cap` is 0); `len_out` points to a writable
/// `size_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_legacy_repair_mojibake_buf(
    text: *const c_char,
    text_len: usize,
    buf: *mut c_char,
    cap: usize,
    len_out: *mut usize,
) -> vietref_status {
    ffi_boundary!({ unsafe { text_to_buf(text, text_len, buf, cap, len_out, repair) } })
}

/// NUL-terminated names, in `Encoding::ALL` order (checked by a unit test).
const NAMES: [&str; 8] = [
    "utf8\0",
    "tcvn3\0",
    "vni\0",
    "viscii\0",
    "vps\0",
    "cp1258\0",
    "viqr\0",
    "utf8-as-cp1252\0",
];

/// The name of an encoding (`"tcvn3"`, `"vni"`, `"viscii"`, `"vps"`, `"cp1258"`, `"viqr"`,
/// `"utf8"`, `"utf8-as-cp1252"`: the CLI's and the JSON's): a static NUL-terminated string;
/// do not free it. NULL for a number that is not a `VIETREF_ENCODING_*` value.
#[no_mangle]
pub extern "C" fn vietref_legacy_encoding_name(encoding: u32) -> *const c_char {
    ffi_boundary!(on_panic = std::ptr::null(); {
        usize::try_from(encoding)
            .ok()
            .and_then(|i| NAMES.get(i))
            .map_or(std::ptr::null(), |n| n.as_ptr().cast())
    })
}

/// Writes the `VIETREF_ENCODING_*` value named `name` to `*encoding_out`: the names of
/// `vietref_legacy_encoding_name` and common aliases (`abc`, `vni-win`, `windows-1258`,
/// `utf-8`, `mojibake`), any case. `VIETREF_NO_VALUE` for an unknown name.
///
/// # Safety
/// `name` is readable for `name_len` bytes (or NULL when `name_len` is 0); `encoding_out`
/// points to a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn vietref_legacy_encoding_from_name(
    name: *const c_char,
    name_len: usize,
    encoding_out: *mut u32,
) -> vietref_status {
    ffi_boundary!({
        let name = unsafe { text_arg(name, name_len) }?;
        let out = unsafe { out_arg(encoding_out) }?;
        let enc: Encoding = name.parse().map_err(|_| vietref_status::VIETREF_NO_VALUE)?;
        out.write(enc as u32);
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_rust_names() {
        for e in Encoding::ALL {
            let n = NAMES[e as usize];
            assert_eq!(n.strip_suffix('\0'), Some(e.name()));
        }
        assert!(vietref_legacy_encoding_name(8).is_null());
        assert!(vietref_legacy_encoding_name(u32::MAX).is_null());
    }

    #[test]
    fn per_mille_rounds_and_clamps() {
        assert_eq!(per_mille(0.9375), 938);
        assert_eq!(per_mille(1.5), 1000);
        assert_eq!(per_mille(-1.0), 0);
        assert_eq!(per_mille(f32::NAN), 0);
    }
}
