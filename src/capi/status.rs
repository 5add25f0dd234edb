//! Status codes: what every fallible C function returns.
//!
//! The numbers are stable and never reused. They are grouped by area so that a new area
//! can append its own statuses without renumbering anything:
//!
//! | range | area |
//! |---|---|
//! | 0 | success |
//! | 1–99 | generic: arguments, UTF-8, buffers, panics |
//! | 100–199 | text |
//! | 200–299 | payment message |
//! | 300–399 | references |
//! | 400–499 | memo (none yet) |
//! | 500–599 | VietQR |
//! | 600–699 | legacy encodings |
//! | 700–799 | reconciliation |
//!
//! To add a status: add a variant with the next free number of its area to
//! [`vietref_status`], add it to [`vietref_status::ALL`] and give it a name and both
//! messages in `vietref_status::texts`; the unit tests and `tests/capi_header.rs` check the
//! rest (uniqueness, the header, the table in docs/reference/c-abi.md).

use std::ffi::c_char;

/// Outcome of a call: `VIETREF_OK` (0) or the reason nothing was written.
///
/// In C this is a `uint32_t`; compare it with the `VIETREF_*` constants below. The numbers
/// are stable across versions and never reused; they are grouped by area (1–99 generic,
/// 100–199 text, 200–299 message, 300–399 references, 400–499 memo, 500–599 VietQR,
/// 600–699 legacy encodings, 700–799 reconciliation). `vietref_status_name` and `vietref_status_message`
/// describe any status.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum vietref_status {
    /// Success: the out-parameters were written.
    VIETREF_OK = 0,
    /// A pointer argument was NULL where a value is required (including a text pointer
    /// that is NULL with a non-zero length).
    VIETREF_NULL_ARGUMENT = 1,
    /// A text argument is not valid UTF-8.
    VIETREF_INVALID_UTF8 = 2,
    /// The caller's buffer is too small. Only `*len_out` was written: the number of bytes
    /// the buffer must hold. Nothing was truncated.
    VIETREF_INSUFFICIENT_SIZE = 3,
    /// vietref panicked (a bug): the panic was caught at the boundary and nothing was
    /// written. Handles passed to the call may only be freed afterwards.
    VIETREF_PANIC = 4,
    /// An integer argument has a value outside its documented set (an unknown tone style
    /// or language constant), or a length exceeds `PTRDIFF_MAX`.
    VIETREF_INVALID_ARGUMENT = 5,
    /// A finding index is not below the report's count.
    VIETREF_INDEX_OUT_OF_RANGE = 6,
    /// The asked-for optional value is absent: a finding without a position or
    /// character, or the cleaned value of a report that holds an error finding.
    VIETREF_NO_VALUE = 7,
    /// An internal step that cannot fail did fail (a bug; please report it).
    VIETREF_INTERNAL_ERROR = 8,
    /// The handle holds another kind of value than the call needs: a report of a name
    /// check passed where a VietQR report is expected, or a cleaned value that is not text
    /// asked for as text.
    VIETREF_WRONG_KIND = 9,
    /// Text: the name has error findings, so it has no display form
    /// (`vietref_text_check` lists them).
    VIETREF_TEXT_NAME_INVALID = 100,
    /// Message: the JSON is malformed or not a message object (fields must be strings,
    /// `amount` a number or a string).
    VIETREF_MESSAGE_JSON_INVALID = 200,
    /// Reference: nothing is left once separators are removed.
    VIETREF_REF_EMPTY = 300,
    /// Reference: a character this kind of reference cannot hold
    /// (`vietref_ref_validate_message` names it and its position).
    VIETREF_REF_INVALID_CHAR = 301,
    /// Reference: the wrong number of characters (separators not counted).
    VIETREF_REF_INVALID_LENGTH = 302,
    /// Reference: the value does not start the way this kind must (an RF reference with
    /// `RF`).
    VIETREF_REF_INVALID_PREFIX = 303,
    /// Reference: a part is invalid (a payment code's prefix, an e-invoice's series or
    /// year, a tax code's province or branch, ...).
    VIETREF_REF_INVALID_PART = 304,
    /// Reference: the check digits do not match (a typing error?).
    VIETREF_REF_INVALID_CHECKSUM = 305,
    /// Reference: a payment-code scheme list is not `PREFIX:LENGTH` items (2–5 letters
    /// without O, I, L; 6–12 digits) separated by commas or spaces.
    VIETREF_REF_SCHEMES_INVALID = 306,
    /// VietQR: the JSON is malformed, not a VietQR object (`bankBin` and `accountNumber`
    /// are required, values must be strings), or names a `bank` the registry does not know.
    VIETREF_VIETQR_JSON_INVALID = 500,
    /// Legacy encodings: a byte the encoding does not define (Windows-1258 0x81, ...);
    /// `vietref_legacy_decode_error` says where.
    VIETREF_LEGACY_UNDEFINED_BYTE = 600,
    /// Legacy encodings: bytes decoded as UTF-8 (or as UTF-8 read as Windows-1252) are not
    /// UTF-8. (`VIETREF_INVALID_UTF8` is about text arguments; this is about the data.)
    VIETREF_LEGACY_INVALID_UTF8 = 601,
    /// Legacy encodings: a byte above 0x7F in VIQR, which is 7-bit ASCII.
    VIETREF_LEGACY_NOT_SEVEN_BIT = 602,
    /// Legacy encodings: the text is not UTF-8 that was read as Windows-1252.
    VIETREF_LEGACY_NOT_MOJIBAKE = 603,
    /// Legacy encodings: the encoding has no bytes for a character of the text;
    /// `vietref_legacy_encode_error` names it.
    VIETREF_LEGACY_UNENCODABLE = 604,
    /// Legacy encodings: an upper-case toned letter in TCVN3, which has none (the option
    /// `VIETREF_LEGACY_TCVN3_LOWER_CASE` writes the lower-case letter and reports it).
    VIETREF_LEGACY_TCVN3_CAPITAL = 605,
    /// Reconciliation: a statement line's amount is 0 or has more than 13 digits.
    VIETREF_RECONCILE_AMOUNT_INVALID = 700,
}

