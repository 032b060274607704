//! The typefaces: Noto Sans in four styles from the `notosans` crate (full
//! Vietnamese), or the four files a template's manifest names, plus DejaVu
//! Sans as a fallback for characters they lack (symbols, arrows, Greek,
//! Cyrillic), and fonts on the machine for the other scripts
//! ([`super::system_fonts`]); a manifest's fallback files come before both.
//! Text is cut into runs of one font (a letter and its marks together),
//! each run is shaped ([`super::shape`]) and measured as the PDF will draw
//! it, and every font is subset to the glyphs used. Characters no font has
//! are reported.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

use printpdf::ParsedFont;
use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

use super::shape::{ShapedGlyph, Shaper};

/// A text style: which of the four faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Face {
    pub bold: bool,
    pub italic: bool,
}

impl Face {
    pub const REGULAR: Face = Face { bold: false, italic: false };
    pub const BOLD: Face = Face { bold: true, italic: false };

    /// Index of the face among the fonts: regular, italic, bold, bold italic.
    pub fn index(self) -> usize {
        usize::from(self.bold) * 2 + usize::from(self.italic)
    }
}

/// The index of the fallback font, after the four faces.
pub const FALLBACK: usize = 4;

/// A font's file, the face in it, and what the brief has drawn with it.
struct Loaded {
    bytes: Cow<'static, [u8]>,
    index: u32,
    parsed: ParsedFont,
    /// The face read for shaping, kept for a built-in font (whose bytes
    /// live as long as the program); others are read again for each run.
    face: Option<rustybuzz::Face<'static>>,
    /// Its shaping plans.
    shaper: Shaper,
    /// The shaped width of short texts, in thousandths of an em: a brief
    /// measures the same words again and again.
    shaped_widths: HashMap<String, f32>,
    /// The characters drawn with it.
    used: BTreeSet<char>,
    /// Glyphs drawn by id (a ligature, which no character maps to).
    glyphs: BTreeSet<u16>,
    /// The text each glyph drawn stands for, by glyph id: the first it was
    /// drawn for, since a PDF font maps a glyph to one text.
    glyph_texts: Vec<Option<Box<str>>>,
    /// For a machine font, its bold cut's index; `is_bold_cut` marks that cut.
    bold_cut: Option<usize>,
    is_bold_cut: bool,
}

impl Loaded {
    fn new(bytes: Cow<'static, [u8]>, index: u32, parsed: ParsedFont) -> Loaded {
        let face = match bytes {
            Cow::Borrowed(bytes) => rustybuzz::Face::from_slice(bytes, index),
            Cow::Owned(_) => None,
        };
        Loaded {
            bytes,
            index,
            parsed,
            face,
            shaper: Shaper::default(),
            shaped_widths: HashMap::new(),
            used: BTreeSet::new(),
            glyphs: BTreeSet::new(),
            glyph_texts: Vec::new(),
            bold_cut: None,
            is_bold_cut: false,
        }
    }
}

pub struct Fonts {
    fonts: Vec<Loaded>,
    missing: BTreeSet<char>,
    left_out: BTreeSet<char>,
    /// Where the machine's fonts start, after DejaVu Sans and the template's fallbacks.
    machine: usize,
}

/// The longest text whose shaped width is kept for the next measure.
const CACHED_WIDTH_BYTES: usize = 48;

/// A glyph id in a font subset: its place in the subset's glyph list.
pub type GlyphMap = BTreeMap<u16, u16>;

impl Fonts {
    /// The built-in faces, or `files` (regular, italic, bold, bold italic:
    /// missing ones repeat the regular), with `fallbacks` for what they lack.
    pub fn new(files: &[Vec<u8>], fallbacks: &[Vec<u8>]) -> Result<Fonts, String> {
        let built_in: [&'static [u8]; 4] =
            [notosans::REGULAR_TTF, notosans::ITALIC_TTF, notosans::BOLD_TTF, notosans::BOLD_ITALIC_TTF];
        let mut sources: Vec<Cow<'static, [u8]>> = if files.is_empty() {
            built_in.iter().map(|b| Cow::Borrowed(*b)).collect()
        } else {
            (0..4).map(|i| Cow::Owned(files.get(i).unwrap_or(&files[0]).clone())).collect()
        };
        sources.push(Cow::Borrowed(dejavu::sans::regular()));
        sources.extend(fallbacks.iter().map(|bytes| Cow::Owned(bytes.clone())));
        let mut fonts = Vec::with_capacity(sources.len());
        for (i, bytes) in sources.into_iter().enumerate() {
            let parsed = ParsedFont::from_bytes(&bytes, 0, &mut Vec::new()).ok_or_else(|| {
                match i.checked_sub(FALLBACK + 1) {
                    Some(n) => format!("fallback font {} is not a TrueType or OpenType font that can be read", n + 1),
                    None => format!("font {} is not a TrueType or OpenType font that can be read", i + 1),
                }
            })?;
            fonts.push(Loaded::new(bytes, 0, parsed));
        }
        let machine = fonts.len();
        Ok(Fonts { fonts, missing: BTreeSet::new(), left_out: BTreeSet::new(), machine })
    }

