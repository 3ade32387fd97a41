// Definite assignment: a read of a local that may not be assigned yet is checked at run time
// (or, where compiled code has no way to raise UnboundLocalError, cannot compile).
#include "wasm/typing/func_typer.h"

namespace ml::wasm {

void AssignCheck::read_expr(const Expr& e, const Set& d) {
  if (e.kind == ExprKind::Name) {
    auto it = S.names.find(&e);
    if (it != S.names.end() && (it->second.kind == NameRef::Local || !S.def) && !d.all && !d.names.count(it->second.key) &&
        it->second.key.find('@') == std::string::npos) {
      if (checked && S.def && it->second.kind == NameRef::Local) S.unbound_reads.insert(&e);
      else fail(std::string(S.def ? "local variable" : "name") + " '" + e.name + "' that may be used before it is assigned", e.loc);
    }
    return;
  }
  if (e.kind == ExprKind::Call && e.a->kind == ExprKind::Name && S.method_aliases.count(e.a->name) && !d.all &&
      !d.names.count(e.a->name))  // push(x) before push = xs.append: Python's UnboundLocalError
    fail("local variable '" + e.a->name + "' that may be used before it is assigned", e.a->loc);
  if (e.kind == ExprKind::ListComp) {
    read_expr(*e.gens[0].iter, d);
    for (const auto& c : e.gens[0].ifs) read_expr(*c, d);
    read_expr(*e.a, d);
    return;
  }
  for (const Expr* c : {e.a.get(), e.b.get(), e.c.get()})
    if (c) read_expr(*c, d);
  for (const auto& i : e.items) read_expr(*i, d);
  for (const auto& a : e.args) read_expr(*a.value, d);
}

void AssignCheck::bind(const Expr& t, Set& d) {
  if (t.kind == ExprKind::Name) {
    auto it = S.names.find(&t);
    if (it != S.names.end()) d.names.insert(it->second.key);
  } else if (t.kind == ExprKind::Subscript) {
    read_expr(*t.a, d);
    read_expr(*t.b, d);
  } else if (t.kind == ExprKind::Attribute) {
    read_expr(*t.a, d);
  } else {
    for (const auto& i : t.items) bind(*i, d);
  }
}

AssignCheck::Set AssignCheck::meet(const Set& a, const Set& b) {
  if (a.all) return b;
  if (b.all) return a;
  Set r;
  for (const auto& n : a.names)
    if (b.names.count(n)) r.names.insert(n);
  return r;
}

void AssignCheck::body(const ast::Body& b, Set& d) {
  for (const auto& s : b) stmt(*s, d);
}

void AssignCheck::stmt(const Stmt& s, Set& d) {
  switch (s.kind) {
    case StmtKind::Expr: read_expr(*s.value, d); break;
    case StmtKind::Assign:
      if (is_method_alias(S, s)) {
        read_expr(*s.value->a, d);
        d.names.insert(s.targets[0]->name);
        break;
      }
      [[fallthrough]];
    case StmtKind::AnnAssign:
      if (s.value) read_expr(*s.value, d);
      if (s.value || s.kind == StmtKind::Assign)
        for (const auto& t : s.targets) bind(*t, d);
      break;
    case StmtKind::AugAssign:
      read_expr(*s.targets[0], d);
      read_expr(*s.value, d);
      break;
    case StmtKind::If: {
      read_expr(*s.value, d);
      Set a = d, b = d;
      body(s.body, a);
      body(s.orelse, b);
      d = meet(a, b);
      break;
    }
    case StmtKind::While: {
      read_expr(*s.value, d);
      Set a = d;
      body(s.body, a);
      Set b = d;
      body(s.orelse, b);
      break;
    }
    case StmtKind::For: {
      read_expr(*s.iter, d);
      Set a = d;
      bind(*s.targets[0], a);
      body(s.body, a);
      Set b = d;
      body(s.orelse, b);
      break;
    }
    case StmtKind::Return:
      if (s.value) read_expr(*s.value, d);
      d.all = true;
      break;
    case StmtKind::Break:
    case StmtKind::Continue:
      d.all = true;
      break;
    default: break;
  }
}

}  // namespace ml::wasm
