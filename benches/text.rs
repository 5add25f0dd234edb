//! Text benchmarks (issue 2): fold throughput against `any_ascii` and `deunicode` on the same
//! corpus, name normalization, and full message normalize + validate.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use vietref::text;
use vietref::MessageDraft;

#[path = "common/corpus.rs"]
mod corpus;
use corpus::{names, REASONS};

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
    let drafts: Vec<MessageDraft> = corpus::message_drafts(1000);
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
