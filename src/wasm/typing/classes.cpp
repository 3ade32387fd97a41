// The typer over classes and instances: which classes compiled code takes, their methods, and
// attribute loads, stores and method calls on instances (Type Obj). Instances come from the
// interpreter (compiled code does not create them): their fields are the attributes they
// hold, with fixed places, so an attribute is a load or store at a known offset and a method
// call is a direct call of the method specialized for the instance's type.
#include "support/english.h"
#include "wasm/typing/func_typer.h"

namespace ml::wasm {

namespace {
// Special methods that change how attributes are found or stored.
bool changes_attributes(const std::string& n) {
  return n == "__getattr__" || n == "__getattribute__" || n == "__setattr__" || n == "__delattr__";
}
}  // namespace

const Stmt* Typer::find_class(const std::string& name, std::string* why) const {
  auto say = [&](std::string w) -> const Stmt* {
    if (why) *why = std::move(w);
    return nullptr;
  };
  auto it = classes_.find(name);
  if (it == classes_.end()) return say("class " + name + " is not defined at the top level");
  auto c = defs_count_.find(name);
  if (c != defs_count_.end() && c->second > 1) return say("class " + name + " is defined more than once");
  const Stmt* cls = it->second;
  if (!cls->decorators.empty()) return say("class " + name + " is decorated");
  for (const auto& m : cls->body) {
    switch (m->kind) {
      case StmtKind::FunctionDef:
        if (!m->decorators.empty()) return say("class " + name + " has a decorated method (" + m->name + ")");
        if (changes_attributes(m->name)) return say("class " + name + " defines " + m->name);
        break;
      case StmtKind::Pass: break;
      case StmtKind::Expr:
        if (m->value->kind != ExprKind::Str) return say("class " + name + " runs statements in its body");
        break;
      case StmtKind::Assign:
        if (m->targets.size() == 1 && m->targets[0]->kind == ExprKind::Name && m->targets[0]->name == "__slots__") break;
        if (method_alias(cls, *m)) break;
        return say("class " + name + " has class attributes");
      default: return say("class " + name + " runs statements in its body");
    }
  }
  if (cls->bases.size() > 1) return say("class " + name + " has several bases");
  if (cls->bases.size() == 1) {
    const ast::Arg& b = cls->bases[0];
    if (b.kind != ast::Arg::Positional || b.value->kind != ExprKind::Name) return say("class " + name + " has a computed base or a metaclass");
    if (builtin_of(b.value->name) == "object" && !classes_.count(b.value->name)) return cls;
    if (b.value->name == name) return say("class " + name + " derives from itself");
    std::string w;
    if (!find_class(b.value->name, &w)) return say(w);
  }
  return cls;
}

// `__rmul__ = __mul__` in a class body: a second name for a method the body defined before
// (directly or by another such name); the method's def, else null.
const Stmt* Typer::method_alias(const Stmt* cls, const Stmt& s) const {
  if (s.kind != StmtKind::Assign || s.targets.size() != 1 || s.targets[0]->kind != ExprKind::Name ||
      s.value->kind != ExprKind::Name)
    return nullptr;
  const Stmt* def = nullptr;
  for (const auto& m : cls->body) {
    if (m.get() == &s) return def;
    if (m->kind == StmtKind::FunctionDef && m->name == s.value->name) def = m.get();
    else if (m->kind == StmtKind::Assign && m->targets.size() == 1 && m->targets[0]->kind == ExprKind::Name &&
             m->targets[0]->name == s.value->name)
      def = method_alias(cls, *m);
  }
  return nullptr;
}

const Stmt* Typer::find_method(const std::string& cls, const std::string& name) const {
  for (const Stmt* c = find_class(cls); c;) {
    // the body's last binding of the name: a def, or a second name for one
    const Stmt* found = nullptr;
    for (const auto& m : c->body) {
      if (m->kind == StmtKind::FunctionDef && m->name == name) found = m.get();
      else if (m->kind == StmtKind::Assign && m->targets.size() == 1 && m->targets[0]->kind == ExprKind::Name &&
               m->targets[0]->name == name)
        found = method_alias(c, *m);
    }
    if (found) return found;
    if (c->bases.empty()) return nullptr;
    const std::string& base = c->bases[0].value->name;
    c = classes_.count(base) ? find_class(base) : nullptr;
  }
  return nullptr;
}

std::string Typer::qualname(const Stmt* def) const {
  auto it = method_class_.find(def);
  return it == method_class_.end() ? def->name : it->second + "." + def->name;
}

// obj.name on an instance: one of its fields (a method used as a value is not taken)
Type FuncTyper::attribute(const Expr& e) {
  Type ot = expr(*e.a);
  if (!ot.known() && ot.depth == 0) return record(e, kUnknown);
  if (!ot.is_obj()) fail("attribute ." + e.name + " of " + ot.a_name(), e.loc);
  int k = ot.field_index(e.name);
  if (k < 0) {
    if (T.find_method(ot.class_name(), e.name)) fail("method used as a value", e.loc, ot.class_name() + "." + e.name);
    fail("attribute '" + e.name + "' that " + ot.class_name() + " instances passed in do not have", e.loc);
  }
  return record(e, ot.fields()[static_cast<size_t>(k)].second);
}

// obj.name = v: a field of the instance, given a value of the field's type
void FuncTyper::attribute_store(const Expr& target, Type t) {
  Type ot = expr(*target.a);
  if (!ot.known() && ot.depth == 0) return;
  if (!ot.is_obj()) fail("attribute assignment on " + ot.a_name(), target.loc);
  int k = ot.field_index(target.name);
  if (k < 0) fail("new attribute '" + target.name + "' on " + with_article(ot.class_name()), target.loc);
  Type ft = ot.fields()[static_cast<size_t>(k)].second;
  if (!ft.known() && t.known()) {
    // a field of an instance being made (Typer::construct): this store tells its type
    if (auto* g = T.field_guesses(ot)) {
      Type& slot = (*g)[target.name];
      auto w = slot.known() ? widen(slot, t) : std::optional<Type>(t);
      if (!w) fail("attribute '" + target.name + "' given " + slot.a_name() + " and " + t.a_name(), target.loc);
      slot = *w;
      S.types[&target] = ft;
      return;
    }
  }
  bool none_into_obj = t == kNone && ft.is_obj();  // None: an instance field's empty address
  // an int-or-float field takes an int or a float (boxed as it is stored)
  bool into_num = ft.is_num() && (t == kInt || t == kFloat);
  if (t.known() && !(t == ft) && !none_into_obj && !into_num)
    fail("storing " + t.a_name() + " into attribute '" + target.name + "' of type " + ft.name(), target.loc);
  S.types[&target] = ft;
}

// obj.m(args) on an instance: the method of its class, called with the instance first
Type FuncTyper::instance_call(const Expr& e, const Expr& f, Type ot, bool statement) {
  if (ot.field_index(f.name) >= 0) fail("call of an attribute", e.loc, f.name);
  const Stmt* def = T.find_method(ot.class_name(), f.name);
  if (!def) fail("method ." + f.name + "() that class " + ot.class_name() + " does not define", e.loc);
  for (const auto& a : e.args)
    if (a.kind != ast::Arg::Positional) fail("keyword argument", e.loc);
  std::vector<Type> args;
  for (const auto& a : e.args) args.push_back(value_or_function(*a.value));
  const ast::Params& p = *def->params;
  if (!p.posonly.empty() || p.vararg || p.kwarg || !p.kwonly.empty()) fail("call to a method with special parameters", e.loc, f.name);
  fill_defaults(e, def, 1, args, f.name);
  args.insert(args.begin(), ot);
  for (const auto& t : args)
    if (!t.known()) return record(e, kUnknown);
  FuncSpec* callee = specialized_callee(def, args, f.loc);
  CallInfo ci;
  ci.kind = CallInfo::User;
  ci.callee = callee;
  ci.name = callee->name;
  ci.bound = true;
  ci.attr = &f;
  S.calls[&e] = ci;
  Type r = callee->ret;
  if (!statement && r.known() && r.depth == 0 && r.base == Base::None) fail("using the None result of " + callee->name + "()", e.loc);
  return record(e, r);
}

}  // namespace ml::wasm
