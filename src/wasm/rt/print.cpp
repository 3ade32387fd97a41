// print() of lists and tuples: helpers generated per element type.
#include "wasm/rt/helpers.h"

namespace ml::wasm::gen {

// print(list): "[a, b]" with each element printed as its repr
uint32_t Gen::print_list(Type t) {
  std::string key = "print_" + t.name();
  for (char& c : key)
    if (c == '[') c = '<';
    else if (c == ']') c = '>';
  auto it = helpers.find(key);
  if (it != helpers.end()) return it->second;
  uint32_t h = mb.add_function(key, {{WType::I32}, {}});
  helpers[key] = h;
  Function& f = mb.function(h);
  f.local_names[0] = "list";
  uint32_t i = f.add_local(WType::I32, "i");
  auto put = [&](const std::string& s) {
    auto [a, n] = str(s);
    f.i32(static_cast<int32_t>(a)); f.i32(static_cast<int32_t>(n)); f.op(Op::Call, import("print_str"));
  };
  put("[");
  f.block(Op::Block); f.block(Op::Loop);
  f.get(i); f.get(0); f.mem(Op::I32Load, 2, 0); f.op(Op::I32GeU); f.op(Op::BrIf, 1);
  f.get(i);
  f.block(Op::If); put(", "); f.op(Op::End);
  f.get(0); f.mem(Op::I32Load, 2, 8); f.get(i); f.i32(3); f.op(Op::I32Shl); f.op(Op::I32Add);
  Type el = t.elem();
  if (el.is_list()) { f.mem(Op::I32Load, 2); f.op(Op::Call, print_list(el)); }
  else if (el.is_str()) { f.mem(Op::I32Load, 2); f.op(Op::Call, helper("str_print_repr")); }
  else if (el.is_tuple()) { f.mem(Op::I32Load, 2); f.op(Op::Call, print_tuple(el)); }
  else if (el == kInt) { f.mem(Op::I64Load, 3); f.op(Op::Call, import("print_i64")); }
  else if (el == kFloat) { f.mem(Op::F64Load, 3); f.op(Op::Call, import("print_f64")); }
  else { f.mem(Op::I32Load, 2); f.op(Op::Call, import("print_bool")); }
  f.get(i); f.i32(1); f.op(Op::I32Add); f.set(i);
  f.op(Op::Br, 0);
  f.op(Op::End); f.op(Op::End);
  put("]");
  return h;
}

// print(tuple): "(1, 2.5)", "(1,)", "()"
uint32_t Gen::print_tuple(Type t) {
  std::string key = "print_tuple";
  for (size_t i = 0; i < t.tn; ++i) key += "." + t.item(i).name();
  auto it = helpers.find(key);
  if (it != helpers.end()) return it->second;
  uint32_t h = mb.add_function(key, {{WType::I32}, {}});
  helpers[key] = h;
  Function& f = mb.function(h);
  f.local_names[0] = "tuple";
  auto put = [&](const std::string& s) {
    auto [a, n] = str(s);
    f.i32(static_cast<int32_t>(a)); f.i32(static_cast<int32_t>(n)); f.op(Op::Call, import("print_str"));
  };
  put("(");
  for (size_t i = 0; i < t.tn; ++i) {
    if (i) put(", ");
    f.get(0);
    uint32_t off = kListHeader + static_cast<uint32_t>(i) * kSlot;
    Type el = t.item(i);
    if (el == kInt) { f.mem(Op::I64Load, 3, off); f.op(Op::Call, import("print_i64")); }
    else if (el == kFloat) { f.mem(Op::F64Load, 3, off); f.op(Op::Call, import("print_f64")); }
    else if (el.is_str()) { f.mem(Op::I32Load, 2, off); f.op(Op::Call, helper("str_print_repr")); }
    else { f.mem(Op::I32Load, 2, off); f.op(Op::Call, import("print_bool")); }
  }
  put(t.tn == 1 ? ",)" : ")");
  return h;
}

// ------------------------------------------------------------------ functions

}  // namespace ml::wasm::gen
