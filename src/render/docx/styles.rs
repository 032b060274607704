//! word/styles.xml and word/fontTable.xml: Word's built-in styles under their
//! own ids and names, in the schema's element order, and the fonts they use.

use super::package::escape;
use super::{DocumentInfo, Geometry};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const HEADING: &str = "1F4078";
const MUTED: &str = "666B75";
const RULE: &str = "BFC4CC";

/// Noto Sans has the Vietnamese glyphs the PDF uses; Arial, on every
/// Windows, is what Word shows where Noto Sans is not installed.
const FONT: &str = "Noto Sans";
const FALLBACK: &str = "Arial";
const MONO: &str = "Courier New";

fn fonts(name: &str) -> String {
    let name = escape(name);
    format!(r#"<w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:eastAsia="{name}" w:cs="{name}"/>"#)
}

/// One `<w:style>`, its children in the schema's order: name, basedOn, next,
/// uiPriority, qFormat, pPr, rPr, then table parts.
struct StyleXml<'a> {
    kind: &'a str,
    id: &'a str,
    name: &'a str,
    based_on: Option<&'a str>,
    next: Option<&'a str>,
    default: bool,
    priority: u32,
    ppr: String,
    rpr: String,
    rest: String,
}

impl StyleXml<'_> {
    fn xml(&self) -> String {
        let mut s = format!(r#"<w:style w:type="{}""#, self.kind);
        if self.default {
            s.push_str(r#" w:default="1""#);
        }
        s.push_str(&format!(r#" w:styleId="{}"><w:name w:val="{}"/>"#, self.id, self.name));
        if let Some(b) = self.based_on {
            s.push_str(&format!(r#"<w:basedOn w:val="{b}"/>"#));
        }
        if let Some(n) = self.next {
            s.push_str(&format!(r#"<w:next w:val="{n}"/>"#));
        }
        s.push_str(&format!(r#"<w:uiPriority w:val="{}"/>"#, self.priority));
        if self.kind != "numbering" && self.id != "DefaultParagraphFont" && self.id != "TableNormal" {
            s.push_str("<w:qFormat/>");
        }
        if !self.ppr.is_empty() {
            s.push_str(&format!("<w:pPr>{}</w:pPr>", self.ppr));
        }
        if !self.rpr.is_empty() {
            s.push_str(&format!("<w:rPr>{}</w:rPr>", self.rpr));
        }
        s.push_str(&self.rest);
        s.push_str("</w:style>");
        s
    }
}

fn paragraph<'a>(id: &'a str, name: &'a str, ppr: String, rpr: String) -> StyleXml<'a> {
    StyleXml {
        kind: "paragraph",
        id,
        name,
        based_on: Some("Normal"),
        next: None,
        default: false,
        priority: 9,
        ppr,
        rpr,
        rest: String::new(),
    }
}

/// word/styles.xml: Word's built-in styles under their own ids and names.
pub(crate) fn styles(options: &DocumentInfo, geometry: &Geometry) -> String {
    let size = super::half_points(options.page.font_size_pt) as u32;
    let scaled = |factor: f32| ((size as f32 * factor).round() as u32).max(2);
    let lang = if options.language.is_empty() {
        String::new()
    } else {
        let l = escape(&options.language);
        format!(r#"<w:lang w:val="{l}" w:eastAsia="{l}" w:bidi="{l}"/>"#)
    };
    let jc = if options.page.justify { r#"<w:jc w:val="both"/>"# } else { r#"<w:jc w:val="left"/>"# };
    let right_tab = format!(r#"<w:tabs><w:tab w:val="right" w:pos="{}"/></w:tabs>"#, geometry.text_width);
    let heading = |level: u32, factor: f32, italic: bool| -> (String, String) {
        let before = if level <= 1 { 360 } else { 240 };
        (
            format!(
                r#"<w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="80"/><w:jc w:val="left"/><w:outlineLvl w:val="{}"/>"#,
                level - 1
            ),
            format!(
                r#"<w:b/><w:bCs/>{}<w:color w:val="{HEADING}"/><w:sz w:val="{}"/><w:szCs w:val="{}"/>"#,
                if italic { "<w:i/><w:iCs/>" } else { "" },
                scaled(factor),
                scaled(factor)
            ),
        )
    };
    let headings: Vec<(String, String, (String, String))> =
        [(1, 1.35, false), (2, 1.15, false), (3, 1.05, true), (4, 1.0, true), (5, 1.0, false)]
            .iter()
            .map(|&(level, factor, italic)| {
                (format!("Heading{level}"), format!("heading {level}"), heading(level, factor, italic))
            })
            .collect();
    let mut list = vec![
        StyleXml {
            kind: "paragraph",
            id: "Normal",
            name: "Normal",
            based_on: None,
            next: None,
            default: true,
            priority: 0,
            ppr: jc.to_owned(),
            rpr: format!("{}<w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>", fonts(FONT)),
            rest: String::new(),
        },
        StyleXml {
            kind: "character",
            id: "DefaultParagraphFont",
            name: "Default Paragraph Font",
            based_on: None,
            next: None,
            default: true,
            priority: 1,
            ppr: String::new(),
            rpr: String::new(),
            rest: String::new(),
        },
        StyleXml {
            kind: "table",
            id: "TableNormal",
            name: "Normal Table",
            based_on: None,
            next: None,
            default: true,
            priority: 99,
            ppr: String::new(),
            rpr: String::new(),
            rest: r#"<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>"#.to_owned(),
        },
        StyleXml {
            kind: "numbering",
            id: "NoList",
            name: "No List",
            based_on: None,
            next: None,
            default: true,
            priority: 99,
            ppr: String::new(),
            rpr: String::new(),
            rest: String::new(),
        },
        StyleXml {
            next: Some("Normal"),
            priority: 10,
            ..paragraph(
                "Title",
                "Title",
                format!(
                    r#"<w:pBdr><w:bottom w:val="single" w:sz="8" w:space="4" w:color="{HEADING}"/></w:pBdr><w:spacing w:before="0" w:after="240"/><w:contextualSpacing/><w:jc w:val="left"/>"#
                ),
                format!(r#"<w:b/><w:bCs/><w:color w:val="{HEADING}"/><w:kern w:val="28"/><w:sz w:val="{0}"/><w:szCs w:val="{0}"/>"#, scaled(1.9)),
            )
        },
    ];
    for (id, name, (ppr, rpr)) in &headings {
        list.push(StyleXml { next: Some("Normal"), ..paragraph(id, name, ppr.clone(), rpr.clone()) });
    }
    list.extend([
        StyleXml {
            priority: 99,
            ..paragraph("ListBullet", "List Bullet", r#"<w:spacing w:after="60"/><w:contextualSpacing/>"#.to_owned(), String::new())
        },
        StyleXml {
            priority: 99,
            ..paragraph("ListNumber", "List Number", r#"<w:spacing w:after="60"/><w:contextualSpacing/>"#.to_owned(), String::new())
        },
        StyleXml {
            priority: 99,
            ..paragraph("ListContinue", "List Continue", r#"<w:spacing w:after="60"/><w:ind w:left="360"/>"#.to_owned(), String::new())
        },
        StyleXml {
            next: Some("Normal"),
            priority: 29,
            ..paragraph(
                "Quote",
                "Quote",
                format!(
                    r#"<w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="{RULE}"/></w:pBdr><w:spacing w:before="120" w:after="60"/><w:ind w:left="567" w:right="567"/><w:jc w:val="left"/>"#
                ),
                r#"<w:i/><w:iCs/><w:color w:val="404040"/>"#.to_owned(),
            )
        },
        StyleXml {
            priority: 99,
            ..paragraph(
                "HTMLPreformatted",
                "HTML Preformatted",
                r#"<w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/>"#.to_owned(),
                format!(r#"{}<w:sz w:val="{1}"/><w:szCs w:val="{1}"/>"#, fonts(MONO), scaled(0.9)),
            )
        },
        StyleXml {
            priority: 99,
            ..paragraph(
                "Header",
                "header",
                format!(r#"{right_tab}<w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/>"#),
                format!(r#"<w:color w:val="{MUTED}"/><w:sz w:val="{0}"/><w:szCs w:val="{0}"/>"#, scaled(0.8)),
            )
        },
        StyleXml {
            priority: 99,
            ..paragraph(
                "Footer",
                "footer",
                format!(r#"{right_tab}<w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/>"#),
                format!(r#"<w:color w:val="{MUTED}"/><w:sz w:val="{0}"/><w:szCs w:val="{0}"/>"#, scaled(0.8)),
            )
        },
        StyleXml {
            kind: "character",
            based_on: Some("DefaultParagraphFont"),
            priority: 99,
            ..paragraph("Hyperlink", "Hyperlink", String::new(), r#"<w:color w:val="0563C1"/><w:u w:val="single"/>"#.to_owned())
        },
        StyleXml {
            kind: "character",
            based_on: Some("DefaultParagraphFont"),
            priority: 99,
            ..paragraph("HTMLCode", "HTML Code", String::new(), fonts(MONO))
        },
        StyleXml {
            kind: "table",
            based_on: Some("TableNormal"),
            priority: 39,
            ..paragraph(
                "TableGrid",
                "Table Grid",
                // Cell text sits tight, not with a body paragraph's spacing.
                r#"<w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/>"#.to_owned(),
                format!(r#"<w:sz w:val="{0}"/><w:szCs w:val="{0}"/>"#, scaled(0.92)),
            )
        },
    ]);
    // The table style's borders, and its header row in bold.
    if let Some(grid) = list.last_mut() {
        let color = super::body::GRID;
        let border = |side: &str| format!(r#"<w:{side} w:val="single" w:sz="4" w:space="0" w:color="{color}"/>"#);
        grid.rest = format!(
            r#"<w:tblPr><w:tblBorders>{}{}{}{}{}{}</w:tblBorders><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tblPr/><w:trPr><w:tblHeader/></w:trPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="EBF0F7"/></w:tcPr></w:tblStylePr>"#,
            border("top"),
            border("left"),
            border("bottom"),
            border("right"),
            border("insideH"),
            border("insideV"),
        );
    }
    let mut xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr>{}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>{lang}</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#,
        fonts(FONT)
    );
    for style in &list {
        xml.push_str(&style.xml());
    }
    xml.push_str("</w:styles>");
    xml
}

/// word/fontTable.xml, naming the fallback for readers without Noto Sans.
pub(crate) fn font_table() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="{W}"><w:font w:name="{FONT}"><w:altName w:val="{FALLBACK}"/><w:panose1 w:val="020B0502040504020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font><w:font w:name="{FALLBACK}"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font><w:font w:name="{MONO}"><w:panose1 w:val="02070309020205020404"/><w:charset w:val="00"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font></w:fonts>"#
    )
}
