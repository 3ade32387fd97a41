#include "wasm/typer.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

namespace ml::wasm {

using ast::Expr;
using ast::ExprKind;
using ast::Stmt;
using ast::StmtKind;

std::string Type::name() const {
  std::string b;
  switch (base) {
    case Base::Unknown: b = "?"; break;
    case Base::None: b = "None"; break;
    case Base::Bool: b = "bool"; break;
    case Base::Int: b = "int"; break;
    case Base::Float: b = "float"; break;
    case Base::Str: b = "str"; break;
    case Base::Tuple: {
      b = "tuple[";
      for (size_t i = 0; i < tn; ++i) b += (i ? ", " : "") + item(i).name();
      b += tn ? "]" : "()]";
      break;
    }
  }
  for (int i = 0; i < depth; ++i) b = "list[" + b + "]";
  return b;
}

WType wtype(Type t) {
  if (t.is_list()) return WType::I32;
  switch (t.base) {
    case Base::Int: return WType::I64;
    case Base::Float: return WType::F64;
    default: return WType::I32;
  }
}

std::string Reason::text() const {
  std::string s = construct;
  if (loc.line) s += fmt::format(" at line {}:{}", loc.line, loc.col);
  if (!detail.empty()) s += " (" + detail + ")";
  return s;
}

std::string signature_key(const std::string& name, const std::vector<Type>& args) {
  std::string k = name + "(";
  for (size_t i = 0; i < args.size(); ++i) k += (i ? ", " : "") + args[i].name();
  return k + ")";
}

std::vector<FuncSpec*> FuncSpec::callees() const {
  std::vector<FuncSpec*> out;
  for (const auto& [e, c] : calls)
    if (c.kind == CallInfo::User && std::find(out.begin(), out.end(), c.callee) == out.end())
      out.push_back(c.callee);
  std::sort(out.begin(), out.end(), [](FuncSpec* a, FuncSpec* b) { return a->key < b->key; });
  return out;
}

[[noreturn]] static void fail(std::string construct, Loc loc, std::string detail = "") {
  throw CannotCompile{Reason{std::move(construct), loc, std::move(detail)}};
}

static const char* stmt_construct(StmtKind k) {
  switch (k) {
    case StmtKind::FunctionDef: return "nested function definition";
    case StmtKind::ClassDef: return "class definition";
    case StmtKind::Try: return "try statement";
    case StmtKind::Raise: return "raise statement";
    case StmtKind::With: return "with statement";
    case StmtKind::Import: case StmtKind::ImportFrom: return "import statement";
    case StmtKind::Global: return "global statement";
    case StmtKind::Nonlocal: return "nonlocal statement";
    case StmtKind::Assert: return "assert statement";
    case StmtKind::Del: return "del statement";
    case StmtKind::Match: return "match statement";
    default: return "statement";
  }
}

static const char* expr_construct(ExprKind k) {
  switch (k) {
    case ExprKind::Str: return "string value";
    case ExprKind::Bytes: return "bytes value";
    case ExprKind::FString: return "f-string";
    case ExprKind::None: return "None value";
    case ExprKind::Ellipsis: return "Ellipsis";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::NamedExpr: return "assignment expression (:=)";
    case ExprKind::Attribute: return "attribute access";
    case ExprKind::Slice: return "slice";
    case ExprKind::Starred: return "starred expression";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Set: case ExprKind::SetComp: return "set";
    case ExprKind::Dict: case ExprKind::DictComp: return "dict";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Await: return "await";
    case ExprKind::Yield: case ExprKind::YieldFrom: return "yield";
    default: return "expression";
  }
}

static const char* binop_text(ast::BinOp op) {
  switch (op) {
    case ast::BinOp::Add: return "+";
    case ast::BinOp::Sub: return "-";
    case ast::BinOp::Mul: return "*";
    case ast::BinOp::Div: return "/";
    case ast::BinOp::FloorDiv: return "//";
    case ast::BinOp::Mod: return "%";
    case ast::BinOp::Pow: return "**";
    case ast::BinOp::MatMul: return "@";
    case ast::BinOp::LShift: return "<<";
    case ast::BinOp::RShift: return ">>";
    case ast::BinOp::BitAnd: return "&";
    case ast::BinOp::BitOr: return "|";
    case ast::BinOp::BitXor: return "^";
  }
  return "?";
}

// Does executing `body` always end in return (so control never falls off its end)?
static bool always_returns(const ast::Body& body) {
  for (const auto& s : body) {
    if (s->kind == StmtKind::Return) return true;
    if (s->kind == StmtKind::If && !s->orelse.empty() && always_returns(s->body) && always_returns(s->orelse))
      return true;
  }
  return false;
}

// Names bound in a function body (not inside comprehensions).
static void collect_target(const Expr& t, std::set<std::string>& out) {
  if (t.kind == ExprKind::Name) out.insert(t.name);
  else if (t.kind == ExprKind::Tuple || t.kind == ExprKind::List)
    for (const auto& i : t.items) collect_target(*i, out);
}
static void collect_assigned(const ast::Body& body, std::set<std::string>& out) {
  for (const auto& s : body) {
    switch (s->kind) {
      case StmtKind::Assign:
      case StmtKind::AugAssign:
      case StmtKind::AnnAssign:
      case StmtKind::For:
        for (const auto& t : s->targets) collect_target(*t, out);
        break;
      case StmtKind::FunctionDef:
      case StmtKind::ClassDef:
        continue;  // their own scopes
      default: break;
    }
    collect_assigned(s->body, out);
    collect_assigned(s->orelse, out);
  }
}

// ----------------------------------------------------------------------------- typer

Typer::Typer(const ast::Module& m, const LanguagePack& pack, TyperOptions o)
    : module_(m), pack_(pack), opts_(o) {
  for (const auto& s : m.body) {
    if (s->kind == StmtKind::FunctionDef) {
      functions_[s->name] = s.get();
      defs_count_[s->name]++;
    } else if (s->kind == StmtKind::ClassDef) {
      defs_count_[s->name]++;
    }
  }
  std::set<std::string> assigned;
  collect_assigned(m.body, assigned);
  for (const auto& n : assigned) defs_count_[n]++;
}

const ast::Stmt* Typer::find_function(const std::string& name) const {
  auto it = functions_.find(name);
  if (it == functions_.end()) return nullptr;
  auto c = defs_count_.find(name);
  if (c != defs_count_.end() && c->second > 1) return nullptr;
  return it->second;
}

std::string Typer::builtin_of(const std::string& name) const {
  if (const std::string* b = pack_.builtin(name)) return *b;
  if (pack_.fallback)
    if (const std::string* b = pack_.fallback->builtin(name)) return *b;
  return "";
}

// Annotations are hints, never conversions (Python does not enforce them): a type written
// as `int`, `float`, `bool`, `str`, `list[T]`, `tuple[T, ...]` (in any language's spelling of
// those builtins; tuples of scalars with their items listed) fills in
// what inference leaves open (an empty list's elements, a return type) when it agrees with
// what was inferred; a disagreeing annotation is ignored.
std::optional<Type> Typer::annotation_type(const Expr* e) const {
  if (!e) return std::nullopt;
  if (e->kind == ExprKind::Name) {
    std::string b = builtin_of(e->name);
    if (b.empty()) b = e->name;
    if (b == "int") return kInt;
    if (b == "float") return kFloat;
    if (b == "bool") return kBool;
    if (b == "str") return kStr;
    return std::nullopt;
  }
  if (e->kind == ExprKind::Subscript && e->a && e->a->kind == ExprKind::Name) {
    std::string b = builtin_of(e->a->name);
    if (b == "tuple" || e->a->name == "Tuple") {
      std::vector<const Expr*> parts;
      if (e->b && e->b->kind == ExprKind::Tuple) for (const auto& i : e->b->items) parts.push_back(i.get());
      else parts.push_back(e->b.get());
      if (parts.size() > static_cast<size_t>(kMaxTupleItems)) return std::nullopt;
      std::vector<Type> items;
      for (const Expr* p : parts) {
        auto t = annotation_type(p);
        if (!t || !(t->numeric() || t->is_str())) return std::nullopt;
        items.push_back(*t);
      }
      return Type::tuple_of(items);
    }
    if (b != "list" && e->a->name != "List") return std::nullopt;
    auto inner = annotation_type(e->b.get());
    if (!inner || inner->depth >= 29) return std::nullopt;
    return Type::list_of(*inner);
  }
  return std::nullopt;
}

// `ann` fills in what `t` leaves open: the same type, or a list type where t is list[?].
static bool refines(Type ann, Type t) { return ann.known() && (ann == t || (!t.known() && t.depth <= ann.depth)); }

std::optional<int64_t> literal_index(const Expr& e) {
  if (e.kind == ExprKind::Int && e.int_fits) return e.ival;
  if (e.kind == ExprKind::UnaryOp && e.un == ast::UnaryOp::Neg && e.a->kind == ExprKind::Int && e.a->int_fits)
    return -e.a->ival;
  return std::nullopt;
}

std::optional<std::vector<size_t>> literal_slice_items(const Expr& sl, int64_t n) {
  std::optional<int64_t> a, b, c = 1;
  if (sl.a && !(a = literal_index(*sl.a))) return std::nullopt;
  if (sl.b && !(b = literal_index(*sl.b))) return std::nullopt;
  if (sl.c && !(c = literal_index(*sl.c))) return std::nullopt;
  int64_t step = *c;
  if (step == 0) return std::nullopt;  // ValueError
  auto adjust = [&](std::optional<int64_t> v, bool is_start) -> int64_t {
    if (!v) return step < 0 ? (is_start ? n - 1 : -1) : (is_start ? 0 : n);
    int64_t x = *v;
    if (x < 0) {
      x += n;
      if (x < 0) x = step < 0 ? -1 : 0;
    } else if (x >= n) {
      x = step < 0 ? n - 1 : n;
    }
    return x;
  };
  int64_t lo = adjust(a, true), hi = adjust(b, false);
  if (step > n) step = n + 1;  // the same items, no overflow below
  if (step < -n) step = -n - 1;
  std::vector<size_t> out;
  for (int64_t i = lo; step > 0 ? i < hi : i > hi; i += step) out.push_back(static_cast<size_t>(i));
  return out;
}

class FuncTyper {
 public:
  FuncTyper(Typer& T, FuncSpec& S, bool strict) : T(T), S(S), strict(strict) {}
  Typer& T;
  FuncSpec& S;
  bool strict;
  bool changed = false;
  std::vector<std::map<std::string, std::string>> comp_scopes;
  int loop_depth = 0;

