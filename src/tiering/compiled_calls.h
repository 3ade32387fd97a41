// Mixed execution: the interpreter runs the program and offers each call of one of a module's
// top-level functions here; the hot policy decides whether it runs as WebAssembly, and values
// cross both ways through the value adapter.
#pragma once
#include <chrono>
#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "interp/interpreter.h"
#include "tiering/argument_key.h"
#include "tiering/policy.h"
#include "tiering/value_adapter.h"
#include "wasm/compiled_program.h"
#include "wasm/host_call.h"

namespace ml::interp { struct FuncCode; struct FuncObj; struct ClassObj; struct DictObj; }

namespace ml::tiering {

// One per module run with compiling on (a file, or each REPL chunk).
class CompiledCalls {
 public:
  // `engine` gives the (shared, lazily started) WebAssembly engine; what compiled code prints
  // goes to `out` (the interpreter's print() stream, so the order is kept).
  CompiledCalls(const ast::Module& module, const LanguagePack& pack, interp::Interpreter& interpreter,
                std::function<engine::Engine&()> engine, PolicyOptions policy, std::ostream& out);
  ~CompiledCalls();
  // The interpreter's compiled-call hook: a value when the call ran as WebAssembly, nullopt
  // when the interpreter must run it. Throws interp::PyError for errors inside compiled code.
  std::optional<interp::Value> try_call(interp::FuncObj* f, interp::Value* args, int nargs);
  // Which backend each function ran on and why (--explain).
  std::string explain() const { return program_.explain_text(); }
  // The WebAssembly text of every function specialization that ran compiled (--emit wat).
  std::string wat();
  // The function was defined by this module.
  bool owns(const interp::FuncObj* f) const;
  const HotPolicy& policy() const { return policy_; }
  // Calls whose argument types were found by their key (ArgumentKey), without typing them.
  long keyed_calls() const { return keyed_calls_; }
  // How many calls were offered here: a function left to the interpreter for good stops asking.
  long offered_calls() const { return offered_calls_; }
  // Time spent starting the engine (or asking for it), kept out of the policy's compile time.
  double engine_start_ms() const { return engine_start_ms_; }
  // The policy's state of a function defined by this module (null before its first call).
  const FunctionState* state_of(const interp::FuncCode* code) const;
  const FunctionState* state_of(const std::string& name) const;

 private:
  // One argument-type signature a function was called with, compiled or refused.
  struct Signature {
    std::vector<wasm::Type> types;
    const wasm::Prepared* prepared = nullptr;  // null: does not compile, see `why`
    std::string why;
    bool ran = false;  // ran compiled at least once
    bool copies = false;  // takes values laid out in linear memory (see FunctionState::copies)
    // prepared->constants as keys of the module's namespace (made at the first check)
    std::vector<interp::Value> constant_keys;
    std::vector<interp::Value> construct_keys;  // and prepared->constructs
  };
  struct Function {
    const CompiledCalls* owner = nullptr;  // FuncCode::tier_state points here
    bool eligible = false;  // a top-level def of this module, defined once
    FunctionState state;
    std::vector<Signature> signatures;
    // Argument keys typed before (see ArgumentKey) and their signatures, replaced in turn.
    struct KnownArgs {
      uint64_t epoch;  // interp::g_class_epoch then
      const interp::DictObj* globals;
      std::vector<uint64_t> words;
      size_t signature;  // index in `signatures`
    };
    std::vector<KnownArgs> known;
    size_t next_known = 0;
  };
  static constexpr size_t kKnownKeys = 4;
  Function& function_of(const interp::FuncCode* code);
  // From now on the function runs on the interpreter: its calls no longer ask here.
  static std::nullopt_t interpret_for_good(const interp::FuncCode* code);
  // The call ran interpreted after all; the function is given up after enough of those.
  void fall_back(const interp::FuncCode* code, Function& fn, const std::string& why);
  std::optional<wasm::Type> function_value(const interp::FuncObj* g) const;
  // The class is the module's own class statement, unchanged: its methods are the defs of
  // its body (see wasm::Typer::find_class), its base such a class too.
  bool class_ok(const interp::ClassObj* cls, std::string& why);
  bool classes_made_ok(const interp::FuncObj* f, Signature& sig, std::string& why);
  std::optional<wasm::ModuleConstant> module_value(const std::string& name) const;
  // The module still holds the value of each constant the compiled code reads.
  bool constants_hold(const interp::FuncObj* f, Signature& sig, std::string& why);
  struct ClassVerdict {
    uint64_t epoch = 0;
    bool ok = false;
    std::string why;
  };
  std::unordered_map<const interp::ClassObj*, ClassVerdict> classes_;
  interp::DictObj* globals_ = nullptr;  // the module's namespace (of the functions called)
  ClassCheck class_check_;
  // the classes the call being made constructs, checked (see InterpAdapter::classes_made)
  std::vector<std::pair<const std::string*, interp::ClassObj*>> made_classes_;
  Signature& signature_for(const interp::FuncCode* code, Function& fn, const std::vector<wasm::Type>& types);
  Signature* typed_signature(const interp::FuncObj* f, Function& fn, const interp::Value* args, int nargs);
  Signature* known_signature(Function& fn, const interp::FuncObj* f);
  void remember_key(Function& fn, const interp::FuncObj* f, const Signature& sig);
  ArgumentKey key_;  // the key of the call being offered (buffers reused)
  using Clock = std::chrono::steady_clock;
  // `t0`: when the call was offered, for a timed (trial) call; else the epoch.
  std::optional<interp::Value> run(const interp::FuncCode* code, Function& fn, Signature& sig,
                                   const interp::Value* args, int nargs, Clock::time_point t0);
  interp::Value interpreted_trial(interp::FuncObj* f, Function& fn, interp::Value* args, int nargs);
  enum class Stop { None, NotStarted, Cut };  // the engine's interrupt: before the call, or during it
  // `stopped_at`: for Stop::Cut, the source position (wasm::pos_code) of the loop that was
  // running, 0 when unknown.
  wasm::BasicOutcome<InterpAdapter> call_engine(const wasm::Prepared& p, const interp::Value* args, int nargs,
                                                Stop& stop, int32_t& stopped_at);
  [[noreturn]] void raise_error(const wasm::ErrorText& er);
  int first_column(int32_t pos) const;
  void write_output(const std::string& s);
  int frames_used() const;

  interp::Interpreter& interpreter_;
  std::ostream& out_;
  HotPolicy policy_;
  long offered_calls_ = 0;
  long keyed_calls_ = 0;
  std::vector<const interp::FuncCode*> waiting_;  // not offered until the engine starts
  double engine_start_ms_ = 0;  // before program_, whose engine provider adds to it
  wasm::CompiledProgram program_;
  std::map<std::string, std::vector<const ast::Stmt*>> defs_;  // top-level defs by name
  std::set<std::string> def_names_;
  const SourceFile* source_ = nullptr;
  std::unordered_map<const interp::FuncCode*, Function> functions_;  // node-based: entries stay put
  std::vector<wasm::Type> types_;  // the argument types of the call being offered
  // signatures that ran compiled, for wat(): key -> (name, argument types)
  std::map<std::string, std::pair<const ast::Stmt*, std::vector<wasm::Type>>> ran_;
};

}  // namespace ml::tiering
