#pragma once
#include <functional>
#include <memory>

#include "interp/interpreter.h"

namespace ml::runtime { class BackendSelector; }

namespace ml::tiering {
// Makes every library operation (fibonacci, matrix_multiply, xor_cipher, json_parse, ...)
// callable from programs as a builtin, under its canonical name and its short name, running
// through `selector` (so it uses WASM when available and falls back with a reason).
// The selector is made on first use (creating it starts V8), through `get_selector`.
void register_operation_builtins(interp::Interpreter& in, std::function<runtime::BackendSelector&()> get_selector);
}
