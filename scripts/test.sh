#!/usr/bin/env bash
# The test command: set-up, build, then every test (unit, corpus, translation round-trips).
# ML_SANITIZE=1 builds into build-asan/ with AddressSanitizer + UBSan instead.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/scripts/setup.sh"
if [ "${ML_SANITIZE:-0}" = 1 ]; then
  export ML_BUILD_DIR="$root/build-asan"
  bash "$root/scripts/build.sh" -DML_SANITIZE=ON
else
  bash "$root/scripts/build.sh"
fi
cd "${ML_BUILD_DIR:-$root/build}"
ctest --output-on-failure -j"$(nproc)" --timeout 900
