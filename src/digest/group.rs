//! Grouping articles into stories.
//!
//! Articles about one event share its names, figures and rare words, and
//! appear within days of each other. Each article becomes a vector of its
//! terms (the headline counted twice, names once more as whole names), each
//! weighted by how rare it is in the language (a word-frequency list from
//! wordfreq; within the batch for a language without one), so that what two
//! articles share counts by how much it says, whatever else the batch holds.
//! Two articles are linked when the cosine
//! of their vectors reaches [`LINK`], and a group is what average linkage
//! keeps together above that threshold. No count of stories is given in
//! advance, and an article that shares nothing stays a story of its own.
//! Everything is in input order, so the same inputs always give the same
//! stories.

use std::collections::HashMap;

use crate::analyze::terms::{cosine, hash, normalize, Tokenizer, Vector};
use crate::analyze::{lexicon, Analysis, Lang};

/// The cosine at or above which two articles (or, averaged, two groups)
/// tell the same story. Set on the tuning half of vi-mds.
pub const LINK: f64 = 0.15;
/// Only an article's heaviest terms are compared: the rest are the words
/// every article has, and they cost time without telling stories apart.
const TERMS_KEPT: usize = 200;
/// Articles published further apart than this are different stories, however
/// alike their words ("the annual summit", one year on).
pub const WINDOW_DAYS: i64 = 7;

/// The stories among `analyses`: lists of indices into it, each in input
/// order, the lists ordered by their first article.
pub fn stories(analyses: &[Analysis]) -> Vec<Vec<usize>> {
    let vectors = vectors(analyses);
    let days: Vec<Option<i64>> =
        analyses.iter().map(|a| a.document.published.as_deref().and_then(crate::date::day_number)).collect();
    let similarity = |i: usize, j: usize| {
        if let (Some(a), Some(b)) = (days[i], days[j]) {
            if (a - b).abs() > WINDOW_DAYS {
                return 0.0;
            }
        }
        cosine(&vectors[i], &vectors[j])
    };
    let mut groups = Vec::new();
    for component in components(analyses.len(), &similarity) {
        groups.extend(average_linkage(component, &similarity, &days));
    }
    groups.sort_by_key(|g| g[0]);
    groups
}

/// One vector per article, unit length: each term weighs by how often the
/// article uses it (sublinear) times how rare it is in the language.
fn vectors(analyses: &[Analysis]) -> Vec<Vector> {
    let profiles: Vec<Vector> = analyses.iter().map(profile).collect();
    // Languages without a word-frequency list get rarity from the batch:
    // the fewer of its articles use a term, the rarer it is.
    let mut document_frequency: HashMap<u64, f64> = HashMap::new();
    for (analysis, vector) in analyses.iter().zip(&profiles) {
        if !lexicon::has_frequency_list(Lang::from_code(&analysis.language)) {
            for (term, _) in vector {
                *document_frequency.entry(*term).or_default() += 1.0;
            }
        }
    }
    let total = analyses.iter().filter(|a| !lexicon::has_frequency_list(Lang::from_code(&a.language))).count() as f64;
    analyses
        .iter()
        .zip(profiles)
        .map(|(analysis, vector)| {
            let listed = lexicon::has_frequency_list(Lang::from_code(&analysis.language));
            let mut weighted: Vector = vector
                .into_iter()
                .map(|(term, weight)| match document_frequency.get(&term) {
                    Some(df) if !listed => (term, weight * (((total + 1.0) / (df + 1.0)).ln() + 1.0)),
                    _ => (term, weight),
                })
                .collect();
            weighted.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            weighted.truncate(TERMS_KEPT);
            weighted.sort_by_key(|(term, _)| *term);
            normalize(weighted)
        })
        .collect()
}

/// A term's weight when the language's word list does not know it: a name,
/// or a word rarer than the list goes.
const UNSEEN: f64 = 8.0;

/// How much a shared term says: 8 minus its Zipf frequency, so "và" (7.2)
/// says almost nothing and an unlisted name says most. A syllable pair
/// weighs as its rarer syllable.
fn rarity(lang: Lang, words: &[&str]) -> f64 {
    words
        .iter()
        .map(|w| lexicon::zipf_frequency(lang, w).map_or(1.0, |zipf| (UNSEEN - zipf).max(0.5)))
        .fold(0.0, f64::max)
}

/// The article's terms, each weighted by `(1 + ln count) × rarity`: its
/// headline counted twice and each name once more as a whole (so "Hà Nội"
/// is more than "hà" and "nội").
fn profile(analysis: &Analysis) -> Vector {
    let lang = Lang::from_code(&analysis.language);
    let tokenizer = Tokenizer::new(lang);
    // Per term: its count, and its rarity (the mean over its occurrences:
    // an English stem is several words).
    let mut counts: HashMap<u64, (f64, f64)> = HashMap::new();
    let mut add = |text: &str, times: f64| {
        let mut here: HashMap<u64, (f64, f64)> = HashMap::new();
        tokenizer.each_term(text, |term, words| {
            let entry = here.entry(term).or_default();
            entry.0 += 1.0;
            entry.1 += rarity(lang, words);
        });
        for (term, (count, rarity_sum)) in here {
            let entry = counts.entry(term).or_default();
            entry.0 += count * times;
            entry.1 = rarity_sum / count;
        }
    };
    add(&analysis.text, 1.0);
    if let Some(title) = &analysis.title {
        add(title, 2.0);
    }
    for entity in analysis.entities.iter().filter(|e| !e.mentions.is_empty()) {
        let entry = counts.entry(hash(&("name", entity.text.to_lowercase()))).or_default();
        entry.0 += entity.mentions.len() as f64;
        entry.1 = UNSEEN;
    }
    let mut vector: Vector =
        counts.into_iter().map(|(term, (count, rarity))| (term, (1.0 + count.ln()) * rarity)).collect();
    vector.sort_by_key(|(term, _)| *term);
    vector
}

