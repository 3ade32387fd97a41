// Python's json module: dumps/dump (indent, sort_keys, separators, default, ensure_ascii,
// allow_nan, check_circular, cls), loads/load (object_hook, object_pairs_hook, parse_float,
// parse_int, parse_constant, strict), JSONDecodeError with msg/doc/pos/lineno/colno located as
// CPython locates it, and the JSONEncoder / JSONDecoder classes.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "interp/lib/libutil.h"
#include "support/json_text.h"

namespace ml::interp {

namespace {

ClassObj *t_decode_error, *t_encoder, *t_decoder;

struct JsonOpts {
  std::string indent;
  bool has_indent = false, sort_keys = false, ensure_ascii = true, allow_nan = true, check_circular = true, skipkeys = false;
  std::string item_sep = ", ", key_sep = ": ";
  Value default_fn;
};

std::string float_text(double d, const JsonOpts& o) {
  if (std::isfinite(d)) return float_repr(d);
  if (!o.allow_nan) raise_id("ValueError", "runtime.json_out_of_range_float");
  return std::isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
}

// A dict key as JSON text, or false to skip it (skipkeys).
bool json_key(const Value& k, const JsonOpts& o, std::string& out) {
  if (k.is(OK::Str)) out = str_of(k);
  else if (k.t == VT::Bool) out = k.b ? "true" : "false";
  else if (k.is_none()) out = "null";
  else if (k.t == VT::Int || k.is(OK::Big)) out = repr(k);
  else if (k.t == VT::Float) out = float_text(k.f, o);
  else if (o.skipkeys) return false;
  else raise_id("TypeError", "runtime.json_key_type", {{"type", type_name(k)}});
  return true;
}

struct Dumper {
  const JsonOpts& o;
  std::string out;
  std::vector<const Object*> active;  // containers being written (circular reference check)
  explicit Dumper(const JsonOpts& opts) : o(opts) {}

  void nl(int lv) {
    if (!o.has_indent) return;
    out += '\n';
    for (int i = 0; i < lv; ++i) out += o.indent;
  }
  std::string sep() const { return o.has_indent ? o.item_sep.substr(0, o.item_sep.find_last_not_of(' ') + 1) : o.item_sep; }
  void enter(const Value& v) {
    if (!o.check_circular) return;
    if (std::find(active.begin(), active.end(), v.o) != active.end()) raise_id("ValueError", "runtime.json_circular");
    active.push_back(v.o);
  }
  void leave() { if (o.check_circular) active.pop_back(); }

