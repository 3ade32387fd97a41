// BackendSelector: every detection-flow branch, forced backends, trap and memory fallback,
// timeout, cache, name resolution, stats; configuration sources and precedence; CLI commands.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "runtime/backend_selector.h"
#include "runtime/cli_commands.h"

using namespace ml::runtime;
namespace fs = std::filesystem;

namespace {

const std::string kKernelsDir = std::string(ML_BUILD_DIR) + "/kernels";

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("ml_rt_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter()++));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  static int& counter() {
    static int c = 0;
    return c;
  }
  fs::path write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return path / name;
  }
};

BackendConfig with_dir(const std::string& dir, Backend b = Backend::Auto) {
  BackendConfig c;
  c.kernels_dir = dir;
  c.prefer_backend = b;
  return c;
}

const DetectionStep* find_step(const BackendStatus& s, std::string_view q) {
  for (auto& st : s.steps)
    if (st.question.find(q) != std::string::npos) return &st;
  return nullptr;
}

}  // namespace

TEST(Selector, AutoPicksWasmWhenEverythingPasses) {
  BackendSelector sel(with_dir(kKernelsDir));
  EXPECT_TRUE(sel.is_wasm_available());
  EXPECT_EQ(sel.backend(), Backend::Wasm);
  EXPECT_EQ(sel.status().requested, Backend::Auto);
  ASSERT_EQ(sel.status().steps.size(), 6u);
  for (auto& s : sel.status().steps) EXPECT_TRUE(s.ok) << s.question << ": " << s.detail;
  const auto* digest = find_step(sel.status(), "digest");
  ASSERT_NE(digest, nullptr);
  EXPECT_NE(digest->detail.find("as recorded in kernels_simd.wasm.sha256"), std::string::npos) << digest->detail;
  EXPECT_NE(sel.status().module_path.find("kernels_simd.wasm"), std::string::npos);
  EXPECT_EQ(sel.call("fibonacci", 30), Value::integer(832040));
  EXPECT_EQ(sel.last_call_report().backend, Backend::Wasm);
  EXPECT_EQ(sel.last_call_report().function, "numeric_fibonacci");
}

// A module that differs from the digest recorded next to it is not loaded.
TEST(Selector, ModuleNotMatchingItsDigestFallsBack) {
  TempDir d;
  std::ifstream in(kKernelsDir + "/kernels_simd.wasm", std::ios::binary);
  d.write("kernels_simd.wasm", std::string(std::istreambuf_iterator<char>(in), {}));
  d.write("kernels_simd.wasm.sha256", std::string(64, '0') + "\n");
  BackendSelector sel(with_dir(d.path.string()));
  EXPECT_EQ(sel.backend(), Backend::Native);
  EXPECT_NE(sel.status().reason.find("does not match the SHA-256"), std::string::npos) << sel.status().reason;
  const auto* digest = find_step(sel.status(), "digest");
  ASSERT_NE(digest, nullptr);
  EXPECT_FALSE(digest->ok);
  EXPECT_EQ(sel.call("fibonacci", 30), Value::integer(832040));
}

TEST(Selector, MissingModuleFallsBackToNative) {
  TempDir empty;
  BackendSelector sel(with_dir(empty.path.string()));
  EXPECT_EQ(sel.backend(), Backend::Native);
  const DetectionStep* s = find_step(sel.status(), "module file");
  ASSERT_NE(s, nullptr);
  EXPECT_FALSE(s->ok);
  EXPECT_NE(s->detail.find("kernels_simd.wasm not found"), std::string::npos) << s->detail;
  EXPECT_NE(s->detail.find(empty.path.string()), std::string::npos);
  EXPECT_NE(sel.status().reason.find("-> native"), std::string::npos) << sel.status().reason;
  EXPECT_EQ(find_step(sel.status(), "loads"), nullptr);  // the flow stopped there
  EXPECT_EQ(sel.call("fibonacci", 10), Value::integer(55));
  EXPECT_EQ(kernel_search_path(with_dir(empty.path.string())), std::vector<fs::path>{empty.path});
  // without kernels_dir the baked-in build directory is on the path
  auto path = kernel_search_path(BackendConfig{});
  EXPECT_NE(std::find(path.begin(), path.end(), fs::path(kKernelsDir)), path.end());
}

