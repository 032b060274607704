//! Word briefs: opened by LibreOffice (headless) and read back as text, and
//! unpacked to check that they are made of Word's own styles, numbering,
//! fields and properties.

mod common;

use std::collections::BTreeMap;
use std::io::Read;

use briefsmith::analyze::{EntityKind, QuoteKind};
use briefsmith::brief::Brief;
use briefsmith::render::docx::render;
use briefsmith::render::DocumentInfo;
use briefsmith::template::{Library, PageSize};
use quick_xml::events::Event;
use quick_xml::XmlVersion;
use unicode_normalization::UnicodeNormalization;

const TEMPLATES: [&str; 4] = ["bluf", "sitrep", "quote-sheet", "one-pager"];
/// 2025-12-01T00:00:00Z.
const EPOCH: &str = "1764547200";

/// Every test renders at the same fixed time, so setting it from any of them is harmless.
fn fixed_time() {
    std::env::set_var("SOURCE_DATE_EPOCH", EPOCH);
}

fn seed_brief() -> Brief {
    let mut brief = common::seed_brief();
    brief.analyst.assessment = "NATO sẽ tiếp tục tìm cách đối thoại với Trung Quốc.".into();
    brief.analyst.recommendations = vec!["Theo dõi hội nghị tiếp theo.".into(), "Báo cáo bàn khu vực.".into()];
    brief.source.url = "https://example.org/news/item?id=1&lang=vi".into();
    brief
}

/// The seed brief through a built-in template, as Markdown and as a Word file.
fn seed_docx(brief: &Brief, template: &str, locale: &str) -> (String, Vec<u8>) {
    fixed_time();
    let library = Library::new(None);
    let resolved = library.resolve(template).unwrap();
    let markdown = briefsmith::export::markdown(&library, &resolved, brief, locale).unwrap();
    let docx = briefsmith::export::docx(&library, &resolved, brief, locale, &markdown, None).unwrap();
    (markdown, docx)
}

/// The parts of a .docx, by name.
fn unzip(docx: &[u8]) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a ZIP archive");
    let mut parts = BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let mut text = String::new();
        file.read_to_string(&mut text).unwrap_or_else(|e| panic!("{}: {e}", file.name()));
        parts.insert(file.name().to_owned(), text);
    }
    parts
}

/// Whole-document XML checks: well-formed to the end.
fn assert_well_formed(name: &str, xml: &str) {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut depth = 0i64;
    loop {
        match reader.read_event() {
            Ok(Event::Start(_)) => depth += 1,
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{name} is not well-formed XML: {e}"),
        }
    }
    assert_eq!(depth, 0, "{name}: unbalanced elements");
}

/// The values of `attribute` on every `<element>` in `xml`.
fn attribute_values(xml: &str, element: &str, attribute: &str) -> Vec<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut values = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.name().as_ref() == element.as_bytes() => {
                for a in e.attributes().flatten() {
                    if a.key.as_ref() == attribute.as_bytes() {
                        values.push(
                            a.decoded_and_normalized_value(XmlVersion::Explicit1_0, reader.decoder())
                                .unwrap()
                                .into_owned(),
                        );
                    }
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{e}"),
        }
    }
    values
}

/// styles.xml as styleId → (type, name).
fn style_table(styles: &str) -> BTreeMap<String, (String, String)> {
    let mut reader = quick_xml::Reader::from_str(styles);
    let mut table = BTreeMap::new();
    let mut current: Option<(String, String)> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.name().as_ref() == b"w:style" => {
                let get = |key: &[u8]| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == key)
                        .map(|a| {
                            a.decoded_and_normalized_value(XmlVersion::Explicit1_0, reader.decoder())
                                .unwrap()
                                .into_owned()
                        })
                        .unwrap_or_default()
                };
                current = Some((get(b"w:styleId"), get(b"w:type")));
            }
            Ok(Event::Empty(e)) if e.name().as_ref() == b"w:name" => {
                if let Some((id, kind)) = current.take() {
                    let name = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == b"w:val")
                        .map(|a| {
                            a.decoded_and_normalized_value(XmlVersion::Explicit1_0, reader.decoder())
                                .unwrap()
                                .into_owned()
                        })
                        .unwrap_or_default();
                    assert!(table.insert(id.clone(), (kind, name)).is_none(), "style {id} is defined twice");
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{e}"),
        }
    }
    table
}

