//! Findings: what validation and normalization found, changed or refused.
//!
//! Every check in vietref reports through [`Finding`]s collected in a [`Report`]; nothing
//! stops at the first problem and nothing changes a user's data without a warning.
//!
//! A finding has a [`Severity`] (an error means the value cannot be used; a warning means
//! vietref changed or doubts the value), a field path (`payerName`, `invoice`,
//! `vietqr.62.08`), a stable [`Code`] with a string key (`name.digit`), parameters (position,
//! character, limit, detail) and a message in English and in Vietnamese built from the code.
//!
//! Codes are defined once, in the table below; the C header, the bindings and the
//! findings catalogue (docs/reference/findings.md) are derived from it. Keys are never renamed or reused; new codes are appended.
//!
//! # Example
//!
//! ```
//! use vietref::{Finding, Severity};
//!
//! let report = vietref::text::check_name("Nguyễn Văn 2", "payerName");
//! assert!(!report.is_valid());
//! let f: &Finding = &report.findings[0];
//! assert_eq!(f.severity, Severity::Error);
//! assert_eq!(f.field, "payerName");
//! assert_eq!(f.code.key(), "name.digit");
//! println!("{} / {}", f.message_en(), f.message_vi());
//! ```

use serde::{Serialize, Serializer};
use std::fmt;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// vietref changed the value (and says how) or doubts it; the value is usable.
    Warning,
    /// The value cannot be used as given.
    Error,
}

impl Severity {
    /// `"error"` or `"warning"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $num:literal, $key:literal, $sev:ident, $en:literal, $vi:literal; )*) => {
        /// A stable finding code. [`Code::key`] is the string used in JSON, the C ABI and the
        /// bindings; [`Code::number`] is a stable integer for the C ABI. Neither is ever reused.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[$doc])* $variant, )*
        }

        impl Code {
            /// Every code, in table order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The stable string key, like `name.digit`.
            pub fn key(self) -> &'static str {
                match self { $(Code::$variant => $key,)* }
            }

            /// The stable number of the code (for the C ABI).
            pub fn number(self) -> u32 {
                match self { $(Code::$variant => $num,)* }
            }

            /// The severity a finding with this code always has.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$sev,)* }
            }

            /// The English message template (placeholders `{char}`, `{pos}`, `{limit}`, `{detail}`).
            pub fn template_en(self) -> &'static str {
                match self { $(Code::$variant => $en,)* }
            }

            /// The Vietnamese message template (same placeholders as the English one).
            pub fn template_vi(self) -> &'static str {
                match self { $(Code::$variant => $vi,)* }
            }

            /// Looks a code up by its key.
            pub fn from_key(key: &str) -> Option<Code> {
                match key { $($key => Some(Code::$variant),)* _ => None }
            }
        }
    };
}

