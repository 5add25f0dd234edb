//! The payment messages `benches/memo.rs` (criterion) and `benches/message_count.rs
//! render-* N` (callgrind) render: N tuition and hospital messages with real payment codes.
#![allow(dead_code)]

use vietref::reference::code;
use vietref::{MessageDraft, PaymentMessage};

pub const N: usize = 1000;

pub fn messages() -> Vec<PaymentMessage> {
    let names = [
        "Nguyễn Văn An",
        "Trần Thị Bình",
        "Lê Hoàng Cường",
        "Phạm Ngọc Dũng",
    ];
    let reasons = [
        "Học phí học kỳ 1",
        "Tiền ăn bán trú tháng 9",
        "Viện phí nội trú",
        "BHYT năm 2024",
    ];
    (0..N)
        .map(|i| {
            MessageDraft {
                sector: Some(if i % 2 == 0 { "education" } else { "health" }.into()),
                payer_name: Some(names[i % 4].into()),
                beneficiary_name: Some(names[(i + 1) % 4].into()),
                reason: Some(reasons[i % 4].into()),
                invoice: Some(
                    code::create("HP", &format!("{:08}", i * 7919))
                        .unwrap()
                        .as_str()
                        .into(),
                ),
                amount: None,
            }
            .validate()
            .cleaned
            .unwrap()
        })
        .collect()
}
