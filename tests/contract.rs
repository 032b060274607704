//! The JSON contract of `briefsmith analyze --json` on every corpus article:
//! valid JSON Lines, one object per input, offsets that read back exactly, no
//! panic, and no real article sentence removed as noise.

mod common;

use common::{analyze_json, assert_contract, corpus_files, gold_lines};
use unicode_normalization::UnicodeNormalization;

fn analyze_set(set: &str) -> Vec<serde_json::Value> {
    let files = corpus_files(set);
    assert!(!files.is_empty(), "{set} is empty");
    let args: Vec<&str> = files.iter().map(|f| f.to_str().expect("utf-8 path")).collect();
    let out = analyze_json(&args);
    assert_eq!(out.len(), files.len(), "{set}: one JSON line per input");
    for (analysis, file) in out.iter().zip(&files) {
        assert_eq!(analysis["file"].as_str(), file.to_str());
        assert_contract(analysis);
    }
    out
}

/// Every article of a set analyzed, each with its gold case.
fn analyzed_with_gold(set: &str) -> Vec<(serde_json::Value, serde_json::Value)> {
    let gold = gold_lines(set);
    analyze_set(set)
        .into_iter()
        .map(|analysis| {
            let file = analysis["file"].as_str().unwrap().to_owned();
            let case = gold.iter().find(|g| file.ends_with(g["file"].as_str().unwrap())).expect("gold case").clone();
            (analysis, case)
        })
        .collect()
}

/// Whether any removed line holds `sentence` (or a long part of it).
fn removed_holds(analysis: &serde_json::Value, sentence: &str) -> bool {
    analysis["removed"].as_array().unwrap().iter().any(|r| {
        let line = r["text"].as_str().unwrap();
        line.contains(sentence) || (line.len() > 30 && sentence.contains(line))
    })
}

#[test]
fn en_summary_contract_and_no_summary_sentence_removed() {
    for (analysis, case) in &analyzed_with_gold("en-summary") {
        let file = analysis["file"].as_str().unwrap();
        assert_eq!(analysis["language"], "en", "{file}");
        assert_eq!(analysis["title"], case["title"], "{file}: the first line is the headline");
        for sentence in case["summary_sentences"].as_array().unwrap() {
            let sentence = sentence.as_str().unwrap();
            assert!(!removed_holds(analysis, sentence), "{file}: removed a summary sentence: {sentence}");
        }
    }
}

#[test]
fn vi_summary_contract_and_titles() {
    for (analysis, case) in &analyzed_with_gold("vi-summary") {
        let file = analysis["file"].as_str().unwrap();
        assert_eq!(analysis["language"], "vi", "{file}");
        // Some articles come decomposed (NFD); Briefsmith gives NFC.
        let title: String = case["title"].as_str().unwrap().nfc().collect();
        assert_eq!(analysis["title"].as_str(), Some(title.as_str()), "{file}");
        // Only short lines are ever removed here: names, credits, "Xem thêm".
        for removed in analysis["removed"].as_array().unwrap() {
            let words = removed["text"].as_str().unwrap().split_whitespace().count();
            assert!(words <= 16, "{file}: a long line was removed: {removed}");
        }
    }
}

#[test]
fn en_quotes_contract_and_no_quote_removed() {
    for (analysis, case) in &analyzed_with_gold("en-quotes") {
        let file = analysis["file"].as_str().unwrap();
        for quote in case["quotes"].as_array().unwrap() {
            let text = quote["text"].as_str().unwrap();
            assert!(!removed_holds(analysis, text), "{file}: removed a quote: {text}");
        }
    }
}

#[test]
fn html_pages_never_break_the_contract() {
    // Until HTML extraction lands these read as text; the contract must hold anyway.
    analyze_set("html-extraction");
}

#[test]
fn vi_quotes_contract_and_no_quoted_words_removed() {
    for (analysis, case) in &analyzed_with_gold("vi-quotes") {
        let file = analysis["file"].as_str().unwrap();
        assert_eq!(analysis["language"], "vi", "{file}");
        for quote in case["quotes"].as_array().unwrap().iter().filter(|q| q["kind"] == "direct") {
            let words = quote["text"].as_str().unwrap();
            assert!(!removed_holds(analysis, words), "{file}: removed quoted words: {words}");
        }
    }
}

#[test]
fn vi_mds_contract_on_every_story() {
    let set = common::corpus().join("vi-mds");
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(&set)
        .expect("vi-mds")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.is_dir())
        .flat_map(|story| std::fs::read_dir(story).expect("story").map(|e| e.expect("dir entry").path()))
        .collect();
    files.sort();
    assert!(files.len() > 200, "vi-mds holds {} articles", files.len());
    let args: Vec<&str> = files.iter().map(|f| f.to_str().expect("utf-8 path")).collect();
    let out = analyze_json(&args);
    assert_eq!(out.len(), files.len(), "one JSON line per input");
    for analysis in &out {
        assert_contract(analysis);
    }
}
