// Runtime helpers converting strings: printing, repr, str() of numbers, int() of strings, chr and
// ord.
#include "wasm/rt/helpers.h"

namespace ml::wasm::gen {

namespace {

void emit_str_print(Gen& G, Function& f, Emit& e, const std::string& name) {
  // UTF-8 into scratch memory above the heap, then print_str (the scratch is released)
  f.local_names[0] = "s";
  uint32_t top = f.add_local(I32, "top"), buf = f.add_local(I32, "buf"), p = f.add_local(I32, "p"), i = f.add_local(I32, "i"),
           n = f.add_local(I32, "n"), d = f.add_local(I32, "d"), c = f.add_local(I32, "c");
  f.op(Op::GlobalGet, G.g_heap); f.set(top);
  f.get(0); f.mem(Op::I32Load, 2, 0); f.set(n);
  f.get(0); f.mem(Op::I32Load, 2, 8); f.set(d);
  f.get(n); f.i32(2); f.op(Op::I32Shl); f.op(Op::Call, G.helper("alloc")); f.tee(buf); f.set(p);
  f.block(Op::Block); f.block(Op::Loop);
  f.get(i); f.get(n); f.op(Op::I32GeU); f.op(Op::BrIf, 1);
  f.get(d); f.get(i); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add); f.mem(Op::I32Load, 2, 0); f.set(c);
  auto byte = [&](int shift, int mark, int mask, int off) {
    f.get(p);
    f.get(c);
    if (shift) { f.i32(shift); f.op(Op::I32ShrU); }
    if (mask) { f.i32(mask); f.op(Op::I32And); }
    if (mark) { f.i32(mark); f.op(Op::I32Or); }
    f.mem(Op::I32Store8, 0, static_cast<uint32_t>(off));
  };
  auto advance = [&](int k) { f.get(p); f.i32(k); f.op(Op::I32Add); f.set(p); };
  f.get(c); f.i32(0x80); f.op(Op::I32LtU);
  f.block(Op::If); byte(0, 0, 0, 0); advance(1);
  f.op(Op::Else);
  f.get(c); f.i32(0x800); f.op(Op::I32LtU);
  f.block(Op::If); byte(6, 0xC0, 0, 0); byte(0, 0x80, 0x3F, 1); advance(2);
  f.op(Op::Else);
  f.get(c); f.i32(0x10000); f.op(Op::I32LtU);
  f.block(Op::If); byte(12, 0xE0, 0, 0); byte(6, 0x80, 0x3F, 1); byte(0, 0x80, 0x3F, 2); advance(3);
  f.op(Op::Else);
  byte(18, 0xF0, 0, 0); byte(12, 0x80, 0x3F, 1); byte(6, 0x80, 0x3F, 2); byte(0, 0x80, 0x3F, 3); advance(4);
  f.op(Op::End); f.op(Op::End); f.op(Op::End);
  f.get(i); f.i32(1); f.op(Op::I32Add); f.set(i);
  f.op(Op::Br, 0);
  f.op(Op::End); f.op(Op::End);
  f.get(buf); f.get(p); f.get(buf); f.op(Op::I32Sub); f.op(Op::Call, G.import("print_str"));
  f.get(top); f.op(Op::GlobalSet, G.g_heap);
}

void emit_str_print_repr(Gen& G, Function& f, Emit& e, const std::string& name) {
  f.local_names[0] = "s";
  uint32_t top = f.add_local(I32, "top");
  f.op(Op::GlobalGet, G.g_heap); f.set(top);
  f.get(0); f.op(Op::Call, G.helper("str_repr")); f.op(Op::Call, G.helper("str_print"));
  f.get(top); f.op(Op::GlobalSet, G.g_heap);
}

void emit_str_repr(Gen& G, Function& f, Emit& e, const std::string& name) {
  // repr(s) as the interpreter writes it: quotes chosen like Python's, \\ \n \r \t and
  // \xNN escapes for the other ASCII controls; other characters as themselves. The C1
  // controls, U+00A0 and U+00AD (which Python escapes) are left to the interpreter.
  f.local_names[0] = "s";
  uint32_t n = f.add_local(I32, "n"), d = f.add_local(I32, "d"), i = f.add_local(I32, "i"), c = f.add_local(I32, "c"),
           sq = f.add_local(I32, "sq"), dq = f.add_local(I32, "dq"), q = f.add_local(I32, "q"), r = f.add_local(I32, "r"),
           rd = f.add_local(I32, "rd"), k = f.add_local(I32, "k"), top = f.add_local(I32, "top"),
           h = f.add_local(I32, "h");
  f.op(Op::GlobalGet, G.g_heap); f.set(top);
  f.get(0); f.mem(Op::I32Load, 2, 0); f.set(n);
  f.get(0); f.mem(Op::I32Load, 2, 8); f.set(d);
  auto each = [&](const std::function<void()>& body) {  // c = s[i] for i in 0..n
    f.i32(0); f.set(i);
    f.block(Op::Block); f.block(Op::Loop);
    f.get(i); f.get(n); f.op(Op::I32GeU); f.op(Op::BrIf, 1);
    f.get(d); f.get(i); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add); f.mem(Op::I32Load, 2, 0); f.set(c);
    body();
    f.get(i); f.i32(1); f.op(Op::I32Add); f.set(i);
    f.op(Op::Br, 0);
    f.op(Op::End); f.op(Op::End);
  };
  each([&] {
    f.get(c); f.i32('\''); f.op(Op::I32Eq); f.get(sq); f.op(Op::I32Or); f.set(sq);
    f.get(c); f.i32('"'); f.op(Op::I32Eq); f.get(dq); f.op(Op::I32Or); f.set(dq);
    f.get(c); f.i32(0x80); f.op(Op::I32GeU); f.get(c); f.i32(0xA0); f.op(Op::I32LeU); f.op(Op::I32And);
    f.get(c); f.i32(0xAD); f.op(Op::I32Eq); f.op(Op::I32Or); e.err_if(RtError::Fallback, 0);
  });
  f.i32('"'); f.i32('\''); f.get(sq); f.get(dq); f.op(Op::I32Eqz); f.op(Op::I32And); f.op(Op::Select); f.set(q);
  f.get(n); f.i32(4); f.op(Op::I32Mul); f.i32(2); f.op(Op::I32Add); f.op(Op::Call, G.helper("str_new")); f.tee(r);
  f.mem(Op::I32Load, 2, 8); f.set(rd);
  auto put = [&](const std::function<void()>& v) {
    f.get(rd); f.get(k); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add); v(); f.mem(Op::I32Store, 2, 0);
    f.get(k); f.i32(1); f.op(Op::I32Add); f.set(k);
  };
  auto putc = [&](int ch) { put([&] { f.i32(ch); }); };
  auto hexd = [&](int shift) {  // one hex digit of c
    put([&] {
      f.get(c); f.i32(shift); f.op(Op::I32ShrU); f.i32(15); f.op(Op::I32And); f.tee(h);
      f.i32('0'); f.op(Op::I32Add);
      f.get(h); f.i32(10); f.op(Op::I32GeU); f.i32('a' - '0' - 10); f.op(Op::I32Mul); f.op(Op::I32Add);
    });
  };
  put([&] { f.get(q); });
  each([&] {
    f.get(c); f.get(q); f.op(Op::I32Eq); f.get(c); f.i32('\\'); f.op(Op::I32Eq); f.op(Op::I32Or);
    f.block(Op::If); putc('\\'); put([&] { f.get(c); });
    f.op(Op::Else);
    f.get(c); f.i32('\n'); f.op(Op::I32Eq);
    f.block(Op::If); putc('\\'); putc('n');
    f.op(Op::Else);
    f.get(c); f.i32('\r'); f.op(Op::I32Eq);
    f.block(Op::If); putc('\\'); putc('r');
    f.op(Op::Else);
    f.get(c); f.i32('\t'); f.op(Op::I32Eq);
    f.block(Op::If); putc('\\'); putc('t');
    f.op(Op::Else);
    f.get(c); f.i32(0x20); f.op(Op::I32LtU); f.get(c); f.i32(0x7F); f.op(Op::I32Eq); f.op(Op::I32Or);
    f.block(Op::If); putc('\\'); putc('x'); hexd(4); hexd(0);
    f.op(Op::Else); put([&] { f.get(c); });
    f.op(Op::End); f.op(Op::End); f.op(Op::End); f.op(Op::End); f.op(Op::End);
  });
  put([&] { f.get(q); });
  f.get(r); f.get(k); f.mem(Op::I32Store, 2, 0);
  f.get(rd); f.i32(4); f.op(Op::I32Sub); f.get(k); f.mem(Op::I32Store, 2, 0);  // used
  f.get(r);
}

