//! Finding the header row of a statement as banks export it, and the column of every field.
//!
//! Exports start with a preamble (account number, holder, period, opening balance) before
//! the table; the header row is the first of the first [`HEADER_SEARCH_ROWS`] rows whose
//! cells name a date, an amount (or a credit or debit column) and a content column. Header
//! cells are compared folded, with case, spaces and punctuation removed (`Ngày GD`,
//! `NGAY GD` and `ngay_gd` are the same). The names known for each field are in
//! [`HEADER_NAMES`]: Vietnamese with and without diacritics, and English.

use serde::Serialize;

/// How many rows from the top are searched for the header row.
pub const HEADER_SEARCH_ROWS: usize = 30;

/// The names a header cell may give each statement field (folded, upper case, letters and
/// digits only), field by field as in [`super::STATEMENT_FIELDS`].
pub const HEADER_NAMES: &[(&str, &[&str])] = &[
    (
        "date",
        &[
            "DATE",
            "TRANSACTIONDATE",
            "TRANSDATE",
            "TXNDATE",
            "POSTINGDATE",
            "EFFECTIVEDATE",
            "VALUEDATE",
            "WHEN",
            "NGAY",
            "NGAYGD",
            "NGAYGIAODICH",
            "NGAYHIEULUC",
            "NGAYHACHTOAN",
            "NGAYGIOGIAODICH",
            "THOIGIANGIAODICH",
            // VietinBank's eFAST export (docs/reference/statement-formats.md).
            "NGAYPHATSINH",
            "ACCOUNTINGDATE",
        ],
    ),
    (
        "amount",
        &[
            "AMOUNT",
            "TRANSFERAMOUNT",
            "TRANSACTIONAMOUNT",
            "SOTIEN",
            "SOTIENGIAODICH",
        ],
    ),
    (
        "content",
        &[
            "CONTENT",
            "DESCRIPTION",
            "REMARK",
            "REMARKS",
            "DETAILS",
            "TRANSACTIONDETAILS",
            "NOIDUNG",
            "NOIDUNGCHITIET",
            "NOIDUNGGIAODICH",
            "NOIDUNGCHUYENKHOAN",
            "DIENGIAI",
            "MOTA",
            // VietinBank's eFAST export.
            "MOTAGIAODICH",
            "TRANSACTIONDESCRIPTION",
        ],
    ),
    (
        "reference",
        &[
            "REFERENCE",
            "REFERENCECODE",
            "REFNO",
            "REFERENCENO",
            "REFERENCENUMBER",
            "TRANSACTIONNO",
            "TRANSACTIONID",
            "SOTHAMCHIEU",
            "SOBUTTOAN",
            "MAGIAODICH",
            "SOGIAODICH",
            "SOCHUNGTU",
        ],
    ),
    (
        "counterName",
        &[
            "COUNTERNAME",
            "COUNTERACCOUNTNAME",
            "CORRESPONSIVENAME",
            "REMITTER",
            "REMITTERNAME",
            "TENDONVINGUOICHUYEN",
            "TENNGUOICHUYEN",
            "NGUOICHUYEN",
            "TENDONVICHUYEN",
            "TENTAIKHOANDOIUNG",
        ],
    ),
    ("direction", &["DIRECTION", "TRANSFERTYPE", "TYPE"]),
    (
        "credit",
        &[
            "CREDIT",
            "CREDITAMOUNT",
            "GHICO",
            "SOTIENGHICO",
            "CO",
            "PHATSINHCO",
            // ACB's export (docs/reference/statement-formats.md).
            "TIENGUIVAO",
            "GUIVAO",
        ],
    ),
    (
        "debit",
        &[
            "DEBIT",
            "DEBITAMOUNT",
            "GHINO",
            "SOTIENGHINO",
            "NO",
            "PHATSINHNO",
            // ACB's export.
            "TIENRUTRA",
            "RUTRA",
        ],
    ),
    ("account", &["ACCOUNT", "ACCOUNTNUMBER", "SOTAIKHOAN"]),
    ("gateway", &["GATEWAY", "BANK", "NGANHANG"]),
    (
        "counterAccount",
        &[
            "COUNTERACCOUNT",
            "COUNTERACCOUNTNUMBER",
            "COUNTERACCOUNTNO",
            "COUNTERPARTYACCOUNT",
            "CORRESPONSIVEACCOUNT",
            "BENEFICIARYREMITTERACCOUNT",
            "REMITTERACCOUNT",
            "REMITTERACCOUNTNUMBER",
            "BENEFICIARYACCOUNT",
            "TAIKHOANDOIUNG",
            "SOTAIKHOANDOIUNG",
            "TKDOIUNG",
            "SOTKDOIUNG",
            "TAIKHOANNGUOICHUYEN",
            "SOTAIKHOANNGUOICHUYEN",
            "TKNGUOICHUYEN",
        ],
    ),
];

