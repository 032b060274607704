//! Markdown to PDF: pulldown-cmark → blocks → lines → pages → printpdf.
//!
//! Hand layout on printpdf without its HTML engine (measured in
//! `shared/notes/pdf-with-printpdf.md`: 4× faster and smaller than the
//! alternative). Text is NFC-normalized first, broken into lines where its
//! script allows, set in the order it reads and shaped in the fonts that
//! have it (the brief's own, else the machine's). Fonts are subset to the
//! glyphs used.

mod archive;
mod bidi;
mod blocks;
mod breaks;
mod finish;
mod fonts;
mod hyphenate;
mod icc;
mod layout;
mod shape;
mod system_fonts;
mod tags;

use printpdf::{
    Color, FontId, Line as PdfLine, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFont, PdfPage,
    PdfSaveOptions, Point, Pt, RawImage, RawImageData, RawImageFormat, Rect, Rgb, XObject, XObjectId, XObjectTransform,
};
use thiserror::Error;
use unicode_normalization::UnicodeNormalization;

use super::logo::Logo;
use super::DocumentInfo;
use crate::template::PageSize;
use blocks::{Block, Run};
use fonts::{Face, Fonts};
use layout::{break_lines, draw_line, Align, Line, Place};
use tags::{Role, Tree};

#[derive(Debug, Error)]
pub enum PdfError {
    #[error("the PDF could not be made: {0}")]
    Font(String),
}

/// A PDF's document and its fonts.
#[derive(Debug, Clone, Default)]
pub struct PdfOptions {
    pub document: DocumentInfo,
    /// Font files (regular, italic, bold, bold italic) replacing the built-in
    /// Noto Sans, as a template's manifest names them.
    pub fonts: Vec<Vec<u8>>,
    /// Font files for what those lack, tried in order before DejaVu Sans
    /// and the machine's fonts, as a template's manifest names them.
    pub fallback_fonts: Vec<Vec<u8>>,
}

/// A rendered PDF and what the reader should know about it.
#[derive(Debug, Clone)]
pub struct Pdf {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// E.g. characters no embedded font can draw.
    pub warnings: Vec<String>,
}

const MM: f32 = 72.0 / 25.4;
const HEADING: Rgb = Rgb { r: 0.12, g: 0.25, b: 0.47, icc_profile: None };
const MUTED: Rgb = Rgb { r: 0.40, g: 0.42, b: 0.46, icc_profile: None };
const BANNER: Rgb = Rgb { r: 0.69, g: 0.0, b: 0.13, icc_profile: None };
const RULE: Rgb = Rgb { r: 0.75, g: 0.77, b: 0.80, icc_profile: None };

