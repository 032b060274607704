//! A brief's Markdown as plain text, to paste into an e-mail: headings
//! underlined, lists and quotes indented, links written out, tables as
//! aligned columns, no markup characters left.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use unicode_segmentation::UnicodeSegmentation;

/// `markdown` as plain text.
pub fn plain(markdown: &str) -> String {
    let mut writer = Writer::default();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        writer.event(event);
    }
    writer.finish()
}

#[derive(Default)]
struct Writer {
    out: String,
    /// The block being gathered.
    line: String,
    /// Each open list: the next number, or `None` for bullets.
    lists: Vec<Option<u64>>,
    /// The marker of the list item whose first block is being gathered.
    marker: Option<String>,
    quote_depth: usize,
    links: Vec<String>,
    image_depth: usize,
    table: Vec<Vec<String>>,
    in_table: bool,
}

impl Writer {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(Tag::Heading { .. } | Tag::Paragraph | Tag::CodeBlock(_)) => {}
            Event::End(TagEnd::Heading(level)) => {
                let text = std::mem::take(&mut self.line).trim().to_owned();
                let underline = match level {
                    HeadingLevel::H1 => Some('='),
                    HeadingLevel::H2 => Some('-'),
                    _ => None,
                };
                self.out.push_str(&text);
                self.out.push('\n');
                if let Some(c) = underline {
                    self.out.extend(std::iter::repeat_n(c, text.graphemes(true).count().max(3)));
                    self.out.push('\n');
                }
                self.out.push('\n');
            }
            Event::End(TagEnd::Paragraph | TagEnd::CodeBlock) if !self.in_table => self.block(),
            Event::Start(Tag::BlockQuote(_)) => {
                self.block();
                self.quote_depth += 1;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                self.block();
                self.quote_depth -= 1;
            }
            Event::Start(Tag::List(start)) => {
                self.block();
                self.lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                self.block();
                self.lists.pop();
                if self.lists.is_empty() && !self.out.ends_with("\n\n") {
                    self.out.push('\n');
                }
            }
            Event::Start(Tag::Item) => {
                self.block();
                self.marker = Some(match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    _ => "- ".to_owned(),
                });
            }
            Event::End(TagEnd::Item) => self.block(),
            Event::Start(Tag::Table(_)) => {
                self.block();
                self.in_table = true;
            }
            Event::Start(Tag::TableHead | Tag::TableRow) => self.table.push(Vec::new()),
            Event::End(TagEnd::TableCell) => {
                let cell = std::mem::take(&mut self.line).trim().to_owned();
                if let Some(row) = self.table.last_mut() {
                    row.push(cell);
                }
            }
            Event::End(TagEnd::Table) => {
                self.in_table = false;
                self.write_table();
            }
            Event::Start(Tag::Link { dest_url, .. }) => self.links.push(dest_url.to_string()),
            Event::End(TagEnd::Link) => {
                // Write the address after its text, unless it is the text or
                // an anchor inside the brief, which plain text cannot follow.
                if let Some(url) = self.links.pop() {
                    if !url.starts_with('#') && !self.line.ends_with(url.as_str()) {
                        self.line.push_str(&format!(" <{url}>"));
                    }
                }
            }
            Event::Start(Tag::Image { .. }) => self.image_depth += 1,
            Event::End(TagEnd::Image) => self.image_depth -= 1,
            Event::Text(_) if self.image_depth > 0 => {}
            Event::Text(text) | Event::Code(text) => self.line.push_str(&text),
            Event::SoftBreak => self.line.push(' '),
            Event::HardBreak => self.line.push('\n'),
            Event::Rule => {
                self.block();
                self.out.push_str("----\n\n");
            }
            // Raw HTML (citation anchors) has no place in plain text.
            _ => {}
        }
    }

    /// Ends the gathered block: indented under its list item or quote.
    fn block(&mut self) {
        let text = std::mem::take(&mut self.line);
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let depth = self.lists.len().saturating_sub(1);
        let in_list = !self.lists.is_empty();
        let marker = self.marker.take();
        let hang = marker.as_ref().map_or(0, |m| m.chars().count());
        let indent = " ".repeat(4 * self.quote_depth + if in_list { 2 * depth } else { 0 });
        for (i, line) in text.lines().enumerate() {
            self.out.push_str(&indent);
            match (&marker, i) {
                (Some(m), 0) => self.out.push_str(m),
                _ if in_list => self.out.push_str(&" ".repeat(hang.max(2))),
                _ => {}
            }
            self.out.push_str(line.trim());
            self.out.push('\n');
        }
        if !in_list {
            self.out.push('\n');
        }
    }

    fn write_table(&mut self) {
        let rows = std::mem::take(&mut self.table);
        let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
        let width = |cell: &str| cell.graphemes(true).count();
        let widths: Vec<usize> = (0..columns)
            .map(|c| rows.iter().filter_map(|r| r.get(c)).map(|cell| width(cell)).max().unwrap_or(0))
            .collect();
        for (i, row) in rows.iter().enumerate() {
            let cells: Vec<String> = (0..columns)
                .map(|c| {
                    let cell = row.get(c).map_or("", String::as_str);
                    format!("{cell}{}", " ".repeat(widths[c] - width(cell)))
                })
                .collect();
            self.out.push_str(cells.join("  ").trim_end());
            self.out.push('\n');
            if i == 0 {
                let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
                self.out.push_str(&rule.join("  "));
                self.out.push('\n');
            }
        }
        self.out.push('\n');
    }

    fn finish(mut self) -> String {
        self.block();
        let mut out = self.out.trim_end().to_owned();
        out.push('\n');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_as_plain_text() {
        let text = plain(
            "**NỘI BỘ**\n\n# Bản tin\n\n## Ý chính\n\n- một *hai* (¶3)\n- [ba](https://example.org/a)\n\n\
             1. đầu\n2. sau\n\n> “Trích dẫn”\\\n> — Ông A [¶2](#source-p2)\n\n| Số | Ngữ cảnh |\n| --- | --- |\n| 31 | thành viên |\n\n\
             <a id=\"source-p2\"></a>**¶2** văn bản\n",
        );
        let expected = "NỘI BỘ\n\nBản tin\n=======\n\nÝ chính\n-------\n\n- một hai (¶3)\n- ba <https://example.org/a>\n\n\
                        1. đầu\n2. sau\n\n    “Trích dẫn”\n    — Ông A ¶2\n\nSố  Ngữ cảnh\n--  ----------\n31  thành viên\n\n¶2 văn bản\n";
        assert_eq!(text, expected);
        for markup in ["**", "](", "<a", "|"] {
            assert!(!text.contains(markup), "{markup} left in {text}");
        }
    }
}
