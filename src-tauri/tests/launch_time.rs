//! Launch-to-usable: how long from launching the app until its window is up
//! and takes input. A measurement, not a test: it prints, it never fails on
//! time. `scripts/bench-app.sh` runs it on the release build under Xvfb:
//!
//! `BRIEFSMITH_APP=target/release/briefsmith-desktop xvfb-run -a cargo test -p briefsmith-desktop
//!  --test launch_time -- --ignored --nocapture`
//!
//! Two starts are timed, `$BRIEFSMITH_BENCH_RUNS` times each (7 by default):
//! a first run (the window opens on the sample, which the library analyzes)
//! and a restart with an autosaved draft (the window opens on the draft).
//!
//! "Usable" is when the window has shown its first screen with its controls
//! wired (`document.body.dataset.ready`); the test then types into a field
//! and checks the brief took it. Times are measured two ways: from outside
//! (asking tauri-driver for a session, which launches the app, until the
//! window says it is ready, polled every 5 ms), and from inside, split where
//! the time goes: the process's start (from /proc) to the page beginning to
//! load, to the `startup` command's answer, to the first screen; and the CPU
//! time the app and its WebKit processes had used by then, which a shared,
//! loaded machine does not inflate as it does wall-clock time.

mod support;

use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use fantoccini::Locator;
use support::*;

#[derive(Debug, Clone, Copy)]
struct Run {
    /// From asking for the session to the window being ready, as seen from outside.
    outside: f64,
    /// From the process's start to the page beginning to load (GTK, WebKit, Tauri).
    to_page: f64,
    /// From the page beginning to load to the `startup` command's answer.
    to_startup: f64,
    /// From that answer to the first screen (the sample's analysis or the draft).
    to_screen: f64,
    /// CPU time (user + system) the app and its WebKit processes had used
    /// when the window was ready: what the launch costs on a machine that
    /// is not shared, where wall-clock times above are inflated.
    cpu: f64,
}

impl Run {
    fn inside(&self) -> f64 {
        self.to_page + self.to_startup + self.to_screen
    }
}

#[tokio::test]
#[ignore = "a measurement, not a test: scripts/bench-app.sh runs it under Xvfb"]
async fn launch_to_usable() {
    let runs: usize = std::env::var("BRIEFSMITH_BENCH_RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(7);
    eprintln!("app: {}", app_binary().display());
    let restart_data = tempfile::tempdir().expect("temp dir");
    let mut first = Vec::new();
    let mut restart = Vec::new();
    // Makes the draft the restarts restore (not counted).
    measure(restart_data.path()).await;
    for _ in 0..runs {
        let fresh = tempfile::tempdir().expect("temp dir");
        first.push(measure(fresh.path()).await);
        restart.push(measure(restart_data.path()).await);
    }
    report("first run (opens on the sample, analyzed)", &first);
    report("restart (opens on the autosaved draft)", &restart);
}

async fn measure(data: &Path) -> Run {
    let session = launch(data).await;
    let c = &session.client;
    loop {
        if js(c, "document.body.dataset.ready === 'true'").await.as_bool() == Some(true) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let outside = session.requested.elapsed().as_secs_f64() * 1000.0;
    let cpu = app_pid(data).map(cpu_ms_of_tree).unwrap_or_default();
    // Usable means it takes input: type into a field, see the brief change.
    c.find(Locator::Id("f-bottom-line")).await.expect("field").send_keys("x").await.expect("type");
    wait_until(c, "window.briefsmith.state().brief.analyst.bottom_line.endsWith('x')", "the typed letter").await;
    wait_autosaved(c).await;

    let page =
        js(c, "[performance.timeOrigin, window.briefsmith.timings.startup ?? 0, window.briefsmith.timings.ready ?? 0]")
            .await;
    let number = |i: usize| page[i].as_f64().unwrap_or_default();
    let (origin, startup, ready) = (number(0), number(1), number(2));
    let started = app_pid(data).map(process_start_ms).expect("the app's process");
    let run = Run { outside, to_page: origin - started, to_startup: startup, to_screen: ready - startup, cpu };
    let _ = session.client.clone().close().await;
    run
}

/// When process `pid` started, in ms since the Unix epoch (10 ms steps).
fn process_start_ms(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("/proc/PID/stat");
    // Field 22, counted after the command name, which may hold spaces.
    let after_name = &stat[stat.rfind(')').expect("a stat line") + 2..];
    let ticks: f64 = after_name.split_whitespace().nth(19).and_then(|f| f.parse().ok()).expect("starttime");
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")
        .ok()
        .and_then(|u| u.split_whitespace().next().and_then(|f| f.parse().ok()))
        .expect("/proc/uptime");
    let now = SystemTime::now().duration_since(UNIX_EPOCH).expect("after 1970").as_secs_f64() * 1000.0;
    let booted = now - uptime * 1000.0;
    booted + ticks / clock_ticks() * 1000.0
}

/// The CPU time, in ms, that process `pid` and every process under it
/// (WebKit's web and network processes) have used so far.
fn cpu_ms_of_tree(pid: u32) -> f64 {
    let mut stats: Vec<(u32, u32, f64)> = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(id) = entry.file_name().to_string_lossy().parse::<u32>() else { continue };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else { continue };
        let Some(close) = stat.rfind(')') else { continue };
        let fields: Vec<&str> = stat[close + 2..].split_whitespace().collect();
        // After the name: state, ppid (field 4), ..., utime (14), stime (15).
        let number = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or_default();
        stats.push((id, number(1) as u32, number(11) + number(12)));
    }
    let mut tree = vec![pid];
    let mut grew = true;
    while grew {
        grew = false;
        for (id, parent, _) in &stats {
            if tree.contains(parent) && !tree.contains(id) {
                tree.push(*id);
                grew = true;
            }
        }
    }
    let ticks: f64 = stats.iter().filter(|(id, _, _)| tree.contains(id)).map(|(_, _, t)| t).sum();
    ticks / clock_ticks() * 1000.0
}

fn clock_ticks() -> f64 {
    std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
        .unwrap_or(100.0)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

fn report(what: &str, runs: &[Run]) {
    let outside: Vec<f64> = runs.iter().map(|r| r.outside).collect();
    let inside: Vec<f64> = runs.iter().map(Run::inside).collect();
    eprintln!("\n{what}, {} runs", runs.len());
    eprintln!("  launch to usable, seen from outside (ms): {}", list(&outside));
    eprintln!("  launch to usable, process start to first screen (ms): {}", list(&inside));
    let cpu: Vec<f64> = runs.iter().map(|r| r.cpu).collect();
    eprintln!("  CPU time of the app and its WebKit processes by then (ms): {}", list(&cpu));
    eprintln!(
        "  median: {:.0} ms outside, {:.0} ms inside = {:.0} to the page loading + {:.0} to startup's answer + {:.0} to \
         the first screen; {:.0} ms of CPU",
        median(outside),
        median(inside),
        median(runs.iter().map(|r| r.to_page).collect()),
        median(runs.iter().map(|r| r.to_startup).collect()),
        median(runs.iter().map(|r| r.to_screen).collect()),
        median(cpu),
    );
}

fn list(values: &[f64]) -> String {
    values.iter().map(|v| format!("{v:.0}")).collect::<Vec<_>>().join(" ")
}
