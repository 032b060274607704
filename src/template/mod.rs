//! Templates: briefs rendered to Markdown through MiniJinja, sandboxed.
//!
//! Templates live in folders, one per template (`NAME/manifest.toml` and the
//! template file), plus `locales/CODE.toml` label files. The built-ins are
//! embedded from `templates/`; a user folder (see [`user_dir`]) adds its own
//! and shadows built-ins of the same name. A template may only include
//! templates from these folders, a fuel limit stops runaway loops, every value
//! is Markdown-escaped, and every error names the template, line and column.

mod citations;
pub mod design;
pub mod filters;
pub mod manifest;
mod package;
pub mod typography;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use include_dir::{include_dir, Dir};
use minijinja::syntax::SyntaxConfig;
use minijinja::{Environment, ErrorKind, TemplateSource, UndefinedBehavior, Value};
use serde::Serialize;
use thiserror::Error;

use crate::brief::Brief;
use crate::render::logo::Logo;
pub use manifest::{Manifest, PageSettings, PageSize};
pub use package::{MAX_PACKAGE_BYTES, MAX_UNPACKED_BYTES, PACKAGE_FORMAT};

static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/templates");

/// The environment variable that names the user templates folder.
pub const USER_DIR_VARIABLE: &str = "BRIEFSMITH_TEMPLATES";

/// Instructions a render may execute: a brief template uses a few thousand,
/// and a few tens for each item it shows; this stops a runaway loop within a
/// fraction of a second while a brief of 10^5 figures still renders.
const FUEL: u64 = 1_000_000;
const FUEL_PER_ITEM: u64 = 100;

/// The fuel for rendering `brief`: more items, more to lay out.
fn fuel_for(brief: &Brief) -> u64 {
    let stories: usize = brief
        .stories
        .iter()
        .map(|s| s.key_points.len() + s.quotes.len() + s.entities.len() + s.figures.len() + s.disagreements.len())
        .sum();
    let items = brief.key_points.len() + brief.quotes.len() + brief.entities.len() + brief.figures.len() + stories;
    FUEL.saturating_add(FUEL_PER_ITEM.saturating_mul(items as u64))
}

#[derive(Debug, Error)]
pub enum TemplateError {
    /// A problem at a place in a template.
    #[error("{template}:{line}:{column}: {message}")]
    At { template: String, line: usize, column: usize, message: String },
    /// A problem in a template with no known place.
    #[error("{template}: {message}")]
    In { template: String, message: String },
    #[error("no template named '{0}'; `briefsmith templates list` shows the ones there are")]
    NotFound(String),
    #[error(
        "no labels for locale '{locale}'; available: {available}. Add locales/{locale}.toml to the templates folder"
    )]
    UnknownLocale { locale: String, available: String },
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
    #[error("a template named '{0}' already exists in the user folder; pick another name or remove it first")]
    Exists(String),
    #[error("'{0}' is a built-in template and cannot be changed; make a copy of it first (briefsmith templates new NAME --from {0})")]
    ReadOnly(String),
    #[error("no user templates folder: set {USER_DIR_VARIABLE} or pass --templates-dir")]
    NoUserDir,
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
}

/// Reads the font files `names` from `template`'s folder; a name must stay inside it.
fn read_font_files(template: &Resolved, names: &[String]) -> Result<Vec<Vec<u8>>, TemplateError> {
    names.iter().map(|name| read_template_file(template, name, "font", u64::MAX)).collect()
}

/// Reads file `name` (a `what`) from `template`'s folder, at most `limit`
/// bytes and one more: the name must stay inside the folder.
fn read_template_file(template: &Resolved, name: &str, what: &str, limit: u64) -> Result<Vec<u8>, TemplateError> {
    let invalid = |message: String| TemplateError::Invalid { path: template.name.clone(), message };
    let folder = template
        .folder
        .as_ref()
        .ok_or_else(|| invalid(format!("only a template in a folder can name {what} files")))?;
    let path = Path::new(name);
    // Plain names only: no root, drive, "..", or Windows separator.
    let inside = path.components().all(|c| matches!(c, std::path::Component::Normal(_))) && !name.contains('\\');
    if !inside || name.is_empty() {
        return Err(invalid(format!("{what} '{name}' must be a file inside the template's folder")));
    }
    read_capped(&folder.join(path), limit)
}

