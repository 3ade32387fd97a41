#include "wasm/codegen.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "engine/engine.h"
#include "wasm/wat_printer.h"

namespace ml::wasm {

const char* to_string(RtError e) {
  switch (e) {
    case RtError::None: return "none";
    case RtError::ZeroDivision: return "ZeroDivisionError";
    case RtError::Index: return "IndexError";
    case RtError::IndexStore: return "IndexError (assignment)";
    case RtError::Overflow: return "integer overflow beyond 64 bits";
    case RtError::Fallback: return "value the compiled code leaves to the interpreter";
    case RtError::Memory: return "out of linear memory";
    case RtError::Recursion: return "call depth beyond the recursion limit";
    case RtError::StrIndex: return "IndexError (string)";
    case RtError::TupleIndex: return "IndexError (tuple)";
  }
  return "?";
}

namespace {

using ast::BinOp;
using ast::CmpOp;
using ast::Expr;
using ast::ExprKind;
using ast::Stmt;
using ast::StmtKind;

constexpr int64_t kI64Min = INT64_MIN;

[[noreturn]] void fail(std::string construct, Loc loc, std::string detail = "") {
  throw CannotCompile{Reason{std::move(construct), loc, std::move(detail)}};
}

std::string mangle(const FuncSpec& s) {
  std::string n = s.def ? s.name : "main";
  for (const Type& t : s.params) {
    std::string tn = t.name();
    std::string id;  // a text-format identifier: "tuple[int, float]" -> "tuple<int,float>"
    for (char c : tn) {
      if (c == '[') id += '<';
      else if (c == ']') id += '>';
      else if (c != ' ' && c != '(' && c != ')') id += c == ',' ? '_' : c;
    }
    n += "." + id;
  }
  return n;
}

bool has_call(const Expr& e) {
  if (e.kind == ExprKind::Call) return true;
  for (const Expr* c : {e.a.get(), e.b.get(), e.c.get()})
    if (c && has_call(*c)) return true;
  for (const auto& i : e.items)
    if (has_call(*i)) return true;
  for (const auto& g : e.gens) {
    if (has_call(*g.iter)) return true;
    for (const auto& c : g.ifs)
      if (has_call(*c)) return true;
  }
  return false;
}

class Gen;

// Shared emission helpers (used by user functions and by runtime helpers).
struct Emit {
  Gen& G;
  Function* F;
  Emit(Gen& g, Function* f) : G(g), F(f) {}
  uint32_t tmp(WType t, std::string name = "") { return F->add_local(t, std::move(name)); }
  void err(RtError code, int line);
  void err_if(RtError code, int line) {  // traps when the i32 on the stack is non-zero
    F->block(Op::If);
    err(code, line);
    F->op(Op::End);
  }
};

class Gen {
 public:
  Gen(Typer& t, CodegenOptions o) : T(t), o(o) {}
  Typer& T;
  CodegenOptions o;
  ModuleBuilder mb;
  uint32_t g_heap = 0, g_err = 0, g_line = 0, g_limit = 0;
  // Call depth: every compiled function takes a trailing i32 `rem`, the number of frames
  // still allowed to functions that are part of a recursion. A function that cannot recurse
  // appears at most once on the stack, so the exported entry starts from
  // limit - nonrec (a conservative count: a call that might pass the interpreter's limit
  // falls back), and only recursive functions check and decrement `rem`.
  std::set<const FuncSpec*> recursive;
  std::set<const FuncSpec*> mutating;  // may change the length of some list (append), directly or via callees
  int nonrec = 0;
  std::map<const FuncSpec*, uint32_t> fn;
  std::vector<FuncSpec*> todo;
  std::map<std::string, uint32_t> helpers;
  std::map<std::string, uint32_t> strings;
  std::string data;
  std::map<std::string, uint32_t> mglobals;  // standalone module variables
  bool uses_fmod = false, uses_pow = false;

  // changes the length of some list itself: append, or += / *= on a list
  static bool appends(const FuncSpec* s) {
    for (const auto& [e, c] : s->calls)
      if (c.kind == CallInfo::Method && c.name == "append") return true;
    std::function<bool(const ast::Body&)> walk = [&](const ast::Body& b) {
      for (const auto& st : b) {
        if (st->kind == StmtKind::AugAssign) {
          auto t = s->types.find(st->targets[0].get());
          if (t == s->types.end() || t->second.is_list()) return true;
        }
        if (walk(st->body) || walk(st->orelse)) return true;
      }
      return false;
    };
    return s->def && walk(s->def->body);
  }
  FuncSpec* settle(FuncSpec* s) {
    if (s->state != FuncSpec::Done && s->def) s = T.specialize(s->def, s->params);
    return s;
  }
  // The call graph below the entry: which functions recurse, which may append to a list.
  void analyze(FuncSpec* entry) {
    std::vector<FuncSpec*> all{entry};
    std::set<FuncSpec*> seen{entry};
    std::map<FuncSpec*, std::vector<FuncSpec*>> edges;
    for (size_t i = 0; i < all.size(); ++i) {
      if (all[i]->state != FuncSpec::Done) continue;
      for (FuncSpec* c : all[i]->callees()) {
        c = settle(c);
        edges[all[i]].push_back(c);
        if (seen.insert(c).second) all.push_back(c);
      }
    }
    for (FuncSpec* s : all) {
      std::set<FuncSpec*> reach;
      std::vector<FuncSpec*> st = edges[s];
      while (!st.empty()) {
        FuncSpec* x = st.back();
        st.pop_back();
        if (!reach.insert(x).second) continue;
        for (FuncSpec* y : edges[x]) st.push_back(y);
      }
      if (reach.count(s)) recursive.insert(s);
      else if (s->def) nonrec++;
      bool m = appends(s);
      for (FuncSpec* x : reach) m = m || appends(x);
      if (m) mutating.insert(s);
    }
  }

  uint32_t func_for(FuncSpec* s) {
    auto it = fn.find(s);
    if (it != fn.end()) return it->second;
    if (s->state != FuncSpec::Done) {
      s = settle(s);
      if (s->state != FuncSpec::Done)
        fail("call to " + s->key + ", which cannot be compiled", s->def ? s->def->loc : Loc{},
             s->failure ? s->failure->text() : "types not settled");
    }
    Sig sig;
    for (const Type& t : s->params) sig.params.push_back(wtype(t));
    if (s->def) sig.params.push_back(WType::I32);  // rem (see `recursive`)
    if (s->def && !(s->ret == kNone)) sig.results.push_back(wtype(s->ret));
    uint32_t h = mb.add_function(mangle(*s), sig);
    fn[s] = h;
    todo.push_back(s);
    return h;
  }

  std::pair<uint32_t, uint32_t> str(const std::string& s) {
    auto it = strings.find(s);
    if (it != strings.end()) return {it->second, static_cast<uint32_t>(s.size())};
    uint32_t addr = kDataBase + static_cast<uint32_t>(data.size());
    data += s;
    strings[s] = addr;
    return {addr, static_cast<uint32_t>(s.size())};
  }

  // 8-aligned bytes in the data segment: their address
  uint32_t data_block(const std::string& bytes) {
    while (data.size() % 8) data += '\0';
    uint32_t addr = kDataBase + static_cast<uint32_t>(data.size());
    data += bytes;
    return addr;
  }
  template <class T> static void put_le(std::string& b, T v) {
    for (size_t i = 0; i < sizeof v; ++i) b += static_cast<char>((static_cast<uint64_t>(v) >> (8 * i)) & 0xFF);
  }
  // A string constant (see the ABI in codegen.h): its header address.
  std::map<std::string, uint32_t> str_consts;
  uint32_t str_const(const std::string& utf8) {
    auto it = str_consts.find(utf8);
    if (it != str_consts.end()) return it->second;
    std::vector<uint32_t> cps = decode_utf8_cps(utf8);
    while (data.size() % 8) data += '\0';
    uint32_t addr = kDataBase + static_cast<uint32_t>(data.size());
    std::string b;
    put_le<uint32_t>(b, static_cast<uint32_t>(cps.size()));
    put_le<uint32_t>(b, 0);
    put_le<uint32_t>(b, addr + kStrHeader);
    put_le<uint32_t>(b, 0);
    for (uint32_t c : cps) put_le<uint32_t>(b, c);
    data_block(b);
    str_consts[utf8] = addr;
    return addr;
  }
  static std::vector<uint32_t> decode_utf8_cps(const std::string& s) {
    std::vector<uint32_t> out;
    for (size_t i = 0; i < s.size();) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
      uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
      for (size_t k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
      out.push_back(cp);
      i += n;
    }
    return out;
  }
  // The 128 one-character ASCII strings (24 bytes each), laid out on first use.
  uint32_t ascii_table = 0;
  uint32_t ascii_chars() {
    if (ascii_table) return ascii_table;
    while (data.size() % 8) data += '\0';
    uint32_t addr = kDataBase + static_cast<uint32_t>(data.size());
    std::string b;
    for (uint32_t c = 0; c < 128; ++c) {
      uint32_t h = addr + c * 24;
      put_le<uint32_t>(b, 1);
      put_le<uint32_t>(b, 0);
      put_le<uint32_t>(b, h + kStrHeader);
      put_le<uint32_t>(b, 0);
      put_le<uint32_t>(b, c);
      put_le<uint32_t>(b, 0);
    }
    data_block(b);
    ascii_table = addr;
    return addr;
  }

  uint32_t import(const std::string& name) {
    static const std::map<std::string, Sig> sigs = {
        {"print_i64", {{WType::I64}, {}}},
        {"print_f64", {{WType::F64}, {}}},
        {"print_bool", {{WType::I32}, {}}},
        {"print_str", {{WType::I32, WType::I32}, {}}},
        {"f64_repr", {{WType::F64, WType::I32}, {WType::I32}}},
        {"fmod", {{WType::F64, WType::F64}, {WType::F64}}},
        {"pow", {{WType::F64, WType::F64}, {WType::F64}}},
    };
    if (name == "fmod") uses_fmod = true;
    if (name == "pow") uses_pow = true;
    return mb.import_function("env", name, sigs.at(name));
  }

