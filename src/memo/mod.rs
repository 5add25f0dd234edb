//! Rendering the message into what travels (bank memos, VietQR purpose, POS references, ISO 20022) and reading it back.
