//! Markdown into blocks of styled text: what the layout places on pages.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::fonts::Face;

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub face: Face,
    pub code: bool,
    pub link: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading {
        level: u8,
        runs: Vec<Run>,
    },
    Paragraph {
        runs: Vec<Run>,
    },
    ListItem {
        depth: usize,
        marker: String,
        runs: Vec<Run>,
    },
    /// A paragraph inside a block quote; a line that starts with "—" is its attribution.
    Quote {
        runs: Vec<Run>,
    },
    Rule,
    /// Where a link inside the brief (`#source-p3`) leads: the block after it.
    Anchor(String),
    Table {
        header: Vec<Vec<Run>>,
        rows: Vec<Vec<Vec<Run>>>,
    },
}

impl Block {
    pub fn plain_text(runs: &[Run]) -> String {
        runs.iter().map(|r| r.text.as_str()).collect()
    }
}

type Cell = Vec<Run>;

/// A table being read: header cells, body rows, the row being read, and
/// whether the header is still being read.
type TableState = (Vec<Cell>, Vec<Vec<Cell>>, Vec<Cell>, bool);

#[derive(Default)]
struct State {
    bold: usize,
    italic: usize,
    code: bool,
    links: Vec<String>,
    runs: Vec<Run>,
    quote_depth: usize,
    lists: Vec<Option<u64>>,
    item_marker: Option<(usize, String)>,
    image_depth: usize,
    table: Option<TableState>,
    /// An `<a id>` seen in the block being gathered.
    anchor: Option<String>,
}

impl State {
    fn push(&mut self, text: &str) {
        let face = Face { bold: self.bold > 0, italic: self.italic > 0 };
        let link = self.links.last().cloned();
        if let Some(last) = self.runs.last_mut() {
            if last.face == face && last.code == self.code && last.link == link {
                last.text.push_str(text);
                return;
            }
        }
        self.runs.push(Run { text: text.to_owned(), face, code: self.code, link });
    }

    fn take(&mut self) -> Vec<Run> {
        std::mem::take(&mut self.runs)
    }

    /// Ends the text gathered so far as a block of the current kind.
    fn flush(&mut self, blocks: &mut Vec<Block>) {
        let runs = self.take();
        if runs.iter().all(|r| r.text.trim().is_empty()) {
            return;
        }
        if let Some(anchor) = self.anchor.take() {
            blocks.push(Block::Anchor(anchor));
        }
        if let Some((depth, marker)) = self.item_marker.take() {
            blocks.push(Block::ListItem { depth, marker, runs });
            // Later paragraphs of the same item continue without a marker.
            self.item_marker = Some((depth, String::new()));
        } else if self.quote_depth > 0 {
            blocks.push(Block::Quote { runs });
        } else {
            blocks.push(Block::Paragraph { runs });
        }
    }
}

pub fn parse(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut s = State::default();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::Heading { .. }) => s.flush(&mut blocks),
            Event::End(TagEnd::Heading(level)) => {
                let runs = s.take();
                blocks.push(Block::Heading { level: heading_level(level), runs });
            }
            Event::Start(Tag::Paragraph) => {}
            Event::End(TagEnd::Paragraph) if s.table.is_none() => s.flush(&mut blocks),
            Event::Start(Tag::BlockQuote(_)) => {
                s.flush(&mut blocks);
                s.quote_depth += 1;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                s.flush(&mut blocks);
                s.quote_depth -= 1;
            }
            Event::Start(Tag::List(start)) => {
                s.flush(&mut blocks);
                s.lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                s.flush(&mut blocks);
                s.lists.pop();
                s.item_marker = None;
            }
            Event::Start(Tag::Item) => {
                s.flush(&mut blocks);
                let depth = s.lists.len().saturating_sub(1);
                let marker = match s.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}.", *n - 1)
                    }
                    _ => if depth % 2 == 0 { "•" } else { "◦" }.to_owned(),
                };
                s.item_marker = Some((depth, marker));
            }
            Event::End(TagEnd::Item) => {
                s.flush(&mut blocks);
                s.item_marker = None;
            }
            Event::Start(Tag::Table(_)) => {
                s.flush(&mut blocks);
                s.table = Some((Vec::new(), Vec::new(), Vec::new(), true));
            }
            Event::End(TagEnd::TableHead) => {
                if let Some((header, _, row, in_head)) = &mut s.table {
                    *header = std::mem::take(row);
                    *in_head = false;
                }
            }
            Event::End(TagEnd::TableCell) => {
                let cell = s.take();
                if let Some((_, _, row, _)) = &mut s.table {
                    row.push(cell);
                }
            }
            Event::End(TagEnd::TableRow) => {
                if let Some((_, rows, row, _)) = &mut s.table {
                    rows.push(std::mem::take(row));
                }
            }
            Event::End(TagEnd::Table) => {
                if let Some((header, rows, _, _)) = s.table.take() {
                    blocks.push(Block::Table { header, rows });
                }
            }
            Event::Start(Tag::Emphasis) => s.italic += 1,
            Event::End(TagEnd::Emphasis) => s.italic -= 1,
            Event::Start(Tag::Strong) => s.bold += 1,
            Event::End(TagEnd::Strong) => s.bold -= 1,
            Event::Start(Tag::Link { dest_url, .. }) => s.links.push(dest_url.to_string()),
            Event::End(TagEnd::Link) => {
                s.links.pop();
            }
            Event::Start(Tag::CodeBlock(_)) => s.code = true,
            Event::End(TagEnd::CodeBlock) => {
                s.code = false;
                s.flush(&mut blocks);
            }
            Event::Start(Tag::Image { .. }) => s.image_depth += 1,
            Event::End(TagEnd::Image) => s.image_depth -= 1,
            Event::Text(_) if s.image_depth > 0 => {}
            Event::Text(text) => s.push(&text),
            Event::Code(text) => {
                s.code = true;
                s.push(&text);
                s.code = false;
            }
            Event::SoftBreak => s.push(" "),
            Event::HardBreak => s.push("\n"),
            Event::Rule => {
                s.flush(&mut blocks);
                blocks.push(Block::Rule);
            }
            Event::InlineHtml(html) => {
                if let Some(id) = anchor_id(&html) {
                    s.anchor = Some(id);
                }
            }
            // Other raw HTML and images have no place in a PDF brief.
            _ => {}
        }
    }
    s.flush(&mut blocks);
    blocks
}

/// The id of an `<a id="…">` tag, as citations write them.
fn anchor_id(html: &str) -> Option<String> {
    let rest = html.trim().strip_prefix("<a id=\"")?;
    let (id, tail) = rest.split_once('"')?;
    (tail.trim() == ">" && !id.is_empty()).then(|| id.to_owned())
}

fn heading_level(level: HeadingLevel) -> u8 {
    level as u8
}
