//! Figures: numbers, amounts, multipliers and dates, each with what it counts.
//!
//! Patterns run sentence by sentence; where two overlap, the more specific kind
//! wins (money over percent over multiplier over date over count). A count
//! takes the noun after it ("31 thành viên", "hơn 60 chính phủ") so that the
//! figure says what it counts.

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{STOPWORDS_EN, STOPWORDS_VI};
use super::words::{words_in, Word};
use super::{FigureKind, Lang};
use crate::ingest::format::floor_char_boundary;
use crate::ingest::Article;
use crate::text::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundFigure {
    pub span: Span,
    pub context: Span,
    pub kind: FigureKind,
}

const NUMBER: &str = r"[0-9]{1,3}(?:[.,][0-9]{3})+(?:[.,][0-9]+)?|[0-9]+(?:[.,][0-9]+)?";
const SCALE_WORDS: &str = r"nghìn|ngàn|triệu|tỷ|tỉ|thousand|million|billion|trillion";
const MONTHS: &str = r"january|february|march|april|may|june|july|august|september|october|november|december|jan\.|feb\.|aug\.|sept?\.|oct\.|nov\.|dec\.";
const WEEKDAYS: &str = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday";
const VI_SPELLED: &str = r"(?:hai|ba|bốn|sáu|bảy|tám|chín|mười|mươi)(?:\s+(?:mươi|lăm|trăm|nghìn|ngàn|triệu|tỷ))*|(?:hàng|vài|mấy)\s+(?:chục|trăm|nghìn|ngàn|vạn|triệu|tỷ)";
const EN_SPELLED: &str = r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a dozen|dozens|scores|hundreds|thousands|millions|billions";
const QUANTIFIER: &str = r"hơn|gần|khoảng|trên|dưới|chừng|tới|đến|more than|less than|fewer than|nearly|about|around|almost|over|under|at least|up to|some";

// No `\b` in these patterns: a Unicode word boundary keeps the regex engine
// off its fast path on Vietnamese text. Word boundaries are checked in code
// instead (`bounded_matches`). No `(?i)` either: Unicode case folding doubles
// the time to compile them, which every start-up pays. The patterns are
// lowercase and run on a lowercased copy of the sentence whose byte offsets
// are the sentence's (`lowercase_keeping_offsets`).
fn build(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid figure pattern")
}

static MONEY: LazyLock<Regex> = LazyLock::new(|| {
    build(&format!(
        r"(?:us\$|a\$|c\$|\$|€|£|¥|₫)\s?(?:{NUMBER})(?:\s?(?:{SCALE_WORDS})|bn|m|k)?|(?:{NUMBER})(?:\s?(?:{SCALE_WORDS}))?\s?(?:đồng|vnd|usd|eur|euros|euro|dollars|dollar|đô la|đôla|bảng anh|yên|nhân dân tệ|rúp|pounds|pound|yuan|rupees|rupee)"
    ))
});
static PERCENT: LazyLock<Regex> = LazyLock::new(|| {
    build(&format!(
        r"(?:(?:{QUANTIFIER})\s+)?(?:{NUMBER})\s?(?:%|phần trăm|percentage points|percentage point|percent|per cent)"
    ))
});
static MULTIPLIER: LazyLock<Regex> = LazyLock::new(|| {
    build(&format!(
        r"(?:(?:hơn|gần)\s+)?gấp\s+(?:đôi|rưỡi|(?:{NUMBER})|hai|ba|bốn|năm|mười)(?:\s+lần)?|(?:{NUMBER}|two|three|four|five|ten)-?fold|(?:{NUMBER}|two|three|four|five|ten)\s+times\s+(?:more|less|higher|lower|as)"
    ))
});
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    build(&format!(
        r"(?:(?:sáng|chiều|tối|đêm|trưa)\s+)?ngày\s+[0-9]{{1,2}}(?:\s*[/-]\s*[0-9]{{1,2}}(?:\s*[/-]\s*[0-9]{{2,4}})?|\s+tháng\s+[0-9]{{1,2}})?(?:\s+năm\s+[0-9]{{4}})?|(?:sáng|chiều|tối|đêm|trưa)\s+[0-9]{{1,2}}[/-][0-9]{{1,2}}(?:[/-][0-9]{{4}})?|[0-9]{{1,2}}-[0-9]{{1,2}}-[0-9]{{4}}|(?:0?[1-9]|1[0-2])/(?:19|20)[0-9]{{2}}|tháng\s+(?:[0-9]{{1,2}}|giêng|chạp|mười một|mười hai|một|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười)(?:\s*/\s*[0-9]{{4}}|\s+năm\s+(?:[0-9]{{4}}|ngoái|nay|trước|sau|tới))?|[0-9]{{1,2}}/[0-9]{{1,2}}(?:/[0-9]{{2,4}})?|năm\s+[0-9]{{4}}|(?:(?:{VI_SPELLED}|{NUMBER})\s+)?(?:tuần|tháng|năm)\s+(?:ngoái|trước|tới|sau|qua)|(?:{MONTHS})\s+[0-9]{{1,2}}(?:st|nd|rd|th)?(?:,?\s+[0-9]{{4}})?|[0-9]{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})(?:\s+[0-9]{{4}})?|(?:last|next|this|early|late|mid-?)\s*(?:{MONTHS}|{WEEKDAYS}|week|month|year|spring|summer|autumn|fall|winter)|(?:{MONTHS})\s+[0-9]{{4}}|(?:the\s+|mid-|early\s+|late\s+)?(?:1[89]|20)[0-9]{{2}}s|(?:1[89]|20)[0-9]{{2}}(?:-[0-9]{{2}})?|(?:on\s+)?(?:{WEEKDAYS})|yesterday|today|tomorrow|hôm qua|hôm nay|ngày mai"
    ))
});
static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    build(&format!(
        r"(?:(?:{QUANTIFIER})\s+)?(?:{VI_SPELLED}|{EN_SPELLED}|{NUMBER})(?:\s+(?:{SCALE_WORDS}))?(?:\s+of)?"
    ))
});