codes! {
    // ---- text (normalization steps: warnings; refused characters: errors) ---- 100..
    /// Compatibility forms (full-width letters, ligatures) were folded (NFKC).
    TextCompatibilityFolded = 100, "text.compatibility_folded", Warning,
        "compatibility characters were folded to their plain form (NFKC), e.g. {char} at character {pos}",
        "ký tự tương thích đã được chuyển về dạng thường (NFKC), ví dụ {char} tại ký tự thứ {pos}";
    /// Decomposed (NFD) or mixed input was composed to NFC.
    TextComposed = 101, "text.composed", Warning,
        "decomposed letters (NFD, tổ hợp) were composed to NFC (dựng sẵn)",
        "chữ ở dạng tổ hợp (NFD) đã được chuyển sang dạng dựng sẵn (NFC)";
    /// Unusual spaces or tabs became one ASCII space, runs were collapsed, ends trimmed.
    TextWhitespace = 102, "text.whitespace", Warning,
        "whitespace was normalized: {detail}",
        "khoảng trắng đã được chuẩn hóa: {detail}";
    /// A typographic apostrophe (U+2019, U+02BC) became `'`.
    TextApostrophe = 103, "text.apostrophe", Warning,
        "apostrophe {char} at character {pos} was replaced by '",
        "dấu nháy {char} tại ký tự thứ {pos} đã được thay bằng '";
    /// A control character (C0, C1, DEL).
    TextControlChar = 104, "text.control_char", Error,
        "control character {char} at character {pos} is not allowed",
        "ký tự điều khiển {char} tại ký tự thứ {pos} không được phép";
    /// A bidirectional control (Trojan Source, CVE-2021-42574).
    TextBidiControl = 105, "text.bidi_control", Error,
        "bidirectional control {char} at character {pos} is not allowed (it can disguise text)",
        "ký tự điều khiển hướng văn bản {char} tại ký tự thứ {pos} không được phép (có thể dùng để ngụy trang)";
    /// An invisible character (zero-width, soft hyphen, variation selector, tag, filler).
    TextInvisible = 106, "text.invisible", Error,
        "invisible character {char} at character {pos} is not allowed",
        "ký tự vô hình {char} tại ký tự thứ {pos} không được phép";
    /// A required text is empty after normalization.
    TextEmpty = 107, "text.empty", Error,
        "the value is empty",
        "giá trị đang để trống";
    /// Longer than the field allows.
    TextTooLong = 108, "text.too_long", Error,
        "the value is {detail} characters long; at most {limit} are allowed",
        "giá trị dài {detail} ký tự; tối đa {limit} ký tự";
    /// A non-character, private-use or unassigned code point.
    TextUnusableChar = 109, "text.unusable_char", Error,
        "character {char} at character {pos} is private-use, unassigned or a non-character",
        "ký tự {char} tại ký tự thứ {pos} thuộc vùng dùng riêng, chưa được gán hoặc không phải ký tự";
    /// Letters of two scripts inside one word of free text (look-alike risk).
    TextMixedScript = 110, "text.mixed_script", Warning,
        "the word containing character {pos} mixes Latin with another script ({char}); it may be a look-alike",
        "từ chứa ký tự thứ {pos} trộn chữ Latinh với hệ chữ khác ({char}); có thể là chữ giả dạng";
    /// More than [`MAX_REPEATS`] findings of one code in one field: the first ones are
    /// listed, the rest counted here, so that a report stays small whatever the input
    /// (a megabyte of digits in a name is one refusal, not a million findings).
    TextMoreFindings = 111, "text.more_findings", Warning,
        "{limit} more \u{201C}{detail}\u{201D} findings in this field are not listed",
        "còn {limit} phát hiện \u{201C}{detail}\u{201D} khác trong trường này không được liệt kê";

    // ---- names (Civil Code 2015 art. 26) ---- 200..
    /// A digit in a person's name.
    NameDigit = 200, "name.digit", Error,
        "a name cannot contain digits: {char} at character {pos}",
        "họ tên không được chứa chữ số: {char} tại ký tự thứ {pos}";
    /// A symbol other than space, apostrophe or hyphen in a name.
    NameSymbol = 201, "name.symbol", Error,
        "a name cannot contain the symbol {char} at character {pos}",
        "họ tên không được chứa ký hiệu {char} tại ký tự thứ {pos}";
    /// A letter from a script other than Latin (Cyrillic, Greek, …).
    NameForeignScript = 202, "name.foreign_script", Error,
        "{char} at character {pos} is not a Latin letter ({detail}); it may imitate a Vietnamese letter",
        "{char} tại ký tự thứ {pos} không phải chữ Latinh ({detail}); có thể là chữ giả dạng chữ Việt";
    /// A Latin letter that is not in the Vietnamese repertoire (`ǎ`, `Ð`).
    NameNotVietnamese = 203, "name.not_vietnamese_letter", Error,
        "{char} at character {pos} is not a Vietnamese letter{detail}",
        "{char} tại ký tự thứ {pos} không phải chữ cái tiếng Việt{detail}";
    /// The display casing was applied (capital first letter of each syllable).
    NameCase = 204, "name.case", Warning,
        "letter case was changed to the display form {detail}",
        "chữ hoa/thường đã được chuyển sang dạng hiển thị {detail}";
    /// A tone mark sits where Vietnamese spelling does not put it; `retone` would repair it.
    NameToneMisplaced = 205, "name.tone_misplaced", Warning,
        "the tone mark in {detail} looks misplaced; it was kept as written (a name is a legal identity)",
        "dấu thanh trong {detail} có vẻ đặt sai vị trí; đã giữ nguyên như khi nhập (họ tên là thông tin pháp lý)";
    /// A combining mark with no letter to attach to, or stacked marks.
    NameStrayMark = 206, "name.stray_mark", Error,
        "combining mark {char} at character {pos} does not form a Vietnamese letter",
        "dấu kết hợp {char} tại ký tự thứ {pos} không tạo thành chữ cái tiếng Việt";
    /// An apostrophe or hyphen that does not sit between letters.
    NamePunctuation = 207, "name.punctuation", Error,
        "{char} at character {pos} must stand between letters",
        "{char} tại ký tự thứ {pos} phải nằm giữa hai chữ cái";

    // ---- the payment message ---- 300..
    /// The beneficiary is required for schools.
    MessageBeneficiaryRequired = 300, "message.beneficiary_required", Error,
        "the beneficiary's full name is required for education payments",
        "họ tên người thụ hưởng là bắt buộc đối với khoản thanh toán giáo dục";
    /// The amount is zero.
    MessageAmountZero = 301, "message.amount_zero", Error,
        "the amount must be greater than zero",
        "số tiền phải lớn hơn 0";
    /// The amount has more than 13 digits (VietQR tag 54).
    MessageAmountTooLarge = 302, "message.amount_too_large", Error,
        "the amount {detail} has more than {limit} digits",
        "số tiền {detail} có nhiều hơn {limit} chữ số";
    /// The amount is not an integer number of đồng.
    MessageAmountInvalid = 303, "message.amount_invalid", Error,
        "the amount {detail} is not a whole number of đồng",
        "số tiền {detail} không phải số nguyên đồng";
    /// The sector is not `education` or `health`.
    MessageSectorInvalid = 304, "message.sector_invalid", Error,
        "unknown sector {detail}; expected education or health",
        "lĩnh vực {detail} không hợp lệ; phải là education (giáo dục) hoặc health (y tế)";
    /// A required field is missing.
    MessageFieldMissing = 305, "message.field_missing", Error,
        "the field is required",
        "trường này là bắt buộc";
    /// The sector was written another way (an alias such as `school`, other letter case,
    /// spaces) and read as its canonical name.
    MessageSectorNormalized = 306, "message.sector_normalized", Warning,
        "the sector was normalized: {detail}",
        "lĩnh vực đã được chuẩn hóa: {detail}";
    /// A setter of the C ABI (or of a binding over it) refused the value given for this
    /// field (text that is not UTF-8, a NULL pointer with a length), so the field kept its
    /// previous value or stayed unset: the message is not valid until the field is set
    /// again with a good value. Made by [`crate::message::value_rejected`].
    MessageValueRejected = 307, "message.value_rejected", Error,
        "the value given for this field was refused and not stored: {detail}",
        "giá trị nhập cho trường này đã bị từ chối và không được lưu: {detail}";

    // ---- invoice references ---- 400..
    /// A character the invoice code cannot hold.
    InvoiceInvalidChar = 400, "invoice.invalid_char", Error,
        "invoice code character {char} at character {pos} is not allowed (letters, digits, - . / only)",
        "ký tự {char} tại ký tự thứ {pos} không được phép trong mã hóa đơn (chỉ chữ, số, - . /)";
    /// The invoice code was changed (trimmed, upper-cased).
    InvoiceNormalized = 401, "invoice.normalized", Warning,
        "the invoice code was normalized to {detail}",
        "mã hóa đơn đã được chuẩn hóa thành {detail}";

    // ---- VietQR (NAPAS QR, EMVCo merchant-presented mode) ---- 500..
    /// The payload ends inside a field.
    VietqrTruncated = 500, "vietqr.truncated", Error,
        "the payload ends inside a field that starts at character {pos}",
        "mã QR kết thúc giữa chừng một trường bắt đầu tại ký tự thứ {pos}";
    /// A tag ID is not two digits.
    VietqrBadTag = 501, "vietqr.bad_tag", Error,
        "the tag ID {detail} at character {pos} is not two digits",
        "mã trường {detail} tại ký tự thứ {pos} không phải hai chữ số";
    /// A length field is not two digits from 01 to 99.
    VietqrBadLength = 502, "vietqr.bad_length", Error,
        "the length {detail} at character {pos} is not two digits from 01 to 99",
        "độ dài {detail} tại ký tự thứ {pos} không phải hai chữ số từ 01 đến 99";
    /// The fields of a template do not fill it exactly.
    VietqrLengthMismatch = 503, "vietqr.length_mismatch", Error,
        "the declared lengths do not fit the content: {detail}",
        "độ dài khai báo không khớp với nội dung: {detail}";
    /// Lenient mode: one declared length was repaired.
    VietqrLengthRepaired = 504, "vietqr.length_repaired", Warning,
        "a wrong declared length was repaired: {detail}; this is the only reading under which the payload is a valid VietQR and its CRC verifies",
        "một độ dài khai báo sai đã được sửa: {detail}; đây là cách đọc duy nhất cho ra mã VietQR hợp lệ với CRC khớp";
    /// The payload does not end with the CRC field `6304XXXX`.
    VietqrCrcMissing = 505, "vietqr.crc_missing", Error,
        "the payload does not end with the CRC field (6304 and 4 hexadecimal digits)",
        "mã QR không kết thúc bằng trường CRC (6304 và 4 chữ số thập lục phân)";
    /// The CRC does not match the payload.
    VietqrCrcMismatch = 506, "vietqr.crc_mismatch", Error,
        "the CRC does not match the payload: {detail}",
        "mã kiểm tra CRC không khớp với nội dung: {detail}";
    /// The CRC is not 4 upper-case hexadecimal digits.
    VietqrCrcFormat = 507, "vietqr.crc_format", Error,
        "the CRC {detail} is not 4 upper-case hexadecimal digits",
        "mã CRC {detail} không phải 4 chữ số thập lục phân viết hoa";
    /// Lenient mode: a lower-case CRC was read as upper case.
    VietqrCrcCaseRepaired = 508, "vietqr.crc_case_repaired", Warning,
        "the CRC was written in lower case and was read as {detail}",
        "mã CRC viết thường đã được đọc thành {detail}";
    /// Whitespace before or after the payload.
    VietqrSurroundingSpace = 509, "vietqr.surrounding_space", Error,
        "the payload has whitespace before or after it",
        "mã QR có khoảng trắng ở đầu hoặc cuối";
    /// Lenient mode: whitespace around the payload was removed.
    VietqrSpaceTrimmed = 510, "vietqr.space_trimmed", Warning,
        "whitespace around the payload was removed",
        "khoảng trắng ở đầu và cuối mã QR đã được bỏ đi";
    /// A tag appears twice in one template.
    VietqrDuplicateTag = 511, "vietqr.duplicate_tag", Error,
        "the tag appears more than once (again at character {pos})",
        "trường này xuất hiện nhiều lần (lặp lại tại ký tự thứ {pos})";
    /// A required field is missing.
    VietqrMissingField = 512, "vietqr.missing_field", Error,
        "the field {detail} is required",
        "trường {detail} là bắt buộc";
    /// Tag 00 is not `01`.
    VietqrPayloadFormat = 513, "vietqr.payload_format", Error,
        "the payload format indicator is {detail}; expected 01",
        "chỉ báo định dạng là {detail}; phải là 01";
    /// Tag 01 is not `11` or `12`.
    VietqrInitiation = 514, "vietqr.initiation", Error,
        "the point of initiation is {detail}; expected 11 (static) or 12 (dynamic)",
        "phương thức khởi tạo là {detail}; phải là 11 (tĩnh) hoặc 12 (động)";
    /// Static with an amount, or dynamic without one.
    VietqrInitiationMismatch = 515, "vietqr.initiation_mismatch", Error,
        "{detail}: a static code (11) carries no amount and a dynamic code (12) requires one",
        "{detail}: mã tĩnh (11) không mang số tiền, mã động (12) bắt buộc có số tiền";
    /// Tag 38 sub-tag 00 is not the NAPAS GUID.
    VietqrGuid = 516, "vietqr.guid", Error,
        "the account scheme identifier is {detail}; expected A000000727 (NAPAS)",
        "định danh hệ thống là {detail}; phải là A000000727 (NAPAS)";
    /// The bank BIN is not 6 digits.
    VietqrBin = 517, "vietqr.bin", Error,
        "the bank BIN {detail} is not 6 digits",
        "mã BIN ngân hàng {detail} không phải 6 chữ số";
    /// The account or card number is not 1 to 19 ASCII letters or digits.
    VietqrAccount = 518, "vietqr.account", Error,
        "the account or card number {detail} is not 1 to {limit} letters or digits",
        "số tài khoản hoặc số thẻ {detail} không phải 1 đến {limit} chữ cái hoặc chữ số";
    /// Unknown service code.
    VietqrService = 519, "vietqr.service", Error,
        "the service code {detail} is unknown; expected QRIBFTTA, QRIBFTTC, QRPUSH or QRCASH",
        "mã dịch vụ {detail} không hợp lệ; phải là QRIBFTTA, QRIBFTTC, QRPUSH hoặc QRCASH";
    /// The merchant category code is not 4 digits.
    VietqrMerchantCategory = 520, "vietqr.merchant_category", Error,
        "the merchant category code {detail} is not 4 digits",
        "mã ngành hàng {detail} không phải 4 chữ số";
    /// The currency is not 704.
    VietqrCurrency = 521, "vietqr.currency", Error,
        "the currency {detail} is not 704 (Vietnamese đồng)",
        "mã tiền tệ {detail} không phải 704 (đồng Việt Nam)";
    /// The amount is not a whole positive number of đồng without leading zeros.
    VietqrAmount = 522, "vietqr.amount", Error,
        "the amount {detail} is not a whole number of đồng (digits only, no leading zero, more than zero)",
        "số tiền {detail} không phải số nguyên đồng (chỉ chữ số, không có số 0 ở đầu, lớn hơn 0)";
    /// The country code is not VN.
    VietqrCountry = 523, "vietqr.country", Error,
        "the country code {detail} is not VN",
        "mã quốc gia {detail} không phải VN";
    /// A value is longer than its tag allows.
    VietqrTooLong = 524, "vietqr.too_long", Error,
        "the value is {detail} characters long; at most {limit} are allowed",
        "giá trị dài {detail} ký tự; tối đa {limit} ký tự";
    /// A present value is empty (or only spaces).
    VietqrEmpty = 525, "vietqr.empty", Error,
        "the value is empty; leave the field out instead",
        "giá trị đang để trống; hãy bỏ trường này đi";
    /// Encoding: a non-ASCII character (VietQR payloads vietref writes are ASCII only).
    VietqrNonAscii = 526, "vietqr.non_ascii", Error,
        "character {char} at character {pos} is not ASCII; vietref writes VietQR payloads in ASCII only",
        "ký tự {char} tại ký tự thứ {pos} không phải ASCII; vietref chỉ tạo mã VietQR bằng ký tự ASCII";
    /// Decoding: a value holds non-ASCII text (how it was counted).
    VietqrNonAsciiRead = 527, "vietqr.non_ascii_read", Warning,
        "the value holds non-ASCII text; its length was counted in characters and the CRC over UTF-8 bytes",
        "giá trị chứa ký tự ngoài ASCII; độ dài được tính theo ký tự và CRC theo byte UTF-8";
    /// A control, bidirectional or invisible character in a value.
    VietqrControlChar = 528, "vietqr.control_char", Error,
        "control or invisible character {char} at character {pos} is not allowed",
        "ký tự điều khiển hoặc vô hình {char} tại ký tự thứ {pos} không được phép";
    /// Encoding: an unreserved-tag key that vietref cannot place.
    VietqrReservedTag = 529, "vietqr.reserved_tag", Error,
        "{detail} cannot be written as an extra tag: it must be a two-digit tag (or a path like 62.50) that VietQR does not define, inside a known template",
        "{detail} không thể ghi thành trường bổ sung: phải là mã hai chữ số (hoặc đường dẫn như 62.50) chưa được VietQR định nghĩa, nằm trong một mẫu đã biết";
    /// Payee check: the code pays another bank.
    VietqrPayeeBin = 530, "vietqr.payee_bin", Error,
        "the code pays bank BIN {detail}, not the registered bank",
        "mã QR chuyển tiền đến ngân hàng có BIN {detail}, không phải ngân hàng đã đăng ký";
    /// Payee check: the code pays another account.
    VietqrPayeeAccount = 531, "vietqr.payee_account", Error,
        "the code pays account {detail}, not the registered account",
        "mã QR chuyển tiền đến tài khoản {detail}, không phải tài khoản đã đăng ký";
    /// Payee check: the merchant name looks like the registered name but is other text.
    VietqrPayeeLookalike = 532, "vietqr.payee_name_lookalike", Error,
        "the merchant name {detail} looks like the registered name but is different text (possible spoofing)",
        "tên đơn vị thụ hưởng {detail} trông giống tên đã đăng ký nhưng là văn bản khác (có thể là giả mạo)";
    /// Payee check: the merchant name differs from the registered name.
    VietqrPayeeNameDifferent = 533, "vietqr.payee_name_different", Warning,
        "the merchant name {detail} differs from the registered name; check that it is the institution's own abbreviation",
        "tên đơn vị thụ hưởng {detail} khác tên đã đăng ký; hãy kiểm tra đó có phải tên viết tắt của đơn vị";
    /// Strict decoding: the merchant name (59) or the purpose (62.08) holds a character that
    /// is not ASCII. Peers count such lengths differently and bank apps show it garbled.
    VietqrNonAsciiStrict = 534, "vietqr.non_ascii_strict", Error,
        "character {char} at character {pos} is not ASCII; in strict mode the merchant name (59) and the purpose (62.08) must be ASCII",
        "ký tự {char} tại ký tự thứ {pos} không phải ASCII; ở chế độ nghiêm ngặt tên đơn vị (59) và nội dung (62.08) phải là ký tự ASCII";
    /// Decoding: a well-formed BIN that is in no registry entry (bank or wallet).
    VietqrBinUnknown = 535, "vietqr.bin_unknown", Warning,
        "the BIN {detail} is not a bank or wallet vietref knows; check where the money goes before paying",
        "mã BIN {detail} không thuộc ngân hàng hay ví điện tử nào vietref biết; hãy kiểm tra tiền sẽ chuyển đến đâu trước khi thanh toán";
    /// Decoding: an account or card number of a length no bank issues.
    VietqrAccountLength = 536, "vietqr.account_length", Warning,
        "the account or card number looks implausible: {detail}",
        "số tài khoản hoặc số thẻ có vẻ không hợp lệ: {detail}";
    // ---- references: payment codes, RF, e-invoices (issue 4) ---- 410..
    /// The input has the shape of a payment code or an RF creditor reference but its check
    /// digits are wrong.
    InvoiceCheckDigits = 410, "invoice.check_digits", Error,
        "{detail} has the form of a check-digit code but its check digits are wrong (a typing error?)",
        "{detail} có dạng mã có chữ số kiểm tra nhưng chữ số kiểm tra sai (có thể gõ nhầm?)";
    /// An RF creditor reference whose check digits are `00`, `01` or `99`: ISO 11649 issues
    /// only `02`–`98`, so this is no typing slip (such a reference may pass the mod 97 test).
    InvoiceRfCheckDigitsReserved = 415, "invoice.rf_check_digits_reserved", Error,
        "{detail}: the check digits after RF are 00, 01 or 99, which ISO 11649 never issues (they are 02 to 98); the reference was not made by the RF computation",
        "{detail}: chữ số kiểm tra sau RF là 00, 01 hoặc 99, là giá trị ISO 11649 không bao giờ cấp (chỉ từ 02 đến 98); tham chiếu này không được tạo theo cách tính RF";
    /// The input starts with a known scheme's prefix (or `RF`) but has the wrong length.
    InvoiceCodeLength = 411, "invoice.code_length", Error,
        "{detail} has the form of a check-digit code but the wrong length; expected {limit} characters",
        "{detail} có dạng mã có chữ số kiểm tra nhưng sai độ dài; cần {limit} ký tự";
    /// The input looks like an e-invoice identifier but a part is invalid; it is kept as
    /// the institution's own code.
    InvoiceEinvoiceLike = 412, "invoice.einvoice_like", Warning,
        "the value looks like an e-invoice identifier but is not one ({detail}); it is kept as the institution's own code",
        "giá trị trông giống ký hiệu hóa đơn điện tử nhưng không hợp lệ ({detail}); được giữ như mã riêng của đơn vị";

    // ---- memo rendering (issue 4) ---- 600..
    /// The invoice code is longer than the channel's budget; it is never cut.
    MemoInvoiceTooLong = 600, "memo.invoice_too_long", Error,
        "the invoice code {detail} does not fit the channel's {limit}-character budget; an invoice code is never cut",
        "mã hóa đơn {detail} không vừa giới hạn {limit} ký tự của kênh thanh toán; mã hóa đơn không bao giờ bị cắt";
    /// A character of the invoice code cannot travel on the channel.
    MemoInvoiceCharset = 601, "memo.invoice_charset", Error,
        "invoice code character {char} at character {pos} cannot travel on this channel ({detail})",
        "ký tự {char} tại ký tự thứ {pos} của mã hóa đơn không truyền được qua kênh này ({detail})";
    /// The invoice code was written differently for the channel (case, separators).
    MemoInvoiceAdapted = 602, "memo.invoice_adapted", Warning,
        "the invoice code was written as {detail} for this channel",
        "mã hóa đơn đã được viết thành {detail} cho kênh này";
    /// A field was left out of the memo.
    MemoFieldOmitted = 603, "memo.field_omitted", Warning,
        "the field was left out of the memo: no room was left in the {limit}-character budget",
        "trường này đã bị bỏ khỏi nội dung chuyển khoản: không còn chỗ trong giới hạn {limit} ký tự";
    /// A field was cut at a word boundary.
    MemoFieldClipped = 604, "memo.field_clipped", Warning,
        "the field was cut at a word boundary to fit the {limit}-character budget; kept {detail}",
        "trường này đã bị cắt tại ranh giới từ để vừa giới hạn {limit} ký tự; giữ lại {detail}";
    /// A field was folded to the channel's character set (accents and symbols removed).
    MemoFieldFolded = 605, "memo.field_folded", Warning,
        "the field was written without accents or symbols as {detail}",
        "trường này đã được viết không dấu, không ký hiệu thành {detail}";
    /// A channel profile cannot be used (budget zero, empty character set, …).
    MemoProfileInvalid = 606, "memo.profile_invalid", Error,
        "the channel profile cannot be used: {detail}",
        "cấu hình kênh thanh toán không dùng được: {detail}";
    /// The channel carries only the invoice code (a bill number or POS reference).
    MemoFieldNotCarried = 607, "memo.field_not_carried", Warning,
        "the field was left out: this channel carries only the invoice code",
        "trường này đã bị bỏ: kênh này chỉ mang mã hóa đơn";

    // ---- reconciliation: statement and invoice files (issue 8) ---- 800..
    /// An amount that is not a whole number of đồng in a recognised written form.
    ReconcileAmountInvalid = 800, "reconcile.amount_invalid", Error,
        "{detail} is not an amount in đồng (digits, optionally in groups of three separated by . , or a space)",
        "{detail} không phải số tiền đồng (chữ số, có thể chia nhóm ba chữ số bằng dấu . , hoặc khoảng trắng)";
    /// An amount with a non-zero decimal part.
    ReconcileAmountFraction = 801, "reconcile.amount_fraction", Error,
        "the amount {detail} has a non-zero decimal part; amounts are whole đồng",
        "số tiền {detail} có phần thập phân khác 0; số tiền phải là số nguyên đồng";
    /// Thousands separators that do not split the digits into groups of three.
    ReconcileAmountGrouping = 802, "reconcile.amount_grouping", Error,
        "the amount {detail} has misplaced thousands separators (groups of three digits expected)",
        "số tiền {detail} đặt sai dấu phân cách hàng nghìn (cần nhóm ba chữ số)";
    /// An amount of zero.
    ReconcileAmountZero = 803, "reconcile.amount_zero", Error,
        "the amount must be greater than zero",
        "số tiền phải lớn hơn 0";
    /// An amount with too many digits.
    ReconcileAmountTooLarge = 804, "reconcile.amount_too_large", Error,
        "the amount {detail} has more than {limit} digits",
        "số tiền {detail} có nhiều hơn {limit} chữ số";
    /// A required value is empty or absent.
    ReconcileValueMissing = 805, "reconcile.value_missing", Error,
        "a value is required here",
        "cần có giá trị ở đây";
    /// The header row lacks a required column.
    ReconcileColumnMissing = 806, "reconcile.column_missing", Error,
        "the header row has no column for {detail}",
        "dòng tiêu đề không có cột cho {detail}";
    /// A quoted CSV field is not closed.
    ReconcileCsvUnterminated = 807, "reconcile.csv_unterminated", Error,
        "a quoted field opened here is not closed before the end of the file",
        "một trường trong dấu ngoặc kép mở tại đây không được đóng trước khi hết tệp";
    /// Text after the closing quote of a CSV field.
    ReconcileCsvAfterQuote = 808, "reconcile.csv_after_quote", Error,
        "text follows the closing quote of a field: {detail}",
        "có ký tự sau dấu ngoặc kép đóng của trường: {detail}";
    /// A record longer than the reader accepts.
    ReconcileRecordTooLong = 809, "reconcile.record_too_long", Error,
        "the record is longer than {limit} bytes and was skipped",
        "bản ghi dài hơn {limit} byte và đã bị bỏ qua";
    /// Bytes that are not UTF-8.
    ReconcileNotUtf8 = 810, "reconcile.not_utf8", Error,
        "the text is not UTF-8 (invalid byte at byte {pos} of the value); save the file as UTF-8",
        "văn bản không phải UTF-8 (byte không hợp lệ tại byte thứ {pos} của giá trị); hãy lưu tệp ở dạng UTF-8";
    /// A JSON line that is not a transaction object.
    ReconcileJsonInvalid = 811, "reconcile.json_invalid", Error,
        "not a JSON transaction object: {detail}",
        "không phải đối tượng giao dịch JSON: {detail}";
    /// A transfer direction other than in/out (credit/debit).
    ReconcileDirectionInvalid = 812, "reconcile.direction_invalid", Error,
        "unknown transfer direction {detail}; expected in or out (credit or debit)",
        "chiều giao dịch {detail} không hợp lệ; phải là in hoặc out (credit hoặc debit)";
    /// An outgoing transfer: not reconciled, counted apart.
    ReconcileOutgoingSkipped = 813, "reconcile.outgoing_skipped", Warning,
        "an outgoing transfer was skipped; only incoming money is reconciled",
        "giao dịch chuyển đi đã được bỏ qua; chỉ đối soát tiền nhận vào";
    /// An invoice code listed twice (the same after separators are removed).
    ReconcileInvoiceDuplicate = 814, "reconcile.invoice_duplicate", Error,
        "the invoice code {detail} is already listed",
        "mã hóa đơn {detail} đã có trong danh sách";
    /// An invoice code too short to be looked for inside transfer content.
    ReconcileCodeUnsearchable = 815, "reconcile.code_unsearchable", Warning,
        "the code {detail} has fewer than {limit} letters and digits; it is too short to be looked for in transfer content, so only a name suggestion can point to it",
        "mã {detail} có ít hơn {limit} chữ cái và chữ số; quá ngắn để tìm trong nội dung chuyển khoản, nên chỉ có thể được gợi ý theo tên";
    /// A date in neither accepted form.
    ReconcileDateInvalid = 816, "reconcile.date_invalid", Error,
        "{detail} is not a date; write YYYY-MM-DD or DD/MM/YYYY",
        "{detail} không phải ngày hợp lệ; hãy viết YYYY-MM-DD hoặc DD/MM/YYYY";
    /// A column mapping that cannot be used.
    ReconcileColumnsInvalid = 817, "reconcile.columns_invalid", Error,
        "the column mapping is not valid: {detail}",
        "cách ánh xạ cột không hợp lệ: {detail}";
    /// An empty file where a header row was expected.
    ReconcileHeaderMissing = 818, "reconcile.header_missing", Error,
        "the file is empty; a header row is expected",
        "tệp rỗng; cần có dòng tiêu đề";
    /// The reconciler cannot hold another invoice: the codes and folded names of its
    /// invoices would pass its text capacity.
    ReconcileCapacity = 819, "reconcile.capacity", Error,
        "the reconciler is full: its invoices' codes and names would pass {limit} bytes; split the invoices over several reconcilers",
        "bộ đối soát đã đầy: mã và tên của các hóa đơn sẽ vượt quá {limit} byte; hãy chia hóa đơn cho nhiều bộ đối soát";
    /// An invoice's payer or beneficiary name with no letters to match (only digits,
    /// symbols, control or invisible characters): it is ignored.
    ReconcileNameUnusable = 820, "reconcile.name_unusable", Warning,
        "the name {detail} has no letters to match a transfer with; it is ignored",
        "tên {detail} không có chữ cái nào để đối chiếu với giao dịch; tên này được bỏ qua";
    /// A CSV quote left open at the end of its line where the field cannot plausibly go on
    /// (the next line reads as a record of its own, or the field stays open too long): the
    /// record is rejected at the line where the quote opened and reading goes on with the
    /// next line.
    ReconcileCsvStrayQuote = 821, "reconcile.csv_stray_quote", Error,
        "a quote opens a field here and is not closed on this line, and {detail}: the quote is taken as a typing error, this record is rejected and reading goes on with the next line",
        "dấu ngoặc kép mở một trường tại đây nhưng không được đóng trên dòng này, và {detail}: dấu ngoặc kép được coi là gõ nhầm, bản ghi này bị từ chối và việc đọc tiếp tục từ dòng sau";
    /// Two fields (or two columns) of one record that give different values for the same
    /// thing (two amounts, credit and debit, two directions): the record is not used.
    ReconcileFieldConflict = 822, "reconcile.field_conflict", Error,
        "conflicting values: {detail}; the record is not used",
        "các giá trị mâu thuẫn nhau: {detail}; bản ghi không được dùng";
    /// A CSV row with more or fewer cells than the header row.
    ReconcileCellCount = 823, "reconcile.cell_count", Error,
        "the row has {detail} cells but the header row has {limit}; the record is not used",
        "dòng có {detail} ô nhưng dòng tiêu đề có {limit} ô; bản ghi không được dùng";

    // ---- payment gateways: signed requests and verified callbacks (issue 24) ---- 900..
    /// The callback carries no signature.
    GatewaySignatureMissing = 900, "gateway.signature_missing", Error,
        "the callback carries no signature ({detail}); it cannot be trusted and nothing was applied",
        "lời gọi lại không có chữ ký ({detail}); không thể tin cậy và không có gì được ghi nhận";
    /// The signature does not verify with the merchant's secret.
    GatewaySignatureInvalid = 901, "gateway.signature_invalid", Error,
        "the signature ({detail}) does not match the data and the merchant's secret: forged, altered or signed with another key; nothing was applied",
        "chữ ký ({detail}) không khớp với dữ liệu và khóa bí mật của đơn vị: bị giả mạo, bị sửa hoặc ký bằng khóa khác; không có gì được ghi nhận";
    /// A required field is missing.
    GatewayFieldMissing = 902, "gateway.field_missing", Error,
        "the field {detail} is required",
        "thiếu trường bắt buộc {detail}";
    /// A field's value is not of the documented form.
    GatewayFieldInvalid = 903, "gateway.field_invalid", Error,
        "the value of the field is not valid: {detail}",
        "giá trị của trường không hợp lệ: {detail}";
    /// A field the gateway does not send, outside what the signature covers.
    GatewayUnknownField = 904, "gateway.unknown_field", Error,
        "the field {detail} is not one the gateway sends and the signature does not cover it; the callback is refused",
        "trường {detail} không phải trường cổng thanh toán gửi và không được chữ ký bảo vệ; lời gọi lại bị từ chối";
    /// The callback is for another merchant (terminal, partner or app code).
    GatewayMerchantMismatch = 905, "gateway.merchant_mismatch", Error,
        "the callback is for merchant {detail}, not this one; nothing was applied",
        "lời gọi lại dành cho đơn vị {detail}, không phải đơn vị này; không có gì được ghi nhận";
    /// The amount paid differs from the invoice's amount due.
    GatewayAmountDiffers = 906, "gateway.amount_differs", Warning,
        "the amount paid differs from the amount due: {detail}",
        "số tiền đã trả khác số tiền phải trả: {detail}";
    /// The gateway's reference does not carry an invoice code written by vietref.
    GatewayReferenceInvalid = 907, "gateway.reference_invalid", Error,
        "the reference {detail} does not carry an invoice code",
        "mã tham chiếu {detail} không chứa mã hóa đơn";
    /// The merchant settings cannot be used.
    GatewayConfigInvalid = 908, "gateway.config_invalid", Error,
        "the merchant settings cannot be used: {detail}",
        "cấu hình đơn vị không dùng được: {detail}";
    /// The reference names no loaded invoice.
    GatewayReferenceUnknown = 909, "gateway.reference_unknown", Error,
        "the invoice {detail} is not among the open invoices; nothing was applied",
        "hóa đơn {detail} không có trong danh sách hóa đơn đang mở; không có gì được ghi nhận";
    /// The invoice was already settled: a replayed or repeated callback.
    GatewayReplayed = 910, "gateway.replayed", Error,
        "the invoice {detail} was already settled: this callback is a repeat (replayed or sent again) and is recorded as a duplicate",
        "hóa đơn {detail} đã được thanh toán đủ: lời gọi lại này là lặp lại (gửi lại hoặc phát lại) và được ghi là trùng";
    /// The callback body is not of the gateway's form (not a query string, not JSON).
    GatewayInputInvalid = 911, "gateway.input_invalid", Error,
        "the callback cannot be read: {detail}",
        "không đọc được lời gọi lại: {detail}";
    /// The payment did not succeed (failed, pending, cancelled): nothing to apply.
    GatewayNotSucceeded = 912, "gateway.not_succeeded", Warning,
        "the gateway reports the payment as {detail}; nothing was applied",
        "cổng thanh toán báo giao dịch {detail}; không có gì được ghi nhận";
    /// A statement whose text encoding is not one the readers take (UTF-8 with or without
    /// BOM, UTF-16 with BOM): the encoding it looks like is named.
    ReconcileEncoding = 824, "reconcile.encoding", Error,
        "the statement is not UTF-8: {detail}; save it as CSV UTF-8 (or UTF-16 with a byte-order mark)",
        "sao kê không phải UTF-8: {detail}; hãy lưu ở dạng CSV UTF-8 (hoặc UTF-16 có BOM)";
    /// A spreadsheet (XLSX, XLS) that cannot be read.
    ReconcileSheetInvalid = 825, "reconcile.sheet_invalid", Error,
        "the spreadsheet cannot be read: {detail}",
        "không đọc được bảng tính: {detail}";
    /// A row before the header row (account, period, opening balance) or a totals row
    /// after the table: not a transaction, skipped and reported.
    ReconcileRowSkipped = 826, "reconcile.row_skipped", Warning,
        "row skipped, not a transaction: {detail}",
        "dòng được bỏ qua, không phải giao dịch: {detail}";
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

/// Parameters a finding's message refers to. Positions are 1-based and count Unicode
/// scalar values (characters) of the text as it was checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params {
    /// 1-based character position in the checked text.
    pub position: Option<usize>,
    /// The character concerned.
    pub character: Option<char>,
    /// A limit that was exceeded.
    pub limit: Option<usize>,
    /// Free detail: a value, a before → after, a script name.
    pub detail: Option<String>,
    /// The Vietnamese wording of `detail` when it holds words (else `detail` serves both).
    pub detail_vi: Option<String>,
}

