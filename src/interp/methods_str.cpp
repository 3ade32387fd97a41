// Methods of str, and str.format.
#include <utf8proc.h>

#include <algorithm>
#include <cmath>

#include "interp/code.h"

namespace ml::interp {

#define ARGS Interp &, Value *a, int n, KwArgs *kw
#define UNUSED_KW (void)kw

static const std::string& S(const Value& v) {
  if (!v.is(OK::Str)) raise_id("TypeError", "runtime.must_be_str", {{"type", type_name(v)}});
  return str_of(v);
}

static bool is_ws(uint32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x1c || c == 0x1d || c == 0x1e ||
         c == 0x1f || c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 ||
         c == 0x202f || c == 0x205f || c == 0x3000;
}

static std::string map_cps(const std::string& s, uint32_t (*f)(uint32_t)) {
  std::string out;
  out.reserve(s.size());
  for (uint32_t c : decode_utf8(s)) append_utf8(out, f(c));
  return out;
}
static uint32_t lower_cp(uint32_t c) { return c < 128 ? (uint32_t)std::tolower((int)c) : (uint32_t)utf8proc_tolower((utf8proc_int32_t)c); }
static uint32_t upper_cp(uint32_t c) { return c < 128 ? (uint32_t)std::toupper((int)c) : (uint32_t)utf8proc_toupper((utf8proc_int32_t)c); }
static bool cp_alpha(uint32_t c) {
  auto cat = utf8proc_category((utf8proc_int32_t)c);
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL || cat == UTF8PROC_CATEGORY_LT ||
         cat == UTF8PROC_CATEGORY_LM || cat == UTF8PROC_CATEGORY_LO;
}
static bool cp_digit(uint32_t c) { return utf8proc_category((utf8proc_int32_t)c) == UTF8PROC_CATEGORY_ND; }
static bool cp_numeric(uint32_t c) {
  auto cat = utf8proc_category((utf8proc_int32_t)c);
  return cat == UTF8PROC_CATEGORY_ND || cat == UTF8PROC_CATEGORY_NL || cat == UTF8PROC_CATEGORY_NO;
}
static bool cp_upper(uint32_t c) { return utf8proc_category((utf8proc_int32_t)c) == UTF8PROC_CATEGORY_LU; }
static bool cp_lower(uint32_t c) { return utf8proc_category((utf8proc_int32_t)c) == UTF8PROC_CATEGORY_LL; }

template <class P>
static Value all_cps(const std::string& s, P p) {
  if (s.empty()) return Value::boolean(false);
  for (uint32_t c : decode_utf8(s))
    if (!p(c)) return Value::boolean(false);
  return Value::boolean(true);
}

// strip helpers on code points
static std::string strip_impl(const std::string& s, const Value* chars, bool left, bool right) {
  auto cps = decode_utf8(s);
  std::vector<uint32_t> set;
  bool use_ws = !chars || chars->is_none();
  if (!use_ws) set = decode_utf8(S(*chars));
  auto strip_it = [&](uint32_t c) { return use_ws ? is_ws(c) : std::find(set.begin(), set.end(), c) != set.end(); };
  size_t a = 0, b = cps.size();
  if (left) while (a < b && strip_it(cps[a])) ++a;
  if (right) while (b > a && strip_it(cps[b - 1])) --b;
  std::string out;
  for (size_t i = a; i < b; ++i) append_utf8(out, cps[i]);
  return out;
}

static ValueVec split_ws(const std::string& s, int64_t maxsplit) {
  ValueVec out;
  auto cps = decode_utf8(s);
  size_t i = 0, n = cps.size();
  while (true) {
    while (i < n && is_ws(cps[i])) ++i;
    if (i >= n) break;
    if (maxsplit >= 0 && (int64_t)out.size() >= maxsplit) {
      size_t e = n;
      while (e > i && is_ws(cps[e - 1])) --e;
      std::string t;
      for (size_t k = i; k < e; ++k) append_utf8(t, cps[k]);
      out.push_back(mk_str(std::move(t)));
      break;
    }
    std::string t;
    while (i < n && !is_ws(cps[i])) append_utf8(t, cps[i++]);
    out.push_back(mk_str(std::move(t)));
  }
  return out;
}

static ValueVec split_sep(const std::string& s, const std::string& sep, int64_t maxsplit) {
  if (sep.empty()) raise_id("ValueError", "runtime.empty_separator");
  ValueVec out;
  size_t pos = 0;
  while (true) {
    if (maxsplit >= 0 && (int64_t)out.size() >= maxsplit) break;
    size_t f = s.find(sep, pos);
    if (f == std::string::npos) break;
    out.push_back(mk_str(s.substr(pos, f - pos)));
    pos = f + sep.size();
  }
  out.push_back(mk_str(s.substr(pos)));
  return out;
}

static StrObj* plain_str(const Value& v) { return v.is(OK::Str) ? v.as<StrObj>() : nullptr; }

static int64_t cp_index_of_byte(const std::string& s, size_t byte) {
  int64_t n = 0;
  for (size_t i = 0; i < byte && i < s.size(); ++i)
    if (((unsigned char)s[i] & 0xC0) != 0x80) ++n;
  return n;
}

static size_t byte_of_cp(const std::string& s, int64_t cp) {
  int64_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (((unsigned char)s[i] & 0xC0) != 0x80) {
      if (n == cp) return i;
      ++n;
    }
  }
  return s.size();
}

