// multilingual::Value: a handle on the runtime's Value (shared, immutable).
#include <stdexcept>

#include "embed/convert.h"

namespace multilingual {

using RV = ml::runtime::Value;

namespace {
std::shared_ptr<const Value::Impl> make(RV v) { return std::make_shared<const Value::Impl>(Value::Impl{std::move(v)}); }
const std::shared_ptr<const Value::Impl>& none_impl() {
  static const auto n = make(RV::none());
  return n;
}
}  // namespace

Value::Value() : impl_(none_impl()) {}
Value::Value(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Value::Value(bool b) : impl_(make(RV::boolean(b))) {}
Value::Value(int v) : impl_(make(RV::integer(v))) {}
Value::Value(int64_t v) : impl_(make(RV::integer(v))) {}
Value::Value(double v) : impl_(make(RV::number(v))) {}
Value::Value(const char* s) : impl_(make(RV::str(s))) {}
Value::Value(std::string s) : impl_(make(RV::str(std::move(s)))) {}
Value::Value(std::vector<double> numbers) : impl_(make(RV::numbers(std::move(numbers)))) {}
Value::Value(std::vector<Value> items) {
  std::vector<RV> v;
  v.reserve(items.size());
  for (auto& i : items) v.push_back(i.impl().v);
  impl_ = make(RV::list(std::move(v)));
}
Value Value::bytes(const void* data, size_t size) {
  auto p = static_cast<const uint8_t*>(data);
  return Value(make(RV::bytes(std::vector<uint8_t>(p, p + size))));
}
Value Value::matrix(int64_t rows, int64_t cols, std::vector<double> row_major) {
  if (rows < 0 || cols < 0 || size_t(rows * cols) != row_major.size())
    throw std::invalid_argument("matrix: rows * cols must equal the number of values");
  return Value(make(RV::matrix(ml::runtime::Matrix{rows, cols, std::move(row_major)})));
}
Value Value::dict(std::vector<std::pair<std::string, Value>> entries) {
  std::vector<std::pair<std::string, RV>> d;
  for (auto& [k, v] : entries) d.emplace_back(k, v.impl().v);
  return Value(make(RV::dict(std::move(d))));
}

Value::Kind Value::kind() const { return static_cast<Kind>(impl_->v.kind()); }
std::string_view Value::kind_name() const { return impl_->v.kind_name(); }
bool Value::as_bool() const { return impl_->v.as_bool(); }
int64_t Value::as_int() const { return impl_->v.as_int(); }
double Value::as_float() const { return impl_->v.as_float(); }
std::string Value::as_str() const { return impl_->v.as_str(); }
std::vector<uint8_t> Value::as_bytes() const { return impl_->v.as_bytes(); }
std::vector<Value> Value::as_list() const {
  std::vector<Value> out;
  for (const auto& i : impl_->v.as_list()) out.push_back(Value(make(i)));
  return out;
}
const std::vector<double>& Value::numbers() const { return impl_->v.numbers_ref(); }
int64_t Value::rows() const { return impl_->v.matrix_ref().rows; }
int64_t Value::cols() const { return impl_->v.matrix_ref().cols; }
const std::vector<double>& Value::matrix_data() const { return impl_->v.matrix_ref().data; }
std::vector<std::pair<std::string, Value>> Value::as_dict() const {
  std::vector<std::pair<std::string, Value>> out;
  for (const auto& [k, v] : impl_->v.as_dict()) out.emplace_back(k, Value(make(v)));
  return out;
}
std::string Value::to_json() const { return impl_->v.to_json(); }
bool Value::operator==(const Value& o) const { return impl_->v == o.impl_->v; }

}  // namespace multilingual

namespace ml::embed {
multilingual::Value wrap(runtime::Value v) {
  return multilingual::Value(std::make_shared<const multilingual::Value::Impl>(multilingual::Value::Impl{std::move(v)}));
}
}  // namespace ml::embed
