// Parsing and running programs for the CLI (run, repl, profile): one place that knows how
// to turn errors into localized messages and exit statuses.
#pragma once
#include <atomic>
#include <memory>
#include <vector>
#include <string>

#include "interp/interpreter.h"
#include "lang/pack.h"
#include "runtime/config.h"
#include "support/source.h"

namespace ml::runtime { class BackendSelector; }
namespace ml::engine { class Engine; }

namespace ml::cli {

class WasmBridge;

class ProgramRunner {
 public:
  // The configuration decides the backend (python: the interpreter alone; auto: functions are
  // offered to WebAssembly and the adaptive policy picks; wasm: every function that compiles
  // runs compiled), the engine's options, the time limit and the memory limit.
  ProgramRunner(const LanguagePack& pack, const runtime::LoadedConfig& config);
  ~ProgramRunner();

  // Runs a whole file; prints errors (localized, located) to stderr. Returns the exit status.
  int run_file(std::shared_ptr<const SourceFile> src);
  // REPL: runs one chunk in the persistent session, echoing expression values.
  int run_chunk(std::shared_ptr<const SourceFile> src);
  void set_pack(const LanguagePack& pack);
  interp::Interpreter& interpreter() { return *interp_; }
  const LanguagePack& pack() const { return *pack_; }
  // The REPL's `:wasm` toggle: later chunks offer their functions to WebAssembly, or not.
  void set_wasm(bool on);
  bool wasm() const { return wasm_on_; }
  // run_file with timeout_ms > 0: when the time is up, the program is asked to stop with a
  // TimeoutError (at its next loop iteration or call; compiled code is stopped by the engine
  // at once); if it is stuck elsewhere (a long native operation), the process ends with the
  // same message kTimeoutGraceMs later.
  static constexpr int kTimeoutGraceMs = 2000;
  // sys.argv for the programs this runner runs (argv[0] is the program's path).
  void set_argv(std::vector<std::string> argv);
  // WebAssembly text of the functions that ran compiled (for --emit wat).
  std::string emitted_wat();
  // Which backend each function ran on and why (for --explain).
  std::string explain() const;

 private:
  const LanguagePack* pack_;
  runtime::LoadedConfig config_;
  std::unique_ptr<interp::Interpreter> interp_;
  std::unique_ptr<runtime::BackendSelector> selector_;  // made on the first library call
  std::vector<std::unique_ptr<ast::Module>> modules_;    // kept alive: functions point into them
  // declared before the bridges: their compiled instances must go first
  std::unique_ptr<engine::Engine> engine_;               // shared by the bridges, made on first use
  std::atomic<engine::Engine*> running_engine_{nullptr};  // engine_, for the time-limit thread
  std::vector<std::unique_ptr<WasmBridge>> bridges_;     // one per module run with WASM on
  bool wasm_on_ = false;
  void attach_bridge(const ast::Module& m);
  runtime::BackendSelector& selector();
  engine::Engine& engine();
};

}  // namespace ml::cli
