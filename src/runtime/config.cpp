#include "runtime/config.h"

#include <fmt/format.h>

#include <cstdlib>
#include <toml++/toml.h>

namespace ml::runtime {

std::string_view to_string(Backend b) {
  switch (b) {
    case Backend::Auto: return "auto";
    case Backend::Native: return "native";
    case Backend::Wasm: return "wasm";
  }
  return "?";
}

std::optional<Backend> parse_backend(std::string_view s) {
  if (s == "auto") return Backend::Auto;
  if (s == "python" || s == "native" || s == "interpreter") return Backend::Native;
  if (s == "wasm") return Backend::Wasm;
  return std::nullopt;
}

ConfigError::ConfigError(std::string file, int64_t line, std::string key, std::string message)
    : std::runtime_error(line > 0 ? fmt::format("{}:{}: {}{}", file, line, key.empty() ? "" : "key '" + key + "': ", message)
                                  : fmt::format("{}: {}{}", file, key.empty() ? "" : "key '" + key + "': ", message)),
      file_(std::move(file)),
      line_(line),
      key_(std::move(key)) {}

std::optional<std::string> process_env(const char* name) {
  const char* v = std::getenv(name);
  if (!v) return std::nullopt;
  return std::string(v);
}

namespace {

const char* kKnownKeys =
    "backend, cranelift, vectorization, simd, parallel, cache, memory_pages, timeout_ms, max_memory_mb, kernels_dir";

void set_bool(const toml::node& n, const std::string& file, const std::string& key, bool& out) {
  int64_t line = int64_t(n.source().begin.line);
  if (!n.is_boolean())
    throw ConfigError(file, line, key,
                      n.is_string() ? "must be true or false, got a string" : "must be true or false");
  out = *n.value<bool>();
}

uint32_t get_uint(const toml::node& n, const std::string& file, const std::string& key, int64_t lo, int64_t hi) {
  int64_t line = int64_t(n.source().begin.line);
  if (!n.is_integer()) throw ConfigError(file, line, key, "must be an integer");
  int64_t v = *n.value<int64_t>();
  if (v < lo || v > hi) throw ConfigError(file, line, key, fmt::format("must be between {} and {}, got {}", lo, hi, v));
  return uint32_t(v);
}

}  // namespace

void apply_config_file(const std::filesystem::path& path, const std::string& table_path, LoadedConfig& cfg) {
  std::string file = path.string();
  toml::table doc;
  try {
    doc = toml::parse_file(file);
  } catch (const toml::parse_error& e) {
    throw ConfigError(file, int64_t(e.source().begin.line), "", std::string(e.description()));
  }
  cfg.files_read.push_back(file);
  toml::node_view<toml::node> view = doc.at_path(table_path);
  if (!view) return;
  const toml::table* t = view.as_table();
  if (!t) throw ConfigError(file, int64_t(view.node()->source().begin.line), table_path, "must be a table");
  for (auto&& [k, node] : *t) {
    std::string key(k.str());
    int64_t line = int64_t(node.source().begin.line);
    std::string where = fmt::format("{}:{}", file, line);
    BackendConfig& c = cfg.config;
    if (key == "backend") {
      if (!node.is_string()) throw ConfigError(file, line, key, fmt::format("must be a string: {}", kBackendWords));
      auto b = parse_backend(*node.value<std::string>());
      if (!b)
        throw ConfigError(file, line, key,
                          fmt::format("unknown backend \"{}\" (use {})", *node.value<std::string>(), kBackendWords));
      c.prefer_backend = *b;
    } else if (key == "cranelift") set_bool(node, file, key, c.cranelift);
    else if (key == "vectorization") set_bool(node, file, key, c.vectorization);
    else if (key == "simd") set_bool(node, file, key, c.simd);
    else if (key == "parallel") set_bool(node, file, key, c.parallel);
    else if (key == "cache") set_bool(node, file, key, c.cache);
    else if (key == "memory_pages") c.memory_pages = get_uint(node, file, key, 1, kMaxMemoryPages);
    else if (key == "timeout_ms") c.timeout_ms = get_uint(node, file, key, 0, kMaxTimeoutMs);
    else if (key == "max_memory_mb") c.max_memory_mb = get_uint(node, file, key, 0, kMaxMemoryMb);
    else if (key == "kernels_dir") {
      if (!node.is_string()) throw ConfigError(file, line, key, "must be a string (a directory)");
      std::filesystem::path p = *node.value<std::string>();
      if (p.is_relative()) p = path.parent_path() / p;
      c.kernels_dir = p.string();
    } else
      throw ConfigError(file, line, key, fmt::format("unknown key in [{}] (known keys: {})", table_path, kKnownKeys));
    cfg.origin[key == "backend" ? "backend" : key] = where;
  }
}

LoadedConfig load_config(const ConfigOverrides& flags, const std::filesystem::path& cwd, const EnvLookup& env) {
  LoadedConfig cfg;
  for (const char* k : {"backend", "cranelift", "vectorization", "simd", "parallel", "cache", "memory_pages",
                        "timeout_ms", "max_memory_mb", "kernels_dir"})
    cfg.origin[k] = "default";
  if (flags.config_file) {
    std::filesystem::path p = *flags.config_file;
    if (p.is_relative()) p = cwd / p;
    if (!std::filesystem::exists(p)) throw ConfigError(p.string(), 0, "", "configuration file not found");
    bool pyproject = p.filename() == "pyproject.toml";
    apply_config_file(p, pyproject ? "tool.multilingual.wasm" : "wasm", cfg);
  } else {
    if (std::filesystem::exists(cwd / "pyproject.toml"))
      apply_config_file(cwd / "pyproject.toml", "tool.multilingual.wasm", cfg);
    if (std::filesystem::exists(cwd / "multilingual.toml")) apply_config_file(cwd / "multilingual.toml", "wasm", cfg);
  }
  if (auto e = env("MULTILINGUAL_BACKEND"); e && !e->empty()) {
    auto b = parse_backend(*e);
    if (!b)
      throw ConfigError("environment", 0, "MULTILINGUAL_BACKEND",
                        fmt::format("unknown backend \"{}\" (use {})", *e, kBackendWords));
    cfg.config.prefer_backend = *b;
    cfg.origin["backend"] = "env MULTILINGUAL_BACKEND";
  }
  auto flag = [&](const char* key, auto& dst, const auto& src) {
    if (src) {
      dst = *src;
      cfg.origin[key] = "flag";
    }
  };
  BackendConfig& c = cfg.config;
  flag("backend", c.prefer_backend, flags.backend);
  flag("cranelift", c.cranelift, flags.cranelift);
  flag("vectorization", c.vectorization, flags.vectorization);
  flag("simd", c.simd, flags.simd);
  flag("parallel", c.parallel, flags.parallel);
  flag("cache", c.cache, flags.cache);
  flag("memory_pages", c.memory_pages, flags.memory_pages);
  flag("timeout_ms", c.timeout_ms, flags.timeout_ms);
  flag("max_memory_mb", c.max_memory_mb, flags.max_memory_mb);
  flag("kernels_dir", c.kernels_dir, flags.kernels_dir);
  if (c.memory_pages < 1 || c.memory_pages > kMaxMemoryPages)
    throw ConfigError("command line", 0, "memory_pages", fmt::format("must be between 1 and {}", kMaxMemoryPages));
  if (c.timeout_ms > kMaxTimeoutMs)
    throw ConfigError("command line", 0, "timeout_ms", fmt::format("must be between 0 and {}", kMaxTimeoutMs));
  if (c.max_memory_mb > kMaxMemoryMb)
    throw ConfigError("command line", 0, "max_memory_mb", fmt::format("must be between 0 and {}", kMaxMemoryMb));
  return cfg;
}

}  // namespace ml::runtime
