// Split operations (matrix multiply, box blur) on one thread and on several: natively, and as
// WebAssembly on worker isolates sharing the instance's memory. The results are the same bit for
// bit (and the naive algorithms'), and traps, timeouts and memory limits keep working with threads.
#include <gtest/gtest.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <iterator>
#include <random>
#include <thread>

#include "engine/engine.h"
#include "kernels/kernels.h"
#include "runtime/backend_selector.h"

using namespace ml::runtime;
namespace eng = ml::engine;

namespace {

const std::string kKernelsDir = std::string(ML_BUILD_DIR) + "/kernels";

BackendConfig config(Backend b, bool parallel) {
  BackendConfig c;
  c.kernels_dir = kKernelsDir;
  c.prefer_backend = b;
  c.parallel = parallel;
  return c;
}

Matrix random_matrix(int64_t r, int64_t c, uint32_t seed) {
  std::mt19937 g(seed);
  std::uniform_real_distribution<double> u(-1, 1);
  Matrix m{r, c, {}};
  m.data.resize(size_t(r * c));
  for (auto& x : m.data) x = u(g);
  return m;
}

// The definition: each element summed over k in ascending order from 0.0.
Matrix naive_multiply(const Matrix& a, const Matrix& b) {
  Matrix c{a.rows, b.cols, std::vector<double>(size_t(a.rows * b.cols))};
  for (int64_t i = 0; i < a.rows; ++i)
    for (int64_t j = 0; j < b.cols; ++j) {
      double s = 0.0;
      for (int64_t k = 0; k < a.cols; ++k) s = s + a.data[size_t(i * a.cols + k)] * b.data[size_t(k * b.cols + j)];
      c.data[size_t(i * b.cols + j)] = s;
    }
  return c;
}

// Two rounded passes over clamped windows, written the plain way.
std::vector<uint8_t> naive_blur(const std::vector<uint8_t>& px, int w, int h, int r) {
  auto clampi = [](int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; };
  const unsigned d = unsigned(2 * r + 1);
  std::vector<uint8_t> tmp(px.size()), out(px.size());
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      for (int c = 0; c < 3; ++c) {
        unsigned s = 0;
        for (int k = -r; k <= r; ++k) s += px[size_t((y * w + clampi(x + k, 0, w - 1)) * 3 + c)];
        tmp[size_t((y * w + x) * 3 + c)] = uint8_t((s + d / 2) / d);
      }
  for (int y = 0; y < h; ++y)
    for (int i = 0; i < w * 3; ++i) {
      unsigned s = 0;
      for (int k = -r; k <= r; ++k) s += tmp[size_t(clampi(y + k, 0, h - 1) * w * 3 + i)];
      out[size_t(y * w * 3 + i)] = uint8_t((s + d / 2) / d);
    }
  return out;
}

bool same_bits(const Matrix& a, const Matrix& b) {
  return a.rows == b.rows && a.cols == b.cols &&
         std::memcmp(a.data.data(), b.data.data(), a.data.size() * sizeof(double)) == 0;
}

std::vector<uint8_t> read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

// The kernels module on an engine of `threads` threads.
struct Kernels {
  std::unique_ptr<eng::Engine> engine;
  std::shared_ptr<eng::Module> module;
  std::unique_ptr<eng::Instance> inst;
  explicit Kernels(unsigned threads, uint32_t timeout_ms = 0, uint32_t max_pages = 4096) {
    eng::EngineOptions o;
    o.threads = threads;
    o.timeout_ms = timeout_ms;
    o.memory_pages = 64;
    o.max_memory_pages = max_pages;
    engine = eng::create_engine(o);
    module = engine->compile(read_file(kKernelsDir + "/kernels_simd.wasm"));
    inst = engine->instantiate(module);
  }
};

// Argument lists for a split multiply of a (n x k) by b (k x m) in `kern`'s memory.
struct SplitMultiply {
  uint32_t a, b, c, counter;
  std::vector<uint32_t> scratch;
  int32_t n, k, m, pw;
  SplitMultiply(eng::Instance& inst, const Matrix& A, const Matrix& B, unsigned threads)
      : n(int32_t(A.rows)), k(int32_t(A.cols)), m(int32_t(B.cols)) {
    pw = inst.call("mlk_matrix_multiply_panel_width", {eng::Val::I32(m), eng::Val::I32(k), eng::Val::I32(int32_t(threads))})[0].i32;
    int32_t sd = inst.call("mlk_matrix_multiply_scratch_doubles", {eng::Val::I32(k), eng::Val::I32(pw)})[0].i32;
    uint64_t top = (uint64_t(inst.global_value("__heap_base")) + 15) & ~uint64_t(15);
    auto take = [&](uint64_t bytes) {
      uint64_t at = top;
      top = (top + bytes + 15) & ~uint64_t(15);
      inst.ensure_memory(top);
      return uint32_t(at);
    };
    a = take(A.data.size() * 8), b = take(B.data.size() * 8), c = take(uint64_t(n) * m * 8), counter = take(4);
    for (unsigned t = 0; t < threads; ++t) scratch.push_back(take(uint64_t(sd) * 8));
    inst.memory_write(a, {reinterpret_cast<const uint8_t*>(A.data.data()), A.data.size() * 8});
    inst.memory_write(b, {reinterpret_cast<const uint8_t*>(B.data.data()), B.data.size() * 8});
    reset(inst);
  }
  void reset(eng::Instance& inst) { inst.memory_write(counter, std::vector<uint8_t>(4, 0)); }
  std::vector<eng::Val> list(unsigned t, uint32_t counter_at) const {
    using V = eng::Val;
    return {V::I32(int32_t(a)), V::I32(int32_t(b)), V::I32(int32_t(c)), V::I32(n), V::I32(k), V::I32(m), V::I32(pw),
            V::I32(int32_t(scratch[t])), V::I32(int32_t(counter_at))};
  }
  std::vector<std::vector<eng::Val>> lists() const {
    std::vector<std::vector<eng::Val>> l;
    for (unsigned t = 0; t < scratch.size(); ++t) l.push_back(list(t, counter));
    return l;
  }
  Matrix result(eng::Instance& inst) const {
    Matrix r{n, m, std::vector<double>(size_t(n) * m)};
    inst.memory_read(c, {reinterpret_cast<uint8_t*>(r.data.data()), r.data.size() * 8});
    return r;
  }
};

}  // namespace

