// Numbers: int (int64 fast path, GMP on overflow), float (Python repr), arithmetic dispatch for
// every type, and parsing (the format-spec mini-language is in number_format.cpp).
#include <unistd.h>

#include <array>
#include <atomic>
#include <charconv>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "interp/bytearray.h"
#include "interp/int_str_limit.h"
#include "interp/runtime.h"
#include "support/memory_limit.h"

namespace ml::interp {

Value class_union(const Value& a, const Value& b);  // metaclass.cpp

using ast::BinOp;

// ---------------------------------------------------------------- bigint helpers
Value int_from_mpz(const mpz_t z) {
  if (mpz_fits_slong_p(z)) return Value::integer(mpz_get_si(z));
  auto* b = new BigObj();
  mpz_set(b->z, z);
  return Value::obj(b);
}

void to_mpz(const Value& v, mpz_t out) {
  if (v.t == VT::Int) mpz_set_si(out, v.i);
  else if (v.t == VT::Bool) mpz_set_si(out, v.b ? 1 : 0);
  else if (v.is(OK::Big)) mpz_set(out, v.as<BigObj>()->z);
  else raise_id("TypeError", "runtime.expected_integer", {{"type", type_name(v)}});
}

bool is_intlike(const Value& v) { return v.t == VT::Int || v.t == VT::Bool || v.is(OK::Big); }

int64_t as_index(const Value& v) {
  if (v.t == VT::Int) return v.i;
  if (v.t == VT::Bool) return v.b;
  if (v.is(OK::Big)) {
    // an int subclass's object holds small values too
    if (mpz_fits_slong_p(v.as<BigObj>()->z)) return mpz_get_si(v.as<BigObj>()->z);
    raise("OverflowError", msg("runtime.overflow"));
  }
  if (v.is(OK::Inst)) {
    if (const Value* m = v.o->type->find("__index__")) return as_index(call1(*m, v));
  }
  raise_id("TypeError", "runtime.not_integer", {{"type", type_name(v)}});
}

// |q| * 2**-shift as a double, rounded once (half to even): q holds at least 55 significant
// bits, or its lowest bit is at most 2**-1076 (subnormal results), and `inexact` says whether
// nonzero bits were dropped below it. Those fold into q's last bit (sticky), so the one
// rounding the hardware does (converting q to 53 bits, or ldexp into the subnormal range)
// rounds as the exact value would. +-inf on overflow.
static double scaled_to_double(const mpz_t q, bool inexact, long shift) {
  size_t bits = mpz_sizeinbase(q, 2);
  mpz_t t;
  mpz_init(t);
  long extra = bits > 64 ? long(bits - 64) : 0;  // only when q is wider than asked; bits stay sticky
  mpz_tdiv_q_2exp(t, q, (unsigned long)extra);
  if (extra && mpz_scan1(q, 0) < (mp_bitcnt_t)extra) inexact = true;
  mpz_abs(t, t);
  uint64_t top = mpz_getlimbn(t, 0);
  if (sizeof(mp_limb_t) < 8) top |= uint64_t(mpz_getlimbn(t, 1)) << 32;
  mpz_clear(t);
  if (inexact) top |= 1;
  shift -= extra;
  double d = shift < -2000 ? HUGE_VAL : std::ldexp((double)top, int(-shift));
  return mpz_sgn(q) < 0 ? -d : d;
}

// Correctly rounded, as CPython's int.__float__: mpz_get_d truncates, so float(10**30) would
// be 9.999999999999999e+29.
static double big_to_double(const mpz_t z) {
  size_t bits = mpz_sizeinbase(z, 2);
  if (bits <= 63) return (double)mpz_get_si(z);
  long shift = long(bits) - 55;
  mpz_t q;
  mpz_init(q);
  mpz_tdiv_q_2exp(q, z, (unsigned long)shift);
  bool inexact = mpz_scan1(z, 0) < (mp_bitcnt_t)shift;  // the lowest 1 of z and of |z| agree
  double d = scaled_to_double(q, inexact, -shift);
  mpz_clear(q);
  if (std::isinf(d)) raise_id("OverflowError", "runtime.int_too_large_float");
  return d;
}

// x / y for ints, correctly rounded like CPython's long_true_divide (mpq_get_d truncates).
static double int_true_divide(const mpz_t x, const mpz_t y) {
  long e = long(mpz_sizeinbase(x, 2)) - long(mpz_sizeinbase(y, 2));  // x/y is in [2**(e-1), 2**(e+1))
  if (mpz_sgn(x) == 0) return mpz_sgn(y) < 0 ? -0.0 : 0.0;
  if (e > 1025) raise_id("OverflowError", "runtime.int_division_too_large");
  long shift = std::min(55 - e, 1076L);  // quotient bits kept: >= 55, or down to 2**-1076
  mpz_t n, d, q, r;
  mpz_inits(n, d, q, r, nullptr);
  mpz_abs(n, x);
  mpz_abs(d, y);
  if (shift >= 0) mpz_mul_2exp(n, n, (unsigned long)shift);
  else mpz_mul_2exp(d, d, (unsigned long)-shift);
  mpz_tdiv_qr(q, r, n, d);
  if ((mpz_sgn(x) < 0) != (mpz_sgn(y) < 0)) mpz_neg(q, q);
  double out = scaled_to_double(q, mpz_sgn(r) != 0, shift);
  bool negative = (mpz_sgn(x) < 0) != (mpz_sgn(y) < 0);
  mpz_clears(n, d, q, r, nullptr);
  if (std::isinf(out)) raise_id("OverflowError", "runtime.int_division_too_large");
  if (out == 0 && negative) return -0.0;
  return out;
}

double to_double(const Value& v) {
  switch (v.t) {
    case VT::Float: return v.f;
    case VT::Int: return (double)v.i;
    case VT::Bool: return v.b ? 1.0 : 0.0;
    default: break;
  }
  if (v.is(OK::Big)) return big_to_double(v.as<BigObj>()->z);
  if (v.is(OK::Inst)) {
    if (const Value* m = v.o->type->find("__float__")) return to_double(call1(*m, v));
  }
  raise_id("TypeError", "runtime.must_be_real", {{"type", type_name(v)}});
}

namespace {
std::atomic<int> g_max_str_digits{kDefaultMaxStrDigits};
bool power_of_two(int base) { return (base & (base - 1)) == 0; }
[[noreturn]] void too_many_digits_for_str(int limit) {
  raise_id("ValueError", "runtime.int_str_digits_str", {{"limit", std::to_string(limit)}});
}
}  // namespace

int max_str_digits() { return g_max_str_digits.load(std::memory_order_relaxed); }
void set_max_str_digits(int digits) { g_max_str_digits.store(digits, std::memory_order_relaxed); }

namespace {
std::string int_to_string_limited(const Value& v, int base, int limit) {
  if (v.t == VT::Int && base == 10) return std::to_string(v.i);
  mpz_t z;
  mpz_init(z);
  to_mpz(v, z);
  size_t estimate = mpz_sizeinbase(z, base);  // exact or one too many
  if (limit && estimate > size_t(limit) + 1) {
    mpz_clear(z);
    too_many_digits_for_str(limit);
  }
  std::string s(estimate + 2, '\0');
  mpz_get_str(s.data(), base, z);
  s.resize(std::strlen(s.c_str()));
  mpz_clear(z);
  if (limit && s.size() - (s[0] == '-') > size_t(limit)) too_many_digits_for_str(limit);
  return s;
}
}  // namespace

std::string int_to_string(const Value& v, int base) {
  return int_to_string_limited(v, base, power_of_two(base) ? 0 : max_str_digits());
}

std::string int_to_decimal_unlimited(const Value& v) { return int_to_string_limited(v, 10, 0); }

// ---------------------------------------------------------------- float repr
std::string float_repr(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  if (d == 0) return std::signbit(d) ? "-0.0" : "0.0";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string s(buf, res.ptr);
  // s = [-]D[.DDD]e[+-]XX
  bool neg = s[0] == '-';
  if (neg) s.erase(0, 1);
  size_t epos = s.find('e');
  int exp = std::atoi(s.c_str() + epos + 1);
  std::string digits;
  for (size_t i = 0; i < epos; ++i)
    if (s[i] != '.') digits += s[i];
  std::string out;
  if (exp >= -5 + 1 && exp < 16) {
    // fixed notation
    int point = exp + 1;  // digits before the decimal point
    if (point <= 0) {
      out = "0." + std::string(-point, '0') + digits;
    } else if ((size_t)point >= digits.size()) {
      out = digits + std::string(point - digits.size(), '0') + ".0";
    } else {
      out = digits.substr(0, point) + "." + digits.substr(point);
    }
  } else {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char eb[16];
    std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', std::abs(exp));
    out += eb;
  }
  return neg ? "-" + out : out;
}

// ---------------------------------------------------------------- parsing
static std::string strip_ws(std::string_view s) {
  size_t a = 0, b = s.size();
  while (a < b && std::isspace((unsigned char)s[a])) ++a;
  while (b > a && std::isspace((unsigned char)s[b - 1])) --b;
  return std::string(s.substr(a, b - a));
}

namespace {
Value parse_int_limited(std::string_view src, int base, int limit);
}

Value parse_int(std::string_view src, int base) {
  // The common case, a plain decimal literal that fits an int64, without the general scan.
  if (base == 10 && !src.empty() && src.size() <= 18) {
    size_t k = src[0] == '-' || src[0] == '+' ? 1 : 0;
    if (k < src.size()) {
      int64_t v = 0;
      size_t j = k;
      for (; j < src.size() && src[j] >= '0' && src[j] <= '9'; ++j) v = v * 10 + (src[j] - '0');
      if (j == src.size()) return Value::integer(src[0] == '-' ? -v : v);
    }
  }
  return parse_int_limited(src, base, power_of_two(base) ? 0 : max_str_digits());
}

Value parse_int_unlimited(std::string_view src, int base) { return parse_int_limited(src, base, 0); }

namespace {
Value parse_int_limited(std::string_view src, int base, int limit) {
  std::string s = strip_ws(src);
  auto bad = [&]() -> Value {
    if (base == 10) raise_id("ValueError", "runtime.invalid_literal_int", {{"value", str_repr(src)}});
    raise_id("ValueError", "runtime.invalid_literal_int_base", {{"base", std::to_string(base)}, {"value", str_repr(src)}});
  };
  size_t i = 0;
  bool neg = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) { neg = s[i] == '-'; ++i; }
  if (base == 0 || base == 16 || base == 8 || base == 2) {
    if (i + 1 < s.size() && s[i] == '0') {
      char p = (char)std::tolower((unsigned char)s[i + 1]);
      int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
      if (pb && (base == 0 || base == pb)) { base = pb; i += 2; if (i < s.size() && s[i] == '_') ++i; }
    }
    if (base == 0) base = 10;
  }
  std::string digits;
  bool last_us = true;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '_') { if (last_us) return bad(); last_us = true; continue; }
    int d = std::isdigit((unsigned char)c) ? c - '0' : std::isalpha((unsigned char)c) ? std::tolower((unsigned char)c) - 'a' + 10 : 99;
    if (d >= base) return bad();
    digits += c;
    last_us = false;
  }
  if (digits.empty() || last_us) return bad();
  if (limit && !power_of_two(base) && digits.size() > size_t(limit))
    raise_id("ValueError", "runtime.int_str_digits_parse",
             {{"limit", std::to_string(limit)}, {"digits", std::to_string(digits.size())}});
  if (digits.size() < 18 && base == 10) {
    int64_t v = std::strtoll(digits.c_str(), nullptr, 10);
    return Value::integer(neg ? -v : v);
  }
  mpz_t z;
  mpz_init(z);
  mpz_set_str(z, digits.c_str(), base);
  if (neg) mpz_neg(z, z);
  Value r = int_from_mpz(z);
  mpz_clear(z);
  return r;
}
}  // namespace

