// The typer over `Cls(args)` in compiled code: instances made in linear memory. The instance's
// fields are the attributes __init__ assigns at its top level, and their types what it
// assigns them (found by typing __init__ again until they settle). Compiled code reads a
// field from a fixed slot, so no code may see the instance before __init__ has given every
// field its value: until then __init__ may only assign fields and compute values that do not
// mention `self` (an attribute read or method call there would find the slot empty where
// Python raises AttributeError or runs the method on a half-made instance).
#include "wasm/typing/func_typer.h"

namespace ml::wasm {

namespace {

// Does `e` mention the name `self` other than as `self.F` with F already assigned?
bool mentions(const Expr* e, const std::string& self, const std::set<std::string>& assigned) {
  if (!e) return false;
  if (e->kind == ExprKind::Name) return e->name == self;
  if (e->kind == ExprKind::Attribute && e->a->kind == ExprKind::Name && e->a->name == self)
    return !assigned.count(e->name);
  if (e->kind == ExprKind::Lambda) return true;  // its body may run later or now: keep it simple
  for (const Expr* c : {e->a.get(), e->b.get(), e->c.get()})
    if (mentions(c, self, assigned)) return true;
  for (const auto& i : e->items)
    if (mentions(i.get(), self, assigned)) return true;
  for (const auto& i : e->values)
    if (mentions(i.get(), self, assigned)) return true;
  for (const auto& a : e->args)
    if (mentions(a.value.get(), self, assigned)) return true;
  for (const auto& g : e->gens) {
    if (mentions(g.iter.get(), self, assigned) || mentions(g.target.get(), self, assigned)) return true;
    for (const auto& c : g.ifs)
      if (mentions(c.get(), self, assigned)) return true;
  }
  return false;
}

bool mentions(const ast::Body& b, const std::string& self, const std::set<std::string>& assigned);

// A statement that mentions self, returns, or binds self: any of these before every field
// has its value is refused.
bool mentions(const Stmt& s, const std::string& self, const std::set<std::string>& assigned) {
  if (s.kind == StmtKind::Return || s.kind == StmtKind::Match || s.kind == StmtKind::FunctionDef ||
      s.kind == StmtKind::ClassDef || s.kind == StmtKind::Global || s.kind == StmtKind::Nonlocal)
    return true;
  for (const Expr* e : {s.value.get(), s.iter.get(), s.extra.get()})
    if (mentions(e, self, assigned)) return true;
  for (const auto& t : s.targets)
    if (mentions(t.get(), self, {})) return true;  // a store to self.F inside a block, or a rebinding of self
  for (const auto& h : s.handlers)
    if (mentions(h.type.get(), self, assigned) || mentions(h.body, self, assigned)) return true;
  for (const auto& w : s.items)
    if (mentions(w.context.get(), self, assigned) || mentions(w.target.get(), self, assigned)) return true;
  return mentions(s.body, self, assigned) || mentions(s.orelse, self, assigned) || mentions(s.finalbody, self, assigned);
}

bool mentions(const ast::Body& b, const std::string& self, const std::set<std::string>& assigned) {
  for (const auto& s : b)
    if (mentions(*s, self, assigned)) return true;
  return false;
}

// The attributes `t` stores to on self (t is self.F, or a tuple/list of targets), or false
// when it stores elsewhere too in a way that mentions self.
bool field_targets(const Expr& t, const std::string& self, std::vector<std::string>& out) {
  if (t.kind == ExprKind::Attribute && t.a->kind == ExprKind::Name && t.a->name == self) {
    out.push_back(t.name);
    return true;
  }
  if (t.kind == ExprKind::Tuple || t.kind == ExprKind::List) {
    for (const auto& i : t.items)
      if (!field_targets(*i, self, out)) return false;
    return true;
  }
  return !mentions(&t, self, {});
}

}  // namespace

std::map<std::string, Type>* Typer::field_guesses(Type obj) {
  if (!obj.is_obj()) return nullptr;
  auto it = guessing_.find(obj.tid);
  return it == guessing_.end() ? nullptr : it->second;
}

Typer::Construction Typer::construct(const std::string& cls, const std::vector<Type>& args, Loc loc) {
  std::string key = signature_key(cls, args);
  if (auto it = constructions_.find(key); it != constructions_.end()) return it->second;
  std::string why;
  if (!find_class(cls, &why)) fail("instance of a class compiled code does not make", loc, why);
  const Stmt* init = find_method(cls, "__init__");
  if (!init) {
    if (!args.empty()) fail("arguments to a class without __init__", loc, cls);
    Construction c{Type::object(cls, {}), nullptr};
    constructions_[key] = c;
    return c;
  }
  const ast::Params& p = *init->params;
  if (p.args.empty() || !p.posonly.empty() || p.vararg || p.kwarg || !p.kwonly.empty())
    fail("__init__ with special parameters", loc, cls);
  if (args.size() + 1 != p.args.size()) fail("call with a different number of arguments", loc, cls + ".__init__");
  const std::string& self = p.args[0].name;
  // The fields, in the order __init__ first assigns them (the order of the instance's __dict__).
  std::vector<std::string> order;
  std::set<std::string> assigned;
  bool all = false;
  for (const auto& s : init->body) {
    if (all) break;
    std::vector<std::string> fs;
    bool stores = (s->kind == StmtKind::Assign || s->kind == StmtKind::AnnAssign) && s->value;
    if (stores)
      for (const auto& t : s->targets) stores = stores && field_targets(*t, self, fs);
    if (!stores || fs.empty()) {
      // a statement that is not a field store ends the fields (the rest of __init__ sees them all)
      if (!mentions(*s, self, assigned)) continue;
      all = true;
      break;
    }
    if (mentions(s->value.get(), self, assigned))
      fail("__init__ reading an attribute before it is assigned", s->loc, cls);
    for (const auto& f : fs)
      if (assigned.insert(f).second) order.push_back(f);
  }
  if (constructing_.count(cls)) fail("instance made while making another of its class", loc, cls);
  constructing_.insert(cls);
  std::map<std::string, Type> guesses;
  for (const auto& f : order) guesses[f] = kUnknown;
  Construction c;
  try {
    for (int round = 0;; ++round) {
      if (round > 8) fail("attribute types that do not settle", init->loc, cls);
      std::vector<std::pair<std::string, Type>> fields(guesses.begin(), guesses.end());
      Type t = Type::object(cls, fields);
      Type::set_field_order(t, order);
      std::map<std::string, Type> before = guesses;
      guessing_[t.tid] = &guesses;
      std::vector<Type> full{t};
      full.insert(full.end(), args.begin(), args.end());
      FuncSpec* spec = specialize(init, full);
      guessing_.erase(t.tid);
      if (guesses != before) continue;
      if (spec->state == FuncSpec::Failed)
        fail("call to " + spec->key + ", which cannot be compiled", loc, spec->failure->text());
      for (const auto& [n, ft] : guesses)
        if (!ft.known()) fail("attribute '" + n + "' whose type cannot be inferred", init->loc, cls);
      if (spec->state != FuncSpec::Done) fail("recursive construction", loc, cls);
      c = Construction{t, spec};
      break;
    }
  } catch (...) {
    constructing_.erase(cls);
    throw;
  }
  constructing_.erase(cls);
  constructions_[key] = c;
  return c;
}

// Cls(args): a new instance, given its fields by Cls.__init__
Type FuncTyper::construct_call(const Expr& e, const std::string& cls, bool statement) {
  (void)statement;
  for (const auto& a : e.args)
    if (a.kind != ast::Arg::Positional) fail("keyword argument", e.loc);
  std::vector<Type> args;
  for (const auto& a : e.args) args.push_back(value_or_function(*a.value));
  for (const auto& t : args)
    if (!t.known()) return record(e, kUnknown);
  if (const Stmt* init = T.find_method(cls, "__init__"); init && T.find_class(cls)) fill_defaults(e, init, 1, args, cls);
  Typer::Construction c = T.construct(cls, args, e.loc);
  CallInfo ci;
  ci.kind = CallInfo::User;
  ci.construct = true;
  ci.callee = c.init;
  ci.name = cls;
  S.calls[&e] = ci;
  return record(e, c.type);
}

}  // namespace ml::wasm

