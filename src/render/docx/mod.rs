//! Markdown to Word (.docx): pulldown-cmark → blocks → docx-rs → a package
//! finished by hand.
//!
//! docx-rs writes the body, headers, footers, numbering and section. The
//! parts it cannot write as Word expects are written here: the styles and
//! font table in [`styles`] (docx-rs always adds a bare `Normal` of its own,
//! has no table-style conditional formatting, no proofing language and no
//! fallback font), the document properties in [`package`] (it sets no title,
//! author, keywords or application). Paragraph and relationship ids are given
//! here, not drawn from docx-rs's process-wide counters, so the same input
//! gives the same bytes.

mod body;
mod logo;
mod package;
mod parse;
mod styles;

use thiserror::Error;
use unicode_normalization::UnicodeNormalization;

use super::DocumentInfo;
use crate::template::{PageSettings, PageSize};

#[derive(Debug, Error)]
pub enum DocxError {
    #[error("the Word document could not be written: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("the Word document could not be written: {0}")]
    Io(#[from] std::io::Error),
    #[error("the Word document could not be written: {0}")]
    Xml(String),
}

/// The page in twips (1/1440 inch): width, height.
fn page_twips(size: PageSize) -> (u32, u32) {
    match size {
        PageSize::A4 => (11_906, 16_838),
        PageSize::Letter => (12_240, 15_840),
    }
}

/// The body text size in Word's half-points, within what the PDF allows.
fn half_points(pt: f32) -> usize {
    let pt = if pt.is_finite() { pt.clamp(6.0, 24.0) } else { 10.5 };
    (pt * 2.0).round() as usize
}

fn mm_to_twips(mm: f32) -> i32 {
    // Margins come from a manifest: keep them on the page whatever it says.
    (mm.clamp(0.0, 200.0) * 1440.0 / 25.4).round() as i32
}

/// Text XML can carry: NFC (precomposed Vietnamese, as the PDF), without the
/// control characters XML 1.0 forbids, which would make the file unreadable.
fn clean(text: &str) -> String {
    text.nfc()
        .filter(|&c| matches!(c, '\t' | '\n' | '\r') || !(c.is_control() && (c as u32) < 0x20))
        .filter(|&c| !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
        .collect()
}

/// Renders Markdown to a Word document.
pub fn render(markdown: &str, options: &DocumentInfo) -> Result<Vec<u8>, DocxError> {
    let markdown = clean(markdown);
    let markdown = super::without_marking_line(&markdown, &options.classification, options.page.classification_banner);
    let blocks = parse::parse(markdown);
    let options = DocumentInfo {
        title: clean(&options.title),
        author: clean(&options.author),
        subject: clean(&options.subject),
        keywords: options.keywords.iter().map(|k| clean(k)).collect(),
        classification: clean(options.classification.trim()),
        page_label: clean(&options.page_label),
        of_label: clean(&options.of_label),
        language: options.language.trim().to_owned(),
        logo: options.logo.clone(),
        page: PageSettings {
            header: clean(&options.page.header),
            footer: clean(&options.page.footer),
            ..options.page.clone()
        },
    };
    let geometry = Geometry::new(&options.page);
    let docx = body::build(&blocks, &options, &geometry);
    package::write(docx, &options, &geometry, creation_time())
}

/// Where the text goes on the page, in twips.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Geometry {
    pub width: u32,
    pub height: u32,
    pub top: i32,
    pub right: i32,
    pub bottom: i32,
    pub left: i32,
    /// Between the margins.
    pub text_width: i32,
}

impl Geometry {
    fn new(page: &PageSettings) -> Self {
        let (width, height) = page_twips(page.page_size);
        let m = page.margins_mm;
        let (top, right, bottom, left) =
            (mm_to_twips(m.top), mm_to_twips(m.right), mm_to_twips(m.bottom), mm_to_twips(m.left));
        let text_width = (width as i32 - left - right).max(1440);
        Geometry { width, height, top, right, bottom, left, text_width }
    }
}

/// Seconds since 1970: now, or `SOURCE_DATE_EPOCH` for reproducible output.
fn creation_time() -> i64 {
    std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.trim().parse::<i64>().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
    })
}

#[cfg(test)]
mod tests;
