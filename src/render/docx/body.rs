//! Blocks into a docx-rs document: paragraphs in Word's built-in styles,
//! numbered and bulleted lists, tables, bookmarks and links, and the header
//! and footer with their page fields.

use std::collections::BTreeMap;

use docx_rs::{
    AbstractNumbering, AlignmentType, BorderType, BreakType, Docx, FieldCharType, Footer, Header, Hyperlink,
    HyperlinkData, IndentLevel, InstrNUMPAGES, InstrPAGE, InstrText, Level, LevelJc, LevelOverride, LevelText,
    NumberFormat, Numbering, NumberingId, PageMargin, Paragraph, ParagraphBorder, ParagraphBorderPosition,
    ParagraphBorders, Run, Shading, SpecialIndentType, Start, Table, TableBorder, TableBorderPosition, TableBorders,
    TableCell, TableRow, WidthType,
};

use super::package::escape;
use super::parse::{Block, Inline, ListKind, Style};
use super::{DocumentInfo, Geometry};

// docx-rs always writes an abstract numbering and a numbering of its own, both id 1.
pub(crate) const BULLETS: usize = 2;
const BULLET_ABSTRACT: usize = 2;
const DECIMAL_ABSTRACT: usize = 3;
/// The marking's colour, as the PDF's banner.
const BANNER: &str = "B00021";
const HEADER_SHADE: &str = "EBF0F7";
pub(crate) const GRID: &str = "A6ADB8";

/// A document being written: the ids docx-rs would otherwise draw from
/// process-wide counters.
struct Writer<'a> {
    paragraphs: u32,
    links: usize,
    bookmarks: usize,
    /// Bookmark names (the anchors' ids) in the document.
    anchors: &'a BTreeMap<String, ()>,
    /// Word numbering instance per ordered list.
    numbers: BTreeMap<usize, usize>,
    size: usize,
}

impl Writer<'_> {
    fn paragraph(&mut self) -> Paragraph {
        self.paragraphs += 1;
        Paragraph::new().id(format!("{:08X}", self.paragraphs))
    }

    fn runs(&mut self, mut paragraph: Paragraph, inlines: &[Inline], base: Style) -> Paragraph {
        let mut open_bookmarks = Vec::new();
        for inline in inlines {
            match inline {
                Inline::Break => paragraph = paragraph.add_run(Run::new().add_break(BreakType::TextWrapping)),
                Inline::Anchor(name) => {
                    self.bookmarks += 1;
                    paragraph = paragraph.add_bookmark_start(self.bookmarks, escape(name));
                    open_bookmarks.push(self.bookmarks);
                }
                Inline::Text { text, style, link } => {
                    let style = Style {
                        bold: style.bold || base.bold,
                        italic: style.italic || base.italic,
                        strike: style.strike || base.strike,
                        code: style.code || base.code,
                    };
                    let run = styled_run(text, style);
                    match link.as_deref() {
                        Some(target) => paragraph = self.link(paragraph, target, run),
                        None => paragraph = paragraph.add_run(run),
                    }
                }
            }
        }
        // The bookmark spans the rest of its paragraph, so following a link selects it.
        for id in open_bookmarks {
            paragraph = paragraph.add_bookmark_end(id);
        }
        paragraph
    }

    fn link(&mut self, paragraph: Paragraph, target: &str, run: Run) -> Paragraph {
        let data = if let Some(anchor) = target.strip_prefix('#') {
            // A link to nowhere in the document is left as its text.
            if !self.anchors.contains_key(anchor) {
                return paragraph.add_run(run);
            }
            HyperlinkData::Anchor { anchor: escape(anchor) }
        } else {
            let scheme = target.split(':').next().unwrap_or("").to_ascii_lowercase();
            if target.trim().is_empty() || matches!(scheme.as_str(), "javascript" | "vbscript" | "data" | "file") {
                return paragraph.add_run(run);
            }
            self.links += 1;
            HyperlinkData::External { rid: format!("rIdLink{}", self.links), path: escape(target) }
        };
        paragraph.add_hyperlink(
            Hyperlink { link: data, history: None, children: Vec::new() }.add_run(run.style("Hyperlink")),
        )
    }
}

