//! Where a line may break: the Unicode line-breaking rules (UAX #14) as
//! ICU4X implements them, with its dictionaries for Thai, Lao, Khmer and
//! Burmese, which write no spaces between words; between any two ideographs
//! in Chinese and Japanese.

use std::sync::OnceLock;

use icu_segmenter::options::LineBreakOptions;
use icu_segmenter::{LineSegmenter, LineSegmenterBorrowed};

fn segmenter() -> LineSegmenterBorrowed<'static> {
    static SEGMENTER: OnceLock<LineSegmenterBorrowed<'static>> = OnceLock::new();
    *SEGMENTER.get_or_init(|| LineSegmenter::new_dictionary(LineBreakOptions::default()))
}

/// Each place `text` may break, as a byte offset, and whether it must
/// (after a line or paragraph separator, and at the end).
pub fn opportunities(text: &str) -> Vec<(usize, bool)> {
    segmenter()
        .segment_str(text)
        .filter(|&at| at > 0)
        .map(|at| {
            let after_separator = text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'));
            (at, after_separator || at == text.len())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        let mut previous = 0;
        opportunities(text)
            .into_iter()
            .map(|(at, _)| {
                let piece = &text[previous..at];
                previous = at;
                piece
            })
            .collect()
    }

    #[test]
    fn words_break_where_their_script_allows() {
        assert_eq!(pieces("Bản tin sáng"), ["Bản ", "tin ", "sáng"]);
        // Thai writes no spaces between words: the dictionary finds them.
        assert!(pieces("ประชาชนในหมู่บ้าน").len() >= 3, "{:?}", pieces("ประชาชนในหมู่บ้าน"));
        // Between ideographs, not before closing punctuation.
        assert_eq!(pieces("新桥开通。"), ["新", "桥", "开", "通。"]);
        assert_eq!(opportunities("a\nb"), [(2, true), (3, true)]);
    }
}