  void dump(const Value& v, int level) {
    if (v.is_none()) { out += "null"; return; }
    if (v.t == VT::Bool) { out += v.b ? "true" : "false"; return; }
    if (v.t == VT::Int || v.is(OK::Big)) { out += repr(v); return; }
    if (v.t == VT::Float) { out += float_text(v.f, o); return; }
    if (v.is(OK::Str)) { json_text::append_quoted(out, str_of(v), o.ensure_ascii); return; }
    if (v.is(OK::List) || v.is(OK::Tuple)) {
      const ValueVec& items = v.is(OK::List) ? v.as<ListObj>()->v : v.as<TupleObj>()->v;
      if (items.empty()) { out += "[]"; return; }
      enter(v);
      out += '[';
      for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += sep();
        nl(level + 1);
        dump(items[i], level + 1);
      }
      nl(level);
      out += ']';
      leave();
      return;
    }
    if (v.is(OK::Dict)) {
      auto* d = v.as<DictObj>();
      if (d->size() == 0) { out += "{}"; return; }
      enter(v);
      std::vector<std::pair<Value, Value>> items;
      d->for_each([&](const Value& k, const Value& x) { items.emplace_back(k, x); });
      if (o.sort_keys) std::stable_sort(items.begin(), items.end(), [](auto& x, auto& y) { return lt(x.first, y.first); });
      out += '{';
      bool first = true;
      for (auto& [k, x] : items) {
        std::string key;
        if (!json_key(k, o, key)) continue;
        if (!first) out += sep();
        first = false;
        nl(level + 1);
        json_text::append_quoted(out, key, o.ensure_ascii);
        out += o.key_sep;
        dump(x, level + 1);
      }
      nl(level);
      out += '}';
      leave();
      return;
    }
    if (!o.default_fn.is_none()) {
      enter(v);
      dump(call1(o.default_fn, v), level);
      leave();
      return;
    }
    raise_id("TypeError", "runtime.json_not_serializable", {{"type", type_name(v)}});
  }
};

JsonOpts json_opts(KwArgs* kw) {
  JsonOpts o;
  if (const Value* v = kw_find(kw, "indent"); v && !v->is_none()) {
    o.has_indent = true;
    o.indent = v->is(OK::Str) ? str_of(*v) : std::string((size_t)std::max<int64_t>(0, as_index(*v)), ' ');
    o.item_sep = ",";
  }
  if (const Value* v = kw_find(kw, "sort_keys")) o.sort_keys = truthy(*v);
  if (const Value* v = kw_find(kw, "ensure_ascii")) o.ensure_ascii = truthy(*v);
  if (const Value* v = kw_find(kw, "allow_nan")) o.allow_nan = truthy(*v);
  if (const Value* v = kw_find(kw, "check_circular")) o.check_circular = truthy(*v);
  if (const Value* v = kw_find(kw, "skipkeys")) o.skipkeys = truthy(*v);
  if (const Value* v = kw_find(kw, "separators"); v && !v->is_none()) {
    ValueVec p = to_vec(*v);
    if (p.size() != 2 || !p[0].is(OK::Str) || !p[1].is(OK::Str)) raise_id("TypeError", "runtime.json_separators");
    o.item_sep = str_of(p[0]);
    o.key_sep = str_of(p[1]);
  }
  if (const Value* v = kw_find(kw, "default")) o.default_fn = *v;
  return o;
}

// dumps(obj, cls=Encoder, ...): the encoder's default() method serializes unknown objects.
std::string dumps_impl(const Value& obj, KwArgs* kw) {
  if (const Value* cls = kw_find(kw, "cls"); cls && !cls->is_none()) {
    KwArgs rest;
    if (kw) for (auto& it : kw->items) if (str_of(it.first) != "cls") rest.items.push_back(it);
    Value enc = call(*cls, nullptr, 0, rest.empty() ? nullptr : &rest);
    return str_of(call1(getattr(enc, "encode"), obj));
  }
  JsonOpts o = json_opts(kw);
  Dumper d{o};
  d.dump(obj, 0);
  return std::move(d.out);
}

// ---------------------------------------------------------------- decoding
struct LoadOpts {
  Value object_hook, object_pairs_hook, parse_float, parse_int, parse_constant;
  bool strict = true;
};

LoadOpts load_opts(KwArgs* kw) {
  LoadOpts o;
  for (auto [name, field] : {std::pair{"object_hook", &o.object_hook}, {"object_pairs_hook", &o.object_pairs_hook},
                             {"parse_float", &o.parse_float}, {"parse_int", &o.parse_int}, {"parse_constant", &o.parse_constant}})
    if (const Value* v = kw_find(kw, name)) *field = *v;
  if (const Value* v = kw_find(kw, "strict")) o.strict = truthy(*v);
  return o;
}

struct JsonParser {
  const std::string& s;
  const LoadOpts& o;
  size_t i = 0;

  // CPython reports positions in characters of the document.
  int64_t char_pos(size_t byte) const {
    int64_t n = 0;
    for (size_t k = 0; k < byte && k < s.size(); ++k) if ((s[k] & 0xC0) != 0x80) ++n;
    return n;
  }
  [[noreturn]] void fail(const std::string& m, size_t at) {
    int64_t line = 1, col = 1;
    for (size_t k = 0; k < at && k < s.size(); ++k) {
      if (s[k] == '\n') { ++line; col = 1; }
      else if ((s[k] & 0xC0) != 0x80) ++col;
    }
    int64_t pos = char_pos(at);
    std::string text = m + ": line " + std::to_string(line) + " column " + std::to_string(col) + " (char " + std::to_string(pos) + ")";
    Value e = make_exception(t_decode_error, ValueVec{mk_str(text)});
    InstObj* d = e.as<InstObj>();
    d->set_attr("msg", mk_str(m));
    d->set_attr("doc", mk_str(s));
    d->set_attr("pos", Value::integer(pos));
    d->set_attr("lineno", Value::integer(line));
    d->set_attr("colno", Value::integer(col));
    throw PyError(e);
  }
  void ws() { while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i; }

