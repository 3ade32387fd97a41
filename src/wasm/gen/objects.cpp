// Instances made in compiled code (`Cls(args)`), lists of empty slots (`[None] * n`), and the
// check that an instance used is not such an empty slot.
#include "wasm/gen/fn_gen.h"
#include "wasm/typing/func_typer.h"

namespace ml::wasm::gen {

// Cls(args): the arguments in order, then the instance (a list header and one zeroed slot
// per field, like a tuple), then Cls.__init__(instance, args); the value is the instance.
void FnGen::construct(const Expr& e, const CallInfo& ci) {
  Type t = ty(e);
  std::vector<uint32_t> vs;
  size_t n_args = ci.callee ? ci.callee->params.size() - 1 : e.args.size();
  for (size_t i = 0; i < n_args; ++i) {
    const Expr& a = ci.callee ? *arg_or_default(e, ci.callee, i, 1) : *e.args[i].value;
    Type want = ci.callee ? ci.callee->params[i + 1] : ty(a);
    uint32_t v = tmp(wtype(want));
    ex_as(a, want);
    F->set(v);
    vs.push_back(v);
  }
  int32_t n = static_cast<int32_t>(t.fields().size());
  uint32_t h = tmp(WType::I32);
  F->i32(static_cast<int32_t>(kListHeader + n * kSlot)); F->op(Op::Call, G.helper("alloc")); F->set(h);
  F->get(h); F->i32(n); F->mem(Op::I32Store, 2, 0);
  F->get(h); F->i32(n); F->mem(Op::I32Store, 2, 4);
  F->get(h); F->get(h); F->i32(kListHeader); F->op(Op::I32Add); F->mem(Op::I32Store, 2, 8);
  F->get(h); F->i32(0); F->mem(Op::I32Store, 2, 12);
  for (int32_t i = 0; i < n; ++i) {  // (the allocator does not clear what an earlier call left)
    F->get(h); F->i64(0); F->mem(Op::I64Store, 3, static_cast<uint32_t>(kListHeader + i * kSlot));
  }
  if (ci.callee) {
    F->get(h);
    for (uint32_t v : vs) F->get(v);
    F->get(rem);
    F->op(Op::Call, G.func_for(ci.callee));
  }
  F->get(h);
}

// [None] * n: a one-slot list holding 0 (an empty slot), repeated.
void FnGen::none_fill_list(const Expr& e, const Expr& count) {
  uint32_t n = tmp(WType::I64), l = tmp(WType::I32);
  ex_as(count, kInt);
  F->set(n);
  F->i32(1); F->i32(1); F->op(Op::Call, G.helper("list_new")); F->tee(l);
  F->mem(Op::I32Load, 2, 8); F->i64(0); F->mem(Op::I64Store, 3, 0);
  F->get(l); F->get(n); F->op(Op::Call, G.helper("list_repeat"));
  (void)e;
}

// The instance `o` evaluates to, on the stack. An empty slot of a `[None] * n` list is None
// here: Python raises AttributeError (or runs the method on None), so the interpreter runs the
// call. A method's own instance was checked by its caller.
void FnGen::instance(const Expr& o) {
  ex(o);
  if (o.kind == ExprKind::Name && S.def && S.def->params && !S.def->params->args.empty() &&
      S.def->params->args[0].name == o.name && G.T.qualname(S.def) != S.def->name) {
    const NameRef* r = local_name(o);
    if (r && r->key == o.name && !assigned_in_body(o.name)) return;
  }
  uint32_t v = tmp(WType::I32);
  F->tee(v); F->op(Op::I32Eqz); err_if(RtError::Fallback, pos_code(o.loc));
  F->get(v);
}

bool FnGen::assigned_in_body(const std::string& name) {
  if (!self_assigned_) {
    std::set<std::string> a;
    collect_assigned(S.def->body, a);
    self_assigned_ = a.count(name) > 0;
  }
  return *self_assigned_;
}

}  // namespace ml::wasm::gen

namespace ml::wasm::gen {

// a op b calling an operator method: a then b evaluated, then the method called on the
// instance it belongs to (checked not to be an empty slot) with the other operand.
void FnGen::operator_call(const Expr& e, const CallInfo& ci) {
  const Expr& self = ci.reflected ? *e.b : *e.a;
  const Expr& other = ci.reflected ? *e.a : *e.b;
  Type ot = ci.callee->params[1];
  if (!ci.reflected) {
    instance(self);
    ex_as(other, ot);
  } else {
    uint32_t o = tmp(wtype(ot));
    ex_as(other, ot);
    F->set(o);
    instance(self);
    F->get(o);
  }
  F->get(rem);
  F->op(Op::Call, G.func_for(ci.callee));
}

// The call's i-th written argument, or the callee's default for it (a literal the typer
// took); `first`: the callee's parameters before the written ones (an instance).
const Expr* FnGen::arg_or_default(const Expr& e, const FuncSpec* callee, size_t i, size_t first) const {
  if (i < e.args.size()) return e.args[i].value.get();
  return callee->def->params->args[i + first].default_value.get();
}

bool FnGen::calls_program(const Expr& e) const {
  if (has_call(e)) return true;
  if (e.kind == ExprKind::BinOp && S.calls.count(&e)) return true;
  for (const Expr* c : {e.a.get(), e.b.get(), e.c.get()})
    if (c && calls_program(*c)) return true;
  for (const auto& i : e.items)
    if (calls_program(*i)) return true;
  return false;
}

}  // namespace ml::wasm::gen
