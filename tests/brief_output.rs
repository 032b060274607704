//! Briefs an analyst can send untouched, on real articles: every built-in
//! template in both locales says nothing twice, has no straight double
//! quote, never names the input file; with citations, every finding and
//! quote carries its paragraph marker in Markdown, HTML, PDF and text, and the
//! appendix marks the cited span in that paragraph.

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use briefsmith::brief::{Brief, BriefOptions, CitationStyle, Citations};
use briefsmith::export;
use briefsmith::template::typography::smarten;
use briefsmith::template::Library;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

const TEMPLATES: &[&str] = &["bluf", "sitrep", "quote-sheet", "one-pager", "digest", "topic-brief"];
/// The templates that cite the article's paragraphs; the many-article ones
/// cite their numbered sources instead.
const PARAGRAPH_CITING: &[&str] = &["bluf", "sitrep", "quote-sheet", "one-pager"];
const LOCALES: &[&str] = &["vi", "en"];

/// The seed and every eighth article of the English sets.
fn articles() -> Vec<PathBuf> {
    let mut files = vec![common::seed_path()];
    for set in ["en-summary", "en-quotes"] {
        files.extend(common::corpus_files(set).into_iter().step_by(8));
    }
    files
}

fn brief_of(path: &Path) -> Brief {
    let bytes = std::fs::read(path).unwrap();
    let mut options = briefsmith::Options::default();
    options.ingest.file_name = Some(path.file_name().unwrap().to_string_lossy().into_owned());
    let mut analysis = briefsmith::analyze_bytes(&bytes, &options).unwrap();
    analysis.file = path.display().to_string();
    Brief::from_analysis(&analysis, BriefOptions { generated: Some("2026-12-03".into()), ..Default::default() })
}

/// The text of each block a reader sees as prose (paragraphs, list items,
/// quotes, table cells), without headings, code or raw HTML.
fn prose_blocks(markdown: &str) -> Vec<String> {
    blocks_of(markdown, true)
}

fn blocks_of(markdown: &str, with_tables: bool) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut in_table = false;
    let mut current = String::new();
    let mut heading = false;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = true,
            Event::End(TagEnd::Heading(_)) => {
                heading = false;
                current.clear();
            }
            Event::Start(Tag::Table(_)) => in_table = true,
            Event::End(TagEnd::Table) => in_table = false,
            Event::Text(_) if in_table && !with_tables => {}
            Event::Text(text) if !heading => current.push_str(&text),
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::BlockQuote(_))
                if !current.trim().is_empty() =>
            {
                blocks.push(std::mem::take(&mut current));
            }
            _ => {}
        }
    }
    blocks
}

/// Sentences: split after . ! ? … (and any closing marks) before a space.
fn sentences(block: &str) -> Vec<String> {
    let chars: Vec<char> = block.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        if matches!(chars[i], '.' | '!' | '?' | '…') {
            let mut end = i + 1;
            while end < chars.len() && matches!(chars[end], '”' | '’' | '»' | '“' | ')' | '"') {
                end += 1;
            }
            if end == chars.len() || chars[end].is_whitespace() {
                out.push(chars[start..end].iter().collect::<String>());
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    out.push(chars[start..].iter().collect());
    out.into_iter()
        .map(|s| s.trim().trim_matches(|c: char| "“”‘’«»\"- —".contains(c)).trim().to_owned())
        .filter(|s| s.chars().count() >= 40)
        .collect()
}

#[test]
fn built_in_briefs_say_nothing_twice_curl_their_quotes_and_name_no_file() {
    let library = Library::new(None);
    let mut checked = 0;
    for path in articles() {
        let brief = brief_of(&path);
        let file_name = path.file_name().unwrap().to_string_lossy().into_owned();
        for template in TEMPLATES {
            let resolved = library.resolve(template).unwrap();
            for locale in LOCALES {
                let markdown = export::markdown(&library, &resolved, &brief, locale).unwrap();
                let place = format!("{} with {template} in {locale}", path.display());
                let mut seen: HashMap<String, usize> = HashMap::new();
                for block in prose_blocks(&markdown) {
                    assert!(!block.contains('"'), "{place}: a straight double quote in “{block}”");
                    for sentence in sentences(&block) {
                        *seen.entry(sentence).or_default() += 1;
                    }
                }
                let repeated: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).map(|(s, _)| s).collect();
                assert!(repeated.is_empty(), "{place}: said twice: {repeated:#?}\n{markdown}");
                assert!(!markdown.contains(&file_name), "{place}: names the file {file_name}:\n{markdown}");
                checked += 1;
            }
        }
    }
    assert!(checked >= 4 * 2 * 10, "only {checked} briefs checked");
}

#[test]
fn the_sentence_check_catches_a_repeat() {
    let markdown = "- The council approved the budget for the new bridge today.\n\n> “The council approved the budget for the new bridge today.”\n";
    let blocks = prose_blocks(markdown);
    let all: Vec<String> = blocks.iter().flat_map(|b| sentences(b)).collect();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0], all[1]);
}

