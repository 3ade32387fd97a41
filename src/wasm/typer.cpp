#include "wasm/typer.h"
#include "support/english.h"

#include "wasm/typing/func_typer.h"

#include <algorithm>
#include <deque>
#include <mutex>
#include <set>

#include <fmt/format.h>

namespace ml::wasm {

std::string Type::a_name() const { return with_article(name()); }

std::string Type::name() const {
  std::string b;
  switch (base) {
    case Base::Unknown: b = "?"; break;
    case Base::None: b = "None"; break;
    case Base::Bool: b = "bool"; break;
    case Base::Int: b = "int"; break;
    case Base::Float: b = "float"; break;
    case Base::Str: b = "str"; break;
    case Base::Num: b = "int | float"; break;
    case Base::Range: b = "range"; break;
    case Base::Func: b = "function " + func_name(); break;
    case Base::Obj: {
      // (a class that refers to itself is written out once: inside, its name stands for it)
      static thread_local std::vector<uint32_t> writing;
      if (std::find(writing.begin(), writing.end(), tid) != writing.end()) {
        b = class_name();
        break;
      }
      writing.push_back(tid);
      b = class_name() + "{";
      const auto& fs = fields();
      for (size_t i = 0; i < fs.size(); ++i) b += (i ? ", " : "") + fs[i].first + ": " + fs[i].second.name();
      b += "}";
      writing.pop_back();
      break;
    }
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

namespace {
// Interned lists of tuple item types, shared by every typer of the process (types cross
// between the typer, the code generator and the hosts' value adapters).
struct TupleItems {
  std::mutex mu;
  std::deque<std::vector<Type>> lists{std::vector<Type>{}};  // id 0: no items
  std::map<std::vector<std::pair<uint64_t, uint32_t>>, uint32_t> ids;
};
TupleItems& tuple_items() {
  static TupleItems t;
  return t;
}
std::pair<uint64_t, uint32_t> type_key(Type t) {
  return {uint64_t(t.base) | uint64_t(t.depth) << 8 | uint64_t(t.tn) << 16, t.tid};
}
}  // namespace

Type Type::tuple_of(const std::vector<Type>& items) {
  Type t{Base::Tuple};
  t.tn = static_cast<uint8_t>(items.size());
  if (items.empty()) return t;
  std::vector<std::pair<uint64_t, uint32_t>> key;
  key.reserve(items.size());
  for (const Type& i : items) key.push_back(type_key(i));
  TupleItems& ti = tuple_items();
  std::lock_guard<std::mutex> lock(ti.mu);
  auto [it, added] = ti.ids.try_emplace(std::move(key), static_cast<uint32_t>(ti.lists.size()));
  if (added) ti.lists.push_back(items);
  t.tid = it->second;
  return t;
}

namespace {
// Names of functions used as values, interned like tuple item lists (the type is an id).
struct FuncNames {
  std::mutex mu;
  std::deque<std::string> names;
  std::map<std::string, uint32_t> ids;
};
FuncNames& func_names() {
  static FuncNames f;
  return f;
}
}  // namespace

Type Type::function(const std::string& name) {
  FuncNames& f = func_names();
  std::lock_guard<std::mutex> lock(f.mu);
  auto [it, added] = f.ids.try_emplace(name, static_cast<uint32_t>(f.names.size()));
  if (added) f.names.push_back(name);
  Type t{Base::Func};
  t.tid = it->second;
  return t;
}

std::string Type::func_name() const {
  FuncNames& f = func_names();
  std::lock_guard<std::mutex> lock(f.mu);
  return f.names[tid];
}

namespace {
// Instance shapes (class and field types), interned like tuple item lists.
struct Shape {
  std::string cls;
  std::vector<std::pair<std::string, Type>> fields;
  std::vector<std::string> order;  // made by compiled code: the order __init__ assigns the fields
  std::vector<uint32_t> order_index;  // the same order as indices in `fields` (set with it, once)
};
struct Shapes {
  std::mutex mu;
  std::deque<Shape> shapes;
  std::map<std::pair<std::string, std::vector<std::pair<std::string, std::pair<uint64_t, uint32_t>>>>, uint32_t> ids;
  // groups of classes referring to each other (Type::object_group): the id of the first's shape
  std::map<std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::pair<uint64_t, uint32_t>>>>>, uint32_t>
      groups;
};
Shapes& shapes() {
  static Shapes s;
  return s;
}
}  // namespace

Type Type::object(const std::string& cls, std::vector<std::pair<std::string, Type>> fields) {
  std::sort(fields.begin(), fields.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::pair<std::string, std::pair<uint64_t, uint32_t>>> key;
  for (const auto& [n, t] : fields) key.emplace_back(n, type_key(t));
  Shapes& sh = shapes();
  std::lock_guard<std::mutex> lock(sh.mu);
  auto [it, added] = sh.ids.try_emplace({cls, std::move(key)}, static_cast<uint32_t>(sh.shapes.size()));
  if (added) sh.shapes.push_back(Shape{cls, std::move(fields), {}, {}});
  Type t{Base::Obj};
  t.tid = it->second;
  return t;
}

std::vector<Type> Type::object_group(std::vector<ClassFields> group) {
  std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::pair<uint64_t, uint32_t>>>>> key;
  for (auto& c : group) {
    std::sort(c.fields.begin(), c.fields.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::pair<std::string, std::pair<uint64_t, uint32_t>>> fk;
    for (const auto& [n, t] : c.fields) fk.emplace_back(n, type_key(t));
    key.emplace_back(c.cls, std::move(fk));
  }
  Shapes& sh = shapes();
  std::lock_guard<std::mutex> lock(sh.mu);
  auto [it, added] = sh.groups.try_emplace(std::move(key), static_cast<uint32_t>(sh.shapes.size()));
  uint32_t first = it->second;
  if (added) {
    // the group's shapes take consecutive ids; a reference to its k-th class becomes first + k
    auto resolve = [first](Type t) {
      if (t.base == Base::Obj && (t.tid & kGroupRef)) t.tid = first + (t.tid & ~kGroupRef);
      return t;
    };
    for (auto& c : group) {
      for (auto& f : c.fields) f.second = resolve(f.second);
      sh.shapes.push_back(Shape{c.cls, std::move(c.fields), {}, {}});
    }
  }
  std::vector<Type> out;
  for (size_t k = 0; k < group.size(); ++k) {
    Type t{Base::Obj};
    t.tid = first + static_cast<uint32_t>(k);
    out.push_back(t);
  }
  return out;
}

std::string Type::class_name() const {
  Shapes& sh = shapes();
  std::lock_guard<std::mutex> lock(sh.mu);
  return sh.shapes[tid].cls;
}

const std::vector<std::pair<std::string, Type>>& Type::fields() const {
  Shapes& sh = shapes();
  std::lock_guard<std::mutex> lock(sh.mu);
  return sh.shapes[tid].fields;  // a deque: the element stays where it is
}

void Type::set_field_order(Type t, const std::vector<std::string>& order) {
  Shapes& sh = shapes();
  std::lock_guard<std::mutex> lock(sh.mu);
  Shape& s = sh.shapes[t.tid];
  if (!s.order.empty()) return;
  s.order = order;
  for (const std::string& n : order)
    for (size_t i = 0; i < s.fields.size(); ++i)
      if (s.fields[i].first == n) s.order_index.push_back(static_cast<uint32_t>(i));
}

const std::vector<uint32_t>* Type::field_order_index() const {
  Shapes& sh = shapes();
  std::lock_guard<std::mutex> lock(sh.mu);
  const Shape& s = sh.shapes[tid];
  return s.order.empty() ? nullptr : &s.order_index;  // (set once: stays as it is)
}

std::vector<std::string> Type::field_order() const {
  Shapes& sh = shapes();
  std::lock_guard<std::mutex> lock(sh.mu);
  const Shape& s = sh.shapes[tid];
  if (!s.order.empty()) return s.order;
  std::vector<std::string> out;
  for (const auto& f : s.fields) out.push_back(f.first);
  return out;
}

int Type::field_index(const std::string& name) const {
  const auto& fs = fields();
  for (size_t i = 0; i < fs.size(); ++i)
    if (fs[i].first == name) return static_cast<int>(i);
  return -1;
}

Type Type::item(size_t i) const {
  TupleItems& ti = tuple_items();
  std::lock_guard<std::mutex> lock(ti.mu);
  return ti.lists[tid][i];
}

WType wtype(Type t) {
  if (t.is_list()) return WType::I32;
  switch (t.base) {
    case Base::Int: case Base::Num: return WType::I64;
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

Type arith_type(ast::BinOp op, Type a, Type b) {
  using ast::BinOp;
  bool isfloat = a == kFloat || b == kFloat;
  switch (op) {
    case BinOp::Div: return kFloat;
    case BinOp::BitAnd: case BinOp::BitOr: case BinOp::BitXor: return a == kBool && b == kBool ? kBool : kInt;
    case BinOp::LShift: case BinOp::RShift: return kInt;
    default: return isfloat ? kFloat : kInt;
  }
}

std::optional<Type> widen(Type a, Type b) {
  if (a == b) return a;
  auto num = [](Type t) { return t == kInt || t == kFloat || t == kNum; };
  if (num(a) && num(b)) return kNum;
  // an instance or None: the instance's type (None is its empty address)
  if (a.is_obj() && b == kNone) return a;
  if (a == kNone && b.is_obj()) return b;
  return std::nullopt;
}

std::string signature_key(const std::string& name, const std::vector<Type>& args) {
  std::string k = name + "(";
  for (size_t i = 0; i < args.size(); ++i) k += (i ? ", " : "") + args[i].name();
  return k + ")";
}

std::vector<FuncSpec*> FuncSpec::callees() const {
  std::vector<FuncSpec*> out;
  for (const auto& [e, c] : calls)
    if (c.kind == CallInfo::User && c.callee && std::find(out.begin(), out.end(), c.callee) == out.end())
      out.push_back(c.callee);
  std::sort(out.begin(), out.end(), [](FuncSpec* a, FuncSpec* b) { return a->key < b->key; });
  return out;
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
      classes_[s->name] = s.get();
      for (const auto& m : s->body)
        if (m->kind == StmtKind::FunctionDef) method_class_[m.get()] = s->name;
    }
  }
  std::set<std::string> assigned;
  collect_assigned(m.body, assigned);
  for (const auto& n : assigned) defs_count_[n]++;
  // names bound by imports of math (at the top level, once, and bound by nothing else)
  std::map<std::string, int> imports;
  std::map<std::string, std::string> from_math;
  std::set<std::string> math_mods;
  for (const auto& s : m.body) {
    if (s->kind == StmtKind::ImportFrom)
      for (const auto& a : s->names) {
        std::string bound = a.asname.empty() ? a.name : a.asname;
        imports[bound]++;
        if (s->module == "math") from_math[bound] = a.name;
      }
    if (s->kind == StmtKind::Import)
      for (const auto& a : s->names) {
        std::string bound = a.asname.empty() ? a.name.substr(0, a.name.find('.')) : a.asname;
        imports[bound]++;
        if (a.name == "math") math_mods.insert(bound);
      }
  }
  auto once = [&](const std::string& n) { return imports[n] == 1 && !defs_count_.count(n); };
  for (const auto& [n, f] : from_math)
    if (once(n)) math_names_[n] = f;
  for (const auto& n : math_mods)
    if (once(n)) math_modules_.insert(n);
  find_constants();
}

std::string Typer::math_function(const Expr& callee) const {
  std::string f;
  if (callee.kind == ExprKind::Name) {
    auto it = math_names_.find(callee.name);
    if (it != math_names_.end()) f = it->second;
  } else if (callee.kind == ExprKind::Attribute && callee.a->kind == ExprKind::Name && math_modules_.count(callee.a->name)) {
    f = callee.name;
  }
  for (const char* m : {"sqrt", "fabs", "sin", "cos", "tan", "exp", "atan"})
    if (f == m) return f;
  return "";
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
    S->method_aliases.clear();
    if (S->def) {
      std::set<std::string> params(S->param_keys.begin(), S->param_keys.end());
      S->method_aliases = find_method_aliases(body, params);
    }
    for (const auto& n : assigned)
      if (!S->locals.count(n) && !S->method_aliases.count(n)) S->locals[n] = kUnknown;
    S->ret = S->def ? kUnknown : kNone;
    for (int pass = 0;; ++pass) {
      if (pass > 64) fail("types that do not settle", S->def ? S->def->loc : Loc{});
      FuncTyper ft(*this, *S, false);
      ft.body(body);
      if (S->def && !always_returns(body)) ft.join_into(S->ret, kNone, S->def->loc, "return value");
      if (!ft.changed) break;
    }
    if (S->def) {
      if (auto ann = annotation_type(S->def->returns.get()); ann && refines(*ann, S->ret)) S->ret = *ann;
      // a parameter takes the caller's type as it is: one that is also assigned a value of
      // the other number type would need the caller to pass an int-or-float
      for (size_t i = 0; i < S->param_keys.size(); ++i)
        if (S->locals[S->param_keys[i]].is_num() && !S->params[i].is_num())
          fail("parameter '" + S->param_keys[i] + "' assigned a value of another type", S->def->loc);
    }
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
      S->unbound_reads.clear();
      AssignCheck ac(*S, !opts_.standalone);
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
  std::string key = signature_key(qualname(def), args);
  auto& slot = specs_[key];
  if (slot) {
    if (slot->state == FuncSpec::Done || slot->state == FuncSpec::Failed || slot->state == FuncSpec::InProgress)
      return slot.get();
  } else {
    slot = std::make_unique<FuncSpec>();
    slot->def = def;
    slot->name = qualname(def);
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
