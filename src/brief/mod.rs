//! The Brief: what the analyst reviews and edits, and what templates render.
//!
//! A [`Brief`] is made from an [`Analysis`] and then edited, by the desktop
//! app's review step or by hand in its JSON. Every extracted item keeps its
//! source offsets, whether it is `included`, and the analyst's `edited` text,
//! so the CLI and the app render the same brief from the same Brief JSON.
//! Field by field documentation: `docs/templates.md`.

use serde::{Deserialize, Serialize};

use crate::analyze::{Analysis, EntityKind, FigureKind, Mention, QuoteKind};
use crate::ingest::RemovedLine;

mod corrections;
mod review;
mod stories;

pub use corrections::CorrectionError;
pub use stories::{DisagreementItem, SourceArticle, SourceSpan, Sourced, StoryEntityItem, StoryItem};

/// The version of the Brief JSON layout; bumped when a field changes meaning.
pub const BRIEF_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Brief {
    pub version: u32,
    pub title: String,
    pub source: Source,
    /// The article's language (ISO 639).
    pub language: String,
    /// The day the brief was made, `YYYY-MM-DD`.
    pub generated: String,
    pub analyst: AnalystFields,
    pub key_points: Vec<KeyPointItem>,
    pub quotes: Vec<QuoteItem>,
    pub entities: Vec<EntityItem>,
    pub figures: Vec<FigureItem>,
    /// Lines taken out of the article as noise, with why.
    pub removed: Vec<RemovedLine>,
    /// The cleaned article text every offset counts chars into.
    pub article: String,
    /// What the brief was made from, kept so it can be analyzed again (a
    /// restored line, more key points) without losing the analyst's review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<Input>,
    /// How this brief cites the article, chosen by the analyst; the
    /// template's manifest decides when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citations: Option<Citations>,
    /// A brief of many articles: each article, numbered by its place here.
    /// Empty for a one-article brief.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceArticle>,
    /// A brief of many articles: its stories, the most reported first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stories: Vec<StoryItem>,
}

/// How a brief points each finding and quote back to the article.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CitationStyle {
    /// No markers.
    #[default]
    None,
    /// The source paragraph's number after each item: (¶3).
    Paragraph,
    /// A numbered note after each item, the notes listed at the end.
    Footnote,
}

impl CitationStyle {
    pub fn parse(value: &str) -> Option<CitationStyle> {
        match value.trim().to_lowercase().as_str() {
            "none" | "off" => Some(CitationStyle::None),
            "paragraph" => Some(CitationStyle::Paragraph),
            "footnote" => Some(CitationStyle::Footnote),
            _ => None,
        }
    }
}

/// The citation settings of a brief or a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Citations {
    pub style: CitationStyle,
    /// With markers, end the brief with the article's numbered paragraphs,
    /// the cited spans marked: the "Source text" appendix.
    pub appendix: bool,
}

impl Default for Citations {
    fn default() -> Self {
        Citations { style: CitationStyle::None, appendix: true }
    }
}

/// The article as it was read, and how it was analyzed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Input {
    /// The text before cleaning.
    pub text: String,
    /// The file it came from, a hint for its format.
    pub file_name: Option<String>,
    /// How many key points to draw.
    pub key_points: usize,
    /// Lines removed as noise that the analyst put back.
    pub restored: Vec<String>,
    /// A language the analyst chose (ISO 639-1); detected when `None`.
    pub language: Option<String>,
    /// What the document said about itself when it was opened (a web page's
    /// title, author, site, address): `text` is then the extracted article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub info: Option<crate::ingest::DocumentInfo>,
}

/// Where the article came from. Empty strings are "not known".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Source {
    /// The outlet or file the article came from.
    pub name: String,
    pub url: String,
    pub author: String,
    /// When the article was published, as the article or the analyst gives it.
    pub published: String,
    /// When the analyst retrieved it, `YYYY-MM-DD`.
    pub retrieved: String,
}

/// How sure the analyst is of the assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    High,
    Moderate,
    Low,
}

