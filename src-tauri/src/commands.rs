//! The app's commands: check the input, call the library, return values.
//!
//! Every command runs off the UI thread (`async`), and every failure comes
//! back as a [`Failure`] in plain words, never as a panic across IPC.

use std::path::{Path, PathBuf};
use std::time::Instant;

use briefsmith::brief::{Brief, BriefOptions, Input};
use briefsmith::ingest::inputs;
use briefsmith::ingest::source::MAX_INPUT_BYTES;
use briefsmith::ingest::IngestOptions;
use briefsmith::template::{Library, Manifest, Origin, PageSize, TemplateError, TemplateInfo};
use serde::Serialize;
use tauri::State;

use crate::launch::ToOpen;
use crate::store::{Draft, SetAside, Settings, Store, StoreError};

/// The most key points the app asks for; more is a front-end bug.
const MAX_KEY_POINTS: usize = 50;

/// Article files the app opens (the open dialog offers these).
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm", "xhtml", "pdf", "docx"];

pub struct AppState {
    pub library: Library,
    pub store: Store,
    /// Files given on the command line, waiting for the window.
    pub to_open: ToOpen,
}

/// What went wrong, for the analyst; `line`/`column` place template errors.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Failure {
    pub message: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl Failure {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        Failure { message: message.into(), line: None, column: None }
    }
}

impl From<TemplateError> for Failure {
    fn from(error: TemplateError) -> Self {
        let (line, column) = match &error {
            TemplateError::At { line, column, .. } => (Some(*line), Some(*column)),
            _ => (None, None),
        };
        Failure { message: error.to_string(), line, column }
    }
}

impl From<StoreError> for Failure {
    fn from(error: StoreError) -> Self {
        Failure::new(error.to_string())
    }
}

impl From<briefsmith::export::ExportError> for Failure {
    fn from(error: briefsmith::export::ExportError) -> Self {
        match error {
            briefsmith::export::ExportError::Template(e) => e.into(),
            other => Failure::new(other.to_string()),
        }
    }
}

pub(crate) type Outcome<T> = Result<T, Failure>;

/// An article's text and the file it came from.
#[derive(Debug, Serialize)]
pub struct ArticleText {
    pub text: String,
    pub file_name: String,
    /// What a web page, PDF or Word file said about itself; `text` is then
    /// the article found in it.
    pub info: Option<briefsmith::ingest::DocumentInfo>,
}

#[derive(Debug, Serialize)]
pub struct Templates {
    pub templates: Vec<TemplateInfo>,
    pub locales: Vec<String>,
    pub user_folder: Option<String>,
}

/// Everything the window needs when it opens.
#[derive(Debug, Serialize)]
pub struct Startup {
    pub settings: Settings,
    pub draft: Option<Draft>,
    /// Files that could not be used and were set aside, for the window to
    /// tell the analyst.
    pub set_aside: Vec<SetAside>,
    pub templates: Templates,
}

#[tauri::command(async)]
pub fn startup(state: State<'_, AppState>) -> Outcome<Startup> {
    let loaded = state.store.load();
    Ok(Startup {
        settings: loaded.settings,
        draft: loaded.draft,
        set_aside: loaded.set_aside,
        templates: templates_of(&state.library)?,
    })
}

/// The files given on the command line (this launch's or a later one's)
/// that the window has not opened yet, a list per launch, oldest first;
/// each is handed out once.
#[tauri::command(async)]
pub fn files_to_open(state: State<'_, AppState>) -> Vec<Vec<String>> {
    state.to_open.take()
}

#[tauri::command(async)]
pub fn sample_article() -> ArticleText {
    ArticleText {
        text: briefsmith::samples::VI_SAMPLE.to_owned(),
        file_name: briefsmith::samples::VI_SAMPLE_NAME.to_owned(),
        info: None,
    }
}

