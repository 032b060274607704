//! How alike two sentences are, as a reader judges "the same fact".

use std::collections::HashMap;

use crate::analyze::words::lowercase_words;

/// F1 of the two texts' bags of lowercased words (syllables in Vietnamese):
/// 1 for the same words in any order, 0 for none in common. Two outlets
/// wording one fact score 0.6 and more.
pub fn word_bag_f1(a: &str, b: &str) -> f64 {
    bag_f1(&bag(a), &bag(b))
}

/// A text's words and how often each occurs.
pub fn bag(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in lowercase_words(text) {
        *counts.entry(word).or_insert(0) += 1;
    }
    counts
}

pub fn bag_f1(a: &HashMap<String, usize>, b: &HashMap<String, usize>) -> f64 {
    let overlap: usize = a.iter().map(|(w, n)| (*n).min(b.get(w).copied().unwrap_or(0))).sum();
    let (a_total, b_total) = (a.values().sum::<usize>(), b.values().sum::<usize>());
    if overlap == 0 {
        return 0.0;
    }
    2.0 * overlap as f64 / (a_total + b_total) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_words_in_another_order_are_alike() {
        assert_eq!(word_bag_f1("Mưa lớn ở Hà Giang", "Ở Hà Giang mưa lớn"), 1.0);
        assert_eq!(word_bag_f1("Mưa lớn", "Nắng nóng"), 0.0);
        assert_eq!(word_bag_f1("", ""), 0.0);
        // 3 shared of 4 and 4 words: 2·3 / 8.
        assert!((word_bag_f1("a b c d", "a b c e") - 0.75).abs() < 1e-9);
    }
}
