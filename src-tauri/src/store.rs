//! What the app keeps between runs, in its data folder: the settings and the
//! working draft (autosaved after every edit, restored after a crash or a
//! restart).
//!
//! Files are written atomically (a temporary file beside the target, flushed,
//! then renamed over it), so a crash or a kill mid-write leaves the previous
//! version, never a torn one. A file that cannot be read all the same (a disk
//! fault, an editor, another version) is never deleted and never blocks the
//! start: it is renamed aside (`draft.json.corrupt-<unix time>`) and reported
//! as a [`SetAside`] for the window to show.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use briefsmith::brief::{Brief, BRIEF_VERSION};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// How many briefs the "recent" list remembers.
const MAX_RECENT: usize = 10;

const SETTINGS_FILE: &str = "settings.json";
const DRAFT_FILE: &str = "draft.json";

/// The analyst's choices, remembered across runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub analyst: String,
    /// The template for a one-article brief, and for a digest of many.
    pub template: String,
    pub digest_template: String,
    /// The brief's locale; empty means "the article's language".
    pub locale: String,
    /// `A4` or `Letter`; empty means "as the template says".
    pub page_size: String,
    /// The app's own language (`en`, `vi`); empty means the system's.
    pub ui_language: String,
    /// The window's zoom, 1 for actual size.
    pub zoom: f64,
    pub recent: Vec<RecentBrief>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            analyst: String::new(),
            template: "bluf".to_owned(),
            digest_template: "digest".to_owned(),
            locale: String::new(),
            page_size: String::new(),
            ui_language: String::new(),
            zoom: 1.0,
            recent: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentBrief {
    pub path: String,
    pub title: String,
}

/// The zooms the View menu steps through.
const ZOOM_RANGE: std::ops::RangeInclusive<f64> = 0.5..=2.0;

impl Settings {
    /// The settings with a zoom the window can be used at: a hand-edited
    /// zoom of 40 would leave a window nobody can read to zoom back.
    fn usable(mut self) -> Self {
        if !ZOOM_RANGE.contains(&self.zoom) {
            self.zoom = 1.0;
        }
        self
    }

    /// Puts `path` first in the recent list.
    pub fn remember(&mut self, path: &Path, title: &str) {
        let path = path.display().to_string();
        self.recent.retain(|r| r.path != path);
        self.recent.insert(0, RecentBrief { path, title: title.to_owned() });
        self.recent.truncate(MAX_RECENT);
    }
}

/// The brief being worked on, with how it is being rendered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub brief: Brief,
    pub template: String,
    pub locale: String,
    /// The brief file it was last saved to or opened from, if any.
    #[serde(default)]
    pub path: Option<String>,
}

/// Why the app could not save or discard one of its files.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("could not create the app's data folder {}: {source}", dir.display())]
    CreateFolder { dir: PathBuf, source: std::io::Error },
    #[error("could not save {}: {source}", path.display())]
    Write { path: PathBuf, source: std::io::Error },
    #[error("could not remove the draft {}: {source}", path.display())]
    Remove { path: PathBuf, source: std::io::Error },
    #[error("could not write the {what} as JSON: {source}")]
    Serialize { what: &'static str, source: serde_json::Error },
}

/// Why a file the app keeps could not be used.
#[derive(Debug, thiserror::Error)]
pub enum Unusable {
    #[error("the file is empty")]
    Empty,
    #[error("the file is not text (not UTF-8 from byte {at})")]
    NotText { at: usize },
    #[error("the file is damaged or not the app's ({0})")]
    Json(#[from] serde_json::Error),
    #[error("the draft was written by another version of Briefsmith (brief version {found}; this one reads {BRIEF_VERSION})")]
    Version { found: u32 },
    #[error("the file could not be read: {0}")]
    Read(std::io::Error),
}

/// Which of the app's files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kept {
    Settings,
    Draft,
}

/// A file the app could not use at start-up, and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SetAside {
    pub file: Kept,
    /// Where the file was.
    pub path: String,
    /// Where it is now, or `None` when it could not be moved (it is then
    /// still at `path`, untouched).
    pub moved_to: Option<String>,
    /// Why it could not be used, and why it could not be moved if so.
    pub problem: String,
}

/// What the app starts with: the settings (defaults if there were none or
/// they could not be used), the draft if there is a usable one, and the files
/// that were set aside.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Loaded {
    pub settings: Settings,
    pub draft: Option<Draft>,
    pub set_aside: Vec<SetAside>,
}

/// The app's data folder and the files in it.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    /// Serializes writes: each file has one temporary file, reused.
    writing: Arc<Mutex<()>>,
}

impl Store {
    pub fn new(dir: PathBuf) -> Self {
        Store { dir, writing: Arc::new(Mutex::new(())) }
    }

