//! Markdown into the blocks a Word document is made of.
//!
//! Its own walk rather than the PDF's: Word keeps what the PDF lays out by
//! hand (list numbering, strikethrough, bookmarks for in-document links) as
//! structure, so the blocks carry more.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    pub bold: bool,
    pub italic: bool,
    pub strike: bool,
    pub code: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text {
        text: String,
        style: Style,
        link: Option<String>,
    },
    Break,
    /// `<a id="…"></a>`: where an in-document link lands.
    Anchor(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum ListKind {
    Bullet,
    /// The list's own numbering instance, so every list counts from its start.
    Ordered {
        list: usize,
        start: u64,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Markdown level: 1 for `#`.
    Heading {
        level: u8,
        inlines: Vec<Inline>,
    },
    Paragraph {
        inlines: Vec<Inline>,
    },
    /// `marker` is false for the later paragraphs of an item.
    ListItem {
        kind: ListKind,
        depth: usize,
        marker: bool,
        inlines: Vec<Inline>,
    },
    Quote {
        inlines: Vec<Inline>,
    },
    Code {
        inlines: Vec<Inline>,
    },
    Rule,
    Table {
        header: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
}

impl Block {
    pub fn plain_text(inlines: &[Inline]) -> String {
        inlines
            .iter()
            .map(|i| match i {
                Inline::Text { text, .. } => text.as_str(),
                Inline::Break => "\n",
                Inline::Anchor(_) => "",
            })
            .collect()
    }
}

type Cell = Vec<Inline>;

/// A table being read: header cells, body rows, the row being read.
type TableState = (Vec<Cell>, Vec<Vec<Cell>>, Vec<Cell>);

/// A list being read: its kind and whether the current item has had its first paragraph.
struct List {
    kind: ListKind,
    started: bool,
}

#[derive(Default)]
struct State {
    style: Style,
    bold: usize,
    italic: usize,
    strike: usize,
    links: Vec<String>,
    inlines: Vec<Inline>,
    quote_depth: usize,
    lists: Vec<List>,
    ordered_lists: usize,
    in_item: bool,
    in_code: bool,
    image_depth: usize,
    table: Option<TableState>,
}

impl State {
    fn push(&mut self, text: &str) {
        let style = Style { bold: self.bold > 0, italic: self.italic > 0, strike: self.strike > 0, ..self.style };
        let link = self.links.last().cloned();
        if let Some(Inline::Text { text: last, style: s, link: l }) = self.inlines.last_mut() {
            if *s == style && *l == link {
                last.push_str(text);
                return;
            }
        }
        self.inlines.push(Inline::Text { text: text.to_owned(), style, link });
    }

    fn flush(&mut self, blocks: &mut Vec<Block>) {
        let inlines = std::mem::take(&mut self.inlines);
        let empty = inlines.iter().all(|i| match i {
            Inline::Text { text, .. } => text.trim().is_empty(),
            Inline::Break => true,
            Inline::Anchor(_) => false,
        });
        if empty {
            return;
        }
        if self.in_code {
            blocks.push(Block::Code { inlines });
        } else if self.in_item {
            let depth = self.lists.len().saturating_sub(1);
            if let Some(list) = self.lists.last_mut() {
                blocks.push(Block::ListItem { kind: list.kind.clone(), depth, marker: !list.started, inlines });
                list.started = true;
            }
        } else if self.quote_depth > 0 {
            blocks.push(Block::Quote { inlines });
        } else {
            blocks.push(Block::Paragraph { inlines });
        }
    }
}

/// The `id` (or `name`) of an `<a id="…">` tag; other HTML gives nothing.
fn anchor_id(html: &str) -> Option<String> {
    let tag = html.trim();
    let rest = tag.strip_prefix("<a")?;
    if !rest.starts_with(|c: char| c.is_whitespace()) {
        return None;
    }
    for attribute in ["id", "name"] {
        let mut search = rest;
        while let Some(at) = search.find(attribute) {
            let before = search[..at].chars().last();
            let after = search[at + attribute.len()..].trim_start();
            search = &search[at + attribute.len()..];
            if !before.is_some_and(char::is_whitespace) {
                continue;
            }
            let Some(value) = after.strip_prefix('=') else { continue };
            let value = value.trim_start();
            let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
            let value = &value[1..];
            let end = value.find(quote)?;
            let id = value[..end].trim();
            return (!id.is_empty()).then(|| id.to_owned());
        }
    }
    None
}

pub fn parse(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut s = State::default();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::Heading { .. }) => s.flush(&mut blocks),
            Event::End(TagEnd::Heading(level)) => {
                let inlines = std::mem::take(&mut s.inlines);
                blocks.push(Block::Heading { level: heading_level(level), inlines });
            }
            Event::Start(Tag::Paragraph) => {}
            Event::End(TagEnd::Paragraph) => s.flush(&mut blocks),
            Event::Start(Tag::BlockQuote(_)) => {
                s.flush(&mut blocks);
                s.quote_depth += 1;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                s.flush(&mut blocks);
                s.quote_depth = s.quote_depth.saturating_sub(1);
            }
            Event::Start(Tag::List(start)) => {
                s.flush(&mut blocks);
                let kind = match start {
                    Some(start) => {
                        s.ordered_lists += 1;
                        ListKind::Ordered { list: s.ordered_lists, start }
                    }
                    None => ListKind::Bullet,
                };
                s.lists.push(List { kind, started: false });
            }
            Event::End(TagEnd::List(_)) => {
                s.flush(&mut blocks);
                s.lists.pop();
                s.in_item = !s.lists.is_empty();
            }
            Event::Start(Tag::Item) => {
                s.flush(&mut blocks);
                s.in_item = true;
                if let Some(list) = s.lists.last_mut() {
                    list.started = false;
                }
            }
            Event::End(TagEnd::Item) => {
                s.flush(&mut blocks);
                // A nested list's end leaves its parent item open, with its marker shown.
                if let Some(list) = s.lists.last_mut() {
                    list.started = true;
                }
            }
            Event::Start(Tag::Table(_)) => {
                s.flush(&mut blocks);
                s.table = Some((Vec::new(), Vec::new(), Vec::new()));
            }
            Event::End(TagEnd::TableHead) => {
                if let Some((header, _, row)) = &mut s.table {
                    *header = std::mem::take(row);
                }
            }
            Event::End(TagEnd::TableCell) => {
                let cell = std::mem::take(&mut s.inlines);
                if let Some((_, _, row)) = &mut s.table {
                    row.push(cell);
                }
            }
            Event::End(TagEnd::TableRow) => {
                if let Some((_, rows, row)) = &mut s.table {
                    rows.push(std::mem::take(row));
                }
            }
            Event::End(TagEnd::Table) => {
                if let Some((header, rows, _)) = s.table.take() {
                    blocks.push(Block::Table { header, rows });
                }
            }
            Event::Start(Tag::Emphasis) => s.italic += 1,
            Event::End(TagEnd::Emphasis) => s.italic = s.italic.saturating_sub(1),
            Event::Start(Tag::Strong) => s.bold += 1,
            Event::End(TagEnd::Strong) => s.bold = s.bold.saturating_sub(1),
            Event::Start(Tag::Strikethrough) => s.strike += 1,
            Event::End(TagEnd::Strikethrough) => s.strike = s.strike.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => s.links.push(dest_url.to_string()),
            Event::End(TagEnd::Link) => {
                s.links.pop();
            }
            Event::Start(Tag::CodeBlock(_)) => {
                s.flush(&mut blocks);
                s.in_code = true;
                s.style.code = true;
            }
            Event::End(TagEnd::CodeBlock) => {
                // A code block's text ends with its last line's newline.
                if let Some(Inline::Text { text, .. }) = s.inlines.last_mut() {
                    while text.ends_with('\n') {
                        text.pop();
                    }
                }
                s.flush(&mut blocks);
                s.in_code = false;
                s.style.code = false;
            }
            Event::Start(Tag::Image { .. }) => s.image_depth += 1,
            Event::End(TagEnd::Image) => s.image_depth = s.image_depth.saturating_sub(1),
            Event::Text(_) | Event::Code(_) if s.image_depth > 0 => {}
            Event::Text(text) => {
                for (i, line) in text.split('\n').enumerate() {
                    if i > 0 {
                        s.inlines.push(Inline::Break);
                    }
                    if !line.is_empty() {
                        s.push(line);
                    }
                }
            }
            Event::Code(text) => {
                let code = s.style.code;
                s.style.code = true;
                s.push(&text);
                s.style.code = code;
            }
            Event::SoftBreak => s.push(" "),
            Event::HardBreak => s.inlines.push(Inline::Break),
            Event::Rule => {
                s.flush(&mut blocks);
                blocks.push(Block::Rule);
            }
            Event::InlineHtml(html) => {
                if let Some(id) = anchor_id(&html) {
                    s.inlines.push(Inline::Anchor(id));
                }
            }
            // Block-level HTML: a paragraph that starts with the anchor tag is an
            // HTML block to CommonMark, the anchor and the rest of its line.
            Event::Html(html) => {
                if let Some(id) = anchor_id(&html) {
                    s.inlines.push(Inline::Anchor(id));
                }
            }
            _ => {}
        }
    }
    s.flush(&mut blocks);
    blocks
}