/// Renders Markdown to a PDF.
pub fn render(markdown: &str, options: &PdfOptions) -> Result<Pdf, PdfError> {
    let markdown: String = markdown.nfc().collect();
    let document = &options.document;
    let markdown =
        super::without_marking_line(&markdown, &document.classification, document.page.classification_banner);
    let mut fonts = Fonts::new(&options.fonts, &options.fallback_fonts).map_err(PdfError::Font)?;
    fonts.cover(markdown);
    // PDF/A-2b, for archives: XMP metadata, an sRGB output intent, and
    // characters no font has left out rather than drawn as empty boxes.
    let archival = document.page.pdf_a;
    let drawable;
    let markdown = if archival {
        // PDF/A allows no .notdef glyph: what no font can draw is left out.
        drawable = fonts.drawable_only(markdown);
        drawable.as_str()
    } else {
        markdown
    };
    let blocks = blocks::parse(markdown);
    let mut doc = PdfDocument::new(&options.document.title);
    // Our own font ids, not printpdf's process-wide counter: the document's
    // objects follow their order, and a second export must give the same bytes.
    let ids: Vec<FontId> = (0..fonts.count())
        .map(|i| {
            let id = FontId(format!("F{i:03}"));
            doc.resources.fonts.map.insert(id.clone(), PdfFont::new(fonts.parsed(i).clone()));
            id
        })
        .collect();
    if let Some(logo) = &options.document.logo {
        // Embedded once; every page's header draws the same object.
        doc.resources.xobjects.map.insert(logo_id(), XObject::Image(logo_image(logo)));
    }
    let mut composer = Composer::new(options, ids.clone());
    for (i, block) in blocks.iter().enumerate() {
        composer.place(block, blocks.get(i + 1), &mut fonts);
    }
    let outline = composer.outline.clone();
    let anchors = std::mem::take(&mut composer.anchors);
    let (pages, tree) = composer.finish(&mut fonts);
    let count = pages.len();

    let mut warnings = Vec::new();
    // PDF/A: what was left out, and what one face lacked though another font
    // had it (drawn as an empty box all the same).
    let missing: std::collections::BTreeSet<char> =
        if archival { fonts.left_out().union(fonts.missing()).copied().collect() } else { fonts.missing().clone() };
    if !missing.is_empty() {
        let listed: Vec<String> = missing.iter().map(|c| format!("{c} (U+{:04X})", *c as u32)).collect();
        let shown = if archival { "they are left out of the PDF/A" } else { "they show as empty boxes" };
        warnings.push(format!(
            "the PDF's font has no glyph for {}; {shown}. Use a template whose manifest names a font that has them",
            listed.join(", ")
        ));
    }
    let subsets = fonts.subsets().map_err(PdfError::Font)?;
    let used: Vec<usize> = subsets.iter().map(|(i, _, _)| *i).collect();
    let glyph_maps: Vec<(FontId, fonts::GlyphMap)> =
        subsets.iter().map(|(i, _, map)| (ids[*i].clone(), map.clone())).collect();
    let mut pages = pages;
    renumber_glyphs(&mut pages, &glyph_maps);
    for (index, bytes, _) in subsets {
        let mut parsed = ParsedFont::from_bytes(&bytes, 0, &mut Vec::new())
            .ok_or_else(|| PdfError::Font("a font subset could not be read back".into()))?;
        // The subset keeps no name table: it is named after its font, with a
        // subset tag (ISO 32000-1, 9.6.4) made from what it holds, so the
        // same brief gives the same bytes.
        parsed.font_name = Some(format!("{}+{}", subset_tag(index, &bytes), fonts.postscript_name(index)));
        doc.resources.fonts.map.insert(ids[index].clone(), PdfFont::new(parsed));
    }
    // Fonts never drawn with are not embedded at all.
    for (index, id) in ids.iter().enumerate() {
        if !used.contains(&index) {
            doc.resources.fonts.map.remove(id);
        }
    }
    let info = &mut doc.metadata.info;
    info.document_title = options.document.title.clone();
    info.author = options.document.author.clone();
    info.subject = options.document.subject.clone();
    info.keywords = options.document.keywords.clone();
    info.creator = CREATOR.to_owned();
    info.producer = producer();
    let now = creation_time();
    info.creation_date = now;
    info.modification_date = now;
    info.metadata_date = now;
    let (width, height) = page_size_mm(options.document.page.page_size);
    let pages: Vec<PdfPage> = pages.into_iter().map(|ops| PdfPage::new(Mm(width), Mm(height), ops)).collect();
    let mut save_warnings = Vec::new();
    let bytes =
        doc.with_pages(pages).save(&PdfSaveOptions { subset_fonts: false, ..Default::default() }, &mut save_warnings);
    let bytes = finish::post_process(&bytes, &outline, &anchors, &tree, &options.document, archival.then_some(now))
        .map_err(PdfError::Font)?;
    Ok(Pdf { bytes, pages: count, warnings })
}