    /// `$BRIEFSMITH_DATA_DIR`, else the platform's data folder for Briefsmith.
    pub fn default_dir() -> PathBuf {
        if let Some(dir) = std::env::var_os("BRIEFSMITH_DATA_DIR").filter(|d| !d.is_empty()) {
            return PathBuf::from(dir);
        }
        directories::ProjectDirs::from("dev", "Briefsmith", "briefsmith")
            .map(|d| d.data_dir().to_path_buf())
            .unwrap_or_else(|| std::env::temp_dir().join("briefsmith"))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn settings_path(&self) -> PathBuf {
        self.dir.join(SETTINGS_FILE)
    }

    pub fn draft_path(&self) -> PathBuf {
        self.dir.join(DRAFT_FILE)
    }

    /// Reads the settings and the draft for the start of the app, setting
    /// aside whichever cannot be used. Never fails: at worst the app starts
    /// with default settings and no draft, and says why.
    pub fn load(&self) -> Loaded {
        let mut set_aside = Vec::new();
        let settings = match self.read::<Settings>(Kept::Settings, |_| Ok(())) {
            Ok(settings) => settings.unwrap_or_default().usable(),
            Err(notice) => {
                set_aside.push(notice);
                Settings::default()
            }
        };
        let draft = self.read::<Draft>(Kept::Draft, check_draft).unwrap_or_else(|notice| {
            set_aside.push(notice);
            None
        });
        Loaded { settings, draft, set_aside }
    }

    /// The saved settings, for a command that changes them; defaults when
    /// there are none or they cannot be used (then they are set aside too).
    pub fn settings(&self) -> Settings {
        match self.read::<Settings>(Kept::Settings, |_| Ok(())) {
            Ok(settings) => settings.unwrap_or_default().usable(),
            Err(notice) => {
                eprintln!("briefsmith-desktop: {}: {}", notice.path, notice.problem);
                Settings::default()
            }
        }
    }

    pub fn save_settings(&self, settings: &Settings) -> Result<(), StoreError> {
        self.write(SETTINGS_FILE, "settings", settings)
    }

    pub fn save_draft(&self, draft: &Draft) -> Result<(), StoreError> {
        self.write(DRAFT_FILE, "draft", draft)
    }

    pub fn discard_draft(&self) -> Result<(), StoreError> {
        let path = self.draft_path();
        let _writing = self.writing.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        match std::fs::remove_file(&path) {
            Err(source) if source.kind() != ErrorKind::NotFound => Err(StoreError::Remove { path, source }),
            _ => Ok(()),
        }
    }

    /// The file `kind` if it is there and usable (`Ok(None)` when it is not
    /// there); else it is set aside and described.
    fn read<T: DeserializeOwned>(
        &self,
        kind: Kept,
        check: impl FnOnce(&T) -> Result<(), Unusable>,
    ) -> Result<Option<T>, SetAside> {
        let path = match kind {
            Kept::Settings => self.settings_path(),
            Kept::Draft => self.draft_path(),
        };
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
            // Not the file's fault (permissions, a disk error): leave it be.
            Err(e) => {
                return Err(SetAside {
                    file: kind,
                    path: path.display().to_string(),
                    moved_to: None,
                    problem: Unusable::Read(e).to_string(),
                })
            }
        };
        match parse(&bytes).and_then(|value: T| check(&value).map(|()| value)) {
            Ok(value) => Ok(Some(value)),
            Err(problem) => Err(self.set_aside(kind, &path, &problem)),
        }
    }

    /// Renames an unusable file to `<name>.corrupt-<unix time>` beside it,
    /// never over another file.
    fn set_aside(&self, kind: Kept, path: &Path, problem: &Unusable) -> SetAside {
        let seconds = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let _writing = self.writing.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut outcome = Err(std::io::Error::new(ErrorKind::AlreadyExists, "every name tried is taken"));
        for n in 0..100 {
            let suffix = if n == 0 { String::new() } else { format!("-{n}") };
            let target = path.with_file_name(format!("{name}.corrupt-{seconds}{suffix}"));
            if target.symlink_metadata().is_ok() {
                continue;
            }
            outcome = std::fs::rename(path, &target).map(|()| target);
            break;
        }
        match outcome {
            Ok(target) => SetAside {
                file: kind,
                path: path.display().to_string(),
                moved_to: Some(target.display().to_string()),
                problem: problem.to_string(),
            },
            Err(e) => SetAside {
                file: kind,
                path: path.display().to_string(),
                moved_to: None,
                problem: format!("{problem}; it could not be moved aside ({e}), so it was left as it is"),
            },
        }
    }

