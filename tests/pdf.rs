//! PDF briefs read back with poppler (pdftotext, pdfinfo, pdffonts): the text
//! is exact and searchable, the document is valid, fonts are embedded, and
//! hostile layouts (huge words, long tables, empty briefs) still give PDFs.

mod common;

use std::path::Path;
use std::process::Command;

use briefsmith::brief::Brief;
use briefsmith::render::pdf::{render, Pdf, PdfOptions};
use briefsmith::render::DocumentInfo;
use briefsmith::template::typography::smarten;
use briefsmith::template::Library;
use unicode_normalization::UnicodeNormalization;

fn poppler(tool: &str, pdf: &[u8], extra: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brief.pdf");
    std::fs::write(&path, pdf).unwrap();
    let output = Command::new(tool)
        .args(extra)
        .arg(&path)
        .args(if tool == "pdftotext" { vec!["-"] } else { vec![] })
        .output()
        .unwrap_or_else(|e| panic!("{tool} is missing ({e}); scripts/setup.sh installs poppler-utils"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success() && stderr.trim().is_empty(), "{tool} complained: {stderr}");
    String::from_utf8(output.stdout).unwrap()
}

/// The PDF's text as one line of NFC words.
fn text_of(pdf: &[u8]) -> String {
    poppler("pdftotext", pdf, &["-enc", "UTF-8"]).split_whitespace().collect::<Vec<_>>().join(" ").nfc().collect()
}

fn options() -> PdfOptions {
    let document = DocumentInfo {
        title: "Bản tin thử nghiệm".into(),
        author: "Lê Minh".into(),
        page_label: "Trang".into(),
        of_label: "/".into(),
        ..Default::default()
    };
    PdfOptions { document, ..Default::default() }
}

fn seed_brief() -> Brief {
    let mut brief = common::seed_brief();
    brief.analyst.assessment = "NATO sẽ tiếp tục tìm cách đối thoại với Trung Quốc.".into();
    brief
}

fn seed_pdf(template: &str) -> (Brief, Pdf) {
    let brief = seed_brief();
    let (_, pdf) = common::seed_pdf_of(&brief, template);
    (brief, pdf)
}

#[test]
fn seed_brief_text_is_exact_in_every_template() {
    for template in ["bluf", "sitrep", "quote-sheet", "one-pager"] {
        let (brief, pdf) = seed_pdf(template);
        let text = text_of(&pdf.bytes).split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(pdf.warnings.is_empty(), "{template}: {:?}", pdf.warnings);
        // The brief shows the article's words with the language's typography.
        let shown = |text: &str| smarten(text, "vi").split_whitespace().collect::<Vec<_>>().join(" ");
        if template != "quote-sheet" {
            for point in brief.key_points.iter().filter(|k| k.included) {
                let sentence = shown(&point.text);
                assert!(text.contains(&sentence), "{template}: missing key point: {sentence}");
            }
        }
        if template == "bluf" || template == "quote-sheet" {
            for quote in brief.quotes.iter().filter(|q| q.kind == briefsmith::analyze::QuoteKind::Direct) {
                assert!(text.contains(&shown(&quote.text)), "{template}: missing quote: {}", quote.text);
            }
        }
        assert!(text.contains("NỘI BỘ"), "{template}: the classification banner");
        assert!(text.contains("Trang 1 /"), "{template}: localized page numbers");
    }
    let (_, pdf) = seed_pdf("bluf");
    let text = text_of(&pdf.bytes);
    assert!(text.contains("người đứng đầu NATO Jens Stoltenberg"));
    let (_, pdf) = seed_pdf("quote-sheet");
    assert!(text_of(&pdf.bytes).contains("thách thức mang tính hệ thống"));
}

#[test]
fn metadata_pages_and_fonts_read_back() {
    let (_, pdf) = seed_pdf("bluf");
    let info = poppler("pdfinfo", &pdf.bytes, &[]);
    assert!(info.contains("Title:           NATO đang thúc đẩy"), "{info}");
    assert!(info.contains("Author:          Lê Minh"), "{info}");
    assert!(info.contains("Producer:        Briefsmith"), "{info}");
    assert!(info.contains(&format!("Pages:           {}", pdf.pages)), "{info}");
    assert!(!info.contains("1970"), "a real creation date: {info}");
    let fonts = poppler("pdffonts", &pdf.bytes, &[]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty());
    for row in rows {
        // name, type (2 words), encoding, emb, sub, uni, object, generation
        let columns: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(
            (columns[3], columns[4], columns[6]),
            ("Identity-H", "yes", "yes"),
            "embedded with ToUnicode: {row}"
        );
    }
    assert!(pdf.bytes.len() <= 60 * 1024, "the seed brief is {} bytes: fonts not subset?", pdf.bytes.len());
}

#[test]
fn decomposed_input_renders_like_composed() {
    let markdown =
        "# Người đứng đầu NATO\n\nÔng Stoltenberg cho biết Trung Quốc đặt ra một số thách thức mang tính hệ thống.\n";
    let nfd: String = markdown.nfd().collect();
    let composed = text_of(&render(markdown, &options()).unwrap().bytes);
    let decomposed = text_of(&render(&nfd, &options()).unwrap().bytes);
    assert_eq!(composed, decomposed);
    assert!(composed.contains("thách thức mang tính hệ thống"));
}

#[test]
fn missing_glyphs_are_reported_not_silent() {
    // U+0378 is a code point no character has been given: no font can draw it.
    let pdf = render("# ข่าว 新闻\n\nThe minister said ขอบคุณ, \u{378} and 谢谢.\n", &options()).unwrap();
    assert_eq!(pdf.warnings.len(), 1);
    let warning = &pdf.warnings[0];
    assert!(warning.contains("U+0378"), "{warning}");
    // Thai and Chinese are drawn from fonts on the machine (scripts/setup.sh installs them).
    assert!(!warning.contains('ข') && !warning.contains('新') && !warning.contains('谢'), "{warning}");
    poppler("pdfinfo", &pdf.bytes, &[]);
}

#[test]
fn chinese_japanese_and_korean_are_drawn_from_the_machines_fonts() {
    let markdown = "# 港口简报\n\n渡轮于周一恢复运行。部长说：“我们重新开放了。”\n\n\
                    - 日本語のテキスト、カタカナ。\n- 한국어 문장도 있습니다.\n";
    let pdf = render(markdown, &options()).unwrap();
    assert!(pdf.warnings.is_empty(), "{:?}", pdf.warnings);
    let text = text_of(&pdf.bytes);
    for phrase in ["港口简报", "渡轮于周一恢复运行。", "日本語のテキスト、カタカナ。", "한국어 문장도 있습니다."]
    {
        assert!(text.contains(phrase), "{phrase} in {text}");
    }
    // The machine's font is embedded, cut down to the characters used.
    let fonts = poppler("pdffonts", &pdf.bytes, &[]);
    assert!(fonts.lines().skip(2).count() >= 2, "{fonts}");
    assert!(pdf.bytes.len() < 200 * 1024, "{} bytes: the fallback font was not subset", pdf.bytes.len());
    open_in_pdfjs(&pdf.bytes);
}

#[test]
fn hostile_layouts_still_give_valid_pdfs() {
    let long_word = "q".repeat(2000);
    let mut table = String::from("| Số liệu | Ngữ cảnh |\n| --- | --- |\n");
    for i in 0..300 {
        table.push_str(&format!("| {i} chính phủ | Hàng {i} của một bảng rất dài |\n"));
    }
    let cases = [
        ("long word", format!("# Tiêu đề\n\n{long_word}\n\nhttps://example.org/{}\n", "a/".repeat(400))),
        ("long table", table),
        ("empty", String::new()),
        ("only headings", "# Một\n\n## Hai\n\n### Ba\n\n#### Bốn\n".to_owned()),
        (
            "lists and rules",
            "- một\n  - hai\n    - ba\n\n1. bốn\n2. năm\n\n---\n\n> trích dẫn\\\n> — Ai đó\n".to_owned(),
        ),
    ];
    for (name, markdown) in cases {
        let pdf = render(&markdown, &options()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let info = poppler("pdfinfo", &pdf.bytes, &[]);
        assert!(info.contains("Pages:"), "{name}: {info}");
        if name == "long table" {
            let text = text_of(&pdf.bytes);
            assert!(pdf.pages > 3, "{name}: {} pages", pdf.pages);
            assert_eq!(text.matches("Số liệu Ngữ cảnh").count(), pdf.pages, "the header row repeats on every page");
            assert!(text.contains("299 chính phủ"));
        }
        if name == "long word" {
            let text = poppler("pdftotext", &pdf.bytes, &["-enc", "UTF-8"]);
            assert_eq!(text.matches('q').count(), 2000, "{name}: the word is broken, not cut");
        }
    }
}

#[test]
fn brief_command_writes_markdown_and_pdf_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("brief.md");
    let pdf = dir.path().join("brief.pdf");
    let seed = common::seed_path();
    let output = common::briefsmith(&[
        "brief",
        seed.to_str().unwrap(),
        "-o",
        md.to_str().unwrap(),
        "--pdf",
        pdf.to_str().unwrap(),
        "--set",
        "classification=NỘI BỘ",
    ]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(output.stdout.is_empty());
    assert!(std::fs::read_to_string(&md).unwrap().contains("## Kết luận chính"));
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(text_of(&bytes).contains("Kết luận chính"));
    assert!(Path::new(&pdf).metadata().unwrap().len() > 1000);
}

/// The outline's titles, depth first, with their depth.
fn outline_of(pdf: &[u8]) -> Vec<(usize, String)> {
    use lopdf::{Document, Object};
    let doc = Document::load_mem(pdf).unwrap();
    let root = doc.catalog().unwrap().get(b"Outlines").unwrap().as_reference().unwrap();
    let mut out = Vec::new();
    fn walk(doc: &Document, first: Option<lopdf::ObjectId>, depth: usize, out: &mut Vec<(usize, String)>) {
        let mut next = first;
        while let Some(id) = next {
            let item = doc.get_dictionary(id).unwrap();
            let bytes = item.get(b"Title").unwrap().as_str().unwrap();
            let units: Vec<u16> = bytes[2..].chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
            out.push((depth, String::from_utf16(&units).unwrap()));
            walk(doc, item.get(b"First").ok().and_then(|o| o.as_reference().ok()), depth + 1, out);
            next = item.get(b"Next").ok().and_then(|o: &Object| o.as_reference().ok());
        }
    }
    let first = doc.get_dictionary(root).unwrap().get(b"First").ok().and_then(|o| o.as_reference().ok());
    walk(&doc, first, 0, &mut out);
    out
}

#[test]
fn outline_follows_the_headings_in_order_and_links_are_clickable() {
    let markdown = "# Bản tin\n\n## Tóm tắt\n\nMột đoạn.\n\n## Bối cảnh\n\nXem [nguồn](https://example.org/a).\n\n### Điểm chính\n\n## Kiểm soát vũ khí\n\nHết.\n";
    let pdf = render(markdown, &options()).unwrap();
    assert_eq!(
        outline_of(&pdf.bytes),
        vec![
            (0, "Bản tin".to_owned()),
            (1, "Tóm tắt".to_owned()),
            (1, "Bối cảnh".to_owned()),
            (2, "Điểm chính".to_owned()),
            (1, "Kiểm soát vũ khí".to_owned()),
        ]
    );
    let doc = lopdf::Document::load_mem(&pdf.bytes).unwrap();
    let mut uris = Vec::new();
    for page in doc.get_pages().into_values() {
        let Ok(annotations) = doc.get_dictionary(page).unwrap().get(b"Annots").and_then(lopdf::Object::as_array) else {
            continue;
        };
        for annotation in annotations {
            let dict = match annotation {
                lopdf::Object::Reference(id) => doc.get_dictionary(*id).unwrap(),
                other => other.as_dict().unwrap(),
            };
            let uri = dict.get(b"A").unwrap().as_dict().unwrap().get(b"URI").unwrap().as_str().unwrap();
            uris.push(String::from_utf8_lossy(uri).into_owned());
        }
    }
    assert_eq!(uris, vec!["https://example.org/a".to_owned()]);
}

#[test]
fn the_fallback_face_draws_what_noto_sans_lacks() {
    let symbols = "⇒ ☑ ⌘ ∰";
    let fonts = printpdf::ParsedFont::from_bytes(notosans::REGULAR_TTF, 0, &mut Vec::new()).unwrap();
    assert!(symbols.chars().any(|c| !c.is_whitespace() && fonts.lookup_glyph_index(c as u32).is_none()));
    let pdf = render(&format!("# Ký hiệu\n\nXem {symbols} trong bản tin.\n"), &options()).unwrap();
    assert!(pdf.warnings.is_empty(), "{:?}", pdf.warnings);
    assert!(text_of(&pdf.bytes).contains(&format!("Xem {symbols} trong bản tin.")));
    let fonts = poppler("pdffonts", &pdf.bytes, &[]);
    assert!(fonts.lines().count() >= 4, "the fallback face is embedded too:\n{fonts}");
}

#[test]
fn a_template_may_name_its_own_fonts() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("serif");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("Serif.ttf"), dejavu::serif::regular()).unwrap();
    std::fs::write(folder.join("Serif-Bold.ttf"), dejavu::serif::bold()).unwrap();
    std::fs::write(
        folder.join("brief.md.j2"),
        "# {{ title }}\n\n{% for p in key_points %}\n- {{ p.text }}\n{% endfor %}\n",
    )
    .unwrap();
    let manifest = "name = \"serif\"\ndescription = \"Serif\"\n[pdf]\nfonts = [\"Serif.ttf\", \"Serif.ttf\", \"Serif-Bold.ttf\", \"Serif-Bold.ttf\"]\n";
    std::fs::write(folder.join("manifest.toml"), manifest).unwrap();
    let seed = common::seed_path();
    let out = dir.path().join("serif.pdf");
    let run = |template: &str| {
        common::briefsmith(&[
            "--templates-dir",
            dir.path().to_str().unwrap(),
            "brief",
            seed.to_str().unwrap(),
            "--template",
            template,
            "--pdf",
            out.to_str().unwrap(),
        ])
    };
    let output = run("serif");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let bytes = std::fs::read(&out).unwrap();
    assert!(text_of(&bytes).contains("NATO đang thúc đẩy"));
    // The manifest's files are really read: a broken one is a clear error, and
    // a path out of the folder is refused.
    std::fs::write(folder.join("Serif.ttf"), b"not a font").unwrap();
    let output = run("serif");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a TrueType or OpenType font"));
    std::fs::write(
        folder.join("manifest.toml"),
        manifest.replace("Serif.ttf\", \"Serif.ttf", "../x.ttf\", \"Serif.ttf"),
    )
    .unwrap();
    let output = run("serif");
    assert!(String::from_utf8_lossy(&output.stderr).contains("must be a file inside the template's folder"));
}

