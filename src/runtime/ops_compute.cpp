// Operations on numbers, matrices, strings and bytes (hashes, ciphers).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <exception>
#include <map>
#include <thread>
#include <type_traits>
#include <unordered_map>

#include "kernels/kernels.h"
#include "support/utf8.h"
#include "runtime/ops.h"
#include "support/huge_pages.h"

namespace ml::runtime::ops {

using engine::Val;

// ---------------------------------------------------------------- numeric

// fibonacci(n) past 64 bits (n > 92), exact as Python's ints: limbs of 10^18 added on the host
// (the kernels compute in 64 bits); n is bounded so that the call stays well under a second.
constexpr int64_t kMaxBigFibonacci = 20000;
std::string big_fibonacci(int64_t n) {
  constexpr uint64_t kBase = 1000000000000000000ull;
  std::vector<uint64_t> a{0}, b{1};  // little-endian limbs
  for (int64_t i = 0; i < n; ++i) {
    std::vector<uint64_t> c(std::max(a.size(), b.size()) + 1, 0);
    uint64_t carry = 0;
    for (size_t k = 0; k + 1 < c.size(); ++k) {
      uint64_t s = (k < a.size() ? a[k] : 0) + (k < b.size() ? b[k] : 0) + carry;
      carry = s >= kBase;
      c[k] = carry ? s - kBase : s;
    }
    c.back() = carry;
    if (!c.back()) c.pop_back();
    a = std::move(b);
    b = std::move(c);
  }
  std::string out = std::to_string(a.back());
  for (size_t k = a.size() - 1; k-- > 0;) out += fmt::format("{:018}", a[k]);
  return out;
}

Value op_fibonacci(Machine& m, const std::vector<Value>& a) {
  int64_t n = int_arg(a, 0, "n");
  if (n < 0) bad_arg("fibonacci(n) needs n >= 0");
  if (n > kMaxBigFibonacci) bad_arg(fmt::format("fibonacci(n) is limited to n <= {}", kMaxBigFibonacci));
  if (n > 92) return Value::bigint(big_fibonacci(n));
  return Value::integer(m.call1("mlk_fibonacci", {Val::I32(int32_t(n))}).i64);
}
Value op_fibonacci_recursive(Machine& m, const std::vector<Value>& a) {
  int64_t n = int_arg(a, 0, "n");
  if (n < 0 || n > 92) bad_arg("fibonacci_recursive(n) needs 0 <= n <= 92");
  return Value::integer(m.call1("mlk_fibonacci_recursive", {Val::I32(int32_t(n))}).i64);
}
Value op_prime_factors(Machine& m, const std::vector<Value>& a) {
  int64_t n = int_arg(a, 0, "n");
  auto out = m.alloc(64 * 8);
  int32_t c = m.call1("mlk_prime_factors", {Val::I64(n), m.arg(out), Val::I32(64)}).i32;
  std::vector<Value> r;
  const uint8_t* p = m.ptr(out);
  for (int32_t i = 0; i < c; ++i) {
    int64_t f;
    std::memcpy(&f, p + 8 * i, 8);
    r.push_back(Value::integer(f));
  }
  return Value::list(std::move(r));
}
Value op_gcd(Machine& m, const std::vector<Value>& a) {
  int64_t r = m.call1("mlk_gcd", {Val::I64(int_arg(a, 0, "a")), Val::I64(int_arg(a, 1, "b"))}).i64;
  if (r < 0) throw CallError(CallError::Kind::Domain, "gcd does not fit in 64 bits");
  return Value::integer(r);
}
Value op_lcm(Machine& m, const std::vector<Value>& a) {
  int64_t x = int_arg(a, 0, "a"), y = int_arg(a, 1, "b");
  int64_t r = m.call1("mlk_lcm", {Val::I64(x), Val::I64(y)}).i64;
  if (r < 0) throw CallError(CallError::Kind::Domain, fmt::format("lcm({}, {}) does not fit in 64 bits", x, y));
  return Value::integer(r);
}
Value op_factorial(Machine& m, const std::vector<Value>& a) {
  int64_t n = int_arg(a, 0, "n");
  if (n < 0) bad_arg("factorial(n) needs n >= 0");
  if (n > 100000) bad_arg("factorial(n) is limited to n <= 100000");
  int32_t cap = m.call1("mlk_factorial_limbs_needed", {Val::I32(int32_t(n))}).i32;
  auto limbs = m.alloc(uint64_t(cap) * 4);
  int32_t used = m.call1("mlk_factorial", {Val::I32(int32_t(n)), m.arg(limbs), Val::I32(cap)}).i32;
  if (used < 0) throw CallError(CallError::Kind::Backend, "factorial: limb capacity too small");
  const uint8_t* p = m.ptr(limbs);
  auto limb = [&](int32_t i) {
    uint32_t v;
    std::memcpy(&v, p + 4 * i, 4);
    return v;
  };
  std::string digits = std::to_string(limb(used - 1));
  for (int32_t i = used - 2; i >= 0; --i) digits += fmt::format("{:09d}", limb(i));
  if (n <= 20) return Value::integer(std::stoll(digits));
  return Value::bigint(std::move(digits));
}
Value op_monte_carlo_pi(Machine& m, const std::vector<Value>& a) {
  int64_t n = int_arg(a, 0, "samples");
  if (n < 0) bad_arg("monte_carlo_pi(samples) needs samples >= 0");
  int64_t seed = a.size() > 1 ? int_arg(a, 1, "seed") : 42;
  return Value::number(m.call1("mlk_monte_carlo_pi", {Val::I64(n), Val::I64(seed)}).f64);
}

// ---------------------------------------------------------------- matrix

Value matrix_result(Machine& m, Machine::Buf b, int64_t rows, int64_t cols) {
  Matrix r;
  r.rows = rows;
  r.cols = cols;
  support::resize_huge(r.data, size_t(rows * cols));
  if (!r.data.empty()) std::memcpy(r.data.data(), m.ptr(b), r.data.size() * 8);
  return Value::matrix(std::move(r));
}

// A matrix argument read where it is: a Matrix value's doubles (a caller's buffer too:
// Value::matrix_view), or a list of rows (lists of numbers) converted straight into the
// machine's buffer, without an intermediate Matrix.
struct MatrixIn {
  const Value* v = nullptr;
  int64_t rows = 0, cols = 0;
};
MatrixIn matrix_in(const std::vector<Value>& a, size_t i, const char* what) {
  MatrixIn x{&a[i]};
  if (a[i].kind() == Value::Kind::Matrix) {
    x.rows = a[i].matrix_rows(), x.cols = a[i].matrix_cols();
    return x;
  }
  if (a[i].kind() != Value::Kind::List) {
    Matrix m = matrix_arg(a, i, what);  // throws the conversion's own error
    x.rows = m.rows, x.cols = m.cols;
    return x;
  }
  const auto& rows = a[i].as_list();
  x.rows = int64_t(rows.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    bool plain = rows[r].kind() == Value::Kind::List;
    int64_t len = plain ? int64_t(rows[r].as_list().size()) : -1;
    if (plain)
      for (const Value& e : rows[r].as_list()) plain = plain && e.is_number();
    if (!plain) {  // other row kinds, and the errors, as the general conversion has them
      Matrix m = matrix_arg(a, i, what);
      x.rows = m.rows, x.cols = m.cols;
      return x;
    }
    if (r == 0) x.cols = len;
    else if (len != x.cols)
      bad_arg(fmt::format("argument {} ({}): matrix rows differ in length: row 0 has {}, row {} has {}", i + 1, what,
                          x.cols, r, len));
  }
  if (x.cols == 0) x.rows = rows.empty() ? 0 : x.rows;
  return x;
}
// The doubles of x in machine memory (natively a Matrix is read in place); with min_bytes, a
// buffer of at least that many bytes holding them at its start.
Machine::Buf matrix_input(Machine& m, const MatrixIn& x, uint64_t min_bytes = 0) {
  uint64_t bytes = uint64_t(x.rows * x.cols) * 8;
  bool plain = x.v->kind() == Value::Kind::List;
  for (size_t r = 0; plain && r < x.v->as_list().size(); ++r) plain = x.v->as_list()[r].kind() == Value::Kind::List;
  if (x.v->kind() == Value::Kind::Matrix || !plain) {
    Matrix conv;
    bool in_place = x.v->kind() == Value::Kind::Matrix;
    if (!in_place) conv = x.v->to_matrix();
    const double* src = in_place ? x.v->doubles_view().data() : conv.data.data();
    if (min_bytes <= bytes && in_place) return m.input(src, bytes);
    Machine::Buf b = m.alloc(std::max(bytes, min_bytes));
    if (bytes) std::memcpy(m.ptr(b), src, bytes);
    return b;
  }
  Machine::Buf b = m.alloc(std::max(bytes, min_bytes));
  double* d = reinterpret_cast<double*>(m.ptr(b));
  for (const Value& row : x.v->as_list())
    for (const Value& e : row.as_list()) *d++ = e.as_float();
  return b;
}

Value op_matrix_multiply(Machine& m, const std::vector<Value>& a) {
  MatrixIn A = matrix_in(a, 0, "a"), B = matrix_in(a, 1, "b");
  bool empty = A.rows * A.cols == 0 && B.rows * B.cols == 0;
  if (A.cols != B.rows && !empty)
    bad_arg(fmt::format("matrix_multiply: a is {}x{} and b is {}x{}; a's columns must equal b's rows", A.rows,
                        A.cols, B.rows, B.cols));
  int32_t n = checked_len(A.rows, "rows"), k = checked_len(A.cols, "columns"), mm = checked_len(B.cols, "columns");
  Matrix r{n, mm, {}};
  support::resize_huge(r.data, size_t(n) * size_t(mm));
  uint64_t c_bytes = r.data.size() * 8;
  auto ba = matrix_input(m, A);
  // In WebAssembly the product is written over its copy of b (the kernel packs each panel of b
  // before writing that panel of c): two matrices of linear memory, not three. Natively b may be
  // the caller's own matrix, so c is the result's memory.
  auto bb = matrix_input(m, B, m.is_wasm() ? c_bytes : 0);
  auto bc = m.is_wasm() ? bb : m.output(r.data.data(), c_bytes);
  // Large products are split into column panels across the machine's threads (same result).
  // Below about 160^3 multiply-adds (0.1-0.3 ms of work) waking a second thread and waiting for
  // its last panel costs more than it saves: the seed's 100x100 multiply took 0.35 ms split and
  // 0.28 ms on one thread natively (0.28 / 0.24 ms in WebAssembly; ml_rt_bench, medians of 5 at
  // load 11), so it runs on the calling thread.
  unsigned threads = double(n) * k * mm >= 4e6 ? m.threads() : 1;
  int32_t pw = m.call1("mlk_matrix_multiply_panel_width", {Val::I32(mm), Val::I32(k), Val::I32(int32_t(threads))}).i32;
  int32_t panels = mm ? (mm + pw - 1) / pw : 0;
  if (unsigned(panels) < threads) threads = std::max(1, panels);
  int32_t scratch = m.call1("mlk_matrix_multiply_scratch_doubles", {Val::I32(k), Val::I32(pw)}).i32;
  if (scratch < 0) bad_arg(fmt::format("matrix_multiply: b has too many rows ({})", k));
  auto counter = m.alloc(4);
  std::memset(m.ptr(counter), 0, 4);
  std::vector<std::vector<Val>> lists;
  for (unsigned t = 0; t < threads; ++t) {
    auto sb = m.alloc(uint64_t(scratch) * 8);
    lists.push_back({m.arg(ba), m.arg(bb), m.arg(bc), Val::I32(n), Val::I32(k), Val::I32(mm), Val::I32(pw), m.arg(sb),
                     m.arg(counter)});
  }
  m.call_split("mlk_matrix_multiply", lists);
  m.collect(bc, r.data.data(), c_bytes);
  return Value::matrix(std::move(r));
}
Value op_matrix_transpose(Machine& m, const std::vector<Value>& a) {
  MatrixIn A = matrix_in(a, 0, "a");
  auto ba = matrix_input(m, A);
  auto bo = m.alloc(uint64_t(A.rows * A.cols) * 8);
  m.call("mlk_matrix_transpose",
         std::vector<Val>{m.arg(ba), m.arg(bo), Val::I32(checked_len(A.rows, "rows")), Val::I32(checked_len(A.cols, "columns"))});
  return matrix_result(m, bo, A.cols, A.rows);
}
Value op_matrix_determinant(Machine& m, const std::vector<Value>& a) {
  Matrix A = matrix_arg(a, 0, "a");
  if (A.rows != A.cols) bad_arg(fmt::format("determinant needs a square matrix, got {}x{}", A.rows, A.cols));
  auto ba = m.alloc(A.data.size() * 8);  // overwritten by the kernel: always a copy
  if (!A.data.empty()) std::memcpy(m.ptr(ba), A.data.data(), A.data.size() * 8);
  return Value::number(m.call1("mlk_matrix_determinant", {m.arg(ba), Val::I32(checked_len(A.rows, "rows"))}).f64);
}

// ---------------------------------------------------------------- strings

Value op_string_reverse(Machine& m, const std::vector<Value>& a) {
  auto s = bytes_arg(a, 0, "text");
  int32_t n = checked_len(s.size(), "text");
  auto in = m.input(s.data(), s.size());
  auto out = m.alloc(s.size());
  m.call("mlk_string_reverse", std::vector<Val>{m.arg(in), Val::I32(n), m.arg(out)});
  return same_kind(a[0], std::vector<uint8_t>(m.ptr(out), m.ptr(out) + n));
}
Value op_string_is_palindrome(Machine& m, const std::vector<Value>& a) {
  auto s = bytes_arg(a, 0, "text");
  int32_t n = checked_len(s.size(), "text");
  auto in = m.input(s.data(), s.size());
  auto scratch = m.alloc(uint64_t(n) * 4);
  return Value::boolean(m.call1("mlk_string_is_palindrome", {m.arg(in), Val::I32(n), m.arg(scratch)}).i32 != 0);
}
Value op_string_char_frequency(Machine& m, const std::vector<Value>& a) {
  auto s = bytes_arg(a, 0, "text");
  int32_t n = checked_len(s.size(), "text");
  int32_t tsize = m.call1("mlk_string_table_size", {Val::I32(n)}).i32;
  auto in = m.input(s.data(), s.size());
  auto table = m.alloc(uint64_t(tsize) * 4);
  auto cps = m.alloc(uint64_t(n) * 4), counts = m.alloc(uint64_t(n) * 4);
  int32_t d = m.call1("mlk_string_char_frequency", {m.arg(in), Val::I32(n), m.arg(table), m.arg(cps), m.arg(counts)}).i32;
  std::vector<std::pair<std::string, Value>> out;
  const uint8_t* pc = m.ptr(cps);
  const uint8_t* pn = m.ptr(counts);
  for (int32_t i = 0; i < d; ++i) {
    uint32_t cp;
    int32_t c;
    std::memcpy(&cp, pc + 4 * i, 4);
    std::memcpy(&c, pn + 4 * i, 4);
    out.emplace_back(utf8::encode(cp), Value::integer(c));
  }
  return Value::dict(std::move(out));
}
Value op_string_longest_unique(Machine& m, const std::vector<Value>& a) {
  auto s = bytes_arg(a, 0, "text");
  int32_t n = checked_len(s.size(), "text");
  int32_t tsize = m.call1("mlk_string_table_size", {Val::I32(n)}).i32;
  auto in = m.input(s.data(), s.size());
  auto table = m.alloc(uint64_t(tsize) * 4);
  auto pos = m.alloc(uint64_t(n) * 8 + 8);
  auto res = m.alloc(8);
  Machine::Buf start{res.id}, len{res.id};
  // two int32 results in one 8-byte buffer
  Val pstart = m.arg(res);
  Val plen = m.is_wasm() ? Val::I32(pstart.i32 + 4) : Val::I64(pstart.i64 + 4);
  m.call("mlk_string_longest_unique", std::vector<Val>{m.arg(in), Val::I32(n), m.arg(table), m.arg(pos), pstart, plen});
  (void)start;
  (void)len;
  int32_t st, ln;
  std::memcpy(&st, m.ptr(res), 4);
  std::memcpy(&ln, m.ptr(res) + 4, 4);
  return same_kind(a[0], std::vector<uint8_t>(s.begin() + st, s.begin() + st + ln));
}

// ---------------------------------------------------------------- crypto

Value op_crypto_hash(Machine& m, const std::vector<Value>& a) {
  auto s = bytes_arg(a, 0, "data");
  auto in = m.input(s.data(), s.size());
  auto out = m.alloc(32);
  m.call("mlk_sha256", std::vector<Val>{m.arg(in), Val::I32(checked_len(s.size(), "data")), m.arg(out)});
  return Value::str(hex(m.ptr(out), 32));
}
Value op_crypto_fnv1a(Machine& m, const std::vector<Value>& a) {
  auto s = bytes_arg(a, 0, "data");
  auto in = m.input(s.data(), s.size());
  uint64_t h = uint64_t(m.call1("mlk_fnv1a64", {m.arg(in), Val::I32(checked_len(s.size(), "data"))}).i64);
  uint8_t be[8];
  for (int i = 0; i < 8; ++i) be[i] = uint8_t(h >> (56 - 8 * i));
  return Value::str(hex(be, 8));
}
Value op_crypto_xor(Machine& m, const std::vector<Value>& a) {
  auto data = bytes_arg(a, 0, "data");
  auto key = bytes_arg(a, 1, "key");
  if (key.empty()) bad_arg("the XOR key must not be empty");
  int32_t n = checked_len(data.size(), "data");
  auto in = m.input(data.data(), data.size());
  auto k = m.input(key.data(), key.size());
  // The result is written where it is returned: natively by the kernel itself, in WebAssembly
  // over the input's copy in linear memory (one buffer there, not two), then copied out. Those
  // two copies are what WebAssembly costs beyond the kernel: natively the input is read in place.
  BytesResult res = bytes_result(data.size());
  auto out = m.is_wasm() ? in : m.output(res.data, data.size());
  m.call("mlk_xor_cipher",
         std::vector<Val>{m.arg(in), Val::I32(n), m.arg(k), Val::I32(checked_len(key.size(), "key")), m.arg(out)});
  m.collect(out, res.data, data.size());
  return res.value;
}

}  // namespace ml::runtime::ops