/// A status's constant name, English message and Vietnamese message.
struct StatusTexts {
    name: &'static str,
    en: &'static str,
    vi: &'static str,
}

impl vietref_status {
    /// Every status, in number order.
    pub const ALL: &'static [vietref_status] = &[
        vietref_status::VIETREF_OK,
        vietref_status::VIETREF_NULL_ARGUMENT,
        vietref_status::VIETREF_INVALID_UTF8,
        vietref_status::VIETREF_INSUFFICIENT_SIZE,
        vietref_status::VIETREF_PANIC,
        vietref_status::VIETREF_INVALID_ARGUMENT,
        vietref_status::VIETREF_INDEX_OUT_OF_RANGE,
        vietref_status::VIETREF_NO_VALUE,
        vietref_status::VIETREF_INTERNAL_ERROR,
        vietref_status::VIETREF_WRONG_KIND,
        vietref_status::VIETREF_TEXT_NAME_INVALID,
        vietref_status::VIETREF_MESSAGE_JSON_INVALID,
        vietref_status::VIETREF_REF_EMPTY,
        vietref_status::VIETREF_REF_INVALID_CHAR,
        vietref_status::VIETREF_REF_INVALID_LENGTH,
        vietref_status::VIETREF_REF_INVALID_PREFIX,
        vietref_status::VIETREF_REF_INVALID_PART,
        vietref_status::VIETREF_REF_INVALID_CHECKSUM,
        vietref_status::VIETREF_REF_SCHEMES_INVALID,
        vietref_status::VIETREF_VIETQR_JSON_INVALID,
        vietref_status::VIETREF_LEGACY_UNDEFINED_BYTE,
        vietref_status::VIETREF_LEGACY_INVALID_UTF8,
        vietref_status::VIETREF_LEGACY_NOT_SEVEN_BIT,
        vietref_status::VIETREF_LEGACY_NOT_MOJIBAKE,
        vietref_status::VIETREF_LEGACY_UNENCODABLE,
        vietref_status::VIETREF_LEGACY_TCVN3_CAPITAL,
        vietref_status::VIETREF_RECONCILE_AMOUNT_INVALID,
    ];

    /// The status with this number, if there is one.
    pub fn from_number(n: u32) -> Option<vietref_status> {
        Self::ALL.iter().copied().find(|s| *s as u32 == n)
    }

    /// The stable number.
    pub fn number(self) -> u32 {
        self as u32
    }

    // NUL-terminated, because C receives them as `const char *`.
    fn texts(self) -> StatusTexts {
        use vietref_status::*;
        let (name, en, vi) = match self {
            VIETREF_OK => ("VIETREF_OK\0", "success\0", "thành công\0"),
            VIETREF_NULL_ARGUMENT => (
                "VIETREF_NULL_ARGUMENT\0",
                "a required pointer argument is NULL\0",
                "một tham số con trỏ bắt buộc đang là NULL\0",
            ),
            VIETREF_INVALID_UTF8 => (
                "VIETREF_INVALID_UTF8\0",
                "a text argument is not valid UTF-8\0",
                "một tham số văn bản không phải UTF-8 hợp lệ\0",
            ),
            VIETREF_INSUFFICIENT_SIZE => (
                "VIETREF_INSUFFICIENT_SIZE\0",
                "the buffer is too small; the needed length was written to len_out\0",
                "bộ đệm quá nhỏ; độ dài cần thiết đã được ghi vào len_out\0",
            ),
            VIETREF_PANIC => (
                "VIETREF_PANIC\0",
                "internal panic caught at the library boundary (a bug in vietref)\0",
                "lỗi nghiêm trọng bên trong thư viện đã được chặn tại ranh giới (lỗi của vietref)\0",
            ),
            VIETREF_INVALID_ARGUMENT => (
                "VIETREF_INVALID_ARGUMENT\0",
                "an argument has a value outside its documented set\0",
                "một tham số có giá trị nằm ngoài tập giá trị cho phép\0",
            ),
            VIETREF_INDEX_OUT_OF_RANGE => (
                "VIETREF_INDEX_OUT_OF_RANGE\0",
                "the finding index is out of range\0",
                "chỉ số phát hiện nằm ngoài phạm vi\0",
            ),
            VIETREF_NO_VALUE => (
                "VIETREF_NO_VALUE\0",
                "the requested value is absent\0",
                "giá trị được yêu cầu không có\0",
            ),
            VIETREF_INTERNAL_ERROR => (
                "VIETREF_INTERNAL_ERROR\0",
                "internal error (a bug in vietref)\0",
                "lỗi nội bộ (lỗi của vietref)\0",
            ),
            VIETREF_WRONG_KIND => (
                "VIETREF_WRONG_KIND\0",
                "the handle holds another kind of value than this call needs\0",
                "đối tượng chứa loại giá trị khác với loại mà lệnh gọi này cần\0",
            ),
            VIETREF_TEXT_NAME_INVALID => (
                "VIETREF_TEXT_NAME_INVALID\0",
                "the name is not valid; check it for the findings\0",
                "họ tên không hợp lệ; hãy kiểm tra để xem các phát hiện\0",
            ),
            VIETREF_MESSAGE_JSON_INVALID => (
                "VIETREF_MESSAGE_JSON_INVALID\0",
                "the JSON is malformed or is not a payment message object\0",
                "JSON bị lỗi cú pháp hoặc không phải đối tượng thông tin thanh toán\0",
            ),
            VIETREF_REF_EMPTY => (
                "VIETREF_REF_EMPTY\0",
                "the reference is empty\0",
                "mã tham chiếu đang để trống\0",
            ),
            VIETREF_REF_INVALID_CHAR => (
                "VIETREF_REF_INVALID_CHAR\0",
                "the reference holds a character it cannot hold\0",
                "mã tham chiếu chứa ký tự không được phép\0",
            ),
            VIETREF_REF_INVALID_LENGTH => (
                "VIETREF_REF_INVALID_LENGTH\0",
                "the reference has the wrong number of characters\0",
                "mã tham chiếu có số ký tự không đúng\0",
            ),
            VIETREF_REF_INVALID_PREFIX => (
                "VIETREF_REF_INVALID_PREFIX\0",
                "the reference does not start as this kind must\0",
                "mã tham chiếu không bắt đầu đúng như loại mã này yêu cầu\0",
            ),
            VIETREF_REF_INVALID_PART => (
                "VIETREF_REF_INVALID_PART\0",
                "a part of the reference is invalid\0",
                "một phần của mã tham chiếu không hợp lệ\0",
            ),
            VIETREF_REF_INVALID_CHECKSUM => (
                "VIETREF_REF_INVALID_CHECKSUM\0",
                "the check digits of the reference do not match\0",
                "chữ số kiểm tra của mã tham chiếu không khớp\0",
            ),
            VIETREF_REF_SCHEMES_INVALID => (
                "VIETREF_REF_SCHEMES_INVALID\0",
                "a payment-code scheme is not PREFIX:LENGTH\0",
                "sơ đồ mã thanh toán không có dạng TIỀNTỐ:ĐỘDÀI\0",
            ),
            VIETREF_VIETQR_JSON_INVALID => (
                "VIETREF_VIETQR_JSON_INVALID\0",
                "the JSON is malformed, is not a VietQR object or names an unknown bank\0",
                "JSON bị lỗi cú pháp, không phải đối tượng VietQR hoặc ghi tên ngân hàng không có trong danh sách\0",
            ),
            VIETREF_LEGACY_UNDEFINED_BYTE => (
                "VIETREF_LEGACY_UNDEFINED_BYTE\0",
                "a byte is not defined in the encoding\0",
                "một byte không được định nghĩa trong bảng mã\0",
            ),
            VIETREF_LEGACY_INVALID_UTF8 => (
                "VIETREF_LEGACY_INVALID_UTF8\0",
                "the bytes are not valid UTF-8\0",
                "dãy byte không phải UTF-8 hợp lệ\0",
            ),
            VIETREF_LEGACY_NOT_SEVEN_BIT => (
                "VIETREF_LEGACY_NOT_SEVEN_BIT\0",
                "a byte above 0x7F cannot occur in VIQR\0",
                "byte lớn hơn 0x7F không thể có trong VIQR\0",
            ),
            VIETREF_LEGACY_NOT_MOJIBAKE => (
                "VIETREF_LEGACY_NOT_MOJIBAKE\0",
                "the text is not UTF-8 that was read as Windows-1252\0",
                "văn bản không phải UTF-8 bị đọc nhầm thành Windows-1252\0",
            ),
            VIETREF_LEGACY_UNENCODABLE => (
                "VIETREF_LEGACY_UNENCODABLE\0",
                "a character cannot be written in the encoding\0",
                "một ký tự không thể ghi trong bảng mã này\0",
            ),
            VIETREF_LEGACY_TCVN3_CAPITAL => (
                "VIETREF_LEGACY_TCVN3_CAPITAL\0",
                "TCVN3 has no upper-case toned letters\0",
                "TCVN3 không có chữ hoa mang dấu thanh\0",
            ),
            VIETREF_RECONCILE_AMOUNT_INVALID => (
                "VIETREF_RECONCILE_AMOUNT_INVALID\0",
                "the amount is 0 or has more than 13 digits\0",
                "số tiền bằng 0 hoặc có hơn 13 chữ số\0",
            ),
        };
        StatusTexts { name, en, vi }
    }

    /// The constant's name, like `VIETREF_NULL_ARGUMENT`.
    pub fn name(self) -> &'static str {
        strip_nul(self.texts().name)
    }

    /// The English description.
    pub fn message_en(self) -> &'static str {
        strip_nul(self.texts().en)
    }

    /// The Vietnamese description.
    pub fn message_vi(self) -> &'static str {
        strip_nul(self.texts().vi)
    }

    pub(crate) fn name_c(self) -> *const c_char {
        self.texts().name.as_ptr().cast()
    }

    pub(crate) fn message_c(self, lang: super::Lang) -> *const c_char {
        let t = self.texts();
        match lang {
            super::Lang::En => t.en.as_ptr().cast(),
            super::Lang::Vi => t.vi.as_ptr().cast(),
        }
    }
}

