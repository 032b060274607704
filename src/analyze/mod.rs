//! Analyze: an [`Article`] in, an [`Analysis`] out.
//!
//! language → entities → figures → quotes (speakers come from the entities) →
//! key points (salience comes from all three). Every item's `start`/`end` are
//! char offsets into [`Analysis::text`].

pub mod entities;
pub mod figures;
pub mod keypoints;
pub mod language;
pub mod lexicon;
pub mod quotes;
pub mod terms;
pub mod words;

use serde::{Deserialize, Serialize};

use crate::ingest::{Article, DocumentInfo, Format, Metadata, RemovedLine};
use crate::text::Span;

/// How to analyze.
#[derive(Debug, Clone)]
pub struct AnalyzeOptions {
    /// How many key points to return.
    pub key_points: usize,
    /// The article's language (ISO 639 code), instead of detecting it.
    pub language: Option<String>,
}

impl Default for AnalyzeOptions {
    fn default() -> Self {
        AnalyzeOptions { key_points: 5, language: None }
    }
}

/// The languages the analyzers have word lists for; others get neutral rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Vi,
    En,
    Fr,
    De,
    Es,
    Other,
}

impl Lang {
    pub fn from_code(code: &str) -> Lang {
        match code {
            "vi" | "vie" => Lang::Vi,
            "en" | "eng" => Lang::En,
            "fr" | "fra" => Lang::Fr,
            "de" | "deu" => Lang::De,
            "es" | "spa" => Lang::Es,
            _ => Lang::Other,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::Es => "es",
            Lang::Other => "",
        }
    }
}

/// A span of the article text, as the JSON contract gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// A sentence picked as a key point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyPoint {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Higher is more important; in `[0, 1]`.
    pub score: f64,
    /// Why it was picked: `lead`, `central`, `title`, `entities`, `figures`, `quote`.
    pub reasons: Vec<String>,
}

/// How a quote is used in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Someone's words, in quotation marks.
    Direct,
    /// A phrase in quotation marks inside the writer's own sentence: a borrowed
    /// expression, or the name of a document or slogan (then with no speaker).
    Partial,
    /// Someone's statement in the writer's words, next to a speech verb ("she
    /// said that …"); it may hold a partial quote. No quotation marks around it.
    Reported,
}

/// Words in quotation marks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub text: String,
    /// Who said it, by the fullest form of their name in the article.
    pub speaker: Option<String>,
    pub kind: QuoteKind,
    pub start: usize,
    pub end: usize,
    /// The words in the text that name the speaker ("ông", "Woods", "she").
    pub speaker_mention: Option<Mention>,
    /// The speech verb that attributes the quote ("cho biết", "said").
    pub cue: Option<String>,
}

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Location,
    Other,
}

/// A named person, organization, place or other thing, with every mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// The fullest form of the name in the article.
    pub text: String,
    pub kind: EntityKind,
    /// Where it is named in the text. Empty for a name that is only in the
    /// article's metadata (a photo credit), see `source`.
    pub mentions: Vec<Mention>,
    /// `text` when found in the article; `photo_credit` or `source_credit` when
    /// it comes from a removed line.
    pub source: String,
}

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// A number of things: "31 thành viên", "hàng chục chính phủ".
    Count,
    Percent,
    Money,
    /// "gấp 3 lần", "threefold".
    Multiplier,
    /// A date or a span of time: "tháng 6 năm ngoái", "Hai ngày", "last June".
    Date,
    /// Any other number.
    Number,
}

/// A number or date, with what it counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    /// The figure with its unit or counted noun: "hơn 60 chính phủ".
    pub text: String,
    /// The words around it, within its sentence.
    pub context: String,
    pub start: usize,
    pub end: usize,
    pub kind: FigureKind,
}

