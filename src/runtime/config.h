#pragma once
// The WASM backend configuration: the seed's keys, read from (lowest to highest precedence)
//   defaults < pyproject.toml [tool.multilingual.wasm] < multilingual.toml [wasm]
//            < environment MULTILINGUAL_BACKEND < command-line flags.
// Files are looked up in the working directory unless a path is given (--config FILE: a
// pyproject.toml is read for [tool.multilingual.wasm], any other file for [wasm]).
// Unknown keys, wrong types and bad values are ConfigErrors naming the file, line and key.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>

#include "engine/engine.h"

namespace ml::runtime {

constexpr uint32_t kMaxMemoryPages = engine::kMaxPages;
constexpr uint32_t kMaxTimeoutMs = 86400000;  // a day
constexpr uint32_t kMaxMemoryMb = 1u << 24;    // 16 TiB: bounds the arithmetic, not the machine

enum class Backend { Auto, Native, Wasm };
std::string_view to_string(Backend b);
// The one backend vocabulary of flags, files and the environment: the seed's "auto" | "python"
// | "wasm", with "native" and "interpreter" as aliases of "python" (the path without
// WebAssembly: the interpreter for programs, native C++ for library operations).
// nullopt otherwise.
std::optional<Backend> parse_backend(std::string_view s);

struct BackendConfig {
  Backend prefer_backend = Backend::Auto;
  bool cranelift = true;      // the optimizing tier (V8 TurboFan); false = baseline only
  bool vectorization = true;  // the auto-vectorized kernel build
  bool simd = true;           // WebAssembly SIMD in the engine
  bool parallel = true;       // split large operations across threads
  bool cache = true;          // compiled-module cache
  uint32_t memory_pages = 1024;  // linear memory limit, 64 KiB pages (1024 = 64 MiB)
  uint32_t timeout_ms = 0;       // 0 = no limit
  // The memory a program may use (interpreter objects and compiled code's linear memory
  // together), in MiB; past it the program gets a MemoryError. 0 = half the machine's memory.
  uint32_t max_memory_mb = 0;
  std::string kernels_dir;       // where the .wasm kernels are ("" = the search path)
};

class ConfigError : public std::runtime_error {
 public:
  ConfigError(std::string file, int64_t line, std::string key, std::string message);
  const std::string& file() const { return file_; }
  int64_t line() const { return line_; }
  const std::string& key() const { return key_; }

 private:
  std::string file_;
  int64_t line_;
  std::string key_;
};

// Command-line flags (each set only if given).
struct ConfigOverrides {
  std::optional<std::string> config_file;
  std::optional<Backend> backend;
  std::optional<bool> cranelift, vectorization, simd, parallel, cache;
  std::optional<uint32_t> memory_pages, timeout_ms, max_memory_mb;
  std::optional<std::string> kernels_dir;
};

struct LoadedConfig {
  BackendConfig config;
  std::map<std::string, std::string> origin;  // key -> "default" | "file:line" | "env NAME" | "flag"
  std::vector<std::string> files_read;
};

using EnvLookup = std::function<std::optional<std::string>(const char*)>;
std::optional<std::string> process_env(const char* name);

// The words parse_backend accepts, for messages.
constexpr const char* kBackendWords = "auto, python, wasm (native and interpreter mean python)";

// Applies one TOML file's table to cfg (throws ConfigError). `table_path` is "wasm" or
// "tool.multilingual.wasm"; a file without that table changes nothing.
void apply_config_file(const std::filesystem::path& file, const std::string& table_path, LoadedConfig& cfg);

LoadedConfig load_config(const ConfigOverrides& flags = {},
                         const std::filesystem::path& cwd = std::filesystem::current_path(),
                         const EnvLookup& env = process_env);

}  // namespace ml::runtime