/// A header cell in comparable form: folded, upper case, only ASCII letters and digits.
pub fn header_key(cell: &str) -> String {
    let mut k = crate::text::fold(cell);
    k.retain(|c| c.is_ascii_alphanumeric());
    k.make_ascii_uppercase();
    k
}

/// The field (index into [`HEADER_NAMES`]) a header cell names, if any.
pub fn field_of(cell: &str) -> Option<usize> {
    let k = header_key(cell);
    if k.is_empty() {
        return None;
    }
    let find = |k: &str| {
        HEADER_NAMES
            .iter()
            .position(|(_, names)| names.contains(&k))
    };
    // Bilingual headers (`Số tiền ghi có/ Credit`, `Ngày GD/ TNX Date/ Số CT/ Doc No`, one
    // name per line): the whole cell first, then each part, the first part that names
    // a field winning.
    find(&k).or_else(|| {
        if !cell.contains(['/', '\n', '(']) {
            return None;
        }
        // `Có` and `Nợ` alone name a field only as a whole cell: `STT/No` is a row number.
        cell.split(['/', '\n', '(', ')'])
            .map(header_key)
            .filter(|k| !k.is_empty() && k != "CO" && k != "NO")
            .find_map(|k| find(&k))
    })
}

const DATE: usize = 0;
const AMOUNT: usize = 1;
const CONTENT: usize = 2;
const CREDIT: usize = 6;
const DEBIT: usize = 7;

/// The column (0-based) of every field a header row names; the first column naming a
/// field wins.
pub fn columns_of(row: &[String]) -> Vec<Option<usize>> {
    // `Có` and `Nợ` (`CO`, `NO`) are weak: `No.` also heads a row-number column; any
    // other name of the field wins over them.
    let mut cols: Vec<Option<(usize, bool)>> = vec![None; HEADER_NAMES.len()];
    for (c, cell) in row.iter().enumerate() {
        if let Some(f) = field_of(cell) {
            let weak = matches!(header_key(cell).as_str(), "CO" | "NO");
            if let Some(slot) = cols.get_mut(f) {
                match slot {
                    None => *slot = Some((c, weak)),
                    Some((_, true)) if !weak => *slot = Some((c, weak)),
                    _ => {}
                }
            }
        }
    }
    cols.into_iter().map(|s| s.map(|(c, _)| c)).collect()
}

/// Whether a row names a date, an amount (or credit/debit) and a content column.
pub fn is_header(row: &[String]) -> bool {
    let cols = columns_of(row);
    let has = |f: usize| cols.get(f).copied().flatten().is_some();
    has(DATE) && (has(AMOUNT) || has(CREDIT) || has(DEBIT)) && has(CONTENT)
}

/// Whether a row holds every one of `names` (folded as header cells): the header row
/// when the columns are mapped by name.
pub fn has_names(row: &[String], names: &[String]) -> bool {
    let keys: Vec<String> = row.iter().map(|c| header_key(c)).collect();
    names
        .iter()
        .all(|n| keys.iter().any(|k| *k == header_key(n)))
}

