// Mixed execution: the interpreter runs the program and offers each call of a top-level
// function to the WebAssembly backend; values cross the boundary both ways.
#include "cli/wasm_bridge.h"

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <unordered_map>

#include <fmt/format.h>

#include "interp/code.h"
#include "interp/runtime.h"
#include "support/memory_limit.h"
#include "wasm/host_call.h"

namespace ml::cli {

namespace iv = ml::interp;
using iv::check_interrupt;

namespace {

// Interpreter values as a host of compiled calls (wasm/host_call.h): lists are marshalled
// straight between interpreter list objects and linear memory.
struct InterpAdapter {
  using V = iv::Value;
  static const void* list_id(const V& v) { return v.o; }
  static size_t list_size(const V& v) { return v.as<iv::ListObj>()->v.size(); }
  static const V& list_at(const V& v, size_t i) { return v.as<iv::ListObj>()->v[i]; }
  static uint64_t slot_bits(const V& v, wasm::Type t) {
    uint64_t b = 0;
    if (t == wasm::kFloat) {
      double d = v.is_float() ? v.f : v.is_int() ? double(v.i) : double(v.is_bool() && v.b);
      std::memcpy(&b, &d, 8);
    } else if (v.is_int()) b = static_cast<uint64_t>(v.i);
    else if (v.is_bool()) b = v.b ? 1 : 0;
    return b;
  }
  static V from_slot(uint64_t b, wasm::Type t) {
    if (t == wasm::kInt) return V::integer(static_cast<int64_t>(b));
    if (t == wasm::kFloat) {
      double d;
      std::memcpy(&d, &b, 8);
      return V::flt(d);
    }
    return V::boolean((b & 0xFFFFFFFFu) != 0);
  }
  static V none() { return V::none(); }
  static V new_list(std::vector<V>&& items) { return V::obj(new iv::ListObj(std::move(items))); }
  static void refill(const V& list, std::vector<V>&& items) { list.as<iv::ListObj>()->v = std::move(items); }
  // strings and tuples (immutable: a returned one is a new interpreter object)
  static const void* value_id(const V& v) { return v.o; }
  static bool is_str(const V& v) { return v.is(iv::OK::Str); }
  static const std::string& str_utf8(const V& v) { return v.as<iv::StrObj>()->s; }
  static V new_str(std::string&& s) { return iv::mk_str(std::move(s)); }
  static size_t tuple_size(const V& v) { return v.as<iv::TupleObj>()->v.size(); }
  static const V& tuple_at(const V& v, size_t i) { return v.as<iv::TupleObj>()->v[i]; }
  static V new_tuple(std::vector<V>&& items) { return iv::mk_tuple(std::move(items)); }
};

// The compiled type of an interpreter value, computed without converting it (the same rules
// as wasm::type_of), so a call that cannot compile costs no marshalling of big lists. On
// failure `why` says what compiled code does not take.
std::optional<wasm::Type> compiled_type(const iv::Value& v, std::string& why, int depth = 0) {
  if (v.is_bool()) return wasm::kBool;
  if (v.is_int()) return wasm::kInt;
  if (v.is_float()) return wasm::kFloat;
  if (v.is(iv::OK::Str)) {
    if (!wasm::is_valid_utf8(v.as<iv::StrObj>()->s)) {
      why = "a string that is not valid UTF-8";
      return std::nullopt;
    }
    return wasm::kStr;
  }
  if (v.is(iv::OK::Tuple)) {
    const auto& items = v.as<iv::TupleObj>()->v;
    if (items.size() > static_cast<size_t>(wasm::kMaxTupleItems)) {
      why = "a tuple of more than " + std::to_string(wasm::kMaxTupleItems) + " items";
      return std::nullopt;
    }
    std::vector<wasm::Type> ts;
    for (const auto& x : items) {
      if (x.is_bool()) ts.push_back(wasm::kBool);
      else if (x.is_int()) ts.push_back(wasm::kInt);
      else if (x.is_float()) ts.push_back(wasm::kFloat);
      else if (x.is(iv::OK::Str) && wasm::is_valid_utf8(x.as<iv::StrObj>()->s)) ts.push_back(wasm::kStr);
      else {
        why = "a tuple holding a " + iv::type_name(x);
        return std::nullopt;
      }
    }
    return wasm::Type::tuple_of(ts);
  }
  if (!v.is(iv::OK::List)) {
    why = v.is(iv::OK::Big) ? std::string("an int beyond 64 bits") : "a " + iv::type_name(v);
    return std::nullopt;
  }
  if (depth >= 4) {
    why = "lists nested more than 4 deep";
    return std::nullopt;
  }
  const iv::ValueVec& items = v.as<iv::ListObj>()->v;
  // the common case, a list of one scalar kind, in one tight pass
  if (!items.empty() && (items[0].is_int() || items[0].is_float() || items[0].is_bool())) {
    iv::VT t0 = items[0].t;
    bool same = true;
    for (const auto& x : items) same &= x.t == t0;
    if (same) return wasm::Type::list_of(t0 == iv::VT::Int ? wasm::kInt : t0 == iv::VT::Float ? wasm::kFloat : wasm::kBool);
  }
  wasm::Type el{wasm::Base::Unknown, 0};
  bool have = false;
  for (const auto& x : items) {
    auto t = compiled_type(x, why, depth + 1);
    if (!t) {
      why = "a list holding " + why;
      return std::nullopt;
    }
    if (!have) {
      el = *t;
      have = true;
      continue;
    }
    if (*t == el || (!t->known() && t->depth == el.depth)) continue;
    if (!el.known() && el.depth == t->depth) {
      el = *t;
      continue;
    }
    why = "a list mixing " + el.name() + " and " + t->name();
    return std::nullopt;
  }
  return wasm::Type::list_of(el);
}

// kQuickCallUs, or MULTILINGUAL_QUICK_CALL_US (tests set it so that the choice does not depend
// on the machine's speed).
double quick_call_us() {
  static const double v = [] {
    const char* e = std::getenv("MULTILINGUAL_QUICK_CALL_US");
    return e && *e ? std::atof(e) : WasmBridge::kQuickCallUs;
  }();
  return v;
}

// No loops, comprehensions or calls of the program's own functions: the body's interpreted cost
// is bounded by its size.
bool straight_line_expr(const ast::Expr* e, const std::map<std::string, std::vector<const ast::Stmt*>>& defs) {
  if (!e) return true;
  switch (e->kind) {
    case ast::ExprKind::ListComp: case ast::ExprKind::SetComp: case ast::ExprKind::DictComp:
    case ast::ExprKind::GeneratorExp: case ast::ExprKind::Lambda:
      return false;
    case ast::ExprKind::Call:
      if (e->a && e->a->kind == ast::ExprKind::Name && defs.count(e->a->name)) return false;
      break;
    default: break;
  }
  for (const ast::Expr* c : {e->a.get(), e->b.get(), e->c.get()})
    if (!straight_line_expr(c, defs)) return false;
  for (const auto& i : e->items)
    if (!straight_line_expr(i.get(), defs)) return false;
  for (const auto& a : e->args)
    if (!straight_line_expr(a.value.get(), defs)) return false;
  return true;
}
bool straight_line(const ast::Body& b, const std::map<std::string, std::vector<const ast::Stmt*>>& defs) {
  for (const auto& s : b) {
    if (s->kind == ast::StmtKind::For || s->kind == ast::StmtKind::While) return false;
    if (!straight_line_expr(s->value.get(), defs)) return false;
    for (const auto& t : s->targets)
      if (!straight_line_expr(t.get(), defs)) return false;
    if (!straight_line(s->body, defs) || !straight_line(s->orelse, defs)) return false;
  }
  return true;
}

// The call's arguments completed with the function's defaults into `filled` (left empty when
// `args` is already complete); false when only the interpreter can bind them.
bool complete_args(const iv::FuncObj* f, const iv::Value* args, int nargs, std::vector<iv::Value>& filled) {
  const iv::FuncCode* c = f->code;
  if (c->vararg_slot >= 0 || c->kwarg_slot >= 0 || c->nkwonly > 0 || nargs > c->npos) return false;
  if (nargs == c->npos) return true;
  int ndef = int(f->defaults.size());
  int first_default = c->npos - ndef;
  if (nargs < first_default) return false;
  filled.assign(args, args + nargs);
  for (int i = nargs; i < c->npos; ++i) filled.push_back(f->defaults[size_t(i - first_default)]);
  return true;
}

}  // namespace

WasmBridge::WasmBridge(const ast::Module& module, const LanguagePack& pack, std::function<engine::Engine&()> engine,
                       bool adaptive)
    : adaptive_(adaptive),
      program_(module, pack, nullptr, [&] {
        wasm::ProgramOptions o;
        o.engine_provider = std::move(engine);
        return o;
      }()) {
  for (const auto& s : module.body)
    if (s->kind == ast::StmtKind::FunctionDef && !s->is_async && !s->is_generator && s->decorators.empty())
      defs_[s->name].push_back(s.get());
  source_ = module.source.get();
}

std::optional<iv::Value> WasmBridge::try_call(iv::FuncObj* f, iv::Value* args, int nargs) {
  const iv::FuncCode* code = f->code;
  auto skip = skipped_.find(code);
  if (skip != skipped_.end() && skip->second >= kGiveUpAfter) return std::nullopt;
  // Only the module's own top-level functions (not methods, closures or lambdas).
  auto it = defs_.find(code->name);
  if (it == defs_.end() || it->second.size() != 1 || code->src != source_ || !f->closure.empty()) return std::nullopt;
  const ast::Stmt* def = it->second.front();
  if (def->loc.line != code->loc.line) return std::nullopt;
  Timing& tm = timing_[code];
  if (tm.interpreted) return std::nullopt;
  // Compiled code takes exactly the declared positional parameters: a call that leaves some
  // out gets the function's defaults here; any other shape (too few or too many arguments,
  // special parameters) is the interpreter's to bind, and to reject with its TypeError.
  std::vector<iv::Value> filled;
  if (!complete_args(f, args, nargs, filled)) return std::nullopt;
  if (!filled.empty()) {
    args = filled.data();
    nargs = int(filled.size());
  }
  if (adaptive_ && !tm.offered && !worth_compiling(code, def, tm)) return std::nullopt;
  tm.offered = true;

  // Ask the compiler first (cached per signature): no conversion for calls that cannot compile.
  std::vector<wasm::Type> types;
  for (int i = 0; i < nargs; ++i) {
    std::string why;
    auto t = compiled_type(args[i], why);
    if (!t) {
      skipped_[code]++;
      std::string arg = std::to_string(i + 1);
      if (def->params && i < int(def->params->args.size())) arg = "'" + def->params->args[size_t(i)].name + "'";
      program_.note_not_offered(code->name, "argument " + arg + " is " + why);
      return std::nullopt;
    }
    types.push_back(*t);
  }
  auto c0 = std::chrono::steady_clock::now();
  bool refused = program_.why_not(code->name, types).has_value();  // compiles on the first call
  compile_ms_ += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - c0).count();
  if (refused) {
    skipped_[code]++;
    return std::nullopt;
  }