  uint32_t helper(const std::string& name);
  uint32_t print_list(Type t);
  uint32_t print_tuple(Type t);
  void body_of(FuncSpec* s);
  GeneratedModule run(FuncSpec* entry);
};

void Emit::err(RtError code, int line) {
  F->i32(static_cast<int32_t>(code));
  F->op(Op::GlobalSet, G.g_err);
  F->i32(line);
  F->op(Op::GlobalSet, G.g_line);
  F->op(Op::Unreachable);
}

// ------------------------------------------------------------------ runtime helpers

uint32_t Gen::helper(const std::string& name) {
  auto it = helpers.find(name);
  if (it != helpers.end()) return it->second;
  using W = WType;
  const W I32 = W::I32, I64 = W::I64, F64 = W::F64;
  static const std::map<std::string, Sig> sigs = {
      {"alloc", {{I32}, {I32}}},
      {"list_new", {{I32, I32}, {I32}}},
      {"append_slot", {{I32}, {I32}}},
      {"list_repeat", {{I32, I64}, {I32}}},
      {"list_concat", {{I32, I32}, {I32}}},
      {"list_extend", {{I32, I32}, {I32}}},
      {"list_imul", {{I32, I64}, {I32}}},
      {"list_reserve", {{I32, I32}, {}}},
      {"mul_ovf", {{I64, I64, I32}, {I64}}},
      {"floordiv_i", {{I64, I64, I32}, {I64}}},
      {"mod_i", {{I64, I64, I32}, {I64}}},
      {"pow_i", {{I64, I64, I32}, {I64}}},
      {"truediv_i", {{I64, I64, I32}, {F64}}},
      {"shl", {{I64, I64, I32}, {I64}}},
      {"shr", {{I64, I64, I32}, {I64}}},
      {"floordiv_f", {{F64, F64, I32}, {F64}}},
      {"mod_f", {{F64, F64, I32}, {F64}}},
      {"pow_f", {{F64, F64, I32}, {F64}}},
      {"cmp_if", {{I64, F64}, {I32}}},
      {"f2i", {{F64, I32}, {I64}}},
      {"str_new", {{I32}, {I32}}},
      {"str_alloc", {{I32, I32}, {I32}}},
      {"str_char", {{I32}, {I32}}},
      {"str_at", {{I32, I64, I32}, {I32}}},
      {"str_slice", {{I32, I64, I64}, {I32}}},
      {"str_concat", {{I32, I32}, {I32}}},
      {"str_repeat", {{I32, I64}, {I32}}},
      {"str_eq", {{I32, I32}, {I32}}},
      {"str_cmp", {{I32, I32}, {I32}}},
      {"str_contains", {{I32, I32}, {I32}}},
      {"str_print", {{I32}, {}}},
      {"str_print_repr", {{I32}, {}}},
      {"str_repr", {{I32}, {I32}}},
      {"str_of_float", {{F64}, {I32}}},
      {"str_sub", {{I32, I32, I32}, {I32}}},
      {"str_slice_step", {{I32, I64, I64, I64, I32}, {I32}}},
      {"str_find_from", {{I32, I32, I32}, {I32}}},
      {"str_count", {{I32, I32}, {I64}}},
      {"str_replace", {{I32, I32, I32}, {I32}}},
      {"str_split_sep", {{I32, I32}, {I32}}},
      {"str_split_ws", {{I32}, {I32}}},
      {"is_space", {{I32}, {I32}}},
      {"str_strip", {{I32}, {I32}}},
      {"str_affix", {{I32, I32, I32}, {I32}}},
      {"str_lower", {{I32}, {I32}}},
      {"str_upper", {{I32}, {I32}}},
      {"str_join", {{I32, I32}, {I32}}},
      {"list_copy", {{I32}, {I32}}},
      {"str_chars", {{I32}, {I32}}},
      {"sort_int", {{I32, I32}, {}}},
      {"sort_float", {{I32, I32}, {}}},
      {"sort_bool", {{I32, I32}, {}}},
      {"sort_str", {{I32, I32}, {}}},
      {"str_isdigit", {{I32}, {I32}}},
      {"str_isalpha", {{I32}, {I32}}},
      {"str_isalnum", {{I32}, {I32}}},
      {"str_isspace", {{I32}, {I32}}},
      {"str_isupper", {{I32}, {I32}}},
      {"str_islower", {{I32}, {I32}}},
      {"int_of_str", {{I32, I32}, {I64}}},
      {"tuple_concat", {{I32, I32}, {I32}}},
      {"str_of_int", {{I64}, {I32}}},
      {"chr", {{I64, I32}, {I32}}},
      {"ord", {{I32, I32}, {I64}}},
  };
  uint32_t h = mb.add_function(name, sigs.at(name));
  helpers[name] = h;
  Function& f = mb.function(h);
  Emit e(*this, &f);
  auto line = [&] { f.get(2); };
  // err with a dynamic line (param 2 of arithmetic helpers)
  auto err_dyn = [&](RtError code, uint32_t line_local) {
    f.i32(static_cast<int32_t>(code));
    f.op(Op::GlobalSet, g_err);
    f.get(line_local);
    f.op(Op::GlobalSet, g_line);
    f.op(Op::Unreachable);
  };
  auto if_err_dyn = [&](RtError code, uint32_t line_local) {
    f.block(Op::If);
    err_dyn(code, line_local);
    f.op(Op::End);
  };
  (void)line;
  if (name == "alloc") {
    // bump allocator, 8-aligned; grows memory when needed
    f.local_names[0] = "n";
    uint32_t p = f.add_local(I32, "p"), top = f.add_local(I64, "top"), need = f.add_local(I64, "need");
    f.op(Op::GlobalGet, g_heap); f.set(p);
    f.get(p); f.op(Op::I64ExtendI32U); f.get(0); f.op(Op::I64ExtendI32U); f.op(Op::I64Add);
    f.i64(7); f.op(Op::I64Add); f.i64(-8); f.op(Op::I64And); f.tee(top);
    f.i64(0xFFFF0000LL); f.op(Op::I64GtU); e.err_if(RtError::Memory, 0);
    f.get(top); f.op(Op::MemorySize); f.op(Op::I64ExtendI32U); f.i64(16); f.op(Op::I64Shl); f.op(Op::I64Sub);
    f.tee(need); f.i64(0); f.op(Op::I64GtS);
    f.block(Op::If);
    f.get(need); f.i64(65535); f.op(Op::I64Add); f.i64(16); f.op(Op::I64ShrU); f.op(Op::I32WrapI64);
    f.op(Op::MemoryGrow); f.i32(-1); f.op(Op::I32Eq); e.err_if(RtError::Memory, 0);
    f.op(Op::End);
    f.get(top); f.op(Op::I32WrapI64); f.op(Op::GlobalSet, g_heap);
    f.get(p);
  } else if (name == "list_new") {
    f.local_names[0] = "len"; f.local_names[1] = "cap";
    uint32_t l = f.add_local(I32, "l");
    f.get(1); f.i32(1 << 27); f.op(Op::I32GtU); e.err_if(RtError::Memory, 0);
    f.i32(kListHeader); f.op(Op::Call, helper("alloc")); f.set(l);
    f.get(l); f.get(0); f.mem(Op::I32Store, 2, 0);
    f.get(l); f.get(1); f.mem(Op::I32Store, 2, 4);
    f.get(l); f.get(1); f.i32(3); f.op(Op::I32Shl); f.op(Op::Call, helper("alloc")); f.mem(Op::I32Store, 2, 8);
    f.get(l);
  } else if (name == "append_slot") {
    f.local_names[0] = "list";
    uint32_t len = f.add_local(I32, "len"), cap = f.add_local(I32, "cap"), nd = f.add_local(I32, "nd");
    f.get(0); f.mem(Op::I32Load, 2, 0); f.set(len);
    f.get(0); f.mem(Op::I32Load, 2, 4); f.set(cap);
    f.get(len); f.get(cap); f.op(Op::I32GeU);
    f.block(Op::If);
    f.i32(4); f.get(cap); f.i32(1); f.op(Op::I32Shl); f.get(cap); f.i32(2); f.op(Op::I32LtU); f.op(Op::Select);
    f.set(cap);
    f.get(cap); f.i32(1 << 27); f.op(Op::I32GtU); e.err_if(RtError::Memory, 0);
    f.get(cap); f.i32(3); f.op(Op::I32Shl); f.op(Op::Call, helper("alloc")); f.set(nd);
    f.get(nd); f.get(0); f.mem(Op::I32Load, 2, 8); f.get(len); f.i32(3); f.op(Op::I32Shl); f.op(Op::MemoryCopy);
    f.get(0); f.get(cap); f.mem(Op::I32Store, 2, 4);
    f.get(0); f.get(nd); f.mem(Op::I32Store, 2, 8);
    f.op(Op::End);
    f.get(0); f.get(len); f.i32(1); f.op(Op::I32Add); f.mem(Op::I32Store, 2, 0);
    f.get(0); f.mem(Op::I32Load, 2, 8); f.get(len); f.i32(3); f.op(Op::I32Shl); f.op(Op::I32Add);
  } else if (name == "list_repeat") {
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
    f.get(total); f.op(Op::I32WrapI64); f.get(total); f.op(Op::I32WrapI64); f.op(Op::Call, helper("list_new")); f.set(r);
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
  } else if (name == "list_concat") {
    f.local_names[0] = "a"; f.local_names[1] = "b";
    uint32_t la = f.add_local(I32, "la"), lb = f.add_local(I32, "lb"), r = f.add_local(I32, "r");
    f.get(0); f.mem(Op::I32Load, 2, 0); f.set(la);
    f.get(1); f.mem(Op::I32Load, 2, 0); f.set(lb);
    f.get(la); f.get(lb); f.op(Op::I32Add); f.get(la); f.get(lb); f.op(Op::I32Add); f.op(Op::Call, helper("list_new")); f.set(r);
    f.get(r); f.mem(Op::I32Load, 2, 8); f.get(0); f.mem(Op::I32Load, 2, 8); f.get(la); f.i32(3); f.op(Op::I32Shl); f.op(Op::MemoryCopy);
    f.get(r); f.mem(Op::I32Load, 2, 8); f.get(la); f.i32(3); f.op(Op::I32Shl); f.op(Op::I32Add);
    f.get(1); f.mem(Op::I32Load, 2, 8); f.get(lb); f.i32(3); f.op(Op::I32Shl); f.op(Op::MemoryCopy);
    f.get(r);
  } else if (name == "list_reserve") {
    // capacity for `need` slots: max(need, 2 * cap), the contents moved to the new data
    f.local_names[0] = "list"; f.local_names[1] = "need";
    uint32_t cap = f.add_local(I32, "cap"), nd = f.add_local(I32, "nd");
    f.get(1); f.get(0); f.mem(Op::I32Load, 2, 4); f.op(Op::I32GtU);
    f.block(Op::If);
    f.get(0); f.mem(Op::I32Load, 2, 4); f.i32(1); f.op(Op::I32Shl); f.set(cap);
    f.get(1); f.get(cap); f.get(1); f.get(cap); f.op(Op::I32GtU); f.op(Op::Select); f.set(cap);
    f.get(cap); f.i32(1 << 27); f.op(Op::I32GtU); e.err_if(RtError::Memory, 0);
    f.get(cap); f.i32(3); f.op(Op::I32Shl); f.op(Op::Call, helper("alloc")); f.set(nd);
    f.get(nd); f.get(0); f.mem(Op::I32Load, 2, 8); f.get(0); f.mem(Op::I32Load, 2, 0); f.i32(3); f.op(Op::I32Shl);
    f.op(Op::MemoryCopy);
    f.get(0); f.get(cap); f.mem(Op::I32Store, 2, 4);
    f.get(0); f.get(nd); f.mem(Op::I32Store, 2, 8);
    f.op(Op::End);
  } else if (name == "list_extend") {
    // dst += src in place (src may be dst: its length is read first)
    f.local_names[0] = "dst"; f.local_names[1] = "src";
    uint32_t n = f.add_local(I32, "n"), len = f.add_local(I32, "len");
    f.get(1); f.mem(Op::I32Load, 2, 0); f.set(n);
    f.get(0); f.mem(Op::I32Load, 2, 0); f.set(len);
    f.get(n); f.i32(1 << 27); f.op(Op::I32GtU); f.get(len); f.i32(1 << 27); f.op(Op::I32GtU); f.op(Op::I32Or);
    e.err_if(RtError::Memory, 0);
    f.get(0); f.get(len); f.get(n); f.op(Op::I32Add); f.op(Op::Call, helper("list_reserve"));
    f.get(0); f.mem(Op::I32Load, 2, 8); f.get(len); f.i32(3); f.op(Op::I32Shl); f.op(Op::I32Add);
    f.get(1); f.mem(Op::I32Load, 2, 8); f.get(n); f.i32(3); f.op(Op::I32Shl); f.op(Op::MemoryCopy);
    f.get(0); f.get(len); f.get(n); f.op(Op::I32Add); f.mem(Op::I32Store, 2, 0);
    f.get(0);
  } else if (name == "list_imul") {
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
    f.get(0); f.get(total); f.op(Op::I32WrapI64); f.op(Op::Call, helper("list_reserve"));
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
  } else if (name == "mul_ovf") {
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
    f.get(1); f.i64(kI64Min); f.op(Op::I64Eq); if_err_dyn(RtError::Overflow, 2);
    f.get(r); f.op(Op::Return);
    f.op(Op::End);
    f.get(r); f.get(0); f.op(Op::I64DivS); f.get(1); f.op(Op::I64Ne); if_err_dyn(RtError::Overflow, 2);
    f.get(r);
  } else if (name == "floordiv_i" || name == "mod_i") {
    f.local_names = {"a", "b", "line"};
    uint32_t r = f.add_local(I64, "r");
    f.get(1); f.op(Op::I64Eqz); if_err_dyn(RtError::ZeroDivision, 2);
    f.get(1); f.i64(-1); f.op(Op::I64Eq);
    f.block(Op::If);
    if (name == "floordiv_i") {
      f.get(0); f.i64(kI64Min); f.op(Op::I64Eq); if_err_dyn(RtError::Overflow, 2);
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
  } else if (name == "pow_i") {
    f.local_names = {"a", "b", "line"};
    uint32_t r = f.add_local(I64, "r");
    f.get(1); f.i64(0); f.op(Op::I64LtS); if_err_dyn(RtError::Fallback, 2);
    f.i64(1); f.set(r);
    f.block(Op::Block); f.block(Op::Loop);
    f.get(1); f.op(Op::I64Eqz); f.op(Op::BrIf, 1);
    f.get(1); f.i64(1); f.op(Op::I64And); f.i64(0); f.op(Op::I64Ne);
    f.block(Op::If); f.get(r); f.get(0); f.get(2); f.op(Op::Call, helper("mul_ovf")); f.set(r); f.op(Op::End);
    f.get(1); f.i64(1); f.op(Op::I64ShrS); f.tee(1);
    f.op(Op::I64Eqz); f.op(Op::BrIf, 1);
    f.get(0); f.get(0); f.get(2); f.op(Op::Call, helper("mul_ovf")); f.set(0);
    f.op(Op::Br, 0);
    f.op(Op::End); f.op(Op::End);
    f.get(r);
  } else if (name == "truediv_i") {
    f.local_names = {"a", "b", "line"};
    f.get(1); f.op(Op::I64Eqz); if_err_dyn(RtError::ZeroDivision, 2);
    // exact only when both fit in 53 bits; otherwise the interpreter divides exactly
    for (uint32_t v : {0u, 1u}) {
      f.get(v); f.i64(1LL << 53); f.op(Op::I64Add); f.i64(1LL << 54); f.op(Op::I64GtU);
      if_err_dyn(RtError::Fallback, 2);
    }
    f.get(0); f.op(Op::F64ConvertI64S); f.get(1); f.op(Op::F64ConvertI64S); f.op(Op::F64Div);
  } else if (name == "shl") {
    f.local_names = {"a", "b", "line"};
    uint32_t r = f.add_local(I64, "r");
    f.get(1); f.i64(0); f.op(Op::I64LtS); if_err_dyn(RtError::Fallback, 2);
    f.get(0); f.op(Op::I64Eqz);
    f.block(Op::If); f.i64(0); f.op(Op::Return); f.op(Op::End);
    f.get(1); f.i64(63); f.op(Op::I64GeS); if_err_dyn(RtError::Overflow, 2);
    f.get(0); f.get(1); f.op(Op::I64Shl); f.tee(r); f.get(1); f.op(Op::I64ShrS); f.get(0); f.op(Op::I64Ne);
    if_err_dyn(RtError::Overflow, 2);
    f.get(r);
  } else if (name == "shr") {
    f.local_names = {"a", "b", "line"};
    f.get(1); f.i64(0); f.op(Op::I64LtS); if_err_dyn(RtError::Fallback, 2);
    f.get(0); f.get(1); f.i64(63); f.get(1); f.i64(63); f.op(Op::I64LtS); f.op(Op::Select); f.op(Op::I64ShrS);
  } else if (name == "floordiv_f" || name == "mod_f") {
    // CPython's float_divmod / float_rem
    f.local_names = {"a", "b", "line"};
    uint32_t mod = f.add_local(F64, "mod"), div = f.add_local(F64, "div"), fd = f.add_local(F64, "fd");
    f.get(1); f.f64(0); f.op(Op::F64Eq); if_err_dyn(RtError::ZeroDivision, 2);
    f.get(0); f.get(1); f.op(Op::Call, import("fmod")); f.set(mod);
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
  } else if (name == "pow_f") {
    f.local_names = {"a", "b", "line"};
    uint32_t r = f.add_local(F64, "r");
    // 0.0 ** negative: ZeroDivisionError with its own message -> the interpreter raises it
    f.get(0); f.f64(0); f.op(Op::F64Eq); f.get(1); f.f64(0); f.op(Op::F64Lt); f.op(Op::I32And);
    if_err_dyn(RtError::Fallback, 2);
    // negative ** non-integer: a complex result
    f.get(0); f.f64(0); f.op(Op::F64Lt);
    f.get(1); f.op(Op::F64Floor); f.get(1); f.op(Op::F64Ne); f.op(Op::I32And);
    f.get(1); f.op(Op::F64Abs); f.f64(INFINITY); f.op(Op::F64Ne); f.op(Op::I32And);
    if_err_dyn(RtError::Fallback, 2);
    f.get(0); f.get(1); f.op(Op::Call, import("pow")); f.set(r);
    // overflow: OverflowError in Python
    f.get(r); f.op(Op::F64Abs); f.f64(INFINITY); f.op(Op::F64Eq);
    f.get(0); f.op(Op::F64Abs); f.f64(INFINITY); f.op(Op::F64Lt); f.op(Op::I32And);
    f.get(1); f.op(Op::F64Abs); f.f64(INFINITY); f.op(Op::F64Lt); f.op(Op::I32And);
    if_err_dyn(RtError::Fallback, 2);
    f.get(r);
  } else if (name == "cmp_if") {
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
  } else if (name == "str_new") {
    f.local_names[0] = "n";
    f.get(0); f.get(0); f.op(Op::Call, helper("str_alloc"));
  } else if (name == "str_alloc") {
    // a string of n code points (to be filled in) in a growable block of `cap`: header
    // {n, 1, data, 0}, then {cap, used = n}, then the data (see str_concat)
    f.local_names = {"n", "cap"};
    uint32_t h = f.add_local(I32, "h");
    f.get(1); f.i32(1 << 28); f.op(Op::I32GtU); e.err_if(RtError::Memory, 0);
    f.get(1); f.i32(2); f.op(Op::I32Shl); f.i32(kStrHeader + 8); f.op(Op::I32Add); f.op(Op::Call, helper("alloc")); f.set(h);
    f.get(h); f.get(0); f.mem(Op::I32Store, 2, 0);
    f.get(h); f.i32(1); f.mem(Op::I32Store, 2, 4);
    f.get(h); f.get(h); f.i32(kStrHeader + 8); f.op(Op::I32Add); f.mem(Op::I32Store, 2, 8);
    f.get(h); f.i32(0); f.mem(Op::I32Store, 2, 12);
    f.get(h); f.get(1); f.mem(Op::I32Store, 2, kStrHeader);
    f.get(h); f.get(0); f.mem(Op::I32Store, 2, kStrHeader + 4);
    f.get(h);
  } else if (name == "str_char") {
    // the one-character string of code point cp (ASCII ones are shared constants)
    f.local_names[0] = "cp";
    uint32_t h = f.add_local(I32, "h");
    f.get(0); f.i32(128); f.op(Op::I32LtU);
    f.block(Op::If);
    f.i32(static_cast<int32_t>(ascii_chars())); f.get(0); f.i32(24); f.op(Op::I32Mul); f.op(Op::I32Add); f.op(Op::Return);
    f.op(Op::End);
    f.i32(1); f.op(Op::Call, helper("str_new")); f.tee(h);
    f.mem(Op::I32Load, 2, 8); f.get(0); f.mem(Op::I32Store, 2, 0);
    f.get(h);
  } else if (name == "str_at") {
    // s[i]: a negative index counts from the end; IndexError at `line`
    f.local_names = {"s", "i", "line"};
    uint32_t n = f.add_local(I64, "n");
    f.get(0); f.mem(Op::I32Load, 2, 0); f.op(Op::I64ExtendI32U); f.set(n);
    f.get(1); f.i64(0); f.op(Op::I64LtS);
    f.block(Op::If); f.get(1); f.get(n); f.op(Op::I64Add); f.set(1); f.op(Op::End);
    f.get(1); f.get(n); f.op(Op::I64GeU); if_err_dyn(RtError::StrIndex, 2);
    f.get(0); f.mem(Op::I32Load, 2, 8); f.get(1); f.op(Op::I32WrapI64); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add);
    f.mem(Op::I32Load, 2, 0);
    f.op(Op::Call, helper("str_char"));
  } else if (name == "str_slice") {
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
    f.i32(kStrHeader); f.op(Op::Call, helper("alloc")); f.set(h);
    f.get(h); f.get(2); f.get(1); f.op(Op::I64Sub); f.op(Op::I32WrapI64); f.mem(Op::I32Store, 2, 0);
    f.get(h); f.i32(0); f.mem(Op::I32Store, 2, 4);
    f.get(h); f.get(0); f.mem(Op::I32Load, 2, 8); f.get(1); f.op(Op::I32WrapI64); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add);
    f.mem(Op::I32Store, 2, 8);
    f.get(h); f.i32(0); f.mem(Op::I32Store, 2, 12);
    f.get(h);
  } else if (name == "str_concat") {
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
    f.i32(kStrHeader); f.op(Op::Call, helper("alloc")); f.set(r);
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
    f.get(total); f.get(cap); f.op(Op::Call, helper("str_alloc")); f.set(r);
    f.get(r); f.mem(Op::I32Load, 2, 8); f.get(0); f.mem(Op::I32Load, 2, 8); f.get(la); f.i32(2); f.op(Op::I32Shl); f.op(Op::MemoryCopy);
    f.get(r); f.mem(Op::I32Load, 2, 8); f.get(la); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add);
    f.get(1); f.mem(Op::I32Load, 2, 8); f.get(lb); f.i32(2); f.op(Op::I32Shl); f.op(Op::MemoryCopy);
    f.get(r);
  } else if (name == "str_repeat") {
    f.local_names = {"s", "n"};
    uint32_t len = f.add_local(I32, "len"), total = f.add_local(I64, "total"), r = f.add_local(I32, "r"),
             k = f.add_local(I32, "k"), bytes = f.add_local(I32, "bytes");
    f.get(1); f.i64(0); f.op(Op::I64LtS);
    f.block(Op::If); f.i64(0); f.set(1); f.op(Op::End);
    f.get(0); f.mem(Op::I32Load, 2, 0); f.set(len);
    f.get(len); f.op(Op::I64ExtendI32U); f.get(1); f.op(Op::I64Mul); f.set(total);
    f.get(1); f.i64(1 << 28); f.op(Op::I64GtU);
    f.get(total); f.i64(1 << 28); f.op(Op::I64GtU); f.op(Op::I32Or); e.err_if(RtError::Memory, 0);
    f.get(total); f.op(Op::I32WrapI64); f.op(Op::Call, helper("str_new")); f.set(r);
    f.get(len); f.i32(2); f.op(Op::I32Shl); f.set(bytes);
    f.block(Op::Block); f.block(Op::Loop);
    f.get(k); f.op(Op::I64ExtendI32U); f.get(1); f.op(Op::I64GeS); f.op(Op::BrIf, 1);
    f.get(r); f.mem(Op::I32Load, 2, 8); f.get(k); f.get(bytes); f.op(Op::I32Mul); f.op(Op::I32Add);
    f.get(0); f.mem(Op::I32Load, 2, 8); f.get(bytes); f.op(Op::MemoryCopy);
    f.get(k); f.i32(1); f.op(Op::I32Add); f.set(k);
    f.op(Op::Br, 0);
    f.op(Op::End); f.op(Op::End);
    f.get(r);
  } else if (name == "str_eq" || name == "str_cmp") {
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
  } else if (name == "str_contains") {
    // needle in hay: found from index 0
    f.local_names = {"needle", "hay"};
    f.get(1); f.get(0); f.i32(0); f.op(Op::Call, helper("str_find_from"));
    f.i32(0); f.op(Op::I32GeS);
  } else if (name == "str_print") {
    // UTF-8 into scratch memory above the heap, then print_str (the scratch is released)
    f.local_names[0] = "s";
    uint32_t top = f.add_local(I32, "top"), buf = f.add_local(I32, "buf"), p = f.add_local(I32, "p"), i = f.add_local(I32, "i"),
             n = f.add_local(I32, "n"), d = f.add_local(I32, "d"), c = f.add_local(I32, "c");
    f.op(Op::GlobalGet, g_heap); f.set(top);
    f.get(0); f.mem(Op::I32Load, 2, 0); f.set(n);
    f.get(0); f.mem(Op::I32Load, 2, 8); f.set(d);
    f.get(n); f.i32(2); f.op(Op::I32Shl); f.op(Op::Call, helper("alloc")); f.tee(buf); f.set(p);
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
    f.get(buf); f.get(p); f.get(buf); f.op(Op::I32Sub); f.op(Op::Call, import("print_str"));
    f.get(top); f.op(Op::GlobalSet, g_heap);
  } else if (name == "str_print_repr") {
    f.local_names[0] = "s";
    uint32_t top = f.add_local(I32, "top");
    f.op(Op::GlobalGet, g_heap); f.set(top);
    f.get(0); f.op(Op::Call, helper("str_repr")); f.op(Op::Call, helper("str_print"));
    f.get(top); f.op(Op::GlobalSet, g_heap);
  } else if (name == "str_repr") {
    // repr(s) as the interpreter writes it: quotes chosen like Python's, \\ \n \r \t and
    // \xNN escapes for the other ASCII controls; other characters as themselves. The C1
    // controls, U+00A0 and U+00AD (which Python escapes) are left to the interpreter.
    f.local_names[0] = "s";
    uint32_t n = f.add_local(I32, "n"), d = f.add_local(I32, "d"), i = f.add_local(I32, "i"), c = f.add_local(I32, "c"),
             sq = f.add_local(I32, "sq"), dq = f.add_local(I32, "dq"), q = f.add_local(I32, "q"), r = f.add_local(I32, "r"),
             rd = f.add_local(I32, "rd"), k = f.add_local(I32, "k"), top = f.add_local(I32, "top"),
             h = f.add_local(I32, "h");
    f.op(Op::GlobalGet, g_heap); f.set(top);
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
    f.get(n); f.i32(4); f.op(Op::I32Mul); f.i32(2); f.op(Op::I32Add); f.op(Op::Call, helper("str_new")); f.tee(r);
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
  } else if (name == "str_of_float") {
    // Python's repr of a float, written by the host (env.f64_repr, ASCII, at most 32 bytes)
    // into the tail of a 32-character string, then widened to code points from the front
    f.local_names[0] = "x";
    uint32_t r = f.add_local(I32, "r"), d = f.add_local(I32, "d"), n = f.add_local(I32, "n"), i = f.add_local(I32, "i");
    f.i32(32); f.op(Op::Call, helper("str_new")); f.tee(r); f.mem(Op::I32Load, 2, 8); f.set(d);
    f.get(0); f.get(d); f.i32(96); f.op(Op::I32Add); f.op(Op::Call, import("f64_repr")); f.set(n);
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
  } else if (name == "str_slice_step") {
    // s[lo:hi:step] with Python's index adjustment (PySlice_AdjustIndices); `given` bit 0/1:
    // lo/hi were written. A zero step (ValueError) is left to the interpreter.
    f.local_names = {"s", "lo", "hi", "step", "given"};
    uint32_t n = f.add_local(I64, "n"), cnt = f.add_local(I64, "cnt"), r = f.add_local(I32, "r"), k = f.add_local(I64, "k"),
             d = f.add_local(I32, "d"), rd = f.add_local(I32, "rd");
    f.get(3); f.op(Op::I64Eqz); f.get(3); f.i64(INT64_MIN); f.op(Op::I64Eq); f.op(Op::I32Or); e.err_if(RtError::Fallback, 0);
    f.get(0); f.mem(Op::I32Load, 2, 0); f.op(Op::I64ExtendI32U); f.set(n);
    auto adjust = [&](uint32_t b, int bit, bool neg_step_default_end) {
      (void)neg_step_default_end;
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
    adjust(1, 1, false);
    adjust(2, 2, true);
    // count: step > 0: hi > lo ? (hi - lo - 1) / step + 1 : 0; step < 0: lo > hi ? (lo - hi - 1) / -step + 1 : 0
    f.get(3); f.i64(0); f.op(Op::I64GtS);
    f.block(Op::If);
    f.get(2); f.get(1); f.op(Op::I64GtS);
    f.block(Op::If); f.get(2); f.get(1); f.op(Op::I64Sub); f.i64(1); f.op(Op::I64Sub); f.get(3); f.op(Op::I64DivS); f.i64(1); f.op(Op::I64Add); f.set(cnt); f.op(Op::End);
    f.op(Op::Else);
    f.get(1); f.get(2); f.op(Op::I64GtS);
    f.block(Op::If); f.get(1); f.get(2); f.op(Op::I64Sub); f.i64(1); f.op(Op::I64Sub); f.i64(0); f.get(3); f.op(Op::I64Sub); f.op(Op::I64DivS); f.i64(1); f.op(Op::I64Add); f.set(cnt); f.op(Op::End);
    f.op(Op::End);
    f.get(cnt); f.op(Op::I32WrapI64); f.op(Op::Call, helper("str_new")); f.tee(r); f.mem(Op::I32Load, 2, 8); f.set(rd);
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
  } else if (name == "str_sub") {
    // s[lo:hi] for 0 <= lo <= hi <= len(s): a header sharing the data
    f.local_names = {"s", "lo", "hi"};
    uint32_t h = f.add_local(I32, "h");
    f.i32(kStrHeader); f.op(Op::Call, helper("alloc")); f.set(h);
    f.get(h); f.get(2); f.get(1); f.op(Op::I32Sub); f.mem(Op::I32Store, 2, 0);
    f.get(h); f.i32(0); f.mem(Op::I32Store, 2, 4);
    f.get(h); f.get(0); f.mem(Op::I32Load, 2, 8); f.get(1); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add); f.mem(Op::I32Store, 2, 8);
    f.get(h); f.i32(0); f.mem(Op::I32Store, 2, 12);
    f.get(h);
  } else if (name == "str_find_from") {
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
  } else if (name == "str_count") {
    // non-overlapping occurrences; "" occurs len + 1 times
    f.local_names = {"s", "x"};
    uint32_t i = f.add_local(I32, "i"), c = f.add_local(I64, "c"), lx = f.add_local(I32, "lx");
    f.get(1); f.mem(Op::I32Load, 2, 0); f.tee(lx);
    f.op(Op::I32Eqz);
    f.block(Op::If); f.get(0); f.mem(Op::I32Load, 2, 0); f.op(Op::I64ExtendI32U); f.i64(1); f.op(Op::I64Add); f.op(Op::Return); f.op(Op::End);
    f.block(Op::Block); f.block(Op::Loop);
    f.get(0); f.get(1); f.get(i); f.op(Op::Call, helper("str_find_from")); f.tee(i);
    f.i32(0); f.op(Op::I32LtS); f.op(Op::BrIf, 1);
    f.get(c); f.i64(1); f.op(Op::I64Add); f.set(c);
    f.get(i); f.get(lx); f.op(Op::I32Add); f.set(i);
    f.op(Op::Br, 0);
    f.op(Op::End); f.op(Op::End);
    f.get(c);
  } else if (name == "str_replace") {
    // every non-overlapping a -> b; an empty `a` is left to the interpreter
    f.local_names = {"s", "a", "b"};
    uint32_t la = f.add_local(I32, "la"), lb = f.add_local(I32, "lb"), ls = f.add_local(I32, "ls"), cnt = f.add_local(I64, "cnt"),
             total = f.add_local(I64, "total"), r = f.add_local(I32, "r"), i = f.add_local(I32, "i"), j = f.add_local(I32, "j"),
             k = f.add_local(I32, "k");
    f.get(1); f.mem(Op::I32Load, 2, 0); f.tee(la); f.op(Op::I32Eqz); e.err_if(RtError::Fallback, 0);
    f.get(2); f.mem(Op::I32Load, 2, 0); f.set(lb);
    f.get(0); f.mem(Op::I32Load, 2, 0); f.set(ls);
    f.get(0); f.get(1); f.op(Op::Call, helper("str_count")); f.tee(cnt);
    f.op(Op::I64Eqz); f.block(Op::If); f.get(0); f.op(Op::Return); f.op(Op::End);
    f.get(ls); f.op(Op::I64ExtendI32U);
    f.get(lb); f.get(la); f.op(Op::I32Sub); f.op(Op::I64ExtendI32S); f.get(cnt); f.op(Op::I64Mul); f.op(Op::I64Add); f.tee(total);
    f.i64(1 << 28); f.op(Op::I64GtU); e.err_if(RtError::Memory, 0);
    f.get(total); f.op(Op::I32WrapI64); f.op(Op::Call, helper("str_new")); f.set(r);
    auto copy = [&](const std::function<void()>& src_data, uint32_t from, const std::function<void()>& count) {
      // r.data[k:] = src[from:from+count]; k += count
      f.get(r); f.mem(Op::I32Load, 2, 8); f.get(k); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add);
      src_data(); f.get(from); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add);
      count(); f.i32(2); f.op(Op::I32Shl); f.op(Op::MemoryCopy);
      f.get(k); count(); f.op(Op::I32Add); f.set(k);
    };
    uint32_t zero = f.add_local(I32, "zero");
    f.block(Op::Block); f.block(Op::Loop);
    f.get(0); f.get(1); f.get(i); f.op(Op::Call, helper("str_find_from")); f.tee(j);
    f.i32(0); f.op(Op::I32LtS); f.op(Op::BrIf, 1);
    copy([&] { f.get(0); f.mem(Op::I32Load, 2, 8); }, i, [&] { f.get(j); f.get(i); f.op(Op::I32Sub); });
    copy([&] { f.get(2); f.mem(Op::I32Load, 2, 8); }, zero, [&] { f.get(lb); });
    f.get(j); f.get(la); f.op(Op::I32Add); f.set(i);
    f.op(Op::Br, 0);
    f.op(Op::End); f.op(Op::End);
    copy([&] { f.get(0); f.mem(Op::I32Load, 2, 8); }, i, [&] { f.get(ls); f.get(i); f.op(Op::I32Sub); });
    f.get(r);
  } else if (name == "str_split_sep") {
    // s.split(sep): ValueError for an empty sep is left to the interpreter
    f.local_names = {"s", "sep"};
    uint32_t l = f.add_local(I32, "l"), i = f.add_local(I32, "i"), j = f.add_local(I32, "j"), v = f.add_local(I32, "v");
    f.get(1); f.mem(Op::I32Load, 2, 0); f.op(Op::I32Eqz); e.err_if(RtError::Fallback, 0);
    f.i32(0); f.i32(4); f.op(Op::Call, helper("list_new")); f.set(l);
    f.block(Op::Block); f.block(Op::Loop);
    f.get(0); f.get(1); f.get(i); f.op(Op::Call, helper("str_find_from")); f.tee(j);
    f.i32(0); f.op(Op::I32LtS); f.op(Op::BrIf, 1);
    f.get(0); f.get(i); f.get(j); f.op(Op::Call, helper("str_sub")); f.set(v);
    f.get(l); f.op(Op::Call, helper("append_slot")); f.get(v); f.mem(Op::I32Store, 2, 0);
    f.get(j); f.get(1); f.mem(Op::I32Load, 2, 0); f.op(Op::I32Add); f.set(i);
    f.op(Op::Br, 0);
    f.op(Op::End); f.op(Op::End);
    f.get(0); f.get(i); f.get(0); f.mem(Op::I32Load, 2, 0); f.op(Op::Call, helper("str_sub")); f.set(v);
    f.get(l); f.op(Op::Call, helper("append_slot")); f.get(v); f.mem(Op::I32Store, 2, 0);
    f.get(l);
  } else if (name == "is_space") {
    // Python's str.isspace() for one code point
    f.local_names[0] = "c";
    auto in = [&](int lo, int hi) { f.get(0); f.i32(lo); f.op(Op::I32Sub); f.i32(hi - lo); f.op(Op::I32LeU); };
    in(9, 13); in(28, 32); f.op(Op::I32Or);
    for (int c : {0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000}) { f.get(0); f.i32(c); f.op(Op::I32Eq); f.op(Op::I32Or); }
    in(0x2000, 0x200A); f.op(Op::I32Or);
  } else if (name == "str_split_ws") {
    // s.split(): runs of whitespace separate, no empty pieces
    f.local_names[0] = "s";
    uint32_t l = f.add_local(I32, "l"), i = f.add_local(I32, "i"), j = f.add_local(I32, "j"), n = f.add_local(I32, "n"),
             d = f.add_local(I32, "d"), v = f.add_local(I32, "v");
    f.get(0); f.mem(Op::I32Load, 2, 0); f.set(n);
    f.get(0); f.mem(Op::I32Load, 2, 8); f.set(d);
    auto space_at = [&](uint32_t idx) {
      f.get(d); f.get(idx); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add); f.mem(Op::I32Load, 2, 0); f.op(Op::Call, helper("is_space"));
    };
    f.i32(0); f.i32(4); f.op(Op::Call, helper("list_new")); f.set(l);
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
    f.get(0); f.get(i); f.get(j); f.op(Op::Call, helper("str_sub")); f.set(v);
    f.get(l); f.op(Op::Call, helper("append_slot")); f.get(v); f.mem(Op::I32Store, 2, 0);
    f.get(j); f.set(i);
    f.op(Op::Br, 0);
    f.op(Op::End); f.op(Op::End);
    f.get(l);
  } else if (name == "str_strip") {
    f.local_names[0] = "s";
    uint32_t i = f.add_local(I32, "i"), j = f.add_local(I32, "j"), d = f.add_local(I32, "d");
    f.get(0); f.mem(Op::I32Load, 2, 0); f.set(j);
    f.get(0); f.mem(Op::I32Load, 2, 8); f.set(d);
    auto space_at = [&](const std::function<void()>& idx) {
      f.get(d); idx(); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add); f.mem(Op::I32Load, 2, 0); f.op(Op::Call, helper("is_space"));
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
    f.get(0); f.get(i); f.get(j); f.op(Op::Call, helper("str_sub"));
  } else if (name == "str_affix") {
    // s starts (end = 0) / ends (end = 1) with x
    f.local_names = {"s", "x", "end"};
    uint32_t ls = f.add_local(I32, "ls"), lx = f.add_local(I32, "lx"), off = f.add_local(I32, "off");
    f.get(0); f.mem(Op::I32Load, 2, 0); f.set(ls);
    f.get(1); f.mem(Op::I32Load, 2, 0); f.set(lx);
    f.get(lx); f.get(ls); f.op(Op::I32GtU);
    f.block(Op::If); f.i32(0); f.op(Op::Return); f.op(Op::End);
    f.get(ls); f.get(lx); f.op(Op::I32Sub); f.i32(0); f.get(2); f.op(Op::Select); f.set(off);
    f.get(0); f.get(off); f.get(off); f.get(lx); f.op(Op::I32Add); f.op(Op::Call, helper("str_sub"));
    f.get(1); f.op(Op::Call, helper("str_eq"));
  } else if (name == "str_lower" || name == "str_upper") {
    // ASCII and Latin-1 letters; scripts without case (listed below) unchanged; any
    // other character (and the Latin-1 ones whose case changes length or leaves Latin-1)
    // is left to the interpreter
    bool up = name == "str_upper";
    f.local_names[0] = "s";
    uint32_t n = f.add_local(I32, "n"), r = f.add_local(I32, "r"), i = f.add_local(I32, "i"), c = f.add_local(I32, "c"),
             d = f.add_local(I32, "d"), rd = f.add_local(I32, "rd");
    f.get(0); f.mem(Op::I32Load, 2, 0); f.set(n);
    f.get(0); f.mem(Op::I32Load, 2, 8); f.set(d);
    f.get(n); f.op(Op::Call, helper("str_new")); f.tee(r); f.mem(Op::I32Load, 2, 8); f.set(rd);
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
  } else if (name == "str_join") {
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
    f.get(total); f.op(Op::I32WrapI64); f.op(Op::Call, helper("str_new")); f.set(r);
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
  } else if (name.rfind("str_is", 0) == 0) {
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
      f.get(c); f.op(Op::Call, helper("is_space")); f.op(Op::I32Eqz);
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
  } else if (name == "list_copy") {
    f.local_names[0] = "l";
    uint32_t n = f.add_local(I32, "n"), r = f.add_local(I32, "r");
    f.get(0); f.mem(Op::I32Load, 2, 0); f.set(n);
    f.get(n); f.get(n); f.op(Op::Call, helper("list_new")); f.set(r);
    f.get(r); f.mem(Op::I32Load, 2, 8); f.get(0); f.mem(Op::I32Load, 2, 8); f.get(n); f.i32(3); f.op(Op::I32Shl); f.op(Op::MemoryCopy);
    f.get(r);
  } else if (name == "str_chars") {
    // the list of the one-character strings of s
    f.local_names[0] = "s";
    uint32_t n = f.add_local(I32, "n"), r = f.add_local(I32, "r"), i = f.add_local(I32, "i");
    f.get(0); f.mem(Op::I32Load, 2, 0); f.set(n);
    f.get(n); f.get(n); f.op(Op::Call, helper("list_new")); f.set(r);
    f.block(Op::Block); f.block(Op::Loop);
    f.get(i); f.get(n); f.op(Op::I32GeU); f.op(Op::BrIf, 1);
    f.get(r); f.mem(Op::I32Load, 2, 8); f.get(i); f.i32(3); f.op(Op::I32Shl); f.op(Op::I32Add);
    f.get(0); f.mem(Op::I32Load, 2, 8); f.get(i); f.i32(2); f.op(Op::I32Shl); f.op(Op::I32Add); f.mem(Op::I32Load, 2, 0);
    f.op(Op::Call, helper("str_char"));
    f.mem(Op::I32Store, 2, 0);
    f.get(i); f.i32(1); f.op(Op::I32Add); f.set(i);
    f.op(Op::Br, 0);
    f.op(Op::End); f.op(Op::End);
    f.get(r);
  } else if (name.rfind("sort_", 0) == 0) {
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
      else { slot(d, x); f.mem(Op::I32Load, 2); slot(d, y); f.mem(Op::I32Load, 2); f.op(Op::Call, helper("str_cmp")); f.i32(0); f.op(Op::I32LtS); }
    };
    f.op(Op::GlobalGet, g_heap); f.set(top);
    f.get(n); f.i32(3); f.op(Op::I32Shl); f.op(Op::Call, helper("alloc")); f.set(t);
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
    f.get(top); f.op(Op::GlobalSet, g_heap);
  } else if (name == "int_of_str") {
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
    at(i); f.i32('0'); f.op(Op::I32Sub); f.tee(c); f.i32(9); f.op(Op::I32GtU); if_err_dyn(RtError::Fallback, 1);
    // v * 10 - c must stay >= INT64_MIN
    f.get(v); f.i64(INT64_MIN / 10); f.op(Op::I64LtS); if_err_dyn(RtError::Overflow, 1);
    f.get(v); f.i64(10); f.op(Op::I64Mul); f.set(v);
    f.get(v); f.i64(INT64_MIN); f.get(c); f.op(Op::I64ExtendI32U); f.op(Op::I64Add); f.op(Op::I64LtS); if_err_dyn(RtError::Overflow, 1);
    f.get(v); f.get(c); f.op(Op::I64ExtendI32U); f.op(Op::I64Sub); f.set(v);
    f.get(i); f.i32(1); f.op(Op::I32Add); f.set(i);
    f.op(Op::Br, 0);
    f.op(Op::End); f.op(Op::End);
    f.get(i); f.get(start); f.op(Op::I32Eq); if_err_dyn(RtError::Fallback, 1);  // no digits
    f.get(neg);
    f.block(Op::If, static_cast<int64_t>(I64));
    f.get(v);
    f.op(Op::Else);
    f.get(v); f.i64(INT64_MIN); f.op(Op::I64Eq); if_err_dyn(RtError::Overflow, 1);
    f.i64(0); f.get(v); f.op(Op::I64Sub);
    f.op(Op::End);
  } else if (name == "tuple_concat") {
    // a + b: a new tuple holding both runs of slots
    f.local_names = {"a", "b"};
    uint32_t la = f.add_local(I32, "la"), lb = f.add_local(I32, "lb"), h = f.add_local(I32, "h"), n = f.add_local(I32, "n");
    f.get(0); f.mem(Op::I32Load, 2, 0); f.set(la);
    f.get(1); f.mem(Op::I32Load, 2, 0); f.set(lb);
    f.get(la); f.get(lb); f.op(Op::I32Add); f.set(n);
    f.get(n); f.i32(3); f.op(Op::I32Shl); f.i32(kListHeader); f.op(Op::I32Add); f.op(Op::Call, helper("alloc")); f.set(h);
    f.get(h); f.get(n); f.mem(Op::I32Store, 2, 0);
    f.get(h); f.get(n); f.mem(Op::I32Store, 2, 4);
    f.get(h); f.get(h); f.i32(kListHeader); f.op(Op::I32Add); f.mem(Op::I32Store, 2, 8);
    f.get(h); f.i32(0); f.mem(Op::I32Store, 2, 12);
    f.get(h); f.i32(kListHeader); f.op(Op::I32Add); f.get(0); f.mem(Op::I32Load, 2, 8); f.get(la); f.i32(3); f.op(Op::I32Shl); f.op(Op::MemoryCopy);
    f.get(h); f.i32(kListHeader); f.op(Op::I32Add); f.get(la); f.i32(3); f.op(Op::I32Shl); f.op(Op::I32Add);
    f.get(1); f.mem(Op::I32Load, 2, 8); f.get(lb); f.i32(3); f.op(Op::I32Shl); f.op(Op::MemoryCopy);
    f.get(h);
  } else if (name == "str_of_int") {
    // decimal digits written from the end of a 20-character string; data then starts at
    // the first digit
    f.local_names[0] = "v";
    uint32_t h = f.add_local(I32, "h"), d = f.add_local(I32, "d"), pos = f.add_local(I32, "pos"), neg = f.add_local(I32, "neg"),
             dig = f.add_local(I64, "dig");
    f.i32(20); f.op(Op::Call, helper("str_new")); f.tee(h); f.mem(Op::I32Load, 2, 8); f.set(d);
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
  } else if (name == "chr") {
    // ValueError (out of range) and lone surrogates are left to the interpreter
    f.local_names = {"i", "line"};
    f.get(0); f.i64(0x110000); f.op(Op::I64GeU);
    f.get(0); f.i64(0xD800); f.op(Op::I64GeS); f.get(0); f.i64(0xDFFF); f.op(Op::I64LeS); f.op(Op::I32And);
    f.op(Op::I32Or); if_err_dyn(RtError::Fallback, 1);
    f.get(0); f.op(Op::I32WrapI64); f.op(Op::Call, helper("str_char"));
  } else if (name == "ord") {
    // TypeError (not one character) is left to the interpreter
    f.local_names = {"s", "line"};
    f.get(0); f.mem(Op::I32Load, 2, 0); f.i32(1); f.op(Op::I32Ne); if_err_dyn(RtError::Fallback, 1);
    f.get(0); f.mem(Op::I32Load, 2, 8); f.mem(Op::I32Load, 2, 0); f.op(Op::I64ExtendI32U);
  } else if (name == "f2i") {
    f.local_names = {"x", "line"};
    f.get(0); f.f64(-9223372036854775808.0); f.op(Op::F64Ge);
    f.get(0); f.f64(9223372036854775808.0); f.op(Op::F64Lt); f.op(Op::I32And); f.op(Op::I32Eqz);
    if_err_dyn(RtError::Fallback, 1);
    f.get(0); f.op(Op::I64TruncF64S);
  }
  return h;
}

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