/// One thing validation found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Error or warning (always the code's severity).
    pub severity: Severity,
    /// Field path, like `payerName` (borrowed when it is a constant: no allocation).
    pub field: std::borrow::Cow<'static, str>,
    /// The stable code.
    pub code: Code,
    /// What the message refers to.
    pub params: Params,
}

/// `U+0301 COMBINING ACUTE`-style description of a character for messages.
pub fn describe_char(c: char) -> String {
    if c.is_control() || crate::charclass::is_format_or_invisible(c) || is_combining(c) {
        format!("U+{:04X}", c as u32)
    } else {
        format!("'{}' (U+{:04X})", c, c as u32)
    }
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

impl Finding {
    /// A finding with no parameters.
    pub fn new(code: Code, field: impl Into<String>) -> Self {
        Finding {
            severity: code.severity(),
            field: std::borrow::Cow::Owned(field.into()),
            code,
            params: Params::default(),
        }
    }

    /// [`Finding::new`] for a field path that is a constant: nothing is allocated for it
    /// (rendering and validation make many findings on hot paths).
    pub fn new_static(code: Code, field: &'static str) -> Self {
        Finding {
            severity: code.severity(),
            field: std::borrow::Cow::Borrowed(field),
            code,
            params: Params::default(),
        }
    }

    /// Sets the 1-based position and the character.
    pub fn at(mut self, position: usize, character: char) -> Self {
        self.params.position = Some(position);
        self.params.character = Some(character);
        self
    }

    /// Sets the limit.
    pub fn limit(mut self, limit: usize) -> Self {
        self.params.limit = Some(limit);
        self
    }

    /// Sets the detail. A detail longer than [`DETAIL_MAX_CHARS`] characters (a value
    /// quoted whole by its caller) is cut to an excerpt: its first [`EXCERPT_CHARS`]
    /// characters, an ellipsis and its full length, in each language.
    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        let detail = detail.into();
        match bounded(&detail, DETAIL_MAX_CHARS) {
            Some((en, vi)) => {
                self.params.detail = Some(en);
                self.params.detail_vi = Some(vi);
            }
            None => self.params.detail = Some(detail),
        }
        self
    }

    /// Sets the detail to the value between typographic quotes, `“value”`; a value longer
    /// than [`EXCERPT_CHARS`] characters is quoted by an excerpt with its full length,
    /// `“Nguyễn Văn…” (52428800 characters)`, so that a report stays small whatever the
    /// input.
    pub fn detail_quoted(mut self, value: &str) -> Self {
        match excerpt(value, EXCERPT_CHARS) {
            None => {
                self.params.detail = Some(quoted(value));
                self.params.detail_vi = None;
            }
            Some((head, n)) => {
                let q = quoted(&format!("{head}\u{2026}"));
                self.params.detail = Some(format!("{q} ({n} characters)"));
                self.params.detail_vi = Some(format!("{q} ({n} ký tự)"));
            }
        }
        self
    }

    /// Sets a detail that holds words, in English and in Vietnamese (each bounded as
    /// [`Finding::detail`] bounds it).
    pub fn detail_both(mut self, en: impl Into<String>, vi: impl Into<String>) -> Self {
        let (en, vi) = (en.into(), vi.into());
        self.params.detail = Some(match bounded(&en, DETAIL_MAX_CHARS) {
            Some((en, _)) => en,
            None => en,
        });
        self.params.detail_vi = Some(match bounded(&vi, DETAIL_MAX_CHARS) {
            Some((_, vi)) => vi,
            None => vi,
        });
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    fn render(&self, template: &str, vi: bool) -> String {
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open..];
            let (value, used) = if after.starts_with("{char}") {
                (self.params.character.map(describe_char), 6)
            } else if after.starts_with("{pos}") {
                (self.params.position.map(|p| p.to_string()), 5)
            } else if after.starts_with("{limit}") {
                (self.params.limit.map(|l| l.to_string()), 7)
            } else if after.starts_with("{detail}") {
                let d = if vi {
                    self.params
                        .detail_vi
                        .as_ref()
                        .or(self.params.detail.as_ref())
                } else {
                    self.params.detail.as_ref()
                };
                (d.cloned(), 8)
            } else {
                (Some("{".to_string()), 1)
            };
            out.push_str(value.as_deref().unwrap_or("?"));
            rest = &after[used..];
        }
        out.push_str(rest);
        out
    }

    /// The English message.
    pub fn message_en(&self) -> String {
        self.render(self.code.template_en(), false)
    }

    /// The Vietnamese message.
    pub fn message_vi(&self) -> String {
        self.render(self.code.template_vi(), true)
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} [{}]: {}",
            self.severity.as_str(),
            self.field,
            self.code.key(),
            self.message_en()
        )
    }
}