/// Whether a row after the header row is a totals or closing-balance row rather than a
/// transaction: its date cell holds no date and one of its cells starts with a word banks
/// use for totals (`Tổng`, `Cộng`, `Total`, `Số dư`, `Closing balance`, ...).
pub fn is_total_row(row: &[String], date_col: Option<usize>) -> bool {
    if let Some(d) = date_col.and_then(|c| row.get(c)) {
        if super::Date::parse_lenient(d).is_some() {
            return false;
        }
    }
    row.iter().any(|c| {
        let k = header_key(c);
        TOTAL_WORDS.iter().any(|w| k.starts_with(w))
    })
}

/// The words a statement's totals row starts a cell with, as [`header_key`] gives them
/// (BIDV's `Dư đầu`, `Dư cuối`, `Cuối ngày` rows among them). Invoice lists use the first
/// [`INVOICE_TOTAL_WORDS`] of them.
pub(crate) const TOTAL_WORDS: [&str; 13] = [
    "TONG",
    "CONG",
    "TOTAL",
    "SUBTOTAL",
    "SUM",
    "SODU",
    "CLOSINGBALANCE",
    "OPENINGBALANCE",
    "ENDINGBALANCE",
    "PHATSINH",
    "DUDAU",
    "DUCUOI",
    "CUOINGAY",
];

/// How many of [`TOTAL_WORDS`] (the first ones) mark an invoice list's totals row.
const INVOICE_TOTAL_WORDS: usize = 5;

/// The names a header cell of an invoice list (a school's or a hospital's export) may give
/// each invoice field, as [`HEADER_NAMES`] for statements, field by field as in
/// [`super::INVOICE_FIELDS`]. Within a field the earlier name wins when a row holds two
/// (`Mã hóa đơn` over `Mã HS`: the pupil's code heads the code column only where no
/// invoice code does). Payer is who pays (the parent, `Họ tên phụ huynh`), beneficiary
/// whom it is for (the pupil or patient, `Họ tên học sinh`).
pub const INVOICE_HEADER_NAMES: &[(&str, &[&str])] = &[
    (
        "code",
        &[
            "CODE",
            "INVOICE",
            "INVOICECODE",
            "INVOICENO",
            "INVOICENUMBER",
            "PAYMENTCODE",
            "MAHOADON",
            "MAHD",
            "SOHOADON",
            "MATHANHTOAN",
            "MANOPTIEN",
            "MAKHOANTHU",
            "MAPHIEUTHU",
            "MAHOSO",
            "STUDENTCODE",
            "STUDENTID",
            "MAHS",
            "MAHOCSINH",
            "MASV",
            "MASINHVIEN",
            "MABN",
            "MABENHNHAN",
        ],
    ),
    (
        "amount",
        &[
            "AMOUNT",
            "AMOUNTDUE",
            "TOTALDUE",
            "SOTIEN",
            "SOTIENPHAINOP",
            "SOTIENPHAITHU",
            "SOTIENCANNOP",
            "PHAINOP",
            "PHAITHU",
            "THANHTIEN",
            "TONGTIEN",
            "TONGPHAINOP",
            "HOCPHI",
            "MUCTHU",
        ],
    ),
    (
        "payer",
        &[
            "PAYER",
            "PAYERNAME",
            "PARENT",
            "PARENTNAME",
            "NGUOITRATIEN",
            "NGUOINOP",
            "NGUOINOPTIEN",
            "HOTENNGUOINOP",
            "HOTENPHUHUYNH",
            "PHUHUYNH",
            "TENPHUHUYNH",
        ],
    ),
    (
        "beneficiary",
        &[
            "BENEFICIARY",
            "BENEFICIARYNAME",
            "STUDENT",
            "STUDENTNAME",
            "PATIENT",
            "PATIENTNAME",
            "NGUOITHUHUONG",
            "HOTENHOCSINH",
            "HOTENHS",
            "TENHOCSINH",
            "HOCSINH",
            "HOTEN",
            "HOVATEN",
            "HOTENSINHVIEN",
            "HOTENBENHNHAN",
            "TENBENHNHAN",
        ],
    ),
    (
        "due",
        &[
            "DUE",
            "DUEDATE",
            "HANNOP",
            "HANTHANHTOAN",
            "HANCHOT",
            "NGAYHETHAN",
        ],
    ),
];

