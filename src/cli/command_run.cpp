// `multilingual run FILE`: parse, then run on the interpreter (with functions offered to the
// WebAssembly backend when the backend allows it).
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/program_runner.h"

namespace ml::cli {

int cmd_run(const Options& opt) {
  auto ls = load_source(opt);
  ProgramRunner runner(*ls.pack, opt.backend, opt.config);
  runner.set_timeout_ms(opt.timeout_ms);
  int status = runner.run_file(ls.src);
  if (opt.explain) std::cerr << runner.explain();
  if (opt.emit == "wat") std::cerr << runner.emitted_wat();
  else if (!opt.emit.empty()) throw std::runtime_error("unknown --emit '" + opt.emit + "' (wat)");
  return status;
}

}  // namespace ml::cli
