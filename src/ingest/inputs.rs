//! Many inputs: a folder stands for the articles in it, a feed for its
//! items. What the command line and the app open for a digest.
//!
//! [`expand`] turns folders into their article files (cheap: it reads no
//! file); [`read`] reads one input into one article, or into one article per
//! item when it is a feed. Each article is named by its `file`: the input as
//! given, or for a feed item its link (else the feed and the item's id).

use std::path::Path;

use thiserror::Error;

use super::feed::{self, FeedError};
use super::source::{self, SourceError};
use super::{ingest, Article, IngestError, IngestOptions};

/// Articles one digest reads at most: more is no longer a morning's reading,
/// and the inputs' texts stay within a few hundred megabytes.
pub const MAX_ARTICLES: usize = 1_000;

/// The file names a folder's articles have; other files in it are skipped.
pub const ARTICLE_EXTENSIONS: &[&str] =
    &["txt", "text", "md", "markdown", "html", "htm", "xhtml", "pdf", "docx", "xml", "rss", "atom"];

#[derive(Debug, Error)]
pub enum InputError {
    #[error("{0}")]
    Source(#[from] SourceError),
    #[error("{0}")]
    Ingest(#[from] IngestError),
    #[error("{0}")]
    Feed(#[from] FeedError),
    #[error("the folder has no article files ({}); put the articles in it, or name them", ARTICLE_EXTENSIONS.join(", "))]
    EmptyFolder,
    #[error("could not list the folder: {0}")]
    Folder(std::io::Error),
    #[error("{0} articles is more than a digest reads ({MAX_ARTICLES}); give fewer, or split them by day or topic")]
    TooMany(usize),
    #[error("{input}: {error}")]
    At { input: String, error: Box<InputError> },
}

/// The inputs, each once, with every folder replaced by its article files
/// (not its subfolders'), sorted by name; hidden files are skipped. Files,
/// `-` and addresses stay as given. An input given twice (or a file also
/// in a folder given) is read once: every item of a digest names the file
/// it came from, so two inputs of one name would be one article counted
/// twice. The second element lists what was dropped, for a warning.
pub fn expand(inputs: &[String]) -> Result<(Vec<String>, Vec<String>), (String, InputError)> {
    let mut files: Vec<String> = Vec::new();
    let mut repeated = Vec::new();
    let mut add = |file: String| {
        if files.contains(&file) {
            repeated.push(file);
        } else {
            files.push(file);
        }
    };
    for input in inputs {
        if source::is_url(input) || input == "-" || !Path::new(input).is_dir() {
            add(input.clone());
            continue;
        }
        for file in folder_articles(Path::new(input)).map_err(|e| (input.clone(), e))? {
            add(file);
        }
    }
    Ok((files, repeated))
}

/// Makes every article's name unique across `articles` (feeds may give two
/// items one link): a repeated name gets `#2`, `#3`, … so each item of a
/// digest points into one article only.
pub fn unique_names(articles: &mut [ReadArticle]) {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for read in articles.iter_mut() {
        let count = seen.entry(read.file.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            read.file = format!("{}#{count}", read.file);
        }
    }
}

fn folder_articles(folder: &Path) -> Result<Vec<String>, InputError> {
    let mut files: Vec<String> = std::fs::read_dir(folder)
        .map_err(InputError::Folder)?
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .map(|entry| entry.path())
        .filter(|path| {
            let hidden = path.file_name().and_then(|n| n.to_str()).is_none_or(|n| n.starts_with('.'));
            let known = path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
            !hidden && known
        })
        .map(|path| path.to_string_lossy().into_owned())
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(InputError::EmptyFolder);
    }
    Ok(files)
}

/// An article read from an input, named as the digest names it.
#[derive(Debug, Clone)]
pub struct ReadArticle {
    pub file: String,
    pub article: Article,
}

/// What one input gave: its articles (one, or a feed's items) and what was
/// left out, as warnings.
#[derive(Debug, Clone, Default)]
pub struct ReadInput {
    pub articles: Vec<ReadArticle>,
    pub warnings: Vec<String>,
}

/// What many inputs gave: their articles, in input order and uniquely
/// named; the inputs that could not be read, each with why; and warnings
/// (an input given twice, a feed item left out or read from its summary).
#[derive(Debug, Default)]
pub struct ReadInputs {
    pub articles: Vec<ReadArticle>,
    pub failed: Vec<(String, InputError)>,
    pub warnings: Vec<String>,
}

/// Reads many inputs ([`expand`], then [`read`] each) on every core. One
/// unreadable input (a file, an address, an empty folder) does not stop the
/// others: it is listed in `failed`, for the caller to refuse the lot or go
/// on without it. More than [`MAX_ARTICLES`] articles, before or after feeds
/// are read, is an error.
pub fn read_all(inputs: &[String], options: &IngestOptions) -> Result<ReadInputs, InputError> {
    use rayon::prelude::*;
    let mut all = ReadInputs::default();
    // A folder that cannot be listed, or holds no article, is one failed
    // input like an unreadable file.
    let mut listable = Vec::with_capacity(inputs.len());
    for input in inputs {
        match expand(std::slice::from_ref(input)) {
            Ok(_) => listable.push(input.clone()),
            Err((input, error)) => all.failed.push((input, error)),
        }
    }
    let (files, repeated) =
        expand(&listable).map_err(|(input, error)| InputError::At { input, error: Box::new(error) })?;
    // Refused before anything is read; a feed may still add items, checked below.
    if files.len() > MAX_ARTICLES {
        return Err(InputError::TooMany(files.len()));
    }
    all.warnings = repeated.into_iter().map(|file| format!("{file}: given more than once; read once")).collect();
    let results: Vec<_> = files.par_iter().map(|file| read(file, options)).collect();
    for (file, result) in files.into_iter().zip(results) {
        match result {
            Ok(read) => {
                all.warnings.extend(read.warnings);
                all.articles.extend(read.articles);
            }
            Err(error) => all.failed.push((file, error)),
        }
    }
    if all.articles.len() > MAX_ARTICLES {
        return Err(InputError::TooMany(all.articles.len()));
    }
    unique_names(&mut all.articles);
    Ok(all)
}

/// Reads one input: a file, `-` or an address, through `options` (whose
/// file name and address are set here), or a feed's items. A feed item whose
/// body is the article is read from the body; else its link is fetched, and
/// when that fails its body (a teaser) is read, with a warning.
pub fn read(input: &str, options: &IngestOptions) -> Result<ReadInput, InputError> {
    let loaded = source::load(input)?;
    if feed::is_feed(&loaded.bytes) {
        return read_feed(input, &loaded.bytes);
    }
    let options = IngestOptions {
        file_name: (input != "-").then(|| input.to_owned()),
        url: loaded.url,
        charset: loaded.charset,
        ..options.clone()
    };
    let article = ingest(&loaded.bytes, &options)?;
    Ok(ReadInput { articles: vec![ReadArticle { file: input.to_owned(), article }], warnings: Vec::new() })
}

fn read_feed(input: &str, bytes: &[u8]) -> Result<ReadInput, InputError> {
    let feed = feed::read(bytes)?;
    let mut read = ReadInput { articles: Vec::new(), warnings: feed.warnings.clone() };
    for item in &feed.items {
        let file = item.link.clone().unwrap_or_else(|| format!("{input}#{}", item.id));
        match feed_article(item) {
            Ok((article, warning)) => {
                read.warnings.extend(warning.map(|w| format!("{file}: {w}")));
                read.articles.push(ReadArticle { file, article });
            }
            Err(error) => read.warnings.push(format!("{file}: left out: {error}")),
        }
    }
    if read.articles.is_empty() {
        return Err(FeedError::NoItems.into());
    }
    Ok(read)
}

/// A feed item's article, and a warning when only its teaser could be read.
fn feed_article(item: &feed::FeedItem) -> Result<(Article, Option<String>), InputError> {
    let from_body = || {
        let (page, _) = item.to_input();
        ingest(&page, &item.ingest_options())
    };
    if item.carries_text() {
        return Ok((from_body()?, None));
    }
    let fetched = item.link.as_deref().filter(|l| source::is_url(l)).map(|link| {
        let loaded = source::load(link)?;
        let options = IngestOptions {
            file_name: Some(link.to_owned()),
            url: loaded.url,
            charset: loaded.charset,
            info: Some(item.info()),
            ..IngestOptions::default()
        };
        Ok::<_, InputError>(ingest(&loaded.bytes, &options)?)
    });
    match fetched {
        Some(Ok(article)) => Ok((article, None)),
        Some(Err(error)) if item.content.is_some() => Ok((
            from_body()?,
            Some(format!("only the feed's summary was read; the article could not be fetched: {error}")),
        )),
        Some(Err(error)) => Err(error),
        None => Ok((from_body()?, Some("only the feed's summary was read: the item links to no article".to_owned()))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_stands_for_its_article_files_in_name_order() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.txt", "a.md", ".hidden.txt", "notes.json", "c.HTML"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        std::fs::create_dir(dir.path().join("sub.txt")).unwrap();
        let folder = dir.path().to_string_lossy().into_owned();
        let again = format!("{folder}/b.txt");
        let inputs =
            [folder.clone(), "-".to_owned(), "https://example.org/a".to_owned(), again.clone(), "-".to_owned()];
        let (named, repeated) = expand(&inputs).unwrap();
        let files: Vec<&str> = named.iter().map(|f| f.strip_prefix(&format!("{folder}/")).unwrap_or(f)).collect();
        assert_eq!(files, ["a.md", "b.txt", "c.HTML", "-", "https://example.org/a"]);
        assert_eq!(repeated, [again, "-".to_owned()]);
    }

    #[test]
    fn articles_of_one_name_are_told_apart() {
        let article = ingest(b"Bridge opens\n\nThe bridge opened.", &IngestOptions::default()).unwrap();
        let read = |file: &str| ReadArticle { file: file.to_owned(), article: article.clone() };
        let mut articles = vec![read("https://x.example/a"), read("https://x.example/b"), read("https://x.example/a")];
        unique_names(&mut articles);
        let names: Vec<&str> = articles.iter().map(|a| a.file.as_str()).collect();
        assert_eq!(names, ["https://x.example/a", "https://x.example/b", "https://x.example/a#2"]);
    }

    #[test]
    fn a_folder_without_articles_says_so() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.json"), "{}").unwrap();
        let (input, error) = expand(&[dir.path().to_string_lossy().into_owned()]).unwrap_err();
        assert_eq!(input, dir.path().to_string_lossy());
        assert!(error.to_string().contains("no article files"), "{error}");
    }

    #[test]
    fn a_feed_file_gives_one_article_per_item_named_by_its_link() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/feeds/harbourline.atom.xml");
        let read = read(path, &IngestOptions::default()).unwrap();
        assert!(read.articles.len() >= 2, "{} articles", read.articles.len());
        for article in &read.articles {
            assert!(article.file.starts_with("http"), "{}", article.file);
            assert_eq!(article.article.info.site_name.as_deref(), Some("The Harbourline Courier"));
            assert!(!article.article.text.is_empty());
        }
    }

    #[test]
    fn a_plain_file_is_one_article_named_as_given() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "Bridge opens\n\nThe new bridge over the Tamsin opened on Friday.").unwrap();
        let file = path.to_string_lossy().into_owned();
        let read = read(&file, &IngestOptions::default()).unwrap();
        assert_eq!(read.articles.len(), 1);
        assert_eq!(read.articles[0].file, file);
        assert_eq!(read.articles[0].article.title.as_deref(), Some("Bridge opens"));
    }
}
