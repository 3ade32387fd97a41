// Runtime helpers for string methods: find, count, replace, split, strip, affixes, case, join and
// the is* tests.
#include "wasm/rt/helpers.h"

namespace ml::wasm::gen {

namespace {

void emit_str_find_from(Gen& G, Function& f, Emit& e, const std::string& name) {
  // the first index >= start where needle occurs in hay, or -1
  f.local_names = {"hay", "needle", "start"};
  uint32_t ln = f.add_local(I32, "ln"), lh = f.add_local(I32, "lh"), i = f.add_local(I32, "i"), j = f.add_local(I32, "j"),
           dn = f.add_local(I32, "dn"), dh = f.add_local(I32, "dh");
  f.get(1); f.mem(Op::I32Load, 2, 0); f.set(ln);
  f.get(0); f.mem(Op::I32Load, 2, 0); f.set(lh);
  f.get(1); f.mem(Op::I32Load, 2, 8); f.set(dn);
  f.get(0); f.mem(Op::I32Load, 2, 8); f.set(dh);
  f.get(2); f.set(i);
  f.get(ln); f.get(lh); f.op(Op::I32GtU);
  f.block(Op::If); f.i32(-1); f.op(Op::Return); f.op(Op::End);
  f.block(Op::Block); f.block(Op::Loop);
  f.get(i); f.get(lh); f.get(ln); f.op(Op::I32Sub); f.op(Op::I32GtU); f.op(Op::BrIf, 1);
  f.i32(0); f.set(j);
  f.block(Op::Block); f.block(Op::Loop);
  f.get(j); f.get(ln); f.op(Op::I32GeU);
  f.block(Op::If); f.get(i); f.op(Op::Return); f.op(Op::End);
  f.get(dh); f.get(i); f.get(j); f.op(Op::I32Add); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add); f.mem(Op::I32Load, 2, 0);
  f.get(dn); f.get(j); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add); f.mem(Op::I32Load, 2, 0);
  f.op(Op::I32Ne); f.op(Op::BrIf, 1);
  f.get(j); f.i32(1); f.op(Op::I32Add); f.set(j);
  f.op(Op::Br, 0);
  f.op(Op::End); f.op(Op::End);
  f.get(i); f.i32(1); f.op(Op::I32Add); f.set(i);
  f.op(Op::Br, 0);
  f.op(Op::End); f.op(Op::End);
  f.i32(-1);
}

void emit_str_count(Gen& G, Function& f, Emit& e, const std::string& name) {
  // non-overlapping occurrences; "" occurs len + 1 times
  f.local_names = {"s", "x"};
  uint32_t i = f.add_local(I32, "i"), c = f.add_local(I64, "c"), lx = f.add_local(I32, "lx");
  f.get(1); f.mem(Op::I32Load, 2, 0); f.tee(lx);
  f.op(Op::I32Eqz);
  f.block(Op::If); f.get(0); f.mem(Op::I32Load, 2, 0); f.op(Op::I64ExtendI32U); f.i64(1); f.op(Op::I64Add); f.op(Op::Return); f.op(Op::End);
  f.block(Op::Block); f.block(Op::Loop);
  f.get(0); f.get(1); f.get(i); f.op(Op::Call, G.helper("str_find_from")); f.tee(i);
  f.i32(0); f.op(Op::I32LtS); f.op(Op::BrIf, 1);
  f.get(c); f.i64(1); f.op(Op::I64Add); f.set(c);
  f.get(i); f.get(lx); f.op(Op::I32Add); f.set(i);
  f.op(Op::Br, 0);
  f.op(Op::End); f.op(Op::End);
  f.get(c);
}

