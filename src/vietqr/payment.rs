//! From a payment message to a VietQR, and from a decoded VietQR back to payment codes.

use super::{Payee, VietQr};
use crate::finding::{has_error, Report};
use crate::memo::{self, Candidate, Profile};
use crate::reference::Scheme;
use crate::PaymentMessage;

impl VietQr<'static> {
    /// The VietQR for a payment message to an institution's account: tag 62-08 (purpose)
    /// is the message rendered with [`Profile::VIETQR_PURPOSE`] (invoice code first, then
    /// as much of reason, beneficiary and payer as 25 characters allow), tag 62-01 (bill
    /// number) is the invoice code in [`Profile::VIETQR_BILL`]'s character set, and tag 54
    /// the message's amount (dynamic QR) or none (static). Many bank apps neither show nor
    /// fill 62-01, which is why the code also leads 62-08.
    ///
    /// Every loss the rendering makes is a finding of the report; the value is `None` when
    /// the invoice code does not fit or the payee is invalid.
    pub fn for_payment(message: &PaymentMessage, payee: &Payee) -> Report<VietQr<'static>> {
        let purpose = memo::render(message, &Profile::VIETQR_PURPOSE);
        let bill = memo::render(message, &Profile::VIETQR_BILL);
        let mut findings = purpose.findings.clone();
        // The bill-number rendering repeats the purpose's losses for fields it never
        // carries; keep only what is about the invoice code itself.
        findings.extend(
            bill.findings
                .iter()
                .filter(|f| f.field == "invoice")
                .cloned(),
        );
        let built = VietQr::to_account(
            payee,
            message.amount().map(|a| a.vnd()),
            Some(bill.text.as_str()),
            Some(purpose.text.as_str()),
        );
        findings.extend(built.findings);
        let cleaned = if has_error(&findings) {
            None
        } else {
            built.cleaned
        };
        Report { findings, cleaned }
    }
}

impl VietQr<'_> {
    /// The payment codes of `schemes` and RF references found in the purpose (62-08) and
    /// the bill number (62-01), purpose first. Each candidate's check digits verify; its
    /// span is relative to the field it was found in.
    pub fn payment_codes(&self, schemes: &[Scheme]) -> Vec<Candidate> {
        let mut out = Vec::new();
        for text in [
            self.additional_data.purpose.as_deref(),
            self.additional_data.bill_number.as_deref(),
        ]
        .into_iter()
        .flatten()
        {
            for c in memo::extract(text, schemes) {
                if !out.iter().any(|o: &Candidate| o.code == c.code) {
                    out.push(c);
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vietqr::{decode, encode, Mode};
    use crate::MessageDraft;

    fn tuition() -> PaymentMessage {
        let d: MessageDraft = serde_json::from_str(
            r#"{"sector":"education","payerName":"Nguyễn Văn An","beneficiaryName":"Nguyễn Thị Bình",
                "reason":"Học phí học kỳ 1","invoice":"HP7184097674","amount":1250000}"#,
        )
        .unwrap();
        d.validate().cleaned.unwrap()
    }

    #[test]
    fn tuition_to_payload_and_back() {
        let payee = Payee::new("970436", "0011001234567", "TRUONG THCS HOA BINH");
        let r = VietQr::for_payment(&tuition(), &payee);
        let qr = r.cleaned.expect("builds");
        assert_eq!(
            qr.additional_data.bill_number.as_deref(),
            Some("HP7184097674")
        );
        let purpose = qr.additional_data.purpose.as_deref().unwrap();
        assert!(purpose.starts_with("HP7184097674 "), "{purpose}");
        assert!(purpose.len() <= 25);
        assert_eq!(qr.amount.as_deref(), Some("1250000"));
        // Losses are reported: 25 characters cannot hold the names.
        assert!(r
            .findings
            .iter()
            .any(|f| f.code == crate::Code::MemoFieldOmitted));
        let payload = encode(&qr).expect("encodes");
        let back = decode(&payload, Mode::Strict).cleaned.expect("decodes");
        let schemes = ["HP:8".parse::<Scheme>().unwrap()];
        let codes: Vec<_> = back
            .payment_codes(&schemes)
            .into_iter()
            .map(|c| c.code)
            .collect();
        assert_eq!(codes, ["HP7184097674"]);
    }
}
