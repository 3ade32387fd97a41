// A small WebAssembly binary encoder written for this project: a module is built from
// typed function signatures, imports, functions (as lists of instructions), one linear
// memory, globals, exports and data segments; encode() writes the binary format
// (https://webassembly.github.io/spec/core/binary/) and to_wat() the matching text format.
#pragma once
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

namespace ml::wasm {

enum class WType : uint8_t { I32 = 0x7f, I64 = 0x7e, F32 = 0x7d, F64 = 0x7c, V128 = 0x7b };
const char* wtype_name(WType t);

// Immediate kinds of an instruction.
enum class Imm : uint8_t { None, Block, Label, Func, Local, Global, Mem, I32, I64, F64, Lane, MemIdx, MemIdx2 };

// X(enumerator, text name, prefix byte (0 = none), opcode, immediate kind)
#define ML_WASM_OPS(X)                                                         \
  X(Unreachable, "unreachable", 0, 0x00, None)                                 \
  X(Nop, "nop", 0, 0x01, None)                                                 \
  X(Block, "block", 0, 0x02, Block)                                            \
  X(Loop, "loop", 0, 0x03, Block)                                              \
  X(If, "if", 0, 0x04, Block)                                                  \
  X(Else, "else", 0, 0x05, None)                                               \
  X(End, "end", 0, 0x0b, None)                                                 \
  X(Br, "br", 0, 0x0c, Label)                                                  \
  X(BrIf, "br_if", 0, 0x0d, Label)                                             \
  X(Return, "return", 0, 0x0f, None)                                           \
  X(Call, "call", 0, 0x10, Func)                                               \
  X(Drop, "drop", 0, 0x1a, None)                                               \
  X(Select, "select", 0, 0x1b, None)                                           \
  X(LocalGet, "local.get", 0, 0x20, Local)                                     \
  X(LocalSet, "local.set", 0, 0x21, Local)                                     \
  X(LocalTee, "local.tee", 0, 0x22, Local)                                     \
  X(GlobalGet, "global.get", 0, 0x23, Global)                                  \
  X(GlobalSet, "global.set", 0, 0x24, Global)                                  \
  X(I32Load, "i32.load", 0, 0x28, Mem)                                         \
  X(I64Load, "i64.load", 0, 0x29, Mem)                                         \
  X(F64Load, "f64.load", 0, 0x2b, Mem)                                         \
  X(I32Load8U, "i32.load8_u", 0, 0x2d, Mem)                                    \
  X(I32Store, "i32.store", 0, 0x36, Mem)                                       \
  X(I64Store, "i64.store", 0, 0x37, Mem)                                       \
  X(F64Store, "f64.store", 0, 0x39, Mem)                                       \
  X(I32Store8, "i32.store8", 0, 0x3a, Mem)                                     \
  X(MemorySize, "memory.size", 0, 0x3f, MemIdx)                                \
  X(MemoryGrow, "memory.grow", 0, 0x40, MemIdx)                                \
  X(I32Const, "i32.const", 0, 0x41, I32)                                       \
  X(I64Const, "i64.const", 0, 0x42, I64)                                       \
  X(F64Const, "f64.const", 0, 0x44, F64)                                       \
  X(I32Eqz, "i32.eqz", 0, 0x45, None)                                          \
  X(I32Eq, "i32.eq", 0, 0x46, None)                                            \
  X(I32Ne, "i32.ne", 0, 0x47, None)                                            \
  X(I32LtS, "i32.lt_s", 0, 0x48, None)                                         \
  X(I32LtU, "i32.lt_u", 0, 0x49, None)                                         \
  X(I32GtS, "i32.gt_s", 0, 0x4a, None)                                         \
  X(I32GtU, "i32.gt_u", 0, 0x4b, None)                                         \
  X(I32LeS, "i32.le_s", 0, 0x4c, None)                                         \
  X(I32LeU, "i32.le_u", 0, 0x4d, None)                                         \
  X(I32GeS, "i32.ge_s", 0, 0x4e, None)                                         \
  X(I32GeU, "i32.ge_u", 0, 0x4f, None)                                         \
  X(I64Eqz, "i64.eqz", 0, 0x50, None)                                          \
  X(I64Eq, "i64.eq", 0, 0x51, None)                                            \
  X(I64Ne, "i64.ne", 0, 0x52, None)                                            \
  X(I64LtS, "i64.lt_s", 0, 0x53, None)                                         \
  X(I64LtU, "i64.lt_u", 0, 0x54, None)                                         \
  X(I64GtS, "i64.gt_s", 0, 0x55, None)                                         \
  X(I64GtU, "i64.gt_u", 0, 0x56, None)                                         \
  X(I64LeS, "i64.le_s", 0, 0x57, None)                                         \
  X(I64LeU, "i64.le_u", 0, 0x58, None)                                         \
  X(I64GeS, "i64.ge_s", 0, 0x59, None)                                         \
  X(I64GeU, "i64.ge_u", 0, 0x5a, None)                                         \
  X(F64Eq, "f64.eq", 0, 0x61, None)                                            \
  X(F64Ne, "f64.ne", 0, 0x62, None)                                            \
  X(F64Lt, "f64.lt", 0, 0x63, None)                                            \
  X(F64Gt, "f64.gt", 0, 0x64, None)                                            \
  X(F64Le, "f64.le", 0, 0x65, None)                                            \
  X(F64Ge, "f64.ge", 0, 0x66, None)                                            \
  X(I32Add, "i32.add", 0, 0x6a, None)                                          \
  X(I32Sub, "i32.sub", 0, 0x6b, None)                                          \
  X(I32Mul, "i32.mul", 0, 0x6c, None)                                          \
  X(I32DivS, "i32.div_s", 0, 0x6d, None)                                       \
  X(I32And, "i32.and", 0, 0x71, None)                                          \
  X(I32Or, "i32.or", 0, 0x72, None)                                            \
  X(I32Xor, "i32.xor", 0, 0x73, None)                                          \
  X(I32Shl, "i32.shl", 0, 0x74, None)                                          \
  X(I32ShrS, "i32.shr_s", 0, 0x75, None)                                       \
  X(I32ShrU, "i32.shr_u", 0, 0x76, None)                                       \
  X(I64Clz, "i64.clz", 0, 0x79, None)                                          \
  X(I64Add, "i64.add", 0, 0x7c, None)                                          \
  X(I64Sub, "i64.sub", 0, 0x7d, None)                                          \
  X(I64Mul, "i64.mul", 0, 0x7e, None)                                          \
  X(I64DivS, "i64.div_s", 0, 0x7f, None)                                       \
  X(I64DivU, "i64.div_u", 0, 0x80, None)                                       \
  X(I64RemS, "i64.rem_s", 0, 0x81, None)                                       \
  X(I64And, "i64.and", 0, 0x83, None)                                          \
  X(I64Or, "i64.or", 0, 0x84, None)                                            \
  X(I64Xor, "i64.xor", 0, 0x85, None)                                          \
  X(I64Shl, "i64.shl", 0, 0x86, None)                                          \
  X(I64ShrS, "i64.shr_s", 0, 0x87, None)                                       \
  X(I64ShrU, "i64.shr_u", 0, 0x88, None)                                       \
  X(F64Abs, "f64.abs", 0, 0x99, None)                                          \
  X(F64Neg, "f64.neg", 0, 0x9a, None)                                          \
  X(F64Ceil, "f64.ceil", 0, 0x9b, None)                                        \
  X(F64Floor, "f64.floor", 0, 0x9c, None)                                      \
  X(F64Trunc, "f64.trunc", 0, 0x9d, None)                                      \
  X(F64Nearest, "f64.nearest", 0, 0x9e, None)                                  \
  X(F64Sqrt, "f64.sqrt", 0, 0x9f, None)                                        \
  X(F64Add, "f64.add", 0, 0xa0, None)                                          \
  X(F64Sub, "f64.sub", 0, 0xa1, None)                                          \
  X(F64Mul, "f64.mul", 0, 0xa2, None)                                          \
  X(F64Div, "f64.div", 0, 0xa3, None)                                          \
  X(F64Min, "f64.min", 0, 0xa4, None)                                          \
  X(F64Max, "f64.max", 0, 0xa5, None)                                          \
  X(F64Copysign, "f64.copysign", 0, 0xa6, None)                                \
  X(I32WrapI64, "i32.wrap_i64", 0, 0xa7, None)                                 \
  X(I64ExtendI32S, "i64.extend_i32_s", 0, 0xac, None)                          \
  X(I64ExtendI32U, "i64.extend_i32_u", 0, 0xad, None)                          \
  X(I64TruncF64S, "i64.trunc_f64_s", 0, 0xb0, None)                            \
  X(F64ConvertI32S, "f64.convert_i32_s", 0, 0xb7, None)                        \
  X(F64ConvertI64S, "f64.convert_i64_s", 0, 0xb9, None)                        \
  X(I64ReinterpretF64, "i64.reinterpret_f64", 0, 0xbd, None)                   \
  X(F64ReinterpretI64, "f64.reinterpret_i64", 0, 0xbf, None)                   \
  X(I64TruncSatF64S, "i64.trunc_sat_f64_s", 0xfc, 6, None)                     \
  X(MemoryCopy, "memory.copy", 0xfc, 10, MemIdx2)                              \
  X(MemoryFill, "memory.fill", 0xfc, 11, MemIdx)                               \
  X(V128Load, "v128.load", 0xfd, 0, Mem)                                       \
  X(V128Store, "v128.store", 0xfd, 11, Mem)                                    \
  X(F64x2Splat, "f64x2.splat", 0xfd, 20, None)                                 \
  X(F64x2ExtractLane, "f64x2.extract_lane", 0xfd, 33, Lane)                    \
  X(I8x16Swizzle, "i8x16.swizzle", 0xfd, 14, None)                             \
  X(V128Xor, "v128.xor", 0xfd, 81, None)                                       \
  X(F64x2Neg, "f64x2.neg", 0xfd, 237, None)                                    \
  X(F64x2Add, "f64x2.add", 0xfd, 240, None)                                    \
  X(F64x2Sub, "f64x2.sub", 0xfd, 241, None)                                    \
  X(F64x2Mul, "f64x2.mul", 0xfd, 242, None)                                    \
  X(F64x2Div, "f64x2.div", 0xfd, 243, None)

enum class Op : uint16_t {
#define ML_X(e, n, p, c, i) e,
  ML_WASM_OPS(ML_X)
#undef ML_X
};

struct OpInfo {
  const char* name;
  uint8_t prefix;
  uint32_t code;
  Imm imm;
};
const OpInfo& op_info(Op op);

// Block type of block/loop/if: no result, or one value.
constexpr int64_t kVoidBlock = 0x40;

struct Instr {
  Op op;
  int64_t i = 0;      // constant, index, label depth, lane, block type (kVoidBlock or WType)
  double f = 0;       // f64.const
  uint32_t align = 0; // memarg (log2)
  uint32_t offset = 0;
};

struct Sig {
  std::vector<WType> params, results;
  bool operator==(const Sig&) const = default;
};

// A function's body under construction: typed locals and a flat instruction list.
struct Function {
  std::string name;  // used for exports-less debugging and in the text format ($name)
  uint32_t type = 0;
  uint32_t nparams = 0;
  std::vector<WType> locals;            // params first (copied from the signature), then locals
  std::vector<std::string> local_names; // same length as locals ("" = unnamed)
  std::vector<Instr> code;              // without the final `end`

