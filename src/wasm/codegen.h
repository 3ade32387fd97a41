// Typed functions (FuncSpec, from the typer) -> one WebAssembly module, preserving Python
// semantics: checked 64-bit ints (overflow -> fall back to the interpreter, never a wrong
// answer), floor division/modulo with Python signs, true division, ** for ints and floats,
// short-circuit and/or, loops with else/break/continue, lists in linear memory.
//
// Runtime ABI of generated modules (shared with compiled_program.cpp and web/loader.mjs):
//   imports  env.memory (mixed mode) or exports "memory" (standalone)
//            env.print_i64(i64) env.print_f64(f64) env.print_bool(i32) env.print_str(ptr i32, len i32)
//            env.fmod(f64, f64) -> f64    env.pow(f64, f64) -> f64          (only when used)
//            env.f64_repr(x f64, buf i32) -> len i32: writes Python's repr(x) (ASCII, at most
//            30 bytes) at buf                                             (only when used)
//   exports  the entry function (by its name), ml_heap() -> i32, ml_set_heap(i32),
//            ml_set_limit(i32) (resets the call depth; deeper calls fall back),
//            ml_call(heap i32, limit i32): the three in one call, the entry's arguments read
//            from the argument area (8-byte slots at GeneratedModule::args_at, one a
//            parameter: i64, f64, or i32 in the low half) and its result written to the first
//            slot; not in standalone modules,
//            globals ml_err (an RtError code) and ml_err_line (the source position, see
//            pos_code), set before a trap.
//   lists    an i32 address of a 16-byte header {len i32, cap i32, data i32, 0}; `data` holds
//            8-byte slots: i64 (int), f64 (float), i32 (bool, or the address of an inner list).
//   tuples   immutable; the same 16-byte header as a list {len, len, data = address + 16, 0}
//            followed by the len 8-byte slots (each slot holds the item's own type; a str is
//            its address), so list reads (indexing, len, iteration) work on tuples unchanged.
//   instances  a tuple's layout {n, n, data = address + 16, 0} then one 8-byte slot per field,
//            sorted by name (Type::fields); a field of instance type holds its address, 0 for
//            None. The host lays out only the fields of an instance passed in that the module
//            reads or writes (Prepared::fields_used): the other slots hold 0 and are never read,
//            and the host compares only the used ones after the call to write changes back.
//   strings  immutable; an i32 address of a 16-byte header {len i32, grow i32, data i32, 0}:
//            len is the number of code points, `data` the address of len u32 code points
//            (UTF-32, so s[i] is O(1)). Strings may share data (a slice points into its
//            source). grow = 1 when `data` starts a growable block whose 8 bytes before it
//            are {cap, used} (blocks made by compiled code): a + b may then write b in place
//            after a when a ends at `used` (see str_concat). Literals, slices and strings
//            passed in have grow = 0. The host converts from/to UTF-8; print() encodes UTF-8
//            into scratch memory for print_str. Literals and the one-character ASCII strings
//            live in the data segment.
#pragma once
#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "support/limits.h"
#include "wasm/binary_writer.h"
#include "wasm/typer.h"

