//! The registry of banks and e-wallet routes that take VietQR transfers, by BIN.
//!
//! Source (facts transcribed, no code): the public VietQR.io bank list (`api.vietqr.io/v2/banks`:
//! `bin`, `code`, `shortName`, `name`) as transcribed in public repositories in 2024–2025,
//! cross-checked against the NAPAS member lists in the same repositories. Older names that
//! payers still type (OceanBank, LienVietPostBank, DongA Bank, Bản Việt / BVBank) are kept as
//! aliases of the BIN that now carries them. A table, not a live list: banks merge and
//! rename; check new BINs against the VietQR.io list.
//!
//! Look-ups ignore case, accents, spaces and punctuation (`"vietinbank"`, `"Vietin Bank"`,
//! `"ICB"`, `"Ngân hàng TMCP Công thương Việt Nam"` all find BIN 970415).
//!
//! # Example
//!
//! ```
//! use vietref::vietqr::banks;
//!
//! let b = banks::lookup("VCB").expect("in the registry");
//! assert_eq!(b.bin, "970436");
//! assert_eq!(banks::by_bin("970436").map(|b| b.bin), Some("970436"));
//! ```

use serde::Serialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// What kind of institution a BIN routes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Kind {
    /// A bank (including foreign banks' Vietnamese subsidiaries and branches).
    Bank,
    /// A bank's digital brand with its own BIN (CAKE, Ubank, Timo, PVcomBank Pay).
    DigitalBank,
    /// A mobile-money / e-wallet service with its own BIN (Viettel Money, VNPT Money).
    MobileMoney,
    /// A finance company.
    FinanceCompany,
    /// An e-wallet (intermediary payment service) that NAPAS routes VietQR transfers to
    /// under its own BIN, like a bank (MoMo, 971025): the account is the wallet's
    /// (a phone number or a `PSP…`/`PMC…` wallet account).
    Wallet,
}

/// One registry entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Bank {
    /// The 6-digit BIN written into tag 38.01.00.
    pub bin: &'static str,
    /// The short name apps show (`Vietcombank`).
    pub short_name: &'static str,
    /// The full Vietnamese name.
    pub name: &'static str,
    /// Codes and other names it is known by: the VietQR.io code first (`VCB`), then older
    /// names and common abbreviations.
    pub codes: &'static [&'static str],
    /// Bank, digital bank, mobile money or finance company.
    pub kind: Kind,
    /// What else the BIN routes, when that matters to a payer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'static str>,
}

const fn b(
    bin: &'static str,
    short_name: &'static str,
    codes: &'static [&'static str],
    name: &'static str,
) -> Bank {
    Bank {
        bin,
        short_name,
        name,
        codes,
        kind: Kind::Bank,
        note: None,
    }
}

const fn k(bank: Bank, kind: Kind) -> Bank {
    Bank { kind, ..bank }
}

