#!/usr/bin/env bash
# README command 2: install what is missing, build, and run every test.
#
# The tests run in a build with AddressSanitizer and UndefinedBehaviorSanitizer
# (build-asan/, -O1 with line tables): every suite — unit, print, cli, trust and the GUI
# tests of the real app — must pass clean under both (issue 8). GUI tests need a display,
# so the suites run under xvfb-run (a private virtual X server). Then each libFuzzer
# target gets a short smoke run (build-fuzz/, clang).
#
# KRING_SANITIZE=0 runs the suites in the normal build (build/) instead, e.g. for a quick
# local check; KRING_SKIP_FUZZ=1 skips the fuzz smoke run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

if [ "${KRING_SANITIZE:-1}" != 0 ]; then
  BUILD_DIR=build-asan
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE= -DCMAKE_CXX_FLAGS="-O1 -g1" -DKRING_SANITIZE=ON >/dev/null
  cmake --build "$BUILD_DIR" -j"$(nproc)"
  export ASAN_OPTIONS=detect_leaks=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  export KRING_CRASH_KILLS="${KRING_CRASH_KILLS:-200}"  # SIGKILLs of a saving process (trust suite)
else
  BUILD_DIR="${KRING_BUILD_DIR:-build}"
  scripts/build.sh
fi
xvfb-run -a -s "-screen 0 1600x1000x24" \
  ctest --test-dir "$BUILD_DIR" --output-on-failure --timeout 900 -j"$(nproc)"

# Trust (issue 8): each libFuzzer target for a short smoke run (build-fuzz, clang).
if [ "${KRING_SKIP_FUZZ:-0}" != 1 ] && command -v clang++ >/dev/null; then
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKRING_FUZZ=ON \
    -DKRING_BUILD_APP=OFF -DKRING_BUILD_TESTS=OFF -DKRING_BUILD_BENCH=OFF >/dev/null
  cmake --build build-fuzz --target fuzz-all -j"$(nproc)"
  ctest --test-dir build-fuzz --output-on-failure -R '^fuzz-'
fi
