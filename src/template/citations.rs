//! Citations: the marker a template puts after a finding or quote with the
//! `cite` filter, the numbered notes, and the "Source text" appendix that
//! numbers the article's paragraphs and marks every cited span.
//!
//! Markers link to anchors (`#source-p3`, `#note-1`) written as inline HTML
//! `<a id>` at the start of the paragraph they name: the HTML keeps them,
//! and the PDF and Word renderers turn them into destinations and bookmarks.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use minijinja::Value;

use super::filters::escape_inline;
use super::typography::smarten_after;
use crate::brief::{Brief, CitationStyle, Citations, Paragraphs};

/// How many words of the cited span a note repeats.
const NOTE_WORDS: usize = 12;

/// One cited item: the article span and the paragraph it starts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cited {
    paragraph: usize,
    start: usize,
    end: usize,
}

/// What the `cite` filter has handed out during one render, in order.
#[derive(Debug)]
pub struct Recorder {
    settings: Citations,
    cited: Mutex<Vec<Cited>>,
}

impl Recorder {
    pub fn new(settings: Citations) -> Arc<Recorder> {
        Arc::new(Recorder { settings, cited: Mutex::new(Vec::new()) })
    }

    /// The marker for an item of the template context (a key point, quote or
    /// figure: anything with `paragraph`, `start` and `end`), as Markdown.
    pub fn cite(&self, item: &Value) -> Value {
        let number = |key: &str| item.get_attr(key).ok().and_then(|v| usize::try_from(v).ok());
        let (Some(paragraph), Some(start), Some(end)) = (number("paragraph"), number("start"), number("end")) else {
            return Value::from_safe_string(String::new());
        };
        if self.settings.style == CitationStyle::None {
            return Value::from_safe_string(String::new());
        }
        // The item's note number: its place among the items cited so far.
        let note = {
            let mut cited = self.cited.lock().unwrap_or_else(|e| e.into_inner());
            let entry = Cited { paragraph, start, end };
            match cited.iter().position(|c| *c == entry) {
                Some(i) => i + 1,
                None => {
                    cited.push(entry);
                    cited.len()
                }
            }
        };
        let marker = match self.settings.style {
            CitationStyle::Footnote => format!(" [\\[{note}\\]](#note-{note})"),
            _ if self.settings.appendix => format!(" ([¶{paragraph}](#source-p{paragraph}))"),
            _ => format!(" (¶{paragraph})"),
        };
        Value::from_safe_string(marker)
    }

    /// What follows the template's Markdown: the notes (footnote style) and
    /// the Source text appendix, or nothing when the brief cites nothing.
    pub fn closing(&self, brief: &Brief, labels: &BTreeMap<String, String>) -> String {
        let cited = self.cited.lock().unwrap_or_else(|e| e.into_inner()).clone();
        if self.settings.style == CitationStyle::None || cited.is_empty() {
            return String::new();
        }
        let label = |key: &str, default: &str| labels.get(key).cloned().unwrap_or_else(|| default.to_owned());
        let mut out = String::new();
        if self.settings.style == CitationStyle::Footnote {
            out.push_str(&format!("\n## {}\n\n", label("notes", "Notes")));
            let paragraphs = Paragraphs::of(&brief.article);
            for (i, c) in cited.iter().enumerate() {
                let paragraph = if self.settings.appendix {
                    format!("[¶{}](#source-p{})", c.paragraph, c.paragraph)
                } else {
                    format!("¶{}", c.paragraph)
                };
                let words: Vec<&str> = paragraphs.slice(c.start, c.end).split_whitespace().collect();
                let excerpt = if words.len() > NOTE_WORDS {
                    format!("{}…", words[..NOTE_WORDS].join(" "))
                } else {
                    words.join(" ")
                };
                let excerpt = escape_inline(&super::typography::quoted(&excerpt, &brief.language));
                out.push_str(&format!("{}. <a id=\"note-{}\"></a>{paragraph}: {excerpt}\n", i + 1, i + 1));
            }
        }
        if self.settings.appendix {
            out.push_str(&format!("\n## {}\n\n", label("source_text", "Source text")));
            let paragraphs = Paragraphs::of(&brief.article);
            for (n, (from, to)) in paragraphs.numbered().into_iter().enumerate() {
                let n = n + 1;
                let mut spans: Vec<(usize, usize)> = cited
                    .iter()
                    .filter(|c| c.start < to && c.end > from)
                    .map(|c| (c.start.max(from), c.end.min(to)))
                    .collect();
                spans.sort_unstable();
                // Overlapping spans (a figure inside a finding) are marked as one.
                let mut merged: Vec<(usize, usize)> = Vec::new();
                for (start, end) in spans {
                    match merged.last_mut() {
                        Some(last) if start <= last.1 => last.1 = last.1.max(end),
                        _ => merged.push((start, end)),
                    }
                }
                out.push_str(&format!("<a id=\"source-p{n}\"></a>¶{n}\u{A0}"));
                let mut at = from;
                for (start, end) in merged {
                    out.push_str(&shown(&paragraphs, at, start, &brief.language));
                    out.push_str(&format!("**{}**", shown(&paragraphs, start, end, &brief.language).trim()));
                    at = end;
                }
                out.push_str(&shown(&paragraphs, at, to, &brief.language));
                out.push_str("\n\n");
            }
        }
        out
    }
}

/// Article text `from..to` as the appendix shows it: typeset (knowing the
/// char before it) and Markdown-escaped, with the spaces at its ends kept so
/// marked spans stay separate words.
fn shown(paragraphs: &Paragraphs<'_>, from: usize, to: usize, language: &str) -> String {
    let text = paragraphs.slice(from, to);
    let previous = from.checked_sub(1).and_then(|p| paragraphs.slice(p, from).chars().next());
    let lead = if text.starts_with(char::is_whitespace) { " " } else { "" };
    let trail = if text.ends_with(char::is_whitespace) && !text.trim().is_empty() { " " } else { "" };
    format!("{lead}{}{trail}", escape_inline(&smarten_after(text, language, previous)))
}
