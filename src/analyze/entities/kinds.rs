//! The kind of a name in Vietnamese news, learned from what surrounds it.
//!
//! The rules of [`super::merge`] tell a person from a body or a place by
//! titles, cue words, gazetteers and a name's shape; Vietnamese news often
//! gives none of these for a foreign name ("Neymar", "Barca", "Vinacomin"),
//! and then what the words around its mentions say decides: "tiền đạo X",
//! "X ghi bàn", "đội X", "tại X". A multinomial logistic model weighs those
//! words, the name's shape, the rules' votes and the rules' own answer; its
//! weights are learned from the tuning half of `vi-quotes`
//! (`scripts/train-entity-kinds.sh`, which runs [`train`]) and kept in
//! `data/vi_entity_kinds.tsv`. It has the last word on every name the rules
//! typed, the rules' answer being one of what it weighs (letting it speak
//! only where no vote was cast lost 0.01 on the tuning half and gained
//! nothing on the checking half); a gazetteer's word stands, and a name the
//! rules could not type stays untyped.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::LazyLock;

use crate::analyze::words::Word;
use crate::analyze::EntityKind;

/// The kinds the model tells apart, in the order of its weights.
const KINDS: [EntityKind; 3] = [EntityKind::Person, EntityKind::Organization, EntityKind::Location];

/// The learned weights: per feature, one weight per kind; "" is the bias.
static WEIGHTS: LazyLock<HashMap<&'static str, [f32; 3]>> =
    LazyLock::new(|| parse(include_str!("../data/vi_entity_kinds.tsv")));

fn parse(text: &str) -> HashMap<&str, [f32; 3]> {
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let feature = fields.next()?;
            let mut weights = [0.0; 3];
            for weight in &mut weights {
                *weight = fields.next()?.trim().parse().ok()?;
            }
            Some((feature, weights))
        })
        .collect()
}

/// What the words around one mention say: the word before it and the two
/// before it, the word after it and the two after it (lowercase), or the
/// punctuation between, or the sentence's edge.
pub(super) fn mention_context(text: &str, sentence: &[Word], start: usize, end: usize) -> Vec<String> {
    let word = |i: usize| sentence[i].text.to_lowercase();
    let gap = |from: usize, to: usize| text[from..to].trim().to_owned();
    let mut features = Vec::with_capacity(4);
    if start == 0 {
        features.push("p1=^".to_owned());
    } else {
        let between = gap(sentence[start - 1].span.end, sentence[start].span.start);
        if between.is_empty() {
            features.push(format!("p1={}", word(start - 1)));
            if start >= 2 && gap(sentence[start - 2].span.end, sentence[start - 1].span.start).is_empty() {
                features.push(format!("p2={} {}", word(start - 2), word(start - 1)));
            }
        } else {
            features.push(format!("p1={between}"));
        }
    }
    if end >= sentence.len() {
        features.push("n1=$".to_owned());
    } else {
        let between = gap(sentence[end - 1].span.end, sentence[end].span.start);
        if between.is_empty() {
            features.push(format!("n1={}", word(end)));
            if end + 1 < sentence.len() && gap(sentence[end].span.end, sentence[end + 1].span.start).is_empty() {
                features.push(format!("n2={} {}", word(end), word(end + 1)));
            }
        } else {
            features.push(format!("n1={between}"));
        }
    }
    features
}

/// Everything the model reads about one entity: its mentions' contexts, each
/// once; its shape; the rules' votes, bucketed; and the rules' answer.
pub(super) fn entity_features(
    contexts: &BTreeSet<String>,
    words: &[String],
    shape: &[&str],
    votes: &[(&str, u32)],
    mentions: usize,
    rule: EntityKind,
) -> Vec<String> {
    let mut features: Vec<String> = contexts.iter().cloned().collect();
    features.push(format!("len={}", words.len().min(4)));
    features.extend(shape.iter().map(|s| format!("shape={s}")));
    for (name, count) in votes {
        features.push(format!("{name}={}", (*count).min(4)));
    }
    features.push(format!("mentions={}", mentions.min(3)));
    features.push(format!("rule={rule:?}"));
    features
}

/// The kind the model gives an entity of `features`.
pub(super) fn predict(features: &[String]) -> Option<EntityKind> {
    if WEIGHTS.is_empty() {
        return None;
    }
    let mut scores = WEIGHTS.get("").copied().unwrap_or_default();
    for feature in features {
        if let Some(weights) = WEIGHTS.get(feature.as_str()) {
            for (score, weight) in scores.iter_mut().zip(weights) {
                *score += weight;
            }
        }
    }
    let best = (0..KINDS.len()).max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))?;
    Some(KINDS[best])
}

