//! Terms: the words a text is compared by. Vietnamese syllables and
//! syllable pairs, English and other stems, without function words; hashed,
//! so a vector is a sorted list of (term, weight).

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use rust_stemmers::{Algorithm, Stemmer};

use super::lexicon::{STOPWORDS_EN, STOPWORDS_VI};
use super::words::words_in;
use super::Lang;
use crate::text::Span;

/// Term weights sorted by term hash.
pub type Vector = Vec<(u64, f64)>;

/// Scales `vector` to unit length.
pub fn normalize(mut vector: Vector) -> Vector {
    let norm = vector.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    if norm > 0.0 {
        for (_, w) in &mut vector {
            *w /= norm;
        }
    }
    vector
}

/// Cosine of two normalized vectors sorted by term.
pub fn cosine(a: &Vector, b: &Vector) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Turns text into weighted terms for the article's language.
pub struct Tokenizer {
    lang: Lang,
    stemmer: Option<Stemmer>,
}

impl Tokenizer {
    pub fn new(lang: Lang) -> Self {
        let algorithm = match lang {
            Lang::En => Some(Algorithm::English),
            Lang::Fr => Some(Algorithm::French),
            Lang::De => Some(Algorithm::German),
            Lang::Es => Some(Algorithm::Spanish),
            Lang::Vi | Lang::Other => None,
        };
        Tokenizer { lang, stemmer: algorithm.map(Stemmer::create) }
    }

    pub fn is_stopword(&self, word: &str) -> bool {
        match self.lang {
            Lang::Vi => STOPWORDS_VI.contains(word),
            Lang::En => STOPWORDS_EN.contains(word),
            _ => word.chars().count() <= 2,
        }
    }

    /// Term frequencies, sorted by term hash. Vietnamese adds adjacent syllable
    /// pairs, since most Vietnamese words are two syllables.
    pub fn vector(&self, text: &str) -> Vector {
        self.weighted(text, |_| 1.0)
    }

    /// Term frequencies, each occurrence weighted by `weigh` of the words it
    /// is made of (one, or a Vietnamese syllable pair), sorted by term hash.
    pub fn weighted(&self, text: &str, weigh: impl Fn(&[&str]) -> f64) -> Vector {
        let mut counts: HashMap<u64, f64> = HashMap::new();
        self.each_term(text, |term, words| *counts.entry(term).or_default() += weigh(words));
        let mut vector: Vector = counts.into_iter().collect();
        vector.sort_by_key(|(t, _)| *t);
        vector
    }

    /// Calls `found` with every term occurrence of `text`, in text order, and
    /// the words it is made of.
    pub fn each_term(&self, text: &str, mut found: impl FnMut(u64, &[&str])) {
        let words: Vec<String> =
            words_in(text, Span::new(0, text.len())).iter().map(|w| w.text.to_lowercase()).collect();
        for (i, word) in words.iter().enumerate() {
            let stop = self.is_stopword(word);
            if !stop {
                let term = match &self.stemmer {
                    Some(stemmer) => stemmer.stem(word).into_owned(),
                    None => word.clone(),
                };
                found(hash(&term), &[word.as_str()]);
            }
            if self.lang == Lang::Vi {
                if let Some(next) = words.get(i + 1) {
                    if !(stop && self.is_stopword(next)) {
                        found(hash(&(word.as_str(), next.as_str())), &[word.as_str(), next.as_str()]);
                    }
                }
            }
        }
    }
}

pub fn hash<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}
