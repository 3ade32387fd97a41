// Runtime helpers for strings: making, indexing, slicing, concatenating, repeating and comparing
// them.
#include "wasm/rt/helpers.h"

namespace ml::wasm::gen {

namespace {

void emit_str_new(Gen& G, Function& f, Emit& e, const std::string& name) {
  f.local_names[0] = "n";
  f.get(0); f.get(0); f.op(Op::Call, G.helper("str_alloc"));
}

void emit_str_alloc(Gen& G, Function& f, Emit& e, const std::string& name) {
  // a string of n code points (to be filled in) in a growable block of `cap`: header
  // {n, 1, data, 0}, then {cap, used = n}, then the data (see str_concat)
  f.local_names = {"n", "cap"};
  uint32_t h = f.add_local(I32, "h");
  f.get(1); f.i32(1 << 28); f.op(Op::I32GtU); e.err_if(RtError::Memory, 0);
  f.get(1); f.i32(2); f.op(Op::I32Shl); f.i32(kStrHeader + 8); f.op(Op::I32Add); f.op(Op::Call, G.helper("alloc")); f.set(h);
  f.get(h); f.get(0); f.mem(Op::I32Store, 2, 0);
  f.get(h); f.i32(1); f.mem(Op::I32Store, 2, 4);
  f.get(h); f.get(h); f.i32(kStrHeader + 8); f.op(Op::I32Add); f.mem(Op::I32Store, 2, 8);
  f.get(h); f.i32(0); f.mem(Op::I32Store, 2, 12);
  f.get(h); f.get(1); f.mem(Op::I32Store, 2, kStrHeader);
  f.get(h); f.get(0); f.mem(Op::I32Store, 2, kStrHeader + 4);
  f.get(h);
}

void emit_str_char(Gen& G, Function& f, Emit& e, const std::string& name) {
  // the one-character string of code point cp (ASCII ones are shared constants)
  f.local_names[0] = "cp";
  uint32_t h = f.add_local(I32, "h");
  f.get(0); f.i32(128); f.op(Op::I32LtU);
  f.block(Op::If);
  f.i32(static_cast<int32_t>(G.ascii_chars())); f.get(0); f.i32(24); f.op(Op::I32Mul); f.op(Op::I32Add); f.op(Op::Return);
  f.op(Op::End);
  f.i32(1); f.op(Op::Call, G.helper("str_new")); f.tee(h);
  f.mem(Op::I32Load, 2, 8); f.get(0); f.mem(Op::I32Store, 2, 0);
  f.get(h);
}

void emit_str_at(Gen& G, Function& f, Emit& e, const std::string& name) {
  // s[i]: a negative index counts from the end; IndexError at `line`
  f.local_names = {"s", "i", "line"};
  uint32_t n = f.add_local(I64, "n");
  f.get(0); f.mem(Op::I32Load, 2, 0); f.op(Op::I64ExtendI32U); f.set(n);
  f.get(1); f.i64(0); f.op(Op::I64LtS);
  f.block(Op::If); f.get(1); f.get(n); f.op(Op::I64Add); f.set(1); f.op(Op::End);
  f.get(1); f.get(n); f.op(Op::I64GeU); if_err_dyn(G, f, RtError::StrIndex, 2);
  f.get(0); f.mem(Op::I32Load, 2, 8); f.get(1); f.op(Op::I32WrapI64); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add);
  f.mem(Op::I32Load, 2, 0);
  f.op(Op::Call, G.helper("str_char"));
}

void emit_str_slice(Gen& G, Function& f, Emit& e, const std::string& name) {
  // s[lo:hi] with Python's clamping; shares the data of s
  f.local_names = {"s", "lo", "hi"};
  uint32_t n = f.add_local(I64, "n"), h = f.add_local(I32, "h");
  f.get(0); f.mem(Op::I32Load, 2, 0); f.op(Op::I64ExtendI32U); f.set(n);
  for (uint32_t b : {1u, 2u}) {
    f.get(b); f.i64(0); f.op(Op::I64LtS);
    f.block(Op::If);
    f.get(b); f.get(n); f.op(Op::I64Add); f.set(b);
    f.get(b); f.i64(0); f.op(Op::I64LtS);
    f.block(Op::If); f.i64(0); f.set(b); f.op(Op::End);
    f.op(Op::End);
    f.get(b); f.get(n); f.op(Op::I64GtS);
    f.block(Op::If); f.get(n); f.set(b); f.op(Op::End);
  }
  f.get(2); f.get(1); f.op(Op::I64LtS);
  f.block(Op::If); f.get(1); f.set(2); f.op(Op::End);
  f.i32(kStrHeader); f.op(Op::Call, G.helper("alloc")); f.set(h);
  f.get(h); f.get(2); f.get(1); f.op(Op::I64Sub); f.op(Op::I32WrapI64); f.mem(Op::I32Store, 2, 0);
  f.get(h); f.i32(0); f.mem(Op::I32Store, 2, 4);
  f.get(h); f.get(0); f.mem(Op::I32Load, 2, 8); f.get(1); f.op(Op::I32WrapI64); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add);
  f.mem(Op::I32Store, 2, 8);
  f.get(h); f.i32(0); f.mem(Op::I32Store, 2, 12);
  f.get(h);
}

