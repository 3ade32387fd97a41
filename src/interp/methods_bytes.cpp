// Methods of bytes, str.encode / bytes.decode (UTF-8, ASCII, Latin-1), and int.to_bytes /
// int.from_bytes.
#include <algorithm>

#include "interp/bytearray.h"
#include "interp/code.h"
#include "support/utf8.h"

namespace ml::interp {

#define ARGS Interp &, Value *a, int n, KwArgs *kw

namespace {

const std::string& B(const Value& v) {
  if (!v.is(OK::Bytes)) raise_id("TypeError", "runtime.bytes_like_required", {{"type", type_name(v)}});
  return v.as<BytesObj>()->s;
}

Value opt(Value* a, int n, KwArgs* kw, int i, std::string_view name) {
  if (i < n) return a[i];
  const Value* v = kw_find(kw, name);
  return v ? *v : Value();
}

std::string norm_encoding(std::string e) {
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return c == '_' ? '-' : (char)std::tolower(c); });
  if (e == "utf8" || e == "u8") return "utf-8";
  if (e == "latin-1" || e == "latin1" || e == "iso-8859-1" || e == "iso8859-1" || e == "l1") return "latin-1";
  if (e == "us-ascii") return "ascii";
  if (e == "raw-unicode-escape") return "raw_unicode_escape";
  return e;
}

// raw_unicode_escape: latin-1, with \uXXXX / \UXXXXXXXX for the other characters.
static Value encode_raw_unicode_escape(const std::string& s) {
  std::string out;
  for (uint32_t c : decode_utf8(s)) {
    if (c < 0x100) { out += (char)c; continue; }
    char buf[16];
    std::snprintf(buf, sizeof buf, c < 0x10000 ? "\\u%04x" : "\\U%08x", c);
    out += buf;
  }
  return mk_bytes(std::move(out));
}

static Value decode_raw_unicode_escape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s[i] != '\\') { append_utf8(out, (unsigned char)s[i++]); continue; }
    size_t run = 0;
    while (i + run < s.size() && s[i + run] == '\\') ++run;
    size_t at = i + run;  // an odd run of backslashes escapes a following u/U
    size_t digits = at < s.size() && s[at] == 'u' ? 4 : at < s.size() && s[at] == 'U' ? 8 : 0;
    if (run % 2 == 0 || !digits) { out.append(run, '\\'); i = at; continue; }
    if (at + digits >= s.size())
      raise("UnicodeDecodeError", "'rawunicodeescape' codec can't decode bytes: truncated \\uXXXX escape");
    uint32_t c = 0;
    for (size_t k = 1; k <= digits; ++k) {
      char h = s[at + k];
      int v = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
      if (v < 0) raise("UnicodeDecodeError", "'rawunicodeescape' codec can't decode bytes: truncated \\uXXXX escape");
      c = c * 16 + (uint32_t)v;
    }
    if (c > 0x10FFFF) raise("UnicodeDecodeError", "'rawunicodeescape' codec can't decode bytes: \\Uxxxxxxxx out of range");
    out.append(run - 1, '\\');
    append_utf8(out, c);
    i = at + 1 + digits;
  }
  return mk_str(std::move(out));
}

