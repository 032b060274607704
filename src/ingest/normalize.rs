//! Unicode and whitespace normalization: the one place the text changes shape.
//!
//! Everything downstream (offsets included) works on the normalized text, so
//! that decomposed Vietnamese pasted from a Mac and the same article in NFC give
//! identical results.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// A document's metadata value (title, author, site) as one line: normalized,
/// whitespace collapsed, none when nothing is left.
pub fn field(value: &str) -> Option<String> {
    let collapsed = normalize(value).split_whitespace().collect::<Vec<_>>().join(" ");
    (!collapsed.is_empty()).then_some(collapsed)
}

/// NFC, `\n` line endings, odd spaces made plain, invisible characters dropped,
/// runs of spaces collapsed and lines trimmed.
pub fn normalize(raw: &str) -> String {
    let composed: String = match is_nfc_quick(raw.chars()) {
        IsNormalized::Yes => raw.to_owned(),
        _ => raw.nfc().collect(),
    };
    let mut out = String::with_capacity(composed.len());
    let mut chars = composed.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        let c = match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    continue;
                }
                '\n'
            }
            // Line and paragraph separators, vertical tab and form feed end lines.
            '\u{2028}' | '\u{2029}' | '\u{0B}' | '\u{0C}' | '\u{85}' => '\n',
            c if is_odd_space(c) => ' ',
            c if is_invisible(c) => continue,
            c => c,
        };
        match c {
            ' ' => pending_space = true,
            '\n' => {
                pending_space = false;
                out.push('\n');
            }
            c => {
                if pending_space && !out.is_empty() && !out.ends_with('\n') {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
            }
        }
    }
    out
}

/// Spaces that are not U+0020 but mean a plain space in an article.
fn is_odd_space(c: char) -> bool {
    matches!(c, '\t' | '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}')
}

/// Characters with no visible form that only get in the way of matching:
/// zero-width space, word joiner, BOM, soft hyphen and C0/C1 controls. ZWJ and
/// ZWNJ are kept: some scripts and emoji need them.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}') || (c.is_control() && c != '\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decomposed_vietnamese_becomes_composed() {
        let nfd: String = "Người đứng đầu NATO".nfd().collect();
        assert_ne!(nfd, "Người đứng đầu NATO");
        assert_eq!(normalize(&nfd), "Người đứng đầu NATO");
    }

    #[test]
    fn line_endings_and_odd_spaces() {
        assert_eq!(normalize("a\r\nb\rc\u{2028}d"), "a\nb\nc\nd");
        assert_eq!(normalize("  Hà\u{A0}Nội \t\u{200B}ngày  20 \n"), "Hà Nội ngày 20\n");
        assert_eq!(normalize("soft\u{AD}hyphen\u{FEFF}"), "softhyphen");
    }
}
