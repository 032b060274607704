//! A reviewed [`Brief`] through a template into what leaves the analyst's
//! desk: Markdown, PDF, HTML and plain text. The CLI and the desktop
//! app both export through here, so the same brief renders the same way.

use thiserror::Error;

use crate::brief::Brief;
use crate::render::html::HtmlOptions;
use crate::render::pdf::{Pdf, PdfError, PdfOptions};
use crate::render::DocumentInfo;
use crate::template::{Library, PageSize, Resolved, TemplateError};

#[derive(Debug, Error)]
pub enum ExportError {
    #[error(transparent)]
    Template(#[from] TemplateError),
    #[error(transparent)]
    Pdf(#[from] PdfError),
    #[error(transparent)]
    Docx(#[from] crate::render::docx::DocxError),
}

/// The brief as Markdown, in `locale`.
pub fn markdown(library: &Library, template: &Resolved, brief: &Brief, locale: &str) -> Result<String, ExportError> {
    Ok(library.render(template, brief, locale)?)
}

/// The Markdown of [`markdown`] as a Word document, with the page settings,
/// properties and page numbering of the PDF of [`pdf`].
pub fn docx(
    library: &Library,
    template: &Resolved,
    brief: &Brief,
    locale: &str,
    markdown: &str,
    page_size: Option<PageSize>,
) -> Result<Vec<u8>, ExportError> {
    let document = document(library, template, brief, locale, page_size)?;
    Ok(crate::render::docx::render(markdown, &document)?)
}

/// What the PDF and the Word document share: the page from the template's
/// manifest (`page_size` overriding its size), the properties and marking
/// from the brief, the page labels from the locale.
fn document(
    library: &Library,
    template: &Resolved,
    brief: &Brief,
    locale: &str,
    page_size: Option<PageSize>,
) -> Result<DocumentInfo, ExportError> {
    let (labels, _) = library.labels(locale, &template.manifest)?;
    let label = |key: &str, default: &str| labels.get(key).cloned().unwrap_or_else(|| default.to_owned());
    let mut page = template.manifest.pdf.clone();
    if let Some(size) = page_size {
        page.page_size = size;
    }
    Ok(DocumentInfo {
        page,
        title: brief.title.clone(),
        author: brief.analyst.analyst.clone(),
        subject: [template.manifest.description.as_str(), brief.source.name.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" · "),
        keywords: brief.entities.iter().filter(|e| e.included).take(8).map(|e| e.text.clone()).collect(),
        classification: template.manifest.marking(brief).to_owned(),
        page_label: label("page", "Page"),
        of_label: label("of", "of"),
        language: brief.language.clone(),
        logo: library.logo(template)?,
    })
}

/// The Markdown of [`markdown`] as a PDF, laid out as the template's
/// manifest says; `page_size` overrides the manifest's, and `pdf_a` asks
/// for PDF/A-2b whatever the manifest says.
pub fn pdf(
    library: &Library,
    template: &Resolved,
    brief: &Brief,
    locale: &str,
    markdown: &str,
    page_size: Option<PageSize>,
    pdf_a: bool,
) -> Result<Pdf, ExportError> {
    let mut document = document(library, template, brief, locale, page_size)?;
    document.page.pdf_a |= pdf_a;
    let options = PdfOptions {
        document,
        fonts: library.font_files(template)?,
        fallback_fonts: library.fallback_font_files(template)?,
    };
    Ok(crate::render::pdf::render(markdown, &options)?)
}

/// The Markdown of [`markdown`] as one self-contained HTML file, styled for
/// screen and print as the template's page settings say; `page_size`
/// overrides the printed page's size, as for [`pdf`].
pub fn html(
    library: &Library,
    template: &Resolved,
    brief: &Brief,
    markdown: &str,
    page_size: Option<PageSize>,
) -> Result<String, ExportError> {
    let mut page = template.manifest.pdf.clone();
    if let Some(size) = page_size {
        page.page_size = size;
    }
    let options = HtmlOptions {
        title: brief.title.clone(),
        language: brief.language.clone(),
        author: brief.analyst.analyst.clone(),
        classification: template.manifest.marking(brief).to_owned(),
        banner: page.classification_banner,
        page,
        logo: library.logo(template)?,
    };
    Ok(crate::render::html::document(markdown, &options))
}

/// The Markdown of [`markdown`] as plain text for an e-mail.
pub fn text(markdown: &str) -> String {
    crate::render::text::plain(markdown)
}