Value encode(const std::string& s, const Value& enc_v, const Value& err_v) {
  std::string enc = enc_v.is_none() ? "utf-8" : norm_encoding(str_of(enc_v));
  std::string errors = err_v.is_none() ? "strict" : str_of(err_v);
  if (enc == "raw_unicode_escape") return encode_raw_unicode_escape(s);
  bool escape = errors == "surrogateescape";  // U+DC80..U+DCFF back to the bytes they stand for
  if (enc == "utf-8" && !escape) return mk_bytes(s);
  if (enc == "utf-8") {
    std::string out;
    for (uint32_t c : decode_utf8(s)) {
      if (c >= 0xDC80 && c <= 0xDCFF) out += (char)(c - 0xDC00);
      else append_utf8(out, c);
    }
    return mk_bytes(std::move(out));
  }
  if (enc != "ascii" && enc != "latin-1") raise_id("LookupError", "runtime.unknown_encoding", {{"name", str_of(enc_v)}});
  uint32_t limit = enc == "ascii" ? 0x80 : 0x100;
  std::string out;
  int64_t pos = 0;
  for (uint32_t c : decode_utf8(s)) {
    if (c < limit) out += (char)c;
    else if (escape && c >= 0xDC80 && c <= 0xDCFF) out += (char)(c - 0xDC00);
    else if (errors == "ignore") {}
    else if (errors == "replace") out += '?';
    else if (errors == "xmlcharrefreplace") out += "&#" + std::to_string(c) + ";";
    else if (errors == "backslashreplace") {
      char buf[16];
      std::snprintf(buf, sizeof buf, c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x", c);
      out += buf;
    } else {
      char buf[16];
      std::snprintf(buf, sizeof buf, c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x", c);
      raise_id("UnicodeEncodeError", "runtime.codec_encode",
               {{"codec", enc}, {"char", buf}, {"position", std::to_string(pos)}, {"limit", std::to_string(limit)}});
    }
    ++pos;
  }
  return mk_bytes(std::move(out));
}

Value decode(const std::string& s, const Value& enc_v, const Value& err_v) {
  std::string enc = enc_v.is_none() ? "utf-8" : norm_encoding(str_of(enc_v));
  std::string errors = err_v.is_none() ? "strict" : str_of(err_v);
  if (enc == "raw_unicode_escape") return decode_raw_unicode_escape(s);
  if (enc != "utf-8" && enc != "ascii" && enc != "latin-1") raise_id("LookupError", "runtime.unknown_encoding", {{"name", str_of(enc_v)}});
  std::string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    if (enc == "latin-1") { append_utf8(out, c); ++i; continue; }
    size_t len = c < 0x80 ? 1 : 0;
    if (enc != "ascii" && !len) {
      utf8::Decoded d = utf8::decode(s, i);
      len = d.ok ? size_t(d.len) : 0;
    }
    if (len) { out.append(s, i, len); i += len; continue; }
    // one U+FFFD (or nothing) for each maximal ill-formed subpart, as CPython
    size_t bad = enc == "ascii" ? 1 : utf8::invalid_length(s, i);
    if (errors == "ignore") { i += bad; continue; }
    if (errors == "replace") { append_utf8(out, 0xFFFD); i += bad; continue; }
    if (errors == "surrogateescape") {
      for (size_t k = 0; k < bad; ++k) append_utf8(out, 0xDC00 + (unsigned char)s[i + k]);
      i += bad;
      continue;
    }
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02x", c);
    raise_id("UnicodeDecodeError", enc == "ascii" ? "runtime.codec_decode_range" : "runtime.codec_decode_start",
             {{"codec", enc}, {"byte", buf}, {"position", std::to_string(i)}});
  }
  return mk_str(std::move(out));
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

std::string strip_bytes(const std::string& s, const Value* chars, bool left, bool right) {
  auto drop = [&](char c) { return chars && !chars->is_none() ? B(*chars).find(c) != std::string::npos : is_space(c); };
  size_t b = 0, e = s.size();
  if (left) while (b < e && drop(s[b])) ++b;
  if (right) while (e > b && drop(s[e - 1])) --e;
  return s.substr(b, e - b);
}

// find/index/count's optional start and end, clamped like slice bounds.
void range_of(const std::string& s, Value* a, int n, int first, size_t& b, size_t& e) {
  int64_t len = (int64_t)s.size();
  auto clamp = [&](const Value& v, int64_t dflt) {
    if (v.is_none()) return dflt;
    int64_t x = as_index(v);
    if (x < 0) x += len;
    return std::clamp<int64_t>(x, 0, len);
  };
  b = (size_t)clamp(first < n ? a[first] : Value(), 0);
  e = (size_t)clamp(first + 1 < n ? a[first + 1] : Value(), len);
}

std::string needle(const Value& v) {
  if (is_intlike(v)) {
    int64_t c = as_index(v);
    if (c < 0 || c > 255) raise_id("ValueError", "runtime.byte_range");
    return std::string(1, (char)c);
  }
  return B(v);
}

int64_t find_bytes(Value* a, int n, bool rev) {
  const std::string& s = B(a[0]);
  std::string sub = needle(a[1]);
  size_t b, e;
  range_of(s, a, n, 2, b, e);
  if (b > e || sub.size() > e - b) return -1;
  std::string_view win(s.data() + b, e - b);
  size_t at = rev ? win.rfind(sub) : win.find(sub);
  return at == std::string_view::npos ? -1 : (int64_t)(at + b);
}

Value split_bytes(const std::string& s, const Value& sep, int64_t maxsplit, bool rev) {
  ValueVec out;
  if (sep.is_none()) {
    std::vector<std::pair<size_t, size_t>> words;
    size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && is_space(s[i])) ++i;
      if (i >= s.size()) break;
      size_t j = i;
      while (j < s.size() && !is_space(s[j])) ++j;
      words.emplace_back(i, j);
      i = j;
    }
    if (maxsplit >= 0 && (int64_t)words.size() > maxsplit + 1) {
      if (!rev) { words[maxsplit].second = s.size(); while (words[maxsplit].second > 0 && is_space(s[words[maxsplit].second - 1])) --words[maxsplit].second; words.resize(maxsplit + 1); }
      else { size_t keep = words.size() - (size_t)maxsplit - 1; words[keep].first = 0; while (is_space(s[words[keep].first])) ++words[keep].first; words.erase(words.begin(), words.begin() + keep); }
    }
    for (auto& [b, e] : words) out.push_back(mk_bytes(s.substr(b, e - b)));
    return mk_list(std::move(out));
  }
  const std::string& d = B(sep);
  if (d.empty()) raise_id("ValueError", "runtime.empty_separator");
  size_t start = 0;
  int64_t done = 0;
  while (maxsplit < 0 || done < maxsplit) {
    size_t at = s.find(d, start);
    if (at == std::string::npos) break;
    out.push_back(mk_bytes(s.substr(start, at - start)));
    start = at + d.size();
    ++done;
  }
  out.push_back(mk_bytes(s.substr(start)));
  return mk_list(std::move(out));
}

