// Not a test: a way to run `multilingual bench` from this component's binary while the CLI does
// not have the command yet (BENCHMARKS.md). Disabled unless asked for:
//   ML_BENCH_SIZES=seed ML_BENCH_JSON=out.json ML_BENCH_PLOT=out.svg ML_BENCH_BINARY=build/multilingual \
//   ML_BENCH_BACKENDS=python,interpreted,native,wasm ML_BENCH_OPS=fib,xor \
//     ml_perf_tests --gtest_also_run_disabled_tests --gtest_filter=BenchRun.DISABLED_Run
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>

#include "perf/bench_command.h"

namespace {

std::vector<std::string> split(const char* s) {
  std::vector<std::string> v;
  if (!s) return v;
  std::stringstream ss(s);
  std::string x;
  while (std::getline(ss, x, ','))
    if (!x.empty()) v.push_back(x);
  return v;
}

std::string env(const char* n, const char* def = "") {
  const char* v = std::getenv(n);
  return v ? v : def;
}

}  // namespace

TEST(BenchRun, DISABLED_Run) {
  ml::perf::BenchOptions o;
  o.sizes = env("ML_BENCH_SIZES", "seed");
  o.json_path = env("ML_BENCH_JSON");
  o.plot_path = env("ML_BENCH_PLOT");
  o.multilingual_binary = env("ML_BENCH_BINARY");
  o.kernels_dir = env("ML_BENCH_KERNELS", ML_BUILD_DIR "/kernels");
  o.ops = split(std::getenv("ML_BENCH_OPS"));
  o.backends = split(std::getenv("ML_BENCH_BACKENDS"));
  if (!env("ML_BENCH_BUDGET_MS").empty()) o.budget_ms = std::stod(env("ML_BENCH_BUDGET_MS"));
  EXPECT_EQ(ml::perf::cli_bench(o), 0);
}
