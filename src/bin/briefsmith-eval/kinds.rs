//! Training the Vietnamese entity-kind model on the tuning half of
//! vi-quotes: each gold name that Briefsmith finds, with what the model
//! reads about the found entity and the gold kind.
//! `briefsmith-eval --train-entity-kinds CORPUS OUT.tsv` writes the weights;
//! `scripts/train-entity-kinds.sh` runs it into `src/analyze/data/`.

use std::path::Path;

use briefsmith::analyze::entities::{self, kinds};
use briefsmith::analyze::{EntityKind, Lang};

use crate::quotes::gold_kind;
use crate::score::tokens;
use crate::{gold, half_of, Half};

/// Features seen fewer times than this are left out of the model.
const MIN_COUNT: usize = 2;

pub fn train(corpus: &Path, out: &Path) {
    let set = corpus.join("vi-quotes");
    let mut samples: Vec<(Vec<String>, EntityKind)> = Vec::new();
    for case in gold(corpus, "vi-quotes").iter().filter(|c| half_of(c) == Half::Tuning) {
        let bytes = std::fs::read(set.join(case["file"].as_str().unwrap())).expect("article");
        let article = briefsmith::ingest::ingest(&bytes, &Default::default()).expect("article");
        let (found, features) = entities::with_kind_features(&article, Lang::Vi);
        let names: Vec<Vec<String>> = found.entities.iter().map(|e| tokens(&e.name)).collect();
        for entity in case["entities"].as_array().unwrap() {
            let gold_tokens = tokens(entity["text"].as_str().unwrap());
            // The same name, else one that holds it, as the scorer matches.
            let matched = names.iter().position(|n| *n == gold_tokens).or_else(|| {
                names.iter().position(|n| n.windows(gold_tokens.len().max(1)).any(|w| w == gold_tokens.as_slice()))
            });
            if let Some(i) = matched.filter(|&i| !features[i].is_empty()) {
                samples.push((features[i].clone(), gold_kind(entity["kind"].as_str().unwrap())));
            }
        }
    }
    let weights = kinds::train(&samples, MIN_COUNT);
    briefsmith::atomic::write(out, weights.as_bytes()).expect("weights written");
    eprintln!("briefsmith-eval: {} names of the tuning half, weights in {}", samples.len(), out.display());
}