#[test]
fn a_template_may_name_fallback_fonts() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("symbols");
    std::fs::create_dir_all(&folder).unwrap();
    // DejaVu Sans Mono: its arrow is narrower than DejaVu Sans's, the built-in fallback's.
    std::fs::write(folder.join("Arrows.ttf"), dejavu::sans_mono::regular()).unwrap();
    std::fs::write(folder.join("brief.md.j2"), "# {{ title }}\n\nXem ⇒ trong bản tin.\n").unwrap();
    let seed = common::seed_path();
    let out = dir.path().join("symbols.pdf");
    let arrow_width = |manifest: &str| -> Result<f32, String> {
        std::fs::write(folder.join("manifest.toml"), format!("name = \"symbols\"\n{manifest}")).unwrap();
        let templates = dir.path().to_str().unwrap();
        let (seed, out) = (seed.to_str().unwrap(), out.to_str().unwrap());
        let run =
            common::briefsmith(&["--templates-dir", templates, "brief", seed, "--template", "symbols", "--pdf", out]);
        if !run.status.success() {
            return Err(String::from_utf8_lossy(&run.stderr).into_owned());
        }
        let pdf = std::fs::read(out).unwrap();
        assert!(text_of(&pdf).contains("Xem ⇒ trong bản tin."));
        let boxes = poppler("pdftotext", &pdf, &["-bbox"]);
        let arrow = boxes.lines().find(|l| l.ends_with(">⇒</word>")).unwrap().to_owned();
        let edge = |name: &str| -> f32 {
            arrow.split(&format!("{name}=\"")).nth(1).unwrap().split('"').next().unwrap().parse().unwrap()
        };
        Ok(edge("xMax") - edge("xMin"))
    };
    let built_in = arrow_width("").unwrap();
    let own = arrow_width("[pdf]\nfallback_fonts = [\"Arrows.ttf\"]\n").unwrap();
    assert!(own < built_in - 0.5, "the template's fallback draws the arrow: {own} against {built_in}");
    std::fs::write(folder.join("Arrows.ttf"), b"not a font").unwrap();
    let error = arrow_width("[pdf]\nfallback_fonts = [\"Arrows.ttf\"]\n").unwrap_err();
    assert!(error.contains("fallback font 1 is not a TrueType or OpenType font"), "{error}");
}

