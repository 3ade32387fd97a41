// std::to_chars(first, last, double, std::chars_format::scientific) for the wasm32 build:
// Emscripten 3.1.6's libc++ (LLVM 14) has no floating-point to_chars, which the interpreter's
// float repr uses. The shortest round-trip digits come from fmt's Dragonbox (the same
// algorithm libc++ uses), written as [-]D[.DDD]e(+|-)XX. Forced into the two sources that
// call it by web/wasm/CMakeLists.txt; other formats are not provided.
#pragma once
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

namespace std {

inline to_chars_result to_chars(char* first, char* last, double value, chars_format) {
  char buf[40];
  char* p = buf;
  if (std::signbit(value)) *p++ = '-';
  double a = std::fabs(value);
  if (a == 0) {
    std::memcpy(p, "0e+00", 5);
    p += 5;
  } else {
    auto dec = fmt::detail::dragonbox::to_decimal(a);
    char digits[24];
    int n = std::snprintf(digits, sizeof digits, "%llu", (unsigned long long)dec.significand);
    int exp = dec.exponent + n - 1;
    *p++ = digits[0];
    if (n > 1) {
      *p++ = '.';
      std::memcpy(p, digits + 1, n - 1);
      p += n - 1;
    }
    p += std::snprintf(p, 8, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
  }
  size_t len = size_t(p - buf);
  if (size_t(last - first) < len) return {last, errc::value_too_large};
  std::memcpy(first, buf, len);
  return {first + len, errc()};
}

}  // namespace std