namespace ml::wasm {

const Expr* none_fill_count(const Expr& e) {
  if (e.kind != ExprKind::BinOp || e.bin != ast::BinOp::Mul) return nullptr;
  auto is_none_list = [](const Expr& l) {
    return l.kind == ExprKind::List && l.items.size() == 1 && l.items[0]->kind == ExprKind::None;
  };
  if (is_none_list(*e.a)) return e.b.get();
  if (is_none_list(*e.b)) return e.a.get();
  return nullptr;
}

void FuncTyper::none_fill(const Expr& value, const Expr& count, const Expr& target) {
  const Expr& list = value.a.get() == &count ? *value.b : *value.a;
  Type n = value_expr(count);
  if (n.known() && !(n == kInt || n == kBool)) fail("list repeated by " + n.a_name(), value.loc);
  record(*list.items[0], kNone);
  record(list, Type{Base::Unknown, 1});
  record(value, Type{Base::Unknown, 1});
  assign(target, Type{Base::Unknown, 1}, value.loc);
  if (auto r = resolve(target.name); r && r->kind == NameRef::Local) S.none_lists.insert(r->key);
  else fail("list of None bound to a module variable", target.loc);
  if (strict) {
    Type lt = S.locals[S.names.at(&target).key];
    if (!(lt.depth == 1 && lt.base == Base::Obj))
      fail("list of None that compiled code does not fill with instances", value.loc, lt.name());
  }
}

}  // namespace ml::wasm
