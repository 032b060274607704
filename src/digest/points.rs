//! A story's key points, drawn across its articles.
//!
//! The candidates are every article's own key points. What a story is
//! about is what several of its outlets report, so a candidate is worth the
//! terms it holds that other articles of the story also use (each term
//! weighted by how many articles use it), counted once over all picks: a
//! second sentence on the same fact brings nothing new and is passed over
//! (concept coverage, as in Gillick and Favre's summarizer, picked
//! greedily). Its rank in its own article breaks near-ties and orders a
//! story of one article. A candidate that says what a pick already says
//! (word-bag F1 at or above [`SAME_FACT`]) is listed with it, in `also_in`:
//! one key point, every source. The pick is the best-scored wording.

use std::collections::{HashMap, HashSet};

use super::similar::{bag, bag_f1};
use super::{Passage, StoryPoint};
use crate::analyze::terms::{cosine, normalize, Tokenizer, Vector};
use crate::analyze::{Analysis, Lang};

/// Word-bag F1 at which two sentences state the same fact.
pub const SAME_FACT: f64 = 0.5;

/// The weight of a candidate's rank in its own article against what it
/// adds to the story; set on the tuning half of vi-mds, as the two below.
const OWN_SCORE: f64 = 0.6;
/// What an article's lead sentence adds to its own score: news puts the
/// news first, and the lead is what each outlet thought it was.
const LEAD: f64 = 0.3;

struct Candidate<'a> {
    article: usize,
    text: &'a str,
    start: usize,
    end: usize,
    /// Its score in its own article.
    own: f64,
    terms: Vec<u64>,
    length: f64,
    words: HashMap<String, usize>,
}

