// Python regular expressions in PCRE2's syntax. Most of Python's syntax means the same in PCRE2
// ((?P<name>...), (?P=name), lookarounds, classes, lazy and possessive quantifiers); what differs
// is rewritten here, following CPython 3.11's Lib/re/_parser.py:
//   \Z (end of string only)        -> \z          \v (vertical tab)       -> \x{0b}
//   \uXXXX, \UXXXXXXXX, \xHH, octal -> \x{...}    \b inside a class       -> \x{08}
//   \1 .. \99 (group references)   -> \g{N}       [ inside a class        -> \[
//   x{,n}                          -> x{0,n}      { not a repeat          -> \{
//   (?a) (?u) (?L)                 -> removed (ASCII-only classes are a compile option)
// and escapes PCRE2 knows but Python rejects (\p, \Q, \K, \e, ...) are errors, as in Python.
#include "interp/lib/re_syntax.h"

#include <cstdio>

#include "interp/runtime.h"  // msg(): the messages are the language pack's

namespace ml::interp::re_syntax {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_oct(char c) { return c >= '0' && c <= '7'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string hex_escape(uint32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "\\x{%x}", cp);
  return buf;
}

class Translator {
 public:
  Translator(const std::string& p, bool bytes, int64_t flags) : p_(p), bytes_(bytes), verbose_(flags & kVerbose) {
    out_.parent.push_back(0);
  }

  Translated run() {
    while (i_ < p_.size()) step();
    if (!open_.empty()) fail(msg("runtime.re_unterminated_subpattern"), open_.back().at);
    return std::move(out_);
  }

 private:
  struct Open { int group; size_t at; };  // group 0: not capturing
  const std::string& p_;
  bool bytes_, verbose_;
  size_t i_ = 0;
  Translated out_;
  std::vector<Open> open_;
  int ngroups_ = 0;

  [[noreturn]] void fail(std::string msg, size_t at) { throw SyntaxError{std::move(msg), at}; }
  void emit(std::string_view s, size_t at) {
    out_.pcre += s;
    out_.src_pos.insert(out_.src_pos.end(), s.size(), (uint32_t)at);
  }
  char peek(size_t k = 0) const { return i_ + k < p_.size() ? p_[i_ + k] : '\0'; }
  bool group_open(int g) const {
    for (auto& o : open_) if (o.group == g) return true;
    return false;
  }

  void step() {
    char c = p_[i_];
    size_t at = i_;
    if (c == '\\') return escape(false);
    if (c == '[') return char_class();
    if (c == '(') return open_paren();
    if (c == ')') {
      if (open_.empty()) fail(msg("runtime.re_unbalanced"), at);
      open_.pop_back();
      emit(")", at);
      ++i_;
      return;
    }
    if (c == '{') return brace();
    if (verbose_ && c == '#') {  // a comment to the end of the line, left for PCRE2 to skip
      size_t e = p_.find('\n', i_);
      e = e == std::string::npos ? p_.size() : e;
      emit(std::string_view(p_).substr(i_, e - i_), at);
      i_ = e;
      return;
    }
    emit(std::string_view(&p_[i_], 1), at);
    ++i_;
  }

  // `{` starts a repeat in the forms {m}, {m,}, {,n}, {m,n} and {,}; otherwise it is literal.
  void brace() {
    size_t at = i_, j = i_ + 1;
    auto digits = [&] {
      size_t s = j;
      while (j < p_.size() && is_digit(p_[j])) ++j;
      return p_.substr(s, j - s);
    };
    std::string lo = digits(), hi;
    bool comma = j < p_.size() && p_[j] == ',';
    if (comma) { ++j; hi = digits(); }
    if (j >= p_.size() || p_[j] != '}' || (lo.empty() && !comma)) {
      emit("\\{", at);
      ++i_;
      return;
    }
    if (!lo.empty() && !hi.empty() && std::stoull(hi) < std::stoull(lo))
      fail(msg("runtime.re_min_max"), at + 1);
    emit("{" + (lo.empty() ? std::string("0") : lo) + (comma ? "," + hi : "") + "}", at);
    i_ = j + 1;
  }

