#pragma once
// The small dynamic value the runtime's operations take and return: none, bool, int, big int
// (decimal digits), float, str (UTF-8, may be invalid), bytes, list, numbers (flat doubles),
// matrix (row-major doubles), dict (ordered), and a callable (for the native-only operations
// that take a callback: filter, map, reduce, group_by).
#include <cstdint>
#include <functional>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ml::runtime {

class Value;
using Callable = std::function<Value(const std::vector<Value>&)>;

struct Matrix {
  int64_t rows = 0, cols = 0;
  std::vector<double> data;  // rows * cols, row-major
  double at(int64_t r, int64_t c) const { return data[size_t(r * cols + c)]; }
  bool operator==(const Matrix&) const = default;
};

class Value {
 public:
  enum class Kind { None, Bool, Int, BigInt, Float, Str, Bytes, List, Numbers, Matrix, Dict, Function };
  Value() = default;
  static Value none() { return Value(); }
  static Value boolean(bool b);
  static Value integer(int64_t i);
  static Value bigint(std::string decimal_digits);  // "-123..." beyond int64
  static Value number(double d);
  static Value str(std::string s);
  static Value bytes(std::vector<uint8_t> b);
  static Value list(std::vector<Value> items);
  static Value numbers(std::vector<double> v);
  static Value matrix(Matrix m);
  static Value dict(std::vector<std::pair<std::string, Value>> entries);
  static Value function(Callable f, std::string name = "<callable>");

  Kind kind() const { return kind_; }
  std::string_view kind_name() const;
  bool is_none() const { return kind_ == Kind::None; }

  bool as_bool() const;
  int64_t as_int() const;       // Int (or integral Float / Bool)
  double as_float() const;      // Int, Float, Bool
  bool is_number() const { return kind_ == Kind::Int || kind_ == Kind::Float || kind_ == Kind::Bool; }
  const std::string& as_str() const;  // Str, BigInt digits
  std::vector<uint8_t> as_bytes() const;  // Bytes, or the UTF-8 bytes of a Str
  const std::vector<Value>& as_list() const;
  std::vector<double> to_numbers() const;  // Numbers, or a List of numbers
  Matrix to_matrix() const;                 // Matrix, or a List of equal-length number lists
  const std::vector<std::pair<std::string, Value>>& as_dict() const;
  const Callable& as_function() const;
  const std::vector<double>& numbers_ref() const;  // Numbers only
  const Matrix& matrix_ref() const;                // Matrix only

  // Compact JSON (bytes as a list of ints, matrices as lists of lists, functions as null);
  // floats in shortest round-trip form.
  std::string to_json() const;  // as Python's json.dumps: NaN and Infinity written as such
  // Standard JSON (RFC 8259): NaN and infinities become null, and *lossy is set.
  std::string to_strict_json(bool* lossy = nullptr) const;
  std::string repr() const;  // to_json, but strings without quotes at the top level
  bool operator==(const Value& o) const;

 private:
  Kind kind_ = Kind::None;
  bool b_ = false;
  int64_t i_ = 0;
  double f_ = 0;
  std::string s_;  // Str, BigInt, Function name
  std::shared_ptr<const void> p_;  // vector<uint8_t>, vector<Value>, vector<double>, Matrix, dict, Callable
};

// For test frameworks (GoogleTest finds it by argument-dependent lookup).
inline void PrintTo(const Value& v, std::ostream* os) { *os << v.kind_name() << " " << v.to_json().substr(0, 400); }

class ValueError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace ml::runtime