bool affix(Value* a, int n, bool prefix) {
  const std::string& s = B(a[0]);
  size_t b, e;
  range_of(s, a, n, 2, b, e);
  std::string_view win = b <= e ? std::string_view(s.data() + b, e - b) : std::string_view();
  auto test = [&](const Value& x) {
    const std::string& p = B(x);
    return p.size() <= win.size() && (prefix ? win.substr(0, p.size()) == p : win.substr(win.size() - p.size()) == p);
  };
  if (a[1].is(OK::Tuple)) {
    for (auto& x : a[1].as<TupleObj>()->v) if (test(x)) return true;
    return false;
  }
  return test(a[1]);
}

template <class P>
Value all_bytes(const std::string& s, P p) {
  if (s.empty()) return Value::boolean(false);
  for (unsigned char c : s) if (!p(c)) return Value::boolean(false);
  return Value::boolean(true);
}

bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
char flip(char c) { return is_lower(c) ? char(c - 32) : is_upper(c) ? char(c + 32) : c; }

// center/ljust/rjust: the fill is one byte.
Value pad(Value* a, int n, const char* name, int where) {
  check_args(name, n, 2, 3);
  const std::string& s = B(a[0]);
  int64_t w = as_index(a[1]);
  char fill = ' ';
  if (n > 2) {
    if (!a[2].is(OK::Bytes) || B(a[2]).size() != 1)
      raise_id("TypeError", "runtime.byte_string_arg", {{"name", std::string(name)}, {"type", type_name(a[2])}});
    fill = B(a[2])[0];
  }
  if (w <= (int64_t)s.size()) return mk_bytes(s);
  size_t total = (size_t)w - s.size(), left = where < 0 ? 0 : where > 0 ? total : total / 2 + (total & (size_t)w & 1);
  return mk_bytes(std::string(left, fill) + s + std::string(total - left, fill));
}

