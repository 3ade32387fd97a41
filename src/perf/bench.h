#pragma once
// The benchmark harness behind `multilingual bench`.
//
// A Workload is one row of the seed's tables (an operation at one size: "matmul 1000x1000").
// A backend is a named factory that turns a Workload into a Case (setup + the timed callable);
// backends are pluggable (register_backend), so the interpreter and the compiled-program backends
// are plugged in from src/cli while native and wasm come from the runtime (perf/backends.h).
// The Harness runs every (workload, backend) case: one cold (first) call, then warm calls until
// the median is stable, and reports median/min/max, first-call latency, peak memory, and speedups
// against the interpreter and against native, as a table, JSON and an SVG chart.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace ml::perf {

// One operation at one size. `params` are the numbers the operation is parameterised by (the
// same names the programs in bench/programs/ use in their `# bench:param` lines).
struct Workload {
  std::string op;     // "matmul", "xor", "fib", "json_parse", "json_tape", "blur", "montecarlo"
  std::string size;   // "1000x1000", "1 MB", "30", ...
  std::map<std::string, int64_t> params;  // {"size": 1000}
  bool speed_table = true;    // a row of the seed's "Expected Speedups" table
  bool memory_table = false;  // a row of the seed's "Memory Usage" table
  // The seed's numbers for this row (0 / empty when the seed has none).
  double seed_python_ms = 0, seed_wasm_ms = 0;
  std::string seed_memory;  // "~16MB"
  std::string description;  // what exactly runs
  // Times a part of what only the kernels have (json_tape: the tape without values), so there is
  // no program for the program backends (python, interpreted, compiled) to run.
  bool kernels_only = false;
  int64_t param(const std::string& name) const;  // throws std::out_of_range naming it
};

// The operations of the seed's tables, in order.
const std::vector<std::string>& operation_names();
// "seed": the seed's sizes; "quick": tiny versions (each well under 100 ms natively) for tests;
// "compare": the default sizes of the programs in bench/programs/ (scripts/compare.sh).
// Throws std::invalid_argument for another name.
std::vector<Workload> workloads(const std::string& sizes);

// How a Case measured memory.
enum class MemoryKind { None, RssDelta, WasmLinearMemory, ProcessMaxRss, Reported };
std::string_view to_string(MemoryKind k);

// One runnable measurement. `run` is the timed work; `setup` (untimed, once, before the first
// call) prepares inputs; `teardown` runs after the last call. A backend that cannot run a
// workload returns a Case with `skip` set to the reason (it shows up as "n/a" with that reason).
struct Case {
  std::string op, size, backend;
  std::function<void()> setup, run, teardown;
  // Optional: the memory the backend itself accounts for after `run` (e.g. WASM linear memory),
  // with its kind. Without it the harness samples the process RSS during the first calls.
  std::function<uint64_t()> memory;
  MemoryKind memory_kind = MemoryKind::WasmLinearMemory;
  // Optional: replaces the harness's own timing of a call (ms), for backends that time a part of
  // what `run` does (e.g. program total minus its setup). Called right after each `run`.
  std::function<double()> last_ms;
  // Optional: the cold (first-call) time of the last run, in ms, for backends whose every run is a
  // fresh process that times the work twice (program backends: the first run pays start-up and
  // compiling, the second is warm; `last_ms` gives the warm one). When present the harness reports
  // the median of these over all runs as Result::first_ms instead of timing its own first call.
  std::function<double()> cold_ms;
  // Optional: what the last run produced (a short text, e.g. "832040"), recorded in the JSON so
  // backends can be checked against each other.
  std::function<std::string()> output;
  std::string note;  // shown in JSON (what exactly was timed)
  std::string skip;  // non-empty: not runnable, and why
};

// Makes the Case of `backend` for `w`. May throw: the error is reported for that case only.
using BackendFactory = std::function<Case(const Workload& w)>;

struct BackendInfo {
  std::string name;
  BackendFactory factory;
  std::string description;
};

// The process-wide backend registry (the harness copies it when constructed). Registering a
// name twice replaces the earlier factory. Display order: interpreted, compiled, native, wasm,
// then others in registration order.
void register_backend(std::string name, BackendFactory factory, std::string description = "");
void unregister_backend(const std::string& name);
std::vector<BackendInfo> registered_backends();

struct Result {
  std::string op, size, backend, note;
  std::string output;  // Case::output after the last run
  bool ok = false;
  std::string skipped;  // reason, when the backend does not run this workload
  std::string error;    // when setup or run threw
  int reps = 0;         // warm samples
  bool stable = false;  // the median settled within the tolerance
  double first_ms = 0;  // the first (cold) call; with Case::cold_ms, the median of its values
  double median_ms = 0, min_ms = 0, max_ms = 0, mean_ms = 0;  // over warm calls
  uint64_t peak_bytes = 0;
  MemoryKind memory_kind = MemoryKind::None;
  double vs_interpreted = 0;  // interpreted median / this median (0: no interpreted result)
  double vs_native = 0;       // native median / this median (< 1: slower than native)
  double vs_python = 0;       // python median / this median (the seed's "Speedup" column)
  double seed_python_ms = 0, seed_wasm_ms = 0;
  std::string seed_memory;
  bool speed_table = true, memory_table = false;
};

enum class ProgressMode { Auto, Bar, Lines, None };

struct HarnessOptions {
  int min_reps = 5;           // warm samples at least (when the budget allows)
  int max_reps = 200;         // warm samples at most
  double rel_tolerance = 0.02;  // stop when the median moved less than this between samples
  double budget_ms = 2000;    // per case; a case whose first call exceeds it gets 1 warm sample
  double single_shot_ms = 20000;  // first call above this: no warm samples (stats from it)
  ProgressMode progress = ProgressMode::Auto;
  std::ostream* progress_out = nullptr;  // default std::cerr
  std::vector<std::string> backends;     // only these (empty: all registered)
};

class Harness {
 public:
  explicit Harness(HarnessOptions opt = {});
  // Backends registered on this harness only (tests; adds to the copy of the global registry).
  void add_backend(std::string name, BackendFactory factory, std::string description = "");
  std::vector<std::string> backend_names() const;
  // Runs every workload on every backend; returns the results (also kept).
  const std::vector<Result>& run(const std::vector<Workload>& ws);
  // Runs one case (exposed for tests).
  Result run_case(const Workload& w, const BackendInfo& b);
  const std::vector<Result>& results() const { return results_; }

 private:
  void progress(size_t done, size_t total, const std::string& what, const Result* r);
  HarnessOptions opt_;
  std::vector<BackendInfo> backends_;
  std::vector<Result> results_;
  bool bar_ = false;
};

// Fills vs_interpreted / vs_native / vs_python from the other results of the same workload.
void compute_speedups(std::vector<Result>& rs);

// Output.
std::string format_ms(double ms);        // "1.23 ms", "4.5 s", "812 us"
std::string format_bytes(uint64_t b);    // "16.0 MB"
void print_table(std::ostream& out, const std::vector<Result>& rs);
void print_memory_table(std::ostream& out, const std::vector<Result>& rs);
std::string to_json(const std::vector<Result>& rs, const std::map<std::string, std::string>& meta = {});
std::string to_svg(const std::vector<Result>& rs, const std::string& title = "multilingual bench");

// Memory helpers.
uint64_t current_rss_bytes();  // /proc/self/statm
uint64_t max_rss_bytes();      // getrusage(RUSAGE_SELF).ru_maxrss

}  // namespace ml::perf
