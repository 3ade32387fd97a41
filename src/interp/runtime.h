// Internal runtime of the interpreter: the interpreter state, Python exceptions, and the
// generic object protocol (repr/str/hash/eq/arith/call/attr/item/iter).
#pragma once
#include <atomic>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "interp/value.h"
#include "support/limits.h"
#include "parse/ast.h"

namespace ml { struct LanguagePack; }

namespace ml::interp {

struct FuncCode;
struct CompiledUnit;

struct FuncObj : Object {
  const FuncCode* code;
  ValueVec defaults;           // defaults of the last positional params
  Ref<DictObj> kwdefaults;     // keyword-only defaults (may be null)
  std::vector<Ref<CellObj>> closure;
  Ref<DictObj> globals;
  std::string name, qualname;
  ClassObj* owner = nullptr;   // class whose body defined it (for zero-arg super())
  // How many positional arguments a direct call (direct_call.h) may pass: from the count
  // without the defaulted parameters to all of them; direct_max < 0 when the function cannot
  // be called directly. Set once its defaults are known (defaults never change afterwards).
  int direct_min = 0, direct_max = -1;
  Ref<DictObj> attrs;          // function attributes
  Value doc;
  FuncObj(const FuncCode* c, Ref<DictObj> g);
};

// A Python exception travelling through C++.
struct PyError : std::exception {
  Value exc;  // an InstObj of an exception class
  explicit PyError(Value e) : exc(std::move(e)) {}
  const char* what() const noexcept override { return "Python exception"; }
};

// Raised by sys.exit / SystemExit (still a PyError, kind SystemExit).

struct Frame {
  Value* slots = nullptr;
  FuncObj* func = nullptr;
  DictObj* globals = nullptr;
  DictObj* ns = nullptr;       // class body namespace (null otherwise)
  Value retval;
  struct GenObj* gen = nullptr;  // running generator, if any
  struct PushSink* sink = nullptr;  // a generator expression run in place: where its values go
  Ref<DictObj> locals;  // what locals() returned in this call: each call updates the same dict
  // The frames running are chained from I->cur_frame through `back` (sys._getframe walks them).
  // `stmt` is the statement running now (its line is the frame's f_lineno), set as each starts.
  Frame* back = nullptr;
  const struct SNode* stmt = nullptr;
  const struct FuncCode* mcode;  // the module's code, read only when func is null (module frames)
  // Inline at each call site (the compiler otherwise calls an out-of-line copy on every call).
  [[gnu::always_inline]] ~Frame() {}
};


struct GenState;
struct GenObj : Object {
  Ref<FuncObj> func;
  ValueVec slots;
  GenState* st = nullptr;  // coroutine machinery (stack, context)
  bool started = false, finished = false, running = false, is_async = false;
  bool is_coro = false;  // runs a coroutine's body for coroutine.send (see CoroObj::driver)
  bool closing = false;  // gen_close is throwing GeneratorExit in (see gen_yield_item)
  GenObj(Ref<FuncObj> f, ValueVec s, bool async_gen);
  ~GenObj() override;
};

// Result of calling an `async def` function: runs inline, on the awaiter's stack, when awaited.
// Driven by send()/throw() instead (an event loop), its body runs on a generator stack of its
// own (`driver`), so that an await anywhere below it that must wait (a generator or an
// __await__ iterator yielding) suspends the whole chain back to the caller of send().
struct CoroObj : Object {
  Ref<FuncObj> func;
  ValueVec slots;
  Value driver;          // GenObj with is_coro, made by the first send()
  Value result;          // for ready-made awaitables (asyncio.sleep)
  std::function<Value()> thunk;  // for native awaitables (gather)
  bool done = false;
  CoroObj();
};

struct FileObj : Object {
  std::FILE* fp = nullptr;
  std::string path, mode;
  bool closed = false;
  FileObj();
  ~FileObj() override;
};

struct StrHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Native function helpers ------------------------------------------------------------
struct ArgParser;

struct Interp {
  std::ostream* out = nullptr;
  std::istream* in = nullptr;
  const LanguagePack* pack = nullptr;
  int recursion_limit = kRecursionLimit;
  int depth = 0;
  char* stack_low = nullptr;  // lowest usable address of the current C++ stack (+ margin)
  // Set from another thread (Interpreter::interrupt, `run --timeout-ms`): > 0 = the time limit
  // in ms that ran out; loops and calls then raise TimeoutError (check_interrupt).
  // kKeyboardInterrupt (from a SIGINT handler): they raise KeyboardInterrupt, once.
  // kSignalPending (from the signal module's C handler): a signal with a Python handler arrived.
  std::atomic<int> interrupt_ms{0};
  static constexpr int kKeyboardInterrupt = -1;
  static constexpr int kSignalPending = -2;
  // kGcPending (from the allocation count, gc.cpp): a cycle collection is due. The lowest
  // priority: anything else replaces it (post_interrupt), and the allocations ask again.
  static constexpr int kGcPending = -3;
  // Sets interrupt_ms to `what` unless something other than a pending collection is there.
  bool post_interrupt(int what) {
    for (int cur : {0, kGcPending})
      if (interrupt_ms.compare_exchange_strong(cur, what, std::memory_order_relaxed)) return true;
    return false;
  }

