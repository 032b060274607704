//! Sentences inside a paragraph.
//!
//! Scripts that end sentences with a terminator and a space (Latin, Cyrillic,
//! Greek, …) use rules that know abbreviations, initials, decimals, ellipses and
//! closing quotes; every other script falls back to Unicode's sentence
//! boundaries (UAX #29).

use unicode_segmentation::UnicodeSegmentation;

/// Which splitter a text gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Splitter {
    Rules,
    Unicode,
}

impl Splitter {
    /// Picks the splitter for a text from its dominant script.
    pub fn for_text(sample: &str) -> Splitter {
        use whatlang::Script;
        match whatlang::detect_script(sample) {
            None | Some(Script::Latin | Script::Cyrillic | Script::Greek | Script::Armenian | Script::Georgian) => {
                Splitter::Rules
            }
            Some(_) => Splitter::Unicode,
        }
    }
}

/// Abbreviations after which a period does not end a sentence even before a
/// capital: titles, Vietnamese ranks and places, month and country short forms.
/// Ones that usually end a sentence when a capital follows (etc., Inc., v.v.)
/// are not here.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Sr", "St", "Mt", "Ft", "Gen", "Col", "Lt", "Maj", "Sgt", "Capt", "Cmdr",
    "Adm", "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "Supt", "Insp", "Det", "Const", "No", "Nos", "Art", "Fig", "Vol",
    "vs", "Jan", "Feb", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "U.S", "U.K", "U.N", "E.U", "Ph.D", "TP",
    "Tp", "TS", "ThS", "PGS", "GS", "BS", "KS", "TT", "Th.S", "PGS.TS", "GS.TS", "Q", "P", "TX", "St", "Ave", "Blvd",
    "approx", "cf", "e.g", "i.e", "Mme", "Mlle", "Hr", "Fr", "Sra", "Srta",
];

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？' | '‼' | '⁇' | '⁈' | '⁉')
}

fn needs_no_space(c: char) -> bool {
    matches!(c, '。' | '！' | '？')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '」' | '』' | '）')
}

/// Splits `paragraph` into sentences: byte ranges relative to it, trimmed,
/// never empty, in order, covering every non-space char.
pub fn split(paragraph: &str, splitter: Splitter) -> Vec<(usize, usize)> {
    match splitter {
        Splitter::Rules => split_by_rules(paragraph),
        Splitter::Unicode => paragraph
            .split_sentence_bound_indices()
            .filter_map(|(i, s)| trimmed_range(paragraph, i, i + s.len()))
            .collect(),
    }
}

fn trimmed_range(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    (start + lead < end - trail).then_some((start + lead, end - trail))
}

fn split_by_rules(p: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    let n = chars.len();
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if !is_terminator(c) {
            i += 1;
            continue;
        }
        let mut last_terminator = i;
        while last_terminator + 1 < n && is_terminator(chars[last_terminator + 1].1) {
            last_terminator += 1;
        }
        let mut last = last_terminator;
        while last + 1 < n && is_closer(chars[last + 1].1) {
            last += 1;
        }
        let end = chars[last].0 + chars[last].1.len_utf8();
        if last + 1 >= n {
            break;
        }
        let after = chars[last + 1].1;
        if after.is_whitespace() || needs_no_space(chars[last_terminator].1) {
            let mut next = last + 1;
            while next < n && chars[next].1.is_whitespace() {
                next += 1;
            }
            if next < n && ends_sentence(p, &chars, start, i, last_terminator, chars[next].1) {
                if let Some(range) = trimmed_range(p, start, end) {
                    sentences.push(range);
                }
                start = chars[next].0;
            }
        }
        i = last + 1;
    }
    if let Some(range) = trimmed_range(p, start, p.len()) {
        sentences.push(range);
    }
    sentences
}

/// Whether the terminator run `chars[first..=last]` ends the sentence that began
/// at byte `sentence_start`, given the first char after the following space.
fn ends_sentence(
    p: &str,
    chars: &[(usize, char)],
    sentence_start: usize,
    first: usize,
    last: usize,
    next: char,
) -> bool {
    if next.is_lowercase() {
        return false;
    }
    if first != last || chars[first].1 != '.' {
        return true;
    }
    let period = chars[first].0;
    let word_start = p[..period]
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘' | '«' | '['))
        .map_or(0, |i| i + p[i..].chars().next().map_or(1, char::len_utf8));
    let word = &p[word_start..period];
    if ABBREVIATIONS.contains(&word) {
        return false;
    }
    let mut letters = word.chars();
    // An initial: "J. K. Rowling", "ông A. Nguyễn".
    if let (Some(only), None) = (letters.next(), letters.next()) {
        if only.is_uppercase() {
            return false;
        }
    }
    // List numbering at the start of a paragraph: "1. Introduction".
    if word_start == sentence_start && word_start == 0 && !word.is_empty() && word.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(p: &str) -> Vec<&str> {
        split(p, Splitter::Rules).into_iter().map(|(s, e)| &p[s..e]).collect()
    }

    #[test]
    fn english_abbreviations_initials_decimals() {
        assert_eq!(
            sentences("Mr. Smith paid $3.50 in the U.S. on Monday. Dr. J. K. Rowling agreed. Growth was 2.5%."),
            vec!["Mr. Smith paid $3.50 in the U.S. on Monday.", "Dr. J. K. Rowling agreed.", "Growth was 2.5%."]
        );
    }

    #[test]
    fn vietnamese_abbreviations() {
        assert_eq!(
            sentences("TS. Nguyễn Văn A làm việc tại TP. Hồ Chí Minh, v.v. và nhiều nơi khác. Ông nói thêm."),
            vec!["TS. Nguyễn Văn A làm việc tại TP. Hồ Chí Minh, v.v. và nhiều nơi khác.", "Ông nói thêm."]
        );
    }

    #[test]
    fn closing_quotes_and_ellipses() {
        assert_eq!(
            sentences("He said, “We will win.” Then he left... And nobody followed. Wait... what?"),
            vec!["He said, “We will win.”", "Then he left...", "And nobody followed.", "Wait... what?"]
        );
        assert_eq!(
            sentences("Ông cho biết: \"Chúng tôi sẽ hợp tác\". Ông nói thêm."),
            vec!["Ông cho biết: \"Chúng tôi sẽ hợp tác\".", "Ông nói thêm."]
        );
    }

    #[test]
    fn unicode_fallback_for_cjk() {
        let p = "今天天气很好。我们去公园吧！";
        let got: Vec<&str> = split(p, Splitter::for_text(p)).into_iter().map(|(s, e)| &p[s..e]).collect();
        assert_eq!(got, vec!["今天天气很好。", "我们去公园吧！"]);
    }
}
