//! The human-readable form of an analysis, `briefsmith analyze` without --json.

use std::io::{self, Write};

use briefsmith::analyze::{Analysis, EntityKind};
use briefsmith::digest::Digest;

pub fn write(out: &mut impl Write, a: &Analysis) -> io::Result<()> {
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

/// The human-readable form of a digest, `briefsmith digest` without --json:
/// each story with its articles, key points (and where else each is
/// reported), direct quotes and disagreeing figures.
pub fn write_digest(out: &mut impl Write, digest: &Digest) -> io::Result<()> {
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    writeln!(out, "{} stories from {} articles", digest.stories.len(), digest.sources.len())?;
    for (i, story) in digest.stories.iter().enumerate() {
        let n = story.files.len();
        writeln!(out, "\n{}. {}  ({n} article{})", i + 1, story.title, plural(n))?;
        for file in &story.files {
            writeln!(out, "     {file}")?;
        }
        writeln!(out, "\n   Key points")?;
        for k in &story.key_points {
            let also: Vec<&str> = k.also_in.iter().map(|p| p.file.as_str()).collect();
            let also = if also.is_empty() { String::new() } else { format!("; also in {}", also.join(", ")) };
            writeln!(out, "   - {}  [{}{also}]", k.text, k.file)?;
        }
        let direct: Vec<_> = story.quotes.iter().filter(|q| q.kind == briefsmith::analyze::QuoteKind::Direct).collect();
        if !direct.is_empty() {
            writeln!(out, "\n   Quotes")?;
            for q in direct {
                let speaker = q.speaker.as_deref().unwrap_or("no speaker");
                writeln!(out, "   - “{}” — {speaker}  [{}]", q.text, q.file)?;
            }
        }
        if !story.disagreements.is_empty() {
            writeln!(out, "\n   Figures that disagree")?;
            for d in &story.disagreements {
                let figures: Vec<String> = d.figures.iter().map(|f| format!("{} [{}]", f.text, f.file)).collect();
                writeln!(out, "   - {}: {}", d.about, figures.join(" vs "))?;
            }
        }
    }
    writeln!(out)
}

/// The serde name of a unit enum value ("direct", "person").
fn serde_plain<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}
