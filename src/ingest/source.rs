//! Where the bytes come from: a file path, or `-` for standard input.

use std::io::Read;
use std::path::Path;

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
