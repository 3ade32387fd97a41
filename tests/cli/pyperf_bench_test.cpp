// `multilingual bench pyperf`: the table and chart from measured rows, and a whole run on a
// folder of two tiny programs (one right, one printing the wrong thing).
#include "cli/pyperf_bench.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "shared/subprocess.h"

namespace fs = std::filesystem;
using ml::cli::PyperfRow;
using ml::cli::PyperfTiming;
using ml::test_support::occurrences;
using ml::test_support::run_command;

namespace {

PyperfTiming took(double s) { return PyperfTiming{true, "", s, s}; }

}  // namespace

TEST(PyperfBench, TableHasTheRatiosAndTheirGeometricMeans) {
  std::vector<PyperfRow> rows = {{"a", took(1.0), took(2.0), took(0.5)}, {"b", took(2.0), took(1.0), took(1.0)}};
  std::string t = ml::cli::pyperf_table(rows);
  EXPECT_NE(t.find("| a | 1.00 | 2.00 | 0.50 | 2.00 | 0.50 |"), std::string::npos) << t;
  EXPECT_NE(t.find("| b | 2.00 | 1.00 | 1.00 | 0.50 | 0.50 |"), std::string::npos) << t;
  // interpreter: sqrt(2 * 0.5) = 1; auto: sqrt(0.5 * 0.5) = 0.5
  EXPECT_NE(t.find("| **geometric mean** | | | | **1.00** | **0.50** | CPU ratios: interpreter 1.00, auto 0.50 |"),
            std::string::npos)
      << t;
  std::string svg = ml::cli::pyperf_svg(rows, "title");
  EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
  EXPECT_EQ(occurrences(svg, "<rect x="), 2u * 3u + 2u);  // two bars a row (two programs, the mean), the legend
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
}

TEST(PyperfBench, AFailureIsShownAndLeftOutOfTheMeans) {
  PyperfTiming bad{false, "output differs from the .expected file", 0, 0};
  std::vector<PyperfRow> rows = {{"a", took(1.0), took(3.0), bad}};
  std::string t = ml::cli::pyperf_table(rows);
  EXPECT_NE(t.find("| a | 1.00 | 3.00 | FAIL | 3.00 |  |"), std::string::npos) << t;
  EXPECT_NE(t.find("**3.00** | **nan**"), std::string::npos) << t;
  EXPECT_NE(t.find("a: output differs"), std::string::npos) << t;
}

TEST(PyperfBench, RunsEachProgramUnderEveryConfiguration) {
  fs::path dir = fs::path(ML_BUILD_DIR) / "pyperf_bench_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "good.py") << "print(sum(range(10)))\n";
  std::ofstream(dir / "good.expected") << "45\n";
  std::ofstream(dir / "wrong.py") << "print(1)\n";
  std::ofstream(dir / "wrong.expected") << "2\n";
  std::ofstream(dir / "alone.py") << "print(3)\n";  // no .expected: not a benchmark
  fs::path svg = dir / "chart.svg";
  int status = 0;
  std::string out = run_command(std::string(ML_BINARY) + " bench pyperf --runs 2 --dir " + dir.string() +
                                    " --plot " + svg.string() + " 2>/dev/null",
                                &status);
  EXPECT_EQ(status, 1) << out;  // one program fails
  EXPECT_EQ(occurrences(out, "| good | "), 1u) << out;
  EXPECT_EQ(occurrences(out, "| wrong | FAIL | FAIL | FAIL |"), 1u) << out;
  EXPECT_EQ(occurrences(out, "alone"), 0u) << out;
  EXPECT_NE(out.find("best of 2 runs"), std::string::npos) << out;
  EXPECT_TRUE(fs::exists(svg));
  out = run_command(std::string(ML_BINARY) + " bench pyperf good --runs 1 --dir " + dir.string() + " 2>/dev/null",
                    &status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_EQ(occurrences(out, "| good | "), 1u) << out;
  EXPECT_EQ(occurrences(out, "wrong"), 0u) << out;
  run_command(std::string(ML_BINARY) + " bench pyperf missing --dir " + dir.string() + " 2>/dev/null", &status);
  EXPECT_EQ(status, 2);
  fs::remove_all(dir);
}

TEST(PyperfBench, HelpNamesTheNestedCommandAsItIsTyped) {
  int status = 0;
  std::string out = run_command(std::string(ML_BINARY) + " bench pyperf --help", &status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_NE(out.find("multilingual-bench-pyperf - "), std::string::npos) << out;
  EXPECT_NE(out.find("multilingual bench pyperf [OPTIONS]"), std::string::npos) << out;
}
