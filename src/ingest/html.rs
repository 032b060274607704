//! Saved web pages: the charset they declare, the article in them, and what
//! the page says about the article (title, author, date, site, address).
//!
//! Main-content extraction is rs-trafilatura's, picked by measurement on the
//! scrapinghub benchmark pages (README, "Reading web pages"). Its page-type
//! classifier is skipped: an analyst opens articles, and the classifier
//! doubled the time per page for no gain on news pages.

use std::sync::LazyLock;

use encoding_rs::Encoding;
use regex::bytes::Regex;

use super::decode::{self, Decoded};
use super::markup;
use super::{DocumentInfo, IngestError};

/// How much of a page is searched for a `<meta charset>`: WHATWG says 1024
/// bytes; pages with long comments or scripts first put it further down.
const CHARSET_PRESCAN_BYTES: usize = 4096;

/// Extraction walks the page recursively; deeply nested markup needs a deep
/// stack. Only the pages a walk touches are committed, so this costs little.
const EXTRACTION_STACK_BYTES: usize = 512 * 1024 * 1024;

/// Pages whose tags nest deeper than this are refused. News pages nest 15 to
/// 30 deep (the benchmark pages at most 29); the extractor's time grows with
/// depth × size, and a page nested 200,000 deep would never finish.
const MAX_DEPTH: usize = 256;

/// Attributes the parser can take: it checks each against the others of its
/// tag, so their cost grows with the square of one tag's count. The corpus's
/// pages carry at most 2,100 in all and 63 on one tag once scripts' own are
/// cut; at these limits a page parses in under a second.
const MAX_ATTRIBUTES: usize = 100_000;
const MAX_ATTRIBUTES_PER_TAG: usize = 1_000;

/// Fewer words than this is a login form or a menu, not an article.
const MIN_ARTICLE_WORDS: usize = 10;

static META_CHARSET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?i-u)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#).expect("valid regex"));
static HTML_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i-u)<(?:!doctype\s+html|html|head|body|meta|title)[\s>/]").expect("valid regex"));

/// Markup of a whole page (not a fragment of text with a tag in it): an HTML
/// doctype or one of the page-level tags near the start.
pub fn is_page(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(CHARSET_PRESCAN_BYTES)];
    let first = head.iter().position(|b| !b.is_ascii_whitespace());
    // A UTF-8 BOM may come first.
    let starts_with_markup = first.is_some_and(|i| head[i] == b'<' || head[i..].starts_with(b"\xEF\xBB\xBF<"));
    starts_with_markup && HTML_START.is_match(head)
}

/// Decodes a page: a BOM first, then the charset the server sent, then the one
/// the page declares, then detection (as browsers do).
pub fn decode_page(bytes: &[u8], declared: Option<&str>) -> Result<Decoded, IngestError> {
    if Encoding::for_bom(bytes).is_some() {
        return decode::decode(bytes);
    }
    let head = &bytes[..bytes.len().min(CHARSET_PRESCAN_BYTES)];
    let meta = META_CHARSET.captures(head).and_then(|c| c.get(1)).map(|m| m.as_bytes());
    let encoding = declared
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .or_else(|| meta.and_then(Encoding::for_label));
    let Some(encoding) = encoding else {
        return decode::decode(bytes);
    };
    // A page cannot declare UTF-16 in ASCII; WHATWG reads such pages as UTF-8.
    let encoding = if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        encoding_rs::UTF_8
    } else {
        encoding
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let mut warnings = Vec::new();
    if had_errors {
        warnings.push(format!(
            "the page says it is {} but some bytes are not; they were replaced with U+FFFD",
            encoding.name()
        ));
    }
    Ok(Decoded { text: text.into_owned(), encoding: encoding.name(), warnings })
}

/// The article in a page, and what the page says about it.
#[derive(Debug, Clone)]
pub struct Page {
    /// Paragraphs separated by a blank line; lines within one by `\n`.
    pub text: String,
    pub info: DocumentInfo,
}

