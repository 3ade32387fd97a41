#include "lex/unicode.h"

#include <utf8proc.h>

#include <cstdlib>

namespace ml {

bool is_ident_start(char32_t cp) {
  if (cp < 128) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_NL:
      return true;
    default:
      return false;
  }
}

bool is_ident_continue(char32_t cp) {
  if (cp < 128) return is_ident_start(cp) || (cp >= '0' && cp <= '9');
  if (is_ident_start(cp)) return true;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_PC:
      return true;
    default:
      // ZWJ/ZWNJ appear inside words of Indic scripts.
      return cp == 0x200C || cp == 0x200D;
  }
}

int digit_value(char32_t cp) {
  if (cp >= '0' && cp <= '9') return static_cast<int>(cp - '0');
  if (cp < 128) return -1;
  if (utf8proc_category(static_cast<utf8proc_int32_t>(cp)) != UTF8PROC_CATEGORY_ND) return -1;
  // Every Unicode Nd run is ten consecutive code points 0..9; find the run's zero.
  static const char32_t zeros[] = {0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66,
                                   0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20,
                                   0x1040, 0x1090, 0x17E0, 0x1810, 0xFF10};
  for (char32_t z : zeros)
    if (cp >= z && cp < z + 10) return static_cast<int>(cp - z);
  // Other scripts: walk back while still a digit (runs are aligned groups of ten).
  char32_t z = cp;
  int steps = 0;
  while (steps < 9 && utf8proc_category(static_cast<utf8proc_int32_t>(z - 1)) == UTF8PROC_CATEGORY_ND) z--, steps++;
  return steps;
}

std::string nfc(const std::string& s) {
  bool ascii = true;
  for (unsigned char c : s)
    if (c >= 0x80) { ascii = false; break; }
  if (ascii) return s;
  utf8proc_uint8_t* out = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(s.c_str()));
  if (!out) return s;
  std::string r(reinterpret_cast<char*>(out));
  std::free(out);
  return r;
}

void append_utf8(std::string& out, char32_t cp) {
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

}  // namespace ml
