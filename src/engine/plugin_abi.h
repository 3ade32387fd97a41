// The entry points of the V8 engine plugin (libmlv8.so, built from v8_engine.cpp and linked
// against libnode). The program does not link libnode: loader.cpp opens the plugin the first
// time an engine is asked for, so runs that never compile anything (the interpreter, --version)
// skip loading and relocating V8 at start-up. Both sides are built from this tree together.
#pragma once
#include <memory>
#include <string>

#include "engine/engine.h"

extern "C" {
bool ml_v8_engine_available(std::string* reason);
std::string* ml_v8_engine_version();                       // caller deletes
ml::engine::Engine* ml_v8_create_engine(const ml::engine::EngineOptions* options);  // caller owns
void ml_v8_clear_module_cache();
}
