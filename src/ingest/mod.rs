//! Ingest: bytes in, a clean, segmented [`Article`] out.
//!
//! decode → normalize → detect format → blocks → title and noise → paragraphs →
//! sentences. Offsets in the article are byte offsets into [`Article::text`];
//! [`Article::char_offset`] turns them into the char offsets of the public
//! contract.

pub mod clean;
pub mod decode;
pub mod docx;
pub mod feed;
pub mod format;
pub mod html;
pub mod inputs;
mod markup;
pub mod normalize;
pub mod pdf;
pub mod segment;
pub mod source;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::text::{CharIndex, Span};
pub use clean::RemovalReason;
pub use format::Format;

/// What can go wrong reading an article. Each message says what was wrong and
/// what to do about it.
#[derive(Debug, Error)]
pub enum IngestError {
    #[error("the input is empty; give an article as a text, Markdown, HTML, PDF or Word file")]
    Empty,
    #[error("the input is {kind}, not text; give the article as a text, Markdown, HTML, PDF or Word (.docx) file")]
    Binary { kind: &'static str },
    #[error("the input has no article text{removed}")]
    NoText { removed: String },
    #[error("no article was found in this {what}; open the article's own page, or copy its text and paste it")]
    NoArticle { what: &'static str },
    #[error(
        "this web page could not be read: {0}; save it again from the browser, or copy the article's text and paste it"
    )]
    Page(String),
    #[error("this {what} could not be read: {why}")]
    Document { what: &'static str, why: String },
    #[error("this {what} is too large to read safely: {why}; if it is a real document, save its article as text and open that")]
    TooLarge { what: &'static str, why: String },
    #[error(
        "this PDF has no text layer (it is probably a scan); run it through OCR first, or paste the article's text"
    )]
    NoTextLayer,
}

/// What a document says about itself: a web page's metadata, a Word
/// document's title. Empty fields are not known.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DocumentInfo {
    pub title: Option<String>,
    pub author: Option<String>,
    /// `YYYY-MM-DD` when the page gives a machine-readable date.
    pub published: Option<String>,
    pub site_name: Option<String>,
    /// The page's canonical address, else where it was fetched from.
    pub url: Option<String>,
}

impl DocumentInfo {
    /// Fills the fields this one lacks from `other`.
    pub fn or(self, other: DocumentInfo) -> DocumentInfo {
        DocumentInfo {
            title: self.title.or(other.title),
            author: self.author.or(other.author),
            published: self.published.or(other.published),
            site_name: self.site_name.or(other.site_name),
            url: self.url.or(other.url),
        }
    }
}

/// How to read the input.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// The file name, used as a hint for the format (`.md`, `.txt`).
    pub file_name: Option<String>,
    /// Forces a format instead of detecting it.
    pub format: Option<Format>,
    /// Lines the analyst restored: kept as article text even when they look
    /// like noise. Compared with each line's text as [`RemovedLine::text`] gives it.
    pub keep: Vec<String>,
    /// Where the input was fetched from, for a web page's links and metadata.
    pub url: Option<String>,
    /// The charset a server declared for the input (HTTP `Content-Type`).
    pub charset: Option<String>,
    /// What is already known about the document, e.g. a page's metadata kept
    /// when its extracted text is analyzed again; the document's own wins.
    pub info: Option<DocumentInfo>,
}

/// A line taken out of the article, with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedLine {
    pub text: String,
    pub reason: RemovalReason,
}

/// What the noise lines said about the article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    pub byline: Option<String>,
    pub dateline: Option<String>,
    /// Who the photos were credited to ("Reuters").
    pub photo_credits: Vec<String>,
    /// Where the article says it was taken from ("Theo Reuters").
    pub source_credits: Vec<String>,
}

/// What a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "level")]
pub enum ParagraphKind {
    Body,
    /// A heading inside the article (Markdown), with its level.
    Heading(u8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    pub kind: ParagraphKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index into [`Article::paragraphs`].
    pub paragraph: usize,
}

/// A cleaned, segmented article: what the analysis stage reads.
#[derive(Debug, Clone)]
pub struct Article {
    /// The cleaned article body: paragraphs separated by a blank line. The title
    /// and removed lines are not in it.
    pub text: String,
    pub title: Option<String>,
    pub format: Format,
    /// The encoding the bytes were read in (WHATWG name).
    pub encoding: &'static str,
    /// Problems that did not stop reading, e.g. replaced invalid bytes.
    pub warnings: Vec<String>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub removed: Vec<RemovedLine>,
    pub metadata: Metadata,
    /// What the document said about itself (a page's author, site, address).
    pub info: DocumentInfo,
    char_index: CharIndex,
}

impl Article {
    /// The char offset of a byte offset into [`Article::text`].
    pub fn char_offset(&self, byte: usize) -> usize {
        self.char_index.char_offset(&self.text, byte)
    }

    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }
}