impl Serialize for Finding {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("severity", &self.severity)?;
        m.serialize_entry("field", &self.field)?;
        m.serialize_entry("code", self.code.key())?;
        if let Some(p) = self.params.position {
            m.serialize_entry("position", &p)?;
        }
        if let Some(c) = self.params.character {
            m.serialize_entry("character", &c.to_string())?;
            m.serialize_entry("codePoint", &format!("U+{:04X}", c as u32))?;
        }
        if let Some(l) = self.params.limit {
            m.serialize_entry("limit", &l)?;
        }
        if let Some(d) = &self.params.detail {
            m.serialize_entry("detail", d)?;
        }
        m.serialize_entry("message", &self.message_en())?;
        m.serialize_entry("messageVi", &self.message_vi())?;
        m.end()
    }
}

/// All findings of a validation, and the cleaned value when there was no error.
#[derive(Debug, Clone, PartialEq)]
pub struct Report<T> {
    /// Every finding, in the order the checks ran.
    pub findings: Vec<Finding>,
    /// The normalized value; `None` when any finding is an error.
    pub cleaned: Option<T>,
}

impl<T> Report<T> {
    /// Whether the value is usable (no error finding).
    pub fn is_valid(&self) -> bool {
        self.cleaned.is_some()
    }

    /// The error findings.
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.is_error())
    }

    /// The warning findings.
    pub fn warnings(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| !f.is_error())
    }
}