/// Six capitals naming a font subset: FNV-1a of its slot and its bytes.
fn subset_tag(slot: usize, bytes: &[u8]) -> String {
    let mut hash = std::iter::once(slot as u8)
        .chain(bytes.iter().copied())
        .fold(0xcbf2_9ce4_8422_2325u64, |hash, b| (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    (0..6)
        .map(|_| {
            let letter = char::from(b'A' + (hash % 26) as u8);
            hash /= 26;
            letter
        })
        .collect()
}

/// What made the PDF, as its Info dictionary (and a PDF/A's XMP) says.
const CREATOR: &str = "Briefsmith";

fn producer() -> String {
    format!("Briefsmith {}", env!("CARGO_PKG_VERSION"))
}

/// Now, or `SOURCE_DATE_EPOCH` for reproducible output.
fn creation_time() -> printpdf::OffsetDateTime {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|t| printpdf::OffsetDateTime::from_unix_timestamp(t).ok())
        .unwrap_or_else(printpdf::OffsetDateTime::now)
}

fn page_size_mm(size: PageSize) -> (f32, f32) {
    match size {
        PageSize::A4 => (210.0, 297.0),
        PageSize::Letter => (215.9, 279.4),
    }
}

/// Places blocks on pages, top to bottom.
struct Composer<'o> {
    options: &'o PdfOptions,
    ids: Vec<FontId>,
    pages: Vec<Vec<Op>>,
    ops: Vec<Op>,
    /// The baseline cursor, in points from the page's bottom.
    y: f32,
    top: f32,
    bottom: f32,
    left: f32,
    width: f32,
    page_height: f32,
    size: f32,
    outline: Vec<finish::OutlineEntry>,
    anchors: Vec<finish::Anchor>,
    tree: Tree,
    /// The lists being set, outermost first, each with the body of its last
    /// item: a deeper item's list goes in that body.
    lists: Vec<(usize, usize)>,
}

impl<'o> Composer<'o> {
    fn new(options: &'o PdfOptions, ids: Vec<FontId>) -> Self {
        let (w, h) = page_size_mm(options.document.page.page_size);
        let m = options.document.page.margins_mm;
        let page_height = h * MM;
        let top = page_height - m.top * MM;
        Composer {
            options,
            ids,
            pages: Vec::new(),
            ops: Vec::new(),
            y: top,
            top,
            bottom: m.bottom * MM,
            left: m.left * MM,
            width: (w - m.left - m.right) * MM,
            page_height,
            size: options.document.page.font_size_pt.clamp(6.0, 24.0),
            outline: Vec::new(),
            anchors: Vec::new(),
            tree: Tree::default(),
            lists: Vec::new(),
        }
    }

    fn new_page(&mut self) {
        self.pages.push(without_repeated_state(std::mem::take(&mut self.ops)));
        self.y = self.top;
    }

