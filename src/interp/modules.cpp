// Builtin modules: math, random (CPython-compatible Mersenne Twister), time, datetime,
// asyncio (synchronous), functools, collections, itertools, string, sys, os.path.
#include <chrono>
#include <cmath>
#include <ctime>
#include <numeric>
#include <thread>

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
  if (std::isnan(r)) value_error("math domain error");
  if (std::isinf(r)) raise("OverflowError", "math range error");
  return Value::flt(r);
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
  F1("sqrt", (x < 0 ? (value_error("math domain error"), Value()) : Value::flt(std::sqrt(x))));
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
  F1("log2", (x <= 0 ? (value_error("math domain error"), Value()) : Value::flt(std::log2(x))));
  F1("log10", (x <= 0 ? (value_error("math domain error"), Value()) : Value::flt(std::log10(x))));
  F1("log1p", math_result(std::log1p(x)));
  F1("expm1", math_result(std::expm1(x)));
  F1("degrees", Value::flt(x * 180.0 / M_PI));
  F1("radians", Value::flt(x * M_PI / 180.0));
  F1("isnan", Value::boolean(std::isnan(x)));
  F1("isinf", Value::boolean(std::isinf(x)));
  F1("isfinite", Value::boolean(std::isfinite(x)));
  F1("erf", Value::flt(std::erf(x)));
  F1("gamma", math_result(std::tgamma(x)));
