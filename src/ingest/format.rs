//! Plain text or Markdown, and both turned into blocks of text.
//!
//! A block is one paragraph-to-be: a line of plain text (or several hard-wrapped
//! lines joined), or a Markdown paragraph, heading, list item, quote or table row
//! with its syntax taken away. Markdown is analyzed as text; only its headings
//! survive as structure.

use std::sync::LazyLock;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use regex::Regex;
use serde::{Deserialize, Serialize};

/// The format an article was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Plain,
    Markdown,
    /// A saved web page; the article is extracted from its markup.
    Html,
    /// A PDF's text layer.
    Pdf,
    /// A Word document.
    Docx,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Plain => "plain",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Docx => "docx",
        }
    }
}

/// A Word document: a ZIP archive named `.docx` or holding `word/document.xml`
/// (the name of a ZIP entry is stored uncompressed in its header).
pub fn is_docx(bytes: &[u8], file_name: Option<&str>) -> bool {
    if !bytes.starts_with(b"PK\x03\x04") {
        return false;
    }
    let named = file_name.is_some_and(|n| n.to_ascii_lowercase().ends_with(".docx"));
    named || bytes.windows(17).any(|w| w == b"word/document.xml")
}

/// What a block is, structurally.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Body,
    /// A Markdown heading, with its level (1 to 6).
    Heading(u8),
    /// A Markdown image, kept only to be listed among the removed lines.
    Image,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
}

