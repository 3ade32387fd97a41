// Slices of lists, the lists that list(range(...)) makes, and insert/pop (which move a run of
// slots).
#include "wasm/rt/helpers.h"

namespace ml::wasm::gen {

void emit_slice_count(Function& f, Emit& e, uint32_t n, uint32_t cnt) {
  f.get(3); f.op(Op::I64Eqz); f.get(3); f.i64(INT64_MIN); f.op(Op::I64Eq); f.op(Op::I32Or); e.err_if(RtError::Fallback, 0);
  auto adjust = [&](uint32_t b, int bit) {
    f.get(4); f.i32(bit); f.op(Op::I32And);
    f.block(Op::If);
    // given: negative counts from the end, then clamp
    f.get(b); f.i64(0); f.op(Op::I64LtS);
    f.block(Op::If);
    f.get(b); f.get(n); f.op(Op::I64Add); f.set(b);
    f.get(b); f.i64(0); f.op(Op::I64LtS);
    f.block(Op::If); f.i64(-1); f.i64(0); f.get(3); f.i64(0); f.op(Op::I64LtS); f.op(Op::Select); f.set(b); f.op(Op::End);
    f.op(Op::Else);
    f.get(b); f.get(n); f.op(Op::I64GeS);
    f.block(Op::If); f.get(n); f.i64(1); f.op(Op::I64Sub); f.get(n); f.get(3); f.i64(0); f.op(Op::I64LtS); f.op(Op::Select); f.set(b); f.op(Op::End);
    f.op(Op::End);
    f.op(Op::Else);
    // omitted: the start (or end) in the step's direction
    if (bit == 1) { f.get(n); f.i64(1); f.op(Op::I64Sub); f.i64(0); }
    else { f.i64(-1); f.get(n); }
    f.get(3); f.i64(0); f.op(Op::I64LtS); f.op(Op::Select); f.set(b);
    f.op(Op::End);
  };
  adjust(1, 1);
  adjust(2, 2);
  // count: step > 0: hi > lo ? (hi - lo - 1) / step + 1 : 0; step < 0: lo > hi ? (lo - hi - 1) / -step + 1 : 0
  f.i64(0); f.set(cnt);
  f.get(3); f.i64(0); f.op(Op::I64GtS);
  f.block(Op::If);
  f.get(2); f.get(1); f.op(Op::I64GtS);
  f.block(Op::If); f.get(2); f.get(1); f.op(Op::I64Sub); f.i64(1); f.op(Op::I64Sub); f.get(3); f.op(Op::I64DivS); f.i64(1); f.op(Op::I64Add); f.set(cnt); f.op(Op::End);
  f.op(Op::Else);
  f.get(1); f.get(2); f.op(Op::I64GtS);
  f.block(Op::If); f.get(1); f.get(2); f.op(Op::I64Sub); f.i64(1); f.op(Op::I64Sub); f.i64(0); f.get(3); f.op(Op::I64Sub); f.op(Op::I64DivS); f.i64(1); f.op(Op::I64Add); f.set(cnt); f.op(Op::End);
  f.op(Op::End);
}

namespace {

void emit_list_slice(Gen& G, Function& f, Emit& e, const std::string& name) {
  // l[lo:hi:step]: a new list of the selected slots
  f.local_names = {"l", "lo", "hi", "step", "given"};
  uint32_t n = f.add_local(I64, "n"), cnt = f.add_local(I64, "cnt"), r = f.add_local(I32, "r"), k = f.add_local(I64, "k"),
           d = f.add_local(I32, "d"), rd = f.add_local(I32, "rd");
  f.get(0); f.mem(Op::I32Load, 2, 0); f.op(Op::I64ExtendI32U); f.set(n);
  emit_slice_count(f, e, n, cnt);
  f.get(cnt); f.op(Op::I32WrapI64); f.get(cnt); f.op(Op::I32WrapI64); f.op(Op::Call, G.helper("list_new"));
  f.tee(r); f.mem(Op::I32Load, 2, 8); f.set(rd);
  f.get(0); f.mem(Op::I32Load, 2, 8); f.set(d);
  f.block(Op::Block); f.block(Op::Loop);
  f.get(k); f.get(cnt); f.op(Op::I64GeS); f.op(Op::BrIf, 1);
  f.get(rd); f.get(k); f.op(Op::I32WrapI64); f.i32(3); f.op(Op::I32Shl); f.op(Op::I32Add);
  f.get(d); f.get(1); f.op(Op::I32WrapI64); f.i32(3); f.op(Op::I32Shl); f.op(Op::I32Add); f.mem(Op::I64Load, 3, 0);
  f.mem(Op::I64Store, 3, 0);
  f.get(1); f.get(3); f.op(Op::I64Add); f.set(1);
  f.get(k); f.i64(1); f.op(Op::I64Add); f.set(k);
  f.op(Op::Br, 0);
  f.op(Op::End); f.op(Op::End);
  f.get(r);
}

void emit_list_range(Gen& G, Function& f, Emit& e, const std::string& name) {
  // list(range(start, stop, step)). The distance is taken unsigned so that no bounds overflow;
  // a zero step (ValueError) and lists too long for linear memory are left to the interpreter.
  f.local_names = {"start", "stop", "step"};
  uint32_t cnt = f.add_local(I64, "cnt"), r = f.add_local(I32, "r"), d = f.add_local(I32, "d"), k = f.add_local(I32, "k");
  f.get(2); f.op(Op::I64Eqz); e.err_if(RtError::Fallback, 0);
  f.i64(0); f.set(cnt);
  f.get(2); f.i64(0); f.op(Op::I64GtS);
  f.block(Op::If);
  f.get(1); f.get(0); f.op(Op::I64GtS);
  f.block(Op::If); f.get(1); f.get(0); f.op(Op::I64Sub); f.i64(1); f.op(Op::I64Sub); f.get(2); f.op(Op::I64DivU); f.i64(1); f.op(Op::I64Add); f.set(cnt); f.op(Op::End);
  f.op(Op::Else);
  f.get(0); f.get(1); f.op(Op::I64GtS);
  f.block(Op::If); f.get(0); f.get(1); f.op(Op::I64Sub); f.i64(1); f.op(Op::I64Sub); f.i64(0); f.get(2); f.op(Op::I64Sub); f.op(Op::I64DivU); f.i64(1); f.op(Op::I64Add); f.set(cnt); f.op(Op::End);
  f.op(Op::End);
  f.get(cnt); f.i64(1 << 27); f.op(Op::I64GtU); e.err_if(RtError::Fallback, 0);
  f.get(cnt); f.op(Op::I32WrapI64); f.get(cnt); f.op(Op::I32WrapI64); f.op(Op::Call, G.helper("list_new"));
  f.tee(r); f.mem(Op::I32Load, 2, 8); f.set(d);
  f.block(Op::Block); f.block(Op::Loop);
  f.get(k); f.get(cnt); f.op(Op::I32WrapI64); f.op(Op::I32GeU); f.op(Op::BrIf, 1);
  f.get(d); f.get(k); f.i32(3); f.op(Op::I32Shl); f.op(Op::I32Add); f.get(0); f.mem(Op::I64Store, 3, 0);
  f.get(0); f.get(2); f.op(Op::I64Add); f.set(0);
  f.get(k); f.i32(1); f.op(Op::I32Add); f.set(k);
  f.op(Op::Br, 0);
  f.op(Op::End); f.op(Op::End);
  f.get(r);
}

void emit_list_insert(Gen& G, Function& f, Emit& e, const std::string& name) {
  // l.insert(i, x): the index clamped as Python does; returns the address of x's new slot
  f.local_names = {"l", "i"};
  uint32_t n = f.add_local(I64, "n"), at = f.add_local(I32, "at");
  f.get(0); f.mem(Op::I32Load, 2, 0); f.op(Op::I64ExtendI32U); f.set(n);
  f.get(1); f.i64(0); f.op(Op::I64LtS);
  f.block(Op::If);
  f.get(1); f.get(n); f.op(Op::I64Add); f.set(1);
  f.get(1); f.i64(0); f.op(Op::I64LtS);
  f.block(Op::If); f.i64(0); f.set(1); f.op(Op::End);
  f.op(Op::End);
  f.get(1); f.get(n); f.op(Op::I64GtS);
  f.block(Op::If); f.get(n); f.set(1); f.op(Op::End);
  f.get(0); f.op(Op::Call, G.helper("append_slot")); f.op(Op::Drop);  // one more slot (the data may move)
  f.get(0); f.mem(Op::I32Load, 2, 8); f.get(1); f.op(Op::I32WrapI64); f.i32(3); f.op(Op::I32Shl); f.op(Op::I32Add); f.set(at);
  f.get(at); f.i32(kSlot); f.op(Op::I32Add); f.get(at);
  f.get(n); f.get(1); f.op(Op::I64Sub); f.op(Op::I32WrapI64); f.i32(3); f.op(Op::I32Shl);
  f.op(Op::MemoryCopy);
  f.get(at);
}

void emit_list_pop(Gen& G, Function& f, Emit& e, const std::string& name) {
  // l.pop(i): the slot's bits; an empty list or an index out of range (IndexError) is left to
  // the interpreter
  f.local_names = {"l", "i"};
  uint32_t n = f.add_local(I64, "n"), at = f.add_local(I32, "at"), r = f.add_local(I64, "r");
  f.get(0); f.mem(Op::I32Load, 2, 0); f.op(Op::I64ExtendI32U); f.set(n);
  f.get(1); f.i64(0); f.op(Op::I64LtS);
  f.block(Op::If); f.get(1); f.get(n); f.op(Op::I64Add); f.set(1); f.op(Op::End);
  f.get(1); f.get(n); f.op(Op::I64GeU); e.err_if(RtError::Fallback, 0);  // negative too (unsigned)
  f.get(0); f.mem(Op::I32Load, 2, 8); f.get(1); f.op(Op::I32WrapI64); f.i32(3); f.op(Op::I32Shl); f.op(Op::I32Add); f.set(at);
  f.get(at); f.mem(Op::I64Load, 3, 0); f.set(r);
  f.get(at); f.get(at); f.i32(kSlot); f.op(Op::I32Add);
  f.get(n); f.get(1); f.op(Op::I64Sub); f.i64(1); f.op(Op::I64Sub); f.op(Op::I32WrapI64); f.i32(3); f.op(Op::I32Shl);
  f.op(Op::MemoryCopy);
  f.get(0); f.get(n); f.i64(1); f.op(Op::I64Sub); f.op(Op::I32WrapI64); f.mem(Op::I32Store, 2, 0);
  f.get(r);
}

void emit_list_setslice(Gen& G, Function& f, Emit& e, const std::string& name) {
  // l[lo:hi] = src (step 1): the same number of items are copied in place, otherwise the list
  // gets new data of the new length. src may be l itself: it is read before anything moves.
  // Returns 1 when the items were copied in place (nothing allocated but a copy of src == l).
  f.local_names = {"l", "lo", "hi", "step", "given", "src"};
  uint32_t n = f.add_local(I64, "n"), cnt = f.add_local(I64, "cnt"), m = f.add_local(I32, "m"), d = f.add_local(I32, "d"),
           nn = f.add_local(I32, "nn"), lo = f.add_local(I32, "lo32"), tail = f.add_local(I32, "tail");
  f.get(0); f.mem(Op::I32Load, 2, 0); f.op(Op::I64ExtendI32U); f.set(n);
  emit_slice_count(f, e, n, cnt);
  f.get(5); f.get(0); f.op(Op::I32Eq);
  f.block(Op::If); f.get(5); f.op(Op::Call, G.helper("list_copy")); f.set(5); f.op(Op::End);
  f.get(5); f.mem(Op::I32Load, 2, 0); f.set(m);
  f.get(1); f.op(Op::I32WrapI64); f.set(lo);
  f.get(cnt); f.get(m); f.op(Op::I64ExtendI32U); f.op(Op::I64Eq);
  f.block(Op::If);
  f.get(0); f.mem(Op::I32Load, 2, 8); f.get(lo); f.i32(3); f.op(Op::I32Shl); f.op(Op::I32Add);
  f.get(5); f.mem(Op::I32Load, 2, 8); f.get(m); f.i32(3); f.op(Op::I32Shl); f.op(Op::MemoryCopy);
  f.op(Op::Else);
  f.get(n); f.get(cnt); f.op(Op::I64Sub); f.op(Op::I32WrapI64); f.set(tail);  // items kept: lo before, the rest after
  f.get(tail); f.get(lo); f.op(Op::I32Sub); f.set(tail);
  f.get(lo); f.get(m); f.op(Op::I32Add); f.get(tail); f.op(Op::I32Add); f.set(nn);
  f.get(nn); f.i32(1 << 27); f.op(Op::I32GtU); e.err_if(RtError::Memory, 0);
  f.get(nn); f.i32(3); f.op(Op::I32Shl); f.op(Op::Call, G.helper("alloc")); f.set(d);
  f.get(d); f.get(0); f.mem(Op::I32Load, 2, 8); f.get(lo); f.i32(3); f.op(Op::I32Shl); f.op(Op::MemoryCopy);
  f.get(d); f.get(lo); f.i32(3); f.op(Op::I32Shl); f.op(Op::I32Add);
  f.get(5); f.mem(Op::I32Load, 2, 8); f.get(m); f.i32(3); f.op(Op::I32Shl); f.op(Op::MemoryCopy);
  f.get(d); f.get(lo); f.get(m); f.op(Op::I32Add); f.i32(3); f.op(Op::I32Shl); f.op(Op::I32Add);
  f.get(0); f.mem(Op::I32Load, 2, 8); f.get(lo); f.get(cnt); f.op(Op::I32WrapI64); f.op(Op::I32Add); f.i32(3); f.op(Op::I32Shl); f.op(Op::I32Add);
  f.get(tail); f.i32(3); f.op(Op::I32Shl); f.op(Op::MemoryCopy);
  f.get(0); f.get(nn); f.mem(Op::I32Store, 2, 0);
  f.get(0); f.get(nn); f.mem(Op::I32Store, 2, 4);
  f.get(0); f.get(d); f.mem(Op::I32Store, 2, 8);
  f.i32(0); f.op(Op::Return);
  f.op(Op::End);
  f.i32(1);
}

}  // namespace

std::span<const RtHelper> slices_helpers() {
  static const RtHelper table[] = {
    {"list_slice", {{I32, I64, I64, I64, I32}, {I32}}, emit_list_slice},
    {"list_range", {{I64, I64, I64}, {I32}}, emit_list_range},
    {"list_insert", {{I32, I64}, {I32}}, emit_list_insert},
    {"list_pop", {{I32, I64}, {I64}}, emit_list_pop},
    {"list_setslice", {{I32, I64, I64, I64, I32, I32}, {I32}}, emit_list_setslice},
  };
  return table;
}

}  // namespace ml::wasm::gen
