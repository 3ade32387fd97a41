// The bridge between the interpreter/CLI and compiled code: given a parsed module and a call
// with concrete argument values, compile that function for the argument types (cached per
// signature), run it on the WebAssembly engine, and hand back the result, the text it
// printed, a Python error to raise, or the reason the interpreter must run the call instead.
//
// Values cross the boundary as wasm::Value (None, int, float, bool, list, str, tuple). Lists
// are shared (ListPtr): identity is preserved across the call (the same list passed twice is
// one list in linear memory), and lists passed in are updated in place when the compiled code
// changed them, so the interpreter can copy the contents back into its own list objects.
// Strings and tuples are immutable values.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "engine/engine.h"
#include "lang/pack.h"
#include "parse/ast.h"
#include "support/limits.h"
#include "wasm/codegen.h"
#include "wasm/typer.h"

namespace ml::wasm {

struct Value;
using List = std::vector<Value>;
using ListPtr = std::shared_ptr<List>;
// An immutable tuple (items: numbers and strs); a distinct type so the variant tells it from
// a list.
struct Tuple {
  std::vector<Value> items;
};
using TuplePtr = std::shared_ptr<const Tuple>;
// A str, as UTF-8 text.
struct Str {
  std::string utf8;
};

struct Value {
  std::variant<std::monostate, int64_t, double, bool, ListPtr, Str, TuplePtr> v;
  Value() = default;
  static Value none() { return Value(); }
  static Value of_int(int64_t i) { Value x; x.v = i; return x; }
  static Value of_float(double d) { Value x; x.v = d; return x; }
  static Value of_bool(bool b) { Value x; x.v = b; return x; }
  static Value of_list(ListPtr l) { Value x; x.v = std::move(l); return x; }
  static Value of_list(List l) { return of_list(std::make_shared<List>(std::move(l))); }
  static Value of_str(std::string s) { Value x; x.v = Str{std::move(s)}; return x; }
  static Value of_tuple(std::vector<Value> items) {
    Value x;
    x.v = std::make_shared<const Tuple>(Tuple{std::move(items)});
    return x;
  }
  bool is_none() const { return v.index() == 0; }
  bool is_int() const { return v.index() == 1; }
  bool is_float() const { return v.index() == 2; }
  bool is_bool() const { return v.index() == 3; }
  bool is_list() const { return v.index() == 4; }
  bool is_str() const { return v.index() == 5; }
  bool is_tuple() const { return v.index() == 6; }
  int64_t as_int() const { return std::get<int64_t>(v); }
  double as_float() const { return std::get<double>(v); }
  bool as_bool() const { return std::get<bool>(v); }
  const ListPtr& as_list() const { return std::get<ListPtr>(v); }
  const std::string& as_str() const { return std::get<Str>(v).utf8; }
  const std::vector<Value>& as_tuple() const { return std::get<TuplePtr>(v)->items; }
};
// Python's repr ("[1.5, 2]", "True", "None", "'héllo'", "(1, 2.5)").
std::string repr(const Value& v);
// The compiled type of a value, or a reason it has none (a list mixing ints and floats...).
// Strings must be valid UTF-8 (they are converted to code points and back exactly).
std::optional<Type> type_of(const Value& v, std::string* why = nullptr);
// Strict UTF-8 (what a str must be to cross into compiled code).
bool is_valid_utf8(const std::string& s);
// Strict UTF-8 -> code points (false when not valid), and back.
bool utf8_to_code_points(const std::string& s, std::vector<uint32_t>& out);
std::string code_points_to_utf8(const uint32_t* cps, size_t n);

// The Python exception compiled code raised (CallOutcome::Error), localized.
struct ErrorText {
  std::string error_class;  // "ZeroDivisionError", "IndexError"
  std::string message_id;   // pack message id ("runtime.division_by_zero"), "" if none
  std::map<std::string, std::string> message_args;
  std::string message;      // the message localized with the module's pack
  int line = 0;
  int col = 0;  // 0 = not known (point at the line's first non-blank character)
};

struct CallOutcome : ErrorText {  // the ErrorText fields: Error, the exception to raise at `line`
  enum Kind { Ok, Fallback, Error } kind = Fallback;
  Value result;        // Ok
  std::string output;  // what the compiled code printed (Ok and Error): write it out first
  // Fallback: why this call must run in the interpreter (nothing was printed or changed).
  std::string reason;
};

struct ExplainRecord;

// A compiled function ready to run (see host_call.h): its instance, its entry, its signature.
// It lives as long as the CompiledProgram: a host may keep a pointer to it and call it again.
struct Prepared {
  engine::Instance* inst = nullptr;
  engine::ExportFunction enter;  // kCallExport: the entry taking the heap and depth limit too
  uint32_t args_at = 0;          // its argument area (codegen.h)
  std::vector<Type> params;
  Type ret = kNone;
  std::string entry;             // export name
  uint32_t heap_base = 0;        // arguments are laid out from here
  std::string key;               // the signature ("fib(int)")
  int functions = 0;             // the specializations compiled into it (it and its callees)
  ExplainRecord* record = nullptr;  // counts its calls and fallbacks for --explain
  // The classes whose instances the code makes (Cls(...)): the host checks before each call
  // that each is still the class the code was compiled for.
  std::vector<std::string> constructs;
  // The module constants the code reads (ModuleConstant): the host checks before each call
  // that the module still holds each one's value.
  std::vector<std::string> constants;
  // The fields the code reads or writes, by object type id (Type::tid): bit k for field k
  // (fields from the 64th on are always copied). An instance passed in gets only these
  // copied into linear memory, and only these compared after the call; a type not listed
  // has none used. fields_known false: every field is copied.
  std::vector<std::pair<uint32_t, uint64_t>> fields_used;
  bool fields_known = false;
  // the local an UnboundLocal trap names, by the read's position (GeneratedModule::unbound_names)
  const std::map<int32_t, std::string>* unbound_names = nullptr;
};

// The classes `entry` and the functions it calls make instances of, by name.
std::vector<std::string> constructed_classes(const FuncSpec* entry);
// The fields `entry` and the functions it calls read or write (Prepared::fields_used).
std::vector<std::pair<uint32_t, uint64_t>> fields_accessed(const FuncSpec* entry);
// The module constants `entry` and the functions it calls read, by name.
std::vector<std::string> constants_read(const FuncSpec* entry);

// What running a Prepared call gave, before results are read out of linear memory.
struct RawOutcome {
  CallOutcome::Kind kind = CallOutcome::Fallback;
  engine::Val result;  // Ok, when the function returns a value
  std::string output, reason;
  ErrorText error;
};

// One line of `--explain`.
struct ExplainRecord {
  std::string function;   // the name as written
  std::string signature;  // "fib(int)"; "" when the function was never called
  bool compiled = false;  // ran as WebAssembly
  std::string reason;     // why it runs in the interpreter ("class definition at line 3:5")
  uint64_t calls = 0;     // calls made through this bridge with that signature
  // Compiled, but some calls were handed back to the interpreter at run time (an int past 64
  // bits, linear memory exhausted...): how many, and the last reason.
  uint64_t fallbacks = 0;
  std::string fallback_reason;
  // Never called from the interpreter, but compiled into these callers' modules (as a
  // callee of compiled code).
  std::vector<std::string> compiled_into;
};

struct ProgramOptions {
  CodegenOptions codegen;
  int recursion_limit = kRecursionLimit;  // call depth before the interpreter takes over
  // Where the engine comes from when none is passed to the constructor: this provider (so
  // several programs, e.g. REPL chunks, share one engine), else one created with `engine`.
  std::function<engine::Engine&()> engine_provider;
  engine::EngineOptions engine;
  TyperOptions typer;
};

class CompiledProgram {
 public:
  // `module` must outlive this object. `engine` may be null: one is created on first use.
  CompiledProgram(const ast::Module& module, const LanguagePack& pack, engine::Engine* engine = nullptr,
                  ProgramOptions opts = {});
  ~CompiledProgram();

