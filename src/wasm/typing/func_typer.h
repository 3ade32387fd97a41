// The parts of the typer shared by its files: FuncTyper walks one function body (statements,
// expressions, calls, each in its own file), AssignCheck proves locals are assigned before use.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "wasm/typer.h"

namespace ml::wasm {

using ast::Expr;
using ast::ExprKind;
using ast::Stmt;
using ast::StmtKind;

[[noreturn]] inline void fail(std::string construct, Loc loc, std::string detail = "") {
  throw CannotCompile{Reason{std::move(construct), loc, std::move(detail)}};
}

// `ann` fills in what `t` leaves open: the same type, or a list type where t is list[?].
inline bool refines(Type ann, Type t) { return ann.known() && (ann == t || (!t.known() && t.depth <= ann.depth)); }

const char* stmt_construct(StmtKind k);
const char* expr_construct(ExprKind k);
const char* binop_text(ast::BinOp op);
bool always_returns(const ast::Body& body);
void collect_target(const Expr& t, std::set<std::string>& out);
void collect_assigned(const ast::Body& body, std::set<std::string>& out);
std::map<std::string, const Expr*> find_method_aliases(const ast::Body& body, const std::set<std::string>& params);

// Types one function body; run to a fixpoint by Typer::run, then once more with `strict` set
// (every value must have a known type by then).
class FuncTyper {
 public:
  FuncTyper(Typer& T, FuncSpec& S, bool strict) : T(T), S(S), strict(strict) {}
  Typer& T;
  FuncSpec& S;
  bool strict;
  bool changed = false;
  std::vector<std::map<std::string, std::string>> comp_scopes;
  int loop_depth = 0;
  // a function used as a value is allowed here (an argument of a call, the value of `g = f`)
  bool allow_func = false;
  // a name holding a range is read here as the iterable of a `for`
  bool allow_range = false;
  // range(...) as the value assigned to a local (typing/range_value.cpp)
  bool is_range_call(const Expr& e);
  void range_args(const Expr& it);
  Type range_value(const Expr& e);
  // A value that may be a function (see allow_func).
  Type value_or_function(const Expr& e);
  // A call of a module function `def` (by its name, or through a value of Func type).
  Type user_call(const Expr& e, const Stmt* def, const std::string& name, bool statement);
  // Completes `args` (after `first` leading ones the call does not write) with def's defaults.
  void fill_defaults(const Expr& e, const Stmt* def, size_t first, std::vector<Type>& args, const std::string& name);
  // def typed for `args` (refused at `loc` when it cannot compile); a callee still being typed
  // makes this function depend on it.
  FuncSpec* specialized_callee(const Stmt* def, const std::vector<Type>& args, Loc loc);

  Type record(const Expr& e, Type t);
  void join_into(Type& slot, Type t, Loc loc, const std::string& what);
  void set_local(const std::string& key, Type t, Loc loc);
  // Resolves a Name to a local/comprehension variable or a module variable (standalone).
  std::optional<NameRef> resolve(const std::string& name);
  Type global_type(const std::string& name);
  // ------------------------------------------------------------------ statements
  void body(const ast::Body& b);
  void assign(const Expr& target, Type t, Loc loc);
  void unpack(const Expr& target, Type t, Loc loc);
  void slice_assign(const Expr& target, Type t);
  void stmt(const Stmt& s);
  // The element type produced by iterating `it` (range(...) or a list).
  Type iter_elem(const Expr& it);
  // for i, x in enumerate(seq[, start]) / for a, b in zip(s1, s2, ...): tuples of the
  // items of lists, strings and tuples (items that are numbers or strings)
  Type zip_elem(const Expr& it, const std::string& b);
  void test(const Expr& e);
  // An expression whose value is kept (stored, returned): None/str not allowed.
  Type value_expr(const Expr& e, bool allow_none = false);
  void index_type(const Expr& e);
  // x in y: a substring, or an item of a list or tuple of numbers or strings
  static bool in_ok(Type x, Type y);
  static std::optional<std::vector<size_t>> tuple_slice(const Expr& sl, int64_t n);
  // s[i] / s[a:b] on a string, t[i] on a tuple
  Type subscript_type(const Expr& e, Type ct);
  Type list_slice_type(const Expr& e, Type lt);
  // ------------------------------------------------------------------ expressions
  Type name_expr(const Expr& e);
  static Type num_promote(Type t);
  static std::optional<int64_t> const_index(const Expr& e);
  Type binop_type(ast::BinOp op, Type a, Type b, Loc loc);
  Type expr(const Expr& e);
  // s.join(list[str]), s.lower(), s.upper(), s.strip(), s.startswith(x), s.endswith(x),
  // s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower(),
  // s.find(x), s.count(x), s.replace(a, b), s.split() / s.split(sep): CallInfo "str.<name>"
  Type str_method(const Expr& e, const std::string& m, bool statement);
  // sorted(x, reverse=<literal>) / list.sort(reverse=<literal>): the keyword's value
  std::optional<bool> sort_reverse(const Expr& e, const std::string& what);
  // what sorted()/sort() orders: numbers or strings
  static bool sortable(Type el);
  Type method_call(const Expr& e, const Expr& f, bool statement);
  Type list_insert_pop(const Expr& e, const Expr& f, Type ot);
  Type call(const Expr& e, bool statement);
  Type builtin_call(const Expr& e, bool statement);
  Type math_call(const Expr& e, const std::string& m);
  // ---- instances (classes.cpp)
  Type attribute(const Expr& e);
  void attribute_store(const Expr& target, Type t);
  Type instance_call(const Expr& e, const Expr& f, Type ot, bool statement);
  Type list_call(const Expr& e);
  // ---- instances made in compiled code (construct.cpp)
  Type construct_call(const Expr& e, const std::string& cls, bool statement);
  // a op b with an instance operand: the class's operator method (operators.cpp)
  Type instance_binop(const Expr& e, Type a, Type b);
  // `name = [None] * n`: a list of n empty slots, which compiled code may only fill with
  // instances (an empty slot is None: using it falls back to the interpreter, and it crosses
  // back as None). `count` is n.
  void none_fill(const Expr& value, const Expr& count, const Expr& target);
};

// ------------------------------------------------------------------ definite assignment

// Finds reads of locals that may not be assigned yet (Python raises UnboundLocalError there;
// WASM locals would silently read zero). With `checked` such a read of a function's local is
// recorded in S.unbound_reads (the generated code checks a bound flag before it); other such
// reads (module variables, locals of standalone programs, which have no error path for it)
// refuse the function.
class AssignCheck {
 public:
  AssignCheck(FuncSpec& S, bool checked) : S(S), checked(checked) {}
  FuncSpec& S;
  bool checked;
  struct Set {
    std::set<std::string> names;
    bool all = false;  // unreachable: every name counts as assigned
  };

  void read_expr(const Expr& e, const Set& d);
  void bind(const Expr& t, Set& d);
  static Set meet(const Set& a, const Set& b);
  void body(const ast::Body& b, Set& d);
  void stmt(const Stmt& s, Set& d);
};

}  // namespace ml::wasm