class FnGen : public Emit {
 public:
  FnGen(Gen& g, FuncSpec& s, Function& f) : Emit(g, &f), S(s) {}
  FuncSpec& S;
  struct Ctl {
    bool brk = false, cont = false, tail = false;
  };
  std::vector<Ctl> ctl;
  std::map<std::string, uint32_t> locals;
  uint32_t rem = 0;  // the call-depth local (a parameter of functions, a local of the module body)

  Function& f() { return *F; }
  Type ty(const Expr& e) const {
    auto it = S.types.find(&e);
    if (it == S.types.end()) fail("expression the typer did not see", e.loc);
    return it->second;
  }
  void open(Op o, int64_t bt = kVoidBlock, bool brk = false, bool cont = false) {
    F->block(o, bt);
    ctl.push_back({brk, cont});
  }
  void close() {
    F->op(Op::End);
    ctl.pop_back();
  }
  uint32_t label(bool brk) const {
    for (size_t i = ctl.size(); i-- > 0;)
      if (brk ? ctl[i].brk : ctl[i].cont) return static_cast<uint32_t>(ctl.size() - 1 - i);
    throw std::logic_error("no enclosing loop");
  }

  // ---- self-recursion in tail position: `return A + f(...)` inside f (ints)
  // The last call becomes another turn of a loop around the body, adding A to an
  // accumulator that every return adds in (`return v` returns acc + v). The turn takes a
  // frame of the call-depth budget like the call would, A and the arguments are evaluated
  // in Python's order, and the sums are exact or the overflow makes the interpreter run the
  // call (a different association can only overflow, never give another result).
  bool tail_mode = false;
  uint32_t acc = 0;
  struct TailForm {
    const Expr* a = nullptr;     // the other operand
    const Expr* call = nullptr;  // the self-call
    bool call_first = false;     // f(...) + A: A is evaluated after the arguments
  };
  bool is_self_call(const Expr& e) const {
    if (e.kind != ExprKind::Call) return false;
    auto ci = S.calls.find(&e);
    return ci != S.calls.end() && ci->second.kind == CallInfo::User && ci->second.callee == &S;
  }
  static bool simple(const Expr& e) {  // no calls, no subscripts, nothing that raises but overflow
    switch (e.kind) {
      case ExprKind::Name: case ExprKind::Int: case ExprKind::True: case ExprKind::False: return true;
      case ExprKind::UnaryOp: return e.un == ast::UnaryOp::Neg && simple(*e.a);
      case ExprKind::BinOp:
        return (e.bin == BinOp::Add || e.bin == BinOp::Sub || e.bin == BinOp::Mul) && simple(*e.a) && simple(*e.b);
      default: return false;
    }
  }
  std::optional<TailForm> tail_form(const Expr& v) const {
    if (v.kind != ExprKind::BinOp || v.bin != BinOp::Add || !(ty(v) == kInt)) return std::nullopt;
    auto intish = [&](const Expr& x) { Type t = ty(x); return t == kInt || t == kBool; };
    if (is_self_call(*v.b) && intish(*v.a)) return TailForm{v.a.get(), v.b.get(), false};
    if (is_self_call(*v.a) && intish(*v.b) && simple(*v.b)) return TailForm{v.b.get(), v.a.get(), true};
    return std::nullopt;
  }
  bool has_tail_return(const ast::Body& b) const {
    for (const auto& s : b) {
      if (s->kind == StmtKind::Return && s->value && S.types.count(s->value.get()) && tail_form(*s->value)) return true;
      if (has_tail_return(s->body) || has_tail_return(s->orelse)) return true;
    }
    return false;
  }
  // The arguments of a call of this same function, evaluated in order into fresh locals.
  std::vector<uint32_t> self_call_args(const Expr& call) {
    std::vector<uint32_t> vals;
    for (size_t i = 0; i < call.args.size(); ++i) {
      uint32_t v = tmp(wtype(S.params[i]));
      ex_as(*call.args[i].value, S.params[i]);
      F->set(v);
      vals.push_back(v);
    }
    return vals;
  }
  void tail_return(const Stmt& s, const TailForm& tf) {
    auto add_a = [&] {
      if (is_self_call(*tf.a) && inlinable()) {
        inline_self_call(*tf.a, /*into_acc=*/true);
        return;
      }
      binop(BinOp::Add, kInt, ty(*tf.a), kInt, s.loc, [&] { F->get(acc); }, [&] { ex(*tf.a); }, nullptr, tf.a);
      F->set(acc);
    };
    if (!tf.call_first) add_a();
    std::vector<uint32_t> vals = self_call_args(*tf.call);
    if (tf.call_first) add_a();
    for (size_t i = 0; i < vals.size(); ++i) { F->get(vals[i]); F->set(locals.at(S.param_keys[i])); }
    F->get(rem); F->op(Op::I32Eqz); err_if(RtError::Recursion, S.def->loc.line);
    F->get(rem); F->i32(1); F->op(Op::I32Sub); F->set(rem);
    for (size_t i = ctl.size(); i-- > 0;)
      if (ctl[i].tail) { F->op(Op::Br, static_cast<int64_t>(ctl.size() - 1 - i)); return; }
    throw std::logic_error("no tail loop");
  }

