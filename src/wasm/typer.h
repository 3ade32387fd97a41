// Type inference and specialization: a function is typed for the argument types of an
// actual call (like a JIT): int (i64), float (f64), bool, str, tuples of those, and lists of
// those / lists of lists, held in linear memory. Types flow over the body to a fixpoint
// (recursion included); anything outside the compilable subset gives a Reason (construct +
// line:col) instead.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "lang/pack.h"
#include "parse/ast.h"
#include "wasm/binary_writer.h"

namespace ml::wasm {

// Num: a variable (or result) that holds an int at some times and a float at others, as
// Python allows (`total = 0` then `total += x * 0.5`): one i64 in compiled code, see num_box.h.
// Func: one of the module's top-level functions used as a value (passed to a function, bound
// to a local): the value is that function, so its calls are direct calls of the function
// specialized for it, and it takes no room at run time.
// Obj: an instance of one of the module's classes whose attributes (fields) have these types;
// laid out like a tuple (a header, then one 8-byte slot per field, fields sorted by name).
// Range: a range(start, stop, step) bound to a local (`range_it = range(n)`), held as the
// address of its three i64s; compiled code only iterates it with `for` (typing/range_value.cpp).
enum class Base : uint8_t { Unknown, None, Bool, Int, Float, Str, Tuple, Num, Func, Obj, Range };

// A scalar (depth 0) or a list nested `depth` times around `base`
// (list[list[float]] = {Float, 2}). {Unknown, 1} is a list whose elements are not known yet.
// A tuple has a fixed number of items (tn) of any types (numbers, strings, lists, tuples);
// the list of item types is interned (tid), so types stay small, trivially copied and
// compared: tuple[int, list[float]] = {Tuple, 0, 2, id of [int, list[float]]}.
constexpr int kMaxTupleItems = 16;
struct Type {
  Base base = Base::Unknown;
  uint8_t depth = 0;
  uint8_t tn = 0;     // Tuple: number of items
  uint32_t tid = 0;   // Tuple: the interned item types (0: no items)
  bool is_list() const { return depth > 0; }
  bool known() const { return base != Base::Unknown; }
  bool numeric() const { return depth == 0 && (base == Base::Int || base == Base::Float || base == Base::Bool); }
  bool is_str() const { return depth == 0 && base == Base::Str; }
  bool is_num() const { return depth == 0 && base == Base::Num; }
  bool is_func() const { return depth == 0 && base == Base::Func; }
  bool is_obj() const { return depth == 0 && base == Base::Obj; }
  bool is_range() const { return depth == 0 && base == Base::Range; }
  // an instance of class `cls` with these fields (sorted by name here)
  static Type object(const std::string& cls, std::vector<std::pair<std::string, Type>> fields);
  // Instances of classes that refer to each other (a Packet whose `link` is a Packet, a Task
  // holding a Packet holding a Task): one type per class of the group, in the group's order.
  // A field refers to the group's k-th class by group_ref(k); the group is interned whole, so
  // the same classes with the same fields give the same types. A field of instance type may
  // hold None (address 0): compiled code checks before using it.
  struct ClassFields {
    std::string cls;
    std::vector<std::pair<std::string, Type>> fields;
  };
  static std::vector<Type> object_group(std::vector<ClassFields> group);
  static Type group_ref(size_t k) { Type t{Base::Obj}; t.tid = kGroupRef | static_cast<uint32_t>(k); return t; }
  static constexpr uint32_t kGroupRef = 0x80000000u;
  std::string class_name() const;
  const std::vector<std::pair<std::string, Type>>& fields() const;
  int field_index(const std::string& name) const;  // -1: no such field
  // The order an instance made by compiled code gets its fields in (its __init__'s order;
  // by name for other instances): the order of its __dict__ when it crosses back.
  static void set_field_order(Type t, const std::vector<std::string>& order);
  std::vector<std::string> field_order() const;
  // The same as indices in fields(), without copying names; null when that order is fields()'s.
  const std::vector<uint32_t>* field_order_index() const;
  static Type function(const std::string& name);  // the module function `name` as a value
  std::string func_name() const;
  // int, float, bool, or int-or-float: what arithmetic and comparisons take
  bool arith() const { return numeric() || is_num(); }
  bool is_tuple() const { return depth == 0 && base == Base::Tuple; }
  Type item(size_t i) const;
  // every item has the same type (an empty tuple: false)
  bool uniform() const {
    for (size_t i = 1; i < tn; ++i)
      if (!(item(i) == item(0))) return false;
    return tn > 0;
  }
  // a tuple whose items are numbers and strings only (what printing, comparing and `in` take)
  bool flat() const {
    for (size_t i = 0; i < tn; ++i)
      if (!item(i).numeric() && !item(i).is_str()) return false;
    return true;
  }
  Type elem() const { Type t = *this; t.depth = static_cast<uint8_t>(depth - 1); return t; }
  static Type list_of(Type t) { t.depth = static_cast<uint8_t>(t.depth + 1); return t; }
  static Type tuple_of(const std::vector<Type>& items);  // at most kMaxTupleItems
  bool operator==(const Type&) const = default;
  std::string name() const;  // "int", "list[list[float]]", "tuple[int, float]"
  std::string a_name() const;  // name() after its article: "an int", "a list[float]"
};
inline constexpr Type kInt{Base::Int}, kFloat{Base::Float}, kBool{Base::Bool}, kNone{Base::None},
    kUnknown{Base::Unknown}, kStr{Base::Str}, kNum{Base::Num}, kRange{Base::Range};
// The WASM value type holding a value of `t` (lists, strings and tuples are i32 addresses).
WType wtype(Type t);

// Why a function (specialization) cannot be compiled.
struct Reason {
  std::string construct;  // "class definition", "string value", "call to interpreted function g"
  Loc loc;
  std::string detail;     // optional
  std::string text() const;  // "string value at line 3:9 (detail)"
};
struct CannotCompile {
  Reason reason;
};

struct FuncSpec;

// Constant: a module constant (Typer::module_constant) read by a function, compiled as its value.
struct NameRef {
  enum Kind : uint8_t { Local, Global, Constant } kind = Local;
  std::string key;  // local name; comprehension variables get "name@line:col"
};

// A module variable bound once, at the top level, to a number, bool or string literal, and
// declared `global` by no function: compiled code reads it as that value. The host checks
// before each call that the module still holds it (it may be rebound through globals(), or
// not bound yet when the function runs first).
struct ModuleConstant {
  Type type;
  int64_t i = 0;   // int, bool (0/1)
  double f = 0;    // float
  std::string s;   // str
};

struct CallInfo {
  enum Kind : uint8_t { User, Builtin, Method } kind = Builtin;
  FuncSpec* callee = nullptr;  // User
  bool bound = false;          // User: a method called on an instance, `attr->a` (self) first
  // User: `Cls(args)`, an instance made in compiled code: `callee` is Cls.__init__ (null
  // when the class has none), called with the new instance first; the call's value is it
  bool construct = false;
  // User: `a op b` calling the operand's operator method (a BinOp's entry): a's __op__(a, b),
  // or when reflected b's __rop__(b, a); the operands are evaluated a first, as written
  bool reflected = false;
  std::string name;            // Builtin: canonical name ("len", "print"); Method: "append"
  const ast::Expr* attr = nullptr;  // list Method: the obj.m expression (the callee, or an alias's value)
  // a list method that changes the list's length
  bool resizes() const { return kind == Method && (name == "append" || name == "insert" || name == "pop"); }
};

struct FuncSpec {
  enum State : uint8_t { InProgress, Tentative, Done, Failed } state = InProgress;
  const ast::Stmt* def = nullptr;  // null for the module body (standalone programs)
  std::string name;                // the function's name ("<module>" for the body)
  std::string key;                 // "fib(int)"
  std::vector<Type> params;
  Type ret = kUnknown;
  std::map<std::string, Type> locals;  // params included
  std::vector<std::string> param_keys;
  std::unordered_map<const ast::Expr*, Type> types;
  std::unordered_map<const ast::Expr*, NameRef> names;
  std::unordered_map<const ast::Expr*, CallInfo> calls;
  // `push = xs.append`: names bound once to a list's method, called as that method
  std::map<std::string, const ast::Expr*> method_aliases;
  // locals bound to `[None] * n`: their lists must come to hold instances (typing/construct.cpp)
  std::set<std::string> none_lists;
  // the module constants the body reads (Typer::module_constant)
  std::set<std::string> constants;
  // reads of locals that may come before any assignment (AssignCheck): each checks at run
  // time that the local is bound, raising UnboundLocalError as Python does
  std::set<const ast::Expr*> unbound_reads;
  std::optional<Reason> failure;
  int stack_index = -1;  // position on the in-progress stack while typing
  int min_dep = 1 << 30;
  std::vector<FuncSpec*> callees() const;
};

struct TyperOptions {
  bool standalone = false;  // module-level variables are compiled too (readable from functions)
  // The value the module holds now under `name`, when it is one a ModuleConstant can be (an
  // int within 64 bits, a float, a bool, a str): asked for names the module binds once at its
  // top level to something other than a literal (`A = ord('A')`), the first time a function
  // reads one. Without it only literals are constants.
  std::function<std::optional<ModuleConstant>(const std::string&)> module_values;
};

// Types the functions of one module. Specializations are cached by signature.
class Typer {
 public:
  Typer(const ast::Module& m, const LanguagePack& pack, TyperOptions o = {});
  const ast::Stmt* find_function(const std::string& name) const;  // top-level def, or null
  // A class whose instances compiled code takes: defined once at the top level, methods
  // (plain defs, and second names for them: `__rmul__ = __mul__`) only, at most one base
  // that is such a class too, nothing that changes how attributes are found. Null with `why`
  // otherwise.
  const ast::Stmt* find_class(const std::string& name, std::string* why = nullptr) const;
  // The method `name` of class `cls` or its bases (the first found), or null.
  const ast::Stmt* find_method(const std::string& cls, const std::string& name) const;
  // The method `name = other` in class body `cls` gives a second name (see find_class), or null.
  const ast::Stmt* method_alias(const ast::Stmt* cls, const ast::Stmt& assign) const;
  // "Point.normalize" for a method, the name of a top-level function.
  std::string qualname(const ast::Stmt* def) const;
  // The function of the math module a callee names (`sqrt` bound once by `from math import
  // sqrt`, or `math.sqrt` with `import math`) when compiled code has it ("sqrt", "fabs"), or "".
  std::string math_function(const ast::Expr& callee) const;
  // Types `def` for the given argument types. Never throws for unsupported code: the result
  // is Done, or Failed with a reason.
  FuncSpec* specialize(const ast::Stmt* def, const std::vector<Type>& args);
  // Types the module body as the `main` of a standalone program (options.standalone).
  FuncSpec* specialize_module();
  const FuncSpec* module_spec() const { return module_spec_; }
  // The module constant `name` names (see ModuleConstant), or null (typing/constants.cpp).
  const ModuleConstant* module_constant(const std::string& name) const;
  // The canonical builtin a (localized) name refers to, or "".
  std::string builtin_of(const std::string& name) const;
  // The type an annotation names (int, float, bool, list[...]), or nullopt.
  std::optional<Type> annotation_type(const ast::Expr* e) const;
  const LanguagePack& pack() const { return pack_; }
  const ast::Module& module() const { return module_; }
  const TyperOptions& options() const { return opts_; }
  // `cls(args)` in compiled code (typing/construct.cpp): the instance's type (its fields are
  // the attributes __init__ assigns, in order, before anything else can see the instance)
  // and __init__ specialized for it (null without __init__). Throws CannotCompile.
  struct Construction {
    Type type;
    FuncSpec* init = nullptr;
  };
  Construction construct(const std::string& cls, const std::vector<Type>& args, Loc loc);
  // The field types found so far for an instance type being constructed (see construct), or null.
  std::map<std::string, Type>* field_guesses(Type obj);