/// Reads an article file the analyst picked or dropped.
#[tauri::command(async)]
pub fn read_article(path: String) -> Outcome<ArticleText> {
    let path = PathBuf::from(path);
    let extension = extension_of(&path);
    if !ARTICLE_EXTENSIONS.contains(&extension.as_str()) {
        return Err(Failure::new(format!(
            "{}: Briefsmith opens articles saved as .txt, .md, .html, .pdf or .docx (and briefs saved as \
             .json); save the article in one of these and open it again",
            name_of(&path)
        )));
    }
    let bytes = briefsmith::ingest::source::read(&path.to_string_lossy())
        .map_err(|e| Failure::new(format!("{}: {e}", name_of(&path))))?;
    let options = IngestOptions { file_name: Some(name_of(&path)), ..IngestOptions::default() };
    let extracted =
        briefsmith::ingest::extract(&bytes, &options).map_err(|e| Failure::new(format!("{}: {e}", name_of(&path))))?;
    Ok(ArticleText { text: extracted.text, file_name: name_of(&path), info: Some(extracted.info) })
}

/// Analyzes an article into a new brief.
#[tauri::command(async)]
pub fn new_brief(input: Input, analyst: String) -> Outcome<Brief> {
    check_input(&input)?;
    let mut options = BriefOptions::default();
    options.analyst.analyst = analyst;
    Brief::from_input(input, options).map_err(|e| Failure::new(e.to_string()))
}

/// A digest of many articles, and what was left out of it.
#[derive(Debug, Serialize)]
pub struct OpenedDigest {
    pub brief: Brief,
    /// One line per input that could not be read (left out), then the
    /// library's warnings (an input given twice, a feed item's summary read).
    pub warnings: Vec<String>,
}

/// Opens several articles, folders or feeds as one digest brief: the
/// articles grouped into stories, `key_points` per story. An input that
/// cannot be read is left out and named in the warnings, so one bad file
/// in a folder does not cost the analyst the rest; with none readable, the
/// failure lists each input and why.
#[tauri::command(async)]
pub fn open_articles(paths: Vec<String>, key_points: usize, analyst: String) -> Outcome<OpenedDigest> {
    if key_points == 0 || key_points > MAX_KEY_POINTS {
        return Err(Failure::new(format!("a story can have 1 to {MAX_KEY_POINTS} key points")));
    }
    if paths.is_empty() {
        return Err(Failure::new("no files were given: pick articles, a folder or a feed"));
    }
    // A file of another kind (a spreadsheet, an image) is named, not read
    // as if it were text; folders skip such files themselves.
    let (paths, unknown): (Vec<String>, Vec<String>) = paths.into_iter().partition(|path| {
        let path = Path::new(path);
        !path.is_file() || inputs::ARTICLE_EXTENSIONS.contains(&extension_of(path).as_str())
    });
    let read = inputs::read_all(&paths, &IngestOptions::default()).map_err(|e| Failure::new(e.to_string()))?;
    let left_out: Vec<String> = unknown
        .iter()
        .map(|input| {
            format!(
                "{}: not an article file ({}); left out",
                name_of(Path::new(input)),
                inputs::ARTICLE_EXTENSIONS.join(", ")
            )
        })
        .chain(read.failed.iter().map(|(input, error)| format!("{}: {error}; left out", name_of(Path::new(input)))))
        .collect();
    if read.articles.is_empty() {
        return Err(Failure::new(format!("{}\nNo article could be read, so there is no digest.", left_out.join("\n"))));
    }
    let analyses = briefsmith::digest::analyze_articles(&read.articles, key_points, None);
    let digest = briefsmith::digest::digest(&analyses, &briefsmith::digest::DigestOptions { key_points });
    let mut brief = Brief::from_digest(&digest, &analyses, None);
    brief.analyst.analyst = analyst;
    Ok(OpenedDigest { brief, warnings: left_out.into_iter().chain(read.warnings).collect() })
}

/// The brief a preview or export shows: the whole brief, or one of its
/// stories told from that story's sources.
fn shown(brief: Brief, story: Option<usize>) -> Outcome<Brief> {
    match story {
        None => Ok(brief),
        Some(index) => brief
            .story_brief(index)
            .ok_or_else(|| Failure::new(format!("the brief has no story {}; pick one from the list", index + 1))),
    }
}

/// Analyzes a brief's article again (restored lines, another number of key
/// points), keeping the analyst's review.
#[tauri::command(async)]
pub fn reanalyze(brief: Brief, input: Input) -> Outcome<Brief> {
    check_input(&input)?;
    brief.reanalyze(input).map_err(|e| Failure::new(e.to_string()))
}