TEST(Threads, MatrixMultiplySameOnOneAndManyThreads) {
  BackendSelector native1(config(Backend::Native, false)), nativeN(config(Backend::Native, true));
  BackendSelector wasm1(config(Backend::Wasm, false)), wasmN(config(Backend::Wasm, true));
  ASSERT_EQ(wasmN.backend(), Backend::Wasm) << wasmN.status().reason;
  // (b has more rows than a, and fewer: in WebAssembly the product is written over b's copy)
  for (auto [n, k, m] : {std::tuple{300, 310, 290}, std::tuple{129, 257, 515}, std::tuple{7, 1000, 1001},
                         std::tuple{520, 130, 300}, std::tuple{9, 3, 2}}) {
    Matrix a = random_matrix(n, k, 11), b = random_matrix(k, m, 12);
    Matrix ref = naive_multiply(a, b);
    for (BackendSelector* s : {&native1, &nativeN, &wasm1, &wasmN}) {
      Value r = s->call("matrix_multiply", a, b);
      EXPECT_FALSE(s->last_call_report().fell_back) << s->last_call_report().note;
      EXPECT_TRUE(same_bits(r.matrix_ref(), ref)) << n << "x" << k << "x" << m << " on "
                                                  << to_string(s->last_call_report().backend)
                                                  << (s->config().parallel ? " (parallel)" : "");
    }
  }
}

