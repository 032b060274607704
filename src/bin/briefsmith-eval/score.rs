//! The measures the sets' READMEs define, on plain strings.

use std::collections::HashMap;

/// Lowercased words (syllables in Vietnamese), diacritics kept.
pub fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).map(str::to_lowercase).collect()
}

fn ngrams(tokens: &[String], n: usize) -> HashMap<Vec<String>, usize> {
    let mut counts = HashMap::new();
    for window in tokens.windows(n) {
        *counts.entry(window.to_vec()).or_insert(0) += 1;
    }
    counts
}

/// ROUGE-N F1 with clipped counts.
pub fn rouge(candidate: &str, reference: &str, n: usize) -> f64 {
    let (c, r) = (ngrams(&tokens(candidate), n), ngrams(&tokens(reference), n));
    let overlap: usize = c.iter().map(|(g, k)| (*k).min(r.get(g).copied().unwrap_or(0))).sum();
    let (c_total, r_total) = (c.values().sum::<usize>(), r.values().sum::<usize>());
    if overlap == 0 || c_total == 0 || r_total == 0 {
        return 0.0;
    }
    let (p, rec) = (overlap as f64 / c_total as f64, overlap as f64 / r_total as f64);
    2.0 * p * rec / (p + rec)
}

/// Precision, recall and F1 of whitespace tokens with clipped counts, as the
/// html-extraction benchmark scores them; two empty texts agree.
pub fn token_f1(found: &str, gold: &str) -> (f64, f64, f64) {
    let count = |text: &str| {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for token in text.split_whitespace() {
            *counts.entry(token.to_owned()).or_insert(0) += 1;
        }
        counts
    };
    let (f, g) = (count(found), count(gold));
    let (f_total, g_total) = (f.values().sum::<usize>(), g.values().sum::<usize>());
    if f_total == 0 && g_total == 0 {
        return (1.0, 1.0, 1.0);
    }
    let overlap: usize = f.iter().map(|(t, n)| (*n).min(g.get(t).copied().unwrap_or(0))).sum();
    if overlap == 0 {
        return (0.0, 0.0, 0.0);
    }
    let (p, r) = (overlap as f64 / f_total as f64, overlap as f64 / g_total as f64);
    (p, r, 2.0 * p * r / (p + r))
}

/// Whether `found` holds at least 80% of the tokens of `gold`.
pub fn covers(found: &[String], gold: &[String]) -> bool {
    let covered = gold.iter().filter(|t| found.contains(t)).count();
    !gold.is_empty() && covered as f64 >= 0.8 * gold.len() as f64
}

pub fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len().max(1) as f64
}

pub fn ratio(part: usize, whole: usize) -> f64 {
    part as f64 / whole.max(1) as f64
}

pub fn normalized(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
