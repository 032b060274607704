//! Templates made without code: a design (sections in order, ticked or not,
//! with options) in the manifest, and the Jinja it generates. A built-in
//! opened in the designer and saved unchanged renders the same Markdown; a
//! template written or edited by hand is not the designer's to rewrite.

use briefsmith::brief::Brief;
use briefsmith::export;
use briefsmith::template::design::{NotDesigned, SectionKind};
use briefsmith::template::Library;

const BUILT_INS: [&str; 6] = ["bluf", "sitrep", "one-pager", "quote-sheet", "digest", "topic-brief"];

/// The sample brief filled in and bare, and a digest of three stories
/// (tests/fixtures/digest/mixed) filled in and bare.
fn briefs() -> Vec<Brief> {
    use briefsmith::ingest::{inputs, IngestOptions};
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/digest/mixed").to_owned();
    let read = inputs::read_all(&[folder], &IngestOptions::default()).unwrap();
    let analyses = briefsmith::digest::analyze_articles(&read.articles, 5, None);
    let digest = briefsmith::digest::digest(&analyses, &briefsmith::digest::DigestOptions::default());
    let mut many = Brief::from_digest(&digest, &analyses, Some("2026-03-02".to_owned()));
    assert_eq!(many.stories.len(), 3);
    let filled = briefsmith::samples::filled_brief();
    many.analyst = filled.analyst.clone();
    let bare = |mut brief: Brief| {
        brief.analyst.bottom_line.clear();
        brief.analyst.assessment.clear();
        brief.analyst.recommendations.clear();
        brief
    };
    vec![filled.clone(), bare(filled), many.clone(), bare(many)]
}

#[test]
fn a_built_in_saved_unchanged_from_the_designer_renders_the_same_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::new(Some(dir.path().to_path_buf()));
    let briefs = briefs();
    for name in BUILT_INS {
        let built_in = library.resolve(name).unwrap();
        let design = library.design_of(&built_in).unwrap_or_else(|e| panic!("{name}: {e}"));
        // The designer lists every kind of section, those the built-in leaves out unticked.
        assert_eq!(design.sections.len(), design.scope.kinds().len(), "{name}");
        let copy = format!("my-{name}");
        library.create(&copy, name).unwrap();
        let mut manifest = library.resolve(&copy).unwrap().manifest;
        manifest.design = Some(design);
        library.save_design(&copy, manifest).unwrap();
        let saved = library.resolve(&copy).unwrap();
        assert!(library.design_of(&saved).is_ok(), "{name}: the saved design opens in the designer again");
        for brief in &briefs {
            for locale in ["vi", "en"] {
                assert_eq!(
                    export::markdown(&library, &saved, brief, locale).unwrap(),
                    export::markdown(&library, &built_in, brief, locale).unwrap(),
                    "{name} in {locale}"
                );
            }
        }
    }
}

#[test]
fn a_template_written_or_edited_by_hand_opens_read_only_saying_why() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::new(Some(dir.path().to_path_buf()));
    // A template written by hand, its manifest naming no design.
    let folder = dir.path().join("handmade");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("manifest.toml"), "name = \"handmade\"\ntemplate = \"brief.md.j2\"\n").unwrap();
    std::fs::write(folder.join("brief.md.j2"), "# {{ title }}\n").unwrap();
    let handmade = library.resolve("handmade").unwrap();
    let why = library.design_of(&handmade).unwrap_err();
    assert_eq!(why, NotDesigned::NoDesign);
    assert!(why.to_string().contains("read-only"), "{why}");
    let mut manifest = library.resolve("bluf").unwrap().manifest;
    manifest.name = "handmade".into();
    let error = library.save_design("handmade", manifest).unwrap_err().to_string();
    assert!(error.contains("written in Jinja"), "{error}");
    assert_eq!(std::fs::read_to_string(folder.join("brief.md.j2")).unwrap(), "# {{ title }}\n", "untouched");
    library.create("house", "bluf").unwrap();
    let source = library.resolve("house").unwrap().source;
    library.save_source("house", &format!("{source}\nPrepared by the harbour desk.\n")).unwrap();
    let edited = library.resolve("house").unwrap();
    let why = library.design_of(&edited).unwrap_err();
    assert_eq!(why, NotDesigned::EditedByHand);
    assert!(why.to_string().contains("edited by hand") && why.to_string().contains("read-only"), "{why}");
    // A save cut short after the Jinja was written, before the manifest:
    // the template then looks edited by hand, yet saving that design again finishes it.
    library.create("halfway", "sitrep").unwrap();
    let mut design = library.design_of(&library.resolve("halfway").unwrap()).unwrap();
    design.sections.retain(|s| s.kind != SectionKind::Names);
    let folder = dir.path().join("halfway");
    std::fs::write(folder.join("brief.md.j2"), briefsmith::template::design::generate(&design)).unwrap();
    let halfway = library.resolve("halfway").unwrap();
    assert_eq!(library.design_of(&halfway).unwrap_err(), NotDesigned::EditedByHand);
    let mut manifest = halfway.manifest.clone();
    manifest.design = Some(design);
    library.save_design("halfway", manifest).unwrap();
    assert!(library.design_of(&library.resolve("halfway").unwrap()).is_ok());
    // A built-in itself is saved only as a copy.
    let bluf = library.resolve("bluf").unwrap();
    let error = library.save_design("bluf", bluf.manifest).unwrap_err().to_string();
    assert!(error.contains("built-in"), "{error}");
}

