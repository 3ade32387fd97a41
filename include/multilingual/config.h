// multilingual::Config: the runtime's configuration, with the seed's keys
// ([tool.multilingual.wasm] in pyproject.toml, [wasm] in multilingual.toml).
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

namespace multilingual {

// Python: the path without WebAssembly (the interpreter for programs, native C++ for library
// operations). Wasm: WebAssembly, failing loudly when it cannot be used. Auto: the detection flow.
enum class Backend { Auto, Python, Wasm };
std::string to_string(Backend b);  // "auto", "python", "wasm"

struct Config {
  Backend backend = Backend::Auto;
  bool cranelift = true;      // the optimizing compiler tier
  bool vectorization = true;  // the auto-vectorized kernels
  bool simd = true;           // WebAssembly SIMD
  bool parallel = true;       // split large operations across threads
  bool cache = true;          // compiled-module cache
  uint32_t memory_pages = 1024;  // WebAssembly linear memory, 64 KiB pages
  uint32_t timeout_ms = 0;       // programs: 0 = no limit
  uint32_t max_memory_mb = 0;    // programs: 0 = half the machine's memory
  std::string kernels_dir;       // "" = the search path
  // Where each key came from ("default", "pyproject.toml:3", "env MULTILINGUAL_BACKEND").
  std::map<std::string, std::string> origin;

  // As the command line reads it: defaults < dir/pyproject.toml [tool.multilingual.wasm]
  // < dir/multilingual.toml [wasm] < $MULTILINGUAL_BACKEND. Throws multilingual::Error
  // (kind "ConfigError", located at the file and line) on a bad file.
  static Config from_files(const std::filesystem::path& dir = std::filesystem::current_path());
  // One file: a pyproject.toml is read for [tool.multilingual.wasm], any other for [wasm].
  static Config from_file(const std::filesystem::path& file);
};

}  // namespace multilingual