  Type record(const Expr& e, Type t) {
    if (strict && !t.known() && t.depth == 0) fail("value whose type cannot be inferred", e.loc);
    S.types[&e] = t;
    return t;
  }

  void join_into(Type& slot, Type t, Loc loc, const std::string& what) {
    if (!t.known() && t.depth == 0) return;
    if (slot == t) return;
    // list[?] (an empty list so far) takes any list type, list[list[int]] included
    if (!slot.known() && slot.depth <= t.depth) {
      slot = t;
      changed = true;
      return;
    }
    if (!t.known() && t.depth > 0 && t.depth <= slot.depth) return;  // list[?] into list[T]
    fail(what + " changes type", loc, slot.name() + " and " + t.name());
  }

  void set_local(const std::string& key, Type t, Loc loc) {
    if (t.known() && t.depth == 0 && t.base == Base::None) fail("None value", loc);
    auto it = S.locals.find(key);
    if (it == S.locals.end()) fail("assignment to a name that is not local", loc, key);
    std::string shown = key.substr(0, key.find('@'));
    join_into(it->second, t, loc, "variable '" + shown + "'");
  }

  // Resolves a Name to a local/comprehension variable or a module variable (standalone).
  std::optional<NameRef> resolve(const std::string& name) {
    for (auto it = comp_scopes.rbegin(); it != comp_scopes.rend(); ++it) {
      auto f = it->find(name);
      if (f != it->end()) return NameRef{NameRef::Local, f->second};
    }
    if (S.locals.count(name)) return NameRef{S.def ? NameRef::Local : NameRef::Global, name};
    if (T.opts_.standalone && S.def && T.module_spec_ && T.module_spec_->locals.count(name))
      return NameRef{NameRef::Global, name};
    return std::nullopt;
  }

  Type global_type(const std::string& name) {
    FuncSpec* m = T.module_spec_;
    if (m->state == FuncSpec::InProgress) S.min_dep = std::min(S.min_dep, m->stack_index);
    return m->locals[name];
  }

  // ------------------------------------------------------------------ statements
  void body(const ast::Body& b) {
    for (const auto& s : b) stmt(*s);
  }