/// Merges the name at `from` into the one at `into` (two names the analysis
/// kept apart that are one); the brief keeps the merge through a new analysis.
#[tauri::command(async)]
pub fn merge_entities(mut brief: Brief, into: usize, from: usize) -> Outcome<Brief> {
    brief.merge_entities(into, from).map_err(|e| Failure::new(e.to_string()))?;
    Ok(brief)
}

fn check_input(input: &Input) -> Outcome<()> {
    if input.key_points > MAX_KEY_POINTS {
        return Err(Failure::new(format!("at most {MAX_KEY_POINTS} key points can be drawn")));
    }
    if input.text.len() as u64 > MAX_INPUT_BYTES {
        return Err(Failure::new(format!(
            "the text is {} bytes, over the {MAX_INPUT_BYTES}-byte limit for an article; paste the article alone",
            input.text.len()
        )));
    }
    Ok(())
}

#[derive(Debug, Serialize)]
pub struct Preview {
    pub markdown: String,
    pub html: String,
    /// The locale used (the article's language when none was picked).
    pub locale: String,
    /// How long rendering took in the library, in milliseconds.
    pub millis: f64,
}

/// The brief rendered for the preview; `source` is a template being edited
/// and not yet saved; `story`, one story of a digest alone.
#[tauri::command(async)]
pub fn preview(
    state: State<'_, AppState>,
    brief: Brief,
    template: String,
    locale: String,
    source: Option<String>,
    design: Option<Manifest>,
    story: Option<usize>,
) -> Outcome<Preview> {
    let started = Instant::now();
    let brief = shown(brief, story)?;
    let edited = match design {
        Some(manifest) => Some(Edited::Design(Box::new(manifest))),
        None => source.map(Edited::Source),
    };
    let (_, locale, markdown) = render_markdown(&state.library, &brief, &template, &locale, edited)?;
    let html = briefsmith::render::html::preview(&markdown);
    Ok(Preview { markdown, html, locale, millis: started.elapsed().as_secs_f64() * 1000.0 })
}

/// A template being changed and not yet saved: its source in the editor,
/// or its manifest and design in the designer.
enum Edited {
    Source(String),
    Design(Box<Manifest>),
}

/// The brief through `template` (as `edited`, when given) in `locale`, or
/// the article's language when `locale` is empty.
fn render_markdown(
    library: &Library,
    brief: &Brief,
    template: &str,
    locale: &str,
    edited: Option<Edited>,
) -> Outcome<(briefsmith::template::Resolved, String, String)> {
    let mut resolved = library.resolve(template)?;
    match edited {
        Some(Edited::Source(source)) => resolved.source = source,
        Some(Edited::Design(manifest)) => resolved = library.designed(&resolved, *manifest)?,
        None => {}
    }
    let locale = locale_for(library, locale, brief);
    let markdown = briefsmith::export::markdown(library, &resolved, brief, &locale)?;
    Ok((resolved, locale, markdown))
}

#[derive(Debug, Serialize)]
pub struct Exported {
    pub path: String,
    pub pages: Option<usize>,
    pub warnings: Vec<String>,
}

