//! Briefing templates: the built-ins on real articles (golden files), the
//! sandbox (syntax errors, undefined names, runaway loops, includes outside the
//! template folders), Markdown injection, user templates and edited briefs.
//!
//! Golden files: `BRIEFSMITH_BLESS=1 cargo test --test templates` rewrites
//! them; review every change by eye before committing it.

mod common;

use std::path::{Path, PathBuf};
use std::time::Instant;

use briefsmith::brief::{Brief, BriefOptions, Confidence};
use briefsmith::template::{Library, TemplateError};
use pulldown_cmark::{Event, Options, Parser, Tag};

fn analysis_of(path: &Path) -> briefsmith::Analysis {
    let bytes = std::fs::read(path).unwrap();
    let mut options = briefsmith::Options::default();
    options.ingest.file_name = Some(path.file_name().unwrap().to_string_lossy().into_owned());
    let mut analysis = briefsmith::analyze_bytes(&bytes, &options).unwrap();
    analysis.file = path.file_name().unwrap().to_string_lossy().into_owned();
    analysis
}

/// A brief with every analyst field filled, so every section shows.
fn filled_brief(path: &Path) -> Brief {
    let mut brief = Brief::from_analysis(
        &analysis_of(path),
        BriefOptions { generated: Some("2026-11-28".into()), ..Default::default() },
    );
    brief.analyst.analyst = "Lê Minh".into();
    brief.analyst.assessment = "The statements signal a shift in tone; watch the next summit.".into();
    brief.analyst.confidence = Some(Confidence::Moderate);
    brief.analyst.classification = "UNCLASSIFIED".into();
    brief.analyst.recommendations = vec!["Track follow-up statements.".into(), "Brief the regional desk.".into()];
    brief.source.url = "https://example.org/news/item?id=1&lang=vi".into();
    brief
}

fn library() -> Library {
    Library::new(None)
}

/// Parses Markdown as the renderers will, returning (headings, html events).
fn structure(markdown: &str) -> (Vec<String>, usize) {
    let mut headings = Vec::new();
    let mut html = 0;
    let mut in_heading = false;
    let mut current = String::new();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { .. }) => in_heading = true,
            Event::End(pulldown_cmark::TagEnd::Heading(_)) => {
                headings.push(std::mem::take(&mut current));
                in_heading = false;
            }
            Event::Text(t) | Event::Code(t) if in_heading => current.push_str(&t),
            Event::Html(_) | Event::InlineHtml(_) => html += 1,
            _ => {}
        }
    }
    (headings, html)
}

#[test]
fn built_ins_render_real_articles_in_both_locales() {
    let articles = [("seed", common::seed_path()), ("en", common::corpus().join("en-summary/politics-004.txt"))];
    let bless = std::env::var_os("BRIEFSMITH_BLESS").is_some();
    let golden = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let library = library();
    let names: Vec<String> = library.list().unwrap().into_iter().map(|t| t.name).collect();
    assert_eq!(names, vec!["bluf", "digest", "one-pager", "quote-sheet", "sitrep", "topic-brief"]);
    for (article, path) in &articles {
        let brief = filled_brief(path);
        for name in &names {
            let template = library.resolve(name).unwrap();
            for locale in ["vi", "en"] {
                let markdown = library.render(&template, &brief, locale).unwrap();
                let (headings, html) = structure(&markdown);
                assert_eq!(html, 0, "{name}/{article}/{locale}: raw HTML in the brief");
                assert!(headings.len() >= 3, "{name}/{article}/{locale}: {headings:?}");
                assert!(!markdown.contains("⟨undefined⟩"), "{name}: undefined value rendered");
                let file = golden.join(format!("{name}.{article}.{locale}.md"));
                if bless {
                    std::fs::write(&file, &markdown).unwrap();
                } else {
                    let expected = std::fs::read_to_string(&file)
                        .unwrap_or_else(|_| panic!("{} is missing; run with BRIEFSMITH_BLESS=1", file.display()));
                    assert_eq!(markdown, expected, "{} differs", file.display());
                }
            }
        }
    }
}

#[test]
fn labels_follow_the_locale_and_dates_are_localized() {
    let library = library();
    let brief = filled_brief(&common::seed_path());
    let bluf = library.resolve("bluf").unwrap();
    let vi = library.render(&bluf, &brief, "vi").unwrap();
    assert!(vi.contains("## Kết luận chính") && vi.contains("ngày 28 tháng 11 năm 2026"), "{vi}");
    let en = library.render(&bluf, &brief, "en").unwrap();
    assert!(en.contains("## Bottom line") && en.contains("28 November 2026"), "{en}");
    assert_eq!(library.pick_locale(None, "vi"), "vi");
    assert_eq!(library.pick_locale(None, "de"), "en");
    let error = library.render(&bluf, &brief, "xx").unwrap_err();
    assert!(matches!(error, TemplateError::UnknownLocale { .. }), "{error}");
}