/// The file at `path`, at most `limit` bytes and one more (so that a file
/// over the limit shows as such without being read whole).
fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>, TemplateError> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| std::io::Read::read_to_end(&mut std::io::Read::take(f, limit.saturating_add(1)), &mut bytes))
        .map_err(io_error(path))?;
    Ok(bytes)
}

/// FNV-1a: a short, stable name for a file's content.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The largest font file a template takes (a CJK font is ~20 MB).
const MAX_FONT_BYTES: u64 = 32 * 1024 * 1024;

/// Whether `name` can name a template: letters, digits, '-' and '_' (so
/// never a path, and never a hidden folder).
fn is_template_name(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> TemplateError + '_ {
    move |source| TemplateError::Io { path: path.display().to_string(), source }
}

/// Where a template comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    Builtin,
    User,
    /// A user template that replaces the built-in of the same name.
    UserShadowingBuiltin,
    File,
}

#[derive(Debug, Clone, Serialize)]
pub struct TemplateInfo {
    pub name: String,
    pub description: String,
    pub origin: Origin,
    /// Made for briefs of many articles (the manifest's `stories = true`).
    pub stories: bool,
}

/// A template ready to render: its source, manifest and where includes resolve.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// The name errors use: `bluf/brief.md.j2`, or a file path.
    pub name: String,
    pub source: String,
    pub manifest: Manifest,
    pub origin: Origin,
    /// The template's own folder on disk (user and file templates).
    pub folder: Option<PathBuf>,
}

/// The default user templates folder: `$BRIEFSMITH_TEMPLATES`, else
/// `templates` in the platform's config folder for Briefsmith.
pub fn user_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(USER_DIR_VARIABLE).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("dev", "Briefsmith", "briefsmith").map(|d| d.config_dir().join("templates"))
}

/// The built-in and user templates and locales.
#[derive(Debug, Clone)]
pub struct Library {
    user: Option<PathBuf>,
}

impl Library {
    /// A library over the built-ins and the given user folder (which need
    /// not exist yet).
    pub fn new(user: Option<PathBuf>) -> Self {
        Library { user }
    }

    pub fn user_folder(&self) -> Option<&Path> {
        self.user.as_deref()
    }

    fn user_template_dir(&self, name: &str) -> Option<PathBuf> {
        let dir = self.user.as_ref()?.join(name);
        dir.join("manifest.toml").is_file().then_some(dir)
    }

    fn builtin_names() -> Vec<String> {
        BUILTIN
            .dirs()
            .filter(|d| d.get_file(d.path().join("manifest.toml")).is_some())
            .filter_map(|d| d.path().to_str().map(str::to_owned))
            .collect()
    }

    /// Every template, built-in and user, by name.
    pub fn list(&self) -> Result<Vec<TemplateInfo>, TemplateError> {
        let mut by_name: BTreeMap<String, TemplateInfo> = BTreeMap::new();
        for name in Self::builtin_names() {
            let manifest = self.resolve(&name)?.manifest;
            by_name.insert(
                name.clone(),
                TemplateInfo {
                    name,
                    description: manifest.description,
                    origin: Origin::Builtin,
                    stories: manifest.stories,
                },
            );
        }
        if let Some(user) = &self.user {
            if let Ok(entries) = std::fs::read_dir(user) {
                for entry in entries.flatten() {
                    let Some(name) = entry.file_name().to_str().map(str::to_owned) else { continue };
                    // A template's name has no dot first: ".import-…" is an
                    // import under way (or cut short), not a template.
                    if !is_template_name(&name) || self.user_template_dir(&name).is_none() {
                        continue;
                    }
                    let manifest = self.resolve(&name)?.manifest;
                    let origin = if by_name.contains_key(&name) { Origin::UserShadowingBuiltin } else { Origin::User };
                    by_name.insert(
                        name.clone(),
                        TemplateInfo { name, description: manifest.description, origin, stories: manifest.stories },
                    );
                }
            }
        }
        Ok(by_name.into_values().collect())
    }

