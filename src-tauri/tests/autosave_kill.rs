//! The autosave survives being killed mid-write.
//!
//! This file is its own test harness (`harness = false` in Cargo.toml): run
//! plainly it is the parent, which starts itself again as a child that
//! autosaves 1 to 3 MB drafts through the app's `Store` over and over, and
//! kills the child with SIGKILL 40 times, each time at another moment: while
//! it starts; 0 to 3 ms after a save first touches the data folder; or at a
//! fraction of a save's duration (paced by what the child says it is doing,
//! so a loaded machine still kills mid-save). After every kill the draft file
//! must be the last draft the child said it saved or the one it was writing,
//! whole and parseable (or absent before the first), with at most one
//! temporary file beside it.
//!
//! It can fail: with the store writing through a plain `std::fs::write`
//! (truncate, then write) the draft is found cut off (0 bytes) within a few
//! kills, and with random temporary names (`atomic::write`) a stray
//! `.tmpXXXXXX` is left by the first kill mid-save.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use briefsmith_desktop::{Draft, Store};

/// Set in the child: the data folder to autosave into.
const CHILD_DIR: &str = "BRIEFSMITH_AUTOSAVE_CHILD_DIR";
/// Set in the child: the generation of its first draft.
const CHILD_FROM: &str = "BRIEFSMITH_AUTOSAVE_CHILD_FROM";

const KILLS: u64 = 40;
/// Each child starts at a generation this far past the last one's.
const GENERATIONS_PER_CHILD: u64 = 1_000_000;

fn main() {
    if let Some(dir) = std::env::var_os(CHILD_DIR) {
        let from = std::env::var(CHILD_FROM).ok().and_then(|f| f.parse().ok()).unwrap_or(0);
        autosave_forever(Path::new(&dir), from);
    }
    let args: Vec<String> = std::env::args().collect();
    if args.iter().any(|a| a == "--list") {
        println!("autosave_survives_kills_mid_write: test");
        return;
    }
    // A name filter that does not match this test (`cargo test foo`) skips it.
    let filters: Vec<&String> = args.iter().skip(1).filter(|a| !a.starts_with('-')).collect();
    if !filters.is_empty() && !filters.iter().any(|f| "autosave_survives_kills_mid_write".contains(f.as_str())) {
        println!("running 0 tests");
        return;
    }
    println!("running 1 test");
    autosave_survives_kills_mid_write();
    println!("test autosave_survives_kills_mid_write ... ok");
}

/// Draft number `generation`: 1 to 3 MB of article, told apart from every
/// other draft by its title, assessment and length.
fn draft(generation: u64) -> Draft {
    let mut brief = briefsmith::samples::filled_brief();
    let unit = briefsmith::samples::VI_SAMPLE;
    let bytes = 1_000_000 + (generation % 5) as usize * 500_000;
    brief.article = unit.repeat(bytes / unit.len() + 1);
    brief.title = format!("generation {generation}");
    brief.analyst.assessment = format!("assessment of generation {generation}");
    Draft { brief, template: "bluf".into(), locale: "vi".into(), path: None }
}

/// What is in the folder: each file's name, length and modification time.
fn folder(dir: &Path) -> Vec<(std::ffi::OsString, u64, Option<std::time::SystemTime>)> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| {
                    let meta = e.metadata().ok();
                    let len = meta.as_ref().map_or(0, |m| m.len());
                    (e.file_name(), len, meta.and_then(|m| m.modified().ok()))
                })
                .collect()
        })
        .unwrap_or_default();
    entries.sort();
    entries
}

/// The child: what the app does on each edit, as fast as it can, saying
/// which draft it is writing and when each is saved, until it is killed.
fn autosave_forever(dir: &Path, from: u64) -> ! {
    let store = Store::new(dir.to_path_buf());
    // As the app does at start: read what is there (and set aside a broken file).
    let _ = store.load();
    let mut out = std::io::stdout().lock();
    for generation in from.. {
        let next = draft(generation);
        let _ = writeln!(out, "writing {generation}");
        let _ = out.flush();
        if let Err(error) = store.save_draft(&next) {
            let _ = writeln!(out, "error {error}");
            std::process::exit(2);
        }
        let _ = writeln!(out, "saved {generation}");
        let _ = out.flush();
    }
    std::process::exit(0)
}