fn styled_run(text: &str, style: Style) -> Run {
    let mut run = Run::new().add_text(text);
    if style.code {
        run = run.style("HTMLCode");
    }
    if style.bold {
        run = run.bold();
    }
    if style.italic {
        run = run.italic();
    }
    if style.strike {
        run = run.strike();
    }
    run
}

/// The field `PAGE` or `NUMPAGES`, showing `1` until Word or LibreOffice updates it.
fn field(instr: InstrText) -> Run {
    Run::new()
        .add_field_char(FieldCharType::Begin, false)
        .add_instr_text(instr)
        .add_field_char(FieldCharType::Separate, false)
        .add_text("1")
        .add_field_char(FieldCharType::End, false)
}

fn numbering(docx: Docx) -> Docx {
    let mut bullets = AbstractNumbering::new(BULLET_ABSTRACT);
    let mut decimal = AbstractNumbering::new(DECIMAL_ABSTRACT);
    for level in 0..9usize {
        let indent = 360 * (level as i32 + 1);
        let bullet = ["•", "◦", "▪"][level % 3];
        bullets = bullets.add_level(
            Level::new(level, Start::new(1), NumberFormat::new("bullet"), LevelText::new(bullet), LevelJc::new("left"))
                .indent(Some(indent), Some(SpecialIndentType::Hanging(360)), None, None),
        );
        decimal = decimal.add_level(
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new(if level % 3 == 1 { "lowerLetter" } else { "decimal" }),
                LevelText::new(format!("%{}.", level + 1)),
                LevelJc::new("left"),
            )
            .indent(Some(indent), Some(SpecialIndentType::Hanging(360)), None, None),
        );
    }
    docx.add_abstract_numbering(bullets)
        .add_abstract_numbering(decimal)
        .add_numbering(Numbering::new(BULLETS, BULLET_ABSTRACT))
}

