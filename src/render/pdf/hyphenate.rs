//! Hyphenation of justified text, by the Knuth–Liang patterns of TeX (the
//! `hyphenation` crate's embedded dictionaries). Without it a narrow column
//! of English opens gaps wider than a word, or is set ragged; Vietnamese,
//! whose words are single syllables, is never hyphenated.

use std::sync::LazyLock;

use hyphenation::{Hyphenator, Language, Load, Standard};

static ENGLISH: LazyLock<Option<Standard>> = LazyLock::new(|| Standard::from_embedded(Language::EnglishUS).ok());

/// The patterns for a brief's language (ISO 639-1), if it is hyphenated.
pub fn patterns_for(language: &str) -> Option<&'static Standard> {
    match language {
        "en" => ENGLISH.as_ref(),
        _ => None,
    }
}

/// The longest head of `word` that `fits` once a hyphen ends it, and the
/// rest: `("ap-", "pointment,")`. Only the word's letters are split, at a
/// point the patterns allow (two letters at least before it, three after);
/// punctuation around them stays on its side. A capitalized word (a name,
/// a month) is never split: a reader scans a brief for its names.
pub fn split(patterns: &Standard, word: &str, mut fits: impl FnMut(&str) -> bool) -> Option<(String, usize)> {
    let core_start = word.find(char::is_alphabetic)?;
    let core_end = word.rfind(char::is_alphabetic).map(|i| i + word[i..].chars().next().map_or(1, char::len_utf8))?;
    let core = &word[core_start..core_end];
    let capitalized = core.chars().next().is_some_and(char::is_uppercase);
    if capitalized || !core.chars().all(char::is_alphabetic) || core.chars().count() < 5 {
        return None;
    }
    let breaks = patterns.hyphenate(core).breaks;
    breaks.iter().rev().map(|&b| core_start + b).find_map(|at| {
        let head = format!("{}-", &word[..at]);
        fits(&head).then_some((head, at))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_words_split_where_the_patterns_allow() {
        let en = patterns_for("en").expect("English patterns are embedded");
        assert_eq!(split(en, "hyphenation", |_| true), Some(("hyphena-".to_owned(), 7)));
        assert_eq!(split(en, "hyphenation", |head| head.len() <= 7), Some(("hyphen-".to_owned(), 6)));
        // The longest head that fits, punctuation left with the rest.
        assert_eq!(split(en, "hyphenation,", |head| head.len() <= 4), Some(("hy-".to_owned(), 2)));
        assert_eq!(split(en, "“hyphenation”", |head| head.chars().count() <= 4), Some(("“hy-".to_owned(), 5)));
        // Nothing fits, a short word, a number or a word with a hyphen of its own.
        assert_eq!(split(en, "hyphenation", |_| false), None);
        assert_eq!(split(en, "word", |_| true), None);
        assert_eq!(split(en, "1234567", |_| true), None);
        assert_eq!(split(en, "well-known", |_| true), None);
        assert_eq!(split(en, "November", |_| true), None);
        assert_eq!(split(en, "Internationalization", |_| true), None);
    }

    #[test]
    fn vietnamese_is_not_hyphenated() {
        assert!(patterns_for("vi").is_none());
        assert!(patterns_for("").is_none());
    }
}