    /// The hyphenation patterns for justified text in the brief's language.
    fn patterns(&self) -> Option<&'static hyphenation::Standard> {
        self.options.document.page.justify.then(|| hyphenate::patterns_for(&self.options.document.language)).flatten()
    }

    /// Opens a run of content of structure element `element` on this page:
    /// the lines drawn until [`Composer::unmark`] are its. One run holds all
    /// of a block's lines on a page, so a long paragraph costs two operators
    /// a page, not two a line.
    fn mark(&mut self, element: usize) {
        let begin = self.tree.begin(element, self.pages.len());
        self.ops.push(begin);
    }

    fn unmark(&mut self) {
        self.ops.push(tags::end());
    }

    /// Draws `line` inside a run of `element` opened by [`Composer::mark`];
    /// its links become Link elements of `element`.
    fn draw(&mut self, element: usize, line: &Line, fonts: &mut Fonts, place: Place) {
        let page = self.pages.len();
        let links = Some(tags::LinkTags { tree: &mut self.tree, parent: element, page });
        draw_line(&mut self.ops, line, fonts, &self.ids, &place, links);
    }

    /// The list item's label and body elements for an item at `depth`; an
    /// item without a label is a later paragraph of the item before, whose
    /// body it joins.
    fn list_item(&mut self, depth: usize, labelled: bool) -> (Option<usize>, usize) {
        self.lists.truncate(depth + 1);
        let open_item = self.lists.get(depth).filter(|(list, body)| list != body).map(|&(_, body)| body);
        if let Some(body) = open_item.filter(|_| !labelled) {
            return (None, body);
        }
        if self.lists.len() <= depth {
            let parent = self.lists.last().map_or(Tree::DOCUMENT, |&(_, body)| body);
            let list = self.tree.add(parent, Role::List);
            self.lists.push((list, list));
        }
        let list = self.lists[self.lists.len() - 1].0;
        let item = self.tree.add(list, Role::ListItem);
        let label = labelled.then(|| self.tree.add(item, Role::Label));
        let body = self.tree.add(item, Role::ListBody);
        if let Some(last) = self.lists.last_mut() {
            last.1 = body;
        }
        (label, body)
    }

    fn room(&self) -> f32 {
        self.y - self.bottom
    }

    /// Moves down by `gap` unless at the top of a page.
    fn gap(&mut self, gap: f32) {
        if self.y < self.top {
            self.y -= gap;
        }
    }

    fn place(&mut self, block: &Block, next: Option<&Block>, fonts: &mut Fonts) {
        let size = self.size;
        if !matches!(block, Block::ListItem { .. } | Block::Anchor(_)) {
            self.lists.clear();
        }
        match block {
            Block::Heading { level, runs } => {
                let (hsize, face) = match level {
                    1 => (size * 1.9, Face::BOLD),
                    2 => (size * 1.35, Face::BOLD),
                    3 => (size * 1.15, Face::BOLD),
                    _ => (size * 1.05, Face { bold: true, italic: true }),
                };
                let runs = restyle(runs, face);
                let lines = break_lines(&runs, fonts, hsize, self.width, None);
                let leading = hsize * 1.25;
                let before = if *level <= 2 { size * 1.3 } else { size * 0.9 };
                // Keep the heading with the first lines of what follows.
                let following = next.map_or(0.0, |_| size * 1.45 * 2.0);
                if self.room() < before + leading * lines.len() as f32 + following {
                    self.new_page();
                }
                self.gap(before);
                let element = self.tree.add(Tree::DOCUMENT, Role::Heading(*level));
                self.outline.push(finish::OutlineEntry {
                    level: *level,
                    title: Block::plain_text(&runs).trim().to_owned(),
                    page: self.pages.len(),
                    y: self.y,
                });
                self.mark(element);
                for line in &lines {
                    self.y -= leading;
                    let (x, y, width) = (self.left, self.y, self.width);
                    let place = Place { x, y, width, size: hsize, align: Align::Start, color: HEADING };
                    self.draw(element, line, fonts, place);
                }
                self.unmark();
                if *level == 1 {
                    self.y -= size * 0.5;
                    self.rule(self.left, self.left + self.width, 1.0, HEADING);
                }
                self.y -= size * 0.35;
            }
            Block::Paragraph { runs } => {
                let align = if self.options.document.page.justify { Align::Justify } else { Align::Start };
                let lines = break_lines(runs, fonts, size, self.width, self.patterns());
                self.gap(size * 0.55);
                let element = self.tree.add(Tree::DOCUMENT, Role::Paragraph);
                self.flow(element, &lines, fonts, self.left, self.width, size, align, layout::TEXT);
            }
            Block::ListItem { depth, marker, runs } => {
                let indent = size * 1.6 * (*depth as f32 + 1.0);
                let lines = break_lines(runs, fonts, size, self.width - indent, self.patterns());
                let rtl = lines.first().is_some_and(|line| line.rtl);
                self.gap(size * 0.25);
                let (label, body) = self.list_item(*depth, !marker.is_empty());
                if let Some(label) = label {
                    let leading = size * 1.45;
                    if self.room() < leading * 2.0f32.min(lines.len() as f32) {
                        self.new_page();
                    }
                    let marker_line = break_lines(
                        &[Run { text: marker.clone(), face: Face::REGULAR, code: false, link: None }],
                        fonts,
                        size,
                        indent,
                        None,
                    );
                    if let Some(m) = marker_line.first() {
                        // A list item that reads right to left has its marker on the right.
                        let x = if rtl {
                            self.left + self.width - indent + size * 0.5
                        } else {
                            self.left + indent - m.width - size * 0.5
                        };
                        self.mark(label);
                        let (y, width) = (self.y - leading, m.width);
                        let place = Place { x, y, width, size, align: Align::Left, color: HEADING };
                        self.draw(label, m, fonts, place);
                        self.unmark();
                    }
                }
                let align = if self.options.document.page.justify { Align::Justify } else { Align::Start };
                let x = if rtl { self.left } else { self.left + indent };
                self.flow(body, &lines, fonts, x, self.width - indent, size, align, layout::TEXT);
            }
            Block::Quote { runs } => {
                let indent = size * 1.8;
                let quote_runs = restyle_italic(runs);
                let lines = break_lines(&quote_runs, fonts, size, self.width - indent, None);
                self.gap(size * 0.6);
                let start = self.y;
                let start_page = self.pages.len();
                let element = self.tree.add(Tree::DOCUMENT, Role::BlockQuote);
                for line in &lines {
                    let attribution = line.pieces.first().is_some_and(|p| p.text.starts_with('—'));
                    let align = if attribution { Align::Right } else { Align::Start };
                    self.flow(
                        element,
                        std::slice::from_ref(line),
                        fonts,
                        self.left + indent,
                        self.width - indent,
                        size,
                        align,
                        layout::TEXT,
                    );
                }
                if self.pages.len() == start_page {
                    let x = self.left + size * 0.5;
                    let bar = Rect {
                        x: Pt(x),
                        y: Pt(self.y - size * 0.35),
                        width: Pt(2.2),
                        height: Pt(start - self.y),
                        mode: Some(PaintMode::Fill),
                        winding_order: None,
                    };
                    self.ops.push(tags::artifact());
                    self.ops.push(Op::SetFillColor { col: Color::Rgb(RULE) });
                    self.ops.push(Op::DrawRectangle { rectangle: bar });
                    self.ops.push(tags::end());
                }
            }
            Block::Rule => {
                self.gap(size * 0.8);
                self.rule(self.left, self.left + self.width, 0.6, RULE);
                self.y -= size * 0.4;
            }
            Block::Table { header, rows } => self.table(header, rows, fonts),
            Block::Anchor(id) => {
                // Where the next block starts: on a new page if it will.
                if self.room() < size * 1.45 * 2.0 {
                    self.new_page();
                }
                self.anchors.push(finish::Anchor { id: id.clone(), page: self.pages.len(), y: self.y + size });
            }
        }
    }

    /// Sets lines one after another, breaking pages so that neither a single
    /// first line stays at a page's foot nor a single last line goes over.
    #[allow(clippy::too_many_arguments)]
    fn flow(
        &mut self,
        element: usize,
        lines: &[Line],
        fonts: &mut Fonts,
        x: f32,
        width: f32,
        size: f32,
        align: Align,
        color: Rgb,
    ) {
        let leading = size * 1.45;
        let mut i = 0;
        while i < lines.len() {
            let fit = (self.room() / leading).floor().max(0.0) as usize;
            let remaining = lines.len() - i;
            if fit < remaining {
                let mut take = fit;
                if lines.len() > 1 {
                    if i == 0 && take == 1 {
                        take = 0; // an orphan: move the whole paragraph on
                    } else if remaining - take == 1 && take > 1 {
                        take -= 1; // a widow: carry one more line over
                    }
                }
                if take == 0 && self.y < self.top {
                    self.new_page();
                    continue;
                }
                let take = take.max(1);
                self.mark(element);
                for line in &lines[i..i + take] {
                    self.y -= leading;
                    let place = Place { x, y: self.y, width, size, align, color: color.clone() };
                    self.draw(element, line, fonts, place);
                }
                self.unmark();
                i += take;
                self.new_page();
            } else {
                self.mark(element);
                for line in &lines[i..] {
                    self.y -= leading;
                    let place = Place { x, y: self.y, width, size, align, color: color.clone() };
                    self.draw(element, line, fonts, place);
                }
                self.unmark();
                i = lines.len();
            }
        }
    }

    fn rule(&mut self, from: f32, to: f32, thickness: f32, color: Rgb) {
        self.ops.push(tags::artifact());
        self.ops.push(Op::SetOutlineColor { col: Color::Rgb(color) });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        self.ops.push(Op::DrawLine {
            line: PdfLine {
                points: vec![
                    LinePoint { p: Point { x: Pt(from), y: Pt(self.y) }, bezier: false },
                    LinePoint { p: Point { x: Pt(to), y: Pt(self.y) }, bezier: false },
                ],
                is_closed: false,
            },
        });
        self.ops.push(tags::end());
    }

    /// A table with its header row repeated on every page it runs over.
    fn table(&mut self, header: &[Vec<Run>], rows: &[Vec<Vec<Run>>], fonts: &mut Fonts) {
        let size = self.size * 0.92;
        let columns = header.len().max(rows.iter().map(Vec::len).max().unwrap_or(0)).max(1);
        let pad = size * 0.4;
        // Columns share the width by how much text they hold, within bounds.
        let mut weights = vec![1.0f32; columns];
        for row in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
            for (c, cell) in row.iter().enumerate() {
                weights[c] += (Block::plain_text(cell).chars().count() as f32).min(60.0);
            }
        }
        let total: f32 = weights.iter().sum();
        let widths: Vec<f32> = weights.iter().map(|w| (w / total).max(0.12) * self.width).collect();
        let scale = self.width / widths.iter().sum::<f32>();
        let widths: Vec<f32> = widths.iter().map(|w| w * scale).collect();
        let leading = size * 1.35;
        let lay = |row: &[Vec<Run>], fonts: &mut Fonts, bold: bool| -> Vec<Vec<Line>> {
            (0..columns)
                .map(|c| {
                    let runs = row.get(c).cloned().unwrap_or_default();
                    let runs = if bold { restyle(&runs, Face::BOLD) } else { runs };
                    break_lines(&runs, fonts, size, widths[c] - 2.0 * pad, None)
                })
                .collect()
        };
        let header_cells = lay(header, fonts, true);
        let row_height =
            |cells: &Vec<Vec<Line>>| cells.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32 * leading + pad * 2.0;
        self.gap(self.size * 0.6);
        let header_height = row_height(&header_cells);
        if self.room() < header_height * 2.0 {
            self.new_page();
        }
        let table = self.tree.add(Tree::DOCUMENT, Role::Table);
        let header_row = self.tree.add(table, Role::TableRow);
        self.table_row(&header_cells, &widths, fonts, size, pad, true, Some(header_row));
        for row in rows {
            let cells = lay(row, fonts, false);
            let height = row_height(&cells);
            if self.room() < height && self.y < self.top {
                self.new_page();
                // The header repeated on a new page is pagination, not content.
                self.table_row(&header_cells, &widths, fonts, size, pad, true, None);
            }
            let element = self.tree.add(table, Role::TableRow);
            self.table_row(&cells, &widths, fonts, size, pad, false, Some(element));
        }
        self.y -= self.size * 0.3;
    }

    /// A table row; `row` is its structure element, or none for a repeated
    /// header, which is drawn as an artifact.
    #[allow(clippy::too_many_arguments)]
    fn table_row(
        &mut self,
        cells: &[Vec<Line>],
        widths: &[f32],
        fonts: &mut Fonts,
        size: f32,
        pad: f32,
        header: bool,
        row: Option<usize>,
    ) {
        let leading = size * 1.35;
        let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let height = lines as f32 * leading + pad * 2.0;
        let top = self.y;
        if header {
            let shade = Rgb { r: 0.92, g: 0.94, b: 0.97, icc_profile: None };
            self.ops.push(tags::artifact());
            self.ops.push(Op::SetFillColor { col: Color::Rgb(shade) });
            self.ops.push(Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(self.left),
                    y: Pt(top - height),
                    width: Pt(self.width),
                    height: Pt(height),
                    mode: Some(PaintMode::Fill),
                    winding_order: None,
                },
            });
            self.ops.push(tags::end());
        }
        let mut x = self.left;
        for (c, cell) in cells.iter().enumerate() {
            let role = if header { Role::TableHeader } else { Role::TableCell };
            let element = row.map(|row| self.tree.add(row, role));
            match element {
                Some(element) => self.mark(element),
                None => self.ops.push(tags::artifact()),
            }
            for (i, line) in cell.iter().enumerate() {
                let baseline = top - pad - leading * (i as f32 + 1.0) + size * 0.25;
                let width = widths[c] - 2.0 * pad;
                let place = Place { x: x + pad, y: baseline, width, size, align: Align::Start, color: layout::TEXT };
                match element {
                    Some(element) => self.draw(element, line, fonts, place),
                    None => draw_line(&mut self.ops, line, fonts, &self.ids, &place, None),
                }
            }
            self.unmark();
            x += widths[c];
        }
        self.y = top - height;
        self.rule(self.left, self.left + self.width, if header { 0.9 } else { 0.4 }, RULE);
    }

    /// Closes the last page and adds header, footer, banners and logo to
    /// all: the pages, and the structure tree with the logo in it.
    fn finish(mut self, fonts: &mut Fonts) -> (Vec<Vec<Op>>, Tree) {
        if !self.ops.is_empty() || self.pages.is_empty() {
            self.pages.push(without_repeated_state(std::mem::take(&mut self.ops)));
        }
        let total = self.pages.len();
        let size = self.size * 0.78;
        let page = &self.options.document.page;
        let header = page.header.replace("{title}", &self.options.document.title);
        let banner = (page.classification_banner && !self.options.document.classification.trim().is_empty())
            .then(|| self.options.document.classification.trim().to_owned());
        let margin_top = page.margins_mm.top * MM;
        let margin_bottom = page.margins_mm.bottom * MM;
        let logo = self.options.document.logo.clone();
        let logo_box = logo.as_ref().map(|logo| logo.header_size(margin_top, self.width));
        // The running header stops short of the logo.
        let header_width = logo_box.map_or(self.width, |(w, _)| self.width - w - 4.0 * MM);
        let mut pages = std::mem::take(&mut self.pages);
        for (n, ops) in pages.iter_mut().enumerate() {
            let mut furniture = Vec::new();
            if let (Some(logo), Some((w, h))) = (&logo, logo_box) {
                // Read once, on the first page, as a figure; elsewhere it is pagination.
                furniture.push(if n == 0 {
                    let figure = self.tree.first_figure(&logo.alt);
                    self.tree.begin(figure, 0)
                } else {
                    tags::artifact()
                });
                let transform = XObjectTransform {
                    translate_x: Some(Pt(self.left + self.width - w)),
                    translate_y: Some(Pt(self.page_height - margin_top * 0.15 - h)),
                    scale_x: Some(w / logo.width as f32),
                    scale_y: Some(h / logo.height as f32),
                    dpi: Some(72.0),
                    ..XObjectTransform::default()
                };
                furniture.push(Op::UseXobject { id: logo_id(), transform });
                furniture.push(tags::end());
            }
            let mut text_line =
                |text: &str, face: Face, (y, width): (f32, f32), align: Align, color: Rgb, fonts: &mut Fonts| {
                    // PDF/A: no empty boxes in the header and footer either.
                    let text = if page.pdf_a { fonts.drawable_only(text) } else { text.to_owned() };
                    let runs = [Run { text, face, code: false, link: None }];
                    if let Some(line) = break_lines(&runs, fonts, size, width, None).first() {
                        furniture.push(tags::artifact());
                        let place = Place { x: self.left, y, width, size, align, color };
                        draw_line(&mut furniture, line, fonts, &self.ids, &place, None);
                        furniture.push(tags::end());
                    }
                };
            if let Some(banner) = &banner {
                let top = (self.page_height - margin_top * 0.35, self.width);
                text_line(banner, Face::BOLD, top, Align::Center, BANNER, fonts);
                text_line(banner, Face::BOLD, (margin_bottom * 0.25, self.width), Align::Center, BANNER, fonts);
            }
            if !header.trim().is_empty() && n > 0 {
                text_line(
                    header.trim(),
                    Face::REGULAR,
                    (self.page_height - margin_top * 0.65, header_width),
                    Align::Left,
                    MUTED,
                    fonts,
                );
            }
            let number =
                format!("{} {} {} {}", self.options.document.page_label, n + 1, self.options.document.of_label, total);
            let footer_y = margin_bottom * 0.55;
            if !page.footer.trim().is_empty() {
                text_line(page.footer.trim(), Face::REGULAR, (footer_y, self.width), Align::Left, MUTED, fonts);
            }
            if page.page_numbers {
                text_line(number.trim(), Face::REGULAR, (footer_y, self.width), Align::Right, MUTED, fonts);
            }
            furniture.append(ops);
            *ops = furniture;
        }
        (pages, self.tree)
    }
}

