//! PDF documents: the text layer, page by page.
//!
//! pdf-extract reads the text a PDF draws, in drawing order, with a line break
//! per line; a scanned PDF has none, and gets an error that says so.

use super::{DocumentInfo, IngestError};

/// What a PDF's streams may inflate to, all together. A long report's text
/// and fonts are a few megabytes; a crafted stream (a decompression bomb)
/// inflates a kilobyte into gigabytes.
pub const MAX_INFLATED_BYTES: usize = 200 * 1024 * 1024;

/// The text of a PDF: pages separated by a blank line.
pub fn read(bytes: &[u8]) -> Result<String, IngestError> {
    check_structure(bytes)?;
    let bytes = bytes.to_owned();
    // The crate panics on some malformed fonts; a panic here is a bad file.
    let pages = std::thread::Builder::new()
        .name("pdf-extract".to_owned())
        .spawn(move || pdf_extract::extract_text_from_mem_by_pages(&bytes))
        .map_err(|e| IngestError::Document { what: "PDF", why: format!("could not start reading it ({e})") })?
        .join()
        .map_err(|_| IngestError::Document { what: "PDF", why: "its text could not be read".to_owned() })?
        .map_err(|e| IngestError::Document { what: "PDF", why: describe(&e) })?;
    let text = pages.iter().map(|p| unhyphenate(p.trim())).filter(|p| !p.is_empty()).collect::<Vec<_>>().join("\n\n");
    if text.chars().filter(|c| c.is_alphanumeric()).count() == 0 {
        return Err(IngestError::NoTextLayer);
    }
    Ok(text)
}

/// Refuses, before the text is read, a PDF whose streams inflate past
/// [`MAX_INFLATED_BYTES`] or whose page tree loops: the text reader holds every
/// inflated stream in memory, and a loop leaves it no pages (or no end).
fn check_structure(bytes: &[u8]) -> Result<(), IngestError> {
    let too_large = || IngestError::TooLarge {
        what: "PDF",
        why: format!("its streams inflate past {} MB (a file built to fill memory?)", MAX_INFLATED_BYTES >> 20),
    };
    let options = lopdf::LoadOptions { max_decompressed_size: Some(MAX_INFLATED_BYTES), ..Default::default() };
    // The reader may panic on a malformed file, as pdf-extract's does.
    let loaded = std::panic::catch_unwind(|| lopdf::Document::load_mem_with_options(bytes, options));
    let document = match loaded {
        Ok(Ok(document)) => document,
        Ok(Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }))) => {
            return Err(too_large())
        }
        // Any other damage is the text reader's to describe.
        _ => return Ok(()),
    };
    let mut inflated = 0usize;
    for object in document.objects.values() {
        let lopdf::Object::Stream(stream) = object else { continue };
        match stream.decompressed_content_with_limit(MAX_INFLATED_BYTES - inflated) {
            Ok(content) => inflated += content.len(),
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
                return Err(too_large())
            }
            // Images and unknown filters are not inflated by the text reader either.
            Err(_) => {}
        }
    }
    if page_tree_loops(&document) {
        return Err(IngestError::Document {
            what: "PDF",
            why: format!(
                "its page tree loops back on itself or nests over {MAX_TREE_DEPTH} levels deep; print it again to a new PDF"
            ).to_owned(),
        });
    }
    Ok(())
}

/// A page tree is a few levels deep (a balanced tree of a million pages is
/// under ten); a chain of thousands would be walked once per page.
const MAX_TREE_DEPTH: usize = 64;

