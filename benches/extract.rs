//! Reading saved web pages: `ingest` (decode, strip scripts, extract the
//! article, clean, segment) on the html-extraction pages at the 10th, 50th and
//! 90th percentile of size, and on the whole set one page after another.
//!
//! `cargo bench --bench extract` (the corpus must be at ../shared/corpus or
//! $BRIEFSMITH_CORPUS).

use std::path::PathBuf;
use std::time::Duration;

use briefsmith::{ingest, IngestOptions};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn pages() -> Vec<(String, Vec<u8>)> {
    let dir = std::env::var_os("BRIEFSMITH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"))
        .join("html-extraction");
    let mut pages: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("the html-extraction set")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).expect("page")))
        .collect();
    pages.sort_by_key(|(_, bytes)| bytes.len());
    pages
}

fn extract(c: &mut Criterion) {
    let pages = pages();
    let mut group = c.benchmark_group("extract page");
    group.measurement_time(Duration::from_secs(5));
    for percentile in [10, 50, 90] {
        let (_, bytes) = &pages[pages.len() * percentile / 100];
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        let label = format!("p{percentile} {} KB", bytes.len() / 1024);
        group.bench_with_input(BenchmarkId::from_parameter(label), bytes, |b, bytes| {
            b.iter(|| ingest(bytes, &IngestOptions::default()))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("extract all pages");
    group.measurement_time(Duration::from_secs(10)).sample_size(10);
    group.bench_function(format!("{} pages", pages.len()), |b| {
        b.iter(|| pages.iter().filter(|(_, bytes)| ingest(bytes, &IngestOptions::default()).is_ok()).count())
    });
    group.finish();
}

criterion_group!(benches, extract);
criterion_main!(benches);