void emit_str_replace(Gen& G, Function& f, Emit& e, const std::string& name) {
  // every non-overlapping a -> b; an empty `a` is left to the interpreter
  f.local_names = {"s", "a", "b"};
  uint32_t la = f.add_local(I32, "la"), lb = f.add_local(I32, "lb"), ls = f.add_local(I32, "ls"), cnt = f.add_local(I64, "cnt"),
           total = f.add_local(I64, "total"), r = f.add_local(I32, "r"), i = f.add_local(I32, "i"), j = f.add_local(I32, "j"),
           k = f.add_local(I32, "k");
  f.get(1); f.mem(Op::I32Load, 2, 0); f.tee(la); f.op(Op::I32Eqz); e.err_if(RtError::Fallback, 0);
  f.get(2); f.mem(Op::I32Load, 2, 0); f.set(lb);
  f.get(0); f.mem(Op::I32Load, 2, 0); f.set(ls);
  f.get(0); f.get(1); f.op(Op::Call, G.helper("str_count")); f.tee(cnt);
  f.op(Op::I64Eqz); f.block(Op::If); f.get(0); f.op(Op::Return); f.op(Op::End);
  f.get(ls); f.op(Op::I64ExtendI32U);
  f.get(lb); f.get(la); f.op(Op::I32Sub); f.op(Op::I64ExtendI32S); f.get(cnt); f.op(Op::I64Mul); f.op(Op::I64Add); f.tee(total);
  f.i64(1 << 28); f.op(Op::I64GtU); e.err_if(RtError::Memory, 0);
  f.get(total); f.op(Op::I32WrapI64); f.op(Op::Call, G.helper("str_new")); f.set(r);
  auto copy = [&](const std::function<void()>& src_data, uint32_t from, const std::function<void()>& count) {
    // r.data[k:] = src[from:from+count]; k += count
    f.get(r); f.mem(Op::I32Load, 2, 8); f.get(k); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add);
    src_data(); f.get(from); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add);
    count(); f.i32(2); f.op(Op::I32Shl); f.op(Op::MemoryCopy);
    f.get(k); count(); f.op(Op::I32Add); f.set(k);
  };
  uint32_t zero = f.add_local(I32, "zero");
  f.block(Op::Block); f.block(Op::Loop);
  f.get(0); f.get(1); f.get(i); f.op(Op::Call, G.helper("str_find_from")); f.tee(j);
  f.i32(0); f.op(Op::I32LtS); f.op(Op::BrIf, 1);
  copy([&] { f.get(0); f.mem(Op::I32Load, 2, 8); }, i, [&] { f.get(j); f.get(i); f.op(Op::I32Sub); });
  copy([&] { f.get(2); f.mem(Op::I32Load, 2, 8); }, zero, [&] { f.get(lb); });
  f.get(j); f.get(la); f.op(Op::I32Add); f.set(i);
  f.op(Op::Br, 0);
  f.op(Op::End); f.op(Op::End);
  copy([&] { f.get(0); f.mem(Op::I32Load, 2, 8); }, i, [&] { f.get(ls); f.get(i); f.op(Op::I32Sub); });
  f.get(r);
}

void emit_str_split_sep(Gen& G, Function& f, Emit& e, const std::string& name) {
  // s.split(sep): ValueError for an empty sep is left to the interpreter
  f.local_names = {"s", "sep"};
  uint32_t l = f.add_local(I32, "l"), i = f.add_local(I32, "i"), j = f.add_local(I32, "j"), v = f.add_local(I32, "v");
  f.get(1); f.mem(Op::I32Load, 2, 0); f.op(Op::I32Eqz); e.err_if(RtError::Fallback, 0);
  f.i32(0); f.i32(4); f.op(Op::Call, G.helper("list_new")); f.set(l);
  f.block(Op::Block); f.block(Op::Loop);
  f.get(0); f.get(1); f.get(i); f.op(Op::Call, G.helper("str_find_from")); f.tee(j);
  f.i32(0); f.op(Op::I32LtS); f.op(Op::BrIf, 1);
  f.get(0); f.get(i); f.get(j); f.op(Op::Call, G.helper("str_sub")); f.set(v);
  f.get(l); f.op(Op::Call, G.helper("append_slot")); f.get(v); f.mem(Op::I32Store, 2, 0);
  f.get(j); f.get(1); f.mem(Op::I32Load, 2, 0); f.op(Op::I32Add); f.set(i);
  f.op(Op::Br, 0);
  f.op(Op::End); f.op(Op::End);
  f.get(0); f.get(i); f.get(0); f.mem(Op::I32Load, 2, 0); f.op(Op::Call, G.helper("str_sub")); f.set(v);
  f.get(l); f.op(Op::Call, G.helper("append_slot")); f.get(v); f.mem(Op::I32Store, 2, 0);
  f.get(l);
}

