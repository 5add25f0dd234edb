//! Chunked conversion of inputs too large to hold: [`Decoder`], [`Encoder`], [`convert`].
//!
//! A chunk boundary can fall inside a unit that needs the bytes after it: a UTF-8 sequence,
//! a VNI or Windows-1258 letter whose mark byte is in the next chunk, a VIQR letter and its
//! marks, a character that NFC composes with a following combining mark. The coders hold
//! back the tail of each chunk from its last ASCII whitespace on (a point where nothing on
//! one side can affect the other) and decode it with the next chunk. Single-byte encodings
//! need no carry; TCVN3 carries its last letter (a VN1 combining mark may follow it).

use super::{
    decode, decode_utf8_bytes, decode_utf8_part, encode_into, encode_nfc_into, is_nfc, DecodeError,
    EncodeError, EncodeOptions, Encoding, Loss,
};
use std::fmt;
use std::io::{self, Read, Write};
use unicode_normalization::UnicodeNormalization;

/// Where `data` can be cut so that decoding the two sides separately gives the same text
/// as decoding the whole: before its last ASCII whitespace byte (0 when it has none).
fn split_point(encoding: Encoding, data: &[u8]) -> usize {
    if encoding.is_single_byte() {
        return data.len();
    }
    if encoding == Encoding::Tcvn3 {
        // One byte is one character, except VN1's combining marks (0xB0-0xB4), which
        // compose with the letter before them: cut before the last byte that is not one.
        return data
            .iter()
            .rposition(|b| !(0xB0..=0xB4).contains(b))
            .unwrap_or(0);
    }
    data.iter()
        .rposition(|b| b.is_ascii_whitespace())
        .unwrap_or(0)
}

/// Decodes a stream chunk by chunk.
///
/// ```
/// use vietref::legacy::{Decoder, Encoding};
/// let vni = b"Nguye\xE3n Va\xEAn";
/// let mut d = Decoder::new(Encoding::Vni);
/// let mut text = String::new();
/// // The mark byte 0xE3 of "ễ" arrives in the second chunk.
/// d.decode_chunk(&vni[..5], false, &mut text).unwrap();
/// d.decode_chunk(&vni[5..], true, &mut text).unwrap();
/// assert_eq!(text, "Nguyễn Văn");
/// ```
#[derive(Debug, Clone)]
pub struct Decoder {
    encoding: Encoding,
    carry: Vec<u8>,
    bytes_done: usize,
    lines_done: usize,
}

impl Decoder {
    /// A decoder for `encoding`.
    pub fn new(encoding: Encoding) -> Self {
        Decoder {
            encoding,
            carry: Vec::new(),
            bytes_done: 0,
            lines_done: 0,
        }
    }

    /// The encoding being decoded.
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// Decodes the next chunk and appends its text to `out`. Bytes that may combine with
    /// the next chunk are held back until then; pass `last = true` with the final chunk
    /// (which may be empty) to flush them. Error offsets and lines count from the start of
    /// the stream.
    pub fn decode_chunk(
        &mut self,
        chunk: &[u8],
        last: bool,
        out: &mut String,
    ) -> Result<(), DecodeError> {
        self.process(chunk, last, |now, encoding, at_start| {
            let text = match encoding {
                Encoding::Utf8 => decode_utf8_part(now, at_start),
                e => decode(now, e),
            }?;
            if out.is_empty() {
                *out = text;
            } else {
                out.push_str(&text);
            }
            Ok(())
        })
    }

    /// Like [`Decoder::decode_chunk`], but appends the UTF-8 bytes of the text to a byte
    /// buffer, for writing to a file or socket. For the single-byte encodings this skips
    /// building (and validating) a `String`: the tables hold UTF-8, so the bytes are valid
    /// UTF-8 by construction.
    pub fn decode_chunk_utf8(
        &mut self,
        chunk: &[u8],
        last: bool,
        out: &mut Vec<u8>,
    ) -> Result<(), DecodeError> {
        self.process(chunk, last, |now, encoding, at_start| {
            decode_utf8_bytes(now, encoding, at_start, out)
        })
    }