  // Builtin types
  ClassObj *t_object, *t_type, *t_none, *t_bool, *t_int, *t_float, *t_str, *t_list, *t_tuple,
      *t_dict, *t_set, *t_frozenset, *t_bytes, *t_function, *t_builtin, *t_method, *t_module,
      *t_cell, *t_generator, *t_range, *t_iterator, *t_slice, *t_file, *t_property,
      *t_staticmethod, *t_classmethod, *t_coroutine, *t_async_generator, *t_super, *t_ellipsis, *t_dict_keys,
      *t_dict_values, *t_dict_items;
  // Exception classes
  std::map<std::string, ClassObj*, std::less<>> exc;
  ClassObj* e(std::string_view name) const;

  Ref<DictObj> builtins;
  Ref<DictObj> globals;  // __main__
  DictObj* caller_globals = nullptr;  // while eval/exec/globals() is called: the caller's module
  Frame* caller_frame = nullptr;      // ... and the caller's frame (locals(), vars(), dir())
  std::map<std::string, Value, std::less<>> modules;
  std::vector<Value> handling;  // exceptions being handled (innermost last)
  std::vector<std::unique_ptr<CompiledUnit>> units;  // keeps compiled code alive
  std::vector<std::shared_ptr<const SourceFile>> sources;
  Frame* cur_frame = nullptr;  // the innermost frame running (frame_src: its source file)
  Value last_expr;
  bool has_last_expr = false;
  std::function<std::optional<Value>(FuncObj*, Value*, int)> try_call_compiled;
  struct CallObserver* observer = nullptr;  // profiling (interpreter.h)
  // Either of the two above is set: calls must look at them (one test on the direct path).
  bool call_hooks = false;

  // value stack for frames
  Value* stack = nullptr;
  size_t stack_cap = 0, stack_top = 0;

  Value ellipsis, not_impl;
  Value empty_tuple;
  Value small_strs[128];
  // Names the compiler knows (attributes, globals): one string object each, hash computed once.
  std::unordered_map<std::string, Value, StrHash, std::equal_to<>> interned;

  Interp();
  ~Interp();
  void init_builtins();

