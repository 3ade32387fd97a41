// Python's limit on int <-> str conversions in bases that are not powers of two
// (sys.set_int_max_str_digits, PEP-less but in CPython since 3.11): quadratic-time
// conversions of huge numbers are refused with a ValueError instead of hanging a program.
#pragma once
#include <string_view>

#include "interp/runtime.h"

namespace ml::interp {

constexpr int kDefaultMaxStrDigits = 4300;  // sys.int_info.default_max_str_digits
constexpr int kMaxStrDigitsThreshold = 640;  // sys.int_info.str_digits_check_threshold

int max_str_digits();  // 0 = no limit
void set_max_str_digits(int digits);

// int(text, base) without the limit: for literals of the program (checked when lexed) and
// numbers handed back in decimal by other parts of the runtime.
Value parse_int_unlimited(std::string_view text, int base);
std::string int_to_decimal_unlimited(const Value& v);

}  // namespace ml::interp
