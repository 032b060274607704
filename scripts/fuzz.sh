#!/usr/bin/env bash
# Coverage-guided fuzzing of the library (cargo fuzz, libFuzzer; targets in fuzz/).
#
#   scripts/fuzz.sh [--smoke] [--seconds N] [TARGET ...]
#
# Builds the targets, then runs each (all of them when none is named) for N
# seconds (default 600; --smoke: 30), one after the other. Prints per target
# the executions and the crashes, timeouts and out-of-memory inputs found, and
# exits non-zero on any finding, naming the file that reproduces it.
#
# A finding: a panic that leaves the library's API, an input taking more than
# 10 s (30 s in the unoptimized smoke build), or more than 2 GB of memory. The seeds are the project's own
# fictional samples and fuzz/seeds, plus, copied at run time, a few articles
# of each set in the shared corpus ($BRIEFSMITH_CORPUS, default
# ../shared/corpus): these never enter the repository. Everything the
# fuzzer writes stays under target/ (ignored): fuzz-corpus/TARGET (the seeds
# and what the fuzzer learned, kept between runs; a smoke run starts afresh in
# fuzz-smoke-corpus/TARGET), fuzz-artifacts/TARGET (the findings) and
# fuzz-logs/TARGET.log.
set -euo pipefail
cd "$(dirname "$0")/.."

ALL_TARGETS=(ingest analyze template markdown_pdf)
seconds=600
smoke=0
targets=()
while (($#)); do
  case "$1" in
    --smoke) seconds=30 smoke=1 ;;
    --seconds)
      [[ $# -ge 2 && "$2" =~ ^[0-9]+$ ]] || { echo "fuzz: --seconds needs a number of seconds" >&2; exit 2; }
      seconds="$2"
      shift
      ;;
    -h | --help)
      sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    -*) echo "fuzz: unknown option $1 (see --help)" >&2; exit 2 ;;
    *)
      if [[ ! " ${ALL_TARGETS[*]} " == *" $1 "* ]]; then
        echo "fuzz: no target '$1'; the targets are: ${ALL_TARGETS[*]}" >&2
        exit 2
      fi
      targets+=("$1")
      ;;
  esac
  shift
done
((${#targets[@]})) || targets=("${ALL_TARGETS[@]}")

corpus="${BRIEFSMITH_CORPUS:-../shared/corpus}"
# Articles taken from each set of the shared corpus: enough variety to start
# from, few enough that the first pass over them fits in a smoke run.
per_set="${BRIEFSMITH_FUZZ_SEEDS_PER_SET:-12}"
work="target"
# A smoke run starts from the seeds alone: the first pass over a corpus that
# long runs have grown would take longer than the run itself.
corpora="$work/fuzz-corpus"
if ((smoke)); then
  corpora="$work/fuzz-smoke-corpus"
  rm -rf "$corpora"
fi
# Long runs: optimized, with AddressSanitizer (nightly). A smoke run:
# unoptimized and without a sanitizer, on the stable toolchain, which builds
# from cold in under 3 minutes on 2 cores (the optimized, sanitized build
# takes over 10): it looks for panics, hangs and runaway memory, which need
# neither.
if ((smoke)); then
  bash scripts/setup.sh --fuzz-smoke
  toolchain=()
  build_flags=(--dev --sanitizer none)
  profile=debug
  # Unoptimized code runs several times slower: a hang, not a slow input.
  timeout=30
  # The same mutations each run, so the test suite passes or fails alike on
  # every machine; long runs draw new ones.
  seed_flag=(-seed=1)
else
  bash scripts/setup.sh --fuzz
  toolchain=(+nightly)
  build_flags=()
  profile=release
  timeout=10
  seed_flag=()
fi
host="$(rustc "${toolchain[@]}" -vV | sed -n 's/^host: //p')"
bin_dir="fuzz/target/$host/$profile"

# Max input length per target: long enough for a real article (a saved web
# page is cut at 128 KiB), short enough that an execution stays fast.
max_len() {
  case "$1" in
    ingest) echo 131072 ;;
    analyze) echo 65536 ;;
    template) echo 8192 ;;
    markdown_pdf) echo 16384 ;;
  esac
}
dict() {
  case "$1" in
    template) echo "fuzz/dicts/template.dict" ;;
    markdown_pdf) echo "fuzz/dicts/markdown.dict" ;;
  esac
}

# shared_files EXT [N]: up to N (default $per_set) files named *.EXT from
# each set of the shared corpus.
shared_files() {
  [[ -d "$corpus" ]] || return 0
  local set
  for set in "$corpus"/*/; do
    find "$set" -type f -name "*.$1" | LC_ALL=C sort | head -n "${2:-$per_set}"
  done
}

# seed DIR PREFIX FILE: copies FILE into DIR, after the bytes of PREFIX (a
# printf format: the ingest target's format byte).
seed() {
  local dir="$1" prefix="$2" file="$3"
  local name
  name="seed-$(printf '%s' "$file" | sed 's|^\.*/*||; s|[^A-Za-z0-9._-]|_|g')"
  [[ -f "$dir/$name" ]] && return 0
  { printf "$prefix"; cat "$file"; } >"$dir/$name"
}

