// Running the `multilingual` binary from tests and capturing what it prints.
#pragma once
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "shared/subprocess.h"

namespace ml::test {

struct RunResult {
  int status = -1;
  std::string out;  // stdout and stderr, merged
};

inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs `multilingual <args>` in `cwd`; stderr merged into the output unless `stderr_too` is false.
// `env` ("NAME=value ...") is set for that process only.
inline RunResult run_ml(const std::string& args, const std::string& cwd = ".", bool stderr_too = true,
                        const std::string& env = "") {
  std::string cmd = "cd " + shell_quote(cwd) + " && " + env + " timeout 120 " + shell_quote(ML_BINARY) + " " + args +
                    (stderr_too ? " 2>&1" : " 2>/dev/null");
  RunResult r;
  r.out = ml::test_support::run_command(cmd, &r.status);
  return r;
}

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void write_file(const std::filesystem::path& p, const std::string& s) {
  std::ofstream out(p, std::ios::binary);
  out << s;
}

// A fresh scratch directory under the build tree.
inline std::filesystem::path scratch_dir(const std::string& name) {
  auto d = std::filesystem::path(ML_BUILD_DIR) / "test-scratch" / name;
  std::filesystem::remove_all(d);
  std::filesystem::create_directories(d);
  return d;
}

}  // namespace ml::test
