#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| vietref::fuzzing::invoice_sheet(data));
