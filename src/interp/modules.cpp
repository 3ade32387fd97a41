// Builtin modules: math, functools, collections, itertools, string,
// sys, os.path.
#include <chrono>
#include <cmath>
#include <ctime>
#include <numeric>
#include <thread>

#include "interp/int_str_limit.h"
#include "interp/code.h"
#include "interp/lib/lib_modules.h"

namespace ml::interp {

void sort_list(ValueVec& v, const Value& key, bool reverse);
Value make_class(const std::string& name, ValueVec bases, Ref<DictObj> ns);

#define ARGS Interp &, Value *a, int n, KwArgs *kw

static Value new_module(const std::string& name) {
  auto* m = new ModuleObj(name);
  Value v = Value::obj(m);
  I->modules[name] = v;
  return v;
}
static DictObj* MD(const Value& m) { return m.as<ModuleObj>()->dict.get(); }

// ---------------------------------------------------------------- math
static double D1(Value* a, int n, const char* name) {
  check_args(name, n, 1, 1);
  return to_double(a[0]);
}
static Value math_result(double r) {
  if (std::isnan(r)) raise_id("ValueError", "runtime.math_domain");
  if (std::isinf(r)) raise_id("OverflowError", "runtime.math_range");
  return Value::flt(r);
}


// floor/ceil/trunc, log, pow, atan2, hypot, fmod, modf, factorial.
static void init_math_rounding_and_powers(DictObj* d) {
  auto to_int_val = [](double r) -> Value {
    if (std::isnan(r)) raise_id("ValueError", "runtime.float_nan_to_int");
    if (std::isinf(r)) raise_id("OverflowError", "runtime.float_inf_to_int");
    if (std::fabs(r) < 9.2e18) return Value::integer((int64_t)r);
    mpz_t z; mpz_init(z); mpz_set_d(z, r);
    Value v = int_from_mpz(z);
    mpz_clear(z);
    return v;
  };
  def_native(d, "floor", [to_int_val](ARGS) -> Value {
    check_args("floor", n, 1, 1);
    if (is_intlike(a[0])) return a[0].t == VT::Bool ? Value::integer(a[0].b) : a[0];
    if (a[0].is(OK::Inst)) if (const Value* f = a[0].o->type->find("__floor__")) return call1(*f, a[0]);
    return to_int_val(std::floor(to_double(a[0])));
  });
  def_native(d, "ceil", [to_int_val](ARGS) -> Value {
    check_args("ceil", n, 1, 1);
    if (is_intlike(a[0])) return a[0].t == VT::Bool ? Value::integer(a[0].b) : a[0];
    if (a[0].is(OK::Inst)) if (const Value* f = a[0].o->type->find("__ceil__")) return call1(*f, a[0]);
    return to_int_val(std::ceil(to_double(a[0])));
  });
  def_native(d, "trunc", [to_int_val](ARGS) -> Value {
    check_args("trunc", n, 1, 1);
    if (is_intlike(a[0])) return a[0];
    return to_int_val(std::trunc(to_double(a[0])));
  });
  def_native(d, "log", [](ARGS) -> Value {
    check_args("log", n, 1, 2);
    double x;
    if (a[0].is(OK::Big)) {
      // log of a big int: use size in bits to avoid overflow
      long e;
      double m = mpz_get_d_2exp(&e, a[0].as<BigObj>()->z);
      if (m <= 0) raise_id("ValueError", "runtime.math_domain");
      x = std::log(m) + (double)e * std::log(2.0);
    } else {
      double v = to_double(a[0]);
      if (v <= 0) raise_id("ValueError", "runtime.math_domain");
      x = std::log(v);
    }
    if (n == 2) {
      double b = to_double(a[1]);
      if (b <= 0 || b == 1) raise_id("ValueError", "runtime.math_domain");
      return Value::flt(x / std::log(b));
    }
    return Value::flt(x);
  });
  def_native(d, "pow", [](ARGS) -> Value {
    check_args("pow", n, 2, 2);
    double x = to_double(a[0]), y = to_double(a[1]);
    if (x < 0 && y != std::floor(y)) raise_id("ValueError", "runtime.math_domain");
    if (x == 0 && y < 0) raise_id("ValueError", "runtime.math_domain");
    return math_result(std::pow(x, y));
  });
  def_native(d, "atan2", [](ARGS) -> Value { check_args("atan2", n, 2, 2); return Value::flt(std::atan2(to_double(a[0]), to_double(a[1]))); });
  def_native(d, "hypot", [](ARGS) -> Value {
    double s = 0;
    for (int i = 0; i < n; ++i) { double x = to_double(a[i]); s += x * x; }
    return Value::flt(n == 2 ? std::hypot(to_double(a[0]), to_double(a[1])) : std::sqrt(s));
  });
  def_native(d, "copysign", [](ARGS) -> Value { check_args("copysign", n, 2, 2); return Value::flt(std::copysign(to_double(a[0]), to_double(a[1]))); });
  def_native(d, "fmod", [](ARGS) -> Value {
    check_args("fmod", n, 2, 2);
    double y = to_double(a[1]);
    if (y == 0) raise_id("ValueError", "runtime.math_domain");
    return Value::flt(std::fmod(to_double(a[0]), y));
  });
  def_native(d, "modf", [](ARGS) -> Value {
    double ip;
    double fp = std::modf(D1(a, n, "modf"), &ip);
    return mk_tuple({Value::flt(fp), Value::flt(ip)});
  });
  def_native(d, "factorial", [](ARGS) -> Value {
    check_args("factorial", n, 1, 1);
    if (a[0].t == VT::Float) raise_id("TypeError", "runtime.not_integer", {{"type", "float"}});
    int64_t k = as_index(a[0]);
    if (k < 0) raise_id("ValueError", "runtime.factorial_negative");
    mpz_t z;
    mpz_init(z);
    mpz_fac_ui(z, (unsigned long)k);
    Value r = int_from_mpz(z);
    mpz_clear(z);
    return r;
  });
}


// gcd/lcm, isqrt, comb/perm, prod, fsum, isclose, dist.
static void init_math_integers_and_sums(DictObj* d) {
  auto gcd2 = [](const Value& x, const Value& y) {
    mpz_t p, q;
    mpz_init(p); mpz_init(q);
    to_mpz(x, p); to_mpz(y, q);
    mpz_gcd(p, p, q);
    Value r = int_from_mpz(p);
    mpz_clear(p); mpz_clear(q);
    return r;
  };
  def_native(d, "gcd", [gcd2](ARGS) -> Value {
    Value r = Value::integer(0);
    for (int i = 0; i < n; ++i) r = gcd2(r, a[i]);
    return r;
  });
  def_native(d, "lcm", [gcd2](ARGS) -> Value {
    Value r = Value::integer(1);
    for (int i = 0; i < n; ++i) {
      if (eq(a[i], Value::integer(0))) return Value::integer(0);
      Value g = gcd2(r, a[i]);
      r = binop(ast::BinOp::FloorDiv, binop(ast::BinOp::Mul, r, a[i]), g);
      if (lt(r, Value::integer(0))) r = unary(ast::UnaryOp::Neg, r);
    }
    return r;
  });
  def_native(d, "isqrt", [](ARGS) -> Value {
    check_args("isqrt", n, 1, 1);
    mpz_t z;
    mpz_init(z);
    to_mpz(a[0], z);
    if (mpz_sgn(z) < 0) { mpz_clear(z); raise_id("ValueError", "runtime.isqrt_negative"); }
    mpz_sqrt(z, z);
    Value r = int_from_mpz(z);
    mpz_clear(z);
    return r;
  });
  def_native(d, "comb", [](ARGS) -> Value {
    check_args("comb", n, 2, 2);
    int64_t nn = as_index(a[0]), k = as_index(a[1]);
    if (nn < 0 || k < 0) raise_id("ValueError", "runtime.comb_negative");
    if (k > nn) return Value::integer(0);
    mpz_t z;
    mpz_init(z);
    mpz_bin_uiui(z, (unsigned long)nn, (unsigned long)k);
    Value r = int_from_mpz(z);
    mpz_clear(z);
    return r;
  });
  def_native(d, "perm", [](ARGS) -> Value {
    check_args("perm", n, 1, 2);
    int64_t nn = as_index(a[0]), k = n > 1 && !a[1].is_none() ? as_index(a[1]) : nn;
    if (k > nn) return Value::integer(0);
    Value r = Value::integer(1);
    for (int64_t i = nn - k + 1; i <= nn; ++i) r = binop(ast::BinOp::Mul, r, Value::integer(i));
    return r;
  });
  def_native(d, "prod", [](ARGS) -> Value {
    Value r = kw_find(kw, "start") ? kw_get(kw, "start") : Value::integer(1);
    for_each(a[0], [&](const Value& x) { r = binop(ast::BinOp::Mul, r, x); });
    return r;
  });
  def_native(d, "fsum", [](ARGS) -> Value {
    // Neumaier summation (exact enough for common cases)
    double s = 0, c = 0;
    for_each(a[0], [&](const Value& x) {
      double v = to_double(x);
      double t = s + v;
      if (std::fabs(s) >= std::fabs(v)) c += (s - t) + v;
      else c += (v - t) + s;
      s = t;
    });
    return Value::flt(s + c);
  });
  def_native(d, "isclose", [](ARGS) -> Value {
    check_args("isclose", n, 2, 2);
    double x = to_double(a[0]), y = to_double(a[1]);
    double rt = kw_find(kw, "rel_tol") ? to_double(kw_get(kw, "rel_tol")) : 1e-9;
    double at = kw_find(kw, "abs_tol") ? to_double(kw_get(kw, "abs_tol")) : 0.0;
    if (x == y) return Value::boolean(true);
    if (std::isinf(x) || std::isinf(y)) return Value::boolean(false);
    double diff = std::fabs(x - y);
    return Value::boolean(diff <= std::fabs(rt * y) || diff <= std::fabs(rt * x) || diff <= at);
  });
  def_native(d, "dist", [](ARGS) -> Value {
    ValueVec p = to_vec(a[0]), q = to_vec(a[1]);
    double s = 0;
    for (size_t i = 0; i < p.size(); ++i) { double t = to_double(p[i]) - to_double(q[i]); s += t * t; }
    return Value::flt(std::sqrt(s));
  });
}

static void init_math() {
  Value m = new_module("math");
  DictObj* d = MD(m);
  d->set(str_key("pi"), Value::flt(M_PI));
  d->set(str_key("e"), Value::flt(M_E));
  d->set(str_key("tau"), Value::flt(2 * M_PI));
  d->set(str_key("inf"), Value::flt(INFINITY));
  d->set(str_key("nan"), Value::flt(NAN));
#define F1(NAME, EXPR) def_native(d, NAME, [](ARGS) -> Value { double x = D1(a, n, NAME); (void)x; return EXPR; })
  F1("sqrt", (x < 0 ? (raise_id("ValueError", "runtime.math_domain"), Value()) : Value::flt(std::sqrt(x))));
  F1("exp", math_result(std::exp(x)));
  F1("sin", math_result(std::sin(x)));
  F1("cos", math_result(std::cos(x)));
  F1("tan", math_result(std::tan(x)));
  F1("asin", math_result(std::asin(x)));
  F1("acos", math_result(std::acos(x)));
  F1("atan", Value::flt(std::atan(x)));
  F1("sinh", math_result(std::sinh(x)));
  F1("cosh", math_result(std::cosh(x)));
  F1("tanh", Value::flt(std::tanh(x)));
  F1("fabs", Value::flt(std::fabs(x)));
  F1("log2", (x <= 0 ? (raise_id("ValueError", "runtime.math_domain"), Value()) : Value::flt(std::log2(x))));
  F1("log10", (x <= 0 ? (raise_id("ValueError", "runtime.math_domain"), Value()) : Value::flt(std::log10(x))));
  F1("log1p", math_result(std::log1p(x)));
  F1("expm1", math_result(std::expm1(x)));
  F1("degrees", Value::flt(x * 180.0 / M_PI));
  F1("radians", Value::flt(x * M_PI / 180.0));
  F1("isnan", Value::boolean(std::isnan(x)));
  F1("isinf", Value::boolean(std::isinf(x)));
  F1("isfinite", Value::boolean(std::isfinite(x)));
  F1("erf", Value::flt(std::erf(x)));
  F1("gamma", math_result(std::tgamma(x)));
  F1("erfc", Value::flt(std::erfc(x)));
  F1("acosh", math_result(std::acosh(x)));
  F1("asinh", Value::flt(std::asinh(x)));
  F1("atanh", (std::fabs(x) >= 1 ? (raise_id("ValueError", "runtime.math_domain"), Value()) : Value::flt(std::atanh(x))));
  F1("cbrt", Value::flt(std::cbrt(x)));
  F1("exp2", math_result(std::exp2(x)));
  F1("lgamma", (x <= 0 && x == std::floor(x) ? (raise_id("ValueError", "runtime.math_domain"), Value()) : math_result(std::lgamma(x))));
  F1("ulp", (std::isnan(x) || std::isinf(x) ? Value::flt(std::fabs(x))
             : Value::flt(std::nextafter(std::fabs(x), INFINITY) - std::fabs(x) > 0 && std::isfinite(std::nextafter(std::fabs(x), INFINITY))
                              ? std::nextafter(std::fabs(x), INFINITY) - std::fabs(x)
                              : std::fabs(x) - std::nextafter(std::fabs(x), 0.0))));
  F1("frexp", ([&] {
    int e = 0;
    double m = std::isfinite(x) ? std::frexp(x, &e) : x;
    return mk_tuple({Value::flt(m), Value::integer(e)});
  }()));
#undef F1
  def_native(d, "ldexp", [](ARGS) -> Value {
    check_args("ldexp", n, 2, 2);
    if (!is_intlike(a[1])) raise_id("TypeError", "runtime.ldexp_int");
    double x = to_double(a[0]);
    int64_t e = as_index(a[1]);
    double r = std::ldexp(x, (int)std::clamp<int64_t>(e, -100000, 100000));
    if (std::isinf(r) && std::isfinite(x)) raise_id("OverflowError", "runtime.math_range");
    return Value::flt(r);
  });
  def_native(d, "nextafter", [](ARGS) -> Value {
    check_args("nextafter", n, 2, 2);
    return Value::flt(std::nextafter(to_double(a[0]), to_double(a[1])));
  });
  def_native(d, "remainder", [](ARGS) -> Value {
    check_args("remainder", n, 2, 2);
    double x = to_double(a[0]), y = to_double(a[1]);
    if (std::isinf(x) || y == 0) raise_id("ValueError", "runtime.math_domain");
    return Value::flt(std::remainder(x, y));
  });
  init_math_rounding_and_powers(d);
  init_math_integers_and_sums(d);
}

// ---------------------------------------------------------------- functools / itertools / collections
static ClassObj *t_counter, *t_defaultdict, *t_ordereddict;

static void counter_add(DictObj* d, const Value& k, const Value& inc) {
  Value* cur = d->find(k);
  d->set(k, cur ? binop(ast::BinOp::Add, *cur, inc) : inc);
}

static void init_functools() {
  Value m = new_module("_functools");
  DictObj* d = MD(m);
  def_native(d, "reduce", [](ARGS) -> Value {
    check_args("reduce", n, 2, 3);
    Value it = iter(a[1]);
    Value acc;
    if (n > 2) acc = a[2];
    else if (!next(it, acc)) raise_id("TypeError", "runtime.reduce_empty");
    Value x;
    while (next(it, x)) acc = call2(a[0], acc, x);
    return acc;
  });
  def_native(d, "partial", [](ARGS) -> Value {
    check_args("partial", n, 1, -1);
    Value f = a[0];
    auto bound = std::make_shared<ValueVec>(a + 1, a + n);
    auto bkw = std::make_shared<KwArgs>();
    if (kw) *bkw = *kw;
    return Value::obj(new NativeObj("partial", [f, bound, bkw](ARGS) -> Value {
      ValueVec args = *bound;
      args.insert(args.end(), a, a + n);
      KwArgs k2 = *bkw;
      if (kw) for (auto& it : kw->items) k2.items.push_back(it);
      return call(f, args.data(), (int)args.size(), k2.empty() ? nullptr : &k2);
    }));
  });
  auto identity_deco = [](ARGS) -> Value { return a[0]; };
  def_native(d, "wraps", [](ARGS) -> Value {
    Value wrapped = a[0];
    return Value::obj(new NativeObj("wraps", [wrapped](ARGS) -> Value {
      if (a[0].is(OK::Func) && wrapped.is(OK::Func)) {
        a[0].as<FuncObj>()->name = wrapped.as<FuncObj>()->name;
        a[0].as<FuncObj>()->qualname = wrapped.as<FuncObj>()->qualname;
        a[0].as<FuncObj>()->doc = wrapped.as<FuncObj>()->doc;
      }
      return a[0];
    }));
  });
  def_native(d, "lru_cache", [identity_deco](ARGS) -> Value {
    if (n == 1 && (a[0].is(OK::Func) || a[0].is(OK::Native))) return a[0];
    return Value::obj(new NativeObj("lru_cache", identity_deco));
  });
  def_native(d, "cache", identity_deco);
  def_native(d, "cmp_to_key", [](ARGS) -> Value {
    Value cmp = a[0];
    // key objects: a class with __lt__ calling cmp
    Ref<DictObj> ns(new DictObj());
    def_native(ns.get(), "__init__", [](ARGS) -> Value { setattr(a[0], "obj", a[1]); return Value(); });
    def_native(ns.get(), "__lt__", [cmp](ARGS) -> Value {
      return Value::boolean(lt(call2(cmp, getattr(a[0], "obj"), getattr(a[1], "obj")), Value::integer(0)));
    });
    extern Value make_class(const std::string&, ValueVec, Ref<DictObj>);
    return make_class("K", {}, ns);
  });
}

static Value make_counter(Value* a, int n, KwArgs* kw) {
  Value d = mk_dict();
  d.o->type = t_counter;
  if (n > 0) {
    if (a[0].is(OK::Dict)) a[0].as<DictObj>()->for_each([&](const Value& k, const Value& v) { counter_add(d.as<DictObj>(), k, v); });
    else for_each(a[0], [&](const Value& x) { counter_add(d.as<DictObj>(), x, Value::integer(1)); });
  }
  if (kw) for (auto& [k, v] : kw->items) counter_add(d.as<DictObj>(), k, v);
  return d;
}

static ClassObj* dict_subtype(const std::string& name) {
  auto* c = new ClassObj(name);
  incref(c);
  c->builtin = true;
  c->mro = {c, I->t_dict, I->t_object};
  c->bases.emplace_back(I->t_dict);
  return c;
}

static void init_collections() {
  Value m = new_module("_collections");
  DictObj* d = MD(m);
  t_counter = dict_subtype("Counter");
  t_defaultdict = dict_subtype("defaultdict");
  t_ordereddict = dict_subtype("OrderedDict");
  d->set(str_key("Counter"), Value::obj(t_counter));
  d->set(str_key("defaultdict"), Value::obj(t_defaultdict));
  d->set(str_key("OrderedDict"), Value::obj(t_ordereddict));
  t_counter->dict->set(str_key("__ctor__"), Value::obj(new NativeObj("Counter", [](ARGS) { return make_counter(a, n, kw); })));
  def_method(t_counter, "__missing__", [](ARGS) -> Value { return Value::integer(0); });
  def_method(t_counter, "most_common", [](ARGS) -> Value {
    ValueVec items;
    a[0].as<DictObj>()->for_each([&](const Value& k, const Value& v) { items.push_back(mk_tuple({k, v})); });
    std::stable_sort(items.begin(), items.end(), [](const Value& x, const Value& y) {
      return lt(y.as<TupleObj>()->v[1], x.as<TupleObj>()->v[1]);
    });
    if (n > 1 && !a[1].is_none()) {
      int64_t k = as_index(a[1]);
      if (k < (int64_t)items.size()) items.resize(std::max<int64_t>(0, k));
    }
    return mk_list(std::move(items));
  });
  def_method(t_counter, "update", [](ARGS) -> Value {
    if (n > 1) {
      if (a[1].is(OK::Dict)) a[1].as<DictObj>()->for_each([&](const Value& k, const Value& v) { counter_add(a[0].as<DictObj>(), k, v); });
      else for_each(a[1], [&](const Value& x) { counter_add(a[0].as<DictObj>(), x, Value::integer(1)); });
    }
    return Value();
  });
  def_method(t_counter, "elements", [](ARGS) -> Value {
    ValueVec out;
    a[0].as<DictObj>()->for_each([&](const Value& k, const Value& v) { for (int64_t i = 0; i < as_index(v); ++i) out.push_back(k); });
    return iter(mk_list(std::move(out)));
  });
  def_method(t_counter, "total", [](ARGS) -> Value {
    Value s = Value::integer(0);
    a[0].as<DictObj>()->for_each([&](const Value&, const Value& v) { s = binop(ast::BinOp::Add, s, v); });
    return s;
  });
  t_defaultdict->dict->set(str_key("__ctor__"), Value::obj(new NativeObj("defaultdict", [](ARGS) -> Value {
    Value d2 = mk_dict();
    d2.o->type = t_defaultdict;
    if (n > 0) d2.as<DictObj>()->default_factory = a[0];
    if (n > 1) a[1].as<DictObj>()->for_each([&](const Value& k, const Value& v) { d2.as<DictObj>()->set(k, v); });
    return d2;
  })));
  def_method(t_defaultdict, "__missing__", [](ARGS) -> Value {
    auto* dd = a[0].as<DictObj>();
    if (dd->default_factory.is_none()) throw PyError(make_exception(I->e("KeyError"), ValueVec{a[1]}));
    Value v = call0(dd->default_factory);
    dd->set(a[1], v);
    return v;
  });
  t_ordereddict->dict->set(str_key("__ctor__"), Value::obj(new NativeObj("OrderedDict", [](ARGS) -> Value {
    Value dict_ctor = *I->t_dict->dict->find(str_key("__ctor__"));
    Value d = call(dict_ctor, a, n, kw);  // always a new dict
    d.o->type = t_ordereddict;
    return d;
  })));
  init_deque(d);
  // OrderedDict's own methods: reordering and popping from either end.
  def_method(t_ordereddict, "move_to_end", [](ARGS) -> Value {
    check_args("move_to_end", n, 2, 3);
    auto* d = a[0].as<DictObj>();
    bool last = n > 2 ? truthy(a[2]) : (kw_find(kw, "last") ? truthy(*kw_find(kw, "last")) : true);
    Value* v = d->find(a[1]);
    if (!v) throw PyError(make_exception(I->e("KeyError"), ValueVec{a[1]}));
    Value keep = *v;
    d->erase(a[1]);
    if (last) { d->set(a[1], keep); return Value(); }
    std::vector<std::pair<Value, Value>> rest;
    d->for_each([&](const Value& k, const Value& x) { rest.emplace_back(k, x); });
    d->clear();
    d->set(a[1], keep);
    for (auto& [k, x] : rest) d->set(k, x);
    return Value();
  });
  def_method(t_ordereddict, "popitem", [](ARGS) -> Value {
    auto* d = a[0].as<DictObj>();
    bool last = n > 1 ? truthy(a[1]) : (kw_find(kw, "last") ? truthy(*kw_find(kw, "last")) : true);
    if (d->size() == 0) throw PyError(make_exception(I->e("KeyError"), ValueVec{mk_str(msg("runtime.dict_empty"))}));
    Value key, val;
    bool found = false;
    d->for_each([&](const Value& k, const Value& x) {
      if (!last && found) return;
      key = k;
      val = x;
      found = true;
    });
    d->erase(key);
    return mk_tuple({key, val});
  });
  def_method(t_ordereddict, "fromkeys", [](ARGS) -> Value {
    int skip = n > 0 && a[0].is(OK::Class) ? 1 : 0;
    Value d = call(Value::obj(t_ordereddict), nullptr, 0);
    Value fill = n > skip + 1 ? a[skip + 1] : Value();
    for_each(a[skip], [&](const Value& k) { d.as<DictObj>()->set(k, fill); });
    return d;
  });
  // Their reprs, as Python's (3.11): Counter({...}) by count, OrderedDict([(k, v), ...]),
  // defaultdict(factory, {...}), deque([...]); a subclass shows its own name.
  auto plain_dict = [](const Value& v) {
    Value d = mk_dict();
    v.as<DictObj>()->for_each([&](const Value& k, const Value& x) { d.as<DictObj>()->set(k, x); });
    return d;
  };
  def_method(t_counter, "__repr__", [plain_dict](ARGS) -> Value {
    if (a[0].as<DictObj>()->size() == 0) return mk_str(type_name(a[0]) + "()");
    Value items = call0(getattr(a[0], "most_common"));
    Value d = mk_dict();
    for_each(items, [&](const Value& kv) { d.as<DictObj>()->set(kv.as<TupleObj>()->v[0], kv.as<TupleObj>()->v[1]); });
    return mk_str(type_name(a[0]) + "(" + repr(d) + ")");
  });
  def_method(t_ordereddict, "__repr__", [](ARGS) -> Value {
    if (a[0].as<DictObj>()->size() == 0) return mk_str(type_name(a[0]) + "()");
    ValueVec items;
    a[0].as<DictObj>()->for_each([&](const Value& k, const Value& x) { items.push_back(mk_tuple({k, x})); });
    return mk_str(type_name(a[0]) + "(" + repr(mk_list(std::move(items))) + ")");
  });
  def_method(t_defaultdict, "__repr__", [plain_dict](ARGS) -> Value {
    return mk_str(type_name(a[0]) + "(" + repr(a[0].as<DictObj>()->default_factory) + ", " + repr(plain_dict(a[0])) + ")");
  });
  // namedtuple is written in the language (stdlib/_namedtuple.py: a real tuple subclass);
  // imported on first use so programs that never call it do not pay for it.
  def_native(d, "namedtuple", [](ARGS) -> Value {
    return call(getattr(import_module("_namedtuple"), "namedtuple"), a, n, kw);
  });
}

static void init_itertools() {
  Value m = new_module("_itertools");
  DictObj* d = MD(m);
  def_native(d, "count", [](ARGS) -> Value {
    Value cur = n > 0 ? a[0] : Value::integer(0), step = n > 1 ? a[1] : Value::integer(1);
    return Value::obj(new IterObj([cur, step](Value& out) mutable {
      out = cur;
      cur = binop(ast::BinOp::Add, cur, step);
      return true;
    }));
  });
  def_native(d, "chain", [](ARGS) -> Value {
    auto its = std::make_shared<ValueVec>(a, a + n);
    size_t idx = 0;
    Value cur;
    return Value::obj(new IterObj([its, idx, cur](Value& out) mutable {
      while (true) {
        if (cur.is_none()) {
          if (idx >= its->size()) return false;
          cur = iter((*its)[idx++]);
        }
        if (next(cur, out)) return true;
        cur = Value();
      }
    }));
  });
  def_native(d, "repeat", [](ARGS) -> Value {
    Value x = a[0];
    int64_t times = n > 1 ? as_index(a[1]) : -1;
    return Value::obj(new IterObj([x, times](Value& out) mutable {
      if (times == 0) return false;
      if (times > 0) --times;
      out = x;
      return true;
    }));
  });
  def_native(d, "islice", [](ARGS) -> Value {
    Value it = iter(a[0]);
    int64_t start = 0, stop = -1, step = 1;
    if (n == 2) stop = a[1].is_none() ? -1 : as_index(a[1]);
    else if (n >= 3) { start = a[1].is_none() ? 0 : as_index(a[1]); stop = a[2].is_none() ? -1 : as_index(a[2]); if (n > 3) step = as_index(a[3]); }
    int64_t pos = 0, nexti = start;
    return Value::obj(new IterObj([it, stop, step, pos, nexti](Value& out) mutable {
      while (stop < 0 || pos < stop) {
        Value x;
        if (!next(it, x)) return false;
        int64_t p = pos++;
        if (p == nexti) { nexti += step; out = x; return true; }
      }
      return false;
    }));
  });
  def_native(d, "product", [](ARGS) -> Value {
    std::vector<ValueVec> pools;
    int64_t rep = kw_find(kw, "repeat") ? as_index(kw_get(kw, "repeat")) : 1;
    for (int64_t r = 0; r < rep; ++r)
      for (int i = 0; i < n; ++i) pools.push_back(to_vec(a[i]));
    std::vector<ValueVec> result{{}};
    for (auto& pool : pools) {
      std::vector<ValueVec> next_r;
      for (auto& prefix : result)
        for (auto& x : pool) { ValueVec t = prefix; t.push_back(x); next_r.push_back(std::move(t)); }
      result = std::move(next_r);
    }
    ValueVec out;
    for (auto& r : result) out.push_back(mk_tuple(r));
    return iter(mk_list(std::move(out)));
  });
  def_native(d, "permutations", [](ARGS) -> Value {
    ValueVec pool = to_vec(a[0]);
    size_t r = n > 1 && !a[1].is_none() ? (size_t)as_index(a[1]) : pool.size();
    ValueVec out;
    std::vector<size_t> idx;
    std::vector<bool> used(pool.size(), false);
    std::function<void()> rec = [&]() {
      if (idx.size() == r) {
        ValueVec t;
        for (size_t i : idx) t.push_back(pool[i]);
        out.push_back(mk_tuple(std::move(t)));
        return;
      }
      for (size_t i = 0; i < pool.size(); ++i) {
        if (used[i]) continue;
        used[i] = true; idx.push_back(i);
        rec();
        idx.pop_back(); used[i] = false;
      }
    };
    if (r <= pool.size()) rec();
    return iter(mk_list(std::move(out)));
  });
  def_native(d, "combinations", [](ARGS) -> Value {
    ValueVec pool = to_vec(a[0]);
    size_t r = (size_t)as_index(a[1]);
    ValueVec out;
    std::vector<size_t> idx;
    std::function<void(size_t)> rec = [&](size_t start) {
      if (idx.size() == r) {
        ValueVec t;
        for (size_t i : idx) t.push_back(pool[i]);
        out.push_back(mk_tuple(std::move(t)));
        return;
      }
      for (size_t i = start; i < pool.size(); ++i) { idx.push_back(i); rec(i + 1); idx.pop_back(); }
    };
    rec(0);
    return iter(mk_list(std::move(out)));
  });
  def_native(d, "accumulate", [](ARGS) -> Value {
    ValueVec items = to_vec(a[0]);
    Value f = n > 1 ? a[1] : kw_get(kw, "func");
    ValueVec out;
    Value acc;
    for (size_t i = 0; i < items.size(); ++i) {
      acc = i == 0 ? items[0] : (f.is_none() ? binop(ast::BinOp::Add, acc, items[i]) : call2(f, acc, items[i]));
      out.push_back(acc);
    }
    return iter(mk_list(std::move(out)));
  });
  def_native(d, "zip_longest", [](ARGS) -> Value {
    std::vector<ValueVec> cols;
    size_t mx = 0;
    for (int i = 0; i < n; ++i) { cols.push_back(to_vec(a[i])); mx = std::max(mx, cols.back().size()); }
    Value fill = kw_get(kw, "fillvalue");
    ValueVec out;
    for (size_t r = 0; r < mx; ++r) {
      ValueVec row;
      for (auto& c : cols) row.push_back(r < c.size() ? c[r] : fill);
      out.push_back(mk_tuple(std::move(row)));
    }
    return iter(mk_list(std::move(out)));
  });
  def_native(d, "groupby", [](ARGS) -> Value {
    ValueVec items = to_vec(a[0]);
    Value key = n > 1 ? a[1] : kw_get(kw, "key");
    ValueVec out;
    size_t i = 0;
    while (i < items.size()) {
      Value k = key.is_none() ? items[i] : call1(key, items[i]);
      ValueVec grp;
      while (i < items.size()) {
        Value k2 = key.is_none() ? items[i] : call1(key, items[i]);
        if (!eq(k, k2)) break;
        grp.push_back(items[i++]);
      }
      out.push_back(mk_tuple({k, iter(mk_list(std::move(grp)))}));
    }
    return iter(mk_list(std::move(out)));
  });
}

static void init_misc_modules() {
  Value s = new_module("_string");
  DictObj* d = MD(s);
  d->set(str_key("ascii_lowercase"), mk_str("abcdefghijklmnopqrstuvwxyz"));
  d->set(str_key("ascii_uppercase"), mk_str("ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
  d->set(str_key("ascii_letters"), mk_str("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"));
  d->set(str_key("digits"), mk_str("0123456789"));
  d->set(str_key("hexdigits"), mk_str("0123456789abcdefABCDEF"));
  d->set(str_key("octdigits"), mk_str("01234567"));
  d->set(str_key("punctuation"), mk_str("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"));
  d->set(str_key("whitespace"), mk_str(" \t\n\r\x0b\x0c"));
  d->set(str_key("printable"), mk_str("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \t\n\r\x0b\x0c"));
  def_native(d, "capwords", [](ARGS) -> Value {
    Value words = call0(getattr(a[0], "split"));
    ValueVec out;
    for_each(words, [&](const Value& w) { out.push_back(call0(getattr(w, "capitalize"))); });
    return call1(getattr(mk_str(" "), "join"), mk_list(std::move(out)));
  });

  Value sys = new_module("sys");
  DictObj* sd = MD(sys);
  def_native(sd, "exit", [](ARGS) -> Value {
    throw PyError(make_exception(I->e("SystemExit"), n ? ValueVec{a[0]} : ValueVec{}));
  });
  def_native(sd, "getrecursionlimit", [](Interp& in, Value*, int, KwArgs*) -> Value { return Value::integer(in.recursion_limit); });
  def_native(sd, "setrecursionlimit", [](Interp& in, Value* a, int, KwArgs*) -> Value {
    in.recursion_limit = (int)std::min<int64_t>(as_index(a[0]), 20000);
    return Value();
  });
  set_max_str_digits(kDefaultMaxStrDigits);  // each interpreter starts at Python's default
  def_native(sd, "get_int_max_str_digits", [](ARGS) -> Value { return Value::integer(max_str_digits()); });
  def_native(sd, "set_int_max_str_digits", [](ARGS) -> Value {
    int64_t d = n ? as_index(a[0]) : kDefaultMaxStrDigits;
    if (d != 0 && d < kMaxStrDigitsThreshold)
      raise_id("ValueError", "runtime.int_max_str_digits_range", {{"min", std::to_string(kMaxStrDigitsThreshold)}});
    set_max_str_digits(int(std::min<int64_t>(d, INT32_MAX)));
    return Value();
  });
  sd->set(str_key("argv"), mk_list());
  sd->set(str_key("maxsize"), Value::integer(INT64_MAX));
  sd->set(str_key("version"), mk_str("3.11 (multilingual)"));
  sd->set(str_key("platform"), mk_str("linux"));
  init_sys_streams(sd);

  init_os();  // lib/os.cpp
}

void init_modules() {
  {  // builtins: the module whose namespace is the builtins themselves
    Value b = new_module("builtins");
    b.as<ModuleObj>()->dict = I->builtins;
  }
  init_math();
  init_json();  // lib/json.cpp
  init_traceback();
  init_random();  // lib/random.cpp
  init_time();  // lib/time.cpp
  init_datetime();  // lib/datetime.cpp
  init_functools();
  init_collections();
  init_itertools();
  init_misc_modules();
  init_re();
  init_struct();
}

}  // namespace ml::interp