/// Writes the brief (or its story `story` alone) as Markdown (`format`
/// "markdown"), PDF ("pdf", or PDF/A-2b: "pdf_a"), Word ("docx"), HTML ("html")
/// or plain text ("text").
/// Everything is rendered before the file is written, and the write is
/// atomic: a failure leaves any existing file as it was.
// Each argument is one named key of the call from the window.
#[allow(clippy::too_many_arguments)]
#[tauri::command(async)]
pub fn export(
    state: State<'_, AppState>,
    brief: Brief,
    template: String,
    locale: String,
    format: String,
    path: String,
    page_size: String,
    story: Option<usize>,
) -> Outcome<Exported> {
    let brief = shown(brief, story)?;
    let path = PathBuf::from(path);
    let wanted = match format.as_str() {
        "markdown" => "md",
        "pdf" | "pdf_a" => "pdf",
        "docx" => "docx",
        "html" => "html",
        "text" => "txt",
        other => {
            return Err(Failure::new(format!("cannot export as '{other}': choose Markdown, PDF, Word, HTML or text")))
        }
    };
    check_target(&path, &[wanted])?;
    let page_size = match page_size.as_str() {
        "" => None,
        "A4" => Some(PageSize::A4),
        "Letter" => Some(PageSize::Letter),
        other => return Err(Failure::new(format!("unknown page size '{other}': choose A4 or Letter"))),
    };
    let (resolved, locale, markdown) = render_markdown(&state.library, &brief, &template, &locale, None)?;
    let (bytes, pages, warnings) = match wanted {
        "pdf" => {
            let archival = format == "pdf_a";
            let pdf =
                briefsmith::export::pdf(&state.library, &resolved, &brief, &locale, &markdown, page_size, archival)?;
            (pdf.bytes, Some(pdf.pages), pdf.warnings)
        }
        "docx" => {
            let docx = briefsmith::export::docx(&state.library, &resolved, &brief, &locale, &markdown, page_size)?;
            (docx, None, Vec::new())
        }
        "html" => {
            let html = briefsmith::export::html(&state.library, &resolved, &brief, &markdown, page_size)?;
            (html.into_bytes(), None, Vec::new())
        }
        "txt" => (briefsmith::export::text(&markdown).into_bytes(), None, Vec::new()),
        _ => (markdown.into_bytes(), None, Vec::new()),
    };
    briefsmith::atomic::write(&path, &bytes).map_err(|e| {
        Failure::new(format!("could not write {}: {e}; nothing was changed there. Pick another folder", path.display()))
    })?;
    Ok(Exported { path: path.display().to_string(), pages, warnings })
}

#[tauri::command(async)]
pub fn templates(state: State<'_, AppState>) -> Outcome<Templates> {
    templates_of(&state.library)
}

fn templates_of(library: &Library) -> Outcome<Templates> {
    Ok(Templates {
        templates: library.list()?,
        locales: library.locales(),
        user_folder: library.user_folder().map(|p| p.display().to_string()),
    })
}

#[derive(Debug, Serialize)]
pub struct TemplateSource {
    pub name: String,
    pub source: String,
    /// Only user templates can be changed; built-ins are copied first.
    pub editable: bool,
    pub folder: Option<String>,
}

#[tauri::command(async)]
pub fn template_source(state: State<'_, AppState>, name: String) -> Outcome<TemplateSource> {
    source_of(&state.library, &name)
}

fn source_of(library: &Library, name: &str) -> Outcome<TemplateSource> {
    let resolved = library.resolve(name)?;
    Ok(TemplateSource {
        name: name.to_owned(),
        source: resolved.source,
        editable: matches!(resolved.origin, Origin::User | Origin::UserShadowingBuiltin),
        folder: resolved.folder.map(|f| f.display().to_string()),
    })
}

/// Copies template `from` into the user folder as `name`.
#[tauri::command(async)]
pub fn create_template(state: State<'_, AppState>, name: String, from: String) -> Outcome<TemplateSource> {
    state.library.create(&name, &from)?;
    source_of(&state.library, &name)
}

/// Saves an edited user template, but only once it checks: a broken
/// template never replaces a working one.
#[tauri::command(async)]
pub fn save_template(state: State<'_, AppState>, name: String, source: String, locale: String) -> Outcome<()> {
    let mut resolved = state.library.resolve(&name)?;
    resolved.source = source.clone();
    let sample = briefsmith::samples::filled_brief();
    let locale = locale_for(&state.library, &locale, &sample);
    state.library.check(&resolved, &sample, &locale)?;
    state.library.save_source(&name, &source)?;
    Ok(())
}

/// Writes template `name` as a .bstpl package at `path`, to share.
#[tauri::command(async)]
pub fn export_template(state: State<'_, AppState>, name: String, path: String) -> Outcome<String> {
    state.library.export(&name, Path::new(&path))?;
    Ok(path)
}

/// What importing a template package did: the template's name, or that a
/// template of that name is there and was left alone.
#[derive(Debug, Serialize)]
pub struct Imported {
    pub name: Option<String>,
    pub exists: Option<String>,
}

/// Installs the template in the .bstpl package at `path`; one of the same
/// name is replaced only when `replace`.
#[tauri::command(async)]
pub fn import_template(state: State<'_, AppState>, path: String, replace: bool) -> Outcome<Imported> {
    match state.library.import(Path::new(&path), replace) {
        Ok(name) => Ok(Imported { name: Some(name), exists: None }),
        Err(TemplateError::Exists(name)) => Ok(Imported { name: None, exists: Some(name) }),
        Err(error) => Err(error.into()),
    }
}

