//! Ingest + analyze on the seed article, and on articles of about 10,000 and
//! 100,000 words built from the corpus, to show how the cost grows; plus each
//! analysis stage on 100,000 words, to show where the time goes, and the
//! quotes, entities and figures of the seed together.
//!
//! `cargo bench --bench pipeline` (the corpus must be at ../shared/corpus or
//! $BRIEFSMITH_CORPUS).

use std::path::PathBuf;
use std::time::Duration;

use briefsmith::analyze::{entities, figures, keypoints, quotes, Lang};
use briefsmith::{analyze, ingest, AnalyzeOptions, IngestOptions};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn corpus() -> PathBuf {
    std::env::var_os("BRIEFSMITH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"))
}

/// Corpus articles (bodies without their headline) concatenated, in a fixed
/// order, until the text has `words` words.
fn article_of(words: usize) -> String {
    let mut files: Vec<PathBuf> = ["en-summary", "vi-summary", "en-quotes"]
        .iter()
        .flat_map(|set| std::fs::read_dir(corpus().join(set)).expect("corpus set"))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut text = String::new();
    let mut count = 0;
    'outer: loop {
        for file in &files {
            let article = std::fs::read_to_string(file).expect("article");
            for line in article.lines().skip(1) {
                text.push_str(line);
                text.push('\n');
                count += line.split_whitespace().count();
                if count >= words {
                    break 'outer;
                }
            }
        }
    }
    text
}

fn pipeline(c: &mut Criterion) {
    let seed = std::fs::read(corpus().join("vi-nato-ai/article.txt")).expect("seed article");
    let mut group = c.benchmark_group("ingest+analyze");
    group.measurement_time(Duration::from_secs(5)).sample_size(20);
    let inputs = [
        ("seed", seed),
        ("10k words", article_of(10_000).into_bytes()),
        ("100k words", article_of(100_000).into_bytes()),
    ];
    for (name, bytes) in &inputs {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), bytes, |b, bytes| {
            b.iter(|| {
                let article = ingest(bytes, &IngestOptions::default()).expect("ingest");
                analyze(&article, &AnalyzeOptions::default())
            })
        });
    }
    group.finish();
}

fn stages(c: &mut Criterion) {
    let bytes = article_of(100_000).into_bytes();
    let article = ingest(&bytes, &IngestOptions::default()).expect("ingest");
    let lang = Lang::En;
    let found_entities = entities::find(&article, lang);
    let found_figures = figures::find(&article, lang);
    let found_quotes = quotes::find(&article, lang, &found_entities);
    let mut group = c.benchmark_group("stage on 100k words");
    group.measurement_time(Duration::from_secs(5)).sample_size(10);
    group.bench_function("ingest", |b| b.iter(|| ingest(&bytes, &IngestOptions::default())));
    group.bench_function("entities", |b| b.iter(|| entities::find(&article, lang)));
    group.bench_function("figures", |b| b.iter(|| figures::find(&article, lang)));
    group.bench_function("quotes", |b| b.iter(|| quotes::find(&article, lang, &found_entities)));
    group.bench_function("key points", |b| {
        let salience =
            keypoints::Salience { entities: &found_entities, figures: &found_figures, quotes: &found_quotes };
        b.iter(|| keypoints::rank(&article, lang, &salience, 5))
    });
    group.finish();
}

/// What the quotes issue bounds: quotes, entities and figures of the seed
/// (after ingest, which is not part of it).
fn seed_extraction(c: &mut Criterion) {
    let bytes = std::fs::read(corpus().join("vi-nato-ai/article.txt")).expect("seed article");
    let article = ingest(&bytes, &IngestOptions::default()).expect("ingest");
    let mut group = c.benchmark_group("seed");
    group.measurement_time(Duration::from_secs(5)).sample_size(20);
    group.bench_function("quotes+entities+figures", |b| {
        b.iter(|| {
            let found_entities = entities::find(&article, Lang::Vi);
            let found_quotes = quotes::find(&article, Lang::Vi, &found_entities);
            (found_quotes, figures::find(&article, Lang::Vi))
        })
    });
    group.finish();
}

criterion_group!(benches, pipeline, stages, seed_extraction);
criterion_main!(benches);