Value partition(Value* a, int n, bool rev) {
  check_args(rev ? "rpartition" : "partition", n, 2, 2);
  const std::string &s = B(a[0]), &sep = B(a[1]);
  if (sep.empty()) raise_id("ValueError", "runtime.empty_separator");
  size_t at = rev ? s.rfind(sep) : s.find(sep);
  if (at == std::string::npos)
    return rev ? mk_tuple({mk_bytes(""), mk_bytes(""), mk_bytes(s)}) : mk_tuple({mk_bytes(s), mk_bytes(""), mk_bytes("")});
  return mk_tuple({mk_bytes(s.substr(0, at)), mk_bytes(sep), mk_bytes(s.substr(at + sep.size()))});
}

Value rsplit_sep(const std::string& s, const std::string& d, int64_t maxsplit) {
  if (d.empty()) raise_id("ValueError", "runtime.empty_separator");
  ValueVec out;
  size_t end = s.size();
  int64_t done = 0;
  while ((maxsplit < 0 || done < maxsplit) && end >= d.size()) {
    size_t at = s.rfind(d, end - d.size());
    if (at == std::string::npos) break;
    out.push_back(mk_bytes(s.substr(at + d.size(), end - at - d.size())));
    end = at;
    ++done;
  }
  out.push_back(mk_bytes(s.substr(0, end)));
  std::reverse(out.begin(), out.end());
  return mk_list(std::move(out));
}