    /// Finds a template by name (user first, then built-in) or, when it
    /// names an existing file, by path.
    pub fn resolve(&self, name_or_path: &str) -> Result<Resolved, TemplateError> {
        if is_template_name(name_or_path) {
            if let Some(dir) = self.user_template_dir(name_or_path) {
                let manifest = read_manifest(&dir.join("manifest.toml"))?;
                let file = dir.join(&manifest.template);
                let source = std::fs::read_to_string(&file).map_err(io_error(&file))?;
                let origin = if Self::builtin_names().iter().any(|n| n == name_or_path) {
                    Origin::UserShadowingBuiltin
                } else {
                    Origin::User
                };
                return Ok(Resolved {
                    name: format!("{name_or_path}/{}", manifest.template),
                    source,
                    manifest,
                    origin,
                    folder: Some(dir),
                });
            }
            if let Some(manifest_file) = BUILTIN.get_file(format!("{name_or_path}/manifest.toml")) {
                let manifest = parse_manifest(
                    manifest_file.contents_utf8().unwrap_or_default(),
                    &format!("(built-in) {name_or_path}/manifest.toml"),
                )?;
                let path = format!("{name_or_path}/{}", manifest.template);
                let source = BUILTIN
                    .get_file(&path)
                    .and_then(|f| f.contents_utf8())
                    .ok_or_else(|| TemplateError::NotFound(path.clone()))?
                    .to_owned();
                return Ok(Resolved { name: path, source, manifest, origin: Origin::Builtin, folder: None });
            }
        }
        let path = Path::new(name_or_path);
        if path.is_file() {
            let source = std::fs::read_to_string(path).map_err(io_error(path))?;
            let folder = path.parent().map(Path::to_path_buf);
            let manifest_path = folder.as_ref().map(|f| f.join("manifest.toml"));
            let manifest = match manifest_path.filter(|m| m.is_file()) {
                Some(m) => read_manifest(&m)?,
                None => Manifest::default(),
            };
            return Ok(Resolved { name: name_or_path.to_owned(), source, manifest, origin: Origin::File, folder });
        }
        Err(TemplateError::NotFound(name_or_path.to_owned()))
    }

    /// The labels of a locale: the locale file (user folder first), with the
    /// manifest's overrides on top.
    pub fn labels(
        &self,
        locale: &str,
        manifest: &Manifest,
    ) -> Result<(BTreeMap<String, String>, Vec<String>), TemplateError> {
        let (text, origin) = self.locale_source(locale).ok_or_else(|| TemplateError::UnknownLocale {
            locale: locale.to_owned(),
            available: self.locales().join(", "),
        })?;
        let table: toml::Table = toml::from_str(&text)
            .map_err(|e| TemplateError::Invalid { path: origin.clone(), message: e.to_string() })?;
        let mut labels = BTreeMap::new();
        let mut months = Vec::new();
        for (key, value) in table {
            match value {
                toml::Value::String(s) => {
                    labels.insert(key, s);
                }
                toml::Value::Array(items) if key == "months" => {
                    months = items.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect();
                }
                _ => {
                    return Err(TemplateError::Invalid {
                        path: origin,
                        message: format!("'{key}' must be text (or, for months, a list of twelve names)"),
                    })
                }
            }
        }
        if let Some(overrides) = manifest.labels.get(locale) {
            labels.extend(overrides.clone());
        }
        Ok((labels, months))
    }

