//! A brief of many articles: its sources and stories.
//!
//! A digest brief keeps each article as a [`SourceArticle`] (what it says
//! about itself, and its cleaned text, which its items' offsets count into)
//! and each story as a [`StoryItem`] whose items are the one-article items
//! plus the source they were taken from and where else they are reported
//! ([`Sourced`]). A one-article brief has neither, and its JSON is unchanged.

use serde::{Deserialize, Serialize};

use super::{yes, Brief, FigureItem, KeyPointItem, QuoteItem, Source, BRIEF_VERSION};
use crate::analyze::{Analysis, EntityKind};
use crate::digest::{Digest, Passage, StoryFigure};

/// One article of a many-article brief.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SourceArticle {
    /// The input as it was given: a path, an address, or a feed item's link.
    pub file: String,
    pub title: String,
    /// The outlet.
    pub name: String,
    pub author: String,
    pub published: String,
    pub url: String,
    pub language: String,
    /// The cleaned text the items' offsets count chars into.
    pub article: String,
}

/// Where else an item is found: a source (index into [`Brief::sources`]) and
/// char offsets into its article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceSpan {
    pub source: usize,
    pub start: usize,
    pub end: usize,
}

/// A one-article item, with the source it was taken from and the other
/// sources that report it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sourced<T> {
    #[serde(flatten)]
    pub item: T,
    /// Index into [`Brief::sources`].
    pub source: usize,
    #[serde(default)]
    pub also_in: Vec<SourceSpan>,
}

impl<T> Sourced<T> {
    /// An item of one source, reported nowhere else.
    pub fn alone(item: T, source: usize) -> Self {
        Sourced { item, source, also_in: Vec::new() }
    }

    /// Every source of the item, its own first, each once.
    pub fn sources(&self) -> Vec<usize> {
        let mut all = vec![self.source];
        for span in &self.also_in {
            if !all.contains(&span.source) {
                all.push(span.source);
            }
        }
        all
    }
}

/// A name a story's articles give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryEntityItem {
    pub text: String,
    pub kind: EntityKind,
    /// The sources that name it.
    pub sources: Vec<usize>,
    #[serde(default = "yes")]
    pub included: bool,
    #[serde(default)]
    pub edited: Option<String>,
}

/// Figures that count one thing differently, side by side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DisagreementItem {
    pub about: String,
    pub figures: Vec<Sourced<FigureItem>>,
    #[serde(default = "yes")]
    pub included: bool,
}

/// One story: articles about one event, and what they say.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryItem {
    pub title: String,
    /// Indices into [`Brief::sources`], in input order.
    pub sources: Vec<usize>,
    pub key_points: Vec<Sourced<KeyPointItem>>,
    pub quotes: Vec<Sourced<QuoteItem>>,
    pub entities: Vec<StoryEntityItem>,
    pub figures: Vec<Sourced<FigureItem>>,
    pub disagreements: Vec<DisagreementItem>,
    #[serde(default = "yes")]
    pub included: bool,
    /// The analyst's title, used instead of `title` when set.
    #[serde(default)]
    pub edited: Option<String>,
}

impl Brief {
    /// A brief of a digest, every story and item included, as the analyst
    /// first sees it. `analyses` are the digest's articles (their `file`s
    /// name the digest's items). The top-level key points, quotes, names and
    /// figures are left empty: a many-article template reads `stories`.
    pub fn from_digest(digest: &Digest, analyses: &[Analysis], generated: Option<String>) -> Brief {
        let generated = generated.unwrap_or_else(crate::date::today);
        let sources: Vec<SourceArticle> = digest
            .sources
            .iter()
            .map(|s| {
                let article = analyses.iter().find(|a| a.file == s.file).map(|a| a.text.clone()).unwrap_or_default();
                SourceArticle {
                    file: s.file.clone(),
                    title: s.title.clone().unwrap_or_default(),
                    name: s.outlet.clone().unwrap_or_default(),
                    author: s.author.clone().unwrap_or_default(),
                    published: s.published.clone().unwrap_or_default(),
                    url: s.url.clone().unwrap_or_default(),
                    language: s.language.clone(),
                    article,
                }
            })
            .collect();
        let index = |file: &str| sources.iter().position(|s| s.file == file).unwrap_or(0);
        let spans = |passages: &[Passage]| -> Vec<SourceSpan> {
            passages.iter().map(|p| SourceSpan { source: index(&p.file), start: p.start, end: p.end }).collect()
        };
        let figure = |f: &StoryFigure| Sourced {
            item: FigureItem {
                text: f.text.clone(),
                context: f.context.clone(),
                kind: f.kind,
                start: Some(f.start),
                end: Some(f.end),
                included: true,
                edited: None,
                context_edited: None,
            },
            source: index(&f.file),
            also_in: spans(&f.also_in),
        };
        let stories: Vec<StoryItem> = digest
            .stories
            .iter()
            .map(|story| StoryItem {
                title: story.title.clone(),
                sources: story.files.iter().map(|f| index(f)).collect(),
                key_points: story
                    .key_points
                    .iter()
                    .map(|k| Sourced {
                        item: KeyPointItem {
                            text: k.text.clone(),
                            start: Some(k.start),
                            end: Some(k.end),
                            score: Some(k.score),
                            reasons: Vec::new(),
                            included: true,
                            edited: None,
                        },
                        source: index(&k.file),
                        also_in: spans(&k.also_in),
                    })
                    .collect(),
                quotes: story
                    .quotes
                    .iter()
                    .map(|q| Sourced {
                        item: QuoteItem {
                            text: q.text.clone(),
                            speaker: q.speaker.clone(),
                            kind: q.kind,
                            start: Some(q.start),
                            end: Some(q.end),
                            context: String::new(),
                            included: true,
                            edited: None,
                        },
                        source: index(&q.file),
                        also_in: spans(&q.also_in),
                    })
                    .collect(),
                entities: story
                    .entities
                    .iter()
                    .map(|e| StoryEntityItem {
                        text: e.text.clone(),
                        kind: e.kind,
                        sources: e.files.iter().map(|f| index(f)).collect(),
                        included: true,
                        edited: None,
                    })
                    .collect(),
                figures: story.figures.iter().map(figure).collect(),
                disagreements: story
                    .disagreements
                    .iter()
                    .map(|d| DisagreementItem {
                        about: d.about.clone(),
                        figures: d.figures.iter().map(figure).collect(),
                        included: true,
                    })
                    .collect(),
                included: true,
                edited: None,
            })
            .collect();
        let language = majority_language(&sources);
        Brief {
            version: BRIEF_VERSION,
            title: if stories.len() == 1 { stories[0].title.clone() } else { String::new() },
            source: Source { retrieved: generated.clone(), ..Source::default() },
            language,
            generated,
            analyst: Default::default(),
            key_points: Vec::new(),
            quotes: Vec::new(),
            entities: Vec::new(),
            figures: Vec::new(),
            removed: Vec::new(),
            article: String::new(),
            input: None,
            citations: None,
            sources,
            stories,
        }
    }
}

