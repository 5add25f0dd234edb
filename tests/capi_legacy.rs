//! The legacy-encoding functions of the C ABI called from Rust: each wrapper gives what the
//! Rust API it wraps gives, on arbitrary bytes and text; `_buf` twins give the owned bytes.

use proptest::prelude::*;
use std::ffi::c_char;
use std::ptr;
use vietref::capi::legacy::*;
use vietref::capi::string::*;
use vietref::capi::vietref_status::{self, *};
use vietref::capi::{vietref_detection, vietref_encoded, vietref_string};
use vietref::legacy::{
    self, DecodeErrorKind, EncodeErrorKind, EncodeOptions, Encoding, Tcvn3Capitals,
};

unsafe fn take(s: *mut vietref_string) -> Vec<u8> {
    let v = unsafe {
        std::slice::from_raw_parts(vietref_string_ptr(s).cast::<u8>(), vietref_string_len(s))
    }
    .to_vec();
    unsafe { vietref_string_free(s) };
    v
}

fn decode_status(k: DecodeErrorKind) -> vietref_status {
    match k {
        DecodeErrorKind::UndefinedByte => VIETREF_LEGACY_UNDEFINED_BYTE,
        DecodeErrorKind::InvalidUtf8 => VIETREF_LEGACY_INVALID_UTF8,
        DecodeErrorKind::NotSevenBit => VIETREF_LEGACY_NOT_SEVEN_BIT,
        DecodeErrorKind::NotMojibake => VIETREF_LEGACY_NOT_MOJIBAKE,
    }
}

fn encode_status(k: EncodeErrorKind) -> vietref_status {
    match k {
        EncodeErrorKind::Unencodable => VIETREF_LEGACY_UNENCODABLE,
        EncodeErrorKind::Tcvn3Capital => VIETREF_LEGACY_TCVN3_CAPITAL,
    }
}

fn check_decode(bytes: &[u8], enc: Encoding) {
    let n = enc as u32;
    let want = legacy::decode(bytes, enc);
    let mut s: *mut vietref_string = ptr::null_mut();
    let st = unsafe { vietref_legacy_decode(bytes.as_ptr(), bytes.len(), n, &mut s) };
    let mut buf = vec![0u8; bytes.len() * 4 + 8];
    let mut len = usize::MAX;
    let st2 = unsafe {
        vietref_legacy_decode_buf(
            bytes.as_ptr(),
            bytes.len(),
            n,
            buf.as_mut_ptr().cast(),
            buf.len(),
            &mut len,
        )
    };
    let mut e: *mut vietref_string = ptr::null_mut();
    let st3 = unsafe { vietref_legacy_decode_error(bytes.as_ptr(), bytes.len(), n, &mut e) };
    match want {
        Ok(text) => {
            assert_eq!(st, VIETREF_OK);
            assert_eq!(unsafe { take(s) }, text.as_bytes());
            assert_eq!(st2, VIETREF_OK);
            assert_eq!(&buf[..len], text.as_bytes());
            assert_eq!(st3, VIETREF_NO_VALUE);
        }
        Err(err) => {
            assert_eq!(st, decode_status(err.kind));
            assert!(s.is_null());
            assert_eq!(st2, st);
            assert_eq!(st3, VIETREF_OK);
            let j: serde_json::Value = serde_json::from_slice(&unsafe { take(e) }).unwrap();
            assert_eq!(j["offset"], err.offset);
            assert_eq!(j["line"], err.line);
            assert_eq!(j["byte"], serde_json::json!(err.byte));
            assert_eq!(j["message"], err.to_string());
        }
    }
}

fn opts(lower: bool) -> (u32, EncodeOptions) {
    if lower {
        (
            vietref_legacy_option::VIETREF_LEGACY_TCVN3_LOWER_CASE as u32,
            EncodeOptions {
                tcvn3_capitals: Tcvn3Capitals::LowerCase,
            },
        )
    } else {
        (0, EncodeOptions::default())
    }
}