  void assign(const Expr& target, Type t, Loc loc) {
    if (target.kind == ExprKind::Name) {
      auto r = resolve(target.name);
      if (!r) fail("assignment to a name that is not local", target.loc, target.name);
      S.names[&target] = *r;
      if (r->kind == NameRef::Global && S.def) fail("assignment to a module variable", target.loc, target.name);
      set_local(r->key, t, loc);
      S.types[&target] = S.locals[r->key];
      return;
    }
    if (target.kind == ExprKind::Subscript) {
      Type lt = expr(*target.a);
      index_type(*target.b);
      if (lt.known() && !lt.is_list()) fail("item assignment on a " + lt.name(), target.loc);
      if (lt.is_list() && lt.elem().known() && t.known() && !(lt.elem() == t))
        fail("storing a " + t.name() + " into a " + lt.name(), target.loc);
      if (lt.is_list() && !lt.elem().known() && t.known() && target.a->kind == ExprKind::Name) {
        auto r = resolve(target.a->name);
        if (r && r->kind == NameRef::Local) set_local(r->key, Type::list_of(t), loc);
      }
      S.types[&target] = lt.is_list() ? lt.elem() : kUnknown;
      return;
    }
    if (target.kind == ExprKind::Tuple) {
      // a, b = t with a tuple value of the same length
      if (!t.known()) {
        for (const auto& i : target.items) assign(*i, kUnknown, loc);
        return;
      }
      if (!t.is_tuple()) fail("unpacking a " + t.name(), target.loc);
      if (t.tn != target.items.size())
        fail("unpacking a tuple of " + std::to_string(t.tn) + " items into " + std::to_string(target.items.size()), target.loc);
      for (size_t i = 0; i < target.items.size(); ++i) {
        if (target.items[i]->kind == ExprKind::Starred) fail("starred assignment target", target.items[i]->loc);
        assign(*target.items[i], t.item(i), loc);
      }
      return;
    }
    fail("assignment target", target.loc);
  }

  void stmt(const Stmt& s) {
    switch (s.kind) {
      case StmtKind::Expr: {
        if (s.value->kind == ExprKind::Call) {
          Type t = call(*s.value, true);
          (void)t;
          return;
        }
        if (s.value->kind == ExprKind::Str) return;  // docstring / bare string statement
        expr(*s.value);
        return;
      }
      case StmtKind::Assign: {
        // a, b = x, y: every value is evaluated before any target is stored.
        if (s.targets.size() == 1 && s.targets[0]->kind == ExprKind::Tuple && s.value->kind == ExprKind::Tuple) {
          const Expr& tt = *s.targets[0];
          const Expr& vv = *s.value;
          if (tt.items.size() != vv.items.size()) fail("tuple unpacking of a different length", s.loc);
          std::vector<Type> ts;
          for (const auto& v : vv.items) ts.push_back(value_expr(*v));
          for (size_t i = 0; i < ts.size(); ++i) assign(*tt.items[i], ts[i], s.loc);
          return;
        }
        Type t = value_expr(*s.value);
        for (const auto& tg : s.targets) assign(*tg, t, s.loc);
        return;
      }
      case StmtKind::AnnAssign: {
        if (!s.value) return;
        Type t = value_expr(*s.value);
        if (auto ann = T.annotation_type(s.extra.get()); ann && refines(*ann, t)) t = *ann;
        assign(*s.targets[0], t, s.loc);
        return;
      }
      case StmtKind::AugAssign: {
        const Expr& tg = *s.targets[0];
        if (tg.kind != ExprKind::Name && tg.kind != ExprKind::Subscript) fail("augmented assignment target", tg.loc);
        Type cur = tg.kind == ExprKind::Name ? name_expr(tg) : expr(tg);
        Type v = value_expr(*s.value);
        Type r = binop_type(s.op, cur, v, s.loc);
        if (cur.known() && r.known() && !(cur == r) && !(cur.base == Base::Bool && r.base == Base::Int && tg.kind == ExprKind::Name))
          fail("augmented assignment changes the type", s.loc, cur.name() + " to " + r.name());
        assign(tg, r, s.loc);
        return;
      }
      case StmtKind::If:
        test(*s.value);
        body(s.body);
        body(s.orelse);
        return;
      case StmtKind::While:
        test(*s.value);
        ++loop_depth;
        body(s.body);
        --loop_depth;
        body(s.orelse);
        return;
      case StmtKind::For: {
        const Expr& tg = *s.targets[0];
        if (tg.kind != ExprKind::Name && tg.kind != ExprKind::Tuple) fail("for loop target", tg.loc);
        Type et = iter_elem(*s.iter);
        assign(tg, et, s.loc);
        ++loop_depth;
        body(s.body);
        --loop_depth;
        body(s.orelse);
        return;
      }
      case StmtKind::Break:
      case StmtKind::Continue:
      case StmtKind::Pass:
        return;
      case StmtKind::Return: {
        if (!S.def) fail("return outside a function", s.loc);
        Type t = kNone;
        if (s.value && s.value->kind != ExprKind::None) t = value_expr(*s.value, true);
        join_into(S.ret, t, s.loc, "return value");
        return;
      }
      case StmtKind::FunctionDef:
        if (!S.def) return;  // top-level definitions in the module body
        [[fallthrough]];
      default:
        fail(stmt_construct(s.kind), s.loc);
    }
  }

  // The element type produced by iterating `it` (range(...) or a list).
  Type iter_elem(const Expr& it) {
    if (it.kind == ExprKind::Call && it.a->kind == ExprKind::Name && !resolve(it.a->name) &&
        !T.find_function(it.a->name) && T.builtin_of(it.a->name) == "range") {
      if (it.args.empty() || it.args.size() > 3) fail("range() with " + std::to_string(it.args.size()) + " arguments", it.loc);
      for (const auto& a : it.args) {
        if (a.kind != ast::Arg::Positional) fail("keyword argument to range()", it.loc);
        Type t = expr(*a.value);
        if (t.known() && !(t == kInt || t == kBool)) fail("range() over a " + t.name(), a.value->loc);
      }
      CallInfo ci;
      ci.name = "range";
      S.calls[&it] = ci;
      return record(it, kInt);
    }
    if (it.kind == ExprKind::Call && it.a->kind == ExprKind::Name && !resolve(it.a->name) &&
        !T.find_function(it.a->name)) {
      std::string b = T.builtin_of(it.a->name);
      if (b == "enumerate" || b == "zip") return zip_elem(it, b);
    }
    Type lt = expr(it);
    if (lt.is_str()) return kStr;
    if (lt.is_tuple()) {
      if (!lt.uniform()) fail("iteration over a " + lt.name() + " (items of different types)", it.loc);
      return lt.item(0);
    }
    if (lt.known() && !lt.is_list()) fail("iteration over a " + lt.name(), it.loc);
    if (lt.is_list()) return lt.elem();
    return kUnknown;
  }