Value parse_float(std::string_view src) {
  std::string s = strip_ws(src);
  std::string t;
  for (char c : s)
    if (c != '_') t += (char)std::tolower((unsigned char)c);
  std::string u = t;
  bool neg = false;
  if (!u.empty() && (u[0] == '+' || u[0] == '-')) { neg = u[0] == '-'; u.erase(0, 1); }
  if (u == "inf" || u == "infinity") return Value::flt(neg ? -INFINITY : INFINITY);
  if (u == "nan") return Value::flt(NAN);
  if (!t.empty() && (std::isdigit((unsigned char)t.back()) || t.back() == '.')) {
    char* end = nullptr;
    double d = std::strtod(t.c_str(), &end);
    if (end && *end == 0 && u.find_first_not_of("0123456789.e+-") == std::string::npos) return Value::flt(d);
  }
  raise_id("ValueError", "runtime.invalid_literal_float", {{"value", str_repr(src)}});
}

// ---------------------------------------------------------------- arithmetic
static const char* op_symbol(BinOp op) {
  switch (op) {
    case BinOp::Add: return "+"; case BinOp::Sub: return "-"; case BinOp::Mul: return "*";
    case BinOp::Div: return "/"; case BinOp::FloorDiv: return "//"; case BinOp::Mod: return "%";
    case BinOp::Pow: return "** or pow()"; case BinOp::MatMul: return "@"; case BinOp::LShift: return "<<";
    case BinOp::RShift: return ">>"; case BinOp::BitAnd: return "&"; case BinOp::BitOr: return "|";
    case BinOp::BitXor: return "^";
  }
  return "?";
}
static const char* op_dunder(BinOp op, bool reflected) {
  switch (op) {
    case BinOp::Add: return reflected ? "__radd__" : "__add__";
    case BinOp::Sub: return reflected ? "__rsub__" : "__sub__";
    case BinOp::Mul: return reflected ? "__rmul__" : "__mul__";
    case BinOp::Div: return reflected ? "__rtruediv__" : "__truediv__";
    case BinOp::FloorDiv: return reflected ? "__rfloordiv__" : "__floordiv__";
    case BinOp::Mod: return reflected ? "__rmod__" : "__mod__";
    case BinOp::Pow: return reflected ? "__rpow__" : "__pow__";
    case BinOp::MatMul: return reflected ? "__rmatmul__" : "__matmul__";
    case BinOp::LShift: return reflected ? "__rlshift__" : "__lshift__";
    case BinOp::RShift: return reflected ? "__rrshift__" : "__rshift__";
    case BinOp::BitAnd: return reflected ? "__rand__" : "__and__";
    case BinOp::BitOr: return reflected ? "__ror__" : "__or__";
    case BinOp::BitXor: return reflected ? "__rxor__" : "__xor__";
  }
  return "";
}
static const char* op_idunder(BinOp op) {
  switch (op) {
    case BinOp::Add: return "__iadd__"; case BinOp::Sub: return "__isub__"; case BinOp::Mul: return "__imul__";
    case BinOp::Div: return "__itruediv__"; case BinOp::FloorDiv: return "__ifloordiv__"; case BinOp::Mod: return "__imod__";
    case BinOp::Pow: return "__ipow__"; case BinOp::MatMul: return "__imatmul__"; case BinOp::LShift: return "__ilshift__";
    case BinOp::RShift: return "__irshift__"; case BinOp::BitAnd: return "__iand__"; case BinOp::BitOr: return "__ior__";
    case BinOp::BitXor: return "__ixor__";
  }
  return "";
}

