#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| vietref::fuzzing::statement_sheet(data));