fn open_in_pdfjs(pdf: &[u8]) -> serde_json::Value {
    common::read_in_pdfjs(pdf)
}

#[test]
fn briefs_open_in_a_browser_viewer_without_warnings() {
    for template in ["bluf", "sitrep", "quote-sheet", "one-pager"] {
        let (brief, pdf) = seed_pdf(template);
        let read = open_in_pdfjs(&pdf.bytes);
        assert_eq!(read["pages"].as_u64(), Some(pdf.pages as u64), "{template}");
        assert_eq!(read["outline"][0].as_str(), Some(brief.title.as_str()), "{template}");
    }
}

#[test]
fn letter_pages_and_template_margins() {
    let mut letter = options();
    letter.document.page.page_size = briefsmith::template::PageSize::Letter;
    letter.document.page.margins_mm.left = 40.0;
    let pdf = render("# Letter\n\nA page in US Letter size.\n", &letter).unwrap();
    let info = poppler("pdfinfo", &pdf.bytes, &[]);
    assert!(info.contains("612 x 792 pts (letter)"), "{info}");
    let bbox = poppler("pdftotext", &pdf.bytes, &["-bbox"]);
    let x_min: f32 = bbox
        .lines()
        .find(|l| l.contains(">Letter<"))
        .and_then(|l| l.split("xMin=\"").nth(1))
        .and_then(|r| r.split('"').next())
        .and_then(|v| v.parse().ok())
        .expect("the heading's position");
    assert!((x_min - 40.0 * 72.0 / 25.4).abs() < 1.0, "left margin from the settings: {x_min}");
    open_in_pdfjs(&pdf.bytes);
}

