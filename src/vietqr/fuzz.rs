//! Pure entry points for fuzz targets and property tests: each takes arbitrary input, never
//! panics, and returns `Err` with a description when an invariant of the VietQR codec does
//! not hold. A fuzz target is `fuzz_target!(|d: &[u8]| vietqr::fuzz::decode(d).unwrap())`.

use super::{decode as decode_payload, encode, Mode};
use crate::finding::has_error;

/// Decodes `data` (when it is UTF-8) in both modes and checks:
/// - a report has a value exactly when it has no error finding;
/// - a strictly valid payload is also leniently valid, to the same value, with no repair;
/// - [`super::decode_fields`] gives [`super::decode`]'s report and fields cut from the
///   payload;
/// - a valid value with ASCII text encodes, and the encoding decodes strictly to the same
///   value (CRC aside), and encoding that value again gives the same payload.
pub fn decode(data: &[u8]) -> Result<(), String> {
    let Ok(s) = std::str::from_utf8(data) else {
        return Ok(());
    };
    let strict = decode_payload(s, Mode::Strict);
    let lenient = decode_payload(s, Mode::Lenient);
    for (name, r) in [("strict", &strict), ("lenient", &lenient)] {
        if r.cleaned.is_some() == has_error(&r.findings) {
            return Err(format!(
                "{name}: value present = {} but errors = {:?}",
                r.cleaned.is_some(),
                r.findings
            ));
        }
    }
    // What lenient decoding shows of an invalid code: decode's report, and fields that are
    // pieces of the payload.
    let shown = super::decode_fields(s, Mode::Lenient);
    if shown.report != lenient {
        return Err("decode_fields gives another report than decode".into());
    }
    if let Some((k, v)) = shown.fields.iter().find(|(_, v)| !s.contains(**v)) {
        return Err(format!("field {k} = {v:?} is not in the payload"));
    }
    if let Some(q) = &strict.cleaned {
        if lenient.cleaned.as_ref() != Some(q) {
            return Err(format!(
                "strict value {q:?} but lenient {:?}",
                lenient.cleaned
            ));
        }
    }
    let Some(q) = &lenient.cleaned else {
        return Ok(());
    };
    let Ok(payload) = encode(q) else {
        // Only non-ASCII text may stop a decoded value from being written.
        if s.is_ascii() {
            return Err(format!("decoded ASCII value does not encode: {q:?}"));
        }
        return Ok(());
    };
    let again = decode_payload(&payload, Mode::Strict);
    let Some(mut back) = again.cleaned else {
        return Err(format!(
            "encoding {payload:?} does not decode: {:?}",
            again.findings
        ));
    };
    let mut expected = q.clone();
    expected.crc = None;
    back.crc = None;
    if back != expected {
        return Err(format!(
            "round trip changed the value: {expected:?} -> {back:?}"
        ));
    }
    match encode(&back) {
        Ok(p) if p == payload => Ok(()),
        other => Err(format!(
            "encoding is not stable: {payload:?} then {other:?}"
        )),
    }
}