// An augmented assignment that found no method names its own operator, as CPython does ("+=").
[[noreturn]] static void unsupported(BinOp op, const Value& a, const Value& b, bool inplace = false) {
  raise_id("TypeError", "runtime.unsupported_operand",
           {{"op", std::string(op_symbol(op)) + (inplace ? "=" : "")}, {"left", type_name(a)}, {"right", type_name(b)}});
}
// CPython words each division by zero its own way (3.11's words; divmod() of ints says kIntFloorMod).
[[noreturn]] static void zero_div(const char* id = "runtime.division_by_zero") { raise_id("ZeroDivisionError", id); }
constexpr const char* kIntFloorMod = "runtime.integer_division_or_modulo_by_zero";

static inline int64_t floordiv64(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}
static inline int64_t mod64(int64_t a, int64_t b) {
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

// GMP allocates big ints itself (not through operator new, so not under the program's memory
// limit) and aborts the process when an allocation fails or a size passes its own bound. A
// result that could not fit is refused up front with a MemoryError instead.
static void check_result_bits(double bits) {
  static const uint64_t phys = support::physical_memory();
  uint64_t budget = support::memory_limit() ? support::memory_limit() : phys;
  constexpr double kGmpMaxBits = 0x1p36;  // well under GMP's int-sized limb count
  if (bits > kGmpMaxBits || (budget && bits / 8 > double(budget))) raise("MemoryError", "");
}

static double bit_length(const mpz_t z) { return mpz_sgn(z) ? double(mpz_sizeinbase(z, 2)) : 0.0; }

Value int_pow(const Value& a, const Value& b) {
  mpz_t x;
  mpz_init(x);
  to_mpz(b, x);
  if (mpz_sgn(x) < 0) {
    mpz_clear(x);
    double base = to_double(a);
    if (base == 0) zero_div("runtime.zero_negative_power");
    return Value::flt(std::pow(base, to_double(b)));
  }
  if (!mpz_fits_ulong_p(x)) {
    mpz_clear(x);
    if (a.t == VT::Int && (a.i == 0 || a.i == 1)) return a;
    raise("OverflowError", msg("runtime.overflow"));
  }
  unsigned long e = mpz_get_ui(x);
  if (a.t == VT::Int) {
    // fast path
    int64_t base = a.i, r = 1;
    bool ok = true;
    unsigned long ee = e;
    int64_t bb = base;
    while (ee) {
      if (ee & 1) { if (__builtin_mul_overflow(r, bb, &r)) { ok = false; break; } }
      ee >>= 1;
      if (ee && __builtin_mul_overflow(bb, bb, &bb)) { ok = false; break; }
    }
    if (ok) { mpz_clear(x); return Value::integer(r); }
  }
  to_mpz(a, x);
  check_result_bits(bit_length(x) * double(e));
  mpz_pow_ui(x, x, e);
  Value r = int_from_mpz(x);
  mpz_clear(x);
  return r;
}

static Value big_op(BinOp op, const Value& a, const Value& b) {
  mpz_t x, y, r;
  mpz_init(x); mpz_init(y); mpz_init(r);
  to_mpz(a, x); to_mpz(b, y);
  struct Clear { mpz_t *a, *b, *c; ~Clear() { mpz_clear(*a); mpz_clear(*b); mpz_clear(*c); } } cl{&x, &y, &r};
  switch (op) {
    case BinOp::Add: mpz_add(r, x, y); break;
    case BinOp::Sub: mpz_sub(r, x, y); break;
    case BinOp::Mul: check_result_bits(bit_length(x) + bit_length(y)); mpz_mul(r, x, y); break;
    case BinOp::FloorDiv: if (!mpz_sgn(y)) zero_div(kIntFloorMod); mpz_fdiv_q(r, x, y); break;
    case BinOp::Mod: if (!mpz_sgn(y)) zero_div("runtime.integer_modulo_by_zero"); mpz_fdiv_r(r, x, y); break;
    case BinOp::BitAnd: mpz_and(r, x, y); break;
    case BinOp::BitOr: mpz_ior(r, x, y); break;
    case BinOp::BitXor: mpz_xor(r, x, y); break;
    case BinOp::LShift: {
      if (mpz_sgn(y) < 0) raise_id("ValueError", "runtime.negative_shift");
      if (!mpz_fits_ulong_p(y)) raise("OverflowError", msg("runtime.overflow"));
      if (mpz_sgn(x)) check_result_bits(bit_length(x) + double(mpz_get_ui(y)));
      mpz_mul_2exp(r, x, mpz_get_ui(y));
      break;
    }
    case BinOp::RShift: {
      if (mpz_sgn(y) < 0) raise_id("ValueError", "runtime.negative_shift");
      if (!mpz_fits_ulong_p(y)) { mpz_set_si(r, mpz_sgn(x) < 0 ? -1 : 0); break; }
      mpz_fdiv_q_2exp(r, x, mpz_get_ui(y));
      break;
    }
    case BinOp::Div: {
      if (!mpz_sgn(y)) zero_div();
      return Value::flt(int_true_divide(x, y));
    }
    case BinOp::Pow: return int_pow(a, b);
    default: unsupported(op, a, b);
  }
  return int_from_mpz(r);
}

static Value int_op(BinOp op, int64_t x, int64_t y) {
  int64_t r;
  switch (op) {
    case BinOp::Add: if (!__builtin_add_overflow(x, y, &r)) return Value::integer(r); break;
    case BinOp::Sub: if (!__builtin_sub_overflow(x, y, &r)) return Value::integer(r); break;
    case BinOp::Mul: if (!__builtin_mul_overflow(x, y, &r)) return Value::integer(r); break;
    case BinOp::FloorDiv:
      if (y == 0) zero_div(kIntFloorMod);
      if (!(x == INT64_MIN && y == -1)) return Value::integer(floordiv64(x, y));
      break;
    case BinOp::Mod:
      if (y == 0) zero_div("runtime.integer_modulo_by_zero");
      if (y == -1) return Value::integer(0);
      return Value::integer(mod64(x, y));
    case BinOp::Div:
      if (y == 0) zero_div();
      if (x > -(1LL << 53) && x < (1LL << 53) && y > -(1LL << 53) && y < (1LL << 53))  // both exact as doubles
        return Value::flt((double)x / (double)y);
      break;
    case BinOp::BitAnd: return Value::integer(x & y);
    case BinOp::BitOr: return Value::integer(x | y);
    case BinOp::BitXor: return Value::integer(x ^ y);
    case BinOp::LShift:
      if (y < 0) raise_id("ValueError", "runtime.negative_shift");
      if (y < 63 && x == ((x << y) >> y)) return Value::integer(x << y);
      break;
    case BinOp::RShift:
      if (y < 0) raise_id("ValueError", "runtime.negative_shift");
      return Value::integer(y >= 63 ? (x < 0 ? -1 : 0) : (x >> y));
    case BinOp::Pow: return int_pow(Value::integer(x), Value::integer(y));
    default: break;
  }
  return big_op(op, Value::integer(x), Value::integer(y));
}

// CPython's float floor division (Objects/floatobject.c, _float_div_mod): the quotient of
// x - fmod(x, y), which is exact, snapped to the nearest integer. floor(x / y) differs
// where x / y rounds up to an integer (1e308 // 1e300) and for infinities (inf // 3.0 is nan).
static double float_floordiv(double x, double y) {
  double mod = std::fmod(x, y);
  double div = (x - mod) / y;
  if (mod != 0 && ((y < 0) != (mod < 0))) div -= 1.0;
  if (div == 0) return std::copysign(0.0, x / y);
  double fl = std::floor(div);
  if (div - fl > 0.5) fl += 1.0;
  return fl;
}

static Value float_op(BinOp op, double x, double y, const Value& a, const Value& b) {
  switch (op) {
    case BinOp::Add: return Value::flt(x + y);
    case BinOp::Sub: return Value::flt(x - y);
    case BinOp::Mul: return Value::flt(x * y);
    case BinOp::Div: if (y == 0) zero_div("runtime.float_division_by_zero"); return Value::flt(x / y);
    case BinOp::FloorDiv: if (y == 0) zero_div("runtime.float_floor_division_by_zero"); return Value::flt(float_floordiv(x, y));
    case BinOp::Mod: {
      if (y == 0) zero_div("runtime.float_modulo");
      double m = std::fmod(x, y);
      if (m != 0 && ((m < 0) != (y < 0))) m += y;
      else if (m == 0) m = std::copysign(0.0, y);
      return Value::flt(m);
    }
    case BinOp::Pow: {
      if (x == 0 && y < 0) zero_div("runtime.zero_negative_power");
      if (x < 0 && y != std::floor(y)) raise_id("ValueError", "runtime.math_domain");
      double r = std::pow(x, y);
      if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) raise("OverflowError", "(34, '" + errno_text(ERANGE) + "')");
      return Value::flt(r);
    }
    default: unsupported(op, a, b);
  }
}

