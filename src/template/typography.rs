//! Typography for what a brief shows: curly quotes and apostrophes in the
//! language's style, en dashes in number ranges, real ellipses, and a
//! non-breaking space that keeps a number with its unit.
//!
//! Applied to the strings a template sees, never to the article text its
//! offsets count into: a citation still points at the article as it was.

/// The quotation marks of a language: primary open/close, then the marks
/// for a quote inside a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marks {
    pub open: &'static str,
    pub close: &'static str,
    pub inner_open: &'static str,
    pub inner_close: &'static str,
}

const ENGLISH: Marks = Marks { open: "“", close: "”", inner_open: "‘", inner_close: "’" };
/// French guillemets take a (narrow) non-breaking space inside.
const FRENCH: Marks = Marks { open: "«\u{202F}", close: "\u{202F}»", inner_open: "“", inner_close: "”" };
const GERMAN: Marks = Marks { open: "„", close: "“", inner_open: "‚", inner_close: "‘" };

/// The marks for a language (ISO 639-1); English-style curly quotes, which
/// Vietnamese also uses, for any language without a rule of its own.
pub fn marks(language: &str) -> Marks {
    match language.get(..2).unwrap_or(language) {
        "fr" => FRENCH,
        "de" => GERMAN,
        _ => ENGLISH,
    }
}

/// Units and scale words a number is kept on one line with.
const UNITS: &[&str] = &[
    "%", "‰", "km", "m", "cm", "mm", "km²", "m²", "ha", "kg", "g", "t", "l", "ml", "kW", "MW", "GW", "kWh", "MWh",
    "°C", "°F", "km/h", "USD", "EUR", "GBP", "JPY", "CNY", "VND", "RUB", "KRW", "INR", "CHF", "AUD", "CAD", "đồng",
    "triệu", "tỷ", "tỉ", "nghìn", "ngàn", "million", "billion", "trillion", "percent",
];

/// `text` with the typography of `language`.
pub fn smarten(text: &str, language: &str) -> String {
    smarten_after(text, language, None)
}

/// [`smarten`] for a piece of a longer text: `previous` is the char before
/// it, which decides whether a quote mark at its start opens or closes.
pub fn smarten_after(text: &str, language: &str, previous: Option<char>) -> String {
    let marks = marks(language);
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let before = i.checked_sub(1).map(|j| chars[j]).or(previous);
        let after = chars.get(i + 1).copied();
        match c {
            '.' if chars.get(i + 1) == Some(&'.') && chars.get(i + 2) == Some(&'.') => {
                out.push('…');
                i += 3;
                continue;
            }
            '"' => out.push_str(if opens(before) { marks.open } else { marks.close }),
            '\'' => {
                // Between letters or after one it is an apostrophe (don't,
                // the '90s stays closing-shaped: ’90s).
                let apostrophe = before.is_some_and(char::is_alphanumeric)
                    || (opens(before) && after.is_some_and(|a| a.is_ascii_digit()));
                out.push_str(if apostrophe || !opens(before) { "’" } else { marks.inner_open });
            }
            '-' if is_range_dash(&chars, i) => out.push('–'),
            '-' if before == Some(' ') && after == Some(' ') => out.push('–'),
            ' ' if before.is_some_and(|b| b.is_ascii_digit()) && unit_follows(&chars[i + 1..]) => out.push('\u{A0}'),
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

/// `text` inside the language's quotation marks; double quotes inside it
/// become the inner marks.
pub fn quoted(text: &str, language: &str) -> String {
    let marks = marks(language);
    let inner = smarten(text, language).replace(marks.open, marks.inner_open).replace(marks.close, marks.inner_close);
    format!("{}{inner}{}", marks.open, marks.close)
}

/// Whether a quote mark after `before` opens a quotation.
fn opens(before: Option<char>) -> bool {
    match before {
        None => true,
        Some(b) => b.is_whitespace() || matches!(b, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘' | '«' | '„'),
    }
}

/// A hyphen between two numbers of a range ("2020-2025", "10-15%"), not
/// inside a date, code or phone number ("2021-06-01", "COVID-19").
fn is_range_dash(chars: &[char], at: usize) -> bool {
    let digits_back = chars[..at].iter().rev().take_while(|c| c.is_ascii_digit()).count();
    let digits_ahead = chars[at + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
    if digits_back == 0 || digits_ahead == 0 || digits_back > 4 || digits_ahead > 4 {
        return false;
    }
    let start = at - digits_back;
    let end = at + 1 + digits_ahead;
    let clear_before =
        start == 0 || !(chars[start - 1].is_alphanumeric() || matches!(chars[start - 1], '-' | '.' | '/'));
    let clear_after = chars.get(end).is_none_or(|c| !(c.is_ascii_digit() || *c == '-' || c.is_alphabetic()))
        || chars.get(end) == Some(&'%');
    clear_before
        && clear_after
        && !(chars.get(end) == Some(&'.') && chars.get(end + 1).is_some_and(char::is_ascii_digit))
}

fn unit_follows(rest: &[char]) -> bool {
    UNITS.iter().any(|unit| {
        let n = unit.chars().count();
        rest.len() >= n
            && rest[..n].iter().copied().eq(unit.chars())
            && rest.get(n).is_none_or(|c| !c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn straight_quotes_curl_the_way_the_language_writes_them() {
        assert_eq!(smarten(r#"Ông Nam nói: "Chúng tôi sẽ đến.""#, "vi"), "Ông Nam nói: “Chúng tôi sẽ đến.”");
        assert_eq!(smarten(r#"He said "no" and left"#, "en"), "He said “no” and left");
        assert_eq!(smarten(r#"Il a dit "non""#, "fr"), "Il a dit «\u{202F}non\u{202F}»");
        assert_eq!(smarten(r#"Er sagte "nein""#, "de"), "Er sagte „nein“");
        assert_eq!(smarten("('quoted')", "en"), "(‘quoted’)");
    }

    #[test]
    fn apostrophes_are_curly_and_never_open_a_quote() {
        assert_eq!(smarten("the mayor's office didn't say", "en"), "the mayor’s office didn’t say");
        assert_eq!(smarten("in the '90s", "en"), "in the ’90s");
    }

    #[test]
    fn ranges_take_an_en_dash_but_dates_and_codes_keep_their_hyphen() {
        assert_eq!(smarten("từ 2020-2025, tăng 10-15%", "vi"), "từ 2020–2025, tăng 10–15%");
        assert_eq!(smarten("on 2021-06-01 COVID-19 A-1 0912-345-678", "en"), "on 2021-06-01 COVID-19 A-1 0912-345-678");
        assert_eq!(smarten("Hanoi - the capital", "en"), "Hanoi – the capital");
    }

    #[test]
    fn a_number_stays_with_its_unit_and_dots_become_an_ellipsis() {
        assert_eq!(smarten("5 km and 3 triệu đồng, 20 %", "vi"), "5\u{A0}km and 3\u{A0}triệu đồng, 20\u{A0}%");
        assert_eq!(smarten("31 thành viên, 5 kmh", "vi"), "31 thành viên, 5 kmh");
        assert_eq!(smarten("and then...", "en"), "and then…");
    }

    #[test]
    fn a_quote_inside_a_quote_takes_the_inner_marks() {
        assert_eq!(quoted("it is a \"systemic challenge\" now", "en"), "“it is a ‘systemic challenge’ now”");
        assert_eq!(quoted("đây là “thách thức”", "vi"), "“đây là ‘thách thức’”");
        assert_eq!(quoted("ja", "de"), "„ja“");
    }
}