    fn locale_source(&self, locale: &str) -> Option<(String, String)> {
        if !locale.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') || locale.is_empty() {
            return None;
        }
        if let Some(user) = &self.user {
            let path = user.join("locales").join(format!("{locale}.toml"));
            if let Ok(text) = std::fs::read_to_string(&path) {
                return Some((text, path.display().to_string()));
            }
        }
        let path = format!("locales/{locale}.toml");
        BUILTIN.get_file(&path).and_then(|f| f.contents_utf8()).map(|t| (t.to_owned(), format!("(built-in) {path}")))
    }

    /// Every locale with a label file.
    pub fn locales(&self) -> Vec<String> {
        let mut codes: Vec<String> = BUILTIN
            .get_dir("locales")
            .into_iter()
            .flat_map(|d| d.files())
            .filter_map(|f| f.path().file_stem().and_then(|s| s.to_str()).map(str::to_owned))
            .collect();
        if let Some(user) = &self.user {
            if let Ok(entries) = std::fs::read_dir(user.join("locales")) {
                codes.extend(entries.flatten().filter_map(|e| {
                    let path = e.path();
                    (path.extension()? == "toml").then(|| path.file_stem()?.to_str().map(str::to_owned))?
                }));
            }
        }
        codes.sort();
        codes.dedup();
        codes
    }

    /// The locale a brief is rendered in: the one asked for, else the
    /// article's language when there are labels for it, else English.
    pub fn pick_locale(&self, asked: Option<&str>, language: &str) -> String {
        match asked {
            Some(locale) => locale.to_owned(),
            None if self.locale_source(language).is_some() => language.to_owned(),
            None => "en".to_owned(),
        }
    }

    /// The font files a template's manifest names for its PDF (regular,
    /// italic, bold, bold italic), read from the template's folder.
    pub fn font_files(&self, template: &Resolved) -> Result<Vec<Vec<u8>>, TemplateError> {
        read_font_files(template, &template.manifest.pdf.fonts)
    }

    /// The fallback font files a template's manifest names for its PDF, in
    /// order, read from the template's folder.
    pub fn fallback_font_files(&self, template: &Resolved) -> Result<Vec<Vec<u8>>, TemplateError> {
        read_font_files(template, &template.manifest.pdf.fallback_fonts)
    }

    /// The logo a template's manifest names, read and checked; `None` when
    /// it names none.
    pub fn logo(&self, template: &Resolved) -> Result<Option<Arc<Logo>>, TemplateError> {
        let name = template.manifest.logo.trim();
        if name.is_empty() {
            return Ok(None);
        }
        let bytes = read_template_file(template, name, "logo", crate::render::logo::MAX_LOGO_BYTES as u64)?;
        let alt = match template.manifest.logo_alt.trim() {
            "" => "Logo",
            alt => alt,
        };
        let logo = Logo::read(bytes, alt).map_err(|e| TemplateError::Invalid {
            path: format!("{}: {name}", template.name),
            message: e.to_string(),
        })?;
        Ok(Some(Arc::new(logo)))
    }

    /// Copies template `from` (user or built-in) to a new user template `name`.
    pub fn create(&self, name: &str, from: &str) -> Result<PathBuf, TemplateError> {
        let user = self.user.as_ref().ok_or(TemplateError::NoUserDir)?;
        if !is_template_name(name) {
            return Err(TemplateError::Invalid {
                path: name.to_owned(),
                message: "a template name may only have letters, digits, '-' and '_'".to_owned(),
            });
        }
        let target = user.join(name);
        if target.exists() {
            return Err(TemplateError::Exists(name.to_owned()));
        }
        let source = self.resolve(from)?;
        if source.origin == Origin::File {
            return Err(TemplateError::NotFound(from.to_owned()));
        }
        let mut manifest = source.manifest.clone();
        manifest.name = name.to_owned();
        manifest.description = format!("{} (from {from})", manifest.description);
        std::fs::create_dir_all(&target).map_err(io_error(&target))?;
        let manifest_text = toml::to_string(&manifest)
            .map_err(|e| TemplateError::Invalid { path: target.display().to_string(), message: e.to_string() })?;
        let manifest_path = target.join("manifest.toml");
        crate::atomic::write(&manifest_path, manifest_text.as_bytes()).map_err(io_error(&manifest_path))?;
        let template_path = target.join(&manifest.template);
        crate::atomic::write(&template_path, source.source.as_bytes()).map_err(io_error(&template_path))?;
        Ok(target)
    }

    /// The design of `template`, every section kind in it (those it does
    /// not show, unticked, at the end); or why the designer may not rewrite it.
    pub fn design_of(&self, template: &Resolved) -> Result<design::Design, design::NotDesigned> {
        let mut design = design::design_of(&template.manifest, &template.source)?;
        for &kind in design.scope.kinds() {
            if !design.sections.iter().any(|s| s.kind == kind) {
                design.sections.push(design::Section { shown: false, ..design::Section::new(kind) });
            }
        }
        Ok(design)
    }

    /// `template` as `manifest` (with a design) would make it: for the
    /// preview of a design not yet saved.
    pub fn designed(&self, template: &Resolved, manifest: Manifest) -> Result<Resolved, TemplateError> {
        let design = manifest.design.as_ref().ok_or_else(|| TemplateError::Invalid {
            path: template.name.clone(),
            message: "the manifest has no design to make the template from".to_owned(),
        })?;
        if let Some(problem) = design.problem() {
            return Err(TemplateError::Invalid { path: template.name.clone(), message: problem });
        }
        let source = design::generate(design);
        Ok(Resolved { source, manifest, ..template.clone() })
    }

    /// Saves user template `name` as `manifest` and its design make it: the
    /// manifest and the Jinja the design generates, once the template
    /// renders the sample brief. Built-in templates are refused, and so is a
    /// template whose Jinja is not its design's ([`Library::design_of`]).
    pub fn save_design(&self, name: &str, mut manifest: Manifest) -> Result<PathBuf, TemplateError> {
        let (current, folder) = self.user_template(name)?;
        // Never over Jinja written or edited by hand; but a save cut short
        // after its Jinja was written (and not its manifest) may be finished.
        let finishing = manifest.design.as_ref().is_some_and(|d| design::generate(d) == current.source);
        if let (Err(why), false) = (self.design_of(&current), finishing) {
            return Err(TemplateError::Invalid { path: name.to_owned(), message: why.to_string() });
        }
        manifest.name = name.to_owned();
        manifest.template = current.manifest.template.clone();
        let made = self.designed(&current, manifest)?;
        self.check(&made, &crate::samples::filled_brief(), "en")?;
        self.logo(&made)?;
        let manifest_text = toml::to_string(&made.manifest)
            .map_err(|e| TemplateError::Invalid { path: folder.display().to_string(), message: e.to_string() })?;
        // The Jinja first: should the manifest then fail to be written, the
        // template no longer matches its old design and opens read-only,
        // rather than as a design that would silently drop the new Jinja.
        let template_path = folder.join(&made.manifest.template);
        crate::atomic::write(&template_path, made.source.as_bytes()).map_err(io_error(&template_path))?;
        let manifest_path = folder.join("manifest.toml");
        crate::atomic::write(&manifest_path, manifest_text.as_bytes()).map_err(io_error(&manifest_path))?;
        Ok(folder)
    }

    /// Copies the image at `file` into user template `name`'s folder as a
    /// logo file (`logo-<hash>.png`, `.jpeg` or `.svg`), once it reads as a
    /// logo; returns the file's name for the manifest's `logo`.
    pub fn add_logo(&self, name: &str, file: &Path) -> Result<String, TemplateError> {
        let limit = crate::render::logo::MAX_LOGO_BYTES as u64;
        self.add_file(name, file, limit, |bytes| {
            let extension = Logo::read(bytes.to_vec(), "").map_err(|e| e.to_string())?.format.extension();
            // Named by its content, so a new logo never overwrites the one
            // the saved manifest still names, should the save then fail.
            Ok(format!("logo-{:08x}.{extension}", fnv1a(bytes) as u32))
        })
    }

    /// Copies the TrueType or OpenType font at `file` into user template
    /// `name`'s folder, under its own file name; returns that name for the
    /// manifest's `[pdf] fonts`.
    pub fn add_font(&self, name: &str, file: &Path) -> Result<String, TemplateError> {
        let own_name = file
            .file_name()
            .and_then(|n| n.to_str())
            .filter(|n| {
                let lower = n.to_lowercase();
                (lower.ends_with(".ttf") || lower.ends_with(".otf")) && !n.starts_with('.')
            })
            .map(str::to_owned);
        self.add_file(name, file, MAX_FONT_BYTES, move |bytes| {
            let own_name = own_name.ok_or("a font file's name must end in .ttf or .otf")?;
            ttf_parser::Face::parse(bytes, 0)
                .map_err(|e| format!("not a TrueType or OpenType font that can be read ({e})"))?;
            Ok(own_name)
        })
    }

    /// Copies `file` (at most `limit` bytes) into user template `name`'s
    /// folder under the name `check` gives it once it accepts the bytes.
    fn add_file(
        &self,
        name: &str,
        file: &Path,
        limit: u64,
        check: impl FnOnce(&[u8]) -> Result<String, String>,
    ) -> Result<String, TemplateError> {
        let (_, folder) = self.user_template(name)?;
        let bytes = read_capped(file, limit)?;
        let invalid = |message: String| TemplateError::Invalid { path: file.display().to_string(), message };
        if bytes.len() as u64 > limit {
            return Err(invalid(format!("the file is over {} MB; pick a smaller one", limit / 1024 / 1024)));
        }
        let file_name = check(&bytes).map_err(invalid)?;
        let target = folder.join(&file_name);
        crate::atomic::write(&target, &bytes).map_err(io_error(&target))?;
        Ok(file_name)
    }

    /// User template `name` and its folder; a built-in is refused.
    fn user_template(&self, name: &str) -> Result<(Resolved, PathBuf), TemplateError> {
        let resolved = self.resolve(name)?;
        match (resolved.origin, resolved.folder.clone()) {
            (Origin::User | Origin::UserShadowingBuiltin, Some(folder)) => Ok((resolved, folder)),
            _ => Err(TemplateError::ReadOnly(name.to_owned())),
        }
    }

    /// Replaces the source of user template `name`, atomically: a failed
    /// write leaves the old one. Built-in templates are refused.
    pub fn save_source(&self, name: &str, source: &str) -> Result<PathBuf, TemplateError> {
        let (resolved, folder) = self.user_template(name)?;
        let path = folder.join(&resolved.manifest.template);
        crate::atomic::write(&path, source.as_bytes()).map_err(io_error(&path))?;
        Ok(path)
    }

    /// A sandboxed environment for rendering `template` in `locale`.
    fn environment<'s>(
        &self,
        template: &Resolved,
        locale: &str,
        strict: bool,
        citations: Arc<citations::Recorder>,
        fuel: u64,
    ) -> Result<Environment<'s>, TemplateError> {
        let mut env = Environment::new();
        env.set_fuel(Some(fuel));
        env.set_undefined_behavior(if strict { UndefinedBehavior::SemiStrict } else { UndefinedBehavior::Lenient });
        // Block tags on their own lines leave no blank lines behind.
        let syntax = SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
            .map_err(|e| TemplateError::In { template: template.name.clone(), message: e.to_string() })?;
        env.set_syntax(syntax);
        env.set_auto_escape_callback(|_| minijinja::AutoEscape::None);
        env.set_formatter(filters::markdown_formatter);
        let (labels, months) = self.labels(locale, &template.manifest)?;
        filters::register(&mut env, &filters::LocaleFormat::from_labels(locale, &labels, months));
        env.add_filter("cite", move |item: Value| citations.cite(&item));
        env.add_filter("source_marks", |item: Value| filters::source_marks(&item));
        // Quotation marks follow the brief's language (the quote's), not the labels'.
        env.add_filter("quoted", |state: &minijinja::State, text: String| {
            let language = state.lookup("language").and_then(|l| l.as_str().map(str::to_owned)).unwrap_or_default();
            typography::quoted(&text, &language)
        });
        let mut folders: Vec<PathBuf> = Vec::new();
        if let Some(folder) = &template.folder {
            folders.push(folder.clone());
        }
        if let Some(user) = &self.user {
            folders.push(user.clone());
        }
        let loaders: Vec<_> = folders.iter().map(minijinja::path_loader).collect();
        env.set_loader(move |name| {
            // Only relative names inside the template folders: no absolute
            // paths, no way up. path_loader refuses those too; this says so
            // before touching the file system.
            if name.starts_with(['/', '\\']) || name.contains("..") || name.contains(':') {
                return Ok(None);
            }
            for loader in &loaders {
                if let Some(source) = loader(name)? {
                    return Ok(Some(source));
                }
            }
            Ok(BUILTIN.get_file(name).and_then(|f| f.contents_utf8()).map(|text| TemplateSource::from(text.to_owned())))
        });
        Ok(env)
    }

    /// Renders a brief to Markdown.
    pub fn render(&self, template: &Resolved, brief: &Brief, locale: &str) -> Result<String, TemplateError> {
        let citations = citations::Recorder::new(brief.citations.unwrap_or(template.manifest.citations));
        let env = self.environment(template, locale, false, citations.clone(), fuel_for(brief))?;
        let context = self.context(template, brief, locale)?;
        let compiled = env
            .template_from_named_str(&template.name, &template.source)
            .map_err(|e| at(&template.name, &template.source, &e))?;
        let mut markdown = compiled.render(&context).map_err(|e| at(&template.name, &template.source, &e))?;
        let (labels, _) = self.labels(locale, &template.manifest)?;
        markdown.push_str(&citations.closing(brief, &labels));
        Ok(tidy(&markdown))
    }

    /// Checks a template strictly against `sample`: syntax, undefined names
    /// (in every branch, not only the ones the sample takes), includes, fuel.
    pub fn check(&self, template: &Resolved, sample: &Brief, locale: &str) -> Result<(), TemplateError> {
        let citations = citations::Recorder::new(sample.citations.unwrap_or(template.manifest.citations));
        let env = self.environment(template, locale, true, citations, fuel_for(sample))?;
        let compiled = env
            .template_from_named_str(&template.name, &template.source)
            .map_err(|e| at(&template.name, &template.source, &e))?;
        let context = self.context(template, sample, locale)?;
        let mut known: Vec<String> = context
            .try_iter()
            .map(|keys| keys.filter_map(|key| key.as_str().map(str::to_owned)).collect())
            .unwrap_or_default();
        known.sort();
        let mut undeclared: Vec<String> = compiled
            .undeclared_variables(false)
            .into_iter()
            .filter(|name| !known.contains(name) && env.globals().all(|(g, _)| g != name))
            .collect();
        undeclared.sort();
        if let Some(name) = undeclared.first() {
            let (line, column) = find_name(&template.source, name);
            return Err(TemplateError::At {
                template: template.name.clone(),
                line,
                column,
                message: format!("undefined variable '{name}'; the brief has: {}", known.join(", ")),
            });
        }
        compiled.render(&context).map_err(|e| at(&template.name, &template.source, &e))?;
        Ok(())
    }

    /// What a template sees: the brief with excluded items left out and
    /// edits applied, entities grouped by kind, the locale's labels.
    fn context(&self, template: &Resolved, brief: &Brief, locale: &str) -> Result<Value, TemplateError> {
        let (labels, _) = self.labels(locale, &template.manifest)?;
        Ok(crate::template::context::build(brief, locale, &labels, &template.manifest))
    }
}