static bool is_num(const Value& v) { return v.t == VT::Int || v.t == VT::Float || v.t == VT::Bool || v.is(OK::Big); }

// How many copies `seq * n` makes: 0 for an empty sequence (no endless loop over nothing),
// MemoryError when the result could never fit in memory (not a wrapped size_t or a crash).
// Results larger than the machine's physical memory fail up front, without asking the
// allocator (under AddressSanitizer, operator new aborts instead of throwing bad_alloc).
static int64_t repeat_count(size_t unit, const Value& n, size_t elem_bytes) {
  static const uint64_t phys = [] {
    long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
    return pages > 0 && page > 0 ? uint64_t(pages) * uint64_t(page) : uint64_t(PTRDIFF_MAX);
  }();
  int64_t k = as_index(n);
  if (k <= 0 || unit == 0) return 0;
  if (uint64_t(k) > (uint64_t(PTRDIFF_MAX) / elem_bytes) / unit) raise("MemoryError", "");
  if (uint64_t(k) * unit * elem_bytes > phys) raise("MemoryError", "");
  return k;
}

static Value seq_repeat_list(const ValueVec& v, const Value& n, bool tuple) {
  int64_t k = repeat_count(v.size(), n, sizeof(Value));
  ValueVec out;
  if (k > 0) {
    out.reserve(v.size() * k);
    for (int64_t i = 0; i < k; ++i) out.insert(out.end(), v.begin(), v.end());
  }
  return tuple ? mk_tuple(std::move(out)) : mk_list(std::move(out));
}