/// Reads `bytes` as an article: plain text, Markdown, a saved web page, a PDF
/// or a Word document.
pub fn ingest(bytes: &[u8], options: &IngestOptions) -> Result<Article, IngestError> {
    let document = read(bytes, options)?;
    let info = document.info.or(options.info.clone().unwrap_or_default());
    assemble(document.blocks, document.format, document.encoding, document.warnings, &options.keep, info)
}

/// A document's text before noise is taken out, as an analyst would paste it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extracted {
    /// Plain text or Markdown as written; for a web page, PDF or Word file,
    /// the article found in it, one paragraph per line pair.
    pub text: String,
    pub format: Format,
    pub info: DocumentInfo,
}

/// Reads `bytes` into text without cleaning it: what the app shows and keeps
/// as a brief's input, so that removed lines can be restored later. Text and
/// Markdown come back as they are (decoded).
pub fn extract(bytes: &[u8], options: &IngestOptions) -> Result<Extracted, IngestError> {
    let document = read(bytes, options)?;
    if matches!(document.format, Format::Plain | Format::Markdown) {
        let decoded = decode::decode(bytes)?;
        return Ok(Extracted { text: decoded.text, format: document.format, info: document.info });
    }
    let text = document.blocks.into_iter().map(|b| b.text).collect::<Vec<_>>().join("\n\n");
    Ok(Extracted { text, format: document.format, info: document.info })
}

/// An input turned into blocks of text, before noise is taken out.
struct Document {
    blocks: Vec<format::Block>,
    format: Format,
    encoding: &'static str,
    warnings: Vec<String>,
    info: DocumentInfo,
}

fn pdf_document(bytes: &[u8]) -> Result<Document, IngestError> {
    // A PDF's lines end where its column does; its paragraphs are set apart.
    let blocks = format::wrapped_blocks(&normalize::normalize(&pdf::read(bytes)?));
    Ok(Document { blocks, format: Format::Pdf, encoding: "binary", warnings: Vec::new(), info: pdf::properties(bytes) })
}

fn word_document(bytes: &[u8]) -> Result<Document, IngestError> {
    let blocks = docx::read(bytes)?;
    let mut info = docx::properties(bytes);
    // A title typed on the first line is the one the reader sees; the one in
    // the file's properties is often a template's left-over.
    if blocks.first().is_some_and(|b| matches!(b.kind, format::BlockKind::Heading(_))) {
        info.title = None;
    }
    Ok(Document { blocks, format: Format::Docx, encoding: "binary", warnings: Vec::new(), info })
}

fn read(bytes: &[u8], options: &IngestOptions) -> Result<Document, IngestError> {
    let file_name = options.file_name.as_deref();
    match options.format {
        Some(Format::Pdf) => return pdf_document(bytes),
        Some(Format::Docx) => return word_document(bytes),
        None if bytes.starts_with(b"%PDF-") => return pdf_document(bytes),
        None if format::is_docx(bytes, file_name) => return word_document(bytes),
        _ => {}
    }
    let page = options.format == Some(Format::Html) || (options.format.is_none() && html::is_page(bytes));
    let decoded = if page { html::decode_page(bytes, options.charset.as_deref())? } else { decode::decode(bytes)? };
    if page {
        let extracted = html::extract(&decoded.text, options.url.as_deref())?;
        let text = normalize::normalize(&extracted.text);
        return Ok(Document {
            blocks: format::plain_blocks(&text),
            format: Format::Html,
            encoding: decoded.encoding,
            warnings: decoded.warnings,
            info: extracted.info,
        });
    }
    let normalized = normalize::normalize(&decoded.text);
    if normalized.trim().is_empty() {
        return Err(IngestError::Empty);
    }
    let format = options.format.unwrap_or_else(|| format::detect(&normalized, file_name));
    let blocks = match format {
        Format::Markdown => format::markdown_blocks(&normalized),
        _ => format::plain_blocks(&normalized),
    };
    Ok(Document {
        blocks,
        format,
        encoding: decoded.encoding,
        warnings: decoded.warnings,
        info: DocumentInfo::default(),
    })
}

