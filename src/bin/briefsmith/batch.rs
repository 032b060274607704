//! One step (analyze, extract) over many inputs on every core, with the output
//! in input order, so `briefsmith analyze a b c` prints a, b, c whatever
//! finishes first.

use std::io::{self, IsTerminal, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

/// What one input gave: its output bytes and warnings for standard error.
pub struct Done {
    pub output: Vec<u8>,
    pub warnings: Vec<String>,
}

/// Inputs in flight per worker thread: enough to keep every core busy past
/// one slow file, few enough that buffered outputs stay small.
const WINDOW_PER_THREAD: usize = 8;

/// A run shorter than this shows no progress bar: it would only flicker.
const QUIET_FOR: Duration = Duration::from_secs(1);

/// Runs `work` on every input in parallel and writes each output to standard
/// output in input order; errors and warnings go to standard error, also in
/// order. One failed (or panicking) input does not stop the others; the exit
/// code says whether any failed.
pub fn run(inputs: &[String], work: impl Fn(&str) -> Result<Done, String> + Sync) -> ExitCode {
    let progress = Progress::new(inputs.len(), io::stderr().is_terminal() && !crate::quiet());
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut failed = false;
    let window = rayon::current_num_threads().max(1) * WINDOW_PER_THREAD;
    for chunk in inputs.chunks(window) {
        let results: Vec<Result<Done, String>> =
            chunk.par_iter().map(|input| guarded(input, &work, &progress)).collect();
        for result in results {
            match result {
                Ok(done) => {
                    if !crate::quiet() {
                        for warning in &done.warnings {
                            progress.say(&format!("briefsmith: warning: {warning}"));
                        }
                    }
                    if let Err(error) = out.write_all(&done.output) {
                        progress.finish();
                        if error.kind() == io::ErrorKind::BrokenPipe {
                            return ExitCode::SUCCESS;
                        }
                        eprintln!("briefsmith: could not write the output: {error}");
                        return ExitCode::FAILURE;
                    }
                }
                Err(message) => {
                    progress.say(&format!("briefsmith: {message}"));
                    failed = true;
                }
            }
        }
    }
    progress.finish();
    match out.flush() {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("briefsmith: could not write the output: {error}");
            ExitCode::FAILURE
        }
        _ if failed => ExitCode::FAILURE,
        _ => ExitCode::SUCCESS,
    }
}

/// Runs `work` on every input in parallel and gives the results in input
/// order, with the same progress bar as [`run`]; a panicking input is an
/// error like any other.
pub fn collect<T: Send>(inputs: &[String], work: impl Fn(&str) -> Result<T, String> + Sync) -> Vec<Result<T, String>> {
    let progress = Progress::new(inputs.len(), io::stderr().is_terminal() && !crate::quiet());
    let results = inputs.par_iter().map(|input| guarded(input, &work, &progress)).collect();
    progress.finish();
    results
}

/// `work` on one input, a panic turned into that input's error, counted on
/// the progress bar.
fn guarded<T>(input: &str, work: &impl Fn(&str) -> Result<T, String>, progress: &Progress) -> Result<T, String> {
    let result = catch_unwind(AssertUnwindSafe(|| work(input))).unwrap_or_else(|_| {
        Err(format!("{input}: internal error while processing this file; please report it with the file attached"))
    });
    progress.advance();
    result
}

/// A progress bar on standard error that appears only on a terminal, for
/// several inputs, once the run has lasted a second.
struct Progress {
    bar: ProgressBar,
    wanted: bool,
    shown: AtomicBool,
    started: Instant,
}

impl Progress {
    fn new(inputs: usize, on_terminal: bool) -> Self {
        let bar = ProgressBar::with_draw_target(Some(inputs as u64), ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} files, {elapsed} (about {eta} left)") {
            bar.set_style(style);
        }
        Progress {
            bar,
            wanted: shows_progress(on_terminal, inputs),
            shown: AtomicBool::new(false),
            started: Instant::now(),
        }
    }

    fn advance(&self) {
        self.bar.inc(1);
        if self.wanted && self.started.elapsed() >= QUIET_FOR && !self.shown.swap(true, Ordering::Relaxed) {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    /// Prints a line on standard error without tearing the bar.
    fn say(&self, line: &str) {
        self.bar.suspend(|| eprintln!("{line}"));
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// A bar only helps a person watching a terminal, and only over several inputs.
fn shows_progress(on_terminal: bool, inputs: usize) -> bool {
    on_terminal && inputs > 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bar_only_for_several_inputs_on_a_terminal() {
        assert!(shows_progress(true, 2));
        assert!(!shows_progress(true, 1));
        assert!(!shows_progress(false, 1000));
    }
}