Value str_percent(const std::string& fmt, const Value& args);

// b"%s %d" % args: the str formatting over the bytes, where a bytes-like argument (and a
// mapping's bytes keys) stands for its raw bytes, as %s and %b insert them.
static Value bytes_percent(const Value& fmt, const Value& args) {
  auto raw = [](const Value& v) { return v.is(OK::Bytes) ? mk_str(v.as<BytesObj>()->s) : v; };
  Value conv;
  if (args.is(OK::Tuple)) {
    ValueVec items;
    for (const Value& x : args.as<TupleObj>()->v) items.push_back(raw(x));
    conv = mk_tuple(std::move(items));
  } else if (args.is(OK::Dict)) {
    conv = mk_dict();
    args.as<DictObj>()->for_each([&](const Value& k, const Value& v) { conv.as<DictObj>()->set(raw(k), raw(v)); });
  } else {
    conv = raw(args);
  }
  Value out = str_percent(fmt.as<BytesObj>()->s, conv);
  return mk_bytes_like(fmt, str_of(out));
}

// An operator's method on a class: its name's hash is worked out once per operator, not on
// every operation between instances.
static const Value* find_dunder(const ClassObj* c, BinOp op, bool reflected) {
  constexpr size_t kOps = static_cast<size_t>(BinOp::BitXor) + 1;
  static const auto hashes = [] {
    std::array<std::array<int64_t, 2>, kOps> t{};
    for (size_t i = 0; i < kOps; ++i)
      for (int r = 0; r < 2; ++r) t[i][r] = str_hash_sv(op_dunder(static_cast<BinOp>(i), r != 0));
    return t;
  }();
  return c->find(op_dunder(op, reflected), hashes[static_cast<size_t>(op)][reflected ? 1 : 0]);
}