/// The best `count` key points of the story made of `articles`, whose
/// [`terms`] are `article_terms`.
pub fn select(articles: &[&Analysis], article_terms: &[Vector], count: usize) -> Vec<StoryPoint> {
    let weights = shared_terms(article_terms);
    let fragments_left_out = articles.iter().flat_map(|a| &a.key_points).any(|p| !is_fragment(&p.text));
    let mut candidates: Vec<Candidate> = Vec::new();
    for (index, article) in articles.iter().enumerate() {
        let tokenizer = Tokenizer::new(Lang::from_code(&article.language));
        for point in article.key_points.iter().filter(|p| !fragments_left_out || !is_fragment(&p.text)) {
            let terms: Vec<u64> = tokenizer.vector(&point.text).into_iter().map(|(t, _)| t).collect();
            let words = bag(&point.text);
            candidates.push(Candidate {
                article: index,
                text: &point.text,
                start: point.start,
                end: point.end,
                own: point.score + if point.reasons.iter().any(|r| r == "lead") { LEAD } else { 0.0 },
                length: words.values().sum::<usize>().max(1) as f64,
                terms,
                words,
            });
        }
    }
    let mut covered: HashSet<u64> = HashSet::new();
    let mut picked: Vec<(usize, f64, StoryPoint)> = Vec::new();
    let mut left: Vec<usize> = (0..candidates.len()).collect();
    let most: f64 = weights.values().copied().fold(0.0, f64::max).max(f64::EPSILON);
    let value = |c: &Candidate, covered: &HashSet<u64>| {
        let gain: f64 = c.terms.iter().filter(|t| !covered.contains(t)).filter_map(|t| weights.get(t)).sum();
        // Gain per word: a long sentence must bring more to be worth its room
        // (the length's square root favoured long sentences on vi-mds).
        (1.0 - OWN_SCORE) * gain / most / c.length + OWN_SCORE * c.own
    };
    // Best first; among equals, the article read first, then text order.
    let better = |a: (usize, f64), b: (usize, f64)| {
        let (ca, cb) = (&candidates[a.0], &candidates[b.0]);
        a.1.total_cmp(&b.1).then(cb.article.cmp(&ca.article)).then(cb.start.cmp(&ca.start))
    };
    // The pick a candidate states the same fact as, if any.
    let same_as = |candidate: &Candidate, picked: &[(usize, f64, StoryPoint)]| {
        picked
            .iter()
            .enumerate()
            .map(|(p, (c, _, _))| (p, bag_f1(&candidate.words, &candidates[*c].words)))
            .filter(|(_, f1)| *f1 >= SAME_FACT)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(p, _)| p)
    };
    let attach = |candidate: &Candidate, pick: &mut (usize, f64, StoryPoint)| {
        let file = &articles[candidate.article].file;
        let (first, _, point) = pick;
        if candidates[*first].article != candidate.article && !point.also_in.iter().any(|x| &x.file == file) {
            point.also_in.push(Passage { file: file.clone(), start: candidate.start, end: candidate.end });
        }
    };
    while !left.is_empty() && picked.len() < count {
        let (at, best_value) = left
            .iter()
            .enumerate()
            .map(|(at, &i)| (at, value(&candidates[i], &covered)))
            .max_by(|a, b| better((left[a.0], a.1), (left[b.0], b.1)))
            .expect("candidates are left");
        let i = left.remove(at);
        let candidate = &candidates[i];
        match same_as(candidate, &picked) {
            Some(p) => attach(candidate, &mut picked[p]),
            None => {
                covered.extend(candidate.terms.iter().copied());
                let point = StoryPoint {
                    text: candidate.text.to_owned(),
                    file: articles[candidate.article].file.clone(),
                    start: candidate.start,
                    end: candidate.end,
                    score: 0.0,
                    also_in: Vec::new(),
                };
                picked.push((i, best_value, point));
            }
        }
    }
    // The picks are made; the rest only tell where else each is reported.
    // The covered terms no longer change, so their order is fixed: one sort.
    let mut rest: Vec<(usize, f64)> = left.iter().map(|&i| (i, value(&candidates[i], &covered))).collect();
    rest.sort_by(|a, b| better(*b, *a));
    for (i, _) in rest {
        if let Some(p) = same_as(&candidates[i], &picked) {
            attach(&candidates[i], &mut picked[p]);
        }
    }
    // Scores in [0, 1], never above the one before, so the list reads best
    // first as it was picked.
    let top = picked.first().map_or(1.0, |p| p.1).max(f64::EPSILON);
    let mut ceiling: f64 = 1.0;
    picked
        .into_iter()
        .map(|(_, value, mut point)| {
            ceiling = ceiling.min((value / top).clamp(0.0, 1.0));
            point.score = (ceiling * 1000.0).round() / 1000.0;
            point
        })
        .collect()
}

/// Fewer words than this is a caption or a heading run into the text
/// ("Pskov, nơi xảy ra vụ nổ."), not a statement of fact: passed over while
/// the story has full sentences.
const FRAGMENT_WORDS: usize = 8;

fn is_fragment(text: &str) -> bool {
    text.split_whitespace().count() < FRAGMENT_WORDS
}

/// The terms two or more of the articles use, each weighted by how many do.
fn shared_terms(article_terms: &[Vector]) -> HashMap<u64, f64> {
    let mut in_articles: HashMap<u64, f64> = HashMap::new();
    for terms in article_terms {
        for (term, _) in terms {
            *in_articles.entry(*term).or_default() += 1.0;
        }
    }
    in_articles.retain(|_, n| *n >= 2.0);
    in_articles
}

/// An article's term counts: read once per story, for its key points and
/// its most central article.
pub fn terms(article: &Analysis) -> Vector {
    Tokenizer::new(Lang::from_code(&article.language)).vector(&article.text)
}

/// The index of the article most like the others (the highest mean cosine
/// of their [`terms`]); the first among equals.
pub fn most_central(article_terms: &[Vector]) -> usize {
    let vectors: Vec<Vector> = article_terms.iter().map(|t| normalize(t.clone())).collect();
    let mut best = (0, f64::MIN);
    for (i, vector) in vectors.iter().enumerate() {
        let sum: f64 =
            vectors.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, other)| cosine(vector, other)).sum();
        if sum > best.1 {
            best = (i, sum);
        }
    }
    best.0
}
