//! Key points: the sentences an analyst would pick.
//!
//! Each sentence gets a score from its position (news puts the lead first), its
//! centrality (how much it shares with the article as a whole), its salience
//! (title words, named entities, figures, quotes) and then picks are made with
//! maximal marginal relevance, so two key points do not say the same thing.
//! Words are compared as Vietnamese syllables and syllable pairs, English and
//! other stems, without function words. Linear in the article's length: the
//! pairwise step only looks at a bounded pool of the best sentences.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use rust_stemmers::{Algorithm, Stemmer};

use super::entities::Entities;
use super::figures::FoundFigure;
use super::lexicon::{STOPWORDS_EN, STOPWORDS_VI};
use super::quotes::FoundQuote;
use super::words::words_in;
use super::{Lang, QuoteKind};
use crate::ingest::{Article, ParagraphKind};
use crate::text::Span;

/// What the other analyzers found, for salience.
pub struct Salience<'a> {
    pub entities: &'a Entities,
    pub figures: &'a [FoundFigure],
    pub quotes: &'a [FoundQuote],
}

#[derive(Debug, Clone)]
pub struct RankedSentence {
    pub span: Span,
    pub score: f64,
    pub reasons: Vec<&'static str>,
}

/// How many of the best-scored sentences the diversity step compares pairwise.
const POOL: usize = 60;
/// Weight of relevance against novelty in the diversity step.
const LAMBDA: f64 = 0.7;

type Vector = Vec<(u64, f64)>;

struct Candidate {
    span: Span,
    index: usize,
    vector: Vector,
    centrality: f64,
    position: f64,
    title: f64,
    entities: usize,
    figures: usize,
    quoted: bool,
    score: f64,
}

/// Ranks the article's sentences and returns the best `count`, best first.
pub fn rank(article: &Article, lang: Lang, salience: &Salience, count: usize) -> Vec<RankedSentence> {
    if count == 0 {
        return Vec::new();
    }
    let tokenizer = Tokenizer::new(lang);
    let text = article.text.as_str();
    let title_vector = article.title.as_deref().map(|t| normalize(tokenizer.vector(t))).unwrap_or_default();

    let mut candidates: Vec<Candidate> = Vec::new();
    let mut document: HashMap<u64, f64> = HashMap::new();
    let body_sentences =
        article.sentences.iter().filter(|s| article.paragraphs[s.paragraph].kind == ParagraphKind::Body).count().max(1);
    let mut body_index = 0;
    for sentence in &article.sentences {
        if article.paragraphs[sentence.paragraph].kind != ParagraphKind::Body {
            continue;
        }
        let index = body_index;
        body_index += 1;
        let body = &text[sentence.span.start..sentence.span.end];
        let vector = tokenizer.vector(body);
        for &(term, weight) in &vector {
            *document.entry(term).or_default() += weight;
        }
        if !stands_alone(article, sentence.span, sentence.paragraph) {
            continue;
        }
        let entities = salience
            .entities
            .within(sentence.span)
            .map(|(_, e)| e.name.as_str())
            .collect::<std::collections::HashSet<_>>()
            .len();
        let figures = count_within(salience.figures, |f| f.span, sentence.span);
        let quoted = direct_quote_overlaps(salience.quotes, sentence.span);
        candidates.push(Candidate {
            span: sentence.span,
            index,
            position: position_score(index, body_sentences),
            title: 0.0,
            vector: normalize(vector),
            centrality: 0.0,
            entities,
            figures,
            quoted,
            score: 0.0,
        });
    }
    let document_norm = document.values().map(|w| w * w).sum::<f64>().sqrt().max(f64::EPSILON);
    for c in &mut candidates {
        c.centrality =
            c.vector.iter().map(|(t, w)| w * document.get(t).copied().unwrap_or(0.0)).sum::<f64>() / document_norm;
        c.title = cosine(&c.vector, &title_vector);
    }
    let max_centrality = candidates.iter().map(|c| c.centrality).fold(0.0, f64::max).max(f64::EPSILON);
    for c in &mut candidates {
        c.centrality /= max_centrality;
        let facts = ((c.entities as f64).min(4.0) / 4.0) * 0.6 + (c.figures as f64).min(2.0) / 2.0 * 0.4;
        c.score =
            0.38 * c.centrality + 0.30 * c.position + 0.14 * c.title + 0.12 * facts + if c.quoted { 0.06 } else { 0.0 };
    }
    select(candidates, count)
}

/// How many items (sorted by position) lie inside `span`: a binary search,
/// so that ranking stays linear in the number of sentences.
fn count_within<T>(items: &[T], span_of: impl Fn(&T) -> Span, span: Span) -> usize {
    let first = items.partition_point(|i| span_of(i).start < span.start);
    items[first..].iter().take_while(|i| span_of(i).start < span.end).filter(|i| span_of(i).end <= span.end).count()
}