static Value try_dunder(BinOp op, const Value& a, const Value& b, bool& ok) {
  ok = true;
  // Python's rule: when the right operand's class is a proper subclass of the left's and gives
  // the reflected method its own definition, that method is tried first.
  const Value* first = nullptr;
  if (a.is(OK::Inst) && b.is(OK::Inst) && a.o->type != b.o->type && b.o->type->is_subclass(a.o->type)) {
    const Value* rm = find_dunder(b.o->type, op, true);
    if (rm && rm != find_dunder(a.o->type, op, true)) first = rm;
  }
  if (first) {
    Value r = call2(*first, b, a);
    if (!r.same(I->not_impl)) return r;
  }
  if (a.is(OK::Inst)) {
    if (const Value* m = find_dunder(a.o->type, op, false)) {
      Value r = call2(*m, a, b);
      if (!r.same(I->not_impl)) return r;
    }
  }
  if (b.is(OK::Inst) && !(a.is(OK::Inst) && a.o->type == b.o->type) && !first) {
    if (const Value* m = find_dunder(b.o->type, op, true)) {
      Value r = call2(*m, b, a);
      if (!r.same(I->not_impl)) return r;
    }
  }
  ok = false;
  return Value();
}

// An object of a subclass of a builtin type (class N(int), Counter, an IntFlag member): the
// operator method a non-builtin class in its MRO defines, before the builtin's own; null else.
// (Types made in C++ on a builtin's layout, Counter or OrderedDict, count as subclasses: their
// class is flagged builtin but has more than itself and object in its MRO.)
static bool core_type(const ClassObj* c) { return c->builtin && c->mro.size() <= 2; }
static bool maybe_subclass(const Value& v) { return v.t == VT::Obj && !core_type(v.o->type); }
static const Value* subclass_op(const Value& v, const char* name) {
  if (!maybe_subclass(v) || v.o->kind == OK::Inst || v.o->kind == OK::Class) return nullptr;
  for (ClassObj* c : v.o->type->mro) {
    if (core_type(c)) return nullptr;
    if (const Value* m = c->dict->find_str(name, str_hash_sv(name))) return m->is(OK::Func) || m->is(OK::Native) ? m : nullptr;
  }
  return nullptr;
}

static bool subclass_binop(BinOp op, const Value& a, const Value& b, Value& out) {
  if (const Value* m = subclass_op(a, op_dunder(op, false))) {
    out = call2(*m, a, b);
    if (!out.same(I->not_impl)) return true;
  }
  if (!(a.t == VT::Obj && b.t == VT::Obj && a.o->type == b.o->type)) {
    if (const Value* m = subclass_op(b, op_dunder(op, true))) {
      out = call2(*m, b, a);
      if (!out.same(I->not_impl)) return true;
    }
  }
  return false;
}