#[test]
fn a_quote_a_finding_carries_is_not_repeated_in_the_seed_bluf() {
    let library = Library::new(None);
    let brief = brief_of(&common::seed_path());
    let markdown = export::markdown(&library, &library.resolve("bluf").unwrap(), &brief, "vi").unwrap();
    // The seed's first two Stoltenberg quotes sit inside key points; the third does not.
    let quotes: Vec<&str> = brief
        .quotes
        .iter()
        .filter(|q| q.kind == briefsmith::analyze::QuoteKind::Direct)
        .map(|q| q.text.as_str())
        .collect();
    assert!(quotes.len() >= 3, "{quotes:?}");
    for quote in &quotes {
        let shown = smarten(quote, "vi");
        assert_eq!(markdown.matches(shown.as_str()).count(), 1, "“{shown}” is not shown exactly once:\n{markdown}");
    }
    assert!(
        markdown.contains("## Trích dẫn quan trọng"),
        "the quote no finding carries keeps its section:\n{markdown}"
    );
    assert!(markdown.contains("“NATO đang thúc đẩy"), "the source line names the title:\n{markdown}");
}

/// A `(¶n)` marker after each shown item, the right n, and the appendix's
/// paragraph n with the item's span marked.
fn check_citations(brief: &Brief, markdown: &str, place: &str) -> Vec<String> {
    let numbered: Vec<(usize, usize)> = {
        let mut out = Vec::new();
        let mut start = 0;
        for line in brief.article.split('\n') {
            let len = line.chars().count();
            if !line.trim().is_empty() {
                out.push((start, start + len));
            }
            start += len + 1;
        }
        out
    };
    let paragraph_of = |at: usize| numbered.iter().position(|&(s, e)| s <= at && at <= e).map(|i| i + 1);
    // Findings and quotes, not the figures table whose context may hold a quote's words.
    let blocks = blocks_of(markdown, false);
    let appendix_start = markdown.find("<a id=\"source-p1\"></a>").unwrap_or_else(|| panic!("{place}: no appendix"));
    let appendix = &markdown[appendix_start..];
    let mut markers = Vec::new();
    let items = brief
        .key_points
        .iter()
        .map(|k| (k.text.as_str(), k.start))
        .chain(brief.quotes.iter().map(|q| (q.text.as_str(), q.start)));
    for (text, start) in items {
        let shown = smarten(text, &brief.language);
        let Some(block) = blocks[..blocks.len()].iter().find(|b| b.contains(shown.as_str()) && !b.starts_with('¶'))
        else {
            continue;
        };
        let n = paragraph_of(start.unwrap()).unwrap();
        let marker = format!("(¶{n})");
        assert!(block.contains(&marker), "{place}: “{shown}” has no {marker}: {block}");
        markers.push(marker);
        // Its paragraph in the appendix marks the span in bold.
        let paragraph = appendix
            .split("\n\n")
            .find(|p| p.starts_with(&format!("<a id=\"source-p{n}\"></a>")))
            .unwrap_or_else(|| panic!("{place}: no ¶{n} in the appendix"));
        let strong: Vec<String> = strong_texts(paragraph);
        assert!(
            strong.iter().any(|s| s.contains(shown.trim()) || shown.contains(s.as_str())),
            "{place}: ¶{n} does not mark “{shown}”: {strong:?}"
        );
    }
    markers
}

fn strong_texts(markdown: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Strong) => {
                depth += 1;
                out.push(String::new());
            }
            Event::End(TagEnd::Strong) => depth -= 1,
            Event::Text(t) if depth > 0 => out.last_mut().unwrap().push_str(&t),
            _ => {}
        }
    }
    out
}

fn without_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn count_markers(text: &str) -> usize {
    text.matches("(¶").count()
}