 private:
  // The builtins module, filled in three parts (builtin_functions.cpp, builtin_reflection.cpp,
  // builtin_types.cpp).
  void init_builtin_functions(DictObj* b);
  void init_builtin_reflection(DictObj* b);
  void init_builtin_types(DictObj* b);
};

extern Interp* I;  // the running interpreter

// ---------------------------------------------------------------- errors
[[noreturn]] void raise(ClassObj* cls, std::string msg);
[[noreturn]] void raise(std::string_view cls, std::string msg);
// Localized message from the pack: id like "runtime.division_by_zero".
std::string msg(std::string_view id, const std::map<std::string, std::string>& args = {});
[[noreturn]] void raise_id(std::string_view cls, std::string_view id,
                           const std::map<std::string, std::string>& args = {});
[[noreturn]] void type_error(std::string m);
[[noreturn]] void value_error(std::string m);
Value make_exception(ClassObj* cls, ValueVec args);
void annotate(PyError& e, Loc loc);  // sets the location if unset (else extends the traceback)
void leave_frame(PyError& e, const std::string& name);  // the error leaves frame `name`
std::string exc_message(const Value& exc);  // str(exc)

// OSError ("[Errno 28] No space left on device") when a write to `out` failed: a full disk or
// a closed stdout is an error of the program, as in Python, not output silently lost.
void check_output(std::ostream& out);
// The OSError subclass for errno `err` (FileNotFoundError for ENOENT...) made as CPython makes
// it: args (err, errno_text(err)[, path]), so it prints "[Errno 2] No such file or directory: 'p'".
[[noreturn]] void raise_errno(int err, const std::string* path = nullptr);
// strerror(err) in the program's language (the pack's errno.<NAME>), as OSError.strerror holds it.
std::string errno_text(int err);
// What a non-zero interrupt_ms asks for: TimeoutError "execution timed out after N ms",
// KeyboardInterrupt, or running the Python handlers of the signals that arrived (which may
// raise, or return and let the program go on).
void handle_interrupt();
[[gnu::always_inline]] inline void check_interrupt() {
  if (I->interrupt_ms.load(std::memory_order_relaxed) != 0) handle_interrupt();
}
// Runs the Python handlers of pending signals; set by the signal module when first imported.
inline void (*run_signal_handlers)() = nullptr;

// ---------------------------------------------------------------- protocol
ClassObj* type_of(const Value& v);
std::string type_name(const Value& v);
bool truthy(const Value& v);
std::string repr(const Value& v);
std::string to_str(const Value& v);
int64_t hash_value_full(const Value& v);  // (objects.cpp)
// hash(x). A non-negative int below 2**61 - 1 is its own hash and a string's is cached once
// made: both answered inline, as dict and set lookups (memo dicts keyed by id(), attribute
// names) mostly hash those.
[[gnu::always_inline]] inline int64_t hash_value(const Value& v) {
  if (v.t == VT::Int && (uint64_t)v.i < (uint64_t(1) << 61) - 1) return v.i;
  if (v.t == VT::Obj && v.o->kind == OK::Str) {
    int64_t h = static_cast<const StrObj*>(v.o)->hash;
    if (h >= 0) return h;
  }
  return hash_value_full(v);
}
bool eq(const Value& a, const Value& b);
bool lt(const Value& a, const Value& b);  // a < b or TypeError
Value binop(ast::BinOp op, const Value& a, const Value& b);
Value inplace_op(ast::BinOp op, const Value& a, const Value& b);
Value compare(ast::CmpOp op, const Value& a, const Value& b);
Value unary(ast::UnaryOp op, const Value& a);
bool contains(const Value& container, const Value& item);

Value call(const Value& f, Value* args, int nargs, KwArgs* kw = nullptr);
Value call0(const Value& f);
Value call1(const Value& f, Value a);
Value call2(const Value& f, Value a, Value b);
Value call_function(FuncObj* f, Value* args, int nargs, KwArgs* kw);

Value getattr(const Value& obj, std::string_view name);
bool getattr_opt(const Value& obj, std::string_view name, Value& out);
void setattr(const Value& obj, std::string_view name, Value v);
void delattr(const Value& obj, std::string_view name);
// Method lookup without creating a bound method: returns true and sets `func` (unbound) and
// `self_needed` when found on the type.
bool lookup_method(const Value& obj, std::string_view name, Value& func, bool& self_needed);
const Value* type_lookup(const Value& obj, std::string_view name);  // special method on the type

Value getitem(const Value& obj, const Value& key);
void setitem(const Value& obj, const Value& key, Value v);
void delitem(const Value& obj, const Value& key);
int64_t len(const Value& v);

Value iter(const Value& v);
bool next(const Value& it, Value& out);  // false = exhausted
ValueVec to_vec(const Value& iterable);
template <class F> void for_each(const Value& iterable, F f);

// numbers
Value int_from_mpz(const mpz_t z);  // normalizes to small int when it fits
void to_mpz(const Value& v, mpz_t out);  // v is Int/Bool/Big
bool is_intlike(const Value& v);        // Int, Bool, Big
int64_t as_index(const Value& v);       // int -> int64 or TypeError/IndexError(overflow)
double to_double(const Value& v);       // int/float/bool -> double or TypeError
std::string float_repr(double d);
std::string int_to_string(const Value& v, int base = 10);
Value parse_int(std::string_view s, int base);  // ValueError on bad literal
Value parse_float(std::string_view s);
Value int_pow(const Value& a, const Value& b);
Value format_value(const Value& v, std::string_view spec);  // format(v, spec)

// strings
Value str_index(StrObj* s, int64_t i);
Value str_slice(StrObj* s, int64_t start, int64_t stop, int64_t step);
std::vector<uint32_t> decode_utf8(std::string_view s);
void append_utf8(std::string& out, uint32_t cp);
std::string str_repr(std::string_view s);
Value make_instance(ClassObj* cls);

// sets (CPython's algorithms and order; results have the kind of `a`)
Value set_copy(const Value& a);
bool dict_view_contains(const DictViewObj* v, const Value& item);
Value dict_view_binop(ast::BinOp op, const Value& a, const Value& b);  // keys/items views: & | - ^
Value set_union(const Value& a, const Value& b);         // b: set/frozenset/iterable
Value set_intersection(const Value& a, const Value& b);
Value set_difference(const Value& a, const Value& b);
Value set_symmetric_difference(const Value& a, const Value& b);
void set_difference_update(SetObj* so, const Value& other);
void set_symmetric_difference_update(SetObj* so, const Value& other);

// slices
void slice_indices(const SliceObj* s, int64_t len, int64_t& start, int64_t& stop, int64_t& step);
void slice_indices(const Value& lo, const Value& hi, const Value& by, int64_t len, int64_t& start, int64_t& stop,
                   int64_t& step);
// obj[lo:hi:by] (and `= v`) on a list or tuple, without a slice object; false (nothing done)
// for any other receiver, which then needs the general getitem/setitem.
bool getslice_fast(const Value& obj, const Value& lo, const Value& hi, const Value& by, Value& out);
bool setslice_fast(const Value& obj, const Value& lo, const Value& hi, const Value& by, Value& v);

// builtins registry
void def_native(DictObj* d, const std::string& name, NativeFn fn);
void def_method(ClassObj* c, const std::string& name, NativeFn fn);
Value str_key(std::string_view s);  // a new str value
Value intern_str(std::string_view s);  // the interpreter's one str object for this name
int64_t str_hash_sv(std::string_view s);  // hash(str) of these bytes, without an object
Value kw_get(KwArgs* kw, std::string_view name);  // Value with t==None if missing? use kw_find
const Value* kw_find(KwArgs* kw, std::string_view name);
// TypeError for a builtin given a wrong number of arguments (check_args' error).
[[noreturn, gnu::cold]] void wrong_arg_count(std::string_view fname, int nargs, int min, int max);
// The count checked inline at each builtin: it runs on every call of one (id(), len(), d.get()).
inline void check_args(std::string_view fname, int nargs, int min, int max) {
  if (__builtin_expect(nargs < min || (max >= 0 && nargs > max), 0)) wrong_arg_count(fname, nargs, min, max);
}
void check_no_kw(std::string_view fname, KwArgs* kw);
Value import_module(const std::string& name);
Value function_code(const FuncObj* f);  // f.__code__
Value code_object(const FuncCode* c);
// Frames (frame_objects.cpp): the place of a running frame in the chain from I->cur_frame
// (0 = outermost; -1 when it is not running), and an exception's traceback object (None when
// it was never raised).
int frame_chain_pos(const Frame* f);
Value exception_traceback(const Value& exc);    // a code object for `c` (f.__code__, frame.f_code)
// An instance of float subclass `cls` holding `d` (float_subclass.cpp), and the special methods
// of float those instances answer through.
Value float_subclass_instance(double d, ClassObj* cls);
void init_float_subclass_methods(ClassObj* float_type);
void init_modules();
void init_type_methods();
Value run_await(const Value& awaitable);  // synchronously awaits a value
// Suspends the coroutine that send() is driving, from anywhere on its stack, handing `v` to its
// driver (as an await of a yielding awaitable does); returns what the driver sends back. False
// (and nothing done) when no coroutine is being driven.
bool suspend_driven_coroutine(Value v, Value& sent);

// generators
Value gen_send(GenObj* g, Value sent, bool& done);  // done=true: returned value in result
Value gen_yield(Frame& fr, Value v);                 // called from inside the generator
// A generator expression's yield. Closing it throws GeneratorExit at this yield, which nothing
// in a generator expression can catch: instead of raising it (a C++ throw through the
// generator's stack costs microseconds, and any()/all()/next() close one on every early exit)
// this returns false and the expression ends as if its source had run out.
bool gen_yield_item(Frame& fr, Value v);
// generator.throw(exc): raised at the paused yield (at once if not started or finished).
Value gen_throw(GenObj* g, Value exc, bool& done);
// generator.close(): GeneratorExit thrown at the paused yield, so that its finally blocks
// run and its with blocks are left; RuntimeError if it yields again.
void gen_close(GenObj* g);
// coroutine.send/throw/close (see CoroObj::driver); done=true: the body returned this value.
Value coro_send(CoroObj* c, Value sent, bool& done);
Value coro_throw(CoroObj* c, Value exc, bool& done);
void coro_close(CoroObj* c);

template <class F>
void for_each(const Value& iterable, F f) {
  // (a subclass of list or tuple may iterate its own way: __iter__)
  if (iterable.is(OK::List) && iterable.o->type == I->t_list) {
    auto* l = iterable.as<ListObj>();
    for (size_t i = 0; i < l->v.size(); ++i) { Value x = l->v[i]; f(x); }
    return;
  }
  if (iterable.is(OK::Tuple) && iterable.o->type == I->t_tuple) {
    for (auto& x : iterable.as<TupleObj>()->v) f(x);
    return;
  }
  Value it = iter(iterable);
  Value x;
  while (next(it, x)) f(x);
}

}  // namespace ml::interp
