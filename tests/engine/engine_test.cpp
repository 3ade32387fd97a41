// The V8 engine behind the Engine interface: calls, signatures, traps, timeout, memory limits,
// corrupt modules, host imports, the module cache.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <cmath>
#include <fstream>
#include <iterator>

#include "engine/engine.h"

using namespace ml::engine;

namespace {

std::vector<uint8_t> read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(f), {});
}

const std::vector<uint8_t>& test_module() {
  static std::vector<uint8_t> bytes = read_file(std::string(ML_BUILD_DIR) + "/kernels/engine_test.wasm");
  return bytes;
}

std::vector<HostFunction> host_imports() {
  HostFunction add;
  add.name = "host_add";
  add.type = {{ValType::I32, ValType::I32}, {ValType::I32}};
  add.fn = [](std::span<const Val> a) { return std::vector<Val>{Val::I32(a[0].i32 + a[1].i32)}; };
  return {add};
}

struct Fixture {
  std::unique_ptr<Engine> engine;
  std::unique_ptr<Instance> inst;
  explicit Fixture(EngineOptions o = {}) {
    engine = create_engine(o);
    auto m = engine->compile(test_module());
    inst = engine->instantiate(m, host_imports());
  }
};

WasmError expect_error(const std::function<void()>& f) {
  try {
    f();
  } catch (const WasmError& e) {
    return e;
  }
  ADD_FAILURE() << "expected a WasmError";
  return WasmError(ErrorKind::Host, "none");
}

}  // namespace

TEST(Engine, Available) {
  std::string reason;
  EXPECT_TRUE(engine_available(&reason)) << reason;
  EXPECT_NE(engine_version().find("10.2"), std::string::npos);
  ASSERT_FALSE(test_module().empty()) << "engine_test.wasm not built";
}

TEST(Engine, CallsAllValueTypes) {
  Fixture f;
  EXPECT_EQ(f.inst->call("add", {Val::I32(2), Val::I32(40)})[0].i32, 42);
  EXPECT_EQ(f.inst->call("add", {Val::I32(INT32_MAX), Val::I32(1)})[0].i32, INT32_MIN);
  EXPECT_EQ(f.inst->call("add64", {Val::I64(INT64_MAX - 1), Val::I64(1)})[0].i64, INT64_MAX);
  EXPECT_EQ(f.inst->call("add64", {Val::I64(-5000000000LL), Val::I64(1)})[0].i64, -4999999999LL);
  EXPECT_FLOAT_EQ(f.inst->call("mulf", {Val::F32(1.5f), Val::F32(4.0f)})[0].f32, 6.0f);
  EXPECT_DOUBLE_EQ(f.inst->call("divd", {Val::F64(1.0), Val::F64(4.0)})[0].f64, 0.25);
  EXPECT_TRUE(std::isinf(f.inst->call("divd", {Val::F64(1.0), Val::F64(0.0)})[0].f64));
}

TEST(Engine, ModuleInfoListsSignatures) {
  ModuleInfo info = parse_module_info(test_module());
  const ExportInfo* e = info.find_export("add64");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(to_string(e->type), "(i64, i64) -> i64");
  bool imports_memory = false;
  for (auto& im : info.imports) imports_memory |= im.kind == ExportInfo::Memory && im.name == "memory";
  EXPECT_TRUE(imports_memory);
}

TEST(Engine, MissingExportAndWrongSignature) {
  Fixture f;
  auto e1 = expect_error([&] { f.inst->call("nope", {}); });
  EXPECT_EQ(e1.kind(), ErrorKind::MissingExport);
  EXPECT_NE(std::string(e1.what()).find("nope"), std::string::npos);
  auto e2 = expect_error([&] { f.inst->call("add", {Val::I32(1)}); });
  EXPECT_EQ(e2.kind(), ErrorKind::Signature);
  EXPECT_NE(std::string(e2.what()).find("(i32, i32) -> i32"), std::string::npos);
  auto e3 = expect_error([&] { f.inst->call("add", {Val::I32(1), Val::F64(2)}); });
  EXPECT_EQ(e3.kind(), ErrorKind::Signature);
}