// The kernel itself, natively: c written over b (b's buffer holding max(n, k) rows), on one
// thread and on three sharing the panel counter.
TEST(Threads, MatrixMultiplyMayWriteItsProductOverB) {
  for (auto [n, k, m] : {std::tuple{70, 300, 530}, std::tuple{300, 70, 530}, std::tuple{5, 5, 1}}) {
    Matrix a = random_matrix(n, k, 21), b = random_matrix(k, m, 22);
    Matrix ref = naive_multiply(a, b);
    for (int threads : {1, 3}) {
      std::vector<double> bc(size_t(std::max(n, k)) * size_t(m));
      std::copy(b.data.begin(), b.data.end(), bc.begin());
      int32_t pw = mlk_matrix_multiply_panel_width(m, k, threads);
      int32_t counter = 0;
      std::vector<std::vector<double>> scratch(size_t(threads),
                                               std::vector<double>(size_t(mlk_matrix_multiply_scratch_doubles(k, pw))));
      std::vector<std::thread> ts;
      for (int t = 0; t < threads; ++t)
        ts.emplace_back([&, t] {
          mlk_matrix_multiply(a.data.data(), bc.data(), bc.data(), n, k, m, pw, scratch[size_t(t)].data(), &counter);
        });
      for (auto& t : ts) t.join();
      bc.resize(size_t(n) * size_t(m));
      EXPECT_TRUE(same_bits(Matrix{n, m, bc}, ref)) << n << "x" << k << "x" << m << " on " << threads;
    }
  }
}

TEST(Threads, BoxBlurSameOnOneAndManyThreads) {
  BackendSelector native1(config(Backend::Native, false)), nativeN(config(Backend::Native, true));
  BackendSelector wasm1(config(Backend::Wasm, false)), wasmN(config(Backend::Wasm, true));
  const int w = 700, h = 500;  // 1 MB: large enough to be split
  std::vector<uint8_t> px(size_t(w * h * 3));
  std::mt19937 g(5);
  for (auto& p : px) p = uint8_t(g());
  for (int r : {0, 1, 2, 3, 4, 7, 40}) {
    Value ref = Value::bytes(naive_blur(px, w, h, r));
    for (BackendSelector* s : {&native1, &nativeN, &wasm1, &wasmN}) {
      Value out = s->call("image_blur", Value::bytes(px), w, h, r);
      EXPECT_FALSE(s->last_call_report().fell_back) << s->last_call_report().note;
      EXPECT_TRUE(out == ref) << "radius " << r << " on " << to_string(s->last_call_report().backend)
                              << (s->config().parallel ? " (parallel)" : "");
    }
  }
}

TEST(Threads, WorkersStartOnSharedMemoryAndShowInDetection) {
  Kernels k(3);
  EXPECT_EQ(k.inst->threads(), 3u);
  Kernels one(1);
  EXPECT_EQ(one.inst->threads(), 1u);
  BackendSelector sel(config(Backend::Wasm, true));
  const DetectionStep* step = nullptr;
  for (auto& s : sel.status().steps)
    if (s.question.find("threads") != std::string::npos) step = &s;
  ASSERT_NE(step, nullptr);
  EXPECT_NE(step->detail.find(std::to_string(parallel_threads(sel.config()))), std::string::npos) << step->detail;
}

TEST(Threads, SplitCallOnWorkersMatchesOneThread) {
  Kernels k(3);
  // b alone is 4.8 MB: the memory grows past its initial 4 MiB after the workers started.
  Matrix a = random_matrix(64, 300, 1), b = random_matrix(300, 2000, 2);
  SplitMultiply mm(*k.inst, a, b, 3);
  k.inst->call_split("mlk_matrix_multiply", mm.lists());
  EXPECT_TRUE(same_bits(mm.result(*k.inst), naive_multiply(a, b)));
  // Reused: a second split call on the same workers.
  mm.reset(*k.inst);
  k.inst->call_split("mlk_matrix_multiply", mm.lists());
  EXPECT_TRUE(same_bits(mm.result(*k.inst), naive_multiply(a, b)));
}

TEST(Threads, TrapInOneWorkerIsReportedAndInstanceStaysUsable) {
  Kernels k(3);
  Matrix a = random_matrix(40, 50, 3), b = random_matrix(50, 60, 4);
  SplitMultiply mm(*k.inst, a, b, 3);
  auto lists = mm.lists();
  lists[2] = mm.list(2, 0xfffffff0u);  // worker 2's counter is outside memory: its first access traps
  try {
    k.inst->call_split("mlk_matrix_multiply", lists);
    FAIL() << "no trap";
  } catch (const eng::WasmError& e) {
    EXPECT_EQ(e.kind(), eng::ErrorKind::Trap) << e.what();
    EXPECT_EQ(e.trap(), eng::TrapKind::OutOfBounds) << e.what();
    EXPECT_NE(std::string(e.what()).find("worker"), std::string::npos) << e.what();
  }
  mm.reset(*k.inst);
  k.inst->call_split("mlk_matrix_multiply", mm.lists());
  EXPECT_TRUE(same_bits(mm.result(*k.inst), naive_multiply(a, b)));
}

