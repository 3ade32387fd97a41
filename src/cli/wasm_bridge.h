#pragma once
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "interp/interpreter.h"
#include "wasm/compiled_program.h"

namespace ml::interp { struct FuncCode; }

namespace ml::cli {

// Routes calls of a program's top-level functions to compiled WebAssembly when they compile
// for the argument types, and tells the interpreter to run them itself otherwise.
class WasmBridge {
 public:
  // `engine` gives the (shared, lazily started) WebAssembly engine.
  // adaptive (--backend auto): a function whose compiled calls turn out to cost little more
  // than crossing into WebAssembly, and whose body has no loops, is left to the interpreter.
  WasmBridge(const ast::Module& module, const LanguagePack& pack, std::function<engine::Engine&()> engine,
             bool adaptive = false);
  // The interpreter's compiled-call hook: a value when the call ran as WebAssembly, nullopt
  // when the interpreter must run it. Throws interp::PyError for errors inside compiled code.
  std::optional<interp::Value> try_call(interp::FuncObj* f, interp::Value* args, int nargs);
  std::string explain() const;
  // The WebAssembly text of every function specialization that ran compiled (--emit wat).
  std::string wat();
  // The function was defined by this bridge's module.
  bool owns(const interp::FuncObj* f) const;

  // adaptive: the calls timed before deciding, and the mean below which a call is "quick"
  static constexpr int kTrialCalls = 16;
  static constexpr double kQuickCallUs = 10.0;
  // adaptive: compiling costs about a millisecond per function, so a function is compiled
  // once it has proven hot (kHotCalls interpreted calls), or at its first call if it has
  // loops or calls the program's functions and compiling so far has taken less than
  // kCompileBudgetMs plus kCompileShare of the run's time.
  static constexpr int kHotCalls = 32;
  static constexpr double kCompileBudgetMs = 50.0;
  static constexpr double kCompileShare = 0.2;

 private:
  // After this many fallbacks in a row, a function is left to the interpreter for good.
  static constexpr int kGiveUpAfter = 3;
  struct Timing {
    int calls = 0;
    double ns = 0;
    bool interpreted = false;
    int interpreted_calls = 0;  // before it was first offered to the compiler
    bool offered = false;
  };
  bool worth_compiling(const interp::FuncCode* code, const ast::Stmt* def, Timing& tm);
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  double compile_ms_ = 0;  // spent deciding and compiling (codegen and the engine's compile)
  bool adaptive_ = false;
  std::unordered_map<const interp::FuncCode*, Timing> timing_;
  void write_output(const std::string& s);
  wasm::CompiledProgram program_;
  std::map<std::string, std::vector<const ast::Stmt*>> defs_;
  const SourceFile* source_ = nullptr;
  std::unordered_map<const interp::FuncCode*, int> skipped_;
  std::map<std::string, std::pair<std::string, std::vector<wasm::Type>>> compiled_;  // by signature
};

}  // namespace ml::cli
