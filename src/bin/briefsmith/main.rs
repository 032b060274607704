//! The `briefsmith` command: a thin shell over the library.

use std::io::{self, Write};
use std::process::ExitCode;

use std::path::{Path, PathBuf};

use briefsmith::analyze::{language, Analysis};
use briefsmith::brief::{Brief, BriefOptions, CitationStyle, Confidence};
use briefsmith::export;
use briefsmith::ingest::{ingest, inputs, source, Format, IngestOptions};
use briefsmith::template::{self, Library, Origin, TemplateError};
use std::sync::atomic::{AtomicBool, Ordering};

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

mod batch;
mod summary;

#[derive(Parser)]
#[command(name = "briefsmith", version, about = "Turn a news article into an analyst's brief.")]
struct Cli {
    /// The user templates folder (default: $BRIEFSMITH_TEMPLATES, else the
    /// platform's config folder).
    #[arg(long, global = true, value_name = "DIR")]
    templates_dir: Option<PathBuf>,
    /// Print no warnings and no progress bar on standard error; errors still.
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract key points, quotes, entities and figures from articles.
    Analyze(AnalyzeArgs),
    /// Render a brief of an article (or of an edited Brief JSON) as Markdown.
    Brief(Box<BriefArgs>),
    /// Print the article body of files or web addresses as plain text
    /// (paragraphs separated by a blank line), or with --json as
    /// {title, author, published, site_name, url, text}.
    Extract(ExtractArgs),
    /// Group many articles into stories and merge each story's key points,
    /// quotes, names and figures, every item with the file and offsets it
    /// came from.
    Digest(DigestArgs),
    /// List, show, create and check briefing templates.
    #[command(subcommand)]
    Templates(TemplatesCommand),
    /// Print the completion script for a shell:
    /// `briefsmith completions bash > ~/.local/share/bash-completion/completions/briefsmith`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page, as roff: `briefsmith man | man -l -`.
    Man,
}

/// Whether `--quiet` was given: warnings and the progress bar are left out.
static QUIET: AtomicBool = AtomicBool::new(false);

fn quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

/// A warning on standard error, unless `--quiet`.
fn warn(warning: &str) {
    if !quiet() {
        eprintln!("briefsmith: warning: {warning}");
    }
}

#[derive(clap::Args)]
struct BriefArgs {
    /// The article (a file, an http(s):// address, or `-` for standard input).
    /// Not needed with --brief.
    #[arg(value_name = "FILE", required_unless_present = "brief")]
    file: Option<String>,
    /// A template name (`briefsmith templates list`) or a template file.
    #[arg(long, short, default_value = "bluf")]
    template: String,
    /// The labels' language (vi, en, …); default: the article's, else English.
    #[arg(long)]
    locale: Option<String>,
    /// Analyst fields: analyst, bottom_line, assessment, confidence
    /// (high|moderate|low), classification, recommendation (repeatable),
    /// title, source.name, source.url, source.author, source.published, generated.
    #[arg(long = "set", value_name = "KEY=VALUE", value_parser = parse_setting)]
    settings: Vec<(String, String)>,
    /// Render this Brief JSON (as the app saves it) instead of analyzing FILE.
    #[arg(long, value_name = "BRIEF.json", conflicts_with = "file")]
    brief: Option<PathBuf>,
    /// Write the Markdown here (atomically) instead of standard output.
    #[arg(long, short, value_name = "OUT.md")]
    output: Option<PathBuf>,
    /// Also (or only) write the brief as a PDF, atomically.
    #[arg(long, value_name = "OUT.pdf")]
    pdf: Option<PathBuf>,
    /// Make the PDF PDF/A-2b, for archives (the manifest's `pdf_a` also can).
    #[arg(long, requires = "pdf")]
    pdf_a: bool,
    /// Also (or only) write the brief as a Word document, atomically.
    #[arg(long, value_name = "OUT.docx")]
    docx: Option<PathBuf>,
    /// Also (or only) write the brief as one self-contained HTML file.
    #[arg(long, value_name = "OUT.html")]
    html: Option<PathBuf>,
    /// Also (or only) write the brief as plain text, for an e-mail.
    #[arg(long, value_name = "OUT.txt")]
    txt: Option<PathBuf>,
    /// Cite the article after each finding and quote: none, paragraph (¶3)
    /// or footnote (numbered notes); default: the template's manifest.
    #[arg(long, value_name = "STYLE", value_parser = parse_citations)]
    citations: Option<CitationStyle>,
    /// With citations, leave out the "Source text" appendix.
    #[arg(long)]
    no_appendix: bool,
    /// How many key points to draw.
    #[arg(long, value_name = "N", default_value_t = 5)]
    key_points: usize,
    /// The article's language, instead of detecting it.
    #[arg(long, value_name = "L", value_parser = parse_language)]
    lang: Option<String>,
}

