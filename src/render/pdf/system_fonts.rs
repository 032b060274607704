//! Fonts on the machine for the characters the brief's own fonts lack.
//!
//! Only scripts that are set one character after another are drawn from
//! them: Chinese, Japanese and Korean (ideographs, kana, hangul and their
//! punctuation). Scripts whose letters change shape or order with their
//! neighbours (Arabic, Hebrew, Thai, the Indic scripts) need shaping and
//! bidirectional layout to read right, which this renderer does not do yet;
//! they stay in the warning rather than being drawn wrongly.
//!
//! The font folders are scanned once per process, and only when such a
//! character occurs, so an ordinary brief pays nothing for it.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use fontdb::{Database, Style, Weight};

/// Whether `c` belongs to a script drawn one character at a time, which a
/// fallback font can draw without shaping.
pub fn needs_no_shaping(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF     // Hangul Jamo
        | 0x2E80..=0x2FDF   // CJK radicals, Kangxi radicals
        | 0x3000..=0x303F   // CJK symbols and punctuation
        | 0x3040..=0x30FF   // Hiragana, Katakana
        | 0x3100..=0x312F   // Bopomofo
        | 0x3130..=0x318F   // Hangul compatibility Jamo
        | 0x31F0..=0x31FF   // Katakana phonetic extensions
        | 0x3200..=0x33FF   // enclosed CJK letters, CJK compatibility
        | 0x3400..=0x4DBF   // CJK extension A
        | 0x4E00..=0x9FFF   // CJK unified ideographs
        | 0xAC00..=0xD7AF   // Hangul syllables
        | 0xF900..=0xFAFF   // CJK compatibility ideographs
        | 0xFE30..=0xFE4F   // CJK compatibility forms
        | 0xFF00..=0xFFEF   // halfwidth and fullwidth forms
        | 0x20000..=0x2FA1F // CJK extensions B–F, compatibility supplement
    )
}

/// A font file's bytes and the face in it.
pub struct SystemFont {
    pub bytes: Vec<u8>,
    pub index: u32,
}

fn database() -> &'static Database {
    static DATABASE: OnceLock<Database> = OnceLock::new();
    DATABASE.get_or_init(|| {
        let mut database = Database::new();
        database.load_system_fonts();
        database
    })
}

/// Fonts on the machine that together draw as many of `wanted` as they
/// can: each time the upright regular TrueType face (which the PDF's
/// subsetting handles) that draws most of what is left, Noto before others,
/// then by name, so that one font sets a script throughout and the same
/// machine always picks the same fonts.
pub fn covering(wanted: &BTreeSet<char>) -> Vec<SystemFont> {
    let mut remaining: BTreeSet<char> = wanted.iter().copied().filter(|&c| needs_no_shaping(c)).collect();
    if remaining.is_empty() {
        return Vec::new();
    }
    let database = database();
    // What each candidate face draws of the characters wanted.
    let mut candidates: Vec<(bool, String, fontdb::ID, BTreeSet<char>)> = database
        .faces()
        .filter(|f| f.style == Style::Normal && f.weight == Weight::NORMAL)
        .filter_map(|f| {
            let drawn = database.with_face_data(f.id, |data, index| {
                let face = ttf_parser::Face::parse(data, index).ok()?;
                // CFF outlines (most .otc/.ttc CJK sets, fonts-noto-cjk among them)
                // are left to shaping's rework.
                face.tables().glyf?;
                // A font whose licence forbids embedding, or subsetting, is not embedded.
                if face.permissions() == Some(ttf_parser::Permissions::Restricted) || !face.is_subsetting_allowed() {
                    return None;
                }
                Some(remaining.iter().copied().filter(|&c| face.glyph_index(c).is_some()).collect::<BTreeSet<_>>())
            })??;
            let family = f.families.first().map(|(name, _)| name.clone()).unwrap_or_default();
            (!drawn.is_empty()).then(|| (!family.starts_with("Noto"), family, f.id, drawn))
        })
        .collect();
    candidates.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    let mut chosen = Vec::new();
    while !remaining.is_empty() {
        let best = candidates
            .iter()
            .enumerate()
            .map(|(i, c)| (c.3.intersection(&remaining).count(), std::cmp::Reverse(i)))
            .max()
            .filter(|&(count, _)| count > 0);
        let Some((_, std::cmp::Reverse(i))) = best else { break };
        let (_, _, id, drawn) = candidates.remove(i);
        let font = database.with_face_data(id, |data, index| SystemFont { bytes: data.to_vec(), index });
        remaining.retain(|c| !drawn.contains(c));
        chosen.extend(font);
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_scripts_set_a_character_at_a_time_are_taken() {
        for c in ['新', 'の', 'ア', '한', '。', '！'] {
            assert!(needs_no_shaping(c), "{c}");
        }
        // Joined, reordered or stacked scripts wait for shaping.
        for c in ['ب', 'ש', 'ก', 'क', 'a', 'ệ'] {
            assert!(!needs_no_shaping(c), "{c}");
        }
    }
}