seed_corpus() {
  local target="$1" dir="$corpora/$1" file
  mkdir -p "$dir"
  case "$target" in
    ingest)
      # The first byte is the format (fuzz/fuzz_targets/ingest.rs): 0 detect,
      # 2 Markdown, 3 HTML, 4 PDF, 5 Word.
      for file in samples/*.txt $(shared_files txt); do seed "$dir" '\000' "$file"; done
      for file in samples/*.md; do seed "$dir" '\002' "$file"; done
      for file in tests/fixtures/*.html $(shared_files html); do seed "$dir" '\003' "$file"; done
      for file in fuzz/seeds/ingest/*.pdf; do seed "$dir" '\004' "$file"; done
      for file in fuzz/seeds/ingest/*.docx; do seed "$dir" '\005' "$file"; done
      ;;
    analyze)
      for file in samples/* $(shared_files txt); do seed "$dir" '' "$file"; done
      ;;
    template)
      for file in $(find templates -name '*.j2' | LC_ALL=C sort) fuzz/seeds/template/*; do seed "$dir" '' "$file"; done
      ;;
    markdown_pdf)
      for file in samples/*.md fuzz/seeds/markdown_pdf/*; do seed "$dir" '' "$file"; done
      # Article text as Markdown paragraphs: Vietnamese, long lines.
      for file in $(shared_files txt 2); do seed "$dir" '' "$file"; done
      ;;
  esac
}

if [[ ! -d "$corpus" ]]; then
  echo "fuzz: no shared corpus at $corpus; seeding with the project's own samples only" >&2
fi

echo "== cargo fuzz build"
mkdir -p "$work/fuzz-logs"
build_start=$SECONDS
# Every target: they share one build of the library.
if ! nice -n 19 cargo "${toolchain[@]}" fuzz build "${build_flags[@]}" >"$work/fuzz-logs/build.log" 2>&1; then
  tail -n 40 "$work/fuzz-logs/build.log" >&2
  echo "fuzz: the build failed (log: $work/fuzz-logs/build.log)" >&2
  exit 1
fi
echo "fuzz: built in $((SECONDS - build_start)) s"

findings=0
summary=()
for target in "${targets[@]}"; do
  seed_corpus "$target"
  artifacts="$work/fuzz-artifacts/$target"
  logs="$work/fuzz-logs"
  mkdir -p "$artifacts" "$logs"
  log="$logs/$target.log"
  before="$(ls "$artifacts")"
  args=(
    "$corpora/$target"
    -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2048 -max_len="$(max_len "$target")"
    -artifact_prefix="$artifacts/" -print_final_stats=1 "${seed_flag[@]}"
  )
  [[ -n "$(dict "$target")" ]] && args+=(-dict="$(dict "$target")")
  echo "== $target: $seconds s (log: $log)"
  echo "   $bin_dir/$target ${args[*]}"
  status=0
  nice -n 19 "$bin_dir/$target" "${args[@]}" >"$log" 2>&1 || status=$?
  executions="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
  if [[ -z "$executions" ]]; then
    # No final statistics (the fuzzer stopped early): its last status line.
    executions="$( (grep -ao '^#[0-9]*' "$log" || true) | tail -n 1 | tr -d '#')"
  fi
  new="$(comm -13 <(printf '%s\n' "$before" | sort) <(ls "$artifacts" | sort) | grep -E '^(crash|timeout|oom|leak)-' || true)"
  crashes="$(grep -cE '^(crash|leak)-' <<<"$new" || true)"
  timeouts="$(grep -c '^timeout-' <<<"$new" || true)"
  ooms="$(grep -c '^oom-' <<<"$new" || true)"
  line="$target: ${executions:-0} executions in $seconds s; crashes $crashes, timeouts $timeouts, out-of-memory $ooms"
  echo "   $line"
  summary+=("$line")
  if [[ -n "$new" ]]; then
    findings=$((findings + 1))
    while read -r artifact; do
      echo "   FINDING: $artifacts/$artifact (reproduce: $bin_dir/$target $artifacts/$artifact)"
      summary+=("  finding: $artifacts/$artifact")
    done <<<"$new"
    grep -E -m 20 'panicked at|ERROR: libFuzzer|ERROR: AddressSanitizer|SUMMARY' "$log" | sed 's/^/   /' || true
  elif [[ $status -ne 0 ]]; then
    findings=$((findings + 1))
    echo "   FAILED: the fuzzer exited with $status and saved no input; see $log"
    tail -n 20 "$log" | sed 's/^/   /'
    summary+=("  failed: exit status $status, see $log")
  fi
done

echo "== fuzz summary"
printf '%s\n' "${summary[@]}"
if ((findings)); then
  echo "fuzz: $findings target(s) with findings" >&2
  exit 1
fi
