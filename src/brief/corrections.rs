//! Corrections the analyst makes that are more than a field's new value:
//! two names the analysis kept apart that are one ("Hà" and "Lê Thu Hà"),
//! merged into one entry that holds every mention of both.

use super::{Brief, EntityItem};

/// Why a correction could not be made.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum CorrectionError {
    #[error("the brief has {count} names, so there is no name number {index}; open the brief again and retry")]
    NoSuchEntity { index: usize, count: usize },
    #[error("a name cannot be merged into itself")]
    SameEntity,
}

impl Brief {
    /// Merges the name at `from` into the one at `into`: `into` keeps its
    /// text, kind and place in the list and gains `from`'s mentions, in the
    /// article's order; `from` leaves the list. A new analysis of the article
    /// merges them again ([`fold_merged`]).
    pub fn merge_entities(&mut self, into: usize, from: usize) -> Result<(), CorrectionError> {
        let count = self.entities.len();
        for index in [into, from] {
            if index >= count {
                return Err(CorrectionError::NoSuchEntity { index, count });
            }
        }
        if into == from {
            return Err(CorrectionError::SameEntity);
        }
        let absorbed = self.entities.remove(from);
        let target = &mut self.entities[if from < into { into - 1 } else { into }];
        absorb(target, absorbed);
        Ok(())
    }
}

fn absorb(target: &mut EntityItem, absorbed: EntityItem) {
    target.mentions.extend(absorbed.mentions);
    target.mentions.sort_by_key(|m| (m.start, m.end));
    target.mentions.dedup_by_key(|m| (m.start, m.end));
    for name in std::iter::once(absorbed.text).chain(absorbed.merged) {
        if name != target.text && !target.merged.contains(&name) {
            target.merged.push(name);
        }
    }
}

/// Folds every entry whose name the analyst merged into another entry into
/// that entry, as [`Brief::merge_entities`] did before the new analysis.
pub(super) fn fold_merged(entities: &mut Vec<EntityItem>) {
    let mut i = 0;
    while i < entities.len() {
        let into = entities.iter().position(|e| e.merged.contains(&entities[i].text));
        match into {
            // The entry after it moves up to `i`: look at `i` again.
            Some(into) if into != i => {
                let absorbed = entities.remove(i);
                absorb(&mut entities[if i < into { into - 1 } else { into }], absorbed);
            }
            _ => i += 1,
        }
    }
}
