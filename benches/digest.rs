//! `briefsmith digest` at the sizes: 100 and 1,000 articles, read,
//! analyzed on every core and digested, as the command does; and the digest
//! step alone (grouping and merging) on analyses made beforehand.
//!
//! The articles are the corpus's plain-text ones (vi-mds, vi-summary,
//! vi-quotes, en-summary, en-quotes: about 520), in a fixed order; past that
//! they repeat, as wire copies do, under other names.
//!
//! `cargo bench --bench digest` (the corpus must be at ../shared/corpus or
//! $BRIEFSMITH_CORPUS).

use std::path::PathBuf;
use std::time::Duration;

use briefsmith::digest::{digest, DigestOptions, CANDIDATES_PER_ARTICLE};
use briefsmith::{analyze, ingest, Analysis, AnalyzeOptions, IngestOptions};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use rayon::prelude::*;

fn corpus() -> PathBuf {
    std::env::var_os("BRIEFSMITH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"))
}

fn texts(count: usize) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<PathBuf> = Vec::new();
    for set in ["vi-mds", "vi-summary", "vi-quotes", "en-summary", "en-quotes"] {
        let mut stack = vec![corpus().join(set)];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).expect("corpus set") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "txt") {
                    files.push(path);
                }
            }
        }
    }
    files.sort();
    (0..count)
        .map(|i| {
            let file = &files[i % files.len()];
            (format!("{}#{i}", file.display()), std::fs::read(file).expect("article"))
        })
        .collect()
}

fn analyses(inputs: &[(String, Vec<u8>)]) -> Vec<Analysis> {
    let options = AnalyzeOptions { key_points: CANDIDATES_PER_ARTICLE, language: None };
    inputs
        .par_iter()
        .map(|(file, bytes)| {
            let article = ingest(bytes, &IngestOptions::default()).expect("corpus article");
            let mut analysis = analyze(&article, &options);
            analysis.file = file.clone();
            analysis
        })
        .collect()
}

fn digests(c: &mut Criterion) {
    let mut group = c.benchmark_group("digest");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    for count in [100, 1000] {
        let inputs = texts(count);
        group.bench_with_input(BenchmarkId::new("read, analyze and digest", count), &inputs, |b, inputs| {
            b.iter(|| digest(&analyses(inputs), &DigestOptions::default()))
        });
        let analyzed = analyses(&inputs);
        group.bench_with_input(BenchmarkId::new("digest step alone", count), &analyzed, |b, analyzed| {
            b.iter(|| digest(analyzed, &DigestOptions::default()))
        });
    }
    group.finish();
}

criterion_group!(benches, digests);
criterion_main!(benches);