  uint32_t add_local(WType t, std::string name = "");
  void op(Op o) { code.push_back({o}); }
  void op(Op o, int64_t imm) { Instr in{o}; in.i = imm; code.push_back(in); }
  void mem(Op o, uint32_t align, uint32_t offset = 0) {
    Instr in{o}; in.align = align; in.offset = offset; code.push_back(in);
  }
  void i32(int32_t v) { op(Op::I32Const, v); }
  void i64(int64_t v) { op(Op::I64Const, v); }
  void f64(double v) { Instr in{Op::F64Const}; in.f = v; code.push_back(in); }
  void get(uint32_t l) { op(Op::LocalGet, l); }
  void set(uint32_t l) { op(Op::LocalSet, l); }
  void tee(uint32_t l) { op(Op::LocalTee, l); }
  void block(Op o, int64_t bt = kVoidBlock) { op(o, bt); }
};

class ModuleBuilder {
 public:
  uint32_t add_type(const Sig& s);  // deduplicated
  // Functions live in one handle space (imports and definitions in any order); the binary
  // puts imports first, and call instructions are remapped when encoding.
  uint32_t import_function(std::string module, std::string name, const Sig& s);
  uint32_t add_function(std::string name, const Sig& s);  // returns a handle
  size_t function_count() const { return funcs_.size(); }
  Function& function(uint32_t handle);
  const Sig& sig_of(uint32_t handle) const;
  void export_function(uint32_t handle, std::string name);

