#!/usr/bin/env bash
# Installs the Debian packages kring needs to build, run and test. Idempotent: installs
# only what is missing, and does nothing (not even apt-get update) when all is present.
set -euo pipefail

PACKAGES=(
  # build
  g++ cmake ninja-build pkg-config
  # libraries
  libboost-graph-dev libgraphviz-dev nlohmann-json3-dev libcli11-dev doctest-dev libsodium-dev zlib1g-dev
  # desktop app: Dear ImGui (with its GLFW/OpenGL3 backends), GLFW, OpenGL
  libimgui-dev libglfw3-dev libgl-dev libgl1-mesa-dri libglx-mesa0
  # fonts, printing and rendering checks
  fonts-dejavu-core graphviz poppler-utils
  # headless GUI tests
  xvfb xauth
  # reference implementations for cross-checks and benchmarks
  python3 python3-networkx python3-igraph
  # fuzzing smoke run in scripts/test.sh: clang with libFuzzer
  clang libclang-rt-14-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-deps: need root (or sudo) to install: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-deps: done"