void emit_str_concat(Gen& G, Function& f, Emit& e, const std::string& name) {
  // a + b. When a owns the used part of a growable block with room for b (a's length is
  // the block's `used`), b is written after it in place and the result is a new header
  // on the same data: a itself still ends where it did (strings never change). Otherwise
  // a new block: exact for a first concatenation, twice the size when a was itself grown
  // (so building a string piece by piece costs amortized O(length)).
  f.local_names = {"a", "b"};
  uint32_t la = f.add_local(I32, "la"), lb = f.add_local(I32, "lb"), r = f.add_local(I32, "r"), d = f.add_local(I32, "d"),
           total = f.add_local(I32, "total"), cap = f.add_local(I32, "cap");
  f.get(0); f.mem(Op::I32Load, 2, 0); f.tee(la);
  f.op(Op::I32Eqz); f.block(Op::If); f.get(1); f.op(Op::Return); f.op(Op::End);
  f.get(1); f.mem(Op::I32Load, 2, 0); f.tee(lb);
  f.op(Op::I32Eqz); f.block(Op::If); f.get(0); f.op(Op::Return); f.op(Op::End);
  f.get(la); f.get(lb); f.op(Op::I32Add); f.tee(total);
  f.i32(1 << 28); f.op(Op::I32GtU); e.err_if(RtError::Memory, 0);
  f.get(0); f.mem(Op::I32Load, 2, 8); f.set(d);
  f.get(0); f.mem(Op::I32Load, 2, 4);
  f.block(Op::If);
  f.get(d); f.i32(4); f.op(Op::I32Sub); f.mem(Op::I32Load, 2, 0); f.get(la); f.op(Op::I32Eq);
  f.get(d); f.i32(8); f.op(Op::I32Sub); f.mem(Op::I32Load, 2, 0); f.get(total); f.op(Op::I32GeU); f.op(Op::I32And);
  f.block(Op::If);
  f.get(d); f.get(la); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add);
  f.get(1); f.mem(Op::I32Load, 2, 8); f.get(lb); f.i32(2); f.op(Op::I32Shl); f.op(Op::MemoryCopy);
  f.get(d); f.i32(4); f.op(Op::I32Sub); f.get(total); f.mem(Op::I32Store, 2, 0);
  f.i32(kStrHeader); f.op(Op::Call, G.helper("alloc")); f.set(r);
  f.get(r); f.get(total); f.mem(Op::I32Store, 2, 0);
  f.get(r); f.i32(1); f.mem(Op::I32Store, 2, 4);
  f.get(r); f.get(d); f.mem(Op::I32Store, 2, 8);
  f.get(r); f.i32(0); f.mem(Op::I32Store, 2, 12);
  f.get(r); f.op(Op::Return);
  f.op(Op::End);
  f.get(total); f.i32(1); f.op(Op::I32Shl); f.set(cap);  // a was grown: double
  f.op(Op::End);
  f.get(cap); f.get(total); f.op(Op::I32LtU); f.get(cap); f.i32(1 << 28); f.op(Op::I32GtU); f.op(Op::I32Or);
  f.block(Op::If); f.get(total); f.set(cap); f.op(Op::End);
  f.get(total); f.get(cap); f.op(Op::Call, G.helper("str_alloc")); f.set(r);
  f.get(r); f.mem(Op::I32Load, 2, 8); f.get(0); f.mem(Op::I32Load, 2, 8); f.get(la); f.i32(2); f.op(Op::I32Shl); f.op(Op::MemoryCopy);
  f.get(r); f.mem(Op::I32Load, 2, 8); f.get(la); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add);
  f.get(1); f.mem(Op::I32Load, 2, 8); f.get(lb); f.i32(2); f.op(Op::I32Shl); f.op(Op::MemoryCopy);
  f.get(r);
}

