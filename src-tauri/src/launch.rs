//! Files given on the command line: `briefsmith-desktop article.pdf` opens
//! the article, `briefsmith-desktop a.txt b.html` (what a file manager
//! passes for several files) the digest of both, on the first launch or,
//! when the app is already running, in the running window (the
//! single-instance plugin hands the second launch's arguments over and
//! ends it).
//!
//! Each launch's files wait in a queue until the window asks for them
//! (`files_to_open`), so files given before the window is ready are never lost.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tauri::{AppHandle, Emitter, Manager, Runtime};

/// The event telling the window that files wait to be opened.
pub const OPEN_FILES_EVENT: &str = "open-files";

/// The files a launch asks to open: the arguments after the program's name
/// that are not options (`--automation`, which WebKit's driver adds, `-x`),
/// and all after `--`; relative paths are taken from `cwd`, the launch's
/// working folder, and `file://` URLs (what file managers may pass) become
/// paths.
pub fn files_to_open<S: AsRef<OsStr>>(args: &[S], cwd: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut options_done = false;
    for arg in args.iter().skip(1).map(AsRef::as_ref) {
        let text = arg.to_string_lossy();
        if !options_done && text == "--" {
            options_done = true;
            continue;
        }
        if !options_done && text.starts_with('-') {
            continue;
        }
        if text.is_empty() {
            continue;
        }
        if let Some(path) = file_url_path(&text) {
            files.push(path);
            continue;
        }
        let path = Path::new(arg);
        files.push(if path.is_absolute() { path.to_path_buf() } else { cwd.join(path) });
    }
    files
}

fn file_url_path(text: &str) -> Option<PathBuf> {
    if !text.get(..7).is_some_and(|scheme| scheme.eq_ignore_ascii_case("file://")) {
        return None;
    }
    tauri::Url::parse(text).ok()?.to_file_path().ok()
}

/// Files waiting for the window to open them: each launch's, oldest
/// launch first.
#[derive(Debug, Default)]
pub struct ToOpen(Mutex<Vec<Vec<String>>>);

impl ToOpen {
    /// Queues one launch's files; a launch without files queues nothing.
    pub fn push(&self, paths: &[PathBuf]) {
        if paths.is_empty() {
            return;
        }
        let paths = paths.iter().map(|p| p.display().to_string()).collect();
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).push(paths);
    }

    pub fn take(&self) -> Vec<Vec<String>> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()))
    }
}

/// What the running app does when the app is launched again: bring its
/// window to the front and open the files the launch was given, if any.
pub fn launched_again<R: Runtime>(app: &AppHandle<R>, args: &[String], cwd: &Path) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
    let paths = files_to_open(args, cwd);
    if !paths.is_empty() {
        if let Some(state) = app.try_state::<crate::AppState>() {
            state.to_open.push(&paths);
            if let Err(error) = app.emit_to("main", OPEN_FILES_EVENT, ()) {
                eprintln!("briefsmith-desktop: could not tell the window to open {}: {error}", paths[0].display());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsString;

    fn file(args: &[&str]) -> Option<PathBuf> {
        files_to_open(args, Path::new("/home/lan/articles")).into_iter().next()
    }

    #[test]
    fn the_arguments_that_are_not_options_are_the_files() {
        assert_eq!(file(&["briefsmith-desktop"]), None);
        assert_eq!(file(&[]), None);
        assert_eq!(file(&["briefsmith-desktop", "/tmp/a.txt"]), Some("/tmp/a.txt".into()));
        assert_eq!(file(&["briefsmith-desktop", "--automation", "/tmp/a.pdf"]), Some("/tmp/a.pdf".into()));
        assert_eq!(
            files_to_open(&["briefsmith-desktop", "/tmp/a.pdf", "--x", "b.pdf"], Path::new("/tmp")),
            [PathBuf::from("/tmp/a.pdf"), PathBuf::from("/tmp/b.pdf")],
            "several files, as a file manager passes them"
        );
        assert_eq!(file(&["briefsmith-desktop", "--automation"]), None);
        assert_eq!(file(&["briefsmith-desktop", ""]), None);
    }

    #[test]
    fn relative_paths_are_from_the_launch_folder() {
        assert_eq!(file(&["b", "tin bài.txt"]), Some("/home/lan/articles/tin bài.txt".into()));
        assert_eq!(file(&["b", "../briefs/x.json"]), Some("/home/lan/articles/../briefs/x.json".into()));
    }

    #[test]
    fn after_a_double_dash_a_dash_is_a_file_name() {
        assert_eq!(file(&["b", "--", "-odd.txt"]), Some("/home/lan/articles/-odd.txt".into()));
        assert_eq!(file(&["b", "--", "--"]), Some("/home/lan/articles/--".into()));
    }

    #[test]
    fn file_urls_become_paths() {
        assert_eq!(file(&["b", "file:///tmp/tin%20b%C3%A0i.txt"]), Some("/tmp/tin bài.txt".into()));
        assert_eq!(file(&["b", "FILE:///tmp/x.pdf"]), Some("/tmp/x.pdf".into()));
    }

    #[cfg(unix)]
    #[test]
    fn a_path_that_is_not_utf8_is_kept_as_it_is() {
        use std::os::unix::ffi::OsStringExt;
        let odd = OsString::from_vec(b"/tmp/caf\xe9.txt".to_vec());
        let args = [OsString::from("b"), odd.clone()];
        assert_eq!(files_to_open(&args, Path::new("/")), [PathBuf::from(odd)]);
    }

    #[test]
    fn each_launchs_files_wait_in_order_and_are_taken_once() {
        let queue = ToOpen::default();
        queue.push(&["/a.txt".into(), "/c.md".into()]);
        queue.push(&[]);
        queue.push(&["/b.json".into()]);
        assert_eq!(queue.take(), [vec!["/a.txt", "/c.md"], vec!["/b.json"]]);
        assert!(queue.take().is_empty());
    }
}