TEST(Selector, CorruptModuleFallsBackToNative) {
  TempDir dir;
  dir.write("kernels_simd.wasm", std::string("\0asm\x01\0\0\0\x01\xff\xff", 11));
  BackendSelector sel(with_dir(dir.path.string()));
  EXPECT_EQ(sel.backend(), Backend::Native);
  EXPECT_FALSE(sel.is_wasm_available());
  const DetectionStep* s = find_step(sel.status(), "loads");
  ASSERT_NE(s, nullptr);
  EXPECT_FALSE(s->ok);
  EXPECT_NE(s->detail.find("compile"), std::string::npos) << s->detail;
  EXPECT_NE(sel.status().reason.find("native"), std::string::npos);
  EXPECT_EQ(sel.call("fibonacci", 10), Value::integer(55));
  EXPECT_EQ(sel.last_call_report().backend, Backend::Native);
  // wasm forced with a corrupt module: calls fail with the reason, no silent native
  BackendSelector forced(with_dir(dir.path.string(), Backend::Wasm));
  EXPECT_EQ(forced.backend(), Backend::Native);
  EXPECT_THROW(forced.call("fibonacci", 10), CallError);
}

TEST(Selector, ModuleWithoutKernelsFallsBack) {
  TempDir dir;
  fs::copy_file(kKernelsDir + "/engine_test.wasm", dir.path / "kernels_simd.wasm");
  BackendSelector sel(with_dir(dir.path.string()));
  EXPECT_EQ(sel.backend(), Backend::Native);
  EXPECT_NE(find_step(sel.status(), "loads")->detail.find("mlk_"), std::string::npos);
}

TEST(Selector, ForcedNativeSkipsDetection) {
  BackendSelector sel(with_dir(kKernelsDir, Backend::Native));
  EXPECT_EQ(sel.backend(), Backend::Native);
  EXPECT_FALSE(sel.is_wasm_available());
  EXPECT_EQ(sel.status().steps.size(), 1u);
  EXPECT_EQ(sel.call("gcd", 12, 18), Value::integer(6));
  EXPECT_EQ(sel.last_call_report().backend, Backend::Native);
}

TEST(Selector, ScalarModuleWhenSimdOff) {
  BackendConfig c = with_dir(kKernelsDir, Backend::Wasm);
  c.simd = false;
  c.cranelift = false;
  BackendSelector sel(c);
  ASSERT_EQ(sel.backend(), Backend::Wasm) << sel.status().reason;
  EXPECT_NE(sel.status().module_path.find("kernels_scalar.wasm"), std::string::npos);
  EXPECT_EQ(sel.call("matrix_multiply", Value::matrix({2, 2, {1, 2, 3, 4}}), Value::matrix({2, 2, {1, 0, 0, 1}})),
            Value::matrix({2, 2, {1, 2, 3, 4}}));
}

TEST(Selector, TrapFallsBackForThatCall) {
  BackendSelector sel(with_dir(kKernelsDir + "/test_trapping"));
  ASSERT_EQ(sel.backend(), Backend::Wasm) << sel.status().reason;
  EXPECT_EQ(sel.call("fibonacci", 20), Value::integer(6765));
  const CallReport& r = sel.last_call_report();
  EXPECT_EQ(r.backend, Backend::Native);
  EXPECT_TRUE(r.fell_back);
  EXPECT_NE(r.note.find("trap"), std::string::npos) << r.note;
  EXPECT_NE(r.note.find("unreachable"), std::string::npos) << r.note;
  EXPECT_EQ(sel.stats().at("numeric_fibonacci").fallbacks, 1u);
  EXPECT_EQ(sel.backend(), Backend::Wasm);  // still wasm for the next calls
  // forced wasm: the trap is the answer
  BackendSelector forced(with_dir(kKernelsDir + "/test_trapping", Backend::Wasm));
  try {
    forced.call("fibonacci", 20);
    FAIL();
  } catch (const ml::engine::WasmError& e) {
    EXPECT_EQ(e.kind(), ml::engine::ErrorKind::Trap);
    EXPECT_EQ(e.trap(), ml::engine::TrapKind::Unreachable);
  }
}