impl<T: Serialize> Serialize for Report<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("valid", &self.is_valid())?;
        m.serialize_entry("findings", &self.findings)?;
        m.serialize_entry("cleaned", &self.cleaned)?;
        m.end()
    }
}

/// How many findings of one code in one field a report lists; the rest are counted in one
/// `text.more_findings` finding ([`cap_repeats`]).
pub const MAX_REPEATS: usize = 16;

/// Keeps the first [`MAX_REPEATS`] findings of each code in each field, in their order, and
/// counts the rest in one `text.more_findings` warning per field and code (its limit the
/// number left out, its detail the code's key), added after them or merged into one already
/// there. The kept findings hold the first error of every code, so validity never changes.
pub fn cap_repeats(findings: &mut Vec<Finding>) {
    cap(findings, MAX_REPEATS, true);
}

/// Adds the finding `make` builds, unless [`MAX_REPEATS`] findings of `code` in `field`
/// are listed already: then it is only counted, in the field's `text.more_findings`
/// finding for that code (made on the first one left out). Checks that can find something
/// at every character of their input push through this, so that the work behind a capped
/// report stays as small as the report (`make` is not called for a finding left out).
/// [`cap_repeats`] over the result changes nothing.
pub(crate) fn push_capped(
    findings: &mut Vec<Finding>,
    code: Code,
    field: &str,
    make: impl FnOnce() -> Finding,
) {
    let key = code.key();
    let is_more = |f: &Finding| {
        f.code == Code::TextMoreFindings
            && f.field == field
            && f.params.detail.as_deref() == Some(key)
    };
    // Over the cap already: its count is usually the last finding (one comparison).
    if let Some(f) = findings.iter_mut().rev().find(|f| is_more(f)) {
        f.params.limit = Some(f.params.limit.unwrap_or(0) + 1);
        return;
    }
    let listed = findings
        .iter()
        .filter(|f| f.code == code && f.field == field)
        .count();
    if listed < MAX_REPEATS {
        findings.push(make());
    } else {
        findings.push(
            Finding::new(Code::TextMoreFindings, field)
                .limit(1)
                .detail(key),
        );
    }
}

