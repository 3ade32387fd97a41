// Python objects <-> the runtime's operation values, for the extension module.
#pragma once
#include <pybind11/pybind11.h>

#include <optional>

#include "runtime/value.h"

namespace ml::python {

// None, bool, int (big ones as digits), float, str, bytes-like and other buffers (numpy arrays:
// read in place, float64 1-D -> numbers, 2-D -> matrix, uint8 -> bytes), list/tuple
// (converted once, recursively), dict with str keys, callables. TypeError otherwise.
runtime::Value to_value(pybind11::handle o);
// A list (or tuple) of equal-length lists of float/int straight into one row-major matrix, in a
// single pass (no value per element); nullopt for anything else, which to_value then converts
// (and reports) as usual. For the arguments of matrix operations.
std::optional<runtime::Value> matrix_from_lists(pybind11::handle o);
// The reverse: numbers -> list of float, matrix -> list of lists, bytes -> bytes, ...
pybind11::object from_value(const runtime::Value& v);

}  // namespace ml::python
