#include "support/json_text.h"

#include <cstdio>

#include "support/utf8.h"

namespace ml::json_text {

namespace {

void append_u_escape(std::string& out, unsigned v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\u%04x", v & 0xFFFFu);
  out += buf;
}

// The code point at s[i] and its length; a surrogate's three-byte form decodes to the
// surrogate (utf8::decode refuses it, Python strings can hold it), other bad bytes to U+FFFD.
char32_t next_code_point(std::string_view s, size_t i, int& len) {
  utf8::Decoded d = utf8::decode(s, i);
  if (!d.ok && i + 2 < s.size() && (unsigned char)s[i] == 0xED && ((unsigned char)s[i + 1] & 0xE0) == 0xA0 &&
      ((unsigned char)s[i + 2] & 0xC0) == 0x80) {
    len = 3;
    return 0xD000 | (char32_t(s[i + 1] & 0x3F) << 6) | char32_t(s[i + 2] & 0x3F);
  }
  len = d.len;
  return d.cp;
}

}  // namespace

void append_quoted(std::string& out, std::string_view s, bool ensure_ascii) {
  out += '"';
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    if (c >= 0x80 && ensure_ascii) {
      int len = 1;
      char32_t cp = next_code_point(s, i, len);
      i += len;
      if (cp >= 0x10000) {
        char32_t v = cp - 0x10000;
        append_u_escape(out, 0xD800 + (v >> 10));
        append_u_escape(out, 0xDC00 + (v & 0x3FF));
      } else {
        append_u_escape(out, cp);
      }
      continue;
    }
    ++i;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20 || (c == 0x7F && ensure_ascii)) append_u_escape(out, c);
        else out += char(c);  // UTF-8 passes through: JSON text is Unicode
    }
  }
  out += '"';
}

std::string quoted(std::string_view s, bool ensure_ascii) {
  std::string out;
  out.reserve(s.size() + 2);
  append_quoted(out, s, ensure_ascii);
  return out;
}

}  // namespace ml::json_text