  void open_paren() {
    size_t at = i_;
    if (peek(1) != '?') {
      start_group(++ngroups_, at);
      emit("(", at);
      ++i_;
      return;
    }
    char k = peek(2);
    if (k == 'P' && peek(3) == '<') {  // (?P<name>...)
      start_group(++ngroups_, at);
      emit("(?P<", at);
      i_ += 4;
      return;
    }
    if (k == 'P' && peek(3) == '=') {  // (?P=name): a reference, PCRE2 reads it as Python does
      size_t e = p_.find(')', i_);
      if (e == std::string::npos) fail(msg("runtime.re_unterminated_name"), i_ + 4);
      emit(std::string_view(p_).substr(i_, e + 1 - i_), at);
      i_ = e + 1;
      return;
    }
    if (k == 'P') fail(msg("runtime.re_unknown_extension", {{"ext", std::string("?P") + peek(3)}}), at + 1);
    if (k == '#') {  // comment: up to the first ')'
      size_t e = p_.find(')', i_);
      if (e == std::string::npos) fail(msg("runtime.re_unterminated_comment"), at);
      i_ = e + 1;
      return;
    }
    if (k == ':' || k == '=' || k == '!' || k == '>' || k == '(' ||
        (k == '<' && (peek(3) == '=' || peek(3) == '!'))) {
      open_.push_back({0, at});
      emit(std::string_view(p_).substr(i_, 3), at);
      i_ += 3;
      return;
    }
    if (k == '<') fail(msg("runtime.re_unknown_extension", {{"ext", std::string("?<") + peek(3)}}), at + 1);
    flags_group(at);
  }

  void start_group(int g, size_t at) {
    int parent = 0;
    for (auto it = open_.rbegin(); it != open_.rend(); ++it)
      if (it->group) { parent = it->group; break; }
    out_.parent.push_back(parent);
    open_.push_back({g, at});
  }

  // (?aiLmsux) global flags, or (?imsx-imsx:...) scoped ones.
  void flags_group(size_t at) {
    size_t j = i_ + 2;
    std::string keep;
    int64_t set = 0;
    bool minus = false;
    for (; j < p_.size() && p_[j] != ')' && p_[j] != ':'; ++j) {
      char f = p_[j];
      int64_t bit = f == 'i' ? kIgnoreCase : f == 'm' ? kMultiline : f == 's' ? kDotAll : f == 'x' ? kVerbose
                  : f == 'a' ? kAscii : f == 'u' ? kUnicode : f == 'L' ? kLocale : int64_t(0);
      if (f == '-' && !minus) { minus = true; keep += f; continue; }
      if (!bit) fail(msg("runtime.re_unknown_extension", {{"ext", std::string("?") + f}}), j - 1);
      if (f == 'L' && !bytes_) fail(msg("runtime.re_inline_locale"), j);
      if (f == 'u' && bytes_) fail(msg("runtime.re_inline_unicode"), j);
      if (!minus) set |= bit;
      if (f != 'a' && f != 'u' && f != 'L') keep += f;
    }
    if (j >= p_.size()) fail(msg("runtime.re_missing_flag_end"), j);
    bool scoped = p_[j] == ':';
    if (!scoped) {
      out_.inline_flags |= set;
      if (set & kVerbose) verbose_ = true;
    }
    if (scoped) {
      open_.push_back({0, at});
      emit("(?" + keep + ":", at);
    } else if (!keep.empty()) {
      emit("(?" + keep + ")", at);
    }
    i_ = j + 1;
  }

  void char_class() {
    size_t at = i_;
    emit("[", at);
    ++i_;
    if (peek() == '^') { emit("^", i_); ++i_; }
    if (peek() == ']') { emit("\\]", i_); ++i_; }
    while (true) {
      if (i_ >= p_.size()) fail(msg("runtime.re_unterminated_set"), at);
      char c = p_[i_];
      if (c == ']') { emit("]", i_); ++i_; return; }
      if (c == '\\') { escape(true); continue; }
      if (c == '[') { emit("\\[", i_); ++i_; continue; }
      emit(std::string_view(&p_[i_], 1), i_);
      ++i_;
    }
  }

