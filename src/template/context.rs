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
use crate::brief::{Brief, Confidence, Paragraphs, QuoteItem, SourceArticle, Sourced, StoryEntityItem, StoryItem};

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
    let (sources, stories) = many_sources(brief, &typeset);
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
        "sources": sources,
        "stories": stories,
        "removed": brief.removed,
        "article": brief.article,
        "labels": labels,
        "template": { "name": manifest.name, "description": manifest.description },
    })
}

/// The numbered sources and the included stories of a many-article brief.
/// A one-article brief is one story of one source, so that a template made
/// for many articles renders one too. Each item lists its sources by number,
/// as the source list numbers them: `[1][2]` in a template.
fn many_sources(brief: &Brief, typeset: &dyn Fn(&str) -> String) -> (Vec<Value>, Vec<Value>) {
    let single;
    let (sources, stories) = if brief.stories.is_empty() {
        single = one_story(brief);
        (&single.0[..], &single.1[..])
    } else {
        (&brief.sources[..], &brief.stories[..])
    };
    let sources_json: Vec<Value> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            json!({
                "n": i + 1,
                "name": typeset(&s.name),
                "title": typeset(&s.title),
                "author": typeset(&s.author),
                "published": s.published,
                "url": s.url,
                "file": s.file,
                "language": s.language,
            })
        })
        .collect();
    let numbers = |of: &[usize]| of.iter().map(|i| i + 1).collect::<Vec<_>>();
    let shown = |edited: &Option<String>, text: &str| typeset(edited.as_deref().unwrap_or(text));
    // The outlet; a story whose articles name none lists only numbers.
    let name_of = |i: usize| sources.get(i).map(|s| typeset(&s.name)).filter(|n| !n.is_empty());
    let figure = |f: &Sourced<crate::brief::FigureItem>| {
        json!({
            "text": shown(&f.item.edited, &f.item.text),
            "context": typeset(&f.item.context),
            "kind": f.item.kind,
            "sources": numbers(&f.sources()),
            "source_name": name_of(f.source),
        })
    };
    let stories = stories
        .iter()
        .filter(|s| s.included)
        .enumerate()
        .map(|(i, story)| {
            let key_points: Vec<Value> = story
                .key_points
                .iter()
                .filter(|k| k.item.included)
                .map(|k| json!({ "text": shown(&k.item.edited, &k.item.text), "sources": numbers(&k.sources()) }))
                .collect();
            let quotes: Vec<Value> = story
                .quotes
                .iter()
                .filter(|q| q.item.included)
                .map(|q| {
                    json!({
                        "text": shown(&q.item.edited, &q.item.text),
                        "speaker": q.item.speaker.as_deref().map(typeset),
                        "kind": q.item.kind,
                        "sources": numbers(&q.sources()),
                    })
                })
                .collect();
            let direct: Vec<Value> = quotes.iter().filter(|q| q["kind"] == "direct").cloned().collect();
            // The quote to lead with: the first direct one with a speaker
            // that no key point already carries.
            let carried = |q: &Value| {
                let words = q["text"].as_str().unwrap_or_default().trim();
                !words.is_empty() && key_points.iter().any(|k| k["text"].as_str().is_some_and(|t| t.contains(words)))
            };
            let direct_outside: Vec<Value> = direct.iter().filter(|q| !carried(q)).cloned().collect();
            let key_quote = direct_outside.iter().find(|q| !q["speaker"].is_null()).cloned();
            let mut entities: BTreeMap<&str, Vec<String>> = [("person", vec![]), ("organization", vec![]), ("location", vec![]), ("other", vec![])]
                .into_iter()
                .collect();
            for entity in story.entities.iter().filter(|e| e.included) {
                let kind = match entity.kind {
                    EntityKind::Person => "person",
                    EntityKind::Organization => "organization",
                    EntityKind::Location => "location",
                    EntityKind::Other => "other",
                };
                entities.entry(kind).or_default().push(shown(&entity.edited, &entity.text));
            }
            let mut source_names: Vec<String> = Vec::new();
            for name in story.sources.iter().filter_map(|&s| name_of(s)) {
                if !source_names.contains(&name) {
                    source_names.push(name);
                }
            }
            json!({
                "n": i + 1,
                "title": shown(&story.edited, &story.title),
                "sources": numbers(&story.sources),
                "source_names": source_names,
                "key_points": key_points,
                "quotes": quotes,
                "direct_quotes": direct,
                "direct_quotes_outside_key_points": direct_outside,
                "key_quote": key_quote,
                "entities": entities,
                "figures": story.figures.iter().filter(|f| f.item.included).map(figure).collect::<Vec<_>>(),
                "disagreements": story
                    .disagreements
                    .iter()
                    .filter(|d| d.included)
                    .map(|d| json!({ "about": typeset(&d.about), "figures": d.figures.iter().map(figure).collect::<Vec<_>>() }))
                    .collect::<Vec<_>>(),
            })
        })
        .collect();
    (sources_json, stories)
}

/// A one-article brief as a story of its one source.
fn one_story(brief: &Brief) -> (Vec<SourceArticle>, Vec<StoryItem>) {
    let source = SourceArticle {
        file: String::new(),
        title: brief.title.clone(),
        name: brief.source.name.clone(),
        author: brief.source.author.clone(),
        published: brief.source.published.clone(),
        url: brief.source.url.clone(),
        language: brief.language.clone(),
        article: String::new(),
    };
    let story = StoryItem {
        title: brief.title.clone(),
        sources: vec![0],
        key_points: brief.key_points.iter().cloned().map(|k| Sourced::alone(k, 0)).collect(),
        quotes: brief.quotes.iter().cloned().map(|q| Sourced::alone(q, 0)).collect(),
        entities: brief
            .entities
            .iter()
            .map(|e| StoryEntityItem {
                text: e.text.clone(),
                kind: e.kind,
                sources: vec![0],
                included: e.included,
                edited: e.edited.clone(),
            })
            .collect(),
        figures: brief.figures.iter().cloned().map(|f| Sourced::alone(f, 0)).collect(),
        disagreements: Vec::new(),
        included: true,
        edited: None,
    };
    (vec![source], vec![story])
}