void emit_is_space(Gen& G, Function& f, Emit& e, const std::string& name) {
  // Python's str.isspace() for one code point
  f.local_names[0] = "c";
  auto in = [&](int lo, int hi) { f.get(0); f.i32(lo); f.op(Op::I32Sub); f.i32(hi - lo); f.op(Op::I32LeU); };
  in(9, 13); in(28, 32); f.op(Op::I32Or);
  for (int c : {0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000}) { f.get(0); f.i32(c); f.op(Op::I32Eq); f.op(Op::I32Or); }
  in(0x2000, 0x200A); f.op(Op::I32Or);
}

void emit_str_split_ws(Gen& G, Function& f, Emit& e, const std::string& name) {
  // s.split(): runs of whitespace separate, no empty pieces
  f.local_names[0] = "s";
  uint32_t l = f.add_local(I32, "l"), i = f.add_local(I32, "i"), j = f.add_local(I32, "j"), n = f.add_local(I32, "n"),
           d = f.add_local(I32, "d"), v = f.add_local(I32, "v");
  f.get(0); f.mem(Op::I32Load, 2, 0); f.set(n);
  f.get(0); f.mem(Op::I32Load, 2, 8); f.set(d);
  auto space_at = [&](uint32_t idx) {
    f.get(d); f.get(idx); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add); f.mem(Op::I32Load, 2, 0); f.op(Op::Call, G.helper("is_space"));
  };
  f.i32(0); f.i32(4); f.op(Op::Call, G.helper("list_new")); f.set(l);
  f.block(Op::Block); f.block(Op::Loop);
  // skip spaces
  f.block(Op::Block); f.block(Op::Loop);
  f.get(i); f.get(n); f.op(Op::I32GeU); f.op(Op::BrIf, 1);
  space_at(i); f.op(Op::I32Eqz); f.op(Op::BrIf, 1);
  f.get(i); f.i32(1); f.op(Op::I32Add); f.set(i);
  f.op(Op::Br, 0);
  f.op(Op::End); f.op(Op::End);
  f.get(i); f.get(n); f.op(Op::I32GeU); f.op(Op::BrIf, 1);
  f.get(i); f.set(j);
  f.block(Op::Block); f.block(Op::Loop);
  f.get(j); f.get(n); f.op(Op::I32GeU); f.op(Op::BrIf, 1);
  space_at(j); f.op(Op::BrIf, 1);
  f.get(j); f.i32(1); f.op(Op::I32Add); f.set(j);
  f.op(Op::Br, 0);
  f.op(Op::End); f.op(Op::End);
  f.get(0); f.get(i); f.get(j); f.op(Op::Call, G.helper("str_sub")); f.set(v);
  f.get(l); f.op(Op::Call, G.helper("append_slot")); f.get(v); f.mem(Op::I32Store, 2, 0);
  f.get(j); f.set(i);
  f.op(Op::Br, 0);
  f.op(Op::End); f.op(Op::End);
  f.get(l);
}

