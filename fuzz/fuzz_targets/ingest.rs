//! Bytes → article, in every input format: `briefsmith extract` and the first
//! step of `analyze` and `brief`.
//!
//! The first byte picks the format as `--format` would (0: detect it from the
//! bytes, as the CLI does by default; 1 plain, 2 Markdown, 3 HTML, 4 PDF,
//! 5 Word), modulo 6; the rest is the file. `scripts/fuzz.sh` prefixes each
//! seed with the byte of its format.
#![no_main]

use briefsmith::ingest::{ingest, Format, IngestOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(init: briefsmith_fuzz::init(), |data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let format = match selector % 6 {
        0 => None,
        1 => Some(Format::Plain),
        2 => Some(Format::Markdown),
        3 => Some(Format::Html),
        4 => Some(Format::Pdf),
        _ => Some(Format::Docx),
    };
    let options = IngestOptions { format, ..IngestOptions::default() };
    // Ok or a typed IngestError are both fine; only a panic is a finding.
    let _ = briefsmith_fuzz::run(|| ingest(bytes, &options));
});
