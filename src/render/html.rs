//! A brief's Markdown as HTML for the app's live preview.
//!
//! User templates can write any Markdown, raw HTML included, so the HTML is
//! sanitized: no scripts, styles, event handlers, frames or forms, and nothing
//! that loads from elsewhere (images and links keep only inert URLs).

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{Options, Parser};

/// Tags a brief needs; everything else is dropped, its text kept.
const TAGS: &[&str] = &[
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "a",
    "sup",
    "sub",
    "span",
    "div",
];

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::empty();
    builder
        .tags(TAGS.iter().copied().collect::<HashSet<_>>())
        .add_tag_attributes("a", ["href", "title"])
        .add_tag_attributes("ol", ["start"])
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"))
        .strip_comments(true);
    builder
});

/// `markdown` rendered to sanitized HTML.
pub fn preview(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, Parser::new_ext(markdown, options));
    CLEANER.clean(&html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_the_markdown_a_brief_uses() {
        let html = preview("# Tiêu đề\n\n- **một**\n- *hai*\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n> “Trích dẫn”\n");
        for tag in ["<h1>Tiêu đề</h1>", "<strong>một</strong>", "<em>hai</em>", "<table>", "<td>2</td>"] {
            assert!(html.contains(tag), "{tag} missing from {html}");
        }
        assert!(html.contains("<blockquote>"));
    }

    #[test]
    fn strips_scripts_handlers_and_remote_content() {
        let html = preview(
            "<script>alert(1)</script>\n\n<img src=\"https://example.org/x.png\">\n\n\
             <p onclick=\"alert(2)\" style=\"color:red\">hi</p>\n\n[x](javascript:alert(3)) \
             <iframe src=\"https://example.org\"></iframe>\n\n[ok](https://example.org/a)",
        );
        for bad in ["<script", "alert(1)", "<img", "onclick", "style=", "javascript:", "<iframe"] {
            assert!(!html.contains(bad), "{bad} survived in {html}");
        }
        assert!(html.contains("<p>hi</p>"), "{html}");
        assert!(html.contains("href=\"https://example.org/a\""), "{html}");
    }
}
