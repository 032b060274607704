//! Word documents (.docx): paragraphs, headings and tables, in order, and
//! what the file says about the document (title, author, date).

use std::io::Read;

use docx_rs::{DocumentChild, Paragraph, ParagraphChild, RunChild, Table, TableCellContent, TableChild, TableRowChild};
use quick_xml::events::Event;

use super::format::{Block, BlockKind};
use super::normalize::{self, normalize};
use super::{DocumentInfo, IngestError};

/// docProps/core.xml is a few hundred bytes; more than this is not read (a
/// crafted file could inflate to gigabytes).
const MAX_PROPERTIES_BYTES: u64 = 1 << 20;

/// What a Word file's parts may expand to, all together. A long report with
/// its pictures is a few tens of megabytes; a crafted archive (a zip bomb)
/// can expand a megabyte into terabytes, which the parser would hold in memory.
pub const MAX_EXPANDED_BYTES: u64 = 200 * 1024 * 1024;

/// A .docx holds a few dozen parts; a crafted one can list millions.
pub const MAX_PARTS: usize = 10_000;

/// The blocks of a Word document. Heading and Title styles become headings;
/// a table row becomes a line of its cells.
pub fn read(bytes: &[u8]) -> Result<Vec<Block>, IngestError> {
    let damaged_part = check_expansion(bytes)?;
    let damaged = |detail: String| IngestError::Document {
        what: "Word document",
        why: match &damaged_part {
            Some(part) => format!("{part}; save it again from Word as .docx"),
            None => format!("it is damaged or not a .docx file ({detail}); save it again from Word as .docx"),
        },
    };
    // The reader unwraps what it reads from the archive, so a damaged part
    // it needs can make it panic.
    let docx = std::panic::catch_unwind(|| docx_rs::read_docx(bytes))
        .map_err(|_| damaged("its parts could not be read".to_owned()))?
        .map_err(|e| damaged(e.to_string()))?;
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

/// Inflates every part into nothing, counting, so that what the archive
/// claims about its sizes (which a crafted one fakes) does not matter.
/// A damaged XML part is refused; what is wrong with the first other
/// damaged part is returned, for the error should the reader fail on it.
fn check_expansion(bytes: &[u8]) -> Result<Option<String>, IngestError> {
    // A file that is not a zip archive is left to the parser's own error.
    let Ok(mut archive) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Ok(None);
    };
    if archive.len() > MAX_PARTS {
        return Err(IngestError::TooLarge {
            what: "Word document",
            why: format!("it holds {} parts, over the {MAX_PARTS} a document has room for", archive.len()),
        });
    }
    let mut expanded = 0u64;
    let mut damaged = None;
    for index in 0..archive.len() {
        // An encrypted part is left to the parser, which names it.
        let Ok(mut part) = archive.by_index(index) else { continue };
        let room = MAX_EXPANDED_BYTES - expanded;
        // Read to its end, a part's checksum is checked too.
        expanded += match std::io::copy(&mut (&mut part).take(room + 1), &mut std::io::sink()) {
            Ok(read) => read,
            // The document's own XML is what Word refuses to open damaged.
            Err(error) if part.name().ends_with(".xml") || part.name().ends_with(".rels") => {
                return Err(IngestError::Document {
                    what: "Word document",
                    why: format!("its part {} is damaged ({error}); save it again from Word as .docx", part.name()),
                });
            }
            // A damaged picture is no reason to refuse the text; should the
            // reader fail on it, its error names it.
            Err(error) => {
                damaged.get_or_insert_with(|| format!("its part {} is damaged ({error})", part.name()));
                0
            }
        };
        if expanded > MAX_EXPANDED_BYTES {
            return Err(IngestError::TooLarge {
                what: "Word document",
                why: format!(
                    "its parts expand past {} MB (a compressed archive built to fill memory?)",
                    MAX_EXPANDED_BYTES >> 20
                ),
            });
        }
    }
    Ok(damaged)
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

/// The document properties Word keeps in docProps/core.xml: title, author
/// (`dc:creator`) and the day it was created (`dcterms:created`, the closest a
/// Word file comes to a publication date). A file without them, or with them
/// damaged, has none: the body was read, and that is what matters.
pub fn properties(bytes: &[u8]) -> DocumentInfo {
    let mut xml = String::new();
    let read = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok().and_then(|mut archive| {
        let file = archive.by_name("docProps/core.xml").ok()?;
        file.take(MAX_PROPERTIES_BYTES).read_to_string(&mut xml).ok()
    });
    if read.is_none() {
        return DocumentInfo::default();
    }
    let field = |name: &str| core_property(&xml, name).as_deref().and_then(normalize::field);
    // Writers that know nothing put these in rather than leave the field out.
    let published = field("created").and_then(|created| {
        let day = created.get(..10)?;
        crate::date::parse(day).filter(|_| day != "1970-01-01").map(|_| day.to_owned())
    });
    DocumentInfo {
        title: field("title"),
        author: field("creator").filter(|a| !a.eq_ignore_ascii_case("unknown")),
        published,
        ..DocumentInfo::default()
    }
}

/// The text of the first element named `local_name` (any namespace prefix),
/// entities resolved.
fn core_property(xml: &str, local_name: &str) -> Option<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut inside = false;
    let mut text = String::new();
    loop {
        match reader.read_event().ok()? {
            Event::Start(start) if start.local_name().as_ref() == local_name.as_bytes() => inside = true,
            Event::Text(t) if inside => text.push_str(&t.xml10_content().ok()?),
            Event::CData(t) if inside => text.push_str(&t.decode().ok()?),
            Event::GeneralRef(r) if inside => {
                let resolved = match r.resolve_char_ref().ok()? {
                    Some(c) => c.to_string(),
                    None => quick_xml::escape::resolve_predefined_entity(&r.decode().ok()?)?.to_owned(),
                };
                text.push_str(&resolved);
            }
            Event::End(end) if inside && end.local_name().as_ref() == local_name.as_bytes() => return Some(text),
            Event::Eof => return None,
            _ => {}
        }
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
    fn core_properties_are_read_with_entities() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <dc:title>Gi&#225; điện &amp; mùa hè</dc:title><dc:creator>Lê Thu Hà</dc:creator><cp:lastModifiedBy>IT</cp:lastModifiedBy>
  <dcterms:created xsi:type="dcterms:W3CDTF">2026-06-03T08:15:00Z</dcterms:created>
</cp:coreProperties>"#;
        assert_eq!(core_property(xml, "title").as_deref(), Some("Giá điện & mùa hè"));
        assert_eq!(core_property(xml, "creator").as_deref(), Some("Lê Thu Hà"));
        assert_eq!(core_property(xml, "created").as_deref(), Some("2026-06-03T08:15:00Z"));
        assert_eq!(core_property(xml, "description"), None);
        assert_eq!(core_property("<dc:title>unclosed", "title"), None);
    }

    fn archive_with_core_xml(core: &str) -> Vec<u8> {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file("docProps/core.xml", zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(core.as_bytes()).unwrap();
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn properties_fill_the_source_fields_placeholders_do_not() {
        let core = |creator: &str, created: &str| {
            format!(
                "<cp:coreProperties xmlns:cp=\"c\" xmlns:dc=\"d\" xmlns:dcterms=\"t\">\
                 <dc:creator>{creator}</dc:creator><dcterms:created>{created}</dcterms:created></cp:coreProperties>"
            )
        };
        let info = properties(&archive_with_core_xml(&core("Lê  Thu Hà", "2026-06-03T08:15:00Z")));
        assert_eq!(info.author.as_deref(), Some("Lê Thu Hà"));
        assert_eq!(info.published.as_deref(), Some("2026-06-03"));
        assert_eq!(info.title, None);
        assert_eq!(
            properties(&archive_with_core_xml(&core("unknown", "1970-01-01T00:00:00Z"))),
            DocumentInfo::default()
        );
        assert_eq!(properties(&archive_with_core_xml(&core("A", "2026-02-30"))).published, None);
        assert_eq!(properties(b"PK\x03\x04 not really a zip"), DocumentInfo::default());
    }

    #[test]
    fn not_a_docx_is_a_clear_error() {
        let err = read(b"PK\x03\x04 not really a zip").unwrap_err();
        assert!(err.to_string().contains("Word document"), "{err}");
    }
}
