//! The app's commands through tauri's mock runtime: real IPC, no display.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindow;

struct App {
    app: tauri::App<MockRuntime>,
    webview: WebviewWindow<MockRuntime>,
    dir: tempfile::TempDir,
}

impl App {
    fn new() -> App {
        let dir = tempfile::tempdir().expect("temp dir");
        let state = briefsmith_desktop::state_in(dir.path().join("templates"), dir.path().join("data"));
        let app = briefsmith_desktop::builder(mock_builder(), state)
            .build(mock_context(noop_assets()))
            .expect("mock app builds");
        let webview =
            tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("mock webview builds");
        App { app, webview, dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn call(&self, cmd: &str, body: Value) -> Result<Value, Value> {
        get_ipc_response(
            &self.webview,
            InvokeRequest {
                cmd: cmd.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: "tauri://localhost".parse().expect("valid url"),
                body: InvokeBody::Json(body),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|r| r.deserialize::<Value>().expect("JSON response"))
    }

    fn ok(&self, cmd: &str, body: Value) -> Value {
        self.call(cmd, body).unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }

    fn fails(&self, cmd: &str, body: Value) -> Value {
        match self.call(cmd, body) {
            Ok(v) => panic!("{cmd} should fail, returned {v}"),
            Err(e) => e,
        }
    }

    /// The seed article, opened as a file and analyzed.
    fn seed_brief(&self) -> Value {
        let article = self.ok("read_article", json!({ "path": seed_path() }));
        let input = json!({ "text": article["text"], "file_name": article["file_name"], "key_points": 5 });
        self.ok("new_brief", json!({ "input": input, "analyst": "Trần Thu" }))
    }
}

fn seed_path() -> String {
    let corpus = std::env::var("BRIEFSMITH_CORPUS")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus").to_owned());
    format!("{corpus}/vi-nato-ai/article.txt")
}

fn message(failure: &Value) -> &str {
    failure["message"].as_str().unwrap_or_default()
}

#[test]
fn startup_lists_templates_and_has_no_draft_yet() {
    let app = App::new();
    let startup = app.ok("startup", json!({}));
    assert_eq!(startup["draft"], Value::Null);
    assert_eq!(startup["settings"]["template"], "bluf");
    let names: Vec<&str> =
        startup["templates"]["templates"].as_array().unwrap().iter().filter_map(|t| t["name"].as_str()).collect();
    for name in ["bluf", "one-pager", "quote-sheet", "sitrep"] {
        assert!(names.contains(&name), "{name} missing from {names:?}");
    }
    let locales = startup["templates"]["locales"].as_array().unwrap();
    assert!(locales.contains(&json!("vi")) && locales.contains(&json!("en")));
}

#[test]
fn the_seed_article_becomes_a_brief_with_stoltenberg_quotes() {
    let app = App::new();
    let brief = app.seed_brief();
    assert_eq!(brief["language"], "vi");
    assert_eq!(brief["analyst"]["analyst"], "Trần Thu");
    assert_eq!(brief["source"]["name"], "", "a file's name is not an outlet");
    assert_eq!(brief["key_points"].as_array().unwrap().len(), 5);
    let direct: Vec<&Value> = brief["quotes"].as_array().unwrap().iter().filter(|q| q["kind"] == "direct").collect();
    assert_eq!(direct.len(), 3);
    assert!(direct.iter().all(|q| q["speaker"] == "Jens Stoltenberg"), "{direct:?}");
    assert!(brief["input"]["text"].as_str().unwrap().len() > brief["article"].as_str().unwrap().len());
}

#[test]
fn article_files_are_checked() {
    let app = App::new();
    let failure = app.fails("read_article", json!({ "path": "/nonexistent/a.txt" }));
    assert!(message(&failure).contains("no such file"), "{failure}");
    std::fs::write(app.path("a.exe"), "x").unwrap();
    let failure = app.fails("read_article", json!({ "path": app.path("a.exe") }));
    assert!(message(&failure).contains(".txt, .md, .html, .pdf or .docx"), "{failure}");
    let input = json!({ "text": "   ", "key_points": 5 });
    let failure = app.fails("new_brief", json!({ "input": input, "analyst": "" }));
    assert!(message(&failure).contains("empty"), "{failure}");
    let input = json!({ "text": "Một câu.", "key_points": 100000 });
    let failure = app.fails("new_brief", json!({ "input": input, "analyst": "" }));
    assert!(message(&failure).contains("key points"), "{failure}");
}

#[test]
fn a_saved_web_page_opens_as_its_article_with_its_source() {
    let app = App::new();
    let page = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/harbour-page.html");
    let article = app.ok("read_article", json!({ "path": page }));
    let text = article["text"].as_str().unwrap();
    assert!(text.starts_with("The Port of Calderra will open"), "the article, not the markup: {text}");
    assert!(!text.contains("<p>") && !text.contains("Most read"));
    assert_eq!(article["info"]["site_name"], "The Meridian Ledger");
    let input = json!({ "text": text, "file_name": article["file_name"], "key_points": 5, "info": article["info"] });
    let brief = app.ok("new_brief", json!({ "input": input, "analyst": "" }));
    assert_eq!(brief["title"], "Port of Calderra opens night shipping lane");
    assert_eq!(brief["source"]["name"], "The Meridian Ledger");
    assert_eq!(brief["source"]["author"], "Ilse Marwood");
    assert_eq!(brief["source"]["published"], "2026-05-14");
    assert_eq!(brief["source"]["url"], "https://ledger.example/2026/05/port-of-calderra-night-lane");
    let speakers: Vec<&str> =
        brief["quotes"].as_array().unwrap().iter().filter_map(|q| q["speaker"].as_str()).collect();
    assert!(speakers.contains(&"Teodor Vance"), "{speakers:?}");
    // Analyzed again (another number of key points), the page's source stays.
    let mut again = brief["input"].clone();
    again["key_points"] = json!(3);
    let brief = app.ok("reanalyze", json!({ "brief": brief, "input": again }));
    assert_eq!(brief["key_points"].as_array().unwrap().len(), 3);
    assert_eq!(brief["source"]["name"], "The Meridian Ledger");

    std::fs::write(app.path("scan.pdf"), b"%PDF-1.7\nnot really").unwrap();
    let failure = app.fails("read_article", json!({ "path": app.path("scan.pdf") }));
    assert!(message(&failure).starts_with("scan.pdf: this PDF could not be read"), "{failure}");
}

#[test]
fn restoring_a_removed_line_keeps_the_review() {
    let app = App::new();
    let mut brief = app.seed_brief();
    brief["analyst"]["bottom_line"] = json!("NATO cần chuẩn chung.");
    brief["key_points"][0]["included"] = json!(false);
    let caption = brief["removed"][0]["text"].clone();
    let mut input = brief["input"].clone();
    input["restored"] = json!([caption]);
    let again = app.ok("reanalyze", json!({ "brief": brief, "input": input }));
    assert!(again["article"].as_str().unwrap().contains(caption.as_str().unwrap()));
    assert_eq!(again["analyst"]["bottom_line"], "NATO cần chuẩn chung.");
    assert_eq!(again["key_points"][0]["included"], false);
}

#[test]
fn preview_follows_edits_and_places_template_errors() {
    let app = App::new();
    let mut brief = app.seed_brief();
    brief["quotes"][0]["edited"] = json!("Câu trích đã sửa.");
    brief["key_points"][1]["included"] = json!(false);
    let excluded = brief["key_points"][1]["text"].as_str().unwrap().to_owned();
    let preview = app.ok("preview", json!({ "brief": brief, "template": "bluf", "locale": "", "source": null }));
    assert_eq!(preview["locale"], "vi");
    let html = preview["html"].as_str().unwrap();
    assert!(html.contains("Câu trích đã sửa."), "{html}");
    assert!(!preview["markdown"].as_str().unwrap().contains(&excluded));
    assert!(html.contains("<h1>") && !html.contains("<script"));

    let source = "# {{ title }}\n\n{% for k in key_points %}\n- {{ k.text }\n{% endfor %}\n";
    let failure = app.fails("preview", json!({ "brief": brief, "template": "bluf", "locale": "en", "source": source }));
    assert_eq!(failure["line"], 4, "{failure}");
    assert!(failure["column"].as_u64().is_some(), "{failure}");
}

#[test]
fn export_writes_markdown_and_pdf_and_never_half_a_file() {
    let app = App::new();
    let mut brief = app.seed_brief();
    brief["analyst"]["bottom_line"] = json!("Điểm mấu chốt của chuyên viên.");
    let md = app.path("brief.md");
    let done = app.ok(
        "export",
        json!({ "brief": brief, "template": "bluf", "locale": "", "format": "markdown", "path": md, "pageSize": "" }),
    );
    assert_eq!(done["path"], md.display().to_string());
    assert!(std::fs::read_to_string(&md).unwrap().contains("Điểm mấu chốt của chuyên viên."));

    let pdf = app.path("brief.pdf");
    let done = app.ok(
        "export",
        json!({ "brief": brief, "template": "sitrep", "locale": "en", "format": "pdf", "path": pdf, "pageSize": "Letter" }),
    );
    assert!(done["pages"].as_u64().unwrap() >= 1);
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let info = std::process::Command::new("pdfinfo").arg(&pdf).output().expect("pdfinfo (poppler-utils) runs");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("612 x 792 pts (letter)"), "the page size setting wins: {info}");
    assert!(info.contains("Tagged:          yes"), "{info}");
    // "PDF/A (archive)" in the Export as… list: the same PDF with PDF/A-2b's metadata.
    let archive = app.path("archive.pdf");
    let body =
        json!({ "brief": brief, "template": "bluf", "locale": "", "format": "pdf_a", "path": archive, "pageSize": "" });
    app.ok("export", body);
    let bytes = std::fs::read(&archive).unwrap();
    assert!(bytes.windows(22).any(|w| w == b"<pdfaid:part>2</pdfaid"), "XMP names PDF/A-2");
    assert!(bytes.windows(35).any(|w| w == b"<pdfaid:conformance>B</pdfaid:confo"), "level B");

    for (path, format, expected) in [
        (app.path("brief.txt"), "pdf", "must end in .pdf"),
        (app.path("missing/brief.pdf"), "pdf", "folder does not exist"),
        (app.path("brief.md"), "odt", "choose Markdown, PDF, Word, HTML or text"),
        (app.path("brief.md"), "html", "must end in .html"),
    ] {
        let body =
            json!({ "brief": brief, "template": "bluf", "locale": "", "format": format, "path": path, "pageSize": "" });
        assert!(message(&app.fails("export", body)).contains(expected));
    }
    // HTML and text carry the paragraph citations the brief asks for.
    brief["citations"] = json!({ "style": "paragraph", "appendix": true });
    for (format, extension) in [("html", "html"), ("text", "txt")] {
        let path = app.path(&format!("brief.{extension}"));
        let body =
            json!({ "brief": brief, "template": "bluf", "locale": "", "format": format, "path": path, "pageSize": "" });
        app.ok("export", body);
        let written = std::fs::read_to_string(&path).unwrap();
        assert!(written.contains("Điểm mấu chốt của chuyên viên."), "{format}: {written}");
        assert!(written.contains("¶2"), "{format}: no citation: {written}");
    }
    assert!(std::fs::read_to_string(app.path("brief.html")).unwrap().starts_with("<!DOCTYPE html>"));
    // The page size chosen for the export prints the HTML on that page too.
    let letter = app.path("letter.html");
    let body = json!({ "brief": brief, "template": "bluf", "locale": "", "format": "html", "path": letter, "pageSize": "Letter" });
    app.ok("export", body);
    let printed = std::fs::read_to_string(&letter).unwrap();
    assert!(printed.contains("@page { size: 8.5in 11in;"), "{printed}");
    let docx = app.path("brief.docx");
    let body =
        json!({ "brief": brief, "template": "bluf", "locale": "", "format": "docx", "path": docx, "pageSize": "" });
    app.ok("export", body);
    assert!(std::fs::read(&docx).unwrap().starts_with(b"PK"), "a Word file is a zip package");
    // A template that fails leaves the earlier export as it was.
    let before = std::fs::read(&md).unwrap();
    let body = json!({ "brief": brief, "template": "no-such", "locale": "", "format": "markdown", "path": md, "pageSize": "" });
    assert!(message(&app.fails("export", body)).contains("no template named"));
    assert_eq!(std::fs::read(&md).unwrap(), before);
}

#[test]
fn templates_are_copied_edited_and_never_saved_broken() {
    let app = App::new();
    let failure = app.fails("save_template", json!({ "name": "bluf", "source": "# x\n", "locale": "en" }));
    assert!(message(&failure).contains("built-in"), "{failure}");

    let created = app.ok("create_template", json!({ "name": "my-bluf", "from": "bluf" }));
    assert_eq!(created["editable"], true);
    let file = Path::new(created["folder"].as_str().unwrap()).join("brief.md.j2");
    let original = std::fs::read_to_string(&file).unwrap();

    let broken = "# {{ title }\n";
    let failure = app.fails("save_template", json!({ "name": "my-bluf", "source": broken, "locale": "en" }));
    assert_eq!(failure["line"], 1, "{failure}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), original, "a broken template is not saved");

    let edited = "# {{ title }}\n\nBản của tôi.\n";
    app.ok("save_template", json!({ "name": "my-bluf", "source": edited, "locale": "en" }));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), edited);
    let listed = app.ok("templates", json!({}));
    assert!(listed["templates"].as_array().unwrap().iter().any(|t| t["name"] == "my-bluf" && t["origin"] == "user"));
    let brief = app.seed_brief();
    let preview = app.ok("preview", json!({ "brief": brief, "template": "my-bluf", "locale": "", "source": null }));
    assert!(preview["html"].as_str().unwrap().contains("Bản của tôi."));
}

#[test]
fn a_design_previews_before_it_is_saved_and_is_never_saved_over_hand_written_jinja() {
    let app = App::new();
    let view = app.ok("template_design", json!({ "name": "bluf", "locale": "", "language": "vi" }));
    assert_eq!(
        (view["built_in"].clone(), view["read_only"].clone(), view["locale"].clone()),
        (json!(true), json!(null), json!("vi"))
    );
    assert_eq!(view["manifest"]["design"]["sections"].as_array().unwrap().len(), 12, "every kind of section");
    assert!(view["kinds"]
        .as_array()
        .unwrap()
        .iter()
        .any(|k| k["kind"] == "key_points" && k["default_heading"] == "key_findings"));
    let digest = app.ok("template_design", json!({ "name": "digest", "locale": "en", "language": "vi" }));
    assert_eq!(digest["manifest"]["design"]["scope"], "stories", "{digest}");
    assert!(digest["kinds"].as_array().unwrap().iter().any(|k| k["kind"] == "stories"));

    // Unticking the key points shows in the preview before anything is saved.
    let mut manifest = view["manifest"].clone();
    for section in manifest["design"]["sections"].as_array_mut().unwrap() {
        if section["kind"] == "key_points" {
            section["shown"] = json!(false);
        }
    }
    let brief = app.seed_brief();
    let preview = app.ok(
        "preview",
        json!({ "brief": brief, "template": "bluf", "locale": "vi", "source": null, "design": manifest }),
    );
    assert!(!preview["markdown"].as_str().unwrap().contains("## Phát hiện chính"), "{}", preview["markdown"]);
    let saved = app.ok("preview", json!({ "brief": brief, "template": "bluf", "locale": "vi", "source": null }));
    assert!(saved["markdown"].as_str().unwrap().contains("## Phát hiện chính"));

    // Saved into a copy; a template edited by hand is refused, its file untouched.
    app.ok("create_template", json!({ "name": "office", "from": "bluf" }));
    app.ok("save_design", json!({ "name": "office", "manifest": manifest }));
    let office = app.ok("preview", json!({ "brief": brief, "template": "office", "locale": "vi", "source": null }));
    assert!(!office["markdown"].as_str().unwrap().contains("## Phát hiện chính"));
    app.ok("save_template", json!({ "name": "office", "source": "# {{ title }}\n", "locale": "en" }));
    let failure = app.fails("save_design", json!({ "name": "office", "manifest": manifest }));
    assert!(message(&failure).contains("edited by hand"), "{failure}");
    let hand_edited = app.ok("template_design", json!({ "name": "office", "locale": "", "language": "vi" }));
    assert!(hand_edited["read_only"].as_str().unwrap().contains("read-only"), "{hand_edited}");
    let source = app.ok("template_source", json!({ "name": "office" }));
    assert_eq!(source["source"], "# {{ title }}\n");
}

#[test]
fn briefs_are_saved_reopened_and_remembered() {
    let app = App::new();
    let mut brief = app.seed_brief();
    brief["key_points"][0]["edited"] = json!("Sửa điểm đầu.");
    // A brief is saved under its own extension (the package tells the
    // desktop it opens in Briefsmith); .json, as before, still works.
    for name in ["nato.brief", "nato.json"] {
        let path = app.path(name);
        let settings = app.ok("save_brief", json!({ "brief": brief, "path": path }));
        assert_eq!(settings["recent"][0]["path"], path.display().to_string());
        let opened = app.ok("open_brief", json!({ "path": path }));
        assert_eq!(opened["brief"], brief);
    }

    std::fs::write(app.path("junk.json"), "{\"hello\": 1}").unwrap();
    let failure = app.fails("open_brief", json!({ "path": app.path("junk.json") }));
    assert!(message(&failure).contains("not a Brief JSON"), "{failure}");
    let failure = app.fails("save_brief", json!({ "brief": brief, "path": app.path("nato.txt") }));
    assert!(message(&failure).contains(".brief or .json"), "{failure}");
}

#[test]
fn the_draft_and_settings_come_back_at_startup() {
    let app = App::new();
    let mut brief = app.seed_brief();
    brief["analyst"]["assessment"] = json!("Đánh giá dở dang.");
    let draft = json!({ "brief": brief, "template": "sitrep", "locale": "en", "path": null });
    app.ok("save_draft", json!({ "draft": draft }));
    let mut settings = app.ok("startup", json!({}))["settings"].clone();
    settings["analyst"] = json!("Trần Thu");
    settings["page_size"] = json!("Letter");
    app.ok("save_settings", json!({ "settings": settings }));

    let startup = app.ok("startup", json!({}));
    assert_eq!(startup["draft"], draft);
    assert_eq!(startup["settings"]["analyst"], "Trần Thu");
    assert_eq!(startup["settings"]["page_size"], "Letter");
    app.ok("discard_draft", json!({}));
    assert_eq!(app.ok("startup", json!({}))["draft"], Value::Null);
    // A malformed argument is an error value, not a panic.
    let failure = app.fails("save_draft", json!({ "draft": { "brief": 3 } }));
    assert!(failure.to_string().contains("invalid"), "{failure}");
}

#[test]
fn a_damaged_draft_is_set_aside_and_startup_says_where() {
    let app = App::new();
    let data = app.path("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(data.join("draft.json"), "{\"brief\": {\"version\": 1, \"title\": \"cut of").unwrap();
    let startup = app.ok("startup", json!({}));
    assert_eq!(startup["draft"], Value::Null);
    assert_eq!(startup["settings"]["template"], "bluf", "the settings (none yet) are the defaults");
    let set_aside = startup["set_aside"].as_array().unwrap();
    assert_eq!(set_aside.len(), 1, "{set_aside:?}");
    assert_eq!(set_aside[0]["file"], "draft");
    assert_eq!(set_aside[0]["path"], data.join("draft.json").display().to_string());
    assert!(set_aside[0]["problem"].as_str().unwrap().contains("EOF while parsing"), "{set_aside:?}");
    let moved = set_aside[0]["moved_to"].as_str().unwrap();
    assert!(moved.starts_with(&data.join("draft.json.corrupt-").display().to_string()), "{moved}");
    assert!(std::fs::read_to_string(moved).unwrap().ends_with("cut of"));
    // Told once: the next start finds nothing to set aside, and saving works.
    assert_eq!(app.ok("startup", json!({}))["set_aside"], json!([]));
    let draft = json!({ "brief": app.seed_brief(), "template": "bluf", "locale": "", "path": null });
    app.ok("save_draft", json!({ "draft": draft }));
    assert_eq!(app.ok("startup", json!({}))["draft"], draft);
}

#[test]
fn a_second_launch_queues_its_file_for_the_window_and_tells_it() {
    use tauri::Listener;
    let app = App::new();
    let (told, heard) = std::sync::mpsc::channel();
    app.app.listen_any(briefsmith_desktop::OPEN_FILES_EVENT, move |_| {
        let _ = told.send(());
    });
    assert_eq!(app.ok("files_to_open", json!({})), json!([]));
    let handle = app.app.handle();
    let cwd = app.path("articles");
    // Launched again without a file: nothing to open, nothing said.
    briefsmith_desktop::launched_again(handle, &["briefsmith-desktop".into()], &cwd);
    assert!(heard.recv_timeout(std::time::Duration::from_millis(200)).is_err());
    briefsmith_desktop::launched_again(handle, &["briefsmith-desktop".into(), "tin.txt".into()], &cwd);
    heard.recv_timeout(std::time::Duration::from_secs(5)).expect("the window is told");
    briefsmith_desktop::launched_again(handle, &["b".into(), "--flag".into(), "/tmp/b.json".into()], &cwd);
    briefsmith_desktop::launched_again(handle, &["b".into(), "/tmp/c.txt".into(), "d.md".into()], &cwd);
    let expected = json!([
        [cwd.join("tin.txt").display().to_string()],
        ["/tmp/b.json"],
        ["/tmp/c.txt", cwd.join("d.md").display().to_string()],
    ]);
    assert_eq!(app.ok("files_to_open", json!({})), expected);
    assert_eq!(app.ok("files_to_open", json!({})), json!([]), "each file is handed out once");
}

fn digest_fixture(name: &str) -> String {
    format!("{}/../tests/fixtures/digest/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn several_articles_open_as_a_digest_and_one_story_exports_alone() {
    let app = App::new();
    let missing = app.path("gone.txt").display().to_string();
    let paths = [
        digest_fixture("ferry/harbour-gazette.txt"),
        digest_fixture("mixed/chess-open.txt"),
        missing,
        digest_fixture("ferry/valley-post.txt"),
    ];
    let opened = app.ok("open_articles", json!({ "paths": paths, "keyPoints": 4, "analyst": "Trần Thu" }));
    let warnings: Vec<&str> = opened["warnings"].as_array().unwrap().iter().map(|w| w.as_str().unwrap()).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].starts_with("gone.txt: ") && warnings[0].ends_with("; left out"), "{warnings:?}");
    let brief = &opened["brief"];
    assert_eq!(brief["analyst"]["analyst"], "Trần Thu");
    assert_eq!(brief["sources"].as_array().unwrap().len(), 3);
    let stories = brief["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 2, "the ferry story and the chess report");
    assert_eq!(stories[0]["sources"], json!([0, 2]));
    assert!(stories[0]["key_points"].as_array().unwrap().len() <= 4);

    // The whole digest, and the ferry story alone from its two sources.
    let md = app.path("digest.md");
    let body = json!({ "brief": brief, "template": "digest", "locale": "en", "format": "markdown", "path": md, "pageSize": "" });
    app.ok("export", body);
    let digest = std::fs::read_to_string(&md).unwrap();
    assert!(digest.contains("[3]") && digest.to_lowercase().contains("chess"), "{digest}");
    let pdf = app.path("ferry.pdf");
    let body = json!({
        "brief": brief, "template": "topic-brief", "locale": "en", "format": "pdf", "path": pdf, "pageSize": "",
        "story": 0,
    });
    app.ok("export", body);
    let text = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().expect("pdftotext runs");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("cancelled all sailings"), "{text}");
    assert!(text.contains("[2]") && !text.contains("[3]") && !text.to_lowercase().contains("chess"), "{text}");
    let preview = app.ok(
        "preview",
        json!({ "brief": brief, "template": "topic-brief", "locale": "en", "source": null, "story": 1 }),
    );
    assert!(preview["markdown"].as_str().unwrap().to_lowercase().contains("chess"));

    let body = json!({ "brief": brief, "template": "digest", "locale": "", "format": "markdown", "path": md, "pageSize": "", "story": 7 });
    assert!(message(&app.fails("export", body)).contains("no story 8"));
    assert_eq!(std::fs::read_to_string(&md).unwrap(), digest, "a failed export leaves the file alone");
}

#[test]
fn a_digest_with_nothing_readable_says_what_went_wrong() {
    let app = App::new();
    let gone = app.path("gone.txt").display().to_string();
    let failure = app.fails("open_articles", json!({ "paths": [gone], "keyPoints": 5, "analyst": "" }));
    assert!(message(&failure).contains("gone.txt: ") && message(&failure).contains("No article could be read"));
    let sheet = app.path("figures.ods");
    std::fs::write(&sheet, b"PK\x03\x04 not an article").unwrap();
    let failure = app.fails("open_articles", json!({ "paths": [sheet], "keyPoints": 5, "analyst": "" }));
    assert!(message(&failure).contains("figures.ods: not an article file (txt,"), "{failure}");
    let failure = app.fails("open_articles", json!({ "paths": [], "keyPoints": 5, "analyst": "" }));
    assert!(message(&failure).contains("no files were given"));
    let empty = app.path("empty");
    std::fs::create_dir(&empty).unwrap();
    let failure = app.fails("open_articles", json!({ "paths": [empty], "keyPoints": 5, "analyst": "" }));
    assert!(message(&failure).contains("the folder has no article files"), "{failure}");
    let failure =
        app.fails("open_articles", json!({ "paths": [digest_fixture("ferry")], "keyPoints": 0, "analyst": "" }));
    assert!(message(&failure).contains("1 to 50 key points"));
    // A folder opens as its articles.
    let opened = app.ok("open_articles", json!({ "paths": [digest_fixture("ferry")], "keyPoints": 5, "analyst": "" }));
    assert_eq!(opened["brief"]["stories"].as_array().unwrap().len(), 1);
}

#[test]
fn a_feed_opens_as_a_digest_of_its_items_with_their_outlet() {
    let app = App::new();
    let feed = format!("{}/../tests/fixtures/feeds/harbourline.atom.xml", env!("CARGO_MANIFEST_DIR"));
    let opened = app.ok("open_articles", json!({ "paths": [feed], "keyPoints": 3, "analyst": "" }));
    let sources = opened["brief"]["sources"].as_array().unwrap();
    assert!(sources.len() >= 2, "{sources:#?}");
    for source in sources {
        assert_eq!(source["name"], "The Harbourline Courier");
        assert!(!source["article"].as_str().unwrap().is_empty());
    }
}

/// The menu bar built from a description, as `set_menu` builds it (the mock
/// runtime has no GTK window to put it on).
fn menu_from(app: &App, bar: Value) -> Result<tauri::menu::Menu<MockRuntime>, briefsmith_desktop::Failure> {
    let bar: Vec<briefsmith_desktop::MenuEntry> = serde_json::from_value(bar).expect("a menu description");
    briefsmith_desktop::build_menu(app.app.handle(), &bar)
}

#[test]
fn the_menu_bar_is_built_as_the_window_describes_it() {
    let app = App::new();
    let bar = json!([
        { "type": "submenu", "label": "&File", "items": [
            { "type": "item", "id": "open", "label": "&Open…", "accelerator": "CmdOrCtrl+O" },
            { "type": "submenu", "label": "Open &Recent", "enabled": false, "items": [] },
            { "type": "separator" },
            { "type": "item", "id": "save", "label": "&Save Brief", "accelerator": "CmdOrCtrl+S", "enabled": false },
        ] },
        { "type": "submenu", "label": "&View", "items": [
            { "type": "check", "id": "ui_language:vi", "label": "Tiếng Việt", "checked": true },
        ] },
        { "type": "submenu", "label": "&Help", "items": [{ "type": "about", "label": "&About Briefsmith" }] },
    ]);
    let menu = menu_from(&app, bar).expect("the menu builds");
    let top: Vec<_> = menu.items().unwrap().into_iter().map(|i| i.as_submenu().unwrap().text().unwrap()).collect();
    assert_eq!(top, ["&File", "&View", "&Help"]);
    let file = menu.items().unwrap()[0].as_submenu().unwrap().clone();
    assert_eq!(file.items().unwrap().len(), 4);
    let open = file.get("open").expect("File ▸ Open");
    assert_eq!(open.as_menuitem().unwrap().text().unwrap(), "&Open…");
    assert!(open.as_menuitem().unwrap().is_enabled().unwrap());
    let recent = file.items().unwrap()[1].as_submenu().unwrap().clone();
    assert!(!recent.is_enabled().unwrap(), "nothing recent yet");
    let save = file.get("save").expect("File ▸ Save");
    assert!(!save.as_menuitem().unwrap().is_enabled().unwrap(), "Save waits for a brief");
    let view = menu.items().unwrap()[1].as_submenu().unwrap().get("ui_language:vi").expect("the language");
    assert!(view.as_check_menuitem().unwrap().is_checked().unwrap());
}

#[test]
fn a_menu_the_shell_cannot_build_is_a_clear_failure() {
    let app = App::new();
    let bad_key = json!([{ "type": "submenu", "label": "&File", "items": [
        { "type": "item", "id": "open", "label": "Open", "accelerator": "Ctrl+Nowhere" },
    ] }]);
    let Err(failure) = menu_from(&app, bad_key) else { panic!("a key that does not exist was taken") };
    assert!(failure.message.starts_with("could not build the menu bar:"), "{}", failure.message);
    let failure = app.fails("edit_text", json!({ "action": "format_disk" }));
    assert_eq!(message(&failure), "no editing command “format_disk”");
}

#[test]
fn two_names_merge_into_one_and_a_wrong_merge_says_why() {
    let app = App::new();
    let brief = app.seed_brief();
    let names: Vec<String> =
        brief["entities"].as_array().unwrap().iter().map(|e| e["text"].as_str().unwrap().to_owned()).collect();
    let merged = app.ok("merge_entities", json!({ "brief": brief, "into": 0, "from": 1 }));
    let entities = merged["entities"].as_array().unwrap();
    assert_eq!(entities.len(), names.len() - 1);
    assert_eq!(entities[0]["text"], names[0].as_str());
    assert_eq!(entities[0]["merged"], json!([names[1]]));
    let failure = app.fails("merge_entities", json!({ "brief": brief, "into": 0, "from": 99 }));
    assert!(message(&failure).contains("there is no name number 99"), "{failure}");
}

#[test]
fn a_template_is_shared_as_a_package_and_installed_asking_before_replacing() {
    let app = App::new();
    let package = app.path("bluf.bstpl");
    app.ok("export_template", json!({ "name": "bluf", "path": package }));
    assert!(package.is_file());
    let done = app.ok("import_template", json!({ "path": package, "replace": false }));
    assert_eq!(done, json!({ "name": "bluf", "exists": null }));
    let again = app.ok("import_template", json!({ "path": package, "replace": false }));
    assert_eq!(again, json!({ "name": null, "exists": "bluf" }), "asks first");
    let replaced = app.ok("import_template", json!({ "path": package, "replace": true }));
    assert_eq!(replaced["name"], "bluf");
    std::fs::write(app.path("not.bstpl"), "plain text").unwrap();
    let failure = app.fails("import_template", json!({ "path": app.path("not.bstpl"), "replace": false }));
    assert!(message(&failure).contains("not a template package (.bstpl)"), "{failure}");
}
