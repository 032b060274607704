//! Bytes to text: BOMs, UTF-8, UTF-16 and legacy 8-bit encodings.

use encoding_rs::Encoding;

use super::IngestError;

/// Text decoded from bytes, with the encoding that was used.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    /// The WHATWG name of the encoding, e.g. `UTF-8`, `UTF-16LE`, `windows-1258`.
    pub encoding: &'static str,
    pub warnings: Vec<String>,
}

/// Text with at least this many valid multi-byte UTF-8 characters for each
/// invalid byte is damaged UTF-8, not a legacy encoding: in legacy text valid
/// UTF-8 sequences only occur by accident.
const VALID_PER_INVALID: usize = 4;

/// Decodes `bytes`, detecting the encoding when there is no BOM.
pub fn decode(bytes: &[u8]) -> Result<Decoded, IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::Empty);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        let mut warnings = Vec::new();
        if had_errors {
            warnings.push(format!("some bytes were not valid {}; they were replaced with U+FFFD", encoding.name()));
        }
        return Ok(Decoded { text: text.into_owned(), encoding: encoding.name(), warnings });
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(IngestError::Binary { kind });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded { text: text.to_owned(), encoding: "UTF-8", warnings: Vec::new() }),
        Err(_) => decode_damaged_or_legacy(bytes),
    }
}

/// Text that is not valid UTF-8 is either UTF-8 with a few damaged bytes (kept as
/// UTF-8, damage replaced and reported) or a legacy encoding, guessed by chardetng.
fn decode_damaged_or_legacy(bytes: &[u8]) -> Result<Decoded, IngestError> {
    let (invalid, valid_multibyte) = utf8_damage(bytes);
    if valid_multibyte >= VALID_PER_INVALID * invalid {
        let text = String::from_utf8_lossy(bytes).into_owned();
        return Ok(Decoded {
            text,
            encoding: "UTF-8",
            warnings: vec![format!("{invalid} byte(s) were not valid UTF-8 and were replaced with U+FFFD")],
        });
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, false);
    let (text, _, had_errors) = encoding.decode(bytes);
    let mut warnings = vec![format!("not UTF-8; read as {} (detected)", encoding.name())];
    if had_errors {
        warnings.push(format!("some bytes are not valid {}", encoding.name()));
    }
    Ok(Decoded { text: text.into_owned(), encoding: encoding.name(), warnings })
}

/// Counts invalid bytes and valid multi-byte sequences in almost-UTF-8 input.
fn utf8_damage(bytes: &[u8]) -> (usize, usize) {
    let mut invalid = 0;
    let mut valid_multibyte = 0;
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    (invalid, valid_multibyte)
}

/// Names the kind of a file that is clearly not text, from its magic bytes or
/// from NUL bytes, which text in an 8-bit or UTF-8 encoding never has.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive (a Word or other Office file is one)"),
        (b"\x1f\x8b", "a gzip archive"),
        (b"\x7fELF", "an executable"),
        (b"RIFF", "a RIFF media file"),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(kind);
    }
    let head = &bytes[..bytes.len().min(8192)];
    head.contains(&0).then_some("a binary file")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Tin mới".as_bytes()).unwrap().text, "Tin mới");
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), "Tin mới".as_bytes()].concat();
        let decoded = decode(&with_bom).unwrap();
        assert_eq!(decoded.text, "Tin mới");
        assert_eq!(decoded.encoding, "UTF-8");
    }

    #[test]
    fn utf16_both_byte_orders() {
        let text = "Hà Nội, “xin chào”";
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(|u| u.to_be_bytes())).collect();
        assert_eq!(decode(&le).unwrap().text, text);
        assert_eq!(decode(&le).unwrap().encoding, "UTF-16LE");
        assert_eq!(decode(&be).unwrap().text, text);
        assert_eq!(decode(&be).unwrap().encoding, "UTF-16BE");
    }

    #[test]
    fn windows_1252_is_detected() {
        let (bytes, _, _) =
            encoding_rs::WINDOWS_1252.encode("The café’s owner said the crème brûlée was “perfect” for the season.");
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.encoding, "windows-1252");
        assert!(decoded.text.contains("crème brûlée"));
    }

    #[test]
    fn damaged_utf8_is_kept_as_utf8_and_reported() {
        let mut bytes = "Người đứng đầu NATO phát biểu tại hội nghị về kiểm soát vũ khí.".as_bytes().to_vec();
        bytes.push(0xFF);
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(decoded.text.starts_with("Người đứng đầu"));
        assert!(decoded.warnings[0].contains("1 byte(s)"));
    }

    #[test]
    fn binary_files_are_refused_by_kind() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert!(matches!(decode(png), Err(IngestError::Binary { kind: "a PNG image" })));
        assert!(matches!(decode(b"abc\0def"), Err(IngestError::Binary { .. })));
        assert!(matches!(decode(b""), Err(IngestError::Empty)));
    }
}