    fn write(&self, name: &str, what: &'static str, value: &impl Serialize) -> Result<(), StoreError> {
        let json = serde_json::to_vec_pretty(value).map_err(|source| StoreError::Serialize { what, source })?;
        std::fs::create_dir_all(&self.dir)
            .map_err(|source| StoreError::CreateFolder { dir: self.dir.clone(), source })?;
        let path = self.dir.join(name);
        let temp = self.dir.join(format!("{name}.tmp"));
        let _writing = self.writing.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        briefsmith::atomic::write_via(&path, &temp, &json).map_err(|source| StoreError::Write { path, source })
    }
}

/// JSON text into `T`, telling an empty file and non-text bytes apart from
/// broken JSON.
fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Unusable> {
    let text = std::str::from_utf8(bytes).map_err(|e| Unusable::NotText { at: e.valid_up_to() })?;
    if text.trim().is_empty() {
        return Err(Unusable::Empty);
    }
    Ok(serde_json::from_str(text)?)
}

fn check_draft(draft: &Draft) -> Result<(), Unusable> {
    if draft.brief.version != BRIEF_VERSION {
        return Err(Unusable::Version { found: draft.brief.version });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("data"));
        (dir, store)
    }

    fn draft() -> Draft {
        Draft { brief: briefsmith::samples::filled_brief(), template: "bluf".into(), locale: "vi".into(), path: None }
    }

    /// The names in the data folder, sorted.
    fn files(store: &Store) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(store.dir())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_zoom_nobody_could_read_the_window_at_opens_at_actual_size() {
        let (_dir, store) = store();
        for (saved, read) in [(1.25, 1.25), (0.5, 0.5), (40.0, 1.0), (0.0, 1.0), (-2.0, 1.0)] {
            store.save_settings(&Settings { zoom: saved, ..Default::default() }).unwrap();
            assert_eq!(store.load().settings.zoom, read, "saved {saved}");
            assert_eq!(store.settings().zoom, read, "saved {saved}");
        }
    }

    #[test]
    fn settings_and_draft_round_trip() {
        let (_dir, store) = store();
        let loaded = store.load();
        assert_eq!(loaded, Loaded { settings: Settings::default(), draft: None, set_aside: vec![] });

        let mut settings = Settings { analyst: "Trần Thu".into(), ..Default::default() };
        for i in 0..12 {
            settings.remember(Path::new(&format!("/b/{i}.json")), "t");
        }
        settings.remember(Path::new("/b/3.json"), "again");
        store.save_settings(&settings).unwrap();
        let back = store.settings();
        assert_eq!(back.analyst, "Trần Thu");
        assert_eq!(back.recent.len(), MAX_RECENT);
        assert_eq!(back.recent[0], RecentBrief { path: "/b/3.json".into(), title: "again".into() });

        store.save_draft(&draft()).unwrap();
        store.save_draft(&draft()).unwrap();
        let loaded = store.load();
        assert_eq!(loaded.draft, Some(draft()));
        assert_eq!(loaded.settings, back);
        assert!(loaded.set_aside.is_empty());
        assert_eq!(files(&store), ["draft.json", "settings.json"], "no temporary files are left");
        store.discard_draft().unwrap();
        store.discard_draft().unwrap();
        assert!(store.load().draft.is_none());
    }

    /// Each broken draft is set aside, byte for byte, and the app starts
    /// without it; a second start finds nothing more to set aside.
    #[test]
    fn a_broken_draft_is_set_aside_never_deleted() {
        let full = serde_json::to_vec_pretty(&draft()).unwrap();
        let mut wrong_type = serde_json::to_value(draft()).unwrap();
        wrong_type["brief"]["key_points"] = serde_json::json!("not a list");
        let mut other_version = serde_json::to_value(draft()).unwrap();
        other_version["brief"]["version"] = serde_json::json!(BRIEF_VERSION + 1);
        let cases: Vec<(&str, Vec<u8>, &str)> = vec![
            ("corrupt JSON", b"{ \"brief\": [ nope".to_vec(), "damaged"),
            ("truncated", full[..full.len() / 2].to_vec(), "EOF while parsing"),
            ("wrong types", serde_json::to_vec(&wrong_type).unwrap(), "invalid type"),
            ("empty", Vec::new(), "empty"),
            ("only spaces", b"  \n".to_vec(), "empty"),
            (
                "not UTF-8",
                [b"{\"brief\": \"".as_slice(), &[0xff, 0xfe, 0x00], b"\"}"].concat(),
                "not UTF-8 from byte 11",
            ),
            ("another version", serde_json::to_vec(&other_version).unwrap(), "another version"),
        ];
        for (what, bytes, expected) in cases {
            let (_dir, store) = store();
            std::fs::create_dir_all(store.dir()).unwrap();
            store.save_settings(&Settings { analyst: "Lan".into(), ..Default::default() }).unwrap();
            std::fs::write(store.draft_path(), &bytes).unwrap();

            let loaded = store.load();
            assert_eq!(loaded.draft, None, "{what}");
            assert_eq!(loaded.settings.analyst, "Lan", "{what}: the good settings still load");
            assert_eq!(loaded.set_aside.len(), 1, "{what}: {:?}", loaded.set_aside);
            let notice = &loaded.set_aside[0];
            assert_eq!(notice.file, Kept::Draft, "{what}");
            assert_eq!(notice.path, store.draft_path().display().to_string());
            assert!(notice.problem.contains(expected), "{what}: {}", notice.problem);
            let moved = PathBuf::from(notice.moved_to.as_deref().expect("moved"));
            let name = moved.file_name().unwrap().to_string_lossy().into_owned();
            let stamp = name.strip_prefix("draft.json.corrupt-").unwrap_or_else(|| panic!("{what}: named {name}"));
            assert!(!stamp.is_empty() && stamp.bytes().all(|b| b.is_ascii_digit()), "{what}: {name}");
            assert_eq!(std::fs::read(&moved).unwrap(), bytes, "{what}: kept byte for byte");
            assert!(!store.draft_path().exists(), "{what}");

            let again = store.load();
            assert!(again.set_aside.is_empty() && again.draft.is_none(), "{what}: {again:?}");
            store.save_draft(&draft()).unwrap();
            assert_eq!(store.load().draft, Some(draft()), "{what}: autosave works again");
            assert_eq!(files(&store), ["draft.json", &name, "settings.json"], "{what}");
        }
    }

    #[test]
    fn broken_settings_are_set_aside_and_defaults_used() {
        let cases: Vec<(&str, Vec<u8>, &str)> = vec![
            ("corrupt JSON", b"{ not json".to_vec(), "key must be a string"),
            ("truncated", b"{\n  \"analyst\": \"Tr".to_vec(), "EOF while parsing"),
            ("wrong types", br#"{"analyst": 42, "recent": {}}"#.to_vec(), "invalid type"),
            ("empty", Vec::new(), "empty"),
            ("not UTF-8", b"{\"analyst\": \"Tr\xe1n\"}".to_vec(), "not UTF-8"),
        ];
        for (what, bytes, expected) in cases {
            let (_dir, store) = store();
            store.save_draft(&draft()).unwrap();
            std::fs::write(store.settings_path(), &bytes).unwrap();
            let loaded = store.load();
            assert_eq!(loaded.settings, Settings::default(), "{what}");
            assert_eq!(loaded.draft, Some(draft()), "{what}: the good draft still loads");
            let [notice] = loaded.set_aside.as_slice() else { panic!("{what}: {:?}", loaded.set_aside) };
            assert_eq!(notice.file, Kept::Settings);
            assert!(notice.problem.contains(expected), "{what}: {}", notice.problem);
            let moved = notice.moved_to.as_deref().expect("moved");
            assert!(moved.contains("settings.json.corrupt-"), "{moved}");
            assert_eq!(std::fs::read(moved).unwrap(), bytes, "{what}");
        }
    }

    #[test]
    fn both_broken_at_once_and_twice_in_the_same_second() {
        let (_dir, store) = store();
        std::fs::create_dir_all(store.dir()).unwrap();
        std::fs::write(store.settings_path(), "[").unwrap();
        std::fs::write(store.draft_path(), "{").unwrap();
        let first = store.load();
        assert_eq!(first.set_aside.iter().map(|s| s.file).collect::<Vec<_>>(), [Kept::Settings, Kept::Draft]);
        std::fs::write(store.draft_path(), "{{").unwrap();
        let second = store.load();
        let [notice] = second.set_aside.as_slice() else { panic!("{second:?}") };
        assert_ne!(notice.moved_to, first.set_aside[1].moved_to, "a second broken draft does not replace the first");
        assert_eq!(std::fs::read(notice.moved_to.as_deref().unwrap()).unwrap(), b"{{");
        assert_eq!(std::fs::read(first.set_aside[1].moved_to.as_deref().unwrap()).unwrap(), b"{");
    }

    #[test]
    fn a_file_that_cannot_be_read_is_left_where_it_is() {
        let (_dir, store) = store();
        // A folder where the draft should be: reading fails, and that is not
        // the file's content being broken, so nothing is moved.
        std::fs::create_dir_all(store.draft_path()).unwrap();
        let loaded = store.load();
        let [notice] = loaded.set_aside.as_slice() else { panic!("{loaded:?}") };
        assert_eq!((notice.file, notice.moved_to.as_deref()), (Kept::Draft, None));
        assert!(notice.problem.starts_with("the file could not be read"), "{}", notice.problem);
        assert!(store.draft_path().is_dir());
        assert_eq!(files(&store), ["draft.json"]);
    }
}
