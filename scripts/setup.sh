#!/usr/bin/env bash
# Installs everything Briefsmith needs on a fresh Debian/Ubuntu machine.
# Idempotent: a second run installs nothing and takes a second or two.
set -euo pipefail

# Debian packages: the C toolchain, WebKitGTK for the Tauri desktop app (see
# shared/notes/tauri-on-debian.md), Xvfb to run the app without a screen,
# WebKitWebDriver for the app's end-to-end tests (ImageMagick's `import` takes
# their screen shots; dbus-daemon gives each test's app a private session bus),
# poppler-utils to read back the PDFs the tests write, xdg-utils so "open folder" works, hyperfine to time whole runs (scripts/bench.sh),
# GNU time for the peak memory of one run (tests/scaling.rs, tests/caps.rs),
# desktop-file-validate for the Debian package's desktop entry, xwininfo to see
# the installed app's window (src-tauri/tests/package.rs),
# Chromium's headless shell to open exported HTML briefs in a real browser
# engine that reports console errors and every request (tests/html_export.rs),
# and fonts for the scripts the brief's own fonts lack, which PDFs draw from
# the machine's fonts (src/render/pdf/system_fonts.rs): Arabic, Hebrew, Thai,
# Devanagari and the other scripts of Noto (fonts-noto-core), Chinese and
# Japanese (Droid Sans Fallback: Noto's CJK fonts have outlines the PDF
# writer cannot subset), Korean (Nanum).
APT_PACKAGES=(
  build-essential pkg-config libssl-dev
  libwebkit2gtk-4.1-dev
  xvfb xauth webkit2gtk-driver imagemagick dbus-daemon
  poppler-utils xdg-utils hyperfine time desktop-file-utils x11-utils xdotool
  chromium-headless-shell
  fonts-noto-core fonts-droid-fallback fonts-nanum
)
# Node.js only runs pdf.js (Firefox's PDF viewer) in the tests; many machines have it already.
if ! command -v npm >/dev/null 2>&1; then
  APT_PACKAGES+=(nodejs npm)
fi
# LibreOffice Writer without its GUI: its `soffice --convert-to pdf` opens the
# Word briefs the tests write (tests/docx.rs).
APT_PACKAGES+=(libreoffice-writer-nogui)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 \
    install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: Debian packages already installed"
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: cargo is missing; install Rust with rustup (https://rustup.rs) and run this again" >&2
  exit 1
fi
rustup component add rustfmt clippy >/dev/null 2>&1 || true

# Fuzzing (scripts/fuzz.sh, which runs this with --fuzz-smoke for the test
# suite's smoke run and --fuzz for long runs): cargo fuzz. The smoke run
# builds its targets unoptimized and without a sanitizer on this stable
# toolchain; long runs build with AddressSanitizer, which only a nightly
# compiler takes. Not for running the app: it needs neither.
CARGO_FUZZ_VERSION=0.13.2
if [[ "${1:-}" == --fuzz || "${1:-}" == --fuzz-smoke ]] && ! cargo fuzz --version >/dev/null 2>&1; then
  echo "setup: installing cargo-fuzz $CARGO_FUZZ_VERSION"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --quiet
fi
if [[ "${1:-}" == --fuzz ]] && ! rustup toolchain list | grep -q '^nightly-'; then
  echo "setup: installing the nightly Rust toolchain (for cargo fuzz with AddressSanitizer)"
  rustup toolchain install nightly --profile minimal
fi

# The Debian package (scripts/package.sh, which runs this with --package):
# cargo-deb packs it (about 40 s to install; Tauri's bundler needs tauri-cli,
# several minutes to build, for the same .deb).
CARGO_DEB_VERSION=3.8.0
if [[ "${1:-}" == --package ]] && ! cargo deb --version >/dev/null 2>&1; then
  echo "setup: installing cargo-deb $CARGO_DEB_VERSION"
  cargo install cargo-deb --version "$CARGO_DEB_VERSION" --locked --quiet
fi

# tauri-driver bridges WebDriver to the app for the end-to-end tests.
TAURI_DRIVER_VERSION=2.1.0
if ! tauri-driver --help >/dev/null 2>&1 && ! "$HOME/.cargo/bin/tauri-driver" --help >/dev/null 2>&1; then
  echo "setup: installing tauri-driver $TAURI_DRIVER_VERSION"
  cargo install tauri-driver --version "$TAURI_DRIVER_VERSION" --locked --quiet
fi

# pdf.js, pinned by tools/pdfjs/package-lock.json, for the PDF viewer tests.
root="$(cd "$(dirname "$0")/.." && pwd)"
if [[ ! -d "$root/tools/pdfjs/node_modules/pdfjs-dist" ]]; then
  echo "setup: installing pdf.js for the PDF tests"
  npm ci --silent --no-audit --no-fund --prefix "$root/tools/pdfjs"
fi
# axe-core, pinned by tools/axe/package-lock.json: the accessibility rules the
# desktop app's end-to-end test runs inside the real window.
if [[ ! -f "$root/tools/axe/node_modules/axe-core/axe.min.js" ]]; then
  echo "setup: installing axe-core for the accessibility check"
  npm ci --silent --no-audit --no-fund --prefix "$root/tools/axe"
fi
echo "setup: done"
