// Readable WebAssembly text (the .wat format) of a generated module.
#pragma once
#include <string>

#include "wasm/binary_writer.h"

namespace ml::wasm {
std::string to_wat(const ModuleBuilder& m);
}
