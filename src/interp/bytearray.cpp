// bytearray: construction, mutation, and bytes' methods answering with bytearrays.
#include "interp/bytearray.h"

#include <algorithm>

namespace ml::interp {

ClassObj* g_bytearray_type = nullptr;

#define ARGS Interp &, Value *a, int n, KwArgs *kw

namespace {

std::string& S(const Value& v) {
  if (!is_bytearray(v)) raise_id("TypeError", "runtime.descriptor_not", {{"owner", "bytearray"}, {"type", type_name(v)}});
  return v.as<BytesObj>()->s;
}

unsigned char byte_of(const Value& v) {
  if (!is_intlike(v)) raise_id("TypeError", "runtime.not_integer", {{"type", type_name(v)}});
  int64_t c = as_index(v);
  if (c < 0 || c > 255) raise_id("ValueError", "runtime.byte_range");
  return (unsigned char)c;
}

// The bytes of a bytes-like value or of an iterable of ints (what extend() and slice
// assignment accept). A str is refused, as in Python.
std::string bytes_of(const Value& v, const char* what) {
  if (v.is(OK::Bytes)) return v.as<BytesObj>()->s;
  if (v.is(OK::Str)) type_error(std::string(what));
  std::string out;
  for_each(v, [&](const Value& x) { out += (char)byte_of(x); });
  return out;
}

Value new_bytearray(std::string s) {
  Value v = mk_bytes(std::move(s));
  v.o->type = g_bytearray_type;
  return v;
}

// bytes' methods answer with bytes; on a bytearray they answer with bytearrays.
Value retype(const Value& r) {
  if (r.is(OK::Bytes) && !is_bytearray(r)) return new_bytearray(r.as<BytesObj>()->s);
  if (r.is(OK::List)) {
    for (auto& x : r.as<ListObj>()->v) x = retype(x);
    return r;
  }
  if (r.is(OK::Tuple)) {
    ValueVec v = r.as<TupleObj>()->v;
    for (auto& x : v) x = retype(x);
    return mk_tuple(std::move(v));
  }
  return r;
}

Value ctor(ARGS) {
  check_args("bytearray", n, 0, 3);
  if (n == 0 && !kw_find(kw, "source")) return new_bytearray("");
  Value src = n ? a[0] : *kw_find(kw, "source");
  if (src.is(OK::Str)) {
    Value enc = n > 1 ? a[1] : kw_find(kw, "encoding") ? *kw_find(kw, "encoding") : Value();
    if (enc.is_none()) raise_id("TypeError", "runtime.string_without_encoding");
    Value args[3] = {src, enc, n > 2 ? a[2] : kw_find(kw, "errors") ? *kw_find(kw, "errors") : mk_str("strict")};
    Value encoded = call(getattr(src, "encode"), args + 1, 2);
    return new_bytearray(encoded.as<BytesObj>()->s);
  }
  if (n > 1) raise_id("TypeError", "runtime.encoding_without_string");
  if (is_intlike(src)) {
    int64_t k = as_index(src);
    if (k < 0) raise_id("ValueError", "runtime.negative_count");
    return new_bytearray(std::string((size_t)k, '\0'));
  }
  if (src.is(OK::Bytes)) return new_bytearray(src.as<BytesObj>()->s);
  std::string out;
  for_each(src, [&](const Value& x) { out += (char)byte_of(x); });
  return new_bytearray(std::move(out));
}

int64_t index_in(const std::string& s, const Value& key, bool insert) {
  int64_t i = as_index(key), len = (int64_t)s.size();
  if (insert) return i < 0 ? std::max<int64_t>(0, i + len) : std::min(i, len);
  if (i < 0) i += len;
  if (i < 0 || i >= len) raise_id("IndexError", "runtime.index_out_of_range", {{"type", "bytearray"}});
  return i;
}

void init_methods(ClassObj* t) {
  def_method(t, "append", [](ARGS) -> Value {
    check_args("append", n, 2, 2);
    S(a[0]) += (char)byte_of(a[1]);
    return Value();
  });
  def_method(t, "extend", [](ARGS) -> Value {
    check_args("extend", n, 2, 2);
    std::string add = bytes_of(a[1], "expected iterable of integers; got: 'str'");
    S(a[0]) += add;
    return Value();
  });
  def_method(t, "insert", [](ARGS) -> Value {
    check_args("insert", n, 3, 3);
    std::string& s = S(a[0]);
    unsigned char c = byte_of(a[2]);
    s.insert(s.begin() + index_in(s, a[1], true), (char)c);
    return Value();
  });
  def_method(t, "pop", [](ARGS) -> Value {
    check_args("pop", n, 1, 2);
    std::string& s = S(a[0]);
    if (s.empty()) raise_id("IndexError", "runtime.pop_empty_bytearray");
    int64_t i = n > 1 ? index_in(s, a[1], false) : (int64_t)s.size() - 1;
    unsigned char c = (unsigned char)s[i];
    s.erase(s.begin() + i);
    return Value::integer(c);
  });
  def_method(t, "remove", [](ARGS) -> Value {
    check_args("remove", n, 2, 2);
    std::string& s = S(a[0]);
    size_t at = s.find((char)byte_of(a[1]));
    if (at == std::string::npos) raise_id("ValueError", "runtime.bytearray_value_missing");
    s.erase(at, 1);
    return Value();
  });
  def_method(t, "reverse", [](ARGS) -> Value {
    check_args("reverse", n, 1, 1);
    std::reverse(S(a[0]).begin(), S(a[0]).end());
    return Value();
  });
  def_method(t, "clear", [](ARGS) -> Value {
    check_args("clear", n, 1, 1);
    S(a[0]).clear();
    return Value();
  });
  def_method(t, "copy", [](ARGS) -> Value {
    check_args("copy", n, 1, 1);
    return new_bytearray(S(a[0]));
  });
  def_method(t, "__alloc__", [](ARGS) -> Value { return Value::integer((int64_t)S(a[0]).capacity() + 1); });
}

}  // namespace

Value mk_bytes_like(const Value& like, std::string s) {
  if (is_bytearray(like)) return new_bytearray(std::move(s));
  return mk_bytes(std::move(s));
}

void bytearray_setitem(const Value& ba, const Value& key, const Value& v) {
  std::string& s = ba.as<BytesObj>()->s;
  if (!key.is(OK::Slice)) {
    s[index_in(s, key, false)] = (char)byte_of(v);
    return;
  }
  if (is_intlike(v)) raise_id("TypeError", "runtime.bytearray_assign_int");
  std::string items = bytes_of(v, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
  int64_t b0, e, st;
  slice_indices(key.as<SliceObj>(), (int64_t)s.size(), b0, e, st);
  if (st == 1) {
    if (e < b0) e = b0;
    s.replace((size_t)b0, (size_t)(e - b0), items);
    return;
  }
  std::vector<int64_t> idx;
  if (st > 0) for (int64_t i = b0; i < e; i += st) idx.push_back(i);
  else for (int64_t i = b0; i > e; i += st) idx.push_back(i);
  if (idx.size() != items.size())
    raise_id("ValueError", "runtime.extended_slice_bytes", {{"given", std::to_string(items.size())}, {"size", std::to_string(idx.size())}});
  for (size_t k = 0; k < idx.size(); ++k) s[idx[k]] = items[k];
}

void bytearray_delitem(const Value& ba, const Value& key) {
  std::string& s = ba.as<BytesObj>()->s;
  if (!key.is(OK::Slice)) {
    s.erase((size_t)index_in(s, key, false), 1);
    return;
  }
  int64_t b0, e, st;
  slice_indices(key.as<SliceObj>(), (int64_t)s.size(), b0, e, st);
  std::vector<bool> drop(s.size(), false);
  if (st > 0) for (int64_t i = b0; i < e; i += st) drop[i] = true;
  else for (int64_t i = b0; i > e; i += st) drop[i] = true;
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) if (!drop[i]) out += s[i];
  s = std::move(out);
}

Value bytearray_inplace(ast::BinOp op, const Value& ba, const Value& b) {
  std::string& s = ba.as<BytesObj>()->s;
  if (op == ast::BinOp::Add) {
    if (!b.is(OK::Bytes)) raise_id("TypeError", "runtime.cant_concat", {{"right", type_name(b)}, {"left", "bytearray"}});
    s += std::string(b.as<BytesObj>()->s);
    return ba;
  }
  if (op == ast::BinOp::Mul && is_intlike(b)) {
    int64_t k = as_index(b);
    std::string one = s;
    s.clear();
    for (int64_t i = 0; i < k; ++i) s += one;
    return ba;
  }
  return binop(op, ba, b);
}

void init_bytearray(void (*init_bytes_methods_on)(ClassObj*)) {
  auto* t = new ClassObj("bytearray");
  incref(t);
  t->builtin = true;
  t->mro.push_back(t);
  t->bases.emplace_back(I->t_object);
  for (ClassObj* m : I->t_object->mro) t->mro.push_back(m);
  g_bytearray_type = t;
  init_bytes_methods_on(t);
  // bytes' methods, re-read on a bytearray, answer with bytearrays
  t->dict->for_each([](const Value&, const Value& m) {
    if (!m.is(OK::Native)) return;
    auto* nat = m.as<NativeObj>();
    NativeFn inner = nat->fn;
    nat->fn = [inner](ARGS) -> Value { return retype(inner(*I, a, n, kw)); };
  });
  init_methods(t);
  t->dict->set(str_key("__hash__"), Value());
  t->dict->set(str_key("__ctor__"), Value::obj(new NativeObj("bytearray", ctor)));
  I->builtins->set(str_key("bytearray"), Value::obj(t));
}

}  // namespace ml::interp
