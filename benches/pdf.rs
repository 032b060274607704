//! Markdown → PDF bytes: the seed brief (bluf), as PDF/A-2b too, and a 20-page brief.
//! `cargo bench --bench pdf`. Targets: seed ≤ 15 ms, 20 pages ≤ 100 ms.

use std::path::PathBuf;
use std::time::Duration;

use briefsmith::brief::{Brief, BriefOptions};
use briefsmith::render::pdf::{render, PdfOptions};
use briefsmith::template::Library;
use criterion::{criterion_group, criterion_main, Criterion};

fn seed_markdown() -> (String, PdfOptions) {
    let corpus = std::env::var_os("BRIEFSMITH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    let bytes = std::fs::read(corpus.join("vi-nato-ai/article.txt")).expect("seed article");
    let analysis = briefsmith::analyze_bytes(&bytes, &briefsmith::Options::default()).expect("analysis");
    let brief =
        Brief::from_analysis(&analysis, BriefOptions { generated: Some("2026-11-28".into()), ..Default::default() });
    let library = Library::new(None);
    let template = library.resolve("bluf").expect("bluf");
    let markdown = library.render(&template, &brief, "vi").expect("markdown");
    let document = briefsmith::render::DocumentInfo {
        page: template.manifest.pdf.clone(),
        title: brief.title.clone(),
        page_label: "Trang".into(),
        of_label: "/".into(),
        ..Default::default()
    };
    let options = PdfOptions { document, ..Default::default() };
    (markdown, options)
}

fn pdf(c: &mut Criterion) {
    let (seed, options) = seed_markdown();
    let long = seed.repeat(20);
    let pages = render(&long, &options).expect("pdf").pages;
    let mut group = c.benchmark_group("markdown to pdf");
    group.measurement_time(Duration::from_secs(5)).sample_size(20);
    group.bench_function("seed brief", |b| b.iter(|| render(&seed, &options).expect("pdf")));
    let mut archival = options.clone();
    archival.document.page.pdf_a = true;
    group.bench_function("seed brief, PDF/A-2b", |b| b.iter(|| render(&seed, &archival).expect("pdf")));
    group.bench_function(format!("{pages}-page brief"), |b| b.iter(|| render(&long, &options).expect("pdf")));
    group.finish();
}

criterion_group!(benches, pdf);
criterion_main!(benches);