impl Confidence {
    pub fn parse(value: &str) -> Option<Confidence> {
        match value.trim().to_lowercase().as_str() {
            "high" | "cao" => Some(Confidence::High),
            "moderate" | "medium" | "trung bình" => Some(Confidence::Moderate),
            "low" | "thấp" => Some(Confidence::Low),
            _ => None,
        }
    }
}

/// What the analyst writes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AnalystFields {
    pub analyst: String,
    /// The one-sentence answer the reader needs first.
    pub bottom_line: String,
    pub assessment: String,
    pub confidence: Option<Confidence>,
    /// A classification or handling marking ("UNCLASSIFIED", "NỘI BỘ").
    pub classification: String,
    pub recommendations: Vec<String>,
}

/// A key point. Analyst-added points have no offsets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyPointItem {
    pub text: String,
    pub start: Option<usize>,
    pub end: Option<usize>,
    #[serde(default)]
    pub score: Option<f64>,
    #[serde(default)]
    pub reasons: Vec<String>,
    #[serde(default = "yes")]
    pub included: bool,
    /// The analyst's wording, used instead of `text` when set.
    #[serde(default)]
    pub edited: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteItem {
    pub text: String,
    /// Who said it; the analyst may correct it.
    pub speaker: Option<String>,
    pub kind: QuoteKind,
    pub start: Option<usize>,
    pub end: Option<usize>,
    /// The paragraph a quote without offsets stands in. A quote with offsets
    /// leaves it empty and takes its context from the article: a context per
    /// quote would make a brief of dense quotes hundreds of times its article.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub context: String,
    #[serde(default = "yes")]
    pub included: bool,
    #[serde(default)]
    pub edited: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityItem {
    pub text: String,
    pub kind: EntityKind,
    #[serde(default)]
    pub mentions: Vec<Mention>,
    #[serde(default = "yes")]
    pub included: bool,
    #[serde(default)]
    pub edited: Option<String>,
    /// The names the analyst merged into this one ("Hà", "bà Hà" into "Lê
    /// Thu Hà"): a new analysis folds them in again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureItem {
    pub text: String,
    /// What the figure counts, in the article's words.
    pub context: String,
    pub kind: FigureKind,
    pub start: Option<usize>,
    pub end: Option<usize>,
    #[serde(default = "yes")]
    pub included: bool,
    #[serde(default)]
    pub edited: Option<String>,
    /// What the figure counts, as the analyst put it where the analysis
    /// read it wrong; the brief shows it in place of `context`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context_edited: Option<String>,
}

fn yes() -> bool {
    true
}

/// What to put in a new brief besides the analysis.
#[derive(Debug, Clone, Default)]
pub struct BriefOptions {
    /// `YYYY-MM-DD`; today when `None`.
    pub generated: Option<String>,
    pub source: Source,
    pub analyst: AnalystFields,
}

/// Why a Brief JSON could not be read.
#[derive(Debug, thiserror::Error)]
pub enum BriefError {
    #[error("not a Brief JSON ({0}); write one with `briefsmith analyze --brief-json FILE` or the app's Save")]
    Json(#[from] serde_json::Error),
    #[error("Brief JSON version {0} is not supported (this Briefsmith reads version {BRIEF_VERSION})")]
    Version(u32),
}

impl Brief {
    /// Reads a Brief JSON, refusing other versions of the layout.
    pub fn from_json(text: &str) -> Result<Brief, BriefError> {
        let brief: Brief = serde_json::from_str(text)?;
        if brief.version != BRIEF_VERSION {
            return Err(BriefError::Version(brief.version));
        }
        Ok(brief)
    }

    /// A brief with everything the analysis found included, as the analyst
    /// first sees it.
    pub fn from_analysis(analysis: &Analysis, options: BriefOptions) -> Brief {
        let generated = options.generated.unwrap_or_else(crate::date::today);
        let mut source = options.source;
        let document = &analysis.document;
        // The outlet; a file's name is not one, and is never shown as the source.
        if source.name.is_empty() {
            source.name = document.site_name.clone().unwrap_or_default();
        }
        if source.url.is_empty() {
            source.url = document.url.clone().unwrap_or_else(|| {
                if crate::ingest::source::is_url(&analysis.file) {
                    analysis.file.clone()
                } else {
                    String::new()
                }
            });
        }
        if source.author.is_empty() {
            source.author = document.author.clone().or_else(|| analysis.metadata.byline.clone()).unwrap_or_default();
        }
        if source.published.is_empty() {
            source.published =
                document.published.clone().or_else(|| analysis.metadata.dateline.clone()).unwrap_or_default();
        }
        if source.retrieved.is_empty() {
            source.retrieved = generated.clone();
        }
        let title = analysis
            .title
            .clone()
            .or_else(|| analysis.key_points.iter().min_by_key(|k| k.start).map(|k| headline_from(&k.text)))
            .unwrap_or_default();
        Brief {
            version: BRIEF_VERSION,
            title,
            source,
            language: analysis.language.clone(),
            generated,
            analyst: options.analyst,
            key_points: analysis
                .key_points
                .iter()
                .map(|k| KeyPointItem {
                    text: k.text.clone(),
                    start: Some(k.start),
                    end: Some(k.end),
                    score: Some(k.score),
                    reasons: k.reasons.clone(),
                    included: true,
                    edited: None,
                })
                .collect(),
            quotes: analysis
                .quotes
                .iter()
                .map(|q| QuoteItem {
                    text: q.text.clone(),
                    speaker: q.speaker.clone(),
                    kind: q.kind,
                    start: Some(q.start),
                    end: Some(q.end),
                    context: String::new(),
                    included: true,
                    edited: None,
                })
                .collect(),
            // A name only in a removed credit line ("Ảnh: Reuters") is who took the
            // photo, not one of the story's actors: it stays in the analysis's metadata.
            entities: analysis
                .entities
                .iter()
                .filter(|e| e.source == "text")
                .map(|e| EntityItem {
                    text: e.text.clone(),
                    kind: e.kind,
                    mentions: e.mentions.clone(),
                    included: true,
                    edited: None,
                    merged: Vec::new(),
                })
                .collect(),
            figures: analysis
                .figures
                .iter()
                .map(|f| FigureItem {
                    text: f.text.clone(),
                    context: f.context.clone(),
                    kind: f.kind,
                    start: Some(f.start),
                    end: Some(f.end),
                    included: true,
                    edited: None,
                    context_edited: None,
                })
                .collect(),
            removed: analysis.removed.clone(),
            article: analysis.text.clone(),
            input: None,
            citations: None,
            sources: Vec::new(),
            stories: Vec::new(),
        }
    }
}

/// A headline for an article that has none: the lead's first clause when it
/// is short enough, else its first words.
fn headline_from(lead: &str) -> String {
    const MAX_WORDS: usize = 20;
    let clause = lead.split([',', ';', ':']).next().unwrap_or(lead).trim().trim_end_matches(['.', '!', '?']);
    if clause.split_whitespace().count() <= MAX_WORDS {
        return clause.to_owned();
    }
    let words: Vec<&str> = lead.split_whitespace().take(12).collect();
    format!("{}…", words.join(" "))
}

/// How far a quote's context reaches either side of the quote, in chars: a
/// paragraph of a news story is shorter, and a pasted table or log of one
/// huge paragraph must not be copied once per quote.
const MAX_CONTEXT_CHARS: usize = 400;

/// Where the article's paragraphs (its lines) start and end, to find the one
/// around a quote without rescanning the text for each quote.
pub(crate) struct Paragraphs<'a> {
    text: &'a str,
    /// The byte offset of every char, and the text's length at the end.
    char_bytes: Vec<usize>,
    /// The char offsets of the newlines.
    breaks: Vec<usize>,
}

/// The part of a paragraph shown around a span, in chars, and whether it was
/// cut short before or after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Window {
    pub from: usize,
    pub to: usize,
    pub cut_before: bool,
    pub cut_after: bool,
}

