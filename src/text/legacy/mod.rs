//! Legacy Vietnamese encodings: TCVN3, VNI-Win, VISCII, VPS, Windows-1258, VIQR, mojibake.
