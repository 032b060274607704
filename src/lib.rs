//! Briefsmith turns a news article into an analyst's brief.
//!
//! The pipeline runs one way, and each stage is a module:
//!
//! 1. [`ingest`] reads bytes into an [`ingest::Article`]: it decodes, normalizes,
//!    tells plain text from Markdown, removes noise lines (keeping them, with
//!    reasons) and segments the cleaned text into paragraphs and sentences.
//! 2. [`analyze`] reads the article and produces an [`analyze::Analysis`]: the
//!    language, key points, quotes with speakers, entities and figures.
//!
//! Every extracted item carries `start`/`end` offsets, counted in Unicode scalar
//! values (chars) into the cleaned text, so that `text[start..end]` is the item's
//! text. That is what lets an analyst check each item against the source.
//!
//! ```
//! let analysis = briefsmith::analyze_bytes(
//!     "Ministers met in Geneva on Monday. \"We have a deal,\" said Anna Berg.".as_bytes(),
//!     &briefsmith::Options::default(),
//! ).unwrap();
//! assert_eq!(analysis.quotes[0].speaker.as_deref(), Some("Anna Berg"));
//! ```

pub mod analyze;
pub mod atomic;
pub mod brief;
pub mod date;
pub mod digest;
pub mod export;
pub mod ingest;
pub mod render;
pub mod samples;
pub mod template;
pub mod text;

pub use analyze::{analyze, Analysis, AnalyzeOptions};
pub use ingest::{ingest, Article, IngestError, IngestOptions};

/// Options for the whole pipeline, from bytes to analysis.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub ingest: IngestOptions,
    pub analyze: AnalyzeOptions,
}

/// Ingests `bytes` and analyzes the article: the pipeline in one call.
pub fn analyze_bytes(bytes: &[u8], options: &Options) -> Result<Analysis, IngestError> {
    let article = ingest(bytes, &options.ingest)?;
    Ok(analyze(&article, &options.analyze))
}
