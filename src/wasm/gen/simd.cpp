// Loops over float lists vectorized with SIMD (v128) where it pays.
#include "wasm/gen/fn_gen.h"

namespace ml::wasm::gen {

// ---- SIMD
// `for j in range(a, b): X[j] op= <e>` (or `X[j] = <e>`), where every list is indexed by
// j alone, holds floats and is cached (so no list changes length in the loop), and <e> is
// built from such elements, loop-invariant int/float locals and literals, + - * and unary
// minus. Iteration j reads and writes element j only (two lists never share data), so two
// iterations can run as one f64x2 step with the same IEEE results, in any aliasing. The
// pairs run only when every list is long enough for the whole range; otherwise the scalar
// loop runs from the start and raises IndexError where Python would. The scalar loop then
// finishes an odd last element.
bool FnGen::vec_ok(const Expr& e, const std::string& j, std::vector<const ListCache*>& lists) const {
  switch (e.kind) {
    case ExprKind::Float: return true;
    case ExprKind::Int: return e.int_fits;
    case ExprKind::Name: {
      const NameRef* r = local_name(e);
      Type t = ty(e);
      return r && r->key != j && (t == kFloat || t == kInt) && !S.unbound_reads.count(&e);
    }
    case ExprKind::Subscript: {
      const NameRef* ix = local_name(*e.b);
      const ListCache* c = cached(*e.a);
      if (!ix || ix->key != j || !c || !(ty(e) == kFloat)) return false;
      lists.push_back(c);
      return true;
    }
    case ExprKind::BinOp:
      if (!(ty(e) == kFloat) || (e.bin != BinOp::Add && e.bin != BinOp::Sub && e.bin != BinOp::Mul)) return false;
      return vec_ok(*e.a, j, lists) && vec_ok(*e.b, j, lists);
    case ExprKind::UnaryOp:
      return e.un == ast::UnaryOp::Neg && ty(e) == kFloat && vec_ok(*e.a, j, lists);
    default: return false;
  }
}

// the invariant leaves of a vectorized expression, each splat once before the loop
void FnGen::vec_splats(const Expr& e, std::map<const Expr*, uint32_t>& splats) {
  switch (e.kind) {
    case ExprKind::Float: F->f64(e.num); break;
    case ExprKind::Int: F->f64(static_cast<double>(e.ival)); break;
    case ExprKind::Name: get_var(e); convert(ty(e), kFloat); break;
    case ExprKind::Subscript: return;
    default:
      if (e.a) vec_splats(*e.a, splats);
      if (e.kind == ExprKind::BinOp) vec_splats(*e.b, splats);
      return;
  }
  F->op(Op::F64x2Splat);
  uint32_t v = tmp(WType::V128);
  F->set(v);
  splats[&e] = v;
}

void FnGen::vec_emit(const Expr& e, uint32_t off, const std::map<const Expr*, uint32_t>& splats) {
  switch (e.kind) {
    case ExprKind::Subscript:
      F->get(cached(*e.a)->data); F->get(off); F->op(Op::I32Add); F->mem(Op::V128Load, 3);
      return;
    case ExprKind::BinOp:
      vec_emit(*e.a, off, splats);
      vec_emit(*e.b, off, splats);
      F->op(e.bin == BinOp::Add ? Op::F64x2Add : e.bin == BinOp::Sub ? Op::F64x2Sub : Op::F64x2Mul);
      return;
    case ExprKind::UnaryOp:
      vec_emit(*e.a, off, splats);
      F->op(Op::F64x2Neg);
      return;
    default: F->get(splats.at(&e)); return;
  }
}

// Runs the leading pairs of iterations of a range(cur, stop) loop with step 1 as SIMD
// when the body has the shape above; leaves `cur` at the first iteration not run.
void FnGen::simd_prefix(const ast::Body& body, const NameRef& target, uint32_t cur, uint32_t stop) {
  if (!G.o.simd || body.size() != 1) return;
  const Stmt& s = *body[0];
  if (!s.value || s.targets.size() != 1) return;
  const Expr& tg = *s.targets[0];
  const Expr& val = *s.value;
  if (tg.kind != ExprKind::Subscript || !S.types.count(&val)) return;
  bool aug = s.kind == StmtKind::AugAssign;
  if (aug) {
    if (s.op != BinOp::Add && s.op != BinOp::Sub && s.op != BinOp::Mul) return;
  } else if (s.kind != StmtKind::Assign || !(ty(val) == kFloat)) {
    return;
  }
  std::vector<const ListCache*> lists;
  if (tg.kind != ExprKind::Subscript || !vec_ok(tg, target.key, lists) || !vec_ok(val, target.key, lists)) return;
  std::sort(lists.begin(), lists.end());
  lists.erase(std::unique(lists.begin(), lists.end()), lists.end());
  const ListCache* x = cached(*tg.a);
  std::map<const Expr*, uint32_t> splats;
  vec_splats(val, splats);
  uint32_t n2 = tmp(WType::I64), off = tmp(WType::I32), end = tmp(WType::I32), addr = tmp(WType::I32);
  // 0 <= cur, 2 <= stop - cur, stop <= len(L) for every list L
  F->get(cur); F->i64(0); F->op(Op::I64GeS);
  F->get(stop); F->get(cur); F->op(Op::I64Sub); F->i64(2); F->op(Op::I64GeS); F->op(Op::I32And);
  for (const ListCache* c : lists) { F->get(stop); F->get(c->len); F->op(Op::I64LeS); F->op(Op::I32And); }
  F->block(Op::If);
  F->get(stop); F->get(cur); F->op(Op::I64Sub); F->i64(-2); F->op(Op::I64And); F->set(n2);
  F->get(cur); F->op(Op::I32WrapI64); F->i32(3); F->op(Op::I32Shl); F->set(off);
  F->get(cur); F->get(n2); F->op(Op::I64Add); F->op(Op::I32WrapI64); F->i32(3); F->op(Op::I32Shl); F->set(end);
  F->block(Op::Loop);
  F->get(x->data); F->get(off); F->op(Op::I32Add); F->tee(addr);
  if (aug) {
    F->get(addr); F->mem(Op::V128Load, 3);
    vec_emit(val, off, splats);
    F->op(s.op == BinOp::Add ? Op::F64x2Add : s.op == BinOp::Sub ? Op::F64x2Sub : Op::F64x2Mul);
  } else {
    vec_emit(val, off, splats);
  }
  F->mem(Op::V128Store, 3);
  F->get(off); F->i32(16); F->op(Op::I32Add); F->tee(off);
  F->get(end); F->op(Op::I32LtU); F->op(Op::BrIf, 0);
  F->op(Op::End);
  F->get(cur); F->get(n2); F->op(Op::I64Add); F->set(cur);
  F->get(cur); F->i64(1); F->op(Op::I64Sub); set_var(target);  // as the last iteration left it
  F->op(Op::End);
}

}  // namespace ml::wasm::gen