void emit_str_of_float(Gen& G, Function& f, Emit& e, const std::string& name) {
  // Python's repr of a float, written by the host (env.f64_repr, ASCII, at most 32 bytes)
  // into the tail of a 32-character string, then widened to code points from the front
  f.local_names[0] = "x";
  uint32_t r = f.add_local(I32, "r"), d = f.add_local(I32, "d"), n = f.add_local(I32, "n"), i = f.add_local(I32, "i");
  f.i32(32); f.op(Op::Call, G.helper("str_new")); f.tee(r); f.mem(Op::I32Load, 2, 8); f.set(d);
  f.get(0); f.get(d); f.i32(96); f.op(Op::I32Add); f.op(Op::Call, G.import("f64_repr")); f.set(n);
  f.get(n); f.i32(30); f.op(Op::I32GtU); e.err_if(RtError::Fallback, 0);
  f.block(Op::Block); f.block(Op::Loop);
  f.get(i); f.get(n); f.op(Op::I32GeU); f.op(Op::BrIf, 1);
  f.get(d); f.get(i); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add);
  f.get(d); f.get(i); f.op(Op::I32Add); f.mem(Op::I32Load8U, 0, 96);
  f.mem(Op::I32Store, 2, 0);
  f.get(i); f.i32(1); f.op(Op::I32Add); f.set(i);
  f.op(Op::Br, 0);
  f.op(Op::End); f.op(Op::End);
  f.get(r); f.get(n); f.mem(Op::I32Store, 2, 0);
  f.get(d); f.i32(4); f.op(Op::I32Sub); f.get(n); f.mem(Op::I32Store, 2, 0);  // used
  f.get(r);
}