/// The name every page's resources give the logo.
fn logo_id() -> XObjectId {
    XObjectId("Logo".to_owned())
}

/// The logo's pixels as the PDF embeds them: RGB, with an alpha mask only
/// when some pixel lets the page through.
fn logo_image(logo: &Logo) -> RawImage {
    let (pixels, data_format) = if logo.has_transparency() {
        (logo.rgba.clone(), RawImageFormat::RGBA8)
    } else {
        (logo.rgba.chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]).collect(), RawImageFormat::RGB8)
    };
    RawImage {
        pixels: RawImageData::U8(pixels),
        width: logo.width as usize,
        height: logo.height as usize,
        data_format,
        tag: Vec::new(),
    }
}

/// A page's ops without the fill colours and fonts set again to what they
/// already were: each line sets both, most to the same as the line before,
/// and a long brief keeps every page's ops until the end. Both persist from
/// one text object to the next, so the page draws the same.
fn without_repeated_state(mut ops: Vec<Op>) -> Vec<Op> {
    let (mut fill, mut font) = (None, None);
    ops.retain(|op| match op {
        Op::SetFillColor { .. } if fill.as_ref() == Some(op) => false,
        Op::SetFillColor { .. } => {
            fill = Some(op.clone());
            true
        }
        Op::SetFont { .. } if font.as_ref() == Some(op) => false,
        Op::SetFont { .. } => {
            font = Some(op.clone());
            true
        }
        _ => true,
    });
    ops.shrink_to_fit();
    ops
}

