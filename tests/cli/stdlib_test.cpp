// The standard library written for the language (stdlib/, and the C++ modules): each program in
// tests/stdlib prints what CPython 3.11 printed for it (NAME.expected was made by python3).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "run_util.h"

namespace fs = std::filesystem;
using namespace ml::test;

namespace {

fs::path stdlib_tests() { return fs::path(ML_SOURCE_DIR) / "tests" / "stdlib"; }

std::vector<std::string> programs() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(stdlib_tests()))
    if (e.path().extension() == ".py") out.push_back(e.path().stem().string());
  std::sort(out.begin(), out.end());
  return out;
}

class Stdlib : public ::testing::TestWithParam<std::string> {};

TEST_P(Stdlib, PrintsWhatCPythonPrints) {
  const std::string& name = GetParam();
  auto r = run_ml("run " + name + ".py --lang en --backend interpreter", stdlib_tests().string());
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out, read_file(stdlib_tests() / (name + ".expected")));
}

INSTANTIATE_TEST_SUITE_P(All, Stdlib, ::testing::ValuesIn(programs()), [](const auto& info) { return info.param; });

}  // namespace
