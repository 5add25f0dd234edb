//! The junk corpus, shared by tests/junk.rs (the Rust API) and tests/capi_junk.rs (the C
//! ABI): empty and blank input, NUL bytes, every control character, the UTF-8 forms of lone
//! surrogates, overlong encodings, invalid bytes, bidi controls and invisible characters,
//! Hangul fillers, tags and noncharacters, deeply repeated combining marks, 1 MB strings,
//! mixed-script lookalikes and injection-looking punctuation. None of it is an acceptable
//! name, code, payload or amount.

use std::borrow::Cow;
use std::sync::OnceLock;

/// Junk as bytes; `&str` APIs get their lossy UTF-8 reading ([`as_text`]).
pub fn junk() -> &'static [Vec<u8>] {
    static CORPUS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    CORPUS.get_or_init(build)
}

fn build() -> Vec<Vec<u8>> {
    let mut v: Vec<Vec<u8>> = vec![
        b"".to_vec(),
        b" ".to_vec(),
        b"\t\n\r  \x0b\x0c".to_vec(),
        b"\0".to_vec(),
        b"abc\0def".to_vec(),
        b"\xed\xa0\x80".to_vec(), // a lone surrogate's UTF-8 form
        b"\xed\xbf\xbf\xed\xa0\x80".to_vec(),
        b"\xc0\xaf".to_vec(),     // overlong '/'
        b"\xe0\x80\xaf".to_vec(), // overlong, 3 bytes
        b"\xf8\x88\x80\x80\x80".to_vec(),
        b"\xff\xfe\xfd".to_vec(),
        "\u{202E}\u{2066}abc\u{2069}".as_bytes().to_vec(),
        "\u{200B}\u{200C}\u{200D}\u{FEFF}\u{00AD}\u{034F}"
            .as_bytes()
            .to_vec(),
        "\u{3164}\u{FFA0}\u{115F}\u{1160}".as_bytes().to_vec(),
        "\u{E0041}\u{FE0F}".as_bytes().to_vec(),
        "\u{FFFF}\u{FDD0}\u{10FFFF}".as_bytes().to_vec(),
        format!("a{}", "\u{0301}".repeat(10_000)).into_bytes(),
        "\u{0301}\u{0323}".repeat(1000).into_bytes(),
        "Nguyễn ".repeat(150_000).into_bytes(), // ~1.2 MB
        vec![b'9'; 1 << 20],
        vec![b'a'; 1 << 20],
        "НОА Nguуễn".as_bytes().to_vec(),
        "\\u0000 {} [] \" ' ; -- DROP TABLE".as_bytes().to_vec(),
    ];
    // Every control character that is not whitespace (whitespace is normalized, not junk).
    for c in (0u32..0x20).chain([0x7f]).chain(0x80..0xA0) {
        let c = char::from_u32(c).unwrap_or_default();
        if !vietref::text::chars::is_space_like(c) {
            v.push(format!("A{c}n").into_bytes());
        }
    }
    v
}

/// The text a `&str` API gets for `j`: its lossy UTF-8 reading.
pub fn as_text(j: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(j)
}

/// The first 40 characters, for failure messages.
pub fn show(s: &str) -> String {
    let head: String = s.chars().take(40).collect();
    format!("{head:?} ({} bytes)", s.len())
}

/// Whether `s` is text a free-text field of `max` characters may carry as it is: printable
/// ASCII (space to `~`), not blank, and short enough. Only the injection-looking item of
/// the corpus is, for fields of 32 characters or more.
pub fn fits_free_text(s: &str, max: usize) -> bool {
    !s.trim().is_empty() && s.len() <= max && s.bytes().all(|b| (0x20..0x7F).contains(&b))
}