/// The column (0-based) of every invoice field a header row names
/// ([`INVOICE_HEADER_NAMES`]); within a field the earlier name wins, then the first column.
pub fn invoice_columns_of(row: &[String]) -> Vec<Option<usize>> {
    let mut best: Vec<Option<(usize, usize)>> = vec![None; INVOICE_HEADER_NAMES.len()];
    for (c, cell) in row.iter().enumerate() {
        let k = header_key(cell);
        if k.is_empty() {
            continue;
        }
        for (f, (_, names)) in INVOICE_HEADER_NAMES.iter().enumerate() {
            if let Some(rank) = names.iter().position(|n| *n == k) {
                match best[f] {
                    Some((r, _)) if r <= rank => {}
                    _ => best[f] = Some((rank, c)),
                }
            }
        }
    }
    best.into_iter().map(|b| b.map(|(_, c)| c)).collect()
}

/// Whether a row names an invoice code and an amount column.
pub fn is_invoice_header(row: &[String]) -> bool {
    let cols = invoice_columns_of(row);
    cols[0].is_some() && cols[1].is_some()
}

/// Whether a row after an invoice list's header row is a totals row: its code cell is
/// empty or itself a totals label, and one of its cells starts with a totals word
/// (`Tổng cộng`, `Cộng`, `Total`, ...).
pub fn is_invoice_total_row(row: &[String], code_col: Option<usize>) -> bool {
    let code = code_col
        .and_then(|c| row.get(c))
        .map(|c| c.trim())
        .unwrap_or("");
    let total_word = |c: &str| {
        let k = header_key(c);
        TOTAL_WORDS[..INVOICE_TOTAL_WORDS]
            .iter()
            .any(|w| k.starts_with(w))
    };
    (code.is_empty() || (total_word(code) && !code.bytes().any(|b| b.is_ascii_digit())))
        && row.iter().any(|c| total_word(c))
}

/// Why a row was skipped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SkippedRow {
    /// 1-based row (line) number.
    pub row: u64,
    /// `preamble` (before the header row) or `total` (a totals row after it).
    pub reason: &'static str,
    /// The row's first non-empty cells, for a person to recognize it.
    pub text: String,
}

impl SkippedRow {
    /// A skipped row, with its first cells as text.
    pub fn new(row: u64, reason: &'static str, cells: &[String]) -> SkippedRow {
        let mut text = String::new();
        for c in cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
            if !text.is_empty() {
                text.push_str(" | ");
            }
            text.push_str(c);
            if text.chars().count() > 80 {
                text = text.chars().take(80).collect::<String>() + "…";
                break;
            }
        }
        SkippedRow { row, reason, text }
    }

    /// The `reconcile.row_skipped` warning for it.
    pub fn finding(&self) -> crate::finding::Finding {
        let (en, vi) = match self.reason {
            "preamble" => ("before the header row", "trước dòng tiêu đề"),
            _ => ("a totals row", "dòng tổng cộng"),
        };
        crate::finding::Finding::new(crate::finding::Code::ReconcileRowSkipped, "").detail_both(
            format!("{en} ({})", self.text),
            format!("{vi} ({})", self.text),
        )
    }
}

/// A bank whose export layout can be named with `--bank`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BankPreset {
    /// The name given to `--bank` (compared folded, without spaces).
    pub name: &'static str,
    /// Other names it is known by.
    pub aliases: &'static [&'static str],
    /// The header names its exports use, `field=Header` as a [`super::Columns`] mapping;
    /// empty where no layout is documented: the generic detection is used.
    pub columns: &'static str,
    /// Where the layout comes from.
    pub source: &'static str,
}

