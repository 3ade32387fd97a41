// Runtime helpers for lists and tuples: allocation, growth, concatenation, repetition, copies.
#include "wasm/rt/helpers.h"

namespace ml::wasm::gen {

namespace {

void emit_alloc(Gen& G, Function& f, Emit& e, const std::string& name) {
  // bump allocator, 8-aligned; grows memory when needed
  f.local_names[0] = "n";
  uint32_t p = f.add_local(I32, "p"), top = f.add_local(I64, "top"), need = f.add_local(I64, "need");
  f.op(Op::GlobalGet, G.g_heap); f.set(p);
  f.get(p); f.op(Op::I64ExtendI32U); f.get(0); f.op(Op::I64ExtendI32U); f.op(Op::I64Add);
  f.i64(7); f.op(Op::I64Add); f.i64(-8); f.op(Op::I64And); f.tee(top);
  f.i64(0xFFFF0000LL); f.op(Op::I64GtU); e.err_if(RtError::Memory, 0);
  f.get(top); f.op(Op::MemorySize); f.op(Op::I64ExtendI32U); f.i64(16); f.op(Op::I64Shl); f.op(Op::I64Sub);
  f.tee(need); f.i64(0); f.op(Op::I64GtS);
  f.block(Op::If);
  f.get(need); f.i64(65535); f.op(Op::I64Add); f.i64(16); f.op(Op::I64ShrU); f.op(Op::I32WrapI64);
  f.op(Op::MemoryGrow); f.i32(-1); f.op(Op::I32Eq); e.err_if(RtError::Memory, 0);
  f.op(Op::End);
  f.get(top); f.op(Op::I32WrapI64); f.op(Op::GlobalSet, G.g_heap);
  f.get(p);
}

void emit_list_new(Gen& G, Function& f, Emit& e, const std::string& name) {
  f.local_names[0] = "len"; f.local_names[1] = "cap";
  uint32_t l = f.add_local(I32, "l");
  f.get(1); f.i32(1 << 27); f.op(Op::I32GtU); e.err_if(RtError::Memory, 0);
  f.i32(kListHeader); f.op(Op::Call, G.helper("alloc")); f.set(l);
  f.get(l); f.get(0); f.mem(Op::I32Store, 2, 0);
  f.get(l); f.get(1); f.mem(Op::I32Store, 2, 4);
  f.get(l); f.get(1); f.i32(3); f.op(Op::I32Shl); f.op(Op::Call, G.helper("alloc")); f.mem(Op::I32Store, 2, 8);
  f.get(l);
}

void emit_append_slot(Gen& G, Function& f, Emit& e, const std::string& name) {
  f.local_names[0] = "list";
  uint32_t len = f.add_local(I32, "len"), cap = f.add_local(I32, "cap"), nd = f.add_local(I32, "nd");
  f.get(0); f.mem(Op::I32Load, 2, 0); f.set(len);
  f.get(0); f.mem(Op::I32Load, 2, 4); f.set(cap);
  f.get(len); f.get(cap); f.op(Op::I32GeU);
  f.block(Op::If);
  f.i32(4); f.get(cap); f.i32(1); f.op(Op::I32Shl); f.get(cap); f.i32(2); f.op(Op::I32LtU); f.op(Op::Select);
  f.set(cap);
  f.get(cap); f.i32(1 << 27); f.op(Op::I32GtU); e.err_if(RtError::Memory, 0);
  f.get(cap); f.i32(3); f.op(Op::I32Shl); f.op(Op::Call, G.helper("alloc")); f.set(nd);
  f.get(nd); f.get(0); f.mem(Op::I32Load, 2, 8); f.get(len); f.i32(3); f.op(Op::I32Shl); f.op(Op::MemoryCopy);
  f.get(0); f.get(cap); f.mem(Op::I32Store, 2, 4);
  f.get(0); f.get(nd); f.mem(Op::I32Store, 2, 8);
  f.op(Op::End);
  f.get(0); f.get(len); f.i32(1); f.op(Op::I32Add); f.mem(Op::I32Store, 2, 0);
  f.get(0); f.mem(Op::I32Load, 2, 8); f.get(len); f.i32(3); f.op(Op::I32Shl); f.op(Op::I32Add);
}

void emit_list_repeat(Gen& G, Function& f, Emit& e, const std::string& name) {
  f.local_names[0] = "list"; f.local_names[1] = "n";
  uint32_t len = f.add_local(I32, "len"), total = f.add_local(I64, "total"), r = f.add_local(I32, "r"),
           k = f.add_local(I32, "k"), bytes = f.add_local(I32, "bytes");
  f.get(1); f.i64(0); f.op(Op::I64LtS);
  f.block(Op::If); f.i64(0); f.set(1); f.op(Op::End);
  f.get(0); f.mem(Op::I32Load, 2, 0); f.set(len);
  f.get(len); f.op(Op::I64ExtendI32U); f.get(1); f.op(Op::I64Mul); f.set(total);
  // n <= 2^27 (so the product did not wrap) and total <= 2^27
  f.get(1); f.i64(1 << 27); f.op(Op::I64GtU);
  f.get(total); f.i64(1 << 27); f.op(Op::I64GtU); f.op(Op::I32Or); e.err_if(RtError::Memory, 0);
  f.get(total); f.op(Op::I32WrapI64); f.get(total); f.op(Op::I32WrapI64); f.op(Op::Call, G.helper("list_new")); f.set(r);
  // one copy of the list, then the filled prefix copied onto itself, doubling: log2(n)
  // memory.copy calls instead of n (`[0] * 3000000` is 22 copies)
  uint32_t tb = f.add_local(I32, "total_bytes"), dst = f.add_local(I32, "dst"), chunk = f.add_local(I32, "chunk");
  f.get(len); f.i32(3); f.op(Op::I32Shl); f.set(bytes);
  f.get(total); f.op(Op::I32WrapI64); f.i32(3); f.op(Op::I32Shl); f.set(tb);
  f.get(tb);
  f.block(Op::If);
  f.get(r); f.mem(Op::I32Load, 2, 8); f.tee(dst);
  f.get(0); f.mem(Op::I32Load, 2, 8); f.get(bytes); f.op(Op::MemoryCopy);
  f.get(bytes); f.set(k);  // k: bytes filled so far
  f.block(Op::Block); f.block(Op::Loop);
  f.get(k); f.get(tb); f.op(Op::I32GeU); f.op(Op::BrIf, 1);
  f.get(k); f.get(tb); f.get(k); f.op(Op::I32Sub); f.get(k); f.get(tb); f.get(k); f.op(Op::I32Sub);
  f.op(Op::I32LtU); f.op(Op::Select); f.set(chunk);  // min(k, tb - k)
  f.get(dst); f.get(k); f.op(Op::I32Add); f.get(dst); f.get(chunk); f.op(Op::MemoryCopy);
  f.get(k); f.get(chunk); f.op(Op::I32Add); f.set(k);
  f.op(Op::Br, 0);
  f.op(Op::End); f.op(Op::End);
  f.op(Op::End);
  f.get(r);
}

void emit_list_concat(Gen& G, Function& f, Emit& e, const std::string& name) {
  f.local_names[0] = "a"; f.local_names[1] = "b";
  uint32_t la = f.add_local(I32, "la"), lb = f.add_local(I32, "lb"), r = f.add_local(I32, "r");
  f.get(0); f.mem(Op::I32Load, 2, 0); f.set(la);
  f.get(1); f.mem(Op::I32Load, 2, 0); f.set(lb);
  f.get(la); f.get(lb); f.op(Op::I32Add); f.get(la); f.get(lb); f.op(Op::I32Add); f.op(Op::Call, G.helper("list_new")); f.set(r);
  f.get(r); f.mem(Op::I32Load, 2, 8); f.get(0); f.mem(Op::I32Load, 2, 8); f.get(la); f.i32(3); f.op(Op::I32Shl); f.op(Op::MemoryCopy);
  f.get(r); f.mem(Op::I32Load, 2, 8); f.get(la); f.i32(3); f.op(Op::I32Shl); f.op(Op::I32Add);
  f.get(1); f.mem(Op::I32Load, 2, 8); f.get(lb); f.i32(3); f.op(Op::I32Shl); f.op(Op::MemoryCopy);
  f.get(r);
}

void emit_list_reserve(Gen& G, Function& f, Emit& e, const std::string& name) {
  // capacity for `need` slots: max(need, 2 * cap), the contents moved to the new data
  f.local_names[0] = "list"; f.local_names[1] = "need";
  uint32_t cap = f.add_local(I32, "cap"), nd = f.add_local(I32, "nd");
  f.get(1); f.get(0); f.mem(Op::I32Load, 2, 4); f.op(Op::I32GtU);
  f.block(Op::If);
  f.get(0); f.mem(Op::I32Load, 2, 4); f.i32(1); f.op(Op::I32Shl); f.set(cap);
  f.get(1); f.get(cap); f.get(1); f.get(cap); f.op(Op::I32GtU); f.op(Op::Select); f.set(cap);
  f.get(cap); f.i32(1 << 27); f.op(Op::I32GtU); e.err_if(RtError::Memory, 0);
  f.get(cap); f.i32(3); f.op(Op::I32Shl); f.op(Op::Call, G.helper("alloc")); f.set(nd);
  f.get(nd); f.get(0); f.mem(Op::I32Load, 2, 8); f.get(0); f.mem(Op::I32Load, 2, 0); f.i32(3); f.op(Op::I32Shl);
  f.op(Op::MemoryCopy);
  f.get(0); f.get(cap); f.mem(Op::I32Store, 2, 4);
  f.get(0); f.get(nd); f.mem(Op::I32Store, 2, 8);
  f.op(Op::End);
}

void emit_list_extend(Gen& G, Function& f, Emit& e, const std::string& name) {
  // dst += src in place (src may be dst: its length is read first)
  f.local_names[0] = "dst"; f.local_names[1] = "src";
  uint32_t n = f.add_local(I32, "n"), len = f.add_local(I32, "len");
  f.get(1); f.mem(Op::I32Load, 2, 0); f.set(n);
  f.get(0); f.mem(Op::I32Load, 2, 0); f.set(len);
  f.get(n); f.i32(1 << 27); f.op(Op::I32GtU); f.get(len); f.i32(1 << 27); f.op(Op::I32GtU); f.op(Op::I32Or);
  e.err_if(RtError::Memory, 0);
  f.get(0); f.get(len); f.get(n); f.op(Op::I32Add); f.op(Op::Call, G.helper("list_reserve"));
  f.get(0); f.mem(Op::I32Load, 2, 8); f.get(len); f.i32(3); f.op(Op::I32Shl); f.op(Op::I32Add);
  f.get(1); f.mem(Op::I32Load, 2, 8); f.get(n); f.i32(3); f.op(Op::I32Shl); f.op(Op::MemoryCopy);
  f.get(0); f.get(len); f.get(n); f.op(Op::I32Add); f.mem(Op::I32Store, 2, 0);
  f.get(0);
}

void emit_list_imul(Gen& G, Function& f, Emit& e, const std::string& name) {
  // list *= n in place: n <= 0 empties it, else the contents n times
  f.local_names[0] = "list"; f.local_names[1] = "n";
  uint32_t len = f.add_local(I32, "len"), total = f.add_local(I64, "total"), k = f.add_local(I64, "k"),
           bytes = f.add_local(I32, "bytes");
  f.get(1); f.i64(0); f.op(Op::I64LeS);
  f.block(Op::If); f.get(0); f.i32(0); f.mem(Op::I32Store, 2, 0); f.get(0); f.op(Op::Return); f.op(Op::End);
  f.get(0); f.mem(Op::I32Load, 2, 0); f.set(len);
  f.get(len); f.op(Op::I64ExtendI32U); f.get(1); f.op(Op::I64Mul); f.set(total);
  f.get(1); f.i64(1 << 27); f.op(Op::I64GtU);
  f.get(total); f.i64(1 << 27); f.op(Op::I64GtU); f.op(Op::I32Or); e.err_if(RtError::Memory, 0);
  f.get(0); f.get(total); f.op(Op::I32WrapI64); f.op(Op::Call, G.helper("list_reserve"));
  f.get(len); f.i32(3); f.op(Op::I32Shl); f.set(bytes);
  f.i64(1); f.set(k);
  f.block(Op::Block); f.block(Op::Loop);
  f.get(k); f.get(1); f.op(Op::I64GeS); f.op(Op::BrIf, 1);
  f.get(0); f.mem(Op::I32Load, 2, 8); f.get(k); f.op(Op::I32WrapI64); f.get(bytes); f.op(Op::I32Mul); f.op(Op::I32Add);
  f.get(0); f.mem(Op::I32Load, 2, 8); f.get(bytes); f.op(Op::MemoryCopy);
  f.get(k); f.i64(1); f.op(Op::I64Add); f.set(k);
  f.op(Op::Br, 0);
  f.op(Op::End); f.op(Op::End);
  f.get(0); f.get(total); f.op(Op::I32WrapI64); f.mem(Op::I32Store, 2, 0);
  f.get(0);
}

void emit_list_copy(Gen& G, Function& f, Emit& e, const std::string& name) {
  f.local_names[0] = "l";
  uint32_t n = f.add_local(I32, "n"), r = f.add_local(I32, "r");
  f.get(0); f.mem(Op::I32Load, 2, 0); f.set(n);
  f.get(n); f.get(n); f.op(Op::Call, G.helper("list_new")); f.set(r);
  f.get(r); f.mem(Op::I32Load, 2, 8); f.get(0); f.mem(Op::I32Load, 2, 8); f.get(n); f.i32(3); f.op(Op::I32Shl); f.op(Op::MemoryCopy);
  f.get(r);
}

void emit_tuple_concat(Gen& G, Function& f, Emit& e, const std::string& name) {
  // a + b: a new tuple holding both runs of slots
  f.local_names = {"a", "b"};
  uint32_t la = f.add_local(I32, "la"), lb = f.add_local(I32, "lb"), h = f.add_local(I32, "h"), n = f.add_local(I32, "n");
  f.get(0); f.mem(Op::I32Load, 2, 0); f.set(la);
  f.get(1); f.mem(Op::I32Load, 2, 0); f.set(lb);
  f.get(la); f.get(lb); f.op(Op::I32Add); f.set(n);
  f.get(n); f.i32(3); f.op(Op::I32Shl); f.i32(kListHeader); f.op(Op::I32Add); f.op(Op::Call, G.helper("alloc")); f.set(h);
  f.get(h); f.get(n); f.mem(Op::I32Store, 2, 0);
  f.get(h); f.get(n); f.mem(Op::I32Store, 2, 4);
  f.get(h); f.get(h); f.i32(kListHeader); f.op(Op::I32Add); f.mem(Op::I32Store, 2, 8);
  f.get(h); f.i32(0); f.mem(Op::I32Store, 2, 12);
  f.get(h); f.i32(kListHeader); f.op(Op::I32Add); f.get(0); f.mem(Op::I32Load, 2, 8); f.get(la); f.i32(3); f.op(Op::I32Shl); f.op(Op::MemoryCopy);
  f.get(h); f.i32(kListHeader); f.op(Op::I32Add); f.get(la); f.i32(3); f.op(Op::I32Shl); f.op(Op::I32Add);
  f.get(1); f.mem(Op::I32Load, 2, 8); f.get(lb); f.i32(3); f.op(Op::I32Shl); f.op(Op::MemoryCopy);
  f.get(h);
}

}  // namespace

std::span<const RtHelper> lists_helpers() {
  static const RtHelper table[] = {
    {"alloc", {{I32}, {I32}}, emit_alloc},
    {"list_new", {{I32, I32}, {I32}}, emit_list_new},
    {"append_slot", {{I32}, {I32}}, emit_append_slot},
    {"list_repeat", {{I32, I64}, {I32}}, emit_list_repeat},
    {"list_concat", {{I32, I32}, {I32}}, emit_list_concat},
    {"list_reserve", {{I32, I32}, {}}, emit_list_reserve},
    {"list_extend", {{I32, I32}, {I32}}, emit_list_extend},
    {"list_imul", {{I32, I64}, {I32}}, emit_list_imul},
    {"list_copy", {{I32}, {I32}}, emit_list_copy},
    {"tuple_concat", {{I32, I32}, {I32}}, emit_tuple_concat},
  };
  return table;
}

}  // namespace ml::wasm::gen