    /// Splits the carried bytes and `chunk` where nothing combines across, hands the part
    /// before to `f`, carries the rest, and keeps the offsets.
    fn process(
        &mut self,
        chunk: &[u8],
        last: bool,
        f: impl FnOnce(&[u8], Encoding, bool) -> Result<(), DecodeError>,
    ) -> Result<(), DecodeError> {
        let mut data = std::mem::take(&mut self.carry);
        let data: &[u8] = if data.is_empty() {
            chunk
        } else {
            data.extend_from_slice(chunk);
            self.carry = data;
            &self.carry
        };
        let cut = if last {
            data.len()
        } else {
            split_point(self.encoding, data)
        };
        let (now, later) = data.split_at(cut);
        if !now.is_empty() {
            f(now, self.encoding, self.bytes_done == 0)
                .map_err(|e| e.shifted(self.bytes_done, self.lines_done))?;
            self.bytes_done += now.len();
            self.lines_done += count_newlines(now);
        }
        let later = later.to_vec();
        self.carry = later;
        Ok(())
    }
}

/// Number of `\n` bytes, eight at a time.
fn count_newlines(bytes: &[u8]) -> usize {
    const LO7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const NL: u64 = 0x0A0A_0A0A_0A0A_0A0A;
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0;
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let y = u64::from_le_bytes(w) ^ NL;
        // High bit set in every byte of y that is not zero (exact, no borrows).
        let nonzero = (((y & LO7) + LO7) | y) & !LO7;
        n += 8 - nonzero.count_ones() as usize;
    }
    n + chunks.remainder().iter().filter(|&&b| b == b'\n').count()
}

/// Encodes a stream of text chunk by chunk.
///
/// ```
/// use vietref::legacy::{Encoder, Encoding};
/// let mut e = Encoder::new(Encoding::Cp1258);
/// let mut out = Vec::new();
/// // "ế" arrives decomposed, its tone mark in the second chunk.
/// e.encode_chunk("Tie\u{302}", false, &mut out).unwrap();
/// e.encode_chunk("\u{301}n", true, &mut out).unwrap();
/// assert_eq!(out, [0x54, 0x69, 0xEA, 0xEC, 0x6E]);
/// ```
#[derive(Debug, Clone)]
pub struct Encoder {
    encoding: Encoding,
    options: EncodeOptions,
    carry: String,
    chars_done: usize,
    lines_done: usize,
    losses: Vec<Loss>,
    /// Set by [`convert`], whose text comes from a decoder and is NFC already.
    input_is_nfc: bool,
}

impl Encoder {
    /// An encoder for `encoding` with the default options.
    pub fn new(encoding: Encoding) -> Self {
        Encoder::with_options(encoding, EncodeOptions::default())
    }

    /// An encoder for `encoding` with `options` (the lossy TCVN3 mode).
    pub fn with_options(encoding: Encoding, options: EncodeOptions) -> Self {
        Encoder {
            encoding,
            options,
            carry: String::new(),
            chars_done: 0,
            lines_done: 0,
            losses: Vec::new(),
            input_is_nfc: false,
        }
    }