  // A backslash escape at i_, inside a class or not.
  void escape(bool in_class) {
    size_t at = i_;
    if (i_ + 1 >= p_.size()) fail(msg("runtime.re_escape_at_end"), at);
    char e = p_[i_ + 1];
    std::string two = p_.substr(i_, 2);
    auto literal = [&](uint32_t cp, size_t len) {
      emit(hex_escape(cp), at);
      i_ += len;
    };
    if (e == '0' || (in_class && is_oct(e))) {  // octal: up to three digits
      size_t j = i_ + 1, end = std::min(p_.size(), i_ + 4);
      uint32_t v = 0;
      while (j < end && is_oct(p_[j])) v = v * 8 + (p_[j++] - '0');
      if (v > 0377) fail(msg("runtime.re_octal_range", {{"value", p_.substr(i_, j - i_)}}), at);
      return literal(v, j - i_);
    }
    if (is_digit(e)) {
      if (in_class) fail(msg("runtime.re_bad_escape", {{"escape", two}}), at);
      size_t j = i_ + 2;
      if (j < p_.size() && is_digit(p_[j])) {
        if (is_oct(e) && is_oct(p_[j]) && j + 1 < p_.size() && is_oct(p_[j + 1])) {
          uint32_t v = (e - '0') * 64 + (p_[j] - '0') * 8 + (p_[j + 1] - '0');
          if (v > 0377) fail(msg("runtime.re_octal_range", {{"value", p_.substr(i_, 4)}}), at);
          return literal(v, 4);
        }
        ++j;
      }
      int g = std::stoi(p_.substr(i_ + 1, j - i_ - 1));
      if (g > ngroups_) fail(msg("runtime.re_invalid_group_reference", {{"group", std::to_string(g)}}), at + 1);
      if (group_open(g)) fail(msg("runtime.re_open_group_reference"), at);
      emit("\\g{" + std::to_string(g) + "}", at);
      i_ = j;
      return;
    }
    auto hex_digits = [&](size_t count) {
      size_t j = i_ + 2;
      uint32_t v = 0;
      for (size_t k = 0; k < count; ++k, ++j) {
        if (j >= p_.size() || !is_hex(p_[j])) fail(msg("runtime.re_incomplete_escape", {{"escape", p_.substr(i_, j - i_)}}), at);
        v = v * 16 + (uint32_t)(is_digit(p_[j]) ? p_[j] - '0' : (p_[j] | 0x20) - 'a' + 10);
      }
      return v;
    };
    switch (e) {
      case 'x': return literal(hex_digits(2), 4);
      case 'u': case 'U': {
        if (bytes_) fail(msg("runtime.re_bad_escape", {{"escape", two}}), at);
        size_t count = e == 'u' ? 4 : 8;
        uint32_t v = hex_digits(count);
        if (v > 0x10FFFF) fail(msg("runtime.re_bad_escape", {{"escape", p_.substr(i_, 2 + count)}}), at);
        return literal(v, 2 + count);
      }
      case 'N':
        if (bytes_) fail(msg("runtime.re_bad_escape", {{"escape", two}}), at);
        fail(msg("runtime.re_named_unicode"), at);
      case 'v': return literal(0x0b, 2);
      case 'a': case 'f': case 'n': case 'r': case 't': case 'd': case 'D': case 's': case 'S':
      case 'w': case 'W':
        emit(two, at);
        i_ += 2;
        return;
      case 'b':
        if (in_class) return literal(0x08, 2);
        emit(two, at);
        i_ += 2;
        return;
      case 'A': case 'B': case 'Z':
        if (in_class) fail(msg("runtime.re_bad_escape", {{"escape", two}}), at);
        emit(e == 'Z' ? "\\z" : two, at);
        i_ += 2;
        return;
      default: break;
    }
    if (is_ascii_letter(e)) fail(msg("runtime.re_bad_escape", {{"escape", two}}), at);
    emit("\\", at);  // an escaped punctuation or non-ASCII character stands for itself
    ++i_;
    if ((unsigned char)e < 0x80 || bytes_) { emit(std::string_view(&p_[i_], 1), i_); ++i_; }
  }
};

}  // namespace

Translated translate(const std::string& pattern, bool bytes, int64_t flags) {
  return Translator(pattern, bytes, flags).run();
}

