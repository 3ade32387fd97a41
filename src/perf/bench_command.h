#pragma once
// `multilingual bench [OPS...] [--sizes seed|quick] [--json FILE] [--plot FILE.svg]`.
//
// src/cli/command_bench.cpp calls it:
//   ml::perf::BenchOptions o;  o.ops = ...; o.sizes = ...; o.json_path = ...; o.plot_path = ...;
//   return ml::perf::cli_bench(o);
// and, to measure the interpreter and the compiled programs in-process, registers them first:
//   ml::perf::register_backend("interpreted", ml::perf::program_backend(run_with_interpreter));
//   ml::perf::register_backend("compiled",    ml::perf::program_backend(run_with_wasm_codegen));
// where run_with_... is a ProgramRunner: (source text, file name) -> what the program printed.
// Without them, cli_bench runs `<multilingual binary> run --backend interpreter|wasm FILE` as child
// processes (binary = multilingual_binary, else this executable when it is named `multilingual`).
#include <iosfwd>
#include <string>
#include <vector>

namespace ml::perf {

struct BenchOptions {
  std::vector<std::string> ops;      // empty = all: matmul xor fib json_parse json_tape blur montecarlo
  std::string sizes = "seed";        // "seed" | "quick" | "compare"
  std::string json_path;             // --json FILE ("" = none; "-" = stdout)
  std::string plot_path;             // --plot FILE.svg
  std::vector<std::string> backends;  // --backends a,b (empty = every registered/available one)
  std::string multilingual_binary;   // for the subprocess program backends ("" = auto)
  std::string programs_dir;          // "" = default_programs_dir()
  std::string kernels_dir;           // "" = the runtime's search path
  double budget_ms = 2000;           // per case
  int min_reps = 5;
  bool progress = true;              // progress on stderr (a bar on a terminal, else one line per case)
  bool quiet_table = false;          // do not print the tables (JSON/plot only)
};

// Runs the benchmark; prints the speed table and the memory table on `out`, progress and errors
// on `err`. Returns 0, or 2 on bad options (unknown operation or size), 1 when an output file
// cannot be written.
int cli_bench(const BenchOptions& opt);
int cli_bench(const BenchOptions& opt, std::ostream& out, std::ostream& err);

}  // namespace ml::perf
