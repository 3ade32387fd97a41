// Python's struct module: pack, unpack, unpack_from, iter_unpack, calcsize, pack_into and the
// Struct class, for the byte orders @ = < > ! and the formats x c b B ? h H i I l L q Q n N e f d
// s p P. Native mode (@, the default) aligns items and sizes them as the C compiler does on this
// machine (x86-64 Linux: long is 8 bytes); the other modes use standard sizes without alignment.
#include <cmath>
#include <cstring>
#include <unordered_map>

#include "interp/bytearray.h"
#include "interp/lib/libutil.h"

namespace ml::interp {

namespace {

ClassObj *t_struct_error, *t_struct;

[[noreturn]] void struct_error(const std::string& m) {
  throw PyError(make_exception(t_struct_error, ValueVec{mk_str(m)}));
}

struct Item {
  char code;
  size_t count;   // repeat count (for s/p: the byte length)
  size_t size;    // of one element
  size_t offset;  // of the first element
};

struct Layout {
  std::vector<Item> items;
  size_t size = 0;
  size_t nvalues = 0;  // values packed / unpacked
  bool little = true;
  bool native = true;  // @: native sizes and alignment
};

size_t std_size(char c) {
  switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'l': case 'L': case 'f': return 4;
    case 'q': case 'Q': case 'd': return 8;
    default: return 0;
  }
}
size_t native_size(char c) {
  switch (c) {
    case 'l': case 'L': case 'n': case 'N': case 'P': return 8;
    default: return std_size(c);
  }
}

Layout parse(const std::string& fmt) {
  Layout L;
  size_t i = 0;
  bool native = true;
  if (!fmt.empty() && std::strchr("@=<>!", fmt[0])) {
    native = L.native = fmt[0] == '@';
    L.little = fmt[0] == '@' || fmt[0] == '=' || fmt[0] == '<';
    i = 1;
  }
  size_t off = 0;
  while (i < fmt.size()) {
    char c = fmt[i];
    if (std::isspace((unsigned char)c)) { ++i; continue; }
    size_t count = 1;
    bool has_count = false;
    if (std::isdigit((unsigned char)c)) {
      count = 0;
      while (i < fmt.size() && std::isdigit((unsigned char)fmt[i])) count = count * 10 + (size_t)(fmt[i++] - '0');
      if (i >= fmt.size()) struct_error(msg("runtime.struct_repeat_count"));
      c = fmt[i];
      has_count = true;
    }
    ++i;
    size_t sz = native ? native_size(c) : std_size(c);
    if (!sz || (!native && (c == 'n' || c == 'N' || c == 'P'))) struct_error(msg("runtime.struct_bad_char"));
    if (native && c != 's' && c != 'p' && c != 'x' && c != 'c' && sz > 1) off = (off + sz - 1) / sz * sz;
    if (c == 's' || c == 'p') {
      L.items.push_back({c, has_count ? count : 1, 1, off});
      off += has_count ? count : 1;
      ++L.nvalues;
      continue;
    }
    L.items.push_back({c, count, sz, off});
    off += sz * count;
    if (c != 'x') L.nvalues += count;
  }
  L.size = off;
  return L;
}

// Formats are parsed once each (programs pack with the same format in loops).
const Layout& layout_of(const Value& fmt) {
  static auto* cache = new std::unordered_map<std::string, Layout>();
  std::string f = fmt.is(OK::Bytes) ? fmt.as<BytesObj>()->s : fmt.is(OK::Str) ? str_of(fmt) : "";
  if (!fmt.is(OK::Bytes) && !fmt.is(OK::Str)) raise_id("TypeError", "runtime.struct_format_type", {{"type", type_name(fmt)}});
  auto it = cache->find(f);
  if (it != cache->end()) return it->second;
  if (cache->size() > 256) cache->clear();
  return cache->emplace(f, parse(f)).first->second;
}

void put_uint(char* p, uint64_t v, size_t sz, bool little) {
  for (size_t k = 0; k < sz; ++k) p[little ? k : sz - 1 - k] = (char)((v >> (8 * k)) & 0xff);
}
uint64_t get_uint(const char* p, size_t sz, bool little) {
  uint64_t v = 0;
  for (size_t k = 0; k < sz; ++k) v |= (uint64_t)(unsigned char)p[little ? k : sz - 1 - k] << (8 * k);
  return v;
}

uint16_t to_half(double d);
double from_half(uint16_t h);

void pack_one(char* p, char code, size_t sz, bool little, const Value& v) {
  switch (code) {
    case 'c':
      if (!v.is(OK::Bytes) || v.as<BytesObj>()->s.size() != 1) struct_error(msg("runtime.struct_char_format"));
      *p = v.as<BytesObj>()->s[0];
      return;
    case '?': *p = truthy(v) ? 1 : 0; return;
    case 'e': case 'f': case 'd': {
      if (!v.is_float() && !is_intlike(v)) struct_error(msg("runtime.struct_not_float"));
      double d = to_double(v);
      if (code == 'd') { uint64_t u; std::memcpy(&u, &d, 8); put_uint(p, u, 8, little); }
      else if (code == 'f') {
        float f = (float)d;
        if (std::isinf(f) && !std::isinf(d)) raise_id("OverflowError", "runtime.struct_float_too_large", {{"code", "f"}});
        uint32_t u;
        std::memcpy(&u, &f, 4);
        put_uint(p, u, 4, little);
      } else {
        put_uint(p, to_half(d), 2, little);
      }
      return;
    }
    default: break;
  }
  if (!is_intlike(v)) struct_error(msg("runtime.struct_not_integer"));
  bool is_signed = code == 'b' || code == 'h' || code == 'i' || code == 'l' || code == 'q' || code == 'n';
  mpz_t z;
  mpz_init(z);
  to_mpz(v, z);
  // In range: [-2^(8sz-1), 2^(8sz-1)) signed, [0, 2^(8sz)) unsigned.
  mpz_t lo, hi;
  mpz_init(lo);
  mpz_init(hi);
  mpz_ui_pow_ui(hi, 2, (unsigned long)(8 * sz - (is_signed ? 1 : 0)));
  if (is_signed) mpz_neg(lo, hi);
  bool ok = mpz_cmp(z, lo) >= 0 && mpz_cmp(z, hi) < 0;
  mpz_clear(lo);
  mpz_clear(hi);
  uint64_t u = 0;
  if (ok) {
    if (is_signed) u = (uint64_t)mpz_get_si(z);
    else if (mpz_sgn(z)) mpz_export(&u, nullptr, -1, 8, 0, 0, z);
  }
  bool negative = mpz_sgn(z) < 0;
  mpz_clear(z);
  if (!ok) {
    uint64_t top = sz == 8 ? ~uint64_t(0) : (uint64_t(1) << (8 * sz)) - 1;
    std::map<std::string, std::string> range = {
        {"low", is_signed ? std::to_string(-(int64_t)(top >> 1) - 1) : "0"},
        {"high", std::to_string(is_signed ? top >> 1 : top)}};
    const char* name = code == 'b' ? "byte" : code == 'B' ? "ubyte" : code == 'h' ? "short" : code == 'H' ? "ushort" : nullptr;
    range["format"] = name ? std::string(name) : std::string("'") + code + "'";
    if (name) struct_error(msg("runtime.struct_format_range", range));
    // CPython converts a negative number for an unsigned 4- or 8-byte item, or any number
    // beyond 64 bits, before it checks ranges.
    if (sz == 8 || (!is_signed && negative)) struct_error(msg("runtime.struct_out_of_range"));
    struct_error(msg("runtime.struct_format_range", range));
  }
  put_uint(p, u, sz, little);
}

Value unpack_one(const char* p, char code, size_t sz, bool little) {
  switch (code) {
    case 'c': return mk_bytes(std::string(p, 1));
    case '?': return Value::boolean(*p != 0);
    case 'd': { uint64_t u = get_uint(p, 8, little); double d; std::memcpy(&d, &u, 8); return Value::flt(d); }
    case 'f': { uint32_t u = (uint32_t)get_uint(p, 4, little); float f; std::memcpy(&f, &u, 4); return Value::flt(f); }
    case 'e': return Value::flt(from_half((uint16_t)get_uint(p, 2, little)));
    default: break;
  }
  uint64_t u = get_uint(p, sz, little);
  bool is_signed = code == 'b' || code == 'h' || code == 'i' || code == 'l' || code == 'q' || code == 'n';
  if (is_signed) {
    if (sz < 8 && (u >> (8 * sz - 1)) & 1) u |= ~uint64_t(0) << (8 * sz);
    return Value::integer((int64_t)u);
  }
  if (u <= (uint64_t)INT64_MAX) return Value::integer((int64_t)u);
  mpz_t z;
  mpz_init(z);
  mpz_import(z, 1, -1, 8, 0, 0, &u);
  Value r = int_from_mpz(z);
  mpz_clear(z);
  return r;
}

// IEEE 754 half precision, rounding to nearest even (as CPython's PyFloat_Pack2).
uint16_t to_half(double d) {
  uint16_t sign = std::signbit(d) ? 0x8000 : 0;
  double a = std::fabs(d);
  if (std::isnan(d)) return sign | 0x7e00;
  if (std::isinf(d)) return sign | 0x7c00;
  int e;
  double f = std::frexp(a, &e);  // a = f * 2^e, f in [0.5, 1)
  if (a == 0) return sign;
  e -= 1;  // a = (2f) * 2^e with 2f in [1, 2)
  if (e < -14) {  // subnormal: units of 2^-24
    double m = std::nearbyint(std::ldexp(a, 24));
    return sign | (uint16_t)m;
  }
  double m = std::nearbyint((2 * f - 1) * 1024);
  if (m >= 1024) { m = 0; ++e; }
  if (e > 15) raise_id("OverflowError", "runtime.struct_float_too_large", {{"code", "e"}});
  return sign | (uint16_t)((e + 15) << 10) | (uint16_t)m;
}
double from_half(uint16_t h) {
  int e = (h >> 10) & 0x1f, m = h & 0x3ff;
  double v = e == 0 ? std::ldexp(m, -24) : e == 31 ? (m ? NAN : INFINITY) : std::ldexp(m + 1024, e - 25);
  return (h & 0x8000) ? -v : v;
}

std::string pack(const Layout& L, Value* a, int n) {
  if ((size_t)n != L.nvalues) struct_error(msg("runtime.struct_pack_count", {{"expected", std::to_string(L.nvalues)}, {"given", std::to_string(n)}}));
  std::string out(L.size, '\0');
  int k = 0;
  for (auto& it : L.items) {
    if (it.code == 'x') continue;
    if (it.code == 's' || it.code == 'p') {
      const Value& v = a[k++];
      if (!v.is(OK::Bytes)) struct_error(msg("runtime.struct_bytes_argument", {{"code", std::string(1, it.code)}}));
      const std::string& s = v.as<BytesObj>()->s;
      if (it.code == 's') out.replace(it.offset, std::min(s.size(), it.count), s.substr(0, it.count));
      else if (it.count) {
        size_t len = std::min(s.size(), std::min<size_t>(it.count - 1, 255));
        out[it.offset] = (char)len;
        out.replace(it.offset + 1, len, s.substr(0, len));
      }
      continue;
    }
    for (size_t r = 0; r < it.count; ++r) pack_one(&out[it.offset + r * it.size], it.code, it.size, L.little, a[k++]);
  }
  return out;
}

Value unpack(const Layout& L, std::string_view s) {
  ValueVec out;
  out.reserve(L.nvalues);
  for (auto& it : L.items) {
    if (it.code == 'x') continue;
    const char* p = s.data() + it.offset;
    if (it.code == 's') { out.push_back(mk_bytes(std::string(p, it.count))); continue; }
    if (it.code == 'p') {
      size_t len = it.count ? std::min<size_t>((unsigned char)p[0], it.count - 1) : 0;
      out.push_back(mk_bytes(std::string(it.count ? p + 1 : p, len)));
      continue;
    }
    for (size_t r = 0; r < it.count; ++r) out.push_back(unpack_one(p + r * it.size, it.code, it.size, L.little));
  }
  return mk_tuple(std::move(out));
}

const std::string& buffer(const Value& v) {
  if (!v.is(OK::Bytes)) raise_id("TypeError", "runtime.bytes_like_required", {{"type", type_name(v)}});
  return v.as<BytesObj>()->s;
}

Value unpack_from(const Layout& L, const Value& buf, int64_t offset) {
  const std::string& s = buffer(buf);
  if (offset < 0) offset += (int64_t)s.size();
  if (offset < 0 || (size_t)offset + L.size > s.size())
    struct_error(msg("runtime.struct_unpack_from_size",
                     {{"needed", std::to_string(L.size + (size_t)std::max<int64_t>(offset, 0))},
                      {"size", std::to_string(L.size)}, {"offset", std::to_string(offset)}, {"actual", std::to_string(s.size())}}));
  return unpack(L, std::string_view(s).substr((size_t)offset, L.size));
}

Value unpack_exact(const Layout& L, const Value& buf) {
  const std::string& s = buffer(buf);
  if (s.size() != L.size) struct_error(msg("runtime.struct_unpack_size", {{"size", std::to_string(L.size)}}));
  return unpack(L, s);
}

Value iter_unpack(const Layout& L, const Value& buf) {
  const std::string& s = buffer(buf);
  if (L.size == 0) struct_error(msg("runtime.struct_iter_zero"));
  if (s.size() % L.size) struct_error(msg("runtime.struct_iter_multiple", {{"size", std::to_string(L.size)}}));
  Value keep = buf;
  size_t pos = 0;
  Layout lay = L;
  return Value::obj(new IterObj([keep, pos, lay](Value& out) mutable {
    const std::string& b = keep.as<BytesObj>()->s;
    if (pos >= b.size()) return false;
    out = unpack(lay, std::string_view(b).substr(pos, lay.size));
    pos += lay.size;
    return true;
  }));
}

// pack_into(fmt, buffer, offset, *v): writes into a bytearray at offset (negative from the end).
Value pack_into(const Layout& L, Value* a, int n) {
  if (n < 2) raise_id("TypeError", "runtime.struct_pack_into_buffer");
  if (!is_bytearray(a[0])) raise_id("TypeError", "runtime.struct_read_write", {{"type", type_name(a[0])}});
  std::string& s = a[0].as<BytesObj>()->s;
  int64_t offset = as_index(a[1]);
  std::string packed = pack(L, a + 2, n - 2);
  if (offset < 0) {
    if (offset + (int64_t)s.size() < 0) struct_error(msg("runtime.struct_offset_range", {{"offset", std::to_string(offset)}, {"size", std::to_string(s.size())}}));
    offset += (int64_t)s.size();
  }
  if ((size_t)offset + packed.size() > s.size())
    struct_error(msg("runtime.struct_pack_into_size",
                     {{"needed", std::to_string(packed.size() + (size_t)offset)}, {"size", std::to_string(packed.size())},
                      {"offset", std::to_string(offset)}, {"actual", std::to_string(s.size())}}));
  s.replace((size_t)offset, packed.size(), packed);
  return Value();
}

const Layout& self_layout(const Value& self) { return layout_of(getattr(self, "format")); }

void init_struct_class(ClassObj* c) {
  def_method(c, "__init__", [](ARGS) -> Value {
    check_args("Struct", n, 2, 2);
    const Layout& L = layout_of(a[1]);
    setattr(a[0], "format", a[1].is(OK::Bytes) ? mk_str(a[1].as<BytesObj>()->s) : a[1]);
    setattr(a[0], "size", Value::integer((int64_t)L.size));
    return Value();
  });
  def_method(c, "pack", [](ARGS) -> Value { return mk_bytes(pack(self_layout(a[0]), a + 1, n - 1)); });
  def_method(c, "unpack", [](ARGS) -> Value { check_args("unpack", n, 2, 2); return unpack_exact(self_layout(a[0]), a[1]); });
  def_method(c, "unpack_from", [](ARGS) -> Value {
    return unpack_from(self_layout(a[0]), *arg_at(a + 1, n - 1, kw, 0, "buffer"), as_index(arg_or(a + 1, n - 1, kw, 1, "offset", Value::integer(0))));
  });
  def_method(c, "pack_into", [](ARGS) -> Value { return pack_into(self_layout(a[0]), a + 1, n - 1); });
  def_method(c, "iter_unpack", [](ARGS) -> Value { check_args("iter_unpack", n, 2, 2); return iter_unpack(self_layout(a[0]), a[1]); });
  def_method(c, "__repr__", [](ARGS) -> Value { return mk_str("Struct(" + repr(getattr(a[0], "format")) + ")"); });
}

}  // namespace

