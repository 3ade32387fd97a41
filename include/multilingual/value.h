// multilingual::Value: the arguments and results of library operations (call_function).
// A small immutable dynamic value: none, bool, int, big int (decimal digits), float, str,
// bytes, list, numbers (a flat array of doubles), matrix (row-major doubles), dict.
// Copies share the underlying data.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace multilingual {

class Value {
 public:
  enum class Kind { None, Bool, Int, BigInt, Float, Str, Bytes, List, Numbers, Matrix, Dict, Function };

  Value();  // None
  Value(bool b);
  Value(int v);
  Value(int64_t v);
  Value(double v);
  Value(const char* s);
  Value(std::string s);
  Value(std::vector<double> numbers);
  Value(std::vector<Value> items);  // a list
  static Value bytes(const void* data, size_t size);
  static Value matrix(int64_t rows, int64_t cols, std::vector<double> row_major);
  static Value dict(std::vector<std::pair<std::string, Value>> entries);

  Kind kind() const;
  std::string_view kind_name() const;  // "int", "matrix", ...
  bool is_none() const { return kind() == Kind::None; }
  bool as_bool() const;
  int64_t as_int() const;            // throws std::runtime_error if not integral
  double as_float() const;
  std::string as_str() const;        // Str, or BigInt's decimal digits
  std::vector<uint8_t> as_bytes() const;
  std::vector<Value> as_list() const;
  const std::vector<double>& numbers() const;  // Numbers only
  // Matrix only: its shape and row-major data (no copy).
  int64_t rows() const;
  int64_t cols() const;
  const std::vector<double>& matrix_data() const;
  std::vector<std::pair<std::string, Value>> as_dict() const;

  std::string to_json() const;  // compact JSON, as Python's json.dumps
  bool operator==(const Value& o) const;

  struct Impl;
  explicit Value(std::shared_ptr<const Impl> impl);
  const Impl& impl() const { return *impl_; }

 private:
  std::shared_ptr<const Impl> impl_;
};

}  // namespace multilingual