void emit_int_of_str(Gen& G, Function& f, Emit& e, const std::string& name) {
  // int(s): optional ASCII whitespace around an optional sign and ASCII digits. Anything
  // else (ValueError, underscores, other scripts' digits) is left to the interpreter, and
  // so is a value past 64 bits.
  f.local_names = {"s", "line"};
  uint32_t i = f.add_local(I32, "i"), n = f.add_local(I32, "n"), d = f.add_local(I32, "d"), c = f.add_local(I32, "c"),
           neg = f.add_local(I32, "neg"), v = f.add_local(I64, "v"), start = f.add_local(I32, "start");
  f.get(0); f.mem(Op::I32Load, 2, 0); f.set(n);
  f.get(0); f.mem(Op::I32Load, 2, 8); f.set(d);
  auto at = [&](uint32_t idx) { f.get(d); f.get(idx); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add); f.mem(Op::I32Load, 2, 0); };
  auto ws = [&] { f.get(c); f.i32(32); f.op(Op::I32Eq); f.get(c); f.i32(9); f.op(Op::I32Sub); f.i32(4); f.op(Op::I32LeU); f.op(Op::I32Or); };
  // trailing whitespace
  f.block(Op::Block); f.block(Op::Loop);
  f.get(n); f.op(Op::I32Eqz); f.op(Op::BrIf, 1);
  f.get(n); f.i32(1); f.op(Op::I32Sub); f.set(c); at(c); f.set(c);
  ws(); f.op(Op::I32Eqz); f.op(Op::BrIf, 1);
  f.get(n); f.i32(1); f.op(Op::I32Sub); f.set(n);
  f.op(Op::Br, 0);
  f.op(Op::End); f.op(Op::End);
  // leading whitespace
  f.block(Op::Block); f.block(Op::Loop);
  f.get(i); f.get(n); f.op(Op::I32GeU); f.op(Op::BrIf, 1);
  at(i); f.set(c); ws(); f.op(Op::I32Eqz); f.op(Op::BrIf, 1);
  f.get(i); f.i32(1); f.op(Op::I32Add); f.set(i);
  f.op(Op::Br, 0);
  f.op(Op::End); f.op(Op::End);
  // sign
  f.get(i); f.get(n); f.op(Op::I32LtU);
  f.block(Op::If);
  at(i); f.set(c);
  f.get(c); f.i32('-'); f.op(Op::I32Eq); f.get(c); f.i32('+'); f.op(Op::I32Eq); f.op(Op::I32Or);
  f.block(Op::If);
  f.get(c); f.i32('-'); f.op(Op::I32Eq); f.set(neg);
  f.get(i); f.i32(1); f.op(Op::I32Add); f.set(i);
  f.op(Op::End);
  f.op(Op::End);
  f.get(i); f.set(start);
  // digits, accumulated as a negative number (so -2**63 fits)
  f.block(Op::Block); f.block(Op::Loop);
  f.get(i); f.get(n); f.op(Op::I32GeU); f.op(Op::BrIf, 1);
  at(i); f.i32('0'); f.op(Op::I32Sub); f.tee(c); f.i32(9); f.op(Op::I32GtU); if_err_dyn(G, f, RtError::Fallback, 1);
  // v * 10 - c must stay >= INT64_MIN
  f.get(v); f.i64(INT64_MIN / 10); f.op(Op::I64LtS); if_err_dyn(G, f, RtError::Overflow, 1);
  f.get(v); f.i64(10); f.op(Op::I64Mul); f.set(v);
  f.get(v); f.i64(INT64_MIN); f.get(c); f.op(Op::I64ExtendI32U); f.op(Op::I64Add); f.op(Op::I64LtS); if_err_dyn(G, f, RtError::Overflow, 1);
  f.get(v); f.get(c); f.op(Op::I64ExtendI32U); f.op(Op::I64Sub); f.set(v);
  f.get(i); f.i32(1); f.op(Op::I32Add); f.set(i);
  f.op(Op::Br, 0);
  f.op(Op::End); f.op(Op::End);
  f.get(i); f.get(start); f.op(Op::I32Eq); if_err_dyn(G, f, RtError::Fallback, 1);  // no digits
  f.get(neg);
  f.block(Op::If, static_cast<int64_t>(I64));
  f.get(v);
  f.op(Op::Else);
  f.get(v); f.i64(INT64_MIN); f.op(Op::I64Eq); if_err_dyn(G, f, RtError::Overflow, 1);
  f.i64(0); f.get(v); f.op(Op::I64Sub);
  f.op(Op::End);
}

