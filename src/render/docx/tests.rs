use super::package::{escape, w3cdtf};
use super::styles::styles;
use super::*;

#[test]
fn times_are_w3c_dates_in_utc() {
    assert_eq!(w3cdtf(0), "1970-01-01T00:00:00Z");
    assert_eq!(w3cdtf(1_764_547_200), "2025-12-01T00:00:00Z");
    assert_eq!(w3cdtf(951_782_400 + 3_661), "2000-02-29T01:01:01Z");
    assert_eq!(w3cdtf(-1), "1969-12-31T23:59:59Z");
}

#[test]
fn margins_and_pages_in_twips() {
    assert_eq!(mm_to_twips(25.4), 1440);
    assert_eq!(mm_to_twips(20.0), 1134);
    assert_eq!(mm_to_twips(-5.0), 0, "a negative margin stays on the page");
    assert_eq!(mm_to_twips(f32::NAN), 0);
    assert_eq!((half_points(10.5), half_points(100.0), half_points(f32::NAN)), (21, 48, 21));
    assert_eq!(page_twips(PageSize::A4), (11_906, 16_838));
    assert_eq!(page_twips(PageSize::Letter), (12_240, 15_840));
    let mut page = PageSettings::default();
    page.margins_mm.left = 150.0;
    page.margins_mm.right = 150.0;
    assert!(Geometry::new(&page).text_width >= 1440, "margins wider than the page leave a column");
}

#[test]
fn text_is_composed_and_fit_for_xml() {
    assert_eq!(clean("Ne\u{0302}\u{0301}u"), "Nếu");
    assert_eq!(clean("a\u{0}b\u{1b}c\u{FFFF}d\te\nf"), "abcd\te\nf");
    assert_eq!(escape(r#"<a href="x">&'"#), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
}

#[test]
fn relationships_are_put_in_id_order() {
    let rels = br#"<?xml version="1.0"?><Relationships xmlns="r"><Relationship Id="rId2" Target="b" /><Relationship Id="rIdLink10" Target="j" /><Relationship Id="rId10" Target="c" /><Relationship Id="rIdLink9" Target="i" /></Relationships>"#;
    let sorted = String::from_utf8(package::sorted_relationships(rels).unwrap()).unwrap();
    let order: Vec<&str> = sorted.split("Target=\"").skip(1).map(|s| &s[..1]).collect();
    assert_eq!(order, ["b", "c", "i", "j"], "{sorted}");
    assert!(
        sorted.starts_with(r#"<?xml version="1.0"?><Relationships xmlns="r">"#) && sorted.ends_with("</Relationships>")
    );
    assert!(package::sorted_relationships(b"<Relationships>").is_err(), "a cut-short part is an error, not a panic");
}

#[test]
fn styles_follow_the_page_settings() {
    let mut options = DocumentInfo { language: "vi".into(), ..Default::default() };
    options.page.justify = false;
    options.page.font_size_pt = 12.0;
    let geometry = Geometry::new(&options.page);
    let xml = styles(&options, &geometry);
    assert!(xml.contains(r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>"#));
    assert!(xml.contains(r#"<w:jc w:val="left"/>"#) && !xml.contains(r#"<w:jc w:val="both"/>"#));
    assert!(xml.contains(r#"<w:sz w:val="24"/>"#), "12 pt in half-points");
    assert!(xml.contains(r#"<w:lang w:val="vi""#));
    assert!(xml.contains(&format!(r#"<w:tab w:val="right" w:pos="{}"/>"#, geometry.text_width)));
    options.page.justify = true;
    options.language.clear();
    let xml = styles(&options, &geometry);
    assert!(xml.contains(r#"<w:jc w:val="both"/>"#) && !xml.contains("<w:lang"));
    // Each style lists name, basedOn, next, uiPriority, qFormat, pPr, rPr in the schema's order.
    for style in xml.split("<w:style ").skip(1) {
        let at = |tag: &str| style.find(tag);
        let order: Vec<usize> = [
            "<w:name ",
            "<w:basedOn ",
            "<w:next ",
            "<w:uiPriority ",
            "<w:qFormat/>",
            "<w:pPr>",
            "<w:rPr>",
            "<w:tblPr>",
        ]
        .iter()
        .filter_map(|t| at(t))
        .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "out of order: {style}");
    }
}

#[test]
fn render_never_panics_on_odd_settings() {
    let mut options = DocumentInfo::default();
    options.page.font_size_pt = f32::INFINITY;
    options.page.margins_mm.top = f32::MAX;
    options.page.header = "{title}{title}\u{0}".into();
    options.keywords = vec!["<&>".into()];
    assert!(render("# x\n\n| a |\n|---|\n", &options).is_ok());
}
