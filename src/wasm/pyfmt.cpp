#include "wasm/pyfmt.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace ml::wasm {

std::string py_float_repr(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string s(buf, res.ptr);
  std::string sign;
  if (s[0] == '-') { sign = "-"; s = s.substr(1); }
  size_t e = s.find('e');
  std::string mant = s.substr(0, e);
  int exp10 = std::atoi(s.c_str() + e + 1);
  std::string digits;
  for (char c : mant)
    if (c != '.') digits += c;
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  int decpt = exp10 + 1;
  std::string out;
  if (decpt > -4 && decpt <= 16) {
    int n = static_cast<int>(digits.size());
    if (decpt <= 0) out = "0." + std::string(-decpt, '0') + digits;
    else if (decpt >= n) out = digits + std::string(decpt - n, '0') + ".0";
    else out = digits.substr(0, decpt) + "." + digits.substr(decpt);
  } else {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    int x = decpt - 1;
    out += x < 0 ? "e-" : "e+";
    std::string xs = std::to_string(std::abs(x));
    if (xs.size() < 2) xs = "0" + xs;
    out += xs;
  }
  return sign + out;
}

std::string py_int_str(int64_t v) { return std::to_string(v); }

}  // namespace ml::wasm