  // for i, x in enumerate(seq[, start]) / for a, b in zip(s1, s2, ...): tuples of the
  // items of lists, strings and tuples (items that are numbers or strings)
  Type zip_elem(const Expr& it, const std::string& b) {
    for (const auto& a : it.args)
      if (a.kind != ast::Arg::Positional) fail("keyword argument to " + b + "()", it.loc);
    size_t n = it.args.size();
    if (b == "enumerate" ? (n < 1 || n > 2) : (n < 1 || n > static_cast<size_t>(kMaxTupleItems)))
      fail(b + "() with " + std::to_string(n) + " arguments", it.loc);
    std::vector<Type> items;
    bool unknown = false;
    auto elem_of = [&](const Expr& a) {
      Type t = expr(a);
      Type el = kUnknown;
      if (t.is_str()) el = kStr;
      else if (t.is_tuple()) {
        if (!t.uniform()) fail(b + "() over a " + t.name() + " (items of different types)", a.loc);
        el = t.item(0);
      } else if (t.is_list()) el = t.elem();
      else if (t.known()) fail(b + "() over a " + t.name(), a.loc);
      if (!el.known() && el.depth == 0) { unknown = true; return; }
      if (!el.numeric() && !el.is_str()) fail(b + "() over a " + t.name() + " (items go into a tuple)", a.loc);
      items.push_back(el);
    };
    if (b == "enumerate") {
      items.push_back(kInt);
      elem_of(*it.args[0].value);
      if (n == 2) {
        Type st = expr(*it.args[1].value);
        if (st.known() && !(st == kInt || st == kBool)) fail("enumerate() start of type " + st.name(), it.loc);
      }
    } else {
      for (const auto& a : it.args) elem_of(*a.value);
    }
    CallInfo ci;
    ci.name = b;
    S.calls[&it] = ci;
    if (unknown) return record(it, kUnknown);
    return record(it, Type::tuple_of(items));
  }

  void test(const Expr& e) {
    if (e.kind == ExprKind::BoolOp) {
      for (const auto& i : e.items) test(*i);
      S.types[&e] = kBool;
      return;
    }
    if (e.kind == ExprKind::UnaryOp && e.un == ast::UnaryOp::Not) {
      test(*e.a);
      S.types[&e] = kBool;
      return;
    }
    Type t = expr(e);
    if (t.known() && t.depth == 0 && t.base == Base::None) fail("truth value of a " + t.name(), e.loc);
  }

  // An expression whose value is kept (stored, returned): None/str not allowed.
  Type value_expr(const Expr& e, bool allow_none = false) {
    Type t = expr(e);
    if (!allow_none && t.known() && t.depth == 0 && t.base == Base::None) fail("None value", e.loc);
    return t;
  }

  void index_type(const Expr& e) {
    if (e.kind == ExprKind::Slice) fail("slice", e.loc);
    Type t = expr(e);
    if (t.known() && !(t == kInt || t == kBool)) fail("list index of type " + t.name(), e.loc);
  }

  // x in y: a substring, or an item of a list or tuple of numbers or strings
  static bool in_ok(Type x, Type y) {
    auto like = [&](Type el) { return (x.numeric() && el.numeric()) || (x.is_str() && el.is_str()); };
    if (y.is_str()) return x.is_str();
    if (y.is_list()) return like(y.elem());
    if (y.is_tuple()) {
      for (size_t i = 0; i < y.tn; ++i)
        if (!like(y.item(i))) return false;
      return true;
    }
    return false;
  }

  static std::optional<std::vector<size_t>> tuple_slice(const Expr& sl, int64_t n) { return literal_slice_items(sl, n); }

  // s[i] / s[a:b] on a string, t[i] on a tuple
  Type subscript_type(const Expr& e, Type ct) {
    const Expr& ix = *e.b;
    if (ct.is_str()) {
      if (ix.kind == ExprKind::Slice) {
        for (const Expr* b : {ix.a.get(), ix.b.get(), ix.c.get()})
          if (b) {
            Type t = expr(*b);
            if (t.known() && !(t == kInt || t == kBool)) fail("slice bound of type " + t.name(), b->loc);
          }
        S.types[&ix] = kStr;
        return record(e, kStr);
      }
      Type t = expr(ix);
      if (t.known() && !(t == kInt || t == kBool)) fail("string index of type " + t.name(), ix.loc);
      return record(e, kStr);
    }
    // tuple
    if (ix.kind == ExprKind::Slice) {  // constant bounds and step: the items are known
      auto sel = tuple_slice(ix, ct.tn);
      if (!sel) fail("tuple slice whose bounds are not int literals", ix.loc);
      std::vector<Type> items;
      for (size_t k : *sel) items.push_back(ct.item(k));
      return record(e, Type::tuple_of(items));
    }
    Type t = expr(ix);
    if (t.known() && !(t == kInt || t == kBool)) fail("tuple index of type " + t.name(), ix.loc);
    if (auto c = const_index(ix)) {
      int64_t i = *c < 0 ? *c + ct.tn : *c;
      if (i < 0 || i >= ct.tn) fail("tuple index out of range", e.loc);
      return record(e, ct.item(static_cast<size_t>(i)));
    }
    if (!ct.uniform()) fail("variable index into a " + ct.name() + " (items of different types)", e.loc);
    return record(e, ct.item(0));
  }

  // ------------------------------------------------------------------ expressions
  Type name_expr(const Expr& e) {
    auto r = resolve(e.name);
    if (!r) {
      if (T.find_function(e.name)) fail("function used as a value", e.loc, e.name);
      if (!T.builtin_of(e.name).empty()) fail("builtin used as a value", e.loc, e.name);
      if (T.opts_.standalone) fail("undefined name", e.loc, e.name);
      fail("global variable '" + e.name + "'", e.loc);
    }
    S.names[&e] = *r;
    if (r->kind == NameRef::Global && S.def) return record(e, global_type(r->key));
    return record(e, S.locals[r->key]);
  }

  static Type num_promote(Type t) { return t == kBool ? kInt : t; }

 public:
  static std::optional<int64_t> const_index(const Expr& e) { return literal_index(e); }

