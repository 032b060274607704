//! Shaping: the glyphs a run of text becomes in one font, by HarfBuzz's
//! algorithm (rustybuzz): the font's kerning and standard ligatures ("AV"
//! set closer, "fi" as one glyph), Arabic letters in their joined forms,
//! Indic vowel signs reordered and conjuncts formed, marks placed on their
//! letters, right-to-left runs in the order they are drawn.

use std::collections::HashMap;
use std::ops::Range;

/// One glyph as shaping placed it.
#[derive(Debug, Clone, PartialEq)]
pub struct ShapedGlyph {
    pub id: u16,
    /// How far the pen moves after it, in thousandths of an em.
    pub advance: f32,
    /// The glyph's own advance, before kerning moved it.
    pub nominal: f32,
    /// How far from the pen it is drawn (a mark placed on its letter), in
    /// thousandths of an em, rightwards and upwards.
    pub x_offset: f32,
    pub y_offset: f32,
    /// The text of its cluster, as a byte range of the run: the characters
    /// it and the glyphs beside it with the same range stand for together
    /// ("ffi" for a ligature, a consonant and its vowel sign for the two
    /// glyphs they become).
    pub text: Range<usize>,
}

/// Shapes many runs in one font, keeping the plan (the font's features
/// compiled for a script and direction) that every run of that script reuses:
/// making it is most of the cost of shaping a word.
#[derive(Default)]
pub struct Shaper {
    plans: HashMap<(rustybuzz::Script, rustybuzz::Direction), rustybuzz::ShapePlan>,
}

impl Shaper {
    /// `text` shaped in `face`, which must be the same font for every call;
    /// with `rtl` set, right to left (else as its script goes), the glyphs
    /// coming in the order they are drawn, left to right.
    pub fn shape(&mut self, face: &rustybuzz::Face<'_>, text: &str, rtl: Option<bool>) -> Vec<ShapedGlyph> {
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        if let Some(rtl) = rtl {
            buffer.set_direction(if rtl {
                rustybuzz::Direction::RightToLeft
            } else {
                rustybuzz::Direction::LeftToRight
            });
        }
        let key = (buffer.script(), buffer.direction());
        let plan =
            self.plans.entry(key).or_insert_with(|| rustybuzz::ShapePlan::new(face, key.1, Some(key.0), None, &[]));
        let shaped = rustybuzz::shape_with_plan(face, plan, buffer);
        let per_unit = 1000.0 / f32::from(face.units_per_em().max(1) as u16);
        let infos = shaped.glyph_infos();
        let positions = shaped.glyph_positions();
        // A cluster's text runs to the next cluster in the text, which is
        // the glyph after it left to right and the one before it right to left.
        let mut starts: Vec<usize> = infos.iter().map(|info| info.cluster as usize).collect();
        starts.sort_unstable();
        starts.dedup();
        let mut glyphs = Vec::with_capacity(infos.len());
        for (info, position) in infos.iter().zip(positions) {
            let start = info.cluster as usize;
            let next = starts.partition_point(|&s| s <= start);
            let end = starts.get(next).copied().unwrap_or(text.len());
            let id = u16::try_from(info.glyph_id).unwrap_or(0);
            let nominal = face.glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(id)).unwrap_or(0);
            glyphs.push(ShapedGlyph {
                id,
                advance: position.x_advance as f32 * per_unit,
                nominal: f32::from(nominal) * per_unit,
                x_offset: position.x_offset as f32 * per_unit,
                y_offset: position.y_offset as f32 * per_unit,
                text: start..end,
            });
        }
        glyphs
    }
}

impl ShapedGlyph {
    /// How much closer (positive) or further than its own advance shaping
    /// set the next glyph, in thousandths of an em; below half a unit, none.
    pub fn kerning(&self) -> f32 {
        let kern = self.nominal - self.advance;
        if kern.abs() >= 0.5 {
            kern
        } else {
            0.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(bytes: &[u8], index: u32, text: &str) -> Option<Vec<ShapedGlyph>> {
        Some(Shaper::default().shape(&rustybuzz::Face::from_slice(bytes, index)?, text, None))
    }

    #[test]
    fn latin_is_kerned_and_ligated_as_the_font_says() {
        let plain = |font: &[u8], text: &str| -> f32 {
            text.chars().map(|c| shape(font, 0, &c.to_string()).unwrap()[0].advance).sum()
        };
        // Noto Sans kerns "AV" and "To" closer than their letters' own advances.
        for pair in ["AV", "To"] {
            let width: f32 = shape(notosans::REGULAR_TTF, 0, pair).unwrap().iter().map(|g| g.advance).sum();
            assert!(width < plain(notosans::REGULAR_TTF, pair) - 10.0, "{pair}: {width}");
        }
        // It has no ligatures; DejaVu Sans (which a template may name) has:
        // "office" is four glyphs, the "ffi" one standing for its three letters.
        assert_eq!(shape(notosans::REGULAR_TTF, 0, "office").unwrap().len(), 6);
        let office = shape(dejavu::sans::regular(), 0, "office").unwrap();
        let texts: Vec<&str> = office.iter().map(|g| &"office"[g.text.clone()]).collect();
        assert_eq!(texts, ["o", "ffi", "c", "e"]);
        // Vietnamese, precomposed, is one glyph per letter.
        assert_eq!(shape(notosans::REGULAR_TTF, 0, "Nguyễn").unwrap().len(), "Nguyễn".chars().count());
    }
}
