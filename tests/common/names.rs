//! Common Vietnamese name syllables, and a deterministic generator of full names, shared by
//! tests/legacy.rs and benches/legacy.rs.
#![allow(dead_code)]

/// Common family names.
pub const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Lương", "Mai", "Tạ", "Đoàn", "Lâm", "Trương",
    "Cao", "Quách", "Hà", "Tô", "Kiều", "Thái",
];

/// Common middle names.
pub const MIDDLE: &[&str] = &[
    "Văn", "Thị", "Hữu", "Đức", "Ngọc", "Minh", "Thanh", "Thu", "Xuân", "Quốc", "Gia", "Bảo",
    "Kim", "Thùy", "Hoài", "Mỹ", "Như", "Phương", "Anh", "Diệu", "Trọng", "Khắc",
];

/// Common given names, some starting with an upper-case toned letter.
pub const GIVEN: &[&str] = &[
    "An", "Anh", "Bình", "Châu", "Cường", "Dũng", "Duy", "Giang", "Hà", "Hải", "Hạnh", "Hiếu",
    "Hiền", "Hòa", "Hoa", "Hùng", "Hương", "Huy", "Khánh", "Khoa", "Lan", "Linh", "Long", "Mai",
    "Minh", "Nam", "Nga", "Ngân", "Nhung", "Oanh", "Phong", "Phúc", "Quân", "Quang", "Quý", "Sơn",
    "Tâm", "Thảo", "Thắng", "Thủy", "Tiến", "Trang", "Trung", "Tú", "Tuấn", "Tùng", "Uyên", "Vân",
    "Việt", "Vy", "Yến", "Đạt", "Đông", "Nhật", "Ánh", "Ổn", "Ẩn", "Ứng", "Ước", "Ỷ", "Ấn", "Ộ",
    "Ửng", "Ễnh", "Ỵ", "Ỹ",
];

/// Every syllable above.
pub fn all_syllables() -> Vec<&'static str> {
    FAMILY.iter().chain(MIDDLE).chain(GIVEN).copied().collect()
}

/// A deterministic pseudo-random full name (xorshift on `seed`).
pub fn name(seed: &mut u64) -> String {
    let mut pick = |list: &[&'static str]| {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        list[(*seed % list.len() as u64) as usize]
    };
    let f = pick(FAMILY);
    let m = pick(MIDDLE);
    let g = pick(GIVEN);
    format!("{f} {m} {g}")
}

/// About `bytes` bytes of names, one per line.
pub fn names_text(bytes: usize) -> String {
    let mut seed = 0x9E37_79B9_7F4A_7C15;
    let mut s = String::with_capacity(bytes + 64);
    while s.len() < bytes {
        s.push_str(&name(&mut seed));
        s.push('\n');
    }
    s
}

/// Family names of real people, roughly by frequency (the fourteen most common cover
/// about 90 % of Vietnamese people).
pub const REAL_FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Lương", "Mai", "Tạ", "Đoàn", "Lâm", "Trương",
    "Cao", "Quách", "Hà", "Tô", "Kiều", "Thái", "Văn", "La", "Châu", "Phùng", "Vương", "Tăng",
    "Từ", "Triệu", "Đào", "Lưu", "Tôn", "Mạc", "Diệp", "Âu", "Ông", "Ứng", "Doãn", "Khúc",
];

/// Middle names of real people.
pub const REAL_MIDDLE: &[&str] = &[
    "Văn",
    "Thị",
    "Hữu",
    "Đức",
    "Ngọc",
    "Minh",
    "Thanh",
    "Thu",
    "Xuân",
    "Quốc",
    "Gia",
    "Bảo",
    "Kim",
    "Thùy",
    "Hoài",
    "Mỹ",
    "Như",
    "Phương",
    "Anh",
    "Diệu",
    "Trọng",
    "Khắc",
    "Công",
    "Đình",
    "Quang",
    "Hoàng",
    "Tuấn",
    "Hồng",
    "Thúy",
    "Bích",
    "Khánh",
    "Nhật",
    "Mạnh",
    "Tiến",
    "Duy",
    "Trung",
    "Hải",
    "Thế",
    "Trường",
    "Thành",
    "Ánh",
    "Yến",
    "Tú",
    "Cẩm",
    "Diễm",
    "Huyền",
    "Lan",
    "Phúc",
    "Tường",
    "Uyên",
];

/// Given names of real people.
pub const REAL_GIVEN: &[&str] = &[
    "An",
    "Anh",
    "Bình",
    "Châu",
    "Cường",
    "Dũng",
    "Duy",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hiếu",
    "Hiền",
    "Hòa",
    "Hoa",
    "Hùng",
    "Hương",
    "Huy",
    "Khánh",
    "Khoa",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Minh",
    "Nam",
    "Nga",
    "Ngân",
    "Nhung",
    "Oanh",
    "Phong",
    "Phúc",
    "Quân",
    "Quang",
    "Quý",
    "Sơn",
    "Tâm",
    "Thảo",
    "Thắng",
    "Thủy",
    "Tiến",
    "Trang",
    "Trung",
    "Tú",
    "Tuấn",
    "Tùng",
    "Uyên",
    "Vân",
    "Việt",
    "Vy",
    "Yến",
    "Đạt",
    "Đông",
    "Nhật",
    "Ánh",
    "Hằng",
    "Huyền",
    "Hưng",
    "Khôi",
    "Lộc",
    "Ly",
    "My",
    "Ngọc",
    "Nhi",
    "Phát",
    "Phượng",
    "Quyên",
    "Quỳnh",
    "Tài",
    "Thanh",
    "Thịnh",
    "Thư",
    "Trâm",
    "Trí",
    "Tín",
    "Tuyết",
    "Vũ",
    "Đức",
    "Dương",
    "Hiệp",
    "Hoàng",
    "Hậu",
    "Kiên",
    "Lực",
    "Nghĩa",
    "Nguyên",
    "Nhân",
    "Sang",
    "Thuận",
    "Toàn",
    "Vinh",
    "Xuân",
    "Ý",
    "Ân",
    "Ẩn",
    "Ước",
    "Điệp",
    "Giao",
    "Hạ",
    "Kiều",
    "Loan",
    "Mỹ",
    "Nguyệt",
    "Thơ",
    "Thoa",
    "Trinh",
    "Tuệ",
    "Vỹ",
    "Yên",
    "Bảo",
    "Chi",
    "Diệp",
    "Đào",
    "Hân",
    "Khuê",
];

/// A real-looking personal name of `n` syllables (2 to 4): family, `n - 2` middle names,
/// given name. `below(k)` is a random number in 0..k.
pub fn real_name_parts(below: &mut impl FnMut(usize) -> usize, n: usize) -> String {
    let mut parts = vec![REAL_FAMILY[below(REAL_FAMILY.len())]];
    for _ in 2..n {
        parts.push(REAL_MIDDLE[below(REAL_MIDDLE.len())]);
    }
    parts.push(REAL_GIVEN[below(REAL_GIVEN.len())]);
    parts.join(" ")
}

/// A real-looking personal name of 2 to 4 syllables (3 most often, as in life).
pub fn real_name(below: &mut impl FnMut(usize) -> usize) -> String {
    let n = match below(10) {
        0..=1 => 2,
        2..=7 => 3,
        _ => 4,
    };
    real_name_parts(below, n)
}
