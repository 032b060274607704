//! A template's logo (`logo = "logo.svg"` in its manifest) in every export:
//! embedded once in the PDF and drawn on every page, with its alternative
//! text in the structure tree; inline in the HTML; in each Word header with
//! its description; and a broken or misplaced logo a clear error.

mod common;

use std::io::Read;
use std::path::Path;

use briefsmith::brief::Brief;
use briefsmith::export;
use briefsmith::template::{Library, Resolved};

/// A fictional office's mark: a square and two bars.
const LOGO_SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="240" height="60" viewBox="0 0 240 60">
  <rect x="2" y="2" width="56" height="56" rx="10" fill="#1f3f78"/>
  <rect x="70" y="14" width="160" height="12" fill="#1f3f78"/>
  <rect x="70" y="34" width="110" height="10" fill="#7a8aa6"/>
</svg>
"##;

const ALT: &str = "Sở Thông tin Lạc Giang";

/// A user template "office" copied from sitrep, with `logo` as its logo file.
fn office(dir: &Path, logo_name: &str, logo: &[u8]) -> (Library, Resolved) {
    let library = Library::new(Some(dir.to_path_buf()));
    let folder = library.create("office", "sitrep").unwrap();
    std::fs::write(folder.join(logo_name), logo).unwrap();
    let manifest = folder.join("manifest.toml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(&manifest, format!("logo = \"{logo_name}\"\nlogo_alt = \"{ALT}\"\n{text}")).unwrap();
    let resolved = library.resolve("office").unwrap();
    (library, resolved)
}

/// A brief long enough to run over two pages.
fn long_brief() -> Brief {
    let mut brief = briefsmith::samples::filled_brief();
    let point = brief.key_points[0].clone();
    for _ in 0..60 {
        brief.key_points.push(point.clone());
    }
    brief
}

fn pdf_of(library: &Library, template: &Resolved, brief: &Brief) -> (lopdf::Document, Vec<u8>) {
    let markdown = export::markdown(library, template, brief, "vi").unwrap();
    let pdf = export::pdf(library, template, brief, "vi", &markdown, None, false).unwrap();
    assert!(pdf.pages >= 2, "the brief runs over pages: {}", pdf.pages);
    (lopdf::Document::load_mem(&pdf.bytes).unwrap(), pdf.bytes)
}

/// The image XObjects each page's resources name, by object id.
fn images_per_page(doc: &lopdf::Document) -> Vec<Vec<lopdf::ObjectId>> {
    doc.get_pages()
        .values()
        .map(|&page| {
            let (resources, ids) = doc.get_page_resources(page).unwrap();
            let mut all: Vec<&lopdf::Dictionary> = resources.into_iter().collect();
            all.extend(ids.iter().map(|id| doc.get_dictionary(*id).unwrap()));
            all.iter()
                .filter_map(|r| r.get(b"XObject").ok())
                .filter_map(|x| doc.dereference(x).ok()?.1.as_dict().ok().cloned())
                .flat_map(|x| x.iter().filter_map(|(_, v)| v.as_reference().ok()).collect::<Vec<_>>())
                .collect()
        })
        .collect()
}

#[test]
fn the_logo_is_embedded_once_and_drawn_on_every_page_of_the_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let (library, office) = office(dir.path(), "logo.svg", LOGO_SVG.as_bytes());
    let (doc, pdf_bytes) = pdf_of(&library, &office, &long_brief());
    let per_page = images_per_page(&doc);
    assert!(per_page.iter().all(|ids| ids.len() == 1), "one image on each page: {per_page:?}");
    assert!(per_page.windows(2).all(|p| p[0] == p[1]), "the same object on each page: {per_page:?}");
    let image = doc.get_object(per_page[0][0]).unwrap().as_stream().unwrap();
    assert_eq!(image.dict.get(b"Width").unwrap().as_i64().unwrap(), 1200, "the drawing at print resolution");
    assert!(image.dict.get(b"SMask").is_ok(), "its see-through parts stay see-through");
    // Every page's content draws it.
    for &page in doc.get_pages().values() {
        let content = String::from_utf8_lossy(&doc.get_page_content(page)).into_owned();
        assert!(content.contains("/Logo Do"), "page {page:?} draws the logo");
    }
    // A reader (pdf.js) opens it without a complaint and finds the figure's words.
    let read = common::read_in_pdfjs(&pdf_bytes);
    assert_eq!(read["figures"], serde_json::json!([["Figure", ALT, 1]]));
    // The structure tree reads it first, as a figure with its words.
    let figure = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .find(|d| d.get(b"S").and_then(|s| s.as_name()).is_ok_and(|s| s == b"Figure"))
        .expect("a Figure element");
    let alt = figure.get(b"Alt").unwrap().as_str().unwrap();
    let units: Vec<u16> = alt[2..].chunks(2).map(|p| u16::from_be_bytes([p[0], p[1]])).collect();
    assert_eq!(String::from_utf16(&units).unwrap(), ALT);
}

