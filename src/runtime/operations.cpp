#include "runtime/operations.h"

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
#include "support/huge_pages.h"

namespace ml::runtime {

using engine::Val;

// ---------------------------------------------------------------- machines

#define ML_KERNEL_LIST(X)                                                                                \
  X(mlk_fibonacci) X(mlk_fibonacci_recursive) X(mlk_prime_factors) X(mlk_gcd) X(mlk_lcm)                 \
  X(mlk_factorial_limbs_needed) X(mlk_factorial) X(mlk_matrix_multiply) X(mlk_matrix_multiply_panel_width)          \
  X(mlk_matrix_multiply_scratch_doubles) X(mlk_matrix_transpose)          \
  X(mlk_matrix_determinant) X(mlk_string_reverse) X(mlk_string_is_palindrome) X(mlk_string_table_size)   \
  X(mlk_string_char_frequency) X(mlk_string_longest_unique) X(mlk_fnv1a64) X(mlk_sha256)                 \
  X(mlk_xor_cipher) X(mlk_data_sort) X(mlk_data_sum) X(mlk_binary_search) X(mlk_linear_search)           \
  X(mlk_json_parse) X(mlk_json_tape_stats) X(mlk_json_stringify) X(mlk_image_box_blur) X(mlk_image_box_blur_scratch_bytes)                   \
  X(mlk_image_gaussian_blur) X(mlk_monte_carlo_pi)

namespace {

template <class T>
T from_val(const Val& v) {
  if constexpr (std::is_pointer_v<T>) return reinterpret_cast<T>(static_cast<uintptr_t>(v.i64));
  else if constexpr (std::is_floating_point_v<T>) return T(v.type == engine::ValType::F32 ? v.f32 : v.f64);
  else if constexpr (sizeof(T) == 8) return T(v.i64);
  else return T(v.i32);
}
template <class R>
Val to_val(R r) {
  if constexpr (std::is_floating_point_v<R>) return Val::F64(double(r));
  else if constexpr (sizeof(R) == 8) return Val::I64(int64_t(r));
  else return Val::I32(int32_t(r));
}

using Thunk = std::vector<Val> (*)(std::span<const Val>);

template <auto F, class R, class... A, size_t... I>
std::vector<Val> invoke(std::span<const Val> a, std::index_sequence<I...>) {
  if constexpr (std::is_void_v<R>) {
    F(from_val<A>(a[I])...);
    return {};
  } else {
    return {to_val<R>(F(from_val<A>(a[I])...))};
  }
}
template <auto F, class R, class... A>
Thunk thunk_of(R (*)(A...)) {
  return [](std::span<const Val> a) -> std::vector<Val> {
    if (a.size() != sizeof...(A)) throw CallError(CallError::Kind::Backend, "native kernel called with wrong arity");
    return invoke<F, R, A...>(a, std::index_sequence_for<A...>{});
  };
}

const std::unordered_map<std::string_view, Thunk>& native_kernels() {
  static const std::unordered_map<std::string_view, Thunk> table = {
#define ML_THUNK(f) {#f, thunk_of<&f>(&f)},
      ML_KERNEL_LIST(ML_THUNK)
#undef ML_THUNK
  };
  return table;
}

class NativeMachine final : public Machine {
 public:
  bool is_wasm() const override { return false; }
  Buf alloc(uint64_t bytes) override {
    // uninitialized, like the WebAssembly machine's buffers (kernels write what they return)
    owned_.push_back(std::make_unique_for_overwrite<uint8_t[]>(std::max<uint64_t>(bytes, 1)));
    support::advise_huge_pages(owned_.back().get(), bytes);  // untouched yet: faulted in 2 MiB pages
    ptrs_.push_back(owned_.back().get());
    return Buf{ptrs_.size() - 1};
  }
  Buf input(const void* data, uint64_t) override {
    ptrs_.push_back(static_cast<uint8_t*>(const_cast<void*>(data)));
    return Buf{ptrs_.size() - 1};
  }
  Buf output(void* host, uint64_t) override {
    ptrs_.push_back(static_cast<uint8_t*>(host));
    return Buf{ptrs_.size() - 1};
  }
  void collect(Buf, void*, uint64_t) override {}
  uint8_t* ptr(Buf b) override { return ptrs_[b.id]; }
  Val arg(Buf b) override { return Val::I64(int64_t(reinterpret_cast<uintptr_t>(ptrs_[b.id]))); }
  std::vector<Val> call(std::string_view kernel, std::span<const Val> args) override {
    auto it = native_kernels().find(kernel);
    if (it == native_kernels().end())
      throw CallError(CallError::Kind::Backend, fmt::format("no native kernel {}", kernel));
    return it->second(args);
  }
  unsigned threads() const override { return parallel ? std::max(1u, std::min(8u, std::thread::hardware_concurrency())) : 1; }
  void call_split(std::string_view kernel, const std::vector<std::vector<Val>>& lists) override {
    if (lists.size() <= 1) return Machine::call_split(kernel, lists);
    std::vector<std::exception_ptr> errors(lists.size());
    std::vector<std::thread> others;
    for (size_t t = 1; t < lists.size(); ++t)
      others.emplace_back([&, t] {
        try {
          call(kernel, lists[t]);
        } catch (...) {
          errors[t] = std::current_exception();
        }
      });
    try {
      call(kernel, lists[0]);
    } catch (...) {
      errors[0] = std::current_exception();
    }
    for (auto& th : others) th.join();
    for (auto& e : errors)
      if (e) std::rethrow_exception(e);
  }