static MARKDOWN_HEADING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?m)^#{1,6} \S").expect("valid regex"));
static MARKDOWN_INLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*|__[^_\n]+__|^```|^!\[|^> \S|^\s{0,3}(?:[-*+]|\d+\.) \S")
        .expect("valid regex")
});

/// Tells Markdown from plain text: a `.md` name settles it; otherwise an ATX
/// heading together with other Markdown syntax, or Markdown syntax on several
/// lines. News pasted as plain text rarely has either.
pub fn detect(text: &str, file_name: Option<&str>) -> Format {
    if let Some(name) = file_name {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            return Format::Markdown;
        }
        if lower.ends_with(".txt") {
            return Format::Plain;
        }
    }
    let head = &text[..floor_char_boundary(text, 200_000)];
    let headings = MARKDOWN_HEADING.find_iter(head).take(3).count();
    let other = MARKDOWN_INLINE.find_iter(head).take(4).count();
    if (headings >= 1 && other >= 1) || headings >= 2 || other >= 4 {
        Format::Markdown
    } else {
        Format::Plain
    }
}

pub(crate) fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    if index >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// Lines of plain text as blocks. Each line is a paragraph, except in text that
/// was hard-wrapped (most lines of a paragraph end mid-sentence at a similar
/// width), where the lines between blank lines are joined.
pub fn plain_blocks(text: &str) -> Vec<Block> {
    if !looks_hard_wrapped(text) {
        let body = |text: &str| Block { kind: BlockKind::Body, text: text.to_owned() };
        return text.lines().map(str::trim).filter(|l| !l.is_empty()).map(body).collect();
    }
    wrapped_blocks(text)
}

/// Symbols that start a list item on a page. Dashes are not among them: a
/// sentence's dash can wrap to the start of a line.
const BULLETS: &[char] = &['•', '◦', '▪', '‣', '●', '○', '■', '□'];

/// Paragraphs separated by blank lines, the lines within each joined: text
/// laid out on a page (a PDF's), where a line ends where the column does. A
/// bulleted line starts a paragraph of its own, without the bullet, as a
/// list item in Markdown or a Word file does.
pub fn wrapped_blocks(text: &str) -> Vec<Block> {
    let body = |text: String| Block { kind: BlockKind::Body, text };
    let mut blocks = Vec::new();
    let mut current = String::new();
    for line in text.lines().map(str::trim) {
        let item = line.strip_prefix(BULLETS).map(str::trim_start);
        if (line.is_empty() || item.is_some()) && !current.is_empty() {
            blocks.push(body(std::mem::take(&mut current)));
        }
        let line = item.unwrap_or(line);
        if line.is_empty() {
            continue;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(line);
    }
    if !current.is_empty() {
        blocks.push(body(current));
    }
    blocks
}

fn looks_hard_wrapped(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut continued = 0;
    let mut candidates = 0;
    for pair in lines.windows(2) {
        let (line, next) = (pair[0], pair[1]);
        if line.is_empty() || next.is_empty() {
            continue;
        }
        candidates += 1;
        let width = line.chars().count();
        let ends_sentence = line.ends_with(['.', '!', '?', '"', '”', ':', '…']);
        if (40..=100).contains(&width) && !ends_sentence {
            continued += 1;
        }
    }
    candidates >= 3 && continued * 2 >= candidates
}

/// Markdown as blocks: headings keep their level, images are kept aside to be
/// reported, raw HTML is dropped, everything else becomes body text.
pub fn markdown_blocks(text: &str) -> Vec<Block> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut blocks = Vec::new();
    let mut current = String::new();
    let mut kind = BlockKind::Body;
    let mut image_depth = 0usize;
    let mut image_alt = String::new();
    let flush = |blocks: &mut Vec<Block>, current: &mut String, kind: BlockKind| {
        let text = current.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            blocks.push(Block { kind, text });
        }
        current.clear();
    };
    for event in Parser::new_ext(text, options) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut blocks, &mut current, kind);
                kind = BlockKind::Heading(heading_level(level));
            }
            Event::End(TagEnd::Heading(_)) => {
                flush(&mut blocks, &mut current, kind);
                kind = BlockKind::Body;
            }
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => {
                image_depth -= 1;
                if image_depth == 0 {
                    let alt = std::mem::take(&mut image_alt);
                    blocks.push(Block {
                        kind: BlockKind::Image,
                        text: if alt.trim().is_empty() { "(image)".into() } else { alt.trim().to_owned() },
                    });
                }
            }
            Event::Text(t) | Event::Code(t) if image_depth > 0 => image_alt.push_str(&t),
            Event::Text(t) | Event::Code(t) => current.push_str(&t),
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            Event::End(TagEnd::TableCell) => current.push_str(" | "),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_),
            )
            | Event::Start(Tag::Item | Tag::List(_) | Tag::BlockQuote(_) | Tag::CodeBlock(_)) => {
                let trimmed = current.trim_end().trim_end_matches('|').to_owned();
                current = trimmed;
                flush(&mut blocks, &mut current, kind);
            }
            Event::Rule => flush(&mut blocks, &mut current, kind),
            _ => {}
        }
    }
    flush(&mut blocks, &mut current, kind);
    blocks
}

fn heading_level(level: HeadingLevel) -> u8 {
    level as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_is_told_from_plain_text() {
        let md = "# Báo cáo\n\nNATO đã **đồng ý** với [kế hoạch](https://example.org).\n";
        assert_eq!(detect(md, None), Format::Markdown);
        let plain = "NATO đang thúc đẩy các tiêu chuẩn chung.\nÔng Stoltenberg cho biết: \"Bước tiếp theo\".\n";
        assert_eq!(detect(plain, None), Format::Plain);
        assert_eq!(detect(plain, Some("notes.md")), Format::Markdown);
    }

    #[test]
    fn markdown_keeps_headings_and_drops_syntax() {
        let md = "# Tiêu đề\n\nĐoạn **một** với [liên kết](http://x.org).\n\n![Ảnh: AP](a.png)\n\n- mục một\n- mục hai\n\n<div>raw</div>\n";
        let blocks = markdown_blocks(md);
        let texts: Vec<(&BlockKind, &str)> = blocks.iter().map(|b| (&b.kind, b.text.as_str())).collect();
        assert_eq!(
            texts,
            vec![
                (&BlockKind::Heading(1), "Tiêu đề"),
                (&BlockKind::Body, "Đoạn một với liên kết."),
                (&BlockKind::Image, "Ảnh: AP"),
                (&BlockKind::Body, "mục một"),
                (&BlockKind::Body, "mục hai"),
            ]
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined_but_lines_are_not() {
        let wrapped = "The council met on Monday to discuss the budget for the coming\nyear and agreed to cut spending on roads by a tenth, officials\nsaid after the meeting ended late in the evening on Monday.\n\nA second paragraph follows here and it is also wrapped at the\nsame width as the first one, as old mail clients used to do.\n";
        let blocks = plain_blocks(wrapped);
        assert_eq!(blocks.len(), 2);
        assert!(blocks[0].text.contains("coming year"));
        let lines = "First sentence stands alone.\nSecond sentence stands alone too.\n";
        assert_eq!(plain_blocks(lines).len(), 2);
    }

    #[test]
    fn page_lines_join_into_paragraphs_and_bullets_start_items() {
        let page = "The harbour authority listed three changes to night\ntraffic on Tuesday:\n             • a second lane dredged\nto 14 metres;\n● pilots on call – day and\n– night;\n•\nberths by booking.\n\nNext.";
        let texts: Vec<String> = wrapped_blocks(page).into_iter().map(|b| b.text).collect();
        assert_eq!(
            texts,
            [
                "The harbour authority listed three changes to night traffic on Tuesday:",
                "a second lane dredged to 14 metres;",
                "pilots on call – day and – night;",
                "berths by booking.",
                "Next."
            ]
        );
    }
}