  Type binop_type(ast::BinOp op, Type a, Type b, Loc loc) {
    using ast::BinOp;
    if (!a.known() && a.depth == 0) return kUnknown;
    if (!b.known() && b.depth == 0) return kUnknown;
    std::string optext = binop_text(op);
    if (a.is_list() || b.is_list()) {
      if (op == BinOp::Add && a.is_list() && b.is_list()) {
        if (a.known() && b.known() && !(a == b)) fail("concatenating lists of different types", loc, a.name() + " + " + b.name());
        return a.known() ? a : b;
      }
      if (op == BinOp::Mul && a.is_list() && (b == kInt || b == kBool)) return a;
      if (op == BinOp::Mul && b.is_list() && (a == kInt || a == kBool)) return b;
      fail("operator " + optext + " on lists", loc, a.name() + ", " + b.name());
    }
    if (a.is_tuple() && b.is_tuple() && op == BinOp::Add) {
      if (a.tn + b.tn > kMaxTupleItems) fail("tuple of more than " + std::to_string(kMaxTupleItems) + " items", loc);
      std::vector<Type> items;
      for (size_t i = 0; i < a.tn; ++i) items.push_back(a.item(i));
      for (size_t i = 0; i < b.tn; ++i) items.push_back(b.item(i));
      return Type::tuple_of(items);
    }
    if (a.is_str() || b.is_str()) {
      if (op == BinOp::Add && a.is_str() && b.is_str()) return kStr;
      if (op == BinOp::Mul && a.is_str() && (b == kInt || b == kBool)) return kStr;
      if (op == BinOp::Mul && b.is_str() && (a == kInt || a == kBool)) return kStr;
      if (op == BinOp::Mod && a.is_str()) fail("string formatting with %", loc);
    }
    if (!a.numeric() || !b.numeric()) fail("operator " + optext + " on " + a.name() + " and " + b.name(), loc);
    bool isfloat = a == kFloat || b == kFloat;
    switch (op) {
      case BinOp::Div: return kFloat;
      case BinOp::Add: case BinOp::Sub: case BinOp::Mul: case BinOp::FloorDiv: case BinOp::Mod: case BinOp::Pow:
        return isfloat ? kFloat : kInt;
      case BinOp::BitAnd: case BinOp::BitOr: case BinOp::BitXor:
        if (isfloat) fail("operator " + optext + " on a float", loc);
        return a == kBool && b == kBool ? kBool : kInt;
      case BinOp::LShift: case BinOp::RShift:
        if (isfloat) fail("operator " + optext + " on a float", loc);
        return kInt;
      case BinOp::MatMul: fail("operator @", loc);
    }
    return kUnknown;
  }

  Type expr(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Int:
        if (!e.int_fits) fail("integer literal beyond 64 bits", e.loc);
        return record(e, kInt);
      case ExprKind::Float: return record(e, kFloat);
      case ExprKind::True: case ExprKind::False: return record(e, kBool);
      case ExprKind::Str: return record(e, kStr);
      case ExprKind::FString: {
        // pieces of text and {value} / {value!s} / {value!r} without a format spec
        for (const auto& piece : e.items) {
          if (piece->kind == ExprKind::Str) { record(*piece, kStr); continue; }
          if (piece->kind != ExprKind::FormattedValue) fail("f-string piece", piece->loc);
          if (piece->b) fail("f-string format spec", piece->loc);
          if (piece->conv == 'a') fail("f-string conversion !a", piece->loc);
          Type t = value_expr(*piece->a);
          if (t.known() && !t.numeric() && !t.is_str()) fail("f-string of a " + t.name(), piece->a->loc);
          record(*piece, kStr);
        }
        return record(e, kStr);
      }
      case ExprKind::Tuple: {
        std::vector<Type> items;
        bool unknown = false;
        for (const auto& i : e.items) {
          if (i->kind == ExprKind::Starred) fail("starred expression", i->loc);
          Type x = value_expr(*i);
          if (!x.known() && x.depth == 0) { unknown = true; continue; }
          if (!x.numeric() && !x.is_str()) fail("tuple holding a " + x.name(), i->loc);
          items.push_back(x);
        }
        if (e.items.size() > kMaxTupleItems) fail("tuple of more than " + std::to_string(kMaxTupleItems) + " items", e.loc);
        if (unknown) return record(e, kUnknown);
        return record(e, Type::tuple_of(items));
      }
      case ExprKind::Name: return name_expr(e);
      case ExprKind::BinOp: {
        Type a = expr(*e.a), b = expr(*e.b);
        return record(e, binop_type(e.bin, a, b, e.loc));
      }
      case ExprKind::UnaryOp: {
        if (e.un == ast::UnaryOp::Not) {
          test(*e.a);
          return record(e, kBool);
        }
        Type a = expr(*e.a);
        if (!a.known()) return record(e, kUnknown);
        if (!a.numeric()) fail("unary operator on a " + a.name(), e.loc);
        if (e.un == ast::UnaryOp::Invert && a == kFloat) fail("operator ~ on a float", e.loc);
        return record(e, num_promote(a));
      }
      case ExprKind::BoolOp: {
        Type t = kUnknown;
        bool unknown = false;
        for (const auto& i : e.items) {
          Type x = expr(*i);
          if (!x.known() && x.depth == 0) { unknown = true; continue; }
          if (x.depth == 0 && x.base == Base::None) fail("and/or on a " + x.name(), i->loc);
          if (!t.known() && t.depth == 0) t = x;
          else if (!(t == x)) fail("and/or mixing " + t.name() + " and " + x.name() + " used as a value", e.loc);
        }
        return record(e, unknown ? kUnknown : t);
      }
      case ExprKind::Compare: {
        Type l = expr(*e.a);
        for (size_t i = 0; i < e.cmps.size(); ++i) {
          Type r = expr(*e.items[i]);
          ast::CmpOp op = e.cmps[i];
          if (op == ast::CmpOp::Is || op == ast::CmpOp::IsNot) fail("'is' comparison", e.loc);
          bool eq = op == ast::CmpOp::Eq || op == ast::CmpOp::NotEq;
          std::string what = l.name() + " and " + r.name();
          if (op == ast::CmpOp::In || op == ast::CmpOp::NotIn) {
            if (l.known() && r.known() && !in_ok(l, r)) fail("'in' comparison of " + what, e.loc);
          } else if (l.known() && r.known()) {
            if (l.is_str() || r.is_str()) {
              if (!(l.is_str() && r.is_str())) fail("comparison of " + what, e.loc);
            } else if (l.is_tuple() || r.is_tuple()) {
              if (!(l.is_tuple() && r.is_tuple())) fail("comparison of " + what, e.loc);
              // ordering: items at the same place must be comparable (Python raises
              // TypeError for a str against a number)
              for (size_t k = 0; !eq && k < std::min(l.tn, r.tn); ++k)
                if (l.item(k).is_str() != r.item(k).is_str()) fail("ordering comparison of " + what, e.loc);
            } else if (!l.numeric() || !r.numeric()) {
              fail("comparison of " + what, e.loc);
            }
          }
          l = r;
        }
        return record(e, kBool);
      }
      case ExprKind::IfExp: {
        test(*e.b);
        Type a = value_expr(*e.a), c = value_expr(*e.c);
        if (!a.known() && a.depth == 0) return record(e, c);
        if (!c.known() && c.depth == 0) return record(e, a);
        if (!(a == c)) fail("conditional expression mixing " + a.name() + " and " + c.name(), e.loc);
        return record(e, a);
      }
      case ExprKind::Call: return call(e, false);
      case ExprKind::Subscript: {
        Type lt = expr(*e.a);
        if (lt.is_str() || lt.is_tuple()) return subscript_type(e, lt);
        index_type(*e.b);
        if (!lt.known() && lt.depth == 0) return record(e, kUnknown);
        if (!lt.is_list()) fail("indexing a " + lt.name(), e.loc);
        return record(e, lt.elem());
      }
      case ExprKind::List: {
        Type t = kUnknown;
        bool unknown = false;
        for (const auto& i : e.items) {
          if (i->kind == ExprKind::Starred) fail("starred expression", i->loc);
          Type x = value_expr(*i);
          if (!x.known() && x.depth == 0) { unknown = true; continue; }
          if (!t.known() && t.depth == 0) t = x;
          else if (!(t == x)) fail("list mixing " + t.name() + " and " + x.name(), e.loc);
        }
        if (unknown && !e.items.empty()) return record(e, Type{Base::Unknown, 0});
        if (e.items.empty()) return record(e, Type{Base::Unknown, 1});
        return record(e, Type::list_of(t));
      }
      case ExprKind::ListComp: {
        if (e.gens.size() != 1) fail("list comprehension with several 'for'", e.loc);
        const ast::Comprehension& g = e.gens[0];
        if (g.target->kind != ExprKind::Name) fail("comprehension with a tuple target", g.target->loc);
        Type et = iter_elem(*g.iter);
        std::string key = fmt::format("{}@{}:{}", g.target->name, g.target->loc.line, g.target->loc.col);
        if (!S.locals.count(key)) S.locals[key] = kUnknown;
        comp_scopes.push_back({{g.target->name, key}});
        set_local(key, et, g.target->loc);
        S.names[g.target.get()] = NameRef{NameRef::Local, key};
        S.types[g.target.get()] = S.locals[key];
        for (const auto& c : g.ifs) test(*c);
        Type el = value_expr(*e.a);
        comp_scopes.pop_back();
        if (!el.known() && el.depth == 0) return record(e, kUnknown);
        return record(e, Type::list_of(el));
      }
      default:
        fail(expr_construct(e.kind), e.loc);
    }
  }

