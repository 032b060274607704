//! The parts of the package docx-rs cannot write as Word expects, and the
//! ZIP around all of them, written the same way every time.

use std::io::{Cursor, Write};

use docx_rs::Docx;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::{styles, DocumentInfo, DocxError, Geometry};

/// XML text or attribute value.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
    out
}

/// `YYYY-MM-DDTHH:MM:SSZ` of seconds since 1970 (the civil calendar, UTC).
pub(crate) fn w3cdtf(seconds: i64) -> String {
    let (year, month, day) = crate::date::civil_from_days(seconds.div_euclid(86_400));
    let rest = seconds.rem_euclid(86_400);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", rest / 3600, rest % 3600 / 60, rest % 60)
}

/// docProps/core.xml.
fn core(options: &DocumentInfo, time: i64) -> String {
    let when = w3cdtf(time);
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
    );
    let mut element = |tag: &str, value: &str| {
        if !value.trim().is_empty() {
            xml.push_str(&format!("<{tag}>{}</{tag}>", escape(value.trim())));
        }
    };
    element("dc:title", &options.title);
    element("dc:subject", &options.subject);
    element("dc:creator", &options.author);
    element("cp:keywords", &options.keywords.join("; "));
    element("dc:language", &options.language);
    element("cp:lastModifiedBy", &options.author);
    xml.push_str(&format!(
        r#"<cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified></cp:coreProperties>"#
    ));
    xml
}

/// docProps/app.xml.
fn app() -> String {
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Briefsmith</Application><DocSecurity>0</DocSecurity></Properties>"#
        .to_owned()
}

/// The relationships in id order: docx-rs lists hyperlinks out of a hash map,
/// in an order that changes from run to run.
pub(crate) fn sorted_relationships(xml: &[u8]) -> Result<Vec<u8>, DocxError> {
    let text = std::str::from_utf8(xml).map_err(|e| DocxError::Xml(e.to_string()))?;
    let start = text.find("<Relationship ").unwrap_or(text.len());
    let end = text.rfind("</Relationships>").ok_or_else(|| DocxError::Xml("document.xml.rels is cut short".into()))?;
    if start > end {
        return Ok(xml.to_vec());
    }
    let mut items: Vec<(&str, &str)> = Vec::new();
    let mut rest = &text[start..end];
    while let Some(at) = rest.find("<Relationship ") {
        let close = rest[at..].find("/>").ok_or_else(|| DocxError::Xml("an unclosed relationship".into()))?;
        let item = &rest[at..at + close + 2];
        let id = item.split("Id=\"").nth(1).and_then(|s| s.split('"').next()).unwrap_or("");
        items.push((id, item));
        rest = &rest[at + close + 2..];
    }
    // rId10 after rId9: by length, then text.
    items.sort_by(|a, b| (a.0.len(), a.0).cmp(&(b.0.len(), b.0)));
    let mut out = String::with_capacity(xml.len());
    out.push_str(&text[..start]);
    for (_, item) in items {
        out.push_str(item);
    }
    out.push_str(&text[end..]);
    Ok(out.into_bytes())
}

/// Marks each table's first row as its header, repeated on every page the
/// table runs over: docx-rs has no `w:tblHeader` (every row it writes has
/// `cantSplit`, so the first row's properties are found by that).
fn repeated_header_rows(document: &[u8]) -> Result<Vec<u8>, DocxError> {
    let text = std::str::from_utf8(document).map_err(|e| DocxError::Xml(e.to_string()))?;
    const ROW: &str = "<w:tr><w:trPr><w:cantSplit />";
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text;
    while let Some(at) = rest.find("<w:tbl>") {
        let (before, table) = rest.split_at(at);
        out.push_str(before);
        match table.find(ROW) {
            Some(row) => {
                out.push_str(&table[..row + ROW.len()]);
                out.push_str("<w:tblHeader />");
                rest = &table[row + ROW.len()..];
            }
            None => {
                out.push_str(table);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    Ok(out.into_bytes())
}

pub(crate) fn write(docx: Docx, options: &DocumentInfo, geometry: &Geometry, time: i64) -> Result<Vec<u8>, DocxError> {
    let xml = docx.build();
    let mut parts: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), xml.content_type),
        ("_rels/.rels".into(), xml.rels),
        ("docProps/app.xml".into(), app().into_bytes()),
        ("docProps/core.xml".into(), core(options, time).into_bytes()),
        ("docProps/custom.xml".into(), xml.doc_props.custom),
        ("word/_rels/document.xml.rels".into(), sorted_relationships(&xml.document_rels)?),
        ("word/document.xml".into(), repeated_header_rows(&xml.document)?),
        ("word/styles.xml".into(), styles::styles(options, geometry).into_bytes()),
        ("word/settings.xml".into(), xml.settings),
        ("word/fontTable.xml".into(), styles::font_table().into_bytes()),
        ("word/comments.xml".into(), xml.comments),
        ("word/numbering.xml".into(), xml.numberings),
        ("word/commentsExtended.xml".into(), xml.comments_extended),
        ("word/footnotes.xml".into(), xml.footnotes),
    ];
    let headers = xml.headers.len();
    let logo = options.logo.as_deref().map(|logo| Ok::<_, DocxError>((logo, super::logo::media(logo)?))).transpose()?;
    for (i, mut part) in xml.headers.into_iter().enumerate() {
        if let Some((logo, _)) = &logo {
            // docx-rs draws no pictures of its own here (the body has none), so
            // these ids are the document's only drawing ids.
            part = super::logo::into_header(part, logo, geometry, 1000 + i)?;
        }
        parts.push((format!("word/header{}.xml", i + 1), part));
    }
    for (i, mut part) in xml.header_rels.into_iter().enumerate().take(headers) {
        if let Some((_, (media, _))) = &logo {
            part = super::logo::into_relationships(part, media)?;
        }
        parts.push((format!("word/_rels/header{}.xml.rels", i + 1), part));
    }
    if let Some((_, media)) = logo {
        parts.push(media);
    }
    let footers = xml.footers.len();
    for (i, part) in xml.footers.into_iter().enumerate() {
        parts.push((format!("word/footer{}.xml", i + 1), part));
    }
    for (i, part) in xml.footer_rels.into_iter().enumerate().take(footers) {
        parts.push((format!("word/_rels/footer{}.xml.rels", i + 1), part));
    }
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    // A fixed time in every entry: the archive is the same for the same brief.
    let entry = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    for (name, bytes) in parts {
        zip.start_file(name, entry)?;
        zip.write_all(&bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}