/// Matches of `regex` in `body` that start and end on word boundaries. A
/// match that runs into a word is cut back to its last space; one that starts
/// inside a word is dropped and the search goes on from the next char.
fn bounded_matches(regex: &Regex, body: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < body.len() {
        let Some(m) = regex.find_at(body, at) else { break };
        let start = m.start();
        let next_char = start + body[start..].chars().next().map_or(1, char::len_utf8);
        if m.is_empty() || !boundary_before(body, start) {
            at = next_char;
            continue;
        }
        let mut end = m.end();
        while end > start && !boundary_after(body, start, end) {
            end = body[start..end].trim_end().rfind(char::is_whitespace).map_or(start, |p| start + p);
            end = start + body[start..end].trim_end().len();
        }
        if end > start {
            out.push((start, end));
            at = end;
        } else {
            at = next_char;
        }
    }
    out
}

fn boundary_before(body: &str, start: usize) -> bool {
    let first = body[start..].chars().next();
    let previous = body[..start].chars().next_back();
    !(first.is_some_and(char::is_alphanumeric) && previous.is_some_and(char::is_alphanumeric))
}

fn boundary_after(body: &str, start: usize, end: usize) -> bool {
    let last = body[start..end].chars().next_back();
    let next = body[end..].chars().next();
    !(last.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric))
}

/// Time units: a count of these is a span of time, and the unit is all the noun.
const TIME_UNITS: &[&str] = &[
    "ngày",
    "tuần",
    "tháng",
    "năm",
    "giờ",
    "phút",
    "giây",
    "thập kỷ",
    "thế kỷ",
    "days",
    "day",
    "weeks",
    "week",
    "months",
    "month",
    "years",
    "year",
    "hours",
    "hour",
    "minutes",
    "minute",
    "seconds",
    "decades",
    "centuries",
];

