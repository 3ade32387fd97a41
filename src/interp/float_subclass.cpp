// Subclasses of float (class F(float)): a float is an unboxed value that cannot carry a class,
// so an F is an instance of F whose float lives beside it (in its extra dict, invisible to
// __dict__). float's dict gets the special methods such an instance is reached through; they
// unwrap their operands and do what the protocol does for plain floats, so arithmetic gives a
// plain float, comparisons, hashing, repr and formatting match the float's, as in CPython.
#include <cmath>

#include "interp/lib/libutil.h"
#include "interp/runtime.h"

namespace ml::interp {

namespace {

const Value& payload_key() {
  static Value k = [] { Value v = mk_str(" float"); incref(v.o); return v; }();
  return k;
}

// The float of a plain float or of a float subclass's instance; false for anything else.
bool float_of(const Value& v, double& out) {
  if (v.t == VT::Float) { out = v.f; return true; }
  if (v.is(OK::Inst) && v.o->has_extra && v.o->type->is_subclass(I->t_float)) {
    if (DictObj* d = extra_dict(v.o, false))
      if (Value* f = d->find(payload_key())) { out = f->f; return true; }
  }
  return false;
}
// Plain values for the protocol: a float subclass's instance becomes its float.
Value plain(const Value& v) {
  double d;
  return v.is(OK::Inst) && float_of(v, d) ? Value::flt(d) : v;
}
bool is_number(const Value& v) {
  double d;
  return v.t == VT::Int || v.t == VT::Bool || v.is(OK::Big) || float_of(v, d);
}

}  // namespace

Value float_subclass_instance(double d, ClassObj* cls) {
  Value v = make_instance(cls);
  extra_dict(v.o, true)->set(payload_key(), Value::flt(d));
  return v;
}

void init_float_subclass_methods(ClassObj* ft) {
  using ast::BinOp;
  using ast::CmpOp;
  struct Op { const char* name; BinOp op; };
  static const Op ops[] = {{"add", BinOp::Add}, {"sub", BinOp::Sub}, {"mul", BinOp::Mul}, {"truediv", BinOp::Div},
                           {"floordiv", BinOp::FloorDiv}, {"mod", BinOp::Mod}, {"pow", BinOp::Pow}};
  for (const Op& o : ops) {
    BinOp op = o.op;
    def_method(ft, std::string("__") + o.name + "__", [op](Interp&, Value* a, int n, KwArgs*) -> Value {
      check_args("float", n, 2, 2);
      if (!is_number(a[1])) return I->not_impl;
      return binop(op, plain(a[0]), plain(a[1]));
    });
    def_method(ft, std::string("__r") + o.name + "__", [op](Interp&, Value* a, int n, KwArgs*) -> Value {
      check_args("float", n, 2, 2);
      if (!is_number(a[1])) return I->not_impl;
      return binop(op, plain(a[1]), plain(a[0]));
    });
  }
  def_method(ft, "__divmod__", [](Interp&, Value* a, int, KwArgs*) -> Value {
    if (!is_number(a[1])) return I->not_impl;
    return mk_tuple({binop(BinOp::FloorDiv, plain(a[0]), plain(a[1])), binop(BinOp::Mod, plain(a[0]), plain(a[1]))});
  });
  struct Cmp { const char* name; CmpOp op; };
  static const Cmp cmps[] = {{"__eq__", CmpOp::Eq}, {"__ne__", CmpOp::NotEq}, {"__lt__", CmpOp::Lt},
                             {"__le__", CmpOp::LtE}, {"__gt__", CmpOp::Gt}, {"__ge__", CmpOp::GtE}};
  for (const Cmp& c : cmps) {
    CmpOp op = c.op;
    def_method(ft, c.name, [op](Interp&, Value* a, int, KwArgs*) -> Value {
      if (!is_number(a[1])) return I->not_impl;
      return compare(op, plain(a[0]), plain(a[1]));
    });
  }
  def_method(ft, "__neg__", [](Interp&, Value* a, int, KwArgs*) -> Value { return Value::flt(-to_double(plain(a[0]))); });
  def_method(ft, "__pos__", [](Interp&, Value* a, int, KwArgs*) -> Value { return plain(a[0]); });
  def_method(ft, "__abs__", [](Interp&, Value* a, int, KwArgs*) -> Value { return Value::flt(std::fabs(to_double(plain(a[0])))); });
  def_method(ft, "__bool__", [](Interp&, Value* a, int, KwArgs*) -> Value { return Value::boolean(to_double(plain(a[0])) != 0.0); });
  def_method(ft, "__float__", [](Interp&, Value* a, int, KwArgs*) -> Value { return plain(a[0]); });
  def_method(ft, "__int__", [](Interp&, Value* a, int, KwArgs*) -> Value {
    Value f = plain(a[0]);
    return call1(Value::obj(I->t_int), f);
  });
  def_method(ft, "__trunc__", [](Interp&, Value* a, int, KwArgs*) -> Value { return call1(Value::obj(I->t_int), plain(a[0])); });
  def_method(ft, "__round__", [](Interp&, Value* a, int n, KwArgs*) -> Value {
    Value args[2] = {plain(a[0]), n > 1 ? a[1] : Value()};
    return call(*I->builtins->find(str_key("round")), args, n > 1 ? 2 : 1, nullptr);
  });
  def_method(ft, "__hash__", [](Interp&, Value* a, int, KwArgs*) -> Value { return Value::integer(hash_value(plain(a[0]))); });
  def_method(ft, "__repr__", [](Interp&, Value* a, int, KwArgs*) -> Value { return mk_str(repr(plain(a[0]))); });
  // float has no __str__ of its own in CPython: str() of a subclass's instance is its repr()
  def_method(ft, "__str__", [](Interp&, Value* a, int, KwArgs*) -> Value { return mk_str(repr(a[0])); });
  def_method(ft, "__getnewargs__", [](Interp&, Value* a, int, KwArgs*) -> Value { return mk_tuple({plain(a[0])}); });
  // .real is the float itself (a plain float, as CPython gives), .imag zero
  def_property(ft, "real", [](Interp&, Value* a, int, KwArgs*) -> Value { return plain(a[0]); });
  def_property(ft, "imag", [](Interp&, Value*, int, KwArgs*) -> Value { return Value::flt(0.0); });
  // float's own methods (is_integer, hex, __format__...) take the float: they are wrapped to
  // unwrap an instance of a subclass first
  for (const char* name : {"is_integer", "conjugate", "as_integer_ratio", "hex", "__format__"}) {
    Value* m = ft->dict->find(str_key(name));
    if (!m) continue;
    Value inner = *m;
    def_method(ft, name, [inner](Interp&, Value* a, int n, KwArgs* kw) -> Value {
      ValueVec args(a, a + n);
      if (n > 0) args[0] = plain(a[0]);
      return call(inner, args.data(), n, kw);
    });
  }
}

}  // namespace ml::interp
