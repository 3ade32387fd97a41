// Runtime helpers for arithmetic with Python's semantics: checked multiplication, floor division,
// modulo, powers, shifts, int/float comparison and conversion.
#include "wasm/rt/helpers.h"

namespace ml::wasm::gen {

namespace {

void emit_mul_ovf(Gen& G, Function& f, Emit& e, const std::string& name) {
  f.local_names = {"a", "b", "line"};
  uint32_t r = f.add_local(I64, "r");
  f.get(0); f.get(1); f.op(Op::I64Mul); f.set(r);
  // both factors fit in 32 bits: the product fits in 64
  f.get(0); f.i64(0x80000000LL); f.op(Op::I64Add); f.i64(0x100000000LL); f.op(Op::I64LtU);
  f.get(1); f.i64(0x80000000LL); f.op(Op::I64Add); f.i64(0x100000000LL); f.op(Op::I64LtU);
  f.op(Op::I32And);
  f.block(Op::If); f.get(r); f.op(Op::Return); f.op(Op::End);
  f.get(0); f.op(Op::I64Eqz);
  f.block(Op::If); f.i64(0); f.op(Op::Return); f.op(Op::End);
  f.get(0); f.i64(-1); f.op(Op::I64Eq);
  f.block(Op::If);
  f.get(1); f.i64(kI64Min); f.op(Op::I64Eq); if_err_dyn(G, f, RtError::Overflow, 2);
  f.get(r); f.op(Op::Return);
  f.op(Op::End);
  f.get(r); f.get(0); f.op(Op::I64DivS); f.get(1); f.op(Op::I64Ne); if_err_dyn(G, f, RtError::Overflow, 2);
  f.get(r);
}

void emit_floordiv_i(Gen& G, Function& f, Emit& e, const std::string& name) {
  f.local_names = {"a", "b", "line"};
  uint32_t r = f.add_local(I64, "r");
  f.get(1); f.op(Op::I64Eqz);
  if_err_dyn(G, f, name == "floordiv_i" ? RtError::IntFloorDivZero : RtError::IntModZero, 2);
  f.get(1); f.i64(-1); f.op(Op::I64Eq);
  f.block(Op::If);
  if (name == "floordiv_i") {
    f.get(0); f.i64(kI64Min); f.op(Op::I64Eq); if_err_dyn(G, f, RtError::Overflow, 2);
    f.i64(0); f.get(0); f.op(Op::I64Sub); f.op(Op::Return);
  } else {
    f.i64(0); f.op(Op::Return);
  }
  f.op(Op::End);
  f.get(0); f.get(1); f.op(Op::I64RemS); f.set(r);
  if (name == "floordiv_i") {
    f.get(0); f.get(1); f.op(Op::I64DivS);
    // q - ((r != 0) & ((r ^ b) < 0))
    f.get(r); f.i64(0); f.op(Op::I64Ne);
    f.get(r); f.get(1); f.op(Op::I64Xor); f.i64(0); f.op(Op::I64LtS);
    f.op(Op::I32And); f.op(Op::I64ExtendI32U); f.op(Op::I64Sub);
  } else {
    f.get(r);
    f.get(r); f.i64(0); f.op(Op::I64Ne);
    f.get(r); f.get(1); f.op(Op::I64Xor); f.i64(0); f.op(Op::I64LtS);
    f.op(Op::I32And);
    f.block(Op::If, static_cast<int64_t>(I64));
    f.get(1);
    f.op(Op::Else);
    f.i64(0);
    f.op(Op::End);
    f.op(Op::I64Add);
  }
}

void emit_pow_i(Gen& G, Function& f, Emit& e, const std::string& name) {
  f.local_names = {"a", "b", "line"};
  uint32_t r = f.add_local(I64, "r");
  f.get(1); f.i64(0); f.op(Op::I64LtS); if_err_dyn(G, f, RtError::Fallback, 2);
  f.i64(1); f.set(r);
  f.block(Op::Block); f.block(Op::Loop);
  f.get(1); f.op(Op::I64Eqz); f.op(Op::BrIf, 1);
  f.get(1); f.i64(1); f.op(Op::I64And); f.i64(0); f.op(Op::I64Ne);
  f.block(Op::If); f.get(r); f.get(0); f.get(2); f.op(Op::Call, G.helper("mul_ovf")); f.set(r); f.op(Op::End);
  f.get(1); f.i64(1); f.op(Op::I64ShrS); f.tee(1);
  f.op(Op::I64Eqz); f.op(Op::BrIf, 1);
  f.get(0); f.get(0); f.get(2); f.op(Op::Call, G.helper("mul_ovf")); f.set(0);
  f.op(Op::Br, 0);
  f.op(Op::End); f.op(Op::End);
  f.get(r);
}

void emit_truediv_i(Gen& G, Function& f, Emit& e, const std::string& name) {
  f.local_names = {"a", "b", "line"};
  f.get(1); f.op(Op::I64Eqz); if_err_dyn(G, f, RtError::ZeroDivision, 2);
  // exact only when both fit in 53 bits; otherwise the interpreter divides exactly
  for (uint32_t v : {0u, 1u}) {
    f.get(v); f.i64(1LL << 53); f.op(Op::I64Add); f.i64(1LL << 54); f.op(Op::I64GtU);
    if_err_dyn(G, f, RtError::Fallback, 2);
  }
  f.get(0); f.op(Op::F64ConvertI64S); f.get(1); f.op(Op::F64ConvertI64S); f.op(Op::F64Div);
}

void emit_shl(Gen& G, Function& f, Emit& e, const std::string& name) {
  f.local_names = {"a", "b", "line"};
  uint32_t r = f.add_local(I64, "r");
  f.get(1); f.i64(0); f.op(Op::I64LtS); if_err_dyn(G, f, RtError::Fallback, 2);
  f.get(0); f.op(Op::I64Eqz);
  f.block(Op::If); f.i64(0); f.op(Op::Return); f.op(Op::End);
  f.get(1); f.i64(63); f.op(Op::I64GeS); if_err_dyn(G, f, RtError::Overflow, 2);
  f.get(0); f.get(1); f.op(Op::I64Shl); f.tee(r); f.get(1); f.op(Op::I64ShrS); f.get(0); f.op(Op::I64Ne);
  if_err_dyn(G, f, RtError::Overflow, 2);
  f.get(r);
}

void emit_shr(Gen& G, Function& f, Emit& e, const std::string& name) {
  f.local_names = {"a", "b", "line"};
  f.get(1); f.i64(0); f.op(Op::I64LtS); if_err_dyn(G, f, RtError::Fallback, 2);
  f.get(0); f.get(1); f.i64(63); f.get(1); f.i64(63); f.op(Op::I64LtS); f.op(Op::Select); f.op(Op::I64ShrS);
}

void emit_floordiv_f(Gen& G, Function& f, Emit& e, const std::string& name) {
  // CPython's float_divmod / float_rem
  f.local_names = {"a", "b", "line"};
  uint32_t mod = f.add_local(F64, "mod"), div = f.add_local(F64, "div"), fd = f.add_local(F64, "fd");
  f.get(1); f.f64(0); f.op(Op::F64Eq);
  if_err_dyn(G, f, name == "mod_f" ? RtError::FloatModZero : RtError::FloatFloorDivZero, 2);
  f.get(0); f.get(1); f.op(Op::Call, G.import("fmod")); f.set(mod);
  f.get(0); f.get(mod); f.op(Op::F64Sub); f.get(1); f.op(Op::F64Div); f.set(div);
  f.get(mod); f.f64(0); f.op(Op::F64Ne);
  f.block(Op::If);
  f.get(1); f.f64(0); f.op(Op::F64Lt); f.get(mod); f.f64(0); f.op(Op::F64Lt); f.op(Op::I32Ne);
  f.block(Op::If);
  f.get(mod); f.get(1); f.op(Op::F64Add); f.set(mod);
  f.get(div); f.f64(1); f.op(Op::F64Sub); f.set(div);
  f.op(Op::End);
  f.op(Op::Else);
  f.f64(0); f.get(1); f.op(Op::F64Copysign); f.set(mod);
  f.op(Op::End);
  if (name == "mod_f") {
    f.get(mod);
  } else {
    f.get(div); f.f64(0); f.op(Op::F64Ne);
    f.block(Op::If);
    f.get(div); f.op(Op::F64Floor); f.set(fd);
    f.get(div); f.get(fd); f.op(Op::F64Sub); f.f64(0.5); f.op(Op::F64Gt);
    f.block(Op::If); f.get(fd); f.f64(1); f.op(Op::F64Add); f.set(fd); f.op(Op::End);
    f.op(Op::Else);
    f.f64(0); f.get(0); f.get(1); f.op(Op::F64Div); f.op(Op::F64Copysign); f.set(fd);
    f.op(Op::End);
    f.get(fd);
  }
}

void emit_pow_f(Gen& G, Function& f, Emit& e, const std::string& name) {
  f.local_names = {"a", "b", "line"};
  uint32_t r = f.add_local(F64, "r");
  // 0.0 ** negative: ZeroDivisionError with its own message -> the interpreter raises it
  f.get(0); f.f64(0); f.op(Op::F64Eq); f.get(1); f.f64(0); f.op(Op::F64Lt); f.op(Op::I32And);
  if_err_dyn(G, f, RtError::Fallback, 2);
  // negative ** non-integer: a complex result
  f.get(0); f.f64(0); f.op(Op::F64Lt);
  f.get(1); f.op(Op::F64Floor); f.get(1); f.op(Op::F64Ne); f.op(Op::I32And);
  f.get(1); f.op(Op::F64Abs); f.f64(INFINITY); f.op(Op::F64Ne); f.op(Op::I32And);
  if_err_dyn(G, f, RtError::Fallback, 2);
  f.get(0); f.get(1); f.op(Op::Call, G.import("pow")); f.set(r);
  // overflow: OverflowError in Python
  f.get(r); f.op(Op::F64Abs); f.f64(INFINITY); f.op(Op::F64Eq);
  f.get(0); f.op(Op::F64Abs); f.f64(INFINITY); f.op(Op::F64Lt); f.op(Op::I32And);
  f.get(1); f.op(Op::F64Abs); f.f64(INFINITY); f.op(Op::F64Lt); f.op(Op::I32And);
  if_err_dyn(G, f, RtError::Fallback, 2);
  f.get(r);
}

void emit_cmp_if(Gen& G, Function& f, Emit& e, const std::string& name) {
  // exact comparison of an int with a float: -1, 0, 1, or 2 when unordered (NaN)
  f.local_names = {"i", "x"};
  uint32_t fi = f.add_local(F64, "fi"), t = f.add_local(I64, "t");
  f.get(1); f.get(1); f.op(Op::F64Ne);
  f.block(Op::If); f.i32(2); f.op(Op::Return); f.op(Op::End);
  f.get(0); f.op(Op::F64ConvertI64S); f.set(fi);
  f.get(fi); f.get(1); f.op(Op::F64Lt);
  f.block(Op::If); f.i32(-1); f.op(Op::Return); f.op(Op::End);
  f.get(fi); f.get(1); f.op(Op::F64Gt);
  f.block(Op::If); f.i32(1); f.op(Op::Return); f.op(Op::End);
  f.get(1); f.f64(9223372036854775808.0); f.op(Op::F64Ge);
  f.block(Op::If); f.i32(-1); f.op(Op::Return); f.op(Op::End);
  f.get(1); f.op(Op::I64TruncF64S); f.set(t);
  f.get(0); f.get(t); f.op(Op::I64GtS); f.get(0); f.get(t); f.op(Op::I64LtS); f.op(Op::I32Sub);
}

void emit_f2i(Gen& G, Function& f, Emit& e, const std::string& name) {
  f.local_names = {"x", "line"};
  f.get(0); f.f64(-9223372036854775808.0); f.op(Op::F64Ge);
  f.get(0); f.f64(9223372036854775808.0); f.op(Op::F64Lt); f.op(Op::I32And); f.op(Op::I32Eqz);
  if_err_dyn(G, f, RtError::Fallback, 1);
  f.get(0); f.op(Op::I64TruncF64S);
}

}  // namespace

std::span<const RtHelper> arith_helpers() {
  static const RtHelper table[] = {
    {"mul_ovf", {{I64, I64, I32}, {I64}}, emit_mul_ovf},
    {"floordiv_i", {{I64, I64, I32}, {I64}}, emit_floordiv_i},
    {"mod_i", {{I64, I64, I32}, {I64}}, emit_floordiv_i},
    {"pow_i", {{I64, I64, I32}, {I64}}, emit_pow_i},
    {"truediv_i", {{I64, I64, I32}, {F64}}, emit_truediv_i},
    {"shl", {{I64, I64, I32}, {I64}}, emit_shl},
    {"shr", {{I64, I64, I32}, {I64}}, emit_shr},
    {"floordiv_f", {{F64, F64, I32}, {F64}}, emit_floordiv_f},
    {"mod_f", {{F64, F64, I32}, {F64}}, emit_floordiv_f},
    {"pow_f", {{F64, F64, I32}, {F64}}, emit_pow_f},
    {"cmp_if", {{I64, F64}, {I32}}, emit_cmp_if},
    {"f2i", {{F64, I32}, {I64}}, emit_f2i},
  };
  return table;
}

}  // namespace ml::wasm::gen