impl<'a> Paragraphs<'a> {
    pub(crate) fn of(text: &'a str) -> Paragraphs<'a> {
        let mut char_bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        let breaks = text.chars().enumerate().filter(|&(_, c)| c == '\n').map(|(i, _)| i).collect();
        char_bytes.push(text.len());
        Paragraphs { text, char_bytes, breaks }
    }

    fn chars(&self) -> usize {
        self.char_bytes.len() - 1
    }

    /// The text of a char range.
    pub(crate) fn slice(&self, from: usize, to: usize) -> &'a str {
        let chars = self.chars();
        let (from, to) = (from.min(chars), to.min(chars));
        &self.text[self.char_bytes[from]..self.char_bytes[to.max(from)]]
    }

    /// The article's paragraphs that have text, as char ranges: what a
    /// citation's ¶ number counts.
    pub(crate) fn numbered(&self) -> Vec<(usize, usize)> {
        let mut starts = vec![0];
        starts.extend(self.breaks.iter().map(|b| b + 1));
        let mut ends: Vec<usize> = self.breaks.clone();
        ends.push(self.chars());
        starts.into_iter().zip(ends).filter(|&(from, to)| !self.slice(from, to).trim().is_empty()).collect()
    }

    /// The paragraph around a char range, cut to [`MAX_CONTEXT_CHARS`] either
    /// side at a space.
    pub(crate) fn window(&self, start: usize, end: usize) -> Window {
        let chars = self.chars();
        let (start, end) = (start.min(chars), end.min(chars).max(start.min(chars)));
        let at = self.breaks.partition_point(|&b| b < start);
        let paragraph_start = at.checked_sub(1).map_or(0, |i| self.breaks[i] + 1);
        let paragraph_end = self.breaks[self.breaks.partition_point(|&b| b < end)..].first().copied().unwrap_or(chars);
        let mut from = paragraph_start.max(start.saturating_sub(MAX_CONTEXT_CHARS));
        let mut to = paragraph_end.min(end + MAX_CONTEXT_CHARS).max(end);
        let cut_before = from > paragraph_start;
        let cut_after = to < paragraph_end;
        if cut_before {
            let before = self.slice(from, start);
            from +=
                before.find(char::is_whitespace).map_or(before.chars().count(), |b| before[..b].chars().count() + 1);
        }
        if cut_after {
            let after = self.slice(end, to);
            to = end + after.rfind(char::is_whitespace).map_or(0, |b| after[..b].chars().count());
        }
        Window { from, to, cut_before, cut_after }
    }

