// Parsing and running programs for the CLI (run, repl, profile): one place that knows how
// to turn errors into localized messages and exit statuses.
#pragma once
#include <memory>
#include <string>

#include "interp/interpreter.h"
#include "lang/pack.h"
#include "support/source.h"

namespace ml::runtime { class BackendSelector; }
namespace ml::engine { class Engine; }

namespace ml::cli {

class WasmBridge;

class ProgramRunner {
 public:
  // backend: "" (from config) | auto | interpreter | wasm
  ProgramRunner(const LanguagePack& pack, std::string backend, std::string config_file);
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
  // run_file: > 0 = after this many ms the program is asked to stop with a TimeoutError (at its
  // next loop iteration or call); if it is stuck elsewhere (a long native operation), the
  // process ends with the same message kTimeoutGraceMs later.
  void set_timeout_ms(int ms) { timeout_ms_ = ms; }
  static constexpr int kTimeoutGraceMs = 2000;
  // WebAssembly text of the functions that ran compiled (for --emit wat).
  std::string emitted_wat();
  // Which backend each function ran on and why (for --explain).
  std::string explain() const;

 private:
  const LanguagePack* pack_;
  std::string backend_;
  std::string config_file_;
  std::unique_ptr<interp::Interpreter> interp_;
  std::unique_ptr<runtime::BackendSelector> selector_;  // made on the first library call
  std::vector<std::unique_ptr<ast::Module>> modules_;    // kept alive: functions point into them
  // declared before the bridges: their compiled instances must go first
  std::unique_ptr<engine::Engine> engine_;               // shared by the bridges, made on first use
  std::vector<std::unique_ptr<WasmBridge>> bridges_;     // one per module run with WASM on
  bool wasm_on_ = false;
  int timeout_ms_ = 0;
  void attach_bridge(const ast::Module& m);
  runtime::BackendSelector& selector();
  engine::Engine& engine();
};

}  // namespace ml::cli
