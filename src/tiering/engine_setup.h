// The WebAssembly engine a run's configuration asks for.
#pragma once
#include "engine/engine.h"
#include "runtime/config.h"

namespace ml::tiering {

// Programs get linear memory up to wasm32's 4 GiB unless memory_pages was set (in
// multilingual.toml, pyproject.toml or a flag): the interpreter that would otherwise run the
// call has no such limit, and running out means running the call again interpreted.
engine::EngineOptions engine_options(const runtime::LoadedConfig& config);

// The hot policy a run's configuration asks for: adaptive under --backend auto.
// MULTILINGUAL_QUICK_CALL_US overrides quick_call_us (tests set it so that the choice does not
// depend on the machine's speed).
struct PolicyOptions;
PolicyOptions policy_options(const runtime::LoadedConfig& config);

}  // namespace ml::tiering