#[test]
fn a_template_without_a_logo_embeds_no_image() {
    let library = Library::new(None);
    let sitrep = library.resolve("sitrep").unwrap();
    let (doc, _) = pdf_of(&library, &sitrep, &long_brief());
    assert!(images_per_page(&doc).iter().all(Vec::is_empty));
}

#[test]
fn the_logo_is_inline_in_the_html_and_in_each_word_header() {
    let dir = tempfile::tempdir().unwrap();
    let mut png = Vec::new();
    image::RgbImage::from_pixel(8, 4, image::Rgb([31, 63, 120]))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let (library, office) = office(dir.path(), "logo.png", &png);
    let brief = briefsmith::samples::filled_brief();
    let markdown = export::markdown(&library, &office, &brief, "vi").unwrap();

    let html = export::html(&library, &office, &brief, &markdown, None).unwrap();
    assert!(html.contains("<img src=\"data:image/png;base64,iVBORw0KGgo"), "the PNG itself, inline");
    assert!(html.contains(&format!("alt=\"{ALT}\"")));
    assert!(html.contains("default-src 'none'; style-src 'unsafe-inline'; img-src data:"), "still nothing loads");

    let docx = export::docx(&library, &office, &brief, "vi", &markdown, None).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut part = |name: &str| {
        let mut text = Vec::new();
        zip.by_name(name).unwrap_or_else(|_| panic!("{name} in the package")).read_to_end(&mut text).unwrap();
        text
    };
    assert_eq!(part("word/media/logo.png"), png, "the PNG as the template holds it");
    for header in ["word/header1.xml", "word/header2.xml"] {
        let xml = String::from_utf8(part(header)).unwrap();
        assert!(xml.contains("<a:blip r:embed=\"rIdLogo\"/>"), "{header}: {xml}");
        assert!(xml.contains(&format!("descr=\"{ALT}\"")), "{header}: its description");
        well_formed(&xml);
    }
    let rels = String::from_utf8(part("word/_rels/header1.xml.rels")).unwrap();
    assert!(rels.contains("Id=\"rIdLogo\"") && rels.contains("Target=\"media/logo.png\""), "{rels}");
}

/// The part is well-formed XML.
fn well_formed(xml: &str) {
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed: {e}"),
        }
    }
}

#[test]
fn a_broken_missing_or_outside_logo_is_a_clear_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let cut = &LOGO_SVG.as_bytes()[..40];
    let (library, office) = office(dir.path(), "logo.svg", cut);
    let brief = briefsmith::samples::filled_brief();
    let markdown = export::markdown(&library, &office, &brief, "vi").unwrap();
    let error = export::pdf(&library, &office, &brief, "vi", &markdown, None, false).unwrap_err().to_string();
    assert!(error.contains("logo.svg") && error.contains("could not be read as an SVG drawing"), "{error}");
    assert!(export::html(&library, &office, &brief, &markdown, None).is_err());
    assert!(export::docx(&library, &office, &brief, "vi", &markdown, None).is_err());

    let manifest = dir.path().join("office/manifest.toml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(&manifest, text.replace("logo = \"logo.svg\"", "logo = \"gone.png\"")).unwrap();
    let office = library.resolve("office").unwrap();
    let error = export::pdf(&library, &office, &brief, "vi", &markdown, None, false).unwrap_err().to_string();
    assert!(error.contains("gone.png"), "{error}");

    for outside in ["../logo.svg", "/etc/logo.svg", "..\\\\logo.svg"] {
        std::fs::write(&manifest, text.replace("logo = \"logo.svg\"", &format!("logo = \"{outside}\""))).unwrap();
        let office = library.resolve("office").unwrap();
        let error = export::pdf(&library, &office, &brief, "vi", &markdown, None, false).unwrap_err().to_string();
        assert!(error.contains("must be a file inside the template's folder"), "{outside}: {error}");
    }
}