  void import_memory(std::string module, std::string name, uint32_t min_pages);
  void define_memory(uint32_t min_pages, std::string export_name = "memory");
  uint32_t add_global(WType t, bool mutable_, int64_t init_i, double init_f = 0,
                      std::string export_name = "", std::string name = "");
  void set_global_init(uint32_t index, int64_t init_i) { globals_.at(index).i = init_i; }
  void add_data(uint32_t offset, std::string bytes);
  void add_custom_section(std::string name, std::string bytes);

  std::vector<uint8_t> encode() const;
  std::string to_wat() const;

 private:
  struct Import { std::string module, name; };
  struct FuncEntry {
    bool imported = false;
    Import imp;
    Function fn;
  };
  struct Global { WType t; bool mut; int64_t i; double f; std::string export_name, name; };
  struct Export { std::string name; uint8_t kind; uint32_t index; };
  std::vector<Sig> types_;
  std::deque<FuncEntry> funcs_;  // deque: Function& stays valid while more are added
  std::vector<std::pair<uint32_t, std::string>> func_exports_;
  std::vector<Global> globals_;
  std::vector<std::pair<uint32_t, std::string>> data_;
  std::vector<std::pair<std::string, std::string>> custom_;
  bool has_memory_ = false, memory_imported_ = false;
  Import memory_import_;
  uint32_t memory_min_ = 0;
  std::string memory_export_;

  std::vector<uint32_t> final_indices() const;  // handle -> function index
};

// LEB128 helpers (exposed for tests).
void write_uleb(std::vector<uint8_t>& out, uint64_t v);
void write_sleb(std::vector<uint8_t>& out, int64_t v);

}  // namespace ml::wasm