TEST(Engine, TrapsAreTypedAndEngineStaysUsable) {
  Fixture f;
  auto e = expect_error([&] { f.inst->call("boom", {}); });
  EXPECT_EQ(e.kind(), ErrorKind::Trap);
  EXPECT_EQ(e.trap(), TrapKind::Unreachable);
  e = expect_error([&] { f.inst->call("idiv", {Val::I32(1), Val::I32(0)}); });
  EXPECT_EQ(e.trap(), TrapKind::DivByZero);
  e = expect_error([&] { f.inst->call("idiv", {Val::I32(INT32_MIN), Val::I32(-1)}); });
  EXPECT_EQ(e.trap(), TrapKind::IntegerOverflow);
  e = expect_error([&] { f.inst->call("load_at", {Val::I32(int32_t(0xfffffff0u))}); });
  EXPECT_EQ(e.trap(), TrapKind::OutOfBounds);
  e = expect_error([&] { f.inst->call("deep", {Val::I32(0)}); });
  EXPECT_EQ(e.trap(), TrapKind::StackOverflow);
  EXPECT_NE(std::string(e.what()).find("stack"), std::string::npos);
  e = expect_error([&] { f.inst->call("deep_mem", {Val::I32(0)}); });
  EXPECT_EQ(e.kind(), ErrorKind::Trap);  // the C stack (in linear memory) underflows first
  EXPECT_EQ(f.inst->call("add", {Val::I32(1), Val::I32(2)})[0].i32, 3);
}

TEST(Engine, TimeoutInterruptsEndlessLoop) {
  EngineOptions o;
  o.timeout_ms = 100;
  Fixture f(o);
  auto t0 = std::chrono::steady_clock::now();
  auto e = expect_error([&] { f.inst->call("spin", {}); });
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(e.kind(), ErrorKind::Timeout);
  EXPECT_NE(std::string(e.what()).find("timeout_ms"), std::string::npos);
  EXPECT_LT(ms, 60000);  // it ended (not a timing assertion on the watchdog's precision)
  // usable afterwards, twice (the termination was cancelled)
  EXPECT_EQ(f.inst->call("add", {Val::I32(1), Val::I32(2)})[0].i32, 3);
  e = expect_error([&] { f.inst->call("spin", {}); });
  EXPECT_EQ(e.kind(), ErrorKind::Timeout);
  EXPECT_EQ(f.inst->call("add", {Val::I32(5), Val::I32(2)})[0].i32, 7);
}

TEST(Engine, MemoryLimitFromOptions) {
  EngineOptions o;
  o.memory_pages = 4;
  o.max_memory_pages = 8;
  Fixture f(o);
  ASSERT_TRUE(f.inst->has_memory());
  EXPECT_EQ(f.inst->memory_size(), 4 * kPageSize);
  EXPECT_EQ(f.inst->memory_max_pages(), 8u);
  // the module growing its own memory past the maximum gets -1 (WebAssembly semantics)
  EXPECT_EQ(f.inst->call("grow", {Val::I32(100)})[0].i32, -1);
  EXPECT_EQ(f.inst->call("grow", {Val::I32(2)})[0].i32, 4);
  EXPECT_EQ(f.inst->memory_size(), 6 * kPageSize);  // the host sees the module's growth
  // the host growing past the maximum is a Memory error explaining how to raise it
  auto e = expect_error([&] { f.inst->ensure_memory(100 * kPageSize); });
  EXPECT_EQ(e.kind(), ErrorKind::Memory);
  std::string msg = e.what();
  EXPECT_NE(msg.find("6553600 bytes"), std::string::npos) << msg;
  EXPECT_NE(msg.find("memory_pages = 8"), std::string::npos) << msg;
  EXPECT_NE(msg.find("raise memory_pages"), std::string::npos) << msg;
  f.inst->ensure_memory(8 * kPageSize);
  EXPECT_EQ(f.inst->memory_size(), 8 * kPageSize);
  e = expect_error([&] { f.inst->memory_grow(1); });
  EXPECT_EQ(e.kind(), ErrorKind::Memory);
}

TEST(Engine, HostMemoryAccess) {
  Fixture f;
  std::vector<uint8_t> data = {1, 2, 3, 250};
  uint32_t at = uint32_t(f.inst->global_value("__heap_base"));
  f.inst->memory_write(at, data);
  EXPECT_EQ(f.inst->call("sum_bytes", {Val::I32(int32_t(at)), Val::I32(4)})[0].i32, 256);
  f.inst->call("store_at", {Val::I32(int32_t(at)), Val::I32(0x01020304)});
  std::vector<uint8_t> back(4);
  f.inst->memory_read(at, back);
  EXPECT_EQ(back, (std::vector<uint8_t>{4, 3, 2, 1}));
  auto e = expect_error([&] { f.inst->memory_read(f.inst->memory_size() - 2, back); });
  EXPECT_EQ(e.kind(), ErrorKind::Memory);
}