  Value constant(const char* name, double v) {
    if (!o.parse_constant.is_none()) return call1(o.parse_constant, mk_str(name));
    return Value::flt(v);
  }

  // Pairs of the objects being parsed (nested objects stack theirs above their parent's): an
  // object's dict is made once its size is known, at its final size.
  std::vector<std::pair<Value, Value>> scratch;

  Value object() {
    ++i;
    size_t base = scratch.size();
    ws();
    if (i < s.size() && s[i] == '}') {
      ++i;
    } else {
      while (true) {
        ws();
        if (i >= s.size() || s[i] != '"') fail("Expecting property name enclosed in double quotes", i);
        Value k = str();
        ws();
        if (i >= s.size() || s[i] != ':') fail("Expecting ':' delimiter", i);
        ++i;
        ws();
        Value v = parse();
        scratch.emplace_back(std::move(k), std::move(v));
        ws();
        if (i < s.size() && s[i] == ',') { ++i; continue; }
        if (i < s.size() && s[i] == '}') { ++i; break; }
        fail("Expecting ',' delimiter", i);
      }
    }
    if (!o.object_pairs_hook.is_none()) {
      ValueVec pairs;
      pairs.reserve(scratch.size() - base);
      for (size_t k = base; k < scratch.size(); ++k) pairs.push_back(mk_tuple({scratch[k].first, scratch[k].second}));
      scratch.resize(base);
      return call1(o.object_pairs_hook, mk_list(std::move(pairs)));
    }
    Value d = mk_dict();
    DictObj* dd = d.as<DictObj>();
    dd->reserve(scratch.size() - base);
    for (size_t k = base; k < scratch.size(); ++k) dd->set(scratch[k].first, std::move(scratch[k].second));
    scratch.resize(base);
    if (!o.object_hook.is_none()) return call1(o.object_hook, d);
    return d;
  }

  Value array() {
    ++i;
    ValueVec items;
    ws();
    if (i < s.size() && s[i] == ']') { ++i; return mk_list(); }
    while (true) {
      ws();
      items.push_back(parse());
      ws();
      if (i < s.size() && s[i] == ',') { ++i; continue; }
      if (i < s.size() && s[i] == ']') { ++i; return mk_list(std::move(items)); }
      fail("Expecting ',' delimiter", i);
    }
  }

  Value number() {
    size_t st = i;
    if (s[i] == '-') ++i;
    if (i >= s.size() || !std::isdigit((unsigned char)s[i])) fail("Expecting value", st);
    if (s[i] == '0') ++i;
    else while (i < s.size() && std::isdigit((unsigned char)s[i])) ++i;
    bool flt = false;
    if (i + 1 < s.size() && s[i] == '.' && std::isdigit((unsigned char)s[i + 1])) {
      flt = true;
      ++i;
      while (i < s.size() && std::isdigit((unsigned char)s[i])) ++i;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
      size_t e = i + 1;
      if (e < s.size() && (s[e] == '+' || s[e] == '-')) ++e;
      if (e < s.size() && std::isdigit((unsigned char)s[e])) {
        flt = true;
        i = e;
        while (i < s.size() && std::isdigit((unsigned char)s[i])) ++i;
      }
    }
    if (!flt && o.parse_int.is_none() && i - st <= 18) {  // fits an int64: no text copy
      int64_t v = 0;
      for (size_t k = s[st] == '-' ? st + 1 : st; k < i; ++k) v = v * 10 + (s[k] - '0');
      return Value::integer(s[st] == '-' ? -v : v);
    }
    std::string num = s.substr(st, i - st);
    if (flt) return o.parse_float.is_none() ? parse_float(num) : call1(o.parse_float, mk_str(num));
    return o.parse_int.is_none() ? parse_int(num, 10) : call1(o.parse_int, mk_str(num));
  }

  bool consume(std::string_view w) {
    if (s.compare(i, w.size(), w) != 0) return false;
    i += w.size();
    return true;
  }

