// multilingual::ProgramExecutor: runs programs written in any of the installed human languages
// in this process, with their output sent where the embedder says and their errors returned
// (or thrown) localized and located.
//
//   multilingual::ProgramExecutor ex;
//   auto r = ex.run("afficher(1 + 1)\n", "fr");   // r.output == "2\n", r.ok()
//   ex.execute(code, "en");                        // throws multilingual::Error on failure
#pragma once
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "multilingual/config.h"
#include "multilingual/error.h"

namespace multilingual {

struct RunResult {
  int exit_status = 0;      // as the command line's: 0, 1 for an error, SystemExit's code
  std::string language;     // the language the program ran in (given or detected)
  std::string output;       // what it printed, when no output sink was set
  std::string errors;       // the error report as the command line prints it
  std::optional<Error> error;
  bool ok() const { return exit_status == 0; }
};

using OutputSink = std::function<void(std::string_view)>;

class ProgramExecutor {
 public:
  explicit ProgramExecutor(Config config = {});
  ~ProgramExecutor();
  ProgramExecutor(ProgramExecutor&&) noexcept;
  ProgramExecutor& operator=(ProgramExecutor&&) noexcept;

  // Where print() goes while a program runs: a callback, a stream (its buffer at the time of
  // the call, so std::cout works), or (the default, set_output(nullptr)) RunResult::output.
  void set_output(OutputSink sink);
  void set_output(std::ostream& out);
  // Each program runs with these as sys.argv[1:].
  void set_arguments(std::vector<std::string> args);

  // language: a code ("en", "fr", ...) or "" to detect it from the text.
  // Throws Error (kind "LanguageError") only for an unknown language; the program's own errors
  // are in the result. One program runs at a time in a process (output is redirected globally).
  RunResult run(std::string_view code, std::string_view language = "", std::string_view name = "<string>");
  RunResult run_file(const std::filesystem::path& file, std::string_view language = "");
  // run(), throwing the program's error instead of returning it.
  RunResult execute(std::string_view code, std::string_view language = "");

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The installed language codes, sorted; the code a text is most likely written in.
std::vector<std::string> languages();
std::string detect_language(std::string_view code);
std::string version();

// The share/multilingual folder to take language packs, kernels and library modules from,
// when the default (next to the library, or the build tree) is not right. Call it first.
void set_data_dir(const std::filesystem::path& share_multilingual);

}  // namespace multilingual
