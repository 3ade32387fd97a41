// Real Python programs (pyperformance benchmarks, tests/pyperf, copied from the shared suite)
// run unmodified under `run --lang en` and print exactly what CPython printed for them, on each
// backend.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "run_util.h"

namespace fs = std::filesystem;
using namespace ml::test;

namespace {

fs::path pyperf_dir() { return fs::path(ML_SOURCE_DIR) / "tests" / "pyperf"; }

std::vector<std::string> programs() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(pyperf_dir()))
    if (e.path().extension() == ".py") out.push_back(e.path().stem().string());
  std::sort(out.begin(), out.end());
  return out;
}

struct Case {
  std::string program, backend;
};

std::vector<Case> cases() {
  std::vector<Case> out;
  for (const auto& p : programs())
    for (const char* b : {"interpreter", "auto", "wasm"}) out.push_back({p, b});
  return out;
}

class Pyperf : public ::testing::TestWithParam<Case> {};

TEST_P(Pyperf, PrintsWhatCPythonPrinted) {
  const auto& c = GetParam();
  // Run from the program's folder, as compare.py does (a program may import its neighbours).
  auto r = run_ml("run " + c.program + ".py --lang en --backend " + c.backend, pyperf_dir().string());
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out, read_file(pyperf_dir() / (c.program + ".expected")));
}

TEST(PyperfSet, HasTheSuite) { EXPECT_GE(programs().size(), 12u); }

INSTANTIATE_TEST_SUITE_P(All, Pyperf, ::testing::ValuesIn(cases()),
                         [](const auto& info) { return info.param.program + "_" + info.param.backend; });

}  // namespace
