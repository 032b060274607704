#!/usr/bin/env bash
# Speed, as a person running Briefsmith meets it: whole processes on the seed
# article (start-up included), timed by hyperfine, then the criterion benches
# of the library's stages. `scripts/bench.sh --quick` skips the criterion part.
#
# Each figure is reproduced by the command hyperfine prints beside it.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v hyperfine >/dev/null || bash scripts/setup.sh
corpus="${BRIEFSMITH_CORPUS:-../shared/corpus}"
seed="$corpus/vi-nato-ai/article.txt"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

cargo build --release --locked --bin briefsmith
bin=target/release/briefsmith

echo "== whole processes on the seed (targets: analyze ≤ 10 ms, brief with PDF ≤ 20 ms)"
hyperfine --shell=none --warmup 5 --runs 30 --export-markdown "$out/whole.md" \
  "$bin analyze --json $seed" \
  "$bin brief $seed -o $out/brief.md" \
  "$bin brief $seed -o $out/brief.md --pdf $out/brief.pdf"
cat "$out/whole.md"

# The batch figure: every text, HTML and Markdown article of the corpus, the
# first ones again until there are 1,000, in one process on every core.
find "$corpus" -type f \( -name '*.txt' -o -name '*.html' -o -name '*.md' \) ! -name README.md | sort >"$out/all"
{ cat "$out/all"; cat "$out/all"; } | head -n 1000 >"$out/batch"
echo "== $(wc -l <"$out/batch") corpus articles in one run (target ≤ 10 s on 2 cores)"
hyperfine --warmup 1 --runs 5 --export-markdown "$out/batch.md" \
  "xargs -a $out/batch $bin analyze --json >/dev/null"
cat "$out/batch.md"

# Time linear in the input's size on a hostile shape: 10^4 and 4·10^4 quoted
# sentences in one paragraph (each quote's context is found among all the
# others). The second should take about 4× the first, not 16×.
for n in 10000 40000; do
  awk -v n="$n" 'BEGIN { printf "Ông Nam nói "; for (i = 0; i < n; i++) printf "“a%d.” ", i; print "" }' >"$out/quotes-$n.txt"
done
echo "== brief with PDF on 10^4 and 4·10^4 quoted sentences (time should grow ~4×)"
hyperfine --shell=none --warmup 1 --runs 5 --export-markdown "$out/shapes.md" \
  "$bin brief -t sitrep $out/quotes-10000.txt -o $out/q.md --pdf $out/q.pdf" \
  "$bin brief -t sitrep $out/quotes-40000.txt -o $out/q.md --pdf $out/q.pdf"
cat "$out/shapes.md"

if [[ "${1:-}" != "--quick" ]]; then
  echo "== library stages (criterion)"
  cargo bench --locked --bench pipeline
  cargo bench --locked --bench pdf
  cargo bench --locked --bench preview
  cargo bench --locked --bench extract
fi