// The methods bytes shares with str that only look at ASCII letters, layout and separators.
void init_bytes_text(ClassObj* b) {
  def_method(b, "capitalize", [](ARGS) -> Value {
    std::string s = B(a[0]);
    for (size_t i = 0; i < s.size(); ++i) s[i] = i == 0 ? (is_lower(s[i]) ? char(s[i] - 32) : s[i]) : (is_upper(s[i]) ? char(s[i] + 32) : s[i]);
    return mk_bytes(std::move(s));
  });
  def_method(b, "swapcase", [](ARGS) -> Value {
    std::string s = B(a[0]);
    for (char& c : s) c = flip(c);
    return mk_bytes(std::move(s));
  });
  def_method(b, "title", [](ARGS) -> Value {
    std::string s = B(a[0]);
    bool prev = false;
    for (char& c : s) {
      if (is_lower(c) || is_upper(c)) { c = prev ? (is_upper(c) ? char(c + 32) : c) : (is_lower(c) ? char(c - 32) : c); prev = true; }
      else prev = false;
    }
    return mk_bytes(std::move(s));
  });
  def_method(b, "islower", [](ARGS) -> Value {
    const std::string& s = B(a[0]);
    bool any = false;
    for (unsigned char c : s) { if (is_upper(c)) return Value::boolean(false); any |= is_lower(c); }
    return Value::boolean(any);
  });
  def_method(b, "isupper", [](ARGS) -> Value {
    const std::string& s = B(a[0]);
    bool any = false;
    for (unsigned char c : s) { if (is_lower(c)) return Value::boolean(false); any |= is_upper(c); }
    return Value::boolean(any);
  });
  def_method(b, "istitle", [](ARGS) -> Value {
    bool prev = false, any = false;
    for (unsigned char c : B(a[0])) {
      if (is_upper(c)) { if (prev) return Value::boolean(false); prev = any = true; }
      else if (is_lower(c)) { if (!prev) return Value::boolean(false); prev = true; }
      else prev = false;
    }
    return Value::boolean(any);
  });
  def_method(b, "isascii", [](ARGS) -> Value {
    for (unsigned char c : B(a[0])) if (c >= 0x80) return Value::boolean(false);
    return Value::boolean(true);
  });
  def_method(b, "ljust", [](ARGS) -> Value { return pad(a, n, "ljust", -1); });
  def_method(b, "rjust", [](ARGS) -> Value { return pad(a, n, "rjust", 1); });
  def_method(b, "center", [](ARGS) -> Value { return pad(a, n, "center", 0); });
  def_method(b, "zfill", [](ARGS) -> Value {
    check_args("zfill", n, 2, 2);
    std::string s = B(a[0]);
    int64_t w = as_index(a[1]);
    if (w <= (int64_t)s.size()) return mk_bytes(s);
    size_t sign = !s.empty() && (s[0] == '+' || s[0] == '-') ? 1 : 0;
    s.insert(sign, std::string((size_t)w - s.size(), '0'));
    return mk_bytes(std::move(s));
  });
  def_method(b, "partition", [](ARGS) -> Value { return partition(a, n, false); });
  def_method(b, "rpartition", [](ARGS) -> Value { return partition(a, n, true); });
  def_method(b, "removeprefix", [](ARGS) -> Value {
    check_args("removeprefix", n, 2, 2);
    const std::string &s = B(a[0]), &p = B(a[1]);
    return mk_bytes(s.compare(0, p.size(), p) == 0 && s.size() >= p.size() ? s.substr(p.size()) : s);
  });
  def_method(b, "removesuffix", [](ARGS) -> Value {
    check_args("removesuffix", n, 2, 2);
    const std::string &s = B(a[0]), &p = B(a[1]);
    bool ends = s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
    return mk_bytes(ends && !p.empty() ? s.substr(0, s.size() - p.size()) : s);
  });
  def_method(b, "rindex", [](ARGS) -> Value {
    check_args("rindex", n, 2, 4);
    int64_t i = find_bytes(a, n, true);
    if (i < 0) raise_id("ValueError", "runtime.subsection_not_found");
    return Value::integer(i);
  });
  def_method(b, "rsplit", [](ARGS) -> Value {
    Value sep = opt(a + 1, n - 1, kw, 0, "sep"), ms = opt(a + 1, n - 1, kw, 1, "maxsplit");
    int64_t m = ms.is_none() ? -1 : as_index(ms);
    if (sep.is_none()) return split_bytes(B(a[0]), sep, m, true);
    return rsplit_sep(B(a[0]), B(sep), m);
  });
  def_method(b, "splitlines", [](ARGS) -> Value {
    bool keep = truthy(opt(a + 1, n - 1, kw, 0, "keepends"));
    const std::string& s = B(a[0]);
    ValueVec out;
    for (size_t i = 0; i < s.size();) {
      size_t j = i;
      while (j < s.size() && s[j] != '\n' && s[j] != '\r') ++j;
      size_t eol = j < s.size() ? (s[j] == '\r' && j + 1 < s.size() && s[j + 1] == '\n' ? 2 : 1) : 0;
      out.push_back(mk_bytes(s.substr(i, j - i + (keep ? eol : 0))));
      i = j + eol;
    }
    return mk_list(std::move(out));
  });
  def_method(b, "expandtabs", [](ARGS) -> Value {
    Value ts = opt(a + 1, n - 1, kw, 0, "tabsize");
    int64_t tab = ts.is_none() ? 8 : as_index(ts), col = 0;
    std::string out;
    for (char c : B(a[0])) {
      if (c == '\t') { if (tab > 0) { out.append((size_t)(tab - col % tab), ' '); col += tab - col % tab; } }
      else { out += c; col = c == '\n' || c == '\r' ? 0 : col + 1; }
    }
    return mk_bytes(std::move(out));
  });
  // bytes.maketrans(from, to): a 256-byte table for translate().
  def_method(b, "maketrans", [](ARGS) -> Value {
    int skip = n > 0 && a[0].is(OK::Class) ? 1 : 0;
    check_args("maketrans", n - skip, 2, 2);
    const std::string &from = B(a[skip]), &to = B(a[skip + 1]);
    if (from.size() != to.size()) raise_id("ValueError", "runtime.bytes_maketrans_length");
    std::string table(256, '\0');
    for (int i = 0; i < 256; ++i) table[i] = (char)i;
    for (size_t i = 0; i < from.size(); ++i) table[(unsigned char)from[i]] = to[i];
    return mk_bytes(std::move(table));
  });
  def_method(b, "translate", [](ARGS) -> Value {
    check_args("translate", n, 2, 3);
    const std::string& s = B(a[0]);
    Value del = n > 2 ? a[2] : kw_find(kw, "delete") ? *kw_find(kw, "delete") : Value();
    std::string drop = del.is_none() ? "" : B(del);
    if (!a[1].is_none() && B(a[1]).size() != 256) raise_id("ValueError", "runtime.translate_table_length");
    std::string out;
    for (unsigned char c : s) {
      if (drop.find((char)c) != std::string::npos) continue;
      out += a[1].is_none() ? (char)c : B(a[1])[c];
    }
    return mk_bytes(std::move(out));
  });
}