fn strip_nul(s: &'static str) -> &'static str {
    s.strip_suffix('\0').unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn numbers_names_and_messages_are_unique_and_complete() {
        let nums: HashSet<u32> = vietref_status::ALL.iter().map(|s| s.number()).collect();
        assert_eq!(nums.len(), vietref_status::ALL.len());
        let names: HashSet<&str> = vietref_status::ALL.iter().map(|s| s.name()).collect();
        assert_eq!(names.len(), vietref_status::ALL.len());
        for s in vietref_status::ALL {
            let t = s.texts();
            for text in [t.name, t.en, t.vi] {
                assert!(text.ends_with('\0'), "{text:?} must be NUL-terminated");
                assert_eq!(text.matches('\0').count(), 1, "{text:?}");
            }
            assert!(s.name().starts_with("VIETREF_"));
            assert_ne!(s.message_en(), s.message_vi());
            assert_eq!(vietref_status::from_number(s.number()), Some(*s));
        }
        // ALL is in number order.
        assert!(vietref_status::ALL
            .windows(2)
            .all(|w| w[0].number() < w[1].number()));
    }

    #[test]
    fn areas() {
        for s in vietref_status::ALL {
            let n = s.number();
            let area = match n {
                0 => "ok",
                1..=99 => "generic",
                100..=199 => "text",
                200..=299 => "message",
                300..=399 => "ref",
                500..=599 => "vietqr",
                600..=699 => "legacy",
                700..=799 => "reconcile",
                _ => panic!("{n} is outside the areas in use"),
            };
            match area {
                "text" => assert!(s.name().starts_with("VIETREF_TEXT_")),
                "message" => assert!(s.name().starts_with("VIETREF_MESSAGE_")),
                "vietqr" => assert!(s.name().starts_with("VIETREF_VIETQR_")),
                "ref" => assert!(s.name().starts_with("VIETREF_REF_")),
                "legacy" => assert!(s.name().starts_with("VIETREF_LEGACY_")),
                "reconcile" => assert!(s.name().starts_with("VIETREF_RECONCILE_")),
                _ => {}
            }
        }
        assert_eq!(vietref_status::from_number(9999), None);
    }
}