fn autosave_survives_kills_mid_write() {
    let work = tempfile::tempdir().expect("temp dir");
    let dir = work.path().join("data");
    let store = Store::new(dir.clone());
    let exe = std::env::current_exe().expect("this test's own binary");
    let started = Instant::now();
    // The generation the file holds, once there is one.
    let mut on_disk: Option<u64> = None;
    let mut during_a_write = 0;
    for kill in 0..KILLS {
        let from = (kill + 1) * GENERATIONS_PER_CHILD;
        let mut child = Command::new(&exe)
            .env(CHILD_DIR, &dir)
            .env(CHILD_FROM, from.to_string())
            .stdout(Stdio::piped())
            .spawn()
            .expect("the child starts");
        let (lines, heard) = mpsc::channel();
        let stdout = child.stdout.take().expect("stdout");
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = lines.send((Instant::now(), line));
            }
        });
        let mut said: Vec<(Instant, String)> = Vec::new();
        let wait = if kill % 5 == 0 {
            // While the child starts and reads the last draft.
            let wait = Duration::from_millis((kill * 7) % 50);
            std::thread::sleep(wait);
            wait
        } else {
            // Once it has saved one draft and begun the next...
            let begun = format!("writing {}", from + 1);
            let deadline = Instant::now() + Duration::from_secs(60);
            while said.last().map(|(_, l)| l) != Some(&begun) {
                let left = deadline.saturating_duration_since(Instant::now());
                match heard.recv_timeout(left) {
                    Ok(line) => said.push(line),
                    Err(_) => panic!("kill {kill}: the child did not get to {begun:?} in 60 s; it said {said:?}"),
                }
            }
            if kill % 5 <= 2 {
                // ...0 to 3 ms after the save first touches the folder (a
                // file appears, grows, shrinks or changes): the moment a
                // write that is not atomic leaves the draft cut off.
                let before = folder(&dir);
                let saved = format!("saved {}", from + 1);
                while folder(&dir) == before && Instant::now() < deadline {
                    if let Ok(line) = heard.try_recv() {
                        let done = line.1 == saved;
                        said.push(line);
                        if done {
                            break;
                        }
                    }
                }
                let wait = Duration::from_micros((kill * 337) % 3000);
                std::thread::sleep(wait);
                wait
            } else {
                // ...at a fraction (2.5% to 97.5%) of the time the first
                // save took, so the kills sweep the whole save (serializing,
                // writing, flushing, renaming) however loaded the machine is.
                let at = |line: &str| said.iter().find(|(_, l)| l == line).map(|(t, _)| *t).expect("a line said");
                let first_save = at(&format!("saved {from}")) - at(&format!("writing {from}"));
                let wait = first_save.mul_f64(((kill * 7) % 20) as f64 / 20.0 + 0.025);
                std::thread::sleep(wait);
                wait
            }
        };
        child.kill().expect("SIGKILL");
        child.wait().expect("the child is reaped");
        reader.join().expect("the reader ends with the child's output");
        let said: Vec<String> = said.into_iter().chain(heard.try_iter()).map(|(_, line)| line).collect();
        if let Some(error) = said.iter().find(|l| l.starts_with("error")) {
            panic!("kill {kill}: the child could not autosave: {error}");
        }
        let last_saved = said.iter().rev().find_map(|l| l.strip_prefix("saved ")).map(|g| g.parse::<u64>().unwrap());
        if said.last().is_some_and(|l| l.starts_with("writing")) {
            during_a_write += 1;
        }
        // Saved k means the file holds k, or k + 1 if that was renamed in
        // before the child could say so; saved nothing means what was there
        // before, or this child's first draft.
        let allowed: Vec<Option<u64>> = match last_saved {
            Some(k) => vec![Some(k), Some(k + 1)],
            None => vec![on_disk, Some(from)],
        };

        let found = match std::fs::read(store.draft_path()) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => panic!("kill {kill}: the draft cannot be read: {e}"),
            Ok(bytes) => {
                let parsed: Draft = serde_json::from_slice(&bytes).unwrap_or_else(|e| {
                    panic!(
                        "kill {kill} after {wait:?}: the autosaved draft is torn ({} bytes): {e}; the child said {:?}",
                        bytes.len(),
                        said.last()
                    )
                });
                let generation = parsed
                    .brief
                    .title
                    .strip_prefix("generation ")
                    .and_then(|g| g.parse::<u64>().ok())
                    .unwrap_or_else(|| panic!("kill {kill}: a draft titled {:?}", parsed.brief.title));
                assert!(parsed == draft(generation), "kill {kill}: draft {generation} is not whole");
                Some(generation)
            }
        };
        assert!(
            allowed.contains(&found),
            "kill {kill} after {wait:?}: the file holds draft {found:?}, expected one of {allowed:?}"
        );
        on_disk = found;

        let mut others: Vec<String> = std::fs::read_dir(&dir)
            .map(|entries| entries.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
            .unwrap_or_default();
        others.retain(|name| name != "draft.json");
        assert!(others.len() <= 1, "kill {kill}: temporary files pile up: {others:?}");
        assert!(others.iter().all(|n| n.ends_with(".tmp")), "kill {kill}: unexpected files {others:?}");
    }
    eprintln!(
        "{KILLS} kills in {:.1?}, {during_a_write} of them during a save; the draft was whole after each (last: {on_disk:?})",
        started.elapsed()
    );
    assert!(on_disk.is_some(), "no child ever saved a draft: the kills came too early to test anything");
    assert!(
        during_a_write >= KILLS / 4,
        "only {during_a_write} of {KILLS} kills landed during a save: too few to show the write is atomic"
    );
}
