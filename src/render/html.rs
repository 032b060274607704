//! A brief's Markdown as HTML: for the app's live preview, and as a
//! self-contained file to send.
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
        // Citation anchors (`#source-p3`, `#note-1`) and nothing else: an id
        // from a template must not shadow one of the app's own elements.
        .add_tag_attributes("a", ["id"])
        .attribute_filter(|element, attribute, value| match (element, attribute) {
            ("a", "id") if is_citation_anchor(value) => Some(value.into()),
            ("a", "id") => None,
            _ => Some(value.into()),
        })
        .strip_comments(true);
    builder
});

fn is_citation_anchor(id: &str) -> bool {
    ["source-p", "note-"]
        .iter()
        .any(|prefix| id.strip_prefix(prefix).is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())))
}

/// `markdown` rendered to sanitized HTML.
pub fn preview(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, Parser::new_ext(markdown, options));
    CLEANER.clean(&html).to_string()
}

/// What goes around an exported HTML brief.
#[derive(Debug, Clone, Default)]
pub struct HtmlOptions {
    pub title: String,
    /// The brief's language (ISO 639-1), for `lang` and hyphenation.
    pub language: String,
    pub author: String,
    /// A classification or handling marking, shown at the top and bottom of
    /// the screen and of every printed page when `banner` is set.
    pub classification: String,
    pub banner: bool,
    pub page: crate::template::PageSettings,
    /// The template's logo, above the brief.
    pub logo: Option<std::sync::Arc<super::logo::Logo>>,
}

