//! A template's manifest (`manifest.toml`): its name, description, labels that
//! override the locale's, and the page settings the PDF renderer uses.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Manifest {
    pub name: String,
    pub description: String,
    /// The template file, relative to the template's folder.
    pub template: String,
    /// Per locale, labels that replace the locale file's (`[labels.vi]`).
    pub labels: BTreeMap<String, BTreeMap<String, String>>,
    pub pdf: PageSettings,
    /// How briefs from this template cite the article, unless the brief says.
    pub citations: crate::brief::Citations,
    /// Made for briefs of many articles: it reads `stories` and `sources`.
    /// The app offers such templates for a digest, the others for one article.
    pub stories: bool,
    /// A PNG, JPEG or SVG file in the template's folder, at the top of every
    /// page of the PDF and Word document and above the HTML brief.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub logo: String,
    /// What the logo shows, in words, for screen readers ("Sở Y tế Lạc Giang").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub logo_alt: String,
    /// The office the briefs come from, above the title.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    /// Who receives the briefs, a line under the date ("Nơi nhận: Ban Giám đốc").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub distribution: String,
    /// The marking a brief carries when the analyst sets none ("NỘI BỘ").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub classification: String,
    /// The sections the designer made this template from ([`super::design`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub design: Option<super::design::Design>,
}

impl Default for Manifest {
    fn default() -> Self {
        Manifest {
            name: String::new(),
            description: String::new(),
            template: "brief.md.j2".to_owned(),
            labels: BTreeMap::new(),
            pdf: PageSettings::default(),
            citations: crate::brief::Citations::default(),
            stories: false,
            logo: String::new(),
            logo_alt: String::new(),
            organisation: String::new(),
            distribution: String::new(),
            classification: String::new(),
            design: None,
        }
    }
}

impl Manifest {
    /// The marking a brief carries: the analyst's, else this template's default.
    pub fn marking<'a>(&'a self, brief: &'a crate::brief::Brief) -> &'a str {
        match brief.analyst.classification.trim() {
            "" => self.classification.trim(),
            own => own,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PageSize {
    A4,
    Letter,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Margins {
    pub top: f32,
    pub right: f32,
    pub bottom: f32,
    pub left: f32,
}

impl Default for Margins {
    fn default() -> Self {
        Margins { top: 22.0, right: 20.0, bottom: 22.0, left: 20.0 }
    }
}

/// How the PDF of this template is laid out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PageSettings {
    pub page_size: PageSize,
    /// Millimetres.
    pub margins_mm: Margins,
    pub font_family: String,
    /// Font files (TTF/OTF) relative to the template folder, replacing the
    /// built-in family: regular, italic, bold, bold italic (as the PDF renderer reads them).
    pub fonts: Vec<String>,
    /// Font files (TTF/OTF) relative to the template folder for characters
    /// the faces lack, tried in order before DejaVu Sans and the machine's
    /// fonts: an office's own font for a script it briefs in.
    pub fallback_fonts: Vec<String>,
    pub font_size_pt: f32,
    /// Justified paragraphs (true) or ragged right (false).
    pub justify: bool,
    /// Text at the top of each page; `{title}` is replaced by the brief's title.
    pub header: String,
    /// Text at the bottom of each page, before "page X of Y".
    pub footer: String,
    /// Print the classification marking at the top and bottom of each page.
    pub classification_banner: bool,
    /// "Page X of Y" at the foot of each page of the PDF and Word document.
    pub page_numbers: bool,
    /// Export PDF/A-2b, the archival form, instead of a plain PDF.
    pub pdf_a: bool,
}

impl Default for PageSettings {
    fn default() -> Self {
        PageSettings {
            page_size: PageSize::A4,
            margins_mm: Margins::default(),
            font_family: "Noto Sans".to_owned(),
            fonts: Vec::new(),
            fallback_fonts: Vec::new(),
            font_size_pt: 10.5,
            justify: true,
            header: "{title}".to_owned(),
            footer: String::new(),
            classification_banner: true,
            page_numbers: true,
            pdf_a: false,
        }
    }
}