#[derive(clap::Args)]
struct DigestArgs {
    /// Articles: files, folders (every article file in them), RSS or Atom
    /// feeds (each item an article), http(s):// addresses, or `-`.
    #[arg(value_name = "INPUT", required = true)]
    inputs: Vec<String>,
    /// Print the digest as one JSON object (the contract in README).
    #[arg(long)]
    json: bool,
    /// Key points per story, at most.
    #[arg(long, value_name = "N", default_value_t = 5)]
    key_points: usize,
    /// The articles' language, instead of detecting each one's.
    #[arg(long, value_name = "L", value_parser = parse_language)]
    lang: Option<String>,
    /// A template name (`digest`, `topic-brief`, …) or a template file.
    #[arg(long, short, default_value = "digest")]
    template: String,
    /// The labels' language (vi, en, …); default: most articles', else English.
    #[arg(long)]
    locale: Option<String>,
    /// Write the Markdown (or with --json the JSON) here, atomically,
    /// instead of standard output.
    #[arg(long, short, value_name = "OUT.md")]
    output: Option<PathBuf>,
    /// Also (or only) write the digest as a PDF, atomically.
    #[arg(long, value_name = "OUT.pdf", conflicts_with = "json")]
    pdf: Option<PathBuf>,
    /// Make the PDF PDF/A-2b, for archives (the manifest's `pdf_a` also can).
    #[arg(long, requires = "pdf")]
    pdf_a: bool,
    /// Also (or only) write the Brief JSON (what `brief --brief` and the app
    /// read, to review and render again), atomically.
    #[arg(long, value_name = "BRIEF.json", conflicts_with = "json")]
    brief_json: Option<PathBuf>,
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Text, Markdown, HTML, PDF or Word files, http(s):// addresses, or `-`.
    /// Several are extracted in parallel and printed in the order given.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<String>,
    /// Print {title, author, published, site_name, url, text} as one JSON
    /// object per input (JSON Lines, with a `file` field, for several).
    #[arg(long)]
    json: bool,
    /// Read the input as this format instead of detecting it.
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
}

