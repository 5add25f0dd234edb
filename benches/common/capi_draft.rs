//! The tuition draft of the C ABI overhead measurements (`benches/capi.rs`, criterion, and
//! `benches/message_count.rs capi-rust|capi-c N`, callgrind), in Rust and through the C ABI.
#![allow(dead_code)]

use std::ptr;
use vietref::capi::message::*;
use vietref::capi::vietref_message;
use vietref::MessageDraft;

const SECTOR: &str = "education";
const PAYER: &str = "  nguyễn   văn AN ";
const BENEFICIARY: &str = "Nguyễn Thị Bình";
const REASON: &str = "Học phí học kỳ 1 năm 2024-2025";
const INVOICE: &str = "HP7184097674";
const AMOUNT: u64 = 1_250_000;

pub fn rust_draft() -> MessageDraft {
    MessageDraft {
        sector: Some(SECTOR.to_string()),
        payer_name: Some(PAYER.to_string()),
        beneficiary_name: Some(BENEFICIARY.to_string()),
        reason: Some(REASON.to_string()),
        invoice: Some(INVOICE.to_string()),
        amount: Some(serde_json::Value::from(AMOUNT)),
    }
}

pub unsafe fn c_draft() -> *mut vietref_message {
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
