// Calls: the program's functions, builtins and methods, print().
#include "wasm/gen/fn_gen.h"

namespace ml::wasm::gen {

void FnGen::print_value(const Expr& a) {
  if (a.kind == ExprKind::Str) {
    auto [addr, n] = G.str(a.str);
    F->i32(static_cast<int32_t>(addr)); F->i32(static_cast<int32_t>(n)); F->op(Op::Call, G.import("print_str"));
    return;
  }
  Type t = ty(a);
  ex(a);
  if (t.is_str()) F->op(Op::Call, G.helper("str_print"));
  else if (t.is_tuple()) F->op(Op::Call, G.print_tuple(t));
  else if (t.is_list()) F->op(Op::Call, G.print_list(t));
  else if (t == kInt) F->op(Op::Call, G.import("print_i64"));
  else if (t == kFloat) F->op(Op::Call, G.import("print_f64"));
  else if (t.is_num()) num_print();
  else F->op(Op::Call, G.import("print_bool"));
}

void FnGen::call(const Expr& e) {
  const CallInfo& ci = S.calls.at(&e);
  Type t = ty(e);
  if (ci.kind == CallInfo::User && ci.construct) {
    construct(e, ci);
    return;
  }
  if (ci.kind == CallInfo::User) return user_call(e, ci);
  if (ci.kind == CallInfo::Method) return method_call(e, ci, t);
  if (ci.kind == CallInfo::Builtin && ci.name.rfind("math.", 0) == 0) return math_call(e, ci);
  builtin_call(e, ci, t);
}

// A call of one of the program's functions (or a bound method of its classes).
void FnGen::user_call(const Expr& e, const CallInfo& ci) {
  uint32_t h = G.func_for(ci.callee);
  if (ci.callee == &S && inlinable()) {
    inline_self_call(e);
    return;
  }
  if (ci.callee == &S && base_case()) {
    self_call_with_base_case(e, h);
    return;
  }
  size_t first = 0;
  if (ci.bound) {  // obj.method(...): the instance is the first argument
    instance(*ci.attr->a);
    first = 1;
  }
  for (size_t i = first; i < ci.callee->params.size(); ++i) ex_as(*arg_or_default(e, ci.callee, i - first, first), ci.callee->params[i]);
  F->get(rem);
  F->op(Op::Call, h);
  return;
}

// list.sort(reverse=...), insert/pop, str methods, list.append.
void FnGen::method_call(const Expr& e, const CallInfo& ci, Type t) {
  if (ci.kind == CallInfo::Method && ci.name == "sort") {  // list.sort(reverse=...)
    ex(*ci.attr->a);
    F->i32(sort_reverse(e));
    F->op(Op::Call, G.helper(sort_helper(ty(*ci.attr->a).elem())));
    return;
  }
  if (ci.kind == CallInfo::Method && (ci.name == "insert" || ci.name == "pop")) {
    list_insert_pop(e, ci, t);
    return;
  }
  if (ci.kind == CallInfo::Method && ci.name.rfind("str.", 0) == 0) {
    std::string m = ci.name.substr(4);
    ex(*e.a->a);  // the string, then the arguments
    for (const auto& a : e.args) ex(*a.value);
    if (m == "join") F->op(Op::Call, G.helper("str_join"));
    else if (m == "lower") F->op(Op::Call, G.helper("str_lower"));
    else if (m == "upper") F->op(Op::Call, G.helper("str_upper"));
    else if (m == "strip") F->op(Op::Call, G.helper("str_strip"));
    else if (m.rfind("is", 0) == 0) F->op(Op::Call, G.helper("str_" + m));
    else if (m == "startswith" || m == "endswith") { F->i32(m == "endswith"); F->op(Op::Call, G.helper("str_affix")); }
    else if (m == "find") { F->i32(0); F->op(Op::Call, G.helper("str_find_from")); F->op(Op::I64ExtendI32S); }
    else if (m == "count") F->op(Op::Call, G.helper("str_count"));
    else if (m == "replace") F->op(Op::Call, G.helper("str_replace"));
    else if (m == "split") F->op(Op::Call, G.helper(e.args.empty() ? "str_split_ws" : "str_split_sep"));
    else fail("method call ." + m + "()", e.loc);
    return;
  }
  if (ci.kind == CallInfo::Method) {  // list.append(v)
    const Expr& obj = *ci.attr->a;
    Type el = ty(obj).elem();
    Type vt = ty(*e.args[0].value);
    if (!el.known()) el = vt;
    uint32_t l = tmp(WType::I32), v = tmp(wtype(vt));
    ex(obj); F->set(l);
    ex(*e.args[0].value); F->set(v);
    F->get(l); F->op(Op::Call, G.helper("append_slot"));
    F->get(v);
    store(vt);
    return;
  }
}

// math.*: f64 instructions where IEEE gives Python's result, else the C library's function.
void FnGen::math_call(const Expr& e, const CallInfo& ci) {
  if (ci.kind == CallInfo::Builtin && ci.name == "math.sqrt") {  // f64.sqrt is IEEE's correctly rounded root
    uint32_t x = tmp(WType::F64);
    ex_as(*e.args[0].value, kFloat);
    F->tee(x); F->f64(0); F->op(Op::F64Lt); err_if(RtError::Fallback, pos_code(e.loc));  // ValueError
    F->get(x); F->op(Op::F64Sqrt);
    return;
  }
  if (ci.kind == CallInfo::Builtin && ci.name.rfind("math.", 0) == 0 && ci.name != "math.fabs") {
    // the C library's function, as the interpreter's math module calls it; a NaN or an
    // infinite result is its ValueError or OverflowError
    uint32_t r = tmp(WType::F64);
    ex_as(*e.args[0].value, kFloat);
    F->op(Op::Call, G.import(ci.name.substr(5)));
    F->tee(r); F->get(r); F->op(Op::F64Sub); F->f64(0); F->op(Op::F64Ne);
    if (ci.name != "math.atan") err_if(RtError::Fallback, pos_code(e.loc));
    else F->op(Op::Drop);
    F->get(r);
    return;
  }
  if (ci.kind == CallInfo::Builtin && ci.name == "math.fabs") {
    ex_as(*e.args[0].value, kFloat);
    F->op(Op::F64Abs);
    return;
  }
}

// print, len, list, sorted, ord/chr, str, abs, float/int/bool, round, min/max, sum.
void FnGen::builtin_call(const Expr& e, const CallInfo& ci, Type t) {
  const std::string& b = ci.name;
  std::vector<const Expr*> pos;
  std::string sep = " ", end = "\n";
  for (const auto& a : e.args) {
    if (a.kind == ast::Arg::Keyword) (a.name == "sep" ? sep : end) = a.value->str;
    else pos.push_back(a.value.get());
  }
  int line = e.loc.line;
  if (b == "range") {  // a range value (typing/range_value.cpp): its start, stop and step
    std::vector<uint32_t> v;
    for (const Expr* a : pos) {
      v.push_back(tmp(WType::I64));
      ex_as(*a, kInt);
      F->set(v.back());
    }
    if (v.size() == 3) {  // step 0: ValueError, raised by the interpreter running the call
      F->get(v[2]); F->op(Op::I64Eqz); err_if(RtError::Fallback, line);
    }
    uint32_t h = tmp(WType::I32);
    F->i32(24); F->op(Op::Call, G.helper("alloc")); F->set(h);
    F->get(h);
    if (v.size() == 1) F->i64(0);
    else F->get(v[0]);
    F->mem(Op::I64Store, 3, 0);
    F->get(h); F->get(v.size() == 1 ? v[0] : v[1]); F->mem(Op::I64Store, 3, 8);
    F->get(h);
    if (v.size() == 3) F->get(v[2]);
    else F->i64(1);
    F->mem(Op::I64Store, 3, 16);
    F->get(h);
    return;
  }
  if (b == "print") {
    for (size_t i = 0; i < pos.size(); ++i) {
      if (i) put(sep);
      print_value(*pos[i]);
    }
    put(end);
    return;
  }
  if (b == "isinstance") {  // x's class is known: true when it is C or derives from it, and x is not None
    Type xt = ty(*pos[0]);
    bool derives = false;
    if (xt.is_obj())
      for (const Stmt* c = G.T.find_class(xt.class_name()); c && !derives;) {
        derives = c->name == pos[1]->name;
        c = c->bases.empty() ? nullptr : G.T.find_class(c->bases[0].value->name);
      }
    ex(*pos[0]);
    if (derives) { F->i32(0); F->op(Op::I32Ne); }
    else { F->op(Op::Drop); F->i32(0); }
    return;
  }
  if (b == "len") {
    if (const ListCache* c = cached(*pos[0])) { F->get(c->len); return; }
    ex(*pos[0]); F->mem(Op::I32Load, 2, 0); F->op(Op::I64ExtendI32U); return;
  }
  if (b == "list") {  // list(range(...)) / list(a list, str or tuple)
    const Expr& a = *pos[0];
    auto rc = S.calls.find(&a);
    if (rc != S.calls.end() && rc->second.kind == CallInfo::Builtin && rc->second.name == "range") {
      const auto& ra = a.args;
      if (ra.size() == 1) F->i64(0);
      ex_as(*ra[0].value, kInt);
      if (ra.size() >= 2) ex_as(*ra[1].value, kInt);
      if (ra.size() == 3) ex_as(*ra[2].value, kInt); else F->i64(1);
      F->op(Op::Call, G.helper("list_range"));
      return;
    }
    ex(a);
    F->op(Op::Call, G.helper(ty(a).is_str() ? "str_chars" : "list_copy"));
    return;
  }
  if (b == "sorted") {
    Type at = ty(*pos[0]);
    uint32_t l = tmp(WType::I32);
    ex(*pos[0]);
    F->op(Op::Call, G.helper(at.is_str() ? "str_chars" : "list_copy"));
    F->set(l);
    if (t.elem().known()) {
      F->get(l); F->i32(sort_reverse(e)); F->op(Op::Call, G.helper(sort_helper(t.elem())));
    }
    F->get(l);
    return;
  }
  if (b == "ord") { ex(*pos[0]); F->i32(line); F->op(Op::Call, G.helper("ord")); return; }
  if (b == "chr") { ex_as(*pos[0], kInt); F->i32(line); F->op(Op::Call, G.helper("chr")); return; }
  if (b == "str") {
    if (pos.empty()) { F->i32(static_cast<int32_t>(G.str_const(""))); return; }
    Type at = ty(*pos[0]);
    if (at.is_str()) { ex(*pos[0]); return; }
    if (at == kBool) {
      F->i32(static_cast<int32_t>(G.str_const("True")));
      F->i32(static_cast<int32_t>(G.str_const("False")));
      ex(*pos[0]);
      F->op(Op::Select);
      return;
    }
    if (at == kFloat) { ex(*pos[0]); F->op(Op::Call, G.helper("str_of_float")); return; }
    ex_as(*pos[0], kInt); F->op(Op::Call, G.helper("str_of_int"));
    return;
  }
  if (b == "abs") {
    Type at = ty(*pos[0]);
    if (at == kFloat) { ex(*pos[0]); F->op(Op::F64Abs); return; }
    if (at.is_num()) {  // int-or-float: the int's or the float's abs, boxed again
      uint32_t v = tmp(WType::I64);
      ex(*pos[0]);
      F->set(v);
      num_split(v, static_cast<int64_t>(wtype(kNum)), [&](Type k, uint32_t x) {
        if (k == kFloat) { F->get(x); F->op(Op::F64Abs); }
        else { F->i64(0); F->get(x); F->op(Op::I64Sub); F->get(x); F->get(x); F->i64(0); F->op(Op::I64LtS); F->op(Op::Select); }
        num_box(k, line);  // (-2**49 has no 50-bit abs: Overflow hands the call back)
      });
      return;
    }
    uint32_t a = tmp(WType::I64);
    ex_as(*pos[0], kInt); F->tee(a);
    F->i64(kI64Min); F->op(Op::I64Eq); err_if(RtError::Overflow, line);
    F->i64(0); F->get(a); F->op(Op::I64Sub); F->get(a); F->get(a); F->i64(0); F->op(Op::I64LtS); F->op(Op::Select);
    return;
  }
  if (b == "float") { if (pos.empty()) F->f64(0); else ex_as(*pos[0], kFloat); return; }
  if (b == "int") {
    if (pos.empty()) { F->i64(0); return; }
    Type at = ty(*pos[0]);
    if (at == kFloat) { ex(*pos[0]); F->i32(line); F->op(Op::Call, G.helper("f2i")); }
    else if (at.is_str()) { ex(*pos[0]); F->i32(line); F->op(Op::Call, G.helper("int_of_str")); }
    else ex_as(*pos[0], kInt);
    return;
  }
  if (b == "bool") { if (pos.empty()) F->i32(0); else test(*pos[0]); return; }
  if (b == "round") {
    Type at = ty(*pos[0]);
    if (at == kFloat) { ex(*pos[0]); F->op(Op::F64Nearest); F->i32(line); F->op(Op::Call, G.helper("f2i")); }
    else ex_as(*pos[0], kInt);
    return;
  }
  if (b == "min" || b == "max") {
    bool is_min = b == "min";
    WType w = wtype(t);
    uint32_t acc = tmp(w), x = tmp(w);
    auto better = [&] {  // x < acc (min) / x > acc (max): keep the first extreme, as Python
      compare(is_min ? CmpOp::Lt : CmpOp::Gt, t, x, t, acc, e.loc);
      F->block(Op::If); F->get(x); F->set(acc); F->op(Op::End);
    };
    if (pos.size() == 1) {
      uint32_t l = tmp(WType::I32), i = tmp(WType::I32);
      ex(*pos[0]); F->set(l);
      F->get(l); F->mem(Op::I32Load, 2, 0); F->op(Op::I32Eqz); err_if(RtError::Fallback, line);
      F->get(l); F->mem(Op::I32Load, 2, 8); load(t); F->set(acc);
      F->i32(1); F->set(i);
      F->block(Op::Block); F->block(Op::Loop);
      F->get(i); F->get(l); F->mem(Op::I32Load, 2, 0); F->op(Op::I32GeU); F->op(Op::BrIf, 1);
      F->get(l); F->mem(Op::I32Load, 2, 8); F->get(i); F->i32(3); F->op(Op::I32Shl); F->op(Op::I32Add); load(t); F->set(x);
      better();
      F->get(i); F->i32(1); F->op(Op::I32Add); F->set(i);
      F->op(Op::Br, 0);
      F->op(Op::End); F->op(Op::End);
      F->get(acc);
      return;
    }
    ex(*pos[0]); F->set(acc);
    for (size_t i = 1; i < pos.size(); ++i) {
      ex(*pos[i]); F->set(x);
      better();
    }
    F->get(acc);
    return;
  }
  if (b == "sum") {
    // Python adds left to right from the int 0: ints are checked (overflow falls back); a
    // float list starts from 0.0, the same value, but an empty one sums to the int 0, so it
    // falls back rather than give 0.0
    Type el = ty(*pos[0]).elem();
    bool fl = el == kFloat;
    uint32_t l = tmp(WType::I32), i = tmp(WType::I32), acc = tmp(fl ? WType::F64 : WType::I64),
             x = tmp(fl ? WType::F64 : WType::I64);
    ex(*pos[0]); F->set(l);
    if (fl) { F->get(l); F->mem(Op::I32Load, 2, 0); F->op(Op::I32Eqz); err_if(RtError::Fallback, line); }
    F->block(Op::Block); F->block(Op::Loop);
    F->get(i); F->get(l); F->mem(Op::I32Load, 2, 0); F->op(Op::I32GeU); F->op(Op::BrIf, 1);
    F->get(l); F->mem(Op::I32Load, 2, 8); F->get(i); F->i32(3); F->op(Op::I32Shl); F->op(Op::I32Add); load(el);
    convert(el, fl ? kFloat : kInt);
    F->set(x);
    if (fl) { F->get(acc); F->get(x); F->op(Op::F64Add); }
    else binop(BinOp::Add, kInt, kInt, kInt, e.loc, [&] { F->get(acc); }, [&] { F->get(x); });
    F->set(acc);
    F->get(i); F->i32(1); F->op(Op::I32Add); F->set(i);
    F->op(Op::Br, 0);
    F->op(Op::End); F->op(Op::End);
    F->get(acc);
    return;
  }
  fail("builtin " + b + "()", e.loc);
}


// l.insert(i, x): the list, the index and the value in Python's order, then the slot made
// for it; l.pop([i]): the slot's bits as the element's value.
void FnGen::list_insert_pop(const Expr& e, const CallInfo& ci, Type t) {
  Type lt = ty(*ci.attr->a);
  ex(*ci.attr->a);
  if (!e.args.empty()) ex_as(*e.args[0].value, kInt);
  if (ci.name == "insert") {
    Type vt = ty(*e.args[1].value);
    uint32_t v = tmp(wtype(vt));
    ex(*e.args[1].value); F->set(v);
    F->op(Op::Call, G.helper("list_insert"));
    F->get(v);
    store(vt);
    return;
  }
  if (e.args.empty()) F->i64(-1);  // pop() is pop(-1)
  F->op(Op::Call, G.helper("list_pop"));
  Type el = lt.elem();
  if (el == kFloat) F->op(Op::F64ReinterpretI64);
  else if (!(el == kInt || el.is_num())) F->op(Op::I32WrapI64);
  (void)t;
}

}  // namespace ml::wasm::gen
