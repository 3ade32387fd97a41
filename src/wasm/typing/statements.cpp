// The typer over statements: assignments, loops and their iterables, conditions.
#include "wasm/typing/func_typer.h"

#include <algorithm>

namespace ml::wasm {

Type FuncTyper::record(const Expr& e, Type t) {
  if (strict && !t.known() && t.depth == 0) fail("value whose type cannot be inferred", e.loc);
  S.types[&e] = t;
  return t;
}

void FuncTyper::join_into(Type& slot, Type t, Loc loc, const std::string& what) {
  if (!t.known() && t.depth == 0) return;
  if (slot == t) return;
  // list[?] (an empty list so far) takes any list type, list[list[int]] included
  if (!slot.known() && slot.depth <= t.depth) {
    slot = t;
    changed = true;
    return;
  }
  if (!t.known() && t.depth > 0 && t.depth <= slot.depth) return;  // list[?] into list[T]
  // an int that later holds a float (or the other way round): Python's variable holds either
  if (slot.known() && t.known())
    if (auto w = widen(slot, t)) {
      if (!(*w == slot)) changed = true;
      slot = *w;
      return;
    }
  fail(what + " changes type", loc, slot.name() + " and " + t.name());
}

void FuncTyper::set_local(const std::string& key, Type t, Loc loc) {
  auto it = S.locals.find(key);
  if (it == S.locals.end()) fail("assignment to a name that is not local", loc, key);
  std::string shown = key.substr(0, key.find('@'));
  // None is taken by a variable that holds instances (None is their empty address), or only
  // None (a field of instances that all held None: 0 too)
  join_into(it->second, t, loc, "variable '" + shown + "'");
}

// Resolves a Name to a local/comprehension variable or a module variable (standalone).
std::optional<NameRef> FuncTyper::resolve(const std::string& name) {
  for (auto it = comp_scopes.rbegin(); it != comp_scopes.rend(); ++it) {
    auto f = it->find(name);
    if (f != it->end()) return NameRef{NameRef::Local, f->second};
  }
  if (S.locals.count(name)) return NameRef{S.def ? NameRef::Local : NameRef::Global, name};
  if (T.opts_.standalone && S.def && T.module_spec_ && T.module_spec_->locals.count(name))
    return NameRef{NameRef::Global, name};
  return std::nullopt;
}

Type FuncTyper::global_type(const std::string& name) {
  FuncSpec* m = T.module_spec_;
  if (m->state == FuncSpec::InProgress) S.min_dep = std::min(S.min_dep, m->stack_index);
  return m->locals[name];
}

// ------------------------------------------------------------------ statements
void FuncTyper::body(const ast::Body& b) {
  for (const auto& s : b) stmt(*s);
}

void FuncTyper::assign(const Expr& target, Type t, Loc loc) {
  if (target.kind == ExprKind::Name) {
    auto r = resolve(target.name);
    if (!r) fail("assignment to a name that is not local", target.loc, target.name);
    S.names[&target] = *r;
    if (r->kind == NameRef::Global && S.def) fail("assignment to a module variable", target.loc, target.name);
    set_local(r->key, t, loc);
    S.types[&target] = S.locals[r->key];
    return;
  }
  if (target.kind == ExprKind::Subscript && target.b->kind == ExprKind::Slice) {
    slice_assign(target, t);
    return;
  }
  if (target.kind == ExprKind::Subscript) {
    Type lt = expr(*target.a);
    index_type(*target.b);
    if (lt.known() && !lt.is_list()) fail("item assignment on " + lt.a_name(), target.loc);
    if (lt.is_list() && lt.elem().known() && t.known() && !(lt.elem() == t))
      fail("storing " + t.a_name() + " into " + lt.a_name(), target.loc);
    if (lt.is_list() && !lt.elem().known() && t.known() && target.a->kind == ExprKind::Name) {
      auto r = resolve(target.a->name);
      if (r && r->kind == NameRef::Local) set_local(r->key, Type::list_of(t), loc);
    }
    S.types[&target] = lt.is_list() ? lt.elem() : kUnknown;
    return;
  }
  if (target.kind == ExprKind::Tuple || target.kind == ExprKind::List) {
    unpack(target, t, loc);
    return;
  }
  if (target.kind == ExprKind::Attribute) {
    attribute_store(target, t);
    return;
  }
  fail("assignment target", target.loc);
}

// l[a:b] = v with v a list of l's type (a step would need Python's length check)
void FuncTyper::slice_assign(const Expr& target, Type t) {
  const Expr& ix = *target.b;
  Type lt = expr(*target.a);
  if (ix.c) fail("slice assignment with a step", ix.loc);
  for (const Expr* b : {ix.a.get(), ix.b.get()})
    if (b) {
      Type bt = expr(*b);
      if (bt.known() && !(bt == kInt || bt == kBool)) fail("slice bound of type " + bt.name(), b->loc);
    }
  if (lt.known() && !lt.is_list()) fail("slice assignment on " + lt.a_name(), target.loc);
  if (t.known() && !t.is_list()) fail("slice assignment of " + t.a_name(), target.loc);
  if (lt.is_list() && t.is_list() && t.known() && !(lt == t))
    fail("slice assignment of " + t.a_name() + " into " + lt.a_name(), target.loc);
  S.types[&target] = lt;
}

// a, b = t / (a, [b, c]) = t: a tuple of as many items, or a list (whose length is checked
// when the code runs: another length leaves the call to the interpreter, which raises
// Python's ValueError)
void FuncTyper::unpack(const Expr& target, Type t, Loc loc) {
  for (const auto& i : target.items)
    if (i->kind == ExprKind::Starred) fail("starred assignment target", i->loc);
  if (!t.known()) {
    for (const auto& i : target.items) assign(*i, kUnknown, loc);
    return;
  }
  if (t.is_list()) {
    for (const auto& i : target.items) assign(*i, t.elem(), loc);
    return;
  }
  if (!t.is_tuple()) fail("unpacking " + t.a_name(), target.loc);
  if (t.tn != target.items.size())
    fail("unpacking a tuple of " + std::to_string(t.tn) + " items into " + std::to_string(target.items.size()), target.loc);
  for (size_t i = 0; i < target.items.size(); ++i) assign(*target.items[i], t.item(i), loc);
}

void FuncTyper::stmt(const Stmt& s) {
  switch (s.kind) {
    case StmtKind::Expr: {
      if (s.value->kind == ExprKind::Call) {
        Type t = call(*s.value, true);
        (void)t;
        return;
      }
      if (s.value->kind == ExprKind::Str) return;  // docstring / bare string statement
      expr(*s.value);
      return;
    }
    case StmtKind::Assign: {
      if (is_method_alias(S, s)) {  // push = xs.append: no value of its own
        expr(*s.value->a);
        return;
      }
      // a, b = x, y: every value is evaluated before any target is stored.
      if (s.targets.size() == 1 && s.targets[0]->kind == ExprKind::Tuple && s.value->kind == ExprKind::Tuple) {
        const Expr& tt = *s.targets[0];
        const Expr& vv = *s.value;
        if (tt.items.size() != vv.items.size()) fail("tuple unpacking of a different length", s.loc);
        std::vector<Type> ts;
        for (const auto& v : vv.items) ts.push_back(value_expr(*v));
        for (size_t i = 0; i < ts.size(); ++i) assign(*tt.items[i], ts[i], s.loc);
        return;
      }
      bool names = true;
      for (const auto& tg : s.targets) names &= tg->kind == ExprKind::Name;
      if (const Expr* n = none_fill_count(*s.value); n && s.targets.size() == 1 && names) {
        none_fill(*s.value, *n, *s.targets[0]);
        return;
      }
      // (None goes to a variable or field that holds instances: set_local and attribute_store check)
      // (a variable or a field read may hold None, which is 0 in compiled code; a call's None
      // result has no value there, so it is refused)
      bool read = s.value->kind == ExprKind::Name || s.value->kind == ExprKind::Attribute;
      Type t = s.value->kind == ExprKind::None        ? record(*s.value, kNone)
               : names && is_range_call(*s.value)     ? range_value(*s.value)
               : names && s.value->kind != ExprKind::Name ? value_expr(*s.value, read)
               : names                                ? value_or_function(*s.value)
                                                      : value_expr(*s.value, read);
      for (const auto& tg : s.targets) assign(*tg, t, s.loc);
      return;
    }
    case StmtKind::AnnAssign: {
      if (!s.value) return;
      Type t = value_expr(*s.value);
      if (auto ann = T.annotation_type(s.extra.get()); ann && refines(*ann, t)) t = *ann;
      assign(*s.targets[0], t, s.loc);
      return;
    }
    case StmtKind::AugAssign: {
      const Expr& tg = *s.targets[0];
      if (tg.kind != ExprKind::Name && tg.kind != ExprKind::Subscript && tg.kind != ExprKind::Attribute)
        fail("augmented assignment target", tg.loc);
      Type cur = tg.kind == ExprKind::Name ? name_expr(tg) : expr(tg);
      Type v = value_expr(*s.value);
      Type r = binop_type(s.op, cur, v, s.loc);
      // a variable may come to hold int-or-float; a field that is one takes either
      bool widens = (tg.kind == ExprKind::Name || (tg.kind == ExprKind::Attribute && cur.is_num())) && widen(cur, r) &&
                    !(cur == kBool);
      if (cur.known() && r.known() && !(cur == r) && !widens &&
          !(cur.base == Base::Bool && r.base == Base::Int && tg.kind == ExprKind::Name))
        fail("augmented assignment changes the type", s.loc, cur.name() + " to " + r.name());
      assign(tg, r, s.loc);
      return;
    }
    case StmtKind::If:
      test(*s.value);
      body(s.body);
      body(s.orelse);
      return;
    case StmtKind::While:
      test(*s.value);
      ++loop_depth;
      body(s.body);
      --loop_depth;
      body(s.orelse);
      return;
    case StmtKind::For: {
      const Expr& tg = *s.targets[0];
      if (tg.kind != ExprKind::Name && tg.kind != ExprKind::Tuple && tg.kind != ExprKind::List)
        fail("for loop target", tg.loc);
      Type et = iter_elem(*s.iter);
      assign(tg, et, s.loc);
      ++loop_depth;
      body(s.body);
      --loop_depth;
      body(s.orelse);
      return;
    }
    case StmtKind::Break:
    case StmtKind::Continue:
    case StmtKind::Pass:
      return;
    case StmtKind::Assert:  // a failing assert runs the call interpreted, which raises (message included)
      test(*s.value);
      return;
    case StmtKind::Return: {
      if (!S.def) fail("return outside a function", s.loc);
      Type t = kNone;
      if (s.value && s.value->kind != ExprKind::None) t = value_expr(*s.value, true);
      if (t.is_func()) fail("returning a function", s.loc);
      join_into(S.ret, t, s.loc, "return value");
      return;
    }
    case StmtKind::FunctionDef:
      if (!S.def) return;  // top-level definitions in the module body
      [[fallthrough]];
    default:
      fail(stmt_construct(s.kind), s.loc);
  }
}

// The element type produced by iterating `it` (range(...) or a list).
Type FuncTyper::iter_elem(const Expr& it) {
  if (is_range_call(it)) {
    range_args(it);
    return record(it, kInt);
  }
  if (it.kind == ExprKind::Call && it.a->kind == ExprKind::Name && !resolve(it.a->name) &&
      !T.find_function(it.a->name)) {
    std::string b = T.builtin_of(it.a->name);
    if (b == "enumerate" || b == "zip") return zip_elem(it, b);
  }
  if (it.kind == ExprKind::Name) allow_range = true;  // a local holding a range
  Type lt = kUnknown;
  try {
    lt = expr(it);
  } catch (...) {
    allow_range = false;
    throw;
  }
  allow_range = false;
  if (lt.is_range()) return kInt;
  if (lt.is_str()) return kStr;
  if (lt.is_tuple()) {
    if (!lt.uniform()) fail("iteration over " + lt.a_name() + " (items of different types)", it.loc);
    return lt.item(0);
  }
  if (lt.known() && !lt.is_list()) fail("iteration over " + lt.a_name(), it.loc);
  if (lt.is_list()) return lt.elem();
  return kUnknown;
}

// for i, x in enumerate(seq[, start]) / for a, b in zip(s1, s2, ...): tuples of the
// items of lists, strings and tuples (items that are numbers or strings)
Type FuncTyper::zip_elem(const Expr& it, const std::string& b) {
  for (const auto& a : it.args)
    if (a.kind != ast::Arg::Positional) fail("keyword argument to " + b + "()", it.loc);
  size_t n = it.args.size();
  if (b == "enumerate" ? (n < 1 || n > 2) : (n < 1 || n > static_cast<size_t>(kMaxTupleItems)))
    fail(b + "() with " + std::to_string(n) + " arguments", it.loc);
  std::vector<Type> items;
  bool unknown = false;
  auto elem_of = [&](const Expr& a) {
    Type t = expr(a);
    Type el = kUnknown;
    if (t.is_str()) el = kStr;
    else if (t.is_tuple()) {
      if (!t.uniform()) fail(b + "() over " + t.a_name() + " (items of different types)", a.loc);
      el = t.item(0);
    } else if (t.is_list()) el = t.elem();
    else if (t.known()) fail(b + "() over " + t.a_name(), a.loc);
    if (!el.known() && el.depth == 0) { unknown = true; return; }
    if (!el.arith() && !el.is_str()) fail(b + "() over " + t.a_name() + " (items go into a tuple)", a.loc);
    items.push_back(el);
  };
  if (b == "enumerate") {
    items.push_back(kInt);
    elem_of(*it.args[0].value);
    if (n == 2) {
      Type st = expr(*it.args[1].value);
      if (st.known() && !(st == kInt || st == kBool)) fail("enumerate() start of type " + st.name(), it.loc);
    }
  } else {
    for (const auto& a : it.args) elem_of(*a.value);
  }
  CallInfo ci;
  ci.name = b;
  S.calls[&it] = ci;
  if (unknown) return record(it, kUnknown);
  return record(it, Type::tuple_of(items));
}

void FuncTyper::test(const Expr& e) {
  if (e.kind == ExprKind::BoolOp) {
    for (const auto& i : e.items) test(*i);
    S.types[&e] = kBool;
    return;
  }
  if (e.kind == ExprKind::UnaryOp && e.un == ast::UnaryOp::Not) {
    test(*e.a);
    S.types[&e] = kBool;
    return;
  }
  Type t = expr(e);
  // an instance is true, None false, unless its class says otherwise
  if (t.is_obj() && !T.find_method(t.class_name(), "__bool__") && !T.find_method(t.class_name(), "__len__")) return;
  if (t.known() && t.depth == 0 && (t.base == Base::None || t.is_obj() || t.is_func())) fail("truth value of " + t.a_name(), e.loc);
}

}  // namespace ml::wasm