/// The banks `--bank` knows. No bank publishes its export layout; where a public
/// description of one was found (Vietcombank, ACB: docs/reference/statement-formats.md)
/// its header names are among [`HEADER_NAMES`] (bilingual cells read part by part), so
/// the generic header detection reads it and no fixed mapping is needed; `columns` would
/// hold one for a layout whose names the generic detection cannot know. The name is kept
/// in the mapping (and used by the memo envelope reader for the bank's shapes).
pub const BANK_PRESETS: &[BankPreset] = &[
    BankPreset {
        name: "vietcombank",
        aliases: &["vcb"],
        columns: "",
        source: "observed layout (bilingual headers Ngày GD/TNX Date, Số tiền ghi nợ/Debit, Số tiền ghi có/Credit, Nội dung chi tiết/Transactions in detail): generic header detection reads it",
    },
    BankPreset {
        name: "vietinbank",
        aliases: &["ctg", "icb"],
        columns: "",
        source: "observed layout (eFAST: Ngày hạch toán/Accounting date, Mô tả giao dịch/Transaction description, Nợ/Debit, Có/Credit, Số giao dịch/Transaction number): generic header detection reads it",
    },
    BankPreset {
        name: "bidv",
        aliases: &[],
        columns: "",
        source: "observed layout (Ngày hiệu lực, Ghi nợ, Ghi có, Mô tả; Dư đầu, Dư cuối rows): generic header detection reads it",
    },
    BankPreset {
        name: "agribank",
        aliases: &["vba"],
        columns: "",
        source: "no published layout: generic header detection",
    },
    BankPreset {
        name: "techcombank",
        aliases: &["tcb"],
        columns: "",
        source: "observed printed layout (Ngày giao dịch/Transaction date, Đối tác/Remitter, Diễn giải/Details, Số bút toán/Transaction No, Nợ/Debit, Có/Credit): generic header detection reads it",
    },
    BankPreset {
        name: "mb",
        aliases: &["mbbank"],
        columns: "",
        source: "no published layout: generic header detection",
    },
    BankPreset {
        name: "acb",
        aliases: &[],
        columns: "",
        source: "observed layout (Ngày giao dịch, Tiền rút ra, Tiền gửi vào, Nội dung): generic header detection reads it",
    },
    BankPreset {
        name: "vpbank",
        aliases: &["vpb"],
        columns: "",
        source: "no published layout: generic header detection",
    },
    BankPreset {
        name: "sacombank",
        aliases: &["stb"],
        columns: "",
        source: "no published layout: generic header detection",
    },
    BankPreset {
        name: "tpbank",
        aliases: &["tpb"],
        columns: "",
        source: "no published layout: generic header detection",
    },
];

