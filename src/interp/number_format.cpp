// The format-spec mini-language (format(), str.format, f-strings) for ints, floats, strings and
// instances with __format__.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "interp/bytearray.h"
#include "interp/int_str_limit.h"
#include "interp/runtime.h"

namespace ml::interp {

using ast::BinOp;

struct Spec {
  uint32_t fill = ' ';
  char align = 0, sign = 0, grouping = 0, type = 0;
  bool alt = false, zero = false;
  int width = -1, precision = -1;
};

static Spec parse_spec(std::string_view s) {
  Spec sp;
  std::vector<uint32_t> cps = decode_utf8(s);
  size_t i = 0;
  auto is_align = [](uint32_t c) { return c == '<' || c == '>' || c == '^' || c == '='; };
  if (cps.size() >= 2 && is_align(cps[1])) { sp.fill = cps[0]; sp.align = (char)cps[1]; i = 2; }
  else if (!cps.empty() && is_align(cps[0])) { sp.align = (char)cps[0]; i = 1; }
  if (i < cps.size() && (cps[i] == '+' || cps[i] == '-' || cps[i] == ' ')) sp.sign = (char)cps[i++];
  if (i < cps.size() && cps[i] == 'z') ++i;
  if (i < cps.size() && cps[i] == '#') { sp.alt = true; ++i; }
  if (i < cps.size() && cps[i] == '0') { sp.zero = true; ++i; }
  if (i < cps.size() && cps[i] >= '0' && cps[i] <= '9') {
    sp.width = 0;
    while (i < cps.size() && cps[i] >= '0' && cps[i] <= '9') sp.width = sp.width * 10 + (int)(cps[i++] - '0');
  }
  if (i < cps.size() && (cps[i] == ',' || cps[i] == '_')) sp.grouping = (char)cps[i++];
  if (i < cps.size() && cps[i] == '.') {
    ++i;
    sp.precision = 0;
    if (!(i < cps.size() && cps[i] >= '0' && cps[i] <= '9')) raise_id("ValueError", "runtime.format_missing_precision");
    while (i < cps.size() && cps[i] >= '0' && cps[i] <= '9') sp.precision = sp.precision * 10 + (int)(cps[i++] - '0');
  }
  if (i < cps.size()) sp.type = (char)cps[i++];
  if (i < cps.size()) raise_id("ValueError", "runtime.format_invalid_spec", {{"spec", std::string(s)}});
  if (sp.zero && !sp.align) { sp.fill = '0'; sp.align = '='; }
  return sp;
}

static int64_t cp_len(const std::string& s) {
  int64_t n = 0;
  for (unsigned char c : s) if ((c & 0xC0) != 0x80) ++n;
  return n;
}

static std::string pad(const std::string& body, const std::string& sign_prefix, const Spec& sp, char default_align) {
  char align = sp.align ? sp.align : default_align;
  int64_t len = cp_len(body) + cp_len(sign_prefix);
  std::string fill;
  append_utf8(fill, sp.fill);
  if (sp.width < 0 || len >= sp.width) return sign_prefix + body;
  int64_t n = sp.width - len;
  auto rep = [&](int64_t k) { std::string r; for (int64_t i = 0; i < k; ++i) r += fill; return r; };
  switch (align) {
    case '<': return sign_prefix + body + rep(n);
    case '^': return rep(n / 2) + sign_prefix + body + rep(n - n / 2);
    case '=': return sign_prefix + rep(n) + body;
    default: return rep(n) + sign_prefix + body;
  }
}

static std::string group_digits(const std::string& digits, char sep, int every = 3) {
  if (!sep) return digits;
  std::string out;
  int n = (int)digits.size();
  for (int i = 0; i < n; ++i) {
    out += digits[i];
    int rem = n - 1 - i;
    if (rem > 0 && rem % every == 0) out += sep;
  }
  return out;
}

static std::string format_float_body(double d, const Spec& sp, char type) {
  int prec = sp.precision < 0 ? 6 : sp.precision;
  char buf[512];
  std::string body;
  switch (type) {
    case 'f': case 'F': case '%':
      std::snprintf(buf, sizeof buf, "%.*f", prec, d);
      body = buf;
      break;
    case 'e': case 'E':
      std::snprintf(buf, sizeof buf, type == 'e' ? "%.*e" : "%.*E", prec, d);
      body = buf;
      break;
    case 'g': case 'G':
      std::snprintf(buf, sizeof buf, sp.alt ? (type == 'g' ? "%#.*g" : "%#.*G") : (type == 'g' ? "%.*g" : "%.*G"), prec == 0 ? 1 : prec, d);
      body = buf;
      break;
    default: {  // no type
      if (sp.precision < 0) { body = float_repr(d); break; }
      std::snprintf(buf, sizeof buf, "%.*g", prec == 0 ? 1 : prec, d);
      body = buf;
      if (body.find_first_of(".einf") == std::string::npos) body += ".0";
      break;
    }
  }
  if (std::isinf(d)) body = (type >= 'A' && type <= 'Z') ? "INF" : "inf";
  if (std::isnan(d)) body = (type >= 'A' && type <= 'Z') ? "NAN" : "nan";
  return body;
}

static std::string format_number(const Value& v, const Spec& sp) {
  char type = sp.type;
  bool is_float = v.t == VT::Float;
  std::string sign_prefix, body;
  if (!is_float && (type == 0 || type == 'd' || type == 'n' || type == 'b' || type == 'o' || type == 'x' || type == 'X' || type == 'c')) {
    if (type == 'c') {
      std::string s;
      append_utf8(s, (uint32_t)as_index(v));
      return pad(s, "", sp, '<');
    }
    if (sp.precision >= 0) raise_id("ValueError", "runtime.format_int_precision");
    Value iv = v.t == VT::Bool ? Value::integer(v.b) : v;
    int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    std::string digits = int_to_string(iv, base);
    bool neg = !digits.empty() && digits[0] == '-';
    if (neg) digits.erase(0, 1);
    if (type == 'X') for (auto& c : digits) c = (char)std::toupper((unsigned char)c);
    digits = group_digits(digits, sp.grouping, base == 10 ? 3 : 4);
    if (neg) sign_prefix = "-";
    else if (sp.sign == '+') sign_prefix = "+";
    else if (sp.sign == ' ') sign_prefix = " ";
    if (sp.alt && base != 10) sign_prefix += base == 2 ? "0b" : base == 8 ? "0o" : (type == 'X' ? "0X" : "0x");
    body = digits;
    return pad(body, sign_prefix, sp, '>');
  }
  double d = to_double(v);
  if (!(type == 0 || type == 'f' || type == 'F' || type == 'e' || type == 'E' || type == 'g' || type == 'G' || type == '%' || type == 'n'))
    raise_id("ValueError", "runtime.unknown_format_code", {{"code", std::string(1, type)}, {"type", type_name(v)}});
  if (type == 'n') type = 'g';
  if (type == '%') d *= 100;
  bool neg = std::signbit(d) && !std::isnan(d);
  body = format_float_body(std::fabs(d), sp, type);
  if (type == 0 && !is_float && sp.precision < 0) body = int_to_string(v.t == VT::Bool ? Value::integer(v.b) : v);
  if (type == '%') body += "%";
  if (sp.grouping) {
    size_t end = body.find_first_not_of("0123456789");
    std::string ip = body.substr(0, end == std::string::npos ? body.size() : end);
    std::string rest = end == std::string::npos ? "" : body.substr(end);
    body = group_digits(ip, sp.grouping) + rest;
  }
  if (neg) sign_prefix = "-";
  else if (sp.sign == '+') sign_prefix = "+";
  else if (sp.sign == ' ') sign_prefix = " ";
  return pad(body, sign_prefix, sp, '>');
}

Value format_value(const Value& v, std::string_view spec) {
  if (v.is(OK::Inst)) {
    if (const Value* m = v.o->type->find("__format__")) return call2(*m, v, mk_str(std::string(spec)));
    if (spec.empty()) return mk_str(to_str(v));
  }
  if (spec.empty()) return v.is(OK::Str) ? v : mk_str(to_str(v));
  Spec sp = parse_spec(spec);
  if (v.t == VT::Int || v.t == VT::Float || v.t == VT::Bool || v.is(OK::Big)) {
    if (v.t == VT::Bool && sp.type == 0) return mk_str(pad(v.b ? "True" : "False", "", sp, '<'));
    return mk_str(format_number(v, sp));
  }
  if (v.is(OK::Str)) {
    if (sp.type && sp.type != 's') raise_id("ValueError", "runtime.unknown_format_code", {{"code", std::string(1, sp.type)}, {"type", "str"}});
    std::string s = str_of(v);
    if (sp.precision >= 0) {
      auto cps = decode_utf8(s);
      if ((int64_t)cps.size() > sp.precision) {
        std::string t;
        for (int k = 0; k < sp.precision; ++k) append_utf8(t, cps[k]);
        s = t;
      }
    }
    return mk_str(pad(s, "", sp, '<'));
  }
  if (v.is(OK::Inst) || v.is_none() || v.t == VT::Obj) {
    // object.__format__ with a non-empty spec: format str(v) like a string (lenient)
    Spec s2 = sp;
    return mk_str(pad(to_str(v), "", s2, '<'));
  }
  return mk_str(to_str(v));
}

// printf-style formatting: "%s %d" % args
Value str_percent(const std::string& fmt, const Value& args) {
  ValueVec items;
  if (args.is(OK::Tuple)) items = args.as<TupleObj>()->v;
  else items.push_back(args);
  size_t ai = 0;
  std::string out;
  auto next_arg = [&]() -> Value {
    if (ai >= items.size()) raise_id("TypeError", "runtime.format_not_enough_args");
    return items[ai++];
  };
  for (size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] != '%') { out += fmt[i]; continue; }
    ++i;
    if (i >= fmt.size()) raise_id("ValueError", "runtime.format_incomplete");
    if (fmt[i] == '%') { out += '%'; continue; }
    // %(name)s takes its value from a mapping argument
    Value keyed;
    bool has_key = false;
    if (fmt[i] == '(') {
      size_t depth = 1, k = i + 1;
      while (k < fmt.size() && depth) { if (fmt[k] == '(') ++depth; else if (fmt[k] == ')') --depth; ++k; }
      if (depth) raise_id("ValueError", "runtime.format_incomplete_key");
      if (args.is(OK::Tuple) || args.is(OK::Str) || !args.is_obj()) raise_id("TypeError", "runtime.format_requires_mapping");
      keyed = getitem(args, mk_str(fmt.substr(i + 1, k - i - 2)));
      has_key = true;
      i = k;
      if (i >= fmt.size()) raise_id("ValueError", "runtime.format_incomplete");
    }
    std::string flags;
    while (i < fmt.size() && std::strchr("-+ #0", fmt[i])) flags += fmt[i++];
    std::string width, prec;
    // '*' takes the width or precision from the arguments (a negative width left-aligns)
    auto star = [&]() -> int64_t {
      Value n = next_arg();
      if (n.t != VT::Int && n.t != VT::Bool) raise_id("TypeError", "runtime.format_star_int");
      ++i;
      return n.t == VT::Bool ? (int64_t)n.b : n.i;
    };
    if (i < fmt.size() && fmt[i] == '*') {
      int64_t w = star();
      if (w < 0) { flags += '-'; w = -w; }
      width = std::to_string(w);
    }
    while (i < fmt.size() && std::isdigit((unsigned char)fmt[i])) width += fmt[i++];
    if (i < fmt.size() && fmt[i] == '.') {
      ++i;
      prec = ".";
      if (i < fmt.size() && fmt[i] == '*') prec += std::to_string(std::max<int64_t>(0, star()));
      while (i < fmt.size() && std::isdigit((unsigned char)fmt[i])) prec += fmt[i++];
    }
    if (i >= fmt.size()) raise_id("ValueError", "runtime.format_incomplete");
    char c = fmt[i];
    Value a = has_key ? keyed : next_arg();
    if (has_key) ai = items.size();
    std::string spec;
    char align = flags.find('-') != std::string::npos ? '<' : '>';
    if (flags.find('0') != std::string::npos && align == '>' && c != 's' && c != 'r') spec += "0";
    else if (!width.empty()) spec += align;
    if (flags.find('+') != std::string::npos) spec.insert(spec.empty() ? 0 : spec.size(), "+");
    std::string sp2;
    if (align == '<' && !width.empty()) sp2 = "<";
    if (flags.find('+') != std::string::npos) sp2 += "+";
    if (flags.find('0') != std::string::npos && align == '>') sp2 += "0";
    sp2 += width + prec;
    switch (c) {
      case 's': out += str_of(format_value(mk_str(to_str(a)), (align == '<' ? "<" : ">") + width + prec)); break;
      case 'r': out += str_of(format_value(mk_str(repr(a)), (align == '<' ? "<" : ">") + width)); break;
      case 'd': case 'i': case 'u': {
        Value iv = a.t == VT::Float ? Value::integer((int64_t)a.f) : a;
        out += str_of(format_value(iv, sp2 + "d"));
        break;
      }
      case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': {
        std::string p = prec.empty() && (c == 'f' || c == 'F' || c == 'e' || c == 'E') ? ".6" : prec;
        std::string s3 = sp2.substr(0, sp2.size() - prec.size()) + p + c;
        out += str_of(format_value(Value::flt(to_double(a)), s3));
        break;
      }
      case 'x': case 'X': case 'o': {
        std::string s3 = sp2 + c;
        if (flags.find('#') != std::string::npos) s3 = "#" + s3;
        out += str_of(format_value(a, s3));
        break;
      }
      case 'c': out += a.is(OK::Str) ? str_of(a) : str_of(format_value(a, "c")); break;
      default: raise_id("ValueError", "runtime.format_unsupported_char", {{"char", std::string(1, c)}});
    }
  }
  if (ai < items.size() && args.is(OK::Tuple)) raise_id("TypeError", "runtime.format_not_all_converted");
  return mk_str(std::move(out));
}

}  // namespace ml::interp
