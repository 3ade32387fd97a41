// Int-or-float values (Type kNum): a variable Python lets hold an int at one time and a float
// at another (`total = 0` then `total += x * 0.5`) is one i64 in compiled code, NaN-boxed:
// a float is its own bits (a NaN made canonical), an int is a signalling-NaN pattern that
// arithmetic never produces, with the int in its low 50 bits. An int beyond 50 bits stops
// the call (Overflow: the interpreter runs it), so values are never wrong. Every operation on
// such a value tests which of the two it holds and runs the int or the float code for it,
// so results (and what print shows, `1` or `1.0`) are Python's.
#include "wasm/gen/fn_gen.h"

namespace ml::wasm::gen {

namespace {
constexpr int64_t kIntTag = static_cast<int64_t>(kNumIntTag);
constexpr int64_t kPayload = static_cast<int64_t>(kNumPayload);
constexpr int64_t kTagShifted = static_cast<int64_t>(kNumIntTag >> 50);
constexpr int64_t kNaN = static_cast<int64_t>(kCanonicalNaN);
}  // namespace

// int (i64), bool (i32) or float (f64) on the stack -> its int-or-float bits
void FnGen::num_box(Type from, int line) {
  if (from == kFloat) {
    uint32_t f = tmp(WType::F64);
    F->set(f);
    F->i64(kNaN);
    F->get(f); F->op(Op::I64ReinterpretF64);
    F->get(f); F->get(f); F->op(Op::F64Ne);  // x != x: a NaN, whatever its bits
    F->op(Op::Select);
    return;
  }
  if (from == kBool) F->op(Op::I64ExtendI32U);
  uint32_t i = tmp(WType::I64);
  F->tee(i);
  F->i64(14); F->op(Op::I64Shl); F->i64(14); F->op(Op::I64ShrS);
  F->get(i); F->op(Op::I64Ne);
  err_if(RtError::Overflow, line);
  F->get(i); F->i64(kPayload); F->op(Op::I64And); F->i64(kIntTag); F->op(Op::I64Or);
}

// Runs k(kInt, local holding the int) or k(kFloat, local holding the float) for the
// int-or-float in local `v`; `bt` is the block type of what k leaves on the stack.
void FnGen::num_split(uint32_t v, int64_t bt, const std::function<void(Type, uint32_t)>& k) {
  F->get(v); F->i64(50); F->op(Op::I64ShrU); F->i64(kTagShifted); F->op(Op::I64Eq);
  open(Op::If, bt);
  uint32_t i = tmp(WType::I64);
  F->get(v); F->i64(14); F->op(Op::I64Shl); F->i64(14); F->op(Op::I64ShrS); F->set(i);
  k(kInt, i);
  F->op(Op::Else);
  uint32_t f = tmp(WType::F64);
  F->get(v); F->op(Op::F64ReinterpretI64); F->set(f);
  k(kFloat, f);
  close();
}

// A value of `from` (int-or-float) on the stack -> `to` (float, or bool as its truth value)
void FnGen::num_unbox(Type to) {
  uint32_t v = tmp(WType::I64);
  F->set(v);
  num_split(v, static_cast<int64_t>(wtype(to)), [&](Type t, uint32_t x) {
    F->get(x);
    if (to == kBool) truthy(t);
    else convert(t, to);
  });
}

// a op b where a or b is int-or-float: the int or float operation for what each holds
void FnGen::num_binop(BinOp op, Type lt, Type rt, Type res, Loc loc, const std::function<void()>& pl,
                      const std::function<void()>& pr) {
  uint32_t a = tmp(wtype(lt)), b = tmp(wtype(rt));
  pl(); F->set(a);
  pr(); F->set(b);
  int64_t bt = static_cast<int64_t>(wtype(res));
  num_split_or(lt, a, bt, [&](Type l, uint32_t x) {
    num_split_or(rt, b, bt, [&](Type r, uint32_t y) {
      Type t = arith_type(op, l, r);
      binop(op, l, r, t, loc, [&] { F->get(x); }, [&] { F->get(y); });
      convert(t, res, loc);
    });
  });
}

// a op b (comparison) where a or b is int-or-float: i32 on the stack
void FnGen::num_compare(CmpOp op, Type lt, uint32_t a, Type rt, uint32_t b, Loc loc) {
  int64_t bt = static_cast<int64_t>(WType::I32);
  num_split_or(lt, a, bt, [&](Type l, uint32_t x) {
    num_split_or(rt, b, bt, [&](Type r, uint32_t y) { compare(op, l, x, r, y, loc); });
  });
}

void FnGen::num_print() {
  uint32_t v = tmp(WType::I64);
  F->set(v);
  num_split(v, kVoidBlock, [&](Type t, uint32_t x) {
    F->get(x);
    F->op(Op::Call, G.import(t == kInt ? "print_i64" : "print_f64"));
  });
}

void FnGen::num_split_or(Type t, uint32_t v, int64_t bt, const std::function<void(Type, uint32_t)>& k) {
  if (t.is_num()) num_split(v, bt, k);
  else k(t, v);
}

}  // namespace ml::wasm::gen
