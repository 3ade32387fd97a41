#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (ASan + UBSan) into build-fuzz/ and runs
# each for SECONDS (default 20) over its corpus, tests/fuzz/corpus/<target> (kept in the
# repository: the inputs that found new coverage, seeded from tests/corpus). A crash, a
# sanitizer report, a leak of time past the limit or a C++ exception escaping fails the run;
# the input that did it is saved as build-fuzz/findings/<target>/crash-* (add it to the corpus
# once fixed, so it is replayed every time).
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]      (TARGET: lexer parser interp codegen)
#   ML_FUZZ_KEEP=1 bash scripts/fuzz.sh 600          also merge new coverage into the corpora
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
secs="${1:-20}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(lexer parser interp codegen)
bdir="$root/build-fuzz"
cmake -S "$root" -B "$bdir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DML_FUZZ=ON \
  -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 >/dev/null
cmake --build "$bdir" -j"$(nproc)" --target "${targets[@]/#/ml_fuzz_}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:detect_stack_use_after_return=0:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
status=0
for t in "${targets[@]}"; do
  corpus="$root/tests/fuzz/corpus/$t"
  mkdir -p "$corpus" "$bdir/findings/$t" "$bdir/new/$t" "$bdir/work/$t"
  if [ -z "$(ls -A "$corpus")" ]; then
    # seed: every corpus program, in English (first byte selects the pack: 'en' is index 4)
    for f in "$root"/tests/corpus/*.multi; do
      { printf '\x04'; cat "$f"; } > "$corpus/$(basename "$f" .multi)"
    done
  fi
  echo "fuzz: $t for ${secs}s"
  # Programs run in a scratch folder: what they write stays there.
  if ! (cd "$bdir/work/$t" && "$bdir/ml_fuzz_$t" "$bdir/new/$t" "$corpus" -max_total_time="$secs" \
        -max_len=4096 -timeout=10 -rss_limit_mb=3072 -print_final_stats=1 \
        -artifact_prefix="$bdir/findings/$t/" >"$bdir/$t.log" 2>&1); then
    echo "fuzz: $t FAILED; the input is in $bdir/findings/$t/; the report:"
    grep -E "ERROR|SUMMARY|runtime error|==[0-9]+==|Test unit written" "$bdir/$t.log" | head -20
    status=1
  else
    grep -E "stat::number_executed_units|stat::new_units_added" "$bdir/$t.log" | tr '\n' ' '
    echo
  fi
  if [ "${ML_FUZZ_KEEP:-0}" = 1 ]; then
    "$bdir/ml_fuzz_$t" -merge=1 "$corpus" "$bdir/new/$t" >/dev/null 2>&1 || true
  fi
done
exit $status
