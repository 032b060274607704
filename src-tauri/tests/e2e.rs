//! End-to-end: the real app binary driven as an analyst would, through
//! tauri-driver + WebKitWebDriver under Xvfb.
//!
//! Needs an X display, `tauri-driver` (scripts/setup.sh installs it) and
//! `WebKitWebDriver` (Debian's webkit2gtk-driver). Ignored by default;
//! scripts/test.sh runs them with
//! `xvfb-run -a cargo test -p briefsmith-desktop --test e2e -- --ignored --test-threads=1`.
//! Screenshots of every main screen go to `target/tmp/screenshots/`.
//!
//! The native open and save dialogs are GTK windows WebDriver cannot reach;
//! the tests call the functions those dialogs hand their chosen path to
//! (`window.briefsmith.openPath`, `exportTo`), everything else is clicks and
//! keys.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use fantoccini::Locator;
use serde_json::json;
use support::*;

#[tokio::test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver; scripts/test.sh runs it under Xvfb"]
async fn from_the_seed_article_to_a_reviewed_pdf_and_back_after_a_crash() {
    let work = tempfile::tempdir().expect("temp dir");
    let session = launch(work.path()).await;
    let c = &session.client;

    // First run: the app opens on the built-in sample.
    wait_until(c, "document.querySelector('#preview h1') !== null", "the sample's preview").await;
    assert_eq!(js(c, "window.briefsmith.state().brief.input.file_name").await, "vi-hai-cang.txt");
    screenshot(c, "1-first-run-sample.png").await;

    // Open the seed article: three direct quotes, all Jens Stoltenberg's.
    open(c, &corpus().join("vi-nato-ai/article.txt"), "article.txt").await;
    let quotes = c.find_all(Locator::Css("#quotes li.item")).await.expect("quote rows");
    let (mut direct_by_stoltenberg, mut reported_by_stoltenberg) = (0, 0);
    for row in &quotes {
        let kind = row.find(Locator::Css(".badge")).await.expect("kind badge").text().await.expect("text");
        let speaker = row.find(Locator::Css("input.speaker")).await.expect("speaker").prop("value").await.expect("v");
        let shown = row.find(Locator::Css(".text")).await.expect("text").text().await.expect("row text");
        if kind == "direct" && speaker.as_deref() == Some("Jens Stoltenberg") {
            direct_by_stoltenberg += 1;
            assert!(shown.starts_with('“'), "a direct quote is shown in quotation marks: {shown}");
        }
        if kind == "reported" && speaker.as_deref() == Some("Jens Stoltenberg") {
            reported_by_stoltenberg += 1;
            assert!(!shown.starts_with('“'), "a reported statement is the writer's words, unmarked: {shown}");
        }
    }
    assert_eq!(direct_by_stoltenberg, 3, "three direct quotes by Jens Stoltenberg are shown");
    assert_eq!(reported_by_stoltenberg, 2, "and his two reported statements");

    // Provenance: clicking a quote marks exactly its words in the article.
    quotes[0].click().await.expect("click quote");
    let quote_text = js(c, "window.briefsmith.state().brief.quotes[0].text").await;
    wait_until(
        c,
        &format!("document.querySelector('#article mark')?.textContent === {quote_text}"),
        "the quote's span marked in the article",
    )
    .await;
    screenshot(c, "2-review-seed-quote-highlighted.png").await;

    // Exclude the second key point with its checkbox.
    let excluded = js(c, "window.briefsmith.state().brief.key_points[1].text").await;
    let excluded = excluded.as_str().expect("key point text").to_owned();
    c.find(Locator::Css("#key-points li.item:nth-child(2) input[type=checkbox]"))
        .await
        .expect("checkbox")
        .click()
        .await
        .expect("click");
    assert_eq!(js(c, "window.briefsmith.state().brief.key_points[1].included").await, false);

    // Keyboard: Alt+4 goes to the figures, Alt+↓ moves one down, Space
    // excludes it and includes it again.
    let figures = js(c, "window.briefsmith.state().brief.figures.map(f => f.text)").await;
    c.active_element().await.expect("focus").send_keys("\u{E00A}4\u{E000}").await.expect("Alt+4");
    wait_until(c, "document.activeElement.matches('#figures li.item:first-child')", "focus on the first figure").await;
    let focused = c.active_element().await.expect("focus");
    focused.send_keys("\u{E00A}\u{E015}\u{E000}").await.expect("Alt+Down");
    let moved = js(c, "window.briefsmith.state().brief.figures.map(f => f.text)").await;
    assert_eq!((&moved[0], &moved[1]), (&figures[1], &figures[0]), "Alt+Down moved the figure down");
    let focused = c.active_element().await.expect("focus");
    focused.send_keys(" ").await.expect("Space");
    assert_eq!(js(c, "window.briefsmith.state().brief.figures[1].included").await, false);
    c.active_element().await.expect("focus").send_keys(" ").await.expect("Space");
    assert_eq!(js(c, "window.briefsmith.state().brief.figures[1].included").await, true);

    // Edit the first quote with the keyboard: focus, Enter, type, Enter.
    let edited_quote = "Chúng ta cần chuẩn mực chung cho AI quân sự (bản đã sửa).";
    let first = c.find(Locator::Css("#quotes li.item")).await.expect("quote row");
    c.execute("arguments[0].focus(); return true;", vec![serde_json::to_value(&first).expect("element")])
        .await
        .expect("focus");
    first.send_keys(ENTER).await.expect("Enter opens the editor");
    let editor = c.find(Locator::Css("#quotes textarea.editor")).await.expect("editor");
    // Select all with Ctrl+A (WebDriver's clear would blur, which saves).
    editor.send_keys("\u{E009}a\u{E000}").await.expect("select all");
    editor.send_keys(edited_quote).await.expect("type");
    editor.send_keys(ENTER).await.expect("Enter saves");
    assert_eq!(js(c, "window.briefsmith.state().brief.quotes[0].edited").await, edited_quote);

    // Undo, outside a text field: Ctrl+Z takes the quote's edit back, then
    // the figure's inclusion; Ctrl+Shift+Z and Ctrl+Y redo both.
    let page = c.find(Locator::Css("body")).await.expect("page");
    page.send_keys("\u{E009}z\u{E000}").await.expect("Ctrl+Z");
    wait_until(c, "window.briefsmith.state().brief.quotes[0].edited === null", "the quote's edit undone").await;
    page.send_keys("\u{E009}z\u{E000}").await.expect("Ctrl+Z");
    wait_until(c, "window.briefsmith.state().brief.figures[1].included === false", "the inclusion undone").await;
    let said = js(c, "document.querySelector('#message-text').textContent").await;
    assert!(said == "Đã hoàn tác." || said == "Undone.", "the message says so: {said}");
    page.send_keys("\u{E009}\u{E008}z\u{E000}").await.expect("Ctrl+Shift+Z");
    wait_until(c, "window.briefsmith.state().brief.figures[1].included === true", "the inclusion redone").await;
    page.send_keys("\u{E009}y\u{E000}").await.expect("Ctrl+Y");
    wait_until(
        c,
        &format!(
            "window.briefsmith.state().brief.quotes[0].edited === {}",
            serde_json::to_string(edited_quote).unwrap()
        ),
        "the quote's edit redone",
    )
    .await;
    // A re-analysis (one key point more) is a step too, and the edits before
    // it stay undoable past it.
    let count = js(c, "window.briefsmith.state().brief.key_points.filter(k => k.start !== null).length").await;
    let count = count.as_u64().expect("a count");
    c.execute(
        &format!("const f = document.getElementById('key-point-count'); f.value = {}; f.dispatchEvent(new Event('change')); return true;", count + 1),
        vec![],
    )
    .await
    .expect("ask for one key point more");
    let analyzed =
        |n: u64| format!("window.briefsmith.state().brief.key_points.filter(k => k.start !== null).length === {n}");
    wait_until(c, &analyzed(count + 1), "the re-analysis").await;
    let page = c.find(Locator::Css("body")).await.expect("page");
    page.send_keys("\u{E009}z\u{E000}").await.expect("Ctrl+Z");
    wait_until(c, &analyzed(count), "the re-analysis undone").await;
    page.send_keys("\u{E009}z\u{E000}").await.expect("Ctrl+Z");
    wait_until(c, "window.briefsmith.state().brief.quotes[0].edited === null", "the quote's edit undone again").await;
    page.send_keys("\u{E009}y\u{E000}").await.expect("Ctrl+Y");
    wait_until(c, "window.briefsmith.state().brief.quotes[0].edited !== null", "the quote's edit redone again").await;

    // Fix a speaker, fill the bottom line, add an own key point.
    let bottom_line = "NATO cần chuẩn chung về AI quân sự trước năm 2030.";
    c.find(Locator::Id("f-bottom-line")).await.expect("field").send_keys(bottom_line).await.expect("type");
    let own = "Hà Lan đăng cai hội nghị tiếp theo.";
    c.find(Locator::Id("own-point")).await.expect("field").send_keys(own).await.expect("type");
    c.find(Locator::Id("btn-add-point")).await.expect("button").click().await.expect("click");

    // Pick another template, then bluf.
    let template = c.find(Locator::Id("template")).await.expect("template select");
    template.select_by_value("sitrep").await.expect("pick sitrep");
    wait_until(c, "window.briefsmith.state().template === 'sitrep'", "sitrep").await;
    // Correct what the analyzer took a name for: the sitrep lists it with the places.
    let index = js(c, "window.briefsmith.state().brief.entities.findIndex(e => e.included && e.kind !== 'location')")
        .await
        .as_u64()
        .expect("a name that is not a place");
    let name = js(c, &format!("window.briefsmith.state().brief.entities[{index}].text")).await;
    let css = format!("#entities li:nth-child({}) select.kind", index + 1);
    let kind = c.find(Locator::Css(&css)).await.expect("the kind of a name");
    assert!(kind.attr("aria-label").await.expect("label").is_some_and(|l| !l.is_empty()), "the kind is labelled");
    kind.select_by_value("location").await.expect("a place");
    assert_eq!(js(c, &format!("window.briefsmith.state().brief.entities[{index}].kind")).await, "location");
    wait_until(
        c,
        &format!(
            "[...document.querySelectorAll('#preview li')].some(li => li.textContent.startsWith('Địa danh') \
             && li.textContent.includes({name}))"
        ),
        "the corrected name among the places",
    )
    .await;
    template.select_by_value("bluf").await.expect("pick bluf");
    wait_until(c, "window.briefsmith.state().template === 'bluf'", "bluf").await;
    wait_until(
        c,
        &format!("document.getElementById('preview').textContent.includes({})", json!(bottom_line)),
        "the preview to show the bottom line",
    )
    .await;
    wait_autosaved(c).await;
    screenshot(c, "3-edited-bluf-preview.png").await;

    // Export the PDF: its text has the edits and not the excluded point.
    let pdf = work.path().join("nato-brief.pdf");
    c.execute("window.briefsmith.exportTo('pdf', arguments[0]); return true;", vec![json!(pdf)])
        .await
        .expect("export runs");
    wait_until(c, "document.getElementById('message').classList.contains('success')", "the export message").await;
    screenshot(c, "4-exported-pdf-message.png").await;
    let text = Command::new("pdftotext").args([pdf.as_os_str(), "-".as_ref()]).output().expect("pdftotext runs");
    let text = normalize(&String::from_utf8_lossy(&text.stdout));
    for wanted in [edited_quote, bottom_line, own] {
        assert!(text.contains(wanted), "the PDF has {wanted:?}: {text}");
    }
    assert!(!text.contains(&normalize(&excluded)), "the excluded key point is not in the PDF");

    // The analyst names the outlet and asks for paragraph citations; Word and
    // HTML come out of the same export, with both.
    c.find(Locator::Id("f-source-name")).await.expect("outlet field").send_keys("Báo Mẫu").await.expect("typed");
    c.execute(
        "const s = document.getElementById('f-citations'); s.value = 'paragraph'; \
         s.dispatchEvent(new Event('change')); return true;",
        vec![],
    )
    .await
    .expect("citations chosen");
    wait_until(c, "document.getElementById('preview').textContent.includes('(¶')", "citations in the preview").await;
    for (format, file) in [("docx", "nato-brief.docx"), ("html", "nato-brief.html")] {
        let path = work.path().join(file);
        c.execute("document.getElementById('message').className = ''; return true;", vec![]).await.expect("reset");
        c.execute(
            "window.briefsmith.exportTo(arguments[0], arguments[1]); return true;",
            vec![json!(format), json!(path)],
        )
        .await
        .expect("export runs");
        wait_until(c, "document.getElementById('message').classList.contains('success')", "the export message").await;
        let bytes = std::fs::read(&path).expect("exported");
        assert!(!bytes.is_empty(), "{file}");
    }
    screenshot(c, "4b-source-and-citations.png").await;
    let html = std::fs::read_to_string(work.path().join("nato-brief.html")).expect("HTML");
    assert!(html.contains("Báo Mẫu") && html.contains("href=\"#source-p"), "outlet and citations in the HTML");
    assert!(std::fs::read(work.path().join("nato-brief.docx")).expect("Word").starts_with(b"PK"));

    // Templates: copy bluf, break it (error at its line), fix it, save it.
    c.find(Locator::Id("tab-template")).await.expect("tab").click().await.expect("click");
    c.find(Locator::Id("copy-name")).await.expect("name").send_keys("bluf-e2e").await.expect("type");
    c.find(Locator::Id("btn-copy-template")).await.expect("copy").click().await.expect("click");
    wait_until(c, "window.briefsmith.state().template === 'bluf-e2e'", "the copy").await;
    let source = c.find(Locator::Id("template-source")).await.expect("editor");
    source.send_keys("\n{{ title }").await.expect("type");
    wait_until(c, "!document.getElementById('template-error').hidden", "the template error").await;
    let error = c.find(Locator::Id("template-error")).await.expect("error").text().await.expect("text");
    assert!(error.starts_with("Line "), "{error}");
    screenshot(c, "5-template-error.png").await;
    source.send_keys("}\nBản của chuyên viên.").await.expect("type");
    wait_until(
        c,
        "document.getElementById('preview').textContent.includes('Bản của chuyên viên.')",
        "the preview of the edited template",
    )
    .await;
    c.find(Locator::Id("btn-save-template")).await.expect("save").click().await.expect("click");
    wait_until(c, "document.getElementById('message-text').textContent.includes('“bluf-e2e” saved')", "template saved")
        .await;
    let saved = std::fs::read_to_string(work.path().join("templates/bluf-e2e/brief.md.j2")).expect("saved template");
    assert!(saved.contains("{{ title }}") && saved.ends_with("Bản của chuyên viên."), "{saved}");
    c.find(Locator::Id("tab-preview")).await.expect("tab").click().await.expect("click");

    // Kill the app mid-edit; the next start brings the edits back.
    let assessment = "Đánh giá viết dở trước khi ứng dụng bị tắt.";
    c.find(Locator::Id("f-assessment")).await.expect("field").send_keys(assessment).await.expect("type");
    wait_autosaved(c).await;
    let pid = app_pid(work.path()).expect("the app's process");
    Command::new("kill").args(["-KILL", &pid.to_string()]).status().expect("kill runs");
    drop(session);

    let session = launch(work.path()).await;
    let c = &session.client;
    wait_until(c, "document.querySelector('#preview h1') !== null", "the restored brief").await;
    let state = js(c, "window.briefsmith.state().brief").await;
    assert_eq!(state["input"]["file_name"], "article.txt");
    assert_eq!(state["source"]["name"], "Báo Mẫu", "the outlet the analyst typed");
    assert_eq!(state["citations"]["style"], "paragraph");
    assert_eq!(state["analyst"]["assessment"], assessment);
    assert_eq!(state["analyst"]["bottom_line"], bottom_line);
    assert_eq!(state["quotes"][0]["edited"], edited_quote);
    assert_eq!(state["key_points"][1]["included"], false);
    assert_eq!(js(c, "window.briefsmith.state().template").await, "bluf-e2e");
    let field = c.find(Locator::Id("f-assessment")).await.expect("field").prop("value").await.expect("value");
    assert_eq!(field.as_deref(), Some(assessment));
    screenshot(c, "6-restored-after-kill.png").await;

    // The same screen in Vietnamese, and at 150% zoom.
    js(c, "(window.briefsmith.runMenu('ui_language:vi'), true)").await;
    wait_until(c, "document.getElementById('btn-export-pdf').textContent === 'Xuất PDF'", "Vietnamese labels").await;
    screenshot(c, "7-vietnamese-ui.png").await;
    // View ▸ Zoom In, three times: the webview's zoom, so the layout reflows.
    js(c, "(['zoom_in', 'zoom_in', 'zoom_in'].reduce((p, id) => p.then(() => window.briefsmith.runMenu(id)), Promise.resolve()), true)").await;
    wait_until(c, "window.briefsmith.state().settings.zoom === 1.5", "View ▸ Zoom In, three times").await;
    wait_until(c, "window.innerWidth < 900", "the 150% zoom").await;
    assert_eq!(
        js(c, "document.getElementById('message-text').textContent").await,
        "Phần việc chưa lưu lần trước đã được khôi phục."
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    screen_shot("8-zoom-150.png");
    let _ = session.client.clone().close().await;
}

#[tokio::test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver; scripts/test.sh runs it under Xvfb"]
async fn the_menu_bar_and_its_shortcuts_drive_the_app_with_a_one_line_toolbar() {
    let work = tempfile::tempdir().expect("temp dir");
    let session = launch(work.path()).await;
    let c = &session.client;
    wait_for_the_sample(c).await;

    // At 1280 px the toolbar is one line: every control on the first one's row.
    assert!(js(c, "window.innerWidth").await.as_f64().expect("a width") >= 1270.0);
    let rows = js(
        c,
        "new Set([...document.querySelector('.toolbar').children].filter((e) => e.offsetParent !== null)\
           .map((e) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2))).size",
    )
    .await;
    assert_eq!(rows, 1, "the toolbar's controls share one row");
    // The X screen lags the page by a frame or two just after the window opens.
    tokio::time::sleep(Duration::from_millis(800)).await;
    screen_shot("20-menu-bar-and-one-line-toolbar-1280.png");

    // Accelerators, pressed through X as a person presses them: View's zoom.
    press(&["ctrl+minus"]);
    wait_until(c, "window.briefsmith.state().settings.zoom === 0.9", "Ctrl+- zooms out").await;
    press(&["ctrl+0"]);
    wait_until(c, "window.briefsmith.state().settings.zoom === 1", "Ctrl+0 is actual size").await;

    // Edit ▸ Undo and Redo of a review edit (the checkbox keeps the focus:
    // Ctrl+Z there is the review's undo, not a text field's).
    c.find(Locator::Css("#key-points li.item:nth-child(2) input[type=checkbox]"))
        .await
        .expect("checkbox")
        .click()
        .await
        .expect("click");
    assert_eq!(js(c, "window.briefsmith.state().brief.key_points[1].included").await, false);
    press(&["ctrl+z"]);
    wait_until(c, "window.briefsmith.state().brief.key_points[1].included === true", "Ctrl+Z undoes it").await;
    press(&["ctrl+shift+z"]);
    wait_until(c, "window.briefsmith.state().brief.key_points[1].included === false", "Ctrl+Shift+Z redoes it").await;

    // In a text field, Ctrl+Z undoes the typing there (WebKit's own undo,
    // which the menu runs), and the brief's edit history is left alone.
    let field = c.find(Locator::Id("f-bottom-line")).await.expect("field");
    field.click().await.expect("click");
    press(&["B", "L", "U", "F"]);
    wait_until(c, "document.getElementById('f-bottom-line').value === 'BLUF'", "typed through X").await;
    press(&["ctrl+z"]);
    wait_until(c, "document.getElementById('f-bottom-line').value === ''", "Ctrl+Z undoes the typing").await;
    assert_eq!(js(c, "window.briefsmith.state().brief.key_points[1].included").await, false);

    // View ▸ Language ▸ Tiếng Việt, with the keyboard alone: F10 opens the
    // menu bar, → to View, ↓ to Language, → into it, ↓ to Tiếng Việt.
    press(&["F10", "Right", "Right", "Down", "Down", "Down", "Down", "Right", "Down", "Return"]);
    wait_until(c, "document.getElementById('btn-export-pdf').textContent === 'Xuất PDF'", "the window in Vietnamese")
        .await;
    assert_eq!(js(c, "window.briefsmith.state().settings.ui_language").await, "vi");
    // The menu bar is relabelled too: its File menu is now Tệp.
    let file = js(c, "window.briefsmith.menuBar()[0].label").await;
    assert_eq!(file, "&Tệp");
    press(&["F10"]);
    screen_shot("21-menu-bar-vietnamese-file-menu.png");
    press(&["Escape", "Escape"]);
    js(c, "(window.briefsmith.runMenu('ui_language:en'), true)").await;

    // File ▸ Open Recent: a saved brief is listed, and opens from there.
    let saved = work.path().join("menu.brief");
    c.execute("window.briefsmith.saveBriefTo(arguments[0]); return true;", vec![json!(saved)]).await.expect("save");
    wait_until(c, "window.briefsmith.state().settings.recent.length === 1", "the brief listed as recent").await;
    press(&["ctrl+n"]);
    wait_until(c, "document.getElementById('workspace').hidden", "Ctrl+N: the start screen").await;
    press(&["F10", "Down", "Down", "Down", "Down", "Right", "Return"]);
    wait_until(c, "!document.getElementById('workspace').hidden", "the recent brief opened").await;
    assert_eq!(js(c, "window.briefsmith.state().path").await, json!(saved));
    assert_eq!(js(c, "window.briefsmith.state().brief.key_points[1].included").await, false);
    let _ = session.client.clone().close().await;
}

#[tokio::test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver; scripts/test.sh runs it under Xvfb"]
async fn a_speaker_two_names_and_a_figure_corrected_by_keyboard_reach_the_brief() {
    let work = tempfile::tempdir().expect("temp dir");
    let session = launch(work.path()).await;
    let c = &session.client;
    wait_for_the_sample(c).await;
    c.find(Locator::Id("template")).await.expect("template").select_by_value("sitrep").await.expect("sitrep");
    wait_until(c, "window.briefsmith.state().template === 'sitrep'", "sitrep").await;
    let focus = |css: &str| {
        format!("(document.querySelector({}).focus(), document.activeElement.matches({}))", json!(css), json!(css))
    };
    const DELETE: &str = "\u{E017}";

    // A quote the article gives nobody's name for: Delete leaves it without a speaker.
    let quote = js(c, "window.briefsmith.state().brief.quotes.findIndex((q) => q.speaker)").await.as_u64().unwrap();
    assert_eq!(js(c, &focus(&format!("#quotes li.item:nth-child({})", quote + 1))).await, true);
    c.active_element().await.expect("focus").send_keys(DELETE).await.expect("Delete");
    wait_until(c, &format!("window.briefsmith.state().brief.quotes[{quote}].speaker === null"), "no speaker").await;

    // Two names that are one: M on the second offers the others, and it merges into the first.
    let names = js(c, "window.briefsmith.state().brief.entities.map((e) => e.text)").await;
    let (first, second) = (names[0].as_str().unwrap().to_owned(), names[1].as_str().unwrap().to_owned());
    assert_eq!(js(c, &focus("#entities li.item:nth-child(2)")).await, true);
    c.active_element().await.expect("focus").send_keys("m").await.expect("M");
    let merge = c.find(Locator::Css("#entities select.merge")).await.expect("the names to merge into");
    assert!(merge.attr("aria-label").await.expect("label").is_some_and(|l| l.contains(&second)));
    // ↓ browses the names (nothing merged yet), Enter merges into the one chosen.
    merge.send_keys("\u{E015}").await.expect("Down");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(js(c, "window.briefsmith.state().brief.entities.length").await, names.as_array().unwrap().len());
    assert_eq!(merge.prop("value").await.expect("value").as_deref(), Some("0"), "the first name chosen");
    merge.send_keys(ENTER).await.expect("Enter");
    wait_until(
        c,
        &format!("window.briefsmith.state().brief.entities.length === {}", names.as_array().unwrap().len() - 1),
        "one name fewer",
    )
    .await;
    assert_eq!(js(c, "window.briefsmith.state().brief.entities[0].merged").await, json!([second]));
    assert_eq!(js(c, "window.briefsmith.state().brief.entities[0].text").await, json!(first));
    wait_until(
        c,
        &format!(
            "[...document.querySelectorAll('#preview li')].some((li) => li.textContent.startsWith('Cá nhân') \
             && li.textContent.includes({}) && !li.textContent.includes({}))",
            json!(first),
            json!(second)
        ),
        "the merged name gone from the brief's people",
    )
    .await;

    // What a figure counts, in the analyst's words: C, type, Enter.
    assert_eq!(js(c, &focus("#figures li.item:nth-child(1)")).await, true);
    c.active_element().await.expect("focus").send_keys("c").await.expect("C");
    let editor = c.find(Locator::Css("#figures input.editor")).await.expect("the context editor");
    editor.send_keys("\u{E009}a\u{E000}").await.expect("select all");
    editor.send_keys("vốn đầu tư giai đoạn hai").await.expect("type");
    editor.send_keys(ENTER).await.expect("Enter keeps it");
    wait_until(
        c,
        "window.briefsmith.state().brief.figures[0].context_edited === 'vốn đầu tư giai đoạn hai'",
        "the figure's context",
    )
    .await;
    wait_until(
        c,
        "[...document.querySelectorAll('#preview td')].some((td) => td.textContent === 'vốn đầu tư giai đoạn hai')",
        "the analyst's words in the brief's figures table",
    )
    .await;
    screenshot(c, "22-corrections-speaker-merge-figure.png").await;

    // Each is one step undo takes back, the merge too.
    let page = c.find(Locator::Css("body")).await.expect("page");
    page.send_keys("\u{E009}z\u{E000}").await.expect("Ctrl+Z");
    wait_until(c, "window.briefsmith.state().brief.figures[0].context_edited == null", "the context undone").await;
    page.send_keys("\u{E009}z\u{E000}").await.expect("Ctrl+Z");
    wait_until(
        c,
        &format!("window.briefsmith.state().brief.entities.length === {}", names.as_array().unwrap().len()),
        "the merge undone",
    )
    .await;
    page.send_keys("\u{E009}z\u{E000}").await.expect("Ctrl+Z");
    wait_until(c, &format!("window.briefsmith.state().brief.quotes[{quote}].speaker !== null"), "the speaker back")
        .await;
    let _ = session.client.clone().close().await;
}

#[tokio::test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver; scripts/test.sh runs it under Xvfb"]
async fn the_start_review_template_and_export_screens_pass_axe_core() {
    let work = tempfile::tempdir().expect("temp dir");
    let session = launch(work.path()).await;
    let c = &session.client;
    wait_for_the_sample(c).await;
    let mut found = Vec::new();
    let mut check = |screen: &'static str, violations: Vec<String>| {
        found.extend(violations.into_iter().map(|v| format!("{screen}: {v}")));
    };

    check("review", accessibility_violations(c).await);
    js(c, "(window.briefsmith.runMenu('shortcuts'), true)").await;
    check("review with the shortcuts", accessibility_violations(c).await);
    js(c, "(window.briefsmith.runMenu('shortcuts'), true)").await;

    c.find(Locator::Id("tab-template")).await.expect("tab").click().await.expect("click");
    wait_until(c, "!document.getElementById('template-source').closest('[hidden]')", "the template tab").await;
    check("template", accessibility_violations(c).await);
    // Share the template as a package, and install it (the second time, the
    // message asks before replacing the one installed the first time).
    let package = work.path().join("bluf.bstpl");
    c.execute("window.briefsmith.shareTemplateTo(arguments[0]); return true;", vec![json!(package)])
        .await
        .expect("share");
    wait_until(c, "document.getElementById('message').classList.contains('success')", "the shared package").await;
    assert!(package.is_file());
    for (round, expected) in [(1, "success"), (2, "warning")] {
        c.execute("document.getElementById('message').className = ''; return true;", vec![]).await.expect("reset");
        c.execute("window.briefsmith.installTemplateFrom(arguments[0]); return true;", vec![json!(package)])
            .await
            .expect("install");
        wait_until(c, &format!("document.getElementById('message').classList.contains('{expected}')"), "installed")
            .await;
        if round == 2 {
            check("template, replace asked", accessibility_violations(c).await);
        }
    }
    c.find(Locator::Id("tab-preview")).await.expect("tab").click().await.expect("click");

    let pdf = work.path().join("brief.pdf");
    c.execute("window.briefsmith.exportTo('pdf', arguments[0]); return true;", vec![json!(pdf)]).await.expect("export");
    wait_until(c, "document.getElementById('message').classList.contains('success')", "the export message").await;
    check("export", accessibility_violations(c).await);

    js(c, "(window.briefsmith.runMenu('new'), true)").await;
    wait_until(c, "document.getElementById('workspace').hidden", "the start screen").await;
    check("start", accessibility_violations(c).await);
    assert!(found.is_empty(), "serious or critical accessibility violations:\n{}", found.join("\n"));
    let _ = session.client.clone().close().await;
}