// find with optional start/end (code points)
// `so`, when the receiver is a plain str, knows whether the text is ASCII (then code point and
// byte offsets are one, and a search from an offset does not walk the text before it).
static int64_t find_impl(const std::string& s, const std::string& sub, Value* a, int n, bool rev, StrObj* so = nullptr) {
  bool ascii = so && (so->length(), so->ascii);
  int64_t len = ascii ? (int64_t)s.size() : cp_index_of_byte(s, s.size());
  int64_t start = 0, end = len;
  if (n > 1 && !a[1].is_none()) { start = as_index(a[1]); if (start < 0) start = std::max<int64_t>(0, start + len); }
  if (n > 2 && !a[2].is_none()) { end = as_index(a[2]); if (end < 0) end = std::max<int64_t>(0, end + len); }
  if (end > len) end = len;
  if (start > end) return -1;
  size_t bs = ascii ? (size_t)start : byte_of_cp(s, start), be = ascii ? (size_t)end : byte_of_cp(s, end);
  std::string_view view(s.data() + bs, be - bs);
  size_t f = rev ? view.rfind(sub) : view.find(sub);
  if (f == std::string::npos) return -1;
  return ascii ? (int64_t)(bs + f) : cp_index_of_byte(s, bs + f);
}

Value str_format(const std::string& fmt, Value* args, int nargs, KwArgs* kw) {
  std::string out;
  int auto_idx = 0;
  for (size_t i = 0; i < fmt.size(); ++i) {
    char c = fmt[i];
    if (c == '{') {
      if (i + 1 < fmt.size() && fmt[i + 1] == '{') { out += '{'; ++i; continue; }
      size_t j = i + 1;
      int depth = 1;
      while (j < fmt.size() && depth) {
        if (fmt[j] == '{') ++depth;
        else if (fmt[j] == '}') --depth;
        if (depth) ++j;
      }
      if (j >= fmt.size()) raise_id("ValueError", "runtime.format_single_open");
      std::string field = fmt.substr(i + 1, j - i - 1);
      i = j;
      std::string spec;
      char conv = 0;
      size_t colon = field.find(':');
      if (colon != std::string::npos) { spec = field.substr(colon + 1); field = field.substr(0, colon); }
      size_t bang = field.find('!');
      if (bang != std::string::npos) { conv = field[bang + 1]; field = field.substr(0, bang); }
      // field: name or index, then .attr / [key]
      size_t k = 0;
      while (k < field.size() && field[k] != '.' && field[k] != '[') ++k;
      std::string head = field.substr(0, k);
      Value v;
      if (head.empty()) {
        if (auto_idx >= nargs) raise_id("IndexError", "runtime.format_replacement_index", {{"index", std::to_string(auto_idx)}});
        v = args[auto_idx++];
      } else if (std::isdigit((unsigned char)head[0])) {
        int idx = std::stoi(head);
        if (idx >= nargs) raise_id("IndexError", "runtime.format_replacement_index", {{"index", std::to_string(idx)}});
        v = args[idx];
      } else {
        const Value* kv = kw_find(kw, head);
        if (!kv) throw PyError(make_exception(I->e("KeyError"), ValueVec{mk_str(head)}));
        v = *kv;
      }
      while (k < field.size()) {
        if (field[k] == '.') {
          size_t e = k + 1;
          while (e < field.size() && field[e] != '.' && field[e] != '[') ++e;
          v = getattr(v, field.substr(k + 1, e - k - 1));
          k = e;
        } else {
          size_t e = field.find(']', k);
          std::string key = field.substr(k + 1, e - k - 1);
          bool digit = !key.empty() && std::all_of(key.begin(), key.end(), [](char ch) { return std::isdigit((unsigned char)ch); });
          v = getitem(v, digit ? Value::integer(std::stoll(key)) : mk_str(key));
          k = e + 1;
        }
      }
      if (conv == 'r') v = mk_str(repr(v));
      else if (conv == 's') v = mk_str(to_str(v));
      else if (conv == 'a') v = call1(*I->builtins->find(str_key("ascii")), v);
      if (spec.find('{') != std::string::npos) spec = str_of(str_format(spec, args, nargs, kw));
      out += str_of(format_value(v, spec));
    } else if (c == '}') {
      if (i + 1 < fmt.size() && fmt[i + 1] == '}') { out += '}'; ++i; continue; }
      raise_id("ValueError", "runtime.format_single_close");
    } else {
      out += c;
    }
  }
  return mk_str(std::move(out));
}

