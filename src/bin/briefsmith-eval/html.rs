//! html-extraction: token F1 of reading a page into an article (what
//! `extract` does, then the noise lines taken out) against `article_body`
//! (whitespace tokens, clipped counts, mean over pages), and the median time
//! to read a page (decode, extract, clean, segment; each page's fastest of
//! five rounds over the set).

use std::path::Path;

use crate::score::{mean, token_f1};

pub fn html_extraction(corpus: &Path) {
    let set = corpus.join("html-extraction");
    let cases: Vec<(Vec<u8>, briefsmith::IngestOptions, String)> = crate::gold(corpus, "html-extraction")
        .into_iter()
        .map(|case| {
            let bytes = std::fs::read(set.join(case["file"].as_str().unwrap())).expect("page");
            let options = briefsmith::IngestOptions {
                url: case["url"].as_str().map(str::to_owned),
                ..briefsmith::IngestOptions::default()
            };
            (bytes, options, case["article_body"].as_str().unwrap().to_owned())
        })
        .collect();
    // Each page's fastest of five rounds over the whole set: this machine's
    // neighbours add noise, never speed, and a burst of it lands on one round
    // of a page rather than on all five.
    let mut millis = vec![f64::INFINITY; cases.len()];
    let mut texts = vec![String::new(); cases.len()];
    for _ in 0..5 {
        for (i, (bytes, options, _)) in cases.iter().enumerate() {
            let started = std::time::Instant::now();
            texts[i] = briefsmith::ingest(bytes, options).map(|a| a.text).unwrap_or_default();
            millis[i] = millis[i].min(started.elapsed().as_secs_f64() * 1000.0);
        }
    }
    let (mut f1, mut precision, mut recall) = (Vec::new(), Vec::new(), Vec::new());
    for ((_, _, gold), text) in cases.iter().zip(&texts) {
        let (p, r, f) = token_f1(text, gold);
        precision.push(p);
        recall.push(r);
        f1.push(f);
    }
    millis.sort_by(f64::total_cmp);
    println!(
        "html-extraction {} pages  token F1 {:.3}  precision {:.3}  recall {:.3}  median {:.1} ms/page  p90 {:.1} ms",
        f1.len(),
        mean(&f1),
        mean(&precision),
        mean(&recall),
        millis.get(millis.len() / 2).copied().unwrap_or(0.0),
        millis.get(millis.len() * 9 / 10).copied().unwrap_or(0.0),
    );
}
