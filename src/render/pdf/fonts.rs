//! The typefaces: Noto Sans in four styles from the `notosans` crate (full
//! Vietnamese), or the four files a template's manifest names, plus DejaVu
//! Sans as a fallback for characters they lack (symbols, arrows, more
//! scripts), then fonts on the machine for scripts the two lack
//! ([`super::system_fonts`]). Text is measured with the widths the PDF will
//! carry, each char is drawn in the first font that has it, and every font is
//! subset to the glyphs used. Characters no font has are reported.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};

use printpdf::ParsedFont;

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

/// A font's file, the face in it, and the face read for layout.
struct Loaded {
    bytes: Cow<'static, [u8]>,
    index: u32,
    parsed: ParsedFont,
}

pub struct Fonts {
    fonts: Vec<Loaded>,
    used: Vec<BTreeSet<char>>,
    missing: BTreeSet<char>,
    left_out: BTreeSet<char>,
    advances: HashMap<(usize, char), f32>,
}

impl Fonts {
    /// The built-in faces, or `files` (regular, italic, bold, bold italic:
    /// missing ones repeat the regular).
    pub fn new(files: &[Vec<u8>]) -> Result<Fonts, String> {
        let built_in: [&'static [u8]; 4] =
            [notosans::REGULAR_TTF, notosans::ITALIC_TTF, notosans::BOLD_TTF, notosans::BOLD_ITALIC_TTF];
        let mut sources: Vec<Cow<'static, [u8]>> = if files.is_empty() {
            built_in.iter().map(|b| Cow::Borrowed(*b)).collect()
        } else {
            (0..4).map(|i| Cow::Owned(files.get(i).unwrap_or(&files[0]).clone())).collect()
        };
        sources.push(Cow::Borrowed(dejavu::sans::regular()));
        let mut fonts = Vec::with_capacity(sources.len());
        for (i, bytes) in sources.into_iter().enumerate() {
            let parsed = ParsedFont::from_bytes(&bytes, 0, &mut Vec::new())
                .ok_or_else(|| format!("font {} is not a TrueType or OpenType font that can be read", i + 1))?;
            fonts.push(Loaded { bytes, index: 0, parsed });
        }
        let used = vec![BTreeSet::new(); fonts.len()];
        Ok(Fonts { fonts, used, missing: BTreeSet::new(), left_out: BTreeSet::new(), advances: HashMap::new() })
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
    /// fallback that has it, else the face (which shows an empty box).
    pub fn font_for(&self, face: Face, c: char) -> usize {
        let index = face.index();
        if c.is_whitespace() || self.has(index, c) {
            return index;
        }
        // DejaVu has a few ideographs; a CJK font draws them in keeping with their neighbours.
        let machine = FALLBACK + 1..self.fonts.len();
        let found = if super::system_fonts::needs_no_shaping(c) {
            machine.chain(FALLBACK..FALLBACK + 1).find(|&i| self.has(i, c))
        } else {
            (FALLBACK..self.fonts.len()).find(|&i| self.has(i, c))
        };
        found.unwrap_or(index)
    }

    /// Adds fonts from the machine for the characters of `text` that no
    /// font here has, where such a font can draw them
    /// ([`super::system_fonts::covering`]).
    pub fn cover(&mut self, text: &str) {
        let lacking: BTreeSet<char> = text
            .chars()
            .filter(|&c| super::system_fonts::needs_no_shaping(c) && !(0..FALLBACK).any(|i| self.has(i, c)))
            .collect();
        if lacking.is_empty() {
            return;
        }
        for font in super::system_fonts::covering(&lacking) {
            let Some(parsed) = ParsedFont::from_bytes(&font.bytes, font.index as usize, &mut Vec::new()) else {
                continue;
            };
            self.fonts.push(Loaded { bytes: Cow::Owned(font.bytes), index: font.index, parsed });
            self.used.push(BTreeSet::new());
        }
    }

    /// The advance of `c` in points at `size`, exactly as the PDF's /W array
    /// will have it (printpdf truncates to thousandths of an em).
    pub fn advance(&mut self, face: Face, c: char, size: f32) -> f32 {
        let index = self.font_for(face, c);
        let per_em = *self.advances.entry((index, c)).or_insert_with(|| {
            let font = &self.fonts[index].parsed;
            let glyph = font.lookup_glyph_index(c as u32).unwrap_or(0);
            let width = u32::from(font.get_glyph_width(glyph).unwrap_or(0));
            (width * 1000 / u32::from(font.units_per_em.max(1))) as f32
        });
        per_em * size / 1000.0
    }

    pub fn width(&mut self, face: Face, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(face, c, size)).sum()
    }

    /// Records that `c` is drawn with font `index`, for subsetting and to
    /// report characters no font can draw.
    pub fn record(&mut self, index: usize, c: char) {
        if c.is_whitespace() && c != ' ' {
            return;
        }
        if !c.is_whitespace() && !self.has(index, c) {
            self.missing.insert(c);
        }
        self.used[index].insert(c);
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

    /// Each font that was used, cut down to the glyphs used, by index.
    pub fn subsets(&self) -> Result<Vec<(usize, Vec<u8>)>, String> {
        use allsorts::binary::read::ReadScope;
        use allsorts::font_data::FontData;
        use allsorts::subset::{subset, CmapTarget, SubsetProfile};
        let mut out = Vec::new();
        for (index, font) in self.fonts.iter().enumerate() {
            if self.used[index].is_empty() {
                continue;
            }
            // .notdef first, as subsetting requires.
            let rest: BTreeSet<u16> = self.used[index]
                .iter()
                .filter_map(|c| font.parsed.lookup_glyph_index(*c as u32))
                .filter(|g| *g != 0)
                .collect();
            let glyphs: Vec<u16> = std::iter::once(0).chain(rest).collect();
            let file = ReadScope::new(&font.bytes).read::<FontData<'_>>().map_err(|e| e.to_string())?;
            let provider = file.table_provider(font.index as usize).map_err(|e| e.to_string())?;
            let subset =
                subset(&provider, &glyphs, &SubsetProfile::Pdf, CmapTarget::Unicode).map_err(|e| e.to_string())?;
            out.push((index, subset));
        }
        Ok(out)
    }
}
