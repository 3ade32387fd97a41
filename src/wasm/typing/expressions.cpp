// The typer over expressions: names, operators, subscripts, literals.
#include "wasm/typing/func_typer.h"

#include <fmt/format.h>

namespace ml::wasm {

// An expression whose value is kept (stored, returned): None/str not allowed.
Type FuncTyper::value_expr(const Expr& e, bool allow_none) {
  Type t = expr(e);
  if (!allow_none && t.known() && t.depth == 0 && t.base == Base::None) fail("None value", e.loc);
  return t;
}

void FuncTyper::index_type(const Expr& e) {
  if (e.kind == ExprKind::Slice) fail("slice", e.loc);
  Type t = expr(e);
  if (t.known() && !(t == kInt || t == kBool)) fail("list index of type " + t.name(), e.loc);
}

// x in y: a substring, or an item of a list or tuple of numbers or strings
bool FuncTyper::in_ok(Type x, Type y) {
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

std::optional<std::vector<size_t>> FuncTyper::tuple_slice(const Expr& sl, int64_t n) { return literal_slice_items(sl, n); }

// s[i] / s[a:b] on a string, t[i] on a tuple
Type FuncTyper::subscript_type(const Expr& e, Type ct) {
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
  if (!ct.uniform()) fail("variable index into " + ct.a_name() + " (items of different types)", e.loc);
  return record(e, ct.item(0));
}

// l[a:b:c] on a list: a new list of the same type
Type FuncTyper::list_slice_type(const Expr& e, Type lt) {
  const Expr& ix = *e.b;
  for (const Expr* b : {ix.a.get(), ix.b.get(), ix.c.get()})
    if (b) {
      Type t = expr(*b);
      if (t.known() && !(t == kInt || t == kBool)) fail("slice bound of type " + t.name(), b->loc);
    }
  if (!lt.known() && lt.depth == 0) return record(e, kUnknown);
  S.types[&ix] = lt;
  return record(e, lt);
}

// ------------------------------------------------------------------ expressions
Type FuncTyper::name_expr(const Expr& e) {
  auto r = resolve(e.name);
  if (!r) {
    if (T.find_function(e.name)) {
      if (allow_func) return record(e, Type::function(e.name));
      fail("function used as a value", e.loc, e.name);
    }
    if (const ModuleConstant* c = T.module_constant(e.name)) {
      S.names[&e] = NameRef{NameRef::Constant, e.name};
      S.constants.insert(e.name);
      return record(e, c->type);
    }
    if (!T.builtin_of(e.name).empty()) fail("builtin used as a value", e.loc, e.name);
    if (T.opts_.standalone) fail("undefined name", e.loc, e.name);
    fail("global variable '" + e.name + "'", e.loc);
  }
  S.names[&e] = *r;
  Type t = r->kind == NameRef::Global && S.def ? global_type(r->key) : S.locals[r->key];
  if (t.is_func() && !allow_func) fail("function used as a value", e.loc, e.name);
  if (t.is_range() && !allow_range) fail("range value used other than as a for loop's iterable", e.loc, e.name);
  return record(e, t);
}

Type FuncTyper::value_or_function(const Expr& e) {
  if (e.kind != ExprKind::Name) return value_expr(e);
  allow_func = true;
  Type t = kUnknown;
  try {
    t = value_expr(e, true);  // (a variable may hold only None: 0, like an instance's empty address)
  } catch (...) {
    allow_func = false;
    throw;
  }
  allow_func = false;
  return t;
}

Type FuncTyper::num_promote(Type t) { return t == kBool ? kInt : t; }

std::optional<int64_t> FuncTyper::const_index(const Expr& e) { return literal_index(e); }

Type FuncTyper::binop_type(ast::BinOp op, Type a, Type b, Loc loc) {
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
  if (!a.arith() || !b.arith()) fail("operator " + optext + " on " + a.name() + " and " + b.name(), loc);
  if (a.is_num() || b.is_num()) {
    // int-or-float: the result of either case (the code tests which one it holds)
    Type r = kUnknown;
    for (Type x : a.is_num() ? std::vector<Type>{kInt, kFloat} : std::vector<Type>{a})
      for (Type y : b.is_num() ? std::vector<Type>{kInt, kFloat} : std::vector<Type>{b}) {
        Type t = binop_type(op, x, y, loc);
        auto w = r.known() ? widen(r, t) : std::optional<Type>(t);
        if (!w) fail("operator " + optext + " on " + a.name() + " and " + b.name(), loc);
        r = *w;
      }
    return r;
  }
  bool isfloat = a == kFloat || b == kFloat;
  switch (op) {
    case BinOp::BitAnd: case BinOp::BitOr: case BinOp::BitXor: case BinOp::LShift: case BinOp::RShift:
      if (isfloat) fail("operator " + optext + " on a float", loc);
      break;
    case BinOp::MatMul: fail("operator @", loc);
    default: break;
  }
  return arith_type(op, a, b);
}

Type FuncTyper::expr(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Int:
      if (!e.int_fits) fail("integer literal beyond 64 bits", e.loc);
      return record(e, kInt);
    case ExprKind::Float: return record(e, kFloat);
    case ExprKind::True: case ExprKind::False: return record(e, kBool);
    case ExprKind::None: return record(e, kNone);  // (value_expr refuses it where it is kept)
    case ExprKind::Str: return record(e, kStr);
    case ExprKind::FString: {
      // pieces of text and {value} / {value!s} / {value!r} without a format spec
      for (const auto& piece : e.items) {
        if (piece->kind == ExprKind::Str) { record(*piece, kStr); continue; }
        if (piece->kind != ExprKind::FormattedValue) fail("f-string piece", piece->loc);
        if (piece->b) fail("f-string format spec", piece->loc);
        if (piece->conv == 'a') fail("f-string conversion !a", piece->loc);
        Type t = value_expr(*piece->a);
        if (t.known() && !t.numeric() && !t.is_str()) fail("f-string of " + t.a_name(), piece->a->loc);
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
        if (!x.known() || x == kNone) fail("tuple holding " + x.a_name(), i->loc);
        items.push_back(x);
      }
      if (e.items.size() > kMaxTupleItems) fail("tuple of more than " + std::to_string(kMaxTupleItems) + " items", e.loc);
      if (unknown) return record(e, kUnknown);
      return record(e, Type::tuple_of(items));
    }
    case ExprKind::Name: return name_expr(e);
    case ExprKind::BinOp: {
      Type a = expr(*e.a), b = expr(*e.b);
      if ((a.is_obj() && b.known()) || (b.is_obj() && a.known())) return instance_binop(e, a, b);
      return record(e, binop_type(e.bin, a, b, e.loc));
    }
    case ExprKind::UnaryOp: {
      if (e.un == ast::UnaryOp::Not) {
        test(*e.a);
        return record(e, kBool);
      }
      Type a = expr(*e.a);
      if (!a.known()) return record(e, kUnknown);
      if (!a.numeric()) fail("unary operator on " + a.a_name(), e.loc);
      if (e.un == ast::UnaryOp::Invert && a == kFloat) fail("operator ~ on a float", e.loc);
      return record(e, num_promote(a));
    }
    case ExprKind::BoolOp: {
      Type t = kUnknown;
      bool unknown = false;
      for (const auto& i : e.items) {
        Type x = expr(*i);
        if (!x.known() && x.depth == 0) { unknown = true; continue; }
        if (x.depth == 0 && x.base == Base::None) fail("and/or on " + x.a_name(), i->loc);
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
        if (op == ast::CmpOp::Is || op == ast::CmpOp::IsNot) {
          // identity of instances (their addresses) and None (address 0)
          auto ref = [](Type t) { return t.is_obj() || t == kNone || (!t.known() && t.depth == 0); };
          if (!ref(l) || !ref(r) || (l.is_obj() && r.is_obj() && !(l == r)))
            fail("'is' comparison", e.loc, l.name() + " and " + r.name());
          l = r;
          continue;
        }
        bool eq = op == ast::CmpOp::Eq || op == ast::CmpOp::NotEq;
        std::string what = l.name() + " and " + r.name();
        if (op == ast::CmpOp::In || op == ast::CmpOp::NotIn) {
          if (l.known() && r.known() && !in_ok(l, r)) fail("'in' comparison of " + what, e.loc);
        } else if (l.known() && r.known()) {
          if (l.is_str() || r.is_str()) {
            if (!(l.is_str() && r.is_str())) fail("comparison of " + what, e.loc);
          } else if (l.is_tuple() || r.is_tuple()) {
            if (!(l.is_tuple() && r.is_tuple())) fail("comparison of " + what, e.loc);
            if (!l.flat() || !r.flat()) fail("comparison of tuples holding containers", e.loc, what);
            // ordering: items at the same place must be comparable (Python raises
            // TypeError for a str against a number)
            for (size_t k = 0; !eq && k < std::min(l.tn, r.tn); ++k)
              if (l.item(k).is_str() != r.item(k).is_str()) fail("ordering comparison of " + what, e.loc);
          } else if (!l.arith() || !r.arith()) {
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
    case ExprKind::Attribute: return attribute(e);
    case ExprKind::Subscript: {
      Type lt = expr(*e.a);
      if (lt.is_str() || lt.is_tuple()) return subscript_type(e, lt);
      if (e.b->kind == ExprKind::Slice && (lt.is_list() || !lt.known())) return list_slice_type(e, lt);
      index_type(*e.b);
      if (!lt.known() && lt.depth == 0) return record(e, kUnknown);
      if (!lt.is_list()) fail("indexing " + lt.a_name(), e.loc);
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

}  // namespace ml::wasm