/// Finds the article in a page's markup. `url` is where the page came from,
/// when known.
pub fn extract(html: &str, url: Option<&str>) -> Result<Page, IngestError> {
    // The address is only used for the metadata: given to the extractor, it
    // lowered F1 on the benchmark pages (0.963 to 0.957).
    // Its own length cap cuts at a byte index and panics inside a character;
    // the input size is capped before this instead.
    let options = rs_trafilatura::Options {
        page_type: Some(rs_trafilatura::page_type::PageType::Article),
        max_extracted_len: usize::MAX,
        ..rs_trafilatura::Options::default()
    };
    let html = markup::pruned(html);
    let depth = markup::nesting_depth(&html);
    if depth > MAX_DEPTH {
        return Err(IngestError::Page(format!(
            "its tags nest {depth} levels deep, over the {MAX_DEPTH} a web page has room for"
        )));
    }
    let attributes = markup::attribute_count(&html);
    if attributes.most_in_one_tag > MAX_ATTRIBUTES_PER_TAG {
        return Err(IngestError::Page(format!(
            "one of its tags carries {} attributes, over the {MAX_ATTRIBUTES_PER_TAG} a web page has room for",
            attributes.most_in_one_tag
        )));
    }
    if attributes.total > MAX_ATTRIBUTES {
        return Err(IngestError::Page(format!(
            "its tags carry {} attributes, over the {MAX_ATTRIBUTES} a web page has room for",
            attributes.total
        )));
    }
    let extracted = std::thread::Builder::new()
        .name("html-extract".to_owned())
        .stack_size(EXTRACTION_STACK_BYTES)
        .spawn(move || {
            let first = rs_trafilatura::extract_with_options(&html, &options);
            // No article element was found and the text is the whole body's:
            // let the page-type classifier pick how to read this page.
            match first {
                Ok(result) if result.content_html.is_none() => {
                    let classified = rs_trafilatura::Options { page_type: None, ..options };
                    rs_trafilatura::extract_with_options(&html, &classified).or(Ok(result))
                }
                other => other,
            }
        })
        .map_err(|e| IngestError::Page(format!("could not start reading it ({e})")))?
        .join()
        .map_err(|_| IngestError::Page("its markup could not be read".to_owned()))?;
    let result = match extracted {
        Ok(result) => result,
        // The crate's "nothing found" is an error; say it in the analyst's terms.
        Err(_) => return Err(IngestError::NoArticle { what: "web page" }),
    };
    let text = tidy(&result.content_text);
    if text.split_whitespace().count() < MIN_ARTICLE_WORDS {
        return Err(IngestError::NoArticle { what: "web page" });
    }
    let meta = result.metadata;
    let info = DocumentInfo {
        title: meta.title.as_deref().and_then(clean_field),
        author: meta.author.as_deref().and_then(clean_field),
        published: meta.date.map(|d| d.format("%Y-%m-%d").to_string()),
        site_name: meta.sitename.as_deref().and_then(clean_field),
        url: meta.url.as_deref().and_then(clean_field).or_else(|| url.map(str::to_owned)),
    };
    Ok(Page { text, info })
}

/// A metadata value as text: entities decoded, then as any document's field.
fn clean_field(value: &str) -> Option<String> {
    super::normalize::field(&html_escape::decode_html_entities(value))
}

/// The extractor writes table rows as `a | b | c`; cells separated by a tab
/// read as the row they are and do not add `|` words to the article.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split('\n') {
        if !out.is_empty() {
            out.push('\n');
        }
        let trimmed = line.trim();
        if trimmed.matches(" | ").count() >= 2 || (trimmed.starts_with("| ") && trimmed.ends_with(" |")) {
            let cells: Vec<&str> =
                trimmed.trim_matches('|').split(" | ").map(str::trim).filter(|c| !c.is_empty() && *c != "|").collect();
            out.push_str(&cells.join("\t"));
        } else {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_charsets_are_honoured() {
        // Windows-1258 writes tones as combining marks after the letter.
        let body = "<p>Bô\u{323} trươ\u{309}ng Quô\u{301}c pho\u{300}ng</p>";
        let page = format!("<html><head><meta charset=\"windows-1258\"></head><body>{body}</body></html>");
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&page);
        assert!(!unmappable);
        let decoded = decode_page(&bytes, None).unwrap();
        assert_eq!(decoded.encoding, "windows-1258");
        let text = super::super::normalize::normalize(&decoded.text);
        assert!(text.contains("Bộ trưởng Quốc phòng"), "{text}");

        let http_equiv = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">\
             </head><body><p>Caf\u{e9} cr\u{e8}me</p></body></html>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(http_equiv);
        let decoded = decode_page(&bytes, None).unwrap();
        assert_eq!(decoded.encoding, "windows-1252");
        assert!(decoded.text.contains("Café crème"));

        // The server's charset wins over the page's; a BOM wins over both.
        let decoded = decode_page(&bytes, Some("windows-1252")).unwrap();
        assert!(decoded.text.contains("Café"));
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), "<html><meta charset=latin1><p>Hà Nội".as_bytes()].concat();
        assert!(decode_page(&with_bom, Some("latin1")).unwrap().text.contains("Hà Nội"));
    }

    #[test]
    fn pages_are_told_from_text_that_mentions_tags() {
        assert!(is_page(b"<!DOCTYPE html><html><body>x</body></html>"));
        assert!(is_page(b"\n  <html lang=\"vi\"><head><title>T</title></head></html>"));
        assert!(is_page(b"\xEF\xBB\xBF<!doctype html>"));
        assert!(!is_page(b"The <html> tag starts a page, the author wrote."));
        assert!(!is_page(b"Plain article text."));
    }

    #[test]
    fn table_rows_become_tab_separated_cells() {
        assert_eq!(tidy("Pos. | Name | Points\n1 | Kyle Busch | 5040"), "Pos.\tName\tPoints\n1\tKyle Busch\t5040");
        assert_eq!(tidy("Milan Design Week | Flos"), "Milan Design Week | Flos");
    }
}