fn heading_level(level: HeadingLevel) -> u8 {
    level as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Inline {
        Inline::Text { text: t.into(), style: Style::default(), link: None }
    }

    #[test]
    fn anchors_are_read_from_the_tag_only() {
        assert_eq!(anchor_id(r#"<a id="source-p3"></a>"#).as_deref(), Some("source-p3"));
        assert_eq!(anchor_id(r#"<a  name='x'>"#).as_deref(), Some("x"));
        assert_eq!(anchor_id(r##"<a href="#y">"##), None);
        assert_eq!(anchor_id(r#"<abbr id="z">"#), None);
        assert_eq!(anchor_id(r#"<a data-id="q">"#), None);
        assert_eq!(anchor_id("</a>"), None);
    }

    #[test]
    fn an_anchor_starting_a_paragraph_stays_in_it() {
        let blocks = parse("Intro.\n\n<a id=\"source-p3\"></a>Third paragraph.\n");
        assert_eq!(blocks.len(), 2, "{blocks:?}");
        let Block::Paragraph { inlines } = &blocks[1] else { panic!("{blocks:?}") };
        assert_eq!(inlines.first(), Some(&Inline::Anchor("source-p3".into())), "{inlines:?}");
        assert!(Block::plain_text(inlines).contains("Third paragraph."), "{inlines:?}");
    }

    #[test]
    fn lists_keep_kind_depth_and_markers() {
        let blocks = parse("1. one\n2. two\n   - inner\n\n3. three\n\n- a\n\n  more of a\n");
        let items: Vec<(ListKind, usize, bool)> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::ListItem { kind, depth, marker, .. } => Some((kind.clone(), *depth, *marker)),
                _ => None,
            })
            .collect();
        let ordered = ListKind::Ordered { list: 1, start: 1 };
        assert_eq!(
            items,
            vec![
                (ordered.clone(), 0, true),
                (ordered.clone(), 0, true),
                (ListKind::Bullet, 1, true),
                (ordered, 0, true),
                (ListKind::Bullet, 0, true),
                (ListKind::Bullet, 0, false),
            ]
        );
    }

    #[test]
    fn inline_styles_breaks_and_images() {
        let blocks = parse("**b** *i* ~~s~~ `c` ![alt](x.png) [l](https://e.org)  \nnext\n");
        let Block::Paragraph { inlines } = &blocks[0] else { panic!("{blocks:?}") };
        let styles: Vec<Style> = inlines
            .iter()
            .filter_map(|i| match i {
                Inline::Text { style, text, .. } if !text.trim().is_empty() => Some(*style),
                _ => None,
            })
            .collect();
        assert!(styles[0].bold && styles[1].italic && styles[2].strike && styles[3].code, "{styles:?}");
        assert!(!Block::plain_text(inlines).contains("alt"), "images are dropped");
        assert!(inlines.contains(&Inline::Break));
        assert!(inlines
            .iter()
            .any(|i| matches!(i, Inline::Text { link: Some(l), text, .. } if l == "https://e.org" && text == "l")));
        assert_eq!(parse("---\n"), vec![Block::Rule]);
        assert_eq!(parse("<div>x</div>\n"), Vec::<Block>::new(), "other HTML is ignored");
        assert_eq!(parse("plain\n"), vec![Block::Paragraph { inlines: vec![text("plain")] }]);
    }
}
