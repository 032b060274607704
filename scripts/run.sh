#!/usr/bin/env bash
# Sets everything up, then opens the desktop app on the built-in sample
# article. Without a display it says so and shows the command-line analysis
# of the same sample instead.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cargo build --locked -p briefsmith -p briefsmith-desktop

if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
  exec ./target/debug/briefsmith-desktop
fi
echo "run: no display found, so here is the command-line analysis of the sample;" >&2
echo "run: on a desktop, this script opens the app instead (or try: xvfb-run -a ./target/debug/briefsmith-desktop)" >&2
exec ./target/debug/briefsmith analyze samples/vi-hai-cang.txt