/// Whether a direct quote overlaps `span`. Quotes are sorted and do not
/// overlap each other, so their ends are sorted too: walk back from the last
/// one starting before `span` ends while they still reach into it.
fn direct_quote_overlaps(quotes: &[FoundQuote], span: Span) -> bool {
    let before_end = quotes.partition_point(|q| q.span.start < span.end);
    quotes[..before_end].iter().rev().take_while(|q| q.span.end > span.start).any(|q| q.kind == QuoteKind::Direct)
}

/// The lead carries the most weight; later sentences decay, slowly.
fn position_score(index: usize, total: usize) -> f64 {
    if index == 0 {
        return 1.0;
    }
    let relative = index as f64 / total as f64;
    (0.75 / (1.0 + index as f64 * 0.35)).max(0.0) + 0.25 * (1.0 - relative)
}

/// A key point must read on its own: long enough, not a bare question
/// heading, not a fragment that starts mid-thought.
fn stands_alone(article: &Article, span: Span, paragraph: usize) -> bool {
    let body = article.slice(span);
    let words = words_in(&article.text, span).len();
    if words < 6 {
        return false;
    }
    let whole_paragraph = article.paragraphs[paragraph].span == span;
    if whole_paragraph && body.ends_with('?') && words < 20 {
        return false;
    }
    let first = body.chars().find(|c| c.is_alphanumeric());
    !first.is_some_and(char::is_lowercase)
}

/// Maximal marginal relevance over a bounded pool of the best sentences.
fn select(mut candidates: Vec<Candidate>, count: usize) -> Vec<RankedSentence> {
    candidates.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.index.cmp(&b.index)));
    candidates.truncate(POOL.max(count));
    let max_score = candidates.first().map_or(1.0, |c| c.score).max(f64::EPSILON);
    let mut picked: Vec<Candidate> = Vec::new();
    while picked.len() < count && !candidates.is_empty() {
        let best = candidates
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let redundancy = picked.iter().map(|p| cosine(&c.vector, &p.vector)).fold(0.0, f64::max);
                (i, LAMBDA * c.score / max_score - (1.0 - LAMBDA) * redundancy)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(i, _)| i);
        let Some(best) = best else { break };
        picked.push(candidates.remove(best));
    }
    // Diversity decides which sentences; relevance decides their order.
    picked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.index.cmp(&b.index)));
    picked
        .into_iter()
        .map(|c| {
            let mut reasons = Vec::new();
            if c.index == 0 {
                reasons.push("lead");
            }
            if c.centrality >= 0.6 {
                reasons.push("central");
            }
            if c.title >= 0.2 {
                reasons.push("title");
            }
            if c.entities >= 2 {
                reasons.push("entities");
            }
            if c.figures > 0 {
                reasons.push("figures");
            }
            if c.quoted {
                reasons.push("quote");
            }
            RankedSentence { span: c.span, score: c.score / max_score, reasons }
        })
        .collect()
}

fn normalize(mut vector: Vector) -> Vector {
    let norm = vector.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    if norm > 0.0 {
        for (_, w) in &mut vector {
            *w /= norm;
        }
    }
    vector
}

/// Cosine of two normalized vectors sorted by term.
fn cosine(a: &Vector, b: &Vector) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Turns text into weighted terms for the article's language.
struct Tokenizer {
    lang: Lang,
    stemmer: Option<Stemmer>,
}

impl Tokenizer {
    fn new(lang: Lang) -> Self {
        let algorithm = match lang {
            Lang::En => Some(Algorithm::English),
            Lang::Fr => Some(Algorithm::French),
            Lang::De => Some(Algorithm::German),
            Lang::Es => Some(Algorithm::Spanish),
            Lang::Vi | Lang::Other => None,
        };
        Tokenizer { lang, stemmer: algorithm.map(Stemmer::create) }
    }

    fn is_stopword(&self, word: &str) -> bool {
        match self.lang {
            Lang::Vi => STOPWORDS_VI.contains(word),
            Lang::En => STOPWORDS_EN.contains(word),
            _ => word.chars().count() <= 2,
        }
    }

    /// Term frequencies, sorted by term hash. Vietnamese adds adjacent syllable
    /// pairs, since most Vietnamese words are two syllables.
    fn vector(&self, text: &str) -> Vector {
        let words: Vec<String> =
            words_in(text, Span::new(0, text.len())).iter().map(|w| w.text.to_lowercase()).collect();
        let mut counts: HashMap<u64, f64> = HashMap::new();
        for (i, word) in words.iter().enumerate() {
            let stop = self.is_stopword(word);
            if !stop {
                let term = match &self.stemmer {
                    Some(stemmer) => stemmer.stem(word).into_owned(),
                    None => word.clone(),
                };
                *counts.entry(hash(&term)).or_default() += 1.0;
            }
            if self.lang == Lang::Vi {
                if let Some(next) = words.get(i + 1) {
                    if !(stop && self.is_stopword(next)) {
                        *counts.entry(hash(&(word.as_str(), next.as_str()))).or_default() += 1.0;
                    }
                }
            }
        }
        let mut vector: Vector = counts.into_iter().collect();
        vector.sort_by_key(|(t, _)| *t);
        vector
    }
}

fn hash<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}
