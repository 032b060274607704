//! The CLI on bad and unusual input: each gets a clear error or correct
//! handling, exit codes 0/1/2, and never a panic.

mod common;

use std::path::{Path, PathBuf};

use common::{analyze_json, assert_contract, briefsmith, seed_path};
use unicode_normalization::UnicodeNormalization;

/// A scratch folder for one test, under cargo's target dir.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path.to_str().expect("utf-8 path").to_owned()
}

/// Runs analyze on one file and expects exit 1 with a message naming the file.
fn expect_error(path: &str, expected: &str) {
    let output = briefsmith(&["analyze", "--json", path]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{path}: {stderr}");
    assert!(stderr.contains(path), "the error names the file: {stderr}");
    assert!(stderr.contains(expected), "expected '{expected}' in: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(output.stdout.is_empty());
}

const ARTICLE: &str = "Hội nghị thượng đỉnh khai mạc tại Hà Nội\n\nCác bộ trưởng từ 12 quốc gia đã gặp nhau tại Hà Nội hôm thứ Ba. Bà Nguyễn Thu Trang cho biết: \"Chúng tôi đã đạt được đồng thuận về thương mại\".\n";

#[test]
fn empty_binary_directory_and_missing_inputs_are_clear_errors() {
    let dir = scratch("bad");
    expect_error(&write(&dir, "empty.txt", b""), "empty");
    expect_error(&write(&dir, "blank.txt", b" \n\n \t\n"), "empty");
    expect_error(&write(&dir, "image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10"), "PNG image");
    expect_error(dir.to_str().unwrap(), "directory");
    expect_error(dir.join("missing.txt").to_str().unwrap(), "no such file");
    expect_error(&write(&dir, "noise.txt", "Bình luận (0)\nChia sẻ\n".as_bytes()), "no article text");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec!["analyze"],
        vec!["analyze", "--lang", "klingon", "x.txt"],
        vec!["frobnicate"],
        vec!["analyze", "--key-points", "many", "x"],
    ] {
        let output = briefsmith(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"));
    }
}

#[test]
fn one_bad_file_among_several_is_reported_and_the_others_processed() {
    let dir = scratch("several");
    let good = write(&dir, "good.txt", ARTICLE.as_bytes());
    let bad = write(&dir, "bad.png", b"\x89PNG\r\n\x1a\nrest");
    let output = briefsmith(&["analyze", "--json", &good, &bad, &good]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 2, "both good files are analyzed");
    for line in stdout.lines() {
        assert_contract(&serde_json::from_str(line).unwrap());
    }
    assert!(String::from_utf8_lossy(&output.stderr).contains("bad.png"));
}

#[test]
fn encodings_decode_to_the_same_analysis() {
    let dir = scratch("encodings");
    let utf8 = write(&dir, "utf8.txt", ARTICLE.as_bytes());
    let bom = write(&dir, "bom.txt", &[b"\xEF\xBB\xBF".as_slice(), ARTICLE.as_bytes()].concat());
    let utf16le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(ARTICLE.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let utf16be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(ARTICLE.encode_utf16().flat_map(u16::to_be_bytes)).collect();
    let le = write(&dir, "le.txt", &utf16le);
    let be = write(&dir, "be.txt", &utf16be);
    let legacy = write(&dir, "cp1258.txt", &common::to_windows_1258(ARTICLE));
    let nfd: String = ARTICLE.nfd().collect();
    let decomposed = write(&dir, "nfd.txt", nfd.as_bytes());

    let out = analyze_json(&[&utf8, &bom, &le, &be, &legacy, &decomposed]);
    let encodings: Vec<&str> = out.iter().map(|a| a["encoding"].as_str().unwrap()).collect();
    assert_eq!(encodings, vec!["UTF-8", "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1258", "UTF-8"]);
    let reference = &out[0];
    assert_eq!(reference["quotes"][0]["speaker"], "Nguyễn Thu Trang");
    for analysis in &out[1..] {
        for field in ["text", "title", "key_points", "quotes", "entities", "figures", "language"] {
            assert_eq!(analysis[field], reference[field], "{}: {field}", analysis["file"]);
        }
    }
}

#[test]
fn invalid_utf8_is_read_with_a_warning() {
    let dir = scratch("invalid");
    let mut bytes = ARTICLE.as_bytes().to_vec();
    bytes.insert(60, 0xFF);
    let path = write(&dir, "damaged.txt", &bytes);
    let out = analyze_json(&[&path]);
    assert_eq!(out[0]["encoding"], "UTF-8");
    assert!(out[0]["warnings"][0].as_str().unwrap().contains("not valid UTF-8"));
    assert_contract(&out[0]);
}

#[test]
fn standard_input_and_readable_summary() {
    let seed = std::fs::read(seed_path()).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_briefsmith"))
        .args(["analyze", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(&seed).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    let summary = String::from_utf8(output.stdout).unwrap();
    assert!(summary.starts_with("-  (vi, plain, UTF-8)"), "{summary}");
    assert!(summary.contains("Key points"));
    assert!(summary.contains("— Jens Stoltenberg (direct)"));
    assert!(summary.contains("Bình luận (0)  (comment or share counter)"));
}

#[test]
fn markdown_keeps_headings_as_structure() {
    let dir = scratch("markdown");
    let md = "# Thỏa thuận thương mại mới\n\n## Bối cảnh\n\nCác bộ trưởng từ 12 quốc gia đã gặp nhau tại **Hà Nội** hôm thứ Ba để bàn về [thương mại](https://example.org).\n\n![Ảnh: AP](a.jpg)\n";
    let path = write(&dir, "brief.md", md.as_bytes());
    let out = analyze_json(&[&path]);
    let a = &out[0];
    assert_eq!(a["format"], "markdown");
    assert_eq!(a["title"], "Thỏa thuận thương mại mới");
    assert_eq!(
        a["text"],
        "Bối cảnh\n\nCác bộ trưởng từ 12 quốc gia đã gặp nhau tại Hà Nội hôm thứ Ba để bàn về thương mại."
    );
    assert_eq!(a["removed"][0]["reason"], "image");
    // A heading is structure, never a key point.
    assert!(a["key_points"].as_array().unwrap().iter().all(|k| k["text"] != "Bối cảnh"));
}

#[test]
fn a_50_mb_article_finishes() {
    let dir = scratch("large");
    let paragraph = "Các quan chức từ hơn 60 chính phủ đã gặp nhau tại The Hague để thảo luận về AI. Ông Stoltenberg cho biết: \"Chúng tôi sẽ hợp tác\". Officials said 31 members agreed in June.\n";
    let repeats = 50 * 1024 * 1024 / paragraph.len() + 1;
    let path = write(&dir, "large.txt", paragraph.repeat(repeats).as_bytes());
    let output = briefsmith(&["analyze", "--json", "--key-points", "3", &path]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let analysis: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(analysis["key_points"].as_array().unwrap().len(), 3);
    std::fs::remove_dir_all(&dir).ok();
}

/// Fictional articles of very different lengths, so that workers finish them
/// out of order: the first is the longest.
fn articles_of_mixed_length(dir: &Path, count: usize) -> Vec<String> {
    (0..count)
        .map(|i| {
            let body = ARTICLE.split_once('\n').unwrap().1.repeat(if i == 0 { 100 } else { 1 + i % 3 });
            write(dir, &format!("article-{i:02}.txt"), format!("Bản tin số {i}\n{body}").as_bytes())
        })
        .collect()
}

#[test]
fn several_inputs_are_printed_in_the_order_given_whatever_finishes_first() {
    let dir = scratch("order");
    let files = articles_of_mixed_length(&dir, 24);
    let args: Vec<&str> = files.iter().map(String::as_str).collect();
    let out = analyze_json(&args);
    let printed: Vec<&str> = out.iter().map(|a| a["file"].as_str().unwrap()).collect();
    assert_eq!(printed, args);
    for (i, analysis) in out.iter().enumerate() {
        assert_eq!(analysis["title"], format!("Bản tin số {i}"));
    }

    let output = briefsmith(&[&["extract", "--json"], args.as_slice()].concat());
    assert!(output.status.success());
    // Not a terminal: no progress bar, nothing on standard error.
    assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
    let extracted: Vec<serde_json::Value> =
        String::from_utf8(output.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let printed: Vec<&str> = extracted.iter().map(|e| e["file"].as_str().unwrap()).collect();
    assert_eq!(printed, args);

    let text = String::from_utf8(briefsmith(&["extract", &files[1], &files[2]]).stdout).unwrap();
    let first = text.find(&format!("==> {} <==\nCác bộ trưởng", files[1])).expect("a header names the first file");
    let second = text.find(&format!("==> {} <==\nCác bộ trưởng", files[2])).expect("a header names the second file");
    assert!(first < second);
}

#[test]
fn errors_among_several_inputs_come_in_input_order() {
    let dir = scratch("error-order");
    let good = articles_of_mixed_length(&dir, 3);
    let empty = write(&dir, "empty.txt", b"");
    let missing = dir.join("missing.txt").to_str().unwrap().to_owned();
    let output = briefsmith(&["analyze", "--json", &good[0], &empty, &good[1], &missing, &good[2]]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(String::from_utf8(output.stdout).unwrap().lines().count(), 3);
    let stderr = String::from_utf8(output.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(lines[0].contains("empty.txt") && lines[1].contains("missing.txt"), "{stderr}");
}

#[test]
fn shell_completions_and_the_manual_page_come_from_the_same_definitions() {
    for (shell, marker) in
        [("bash", "_briefsmith()"), ("zsh", "#compdef briefsmith"), ("fish", "complete -c briefsmith")]
    {
        let output = briefsmith(&["completions", shell]);
        let script = String::from_utf8(output.stdout).unwrap();
        assert_eq!(output.status.code(), Some(0), "{shell}");
        assert!(script.contains(marker), "{shell}: {}", &script[..script.len().min(200)]);
        for subcommand in ["analyze", "brief", "digest", "templates"] {
            assert!(script.contains(subcommand), "{shell} completes {subcommand}");
        }
        assert!(script.contains("citations"), "{shell} completes the brief's options");
    }
    // Bash reads the script without a syntax error.
    let dir = scratch("completions");
    let script = write(&dir, "briefsmith.bash", &briefsmith(&["completions", "bash"]).stdout);
    let checked = std::process::Command::new("bash").args(["-n", &script]).output().unwrap();
    assert!(checked.status.success(), "{}", String::from_utf8_lossy(&checked.stderr));
    let unknown = briefsmith(&["completions", "tcsh"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("possible values: bash"));

    let page = String::from_utf8(briefsmith(&["man"]).stdout).unwrap();
    assert!(page.contains(".TH briefsmith 1"), "{}", &page[..page.len().min(200)]);
    for subcommand in ["analyze", "digest", "completions"] {
        assert!(page.contains(subcommand), "the manual lists {subcommand}");
    }
}

#[test]
fn quiet_leaves_out_warnings_and_no_color_leaves_out_colour() {
    let dir = scratch("quiet");
    let article = write(&dir, "article.txt", ARTICLE.as_bytes());
    let out = dir.join("digest.md");
    let out = out.to_str().unwrap();
    let loud = briefsmith(&["digest", "-o", out, &article, &article]);
    assert_eq!(loud.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&loud.stderr).contains("given more than once"));
    let digest = std::fs::read(out).unwrap();
    let quiet = briefsmith(&["--quiet", "digest", "-o", out, &article, &article]);
    assert_eq!(quiet.status.code(), Some(0));
    assert!(quiet.stderr.is_empty(), "{}", String::from_utf8_lossy(&quiet.stderr));
    assert_eq!(std::fs::read(out).unwrap(), digest, "the same digest, only quieter");
    // Errors still speak.
    let failed = briefsmith(&["-q", "analyze", "--json", &dir.join("missing.txt").to_string_lossy()]);
    assert_eq!(failed.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&failed.stderr).contains("no such file"));

    // The help is coloured when forced, and never under NO_COLOR (no-color.org).
    let help = |env: &[(&str, &str)]| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_briefsmith"));
        command.arg("--help").env_remove("NO_COLOR").envs(env.iter().copied());
        String::from_utf8(command.output().unwrap().stdout).unwrap()
    };
    assert!(help(&[("CLICOLOR_FORCE", "1")]).contains('\u{1b}'));
    assert!(!help(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]).contains('\u{1b}'));
}
