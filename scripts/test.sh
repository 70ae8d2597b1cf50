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
