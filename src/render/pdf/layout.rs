//! Lines: text broken where its script allows ([`super::breaks`]), long
//! words broken rather than overflowing, each line's pieces drawn in the
//! order they read ([`super::bidi`]), in the fonts that have their
//! characters, shaped; paragraphs justified with TJ offsets (word spacing
//! does not work with embedded fonts).

use printpdf::{
    Actions, BorderArray, Codepoint, Color, ColorArray, FontId, HighlightingMode, LinkAnnotation, Op, PdfFontHandle,
    Pt, Rect, Rgb, TextItem, TextMatrix,
};

use hyphenation::Standard;
use unicode_segmentation::UnicodeSegmentation;

use super::bidi::{self, Levels};
use super::blocks::Run;
use super::fonts::{Face, Fonts};
use super::tags::{self, LinkTags};

/// A piece of a line in one style and direction.
#[derive(Debug, Clone)]
pub struct Piece {
    pub text: String,
    pub face: Face,
    pub code: bool,
    pub link: Option<String>,
    /// Its bidirectional embedding level: odd reads right to left.
    pub level: u8,
}

#[derive(Debug, Clone, Default)]
pub struct Line {
    /// In reading order.
    pub pieces: Vec<Piece>,
    /// Width without trailing spaces, in points.
    pub width: f32,
    /// Ends at a forced break (or the end of its block): never justified.
    pub last: bool,
    /// Its block reads right to left, so it starts at the right.
    pub rtl: bool,
}