  Value parse() {
    if (i >= s.size()) fail("Expecting value", i);
    switch (s[i]) {
      case '{': return object();
      case '[': return array();
      case '"': return str();
      case 't': if (consume("true")) return Value::boolean(true); break;
      case 'f': if (consume("false")) return Value::boolean(false); break;
      case 'n': if (consume("null")) return Value(); break;
      case 'N': if (consume("NaN")) return constant("NaN", NAN); break;
      case 'I': if (consume("Infinity")) return constant("Infinity", INFINITY); break;
      case '-': if (consume("-Infinity")) return constant("-Infinity", -INFINITY); return number();
      default: if (std::isdigit((unsigned char)s[i])) return number();
    }
    fail("Expecting value", i);
  }

  uint32_t hex4(size_t at) {
    if (at + 4 > s.size()) fail("Invalid \\uXXXX escape", at - 1);
    uint32_t v = 0;
    for (size_t k = at; k < at + 4; ++k) {
      char h = s[k];
      int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
      if (d < 0) fail("Invalid \\uXXXX escape", at - 1);
      v = v * 16 + (uint32_t)d;
    }
    return v;
  }

  Value str() {
    size_t start = i++;
    // Most strings hold no escape: find the closing quote in one scan and copy the text once.
    size_t k = i;
    bool ascii = true;
    // Eight bytes a step while none of them is a quote, a backslash or (strict) a control
    // character; the byte loop below finds which one stopped it.
    constexpr uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    auto zero_byte = [&](uint64_t x) { return (x - ones) & ~x & highs; };  // nonzero iff some byte is 0
    uint64_t any_high = 0;
    for (; k + 8 <= s.size(); k += 8) {
      uint64_t w;
      std::memcpy(&w, s.data() + k, 8);
      uint64_t stop = zero_byte(w ^ (ones * '"')) | zero_byte(w ^ (ones * '\\'));
      if (o.strict) stop |= (w - ones * 0x20) & ~w & highs;  // a byte below 0x20
      if (stop) break;
      any_high |= w & highs;
    }
    ascii = any_high == 0;
    while (k < s.size()) {
      unsigned char c = (unsigned char)s[k];
      if (c == '"' || c == '\\' || (c < 0x20 && o.strict)) break;
      ascii &= c < 0x80;
      ++k;
    }
    if (k < s.size() && s[k] == '"') {
      size_t n = k - i;
      Value r = n == 1 && ascii ? I->small_strs[(unsigned char)s[i]] : Value::obj(new StrObj(s.substr(i, n)));
      if (ascii && n != 1) {
        auto* so = r.as<StrObj>();
        so->ascii = true;
        so->ncp = (int64_t)n;
      }
      i = k + 1;
      return r;
    }
    std::string out(s, i, k - i);
    i = k;
    while (true) {
      if (i >= s.size()) fail("Unterminated string starting at", start);
      char c = s[i++];
      if (c == '"') break;
      if ((unsigned char)c < 0x20 && o.strict) fail("Invalid control character at", i - 1);
      if (c != '\\') { out += c; continue; }
      if (i >= s.size()) fail("Unterminated string starting at", start);
      char e = s[i++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case '/': out += '/'; break;
        case '\\': out += '\\'; break;
        case '"': out += '"'; break;
        case 'u': {
          uint32_t cp = hex4(i);
          i += 4;
          if (cp >= 0xD800 && cp < 0xDC00 && s.compare(i, 2, "\\u") == 0) {
            uint32_t lo = hex4(i + 2);
            if (lo >= 0xDC00 && lo < 0xE000) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
              i += 6;
            }
          }
          append_utf8(out, cp);
          break;
        }
        default: fail("Invalid \\escape", i - 2);
      }
    }
    return mk_str(std::move(out));
  }
};

// The document's text, read in place (it lives as long as `v`).
const std::string& doc_text(const Value& v) {
  if (v.is(OK::Bytes)) return v.as<BytesObj>()->s;
  if (!v.is(OK::Str)) raise_id("TypeError", "runtime.json_input_type", {{"type", type_name(v)}});
  return str_of(v);
}

Value loads_impl(const std::string& s, KwArgs* kw) {
  if (const Value* cls = kw_find(kw, "cls"); cls && !cls->is_none()) {
    KwArgs rest;
    if (kw) for (auto& it : kw->items) if (str_of(it.first) != "cls") rest.items.push_back(it);
    Value dec = call(*cls, nullptr, 0, rest.empty() ? nullptr : &rest);
    return call1(getattr(dec, "decode"), mk_str(s));
  }
  LoadOpts o = load_opts(kw);
  JsonParser p{s, o};
  p.ws();
  Value v = p.parse();
  p.ws();
  if (p.i != s.size()) p.fail("Extra data", p.i);
  return v;
}