/// Glyphs drawn by id take their numbers in the font subsets: `maps` says,
/// per font, where each went.
fn renumber_glyphs(pages: &mut [Vec<Op>], maps: &[(FontId, fonts::GlyphMap)]) {
    for ops in pages {
        let mut map = None;
        for op in ops.iter_mut() {
            match op {
                Op::SetFont { font: printpdf::PdfFontHandle::External(id), .. } => {
                    map = maps.iter().find(|(font, _)| font == id).map(|(_, map)| map);
                }
                Op::ShowText { items } => {
                    for item in items {
                        if let printpdf::TextItem::GlyphIds(glyphs) = item {
                            for glyph in glyphs {
                                glyph.gid = map.and_then(|m| m.get(&glyph.gid)).copied().unwrap_or(glyph.gid);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

/// The same runs in another face (headings are bold throughout).
fn restyle(runs: &[Run], face: Face) -> Vec<Run> {
    runs.iter()
        .map(|r| Run {
            face: Face { bold: face.bold || r.face.bold, italic: face.italic || r.face.italic },
            ..r.clone()
        })
        .collect()
}

/// Quotations are set in italic; the attribution line after a forced break stays upright.
fn restyle_italic(runs: &[Run]) -> Vec<Run> {
    let mut after_break = false;
    let mut out = Vec::new();
    for run in runs {
        for (i, part) in run.text.split('\n').enumerate() {
            if i > 0 {
                after_break = true;
            }
            let text = if i > 0 { format!("\n{part}") } else { part.to_owned() };
            if text.is_empty() {
                continue;
            }
            let face = Face { bold: run.face.bold, italic: !after_break };
            out.push(Run { text, face, ..run.clone() });
        }
    }
    out
}
