//! The `briefsmith` command: a thin shell over the library.

use std::io::{self, Write};
use std::process::ExitCode;

use briefsmith::analyze::{language, Analysis, EntityKind};
use briefsmith::ingest::{source, Format};
use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(name = "briefsmith", version, about = "Turn a news article into an analyst's brief.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract key points, quotes, entities and figures from articles.
    Analyze(AnalyzeArgs),
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
    /// Article files; `-` reads standard input.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Plain,
    Markdown,
}

fn parse_language(value: &str) -> Result<String, String> {
    language::parse_code(value).ok_or_else(|| format!("'{value}' is not an ISO 639 language code (try vi or en)"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Analyze(args) => analyze(&args),
    }
}

fn analyze(args: &AnalyzeArgs) -> ExitCode {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut failed = false;
    for file in &args.files {
        let result = std::panic::catch_unwind(|| analyze_one(file, args));
        let analysis = match result {
            Ok(Ok(analysis)) => analysis,
            Ok(Err(message)) => {
                eprintln!("briefsmith: {file}: {message}");
                failed = true;
                continue;
            }
            Err(_) => {
                eprintln!("briefsmith: {file}: internal error while analyzing this file; please report it with the file attached");
                failed = true;
                continue;
            }
        };
        let written = if args.json { write_json(&mut out, &analysis) } else { write_summary(&mut out, &analysis) };
        if let Err(error) = written {
            if error.kind() == io::ErrorKind::BrokenPipe {
                return ExitCode::SUCCESS;
            }
            eprintln!("briefsmith: could not write the output: {error}");
            return ExitCode::FAILURE;
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn analyze_one(file: &str, args: &AnalyzeArgs) -> Result<Analysis, String> {
    let bytes = source::read(file).map_err(|e| e.to_string())?;
    let mut options = briefsmith::Options::default();
    options.ingest.file_name = (file != "-").then(|| file.to_owned());
    options.ingest.format = args.format.map(|f| match f {
        FormatArg::Plain => Format::Plain,
        FormatArg::Markdown => Format::Markdown,
    });
    options.analyze.key_points = args.key_points;
    options.analyze.language = args.lang.clone();
    let mut analysis = briefsmith::analyze_bytes(&bytes, &options).map_err(|e| e.to_string())?;
    analysis.file = file.to_owned();
    Ok(analysis)
}

fn write_json(out: &mut impl Write, analysis: &Analysis) -> io::Result<()> {
    serde_json::to_writer(&mut *out, analysis)?;
    writeln!(out)
}

fn write_summary(out: &mut impl Write, a: &Analysis) -> io::Result<()> {
    writeln!(out, "{}  ({}, {}, {})", a.file, a.language, a.format.name(), a.encoding)?;
    if let Some(title) = &a.title {
        writeln!(out, "  Title: {title}")?;
    }
    for warning in &a.warnings {
        writeln!(out, "  Warning: {warning}")?;
    }
    writeln!(out, "\n  Key points")?;
    for (i, k) in a.key_points.iter().enumerate() {
        writeln!(out, "    {}. {}  [{:.2}; {}]", i + 1, k.text, k.score, k.reasons.join(", "))?;
    }
    if !a.quotes.is_empty() {
        writeln!(out, "\n  Quotes")?;
        for q in &a.quotes {
            let speaker = q.speaker.as_deref().unwrap_or("no speaker");
            writeln!(out, "    - “{}” — {} ({})", q.text, speaker, serde_plain(&q.kind))?;
        }
    }
    if !a.entities.is_empty() {
        writeln!(out, "\n  Entities")?;
        for kind in [EntityKind::Person, EntityKind::Organization, EntityKind::Location, EntityKind::Other] {
            let names: Vec<String> =
                a.entities
                    .iter()
                    .filter(|e| e.kind == kind)
                    .map(|e| {
                        if e.mentions.len() > 1 {
                            format!("{} ×{}", e.text, e.mentions.len())
                        } else {
                            e.text.clone()
                        }
                    })
                    .collect();
            if !names.is_empty() {
                writeln!(out, "    {}: {}", serde_plain(&kind), names.join("; "))?;
            }
        }
    }
    if !a.figures.is_empty() {
        writeln!(out, "\n  Figures")?;
        for f in &a.figures {
            writeln!(out, "    - {}  …{}…", f.text, f.context)?;
        }
    }
    if !a.removed.is_empty() {
        writeln!(out, "\n  Removed lines")?;
        for r in &a.removed {
            writeln!(out, "    - {}  ({})", r.text, r.reason.describe())?;
        }
    }
    writeln!(out)
}

/// The serde name of a unit enum value ("direct", "person").
fn serde_plain<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}
