//! Sharing templates as .bstpl packages: the round trip, and every package
//! an import must refuse, each with a message that says why and nothing
//! written.

use std::io::Write;
use std::path::Path;

use briefsmith::template::{Library, TemplateError, MAX_UNPACKED_BYTES};

const MANIFEST: &str = "name = \"shared\"\ndescription = \"A shared brief\"\ntemplate = \"brief.md.j2\"\n";
const TEMPLATE: &str = "# {{ title }}\n\n{% for k in key_points %}- {{ k.text }}\n{% endfor %}";

/// A package holding `files` (path, bytes, unix mode) after its info.
fn package(dir: &Path, files: &[(&str, &[u8], u32)]) -> std::path::PathBuf {
    let path = dir.join("shared.bstpl");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let options = |mode| zip::write::SimpleFileOptions::default().unix_permissions(mode);
    zip.start_file("bstpl.toml", options(0o644)).unwrap();
    zip.write_all(b"format = 1\nname = \"shared\"\n").unwrap();
    for (name, bytes, mode) in files {
        zip.start_file(*name, options(*mode)).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
    path
}

fn good_files() -> Vec<(&'static str, &'static [u8], u32)> {
    vec![("manifest.toml", MANIFEST.as_bytes(), 0o644), ("brief.md.j2", TEMPLATE.as_bytes(), 0o644)]
}

#[track_caller]
fn refused(library: &Library, package: &Path, why: &str) {
    let user = library.user_folder().unwrap();
    std::fs::create_dir_all(user).unwrap();
    let error = library.import(package, false).expect_err("refused").to_string();
    assert!(error.contains(why), "{error}");
    let left: Vec<_> = std::fs::read_dir(user).unwrap().flatten().map(|e| e.file_name()).collect();
    assert!(left.is_empty(), "nothing written, no temporary folder left: {left:?}");
}

#[test]
fn a_template_shared_and_installed_elsewhere_renders_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let mine = Library::new(Some(dir.path().join("mine")));
    mine.create("house-style", "sitrep").unwrap();
    let file = dir.path().join("house-style.bstpl");
    mine.export("house-style", &file).unwrap();

    let theirs = Library::new(Some(dir.path().join("theirs")));
    assert_eq!(theirs.import(&file, false).unwrap(), "house-style");
    let brief = briefsmith::samples::filled_brief();
    let render = |library: &Library| library.render(&library.resolve("house-style").unwrap(), &brief, "vi").unwrap();
    assert_eq!(render(&theirs), render(&mine));

    // A built-in shares too, and comes in as the analyst's own copy.
    let builtin = dir.path().join("bluf.bstpl");
    mine.export("bluf", &builtin).unwrap();
    let other = Library::new(Some(dir.path().join("other")));
    other.import(&builtin, false).unwrap();
    assert!(dir.path().join("other/bluf/manifest.toml").is_file());
}

#[test]
fn a_template_of_the_same_name_is_replaced_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::new(Some(dir.path().join("templates")));
    let first = package(dir.path(), &good_files());
    library.import(&first, false).unwrap();
    let installed = dir.path().join("templates/shared/brief.md.j2");
    assert_eq!(std::fs::read_to_string(&installed).unwrap(), TEMPLATE);

    let changed = "# {{ title }} (v2)\n";
    let second = package(dir.path(), &[good_files()[0], ("brief.md.j2", changed.as_bytes(), 0o644)]);
    assert!(matches!(library.import(&second, false), Err(TemplateError::Exists(name)) if name == "shared"));
    assert_eq!(std::fs::read_to_string(&installed).unwrap(), TEMPLATE, "kept");
    library.import(&second, true).unwrap();
    assert_eq!(std::fs::read_to_string(&installed).unwrap(), changed);

    // A replacement that does not render leaves the installed one whole.
    let broken = package(dir.path(), &[good_files()[0], ("brief.md.j2", b"{% for %}", 0o644)]);
    let error = library.import(&broken, true).expect_err("broken").to_string();
    assert!(error.contains("does not work"), "{error}");
    assert_eq!(std::fs::read_to_string(&installed).unwrap(), changed);
    let names: Vec<_> =
        std::fs::read_dir(dir.path().join("templates")).unwrap().flatten().map(|e| e.file_name()).collect();
    assert_eq!(names, ["shared"], "no staging folder left behind");
}

#[test]
fn a_package_reaching_outside_its_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::new(Some(dir.path().join("templates")));
    let mut files = good_files();
    files.push(("../../.bashrc.toml", b"x = 1", 0o644));
    refused(&library, &package(dir.path(), &files), "points outside the template's folder");
}

#[test]
fn a_package_with_an_absolute_or_backslashed_path_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::new(Some(dir.path().join("templates")));
    for path in ["/etc/briefsmith.toml", "..\\..\\evil.j2", "fonts/../../evil.ttf"] {
        let mut files = good_files();
        files.push((path, b"x", 0o644));
        refused(&library, &package(dir.path(), &files), "points outside the template's folder");
    }
}

#[test]
fn a_package_missing_a_font_its_manifest_names_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::new(Some(dir.path().join("templates")));
    let manifest = format!("{MANIFEST}\n[pdf]\nfonts = [\"fonts/Brand.ttf\"]\n");
    let file = package(dir.path(), &[("manifest.toml", manifest.as_bytes(), 0o644), good_files()[1]]);
    refused(&library, &file, "the package does not hold it");
}

#[test]
fn a_package_with_a_program_or_another_kind_of_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::new(Some(dir.path().join("templates")));
    let mut files = good_files();
    files.push(("fonts/Brand.ttf", b"\x00\x01\x00\x00", 0o755));
    refused(&library, &package(dir.path(), &files), "is executable or a link");
    let mut files = good_files();
    files.push(("install.sh", b"#!/bin/sh\n", 0o644));
    refused(&library, &package(dir.path(), &files), "is not a template, manifest, font or image");
}

#[test]
fn a_package_that_inflates_past_the_cap_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::new(Some(dir.path().join("templates")));
    // A few hundred kilobytes of zip that would unpack past the cap.
    let zeros = vec![0u8; MAX_UNPACKED_BYTES as usize + 1024];
    let mut files = good_files();
    files.push(("logo.png", &zeros, 0o644));
    let file = package(dir.path(), &files);
    assert!(std::fs::metadata(&file).unwrap().len() < 1024 * 1024);
    refused(&library, &file, "unpacks to more than");
}

#[test]
fn a_package_whose_template_does_not_render_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::new(Some(dir.path().join("templates")));
    let file = package(dir.path(), &[good_files()[0], ("brief.md.j2", b"{{ title | no_such_filter }}", 0o644)]);
    refused(&library, &file, "does not work");
}

#[test]
fn a_file_that_is_not_a_package_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::new(Some(dir.path().join("templates")));
    let file = dir.path().join("brief.bstpl");
    std::fs::write(&file, "# just Markdown").unwrap();
    refused(&library, &file, "not a template package (.bstpl)");
    let newer = dir.path().join("newer.bstpl");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&newer).unwrap());
    zip.start_file("bstpl.toml", zip::write::SimpleFileOptions::default()).unwrap();
    zip.write_all(b"format = 7\nname = \"shared\"\n").unwrap();
    zip.finish().unwrap();
    refused(&library, &newer, "package format 7 is not one this Briefsmith reads");
}
