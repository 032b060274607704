//! What the app does on every keystroke: a reviewed Brief through a template
//! to Markdown and sanitized preview HTML. `cargo bench --bench preview`.
//! Target: ≤ 100 ms for a 2,000-word article (the budget includes IPC).

use std::path::PathBuf;
use std::time::Duration;

use briefsmith::brief::{Brief, BriefOptions, Input};
use briefsmith::template::Library;
use criterion::{criterion_group, criterion_main, Criterion};

/// About 2,000 words of English news from the corpus, as one article.
fn long_article() -> String {
    let corpus = std::env::var_os("BRIEFSMITH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus.join("en-summary"))
        .expect("en-summary")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut text = String::new();
    for file in files {
        if text.split_whitespace().count() >= 2000 {
            break;
        }
        text.push_str(&std::fs::read_to_string(file).expect("article"));
        text.push_str("\n\n");
    }
    text
}

fn preview(c: &mut Criterion) {
    let input = Input { text: long_article(), key_points: 5, ..Default::default() };
    let mut brief = Brief::from_input(input, BriefOptions::default()).expect("brief");
    brief.analyst.bottom_line = "The preview follows every keystroke.".into();
    let library = Library::new(None);
    let mut group = c.benchmark_group("brief to preview html, 2,000 words");
    group.measurement_time(Duration::from_secs(5));
    for name in ["bluf", "one-pager"] {
        let template = library.resolve(name).expect("template");
        group.bench_function(name, |b| {
            b.iter(|| {
                let markdown = briefsmith::export::markdown(&library, &template, &brief, "en").expect("markdown");
                briefsmith::render::html::preview(&markdown)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, preview);
criterion_main!(benches);
