//! Pairing quotation marks: families, nesting, apostrophes, and quotes that
//! run over paragraphs.

use crate::ingest::format::floor_char_boundary;
use crate::text::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Guillemet,
    SingleGuillemet,
    Single,
    Corner,
    WhiteCorner,
}

#[derive(Debug, Clone, Copy)]
struct Open {
    family: Family,
    mark: char,
    content_start: usize,
}

/// A top-level pair of quotation marks.
#[derive(Debug, Clone, Copy)]
pub(super) struct Marked {
    pub(super) open: usize,
    pub(super) content: Span,
    pub(super) close_end: usize,
    /// The quoted words end in `, . ! ?`: the sentence goes on to attribute them.
    pub(super) ends_with_punctuation: bool,
}

/// Pairs quotation marks across the whole text.
pub(super) fn pair_marks(text: &str) -> Vec<Marked> {
    let mut found = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut top_open = 0usize;
    let mut skip_until = 0usize;
    let mut prev: Option<char> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        if i < skip_until {
            prev = Some(c);
            continue;
        }
        if c == '\n' && next == Some('\n') {
            if let Some(bottom) = stack.first().copied() {
                let reopening = text[i + 2..].chars().next().filter(|&n| reopens(bottom.family, n));
                match reopening {
                    Some(mark) => {
                        stack.truncate(1);
                        skip_until = i + 2 + mark.len_utf8();
                    }
                    None => {
                        if bottom.family == Family::Double || bottom.family == Family::Guillemet {
                            push_marked(&mut found, text, top_open, bottom.content_start, i, i);
                        }
                        stack.clear();
                    }
                }
            }
            prev = Some(c);
            continue;
        }
        let opens_here = prev.is_none_or(|p| p.is_whitespace() || is_opening_context(p));
        let closes_here = prev.is_some_and(|p| !p.is_whitespace());
        let letter_next = next.is_some_and(char::is_alphanumeric);
        let role = match c {
            // ’’ typed for ”.
            '’' if next == Some('’') && stack.iter().any(|o| o.family == Family::Double) && closes_here => {
                skip_until = i + 2 * c.len_utf8();
                Some((Family::Double, false))
            }
            '“' if stack.last().is_some_and(|o| o.mark == '„') => Some((Family::Double, false)),
            '“' | '„' => Some((Family::Double, true)),
            // `(”Anxiety is a scalar…”)`: a closing mark typed to open, with none open.
            '”' if !stack.iter().any(|o| o.family == Family::Double) && opens_here && letter_next => {
                Some((Family::Double, true))
            }
            '”' => Some((Family::Double, false)),
            '"' => {
                let double_open = stack.iter().any(|o| o.family == Family::Double);
                // Marks typed with spaces inside, `" Hiện Công an … vàng ", Đại tá Bôn cho
                // biết`: one before punctuation closes, one opening a line opens.
                let spaced_close = next.is_none_or(|n| n.is_whitespace() || ends_a_quote(n));
                let line_start = prev.is_none_or(|p| p == '\n');
                let before_punctuation = next.is_some_and(ends_a_quote);
                // `tú bà " Thu Ngà ", Nghĩa …`: spaces on both sides, and a mark later on the line to close it.
                let spaced_open = || next.is_some_and(char::is_whitespace) && closes_later_on_line(&text[i + 1..]);
                if double_open && (closes_here || spaced_close) {
                    Some((Family::Double, false))
                } else if opens_here
                    && !before_punctuation
                    && (line_start || next.is_some_and(|n| !n.is_whitespace()) || spaced_open())
                {
                    Some((Family::Double, true))
                } else if double_open || (closes_here && spaced_close) {
                    // With none open, a closing mark whose opening one was lost.
                    Some((Family::Double, false))
                } else {
                    None
                }
            }
            '«' => Some((Family::Guillemet, true)),
            '»' => Some((Family::Guillemet, false)),
            '‹' => Some((Family::SingleGuillemet, true)),
            '›' => Some((Family::SingleGuillemet, false)),
            '「' => Some((Family::Corner, true)),
            '」' => Some((Family::Corner, false)),
            '『' => Some((Family::WhiteCorner, true)),
            '』' => Some((Family::WhiteCorner, false)),
            '‘' | '’' | '\'' => {
                let single_open = stack.last().is_some_and(|o| o.family == Family::Single);
                if single_open && closes_here && !letter_next {
                    Some((Family::Single, false))
                } else if opens_here && next.is_some_and(char::is_alphabetic) && (c != '’' || !stack.is_empty()) {
                    Some((Family::Single, true))
                } else {
                    None // an apostrophe
                }
            }
            _ => None,
        };
        if let Some((family, opening)) = role {
            let after = if skip_until > i { skip_until } else { i + c.len_utf8() };
            if opening {
                if stack.is_empty() {
                    top_open = i;
                }
                stack.push(Open { family, mark: c, content_start: after });
            } else if let Some(k) = stack.iter().rposition(|o| o.family == family) {
                let open = stack[k];
                stack.truncate(k);
                if k == 0 {
                    push_marked(&mut found, text, top_open, open.content_start, i, after);
                }
            } else if family == Family::Double && stack.is_empty() {
                let last_close = found.last().map(|m: &Marked| m.close_end);
                let start = last_close
                    .and_then(|from| lost_opening(text, from, i))
                    .or_else(|| lost_opening_after_colon(text, last_close.unwrap_or(0), i));
                if let Some(start) = start {
                    push_marked(&mut found, text, start, start, i, after);
                }
            }
        }
        prev = Some(c);
    }
    if let Some(bottom) = stack.first() {
        if matches!(bottom.family, Family::Double | Family::Guillemet) {
            push_marked(&mut found, text, top_open, bottom.content_start, text.len(), text.len());
        }
    }
    found
}