void init_bytes(ClassObj* b) {
  def_method(b, "decode", [](ARGS) -> Value {
    return decode(B(a[0]), opt(a + 1, n - 1, kw, 0, "encoding"), opt(a + 1, n - 1, kw, 1, "errors"));
  });
  // hex(sep, bytes_per_sep): a positive group size counts groups from the right, a negative
  // one from the left, as in CPython.
  def_method(b, "hex", [](ARGS) -> Value {
    const std::string& data = B(a[0]);
    Value sepv = opt(a + 1, n - 1, kw, 0, "sep");
    Value per = opt(a + 1, n - 1, kw, 1, "bytes_per_sep");
    std::string sep;
    if (!sepv.is_none()) {
      sep = sepv.is(OK::Str) ? str_of(sepv) : B(sepv);
      if (sep.size() != 1) raise_id("ValueError", "runtime.hex_sep_length");
    }
    int64_t group = per.is_none() ? 1 : per.is_int() ? per.i : 1;
    size_t g = group < 0 ? size_t(-group) : size_t(group);
    std::string out;
    char buf[4];
    for (size_t i = 0; i < data.size(); i++) {
      if (!sep.empty() && g && i > 0) {
        bool cut = group > 0 ? (data.size() - i) % g == 0 : i % g == 0;
        if (cut) out += sep;
      }
      std::snprintf(buf, sizeof buf, "%02x", (unsigned char)data[i]);
      out += buf;
    }
    return mk_str(out);
  });
  // bytes.fromhex(s): read from the class, so the string is the first argument.
  def_method(b, "fromhex", [](ARGS) -> Value {
    const Value& sv = a[0].is(OK::Class) ? a[1] : a[0];
    if (!sv.is(OK::Str)) raise_id("TypeError", "runtime.argument_must_be_str", {{"name", "fromhex"}, {"type", type_name(sv)}});
    const std::string& s = str_of(sv);
    std::string out;
    auto hexv = [](char c) { return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1; };
    for (size_t i = 0; i < s.size();) {
      if (is_space(s[i])) { ++i; continue; }
      int hi = hexv(s[i]), lo = i + 1 < s.size() ? hexv(s[i + 1]) : -1;
      if (hi < 0 || lo < 0) raise_id("ValueError", "runtime.fromhex_non_hex", {{"position", std::to_string(hi < 0 ? i : i + 1)}});
      out += (char)(hi * 16 + lo);
      i += 2;
    }
    return mk_bytes(std::move(out));
  });
  def_method(b, "__len__", [](ARGS) -> Value { return Value::integer(len(a[0])); });
  def_method(b, "join", [](ARGS) -> Value {
    check_args("join", n, 2, 2);
    const std::string& sep = B(a[0]);
    std::string out;
    bool first = true;
    int64_t index = 0;
    for_each(a[1], [&](const Value& x) {
      if (!x.is(OK::Bytes))
        raise_id("TypeError", "runtime.join_item_bytes", {{"index", std::to_string(index)}, {"type", type_name(x)}});
      ++index;
      if (!first) out += sep;
      first = false;
      out += x.as<BytesObj>()->s;
    });
    return mk_bytes(std::move(out));
  });
  def_method(b, "startswith", [](ARGS) -> Value { check_args("startswith", n, 2, 4); return Value::boolean(affix(a, n, true)); });
  def_method(b, "endswith", [](ARGS) -> Value { check_args("endswith", n, 2, 4); return Value::boolean(affix(a, n, false)); });
  def_method(b, "find", [](ARGS) -> Value { check_args("find", n, 2, 4); return Value::integer(find_bytes(a, n, false)); });
  def_method(b, "rfind", [](ARGS) -> Value { check_args("rfind", n, 2, 4); return Value::integer(find_bytes(a, n, true)); });
  def_method(b, "index", [](ARGS) -> Value {
    check_args("index", n, 2, 4);
    int64_t i = find_bytes(a, n, false);
    if (i < 0) raise_id("ValueError", "runtime.subsection_not_found");
    return Value::integer(i);
  });
  def_method(b, "count", [](ARGS) -> Value {
    check_args("count", n, 2, 4);
    const std::string& s = B(a[0]);
    std::string sub = needle(a[1]);
    size_t b0, e;
    range_of(s, a, n, 2, b0, e);
    if (b0 > e) return Value::integer(0);
    std::string_view win(s.data() + b0, e - b0);
    if (sub.empty()) return Value::integer((int64_t)win.size() + 1);
    int64_t c = 0;
    for (size_t at = win.find(sub); at != std::string_view::npos; at = win.find(sub, at + sub.size())) ++c;
    return Value::integer(c);
  });
  def_method(b, "split", [](ARGS) -> Value {
    Value ms = opt(a + 1, n - 1, kw, 1, "maxsplit");
    return split_bytes(B(a[0]), opt(a + 1, n - 1, kw, 0, "sep"), ms.is_none() ? -1 : as_index(ms), false);
  });
  def_method(b, "strip", [](ARGS) -> Value { return mk_bytes(strip_bytes(B(a[0]), n > 1 ? &a[1] : nullptr, true, true)); });
  def_method(b, "lstrip", [](ARGS) -> Value { return mk_bytes(strip_bytes(B(a[0]), n > 1 ? &a[1] : nullptr, true, false)); });
  def_method(b, "rstrip", [](ARGS) -> Value { return mk_bytes(strip_bytes(B(a[0]), n > 1 ? &a[1] : nullptr, false, true)); });
  def_method(b, "replace", [](ARGS) -> Value {
    check_args("replace", n, 3, 4);
    const std::string &s = B(a[0]), &from = B(a[1]), &to = B(a[2]);
    int64_t count = n > 3 ? as_index(a[3]) : -1;
    std::string out;
    size_t start = 0;
    int64_t done = 0;
    if (from.empty()) {
      for (size_t i = 0; i <= s.size(); ++i) {
        if (count < 0 || done < count) { out += to; ++done; }
        if (i < s.size()) out += s[i];
      }
      return mk_bytes(std::move(out));
    }
    while (count < 0 || done < count) {
      size_t at = s.find(from, start);
      if (at == std::string::npos) break;
      out.append(s, start, at - start);
      out += to;
      start = at + from.size();
      ++done;
    }
    out.append(s, start, std::string::npos);
    return mk_bytes(std::move(out));
  });
  def_method(b, "upper", [](ARGS) -> Value {
    std::string s = B(a[0]);
    for (char& c : s) if (c >= 'a' && c <= 'z') c -= 32;
    return mk_bytes(std::move(s));
  });
  def_method(b, "lower", [](ARGS) -> Value {
    std::string s = B(a[0]);
    for (char& c : s) if (c >= 'A' && c <= 'Z') c += 32;
    return mk_bytes(std::move(s));
  });
  def_method(b, "isdigit", [](ARGS) -> Value { return all_bytes(B(a[0]), [](unsigned char c) { return c >= '0' && c <= '9'; }); });
  def_method(b, "isalpha", [](ARGS) -> Value { return all_bytes(B(a[0]), [](unsigned char c) { return std::isalpha(c) != 0; }); });
  def_method(b, "isalnum", [](ARGS) -> Value { return all_bytes(B(a[0]), [](unsigned char c) { return std::isalnum(c) != 0; }); });
  def_method(b, "isspace", [](ARGS) -> Value { return all_bytes(B(a[0]), [](unsigned char c) { return is_space((char)c); }); });
  init_bytes_text(b);
}

