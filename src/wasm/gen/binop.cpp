// Binary operators on ints, floats, strings, lists and tuples, with Python's semantics (checked
// overflow, floor division and modulo signs).
#include "wasm/gen/fn_gen.h"

namespace ml::wasm::gen {

// Arithmetic on two values pushed by pl/pr (types lt/rt), result type rt_res; le/re are
// the operand expressions when known (an int literal gets a cheaper overflow check).
void FnGen::binop(BinOp op, Type lt, Type rt, Type res, Loc loc, const std::function<void()>& pl,
           const std::function<void()>& pr, const Expr* le, const Expr* re) {
  int line = pos_code(loc);
  if (lt.is_num() || rt.is_num()) { num_binop(op, lt, rt, res, loc, pl, pr); return; }
  if (res.is_tuple()) { pl(); pr(); F->op(Op::Call, G.helper("tuple_concat")); return; }
  if (res.is_str() || res.is_list()) {  // concatenation, or repetition (seq * n, n * seq)
    bool str = res.is_str();
    if (op == BinOp::Add) { pl(); pr(); F->op(Op::Call, G.helper(str ? "str_concat" : "list_concat")); return; }
    if (str ? lt.is_str() : lt.is_list()) { pl(); pr(); convert(rt, kInt); }
    else {
      uint32_t n = tmp(WType::I64);
      pl(); convert(lt, kInt); F->set(n);
      pr(); F->get(n);
    }
    F->op(Op::Call, G.helper(str ? "str_repeat" : "list_repeat"));
    return;
  }
  if (res == kBool) {  // & | ^ on two bools
    pl(); pr();
    F->op(op == BinOp::BitAnd ? Op::I32And : op == BinOp::BitOr ? Op::I32Or : Op::I32Xor);
    return;
  }
  bool fl = lt == kFloat || rt == kFloat;
  Type dom = fl ? kFloat : kInt;
  if (!fl && (op == BinOp::Add || op == BinOp::Sub)) {
    // x + c, x - c, c + x with an int literal c: one comparison against a bound
    std::optional<int64_t> rc = rt == kInt ? int_literal(re) : std::nullopt;
    std::optional<int64_t> lc = !rc && lt == kInt && op == BinOp::Add ? int_literal(le) : std::nullopt;
    if (rc || lc) {
      int64_t c = rc ? *rc : *lc;
      uint32_t x = tmp(WType::I64);
      if (rc) { pl(); convert(lt, kInt); }
      else { pr(); convert(rt, kInt); }
      F->set(x);
      bool add = op == BinOp::Add;
      // x - c (c > 0) or x + c (c < 0) with x known to be >= 0 stays above INT64_MIN
      bool safe = rc && (add ? c < 0 : c > 0) && le && is_nonneg(*le);
      if (c != 0 && !safe) {
        // add c>0: x > MAX-c; add c<0: x < MIN-c; sub c>0: x < MIN+c; sub c<0: x > MAX+c
        bool up = add == (c > 0);
        F->get(x);
        F->i64(up ? (add ? INT64_MAX - c : INT64_MAX + c) : (add ? kI64Min - c : kI64Min + c));
        F->op(up ? Op::I64GtS : Op::I64LtS);
        err_if(RtError::Overflow, line);
      }
      F->get(x); F->i64(c); F->op(add ? Op::I64Add : Op::I64Sub);
      return;
    }
  }
  if (!fl && (op == BinOp::Mul || op == BinOp::Mod || op == BinOp::FloorDiv)) {
    // x * c, c * x, x % c, x // c with an int literal c > 0: no helper call
    std::optional<int64_t> rc = rt == kInt ? int_literal(re) : std::nullopt;
    std::optional<int64_t> lc = !rc && lt == kInt && op == BinOp::Mul ? int_literal(le) : std::nullopt;
    std::optional<int64_t> c = rc ? rc : lc;
    if (c && *c > 0) {
      uint32_t x = tmp(WType::I64);
      if (rc) { pl(); convert(lt, kInt); }
      else { pr(); convert(rt, kInt); }
      F->set(x);
      int64_t k = *c;
      bool pow2 = (k & (k - 1)) == 0;
      int shift = 0;
      while (pow2 && (int64_t(1) << shift) != k) ++shift;
      if (op == BinOp::Mul) {
        if (k > 1) {  // overflows unless MIN / k <= x <= MAX / k: one unsigned comparison
          int64_t lo = kI64Min / k, hi = INT64_MAX / k;
          F->get(x); F->i64(lo); F->op(Op::I64Sub);
          F->i64(static_cast<int64_t>(static_cast<uint64_t>(hi) - static_cast<uint64_t>(lo)));
          F->op(Op::I64GtU);
          err_if(RtError::Overflow, line);
        }
        F->get(x); F->i64(k); F->op(Op::I64Mul);
      } else if (op == BinOp::Mod) {  // Python's sign: the divisor's (non-negative)
        if (pow2) { F->get(x); F->i64(k - 1); F->op(Op::I64And); }
        else {
          uint32_t r = tmp(WType::I64);
          F->get(x); F->i64(k); F->op(Op::I64RemS); F->tee(r);
          F->get(r); F->i64(63); F->op(Op::I64ShrS); F->i64(k); F->op(Op::I64And);
          F->op(Op::I64Add);
        }
      } else {  // floor division
        if (pow2) { F->get(x); F->i64(shift); F->op(Op::I64ShrS); }
        else {
          F->get(x); F->i64(k); F->op(Op::I64DivS);
          F->get(x); F->i64(k); F->op(Op::I64RemS); F->i64(0); F->op(Op::I64LtS);
          F->op(Op::I64ExtendI32U); F->op(Op::I64Sub);
        }
      }
      return;
    }
  }
  pl(); convert(lt, dom);
  pr(); convert(rt, dom);
  if (fl) {
    switch (op) {
      case BinOp::Add: F->op(Op::F64Add); return;
      case BinOp::Sub: F->op(Op::F64Sub); return;
      case BinOp::Mul: F->op(Op::F64Mul); return;
      case BinOp::Div: {
        uint32_t a = tmp(WType::F64), b = tmp(WType::F64);
        F->set(b); F->set(a);
        F->get(b); F->f64(0); F->op(Op::F64Eq); err_if(RtError::FloatZeroDivision, line);
        F->get(a); F->get(b); F->op(Op::F64Div);
        return;
      }
      case BinOp::FloorDiv: F->i32(line); F->op(Op::Call, G.helper("floordiv_f")); return;
      case BinOp::Mod: F->i32(line); F->op(Op::Call, G.helper("mod_f")); return;
      case BinOp::Pow: F->i32(line); F->op(Op::Call, G.helper("pow_f")); return;
      default: fail("float operator", loc);
    }
  }
  switch (op) {
    case BinOp::Add:
    case BinOp::Sub: {
      uint32_t a = tmp(WType::I64), b = tmp(WType::I64), r = tmp(WType::I64);
      F->set(b); F->set(a);
      F->get(a); F->get(b); F->op(op == BinOp::Add ? Op::I64Add : Op::I64Sub); F->set(r);
      if (op == BinOp::Add) {  // ((a ^ r) & (b ^ r)) < 0
        F->get(a); F->get(r); F->op(Op::I64Xor); F->get(b); F->get(r); F->op(Op::I64Xor);
      } else {  // ((a ^ b) & (a ^ r)) < 0
        F->get(a); F->get(b); F->op(Op::I64Xor); F->get(a); F->get(r); F->op(Op::I64Xor);
      }
      F->op(Op::I64And); F->i64(0); F->op(Op::I64LtS);
      err_if(RtError::Overflow, line);
      F->get(r);
      return;
    }
    case BinOp::Mul: F->i32(line); F->op(Op::Call, G.helper("mul_ovf")); return;
    case BinOp::FloorDiv: F->i32(line); F->op(Op::Call, G.helper("floordiv_i")); return;
    case BinOp::Mod: F->i32(line); F->op(Op::Call, G.helper("mod_i")); return;
    case BinOp::Pow: F->i32(line); F->op(Op::Call, G.helper("pow_i")); return;
    case BinOp::Div: F->i32(line); F->op(Op::Call, G.helper("truediv_i")); return;
    case BinOp::LShift: F->i32(line); F->op(Op::Call, G.helper("shl")); return;
    case BinOp::RShift: F->i32(line); F->op(Op::Call, G.helper("shr")); return;
    case BinOp::BitAnd: F->op(Op::I64And); return;
    case BinOp::BitOr: F->op(Op::I64Or); return;
    case BinOp::BitXor: F->op(Op::I64Xor); return;
    default: fail("operator @", loc);
  }
}

}  // namespace ml::wasm::gen
