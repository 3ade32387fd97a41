#include "embed/program_host.h"

#include <mutex>
#include <ostream>

#include "tiering/runner.h"

namespace ml::embed {

namespace {

// The memory limit, the Ctrl-C flag and the time limit's watchdog are the process's: one
// program at a time.
std::mutex g_running;

}  // namespace

int run_program(std::shared_ptr<const SourceFile> src, const LanguagePack& pack, const runtime::LoadedConfig& config,
                const std::vector<std::string>& argv, std::streambuf* out, std::streambuf* err) {
  std::lock_guard<std::mutex> lk(g_running);
  std::ostream o(out), e(err);
  tiering::Runner runner(pack, config, tiering::Streams{&o, &e, nullptr});
  runner.set_argv(argv);
  int status = runner.run_file(std::move(src));
  o.flush();
  e.flush();
  return status;
}

}  // namespace ml::embed
