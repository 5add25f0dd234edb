//! Text benchmarks (issue 2): fold throughput against `any_ascii` and `deunicode` on the same
//! corpus, name normalization, and full message normalize + validate.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use vietref::text;
use vietref::MessageDraft;

const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý",
];
const MIDDLE: &[&str] = &[
    "Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Thu", "Xuân", "Hoài", "Gia",
];
const GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Hòa", "Thủy", "Tuấn", "Hương", "Khoa", "Quỳnh", "Nguyệt",
    "Trúc", "Yến", "Đạt", "Ước", "Thuỵ",
];
const REASONS: &[&str] = &[
    "Học phí học kỳ 1 năm học 2024-2025",
    "Viện phí nội trú khoa Nội tổng hợp",
    "Tiền ăn bán trú tháng 9",
    "Bảo hiểm y tế học sinh",
    "Phí xét nghiệm và chẩn đoán hình ảnh",
];

/// Deterministic corpus of `n` names (a tiny LCG; no dependency on rand).
fn names(n: usize) -> Vec<String> {
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

fn corpus_text() -> String {
    let mut s = String::new();
    for (i, n) in names(2000).iter().enumerate() {
        s.push_str(n);
        s.push(' ');
        s.push_str(REASONS[i % REASONS.len()]);
        s.push('\n');
    }
    s
}

fn bench_fold(c: &mut Criterion) {
    let text = corpus_text();
    let mut g = c.benchmark_group("fold");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("vietref::text::fold", |b| {
        b.iter(|| text::fold(black_box(&text)))
    });
    g.bench_function("any_ascii", |b| {
        b.iter(|| any_ascii::any_ascii(black_box(&text)))
    });
    g.bench_function("deunicode", |b| {
        b.iter(|| deunicode::deunicode(black_box(&text)))
    });
    g.finish();
}

fn bench_names(c: &mut Criterion) {
    let ns = names(1000);
    let mut g = c.benchmark_group("name");
    g.throughput(Throughput::Elements(ns.len() as u64));
    g.bench_function("check_name", |b| {
        b.iter(|| {
            for n in &ns {
                black_box(text::check_name(black_box(n), "payerName"));
            }
        })
    });
    g.finish();
}

fn bench_message(c: &mut Criterion) {
    let ns = names(1000);
    let drafts: Vec<MessageDraft> = ns
        .iter()
        .enumerate()
        .map(|(i, n)| MessageDraft {
            sector: Some("education".into()),
            payer_name: Some(n.clone()),
            beneficiary_name: Some(ns[(i * 7 + 3) % ns.len()].clone()),
            reason: Some(REASONS[i % REASONS.len()].into()),
            invoice: Some(format!("HP{:08}", i * 7919)),
            amount: Some(serde_json::json!(1_250_000 + i as u64)),
        })
        .collect();
    let mut g = c.benchmark_group("message");
    g.throughput(Throughput::Elements(drafts.len() as u64));
    g.bench_function("validate", |b| {
        b.iter(|| {
            for d in &drafts {
                black_box(d.validate());
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench_fold, bench_names, bench_message);
criterion_main!(benches);
