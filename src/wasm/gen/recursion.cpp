// Self-recursion: tail calls turned into loops, base cases checked before a call, small recursive
// bodies inlined, and the call-depth budget.
#include "wasm/gen/fn_gen.h"

namespace ml::wasm::gen {

// The arguments of a call of this same function, evaluated in order into fresh locals.
std::vector<uint32_t> FnGen::self_call_args(const Expr& call) {
  std::vector<uint32_t> vals;
  for (size_t i = 0; i < call.args.size(); ++i) {
    uint32_t v = tmp(wtype(S.params[i]));
    ex_as(*call.args[i].value, S.params[i]);
    F->set(v);
    vals.push_back(v);
  }
  return vals;
}

void FnGen::tail_return(const Stmt& s, const TailForm& tf) {
  auto add_a = [&] {
    if (is_self_call(*tf.a) && inlinable()) {
      inline_self_call(*tf.a, /*into_acc=*/true);
      return;
    }
    binop(BinOp::Add, kInt, ty(*tf.a), kInt, s.loc, [&] { F->get(acc); }, [&] { ex(*tf.a); }, nullptr, tf.a);
    F->set(acc);
  };
  if (!tf.call_first) add_a();
  std::vector<uint32_t> vals = self_call_args(*tf.call);
  if (tf.call_first) add_a();
  for (size_t i = 0; i < vals.size(); ++i) { F->get(vals[i]); F->set(locals.at(S.param_keys[i])); }
  F->get(rem); F->op(Op::I32Eqz); err_if(RtError::Recursion, S.def->loc.line);
  F->get(rem); F->i32(1); F->op(Op::I32Sub); F->set(rem);
  for (size_t i = ctl.size(); i-- > 0;)
    if (ctl[i].tail) { F->op(Op::Br, static_cast<int64_t>(ctl.size() - 1 - i)); return; }
  throw std::logic_error("no tail loop");
}

bool FnGen::pure(const Expr& e) const {
  switch (e.kind) {
    case ExprKind::Int: case ExprKind::Float: case ExprKind::True: case ExprKind::False: return true;
    case ExprKind::Name: {
      auto n = S.names.find(&e);
      if (n == S.names.end() || n->second.kind != NameRef::Local) return false;
      bool param = std::find(S.param_keys.begin(), S.param_keys.end(), n->second.key) != S.param_keys.end();
      return param && ty(e).numeric();
    }
    case ExprKind::UnaryOp: return (e.un == ast::UnaryOp::Neg || e.un == ast::UnaryOp::Not) && pure(*e.a);
    case ExprKind::BinOp:
      return (e.bin == BinOp::Add || e.bin == BinOp::Sub || e.bin == BinOp::Mul) && pure(*e.a) && pure(*e.b);
    case ExprKind::Compare:
      if (!pure(*e.a)) return false;
      for (const auto& i : e.items)
        if (!pure(*i)) return false;
      return true;
    case ExprKind::BoolOp:
      for (const auto& i : e.items)
        if (!pure(*i)) return false;
      return true;
    default: return false;
  }
}

const FnGen::BaseCase* FnGen::base_case() {
  if (!base_known_) {
    base_known_ = true;
    if (S.def && G.recursive.count(&S) && S.ret.numeric()) {
      const ast::Body& b = S.def->body;
      size_t i = 0;
      if (i < b.size() && b[i]->kind == StmtKind::Expr && b[i]->value && b[i]->value->kind == ExprKind::Str) ++i;
      if (i < b.size()) {
        const Stmt& st = *b[i];
        if (st.kind == StmtKind::If && st.orelse.empty() && st.body.size() == 1 &&
            st.body[0]->kind == StmtKind::Return && st.body[0]->value && S.types.count(st.value.get()) &&
            S.types.count(st.body[0]->value.get()) && pure(*st.value) && pure(*st.body[0]->value))
          base_ = BaseCase{st.value.get(), st.body[0]->value.get()};
      }
    }
  }
  return base_ ? &*base_ : nullptr;
}

void FnGen::self_call_with_base_case(const Expr& e, uint32_t h) {
  std::vector<uint32_t> vals = self_call_args(e);
  F->get(rem); F->op(Op::I32Eqz); err_if(RtError::Recursion, S.def->loc.line);
  std::map<std::string, uint32_t> saved;
  for (size_t i = 0; i < vals.size(); ++i) {
    saved[S.param_keys[i]] = locals.at(S.param_keys[i]);
    locals[S.param_keys[i]] = vals[i];
  }
  test(*base_->cond);
  F->block(Op::If, static_cast<int64_t>(wtype(S.ret)));
  ex_as(*base_->value, S.ret);
  for (const auto& [k, v] : saved) locals[k] = v;
  F->op(Op::Else);
  for (uint32_t v : vals) F->get(v);
  F->get(rem);
  F->op(Op::Call, h);
  F->op(Op::End);
}

int FnGen::size_of(const Expr* e) {
  if (!e) return 0;
  int n = 1 + size_of(e->a.get()) + size_of(e->b.get()) + size_of(e->c.get());
  for (const auto& i : e->items) n += size_of(i.get());
  for (const auto& a : e->args) n += size_of(a.value.get());
  if (!e->gens.empty() || !e->values.empty() || e->params) n += 1000;  // comprehensions, dicts, lambdas: no
  return n;
}

int FnGen::size_of(const ast::Body& b) {
  int n = 0;
  for (const auto& st : b) {
    if (st->kind == StmtKind::FunctionDef || st->kind == StmtKind::ClassDef || st->kind == StmtKind::Try ||
        st->kind == StmtKind::With || st->kind == StmtKind::Match)
      return 1000;
    n += 1 + size_of(st->value.get()) + size_of(st->iter.get()) + size_of(st->body) + size_of(st->orelse);
    for (const auto& t : st->targets) n += size_of(t.get());
  }
  return n;
}

bool FnGen::inlinable() {
  if (inline_depth_ > 1) return false;
  if (!inlinable_) {
    // (not with bound flags: the inlined level would reuse them, and they must start at 0)
    bool ok = S.def && G.recursive.count(&S) && S.ret.numeric() && size_of(S.def->body) <= 48 && S.unbound_reads.empty();
    for (const Type& t : S.params) ok = ok && t.numeric();
    for (const auto& [k, t] : S.locals) ok = ok && !t.is_list();
    inlinable_ = ok;
  }
  return *inlinable_;
}

void FnGen::inline_self_call(const Expr& e, bool into_acc) {
  std::vector<uint32_t> vals = self_call_args(e);
  // the callee's own state, on fresh locals
  auto saved_locals = locals;
  auto saved_cache = cache;
  auto saved_nonneg = nonneg;
  bool saved_tail = tail_mode;
  uint32_t saved_acc = acc, saved_rem = rem;
  int saved_ret = inline_ret_;
  bool saved_into = inline_into_acc_;
  for (const auto& [k, t] : S.locals) locals[k] = tmp(wtype(t), k + ".inl");
  for (size_t i = 0; i < vals.size(); ++i) locals[S.param_keys[i]] = vals[i];
  cache.clear();
  nonneg.clear();
  rem = tmp(WType::I32, "rem.inl");
  F->get(saved_rem); F->set(rem);
  guard_ = guard_fact();
  ++inline_depth_;
  tail_mode = S.ret == kInt && has_tail_return(S.def->body);
  inline_into_acc_ = into_acc && tail_mode;
  F->block(Op::Block, inline_into_acc_ ? kVoidBlock : static_cast<int64_t>(wtype(S.ret)));
  ctl.push_back({});
  inline_ret_ = static_cast<int>(ctl.size()) - 1;
  enter(S.def->loc.line);
  if (tail_mode) {
    if (!inline_into_acc_) {
      acc = tmp(WType::I64, "acc.inl");
      F->i64(0); F->set(acc);
    }
    F->block(Op::Loop);
    ctl.push_back({false, false, true});
  }
  stmts(S.def->body);
  if (tail_mode) close();
  if (S.ret.is_obj()) F->i32(0);  // falling off the end returns None
  else F->op(Op::Unreachable);    // every path returned
  close();
  --inline_depth_;
  inline_into_acc_ = saved_into;
  locals = std::move(saved_locals);
  cache = std::move(saved_cache);
  nonneg = std::move(saved_nonneg);
  tail_mode = saved_tail;
  acc = saved_acc;
  rem = saved_rem;
  inline_ret_ = saved_ret;
}

}  // namespace ml::wasm::gen