TEST(Threads, TimeoutStopsEveryThreadOfALongSplitCall) {
  Kernels k(2, /*timeout_ms=*/30);
  Matrix a = random_matrix(1500, 1500, 5);
  SplitMultiply mm(*k.inst, a, a, 2);
  auto t0 = std::chrono::steady_clock::now();
  try {
    k.inst->call_split("mlk_matrix_multiply", mm.lists());
    FAIL() << "a 1500x1500 multiply finished within 30 ms";
  } catch (const eng::WasmError& e) {
    EXPECT_EQ(e.kind(), eng::ErrorKind::Timeout) << e.what();
  }
  // Stopped, not finished (a whole multiply takes seconds on this path under a sanitizer).
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(20));
  Matrix s = random_matrix(30, 30, 6);
  SplitMultiply small(*k.inst, s, s, 2);
  k.inst->call_split("mlk_matrix_multiply", small.lists());
  EXPECT_TRUE(same_bits(small.result(*k.inst), naive_multiply(s, s)));
}

TEST(Threads, InterruptStopsTheWorkersWhileTheCallerWaits) {
  Kernels k(2);
  // The calling thread's part is empty (its counter already past the last panel), so it returns
  // at once and waits; the worker's part is a whole 2000x2000 multiply (seconds on one thread).
  Matrix big = random_matrix(2000, 2000, 10);
  SplitMultiply mm(*k.inst, big, big, 2);
  int32_t panels = (mm.m + mm.pw - 1) / mm.pw;
  uint64_t top = mm.scratch.back() + 4096 * 1024;
  k.inst->ensure_memory(top + 16);
  uint32_t done_counter = uint32_t(top);
  k.inst->memory_write(done_counter, {reinterpret_cast<const uint8_t*>(&panels), 4});
  std::vector<std::vector<eng::Val>> lists = {mm.list(0, done_counter), mm.list(1, mm.counter)};
  // The interrupt comes once the worker has taken its first panel: a fixed delay could end
  // before the call starts on a loaded machine (then the call is refused, not stopped).
  const int32_t* shared_counter = reinterpret_cast<const int32_t*>(k.inst->memory_data() + mm.counter);
  std::thread stopper([&] {
    auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (__atomic_load_n(shared_counter, __ATOMIC_RELAXED) < 1 && std::chrono::steady_clock::now() < give_up)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    k.engine->interrupt();
  });
  try {
    k.inst->call_split("mlk_matrix_multiply", lists);
    ADD_FAILURE() << "the interrupted split call returned normally";
  } catch (const eng::WasmError& e) {
    // The worker can take its panel before the calling thread enters its own (empty) part; an
    // interrupt landing in that gap refuses the caller's part instead of stopping it. Either way
    // the worker must stop, which is what the counter check below is about.
    EXPECT_TRUE(e.kind() == eng::ErrorKind::Timeout || e.kind() == eng::ErrorKind::Interrupted) << e.what();
    EXPECT_NE(std::string(e.what()).find("interrupted"), std::string::npos) << e.what();
  }
  stopper.join();
  // The worker stopped part way: the shared counter did not run past the last panel.
  int32_t taken = 0;
  k.inst->memory_read(mm.counter, {reinterpret_cast<uint8_t*>(&taken), 4});
  EXPECT_LE(taken, panels);
  // The interrupt was consumed by that call: the next one runs, on both threads.
  Matrix s = random_matrix(40, 30, 11), t = random_matrix(30, 50, 12);
  SplitMultiply small(*k.inst, s, t, 2);
  k.inst->call_split("mlk_matrix_multiply", small.lists());
  EXPECT_TRUE(same_bits(small.result(*k.inst), naive_multiply(s, t)));
}