/// Text for comparison: NFC, quotation marks dropped (Word and LibreOffice
/// may curl or straighten them), runs of whitespace as one space.
fn normalized(text: &str) -> String {
    let text: String = text.nfc().filter(|c| !matches!(c, '"' | '“' | '”' | '„' | '«' | '»')).collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What each built-in template shows of the brief, as the PDF tests expect it.
fn expected_items(brief: &Brief, template: &str) -> Vec<(&'static str, String)> {
    let mut items = Vec::new();
    if template != "quote-sheet" {
        items.extend(brief.key_points.iter().filter(|k| k.included).map(|k| ("key point", k.text.clone())));
    }
    let direct = brief.quotes.iter().filter(|q| q.included && q.kind == QuoteKind::Direct);
    match template {
        "bluf" => items.extend(direct.take(5).map(|q| ("quote", q.text.clone()))),
        "quote-sheet" => {
            items.extend(brief.quotes.iter().filter(|q| q.included).map(|q| ("quote", q.text.clone())));
        }
        "sitrep" => items.extend(
            brief
                .entities
                .iter()
                .filter(|e| {
                    e.included && matches!(e.kind, EntityKind::Person | EntityKind::Organization | EntityKind::Location)
                })
                .map(|e| ("entity", e.text.clone())),
        ),
        _ => {}
    }
    items
}

#[test]
fn libreoffice_opens_every_template_with_every_item() {
    let brief = seed_brief();
    assert!(brief.key_points.iter().any(|k| k.included) && brief.quotes.iter().any(|q| q.kind == QuoteKind::Direct));
    let mut files = Vec::new();
    for template in TEMPLATES {
        for locale in ["vi", "en"] {
            files.push((format!("{template}-{locale}"), seed_docx(&brief, template, locale).1));
        }
    }
    let texts = common::libreoffice_text(&files);
    for template in TEMPLATES {
        let items = expected_items(&brief, template);
        assert!(items.len() >= 3, "{template}: too little to check: {items:?}");
        for locale in ["vi", "en"] {
            let name = format!("{template}-{locale}");
            let text = normalized(&texts[&name]);
            for (what, item) in &items {
                assert!(text.contains(&normalized(item)), "{name}: missing {what}: {item}\n--- text:\n{text}");
            }
            assert!(text.contains(&normalized(&brief.title)), "{name}: the title");
            assert!(text.contains("NỘI BỘ"), "{name}: the marking");
            // The fields, updated by LibreOffice: "Trang 1 / 2", "Page 1 of 2".
            let pages = if locale == "vi" { "Trang 1 /" } else { "Page 1 of" };
            assert!(text.contains(pages), "{name}: page numbers\n{text}");
            assert!(!text.contains('\u{FFFD}'), "{name}: replacement characters");
        }
    }
    // The Vietnamese labels reached the document, not only the brief's text.
    assert!(normalized(&texts["bluf-vi"]).contains("Kết luận chính"));
    assert!(normalized(&texts["bluf-en"]).contains("Bottom line"));
}

/// Word's built-in styles, by styleId: (type, name).
const BUILT_IN: [(&str, &str, &str); 12] = [
    ("Normal", "paragraph", "Normal"),
    ("Title", "paragraph", "Title"),
    ("Heading1", "paragraph", "heading 1"),
    ("Heading2", "paragraph", "heading 2"),
    ("Heading3", "paragraph", "heading 3"),
    ("ListBullet", "paragraph", "List Bullet"),
    ("ListNumber", "paragraph", "List Number"),
    ("Quote", "paragraph", "Quote"),
    ("Header", "paragraph", "header"),
    ("Footer", "paragraph", "footer"),
    ("Hyperlink", "character", "Hyperlink"),
    ("TableGrid", "table", "Table Grid"),
];

#[test]
fn styles_in_use_are_words_built_ins_and_defined() {
    let brief = seed_brief();
    let mut used_anywhere = BTreeMap::new();
    for template in TEMPLATES {
        let (_, docx) = seed_docx(&brief, template, "vi");
        let parts = unzip(&docx);
        for (name, xml) in parts.iter().filter(|(n, _)| n.ends_with(".xml") || n.ends_with(".rels")) {
            assert_well_formed(&format!("{template}: {name}"), xml);
        }
        let styles = style_table(&parts["word/styles.xml"]);
        for (id, kind, name) in BUILT_IN {
            assert_eq!(styles.get(id), Some(&(kind.to_owned(), name.to_owned())), "{template}: style {id}");
        }
        let mut used = Vec::new();
        for part in parts.keys().filter(|n| n.starts_with("word/") && !n.contains("styles")) {
            for (element, kind) in [("w:pStyle", "paragraph"), ("w:rStyle", "character"), ("w:tblStyle", "table")] {
                for id in attribute_values(&parts[part], element, "w:val") {
                    used.push((id, kind));
                }
            }
        }
        assert!(!used.is_empty(), "{template}: no styles used");
        for (id, kind) in &used {
            let defined = styles.get(id).unwrap_or_else(|| panic!("{template}: {id} is used but not defined"));
            assert_eq!(defined.0, *kind, "{template}: {id} is a {} style", defined.0);
            used_anywhere.insert(id.clone(), ());
        }
        // Bullets and numbers come from numbering definitions, not typed characters.
        let numbering = &parts["word/numbering.xml"];
        let abstracts: BTreeMap<String, String> = attribute_values(numbering, "w:num", "w:numId")
            .into_iter()
            .zip(attribute_values(numbering, "w:abstractNumId", "w:val"))
            .collect();
        for num in attribute_values(&parts["word/document.xml"], "w:numId", "w:val") {
            assert!(abstracts.contains_key(&num), "{template}: numbering {num} is not defined");
        }
        let document = &parts["word/document.xml"];
        assert!(!document.contains(">• ") && !document.contains(">•<"), "{template}: a typed bullet");
    }
    for id in ["Title", "Heading1", "ListBullet", "ListNumber", "Quote", "TableGrid", "Header", "Footer", "Hyperlink"] {
        assert!(used_anywhere.contains_key(id), "no built-in template uses {id}: {used_anywhere:?}");
    }
    let (_, docx) = seed_docx(&brief, "sitrep", "vi");
    let parts = unzip(&docx);
    let numbering = &parts["word/numbering.xml"];
    assert!(numbering.contains(r#"w:val="bullet""#) && numbering.contains(r#"w:val="decimal""#));
    let styles = &parts["word/styles.xml"];
    assert!(styles.contains(r#"<w:rFonts w:ascii="Noto Sans""#), "Normal's font");
    assert!(styles.contains(r#"<w:lang w:val="vi""#), "the proofing language");
    assert!(styles.contains(r#"<w:tblStylePr w:type="firstRow"><w:rPr><w:b/>"#), "the table's header row in bold");
    assert!(parts["word/fontTable.xml"].contains(r#"<w:altName w:val="Arial"/>"#), "the fallback font");
}

#[test]
fn header_footer_and_properties() {
    let brief = seed_brief();
    for (locale, label) in [("vi", "Trang"), ("en", "Page")] {
        let (_, docx) = seed_docx(&brief, "sitrep", locale);
        let parts = unzip(&docx);
        let header = &parts["word/header1.xml"];
        let footer = &parts["word/footer1.xml"];
        assert!(header.contains("NỘI BỘ"), "{header}");
        assert!(header.contains(&format!("SITREP · {}", brief.title)), "the manifest's header line: {header}");
        let instructions: Vec<String> = {
            let mut reader = quick_xml::Reader::from_str(footer);
            let mut inside = false;
            let mut found = Vec::new();
            loop {
                match reader.read_event().unwrap() {
                    Event::Start(e) if e.name().as_ref() == b"w:instrText" => inside = true,
                    Event::End(e) if e.name().as_ref() == b"w:instrText" => inside = false,
                    Event::Text(t) if inside => found.push(t.decode().unwrap().trim().to_owned()),
                    Event::Eof => break,
                    _ => {}
                }
            }
            found
        };
        assert_eq!(instructions, ["PAGE", "NUMPAGES"], "{footer}");
        assert_eq!(attribute_values(footer, "w:fldChar", "w:fldCharType"), ["begin", "separate", "end"].repeat(2));
        assert!(footer.contains(&format!(">{label} <")), "{footer}");
        assert!(footer.contains("NỘI BỘ"), "the banner in the footer: {footer}");
        // Every section points at the header and footer.
        let document = &parts["word/document.xml"];
        assert!(document.contains("<w:headerReference") && document.contains("<w:footerReference"));
        // Page 1 has its own header, the marking without the title right above the title.
        assert!(document.contains("<w:titlePg") && document.contains(r#"w:type="first""#), "{document}");
        let first = parts
            .iter()
            .filter(|(name, _)| name.starts_with("word/header"))
            .find(|(_, xml)| !xml.contains("SITREP"))
            .map(|(_, xml)| xml)
            .expect("a first-page header");
        assert!(first.contains("NỘI BỘ"), "{first}");

        let core = &parts["docProps/core.xml"];
        assert!(core.contains(&format!("<dc:title>{}</dc:title>", brief.title)), "{core}");
        assert!(core.contains("<dc:creator>Lê Minh</dc:creator>"), "{core}");
        assert!(core.contains("<dc:language>vi</dc:language>"), "the brief's language, not the locale's: {core}");
        assert!(core.contains("<dc:subject>Situation report"), "{core}");
        assert!(core.contains("<cp:keywords>") && core.contains("NATO"), "{core}");
        assert!(core.contains(r#"<dcterms:created xsi:type="dcterms:W3CDTF">2025-12-01T00:00:00Z</dcterms:created>"#));
        assert!(core.contains(r#"<dcterms:modified xsi:type="dcterms:W3CDTF">2025-12-01T00:00:00Z</dcterms:modified>"#));
        assert!(parts["docProps/app.xml"].contains("<Application>Briefsmith</Application>"));
    }
}

#[test]
fn same_brief_same_bytes() {
    let brief = seed_brief();
    let (_, first) = seed_docx(&brief, "bluf", "vi");
    // Other documents in between must not shift ids drawn from counters.
    let _ = seed_docx(&brief, "sitrep", "en");
    let _ = seed_docx(&brief, "quote-sheet", "vi");
    let (_, again) = seed_docx(&brief, "bluf", "vi");
    assert!(first == again, "the same brief gave different bytes");
    let from_thread = std::thread::spawn(move || seed_docx(&brief, "bluf", "vi").1).join().unwrap();
    assert!(first == from_thread, "another thread gave different bytes");
    // Many links: docx-rs gathers them in a hash map, whose order changes.
    let links: String = (0..40).map(|i| format!("[link {i}](https://example.org/{i}) ")).collect();
    fixed_time();
    let once = render(&links, &options()).unwrap();
    for _ in 0..3 {
        assert!(once == render(&links, &options()).unwrap(), "links gave different bytes");
    }
}

fn options() -> DocumentInfo {
    DocumentInfo {
        title: "Bản tin thử nghiệm".into(),
        author: "Lê Minh".into(),
        page_label: "Page".into(),
        of_label: "of".into(),
        language: "en".into(),
        ..Default::default()
    }
}

fn document_of(markdown: &str, options: &DocumentInfo) -> String {
    fixed_time();
    unzip(&render(markdown, options).unwrap()).remove("word/document.xml").unwrap()
}

#[test]
fn links_bookmarks_and_raw_html() {
    let markdown = "# T\n\nSee [¶3](#source-p3), [gone](#nowhere) and [site](https://example.org/a?b=1&c=2).\n\n\
                    <div>dropped block</div>\n\n<a id=\"source-p3\"></a>Third paragraph <b>bold tag</b>.\n";
    fixed_time();
    let parts = unzip(&render(markdown, &options()).unwrap());
    let document = &parts["word/document.xml"];
    assert_eq!(attribute_values(document, "w:bookmarkStart", "w:name"), ["source-p3"]);
    assert_eq!(
        attribute_values(document, "w:bookmarkStart", "w:id"),
        attribute_values(document, "w:bookmarkEnd", "w:id")
    );
    assert_eq!(attribute_values(document, "w:hyperlink", "w:anchor"), ["source-p3"], "only the existing bookmark");
    let ids = attribute_values(document, "w:hyperlink", "r:id");
    assert_eq!(ids.len(), 1, "{document}");
    let rels = &parts["word/_rels/document.xml.rels"];
    let targets: BTreeMap<String, String> = attribute_values(rels, "Relationship", "Id")
        .into_iter()
        .zip(attribute_values(rels, "Relationship", "Target"))
        .collect();
    assert_eq!(targets.get(&ids[0]).map(String::as_str), Some("https://example.org/a?b=1&c=2"), "{rels}");
    assert!(rels.contains(r#"TargetMode="External""#));
    assert!(document.contains(">gone<"), "a link to nowhere keeps its text");
    assert!(!document.contains("dropped block") && !document.contains("&lt;b&gt;") && !document.contains("<b>"));
    assert!(document.contains("bold tag"), "the text around ignored tags stays");
}

#[test]
fn inline_styles_breaks_rules_and_images() {
    let markdown = "**bold** *italic* ~~struck~~ `code`  \nafter break\n\n---\n\n![a picture](p.png) caption\n\n\
                    1. one\n2. two\n\n- a\n  - nested\n\n> “Words”\\\n> — Speaker\n\n| H1 | H2 |\n| --- | --- |\n| a | b |\n";
    let document = document_of(markdown, &options());
    for (text, property) in [("bold", "<w:b />"), ("italic", "<w:i />"), ("struck", "<w:strike />")] {
        let at = document.find(&format!(">{text}<")).unwrap_or_else(|| panic!("{text}: {document}"));
        let run = &document[document[..at].rfind("<w:r>").unwrap()..at];
        assert!(run.contains(property), "{text} without {property}: {run}");
    }
    assert!(document.contains(r#"<w:rStyle w:val="HTMLCode" />"#));
    assert!(document.contains(r#"<w:br w:type="textWrapping" />"#), "the hard break");
    assert!(document.contains(r#"<w:bottom w:val="single""#), "the rule");
    assert!(!document.contains("a picture") && document.contains("caption"), "images dropped, text kept");
    assert_eq!(
        attribute_values(&document, "w:pStyle", "w:val"),
        ["ListNumber", "ListNumber", "ListBullet", "ListBullet", "Quote", "Quote"],
        "the attribution is a Quote paragraph of its own"
    );
    assert_eq!(attribute_values(&document, "w:ilvl", "w:val"), ["0", "0", "0", "1"], "the nested bullet's level");
    assert!(document.contains(r#"<w:tblStyle w:val="TableGrid" />"#));
    let rows: Vec<&str> = document.split("<w:tr>").skip(1).collect();
    assert_eq!(rows.len(), 2);
    assert!(rows[0].contains("<w:tblHeader />") && !rows[1].contains("<w:tblHeader"), "the header row repeats");
    assert!(rows[0].contains(r#"<w:shd w:val="clear" w:color="auto" w:fill="EBF0F7" />"#), "the header row's shade");
    assert!(rows[0].contains("<w:b />") && !rows[1].contains("<w:b />"), "the header row in bold");
}

#[test]
fn titles_and_headings_by_level() {
    let document = document_of("# Brief\n\n## One\n\n### Two\n\n#### Three\n\n# Another top\n", &options());
    assert_eq!(
        attribute_values(&document, "w:pStyle", "w:val"),
        ["Title", "Heading1", "Heading2", "Heading3", "Heading1"]
    );
}

#[test]
fn marking_line_dropped_only_when_the_banner_carries_it() {
    let markdown = "**SECRET**\n\n# Brief\n\nBody.\n";
    let mut o = options();
    o.classification = "SECRET".into();
    o.page.classification_banner = true;
    let with_banner = document_of(markdown, &o);
    assert!(!with_banner.contains("SECRET"), "{with_banner}");
    o.page.classification_banner = false;
    let without = document_of(markdown, &o);
    assert!(without.contains(">SECRET<"), "{without}");
    fixed_time();
    let parts = unzip(&render(markdown, &o).unwrap());
    assert!(parts["word/header1.xml"].contains(">SECRET<"), "the header always carries the marking");
    assert!(!parts["word/footer1.xml"].contains("SECRET"), "the footer only with the banner");
}

#[test]
fn page_size_and_margins_from_the_settings() {
    let mut o = options();
    o.page.page_size = PageSize::Letter;
    o.page.margins_mm.top = 25.4;
    o.page.margins_mm.left = 12.7;
    let document = document_of("Body.\n", &o);
    assert!(document.contains(r#"<w:pgSz w:w="12240" w:h="15840""#), "{document}");
    assert!(document.contains(r#"w:top="1440""#) && document.contains(r#"w:left="720""#), "{document}");
    o.page.page_size = PageSize::A4;
    assert!(document_of("Body.\n", &o).contains(r#"<w:pgSz w:w="11906" w:h="16838""#));
}

#[test]
fn decomposed_input_gives_the_composed_document() {
    let markdown = "# Người đứng đầu NATO\n\nÔng Stoltenberg cho biết Trung Quốc đặt ra thách thức.\n";
    let nfd: String = markdown.nfd().collect();
    assert_ne!(markdown, nfd);
    let composed = document_of(markdown, &options());
    assert_eq!(composed, document_of(&nfd, &options()));
    assert!(composed.contains("thách thức"));
}

#[test]
fn hostile_markdown_still_gives_a_document() {
    let deep = "> ".repeat(200) + "deep\n";
    let lists = (0..40).map(|i| format!("{}- item {i}\n", "  ".repeat(i))).collect::<String>();
    let inputs = [
        String::new(),
        "\u{0}\u{1}\u{b}control\u{1f} characters\u{FFFF}\n".to_owned(),
        deep,
        lists,
        "| a |\n| - |\n| 1 | 2 | 3 |\n".to_owned(),
        "<a id=\"\"></a><a id=\"x&y\"></a>[l](#x&y) [j](javascript:alert(1))\n".to_owned(),
        "99999999999999999999. big\n".to_owned(),
        "<script>alert(1)</script>\n\n```\ncode <&>\n```\n".to_owned(),
    ];
    let mut files = Vec::new();
    for (i, markdown) in inputs.iter().enumerate() {
        fixed_time();
        let docx = render(markdown, &options()).unwrap_or_else(|e| panic!("input {i}: {e}"));
        for (name, xml) in unzip(&docx) {
            assert_well_formed(&format!("input {i}: {name}"), &xml);
        }
        files.push((format!("hostile-{i}"), docx));
    }
    let odd_names = unzip(&files[5].1).remove("word/document.xml").unwrap();
    assert_eq!(attribute_values(&odd_names, "w:bookmarkStart", "w:name"), ["x&y"], "escaped once: {odd_names}");
    assert_eq!(attribute_values(&odd_names, "w:hyperlink", "w:anchor"), ["x&y"], "{odd_names}");
    assert!(!odd_names.contains("javascript"), "{odd_names}");
    let texts = common::libreoffice_text(&files);
    assert!(normalized(&texts["hostile-1"]).contains("control characters"));
    assert!(normalized(&texts["hostile-7"]).contains("code <&>"));
}