/// Finds the figures of an article, in text order.
pub fn find(article: &Article, lang: Lang) -> Vec<FoundFigure> {
    let text = article.text.as_str();
    let mut figures = Vec::new();
    for sentence in &article.sentences {
        let body = &text[sentence.span.start..sentence.span.end];
        if !body.bytes().any(|b| b.is_ascii_digit()) && !has_spelled_number(body) && !has_date_word(body) {
            continue;
        }
        let lower = lowercase_keeping_offsets(body);
        let mut found: Vec<(Span, FigureKind)> = Vec::new();
        let absolute = |start: usize, end: usize| Span::new(sentence.span.start + start, sentence.span.start + end);
        for (regex, kind) in [
            (&*MONEY, FigureKind::Money),
            (&*PERCENT, FigureKind::Percent),
            (&*MULTIPLIER, FigureKind::Multiplier),
            (&*DATE, FigureKind::Date),
        ] {
            for (start, end) in bounded_matches(regex, &lower) {
                // "Thông tư 01/2020/TT-BYT", "1/5000-scale": a number of a document or a ratio.
                if kind == FigureKind::Date && continues_a_code(&body[end..]) {
                    continue;
                }
                push_unless_overlapping(&mut found, absolute(start, end), kind);
            }
        }
        for (start, end) in bounded_matches(&COUNT, &lower) {
            if is_part_of_word(body, start, end) {
                continue; // "par-5", "M5", "18th", "3-wood": labels, not figures
            }
            let span = absolute(start, end);
            if overlaps_any(&found, span) {
                continue;
            }
            let (span, kind) = with_counted_noun(text, span, sentence.span.end, lang);
            if kind == FigureKind::Number && !body[start..end].bytes().any(|b| b.is_ascii_digit()) {
                continue; // a spelled number with nothing counted is just a word
            }
            push_unless_overlapping(&mut found, span, kind);
        }
        let words = if found.is_empty() { Vec::new() } else { words_in(text, sentence.span) };
        for (span, kind) in found {
            let context = context_of(&words, span);
            // A context that ends inside "héc-ta" ends after it.
            let context =
                Span::new(context.start, hyphenated_end(text, context.end, sentence.span.end).max(context.end));
            figures.push(FoundFigure { span, context, kind });
        }
    }
    figures
}

/// Whether the text after a figure goes on with `/` and a letter or digit.
fn continues_a_code(rest: &str) -> bool {
    rest.strip_prefix('/').is_some_and(|r| r.starts_with(char::is_alphanumeric))
}

fn is_part_of_word(body: &str, start: usize, end: usize) -> bool {
    let mut before = body[..start].chars().rev();
    let previous = before.next();
    let attached_before = previous.is_some_and(char::is_alphanumeric)
        || (previous == Some('-') && before.next().is_some_and(char::is_alphanumeric));
    let attached_after = body[end..].starts_with(|c: char| c.is_alphabetic())
        || (body[end..].starts_with('-') && body[end + 1..].starts_with(|c: char| c.is_alphabetic()));
    attached_before || attached_after
}

/// Adds a figure unless it overlaps one already found; `found` stays sorted
/// and disjoint, so only the neighbours at the insertion point can overlap.
fn push_unless_overlapping(found: &mut Vec<(Span, FigureKind)>, span: Span, kind: FigureKind) {
    if span.is_empty() || overlaps_any(found, span) {
        return;
    }
    let at = found.partition_point(|(s, _)| s.start < span.start);
    found.insert(at, (span, kind));
}

fn overlaps_any(found: &[(Span, FigureKind)], span: Span) -> bool {
    let at = found.partition_point(|(s, _)| s.start < span.start);
    let before = at.checked_sub(1).and_then(|i| found.get(i));
    [before, found.get(at)].into_iter().flatten().any(|(s, _)| s.overlaps(span))
}

