#include "wasm/standalone.h"

#include <set>

#include "wasm/codegen.h"

namespace ml::wasm {

namespace {

std::string json_str(const std::string& s) {
  std::string o = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') { o += '\\'; o += static_cast<char>(c); }
    else if (c < 0x20) { char b[8]; std::snprintf(b, sizeof b, "\\u%04x", c); o += b; }
    else o += static_cast<char>(c);
  }
  return o + "\"";
}

// Does this expression (tree) call a top-level function?
bool calls_user(const ast::Expr& e, const Typer& t) {
  if (e.kind == ast::ExprKind::Call && e.a->kind == ast::ExprKind::Name && t.find_function(e.a->name)) return true;
  for (const ast::Expr* c : {e.a.get(), e.b.get(), e.c.get()})
    if (c && calls_user(*c, t)) return true;
  for (const auto& i : e.items)
    if (calls_user(*i, t)) return true;
  for (const auto& a : e.args)
    if (calls_user(*a.value, t)) return true;
  for (const auto& g : e.gens) {
    if (calls_user(*g.iter, t)) return true;
    for (const auto& c : g.ifs)
      if (calls_user(*c, t)) return true;
  }
  return false;
}

bool stmt_calls_user(const ast::Stmt& s, const Typer& t) {
  for (const ast::Expr* e : {s.value.get(), s.iter.get()})
    if (e && calls_user(*e, t)) return true;
  for (const auto& x : s.targets)
    if (calls_user(*x, t)) return true;
  for (const auto* b : {&s.body, &s.orelse})
    for (const auto& c : *b)
      if (stmt_calls_user(*c, t)) return true;
  return false;
}

void collect_specs(FuncSpec* s, std::set<FuncSpec*>& out) {
  if (!out.insert(s).second) return;
  for (FuncSpec* c : s->callees()) collect_specs(c, out);
}

}  // namespace

StandaloneResult build_standalone(const ast::Module& module, const LanguagePack& pack) {
  StandaloneResult r;
  TyperOptions to;
  to.standalone = true;
  Typer typer(module, pack, to);
  FuncSpec* m = typer.specialize_module();
  if (m->state != FuncSpec::Done) {
    r.reason = m->failure ? *m->failure : Reason{"module code whose types do not settle", {}, ""};
    return r;
  }
  // Functions may read module variables only when those are surely assigned before the
  // first top-level statement that calls a function (else Python raises NameError).
  std::set<std::string> safe;
  for (const auto& s : module.body) {
    if (stmt_calls_user(*s, typer)) break;
    if (s->kind == ast::StmtKind::Assign || s->kind == ast::StmtKind::AnnAssign)
      for (const auto& t : s->targets)
        if (t->kind == ast::ExprKind::Name && s->value) safe.insert(t->name);
  }
  std::set<FuncSpec*> specs;
  for (FuncSpec* c : m->callees()) {
    if (c->state != FuncSpec::Done) c = typer.specialize(c->def, c->params);
    collect_specs(c, specs);
  }
  for (FuncSpec* s : specs) {
    if (s->state != FuncSpec::Done) {
      r.reason = s->failure ? *s->failure : Reason{"function " + s->key + " whose types do not settle", {}, ""};
      return r;
    }
    for (const auto& [e, n] : s->names)
      if (n.kind == NameRef::Global && !safe.count(n.key)) {
        r.reason = Reason{"module variable '" + n.key + "' read by a function before it is surely assigned", e->loc, s->key};
        return r;
      }
  }
  // localized error texts for the loader
  auto kind = [&](const std::string& k) {
    std::string t = pack.message("kind." + k);
    return t == "kind." + k ? k : t;
  };
  std::string json = "{";
  json += "\"ZeroDivisionError\":" + json_str(kind("ZeroDivisionError"));
  json += ",\"IndexError\":" + json_str(kind("IndexError"));
  json += ",\"OverflowError\":" + json_str(kind("OverflowError"));
  json += ",\"RecursionError\":" + json_str(kind("RecursionError"));
  json += ",\"MemoryError\":" + json_str(kind("MemoryError"));
  for (const char* id : {"division_by_zero", "float_division_by_zero", "float_floor_division_by_zero", "float_modulo",
                         "integer_division_or_modulo_by_zero", "integer_modulo_by_zero"})
    json += ",\"" + std::string(id) + "\":" + json_str(pack.message(std::string("runtime.") + id));
  json += ",\"index_out_of_range\":" + json_str(pack.message("runtime.index_out_of_range", {{"type", "list"}}));
  json += ",\"string_index_out_of_range\":" + json_str(pack.message("runtime.index_out_of_range", {{"type", "string"}}));
  json += ",\"tuple_index_out_of_range\":" + json_str(pack.message("runtime.index_out_of_range", {{"type", "tuple"}}));
  json += ",\"overflow\":" + json_str(pack.message("runtime.overflow"));
  json += ",\"recursion\":" + json_str(pack.message("runtime.recursion"));
  json += "}";
  CodegenOptions co;
  co.standalone = true;
  co.custom_name = "ml.messages";
  co.custom_bytes = json;
  try {
    GeneratedModule g = generate(typer, m, co);
    r.ok = true;
    r.wasm = std::move(g.wasm);
    r.wat = std::move(g.wat);
    r.functions = std::move(g.functions);
  } catch (const CannotCompile& c) {
    r.reason = c.reason;
  }
  return r;
}

}  // namespace ml::wasm