/// Every entry, most used first.
pub static BANKS: &[Bank] = &[
    b(
        "970436",
        "Vietcombank",
        &["VCB"],
        "Ngân hàng TMCP Ngoại Thương Việt Nam",
    ),
    b(
        "970415",
        "VietinBank",
        &["ICB", "CTG"],
        "Ngân hàng TMCP Công thương Việt Nam",
    ),
    b(
        "970418",
        "BIDV",
        &["BIDV"],
        "Ngân hàng TMCP Đầu tư và Phát triển Việt Nam",
    ),
    b(
        "970405",
        "Agribank",
        &["VBA", "VBARD"],
        "Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam",
    ),
    b("970422", "MBBank", &["MB"], "Ngân hàng TMCP Quân đội"),
    b(
        "970407",
        "Techcombank",
        &["TCB"],
        "Ngân hàng TMCP Kỹ thương Việt Nam",
    ),
    b("970416", "ACB", &["ACB"], "Ngân hàng TMCP Á Châu"),
    b(
        "970432",
        "VPBank",
        &["VPB"],
        "Ngân hàng TMCP Việt Nam Thịnh Vượng",
    ),
    b("970423", "TPBank", &["TPB"], "Ngân hàng TMCP Tiên Phong"),
    b(
        "970403",
        "Sacombank",
        &["STB"],
        "Ngân hàng TMCP Sài Gòn Thương Tín",
    ),
    b(
        "970437",
        "HDBank",
        &["HDB"],
        "Ngân hàng TMCP Phát triển Thành phố Hồ Chí Minh",
    ),
    Bank {
        note: Some("also carries MoMo e-wallet accounts (account numbers like 99MM24011M34875080)"),
        ..b(
            "970454",
            "VietCapitalBank",
            &["VCCB", "BVBank", "Ban Viet"],
            "Ngân hàng TMCP Bản Việt",
        )
    },
    b("970429", "SCB", &["SCB"], "Ngân hàng TMCP Sài Gòn"),
    b("970441", "VIB", &["VIB"], "Ngân hàng TMCP Quốc tế Việt Nam"),
    b("970443", "SHB", &["SHB"], "Ngân hàng TMCP Sài Gòn - Hà Nội"),
    b(
        "970431",
        "Eximbank",
        &["EIB"],
        "Ngân hàng TMCP Xuất Nhập khẩu Việt Nam",
    ),
    b(
        "970426",
        "MSB",
        &["MSB", "Maritime Bank"],
        "Ngân hàng TMCP Hàng Hải Việt Nam",
    ),
    b("970448", "OCB", &["OCB"], "Ngân hàng TMCP Phương Đông"),
    b(
        "970449",
        "LPBank",
        &["LPB", "LienVietPostBank"],
        "Ngân hàng TMCP Lộc Phát Việt Nam",
    ),
    b("970440", "SeABank", &["SEAB"], "Ngân hàng TMCP Đông Nam Á"),
    b("970425", "ABBANK", &["ABB"], "Ngân hàng TMCP An Bình"),
    b("970409", "BacABank", &["BAB"], "Ngân hàng TMCP Bắc Á"),
    b(
        "970400",
        "SaigonBank",
        &["SGICB"],
        "Ngân hàng TMCP Sài Gòn Công Thương",
    ),
    b(
        "970412",
        "PVcomBank",
        &["PVCB"],
        "Ngân hàng TMCP Đại Chúng Việt Nam",
    ),
    b(
        "970414",
        "MBV",
        &["MBV", "OceanBank"],
        "Ngân hàng TNHH MTV Việt Nam Hiện Đại",
    ),
    b("970419", "NCB", &["NCB"], "Ngân hàng TMCP Quốc Dân"),
    b(
        "970424",
        "ShinhanBank",
        &["SHBVN"],
        "Ngân hàng TNHH MTV Shinhan Việt Nam",
    ),
    b("970427", "VietABank", &["VAB"], "Ngân hàng TMCP Việt Á"),
    b("970428", "NamABank", &["NAB"], "Ngân hàng TMCP Nam Á"),
    b(
        "970430",
        "PGBank",
        &["PGB"],
        "Ngân hàng TMCP Thịnh vượng và Phát triển",
    ),
    b(
        "970433",
        "VietBank",
        &["VIETBANK"],
        "Ngân hàng TMCP Việt Nam Thương Tín",
    ),
    b("970438", "BaoVietBank", &["BVB"], "Ngân hàng TMCP Bảo Việt"),
    b(
        "970446",
        "COOPBANK",
        &["COOPBANK"],
        "Ngân hàng Hợp tác xã Việt Nam",
    ),
    b(
        "970452",
        "KienLongBank",
        &["KLB"],
        "Ngân hàng TMCP Kiên Long",
    ),
    b(
        "970444",
        "CBBank",
        &["CBB"],
        "Ngân hàng Thương mại TNHH MTV Xây dựng Việt Nam",
    ),
    b(
        "970406",
        "Vikki",
        &["Vikki", "DongA Bank", "DAB"],
        "Ngân hàng TNHH MTV Số Vikki",
    ),
    b(
        "970408",
        "GPBank",
        &["GPB"],
        "Ngân hàng Thương mại TNHH MTV Dầu Khí Toàn Cầu",
    ),
    b("970421", "VRB", &["VRB"], "Ngân hàng Liên doanh Việt - Nga"),
    b(
        "970434",
        "IndovinaBank",
        &["IVB"],
        "Ngân hàng TNHH Indovina",
    ),
    b(
        "970439",
        "PublicBank",
        &["PBVN"],
        "Ngân hàng TNHH MTV Public Việt Nam",
    ),
    b(
        "970442",
        "HongLeong",
        &["HLBVN"],
        "Ngân hàng TNHH MTV Hong Leong Việt Nam",
    ),
    b(
        "970457",
        "Woori",
        &["WVN"],
        "Ngân hàng TNHH MTV Woori Việt Nam",
    ),
    b(
        "970458",
        "UnitedOverseas",
        &["UOB"],
        "Ngân hàng United Overseas - Chi nhánh TP. Hồ Chí Minh",
    ),
    b(
        "970410",
        "StandardChartered",
        &["SCVN"],
        "Ngân hàng TNHH MTV Standard Chartered Bank Việt Nam",
    ),
    b(
        "970455",
        "IBKHN",
        &["IBK - HN"],
        "Ngân hàng Công nghiệp Hàn Quốc - Chi nhánh Hà Nội",
    ),
    b(
        "970456",
        "IBKHCM",
        &["IBK - HCM"],
        "Ngân hàng Công nghiệp Hàn Quốc - Chi nhánh TP. Hồ Chí Minh",
    ),
    b(
        "970462",
        "KookminHN",
        &["KBHN"],
        "Ngân hàng Kookmin - Chi nhánh Hà Nội",
    ),
    b(
        "970463",
        "KookminHCM",
        &["KBHCM"],
        "Ngân hàng Kookmin - Chi nhánh Thành phố Hồ Chí Minh",
    ),
    b(
        "970466",
        "KEBHanaHCM",
        &["KEBHANAHCM"],
        "Ngân hàng KEB Hana – Chi nhánh Thành phố Hồ Chí Minh",
    ),
    b(
        "970467",
        "KEBHanaHN",
        &["KEBHANAHN"],
        "Ngân hàng KEB Hana – Chi nhánh Hà Nội",
    ),
    b(
        "458761",
        "HSBC",
        &["HSBC"],
        "Ngân hàng TNHH MTV HSBC (Việt Nam)",
    ),
    b(
        "422589",
        "CIMB",
        &["CIMB"],
        "Ngân hàng TNHH MTV CIMB Việt Nam",
    ),
    b(
        "796500",
        "DBSBank",
        &["DBS"],
        "DBS Bank Ltd - Chi nhánh Thành phố Hồ Chí Minh",
    ),
    b(
        "533948",
        "Citibank",
        &["CITIBANK"],
        "Ngân hàng Citibank, N.A. - Chi nhánh Hà Nội",
    ),
    b(
        "668888",
        "KBank",
        &["KBank", "Kasikornbank"],
        "Ngân hàng Đại chúng TNHH Kasikornbank",
    ),
    b(
        "801011",
        "Nonghyup",
        &["NHB HN"],
        "Ngân hàng Nonghyup - Chi nhánh Hà Nội",
    ),
    b("999888", "VBSP", &["VBSP"], "Ngân hàng Chính sách Xã hội"),
    k(
        b(
            "546034",
            "CAKE",
            &["CAKE"],
            "TMCP Việt Nam Thịnh Vượng - Ngân hàng số CAKE by VPBank",
        ),
        Kind::DigitalBank,
    ),
    k(
        b(
            "546035",
            "Ubank",
            &["Ubank"],
            "TMCP Việt Nam Thịnh Vượng - Ngân hàng số Ubank by VPBank",
        ),
        Kind::DigitalBank,
    ),
    k(
        b(
            "963388",
            "Timo",
            &["TIMO"],
            "Ngân hàng số Timo by Ban Viet Bank",
        ),
        Kind::DigitalBank,
    ),
    k(
        b(
            "971133",
            "PVcomBank Pay",
            &["PVDB"],
            "Ngân hàng TMCP Đại Chúng Việt Nam Ngân hàng số",
        ),
        Kind::DigitalBank,
    ),
    k(
        b(
            "971005",
            "ViettelMoney",
            &["VTLMONEY", "ViettelPay"],
            "Tổng Công ty Dịch vụ số Viettel - Chi nhánh tập đoàn công nghiệp viễn thông Quân Đội",
        ),
        Kind::MobileMoney,
    ),
    k(
        b(
            "971011",
            "VNPTMoney",
            &["VNPTMONEY", "VNPT Pay"],
            "VNPT Money",
        ),
        Kind::MobileMoney,
    ),
    // MoMo under its own BIN: in the VietQR.io list (`code: momo`, `bin: 971025`,
    // "CTCP Dịch Vụ Di Động Trực Tuyến") as transcribed in public repositories in 2025, and
    // in MoMo's own transfer codes (tag 38 `0006971025`, accounts `PSP…` of 19 characters or
    // a 10-digit phone number, tag 62.05 `MOMOW2W…`) quoted in public repositories. Earlier
    // MoMo codes route through Bản Việt (970454, see its note).
    k(
        b(
            "971025",
            "MoMo",
            &["momo", "Vi MoMo", "MoMo e-wallet"],
            "CTCP Dịch Vụ Di Động Trực Tuyến",
        ),
        Kind::Wallet,
    ),
    k(
        b(
            "977777",
            "MAFC",
            &["MAFC"],
            "Công ty Tài chính TNHH MTV Mirae Asset (Việt Nam)",
        ),
        Kind::FinanceCompany,
    ),
];

