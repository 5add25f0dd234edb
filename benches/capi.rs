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
use vietref::capi::{vietref_report, vietref_status};

#[path = "common/capi_draft.rs"]
mod capi_draft;
use capi_draft::{c_draft, rust_draft};

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