/// Keeps the first `max` findings of each code whatever their field (records of a file,
/// each with its own line in the field) and counts the rest in one `text.more_findings`
/// warning per code with an empty field, as [`cap_repeats`] does per field.
pub fn cap_per_code(findings: &mut Vec<Finding>, max: usize) {
    cap(findings, max, false);
}

fn cap(findings: &mut Vec<Finding>, max: usize, by_field: bool) {
    if findings.len() <= max {
        return;
    }
    let field_of = |f: &Finding| -> String {
        if by_field {
            f.field.to_string()
        } else {
            String::new()
        }
    };
    let mut seen: std::collections::HashMap<(&str, Code), usize> = Default::default();
    let mut over = false;
    for f in findings.iter() {
        if f.code != Code::TextMoreFindings {
            let field = if by_field { &*f.field } else { "" };
            let n = seen.entry((field, f.code)).or_default();
            *n += 1;
            over |= *n > max;
        }
    }
    if !over {
        return;
    }
    // (field, code, how many left out), in the order the overflow first appeared.
    let mut dropped: Vec<(String, Code, usize)> = Vec::new();
    let mut kept: std::collections::HashMap<(String, Code), usize> = Default::default();
    let mut out = Vec::with_capacity(findings.len().min(256));
    for f in findings.drain(..) {
        if f.code == Code::TextMoreFindings {
            out.push(f);
            continue;
        }
        let field = field_of(&f);
        let n = kept.entry((field.clone(), f.code)).or_default();
        *n += 1;
        if *n <= max {
            out.push(f);
        } else if let Some(d) = dropped.iter_mut().find(|d| d.1 == f.code && d.0 == field) {
            d.2 += 1;
        } else {
            dropped.push((field, f.code, 1));
        }
    }
    for (field, code, n) in dropped {
        let key = code.key();
        let existing = out.iter_mut().find(|f| {
            f.code == Code::TextMoreFindings
                && f.field == field
                && f.params.detail.as_deref() == Some(key)
        });
        match existing {
            Some(f) => f.params.limit = Some(f.params.limit.unwrap_or(0) + n),
            None => out.push(
                Finding::new(Code::TextMoreFindings, &field)
                    .limit(n)
                    .detail(key),
            ),
        }
    }
    *findings = out;
}

