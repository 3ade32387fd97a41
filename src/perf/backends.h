#pragma once
// The backends `multilingual bench` measures.
//
//   native       the C++ kernels (src/kernels) through the runtime's operation registry, one thread
//   wasm         the same kernels compiled to kernels_simd.wasm, in V8 through the Engine; the first
//                call of each case includes compiling (cache cleared) and instantiating the module
//   interpreted  bench/programs/<op>.multi run by the interpreter   } program backends: plugged in
//   compiled     the same program through the WASM codegen (issue 4) } by src/cli, or a subprocess
//
// Program backends run the program with its `# bench:work` lines timed by the program itself
// (time.perf_counter(), printed as "bench-work-ms: X"); a runner whose output lacks that line is
// timed as a whole run minus the run without the work lines (start-up, parsing, building inputs).
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
  // The source with the work lines timed by the program itself (time.perf_counter() before the
  // first and after the last top-level work line, printed as a last line "bench-work-ms: X").
  std::string timed_source;
};
// The marker line timed_source prints.
inline constexpr const char* kWorkMarker = "bench-work-ms:";
// Loads <dir>/<op>.multi (or another extension, e.g. ".py") and sets each parameter line
//   let NAME = 123  # bench:param
// to the workload's value of NAME. Throws std::runtime_error when the file is missing or a
// parameter line names a parameter the workload does not have.
Program load_program(const Workload& w, const std::string& dir, const std::string& ext = ".multi");
// The same on source text (exposed for tests).
Program parametrize_program(const std::string& text, const Workload& w, const std::string& path = "");

// Runs one program (source text; `path` is a file name for messages) and returns its stdout;
// throws on failure. This is what the lead plugs in for "interpreted" and "compiled".
using ProgramRunner = std::function<std::string(const std::string& source, const std::string& path)>;

struct ProgramBackendOptions {
  std::string programs_dir;  // "" = default_programs_dir()
  int setup_runs = 3;        // runs of the setup-only program (median taken)
  std::string ext = ".multi";  // ".py" for the python twins
};
// A backend factory that times `runner` on the workload's program, minus its setup-only run.
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