TEST(Selector, MemoryLimitFallsBackWithClearMessage) {
  BackendConfig c = with_dir(kKernelsDir);
  c.memory_pages = 20;  // 1.25 MiB: not enough for two 300x300 matrices + result (2.1 MB)
  BackendSelector sel(c);
  ASSERT_EQ(sel.backend(), Backend::Wasm) << sel.status().reason;
  Matrix a{300, 300, std::vector<double>(90000, 1.0)};
  Value r = sel.call("matrix_multiply", a, a);
  EXPECT_EQ(r.matrix_ref().at(0, 0), 300.0);
  EXPECT_TRUE(sel.last_call_report().fell_back);
  EXPECT_NE(sel.last_call_report().note.find("memory_pages = 20"), std::string::npos) << sel.last_call_report().note;
  EXPECT_NE(sel.last_call_report().note.find("raise memory_pages"), std::string::npos);
  // small calls still run on wasm
  EXPECT_EQ(sel.call("fibonacci", 5), Value::integer(5));
  EXPECT_EQ(sel.last_call_report().backend, Backend::Wasm);
  c.prefer_backend = Backend::Wasm;
  BackendSelector forced(c);
  try {
    forced.call("matrix_multiply", a, a);
    FAIL();
  } catch (const ml::engine::WasmError& e) {
    EXPECT_EQ(e.kind(), ml::engine::ErrorKind::Memory);
  }
}

TEST(Selector, TimeoutStopsLongCallAndSelectorStaysUsable) {
  BackendConfig c = with_dir(kKernelsDir);
  c.timeout_ms = 50;
  BackendSelector sel(c);
  ASSERT_EQ(sel.backend(), Backend::Wasm);
  // fib_recursive(60) would run for hours
  try {
    sel.call("fibonacci_recursive", 60);
    FAIL();
  } catch (const ml::engine::WasmError& e) {
    EXPECT_EQ(e.kind(), ml::engine::ErrorKind::Timeout);
  }
  EXPECT_EQ(sel.call("fibonacci_recursive", 15), Value::integer(610));
  EXPECT_EQ(sel.last_call_report().backend, Backend::Wasm);
}

TEST(Selector, SecondLoadComesFromCache) {
  BackendSelector a(with_dir(kKernelsDir));
  BackendSelector b(with_dir(kKernelsDir));
  EXPECT_TRUE(b.status().module_from_cache);
  EXPECT_NE(find_step(b.status(), "loads")->detail.find("cached"), std::string::npos);
  BackendConfig nc = with_dir(kKernelsDir);
  nc.cache = false;
  BackendSelector c(nc);
  EXPECT_FALSE(c.status().module_from_cache);
}

TEST(Selector, NameResolutionAndCloseNames) {
  EXPECT_EQ(resolve_operation("fibonacci").name, "numeric_fibonacci");
  EXPECT_EQ(resolve_operation("numeric_fibonacci").name, "numeric_fibonacci");
  EXPECT_EQ(resolve_operation("Matrix-Multiply").name, "matrix_multiply");
  EXPECT_EQ(resolve_operation("reverse").name, "string_reverse");
  EXPECT_EQ(resolve_operation("hash").name, "crypto_hash");
  EXPECT_EQ(resolve_operation("parse").name, "json_parse");
  EXPECT_EQ(resolve_operation("blur").name, "image_blur");
  EXPECT_EQ(resolve_operation("string_palindrome").name, "string_is_palindrome");
  try {
    resolve_operation("fibonaci");
    FAIL();
  } catch (const CallError& e) {
    EXPECT_EQ(e.kind(), CallError::Kind::UnknownFunction);
    std::string m = e.what();
    EXPECT_NE(m.find("numeric_fibonacci"), std::string::npos) << m;
  }
  try {
    resolve_operation("matrix_multipy");
    FAIL();
  } catch (const CallError& e) {
    EXPECT_NE(std::string(e.what()).find("matrix_multiply"), std::string::npos);
  }
  BackendSelector sel(with_dir(kKernelsDir));
  EXPECT_THROW(sel.call("no_such_thing"), CallError);
  EXPECT_THROW(sel.call("fibonacci"), CallError);  // arity
  EXPECT_THROW(sel.call("fibonacci", "x"), CallError);
}

