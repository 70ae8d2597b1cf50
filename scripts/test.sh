#!/usr/bin/env bash
# README command 2: install what is missing, build, and run every test. GUI tests need a
# display, so the whole suite runs under xvfb-run (a private virtual X server).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
BUILD_DIR="${KRING_BUILD_DIR:-build}"
xvfb-run -a -s "-screen 0 1600x1000x24" \
  ctest --test-dir "$BUILD_DIR" --output-on-failure --timeout 900 -j"$(nproc)"

# Trust (issue 8): the unit, print, cli and trust suites again under AddressSanitizer and
# UndefinedBehaviorSanitizer (build-asan: -O1 with line tables to keep CI short; no app, no
# benchmarks). KRING_SKIP_ASAN=1 skips it locally.
if [ "${KRING_SKIP_ASAN:-0}" != 1 ]; then
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE= -DCMAKE_CXX_FLAGS="-O1 -g1" -DKRING_SANITIZE=ON \
    -DKRING_BUILD_APP=OFF -DKRING_BUILD_BENCH=OFF >/dev/null
  cmake --build build-asan -j"$(nproc)"
  KRING_CRASH_KILLS=100 ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure --timeout 900 -j"$(nproc)" -R '^(unit|print|cli|trust)$'
fi

# Trust (issue 8): each libFuzzer target for a short smoke run (build-fuzz, clang).
# KRING_SKIP_FUZZ=1 skips it locally.
if [ "${KRING_SKIP_FUZZ:-0}" != 1 ] && command -v clang++ >/dev/null; then
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKRING_FUZZ=ON \
    -DKRING_BUILD_APP=OFF -DKRING_BUILD_TESTS=OFF -DKRING_BUILD_BENCH=OFF >/dev/null
  cmake --build build-fuzz --target fuzz-all -j"$(nproc)"
  ctest --test-dir build-fuzz --output-on-failure -R '^fuzz-'
fi
