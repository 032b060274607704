//! What the end-to-end tests share: starting the real app under
//! tauri-driver with its own data folder and its own D-Bus session bus, and
//! driving its window.
//!
//! Each app gets a private session bus (`dbus-daemon --session`): the
//! single-instance plugin finds a running Briefsmith through the session
//! bus, so on a shared bus a test's app would hand its launch to another
//! Briefsmith (the developer's, another test's) and quit.

// Each test binary uses a different part of this.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};

pub const ENTER: &str = "\u{E007}";

/// The app binary the tests drive: the debug build cargo made for them, or
/// `$BRIEFSMITH_APP` (scripts/bench-app.sh points it at the release build).
pub fn app_binary() -> PathBuf {
    std::env::var_os("BRIEFSMITH_APP")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_briefsmith-desktop")))
}

/// Stops tauri-driver with SIGTERM so it also stops the WebKitWebDriver it
/// started (SIGKILL would leave that running), and the app if a failed test
/// left it open.
struct Driver(Child, PathBuf, u16);

impl Drop for Driver {
    fn drop(&mut self) {
        if let Some(pid) = app_pid(&self.1) {
            let _ = Command::new("kill").args(["-KILL", &pid.to_string()]).status();
        }
        stop(&mut self.0);
    }
}

/// SIGTERM, then SIGKILL if it is still there after 5 s.
pub fn stop(child: &mut Child) {
    let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
    for _ in 0..50 {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// A private D-Bus session bus, stopped when dropped.
pub struct SessionBus {
    daemon: Child,
    /// What `DBUS_SESSION_BUS_ADDRESS` is set to for the app.
    pub address: String,
}

impl SessionBus {
    pub fn start() -> SessionBus {
        let mut daemon = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            // Its notes (fd limits, activating the accessibility bus) are noise here.
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon starts (Debian package dbus-daemon)");
        let mut address = String::new();
        BufReader::new(daemon.stdout.take().expect("its stdout")).read_line(&mut address).expect("its address");
        let address = address.trim().to_owned();
        assert!(!address.is_empty(), "dbus-daemon printed no address");
        SessionBus { daemon, address }
    }
}

impl Drop for SessionBus {
    fn drop(&mut self) {
        stop(&mut self.daemon);
    }
}

/// Two different free ports: both are held open until both are chosen, so
/// the kernel cannot hand the same one out twice.
pub fn free_ports() -> (u16, u16) {
    let first = TcpListener::bind("127.0.0.1:0").expect("a free port");
    let second = TcpListener::bind("127.0.0.1:0").expect("a free port");
    let port = |listener: &TcpListener| listener.local_addr().expect("an address").port();
    (port(&first), port(&second))
}

pub fn tauri_driver() -> String {
    if let Ok(path) = std::env::var("TAURI_DRIVER") {
        return path;
    }
    let home = std::env::var("HOME").unwrap_or_default();
    let installed = format!("{home}/.cargo/bin/tauri-driver");
    if Path::new(&installed).exists() {
        installed
    } else {
        "tauri-driver".to_owned()
    }
}

/// A running app with its own data and templates folders and session bus.
/// Fields drop in order: the WebDriver session's driver, then the bus.
pub struct Session {
    pub client: Client,
    _driver: Driver,
    pub bus: SessionBus,
    /// When the WebDriver session was asked for, which launches the app.
    pub requested: Instant,
}

impl Session {
    /// The environment the app runs with, for launching it again by hand.
    pub fn app_env(&self, data: &Path) -> Vec<(String, String)> {
        app_env(data, &self.bus)
    }
}

pub fn app_env(data: &Path, bus: &SessionBus) -> Vec<(String, String)> {
    vec![
        ("BRIEFSMITH_DATA_DIR".into(), data.join("data").display().to_string()),
        ("BRIEFSMITH_TEMPLATES".into(), data.join("templates").display().to_string()),
        ("DBUS_SESSION_BUS_ADDRESS".into(), bus.address.clone()),
        ("LANG".into(), "C.UTF-8".into()),
        ("LANGUAGE".into(), "en".into()),
    ]
}

/// Starts the app with `data/data` as its data folder and
/// `data/templates` as its templates folder.
pub async fn launch(data: &Path) -> Session {
    launch_with(data, &[]).await
}

/// Starts the app with `args` on its command line.
///
/// Opening the WebDriver session is tried up to three times, each with a
/// new tauri-driver and session bus, but only when the driver dropped the
/// connection without an answer: WebKitWebDriver now and then does on a busy
/// machine (CI failed on it once), which says nothing about the app. Any
/// other failure, such as a session the driver refused because the app did
/// not start, fails at once. Each retry is logged in
/// `target/tmp/e2e-retries.log`, so a retry that hides a pattern shows.
pub async fn launch_with(data: &Path, args: &[&str]) -> Session {
    assert!(std::env::var_os("DISPLAY").is_some(), "no DISPLAY: run under `xvfb-run -a cargo test ... -- --ignored`");
    const TRIES: u32 = 3;
    for attempt in 1..=TRIES {
        let bus = SessionBus::start();
        let driver = start_driver(data, &bus).await;
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), "wry".into());
        caps.insert("tauri:options".into(), json!({ "application": app_binary(), "args": args }));
        let mut builder = ClientBuilder::native();
        builder.capabilities(caps);
        let requested = Instant::now();
        let connected =
            tokio::time::timeout(Duration::from_secs(60), builder.connect(&format!("http://127.0.0.1:{}", driver.2)))
                .await
                .expect("timed out opening a WebDriver session (did the app start?)");
        match connected {
            Ok(client) => return Session { client, _driver: driver, bus, requested },
            Err(error) if attempt < TRIES && dropped_without_answer(&error) => {
                let note = format!("try {attempt} of {TRIES}: the driver dropped the connection: {error:?}\n");
                eprint!("opening a WebDriver session, {note}");
                let log = Path::new(env!("CARGO_TARGET_TMPDIR")).join("e2e-retries.log");
                let _ = std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(log)
                    .and_then(|mut f| std::io::Write::write_all(&mut f, note.as_bytes()));
                drop(driver);
            }
            Err(error) => panic!("a WebDriver session (try {attempt}): {error:?}"),
        }
    }
    unreachable!("the last try returns or panics")
}

