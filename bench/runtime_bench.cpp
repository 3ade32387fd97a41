// WASM runtime benchmarks (issue 3): call overhead, marshalling, module load cold vs cached,
// first-call latency, and each seed operation native vs WASM at the seed's sizes.
//   ml_rt_bench --benchmark_filter=Op/   (ops only)
#include <benchmark/benchmark.h>

#include <fstream>
#include <iterator>
#include <random>

#include "runtime/backend_selector.h"

using namespace ml::runtime;

namespace {

// parallel = false: split operations on the calling thread only (the `_1thread` cases).
BackendSelector& selector(Backend b, bool parallel = BackendConfig{}.parallel) {
  static BackendSelector* sels[3][2] = {};
  int i = int(b);
  BackendSelector*& sel = sels[i][parallel];
  if (!sel) {
    BackendConfig c;
    c.prefer_backend = b;
    c.parallel = parallel;
    c.memory_pages = 8192;  // 512 MiB: room for the 4K image and the 10 MB JSON document
    sel = new BackendSelector(c);
    sel->preload();
  }
  return *sel;
}

std::vector<uint8_t> kernel_bytes() {
  BackendConfig c;
  for (auto& d : kernel_search_path(c)) {
    std::ifstream f(d / kernel_module_name(c), std::ios::binary);
    if (f) return std::vector<uint8_t>(std::istreambuf_iterator<char>(f), {});
  }
  return {};
}

Value matrix(int n, double v) { return Value::matrix(Matrix{n, n, std::vector<double>(size_t(n) * n, v)}); }

std::string json_doc(size_t bytes) {
  std::string s = "[";
  std::mt19937 g(1);
  for (int i = 0; s.size() < bytes; ++i) {
    if (i) s += ',';
    s += "{\"id\":" + std::to_string(i) + ",\"name\":\"item " + std::to_string(g() % 100000) +
         "\",\"price\":" + std::to_string(g() % 10000) + "." + std::to_string(g() % 100) +
         ",\"tags\":[\"a\",\"b\\n\"],\"ok\":true,\"none\":null}";
  }
  return s + "]";
}

void run_op(benchmark::State& st, Backend b, const char* name, const std::vector<Value>& args,
            bool parallel = BackendConfig{}.parallel) {
  BackendSelector& sel = selector(b, parallel);
  if (b == Backend::Wasm && !sel.is_wasm_available()) {
    st.SkipWithError(sel.status().reason.c_str());
    return;
  }
  for (auto _ : st) {
    Value r = sel.call_function(name, args);
    benchmark::DoNotOptimize(r);
  }
  if (sel.last_call_report().fell_back) st.SkipWithError(sel.last_call_report().note.c_str());
}

#define ML_OP_BENCH(label, name, ...)                                                                          \
  static void BM_Op_##label##_native(benchmark::State& st) { run_op(st, Backend::Native, name, __VA_ARGS__); } \
  static void BM_Op_##label##_wasm(benchmark::State& st) { run_op(st, Backend::Wasm, name, __VA_ARGS__); }     \
  BENCHMARK(BM_Op_##label##_native)->Unit(benchmark::kMillisecond);                                           \
  BENCHMARK(BM_Op_##label##_wasm)->Unit(benchmark::kMillisecond);
// Split operations on every thread and on one (`parallel` must never be slower than one thread),
// timed by the wall clock (the CPU time of the calling thread misses the helpers' work).
#define ML_SPLIT_OP_BENCH(label, name, ...)                                                                    \
  static void BM_Op_##label##_native(benchmark::State& st) { run_op(st, Backend::Native, name, __VA_ARGS__); } \
  static void BM_Op_##label##_wasm(benchmark::State& st) { run_op(st, Backend::Wasm, name, __VA_ARGS__); }     \
  static void BM_Op_##label##_native_1thread(benchmark::State& st) {                                          \
    run_op(st, Backend::Native, name, __VA_ARGS__, false);                                                     \
  }                                                                                                            \
  static void BM_Op_##label##_wasm_1thread(benchmark::State& st) {                                            \
    run_op(st, Backend::Wasm, name, __VA_ARGS__, false);                                                       \
  }                                                                                                            \
  BENCHMARK(BM_Op_##label##_native)->Unit(benchmark::kMillisecond)->UseRealTime();                            \
  BENCHMARK(BM_Op_##label##_native_1thread)->Unit(benchmark::kMillisecond)->UseRealTime();                    \
  BENCHMARK(BM_Op_##label##_wasm)->Unit(benchmark::kMillisecond)->UseRealTime();                              \
  BENCHMARK(BM_Op_##label##_wasm_1thread)->Unit(benchmark::kMillisecond)->UseRealTime();

const std::vector<Value>& args_matmul100() {
  static std::vector<Value> a = {matrix(100, 1), matrix(100, 2)};
  return a;
}
const std::vector<Value>& args_matmul1000() {
  static std::vector<Value> a = {matrix(1000, 1), matrix(1000, 2)};
  return a;
}
const std::vector<Value>& args_xor() {
  static std::vector<Value> a = {Value::bytes(std::vector<uint8_t>(1 << 20, 0x5a)), Value::str("secret key")};
  return a;
}
const std::vector<Value>& args_json() {
  static std::vector<Value> a = {Value::str(json_doc(10 << 20))};
  return a;
}
const std::vector<Value>& args_blur() {
  static std::vector<Value> a = [] {
    std::vector<uint8_t> px(size_t(3840) * 2160 * 3);
    std::mt19937 g(2);
    for (auto& x : px) x = uint8_t(g());
    return std::vector<Value>{Value::bytes(std::move(px)), Value::integer(3840), Value::integer(2160)};
  }();
  return a;
}

}  // namespace

ML_OP_BENCH(fib30, "fibonacci_recursive", {Value::integer(30)})
ML_SPLIT_OP_BENCH(matmul100, "matrix_multiply", args_matmul100())
ML_SPLIT_OP_BENCH(matmul1000, "matrix_multiply", args_matmul1000())
ML_OP_BENCH(xor1MB, "xor_cipher", args_xor())
ML_OP_BENCH(json10MB, "json_stats", args_json())
ML_OP_BENCH(blur4K, "gaussian_blur", args_blur())
ML_SPLIT_OP_BENCH(boxblur4K, "image_blur", args_blur())
ML_OP_BENCH(montecarlo1M, "monte_carlo_pi", {Value::integer(1000000)})

// Host -> WASM call overhead: the smallest kernel through the engine, and through the selector.
static void BM_CallOverhead_engine(benchmark::State& st) {
  auto eng = ml::engine::create_engine();
  auto inst = eng->instantiate(eng->compile(kernel_bytes()));
  ml::engine::Val args[2] = {ml::engine::Val::I64(12), ml::engine::Val::I64(18)};
  for (auto _ : st) benchmark::DoNotOptimize(inst->call("mlk_gcd", args));
}
BENCHMARK(BM_CallOverhead_engine)->Unit(benchmark::kMicrosecond);
static void BM_CallOverhead_selector(benchmark::State& st) { run_op(st, Backend::Wasm, "gcd", {Value::integer(12), Value::integer(18)}); }
BENCHMARK(BM_CallOverhead_selector)->Unit(benchmark::kMicrosecond);

// Marshalling a 1000x1000 matrix (8 MB) into linear memory and back.
static void BM_Marshal_matrix1000(benchmark::State& st) {
  BackendSelector& sel = selector(Backend::Wasm);
  (void)sel;
  ml::engine::EngineOptions o;
  o.memory_pages = 512;
  auto eng = ml::engine::create_engine(o);
  auto inst = eng->instantiate(eng->compile(kernel_bytes()));
  std::vector<uint8_t> m(1000 * 1000 * 8, 1), back(m.size());
  uint64_t at = uint64_t(inst->global_value("__heap_base"));
  inst->ensure_memory(at + m.size());
  for (auto _ : st) {
    inst->memory_write(at, m);
    inst->memory_read(at, back);
    benchmark::DoNotOptimize(back.data());
  }
  st.SetBytesProcessed(int64_t(st.iterations()) * int64_t(m.size()) * 2);
}
BENCHMARK(BM_Marshal_matrix1000)->Unit(benchmark::kMillisecond);

// Module load: compile + instantiate, cold (cache cleared) and cached (second load).
static void BM_ModuleLoad_cold(benchmark::State& st) {
  auto bytes = kernel_bytes();
  auto eng = ml::engine::create_engine();
  for (auto _ : st) {
    ml::engine::clear_module_cache();
    ml::engine::EngineOptions o;
    o.cache = false;
    auto e2 = ml::engine::create_engine(o);
    auto inst = e2->instantiate(e2->compile(bytes));
    benchmark::DoNotOptimize(inst.get());
  }
}
BENCHMARK(BM_ModuleLoad_cold)->Unit(benchmark::kMillisecond);
static void BM_ModuleLoad_cached(benchmark::State& st) {
  auto bytes = kernel_bytes();
  auto eng = ml::engine::create_engine();
  eng->instantiate(eng->compile(bytes));
  for (auto _ : st) {
    auto inst = eng->instantiate(eng->compile(bytes));
    benchmark::DoNotOptimize(inst.get());
  }
}
BENCHMARK(BM_ModuleLoad_cached)->Unit(benchmark::kMillisecond);
static void BM_ModuleLoad_cached_new_engine(benchmark::State& st) {
  auto bytes = kernel_bytes();
  auto eng = ml::engine::create_engine();
  eng->compile(bytes);
  for (auto _ : st) {
    auto e2 = ml::engine::create_engine();
    auto inst = e2->instantiate(e2->compile(bytes));
    benchmark::DoNotOptimize(inst.get());
  }
}
BENCHMARK(BM_ModuleLoad_cached_new_engine)->Unit(benchmark::kMillisecond);

// First-call latency: a new selector (detection + load) and its first call, cold and cached.
static void BM_FirstCall_cold(benchmark::State& st) {
  for (auto _ : st) {
    ml::engine::clear_module_cache();
    BackendSelector sel;
    benchmark::DoNotOptimize(sel.call("fibonacci", 1));
  }
}
BENCHMARK(BM_FirstCall_cold)->Unit(benchmark::kMillisecond);
static void BM_FirstCall_cached(benchmark::State& st) {
  { BackendSelector warm; }
  for (auto _ : st) {
    BackendSelector sel;
    benchmark::DoNotOptimize(sel.call("fibonacci", 1));
  }
}
BENCHMARK(BM_FirstCall_cached)->Unit(benchmark::kMillisecond);
