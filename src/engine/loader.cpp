// engine.h's entry points for the program: they open the V8 plugin (plugin_abi.h) on first use.
// It is looked for next to the executable, then where support/install_layout.h says (the
// environment, an installed prefix's lib/multilingual, the build tree).
#include <dlfcn.h>
#include <unistd.h>

#include <filesystem>
#include <mutex>

#include "engine/plugin_abi.h"
#include "support/install_layout.h"

#ifndef ML_V8_PLUGIN
#define ML_V8_PLUGIN "libmlv8.so"
#endif

namespace ml::engine {
namespace {

struct Plugin {
  bool (*available)(std::string*) = nullptr;
  std::string* (*version)() = nullptr;
  Engine* (*create)(const EngineOptions*) = nullptr;
  void (*clear_cache)() = nullptr;
  std::string error;  // why it could not be loaded (empty when loaded)
};

std::string self_dir() {
  std::error_code ec;
  auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : p.parent_path().string();
}

const Plugin& plugin() {
  static Plugin p;
  static std::once_flag once;
  std::call_once(once, [] {
    const std::string built = ML_V8_PLUGIN;
    const std::string name = std::filesystem::path(built).filename().string();
    void* h = nullptr;
    std::string errors;
    std::vector<std::string> paths{self_dir() + "/" + name};
    for (const auto& c : install::candidates(install::Data::EnginePlugin)) paths.push_back(c.path.string());
    paths.push_back(built);
    for (const std::string& path : paths) {
      if (path.empty() || path[0] != '/' || !std::filesystem::exists(path)) continue;
      h = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (h) break;
      errors += std::string(errors.empty() ? "" : "; ") + dlerror();
    }
    if (!h) {
      p.error = "the WebAssembly engine (" + name + ") could not be loaded" + (errors.empty() ? " (not found)" : ": " + errors);
      return;
    }
    p.available = reinterpret_cast<bool (*)(std::string*)>(dlsym(h, "ml_v8_engine_available"));
    p.version = reinterpret_cast<std::string* (*)()>(dlsym(h, "ml_v8_engine_version"));
    p.create = reinterpret_cast<Engine* (*)(const EngineOptions*)>(dlsym(h, "ml_v8_create_engine"));
    p.clear_cache = reinterpret_cast<void (*)()>(dlsym(h, "ml_v8_clear_module_cache"));
    if (!p.available || !p.version || !p.create || !p.clear_cache) {
      p = Plugin{};
      p.error = "the WebAssembly engine (" + name + ") lacks its entry points";
    }
  });
  return p;
}

}  // namespace

bool engine_available(std::string* reason) {
  const Plugin& p = plugin();
  if (!p.available) {
    if (reason) *reason = p.error;
    return false;
  }
  return p.available(reason);
}

std::string engine_version() {
  const Plugin& p = plugin();
  if (!p.version) return "unavailable";
  std::unique_ptr<std::string> v(p.version());
  return *v;
}

std::unique_ptr<Engine> create_engine(const EngineOptions& options) {
  const Plugin& p = plugin();
  if (!p.create) throw WasmError(ErrorKind::Unavailable, p.error);
  return std::unique_ptr<Engine>(p.create(&options));
}

void clear_module_cache() {
  if (const Plugin& p = plugin(); p.clear_cache) p.clear_cache();
}

}  // namespace ml::engine
