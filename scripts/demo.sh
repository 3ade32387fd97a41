#!/usr/bin/env bash
# The main job: set-up, build, run the demo program in two human languages, then the
# benchmark table.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/scripts/setup.sh"
bash "$root/scripts/build.sh"
ml="${ML_BUILD_DIR:-$root/build}/multilingual"
for f in "$root"/examples/demo_en.multi "$root"/examples/demo_fr.multi; do
  echo "== $ml run --explain ${f#$root/}"
  "$ml" run --explain "$f"
done
# Quick sizes take about half a minute; ML_BENCH_SIZES=seed gives the seed guide's sizes
# (several minutes: the interpreted 1000x1000 matrix multiply alone takes about a minute).
sizes="${ML_BENCH_SIZES:-quick}"
echo "== $ml bench --sizes $sizes --plot bench.svg"
"$ml" bench --sizes "$sizes" --plot "${ML_BUILD_DIR:-$root/build}/bench.svg"