mod context;

fn read_manifest(path: &Path) -> Result<Manifest, TemplateError> {
    let text = std::fs::read_to_string(path).map_err(io_error(path))?;
    parse_manifest(&text, &path.display().to_string())
}

fn parse_manifest(text: &str, origin: &str) -> Result<Manifest, TemplateError> {
    toml::from_str(text).map_err(|e| TemplateError::Invalid { path: origin.to_owned(), message: e.to_string() })
}

/// Turns a MiniJinja error into one that names the template, line and column
/// and says what to do.
fn at(name: &str, source: &str, error: &minijinja::Error) -> TemplateError {
    let template = error.name().unwrap_or(name).to_owned();
    let message = match error.kind() {
        ErrorKind::OutOfFuel => {
            "the template ran too long and was stopped (a loop that never ends, or one over far too many items)".to_owned()
        }
        ErrorKind::TemplateNotFound => format!(
            "{}; a template can only include templates from the template folders, by a relative name such as \"partials/sources.md.j2\"",
            error.detail().unwrap_or("template not found")
        ),
        ErrorKind::UndefinedError => {
            format!("undefined value{}", error.detail().map(|d| format!(": {d}")).unwrap_or_default())
        }
        kind => match error.detail() {
            Some(detail) => format!("{kind}: {detail}"),
            None => kind.to_string(),
        },
    };
    let text = error.template_source().unwrap_or(if template == name { source } else { "" });
    match (error.line(), error.range()) {
        (Some(line), range) => {
            let column = range
                .and_then(|r| text.get(..r.start))
                .map(|before| before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1)
                .unwrap_or(1);
            TemplateError::At { template, line, column, message }
        }
        (None, _) => TemplateError::In { template, message },
    }
}

/// Where `name` is first used as a variable in a template, as line and column.
fn find_name(source: &str, name: &str) -> (usize, usize) {
    for (i, line) in source.lines().enumerate() {
        let mut from = 0;
        while let Some(found) = line[from..].find(name) {
            let start = from + found;
            let before = line[..start].chars().next_back();
            let after = line[start + name.len()..].chars().next();
            let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.');
            if !is_word(before) && !after.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                return (i + 1, line[..start].chars().count() + 1);
            }
            from = start + name.len();
        }
    }
    (1, 1)
}

/// No runs of blank lines and one final newline, whatever the template's
/// conditionals left behind.
fn tidy(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut blank_run = 0;
    for line in markdown.lines() {
        if line.trim().is_empty() {
            blank_run += 1;
            continue;
        }
        let heading = line.starts_with('#');
        if !out.is_empty() && (blank_run > 0 || heading) {
            out.push('\n');
        }
        blank_run = 0;
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
