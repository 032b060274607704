//! Helpers shared by the integration tests: where the corpus is, how to run
//! the CLI, and the check that every offset in an analysis reads back exactly.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output};

/// The shared corpus: `$BRIEFSMITH_CORPUS`, else `../shared/corpus` beside the
/// repository, where CI puts it.
pub fn corpus() -> PathBuf {
    let dir = std::env::var_os("BRIEFSMITH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    assert!(
        dir.join("vi-nato-ai/article.txt").is_file(),
        "the corpus is not at {}; set BRIEFSMITH_CORPUS to the shared/corpus folder",
        dir.display()
    );
    dir
}

pub fn seed_path() -> PathBuf {
    corpus().join("vi-nato-ai/article.txt")
}

pub fn seed_gold() -> serde_json::Value {
    let text = std::fs::read_to_string(corpus().join("vi-nato-ai/gold.json")).expect("seed gold.json");
    serde_json::from_str(&text).expect("gold.json is JSON")
}

/// Every file of a corpus set but its README and gold, sorted.
pub fn corpus_files(set: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus().join(set))
        .expect("corpus set")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            !name.ends_with(".md") && !name.starts_with("gold")
        })
        .collect();
    files.sort();
    files
}

/// The gold records of a set, one JSON object per line.
pub fn gold_lines(set: &str) -> Vec<serde_json::Value> {
    std::fs::read_to_string(corpus().join(set).join("gold.jsonl"))
        .expect("gold.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).expect("gold line is JSON"))
        .collect()
}

pub fn briefsmith(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefsmith")).args(args).output().expect("the briefsmith binary runs")
}

/// Runs `briefsmith analyze --json` and parses each output line.
pub fn analyze_json(args: &[&str]) -> Vec<serde_json::Value> {
    let mut all = vec!["analyze", "--json"];
    all.extend_from_slice(args);
    let output = briefsmith(&all);
    assert!(output.status.success(), "briefsmith failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout)
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

/// Checks the JSON contract of one analysis: the fields exist with the right
/// types, and every item's offsets read back its text exactly.
pub fn assert_contract(a: &serde_json::Value) {
    let file = a["file"].as_str().expect("file");
    let text = a["text"].as_str().unwrap_or_else(|| panic!("{file}: text"));
    let chars: Vec<char> = text.chars().collect();
    assert!(a["language"].is_string(), "{file}: language");
    assert!(a["title"].is_string() || a["title"].is_null(), "{file}: title");
    let check = |item: &serde_json::Value, what: &str| {
        let start = item["start"].as_u64().unwrap_or_else(|| panic!("{file}: {what} start"));
        let end = item["end"].as_u64().unwrap_or_else(|| panic!("{file}: {what} end"));
        let got: Option<String> = chars.get(start as usize..end as usize).map(|s| s.iter().collect());
        assert_eq!(got.as_deref(), item["text"].as_str(), "{file}: {what} offsets {start}..{end}");
    };
    let mut previous_score = f64::INFINITY;
    for k in a["key_points"].as_array().expect("key_points") {
        check(k, "key point");
        let score = k["score"].as_f64().expect("key point score");
        assert!(score <= previous_score, "{file}: key points best first");
        previous_score = score;
    }
    // A key point never cuts someone's words in two (within a paragraph).
    for k in a["key_points"].as_array().expect("key_points") {
        let (ks, ke) = (k["start"].as_u64().unwrap(), k["end"].as_u64().unwrap());
        for q in a["quotes"].as_array().expect("quotes") {
            let (qs, qe) = (q["start"].as_u64().unwrap(), q["end"].as_u64().unwrap());
            let within_paragraph = !q["text"].as_str().unwrap_or("").contains('\n');
            if q["kind"] == "direct" && within_paragraph && ks < qe && ke > qs {
                assert!(ks <= qs && ke >= qe, "{file}: key point {ks}..{ke} cuts direct quote {qs}..{qe}");
            }
        }
    }
    for q in a["quotes"].as_array().expect("quotes") {
        check(q, "quote");
        assert!(matches!(q["kind"].as_str(), Some("direct" | "partial" | "reported")), "{file}: quote kind");
        assert!(q["kind"] != "reported" || q["speaker"].is_string(), "{file}: a reported statement has a speaker");
        assert!(q["speaker"].is_string() || q["speaker"].is_null(), "{file}: speaker");
    }
    for e in a["entities"].as_array().expect("entities") {
        assert!(e["text"].is_string(), "{file}: entity text");
        assert!(
            matches!(e["kind"].as_str(), Some("person" | "organization" | "location" | "other")),
            "{file}: entity kind"
        );
        for m in e["mentions"].as_array().expect("mentions") {
            check(m, "entity mention");
        }
    }
    for f in a["figures"].as_array().expect("figures") {
        check(f, "figure");
        assert!(
            f["context"].as_str().is_some_and(|c| c.contains(f["text"].as_str().unwrap_or("\u{0}"))),
            "{file}: figure context"
        );
    }
    for r in a["removed"].as_array().expect("removed") {
        assert!(r["text"].is_string() && r["reason"].is_string(), "{file}: removed line");
    }
}

/// Encodes Vietnamese the way Windows-1258 files store it: letters with
/// circumflex, breve or horn precomposed, tone marks as combining characters.
pub fn to_windows_1258(text: &str) -> Vec<u8> {
    let decomposed: Vec<char> = unicode_normalization::UnicodeNormalization::nfd(text).collect();
    let mut legacy = String::new();
    let mut i = 0;
    while i < decomposed.len() {
        let mut letter = decomposed[i].to_string();
        let mut tones = String::new();
        i += 1;
        while i < decomposed.len() && ('\u{300}'..='\u{36F}').contains(&decomposed[i]) {
            match decomposed[i] {
                '\u{302}' | '\u{306}' | '\u{31B}' => letter.push(decomposed[i]),
                tone => tones.push(tone),
            }
            i += 1;
        }
        legacy.extend(unicode_normalization::UnicodeNormalization::nfc(letter.chars()));
        legacy.push_str(&tones);
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&legacy);
    assert!(!unmappable, "the fixture is representable in Windows-1258");
    bytes.into_owned()
}

/// How a run of the CLI ended and the most memory it held.
pub struct Measured {
    pub code: Option<i32>,
    pub stderr: String,
    /// Peak resident memory of the child, in KiB.
    pub peak_kib: i64,
}

/// Runs the CLI and measures its peak memory. GNU time forks it from its own
/// small process: a child spawned from the test process directly would be
/// charged the test process's own peak, which Linux carries across exec.
#[cfg(unix)]
pub fn measured(args: &[&str]) -> Measured {
    let report = tempfile::NamedTempFile::new().expect("a temporary file for the peak");
    let output = Command::new("/usr/bin/time")
        .args(["--format", "%M", "--output"])
        .arg(report.path())
        .arg(env!("CARGO_BIN_EXE_briefsmith"))
        .args(args)
        .stdout(std::process::Stdio::null())
        .output()
        .expect("GNU time runs (scripts/setup.sh installs it)");
    let report = std::fs::read_to_string(report.path()).expect("GNU time's report");
    // On a failure GNU time writes "Command exited with non-zero status N" first.
    let peak_kib = report.lines().last().and_then(|l| l.trim().parse().ok()).expect("a peak in KiB");
    Measured { code: output.status.code(), stderr: String::from_utf8_lossy(&output.stderr).into_owned(), peak_kib }
}

/// Converts Word files to PDF with LibreOffice in one run, with a profile of
/// its own so parallel tests do not share one, and returns each PDF's text.
pub fn libreoffice_text(files: &[(String, Vec<u8>)]) -> std::collections::BTreeMap<String, String> {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("profile");
    let out = dir.path().join("pdf");
    let mut command = std::process::Command::new("soffice");
    command
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--norestore", "--convert-to", "pdf", "--outdir"])
        .arg(&out);
    for (name, bytes) in files {
        let path = dir.path().join(format!("{name}.docx"));
        std::fs::write(&path, bytes).unwrap();
        command.arg(&path);
    }
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("soffice is missing ({e}); scripts/setup.sh installs libreoffice-writer-nogui"));
    assert!(output.status.success(), "soffice failed: {}", String::from_utf8_lossy(&output.stderr));
    files
        .iter()
        .map(|(name, _)| {
            let pdf = out.join(format!("{name}.pdf"));
            assert!(
                pdf.is_file(),
                "LibreOffice could not open {name}.docx: {}",
                String::from_utf8_lossy(&output.stdout)
            );
            (name.clone(), pdftotext(&pdf))
        })
        .collect()
}

pub fn pdftotext(pdf: &std::path::Path) -> String {
    let output = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (scripts/setup.sh installs poppler-utils)");
    assert!(output.status.success(), "pdftotext: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// The seed article's brief as the PDF and Word tests render it: a fixed
/// date, the analyst Lê Minh and the marking NỘI BỘ.
pub fn seed_brief() -> briefsmith::brief::Brief {
    use briefsmith::brief::{Brief, BriefOptions};
    let bytes = std::fs::read(seed_path()).unwrap();
    let analysis = briefsmith::analyze_bytes(&bytes, &briefsmith::Options::default()).unwrap();
    let mut brief =
        Brief::from_analysis(&analysis, BriefOptions { generated: Some("2026-11-28".into()), ..Default::default() });
    brief.analyst.analyst = "Lê Minh".into();
    brief.analyst.classification = "NỘI BỘ".into();
    brief
}

/// Opens a PDF in pdf.js (Firefox's viewer engine) and returns what it read
/// (`tools/pdfjs/check.mjs`: pages, outline, text, structure); any warning
/// it raises fails the test.
pub fn read_in_pdfjs(pdf: &[u8]) -> serde_json::Value {
    let tool = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/pdfjs");
    assert!(tool.join("node_modules/pdfjs-dist").is_dir(), "pdf.js is not installed: run scripts/setup.sh");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brief.pdf");
    std::fs::write(&path, pdf).unwrap();
    let output = Command::new("node").arg(tool.join("check.mjs")).arg(&path).output().expect("node runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success() && stderr.trim().is_empty(), "pdf.js complained: {stderr}");
    serde_json::from_slice(&output.stdout).unwrap()
}

/// `brief` rendered with built-in `template` in Vietnamese, as Markdown and
/// as the PDF the CLI would write (the template's page, the brief's title,
/// analyst and marking, the locale's page labels).
pub fn seed_pdf_of(brief: &briefsmith::brief::Brief, template: &str) -> (String, briefsmith::render::pdf::Pdf) {
    use briefsmith::render::pdf::{render, PdfOptions};
    let library = briefsmith::template::Library::new(None);
    let resolved = library.resolve(template).unwrap();
    let markdown = library.render(&resolved, brief, "vi").unwrap();
    let (labels, _) = library.labels("vi", &resolved.manifest).unwrap();
    let document = briefsmith::render::DocumentInfo {
        page: resolved.manifest.pdf.clone(),
        title: brief.title.clone(),
        author: brief.analyst.analyst.clone(),
        classification: brief.analyst.classification.clone(),
        page_label: labels["page"].clone(),
        of_label: labels["of"].clone(),
        language: "vi".into(),
        ..Default::default()
    };
    let pdf = render(&markdown, &PdfOptions { document, ..Default::default() }).unwrap();
    (markdown, pdf)
}