// int.to_bytes(length=1, byteorder='big', *, signed=False) and int.from_bytes(bytes, byteorder='big', *, signed=False)
bool little(const Value& order) {
  if (order.is_none()) return false;
  if (!order.is(OK::Str)) raise_id("TypeError", "runtime.byteorder_must_be_str", {{"type", type_name(order)}});
  const std::string& o = str_of(order);
  if (o != "little" && o != "big") raise_id("ValueError", "runtime.byteorder_value");
  return o == "little";
}

void init_int_bytes(ClassObj* t) {
  def_method(t, "to_bytes", [](ARGS) -> Value {
    Value lv = opt(a + 1, n - 1, kw, 0, "length");
    int64_t length = lv.is_none() ? 1 : as_index(lv);
    if (length < 0) raise_id("ValueError", "runtime.length_negative");
    bool le = little(opt(a + 1, n - 1, kw, 1, "byteorder"));
    const Value* sg = kw_find(kw, "signed");
    bool is_signed = sg && truthy(*sg);
    mpz_t z, lim;
    mpz_init(z);
    mpz_init(lim);
    to_mpz(a[0], z);
    bool neg = mpz_sgn(z) < 0;
    if (neg && !is_signed) { mpz_clear(z); mpz_clear(lim); raise_id("OverflowError", "runtime.negative_to_unsigned"); }
    mpz_ui_pow_ui(lim, 2, (unsigned long)(8 * length - (is_signed ? 1 : 0)));
    bool fits = neg ? mpz_cmpabs(z, lim) <= 0 : mpz_cmp(z, lim) < 0;
    if (!fits || (length == 0 && mpz_sgn(z) != 0)) { mpz_clear(z); mpz_clear(lim); raise_id("OverflowError", "runtime.int_too_big"); }
    if (neg) { mpz_ui_pow_ui(lim, 2, (unsigned long)(8 * length)); mpz_add(z, z, lim); }
    std::string out((size_t)length, '\0');
    size_t count = 0;
    std::string tmp((mpz_sizeinbase(z, 2) + 7) / 8 + 1, '\0');
    mpz_export(tmp.data(), &count, -1, 1, 0, 0, z);  // least significant byte first
    for (size_t i = 0; i < count && i < (size_t)length; ++i) out[le ? i : (size_t)length - 1 - i] = tmp[i];
    mpz_clear(z);
    mpz_clear(lim);
    return mk_bytes(std::move(out));
  });
  // int.from_bytes(...): read from the class, so the bytes are the first argument.
  def_method(t, "from_bytes", [](ARGS) -> Value {
    int skip = n > 0 && a[0].is(OK::Class) ? 1 : 0;
    Value bv = opt(a + skip, n - skip, kw, 0, "bytes");
    std::string s;
    if (bv.is(OK::Bytes)) s = bv.as<BytesObj>()->s;
    else for_each(bv, [&](const Value& x) { s += (char)as_index(x); });
    bool le = little(opt(a + skip, n - skip, kw, 1, "byteorder"));
    const Value* sg = kw_find(kw, "signed");
    mpz_t z;
    mpz_init(z);
    if (!s.empty()) mpz_import(z, s.size(), le ? -1 : 1, 1, 0, 0, s.data());
    if (sg && truthy(*sg) && !s.empty() && ((unsigned char)(le ? s.back() : s.front()) & 0x80)) {
      mpz_t lim;
      mpz_init(lim);
      mpz_ui_pow_ui(lim, 2, (unsigned long)(8 * s.size()));
      mpz_sub(z, z, lim);
      mpz_clear(lim);
    }
    Value r = int_from_mpz(z);
    mpz_clear(z);
    return r;
  });
}

}  // namespace

void init_bytes_methods() {
  init_bytes(I->t_bytes);
  init_bytearray(init_bytes);
  init_int_bytes(I->t_int);
  def_method(I->t_str, "encode", [](ARGS) -> Value {
    if (!a[0].is(OK::Str)) raise_id("TypeError", "runtime.descriptor_method", {{"name", "encode"}, {"owner", "str"}});
    return encode(str_of(a[0]), opt(a + 1, n - 1, kw, 0, "encoding"), opt(a + 1, n - 1, kw, 1, "errors"));
  });
}

}  // namespace ml::interp
