//! The corpus of `benches/text.rs` and `benches/message_count.rs` (names, reasons,
//! tuition-like message drafts): the callgrind count and the criterion time measure the
//! same messages.

#![allow(dead_code)]

use vietref::MessageDraft;

pub const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý",
];
pub const MIDDLE: &[&str] = &[
    "Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Thu", "Xuân", "Hoài", "Gia",
];
pub const GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Hòa", "Thủy", "Tuấn", "Hương", "Khoa", "Quỳnh", "Nguyệt",
    "Trúc", "Yến", "Đạt", "Ước", "Thuỵ",
];
pub const REASONS: &[&str] = &[
    "Học phí học kỳ 1 năm học 2024-2025",
    "Viện phí nội trú khoa Nội tổng hợp",
    "Tiền ăn bán trú tháng 9",
    "Bảo hiểm y tế học sinh",
    "Phí xét nghiệm và chẩn đoán hình ảnh",
];

/// Deterministic corpus of `n` names (a tiny LCG; no dependency on rand).
pub fn names(n: usize) -> Vec<String> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |m: usize| {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((x >> 33) as usize) % m
    };
    (0..n)
        .map(|_| {
            format!(
                "{} {} {}",
                FAMILY[next(FAMILY.len())],
                MIDDLE[next(MIDDLE.len())],
                GIVEN[next(GIVEN.len())]
            )
        })
        .collect()
}

/// `n` tuition-like drafts: education, two names of the corpus, a reason, an invoice code
/// and an amount.
pub fn message_drafts(n: usize) -> Vec<MessageDraft> {
    let ns = names(n);
    ns.iter()
        .enumerate()
        .map(|(i, name)| MessageDraft {
            sector: Some("education".into()),
            payer_name: Some(name.clone()),
            beneficiary_name: Some(ns[(i * 7 + 3) % ns.len()].clone()),
            reason: Some(REASONS[i % REASONS.len()].into()),
            invoice: Some(format!("HP{:08}", i * 7919)),
            amount: Some(serde_json::json!(1_250_000 + i as u64)),
        })
        .collect()
}