void emit_str_repeat(Gen& G, Function& f, Emit& e, const std::string& name) {
  f.local_names = {"s", "n"};
  uint32_t len = f.add_local(I32, "len"), total = f.add_local(I64, "total"), r = f.add_local(I32, "r"),
           k = f.add_local(I32, "k"), bytes = f.add_local(I32, "bytes");
  f.get(1); f.i64(0); f.op(Op::I64LtS);
  f.block(Op::If); f.i64(0); f.set(1); f.op(Op::End);
  f.get(0); f.mem(Op::I32Load, 2, 0); f.set(len);
  f.get(len); f.op(Op::I64ExtendI32U); f.get(1); f.op(Op::I64Mul); f.set(total);
  f.get(1); f.i64(1 << 28); f.op(Op::I64GtU);
  f.get(total); f.i64(1 << 28); f.op(Op::I64GtU); f.op(Op::I32Or); e.err_if(RtError::Memory, 0);
  f.get(total); f.op(Op::I32WrapI64); f.op(Op::Call, G.helper("str_new")); f.set(r);
  f.get(len); f.i32(2); f.op(Op::I32Shl); f.set(bytes);
  f.block(Op::Block); f.block(Op::Loop);
  f.get(k); f.op(Op::I64ExtendI32U); f.get(1); f.op(Op::I64GeS); f.op(Op::BrIf, 1);
  f.get(r); f.mem(Op::I32Load, 2, 8); f.get(k); f.get(bytes); f.op(Op::I32Mul); f.op(Op::I32Add);
  f.get(0); f.mem(Op::I32Load, 2, 8); f.get(bytes); f.op(Op::MemoryCopy);
  f.get(k); f.i32(1); f.op(Op::I32Add); f.set(k);
  f.op(Op::Br, 0);
  f.op(Op::End); f.op(Op::End);
  f.get(r);
}

void emit_str_eq(Gen& G, Function& f, Emit& e, const std::string& name) {
  // equality (1/0), or the code-point order: -1, 0, 1
  bool eq = name == "str_eq";
  f.local_names = {"a", "b"};
  uint32_t la = f.add_local(I32, "la"), lb = f.add_local(I32, "lb"), i = f.add_local(I32, "i"), n = f.add_local(I32, "n"),
           da = f.add_local(I32, "da"), db = f.add_local(I32, "db"), ca = f.add_local(I32, "ca"), cb = f.add_local(I32, "cb");
  f.get(0); f.get(1); f.op(Op::I32Eq);
  f.block(Op::If); f.i32(eq ? 1 : 0); f.op(Op::Return); f.op(Op::End);
  f.get(0); f.mem(Op::I32Load, 2, 0); f.set(la);
  f.get(1); f.mem(Op::I32Load, 2, 0); f.set(lb);
  if (eq) {
    f.get(la); f.get(lb); f.op(Op::I32Ne);
    f.block(Op::If); f.i32(0); f.op(Op::Return); f.op(Op::End);
  }
  f.get(la); f.get(lb); f.get(la); f.get(lb); f.op(Op::I32LtU); f.op(Op::Select); f.i32(2); f.op(Op::I32Shl); f.set(n);  // bytes
  f.get(0); f.mem(Op::I32Load, 2, 8); f.set(da);
  f.get(1); f.mem(Op::I32Load, 2, 8); f.set(db);
  f.block(Op::Block); f.block(Op::Loop);
  f.get(i); f.get(n); f.op(Op::I32GeU); f.op(Op::BrIf, 1);
  f.get(da); f.get(i); f.op(Op::I32Add); f.mem(Op::I32Load, 2, 0); f.set(ca);
  f.get(db); f.get(i); f.op(Op::I32Add); f.mem(Op::I32Load, 2, 0); f.set(cb);
  f.get(ca); f.get(cb); f.op(Op::I32Ne);
  f.block(Op::If);
  if (eq) f.i32(0);
  else { f.i32(-1); f.i32(1); f.get(ca); f.get(cb); f.op(Op::I32LtU); f.op(Op::Select); }
  f.op(Op::Return);
  f.op(Op::End);
  f.get(i); f.i32(4); f.op(Op::I32Add); f.set(i);
  f.op(Op::Br, 0);
  f.op(Op::End); f.op(Op::End);
  if (eq) f.i32(1);
  else { f.get(la); f.get(lb); f.op(Op::I32GtU); f.get(la); f.get(lb); f.op(Op::I32LtU); f.op(Op::I32Sub); }
}

void emit_str_contains(Gen& G, Function& f, Emit& e, const std::string& name) {
  // needle in hay: found from index 0
  f.local_names = {"needle", "hay"};
  f.get(1); f.get(0); f.i32(0); f.op(Op::Call, G.helper("str_find_from"));
  f.i32(0); f.op(Op::I32GeS);
}