/// The look-up key: accents, case, spaces and punctuation dropped.
fn key(s: &str) -> String {
    crate::text::fold(s).replace(' ', "")
}

fn index() -> &'static HashMap<String, usize> {
    static INDEX: OnceLock<HashMap<String, usize>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut m = HashMap::new();
        // Later (weaker) names never displace earlier ones: full names first would let a
        // long name shadow a code, so insert codes and short names first.
        for (i, bank) in BANKS.iter().enumerate() {
            m.entry(key(bank.short_name)).or_insert(i);
            for c in bank.codes {
                m.entry(key(c)).or_insert(i);
            }
        }
        for (i, bank) in BANKS.iter().enumerate() {
            m.entry(key(bank.name)).or_insert(i);
        }
        // The distinctive part of the full name: "Á Châu", "Ngoại Thương Việt Nam".
        for (i, bank) in BANKS.iter().enumerate() {
            let folded = crate::text::fold(bank.name);
            let mut rest = folded.as_str();
            for prefix in ["NGAN HANG ", "THUONG MAI ", "TMCP ", "TNHH ", "MTV "] {
                rest = rest.strip_prefix(prefix).unwrap_or(rest);
            }
            if rest.len() < folded.len() && rest.len() >= 4 {
                m.entry(rest.replace(' ', "")).or_insert(i);
            }
        }
        m
    })
}