/// The preset named `name` (folded, without spaces or punctuation).
pub fn bank_preset(name: &str) -> Option<&'static BankPreset> {
    let k = header_key(name).to_ascii_lowercase();
    BANK_PRESETS
        .iter()
        .find(|b| b.name == k || b.aliases.contains(&k.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn the_issue_header_is_a_header_and_preamble_rows_are_not() {
        let h = row(&[
            "STT",
            "Ngày GD",
            "Số tiền ghi nợ",
            "Số tiền ghi có",
            "Số dư",
            "Nội dung chi tiết",
        ]);
        assert!(is_header(&h));
        let cols = columns_of(&h);
        assert_eq!(cols[DATE], Some(1));
        assert_eq!(cols[DEBIT], Some(2));
        assert_eq!(cols[CREDIT], Some(3));
        assert_eq!(cols[CONTENT], Some(5));
        assert!(!is_header(&row(&["Số tài khoản", "0011001000111"])));
        assert!(!is_header(&row(&[
            "Từ ngày",
            "01/09/2024",
            "Đến ngày",
            "30/09/2024"
        ])));
    }

    #[test]
    fn names_read_with_and_without_diacritics_and_in_english() {
        for (cell, field) in [
            ("Ngày giao dịch", "date"),
            ("NGAY HIEU LUC", "date"),
            ("Transaction date", "date"),
            ("Ghi có", "credit"),
            ("Có", "credit"),
            ("Credit", "credit"),
            ("Nợ", "debit"),
            ("Diễn giải", "content"),
            ("Mô tả", "content"),
            ("Remark", "content"),
            ("Số bút toán", "reference"),
            ("Mã giao dịch", "reference"),
            ("Tên đơn vị/người chuyển", "counterName"),
            ("Tài khoản đối ứng", "counterAccount"),
            ("TK đối ứng", "counterAccount"),
            ("Số tài khoản đối ứng", "counterAccount"),
            ("Counter account", "counterAccount"),
            ("Beneficiary/Remitter account", "counterAccount"),
            ("Tên tài khoản đối ứng", "counterName"),
            ("Số tài khoản", "account"),
        ] {
            let f = field_of(cell).map(|f| HEADER_NAMES[f].0);
            assert_eq!(f, Some(field), "{cell}");
        }
        assert_eq!(field_of("Số dư"), None);
        // Bilingual headers, Vietnamese / English, as Vietcombank's statement prints them.
        for (cell, field) in [
            ("Ngày GD/ TNX Date/ Số CT/ Doc No", "date"),
            ("Số tiền ghi nợ/\nDebit", "debit"),
            ("Số tiền ghi có/ Credit", "credit"),
            ("Nội dung chi tiết/ Transactions in detail", "content"),
            ("Tên đơn vị/người chuyển", "counterName"),
            // VietinBank eFAST.
            ("Ngày hạch toán / Accounting date", "date"),
            ("Mô tả giao dịch / Transaction description", "content"),
            ("Nợ / Debit", "debit"),
            ("Có / Credit", "credit"),
            ("Số giao dịch / Transaction number", "reference"),
            // ACB.
            ("Tiền gửi vào", "credit"),
            ("Tiền rút ra", "debit"),
        ] {
            let f = field_of(cell).map(|f| HEADER_NAMES[f].0);
            assert_eq!(f, Some(field), "{cell}");
        }
        assert_eq!(field_of("Số dư/ Balance"), None);
        assert_eq!(field_of("STT/\nNo"), None);
        assert_eq!(field_of("STT"), None);
    }

    #[test]
    fn totals_rows_are_told_from_transactions() {
        let t = row(&["", "", "Tổng cộng", "1.000.000", ""]);
        assert!(is_total_row(&t, Some(0)));
        let tx = row(&["01/09/2024", "Tổng hợp học phí", "", "1.000.000", ""]);
        assert!(!is_total_row(&tx, Some(0)));
        assert!(is_total_row(
            &row(&["Số dư cuối kỳ", "", "5.000.000"]),
            Some(0)
        ));
        // BIDV's closing rows.
        assert!(is_total_row(
            &row(&["Dư cuối kỳ", "", "5.000.000"]),
            Some(0)
        ));
        assert!(is_total_row(&row(&["", "DƯ ĐẦU", "1.000"]), Some(0)));
    }

    #[test]
    fn invoice_headers_of_a_school_export() {
        let h = row(&[
            "STT",
            "Mã HS",
            "Họ tên học sinh",
            "Lớp",
            "Mã hóa đơn",
            "Họ tên phụ huynh",
            "Số tiền",
            "Hạn nộp",
        ]);
        assert!(is_invoice_header(&h));
        // The invoice code wins over the pupil's code; payer is the parent.
        assert_eq!(
            invoice_columns_of(&h),
            vec![Some(4), Some(6), Some(5), Some(2), Some(7)]
        );
        let only_pupil = row(&["Mã HS", "Họ tên học sinh", "Số tiền phải nộp"]);
        assert_eq!(invoice_columns_of(&only_pupil)[0], Some(0));
        assert!(!is_invoice_header(&row(&[
            "DANH SÁCH HỌC PHÍ THÁNG 9/2024"
        ])));
        assert!(!is_invoice_header(&row(&["Mã hóa đơn", "Ghi chú"])));
        assert!(is_invoice_total_row(
            &row(&["", "", "Tổng cộng", "", "", "", "9.000.000"]),
            Some(4)
        ));
        // A payer named Tống is no totals row.
        assert!(!is_invoice_total_row(
            &row(&["1", "HS1", "Tống Văn An", "", "HP00000017", "", "1.000.000"]),
            Some(4)
        ));
    }

    #[test]
    fn bank_names_are_found_by_alias() {
        assert_eq!(bank_preset("VCB").map(|b| b.name), Some("vietcombank"));
        assert_eq!(bank_preset("MB Bank").map(|b| b.name), Some("mb"));
        assert_eq!(bank_preset("Nowhere Bank"), None);
    }
}