void emit_str_strip(Gen& G, Function& f, Emit& e, const std::string& name) {
  f.local_names[0] = "s";
  uint32_t i = f.add_local(I32, "i"), j = f.add_local(I32, "j"), d = f.add_local(I32, "d");
  f.get(0); f.mem(Op::I32Load, 2, 0); f.set(j);
  f.get(0); f.mem(Op::I32Load, 2, 8); f.set(d);
  auto space_at = [&](const std::function<void()>& idx) {
    f.get(d); idx(); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add); f.mem(Op::I32Load, 2, 0); f.op(Op::Call, G.helper("is_space"));
  };
  f.block(Op::Block); f.block(Op::Loop);
  f.get(i); f.get(j); f.op(Op::I32GeU); f.op(Op::BrIf, 1);
  space_at([&] { f.get(i); }); f.op(Op::I32Eqz); f.op(Op::BrIf, 1);
  f.get(i); f.i32(1); f.op(Op::I32Add); f.set(i);
  f.op(Op::Br, 0);
  f.op(Op::End); f.op(Op::End);
  f.block(Op::Block); f.block(Op::Loop);
  f.get(j); f.get(i); f.op(Op::I32LeU); f.op(Op::BrIf, 1);
  space_at([&] { f.get(j); f.i32(1); f.op(Op::I32Sub); }); f.op(Op::I32Eqz); f.op(Op::BrIf, 1);
  f.get(j); f.i32(1); f.op(Op::I32Sub); f.set(j);
  f.op(Op::Br, 0);
  f.op(Op::End); f.op(Op::End);
  f.get(0); f.get(i); f.get(j); f.op(Op::Call, G.helper("str_sub"));
}

void emit_str_affix(Gen& G, Function& f, Emit& e, const std::string& name) {
  // s starts (end = 0) / ends (end = 1) with x
  f.local_names = {"s", "x", "end"};
  uint32_t ls = f.add_local(I32, "ls"), lx = f.add_local(I32, "lx"), off = f.add_local(I32, "off");
  f.get(0); f.mem(Op::I32Load, 2, 0); f.set(ls);
  f.get(1); f.mem(Op::I32Load, 2, 0); f.set(lx);
  f.get(lx); f.get(ls); f.op(Op::I32GtU);
  f.block(Op::If); f.i32(0); f.op(Op::Return); f.op(Op::End);
  f.get(ls); f.get(lx); f.op(Op::I32Sub); f.i32(0); f.get(2); f.op(Op::Select); f.set(off);
  f.get(0); f.get(off); f.get(off); f.get(lx); f.op(Op::I32Add); f.op(Op::Call, G.helper("str_sub"));
  f.get(1); f.op(Op::Call, G.helper("str_eq"));
}

void emit_str_lower(Gen& G, Function& f, Emit& e, const std::string& name) {
  // ASCII and Latin-1 letters; scripts without case (listed below) unchanged; any
  // other character (and the Latin-1 ones whose case changes length or leaves Latin-1)
  // is left to the interpreter
  bool up = name == "str_upper";
  f.local_names[0] = "s";
  uint32_t n = f.add_local(I32, "n"), r = f.add_local(I32, "r"), i = f.add_local(I32, "i"), c = f.add_local(I32, "c"),
           d = f.add_local(I32, "d"), rd = f.add_local(I32, "rd");
  f.get(0); f.mem(Op::I32Load, 2, 0); f.set(n);
  f.get(0); f.mem(Op::I32Load, 2, 8); f.set(d);
  f.get(n); f.op(Op::Call, G.helper("str_new")); f.tee(r); f.mem(Op::I32Load, 2, 8); f.set(rd);
  auto in = [&](int lo, int hi) { f.get(c); f.i32(lo); f.op(Op::I32Sub); f.i32(hi - lo); f.op(Op::I32LeU); };
  f.block(Op::Block); f.block(Op::Loop);
  f.get(i); f.get(n); f.op(Op::I32GeU); f.op(Op::BrIf, 1);
  f.get(d); f.get(i); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add); f.mem(Op::I32Load, 2, 0); f.set(c);
  // leave it to the interpreter?
  f.get(c); f.i32(0x100); f.op(Op::I32GeU);
  // caseless: Hebrew, Arabic, the Indic scripts, CJK punctuation, kana, CJK ideographs,
  // Hangul, emoji
  in(0x0590, 0x06FF); in(0x0900, 0x0DFF); f.op(Op::I32Or); in(0x3000, 0x9FFF); f.op(Op::I32Or);
  in(0xAC00, 0xD7A3); f.op(Op::I32Or); in(0x1F300, 0x1FAFF); f.op(Op::I32Or);
  f.op(Op::I32Eqz); f.op(Op::I32And);
  if (up) for (int x : {0xB5, 0xDF, 0xFF}) { f.get(c); f.i32(x); f.op(Op::I32Eq); f.op(Op::I32Or); }
  e.err_if(RtError::Fallback, 0);
  f.get(rd); f.get(i); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add);
  f.get(c);
  if (up) { in('a', 'z'); in(0xE0, 0xFE); f.get(c); f.i32(0xF7); f.op(Op::I32Ne); f.op(Op::I32And); }
  else { in('A', 'Z'); in(0xC0, 0xDE); f.get(c); f.i32(0xD7); f.op(Op::I32Ne); f.op(Op::I32And); }
  f.op(Op::I32Or);
  f.i32(up ? -32 : 32); f.op(Op::I32Mul); f.op(Op::I32Add);
  f.mem(Op::I32Store, 2, 0);
  f.get(i); f.i32(1); f.op(Op::I32Add); f.set(i);
  f.op(Op::Br, 0);
  f.op(Op::End); f.op(Op::End);
  f.get(r);
}

