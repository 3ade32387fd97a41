#!/usr/bin/env bash
# Times the interpreter against python3 on the same programs, side by side:
# fib(30) and a 200x200 nested-list matrix multiply. Best of 3 wall-clock runs.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
ml="${ML_BUILD_DIR:-$root/build}/multilingual"
best() {  # best wall time in ms of 3 runs of "$@"
  local best=""
  for _ in 1 2 3; do
    local s e
    s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N)
    local ms=$(( (e - s) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  echo "$best"
}
printf "%-10s %14s %14s %8s\n" program multilingual python3 ratio
for p in fib matmul; do
  a=$(best "$ml" run --backend interpreter "$root/bench/programs/$p.multi")
  if command -v python3 >/dev/null; then b=$(best python3 "$root/bench/programs/$p.py"); else b=0; fi
  ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "n/a" }')
  printf "%-10s %12sms %12sms %8s\n" "$p" "$a" "$b" "$ratio"
done
echo "(ratio = multilingual time / python3 time; below 1 means faster than CPython)"