void init_struct() {
  Value m = lib_module("struct");
  DictObj* d = module_dict(m);
  t_struct_error = lib_class("struct", "error", {Value::obj(I->e("Exception"))});
  t_struct = lib_class("struct", "Struct");
  init_struct_class(t_struct);
  d->set(str_key("error"), Value::obj(t_struct_error));
  d->set(str_key("Struct"), Value::obj(t_struct));
  def_native(d, "calcsize", [](ARGS) -> Value {
    check_args("calcsize", n, 1, 1);
    return Value::integer((int64_t)layout_of(a[0]).size);
  });
  def_native(d, "pack", [](ARGS) -> Value {
    check_args("pack", n, 1, -1);
    return mk_bytes(pack(layout_of(a[0]), a + 1, n - 1));
  });
  def_native(d, "unpack", [](ARGS) -> Value {
    check_args("unpack", n, 2, 2);
    return unpack_exact(layout_of(a[0]), a[1]);
  });
  def_native(d, "unpack_from", [](ARGS) -> Value {
    const Value* buf = arg_at(a, n, kw, 1, "buffer");
    if (n < 1 || !buf) raise_id("TypeError", "runtime.missing_argument_named_pos", {{"name", "unpack_from"}, {"arg", "buffer"}, {"pos", "2"}});
    return unpack_from(layout_of(a[0]), *buf, as_index(arg_or(a, n, kw, 2, "offset", Value::integer(0))));
  });
  def_native(d, "pack_into", [](ARGS) -> Value {
    check_args("pack_into", n, 1, -1);
    return pack_into(layout_of(a[0]), a + 1, n - 1);
  });
  def_native(d, "iter_unpack", [](ARGS) -> Value {
    check_args("iter_unpack", n, 2, 2);
    return iter_unpack(layout_of(a[0]), a[1]);
  });
}

}  // namespace ml::interp