fn has_spelled_number(body: &str) -> bool {
    let lower = body.to_lowercase();
    [
        "hai", "ba ", "bốn", "sáu", "bảy", "tám", "chín", "mười", "chục", "trăm", "nghìn", "triệu", "tỷ", "two",
        "three", "four", "five", "ten", "dozen", "hundred", "thousand", "million", "billion", "gấp",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

fn has_date_word(body: &str) -> bool {
    let lower = body.to_lowercase();
    ["tháng", "ngày", "năm", "tuần", "hôm", "day", "week", "month", "year", "last", "next"]
        .iter()
        .any(|w| lower.contains(w))
        || MONTHS.split('|').any(|m| starts_capitalized(body, m.trim_end_matches('.')))
}

/// Whether `word` (lowercase ASCII) occurs in `body` with its first letter a capital.
fn starts_capitalized(body: &str, word: &str) -> bool {
    let mut chars = word.chars();
    let first = chars.next().map(|c| c.to_ascii_uppercase());
    first.is_some_and(|first| body.match_indices(first).any(|(at, _)| body[at + 1..].starts_with(chars.as_str())))
}

/// `text` in lowercase where a char's lowercase takes as many bytes as the
/// char itself, so that every offset into the copy is one into `text` (the
/// few others, such as 'İ', stay as they are).
fn lowercase_keeping_offsets(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_uppercase) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut lower = String::with_capacity(text.len());
    for c in text.chars() {
        let mut lowercase = c.to_lowercase();
        match (lowercase.next(), lowercase.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => lower.push(l),
            _ => lower.push(c),
        }
    }
    std::borrow::Cow::Owned(lower)
}

/// Vietnamese words a stop list drops that a number counts all the same
/// ("52 người", "hai lần", "ba con tàu").
const COUNTED_VI: &[&str] = &["người", "con", "chiếc", "cái", "lần"];

/// Extends a number with the noun it counts: up to two following lowercase
/// words that are not function words, or just a time unit.
fn with_counted_noun(text: &str, number: Span, limit: usize, lang: Lang) -> (Span, FigureKind) {
    // Two words are all it may take: look no further than the next 80 bytes.
    let limit = limit.min(floor_char_boundary(text, number.end + 80));
    let words = words_in(text, Span::new(number.end, limit));
    let mut end = number.end;
    let mut taken = 0;
    // Two syllables hold most Vietnamese nouns; two words an English noun and its modifier.
    for word in words.iter().take(2) {
        let gap = &text[end..word.span.start];
        if !gap.chars().all(char::is_whitespace) || gap.is_empty() {
            break;
        }
        let lower = word.text.to_lowercase();
        if taken == 0 {
            if let Some(unit) = time_unit_at(text, word.span.start) {
                return (Span::new(number.start, word.span.start + unit.len()), FigureKind::Date);
            }
        }
        let is_function = match lang {
            Lang::Vi => STOPWORDS_VI.contains(lower.as_str()) && !COUNTED_VI.contains(&lower.as_str()),
            Lang::En => STOPWORDS_EN.contains(lower.as_str()),
            _ => STOPWORDS_VI.contains(lower.as_str()) || STOPWORDS_EN.contains(lower.as_str()),
        };
        if is_function || word.is_capitalized() || lower.chars().any(|c| c.is_ascii_digit()) {
            break;
        }
        end = word.span.end;
        taken += 1;
        // "85 héc-ta", "300 ki-lô-mét": a unit spelled in hyphenated syllables is the whole noun.
        let hyphenated = hyphenated_end(text, word.span.end, limit);
        if hyphenated > end {
            end = hyphenated;
            break;
        }
    }
    if taken == 0 {
        (number, FigureKind::Number)
    } else {
        (Span::new(number.start, end), FigureKind::Count)
    }
}

/// Where a chain of syllables joined by hyphens that starts before `from`
/// ends ("héc-ta", "ki-lô-mét"); `from` when none follows.
fn hyphenated_end(text: &str, from: usize, limit: usize) -> usize {
    let mut end = from;
    while text[end..limit].starts_with('-') {
        let rest = &text[end + 1..limit];
        let syllable = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
        if syllable == 0 {
            break;
        }
        end += 1 + syllable;
    }
    end
}

fn time_unit_at(text: &str, at: usize) -> Option<&str> {
    let rest = &text[at..];
    TIME_UNITS.iter().find_map(|unit| {
        let head = rest.get(..unit.len())?;
        let after = rest[unit.len()..].chars().next();
        (head.eq_ignore_ascii_case(unit) && !after.is_some_and(char::is_alphanumeric)).then_some(head)
    })
}

/// How far a context reaches either side of its figure, in bytes: eight
/// words of news, and a bound when the "words" are a pasted run of digits.
const MAX_CONTEXT_BYTES: usize = 160;

/// Up to eight words either side of the figure, within its sentence and
/// [`MAX_CONTEXT_BYTES`] of it.
fn context_of(words: &[Word], figure: Span) -> Span {
    let first = words.partition_point(|w| w.span.end <= figure.start).min(words.len().saturating_sub(1));
    let last = words.partition_point(|w| w.span.start < figure.end).saturating_sub(1).max(first);
    let reach_start = figure.start.saturating_sub(MAX_CONTEXT_BYTES);
    let reach_end = figure.end + MAX_CONTEXT_BYTES;
    let from = words
        .get(first.saturating_sub(8)..=first)
        .and_then(|before| before.iter().find(|w| w.span.start >= reach_start))
        .map_or(figure.start, |w| w.span.start.min(figure.start));
    let to = words
        .get(last..=(last + 8).min(words.len().saturating_sub(1)))
        .and_then(|after| after.iter().rev().find(|w| w.span.end <= reach_end))
        .map_or(figure.end, |w| w.span.end.max(figure.end));
    Span::new(from, to)
}
