//! A story's names: one entry per person, organization or place, whichever
//! articles name it.

use std::collections::HashMap;

use super::{Passage, StoryEntity};
use crate::analyze::{Analysis, EntityKind};

/// The names `articles` give in their text (not only in a credit line), the
/// one named by the most articles first. A person named in full in one
/// article and by the family name alone in another is one person, when the
/// short name fits one full name only.
pub fn merge(articles: &[&Analysis]) -> Vec<StoryEntity> {
    let mut merged: Vec<(StoryEntity, HashMap<EntityKind, usize>)> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for article in articles {
        for entity in article.entities.iter().filter(|e| !e.mentions.is_empty()) {
            let key = entity.text.to_lowercase();
            let index = *by_key.entry(key).or_insert_with(|| {
                merged.push((
                    StoryEntity {
                        text: entity.text.clone(),
                        kind: entity.kind,
                        files: Vec::new(),
                        mentions: Vec::new(),
                    },
                    HashMap::new(),
                ));
                merged.len() - 1
            });
            let (kept, kinds) = &mut merged[index];
            *kinds.entry(entity.kind).or_default() += entity.mentions.len();
            if !kept.files.contains(&article.file) {
                kept.files.push(article.file.clone());
            }
            kept.mentions.extend(entity.mentions.iter().map(|m| Passage {
                file: article.file.clone(),
                start: m.start,
                end: m.end,
            }));
        }
    }
    for (entity, kinds) in &mut merged {
        // The kind most mentions give; among equals, the first article's.
        let mut counted: Vec<(EntityKind, usize)> = kinds.iter().map(|(k, n)| (*k, *n)).collect();
        counted.sort();
        let mut best = (entity.kind, kinds.get(&entity.kind).copied().unwrap_or(0));
        for (kind, count) in counted {
            if count > best.1 {
                best = (kind, count);
            }
        }
        entity.kind = best.0;
    }
    let mut entities: Vec<StoryEntity> = fold_short_names(merged.into_iter().map(|(e, _)| e).collect());
    let order: HashMap<&str, usize> = articles.iter().enumerate().map(|(i, a)| (a.file.as_str(), i)).collect();
    for entity in &mut entities {
        entity.files.sort_by_key(|f| order.get(f.as_str()).copied());
        entity.mentions.sort_by_key(|m| (order.get(m.file.as_str()).copied(), m.start));
    }
    entities.sort_by(|a, b| b.files.len().cmp(&a.files.len()).then(b.mentions.len().cmp(&a.mentions.len())));
    entities
}

/// Folds "Shamanov" into "Vladimir Shamanov" when it is the end of exactly
/// one longer person's name.
fn fold_short_names(mut entities: Vec<StoryEntity>) -> Vec<StoryEntity> {
    let words = |e: &StoryEntity| e.text.to_lowercase().split_whitespace().map(str::to_owned).collect::<Vec<_>>();
    let mut i = 0;
    while i < entities.len() {
        let short = words(&entities[i]);
        let longer: Vec<usize> = (0..entities.len())
            .filter(|&j| {
                let long = words(&entities[j]);
                j != i
                    && entities[i].kind == EntityKind::Person
                    && entities[j].kind == EntityKind::Person
                    && long.len() > short.len()
                    && long.ends_with(&short)
            })
            .collect();
        if let [j] = longer[..] {
            let short = entities.remove(i);
            let j = if j > i { j - 1 } else { j };
            for file in short.files {
                if !entities[j].files.contains(&file) {
                    entities[j].files.push(file);
                }
            }
            entities[j].mentions.extend(short.mentions);
        } else {
            i += 1;
        }
    }
    entities
}
