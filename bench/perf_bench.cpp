// Costs of the measuring tools themselves (issue 5): what `multilingual profile` adds to every
// function call, and what a harness case costs beyond the work it times. (Call overhead
// host->WASM, 1000x1000 matrix marshalling and module load cold vs cached are in runtime_bench.cpp.)
#include <benchmark/benchmark.h>

#include "perf/backends.h"
#include "perf/bench.h"
#include "perf/profiler.h"

namespace {

// One profiled call: enter + leave on an interned function (the interpreter's hot path).
void BM_Profiler_enter_leave(benchmark::State& st) {
  ml::perf::Profiler p;
  auto f = p.function("f", "bench.multi", 1);
  for (auto _ : st) {
    p.enter(f);
    p.leave();
  }
  st.SetItemsProcessed(int64_t(st.iterations()));
}
BENCHMARK(BM_Profiler_enter_leave);

// Recursive profiled calls (fib(15): 1973 calls) as in `multilingual profile fib.multi`.
int64_t fib(ml::perf::Profiler& p, ml::perf::Profiler::FuncId f, int n) {
  ml::perf::Profiler::Scope s(p, f);
  return n < 2 ? n : fib(p, f, n - 1) + fib(p, f, n - 2);
}
void BM_Profiler_fib15(benchmark::State& st) {
  ml::perf::Profiler p;
  auto f = p.function("fib", "fib.multi", 1);
  for (auto _ : st) benchmark::DoNotOptimize(fib(p, f, 15));
  st.SetItemsProcessed(int64_t(st.iterations()) * 1973);
}
BENCHMARK(BM_Profiler_fib15);

// Looking a function up by name on each call (what a caller without cached ids pays).
void BM_Profiler_enter_by_name(benchmark::State& st) {
  ml::perf::Profiler p;
  for (int i = 0; i < 50; ++i) p.function("f" + std::to_string(i));
  for (auto _ : st) {
    p.enter("f49");
    p.leave();
  }
}
BENCHMARK(BM_Profiler_enter_by_name);

// A whole harness case around an empty run: the floor under every figure of `multilingual bench`.
void BM_Harness_empty_case(benchmark::State& st) {
  ml::perf::HarnessOptions o;
  o.progress = ml::perf::ProgressMode::None;
  o.min_reps = 5;
  o.max_reps = 5;
  ml::perf::Harness h(o);
  ml::perf::BackendInfo b{"empty", [](const ml::perf::Workload& w) {
                            ml::perf::Case c;
                            c.op = w.op, c.size = w.size, c.backend = "empty";
                            c.run = [] {};
                            return c;
                          },
                          "no work"};
  auto w = ml::perf::workloads("quick")[0];
  for (auto _ : st) benchmark::DoNotOptimize(h.run_case(w, b));
}
BENCHMARK(BM_Harness_empty_case)->Unit(benchmark::kMicrosecond);

}  // namespace