    /// Encodes the next chunk of text and appends the bytes to `out`. Text that may
    /// compose with the next chunk is held back; pass `last = true` with the final chunk.
    /// Error and loss positions count characters of the NFC text from the start.
    pub fn encode_chunk(
        &mut self,
        chunk: &str,
        last: bool,
        out: &mut Vec<u8>,
    ) -> Result<(), EncodeError> {
        let mut data = std::mem::take(&mut self.carry);
        let data: &str = if data.is_empty() {
            chunk
        } else {
            data.push_str(chunk);
            self.carry = data;
            &self.carry
        };
        let cut = if last {
            data.len()
        } else {
            data.bytes()
                .rposition(|b| b.is_ascii_whitespace())
                .unwrap_or(0)
        };
        let (now, later) = data.split_at(cut);
        if !now.is_empty() {
            let mut losses = Vec::new();
            let nfc = self.input_is_nfc || is_nfc(now);
            if nfc {
                encode_nfc_into(now, self.encoding, self.options, out, &mut losses)
            } else {
                encode_into(now, self.encoding, self.options, out, &mut losses)
            }
            .map_err(|e| e.shifted(self.chars_done, self.lines_done))?;
            let chars_done = self.chars_done;
            self.losses.extend(losses.into_iter().map(|mut l| {
                l.position += chars_done;
                l
            }));
            self.chars_done += if nfc {
                now.chars().count()
            } else {
                now.nfc().count()
            };
            self.lines_done += count_newlines(now.as_bytes());
        }
        self.carry = later.to_string();
        Ok(())
    }

    /// Every loss so far (lossy TCVN3 mode only).
    pub fn losses(&self) -> &[Loss] {
        &self.losses
    }
}

/// What [`convert`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConvertStats {
    /// Bytes read.
    pub bytes_read: u64,
    /// Bytes written.
    pub bytes_written: u64,
    /// Characters written as others (lossy TCVN3 mode).
    pub losses: Vec<Loss>,
}

/// Why [`convert`] stopped.
#[derive(Debug)]
pub enum ConvertError {
    /// Reading or writing failed.
    Io(io::Error),
    /// The input could not be decoded.
    Decode(DecodeError),
    /// The text could not be encoded.
    Encode(EncodeError),
}

impl fmt::Display for ConvertError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConvertError::Io(e) => write!(f, "{e}"),
            ConvertError::Decode(e) => write!(f, "cannot decode: {e}"),
            ConvertError::Encode(e) => write!(f, "cannot encode: {e}"),
        }
    }
}

impl std::error::Error for ConvertError {}

impl From<io::Error> for ConvertError {
    fn from(e: io::Error) -> Self {
        ConvertError::Io(e)
    }
}

/// Size of the chunks [`convert`] reads.
pub const CHUNK: usize = 1 << 16;