/// Learns the weights from `samples` (an entity's features and its kind):
/// multinomial logistic regression, full-batch gradient descent with L2
/// regularization, deterministic. Returns the weights file's text; features
/// seen fewer than `min_count` times are left out, as chance.
pub fn train(samples: &[(Vec<String>, EntityKind)], min_count: usize) -> String {
    const EPOCHS: usize = 400;
    const RATE: f32 = 0.5;
    const L2: f32 = 0.01;
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (features, _) in samples {
        for feature in features.iter().collect::<BTreeSet<_>>() {
            *counts.entry(feature.as_str()).or_default() += 1;
        }
    }
    let kept: Vec<&str> = counts.iter().filter(|(_, &n)| n >= min_count).map(|(&f, _)| f).collect();
    let index: HashMap<&str, usize> = kept.iter().enumerate().map(|(i, &f)| (f, i + 1)).collect();
    // Row 0 is the bias.
    let rows: Vec<(Vec<usize>, usize)> = samples
        .iter()
        .filter_map(|(features, kind)| {
            let class = KINDS.iter().position(|k| k == kind)?;
            let mut active: Vec<usize> = features.iter().filter_map(|f| index.get(f.as_str()).copied()).collect();
            active.sort_unstable();
            active.dedup();
            active.insert(0, 0);
            Some((active, class))
        })
        .collect();
    let mut weights = vec![[0.0f32; 3]; kept.len() + 1];
    let n = rows.len().max(1) as f32;
    for _ in 0..EPOCHS {
        let mut gradient = vec![[0.0f32; 3]; weights.len()];
        for (active, class) in &rows {
            let mut scores = [0.0f32; 3];
            for &f in active {
                for k in 0..3 {
                    scores[k] += weights[f][k];
                }
            }
            let top = scores.iter().copied().fold(f32::MIN, f32::max);
            let exp: Vec<f32> = scores.iter().map(|s| (s - top).exp()).collect();
            let sum: f32 = exp.iter().sum();
            for &f in active {
                for k in 0..3 {
                    let target = if k == *class { 1.0 } else { 0.0 };
                    gradient[f][k] += exp[k] / sum - target;
                }
            }
        }
        for (f, (weight, grad)) in weights.iter_mut().zip(&gradient).enumerate() {
            for k in 0..3 {
                let decay = if f == 0 { 0.0 } else { L2 * weight[k] };
                weight[k] -= RATE * (grad[k] / n + decay);
            }
        }
    }
    let mut out = String::from(
        "# Weights of the Vietnamese entity-kind model (person, organization, location) per feature;\n\
         # the empty feature is the bias. Made by scripts/train-entity-kinds.sh; do not edit by hand.\n",
    );
    let names = std::iter::once("").chain(kept.iter().copied());
    for (name, weight) in names.zip(&weights) {
        if weight.iter().all(|w| w.abs() < 0.005) && !name.is_empty() {
            continue;
        }
        out.push_str(&format!("{name}\t{:.3}\t{:.3}\t{:.3}\n", weight[0], weight[1], weight[2]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(features: &[&str], kind: EntityKind) -> (Vec<String>, EntityKind) {
        (features.iter().map(|f| f.to_string()).collect(), kind)
    }

    #[test]
    fn training_learns_which_context_says_which_kind() {
        let mut samples = Vec::new();
        for _ in 0..5 {
            samples.push(sample(&["p1=tiền đạo", "len=1"], EntityKind::Person));
            samples.push(sample(&["p1=đội", "len=1"], EntityKind::Organization));
            samples.push(sample(&["p1=tại", "len=1"], EntityKind::Location));
        }
        let text = train(&samples, 2);
        let weights = parse(&text);
        let score = |feature: &str, kind: usize| weights[feature][kind];
        assert!(score("p1=tiền đạo", 0) > score("p1=tiền đạo", 1));
        assert!(score("p1=đội", 1) > score("p1=đội", 0));
        assert!(score("p1=tại", 2) > score("p1=tại", 0));
        // The same samples give the same weights, to the digit.
        assert_eq!(train(&samples, 2), text);
    }

    fn kind_of(features: &[&str]) -> EntityKind {
        predict(&features.iter().map(|f| f.to_string()).collect::<Vec<_>>()).expect("weights are built in")
    }

    #[test]
    fn the_built_in_model_keeps_clear_answers() {
        assert!(WEIGHTS.len() > 50, "the weights file is read");
        let person = ["rule=Person", "shape=vietnamese", "shape=family_name", "person=4", "len=3", "p1=ông"];
        assert_eq!(kind_of(&person), EntityKind::Person);
        let place = ["rule=Location", "location=3", "shape=vietnamese", "len=2", "p1=tại"];
        assert_eq!(kind_of(&place), EntityKind::Location);
        let body = ["rule=Organization", "shape=acronym", "organization=2", "len=1"];
        assert_eq!(kind_of(&body), EntityKind::Organization);
    }

    #[test]
    fn features_read_the_words_around_a_mention() {
        let text = "Tiền đạo Neymar ghi bàn, còn Barca thắng.";
        let words = crate::analyze::words::words_in(text, crate::text::Span::new(0, text.len()));
        let neymar = words.iter().position(|w| w.text == "Neymar").unwrap();
        assert_eq!(
            mention_context(text, &words, neymar, neymar + 1),
            ["p1=đạo", "p2=tiền đạo", "n1=ghi", "n2=ghi bàn"]
        );
        let barca = words.iter().position(|w| w.text == "Barca").unwrap();
        assert_eq!(mention_context(text, &words, barca, barca + 1), ["p1=còn", "n1=thắng"]);
    }
}
