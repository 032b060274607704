//! The Debian package: `scripts/package.sh` builds it, it installs with
//! dpkg into a throwaway root, the CLI runs from that root's PATH, the
//! desktop entry and the file types it declares are valid, and the
//! installed app opens its window. Needs a display: scripts/test.sh runs it
//! under Xvfb, with `--ignored`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn run(command: &mut Command) -> String {
    let output = command.output().unwrap_or_else(|e| panic!("{command:?} did not start: {e}"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{command:?} failed:\n{stderr}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The ids of the top-level windows on the display whose name is `name`.
fn windows_named(name: &str) -> Vec<String> {
    let tree = Command::new("xwininfo").args(["-root", "-tree"]).output().expect("xwininfo runs (x11-utils)");
    String::from_utf8_lossy(&tree.stdout)
        .lines()
        .filter(|l| l.contains(&format!("\"{name}\"")))
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .collect()
}

#[test]
#[ignore = "builds and installs the package and starts the app: run under xvfb-run with --ignored"]
fn the_package_installs_and_the_installed_app_opens_its_window() {
    assert!(std::env::var_os("DISPLAY").is_some(), "no DISPLAY: run under `xvfb-run -a cargo test ... -- --ignored`");
    let repository = repository();
    // The quick build: the package is the same but for optimization.
    run(Command::new("bash").arg("scripts/package.sh").args(["--profile", "dev"]).current_dir(&repository));
    let debs: Vec<PathBuf> = std::fs::read_dir(repository.join("target/debian"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("briefsmith_"))
        .collect();
    let deb =
        debs.iter().find(|p| p.to_string_lossy().ends_with("_amd64.deb")).expect("briefsmith_<version>_amd64.deb");

    // A throwaway root with an empty package database.
    let root = tempfile::tempdir().unwrap();
    let admin = root.path().join("var/lib/dpkg");
    for dir in ["info", "updates", "triggers"] {
        std::fs::create_dir_all(admin.join(dir)).unwrap();
    }
    std::fs::write(admin.join("status"), "").unwrap();
    run(Command::new("dpkg")
        .arg(format!("--root={}", root.path().display()))
        .args(["--force-not-root", "--force-depends", "--no-triggers", "--log=/dev/null", "-i"])
        .arg(deb));
    let installed = |path: &str| root.path().join(path);
    let listed = run(Command::new("dpkg").arg(format!("--root={}", root.path().display())).args(["-L", "briefsmith"]));
    for path in [
        "/usr/bin/briefsmith",
        "/usr/bin/briefsmith-desktop",
        "/usr/share/applications/briefsmith.desktop",
        "/usr/share/icons/hicolor/48x48/apps/briefsmith.png",
        "/usr/share/icons/hicolor/scalable/apps/briefsmith.svg",
        "/usr/share/mime/packages/briefsmith.xml",
        "/usr/share/man/man1/briefsmith.1.gz",
        "/usr/share/bash-completion/completions/briefsmith",
        "/usr/share/briefsmith/templates/bluf/brief.md.j2",
    ] {
        assert!(listed.lines().any(|l| l == path), "{path} is not in the package:\n{listed}");
    }

    // The CLI runs from PATH.
    let path = format!("{}:{}", installed("usr/bin").display(), std::env::var("PATH").unwrap_or_default());
    let version = run(Command::new("briefsmith").arg("--version").env("PATH", &path));
    assert!(version.starts_with(&format!("briefsmith {}", env!("CARGO_PKG_VERSION"))), "{version}");

    // The desktop entry is valid and opens the file types an analyst has.
    let entry = installed("usr/share/applications/briefsmith.desktop");
    run(Command::new("desktop-file-validate").arg(&entry));
    let entry = std::fs::read_to_string(entry).unwrap();
    assert!(entry.contains("Exec=briefsmith-desktop %F"), "{entry}");
    for mime in [
        "text/plain",
        "text/markdown",
        "text/html",
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/x-briefsmith-brief",
    ] {
        assert!(entry.contains(&format!("{mime};")), "{mime} in {entry}");
    }
    // A saved brief's own type: the shared MIME database takes the package's
    // definition and knows *.brief by it.
    let mime = installed("usr/share/mime");
    run(Command::new("update-mime-database").arg(&mime));
    let globs = std::fs::read_to_string(mime.join("globs2")).unwrap();
    assert!(globs.contains("application/x-briefsmith-brief:*.brief"), "{globs}");

    // The installed app starts and shows its window.
    let home = tempfile::tempdir().unwrap();
    let mut app = Command::new(installed("usr/bin/briefsmith-desktop"))
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let mut windows = Vec::new();
    while windows.is_empty() && started.elapsed() < Duration::from_secs(60) {
        if let Some(status) = app.try_wait().unwrap() {
            let mut stderr = String::new();
            std::io::Read::read_to_string(app.stderr.as_mut().unwrap(), &mut stderr).unwrap();
            panic!("the installed app exited ({status}) before showing its window:\n{stderr}");
        }
        std::thread::sleep(Duration::from_millis(250));
        windows = windows_named("Briefsmith");
    }
    assert!(!windows.is_empty(), "no window named Briefsmith within a minute");
    // And draws its front end, bundled in the binary, not a blank page: the
    // screen shot (target/tmp/screenshots/installed-app.png) has the colours
    // of a drawn page, not one.
    let shots = repository.join("target/tmp/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let shot = shots.join("installed-app.png");
    let mut colours = 0;
    while colours < 16 && started.elapsed() < Duration::from_secs(90) {
        std::thread::sleep(Duration::from_secs(1));
        run(Command::new("import").args(["-window", &windows[0]]).arg(&shot));
        let counted = run(Command::new("identify").args(["-format", "%k"]).arg(&shot));
        colours = counted.trim().parse().unwrap_or(0);
    }
    app.kill().ok();
    app.wait().ok();
    assert!(colours >= 16, "the installed app's window stays blank ({colours} colours): {}", shot.display());
}
