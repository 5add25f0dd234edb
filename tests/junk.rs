//! The junk corpus (python-stdnum's robustness test is the model): every public function
//! gets junk, nothing panics, and nothing junk is accepted as a valid value.

use vietref::text::{self, ToneStyle};
use vietref::MessageDraft;

/// Junk as bytes; `&str` APIs get their lossy UTF-8 reading.
pub fn junk() -> Vec<Vec<u8>> {
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
        let c = char::from_u32(c).unwrap();
        if !vietref::text::chars::is_space_like(c) {
            v.push(format!("A{c}n").into_bytes());
        }
    }
    v
}

#[test]
fn text_functions_survive_junk_and_refuse_it_as_names() {
    for j in junk() {
        let s = String::from_utf8_lossy(&j);
        let r = text::check_name(&s, "payerName");
        assert!(!r.is_valid(), "junk accepted as a name: {:?}", truncate(&s));
        assert!(r.errors().next().is_some());
        let _ = text::check_text(&s, "reason");
        let f = text::fold(&s);
        assert!(f
            .bytes()
            .all(|b| b == b' ' || b.is_ascii_uppercase() || b.is_ascii_digit()));
        let _ = text::key(&s);
        let _ = text::retone(&s, ToneStyle::MainVowel);
        let _ = text::display_case(&s);
        let _ = text::skeleton(&s);
        let _ = text::looks_like(&s, "Nguyễn");
        let _ = text::compare_payee_name(&s, "Bệnh viện Đà Nẵng");
        for w in s.split(' ').take(1000) {
            let _ = text::syllable::parse(w);
        }
    }
}

#[test]
fn messages_refuse_junk_in_every_field() {
    for j in junk() {
        let s = String::from_utf8_lossy(&j).into_owned();
        for field in 0..5 {
            let mut d = MessageDraft {
                sector: Some("education".into()),
                payer_name: Some("Nguyễn Văn An".into()),
                beneficiary_name: Some("Nguyễn Thị Bình".into()),
                reason: Some("Học phí".into()),
                invoice: Some("HP1".into()),
                amount: Some(serde_json::json!(1000)),
            };
            match field {
                0 => d.sector = Some(s.clone()),
                1 => d.payer_name = Some(s.clone()),
                2 => d.beneficiary_name = Some(s.clone()),
                3 => d.invoice = Some(s.clone()),
                _ => d.amount = Some(serde_json::Value::String(s.clone())),
            }
            let r = d.validate();
            // An empty beneficiary is "none given", which education refuses too.
            assert!(
                !r.is_valid(),
                "junk accepted in field {field}: {:?}",
                truncate(&s)
            );
        }
        let _ = vietref::PaymentMessage::validate_json(&s);
    }
}

#[test]
fn reasons_refuse_junk_that_is_not_text() {
    for j in junk() {
        let s = String::from_utf8_lossy(&j);
        let r = vietref::message::Reason::parse(&s, "reason");
        let printable = !s.trim().is_empty()
            && s.chars().count() <= vietref::message::REASON_MAX_CHARS
            && s.chars().all(|c| {
                (vietref::text::chars::is_space_like(c) || !c.is_control())
                    && !vietref::text::is_format_or_invisible(c)
                    && c != '\u{FFFF}'
                    && c != '\u{FDD0}'
                    && c != '\u{10FFFF}'
                    && c != '\u{E0041}'
                    && c != '\u{FE0F}'
                    && c != '\u{034F}'
                    && c != '\u{3164}'
                    && c != '\u{FFA0}'
                    && c != '\u{115F}'
                    && c != '\u{1160}'
                    && c != '\u{00AD}'
            });
        if !printable {
            assert!(!r.is_valid(), "junk reason accepted: {:?}", truncate(&s));
        }
    }
}

fn truncate(s: &str) -> String {
    s.chars().take(40).collect()
}

#[test]
fn compatibility_letters_are_folded_with_a_warning_not_refused() {
    // Mathematical bold and full-width letters are the same letters (NFKC), so a name
    // written in them is accepted, and the folding is reported.
    for s in ["𝐍𝐠𝐮𝐲𝐞𝐧", "Ｎｇｕｙｅｎ"] {
        let r = text::check_name(s, "payerName");
        assert_eq!(r.cleaned.as_deref(), Some("Nguyen"));
        assert!(r
            .findings
            .iter()
            .any(|f| f.code == vietref::Code::TextCompatibilityFolded));
    }
}