/// Everything Briefsmith extracted from one article: the JSON contract of
/// `briefsmith analyze --json`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Analysis {
    /// The input's path, or `-` for standard input.
    pub file: String,
    /// ISO 639-1 code (`vi`, `en`), or 639-3 where there is none; `und` when
    /// the language could not be told.
    pub language: String,
    pub title: Option<String>,
    /// The cleaned article: every offset counts chars into this.
    pub text: String,
    /// Best first.
    pub key_points: Vec<KeyPoint>,
    /// In text order.
    pub quotes: Vec<Quote>,
    /// Most mentioned first.
    pub entities: Vec<Entity>,
    /// In text order.
    pub figures: Vec<Figure>,
    pub removed: Vec<RemovedLine>,
    pub format: Format,
    pub encoding: String,
    pub metadata: Metadata,
    /// What the document said about itself (a web page's author, site, address).
    #[serde(default)]
    pub document: DocumentInfo,
    pub warnings: Vec<String>,
}

/// Analyzes an article.
pub fn analyze(article: &Article, options: &AnalyzeOptions) -> Analysis {
    let language =
        options.language.clone().or_else(|| language::detect(&article.text)).unwrap_or_else(|| "und".to_owned());
    let lang = Lang::from_code(&language);

    let found_entities = entities::find(article, lang);
    let found_figures = figures::find(article, lang);
    let found_quotes = quotes::find(article, lang, &found_entities);
    let ranked = keypoints::rank(
        article,
        lang,
        &keypoints::Salience { entities: &found_entities, figures: &found_figures, quotes: &found_quotes },
        options.key_points,
    );

    let mention = |span: Span| Mention {
        text: article.slice(span).to_owned(),
        start: article.char_offset(span.start),
        end: article.char_offset(span.end),
    };

    let key_points = ranked
        .into_iter()
        .map(|k| KeyPoint {
            text: article.slice(k.span).to_owned(),
            start: article.char_offset(k.span.start),
            end: article.char_offset(k.span.end),
            score: (k.score * 1000.0).round() / 1000.0,
            reasons: k.reasons.into_iter().map(str::to_owned).collect(),
        })
        .collect();
    let quotes = found_quotes
        .iter()
        .map(|q| Quote {
            text: article.slice(q.span).to_owned(),
            speaker: q.speaker.clone(),
            kind: q.kind,
            start: article.char_offset(q.span.start),
            end: article.char_offset(q.span.end),
            speaker_mention: q.speaker_span.map(mention),
            cue: q.cue.clone(),
        })
        .collect();
    let mut entities: Vec<Entity> = found_entities
        .entities
        .iter()
        .map(|e| Entity {
            text: e.name.clone(),
            kind: e.kind,
            mentions: e.mentions.iter().map(|&s| mention(s)).collect(),
            source: "text".to_owned(),
        })
        .collect();
    add_credited_entities(&mut entities, &article.metadata);
    let figures = found_figures
        .iter()
        .map(|f| Figure {
            text: article.slice(f.span).to_owned(),
            context: article.slice(f.context).to_owned(),
            start: article.char_offset(f.span.start),
            end: article.char_offset(f.span.end),
            kind: f.kind,
        })
        .collect();

    Analysis {
        file: String::new(),
        language,
        title: article.title.clone(),
        text: article.text.clone(),
        key_points,
        quotes,
        entities,
        figures,
        removed: article.removed.clone(),
        format: article.format,
        encoding: article.encoding.to_owned(),
        metadata: article.metadata.clone(),
        document: article.info.clone(),
        warnings: article.warnings.clone(),
    }
}

/// Agencies credited for photos or as the source ("Ảnh: Reuters") are part of
/// who contributed to the article, though their names sit in removed lines.
fn add_credited_entities(entities: &mut Vec<Entity>, metadata: &Metadata) {
    let credited = metadata
        .photo_credits
        .iter()
        .map(|c| (c, "photo_credit"))
        .chain(metadata.source_credits.iter().map(|c| (c, "source_credit")));
    for (name, source) in credited {
        for part in name.split(['/', ',', ';']).map(str::trim).filter(|p| !p.is_empty()) {
            if entities.iter().any(|e| e.text == part) {
                continue;
            }
            let kind = if lexicon::LOCATIONS.contains(part) { EntityKind::Location } else { EntityKind::Organization };
            entities.push(Entity { text: part.to_owned(), kind, mentions: Vec::new(), source: source.to_owned() });
        }
    }
}
