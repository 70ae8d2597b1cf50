#!/usr/bin/env bash
# Fuzzing with libFuzzer (clang). Two uses:
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#       Builds the fuzz targets with clang into build-fuzz/ and runs each (default: all of
#       case-loader encrypted edits layout gedcom gramps) for SECONDS (default 600). The growing
#       corpus is kept in build-fuzz/corpus/<target> (seeded from tests/fuzz-corpus/<target>);
#       crashes are written to build-fuzz/artifacts/. Copy interesting new inputs back into
#       tests/fuzz-corpus/<target> to keep them as seeds.
#
#   scripts/fuzz.sh --smoke BINARY SEED_DIR SECONDS
#       One short run on a throw-away copy of the seeds (used by ctest in a KRING_FUZZ build).
set -euo pipefail

run_one() {  # BINARY CORPUS_DIR SEED_DIR SECONDS ARTIFACT_DIR
  local bin=$1 corpus=$2 seeds=$3 secs=$4 artifacts=$5 log
  mkdir -p "$corpus" "$artifacts"
  log=$(mktemp)
  local status=0
  "$bin" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2560 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" "$corpus" "$seeds" >"$log" 2>&1 || status=$?
  local execs
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if [ "$status" -ne 0 ]; then
    tail -60 "$log"
    echo "fuzz $(basename "$bin"): FAILED (exit $status) after ${execs:-?} executions; see $artifacts" >&2
    rm -f "$log"
    return "$status"
  fi
  echo "fuzz $(basename "$bin"): ${execs:-?} executions in ${secs} s, corpus $(ls "$corpus" | wc -l) inputs, no crash"
  rm -f "$log"
}

if [ "${1:-}" = "--smoke" ]; then
  bin=$2 seeds=$3 secs=$4
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  run_one "$bin" "$work/corpus" "$seeds" "$secs" "$work/artifacts" || { cp -r "$work/artifacts" "./fuzz-artifacts-$(basename "$bin")" 2>/dev/null; exit 1; }
  exit 0
fi

cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-600}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(case-loader encrypted edits layout gedcom gramps)
BUILD=build-fuzz
CC=clang CXX=clang++ cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKRING_FUZZ=ON \
  -DKRING_BUILD_APP=OFF -DKRING_BUILD_TESTS=OFF -DKRING_BUILD_BENCH=OFF >/dev/null
cmake --build "$BUILD" --target fuzz-all
for t in "${TARGETS[@]}"; do
  [ -x "$BUILD/fuzz/fuzz-$t" ] || { echo "fuzz: no target $t (skipped)"; continue; }
  run_one "$BUILD/fuzz/fuzz-$t" "$BUILD/corpus/$t" "tests/fuzz-corpus/$t" "$SECONDS_PER_TARGET" "$BUILD/artifacts/$t"
done
