//! The exported HTML brief in a real browser engine (Chromium's headless
//! shell, installed by scripts/setup.sh): it opens with no console message,
//! no request leaves the file, and the screenshot shows a page. The
//! screenshots stay in `target/tmp/screenshots/` to look at.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use briefsmith::brief::{Brief, BriefOptions, CitationStyle, Citations};
use briefsmith::export;
use briefsmith::template::Library;

const BROWSER: &str = "chromium-headless-shell";

/// What the browser reported opening `page`: its console lines and every
/// address it asked for.
struct Opened {
    console: Vec<String>,
    requests: Vec<String>,
    screenshot: PathBuf,
}

fn open(page: &Path, screenshot: &Path) -> Opened {
    let dir = tempfile::tempdir().unwrap();
    let net_log = dir.path().join("net.json");
    let output = Command::new(BROWSER)
        .args(["--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0", "--hide-scrollbars"])
        .arg(format!("--user-data-dir={}", dir.path().join("profile").display()))
        .arg(format!("--log-net-log={}", net_log.display()))
        .arg(format!("--screenshot={}", screenshot.display()))
        .arg("--window-size=900,1400")
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap_or_else(|e| panic!("{BROWSER} did not run ({e}); scripts/setup.sh installs it"));
    assert!(output.status.success(), "{BROWSER} failed: {}", String::from_utf8_lossy(&output.stderr));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let console = stderr.lines().filter(|l| l.contains(":CONSOLE")).map(str::to_owned).collect();
    let log: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&net_log).unwrap()).unwrap();
    let mut requests: Vec<String> = log["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["params"]["url"].as_str().map(str::to_owned))
        .collect();
    requests.sort();
    requests.dedup();
    Opened { console, requests, screenshot: screenshot.to_owned() }
}

/// How much the screenshot varies, 0 for a blank page (ImageMagick).
fn ink(png: &Path) -> f64 {
    let out = Command::new("convert")
        .arg(png)
        .args(["-colorspace", "gray", "-format", "%[fx:standard_deviation]", "info:"])
        .output()
        .expect("ImageMagick's convert runs");
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
}

fn screenshots() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_exported_brief_opens_cleanly_and_loads_nothing() {
    let library = Library::new(None);
    let path = common::seed_path();
    let analysis = briefsmith::analyze_bytes(&std::fs::read(&path).unwrap(), &briefsmith::Options::default()).unwrap();
    let mut brief = Brief::from_analysis(&analysis, BriefOptions::default());
    brief.analyst.classification = "NỘI BỘ".into();
    brief.source.url = "https://example.org/tin/nato-ai".into();
    brief.citations = Some(Citations { style: CitationStyle::Paragraph, appendix: true });
    let dir = tempfile::tempdir().unwrap();
    for (template, locale) in [("bluf", "vi"), ("sitrep", "en"), ("quote-sheet", "vi")] {
        let resolved = library.resolve(template).unwrap();
        let markdown = export::markdown(&library, &resolved, &brief, locale).unwrap();
        let page = dir.path().join(format!("{template}-{locale}.html"));
        std::fs::write(&page, export::html(&library, &resolved, &brief, &markdown, None).unwrap()).unwrap();
        let opened = open(&page, &screenshots().join(format!("html-{template}-{locale}.png")));
        assert!(opened.console.is_empty(), "{template}: console says {:#?}", opened.console);
        let leaving: Vec<_> = opened.requests.iter().filter(|u| !u.starts_with("file://")).collect();
        assert!(leaving.is_empty(), "{template}: requests left the file: {leaving:?}");
        let ink = ink(&opened.screenshot);
        assert!(ink > 0.05, "{template}: the screenshot is nearly blank (deviation {ink})");
    }
}

#[test]
fn the_browser_check_sees_a_blocked_load_and_a_request() {
    let dir = tempfile::tempdir().unwrap();
    let blocked = dir.path().join("blocked.html");
    std::fs::write(
        &blocked,
        "<!DOCTYPE html><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">\
         <p>x</p><img src=\"https://example.org/a.png\">",
    )
    .unwrap();
    let opened = open(&blocked, &dir.path().join("blocked.png"));
    assert!(opened.console.iter().any(|l| l.contains("Content Security Policy")), "{:?}", opened.console);

    let open_page = dir.path().join("open.html");
    std::fs::write(&open_page, "<!DOCTYPE html><p>x</p><img src=\"http://127.0.0.1:9/a.png\">").unwrap();
    let opened = open(&open_page, &dir.path().join("open.png"));
    assert!(opened.requests.iter().any(|u| u.starts_with("http://127.0.0.1:9/")), "{:?}", opened.requests);
}

#[test]
fn a_template_logo_shows_inline_and_loads_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::new(Some(dir.path().join("templates")));
    let folder = library.create("office", "bluf").unwrap();
    std::fs::write(
        folder.join("logo.svg"),
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="240" height="60"><rect width="60" height="60" rx="10" fill="#1f3f78"/><rect x="72" y="14" width="160" height="12" fill="#1f3f78"/></svg>"##,
    )
    .unwrap();
    let manifest = folder.join("manifest.toml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(&manifest, format!("logo = \"logo.svg\"\nlogo_alt = \"Sở Thông tin Lạc Giang\"\n{text}")).unwrap();
    let office = library.resolve("office").unwrap();
    let brief = briefsmith::samples::filled_brief();
    let markdown = export::markdown(&library, &office, &brief, "vi").unwrap();
    let page = dir.path().join("office.html");
    std::fs::write(&page, export::html(&library, &office, &brief, &markdown, None).unwrap()).unwrap();
    let opened = open(&page, &screenshots().join("html-logo.png"));
    assert!(opened.console.is_empty(), "console says {:#?}", opened.console);
    let leaving: Vec<_> =
        opened.requests.iter().filter(|u| !u.starts_with("file://") && !u.starts_with("data:")).collect();
    assert!(leaving.is_empty(), "requests left the file: {leaving:?}");
    // The logo's dark blue is on the page, right of the text column's middle.
    let out = Command::new("convert")
        .arg(&opened.screenshot)
        .args(["-crop", "450x200+450+0", "-fill", "white", "+opaque", "#1f3f78", "-format", "%[fx:mean]", "info:"])
        .output()
        .unwrap();
    let white: f64 = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
    assert!(white < 0.99, "the logo's colour is in the top right of the page ({white})");
}
