#include "runtime/backend_selector.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <thread>
#include <iterator>

#include "kernels/kernels.h"
#include "support/install_layout.h"

namespace ml::runtime {

namespace {

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

std::filesystem::path exe_dir() {
  std::error_code ec;
  auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : p.parent_path();
}

bool platform_supported(std::string* detail) {
#if defined(__linux__) && (defined(__x86_64__) || defined(__aarch64__))
#if defined(__x86_64__)
  *detail = "linux x86_64: supported by V8's WebAssembly compilers";
#else
  *detail = "linux arm64: supported by V8's WebAssembly compilers";
#endif
  return true;
#else
  *detail = "this platform is not one the embedded V8 supports (x86_64/arm64 Linux)";
  return false;
#endif
}

// The build writes <module>.sha256 next to each module (cmake/digest.cmake). A module whose
// digest differs is corrupt: a flipped bit can still validate, and then answer wrongly or
// hang. True when it matches, or when no digest was recorded (a module built elsewhere),
// which `detail` says.
bool module_digest_ok(const std::filesystem::path& module, const std::vector<uint8_t>& bytes, std::string* detail) {
  std::filesystem::path side = module;
  side += ".sha256";
  std::ifstream f(side);
  std::string want;
  if (!(f >> want)) {
    *detail = side.filename().string() + " absent: no digest recorded, not checked";
    return true;
  }
  for (auto& c : want) c = char(std::tolower(static_cast<unsigned char>(c)));
  uint8_t d[32];
  mlk_sha256(bytes.data(), int32_t(bytes.size()), d);
  std::string got;
  for (uint8_t b : d) got += fmt::format("{:02x}", b);
  if (got == want) {
    *detail = fmt::format("sha256 {}... as recorded in {}", got.substr(0, 16), side.filename().string());
    return true;
  }
  *detail = fmt::format("sha256 of {} is {}, but the build recorded {} ({}): the module is corrupt",
                        module.filename().string(), got, want, side.string());
  return false;
}

}  // namespace

std::vector<std::filesystem::path> kernel_search_path(const BackendConfig& cfg) {
  std::vector<std::filesystem::path> dirs;
  if (!cfg.kernels_dir.empty()) return {cfg.kernels_dir};  // explicit: only there
  // the environment, an embedder's data root, the installed prefix, the build tree
  for (const auto& c : install::candidates(install::Data::Kernels)) dirs.push_back(c.path);
#ifdef ML_KERNELS_BUILD_DIR
  if (std::find(dirs.begin(), dirs.end(), std::filesystem::path(ML_KERNELS_BUILD_DIR)) == dirs.end())
    dirs.emplace_back(ML_KERNELS_BUILD_DIR);
#endif
  auto exe = exe_dir();
  if (!exe.empty()) {
    dirs.push_back(exe / "kernels");
    dirs.push_back(exe);
  }
  return dirs;
}

std::string kernel_module_name(const BackendConfig& cfg) {
  return cfg.simd && cfg.vectorization ? "kernels_simd.wasm" : "kernels_scalar.wasm";
}

BackendSelector::BackendSelector(BackendConfig config) : config_(std::move(config)) { detect(); }
BackendSelector::~BackendSelector() {
  instance_.reset();
  module_.reset();
  engine_.reset();
}

void BackendSelector::detect() {
  status_ = {};
  status_.requested = config_.prefer_backend;
  status_.chosen = Backend::Native;
  auto step = [&](std::string q, bool ok, std::string detail) {
    status_.steps.push_back(DetectionStep{std::move(q), ok, std::move(detail)});
    return ok;
  };
  if (config_.prefer_backend == Backend::Native) {
    step("backend requested?", true, "native (\"python\"/\"native\" in the configuration): WebAssembly not tried");
    status_.reason = "native backend requested";
    return;
  }
  auto fail = [&](std::string why) {
    status_.reason = config_.prefer_backend == Backend::Wasm
                         ? "wasm was requested but is unavailable: " + why
                         : why + " -> native backend";
  };
  std::string detail;
  if (!step("WebAssembly engine built in?", engine::engine_available(&detail), detail)) return fail(detail);
  // module file
  std::string name = kernel_module_name(config_);
  std::filesystem::path found;
  std::string searched;
  for (auto& d : kernel_search_path(config_)) {
    searched += (searched.empty() ? "" : ", ") + d.string();
    std::error_code ec;
    if (std::filesystem::is_regular_file(d / name, ec)) {
      found = d / name;
      break;
    }
  }
  status_.module_path = found.empty() ? name : found.string();
  if (!step(".wasm module file found?", !found.empty(),
            found.empty() ? fmt::format("{} not found in: {} (set MULTILINGUAL_KERNELS_DIR or kernels_dir)", name, searched)
                          : found.string()))
    return fail(fmt::format("{} not found", name));
  if (!step("platform supported?", platform_supported(&detail), detail)) return fail(detail);
  // load
  auto t0 = std::chrono::steady_clock::now();
  try {
    std::ifstream f(found, std::ios::binary);
    std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    if (!f.good() && !f.eof()) throw engine::WasmError(engine::ErrorKind::Compile, "could not read " + found.string());
    std::string digest;
    bool intact = module_digest_ok(found, bytes, &digest);
    if (!step("module digest matches the build's?", intact, digest))
      return fail(fmt::format("{} does not match the SHA-256 recorded when it was built (corrupt module)",
                              found.filename().string()));
    engine::EngineOptions eo;
    eo.optimizing_tier = config_.cranelift;
    eo.simd = config_.simd;
    eo.cache = config_.cache;
    eo.timeout_ms = config_.timeout_ms;
    eo.max_memory_pages = config_.memory_pages;
    eo.memory_pages = std::min<uint32_t>(config_.memory_pages, 64);  // grown on demand up to the maximum
    eo.threads = parallel_threads(config_);
    engine_ = engine::create_engine(eo);
    module_ = engine_->compile(bytes);
    std::vector<std::string> missing;
    for (auto& k : kernel_export_names())
      if (!module_->info().find_export(k)) missing.push_back(k);
    if (!missing.empty())
      throw engine::WasmError(engine::ErrorKind::MissingExport,
                              fmt::format("the module lacks {} kernel export(s): {}", missing.size(),
                                          fmt::join(missing, ", ")));
    instance_ = engine_->instantiate(module_);
    status_.load_ms = ms_since(t0);
    status_.module_from_cache = module_->from_cache();
    status_.engine = engine_->name();
    step("module loads and instantiates?", true,
         fmt::format("{} in {:.2f} ms{} ({}, {} tier, simd {})", engine_->name(), status_.load_ms,
                     module_->from_disk_cache() ? " (compiled code from the disk cache)"
                     : module_->from_cache()    ? " (cached)"
                                                : "",
                     found.filename().string(),
                     config_.cranelift ? "optimizing" : "baseline", config_.simd ? "on" : "off"));
    step("threads for split operations?", true,
         fmt::format("{} (parallel = {}; {} worker isolate(s) on the shared memory)", instance_->threads(),
                     config_.parallel ? "true" : "false", instance_->threads() - 1));
  } catch (const engine::WasmError& e) {
    instance_.reset();
    module_.reset();
    engine_.reset();
    step("module loads and instantiates?", false, fmt::format("{} error: {}", engine::to_string(e.kind()), e.what()));
    return fail(fmt::format("the module failed to load ({})", engine::to_string(e.kind())));
  }
  status_.chosen = Backend::Wasm;
  status_.reason = config_.prefer_backend == Backend::Wasm ? "wasm requested and the module loaded"
                                                           : "every check passed -> WebAssembly backend";
}

unsigned parallel_threads(const BackendConfig& cfg) {
  return cfg.parallel ? std::max(1u, std::min(8u, std::thread::hardware_concurrency())) : 1;
}

Value BackendSelector::run_native(const Operation& op, const std::vector<Value>& args) {
  auto m = make_native_machine();
  m->parallel = config_.parallel;
  return run_operation(op, *m, args);
}

Value BackendSelector::call_function(std::string_view name, const std::vector<Value>& args) {
  const Operation& op = resolve_operation(name);
  CallReport rep;
  rep.requested_name = std::string(name);
  rep.function = op.name;
  auto t0 = std::chrono::steady_clock::now();
  Value result;
  bool want_wasm = status_.chosen == Backend::Wasm;
  std::string why_not;
  if (want_wasm) {
    if (op.run_native_only) why_not = op.native_only_reason;
    else if (op.wasm_unsupported && args.size() >= op.min_args && args.size() <= op.max_args)
      why_not = op.wasm_unsupported(args);
  } else if (config_.prefer_backend == Backend::Wasm) {
    throw CallError(CallError::Kind::Backend, status_.reason);
  }
  if (want_wasm && why_not.empty()) {
    try {
      auto m = make_wasm_machine(*instance_);
  m->parallel = config_.parallel;
      m->parallel = config_.parallel;
      result = run_operation(op, *m, args);
      rep.backend = Backend::Wasm;
    } catch (const engine::WasmError& e) {
      // A timeout is the limit the user asked for; with wasm forced, errors are the answer.
      if (e.kind() == engine::ErrorKind::Timeout || e.kind() == engine::ErrorKind::Interrupted ||
          config_.prefer_backend == Backend::Wasm) {
        rep.backend = Backend::Wasm;
        rep.note = fmt::format("{} error: {}", engine::to_string(e.kind()), e.what());
        rep.ms = ms_since(t0);
        last_ = rep;
        throw;
      }
      rep.fell_back = true;
      rep.note = fmt::format("WebAssembly {} ({}); this call ran natively", engine::to_string(e.kind()), e.what());
      result = run_native(op, args);
      rep.backend = Backend::Native;
    }
  } else {
    if (want_wasm) rep.note = why_not;
    result = run_native(op, args);
    rep.backend = Backend::Native;
  }
  rep.ms = ms_since(t0);
  FunctionStats& s = stats_[op.name];
  s.min_ms = s.calls ? std::min(s.min_ms, rep.ms) : rep.ms;
  s.max_ms = std::max(s.max_ms, rep.ms);
  ++s.calls;
  s.total_ms += rep.ms;
  (rep.backend == Backend::Wasm ? s.wasm_calls : s.native_calls)++;
  if (rep.fell_back) ++s.fallbacks;
  last_ = std::move(rep);
  return result;
}

double BackendSelector::preload() {
  auto t0 = std::chrono::steady_clock::now();
  if (!instance_) return ms_since(t0);
  auto m = make_wasm_machine(*instance_);
  m->parallel = config_.parallel;
  // one tiny call per kernel family: compiles lazily-compiled code and touches memory
  std::vector<std::pair<const char*, std::vector<Value>>> warm = {
      {"numeric_fibonacci", {Value::integer(1)}},
      {"matrix_multiply", {Value::list({Value::list({Value::integer(1)})}), Value::list({Value::list({Value::integer(1)})})}},
      {"crypto_xor_cipher", {Value::str("a"), Value::str("k")}},
      {"json_stats", {Value::str("[1]")}},
      {"image_gaussian_blur", {Value::bytes({1, 2, 3}), Value::integer(1), Value::integer(1)}},
      {"numeric_monte_carlo_pi", {Value::integer(1)}},
      {"string_reverse", {Value::str("ab")}},
  };
  for (auto& [name, args] : warm) {
    try {
      run_operation(*find_operation(name), *m, args);
    } catch (const std::exception&) {
      // a failing warm-up shows up again (with a report) on the real call
    }
  }
  return ms_since(t0);
}

}  // namespace ml::runtime