  // s.join(list[str]), s.lower(), s.upper(), s.strip(), s.startswith(x), s.endswith(x),
  // s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower(),
  // s.find(x), s.count(x), s.replace(a, b), s.split() / s.split(sep): CallInfo "str.<name>"
  Type str_method(const Expr& e, const std::string& m, bool statement) {
    std::vector<Type> ts;
    for (const auto& a : e.args) {
      if (a.kind != ast::Arg::Positional) fail("keyword argument to ." + m + "()", e.loc);
      ts.push_back(value_expr(*a.value));
    }
    for (const auto& t : ts)
      if (!t.known() && t.depth == 0) return record(e, kUnknown);
    size_t n = ts.size();
    auto strs = [&](size_t k) {
      if (n != k) return false;
      for (const auto& t : ts)
        if (!t.is_str()) return false;
      return true;
    };
    Type r;
    if (m == "join" && n == 1 && ts[0].depth == 1 && ts[0].base == Base::Str) r = kStr;
    else if (m == "join" && n == 1 && ts[0].depth == 1 && !ts[0].known()) r = kStr;  // an empty list
    else if ((m == "lower" || m == "upper" || m == "strip") && n == 0) r = kStr;
    else if ((m == "isdigit" || m == "isalpha" || m == "isspace" || m == "isupper" || m == "islower" || m == "isalnum") &&
             n == 0)
      r = kBool;
    else if ((m == "startswith" || m == "endswith") && strs(1)) r = kBool;
    else if ((m == "find" || m == "count") && strs(1)) r = kInt;
    else if (m == "replace" && strs(2)) r = kStr;
    else if (m == "split" && (n == 0 || strs(1))) r = Type::list_of(kStr);
    else {
      std::string sig;
      for (size_t i = 0; i < n; ++i) sig += (i ? ", " : "") + ts[i].name();
      fail("method call ." + m + "(" + sig + ")", e.loc);
    }
    (void)statement;
    CallInfo ci;
    ci.kind = CallInfo::Method;
    ci.name = "str." + m;
    S.calls[&e] = ci;
    return record(e, r);
  }

  // sorted(x, reverse=<literal>) / list.sort(reverse=<literal>): the keyword's value
  std::optional<bool> sort_reverse(const Expr& e, const std::string& what) {
    std::optional<bool> rev = false;
    for (const auto& a : e.args) {
      if (a.kind != ast::Arg::Keyword) continue;
      if (a.name != "reverse") fail("keyword argument " + a.name + "= to " + what, e.loc);
      if (a.value->kind == ExprKind::True) rev = true;
      else if (a.value->kind != ExprKind::False) fail("reverse= that is not True or False written out", a.value->loc);
    }
    return rev;
  }
  // what sorted()/sort() orders: numbers or strings
  static bool sortable(Type el) { return el.numeric() || el.is_str(); }

