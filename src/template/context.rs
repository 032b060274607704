//! The variables a template sees, built from a [`Brief`].
//!
//! Excluded items are left out and the analyst's edits replace the extracted
//! text, so a template only decides layout. Every shown string gets the
//! typography of the brief's language ([`super::typography`]). Documented in
//! `docs/templates.md`.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::typography::smarten;
use super::Manifest;
use crate::analyze::{EntityKind, QuoteKind};
use crate::brief::{Brief, Confidence, Paragraphs, QuoteItem};

/// A key point counts as "mostly a quote" when the direct quotes inside it
/// make up at least this share of its text.
const MOSTLY_QUOTE: f64 = 0.5;

pub fn build(brief: &Brief, locale: &str, labels: &BTreeMap<String, String>, manifest: &Manifest) -> Value {
    let language = brief.language.as_str();
    let typeset = |text: &str| smarten(text, language);
    let paragraphs = Paragraphs::of(&brief.article);
    let numbered = paragraphs.numbered();
    let paragraph_of = |start: Option<usize>| {
        let start = start?;
        let at = numbered.partition_point(|&(_, to)| to < start);
        numbered.get(at).filter(|&&(from, _)| from <= start).map(|_| at + 1)
    };

    let key_points: Vec<_> = brief.key_points.iter().filter(|k| k.included).collect();
    let quotes: Vec<&QuoteItem> = brief.quotes.iter().filter(|q| q.included).collect();
    let shown = |text: &Option<String>, original: &str| text.clone().unwrap_or_else(|| original.to_owned());
    // Which key point shows each quote already: its span lies inside the
    // point's span, or the point's wording contains the quote's.
    let holder: Vec<Option<usize>> = quotes
        .iter()
        .map(|q| {
            let quote_text = shown(&q.edited, &q.text);
            key_points.iter().position(|k| {
                let inside = match (k.start, k.end, q.start, q.end, k.edited.is_none(), q.edited.is_none()) {
                    (Some(ks), Some(ke), Some(qs), Some(qe), true, true) => ks <= qs && qe <= ke,
                    _ => false,
                };
                inside || (!quote_text.trim().is_empty() && shown(&k.edited, &k.text).contains(quote_text.trim()))
            })
        })
        .collect();

    let key_points_json: Vec<Value> = key_points
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let text = shown(&k.edited, &k.text);
            let held: Vec<usize> = (0..quotes.len()).filter(|&j| holder[j] == Some(i)).collect();
            let quoted_chars: usize = held
                .iter()
                .filter(|&&j| quotes[j].kind == QuoteKind::Direct)
                .map(|&j| shown(&quotes[j].edited, &quotes[j].text).chars().count())
                .sum();
            let length = text.chars().count().max(1);
            json!({
                "text": typeset(&text),
                "original": k.text,
                "edited": k.edited.is_some(),
                "added": k.start.is_none(),
                "reasons": k.reasons,
                "quotes": held,
                "mostly_quote": quoted_chars as f64 >= MOSTLY_QUOTE * length as f64,
                "start": k.start,
                "end": k.end,
                "paragraph": paragraph_of(k.start),
            })
        })
        .collect();

    // A quote's context is the sentence around it, with the words of every
    // shown quote in it elided, so no quotation is printed twice.
    let spans: Vec<(usize, usize)> = quotes.iter().filter_map(|q| Some((q.start?, q.end?))).collect();
    let in_a_quote = |at: usize| spans.iter().any(|&(s, e)| s <= at && at < e);
    let context_of = |q: &QuoteItem| -> String {
        let (Some(start), Some(end)) = (q.start, q.end) else { return q.context.clone() };
        let window = paragraphs.window(start, end);
        let chars: Vec<char> = paragraphs.slice(window.from, window.to).chars().collect();
        let ends_sentence = |i: usize| {
            matches!(chars[i], '.' | '!' | '?' | '…')
                && chars.get(i + 1).is_none_or(|c| c.is_whitespace())
                && !in_a_quote(window.from + i)
        };
        let local_start = start.saturating_sub(window.from).min(chars.len());
        let local_end = end.saturating_sub(window.from).min(chars.len());
        let from = (0..local_start).rev().find(|&i| ends_sentence(i)).map_or(0, |i| i + 1);
        let to = (local_end..chars.len()).find(|&i| ends_sentence(i)).map_or(chars.len(), |i| i + 1);
        let (from, to) = (window.from + from, window.from + to);
        let mut inside: Vec<(usize, usize)> =
            spans.iter().copied().filter(|&(s, e)| s >= from && e <= to && s < e).collect();
        inside.sort_unstable();
        let mut text = String::new();
        if window.cut_before && from == window.from {
            text.push_str("… ");
        }
        let mut at = from;
        for (s, e) in inside {
            if s < at {
                continue;
            }
            text.push_str(paragraphs.slice(at, s));
            text.push('…');
            at = e;
        }
        text.push_str(paragraphs.slice(at, to));
        if window.cut_after && to == window.to {
            text.push_str(" …");
        }
        text.trim().to_owned()
    };
    // An article that says the same words twice (a pull quote, a recap)
    // shows them once; quotes in one sentence show its context once.
    let mut seen_quotes: Vec<(String, Option<String>)> = Vec::new();
    let mut seen_contexts: Vec<String> = Vec::new();
    let quotes_json: Vec<Value> = quotes
        .iter()
        .zip(&holder)
        .filter(|(q, _)| {
            let key = (shown(&q.edited, &q.text).trim().to_owned(), q.speaker.clone());
            let first = !seen_quotes.contains(&key);
            seen_quotes.push(key);
            first
        })
        .map(|(q, held_by)| {
            let mut context = typeset(&context_of(q));
            if seen_contexts.contains(&context) {
                context.clear();
            } else {
                seen_contexts.push(context.clone());
            }
            json!({
                "text": typeset(&shown(&q.edited, &q.text)),
                "speaker": q.speaker.as_deref().map(typeset),
                "kind": match q.kind {
                    QuoteKind::Direct => "direct",
                    QuoteKind::Partial => "partial",
                    QuoteKind::Reported => "reported",
                },
                "context": context,
                "in_key_point": held_by,
                "start": q.start,
                "end": q.end,
                "paragraph": paragraph_of(q.start),
            })
        })
        .collect();
    let direct = |q: &&Value| q["kind"] == "direct";
    let outside = |q: &&Value| q["in_key_point"].is_null();
    let direct_quotes: Vec<Value> = quotes_json.iter().filter(direct).cloned().collect();
    let quotes_outside: Vec<Value> = quotes_json.iter().filter(outside).cloned().collect();
    let direct_outside: Vec<Value> = quotes_json.iter().filter(direct).filter(outside).cloned().collect();

    let mut entities: BTreeMap<&str, Vec<String>> =
        [("person", vec![]), ("organization", vec![]), ("location", vec![]), ("other", vec![])].into_iter().collect();
    for entity in brief.entities.iter().filter(|e| e.included) {
        let kind = match entity.kind {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Location => "location",
            EntityKind::Other => "other",
        };
        entities.entry(kind).or_default().push(typeset(&shown(&entity.edited, &entity.text)));
    }
    let figures: Vec<Value> = brief
        .figures
        .iter()
        .filter(|f| f.included)
        .map(|f| {
            json!({
                "text": typeset(&shown(&f.edited, &f.text)),
                "context": typeset(&f.context),
                "kind": f.kind,
                "start": f.start,
                "end": f.end,
                "paragraph": paragraph_of(f.start),
            })
        })
        .collect();
    // Figures read from the same stretch of text share one context: a table
    // shows that context once, with all of them.
    let mut figure_groups: Vec<Value> = Vec::new();
    for figure in &figures {
        match figure_groups.last_mut() {
            Some(group) if group["context"] == figure["context"] => {
                let joined = format!(
                    "{}, {}",
                    group["text"].as_str().unwrap_or_default(),
                    figure["text"].as_str().unwrap_or_default()
                );
                group["text"] = Value::String(joined);
                if let Some(list) = group["figures"].as_array_mut() {
                    list.push(figure.clone());
                }
            }
            _ => {
                let mut group = figure.clone();
                group["figures"] = json!([figure]);
                figure_groups.push(group);
            }
        }
    }
    let confidence_label = brief.analyst.confidence.map(|c| {
        let key = match c {
            Confidence::High => "confidence_high",
            Confidence::Moderate => "confidence_moderate",
            Confidence::Low => "confidence_low",
        };
        labels.get(key).cloned().unwrap_or_else(|| key.trim_start_matches("confidence_").to_owned())
    });
    let analyst = &brief.analyst;
    let source = &brief.source;
    json!({
        "title": typeset(&brief.title),
        "source": {
            "name": typeset(&source.name),
            "url": source.url,
            "author": typeset(&source.author),
            "published": source.published,
            "retrieved": source.retrieved,
        },
        "language": brief.language,
        "locale": locale,
        "generated": brief.generated,
        "analyst": {
            "analyst": analyst.analyst,
            "bottom_line": typeset(&analyst.bottom_line),
            "assessment": typeset(&analyst.assessment),
            "confidence": analyst.confidence,
            "confidence_label": confidence_label,
            "classification": analyst.classification,
            "recommendations": analyst.recommendations.iter().map(|r| typeset(r)).collect::<Vec<_>>(),
        },
        "key_points": key_points_json,
        "quotes": quotes_json,
        "direct_quotes": direct_quotes,
        "quotes_outside_key_points": quotes_outside,
        "direct_quotes_outside_key_points": direct_outside,
        "entities": entities,
        "figures": figures,
        "figure_groups": figure_groups,
        "removed": brief.removed,
        "article": brief.article,
        "labels": labels,
        "template": { "name": manifest.name, "description": manifest.description },
    })
}
