//! What the app keeps between runs, in its data folder: the settings and the
//! working draft (autosaved after every edit, restored after a crash or a
//! restart). Files are written atomically, so a crash mid-write leaves the
//! previous version, never a torn one.

use std::path::{Path, PathBuf};

use briefsmith::brief::Brief;
use serde::{Deserialize, Serialize};

/// How many briefs the "recent" list remembers.
const MAX_RECENT: usize = 10;

/// The analyst's choices, remembered across runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub analyst: String,
    pub template: String,
    /// The brief's locale; empty means "the article's language".
    pub locale: String,
    /// `A4` or `Letter`; empty means "as the template says".
    pub page_size: String,
    /// The app's own language (`en`, `vi`); empty means the system's.
    pub ui_language: String,
    pub recent: Vec<RecentBrief>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            analyst: String::new(),
            template: "bluf".to_owned(),
            locale: String::new(),
            page_size: String::new(),
            ui_language: String::new(),
            recent: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentBrief {
    pub path: String,
    pub title: String,
}

impl Settings {
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

/// The app's data folder and the files in it.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    pub fn new(dir: PathBuf) -> Self {
        Store { dir }
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

    fn settings_path(&self) -> PathBuf {
        self.dir.join("settings.json")
    }

    fn draft_path(&self) -> PathBuf {
        self.dir.join("draft.json")
    }

    /// The saved settings; defaults when there are none or they are unreadable
    /// (a broken settings file must not keep the app from starting).
    pub fn settings(&self) -> Settings {
        std::fs::read_to_string(self.settings_path())
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    pub fn save_settings(&self, settings: &Settings) -> Result<(), String> {
        self.write(&self.settings_path(), settings)
    }

    /// The autosaved draft, if there is a readable one.
    pub fn draft(&self) -> Option<Draft> {
        let text = std::fs::read_to_string(self.draft_path()).ok()?;
        serde_json::from_str(&text).ok()
    }

    pub fn save_draft(&self, draft: &Draft) -> Result<(), String> {
        self.write(&self.draft_path(), draft)
    }

    pub fn discard_draft(&self) -> Result<(), String> {
        match std::fs::remove_file(self.draft_path()) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Err(format!("could not remove the draft in {}: {e}", self.dir.display()))
            }
            _ => Ok(()),
        }
    }

    fn write(&self, path: &Path, value: &impl Serialize) -> Result<(), String> {
        std::fs::create_dir_all(&self.dir)
            .map_err(|e| format!("could not create the app's data folder {}: {e}", self.dir.display()))?;
        let json = serde_json::to_vec_pretty(value).map_err(|e| e.to_string())?;
        briefsmith::atomic::write(path, &json).map_err(|e| format!("could not save {}: {e}", path.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_and_draft_round_trip_and_survive_garbage() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("data"));
        assert_eq!(store.settings(), Settings::default());
        assert!(store.draft().is_none());

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

        let brief = briefsmith::samples::filled_brief();
        let draft = Draft { brief, template: "bluf".into(), locale: "vi".into(), path: None };
        store.save_draft(&draft).unwrap();
        assert_eq!(store.draft(), Some(draft));
        store.discard_draft().unwrap();
        assert!(store.draft().is_none());

        std::fs::write(store.settings_path(), "{ not json").unwrap();
        assert_eq!(store.settings(), Settings::default());
    }
}
