// `multilingual run FILE [ARGS...]`: parse, then run on the interpreter (with functions offered
// to the WebAssembly backend when the configuration allows it).
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/sigint_guard.h"
#include "tiering/runner.h"

namespace ml::cli {

int cmd_run(const Options& opt) {
  auto config = load_configuration(opt.cfg);  // a bad configuration stops before the program runs
  auto ls = load_source(opt);
  tiering::Runner runner(*ls.pack, config);
  std::vector<std::string> argv{opt.file};
  argv.insert(argv.end(), opt.argv.begin(), opt.argv.end());
  runner.set_argv(std::move(argv));
  int status = run_interruptible(runner, ls.src);  // Ctrl-C: KeyboardInterrupt, status 130
  if (opt.explain) std::cerr << runner.explain();
  if (opt.emit == "wat") std::cerr << runner.emitted_wat();
  return status;
}

}  // namespace ml::cli
