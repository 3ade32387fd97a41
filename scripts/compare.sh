#!/usr/bin/env bash
# The same work, in one go, in native C++, in our WASM, in our interpreter, through our WASM
# codegen, and in python3, with ratios (the programs are bench/programs/<op>.multi and
# their python twins <op>.py, at their default sizes: fib(30), matmul 200x200, XOR 1 MB, JSON 10 MB,
# blur 1024x1024, Monte Carlo 1M).
#
#   scripts/compare.sh [--build DIR] [--runs N] [--quick] [OP...]
#
# Programs (interpreter, compiled, python3) are timed here, as whole runs minus the run of the same
# program without its `# bench:work` lines (start-up, parsing and building the input data), best of
# N runs. Native C++ and WASM are the kernels of src/kernels on the same inputs, measured by
# `multilingual bench --sizes compare` (median of stable repetitions). --quick shrinks every size
# (a smoke test of this script, not a measurement).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build"
runs=3
quick=0
ops=()
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --quick) quick=1; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) ops+=("$1"); shift ;;
  esac
done
[ ${#ops[@]} -gt 0 ] || ops=(fib matmul xor json_parse blur montecarlo)
ml="$build/multilingual"
progs="$root/bench/programs"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

have_python=0
command -v python3 >/dev/null 2>&1 && have_python=1

# prepare FILE OUTBASE EXT: writes OUTBASE.full.EXT and OUTBASE.setup.EXT (without the work lines)
prepare() {
  local src="$1" out="$2" ext="$3"
  if [ "$quick" = 1 ]; then
    sed -E 's/^((let )?(n|size|nbytes|records|samples)) = [0-9]+(.*bench:param)/\1 = 12\4/; s/^((let )?(width|height)) = [0-9]+(.*bench:param)/\1 = 16\4/' "$src" > "$out.full.$ext"
  else
    cp "$src" "$out.full.$ext"
  fi
  grep -v 'bench:work' "$out.full.$ext" > "$out.setup.$ext"
}

now_ns() { date +%s%N; }

# best_ms CMD...: the fastest of $runs runs, in ms (the command's stdout goes to $tmp/out)
best_ms() {
  local best="" t0 t1 ms
  for _ in $(seq "$runs"); do
    t0=$(now_ns)
    "$@" > "$tmp/out" 2> "$tmp/err" || { echo "FAILED"; return 0; }
    t1=$(now_ns)
    ms=$(( (t1 - t0) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  echo "$best"
}

# work_ms BASE EXT CMD...: best(full) - best(setup)
work_ms() {
  local base="$1" ext="$2"; shift 2
  local full setup
  full=$(best_ms "$@" "$base.full.$ext")
  [ "$full" = FAILED ] && { echo FAILED; return; }
  cp "$tmp/out" "$base.output"
  setup=$(best_ms "$@" "$base.setup.$ext")
  [ "$setup" = FAILED ] && { echo FAILED; return; }
  local w=$(( full - setup ))
  [ "$w" -lt 1 ] && w=1
  echo "$w"
}

# native / wasm from the benchmark harness
declare -A native wasm
if [ -x "$ml" ] && "$ml" bench --help >/dev/null 2>&1; then
  sizes=compare
  [ "$quick" = 1 ] && sizes=quick
  "$ml" bench "${ops[@]}" --sizes "$sizes" --backends native,wasm --json "$tmp/kernels.json" > /dev/null 2>&1 || true
  if [ -s "$tmp/kernels.json" ] && [ "$have_python" = 1 ]; then
    while read -r op backend ms; do
      if [ "$backend" = native ]; then native[$op]=$ms; else wasm[$op]=$ms; fi
    done < <(python3 -c '
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    if r.get("ok"): print(r["operation"], r["backend"], "%.3f" % r["median_ms"])
' "$tmp/kernels.json")
  fi
else
  echo "note: $ml has no 'bench' command yet: native and WASM columns are empty" >&2
fi

printf '%-11s %12s %12s %12s %12s %12s   %s\n' op native wasm compiled interpreter python3 "ratios"
printf '%s\n' "--------------------------------------------------------------------------------------------------------------"
for op in "${ops[@]}"; do
  [ -f "$progs/$op.multi" ] || { echo "$op: no $progs/$op.multi" >&2; continue; }
  prepare "$progs/$op.multi" "$tmp/$op" multi
  interp=- compiled=- py=-
  if [ -x "$ml" ]; then
    cp "$tmp/$op.full.multi" "$tmp/$op.i.full.multi"; cp "$tmp/$op.setup.multi" "$tmp/$op.i.setup.multi"
    cp "$tmp/$op.full.multi" "$tmp/$op.c.full.multi"; cp "$tmp/$op.setup.multi" "$tmp/$op.c.setup.multi"
    interp=$(work_ms "$tmp/$op.i" multi "$ml" run --backend interpreter)
    compiled=$(work_ms "$tmp/$op.c" multi "$ml" run --backend wasm)
    if [ -f "$tmp/$op.i.output" ] && [ -f "$tmp/$op.c.output" ] && ! cmp -s "$tmp/$op.i.output" "$tmp/$op.c.output"; then
      echo "warning: $op prints different output interpreted and compiled" >&2
    fi
  fi
  if [ "$have_python" = 1 ] && [ -f "$progs/$op.py" ]; then
    prepare "$progs/$op.py" "$tmp/$op.p" py
    py=$(work_ms "$tmp/$op.p" py python3)
    if [ -f "$tmp/$op.i.output" ] && ! cmp -s "$tmp/$op.i.output" "$tmp/$op.p.output"; then
      echo "warning: $op prints different output in our interpreter and in python3" >&2
    fi
  fi
  n=${native[$op]:--} w=${wasm[$op]:--}
  ratios=$(python3 - "$n" "$w" "$compiled" "$interp" "$py" <<'EOF' 2>/dev/null || true
import sys
n, w, c, i, p = [None if x in ("-", "FAILED", "") else float(x) for x in sys.argv[1:]]
out = []
def r(a, b, name):
    if a and b: out.append("%s %.1fx" % (name, a / b))
r(p, i, "py/interp"); r(i, c, "interp/compiled"); r(i, w, "interp/wasm"); r(w, n, "wasm/native"); r(p, w, "py/wasm")
print(", ".join(out))
EOF
)
  fmt() { case "$1" in -|FAILED) echo "$1" ;; *) echo "$1 ms" ;; esac; }
  printf '%-11s %12s %12s %12s %12s %12s   %s\n' "$op" "$(fmt "$n")" "$(fmt "$w")" "$(fmt "$compiled")" "$(fmt "$interp")" "$(fmt "$py")" "$ratios"
done
echo "(programs: best of $runs whole runs minus their setup-only run; native/wasm: kernels via multilingual bench;"
echo " a/b = a's time / b's time: above 1 means b is faster)"