#[test]
fn justified_english_is_hyphenated_where_a_line_would_gape() {
    // A narrow list item of long words: moved whole, each would leave its
    // line's spaces stretched wide.
    let words = "Internationalization responsibilities notwithstanding, telecommunications administrators \
                 characteristically misunderstand extraordinarily complicated authentication infrastructure \
                 considerations and organizational counterintelligence recommendations.";
    let markdown = format!("- a\n  - b\n    - c\n      - d\n        - {words}\n");
    let mut page = Library::new(None).resolve("bluf").unwrap().manifest.pdf;
    page.justify = true;
    let lines_of = |language: &str| {
        let mut options = options();
        options.document.page = page.clone();
        options.document.language = language.into();
        // Raw: poppler would otherwise join the hyphenated words itself.
        poppler("pdftotext", &render(&markdown, &options).unwrap().bytes, &["-enc", "UTF-8", "-raw"])
    };
    let english = lines_of("en");
    assert!(english.lines().any(|l| l.trim_end().ends_with('-')), "{english}");
    // Joined again, the words are the article's, letter for letter.
    let joined = english.replace("-\n", "").split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(joined.contains(words), "{joined}");
    // Vietnamese (one syllable a word) and other languages are never hyphenated.
    assert!(lines_of("vi").lines().all(|l| !l.trim_end().ends_with('-')));
}
