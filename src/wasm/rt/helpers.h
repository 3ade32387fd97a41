// Runtime helpers: functions of the generated module that compiled code calls (allocation,
// checked arithmetic, strings, sorting), each emitted the first time it is used. A family's
// file holds a table of {name, signature, emitter}, so a helper's signature sits next to its
// body; Gen::helper looks the name up in every family's table.
#pragma once
#include <span>

#include "wasm/gen/gen.h"

namespace ml::wasm::gen {

// Emits the body of helper `name` into f (its parameters are the signature's).
using RtEmit = void (*)(Gen& G, Function& f, Emit& e, const std::string& name);
struct RtHelper {
  const char* name;
  Sig sig;
  RtEmit emit;
};

std::span<const RtHelper> lists_helpers();
std::span<const RtHelper> arith_helpers();
std::span<const RtHelper> str_core_helpers();
std::span<const RtHelper> str_convert_helpers();
std::span<const RtHelper> str_methods_helpers();
std::span<const RtHelper> sort_helpers();
std::span<const RtHelper> slices_helpers();

// In a helper taking (seq, lo, hi, step, given): Python's slice.indices() for a sequence of
// length `n` (an i64 local). lo and hi (parameters 1, 2) become the adjusted start and stop,
// `cnt` (an i64 local) the number of items; `given` (bit 0: lo, bit 1: hi) says which bounds
// were written. A zero step (ValueError) is left to the interpreter.
void emit_slice_count(Function& f, Emit& e, uint32_t n, uint32_t cnt);

// Traps with `code`, the source position being the value of local `line_local` (helpers take
// the caller's position as a parameter).
void err_dyn(Gen& G, Function& f, RtError code, uint32_t line_local);
// The same when the i32 on the stack is non-zero.
void if_err_dyn(Gen& G, Function& f, RtError code, uint32_t line_local);

using W = WType;
constexpr WType I32 = WType::I32, I64 = WType::I64, F64 = WType::F64;

}  // namespace ml::wasm::gen
