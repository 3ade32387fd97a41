// `multilingual bench pyperf`: the pyperformance programs (tests/pyperf, or ../shared/pyperf)
// run as whole processes under our interpreter, under the automatic backend and under python3,
// in turn, with the ratios to python3, their geometric means, a Markdown table and an SVG chart.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace ml::cli {

struct PyperfOptions {
  std::vector<std::string> names;  // programs to run (default: every NAME.py with a NAME.expected)
  std::string dir;                 // "" = the source tree's tests/pyperf
  std::string python = "";         // "" = /usr/bin/python3 when it exists, else python3 on PATH
  int runs = 3;                    // per program and configuration; the best one counts
  std::string plot_path;           // --plot FILE.svg
  double timeout_s = 300;
};

// One configuration of one program: its best run.
struct PyperfTiming {
  bool ok = false;       // exit 0 and the expected output in every run
  std::string why;       // when not ok
  double wall_s = 0;     // best wall time
  double cpu_s = 0;      // user + system time of that run
};

struct PyperfRow {
  std::string name;
  PyperfTiming python, interpreter, automatic;
};

int cli_bench_pyperf(const PyperfOptions& opt, std::ostream& out, std::ostream& err);

// The Markdown table (with the geometric means) and the chart, from measured rows.
std::string pyperf_table(const std::vector<PyperfRow>& rows);
std::string pyperf_svg(const std::vector<PyperfRow>& rows, const std::string& title);

}  // namespace ml::cli