/// `markdown` as one self-contained HTML file: sanitized like [`preview`],
/// styled for the screen and for print, with a Content-Security-Policy that
/// lets nothing load from anywhere, and no scripts.
pub fn document(markdown: &str, options: &HtmlOptions) -> String {
    let marking = options.classification.trim();
    let banner = options.banner && !marking.is_empty();
    let markdown = super::without_marking_line(markdown, marking, banner);
    let body = preview(markdown);
    let escape = |text: &str| html_escape::encode_double_quoted_attribute(text).into_owned();
    let (width, height) = match options.page.page_size {
        crate::template::PageSize::A4 => ("210mm", "297mm"),
        crate::template::PageSize::Letter => ("8.5in", "11in"),
    };
    let m = options.page.margins_mm;
    let mut out = String::with_capacity(body.len() + STYLE.len() + 1024);
    out.push_str("<!DOCTYPE html>\n");
    out.push_str(&format!("<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n", escape(&options.language)));
    // The logo is the file itself, inline: still nothing loads from anywhere.
    let images = if options.logo.is_some() { "; img-src data:" } else { "" };
    out.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'{images}\">\n",
    ));
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<meta name=\"generator\" content=\"Briefsmith {}\">\n", env!("CARGO_PKG_VERSION")));
    if !options.author.trim().is_empty() {
        out.push_str(&format!("<meta name=\"author\" content=\"{}\">\n", escape(&options.author)));
    }
    out.push_str(&format!("<title>{}</title>\n<style>\n", html_escape::encode_text(&options.title)));
    out.push_str(STYLE);
    out.push_str(&format!(
        "@page {{ size: {width} {height}; margin: {}mm {}mm {}mm {}mm; }}\n",
        m.top, m.right, m.bottom, m.left
    ));
    out.push_str(&format!("main {{ text-align: {}; }}\n", if options.page.justify { "justify" } else { "left" }));
    out.push_str("</style>\n</head>\n<body>\n");
    if banner {
        out.push_str(&format!("<div class=\"marking top\">{}</div>\n", html_escape::encode_text(marking)));
    }
    if let Some(logo) = &options.logo {
        use base64::Engine;
        let data = base64::engine::general_purpose::STANDARD.encode(&logo.file);
        out.push_str(&format!(
            "<header class=\"logo\"><img src=\"data:{};base64,{data}\" alt=\"{}\"></header>\n",
            logo.format.media_type(),
            escape(&logo.alt)
        ));
    }
    out.push_str("<main>\n");
    out.push_str(&body);
    out.push_str("</main>\n");
    if banner {
        out.push_str(&format!("<div class=\"marking bottom\">{}</div>\n", html_escape::encode_text(marking)));
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The page's look: the PDF's hierarchy and colours, in CSS.
const STYLE: &str = r#":root { color-scheme: light; }
body { margin: 0; background: #fff; color: #1d1f23; font: 16px/1.55 "Noto Sans", "Segoe UI", Arial, sans-serif; }
main { max-width: 44rem; margin: 0 auto; padding: 2.5rem 1.5rem 3rem; hyphens: auto; }
h1 { color: #1f3f78; font-size: 1.75rem; line-height: 1.25; margin: 0 0 .6rem; text-align: left; }
h2 { color: #1f3f78; font-size: 1.2rem; margin: 1.8rem 0 .5rem; padding-bottom: .2rem; border-bottom: 1px solid #bfc4cc; text-align: left; }
h3, h4 { color: #1f3f78; font-size: 1.05rem; margin: 1.3rem 0 .4rem; text-align: left; }
p { margin: 0 0 .7rem; }
ul, ol { margin: 0 0 .8rem; padding-left: 1.5rem; }
li { margin: 0 0 .35rem; }
blockquote { margin: 0 0 1rem; padding: .1rem 0 .1rem 1rem; border-left: 3px solid #1f3f78; color: #2b2e33; font-style: italic; }
blockquote p { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1rem; font-size: .92rem; text-align: left; }
th, td { border: 1px solid #bfc4cc; padding: .35rem .5rem; vertical-align: top; }
th { background: #eef1f5; }
a { color: #1f4fa0; }
code { font-family: "Noto Sans Mono", "DejaVu Sans Mono", monospace; font-size: .9em; }
hr { border: 0; border-top: 1px solid #bfc4cc; margin: 1.5rem 0; }
.logo { max-width: 44rem; margin: 0 auto; padding: 1.5rem 1.5rem 0; text-align: right; }
.logo img { height: 3.5rem; max-width: 33%; object-fit: contain; }
.logo + main { padding-top: 1rem; }
.marking { text-align: center; font-weight: bold; letter-spacing: .05em; color: #b00021; padding: .4rem; }
@media print {
  body { font-size: 10.5pt; }
  main, .logo + main { max-width: none; padding: 0; }
  .logo { max-width: none; padding: 0 0 4mm; }
  .logo img { height: 12mm; }
  a { color: inherit; text-decoration: none; }
  h1, h2, h3, h4 { break-after: avoid; }
  blockquote, li, tr { break-inside: avoid; }
  .marking { position: fixed; left: 0; right: 0; padding: 0; }
  .marking.top { top: -14mm; }
  .marking.bottom { bottom: -14mm; }
}
"#;

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

    #[test]
    fn keeps_citation_anchors_and_no_other_ids() {
        let html = preview("<a id=\"source-p3\"></a>**¶3** text [¶3](#source-p3)\n\n<a id=\"main\"></a>x");
        assert!(html.contains("id=\"source-p3\""), "{html}");
        assert!(html.contains("href=\"#source-p3\""), "{html}");
        assert!(!html.contains("id=\"main\""), "{html}");
    }

    #[test]
    fn a_document_stands_alone_and_loads_nothing() {
        let options = HtmlOptions {
            title: "Bản tin <1>".into(),
            language: "vi".into(),
            classification: "NỘI BỘ".into(),
            banner: true,
            ..Default::default()
        };
        let html = document("**NỘI BỘ**\n\n# Bản tin\n\nĐoạn một.\n", &options);
        assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<html lang=\"vi\">"), "{html}");
        assert!(html.contains("default-src 'none'") && html.contains("<title>Bản tin &lt;1&gt;</title>"));
        assert!(html.contains("@page { size: 210mm 297mm"), "{html}");
        assert_eq!(html.matches("NỘI BỘ").count(), 2, "the banner, top and bottom, replaces the template's line");
        for remote in ["<script", "http://", "https://", "src=", "@import", "url("] {
            assert!(!html.contains(remote), "{remote} in {html}");
        }
    }
}
