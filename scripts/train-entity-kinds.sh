#!/usr/bin/env bash
# Trains the Vietnamese entity-kind model on the tuning half of vi-quotes and
# writes its weights into the library (src/analyze/data/vi_entity_kinds.tsv).
# Run it after changing what the model reads (src/analyze/entities/kinds.rs,
# merge.rs) or the rules whose votes it reads; tests/eval.rs checks the
# committed weights are current. Usage: scripts/train-entity-kinds.sh [CORPUS]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-${BRIEFSMITH_CORPUS:-../shared/corpus}}"
weights=src/analyze/data/vi_entity_kinds.tsv
# The eval binary reads the library's current weights; training does not use
# them (the model's features are the rules' output), so one pass is enough.
cargo run --release --locked --quiet --bin briefsmith-eval -- --train-entity-kinds "$corpus" "$weights"
echo "train-entity-kinds: wrote $weights; rebuild and run briefsmith-eval to see both halves"