  // A top-level function of that name exists (defined once).
  bool has_function(const std::string& name) const;
  // Runs name(args) as WebAssembly when it compiles for these argument types; lists in
  // `args` are updated in place (Ok and Error). `depth` is the interpreter's current call
  // depth (compiled calls deeper than the recursion limit fall back). Never throws for
  // program errors; engine failures (timeout...) come back as Fallback with the reason.
  CallOutcome call(const std::string& name, std::span<const Value> args, int depth = 0);
  // The steps of call(), for hosts that marshal their own values (host_call.h):
  // prepare compiles name(types) when needed and counts the call (null + why when it runs
  // interpreted; *key gets the signature); prepared does the same for a definition without
  // counting (count_call does, for each call made); run_prepared runs it on `vals` with the
  // heap starting at heap_end; note_fallback records a call handed back at run time.
  const Prepared* prepare(const std::string& name, const std::vector<Type>& types, std::string* why,
                          std::string* key);
  const Prepared* prepared(const ast::Stmt* def, const std::vector<Type>& types, std::string* why);
  static void count_call(const Prepared& p);
  // This host implements the generated modules' import `name` (host_imports.h).
  bool hosts(std::string_view name);
  RawOutcome run_prepared(const Prepared& p, std::span<const engine::Val> vals, int depth, uint32_t heap_end);
  void note_fallback(const std::string& key, const std::string& reason);
  static void note_fallback(const Prepared& p, const std::string& reason);
  // Compile-only: nullopt if name(types) compiles, else why not.
  std::optional<std::string> why_not(const std::string& name, const std::vector<Type>& types);
  // The WebAssembly text of name(types) (for --emit wat); throws std::runtime_error with the
  // reason when it does not compile.
  std::string wat(const std::string& name, const std::vector<Type>& types);
  std::string wat(const ast::Stmt* def, const std::vector<Type>& types);  // a method too
  std::vector<uint8_t> wasm(const std::string& name, const std::vector<Type>& types);
  // Every top-level function, in source order, with each signature it was called with.
  std::vector<ExplainRecord> explain() const;
  std::string explain_text() const;  // one line per record
  // Records that a call of `name` was not offered to compiled code, and why (an argument of a
  // type compiled code does not take), so explain() says so instead of "not called".
  void note_not_offered(const std::string& name, const std::string& reason);

 private:
  struct Unit;
  std::function<std::vector<engine::Val>(std::span<const engine::Val>)> host_function(std::string_view name, Unit* up);
  const ast::Module& module_;
  const LanguagePack& pack_;
  engine::Engine* engine_;
  std::unique_ptr<engine::Engine> own_engine_;
  ProgramOptions opts_;
  Typer typer_;

 public:
  const Typer& typer() const { return typer_; }

 private:
  std::map<std::string, std::unique_ptr<Unit>> units_;  // by signature key
  std::map<std::string, ExplainRecord> records_;        // by signature key
  std::string out_;                                     // print buffer of the running call

  Unit* unit_for(const ast::Stmt* def, const std::vector<Type>& types, std::string* why);
  engine::Engine& engine();
  ExplainRecord not_called(const ast::Stmt& def) const;
};

}  // namespace ml::wasm
