mod common;
use common::syllables::inventory;
use std::collections::HashMap;
use vietref::text::legacy::{encode, Encoding};
#[test]
fn confusion() {
    let encs = [Encoding::Tcvn3, Encoding::Vni, Encoding::Viscii, Encoding::Vps, Encoding::Cp1258];
    let inv = inventory();
    let mut m: HashMap<Vec<u8>, Vec<(Encoding, String)>> = HashMap::new();
    for s in &inv { for e in encs { if let Ok(b) = encode(s, e) { m.entry(b).or_default().push((e, s.clone())); } } }
    for e in encs {
        let mut shared = 0; let mut tot = 0; let mut with: HashMap<Encoding, u32> = HashMap::new();
        for s in &inv { let b = encode(s, e).unwrap(); tot += 1;
            let c = &m[&b]; let others: Vec<_> = c.iter().filter(|x| &x.1 != s).collect();
            if !others.is_empty() { shared += 1; for o in others { *with.entry(o.0).or_default() += 1; } } }
        println!("{e}: {shared}/{tot} = {:.1}% confusable; with {:?}", 100.0*shared as f64/tot as f64, with);
    }
    let distinct = m.len(); let pairs: usize = m.values().map(|v| { let mut t: Vec<_> = v.iter().map(|x| x.1.clone()).collect(); t.sort(); t.dedup(); t.len() }).sum();
    println!("distinct byte strings {distinct}, distinct (bytes,text) {pairs}");
}
