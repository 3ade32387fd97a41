#pragma once
// The small dynamic value the runtime's operations take and return: none, bool, int, big int
// (decimal digits), float, str (UTF-8, may be invalid), bytes, list, numbers (flat doubles),
// matrix (row-major doubles), dict (ordered), and a callable (for the native-only operations
// that take a callback: filter, map, reduce, group_by).
#include <cstdint>
#include <functional>
#include <memory>
#include <ostream>
#include <span>
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
  // Bytes, numbers or a matrix in memory the value does not own (a caller's buffer: a numpy
  // array or a bytes object read through the buffer protocol); `owner` keeps that memory alive
  // and unchanged while any copy of the value lives. The operations read it in place
  // (bytes_view, doubles_view); accessors that hand out a vector copy it out once, on first use.
  static Value bytes_view(const uint8_t* data, size_t size, std::shared_ptr<const void> owner);
  static Value numbers_view(const double* data, size_t size, std::shared_ptr<const void> owner);
  static Value matrix_view(const double* data, int64_t rows, int64_t cols, std::shared_ptr<const void> owner);

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
  // In place, without a copy: Bytes (or a Str's UTF-8); Numbers or Matrix (row-major doubles).
  std::span<const uint8_t> bytes_view() const;
  std::span<const double> doubles_view() const;
  int64_t matrix_rows() const;  // Matrix only
  int64_t matrix_cols() const;
  bool is_borrowed() const { return borrowed_; }

  // Compact JSON (bytes as a list of ints, matrices as lists of lists, functions as null);
  // floats in shortest round-trip form.
  std::string to_json() const;  // as Python's json.dumps: NaN and Infinity written as such
  // Standard JSON (RFC 8259): NaN and infinities become null, and *lossy is set.
  std::string to_strict_json(bool* lossy = nullptr) const;
  std::string repr() const;  // to_json, but strings without quotes at the top level
  bool operator==(const Value& o) const;

 private:
  struct Borrowed;
  static std::shared_ptr<const void> borrow(const void* data, size_t count, int64_t rows, int64_t cols,
                                            std::shared_ptr<const void> owner);
  template <class T>
  const T& held() const;  // the Bytes/Numbers/Matrix payload (a borrowed one copied out once)

  Kind kind_ = Kind::None;
  bool b_ = false;
  bool borrowed_ = false;  // p_ is a Borrowed
  // Int or Float, never both (each read only under its kind): a union keeps a Value at 64 bytes,
  // which matters where millions are built at once (json_parse).
  union {
    int64_t i_ = 0;
    double f_;
  };
  std::string s_;  // Str, BigInt, Function name
  std::shared_ptr<const void> p_;  // vector<uint8_t>, vector<Value>, vector<double>, Matrix, dict, Callable, Borrowed
};

// For test frameworks (GoogleTest finds it by argument-dependent lookup).
inline void PrintTo(const Value& v, std::ostream* os) { *os << v.kind_name() << " " << v.to_json().substr(0, 400); }

class ValueError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace ml::runtime
