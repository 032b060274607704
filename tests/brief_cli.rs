//! `briefsmith brief`, `analyze --brief-json` and `templates` from the command
//! line: edited Brief JSON round trips, atomic output, user templates.

mod common;

use common::{briefsmith, seed_path};

fn run(args: &[&str]) -> (i32, String, String) {
    let output = briefsmith(args);
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn an_edited_brief_json_renders_exactly_the_edits() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed_path();
    let (code, json, stderr) = run(&["analyze", "--brief-json", seed.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let mut brief: serde_json::Value = serde_json::from_str(json.trim()).unwrap();
    // The analyst excludes one key point, rewords a quote and fills fields.
    let excluded = brief["key_points"][1]["text"].as_str().unwrap().to_owned();
    brief["key_points"][1]["included"] = false.into();
    brief["quotes"][0]["edited"] = "Bước tiếp theo là hợp tác với Trung Quốc (đã rút gọn)".into();
    brief["analyst"]["bottom_line"] = "NATO muốn đối thoại với Trung Quốc về AI.".into();
    let path = dir.path().join("brief.json");
    std::fs::write(&path, serde_json::to_string_pretty(&brief).unwrap()).unwrap();

    let out = dir.path().join("brief.md");
    let (code, _, stderr) =
        run(&["brief", "--brief", path.to_str().unwrap(), "--template", "bluf", "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let markdown = std::fs::read_to_string(&out).unwrap();
    assert!(markdown.contains("(đã rút gọn)"), "{markdown}");
    assert!(!markdown.contains(&excluded), "the excluded key point is gone:\n{markdown}");
    assert!(markdown.contains("NATO muốn đối thoại với Trung Quốc về AI."));
    assert!(markdown.contains("## Kết luận chính"), "labels follow the article's language");
}

#[test]
fn a_failed_render_leaves_the_existing_output_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brief.md");
    std::fs::write(&out, "the analyst's earlier brief").unwrap();
    let bad = dir.path().join("bad.md.j2");
    std::fs::write(&bad, "# {{ title }\n").unwrap();
    let seed = seed_path();
    let (code, stdout, stderr) =
        run(&["brief", seed.to_str().unwrap(), "--template", bad.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(stderr.contains("bad.md.j2:1:"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "the analyst's earlier brief");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2, "no temporary file left behind");
}

#[test]
fn settings_and_locale_from_the_command_line() {
    let seed = seed_path();
    let (code, markdown, stderr) = run(&[
        "brief",
        seed.to_str().unwrap(),
        "--locale",
        "en",
        "--template",
        "sitrep",
        "--set",
        "analyst=Lê Minh",
        "--set",
        "confidence=high",
        "--set",
        "assessment=Likely to continue.",
        "--set",
        "recommendation=Watch the summit.",
        "--set",
        "generated=2026-03-01",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(markdown.contains("## Situation") && markdown.contains("1 March 2026"), "{markdown}");
    assert!(markdown.contains("Likely to continue. (Confidence: High)"), "{markdown}");
    assert!(markdown.contains("- Watch the summit."));
    for bad in ["colour=blue", "confidence=sure", "generated=tomorrow", "novalue"] {
        let (code, _, stderr) = run(&["brief", seed.to_str().unwrap(), "--set", bad]);
        assert_eq!(code, 2, "{bad}: {stderr}");
    }
}

#[test]
fn templates_commands_over_a_user_folder() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().to_str().unwrap();
    let (code, stdout, _) = run(&["--templates-dir", folder, "templates", "new", "house", "--from", "one-pager"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("house"));
    let (_, list, _) = run(&["--templates-dir", folder, "templates", "list"]);
    assert!(list.contains("house") && list.contains("(user)") && list.contains("bluf"), "{list}");
    let (_, shown, _) = run(&["--templates-dir", folder, "templates", "show", "house"]);
    assert!(shown.contains("labels.summary"));
    let template = dir.path().join("house/brief.md.j2");
    let (code, stdout, stderr) = run(&["--templates-dir", folder, "templates", "check", template.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.ends_with(": ok\n"));
    std::fs::write(&template, "# {{ title }}\n{{ summry }}\n").unwrap();
    let (code, _, stderr) = run(&["--templates-dir", folder, "templates", "check", template.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stderr.contains("brief.md.j2:2:4: undefined variable 'summry'"), "{stderr}");
    let (code, _, stderr) = run(&["--templates-dir", folder, "templates", "new", "house"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("already exists"), "{stderr}");
    let (code, _, stderr) = run(&["templates", "show", "no-such-template"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("briefsmith templates list"), "{stderr}");
}

#[test]
fn a_template_exported_and_imported_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let (mine, theirs) = (dir.path().join("mine"), dir.path().join("theirs"));
    let package = dir.path().join("house.bstpl");
    let (mine, theirs, package) = (mine.to_str().unwrap(), theirs.to_str().unwrap(), package.to_str().unwrap());
    run(&["--templates-dir", mine, "templates", "new", "house", "--from", "sitrep"]);
    let (code, stdout, stderr) = run(&["--templates-dir", mine, "templates", "export", "house", "-o", package]);
    assert_eq!((code, stdout.as_str()), (0, format!("wrote {package}\n").as_str()), "{stderr}");
    let (code, stdout, _) = run(&["--templates-dir", theirs, "templates", "import", package]);
    assert_eq!((code, stdout.as_str()), (0, "installed template 'house'\n"));
    let (code, _, stderr) = run(&["--templates-dir", theirs, "templates", "import", package]);
    assert_eq!(code, 1);
    assert!(stderr.contains("you already have a template named 'house'; pass --replace"), "{stderr}");
    let (code, _, _) = run(&["--templates-dir", theirs, "templates", "import", package, "--replace"]);
    assert_eq!(code, 0);
}

#[test]
fn names_only_in_a_photo_credit_are_not_the_story_actors() {
    let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/vi-hai-cang.txt");
    for (input, credited) in [(sample, "Báo Lạc Giang"), (seed_path(), "Reuters")] {
        let (code, json, stderr) = run(&["analyze", "--brief-json", input.to_str().unwrap()]);
        assert_eq!(code, 0, "{stderr}");
        let brief: serde_json::Value = serde_json::from_str(json.trim()).unwrap();
        let names: Vec<&str> =
            brief["entities"].as_array().unwrap().iter().map(|e| e["text"].as_str().unwrap()).collect();
        assert!(!names.contains(&credited), "{credited} is among the actors: {names:?}");
        assert!(!names.is_empty());
        for template in ["sitrep", "bluf", "one-pager"] {
            let (code, markdown, stderr) = run(&["brief", input.to_str().unwrap(), "--template", template]);
            assert_eq!(code, 0, "{stderr}");
            let body: String = markdown.lines().filter(|l| !l.to_lowercase().contains("ảnh")).collect();
            assert!(!body.contains(credited), "{template}: {credited} in the brief:\n{markdown}");
        }
    }
}
