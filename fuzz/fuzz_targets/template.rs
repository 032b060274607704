//! A template's source, as a user writes it, rendered against the built-in
//! sample brief: `briefsmith brief --template FILE` (lenient) and
//! `briefsmith templates check FILE` (strict). Either must end in Ok or a
//! typed TemplateError, never a panic, and within the fuel limit (no hang).
#![no_main]

use std::sync::LazyLock;

use briefsmith::brief::Brief;
use briefsmith::template::{Library, Manifest, Origin, Resolved};
use libfuzzer_sys::fuzz_target;

/// Made once: it analyzes the sample article.
static SAMPLE: LazyLock<Brief> = LazyLock::new(briefsmith::samples::filled_brief);

fuzz_target!(init: briefsmith_fuzz::init(), |data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    // The built-in templates and locales only: no user folder, as when a
    // template file lies outside any template folder.
    let library = Library::new(None);
    let template = Resolved {
        name: "fuzzed.md.j2".to_owned(),
        source: source.to_owned(),
        manifest: Manifest::default(),
        origin: Origin::File,
        folder: None,
    };
    briefsmith_fuzz::run(|| {
        let _ = library.render(&template, &SAMPLE, "en");
        let _ = library.check(&template, &SAMPLE, "vi");
    });
});
