//! Words with their byte spans: the unit every analyzer reads.

use std::sync::LazyLock;

use regex::Regex;

use crate::text::Span;

/// Letters and digits, with inner apostrophes, periods and ampersands kept
/// ("O'Brien", "U.S", "AT&T", "TP.HCM"); hyphens split ("The Hague-Hà Lan").
static WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[.'’&][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*").expect("valid regex")
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub span: Span,
    pub text: &'a str,
}

impl Word<'_> {
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Two or more letters, all capitals: "NATO", "U.S", "TP.HCM".
    pub fn is_acronym(&self) -> bool {
        let mut letters = self.text.chars().filter(|c| c.is_alphabetic());
        let mut count = 0;
        let all_upper = letters.all(|c| {
            count += 1;
            c.is_uppercase()
        });
        all_upper && count >= 2
    }
}

/// The words of `text[span]`, with absolute spans.
pub fn words_in(text: &str, span: Span) -> Vec<Word<'_>> {
    WORD.find_iter(&text[span.start..span.end])
        .map(|m| Word {
            span: Span::new(span.start + m.start(), span.start + m.end()),
            text: &text[span.start + m.start()..span.start + m.end()],
        })
        .collect()
}

/// Lowercase words of a phrase, for matching against word lists.
pub fn lowercase_words(text: &str) -> Vec<String> {
    WORD.find_iter(text).map(|m| m.as_str().to_lowercase()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_marks_and_split_hyphens() {
        let text = "Ông O'Brien tới The Hague-Hà Lan, U.S. và TP.HCM.";
        let words: Vec<&str> = words_in(text, Span::new(0, text.len())).iter().map(|w| w.text).collect();
        assert_eq!(words, vec!["Ông", "O'Brien", "tới", "The", "Hague", "Hà", "Lan", "U.S", "và", "TP.HCM"]);
    }
}
