// Python's text for numbers printed by compiled code: repr(float) ("0.1", "1e+16", "inf").
#pragma once
#include <cstdint>
#include <string>

namespace ml::wasm {
std::string py_float_repr(double d);
std::string py_int_str(int64_t v);
}