impl Brief {
    /// The brief of one story (index into `stories`): that story alone, from
    /// its own sources, renumbered 1, 2, … in the story's order, so that the
    /// markers of a `topic-brief` resolve to its source list. Titled by the
    /// story (the analyst's title when set). The analyst's bottom line,
    /// assessment, confidence and recommendations speak for the whole brief:
    /// they are kept only when this story is its one included story. `None`
    /// when there is no such story, or it names a source the brief lacks.
    pub fn story_brief(&self, index: usize) -> Option<Brief> {
        let story = self.stories.get(index)?;
        if story.sources.iter().any(|&s| s >= self.sources.len()) {
            return None;
        }
        let renumber = |source: usize| story.sources.iter().position(|&s| s == source);
        let keep_spans = |spans: &[SourceSpan]| -> Vec<SourceSpan> {
            spans
                .iter()
                .filter_map(|span| Some(SourceSpan { source: renumber(span.source)?, ..span.clone() }))
                .collect()
        };
        fn keep<T: Clone>(
            items: &[Sourced<T>],
            renumber: &dyn Fn(usize) -> Option<usize>,
            keep_spans: &dyn Fn(&[SourceSpan]) -> Vec<SourceSpan>,
        ) -> Vec<Sourced<T>> {
            items
                .iter()
                .filter_map(|item| {
                    Some(Sourced {
                        item: item.item.clone(),
                        source: renumber(item.source)?,
                        also_in: keep_spans(&item.also_in),
                    })
                })
                .collect()
        }
        let mut one = StoryItem {
            title: story.title.clone(),
            sources: (0..story.sources.len()).collect(),
            key_points: keep(&story.key_points, &renumber, &keep_spans),
            quotes: keep(&story.quotes, &renumber, &keep_spans),
            entities: story
                .entities
                .iter()
                .map(|e| StoryEntityItem {
                    sources: e.sources.iter().filter_map(|&s| renumber(s)).collect(),
                    ..e.clone()
                })
                .collect(),
            figures: keep(&story.figures, &renumber, &keep_spans),
            disagreements: story
                .disagreements
                .iter()
                .map(|d| DisagreementItem { figures: keep(&d.figures, &renumber, &keep_spans), ..d.clone() })
                .collect(),
            included: true,
            edited: story.edited.clone(),
        };
        one.disagreements.retain(|d| d.figures.len() > 1);
        let mut analyst = self.analyst.clone();
        if !story.included || self.stories.iter().filter(|s| s.included).count() > 1 {
            analyst.bottom_line.clear();
            analyst.assessment.clear();
            analyst.confidence = None;
            analyst.recommendations.clear();
        }
        let sources: Vec<SourceArticle> = story.sources.iter().map(|&s| self.sources[s].clone()).collect();
        Some(Brief {
            version: self.version,
            title: story.edited.clone().unwrap_or_else(|| story.title.clone()),
            source: self.source.clone(),
            language: majority_language(&sources),
            generated: self.generated.clone(),
            analyst,
            key_points: Vec::new(),
            quotes: Vec::new(),
            entities: Vec::new(),
            figures: Vec::new(),
            removed: Vec::new(),
            article: String::new(),
            input: None,
            citations: self.citations,
            sources,
            stories: vec![one],
        })
    }
}

/// The language most of the articles are in; the first's among equals.
fn majority_language(sources: &[SourceArticle]) -> String {
    let mut best: (&str, usize) = ("und", 0);
    for source in sources {
        let count = sources.iter().filter(|s| s.language == source.language).count();
        if count > best.1 {
            best = (&source.language, count);
        }
    }
    best.0.to_owned()
}
