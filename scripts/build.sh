#!/usr/bin/env bash
# Configures and builds into build/ (or $ML_BUILD_DIR). Extra arguments go to cmake.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bdir="${ML_BUILD_DIR:-$root/build}"
cmake -S "$root" -B "$bdir" -G Ninja -DCMAKE_BUILD_TYPE="${ML_BUILD_TYPE:-RelWithDebInfo}" "$@" >/dev/null
cmake --build "$bdir" -j"$(nproc)"
