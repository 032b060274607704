#!/usr/bin/env bash
# Launch-to-usable of the desktop app (target: ≤ 1.5 s): the release build,
# launched under Xvfb through tauri-driver, timed from the launch until its
# window has shown its first screen and takes input, on a first run and on a
# restart with an autosaved draft. Prints every run and the medians, with
# where the time goes (process start → page loading → startup → first screen).
#
#   bash scripts/bench-app.sh          # 7 runs of each
#   BRIEFSMITH_BENCH_RUNS=15 bash scripts/bench-app.sh
#
# A measurement: it never fails on time (src-tauri/tests/launch_time.rs).
set -euo pipefail
cd "$(dirname "$0")/.."

command -v tauri-driver >/dev/null || [[ -x "$HOME/.cargo/bin/tauri-driver" ]] || bash scripts/setup.sh

# What `cargo tauri build` makes: optimized, serving the bundled front end.
# BRIEFSMITH_RELEASE_TARGET_DIR puts the release build elsewhere (so it does
# not wait on the debug builds' lock); the test itself builds in target/.
release_dir="${BRIEFSMITH_RELEASE_TARGET_DIR:-target}"
cargo build --release --locked -p briefsmith-desktop --features custom-protocol --target-dir "$release_dir"
export BRIEFSMITH_APP="$(cd "$release_dir" && pwd)/release/briefsmith-desktop"

xvfb-run -a -s "-screen 0 1280x800x24" \
  cargo test --locked -p briefsmith-desktop --test launch_time -- --ignored --nocapture
