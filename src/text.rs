//! Offsets into the cleaned text.
//!
//! The library works in byte offsets (cheap slicing); the public contract counts
//! chars (Unicode scalar values), which is what a JSON consumer can index by
//! without knowing UTF-8. [`CharIndex`] converts the one into the other.

/// Converts byte offsets into char offsets in O(1) amortized, with memory of
/// one `usize` per [`CharIndex::BLOCK`] bytes, so a 50 MB article stays small.
#[derive(Debug, Clone, Default)]
pub struct CharIndex {
    /// `chars_before[i]` = number of chars in `text[..i * BLOCK]`.
    chars_before: Vec<usize>,
}

impl CharIndex {
    const BLOCK: usize = 1024;

    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut chars_before = Vec::with_capacity(bytes.len() / Self::BLOCK + 1);
        let mut count = 0;
        for block in bytes.chunks(Self::BLOCK) {
            chars_before.push(count);
            count += block.iter().filter(|&&b| !is_continuation(b)).count();
        }
        chars_before.push(count);
        CharIndex { chars_before }
    }

    /// The char offset of byte offset `byte`, which must lie on a char boundary of
    /// the text this index was built from.
    pub fn char_offset(&self, text: &str, byte: usize) -> usize {
        let block = byte / Self::BLOCK;
        let block_start = block * Self::BLOCK;
        let tail = &text.as_bytes()[block_start..byte];
        self.chars_before[block] + tail.iter().filter(|&&b| !is_continuation(b)).count()
    }
}

fn is_continuation(byte: u8) -> bool {
    byte & 0xC0 == 0x80
}

/// A half-open byte range `[start, end)` into a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Takes a char-offset range out of `text`: the way a consumer of the JSON reads
/// an item back (used by tests and by the desktop app's checks).
pub fn char_slice(text: &str, start: usize, end: usize) -> Option<&str> {
    let mut indices = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len()));
    let from = indices.nth(start)?;
    let to = if end == start { from } else { indices.nth(end - start - 1)? };
    text.get(from..to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_match_char_counts_across_blocks() {
        let text = "Người đứng đầu NATO “Jens Stoltenberg”. ".repeat(100);
        let index = CharIndex::new(&text);
        for (byte, _) in text.char_indices().step_by(7) {
            assert_eq!(index.char_offset(&text, byte), text[..byte].chars().count());
        }
        assert_eq!(index.char_offset(&text, text.len()), text.chars().count());
    }

    #[test]
    fn char_slice_reads_back_ranges() {
        assert_eq!(char_slice("Hà Nội", 3, 6), Some("Nội"));
        assert_eq!(char_slice("Hà Nội", 0, 0), Some(""));
        assert_eq!(char_slice("Hà Nội", 6, 6), Some(""));
        assert_eq!(char_slice("Hà Nội", 5, 8), None);
    }
}
