// The WASM binary encoder: LEB128, and hand-built modules that V8 compiles and runs.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/engine.h"
#include "wasm/binary_writer.h"

using namespace ml::wasm;
namespace eng = ml::engine;

namespace {

std::vector<uint8_t> uleb(uint64_t v) { std::vector<uint8_t> o; write_uleb(o, v); return o; }
std::vector<uint8_t> sleb(int64_t v) { std::vector<uint8_t> o; write_sleb(o, v); return o; }

eng::Engine& engine() {
  static auto e = eng::create_engine({});
  return *e;
}

}  // namespace

TEST(Leb128, Unsigned) {
  EXPECT_EQ(uleb(0), (std::vector<uint8_t>{0}));
  EXPECT_EQ(uleb(127), (std::vector<uint8_t>{0x7f}));
  EXPECT_EQ(uleb(128), (std::vector<uint8_t>{0x80, 0x01}));
  EXPECT_EQ(uleb(624485), (std::vector<uint8_t>{0xe5, 0x8e, 0x26}));
}

TEST(Leb128, Signed) {
  EXPECT_EQ(sleb(0), (std::vector<uint8_t>{0}));
  EXPECT_EQ(sleb(-1), (std::vector<uint8_t>{0x7f}));
  EXPECT_EQ(sleb(63), (std::vector<uint8_t>{0x3f}));
  EXPECT_EQ(sleb(64), (std::vector<uint8_t>{0xc0, 0x00}));
  EXPECT_EQ(sleb(-64), (std::vector<uint8_t>{0x40}));
  EXPECT_EQ(sleb(-65), (std::vector<uint8_t>{0xbf, 0x7f}));
  EXPECT_EQ(sleb(-123456), (std::vector<uint8_t>{0xc0, 0xbb, 0x78}));
  EXPECT_EQ(sleb(INT64_MIN).size(), 10u);
}

TEST(Encoder, EmptyModuleHeader) {
  ModuleBuilder mb;
  auto bytes = mb.encode();
  ASSERT_GE(bytes.size(), 8u);
  EXPECT_EQ(bytes[0], 0x00);
  EXPECT_EQ(bytes[1], 'a');
  EXPECT_EQ(bytes[4], 1);
  EXPECT_NO_THROW(engine().compile(bytes));
}

// Iterative factorial with a loop, locals, br_if; i64 arithmetic.
TEST(Encoder, LoopFactorialRuns) {
  ModuleBuilder mb;
  uint32_t h = mb.add_function("fact", {{WType::I64}, {WType::I64}});
  Function& f = mb.function(h);
  f.local_names[0] = "n";
  uint32_t acc = f.add_local(WType::I64, "acc");
  f.i64(1); f.set(acc);
  f.block(Op::Block);
  f.block(Op::Loop);
  f.get(0); f.i64(1); f.op(Op::I64LeS); f.op(Op::BrIf, 1);
  f.get(acc); f.get(0); f.op(Op::I64Mul); f.set(acc);
  f.get(0); f.i64(1); f.op(Op::I64Sub); f.set(0);
  f.op(Op::Br, 0);
  f.op(Op::End);
  f.op(Op::End);
  f.get(acc);
  mb.export_function(h, "fact");
  auto mod = engine().compile(mb.encode());
  auto inst = engine().instantiate(mod);
  EXPECT_EQ(inst->call("fact", {eng::Val::I64(10)})[0].i64, 3628800);
  EXPECT_EQ(inst->call("fact", {eng::Val::I64(0)})[0].i64, 1);
  std::string wat = mb.to_wat();
  EXPECT_NE(wat.find("(func $fact (export \"fact\") (param $n i64) (result i64)"), std::string::npos) << wat;
  EXPECT_NE(wat.find("i64.mul"), std::string::npos);
  EXPECT_NE(wat.find("br_if 1"), std::string::npos);
}