#[test]
fn paragraph_citations_mark_every_finding_and_quote_in_every_format() {
    let library = Library::new(None);
    let dir = tempfile::tempdir().unwrap();
    let mut paths = vec![common::seed_path()];
    paths.extend(common::corpus_files("en-quotes").into_iter().step_by(20));
    // Word files go through LibreOffice in one run at the end.
    let mut word_files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut word_markers: Vec<usize> = Vec::new();
    for path in paths {
        let mut brief = brief_of(&path);
        brief.citations = Some(Citations { style: CitationStyle::Paragraph, appendix: true });
        for template in PARAGRAPH_CITING {
            let resolved = library.resolve(template).unwrap();
            let place = format!("{} with {template}", path.display());
            let markdown = export::markdown(&library, &resolved, &brief, "en").unwrap();
            let markers = check_citations(&brief, &markdown, &place);
            if *template != "sitrep" {
                assert!(!markers.is_empty(), "{place}: nothing cited:\n{markdown}");
            }
            let expected: usize = prose_blocks(&markdown).iter().map(|b| count_markers(b)).sum();

            let html = export::html(&library, &resolved, &brief, &markdown, None).unwrap();
            assert_eq!(count_markers(&without_tags(&html)), expected, "{place}: HTML markers");
            assert!(html.contains("href=\"#source-p") && html.contains("id=\"source-p1\""), "{place}: HTML links");

            let text = export::text(&markdown);
            assert_eq!(count_markers(&text), expected, "{place}: text markers");

            let pdf = export::pdf(&library, &resolved, &brief, "en", &markdown, None, false).unwrap();
            let pdf_path = dir.path().join("brief.pdf");
            std::fs::write(&pdf_path, &pdf.bytes).unwrap();
            let out = std::process::Command::new("pdftotext").arg(&pdf_path).arg("-").output().expect("pdftotext");
            let pdf_text = String::from_utf8_lossy(&out.stdout);
            assert_eq!(count_markers(&pdf_text), expected, "{place}: PDF markers");
            let internal = pdf_links(&pdf.bytes);
            assert!(internal >= expected, "{place}: {internal} links inside the PDF for {expected} markers");

            let docx = export::docx(&library, &resolved, &brief, "en", &markdown, None).unwrap();
            word_files.push((format!("brief-{}", word_files.len()), docx));
            word_markers.push(expected);
        }
    }
    let texts = common::libreoffice_text(&word_files);
    for ((name, _), expected) in word_files.iter().zip(word_markers) {
        assert_eq!(count_markers(&texts[name]), expected, "{name}: Word markers");
    }
}

/// How many link annotations of a PDF lead to a place inside it, and none
/// is left pointing at a `#` web address.
fn pdf_links(bytes: &[u8]) -> usize {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let mut inside = 0;
    for (_, page) in doc.get_pages() {
        let Ok(dict) = doc.get_dictionary(page) else { continue };
        let Ok(annots) = dict.get(b"Annots").and_then(lopdf::Object::as_array) else { continue };
        for annot in annots {
            let annot = match annot {
                lopdf::Object::Reference(id) => doc.get_dictionary(*id).unwrap(),
                lopdf::Object::Dictionary(d) => d,
                _ => continue,
            };
            if annot.has(b"Dest") {
                inside += 1;
            }
            if let Ok(uri) = annot.get(b"A").and_then(lopdf::Object::as_dict).and_then(|a| a.get(b"URI")) {
                assert!(!uri.as_str().unwrap().starts_with(b"#"), "a # link left as a web link");
            }
        }
    }
    inside
}

#[test]
fn footnotes_number_each_cited_item_once_and_list_the_notes() {
    let library = Library::new(None);
    let mut brief = brief_of(&common::seed_path());
    brief.citations = Some(Citations { style: CitationStyle::Footnote, appendix: false });
    let markdown = export::markdown(&library, &library.resolve("quote-sheet").unwrap(), &brief, "vi").unwrap();
    let shown = brief.quotes.iter().filter(|q| q.included).count();
    for n in 1..=shown {
        assert!(markdown.contains(&format!("[\\[{n}\\]](#note-{n})")), "no note marker {n}:\n{markdown}");
        assert!(markdown.contains(&format!("{n}. <a id=\"note-{n}\"></a>¶")), "no note {n}:\n{markdown}");
    }
    assert!(!markdown.contains(&format!("#note-{}", shown + 1)), "{markdown}");
    assert!(markdown.contains("## Chú thích") && !markdown.contains("source-p"), "{markdown}");
}
