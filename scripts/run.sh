#!/usr/bin/env bash
# README command 1: install what is missing, build, and start kring-app on the demo case.
# Any arguments are passed to kring-app (e.g. another case file).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
APP="${KRING_BUILD_DIR:-build}/imgui_app/kring-app"
if [ $# -eq 0 ]; then set -- assets/demo/familie-demo.kring; fi
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "run: no display found; starting kring-app under xvfb-run (nothing will be visible)." >&2
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$APP" "$@"
fi
exec "$APP" "$@"
