//! Legacy encodings: decode throughput per encoding on a few MB of generated names, encode
//! throughput, the streaming decoder the CLI uses, and detection time on a 1 KB sample.
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use vietref::legacy::{
    decode, detect, encode_with, Decoder, EncodeOptions, Encoding, Tcvn3Capitals,
};

#[path = "../tests/common/names.rs"]
mod names;

const ENCODINGS: [Encoding; 8] = [
    Encoding::Tcvn3,
    Encoding::Vni,
    Encoding::Viscii,
    Encoding::Vps,
    Encoding::Cp1258,
    Encoding::Viqr,
    Encoding::Utf8,
    Encoding::Utf8AsCp1252,
];

fn encoded(text: &str, enc: Encoding) -> Vec<u8> {
    // TCVN3 has no upper-case toned letters: write them as .VnTimeH documents stored them.
    let opts = EncodeOptions {
        tcvn3_capitals: Tcvn3Capitals::LowerCase,
    };
    encode_with(text, enc, opts)
        .map(|e| e.bytes)
        .unwrap_or_default()
}

fn bench_decode(c: &mut Criterion) {
    let text = names::names_text(4 << 20);
    let mut g = c.benchmark_group("legacy_decode_4MB_names");
    for enc in ENCODINGS {
        let bytes = encoded(&text, enc);
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(enc), &bytes, |b, bytes| {
            b.iter(|| decode(black_box(bytes), enc).map(|s| s.len()))
        });
    }
    g.finish();
}

/// The streaming path the CLI uses: 64 KB chunks to UTF-8 bytes, no `String`.
fn bench_decode_stream(c: &mut Criterion) {
    let text = names::names_text(4 << 20);
    let mut g = c.benchmark_group("legacy_decode_stream_4MB_names");
    for enc in ENCODINGS {
        let bytes = encoded(&text, enc);
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(enc), &bytes, |b, bytes| {
            let mut out = Vec::with_capacity(1 << 18);
            b.iter(|| {
                let mut d = Decoder::new(enc);
                let mut total = 0;
                for chunk in bytes.chunks(1 << 16) {
                    out.clear();
                    d.decode_chunk_utf8(chunk, false, &mut out).ok();
                    total += out.len();
                }
                out.clear();
                d.decode_chunk_utf8(&[], true, &mut out).ok();
                total + out.len()
            })
        });
    }
    g.finish();
}

fn bench_encode(c: &mut Criterion) {
    let text = names::names_text(4 << 20);
    let mut g = c.benchmark_group("legacy_encode_4MB_names");
    g.throughput(Throughput::Bytes(text.len() as u64));
    for enc in [
        Encoding::Tcvn3,
        Encoding::Vni,
        Encoding::Cp1258,
        Encoding::Viqr,
    ] {
        g.bench_with_input(BenchmarkId::from_parameter(enc), &text, |b, text| {
            b.iter(|| encoded(black_box(text), enc).len())
        });
    }
    g.finish();
}

fn bench_detect(c: &mut Criterion) {
    let text = names::names_text(1024);
    // Cut at a line end to stay near 1 KB.
    let sample = &text[..text[..1024.min(text.len())]
        .rfind('\n')
        .unwrap_or(text.len())];
    let mut g = c.benchmark_group("legacy_detect_1KB");
    for enc in ENCODINGS {
        let bytes = encoded(sample, enc);
        assert_eq!(
            detect(&bytes).encoding,
            enc,
            "the bench sample must detect right"
        );
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(enc), &bytes, |b, bytes| {
            b.iter(|| detect(black_box(bytes)).confidence)
        });
    }
    g.finish();
}

criterion_group!(
    benches,
    bench_decode,
    bench_decode_stream,
    bench_encode,
    bench_detect
);
criterion_main!(benches);