/// Where a quote whose opening mark was lost starts: `"…," Jones said. It
/// was never about … my game.".` A closing mark with none open, after a
/// quote closed and attributed earlier in the paragraph, closes the words
/// from the sentence after that attribution.
fn lost_opening(text: &str, last_close: usize, close: usize) -> Option<usize> {
    let between = text.get(last_close..close)?;
    if between.contains(['\n', '"', '“', '”']) {
        return None;
    }
    let end = between.char_indices().find_map(|(k, c)| {
        let rest = &between[k + c.len_utf8()..];
        (matches!(c, '.' | '!' | '?') && rest.starts_with(' ') && rest[1..].starts_with(char::is_uppercase))
            .then_some(k + c.len_utf8() + 1)
    })?;
    let attribution_words = between[..end].split_whitespace().count();
    (attribution_words <= MAX_ATTRIBUTION_WORDS).then_some(last_close + end)
}

/// Where a quote whose opening mark was lost after its introduction starts:
/// `GS Lang xúc động nói: Là đứa con của vùng quê … đau đáu”.` A closing
/// mark with none open, in the same paragraph as a colon that a capital
/// follows, closes the words from that capital.
fn lost_opening_after_colon(text: &str, last_close: usize, close: usize) -> Option<usize> {
    let from = floor_char_boundary(text, close.saturating_sub(LOST_QUOTE_REACH)).max(last_close);
    let between = text.get(from..close)?;
    let paragraph = between.rfind('\n').map_or(0, |k| k + 1);
    let colon = between[paragraph..].rfind(": ")? + paragraph;
    let words = &between[colon + 2..];
    (words.starts_with(char::is_uppercase) && !words.contains(['"', '“', '”'])).then_some(from + colon + 2)
}

/// How far before a closing mark a lost opening one is looked for, in bytes.
const LOST_QUOTE_REACH: usize = 2000;

/// The longest attribution between a quote and words whose opening mark was lost.
const MAX_ATTRIBUTION_WORDS: usize = 8;

/// Punctuation that may follow a closing mark and never an opening one.
fn ends_a_quote(c: char) -> bool {
    matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')')
}

/// How far along its line a mark typed with spaces inside looks for its closing one.
const SPACED_QUOTE_REACH: usize = 300;

/// Whether a straight double mark that can close (after a space, before a space,
/// punctuation or the line's end) follows on the same line, within reach.
fn closes_later_on_line(rest: &str) -> bool {
    let line = rest.split('\n').next().unwrap_or("");
    let mut chars = line.char_indices().take_while(|(i, _)| *i < SPACED_QUOTE_REACH).peekable();
    let mut prev = None;
    while let Some((_, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if c == '"' {
            let closes = next.is_none_or(|n| n.is_whitespace() || ends_a_quote(n));
            return prev.is_some_and(|p: char| p.is_whitespace()) && closes;
        }
        prev = Some(c);
    }
    false
}

fn is_opening_context(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | ':' | '/' | '“' | '"' | '‘' | '«' | '‹' | '„' | '「' | '『')
}

fn reopens(family: Family, c: char) -> bool {
    match family {
        Family::Double => matches!(c, '“' | '"' | '„'),
        Family::Guillemet => c == '«',
        Family::SingleGuillemet => c == '‹',
        Family::Single => matches!(c, '‘' | '\''),
        Family::Corner => c == '「',
        Family::WhiteCorner => c == '『',
    }
}

/// Records the words between a pair of marks, trimmed of spaces, a trailing
/// comma and a stray inner single quote (“’Well, …,’” quotes a quote).
fn push_marked(
    found: &mut Vec<Marked>,
    text: &str,
    open: usize,
    content_start: usize,
    content_end: usize,
    close_end: usize,
) {
    let mut start = content_start;
    let mut end = content_end;
    let raw = text[start..end].trim_end();
    let ends_with_punctuation = raw.ends_with([',', '.', '!', '?', '…', ';', '’', '\'']);
    for _ in 0..2 {
        let inner = &text[start..end];
        let trimmed_start = inner.len() - inner.trim_start().len();
        start += trimmed_start;
        end = start + text[start..end].trim_end().len();
        while text[start..end].ends_with([',', ';', ':']) {
            end -= 1;
            end = start + text[start..end].trim_end().len();
        }
        let inner = &text[start..end];
        let single_first = inner.starts_with(['‘', '’', '\'']);
        let single_last = inner.ends_with(['’', '\'']);
        if single_first && single_last && inner.chars().count() > 2 {
            start += inner.chars().next().map_or(0, char::len_utf8);
            end -= inner.chars().next_back().map_or(0, char::len_utf8);
        } else {
            break;
        }
    }
    if start < end && text[start..end].chars().any(char::is_alphabetic) {
        found.push(Marked { open, content: Span::new(start, end), close_end, ends_with_punctuation });
    }
}
