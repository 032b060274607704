//! The human-readable form of an analysis, `briefsmith analyze` without --json.

use std::io::{self, Write};

use briefsmith::analyze::{Analysis, EntityKind};

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

/// The serde name of a unit enum value ("direct", "person").
fn serde_plain<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}