void emit_str_join(Gen& G, Function& f, Emit& e, const std::string& name) {
  // sep.join(list of strings)
  f.local_names = {"sep", "list"};
  uint32_t n = f.add_local(I32, "n"), i = f.add_local(I32, "i"), total = f.add_local(I64, "total"), r = f.add_local(I32, "r"),
           k = f.add_local(I32, "k"), x = f.add_local(I32, "x"), ls = f.add_local(I32, "ls");
  f.get(1); f.mem(Op::I32Load, 2, 0); f.set(n);
  f.get(0); f.mem(Op::I32Load, 2, 0); f.set(ls);
  auto item = [&] { f.get(1); f.mem(Op::I32Load, 2, 8); f.get(i); f.i32(3); f.op(Op::I32Shl); f.op(Op::I32Add); f.mem(Op::I32Load, 2, 0); };
  auto loop = [&](const std::function<void()>& body) {
    f.i32(0); f.set(i);
    f.block(Op::Block); f.block(Op::Loop);
    f.get(i); f.get(n); f.op(Op::I32GeU); f.op(Op::BrIf, 1);
    item(); f.set(x);
    body();
    f.get(i); f.i32(1); f.op(Op::I32Add); f.set(i);
    f.op(Op::Br, 0);
    f.op(Op::End); f.op(Op::End);
  };
  loop([&] {
    f.get(total); f.get(x); f.mem(Op::I32Load, 2, 0); f.op(Op::I64ExtendI32U); f.op(Op::I64Add);
    f.get(i); f.i32(0); f.op(Op::I32Ne); f.get(ls); f.op(Op::I32Mul); f.op(Op::I64ExtendI32U); f.op(Op::I64Add); f.set(total);
  });
  f.get(total); f.i64(1 << 28); f.op(Op::I64GtU); e.err_if(RtError::Memory, 0);
  f.get(total); f.op(Op::I32WrapI64); f.op(Op::Call, G.helper("str_new")); f.set(r);
  auto copy = [&](uint32_t src) {
    f.get(r); f.mem(Op::I32Load, 2, 8); f.get(k); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add);
    f.get(src); f.mem(Op::I32Load, 2, 8);
    f.get(src); f.mem(Op::I32Load, 2, 0); f.i32(2); f.op(Op::I32Shl); f.op(Op::MemoryCopy);
    f.get(k); f.get(src); f.mem(Op::I32Load, 2, 0); f.op(Op::I32Add); f.set(k);
  };
  loop([&] {
    f.get(i); f.block(Op::If); copy(0); f.op(Op::End);
    copy(x);
  });
  f.get(r);
}

