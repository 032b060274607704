#!/usr/bin/env bash
# Builds the Debian package: target/debian/briefsmith_<version>_amd64.deb,
# holding the desktop app and the CLI, the desktop entry and icons, the file
# types it opens (and a saved brief's own, *.brief), the manual page, shell
# completions and the built-in templates. cargo-deb packs it (setup.sh
# --package installs it); the dependencies on WebKitGTK and the C library
# come from dpkg-shlibdeps.
#
#   bash scripts/package.sh                 # optimized, as shipped
#   bash scripts/package.sh --profile dev   # quick, for the package test
set -euo pipefail
cd "$(dirname "$0")/.."

profile=release
if [[ "${1:-}" == --profile ]]; then
  profile="${2:?--profile needs a name: release or dev}"
fi
bash scripts/setup.sh --package >/dev/null

# The app serves its bundled front end, as `cargo tauri build` builds it.
cargo build --locked --profile "$profile" -p briefsmith --bin briefsmith
cargo build --locked --profile "$profile" -p briefsmith-desktop --features custom-protocol
bin="target/$([[ "$profile" == dev ]] && echo debug || echo "$profile")"

# What cargo-deb packs besides the binaries, made from the same sources.
# (Outside target/, where cargo-deb expects only what cargo builds.)
staging=packaging/generated
rm -rf "$staging"
mkdir -p "$staging/icons" "$staging/completions"
"$bin/briefsmith" man | gzip -9n > "$staging/briefsmith.1.gz"
"$bin/briefsmith" completions bash > "$staging/completions/briefsmith"
"$bin/briefsmith" completions zsh > "$staging/completions/_briefsmith"
"$bin/briefsmith" completions fish > "$staging/completions/briefsmith.fish"
# The icon at the usual sizes, drawn from packaging/briefsmith.svg's shapes
# (a page of lines; ImageMagick here has no SVG reader).
for size in 16 24 32 48 64 128 256 512; do
  s() { echo $(( $1 * size / 64 )); }
  draw=(-fill '#1f4079' -draw "rectangle $(s 14),$(s 10) $(( $(s 50) - 1 )),$(( $(s 54) - 1 ))" -fill white)
  for y in 13 21 29 37; do
    draw+=(-draw "rectangle $(s 14),$(s "$y") $(( $(s 46) - 1 )),$(( $(s $((y + 3))) - 1 ))")
  done
  draw+=(-draw "rectangle $(s 14),$(s 45) $(( $(s 38) - 1 )),$(( $(s 48) - 1 ))")
  convert -size "${size}x${size}" xc:none "${draw[@]}" "$staging/icons/briefsmith-$size.png"
done
desktop-file-validate packaging/briefsmith.desktop

# Shipped binaries lose their debug information; the test's quick build keeps it.
strip=--strip
if [[ "$profile" == dev ]]; then strip=--no-strip; fi
rm -f target/debian/briefsmith_*.deb
cargo deb --no-build "$strip" --profile "$profile" -p briefsmith-desktop --output target/debian/