    /// The paragraph around a char range as one line, cut as
    /// [`Self::window`] cuts it: the context a quote keeps when it loses its
    /// place in a changed article.
    pub(crate) fn around(&self, start: usize, end: usize) -> String {
        let window = self.window(start, end);
        let (before, after) = (if window.cut_before { "… " } else { "" }, if window.cut_after { " …" } else { "" });
        format!("{before}{}{after}", self.slice(window.from, window.to)).trim().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context_of(text: &str, quote: &str) -> String {
        let start = text[..text.find(quote).unwrap()].chars().count();
        Paragraphs::of(text).around(start, start + quote.chars().count())
    }

    #[test]
    fn a_quote_s_context_is_its_paragraph() {
        let text = "Tiêu đề\n\nBà Lan nói: “Chúng tôi sẽ làm.” Rồi bà đi.\n\nĐoạn sau.";
        assert_eq!(context_of(text, "Chúng tôi sẽ làm."), "Bà Lan nói: “Chúng tôi sẽ làm.” Rồi bà đi.");
        assert_eq!(context_of("“Đầu.” Cuối", "Đầu."), "“Đầu.” Cuối");
        assert_eq!(context_of("Trước “cuối.”", "cuối."), "Trước “cuối.”");
    }

    #[test]
    fn a_long_paragraph_is_cut_at_a_space_either_side() {
        let filler = "chữ ".repeat(300);
        let text = format!("{filler}“giữa”{filler}");
        let context = context_of(&text, "giữa");
        assert!(context.starts_with("… chữ") && context.ends_with("chữ …"), "{context}");
        assert!(context.contains("“giữa”"));
        assert!(context.chars().count() <= 2 * MAX_CONTEXT_CHARS + 10, "{}", context.chars().count());
    }
}
