// `multilingual doctor`: the configuration, where each value came from, and the backend
// detection flow step by step (runtime/cli_commands.h).
#include "cli/commands.h"
#include "runtime/cli_commands.h"

namespace ml::cli {

int cmd_doctor(const Options& opt) { return runtime::cli_doctor(config_overrides(opt.cfg)); }

}  // namespace ml::cli
