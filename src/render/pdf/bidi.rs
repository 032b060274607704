//! Right-to-left text (Arabic, Hebrew) by the Unicode bidirectional
//! algorithm (UAX #9, unicode-bidi): each character's embedding level in
//! its block, which way the block reads, and the order a line's pieces are
//! drawn in. Text with no right-to-left character skips the algorithm.

use unicode_bidi::BidiInfo;

/// The embedding levels of a block's text, as runs of one level.
#[derive(Debug, Default)]
pub struct Levels {
    /// Where each run starts (a byte offset) and its level; empty when all
    /// the text is left to right at level 0.
    runs: Vec<(usize, u8)>,
    /// The block reads right to left: its first strong character is.
    pub rtl: bool,
}

/// Whether `c` may make text right to left: the right-to-left blocks and
/// the explicit controls. A superset, so that text without one needs no
/// analysis.
fn may_be_rtl(c: char) -> bool {
    matches!(c as u32,
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF
        | 0x200F | 0x202B | 0x202E | 0x2067)
}

impl Levels {
    pub fn of(text: &str) -> Levels {
        if !text.chars().any(may_be_rtl) {
            return Levels::default();
        }
        let info = BidiInfo::new(text, None);
        let rtl = info.paragraphs.first().is_some_and(|p| p.level.is_rtl());
        let mut runs: Vec<(usize, u8)> = Vec::new();
        for (at, _) in text.char_indices() {
            let level = info.levels[at].number();
            if runs.last().map(|&(_, l)| l) != Some(level) {
                runs.push((at, level));
            }
        }
        Levels { runs, rtl }
    }

    /// The level at byte `at`, and where its run ends (or `usize::MAX`).
    pub fn at(&self, at: usize) -> (u8, usize) {
        let next = self.runs.partition_point(|&(start, _)| start <= at);
        let level = next.checked_sub(1).map_or(0, |i| self.runs[i].1);
        (level, self.runs.get(next).map_or(usize::MAX, |&(start, _)| start))
    }
}

/// The order in which pieces at `levels` (in reading order) are drawn left
/// to right: from the highest level down to the lowest odd one, every
/// stretch at that level or above is reversed (rule L2).
pub fn visual_order(levels: &[u8]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..levels.len()).collect();
    let highest = levels.iter().copied().max().unwrap_or(0);
    let Some(lowest_odd) = levels.iter().copied().filter(|l| l % 2 == 1).min() else {
        return order;
    };
    for level in (lowest_odd..=highest).rev() {
        let mut i = 0;
        while i < order.len() {
            if levels[order[i]] >= level {
                let start = i;
                while i < order.len() && levels[order[i]] >= level {
                    i += 1;
                }
                order[start..i].reverse();
            } else {
                i += 1;
            }
        }
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_of_mixed_directions_is_drawn_as_it_reads() {
        // English, then Hebrew holding a number: the number reads left to
        // right inside the Hebrew, which reads right to left.
        assert_eq!(visual_order(&[0, 1, 2, 1]), [0, 3, 2, 1]);
        assert_eq!(visual_order(&[0, 0]), [0, 1]);
        assert_eq!(visual_order(&[1, 1, 1]), [2, 1, 0]);
    }

    #[test]
    fn levels_follow_the_first_strong_character() {
        let hebrew = "שלום 2026 world";
        let levels = Levels::of(hebrew);
        assert!(levels.rtl);
        assert_eq!(levels.at(0).0, 1);
        assert_eq!(levels.at(hebrew.find('2').unwrap()).0, 2);
        assert_eq!(levels.at(hebrew.find('w').unwrap()).0, 2);
        let english = Levels::of("Mayor said שלום today");
        assert!(!english.rtl);
        assert_eq!(english.at(0), (0, "Mayor said ".len()));
        assert_eq!(Levels::of("plain").at(3), (0, usize::MAX));
    }
}