// Imports are numbered before definitions even when declared after them; calls, if/else
// with a result, f64 ops, globals, memory and data segments.
TEST(Encoder, ImportsCallsMemoryGlobalsData) {
  ModuleBuilder mb;
  mb.define_memory(1);
  uint32_t g = mb.add_global(WType::I32, true, 7, 0, "counter", "counter");
  mb.add_data(16, "hi!");
  uint32_t half = mb.add_function("half", {{WType::F64}, {WType::F64}});
  {
    Function& f = mb.function(half);
    f.get(0); f.f64(0.5); f.op(Op::F64Mul);
  }
  uint32_t host = mb.import_function("env", "host_twice", {{WType::F64}, {WType::F64}});
  uint32_t main = mb.add_function("main", {{WType::F64, WType::I32}, {WType::F64}});
  {
    Function& f = mb.function(main);
    f.get(1);
    f.block(Op::If, static_cast<int64_t>(WType::F64));
    f.get(0); f.op(Op::Call, half);
    f.op(Op::Else);
    f.get(0); f.op(Op::Call, host);
    f.op(Op::End);
    f.op(Op::GlobalGet, g); f.i32(1); f.op(Op::I32Add); f.op(Op::GlobalSet, g);
    // store a byte read from the data segment at address 100
    f.i32(100); f.i32(17); f.mem(Op::I32Load8U, 0); f.mem(Op::I32Store8, 0);
  }
  mb.export_function(main, "main");
  eng::HostFunction hf;
  hf.name = "host_twice";
  hf.type = {{eng::ValType::F64}, {eng::ValType::F64}};
  hf.fn = [](std::span<const eng::Val> a) { return std::vector<eng::Val>{eng::Val::F64(a[0].f64 * 2)}; };
  auto inst = engine().instantiate(engine().compile(mb.encode()), {hf});
  EXPECT_DOUBLE_EQ(inst->call("main", {eng::Val::F64(3), eng::Val::I32(1)})[0].f64, 1.5);
  EXPECT_DOUBLE_EQ(inst->call("main", {eng::Val::F64(3), eng::Val::I32(0)})[0].f64, 6);
  EXPECT_EQ(inst->global_value("counter"), 9);
  uint8_t b = 0;
  inst->memory_read(100, std::span<uint8_t>(&b, 1));
  EXPECT_EQ(b, 'i');
  std::string wat = mb.to_wat();
  EXPECT_NE(wat.find("(import \"env\" \"host_twice\""), std::string::npos);
  EXPECT_NE(wat.find("(data (i32.const 16) \"hi!\")"), std::string::npos);
}

TEST(Encoder, SimdAndSaturatingOps) {
  ModuleBuilder mb;
  mb.define_memory(1);
  uint32_t h = mb.add_function("dot2", {{}, {WType::F64}});
  Function& f = mb.function(h);
  uint32_t v = f.add_local(WType::V128, "v");
  // memory[0..16) = (1.5, 2.5) set by the host; v = m*m; return lane0 + lane1
  f.i32(0); f.mem(Op::V128Load, 4);
  f.i32(0); f.mem(Op::V128Load, 4);
  f.op(Op::F64x2Mul); f.set(v);
  f.get(v); f.op(Op::F64x2ExtractLane, 0);
  f.get(v); f.op(Op::F64x2ExtractLane, 1);
  f.op(Op::F64Add);
  // saturating truncation does not trap on NaN
  f.f64(std::nan("")); f.op(Op::I64TruncSatF64S); f.op(Op::Drop);
  mb.export_function(h, "dot2");
  auto inst = engine().instantiate(engine().compile(mb.encode()));
  double vals[2] = {1.5, 2.5};
  inst->memory_write(0, std::span<const uint8_t>(reinterpret_cast<uint8_t*>(vals), 16));
  EXPECT_DOUBLE_EQ(inst->call("dot2", {})[0].f64, 1.5 * 1.5 + 2.5 * 2.5);
}

TEST(Encoder, InvalidBodyIsRejectedByEngine) {
  ModuleBuilder mb;
  uint32_t h = mb.add_function("bad", {{}, {WType::I64}});
  mb.function(h).i32(1);  // wrong result type
  try {
    engine().compile(mb.encode());
    FAIL() << "expected a compile error";
  } catch (const eng::WasmError& e) {
    EXPECT_EQ(e.kind(), eng::ErrorKind::Compile);
  }
}
