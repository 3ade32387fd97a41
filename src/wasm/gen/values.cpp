// Locals, conversions between compiled types, loads and stores, and list element access (with the
// scans that hoist list headers and bounds out of loops).
#include "wasm/gen/fn_gen.h"

namespace ml::wasm::gen {

// ---- values
void FnGen::convert(Type from, Type to, Loc loc) {
  if (from == to || from.is_list() || to.is_list()) return;
  if (to.is_num()) { num_box(from, pos_code(loc)); return; }
  if (from.is_num()) { num_unbox(to); return; }
  if (to == kFloat) {
    if (from == kInt) F->op(Op::F64ConvertI64S);
    else if (from == kBool) F->op(Op::F64ConvertI32S);
  } else if (to == kInt) {
    if (from == kBool) F->op(Op::I64ExtendI32U);
  }
}

void FnGen::module_constant(const std::string& name, Loc loc) {
  const ModuleConstant* c = G.T.module_constant(name);
  if (!c) fail("module constant the typer did not see", loc, name);
  if (c->type == kInt) F->i64(c->i);
  else if (c->type == kFloat) F->f64(c->f);
  else if (c->type == kBool) F->i32(static_cast<int32_t>(c->i));
  else F->i32(static_cast<int32_t>(G.str_const(c->s)));
}

void FnGen::scan_expr(const Expr& e, Scan& sc) const {
  if (e.kind == ExprKind::Subscript) {
    const NameRef* r = local_name(*e.a);
    auto t = S.types.find(e.a.get());
    if (r && t != S.types.end() && t->second.is_list()) sc.lists.insert(r->key);
  }
  if (e.kind == ExprKind::Call || (e.kind == ExprKind::BinOp && S.calls.count(&e))) {
    auto ci = S.calls.find(&e);
    if (ci == S.calls.end()) sc.mutates = true;
    else if (ci->second.resizes()) sc.mutates = true;
    else if (ci->second.kind == CallInfo::User && G.mutating.count(ci->second.callee)) sc.mutates = true;
    else if (ci->second.kind == CallInfo::Builtin && ci->second.name == "len" && e.args.size() == 1) {
      const NameRef* r = local_name(*e.args[0].value);
      if (r) sc.lists.insert(r->key);
    }
  }
  for (const Expr* c : {e.a.get(), e.b.get(), e.c.get()})
    if (c) scan_expr(*c, sc);
  for (const auto& i : e.items) scan_expr(*i, sc);
  for (const auto& i : e.values) if (i) scan_expr(*i, sc);
  for (const auto& a : e.args) scan_expr(*a.value, sc);
  for (const auto& g : e.gens) {
    scan_target(*g.target, sc);
    scan_expr(*g.iter, sc);
    for (const auto& c : g.ifs) scan_expr(*c, sc);
  }
}

void FnGen::scan_stmts(const ast::Body& b, Scan& sc) const {
  for (const auto& s : b) {
    if (s->kind == StmtKind::AugAssign) {  // list += / *= change that list in place
      auto t = S.types.find(s->targets[0].get());
      if (t == S.types.end() || t->second.is_list()) sc.mutates = true;
    }
    for (const auto& t : s->targets) {
      if (t->kind == ExprKind::Subscript && t->b->kind == ExprKind::Slice) sc.mutates = true;  // l[a:b] = ...
      scan_target(*t, sc);
    }
    if (s->value) scan_expr(*s->value, sc);
    if (s->iter) scan_expr(*s->iter, sc);
    scan_stmts(s->body, sc);
    scan_stmts(s->orelse, sc);
  }
}

// Loads the cached length/data of the lists the region indexes; returns what it added.
std::vector<std::string> FnGen::hoist(const Scan& sc) {
  std::vector<std::string> added;
  if (sc.mutates) return added;
  for (const auto& k : sc.lists) {
    // (a local that may be unbound is read where the code says, each read checked)
    if (cache.count(k) || sc.assigned.count(k) || bound_flags.count(k)) continue;
    auto it = locals.find(k);
    if (it == locals.end()) continue;
    std::string n = k;  // a unique text-format name: "row.len.12"
    for (char& ch : n)
      if (ch == '@' || ch == ':') ch = '.';
    n += "." + std::to_string(F->locals.size());
    ListCache c{tmp(WType::I64, n + ".len"), tmp(WType::I32, n + ".data")};
    F->get(it->second); F->mem(Op::I32Load, 2, 0); F->op(Op::I64ExtendI32U); F->set(c.len);
    F->get(it->second); F->mem(Op::I32Load, 2, 8); F->set(c.data);
    cache[k] = c;
    added.push_back(k);
  }
  return added;
}

bool FnGen::is_nonneg(const Expr& e) const {
  Type t = ty(e);
  if (t == kBool) return true;
  if (!(t == kInt)) return false;
  switch (e.kind) {
    case ExprKind::Int: return e.int_fits && e.ival >= 0;
    case ExprKind::Name: {
      const NameRef* r = local_name(e);
      return r && nonneg.count(r->key);
    }
    case ExprKind::BinOp: {
      auto pos_lit = [&](const Expr& x) { return x.kind == ExprKind::Int && x.int_fits && x.ival > 0; };
      switch (e.bin) {
        case BinOp::Add: case BinOp::Mul: return is_nonneg(*e.a) && is_nonneg(*e.b);
        case BinOp::FloorDiv: return is_nonneg(*e.a) && pos_lit(*e.b);
        case BinOp::Mod: return pos_lit(*e.b);  // Python: the sign of the divisor
        default: return false;
      }
    }
    case ExprKind::Call: {
      auto ci = S.calls.find(&e);
      return ci != S.calls.end() && ci->second.kind == CallInfo::Builtin && ci->second.name == "len";
    }
    default: return false;
  }
}

FnGen::Access FnGen::list_index(const Expr& sub) {
  Access a;
  a.c = cached(*sub.a);
  if (!a.c) {
    a.tl = tmp(WType::I32);
    ex(*sub.a);
    F->set(a.tl);
  }
  a.ti = tmp(WType::I64);
  ex_as(*sub.b, kInt);
  F->set(a.ti);
  a.nonneg = is_nonneg(*sub.b);
  return a;
}

// address of list[index]: a negative index counts from the end (unless the index is
// known non-negative), then one unsigned comparison with the length
void FnGen::elem_addr(const Access& a, RtError code, int line) {
  if (!a.nonneg) {
    F->get(a.ti); F->i64(0); F->op(Op::I64LtS);
    F->block(Op::If);
    F->get(a.ti); list_len64(a); F->op(Op::I64Add); F->set(a.ti);
    F->op(Op::End);
  }
  F->get(a.ti); list_len64(a); F->op(Op::I64GeU);
  err_if(code, line);
  if (a.c) F->get(a.c->data);
  else { F->get(a.tl); F->mem(Op::I32Load, 2, 8); }
  F->get(a.ti); F->op(Op::I32WrapI64); F->i32(3); F->op(Op::I32Shl); F->op(Op::I32Add);
}


void FnGen::check_bound(const Expr& e, const std::string& key) {
  F->get(bound_flags.at(key));
  F->op(Op::I32Eqz);
  F->block(Op::If);
  int32_t pos = pos_code(e.loc);
  G.unbound_names[pos] = e.name;
  F->i32(static_cast<int32_t>(RtError::UnboundLocal));
  F->op(Op::GlobalSet, G.g_err);
  F->i32(pos);
  F->op(Op::GlobalSet, G.g_line);
  F->op(Op::Unreachable);
  F->op(Op::End);
}

}  // namespace ml::wasm::gen
