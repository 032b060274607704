//! Fonts on the machine for the characters the brief's own fonts lack:
//! Chinese, Japanese, Korean, Arabic, Hebrew, Thai, the Indic scripts and
//! any other script a font on the machine has. Text in them is shaped
//! ([`super::shape`]) like the brief's own, so joined, reordered and stacked
//! letters come out as the font designs them.
//!
//! The font folders are scanned once per process, and only when such a
//! character occurs, so an ordinary brief pays nothing for it.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use fontdb::{Database, Style, Weight};
use unicode_script::{Script, UnicodeScript};

/// Whether `c` is Chinese, Japanese or Korean, punctuation and full-width
/// forms included (which Unicode counts as common to every script).
pub fn is_cjk(c: char) -> bool {
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

/// Whether a font made for `c`'s script should draw it before DejaVu Sans,
/// the built-in fallback: DejaVu is kept for Latin, Greek, Cyrillic and
/// symbols, which it draws in keeping with Noto Sans; it has a few
/// ideographs and some Arabic and Hebrew, which a font of that script draws
/// in keeping with their neighbours.
pub fn wants_script_font(c: char) -> bool {
    if is_cjk(c) {
        return true;
    }
    match c.script() {
        Script::Latin | Script::Greek | Script::Cyrillic | Script::Unknown => false,
        // Punctuation of some scripts only (an Arabic comma, a Devanagari
        // danda) is theirs, though Unicode files it as common.
        Script::Common | Script::Inherited => {
            let scripts = c.script_extension();
            !scripts.is_common()
                && !scripts.is_inherited()
                && ![Script::Latin, Script::Greek, Script::Cyrillic].iter().any(|&s| scripts.contains_script(s))
        }
        _ => true,
    }
}

/// A font file's bytes and the face in it, with its family's bold cut
/// when the machine has one.
pub struct SystemFont {
    pub bytes: Vec<u8>,
    pub index: u32,
    pub bold: Option<(Vec<u8>, u32)>,
}

fn database() -> &'static Database {
    static DATABASE: OnceLock<Database> = OnceLock::new();
    DATABASE.get_or_init(|| {
        let mut database = Database::new();
        database.load_system_fonts();
        database
    })
}

/// Which group of characters one font should set throughout: the CJK
/// scripts together (a Japanese sentence mixes kanji and kana), each other
/// script on its own, and symbols and punctuation.
fn group(c: char) -> &'static str {
    if is_cjk(c) {
        return "CJK";
    }
    match c.script() {
        Script::Common | Script::Inherited | Script::Unknown => "Common",
        script => script.full_name(),
    }
}

/// How much a family is preferred, lowest first: Noto Sans (the brief's
/// own design) in its script's cut, then other Noto families (serif,
/// looped, Kufi), then the rest.
fn rank(family: &str) -> u8 {
    if family == "Noto Sans" || family.starts_with("Noto Sans ") {
        0
    } else if family.starts_with("Noto ") {
        1
    } else {
        2
    }
}

/// Fonts on the machine that together draw as many of `wanted` as they
/// can, one script at a time: the upright regular TrueType face (which the
/// PDF's subsetting handles) that draws most of what is left, among equals
/// the best ranked, then by name, so that one font sets a script
/// throughout and the same machine always picks the same fonts.
pub fn covering(wanted: &BTreeSet<char>) -> Vec<SystemFont> {
    if wanted.is_empty() {
        return Vec::new();
    }
    let database = database();
    // What each candidate face draws of the characters wanted.
    let mut candidates: Vec<(u8, String, fontdb::ID, BTreeSet<char>)> = database
        .faces()
        .filter(|f| f.style == Style::Normal && f.weight == Weight::NORMAL)
        .filter_map(|f| {
            let drawn = database.with_face_data(f.id, |data, index| {
                let face = ttf_parser::Face::parse(data, index).ok()?;
                // CFF outlines (most .otc/.ttc CJK sets, fonts-noto-cjk among
                // them) are not subset by the PDF writer.
                face.tables().glyf?;
                // A font whose licence forbids embedding, or subsetting, is not embedded.
                if face.permissions() == Some(ttf_parser::Permissions::Restricted) || !face.is_subsetting_allowed() {
                    return None;
                }
                Some(wanted.iter().copied().filter(|&c| face.glyph_index(c).is_some()).collect::<BTreeSet<_>>())
            })??;
            let family = f.families.first().map(|(name, _)| name.clone()).unwrap_or_default();
            (!drawn.is_empty()).then(|| (rank(&family), family, f.id, drawn))
        })
        .collect();
    candidates.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    let mut groups: BTreeMap<&str, BTreeSet<char>> = BTreeMap::new();
    for &c in wanted {
        groups.entry(group(c)).or_default().insert(c);
    }
    let mut groups: Vec<BTreeSet<char>> = groups.into_values().collect();
    let mut chosen = Vec::new();
    for g in 0..groups.len() {
        while !groups[g].is_empty() {
            let best = candidates
                .iter()
                .enumerate()
                .map(|(i, c)| (std::cmp::Reverse(c.3.intersection(&groups[g]).count()), c.0, i))
                .filter(|&(std::cmp::Reverse(count), _, _)| count > 0)
                .min();
            let Some((_, _, i)) = best else { break };
            let (_, family, id, drawn) = candidates.remove(i);
            let bold = bold_of(database, &family).and_then(|bold| {
                database.with_face_data(bold, |data, index| {
                    ttf_parser::Face::parse(data, index).ok()?.tables().glyf?;
                    Some((data.to_vec(), index))
                })?
            });
            let font = database.with_face_data(id, |data, index| SystemFont { bytes: data.to_vec(), index, bold });
            // What it draws of a later script is drawn by it there too.
            for group in &mut groups {
                group.retain(|c| !drawn.contains(c));
            }
            chosen.extend(font);
        }
    }
    chosen
}

/// The bold upright face of `family`, if the machine has one.
fn bold_of(database: &Database, family: &str) -> Option<fontdb::ID> {
    let query = fontdb::Query {
        families: &[fontdb::Family::Name(family)],
        weight: Weight::BOLD,
        stretch: fontdb::Stretch::Normal,
        style: Style::Normal,
    };
    let id = database.query(&query)?;
    (database.face(id)?.weight >= Weight::SEMIBOLD).then_some(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_get_a_font_of_their_own_and_latin_keeps_dejavu() {
        for c in ['新', 'の', 'ア', '한', '。', '！', 'ب', 'ש', 'ก', 'क', '،', '।'] {
            assert!(wants_script_font(c), "{c}");
        }
        for c in ['a', 'ệ', 'Ж', 'λ', '→', '1', '\u{0301}'] {
            assert!(!wants_script_font(c), "{c}");
        }
    }

    #[test]
    fn a_script_cut_of_noto_sans_comes_first() {
        assert!(rank("Noto Sans Arabic") < rank("Noto Naskh Arabic"));
        assert!(rank("Noto Looped Thai") < rank("Droid Sans Fallback"));
        assert_eq!(group('ア'), group('漢'));
        assert_ne!(group('ب'), group('ש'));
    }
}
