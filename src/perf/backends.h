#pragma once
// The backends `multilingual bench` measures.
//
//   native       the C++ kernels (src/kernels) through the runtime's operation registry; split
//                operations (matrix multiply, blur) on the configuration's threads, like wasm
//   wasm         the same kernels compiled to kernels_simd.wasm, in V8 through the Engine; the first
//                call of each case includes compiling (cache cleared) and instantiating the module
//   interpreted  bench/programs/<op>.multi run by the interpreter   } program backends: plugged in
//   compiled     the same program through the WASM codegen } by src/cli, or a subprocess
//
// Program backends run the program with its `# bench:work` lines timed by the program itself
// (time.perf_counter(), printed as "bench-work-ms: X REP"). Each run is a fresh process that does
// the work twice when the first time is short: the first (cold: engine start-up, compiling) is the
// case's first call, the second (warm) its sample. A runner whose output lacks the marker is timed
// as a whole run minus the run without the work lines (start-up, parsing, building inputs).
#include <string>
#include <vector>

#include "perf/bench.h"
#include "runtime/value.h"

namespace ml::perf {

// The runtime operation behind each benchmark operation ("matmul" -> "matrix_multiply").
std::string runtime_operation(const std::string& op);
// The operation's arguments for a workload, deterministic (the programs build the same data).
std::vector<runtime::Value> make_arguments(const Workload& w);
// The JSON document of the json workload (also what bench/programs/json.multi builds).
std::string make_json_document(int64_t records);

// Case factories for the runtime backends.
Case native_case(const Workload& w);
// kernels_dir "" = the runtime's search path (MULTILINGUAL_KERNELS_DIR, the build directory, ...).
Case wasm_case(const Workload& w, const std::string& kernels_dir = "");
// Registers "native" and "wasm" in the process-wide registry.
void register_runtime_backends(const std::string& kernels_dir = "");

// ---- program backends ----

// Where the bench programs are: $MULTILINGUAL_BENCH_PROGRAMS, else <source dir>/bench/programs.
std::string default_programs_dir();

struct Program {
  std::string path;          // the .multi file it came from
  std::string source;        // with the workload's parameters set
  std::string setup_source;  // the same without the `# bench:work` lines
  // The source with each block of top-level work lines (consecutive `# bench:work` lines with their
  // indented continuations, comments and blank lines) run in a loop of two repetitions, indented
  // by 4 spaces and timed by the program itself:
  //   import time
  //   for bench_rep_ in range(2):
  //       bench_t0_ = time.perf_counter()
  //       <the work lines>
  //       bench_ms_ = (time.perf_counter() - bench_t0_) * 1000.0
  //       print("bench-work-ms:", bench_ms_, bench_rep_)
  //       if bench_ms_ > <rerun_below_ms>:
  //           break
  // Valid python3 and multilingual alike. The second repetition runs only when the first was short.
  std::string timed_source;
  // The same with range(1): the work done once (to measure a process's peak memory).
  std::string once_source;
};
// The marker line the timed sources print: "bench-work-ms: <ms> <repetition 0 or 1>".
inline constexpr const char* kWorkMarker = "bench-work-ms:";
// Work that took longer than this (ms) the first time is not repeated in the same process.
inline constexpr double kRerunBelowMs = 1000;

// What a run of timed_source printed, taken apart.
struct WorkTiming {
  bool found = false;   // at least one marker line
  bool repeated = false;  // some block ran a second (warm) time
  double cold_ms = 0;   // the first repetition of each block, summed
  double warm_ms = 0;   // the second repetition of each block (the first where there is none), summed
  std::string output;   // the program's output without marker lines and without what the second
                        // repetitions printed: what the program prints when run once
};
// A marker without a repetition number ("bench-work-ms: 12.5") counts as a first repetition.
WorkTiming parse_work_markers(const std::string& out);
// Loads <dir>/<op>.multi (or another extension, e.g. ".py") and sets each parameter line
//   let NAME = 123  # bench:param
// to the workload's value of NAME. Throws std::runtime_error when the file is missing or a
// parameter line names a parameter the workload does not have.
Program load_program(const Workload& w, const std::string& dir, const std::string& ext = ".multi",
                     double rerun_below_ms = kRerunBelowMs);
// The same on source text (exposed for tests).
Program parametrize_program(const std::string& text, const Workload& w, const std::string& path = "",
                            double rerun_below_ms = kRerunBelowMs);

// Runs one program (source text; `path` is a file name for messages) and returns its stdout;
// throws on failure. The command line plugs runners in as "interpreted" and "compiled".
using ProgramRunner = std::function<std::string(const std::string& source, const std::string& path)>;

struct ProgramBackendOptions {
  std::string programs_dir;  // "" = default_programs_dir()
  int setup_runs = 3;        // runs of the setup-only program (median taken)
  std::string ext = ".multi";  // ".py" for the python twins
  double rerun_below_ms = kRerunBelowMs;  // the work runs a second (warm) time when faster than this
  // The runner is subprocess_runner: report the child's peak RSS as the case's memory, measured
  // on a run doing the work once (a second repetition would keep the first one's results alive).
  bool child_memory = false;
};
// A backend factory that times `runner` on the workload's program (its timed_source): the sample
// is the warm repetition, Case::cold_ms the first. Without markers: the run minus a setup-only run.
BackendFactory program_backend(ProgramRunner runner, ProgramBackendOptions opt = {});

// A runner that executes `argv... FILE` as a child process (the source written to a temporary
// file), returning its stdout; a non-zero exit throws with the end of its stderr. The child's
// peak RSS of the last run is available through last_child_maxrss().
ProgramRunner subprocess_runner(std::vector<std::string> argv);
uint64_t last_child_maxrss();
// `multilingual run --backend interpreter|wasm` as subprocess backends (used by cli_bench when
// no in-process "interpreted"/"compiled" backend was registered).
BackendFactory subprocess_program_backend(const std::string& binary, const std::string& run_backend,
                                          ProgramBackendOptions opt = {});

// "python": the python twins (bench/programs/<op>.py) run by `python3` as child processes, the
// seed's "Python Time" column measured here.
BackendFactory python_backend(const std::string& python = "python3", ProgramBackendOptions opt = {});

}  // namespace ml::perf