pub(crate) fn build(blocks: &[Block], options: &DocumentInfo, geometry: &Geometry) -> Docx {
    let anchors: BTreeMap<String, ()> = blocks
        .iter()
        .flat_map(|b| match b {
            Block::Heading { inlines, .. }
            | Block::Paragraph { inlines }
            | Block::ListItem { inlines, .. }
            | Block::Quote { inlines }
            | Block::Code { inlines } => inlines.clone(),
            Block::Table { header, rows } => header.iter().chain(rows.iter().flatten()).flatten().cloned().collect(),
            Block::Rule => Vec::new(),
        })
        .filter_map(|i| match i {
            Inline::Anchor(name) => Some((name, ())),
            _ => None,
        })
        .collect();
    let size = super::half_points(options.page.font_size_pt);
    let mut w = Writer { paragraphs: 0, links: 0, bookmarks: 0, anchors: &anchors, numbers: BTreeMap::new(), size };
    let mut docx = numbering(Docx::new());
    let mut title_done = false;
    for block in blocks {
        match block {
            Block::Heading { level, inlines } => {
                let style = match level {
                    1 if !title_done => {
                        title_done = true;
                        "Title".to_owned()
                    }
                    1 => "Heading1".to_owned(),
                    n => format!("Heading{}", (n - 1).min(5)),
                };
                let p = w.paragraph().style(&style);
                docx = docx.add_paragraph(w.runs(p, inlines, Style::default()));
            }
            Block::Paragraph { inlines } => {
                let p = w.paragraph();
                docx = docx.add_paragraph(w.runs(p, inlines, Style::default()));
            }
            Block::Code { inlines } => {
                let p = w.paragraph().style("HTMLPreformatted");
                docx = docx.add_paragraph(w.runs(p, inlines, Style { code: true, ..Style::default() }));
            }
            Block::ListItem { kind, depth, marker, inlines } => {
                let mut p = w.paragraph();
                if *marker {
                    let (style, id) = match kind {
                        ListKind::Bullet => ("ListBullet", BULLETS),
                        ListKind::Ordered { list, start } => {
                            let next = BULLETS + 1 + w.numbers.len();
                            let id = *w.numbers.entry(*list).or_insert(next);
                            if id == next {
                                docx = docx.add_numbering(
                                    Numbering::new(id, DECIMAL_ABSTRACT)
                                        .add_override(LevelOverride::new(*depth).start((*start).min(32_767) as usize)),
                                );
                            }
                            ("ListNumber", id)
                        }
                    };
                    p = p.style(style).numbering(NumberingId::new(id), IndentLevel::new((*depth).min(8)));
                } else {
                    let indent = 360 * ((*depth).min(8) as i32 + 1);
                    p = p.style("ListContinue").indent(Some(indent), None, None, None);
                }
                docx = docx.add_paragraph(w.runs(p, inlines, Style::default()));
            }
            Block::Quote { inlines } => {
                // "— Speaker" after a line break is the attribution: its own
                // paragraph, set upright to the right, as in the PDF.
                let split = inlines.iter().enumerate().position(|(i, inline)| {
                    i > 0
                        && matches!(inlines[i - 1], Inline::Break)
                        && matches!(inline, Inline::Text { text, .. } if text.trim_start().starts_with('—'))
                });
                let (words, attribution) = match split {
                    Some(at) => (&inlines[..at - 1], &inlines[at..]),
                    None => (&inlines[..], &[][..]),
                };
                let p = w.paragraph().style("Quote");
                docx = docx.add_paragraph(w.runs(p, words, Style::default()));
                if !attribution.is_empty() {
                    let p = w.paragraph().style("Quote").align(AlignmentType::Right);
                    let p = w.runs(p, attribution, Style::default());
                    docx = docx.add_paragraph(upright(p));
                }
            }
            Block::Rule => {
                let border = ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                    .val(BorderType::Single)
                    .size(6)
                    .color("BFC4CC");
                let p = w.paragraph().set_borders(ParagraphBorders::with_empty().set(border));
                docx = docx.add_paragraph(p);
            }
            Block::Table { header, rows } => docx = docx.add_table(table(&mut w, header, rows, geometry)),
        }
    }
    let furniture = furniture(&mut w, options);
    let m = geometry;
    docx.header(furniture.header)
        .first_header(furniture.first_header)
        .footer(furniture.footer)
        .first_footer(furniture.first_footer)
        .title_pg()
        .page_size(geometry.width, geometry.height)
        .page_margin(PageMargin {
            top: m.top,
            right: m.right,
            bottom: m.bottom,
            left: m.left,
            // The header and footer sit halfway into their margins.
            header: m.top / 2,
            footer: m.bottom / 2,
            gutter: 0,
        })
}

/// The attribution's runs without the Quote style's italic.
fn upright(mut p: Paragraph) -> Paragraph {
    for child in &mut p.children {
        if let docx_rs::ParagraphChild::Run(run) = child {
            **run = std::mem::take(&mut **run).disable_italic();
        }
    }
    p
}