fn check_encode(text: &str, enc: Encoding, lower: bool) {
    let (o, options) = opts(lower);
    let want = legacy::encode_with(text, enc, options);
    let mut e: *mut vietref_encoded = ptr::null_mut();
    let st =
        unsafe { vietref_legacy_encode(text.as_ptr().cast(), text.len(), enc as u32, o, &mut e) };
    let mut buf = vec![0u8; text.len() * 4 + 8];
    let mut len = usize::MAX;
    let st2 = unsafe {
        vietref_legacy_encode_buf(
            text.as_ptr().cast(),
            text.len(),
            enc as u32,
            o,
            buf.as_mut_ptr(),
            buf.len(),
            &mut len,
        )
    };
    let mut s: *mut vietref_string = ptr::null_mut();
    let st3 = unsafe {
        vietref_legacy_encode_error(text.as_ptr().cast(), text.len(), enc as u32, o, &mut s)
    };
    match want {
        Ok(encoded) => {
            assert_eq!(st, VIETREF_OK);
            let got = unsafe {
                std::slice::from_raw_parts(vietref_encoded_bytes(e), vietref_encoded_len(e))
            };
            assert_eq!(got, &encoded.bytes[..]);
            let mut n = usize::MAX;
            assert_eq!(unsafe { vietref_encoded_loss_count(e, &mut n) }, VIETREF_OK);
            assert_eq!(n, encoded.losses.len());
            for (i, l) in encoded.losses.iter().enumerate() {
                let (mut p, mut c, mut w) = (0usize, 0u32, 0u32);
                assert_eq!(
                    unsafe { vietref_encoded_loss(e, i, &mut p, &mut c, &mut w) },
                    VIETREF_OK
                );
                assert_eq!(
                    (p, c, w),
                    (l.position, u32::from(l.character), u32::from(l.written))
                );
            }
            unsafe { vietref_encoded_free(e) };
            assert_eq!(st2, VIETREF_OK);
            assert_eq!(&buf[..len], &encoded.bytes[..]);
            assert_eq!(st3, VIETREF_NO_VALUE);
        }
        Err(err) => {
            assert_eq!(st, encode_status(err.kind));
            assert!(e.is_null());
            assert_eq!(st2, st);
            assert_eq!(st3, VIETREF_OK);
            let j: serde_json::Value = serde_json::from_slice(&unsafe { take(s) }).unwrap();
            assert_eq!(j["position"], err.position);
            assert_eq!(j["line"], err.line);
            assert_eq!(j["codePoint"], u32::from(err.character));
            assert_eq!(j["message"], err.to_string());
        }
    }
}

fn check_detect(bytes: &[u8], declared: Option<Encoding>) {
    let want = legacy::detect_with_declared(bytes, declared);
    let mut d: *mut vietref_detection = ptr::null_mut();
    let st = unsafe {
        match declared {
            None => vietref_legacy_detect(bytes.as_ptr(), bytes.len(), &mut d),
            Some(e) => {
                vietref_legacy_detect_declared(bytes.as_ptr(), bytes.len(), e as u32, &mut d)
            }
        }
    };
    assert_eq!(st, VIETREF_OK);
    let per_mille = |x: f32| (x.clamp(0.0, 1.0) * 1000.0).round() as u32;
    unsafe {
        let (mut e, mut c, mut a, mut n) = (9u32, 9u32, 9u32, 9usize);
        assert_eq!(vietref_detection_encoding(d, &mut e), VIETREF_OK);
        assert_eq!(e, want.encoding as u32);
        assert_eq!(vietref_detection_confidence(d, &mut c), VIETREF_OK);
        assert_eq!(c, per_mille(want.confidence));
        assert_eq!(vietref_detection_ambiguous(d, &mut a), VIETREF_OK);
        assert_eq!(a, u32::from(want.ambiguous));
        assert_eq!(vietref_detection_alternative_count(d, &mut n), VIETREF_OK);
        assert_eq!(n, want.alternatives.len());
        for (i, (enc, fit)) in want.alternatives.iter().enumerate() {
            let (mut x, mut f) = (0u32, 0u32);
            assert_eq!(
                vietref_detection_alternative(d, i, &mut x, &mut f),
                VIETREF_OK
            );
            assert_eq!((x, f), (*enc as u32, per_mille(*fit)));
        }
        let mut s: *mut vietref_string = ptr::null_mut();
        assert_eq!(vietref_detection_text(d, &mut s), VIETREF_OK);
        assert_eq!(take(s), want.text.as_bytes());
        vietref_detection_free(d);
    }
}

fn encodings() -> impl Strategy<Value = Encoding> {
    prop::sample::select(Encoding::ALL.to_vec())
}

/// Vietnamese-looking text: letters with every mark, capitals, spaces, a few symbols.
fn vietnamese() -> impl Strategy<Value = String> {
    "[a-zA-ZàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĐÀÁẢÃẠÔỐỒƯỨ .,\n€Ж]{0,40}"
}

