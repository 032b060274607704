//! Key points: en-summary (sentence F1, ROUGE on words), vi-summary (ROUGE on
//! syllables), the seed's key facts, and vi-mds (every article's key points
//! in turn against the stories' human summaries: the baseline a multi-article
//! digest has to beat).

use std::path::Path;

use serde_json::Value;

use crate::score::{mean, normalized, rouge, tokens};
use crate::{analyze, gold, half_of, print_by_half};

/// Sentence F1, ROUGE-1 and ROUGE-2 of one case's key points.
struct SummaryScore {
    f1: f64,
    r1: f64,
    r2: f64,
}

fn means(cases: &[&SummaryScore]) -> (f64, f64, f64) {
    let of = |f: fn(&SummaryScore) -> f64| mean(&cases.iter().map(|c| f(c)).collect::<Vec<_>>());
    (of(|c| c.f1), of(|c| c.r1), of(|c| c.r2))
}

pub fn en_summary(corpus: &Path) {
    let cases: Vec<_> = gold(corpus, "en-summary")
        .iter()
        .map(|case| {
            let summary: Vec<String> =
                case["summary_sentences"].as_array().unwrap().iter().map(|s| normalized(s.as_str().unwrap())).collect();
            let analysis = analyze(&corpus.join("en-summary").join(case["file"].as_str().unwrap()), summary.len());
            let picked: Vec<String> = analysis.key_points.iter().map(|k| normalized(&k.text)).collect();
            let hits = picked.iter().filter(|p| summary.contains(p)).count();
            let (candidate, reference) = (picked.join(" "), summary.join(" "));
            let score = SummaryScore {
                f1: hits as f64 / summary.len().max(1) as f64,
                r1: rouge(&candidate, &reference, 1),
                r2: rouge(&candidate, &reference, 2),
            };
            (half_of(case), score)
        })
        .collect();
    print_by_half("en-summary", &cases, |some| {
        let (f1, r1, r2) = means(some);
        format!("sentence F1 {f1:.3}  ROUGE-1 F {r1:.3}  ROUGE-2 F {r2:.3}")
    });
}

pub fn vi_summary(corpus: &Path) {
    let cases: Vec<_> = gold(corpus, "vi-summary")
        .iter()
        .map(|case| {
            let analysis = analyze(&corpus.join("vi-summary").join(case["file"].as_str().unwrap()), 2);
            let candidate = analysis.key_points.iter().map(|k| k.text.as_str()).collect::<Vec<_>>().join(" ");
            let reference = case["reference_summary"].as_str().unwrap();
            let score =
                SummaryScore { f1: 0.0, r1: rouge(&candidate, reference, 1), r2: rouge(&candidate, reference, 2) };
            (half_of(case), score)
        })
        .collect();
    print_by_half("vi-summary", &cases, |some| {
        let (_, r1, r2) = means(some);
        format!("ROUGE-1 F {r1:.3}  ROUGE-2 F {r2:.3}  (top 2, syllables)")
    });
}

/// vi-mds as its README scores a multi-article brief: key points in rank
/// order cut at 200 syllables, ROUGE against each of the two references,
/// averaged. The candidate is every article's key points taken in turn.
pub fn vi_mds(corpus: &Path) {
    let set = corpus.join("vi-mds");
    let cases: Vec<_> = gold(corpus, "vi-mds")
        .iter()
        .map(|case| {
            let analyses: Vec<_> =
                case["files"].as_array().unwrap().iter().map(|f| analyze(&set.join(f.as_str().unwrap()), 10)).collect();
            let mut in_turn = Vec::new();
            for rank in 0..10 {
                in_turn.extend(analyses.iter().filter_map(|a| a.key_points.get(rank)).map(|k| k.text.as_str()));
            }
            let candidate = first_syllables(&in_turn.join(" "), 200);
            let references: Vec<&str> =
                case["references"].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect();
            let average = |n| mean(&references.iter().map(|r| rouge(&candidate, r, n)).collect::<Vec<_>>());
            (half_of(case), SummaryScore { f1: 0.0, r1: average(1), r2: average(2) })
        })
        .collect();
    print_by_half("vi-mds", &cases, |some| {
        let (_, r1, r2) = means(some);
        format!("ROUGE-1 F {r1:.3}  ROUGE-2 F {r2:.3}  (each article's key points in turn, 200 syllables)")
    });
}

/// The first `n` syllables of `text`, as ROUGE counts them.
fn first_syllables(text: &str, n: usize) -> String {
    tokens(text).into_iter().take(n).collect::<Vec<_>>().join(" ")
}

pub fn seed(corpus: &Path) {
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(corpus.join("vi-nato-ai/gold.json")).expect("gold.json"))
            .expect("json");
    let analysis = analyze(&corpus.join("vi-nato-ai/article.txt"), 5);
    let facts = gold["key_facts"].as_array().unwrap();
    let covered: Vec<&str> = facts
        .iter()
        .filter(|f| {
            f["any_of"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| analysis.key_points.iter().any(|k| k.text.contains(p.as_str().unwrap())))
        })
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    println!(
        "seed         top 5 key points cover {}/{} key facts ({})",
        covered.len(),
        facts.len(),
        covered.join(", ")
    );
}
