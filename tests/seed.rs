//! The first real article (`shared/corpus/vi-nato-ai`) against what an analyst
//! extracted from it (`gold.json`).

mod common;

use common::{analyze_json, assert_contract, seed_gold, seed_path};

fn seed() -> serde_json::Value {
    let path = seed_path();
    let mut out = analyze_json(&[path.to_str().expect("utf-8 path")]);
    assert_eq!(out.len(), 1);
    out.remove(0)
}

#[test]
fn seed_is_vietnamese_without_a_title() {
    let a = seed();
    assert_contract(&a);
    assert_eq!(a["language"], "vi");
    // The first line ends with a period: an article sentence, not a headline.
    assert!(a["title"].is_null());
    assert!(a["text"].as_str().unwrap().starts_with("NATO đang thúc đẩy"));
}

#[test]
fn seed_noise_lines_removed_with_reasons_and_nothing_else() {
    let a = seed();
    let gold = seed_gold();
    let removed: Vec<(&str, &str)> = a["removed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["text"].as_str().unwrap(), r["reason"].as_str().unwrap()))
        .collect();
    let expected: Vec<&str> = gold["noise_lines"].as_array().unwrap().iter().map(|l| l.as_str().unwrap()).collect();
    assert_eq!(removed, vec![(expected[0], "caption"), (expected[1], "counter")]);
    assert_eq!(a["metadata"]["photo_credits"], serde_json::json!(["Reuters"]));
    let text = a["text"].as_str().unwrap();
    for noise in expected {
        assert!(!text.contains(noise), "noise line still in the text: {noise}");
    }
    // Every other line of the article is still there, whole.
    let raw = std::fs::read_to_string(seed_path()).unwrap();
    for line in raw.lines().filter(|l| !l.trim().is_empty() && !removed.iter().any(|(r, _)| r == l)) {
        assert!(text.contains(line.trim()), "an article line was lost: {line}");
    }
}

#[test]
fn seed_direct_quotes_are_whole_and_attributed() {
    let a = seed();
    let gold = seed_gold();
    let quotes = a["quotes"].as_array().unwrap();
    let direct: Vec<&serde_json::Value> = quotes.iter().filter(|q| q["kind"] == "direct").collect();
    let gold_direct = gold["direct_quotes"].as_array().unwrap();
    assert_eq!(direct.len(), gold_direct.len(), "{direct:#?}");
    for (found, expected) in direct.iter().zip(gold_direct) {
        assert_eq!(found["text"], expected["text"]);
        assert_eq!(found["speaker"], "Jens Stoltenberg");
    }
    // The second quote spans two sentences.
    assert!(direct[1]["text"].as_str().unwrap().contains("chúng tôi. Điều đó"));
}

#[test]
fn seed_partial_quotes_are_not_direct() {
    let a = seed();
    let quotes = a["quotes"].as_array().unwrap();
    for phrase in ["thách thức mang tính hệ thống", "lời kêu gọi hành động"] {
        let quote = quotes.iter().find(|q| q["text"] == phrase).unwrap_or_else(|| panic!("{phrase} not found"));
        assert_eq!(quote["kind"], "partial", "{phrase}");
    }
    assert_eq!(quotes.iter().filter(|q| q["kind"] != "reported").count(), 5);
}

#[test]
fn seed_reported_statements_have_their_speaker() {
    let a = seed();
    let gold = seed_gold();
    let reported: Vec<&serde_json::Value> =
        a["quotes"].as_array().unwrap().iter().filter(|q| q["kind"] == "reported").collect();
    let expected = gold["reported_statements"].as_array().unwrap();
    assert_eq!(reported.len(), expected.len(), "{reported:#?}");
    for (found, gold) in reported.iter().zip(expected) {
        // Gold keeps the speaker and the verb ("ông nói thêm rằng …"); the statement is what follows them.
        let statement = found["text"].as_str().unwrap();
        let gold_text = gold["text"].as_str().unwrap();
        let shared = gold_text.split_whitespace().filter(|w| statement.contains(w)).count();
        assert!(shared * 10 >= gold_text.split_whitespace().count() * 7, "{statement} / {gold_text}");
        assert_eq!(found["speaker"], gold["speaker"]);
    }
}

#[test]
fn seed_entities_have_the_gold_kinds_and_no_junk() {
    let a = seed();
    let gold = seed_gold();
    let entities = a["entities"].as_array().unwrap();
    let mut expected = Vec::new();
    for (kind, names) in gold["entities"].as_object().unwrap() {
        for name in names.as_array().unwrap() {
            expected.push((name.as_str().unwrap().to_owned(), kind.clone()));
        }
    }
    for (name, kind) in &expected {
        let found = entities.iter().find(|e| e["text"] == name.as_str()).unwrap_or_else(|| panic!("{name} not found"));
        assert_eq!(found["kind"], kind.as_str(), "{name}");
    }
    let names: Vec<&str> = entities.iter().map(|e| e["text"].as_str().unwrap()).collect();
    assert_eq!(names.len(), expected.len(), "junk among the entities: {names:?}");
    // "Stoltenberg" alone is a mention of Jens Stoltenberg, not another person.
    let jens = entities.iter().find(|e| e["text"] == "Jens Stoltenberg").unwrap();
    assert_eq!(jens["mentions"].as_array().unwrap().len(), 4);
}

#[test]
fn seed_figures_say_what_they_count() {
    let a = seed();
    let gold = seed_gold();
    let figures = a["figures"].as_array().unwrap();
    for expected in gold["figures"].as_array().unwrap() {
        let wanted = expected["text"].as_str().unwrap();
        // The figure's own text holds the gold figure and the noun it counts.
        assert!(
            figures.iter().any(|f| f["text"].as_str().unwrap().contains(wanted)),
            "figure {wanted} not found in {figures:#?}"
        );
    }
}

#[test]
fn seed_key_points_are_sentences_and_never_noise() {
    let a = seed();
    let key_points = a["key_points"].as_array().unwrap();
    assert_eq!(key_points.len(), 5);
    for k in key_points {
        let text = k["text"].as_str().unwrap();
        assert!(!text.contains("Ảnh:") && !text.contains("Bình luận"), "noise picked: {text}");
        assert!(k["reasons"].as_array().is_some_and(|r| !r.is_empty()), "no reason for {text}");
    }
    let lead = key_points.iter().find(|k| k["reasons"].as_array().unwrap().contains(&serde_json::json!("lead")));
    assert!(lead.is_some(), "the lead sentence is a key point");
}

#[test]
fn seed_top_five_key_points_cover_the_five_key_facts() {
    let a = seed();
    let points: Vec<&str> = a["key_points"].as_array().unwrap().iter().map(|k| k["text"].as_str().unwrap()).collect();
    for fact in seed_gold()["key_facts"].as_array().unwrap() {
        let phrases: Vec<&str> = fact["any_of"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
        assert!(
            points.iter().any(|point| phrases.iter().any(|phrase| point.contains(phrase))),
            "no key point gives {} ({:?}): {points:#?}",
            fact["id"],
            phrases
        );
    }
}

#[test]
fn key_points_option_sets_how_many() {
    let path = seed_path();
    let out = analyze_json(&["--key-points", "2", path.to_str().unwrap()]);
    assert_eq!(out[0]["key_points"].as_array().unwrap().len(), 2);
}
