#pragma once
// The runtime's command-line commands, for src/cli to wire up:
//   multilingual doctor [--config FILE] [--backend B] [...]   -> cli_doctor
//   multilingual call NAME ARGS... [--backend B] [...]         -> cli_call
//   multilingual call --list                                   -> cli_list_operations
// Each returns the process exit status (0 ok, 1 the call failed, 2 bad usage/configuration).
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/config.h"
#include "runtime/value.h"

namespace ml::runtime {

// Prints the configuration (each key with where it came from), the detection flow step by step,
// the chosen backend and why, and runs a self-check call on the chosen backend.
int cli_doctor(const ConfigOverrides& flags = {}, std::ostream& out = std::cout, std::ostream& err = std::cerr);

// Runs one operation. Each argument is JSON (numbers, strings, lists, lists of lists, objects);
// an argument that is not JSON and does not look like it (e.g. hello) is taken as a string.
// Prints the result as JSON on `out` and a one-line report (backend, time, fallback) on `err`
// when `verbose`.
int cli_call(std::string_view name, const std::vector<std::string>& json_args, const ConfigOverrides& flags = {},
             std::ostream& out = std::cout, std::ostream& err = std::cerr, bool verbose = false);

// Lists every operation with its parameters and whether it runs on WebAssembly.
int cli_list_operations(std::ostream& out = std::cout);

// Parses one JSON text into a Value (throws CallError{Arguments} with the position on bad JSON).
Value value_from_json(std::string_view json);

}  // namespace ml::runtime
