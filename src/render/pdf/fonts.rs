//! The typeface: Noto Sans in four styles, embedded from the `notosans` crate
//! (full Vietnamese coverage), measured with the widths the PDF will carry,
//! and subset to the glyphs a brief uses.

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

    fn index(self) -> usize {
        usize::from(self.bold) * 2 + usize::from(self.italic)
    }
}

/// The four faces, with what each is asked to draw.
pub struct Fonts {
    faces: Vec<(&'static [u8], ParsedFont)>,
    used: [BTreeSet<char>; 4],
    missing: BTreeSet<char>,
    cache: HashMap<(usize, char), f32>,
}

impl Fonts {
    pub fn noto_sans() -> Result<Fonts, String> {
        let files: [&'static [u8]; 4] =
            [notosans::REGULAR_TTF, notosans::ITALIC_TTF, notosans::BOLD_TTF, notosans::BOLD_ITALIC_TTF];
        let mut faces = Vec::with_capacity(4);
        for bytes in files {
            let parsed =
                ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).ok_or("the built-in font could not be read")?;
            faces.push((bytes, parsed));
        }
        Ok(Fonts { faces, used: Default::default(), missing: BTreeSet::new(), cache: HashMap::new() })
    }

    pub fn parsed(&self, face: Face) -> &ParsedFont {
        &self.faces[face.index()].1
    }

    /// The advance of `c` in points at `size`, exactly as the PDF's /W array
    /// will have it (printpdf truncates to thousandths of an em).
    pub fn advance(&mut self, face: Face, c: char, size: f32) -> f32 {
        let index = face.index();
        let per_em = *self.cache.entry((index, c)).or_insert_with(|| {
            let font = &self.faces[index].1;
            let glyph = font.lookup_glyph_index(c as u32).unwrap_or(0);
            let width = font.get_glyph_width(glyph).unwrap_or(0) as u32;
            (width * 1000 / u32::from(font.units_per_em.max(1))) as f32
        });
        per_em * size / 1000.0
    }

    pub fn width(&mut self, face: Face, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(face, c, size)).sum()
    }

    /// Records that `text` is drawn in `face`: for subsetting, and to report
    /// characters no face can draw.
    pub fn record(&mut self, face: Face, text: &str) {
        let index = face.index();
        for c in text.chars() {
            if c.is_whitespace() && c != ' ' {
                continue;
            }
            if self.faces[index].1.lookup_glyph_index(c as u32).is_none() {
                self.missing.insert(c);
            }
            self.used[index].insert(c);
        }
    }

    /// Characters the fonts have no glyph for.
    pub fn missing(&self) -> &BTreeSet<char> {
        &self.missing
    }

    /// Each face cut down to the glyphs used; faces never used are left out.
    pub fn subsets(&self) -> Result<Vec<(Face, Vec<u8>)>, String> {
        use allsorts::binary::read::ReadScope;
        use allsorts::font_data::FontData;
        use allsorts::subset::{subset, CmapTarget, SubsetProfile};
        let mut out = Vec::new();
        for face in [Face::REGULAR, Face { bold: false, italic: true }, Face::BOLD, Face { bold: true, italic: true }] {
            let index = face.index();
            if self.used[index].is_empty() {
                continue;
            }
            let (bytes, parsed) = &self.faces[index];
            // .notdef first, as subsetting requires.
            let mut glyphs: Vec<u16> = vec![0];
            let mut rest: BTreeSet<u16> = BTreeSet::new();
            for c in &self.used[index] {
                if let Some(g) = parsed.lookup_glyph_index(*c as u32).filter(|g| *g != 0) {
                    rest.insert(g);
                }
            }
            glyphs.extend(rest);
            let file = ReadScope::new(bytes).read::<FontData<'_>>().map_err(|e| e.to_string())?;
            let provider = file.table_provider(0).map_err(|e| e.to_string())?;
            let bytes =
                subset(&provider, &glyphs, &SubsetProfile::Pdf, CmapTarget::Unicode).map_err(|e| e.to_string())?;
            out.push((face, bytes));
        }
        Ok(out)
    }
}