TEST(Selector, StatsAndPreload) {
  BackendSelector sel(with_dir(kKernelsDir));
  EXPECT_GE(sel.preload(), 0.0);
  for (int i = 0; i < 3; ++i) sel.call("fibonacci", 10 + i);
  sel.call("gcd", 4, 6);
  const FunctionStats& s = sel.stats().at("numeric_fibonacci");
  EXPECT_EQ(s.calls, 3u);
  EXPECT_EQ(s.wasm_calls, 3u);
  EXPECT_GE(s.total_ms, s.min_ms * 3 - 1e-9);
  EXPECT_LE(s.min_ms, s.mean_ms());
  EXPECT_LE(s.mean_ms(), s.max_ms);
  EXPECT_EQ(sel.stats().at("numeric_gcd").calls, 1u);
}

// ---------------------------------------------------------------- configuration

TEST(Config, DefaultsWithoutFiles) {
  TempDir d;
  auto cfg = load_config({}, d.path, [](const char*) { return std::optional<std::string>(); });
  EXPECT_EQ(cfg.config.prefer_backend, Backend::Auto);
  EXPECT_EQ(cfg.config.memory_pages, 1024u);
  EXPECT_EQ(cfg.config.timeout_ms, 0u);
  EXPECT_TRUE(cfg.config.cranelift);
  EXPECT_EQ(cfg.origin["backend"], "default");
}

TEST(Config, FilesEnvAndFlagsInPrecedence) {
  TempDir d;
  d.write("pyproject.toml", "[project]\nname = \"x\"\n\n[tool.multilingual.wasm]\nbackend = \"python\"\nmemory_pages = 2048\nsimd = false\ntimeout_ms = 7\n");
  auto noenv = [](const char*) { return std::optional<std::string>(); };
  auto cfg = load_config({}, d.path, noenv);
  EXPECT_EQ(cfg.config.prefer_backend, Backend::Native);  // "python" = native
  EXPECT_EQ(cfg.config.memory_pages, 2048u);
  EXPECT_FALSE(cfg.config.simd);
  EXPECT_NE(cfg.origin["memory_pages"].find("pyproject.toml:6"), std::string::npos) << cfg.origin["memory_pages"];
  // multilingual.toml beats pyproject.toml
  d.write("multilingual.toml", "[other]\nx = 1\n[wasm]\nbackend = \"wasm\"\nmemory_pages = 4096\n");
  cfg = load_config({}, d.path, noenv);
  EXPECT_EQ(cfg.config.prefer_backend, Backend::Wasm);
  EXPECT_EQ(cfg.config.memory_pages, 4096u);
  EXPECT_EQ(cfg.config.timeout_ms, 7u);  // still from pyproject
  // env beats files
  auto env = [](const char* n) {
    return std::string(n) == "MULTILINGUAL_BACKEND" ? std::optional<std::string>("native") : std::nullopt;
  };
  cfg = load_config({}, d.path, env);
  EXPECT_EQ(cfg.config.prefer_backend, Backend::Native);
  EXPECT_EQ(cfg.origin["backend"], "env MULTILINGUAL_BACKEND");
  // flags beat env
  ConfigOverrides flags;
  flags.backend = Backend::Wasm;
  flags.memory_pages = 16;
  cfg = load_config(flags, d.path, env);
  EXPECT_EQ(cfg.config.prefer_backend, Backend::Wasm);
  EXPECT_EQ(cfg.config.memory_pages, 16u);
  EXPECT_EQ(cfg.origin["backend"], "flag");
  // explicit --config file
  auto other = d.write("custom.toml", "[wasm]\ncranelift = false\n");
  flags = {};
  flags.config_file = other.string();
  cfg = load_config(flags, d.path, noenv);
  EXPECT_FALSE(cfg.config.cranelift);
  EXPECT_EQ(cfg.config.memory_pages, 1024u);  // the cwd files are not read with --config
}