/// Breaks runs into lines no wider than `max_width` points; with `patterns`
/// (justified text), a word that would leave its line loose is hyphenated.
pub fn break_lines(
    runs: &[Run],
    fonts: &mut Fonts,
    size: f32,
    max_width: f32,
    patterns: Option<&Standard>,
) -> Vec<Line> {
    let text: String = runs.iter().map(|r| r.text.as_str()).collect();
    // Where each run starts in `text`, to give every segment its style.
    let mut starts = Vec::with_capacity(runs.len());
    let mut offset = 0;
    for run in runs {
        starts.push(offset);
        offset += run.text.len();
    }
    let levels = Levels::of(&text);
    let mut lines = Vec::new();
    let mut line = Line::default();
    let mut line_width = 0.0; // including trailing spaces
    let mut previous = 0;
    for (at, mandatory) in super::breaks::opportunities(&text) {
        let segment = &text[previous..at];
        let segment_start = previous;
        previous = at;
        let pieces = pieces_of(runs, &starts, &levels, segment_start, segment);
        // Each piece's words, then its trailing spaces: shaping measures a
        // word once, not again with its space.
        let (mut visible, mut full) = (0.0, 0.0);
        for piece in &pieces {
            let text = piece.text.trim_end_matches('\n');
            let words = text.trim_end_matches(' ');
            let width = fonts.width(piece.face, words, size);
            visible += width;
            full += width + fonts.width(piece.face, &text[words.len()..], size);
        }
        if line_width + visible > max_width && !line.pieces.is_empty() {
            let rest = patterns.and_then(|p| hyphenate_into(&mut line, &pieces, p, fonts, size, max_width));
            finish(&mut line, fonts, size);
            lines.push(std::mem::take(&mut line));
            line_width = 0.0;
            if let Some(rest) = rest {
                line_width = fonts.width(rest.face, rest.text.trim_end_matches('\n'), size);
                let rest = Piece { text: rest.text.trim_end_matches('\n').to_owned(), ..rest };
                push_piece(&mut line, rest);
                if mandatory {
                    finish(&mut line, fonts, size);
                    line.last = true;
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                continue;
            }
        }
        if visible > max_width {
            // A word longer than the line (a URL, a hash): break it between
            // characters as the reader sees them (a letter with its marks,
            // an Indic syllable), each measured shaped.
            for piece in pieces {
                for character in piece.text.trim_end_matches('\n').graphemes(true) {
                    let w = fonts.width(piece.face, character, size);
                    if line_width + w > max_width && !line.pieces.is_empty() {
                        finish(&mut line, fonts, size);
                        lines.push(std::mem::take(&mut line));
                        line_width = 0.0;
                    }
                    push_piece(&mut line, Piece { text: character.to_owned(), ..piece.clone() });
                    line_width += w;
                }
            }
        } else {
            for piece in pieces {
                let piece = Piece { text: piece.text.trim_end_matches('\n').to_owned(), ..piece };
                if !piece.text.is_empty() {
                    push_piece(&mut line, piece);
                }
            }
            line_width += full;
        }
        if mandatory {
            finish(&mut line, fonts, size);
            line.last = true;
            if !line.pieces.is_empty() || segment.ends_with('\n') {
                lines.push(std::mem::take(&mut line));
            }
            line_width = 0.0;
        }
    }
    if !line.pieces.is_empty() {
        finish(&mut line, fonts, size);
        line.last = true;
        lines.push(line);
    }
    lines.retain(|l| !l.pieces.is_empty());
    for line in &mut lines {
        line.rtl = levels.rtl;
    }
    lines
}

/// How loose a justified line may be, in ems per space, before its next
/// word is hyphenated rather than moved whole to the next line.
const HYPHENATE_ABOVE_EM: f32 = 0.25;

/// Ends `line` with the head of the word in `pieces` and a hyphen when the
/// line would otherwise be loose and the head fits; returns the rest of the
/// word, to open the next line. A word in one style only: a word that
/// changes style midway, code and links are moved whole.
fn hyphenate_into(
    line: &mut Line,
    pieces: &[Piece],
    patterns: &Standard,
    fonts: &mut Fonts,
    size: f32,
    max_width: f32,
) -> Option<Piece> {
    // Code and addresses are copied, not read: a hyphen would change them.
    let [piece] = pieces else { return None };
    if piece.code || piece.link.is_some() {
        return None;
    }
    let word = piece.text.trim_end_matches(['\n', ' ']);
    let mut trimmed = line.clone();
    finish(&mut trimmed, fonts, size);
    let spaces: usize = trimmed.pieces.iter().map(|p| p.text.matches(' ').count()).sum();
    if (max_width - trimmed.width) / (spaces.max(1) as f32) <= size * HYPHENATE_ABOVE_EM {
        return None;
    }
    let full_width: f32 = line.pieces.iter().map(|p| fonts.width(p.face, &p.text, size)).sum();
    let room = max_width - full_width;
    let (head, at) = super::hyphenate::split(patterns, word, |head| fonts.width(piece.face, head, size) <= room)?;
    let rest = Piece { text: piece.text[at..].to_owned(), ..piece.clone() };
    if fonts.width(rest.face, rest.text.trim_end_matches(['\n', ' ']), size) > max_width {
        return None;
    }
    push_piece(line, Piece { text: head, ..piece.clone() });
    Some(rest)
}

/// The pieces of `segment` (which starts at `start` in the block's text),
/// cut where the style or the direction changes.
fn pieces_of(runs: &[Run], starts: &[usize], levels: &Levels, start: usize, segment: &str) -> Vec<Piece> {
    let end = start + segment.len();
    let mut out = Vec::new();
    let first = starts.partition_point(|&run_start| run_start <= start).saturating_sub(1);
    for (run, &run_start) in runs.iter().zip(starts).skip(first) {
        if run_start >= end {
            break;
        }
        let run_end = run_start + run.text.len();
        let mut from = start.max(run_start);
        let to = end.min(run_end);
        while from < to {
            let (level, level_end) = levels.at(from);
            let until = to.min(level_end);
            out.push(Piece {
                text: run.text[from - run_start..until - run_start].to_owned(),
                face: run.face,
                code: run.code,
                link: run.link.clone(),
                level,
            });
            from = until;
        }
    }
    out
}

fn push_piece(line: &mut Line, piece: Piece) {
    if let Some(last) = line.pieces.last_mut() {
        if last.face == piece.face && last.code == piece.code && last.link == piece.link && last.level == piece.level {
            last.text.push_str(&piece.text);
            return;
        }
    }
    line.pieces.push(piece);
}

/// Trims the line's trailing spaces and measures it.
fn finish(line: &mut Line, fonts: &mut Fonts, size: f32) {
    while let Some(last) = line.pieces.last_mut() {
        let trimmed = last.text.trim_end().len();
        last.text.truncate(trimmed);
        if last.text.is_empty() {
            line.pieces.pop();
        } else {
            break;
        }
    }
    line.width = line.pieces.iter().map(|p| fonts.width(p.face, &p.text, size)).sum();
}

pub const TEXT: Rgb = Rgb { r: 0.10, g: 0.11, b: 0.14, icc_profile: None };
pub const CODE: Rgb = Rgb { r: 0.35, g: 0.20, b: 0.45, icc_profile: None };
pub const LINK: Rgb = Rgb { r: 0.10, g: 0.30, b: 0.65, icc_profile: None };

/// How a line is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Align {
    /// Where its block starts reading: the left, or the right for a block
    /// that reads right to left.
    Start,
    Left,
    Right,
    Justify,
    Center,
}

