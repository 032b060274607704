//! Scores Briefsmith on the shared corpus, as each set's README says:
//! `cargo run --release --bin briefsmith-eval [CORPUS_DIR [SET]]`.
//!
//! - en-summary: sentence F1 of the top-K key points (K = gold sentences) and
//!   ROUGE-1/2 F on lowercased word tokens;
//! - vi-summary: ROUGE-1/2 F of the top two key points on lowercased syllables
//!   that keep their diacritics;
//! - en-quotes and vi-quotes: direct-quote recall, precision and speaker
//!   accuracy (see [`quotes`]); vi-quotes also entity recall and kind accuracy;
//! - the seed: how many gold key facts the top five key points cover;
//! - html-extraction: token F1 of the extracted body against `article_body`
//!   and the median time to read a page.
//!
//! Every annotated set is also scored on two halves, split by a stable hash
//! of the case id ([`half`]): rules are tuned on the tuning half and judged
//! on the checking half, which says whether a change generalizes.
//!
//! Only the sets the folder holds are scored, so a folder laid out the same
//! way with other articles (pages not seen in development, say) can be scored too.

mod digest;
mod html;
mod kinds;
mod quotes;
mod score;
mod summary;

use std::path::{Path, PathBuf};

use serde_json::Value;

/// Scores one set of the corpus and prints its lines.
type Scorer = fn(&Path);

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--train-entity-kinds") {
        let (Some(corpus), Some(out)) = (args.get(2), args.get(3)) else {
            eprintln!("usage: briefsmith-eval --train-entity-kinds CORPUS OUT.tsv");
            std::process::exit(2);
        };
        kinds::train(Path::new(corpus), Path::new(out));
        return;
    }
    let corpus = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    let sets: [(&str, Scorer); 8] = [
        ("en-summary", summary::en_summary),
        ("vi-summary", summary::vi_summary),
        ("en-quotes", quotes::en_quotes),
        ("vi-quotes", quotes::vi_quotes),
        ("vi-nato-ai", summary::seed),
        ("html-extraction", html::html_extraction),
        ("vi-mds", summary::vi_mds),
        ("vi-mds", digest::vi_mds),
    ];
    let only = std::env::args().nth(2);
    let present: Vec<_> =
        sets.iter().filter(|(set, _)| corpus.join(set).is_dir() && only.as_deref().is_none_or(|o| o == *set)).collect();
    if present.is_empty() {
        let names: Vec<&str> = sets.iter().map(|(set, _)| *set).collect();
        eprintln!(
            "briefsmith-eval: no corpus set ({}) in {}; give the shared/corpus folder as the argument",
            names.join(", "),
            corpus.display()
        );
        std::process::exit(2);
    }
    for (_, score) in present {
        score(&corpus);
    }
}

/// The half of an annotated set a case belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Half {
    Tuning,
    Checking,
}

/// The half of case `id`: the low bit of the id's FNV-1a hash, so the split
/// never depends on the order of the gold file or on which other cases it
/// holds. That bit is only the parity of the id's odd bytes; it stays, as a
/// new split would move cases already tuned on into the checking half.
pub fn half(id: &str) -> Half {
    let hash =
        id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3));
    if hash % 2 == 0 {
        Half::Tuning
    } else {
        Half::Checking
    }
}

/// Prints a set's figures over all its cases, then over each half:
/// `line` turns the cases' scores into the figures of one line.
pub fn print_by_half<T>(set: &str, cases: &[(Half, T)], line: impl Fn(&[&T]) -> String) {
    let all: Vec<&T> = cases.iter().map(|(_, t)| t).collect();
    println!("{set:<12} {} cases  {}", all.len(), line(&all));
    for (half, name) in [(Half::Tuning, "tuning half"), (Half::Checking, "checking half")] {
        let some: Vec<&T> = cases.iter().filter(|(h, _)| *h == half).map(|(_, t)| t).collect();
        println!("{set:<12} {name}, {} cases  {}", some.len(), line(&some));
    }
}

pub fn gold(corpus: &Path, set: &str) -> Vec<Value> {
    std::fs::read_to_string(corpus.join(set).join("gold.jsonl"))
        .expect("gold.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).expect("gold line"))
        .collect()
}

/// The case's half, from its `id`.
pub fn half_of(case: &Value) -> Half {
    half(case["id"].as_str().expect("every case has an id"))
}

pub fn analyze(path: &Path, key_points: usize) -> briefsmith::Analysis {
    let bytes = std::fs::read(path).expect("article");
    let mut options = briefsmith::Options::default();
    options.analyze.key_points = key_points;
    briefsmith::analyze_bytes(&bytes, &options).expect("analysis")
}
