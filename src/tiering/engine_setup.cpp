#include "tiering/engine_setup.h"

#include <algorithm>
#include <cstdlib>

#include "tiering/policy.h"

namespace ml::tiering {

engine::EngineOptions engine_options(const runtime::LoadedConfig& config) {
  const runtime::BackendConfig& c = config.config;
  engine::EngineOptions o;
  o.optimizing_tier = c.cranelift;
  o.simd = c.simd;
  o.cache = c.cache;
  bool set = config.origin.count("memory_pages") && config.origin.at("memory_pages") != "default";
  o.max_memory_pages = set ? c.memory_pages : engine::kMaxPages;
  o.memory_pages = std::min<uint32_t>(16, o.max_memory_pages);
  return o;
}

PolicyOptions policy_options(const runtime::LoadedConfig& config) {
  PolicyOptions p;
  p.adaptive = config.config.prefer_backend == runtime::Backend::Auto;
  if (const char* e = std::getenv("MULTILINGUAL_QUICK_CALL_US"); e && *e) p.quick_call_us = std::atof(e);
  return p;
}

}  // namespace ml::tiering
