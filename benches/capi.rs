//! Message validation through the C ABI against the same call in Rust (issue 6: overhead
//! target ≤ 10 %).
//!
//! * `validate_only`: an existing draft validated, the report dropped / freed.
//! * `build_and_validate`: the draft filled from borrowed text (setters through the ABI,
//!   struct fields in Rust), validated, everything freed.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use std::ptr;
use vietref::capi::message::*;
use vietref::capi::report::vietref_report_free;
use vietref::capi::{vietref_message, vietref_report, vietref_status};
use vietref::MessageDraft;

const SECTOR: &str = "education";
const PAYER: &str = "  nguyễn   văn AN ";
const BENEFICIARY: &str = "Nguyễn Thị Bình";
const REASON: &str = "Học phí học kỳ 1 năm 2024-2025";
const INVOICE: &str = "HP7184097674";
const AMOUNT: u64 = 1_250_000;

fn rust_draft() -> MessageDraft {
    MessageDraft {
        sector: Some(SECTOR.to_string()),
        payer_name: Some(PAYER.to_string()),
        beneficiary_name: Some(BENEFICIARY.to_string()),
        reason: Some(REASON.to_string()),
        invoice: Some(INVOICE.to_string()),
        amount: Some(serde_json::Value::from(AMOUNT)),
    }
}

unsafe fn c_draft() -> *mut vietref_message {
    unsafe {
        let mut m: *mut vietref_message = ptr::null_mut();
        vietref_message_new(&mut m);
        vietref_message_set_sector(m, SECTOR.as_ptr().cast(), SECTOR.len());
        vietref_message_set_payer_name(m, PAYER.as_ptr().cast(), PAYER.len());
        vietref_message_set_beneficiary_name(m, BENEFICIARY.as_ptr().cast(), BENEFICIARY.len());
        vietref_message_set_reason(m, REASON.as_ptr().cast(), REASON.len());
        vietref_message_set_invoice(m, INVOICE.as_ptr().cast(), INVOICE.len());
        vietref_message_set_amount(m, AMOUNT);
        m
    }
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("message_validate");

    let draft = rust_draft();
    g.bench_function("validate_only/rust", |b| {
        b.iter(|| black_box(black_box(&draft).validate()))
    });
    let m = unsafe { c_draft() };
    g.bench_function("validate_only/capi", |b| {
        b.iter(|| unsafe {
            let mut r: *mut vietref_report = ptr::null_mut();
            let st = vietref_message_validate(black_box(m), &mut r);
            debug_assert_eq!(st, vietref_status::VIETREF_OK);
            vietref_report_free(black_box(r));
        })
    });
    unsafe { vietref_message_free(m) };

    g.bench_function("build_and_validate/rust", |b| {
        b.iter(|| {
            let d = rust_draft();
            black_box(d.validate())
        })
    });
    g.bench_function("build_and_validate/capi", |b| {
        b.iter(|| unsafe {
            let m = c_draft();
            let mut r: *mut vietref_report = ptr::null_mut();
            vietref_message_validate(m, &mut r);
            vietref_report_free(black_box(r));
            vietref_message_free(m);
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
