// The named operations' implementations, by family (ops_compute.cpp: numbers, matrices,
// strings, crypto; ops_data.cpp: sorting, searching, callbacks, JSON, images), and the
// argument readers they share. operations.cpp registers them.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "runtime/operations.h"

namespace ml::runtime::ops {

// Argument readers: a CallError{Arguments} naming the argument when it has the wrong kind.
[[noreturn]] void bad_arg(std::string msg);
int64_t int_arg(const std::vector<Value>& a, size_t i, const char* what);
double float_arg(const std::vector<Value>& a, size_t i, const char* what);
// Bytes (or text) read where they lie, in the value (a caller's buffer too: Value::bytes_view);
// other kinds (a list of ints) converted into `owned`. Not copyable: `view` may point into `owned`.
struct BytesIn {
  std::vector<uint8_t> owned;
  std::span<const uint8_t> view;
  BytesIn() = default;
  BytesIn(BytesIn&&) = default;
  BytesIn& operator=(BytesIn&&) = default;
  const uint8_t* data() const { return view.data(); }
  size_t size() const { return view.size(); }
  bool empty() const { return view.empty(); }
  const uint8_t* begin() const { return view.data(); }
  const uint8_t* end() const { return view.data() + view.size(); }
};
BytesIn bytes_arg(const std::vector<Value>& a, size_t i, const char* what);
std::vector<double> numbers_arg(const std::vector<Value>& a, size_t i, const char* what);
Matrix matrix_arg(const std::vector<Value>& a, size_t i, const char* what);
Value same_kind(const Value& like, std::vector<uint8_t> bytes);
// A bytes result a kernel writes straight into (Machine::output): uninitialised memory, advised
// into 2 MiB pages, owned by `value`. A fresh vector of an image's 25 MB would be zero-filled and
// faulted in 4 KiB pages, which on this kind of machine takes longer than blurring it.
struct BytesResult {
  uint8_t* data = nullptr;
  Value value;
};
BytesResult bytes_result(size_t n);
std::string hex(const uint8_t* p, size_t n);
int32_t checked_len(uint64_t n, const char* what);

Value op_fibonacci(Machine& m, const std::vector<Value>& a);
Value op_fibonacci_recursive(Machine& m, const std::vector<Value>& a);
Value op_prime_factors(Machine& m, const std::vector<Value>& a);
Value op_gcd(Machine& m, const std::vector<Value>& a);
Value op_lcm(Machine& m, const std::vector<Value>& a);
Value op_factorial(Machine& m, const std::vector<Value>& a);
Value op_monte_carlo_pi(Machine& m, const std::vector<Value>& a);
Value op_matrix_multiply(Machine& m, const std::vector<Value>& a);
Value op_matrix_transpose(Machine& m, const std::vector<Value>& a);
Value op_matrix_determinant(Machine& m, const std::vector<Value>& a);
Value op_string_reverse(Machine& m, const std::vector<Value>& a);
Value op_string_is_palindrome(Machine& m, const std::vector<Value>& a);
Value op_string_char_frequency(Machine& m, const std::vector<Value>& a);
Value op_string_longest_unique(Machine& m, const std::vector<Value>& a);
Value op_crypto_hash(Machine& m, const std::vector<Value>& a);
Value op_crypto_fnv1a(Machine& m, const std::vector<Value>& a);
Value op_crypto_xor(Machine& m, const std::vector<Value>& a);
Value op_data_sort(Machine& m, const std::vector<Value>& a);
Value op_data_sum(Machine& m, const std::vector<Value>& a);
Value op_filter(const std::vector<Value>& a);
Value op_map(const std::vector<Value>& a);
Value op_reduce(const std::vector<Value>& a);
Value op_group_by(const std::vector<Value>& a);
Value op_binary_search(Machine& m, const std::vector<Value>& a);
Value op_linear_search(Machine& m, const std::vector<Value>& a);
Value op_contains(Machine& m, const std::vector<Value>& a);
Value op_json_parse(Machine& m, const std::vector<Value>& a);
Value op_json_stats(Machine& m, const std::vector<Value>& a);
Value op_json_stringify(Machine& m, const std::vector<Value>& a);
Value op_image_blur(Machine& m, const std::vector<Value>& a);
Value op_image_gaussian_blur(Machine& m, const std::vector<Value>& a);

// Why a call of sort / a search runs natively rather than as WebAssembly ("" when it need not).
std::string sort_wasm_unsupported(const std::vector<Value>& a);
std::string search_wasm_unsupported(const std::vector<Value>& a);

}  // namespace ml::runtime::ops
