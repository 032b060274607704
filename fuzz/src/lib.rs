//! What the fuzz targets share: the rule for what a finding is.
//!
//! A panic that leaves the library's public API is a finding: the CLI would
//! print "internal error" and the app would lose the user's work. A panic the
//! library catches itself is not: it guards third-party readers (pdf-extract
//! runs in its own thread, lopdf's metadata reader under `catch_unwind`) and
//! turns their panics into a typed [`briefsmith::IngestError`].
//!
//! libfuzzer-sys installs a panic hook that aborts at once, which would count
//! those guarded panics too. [`init`] replaces it with one that only records
//! the panic (message, place, backtrace); [`run`] aborts, printing that
//! record, when a panic escapes the call it wraps, so libFuzzer saves the input
//! as a crash.

use std::backtrace::Backtrace;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Mutex, PoisonError};

/// The last panic seen in any thread, as the default hook would print it.
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// Installs the recording panic hook. Call it from the target's `init:`.
pub fn init() {
    // Dropped: libfuzzer-sys's hook, which aborts on any panic, caught or not.
    let _ = panic::take_hook();
    panic::set_hook(Box::new(|info| {
        let thread = std::thread::current();
        let payload = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(a panic without a message)".to_owned());
        let place = info.location().map(|l| l.to_string()).unwrap_or_else(|| "an unknown place".to_owned());
        let report = format!(
            "thread '{}' panicked at {place}:\n{payload}\nstack backtrace:\n{}",
            thread.name().unwrap_or("<unnamed>"),
            Backtrace::force_capture()
        );
        *LAST_PANIC.lock().unwrap_or_else(PoisonError::into_inner) = Some(report);
    }));
}

/// Runs `call` (one call into the library); a panic escaping it is a finding:
/// its record is printed and the process aborts.
pub fn run<T>(call: impl FnOnce() -> T) -> T {
    LAST_PANIC.lock().unwrap_or_else(PoisonError::into_inner).take();
    match panic::catch_unwind(AssertUnwindSafe(call)) {
        Ok(value) => value,
        Err(_) => {
            let report = LAST_PANIC.lock().unwrap_or_else(PoisonError::into_inner).take();
            eprintln!("{}", report.as_deref().unwrap_or("(the panic was not recorded)"));
            eprintln!("briefsmith-fuzz: a panic escaped the library's public API");
            std::process::abort();
        }
    }
}
