//! Key points: the sentences an analyst would pick.
//!
//! The first picks answer "what is this about": the sentences closest to the
//! headline (or, without one, to the lead). The rest are the article's most
//! central sentences: those whose words the article keeps coming back to
//! (the mean article frequency of their words, SumBasic-style, which measured
//! far better on news than a length-neutral cosine), with a little weight for
//! position and for named entities and figures. Picks are made with maximal
//! marginal relevance, so two key points do not say the same thing, and a
//! name an earlier point already gave weighs half: a sentence that only names
//! the same people again adds less than one that brings in new ones.
//! Words are compared as Vietnamese syllables and syllable pairs, English and
//! other stems, without function words. Linear in the article's length: the
//! pairwise step only looks at a bounded pool of the best sentences.

use std::collections::{HashMap, HashSet};

use super::entities::Entities;
use super::figures::FoundFigure;
use super::quotes::FoundQuote;
use super::terms::{cosine, normalize, Tokenizer, Vector};
use super::{FigureKind, Lang, QuoteKind};
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
const LAMBDA: f64 = 0.9;
/// How many first picks are made for closeness to the headline.
const HEADLINE_PICKS: usize = 2;
/// A sentence's centrality divides its words' article frequencies by its
/// length to this power: 1 would be their mean, which favours short
/// sentences a little too much; 0.5 (a cosine) favours long ones.
const LENGTH_EXPONENT: f64 = 0.9;
/// The weights of a sentence's score (they sum to 1), then the extra weight
/// of headline closeness in the first picks. Set on the corpus's dev sets
/// with `briefsmith-eval`.
const CENTRALITY: f64 = 0.7;
const POSITION: f64 = 0.1;
const FACTS: f64 = 0.2;
/// How much of the facts weight goes to named entities; figures get the rest.
const NAMES_IN_FACTS: f64 = 0.35;
const HEADLINE: f64 = 2.0;
/// How much of the facts weight goes to a quoted phrase in the sentence.
const PHRASE_IN_FACTS: f64 = 0.2;
/// What the names in a sentence add to its score, at most.
const NAME_WEIGHT_IN_SCORE: f64 = FACTS * NAMES_IN_FACTS * (1.0 - PHRASE_IN_FACTS);
/// How much of its weight a name loses once an earlier key point gave it: the
/// sentence may still be about it, but it is no new fact. (0.25 left the
/// seed's The Hague meeting out; 0.5 to 1 put it in, 0.5 best for en-summary.)
const REPEATED_NAME_DISCOUNT: f64 = 0.5;

struct Candidate {
    span: Span,
    index: usize,
    /// Term weights, normalized; `terms` holds the counts.
    vector: Vector,
    terms: Vector,
    centrality: f64,
    position: f64,
    title: f64,
    /// The distinct names in the sentence.
    names: Vec<String>,
    /// Figures in the sentence, weighted by how much of a fact each is.
    figures: f64,
    quoted: bool,
    /// A phrase in quotation marks: the words the article singles out.
    phrase: bool,
    /// Relevance as a later pick.
    score: f64,
    /// Relevance as one of the first picks.
    headline_score: f64,
}

