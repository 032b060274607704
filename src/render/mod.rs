//! Render: a brief's Markdown into the formats that leave the analyst's desk.
//! Markdown itself comes from [`crate::template`]; this stage turns it into
//! PDF, HTML (the app's preview and a file to send) and plain text.

pub mod docx;
pub mod html;
pub mod pdf;
pub mod text;

use crate::template::PageSettings;

/// What a PDF and a Word document of one brief share: the page from the
/// template's manifest, the properties and marking from the brief, the page
/// labels from the locale.
#[derive(Debug, Clone, Default)]
pub struct DocumentInfo {
    pub page: PageSettings,
    pub title: String,
    /// The analyst: the document's author.
    pub author: String,
    pub subject: String,
    pub keywords: Vec<String>,
    /// A classification or handling marking: a banner on every page when the
    /// page settings ask for it, and in a Word document's header.
    pub classification: String,
    /// "Page" and "of" in the brief's locale.
    pub page_label: String,
    pub of_label: String,
    /// ISO 639-1 code of the brief's language ("vi", "en"): justified English
    /// is hyphenated in the PDF; Word's proofing language and `dc:language`.
    pub language: String,
}