proptest! {
    #[test]
    fn decode_equals_rust_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..60), enc in encodings()) {
        check_decode(&bytes, enc);
    }

    #[test]
    fn encode_equals_rust(text in vietnamese(), enc in encodings(), lower in any::<bool>()) {
        check_encode(&text, enc, lower);
    }

    #[test]
    fn encode_then_decode_through_c_round_trips(text in vietnamese(), enc in encodings()) {
        let mut e: *mut vietref_encoded = ptr::null_mut();
        let st = unsafe { vietref_legacy_encode(text.as_ptr().cast(), text.len(), enc as u32, 0, &mut e) };
        if st == VIETREF_OK {
            let bytes = unsafe { std::slice::from_raw_parts(vietref_encoded_bytes(e), vietref_encoded_len(e)) }.to_vec();
            unsafe { vietref_encoded_free(e) };
            let mut s: *mut vietref_string = ptr::null_mut();
            prop_assert_eq!(unsafe { vietref_legacy_decode(bytes.as_ptr(), bytes.len(), enc as u32, &mut s) }, VIETREF_OK);
            let back = String::from_utf8(unsafe { take(s) }).unwrap();
            let nfc: String = unicode_normalization::UnicodeNormalization::nfc(text.as_str()).collect();
            prop_assert_eq!(back, nfc);
        }
    }

    #[test]
    fn detect_equals_rust_on_any_bytes(
        bytes in proptest::collection::vec(any::<u8>(), 0..60),
        declared in proptest::option::of(encodings()),
    ) {
        check_detect(&bytes, declared);
    }

    #[test]
    fn detect_equals_rust_on_encoded_text(text in vietnamese(), enc in encodings()) {
        if let Ok(bytes) = legacy::encode(&text, enc) {
            check_detect(&bytes, None);
        }
    }

    #[test]
    fn repair_and_names_equal_rust(text in "\\PC{0,30}") {
        let mut s: *mut vietref_string = ptr::null_mut();
        let st = unsafe { vietref_legacy_repair_mojibake(text.as_ptr().cast(), text.len(), &mut s) };
        match legacy::repair_mojibake(&text) {
            Some(r) => {
                prop_assert_eq!(st, VIETREF_OK);
                prop_assert_eq!(unsafe { take(s) }, r.into_bytes());
            }
            None => prop_assert_eq!(st, VIETREF_NO_VALUE),
        }
        let mut e = 99u32;
        let st = unsafe { vietref_legacy_encoding_from_name(text.as_ptr().cast(), text.len(), &mut e) };
        match text.parse::<Encoding>() {
            Ok(enc) => {
                prop_assert_eq!(st, VIETREF_OK);
                prop_assert_eq!(e, enc as u32);
            }
            Err(_) => prop_assert_eq!(st, VIETREF_NO_VALUE),
        }
    }
}

#[test]
fn mojibake_of_any_text_repairs_through_c() {
    // Text encoded as mojibake through C decodes back through the repair function.
    for text in ["Nguyễn Thuỵ", "Trương Tuệ Vân", "Đặng Thị Hồng"] {
        let mut e: *mut vietref_encoded = ptr::null_mut();
        let st = unsafe {
            vietref_legacy_encode(
                text.as_ptr().cast(),
                text.len(),
                Encoding::Utf8AsCp1252 as u32,
                0,
                &mut e,
            )
        };
        assert_eq!(st, VIETREF_OK);
        let bytes =
            unsafe { std::slice::from_raw_parts(vietref_encoded_bytes(e), vietref_encoded_len(e)) }
                .to_vec();
        unsafe { vietref_encoded_free(e) };
        let garbled = String::from_utf8(bytes).unwrap();
        let mut s: *mut vietref_string = ptr::null_mut();
        let st = unsafe {
            vietref_legacy_repair_mojibake(garbled.as_ptr().cast(), garbled.len(), &mut s)
        };
        assert_eq!(st, VIETREF_OK);
        assert_eq!(unsafe { take(s) }, text.as_bytes());
    }
    // Every name round-trips.
    for enc in Encoding::ALL {
        let p = vietref_legacy_encoding_name(enc as u32);
        let name = unsafe { std::ffi::CStr::from_ptr(p) }.to_str().unwrap();
        assert_eq!(name, enc.name());
        let mut back = 99u32;
        let st = unsafe {
            vietref_legacy_encoding_from_name(name.as_ptr().cast::<c_char>(), name.len(), &mut back)
        };
        assert_eq!((st, back), (VIETREF_OK, enc as u32));
    }
}

#[test]
fn detections_can_be_read_from_many_threads() {
    struct Shared(*const vietref_detection);
    // SAFETY (of the test): vietref_detection is documented immutable and shareable.
    unsafe impl Sync for Shared {}
    let bytes = b"Nguye\xe3n Va\xean \xd1\xf6\xf9c";
    let mut d: *mut vietref_detection = ptr::null_mut();
    assert_eq!(
        unsafe { vietref_legacy_detect(bytes.as_ptr(), bytes.len(), &mut d) },
        VIETREF_OK
    );
    let shared = Shared(d);
    std::thread::scope(|scope| {
        for _ in 0..4 {
            let shared = &shared;
            scope.spawn(move || {
                for _ in 0..200 {
                    let mut s: *mut vietref_string = ptr::null_mut();
                    assert_eq!(
                        unsafe { vietref_detection_text(shared.0, &mut s) },
                        VIETREF_OK
                    );
                    assert_eq!(unsafe { take(s) }, "Nguyễn Văn Đức".as_bytes());
                }
            });
        }
    });
    unsafe { vietref_detection_free(d) };
}
