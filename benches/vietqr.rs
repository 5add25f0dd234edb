//! VietQR throughput: decode with CRC check (target ≥ 5 M payloads/s on one core) and encode
//! (target ≥ 3 M/s).
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use vietref::vietqr::{crc16, decode, encode, Mode};

const STATIC: &str = "00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802VN63044F52";
const DYNAMIC: &str = "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E";
const NAPAS_TYPO: &str = "00020101021138570010A00000072701270006970403011200110123456780208QRIBFTTA53037045802VN6304F4E5";

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("vietqr");
    g.throughput(Throughput::Elements(1));
    g.bench_function("decode_strict_static", |b| {
        b.iter(|| decode(black_box(STATIC), Mode::Strict).is_valid())
    });
    g.bench_function("decode_strict_dynamic", |b| {
        b.iter(|| decode(black_box(DYNAMIC), Mode::Strict).is_valid())
    });
    g.bench_function("decode_lenient_dynamic", |b| {
        b.iter(|| decode(black_box(DYNAMIC), Mode::Lenient).is_valid())
    });
    g.bench_function("decode_lenient_length_repair", |b| {
        b.iter(|| decode(black_box(NAPAS_TYPO), Mode::Lenient).is_valid())
    });
    let qr = decode(DYNAMIC, Mode::Strict).cleaned.expect("valid vector");
    g.bench_function("encode_dynamic", |b| {
        b.iter(|| encode(black_box(&qr)).map(|p| p.len()))
    });
    g.throughput(Throughput::Bytes(DYNAMIC.len() as u64));
    g.bench_function("crc16_payload", |b| {
        b.iter(|| crc16(black_box(DYNAMIC.as_bytes())))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