  Type call(const Expr& e, bool statement) {
    const Expr& f = *e.a;
    bool sorting = (f.kind == ExprKind::Attribute && f.name == "sort") ||
                   (f.kind == ExprKind::Name && !resolve(f.name) && !T.find_function(f.name) && T.builtin_of(f.name) == "sorted");
    for (const auto& a : e.args)
      if (a.kind != ast::Arg::Positional && !(a.kind == ast::Arg::Keyword && (a.name == "end" || a.name == "sep")) &&
          !(sorting && a.kind == ast::Arg::Keyword))
        fail(a.kind == ast::Arg::Keyword ? "keyword argument" : "star argument", e.loc);
    if (f.kind == ExprKind::Attribute) {
      Type ot = expr(*f.a);
      if (f.name == "sort" && (ot.is_list() || !ot.known())) {
        sort_reverse(e, ".sort()");
        size_t pos = 0;
        for (const auto& a : e.args) pos += a.kind == ast::Arg::Positional;
        if (pos) fail(".sort() with a positional argument", e.loc);
        if (ot.is_list() && ot.elem().known() && !sortable(ot.elem())) fail(".sort() of a " + ot.name(), e.loc);
        CallInfo ci;
        ci.kind = CallInfo::Method;
        ci.name = "sort";
        S.calls[&e] = ci;
        return record(e, kNone);
      }
      if (f.name == "append" && e.args.size() == 1) {
        Type v = value_expr(*e.args[0].value);
        if (ot.known() && !ot.is_list()) fail("append on a " + ot.name(), e.loc);
        if (ot.is_list() && ot.elem().known() && v.known() && !(ot.elem() == v))
          fail("appending a " + v.name() + " to a " + ot.name(), e.loc);
        if (f.a->kind == ExprKind::Name && v.known()) {
          auto r = resolve(f.a->name);
          if (r && r->kind == NameRef::Local) set_local(r->key, Type::list_of(v), e.loc);
        }
        CallInfo ci;
        ci.kind = CallInfo::Method;
        ci.name = "append";
        S.calls[&e] = ci;
        return record(e, kNone);
      }
      if (ot.is_str()) return str_method(e, f.name, statement);
      if (!ot.known() && ot.depth == 0) {  // not known yet (a later pass of the fixpoint decides)
        for (const auto& x : e.args) expr(*x.value);
        return record(e, kUnknown);
      }
      fail("method call ." + f.name + "()", e.loc);
    }
    if (f.kind != ExprKind::Name) fail("call of a computed function", e.loc);
    if (resolve(f.name)) fail("call of a variable", e.loc, f.name);
    for (const auto& a : e.args)
      if (a.kind == ast::Arg::Keyword && T.builtin_of(f.name) != "print" && T.builtin_of(f.name) != "sorted")
        fail("keyword argument", e.loc);
    if (const Stmt* def = T.find_function(f.name)) {
      std::vector<Type> args;
      for (const auto& a : e.args) {
        Type t = value_expr(*a.value);
        args.push_back(t);
      }
      const ast::Params& p = *def->params;
      if (!p.posonly.empty() || p.vararg || p.kwarg || !p.kwonly.empty()) fail("call to a function with special parameters", e.loc, f.name);
      if (args.size() != p.args.size()) fail("call with a different number of arguments", e.loc, f.name);
      for (const auto& t : args)
        if (!t.known()) return record(e, kUnknown);
      FuncSpec* callee = T.specialize(def, args);
      if (callee->state == FuncSpec::Failed)
        fail("call to " + callee->key + ", which cannot be compiled", f.loc, callee->failure->text());
      if (callee->state == FuncSpec::InProgress || callee->state == FuncSpec::Tentative)
        S.min_dep = std::min(S.min_dep, callee->state == FuncSpec::InProgress ? callee->stack_index : callee->min_dep);
      CallInfo ci;
      ci.kind = CallInfo::User;
      ci.callee = callee;
      ci.name = f.name;
      S.calls[&e] = ci;
      Type r = callee->ret;
      if (!statement && r.known() && r.depth == 0 && r.base == Base::None) fail("using the None result of " + f.name + "()", e.loc);
      return record(e, r);
    }
    std::string b = T.builtin_of(f.name);
    if (b.empty()) fail(T.opts_.standalone ? "undefined function" : "call to a global or undefined name", e.loc, f.name);
    CallInfo ci;
    ci.name = b;
    S.calls[&e] = ci;
    if (b == "sorted") {
      sort_reverse(e, "sorted()");
      std::vector<const Expr*> pos;
      for (const auto& a : e.args)
        if (a.kind == ast::Arg::Positional) pos.push_back(a.value.get());
      if (pos.size() != 1) fail("sorted() with " + std::to_string(pos.size()) + " arguments", e.loc);
      Type t = value_expr(*pos[0]);
      if (!t.known() && t.depth == 0) return record(e, kUnknown);
      if (t.is_str()) return record(e, Type::list_of(kStr));
      if (t.is_list() && !t.elem().known()) return record(e, t);
      if (!t.is_list() || !sortable(t.elem())) fail("sorted() of a " + t.name(), e.loc);
      return record(e, t);
    }
    std::vector<Type> ts;
    for (const auto& a : e.args) {
      if (a.kind == ast::Arg::Keyword) {
        if (a.value->kind != ExprKind::Str) fail("print() keyword that is not a string literal", a.value->loc);
        expr(*a.value);
        continue;
      }
      ts.push_back(b == "print" ? expr(*a.value) : value_expr(*a.value));
    }
    for (const auto& t : ts)
      if (!t.known() && t.depth == 0) return record(e, b == "print" ? kNone : kUnknown);
    size_t n = ts.size();
    auto need = [&](bool ok) {
      if (!ok) {
        std::string sig;
        for (size_t i = 0; i < n; ++i) sig += (i ? ", " : "") + ts[i].name();
        fail(b + "(" + sig + ")", e.loc);
      }
    };
    if (b == "print") {
      for (size_t i = 0; i < n; ++i)
        if (ts[i].depth == 0 && ts[i].base == Base::None) need(false);
      return record(e, kNone);
    }
    if (b == "len") { need(n == 1 && (ts[0].is_list() || ts[0].is_str() || ts[0].is_tuple())); return record(e, kInt); }
    if (b == "ord") { need(n == 1 && ts[0].is_str()); return record(e, kInt); }
    if (b == "chr") { need(n == 1 && (ts[0] == kInt || ts[0] == kBool)); return record(e, kStr); }
    if (b == "str") { need(n == 0 || (n == 1 && (ts[0].numeric() || ts[0].is_str()))); return record(e, kStr); }
    if (b == "abs") { need(n == 1 && ts[0].numeric()); return record(e, num_promote(ts[0])); }
    if (b == "float") { need(n == 0 || (n == 1 && ts[0].numeric())); return record(e, kFloat); }
    if (b == "int") { need(n == 0 || (n == 1 && (ts[0].numeric() || ts[0].is_str()))); return record(e, kInt); }
    if (b == "bool") { need(n <= 1); return record(e, kBool); }
    if (b == "round") { need(n == 1 && ts[0].numeric()); return record(e, kInt); }
    if (b == "min" || b == "max") {
      if (n == 1) {
        need(ts[0].depth == 1 && (ts[0].elem().numeric() || ts[0].elem().is_str()));
        return record(e, ts[0].elem());
      }
      need(n >= 2);
      for (auto& t : ts) need((t.numeric() || t.is_str()) && t == ts[0]);
      return record(e, ts[0]);
    }
    if (b == "sum") {  // sum(list of numbers): int for ints and bools, float for floats
      need(n == 1 && ts[0].depth == 1 && ts[0].elem().numeric());
      return record(e, ts[0].elem() == kFloat ? kFloat : kInt);
    }
    if (b == "range") fail("range() outside a for loop", e.loc);
    fail("builtin " + b + "()", e.loc);
  }
};

// ------------------------------------------------------------------ definite assignment

// Rejects reads of locals that may not be assigned yet (Python would raise
// UnboundLocalError; WASM locals would silently read zero).
class AssignCheck {
 public:
  explicit AssignCheck(const FuncSpec& S) : S(S) {}
  const FuncSpec& S;
  struct Set {
    std::set<std::string> names;
    bool all = false;  // unreachable: every name counts as assigned
  };

