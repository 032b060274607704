//! Markdown → PDF, as `briefsmith brief --pdf` lays out what a template
//! rendered: the built-in "bluf" template's page settings and the sample
//! brief's title and marking around fuzzed Markdown; every other input as
//! PDF/A-2b, so the archival pass is fuzzed too.
#![no_main]

use std::sync::LazyLock;

use briefsmith::brief::Brief;
use briefsmith::export;
use briefsmith::template::{Library, Resolved};
use libfuzzer_sys::fuzz_target;

static SAMPLE: LazyLock<Brief> = LazyLock::new(briefsmith::samples::filled_brief);
static LIBRARY: LazyLock<Library> = LazyLock::new(|| Library::new(None));
static BLUF: LazyLock<Resolved> = LazyLock::new(|| LIBRARY.resolve("bluf").expect("the built-in bluf template"));

fuzz_target!(init: briefsmith_fuzz::init(), |data: &[u8]| {
    let Ok(markdown) = std::str::from_utf8(data) else {
        return;
    };
    briefsmith_fuzz::run(|| {
        let pdf_a = markdown.len() % 2 == 1;
        let _ = export::pdf(&LIBRARY, &BLUF, &SAMPLE, "en", markdown, None, pdf_a);
    });
});
