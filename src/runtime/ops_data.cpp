// Operations on collections (sort, sum, search, callbacks), JSON text and images.
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
#include "runtime/ops.h"
#include "support/huge_pages.h"

namespace ml::runtime::ops {

using engine::Val;

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
  BytesIn px;  // the caller's pixels, read in place
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
  BytesResult res = bytes_result(im.px.size());
  auto out = m.output(res.data, im.px.size());
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
  m.collect(out, res.data, im.px.size());
  return res.value;
}
Value op_image_gaussian_blur(Machine& m, const std::vector<Value>& a) {
  Image im = image_args(a);
  auto in = m.input(im.px.data(), im.px.size());
  BytesResult res = bytes_result(im.px.size());
  auto tmp = m.alloc(im.px.size()), out = m.output(res.data, im.px.size());
  m.call("mlk_image_gaussian_blur",
         std::vector<Val>{m.arg(in), Val::I32(im.w), Val::I32(im.h), m.arg(tmp), m.arg(out)});
  m.collect(out, res.data, im.px.size());
  return res.value;
}

}  // namespace ml::runtime::ops