  auto t0 = std::chrono::steady_clock::now();
  wasm::BasicOutcome<InterpAdapter> out;
  try {
    support::UncheckedAllocations engine_allocates;  // V8 cannot take a bad_alloc
    out = wasm::call_host<InterpAdapter>(program_, code->name, std::span<const iv::Value>(args, size_t(nargs)), types,
                                         iv::I ? iv::I->depth : 0);
  } catch (const engine::WasmError& e) {
    if (e.kind() != engine::ErrorKind::Timeout) throw;
    // The engine stopped the call because the program's time ran out: raise it here, at the
    // call, rather than running the call again interpreted.
    check_interrupt();
    skipped_[code]++;
    return std::nullopt;
  }
  switch (out.kind) {
    case wasm::CallOutcome::Fallback:
      skipped_[code]++;
      check_interrupt();  // stopped by the program's time limit: no second run interpreted
      return std::nullopt;
    case wasm::CallOutcome::Ok:
      skipped_.erase(code);
      if (adaptive_ && tm.calls < kTrialCalls) {
        tm.ns += std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - t0).count();
        if (++tm.calls == kTrialCalls) {
          // A call costs a few microseconds of crossing into WebAssembly and back; a function
          // that does little more than that, with a body of bounded size, is quicker interpreted.
          double us = tm.ns / kTrialCalls / 1000.0;
          if (us < quick_call_us() && straight_line(def->body, defs_)) {
            tm.interpreted = true;
            program_.note_not_offered(
                code->name, fmt::format("after {} calls of {:.1f} us compiled, mostly crossing into WebAssembly and "
                                        "back: a body without loops is quicker interpreted (--backend wasm keeps it "
                                        "compiled)",
                                        kTrialCalls, us));
          }
        }
      }
      compiled_.emplace(wasm::signature_key(code->name, types), std::make_pair(code->name, types));
      if (!out.output.empty()) write_output(out.output);
      return std::move(out.result);
    case wasm::CallOutcome::Error: {
      if (!out.output.empty()) write_output(out.output);
      const wasm::ErrorText& er = out.error;
      // The same exception the interpreter would raise, located at the failing line.
      iv::PyError e(iv::make_exception(iv::I->e(er.error_class), {iv::Value::obj(new iv::StrObj(er.message))}));
      // Compiled code knows the line, and for most errors the column; else point at the
      // line's first non-blank character.
      int col = er.col;
      if (col == 0) {
        col = 1;
        for (char c : source_->line_text(er.line)) {
          if (c != ' ' && c != '\t') break;
          col++;
        }
      }
      iv::annotate(e, Loc{er.line, col});
      throw e;
    }
  }
  return std::nullopt;
}