namespace ml::wasm {

enum class RtError : int32_t {
  None = 0,
  ZeroDivision = 1,  // ZeroDivisionError, runtime.division_by_zero
  Index = 2,         // IndexError, runtime.index_out_of_range {type: list}
  IndexStore = 3,    // IndexError, "list assignment index out of range"
  Overflow = 4,      // an int left 64 bits: the interpreter (big ints) must run the call
  Fallback = 5,      // a value-dependent case compiled code leaves to the interpreter
                     // (negative int exponent, complex result, range step 0, empty min())
  Memory = 6,        // linear memory could not grow
  Recursion = 7,     // call depth beyond the limit (RecursionError, raised by the interpreter)
  StrIndex = 8,      // IndexError, runtime.index_out_of_range {type: string}
  TupleIndex = 9,    // IndexError, runtime.index_out_of_range {type: tuple}
  // ZeroDivisionError as CPython words it per operation (ZeroDivision is int `/`)
  FloatZeroDivision = 10,  // runtime.float_division_by_zero: float `/`
  FloatFloorDivZero = 11,  // runtime.float_floor_division_by_zero: float `//`
  FloatModZero = 12,       // runtime.float_modulo: float `%`
  IntFloorDivZero = 13,    // runtime.integer_division_or_modulo_by_zero: int `//`
  IntModZero = 14,         // runtime.integer_modulo_by_zero: int `%`
  // UnboundLocalError, runtime.unbound_local: a local read before any assignment; ml_err_line
  // is the read's position, GeneratedModule::unbound_names gives the local's name
  UnboundLocal = 15,
};
// The ZeroDivisionError codes, their message ids (nullptr for the others).
const char* zero_division_message(RtError e);
const char* to_string(RtError e);

// A source position in one i32 (what ml_err_line holds and runtime helpers take): the line in
// the low 20 bits, the column in the 11 above (0 = unknown: the caret goes to the line's
// first character). Lines past 2^20 - 1 are clamped and lose the column.
constexpr int32_t pos_code(Loc loc) {
  if (loc.line <= 0) return 0;
  if (loc.line >= (1 << 20)) return (1 << 20) - 1;
  return loc.line | ((loc.col > 0 && loc.col < (1 << 11) ? loc.col : 0) << 20);
}
constexpr int pos_line(int32_t code) { return code & ((1 << 20) - 1); }
constexpr int pos_col(int32_t code) { return (code >> 20) & ((1 << 11) - 1); }

// int-or-float (Type kNum) values, one i64 (see gen/num.cpp): a float is its own bits (NaNs
// made canonical); an int is the signalling-NaN pattern kNumIntTag with the int in its low
// 50 bits (two's complement), a pattern float arithmetic never produces.
constexpr uint64_t kNumIntTag = 0x7FF4000000000000ull;
constexpr uint64_t kNumPayload = 0x0003FFFFFFFFFFFFull;
constexpr uint64_t kCanonicalNaN = 0x7FF8000000000000ull;
constexpr bool num_is_int(uint64_t b) { return (b >> 50) == (kNumIntTag >> 50); }
constexpr int64_t num_int(uint64_t b) { return static_cast<int64_t>(b << 14) >> 14; }
// An int an int-or-float holds (50 bits), and the bits of one holding i or d.
constexpr bool num_fits(int64_t i) { return (static_cast<int64_t>(static_cast<uint64_t>(i) << 14) >> 14) == i; }
constexpr uint64_t num_of_int(int64_t i) { return (static_cast<uint64_t>(i) & kNumPayload) | kNumIntTag; }
inline uint64_t num_of_float(double d) {
  uint64_t b;
  std::memcpy(&b, &d, 8);
  return d != d ? kCanonicalNaN : b;
}

constexpr uint32_t kListHeader = 16;
constexpr uint32_t kSlot = 8;
constexpr uint32_t kStrHeader = 16;  // then 4-byte code points
constexpr uint32_t kDataBase = 64;  // string constants start here; address 0 stays unused
constexpr const char* kCallExport = "ml_call";

struct CodegenOptions {
  bool standalone = false;   // compile the module body as `main`/`_start`; define+export memory
  bool simd = true;          // allow v128 instructions where they pay
  int recursion_limit = kRecursionLimit;  // initial call-depth limit (ml_set_limit changes it)
  std::string custom_name, custom_bytes;  // an optional custom section to embed
};

struct GeneratedModule {
  std::vector<uint8_t> wasm;
  std::string wat;                      // the text format of the same module
  std::string entry_export;             // export name of the entry function
  std::vector<std::string> functions;   // keys of every specialization compiled in
  uint32_t heap_base = 0;               // first free address after the data segment and argument area
  uint32_t args_at = 0;                 // ml_call's argument area
  bool uses_fmod = false, uses_pow = false;
  // the local each UnboundLocal check names, by the position (pos_code) of its read
  std::map<int32_t, std::string> unbound_names;
};

// Compiles `entry` (state Done) and every function it calls. Throws CannotCompile for
// constructs the typer accepted but the generator does not handle (reported like the typer's).
GeneratedModule generate(Typer& typer, FuncSpec* entry, const CodegenOptions& opts = {});

}  // namespace ml::wasm