/// Opens the user templates folder in the file manager, creating it first.
#[tauri::command(async)]
pub fn open_templates_folder(state: State<'_, AppState>) -> Outcome<String> {
    let folder = state.library.user_folder().ok_or_else(|| Failure::new(TemplateError::NoUserDir.to_string()))?;
    std::fs::create_dir_all(folder).map_err(|e| Failure::new(format!("could not create {}: {e}", folder.display())))?;
    tauri_plugin_opener::open_path(folder, None::<&str>)
        .map_err(|e| Failure::new(format!("could not open {}: {e}", folder.display())))?;
    Ok(folder.display().to_string())
}

/// Shows an exported or saved file in the file manager.
#[tauri::command(async)]
pub fn reveal(path: String) -> Outcome<()> {
    let path = PathBuf::from(path);
    if !path.exists() {
        return Err(Failure::new(format!("{} is no longer there", path.display())));
    }
    tauri_plugin_opener::reveal_item_in_dir(&path)
        .map_err(|e| Failure::new(format!("could not show {} in the file manager: {e}", path.display())))
}

#[tauri::command(async)]
pub fn save_settings(state: State<'_, AppState>, settings: Settings) -> Outcome<()> {
    Ok(state.store.save_settings(&settings)?)
}

#[tauri::command(async)]
pub fn save_draft(state: State<'_, AppState>, draft: Draft) -> Outcome<()> {
    Ok(state.store.save_draft(&draft)?)
}

#[tauri::command(async)]
pub fn discard_draft(state: State<'_, AppState>) -> Outcome<()> {
    Ok(state.store.discard_draft()?)
}

/// Saves the brief to a file the analyst chose and remembers it as recent.
#[tauri::command(async)]
pub fn save_brief(state: State<'_, AppState>, brief: Brief, path: String) -> Outcome<Settings> {
    let path = PathBuf::from(path);
    check_target(&path, &["brief", "json"])?;
    let json = serde_json::to_vec_pretty(&brief).map_err(|e| Failure::new(e.to_string()))?;
    briefsmith::atomic::write(&path, &json)
        .map_err(|e| Failure::new(format!("could not save {}: {e}; nothing was changed there", path.display())))?;
    remember(&state.store, &path, &brief.title)
}

#[derive(Debug, Serialize)]
pub struct OpenedBrief {
    pub brief: Brief,
    pub settings: Settings,
}

/// Opens a saved brief and remembers it as recent.
#[tauri::command(async)]
pub fn open_brief(state: State<'_, AppState>, path: String) -> Outcome<OpenedBrief> {
    let path = PathBuf::from(path);
    let text = std::fs::read_to_string(&path).map_err(|e| Failure::new(format!("{}: {e}", path.display())))?;
    let brief = Brief::from_json(&text).map_err(|e| Failure::new(format!("{}: {e}", name_of(&path))))?;
    let settings = remember(&state.store, &path, &brief.title)?;
    Ok(OpenedBrief { brief, settings })
}

fn remember(store: &Store, path: &Path, title: &str) -> Outcome<Settings> {
    let mut settings = store.settings();
    settings.remember(path, title);
    store.save_settings(&settings)?;
    Ok(settings)
}

fn locale_for(library: &Library, asked: &str, brief: &Brief) -> String {
    library.pick_locale(Some(asked).filter(|l| !l.is_empty()), &brief.language)
}

/// A file to write must have one of `extensions` and sit in an existing folder.
fn check_target(path: &Path, extensions: &[&str]) -> Outcome<()> {
    if !extensions.contains(&extension_of(path).as_str()) {
        return Err(Failure::new(format!(
            "{}: the file name must end in .{}",
            path.display(),
            extensions.join(" or .")
        )));
    }
    match path.parent() {
        Some(dir) if dir.is_dir() => Ok(()),
        _ => Err(Failure::new(format!("{}: that folder does not exist; pick another", path.display()))),
    }
}

fn extension_of(path: &Path) -> String {
    path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_lowercase()
}

fn name_of(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Quits the app (File ▸ Quit), once the window has saved the draft.
#[tauri::command]
pub fn quit<R: tauri::Runtime>(app: tauri::AppHandle<R>) {
    app.exit(0);
}