#[test]
fn a_shared_template_keeps_its_logo_and_a_package_with_a_broken_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (library, _) = office(&dir.path().join("a"), "logo.svg", LOGO_SVG.as_bytes());
    let package = dir.path().join("office.bstpl");
    library.export("office", &package).unwrap();
    let colleague = Library::new(Some(dir.path().join("b")));
    colleague.import(&package, false).unwrap();
    let theirs = colleague.resolve("office").unwrap();
    let logo = colleague.logo(&theirs).unwrap().expect("the logo travelled");
    assert_eq!((logo.width, logo.height, logo.alt.as_str()), (1200, 300, ALT));

    std::fs::write(dir.path().join("a/office/logo.svg"), "<svg").unwrap();
    library.export("office", &package).unwrap();
    let error = Library::new(Some(dir.path().join("c"))).import(&package, false).unwrap_err().to_string();
    assert!(error.contains("logo.svg") && error.contains("could not be read"), "{error}");
}

#[test]
fn a_logo_and_a_font_picked_in_the_designer_are_copied_into_the_template_once_checked() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::new(Some(dir.path().join("templates")));
    library.create("office", "bluf").unwrap();
    let picked = dir.path().join("Office Mark.svg");
    std::fs::write(&picked, LOGO_SVG).unwrap();
    let logo = library.add_logo("office", &picked).unwrap();
    assert!(logo.starts_with("logo-") && logo.ends_with(".svg"), "{logo}");
    assert_eq!(std::fs::read(dir.path().join("templates/office").join(&logo)).unwrap(), LOGO_SVG.as_bytes());
    let font = dir.path().join("DejaVuSans.ttf");
    std::fs::write(&font, dejavu::sans::regular()).unwrap();
    assert_eq!(library.add_font("office", &font).unwrap(), "DejaVuSans.ttf");

    // What is not a logo or a font is refused, and nothing is copied.
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a picture").unwrap();
    let error = library.add_logo("office", &text).unwrap_err().to_string();
    assert!(error.contains("not a PNG, JPEG or SVG"), "{error}");
    let fake = dir.path().join("Fake.ttf");
    std::fs::write(&fake, "not a font").unwrap();
    let error = library.add_font("office", &fake).unwrap_err().to_string();
    assert!(error.contains("not a TrueType or OpenType font"), "{error}");
    assert!(!dir.path().join("templates/office/Fake.ttf").exists());
    // A built-in is never written into.
    assert!(library.add_logo("bluf", &picked).unwrap_err().to_string().contains("built-in"));

    // Named in the manifest, the font is the one the PDF embeds.
    let mut manifest = library.resolve("office").unwrap().manifest;
    manifest.pdf.fonts = vec!["DejaVuSans.ttf".into(); 4];
    library.save_design("office", manifest).unwrap();
    let office = library.resolve("office").unwrap();
    let brief = briefsmith::samples::filled_brief();
    let markdown = export::markdown(&library, &office, &brief, "vi").unwrap();
    let pdf = export::pdf(&library, &office, &brief, "vi", &markdown, None, false).unwrap();
    let doc = lopdf::Document::load_mem(&pdf.bytes).unwrap();
    let fonts: Vec<String> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter_map(|d| d.get(b"BaseFont").ok()?.as_name().ok().map(|n| String::from_utf8_lossy(n).into_owned()))
        .collect();
    assert!(
        fonts.iter().any(|f| f.contains("DejaVuSans")) && !fonts.iter().any(|f| f.contains("NotoSans")),
        "{fonts:?}"
    );
}

#[test]
fn the_same_brief_exported_twice_in_one_process_is_the_same_pdf() {
    // Every test of this file may render at this fixed time.
    std::env::set_var("SOURCE_DATE_EPOCH", "1764547200");
    let dir = tempfile::tempdir().unwrap();
    let (library, office) = office(dir.path(), "logo.svg", LOGO_SVG.as_bytes());
    let brief = briefsmith::samples::filled_brief();
    let markdown = export::markdown(&library, &office, &brief, "vi").unwrap();
    let first = export::pdf(&library, &office, &brief, "vi", &markdown, None, false).unwrap().bytes;
    let second = export::pdf(&library, &office, &brief, "vi", &markdown, None, false).unwrap().bytes;
    assert!(first == second, "the font subsets' names, the logo's and every other byte are the same");
}