    /// The PostScript name of font `index` ("NotoSans-Bold"), as a PDF
    /// names the font it embeds; "Font" when it gives none.
    pub fn postscript_name(&self, index: usize) -> String {
        let loaded = &self.fonts[index];
        let name = ttf_parser::Face::parse(&loaded.bytes, loaded.index)
            .ok()
            .and_then(|face| {
                face.names()
                    .into_iter()
                    .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
                    .find_map(|n| n.to_string())
            })
            .unwrap_or_default();
        // A PDF name allows these without escapes, and they are what a PostScript name holds.
        let clean: String = name.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').take(63).collect();
        if clean.is_empty() {
            "Font".to_owned()
        } else {
            clean
        }
    }

    pub fn parsed(&self, index: usize) -> &ParsedFont {
        &self.fonts[index].parsed
    }

    pub fn count(&self) -> usize {
        self.fonts.len()
    }

    fn has(&self, index: usize, c: char) -> bool {
        self.fonts[index].parsed.lookup_glyph_index(c as u32).is_some_and(|g| g != 0)
    }

    /// Which font draws `c` in `face`: the face itself, else the first
    /// fallback that has it (the template's, then a font of its script
    /// before DejaVu Sans), else the face (which shows an empty box).
    pub fn font_for(&self, face: Face, c: char) -> usize {
        let index = face.index();
        // A space the face lacks (a thin or an ideographic one) is drawn by
        // a font that has it, not as the face's empty box.
        if c == ' ' || self.has(index, c) {
            return index;
        }
        if let Some(found) = (FALLBACK + 1..self.machine).find(|&i| self.has(i, c)) {
            return found;
        }
        // Bold cuts are reached through their regular.
        let machine = (self.machine..self.fonts.len()).filter(|&i| !self.fonts[i].is_bold_cut);
        let found = if super::system_fonts::wants_script_font(c) {
            machine.chain(FALLBACK..FALLBACK + 1).find(|&i| self.has(i, c))
        } else {
            std::iter::once(FALLBACK).chain(machine).find(|&i| self.has(i, c))
        };
        match found {
            Some(found) if face.bold => self.fonts[found].bold_cut.unwrap_or(found),
            Some(found) => found,
            None => index,
        }
    }

    /// `text` cut into runs of one font each, as byte ranges, in order. A
    /// mark stays with its letter; every other character goes to the font
    /// [`Fonts::font_for`] gives it wherever it stands, so a word measured
    /// alone is as wide as it is drawn in its line.
    pub fn font_runs(&self, face: Face, text: &str) -> Vec<(Range<usize>, usize)> {
        let mut runs: Vec<(Range<usize>, usize)> = Vec::new();
        for (at, c) in text.char_indices() {
            let previous = runs.last().map(|(_, font)| *font);
            let mark = c.general_category_group() == GeneralCategoryGroup::Mark
                || matches!(c, '\u{200C}' | '\u{200D}' | '\u{FE00}'..='\u{FE0F}');
            let font = match previous.filter(|&font| mark && self.has(font, c)) {
                Some(font) => font,
                None => self.font_for(face, c),
            };
            match runs.last_mut() {
                Some((range, last)) if *last == font => range.end = at + c.len_utf8(),
                _ => runs.push((at..at + c.len_utf8(), font)),
            }
        }
        runs
    }

