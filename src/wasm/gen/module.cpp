// The module as a whole: the call-graph analysis, each specialization's function, the exported
// entry and the host's heap and depth-limit controls.
#include "wasm/gen/fn_gen.h"

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
    case RtError::UnboundLocal: return "UnboundLocalError";
    case RtError::FloatZeroDivision:
    case RtError::FloatFloorDivZero:
    case RtError::FloatModZero:
    case RtError::IntFloorDivZero:
    case RtError::IntModZero: return "ZeroDivisionError";
  }
  return "?";
}

const char* zero_division_message(RtError e) {
  switch (e) {
    case RtError::ZeroDivision: return "runtime.division_by_zero";
    case RtError::FloatZeroDivision: return "runtime.float_division_by_zero";
    case RtError::FloatFloorDivZero: return "runtime.float_floor_division_by_zero";
    case RtError::FloatModZero: return "runtime.float_modulo";
    case RtError::IntFloorDivZero: return "runtime.integer_division_or_modulo_by_zero";
    case RtError::IntModZero: return "runtime.integer_modulo_by_zero";
    default: return nullptr;
  }
}

namespace gen {

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

void Emit::err(RtError code, int line) {
  F->i32(static_cast<int32_t>(code));
  F->op(Op::GlobalSet, G.g_err);
  F->i32(line);
  F->op(Op::GlobalSet, G.g_line);
  F->op(Op::Unreachable);
}

void Emit::mark_position(Loc loc) {
  F->i32(pos_code(loc));
  F->op(Op::GlobalSet, G.g_line);
}

// ------------------------------------------------------------------ runtime helpers

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
  // a bound flag (0 until assigned) for each local with a read that may come first
  for (const Expr* e : s->unbound_reads) {
    const std::string& k = s->names.at(e).key;
    if (!g.bound_flags.count(k)) g.bound_flags[k] = f.add_local(WType::I32, k + ".bound");
  }
  const ast::Body& body = s->def ? s->def->body : T.module().body;
  if (s->def) {
    g.rem = static_cast<uint32_t>(s->param_keys.size());
    f.local_names[g.rem] = "rem";
    g.enter(s->def->loc.line);
    // (tail turns rerun the body on the same locals: not with bound flags, which must start 0)
    if (s->ret == kInt && recursive.count(s) && s->unbound_reads.empty() && g.has_tail_return(s->def->body)) {
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
  if (s->def && s->ret.is_obj()) f.i32(0);  // falling off the end returns None
  else if (s->def && !(s->ret == kNone)) f.op(Op::Unreachable);  // every path returned
}

// ml_call's body (codegen.h): the slots at `args_at` hold the arguments on entry and the result
// on return.
void Gen::call_body(const FuncSpec& entry, uint32_t args_at) {
  Function& n = mb.function(call_handle);
  n.get(0);
  n.op(Op::GlobalSet, g_heap);
  n.i32(0);
  n.op(Op::GlobalSet, g_err);
  n.get(1);
  n.op(Op::GlobalSet, g_limit);
  bool ret = !(entry.ret == kNone);
  if (ret) n.i32(static_cast<int32_t>(args_at));  // the store's address, under the result
  for (size_t i = 0; i < entry.params.size(); ++i) {
    n.i32(static_cast<int32_t>(args_at + kSlot * i));
    switch (wtype(entry.params[i])) {
      case WType::I64: n.mem(Op::I64Load, 3); break;
      case WType::F64: n.mem(Op::F64Load, 3); break;
      default: n.mem(Op::I32Load, 2); break;
    }
  }
  n.op(Op::Call, call_wrapper);
  if (ret) switch (wtype(entry.ret)) {
      case WType::I64: n.mem(Op::I64Store, 3); break;
      case WType::F64: n.mem(Op::F64Store, 3); break;
      default: n.mem(Op::I32Store, 2); break;
    }
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
    // ml_call(heap, limit): the entry with the heap pointer and the call-depth limit set
    // first, its arguments read from the argument area and its result written there, so that
    // a host call crosses once and the engine makes no value (an i64 would be a JS BigInt)
    call_handle = mb.add_function(kCallExport, Sig{{WType::I32, WType::I32}, {}});
    call_wrapper = wh;
    mb.export_function(call_handle, kCallExport);
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
  if (!o.standalone) {  // the argument area: one 8-byte slot a parameter (and for the result)
    out.args_at = out.heap_base;
    out.heap_base += (kSlot * uint32_t(std::max<size_t>(entry->params.size(), 1)) + 15) & ~15u;
    call_body(*entry, out.args_at);
  }
  mb.set_global_init(g_heap, out.heap_base);
  if (!data.empty()) mb.add_data(kDataBase, data);
  if (!o.custom_name.empty()) mb.add_custom_section(o.custom_name, o.custom_bytes);
  if (o.standalone) mb.define_memory(uint32_t(out.heap_base / engine::kPageSize + 1), "memory");
  else mb.import_memory("env", "memory", uint32_t(out.heap_base / engine::kPageSize + 1));
  out.wasm = mb.encode();
  out.wat = to_wat(mb);
  out.uses_fmod = uses_fmod;
  out.unbound_names = unbound_names;
  out.uses_pow = uses_pow;
  return out;
}

}  // namespace gen

GeneratedModule generate(Typer& typer, FuncSpec* entry, const CodegenOptions& opts) {
  if (!entry || entry->state != FuncSpec::Done)
    throw CannotCompile{entry && entry->failure ? *entry->failure : Reason{"function that did not type", {}, ""}};
  gen::Gen g(typer, opts);
  return g.run(entry);
}

}  // namespace ml::wasm