#[derive(Subcommand)]
enum TemplatesCommand {
    /// List the built-in and user templates.
    List,
    /// Print a template's source.
    Show { name: String },
    /// Create a user template from an existing one.
    New {
        name: String,
        #[arg(long, default_value = "bluf")]
        from: String,
    },
    /// Check a template file: syntax, undefined variables, includes, runaway loops.
    Check {
        file: String,
        #[arg(long, default_value = "en")]
        locale: String,
    },
    /// Write a template (built-in or yours) as one file to share: a .bstpl package.
    Export {
        name: String,
        /// The package to write, e.g. my-brief.bstpl.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Install the template in a .bstpl package into your templates folder.
    Import {
        file: PathBuf,
        /// Replace your template of the same name.
        #[arg(long)]
        replace: bool,
    },
}

const SETTING_KEYS: &str = "analyst, bottom_line, assessment, confidence, classification, recommendation, title, source.name, source.url, source.author, source.published, generated";

fn parse_setting(value: &str) -> Result<(String, String), String> {
    let (key, val) = value.split_once('=').ok_or_else(|| format!("'{value}' is not KEY=VALUE"))?;
    let key = key.trim();
    if !SETTING_KEYS.split(", ").any(|k| k == key) {
        return Err(format!("unknown key '{key}'; the keys are: {SETTING_KEYS}"));
    }
    if key == "confidence" && Confidence::parse(val).is_none() {
        return Err(format!("confidence must be high, moderate or low, not '{val}'"));
    }
    if key == "generated" && briefsmith::date::parse(val).is_none() {
        return Err(format!("generated must be a date as YYYY-MM-DD, not '{val}'"));
    }
    Ok((key.to_owned(), val.to_owned()))
}

#[derive(clap::Args)]
struct AnalyzeArgs {
    /// Print one JSON object per article (JSON Lines for several).
    #[arg(long)]
    json: bool,
    /// How many key points to pick.
    #[arg(long, value_name = "N", default_value_t = 5)]
    key_points: usize,
    /// The article's language as an ISO 639 code (vi, en, …), instead of detecting it.
    #[arg(long, value_name = "L", value_parser = parse_language)]
    lang: Option<String>,
    /// Read the input as this format instead of detecting it.
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
    /// Print the Brief JSON (what `brief --brief` and the app read) instead of the analysis.
    #[arg(long, conflicts_with = "json")]
    brief_json: bool,
    /// Articles: text, Markdown, HTML, PDF or Word files, http(s):// addresses;
    /// `-` reads standard input.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Plain,
    Markdown,
    Html,
    Pdf,
    Docx,
}

impl FormatArg {
    fn format(self) -> Format {
        match self {
            FormatArg::Plain => Format::Plain,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Html => Format::Html,
            FormatArg::Pdf => Format::Pdf,
            FormatArg::Docx => Format::Docx,
        }
    }
}

fn parse_citations(value: &str) -> Result<CitationStyle, String> {
    CitationStyle::parse(value)
        .ok_or_else(|| format!("'{value}' is not a citation style (none, paragraph or footnote)"))
}

fn parse_language(value: &str) -> Result<String, String> {
    language::parse_code(value).ok_or_else(|| format!("'{value}' is not an ISO 639 language code (try vi or en)"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    QUIET.store(cli.quiet, Ordering::Relaxed);
    let library = Library::new(cli.templates_dir.clone().or_else(template::user_dir));
    let result = std::panic::catch_unwind(|| match &cli.command {
        Command::Analyze(args) => analyze(args),
        Command::Brief(args) => report(brief(args, &library)),
        Command::Extract(args) => extract(args),
        Command::Digest(args) => report(digest(args, &library)),
        Command::Templates(command) => report(templates(command, &library)),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "briefsmith", &mut script);
            report(print(&script))
        }
        Command::Man => {
            let mut page = Vec::new();
            let made = clap_mangen::Man::new(Cli::command()).render(&mut page);
            report(made.map_err(|e| format!("the manual page could not be made: {e}")).and_then(|()| print(&page)))
        }
    });
    result.unwrap_or_else(|_| {
        eprintln!("briefsmith: internal error; please report it with the input attached");
        ExitCode::FAILURE
    })
}

/// Writes `bytes` to standard output; a reader that stopped early (`| head`)
/// is no error.
fn print(bytes: &[u8]) -> Result<(), String> {
    match io::stdout().lock().write_all(bytes) {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => Err(format!("could not write the output: {error}")),
        _ => Ok(()),
    }
}

fn report(result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("briefsmith: {message}");
            ExitCode::FAILURE
        }
    }
}