    /// Adds fonts from the machine for the characters of `text` that no
    /// font here has, or that a font of their script draws better than
    /// DejaVu Sans ([`super::system_fonts::covering`]).
    pub fn cover(&mut self, text: &str) {
        let lacking: BTreeSet<char> = text
            .chars()
            .filter(|&c| c != ' ' && !c.is_control())
            .filter(|&c| !(0..FALLBACK).chain(FALLBACK + 1..self.machine).any(|i| self.has(i, c)))
            .filter(|&c| super::system_fonts::wants_script_font(c) || !self.has(FALLBACK, c))
            .collect();
        if lacking.is_empty() {
            return;
        }
        for font in super::system_fonts::covering(&lacking) {
            let Some(regular) = self.load(font.bytes, font.index) else { continue };
            if let Some(bold) = font.bold.and_then(|(bytes, index)| self.load(bytes, index)) {
                self.fonts[regular].bold_cut = Some(bold);
                self.fonts[bold].is_bold_cut = true;
            }
        }
    }

    /// Adds a machine font; returns its index, or none if it cannot be read.
    fn load(&mut self, bytes: Vec<u8>, index: u32) -> Option<usize> {
        let parsed = ParsedFont::from_bytes(&bytes, index as usize, &mut Vec::new())?;
        self.fonts.push(Loaded::new(Cow::Owned(bytes), index, parsed));
        Some(self.fonts.len() - 1)
    }

    /// The width of `text` in `face` at `size`, in points, as it will be
    /// drawn: each run of one font shaped.
    pub fn width(&mut self, face: Face, text: &str, size: f32) -> f32 {
        let own = face.index();
        // Most text is all in its own face: one run, no cutting.
        let total: f32 = if text.chars().all(|c| c.is_ascii() && (c == ' ' || self.has(own, c))) {
            self.shaped_width(own, text)
        } else {
            self.font_runs(face, text).into_iter().map(|(range, font)| self.shaped_width(font, &text[range])).sum()
        };
        total * size / 1000.0
    }

    /// The shaped width of `text` in font `index`, in thousandths of an em.
    fn shaped_width(&mut self, index: usize, text: &str) -> f32 {
        if text.is_empty() {
            return 0.0;
        }
        let cached = text.len() <= CACHED_WIDTH_BYTES;
        if let Some(&width) = self.fonts[index].shaped_widths.get(text).filter(|_| cached) {
            return width;
        }
        // As drawn: each glyph's width in the PDF, less what kerning took off.
        let width = self.shape(index, text, None).iter().map(|g| self.glyph_width(index, g.id) - g.kerning()).sum();
        if cached {
            self.fonts[index].shaped_widths.insert(text.to_owned(), width);
        }
        width
    }

    /// `text` shaped in font `index`, right to left if `rtl` says so (else
    /// as its script goes); a font shaping cannot read gives one glyph a
    /// character, at its own advance.
    pub fn shape(&mut self, index: usize, text: &str, rtl: Option<bool>) -> Vec<ShapedGlyph> {
        let Loaded { bytes, index: face_index, face, shaper, .. } = &mut self.fonts[index];
        let read;
        let face = match face {
            Some(face) => Some(&*face),
            None => {
                read = rustybuzz::Face::from_slice(bytes, *face_index);
                read.as_ref()
            }
        };
        let shaped = face.map(|face| shaper.shape(face, text, rtl));
        shaped.unwrap_or_else(|| {
            text.char_indices()
                .map(|(at, c)| {
                    let id = self.glyph_of(index, c).unwrap_or(0);
                    let advance = self.glyph_width(index, id);
                    let text = at..at + c.len_utf8();
                    ShapedGlyph { id, advance, nominal: advance, x_offset: 0.0, y_offset: 0.0, text }
                })
                .collect()
        })
    }

    /// The glyph font `index` maps `c` to.
    pub fn glyph_of(&self, index: usize, c: char) -> Option<u16> {
        self.fonts[index].parsed.lookup_glyph_index(c as u32).filter(|&g| g != 0)
    }

    /// A glyph's advance in thousandths of an em, as the PDF's /W array has it.
    pub fn glyph_width(&self, index: usize, glyph: u16) -> f32 {
        let font = &self.fonts[index].parsed;
        let width = u32::from(font.get_glyph_width(glyph).unwrap_or(0));
        (width * 1000 / u32::from(font.units_per_em.max(1))) as f32
    }

    /// Records that glyph `id` of font `index` is drawn by id, for subsetting.
    pub fn record_glyph(&mut self, index: usize, id: u16) {
        self.fonts[index].glyphs.insert(id);
    }