/// The entry for a 6-digit BIN.
///
/// ```
/// assert_eq!(vietref::vietqr::banks::by_bin("970436").unwrap().short_name, "Vietcombank");
/// ```
pub fn by_bin(bin: &str) -> Option<&'static Bank> {
    BANKS.iter().find(|b| b.bin == bin)
}

/// The entry for a short name, code, former name, full name or the distinctive part of the
/// full name (`Á Châu`, `Ngoại Thương Việt Nam`); case-, accent-, space- and
/// punctuation-insensitive.
///
/// ```
/// use vietref::vietqr::banks::by_name;
/// assert_eq!(by_name("vietin bank").unwrap().bin, "970415");
/// assert_eq!(by_name("ngân hàng tmcp á châu").unwrap().bin, "970416");
/// assert_eq!(by_name("LienVietPostBank").unwrap().bin, "970449");
/// ```
pub fn by_name(name: &str) -> Option<&'static Bank> {
    let k = key(name);
    if k.is_empty() {
        return None;
    }
    index().get(&k).and_then(|&i| BANKS.get(i))
}

/// [`by_bin`] for six digits, [`by_name`] otherwise.
pub fn lookup(query: &str) -> Option<&'static Bank> {
    let q = query.trim();
    if q.len() == 6 && q.bytes().all(|b| b.is_ascii_digit()) {
        by_bin(q)
    } else {
        by_name(q)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn bins_are_unique_six_digits() {
        let mut seen = HashSet::new();
        for b in BANKS {
            assert!(
                b.bin.len() == 6 && b.bin.bytes().all(|c| c.is_ascii_digit()),
                "{}",
                b.bin
            );
            assert!(seen.insert(b.bin), "duplicate {}", b.bin);
        }
        assert!(BANKS.len() >= 60);
    }

    #[test]
    fn codes_and_short_names_do_not_collide() {
        let mut owner: HashMap<String, &str> = HashMap::new();
        for b in BANKS {
            let mut keys: HashSet<String> = b.codes.iter().map(|c| key(c)).collect();
            keys.insert(key(b.short_name));
            for k in keys {
                if let Some(other) = owner.insert(k.clone(), b.bin) {
                    panic!("{k} names both {other} and {}", b.bin);
                }
            }
        }
    }

    #[test]
    fn look_ups() {
        assert_eq!(lookup("970422").unwrap().short_name, "MBBank");
        assert_eq!(lookup(" mb ").unwrap().bin, "970422");
        assert_eq!(lookup("VIETCOMBANK").unwrap().bin, "970436");
        assert_eq!(
            lookup("Ngân hàng TMCP Ngoại thương Việt Nam").unwrap().bin,
            "970436"
        );
        assert_eq!(lookup("ibk-hn").unwrap().bin, "970455");
        assert_eq!(lookup("viettel money").unwrap().kind, Kind::MobileMoney);
        // Wallets seen in real payloads under their own BIN (issue 18).
        assert_eq!(by_bin("971025").unwrap().kind, Kind::Wallet);
        assert_eq!(lookup("MoMo").unwrap().bin, "971025");
        assert_eq!(by_bin("970454").unwrap().kind, Kind::Bank);
        assert_eq!(lookup("oceanbank").unwrap().bin, "970414");
        assert_eq!(lookup("Á Châu").unwrap().bin, "970416");
        assert_eq!(lookup("cong thuong viet nam").unwrap().bin, "970415");
        assert!(lookup("").is_none());
        assert!(lookup("999999").is_none());
        assert!(lookup("no such bank").is_none());
    }
}
