// `multilingual bench`: the seed's speed and memory tables (perf/bench_command.h).
#include "cli/commands.h"

namespace ml::cli {

int cmd_bench(const Options& opt) { return perf::cli_bench(opt.bench); }

}  // namespace ml::cli