#[test]
fn empty_sections_leave_no_dangling_headings() {
    let library = library();
    let mut brief = filled_brief(&common::seed_path());
    brief.quotes.clear();
    brief.analyst = Default::default();
    brief.figures.clear();
    for name in ["bluf", "sitrep", "quote-sheet", "one-pager"] {
        let markdown = library.render(&library.resolve(name).unwrap(), &brief, "en").unwrap();
        for (i, line) in markdown.lines().enumerate() {
            if line.starts_with("## ") {
                let next = markdown.lines().skip(i + 1).find(|l| !l.trim().is_empty());
                assert!(next.is_some_and(|l| !l.starts_with('#')), "{name}: empty section {line}\n{markdown}");
            }
        }
        assert!(!markdown.contains("Key quotes") && !markdown.contains("Assessment"), "{name}:\n{markdown}");
    }
}

#[test]
fn article_text_cannot_inject_markdown_or_html() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("hostile.txt");
    std::fs::write(
        &article,
        "# Fake heading line that is long enough to be a sentence on its own here.\n\nOfficials said the <script>alert(1)</script> plan was [approved](javascript:alert(1)) by | all | members today.\n\n- A fake list item that pretends to be a list in the brief output.\n\n\"We will never accept this, and we say so openly,\" said Minister Jana Novak.\n",
    )
    .unwrap();
    let library = library();
    let mut brief = Brief::from_analysis(&analysis_of(&article), BriefOptions::default());
    brief.title = "## Title <b>bold</b>".into();
    for name in ["bluf", "sitrep", "quote-sheet", "one-pager"] {
        let markdown = library.render(&library.resolve(name).unwrap(), &brief, "en").unwrap();
        let (headings, html) = structure(&markdown);
        assert_eq!(html, 0, "{name}: raw HTML got through:\n{markdown}");
        assert!(headings.iter().all(|h| !h.contains("Fake")), "{name}: {headings:?}");
        assert_eq!(headings[0], "## Title <b>bold</b>", "{name}: the title is text");
        let links = Parser::new(&markdown).filter(|e| matches!(e, Event::Start(Tag::Link { .. }))).count();
        assert_eq!(links, 0, "{name}: a link got through:\n{markdown}");
    }
}

fn write_template(dir: &Path, source: &str) -> String {
    let path = dir.join("custom.md.j2");
    std::fs::write(&path, source).unwrap();
    path.to_str().unwrap().to_owned()
}

fn check(source: &str) -> TemplateError {
    let dir = tempfile::tempdir().unwrap();
    let path = write_template(dir.path(), source);
    let library = library();
    let template = library.resolve(&path).unwrap();
    let brief = filled_brief(&common::seed_path());
    library.check(&template, &brief, "en").unwrap_err()
}

#[test]
fn syntax_errors_name_file_line_and_column() {
    let error = check("# {{ title }}\n\n{% for p in key_points %}\n- {{ p.text }\n{% endfor %}\n").to_string();
    assert!(error.contains("custom.md.j2:4:"), "{error}");
    assert!(error.contains("syntax error"), "{error}");
}

#[test]
fn undefined_variables_fail_the_check_and_show_when_rendering() {
    let error = check("# {{ title }}\n\n{% if false %}{{ bottom_lien }}{% endif %}\n").to_string();
    assert!(error.contains("custom.md.j2:3:") && error.contains("bottom_lien"), "{error}");
    let error = check("# {{ title }}\n\n{{ analyst.bottom_lien }}\n").to_string();
    assert!(error.contains("custom.md.j2:3:") && error.contains("undefined"), "{error}");
    // Rendering shows the hole instead of leaving a silent blank.
    let dir = tempfile::tempdir().unwrap();
    let path = write_template(dir.path(), "# {{ title }}\n\n{{ analyst.bottom_lien }}\n");
    let library = library();
    let markdown = library.render(&library.resolve(&path).unwrap(), &filled_brief(&common::seed_path()), "en").unwrap();
    assert!(markdown.contains("⟨undefined⟩"), "{markdown}");
}

#[test]
fn a_runaway_loop_stops_within_a_second() {
    // 10^8 iterations as two nested loops: stopped by the fuel limit.
    let started = Instant::now();
    let error =
        check("# {{ title }}\n{% for i in range(10000) %}{% for j in range(10000) %}{{ j }}{% endfor %}{% endfor %}\n")
            .to_string();
    assert!(started.elapsed().as_secs_f64() < 1.0, "took {:?}", started.elapsed());
    assert!(error.contains("custom.md.j2:2:") && error.contains("ran too long"), "{error}");
    // One range of 10^8 is refused outright, also with its place.
    let error = check("{% for i in range(100000000) %}{{ i }}{% endfor %}\n").to_string();
    assert!(error.contains("custom.md.j2:1:") && error.contains("too many elements"), "{error}");
}

