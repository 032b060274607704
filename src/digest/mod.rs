//! Digest: many articles' analyses in, stories out.
//!
//! [`digest`] groups the articles into stories ([`group`]): articles about
//! one event share names, rare words and a time window. Then, per story:
//! key points drawn across its articles, a fact several outlets report once
//! with every source ([`points`]); quotes, the same words from two articles
//! once ([`quotes`]); names merged; figures merged, and those that count the
//! same thing differently set side by side ([`figures`]). Every item keeps
//! the file it came from and its `start`/`end` in that file's cleaned text,
//! exactly as [`crate::analyze`] gives them, so each line of a digest can be
//! checked against its article. Deterministic: the same inputs, in the same
//! order, give the same digest.
//!
//! ```
//! use briefsmith::{analyze_bytes, digest::{digest, DigestOptions}, Options};
//! let read = |file: &str, text: &str| {
//!     let mut analysis = analyze_bytes(text.as_bytes(), &Options::default()).unwrap();
//!     analysis.file = file.to_owned();
//!     analysis
//! };
//! let digest = digest(
//!     &[
//!         read("a.txt", "Floods hit Ravenmoor\n\nFloods hit the town of Ravenmoor on Monday after the river Brell burst its banks."),
//!         read("b.txt", "Ravenmoor flooded\n\nThe river Brell burst its banks on Monday and flooded the town of Ravenmoor."),
//!     ],
//!     &DigestOptions::default(),
//! );
//! assert_eq!(digest.stories.len(), 1);
//! assert_eq!(digest.stories[0].files, ["a.txt", "b.txt"]);
//! ```

pub mod figures;
pub mod group;
mod names;
pub mod points;
mod quotes;
pub mod similar;

use serde::{Deserialize, Serialize};

use rayon::prelude::*;

use crate::analyze::{Analysis, EntityKind, FigureKind, QuoteKind};
use crate::ingest::inputs::ReadArticle;

/// How to digest.
#[derive(Debug, Clone)]
pub struct DigestOptions {
    /// Key points per story, at most.
    pub key_points: usize,
}

impl Default for DigestOptions {
    fn default() -> Self {
        DigestOptions { key_points: 5 }
    }
}

/// Key points each article should be analyzed for, so that a story has
/// enough to choose its own from: the best of every outlet, and a few more.
pub const CANDIDATES_PER_ARTICLE: usize = 10;

/// Analyzes read articles for a digest, on every core, in input order: each
/// for [`CANDIDATES_PER_ARTICLE`] key points (or `key_points` when more), in
/// `language` when given, named by its article's `file`.
pub fn analyze_articles(articles: &[ReadArticle], key_points: usize, language: Option<&str>) -> Vec<Analysis> {
    let options = crate::AnalyzeOptions {
        key_points: key_points.max(CANDIDATES_PER_ARTICLE),
        language: language.map(str::to_owned),
    };
    articles
        .par_iter()
        .map(|read| {
            let mut analysis = crate::analyze(&read.article, &options);
            analysis.file = read.file.clone();
            analysis
        })
        .collect()
}

/// Stories from many articles: the JSON contract of `briefsmith digest --json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Digest {
    /// The most reported first.
    pub stories: Vec<Story>,
    /// The digest's best key points across stories, best first: every
    /// story's first, in story order, then every story's second, and so on.
    pub key_points: Vec<RankedPoint>,
    /// Every article, in input order.
    pub sources: Vec<ArticleSource>,
}

/// Where an item is found: a file as it was given, and char offsets into
/// that file's cleaned text (its analysis's `text`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    pub file: String,
    pub start: usize,
    pub end: usize,
}

/// One story: articles about one event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// The headline of the article most like the story's others.
    pub title: String,
    /// The story's articles, in input order.
    pub files: Vec<String>,
    /// Best first; no fact twice.
    pub key_points: Vec<StoryPoint>,
    /// Direct quotes first, then in article and text order; the same words
    /// once.
    pub quotes: Vec<StoryQuote>,
    /// Named in the most articles first.
    pub entities: Vec<StoryEntity>,
    /// In article and text order; the same figure once.
    pub figures: Vec<StoryFigure>,
    /// Figures that count the same thing differently.
    pub disagreements: Vec<Disagreement>,
}

/// A key point of a story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryPoint {
    pub text: String,
    pub file: String,
    pub start: usize,
    pub end: usize,
    /// Higher is more important; in `[0, 1]`.
    pub score: f64,
    /// The same fact as other articles word it.
    pub also_in: Vec<Passage>,
}

