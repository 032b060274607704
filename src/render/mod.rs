//! Render: a brief's Markdown into the formats that leave the analyst's desk.
//! Markdown itself comes from [`crate::template`]; this stage turns it into
//! PDF, HTML (the app's preview and a file to send) and plain text.

pub mod docx;
pub mod html;
pub mod logo;
pub mod pdf;
pub mod text;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::template::PageSettings;

/// The Markdown without the template's opening line of the marking when a
/// banner already carries it on every page, so the marking is not printed
/// twice at the top of page 1.
pub(crate) fn without_marking_line<'m>(markdown: &'m str, marking: &str, banner: bool) -> &'m str {
    let marking = marking.trim();
    if !banner || marking.is_empty() {
        return markdown;
    }
    let mut events =
        Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH).into_offset_iter();
    let Some((Event::Start(Tag::Paragraph), _)) = events.next() else { return markdown };
    let mut text = String::new();
    for (event, range) in events {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::End(TagEnd::Paragraph) if text.trim() == marking => return &markdown[range.end..],
            Event::End(TagEnd::Paragraph) => return markdown,
            _ => {}
        }
    }
    markdown
}

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
    /// The template's logo, at the top of every page.
    pub logo: Option<std::sync::Arc<logo::Logo>>,
}

#[cfg(test)]
mod tests {
    use super::without_marking_line;

    #[test]
    fn the_opening_marking_line_goes_only_when_a_banner_carries_it() {
        let markdown = "**NỘI BỘ**\n\n# Bản tin\n\nNỘI BỘ\n";
        assert_eq!(without_marking_line(markdown, "NỘI BỘ", true), "\n# Bản tin\n\nNỘI BỘ\n");
        assert_eq!(without_marking_line(markdown, "NỘI BỘ", false), markdown);
        assert_eq!(without_marking_line(markdown, "MẬT", true), markdown);
        assert_eq!(without_marking_line("# NỘI BỘ\n", "NỘI BỘ", true), "# NỘI BỘ\n");
        // Escaped for Markdown, the marking is still the marking.
        assert_eq!(without_marking_line("**A\\*B**\n\nText\n", "A*B", true), "\nText\n");
    }
}