#[tokio::test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver; scripts/test.sh runs it under Xvfb"]
async fn a_template_designed_without_code_exports_its_order_heading_and_logo() {
    let work = tempfile::tempdir().expect("temp dir");
    let logo = work.path().join("office.svg");
    std::fs::write(
        &logo,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="240" height="60"><rect width="60" height="60" rx="10" fill="#1f3f78"/><rect x="72" y="14" width="160" height="12" fill="#1f3f78"/></svg>"##,
    )
    .expect("logo written");
    let session = launch(work.path()).await;
    let c = &session.client;
    wait_for_the_sample(c).await;
    c.find(Locator::Id("template")).await.expect("template").select_by_value("sitrep").await.expect("sitrep");
    wait_until(c, "window.briefsmith.state().template === 'sitrep'", "sitrep").await;
    c.find(Locator::Id("tab-design")).await.expect("tab").click().await.expect("click");
    wait_until(c, "document.querySelectorAll('#design-sections li').length === 12", "the designer's sections").await;
    let row = |kind: &str| format!("#design-sections li[data-kind={kind}]");

    // Untick the names; tick the quotes and bring them above the key points with Alt+↑.
    c.find(Locator::Id("d-shown-names")).await.expect("names").click().await.expect("untick");
    c.find(Locator::Id("d-shown-quotes")).await.expect("quotes").click().await.expect("tick");
    let above_points =
        "(() => { const kinds = [...document.querySelectorAll('#design-sections li')].map((li) => li.dataset.kind); \
        return kinds.indexOf('quotes') === kinds.indexOf('key_points') - 1; })()";
    for _ in 0..12 {
        if js(c, above_points).await == json!(true) {
            break;
        }
        js(c, &format!("(document.querySelector('{} input').focus(), true)", row("quotes"))).await;
        c.active_element().await.expect("focus").send_keys("\u{E00A}\u{E013}").await.expect("Alt+Up");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(js(c, above_points).await, json!(true), "the quotes moved above the key points");

    // Rename the key points' heading; the preview follows.
    let heading = c.find(Locator::Css(&format!("{} .design-heading", row("key_points")))).await.expect("heading");
    heading.clear().await.expect("clear");
    heading.send_keys("Điểm chính của tuần").await.expect("type");
    wait_until(
        c,
        "(() => { const h = [...document.querySelectorAll('#preview h2')].map((h) => h.textContent); \
          return h.includes('Điểm chính của tuần') && !h.includes('Các bên liên quan') \
            && h.indexOf('Trích dẫn quan trọng') === h.indexOf('Điểm chính của tuần') - 1; })()",
        "the preview with the new order and heading, without names",
    )
    .await;
    c.execute("window.briefsmith.chooseLogoFrom(arguments[0]); return true;", vec![json!(logo)]).await.expect("logo");
    js(c, "(document.getElementById('d-logo-alt').value = 'Sở Thông tin Lạc Giang', true)").await;
    screenshot(c, "23-template-designer.png").await;
    js(c, "(document.querySelector('#template-designer details').open = true, true)").await;
    c.find(Locator::Id("d-organisation"))
        .await
        .expect("office")
        .send_keys("Sở Thông tin Lạc Giang")
        .await
        .expect("type");
    wait_until(c, "document.getElementById('preview').textContent.includes('Sở Thông tin Lạc Giang')", "the office")
        .await;
    js(c, "(document.getElementById('template-designer').scrollTop = 10000, true)").await;
    screenshot(c, "24-template-designer-page.png").await;
    let violations = accessibility_violations(c).await;
    assert!(violations.is_empty(), "the designer's accessibility violations:\n{}", violations.join("\n"));

    // Save: the built-in becomes the analyst's own template, in use.
    c.find(Locator::Id("btn-save-design")).await.expect("save").click().await.expect("click");
    wait_until(c, "window.briefsmith.state().template === 'sitrep-mine'", "the saved copy in use").await;
    wait_until(c, "document.getElementById('message').classList.contains('success')", "saved").await;

    let pdf = work.path().join("designed.pdf");
    c.execute("window.briefsmith.exportTo('pdf', arguments[0]); return true;", vec![json!(pdf)]).await.expect("export");
    wait_until(c, "document.getElementById('message').textContent.includes('designed.pdf')", "the PDF").await;
    let text = Command::new("pdftotext").args([pdf.as_os_str(), "-".as_ref()]).output().expect("pdftotext runs");
    let text = normalize(&String::from_utf8_lossy(&text.stdout));
    let at = |heading: &str| text.find(heading).unwrap_or_else(|| panic!("'{heading}' in the PDF:\n{text}"));
    assert!(at("Tình hình") < at("Trích dẫn quan trọng") && at("Trích dẫn quan trọng") < at("Điểm chính của tuần"));
    assert!(!text.contains("Các bên liên quan"), "no names section:\n{text}");
    assert!(text.contains("Sở Thông tin Lạc Giang"), "the office above the title:\n{text}");
    let images = Command::new("pdfimages").arg("-list").arg(&pdf).output().expect("pdfimages runs");
    let listed = String::from_utf8_lossy(&images.stdout);
    let objects: std::collections::BTreeSet<&str> = listed
        .lines()
        .skip(2)
        .filter(|l| l.split_whitespace().nth(2) == Some("image"))
        .filter_map(|l| l.split_whitespace().nth(10))
        .collect();
    assert_eq!(objects.len(), 1, "one image, the logo, however many pages:\n{listed}");
    let _ = session.client.clone().close().await;
}

#[tokio::test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver; scripts/test.sh runs it under Xvfb"]
async fn the_preview_follows_typing_on_a_2000_word_article() {
    let work = tempfile::tempdir().expect("temp dir");
    // About 2,000 words of real English news from the corpus, one article.
    let mut text = String::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus().join("en-summary"))
        .expect("en-summary articles")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    for file in files {
        if text.split_whitespace().count() >= 2000 {
            break;
        }
        text.push_str(&std::fs::read_to_string(file).expect("article"));
        text.push_str("\n\n");
    }
    let words = text.split_whitespace().count();
    let article = work.path().join("long.txt");
    std::fs::write(&article, &text).expect("article written");

    let session = launch(work.path()).await;
    let c = &session.client;
    wait_until(c, "document.querySelector('#preview h1') !== null", "the sample's preview").await;
    open(c, &article, "long.txt").await;

    let field = c.find(Locator::Id("f-bottom-line")).await.expect("field");
    let typed = "Preview keeps up with typing";
    let mut times = Vec::new();
    for (i, ch) in typed.chars().enumerate() {
        field.send_keys(&ch.to_string()).await.expect("type");
        let so_far: String = typed.chars().take(i + 1).collect::<String>().trim_end().to_owned();
        wait_until(
            c,
            &format!("document.getElementById('preview').textContent.includes({})", json!(so_far)),
            "the preview to follow the keystroke",
        )
        .await;
        times.push(js(c, "Number(document.getElementById('preview-time').dataset.ms)").await.as_f64().unwrap_or(0.0));
    }
    times.sort_by(f64::total_cmp);
    eprintln!(
        "preview round trip on a {words}-word article over {} keystrokes: median {:.1} ms, max {:.1} ms",
        times.len(),
        times[times.len() / 2],
        times[times.len() - 1]
    );
    assert!(words >= 2000);
    screenshot(c, "9-long-article.png").await;

    // A saved web page opens as its article, with the page's source in the brief.
    let page = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/harbour-page.html");
    open(c, &page, "harbour-page.html").await;
    assert_eq!(
        js(c, "document.getElementById('f-source-name').value").await,
        "The Meridian Ledger",
        "the site, as outlet"
    );
    let article = js(c, "document.getElementById('article').textContent").await;
    let article = article.as_str().unwrap_or_default();
    assert!(article.starts_with("The Port of Calderra will open"), "the article, not the page: {article}");
    assert!(!article.contains("Most read") && !article.contains("<p"), "{article}");
    assert_eq!(js(c, "document.getElementById('f-title').value").await, "Port of Calderra opens night shipping lane");
    wait_until(
        c,
        "document.getElementById('preview').textContent.includes('Ilse Marwood')",
        "the page's author in the preview",
    )
    .await;
    screenshot(c, "10-web-page.png").await;

    // A PDF and a Word file open the same way (the open dialog and a drop hand
    // their path to openPath): the article, its headline, and the file's
    // author and date in the brief's source.
    let pdf = work.path().join("calderra.pdf");
    let document = briefsmith::render::DocumentInfo { author: "Mara Quint".to_owned(), ..Default::default() };
    let options = briefsmith::render::pdf::PdfOptions { document, ..Default::default() };
    let rendered = briefsmith::render::pdf::render(CALDERRA_MARKDOWN, &options).expect("a PDF");
    std::fs::write(&pdf, &rendered.bytes).expect("PDF written");
    open(c, &pdf, "calderra.pdf").await;
    // A line of the PDF ends where its column does, not the paragraph or the quote.
    let article = js(c, "document.getElementById('article').textContent").await;
    assert!(article.as_str().unwrap_or_default().contains("“We have ships anchored for two days"), "{article}");
    let direct =
        js(c, "window.briefsmith.state().brief.quotes.filter(q => q.kind === 'direct').map(q => q.text)").await;
    assert_eq!(direct, json!(["We have ships anchored for two days waiting for a berth"]));
    assert_eq!(js(c, "document.getElementById('f-title').value").await, "Port of Calderra opens night shipping lane");
    assert_eq!(js(c, "window.briefsmith.state().brief.source.author").await, "Mara Quint");
    wait_until(c, "document.getElementById('preview').textContent.includes('Mara Quint')", "the PDF's author").await;
    screenshot(c, "11-pdf.png").await;

    let docx = work.path().join("calderra.docx");
    std::fs::write(&docx, calderra_docx()).expect("Word file written");
    open(c, &docx, "calderra.docx").await;
    let article = js(c, "document.getElementById('article').textContent").await;
    assert!(article.as_str().unwrap_or_default().contains("dredged to 14 metres"), "{article}");
    assert_eq!(js(c, "document.getElementById('f-title').value").await, "Port of Calderra opens night shipping lane");
    assert_eq!(js(c, "window.briefsmith.state().brief.source.published").await, "2026-06-03");
    let direct =
        js(c, "window.briefsmith.state().brief.quotes.filter(q => q.kind === 'direct').map(q => q.speaker)").await;
    assert_eq!(direct, json!(["Teodor Vance"]));
    screenshot(c, "12-word-file.png").await;
    let _ = session.client.clone().close().await;
}

