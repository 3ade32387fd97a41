// multilingual::Config and multilingual::Error: the runtime's configuration seen from outside.
#include <fmt/format.h>

#include "embed/convert.h"

namespace multilingual {

Error::Error(std::string kind, std::string localized_kind, std::string message, SourceLocation where,
             std::string rendered, int exit_status)
    : std::runtime_error(rendered.empty() ? kind + ": " + message : rendered),
      kind_(std::move(kind)),
      localized_kind_(std::move(localized_kind)),
      message_(std::move(message)),
      where_(std::move(where)),
      rendered_(std::move(rendered)),
      exit_status_(exit_status) {}

std::string to_string(Backend b) {
  switch (b) {
    case Backend::Auto: return "auto";
    case Backend::Python: return "python";
    case Backend::Wasm: return "wasm";
  }
  return "auto";
}

Config Config::from_files(const std::filesystem::path& dir) {
  try {
    return ml::embed::from_runtime(ml::runtime::load_config({}, dir));
  } catch (const ml::runtime::ConfigError& e) {
    throw ml::embed::config_error(e);
  }
}

Config Config::from_file(const std::filesystem::path& file) {
  ml::runtime::ConfigOverrides o;
  o.config_file = file.string();
  try {
    return ml::embed::from_runtime(ml::runtime::load_config(o, file.parent_path().empty() ? "." : file.parent_path()));
  } catch (const ml::runtime::ConfigError& e) {
    throw ml::embed::config_error(e);
  }
}

}  // namespace multilingual

namespace ml::embed {

multilingual::Backend from_runtime(runtime::Backend b) {
  switch (b) {
    case runtime::Backend::Auto: return multilingual::Backend::Auto;
    case runtime::Backend::Native: return multilingual::Backend::Python;
    case runtime::Backend::Wasm: return multilingual::Backend::Wasm;
  }
  return multilingual::Backend::Auto;
}

runtime::LoadedConfig to_runtime(const multilingual::Config& c) {
  runtime::LoadedConfig l;
  auto& r = l.config;
  r.prefer_backend = c.backend == multilingual::Backend::Python ? runtime::Backend::Native
                     : c.backend == multilingual::Backend::Wasm ? runtime::Backend::Wasm
                                                                 : runtime::Backend::Auto;
  r.cranelift = c.cranelift;
  r.vectorization = c.vectorization;
  r.simd = c.simd;
  r.parallel = c.parallel;
  r.cache = c.cache;
  r.memory_pages = c.memory_pages;
  r.timeout_ms = c.timeout_ms;
  r.max_memory_mb = c.max_memory_mb;
  r.kernels_dir = c.kernels_dir;
  l.origin = c.origin;
  // A memory_pages the embedder changed is a limit the program runner honours, as a file's is.
  if (c.memory_pages != runtime::BackendConfig{}.memory_pages && !l.origin.count("memory_pages"))
    l.origin["memory_pages"] = "embedder";
  return l;
}

multilingual::Config from_runtime(const runtime::LoadedConfig& l) {
  multilingual::Config c;
  const auto& r = l.config;
  c.backend = from_runtime(r.prefer_backend);
  c.cranelift = r.cranelift;
  c.vectorization = r.vectorization;
  c.simd = r.simd;
  c.parallel = r.parallel;
  c.cache = r.cache;
  c.memory_pages = r.memory_pages;
  c.timeout_ms = r.timeout_ms;
  c.max_memory_mb = r.max_memory_mb;
  c.kernels_dir = r.kernels_dir;
  c.origin = l.origin;
  return c;
}

multilingual::Error config_error(const runtime::ConfigError& e) {
  multilingual::SourceLocation where{e.file(), int(e.line()), 0};
  // what() already reads "file:line: key 'k': message"
  return multilingual::Error("ConfigError", "ConfigError", e.what(), where, fmt::format("ConfigError: {}\n", e.what()), 2);
}

}  // namespace ml::embed
