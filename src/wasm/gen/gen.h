// Function generation's shared state (internal to src/wasm/gen and src/wasm/rt): the module
// being built (Gen: functions, data segment, imports, runtime helpers) and the emission
// helpers every function body uses (Emit).
#pragma once
#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "engine/engine.h"
#include "wasm/codegen.h"
#include "wasm/host_imports.h"
#include "wasm/wat_printer.h"

namespace ml::wasm::gen {

using ast::BinOp;
using ast::CmpOp;
using ast::Expr;
using ast::ExprKind;
using ast::Stmt;
using ast::StmtKind;

constexpr int64_t kI64Min = INT64_MIN;

[[noreturn]] inline void fail(std::string construct, Loc loc, std::string detail = "") {
  throw CannotCompile{Reason{std::move(construct), loc, std::move(detail)}};
}

// The name of a specialization in the module ("fib.int").
std::string mangle(const FuncSpec& s);
bool has_call(const Expr& e);

class Gen;

// Shared emission helpers (used by user functions and by runtime helpers).
struct Emit {
  Gen& G;
  Function* F;
  Emit(Gen& g, Function* f) : G(g), F(f) {}
  uint32_t tmp(WType t, std::string name = "") { return F->add_local(t, std::move(name)); }
  void err(RtError code, int line);
  // Records where a loop is, at each of its turns, in ml_err_line: when the time limit stops
  // a call, the error points at the loop that was running rather than at the call.
  void mark_position(Loc loc);
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
  uint32_t call_handle = 0, call_wrapper = 0;  // ml_call and the entry's exported wrapper
  void call_body(const FuncSpec& entry, uint32_t args_at);
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
  std::map<int32_t, std::string> unbound_names;  // GeneratedModule::unbound_names

  // changes the length of some list itself: append, or += / *= on a list
  static bool appends(const FuncSpec* s) {
    for (const auto& [e, c] : s->calls)
      if (c.resizes()) return true;
    std::function<bool(const ast::Body&)> walk = [&](const ast::Body& b) {
      for (const auto& st : b) {
        if (st->kind == StmtKind::AugAssign) {
          auto t = s->types.find(st->targets[0].get());
          if (t == s->types.end() || t->second.is_list()) return true;
        }
        for (const auto& tg : st->targets)  // l[a:b] = ...
          if (tg->kind == ExprKind::Subscript && tg->b->kind == ExprKind::Slice) return true;
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
    const HostImport* h = find_host_import(name);
    if (!h) throw std::logic_error("no host import " + name);
    if (name == "fmod") uses_fmod = true;
    if (name == "pow") uses_pow = true;
    return mb.import_function("env", name, h->sig);
  }

  uint32_t helper(const std::string& name);
  uint32_t print_list(Type t);
  uint32_t print_tuple(Type t);
  void body_of(FuncSpec* s);
  GeneratedModule run(FuncSpec* entry);
};

}  // namespace ml::wasm::gen