/// Where and how a line is set: its box's left edge, baseline and width,
/// in points, and its type size, alignment and colour.
#[derive(Debug, Clone)]
pub struct Place {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub size: f32,
    pub align: Align,
    pub color: Rgb,
}

/// The ops that draw `line` in `place`.
/// With `links`, the caller has opened a marked run of `links.parent`
/// around the line: each link's text is taken out of that run into a Link
/// element's own (marked runs may not nest, and the parent reads on after
/// the link), and only then does the link get its annotation.
pub fn draw_line(
    ops: &mut Vec<Op>,
    line: &Line,
    fonts: &mut Fonts,
    ids: &[FontId],
    place: &Place,
    mut links: Option<LinkTags<'_>>,
) {
    let Place { x, y, width, size, align, ref color } = *place;
    let spaces: usize = line.pieces.iter().map(|p| p.text.matches(' ').count()).sum();
    let stretch = (width - line.width).max(0.0) / spaces.max(1) as f32;
    let start = if line.rtl { Align::Right } else { Align::Left };
    let align = match align {
        // Without hyphenation a short line of long words would open gaps
        // wider than a word: such a line is set ragged instead.
        Align::Justify if !line.last && spaces > 0 && stretch <= size * MAX_STRETCH_EM => Align::Justify,
        Align::Justify | Align::Start => start,
        align => align,
    };
    let (x, extra) = match align {
        Align::Justify => (x, stretch),
        Align::Right => (x + (width - line.width).max(0.0), 0.0),
        Align::Center => (x + (width - line.width).max(0.0) / 2.0, 0.0),
        _ => (x, 0.0),
    };
    ops.push(Op::StartTextSection);
    ops.push(Op::SetTextMatrix { matrix: TextMatrix::Translate(Pt(x), Pt(y)) });
    let mut annotations = Vec::new();
    let mut pen = x;
    let levels: Vec<u8> = line.pieces.iter().map(|p| p.level).collect();
    for piece in bidi::visual_order(&levels).into_iter().map(|i| &line.pieces[i]) {
        let advance = fonts.width(piece.face, &piece.text, size) + extra * piece.text.matches(' ').count() as f32;
        let tagged_link = match (&piece.link, links.as_mut()) {
            (Some(url), Some(tags)) => {
                // A marked run may not cross a text object's bounds: close both.
                ops.push(Op::EndTextSection);
                ops.push(tags::end());
                ops.push(tags.tree.link(tags.parent, tags.page));
                ops.push(Op::StartTextSection);
                ops.push(Op::SetTextMatrix { matrix: TextMatrix::Translate(Pt(pen), Pt(y)) });
                annotations.push((pen, advance, url.clone()));
                true
            }
            _ => false,
        };
        pen += advance;
        let fill = if piece.code {
            CODE
        } else if piece.link.is_some() {
            LINK
        } else {
            color.clone()
        };
        ops.push(Op::SetFillColor { col: Color::Rgb(fill) });
        // Runs of one font each, drawn left to right.
        let rtl = piece.level % 2 == 1;
        let mut font_runs = fonts.font_runs(piece.face, &piece.text);
        if rtl {
            font_runs.reverse();
        }
        for (range, font) in font_runs {
            let text = &piece.text[range];
            for c in text.chars() {
                fonts.record(font, c);
            }
            show(ops, fonts, font, text, &ids[font], size, extra, rtl);
        }
        if let (true, Some(tags)) = (tagged_link, links.as_mut()) {
            ops.push(Op::EndTextSection);
            ops.push(tags::end());
            ops.push(tags.tree.begin(tags.parent, tags.page));
            ops.push(Op::StartTextSection);
            ops.push(Op::SetTextMatrix { matrix: TextMatrix::Translate(Pt(pen), Pt(y)) });
        }
    }
    ops.push(Op::EndTextSection);
    for (left, width, url) in annotations {
        let rect = Rect {
            x: Pt(left),
            y: Pt(y - size * 0.25),
            width: Pt(width),
            height: Pt(size * 1.15),
            mode: None,
            winding_order: None,
        };
        ops.push(Op::LinkAnnotation {
            link: LinkAnnotation::new(
                rect,
                Actions::uri(url),
                Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                Some(ColorArray::Transparent),
                Some(HighlightingMode::Invert),
            ),
        });
    }
}

