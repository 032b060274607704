//! Words with their byte spans: the unit every analyzer reads.

use unicode_normalization::char::is_combining_mark;

use crate::text::Span;

/// Words are letters and digits, with inner apostrophes, periods and
/// ampersands kept ("O'Brien", "U.S", "AT&T", "TP.HCM"); hyphens split
/// ("The Hague-Hà Lan"). A scanner rather than a regular expression: the
/// Unicode classes cost a millisecond to compile at every start-up.
fn starts_word(c: char) -> bool {
    c.is_alphabetic() || c.is_numeric()
}

fn continues_word(c: char) -> bool {
    starts_word(c) || is_combining_mark(c)
}

fn joins_word(c: char) -> bool {
    matches!(c, '.' | '\'' | '’' | '&')
}

/// Byte ranges of the words of `text`, in order.
fn word_ranges(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.by_ref().find(|&(_, c)| starts_word(c))?;
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            let joins_next = || joins_word(c) && text[i + c.len_utf8()..].chars().next().is_some_and(starts_word);
            if continues_word(c) || joins_next() {
                chars.next();
            } else {
                end = i;
                break;
            }
        }
        Some((start, end))
    })
}

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
    word_ranges(&text[span.start..span.end])
        .map(|(start, end)| Word {
            span: Span::new(span.start + start, span.start + end),
            text: &text[span.start + start..span.start + end],
        })
        .collect()
}

/// Whether `c` is of a script written without spaces between words:
/// Chinese, Japanese, Thai, Lao, Khmer, Burmese.
fn unspaced(c: char) -> bool {
    use unicode_script::{Script, UnicodeScript};
    matches!(
        c.script(),
        Script::Han
            | Script::Hiragana
            | Script::Katakana
            | Script::Thai
            | Script::Lao
            | Script::Khmer
            | Script::Myanmar
    )
}

/// How many words `text` holds. In scripts written without spaces between
/// words, ICU4X's dictionaries find them; elsewhere, as [`words_in`] cuts.
pub fn word_count(text: &str) -> usize {
    if !text.chars().any(unspaced) {
        return word_ranges(text).count();
    }
    static SEGMENTER: std::sync::OnceLock<icu_segmenter::WordSegmenterBorrowed<'static>> = std::sync::OnceLock::new();
    let segmenter = *SEGMENTER.get_or_init(|| icu_segmenter::WordSegmenter::new_dictionary(Default::default()));
    let mut words = segmenter.segment_str(text);
    let mut count = 0;
    while words.next().is_some() {
        count += usize::from(words.is_word_like());
    }
    count
}

/// Lowercase words of a phrase, for matching against word lists.
pub fn lowercase_words(text: &str) -> Vec<String> {
    word_ranges(text).map(|(start, end)| text[start..end].to_lowercase()).collect()
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

    #[test]
    fn marks_join_only_between_word_characters() {
        let text = "AT&T's 3.5% — 'quoted' e\u{301}te ..x. ’";
        let words: Vec<&str> = words_in(text, Span::new(0, text.len())).iter().map(|w| w.text).collect();
        assert_eq!(words, vec!["AT&T's", "3.5", "quoted", "e\u{301}te", "x"]);
        assert!(words_in("", Span::new(0, 0)).is_empty());
    }

    #[test]
    fn words_are_counted_in_scripts_without_spaces() {
        assert_eq!(word_count("Ông O'Brien tới The Hague"), 5);
        // 大桥 / 于 / 周一 / 恢复 / 通行: a dictionary, not one word per sentence.
        assert!(word_count("大桥于周一恢复通行。") >= 4);
        assert!(word_count("ชาวนาได้ข้าวหอมเพิ่มขึ้น") >= 4);
    }
}
