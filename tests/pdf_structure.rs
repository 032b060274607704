//! The PDF as assistive technology and archives read it: the tag tree read
//! back through pdf.js (Firefox's viewer) in the Markdown's order, page
//! furniture marked as artifacts, and PDF/A-2b's metadata, output intent and
//! embedded fonts read back with lopdf and poppler.

mod common;

use std::process::Command;

use briefsmith::render::pdf::{render, PdfOptions};
use briefsmith::render::DocumentInfo;
use briefsmith::template::typography::smarten;
use lopdf::Document;

fn options() -> PdfOptions {
    let document = DocumentInfo {
        title: "Harbour brief".into(),
        author: "Mira Castell".into(),
        subject: "Ports of the Calderra coast".into(),
        keywords: vec!["Calderra".into(), "ports & ferries".into()],
        page_label: "Page".into(),
        of_label: "of".into(),
        language: "en".into(),
        ..Default::default()
    };
    PdfOptions { document, ..Default::default() }
}

/// Each structure element holding text, as (role, text, its ancestors' roles joined by '/').
fn structure(read: &serde_json::Value) -> Vec<(String, String, String)> {
    read["structure"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| {
            let ancestors: Vec<&str> = entry[2].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect();
            (entry[0].as_str().unwrap().to_owned(), entry[1].as_str().unwrap().to_owned(), ancestors.join("/"))
        })
        .collect()
}

