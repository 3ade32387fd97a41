// Every command reads one configuration (files, environment, flags) and rejects a bad one
// before anything runs; what it sets (backend, time limit, memory limit) takes effect.
#include <gtest/gtest.h>

#include "run_util.h"

namespace fs = std::filesystem;
using namespace ml::test;

namespace {

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// A scratch folder with a program p.py and, if given, a multilingual.toml.
fs::path project(const std::string& name, const std::string& program, const std::string& toml = "") {
  auto dir = scratch_dir("config_" + name);
  write_file(dir / "p.py", program);
  if (!toml.empty()) write_file(dir / "multilingual.toml", toml);
  return dir;
}

// `VAR=value multilingual <args>` in `cwd`, stdout and stderr merged.
RunResult run_with_env(const std::string& env, const std::string& args, const fs::path& cwd) {
  return run_ml(args, cwd.string(), true, env);
}

const char* kSpin =
    "def spin(n):\n    total = 0\n    i = 0\n    while i < n:\n        total = total + i % 7\n"
    "        i = i + 1\n    return total\n";

TEST(Configuration, EveryCommandRejectsAnUnknownBackendBeforeRunning) {
  auto dir = project("bad_backend", "print('ran')\n", "[wasm]\nbackend = \"fast\"\n");
  // (with --backend the key is overridden, but the file is still read, and still wrong)
  for (const char* cmd : {"run p.py", "run p.py --backend wasm --explain", "profile p.py", "build p.py -o x.wasm",
                          "doctor", "call fibonacci 10", "repl < p.py"}) {
    auto r = run_ml(cmd, dir.string());
    EXPECT_EQ(r.status, 2) << cmd << "\n" << r.out;
    EXPECT_TRUE(has(r.out, "multilingual.toml:2: key 'backend': unknown backend \"fast\"")) << cmd << "\n" << r.out;
    EXPECT_FALSE(has(r.out, "ran")) << cmd << "\n" << r.out;
  }
}

TEST(Configuration, ABrokenFileOrUnknownKeyIsLocated) {
  auto dir = project("broken", "print('ran')\n", "[wasm]\ntimeout_ms = 10\nmemory_pages = \n");
  auto r = run_ml("run p.py", dir.string());
  EXPECT_EQ(r.status, 2) << r.out;
  EXPECT_TRUE(has(r.out, "multilingual.toml:3")) << r.out;
  EXPECT_FALSE(has(r.out, "ran")) << r.out;
  auto key = project("unknown_key", "print('ran')\n", "[wasm]\nbakend = \"wasm\"\n");
  auto k = run_ml("run p.py", key.string());
  EXPECT_EQ(k.status, 2) << k.out;
  EXPECT_TRUE(has(k.out, "multilingual.toml:2: key 'bakend': unknown key")) << k.out;
  auto py = scratch_dir("config_pyproject");
  write_file(py / "p.py", "print('ran')\n");
  write_file(py / "pyproject.toml", "[project]\nname = \"x\"\n\n[tool.multilingual.wasm]\ntimeout_ms = -1\n");
  auto pr = run_ml("run p.py", py.string());
  EXPECT_EQ(pr.status, 2) << pr.out;
  EXPECT_TRUE(has(pr.out, "pyproject.toml:5: key 'timeout_ms'")) << pr.out;
}

TEST(Configuration, TheBackendComesFromFileEnvironmentAndFlag) {
  auto dir = project("backend", std::string(kSpin) + "print(spin(1000))\n", "[wasm]\nbackend = \"python\"\n");
  auto f = run_ml("run p.py --explain", dir.string());
  EXPECT_EQ(f.status, 0) << f.out;
  EXPECT_TRUE(has(f.out, "every function ran on the interpreter")) << f.out;
  auto flag = run_ml("run p.py --explain --backend wasm", dir.string());
  EXPECT_TRUE(has(flag.out, "spin(int): wasm")) << flag.out;
  write_file(dir / "other.toml", "[wasm]\nbackend = \"wasm\"\n");
  auto other = run_ml("run p.py --explain --config other.toml", dir.string());
  EXPECT_TRUE(has(other.out, "spin(int): wasm")) << other.out;
  auto env = run_with_env("MULTILINGUAL_BACKEND=wasm", "run p.py --explain", dir);
  EXPECT_TRUE(has(env.out, "spin(int): wasm")) << env.out;
  auto bad = run_with_env("MULTILINGUAL_BACKEND=turbo", "run p.py", dir);
  EXPECT_EQ(bad.status, 2) << bad.out;
  EXPECT_TRUE(has(bad.out, "MULTILINGUAL_BACKEND")) << bad.out;
  EXPECT_FALSE(has(bad.out, "2999")) << bad.out;
}

TEST(Configuration, OneBackendVocabulary) {
  auto dir = project("vocabulary", std::string(kSpin) + "print(spin(100))\n");
  for (const char* b : {"auto", "python", "wasm", "interpreter", "native"}) {
    auto r = run_ml(std::string("run p.py --backend ") + b, dir.string());
    EXPECT_EQ(r.status, 0) << b << ": " << r.out;
    EXPECT_TRUE(has(r.out, "295\n")) << b << ": " << r.out;
    auto c = run_ml(std::string("call fibonacci 10 --backend ") + b, dir.string());
    EXPECT_EQ(c.status, 0) << b << ": " << c.out;
    EXPECT_TRUE(has(c.out, "55")) << b << ": " << c.out;
  }
  auto bad = run_ml("run p.py --backend fast", dir.string());
  EXPECT_EQ(bad.status, 2) << bad.out;
  EXPECT_TRUE(has(bad.out, "auto, python, wasm")) << bad.out;
}

// A compiled call that outlives the time limit is stopped by the engine (not left to run, and
// not killed with the process): the TimeoutError is an ordinary, located exception.
TEST(Configuration, TheTimeLimitStopsCompiledCode) {
  std::string prog = std::string(kSpin) +
                     "spin(10)\ntry:\n    spin(10 ** 12)\nexcept TimeoutError as e:\n    print('stopped:', e)\n";
  auto dir = project("timeout", prog, "[wasm]\ntimeout_ms = 300\n");
  auto r = run_ml("run p.py --backend wasm", dir.string());
  EXPECT_TRUE(has(r.out, "stopped: execution timed out after 300 ms")) << r.out;  // an ordinary exception, caught by the program
  EXPECT_EQ(r.status, 0) << r.out;
  auto flag = run_ml("run p.py --backend wasm --timeout-ms 200", project("timeout_flag", prog).string());
  EXPECT_TRUE(has(flag.out, "stopped: execution timed out after 200 ms")) << flag.out;
  // uncaught: located at the loop the compiled code was running, the call in the traceback,
  // exit status 1
  auto uncaught = run_ml("run p.py --backend wasm --timeout-ms 200",
                         project("timeout_uncaught", std::string(kSpin) + "spin(10)\nspin(10 ** 12)\n").string());
  EXPECT_EQ(uncaught.status, 1) << uncaught.out;
  EXPECT_TRUE(has(uncaught.out, "p.py:4:5: TimeoutError")) << uncaught.out;
  EXPECT_TRUE(has(uncaught.out, "p.py:9: <module>")) << uncaught.out;
  EXPECT_TRUE(has(uncaught.out, "p.py:4: spin")) << uncaught.out;
}

TEST(Configuration, TheMemoryLimitEndsInAMemoryError) {
  auto dir = project("memory", "print('start')\nx = [0] * 10 ** 9\nprint('never')\n", "[wasm]\nmax_memory_mb = 300\n");
  auto r = run_ml("run p.py --backend python", dir.string());
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_TRUE(has(r.out, "start\n")) << r.out;
  EXPECT_TRUE(has(r.out, "MemoryError")) << r.out;
  EXPECT_TRUE(has(r.out, "p.py:2:")) << r.out;
  EXPECT_FALSE(has(r.out, "never")) << r.out;
  auto doubling = project("memory_doubling", "s = 'ab'\nwhile True:\n    s = s + s\n");
  auto d = run_ml("run p.py --max-memory-mb 300", doubling.string());
  EXPECT_EQ(d.status, 1) << d.out;
  EXPECT_TRUE(has(d.out, "MemoryError")) << d.out;
  EXPECT_TRUE(has(d.out, "p.py:3:")) << d.out;
}

TEST(Configuration, RunHelpSaysWhatItReads) {
  auto r = run_ml("run --help");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(has(r.out, "multilingual.toml")) << r.out;
  EXPECT_TRUE(has(r.out, "pyproject.toml")) << r.out;
  EXPECT_TRUE(has(r.out, "MULTILINGUAL_BACKEND")) << r.out;
  EXPECT_TRUE(has(r.out, "--max-memory-mb")) << r.out;
}

}  // namespace