  // ---- the base case of a self-recursive function, evaluated at the call site
  // `def f(n): if n < 2: return n ...`: a self-call f(a) tests the guard on a's value first
  // and takes the base value without making the call (GCC's partial inlining does this for
  // the same C++). The guard and the value are pure (parameters, literals, arithmetic,
  // comparisons), so evaluating them here is unobservable, and the callee's depth check is
  // made here too: RecursionError comes at the same depth as without it.
  struct BaseCase {
    const Expr* cond = nullptr;
    const Expr* value = nullptr;
  };
  std::optional<BaseCase> base_;
  bool base_known_ = false;
  bool pure(const Expr& e) const {
    switch (e.kind) {
      case ExprKind::Int: case ExprKind::Float: case ExprKind::True: case ExprKind::False: return true;
      case ExprKind::Name: {
        auto n = S.names.find(&e);
        if (n == S.names.end() || n->second.kind != NameRef::Local) return false;
        bool param = std::find(S.param_keys.begin(), S.param_keys.end(), n->second.key) != S.param_keys.end();
        return param && ty(e).numeric();
      }
      case ExprKind::UnaryOp: return (e.un == ast::UnaryOp::Neg || e.un == ast::UnaryOp::Not) && pure(*e.a);
      case ExprKind::BinOp:
        return (e.bin == BinOp::Add || e.bin == BinOp::Sub || e.bin == BinOp::Mul) && pure(*e.a) && pure(*e.b);
      case ExprKind::Compare:
        if (!pure(*e.a)) return false;
        for (const auto& i : e.items)
          if (!pure(*i)) return false;
        return true;
      case ExprKind::BoolOp:
        for (const auto& i : e.items)
          if (!pure(*i)) return false;
        return true;
      default: return false;
    }
  }
  const BaseCase* base_case() {
    if (!base_known_) {
      base_known_ = true;
      if (S.def && G.recursive.count(&S) && S.ret.numeric()) {
        const ast::Body& b = S.def->body;
        size_t i = 0;
        if (i < b.size() && b[i]->kind == StmtKind::Expr && b[i]->value && b[i]->value->kind == ExprKind::Str) ++i;
        if (i < b.size()) {
          const Stmt& st = *b[i];
          if (st.kind == StmtKind::If && st.orelse.empty() && st.body.size() == 1 &&
              st.body[0]->kind == StmtKind::Return && st.body[0]->value && S.types.count(st.value.get()) &&
              S.types.count(st.body[0]->value.get()) && pure(*st.value) && pure(*st.body[0]->value))
            base_ = BaseCase{st.value.get(), st.body[0]->value.get()};
        }
      }
    }
    return base_ ? &*base_ : nullptr;
  }
  void self_call_with_base_case(const Expr& e, uint32_t h) {
    std::vector<uint32_t> vals = self_call_args(e);
    F->get(rem); F->op(Op::I32Eqz); err_if(RtError::Recursion, S.def->loc.line);
    std::map<std::string, uint32_t> saved;
    for (size_t i = 0; i < vals.size(); ++i) {
      saved[S.param_keys[i]] = locals.at(S.param_keys[i]);
      locals[S.param_keys[i]] = vals[i];
    }
    test(*base_->cond);
    F->block(Op::If, static_cast<int64_t>(wtype(S.ret)));
    ex_as(*base_->value, S.ret);
    for (const auto& [k, v] : saved) locals[k] = v;
    F->op(Op::Else);
    for (uint32_t v : vals) F->get(v);
    F->get(rem);
    F->op(Op::Call, h);
    F->op(Op::End);
  }

  // ---- one level of a small self-recursive function inlined into itself
  // `fib(n - 1)` inside fib becomes fib's body run on fresh locals (a block whose returns
  // branch out with the value), so each real call does two levels of the work: about half
  // the calls, which V8 does not inline itself. The inlined level takes a frame of the
  // call-depth budget like the call would, so RecursionError comes at the same depth.
  int inline_depth_ = 0;
  int inline_ret_ = -1;  // ctl index of the block a return branches to (-1: a real return)
  std::optional<bool> inlinable_;
  static int size_of(const Expr* e) {
    if (!e) return 0;
    int n = 1 + size_of(e->a.get()) + size_of(e->b.get()) + size_of(e->c.get());
    for (const auto& i : e->items) n += size_of(i.get());
    for (const auto& a : e->args) n += size_of(a.value.get());
    if (!e->gens.empty() || !e->values.empty() || e->params) n += 1000;  // comprehensions, dicts, lambdas: no
    return n;
  }
  static int size_of(const ast::Body& b) {
    int n = 0;
    for (const auto& st : b) {
      if (st->kind == StmtKind::FunctionDef || st->kind == StmtKind::ClassDef || st->kind == StmtKind::Try ||
          st->kind == StmtKind::With || st->kind == StmtKind::Match)
        return 1000;
      n += 1 + size_of(st->value.get()) + size_of(st->iter.get()) + size_of(st->body) + size_of(st->orelse);
      for (const auto& t : st->targets) n += size_of(t.get());
    }
    return n;
  }
  bool inlinable() {
    if (inline_depth_ > 1) return false;
    if (!inlinable_) {
      bool ok = S.def && G.recursive.count(&S) && S.ret.numeric() && size_of(S.def->body) <= 48;
      for (const Type& t : S.params) ok = ok && t.numeric();
      for (const auto& [k, t] : S.locals) ok = ok && !t.is_list();
      inlinable_ = ok;
    }
    return *inlinable_;
  }
  // into_acc: the call is the A of `acc += A` in a tail-mode body; the inlined body adds its
  // returns straight into that accumulator (another association of the same sum: it can
  // only overflow where the other would not, which falls back, never a different result)
  // and the block leaves no value.
  bool inline_into_acc_ = false;
  void inline_self_call(const Expr& e, bool into_acc = false) {
    std::vector<uint32_t> vals = self_call_args(e);
    // the callee's own state, on fresh locals
    auto saved_locals = locals;
    auto saved_cache = cache;
    auto saved_nonneg = nonneg;
    bool saved_tail = tail_mode;
    uint32_t saved_acc = acc, saved_rem = rem;
    int saved_ret = inline_ret_;
    bool saved_into = inline_into_acc_;
    for (const auto& [k, t] : S.locals) locals[k] = tmp(wtype(t), k + ".inl");
    for (size_t i = 0; i < vals.size(); ++i) locals[S.param_keys[i]] = vals[i];
    cache.clear();
    nonneg.clear();
    rem = tmp(WType::I32, "rem.inl");
    F->get(saved_rem); F->set(rem);
    guard_ = guard_fact();
    ++inline_depth_;
    tail_mode = S.ret == kInt && has_tail_return(S.def->body);
    inline_into_acc_ = into_acc && tail_mode;
    F->block(Op::Block, inline_into_acc_ ? kVoidBlock : static_cast<int64_t>(wtype(S.ret)));
    ctl.push_back({});
    inline_ret_ = static_cast<int>(ctl.size()) - 1;
    enter(S.def->loc.line);
    if (tail_mode) {
      if (!inline_into_acc_) {
        acc = tmp(WType::I64, "acc.inl");
        F->i64(0); F->set(acc);
      }
      F->block(Op::Loop);
      ctl.push_back({false, false, true});
    }
    stmts(S.def->body);
    if (tail_mode) close();
    F->op(Op::Unreachable);  // every path returned
    close();
    --inline_depth_;
    inline_into_acc_ = saved_into;
    locals = std::move(saved_locals);
    cache = std::move(saved_cache);
    nonneg = std::move(saved_nonneg);
    tail_mode = saved_tail;
    acc = saved_acc;
    rem = saved_rem;
    inline_ret_ = saved_ret;
  }
  void return_now() {
    if (inline_ret_ < 0) F->op(Op::Return);
    else F->op(Op::Br, static_cast<int64_t>(ctl.size() - 1 - static_cast<size_t>(inline_ret_)));
  }

  // ---- values
  void convert(Type from, Type to) {
    if (from == to || from.is_list() || to.is_list()) return;
    if (to == kFloat) {
      if (from == kInt) F->op(Op::F64ConvertI64S);
      else if (from == kBool) F->op(Op::F64ConvertI32S);
    } else if (to == kInt) {
      if (from == kBool) F->op(Op::I64ExtendI32U);
    }
  }
  void truthy(Type t) {  // value of type t on the stack -> i32 0/1
    if (t.is_list() || t.is_str() || t.is_tuple()) { F->mem(Op::I32Load, 2, 0); F->i32(0); F->op(Op::I32Ne); }
    else if (t == kInt) { F->op(Op::I64Eqz); F->op(Op::I32Eqz); }
    else if (t == kFloat) { F->f64(0); F->op(Op::F64Ne); }
  }
  void load(Type t, uint32_t off = 0) {
    if (t == kInt) F->mem(Op::I64Load, 3, off);
    else if (t == kFloat) F->mem(Op::F64Load, 3, off);
    else F->mem(Op::I32Load, 2, off);
  }
  void store(Type t) {
    if (t == kInt) F->mem(Op::I64Store, 3);
    else if (t == kFloat) F->mem(Op::F64Store, 3);
    else F->mem(Op::I32Store, 2);
  }