#[test]
fn a_design_reordered_unticked_and_renamed_makes_that_brief() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::new(Some(dir.path().to_path_buf()));
    library.create("office", "sitrep").unwrap();
    let office = library.resolve("office").unwrap();
    let mut design = library.design_of(&office).unwrap();
    // Untick the names, move the quotes above the key points, and show them.
    design.sections.iter_mut().find(|s| s.kind == SectionKind::Names).unwrap().shown = false;
    let quotes = design.sections.iter().position(|s| s.kind == SectionKind::Quotes).unwrap();
    let mut quote_section = design.sections.remove(quotes);
    quote_section.shown = true;
    quote_section.limit = Some(2);
    let points = design.sections.iter().position(|s| s.kind == SectionKind::KeyPoints).unwrap();
    design.sections.insert(points, quote_section);
    let mut manifest = office.manifest.clone();
    manifest.design = Some(design);
    manifest.labels.entry("vi".into()).or_default().insert("key_developments".into(), "Điểm chính của tuần".into());
    library.save_design("office", manifest).unwrap();

    let saved = library.resolve("office").unwrap();
    let brief = briefsmith::samples::filled_brief();
    let markdown = export::markdown(&library, &saved, &brief, "vi").unwrap();
    let headings: Vec<&str> = markdown.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        [
            "## Tình hình",
            "## Trích dẫn quan trọng",
            "## Điểm chính của tuần",
            "## Số liệu chính",
            "## Triển vọng",
            "## Đề xuất hành động",
            "## Nguồn"
        ],
        "{markdown}"
    );
    assert!(!markdown.contains("Các bên liên quan"), "no names section");
    let quotes = markdown.matches("\n> — ").count();
    assert!((1..=2).contains(&quotes), "one or two quotes, each with its speaker: {quotes}");
    // English keeps its own heading.
    let english = export::markdown(&library, &saved, &brief, "en").unwrap();
    assert!(english.contains("## Key developments"), "{english}");
    // The saved Jinja reads like a hand-written template and opens in the designer again.
    assert!(saved.source.contains("{% for quote in direct_quotes_outside_key_points[:2] %}"), "{}", saved.source);
    assert!(library.design_of(&saved).is_ok());
}

#[test]
fn the_office_name_distribution_default_marking_and_page_numbers_reach_every_export() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::new(Some(dir.path().to_path_buf()));
    library.create("office", "bluf").unwrap();
    let mut manifest = library.resolve("office").unwrap().manifest;
    manifest.organisation = "Sở Thông tin Lạc Giang".into();
    manifest.distribution = "Ban Giám đốc; Văn phòng UBND tỉnh".into();
    manifest.classification = "NỘI BỘ".into();
    manifest.pdf.page_numbers = false;
    library.save_design("office", manifest).unwrap();
    let office = library.resolve("office").unwrap();
    let mut brief = briefsmith::samples::filled_brief();
    brief.analyst.classification.clear();

    let markdown = export::markdown(&library, &office, &brief, "vi").unwrap();
    let lines: Vec<&str> = markdown.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[..3], ["**NỘI BỘ**", "Sở Thông tin Lạc Giang", &format!("# {}", brief.title)], "{markdown}");
    assert!(markdown.contains("\nNơi nhận: Ban Giám đốc; Văn phòng UBND tỉnh\n"), "{markdown}");

    let pdf = export::pdf(&library, &office, &brief, "vi", &markdown, None, false).unwrap();
    let doc = lopdf::Document::load_mem(&pdf.bytes).unwrap();
    let text = doc.extract_text(&[1]).unwrap();
    assert!(text.contains("NỘI BỘ"), "the default marking's banner: {text}");
    assert!(!text.contains("Trang 1"), "no page numbers: {text}");

    let docx = export::docx(&library, &office, &brief, "vi", &markdown, None).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut footer = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/footer1.xml").unwrap(), &mut footer).unwrap();
    assert!(!footer.contains("NUMPAGES") && footer.contains("NỘI BỘ"), "{footer}");

    // The analyst's own marking wins over the template's.
    brief.analyst.classification = "MẬT".into();
    let markdown = export::markdown(&library, &office, &brief, "vi").unwrap();
    assert!(markdown.starts_with("**MẬT**"), "{markdown}");
}