 private:
  friend class FuncTyper;
  const ast::Module& module_;
  const LanguagePack& pack_;
  TyperOptions opts_;
  std::map<std::string, const ast::Stmt*> functions_;
  std::map<std::string, int> defs_count_;  // names bound more than once at top level
  std::map<std::string, const ast::Stmt*> classes_;       // top-level class statements by name
  std::map<const ast::Stmt*, std::string> method_class_;  // a method's def -> its class's name
  mutable std::map<std::string, ModuleConstant> constants_;
  std::set<std::string> computed_constants_;  // bound once, not to a literal: see module_values
  void find_constants();
  std::map<std::string, std::string> math_names_;  // name bound by `from math import f` -> f
  std::set<std::string> math_modules_;             // names bound by `import math`
  std::map<std::string, std::unique_ptr<FuncSpec>> specs_;
  std::vector<FuncSpec*> stack_;
  FuncSpec* module_spec_ = nullptr;
  std::map<std::string, Construction> constructions_;      // by signature ("Point(int)")
  std::set<std::string> constructing_;                     // classes whose construction is being typed
  std::map<uint32_t, std::map<std::string, Type>*> guessing_;  // object type id -> field guesses

  void run(FuncSpec* spec);
};

// The type of `a op b` for int, float and bool operands (the caller rejects floats in bit
// operations and shifts): what both the typer and the code generator's int-or-float paths use.
Type arith_type(ast::BinOp op, Type a, Type b);
// The type holding either a or b: the same type, or int-or-float for two of int, float and
// int-or-float; nullopt otherwise.
std::optional<Type> widen(Type a, Type b);

std::string signature_key(const std::string& name, const std::vector<Type>& args);

// `push = xs.append` in S's body, typed as an alias of that method (no code of its own).
bool is_method_alias(const FuncSpec& S, const ast::Stmt& s);

// `[None] * n` or `n * [None]`: n, else null (typing/construct.cpp).
const ast::Expr* none_fill_count(const ast::Expr& e);

// An int literal, or minus one: the index it denotes.
std::optional<int64_t> literal_index(const ast::Expr& e);
// The items slice[a:b:c] selects from a sequence of n items when a, b, c are int literals (or
// omitted): Python's slice.indices(). nullopt otherwise, or for a zero step.
std::optional<std::vector<size_t>> literal_slice_items(const ast::Expr& slice, int64_t n);

}  // namespace ml::wasm
