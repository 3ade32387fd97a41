// _random: the Mersenne Twister generator under stdlib/random.py, with CPython's seeding and
// output (random(), getrandbits(), _randbelow()), so a seeded program draws CPython's numbers.
// The distributions live in random.py; randrange, randint, choice and shuffle have fast paths
// here for machine-size ints and lists, and hand every other case to random.py's general code.
#include <chrono>
#include <cmath>

#include "interp/lib/lib_modules.h"
#include "interp/lib/libutil.h"

namespace ml::interp {

namespace {

// ---------------------------------------------------------------- MT19937, CPython-compatible
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
MT& self_mt(const Value& self) {
  Value* st = self.is(OK::Inst) ? self.as<InstObj>()->find_attr("_mt_state", str_hash_sv("_mt_state")) : nullptr;
  if (!st || !st->is(OK::Bytes)) type_error("descriptor requires a 'random.Random' object");
  return *reinterpret_cast<MT*>(st->as<BytesObj>()->s.data());
}
void seed_now(MT& mt) {
  mt.seed(Value::integer((int64_t)std::chrono::high_resolution_clock::now().time_since_epoch().count()));
}
#define MT_SELF MT& g_mt = self_mt(a[0]); Value self = a[0]; ++a; --n

// getrandbits(k) for any k: 32-bit words, least significant first, the last one shifted down
// to the bits still wanted (CPython's _random_Random_getrandbits_impl).
Value getrandbits(MT& mt, int64_t k) {
  if (k < 0) value_error("number of bits must be non-negative");
  if (k <= 63) return Value::integer((int64_t)mt.bits((int)k));
  std::vector<uint32_t> words((size_t)((k - 1) / 32 + 1));
  for (auto& w : words) {
    uint32_t r = mt.genrand();
    if (k < 32) r >>= (32 - k);
    w = r;
    k -= 32;
  }
  mpz_t z;
  mpz_init(z);
  mpz_import(z, words.size(), -1, 4, 0, 0, words.data());
  Value v = int_from_mpz(z);
  mpz_clear(z);
  return v;
}

// A number in [0, n) from getrandbits(n.bit_length()), retried while too big.
Value randbelow(MT& mt, const Value& n) {
  if (n.t == VT::Int && n.i > 0) return Value::integer((int64_t)mt.below((uint64_t)n.i));
  if (!is_intlike(n)) type_error("'" + type_name(n) + "' object cannot be interpreted as an integer");
  if (!truthy(n) || compare(ast::CmpOp::Lt, n, Value::integer(0)).b) return Value::integer(0);
  mpz_t z;
  mpz_init(z);
  to_mpz(n, z);
  int64_t k = (int64_t)mpz_sizeinbase(z, 2);
  mpz_clear(z);
  Value r = getrandbits(mt, k);
  while (!compare(ast::CmpOp::Lt, r, n).b) r = getrandbits(mt, k);
  return r;
}

// A call of random.py's general method `name` (non-int arguments, big ints, errors).
Value slow_path(const Value& self, const char* name, Value* a, int n, KwArgs* kw) {
  return call(getattr(self, name), a, n, kw);
}

bool small(const Value& v) { return v.t == VT::Int && v.i > INT64_MIN / 4 && v.i < INT64_MAX / 4; }

}  // namespace

void init_random() {
  Value m = lib_module("_random");
  DictObj* md = module_dict(m);
  ClassObj* cls = lib_class("_random", "Random");
  md->set(str_key("Random"), Value::obj(cls));
  def_method(cls, "__init__", [](ARGS) -> Value {
    a[0].as<InstObj>()->set_attr("_mt_state", mk_bytes(std::string(sizeof(MT), '\0')));
    MT& mt = self_mt(a[0]);
    new (&mt) MT();
    Value x = arg_or(a, n, kw, 1, "x", Value());
    if (x.is_none()) seed_now(mt);
    else mt.seed(x);
    return Value();
  });
  def_method(cls, "seed", [](ARGS) -> Value {
    MT_SELF;
    if (n == 0 || a[0].is_none()) seed_now(g_mt);
    else g_mt.seed(a[0]);
    return Value();
  });
  // The generator's own state: 624 words and the position (random.py adds version and gauss).
  def_method(cls, "getstate", [](ARGS) -> Value {
    MT_SELF;
    ValueVec st;
    for (uint32_t w : g_mt.mt) st.push_back(Value::integer(w));
    st.push_back(Value::integer(g_mt.mti));
    return mk_tuple(std::move(st));
  });
  def_method(cls, "setstate", [](ARGS) -> Value {
    MT_SELF;
    check_args("setstate", n, 1, 1);
    ValueVec st = to_vec(a[0]);
    if (st.size() != 625) value_error("state vector is the wrong size");
    for (int i = 0; i < 624; ++i) g_mt.mt[i] = (uint32_t)as_index(st[i]);
    int64_t pos = as_index(st[624]);
    if (pos < 0 || pos > 624) value_error("invalid state");
    g_mt.mti = (int)pos;
    return Value();
  });
  def_method(cls, "randbytes", [](ARGS) -> Value {
    MT_SELF;
    check_args("randbytes", n, 1, 1);
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
  def_method(cls, "random", [](ARGS) -> Value { MT_SELF; (void)n; return Value::flt(g_mt.random()); });
  def_method(cls, "getrandbits", [](ARGS) -> Value {
    MT_SELF;
    check_args("getrandbits", n, 1, 1);
    return getrandbits(g_mt, as_index(a[0]));
  });
  def_method(cls, "_randbelow", [](ARGS) -> Value {
    MT_SELF;
    check_args("_randbelow", n, 1, 1);
    return randbelow(g_mt, a[0]);
  });
  def_method(cls, "randrange", [](ARGS) -> Value {
    MT_SELF;
    bool fast = n >= 1 && n <= 3 && !kw && small(a[0]) && (n < 2 || small(a[1])) && (n < 3 || small(a[2]));
    if (!fast) return slow_path(self, "_randrange", a, n, kw);
    int64_t start = 0, stop, step = 1;
    if (n == 1) stop = a[0].i;
    else { start = a[0].i; stop = a[1].i; if (n > 2) step = a[2].i; }
    int64_t width = stop - start;
    if (step == 1 && width > 0) return Value::integer(start + (int64_t)g_mt.below((uint64_t)width));
    int64_t cnt = step > 0 ? (width + step - 1) / step : step < 0 ? (width + step + 1) / step : 0;
    if (step == 1 || cnt <= 0) return slow_path(self, "_randrange", a, n, kw);  // the error
    return Value::integer(start + step * (int64_t)g_mt.below((uint64_t)cnt));
  });
  def_method(cls, "randint", [](ARGS) -> Value {
    MT_SELF;
    if (n != 2 || kw || !small(a[0]) || !small(a[1]) || a[1].i < a[0].i) return slow_path(self, "_randint", a, n, kw);
    return Value::integer(a[0].i + (int64_t)g_mt.below((uint64_t)(a[1].i - a[0].i + 1)));
  });
  def_method(cls, "choice", [](ARGS) -> Value {
    MT_SELF;
    check_args("choice", n, 1, 1);
    int64_t size = len(a[0]);
    if (size == 0) raise_id("IndexError", "library.random.choice_empty");
    return getitem(a[0], Value::integer((int64_t)g_mt.below((uint64_t)size)));
  });
  def_method(cls, "shuffle", [](ARGS) -> Value {
    MT_SELF;
    if (n != 1 || kw || !a[0].is(OK::List)) return slow_path(self, "_shuffle", a, n, kw);
    auto& v = a[0].as<ListObj>()->v;
    for (size_t i = v.size(); i-- > 1;) {
      size_t j = (size_t)g_mt.below(i + 1);
      std::swap(v[i], v[j]);
    }
    return Value();
  });
}
#undef MT_SELF

}  // namespace ml::interp