/// Whether opening a session failed because the connection was dropped
/// with no reply (hyper's "incomplete message", a lost connection), not
/// because the driver answered with a refusal.
fn dropped_without_answer(error: &fantoccini::error::NewSessionError) -> bool {
    use fantoccini::error::NewSessionError;
    match error {
        NewSessionError::Lost(_) => true,
        NewSessionError::Failed(_) | NewSessionError::FailedC(_) => {
            let text = format!("{error:?}");
            text.contains("IncompleteMessage") || text.contains("ConnectionReset")
        }
        _ => false,
    }
}

/// A tauri-driver listening on a port of its own.
async fn start_driver(data: &Path, bus: &SessionBus) -> Driver {
    let (port, native_port) = free_ports();
    let driver = Driver(
        Command::new(tauri_driver())
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .envs(app_env(data, bus))
            .spawn()
            .expect("tauri-driver starts (bash scripts/setup.sh installs it)"),
        data.to_path_buf(),
        port,
    );
    let deadline = Instant::now() + Duration::from_secs(30);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "tauri-driver did not listen on {port}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    driver
}

/// Evaluates `expression` in the window.
pub async fn js(client: &Client, expression: &str) -> Value {
    client.execute(&format!("return ({expression});"), vec![]).await.expect("script runs")
}