    /// The text glyph `id` of font `index` stands for in the PDF: the first
    /// text it was drawn for, which is `text` if it was never drawn before
    /// (an empty `text` claims nothing).
    pub fn claim_glyph(&mut self, index: usize, id: u16, text: &str) -> Box<str> {
        let texts = &mut self.fonts[index].glyph_texts;
        let at = usize::from(id);
        if let Some(Some(first)) = texts.get(at) {
            return first.clone();
        }
        if text.is_empty() {
            return Box::from("");
        }
        if texts.len() <= at {
            texts.resize(at + 1, None);
        }
        texts[at] = Some(Box::from(text));
        Box::from(text)
    }

    /// Records that `c` is drawn with font `index`, for subsetting and to
    /// report characters no font can draw.
    pub fn record(&mut self, index: usize, c: char) {
        if c.is_control() {
            return;
        }
        // Shaping draws a space the font lacks as its own space, widened.
        let drawn_as_space = c.is_whitespace() && self.has(index, ' ');
        if c != ' ' && !drawn_as_space && !self.has(index, c) {
            self.missing.insert(c);
        }
        self.fonts[index].used.insert(c);
    }

    pub fn missing(&self) -> &BTreeSet<char> {
        &self.missing
    }

    /// `text` without the characters no font can draw, which are kept
    /// for [`Fonts::left_out`].
    pub fn drawable_only(&mut self, text: &str) -> String {
        let mut kept = String::with_capacity(text.len());
        for c in text.chars() {
            if c.is_whitespace() || (0..self.fonts.len()).any(|i| self.has(i, c)) {
                kept.push(c);
            } else {
                self.left_out.insert(c);
            }
        }
        kept
    }

    /// What [`Fonts::drawable_only`] left out.
    pub fn left_out(&self) -> &BTreeSet<char> {
        &self.left_out
    }

    /// Each font that was used, cut down to the glyphs used, by index, with
    /// where each glyph drawn by id went in the subset.
    pub fn subsets(&self) -> Result<Vec<(usize, Vec<u8>, GlyphMap)>, String> {
        use allsorts::binary::read::ReadScope;
        use allsorts::font_data::FontData;
        use allsorts::subset::{subset, CmapTarget, SubsetProfile};
        let mut out = Vec::new();
        for (index, font) in self.fonts.iter().enumerate() {
            if font.used.is_empty() && font.glyphs.is_empty() {
                continue;
            }
            // .notdef first, as subsetting requires.
            let rest: BTreeSet<u16> = font
                .used
                .iter()
                .filter_map(|c| font.parsed.lookup_glyph_index(*c as u32))
                .chain(font.glyphs.iter().copied())
                .filter(|g| *g != 0)
                .collect();
            let glyphs: Vec<u16> = std::iter::once(0).chain(rest).collect();
            // The subset numbers its glyphs in the order they were asked for.
            let map: GlyphMap =
                font.glyphs.iter().filter_map(|&g| glyphs.binary_search(&g).ok().map(|at| (g, at as u16))).collect();
            let file = ReadScope::new(&font.bytes).read::<FontData<'_>>().map_err(|e| e.to_string())?;
            let provider = file.table_provider(font.index as usize).map_err(|e| e.to_string())?;
            let subset =
                subset(&provider, &glyphs, &SubsetProfile::Pdf, CmapTarget::Unicode).map_err(|e| e.to_string())?;
            out.push((index, subset, map));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_templates_fallback_comes_before_dejavu_and_the_machine() {
        let serif = dejavu::serif::regular().to_vec();
        let fonts = Fonts::new(&[], std::slice::from_ref(&serif)).unwrap();
        assert!(fonts.has(FALLBACK + 1, '⇒') && fonts.has(FALLBACK, '⇒') && !fonts.has(Face::REGULAR.index(), '⇒'));
        assert_eq!(fonts.font_for(Face::REGULAR, '⇒'), FALLBACK + 1);
        // What the faces have stays theirs.
        assert_eq!(fonts.font_for(Face::BOLD, 'ệ'), Face::BOLD.index());
        let error = Fonts::new(&[], &[b"not a font".to_vec()]).err().unwrap();
        assert!(error.contains("fallback font 1 is not a TrueType"), "{error}");
    }
}