fn assemble(
    blocks: Vec<format::Block>,
    format: Format,
    encoding: &'static str,
    warnings: Vec<String>,
    keep: &[String],
    info: DocumentInfo,
) -> Result<Article, IngestError> {
    let mut removed = Vec::new();
    let mut metadata = Metadata::default();
    let mut kept: Vec<format::Block> = Vec::with_capacity(blocks.len());
    let last = blocks.len().saturating_sub(1);
    for (i, mut block) in blocks.into_iter().enumerate() {
        if keep.contains(&block.text) {
            if block.kind == format::BlockKind::Image {
                block.kind = format::BlockKind::Body;
            }
            kept.push(block);
            continue;
        }
        if block.kind == format::BlockKind::Image {
            removed.push(RemovedLine { text: block.text, reason: RemovalReason::Image });
            continue;
        }
        let noise = match block.kind {
            format::BlockKind::Body => clean::classify(&block.text, i == last && i > 0),
            _ => None,
        };
        match noise {
            Some(noise) => {
                record_metadata(&mut metadata, &noise);
                removed.push(RemovedLine { text: block.text, reason: noise.reason });
            }
            None => kept.push(block),
        }
    }

    // A page's title is in its metadata, and the extracted text starts after it.
    let title = match &info.title {
        Some(title) => Some(title.clone()),
        None => take_title(&mut kept, format),
    };
    if kept.is_empty() {
        let mut reasons: Vec<&str> = removed.iter().map(|r| r.reason.describe()).collect();
        reasons.dedup();
        let removed = match (reasons.is_empty(), &title) {
            (true, None) => String::new(),
            (true, Some(_)) => ": it is a single headline".to_owned(),
            (false, _) => format!(" once noise lines are removed (it held only: {})", reasons.join(", ")),
        };
        return Err(IngestError::NoText { removed });
    }

    let capacity = kept.iter().map(|b| b.text.len() + 2).sum();
    let mut text = String::with_capacity(capacity);
    let mut paragraphs = Vec::with_capacity(kept.len());
    for block in &kept {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(&block.text);
        let kind = match block.kind {
            format::BlockKind::Heading(level) => ParagraphKind::Heading(level),
            _ => ParagraphKind::Body,
        };
        paragraphs.push(Paragraph { span: Span::new(start, text.len()), kind });
    }
    drop(kept);

    let sample = &text[..format::floor_char_boundary(&text, 4096)];
    let splitter = segment::Splitter::for_text(sample);
    let mut sentences = Vec::with_capacity(paragraphs.len() * 3);
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let body = &text[paragraph.span.start..paragraph.span.end];
        let ranges: Vec<(usize, usize)> = match paragraph.kind {
            ParagraphKind::Heading(_) => vec![(0, body.len())],
            ParagraphKind::Body => segment::split(body, splitter),
        };
        sentences.extend(ranges.into_iter().map(|(s, e)| Sentence {
            span: Span::new(paragraph.span.start + s, paragraph.span.start + e),
            paragraph: index,
        }));
    }

    let char_index = CharIndex::new(&text);
    Ok(Article { text, title, format, encoding, warnings, paragraphs, sentences, removed, metadata, info, char_index })
}

fn record_metadata(metadata: &mut Metadata, noise: &clean::Noise) {
    let Some(value) = noise.value.clone() else { return };
    match noise.reason {
        RemovalReason::Caption if !metadata.photo_credits.contains(&value) => metadata.photo_credits.push(value),
        RemovalReason::Byline => {
            metadata.byline.get_or_insert(value);
        }
        RemovalReason::Dateline => {
            metadata.dateline.get_or_insert(value);
        }
        RemovalReason::SourceCredit => metadata.source_credits.push(value),
        _ => {}
    }
}

/// The headline, taken out of the body: a leading heading (Markdown, Word), or
/// a short first line not ended like a sentence that has more text after it.
fn take_title(kept: &mut Vec<format::Block>, format: Format) -> Option<String> {
    let first = kept.first()?;
    let is_title = match (format, first.kind) {
        (_, format::BlockKind::Heading(level)) => level <= 2 && kept.len() > 1,
        (_, format::BlockKind::Body) => kept.len() > 1 && clean::is_headline(&first.text),
        _ => false,
    };
    is_title.then(|| kept.remove(0).text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_body_noise_and_offsets() {
        let input =
            "Ink helps drive democracy\n\nThe vote was held on Monday. Turnout was high.\nPhoto: AP\nComments (3)\n";
        let article = ingest(input.as_bytes(), &IngestOptions::default()).unwrap();
        assert_eq!(article.title.as_deref(), Some("Ink helps drive democracy"));
        assert_eq!(article.text, "The vote was held on Monday. Turnout was high.");
        let sentences: Vec<&str> = article.sentences.iter().map(|s| article.slice(s.span)).collect();
        assert_eq!(sentences, vec!["The vote was held on Monday.", "Turnout was high."]);
        assert_eq!(article.removed.len(), 2);
        assert_eq!(article.metadata.photo_credits, vec!["AP".to_string()]);
    }

    #[test]
    fn only_noise_is_an_error() {
        let err = ingest("Bình luận (0)\nChia sẻ\n".as_bytes(), &IngestOptions::default()).unwrap_err();
        assert!(matches!(err, IngestError::NoText { .. }));
        assert!(matches!(ingest(b" \n\t\n", &IngestOptions::default()), Err(IngestError::Empty)));
    }
}
