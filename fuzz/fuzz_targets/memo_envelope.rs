#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| vietref::fuzzing::memo_envelope(data));