 private:
  std::vector<std::unique_ptr<uint8_t[]>> owned_;
  std::vector<uint8_t*> ptrs_;
};

class WasmMachine final : public Machine {
 public:
  explicit WasmMachine(engine::Instance& inst) : inst_(inst) {}
  bool is_wasm() const override { return true; }
  Buf alloc(uint64_t bytes) override {
    // Reading the export costs about as much as a small kernel call, so operations on scalars
    // (fibonacci, gcd), which never allocate, do not pay for it.
    if (!top_) top_ = (uint64_t(inst_.global_value("__heap_base")) + 15) & ~uint64_t(15);
    uint64_t at = top_;
    top_ = (top_ + bytes + 15) & ~uint64_t(15);
    if (top_ > (uint64_t(1) << 32))
      throw engine::WasmError(engine::ErrorKind::Memory,
                              fmt::format("{} bytes do not fit in a 32-bit WebAssembly address space", top_));
    inst_.ensure_memory(top_);
    return Buf{at};
  }
  Buf input(const void* data, uint64_t bytes) override {
    Buf b = alloc(bytes);
    if (bytes) std::memcpy(ptr(b), data, bytes);
    return b;
  }
  Buf output(void*, uint64_t bytes) override { return alloc(bytes); }
  void collect(Buf b, void* host, uint64_t bytes) override {
    if (bytes) std::memcpy(host, ptr(b), bytes);
  }
  uint8_t* ptr(Buf b) override { return inst_.memory_data() + b.id; }
  Val arg(Buf b) override { return Val::I32(int32_t(uint32_t(b.id))); }
  std::vector<Val> call(std::string_view kernel, std::span<const Val> args) override {
    return inst_.call(kernel, args);
  }
  unsigned threads() const override { return parallel ? inst_.threads() : 1; }
  void call_split(std::string_view kernel, const std::vector<std::vector<Val>>& lists) override {
    inst_.call_split(kernel, lists);
  }

