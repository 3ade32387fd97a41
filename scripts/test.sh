#!/usr/bin/env bash
# The test command: set-up, build, then every test (unit, corpus, translation round-trips).
# ML_SANITIZE=1 builds into build-asan/ with AddressSanitizer + UBSan instead.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/scripts/setup.sh"
if [ "${ML_SANITIZE:-0}" = 1 ]; then
  export ML_BUILD_DIR="$root/build-asan"
  ML_BUILD_TYPE="${ML_BUILD_TYPE:-Debug}" bash "$root/scripts/build.sh" -DML_SANITIZE=ON
  # Sanitizer run-time options (they reach the tests and every `multilingual` they start):
  #  detect_leaks=0   the interpreter frees its heap as a whole at exit on purpose (values may
  #                   hold cycles, see Interpreter::~Interpreter), and V8 (libnode.so, not
  #                   instrumented) keeps its isolate and code space until exit: LeakSanitizer
  #                   would only report those by-design exit-time "leaks".
  #  detect_stack_use_after_return=0
  #                   generators run on their own mmap'ed stacks and switch with fcontext
  #                   (src/interp/frame.cpp); ASan's fake stacks are not told about the switch.
  #  allocator_may_return_null=1
  #                   `[0] * 10**11` must fail like it does in the normal build (std::bad_alloc ->
  #                   MemoryError), not abort inside ASan's allocator.
  # (ASan keeps handle_segv=1: V8's WebAssembly trap handler is installed over it and passes
  # faults that are not WebAssembly traps on to ASan, which reports them.)
  #  UBSan halt_on_error=1: any finding fails the test that triggered it (UBSan's vptr check is
  #                   off at compile time, see CMakeLists.txt: V8 has no RTTI).
  export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:detect_stack_use_after_return=0:allocator_may_return_null=1}"
  export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
else
  bash "$root/scripts/build.sh"
fi
cd "${ML_BUILD_DIR:-$root/build}"
ctest --output-on-failure -j"$(nproc)" --timeout 900
# The fuzzers (tests/fuzz), for a bounded time, over their kept corpora: any crash, sanitizer
# report or hang fails the run. ML_FUZZ_SECONDS=0 skips them; scripts/fuzz.sh runs them longer.
if [ "${ML_FUZZ_SECONDS:-20}" != 0 ]; then
  bash "$root/scripts/fuzz.sh" "${ML_FUZZ_SECONDS:-20}"
fi