TEST(Threads, MemoryLimitWithWorkers) {
  Kernels k(2, 0, /*max_pages=*/80);
  ASSERT_EQ(k.inst->threads(), 2u);
  try {
    k.inst->ensure_memory(uint64_t(81) * eng::kPageSize);
    FAIL();
  } catch (const eng::WasmError& e) {
    EXPECT_EQ(e.kind(), eng::ErrorKind::Memory);
  }
  // Through the selector with parallel on: a product that does not fit is a clear MemoryError.
  BackendConfig c = config(Backend::Wasm, true);
  c.memory_pages = 40;
  BackendSelector sel(c);
  ASSERT_EQ(sel.backend(), Backend::Wasm) << sel.status().reason;
  Matrix a = random_matrix(600, 600, 7);
  try {
    sel.call("matrix_multiply", a, a);
    FAIL();
  } catch (const eng::WasmError& e) {
    EXPECT_EQ(e.kind(), eng::ErrorKind::Memory);
    EXPECT_NE(std::string(e.what()).find("raise memory_pages"), std::string::npos) << e.what();
  }
  // Products that fit still run, split.
  Matrix b = random_matrix(150, 160, 8), d = random_matrix(160, 170, 9);
  Value r = sel.call("matrix_multiply", b, d);
  EXPECT_TRUE(same_bits(r.matrix_ref(), naive_multiply(b, d)));
}

// The user's limit (the configuration's timeout_ms) on a product split across the workers: the
// call ends with the timeout, not a native rerun, and the next split product is right.
TEST(Threads, ConfiguredTimeoutStopsAParallelMultiply) {
  BackendConfig c = config(Backend::Wasm, true);
  c.timeout_ms = 30;
  c.memory_pages = 2048;  // room for two 1500x1500 matrices
  BackendSelector sel(c);
  ASSERT_EQ(sel.backend(), Backend::Wasm) << sel.status().reason;
  Matrix big = random_matrix(1500, 1500, 13);
  try {
    sel.call("matrix_multiply", big, big);
    FAIL() << "a 1500x1500 multiply finished within 30 ms";
  } catch (const eng::WasmError& e) {
    EXPECT_EQ(e.kind(), eng::ErrorKind::Timeout) << e.what();
  }
  EXPECT_EQ(sel.last_call_report().backend, Backend::Wasm);
  EXPECT_FALSE(sel.last_call_report().fell_back);
  Matrix a = random_matrix(150, 160, 14), b = random_matrix(160, 170, 15);
  Value r = sel.call("matrix_multiply", a, b);
  EXPECT_FALSE(sel.last_call_report().fell_back) << sel.last_call_report().note;
  EXPECT_TRUE(same_bits(r.matrix_ref(), naive_multiply(a, b)));
}

// Every operation of the seed's table, not only the split ones: on one thread and on several,
// natively and in WebAssembly, the same value (the ones that do not split must not be disturbed
// by the workers being there: json_parse/json_stats, Fibonacci, Monte Carlo, XOR, Gaussian blur).
TEST(Threads, EverySeedOperationSameOnOneAndManyThreads) {
  BackendSelector native1(config(Backend::Native, false)), nativeN(config(Backend::Native, true));
  BackendSelector wasm1(config(Backend::Wasm, false)), wasmN(config(Backend::Wasm, true));
  ASSERT_EQ(wasmN.backend(), Backend::Wasm) << wasmN.status().reason;
  std::string doc = "[";
  for (int i = 0; i < 3000; ++i)
    doc += (i ? "," : "") + std::string("{\"id\":") + std::to_string(i) + ",\"s\":\"x\\ny" + std::to_string(i % 7) +
           "\",\"f\":" + std::to_string(i % 97) + ".25,\"t\":[true,null]}";
  doc += "]";
  // The image is over the 1 MiB from which image_blur splits its bands across the threads.
  std::vector<uint8_t> px(size_t(800 * 480 * 3)), data(size_t(1) << 20);
  std::mt19937 g(9);
  for (auto& p : px) p = uint8_t(g());
  for (auto& d : data) d = uint8_t(g());
  Matrix a = random_matrix(260, 270, 31), b = random_matrix(270, 250, 32);
  struct Case {
    const char* op;
    std::vector<Value> args;
  };
  std::vector<Case> cases = {
      {"matrix_multiply", {Value::matrix(a), Value::matrix(b)}},
      {"image_blur", {Value::bytes(px), Value::integer(800), Value::integer(480), Value::integer(3)}},
      {"image_blur", {Value::bytes(px), Value::integer(800), Value::integer(480), Value::integer(1)}},
      {"image_blur", {Value::bytes(px), Value::integer(800), Value::integer(480), Value::integer(0)}},
      {"image_gaussian_blur", {Value::bytes(px), Value::integer(800), Value::integer(480)}},
      {"json_parse", {Value::str(doc)}},
      {"json_stats", {Value::str(doc)}},
      {"numeric_fibonacci_recursive", {Value::integer(25)}},
      {"numeric_monte_carlo_pi", {Value::integer(100003)}},
      {"crypto_xor_cipher", {Value::bytes(data), Value::str("key")}},
  };
  for (const Case& c : cases) {
    Value ref = native1.call_function(c.op, c.args);
    for (BackendSelector* s : {&nativeN, &wasm1, &wasmN}) {
      Value r = s->call_function(c.op, c.args);
      EXPECT_FALSE(s->last_call_report().fell_back) << c.op << ": " << s->last_call_report().note;
      EXPECT_TRUE(r == ref) << c.op << " on " << to_string(s->last_call_report().backend)
                            << (s->config().parallel ? " (parallel)" : "");
    }
  }
}