/// A torn autosave and settings that are not text: both are set aside
/// (renamed beside themselves, byte for byte), the app opens on the sample as
/// on a first run, and the message bar says what was set aside and where.
#[tokio::test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver; scripts/test.sh runs it under Xvfb"]
async fn damaged_autosave_and_settings_are_set_aside_and_the_analyst_is_told() {
    let work = tempfile::tempdir().expect("temp dir");
    let data = work.path().join("data");
    std::fs::create_dir_all(&data).expect("data folder");
    let torn_draft: &[u8] = b"{\n  \"brief\": {\n    \"version\": 1,\n    \"title\": \"B\xe1\xba\xa3n nh\xc3\xa1p d";
    let bad_settings: &[u8] = b"\xff\xfe{\"analyst\": 1}";
    std::fs::write(data.join("draft.json"), torn_draft).expect("draft written");
    std::fs::write(data.join("settings.json"), bad_settings).expect("settings written");

    let session = launch(work.path()).await;
    let c = &session.client;
    wait_until(c, "document.body.dataset.ready === 'true'", "the first screen").await;
    wait_until(c, "document.querySelector('#preview h1') !== null", "the sample's preview").await;
    assert_eq!(js(c, "window.briefsmith.state().brief.input.file_name").await, "vi-hai-cang.txt", "not a blank app");

    let kept = |prefix: &str| -> PathBuf {
        let found: Vec<PathBuf> = std::fs::read_dir(&data)
            .expect("data folder")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(prefix)))
            .collect();
        assert_eq!(found.len(), 1, "one {prefix}* in {}: {found:?}", data.display());
        found[0].clone()
    };
    let kept_draft = kept("draft.json.corrupt-");
    let kept_settings = kept("settings.json.corrupt-");
    assert_eq!(std::fs::read(&kept_draft).expect("kept draft"), torn_draft, "the draft is kept byte for byte");
    assert_eq!(std::fs::read(&kept_settings).expect("kept settings"), bad_settings);

    assert_eq!(js(c, "document.getElementById('message').className").await, "message warning");
    let text = js(c, "document.getElementById('message-text').textContent").await;
    let text = text.as_str().unwrap_or_default();
    for wanted in [
        "Your autosaved draft could not be read".to_owned(),
        format!("it is kept as {}.", kept_draft.display()),
        "Your settings could not be read, so the app started with the default settings".to_owned(),
        format!("it is kept as {}.", kept_settings.display()),
        "EOF while parsing".to_owned(),
        "not UTF-8".to_owned(),
    ] {
        assert!(text.contains(&wanted), "the message says {wanted:?}: {text}");
    }
    assert_eq!(js(c, "document.getElementById('message-action').hidden").await, false);
    assert!(text.starts_with("Your autosaved draft could not be read, so the app started without it."), "{text}");
    assert_eq!(js(c, "document.getElementById('message-action').textContent").await, "Show in folder");
    // Let WebKit paint the message's lines before the snapshot.
    tokio::time::sleep(Duration::from_millis(300)).await;
    screenshot(c, "13-damaged-files-set-aside.png").await;

    // The app works on: the sample's draft is autosaved in a new draft.json.
    c.find(Locator::Id("f-bottom-line")).await.expect("field").send_keys("Vẫn làm việc được.").await.expect("type");
    wait_autosaved(c).await;
    let draft = std::fs::read_to_string(data.join("draft.json")).expect("a new autosave");
    assert!(draft.contains("Vẫn làm việc được."));

    js(c, "(window.briefsmith.runMenu('ui_language:vi'), true)").await;
    wait_until(
        c,
        "document.getElementById('message-text').textContent.startsWith('Không đọc được bản nháp tự lưu')",
        "the message in Vietnamese",
    )
    .await;
    screenshot(c, "14-damaged-files-set-aside-vi.png").await;
    let _ = session.client.clone().close().await;
}