  void get_var(const Expr& e) {
    const NameRef& r = S.names.at(&e);
    if (r.kind == NameRef::Global) F->op(Op::GlobalGet, G.mglobals.at(r.key));
    else F->get(locals.at(r.key));
  }
  void set_var(const NameRef& r) {
    if (r.kind == NameRef::Global) F->op(Op::GlobalSet, G.mglobals.at(r.key));
    else F->set(locals.at(r.key));
  }

  // ---- lists in loops
  // The length (as i64) and data address of a list local, loaded once before a loop whose
  // body cannot change them: the variable is not rebound there, and nothing there may
  // append to any list (an append through an alias would move the data).
  struct ListCache {
    uint32_t len = 0, data = 0;
  };
  std::map<std::string, ListCache> cache;
  // int locals known to be >= 0 here (range loop variables with a non-negative start and
  // a positive step, not rebound in the loop body)
  std::set<std::string> nonneg;

  // What a loop region does: the locals it binds, the list locals it indexes, whether it
  // may change the length of some list.
  struct Scan {
    bool mutates = false;
    std::set<std::string> assigned, lists;
  };
  const NameRef* local_name(const Expr& e) const {
    if (e.kind != ExprKind::Name) return nullptr;
    auto it = S.names.find(&e);
    if (it == S.names.end() || it->second.kind != NameRef::Local) return nullptr;
    return &it->second;
  }
  void scan_target(const Expr& t, Scan& sc) const {
    if (const NameRef* r = local_name(t)) sc.assigned.insert(r->key);
    else if (t.kind == ExprKind::Name) sc.mutates = true;  // a module variable: keep it simple
    else if (t.kind == ExprKind::Tuple || t.kind == ExprKind::List)
      for (const auto& i : t.items) scan_target(*i, sc);
    else scan_expr(t, sc);
  }
  void scan_expr(const Expr& e, Scan& sc) const {
    if (e.kind == ExprKind::Subscript) {
      const NameRef* r = local_name(*e.a);
      auto t = S.types.find(e.a.get());
      if (r && t != S.types.end() && t->second.is_list()) sc.lists.insert(r->key);
    }
    if (e.kind == ExprKind::Call) {
      auto ci = S.calls.find(&e);
      if (ci == S.calls.end()) sc.mutates = true;
      else if (ci->second.kind == CallInfo::Method && ci->second.name == "append") sc.mutates = true;
      else if (ci->second.kind == CallInfo::User && G.mutating.count(ci->second.callee)) sc.mutates = true;
      else if (ci->second.kind == CallInfo::Builtin && ci->second.name == "len" && e.args.size() == 1) {
        const NameRef* r = local_name(*e.args[0].value);
        if (r) sc.lists.insert(r->key);
      }
    }
    for (const Expr* c : {e.a.get(), e.b.get(), e.c.get()})
      if (c) scan_expr(*c, sc);
    for (const auto& i : e.items) scan_expr(*i, sc);
    for (const auto& i : e.values) if (i) scan_expr(*i, sc);
    for (const auto& a : e.args) scan_expr(*a.value, sc);
    for (const auto& g : e.gens) {
      scan_target(*g.target, sc);
      scan_expr(*g.iter, sc);
      for (const auto& c : g.ifs) scan_expr(*c, sc);
    }
  }
  void scan_stmts(const ast::Body& b, Scan& sc) const {
    for (const auto& s : b) {
      if (s->kind == StmtKind::AugAssign) {  // list += / *= change that list in place
        auto t = S.types.find(s->targets[0].get());
        if (t == S.types.end() || t->second.is_list()) sc.mutates = true;
      }
      for (const auto& t : s->targets) scan_target(*t, sc);
      if (s->value) scan_expr(*s->value, sc);
      if (s->iter) scan_expr(*s->iter, sc);
      scan_stmts(s->body, sc);
      scan_stmts(s->orelse, sc);
    }
  }
  // Loads the cached length/data of the lists the region indexes; returns what it added.
  std::vector<std::string> hoist(const Scan& sc) {
    std::vector<std::string> added;
    if (sc.mutates) return added;
    for (const auto& k : sc.lists) {
      if (cache.count(k) || sc.assigned.count(k)) continue;
      auto it = locals.find(k);
      if (it == locals.end()) continue;
      std::string n = k;  // a unique text-format name: "row.len.12"
      for (char& ch : n)
        if (ch == '@' || ch == ':') ch = '.';
      n += "." + std::to_string(F->locals.size());
      ListCache c{tmp(WType::I64, n + ".len"), tmp(WType::I32, n + ".data")};
      F->get(it->second); F->mem(Op::I32Load, 2, 0); F->op(Op::I64ExtendI32U); F->set(c.len);
      F->get(it->second); F->mem(Op::I32Load, 2, 8); F->set(c.data);
      cache[k] = c;
      added.push_back(k);
    }
    return added;
  }
  void unhoist(const std::vector<std::string>& ks) {
    for (const auto& k : ks) cache.erase(k);
  }
  const ListCache* cached(const Expr& list) const {
    const NameRef* r = local_name(list);
    if (!r) return nullptr;
    auto it = cache.find(r->key);
    return it == cache.end() ? nullptr : &it->second;
  }
  bool is_nonneg(const Expr& e) const {
    Type t = ty(e);
    if (t == kBool) return true;
    if (!(t == kInt)) return false;
    switch (e.kind) {
      case ExprKind::Int: return e.int_fits && e.ival >= 0;
      case ExprKind::Name: {
        const NameRef* r = local_name(e);
        return r && nonneg.count(r->key);
      }
      case ExprKind::BinOp: {
        auto pos_lit = [&](const Expr& x) { return x.kind == ExprKind::Int && x.int_fits && x.ival > 0; };
        switch (e.bin) {
          case BinOp::Add: case BinOp::Mul: return is_nonneg(*e.a) && is_nonneg(*e.b);
          case BinOp::FloorDiv: return is_nonneg(*e.a) && pos_lit(*e.b);
          case BinOp::Mod: return pos_lit(*e.b);  // Python: the sign of the divisor
          default: return false;
        }
      }
      case ExprKind::Call: {
        auto ci = S.calls.find(&e);
        return ci != S.calls.end() && ci->second.kind == CallInfo::Builtin && ci->second.name == "len";
      }
      default: return false;
    }
  }

  // list[index], list and index evaluated (in Python's order) into locals
  struct Access {
    uint32_t tl = 0, ti = 0;
    const ListCache* c = nullptr;
    bool nonneg = false;
  };
  Access list_index(const Expr& sub) {
    Access a;
    a.c = cached(*sub.a);
    if (!a.c) {
      a.tl = tmp(WType::I32);
      ex(*sub.a);
      F->set(a.tl);
    }
    a.ti = tmp(WType::I64);
    ex_as(*sub.b, kInt);
    F->set(a.ti);
    a.nonneg = is_nonneg(*sub.b);
    return a;
  }
  void list_len64(const Access& a) {
    if (a.c) { F->get(a.c->len); return; }
    F->get(a.tl); F->mem(Op::I32Load, 2, 0); F->op(Op::I64ExtendI32U);
  }
  // address of list[index]: a negative index counts from the end (unless the index is
  // known non-negative), then one unsigned comparison with the length
  void elem_addr(const Access& a, RtError code, int line) {
    if (!a.nonneg) {
      F->get(a.ti); F->i64(0); F->op(Op::I64LtS);
      F->block(Op::If);
      F->get(a.ti); list_len64(a); F->op(Op::I64Add); F->set(a.ti);
      F->op(Op::End);
    }
    F->get(a.ti); list_len64(a); F->op(Op::I64GeU);
    err_if(code, line);
    if (a.c) F->get(a.c->data);
    else { F->get(a.tl); F->mem(Op::I32Load, 2, 8); }
    F->get(a.ti); F->op(Op::I32WrapI64); F->i32(3); F->op(Op::I32Shl); F->op(Op::I32Add);
  }

  void ex_as(const Expr& e, Type want) {
    ex(e);
    convert(ty(e), want);
  }