static Value pad_str(const std::string& s, int64_t width, uint32_t fill, char align) {
  int64_t len = cp_index_of_byte(s, s.size());
  if (width <= len) return mk_str(s);
  std::string f;
  append_utf8(f, fill);
  int64_t total = width - len, left = 0;
  if (align == '>') left = total;
  else if (align == '^') left = total / 2 + (total & width & 1);  // CPython's rounding for str.center
  std::string out;
  for (int64_t i = 0; i < left; ++i) out += f;
  out += s;
  for (int64_t i = 0; i < total - left; ++i) out += f;
  return mk_str(std::move(out));
}

static uint32_t fill_char(Value* a, int n, int idx) {
  if (n <= idx) return ' ';
  auto cps = decode_utf8(S(a[idx]));
  if (cps.size() != 1) raise_id("TypeError", "runtime.format_fill_char");
  return cps[0];
}

// Methods whose arguments are all optional say "takes at most N arguments (M given)".
static void at_most(const char* name, int given, int max) {
  if (given > max)
    raise_id("TypeError", "runtime.takes_at_most", {{"name", name}, {"max", std::to_string(max)}, {"given", std::to_string(given)}});
}


// find/index/count, replace, startswith/endswith, removeprefix/removesuffix, format.
static void init_str_search_methods(ClassObj* t) {
  def_method(t, "find", [](ARGS) -> Value {
    check_args("find", n, 2, 4);
    return Value::integer(find_impl(S(a[0]), S(a[1]), a + 1, n - 1, false, plain_str(a[0])));
  });
  def_method(t, "rfind", [](ARGS) -> Value {
    check_args("rfind", n, 2, 4);
    return Value::integer(find_impl(S(a[0]), S(a[1]), a + 1, n - 1, true, plain_str(a[0])));
  });
  def_method(t, "index", [](ARGS) -> Value {
    check_args("index", n, 2, 4);
    int64_t r = find_impl(S(a[0]), S(a[1]), a + 1, n - 1, false, plain_str(a[0]));
    if (r < 0) raise_id("ValueError", "runtime.substring_not_found");
    return Value::integer(r);
  });
  def_method(t, "rindex", [](ARGS) -> Value {
    check_args("rindex", n, 2, 4);
    int64_t r = find_impl(S(a[0]), S(a[1]), a + 1, n - 1, true, plain_str(a[0]));
    if (r < 0) raise_id("ValueError", "runtime.substring_not_found");
    return Value::integer(r);
  });
  def_method(t, "count", [](ARGS) -> Value {
    check_args("count", n, 2, 4);
    const std::string& s = S(a[0]);
    const std::string& sub = S(a[1]);
    std::string hay = s;
    if (n > 2) {
      int64_t len = cp_index_of_byte(s, s.size());
      int64_t st = as_index(a[2]), en = n > 3 ? as_index(a[3]) : len;
      if (st < 0) st = std::max<int64_t>(0, st + len);
      if (en < 0) en = std::max<int64_t>(0, en + len);
      if (en > len) en = len;
      if (st > en) return Value::integer(0);
      hay = s.substr(byte_of_cp(s, st), byte_of_cp(s, en) - byte_of_cp(s, st));
    }
    if (sub.empty()) return Value::integer(cp_index_of_byte(hay, hay.size()) + 1);
    int64_t c = 0;
    for (size_t p = hay.find(sub); p != std::string::npos; p = hay.find(sub, p + sub.size())) ++c;
    return Value::integer(c);
  });
  def_method(t, "replace", [](ARGS) -> Value {
    check_args("replace", n, 3, 4);
    const std::string& s = S(a[0]);
    const std::string& from = S(a[1]);
    const std::string& to = S(a[2]);
    int64_t count = n > 3 ? as_index(a[3]) : -1;
    std::string out;
    if (from.empty()) {
      auto cps = decode_utf8(s);
      int64_t done = 0;
      for (size_t i = 0; i <= cps.size(); ++i) {
        if (count < 0 || done < count) { out += to; ++done; }
        if (i < cps.size()) append_utf8(out, cps[i]);
      }
      return mk_str(out);
    }
    size_t pos = 0;
    int64_t done = 0;
    while (count < 0 || done < count) {
      size_t f = s.find(from, pos);
      if (f == std::string::npos) break;
      out.append(s, pos, f - pos);
      out += to;
      pos = f + from.size();
      ++done;
    }
    out.append(s, pos, std::string::npos);
    return mk_str(std::move(out));
  });
  auto affix = [](bool start) {
    return [start](ARGS) -> Value {
      check_args(start ? "startswith" : "endswith", n, 2, 4);
      const std::string& whole = S(a[0]);
      std::string_view s = whole;
      if (n > 2) {
        StrObj* so = plain_str(a[0]);
        bool ascii = so && (so->length(), so->ascii);
        int64_t len = ascii ? (int64_t)whole.size() : cp_index_of_byte(whole, whole.size());
        int64_t st = as_index(a[2]), en = n > 3 && !a[3].is_none() ? as_index(a[3]) : len;
        if (st < 0) st = std::max<int64_t>(0, st + len);
        if (en < 0) en = std::max<int64_t>(0, en + len);
        if (en > len) en = len;
        if (st > en) return Value::boolean(false);
        size_t bs = ascii ? (size_t)st : byte_of_cp(whole, st), be = ascii ? (size_t)en : byte_of_cp(whole, en);
        s = s.substr(bs, be - bs);
      }
      auto test = [&](const std::string& p) {
        if (p.size() > s.size()) return false;
        return start ? s.compare(0, p.size(), p) == 0 : s.compare(s.size() - p.size(), p.size(), p) == 0;
      };
      if (a[1].is(OK::Tuple)) {
        for (auto& p : a[1].as<TupleObj>()->v) if (test(S(p))) return Value::boolean(true);
        return Value::boolean(false);
      }
      return Value::boolean(test(S(a[1])));
    };
  };
  def_method(t, "startswith", affix(true));
  def_method(t, "endswith", affix(false));
  def_method(t, "removeprefix", [](ARGS) -> Value {
    const std::string& s = S(a[0]);
    const std::string& p = S(a[1]);
    return s.compare(0, p.size(), p) == 0 ? mk_str(s.substr(p.size())) : a[0];
  });
  def_method(t, "removesuffix", [](ARGS) -> Value {
    const std::string& s = S(a[0]);
    const std::string& p = S(a[1]);
    return !p.empty() && s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0 ? mk_str(s.substr(0, s.size() - p.size())) : a[0];
  });
  def_method(t, "format", [](ARGS) -> Value { return str_format(S(a[0]), a + 1, n - 1, kw); });
  def_method(t, "format_map", [](ARGS) -> Value {
    KwArgs k2;
    a[1].as<DictObj>()->for_each([&](const Value& k, const Value& v) { k2.items.emplace_back(k, v); });
    return str_format(S(a[0]), nullptr, 0, &k2);
  });
}


