//! A driver for profiling the memo envelope reader (docs/performance.md, "The memo
//! envelope"): reads every line of a text file (one memo per line) `REPEAT` times with
//! `read_envelope_into`, and prints a checksum of the spans so the work is not optimised
//! away. `cargo build --release --example envelope_profile`, then
//! `valgrind --tool=callgrind --toggle-collect='*read_envelope_into*' \
//!  target/release/examples/envelope_profile LINES.txt 10000`.

use vietref::memo::{read_envelope_into, Envelope};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: envelope_profile LINES.txt [REPEAT]");
    let repeat: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let text = std::fs::read_to_string(&path).expect("readable file");
    let lines: Vec<&str> = text.lines().collect();
    let mut env = Envelope::default();
    let mut sum = 0usize;
    for _ in 0..repeat {
        for line in &lines {
            read_envelope_into(std::hint::black_box(line), &mut env);
            sum += env.free.iter().map(|f| f.0 ^ f.1).sum::<usize>() + env.numbers.len();
            sum += usize::from(env.shape.is_some());
        }
    }
    println!("{} lines x {repeat}: {sum}", lines.len());
}