#undef F1
  auto to_int_val = [](double r) -> Value {
    if (std::isnan(r)) value_error("cannot convert float NaN to integer");
    if (std::isinf(r)) raise("OverflowError", "cannot convert float infinity to integer");
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
      if (m <= 0) value_error("math domain error");
      x = std::log(m) + (double)e * std::log(2.0);
    } else {
      double v = to_double(a[0]);
      if (v <= 0) value_error("math domain error");
      x = std::log(v);
    }
    if (n == 2) {
      double b = to_double(a[1]);
      if (b <= 0 || b == 1) value_error("math domain error");
      return Value::flt(x / std::log(b));
    }
    return Value::flt(x);
  });
  def_native(d, "pow", [](ARGS) -> Value {
    check_args("pow", n, 2, 2);
    double x = to_double(a[0]), y = to_double(a[1]);
    if (x < 0 && y != std::floor(y)) value_error("math domain error");
    if (x == 0 && y < 0) value_error("math domain error");
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
    if (y == 0) value_error("math domain error");
    return Value::flt(std::fmod(to_double(a[0]), y));
  });
  def_native(d, "modf", [](ARGS) -> Value {
    double ip;
    double fp = std::modf(D1(a, n, "modf"), &ip);
    return mk_tuple({Value::flt(fp), Value::flt(ip)});
  });
  def_native(d, "factorial", [](ARGS) -> Value {
    check_args("factorial", n, 1, 1);
    if (a[0].t == VT::Float) type_error("'float' object cannot be interpreted as an integer");
    int64_t k = as_index(a[0]);
    if (k < 0) value_error("factorial() not defined for negative values");
    mpz_t z;
    mpz_init(z);
    mpz_fac_ui(z, (unsigned long)k);
    Value r = int_from_mpz(z);
    mpz_clear(z);
    return r;
  });
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
    if (mpz_sgn(z) < 0) { mpz_clear(z); value_error("isqrt() argument must be nonnegative"); }
    mpz_sqrt(z, z);
    Value r = int_from_mpz(z);
    mpz_clear(z);
    return r;
  });
  def_native(d, "comb", [](ARGS) -> Value {
    check_args("comb", n, 2, 2);
    int64_t nn = as_index(a[0]), k = as_index(a[1]);
    if (nn < 0 || k < 0) value_error("n must be a non-negative integer");
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

// ---------------------------------------------------------------- random (MT19937, CPython-compatible)
struct MT {
  uint32_t mt[624];
  int mti = 625;
  void init_genrand(uint32_t s) {
    mt[0] = s;
    for (mti = 1; mti < 624; mti++) mt[mti] = (1812433253U * (mt[mti - 1] ^ (mt[mti - 1] >> 30)) + mti);
  }
  void init_by_array(const std::vector<uint32_t>& key) {
    init_genrand(19650218U);
    size_t i = 1, j = 0, k = std::max<size_t>(624, key.size());
    for (; k; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + (uint32_t)j;
      i++; j++;
      if (i >= 624) { mt[0] = mt[623]; i = 1; }
      if (j >= key.size()) j = 0;
    }
    for (k = 623; k; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i;
      i++;
      if (i >= 624) { mt[0] = mt[623]; i = 1; }
    }
    mt[0] = 0x80000000U;
  }
  uint32_t genrand() {
    static const uint32_t mag01[2] = {0x0U, 0x9908b0dfU};
    uint32_t y;
    if (mti >= 624) {
      int kk;
      for (kk = 0; kk < 624 - 397; kk++) {
        y = (mt[kk] & 0x80000000U) | (mt[kk + 1] & 0x7fffffffU);
        mt[kk] = mt[kk + 397] ^ (y >> 1) ^ mag01[y & 0x1U];
      }
      for (; kk < 623; kk++) {
        y = (mt[kk] & 0x80000000U) | (mt[kk + 1] & 0x7fffffffU);
        mt[kk] = mt[kk + (397 - 624)] ^ (y >> 1) ^ mag01[y & 0x1U];
      }
      y = (mt[623] & 0x80000000U) | (mt[0] & 0x7fffffffU);
      mt[623] = mt[396] ^ (y >> 1) ^ mag01[y & 0x1U];
      mti = 0;
    }
    y = mt[mti++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
  }
  double random() {
    uint32_t a = genrand() >> 5, b = genrand() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }
  // getrandbits(k) for k <= 64
  uint64_t bits(int k) {
    if (k <= 32) return genrand() >> (32 - k);
    uint64_t lo = genrand();
    uint64_t hi = genrand() >> (64 - k);
    return lo | (hi << 32);
  }
  uint64_t below(uint64_t n) {  // _randbelow_with_getrandbits
    if (n == 0) return 0;
    int k = 64 - __builtin_clzll(n);
    uint64_t r = bits(k);
    while (r >= n) r = bits(k);
    return r;
  }
  void seed(const Value& v) {
    mpz_t z;
    mpz_init(z);
    if (v.is(OK::Str)) {
      // CPython (version 2 seeding) uses sha512; approximate with the bytes as a big integer
      mpz_import(z, str_of(v).size(), 1, 1, 0, 0, str_of(v).data());
    } else if (v.t == VT::Float) {
      mpz_set_si(z, (long)hash_value(v));
    } else {
      to_mpz(v, z);
    }
    mpz_abs(z, z);
    std::vector<uint32_t> key;
    size_t count = (mpz_sizeinbase(z, 2) + 31) / 32;
    key.resize(std::max<size_t>(count, 1), 0);
    size_t written = 0;
    mpz_export(key.data(), &written, -1, 4, 0, 0, z);
    if (written == 0) key.assign(1, 0);
    else key.resize(written);
    mpz_clear(z);
    init_by_array(key);
  }
};


// A Random instance keeps its generator's state in a bytes value of its own dict, so the state
// lives and dies with the instance (and subclasses of Random work like any class).
static MT& self_mt(const Value& self) {
  Value* st = self.is(OK::Inst) ? self.as<InstObj>()->dict->find_str("_mt_state", hash_value(str_key("_mt_state"))) : nullptr;
  if (!st || !st->is(OK::Bytes)) type_error("descriptor requires a 'random.Random' object");
  return *reinterpret_cast<MT*>(st->as<BytesObj>()->s.data());
}
static void seed_now(MT& mt) {
  mt.seed(Value::integer((int64_t)std::chrono::high_resolution_clock::now().time_since_epoch().count()));
}
#define MT_SELF MT& g_mt = self_mt(a[0]); ++a; --n

// random.Random and the module functions, which are bound methods of one hidden instance
// (as in CPython, so random.seed(5) then random.random() gives CPython's numbers).
static void init_random() {
  Value m = new_module("random");
  DictObj* md = MD(m);
  Value cv = make_class("Random", {}, Ref<DictObj>(new DictObj()));
  auto* cls = cv.as<ClassObj>();
  incref(cls);
  md->set(str_key("Random"), cv);
  def_method(cls, "__init__", [](ARGS) -> Value {
    a[0].as<InstObj>()->dict->set(str_key("_mt_state"), mk_bytes(std::string(sizeof(MT), '\0')));
    MT& mt = self_mt(a[0]);
    new (&mt) MT();
    Value x = n > 1 ? a[1] : (kw_find(kw, "x") ? *kw_find(kw, "x") : Value());
    if (x.is_none()) seed_now(mt);
    else mt.seed(x);
    return Value();
  });
  def_method(cls, "getstate", [](ARGS) -> Value {
    MT_SELF;
    ValueVec st;
    for (uint32_t w : g_mt.mt) st.push_back(Value::integer(w));
    st.push_back(Value::integer(g_mt.mti));
    return mk_tuple({Value::integer(3), mk_tuple(std::move(st)), Value()});
  });
  def_method(cls, "setstate", [](ARGS) -> Value {
    MT_SELF;
    check_args("setstate", n, 1, 1);
    ValueVec outer = to_vec(a[0]);
    if (outer.size() != 3) value_error("state vector is the wrong size");
    ValueVec st = to_vec(outer[1]);
    if (st.size() != 625) value_error("state vector is the wrong size");
    for (int i = 0; i < 624; ++i) g_mt.mt[i] = (uint32_t)as_index(st[i]);
    g_mt.mti = (int)as_index(st[624]);
    return Value();
  });
  def_method(cls, "randbytes", [](ARGS) -> Value {
    MT_SELF;
    int64_t k = as_index(a[0]);
    if (k < 0) value_error("negative argument not allowed");
    std::string out;
    // CPython: getrandbits(8k) as little-endian bytes, made 32 bits at a time
    for (int64_t i = 0; i < k; i += 4) {
      uint32_t w = g_mt.genrand();
      if (k - i < 4) w >>= 32 - 8 * (k - i);
      for (int b = 0; b < 4 && i + b < k; ++b) out.push_back((char)((w >> (8 * b)) & 0xff));
    }
    return mk_bytes(std::move(out));
  });
  def_method(cls, "seed", [](ARGS) -> Value {
    MT_SELF;
    if (n == 0 || a[0].is_none()) seed_now(g_mt);
    else g_mt.seed(a[0]);
    return Value();
  });
  def_method(cls, "random", [](ARGS) -> Value { MT_SELF; return Value::flt(g_mt.random()); });
  def_method(cls, "getrandbits", [](ARGS) -> Value {
    MT_SELF; return Value::integer((int64_t)g_mt.bits((int)as_index(a[0]))); });
  def_method(cls, "randint", [](ARGS) -> Value {
    MT_SELF;
    check_args("randint", n, 2, 2);
    int64_t lo = as_index(a[0]), hi = as_index(a[1]);
    if (hi < lo) value_error("empty range for randrange() (" + std::to_string(lo) + ", " + std::to_string(hi + 1) + ", " + std::to_string(hi + 1 - lo) + ")");
    return Value::integer(lo + (int64_t)g_mt.below((uint64_t)(hi - lo + 1)));
  });
  def_method(cls, "randrange", [](ARGS) -> Value {
    MT_SELF;
    check_args("randrange", n, 1, 3);
    int64_t start = 0, stop, step = 1;
    if (n == 1) stop = as_index(a[0]);
    else { start = as_index(a[0]); stop = as_index(a[1]); if (n > 2) step = as_index(a[2]); }
    int64_t width = stop - start;
    if (step == 1) {
      if (width <= 0) value_error("empty range for randrange()");
      return Value::integer(start + (int64_t)g_mt.below((uint64_t)width));
    }
    int64_t cnt = step > 0 ? (width + step - 1) / step : (width + step + 1) / step;
    if (cnt <= 0) value_error("empty range for randrange()");
    return Value::integer(start + step * (int64_t)g_mt.below((uint64_t)cnt));
  });
  def_method(cls, "choice", [](ARGS) -> Value {
    MT_SELF;
    check_args("choice", n, 1, 1);
    int64_t len_ = len(a[0]);
    if (len_ == 0) raise("IndexError", "Cannot choose from an empty sequence");
    return getitem(a[0], Value::integer((int64_t)g_mt.below((uint64_t)len_)));
  });
  def_method(cls, "shuffle", [](ARGS) -> Value {
    MT_SELF;
    check_args("shuffle", n, 1, 1);
    auto& v = a[0].as<ListObj>()->v;
    for (size_t i = v.size(); i-- > 1;) {
      size_t j = (size_t)g_mt.below(i + 1);
      std::swap(v[i], v[j]);
    }
    return Value();
  });
  def_method(cls, "uniform", [](ARGS) -> Value {
    MT_SELF;
    double lo = to_double(a[0]), hi = to_double(a[1]);
    return Value::flt(lo + (hi - lo) * g_mt.random());
  });
  def_method(cls, "sample", [](ARGS) -> Value {
    MT_SELF;
    ValueVec pool = to_vec(a[0]);
    int64_t k = as_index(n > 1 ? a[1] : kw_get(kw, "k"));
    if (k < 0 || k > (int64_t)pool.size()) value_error("Sample larger than population or is negative");
    ValueVec out;
    for (int64_t i = 0; i < k; ++i) {
      size_t j = (size_t)g_mt.below(pool.size() - i);
      out.push_back(pool[j]);
      pool[j] = pool[pool.size() - i - 1];
    }
    return mk_list(std::move(out));
  });
  def_method(cls, "choices", [](ARGS) -> Value {
    MT_SELF;
    ValueVec pool = to_vec(a[0]);
    int64_t k = kw_find(kw, "k") ? as_index(kw_get(kw, "k")) : 1;
    ValueVec out;
    for (int64_t i = 0; i < k; ++i) out.push_back(pool[(size_t)std::floor(g_mt.random() * (double)pool.size())]);
    return mk_list(std::move(out));
  });
  def_method(cls, "gauss", [](ARGS) -> Value {
    MT_SELF;
    double mu = n > 0 ? to_double(a[0]) : 0, sigma = n > 1 ? to_double(a[1]) : 1;
    double x2pi = g_mt.random() * 2 * M_PI, g2rad = std::sqrt(-2.0 * std::log(1.0 - g_mt.random()));
    return Value::flt(mu + std::cos(x2pi) * g2rad * sigma);
  });
  Value inst = call(cv, nullptr, 0);
  md->set(str_key("_inst"), inst);
  cls->dict->for_each([&](const Value& k, const Value&) {
    const std::string& name = str_of(k);
    if (name[0] != '_' && name != "getstate" && name != "setstate") md->set(k, getattr(inst, name));
  });
  md->set(str_key("getstate"), getattr(inst, "getstate"));
  md->set(str_key("setstate"), getattr(inst, "setstate"));
}
#undef MT_SELF

// ---------------------------------------------------------------- datetime
static const int kDaysBefore[] = {0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
static bool is_leap(int64_t y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }
static int days_in_month(int64_t y, int64_t m) {
  static const int dim[] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : dim[m];
}
static int64_t ymd_to_ord(int64_t y, int64_t m, int64_t d) {
  int64_t y1 = y - 1;
  return y1 * 365 + y1 / 4 - y1 / 100 + y1 / 400 + kDaysBefore[m] + (m > 2 && is_leap(y) ? 1 : 0) + d;
}
static void ord_to_ymd(int64_t n, int64_t& y, int64_t& m, int64_t& d) {
  // from CPython's _ord2ymd
  n -= 1;
  int64_t n400 = n / 146097; n %= 146097;
  y = n400 * 400 + 1;
  int64_t n100 = n / 36524; n %= 36524;
  int64_t n4 = n / 1461; n %= 1461;
  int64_t n1 = n / 365; n %= 365;
  y += n100 * 100 + n4 * 4 + n1;
  if (n1 == 4 || n100 == 4) { y -= 1; m = 12; d = 31; return; }
  bool leap = n1 == 3 && (n4 != 24 || n100 == 3);
  m = (n + 50) >> 5;
  static const int dim[] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int64_t preceding = kDaysBefore[m] + (m > 2 && leap ? 1 : 0);
  if (preceding > n) {
    m -= 1;
    preceding -= dim[m] + (m == 2 && leap ? 1 : 0);
  }
  d = n - preceding + 1;
}

static ClassObj *t_date, *t_timedelta, *t_datetime;

static int64_t iattr(const Value& o, const char* name) { return as_index(getattr(o, name)); }

static Value make_date(int64_t y, int64_t m, int64_t d, ClassObj* cls = nullptr) {
  if (m < 1 || m > 12) value_error("month must be in 1..12");
  if (d < 1 || d > days_in_month(y, m)) value_error("day is out of range for month");
  if (y < 1 || y > 9999) value_error("year " + std::to_string(y) + " is out of range");
  Value v = make_instance(cls ? cls : t_date);
  auto* in = v.as<InstObj>();
  in->dict->set(str_key("year"), Value::integer(y));
  in->dict->set(str_key("month"), Value::integer(m));
  in->dict->set(str_key("day"), Value::integer(d));
  return v;
}

static Value make_td(int64_t days, int64_t secs, int64_t us) {
  // normalize
  secs += us / 1000000; us %= 1000000;
  if (us < 0) { us += 1000000; secs -= 1; }
  days += secs / 86400; secs %= 86400;
  if (secs < 0) { secs += 86400; days -= 1; }
  Value v = make_instance(t_timedelta);
  auto* in = v.as<InstObj>();
  in->dict->set(str_key("days"), Value::integer(days));
  in->dict->set(str_key("seconds"), Value::integer(secs));
  in->dict->set(str_key("microseconds"), Value::integer(us));
  return v;
}
static void td_parts(const Value& v, int64_t& d, int64_t& s, int64_t& us) { d = iattr(v, "days"); s = iattr(v, "seconds"); us = iattr(v, "microseconds"); }
static double td_total(const Value& v) {
  int64_t d, s, us;
  td_parts(v, d, s, us);
  return (double)d * 86400 + (double)s + (double)us / 1e6;
}

static Value make_dt(int64_t y, int64_t mo, int64_t d, int64_t h, int64_t mi, int64_t s, int64_t us) {
  Value v = make_date(y, mo, d, t_datetime);
  auto* in = v.as<InstObj>();
  if (h < 0 || h > 23) value_error("hour must be in 0..23");
  if (mi < 0 || mi > 59) value_error("minute must be in 0..59");
  if (s < 0 || s > 59) value_error("second must be in 0..59");
  in->dict->set(str_key("hour"), Value::integer(h));
  in->dict->set(str_key("minute"), Value::integer(mi));
  in->dict->set(str_key("second"), Value::integer(s));
  in->dict->set(str_key("microsecond"), Value::integer(us));
  return v;
}
static bool is_dt(const Value& v) { return v.is(OK::Inst) && v.o->type->is_subclass(t_datetime); }
static bool is_date(const Value& v) { return v.is(OK::Inst) && v.o->type->is_subclass(t_date); }
static bool is_td(const Value& v) { return v.is(OK::Inst) && v.o->type->is_subclass(t_timedelta); }

// datetime as (ordinal days, microseconds in day)
static void dt_split(const Value& v, int64_t& ord, int64_t& usec) {
  ord = ymd_to_ord(iattr(v, "year"), iattr(v, "month"), iattr(v, "day"));
  usec = is_dt(v) ? ((iattr(v, "hour") * 60 + iattr(v, "minute")) * 60 + iattr(v, "second")) * 1000000 + iattr(v, "microsecond") : 0;
}
static Value dt_from(int64_t ord, int64_t usec, bool dt) {
  ord += usec / 86400000000LL;
  usec %= 86400000000LL;
  if (usec < 0) { usec += 86400000000LL; ord -= 1; }
  int64_t y, m, d;
  ord_to_ymd(ord, y, m, d);
  if (!dt) return make_date(y, m, d);
  int64_t s = usec / 1000000;
  return make_dt(y, m, d, s / 3600, (s / 60) % 60, s % 60, usec % 1000000);
}

static std::string two(int64_t x) { char b[8]; std::snprintf(b, sizeof b, "%02lld", (long long)x); return b; }

static std::string strftime_impl(const Value& v, const std::string& fmt) {
  static const char* days[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  static const char* months[] = {"", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"};
  int64_t y = iattr(v, "year"), m = iattr(v, "month"), d = iattr(v, "day");
  int64_t h = is_dt(v) ? iattr(v, "hour") : 0, mi = is_dt(v) ? iattr(v, "minute") : 0, s = is_dt(v) ? iattr(v, "second") : 0;
  int64_t us = is_dt(v) ? iattr(v, "microsecond") : 0;
  int64_t wd = (ymd_to_ord(y, m, d) + 6) % 7;
  std::string out;
  for (size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] != '%' || i + 1 >= fmt.size()) { out += fmt[i]; continue; }
    char c = fmt[++i];
    char buf[32];
    switch (c) {
      case 'Y': std::snprintf(buf, sizeof buf, "%04lld", (long long)y); out += buf; break;
      case 'y': out += two(y % 100); break;
      case 'm': out += two(m); break;
      case 'd': out += two(d); break;
      case 'H': out += two(h); break;
      case 'I': out += two(h % 12 == 0 ? 12 : h % 12); break;
      case 'p': out += h < 12 ? "AM" : "PM"; break;
      case 'M': out += two(mi); break;
      case 'S': out += two(s); break;
      case 'f': std::snprintf(buf, sizeof buf, "%06lld", (long long)us); out += buf; break;
      case 'A': out += days[wd]; break;
      case 'a': out += std::string(days[wd]).substr(0, 3); break;
      case 'B': out += months[m]; break;
      case 'b': out += std::string(months[m]).substr(0, 3); break;
      case 'j': std::snprintf(buf, sizeof buf, "%03lld", (long long)(ymd_to_ord(y, m, d) - ymd_to_ord(y, 1, 1) + 1)); out += buf; break;
      case 'w': out += std::to_string((wd + 1) % 7); break;
      case '%': out += '%'; break;
      default: out += '%'; out += c;
    }
  }
  return out;
}

static void init_datetime() {
  Value m = new_module("datetime");
  DictObj* d = MD(m);
  t_date = new ClassObj("date");
  incref(t_date);
  t_date->builtin = true;
  t_date->mro = {t_date, I->t_object};
  t_date->bases.emplace_back(I->t_object);
  t_datetime = new ClassObj("datetime");
  incref(t_datetime);
  t_datetime->builtin = true;
  t_datetime->mro = {t_datetime, t_date, I->t_object};
  t_datetime->bases.emplace_back(t_date);
  t_timedelta = new ClassObj("timedelta");
  incref(t_timedelta);
  t_timedelta->builtin = true;
  t_timedelta->mro = {t_timedelta, I->t_object};
  t_timedelta->bases.emplace_back(I->t_object);
  d->set(str_key("date"), Value::obj(t_date));
  d->set(str_key("datetime"), Value::obj(t_datetime));
  d->set(str_key("timedelta"), Value::obj(t_timedelta));

  t_date->dict->set(str_key("__ctor__"), Value::obj(new NativeObj("date", [](ARGS) -> Value {
    int64_t y = n > 0 ? as_index(a[0]) : as_index(kw_get(kw, "year"));
    int64_t mo = n > 1 ? as_index(a[1]) : as_index(kw_get(kw, "month"));
    int64_t dd = n > 2 ? as_index(a[2]) : as_index(kw_get(kw, "day"));
    return make_date(y, mo, dd);
  })));
  t_datetime->dict->set(str_key("__ctor__"), Value::obj(new NativeObj("datetime", [](ARGS) -> Value {
    const char* names[] = {"year", "month", "day", "hour", "minute", "second", "microsecond"};
    int64_t f[7] = {0, 0, 0, 0, 0, 0, 0};
    for (int i = 0; i < 7; ++i) {
      if (i < n) f[i] = as_index(a[i]);
      else if (const Value* v = kw_find(kw, names[i])) f[i] = as_index(*v);
      else if (i < 3) type_error(std::string("function missing required argument '") + names[i] + "'");
    }
    return make_dt(f[0], f[1], f[2], f[3], f[4], f[5], f[6]);
  })));
  t_timedelta->dict->set(str_key("__ctor__"), Value::obj(new NativeObj("timedelta", [](ARGS) -> Value {
    const char* names[] = {"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"};
    double f[7] = {0, 0, 0, 0, 0, 0, 0};
    for (int i = 0; i < 7; ++i) {
      if (i < n) f[i] = to_double(a[i]);
      else if (const Value* v = kw_find(kw, names[i])) f[i] = to_double(*v);
    }
    double days = f[0] + f[6] * 7;
    double secs = f[1] + f[4] * 60 + f[5] * 3600;
    double us = f[2] + f[3] * 1000;
    double dint = std::floor(days);
    secs += (days - dint) * 86400;
    double sint = std::floor(secs);
    us += (secs - sint) * 1e6;
    return make_td((int64_t)dint, (int64_t)sint, (int64_t)std::llround(us));
  })));

  // date / datetime methods
  auto date_str = [](const Value& v) {
    char b[32];
    std::snprintf(b, sizeof b, "%04lld-%02lld-%02lld", (long long)iattr(v, "year"), (long long)iattr(v, "month"), (long long)iattr(v, "day"));
    std::string s = b;
    if (is_dt(v)) {
      std::snprintf(b, sizeof b, " %02lld:%02lld:%02lld", (long long)iattr(v, "hour"), (long long)iattr(v, "minute"), (long long)iattr(v, "second"));
      s += b;
      int64_t us = iattr(v, "microsecond");
      if (us) { std::snprintf(b, sizeof b, ".%06lld", (long long)us); s += b; }
    }
    return s;
  };
  def_method(t_date, "__str__", [date_str](ARGS) -> Value { return mk_str(date_str(a[0])); });
  def_method(t_date, "isoformat", [date_str](ARGS) -> Value {
    std::string s = date_str(a[0]);
    if (is_dt(a[0])) s[10] = 'T';
    return mk_str(s);
  });
  def_method(t_date, "__repr__", [](ARGS) -> Value {
    std::string s = "datetime." + a[0].o->type->name + "(" + std::to_string(iattr(a[0], "year")) + ", " + std::to_string(iattr(a[0], "month")) + ", " + std::to_string(iattr(a[0], "day"));
    if (is_dt(a[0])) {
      int64_t h = iattr(a[0], "hour"), mi = iattr(a[0], "minute"), sec = iattr(a[0], "second"), us = iattr(a[0], "microsecond");
      if (h || mi || sec || us) s += ", " + std::to_string(h) + ", " + std::to_string(mi);
      if (sec || us) s += ", " + std::to_string(sec);
      if (us) s += ", " + std::to_string(us);
    }
    return mk_str(s + ")");
  });
  def_method(t_date, "strftime", [](ARGS) -> Value { return mk_str(strftime_impl(a[0], str_of(a[1]))); });
  def_method(t_date, "__format__", [](ARGS) -> Value {
    if (str_of(a[1]).empty()) return mk_str(to_str(a[0]));
    return mk_str(strftime_impl(a[0], str_of(a[1])));
  });
  def_method(t_date, "weekday", [](ARGS) -> Value { return Value::integer((ymd_to_ord(iattr(a[0], "year"), iattr(a[0], "month"), iattr(a[0], "day")) + 6) % 7); });
  def_method(t_date, "isoweekday", [](ARGS) -> Value { return Value::integer((ymd_to_ord(iattr(a[0], "year"), iattr(a[0], "month"), iattr(a[0], "day")) + 6) % 7 + 1); });
  def_method(t_date, "toordinal", [](ARGS) -> Value { return Value::integer(ymd_to_ord(iattr(a[0], "year"), iattr(a[0], "month"), iattr(a[0], "day"))); });
  def_method(t_date, "replace", [](ARGS) -> Value {
    int64_t y = iattr(a[0], "year"), mo = iattr(a[0], "month"), dd = iattr(a[0], "day");
    if (const Value* v = kw_find(kw, "year")) y = as_index(*v);
    if (const Value* v = kw_find(kw, "month")) mo = as_index(*v);
    if (const Value* v = kw_find(kw, "day")) dd = as_index(*v);
    if (is_dt(a[0])) {
      int64_t h = iattr(a[0], "hour"), mi = iattr(a[0], "minute"), s = iattr(a[0], "second"), us = iattr(a[0], "microsecond");
      if (const Value* v = kw_find(kw, "hour")) h = as_index(*v);
      if (const Value* v = kw_find(kw, "minute")) mi = as_index(*v);
      if (const Value* v = kw_find(kw, "second")) s = as_index(*v);
      if (const Value* v = kw_find(kw, "microsecond")) us = as_index(*v);
      return make_dt(y, mo, dd, h, mi, s, us);
    }
    return make_date(y, mo, dd);
  });
  def_method(t_date, "__add__", [](ARGS) -> Value {
    if (!is_td(a[1])) return I->not_impl;
    int64_t ord, us, d, s, u;
    dt_split(a[0], ord, us);
    td_parts(a[1], d, s, u);
    return dt_from(ord + d, us + (is_dt(a[0]) ? s * 1000000 + u : 0), is_dt(a[0]));
  });
  def_method(t_date, "__radd__", [](ARGS) -> Value { return call2(*t_date->find("__add__"), a[0], a[1]); });
  def_method(t_date, "__sub__", [](ARGS) -> Value {
    int64_t ord, us;
    dt_split(a[0], ord, us);
    if (is_td(a[1])) {
      int64_t d, s, u;
      td_parts(a[1], d, s, u);
      return dt_from(ord - d, us - (is_dt(a[0]) ? s * 1000000 + u : 0), is_dt(a[0]));
    }
    if (is_date(a[1])) {
      int64_t ord2, us2;
      dt_split(a[1], ord2, us2);
      return make_td(ord - ord2, 0, us - us2);
    }
    return I->not_impl;
  });
  auto dcmp = [](const Value& x, const Value& y) -> int {
    int64_t o1, u1, o2, u2;
    dt_split(x, o1, u1);
    dt_split(y, o2, u2);
    if (o1 != o2) return o1 < o2 ? -1 : 1;
    return u1 < u2 ? -1 : (u1 > u2 ? 1 : 0);
  };
  def_method(t_date, "__eq__", [dcmp](ARGS) -> Value { return is_date(a[1]) ? Value::boolean(dcmp(a[0], a[1]) == 0) : Value::boolean(false); });
  def_method(t_date, "__lt__", [dcmp](ARGS) -> Value { return is_date(a[1]) ? Value::boolean(dcmp(a[0], a[1]) < 0) : I->not_impl; });
  def_method(t_date, "__le__", [dcmp](ARGS) -> Value { return is_date(a[1]) ? Value::boolean(dcmp(a[0], a[1]) <= 0) : I->not_impl; });
  def_method(t_date, "__gt__", [dcmp](ARGS) -> Value { return is_date(a[1]) ? Value::boolean(dcmp(a[0], a[1]) > 0) : I->not_impl; });
  def_method(t_date, "__ge__", [dcmp](ARGS) -> Value { return is_date(a[1]) ? Value::boolean(dcmp(a[0], a[1]) >= 0) : I->not_impl; });
  def_method(t_date, "__hash__", [](ARGS) -> Value {
    int64_t o, u;
    dt_split(a[0], o, u);
    return Value::integer(o * 1000003 + u);
  });
  auto now_parts = [](bool utc) {
    auto now = std::chrono::system_clock::now();
    std::time_t tt = std::chrono::system_clock::to_time_t(now);
    std::tm tmv;
    if (utc) gmtime_r(&tt, &tmv);
    else localtime_r(&tt, &tmv);
    int64_t us = std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch()).count() % 1000000;
    return make_dt(tmv.tm_year + 1900, tmv.tm_mon + 1, tmv.tm_mday, tmv.tm_hour, tmv.tm_min, tmv.tm_sec, us);
  };
  t_date->dict->set(str_key("today"), Value::obj(new WrapperObj(OK::ClassMethod, Value::obj(new NativeObj("today", [now_parts](ARGS) -> Value {
    Value dt = now_parts(false);
    if (a[0].is(OK::Class) && a[0].as<ClassObj>() == t_datetime) return dt;
    return make_date(iattr(dt, "year"), iattr(dt, "month"), iattr(dt, "day"));
  })))));
  t_date->dict->set(str_key("fromisoformat"), Value::obj(new WrapperObj(OK::ClassMethod, Value::obj(new NativeObj("fromisoformat", [](ARGS) -> Value {
    std::string s = str_of(a[1]);
    int y = 0, mo = 0, dd = 0, h = 0, mi = 0, sec = 0;
    std::sscanf(s.c_str(), "%d-%d-%d", &y, &mo, &dd);
    if (s.size() > 10) std::sscanf(s.c_str() + 11, "%d:%d:%d", &h, &mi, &sec);
    if (a[0].as<ClassObj>() == t_datetime) return make_dt(y, mo, dd, h, mi, sec, 0);
    return make_date(y, mo, dd);
  })))));
  t_date->dict->set(str_key("fromordinal"), Value::obj(new WrapperObj(OK::ClassMethod, Value::obj(new NativeObj("fromordinal", [](ARGS) -> Value {
    return dt_from(as_index(a[1]), 0, a[0].as<ClassObj>() == t_datetime);
  })))));
  t_datetime->dict->set(str_key("now"), Value::obj(new WrapperObj(OK::ClassMethod, Value::obj(new NativeObj("now", [now_parts](ARGS) -> Value { return now_parts(false); })))));
  t_datetime->dict->set(str_key("utcnow"), Value::obj(new WrapperObj(OK::ClassMethod, Value::obj(new NativeObj("utcnow", [now_parts](ARGS) -> Value { return now_parts(true); })))));
  t_datetime->dict->set(str_key("strptime"), Value::obj(new WrapperObj(OK::ClassMethod, Value::obj(new NativeObj("strptime", [](ARGS) -> Value {
    std::tm tmv{};
    const char* end = ::strptime(str_of(a[1]).c_str(), str_of(a[2]).c_str(), &tmv);
    if (!end || *end) value_error("time data " + repr(a[1]) + " does not match format " + repr(a[2]));
    return make_dt(tmv.tm_year + 1900, tmv.tm_mon + 1, tmv.tm_mday, tmv.tm_hour, tmv.tm_min, tmv.tm_sec, 0);
  })))));
  def_method(t_datetime, "date", [](ARGS) -> Value { return make_date(iattr(a[0], "year"), iattr(a[0], "month"), iattr(a[0], "day")); });
  def_method(t_datetime, "timestamp", [](ARGS) -> Value {
    std::tm tmv{};
    tmv.tm_year = (int)iattr(a[0], "year") - 1900;
    tmv.tm_mon = (int)iattr(a[0], "month") - 1;
    tmv.tm_mday = (int)iattr(a[0], "day");
    tmv.tm_hour = (int)iattr(a[0], "hour");
    tmv.tm_min = (int)iattr(a[0], "minute");
    tmv.tm_sec = (int)iattr(a[0], "second");
    tmv.tm_isdst = -1;
    return Value::flt((double)std::mktime(&tmv) + (double)iattr(a[0], "microsecond") / 1e6);
  });

  // timedelta
  def_method(t_timedelta, "total_seconds", [](ARGS) -> Value { return Value::flt(td_total(a[0])); });
  def_method(t_timedelta, "__str__", [](ARGS) -> Value {
    int64_t d, s, us;
    td_parts(a[0], d, s, us);
    std::string out;
    if (d) out = std::to_string(d) + (std::llabs(d) == 1 ? " day, " : " days, ");
    char b[32];
    std::snprintf(b, sizeof b, "%lld:%02lld:%02lld", (long long)(s / 3600), (long long)((s / 60) % 60), (long long)(s % 60));
    out += b;
    if (us) { std::snprintf(b, sizeof b, ".%06lld", (long long)us); out += b; }
    return mk_str(out);
  });
  def_method(t_timedelta, "__repr__", [](ARGS) -> Value {
    int64_t d, s, us;
    td_parts(a[0], d, s, us);
    std::string out = "datetime.timedelta(";
    std::vector<std::string> parts;
    if (d) parts.push_back("days=" + std::to_string(d));
    if (s) parts.push_back("seconds=" + std::to_string(s));
    if (us) parts.push_back("microseconds=" + std::to_string(us));
    for (size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
    return mk_str(out + ")");
  });
  auto td_us = [](const Value& v) {
    int64_t d, s, us;
    td_parts(v, d, s, us);
    return (d * 86400 + s) * 1000000 + us;
  };
  def_method(t_timedelta, "__add__", [td_us](ARGS) -> Value {
    if (is_td(a[1])) return make_td(0, 0, td_us(a[0]) + td_us(a[1]));
    if (is_date(a[1])) return call2(*t_date->find("__add__"), a[1], a[0]);
    return I->not_impl;
  });
  def_method(t_timedelta, "__radd__", [td_us](ARGS) -> Value {
    if (is_date(a[1])) return call2(*t_date->find("__add__"), a[1], a[0]);
    return I->not_impl;
  });
  def_method(t_timedelta, "__sub__", [td_us](ARGS) -> Value {
    if (!is_td(a[1])) return I->not_impl;
    return make_td(0, 0, td_us(a[0]) - td_us(a[1]));
  });
  def_method(t_timedelta, "__neg__", [td_us](ARGS) -> Value { return make_td(0, 0, -td_us(a[0])); });
  def_method(t_timedelta, "__abs__", [td_us](ARGS) -> Value { return make_td(0, 0, std::llabs(td_us(a[0]))); });
  def_method(t_timedelta, "__mul__", [td_us](ARGS) -> Value {
    if (is_intlike(a[1])) return make_td(0, 0, td_us(a[0]) * as_index(a[1]));
    if (a[1].t == VT::Float) return make_td(0, 0, (int64_t)std::llround((double)td_us(a[0]) * a[1].f));
    return I->not_impl;
  });
  def_method(t_timedelta, "__rmul__", [td_us](ARGS) -> Value { return call2(*t_timedelta->find("__mul__"), a[0], a[1]); });
  def_method(t_timedelta, "__truediv__", [td_us](ARGS) -> Value {
    if (is_td(a[1])) return Value::flt((double)td_us(a[0]) / (double)td_us(a[1]));
    return make_td(0, 0, (int64_t)std::llround((double)td_us(a[0]) / to_double(a[1])));
  });
  def_method(t_timedelta, "__floordiv__", [td_us](ARGS) -> Value {
    if (is_td(a[1])) return binop(ast::BinOp::FloorDiv, Value::integer(td_us(a[0])), Value::integer(td_us(a[1])));
    return make_td(0, 0, td_us(a[0]) / as_index(a[1]));
  });
  def_method(t_timedelta, "__eq__", [td_us](ARGS) -> Value { return Value::boolean(is_td(a[1]) && td_us(a[0]) == td_us(a[1])); });
  def_method(t_timedelta, "__lt__", [td_us](ARGS) -> Value { return Value::boolean(td_us(a[0]) < td_us(a[1])); });
  def_method(t_timedelta, "__le__", [td_us](ARGS) -> Value { return Value::boolean(td_us(a[0]) <= td_us(a[1])); });
  def_method(t_timedelta, "__gt__", [td_us](ARGS) -> Value { return Value::boolean(td_us(a[0]) > td_us(a[1])); });
  def_method(t_timedelta, "__ge__", [td_us](ARGS) -> Value { return Value::boolean(td_us(a[0]) >= td_us(a[1])); });
  def_method(t_timedelta, "__hash__", [td_us](ARGS) -> Value { return Value::integer(td_us(a[0])); });
  def_method(t_timedelta, "__bool__", [td_us](ARGS) -> Value { return Value::boolean(td_us(a[0]) != 0); });
}

// ---------------------------------------------------------------- asyncio
static void init_asyncio() {
  Value m = new_module("asyncio");
  DictObj* d = MD(m);
  def_native(d, "run", [](ARGS) -> Value {
    check_args("run", n, 1, 1);
    return run_await(a[0]);
  });
  def_native(d, "sleep", [](ARGS) -> Value {
    check_args("sleep", n, 1, 2);
    double s = to_double(a[0]);
    if (s > 0) std::this_thread::sleep_for(std::chrono::duration<double>(s));
    auto* co = new CoroObj();
    co->result = n > 1 ? a[1] : Value();
    return Value::obj(co);
  });
  def_native(d, "gather", [](ARGS) -> Value {
    auto items = std::make_shared<ValueVec>(a, a + n);
    auto* co = new CoroObj();
    co->thunk = [items]() {
      ValueVec out;
      for (auto& x : *items) out.push_back(run_await(x));
      return mk_list(std::move(out));
    };
    return Value::obj(co);
  });
  def_native(d, "create_task", [](ARGS) -> Value { return a[0]; });
  def_native(d, "wait_for", [](ARGS) -> Value { return a[0]; });
  def_native(d, "iscoroutine", [](ARGS) -> Value { return Value::boolean(a[0].is(OK::Coro)); });
}

// ---------------------------------------------------------------- functools / itertools / collections
static ClassObj *t_counter, *t_defaultdict, *t_ordereddict, *t_deque;

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
    else if (!next(it, acc)) type_error("reduce() of empty iterable with no initial value");
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
  // deque: a list with appendleft/popleft
  t_deque = new ClassObj("deque");
  incref(t_deque);
  t_deque->builtin = true;
  t_deque->mro = {t_deque, I->t_list, I->t_object};
  t_deque->bases.emplace_back(I->t_list);
  d->set(str_key("deque"), Value::obj(t_deque));
  t_deque->dict->set(str_key("__ctor__"), Value::obj(new NativeObj("deque", [](ARGS) -> Value {
    Value l = n ? mk_list(to_vec(a[0])) : mk_list();
    l.o->type = t_deque;
    return l;
  })));
  def_method(t_deque, "appendleft", [](ARGS) -> Value { auto& v = a[0].as<ListObj>()->v; v.insert(v.begin(), a[1]); return Value(); });
  def_method(t_deque, "popleft", [](ARGS) -> Value {
    auto& v = a[0].as<ListObj>()->v;
    if (v.empty()) raise("IndexError", "pop from an empty deque");
    Value x = v.front();
    v.erase(v.begin());
    return x;
  });
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
    if (d->size() == 0) throw PyError(make_exception(I->e("KeyError"), ValueVec{mk_str("dictionary is empty")}));
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
  def_method(t_deque, "__repr__", [](ARGS) -> Value {
    return mk_str(type_name(a[0]) + "(" + repr(mk_list(a[0].as<ListObj>()->v)) + ")");
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
  Value s = new_module("string");
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
  sd->set(str_key("argv"), mk_list());
  sd->set(str_key("maxsize"), Value::integer(INT64_MAX));
  sd->set(str_key("version"), mk_str("3.11 (multilingual)"));
  sd->set(str_key("platform"), mk_str("linux"));
  init_sys_streams(sd);

  Value os = new_module("os");
  DictObj* od = MD(os);
  Value path = new_module("os.path");
  DictObj* pd = MD(path);
  od->set(str_key("path"), path);
  od->set(str_key("sep"), mk_str("/"));
  def_native(pd, "exists", [](ARGS) -> Value {
    std::FILE* f = std::fopen(str_of(a[0]).c_str(), "r");
    if (f) std::fclose(f);
    return Value::boolean(f != nullptr);
  });
  def_native(pd, "join", [](ARGS) -> Value {
    std::string out;
    for (int i = 0; i < n; ++i) {
      const std::string& p = str_of(a[i]);
      if (!p.empty() && p[0] == '/') out = p;
      else if (out.empty() || out.back() == '/') out += p;
      else out += "/" + p;
    }
    return mk_str(out);
  });
  def_native(od, "remove", [](ARGS) -> Value {
    if (std::remove(str_of(a[0]).c_str()) != 0) raise("FileNotFoundError", "[Errno 2] No such file or directory: '" + str_of(a[0]) + "'");
    return Value();
  });
  def_native(od, "getcwd", [](ARGS) -> Value {
    char buf[4096];
    return mk_str(getcwd(buf, sizeof buf) ? buf : ".");
  });
  def_native(od, "getenv", [](ARGS) -> Value {
    const char* v = std::getenv(str_of(a[0]).c_str());
    return v ? mk_str(v) : (n > 1 ? a[1] : Value());
  });
}

void init_modules() {
  init_math();
  init_json();  // lib/json.cpp
  init_random();
  init_time();  // lib/time.cpp
  init_datetime();
  init_asyncio();
  init_functools();
  init_collections();
  init_itertools();
  init_misc_modules();
  init_re();
  init_struct();
}

}  // namespace ml::interp