 private:
  engine::Instance& inst_;
  uint64_t top_ = 0;  // the next free byte; 0 until the first allocation
};

}  // namespace

std::unique_ptr<Machine> make_native_machine() { return std::make_unique<NativeMachine>(); }
std::unique_ptr<Machine> make_wasm_machine(engine::Instance& instance) {
  return std::make_unique<WasmMachine>(instance);
}
std::vector<std::string> kernel_export_names() {
  return {
#define ML_NAME(f) #f,
      ML_KERNEL_LIST(ML_NAME)
#undef ML_NAME
  };
}

// ---------------------------------------------------------------- helpers

namespace {

[[noreturn]] void bad_arg(std::string msg) { throw CallError(CallError::Kind::Arguments, std::move(msg)); }

int32_t to_i32(int64_t v, const char* what) {
  if (v < 0 || v > INT32_MAX) bad_arg(fmt::format("{} = {} is out of range (0..{})", what, v, INT32_MAX));
  return int32_t(v);
}
int64_t int_arg(const std::vector<Value>& a, size_t i, const char* what) {
  try {
    return a[i].as_int();
  } catch (const ValueError& e) {
    bad_arg(fmt::format("argument {} ({}): {}", i + 1, what, e.what()));
  }
}
double float_arg(const std::vector<Value>& a, size_t i, const char* what) {
  try {
    return a[i].as_float();
  } catch (const ValueError& e) {
    bad_arg(fmt::format("argument {} ({}): {}", i + 1, what, e.what()));
  }
}
std::vector<uint8_t> bytes_arg(const std::vector<Value>& a, size_t i, const char* what) {
  try {
    return a[i].as_bytes();
  } catch (const ValueError& e) {
    bad_arg(fmt::format("argument {} ({}): {}", i + 1, what, e.what()));
  }
}
std::vector<double> numbers_arg(const std::vector<Value>& a, size_t i, const char* what) {
  try {
    return a[i].to_numbers();
  } catch (const ValueError& e) {
    bad_arg(fmt::format("argument {} ({}): {}", i + 1, what, e.what()));
  }
}
Matrix matrix_arg(const std::vector<Value>& a, size_t i, const char* what) {
  try {
    return a[i].to_matrix();
  } catch (const ValueError& e) {
    bad_arg(fmt::format("argument {} ({}): {}", i + 1, what, e.what()));
  }
}
// Text or bytes in, same kind out.
Value same_kind(const Value& like, std::vector<uint8_t> bytes) {
  if (like.kind() == Value::Kind::Str) return Value::str(std::string(bytes.begin(), bytes.end()));
  return Value::bytes(std::move(bytes));
}
std::string utf8_encode(uint32_t cp) {
  std::string s;
  if (cp < 0x80) s += char(cp);
  else if (cp < 0x800) s += char(0xc0 | (cp >> 6)), s += char(0x80 | (cp & 0x3f));
  else if (cp < 0x10000)
    s += char(0xe0 | (cp >> 12)), s += char(0x80 | ((cp >> 6) & 0x3f)), s += char(0x80 | (cp & 0x3f));
  else
    s += char(0xf0 | (cp >> 18)), s += char(0x80 | ((cp >> 12) & 0x3f)), s += char(0x80 | ((cp >> 6) & 0x3f)),
        s += char(0x80 | (cp & 0x3f));
  return s;
}
std::string hex(const uint8_t* p, size_t n) {
  static const char* d = "0123456789abcdef";
  std::string s;
  for (size_t i = 0; i < n; ++i) s += d[p[i] >> 4], s += d[p[i] & 15];
  return s;
}
int32_t checked_len(uint64_t n, const char* what) {
  if (n > uint64_t(INT32_MAX)) bad_arg(fmt::format("{} is too large ({} bytes; at most {})", what, n, INT32_MAX));
  return int32_t(n);
}

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

// A matrix argument read where it is: a Matrix value's doubles, or a list of rows (lists of
// numbers) converted straight into the machine's buffer, without an intermediate Matrix.
struct MatrixIn {
  const Value* v = nullptr;
  int64_t rows = 0, cols = 0;
};
MatrixIn matrix_in(const std::vector<Value>& a, size_t i, const char* what) {
  MatrixIn x{&a[i]};
  if (a[i].kind() == Value::Kind::Matrix) {
    x.rows = a[i].matrix_ref().rows, x.cols = a[i].matrix_ref().cols;
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
    const Matrix& mx = x.v->kind() == Value::Kind::Matrix ? x.v->matrix_ref() : (conv = x.v->to_matrix());
    if (min_bytes <= bytes && &mx != &conv) return m.input(mx.data.data(), bytes);
    Machine::Buf b = m.alloc(std::max(bytes, min_bytes));
    if (bytes) std::memcpy(m.ptr(b), mx.data.data(), bytes);
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
  unsigned threads = double(n) * k * mm >= 1e6 ? m.threads() : 1;
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
  Matrix A = matrix_arg(a, 0, "a");
  auto ba = m.input(A.data.data(), A.data.size() * 8);
  auto bo = m.alloc(A.data.size() * 8);
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
    out.emplace_back(utf8_encode(cp), Value::integer(c));
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
  auto out = m.alloc(data.size());
  m.call("mlk_xor_cipher",
         std::vector<Val>{m.arg(in), Val::I32(n), m.arg(k), Val::I32(checked_len(key.size(), "key")), m.arg(out)});
  return Value::bytes(std::vector<uint8_t>(m.ptr(out), m.ptr(out) + n));
}

// ---------------------------------------------------------------- data

std::string sort_wasm_unsupported(const std::vector<Value>& a) {
  if (a.size() > 1) return "sorting with a key function calls back into the program";
  if (a[0].kind() == Value::Kind::Numbers) return "";
  if (a[0].kind() == Value::Kind::List) {
    for (auto& x : a[0].as_list())
      if (!x.is_number()) return "the list holds non-numbers";
    return "";
  }
  return "not a list";
}
Value sort_generic(const std::vector<Value>& a);
Value op_data_sort(Machine& m, const std::vector<Value>& a) {
  if (!sort_wasm_unsupported(a).empty()) return sort_generic(a);
  bool all_int = a[0].kind() == Value::Kind::List &&
                 std::all_of(a[0].as_list().begin(), a[0].as_list().end(),
                             [](const Value& v) { return v.kind() == Value::Kind::Int || v.kind() == Value::Kind::Bool; });
  auto v = numbers_arg(a, 0, "items");
  int32_t n = checked_len(v.size(), "list");
  auto buf = m.alloc(v.size() * 8);
  if (n) std::memcpy(m.ptr(buf), v.data(), v.size() * 8);
  auto scratch = m.alloc(v.size() * 8);
  m.call("mlk_data_sort", std::vector<Val>{m.arg(buf), Val::I32(n), m.arg(scratch)});
  std::vector<double> r(v.size());
  if (n) std::memcpy(r.data(), m.ptr(buf), r.size() * 8);
  if (all_int) {
    // integers (exact below 2^53) come back as integers
    bool exact = std::all_of(a[0].as_list().begin(), a[0].as_list().end(),
                             [](const Value& x) { return std::llabs(x.as_int()) <= (int64_t(1) << 53); });
    if (exact) {
      std::vector<Value> out;
      out.reserve(r.size());
      for (double d : r) out.push_back(Value::integer(int64_t(d)));
      return Value::list(std::move(out));
    }
  }
  return Value::numbers(std::move(r));
}
Value op_data_sum(Machine& m, const std::vector<Value>& a) {
  auto v = numbers_arg(a, 0, "items");
  auto in = m.input(v.data(), v.size() * 8);
  return Value::number(m.call1("mlk_data_sum", {m.arg(in), Val::I32(checked_len(v.size(), "list"))}).f64);
}

// Native-only, callback-taking operations.
std::vector<Value> list_items(const Value& v) {
  if (v.kind() == Value::Kind::List) return v.as_list();
  if (v.kind() == Value::Kind::Numbers) {
    std::vector<Value> r;
    for (double d : v.numbers_ref()) r.push_back(Value::number(d));
    return r;
  }
  if (v.kind() == Value::Kind::Str) {
    std::vector<Value> r;
    for (char c : v.as_str()) r.push_back(Value::str(std::string(1, c)));
    return r;
  }
  bad_arg(fmt::format("expected a list, got {}", v.kind_name()));
}
const Callable& fn_arg(const std::vector<Value>& a, size_t i) {
  if (a[i].kind() != Value::Kind::Function) bad_arg(fmt::format("argument {} must be a function, got {}", i + 1, a[i].kind_name()));
  return a[i].as_function();
}
bool truthy(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::None: return false;
    case Value::Kind::Bool: return v.as_bool();
    case Value::Kind::Int: return v.as_int() != 0;
    case Value::Kind::Float: return v.as_float() != 0;
    case Value::Kind::Str: return !v.as_str().empty();
    case Value::Kind::List: return !v.as_list().empty();
    case Value::Kind::Dict: return !v.as_dict().empty();
    default: return true;
  }
}
Value op_filter(const std::vector<Value>& a) {
  auto& f = fn_arg(a, 1);
  std::vector<Value> out;
  for (auto& x : list_items(a[0]))
    if (truthy(f({x}))) out.push_back(x);
  return Value::list(std::move(out));
}
Value op_map(const std::vector<Value>& a) {
  auto& f = fn_arg(a, 1);
  std::vector<Value> out;
  for (auto& x : list_items(a[0])) out.push_back(f({x}));
  return Value::list(std::move(out));
}
Value op_reduce(const std::vector<Value>& a) {
  auto& f = fn_arg(a, 1);
  auto items = list_items(a[0]);
  size_t i = 0;
  Value acc;
  if (a.size() > 2) acc = a[2];
  else {
    if (items.empty()) bad_arg("reduce of an empty list needs an initial value");
    acc = items[0];
    i = 1;
  }
  for (; i < items.size(); ++i) acc = f({acc, items[i]});
  return acc;
}
Value op_group_by(const std::vector<Value>& a) {
  auto& f = fn_arg(a, 1);
  std::vector<std::pair<std::string, Value>> groups;
  std::map<std::string, size_t> index;
  std::vector<std::vector<Value>> members;
  for (auto& x : list_items(a[0])) {
    std::string key = f({x}).repr();
    auto [it, fresh] = index.emplace(key, members.size());
    if (fresh) members.emplace_back();
    members[it->second].push_back(x);
  }
  std::vector<std::string> keys(index.size());
  for (auto& [k, i] : index) keys[i] = k;
  for (size_t i = 0; i < keys.size(); ++i) groups.emplace_back(keys[i], Value::list(std::move(members[i])));
  return Value::dict(std::move(groups));
}
int compare_values(const Value& x, const Value& y) {
  if (x.is_number() && y.is_number()) {
    double a = x.as_float(), b = y.as_float();
    if (std::isnan(a) || std::isnan(b)) return std::isnan(a) - std::isnan(b);
    return a < b ? -1 : (a > b ? 1 : 0);
  }
  if (x.kind() == Value::Kind::Str && y.kind() == Value::Kind::Str) return x.as_str().compare(y.as_str());
  bad_arg(fmt::format("cannot order {} and {}", x.kind_name(), y.kind_name()));
}
Value sort_generic(const std::vector<Value>& a) {
  auto items = list_items(a[0]);
  std::vector<Value> keys = items;
  if (a.size() > 1) {
    auto& f = fn_arg(a, 1);
    for (auto& k : keys) k = f({k});
  }
  std::vector<size_t> idx(items.size());
  for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::stable_sort(idx.begin(), idx.end(), [&](size_t i, size_t j) { return compare_values(keys[i], keys[j]) < 0; });
  std::vector<Value> out;
  for (size_t i : idx) out.push_back(items[i]);
  return Value::list(std::move(out));
}

// ---------------------------------------------------------------- search

std::string search_wasm_unsupported(const std::vector<Value>& a) {
  if (!a[1].is_number()) return "the target is not a number";
  if (a[0].kind() == Value::Kind::Numbers) return "";
  if (a[0].kind() == Value::Kind::List) {
    for (auto& x : a[0].as_list())
      if (!x.is_number()) return "the list holds non-numbers";
    return "";
  }
  return "not a list of numbers";
}
int64_t generic_find(const std::vector<Value>& a) {
  auto items = list_items(a[0]);
  for (size_t i = 0; i < items.size(); ++i)
    if (items[i] == a[1]) return int64_t(i);
  return -1;
}
Value op_binary_search(Machine& m, const std::vector<Value>& a) {
  if (!search_wasm_unsupported(a).empty()) {
    auto items = list_items(a[0]);
    auto it = std::lower_bound(items.begin(), items.end(), a[1],
                               [](const Value& x, const Value& y) { return compare_values(x, y) < 0; });
    return Value::integer(it != items.end() && *it == a[1] ? int64_t(it - items.begin()) : -1);
  }
  auto v = numbers_arg(a, 0, "sorted");
  auto in = m.input(v.data(), v.size() * 8);
  return Value::integer(
      m.call1("mlk_binary_search", {m.arg(in), Val::I32(checked_len(v.size(), "list")), Val::F64(float_arg(a, 1, "x"))}).i32);
}
Value op_linear_search(Machine& m, const std::vector<Value>& a) {
  if (!search_wasm_unsupported(a).empty()) return Value::integer(generic_find(a));
  auto v = numbers_arg(a, 0, "items");
  auto in = m.input(v.data(), v.size() * 8);
  return Value::integer(
      m.call1("mlk_linear_search", {m.arg(in), Val::I32(checked_len(v.size(), "list")), Val::F64(float_arg(a, 1, "x"))}).i32);
}
Value op_contains(Machine& m, const std::vector<Value>& a) {
  return Value::boolean(op_linear_search(m, a).as_int() >= 0);
}

// ---------------------------------------------------------------- JSON

constexpr int32_t kJsonMaxDepth = 1024;

// Parses into a tape in machine memory; returns (tape buffer, words, text buffer).
struct Tape {
  Machine::Buf tape, text;
  int32_t n;
};
Tape json_tape(Machine& m, const std::string& text) {
  int32_t len = checked_len(text.size(), "JSON text");
  auto tb = m.alloc(text.size() + 1);
  if (len) std::memcpy(m.ptr(tb), text.data(), text.size());
  for (int attempt = 0; attempt < 2; ++attempt) {
    // 4 bytes of tape per byte of text covers typical documents (records of short values need
    // about 2.5); the second attempt has the worst case (8: a one-digit number is 2 words).
    int64_t cap = attempt == 0 ? int64_t(len) / 2 + 64 : int64_t(len) + 8;
    if (cap > INT32_MAX / 8) cap = INT32_MAX / 8;
    auto tape = m.alloc(uint64_t(cap) * 8);
    if (attempt == 1) std::memcpy(m.ptr(tb), text.data(), text.size());  // restore (unescaped in place)
    int32_t r = m.call1("mlk_json_parse",
                        {m.arg(tb), Val::I32(len), m.arg(tape), Val::I32(int32_t(cap)), Val::I32(kJsonMaxDepth)}).i32;
    if (r >= 0) return Tape{tape, tb, r};
    if (r == MLK_ERR_CAPACITY) continue;
    int64_t at = -int64_t(r) - 3;
    int64_t line = 1, col = 1;
    for (int64_t i = 0; i < at && i < len; ++i) text[size_t(i)] == '\n' ? (++line, col = 1) : ++col;
    throw CallError(CallError::Kind::Arguments,
                    fmt::format("invalid JSON at line {}, column {} (byte {}){}", line, col, at,
                                at >= len ? ": unexpected end of text" : ""));
  }
  throw CallError(CallError::Kind::Backend, "JSON tape capacity exceeded");
}
std::string text_arg(const std::vector<Value>& a, size_t i, const char* what) {
  if (a[i].kind() == Value::Kind::Str) return a[i].as_str();
  auto b = bytes_arg(a, i, what);
  return std::string(b.begin(), b.end());
}
// The values of a tape, built where the tape lies (machine memory: nothing runs meanwhile).
// Containers are filled in place with their number of values known from the tape, so no vector
// grows, and object keys are made straight from the string pool.
class TapeValues {
 public:
  TapeValues(const uint64_t* tape, size_t n, const char* pool) : t_(tape), n_(n), pool_(pool) {}
  Value build() {
    struct Frame {
      bool object;
      std::vector<Value> items;
      std::vector<std::pair<std::string, Value>> entries;
    };
    std::vector<Frame> stack;
    Value result;
    for (size_t i = 0; i < n_; ++i) {
      uint64_t w = t_[i];
      uint32_t tag = uint32_t(w >> 56);
      if (tag == MLK_J_ARRAY || tag == MLK_J_OBJECT) {
        size_t count = size_t((w >> 32) & 0xffffff);
        Frame& f = stack.emplace_back(Frame{tag == MLK_J_OBJECT, {}, {}});
        if (f.object) f.entries.reserve(count);
        else f.items.reserve(count);
        continue;
      }
      if (!stack.empty() && stack.back().object && tag == MLK_J_STRING) {  // a key: its value follows
        Frame& f = stack.back();
        f.entries.emplace_back(std::string(pool_ + uint32_t(w), size_t(t_[i + 1])), Value());
        i += 2;
        w = t_[i];
        tag = uint32_t(w >> 56);
        if (tag == MLK_J_ARRAY || tag == MLK_J_OBJECT) {
          --i;  // the container opens on the next turn; its value is placed when it closes
          continue;
        }
        f.entries.back().second = scalar(tag, i);
        continue;
      }
      Value v;
      if (tag == MLK_J_ARRAY_END || tag == MLK_J_OBJECT_END) {
        Frame f = std::move(stack.back());
        stack.pop_back();
        v = f.object ? Value::dict(std::move(f.entries)) : Value::list(std::move(f.items));
      } else {
        v = scalar(tag, i);
      }
      if (stack.empty()) result = std::move(v);
      else if (stack.back().object) stack.back().entries.back().second = std::move(v);
      else stack.back().items.push_back(std::move(v));
    }
    return result;
  }