fn table(w: &mut Writer<'_>, header: &[Vec<Inline>], rows: &[Vec<Vec<Inline>>], geometry: &Geometry) -> Table {
    let columns = header.len().max(rows.iter().map(Vec::len).max().unwrap_or(0)).max(1);
    // Columns share the width by how much text they hold, within bounds (as the PDF).
    let mut weights = vec![1.0f32; columns];
    for row in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
        for (c, cell) in row.iter().enumerate().take(columns) {
            weights[c] += (Block::plain_text(cell).chars().count() as f32).min(60.0);
        }
    }
    let total: f32 = weights.iter().sum();
    let shares: Vec<f32> = weights.iter().map(|w| (w / total).max(0.12)).collect();
    let sum: f32 = shares.iter().sum();
    let grid: Vec<usize> =
        shares.iter().map(|s| ((s / sum) * geometry.text_width as f32).floor().max(200.0) as usize).collect();
    let row = |w: &mut Writer<'_>, cells: &[Vec<Inline>], head: bool| -> TableRow {
        let cells = (0..columns)
            .map(|c| {
                let inlines = cells.get(c).map(Vec::as_slice).unwrap_or(&[]);
                let p = w.paragraph();
                let p = w.runs(p, inlines, Style { bold: head, ..Style::default() });
                let mut cell = TableCell::new().add_paragraph(p).width(grid[c], WidthType::Dxa);
                if head {
                    cell = cell.shading(Shading::new().fill(HEADER_SHADE));
                }
                cell
            })
            .collect();
        TableRow::new(cells).cant_split()
    };
    let mut all = vec![row(w, header, true)];
    for r in rows {
        all.push(row(w, r, false));
    }
    // docx-rs writes borders on every table: the Table Grid style's, so the two agree.
    let borders = [
        TableBorderPosition::Top,
        TableBorderPosition::Left,
        TableBorderPosition::Bottom,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ]
    .into_iter()
    .fold(TableBorders::new(), |b, side| b.set(TableBorder::new(side).size(4).color(GRID)));
    Table::new(all)
        .style("TableGrid")
        .set_borders(borders)
        .set_grid(grid.clone())
        .width(grid.iter().sum(), WidthType::Dxa)
}

/// Every page's furniture: the header (marking, then the title line), the
/// first page's header (the marking only: the title is right below it), and
/// the footer (footer text and page X of Y, then the marking again when the
/// template wants a banner), which the first page has too.
struct Furniture {
    header: Header,
    first_header: Header,
    footer: Footer,
    first_footer: Footer,
}

fn furniture(w: &mut Writer<'_>, options: &DocumentInfo) -> Furniture {
    let page = &options.page;
    let marking = options.classification.as_str();
    let small = w.size.saturating_sub(4).max(12);
    let banner = |w: &mut Writer<'_>, style: &str| {
        w.paragraph()
            .style(style)
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text(marking).bold().color(BANNER).size(small))
    };
    let mut header = Header::new();
    let mut first_header = Header::new();
    if !marking.is_empty() {
        header = header.add_paragraph(banner(w, "Header"));
        first_header = first_header.add_paragraph(banner(w, "Header"));
    }
    let line = page.header.replace("{title}", &options.title);
    if !line.trim().is_empty() {
        let p = w.paragraph().style("Header").add_run(Run::new().add_text(line.trim()));
        header = header.add_paragraph(p);
    }
    let mut footer = || {
        let mut footer = Footer::new();
        let mut numbers = w.paragraph().style("Footer");
        if !page.footer.trim().is_empty() {
            numbers = numbers.add_run(Run::new().add_text(page.footer.trim()));
        }
        // The Footer style's right tab stop puts the page number at the right margin.
        if page.page_numbers {
            numbers = numbers
                .add_run(Run::new().add_tab())
                .add_run(Run::new().add_text(format!("{} ", options.page_label).trim_start()))
                .add_run(field(InstrText::PAGE(InstrPAGE::new())))
                .add_run(Run::new().add_text(format!(" {} ", options.of_label)))
                .add_run(field(InstrText::NUMPAGES(InstrNUMPAGES::new())));
        }
        footer = footer.add_paragraph(numbers);
        if page.classification_banner && !marking.is_empty() {
            footer = footer.add_paragraph(banner(w, "Footer"));
        }
        footer
    };
    let (footer, first_footer) = (footer(), footer());
    Furniture { header, first_header, footer, first_footer }
}