/// How many characters of a long value a finding quotes ([`Finding::detail_quoted`]).
pub const EXCERPT_CHARS: usize = 64;

/// The longest detail a finding keeps whole, in characters ([`Finding::detail`]).
pub const DETAIL_MAX_CHARS: usize = 512;

/// The first `max` characters of `s` and its length in characters, when it is longer.
fn excerpt(s: &str, max: usize) -> Option<(&str, usize)> {
    // Characters never outnumber bytes.
    if s.len() <= max {
        return None;
    }
    let mut starts = s.char_indices().map(|(i, _)| i);
    let cut = starts.nth(max)?;
    Some((&s[..cut], max + 1 + starts.count()))
}

/// A detail longer than `max` characters as an excerpt with its full length, in English
/// and in Vietnamese; `None` when it is short enough.
fn bounded(detail: &str, max: usize) -> Option<(String, String)> {
    excerpt(detail, max)?;
    let (head, n) = excerpt(detail, EXCERPT_CHARS)?;
    Some((
        format!("{head}\u{2026} ({n} characters)"),
        format!("{head}\u{2026} ({n} ký tự)"),
    ))
}

/// `s` between typographic quotes, `“s”`, as finding details quote values (built without
/// the formatting machinery: details are made on hot paths such as memo rendering).
pub(crate) fn quoted(s: &str) -> String {
    let mut q = String::with_capacity(s.len() + 6);
    q.push('\u{201C}');
    q.push_str(s);
    q.push('\u{201D}');
    q
}