/// Waits until `expression` is truthy, failing with `what` after 30 s.
pub async fn wait_until(client: &Client, expression: &str, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let value = js(client, expression).await;
        if value.as_bool() == Some(true) {
            return;
        }
        if Instant::now() > deadline {
            let seen = js(
                client,
                "[document.getElementById('message-text').textContent, document.getElementById('status').textContent, \
                 document.getElementById('preview').textContent.slice(0, 400)]",
            )
            .await;
            panic!("timed out waiting for {what}; message, status, preview: {seen}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits for the autosave that follows the latest edit.
/// Waits for a first run's window: ready, the sample analyzed and previewed.
pub async fn wait_for_the_sample(client: &Client) {
    wait_until(
        client,
        "document.body.dataset.ready === 'true' && document.querySelector('#preview h1') !== null",
        "the sample",
    )
    .await;
}

pub async fn wait_autosaved(client: &Client) {
    let before = js(client, "Date.now()").await.as_f64().unwrap_or_default();
    wait_until(
        client,
        &format!("Number(document.getElementById('autosave').dataset.saved || 0) > {before}"),
        "the autosave",
    )
    .await;
}

pub fn screenshots() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
    std::fs::create_dir_all(&dir).expect("screenshots folder");
    dir
}

pub async fn screenshot(client: &Client, name: &str) {
    let png = client.screenshot().await.expect("a screenshot");
    std::fs::write(screenshots().join(name), png).expect("screenshot written");
}

/// The whole X screen as a person sees it (WebDriver's snapshot ignores the
/// webview's zoom). Needs ImageMagick's `import` (scripts/setup.sh).
pub fn screen_shot(name: &str) {
    let done = Command::new("import").args(["-window", "root"]).arg(screenshots().join(name)).status();
    assert!(done.is_ok_and(|s| s.success()), "import (ImageMagick) takes the screenshot");
}

/// Presses keys in the app's window as a person does (xdotool, through X):
/// unlike WebDriver's keys, they reach GTK first, so they open the native
/// menu bar (F10) and fire its accelerators. The window fills the screen.
pub fn press(keys: &[&str]) {
    let moved = Command::new("xdotool").args(["mousemove", "640", "400"]).status();
    assert!(moved.is_ok_and(|s| s.success()), "xdotool (scripts/setup.sh installs it) moves the pointer");
    for key in keys {
        let pressed = Command::new("xdotool").args(["key", key]).status();
        assert!(pressed.is_ok_and(|s| s.success()), "xdotool presses {key}");
        // GTK opens a menu or a submenu between two keys.
        std::thread::sleep(Duration::from_millis(250));
    }
}

/// The serious and critical accessibility violations axe-core finds in the
/// window as it is now, one line each: rule, elements, what to do.
/// axe-core comes from tools/axe (scripts/setup.sh installs it).
pub async fn accessibility_violations(client: &Client) -> Vec<String> {
    let axe = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tools/axe/node_modules/axe-core/axe.min.js");
    let axe = std::fs::read_to_string(&axe).unwrap_or_else(|e| panic!("{}: {e} (run scripts/setup.sh)", axe.display()));
    client.execute(&format!("{axe}\nreturn typeof window.axe;"), vec![]).await.expect("axe-core loads");
    let found = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             window.axe.run(document, { resultTypes: ['violations'] }).then((result) => done(result.violations
               .filter((v) => v.impact === 'serious' || v.impact === 'critical')
               .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}: ${v.help}`)));",
            vec![],
        )
        .await
        .expect("axe-core runs");
    serde_json::from_value(found).expect("a list of violations")
}

pub fn corpus() -> PathBuf {
    std::env::var_os("BRIEFSMITH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"))
}

pub async fn open(client: &Client, path: &Path, expected_name: &str) {
    client
        .execute("window.briefsmith.openPath(arguments[0]); return true;", vec![json!(path)])
        .await
        .expect("openPath runs");
    wait_until(
        client,
        &format!("window.briefsmith.state().brief?.input?.file_name === {}", json!(expected_name)),
        "the article to be analyzed",
    )
    .await;
    wait_until(client, "document.querySelector('#preview h1') !== null", "the preview").await;
}

/// The process of the app running with `data` as its data folder.
pub fn app_pid(data: &Path) -> Option<u32> {
    let marker = format!("BRIEFSMITH_DATA_DIR={}", data.join("data").display());
    for entry in std::fs::read_dir("/proc").ok()?.flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else { continue };
        let Ok(exe) = std::fs::read_link(entry.path().join("exe")) else { continue };
        if !exe.to_string_lossy().ends_with("briefsmith-desktop") {
            continue;
        }
        let environ = std::fs::read(entry.path().join("environ")).unwrap_or_default();
        if environ.split(|&b| b == 0).any(|var| var == marker.as_bytes()) {
            return Some(pid);
        }
    }
    None
}

pub fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
