// The builtin types' constructors (int(), dict(), property(), ...), object's own methods, and
// the exception base class's.
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "interp/builtins_impl.h"
#include "interp/code.h"

namespace ml::interp {

Value to_int(const Value& x, KwArgs* kw, int nargs, Value* args) {
  if (nargs >= 2 || kw_find(kw, "base")) {
    Value b = nargs >= 2 ? args[1] : kw_get(kw, "base");
    if (!x.is(OK::Str) && !x.is(OK::Bytes)) raise_id("TypeError", "runtime.int_explicit_base");
    std::string s = x.is(OK::Str) ? str_of(x) : x.as<BytesObj>()->s;
    int64_t base = as_index(b);
    if (base != 0 && (base < 2 || base > 36)) raise_id("ValueError", "runtime.int_base_range");
    return parse_int(s, (int)base);
  }
  switch (x.t) {
    case VT::Int: return x;
    case VT::Bool: return Value::integer(x.b);
    case VT::Float: {
      if (std::isnan(x.f)) raise_id("ValueError", "runtime.float_nan_to_int");
      if (std::isinf(x.f)) raise_id("OverflowError", "runtime.float_inf_to_int");
      double t = std::trunc(x.f);
      if (std::fabs(t) < 9.2e18) return Value::integer((int64_t)t);
      mpz_t z;
      mpz_init(z);
      mpz_set_d(z, t);
      Value r = int_from_mpz(z);
      mpz_clear(z);
      return r;
    }
    default: break;
  }
  if (x.is(OK::Big)) return x.o->type == I->t_int ? x : int_from_mpz(x.as<BigObj>()->z);
  if (x.is(OK::Str)) return parse_int(str_of(x), 10);
  if (x.is(OK::Bytes)) return parse_int(x.as<BytesObj>()->s, 10);
  if (x.is(OK::Inst)) {
    if (const Value* m = x.o->type->find("__int__")) return call1(*m, x);
    if (const Value* m = x.o->type->find("__index__")) return call1(*m, x);
    if (const Value* m = x.o->type->find("__trunc__")) return call1(*m, x);
  }
  raise_id("TypeError", "runtime.int_arg_type", {{"type", type_name(x)}});
}

static Value to_float(const Value& x) {
  switch (x.t) {
    case VT::Float: return x;
    case VT::Int: return Value::flt((double)x.i);
    case VT::Bool: return Value::flt(x.b ? 1.0 : 0.0);
    default: break;
  }
  if (x.is(OK::Big)) return Value::flt(to_double(x));
  if (x.is(OK::Str)) return parse_float(str_of(x));
  if (x.is(OK::Bytes)) return parse_float(x.as<BytesObj>()->s);
  if (x.is(OK::Inst)) {
    if (const Value* m = x.o->type->find("__float__")) return call1(*m, x);
    if (const Value* m = x.o->type->find("__index__")) return Value::flt(to_double(call1(*m, x)));
  }
  raise_id("TypeError", "runtime.float_arg_type", {{"type", type_name(x)}});
}

static Value object___init__(Interp&, Value*, int, KwArgs*) {
  return Value();
}

static Value object___str__(Interp&, Value* a, int, KwArgs*) {
  // object.__str__ -> repr
  if (a[0].is(OK::Inst)) {
    if (const Value* m = a[0].o->type->find("__repr__")) return call1(*m, a[0]);
  }
  return mk_str(repr(a[0]));
}

static Value object___eq__(Interp&, Value* a, int n, KwArgs*) {
  check_args("__eq__", n, 2, 2);
  return a[0].same(a[1]) ? Value::boolean(true) : I->not_impl;
}

static Value object___ne__(Interp&, Value* a, int n, KwArgs*) {
  check_args("__ne__", n, 2, 2);
  return Value::boolean(!eq(a[0], a[1]));
}

static Value object___hash__(Interp&, Value* a, int, KwArgs*) {
  return Value::integer((int64_t)(((uintptr_t)a[0].o >> 4) & 0x3FFFFFFFFFFFFFFFULL));
}

static Value object___setattr__(Interp&, Value* a, int n, KwArgs*) {
  check_args("__setattr__", n, 3, 3);
  if (a[0].is(OK::Inst)) a[0].as<InstObj>()->set_attr(a[1], a[2]);
  else setattr(a[0], str_of(a[1]), a[2]);
  return Value();
}

static Value object___getattribute__(Interp&, Value* a, int n, KwArgs*) {
  check_args("__getattribute__", n, 2, 2);
  return getattr(a[0], str_of(a[1]));
}

static Value object___repr__(Interp&, Value* a, int, KwArgs*) {
  char buf[64];
  std::snprintf(buf, sizeof buf, " object at %p>", (void*)a[0].o);
  return mk_str("<__main__." + type_name(a[0]) + buf);
}

static Value object___format__(Interp&, Value* a, int n, KwArgs*) {
  check_args("__format__", n, 2, 2);
  return format_value(mk_str(to_str(a[0])), str_of(a[1]));
}

static Value object___delattr__(Interp&, Value* a, int n, KwArgs*) {
  check_args("__delattr__", n, 2, 2);
  if (a[0].is(OK::Inst)) {
    if (!a[0].as<InstObj>()->dict()->erase(a[1]))
      raise_id("AttributeError", "runtime.no_attribute", {{"type", type_name(a[0])}, {"name", str_of(a[1])}});
  } else {
    delattr(a[0], str_of(a[1]));
  }
  return Value();
}

static Value new_int(Interp&, Value* a, int n, KwArgs* kw) {
  if (n == 0) return Value::integer(0);
  return to_int(a[0], kw, n, a);
}

static Value new_float(Interp&, Value* a, int n, KwArgs*) {
  check_args("float", n, 0, 1);
  return n ? to_float(a[0]) : Value::flt(0.0);
}

static Value new_str(Interp&, Value* a, int n, KwArgs* kw) {
  if (n == 0) return mk_str("");
  if (a[0].is(OK::Bytes) && (n > 1 || kw_find(kw, "encoding")))  // str(b, encoding, errors): b.decode(...)
    return call(getattr(a[0], "decode"), a + 1, n - 1, kw);
  return mk_str(to_str(a[0]));
}

static Value new_bool(Interp&, Value* a, int n, KwArgs*) {
  check_args("bool", n, 0, 1);
  return Value::boolean(n ? truthy(a[0]) : false);
}

static Value new_list(Interp&, Value* a, int n, KwArgs*) {
  check_args("list", n, 0, 1);
  return n ? mk_list(to_vec(a[0])) : mk_list();
}

static Value new_tuple(Interp&, Value* a, int n, KwArgs*) {
  check_args("tuple", n, 0, 1);
  if (n && a[0].is(OK::Tuple) && a[0].o->type == I->t_tuple) return a[0];  // a subclass instance is copied
  return n ? mk_tuple(to_vec(a[0])) : mk_tuple();
}

static Value new_dict(Interp&, Value* a, int n, KwArgs* kw) {
  check_args("dict", n, 0, 1);
  Value d = mk_dict();
  auto* dd = d.as<DictObj>();
  if (n) {
    if (a[0].is(OK::Dict)) a[0].as<DictObj>()->for_each([&](const Value& k, const Value& v) { dd->set(k, v); });
    else if (a[0].is(OK::Inst) && a[0].o->type->find("keys")) {
      Value keys = call0(getattr(a[0], "keys"));
      for_each(keys, [&](const Value& k) { dd->set(k, getitem(a[0], k)); });
    } else {
      for_each(a[0], [&](const Value& item) {
        ValueVec kv = to_vec(item);
        if (kv.size() != 2) raise_id("ValueError", "runtime.dict_update_length", {{"length", std::to_string(kv.size())}});
        dd->set(kv[0], kv[1]);
      });
    }
  }
  if (kw) for (auto& [k, v] : kw->items) dd->set(k, v);
  return d;
}

static Value new_bytes(Interp&, Value* a, int n, KwArgs* kw) {
  if (n == 0) return mk_bytes("");
  if (a[0].is(OK::Str)) {  // bytes(text, encoding[, errors]): text.encode(encoding, errors)
    Value enc = n > 1 ? a[1] : kw_find(kw, "encoding") ? *kw_find(kw, "encoding") : Value();
    if (enc.is_none()) raise_id("TypeError", "runtime.string_without_encoding");
    Value args[2] = {enc, n > 2 ? a[2] : kw_find(kw, "errors") ? *kw_find(kw, "errors") : mk_str("strict")};
    return call(getattr(a[0], "encode"), args, 2);
  }
  if (a[0].is(OK::Bytes)) return a[0].o->type == I->t_bytes ? a[0] : mk_bytes(a[0].as<BytesObj>()->s);
  if (is_intlike(a[0])) return mk_bytes(std::string((size_t)as_index(a[0]), '\0'));
  std::string s;
  for_each(a[0], [&](const Value& x) {
    int64_t c = as_index(x);
    if (c < 0 || c > 255) raise_id("ValueError", "runtime.bytes_range");
    s += (char)c;
  });
  return mk_bytes(std::move(s));
}

static Value new_range(Interp&, Value* a, int n, KwArgs*) {
  check_args("range", n, 1, 3);
  int64_t start = 0, stop, step = 1;
  if (n == 1) stop = as_index(a[0]);
  else { start = as_index(a[0]); stop = as_index(a[1]); if (n == 3) step = as_index(a[2]); }
  if (step == 0) raise_id("ValueError", "runtime.range_step_zero");
  return Value::obj(new RangeObj(start, stop, step));
}

static Value new_slice(Interp&, Value* a, int n, KwArgs*) {
  check_args("slice", n, 1, 3);
  if (n == 1) return Value::obj(new SliceObj(Value(), a[0], Value()));
  return Value::obj(new SliceObj(a[0], a[1], n > 2 ? a[2] : Value()));
}

static Value new_object(Interp&, Value*, int n, KwArgs*) {
  check_args("object", n, 0, 0);
  return make_instance(I->t_object);
}

static Value new_type(Interp&, Value* a, int n, KwArgs*) {
  if (n == 1) return Value::obj(type_of(a[0]));
  check_args("type", n, 3, 3);
  ValueVec bases = to_vec(a[1]);
  Ref<DictObj> ns(new DictObj());
  a[2].as<DictObj>()->for_each([&](const Value& k, const Value& v) { ns->set(k, v); });
  return make_class(str_of(a[0]), std::move(bases), ns);
}

static Value new_property(Interp&, Value* a, int n, KwArgs* kw) {
  auto* p = new PropertyObj();
  Value pv = Value::obj(p);
  if (n > 0) p->fget = a[0];
  if (n > 1) p->fset = a[1];
  if (n > 2) p->fdel = a[2];
  if (const Value* v = kw_find(kw, "fget")) p->fget = *v;
  if (const Value* v = kw_find(kw, "fset")) p->fset = *v;
  return pv;
}

static Value new_staticmethod(Interp&, Value* a, int n, KwArgs*) {
  check_args("staticmethod", n, 1, 1);
  return Value::obj(new WrapperObj(OK::StaticMethod, a[0]));
}

static Value new_classmethod(Interp&, Value* a, int n, KwArgs*) {
  check_args("classmethod", n, 1, 1);
  return Value::obj(new WrapperObj(OK::ClassMethod, a[0]));
}

static Value new_super(Interp&, Value* a, int n, KwArgs*) {
  check_args("super", n, 2, 2);
  if (!a[0].is(OK::Class)) raise_id("TypeError", "runtime.super_not_type", {{"type", type_name(a[0])}});
  return Value::obj(new SuperObj(a[0].as<ClassObj>(), a[1]));
}

static Value property_setter(Interp&, Value* a, int n, KwArgs*) {
  check_args("setter", n, 2, 2);
  auto* old = a[0].as<PropertyObj>();
  auto* p = new PropertyObj();
  Value pv = Value::obj(p);
  p->fget = old->fget;
  p->fset = a[1];
  p->fdel = old->fdel;
  return pv;
}

static Value property_getter(Interp&, Value* a, int n, KwArgs*) {
  check_args("getter", n, 2, 2);
  auto* old = a[0].as<PropertyObj>();
  auto* p = new PropertyObj();
  Value pv = Value::obj(p);
  p->fget = a[1];
  p->fset = old->fset;
  p->fdel = old->fdel;
  return pv;
}

static Value property_deleter(Interp&, Value* a, int n, KwArgs*) {
  check_args("deleter", n, 2, 2);
  auto* old = a[0].as<PropertyObj>();
  auto* p = new PropertyObj();
  Value pv = Value::obj(p);
  p->fget = old->fget;
  p->fset = old->fset;
  p->fdel = a[1];
  return pv;
}

static Value set_from(bool frozen, Value* a, int n) {
  check_args(frozen ? "frozenset" : "set", n, 0, 1);
  if (frozen && n && a[0].is(OK::FrozenSet)) return a[0];
  Value s = mk_set(frozen);
  if (n) s.as<SetObj>()->update(a[0]);
  return s;
}
static Value new_set(Interp&, Value* a, int n, KwArgs*) { return set_from(false, a, n); }
static Value new_frozenset(Interp&, Value* a, int n, KwArgs*) { return set_from(true, a, n); }

// Each builtin class's constructor (what calling the class does), registered as its __ctor__.
struct BuiltinCtor {
  ClassObj* Interp::*type;
  BuiltinFn fn;
};
static const BuiltinCtor kConstructors[] = {
    {&Interp::t_int, new_int},
    {&Interp::t_float, new_float},
    {&Interp::t_str, new_str},
    {&Interp::t_bool, new_bool},
    {&Interp::t_list, new_list},
    {&Interp::t_tuple, new_tuple},
    {&Interp::t_set, new_set},
    {&Interp::t_frozenset, new_frozenset},
    {&Interp::t_dict, new_dict},
    {&Interp::t_bytes, new_bytes},
    {&Interp::t_range, new_range},
    {&Interp::t_slice, new_slice},
    {&Interp::t_object, new_object},
    {&Interp::t_type, new_type},
    {&Interp::t_property, new_property},
    {&Interp::t_staticmethod, new_staticmethod},
    {&Interp::t_classmethod, new_classmethod},
    {&Interp::t_super, new_super},
};

static const NamedBuiltin kObjectMethods[] = {
    {"__init__", object___init__},
    {"__str__", object___str__},
    {"__eq__", object___eq__},
    {"__ne__", object___ne__},
    {"__hash__", object___hash__},
    {"__setattr__", object___setattr__},
    {"__getattribute__", object___getattribute__},
    {"__repr__", object___repr__},
    {"__format__", object___format__},
    {"__delattr__", object___delattr__},
};

static const NamedBuiltin kPropertyMethods[] = {
    {"setter", property_setter},
    {"getter", property_getter},
    {"deleter", property_deleter},
};

// object's own methods (object.__init__, __new__, __eq__, __setattr__, ...) and BaseException's.
static void init_object_and_exception_methods(Interp& in, DictObj* b) {
  ClassObj* t_object = in.t_object;
  auto& exc = in.exc;
  // object's methods
  for (const NamedBuiltin& m : kObjectMethods) def_method(t_object, m.name, m.fn);
  t_object->dict->find(str_key("__init__"))->as<NativeObj>()->name = "object.__init__";
  // object.__new__(cls, *args): a bare instance of cls, or for a subclass of a builtin type
  // (tuple, list, dict, set) that type's value built from args and given the class cls; so a
  // user __new__ can call object.__new__ / tuple.__new__ / super().__new__.
  t_object->dict->set(str_key("__new__"), Value::obj(new WrapperObj(OK::StaticMethod, Value::obj(new NativeObj("object.__new__",
      [](Interp&, Value* a, int n, KwArgs* kw) -> Value {
        if (n < 1 || !a[0].is(OK::Class)) raise_id("TypeError", "runtime.object_new_not_type");
        auto* cls = a[0].as<ClassObj>();
        ClassObj* base = cls->builtin ? cls : cls->builtin_base;
        if (!base || base == I->t_object || cls->is_exception) {
          Value obj = make_instance(cls);
          if (cls->is_exception) obj.as<InstObj>()->set_attr("args", mk_tuple(ValueVec(a + 1, a + n)));
          return obj;
        }
        const Value* ctor = base->dict->find_str("__ctor__", str_hash_sv("__ctor__"));
        if (!ctor) raise_id("TypeError", "runtime.cannot_create_instances", {{"type", cls->name}});
        Value obj = call(*ctor, a + 1, n - 1, kw);
        return retype_builtin(obj, cls);
      })))));
  // these generic ones must not shadow the protocol's defaults for builtin instances
  t_object->dict->erase(str_key("__str__"));
  t_object->dict->erase(str_key("__repr__"));
  t_object->dict->erase(str_key("__eq__"));
  t_object->dict->erase(str_key("__hash__"));
  t_object->dict->erase(str_key("__format__"));
  // object.__setattr__ / __delattr__ stay: they are the raw operations a class's own
  // __setattr__ (a frozen dataclass, a proxy) falls back to; setattr() only calls user ones.

  // exceptions: BaseException.__init__ stores args
  def_method(exc["BaseException"], "__init__", [](Interp&, Value* a, int n, KwArgs*) -> Value {
    if (a[0].is(OK::Inst)) a[0].as<InstObj>()->set_attr("args", mk_tuple(ValueVec(a + 1, a + n)));
    return Value();
  });
  def_method(exc["BaseException"], "with_traceback", [](Interp&, Value* a, int, KwArgs*) -> Value { return a[0]; });
  for (auto& [name, cls] : exc) b->set(str_key(name), Value::obj(cls));
}

void Interp::init_builtin_types(DictObj* b) {
  for (const BuiltinCtor& c : kConstructors) {
    ClassObj* t = this->*c.type;
    t->dict->set(str_key("__ctor__"), Value::obj(new NativeObj(t->name, c.fn)));
    b->set(str_key(t->name), Value::obj(t));
  }
  for (const NamedBuiltin& m : kPropertyMethods) def_method(t_property, m.name, m.fn);
  init_object_and_exception_methods(*this, b);
}

}  // namespace ml::interp
