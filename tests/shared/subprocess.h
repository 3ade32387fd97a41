// Other programs run from the tests: a shell command, and python3, the reference the
// differential tests compare compiled and interpreted runs with. Shared by every test binary
// (tests/ is on their include path).
#pragma once
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace ml::test_support {

// What a shell command printed on stdout; its exit status in *status when asked (128 + the
// signal's number for a command a signal ended, as a shell reports it).
inline std::string run_command(const std::string& cmd, int* status = nullptr) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) {
    if (status) *status = -1;
    return out;
  }
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  int st = pclose(p);
  if (status) *status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  return out;
}

// What python3 prints running `script` (its stderr dropped), given at most `timeout_s` seconds.
// Empty when python3 is missing or failed at once: callers assert it is not, since the set-up
// installs python3 and a comparison with nothing would pass whatever we print.
inline std::string python3_output(const std::string& script, int timeout_s = 120) {
  namespace fs = std::filesystem;
  static int serial = 0;
  fs::path dir = fs::temp_directory_path() / ("ml_python3_" + std::to_string(getpid()) + "_" + std::to_string(serial++));
  fs::create_directories(dir);
  {
    std::ofstream f(dir / "prog.py");
    f << script;
  }
  std::string out = run_command("timeout " + std::to_string(timeout_s) + " python3 " + (dir / "prog.py").string() + " 2>/dev/null");
  fs::remove_all(dir);
  return out;
}

// How many times `part` occurs in `text`.
inline size_t occurrences(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = 0; (at = text.find(part, at)) != std::string::npos; at += part.size()) ++n;
  return n;
}

}  // namespace ml::test_support
