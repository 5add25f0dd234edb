//! VietQR (NAPAS QR, EMVCo merchant-presented mode): encode, decode, verify.
