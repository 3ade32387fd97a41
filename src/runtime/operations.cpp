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

#include "runtime/ops.h"

namespace ml::runtime {

namespace {

using namespace ops;

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
