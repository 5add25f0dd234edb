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