// Native split calls run on helper threads kept for the process; callers on several threads at
// once share them (a caller runs its own tasks no helper has taken), and every caller still gets
// the one-thread result.
TEST(Threads, NativeSplitCallsFromSeveralThreadsAtOnce) {
  BackendSelector native1(config(Backend::Native, false));
  Matrix a = random_matrix(180, 170, 41), b = random_matrix(170, 190, 42);  // large enough to be split
  std::vector<uint8_t> px(size_t(700 * 520 * 3));
  std::mt19937 g(6);
  for (auto& p : px) p = uint8_t(g());
  Value ref_m = native1.call("matrix_multiply", a, b);
  Value ref_b = native1.call("image_blur", Value::bytes(px), 700, 520, 2);
  std::vector<int> wrong(4, 0);
  std::vector<std::thread> callers;
  for (int c = 0; c < 4; ++c)
    callers.emplace_back([&, c] {
      BackendSelector s(config(Backend::Native, true));
      for (int round = 0; round < 6; ++round) {
        if (!(s.call("matrix_multiply", a, b) == ref_m)) ++wrong[size_t(c)];
        if (!(s.call("image_blur", Value::bytes(px), 700, 520, 2) == ref_b)) ++wrong[size_t(c)];
      }
    });
  for (auto& t : callers) t.join();
  for (int c = 0; c < 4; ++c) EXPECT_EQ(wrong[size_t(c)], 0) << "caller " << c;
}

// Buffers of 8 MB and more are copied into and out of linear memory by several threads when
// `parallel` is on: the bytes arrive whole (odd sizes, so the parts are uneven).
TEST(Threads, LargeCopiesIntoWebAssemblySplitAcrossThreads) {
  BackendSelector native1(config(Backend::Native, false)), wasmN(config(Backend::Wasm, true));
  ASSERT_EQ(wasmN.backend(), Backend::Wasm) << wasmN.status().reason;
  std::mt19937 g(7);
  std::vector<uint8_t> data((size_t(19) << 20) + 12345);
  for (auto& d : data) d = uint8_t(g());
  Value x1 = native1.call("crypto_xor_cipher", Value::bytes(data), Value::str("a key of 17 bytes"));
  Value xn = wasmN.call("crypto_xor_cipher", Value::bytes(data), Value::str("a key of 17 bytes"));
  EXPECT_FALSE(wasmN.last_call_report().fell_back) << wasmN.last_call_report().note;
  EXPECT_TRUE(x1 == xn);
  const int w = 1931, h = 1601;  // 9.3 MB
  std::vector<uint8_t> px(size_t(w) * h * 3);
  for (auto& p : px) p = uint8_t(g());
  EXPECT_TRUE(native1.call("image_blur", Value::bytes(px), w, h, 1) == wasmN.call("image_blur", Value::bytes(px), w, h, 1));
  EXPECT_TRUE(Value::bytes(naive_blur(px, w, h, 1)) == wasmN.call("image_blur", Value::bytes(px), w, h, 1));
}