// The keyword arguments an encoder or decoder instance was made with, as KwArgs.
KwArgs saved_kwargs(const Value& self) {
  KwArgs kw;
  Value* d = self.as<InstObj>()->find_attr("_kwargs");
  if (d && d->is(OK::Dict)) d->as<DictObj>()->for_each([&](const Value& k, const Value& v) { kw.items.emplace_back(k, v); });
  return kw;
}

void init_classes(DictObj* d) {
  t_decode_error = lib_class("json.decoder", "JSONDecodeError", {Value::obj(I->e("ValueError"))});
  t_encoder = lib_class("json.encoder", "JSONEncoder");
  t_decoder = lib_class("json.decoder", "JSONDecoder");
  auto keep_kwargs = [](ARGS) -> Value {
    Value kd = mk_dict();
    if (kw) for (auto& [k, v] : kw->items) {
      kd.as<DictObj>()->set(k, v);
      setattr(a[0], str_of(k), v);
    }
    a[0].as<InstObj>()->set_attr("_kwargs", kd);
    return Value();
  };
  def_method(t_encoder, "__init__", keep_kwargs);
  def_method(t_encoder, "default", [](ARGS) -> Value {
    raise_id("TypeError", "runtime.json_not_serializable", {{"type", type_name(a[1])}});
  });
  def_method(t_encoder, "encode", [](ARGS) -> Value {
    check_args("encode", n, 2, 2);
    KwArgs kw2 = saved_kwargs(a[0]);
    JsonOpts o = json_opts(&kw2);
    // A subclass's default() (or the instance's default= argument) serializes unknown objects.
    if (o.default_fn.is_none()) o.default_fn = getattr(a[0], "default");
    Dumper dm{o};
    dm.dump(a[1], 0);
    return mk_str(std::move(dm.out));
  });
  def_method(t_encoder, "iterencode", [](ARGS) -> Value {
    Value s = call1(getattr(a[0], "encode"), a[1]);
    return iter(mk_list({s}));
  });
  def_method(t_decoder, "__init__", keep_kwargs);
  def_method(t_decoder, "decode", [](ARGS) -> Value {
    check_args("decode", n, 2, 2);
    KwArgs kw2 = saved_kwargs(a[0]);
    return loads_impl(doc_text(a[1]), &kw2);
  });
  def_method(t_decoder, "raw_decode", [](ARGS) -> Value {
    check_args("raw_decode", n, 2, 3);
    KwArgs kw2 = saved_kwargs(a[0]);
    LoadOpts o = load_opts(&kw2);
    std::string s = doc_text(a[1]);
    JsonParser p{s, o};
    if (n > 2) {  // a character index
      int64_t want = as_index(a[2]);
      while (p.i < s.size() && p.char_pos(p.i) < want) ++p.i;
    }
    Value v = p.parse();
    return mk_tuple({v, Value::integer(p.char_pos(p.i))});
  });
  d->set(str_key("JSONDecodeError"), Value::obj(t_decode_error));
  d->set(str_key("JSONEncoder"), Value::obj(t_encoder));
  d->set(str_key("JSONDecoder"), Value::obj(t_decoder));
}

}  // namespace

void init_json() {
  Value m = lib_module("json");
  DictObj* d = module_dict(m);
  init_classes(d);
  def_native(d, "dumps", [](ARGS) -> Value {
    check_args("dumps", n, 1, 1);
    return mk_str(dumps_impl(a[0], kw));
  });
  def_native(d, "loads", [](ARGS) -> Value {
    check_args("loads", n, 1, 1);
    return loads_impl(doc_text(a[0]), kw);
  });
  def_native(d, "dump", [](ARGS) -> Value {
    check_args("dump", n, 2, 2);
    call1(getattr(a[1], "write"), mk_str(dumps_impl(a[0], kw)));
    return Value();
  });
  def_native(d, "load", [](ARGS) -> Value {
    check_args("load", n, 1, 1);
    return loads_impl(doc_text(call0(getattr(a[0], "read"))), kw);
  });
}

}  // namespace ml::interp