/// The connected parts of the graph whose edges are links, each in input
/// order: a group can only form inside one.
fn components(count: usize, similarity: &impl Fn(usize, usize) -> f64) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..count).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for i in 0..count {
        for j in i + 1..count {
            if similarity(i, j) >= LINK {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut by_root: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..count {
        let r = root(&mut parent, i);
        by_root.entry(r).or_default().push(i);
    }
    let mut parts: Vec<Vec<usize>> = by_root.into_values().collect();
    parts.sort_by_key(|p| p[0]);
    parts
}

/// Merges the two groups with the highest mean pairwise similarity while it
/// reaches [`LINK`]: unlike plain linking, a chain of articles each a little
/// like the next does not pull two stories into one. Two groups whose dated
/// articles would span more than [`WINDOW_DAYS`] are never merged.
fn average_linkage(
    members: Vec<usize>,
    similarity: &impl Fn(usize, usize) -> f64,
    days: &[Option<i64>],
) -> Vec<Vec<usize>> {
    if members.len() <= 2 {
        return vec![members];
    }
    let mut groups: Vec<Vec<usize>> = members.iter().map(|&m| vec![m]).collect();
    // The first and last day of each group's dated articles.
    let mut spans: Vec<Option<(i64, i64)>> = members.iter().map(|&m| days[m].map(|d| (d, d))).collect();
    let joined = |a: Option<(i64, i64)>, b: Option<(i64, i64)>| match (a, b) {
        (Some((a0, a1)), Some((b0, b1))) => Some((a0.min(b0), a1.max(b1))),
        (a, None) => a,
        (None, b) => b,
    };
    let within_window = |span: Option<(i64, i64)>| span.is_none_or(|(first, last)| last - first <= WINDOW_DAYS);
    // Sums of pairwise similarity between groups; the mean divides by sizes.
    let mut sums: Vec<Vec<f64>> = (0..groups.len())
        .map(|i| (0..groups.len()).map(|j| if i == j { 0.0 } else { similarity(members[i], members[j]) }).collect())
        .collect();
    let mut alive: Vec<bool> = vec![true; groups.len()];
    loop {
        let mut best: Option<(usize, usize, f64)> = None;
        for i in 0..groups.len() {
            if !alive[i] {
                continue;
            }
            for j in i + 1..groups.len() {
                if !alive[j] || !within_window(joined(spans[i], spans[j])) {
                    continue;
                }
                let mean = sums[i][j] / (groups[i].len() * groups[j].len()) as f64;
                if best.is_none_or(|(_, _, b)| mean > b) {
                    best = Some((i, j, mean));
                }
            }
        }
        let Some((i, j, mean)) = best else { break };
        if mean < LINK {
            break;
        }
        let moved = std::mem::take(&mut groups[j]);
        groups[i].extend(moved);
        spans[i] = joined(spans[i], spans[j]);
        alive[j] = false;
        for k in 0..groups.len() {
            if alive[k] && k != i {
                let merged = sums[i][k] + sums[j][k];
                sums[i][k] = merged;
                sums[k][i] = merged;
            }
        }
    }
    let mut kept: Vec<Vec<usize>> = groups
        .into_iter()
        .zip(alive)
        .filter(|(_, a)| *a)
        .map(|(mut g, _)| {
            g.sort_unstable();
            g
        })
        .collect();
    kept.sort_by_key(|g| g[0]);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str, published: Option<&str>) -> Analysis {
        let mut analysis = crate::analyze_bytes(text.as_bytes(), &crate::Options::default()).unwrap();
        analysis.document.published = published.map(str::to_owned);
        analysis
    }

    const FLOOD: &str = "Floods hit Ravenmoor\n\nFloods hit the town of Ravenmoor after the river Brell burst its banks, and the Ravenmoor council opened the Brell school as a shelter.";

    #[test]
    fn the_same_words_a_week_apart_are_one_story_and_a_month_apart_two() {
        let week = [article(FLOOD, Some("2026-03-02")), article(FLOOD, Some("2026-03-08"))];
        assert_eq!(stories(&week), [vec![0, 1]]);
        let month = [article(FLOOD, Some("2026-03-02")), article(FLOOD, Some("2026-04-02"))];
        assert_eq!(stories(&month), [vec![0], vec![1]]);
    }

    #[test]
    fn a_chain_of_dates_never_spans_more_than_the_window() {
        let chain = [
            article(FLOOD, Some("2026-03-01")),
            article(FLOOD, Some("2026-03-06")),
            article(FLOOD, Some("2026-03-11")),
        ];
        let found = stories(&chain);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().all(|g| g.len() <= 2 && !(g.contains(&0) && g.contains(&2))), "{found:?}");
    }

    #[test]
    fn an_article_that_shares_nothing_is_a_story_of_its_own() {
        let chess = "Teenager wins chess open\n\nIlse Varga won the Oldcastle chess open on Sunday, beating the top seed in the final round.";
        let found = stories(&[article(FLOOD, None), article(chess, None), article(FLOOD, None)]);
        assert_eq!(found, [vec![0, 2], vec![1]]);
    }
}