void emit_str_slice_step(Gen& G, Function& f, Emit& e, const std::string& name) {
  // s[lo:hi:step] with Python's index adjustment (PySlice_AdjustIndices); `given` bit 0/1:
  // lo/hi were written. A zero step (ValueError) is left to the interpreter.
  f.local_names = {"s", "lo", "hi", "step", "given"};
  uint32_t n = f.add_local(I64, "n"), cnt = f.add_local(I64, "cnt"), r = f.add_local(I32, "r"), k = f.add_local(I64, "k"),
           d = f.add_local(I32, "d"), rd = f.add_local(I32, "rd");
  f.get(0); f.mem(Op::I32Load, 2, 0); f.op(Op::I64ExtendI32U); f.set(n);
  emit_slice_count(f, e, n, cnt);
  f.get(cnt); f.op(Op::I32WrapI64); f.op(Op::Call, G.helper("str_new")); f.tee(r); f.mem(Op::I32Load, 2, 8); f.set(rd);
  f.get(0); f.mem(Op::I32Load, 2, 8); f.set(d);
  f.block(Op::Block); f.block(Op::Loop);
  f.get(k); f.get(cnt); f.op(Op::I64GeS); f.op(Op::BrIf, 1);
  f.get(rd); f.get(k); f.op(Op::I32WrapI64); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add);
  f.get(d); f.get(1); f.op(Op::I32WrapI64); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add); f.mem(Op::I32Load, 2, 0);
  f.mem(Op::I32Store, 2, 0);
  f.get(1); f.get(3); f.op(Op::I64Add); f.set(1);
  f.get(k); f.i64(1); f.op(Op::I64Add); f.set(k);
  f.op(Op::Br, 0);
  f.op(Op::End); f.op(Op::End);
  f.get(r);
}

void emit_str_sub(Gen& G, Function& f, Emit& e, const std::string& name) {
  // s[lo:hi] for 0 <= lo <= hi <= len(s): a header sharing the data
  f.local_names = {"s", "lo", "hi"};
  uint32_t h = f.add_local(I32, "h");
  f.i32(kStrHeader); f.op(Op::Call, G.helper("alloc")); f.set(h);
  f.get(h); f.get(2); f.get(1); f.op(Op::I32Sub); f.mem(Op::I32Store, 2, 0);
  f.get(h); f.i32(0); f.mem(Op::I32Store, 2, 4);
  f.get(h); f.get(0); f.mem(Op::I32Load, 2, 8); f.get(1); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add); f.mem(Op::I32Store, 2, 8);
  f.get(h); f.i32(0); f.mem(Op::I32Store, 2, 12);
  f.get(h);
}

void emit_str_chars(Gen& G, Function& f, Emit& e, const std::string& name) {
  // the list of the one-character strings of s
  f.local_names[0] = "s";
  uint32_t n = f.add_local(I32, "n"), r = f.add_local(I32, "r"), i = f.add_local(I32, "i");
  f.get(0); f.mem(Op::I32Load, 2, 0); f.set(n);
  f.get(n); f.get(n); f.op(Op::Call, G.helper("list_new")); f.set(r);
  f.block(Op::Block); f.block(Op::Loop);
  f.get(i); f.get(n); f.op(Op::I32GeU); f.op(Op::BrIf, 1);
  f.get(r); f.mem(Op::I32Load, 2, 8); f.get(i); f.i32(3); f.op(Op::I32Shl); f.op(Op::I32Add);
  f.get(0); f.mem(Op::I32Load, 2, 8); f.get(i); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add); f.mem(Op::I32Load, 2, 0);
  f.op(Op::Call, G.helper("str_char"));
  f.mem(Op::I32Store, 2, 0);
  f.get(i); f.i32(1); f.op(Op::I32Add); f.set(i);
  f.op(Op::Br, 0);
  f.op(Op::End); f.op(Op::End);
  f.get(r);
}

}  // namespace

std::span<const RtHelper> str_core_helpers() {
  static const RtHelper table[] = {
    {"str_new", {{I32}, {I32}}, emit_str_new},
    {"str_alloc", {{I32, I32}, {I32}}, emit_str_alloc},
    {"str_char", {{I32}, {I32}}, emit_str_char},
    {"str_at", {{I32, I64, I32}, {I32}}, emit_str_at},
    {"str_slice", {{I32, I64, I64}, {I32}}, emit_str_slice},
    {"str_concat", {{I32, I32}, {I32}}, emit_str_concat},
    {"str_repeat", {{I32, I64}, {I32}}, emit_str_repeat},
    {"str_eq", {{I32, I32}, {I32}}, emit_str_eq},
    {"str_cmp", {{I32, I32}, {I32}}, emit_str_eq},
    {"str_contains", {{I32, I32}, {I32}}, emit_str_contains},
    {"str_slice_step", {{I32, I64, I64, I64, I32}, {I32}}, emit_str_slice_step},
    {"str_sub", {{I32, I32, I32}, {I32}}, emit_str_sub},
    {"str_chars", {{I32}, {I32}}, emit_str_chars},
  };
  return table;
}

}  // namespace ml::wasm::gen