/// Ranks the article's sentences and returns the best `count`, best first.
pub fn rank(article: &Article, lang: Lang, salience: &Salience, count: usize) -> Vec<RankedSentence> {
    if count == 0 {
        return Vec::new();
    }
    let tokenizer = Tokenizer::new(lang);
    let text = article.text.as_str();
    // Without a headline, the lead says what the article is about.
    let mut headline = article.title.as_deref().map(|t| normalize(tokenizer.vector(t))).unwrap_or_default();

    let mut candidates: Vec<Candidate> = Vec::new();
    let mut document: HashMap<u64, f64> = HashMap::new();
    let body_sentences =
        article.sentences.iter().filter(|s| article.paragraphs[s.paragraph].kind == ParagraphKind::Body).count().max(1);
    let mut body_index = 0;
    for sentence in &units(article, salience.quotes) {
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
        if headline.is_empty() {
            headline = normalize(vector.clone());
        }
        let mut names: Vec<String> = salience.entities.within(sentence.span).map(|(_, e)| e.name.clone()).collect();
        names.sort_unstable();
        names.dedup();
        let figures = figure_weight(salience.figures, sentence.span);
        let quoted = direct_quote_overlaps(salience.quotes, sentence.span);
        let phrase = quoted_phrase_in(salience.quotes, sentence.span);
        candidates.push(Candidate {
            span: sentence.span,
            index,
            position: position_score(index, body_sentences),
            title: 0.0,
            vector: normalize(vector.clone()),
            terms: vector,
            centrality: 0.0,
            headline_score: 0.0,
            names,
            figures,
            quoted,
            phrase,
            score: 0.0,
        });
    }
    for c in &mut candidates {
        let length = c.terms.iter().map(|(_, n)| n).sum::<f64>().max(1.0).powf(LENGTH_EXPONENT);
        let mass: f64 = c.terms.iter().map(|(t, n)| n * document.get(t).copied().unwrap_or(0.0)).sum();
        c.centrality = mass / length;
        c.title = cosine(&c.vector, &headline);
    }
    let max_centrality = candidates.iter().map(|c| c.centrality).fold(0.0, f64::max).max(f64::EPSILON);
    for c in &mut candidates {
        c.centrality /= max_centrality;
        let facts = (name_weight(c.names.len()) * NAMES_IN_FACTS + c.figures.min(2.0) / 2.0 * (1.0 - NAMES_IN_FACTS))
            * (1.0 - PHRASE_IN_FACTS)
            + if c.phrase { PHRASE_IN_FACTS } else { 0.0 };
        c.score = CENTRALITY * c.centrality + POSITION * c.position + FACTS * facts;
        c.headline_score = c.score + HEADLINE * c.title;
    }
    select(candidates, count, article.title.is_some())
}

/// How much of a fact `count` distinct names make: four or more are all of it.
fn name_weight(count: usize) -> f64 {
    (count as f64).min(4.0) / 4.0
}

/// The figures (sorted by position) inside `span`, found by binary search
/// so that ranking stays linear in the number of sentences. A bare number
/// says less than a counted thing, an amount, a ratio or a date.
fn figure_weight(figures: &[FoundFigure], span: Span) -> f64 {
    let first = figures.partition_point(|f| f.span.start < span.start);
    figures[first..]
        .iter()
        .take_while(|f| f.span.start < span.end)
        .filter(|f| f.span.end <= span.end)
        .map(|f| match f.kind {
            FigureKind::Number => 0.5,
            _ => 1.0,
        })
        .sum()
}

/// Whether a direct quote overlaps `span`. Quotes are sorted by start, and a
/// direct quote shares its sentences with no reported statement, so walking
/// back from the last one starting before `span` ends, while they still reach
/// into it, meets any direct quote there.
fn direct_quote_overlaps(quotes: &[FoundQuote], span: Span) -> bool {
    let before_end = quotes.partition_point(|q| q.span.start < span.end);
    quotes[..before_end].iter().rev().take_while(|q| q.span.end > span.start).any(|q| q.kind == QuoteKind::Direct)
}

/// Whether a partial quote of two words or more starts inside `span`.
fn quoted_phrase_in(quotes: &[FoundQuote], span: Span) -> bool {
    let first = quotes.partition_point(|q| q.span.start < span.start);
    quotes[first..]
        .iter()
        .take_while(|q| q.span.start < span.end)
        .any(|q| q.kind == QuoteKind::Partial && q.span.end - q.span.start > 3 && q.span.end <= span.end)
}

/// The lead carries the most weight; later sentences decay, slowly.
fn position_score(index: usize, total: usize) -> f64 {
    if index == 0 {
        return 1.0;
    }
    let relative = index as f64 / total as f64;
    (0.75 / (1.0 + index as f64 * 0.35)).max(0.0) + 0.25 * (1.0 - relative)
}

