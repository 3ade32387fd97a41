#include "support/utf8.h"

#include <utf8proc.h>

#include <cstdio>

#include <cstdlib>
#include <stdexcept>

namespace ml::utf8 {

Decoded decode(std::string_view s, std::size_t pos) {
  Decoded bad{0xFFFD, 1, false};
  if (pos >= s.size()) return bad;
  auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char c0 = b(pos);
  if (c0 < 0x80) return {c0, 1, true};
  int len;
  char32_t cp, min;
  if (c0 >= 0xC2 && c0 <= 0xDF) len = 2, cp = c0 & 0x1F, min = 0x80;
  else if (c0 >= 0xE0 && c0 <= 0xEF) len = 3, cp = c0 & 0x0F, min = 0x800;
  else if (c0 >= 0xF0 && c0 <= 0xF4) len = 4, cp = c0 & 0x07, min = 0x10000;
  else return bad;  // continuation byte, C0/C1 overlong leads, F5-FF
  if (pos + len > s.size()) return bad;
  for (int i = 1; i < len; ++i) {
    unsigned char c = b(pos + i);
    if ((c & 0xC0) != 0x80) return bad;
    cp = (cp << 6) | (c & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return bad;
  return {cp, len, true};
}

std::size_t invalid_length(std::string_view s, std::size_t pos) {
  if (pos >= s.size()) return 1;
  auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char c0 = b(pos);
  int len;
  unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte (Unicode table 3-7)
  if (c0 >= 0xC2 && c0 <= 0xDF) len = 2;
  else if (c0 >= 0xE0 && c0 <= 0xEF) len = 3, lo = c0 == 0xE0 ? 0xA0 : 0x80, hi = c0 == 0xED ? 0x9F : 0xBF;
  else if (c0 >= 0xF0 && c0 <= 0xF4) len = 4, lo = c0 == 0xF0 ? 0x90 : 0x80, hi = c0 == 0xF4 ? 0x8F : 0xBF;
  else return 1;
  std::size_t n = 1;
  for (int i = 1; i < len && pos + n < s.size(); ++i, ++n) {
    unsigned char c = b(pos + n);
    if (i == 1 ? (c < lo || c > hi) : (c & 0xC0) != 0x80) break;
  }
  return n;
}

std::size_t find_invalid(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    Decoded d = decode(s, i);
    if (!d.ok) return i;
    i += d.len;
  }
  return std::string_view::npos;
}

bool is_valid(std::string_view s) { return find_invalid(s) == std::string_view::npos; }

void append(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string encode(char32_t cp) {
  std::string s;
  append(s, cp);
  return s;
}

std::string nfc(std::string_view s) {
  if (std::size_t bad = find_invalid(s); bad != std::string_view::npos)
    throw std::invalid_argument("invalid UTF-8 at byte " + std::to_string(bad));
  bool ascii = true;
  for (char c : s) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return std::string(s);
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                    static_cast<utf8proc_ssize_t>(s.size()), &out,
                                    static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (n < 0) throw std::invalid_argument(std::string("cannot normalize: ") + utf8proc_errmsg(n));
  std::string r(reinterpret_cast<char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  return r;
}

static utf8proc_category_t category(char32_t cp) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp));
}

bool is_identifier_start(char32_t cp) {
  if (cp == '_') return true;
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  switch (category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_NL:
      return true;
    default:
      return false;
  }
}

bool is_identifier_continue(char32_t cp) {
  if (cp < 0x80) return is_identifier_start(cp) || (cp >= '0' && cp <= '9');
  if (is_identifier_start(cp)) return true;
  switch (category(cp)) {
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_PC:
      return true;
    default:
      // Zero-width joiner/non-joiner shape Indic and Arabic words (Unicode UAX #31 allows them).
      return cp == 0x200C || cp == 0x200D;
  }
}

bool is_identifier(std::string_view s) {
  if (s.empty()) return false;
  bool first = true;
  for (std::size_t i = 0; i < s.size();) {
    Decoded d = decode(s, i);
    if (!d.ok) return false;
    if (first ? !is_identifier_start(d.cp) : !is_identifier_continue(d.cp)) return false;
    first = false;
    i += d.len;
  }
  return true;
}

int digit_value(char32_t cp) {
  if (cp >= '0' && cp <= '9') return static_cast<int>(cp - '0');
  if (cp < 0x80 || category(cp) != UTF8PROC_CATEGORY_ND) return -1;
  // Decimal digits come in runs of ten starting at a code point whose value is 0: walk back
  // to the start of this run (at most 9 steps) while the previous code point is also Nd.
  // Runs can be adjacent (e.g. Mathematical digits U+1D7CE..), so count modulo 10 from the
  // first digit of the whole block.
  char32_t z = cp;
  while (cp - z < 64 && z > 0 && category(z - 1) == UTF8PROC_CATEGORY_ND) --z;
  return static_cast<int>((cp - z) % 10);
}

std::size_t length(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) {
    Decoded d = decode(s, i);
    i += d.len;
  }
  return n;
}

int display_width(char32_t cp) {
  // utf8proc gives every combining mark width 0, but a spacing mark (category Mc, like the
  // Devanagari vowel sign AA in "मान") takes a column in terminals, as wcwidth() says.
  if (utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_MC) return 1;
  int w = utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp));
  return w < 0 ? 1 : w;
}

bool is_unsafe_to_echo(char32_t cp) {
  if (cp == '\t' || cp == '\n') return false;
  return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

std::string escape_of(char32_t cp) {
  if (!is_unsafe_to_echo(cp)) return {};
  char buf[16];
  if (cp < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", unsigned(cp));
  else std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(cp));
  return buf;
}

std::string escape_for_terminal(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    Decoded d = decode(s, i);
    if (!d.ok) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", unsigned(static_cast<unsigned char>(s[i])));
      out += buf;
    } else if (std::string e = escape_of(d.cp); !e.empty()) {
      out += e;
    } else {
      out.append(s.substr(i, std::size_t(d.len)));
    }
    i += std::size_t(d.len);
  }
  return out;
}

}  // namespace ml::utf8
