#pragma once
// The JSON parser that reads one byte after another (kernels.h: mlk_json_parse). It is the whole
// parser where no SIMD is available and the reference for the structural one (json.cpp), which
// hands any document it cannot finish to this one, so both give the same tape and the same error
// offset. Its pieces (strings, numbers, literals, containers) are shared with that parser.
// Internal to the kernels: included by json.cpp only.
#include "kernels/kernels.h"

namespace mlk_json {

inline uint64_t tag(uint32_t t, uint64_t payload) { return (uint64_t(t) << 56) | (payload & 0x00ffffffffffffffull); }
inline double bits_to_double(uint64_t b) { return __builtin_bit_cast(double, b); }
inline uint64_t double_to_bits(double d) { return __builtin_bit_cast(uint64_t, d); }

const double kPow10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                           1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

struct JsonParser {
  uint8_t* s;
  int32_t len, pos = 0;
  uint64_t* tape;
  int32_t cap, n = 0, max_depth;
  bool full = false;

  bool push(uint64_t w) {
    if (n >= cap) {
      full = true;
      return false;
    }
    tape[n++] = w;
    return true;
  }
  void ws() {
    while (pos < len && (s[pos] == ' ' || s[pos] == '\n' || s[pos] == '\r' || s[pos] == '\t')) ++pos;
  }
  static int hexval(uint8_t c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
  bool hex4(uint32_t* v) {
    if (pos + 4 > len) return false;
    uint32_t r = 0;
    for (int i = 0; i < 4; ++i) {
      int h = hexval(s[pos + i]);
      if (h < 0) return false;
      r = r * 16 + uint32_t(h);
    }
    pos += 4;
    *v = r;
    return true;
  }
  // Bytes from pos that need no attention in a string (not '"', '\\' or a control character),
  // 8 at a time: SWAR on 64-bit words, the same on every target. In each test only the lowest
  // flagged byte is exact (borrows can flag bytes above it), which is the one wanted.
  int32_t plain_run(int32_t from) const {
    int32_t p = from;
    while (p + 8 <= len) {
      uint64_t x;
      __builtin_memcpy(&x, s + p, 8);
      const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
      uint64_t q = x ^ (ones * '"'), b = x ^ (ones * '\\');
      uint64_t hit = ((q - ones) & ~q) | ((b - ones) & ~b) | ((x - ones * 0x20) & ~x);
      hit &= high;
      if (hit) return p + (__builtin_ctzll(hit) >> 3) - from;
      p += 8;
    }
    while (p < len && s[p] != '"' && s[p] != '\\' && s[p] >= 0x20) ++p;
    return p - from;
  }
  // Reads the string whose opening quote is at pos up to its closing quote (pos ends past it),
  // unescaping it in place when Write (w: where the unescaped bytes end); without Write it only
  // checks it (the structural parser checks first and unescapes once the whole document is good).
  template <bool Write>
  bool scan_string(int32_t& w) {
    ++pos;
    w = pos;
    auto put = [&](uint8_t c) {
      if constexpr (Write) s[w] = c;
      ++w;
    };
    for (;;) {
      int32_t run = plain_run(pos);
      if (Write && w != pos)
        for (int32_t i = 0; i < run; ++i) s[w + i] = s[pos + i];
      w += run;
      pos += run;
      if (pos >= len) return false;
      uint8_t c = s[pos];
      if (c == '"') break;
      if (c < 0x20) return false;
      if (++pos >= len) return false;
      uint8_t e = s[pos++];
      switch (e) {
        case '"': put('"'); break;
        case '\\': put('\\'); break;
        case '/': put('/'); break;
        case 'b': put('\b'); break;
        case 'f': put('\f'); break;
        case 'n': put('\n'); break;
        case 'r': put('\r'); break;
        case 't': put('\t'); break;
        case 'u': {
          uint32_t cp;
          if (!hex4(&cp)) return false;
          if (cp >= 0xd800 && cp <= 0xdbff) {
            uint32_t lo;
            if (pos + 2 <= len && s[pos] == '\\' && s[pos + 1] == 'u') {
              pos += 2;
              if (!hex4(&lo)) return false;
              if (lo >= 0xdc00 && lo <= 0xdfff) cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
              else return false;
            } else cp = 0xfffd;  // lone high surrogate
          } else if (cp >= 0xdc00 && cp <= 0xdfff) cp = 0xfffd;
          // encode UTF-8: at most as long as the 6+ byte escape it replaces
          if (cp < 0x80) put(uint8_t(cp));
          else if (cp < 0x800) put(uint8_t(0xc0 | (cp >> 6))), put(uint8_t(0x80 | (cp & 0x3f)));
          else if (cp < 0x10000)
            put(uint8_t(0xe0 | (cp >> 12))), put(uint8_t(0x80 | ((cp >> 6) & 0x3f))), put(uint8_t(0x80 | (cp & 0x3f)));
          else
            put(uint8_t(0xf0 | (cp >> 18))), put(uint8_t(0x80 | ((cp >> 12) & 0x3f))),
                put(uint8_t(0x80 | ((cp >> 6) & 0x3f))), put(uint8_t(0x80 | (cp & 0x3f)));
          break;
        }
        default: return false;
      }
    }
    ++pos;  // closing quote
    return true;
  }
  bool string() {  // at the opening quote; unescapes in place
    int32_t start = pos + 1, w;
    if (!scan_string<true>(w)) return false;
    return push(tag(MLK_J_STRING, uint64_t(start))) && push(uint64_t(w - start));
  }
  bool number() {
    int32_t st = pos;
    bool neg = false;
    if (s[pos] == '-') neg = true, ++pos;
    if (pos >= len) return false;
    uint64_t mant = 0;
    int32_t digits = 0, dropped = 0;
    if (s[pos] == '0') ++pos;
    else if (s[pos] >= '1' && s[pos] <= '9') {
      while (pos < len && s[pos] >= '0' && s[pos] <= '9') {
        if (digits < 19) mant = mant * 10 + (s[pos] - '0'), ++digits;
        else ++dropped;
        ++pos;
      }
    } else return false;
    bool is_int = true;
    int32_t frac_digits = 0;
    if (pos < len && s[pos] == '.') {
      is_int = false;
      ++pos;
      if (pos >= len || s[pos] < '0' || s[pos] > '9') return false;
      while (pos < len && s[pos] >= '0' && s[pos] <= '9') {
        if (digits < 19) mant = mant * 10 + (s[pos] - '0'), ++digits, ++frac_digits;
        ++pos;
      }
    }
    int32_t exp = 0;
    if (pos < len && (s[pos] == 'e' || s[pos] == 'E')) {
      is_int = false;
      ++pos;
      bool eneg = false;
      if (pos < len && (s[pos] == '+' || s[pos] == '-')) eneg = s[pos] == '-', ++pos;
      if (pos >= len || s[pos] < '0' || s[pos] > '9') return false;
      while (pos < len && s[pos] >= '0' && s[pos] <= '9') {
        if (exp < 100000) exp = exp * 10 + (s[pos] - '0');
        ++pos;
      }
      if (eneg) exp = -exp;
    }
    if (is_int && dropped == 0 && (mant <= uint64_t(INT64_MAX) || (neg && mant == uint64_t(INT64_MAX) + 1))) {
      int64_t v = neg ? int64_t(0 - mant) : int64_t(mant);
      return push(tag(MLK_J_INT, 0)) && push(uint64_t(v));
    }
    (void)st;
    int32_t e10 = exp - frac_digits + dropped;
    double d = double(mant);
    if (mant == 0) d = 0.0;
    else if (e10 >= 0) {
      if (e10 <= 22) d *= kPow10[e10];
      else {
        int32_t e = e10;
        while (e > 22 && d <= 1.7976931348623157e308) d *= 1e22, e -= 22;
        if (d <= 1.7976931348623157e308) d *= kPow10[e > 22 ? 22 : e];
      }
    } else {
      int32_t e = -e10;
      if (e <= 22) d /= kPow10[e];
      else {
        while (e > 22 && d > 0) d /= 1e22, e -= 22;
        d /= kPow10[e > 22 ? 22 : e];  // (d is 0 when the loop stopped early)
      }
    }
    if (neg) d = -d;
    return push(tag(MLK_J_DOUBLE, 0)) && push(double_to_bits(d));
  }
  bool literal(const char* word, uint32_t t) {
    int32_t i = 0;
    for (; word[i]; ++i)
      if (pos + i >= len || s[pos + i] != uint8_t(word[i])) return false;
    pos += i;
    return push(tag(t, 0));
  }
  // Iterative: a container's tape word temporarily holds (parent index + 1) in its low 32 bits,
  // so the chain of open containers lives in the tape itself; closing fixes both payloads. Bits
  // 32..55 count the container's values as they complete (kept when it closes).
  void close_container(int32_t& open, int32_t& depth) {
    uint32_t k2 = uint32_t(tape[open] >> 56);
    int32_t parent = int32_t(tape[open] & 0xffffffffu) - 1;
    if (!push(tag(k2 == MLK_J_OBJECT ? MLK_J_OBJECT_END : MLK_J_ARRAY_END, uint64_t(open)))) return;
    tape[open] = (tape[open] & ~uint64_t(0xffffffffu)) | uint64_t(n - 1);
    open = parent;
    --depth;
    count_value(open);
  }
  void count_value(int32_t open) {
    if (open >= 0 && ((tape[open] >> 32) & 0xffffff) != 0xffffff) tape[open] += uint64_t(1) << 32;
  }
  bool key_colon() {
    if (pos >= len || s[pos] != '"') return false;
    if (!string()) return false;
    ws();
    if (pos >= len || s[pos] != ':') return false;
    ++pos;
    ws();
    return true;
  }
  bool value_doc() {
    int32_t depth = 0;
    int32_t open = -1;  // tape index of the innermost open container
    ws();
    for (;;) {
      if (pos >= len) return false;
      uint8_t c = s[pos];
      bool have_value = true;
      if (c == '{' || c == '[') {
        if (++depth > max_depth) return false;
        if (!push(tag(c == '{' ? MLK_J_OBJECT : MLK_J_ARRAY, uint64_t(uint32_t(open + 1))))) return false;
        open = n - 1;
        ++pos;
        ws();
        if (pos < len && s[pos] == (c == '{' ? '}' : ']')) {
          ++pos;
          close_container(open, depth);
          if (full) return false;
        } else {
          if (c == '{' && !key_colon()) return false;
          have_value = false;  // parse the first element next
        }
      } else if (c == '"') {
        if (!string()) return false;
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        if (!number()) return false;
      } else if (c == 't') {
        if (!literal("true", MLK_J_TRUE)) return false;
      } else if (c == 'f') {
        if (!literal("false", MLK_J_FALSE)) return false;
      } else if (c == 'n') {
        if (!literal("null", MLK_J_NULL)) return false;
      } else return false;
      if (!have_value) continue;
      if (c != '{' && c != '[') count_value(open);  // (a closed container counted itself)
      // after a value: a separator, or closing brackets
      for (;;) {
        ws();
        if (open < 0) return true;  // document complete
        if (pos >= len) return false;
        uint32_t kind = uint32_t(tape[open] >> 56);
        uint8_t d = s[pos];
        if (d == ',') {
          ++pos;
          ws();
          if (kind == MLK_J_OBJECT && !key_colon()) return false;
          break;  // next value
        }
        if (d != (kind == MLK_J_OBJECT ? '}' : ']')) return false;
        ++pos;
        close_container(open, depth);
        if (full) return false;
      }
    }
  }
};

}  // namespace mlk_json
