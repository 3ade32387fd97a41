// The one configuration of every command that runs code: multilingual.toml / pyproject.toml,
// the environment, then the command's flags (runtime/config.h has the precedence rules).
#include <fmt/format.h>

#include "cli/commands.h"

namespace ml::cli {

runtime::ConfigOverrides config_overrides(const ConfigFlags& f) {
  runtime::ConfigOverrides o;
  if (!f.config.empty()) o.config_file = f.config;
  if (!f.backend.empty()) {
    auto b = runtime::parse_backend(f.backend);
    if (!b)
      throw runtime::ConfigError("command line", 0, "backend",
                                 fmt::format("unknown backend '{}' (use {})", f.backend, runtime::kBackendWords));
    o.backend = *b;
  }
  o.cranelift = f.cranelift;
  o.simd = f.simd;
  o.cache = f.cache;
  o.memory_pages = f.memory_pages;
  o.timeout_ms = f.timeout_ms;
  o.max_memory_mb = f.max_memory_mb;
  if (!f.kernels_dir.empty()) o.kernels_dir = f.kernels_dir;
  return o;
}

runtime::LoadedConfig load_configuration(const ConfigFlags& f) { return runtime::load_config(config_overrides(f)); }

}  // namespace ml::cli