// is*() predicates, padding (center, ljust, zfill), partition, expandtabs.
static void init_str_predicates_and_layout(ClassObj* t) {
  def_method(t, "isdigit", [](ARGS) -> Value { return all_cps(S(a[0]), cp_digit); });
  def_method(t, "isdecimal", [](ARGS) -> Value { return all_cps(S(a[0]), cp_digit); });
  def_method(t, "isnumeric", [](ARGS) -> Value { return all_cps(S(a[0]), cp_numeric); });
  def_method(t, "isalpha", [](ARGS) -> Value { return all_cps(S(a[0]), cp_alpha); });
  // Python's printable: not a control, format, surrogate, private-use, unassigned or separator
  // character, the ASCII space excepted.
  def_method(t, "isprintable", [](ARGS) -> Value {
    for (uint32_t c : decode_utf8(S(a[0]))) {
      if (c == ' ') continue;
      auto cat = utf8proc_category((utf8proc_int32_t)c);
      if (cat == UTF8PROC_CATEGORY_CC || cat == UTF8PROC_CATEGORY_CF || cat == UTF8PROC_CATEGORY_CS || cat == UTF8PROC_CATEGORY_CO ||
          cat == UTF8PROC_CATEGORY_CN || cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP)
        return Value::boolean(false);
    }
    return Value::boolean(true);
  });
  def_method(t, "isascii", [](ARGS) -> Value {
    for (unsigned char c : S(a[0])) if (c >= 0x80) return Value::boolean(false);
    return Value::boolean(true);
  });
  def_method(t, "isalnum", [](ARGS) -> Value { return all_cps(S(a[0]), [](uint32_t c) { return cp_alpha(c) || cp_numeric(c); }); });
  def_method(t, "isspace", [](ARGS) -> Value { return all_cps(S(a[0]), is_ws); });
  def_method(t, "isupper", [](ARGS) -> Value {
    bool any = false;
    for (uint32_t c : decode_utf8(S(a[0]))) { if (cp_lower(c)) return Value::boolean(false); if (cp_upper(c)) any = true; }
    return Value::boolean(any);
  });
  def_method(t, "islower", [](ARGS) -> Value {
    bool any = false;
    for (uint32_t c : decode_utf8(S(a[0]))) { if (cp_upper(c)) return Value::boolean(false); if (cp_lower(c)) any = true; }
    return Value::boolean(any);
  });
  def_method(t, "isidentifier", [](ARGS) -> Value {
    auto cps = decode_utf8(S(a[0]));
    if (cps.empty()) return Value::boolean(false);
    for (size_t i = 0; i < cps.size(); ++i) {
      uint32_t c = cps[i];
      bool ok = c == '_' || cp_alpha(c) || (i > 0 && cp_numeric(c));
      if (!ok) return Value::boolean(false);
    }
    return Value::boolean(true);
  });
  def_method(t, "istitle", [](ARGS) -> Value {
    bool prev = false, any = false;
    for (uint32_t c : decode_utf8(S(a[0]))) {
      if (cp_upper(c)) { if (prev) return Value::boolean(false); prev = true; any = true; }
      else if (cp_lower(c)) { if (!prev) return Value::boolean(false); prev = true; }
      else prev = false;
    }
    return Value::boolean(any);
  });
  def_method(t, "center", [](ARGS) -> Value { check_args("center", n, 2, 3); return pad_str(S(a[0]), as_index(a[1]), fill_char(a, n, 2), '^'); });
  def_method(t, "ljust", [](ARGS) -> Value { check_args("ljust", n, 2, 3); return pad_str(S(a[0]), as_index(a[1]), fill_char(a, n, 2), '<'); });
  def_method(t, "rjust", [](ARGS) -> Value { check_args("rjust", n, 2, 3); return pad_str(S(a[0]), as_index(a[1]), fill_char(a, n, 2), '>'); });
  def_method(t, "zfill", [](ARGS) -> Value {
    check_args("zfill", n, 2, 2);
    std::string s = S(a[0]);
    int64_t w = as_index(a[1]);
    int64_t len = cp_index_of_byte(s, s.size());
    if (w <= len) return a[0];
    std::string sign;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) { sign = s.substr(0, 1); s = s.substr(1); }
    return mk_str(sign + std::string(w - len, '0') + s);
  });
  def_method(t, "partition", [](ARGS) -> Value {
    const std::string& s = S(a[0]);
    const std::string& sep = S(a[1]);
    size_t f = s.find(sep);
    if (f == std::string::npos) return mk_tuple({a[0], mk_str(""), mk_str("")});
    return mk_tuple({mk_str(s.substr(0, f)), a[1], mk_str(s.substr(f + sep.size()))});
  });
  def_method(t, "rpartition", [](ARGS) -> Value {
    const std::string& s = S(a[0]);
    const std::string& sep = S(a[1]);
    size_t f = s.rfind(sep);
    if (f == std::string::npos) return mk_tuple({mk_str(""), mk_str(""), a[0]});
    return mk_tuple({mk_str(s.substr(0, f)), a[1], mk_str(s.substr(f + sep.size()))});
  });
  def_method(t, "expandtabs", [](ARGS) -> Value {
    int64_t ts = n > 1 ? as_index(a[1]) : 8;
    std::string out;
    int64_t col = 0;
    for (uint32_t c : decode_utf8(S(a[0]))) {
      if (c == '\t') { int64_t k = ts ? ts - col % ts : 0; out.append(k, ' '); col += k; }
      else if (c == '\n' || c == '\r') { append_utf8(out, c); col = 0; }
      else { append_utf8(out, c); ++col; }
    }
    return mk_str(out);
  });
}