/// Converts `reader` from one encoding to another into `writer`, chunk by chunk, without
/// holding the input. Stops at the first undecodable byte or unencodable character.
/// `progress` is called with the number of bytes read so far after every chunk.
///
/// ```
/// use vietref::legacy::{convert, Encoding, EncodeOptions};
/// let mut out = Vec::new();
/// let input: &[u8] = b"Nguye^~n Va(n DDu+'c";
/// convert(input, &mut out, Encoding::Viqr, Encoding::Tcvn3, EncodeOptions::default(), |_| {})
///     .unwrap();
/// assert_eq!(out, [0x4E, 0x67, 0x75, 0x79, 0xD4, 0x6E, 0x20, 0x56, 0xA8, 0x6E, 0x20, 0xA7, 0xF8, 0x63]);
/// ```
pub fn convert<R: Read, W: Write>(
    mut reader: R,
    mut writer: W,
    from: Encoding,
    to: Encoding,
    options: EncodeOptions,
    mut progress: impl FnMut(u64),
) -> Result<ConvertStats, ConvertError> {
    let mut decoder = Decoder::new(from);
    let mut encoder = Encoder::with_options(to, options);
    encoder.input_is_nfc = true;
    let mut buf = vec![0u8; CHUNK];
    let mut text = String::new();
    let mut bytes = Vec::new();
    let mut stats = ConvertStats::default();
    loop {
        let n = match reader.read(&mut buf) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e.into()),
        };
        let last = n == 0;
        let chunk = buf.get(..n).unwrap_or_default();
        let written = if to == Encoding::Utf8 {
            bytes.clear();
            decoder
                .decode_chunk_utf8(chunk, last, &mut bytes)
                .map_err(ConvertError::Decode)?;
            writer.write_all(&bytes)?;
            bytes.len()
        } else {
            text.clear();
            decoder
                .decode_chunk(chunk, last, &mut text)
                .map_err(ConvertError::Decode)?;
            bytes.clear();
            encoder
                .encode_chunk(&text, last, &mut bytes)
                .map_err(ConvertError::Encode)?;
            writer.write_all(&bytes)?;
            bytes.len()
        };
        stats.bytes_read += n as u64;
        stats.bytes_written += written as u64;
        progress(stats.bytes_read);
        if last {
            break;
        }
    }
    writer.flush()?;
    stats.losses = encoder.losses;
    Ok(stats)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decoding in every split of the input gives the one-shot text.
    #[test]
    fn every_split_point() {
        let cases: [(&[u8], Encoding); 5] = [
            (b"Nguye\xE3n Va\xEAn \xD1\xF6\xF9c", Encoding::Vni),
            (b"Nguy\xEA\xDEn V\xE3n \xD0\xFD\xECc", Encoding::Cp1258),
            (b"Nguye^~n Va(n DDu+'c\\.", Encoding::Viqr),
            ("Nguye\u{302}\u{303}n Đức".as_bytes(), Encoding::Utf8),
            ("Nguyá»…n Ä\u{90}á»©c".as_bytes(), Encoding::Utf8AsCp1252),
        ];
        for (bytes, enc) in cases {
            let want = decode(bytes, enc).unwrap();
            for a in 0..=bytes.len() {
                for b in a..=bytes.len() {
                    let mut d = Decoder::new(enc);
                    let mut got = String::new();
                    d.decode_chunk(&bytes[..a], false, &mut got).unwrap();
                    d.decode_chunk(&bytes[a..b], false, &mut got).unwrap();
                    d.decode_chunk(&bytes[b..], true, &mut got).unwrap();
                    assert_eq!(got, want, "{enc} split {a} {b}");
                }
            }
        }
    }

    #[test]
    fn newline_count() {
        for n in 0..40 {
            let bytes: Vec<u8> = (0..n)
                .map(|i| if i % 3 == 0 { b'\n' } else { 0x8A ^ i as u8 })
                .collect();
            let want = bytes.iter().filter(|&&b| b == b'\n').count();
            assert_eq!(count_newlines(&bytes), want, "{bytes:?}");
        }
    }

    #[test]
    fn errors_count_from_stream_start() {
        let mut d = Decoder::new(Encoding::Cp1258);
        let mut t = String::new();
        d.decode_chunk(b"ab\ncd", false, &mut t).unwrap();
        let e = d.decode_chunk(b"e\nf\x81", true, &mut t).unwrap_err();
        assert_eq!((e.offset, e.line), (8, 3));
        let mut enc = Encoder::new(Encoding::Tcvn3);
        let mut out = Vec::new();
        enc.encode_chunk("ab\nc ", false, &mut out).unwrap();
        let e = enc.encode_chunk("d Ố", true, &mut out).unwrap_err();
        assert_eq!((e.position, e.line, e.character), (8, 2, 'Ố'));
    }

    #[test]
    fn convert_round_trip() {
        let text = "Trần Thị Thu Hà\nNguyễn Văn Đức\n".repeat(5000);
        for enc in [
            Encoding::Tcvn3,
            Encoding::Vni,
            Encoding::Cp1258,
            Encoding::Viqr,
        ] {
            let mut legacy = Vec::new();
            let opts = EncodeOptions::default();
            let stats = convert(
                text.as_bytes(),
                &mut legacy,
                Encoding::Utf8,
                enc,
                opts,
                |_| {},
            )
            .unwrap();
            assert_eq!(stats.bytes_read as usize, text.len());
            let mut back = Vec::new();
            convert(&legacy[..], &mut back, enc, Encoding::Utf8, opts, |_| {}).unwrap();
            assert_eq!(String::from_utf8(back).unwrap(), text, "{enc}");
        }
    }
}
