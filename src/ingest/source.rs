//! Where the bytes come from: a file path, `-` for standard input, or an
//! `http(s)://` address.

use std::io::Read;
use std::path::Path;
use std::time::Duration;

use thiserror::Error;

/// Inputs larger than this are refused before they are read: no article is
/// this long, and reading one would hold the whole file in memory.
pub const MAX_INPUT_BYTES: u64 = 100 * 1024 * 1024;

/// Why an input could not be read. Messages say what to do.
#[derive(Debug, Error)]
pub enum SourceError {
    #[error("no such file; check the path")]
    Missing,
    #[error("this is a directory; give the article's file, not its folder")]
    Directory,
    #[error(
        "the file is {size} bytes, over the {limit}-byte limit for an article; split it or give the article alone"
    )]
    TooLarge { size: u64, limit: u64 },
    #[error("permission denied; check that you can read the file")]
    PermissionDenied,
    #[error("could not read it: {0}")]
    Io(#[from] std::io::Error),
    #[error("only http:// and https:// addresses can be fetched; save the page and open the file instead")]
    Scheme,
    #[error("could not fetch it: {0}")]
    Fetch(String),
    #[error("the server answered {status}{hint}")]
    Status { status: u16, hint: &'static str },
    #[error("the page is over the {limit}-byte limit for a fetched page; save the article's page and open the file")]
    PageTooLarge { limit: u64 },
    #[error("no answer within {0} s; try again, or save the page from the browser and open the file")]
    Timeout(u64),
    #[error("more than {0} redirects; open the address the page finally lands on instead")]
    TooManyRedirects(u32),
}

/// What was read, and what the server said about it.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub bytes: Vec<u8>,
    /// The address the bytes came from after redirects, for a fetched page.
    pub url: Option<String>,
    /// The charset the server declared, if any.
    pub charset: Option<String>,
}

/// How much a fetch may take.
#[derive(Debug, Clone, Copy)]
pub struct FetchLimits {
    /// The whole fetch (connect, redirects, body) must finish in this time.
    pub timeout: Duration,
    /// A fetched page may be at most this large.
    pub max_bytes: u64,
    /// More redirects than this is a loop or a tracker chain, not an article.
    pub max_redirects: u32,
}

impl Default for FetchLimits {
    /// 30 s, 10 MB (news pages are well under 5 MB), 5 redirects.
    fn default() -> Self {
        FetchLimits { timeout: Duration::from_secs(30), max_bytes: 10 * 1024 * 1024, max_redirects: 5 }
    }
}

/// Whether `input` is a web address rather than a path.
pub fn is_url(input: &str) -> bool {
    let lower = input.get(..8).unwrap_or(input).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Reads an input: an `http(s)://` address is fetched, `-` is standard input,
/// anything else a file path.
pub fn load(input: &str) -> Result<Loaded, SourceError> {
    if is_url(input) {
        return fetch(input, &FetchLimits::default());
    }
    if input.contains("://") {
        return Err(SourceError::Scheme);
    }
    Ok(Loaded { bytes: read(input)?, ..Loaded::default() })
}

/// Fetches a web page (http or https only) within `limits`.
pub fn fetch(url: &str, limits: &FetchLimits) -> Result<Loaded, SourceError> {
    use ureq::ResponseExt;

    if !is_url(url) {
        return Err(SourceError::Scheme);
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(limits.timeout))
        .max_redirects(limits.max_redirects)
        .user_agent(concat!("briefsmith/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let fail = |e| fetch_error(e, limits);
    let mut response = agent.get(url).call().map_err(fail)?;
    let final_url = response.get_uri().to_string();
    let charset = response.body().charset().map(str::to_owned);
    let bytes = response.body_mut().with_config().limit(limits.max_bytes).read_to_vec().map_err(fail)?;
    Ok(Loaded { bytes, url: Some(final_url), charset })
}

fn fetch_error(error: ureq::Error, limits: &FetchLimits) -> SourceError {
    match error {
        ureq::Error::StatusCode(status) => SourceError::Status {
            status,
            hint: match status {
                401 | 403 => " (the page needs a login or refuses robots); save it from the browser and open the file",
                404 | 410 => " (no such page); check the address",
                429 => " (too many requests); try again later",
                500..=599 => " (a server error); try again later",
                _ => "",
            },
        },
        ureq::Error::BodyExceedsLimit(_) => SourceError::PageTooLarge { limit: limits.max_bytes },
        ureq::Error::HostNotFound => {
            SourceError::Fetch("the host was not found; check the address, or you may be offline".to_owned())
        }
        ureq::Error::ConnectionFailed => {
            SourceError::Fetch("could not connect; you may be offline, or the site is down".to_owned())
        }
        ureq::Error::Timeout(_) => SourceError::Timeout(limits.timeout.as_secs()),
        ureq::Error::TooManyRedirects => SourceError::TooManyRedirects(limits.max_redirects),
        ureq::Error::Io(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::ConnectionRefused
                    | std::io::ErrorKind::NetworkUnreachable
                    | std::io::ErrorKind::HostUnreachable
            ) =>
        {
            SourceError::Fetch("could not connect; you may be offline, or the site is down".to_owned())
        }
        ureq::Error::Io(e) => SourceError::Fetch(format!("{e}; you may be offline")),
        other => SourceError::Fetch(other.to_string()),
    }
}

/// Reads an input: `-` is standard input, anything else a file path.
pub fn read(input: &str) -> Result<Vec<u8>, SourceError> {
    if input == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().lock().take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes)?;
        if bytes.len() as u64 > MAX_INPUT_BYTES {
            return Err(SourceError::TooLarge { size: bytes.len() as u64, limit: MAX_INPUT_BYTES });
        }
        return Ok(bytes);
    }
    let path = Path::new(input);
    let metadata = std::fs::metadata(path).map_err(classify)?;
    if metadata.is_dir() {
        return Err(SourceError::Directory);
    }
    if metadata.len() > MAX_INPUT_BYTES {
        return Err(SourceError::TooLarge { size: metadata.len(), limit: MAX_INPUT_BYTES });
    }
    std::fs::read(path).map_err(classify)
}

fn classify(error: std::io::Error) -> SourceError {
    match error.kind() {
        std::io::ErrorKind::NotFound => SourceError::Missing,
        std::io::ErrorKind::PermissionDenied => SourceError::PermissionDenied,
        std::io::ErrorKind::IsADirectory => SourceError::Directory,
        _ => SourceError::Io(error),
    }
}