// the dunders, maketrans and translate.
static void init_str_protocol_methods(ClassObj* t) {
  def_method(t, "__len__", [](ARGS) -> Value { return Value::integer(len(a[0])); });
  def_method(t, "__contains__", [](ARGS) -> Value { return Value::boolean(contains(a[0], a[1])); });
  def_method(t, "__getitem__", [](ARGS) -> Value { return getitem(a[0], a[1]); });
  def_method(t, "__add__", [](ARGS) -> Value { return binop(ast::BinOp::Add, a[0], a[1]); });
  def_method(t, "__mul__", [](ARGS) -> Value { return binop(ast::BinOp::Mul, a[0], a[1]); });
  def_method(t, "__eq__", [](ARGS) -> Value { return Value::boolean(eq(a[0], a[1])); });
  def_method(t, "__lt__", [](ARGS) -> Value { return Value::boolean(lt(a[0], a[1])); });
  def_method(t, "__hash__", [](ARGS) -> Value { return Value::integer(hash_value(a[0])); });
  def_method(t, "__str__", [](ARGS) -> Value { return a[0]; });
  def_method(t, "__repr__", [](ARGS) -> Value { return mk_str(repr(a[0])); });
  def_method(t, "__format__", [](ARGS) -> Value { return format_value(a[0], S(a[1])); });
  // str.maketrans / translate
  t->dict->set(str_key("maketrans"), Value::obj(new WrapperObj(OK::StaticMethod, Value::obj(new NativeObj("maketrans", [](ARGS) -> Value {
    Value d = mk_dict();
    if (n == 1) {
      a[0].as<DictObj>()->for_each([&](const Value& k, const Value& v) {
        d.as<DictObj>()->set(k.is(OK::Str) ? Value::integer(decode_utf8(str_of(k))[0]) : k, v);
      });
      return d;
    }
    auto x = decode_utf8(S(a[0])), y = decode_utf8(S(a[1]));
    if (x.size() != y.size()) raise_id("ValueError", "runtime.maketrans_equal_length");
    for (size_t i = 0; i < x.size(); ++i) {
      std::string s;
      append_utf8(s, y[i]);
      d.as<DictObj>()->set(Value::integer(x[i]), mk_str(s));
    }
    if (n > 2) for (uint32_t c : decode_utf8(S(a[2]))) d.as<DictObj>()->set(Value::integer(c), Value());
    return d;
  })))));
  def_method(t, "translate", [](ARGS) -> Value {
    std::string out;
    // A dict is looked up directly; any other table (a list, an object with __getitem__) is
    // indexed, a LookupError leaving the character as it is, as CPython does.
    bool is_dict = a[1].is(OK::Dict) && type_of(a[1]) == I->t_dict;
    for (uint32_t c : decode_utf8(S(a[0]))) {
      Value got;
      if (is_dict) {
        Value* m = a[1].as<DictObj>()->find(Value::integer(c));
        if (!m) { append_utf8(out, c); continue; }
        got = *m;
      } else {
        try {
          got = getitem(a[1], Value::integer(c));
        } catch (PyError& e) {
          if (!type_of(e.exc)->is_subclass(I->e("LookupError"))) throw;
          append_utf8(out, c);
          continue;
        }
      }
      if (got.is_none()) continue;
      if (got.is(OK::Str)) out += str_of(got);
      else append_utf8(out, (uint32_t)as_index(got));
    }
    return mk_str(out);
  });
}