/// A sentence, or sentences that one direct quote runs through: a key point
/// never cuts someone's words in two.
struct Unit {
    span: Span,
    paragraph: usize,
}

fn units(article: &Article, quotes: &[FoundQuote]) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::with_capacity(article.sentences.len());
    let mut quote = 0;
    for sentence in &article.sentences {
        if let Some(last) = units.last_mut() {
            while quote < quotes.len() && quotes[quote].span.end <= last.span.end {
                quote += 1;
            }
            let runs_on = quotes[quote..]
                .iter()
                .take_while(|q| q.span.start < last.span.end)
                .any(|q| q.kind == QuoteKind::Direct && q.span.end > last.span.end);
            if runs_on && last.paragraph == sentence.paragraph {
                last.span.end = sentence.span.end;
                continue;
            }
        }
        units.push(Unit { span: sentence.span, paragraph: sentence.paragraph });
    }
    units
}

/// A key point must read on its own: long enough, not a bare question
/// heading, not a fragment that starts mid-thought.
fn stands_alone(article: &Article, span: Span, paragraph: usize) -> bool {
    let body = article.slice(span);
    let words = super::words::word_count(body);
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

/// Maximal marginal relevance over a bounded pool of the best sentences:
/// the first picks for closeness to the headline, the rest for relevance.
fn select(mut candidates: Vec<Candidate>, count: usize, has_title: bool) -> Vec<RankedSentence> {
    candidates.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.index.cmp(&b.index)));
    candidates.truncate(POOL.max(count));
    let max_score = candidates.first().map_or(1.0, |c| c.score).max(f64::EPSILON);
    let max_headline = candidates.iter().map(|c| c.headline_score).fold(0.0, f64::max).max(f64::EPSILON);
    let mut picked: Vec<Candidate> = Vec::new();
    let mut named: HashSet<String> = HashSet::new();
    while picked.len() < count && !candidates.is_empty() {
        let for_headline = picked.len() < HEADLINE_PICKS;
        let best = candidates
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let redundancy = picked.iter().map(|p| cosine(&c.vector, &p.vector)).fold(0.0, f64::max);
                let new_names = c.names.iter().filter(|n| !named.contains(n.as_str())).count();
                let named_before = (name_weight(c.names.len()) - name_weight(new_names))
                    * NAME_WEIGHT_IN_SCORE
                    * REPEATED_NAME_DISCOUNT;
                let relevance =
                    if for_headline { c.headline_score / max_headline } else { (c.score - named_before) / max_score };
                (i, LAMBDA * relevance - (1.0 - LAMBDA) * redundancy)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(i, _)| i);
        let Some(best) = best else { break };
        picked.push(candidates.remove(best));
        named.extend(picked.last().into_iter().flat_map(|p| p.names.iter().cloned()));
    }
    // The headline picks first, as picked; then the rest by relevance. The
    // score shown is the relevance each was picked for, never above the
    // one before it, so that the list reads best first.
    let split = picked.len().min(HEADLINE_PICKS);
    picked[split..].sort_by(|a, b| b.score.total_cmp(&a.score).then(a.index.cmp(&b.index)));
    let mut ceiling: f64 = 1.0;
    let below_headline_picks = picked[..split].iter().map(|c| c.headline_score / max_headline).fold(1.0, f64::min);
    picked
        .into_iter()
        .enumerate()
        .map(|(rank, c)| {
            let relevance =
                if rank < split { c.headline_score / max_headline } else { below_headline_picks * c.score / max_score };
            ceiling = ceiling.min(relevance);
            let mut reasons = Vec::new();
            if c.index == 0 {
                reasons.push("lead");
            }
            if c.centrality >= 0.6 {
                reasons.push("central");
            }
            if has_title && c.title >= 0.2 {
                reasons.push("title");
            }
            if c.names.len() >= 2 {
                reasons.push("entities");
            }
            if c.figures > 0.0 {
                reasons.push("figures");
            }
            if c.quoted {
                reasons.push("quote");
            }
            RankedSentence { span: c.span, score: ceiling, reasons }
        })
        .collect()
}