std::vector<TemplatePart> parse_template(const std::string& r, bool bytes, int ngroups,
                                         const std::function<int(const std::string&)>& group_of,
                                         const std::function<void(const std::string&)>& unknown_name) {
  std::vector<TemplatePart> parts;
  auto chr = [&](uint32_t v) {  // an octal escape's character: a byte, or UTF-8 in a str
    std::string ch;
    if (v < 0x80 || bytes) ch += (char)v;
    else { ch += (char)(0xC0 | (v >> 6)); ch += (char)(0x80 | (v & 0x3f)); }
    return ch;
  };
  auto text = [&](std::string_view s) {
    if (parts.empty() || parts.back().group >= 0) parts.push_back({});
    parts.back().text += s;
  };
  auto group = [&](int g, size_t at) {
    if (g > ngroups) throw SyntaxError{msg("runtime.re_invalid_group_reference", {{"group", std::to_string(g)}}), at};
    parts.push_back({"", g});
  };
  size_t i = 0;
  while (i < r.size()) {
    if (r[i] != '\\') {
      size_t e = r.find('\\', i);
      if (e == std::string::npos) e = r.size();
      text(std::string_view(r).substr(i, e - i));
      i = e;
      continue;
    }
    if (i + 1 >= r.size()) throw SyntaxError{msg("runtime.re_escape_at_end"), i};
    char c = r[i + 1];
    if (c == 'g') {
      if (i + 2 >= r.size() || r[i + 2] != '<') throw SyntaxError{msg("runtime.re_missing_lt"), i + 2};
      size_t e = r.find('>', i + 3);
      if (e == std::string::npos) throw SyntaxError{msg("runtime.re_missing_gt_name"), i + 3};
      std::string name = r.substr(i + 3, e - i - 3);
      if (name.empty()) throw SyntaxError{msg("runtime.re_missing_group_name"), i + 3};
      bool numeric = true;
      for (char ch : name) numeric = numeric && is_digit(ch);
      if (numeric) {
        if (name.size() > 9) throw SyntaxError{msg("runtime.re_invalid_group_reference", {{"group", name}}), i + 3};
        group(std::stoi(name), i + 3);
      } else {
        bool ident = !is_digit(name[0]);
        for (char ch : name)
          ident = ident && (is_ascii_letter(ch) || is_digit(ch) || ch == '_' || (unsigned char)ch >= 0x80);
        if (!ident) throw SyntaxError{msg("runtime.re_bad_group_name", {{"name", name}}), i + 3};
        int g = group_of(name);
        if (g < 0) unknown_name(name);
        group(g, i + 3);
      }
      i = e + 1;
      continue;
    }
    if (c == '0') {
      size_t j = i + 2;
      uint32_t v = 0;
      while (j < r.size() && j < i + 4 && is_oct(r[j])) v = v * 8 + (r[j++] - '0');
      text(chr(v & 0xff));
      i = j;
      continue;
    }
    if (is_digit(c)) {
      size_t j = i + 2;
      if (j < r.size() && is_digit(r[j])) {
        if (is_oct(c) && is_oct(r[j]) && j + 1 < r.size() && is_oct(r[j + 1])) {
          uint32_t v = (c - '0') * 64 + (r[j] - '0') * 8 + (r[j + 1] - '0');
          if (v > 0377) throw SyntaxError{msg("runtime.re_octal_range", {{"value", r.substr(i, 4)}}), i};
          text(chr(v));
          i = j + 2;
          continue;
        }
        ++j;
      }
      group(std::stoi(r.substr(i + 1, j - i - 1)), i + 1);
      i = j;
      continue;
    }
    const char* esc = nullptr;
    switch (c) {
      case 'a': esc = "\a"; break;
      case 'b': esc = "\b"; break;
      case 'f': esc = "\f"; break;
      case 'n': esc = "\n"; break;
      case 'r': esc = "\r"; break;
      case 't': esc = "\t"; break;
      case 'v': esc = "\v"; break;
      case '\\': esc = "\\"; break;
      default: break;
    }
    if (esc) { text(esc); i += 2; continue; }
    if (is_ascii_letter(c)) throw SyntaxError{msg("runtime.re_bad_escape", {{"escape", r.substr(i, 2)}}), i};
    text("\\");  // an unknown escape of punctuation keeps its backslash, as in Python
    ++i;
  }
  return parts;
}

}  // namespace ml::interp::re_syntax
