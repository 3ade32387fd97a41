// Between the public embedding types (include/multilingual) and the runtime's own.
#pragma once
#include "multilingual/config.h"
#include "multilingual/error.h"
#include "multilingual/value.h"
#include "runtime/config.h"
#include "runtime/value.h"

namespace multilingual {
struct Value::Impl {
  ml::runtime::Value v;
};
}  // namespace multilingual

namespace ml::embed {

inline const runtime::Value& unwrap(const multilingual::Value& v) { return v.impl().v; }
multilingual::Value wrap(runtime::Value v);

runtime::LoadedConfig to_runtime(const multilingual::Config& c);
multilingual::Config from_runtime(const runtime::LoadedConfig& c);
multilingual::Backend from_runtime(runtime::Backend b);

// A located error from a configuration file.
multilingual::Error config_error(const runtime::ConfigError& e);

}  // namespace ml::embed
