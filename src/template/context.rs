//! The variables a template sees, built from a [`Brief`].
//!
//! Excluded items are left out and the analyst's edits replace the extracted
//! text, so a template only decides layout. Documented in `docs/templates.md`.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::Manifest;
use crate::analyze::{EntityKind, QuoteKind};
use crate::brief::{Brief, Confidence};

pub fn build(brief: &Brief, locale: &str, labels: &BTreeMap<String, String>, manifest: &Manifest) -> Value {
    let key_points: Vec<Value> = brief
        .key_points
        .iter()
        .filter(|k| k.included)
        .map(|k| {
            json!({
                "text": k.edited.as_deref().unwrap_or(&k.text),
                "original": k.text,
                "edited": k.edited.is_some(),
                "added": k.start.is_none(),
                "reasons": k.reasons,
            })
        })
        .collect();
    let quotes: Vec<Value> = brief
        .quotes
        .iter()
        .filter(|q| q.included)
        .map(|q| {
            json!({
                "text": q.edited.as_deref().unwrap_or(&q.text),
                "speaker": q.speaker,
                "kind": match q.kind {
                    QuoteKind::Direct => "direct",
                    QuoteKind::Partial => "partial",
                    QuoteKind::Reported => "reported",
                },
                "context": q.context,
            })
        })
        .collect();
    let direct_quotes: Vec<Value> = quotes.iter().filter(|q| q["kind"] == "direct").cloned().collect();
    let mut entities: BTreeMap<&str, Vec<String>> =
        [("person", vec![]), ("organization", vec![]), ("location", vec![]), ("other", vec![])].into_iter().collect();
    for entity in brief.entities.iter().filter(|e| e.included) {
        let kind = match entity.kind {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Location => "location",
            EntityKind::Other => "other",
        };
        entities.entry(kind).or_default().push(entity.edited.clone().unwrap_or_else(|| entity.text.clone()));
    }
    let figures: Vec<Value> = brief
        .figures
        .iter()
        .filter(|f| f.included)
        .map(|f| json!({ "text": f.edited.as_deref().unwrap_or(&f.text), "context": f.context, "kind": f.kind }))
        .collect();
    let confidence_label = brief.analyst.confidence.map(|c| {
        let key = match c {
            Confidence::High => "confidence_high",
            Confidence::Moderate => "confidence_moderate",
            Confidence::Low => "confidence_low",
        };
        labels.get(key).cloned().unwrap_or_else(|| key.trim_start_matches("confidence_").to_owned())
    });
    json!({
        "title": brief.title,
        "source": brief.source,
        "language": brief.language,
        "locale": locale,
        "generated": brief.generated,
        "analyst": {
            "analyst": brief.analyst.analyst,
            "bottom_line": brief.analyst.bottom_line,
            "assessment": brief.analyst.assessment,
            "confidence": brief.analyst.confidence,
            "confidence_label": confidence_label,
            "classification": brief.analyst.classification,
            "recommendations": brief.analyst.recommendations,
        },
        "key_points": key_points,
        "quotes": quotes,
        "direct_quotes": direct_quotes,
        "entities": entities,
        "figures": figures,
        "removed": brief.removed,
        "article": brief.article,
        "labels": labels,
        "template": { "name": manifest.name, "description": manifest.description },
    })
}