/// `briefsmith-desktop FILE` opens FILE; launched again while it runs, the
/// new launch hands its file to the running window and ends.
#[tokio::test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver; scripts/test.sh runs it under Xvfb"]
async fn a_file_on_the_command_line_opens_and_later_launches_hand_their_files_over() {
    let work = tempfile::tempdir().expect("temp dir");
    let seed = corpus().join("vi-nato-ai/article.txt");
    let session = launch_with(work.path(), &[&seed.display().to_string()]).await;
    let c = &session.client;
    wait_until(c, "document.body.dataset.ready === 'true'", "the first screen").await;
    wait_until(c, "window.briefsmith.state().brief?.input?.file_name === 'article.txt'", "the seed article").await;
    assert_eq!(js(c, "window.briefsmith.state().brief.language").await, "vi");

    // Launched again from the fixtures folder with a relative path.
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let mut second = Command::new(app_binary())
        .arg("harbour-page.html")
        .current_dir(&fixtures)
        .envs(session.app_env(work.path()))
        .spawn()
        .expect("the second launch starts");
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = second.try_wait().expect("the second launch") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = second.kill();
            panic!("the second launch did not hand over and end: two windows are open");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(status.success(), "the second launch ends cleanly: {status}");
    wait_until(
        c,
        "window.briefsmith.state().brief?.source.name === 'The Meridian Ledger'",
        "the running window to open the second launch's file",
    )
    .await;
    wait_until(c, "document.getElementById('preview').textContent.includes('Ilse Marwood')", "its preview").await;
    screenshot(c, "15-file-from-a-second-launch.png").await;

    // A file manager opening two articles with the app: their digest.
    let status = Command::new(app_binary())
        .args(["digest/ferry/harbour-gazette.txt", "digest/ferry/valley-post.txt"])
        .current_dir(&fixtures)
        .envs(session.app_env(work.path()))
        .status()
        .expect("the third launch runs");
    assert!(status.success(), "the third launch ends cleanly: {status}");
    wait_until(c, "window.briefsmith.state().brief?.sources?.length === 2", "the digest of the two files").await;
    assert_eq!(js(c, "document.querySelectorAll('#stories li.item').length").await, 1);
    let _ = session.client.clone().close().await;
}

