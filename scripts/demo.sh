#!/usr/bin/env bash
# The main job: set-up, build, run the demo program in two human languages, then the
# benchmark table.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/scripts/setup.sh"
bash "$root/scripts/build.sh"
ml="${ML_BUILD_DIR:-$root/build}/multilingual"
for f in "$root"/examples/demo_en.multi "$root"/examples/demo_fr.multi; do
  echo "== $ml run ${f#$root/}"
  "$ml" run "$f"
done
if "$ml" bench --help >/dev/null 2>&1; then
  echo "== $ml bench --sizes quick"
  "$ml" bench --sizes quick
fi
