// Comparisons (chained, of tuples, membership) and truth tests.
#include "wasm/gen/fn_gen.h"

namespace ml::wasm::gen {

// Compares two values in locals a (type lt) and b (type rt): i32 on the stack.
void FnGen::compare(CmpOp op, Type lt, uint32_t a, Type rt, uint32_t b, Loc loc) {
  if (op == CmpOp::Is || op == CmpOp::IsNot) {  // instances and None: the same address
    F->get(a); F->get(b);
    F->op(op == CmpOp::Is ? Op::I32Eq : Op::I32Ne);
    return;
  }
  if (lt.is_num() || rt.is_num()) { num_compare(op, lt, a, rt, b, loc); return; }
  if ((op == CmpOp::In || op == CmpOp::NotIn) && (rt.is_list() || rt.is_tuple())) {
    member(lt, a, rt, b, loc);
    if (op == CmpOp::NotIn) F->op(Op::I32Eqz);
    return;
  }
  if (lt.is_str()) {
    if (op == CmpOp::In || op == CmpOp::NotIn) {
      F->get(a); F->get(b); F->op(Op::Call, G.helper("str_contains"));
      if (op == CmpOp::NotIn) F->op(Op::I32Eqz);
      return;
    }
    F->get(a); F->get(b);
    if (op == CmpOp::Eq || op == CmpOp::NotEq) {
      F->op(Op::Call, G.helper("str_eq"));
      if (op == CmpOp::NotEq) F->op(Op::I32Eqz);
      return;
    }
    F->op(Op::Call, G.helper("str_cmp"));
    F->i32(0);
    switch (op) {
      case CmpOp::Lt: F->op(Op::I32LtS); break;
      case CmpOp::LtE: F->op(Op::I32LeS); break;
      case CmpOp::Gt: F->op(Op::I32GtS); break;
      case CmpOp::GtE: F->op(Op::I32GeS); break;
      default: fail("comparison", loc);
    }
    return;
  }
  if (lt.is_tuple() && op != CmpOp::Eq && op != CmpOp::NotEq) {
    tuple_order(op, lt, a, rt, b, loc);
    return;
  }
  if (lt.is_tuple()) {
    if (lt.tn != rt.tn) {
      F->i32(op == CmpOp::NotEq ? 1 : 0);
      return;
    }
    // item by item; a NaN item leaves the call to the interpreter (Python compares items
    // by identity first, which compiled code cannot see)
    F->i32(1);
    for (size_t i = 0; i < lt.tn; ++i) {
      Type x = lt.item(i), y = rt.item(i);
      uint32_t off = kListHeader + static_cast<uint32_t>(i) * kSlot;
      uint32_t va = tmp(wtype(x)), vb = tmp(wtype(y));
      F->get(a); load(x, off); F->set(va);
      F->get(b); load(y, off); F->set(vb);
      if (x.is_str() != y.is_str()) {  // a str never equals a number
        F->op(Op::Drop);
        F->i32(0);
        continue;
      }
      for (auto [v, t] : {std::pair{va, x}, std::pair{vb, y}})
        if (t == kFloat) { F->get(v); F->get(v); F->op(Op::F64Ne); err_if(RtError::Fallback, loc.line); }
      compare(CmpOp::Eq, x, va, y, vb, loc);
      F->op(Op::I32And);
    }
    if (op == CmpOp::NotEq) F->op(Op::I32Eqz);
    return;
  }
  bool lf = lt == kFloat, rf = rt == kFloat;
  if (lf && rf) {
    F->get(a); F->get(b);
    switch (op) {
      case CmpOp::Eq: F->op(Op::F64Eq); break;
      case CmpOp::NotEq: F->op(Op::F64Ne); break;
      case CmpOp::Lt: F->op(Op::F64Lt); break;
      case CmpOp::LtE: F->op(Op::F64Le); break;
      case CmpOp::Gt: F->op(Op::F64Gt); break;
      case CmpOp::GtE: F->op(Op::F64Ge); break;
      default: fail("comparison", loc);
    }
    return;
  }
  if (lf || rf) {
    // exact int/float comparison; c = cmp(int, float) in {-1, 0, 1, 2=unordered}
    CmpOp o = op;
    if (lf) {  // float op int == int op' float
      F->get(b); convert(rt, kInt); F->get(a);
      switch (op) {
        case CmpOp::Lt: o = CmpOp::Gt; break;
        case CmpOp::LtE: o = CmpOp::GtE; break;
        case CmpOp::Gt: o = CmpOp::Lt; break;
        case CmpOp::GtE: o = CmpOp::LtE; break;
        default: break;
      }
    } else {
      F->get(a); convert(lt, kInt); F->get(b);
    }
    F->op(Op::Call, G.helper("cmp_if"));
    switch (o) {
      case CmpOp::Eq: F->op(Op::I32Eqz); break;
      case CmpOp::NotEq: F->op(Op::I32Eqz); F->op(Op::I32Eqz); break;
      case CmpOp::Lt: F->i32(-1); F->op(Op::I32Eq); break;
      case CmpOp::LtE: F->i32(0); F->op(Op::I32LeS); break;
      case CmpOp::Gt: F->i32(1); F->op(Op::I32Eq); break;
      case CmpOp::GtE: F->i32(2); F->op(Op::I32LtU); break;
      default: fail("comparison", loc);
    }
    return;
  }
  if (lt == kBool && rt == kBool) {
    F->get(a); F->get(b);
    switch (op) {
      case CmpOp::Eq: F->op(Op::I32Eq); break;
      case CmpOp::NotEq: F->op(Op::I32Ne); break;
      case CmpOp::Lt: F->op(Op::I32LtU); break;
      case CmpOp::LtE: F->op(Op::I32LeU); break;
      case CmpOp::Gt: F->op(Op::I32GtU); break;
      case CmpOp::GtE: F->op(Op::I32GeU); break;
      default: fail("comparison", loc);
    }
    return;
  }
  F->get(a); convert(lt, kInt); F->get(b); convert(rt, kInt);
  switch (op) {
    case CmpOp::Eq: F->op(Op::I64Eq); break;
    case CmpOp::NotEq: F->op(Op::I64Ne); break;
    case CmpOp::Lt: F->op(Op::I64LtS); break;
    case CmpOp::LtE: F->op(Op::I64LeS); break;
    case CmpOp::Gt: F->op(Op::I64GtS); break;
    case CmpOp::GtE: F->op(Op::I64GeS); break;
    default: fail("comparison", loc);
  }
}

// Tuple ordering, as Python: the first place where the items differ decides with `op`;
// when one tuple is a prefix of the other, the lengths decide. A NaN item is left to the
// interpreter (item identity matters there).
void FnGen::tuple_order(CmpOp op, Type lt, uint32_t a, Type rt, uint32_t b, Loc loc) {
  size_t n = std::min(lt.tn, rt.tn);
  uint32_t r = tmp(WType::I32);
  F->block(Op::Block);  // br 0 from inside: r decided
  for (size_t i = 0; i < n; ++i) {
    Type x = lt.item(i), y = rt.item(i);
    uint32_t off = kListHeader + static_cast<uint32_t>(i) * kSlot;
    uint32_t va = tmp(wtype(x)), vb = tmp(wtype(y));
    F->get(a); load(x, off); F->set(va);
    F->get(b); load(y, off); F->set(vb);
    for (auto [v, t] : {std::pair{va, x}, std::pair{vb, y}})
      if (t == kFloat) { F->get(v); F->get(v); F->op(Op::F64Ne); err_if(RtError::Fallback, loc.line); }
    compare(CmpOp::Eq, x, va, y, vb, loc);
    F->op(Op::I32Eqz);
    F->block(Op::If);
    compare(op, x, va, y, vb, loc);
    F->set(r);
    F->op(Op::Br, 1);
    F->op(Op::End);
  }
  // equal up to the shorter length: the lengths decide
  uint32_t la = tmp(WType::I32), lb = tmp(WType::I32);
  F->i32(lt.tn); F->set(la);
  F->i32(rt.tn); F->set(lb);
  compare(op, kBool, la, kBool, lb, loc);  // unsigned i32 comparison of the lengths
  F->set(r);
  F->op(Op::End);
  F->get(r);
}

// x in list / tuple: an item equal to x (a NaN x is left to the interpreter, which also
// finds the very same object)
void FnGen::member(Type xt, uint32_t x, Type ct, uint32_t c, Loc loc) {
  if (xt == kFloat) { F->get(x); F->get(x); F->op(Op::F64Ne); err_if(RtError::Fallback, loc.line); }
  if (ct.is_tuple()) {
    F->i32(0);
    for (size_t i = 0; i < ct.tn; ++i) {
      Type it = ct.item(i);
      uint32_t v = tmp(wtype(it));
      F->get(c); load(it, kListHeader + static_cast<uint32_t>(i) * kSlot); F->set(v);
      compare(CmpOp::Eq, xt, x, it, v, loc);
      F->op(Op::I32Or);
    }
    return;
  }
  Type el = ct.elem();
  uint32_t i = tmp(WType::I32), v = tmp(wtype(el)), r = tmp(WType::I32);
  F->i32(0); F->set(r);
  F->i32(0); F->set(i);
  F->block(Op::Block); F->block(Op::Loop);
  F->get(i); F->get(c); F->mem(Op::I32Load, 2, 0); F->op(Op::I32GeU); F->op(Op::BrIf, 1);
  F->get(c); F->mem(Op::I32Load, 2, 8); F->get(i); F->i32(3); F->op(Op::I32Shl); F->op(Op::I32Add); load(el); F->set(v);
  F->get(i); F->i32(1); F->op(Op::I32Add); F->set(i);
  compare(CmpOp::Eq, xt, x, el, v, loc);
  F->tee(r);
  F->op(Op::BrIf, 1);
  F->op(Op::Br, 0);
  F->op(Op::End); F->op(Op::End);
  F->get(r);
}

void FnGen::compare_chain(const Expr& e) {
  Type lt = ty(*e.a);
  uint32_t a = tmp(wtype(lt));
  ex(*e.a);
  F->set(a);
  size_t n = e.cmps.size();
  int opened = 0;
  for (size_t i = 0; i < n; ++i) {
    const Expr& r = *e.items[i];
    Type rt = ty(r);
    uint32_t b = tmp(wtype(rt));
    ex(r);
    F->set(b);
    compare(e.cmps[i], lt, a, rt, b, e.loc);
    if (i + 1 < n) {
      F->block(Op::If, static_cast<int64_t>(WType::I32));
      ++opened;
    }
    lt = rt;
    a = b;
  }
  for (int k = 0; k < opened; ++k) {
    F->op(Op::Else);
    F->i32(0);
    F->op(Op::End);
  }
}

// truth value of e as an i32, short-circuiting and/or/not
void FnGen::test(const Expr& e) {
  if (e.kind == ExprKind::BoolOp) {
    bool is_and = e.boolop == ast::BoolOpKind::And;
    test(*e.items[0]);
    for (size_t i = 1; i < e.items.size(); ++i) {
      F->block(Op::If, static_cast<int64_t>(WType::I32));
      if (is_and) { test(*e.items[i]); F->op(Op::Else); F->i32(0); }
      else { F->i32(1); F->op(Op::Else); test(*e.items[i]); }
    }
    for (size_t i = 1; i < e.items.size(); ++i) F->op(Op::End);
    return;
  }
  if (e.kind == ExprKind::UnaryOp && e.un == ast::UnaryOp::Not) {
    test(*e.a);
    F->op(Op::I32Eqz);
    return;
  }
  ex(e);
  truthy(ty(e));
}

}  // namespace ml::wasm::gen