fn brief(args: &BriefArgs, library: &Library) -> Result<(), String> {
    let mut brief = match (&args.brief, &args.file) {
        (Some(path), _) => read_brief(path)?,
        (None, Some(file)) => {
            let analysis = analyze_one(file, args.key_points, args.lang.clone(), None)?;
            Brief::from_analysis(&analysis, BriefOptions::default())
        }
        (None, None) => return Err("give an article FILE or --brief BRIEF.json".to_owned()),
    };
    apply_settings(&mut brief, &args.settings);
    let resolved = library.resolve(&args.template).map_err(|e| e.to_string())?;
    if args.citations.is_some() || args.no_appendix {
        let mut citations = brief.citations.unwrap_or(resolved.manifest.citations);
        if let Some(style) = args.citations {
            citations.style = style;
        }
        citations.appendix &= !args.no_appendix;
        brief.citations = Some(citations);
    }
    let locale = library.pick_locale(args.locale.as_deref(), &brief.language);
    let markdown = export::markdown(library, &resolved, &brief, &locale).map_err(|e| e.to_string())?;
    // Render everything before writing anything: a failure leaves no file half-done.
    let mut outputs: Vec<(&Path, Vec<u8>, &str)> = Vec::new();
    if let Some(path) = &args.pdf {
        outputs.push((path, pdf(library, &resolved, &brief, &locale, &markdown, args.pdf_a)?, "the PDF"));
    }
    if let Some(path) = &args.docx {
        let docx = export::docx(library, &resolved, &brief, &locale, &markdown, None).map_err(|e| e.to_string())?;
        outputs.push((path, docx, "the Word document"));
    }
    if let Some(path) = &args.html {
        let html = export::html(library, &resolved, &brief, &markdown, None).map_err(|e| e.to_string())?;
        outputs.push((path, html.into_bytes(), "the HTML"));
    }
    if let Some(path) = &args.txt {
        outputs.push((path, export::text(&markdown).into_bytes(), "the text"));
    }
    finish(outputs, args.output.as_deref(), &markdown, "the brief")
}

fn read_brief(path: &Path) -> Result<Brief, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Brief::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn apply_settings(brief: &mut Brief, settings: &[(String, String)]) {
    for (key, value) in settings {
        let value = value.clone();
        match key.as_str() {
            "analyst" => brief.analyst.analyst = value,
            "bottom_line" => brief.analyst.bottom_line = value,
            "assessment" => brief.analyst.assessment = value,
            "confidence" => brief.analyst.confidence = Confidence::parse(&value),
            "classification" => brief.analyst.classification = value,
            "recommendation" => brief.analyst.recommendations.push(value),
            "title" => brief.title = value,
            "source.name" => brief.source.name = value,
            "source.url" => brief.source.url = value,
            "source.author" => brief.source.author = value,
            "source.published" => brief.source.published = value,
            "generated" => brief.generated = value,
            _ => {}
        }
    }
}

fn templates(command: &TemplatesCommand, library: &Library) -> Result<(), String> {
    match command {
        TemplatesCommand::List => {
            let mut out = String::new();
            for info in library.list().map_err(|e| e.to_string())? {
                let origin = match info.origin {
                    Origin::Builtin => "built-in",
                    Origin::User => "user",
                    Origin::UserShadowingBuiltin => "user, replaces the built-in",
                    Origin::File => "file",
                };
                out.push_str(&format!("{:<14} {:<28} {}\n", info.name, format!("({origin})"), info.description));
            }
            if let Some(dir) = library.user_folder() {
                out.push_str(&format!("\nUser templates folder: {}\n", dir.display()));
            }
            write_stdout(out.as_bytes())
        }
        TemplatesCommand::Show { name } => {
            let resolved = library.resolve(name).map_err(|e| e.to_string())?;
            write_stdout(resolved.source.as_bytes())
        }
        TemplatesCommand::New { name, from } => {
            let dir = library.create(name, from).map_err(|e| e.to_string())?;
            write_stdout(format!("created {}\n", dir.display()).as_bytes())
        }
        TemplatesCommand::Export { name, output } => {
            library.export(name, output).map_err(|e| e.to_string())?;
            write_stdout(format!("wrote {}\n", output.display()).as_bytes())
        }
        TemplatesCommand::Import { file, replace } => {
            let name = library.import(file, *replace).map_err(|e| match e {
                TemplateError::Exists(name) => format!(
                    "you already have a template named '{name}'; pass --replace to replace it with the package's"
                ),
                other => other.to_string(),
            })?;
            write_stdout(format!("installed template '{name}'\n").as_bytes())
        }
        TemplatesCommand::Check { file, locale } => {
            let resolved = library.resolve(file).map_err(|e| e.to_string())?;
            let sample = briefsmith::samples::filled_brief();
            library.check(&resolved, &sample, locale).map_err(|e| e.to_string())?;
            write_stdout(format!("{}: ok\n", resolved.name).as_bytes())
        }
    }
}

