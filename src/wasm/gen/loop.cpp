// for loops over ranges, lists, strings and tuples.
#include "wasm/gen/fn_gen.h"

namespace ml::wasm::gen {

// enumerate(seq[, start]) / zip(s1, s2, ...) in a for loop (see for_loop); returns the names it hoisted.
std::vector<std::string> FnGen::zip_loop(const Expr& iter, const CallInfo& call, const NameRef& target, const Scan& sc,
                                         const std::function<void()>& bind, const std::function<void()>& body,
                                         const std::function<void(const std::vector<uint32_t>&)>* bind_items) {
  std::vector<std::string> hoisted;
  // enumerate(seq[, start]) / zip(s1, s2, ...): the sources are read at each turn (a list
  // may grow in the body, as Python's iterators see); the items go to bind_items, or into
  // a tuple for bind()
  bool en = call.name == "enumerate";
  Type et = ty(iter);
  size_t nsrc = en ? 1 : iter.args.size();
  std::vector<uint32_t> src(nsrc);
  std::vector<Type> st(nsrc);
  for (size_t k = 0; k < nsrc; ++k) {
    st[k] = ty(*iter.args[k].value);
    src[k] = tmp(WType::I32);
    ex(*iter.args[k].value);
    F->set(src[k]);
  }
  uint32_t cnt = 0;
  if (en) {
    cnt = tmp(WType::I64);
    if (iter.args.size() == 2) ex_as(*iter.args[1].value, kInt);
    else F->i64(0);
    F->set(cnt);
  }
  uint32_t i = tmp(WType::I32);
  F->i32(0); F->set(i);
  hoisted = hoist(with_target(sc, target));
  open(Op::Block);
  open(Op::Loop);
  mark_position(Loc{iter.loc.line, 0});  // the line (the caret goes to its start)
  for (size_t k = 0; k < nsrc; ++k) {
    F->get(i); F->get(src[k]); F->mem(Op::I32Load, 2, 0); F->op(Op::I32GeU); F->op(Op::BrIf, 1);
  }
  std::vector<uint32_t> items;
  if (en) {
    uint32_t v = tmp(WType::I64);
    F->get(cnt); F->set(v);
    items.push_back(v);
    F->get(cnt); F->i64(INT64_MAX); F->op(Op::I64Eq); err_if(RtError::Overflow, iter.loc.line);
    F->get(cnt); F->i64(1); F->op(Op::I64Add); F->set(cnt);
  }
  for (size_t k = 0; k < nsrc; ++k) {
    Type it = et.item(items.size());
    uint32_t v = tmp(wtype(it));
    F->get(src[k]); F->mem(Op::I32Load, 2, 8);
    if (st[k].is_str()) {
      F->get(i); F->i32(2); F->op(Op::I32Shl); F->op(Op::I32Add);
      F->mem(Op::I32Load, 2, 0);
      F->op(Op::Call, G.helper("str_char"));
    } else {
      F->get(i); F->i32(3); F->op(Op::I32Shl); F->op(Op::I32Add);
      load(it);
    }
    F->set(v);
    items.push_back(v);
  }
  F->get(i); F->i32(1); F->op(Op::I32Add); F->set(i);
  if (bind_items) {
    (*bind_items)(items);
  } else {  // one loop variable: a tuple
    uint32_t h = tmp(WType::I32);
    uint32_t n = static_cast<uint32_t>(items.size());
    F->i32(static_cast<int32_t>(kListHeader + n * kSlot)); F->op(Op::Call, G.helper("alloc")); F->set(h);
    F->get(h); F->i32(n); F->mem(Op::I32Store, 2, 0);
    F->get(h); F->i32(n); F->mem(Op::I32Store, 2, 4);
    F->get(h); F->get(h); F->i32(kListHeader); F->op(Op::I32Add); F->mem(Op::I32Store, 2, 8);
    F->get(h); F->i32(0); F->mem(Op::I32Store, 2, 12);
    for (uint32_t k = 0; k < n; ++k) {
      Type it = et.item(k);
      F->get(h); F->get(items[k]);
      uint32_t off = kListHeader + k * kSlot;
      store(it, off);
    }
    F->get(h);
    bind();
  }
  open(Op::Block, kVoidBlock, false, true);
  body();
  close();
  F->op(Op::Br, 0);
  close();
  close();
  return hoisted;
}

// A for loop over a list, tuple or string (see for_loop); returns the names it hoisted.
std::vector<std::string> FnGen::sequence_loop(const Expr& iter, const NameRef& target, const Scan& sc,
                                              const std::function<void()>& bind, const std::function<void()>& body) {
  std::vector<std::string> hoisted;
  Type lt = ty(iter);
  uint32_t l = tmp(WType::I32), i = tmp(WType::I32);
  ex(iter);
  F->set(l);
  F->i32(0); F->set(i);  // (the loop may itself run inside a loop)
  hoisted = hoist(with_target(sc, target));
  // a body that cannot change any list's length: the length and data are read once
  uint32_t n = 0, d = 0;
  if (!sc.mutates) {
    n = tmp(WType::I32); d = tmp(WType::I32);
    F->get(l); F->mem(Op::I32Load, 2, 0); F->set(n);
    F->get(l); F->mem(Op::I32Load, 2, 8); F->set(d);
  }
  open(Op::Block);
  open(Op::Loop);
  mark_position(Loc{iter.loc.line, 0});  // the line (the caret goes to its start)
  F->get(i);
  if (sc.mutates) { F->get(l); F->mem(Op::I32Load, 2, 0); } else F->get(n);
  F->op(Op::I32GeU); F->op(Op::BrIf, 1);
  if (sc.mutates) { F->get(l); F->mem(Op::I32Load, 2, 8); } else F->get(d);
  if (lt.is_str()) {  // code points: the one-character string of each
    F->get(i); F->i32(2); F->op(Op::I32Shl); F->op(Op::I32Add);
    F->mem(Op::I32Load, 2, 0);
    F->op(Op::Call, G.helper("str_char"));
  } else {
    F->get(i); F->i32(3); F->op(Op::I32Shl); F->op(Op::I32Add);
    load(lt.is_tuple() ? lt.item(0) : lt.elem());
  }
  bind();
  F->get(i); F->i32(1); F->op(Op::I32Add); F->set(i);
  open(Op::Block, kVoidBlock, false, true);
  body();
  close();
  F->op(Op::Br, 0);
  close();
  close();
  return hoisted;
}

// Loops over range(...) or a list; `bind` stores the current element (on the stack).
// `target` is the loop variable, `sc` what the loop body does (scan_*; the binding of
// the loop variable by the loop itself not included), `simd_body` the
// body's statements when they may be vectorized.
void FnGen::for_loop(const Expr& iter, const NameRef& target, const Scan& sc, const std::function<void()>& bind,
              const std::function<void()>& body, const ast::Body* orelse, const ast::Body* simd_body,
              const std::function<void(const std::vector<uint32_t>&)>* bind_items) {
  auto ci = S.calls.find(&iter);
  bool is_range = ci != S.calls.end() && ci->second.kind == CallInfo::Builtin && ci->second.name == "range";
  bool is_range_value = !is_range && ty(iter).is_range();  // a local holding a range (range_value)
  bool is_zip = ci != S.calls.end() && ci->second.kind == CallInfo::Builtin &&
                (ci->second.name == "enumerate" || ci->second.name == "zip");
  open(Op::Block, kVoidBlock, true);  // break target
  std::vector<std::string> hoisted;
  bool var_nonneg = false;  // the loop variable is >= 0 in the body
  if (is_range || is_range_value) {
    uint32_t cur = tmp(WType::I64), stop = tmp(WType::I64), step = tmp(WType::I64);
    const auto& args = iter.args;
    int64_t cstep = 1;
    bool const_step = !is_range_value;
    bool start_nonneg = is_range && (args.size() == 1 || is_nonneg(*args[0].value));
    if (is_range_value) {  // its start, stop and step (not 0: range() checked it)
      uint32_t r = tmp(WType::I32);
      ex(iter);
      F->set(r);
      F->get(r); F->mem(Op::I64Load, 3, 0); F->set(cur);
      F->get(r); F->mem(Op::I64Load, 3, 8); F->set(stop);
      F->get(r); F->mem(Op::I64Load, 3, 16); F->set(step);
    } else if (args.size() == 1) {
      F->i64(0); F->set(cur);
      ex_as(*args[0].value, kInt); F->set(stop);
    } else {
      ex_as(*args[0].value, kInt); F->set(cur);
      ex_as(*args[1].value, kInt); F->set(stop);
      if (args.size() == 3) {
        const Expr& s = *args[2].value;
        if (s.kind == ExprKind::Int && s.ival != 0) cstep = s.ival;
        else if (s.kind == ExprKind::UnaryOp && s.un == ast::UnaryOp::Neg && s.a->kind == ExprKind::Int && s.a->ival != 0)
          cstep = -s.a->ival;
        else const_step = false;
        ex_as(s, kInt); F->set(step);
        if (!const_step) { F->get(step); F->op(Op::I64Eqz); err_if(RtError::Fallback, iter.loc.line); }
      }
    }
    if (const_step) { F->i64(cstep); F->set(step); }
    bool rebound = sc.assigned.count(target.key) > 0;  // the body assigns the variable itself
    if (target.kind == NameRef::Local && !rebound && const_step) {
      if (cstep > 0) var_nonneg = start_nonneg;
      else {  // counting down to a stop >= -1
        const Expr& st = *args[1].value;
        bool minus_one = st.kind == ExprKind::UnaryOp && st.un == ast::UnaryOp::Neg && st.a->kind == ExprKind::Int &&
                         st.a->int_fits && st.a->ival == 1;
        var_nonneg = args.size() == 3 && (minus_one || is_nonneg(st));
      }
    }
    hoisted = hoist(with_target(sc, target));
    if (const_step && cstep == 1 && simd_body && target.kind == NameRef::Local && !rebound)
      simd_prefix(*simd_body, target, cur, stop);
    bool added_nonneg = var_nonneg && nonneg.insert(target.key).second;
    open(Op::Block);  // normal exit
    open(Op::Loop);
    mark_position(Loc{iter.loc.line, 0});  // the line (the caret goes to its start)
    // condition
    if (const_step) {
      F->get(cur); F->get(stop); F->op(cstep > 0 ? Op::I64GeS : Op::I64LeS);
    } else {
      F->get(cur); F->get(stop); F->op(Op::I64GeS);
      F->get(cur); F->get(stop); F->op(Op::I64LeS);
      F->get(step); F->i64(0); F->op(Op::I64GtS); F->op(Op::Select);
    }
    F->op(Op::BrIf, 1);
    F->get(cur);
    bind();
    open(Op::Block, kVoidBlock, false, true);  // continue target
    body();
    close();
    // cur += step; leaving the loop if that passes the 64-bit range
    F->get(cur); F->get(step); F->op(Op::I64Add);
    if (!(const_step && (cstep == 1 || cstep == -1))) {
      uint32_t nx = tmp(WType::I64);
      F->tee(nx);
      F->get(cur); F->op(Op::I64Xor); F->get(step); F->get(cur); F->op(Op::I64Xor); F->i64(-1); F->op(Op::I64Xor);
      F->op(Op::I64And); F->i64(0); F->op(Op::I64LtS);  // overflow: signs of cur and step agree, r differs
      F->op(Op::BrIf, 1);
      F->get(nx);
    }
    F->set(cur);
    F->op(Op::Br, 0);
    close();  // loop
    close();  // normal exit
    if (added_nonneg) nonneg.erase(target.key);
  } else if (is_zip) {
    hoisted = zip_loop(iter, ci->second, target, sc, bind, body, bind_items);
  } else {
    hoisted = sequence_loop(iter, target, sc, bind, body);
  }
  unhoist(hoisted);
  if (orelse) stmts(*orelse);
  close();  // break target
}

}  // namespace ml::wasm::gen
