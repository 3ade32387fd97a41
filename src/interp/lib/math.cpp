// math: the C library's functions with Python's errors (ValueError for a domain error,
// OverflowError for a range error), and the integer functions on big ints.
#include <cmath>
#include <numeric>

#include "interp/code.h"
#include "interp/int_str_limit.h"
#include "interp/lib/lib_modules.h"
#include "interp/lib/libutil.h"

namespace ml::interp {

void sort_list(ValueVec& v, const Value& key, bool reverse);
Value make_class(const std::string& name, ValueVec bases, Ref<DictObj> ns);

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

void init_math() {
  Value m = lib_module("math");
  DictObj* d = module_dict(m);
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

}  // namespace ml::interp
