//! The template designer's commands: a template's design to edit, its
//! preview (through `commands::preview`), saving it, and a logo file.

use std::path::Path;

use briefsmith::template::design::SectionKind;
use briefsmith::template::{Manifest, Origin};
use serde::Serialize;
use tauri::State;

use crate::commands::{AppState, Outcome};

/// A section kind as the designer offers it.
#[derive(Debug, Serialize)]
pub struct Kind {
    pub kind: SectionKind,
    /// The label key of its heading, unless renamed; empty for none.
    pub default_heading: &'static str,
    /// The options it reads: "limit", "numbered", "speakers", "citations",
    /// "confidence", "inline_confidence".
    pub options: &'static [&'static str],
}

/// What the designer shows of a template.
#[derive(Debug, Serialize)]
pub struct DesignView {
    pub name: String,
    /// The manifest with its design, every kind of section in it.
    pub manifest: Manifest,
    /// Why the designer may only show it, if it may not change it.
    pub read_only: Option<String>,
    /// A built-in: saving makes a copy first.
    pub built_in: bool,
    /// The locale the headings are shown and renamed in, and its labels.
    pub locale: String,
    pub labels: std::collections::BTreeMap<String, String>,
    /// The locale's labels without the template's own: a heading typed back
    /// to one of these is no longer renamed.
    pub base_labels: std::collections::BTreeMap<String, String>,
    pub kinds: Vec<Kind>,
}

/// Template `name` as the designer shows it, headings in `locale` (or the
/// brief's `language` when `locale` is empty).
#[tauri::command(async)]
pub fn template_design(
    state: State<'_, AppState>,
    name: String,
    locale: String,
    language: String,
) -> Outcome<DesignView> {
    let template = state.library.resolve(&name)?;
    let mut manifest = template.manifest.clone();
    let read_only = match state.library.design_of(&template) {
        Ok(design) => {
            manifest.design = Some(design);
            None
        }
        Err(why) => Some(why.to_string()),
    };
    let locale = state.library.pick_locale(Some(locale.as_str()).filter(|l| !l.is_empty()), &language);
    let (labels, _) = state.library.labels(&locale, &template.manifest)?;
    let (base_labels, _) = state.library.labels(&locale, &Manifest::default())?;
    let scope = manifest.design.as_ref().map(|d| d.scope).unwrap_or_default();
    let kinds = scope
        .kinds()
        .iter()
        .map(|&kind| Kind { kind, default_heading: kind.default_heading(), options: kind.options() })
        .collect();
    let built_in = !matches!(template.origin, Origin::User | Origin::UserShadowingBuiltin);
    Ok(DesignView { name, manifest, read_only, built_in, locale, labels, base_labels, kinds })
}

/// Saves user template `name` as `manifest` and its design make it.
#[tauri::command(async)]
pub fn save_design(state: State<'_, AppState>, name: String, manifest: Manifest) -> Outcome<()> {
    state.library.save_design(&name, manifest)?;
    Ok(())
}

/// Copies the image at `path` into user template `name` as its logo file;
/// returns the file's name for the manifest.
#[tauri::command(async)]
pub fn add_logo(state: State<'_, AppState>, name: String, path: String) -> Outcome<String> {
    Ok(state.library.add_logo(&name, Path::new(&path))?)
}

/// Copies the font file at `path` into user template `name`; returns the
/// file's name for the manifest's `[pdf] fonts`.
#[tauri::command(async)]
pub fn add_font(state: State<'_, AppState>, name: String, path: String) -> Outcome<String> {
    Ok(state.library.add_font(&name, Path::new(&path))?)
}
