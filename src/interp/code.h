// Compiled code: the AST is resolved (names -> local slots / cells / globals) and turned into a
// tree of small evaluation nodes with virtual eval/exec (switch-free closure-tree dispatch).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "interp/runtime.h"

namespace ml::interp {

enum class Exec : uint8_t { Normal, Break, Continue, Return };

struct ENode {
  Loc loc;
  virtual ~ENode() = default;
  virtual Value eval(Frame& fr) = 0;
  // eval() for a statement run directly in a try body: an error that the node detects itself
  // (a missing dict key, a missing attribute) may be handed back in `exc` (returning false)
  // instead of thrown, so that a program catching it routinely does not pay for a C++ throw.
  // Any other error is still thrown. The exception is located as if it had been thrown.
  virtual bool eval_soft(Frame& fr, Value& out, Value& exc) {
    (void)exc;
    out = eval(fr);
    return true;
  }
  // A pointer to the value without copying it, when that is possible without side effects
  // (local variables, list elements reached through them); nullptr otherwise.
  virtual const Value* ref(Frame&) { return nullptr; }
};
struct TNode {  // assignment / deletion target
  Loc loc;
  virtual ~TNode() = default;
  virtual void store(Frame& fr, Value v) = 0;
  virtual void del(Frame& fr);
};
struct SNode {
  Loc loc;
  virtual ~SNode() = default;
  virtual Exec exec(Frame& fr) = 0;
  // exec() inside a try body: an error may come back in `exc` (see ENode::eval_soft).
  virtual Exec exec_soft(Frame& fr, Value& exc) {
    (void)exc;
    return exec(fr);
  }
};
using EP = std::unique_ptr<ENode>;
using TP = std::unique_ptr<TNode>;
using SP = std::unique_ptr<SNode>;

struct FuncCode {
  std::string name, qualname;
  int npos = 0;          // positional params (posonly + regular), slots [0, npos)
  int nposonly = 0;
  int nkwonly = 0;       // slots after vararg
  int vararg_slot = -1, kwarg_slot = -1;
  int nparams = 0;       // all parameter slots
  int nslots = 0;
  std::vector<std::string> slot_names;
  std::vector<int> cell_slots;
  std::vector<std::string> freevars;
  SP body;
  // A body of only ifs and returns compiled as one expression giving the return value
  // (compile_value_body.cpp): when set, a call evaluates it instead of running `body`, and an
  // error leaving it is located at `value_loc` (its return or if statement) unless located
  // already.
  EP value_body;
  Loc value_loc;
  bool is_gen = false, is_async = false, is_class_body = false, is_module = false;
  bool simple = false;   // only positional params, no cells: fast binding
  // only positional params (cells allowed), and a plain function (not a generator, coroutine
  // or class body): a call site can bind its arguments in place on the value stack
  // (direct_call.h)
  bool direct = false;
  const SourceFile* src = nullptr;
  Loc loc;
  const ast::Stmt* def = nullptr;  // the def statement (null for lambdas, class bodies, the module)
  Value doc;
  // Kept here by the compiled-call hook (tiering), so that a call pays no lookup: its state
  // for this function, and whether the function is the interpreter's for good (then the hook
  // is not asked again).
  mutable void* tier_state = nullptr;
  mutable bool interpret_only = false;
};

// The code a frame runs (a function's, a class body's, or the module's), and the source file
// that errors are located in while the innermost frame runs.
inline const FuncCode* frame_code(const Frame* fr) { return fr->func ? fr->func->code : fr->mcode; }
inline const SourceFile* current_source() { return I->cur_frame ? frame_code(I->cur_frame)->src : nullptr; }

struct CompiledUnit {
  std::shared_ptr<const SourceFile> src;
  std::vector<std::unique_ptr<FuncCode>> codes;
  FuncCode* module_code = nullptr;
  bool future_annotations = false;  // `from __future__ import annotations`: annotations stay text
};

// Resolves and compiles a module. `repl`: top-level expression statements record their value.
std::unique_ptr<CompiledUnit> compile_module(const ast::Module& m, const LanguagePack* pack, bool repl);

// Runs a function body in a prepared frame (slots bound).
Value run_frame(FuncObj* f, Value* slots, GenObj* gen);

// Where a generator expression consumed whole by list/tuple/set/frozenset puts its values
// when it runs in place, without a generator object and without switching stacks.
struct PushSink {
  struct ListObj* list = nullptr;
  struct SetObj* set = nullptr;
};
// Runs the implicit function of a generator expression (its one argument: the iterator of
// the first `for`) to its end, each value going to `sink` instead of being yielded.
void run_genexpr_in_place(FuncObj* f, Value it, PushSink& sink);
// Runs module-level code with the given globals.
void run_module_code(const FuncCode* code, DictObj* globals);

// Makes a class (the class statement's work: MRO, __set_name__, __init_subclass__).
Value make_class(const std::string& name, ValueVec bases, Ref<DictObj> ns);

// `obj` (made by a builtin type's constructor) as an instance of its subclass `cls`, where the
// builtin's layout allows it (tuple, list, dict, set); unchanged otherwise.
Value retype_builtin(Value obj, ClassObj* cls);

// Imports a module by its (possibly relative, ".x") dotted name on behalf of code whose globals
// are `globals` (their __file__ and __package__ anchor the search); see importer.cpp.
Value import_module_from(const std::string& name, DictObj* globals);
// Absolute form of a possibly relative module name.
std::string resolve_module_name(const std::string& name, DictObj* globals);
// Makes `pack`'s localized builtin names ("afficher") resolve to the builtins they translate;
// `replace`: over names already bound (the main program's pack wins over imported modules').
void install_builtin_aliases(const LanguagePack* pack, bool replace);

}  // namespace ml::interp