template <bool Inplace>
static Value binop_t(BinOp op, const Value& a, const Value& b) {
  if (a.t == VT::Int && b.t == VT::Int) return int_op(op, a.i, b.i);
  if (maybe_subclass(a) || maybe_subclass(b)) {
    Value r;
    if (subclass_binop(op, a, b, r)) return r;
  }
  if (is_num(a) && is_num(b)) {
    if (a.t == VT::Float || b.t == VT::Float) {
      if (op == BinOp::Pow || op == BinOp::Div || op == BinOp::Add || op == BinOp::Sub || op == BinOp::Mul ||
          op == BinOp::FloorDiv || op == BinOp::Mod)
        return float_op(op, to_double(a), to_double(b), a, b);
      unsupported(op, a, b, Inplace);
    }
    if (a.t != VT::Obj && b.t != VT::Obj) {
      int64_t x = a.t == VT::Bool ? a.b : a.i, y = b.t == VT::Bool ? b.b : b.i;
      if (a.t == VT::Bool && b.t == VT::Bool && (op == BinOp::BitAnd || op == BinOp::BitOr || op == BinOp::BitXor)) {
        int64_t r = op == BinOp::BitAnd ? (x & y) : op == BinOp::BitOr ? (x | y) : (x ^ y);
        return Value::boolean(r != 0);
      }
      return int_op(op, x, y);
    }
    return big_op(op, a, b);
  }
  if ((op == BinOp::BitAnd || op == BinOp::BitOr || op == BinOp::Sub || op == BinOp::BitXor) &&
      ((a.is(OK::DictView) && a.as<DictViewObj>()->set_like()) || (b.is(OK::DictView) && b.as<DictViewObj>()->set_like())) &&
      !a.is(OK::Inst) && !b.is(OK::Inst)) {
    Value other = a.is(OK::DictView) ? b : a;
    if (other.is(OK::DictView) || other.is(OK::Set) || other.is(OK::FrozenSet) || other.is(OK::List) ||
        other.is(OK::Tuple) || other.is(OK::Dict) || other.is(OK::Str) || other.is(OK::Range) || other.is(OK::Iter) || other.is(OK::Gen))
      return dict_view_binop(op, a, b);
  }
  if (a.t == VT::Obj) {
    OK ka = a.o->kind;
    if (ka == OK::Str) {
      if (op == BinOp::Add && b.is(OK::Str)) {
        const std::string& x = str_of(a);
        const std::string& y = str_of(b);
        std::string r;
        r.reserve(x.size() + y.size());
        r += x;
        r += y;
        return mk_str(std::move(r));
      }
      if (op == BinOp::Mul && is_intlike(b)) {
        const std::string& x = str_of(a);
        int64_t k = repeat_count(x.size(), b, 1);
        std::string r;
        if (k > 0) { r.reserve(x.size() * k); for (int64_t i = 0; i < k; ++i) r += x; }
        return mk_str(std::move(r));
      }
      if (op == BinOp::Mod) return str_percent(str_of(a), b);
    } else if (ka == OK::List) {
      if (op == BinOp::Add && b.is(OK::List)) {
        ValueVec r = a.as<ListObj>()->v;
        auto& y = b.as<ListObj>()->v;
        r.insert(r.end(), y.begin(), y.end());
        return mk_list(std::move(r));
      }
      if (op == BinOp::Mul && is_intlike(b)) return seq_repeat_list(a.as<ListObj>()->v, b, false);
    } else if (ka == OK::Tuple) {
      if (op == BinOp::Add && b.is(OK::Tuple)) {
        ValueVec r = a.as<TupleObj>()->v;
        auto& y = b.as<TupleObj>()->v;
        r.insert(r.end(), y.begin(), y.end());
        return mk_tuple(std::move(r));
      }
      if (op == BinOp::Mul && is_intlike(b)) return seq_repeat_list(a.as<TupleObj>()->v, b, true);
    } else if (ka == OK::Bytes) {
      if (op == BinOp::Add && b.is(OK::Bytes)) return mk_bytes_like(a, a.as<BytesObj>()->s + b.as<BytesObj>()->s);
      if (op == BinOp::Add && !b.is_obj()) raise_id("TypeError", "runtime.cant_concat", {{"right", type_name(b)}, {"left", type_name(a)}});
      if (op == BinOp::Add && b.o->type->builtin) raise_id("TypeError", "runtime.cant_concat", {{"right", type_name(b)}, {"left", type_name(a)}});
      if (op == BinOp::Mul && is_intlike(b)) {
        std::string r;
        int64_t k = repeat_count(a.as<BytesObj>()->s.size(), b, 1);
        r.reserve(a.as<BytesObj>()->s.size() * size_t(k));
        for (int64_t i = 0; i < k; ++i) r += a.as<BytesObj>()->s;
        return mk_bytes_like(a, std::move(r));
      }
      if (op == BinOp::Mod) return bytes_percent(a, b);
    } else if ((ka == OK::Set || ka == OK::FrozenSet) && (b.is(OK::Set) || b.is(OK::FrozenSet))) {
      switch (op) {
        case BinOp::BitOr: return set_union(a, b);
        case BinOp::BitAnd: return set_intersection(a, b);
        case BinOp::Sub: return set_difference(a, b);
        case BinOp::BitXor: return set_symmetric_difference(a, b);
        default: break;
      }
    } else if (ka == OK::Dict && op == BinOp::BitOr && b.is(OK::Dict)) {
      Value r = mk_dict();
      a.as<DictObj>()->for_each([&](const Value& k, const Value& v) { r.as<DictObj>()->set(k, v); });
      b.as<DictObj>()->for_each([&](const Value& k, const Value& v) { r.as<DictObj>()->set(k, v); });
      return r;
    }
  }
  if (a.is(OK::Inst) || b.is(OK::Inst)) {
    bool ok;
    Value r = try_dunder(op, a, b, ok);
    if (ok) return r;
  }
  if (b.t == VT::Obj && (b.is(OK::List) || b.is(OK::Tuple) || b.is(OK::Str)) && op == BinOp::Mul && is_intlike(a)) return binop(op, b, a);
  // int | None, str | bytes: a types.UnionType (annotations, isinstance)
  if (op == BinOp::BitOr && (a.is(OK::Class) || b.is(OK::Class)) && (a.is(OK::Class) || a.is_none()) && (b.is(OK::Class) || b.is_none()))
    return class_union(a, b);
  unsupported(op, a, b, Inplace);
}