// Until a function is first offered to the compiler: is it hot enough to be worth compiling?
// (Interpreting a call costs nothing up front; compiling one costs about a millisecond, which
// a program of thousands of functions each called once would pay thousands of times.)
bool WasmBridge::worth_compiling(const iv::FuncCode* code, const ast::Stmt* def, Timing& tm) {
  if (++tm.interpreted_calls >= kHotCalls) return true;
  if (straight_line(def->body, defs_)) {  // bounded work per call: wait until hot
    program_.note_not_offered(code->name, fmt::format("not hot yet: no loops; compiled once called {} times", kHotCalls));
    return false;
  }
  double elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_).count();
  if (compile_ms_ < kCompileBudgetMs + kCompileShare * elapsed) return true;
  program_.note_not_offered(code->name, fmt::format("not hot yet: compiling had used its share of the run's time; "
                                                    "compiled once called {} times",
                                                    kHotCalls));
  return false;
}

void WasmBridge::write_output(const std::string& s) {
  // print() of the interpreter writes to the same stream: keep the order.
  std::cout << s;
  iv::check_output(std::cout);
}

std::string WasmBridge::wat() {
  std::string out;
  for (const auto& [sig, what] : compiled_) out += ";; " + sig + "\n" + program_.wat(what.first, what.second) + "\n";
  return out;
}

bool WasmBridge::owns(const iv::FuncObj* f) const { return f->code->src == source_; }

std::string WasmBridge::explain() const { return program_.explain_text(); }

}  // namespace ml::cli
