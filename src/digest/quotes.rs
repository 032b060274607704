//! A story's quotes: every article's, the same words quoted twice kept once.

use super::similar::{bag, bag_f1};
use super::{Passage, StoryQuote};
use crate::analyze::{Analysis, QuoteKind};

/// Word-bag F1 at which two quotes are the same words: outlets trim a quote
/// differently, or fix a typo in it, but keep nearly all of it.
const SAME_WORDS: f64 = 0.8;

/// The quotes of `articles`, direct ones first, each once, with where else
/// it is quoted.
pub fn merge(articles: &[&Analysis]) -> Vec<StoryQuote> {
    let mut merged: Vec<(StoryQuote, std::collections::HashMap<String, usize>)> = Vec::new();
    for article in articles {
        for quote in &article.quotes {
            let words = bag(&quote.text);
            let same = merged.iter_mut().find(|(kept, kept_words)| {
                kept.file != article.file && kept.kind == quote.kind && bag_f1(kept_words, &words) >= SAME_WORDS
            });
            match same {
                Some((kept, _)) => {
                    if !kept.also_in.iter().any(|p| p.file == article.file) {
                        kept.also_in.push(Passage { file: article.file.clone(), start: quote.start, end: quote.end });
                    }
                    // An outlet that names the speaker tells who said the
                    // words the other left unattributed.
                    if kept.speaker.is_none() {
                        kept.speaker.clone_from(&quote.speaker);
                    }
                }
                None => merged.push((
                    StoryQuote {
                        text: quote.text.clone(),
                        speaker: quote.speaker.clone(),
                        kind: quote.kind,
                        file: article.file.clone(),
                        start: quote.start,
                        end: quote.end,
                        also_in: Vec::new(),
                    },
                    words,
                )),
            }
        }
    }
    let mut quotes: Vec<StoryQuote> = merged.into_iter().map(|(q, _)| q).collect();
    // Stable: article and text order within each kind.
    quotes.sort_by_key(|q| q.kind != QuoteKind::Direct);
    quotes
}
