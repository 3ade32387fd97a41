// Special methods of builtin values read as attributes: (1).__add__(2), hasattr([], "__iter__"),
// int.__lt__, getattr(x, "__len__"). The interpreter does these operations in its protocol
// (binop, compare, len, ...) without a method in the type's dict, so they are made here on
// demand: each is a native that calls the protocol, and returns NotImplemented for an operand
// the type does not take, as CPython's slot wrappers do.
#include <cmath>
#include <unordered_map>

#include "interp/runtime.h"

namespace ml::interp {

namespace {

using ast::BinOp;
using ast::CmpOp;

bool is_int(const Value& v) { return v.t == VT::Int || v.t == VT::Bool || v.is(OK::Big); }
bool is_num(const Value& v) { return is_int(v) || v.t == VT::Float; }
bool is_bytearray(const Value& v) { return v.is_obj() && v.o->type->name == "bytearray" && v.o->type->builtin; }

bool is_sized(const Value& v) {
  if (!v.is_obj()) return false;
  switch (v.o->kind) {
    case OK::Str: case OK::List: case OK::Tuple: case OK::Dict: case OK::Set: case OK::FrozenSet:
    case OK::Bytes: case OK::Range: case OK::DictView:
      return true;
    default:
      return is_bytearray(v);
  }
}
bool is_iterable(const Value& v) { return is_sized(v) || v.is(OK::Iter) || v.is(OK::Gen); }
bool is_subscriptable(const Value& v) {
  return v.is(OK::Str) || v.is(OK::List) || v.is(OK::Tuple) || v.is(OK::Dict) || v.is(OK::Bytes) ||
         v.is(OK::Range) || is_bytearray(v);
}
bool is_mutable_container(const Value& v) { return v.is(OK::List) || v.is(OK::Dict) || is_bytearray(v); }
bool is_set(const Value& v) { return v.is(OK::Set) || v.is(OK::FrozenSet); }
bool is_callable(const Value& v) {
  return v.is(OK::Func) || v.is(OK::Native) || v.is(OK::Bound) || v.is(OK::Class);
}

// Whether `self`'s type defines the binary operator at all (hasattr), and whether it takes
// `other` as its operand (else NotImplemented).
bool has_binop(const Value& self, BinOp op) {
  if (is_int(self)) return op != BinOp::MatMul;
  if (self.t == VT::Float)
    return op == BinOp::Add || op == BinOp::Sub || op == BinOp::Mul || op == BinOp::Div ||
           op == BinOp::FloorDiv || op == BinOp::Mod || op == BinOp::Pow;
  if (self.is(OK::Str) || self.is(OK::Bytes) || is_bytearray(self))
    return op == BinOp::Add || op == BinOp::Mul || op == BinOp::Mod;
  if (self.is(OK::List) || self.is(OK::Tuple)) return op == BinOp::Add || op == BinOp::Mul;
  if (is_set(self)) return op == BinOp::Sub || op == BinOp::BitAnd || op == BinOp::BitOr || op == BinOp::BitXor;
  if (self.is(OK::Dict)) return op == BinOp::BitOr;
  return false;
}
bool takes_operand(const Value& self, BinOp op, const Value& other) {
  if (is_int(self)) return is_int(other);
  if (self.t == VT::Float) return is_num(other);
  if (op == BinOp::Mul) return is_int(other);
  if (op == BinOp::Mod) return true;
  if (is_set(self)) return is_set(other);
  if (self.is(OK::Bytes) || is_bytearray(self)) return other.is(OK::Bytes) || is_bytearray(other);
  return other.is_obj() && self.is_obj() && other.o->kind == self.o->kind;
}

Value binary(BinOp op, bool reflected, const Value& self, const Value& other) {
  if (!takes_operand(self, op, other)) return I->not_impl;
  return reflected ? binop(op, other, self) : binop(op, self, other);
}

Value comparison(CmpOp op, const Value& self, const Value& other) {
  bool same_family = is_num(self) ? is_num(other)
                     : self.is_obj() && other.is_obj() && (self.o->kind == other.o->kind || (is_set(self) && is_set(other)));
  if (!same_family) {
    if (op == CmpOp::Eq || op == CmpOp::NotEq)
      return self.same(other) ? Value::boolean(op == CmpOp::Eq) : I->not_impl;
    return I->not_impl;
  }
  try {
    return compare(op, self, other);
  } catch (PyError& e) {
    if (type_of(e.exc)->is_subclass(I->e("TypeError"))) return I->not_impl;
    throw;
  }
}

struct Dunder {
  const char* name;
  bool (*has)(const Value& self);
  NativeFn fn;
};

template <BinOp op, bool reflected>
Dunder bin_dunder(const char* name) {
  return {name, [](const Value& s) { return has_binop(s, op); },
          [](Interp&, Value* a, int n, KwArgs*) -> Value {
            check_args("operator", n, 2, 2);
            return binary(op, reflected, a[0], a[1]);
          }};
}
template <CmpOp op>
Dunder cmp_dunder(const char* name) {
  return {name, [](const Value&) { return true; },
          [](Interp&, Value* a, int n, KwArgs*) -> Value {
            check_args("comparison", n, 2, 2);
            return comparison(op, a[0], a[1]);
          }};
}
template <ast::UnaryOp op>
Dunder unary_dunder(const char* name, bool (*has)(const Value&)) {
  return {name, has, [](Interp&, Value* a, int n, KwArgs*) -> Value {
            check_args("operator", n, 1, 1);
            return unary(op, a[0]);
          }};
}
Dunder builtin_call(const char* name, bool (*has)(const Value&), const char* builtin) {
  std::string b = builtin;
  return {name, has, [b](Interp&, Value* a, int n, KwArgs* kw) -> Value {
            return call(*I->builtins->find(str_key(b)), a, n, kw);
          }};
}

const std::vector<Dunder>& dunders() {
  static const std::vector<Dunder> table = [] {
    std::vector<Dunder> t = {
        bin_dunder<BinOp::Add, false>("__add__"), bin_dunder<BinOp::Add, true>("__radd__"),
        bin_dunder<BinOp::Sub, false>("__sub__"), bin_dunder<BinOp::Sub, true>("__rsub__"),
        bin_dunder<BinOp::Mul, false>("__mul__"), bin_dunder<BinOp::Mul, true>("__rmul__"),
        bin_dunder<BinOp::Div, false>("__truediv__"), bin_dunder<BinOp::Div, true>("__rtruediv__"),
        bin_dunder<BinOp::FloorDiv, false>("__floordiv__"), bin_dunder<BinOp::FloorDiv, true>("__rfloordiv__"),
        bin_dunder<BinOp::Mod, false>("__mod__"), bin_dunder<BinOp::Mod, true>("__rmod__"),
        bin_dunder<BinOp::Pow, false>("__pow__"), bin_dunder<BinOp::Pow, true>("__rpow__"),
        bin_dunder<BinOp::LShift, false>("__lshift__"), bin_dunder<BinOp::LShift, true>("__rlshift__"),
        bin_dunder<BinOp::RShift, false>("__rshift__"), bin_dunder<BinOp::RShift, true>("__rrshift__"),
        bin_dunder<BinOp::BitAnd, false>("__and__"), bin_dunder<BinOp::BitAnd, true>("__rand__"),
        bin_dunder<BinOp::BitOr, false>("__or__"), bin_dunder<BinOp::BitOr, true>("__ror__"),
        bin_dunder<BinOp::BitXor, false>("__xor__"), bin_dunder<BinOp::BitXor, true>("__rxor__"),
        cmp_dunder<CmpOp::Eq>("__eq__"), cmp_dunder<CmpOp::NotEq>("__ne__"),
        cmp_dunder<CmpOp::Lt>("__lt__"), cmp_dunder<CmpOp::LtE>("__le__"),
        cmp_dunder<CmpOp::Gt>("__gt__"), cmp_dunder<CmpOp::GtE>("__ge__"),
        unary_dunder<ast::UnaryOp::Neg>("__neg__", is_num), unary_dunder<ast::UnaryOp::Pos>("__pos__", is_num),
        unary_dunder<ast::UnaryOp::Invert>("__invert__", is_int),
        builtin_call("__abs__", is_num, "abs"), builtin_call("__bool__", is_num, "bool"),
        builtin_call("__int__", is_num, "int"), builtin_call("__float__", is_num, "float"),
        builtin_call("__index__", is_int, "int"), builtin_call("__round__", is_num, "round"),
        builtin_call("__len__", is_sized, "len"), builtin_call("__iter__", is_iterable, "iter"),
        builtin_call("__reversed__", [](const Value& v) { return v.is(OK::List) || v.is(OK::Range) || v.is(OK::Dict); }, "reversed"),
    };
    t.push_back({"__contains__", is_sized, [](Interp&, Value* a, int n, KwArgs*) -> Value {
                   check_args("__contains__", n, 2, 2);
                   return Value::boolean(contains(a[0], a[1]));
                 }});
    t.push_back({"__getitem__", is_subscriptable, [](Interp&, Value* a, int n, KwArgs*) -> Value {
                   check_args("__getitem__", n, 2, 2);
                   return getitem(a[0], a[1]);
                 }});
    t.push_back({"__setitem__", is_mutable_container, [](Interp&, Value* a, int n, KwArgs*) -> Value {
                   check_args("__setitem__", n, 3, 3);
                   setitem(a[0], a[1], a[2]);
                   return Value();
                 }});
    t.push_back({"__delitem__", is_mutable_container, [](Interp&, Value* a, int n, KwArgs*) -> Value {
                   check_args("__delitem__", n, 2, 2);
                   delitem(a[0], a[1]);
                   return Value();
                 }});
    t.push_back({"__next__", [](const Value& v) { return v.is(OK::Iter); }, [](Interp&, Value* a, int n, KwArgs*) -> Value {
                   check_args("__next__", n, 1, 1);
                   Value out;
                   if (!next(a[0], out)) throw PyError(make_exception(I->e("StopIteration"), {}));
                   return out;
                 }});
    t.push_back({"__trunc__", is_num, [](Interp&, Value* a, int, KwArgs*) -> Value {
                   return call1(*I->builtins->find(str_key("int")), a[0]);
                 }});
    t.push_back({"__floor__", is_num, [](Interp&, Value* a, int, KwArgs*) -> Value {
                   if (a[0].t != VT::Float) return a[0];
                   return call1(*I->builtins->find(str_key("int")), Value::flt(std::floor(a[0].f)));
                 }});
    t.push_back({"__ceil__", is_num, [](Interp&, Value* a, int, KwArgs*) -> Value {
                   if (a[0].t != VT::Float) return a[0];
                   return call1(*I->builtins->find(str_key("int")), Value::flt(std::ceil(a[0].f)));
                 }});
    t.push_back({"__call__", is_callable, [](Interp&, Value* a, int n, KwArgs* kw) -> Value {
                   return call(a[0], a + 1, n - 1, kw);
                 }});
    // function.__get__(obj, type=None): the method bound to obj (the function itself for None)
    t.push_back({"__get__", [](const Value& v) { return v.is(OK::Func); }, [](Interp&, Value* a, int n, KwArgs*) -> Value {
                   check_args("__get__", n, 2, 3);
                   if (a[1].is_none()) return a[0];
                   return Value::obj(new BoundObj(a[1], a[0]));
                 }});
    return t;
  }();
  return table;
}

// One native object per special method name, made on first use.
Value native_for(const Dunder& d) {
  static std::unordered_map<std::string, Value> made;
  auto it = made.find(d.name);
  if (it != made.end()) return it->second;
  Value v = Value::obj(new NativeObj(d.name, d.fn));
  made.emplace(d.name, v);
  return v;
}

}  // namespace

// obj.<name> for a special method that obj's builtin type does through the protocol. `bound`:
// a method bound to obj (else the function, for reads from the class: int.__add__).
bool builtin_dunder(const Value& obj, std::string_view name, bool bound, Value& out) {
  if (name.size() < 5 || name.substr(0, 2) != "__" || name.substr(name.size() - 2) != "__") return false;
  for (const Dunder& d : dunders()) {
    if (name != d.name || !d.has(obj)) continue;
    Value fn = native_for(d);
    out = bound ? Value::obj(new BoundObj(obj, fn)) : fn;
    return true;
  }
  if (name == "__hash__" && bound) {
    // unhashable builtins have __hash__ = None, as in CPython
    if (obj.is(OK::List) || obj.is(OK::Dict) || obj.is(OK::Set) || is_bytearray(obj)) { out = Value(); return true; }
  }
  return false;
}

}  // namespace ml::interp
