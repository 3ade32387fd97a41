// Running programs: parse, run on the interpreter, offer functions to WebAssembly as the
// configuration says, and turn errors into localized messages and exit statuses. The one
// entry point for the command line (run, repl, profile) and for embedding.
//
//   ml::tiering::Runner r(*LanguageRegistry::instance().find("fr"), config, {&out, &err});
//   int status = r.run_string("afficher(1 + 2)\n");
#pragma once
#include <atomic>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "interp/interpreter.h"
#include "lang/pack.h"
#include "runtime/config.h"
#include "support/source.h"
#include "tiering/policy.h"

namespace ml::runtime { class BackendSelector; }
namespace ml::engine { class Engine; }

namespace ml::tiering {

class CompiledCalls;

// Where a run's text goes and comes from; null members mean the process's std::cout,
// std::cerr and std::cin.
struct Streams {
  std::ostream* out = nullptr;  // print() and what compiled code prints
  std::ostream* err = nullptr;  // error messages (localized, located)
  std::istream* in = nullptr;   // input()
};

class Runner {
 public:
  // The configuration decides the backend (python: the interpreter alone; auto: functions are
  // offered to WebAssembly and the adaptive policy picks; wasm: every function that compiles
  // runs compiled), the engine's options, the time limit and the memory limit.
  Runner(const LanguagePack& pack, const runtime::LoadedConfig& config, Streams streams = {});
  ~Runner();
  Runner(const Runner&) = delete;
  Runner& operator=(const Runner&) = delete;

  // Runs a whole program; prints errors (localized, located) to the error stream. Returns the
  // exit status: 0, 1 when the program failed, SystemExit's status, 130 for Ctrl-C.
  int run_file(std::shared_ptr<const SourceFile> src);
  // Reads the file first (an unreadable one: the message on the error stream, status 1).
  int run_file(const std::string& path);
  // Runs `text` as a program named `path` (what error messages and tracebacks show).
  int run_string(std::string text, std::string path = "<string>");
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
  // same message Watchdog::kGraceMs later.
  // sys.argv for the programs this runner runs (argv[0] is the program's path).
  void set_argv(std::vector<std::string> argv);
  // WebAssembly text of the functions that ran compiled (for --emit wat).
  std::string emitted_wat();
  // Which backend each function ran on and why (for --explain).
  std::string explain() const;
  // Stops the compiled call running now, if any, from any thread (Ctrl-C: the interpreter has
  // been asked for KeyboardInterrupt, which the call, handed back, raises at once).
  void interrupt_compiled_code();
  // Called (on the program's thread) once the engine that runs compiled code is made, or at
  // once if it is there already: what must watch compiled code starts then, not before.
  void on_engine_made(std::function<void()> f);
  // The hot policy's settings for the modules run from now on (tests, tools).
  PolicyOptions& policy() { return policy_; }
  // The compiled calls of each module run with compiling on, in the order run.
  const std::vector<std::unique_ptr<CompiledCalls>>& compiled_modules() const { return compiled_; }

 private:
  const LanguagePack* pack_;
  runtime::LoadedConfig config_;
  std::ostream* out_;
  std::ostream* err_;
  PolicyOptions policy_;
  std::unique_ptr<interp::Interpreter> interp_;
  std::unique_ptr<runtime::BackendSelector> selector_;  // made on the first library call
  std::vector<std::unique_ptr<ast::Module>> modules_;    // kept alive: functions point into them
  // declared before the compiled calls: their instances must go first
  std::unique_ptr<engine::Engine> engine_;               // shared by every module, made on first use
  std::atomic<engine::Engine*> running_engine_{nullptr};  // engine_, for the time-limit thread
  std::function<void()> engine_made_;
  std::vector<std::unique_ptr<CompiledCalls>> compiled_;  // one per module run with WASM on
  bool wasm_on_ = false;
  std::unique_ptr<ast::Module> parse_or_report(std::shared_ptr<const SourceFile> src);
  int run_parsed(const ast::Module& m, bool repl);
  bool flush_output(const ast::Module& m);
  void attach(const ast::Module& m);
  runtime::BackendSelector& selector();
  engine::Engine& engine();
};

}  // namespace ml::tiering