void emit_str_of_int(Gen& G, Function& f, Emit& e, const std::string& name) {
  // decimal digits written from the end of a 20-character string; data then starts at
  // the first digit
  f.local_names[0] = "v";
  uint32_t h = f.add_local(I32, "h"), d = f.add_local(I32, "d"), pos = f.add_local(I32, "pos"), neg = f.add_local(I32, "neg"),
           dig = f.add_local(I64, "dig");
  f.i32(20); f.op(Op::Call, G.helper("str_new")); f.tee(h); f.mem(Op::I32Load, 2, 8); f.set(d);
  f.i32(20); f.set(pos);
  f.get(0); f.i64(0); f.op(Op::I64LtS); f.set(neg);
  f.block(Op::Loop);
  f.get(0); f.i64(10); f.op(Op::I64RemS); f.set(dig);
  f.get(neg); f.block(Op::If); f.i64(0); f.get(dig); f.op(Op::I64Sub); f.set(dig); f.op(Op::End);
  f.get(pos); f.i32(1); f.op(Op::I32Sub); f.set(pos);
  f.get(d); f.get(pos); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add);
  f.get(dig); f.op(Op::I32WrapI64); f.i32('0'); f.op(Op::I32Add); f.mem(Op::I32Store, 2, 0);
  f.get(0); f.i64(10); f.op(Op::I64DivS); f.tee(0);
  f.op(Op::I64Eqz); f.op(Op::I32Eqz); f.op(Op::BrIf, 0);
  f.op(Op::End);
  f.get(neg);
  f.block(Op::If);
  f.get(pos); f.i32(1); f.op(Op::I32Sub); f.set(pos);
  f.get(d); f.get(pos); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add); f.i32('-'); f.mem(Op::I32Store, 2, 0);
  f.op(Op::End);
  f.get(h); f.i32(20); f.get(pos); f.op(Op::I32Sub); f.mem(Op::I32Store, 2, 0);
  f.get(h); f.i32(0); f.mem(Op::I32Store, 2, 4);  // data no longer starts its block
  f.get(h); f.get(d); f.get(pos); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add); f.mem(Op::I32Store, 2, 8);
  f.get(h);
}

void emit_chr(Gen& G, Function& f, Emit& e, const std::string& name) {
  // ValueError (out of range) and lone surrogates are left to the interpreter
  f.local_names = {"i", "line"};
  f.get(0); f.i64(0x110000); f.op(Op::I64GeU);
  f.get(0); f.i64(0xD800); f.op(Op::I64GeS); f.get(0); f.i64(0xDFFF); f.op(Op::I64LeS); f.op(Op::I32And);
  f.op(Op::I32Or); if_err_dyn(G, f, RtError::Fallback, 1);
  f.get(0); f.op(Op::I32WrapI64); f.op(Op::Call, G.helper("str_char"));
}

void emit_ord(Gen& G, Function& f, Emit& e, const std::string& name) {
  // TypeError (not one character) is left to the interpreter
  f.local_names = {"s", "line"};
  f.get(0); f.mem(Op::I32Load, 2, 0); f.i32(1); f.op(Op::I32Ne); if_err_dyn(G, f, RtError::Fallback, 1);
  f.get(0); f.mem(Op::I32Load, 2, 8); f.mem(Op::I32Load, 2, 0); f.op(Op::I64ExtendI32U);
}

}  // namespace

std::span<const RtHelper> str_convert_helpers() {
  static const RtHelper table[] = {
    {"str_print", {{I32}, {}}, emit_str_print},
    {"str_print_repr", {{I32}, {}}, emit_str_print_repr},
    {"str_repr", {{I32}, {I32}}, emit_str_repr},
    {"str_of_float", {{F64}, {I32}}, emit_str_of_float},
    {"int_of_str", {{I32, I32}, {I64}}, emit_int_of_str},
    {"str_of_int", {{I64}, {I32}}, emit_str_of_int},
    {"chr", {{I64, I32}, {I32}}, emit_chr},
    {"ord", {{I32, I32}, {I64}}, emit_ord},
  };
  return table;
}

}  // namespace ml::wasm::gen
