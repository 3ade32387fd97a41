// Runtime helpers sorting lists in place (list.sort, sorted).
#include "wasm/rt/helpers.h"

namespace ml::wasm::gen {

namespace {

void emit_sort_int(Gen& G, Function& f, Emit& e, const std::string& name) {
  // a stable bottom-up merge sort of the list's slots in place (the data stays where it
  // is), through a scratch buffer; reverse flips the comparison, so equal items keep their
  // order as in Python. A NaN (whose order Python leaves to its algorithm) is left to the
  // interpreter.
  std::string kind = name.substr(5);
  f.local_names = {"list", "reverse"};
  uint32_t n = f.add_local(I32, "n"), d = f.add_local(I32, "d"), t = f.add_local(I32, "t"), w = f.add_local(I32, "w"),
           lo = f.add_local(I32, "lo"), mid = f.add_local(I32, "mid"), hi = f.add_local(I32, "hi"), i = f.add_local(I32, "i"),
           j = f.add_local(I32, "j"), k = f.add_local(I32, "k"), top = f.add_local(I32, "top");
  f.get(0); f.mem(Op::I32Load, 2, 0); f.set(n);
  f.get(0); f.mem(Op::I32Load, 2, 8); f.set(d);
  f.get(n); f.i32(2); f.op(Op::I32LtU);
  f.block(Op::If); f.op(Op::Return); f.op(Op::End);
  auto slot = [&](uint32_t base, uint32_t idx) { f.get(base); f.get(idx); f.i32(3); f.op(Op::I32Shl); f.op(Op::I32Add); };
  if (kind == "float") {
    f.block(Op::Block); f.block(Op::Loop);
    f.get(i); f.get(n); f.op(Op::I32GeU); f.op(Op::BrIf, 1);
    slot(d, i); f.mem(Op::F64Load, 3); slot(d, i); f.mem(Op::F64Load, 3); f.op(Op::F64Ne); e.err_if(RtError::Fallback, 0);
    f.get(i); f.i32(1); f.op(Op::I32Add); f.set(i);
    f.op(Op::Br, 0);
    f.op(Op::End); f.op(Op::End);
  }
  // less(x, y) for the slots at d[x], d[y]
  auto less = [&](uint32_t x, uint32_t y) {
    if (kind == "int") { slot(d, x); f.mem(Op::I64Load, 3); slot(d, y); f.mem(Op::I64Load, 3); f.op(Op::I64LtS); }
    else if (kind == "float") { slot(d, x); f.mem(Op::F64Load, 3); slot(d, y); f.mem(Op::F64Load, 3); f.op(Op::F64Lt); }
    else if (kind == "bool") { slot(d, x); f.mem(Op::I32Load, 2); slot(d, y); f.mem(Op::I32Load, 2); f.op(Op::I32LtU); }
    else { slot(d, x); f.mem(Op::I32Load, 2); slot(d, y); f.mem(Op::I32Load, 2); f.op(Op::Call, G.helper("str_cmp")); f.i32(0); f.op(Op::I32LtS); }
  };
  f.op(Op::GlobalGet, G.g_heap); f.set(top);
  f.get(n); f.i32(3); f.op(Op::I32Shl); f.op(Op::Call, G.helper("alloc")); f.set(t);
  f.i32(1); f.set(w);
  f.block(Op::Block); f.block(Op::Loop);  // widths
  f.get(w); f.get(n); f.op(Op::I32GeU); f.op(Op::BrIf, 1);
  f.i32(0); f.set(lo);
  f.block(Op::Block); f.block(Op::Loop);  // runs
  f.get(lo); f.get(n); f.op(Op::I32GeU); f.op(Op::BrIf, 1);
  f.get(lo); f.get(w); f.op(Op::I32Add); f.tee(mid); f.get(n); f.get(mid); f.get(n); f.op(Op::I32LtU); f.op(Op::Select); f.set(mid);
  f.get(mid); f.get(w); f.op(Op::I32Add); f.tee(hi); f.get(n); f.get(hi); f.get(n); f.op(Op::I32LtU); f.op(Op::Select); f.set(hi);
  f.get(lo); f.set(i); f.get(mid); f.set(j); f.get(lo); f.set(k);
  f.block(Op::Block); f.block(Op::Loop);  // merge
  f.get(k); f.get(hi); f.op(Op::I32GeU); f.op(Op::BrIf, 1);
  // take the right one when the left run is done, or when right < left (reverse: left < right)
  f.get(j); f.get(hi); f.op(Op::I32LtU);
  f.block(Op::If, static_cast<int64_t>(I32));
  f.get(i); f.get(mid); f.op(Op::I32GeU);
  f.block(Op::If, static_cast<int64_t>(I32));
  f.i32(1);
  f.op(Op::Else);
  f.get(1);
  f.block(Op::If, static_cast<int64_t>(I32)); less(i, j); f.op(Op::Else); less(j, i); f.op(Op::End);
  f.op(Op::End);
  f.op(Op::Else);
  f.i32(0);
  f.op(Op::End);
  f.block(Op::If);
  slot(t, k); slot(d, j); f.mem(Op::I64Load, 3); f.mem(Op::I64Store, 3);
  f.get(j); f.i32(1); f.op(Op::I32Add); f.set(j);
  f.op(Op::Else);
  slot(t, k); slot(d, i); f.mem(Op::I64Load, 3); f.mem(Op::I64Store, 3);
  f.get(i); f.i32(1); f.op(Op::I32Add); f.set(i);
  f.op(Op::End);
  f.get(k); f.i32(1); f.op(Op::I32Add); f.set(k);
  f.op(Op::Br, 0);
  f.op(Op::End); f.op(Op::End);  // merge
  f.get(hi); f.set(lo);
  f.op(Op::Br, 0);
  f.op(Op::End); f.op(Op::End);  // runs
  f.get(d); f.get(t); f.get(n); f.i32(3); f.op(Op::I32Shl); f.op(Op::MemoryCopy);
  f.get(w); f.i32(1); f.op(Op::I32Shl); f.set(w);
  f.op(Op::Br, 0);
  f.op(Op::End); f.op(Op::End);  // widths
  f.get(top); f.op(Op::GlobalSet, G.g_heap);
}

}  // namespace

std::span<const RtHelper> sort_helpers() {
  static const RtHelper table[] = {
    {"sort_int", {{I32, I32}, {}}, emit_sort_int},
    {"sort_float", {{I32, I32}, {}}, emit_sort_int},
    {"sort_bool", {{I32, I32}, {}}, emit_sort_int},
    {"sort_str", {{I32, I32}, {}}, emit_sort_int},
  };
  return table;
}

}  // namespace ml::wasm::gen
