// Expressions, and list comprehensions.
#include "wasm/gen/fn_gen.h"

namespace ml::wasm::gen {

void FnGen::unary_expr(const Expr& e, Type t) {
  Type at = ty(*e.a);
  switch (e.un) {
    case ast::UnaryOp::Not: test(*e.a); F->op(Op::I32Eqz); return;
    case ast::UnaryOp::Pos: ex_as(*e.a, t); return;
    case ast::UnaryOp::Invert: ex_as(*e.a, kInt); F->i64(-1); F->op(Op::I64Xor); return;
    case ast::UnaryOp::Neg:
      if (at == kFloat) { ex(*e.a); F->op(Op::F64Neg); return; }
      {
        uint32_t a = tmp(WType::I64);
        ex_as(*e.a, kInt);
        F->tee(a); F->i64(kI64Min); F->op(Op::I64Eq); err_if(RtError::Overflow, e.loc.line);
        F->i64(0); F->get(a); F->op(Op::I64Sub);
      }
      return;
  }
  return;
}

void FnGen::bool_op_expr(const Expr& e, Type t) {
  // value of a and/or chain whose operands all have type t
  bool is_and = e.boolop == ast::BoolOpKind::And;
  std::function<void(size_t)> go = [&](size_t i) {
    if (i + 1 == e.items.size()) { ex(*e.items[i]); return; }
    uint32_t v = tmp(wtype(t));
    ex(*e.items[i]);
    F->tee(v);
    truthy(t);
    F->block(Op::If, static_cast<int64_t>(wtype(t)));
    if (is_and) { go(i + 1); F->op(Op::Else); F->get(v); }
    else { F->get(v); F->op(Op::Else); go(i + 1); }
    F->op(Op::End);
  };
  go(0);
  return;
}

// f-strings: each piece converted and concatenated.
void FnGen::fstring_expr(const Expr& e, Type t) {
  F->i32(static_cast<int32_t>(G.str_const("")));
  for (const auto& piece : e.items) {
    if (piece->kind == ExprKind::Str) {
      if (piece->str.empty()) continue;
      F->i32(static_cast<int32_t>(G.str_const(piece->str)));
    } else {
      const Expr& v = *piece->a;
      Type vt = ty(v);
      ex(v);
      if (vt.is_str()) { if (piece->conv == 'r') F->op(Op::Call, G.helper("str_repr")); }
      else if (vt == kFloat) F->op(Op::Call, G.helper("str_of_float"));
      else if (vt == kBool) {
        uint32_t b = tmp(WType::I32);
        F->set(b);
        F->i32(static_cast<int32_t>(G.str_const("True")));
        F->i32(static_cast<int32_t>(G.str_const("False")));
        F->get(b);
        F->op(Op::Select);
      } else F->op(Op::Call, G.helper("str_of_int"));
    }
    F->op(Op::Call, G.helper("str_concat"));
  }
  return;
}

void FnGen::tuple_expr(const Expr& e, Type t) {
  uint32_t h = tmp(WType::I32);
  int32_t n = static_cast<int32_t>(e.items.size());
  std::vector<uint32_t> vs;
  for (int32_t i = 0; i < n; ++i) {  // items first (they may allocate)
    uint32_t v = tmp(wtype(t.item(i)));
    ex(*e.items[i]);
    F->set(v);
    vs.push_back(v);
  }
  F->i32(static_cast<int32_t>(kListHeader + n * kSlot)); F->op(Op::Call, G.helper("alloc")); F->set(h);
  F->get(h); F->i32(n); F->mem(Op::I32Store, 2, 0);
  F->get(h); F->i32(n); F->mem(Op::I32Store, 2, 4);
  F->get(h); F->get(h); F->i32(kListHeader); F->op(Op::I32Add); F->mem(Op::I32Store, 2, 8);
  F->get(h); F->i32(0); F->mem(Op::I32Store, 2, 12);
  for (int32_t i = 0; i < n; ++i) {
    F->get(h); F->get(vs[i]);
    Type it = t.item(i);
    uint32_t off = kListHeader + i * kSlot;
    store(it, off);
  }
  F->get(h);
  return;
}

// Indexing and slicing of lists, tuples and strings.
void FnGen::subscript_expr(const Expr& e, Type t) {
  Type ct = ty(*e.a);
  if (ct.is_str()) {
    const Expr& ix = *e.b;
    if (ix.kind == ExprKind::Slice) {
      bool unit = !ix.c || (ix.c->kind == ExprKind::Int && ix.c->int_fits && ix.c->ival == 1);
      if (unit) {  // s[a:b] shares the data of s
        ex(*e.a);
        if (ix.a) ex_as(*ix.a, kInt); else F->i64(0);
        if (ix.b) ex_as(*ix.b, kInt); else F->i64(INT64_MAX);
        if (ix.c) { ex(*ix.c); F->op(Op::Drop); }
        F->op(Op::Call, G.helper("str_slice"));
        return;
      }
      // s[a:b:c]: bounds as given (a flag says which were omitted), then the step
      ex(*e.a);
      if (ix.a) ex_as(*ix.a, kInt); else F->i64(0);
      if (ix.b) ex_as(*ix.b, kInt); else F->i64(0);
      ex_as(*ix.c, kInt);
      F->i32((ix.a ? 1 : 0) | (ix.b ? 2 : 0));
      F->op(Op::Call, G.helper("str_slice_step"));
      return;
    }
    ex(*e.a);
    ex_as(ix, kInt);
    F->i32(pos_code(e.loc));
    F->op(Op::Call, G.helper("str_at"));
    return;
  }
  if (ct.is_list() && e.b->kind == ExprKind::Slice) {  // l[a:b:c]: a new list
    const Expr& ix = *e.b;
    ex(*e.a);
    if (ix.a) ex_as(*ix.a, kInt); else F->i64(0);
    if (ix.b) ex_as(*ix.b, kInt); else F->i64(0);
    if (ix.c) ex_as(*ix.c, kInt); else F->i64(1);
    F->i32((ix.a ? 1 : 0) | (ix.b ? 2 : 0));
    F->op(Op::Call, G.helper("list_slice"));
    return;
  }
  if (ct.is_tuple() && e.b->kind == ExprKind::Slice) {  // the typer made the items known
    uint32_t src = tmp(WType::I32), h = tmp(WType::I32);
    ex(*e.a);
    F->set(src);
    std::vector<size_t> sel = *literal_slice_items(*e.b, ct.tn);  // checked by the typer
    uint32_t n = static_cast<uint32_t>(sel.size());
    F->i32(static_cast<int32_t>(kListHeader + n * kSlot)); F->op(Op::Call, G.helper("alloc")); F->set(h);
    F->get(h); F->i32(n); F->mem(Op::I32Store, 2, 0);
    F->get(h); F->i32(n); F->mem(Op::I32Store, 2, 4);
    F->get(h); F->get(h); F->i32(kListHeader); F->op(Op::I32Add); F->mem(Op::I32Store, 2, 8);
    F->get(h); F->i32(0); F->mem(Op::I32Store, 2, 12);
    for (uint32_t k = 0; k < n; ++k) {
      F->get(h); F->get(src); F->mem(Op::I64Load, 3, kListHeader + static_cast<uint32_t>(sel[k]) * kSlot);
      F->mem(Op::I64Store, 3, kListHeader + k * kSlot);
    }
    F->get(h);
    return;
  }
  if (ct.is_tuple()) {
    if (auto c = literal_index(*e.b)) {
      int64_t i = *c < 0 ? *c + ct.tn : *c;
      ex(*e.a);
      load(t, kListHeader + static_cast<uint32_t>(i) * kSlot);
      return;
    }
    Access acc = list_index(e);
    elem_addr(acc, RtError::TupleIndex, pos_code(e.loc));
    load(t);
    return;
  }
  Access acc = list_index(e);
  elem_addr(acc, RtError::Index, pos_code(e.loc));
  load(t);
  return;
}

void FnGen::list_expr(const Expr& e, Type t) {
  uint32_t l = tmp(WType::I32);
  int32_t n = static_cast<int32_t>(e.items.size());
  F->i32(n); F->i32(n); F->op(Op::Call, G.helper("list_new")); F->set(l);
  Type el = t.elem();
  for (int32_t i = 0; i < n; ++i) {
    uint32_t v = tmp(wtype(el));
    ex(*e.items[i]);
    F->set(v);
    F->get(l); F->mem(Op::I32Load, 2, 8); F->i32(i * 8); F->op(Op::I32Add);
    F->get(v);
    store(el);
  }
  F->get(l);
  return;
}

void FnGen::ex(const Expr& e) {
  Type t = ty(e);
  switch (e.kind) {
    case ExprKind::Int: F->i64(e.ival); return;
    case ExprKind::Float: F->f64(e.num); return;
    case ExprKind::True: F->i32(1); return;
    case ExprKind::False: F->i32(0); return;
    case ExprKind::None: F->i32(0); return;  // an instance's empty address (typed where one is taken)
    case ExprKind::Attribute:  // a field of an instance
      instance(*e.a);
      load(t, field_offset(ty(*e.a), e.name));
      return;
    case ExprKind::Name:
      // a module function as a value: its calls are direct, the value itself holds nothing
      if (t.is_func() && !S.names.count(&e)) { F->i32(0); return; }
      get_var(e);
      return;
    case ExprKind::BinOp:
      if (auto ci = S.calls.find(&e); ci != S.calls.end()) {
        operator_call(e, ci->second);
        return;
      }
      if (const Expr* n = none_fill_count(e)) {
        none_fill_list(e, *n);
        return;
      }
      // errors are located where the interpreter locates them: at the left operand
      binop(e.bin, ty(*e.a), ty(*e.b), t, e.a->loc.line ? e.a->loc : e.loc, [&] { ex(*e.a); }, [&] { ex(*e.b); },
            e.a.get(), e.b.get());
      return;
    case ExprKind::UnaryOp: unary_expr(e, t); return;
    case ExprKind::BoolOp: bool_op_expr(e, t); return;
    case ExprKind::Compare: compare_chain(e); return;
    case ExprKind::IfExp:
      test(*e.b);
      F->block(Op::If, static_cast<int64_t>(wtype(t)));
      ex(*e.a);
      F->op(Op::Else);
      ex(*e.c);
      F->op(Op::End);
      return;
    case ExprKind::Str: F->i32(static_cast<int32_t>(G.str_const(e.str))); return;
    case ExprKind::FString: fstring_expr(e, t); return;
    case ExprKind::Tuple: tuple_expr(e, t); return;
    case ExprKind::Subscript: subscript_expr(e, t); return;
    case ExprKind::List: list_expr(e, t); return;
    case ExprKind::ListComp: listcomp(e); return;
    case ExprKind::Call: call(e); return;
    default: fail("expression", e.loc);
  }
}

void FnGen::listcomp(const Expr& e) {
  Type t = ty(e);
  const ast::Comprehension& g = e.gens[0];
  uint32_t l = tmp(WType::I32);
  // preallocate for range(n) without conditions
  const CallInfo* rc = nullptr;
  auto ci = S.calls.find(g.iter.get());
  if (ci != S.calls.end() && ci->second.name == "range") rc = &ci->second;
  F->i32(0);
  F->i32(8);
  F->op(Op::Call, G.helper("list_new"));
  F->set(l);
  (void)rc;
  const NameRef& target = S.names.at(g.target.get());
  Scan sc;
  scan_expr(*e.a, sc);
  for (const auto& c : g.ifs) scan_expr(*c, sc);
  for_loop(
      *g.iter, target, sc, [&] { set_var(target); },
      [&] {
        if (!g.ifs.empty()) {
          for (const auto& c : g.ifs) test(*c);
          for (size_t i = 1; i < g.ifs.size(); ++i) F->op(Op::I32And);
          open(Op::If);
        }
        uint32_t v = tmp(wtype(t.elem()));
        ex(*e.a);
        F->set(v);
        F->get(l); F->op(Op::Call, G.helper("append_slot"));
        F->get(v);
        store(t.elem());
        if (!g.ifs.empty()) close();
      },
      nullptr);
  F->get(l);
}

}  // namespace ml::wasm::gen