  // Arithmetic on two values pushed by pl/pr (types lt/rt), result type rt_res.
  static std::optional<int64_t> int_literal(const Expr* e) {
    if (!e) return std::nullopt;
    if (e->kind == ExprKind::Int && e->int_fits) return e->ival;
    return std::nullopt;
  }
  // Arithmetic on two values pushed by pl/pr (types lt/rt), result type rt_res; le/re are
  // the operand expressions when known (an int literal gets a cheaper overflow check).
  void binop(BinOp op, Type lt, Type rt, Type res, Loc loc, const std::function<void()>& pl,
             const std::function<void()>& pr, const Expr* le = nullptr, const Expr* re = nullptr) {
    int line = pos_code(loc);
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
          F->get(b); F->f64(0); F->op(Op::F64Eq); err_if(RtError::ZeroDivision, line);
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

  // Compares two values in locals a (type lt) and b (type rt): i32 on the stack.
  void compare(CmpOp op, Type lt, uint32_t a, Type rt, uint32_t b, Loc loc) {
    if ((op == CmpOp::In || op == CmpOp::NotIn) && (rt.is_list() || rt.is_tuple())) {
      member(lt, a, rt, b, loc);
      if (op == CmpOp::NotIn) F->op(Op::I32Eqz);
      return;
    }
    if (lt.is_str()) {
      if (op == CmpOp::In || op == CmpOp::NotIn) {
        F->get(a); F->get(b); F->op(Op::Call, G.helper("str_contains"));
        if (op == CmpOp::NotIn) F->op(Op::I32Eqz);
        return;
      }
      F->get(a); F->get(b);
      if (op == CmpOp::Eq || op == CmpOp::NotEq) {
        F->op(Op::Call, G.helper("str_eq"));
        if (op == CmpOp::NotEq) F->op(Op::I32Eqz);
        return;
      }
      F->op(Op::Call, G.helper("str_cmp"));
      F->i32(0);
      switch (op) {
        case CmpOp::Lt: F->op(Op::I32LtS); break;
        case CmpOp::LtE: F->op(Op::I32LeS); break;
        case CmpOp::Gt: F->op(Op::I32GtS); break;
        case CmpOp::GtE: F->op(Op::I32GeS); break;
        default: fail("comparison", loc);
      }
      return;
    }
    if (lt.is_tuple() && op != CmpOp::Eq && op != CmpOp::NotEq) {
      tuple_order(op, lt, a, rt, b, loc);
      return;
    }
    if (lt.is_tuple()) {
      if (lt.tn != rt.tn) {
        F->i32(op == CmpOp::NotEq ? 1 : 0);
        return;
      }
      // item by item; a NaN item leaves the call to the interpreter (Python compares items
      // by identity first, which compiled code cannot see)
      F->i32(1);
      for (size_t i = 0; i < lt.tn; ++i) {
        Type x = lt.item(i), y = rt.item(i);
        uint32_t off = kListHeader + static_cast<uint32_t>(i) * kSlot;
        uint32_t va = tmp(wtype(x)), vb = tmp(wtype(y));
        F->get(a); load(x, off); F->set(va);
        F->get(b); load(y, off); F->set(vb);
        if (x.is_str() != y.is_str()) {  // a str never equals a number
          F->op(Op::Drop);
          F->i32(0);
          continue;
        }
        for (auto [v, t] : {std::pair{va, x}, std::pair{vb, y}})
          if (t == kFloat) { F->get(v); F->get(v); F->op(Op::F64Ne); err_if(RtError::Fallback, loc.line); }
        compare(CmpOp::Eq, x, va, y, vb, loc);
        F->op(Op::I32And);
      }
      if (op == CmpOp::NotEq) F->op(Op::I32Eqz);
      return;
    }
    bool lf = lt == kFloat, rf = rt == kFloat;
    if (lf && rf) {
      F->get(a); F->get(b);
      switch (op) {
        case CmpOp::Eq: F->op(Op::F64Eq); break;
        case CmpOp::NotEq: F->op(Op::F64Ne); break;
        case CmpOp::Lt: F->op(Op::F64Lt); break;
        case CmpOp::LtE: F->op(Op::F64Le); break;
        case CmpOp::Gt: F->op(Op::F64Gt); break;
        case CmpOp::GtE: F->op(Op::F64Ge); break;
        default: fail("comparison", loc);
      }
      return;
    }
    if (lf || rf) {
      // exact int/float comparison; c = cmp(int, float) in {-1, 0, 1, 2=unordered}
      CmpOp o = op;
      if (lf) {  // float op int == int op' float
        F->get(b); convert(rt, kInt); F->get(a);
        switch (op) {
          case CmpOp::Lt: o = CmpOp::Gt; break;
          case CmpOp::LtE: o = CmpOp::GtE; break;
          case CmpOp::Gt: o = CmpOp::Lt; break;
          case CmpOp::GtE: o = CmpOp::LtE; break;
          default: break;
        }
      } else {
        F->get(a); convert(lt, kInt); F->get(b);
      }
      F->op(Op::Call, G.helper("cmp_if"));
      switch (o) {
        case CmpOp::Eq: F->op(Op::I32Eqz); break;
        case CmpOp::NotEq: F->op(Op::I32Eqz); F->op(Op::I32Eqz); break;
        case CmpOp::Lt: F->i32(-1); F->op(Op::I32Eq); break;
        case CmpOp::LtE: F->i32(0); F->op(Op::I32LeS); break;
        case CmpOp::Gt: F->i32(1); F->op(Op::I32Eq); break;
        case CmpOp::GtE: F->i32(2); F->op(Op::I32LtU); break;
        default: fail("comparison", loc);
      }
      return;
    }
    if (lt == kBool && rt == kBool) {
      F->get(a); F->get(b);
      switch (op) {
        case CmpOp::Eq: F->op(Op::I32Eq); break;
        case CmpOp::NotEq: F->op(Op::I32Ne); break;
        case CmpOp::Lt: F->op(Op::I32LtU); break;
        case CmpOp::LtE: F->op(Op::I32LeU); break;
        case CmpOp::Gt: F->op(Op::I32GtU); break;
        case CmpOp::GtE: F->op(Op::I32GeU); break;
        default: fail("comparison", loc);
      }
      return;
    }
    F->get(a); convert(lt, kInt); F->get(b); convert(rt, kInt);
    switch (op) {
      case CmpOp::Eq: F->op(Op::I64Eq); break;
      case CmpOp::NotEq: F->op(Op::I64Ne); break;
      case CmpOp::Lt: F->op(Op::I64LtS); break;
      case CmpOp::LtE: F->op(Op::I64LeS); break;
      case CmpOp::Gt: F->op(Op::I64GtS); break;
      case CmpOp::GtE: F->op(Op::I64GeS); break;
      default: fail("comparison", loc);
    }
  }

  // Tuple ordering, as Python: the first place where the items differ decides with `op`;
  // when one tuple is a prefix of the other, the lengths decide. A NaN item is left to the
  // interpreter (item identity matters there).
  void tuple_order(CmpOp op, Type lt, uint32_t a, Type rt, uint32_t b, Loc loc) {
    size_t n = std::min(lt.tn, rt.tn);
    uint32_t r = tmp(WType::I32);
    F->block(Op::Block);  // br 0 from inside: r decided
    for (size_t i = 0; i < n; ++i) {
      Type x = lt.item(i), y = rt.item(i);
      uint32_t off = kListHeader + static_cast<uint32_t>(i) * kSlot;
      uint32_t va = tmp(wtype(x)), vb = tmp(wtype(y));
      F->get(a); load(x, off); F->set(va);
      F->get(b); load(y, off); F->set(vb);
      for (auto [v, t] : {std::pair{va, x}, std::pair{vb, y}})
        if (t == kFloat) { F->get(v); F->get(v); F->op(Op::F64Ne); err_if(RtError::Fallback, loc.line); }
      compare(CmpOp::Eq, x, va, y, vb, loc);
      F->op(Op::I32Eqz);
      F->block(Op::If);
      compare(op, x, va, y, vb, loc);
      F->set(r);
      F->op(Op::Br, 1);
      F->op(Op::End);
    }
    // equal up to the shorter length: the lengths decide
    uint32_t la = tmp(WType::I32), lb = tmp(WType::I32);
    F->i32(lt.tn); F->set(la);
    F->i32(rt.tn); F->set(lb);
    compare(op, kBool, la, kBool, lb, loc);  // unsigned i32 comparison of the lengths
    F->set(r);
    F->op(Op::End);
    F->get(r);
  }

  // x in list / tuple: an item equal to x (a NaN x is left to the interpreter, which also
  // finds the very same object)
  void member(Type xt, uint32_t x, Type ct, uint32_t c, Loc loc) {
    if (xt == kFloat) { F->get(x); F->get(x); F->op(Op::F64Ne); err_if(RtError::Fallback, loc.line); }
    if (ct.is_tuple()) {
      F->i32(0);
      for (size_t i = 0; i < ct.tn; ++i) {
        Type it = ct.item(i);
        uint32_t v = tmp(wtype(it));
        F->get(c); load(it, kListHeader + static_cast<uint32_t>(i) * kSlot); F->set(v);
        compare(CmpOp::Eq, xt, x, it, v, loc);
        F->op(Op::I32Or);
      }
      return;
    }
    Type el = ct.elem();
    uint32_t i = tmp(WType::I32), v = tmp(wtype(el)), r = tmp(WType::I32);
    F->i32(0); F->set(r);
    F->i32(0); F->set(i);
    F->block(Op::Block); F->block(Op::Loop);
    F->get(i); F->get(c); F->mem(Op::I32Load, 2, 0); F->op(Op::I32GeU); F->op(Op::BrIf, 1);
    F->get(c); F->mem(Op::I32Load, 2, 8); F->get(i); F->i32(3); F->op(Op::I32Shl); F->op(Op::I32Add); load(el); F->set(v);
    F->get(i); F->i32(1); F->op(Op::I32Add); F->set(i);
    compare(CmpOp::Eq, xt, x, el, v, loc);
    F->tee(r);
    F->op(Op::BrIf, 1);
    F->op(Op::Br, 0);
    F->op(Op::End); F->op(Op::End);
    F->get(r);
  }

  void compare_chain(const Expr& e) {
    Type lt = ty(*e.a);
    uint32_t a = tmp(wtype(lt));
    ex(*e.a);
    F->set(a);
    size_t n = e.cmps.size();
    int opened = 0;
    for (size_t i = 0; i < n; ++i) {
      const Expr& r = *e.items[i];
      Type rt = ty(r);
      uint32_t b = tmp(wtype(rt));
      ex(r);
      F->set(b);
      compare(e.cmps[i], lt, a, rt, b, e.loc);
      if (i + 1 < n) {
        F->block(Op::If, static_cast<int64_t>(WType::I32));
        ++opened;
      }
      lt = rt;
      a = b;
    }
    for (int k = 0; k < opened; ++k) {
      F->op(Op::Else);
      F->i32(0);
      F->op(Op::End);
    }
  }

  // truth value of e as an i32, short-circuiting and/or/not
  void test(const Expr& e) {
    if (e.kind == ExprKind::BoolOp) {
      bool is_and = e.boolop == ast::BoolOpKind::And;
      test(*e.items[0]);
      for (size_t i = 1; i < e.items.size(); ++i) {
        F->block(Op::If, static_cast<int64_t>(WType::I32));
        if (is_and) { test(*e.items[i]); F->op(Op::Else); F->i32(0); }
        else { F->i32(1); F->op(Op::Else); test(*e.items[i]); }
      }
      for (size_t i = 1; i < e.items.size(); ++i) F->op(Op::End);
      return;
    }
    if (e.kind == ExprKind::UnaryOp && e.un == ast::UnaryOp::Not) {
      test(*e.a);
      F->op(Op::I32Eqz);
      return;
    }
    ex(e);
    truthy(ty(e));
  }

  void ex(const Expr& e) {
    Type t = ty(e);
    switch (e.kind) {
      case ExprKind::Int: F->i64(e.ival); return;
      case ExprKind::Float: F->f64(e.num); return;
      case ExprKind::True: F->i32(1); return;
      case ExprKind::False: F->i32(0); return;
      case ExprKind::Name: get_var(e); return;
      case ExprKind::BinOp:
        // errors are located where the interpreter locates them: at the left operand
        binop(e.bin, ty(*e.a), ty(*e.b), t, e.a->loc.line ? e.a->loc : e.loc, [&] { ex(*e.a); }, [&] { ex(*e.b); },
              e.a.get(), e.b.get());
        return;
      case ExprKind::UnaryOp: {
        Type at = ty(*e.a);
        switch (e.un) {
          case ast::UnaryOp::Not: test(*e.a); F->op(Op::I32Eqz); return;
          case ast::UnaryOp::Pos: ex_as(*e.a, t); return;
          case ast::UnaryOp::Invert: ex_as(*e.a, kInt); F->i64(-1); F->op(Op::I64Xor); return;
          case ast::UnaryOp::Neg:
            if (at == kFloat) { ex(*e.a); F->op(Op::F64Neg); return; }
            {
              uint32_t a = tmp(WType::I64);
              ex_as(*e.a, kInt);
              F->tee(a); F->i64(kI64Min); F->op(Op::I64Eq); err_if(RtError::Overflow, e.loc.line);
              F->i64(0); F->get(a); F->op(Op::I64Sub);
            }
            return;
        }
        return;
      }
      case ExprKind::BoolOp: {
        // value of a and/or chain whose operands all have type t
        bool is_and = e.boolop == ast::BoolOpKind::And;
        std::function<void(size_t)> go = [&](size_t i) {
          if (i + 1 == e.items.size()) { ex(*e.items[i]); return; }
          uint32_t v = tmp(wtype(t));
          ex(*e.items[i]);
          F->tee(v);
          truthy(t);
          F->block(Op::If, static_cast<int64_t>(wtype(t)));
          if (is_and) { go(i + 1); F->op(Op::Else); F->get(v); }
          else { F->get(v); F->op(Op::Else); go(i + 1); }
          F->op(Op::End);
        };
        go(0);
        return;
      }
      case ExprKind::Compare: compare_chain(e); return;
      case ExprKind::IfExp:
        test(*e.b);
        F->block(Op::If, static_cast<int64_t>(wtype(t)));
        ex(*e.a);
        F->op(Op::Else);
        ex(*e.c);
        F->op(Op::End);
        return;
      case ExprKind::Str: F->i32(static_cast<int32_t>(G.str_const(e.str))); return;
      case ExprKind::FString: {
        F->i32(static_cast<int32_t>(G.str_const("")));
        for (const auto& piece : e.items) {
          if (piece->kind == ExprKind::Str) {
            if (piece->str.empty()) continue;
            F->i32(static_cast<int32_t>(G.str_const(piece->str)));
          } else {
            const Expr& v = *piece->a;
            Type vt = ty(v);
            ex(v);
            if (vt.is_str()) { if (piece->conv == 'r') F->op(Op::Call, G.helper("str_repr")); }
            else if (vt == kFloat) F->op(Op::Call, G.helper("str_of_float"));
            else if (vt == kBool) {
              uint32_t b = tmp(WType::I32);
              F->set(b);
              F->i32(static_cast<int32_t>(G.str_const("True")));
              F->i32(static_cast<int32_t>(G.str_const("False")));
              F->get(b);
              F->op(Op::Select);
            } else F->op(Op::Call, G.helper("str_of_int"));
          }
          F->op(Op::Call, G.helper("str_concat"));
        }
        return;
      }
      case ExprKind::Tuple: {
        uint32_t h = tmp(WType::I32);
        int32_t n = static_cast<int32_t>(e.items.size());
        std::vector<uint32_t> vs;
        for (int32_t i = 0; i < n; ++i) {  // items first (they may allocate)
          uint32_t v = tmp(wtype(t.item(i)));
          ex(*e.items[i]);
          F->set(v);
          vs.push_back(v);
        }
        F->i32(static_cast<int32_t>(kListHeader + n * kSlot)); F->op(Op::Call, G.helper("alloc")); F->set(h);
        F->get(h); F->i32(n); F->mem(Op::I32Store, 2, 0);
        F->get(h); F->i32(n); F->mem(Op::I32Store, 2, 4);
        F->get(h); F->get(h); F->i32(kListHeader); F->op(Op::I32Add); F->mem(Op::I32Store, 2, 8);
        F->get(h); F->i32(0); F->mem(Op::I32Store, 2, 12);
        for (int32_t i = 0; i < n; ++i) {
          F->get(h); F->get(vs[i]);
          Type it = t.item(i);
          uint32_t off = kListHeader + i * kSlot;
          if (it == kInt) F->mem(Op::I64Store, 3, off);
          else if (it == kFloat) F->mem(Op::F64Store, 3, off);
          else F->mem(Op::I32Store, 2, off);
        }
        F->get(h);
        return;
      }
      case ExprKind::Subscript: {
        Type ct = ty(*e.a);
        if (ct.is_str()) {
          const Expr& ix = *e.b;
          if (ix.kind == ExprKind::Slice) {
            bool unit = !ix.c || (ix.c->kind == ExprKind::Int && ix.c->int_fits && ix.c->ival == 1);
            if (unit) {  // s[a:b] shares the data of s
              ex(*e.a);
              if (ix.a) ex_as(*ix.a, kInt); else F->i64(0);
              if (ix.b) ex_as(*ix.b, kInt); else F->i64(INT64_MAX);
              if (ix.c) { ex(*ix.c); F->op(Op::Drop); }
              F->op(Op::Call, G.helper("str_slice"));
              return;
            }
            // s[a:b:c]: bounds as given (a flag says which were omitted), then the step
            ex(*e.a);
            if (ix.a) ex_as(*ix.a, kInt); else F->i64(0);
            if (ix.b) ex_as(*ix.b, kInt); else F->i64(0);
            ex_as(*ix.c, kInt);
            F->i32((ix.a ? 1 : 0) | (ix.b ? 2 : 0));
            F->op(Op::Call, G.helper("str_slice_step"));
            return;
          }
          ex(*e.a);
          ex_as(ix, kInt);
          F->i32(pos_code(e.loc));
          F->op(Op::Call, G.helper("str_at"));
          return;
        }
        if (ct.is_tuple() && e.b->kind == ExprKind::Slice) {  // the typer made the items known
          uint32_t src = tmp(WType::I32), h = tmp(WType::I32);
          ex(*e.a);
          F->set(src);
          std::vector<size_t> sel = *literal_slice_items(*e.b, ct.tn);  // checked by the typer
          uint32_t n = static_cast<uint32_t>(sel.size());
          F->i32(static_cast<int32_t>(kListHeader + n * kSlot)); F->op(Op::Call, G.helper("alloc")); F->set(h);
          F->get(h); F->i32(n); F->mem(Op::I32Store, 2, 0);
          F->get(h); F->i32(n); F->mem(Op::I32Store, 2, 4);
          F->get(h); F->get(h); F->i32(kListHeader); F->op(Op::I32Add); F->mem(Op::I32Store, 2, 8);
          F->get(h); F->i32(0); F->mem(Op::I32Store, 2, 12);
          for (uint32_t k = 0; k < n; ++k) {
            F->get(h); F->get(src); F->mem(Op::I64Load, 3, kListHeader + static_cast<uint32_t>(sel[k]) * kSlot);
            F->mem(Op::I64Store, 3, kListHeader + k * kSlot);
          }
          F->get(h);
          return;
        }
        if (ct.is_tuple()) {
          if (auto c = literal_index(*e.b)) {
            int64_t i = *c < 0 ? *c + ct.tn : *c;
            ex(*e.a);
            load(t, kListHeader + static_cast<uint32_t>(i) * kSlot);
            return;
          }
          Access acc = list_index(e);
          elem_addr(acc, RtError::TupleIndex, pos_code(e.loc));
          load(t);
          return;
        }
        Access acc = list_index(e);
        elem_addr(acc, RtError::Index, pos_code(e.loc));
        load(t);
        return;
      }
      case ExprKind::List: {
        uint32_t l = tmp(WType::I32);
        int32_t n = static_cast<int32_t>(e.items.size());
        F->i32(n); F->i32(n); F->op(Op::Call, G.helper("list_new")); F->set(l);
        Type el = t.elem();
        for (int32_t i = 0; i < n; ++i) {
          uint32_t v = tmp(wtype(el));
          ex(*e.items[i]);
          F->set(v);
          F->get(l); F->mem(Op::I32Load, 2, 8); F->i32(i * 8); F->op(Op::I32Add);
          F->get(v);
          store(el);
        }
        F->get(l);
        return;
      }
      case ExprKind::ListComp: listcomp(e); return;
      case ExprKind::Call: call(e); return;
      default: fail("expression", e.loc);
    }
  }

  void listcomp(const Expr& e) {
    Type t = ty(e);
    const ast::Comprehension& g = e.gens[0];
    uint32_t l = tmp(WType::I32);
    // preallocate for range(n) without conditions
    const CallInfo* rc = nullptr;
    auto ci = S.calls.find(g.iter.get());
    if (ci != S.calls.end() && ci->second.name == "range") rc = &ci->second;
    F->i32(0);
    F->i32(8);
    F->op(Op::Call, G.helper("list_new"));
    F->set(l);
    (void)rc;
    const NameRef& target = S.names.at(g.target.get());
    Scan sc;
    scan_expr(*e.a, sc);
    for (const auto& c : g.ifs) scan_expr(*c, sc);
    for_loop(
        *g.iter, target, sc, [&] { set_var(target); },
        [&] {
          if (!g.ifs.empty()) {
            for (const auto& c : g.ifs) test(*c);
            for (size_t i = 1; i < g.ifs.size(); ++i) F->op(Op::I32And);
            open(Op::If);
          }
          uint32_t v = tmp(wtype(t.elem()));
          ex(*e.a);
          F->set(v);
          F->get(l); F->op(Op::Call, G.helper("append_slot"));
          F->get(v);
          store(t.elem());
          if (!g.ifs.empty()) close();
        },
        nullptr);
    F->get(l);
  }

  // ---- SIMD
  // `for j in range(a, b): X[j] op= <e>` (or `X[j] = <e>`), where every list is indexed by
  // j alone, holds floats and is cached (so no list changes length in the loop), and <e> is
  // built from such elements, loop-invariant int/float locals and literals, + - * and unary
  // minus. Iteration j reads and writes element j only (two lists never share data), so two
  // iterations can run as one f64x2 step with the same IEEE results, in any aliasing. The
  // pairs run only when every list is long enough for the whole range; otherwise the scalar
  // loop runs from the start and raises IndexError where Python would. The scalar loop then
  // finishes an odd last element.
  bool vec_ok(const Expr& e, const std::string& j, std::vector<const ListCache*>& lists) const {
    switch (e.kind) {
      case ExprKind::Float: return true;
      case ExprKind::Int: return e.int_fits;
      case ExprKind::Name: {
        const NameRef* r = local_name(e);
        Type t = ty(e);
        return r && r->key != j && (t == kFloat || t == kInt);
      }
      case ExprKind::Subscript: {
        const NameRef* ix = local_name(*e.b);
        const ListCache* c = cached(*e.a);
        if (!ix || ix->key != j || !c || !(ty(e) == kFloat)) return false;
        lists.push_back(c);
        return true;
      }
      case ExprKind::BinOp:
        if (!(ty(e) == kFloat) || (e.bin != BinOp::Add && e.bin != BinOp::Sub && e.bin != BinOp::Mul)) return false;
        return vec_ok(*e.a, j, lists) && vec_ok(*e.b, j, lists);
      case ExprKind::UnaryOp:
        return e.un == ast::UnaryOp::Neg && ty(e) == kFloat && vec_ok(*e.a, j, lists);
      default: return false;
    }
  }
  // the invariant leaves of a vectorized expression, each splat once before the loop
  void vec_splats(const Expr& e, std::map<const Expr*, uint32_t>& splats) {
    switch (e.kind) {
      case ExprKind::Float: F->f64(e.num); break;
      case ExprKind::Int: F->f64(static_cast<double>(e.ival)); break;
      case ExprKind::Name: get_var(e); convert(ty(e), kFloat); break;
      case ExprKind::Subscript: return;
      default:
        if (e.a) vec_splats(*e.a, splats);
        if (e.kind == ExprKind::BinOp) vec_splats(*e.b, splats);
        return;
    }
    F->op(Op::F64x2Splat);
    uint32_t v = tmp(WType::V128);
    F->set(v);
    splats[&e] = v;
  }
  void vec_emit(const Expr& e, uint32_t off, const std::map<const Expr*, uint32_t>& splats) {
    switch (e.kind) {
      case ExprKind::Subscript:
        F->get(cached(*e.a)->data); F->get(off); F->op(Op::I32Add); F->mem(Op::V128Load, 3);
        return;
      case ExprKind::BinOp:
        vec_emit(*e.a, off, splats);
        vec_emit(*e.b, off, splats);
        F->op(e.bin == BinOp::Add ? Op::F64x2Add : e.bin == BinOp::Sub ? Op::F64x2Sub : Op::F64x2Mul);
        return;
      case ExprKind::UnaryOp:
        vec_emit(*e.a, off, splats);
        F->op(Op::F64x2Neg);
        return;
      default: F->get(splats.at(&e)); return;
    }
  }
  // Runs the leading pairs of iterations of a range(cur, stop) loop with step 1 as SIMD
  // when the body has the shape above; leaves `cur` at the first iteration not run.
  void simd_prefix(const ast::Body& body, const NameRef& target, uint32_t cur, uint32_t stop) {
    if (!G.o.simd || body.size() != 1) return;
    const Stmt& s = *body[0];
    if (!s.value || s.targets.size() != 1) return;
    const Expr& tg = *s.targets[0];
    const Expr& val = *s.value;
    if (tg.kind != ExprKind::Subscript || !S.types.count(&val)) return;
    bool aug = s.kind == StmtKind::AugAssign;
    if (aug) {
      if (s.op != BinOp::Add && s.op != BinOp::Sub && s.op != BinOp::Mul) return;
    } else if (s.kind != StmtKind::Assign || !(ty(val) == kFloat)) {
      return;
    }
    std::vector<const ListCache*> lists;
    if (tg.kind != ExprKind::Subscript || !vec_ok(tg, target.key, lists) || !vec_ok(val, target.key, lists)) return;
    std::sort(lists.begin(), lists.end());
    lists.erase(std::unique(lists.begin(), lists.end()), lists.end());
    const ListCache* x = cached(*tg.a);
    std::map<const Expr*, uint32_t> splats;
    vec_splats(val, splats);
    uint32_t n2 = tmp(WType::I64), off = tmp(WType::I32), end = tmp(WType::I32), addr = tmp(WType::I32);
    // 0 <= cur, 2 <= stop - cur, stop <= len(L) for every list L
    F->get(cur); F->i64(0); F->op(Op::I64GeS);
    F->get(stop); F->get(cur); F->op(Op::I64Sub); F->i64(2); F->op(Op::I64GeS); F->op(Op::I32And);
    for (const ListCache* c : lists) { F->get(stop); F->get(c->len); F->op(Op::I64LeS); F->op(Op::I32And); }
    F->block(Op::If);
    F->get(stop); F->get(cur); F->op(Op::I64Sub); F->i64(-2); F->op(Op::I64And); F->set(n2);
    F->get(cur); F->op(Op::I32WrapI64); F->i32(3); F->op(Op::I32Shl); F->set(off);
    F->get(cur); F->get(n2); F->op(Op::I64Add); F->op(Op::I32WrapI64); F->i32(3); F->op(Op::I32Shl); F->set(end);
    F->block(Op::Loop);
    F->get(x->data); F->get(off); F->op(Op::I32Add); F->tee(addr);
    if (aug) {
      F->get(addr); F->mem(Op::V128Load, 3);
      vec_emit(val, off, splats);
      F->op(s.op == BinOp::Add ? Op::F64x2Add : s.op == BinOp::Sub ? Op::F64x2Sub : Op::F64x2Mul);
    } else {
      vec_emit(val, off, splats);
    }
    F->mem(Op::V128Store, 3);
    F->get(off); F->i32(16); F->op(Op::I32Add); F->tee(off);
    F->get(end); F->op(Op::I32LtU); F->op(Op::BrIf, 0);
    F->op(Op::End);
    F->get(cur); F->get(n2); F->op(Op::I64Add); F->set(cur);
    F->get(cur); F->i64(1); F->op(Op::I64Sub); set_var(target);  // as the last iteration left it
    F->op(Op::End);
  }

  Scan with_target(Scan sc, const NameRef& target) const {
    if (target.kind == NameRef::Local) sc.assigned.insert(target.key);
    else sc.mutates = true;
    return sc;
  }

  // Loops over range(...) or a list; `bind` stores the current element (on the stack).
  // `target` is the loop variable, `sc` what the loop body does (scan_*; the binding of
  // the loop variable by the loop itself not included), `simd_body` the
  // body's statements when they may be vectorized.
  void for_loop(const Expr& iter, const NameRef& target, const Scan& sc, const std::function<void()>& bind,
                const std::function<void()>& body, const ast::Body* orelse, const ast::Body* simd_body = nullptr,
                const std::function<void(const std::vector<uint32_t>&)>* bind_items = nullptr) {
    auto ci = S.calls.find(&iter);
    bool is_range = ci != S.calls.end() && ci->second.kind == CallInfo::Builtin && ci->second.name == "range";
    bool is_zip = ci != S.calls.end() && ci->second.kind == CallInfo::Builtin &&
                  (ci->second.name == "enumerate" || ci->second.name == "zip");
    open(Op::Block, kVoidBlock, true);  // break target
    std::vector<std::string> hoisted;
    bool var_nonneg = false;  // the loop variable is >= 0 in the body
    if (is_range) {
      uint32_t cur = tmp(WType::I64), stop = tmp(WType::I64), step = tmp(WType::I64);
      const auto& args = iter.args;
      int64_t cstep = 1;
      bool const_step = true;
      bool start_nonneg = args.size() == 1 || is_nonneg(*args[0].value);
      if (args.size() == 1) {
        F->i64(0); F->set(cur);
        ex_as(*args[0].value, kInt); F->set(stop);
      } else {
        ex_as(*args[0].value, kInt); F->set(cur);
        ex_as(*args[1].value, kInt); F->set(stop);
        if (args.size() == 3) {
          const Expr& s = *args[2].value;
          if (s.kind == ExprKind::Int && s.ival != 0) cstep = s.ival;
          else if (s.kind == ExprKind::UnaryOp && s.un == ast::UnaryOp::Neg && s.a->kind == ExprKind::Int && s.a->ival != 0)
            cstep = -s.a->ival;
          else const_step = false;
          ex_as(s, kInt); F->set(step);
          if (!const_step) { F->get(step); F->op(Op::I64Eqz); err_if(RtError::Fallback, iter.loc.line); }
        }
      }
      if (const_step) { F->i64(cstep); F->set(step); }
      bool rebound = sc.assigned.count(target.key) > 0;  // the body assigns the variable itself
      if (target.kind == NameRef::Local && !rebound && const_step) {
        if (cstep > 0) var_nonneg = start_nonneg;
        else {  // counting down to a stop >= -1
          const Expr& st = *args[1].value;
          bool minus_one = st.kind == ExprKind::UnaryOp && st.un == ast::UnaryOp::Neg && st.a->kind == ExprKind::Int &&
                           st.a->int_fits && st.a->ival == 1;
          var_nonneg = args.size() == 3 && (minus_one || is_nonneg(st));
        }
      }
      hoisted = hoist(with_target(sc, target));
      if (const_step && cstep == 1 && simd_body && target.kind == NameRef::Local && !rebound)
        simd_prefix(*simd_body, target, cur, stop);
      bool added_nonneg = var_nonneg && nonneg.insert(target.key).second;
      open(Op::Block);  // normal exit
      open(Op::Loop);
      // condition
      if (const_step) {
        F->get(cur); F->get(stop); F->op(cstep > 0 ? Op::I64GeS : Op::I64LeS);
      } else {
        F->get(cur); F->get(stop); F->op(Op::I64GeS);
        F->get(cur); F->get(stop); F->op(Op::I64LeS);
        F->get(step); F->i64(0); F->op(Op::I64GtS); F->op(Op::Select);
      }
      F->op(Op::BrIf, 1);
      F->get(cur);
      bind();
      open(Op::Block, kVoidBlock, false, true);  // continue target
      body();
      close();
      // cur += step; leaving the loop if that passes the 64-bit range
      F->get(cur); F->get(step); F->op(Op::I64Add);
      if (!(const_step && (cstep == 1 || cstep == -1))) {
        uint32_t nx = tmp(WType::I64);
        F->tee(nx);
        F->get(cur); F->op(Op::I64Xor); F->get(step); F->get(cur); F->op(Op::I64Xor); F->i64(-1); F->op(Op::I64Xor);
        F->op(Op::I64And); F->i64(0); F->op(Op::I64LtS);  // overflow: signs of cur and step agree, r differs
        F->op(Op::BrIf, 1);
        F->get(nx);
      }
      F->set(cur);
      F->op(Op::Br, 0);
      close();  // loop
      close();  // normal exit
      if (added_nonneg) nonneg.erase(target.key);
    } else if (is_zip) {
      // enumerate(seq[, start]) / zip(s1, s2, ...): the sources are read at each turn (a list
      // may grow in the body, as Python's iterators see); the items go to bind_items, or into
      // a tuple for bind()
      bool en = ci->second.name == "enumerate";
      Type et = ty(iter);
      size_t nsrc = en ? 1 : iter.args.size();
      std::vector<uint32_t> src(nsrc);
      std::vector<Type> st(nsrc);
      for (size_t k = 0; k < nsrc; ++k) {
        st[k] = ty(*iter.args[k].value);
        src[k] = tmp(WType::I32);
        ex(*iter.args[k].value);
        F->set(src[k]);
      }
      uint32_t cnt = 0;
      if (en) {
        cnt = tmp(WType::I64);
        if (iter.args.size() == 2) ex_as(*iter.args[1].value, kInt);
        else F->i64(0);
        F->set(cnt);
      }
      uint32_t i = tmp(WType::I32);
      F->i32(0); F->set(i);
      hoisted = hoist(with_target(sc, target));
      open(Op::Block);
      open(Op::Loop);
      for (size_t k = 0; k < nsrc; ++k) {
        F->get(i); F->get(src[k]); F->mem(Op::I32Load, 2, 0); F->op(Op::I32GeU); F->op(Op::BrIf, 1);
      }
      std::vector<uint32_t> items;
      if (en) {
        uint32_t v = tmp(WType::I64);
        F->get(cnt); F->set(v);
        items.push_back(v);
        F->get(cnt); F->i64(INT64_MAX); F->op(Op::I64Eq); err_if(RtError::Overflow, iter.loc.line);
        F->get(cnt); F->i64(1); F->op(Op::I64Add); F->set(cnt);
      }
      for (size_t k = 0; k < nsrc; ++k) {
        Type it = et.item(items.size());
        uint32_t v = tmp(wtype(it));
        F->get(src[k]); F->mem(Op::I32Load, 2, 8);
        if (st[k].is_str()) {
          F->get(i); F->i32(2); F->op(Op::I32Shl); F->op(Op::I32Add);
          F->mem(Op::I32Load, 2, 0);
          F->op(Op::Call, G.helper("str_char"));
        } else {
          F->get(i); F->i32(3); F->op(Op::I32Shl); F->op(Op::I32Add);
          load(it);
        }
        F->set(v);
        items.push_back(v);
      }
      F->get(i); F->i32(1); F->op(Op::I32Add); F->set(i);
      if (bind_items) {
        (*bind_items)(items);
      } else {  // one loop variable: a tuple
        uint32_t h = tmp(WType::I32);
        uint32_t n = static_cast<uint32_t>(items.size());
        F->i32(static_cast<int32_t>(kListHeader + n * kSlot)); F->op(Op::Call, G.helper("alloc")); F->set(h);
        F->get(h); F->i32(n); F->mem(Op::I32Store, 2, 0);
        F->get(h); F->i32(n); F->mem(Op::I32Store, 2, 4);
        F->get(h); F->get(h); F->i32(kListHeader); F->op(Op::I32Add); F->mem(Op::I32Store, 2, 8);
        F->get(h); F->i32(0); F->mem(Op::I32Store, 2, 12);
        for (uint32_t k = 0; k < n; ++k) {
          Type it = et.item(k);
          F->get(h); F->get(items[k]);
          uint32_t off = kListHeader + k * kSlot;
          if (it == kInt) F->mem(Op::I64Store, 3, off);
          else if (it == kFloat) F->mem(Op::F64Store, 3, off);
          else F->mem(Op::I32Store, 2, off);
        }
        F->get(h);
        bind();
      }
      open(Op::Block, kVoidBlock, false, true);
      body();
      close();
      F->op(Op::Br, 0);
      close();
      close();
    } else {
      Type lt = ty(iter);
      uint32_t l = tmp(WType::I32), i = tmp(WType::I32);
      ex(iter);
      F->set(l);
      F->i32(0); F->set(i);  // (the loop may itself run inside a loop)
      hoisted = hoist(with_target(sc, target));
      // a body that cannot change any list's length: the length and data are read once
      uint32_t n = 0, d = 0;
      if (!sc.mutates) {
        n = tmp(WType::I32); d = tmp(WType::I32);
        F->get(l); F->mem(Op::I32Load, 2, 0); F->set(n);
        F->get(l); F->mem(Op::I32Load, 2, 8); F->set(d);
      }
      open(Op::Block);
      open(Op::Loop);
      F->get(i);
      if (sc.mutates) { F->get(l); F->mem(Op::I32Load, 2, 0); } else F->get(n);
      F->op(Op::I32GeU); F->op(Op::BrIf, 1);
      if (sc.mutates) { F->get(l); F->mem(Op::I32Load, 2, 8); } else F->get(d);
      if (lt.is_str()) {  // code points: the one-character string of each
        F->get(i); F->i32(2); F->op(Op::I32Shl); F->op(Op::I32Add);
        F->mem(Op::I32Load, 2, 0);
        F->op(Op::Call, G.helper("str_char"));
      } else {
        F->get(i); F->i32(3); F->op(Op::I32Shl); F->op(Op::I32Add);
        load(lt.is_tuple() ? lt.item(0) : lt.elem());
      }
      bind();
      F->get(i); F->i32(1); F->op(Op::I32Add); F->set(i);
      open(Op::Block, kVoidBlock, false, true);
      body();
      close();
      F->op(Op::Br, 0);
      close();
      close();
    }
    unhoist(hoisted);
    if (orelse) stmts(*orelse);
    close();  // break target
  }

  static int32_t sort_reverse(const Expr& call) {
    for (const auto& a : call.args)
      if (a.kind == ast::Arg::Keyword && a.name == "reverse") return a.value->kind == ExprKind::True ? 1 : 0;
    return 0;
  }
  static std::string sort_helper(Type el) {
    return el == kInt ? "sort_int" : el == kFloat ? "sort_float" : el == kBool ? "sort_bool" : "sort_str";
  }

  void print_value(const Expr& a) {
    if (a.kind == ExprKind::Str) {
      auto [addr, n] = G.str(a.str);
      F->i32(static_cast<int32_t>(addr)); F->i32(static_cast<int32_t>(n)); F->op(Op::Call, G.import("print_str"));
      return;
    }
    Type t = ty(a);
    ex(a);
    if (t.is_str()) F->op(Op::Call, G.helper("str_print"));
    else if (t.is_tuple()) F->op(Op::Call, G.print_tuple(t));
    else if (t.is_list()) F->op(Op::Call, G.print_list(t));
    else if (t == kInt) F->op(Op::Call, G.import("print_i64"));
    else if (t == kFloat) F->op(Op::Call, G.import("print_f64"));
    else F->op(Op::Call, G.import("print_bool"));
  }

  void put(const std::string& s) {
    if (s.empty()) return;
    auto [addr, n] = G.str(s);
    F->i32(static_cast<int32_t>(addr)); F->i32(static_cast<int32_t>(n)); F->op(Op::Call, G.import("print_str"));
  }

  void call(const Expr& e) {
    const CallInfo& ci = S.calls.at(&e);
    Type t = ty(e);
    if (ci.kind == CallInfo::User) {
      uint32_t h = G.func_for(ci.callee);
      if (ci.callee == &S && inlinable()) {
        inline_self_call(e);
        return;
      }
      if (ci.callee == &S && base_case()) {
        self_call_with_base_case(e, h);
        return;
      }
      for (size_t i = 0; i < e.args.size(); ++i) ex_as(*e.args[i].value, ci.callee->params[i]);
      F->get(rem);
      F->op(Op::Call, h);
      return;
    }
    if (ci.kind == CallInfo::Method && ci.name == "sort") {  // list.sort(reverse=...)
      ex(*e.a->a);
      F->i32(sort_reverse(e));
      F->op(Op::Call, G.helper(sort_helper(ty(*e.a->a).elem())));
      return;
    }
    if (ci.kind == CallInfo::Method && ci.name.rfind("str.", 0) == 0) {
      std::string m = ci.name.substr(4);
      ex(*e.a->a);  // the string, then the arguments
      for (const auto& a : e.args) ex(*a.value);
      if (m == "join") F->op(Op::Call, G.helper("str_join"));
      else if (m == "lower") F->op(Op::Call, G.helper("str_lower"));
      else if (m == "upper") F->op(Op::Call, G.helper("str_upper"));
      else if (m == "strip") F->op(Op::Call, G.helper("str_strip"));
      else if (m.rfind("is", 0) == 0) F->op(Op::Call, G.helper("str_" + m));
      else if (m == "startswith" || m == "endswith") { F->i32(m == "endswith"); F->op(Op::Call, G.helper("str_affix")); }
      else if (m == "find") { F->i32(0); F->op(Op::Call, G.helper("str_find_from")); F->op(Op::I64ExtendI32S); }
      else if (m == "count") F->op(Op::Call, G.helper("str_count"));
      else if (m == "replace") F->op(Op::Call, G.helper("str_replace"));
      else if (m == "split") F->op(Op::Call, G.helper(e.args.empty() ? "str_split_ws" : "str_split_sep"));
      else fail("method call ." + m + "()", e.loc);
      return;
    }
    if (ci.kind == CallInfo::Method) {  // list.append(v)
      const Expr& obj = *e.a->a;
      Type el = ty(obj).elem();
      Type vt = ty(*e.args[0].value);
      if (!el.known()) el = vt;
      uint32_t l = tmp(WType::I32), v = tmp(wtype(vt));
      ex(obj); F->set(l);
      ex(*e.args[0].value); F->set(v);
      F->get(l); F->op(Op::Call, G.helper("append_slot"));
      F->get(v);
      store(vt);
      return;
    }
    const std::string& b = ci.name;
    std::vector<const Expr*> pos;
    std::string sep = " ", end = "\n";
    for (const auto& a : e.args) {
      if (a.kind == ast::Arg::Keyword) (a.name == "sep" ? sep : end) = a.value->str;
      else pos.push_back(a.value.get());
    }
    int line = e.loc.line;
    if (b == "print") {
      for (size_t i = 0; i < pos.size(); ++i) {
        if (i) put(sep);
        print_value(*pos[i]);
      }
      put(end);
      return;
    }
    if (b == "len") {
      if (const ListCache* c = cached(*pos[0])) { F->get(c->len); return; }
      ex(*pos[0]); F->mem(Op::I32Load, 2, 0); F->op(Op::I64ExtendI32U); return;
    }
    if (b == "sorted") {
      Type at = ty(*pos[0]);
      uint32_t l = tmp(WType::I32);
      ex(*pos[0]);
      F->op(Op::Call, G.helper(at.is_str() ? "str_chars" : "list_copy"));
      F->set(l);
      if (t.elem().known()) {
        F->get(l); F->i32(sort_reverse(e)); F->op(Op::Call, G.helper(sort_helper(t.elem())));
      }
      F->get(l);
      return;
    }
    if (b == "ord") { ex(*pos[0]); F->i32(line); F->op(Op::Call, G.helper("ord")); return; }
    if (b == "chr") { ex_as(*pos[0], kInt); F->i32(line); F->op(Op::Call, G.helper("chr")); return; }
    if (b == "str") {
      if (pos.empty()) { F->i32(static_cast<int32_t>(G.str_const(""))); return; }
      Type at = ty(*pos[0]);
      if (at.is_str()) { ex(*pos[0]); return; }
      if (at == kBool) {
        F->i32(static_cast<int32_t>(G.str_const("True")));
        F->i32(static_cast<int32_t>(G.str_const("False")));
        ex(*pos[0]);
        F->op(Op::Select);
        return;
      }
      if (at == kFloat) { ex(*pos[0]); F->op(Op::Call, G.helper("str_of_float")); return; }
      ex_as(*pos[0], kInt); F->op(Op::Call, G.helper("str_of_int"));
      return;
    }
    if (b == "abs") {
      Type at = ty(*pos[0]);
      if (at == kFloat) { ex(*pos[0]); F->op(Op::F64Abs); return; }
      uint32_t a = tmp(WType::I64);
      ex_as(*pos[0], kInt); F->tee(a);
      F->i64(kI64Min); F->op(Op::I64Eq); err_if(RtError::Overflow, line);
      F->i64(0); F->get(a); F->op(Op::I64Sub); F->get(a); F->get(a); F->i64(0); F->op(Op::I64LtS); F->op(Op::Select);
      return;
    }
    if (b == "float") { if (pos.empty()) F->f64(0); else ex_as(*pos[0], kFloat); return; }
    if (b == "int") {
      if (pos.empty()) { F->i64(0); return; }
      Type at = ty(*pos[0]);
      if (at == kFloat) { ex(*pos[0]); F->i32(line); F->op(Op::Call, G.helper("f2i")); }
      else if (at.is_str()) { ex(*pos[0]); F->i32(line); F->op(Op::Call, G.helper("int_of_str")); }
      else ex_as(*pos[0], kInt);
      return;
    }
    if (b == "bool") { if (pos.empty()) F->i32(0); else test(*pos[0]); return; }
    if (b == "round") {
      Type at = ty(*pos[0]);
      if (at == kFloat) { ex(*pos[0]); F->op(Op::F64Nearest); F->i32(line); F->op(Op::Call, G.helper("f2i")); }
      else ex_as(*pos[0], kInt);
      return;
    }
    if (b == "min" || b == "max") {
      bool is_min = b == "min";
      WType w = wtype(t);
      uint32_t acc = tmp(w), x = tmp(w);
      auto better = [&] {  // x < acc (min) / x > acc (max): keep the first extreme, as Python
        compare(is_min ? CmpOp::Lt : CmpOp::Gt, t, x, t, acc, e.loc);
        F->block(Op::If); F->get(x); F->set(acc); F->op(Op::End);
      };
      if (pos.size() == 1) {
        uint32_t l = tmp(WType::I32), i = tmp(WType::I32);
        ex(*pos[0]); F->set(l);
        F->get(l); F->mem(Op::I32Load, 2, 0); F->op(Op::I32Eqz); err_if(RtError::Fallback, line);
        F->get(l); F->mem(Op::I32Load, 2, 8); load(t); F->set(acc);
        F->i32(1); F->set(i);
        F->block(Op::Block); F->block(Op::Loop);
        F->get(i); F->get(l); F->mem(Op::I32Load, 2, 0); F->op(Op::I32GeU); F->op(Op::BrIf, 1);
        F->get(l); F->mem(Op::I32Load, 2, 8); F->get(i); F->i32(3); F->op(Op::I32Shl); F->op(Op::I32Add); load(t); F->set(x);
        better();
        F->get(i); F->i32(1); F->op(Op::I32Add); F->set(i);
        F->op(Op::Br, 0);
        F->op(Op::End); F->op(Op::End);
        F->get(acc);
        return;
      }
      ex(*pos[0]); F->set(acc);
      for (size_t i = 1; i < pos.size(); ++i) {
        ex(*pos[i]); F->set(x);
        better();
      }
      F->get(acc);
      return;
    }
    if (b == "sum") {
      // Python adds left to right from the int 0: ints are checked (overflow falls back); a
      // float list starts from 0.0, the same value, but an empty one sums to the int 0, so it
      // falls back rather than give 0.0
      Type el = ty(*pos[0]).elem();
      bool fl = el == kFloat;
      uint32_t l = tmp(WType::I32), i = tmp(WType::I32), acc = tmp(fl ? WType::F64 : WType::I64),
               x = tmp(fl ? WType::F64 : WType::I64);
      ex(*pos[0]); F->set(l);
      if (fl) { F->get(l); F->mem(Op::I32Load, 2, 0); F->op(Op::I32Eqz); err_if(RtError::Fallback, line); }
      F->block(Op::Block); F->block(Op::Loop);
      F->get(i); F->get(l); F->mem(Op::I32Load, 2, 0); F->op(Op::I32GeU); F->op(Op::BrIf, 1);
      F->get(l); F->mem(Op::I32Load, 2, 8); F->get(i); F->i32(3); F->op(Op::I32Shl); F->op(Op::I32Add); load(el);
      convert(el, fl ? kFloat : kInt);
      F->set(x);
      if (fl) { F->get(acc); F->get(x); F->op(Op::F64Add); }
      else binop(BinOp::Add, kInt, kInt, kInt, e.loc, [&] { F->get(acc); }, [&] { F->get(x); });
      F->set(acc);
      F->get(i); F->i32(1); F->op(Op::I32Add); F->set(i);
      F->op(Op::Br, 0);
      F->op(Op::End); F->op(Op::End);
      F->get(acc);
      return;
    }
    fail("builtin " + b + "()", e.loc);
  }

  // Call depth (see Gen::recursive): a recursive function needs one frame of `rem`.
  void enter(int line) {
    if (!G.recursive.count(&S)) return;
    F->get(rem); F->op(Op::I32Eqz); err_if(RtError::Recursion, line);
    F->get(rem); F->i32(1); F->op(Op::I32Sub); F->set(rem);
  }
  // rem for calls made by the module body / the exported entry: limit - nonrec
  void start_rem(uint32_t into, int line) {
    F->op(Op::GlobalGet, G.g_limit); F->i32(G.nonrec); F->op(Op::I32Sub); F->tee(into);
    F->i32(0); F->op(Op::I32LtS); err_if(RtError::Recursion, line);
  }

  // ---- statements
  void stmts(const ast::Body& b) {
    for (const auto& s : b) {
      stmt(*s);
      if (s.get() == guard_.stmt) nonneg.insert(guard_.key);
    }
  }
  // `if n < C: return ...` (C >= 0) opening a function whose body never assigns the int
  // parameter n: every statement after it runs with n >= C >= 0 (a tail turn that rebinds n
  // goes back through the guard), so `n - 1` needs no overflow check there.
  struct GuardFact {
    const Stmt* stmt = nullptr;
    std::string key;
  } guard_;
  GuardFact guard_fact() const {
    if (!S.def) return {};
    const ast::Body& b = S.def->body;
    size_t i = 0;
    if (i < b.size() && b[i]->kind == StmtKind::Expr && b[i]->value && b[i]->value->kind == ExprKind::Str) ++i;
    if (i >= b.size()) return {};
    const Stmt& st = *b[i];
    if (st.kind != StmtKind::If || !st.orelse.empty() || st.body.empty() || st.body.back()->kind != StmtKind::Return)
      return {};
    const Expr& c = *st.value;
    if (c.kind != ExprKind::Compare || c.cmps.size() != 1 || c.items.size() != 1) return {};
    auto lit = int_literal(c.items[0].get());
    const NameRef* r = local_name(*c.a);
    if (!lit || !r || !(ty(*c.a) == kInt)) return {};
    if (std::find(S.param_keys.begin(), S.param_keys.end(), r->key) == S.param_keys.end()) return {};
    bool ge0 = (c.cmps[0] == ast::CmpOp::Lt && *lit >= 0) || (c.cmps[0] == ast::CmpOp::LtE && *lit >= -1);
    if (!ge0) return {};
    Scan sc;
    scan_stmts(b, sc);
    if (sc.assigned.count(r->key)) return {};
    return {&st, r->key};
  }

  void store_target(const Expr& tg, uint32_t v, Type vt) {
    if (tg.kind == ExprKind::Name) {
      F->get(v);
      set_var(S.names.at(&tg));
      return;
    }
    // subscript: container and index are evaluated after the value, as in Python
    Access acc = list_index(tg);
    elem_addr(acc, RtError::IndexStore, pos_code(tg.loc));
    F->get(v);
    store(vt);
  }

  void stmt(const Stmt& s) {
    switch (s.kind) {
      case StmtKind::Expr: {
        if (s.value->kind == ExprKind::Str) return;
        Type t = ty(*s.value);
        ex(*s.value);
        if (!(t == kNone)) F->op(Op::Drop);
        return;
      }
      case StmtKind::Assign:
      case StmtKind::AnnAssign: {
        if (!s.value) return;
        if (s.kind == StmtKind::Assign && s.targets.size() == 1 && s.targets[0]->kind == ExprKind::Tuple &&
            s.value->kind == ExprKind::Tuple) {
          std::vector<std::pair<uint32_t, Type>> vals;
          for (const auto& v : s.value->items) {
            Type t = ty(*v);
            uint32_t l = tmp(wtype(t));
            ex(*v);
            F->set(l);
            vals.push_back({l, t});
          }
          for (size_t i = 0; i < vals.size(); ++i) store_target(*s.targets[0]->items[i], vals[i].first, vals[i].second);
          return;
        }
        Type t = ty(*s.value);
        uint32_t v = tmp(wtype(t));
        ex(*s.value);
        F->set(v);
        for (const auto& tg : s.targets) {
          if (tg->kind == ExprKind::Tuple) {  // a, b = t: every item read before any store
            std::vector<uint32_t> items;
            for (size_t i = 0; i < tg->items.size(); ++i) {
              uint32_t x = tmp(wtype(t.item(i)));
              F->get(v); load(t.item(i), kListHeader + static_cast<uint32_t>(i) * kSlot); F->set(x);
              items.push_back(x);
            }
            for (size_t i = 0; i < items.size(); ++i) store_target(*tg->items[i], items[i], t.item(i));
            continue;
          }
          store_target(*tg, v, t);
        }
        return;
      }
      case StmtKind::AugAssign: {
        const Expr& tg = *s.targets[0];
        Type tt = ty(tg), vt = ty(*s.value);
        // on a list, += and *= change that list in place (every alias sees it), as in Python
        auto op = [&](const std::function<void()>& pl, const std::function<void()>& pr, const Expr* re) {
          if (!tt.is_list()) { binop(s.op, tt, vt, tt, s.loc, pl, pr, nullptr, re); return; }
          pl();
          pr();
          if (s.op == BinOp::Add) F->op(Op::Call, G.helper("list_extend"));
          else if (s.op == BinOp::Mul) { convert(vt, kInt); F->op(Op::Call, G.helper("list_imul")); }
          else fail("list operator", s.loc);
        };
        if (tg.kind == ExprKind::Name) {
          op([&] { get_var(tg); }, [&] { ex(*s.value); }, s.value.get());
          set_var(S.names.at(&tg));
          return;
        }
        Access ac = list_index(tg);
        uint32_t addr = tmp(WType::I32), r = tmp(wtype(tt));
        elem_addr(ac, RtError::Index, pos_code(tg.loc));
        F->set(addr);
        op([&] { F->get(addr); load(tt); }, [&] { ex(*s.value); }, nullptr);
        F->set(r);
        // a call may have appended to the list (moving its data); a cached list cannot change
        if (has_call(*s.value) && !ac.c) elem_addr(ac, RtError::IndexStore, pos_code(tg.loc));
        else F->get(addr);
        F->get(r);
        store(tt);
        return;
      }
      case StmtKind::If:
        test(*s.value);
        open(Op::If);
        stmts(s.body);
        if (!s.orelse.empty()) {
          F->op(Op::Else);
          stmts(s.orelse);
        }
        close();
        return;
      case StmtKind::While: {
        Scan sc;
        scan_expr(*s.value, sc);
        scan_stmts(s.body, sc);
        std::vector<std::string> hoisted = hoist(sc);
        open(Op::Block, kVoidBlock, true);
        open(Op::Block);
        open(Op::Loop);
        test(*s.value);
        F->op(Op::I32Eqz);
        F->op(Op::BrIf, 1);
        open(Op::Block, kVoidBlock, false, true);
        stmts(s.body);
        close();
        F->op(Op::Br, 0);
        close();
        close();
        unhoist(hoisted);
        stmts(s.orelse);
        close();
        return;
      }
      case StmtKind::For: {
        const Expr& tg = *s.targets[0];
        Scan sc;
        scan_stmts(s.body, sc);
        if (tg.kind == ExprKind::Tuple) {  // for a, b in list_of_tuples / enumerate(...) / zip(...)
          scan_target(tg, sc);
          static const NameRef none{NameRef::Local, ""};
          auto zc = S.calls.find(s.iter.get());
          if (zc != S.calls.end() && zc->second.kind == CallInfo::Builtin &&
              (zc->second.name == "enumerate" || zc->second.name == "zip")) {
            std::function<void(const std::vector<uint32_t>&)> bind_items = [&](const std::vector<uint32_t>& items) {
              for (size_t i = 0; i < tg.items.size(); ++i) {
                F->get(items[i]);
                set_var(S.names.at(tg.items[i].get()));
              }
            };
            for_loop(*s.iter, none, sc, [] {}, [&] { stmts(s.body); }, &s.orelse, nullptr, &bind_items);
            return;
          }
          Type et = ty(*s.iter).elem();
          uint32_t v = tmp(WType::I32);
          for_loop(*s.iter, none, sc, [&] {
            F->set(v);
            for (size_t i = 0; i < tg.items.size(); ++i) {
              F->get(v); load(et.item(i), kListHeader + static_cast<uint32_t>(i) * kSlot);
              set_var(S.names.at(tg.items[i].get()));
            }
          }, [&] { stmts(s.body); }, &s.orelse, nullptr);
          return;
        }
        const NameRef& target = S.names.at(&tg);
        for_loop(*s.iter, target, sc, [&] { set_var(target); }, [&] { stmts(s.body); }, &s.orelse, &s.body);
        return;
      }
      case StmtKind::Break: F->op(Op::Br, label(true)); return;
      case StmtKind::Continue: F->op(Op::Br, label(false)); return;
      case StmtKind::Pass: return;
      case StmtKind::Return:
        if (tail_mode) {
          if (auto tf = tail_form(*s.value)) { tail_return(s, *tf); return; }
          binop(BinOp::Add, kInt, kInt, kInt, s.loc, [&] { F->get(acc); }, [&] { ex_as(*s.value, kInt); });
          if (inline_into_acc_) F->set(acc);  // only set inside an inlined body
          return_now();
          return;
        }
        if (s.value && s.value->kind != ExprKind::None) {
          if (!(S.ret == kNone)) ex_as(*s.value, S.ret);
          else ex(*s.value);  // a call returning None
        }
        return_now();
        return;
      case StmtKind::FunctionDef:
        if (!S.def) return;
        [[fallthrough]];
      default: fail("statement", s.loc);
    }
  }

};

void Gen::body_of(FuncSpec* s) {
  Function& f = mb.function(fn.at(s));
  FnGen g(*this, *s, f);
  for (size_t i = 0; i < s->param_keys.size(); ++i) {
    g.locals[s->param_keys[i]] = static_cast<uint32_t>(i);
    f.local_names[i] = s->param_keys[i];
  }
  for (const auto& [k, t] : s->locals) {
    if (g.locals.count(k)) continue;
    if (!s->def && k.find('@') == std::string::npos) continue;  // module variables are globals
    std::string n = k;
    for (char& c : n)
      if (c == '@' || c == ':') c = '.';
    g.locals[k] = f.add_local(wtype(t), n);
  }
  const ast::Body& body = s->def ? s->def->body : T.module().body;
  if (s->def) {
    g.rem = static_cast<uint32_t>(s->param_keys.size());
    f.local_names[g.rem] = "rem";
    g.enter(s->def->loc.line);
    if (s->ret == kInt && recursive.count(s) && g.has_tail_return(s->def->body)) {
      g.tail_mode = true;
      g.acc = f.add_local(WType::I64, "acc");
      g.F->block(Op::Loop);
      g.ctl.push_back({false, false, true});
    }
  } else {
    g.rem = f.add_local(WType::I32, "rem");
    if (!recursive.empty() || nonrec > 0) g.start_rem(g.rem, 1);
  }
  g.guard_ = g.guard_fact();
  g.stmts(body);
  if (g.tail_mode) g.close();
  if (s->def && !(s->ret == kNone)) f.op(Op::Unreachable);  // every path returned
}

GeneratedModule Gen::run(FuncSpec* entry) {
  g_heap = mb.add_global(WType::I32, true, 0, 0, "", "heap");
  g_err = mb.add_global(WType::I32, true, 0, 0, "ml_err", "err");
  g_line = mb.add_global(WType::I32, true, 0, 0, "ml_err_line", "err_line");
  g_limit = mb.add_global(WType::I32, true, o.recursion_limit, 0, "", "depth_limit");
  if (o.standalone) {
    const FuncSpec* m = T.module_spec();
    if (!m) throw std::logic_error("standalone generation without a typed module body");
    for (const auto& [k, t] : m->locals) {
      if (k.find('@') != std::string::npos) continue;
      mglobals[k] = mb.add_global(wtype(t), true, 0, 0, "", k);
    }
  }
  analyze(entry);
  uint32_t eh = func_for(entry);
  GeneratedModule out;
  if (o.standalone) {
    mb.export_function(eh, "_start");
    mb.export_function(eh, "main");
    out.entry_export = "_start";
  } else {
    // the export keeps the function's own signature and supplies the call depth
    Sig sig;
    for (const Type& t : entry->params) sig.params.push_back(wtype(t));
    if (!(entry->ret == kNone)) sig.results.push_back(wtype(entry->ret));
    uint32_t wh = mb.add_function(entry->name, sig);
    Function& w = mb.function(wh);
    for (size_t i = 0; i < entry->param_keys.size(); ++i) w.local_names[i] = entry->param_keys[i];
    FnGen wg(*this, *entry, w);
    uint32_t r = w.add_local(WType::I32, "rem");
    wg.start_rem(r, entry->def->loc.line);
    for (uint32_t i = 0; i < entry->params.size(); ++i) w.get(i);
    w.get(r);
    w.op(Op::Call, eh);
    mb.export_function(wh, entry->name);
    out.entry_export = entry->name;
    // ml_enter(params..., heap, limit): the entry with the heap pointer and the call-depth limit
    // set first, so that a host call crosses once instead of three times
    Sig esig = sig;
    esig.params.push_back(WType::I32);
    esig.params.push_back(WType::I32);
    uint32_t nh = mb.add_function(kEnterExport, esig);
    Function& n = mb.function(nh);
    uint32_t np = static_cast<uint32_t>(entry->params.size());
    n.get(np);
    n.op(Op::GlobalSet, g_heap);
    n.i32(0);
    n.op(Op::GlobalSet, g_err);
    n.get(np + 1);
    n.op(Op::GlobalSet, g_limit);
    for (uint32_t i = 0; i < np; ++i) n.get(i);
    n.op(Op::Call, wh);
    mb.export_function(nh, kEnterExport);
  }
  for (size_t i = 0; i < todo.size(); ++i) body_of(todo[i]);
  for (FuncSpec* s : todo) out.functions.push_back(s->key);
  // heap control for the host
  uint32_t hh = mb.add_function("ml_heap", {{}, {WType::I32}});
  mb.function(hh).op(Op::GlobalGet, g_heap);
  mb.export_function(hh, "ml_heap");
  uint32_t sh = mb.add_function("ml_set_heap", {{WType::I32}, {}});
  mb.function(sh).get(0);
  mb.function(sh).op(Op::GlobalSet, g_heap);
  mb.export_function(sh, "ml_set_heap");
  // ml_set_limit(n): limit = n (call depth allowed before falling back), no error
  uint32_t lh = mb.add_function("ml_set_limit", {{WType::I32}, {}});
  mb.function(lh).i32(0);
  mb.function(lh).op(Op::GlobalSet, g_err);
  mb.function(lh).get(0);
  mb.function(lh).op(Op::GlobalSet, g_limit);
  mb.export_function(lh, "ml_set_limit");
  out.heap_base = (kDataBase + static_cast<uint32_t>(data.size()) + 15) & ~15u;
  mb.set_global_init(g_heap, out.heap_base);
  if (!data.empty()) mb.add_data(kDataBase, data);
  if (!o.custom_name.empty()) mb.add_custom_section(o.custom_name, o.custom_bytes);
  if (o.standalone) mb.define_memory(uint32_t(out.heap_base / engine::kPageSize + 1), "memory");
  else mb.import_memory("env", "memory", uint32_t(out.heap_base / engine::kPageSize + 1));
  out.wasm = mb.encode();
  out.wat = to_wat(mb);
  out.uses_fmod = uses_fmod;
  out.uses_pow = uses_pow;
  return out;
}

}  // namespace

GeneratedModule generate(Typer& typer, FuncSpec* entry, const CodegenOptions& opts) {
  if (!entry || entry->state != FuncSpec::Done)
    throw CannotCompile{entry && entry->failure ? *entry->failure : Reason{"function that did not type", {}, ""}};
  Gen g(typer, opts);
  return g.run(entry);
}

}  // namespace ml::wasm