TEST(Config, ErrorsNameFileLineAndKey) {
  TempDir d;
  auto noenv = [](const char*) { return std::optional<std::string>(); };
  auto expect_error = [&](const std::string& text, int line, const std::string& key, const std::string& what) {
    d.write("multilingual.toml", text);
    try {
      load_config({}, d.path, noenv);
      ADD_FAILURE() << "no error for: " << text;
    } catch (const ConfigError& e) {
      EXPECT_EQ(e.line(), line) << e.what();
      EXPECT_EQ(e.key(), key) << e.what();
      std::string m = e.what();
      EXPECT_NE(m.find("multilingual.toml:" + std::to_string(line)), std::string::npos) << m;
      EXPECT_NE(m.find(what), std::string::npos) << m;
    }
  };
  expect_error("[wasm]\nbackend = \"auto\"\nmemory_page = 10\n", 3, "memory_page", "unknown key");
  expect_error("[wasm]\nsimd = \"yes\"\n", 2, "simd", "true or false");
  expect_error("[wasm]\n\nmemory_pages = \"big\"\n", 3, "memory_pages", "integer");
  expect_error("[wasm]\nmemory_pages = 0\n", 2, "memory_pages", "between");
  expect_error("[wasm]\nbackend = \"gpu\"\n", 2, "backend", "unknown backend");
  expect_error("[wasm]\nbackend = \n", 2, "", "");
  d.write("multilingual.toml", "[wasm]\n");
  EXPECT_THROW(load_config({}, d.path, [](const char*) { return std::optional<std::string>("fast"); }), ConfigError);
}

// ---------------------------------------------------------------- CLI commands

TEST(Cli, CallPrintsJsonResult) {
  std::ostringstream out, err;
  ConfigOverrides f;
  f.kernels_dir = kKernelsDir;
  EXPECT_EQ(cli_call("matrix_multiply", {"[[1,2],[3,4]]", "[[5,6],[7,8]]"}, f, out, err), 0) << err.str();
  EXPECT_EQ(out.str(), "[[19.0,22.0],[43.0,50.0]]\n");
  out.str("");
  EXPECT_EQ(cli_call("string_reverse", {"héllo"}, f, out, err), 0);
  EXPECT_EQ(out.str(), "\"olléh\"\n");
  out.str("");
  f.backend = Backend::Native;
  EXPECT_EQ(cli_call("fibonacci", {"30"}, f, out, err, true), 0);
  EXPECT_EQ(out.str(), "832040\n");
  EXPECT_NE(err.str().find("native"), std::string::npos);
  err.str("");
  EXPECT_EQ(cli_call("fibonaci", {"3"}, f, out, err), 2);
  EXPECT_NE(err.str().find("numeric_fibonacci"), std::string::npos);
  err.str("");
  EXPECT_EQ(cli_call("matrix_multiply", {"[[1,2]", "[[1]]"}, f, out, err), 2);
  EXPECT_NE(err.str().find("not valid JSON"), std::string::npos) << err.str();
}

TEST(Cli, DoctorPrintsFlow) {
  std::ostringstream out, err;
  ConfigOverrides f;
  f.kernels_dir = kKernelsDir;
  EXPECT_EQ(cli_doctor(f, out, err), 0) << err.str();
  std::string s = out.str();
  EXPECT_NE(s.find("WebAssembly engine built in?"), std::string::npos) << s;
  EXPECT_NE(s.find("Chosen backend: wasm"), std::string::npos) << s;
  EXPECT_NE(s.find("fibonacci(30) = 832040"), std::string::npos) << s;
  EXPECT_NE(s.find("threads for split operations?"), std::string::npos) << s;
  TempDir d;
  d.write("kernels_simd.wasm", "garbage!");
  f.kernels_dir = d.path.string();
  out.str("");
  EXPECT_EQ(cli_doctor(f, out, err), 0);
  EXPECT_NE(out.str().find("Chosen backend: native"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("NO"), std::string::npos);
}