/// A key point among the digest's best, with the story it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankedPoint {
    /// Index into [`Digest::stories`].
    pub story: usize,
    #[serde(flatten)]
    pub point: StoryPoint,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryQuote {
    pub text: String,
    pub speaker: Option<String>,
    pub kind: QuoteKind,
    pub file: String,
    pub start: usize,
    pub end: usize,
    /// The same words quoted in other articles.
    pub also_in: Vec<Passage>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryEntity {
    /// The fullest form of the name among the articles.
    pub text: String,
    pub kind: EntityKind,
    /// The articles that name it, in input order.
    pub files: Vec<String>,
    /// Every mention, by article then text order.
    pub mentions: Vec<Passage>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryFigure {
    pub text: String,
    /// The words around it, within its sentence.
    pub context: String,
    pub kind: FigureKind,
    pub file: String,
    pub start: usize,
    pub end: usize,
    /// The same figure, for the same thing, in other articles.
    pub also_in: Vec<Passage>,
}

/// Figures from different articles that count the same thing differently:
/// "52 người" in one, "56 người" in another. An analyst must see both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disagreement {
    /// What is counted, as the articles say it ("người thiệt mạng").
    pub about: String,
    /// One figure per differing value, in article order.
    pub figures: Vec<StoryFigure>,
}

/// What an article says about itself, for the digest's source list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleSource {
    pub file: String,
    pub title: Option<String>,
    /// The outlet or site.
    pub outlet: Option<String>,
    pub author: Option<String>,
    /// `YYYY-MM-DD` when known.
    pub published: Option<String>,
    pub url: Option<String>,
    pub language: String,
}

impl ArticleSource {
    fn of(analysis: &Analysis) -> ArticleSource {
        let info = &analysis.document;
        ArticleSource {
            file: analysis.file.clone(),
            title: analysis.title.clone().or_else(|| info.title.clone()),
            outlet: info.site_name.clone(),
            author: info.author.clone().or_else(|| analysis.metadata.byline.clone()),
            published: info.published.clone(),
            url: info.url.clone(),
            language: analysis.language.clone(),
        }
    }
}

/// Groups `analyses` into stories and merges each story's findings. Give
/// each analysis its `file` (the input as named) and, for the best key
/// points, [`CANDIDATES_PER_ARTICLE`] key points.
pub fn digest(analyses: &[Analysis], options: &DigestOptions) -> Digest {
    let mut stories: Vec<(Vec<usize>, Story)> = group::stories(analyses)
        .into_iter()
        .map(|members| {
            let articles: Vec<&Analysis> = members.iter().map(|&i| &analyses[i]).collect();
            let story = story(&articles, options);
            (members, story)
        })
        .collect();
    // The most reported story first; among equals, the one read first.
    stories.sort_by(|(a, _), (b, _)| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    let stories: Vec<Story> = stories.into_iter().map(|(_, s)| s).collect();
    Digest { key_points: best_across(&stories), sources: analyses.iter().map(ArticleSource::of).collect(), stories }
}

fn story(articles: &[&Analysis], options: &DigestOptions) -> Story {
    let (quotes, figures) = (quotes::merge(articles), figures::merge(articles));
    let terms: Vec<_> = articles.iter().map(|a| points::terms(a)).collect();
    Story {
        title: title(articles, points::most_central(&terms)),
        files: articles.iter().map(|a| a.file.clone()).collect(),
        key_points: points::select(articles, &terms, options.key_points),
        quotes,
        entities: names::merge(articles),
        disagreements: figures::disagreements(articles),
        figures,
    }
}

/// The headline of the story's most central article: the one whose key
/// points the others most repeat, which words the story as most tell it.
fn title(articles: &[&Analysis], central: usize) -> String {
    let article = articles[central];
    article
        .title
        .clone()
        .or_else(|| article.document.title.clone())
        .or_else(|| article.key_points.first().map(|k| k.text.clone()))
        .unwrap_or_else(|| article.file.clone())
}

fn best_across(stories: &[Story]) -> Vec<RankedPoint> {
    let deepest = stories.iter().map(|s| s.key_points.len()).max().unwrap_or(0);
    (0..deepest)
        .flat_map(|rank| {
            stories.iter().enumerate().filter_map(move |(story, s)| {
                s.key_points.get(rank).map(|point| RankedPoint { story, point: point.clone() })
            })
        })
        .collect()
}