#[tokio::test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver; scripts/test.sh runs it under Xvfb"]
async fn three_articles_become_a_digest_whose_story_is_reviewed_and_exported_as_a_pdf() {
    let work = tempfile::tempdir().expect("temp dir");
    let session = launch(work.path()).await;
    let c = &session.client;
    wait_until(c, "document.body.dataset.ready === 'true'", "the first screen").await;
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/digest");
    let paths = [
        fixtures.join("ferry/harbour-gazette.txt"),
        fixtures.join("mixed/chess-open.txt"),
        fixtures.join("ferry/valley-post.txt"),
    ];
    c.execute("window.briefsmith.openArticles(arguments[0]); return true;", vec![json!(paths)])
        .await
        .expect("openArticles runs");
    wait_until(c, "document.querySelectorAll('#stories li.item').length === 2", "two stories").await;
    wait_until(c, "document.getElementById('preview').textContent.includes('[3]')", "the digest's preview").await;
    // A digest offers the templates made for stories, and starts on `digest`.
    assert_eq!(js(c, "window.briefsmith.state().template").await, "digest");
    let offered = js(c, "[...document.getElementById('template').options].map(o => o.value)").await;
    assert_eq!(offered, json!(["digest", "topic-brief"]));
    assert!(js(c, "getComputedStyle(document.getElementById('removed-box')).display === 'none'").await == true);
    screenshot(c, "16-digest-stories.png").await;

    // The ferry story, reported by sources 1 and 3, is under review.
    let story = js(c, "window.briefsmith.state().brief.stories[0]").await;
    assert_eq!(story["sources"], json!([0, 2]));
    let first = c.find(Locator::Css("#key-points li.item")).await.expect("key point row");
    first.click().await.expect("click");
    let point = &story["key_points"][0];
    wait_until(
        c,
        &format!("document.querySelector('#article mark')?.textContent === {}", point["text"]),
        "the key point marked in its own article",
    )
    .await;
    assert!(js(c, "document.getElementById('article-source').textContent").await.as_str().unwrap().starts_with("[1] "));
    // Its other source shows the same fact in the other outlet's words.
    let other = point["also_in"][0].clone();
    assert_eq!(other["source"], 2, "{point}");
    first.find(Locator::Css(".meta .source-mark:nth-of-type(2)")).await.expect("[3]").click().await.expect("click");
    wait_until(c, "document.getElementById('article-source').textContent.startsWith('[3] ')", "source 3").await;
    let marked = js(c, "document.querySelector('#article mark')?.textContent").await;
    let (start, end) = (other["start"].as_u64().unwrap() as usize, other["end"].as_u64().unwrap() as usize);
    let expected: String = js(c, "window.briefsmith.state().brief.sources[2].article")
        .await
        .as_str()
        .unwrap()
        .chars()
        .skip(start)
        .take(end - start)
        .collect();
    assert_eq!(marked, json!(expected));
    screenshot(c, "17-digest-also-in-source.png").await;

    // Review: exclude the second key point, edit the first by keyboard,
    // rename the story, name the first source's outlet.
    let excluded = story["key_points"][1]["text"].as_str().expect("a second key point").to_owned();
    c.find(Locator::Css("#key-points li.item:nth-child(2) input[type=checkbox]"))
        .await
        .expect("checkbox")
        .click()
        .await
        .expect("click");
    let edited = "Lissel Lines cancelled every Carrowmore sailing as its crews struck (edited).";
    let row = c.find(Locator::Css("#key-points li.item")).await.expect("row");
    c.execute("arguments[0].focus(); return true;", vec![serde_json::to_value(&row).expect("element")])
        .await
        .expect("focus");
    row.send_keys(ENTER).await.expect("Enter opens the editor");
    let editor = c.find(Locator::Css("#key-points textarea.editor")).await.expect("editor");
    editor.send_keys("\u{E009}a\u{E000}").await.expect("select all");
    editor.send_keys(edited).await.expect("type");
    editor.send_keys(ENTER).await.expect("Enter saves");
    let title = "Carrowmore ferry strike";
    let story_row = c.find(Locator::Css("#stories li.item")).await.expect("story row");
    c.execute("arguments[0].focus(); return true;", vec![serde_json::to_value(&story_row).expect("element")])
        .await
        .expect("focus");
    story_row.send_keys("\u{E032}").await.expect("F2 renames");
    let rename = c.find(Locator::Css("#stories input.editor")).await.expect("title editor");
    rename.send_keys("\u{E009}a\u{E000}").await.expect("select all");
    rename.send_keys(title).await.expect("type");
    rename.send_keys(ENTER).await.expect("Enter saves");
    c.find(Locator::Css("#sources fieldset:first-child input[data-field=name]"))
        .await
        .expect("outlet field")
        .send_keys("Harbour Gazette")
        .await
        .expect("typed");
    let state = js(c, "window.briefsmith.state().brief").await;
    assert_eq!(state["stories"][0]["key_points"][0]["edited"], edited);
    assert_eq!(state["stories"][0]["key_points"][1]["included"], false);
    assert_eq!(state["stories"][0]["edited"], title);
    assert_eq!(state["sources"][0]["name"], "Harbour Gazette");

    // The story alone, as a topic brief.
    c.find(Locator::Id("scope")).await.expect("scope").select_by_value("story").await.expect("story alone");
    c.find(Locator::Id("template")).await.expect("template").select_by_value("topic-brief").await.expect("topic");
    wait_until(c, "document.querySelector('#preview h1')?.textContent === 'Carrowmore ferry strike'", "the story")
        .await;
    wait_autosaved(c).await;
    screenshot(c, "18-digest-story-reviewed.png").await;
    let pdf = work.path().join("ferry-story.pdf");
    c.execute("window.briefsmith.exportTo('pdf', arguments[0]); return true;", vec![json!(pdf)])
        .await
        .expect("export runs");
    wait_until(c, "document.getElementById('message').classList.contains('success')", "the export message").await;
    let text = Command::new("pdftotext").args([pdf.as_os_str(), "-".as_ref()]).output().expect("pdftotext runs");
    let text = normalize(&String::from_utf8_lossy(&text.stdout));
    assert!(text.contains(title) && text.contains(&normalize(edited)), "{text}");
    assert!(!text.contains(&normalize(&excluded)), "the excluded key point is not in the PDF: {text}");
    // Numbered sources: the story's two, renumbered, the outlet named.
    assert!(text.contains("[1]") && text.contains("[2]") && !text.contains("[3]"), "{text}");
    assert!(text.contains("Harbour Gazette"), "{text}");
    assert!(!text.to_lowercase().contains("chess"), "only the story: {text}");

    // The whole digest as Markdown still has both stories and three sources.
    c.find(Locator::Id("scope")).await.expect("scope").select_by_value("all").await.expect("all");
    c.find(Locator::Id("template")).await.expect("template").select_by_value("digest").await.expect("digest");
    let md = work.path().join("digest.md");
    c.execute("document.getElementById('message').className = ''; return true;", vec![]).await.expect("reset");
    c.execute("window.briefsmith.exportTo('markdown', arguments[0]); return true;", vec![json!(md)])
        .await
        .expect("export runs");
    wait_until(c, "document.getElementById('message').classList.contains('success')", "the export message").await;
    let digest = std::fs::read_to_string(&md).expect("digest written");
    assert!(digest.contains(title) && digest.contains("[3]") && digest.to_lowercase().contains("chess"), "{digest}");

    // The autosave holds the digest: killed and started again, the review is back.
    wait_autosaved(c).await;
    // The same screen in Vietnamese: the digest's own labels are translated too.
    js(c, "(window.briefsmith.runMenu('ui_language:vi'), true)").await;
    wait_until(c, "document.getElementById('stories-title').textContent === 'Câu chuyện'", "Vietnamese labels").await;
    screenshot(c, "19-digest-vietnamese.png").await;
    js(c, "(window.briefsmith.runMenu('ui_language:en'), true)").await;
    let pid = app_pid(work.path()).expect("the app's process");
    Command::new("kill").args(["-KILL", &pid.to_string()]).status().expect("kill runs");
    drop(session);
    let session = launch(work.path()).await;
    let c = &session.client;
    wait_until(c, "document.querySelectorAll('#stories li.item').length === 2", "the restored digest").await;
    let state = js(c, "window.briefsmith.state().brief").await;
    assert_eq!(state["stories"][0]["edited"], title);
    assert_eq!(state["stories"][0]["key_points"][1]["included"], false);
    assert_eq!(state["sources"][0]["name"], "Harbour Gazette");
    assert_eq!(js(c, "window.briefsmith.state().template").await, "digest");
    let _ = session.client.clone().close().await;
}

/// A short fictional article, the body of the PDF and Word files the app opens.
const CALDERRA_MARKDOWN: &str = "# Port of Calderra opens night shipping lane\n\n\
    The Port of Calderra will open a second shipping lane to night traffic from June 3, the harbour authority \
    said on Tuesday.\n\nHarbour master Teodor Vance said the lane had been dredged to 14 metres. \
    “We have ships anchored for two days waiting for a berth,” he said.\n";

/// The same article as a Word file: a Title paragraph, the body, and the
/// day it was written in the file's properties.
fn calderra_docx() -> Vec<u8> {
    use docx_rs::{Docx, Paragraph, Run};
    let paragraph = |text: &str| Paragraph::new().add_run(Run::new().add_text(text));
    let mut docx = Docx::new().created_at("2026-06-03T08:15:00Z");
    for (i, block) in CALDERRA_MARKDOWN.split("\n\n").enumerate() {
        let text = block.trim().trim_start_matches("# ");
        docx = docx.add_paragraph(if i == 0 { paragraph(text).style("Title") } else { paragraph(text) });
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut bytes).expect("a Word file");
    bytes.into_inner()
}