/// What a poppler tool prints for `pdf`.
fn poppler(tool: &str, pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brief.pdf");
    std::fs::write(&path, pdf).unwrap();
    // pdftotext writes to the file named after the PDF, or to "-": standard output.
    let to_stdout: &[&str] = if tool == "pdftotext" { &["-enc", "UTF-8"] } else { &[] };
    let output = Command::new(tool)
        .args(to_stdout)
        .arg(&path)
        .args(if tool == "pdftotext" { &["-"][..] } else { &[][..] })
        .output()
        .unwrap_or_else(|e| panic!("{tool} is missing ({e}); scripts/setup.sh installs poppler-utils"));
    assert!(output.status.success(), "{tool}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn every_block_of_the_markdown_is_tagged_in_reading_order() {
    let markdown = "# Harbour brief\n\n\
                    The ferry to Port Allaway resumed on **Monday**.\n\n\
                    ## Key findings\n\n\
                    1. Three ferries run daily.\n\n   Bicycles ride free.\n\
                    2. The pier holds:\n    - cars\n    - cyclists\n\n\
                    > “We are open again,” said the harbour master.\n\n\
                    | Route | Crossings |\n| --- | --- |\n| Allaway | 6 |\n\n\
                    See [the timetable](https://example.org/timetable).\n";
    let pdf = render(markdown, &options()).unwrap();
    let read = common::read_in_pdfjs(&pdf.bytes);
    assert_eq!(read["tagged"], true);
    let expected = [
        ("H1", "Harbour brief", "Document"),
        ("P", "The ferry to Port Allaway resumed on Monday.", "Document"),
        ("H2", "Key findings", "Document"),
        ("Lbl", "1.", "Document/L/LI"),
        // A later paragraph of an item is more of its body, not another item.
        ("LBody", "Three ferries run daily. Bicycles ride free.", "Document/L/LI"),
        ("Lbl", "2.", "Document/L/LI"),
        ("LBody", "The pier holds:", "Document/L/LI"),
        // The nested list stands in the body of the item that holds it.
        ("Lbl", "◦", "Document/L/LI/LBody/L/LI"),
        ("LBody", "cars", "Document/L/LI/LBody/L/LI"),
        ("Lbl", "◦", "Document/L/LI/LBody/L/LI"),
        ("LBody", "cyclists", "Document/L/LI/LBody/L/LI"),
        ("BlockQuote", "“We are open again,” said the harbour master.", "Document"),
        ("TH", "Route", "Document/Table/TR"),
        ("TH", "Crossings", "Document/Table/TR"),
        ("TD", "Allaway", "Document/Table/TR"),
        ("TD", "6", "Document/Table/TR"),
        // A link is its own element inside the paragraph, holding its words and its annotation.
        ("P", "See .", "Document"),
        ("Link", "the timetable", "Document/P"),
    ];
    let expected: Vec<(String, String, String)> =
        expected.iter().map(|(r, t, a)| (r.to_string(), t.to_string(), a.to_string())).collect();
    assert_eq!(structure(&read), expected);
    // The page number is furniture a screen reader skips; no text is left untagged.
    assert_eq!(read["artifacts"], serde_json::json!(["Page 1 of 1"]));
    assert_eq!(read["untagged"], serde_json::json!([]));
    let info = poppler("pdfinfo", &pdf.bytes);
    assert!(info.contains("Tagged:          yes"), "{info}");
    let doc = Document::load_mem(&pdf.bytes).unwrap();
    assert_eq!(doc.catalog().unwrap().get(b"Lang").unwrap().as_str().unwrap(), b"en");
    // The link's annotation points back to its Link element through the parent tree.
    let page = doc.get_pages()[&1];
    let annotations = doc.get_dictionary(page).unwrap().get(b"Annots").unwrap().as_array().unwrap();
    let annotation = doc.get_dictionary(annotations[0].as_reference().unwrap()).unwrap();
    let key = annotation.get(b"StructParent").unwrap().as_i64().unwrap();
    let root = doc.catalog().unwrap().get(b"StructTreeRoot").unwrap().as_reference().unwrap();
    let numbers = doc
        .get_dictionary(root)
        .unwrap()
        .get(b"ParentTree")
        .unwrap()
        .as_dict()
        .unwrap()
        .get(b"Nums")
        .unwrap()
        .as_array()
        .unwrap()
        .clone();
    let at = numbers.iter().position(|n| n.as_i64().ok() == Some(key)).expect("the annotation's key");
    let link = numbers[at + 1].as_reference().unwrap();
    let element = doc.get_dictionary(link).unwrap();
    assert_eq!(element.get(b"S").unwrap().as_name().unwrap(), b"Link");
    // The paragraph reads its words before the link, the link, then the words
    // after it: three kids in that order, none nested in another.
    let paragraph = doc.get_dictionary(element.get(b"P").unwrap().as_reference().unwrap()).unwrap();
    let kids = paragraph.get(b"K").unwrap().as_array().unwrap();
    let shape: Vec<&str> = kids
        .iter()
        .map(|k| match k {
            lopdf::Object::Integer(_) => "content",
            lopdf::Object::Reference(r) if *r == link => "link",
            other => panic!("unexpected kid {other:?}"),
        })
        .collect();
    assert_eq!(shape, ["content", "link", "content"]);
}

#[test]
fn a_table_over_pages_repeats_its_header_as_an_artifact() {
    let mut markdown = String::from("| Row | Note |\n| --- | --- |\n");
    for i in 0..120 {
        markdown.push_str(&format!("| {i} | crossing {i} |\n"));
    }
    let pdf = render(&markdown, &options()).unwrap();
    assert!(pdf.pages > 1);
    let read = common::read_in_pdfjs(&pdf.bytes);
    let cells = structure(&read);
    let headers: Vec<&str> = cells.iter().filter(|c| c.0 == "TH").map(|c| c.1.as_str()).collect();
    assert_eq!(headers, ["Row", "Note"], "the header is content once");
    assert_eq!(cells.iter().filter(|c| c.0 == "TD").count(), 240);
    let artifacts: Vec<&str> = read["artifacts"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect();
    assert_eq!(artifacts.iter().filter(|a| **a == "Row").count(), pdf.pages - 1, "{artifacts:?}");
}

#[test]
fn the_seed_brief_is_tagged_with_its_furniture_as_artifacts() {
    let brief = common::seed_brief();
    for template in ["bluf", "sitrep", "quote-sheet", "one-pager"] {
        let (markdown, pdf) = common::seed_pdf_of(&brief, template);
        let read = common::read_in_pdfjs(&pdf.bytes);
        assert_eq!(read["untagged"], serde_json::json!([]), "{template}");
        let artifacts = read["artifacts"].to_string();
        assert!(artifacts.contains("NỘI BỘ") && artifacts.contains("Trang 1"), "{template}: {artifacts}");
        let elements = structure(&read);
        assert_eq!(elements[0].0, "H1", "{template}");
        // Every heading of the Markdown, in order, as a heading element.
        let headings: Vec<String> = markdown
            .lines()
            .filter(|l| l.starts_with('#'))
            .map(|l| smarten(l.trim_start_matches('#').trim(), "vi").replace(['*', '_'], ""))
            .collect();
        let tagged: Vec<String> = elements.iter().filter(|e| e.0.starts_with('H')).map(|e| e.1.clone()).collect();
        assert_eq!(tagged, headings, "{template}");
        // The key points are content, not furniture.
        let all: String = elements.iter().map(|e| e.1.as_str()).collect::<Vec<_>>().join(" ");
        if template != "quote-sheet" {
            for point in brief.key_points.iter().filter(|k| k.included) {
                let shown = smarten(&point.text, "vi").split_whitespace().collect::<Vec<_>>().join(" ");
                assert!(all.contains(&shown), "{template}: {shown}");
            }
        }
    }
}

/// A text string of the Info dictionary.
fn info_text(doc: &Document, key: &[u8]) -> String {
    let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let bytes = doc.get_dictionary(info).unwrap().get(key).unwrap().as_str().unwrap().to_vec();
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => {
            String::from_utf16(&utf16.chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect::<Vec<_>>()).unwrap()
        }
        None => String::from_utf8(bytes).unwrap(),
    }
}

/// The text of the first `<tag>…</tag>` in `xml`, inner markup removed.
fn xmp_field(xml: &str, tag: &str) -> String {
    let start = xml.find(&format!("<{tag}>")).unwrap_or_else(|| panic!("no {tag} in {xml}")) + tag.len() + 2;
    let end = start + xml[start..].find(&format!("</{tag}>")).unwrap();
    let mut text = String::new();
    let mut in_markup = false;
    for c in xml[start..end].chars() {
        match c {
            '<' => in_markup = true,
            '>' => in_markup = false,
            c if !in_markup => text.push(c),
            _ => {}
        }
    }
    text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
}

#[test]
fn pdf_a_states_its_conformance_with_the_info_dictionarys_values() {
    let mut options = options();
    options.document.page.pdf_a = true;
    // U+0378 is a code point no character has been given: no font can draw it.
    let markdown = "# Harbour brief\n\nSee [the timetable](https://example.org/timetable) — ขอบคุณ \u{378}.\n";
    let pdf = render(markdown, &options).unwrap();
    let doc = Document::load_mem(&pdf.bytes).unwrap();
    assert_eq!(doc.version, "1.7");
    let catalog = doc.catalog().unwrap();
    let metadata = doc.get_object(catalog.get(b"Metadata").unwrap().as_reference().unwrap()).unwrap();
    let stream = metadata.as_stream().unwrap();
    assert!(stream.dict.get(b"Filter").is_err(), "the metadata is readable as it is");
    let xmp = String::from_utf8(stream.content.clone()).unwrap();
    assert_eq!(xmp_field(&xmp, "pdfaid:part"), "2");
    assert_eq!(xmp_field(&xmp, "pdfaid:conformance"), "B");
    assert_eq!(xmp_field(&xmp, "dc:title"), info_text(&doc, b"Title"));
    assert_eq!(xmp_field(&xmp, "dc:title"), "Harbour brief");
    assert_eq!(xmp_field(&xmp, "dc:creator"), info_text(&doc, b"Author"));
    assert_eq!(xmp_field(&xmp, "dc:description"), info_text(&doc, b"Subject"));
    assert_eq!(xmp_field(&xmp, "pdf:Keywords"), info_text(&doc, b"Keywords"));
    assert_eq!(xmp_field(&xmp, "pdf:Keywords"), "Calderra, ports & ferries");
    assert_eq!(xmp_field(&xmp, "pdf:Producer"), info_text(&doc, b"Producer"));
    assert_eq!(xmp_field(&xmp, "xmp:CreatorTool"), info_text(&doc, b"Creator"));
    // D:20261207120000Z and 2026-12-07T12:00:00Z are the same moment.
    let created = info_text(&doc, b"CreationDate");
    let xmp_created: String = xmp_field(&xmp, "xmp:CreateDate").chars().filter(char::is_ascii_alphanumeric).collect();
    assert_eq!(format!("D:{}", xmp_created.replace('T', "")), created);

    let intents = catalog.get(b"OutputIntents").unwrap().as_array().unwrap();
    let intent = intents[0].as_dict().unwrap();
    assert_eq!(intent.get(b"S").unwrap().as_name().unwrap(), b"GTS_PDFA1");
    let profile = doc.get_object(intent.get(b"DestOutputProfile").unwrap().as_reference().unwrap()).unwrap();
    let mut profile = profile.as_stream().unwrap().clone();
    assert_eq!(profile.dict.get(b"N").unwrap().as_i64().unwrap(), 3);
    profile.decompress().unwrap();
    assert_eq!(&profile.content[36..40], b"acsp", "an ICC profile");

    // Links print; nothing is drawn with a glyph the fonts lack (U+0378 is left out and named).
    for page in doc.get_pages().into_values() {
        for annotation in doc.get_dictionary(page).unwrap().get(b"Annots").unwrap().as_array().unwrap() {
            let annotation = doc.get_dictionary(annotation.as_reference().unwrap()).unwrap();
            assert_eq!(annotation.get(b"F").unwrap().as_i64().unwrap(), 4);
        }
    }
    let warned = pdf.warnings.len() == 1 && pdf.warnings[0].contains("left out");
    assert!(warned && pdf.warnings[0].contains("U+0378"), "{:?}", pdf.warnings);
    let text = poppler("pdftotext", &pdf.bytes);
    assert!(text.contains("See the timetable — ขอบคุณ .") && !text.contains('\u{378}'), "{text}");
    let fonts = poppler("pdffonts", &pdf.bytes);
    for row in fonts.lines().skip(2) {
        assert_eq!(row.split_whitespace().nth(4), Some("yes"), "every font embedded: {row}");
    }
    let read = common::read_in_pdfjs(&pdf.bytes);
    assert_eq!(read["tagged"], true);
}

#[test]
fn the_brief_command_writes_pdf_a_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("brief.pdf");
    let seed = common::seed_path();
    let run = |extra: &[&str]| {
        let mut args = vec!["brief", seed.to_str().unwrap(), "--pdf", pdf.to_str().unwrap()];
        args.extend(extra);
        let output = common::briefsmith(&args);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        Document::load(&pdf).unwrap()
    };
    let plain = run(&[]);
    assert!(plain.catalog().unwrap().get(b"OutputIntents").is_err());
    assert!(plain.catalog().unwrap().get(b"StructTreeRoot").is_ok(), "every PDF is tagged");
    let archival = run(&["--pdf-a"]);
    assert!(archival.catalog().unwrap().get(b"OutputIntents").is_ok());
    // Without a PDF to write, the flag is a mistake, said as such.
    let output = common::briefsmith(&["brief", seed.to_str().unwrap(), "--pdf-a"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--pdf"));
}

#[test]
fn a_manifest_may_ask_for_pdf_a() {
    let manifest: briefsmith::template::Manifest =
        toml::from_str("name = \"archive\"\n[pdf]\npdf_a = true\n").expect("the setting parses");
    assert!(manifest.pdf.pdf_a);
    assert!(!briefsmith::template::Manifest::default().pdf.pdf_a);
}

/// The text-showing operands inside the page's paragraphs: each string's
/// glyph count (two bytes a glyph) and each number (a TJ offset), in order.
fn paragraph_text_operands(pdf: &[u8]) -> Vec<Result<usize, f32>> {
    let doc = Document::load_mem(pdf).unwrap();
    let page = doc.get_pages()[&1];
    let content = lopdf::content::Content::decode(&doc.get_page_content(page)).unwrap();
    let mut depth_in_paragraph = None;
    let mut depth = 0;
    let mut out = Vec::new();
    for op in content.operations {
        match op.operator.as_str() {
            "BDC" | "BMC" => {
                depth += 1;
                if op.operands.first().and_then(|o| o.as_name().ok()) == Some(b"P".as_slice()) {
                    depth_in_paragraph = Some(depth);
                }
            }
            "EMC" => {
                if depth_in_paragraph == Some(depth) {
                    depth_in_paragraph = None;
                }
                depth -= 1;
            }
            "Tj" | "TJ" if depth_in_paragraph.is_some() => {
                let items = match &op.operands[0] {
                    lopdf::Object::Array(items) => items.clone(),
                    other => vec![other.clone()],
                };
                for item in items {
                    match item {
                        lopdf::Object::String(bytes, _) => out.push(Ok(bytes.len() / 2)),
                        lopdf::Object::Real(n) => out.push(Err(n)),
                        lopdf::Object::Integer(n) => out.push(Err(n as f32)),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    out
}

#[test]
fn latin_is_kerned_and_ligated_as_the_font_says() {
    // Noto Sans kerns "AV" and "To": a TJ offset moves the second letter closer.
    let mut options = options();
    options.document.page.justify = false;
    let pdf = render("AV To\n", &options).unwrap();
    let operands = paragraph_text_operands(&pdf.bytes);
    let kerns: Vec<f32> = operands.iter().filter_map(|o| o.err()).collect();
    assert_eq!(kerns.len(), 2, "{operands:?}");
    assert!(kerns.iter().all(|&k| k > 10.0), "closer, not further: {kerns:?}");
    assert!(poppler("pdftotext", &pdf.bytes).contains("AV To"));
    // A template font with ligatures (DejaVu Sans) sets "office" in four glyphs,
    // and the text read back is still "office".
    let dejavu = dejavu::sans::regular().to_vec();
    options.fonts = vec![dejavu.clone(), dejavu.clone(), dejavu.clone(), dejavu];
    let pdf = render("office\n", &options).unwrap();
    let glyphs: usize = paragraph_text_operands(&pdf.bytes).iter().filter_map(|o| o.ok()).sum();
    assert_eq!(glyphs, 4);
    assert!(poppler("pdftotext", &pdf.bytes).contains("office"));
    common::read_in_pdfjs(&pdf.bytes);
}