  void read_expr(const Expr& e, const Set& d) {
    if (e.kind == ExprKind::Name) {
      auto it = S.names.find(&e);
      if (it != S.names.end() && (it->second.kind == NameRef::Local || !S.def) && !d.all && !d.names.count(it->second.key) &&
          it->second.key.find('@') == std::string::npos)
        fail(std::string(S.def ? "local variable" : "name") + " '" + e.name + "' that may be used before it is assigned", e.loc);
      return;
    }
    if (e.kind == ExprKind::ListComp) {
      read_expr(*e.gens[0].iter, d);
      for (const auto& c : e.gens[0].ifs) read_expr(*c, d);
      read_expr(*e.a, d);
      return;
    }
    for (const Expr* c : {e.a.get(), e.b.get(), e.c.get()})
      if (c) read_expr(*c, d);
    for (const auto& i : e.items) read_expr(*i, d);
    for (const auto& a : e.args) read_expr(*a.value, d);
  }

  void bind(const Expr& t, Set& d) {
    if (t.kind == ExprKind::Name) {
      auto it = S.names.find(&t);
      if (it != S.names.end()) d.names.insert(it->second.key);
    } else if (t.kind == ExprKind::Subscript) {
      read_expr(*t.a, d);
      read_expr(*t.b, d);
    } else {
      for (const auto& i : t.items) bind(*i, d);
    }
  }

  static Set meet(const Set& a, const Set& b) {
    if (a.all) return b;
    if (b.all) return a;
    Set r;
    for (const auto& n : a.names)
      if (b.names.count(n)) r.names.insert(n);
    return r;
  }

  void body(const ast::Body& b, Set& d) {
    for (const auto& s : b) stmt(*s, d);
  }

  void stmt(const Stmt& s, Set& d) {
    switch (s.kind) {
      case StmtKind::Expr: read_expr(*s.value, d); break;
      case StmtKind::Assign:
      case StmtKind::AnnAssign:
        if (s.value) read_expr(*s.value, d);
        if (s.value || s.kind == StmtKind::Assign)
          for (const auto& t : s.targets) bind(*t, d);
        break;
      case StmtKind::AugAssign:
        read_expr(*s.targets[0], d);
        read_expr(*s.value, d);
        break;
      case StmtKind::If: {
        read_expr(*s.value, d);
        Set a = d, b = d;
        body(s.body, a);
        body(s.orelse, b);
        d = meet(a, b);
        break;
      }
      case StmtKind::While: {
        read_expr(*s.value, d);
        Set a = d;
        body(s.body, a);
        Set b = d;
        body(s.orelse, b);
        break;
      }
      case StmtKind::For: {
        read_expr(*s.iter, d);
        Set a = d;
        bind(*s.targets[0], a);
        body(s.body, a);
        Set b = d;
        body(s.orelse, b);
        break;
      }
      case StmtKind::Return:
        if (s.value) read_expr(*s.value, d);
        d.all = true;
        break;
      case StmtKind::Break:
      case StmtKind::Continue:
        d.all = true;
        break;
      default: break;
    }
  }
};

// ------------------------------------------------------------------ driver

void Typer::run(FuncSpec* S) {
  S->state = FuncSpec::InProgress;
  S->stack_index = static_cast<int>(stack_.size());
  S->min_dep = 1 << 30;
  S->failure.reset();
  stack_.push_back(S);
  const ast::Body& body = S->def ? S->def->body : module_.body;
  try {
    // Locals: parameters and every name bound in the body.
    S->locals.clear();
    S->param_keys.clear();
    std::set<std::string> assigned;
    collect_assigned(body, assigned);
    if (S->def) {
      const ast::Params& p = *S->def->params;
      if (!p.posonly.empty() || p.vararg || p.kwarg || !p.kwonly.empty())
        fail("special parameters (/, *, **)", S->def->loc);
      if (S->def->is_async) fail("async function", S->def->loc);
      if (S->def->is_generator) fail("generator function", S->def->loc);
      if (!S->def->decorators.empty()) fail("decorator", S->def->loc);
      for (size_t i = 0; i < p.args.size(); ++i) {
        Type t = S->params[i];
        if (auto ann = annotation_type(p.args[i].annotation.get()); ann && refines(*ann, t)) t = *ann;
        S->locals[p.args[i].name] = t;
        S->param_keys.push_back(p.args[i].name);
      }
    }
    for (const auto& n : assigned)
      if (!S->locals.count(n)) S->locals[n] = kUnknown;
    S->ret = S->def ? kUnknown : kNone;
    for (int pass = 0;; ++pass) {
      if (pass > 64) fail("types that do not settle", S->def ? S->def->loc : Loc{});
      FuncTyper ft(*this, *S, false);
      ft.body(body);
      if (S->def && !always_returns(body)) ft.join_into(S->ret, kNone, S->def->loc, "return value");
      if (!ft.changed) break;
    }
    if (S->def)
      if (auto ann = annotation_type(S->def->returns.get()); ann && refines(*ann, S->ret)) S->ret = *ann;
    bool tentative = S->min_dep < S->stack_index;
    if (!tentative) {
      // Final pass: every value must have a known type now.
      S->types.clear();
      FuncTyper ft(*this, *S, true);
      ft.body(body);
      if (!S->ret.known() && S->def) fail("return type that cannot be inferred (recursion without a base case?)", S->def->loc);
      for (const auto& [k, t] : S->locals)
        if (!t.known() || (t.is_list() && !t.known()))
          fail("variable '" + k.substr(0, k.find('@')) + "' whose type cannot be inferred", S->def ? S->def->loc : Loc{});
      AssignCheck ac(*S);
      AssignCheck::Set d;
      for (const auto& p : S->param_keys) d.names.insert(p);
      ac.body(body, d);
    }
    S->state = tentative ? FuncSpec::Tentative : FuncSpec::Done;
  } catch (const CannotCompile& c) {
    S->state = FuncSpec::Failed;
    S->failure = c.reason;
  }
  stack_.pop_back();
  S->stack_index = -1;
}

FuncSpec* Typer::specialize(const ast::Stmt* def, const std::vector<Type>& args) {
  std::string key = signature_key(def->name, args);
  auto& slot = specs_[key];
  if (slot) {
    if (slot->state == FuncSpec::Done || slot->state == FuncSpec::Failed || slot->state == FuncSpec::InProgress)
      return slot.get();
  } else {
    slot = std::make_unique<FuncSpec>();
    slot->def = def;
    slot->name = def->name;
    slot->key = key;
    slot->params = args;
  }
  run(slot.get());
  return slot.get();
}

FuncSpec* Typer::specialize_module() {
  auto& slot = specs_["<module>"];
  if (!slot) {
    slot = std::make_unique<FuncSpec>();
    slot->name = "<module>";
    slot->key = "<module>";
    module_spec_ = slot.get();
  }
  if (slot->state != FuncSpec::Done && slot->state != FuncSpec::Failed) run(slot.get());
  return slot.get();
}

}  // namespace ml::wasm
