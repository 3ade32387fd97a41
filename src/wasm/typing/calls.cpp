// The typer over calls: builtins, string and list methods, calls of user functions.
#include "wasm/typing/func_typer.h"

#include <algorithm>

namespace ml::wasm {

// s.join(list[str]), s.lower(), s.upper(), s.strip(), s.startswith(x), s.endswith(x),
// s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower(),
// s.find(x), s.count(x), s.replace(a, b), s.split() / s.split(sep): CallInfo "str.<name>"
Type FuncTyper::str_method(const Expr& e, const std::string& m, bool statement) {
  std::vector<Type> ts;
  for (const auto& a : e.args) {
    if (a.kind != ast::Arg::Positional) fail("keyword argument to ." + m + "()", e.loc);
    ts.push_back(value_expr(*a.value));
  }
  for (const auto& t : ts)
    if (!t.known() && t.depth == 0) return record(e, kUnknown);
  size_t n = ts.size();
  auto strs = [&](size_t k) {
    if (n != k) return false;
    for (const auto& t : ts)
      if (!t.is_str()) return false;
    return true;
  };
  Type r;
  if (m == "join" && n == 1 && ts[0].depth == 1 && ts[0].base == Base::Str) r = kStr;
  else if (m == "join" && n == 1 && ts[0].depth == 1 && !ts[0].known()) r = kStr;  // an empty list
  else if ((m == "lower" || m == "upper" || m == "strip") && n == 0) r = kStr;
  else if ((m == "isdigit" || m == "isalpha" || m == "isspace" || m == "isupper" || m == "islower" || m == "isalnum") &&
           n == 0)
    r = kBool;
  else if ((m == "startswith" || m == "endswith") && strs(1)) r = kBool;
  else if ((m == "find" || m == "count") && strs(1)) r = kInt;
  else if (m == "replace" && strs(2)) r = kStr;
  else if (m == "split" && (n == 0 || strs(1))) r = Type::list_of(kStr);
  else {
    std::string sig;
    for (size_t i = 0; i < n; ++i) sig += (i ? ", " : "") + ts[i].name();
    fail("method call ." + m + "(" + sig + ")", e.loc);
  }
  (void)statement;
  CallInfo ci;
  ci.kind = CallInfo::Method;
  ci.name = "str." + m;
  S.calls[&e] = ci;
  return record(e, r);
}

// sorted(x, reverse=<literal>) / list.sort(reverse=<literal>): the keyword's value
std::optional<bool> FuncTyper::sort_reverse(const Expr& e, const std::string& what) {
  std::optional<bool> rev = false;
  for (const auto& a : e.args) {
    if (a.kind != ast::Arg::Keyword) continue;
    if (a.name != "reverse") fail("keyword argument " + a.name + "= to " + what, e.loc);
    if (a.value->kind == ExprKind::True) rev = true;
    else if (a.value->kind != ExprKind::False) fail("reverse= that is not True or False written out", a.value->loc);
  }
  return rev;
}

// what sorted()/sort() orders: numbers or strings
bool FuncTyper::sortable(Type el) { return el.numeric() || el.is_str(); }

// obj.m(...), or alias(...) where `alias = obj.m` (`f` is the obj.m expression): list and
// string methods
Type FuncTyper::method_call(const Expr& e, const Expr& f, bool statement) {
  if (f.a->kind == ExprKind::Name && !resolve(f.a->name) && !T.math_function(f).empty()) return math_call(e, T.math_function(f));
  Type ot = expr(*f.a);
  if (ot.is_obj()) return instance_call(e, f, ot, statement);
  if (f.name == "sort" && (ot.is_list() || !ot.known())) {
    sort_reverse(e, ".sort()");
    size_t pos = 0;
    for (const auto& a : e.args) pos += a.kind == ast::Arg::Positional;
    if (pos) fail(".sort() with a positional argument", e.loc);
    if (ot.is_list() && ot.elem().known() && !sortable(ot.elem())) fail(".sort() of " + ot.a_name(), e.loc);
    CallInfo ci;
    ci.kind = CallInfo::Method;
    ci.attr = &f;
    ci.name = "sort";
    S.calls[&e] = ci;
    return record(e, kNone);
  }
  if (f.name == "append" && e.args.size() == 1) {
    Type v = value_expr(*e.args[0].value);
    if (ot.known() && !ot.is_list()) fail("append on " + ot.a_name(), e.loc);
    if (ot.is_list() && ot.elem().known() && v.known() && !(ot.elem() == v))
      fail("appending " + v.a_name() + " to " + ot.a_name(), e.loc);
    if (f.a->kind == ExprKind::Name && v.known()) {
      auto r = resolve(f.a->name);
      if (r && r->kind == NameRef::Local) set_local(r->key, Type::list_of(v), e.loc);
    }
    CallInfo ci;
    ci.kind = CallInfo::Method;
    ci.attr = &f;
    ci.name = "append";
    S.calls[&e] = ci;
    return record(e, kNone);
  }
  if ((f.name == "insert" && e.args.size() == 2) || (f.name == "pop" && e.args.size() <= 1))
    return list_insert_pop(e, f, ot);
  if (ot.is_str()) return str_method(e, f.name, statement);
  if (!ot.known() && ot.depth == 0) {  // not known yet (a later pass of the fixpoint decides)
    for (const auto& x : e.args) expr(*x.value);
    return record(e, kUnknown);
  }
  fail("method call ." + f.name + "()", e.loc);
}

// l.insert(i, x), l.pop(), l.pop(i): an index out of range for pop (IndexError) is left to
// the interpreter
Type FuncTyper::list_insert_pop(const Expr& e, const Expr& f, Type ot) {
  if (ot.known() && !ot.is_list()) fail("." + f.name + "() on " + ot.a_name(), e.loc);
  if (!e.args.empty()) index_type(*e.args[0].value);
  CallInfo ci;
  ci.kind = CallInfo::Method;
  ci.attr = &f;
  ci.name = f.name;
  S.calls[&e] = ci;
  if (f.name == "pop") return record(e, ot.is_list() ? ot.elem() : kUnknown);
  Type v = value_expr(*e.args[1].value);
  if (ot.is_list() && ot.elem().known() && v.known() && !(ot.elem() == v))
    fail("inserting " + v.a_name() + " into " + ot.a_name(), e.loc);
  if (f.a->kind == ExprKind::Name && v.known()) {
    auto r = resolve(f.a->name);
    if (r && r->kind == NameRef::Local) set_local(r->key, Type::list_of(v), e.loc);
  }
  return record(e, kNone);
}

Type FuncTyper::call(const Expr& e, bool statement) {
  const Expr& f = *e.a;
  bool sorting = (f.kind == ExprKind::Attribute && f.name == "sort") ||
                 (f.kind == ExprKind::Name && !resolve(f.name) && !T.find_function(f.name) && T.builtin_of(f.name) == "sorted");
  for (const auto& a : e.args)
    if (a.kind != ast::Arg::Positional && !(a.kind == ast::Arg::Keyword && (a.name == "end" || a.name == "sep")) &&
        !(sorting && a.kind == ast::Arg::Keyword))
      fail(a.kind == ast::Arg::Keyword ? "keyword argument" : "star argument", e.loc);
  if (f.kind == ExprKind::Attribute) return method_call(e, f, statement);
  if (f.kind == ExprKind::Name) {
    auto al = S.method_aliases.find(f.name);
    if (al != S.method_aliases.end()) return method_call(e, *al->second, statement);
  }
  if (f.kind != ExprKind::Name) fail("call of a computed function", e.loc);
  if (auto r = resolve(f.name)) {  // a variable holding a module function
    Type ft = r->kind == NameRef::Global && S.def ? global_type(r->key) : S.locals[r->key];
    if (ft.is_func()) {
      S.names[&f] = *r;
      for (const auto& a : e.args)
        if (a.kind == ast::Arg::Keyword) fail("keyword argument", e.loc);
      const Stmt* def = T.find_function(ft.func_name());
      if (!def) fail("call of a function that is not defined once at the top level", e.loc, ft.func_name());
      return user_call(e, def, ft.func_name(), statement);
    }
    if (!ft.known() && ft.depth == 0) {  // not known yet (a later pass of the fixpoint decides)
      for (const auto& a : e.args) value_or_function(*a.value);
      return record(e, kUnknown);
    }
    fail("call of a variable", e.loc, f.name);
  }
  for (const auto& a : e.args)
    if (a.kind == ast::Arg::Keyword && T.builtin_of(f.name) != "print" && T.builtin_of(f.name) != "sorted")
      fail("keyword argument", e.loc);
  if (const Stmt* def = T.find_function(f.name)) return user_call(e, def, f.name, statement);
  if (T.classes_.count(f.name)) return construct_call(e, f.name, statement);
  if (std::string m = T.math_function(f); !m.empty()) return math_call(e, m);
  return builtin_call(e, statement);
}

// math.sqrt(x), math.fabs(x) of a number: a float (a negative sqrt is the interpreter's
// ValueError)
Type FuncTyper::math_call(const Expr& e, const std::string& m) {
  if (e.args.size() != 1 || e.args[0].kind != ast::Arg::Positional) fail("math." + m + "() with other than one argument", e.loc);
  Type t = value_expr(*e.args[0].value);
  if (t.known() && !t.arith()) fail("math." + m + "() of " + t.a_name(), e.loc);
  CallInfo ci;
  ci.name = "math." + m;
  S.calls[&e] = ci;
  return record(e, kFloat);
}

Type FuncTyper::user_call(const Expr& e, const Stmt* def, const std::string& name, bool statement) {
  const Expr& f = *e.a;
  {
    std::vector<Type> args;
    for (const auto& a : e.args) {
      Type t = value_or_function(*a.value);
      args.push_back(t);
    }
    const ast::Params& p = *def->params;
    if (!p.posonly.empty() || p.vararg || p.kwarg || !p.kwonly.empty()) fail("call to a function with special parameters", e.loc, name);
    fill_defaults(e, def, 0, args, name);
    for (const auto& t : args)
      if (!t.known()) return record(e, kUnknown);
    FuncSpec* callee = specialized_callee(def, args, f.loc);
    CallInfo ci;
    ci.kind = CallInfo::User;
    ci.callee = callee;
    ci.name = name;
    S.calls[&e] = ci;
    Type r = callee->ret;
    if (!statement && r.known() && r.depth == 0 && r.base == Base::None) fail("using the None result of " + name + "()", e.loc);
    return record(e, r);
  }
}

Type FuncTyper::builtin_call(const Expr& e, bool statement) {
  (void)statement;
  const Expr& f = *e.a;
  std::string b = T.builtin_of(f.name);
  if (b.empty()) fail(T.opts_.standalone ? "undefined function" : "call to a global or undefined name", e.loc, f.name);
  CallInfo ci;
  ci.name = b;
  S.calls[&e] = ci;
  if (b == "list") return list_call(e);
  if (b == "isinstance") {
    // isinstance(x, C) with x an instance (or None) and C a class of the program: known from
    // x's class once x is not None (the host checks before each call that C is still bound to
    // that class: see constructed_classes)
    const Expr* c = e.args.size() == 2 ? e.args[1].value.get() : nullptr;
    if (!c || e.args[0].kind != ast::Arg::Positional || e.args[1].kind != ast::Arg::Positional ||
        c->kind != ExprKind::Name || resolve(c->name) || !T.find_class(c->name))
      fail("isinstance() other than of a value and a class of the program", e.loc);
    Type t = expr(*e.args[0].value);
    if (t.known() && !t.is_obj() && !(t == kNone)) fail("isinstance() of " + t.a_name(), e.loc);
    return record(e, kBool);
  }
  if (b == "sorted") {
    sort_reverse(e, "sorted()");
    std::vector<const Expr*> pos;
    for (const auto& a : e.args)
      if (a.kind == ast::Arg::Positional) pos.push_back(a.value.get());
    if (pos.size() != 1) fail("sorted() with " + std::to_string(pos.size()) + " arguments", e.loc);
    Type t = value_expr(*pos[0]);
    if (!t.known() && t.depth == 0) return record(e, kUnknown);
    if (t.is_str()) return record(e, Type::list_of(kStr));
    if (t.is_list() && !t.elem().known()) return record(e, t);
    if (!t.is_list() || !sortable(t.elem())) fail("sorted() of " + t.a_name(), e.loc);
    return record(e, t);
  }
  std::vector<Type> ts;
  for (const auto& a : e.args) {
    if (a.kind == ast::Arg::Keyword) {
      if (a.value->kind != ExprKind::Str) fail("print() keyword that is not a string literal", a.value->loc);
      expr(*a.value);
      continue;
    }
    ts.push_back(b == "print" ? expr(*a.value) : value_expr(*a.value));
  }
  for (const auto& t : ts)
    if (!t.known() && t.depth == 0) return record(e, b == "print" ? kNone : kUnknown);
  size_t n = ts.size();
  auto need = [&](bool ok) {
    if (!ok) {
      std::string sig;
      for (size_t i = 0; i < n; ++i) sig += (i ? ", " : "") + ts[i].name();
      fail(b + "(" + sig + ")", e.loc);
    }
  };
  if (b == "print") {
    for (size_t i = 0; i < n; ++i)
      if ((ts[i].depth == 0 && ts[i].base == Base::None) || (ts[i].base == Base::Tuple && !ts[i].flat()) ||
          (ts[i].is_list() && ts[i].base == Base::Num) || ts[i].base == Base::Obj || ts[i].is_func())
        need(false);
    return record(e, kNone);
  }
  if (b == "len") { need(n == 1 && (ts[0].is_list() || ts[0].is_str() || ts[0].is_tuple())); return record(e, kInt); }
  if (b == "ord") { need(n == 1 && ts[0].is_str()); return record(e, kInt); }
  if (b == "chr") { need(n == 1 && (ts[0] == kInt || ts[0] == kBool)); return record(e, kStr); }
  if (b == "str") { need(n == 0 || (n == 1 && (ts[0].numeric() || ts[0].is_str()))); return record(e, kStr); }
  if (b == "abs") { need(n == 1 && (ts[0].numeric() || ts[0].is_num())); return record(e, num_promote(ts[0])); }
  if (b == "float") { need(n == 0 || (n == 1 && ts[0].arith())); return record(e, kFloat); }
  if (b == "int") { need(n == 0 || (n == 1 && (ts[0].numeric() || ts[0].is_str()))); return record(e, kInt); }
  if (b == "bool") { need(n <= 1); return record(e, kBool); }
  if (b == "round") { need(n == 1 && ts[0].numeric()); return record(e, kInt); }
  if (b == "min" || b == "max") {
    if (n == 1) {
      need(ts[0].depth == 1 && (ts[0].elem().numeric() || ts[0].elem().is_str()));
      return record(e, ts[0].elem());
    }
    need(n >= 2);
    for (auto& t : ts) need((t.numeric() || t.is_str()) && t == ts[0]);
    return record(e, ts[0]);
  }
  if (b == "sum") {  // sum(list of numbers): int for ints and bools, float for floats
    need(n == 1 && ts[0].depth == 1 && ts[0].elem().numeric());
    return record(e, ts[0].elem() == kFloat ? kFloat : kInt);
  }
  if (b == "range") fail("range() outside a for loop", e.loc, "other than as the value assigned to a local");
  fail("builtin " + b + "()", e.loc);
}

// list(range(...)), list(a list), list(a str), list(a tuple of one item type): a new list
Type FuncTyper::list_call(const Expr& e) {
  if (e.args.size() != 1 || e.args[0].kind != ast::Arg::Positional) fail("list() with other than one argument", e.loc);
  const Expr& a = *e.args[0].value;
  if (a.kind == ExprKind::Call && a.a->kind == ExprKind::Name && !resolve(a.a->name) && !T.find_function(a.a->name)) {
    std::string b = T.builtin_of(a.a->name);
    if (b == "range") return record(e, Type::list_of(iter_elem(a)));
    if (b == "enumerate" || b == "zip") fail("list() of " + b + "()", e.loc);
  }
  Type t = expr(a);
  if (!t.known() && t.depth == 0) return record(e, kUnknown);
  if (t.is_list()) return record(e, t);
  if (t.is_str()) return record(e, Type::list_of(kStr));
  if (t.is_tuple() && t.uniform()) return record(e, Type::list_of(t.item(0)));
  fail("list() of " + t.a_name(), e.loc);
}

}  // namespace ml::wasm