Value binop(BinOp op, const Value& a, const Value& b) { return binop_t<false>(op, a, b); }

Value inplace_op(BinOp op, const Value& a, const Value& b) {
  if (a.t == VT::Int && b.t == VT::Int) return int_op(op, a.i, b.i);
  if (is_bytearray(a)) return bytearray_inplace(op, a, b);
  if (a.is(OK::List)) {
    if (op == BinOp::Add) {
      auto* l = a.as<ListObj>();
      if (b.is(OK::List)) {
        ValueVec tmp = b.as<ListObj>()->v;
        l->v.insert(l->v.end(), tmp.begin(), tmp.end());
      } else {
        ValueVec tmp = to_vec(b);
        l->v.insert(l->v.end(), tmp.begin(), tmp.end());
      }
      return a;
    }
    if (op == BinOp::Mul) {
      auto* l = a.as<ListObj>();
      int64_t k = repeat_count(l->v.size(), b, sizeof(Value));
      ValueVec orig = l->v;
      l->v.clear();
      l->v.reserve(orig.size() * size_t(k));
      for (int64_t i = 0; i < k; ++i) l->v.insert(l->v.end(), orig.begin(), orig.end());
      return a;
    }
  }
  if (a.is(OK::Set) && (b.is(OK::Set) || b.is(OK::FrozenSet))) {
    SetObj* x = a.as<SetObj>();
    switch (op) {
      case BinOp::BitOr: x->update(b); return a;
      case BinOp::Sub: set_difference_update(x, b); return a;
      case BinOp::BitXor: set_symmetric_difference_update(x, b); return a;
      case BinOp::BitAnd: {
        Value t = set_intersection(a, b);
        x->swap_bodies(t.as<SetObj>());
        return a;
      }
      default: break;
    }
  }
  if (a.is(OK::Dict) && op == BinOp::BitOr && b.is(OK::Dict)) {
    b.as<DictObj>()->for_each([&](const Value& k, const Value& v) { a.as<DictObj>()->set(k, v); });
    return a;
  }
  if (a.is(OK::Inst)) {
    if (const Value* m = a.o->type->find(op_idunder(op))) {
      Value r = call2(*m, a, b);
      if (!r.same(I->not_impl)) return r;
    }
  }
  return binop_t<true>(op, a, b);
}

Value unary(ast::UnaryOp op, const Value& a) {
  if (op != ast::UnaryOp::Not && maybe_subclass(a)) {  // class N(int) with its own __neg__ ...
    const char* name = op == ast::UnaryOp::Neg ? "__neg__" : op == ast::UnaryOp::Pos ? "__pos__" : "__invert__";
    if (const Value* m = subclass_op(a, name)) return call1(*m, a);
  }
  switch (op) {
    case ast::UnaryOp::Not: return Value::boolean(!truthy(a));
    case ast::UnaryOp::Neg:
      if (a.t == VT::Int) {
        if (a.i != INT64_MIN) return Value::integer(-a.i);
        return big_op(BinOp::Sub, Value::integer(0), a);
      }
      if (a.t == VT::Float) return Value::flt(-a.f);
      if (a.t == VT::Bool) return Value::integer(-(int64_t)a.b);
      if (a.is(OK::Big)) return big_op(BinOp::Sub, Value::integer(0), a);
      if (a.is(OK::Inst)) if (const Value* m = a.o->type->find("__neg__")) return call1(*m, a);
      raise_id("TypeError", "runtime.bad_operand_unary", {{"op", "-"}, {"type", type_name(a)}});
    case ast::UnaryOp::Pos:
      if (a.t == VT::Int || a.t == VT::Float || a.is(OK::Big)) return a;
      if (a.t == VT::Bool) return Value::integer(a.b);
      if (a.is(OK::Inst)) if (const Value* m = a.o->type->find("__pos__")) return call1(*m, a);
      raise_id("TypeError", "runtime.bad_operand_unary", {{"op", "+"}, {"type", type_name(a)}});
    case ast::UnaryOp::Invert:
      if (a.t == VT::Int) return Value::integer(~a.i);
      if (a.t == VT::Bool) return Value::integer(~(int64_t)a.b);
      if (a.is(OK::Big)) return big_op(BinOp::Sub, Value::integer(-1), a);
      if (a.is(OK::Inst)) if (const Value* m = a.o->type->find("__invert__")) return call1(*m, a);
      raise_id("TypeError", "runtime.bad_operand_unary", {{"op", "~"}, {"type", type_name(a)}});
  }
  return Value();
}


}  // namespace ml::interp
