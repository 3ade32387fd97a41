// Module constants: names the module binds once, at its top level, to a literal, which
// compiled functions read as that value (see ModuleConstant in typer.h).
#include "wasm/typing/func_typer.h"

namespace ml::wasm {

namespace {

void count_target(const Expr& t, std::map<std::string, int>& out) {
  if (t.kind == ExprKind::Name) out[t.name]++;
  else if (t.kind == ExprKind::Tuple || t.kind == ExprKind::List)
    for (const auto& i : t.items) count_target(*i, out);
  else if (t.kind == ExprKind::Starred && t.a) count_target(*t.a, out);
}

// Every binding of a name at module scope (outside function and class bodies). Bindings this
// misses (a walrus, a match capture, globals()) only cost a fallback: the host compares the
// module's value with the constant before each call.
void count_module_bindings(const ast::Body& body, std::map<std::string, int>& out) {
  for (const auto& s : body) {
    switch (s->kind) {
      case StmtKind::FunctionDef:
      case StmtKind::ClassDef: out[s->name]++; continue;
      case StmtKind::Import:
        for (const auto& a : s->names) out[a.asname.empty() ? a.name.substr(0, a.name.find('.')) : a.asname]++;
        break;
      case StmtKind::ImportFrom:
        for (const auto& a : s->names) out[a.asname.empty() ? a.name : a.asname]++;
        break;
      case StmtKind::With:
        for (const auto& w : s->items)
          if (w.target) count_target(*w.target, out);
        break;
      case StmtKind::Try:
        for (const auto& h : s->handlers) {
          if (!h.name.empty()) out[h.name]++;
          count_module_bindings(h.body, out);
        }
        break;
      case StmtKind::Match:
        for (const auto& c : s->cases) count_module_bindings(c.body, out);
        break;
      default: break;
    }
    for (const auto& t : s->targets) count_target(*t, out);  // assignments, for, del
    count_module_bindings(s->body, out);
    count_module_bindings(s->orelse, out);
    count_module_bindings(s->finalbody, out);
  }
}

// Names some function (or class body) declares `global`: it may rebind them.
void collect_declared_global(const ast::Body& body, std::set<std::string>& out) {
  for (const auto& s : body) {
    if (s->kind == StmtKind::Global)
      for (const auto& a : s->names) out.insert(a.name);
    collect_declared_global(s->body, out);
    collect_declared_global(s->orelse, out);
    collect_declared_global(s->finalbody, out);
    for (const auto& h : s->handlers) collect_declared_global(h.body, out);
    for (const auto& c : s->cases) collect_declared_global(c.body, out);
  }
}

std::optional<ModuleConstant> literal_constant(const Expr& e) {
  ModuleConstant c;
  switch (e.kind) {
    case ExprKind::Int:
      if (!e.int_fits) return std::nullopt;
      c.type = kInt;
      c.i = e.ival;
      return c;
    case ExprKind::Float:
      c.type = kFloat;
      c.f = e.num;
      return c;
    case ExprKind::True:
    case ExprKind::False:
      c.type = kBool;
      c.i = e.kind == ExprKind::True;
      return c;
    case ExprKind::Str:
      c.type = kStr;
      c.s = e.str;
      return c;
    case ExprKind::UnaryOp:
      if (e.un == ast::UnaryOp::Neg && e.a && (e.a->kind == ExprKind::Int || e.a->kind == ExprKind::Float)) {
        auto inner = literal_constant(*e.a);
        if (!inner) return std::nullopt;
        inner->i = -inner->i;  // (a literal that fits is at most 2**63 - 1)
        inner->f = -inner->f;
        return inner;
      }
      return std::nullopt;
    default: return std::nullopt;
  }
}

}  // namespace

void Typer::find_constants() {
  std::map<std::string, int> bindings;
  count_module_bindings(module_.body, bindings);
  std::set<std::string> declared;
  collect_declared_global(module_.body, declared);
  for (const auto& s : module_.body) {
    if (s->kind != StmtKind::Assign || s->targets.size() != 1 || s->targets[0]->kind != ExprKind::Name) continue;
    const std::string& name = s->targets[0]->name;
    if (bindings[name] != 1 || declared.count(name)) continue;
    if (auto c = literal_constant(*s->value)) constants_[name] = std::move(*c);
    else computed_constants_.insert(name);
  }
}

const ModuleConstant* Typer::module_constant(const std::string& name) const {
  auto it = constants_.find(name);
  if (it != constants_.end()) return &it->second;
  if (!opts_.module_values || !computed_constants_.count(name)) return nullptr;
  // The value first seen is the one compiled in (specializations are cached): the host's
  // check before each call covers a later rebinding.
  auto v = opts_.module_values(name);
  if (!v) return nullptr;
  return &(constants_[name] = std::move(*v));
}

}  // namespace ml::wasm
