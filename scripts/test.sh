#!/usr/bin/env bash
# The whole test suite, as CI runs it: set-up, formatting, lints, every test
# of the library, the CLI and the desktop app, and a short run of each fuzz target.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

# A clean clone gains nothing from incremental compilation, which more than
# doubles target/ (16 GB of 42 here) on a disk that CI shares.
if [[ -n "${CI:-}" ]]; then
  export CARGO_INCREMENTAL=0
fi

corpus="${BRIEFSMITH_CORPUS:-../shared/corpus}"
if [[ ! -f "$corpus/vi-nato-ai/article.txt" ]]; then
  echo "test: the corpus is not at $corpus; put shared/ beside the repository or set BRIEFSMITH_CORPUS" >&2
  exit 1
fi

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "== cargo test"
# The desktop app's command tests use tauri's mock runtime: no display needed.
env -u DISPLAY -u WAYLAND_DISPLAY cargo test --workspace --locked
# A panic, hang or runaway allocation the fuzzer reaches in half a minute
# fails the suite; the input that shows it is in target/fuzz-artifacts/.
echo "== fuzz smoke run (scripts/fuzz.sh --smoke: every target for 30 s)"
bash scripts/fuzz.sh --smoke
echo "== end-to-end tests of the desktop app (Xvfb, tauri-driver, WebKitWebDriver)"
# One at a time: each drives a real window on the same virtual screen.
# Screenshots of every main screen: target/tmp/screenshots/.
xvfb-run -a -s "-screen 0 1280x800x24" \
  cargo test -p briefsmith-desktop --test e2e --locked -- --ignored --test-threads=1
echo "== the Debian package (scripts/package.sh), installed into a throwaway root and started under Xvfb"
xvfb-run -a -s "-screen 0 1280x800x24" \
  cargo test -p briefsmith-desktop --test package --locked -- --ignored