/// Whether the tree of pages under the catalog reaches a node twice going
/// down (`/Kids`), or going up from a page (`/Parent`, where inherited
/// resources are looked up), or nests past [`MAX_TREE_DEPTH`].
fn page_tree_loops(document: &lopdf::Document) -> bool {
    use std::collections::HashSet;
    let reference = |dict: &lopdf::Dictionary, key: &[u8]| dict.get(key).and_then(lopdf::Object::as_reference).ok();
    let Some(root) = document.catalog().ok().and_then(|catalog| reference(catalog, b"Pages")) else {
        return false;
    };
    let mut seen = HashSet::new();
    let mut pending = vec![root];
    while let Some(id) = pending.pop() {
        if !seen.insert(id) {
            return true;
        }
        let Ok(node) = document.get_dictionary(id) else { continue };
        let mut up = HashSet::from([id]);
        let mut parent = reference(node, b"Parent");
        while let Some(parent_id) = parent {
            if !up.insert(parent_id) || up.len() > MAX_TREE_DEPTH {
                return true;
            }
            parent = document.get_dictionary(parent_id).ok().and_then(|p| reference(p, b"Parent"));
        }
        if let Ok(kids) = node.get(b"Kids").and_then(lopdf::Object::as_array) {
            pending.extend(kids.iter().filter_map(|kid| kid.as_reference().ok()));
        }
    }
    false
}

/// What the PDF's Info dictionary says: its author and the day it was
/// created. Its title is left out: exported PDFs carry the file name there
/// ("Microsoft Word - memo.docx") more often than the headline the first line
/// holds. A PDF without them, or with them damaged, has none.
pub fn properties(bytes: &[u8]) -> DocumentInfo {
    // lopdf reads only the trailer and the Info dictionary here; it is guarded
    // like the text, as a malformed file may make it panic.
    let read = std::panic::catch_unwind(|| lopdf::Document::load_metadata_from(bytes));
    let Ok(Ok(metadata)) = read else {
        return DocumentInfo::default();
    };
    let author = metadata.author.as_deref().and_then(super::normalize::field);
    DocumentInfo { author, published: metadata.creation_date.as_deref().and_then(pdf_date), ..DocumentInfo::default() }
}

/// `D:YYYYMMDDHHmmSS+07'00'` (the PDF date format) as `YYYY-MM-DD`.
fn pdf_date(date: &str) -> Option<String> {
    let digits = date.trim().strip_prefix("D:").unwrap_or(date.trim()).get(..8)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let day = format!("{}-{}-{}", &digits[..4], &digits[4..6], &digits[6..8]);
    crate::date::parse(&day).map(|_| day)
}

fn describe(error: &pdf_extract::OutputError) -> String {
    match error {
        pdf_extract::OutputError::PdfError(e) if e.to_string().to_lowercase().contains("crypt") => {
            "it is encrypted; save an unprotected copy and open that".to_owned()
        }
        pdf_extract::OutputError::PdfError(e) => format!("it is damaged or not a PDF ({e})"),
        other => other.to_string(),
    }
}

/// Joins words a line break split with a hyphen ("negoti-\nations"), which a
/// PDF's narrow columns leave everywhere; hyphens before a capital are kept
/// ("Franco-\nGerman").
fn unhyphenate(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("-\n") {
        let (before, after) = rest.split_at(at);
        let joins = before.chars().next_back().is_some_and(char::is_lowercase)
            && after[2..].chars().next().is_some_and(char::is_lowercase);
        out.push_str(before);
        out.push_str(if joins { "" } else { "-\n" });
        rest = &after[2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_end_hyphens_join_lowercase_words_only() {
        assert_eq!(unhyphenate("the negoti-\nations went on"), "the negotiations went on");
        assert_eq!(unhyphenate("the Franco-\nGerman plan"), "the Franco-\nGerman plan");
    }

    #[test]
    fn pdf_dates_are_days() {
        assert_eq!(pdf_date("D:20260603081500+07'00'").as_deref(), Some("2026-06-03"));
        assert_eq!(pdf_date("20261130").as_deref(), Some("2026-11-30"));
        assert_eq!(pdf_date("D:20261331"), None);
        assert_eq!(pdf_date("D:2026"), None);
        assert_eq!(pdf_date("Tuesday"), None);
    }

    #[test]
    fn garbage_is_a_clear_error() {
        let err = read(b"%PDF-1.7\nthis is not really a PDF").unwrap_err();
        assert!(err.to_string().contains("PDF"), "{err}");
    }
}
