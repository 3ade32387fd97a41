// The argument readers the operations share (ops.h).
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "runtime/ops.h"
#include "support/huge_pages.h"

namespace ml::runtime::ops {

[[noreturn]] void bad_arg(std::string msg) { throw CallError(CallError::Kind::Arguments, std::move(msg)); }

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
BytesIn bytes_arg(const std::vector<Value>& a, size_t i, const char* what) {
  try {
    BytesIn b;
    if (a[i].kind() == Value::Kind::Bytes || a[i].kind() == Value::Kind::Str) {
      b.view = a[i].bytes_view();
    } else {
      b.owned = a[i].as_bytes();
      b.view = b.owned;
    }
    return b;
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
BytesResult bytes_result(size_t n) {
  std::shared_ptr<uint8_t[]> buf(new uint8_t[std::max<size_t>(n, 1)]);  // uninitialised
  support::advise_huge_pages(buf.get(), n);
  BytesResult r;
  r.data = buf.get();
  r.value = Value::bytes_view(r.data, n, std::move(buf));
  return r;
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

}  // namespace ml::runtime::ops
