// The host functions generated modules may import (module "env"): one list, followed by the
// code generator (signatures), the native host (compiled_program.cpp implements each) and the
// browser/node host (web/loader.mjs; tests/wasm/host_imports_test.cpp checks they agree).
#pragma once
#include <span>
#include <string_view>

#include "wasm/binary_writer.h"

namespace ml::wasm {

struct HostImport {
  std::string_view name;
  Sig sig;
  std::string_view what;
};

// print_*: what print() writes (the host keeps the order with the interpreter's output).
// f64_repr: Python's repr(x) of a float, ASCII, at most 30 bytes, written at buf; returns its length.
// sin, cos, tan, exp, atan: the C library's, which the interpreter's math module calls too.
// fmod, pow: C's fmod and pow (where JavaScript's % and Math.pow differ from C, the host follows C).
std::span<const HostImport> host_imports();
// The entry named `name`, or null.
const HostImport* find_host_import(std::string_view name);

}  // namespace ml::wasm