fn write_stdout(bytes: &[u8]) -> Result<(), String> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(format!("could not write the output: {e}")),
        _ => Ok(()),
    }
}

fn analyze(args: &AnalyzeArgs) -> ExitCode {
    batch::run(&args.files, |file| {
        let analysis = analyze_one(file, args.key_points, args.lang.clone(), args.format)?;
        let mut output = Vec::new();
        let written = if args.brief_json {
            let brief = Brief::from_analysis(&analysis, BriefOptions::default());
            serde_json::to_writer(&mut output, &brief).map_err(io::Error::from).and_then(|()| writeln!(output))
        } else if args.json {
            write_json(&mut output, &analysis)
        } else {
            summary::write(&mut output, &analysis)
        };
        written.map_err(|e| about(file, e))?;
        Ok(batch::Done { output, warnings: Vec::new() })
    })
}

fn analyze_one(
    file: &str,
    key_points: usize,
    lang: Option<String>,
    format: Option<FormatArg>,
) -> Result<Analysis, String> {
    let (bytes, ingest) = load(file, format)?;
    let options = briefsmith::Options { ingest, analyze: briefsmith::AnalyzeOptions { key_points, language: lang } };
    let mut analysis = briefsmith::analyze_bytes(&bytes, &options).map_err(|e| about(file, e))?;
    analysis.file = file.to_owned();
    Ok(analysis)
}

/// Reads a file, standard input or a web address, with what is known about it.
fn load(file: &str, format: Option<FormatArg>) -> Result<(Vec<u8>, IngestOptions), String> {
    let loaded = source::load(file).map_err(|e| about(file, e))?;
    let options = IngestOptions {
        file_name: (file != "-").then(|| file.to_owned()),
        format: format.map(FormatArg::format),
        url: loaded.url,
        charset: loaded.charset,
        ..IngestOptions::default()
    };
    Ok((loaded.bytes, options))
}

fn digest(args: &DigestArgs, library: &Library) -> Result<(), String> {
    let (files, repeated) = inputs::expand(&args.inputs).map_err(|(input, error)| about(&input, error))?;
    for file in repeated {
        warn(&format!("{file}: given more than once; read once"));
    }
    let too_many = |count: usize| inputs::InputError::TooMany(count).to_string();
    // Refused before anything is read: a feed may still add items, checked below.
    if files.len() > inputs::MAX_ARTICLES {
        return Err(too_many(files.len()));
    }
    let results =
        batch::collect(&files, |file| inputs::read(file, &IngestOptions::default()).map_err(|e| about(file, e)));
    let (mut articles, mut failed) = (Vec::new(), Vec::new());
    for result in results {
        match result {
            Ok(read) => {
                for warning in read.warnings {
                    warn(&warning);
                }
                articles.extend(read.articles);
            }
            Err(message) => failed.push(message),
        }
    }
    if !failed.is_empty() {
        let count = failed.len();
        return Err(format!(
            "{}\n{count} of the inputs could not be read, so no digest was made; fix or leave them out and run it again",
            failed.join("\n")
        ));
    }
    if articles.len() > inputs::MAX_ARTICLES {
        return Err(too_many(articles.len()));
    }
    inputs::unique_names(&mut articles);
    let analyses = briefsmith::digest::analyze_articles(&articles, args.key_points, args.lang.as_deref());
    let digest =
        briefsmith::digest::digest(&analyses, &briefsmith::digest::DigestOptions { key_points: args.key_points });
    if args.json {
        let mut json = serde_json::to_vec(&digest).map_err(|e| format!("could not write the digest: {e}"))?;
        json.push(b'\n');
        return match &args.output {
            Some(path) => briefsmith::atomic::write(path, &json)
                .map_err(|e| format!("{}: could not write the digest: {e}; nothing was changed there", path.display())),
            None => write_stdout(&json),
        };
    }
    let brief = Brief::from_digest(&digest, &analyses, None);
    let resolved = library.resolve(&args.template).map_err(|e| e.to_string())?;
    let locale = library.pick_locale(args.locale.as_deref(), &brief.language);
    let markdown = export::markdown(library, &resolved, &brief, &locale).map_err(|e| e.to_string())?;
    // Render everything before writing anything: a failure leaves no file half-done.
    let mut outputs: Vec<(&Path, Vec<u8>, &str)> = Vec::new();
    if let Some(path) = &args.pdf {
        outputs.push((path, pdf(library, &resolved, &brief, &locale, &markdown, args.pdf_a)?, "the PDF"));
    }
    if let Some(path) = &args.brief_json {
        let json = serde_json::to_vec_pretty(&brief).map_err(|e| format!("could not write the Brief JSON: {e}"))?;
        outputs.push((path, json, "the Brief JSON"));
    }
    finish(outputs, args.output.as_deref(), &markdown, "the digest")
}