void emit_str_isdigit(Gen& G, Function& f, Emit& e, const std::string& name) {
  // ASCII classes (isspace: every Unicode space); a character past ASCII (whose class needs
  // Unicode tables) is left to the interpreter. isupper/islower: some cased character, and
  // none of the other case.
  std::string k = name.substr(4);  // "isdigit"
  f.local_names[0] = "s";
  uint32_t i = f.add_local(I32, "i"), n = f.add_local(I32, "n"), c = f.add_local(I32, "c"), d = f.add_local(I32, "d"),
           cased = f.add_local(I32, "cased");
  f.get(0); f.mem(Op::I32Load, 2, 0); f.set(n);
  f.get(0); f.mem(Op::I32Load, 2, 8); f.set(d);
  auto in = [&](int lo, int hi) { f.get(c); f.i32(lo); f.op(Op::I32Sub); f.i32(hi - lo); f.op(Op::I32LeU); };
  if (k != "isupper" && k != "islower") {  // "" -> False
    f.get(n); f.op(Op::I32Eqz);
    f.block(Op::If); f.i32(0); f.op(Op::Return); f.op(Op::End);
  }
  f.block(Op::Block); f.block(Op::Loop);
  f.get(i); f.get(n); f.op(Op::I32GeU); f.op(Op::BrIf, 1);
  f.get(d); f.get(i); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add); f.mem(Op::I32Load, 2, 0); f.set(c);
  if (k == "isspace") {
    f.get(c); f.op(Op::Call, G.helper("is_space")); f.op(Op::I32Eqz);
    f.block(Op::If); f.i32(0); f.op(Op::Return); f.op(Op::End);
  } else {
    f.get(c); f.i32(0x80); f.op(Op::I32GeU); e.err_if(RtError::Fallback, 0);
    if (k == "isupper" || k == "islower") {
      bool up = k == "isupper";
      up ? in('a', 'z') : in('A', 'Z');
      f.block(Op::If); f.i32(0); f.op(Op::Return); f.op(Op::End);
      up ? in('A', 'Z') : in('a', 'z');
      f.get(cased); f.op(Op::I32Or); f.set(cased);
    } else {
      if (k == "isdigit") in('0', '9');
      else if (k == "isalpha") { in('a', 'z'); in('A', 'Z'); f.op(Op::I32Or); }
      else { in('a', 'z'); in('A', 'Z'); f.op(Op::I32Or); in('0', '9'); f.op(Op::I32Or); }
      f.op(Op::I32Eqz);
      f.block(Op::If); f.i32(0); f.op(Op::Return); f.op(Op::End);
    }
  }
  f.get(i); f.i32(1); f.op(Op::I32Add); f.set(i);
  f.op(Op::Br, 0);
  f.op(Op::End); f.op(Op::End);
  if (k == "isupper" || k == "islower") f.get(cased);
  else f.i32(1);
}

}  // namespace

std::span<const RtHelper> str_methods_helpers() {
  static const RtHelper table[] = {
    {"str_find_from", {{I32, I32, I32}, {I32}}, emit_str_find_from},
    {"str_count", {{I32, I32}, {I64}}, emit_str_count},
    {"str_replace", {{I32, I32, I32}, {I32}}, emit_str_replace},
    {"str_split_sep", {{I32, I32}, {I32}}, emit_str_split_sep},
    {"is_space", {{I32}, {I32}}, emit_is_space},
    {"str_split_ws", {{I32}, {I32}}, emit_str_split_ws},
    {"str_strip", {{I32}, {I32}}, emit_str_strip},
    {"str_affix", {{I32, I32, I32}, {I32}}, emit_str_affix},
    {"str_lower", {{I32}, {I32}}, emit_str_lower},
    {"str_upper", {{I32}, {I32}}, emit_str_lower},
    {"str_join", {{I32, I32}, {I32}}, emit_str_join},
    {"str_isdigit", {{I32}, {I32}}, emit_str_isdigit},
    {"str_isalpha", {{I32}, {I32}}, emit_str_isdigit},
    {"str_isalnum", {{I32}, {I32}}, emit_str_isdigit},
    {"str_isspace", {{I32}, {I32}}, emit_str_isdigit},
    {"str_isupper", {{I32}, {I32}}, emit_str_isdigit},
    {"str_islower", {{I32}, {I32}}, emit_str_isdigit},
  };
  return table;
}

}  // namespace ml::wasm::gen