TEST(Engine, HostImports) {
  Fixture f;
  EXPECT_EQ(f.inst->call("call_host", {Val::I32(3), Val::I32(4)})[0].i32, 14);
  // missing import, wrong import type, throwing import
  auto eng = create_engine();
  auto m = eng->compile(test_module());
  auto e = expect_error([&] { eng->instantiate(m, {}); });
  EXPECT_EQ(e.kind(), ErrorKind::Link);
  EXPECT_NE(std::string(e.what()).find("env.host_add"), std::string::npos);
  auto bad = host_imports();
  bad[0].type.params.pop_back();
  e = expect_error([&] { eng->instantiate(m, bad); });
  EXPECT_EQ(e.kind(), ErrorKind::Link);
  auto throwing = host_imports();
  throwing[0].fn = [](std::span<const Val>) -> std::vector<Val> { throw std::runtime_error("nope!"); };
  auto inst = eng->instantiate(m, throwing);
  e = expect_error([&] { inst->call("call_host", {Val::I32(1), Val::I32(1)}); });
  EXPECT_EQ(e.kind(), ErrorKind::Host);
  EXPECT_NE(std::string(e.what()).find("nope!"), std::string::npos);
}

TEST(Engine, CorruptAndTruncatedModules) {
  auto eng = create_engine();
  const auto& good = test_module();
  auto e = expect_error([&] { eng->compile(std::vector<uint8_t>{}); });
  EXPECT_EQ(e.kind(), ErrorKind::Compile);
  e = expect_error([&] { eng->compile(std::vector<uint8_t>{'h', 'e', 'l', 'l', 'o', '!', '!', '!'}); });
  EXPECT_EQ(e.kind(), ErrorKind::Compile);
  EXPECT_NE(std::string(e.what()).find("magic"), std::string::npos);
  // every truncation point and a sample of single-byte corruptions: an error or a valid module,
  // never a crash
  for (size_t cut = 0; cut < good.size(); cut += std::max<size_t>(1, good.size() / 97)) {
    std::vector<uint8_t> t(good.begin(), good.begin() + cut);
    try {
      auto m = eng->compile(t);
      // only a cut between sections is still a module: one that drops trailing custom sections
      // keeps the exports; one before the export section (the bare header) has none
      EXPECT_TRUE(m->info().exports.empty() || m->info().find_export("add")) << "cut at " << cut;
    } catch (const WasmError& err) {
      EXPECT_EQ(err.kind(), ErrorKind::Compile) << "cut at " << cut;
    }
  }
  for (size_t i = 8; i < good.size(); i += std::max<size_t>(1, good.size() / 61)) {
    std::vector<uint8_t> c = good;
    c[i] ^= 0xff;
    try {
      auto m = eng->compile(c);
      (void)m;
    } catch (const WasmError& err) {
      EXPECT_EQ(err.kind(), ErrorKind::Compile);
    }
  }
}

TEST(Engine, ModuleCacheHit) {
  // an empty disk cache: code serialized by earlier runs would make the first load a hit
  std::string dir = std::string(ML_BUILD_DIR) + "/test-scratch/module_cache_hit";
  std::filesystem::remove_all(dir);
  setenv("MULTILINGUAL_CACHE_DIR", dir.c_str(), 1);
  clear_module_cache();
  auto eng = create_engine();
  auto m1 = eng->compile(test_module());
  EXPECT_FALSE(m1->from_cache());
  auto m2 = eng->compile(test_module());
  EXPECT_TRUE(m2->from_cache());
  EXPECT_EQ(eng->cache_stats().hits, 1u);
  EXPECT_EQ(eng->cache_stats().misses, 1u);
  // another engine (another isolate) shares the compiled code
  auto eng2 = create_engine();
  auto m3 = eng2->compile(test_module());
  EXPECT_TRUE(m3->from_cache());
  auto inst = eng2->instantiate(m3, host_imports());
  EXPECT_EQ(inst->call("add", {Val::I32(20), Val::I32(22)})[0].i32, 42);
  // cache off: always compiles
  EngineOptions o;
  o.cache = false;
  auto eng3 = create_engine(o);
  EXPECT_FALSE(eng3->compile(test_module())->from_cache());
  EXPECT_FALSE(eng3->compile(test_module())->from_cache());
  unsetenv("MULTILINGUAL_CACHE_DIR");
}

TEST(Engine, BaselineTierAndNoSimd) {
  EngineOptions o;
  o.optimizing_tier = false;
  o.simd = false;
  Fixture f(o);
  EXPECT_EQ(f.inst->call("add", {Val::I32(2), Val::I32(3)})[0].i32, 5);
  // the SIMD kernels do not compile with SIMD off: a Compile error, not a crash
  auto simd = read_file(std::string(ML_BUILD_DIR) + "/kernels/kernels_simd.wasm");
  ASSERT_FALSE(simd.empty());
  auto e = expect_error([&] { f.engine->compile(simd); });
  EXPECT_EQ(e.kind(), ErrorKind::Compile);
}