/// The PDF of a rendered brief, its warnings on standard error.
fn pdf(
    library: &Library,
    resolved: &template::Resolved,
    brief: &Brief,
    locale: &str,
    markdown: &str,
    pdf_a: bool,
) -> Result<Vec<u8>, String> {
    let pdf = export::pdf(library, resolved, brief, locale, markdown, None, pdf_a).map_err(|e| e.to_string())?;
    for warning in &pdf.warnings {
        warn(warning);
    }
    Ok(pdf.bytes)
}

/// Writes every rendered output atomically, the Markdown to `output` or,
/// when nothing else is asked for, to standard output. Everything is
/// rendered before this: a failure leaves no file half-done.
fn finish<'a>(
    mut outputs: Vec<(&'a Path, Vec<u8>, &str)>,
    output: Option<&'a Path>,
    markdown: &str,
    what: &'static str,
) -> Result<(), String> {
    let to_stdout = output.is_none() && outputs.is_empty();
    if let Some(path) = output {
        outputs.push((path, markdown.as_bytes().to_vec(), what));
    }
    for (path, bytes, what) in outputs {
        briefsmith::atomic::write(path, &bytes)
            .map_err(|e| format!("{}: could not write {what}: {e}; nothing was changed there", path.display()))?;
    }
    if to_stdout {
        write_stdout(markdown.as_bytes())
    } else {
        Ok(())
    }
}

/// The `extract` contract: what the analysis reads, before any analysis.
#[derive(serde::Serialize)]
struct Extracted<'a> {
    /// Which input this is, when there are several.
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    title: Option<&'a str>,
    author: Option<&'a str>,
    published: Option<&'a str>,
    site_name: Option<&'a str>,
    url: Option<&'a str>,
    text: &'a str,
}

fn extract(args: &ExtractArgs) -> ExitCode {
    let several = args.files.len() > 1;
    batch::run(&args.files, |file| {
        let (bytes, options) = load(file, args.format)?;
        let article = ingest(&bytes, &options).map_err(|e| about(file, e))?;
        let warnings = article.warnings.iter().map(|w| about(file, w)).collect();
        let output = if args.json {
            let info = &article.info;
            let extracted = Extracted {
                file: several.then_some(file),
                title: article.title.as_deref(),
                author: info.author.as_deref().or(article.metadata.byline.as_deref()),
                published: info.published.as_deref().or(article.metadata.dateline.as_deref()),
                site_name: info.site_name.as_deref(),
                url: info.url.as_deref(),
                text: &article.text,
            };
            let mut json = serde_json::to_vec(&extracted).map_err(|e| about(file, e))?;
            json.push(b'\n');
            json
        } else if several {
            // head(1)'s convention: a header names each file of several.
            format!("==> {file} <==\n{}\n\n", article.text).into_bytes()
        } else {
            format!("{}\n", article.text).into_bytes()
        };
        Ok(batch::Done { output, warnings })
    })
}

/// An error message that names the input (standard input needs no name).
fn about(file: &str, error: impl std::fmt::Display) -> String {
    if file == "-" {
        error.to_string()
    } else {
        format!("{file}: {error}")
    }
}

fn write_json(out: &mut impl Write, analysis: &Analysis) -> io::Result<()> {
    serde_json::to_writer(&mut *out, analysis)?;
    writeln!(out)
}