namespace ml::wasm {

// The arguments a call leaves out, taken from the function's defaults: literal numbers,
// strings and bools only (the value the definition made, equal at every call).
FuncSpec* FuncTyper::specialized_callee(const Stmt* def, const std::vector<Type>& args, Loc loc) {
  FuncSpec* callee = T.specialize(def, args);
  if (callee->state == FuncSpec::Failed)
    fail("call to " + callee->key + ", which cannot be compiled", loc, callee->failure->text());
  if (callee->state == FuncSpec::InProgress || callee->state == FuncSpec::Tentative)
    S.min_dep = std::min(S.min_dep, callee->state == FuncSpec::InProgress ? callee->stack_index : callee->min_dep);
  return callee;
}

void FuncTyper::fill_defaults(const Expr& e, const Stmt* def, size_t first, std::vector<Type>& args, const std::string& name) {
  const ast::Params& p = *def->params;
  if (args.size() + first > p.args.size()) fail("call with a different number of arguments", e.loc, name);
  if (args.size() + first < p.args.size() && def == S.def) fail("call of itself leaving out arguments", e.loc, name);
  while (args.size() + first < p.args.size()) {
    const Expr* d = p.args[args.size() + first].default_value.get();
    if (!d) fail("call with a different number of arguments", e.loc, name);
    const Expr* lit = d->kind == ExprKind::UnaryOp && d->un == ast::UnaryOp::Neg ? d->a.get() : d;
    bool literal = (lit->kind == ExprKind::Int && lit->int_fits) || lit->kind == ExprKind::Float ||
                   (lit == d && (lit->kind == ExprKind::Str || lit->kind == ExprKind::True || lit->kind == ExprKind::False));
    if (!literal) fail("default value that is not a number, string or bool literal", d->loc, name);
    args.push_back(expr(*d));
  }
}

}  // namespace ml::wasm