/// The most a justified line may widen each space, in ems.
const MAX_STRETCH_EM: f32 = 0.6;

/// Shows `text` in font `font` (whose id is `id`), shaped, right to left
/// with `rtl`; with `extra`, each space is widened by it. A kerned pair is
/// moved by a TJ offset; a mark is placed on its letter by offsets (and the
/// text rise when it goes up or down). A glyph that is its character's own
/// is drawn as that character; any other (a ligature, a joined Arabic
/// letter, an Indic conjunct) by id, with the letters it stands for as its
/// text, so a search or a copy finds the words. A cluster whose glyphs do
/// not stand one for one, in order, for its characters (a vowel sign drawn
/// before its consonant, a letter and its marks) is a span with its text
/// given whole.
#[allow(clippy::too_many_arguments)]
fn show(ops: &mut Vec<Op>, fonts: &mut Fonts, font: usize, text: &str, id: &FontId, size: f32, extra: f32, rtl: bool) {
    ops.push(Op::SetFont { font: PdfFontHandle::External(id.clone()), size: Pt(size) });
    let mut shown = Shown::default();
    // A negative TJ offset moves the pen right.
    let widen = -extra * 1000.0 / size;
    let glyphs = fonts.shape(font, text, Some(rtl));
    let mut i = 0;
    while i < glyphs.len() {
        let range = glyphs[i].text.clone();
        let cluster_end = glyphs[i..].iter().position(|g| g.text != range).map_or(glyphs.len(), |n| i + n);
        let cluster = &glyphs[i..cluster_end];
        i = cluster_end;
        let letters = &text[range];
        let chars: Vec<char> = letters.chars().collect();
        // The characters whose own glyphs these are (a space's stands for a
        // space, whichever space character it was drawn for), found once.
        let mut own_glyphs: Vec<(u16, char)> = chars
            .iter()
            .filter_map(|&c| {
                let c = if c.is_whitespace() && fonts.glyph_of(font, ' ') == fonts.glyph_of(font, c) { ' ' } else { c };
                fonts.glyph_of(font, c).map(|g| (g, c))
            })
            .collect();
        own_glyphs.sort_unstable_by_key(|&(g, _)| g);
        // In reading order: right to left, the letters of a ligature are in
        // the order drawn, as every other glyph's are, and a reader turns
        // them round with the rest.
        let reading: String = if rtl { letters.chars().rev().collect() } else { letters.to_owned() };
        // The text each glyph carries in the PDF: its own character's, else
        // for a lone glyph the cluster's (a ligature, a joined form), and
        // always the first it carried.
        let texts: Vec<Box<str>> = cluster
            .iter()
            .map(|glyph| {
                let own = own_glyphs.binary_search_by_key(&glyph.id, |&(g, _)| g).ok().map(|at| own_glyphs[at].1);
                let wanted = match own {
                    Some(c) => c.to_string(),
                    None if cluster.len() == 1 => reading.clone(),
                    None => String::new(),
                };
                fonts.claim_glyph(font, glyph.id, &wanted)
            })
            .collect();
        // Whether a reader gets the cluster's text from its glyphs: one
        // glyph, standing for the cluster's text (a space for any space),
        // on the baseline. A cluster of several glyphs (a letter and its
        // marks, a vowel sign drawn before its consonant) is read by where
        // each glyph stands, out of order, and a raised mark as another
        // line; as typst does, such a cluster gets its text given whole.
        let same_text =
            |carried: &str| carried == reading || (carried == " " && chars.len() == 1 && chars[0].is_whitespace());
        let readable = cluster.len() == 1 && same_text(&texts[0]) && cluster[0].y_offset.abs() < 0.5;
        if !readable {
            shown.end(ops);
            ops.push(tags::actual_text(&reading));
        }
        for (k, glyph) in cluster.iter().enumerate() {
            let rise = glyph.y_offset * size / 1000.0;
            if glyph.x_offset.abs() >= 0.5 {
                shown.item(TextItem::Offset(-glyph.x_offset));
            }
            if rise.abs() >= 0.01 {
                shown.end(ops);
                ops.push(Op::SetLineOffset { multiplier: rise });
            }
            // A glyph carrying its own character is drawn as that character,
            // any other by id with its text.
            let mut carried = texts[k].chars();
            match (carried.next(), carried.next()) {
                (Some(c), None) if fonts.glyph_of(font, c) == Some(glyph.id) => shown.plain.push(c),
                _ => {
                    fonts.record_glyph(font, glyph.id);
                    shown.item(TextItem::GlyphIds(vec![Codepoint::with_cid(glyph.id, 0.0, texts[k].to_string())]));
                }
            }
            if rise.abs() >= 0.01 {
                shown.end(ops);
                ops.push(Op::SetLineOffset { multiplier: 0.0 });
            }
            // Back from the offset, and on by the advance shaping gave rather
            // than the glyph's own.
            let mut offset = glyph.kerning() + glyph.x_offset;
            if letters == " " {
                offset += widen;
            }
            if offset.abs() >= 0.5 {
                shown.item(TextItem::Offset(offset));
            }
        }
        if !readable {
            shown.end(ops);
            ops.push(tags::end());
        }
    }
    shown.end(ops);
}

/// One TJ being written: its items, and characters drawn as themselves
/// still to become one of them.
#[derive(Default)]
struct Shown {
    items: Vec<TextItem>,
    plain: String,
}

impl Shown {
    fn item(&mut self, item: TextItem) {
        self.flush();
        self.items.push(item);
    }

    fn flush(&mut self) {
        if !self.plain.is_empty() {
            self.items.push(TextItem::Text(std::mem::take(&mut self.plain)));
        }
    }

    /// Writes the TJ, if it shows anything, before another operator.
    fn end(&mut self, ops: &mut Vec<Op>) {
        self.flush();
        if !self.items.is_empty() {
            ops.push(Op::ShowText { items: std::mem::take(&mut self.items) });
        }
    }
}
