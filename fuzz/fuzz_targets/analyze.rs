//! Text → article → analysis → brief: what `briefsmith analyze --brief-json`
//! does with a file, the format detected from the bytes.
#![no_main]

use briefsmith::brief::{Brief, BriefOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(init: briefsmith_fuzz::init(), |data: &[u8]| {
    briefsmith_fuzz::run(|| {
        let Ok(analysis) = briefsmith::analyze_bytes(data, &briefsmith::Options::default()) else {
            return;
        };
        // A fixed day: the brief is the same for the same input.
        let options = BriefOptions { generated: Some("2026-01-15".to_owned()), ..BriefOptions::default() };
        Brief::from_analysis(&analysis, options);
    });
});
