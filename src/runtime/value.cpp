#include "runtime/value.h"

#include <fmt/format.h>

#include <cmath>
#include <mutex>
#include <type_traits>

#include "support/json_text.h"

namespace ml::runtime {

// json_parse builds one Value per element of a document (1.6 million for the seed's 10 MB), so
// their size is most of the memory it writes.
static_assert(sizeof(void*) != 8 || sizeof(Value) <= 64, "a Value grew past 64 bytes");

namespace {
template <class T>
const T& payload(const std::shared_ptr<const void>& p) {
  return *static_cast<const T*>(p.get());
}
using Dict = std::vector<std::pair<std::string, Value>>;

// How to write the floats JSON has no number for: as Python's json.dumps does (NaN,
// Infinity), or, for strict JSON, as null (and say so in *lossy).
struct JsonStyle {
  bool strict = false;
  bool* lossy = nullptr;
};

std::string float_text(double d, const JsonStyle& st = {}) {
  if (st.strict && !std::isfinite(d)) {
    if (st.lossy) *st.lossy = true;
    return "null";
  }
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  std::string s = fmt::format("{}", d);
  if (s.find_first_of(".eE") == std::string::npos) s += ".0";
  return s;
}

void to_json_impl(const Value& v, std::string& out, const JsonStyle& st);
void numbers_json(const std::vector<double>& v, std::string& out, size_t from, size_t n, const JsonStyle& st) {
  out += '[';
  for (size_t i = 0; i < n; ++i) {
    if (i) out += ',';
    out += float_text(v[from + i], st);
  }
  out += ']';
}
void to_json_impl(const Value& v, std::string& out, const JsonStyle& st) {
  switch (v.kind()) {
    case Value::Kind::None: out += "null"; break;
    case Value::Kind::Bool: out += v.as_bool() ? "true" : "false"; break;
    case Value::Kind::Int: out += fmt::format("{}", v.as_int()); break;
    case Value::Kind::BigInt: out += v.as_str(); break;
    case Value::Kind::Float: out += float_text(v.as_float(), st); break;
    case Value::Kind::Str: json_text::append_quoted(out, v.as_str()); break;
    case Value::Kind::Bytes: {
      auto b = v.as_bytes();
      out += '[';
      for (size_t i = 0; i < b.size(); ++i) out += (i ? "," : "") + std::to_string(b[i]);
      out += ']';
      break;
    }
    case Value::Kind::List: {
      out += '[';
      bool first = true;
      for (auto& x : v.as_list()) {
        if (!first) out += ',';
        first = false;
        to_json_impl(x, out, st);
      }
      out += ']';
      break;
    }
    case Value::Kind::Numbers: numbers_json(v.numbers_ref(), out, 0, v.numbers_ref().size(), st); break;
    case Value::Kind::Matrix: {
      const Matrix& m = v.matrix_ref();
      out += '[';
      for (int64_t r = 0; r < m.rows; ++r) {
        if (r) out += ',';
        numbers_json(m.data, out, size_t(r * m.cols), size_t(m.cols), st);
      }
      out += ']';
      break;
    }
    case Value::Kind::Dict: {
      out += '{';
      bool first = true;
      for (auto& [k, x] : v.as_dict()) {
        if (!first) out += ',';
        first = false;
        json_text::append_quoted(out, k);
        out += ':';
        to_json_impl(x, out, st);
      }
      out += '}';
      break;
    }
    case Value::Kind::Function: out += "null"; break;
  }
}
}  // namespace

Value Value::boolean(bool b) {
  Value v;
  v.kind_ = Kind::Bool;
  v.b_ = b;
  return v;
}
Value Value::integer(int64_t i) {
  Value v;
  v.kind_ = Kind::Int;
  v.i_ = i;
  return v;
}
Value Value::bigint(std::string digits) {
  Value v;
  v.kind_ = Kind::BigInt;
  v.s_ = std::move(digits);
  return v;
}
Value Value::number(double d) {
  Value v;
  v.kind_ = Kind::Float;
  v.f_ = d;
  return v;
}
Value Value::str(std::string s) {
  Value v;
  v.kind_ = Kind::Str;
  v.s_ = std::move(s);
  return v;
}
Value Value::bytes(std::vector<uint8_t> b) {
  Value v;
  v.kind_ = Kind::Bytes;
  v.p_ = std::make_shared<const std::vector<uint8_t>>(std::move(b));
  return v;
}
Value Value::list(std::vector<Value> items) {
  Value v;
  v.kind_ = Kind::List;
  v.p_ = std::make_shared<const std::vector<Value>>(std::move(items));
  return v;
}
Value Value::numbers(std::vector<double> d) {
  Value v;
  v.kind_ = Kind::Numbers;
  v.p_ = std::make_shared<const std::vector<double>>(std::move(d));
  return v;
}
Value Value::matrix(Matrix m) {
  Value v;
  v.kind_ = Kind::Matrix;
  v.p_ = std::make_shared<const Matrix>(std::move(m));
  return v;
}
Value Value::dict(std::vector<std::pair<std::string, Value>> e) {
  Value v;
  v.kind_ = Kind::Dict;
  v.p_ = std::make_shared<const Dict>(std::move(e));
  return v;
}
Value Value::function(Callable f, std::string name) {
  Value v;
  v.kind_ = Kind::Function;
  v.s_ = std::move(name);
  v.p_ = std::make_shared<const Callable>(std::move(f));
  return v;
}

// A borrowed payload: the caller's memory, and the copy made the first time a vector is asked for.
struct Value::Borrowed {
  const void* data = nullptr;
  size_t count = 0;  // elements (bytes or doubles)
  int64_t rows = 0, cols = 0;
  std::shared_ptr<const void> owner;
  mutable std::once_flag once;
  mutable std::shared_ptr<const void> copy;
};

std::shared_ptr<const void> Value::borrow(const void* data, size_t count, int64_t rows, int64_t cols,
                                          std::shared_ptr<const void> owner) {
  auto b = std::make_shared<Borrowed>();
  b->data = data, b->count = count, b->rows = rows, b->cols = cols, b->owner = std::move(owner);
  return b;
}

Value Value::bytes_view(const uint8_t* data, size_t size, std::shared_ptr<const void> owner) {
  Value v;
  v.kind_ = Kind::Bytes;
  v.borrowed_ = true;
  v.p_ = borrow(data, size, 0, 0, std::move(owner));
  return v;
}
Value Value::numbers_view(const double* data, size_t size, std::shared_ptr<const void> owner) {
  Value v;
  v.kind_ = Kind::Numbers;
  v.borrowed_ = true;
  v.p_ = borrow(data, size, 0, 0, std::move(owner));
  return v;
}
Value Value::matrix_view(const double* data, int64_t rows, int64_t cols, std::shared_ptr<const void> owner) {
  if (rows < 0 || cols < 0) throw ValueError("a matrix cannot have a negative number of rows or columns");
  Value v;
  v.kind_ = Kind::Matrix;
  v.borrowed_ = true;
  v.p_ = borrow(data, size_t(rows * cols), rows, cols, std::move(owner));
  return v;
}

template <class T>
const T& Value::held() const {
  if (!borrowed_) return payload<T>(p_);
  const auto& b = payload<Borrowed>(p_);
  std::call_once(b.once, [&] {
    if constexpr (std::is_same_v<T, Matrix>) {
      auto p = static_cast<const double*>(b.data);
      b.copy = std::make_shared<const Matrix>(Matrix{b.rows, b.cols, std::vector<double>(p, p + b.count)});
    } else {
      auto p = static_cast<const typename T::value_type*>(b.data);
      b.copy = std::make_shared<const T>(p, p + b.count);
    }
  });
  return payload<T>(b.copy);
}

std::span<const uint8_t> Value::bytes_view() const {
  if (kind_ == Kind::Str) return {reinterpret_cast<const uint8_t*>(s_.data()), s_.size()};
  if (kind_ != Kind::Bytes) throw ValueError(fmt::format("expected bytes or a str, got {}", kind_name()));
  if (borrowed_) {
    const auto& b = payload<Borrowed>(p_);
    return {static_cast<const uint8_t*>(b.data), b.count};
  }
  return payload<std::vector<uint8_t>>(p_);
}
std::span<const double> Value::doubles_view() const {
  if (kind_ != Kind::Numbers && kind_ != Kind::Matrix)
    throw ValueError(fmt::format("expected numbers or a matrix, got {}", kind_name()));
  if (borrowed_) {
    const auto& b = payload<Borrowed>(p_);
    return {static_cast<const double*>(b.data), b.count};
  }
  if (kind_ == Kind::Numbers) return payload<std::vector<double>>(p_);
  return payload<Matrix>(p_).data;
}
int64_t Value::matrix_rows() const {
  if (kind_ != Kind::Matrix) throw ValueError(fmt::format("expected a matrix, got {}", kind_name()));
  return borrowed_ ? payload<Borrowed>(p_).rows : payload<Matrix>(p_).rows;
}
int64_t Value::matrix_cols() const {
  if (kind_ != Kind::Matrix) throw ValueError(fmt::format("expected a matrix, got {}", kind_name()));
  return borrowed_ ? payload<Borrowed>(p_).cols : payload<Matrix>(p_).cols;
}

std::string_view Value::kind_name() const {
  switch (kind_) {
    case Kind::None: return "none";
    case Kind::Bool: return "bool";
    case Kind::Int: return "int";
    case Kind::BigInt: return "int";
    case Kind::Float: return "float";
    case Kind::Str: return "str";
    case Kind::Bytes: return "bytes";
    case Kind::List: return "list";
    case Kind::Numbers: return "list of numbers";
    case Kind::Matrix: return "matrix";
    case Kind::Dict: return "dict";
    case Kind::Function: return "function";
  }
  return "?";
}

bool Value::as_bool() const {
  if (kind_ == Kind::Bool) return b_;
  if (kind_ == Kind::Int) return i_ != 0;
  throw ValueError(fmt::format("expected a bool, got {}", kind_name()));
}
int64_t Value::as_int() const {
  if (kind_ == Kind::Int) return i_;
  if (kind_ == Kind::Bool) return b_;
  if (kind_ == Kind::Float && std::floor(f_) == f_ && std::fabs(f_) < 9.2e18) return int64_t(f_);
  if (kind_ == Kind::BigInt) throw ValueError(fmt::format("integer {} does not fit in 64 bits", s_));
  throw ValueError(fmt::format("expected an int, got {}", kind_name()));
}
double Value::as_float() const {
  if (kind_ == Kind::Float) return f_;
  if (kind_ == Kind::Int) return double(i_);
  if (kind_ == Kind::Bool) return b_;
  throw ValueError(fmt::format("expected a number, got {}", kind_name()));
}
const std::string& Value::as_str() const {
  if (kind_ == Kind::Str || kind_ == Kind::BigInt) return s_;
  throw ValueError(fmt::format("expected a str, got {}", kind_name()));
}
std::vector<uint8_t> Value::as_bytes() const {
  if (kind_ == Kind::Bytes) return held<std::vector<uint8_t>>();
  if (kind_ == Kind::Str) return std::vector<uint8_t>(s_.begin(), s_.end());
  if (kind_ == Kind::List || kind_ == Kind::Numbers) {
    std::vector<uint8_t> out;
    for (double d : to_numbers()) {
      if (d < 0 || d > 255 || std::floor(d) != d) throw ValueError("bytes must be integers in 0..255");
      out.push_back(uint8_t(d));
    }
    return out;
  }
  throw ValueError(fmt::format("expected bytes or a str, got {}", kind_name()));
}
const std::vector<Value>& Value::as_list() const {
  if (kind_ == Kind::List) return payload<std::vector<Value>>(p_);
  throw ValueError(fmt::format("expected a list, got {}", kind_name()));
}
const std::vector<double>& Value::numbers_ref() const {
  if (kind_ == Kind::Numbers) return held<std::vector<double>>();
  throw ValueError(fmt::format("expected a list of numbers, got {}", kind_name()));
}
const Matrix& Value::matrix_ref() const {
  if (kind_ == Kind::Matrix) return held<Matrix>();
  throw ValueError(fmt::format("expected a matrix, got {}", kind_name()));
}
std::vector<double> Value::to_numbers() const {
  if (kind_ == Kind::Numbers) return held<std::vector<double>>();
  if (kind_ == Kind::Bytes) {
    auto& b = held<std::vector<uint8_t>>();
    return std::vector<double>(b.begin(), b.end());
  }
  if (kind_ == Kind::List) {
    std::vector<double> out;
    out.reserve(as_list().size());
    size_t i = 0;
    for (auto& x : as_list()) {
      if (!x.is_number())
        throw ValueError(fmt::format("expected a list of numbers, but item {} is {}", i, x.kind_name()));
      out.push_back(x.as_float());
      ++i;
    }
    return out;
  }
  throw ValueError(fmt::format("expected a list of numbers, got {}", kind_name()));
}
Matrix Value::to_matrix() const {
  if (kind_ == Kind::Matrix) return held<Matrix>();
  if (kind_ == Kind::List) {
    Matrix m;
    auto& rows = as_list();
    m.rows = int64_t(rows.size());
    for (size_t r = 0; r < rows.size(); ++r) {
      std::vector<double> row = rows[r].to_numbers();
      if (r == 0) m.cols = int64_t(row.size());
      else if (int64_t(row.size()) != m.cols)
        throw ValueError(fmt::format("matrix rows differ in length: row 0 has {}, row {} has {}", m.cols, r,
                                     row.size()));
      m.data.insert(m.data.end(), row.begin(), row.end());
    }
    if (m.cols == 0) m.rows = rows.empty() ? 0 : m.rows;
    return m;
  }
  throw ValueError(fmt::format("expected a matrix (list of lists of numbers), got {}", kind_name()));
}
const std::vector<std::pair<std::string, Value>>& Value::as_dict() const {
  if (kind_ == Kind::Dict) return payload<Dict>(p_);
  throw ValueError(fmt::format("expected a dict, got {}", kind_name()));
}
const Callable& Value::as_function() const {
  if (kind_ == Kind::Function) return payload<Callable>(p_);
  throw ValueError(fmt::format("expected a function, got {}", kind_name()));
}

std::string Value::to_json() const {
  std::string out;
  to_json_impl(*this, out, {});
  return out;
}
std::string Value::to_strict_json(bool* lossy) const {
  std::string out;
  to_json_impl(*this, out, JsonStyle{true, lossy});
  return out;
}
std::string Value::repr() const {
  if (kind_ == Kind::Str) return s_;
  return to_json();
}

namespace {
// Element-wise, with NaN equal to NaN (results are compared across backends).
bool same_doubles(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i])))) return false;
  return true;
}
}  // namespace

bool Value::operator==(const Value& o) const {
  if (kind_ != o.kind_) {
    if (is_number() && o.is_number()) return as_float() == o.as_float();
    return false;
  }
  switch (kind_) {
    case Kind::None: return true;
    case Kind::Bool: return b_ == o.b_;
    case Kind::Int: return i_ == o.i_;
    case Kind::Float: return f_ == o.f_ || (std::isnan(f_) && std::isnan(o.f_));
    case Kind::BigInt:
    case Kind::Str: return s_ == o.s_;
    case Kind::Bytes: return held<std::vector<uint8_t>>() == o.held<std::vector<uint8_t>>();
    case Kind::List: return payload<std::vector<Value>>(p_) == payload<std::vector<Value>>(o.p_);
    case Kind::Numbers: return same_doubles(held<std::vector<double>>(), o.held<std::vector<double>>());
    case Kind::Matrix: {
      auto& a = held<Matrix>();
      auto& b = o.held<Matrix>();
      return a.rows == b.rows && a.cols == b.cols && same_doubles(a.data, b.data);
    }
    case Kind::Dict: return payload<Dict>(p_) == payload<Dict>(o.p_);
    case Kind::Function: return p_ == o.p_;
  }
  return false;
}

}  // namespace ml::runtime
