//! Word documents (.docx): paragraphs, headings and tables, in order.

use docx_rs::{DocumentChild, Paragraph, ParagraphChild, RunChild, Table, TableCellContent, TableChild, TableRowChild};

use super::format::{Block, BlockKind};
use super::normalize::normalize;
use super::IngestError;

/// The blocks of a Word document. Heading and Title styles become headings;
/// a table row becomes a line of its cells.
pub fn read(bytes: &[u8]) -> Result<Vec<Block>, IngestError> {
    let docx = docx_rs::read_docx(bytes).map_err(|e| IngestError::Document {
        what: "Word document",
        why: format!("it is damaged or not a .docx file ({e}); save it again from Word as .docx"),
    })?;
    let mut blocks = Vec::new();
    for child in &docx.document.children {
        match child {
            DocumentChild::Paragraph(paragraph) => push_paragraph(&mut blocks, paragraph),
            DocumentChild::Table(table) => push_table(&mut blocks, table),
            _ => {}
        }
    }
    Ok(blocks)
}

fn push_paragraph(blocks: &mut Vec<Block>, paragraph: &Paragraph) {
    let mut text = String::new();
    collect(&paragraph.children, &mut text);
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    let style = paragraph.property.style.as_ref().map(|s| s.val.to_ascii_lowercase()).unwrap_or_default();
    let kind = heading_level(&style).map_or(BlockKind::Body, BlockKind::Heading);
    for line in normalize(text).split('\n').map(str::trim).filter(|l| !l.is_empty()) {
        blocks.push(Block { kind, text: line.to_owned() });
    }
}

/// "Title" is level 1 like "Heading1"; "Heading2" is 2, and so on.
fn heading_level(style: &str) -> Option<u8> {
    if style == "title" {
        return Some(1);
    }
    let level = style.strip_prefix("heading")?.trim_start_matches(['-', ' ']);
    level.parse::<u8>().ok().filter(|l| (1..=6).contains(l))
}

fn collect(children: &[ParagraphChild], text: &mut String) {
    for child in children {
        match child {
            ParagraphChild::Run(run) => {
                for part in &run.children {
                    match part {
                        RunChild::Text(t) => text.push_str(&t.text),
                        RunChild::Tab(_) | RunChild::PTab(_) => text.push('\t'),
                        RunChild::Break(_) | RunChild::CarriageReturn(_) => text.push('\n'),
                        _ => {}
                    }
                }
            }
            ParagraphChild::Hyperlink(link) => collect(&link.children, text),
            ParagraphChild::Insert(insert) => {
                for c in &insert.children {
                    if let docx_rs::InsertChild::Run(run) = c {
                        collect(&[ParagraphChild::Run(run.clone())], text);
                    }
                }
            }
            _ => {}
        }
    }
}

fn push_table(blocks: &mut Vec<Block>, table: &Table) {
    for TableChild::TableRow(row) in &table.rows {
        let mut cells = Vec::new();
        for TableRowChild::TableCell(cell) in &row.cells {
            let mut text = String::new();
            for content in &cell.children {
                if let TableCellContent::Paragraph(p) = content {
                    if !text.is_empty() {
                        text.push(' ');
                    }
                    collect(&p.children, &mut text);
                }
            }
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if !text.is_empty() {
                cells.push(text);
            }
        }
        if !cells.is_empty() {
            blocks.push(Block { kind: BlockKind::Body, text: normalize(&cells.join(" ")) });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_styles() {
        assert_eq!(heading_level("title"), Some(1));
        assert_eq!(heading_level("heading2"), Some(2));
        assert_eq!(heading_level("normal"), None);
    }

    #[test]
    fn not_a_docx_is_a_clear_error() {
        let err = read(b"PK\x03\x04 not really a zip").unwrap_err();
        assert!(err.to_string().contains("Word document"), "{err}");
    }
}