#[test]
fn a_brief_of_many_items_has_fuel_for_every_one() {
    // A pasted table of 60,000 rows: the fuel grows with the items shown, so
    // only a loop, not a long brief, runs out.
    let mut brief = filled_brief(&common::seed_path());
    let figure = brief.figures[0].clone();
    brief.figures = (0..60_000)
        .map(|i| briefsmith::brief::FigureItem {
            text: format!("{i} tấn"),
            context: format!("dòng {i} của bảng"),
            ..figure.clone()
        })
        .collect();
    let library = library();
    let markdown = library.render(&library.resolve("sitrep").unwrap(), &brief, "vi").unwrap();
    assert!(markdown.contains("| 59999 tấn | …dòng 59999 của bảng…"), "{}", &markdown[markdown.len() - 300..]);
}

#[test]
fn includes_cannot_leave_the_template_folders() {
    for target in ["/etc/passwd", "../../x", "../../../../etc/passwd"] {
        let error = check(&format!("# {{{{ title }}}}\n\n{{% include \"{target}\" %}}\n")).to_string();
        assert!(error.contains("custom.md.j2:3:"), "{target}: {error}");
        assert!(error.contains("can only include templates from the template folders"), "{target}: {error}");
        assert!(!error.contains("root:"), "{target}: leaked file contents");
    }
    // Includes of the built-in partials work.
    let dir = tempfile::tempdir().unwrap();
    let path = write_template(dir.path(), "{% include \"partials/header.md.j2\" %}\n## Body\n\nText.\n");
    let library = library();
    library.check(&library.resolve(&path).unwrap(), &filled_brief(&common::seed_path()), "en").unwrap();
}

#[test]
fn user_templates_shadow_built_ins() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::new(Some(dir.path().to_path_buf()));
    let created = library.create("bluf", "bluf").unwrap();
    std::fs::write(created.join("brief.md.j2"), "# {{ title }}\n\n## House format\n\n{{ labels.bottom_line }}\n")
        .unwrap();
    let custom = library.create("house", "sitrep").unwrap();
    assert!(custom.join("manifest.toml").is_file());
    assert!(matches!(library.create("house", "bluf"), Err(TemplateError::Exists(_))));
    let list = library.list().unwrap();
    let bluf = list.iter().find(|t| t.name == "bluf").unwrap();
    assert_eq!(bluf.origin, briefsmith::template::Origin::UserShadowingBuiltin);
    assert!(list.iter().any(|t| t.name == "house"));
    let markdown =
        library.render(&library.resolve("bluf").unwrap(), &filled_brief(&common::seed_path()), "en").unwrap();
    assert!(markdown.contains("## House format"), "{markdown}");
    // A locale is one file in the user folder.
    std::fs::create_dir_all(dir.path().join("locales")).unwrap();
    std::fs::write(dir.path().join("locales/fr.toml"), "bottom_line = \"En bref\"\nand = \"et\"\n").unwrap();
    assert!(library.locales().contains(&"fr".to_owned()));
    let markdown =
        library.render(&library.resolve("bluf").unwrap(), &filled_brief(&common::seed_path()), "fr").unwrap();
    assert!(markdown.contains("En bref"), "{markdown}");
}

#[test]
fn a_figure_context_the_analyst_wrote_replaces_the_article_excerpt() {
    let mut brief = filled_brief(&common::seed_path());
    let excerpt = brief.figures[0].context.clone();
    let library = library();
    let sitrep = library.resolve("sitrep").unwrap();
    let before = library.render(&sitrep, &brief, "vi").unwrap();
    assert!(before.contains(&format!("…{excerpt}…")), "an excerpt is marked as cut: {before}");

    brief.figures[0].context_edited = Some("số nước thành viên của NATO".into());
    let after = library.render(&sitrep, &brief, "vi").unwrap();
    let row = format!("| {} | số nước thành viên của NATO |", brief.figures[0].text);
    assert!(after.contains(&row), "the analyst's words, unmarked: {after}");
    assert!(!before.contains(&row));
    // A one-article brief seen as one story says the same.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("story-figures.md.j2");
    std::fs::write(&file, "{% for f in stories[0].figures %}{{ f.context }} {{ f.excerpt }}\n{% endfor %}").unwrap();
    let listed = library.render(&library.resolve(file.to_str().unwrap()).unwrap(), &brief, "vi").unwrap();
    assert!(listed.starts_with("số nước thành viên của NATO False\n"), "{listed}");
    assert!(listed.lines().nth(1).is_some_and(|l| l.ends_with(" True")), "{listed}");
}
