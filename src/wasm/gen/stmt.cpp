// Statements: assignment, if, while, return, break/continue, the guard facts.
#include "wasm/gen/fn_gen.h"

namespace ml::wasm::gen {

FnGen::GuardFact FnGen::guard_fact() const {
  if (!S.def) return {};
  const ast::Body& b = S.def->body;
  size_t i = 0;
  if (i < b.size() && b[i]->kind == StmtKind::Expr && b[i]->value && b[i]->value->kind == ExprKind::Str) ++i;
  if (i >= b.size()) return {};
  const Stmt& st = *b[i];
  if (st.kind != StmtKind::If || !st.orelse.empty() || st.body.empty() || st.body.back()->kind != StmtKind::Return)
    return {};
  const Expr& c = *st.value;
  if (c.kind != ExprKind::Compare || c.cmps.size() != 1 || c.items.size() != 1) return {};
  auto lit = int_literal(c.items[0].get());
  const NameRef* r = local_name(*c.a);
  if (!lit || !r || !(ty(*c.a) == kInt)) return {};
  if (std::find(S.param_keys.begin(), S.param_keys.end(), r->key) == S.param_keys.end()) return {};
  bool ge0 = (c.cmps[0] == ast::CmpOp::Lt && *lit >= 0) || (c.cmps[0] == ast::CmpOp::LtE && *lit >= -1);
  if (!ge0) return {};
  Scan sc;
  scan_stmts(b, sc);
  if (sc.assigned.count(r->key)) return {};
  return {&st, r->key};
}

// a, (b, [c, d]) = v: every item read before any store, as Python does. A list of another
// length than the target's leaves the call to the interpreter (which raises ValueError).
void FnGen::unpack(const Expr& tg, uint32_t v, Type vt) {
  const uint32_t n = static_cast<uint32_t>(tg.items.size());
  if (vt.is_list()) {
    F->get(v); F->mem(Op::I32Load, 2, 0); F->i32(static_cast<int32_t>(n)); F->op(Op::I32Ne);
    err_if(RtError::Fallback, tg.loc.line);
  }
  std::vector<std::pair<uint32_t, Type>> items;
  for (uint32_t i = 0; i < n; ++i) {
    Type it = vt.is_list() ? vt.elem() : vt.item(i);
    uint32_t x = tmp(wtype(it));
    F->get(v);
    if (vt.is_list()) { F->mem(Op::I32Load, 2, 8); load(it, i * kSlot); }
    else load(it, kListHeader + i * kSlot);
    F->set(x);
    items.push_back({x, it});
  }
  for (uint32_t i = 0; i < n; ++i) store_target(*tg.items[i], items[i].first, items[i].second);
}

namespace {
// An expression that allocates nothing and calls nothing: names, numbers and arithmetic.
bool plain(const Expr* e) {
  if (!e) return true;
  switch (e->kind) {
    case ExprKind::Name:
    case ExprKind::Int:
    case ExprKind::True:
    case ExprKind::False: return true;
    case ExprKind::UnaryOp: return plain(e->a.get());
    case ExprKind::BinOp: return plain(e->a.get()) && plain(e->b.get());
    default: return false;
  }
}
bool plain_slice(const Expr& e) {
  return e.kind == ExprKind::Subscript && e.a->kind == ExprKind::Name && e.b->kind == ExprKind::Slice &&
         plain(e.b->a.get()) && plain(e.b->b.get()) && plain(e.b->c.get());
}
}  // namespace

// l[a:b] = m[c:d:e] with plain bounds: the slice on the right is a temporary nobody else can
// see, so when its items are copied in place its memory is given back at once (a loop of such
// statements runs in constant memory).
bool FnGen::temp_slice_assign(const Stmt& s) {
  if (s.kind != StmtKind::Assign || s.targets.size() != 1 || !plain_slice(*s.targets[0]) || !plain_slice(*s.value) ||
      !ty(*s.value).is_list())
    return false;
  uint32_t mark = tmp(WType::I32), v = tmp(WType::I32);
  F->op(Op::GlobalGet, G.g_heap); F->set(mark);
  ex(*s.value); F->set(v);
  call_list_setslice(*s.targets[0], v);
  F->block(Op::If);
  F->get(mark); F->op(Op::GlobalSet, G.g_heap);
  F->op(Op::End);
  return true;
}

void FnGen::call_list_setslice(const Expr& tg, uint32_t v) {
  const Expr& ix = *tg.b;
  ex(*tg.a);
  if (ix.a) ex_as(*ix.a, kInt); else F->i64(0);
  if (ix.b) ex_as(*ix.b, kInt); else F->i64(0);
  F->i64(1);
  F->i32((ix.a ? 1 : 0) | (ix.b ? 2 : 0));
  F->get(v);
  F->op(Op::Call, G.helper("list_setslice"));
}

void FnGen::store_target(const Expr& tg, uint32_t v, Type vt) {
  if (tg.kind == ExprKind::Tuple || tg.kind == ExprKind::List) {
    unpack(tg, v, vt);
    return;
  }
  if (tg.kind == ExprKind::Name) {
    F->get(v);
    convert(vt, ty(tg), tg.loc);  // an int or a float into an int-or-float variable
    set_var(S.names.at(&tg));
    return;
  }
  if (tg.kind == ExprKind::Attribute) {  // obj.name = v: the object is evaluated after the value
    instance(*tg.a);
    F->get(v);
    Type ft = ty(tg);
    if (ft.is_num() && !vt.is_num()) {  // an int or a float into an int-or-float field
      convert(vt, ft, tg.loc);
      vt = ft;
    }
    store(vt, field_offset(ty(*tg.a), tg.name));
    return;
  }
  // subscript: container and index are evaluated after the value, as in Python
  if (tg.b->kind == ExprKind::Slice) {  // l[a:b] = v (the typer allowed no step)
    call_list_setslice(tg, v);
    F->op(Op::Drop);
    return;
  }
  Access acc = list_index(tg);
  elem_addr(acc, RtError::IndexStore, pos_code(tg.loc));
  F->get(v);
  store(vt);
}

void FnGen::aug_assign_stmt(const Stmt& s) {
  const Expr& tg = *s.targets[0];
  Type tt = ty(tg), vt = ty(*s.value);
  // on a list, += and *= change that list in place (every alias sees it), as in Python
  auto op = [&](const std::function<void()>& pl, const std::function<void()>& pr, const Expr* re) {
    if (!tt.is_list()) { binop(s.op, tt, vt, tt, s.loc, pl, pr, nullptr, re); return; }
    pl();
    pr();
    if (s.op == BinOp::Add) F->op(Op::Call, G.helper("list_extend"));
    else if (s.op == BinOp::Mul) { convert(vt, kInt); F->op(Op::Call, G.helper("list_imul")); }
    else fail("list operator", s.loc);
  };
  if (tg.kind == ExprKind::Name) {
    op([&] { get_var(tg); }, [&] { ex(*s.value); }, s.value.get());
    set_var(S.names.at(&tg));
    return;
  }
  if (tg.kind == ExprKind::Attribute) {  // obj.name op= v: obj evaluated once
    uint32_t o = tmp(WType::I32), off = field_offset(ty(*tg.a), tg.name);
    instance(*tg.a);
    F->tee(o);
    op([&] { F->get(o); load(tt, off); }, [&] { ex(*s.value); }, s.value.get());
    store(tt, off);
    return;
  }
  Access ac = list_index(tg);
  uint32_t addr = tmp(WType::I32), r = tmp(wtype(tt));
  elem_addr(ac, RtError::Index, pos_code(tg.loc));
  F->set(addr);
  op([&] { F->get(addr); load(tt); }, [&] { ex(*s.value); }, nullptr);
  F->set(r);
  // a call may have appended to the list (moving its data); a cached list cannot change
  if (calls_program(*s.value) && !ac.c) elem_addr(ac, RtError::IndexStore, pos_code(tg.loc));
  else F->get(addr);
  F->get(r);
  store(tt);
  return;
}

void FnGen::while_stmt(const Stmt& s) {
  Scan sc;
  scan_expr(*s.value, sc);
  scan_stmts(s.body, sc);
  std::vector<std::string> hoisted = hoist(sc);
  open(Op::Block, kVoidBlock, true);
  open(Op::Block);
  open(Op::Loop);
  mark_position(s.loc);
  test(*s.value);
  F->op(Op::I32Eqz);
  F->op(Op::BrIf, 1);
  open(Op::Block, kVoidBlock, false, true);
  stmts(s.body);
  close();
  F->op(Op::Br, 0);
  close();
  close();
  unhoist(hoisted);
  stmts(s.orelse);
  close();
  return;
}

void FnGen::for_stmt(const Stmt& s) {
  const Expr& tg = *s.targets[0];
  Scan sc;
  scan_stmts(s.body, sc);
  if (tg.kind == ExprKind::Tuple || tg.kind == ExprKind::List) {  // for a, b in list_of_tuples / enumerate(...) / zip(...)
    scan_target(tg, sc);
    static const NameRef none{NameRef::Local, ""};
    auto zc = S.calls.find(s.iter.get());
    if (zc != S.calls.end() && zc->second.kind == CallInfo::Builtin &&
        (zc->second.name == "enumerate" || zc->second.name == "zip")) {
      std::function<void(const std::vector<uint32_t>&)> bind_items = [&](const std::vector<uint32_t>& items) {
        Type zt = ty(*s.iter);
        for (size_t i = 0; i < tg.items.size(); ++i) store_target(*tg.items[i], items[i], zt.item(i));
      };
      for_loop(*s.iter, none, sc, [] {}, [&] { stmts(s.body); }, &s.orelse, nullptr, &bind_items);
      return;
    }
    Type it = ty(*s.iter);
    Type et = it.is_tuple() ? it.item(0) : it.elem();
    uint32_t v = tmp(WType::I32);
    for_loop(*s.iter, none, sc, [&] {
      F->set(v);
      unpack(tg, v, et);
    }, [&] { stmts(s.body); }, &s.orelse, nullptr);
    return;
  }
  const NameRef& target = S.names.at(&tg);
  if (ty(tg).is_num()) fail("loop variable that also holds values of another type", tg.loc);
  for_loop(*s.iter, target, sc, [&] { set_var(target); }, [&] { stmts(s.body); }, &s.orelse, &s.body);
  return;
}

void FnGen::stmt(const Stmt& s) {
  switch (s.kind) {
    case StmtKind::Expr: {
      if (s.value->kind == ExprKind::Str) return;
      Type t = ty(*s.value);
      ex(*s.value);
      if (!(t == kNone)) F->op(Op::Drop);
      return;
    }
    case StmtKind::Assign:
    case StmtKind::AnnAssign: {
      if (!s.value || is_method_alias(S, s)) return;
      if (temp_slice_assign(s)) return;
      if (s.kind == StmtKind::Assign && s.targets.size() == 1 && s.targets[0]->kind == ExprKind::Tuple &&
          s.value->kind == ExprKind::Tuple) {
        std::vector<std::pair<uint32_t, Type>> vals;
        for (const auto& v : s.value->items) {
          Type t = ty(*v);
          uint32_t l = tmp(wtype(t));
          ex(*v);
          F->set(l);
          vals.push_back({l, t});
        }
        for (size_t i = 0; i < vals.size(); ++i) store_target(*s.targets[0]->items[i], vals[i].first, vals[i].second);
        return;
      }
      Type t = ty(*s.value);
      uint32_t v = tmp(wtype(t));
      ex(*s.value);
      F->set(v);
      for (const auto& tg : s.targets) {
        store_target(*tg, v, t);
      }
      return;
    }
    case StmtKind::AugAssign: aug_assign_stmt(s); return;
    case StmtKind::If:
      test(*s.value);
      open(Op::If);
      stmts(s.body);
      if (!s.orelse.empty()) {
        F->op(Op::Else);
        stmts(s.orelse);
      }
      close();
      return;
    case StmtKind::While: while_stmt(s); return;
    case StmtKind::For: for_stmt(s); return;
    case StmtKind::Break: F->op(Op::Br, label(true)); return;
    case StmtKind::Continue: F->op(Op::Br, label(false)); return;
    case StmtKind::Pass: return;
    case StmtKind::Assert:  // false: the interpreter runs the call and raises AssertionError
      test(*s.value);
      F->op(Op::I32Eqz);
      err_if(RtError::Fallback, pos_code(s.loc));
      return;
    case StmtKind::Return:
      if (tail_mode) {
        if (auto tf = tail_form(*s.value)) { tail_return(s, *tf); return; }
        binop(BinOp::Add, kInt, kInt, kInt, s.loc, [&] { F->get(acc); }, [&] { ex_as(*s.value, kInt); });
        if (inline_into_acc_) F->set(acc);  // only set inside an inlined body
        return_now();
        return;
      }
      if (s.value && s.value->kind != ExprKind::None) {
        if (!(S.ret == kNone)) ex_as(*s.value, S.ret);
        else if (S.calls.count(s.value.get())) ex(*s.value);  // a call returning None
        else { ex(*s.value); F->op(Op::Drop); }              // a variable or field holding None
      } else if (S.ret.is_obj()) {
        F->i32(0);  // None from a function that returns instances too
      }
      return_now();
      return;
    case StmtKind::FunctionDef:
      if (!S.def) return;
      [[fallthrough]];
    default: fail("statement", s.loc);
  }
}

}  // namespace ml::wasm::gen
