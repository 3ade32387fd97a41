// The one place the embedding API meets the program runner (tiering::Runner): everything else
// in src/embed goes through run_program.
#pragma once
#include <memory>
#include <streambuf>
#include <string>
#include <vector>

#include "lang/pack.h"
#include "runtime/config.h"
#include "support/source.h"

namespace ml::embed {

// Runs a program as `multilingual run` does (the interpreter, the WebAssembly tier and the
// library operations, as the configuration says). What it prints goes to `out`, its error
// report (as the command line prints it) to `err`. Returns the command line's exit status.
// One program at a time per process (the memory and time limits are the process's).
int run_program(std::shared_ptr<const SourceFile> src, const LanguagePack& pack, const runtime::LoadedConfig& config,
                const std::vector<std::string>& argv, std::streambuf* out, std::streambuf* err);

}  // namespace ml::embed
