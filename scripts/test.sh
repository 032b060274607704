#!/usr/bin/env bash
# The whole test suite, as CI runs it: set-up, formatting, lints, every test
# of the library, the CLI and the desktop app.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

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
# The desktop tests use tauri's mock runtime: no display needed.
env -u DISPLAY -u WAYLAND_DISPLAY cargo test --workspace --locked