void init_str_methods(ClassObj* t) {
  def_method(t, "split", [](ARGS) -> Value {
    at_most("split", n - 1, 2);
    const std::string& s = S(a[0]);
    Value sep = n > 1 ? a[1] : kw_get(kw, "sep");
    Value ms = n > 2 ? a[2] : (kw_find(kw, "maxsplit") ? kw_get(kw, "maxsplit") : Value::integer(-1));
    int64_t maxsplit = as_index(ms);
    if (sep.is_none()) return mk_list(split_ws(s, maxsplit));
    return mk_list(split_sep(s, S(sep), maxsplit));
  });
  def_method(t, "rsplit", [](ARGS) -> Value {
    at_most("rsplit", n - 1, 2);
    const std::string& s = S(a[0]);
    Value sep = n > 1 ? a[1] : kw_get(kw, "sep");
    Value ms = n > 2 ? a[2] : (kw_find(kw, "maxsplit") ? kw_get(kw, "maxsplit") : Value::integer(-1));
    int64_t maxsplit = as_index(ms);
    if (maxsplit < 0) {
      if (sep.is_none()) return mk_list(split_ws(s, -1));
      return mk_list(split_sep(s, S(sep), -1));
    }
    if (sep.is_none()) {
      // split from the right on whitespace
      ValueVec all = split_ws(s, -1);
      if ((int64_t)all.size() <= maxsplit + 1) return mk_list(all);
      // rejoin the head
      size_t keep = all.size() - maxsplit;
      std::string head = strip_impl(s, nullptr, true, true);
      // find the byte where the last `maxsplit` words start
      size_t pos = head.size();
      for (int64_t k = 0; k < maxsplit; ++k) {
        while (pos > 0 && !std::isspace((unsigned char)head[pos - 1])) --pos;
        while (pos > 0 && std::isspace((unsigned char)head[pos - 1])) --pos;
      }
      ValueVec out{mk_str(head.substr(0, pos))};
      for (size_t k = keep; k < all.size(); ++k) out.push_back(all[k]);
      return mk_list(out);
    }
    const std::string& sp = S(sep);
    ValueVec out;
    size_t end = s.size();
    while ((int64_t)out.size() < maxsplit) {
      size_t f = end >= sp.size() ? s.rfind(sp, end - sp.size()) : std::string::npos;
      if (f == std::string::npos) break;
      out.push_back(mk_str(s.substr(f + sp.size(), end - f - sp.size())));
      end = f;
    }
    out.push_back(mk_str(s.substr(0, end)));
    std::reverse(out.begin(), out.end());
    return mk_list(out);
  });
  def_method(t, "splitlines", [](ARGS) -> Value {
    const std::string& s = S(a[0]);
    bool keep = n > 1 ? truthy(a[1]) : truthy(kw_get(kw, "keepends"));
    ValueVec out;
    size_t start = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '\n' || s[i] == '\r') {
        size_t e = i;
        if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
        out.push_back(mk_str(s.substr(start, (keep ? i + 1 : e) - start)));
        start = i + 1;
      }
    }
    if (start < s.size()) out.push_back(mk_str(s.substr(start)));
    return mk_list(out);
  });
  def_method(t, "join", [](ARGS) -> Value {
    check_args("join", n, 2, 2);
    const std::string& sep = S(a[0]);
    std::string out;
    bool first = true;
    int64_t index = 0;
    for_each(a[1], [&](const Value& x) {
      if (!x.is(OK::Str))
        raise_id("TypeError", "runtime.join_item_str", {{"index", std::to_string(index)}, {"type", type_name(x)}});
      ++index;
      if (!first) out += sep;
      first = false;
      out += str_of(x);
    });
    return mk_str(std::move(out));
  });
  def_method(t, "strip", [](ARGS) -> Value { return mk_str(strip_impl(S(a[0]), n > 1 ? &a[1] : nullptr, true, true)); });
  def_method(t, "lstrip", [](ARGS) -> Value { return mk_str(strip_impl(S(a[0]), n > 1 ? &a[1] : nullptr, true, false)); });
  def_method(t, "rstrip", [](ARGS) -> Value { return mk_str(strip_impl(S(a[0]), n > 1 ? &a[1] : nullptr, false, true)); });
  def_method(t, "lower", [](ARGS) -> Value { return mk_str(map_cps(S(a[0]), lower_cp)); });
  def_method(t, "casefold", [](ARGS) -> Value { return mk_str(map_cps(S(a[0]), lower_cp)); });
  def_method(t, "upper", [](ARGS) -> Value {
    std::string out;
    for (uint32_t c : decode_utf8(S(a[0]))) {
      if (c == 0xDF) out += "SS";  // ß has no single-letter uppercase in Python's mapping
      else append_utf8(out, upper_cp(c));
    }
    return mk_str(out);
  });
  def_method(t, "swapcase", [](ARGS) -> Value {
    std::string out;
    for (uint32_t c : decode_utf8(S(a[0]))) append_utf8(out, cp_upper(c) ? lower_cp(c) : cp_lower(c) ? upper_cp(c) : c);
    return mk_str(out);
  });
  def_method(t, "capitalize", [](ARGS) -> Value {
    auto cps = decode_utf8(S(a[0]));
    std::string out;
    for (size_t i = 0; i < cps.size(); ++i) append_utf8(out, i == 0 ? upper_cp(cps[i]) : lower_cp(cps[i]));
    return mk_str(out);
  });
  def_method(t, "title", [](ARGS) -> Value {
    std::string out;
    bool prev_cased = false;
    for (uint32_t c : decode_utf8(S(a[0]))) {
      bool cased = cp_alpha(c);
      append_utf8(out, cased ? (prev_cased ? lower_cp(c) : upper_cp(c)) : c);
      prev_cased = cased;
    }
    return mk_str(out);
  });
  init_str_search_methods(t);
  init_str_predicates_and_layout(t);
  init_str_protocol_methods(t);
}


}  // namespace ml::interp
