// Mixed execution: the interpreter runs the program and offers each call of a top-level
// function to the WebAssembly backend; values cross the boundary both ways.
#include "cli/wasm_bridge.h"

#include <iostream>
#include <unordered_map>

#include "interp/code.h"
#include "interp/runtime.h"

namespace ml::cli {

namespace iv = ml::interp;

namespace {

// Interpreter list objects <-> compiled lists, keeping identity (the same list passed twice
// is one list on both sides) so changes made by compiled code can be copied back.
struct ListMap {
  std::unordered_map<iv::ListObj*, wasm::ListPtr> to_wasm;
  std::vector<std::pair<wasm::ListPtr, iv::ListObj*>> pairs;
};

std::optional<wasm::Value> to_wasm(const iv::Value& v, ListMap& lists, int depth = 0) {
  if (v.is_bool()) return wasm::Value::of_bool(v.b);
  if (v.is_int()) return wasm::Value::of_int(v.i);
  if (v.is_float()) return wasm::Value::of_float(v.f);
  if (v.is_none()) return wasm::Value::none();
  if (v.is(iv::OK::List) && depth < 4) {
    auto* l = v.as<iv::ListObj>();
    if (auto it = lists.to_wasm.find(l); it != lists.to_wasm.end()) return wasm::Value::of_list(it->second);
    auto out = std::make_shared<wasm::List>();
    lists.to_wasm[l] = out;
    lists.pairs.emplace_back(out, l);
    out->reserve(l->v.size());
    for (const auto& x : l->v) {
      auto e = to_wasm(x, lists, depth + 1);
      if (!e) return std::nullopt;
      out->push_back(std::move(*e));
    }
    return wasm::Value::of_list(out);
  }
  return std::nullopt;  // strings, dicts, objects, big ints: the interpreter keeps the call
}

iv::Value to_interp(const wasm::Value& v, const ListMap& lists);

// The compiled type of an interpreter value, computed without converting it (the same rules
// as wasm::type_of), so a call that cannot compile costs no marshalling of big lists. On
// failure `why` says what compiled code does not take.
std::optional<wasm::Type> compiled_type(const iv::Value& v, std::string& why, int depth = 0) {
  if (v.is_bool()) return wasm::kBool;
  if (v.is_int()) return wasm::kInt;
  if (v.is_float()) return wasm::kFloat;
  if (!v.is(iv::OK::List)) {
    why = v.is(iv::OK::Big) ? std::string("an int beyond 64 bits") : "a " + iv::type_name(v);
    return std::nullopt;
  }
  if (depth >= 4) {
    why = "lists nested more than 4 deep";
    return std::nullopt;
  }
  wasm::Type el{wasm::Base::Unknown, 0};
  bool have = false;
  for (const auto& x : v.as<iv::ListObj>()->v) {
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

iv::Value list_to_interp(const wasm::ListPtr& l, const ListMap& lists) {
  for (const auto& [w, obj] : lists.pairs)
    if (w == l) return iv::Value::obj(obj);
  iv::ValueVec items;
  items.reserve(l->size());
  for (const auto& x : *l) items.push_back(to_interp(x, lists));
  return iv::Value::obj(new iv::ListObj(std::move(items)));
}

iv::Value to_interp(const wasm::Value& v, const ListMap& lists) {
  if (v.is_int()) return iv::Value::integer(v.as_int());
  if (v.is_float()) return iv::Value::flt(v.as_float());
  if (v.is_bool()) return iv::Value::boolean(v.as_bool());
  if (v.is_list()) return list_to_interp(v.as_list(), lists);
  return iv::Value::none();
}

// Compiled code may have changed lists it was given: write their contents back.
void copy_back(const ListMap& lists) {
  for (const auto& [w, obj] : lists.pairs) {
    iv::ValueVec items;
    items.reserve(w->size());
    for (const auto& x : *w) items.push_back(to_interp(x, lists));
    obj->v = std::move(items);
  }
}

}  // namespace

WasmBridge::WasmBridge(const ast::Module& module, const LanguagePack& pack, std::function<engine::Engine&()> engine)
    : program_(module, pack, nullptr, [&] {
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
  if (program_.why_not(code->name, types)) {
    skipped_[code]++;
    return std::nullopt;
  }

  ListMap lists;
  std::vector<wasm::Value> wargs;
  wargs.reserve(static_cast<size_t>(nargs));
  for (int i = 0; i < nargs; ++i) {
    auto w = to_wasm(args[i], lists);
    if (!w) {
      skipped_[code]++;
      return std::nullopt;
    }
    wargs.push_back(std::move(*w));
  }
  auto out = program_.call(code->name, wargs, iv::I ? iv::I->depth : 0);
  switch (out.kind) {
    case wasm::CallOutcome::Fallback:
      skipped_[code]++;
      return std::nullopt;
    case wasm::CallOutcome::Ok:
      skipped_.erase(code);
      compiled_.emplace(wasm::signature_key(code->name, types), std::make_pair(code->name, types));
      if (!out.output.empty()) write_output(out.output);
      copy_back(lists);
      return to_interp(out.result, lists);
    case wasm::CallOutcome::Error: {
      if (!out.output.empty()) write_output(out.output);
      copy_back(lists);
      // The same exception the interpreter would raise, located at the failing line.
      iv::PyError e(iv::make_exception(iv::I->e(out.error_class),
                                      {iv::Value::obj(new iv::StrObj(out.message))}));
      // Compiled code knows the line, and for most errors the column; else point at the
      // line's first non-blank character.
      int col = out.col;
      if (col == 0) {
        col = 1;
        for (char c : source_->line_text(out.line)) {
          if (c != ' ' && c != '\t') break;
          col++;
        }
      }
      iv::annotate(e, Loc{out.line, col});
      throw e;
    }
  }
  return std::nullopt;
}

void WasmBridge::write_output(const std::string& s) {
  // print() of the interpreter writes to the same stream: keep the order.
  std::cout << s;
}

std::string WasmBridge::wat() {
  std::string out;
  for (const auto& [sig, what] : compiled_) out += ";; " + sig + "\n" + program_.wat(what.first, what.second) + "\n";
  return out;
}

bool WasmBridge::owns(const iv::FuncObj* f) const { return f->code->src == source_; }

std::string WasmBridge::explain() const { return program_.explain_text(); }

}  // namespace ml::cli