 private:
  // The scalar at tape[i] (i moves past its second word, if any).
  Value scalar(uint32_t tag, size_t& i) {
    switch (tag) {
      case MLK_J_NULL: return Value::none();
      case MLK_J_TRUE: return Value::boolean(true);
      case MLK_J_FALSE: return Value::boolean(false);
      case MLK_J_INT: return Value::integer(int64_t(t_[++i]));
      case MLK_J_DOUBLE: {
        double d;
        std::memcpy(&d, &t_[++i], 8);
        return Value::number(d);
      }
      case MLK_J_STRING: {
        uint32_t off = uint32_t(t_[i]);
        return Value::str(std::string(pool_ + off, size_t(t_[++i])));
      }
      default: throw CallError(CallError::Kind::Backend, fmt::format("unexpected JSON tape word {:#x}", t_[i]));
    }
  }
  const uint64_t* t_;
  size_t n_;
  const char* pool_;
};

Value op_json_parse(Machine& m, const std::vector<Value>& a) {
  std::string copy;  // only for bytes: a str is read in place
  const std::string& text = a[0].kind() == Value::Kind::Str ? a[0].as_str() : (copy = text_arg(a, 0, "text"));
  Tape t = json_tape(m, text);
  return TapeValues(reinterpret_cast<const uint64_t*>(m.ptr(t.tape)), size_t(t.n),
                    reinterpret_cast<const char*>(m.ptr(t.text)))
      .build();
}
Value op_json_stats(Machine& m, const std::vector<Value>& a) {
  std::string copy;  // only for bytes: a str is read in place
  const std::string& text = a[0].kind() == Value::Kind::Str ? a[0].as_str() : (copy = text_arg(a, 0, "text"));
  Tape t = json_tape(m, text);
  auto out = m.alloc(8 * 8 + 8);
  Val pout = m.arg(out);
  Val psum = m.is_wasm() ? Val::I32(pout.i32 + 64) : Val::I64(pout.i64 + 64);
  m.call("mlk_json_tape_stats", std::vector<Val>{m.arg(t.tape), Val::I32(t.n), pout, psum});
  int64_t c[8];
  double sum;
  std::memcpy(c, m.ptr(out), 64);
  std::memcpy(&sum, m.ptr(out) + 64, 8);
  static const char* names[8] = {"objects", "arrays", "strings", "integers", "floats", "booleans", "nulls", "max_depth"};
  std::vector<std::pair<std::string, Value>> d;
  for (int i = 0; i < 8; ++i) d.emplace_back(names[i], Value::integer(c[i]));
  d.emplace_back("sum", Value::number(sum));
  d.emplace_back("tape_words", Value::integer(t.n));
  return Value::dict(std::move(d));
}

// Host-side encoding of a value into a stringify tape (shared by both backends).
void encode_tape(const Value& v, std::vector<uint64_t>& tape, std::string& pool, int depth) {
  if (depth > 256) bad_arg("json_stringify: nesting deeper than 256 levels");
  auto text = [&](uint32_t tag, std::string_view s) {
    if (pool.size() + s.size() > 0xffffffffu) bad_arg("json_stringify: value too large");
    tape.push_back((uint64_t(tag) << 56) | pool.size());
    tape.push_back(s.size());
    pool.append(s);
  };
  auto open = [&](uint32_t t) { tape.push_back(uint64_t(t) << 56); };
  switch (v.kind()) {
    case Value::Kind::None:
    case Value::Kind::Function: open(MLK_J_NULL); break;
    case Value::Kind::Bool: open(v.as_bool() ? MLK_J_TRUE : MLK_J_FALSE); break;
    case Value::Kind::Int: tape.push_back(uint64_t(MLK_J_INT) << 56); tape.push_back(uint64_t(v.as_int())); break;
    case Value::Kind::BigInt:
    case Value::Kind::Float:
    case Value::Kind::Bytes:
    case Value::Kind::Numbers:
    case Value::Kind::Matrix:
      if (v.kind() == Value::Kind::BigInt || v.kind() == Value::Kind::Float) {
        text(MLK_J_NUMTEXT, v.to_json());
      } else {
        // flat numeric containers: their JSON text is a ready-made fragment
        text(MLK_J_NUMTEXT, v.to_json());
      }
      break;
    case Value::Kind::Str: text(MLK_J_STRING, v.as_str()); break;
    case Value::Kind::List:
      open(MLK_J_ARRAY);
      for (auto& x : v.as_list()) encode_tape(x, tape, pool, depth + 1);
      open(MLK_J_ARRAY_END);
      break;
    case Value::Kind::Dict:
      open(MLK_J_OBJECT);
      for (auto& [k, x] : v.as_dict()) {
        text(MLK_J_STRING, k);
        encode_tape(x, tape, pool, depth + 1);
      }
      open(MLK_J_OBJECT_END);
      break;
  }
}
Value op_json_stringify(Machine& m, const std::vector<Value>& a) {
  std::vector<uint64_t> tape;
  std::string pool;
  encode_tape(a[0], tape, pool, 0);
  uint64_t cap64 = pool.size() * 6 + tape.size() * 2 + 16;
  int32_t cap = checked_len(cap64, "JSON output");
  auto bt = m.input(tape.data(), tape.size() * 8);
  auto bp = m.input(pool.data(), pool.size());
  auto bo = m.alloc(uint64_t(cap));
  int32_t n = m.call1("mlk_json_stringify",
                      {m.arg(bt), Val::I32(checked_len(tape.size(), "tape")), m.arg(bp), m.arg(bo), Val::I32(cap)}).i32;
  if (n < 0) throw CallError(CallError::Kind::Backend, "json_stringify: output capacity exceeded");
  return Value::str(std::string(reinterpret_cast<const char*>(m.ptr(bo)), size_t(n)));
}

// ---------------------------------------------------------------- image

struct Image {
  std::vector<uint8_t> px;
  int32_t w, h;
};
Image image_args(const std::vector<Value>& a) {
  Image im;
  im.px = bytes_arg(a, 0, "pixels");
  int64_t w = int_arg(a, 1, "width"), h = int_arg(a, 2, "height");
  if (w < 0 || h < 0 || w > 65535 || h > 65535) bad_arg("image width and height must be in 0..65535");
  if (uint64_t(w) * uint64_t(h) * 3 != im.px.size())
    bad_arg(fmt::format("an RGB image of {}x{} needs {} bytes, got {}", w, h, w * h * 3, im.px.size()));
  im.w = int32_t(w);
  im.h = int32_t(h);
  return im;
}
Value op_image_blur(Machine& m, const std::vector<Value>& a) {
  Image im = image_args(a);
  int64_t r = a.size() > 3 ? int_arg(a, 3, "radius") : 1;
  if (r < 0 || r > 1000) bad_arg("blur radius must be in 0..1000");
  auto in = m.input(im.px.data(), im.px.size());
  auto out = m.alloc(im.px.size());
  int32_t scratch = m.call1("mlk_image_box_blur_scratch_bytes", {Val::I32(im.w), Val::I32(int32_t(r))}).i32;
  if (scratch < 0) bad_arg("blur radius too large for the image width");
  // Bands of rows across the machine's threads (same result however they fall).
  unsigned threads = im.px.size() >= (1u << 20) ? m.threads() : 1;
  int32_t band = std::max<int32_t>(16, im.h / int32_t(4 * threads));
  threads = std::min<unsigned>(threads, unsigned((im.h + band - 1) / band));
  threads = std::max(threads, 1u);
  auto counter = m.alloc(4);
  std::memset(m.ptr(counter), 0, 4);
  std::vector<std::vector<Val>> lists;
  for (unsigned t = 0; t < threads; ++t) {
    auto sb = m.alloc(uint64_t(scratch));
    lists.push_back({m.arg(in), Val::I32(im.w), Val::I32(im.h), Val::I32(int32_t(r)), m.arg(out), Val::I32(band),
                     m.arg(sb), m.arg(counter)});
  }
  m.call_split("mlk_image_box_blur", lists);
  return Value::bytes(std::vector<uint8_t>(m.ptr(out), m.ptr(out) + im.px.size()));
}
Value op_image_gaussian_blur(Machine& m, const std::vector<Value>& a) {
  Image im = image_args(a);
  auto in = m.input(im.px.data(), im.px.size());
  auto tmp = m.alloc(im.px.size()), out = m.alloc(im.px.size());
  m.call("mlk_image_gaussian_blur",
         std::vector<Val>{m.arg(in), Val::I32(im.w), Val::I32(im.h), m.arg(tmp), m.arg(out)});
  return Value::bytes(std::vector<uint8_t>(m.ptr(out), m.ptr(out) + im.px.size()));
}

const std::string kCallbackReason =
    "takes a callback into the running program; WebAssembly kernels cannot call back into the interpreter, "
    "so it runs natively";

std::vector<Operation> build_operations() {
  std::vector<Operation> ops;
  auto add = [&](std::string name, std::string cat, std::string params, std::string summary, size_t mn, size_t mx,
                 Value (*run)(Machine&, const std::vector<Value>&)) {
    Operation o;
    o.name = std::move(name);
    o.category = std::move(cat);
    o.params = std::move(params);
    o.summary = std::move(summary);
    o.min_args = mn;
    o.max_args = mx;
    o.run = run;
    ops.push_back(std::move(o));
    return &ops.back();
  };
  auto native = [&](std::string name, std::string params, std::string summary, size_t mn, size_t mx,
                    Value (*run)(const std::vector<Value>&)) {
    Operation o;
    o.name = std::move(name);
    o.category = "data";
    o.params = std::move(params);
    o.summary = std::move(summary);
    o.min_args = mn;
    o.max_args = mx;
    o.run_native_only = run;
    o.native_only_reason = kCallbackReason;
    ops.push_back(std::move(o));
  };
  add("numeric_fibonacci", "numeric", "(n: int) -> int", "F(n), exact for n <= 92", 1, 1, op_fibonacci);
  add("numeric_fibonacci_recursive", "numeric", "(n: int) -> int",
      "F(n) by the naive recursive definition (the seed benchmark workload)", 1, 1, op_fibonacci_recursive);
  add("numeric_prime_factors", "numeric", "(n: int) -> list", "prime factors with multiplicity, ascending", 1, 1,
      op_prime_factors);
  add("numeric_gcd", "numeric", "(a: int, b: int) -> int", "greatest common divisor", 2, 2, op_gcd);
  add("numeric_lcm", "numeric", "(a: int, b: int) -> int", "least common multiple", 2, 2, op_lcm);
  add("numeric_factorial", "numeric", "(n: int) -> int", "n!, exact (big integers beyond 20!)", 1, 1, op_factorial);
  add("numeric_monte_carlo_pi", "numeric", "(samples: int, seed: int = 42) -> float",
      "pi estimated from random points (splitmix64, deterministic)", 1, 2, op_monte_carlo_pi);
  add("matrix_multiply", "matrix", "(a: matrix, b: matrix) -> matrix", "matrix product", 2, 2, op_matrix_multiply);
  add("matrix_transpose", "matrix", "(a: matrix) -> matrix", "transpose", 1, 1, op_matrix_transpose);
  add("matrix_determinant", "matrix", "(a: matrix) -> float", "determinant (partial pivoting)", 1, 1,
      op_matrix_determinant);
  add("string_reverse", "string", "(text: str) -> str", "reverse by code point", 1, 1, op_string_reverse);
  add("string_is_palindrome", "string", "(text: str) -> bool",
      "palindrome ignoring ASCII case and ASCII punctuation/spaces", 1, 1, op_string_is_palindrome);
  add("string_char_frequency", "string", "(text: str) -> dict", "code point counts in order of appearance", 1, 1,
      op_string_char_frequency);
  add("string_longest_unique_substring", "string", "(text: str) -> str",
      "longest substring without a repeated code point", 1, 1, op_string_longest_unique);
  add("crypto_hash", "crypto", "(data: str|bytes) -> str", "SHA-256, hex", 1, 1, op_crypto_hash);
  add("crypto_fnv1a", "crypto", "(data: str|bytes) -> str", "FNV-1a 64-bit, hex", 1, 1, op_crypto_fnv1a);
  add("crypto_xor_encrypt", "crypto", "(data: str|bytes, key: str|bytes) -> bytes", "XOR with a repeating key", 2,
      2, op_crypto_xor);
  add("crypto_xor_decrypt", "crypto", "(data: bytes, key: str|bytes) -> bytes", "inverse of xor_encrypt", 2, 2,
      op_crypto_xor);
  add("crypto_xor_cipher", "crypto", "(data: bytes, key: str|bytes) -> bytes", "XOR cipher (its own inverse)", 2, 2,
      op_crypto_xor);
  native("data_filter", "(items: list, predicate: function) -> list", "items where predicate is true", 2, 2,
         op_filter);
  native("data_map", "(items: list, f: function) -> list", "f applied to each item", 2, 2, op_map);
  native("data_reduce", "(items: list, f: function, initial?) -> value", "left fold", 2, 3, op_reduce);
  native("data_group_by", "(items: list, key: function) -> dict", "items grouped by key(item)", 2, 2, op_group_by);
  add("data_sort", "data", "(items: list, key: function?) -> list", "stable ascending sort (NaN last)", 1, 2,
      op_data_sort)
      ->wasm_unsupported = sort_wasm_unsupported;
  add("data_sum", "data", "(items: list) -> float", "sum, left to right", 1, 1, op_data_sum);
  add("json_parse", "json", "(text: str) -> value", "parse a JSON document (RFC 8259)", 1, 1, op_json_parse);
  add("json_stats", "json", "(text: str) -> dict", "parse a JSON document and count its values", 1, 1,
      op_json_stats);
  add("json_stringify", "json", "(value) -> str", "compact JSON text", 1, 1, op_json_stringify);
  add("search_binary_search", "search", "(sorted: list, x) -> int", "leftmost index of x, or -1", 2, 2,
      op_binary_search)
      ->wasm_unsupported = search_wasm_unsupported;
  add("search_linear_search", "search", "(items: list, x) -> int", "first index of x, or -1", 2, 2, op_linear_search)
      ->wasm_unsupported = search_wasm_unsupported;
  add("search_contains", "search", "(items: list, x) -> bool", "whether x is in items", 2, 2, op_contains)
      ->wasm_unsupported = search_wasm_unsupported;
  add("image_blur", "image", "(pixels: bytes, width: int, height: int, radius: int = 1) -> bytes",
      "box blur of an RGB image", 3, 4, op_image_blur);
  add("image_gaussian_blur", "image", "(pixels: bytes, width: int, height: int) -> bytes",
      "5-tap Gaussian (binomial) blur of an RGB image", 3, 3, op_image_gaussian_blur);
  return ops;
}

const std::map<std::string, std::string>& aliases() {
  static const std::map<std::string, std::string> a = {
      {"palindrome", "string_is_palindrome"},
      {"char_frequency", "string_char_frequency"},
      {"frequency", "string_char_frequency"},
      {"longest_substring", "string_longest_unique_substring"},
      {"longest_unique_substring", "string_longest_unique_substring"},
      {"hash", "crypto_hash"},
      {"sha256", "crypto_hash"},
      {"xor", "crypto_xor_cipher"},
      {"xor_encrypt", "crypto_xor_encrypt"},
      {"xor_decrypt", "crypto_xor_decrypt"},
      {"monte_carlo", "numeric_monte_carlo_pi"},
      {"pi", "numeric_monte_carlo_pi"},
      {"fib", "numeric_fibonacci"},
      {"matmul", "matrix_multiply"},
      {"determinant", "matrix_determinant"},
      {"transpose", "matrix_transpose"},
      {"blur", "image_blur"},
      {"box_blur", "image_blur"},
      {"binary_search", "search_binary_search"},
      {"linear_search", "search_linear_search"},
      {"contains", "search_contains"},
      {"filter", "data_filter"},
      {"map", "data_map"},
      {"reduce", "data_reduce"},
      {"group_by", "data_group_by"},
      {"sort", "data_sort"},
  };
  return a;
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string normalize(std::string_view n) {
  std::string s;
  for (char c : n) s += c == '-' || c == ' ' || c == '.' ? '_' : char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

const std::vector<Operation>& operations() {
  static const std::vector<Operation> ops = build_operations();
  return ops;
}

const Operation* find_operation(std::string_view name) {
  for (auto& o : operations())
    if (o.name == name) return &o;
  return nullptr;
}

const std::vector<std::string>& operation_prefixes() {
  static const std::vector<std::string> p = {"numeric_", "matrix_", "string_", "crypto_",
                                             "data_",    "json_",   "search_", "image_"};
  return p;
}

std::vector<std::string> close_operation_names(std::string_view name, size_t max) {
  std::string n = normalize(name);
  std::vector<std::pair<size_t, std::string>> scored;
  for (auto& o : operations()) {
    size_t d = edit_distance(n, o.name);
    // also compare without the category prefix
    std::string bare = o.name.substr(o.category.size() + 1);
    d = std::min(d, edit_distance(n, bare));
    if (o.name.find(n) != std::string::npos && n.size() >= 3) d = std::min<size_t>(d, 1);
    scored.emplace_back(d, o.name);
  }
  for (auto& [al, target] : aliases()) scored.emplace_back(edit_distance(n, al), target);
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  size_t limit = std::max<size_t>(3, n.size() / 2);
  for (auto& [d, nm] : scored) {
    if (d > limit || out.size() >= max) break;
    if (std::find(out.begin(), out.end(), nm) == out.end()) out.push_back(nm);
  }
  return out;
}

const Operation& resolve_operation(std::string_view name) {
  std::string n = normalize(name);
  if (auto* o = find_operation(n)) return *o;
  for (auto& p : operation_prefixes())
    if (auto* o = find_operation(p + n)) return *o;
  auto it = aliases().find(n);
  if (it != aliases().end()) return *find_operation(it->second);
  // a prefixed alias, e.g. "string_palindrome"
  for (auto& p : operation_prefixes())
    if (n.rfind(p, 0) == 0) {
      std::string rest = n.substr(p.size());
      auto a = aliases().find(rest);
      if (a != aliases().end()) return *find_operation(a->second);
    }
  auto close = close_operation_names(name);
  std::string msg = fmt::format("unknown function '{}'", name);
  if (!close.empty()) msg += fmt::format("; did you mean: {}?", fmt::join(close, ", "));
  msg += " (multilingual call --list shows every operation)";
  throw CallError(CallError::Kind::UnknownFunction, msg);
}

Value run_operation(const Operation& op, Machine& machine, const std::vector<Value>& args) {
  if (args.size() < op.min_args || args.size() > op.max_args) {
    std::string want = op.min_args == op.max_args ? std::to_string(op.min_args)
                                                  : fmt::format("{} to {}", op.min_args, op.max_args);
    throw CallError(CallError::Kind::Arguments,
                    fmt::format("{}{} takes {} argument(s), got {}", op.name, op.params, want, args.size()));
  }
  if (op.run_native_only) return op.run_native_only(args);
  return op.run(machine, args);
}

}  // namespace ml::runtime
