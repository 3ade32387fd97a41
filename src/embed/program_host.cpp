#include "embed/program_host.h"

#include <iostream>
#include <mutex>

#include "cli/program_runner.h"

namespace ml::embed {

namespace {

std::mutex g_running;  // std::cout and std::cerr are the process's: one program at a time

// Puts a stream's buffer back however the run ends.
struct Redirect {
  std::ostream& s;
  std::streambuf* saved;
  Redirect(std::ostream& stream, std::streambuf* to) : s(stream), saved(stream.rdbuf(to)) {}
  ~Redirect() {
    s.flush();
    s.rdbuf(saved);
    s.clear();
  }
};

}  // namespace

int run_program(std::shared_ptr<const SourceFile> src, const LanguagePack& pack, const runtime::LoadedConfig& config,
                const std::vector<std::string>& argv, std::streambuf* out, std::streambuf* err) {
  std::lock_guard<std::mutex> lk(g_running);
  Redirect o(std::cout, out), e(std::cerr, err);
  cli::ProgramRunner runner(pack, config);
  runner.set_argv(argv);
  return runner.run_file(std::move(src));
}

}  // namespace ml::embed