/// Whether any finding in the slice is an error.
pub fn has_error(findings: &[Finding]) -> bool {
    findings.iter().any(Finding::is_error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn caps_keep_the_first_findings_and_count_the_rest() {
        // 20 digits in one field, 3 in another: the first field keeps 16 and counts 4.
        let mut f: Vec<Finding> = (0..20)
            .map(|i| Finding::new(Code::NameDigit, "payerName").at(i + 1, '1'))
            .chain((0..3).map(|i| Finding::new(Code::NameDigit, "reason").at(i + 1, '2')))
            .collect();
        cap_repeats(&mut f);
        assert_eq!(f.len(), 16 + 3 + 1);
        assert_eq!(f[15].params.position, Some(16));
        let more = f.last().unwrap();
        assert_eq!(more.code, Code::TextMoreFindings);
        assert_eq!((&*more.field, more.params.limit), ("payerName", Some(4)));
        assert_eq!(more.params.detail.as_deref(), Some("name.digit"));
        // Capping again changes nothing.
        let again = f.clone();
        cap_repeats(&mut f);
        assert_eq!(f, again);
        // Per code across fields (records of a file): 250 lines, 100 kept, 150 counted.
        let mut f: Vec<Finding> = (0..250)
            .map(|i| Finding::new(Code::ReconcileAmountInvalid, format!("{}:amount", i + 2)))
            .collect();
        cap_per_code(&mut f, 100);
        assert_eq!(f.len(), 101);
        assert_eq!(f[99].field, "101:amount");
        assert_eq!((&*f[100].field, f[100].params.limit), ("", Some(150)));
    }

    #[test]
    fn capping_while_pushing_gives_what_capping_after_gives() {
        // One field, codes interleaved, more than MAX_REPEATS of two of them.
        let seq: Vec<(Code, usize)> = (0..100)
            .map(|i| match i % 3 {
                0 => (Code::NameDigit, i),
                1 => (Code::NameSymbol, i),
                _ if i < 30 => (Code::NameStrayMark, i),
                _ => (Code::NameDigit, i),
            })
            .collect();
        let mut after: Vec<Finding> = seq
            .iter()
            .map(|&(c, i)| Finding::new(c, "payerName").at(i + 1, 'x'))
            .collect();
        cap_repeats(&mut after);
        let mut during = Vec::new();
        for &(c, i) in &seq {
            push_capped(&mut during, c, "payerName", || {
                Finding::new(c, "payerName").at(i + 1, 'x')
            });
        }
        let kept = |v: &[Finding]| -> Vec<Finding> {
            v.iter()
                .filter(|f| f.code != Code::TextMoreFindings)
                .cloned()
                .collect()
        };
        let more = |v: &[Finding]| -> Vec<(String, Option<usize>)> {
            let mut m: Vec<_> = v
                .iter()
                .filter(|f| f.code == Code::TextMoreFindings)
                .map(|f| (f.params.detail.clone().unwrap_or_default(), f.params.limit))
                .collect();
            m.sort();
            m
        };
        assert_eq!(kept(&during), kept(&after));
        assert_eq!(more(&during), more(&after));
        // and capping again changes nothing
        let again = during.clone();
        cap_repeats(&mut during);
        assert_eq!(during, again);
    }

    #[test]
    fn long_values_are_quoted_by_an_excerpt_with_their_length() {
        let long = "Nguyễn ".repeat(1000);
        let f = Finding::new(Code::NameCase, "payerName").detail_quoted(&long);
        let d = f.params.detail.as_deref().unwrap();
        assert!(d.starts_with("\u{201C}Nguyễn Nguyễn"), "{d}");
        assert!(d.ends_with("\u{2026}\u{201D} (7000 characters)"), "{d}");
        assert_eq!(
            d.chars().count(),
            EXCERPT_CHARS + 3 + " (7000 characters)".len()
        );
        assert!(
            f.message_vi().ends_with("(7000 ký tự)"),
            "{}",
            f.message_vi()
        );
        // short values whole
        let f = Finding::new(Code::NameCase, "payerName").detail_quoted("An");
        assert_eq!(f.params.detail.as_deref(), Some("\u{201C}An\u{201D}"));
        // any detail longer than DETAIL_MAX_CHARS, whoever made it
        let f = Finding::new(Code::MessageSectorInvalid, "sector").detail(format!("{long:?}"));
        assert!(f.message_en().len() < 300, "{}", f.message_en());
        assert!(
            f.message_en().contains("(7002 characters)"),
            "{}",
            f.message_en()
        );
        assert!(f.message_vi().contains("(7002 ký tự)"));
        let f = Finding::new(Code::TextWhitespace, "x").detail_both(&long, &long);
        assert!(f.message_en().len() < 300 && f.message_vi().len() < 300);
    }

    #[test]
    fn keys_and_numbers_are_unique() {
        let keys: HashSet<_> = Code::ALL.iter().map(|c| c.key()).collect();
        let nums: HashSet<_> = Code::ALL.iter().map(|c| c.number()).collect();
        assert_eq!(keys.len(), Code::ALL.len());
        assert_eq!(nums.len(), Code::ALL.len());
        for c in Code::ALL {
            assert_eq!(Code::from_key(c.key()), Some(*c));
        }
    }

    #[test]
    fn every_template_placeholder_is_known_and_both_languages_agree() {
        for c in Code::ALL {
            for t in [c.template_en(), c.template_vi()] {
                let mut rest = t;
                while let Some(i) = rest.find('{') {
                    let tail = &rest[i..];
                    assert!(
                        ["{char}", "{pos}", "{limit}", "{detail}"]
                            .iter()
                            .any(|p| tail.starts_with(p)),
                        "{}: unknown placeholder in {t}",
                        c.key()
                    );
                    rest = &tail[1..];
                }
            }
            for p in ["{char}", "{pos}", "{limit}", "{detail}"] {
                assert_eq!(
                    c.template_en().contains(p),
                    c.template_vi().contains(p),
                    "{} {p}",
                    c.key()
                );
            }
        }
    }

    #[test]
    fn messages_fill_parameters() {
        let f = Finding::new(Code::NameDigit, "payerName").at(12, '2');
        assert_eq!(
            f.message_en(),
            "a name cannot contain digits: '2' (U+0032) at character 12"
        );
        assert!(f.message_vi().contains("tại ký tự thứ 12"));
        let j = serde_json::to_value(&f).unwrap();
        assert_eq!(j["code"], "name.digit");
        assert_eq!(j["severity"], "error");
        assert_eq!(j["position"], 12);
    }
}
