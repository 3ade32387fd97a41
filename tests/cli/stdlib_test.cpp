// The standard library written for the language (stdlib/, and the C++ modules): each program in
// tests/stdlib prints what CPython 3.11 printed for it (NAME.expected was made by python3).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "run_util.h"

namespace fs = std::filesystem;
using namespace ml::test;

namespace {

fs::path stdlib_tests() { return fs::path(ML_SOURCE_DIR) / "tests" / "stdlib"; }

std::vector<std::string> programs() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(stdlib_tests()))
    if (e.path().extension() == ".py") out.push_back(e.path().stem().string());
  std::sort(out.begin(), out.end());
  return out;
}

class Stdlib : public ::testing::TestWithParam<std::string> {};

TEST_P(Stdlib, PrintsWhatCPythonPrints) {
  const std::string& name = GetParam();
  auto r = run_ml("run " + name + ".py --lang en --backend interpreter", stdlib_tests().string());
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out, read_file(stdlib_tests() / (name + ".expected")));
}

INSTANTIATE_TEST_SUITE_P(All, Stdlib, ::testing::ValuesIn(programs()), [](const auto& info) { return info.param; });

// argparse reads sys.argv, prints its errors (after the usage) to stderr and exits with status 2,
// as a command-line program written for CPython expects.
TEST(StdlibCommandLine, ArgparseParsesArgvAndFailsWithStatus2OnStderr) {
  auto dir = scratch_dir("argparse_cli");
  write_file(dir / "cli.py",
             "import argparse\n"
             "p = argparse.ArgumentParser(prog='cli')\n"
             "p.add_argument('n', type=int)\n"
             "p.add_argument('--loud', action='store_true')\n"
             "a = p.parse_args()\n"
             "print(a.n * 2, a.loud)\n");
  auto ok = run_ml("run cli.py --lang en -- 21 --loud", dir.string());
  EXPECT_EQ(ok.status, 0) << ok.out;
  EXPECT_EQ(ok.out, "42 True\n");
  auto bad = run_ml("run cli.py --lang en -- x", dir.string(), false);
  EXPECT_EQ(bad.status, 2);
  EXPECT_EQ(bad.out, "");  // everything went to stderr
  auto both = run_ml("run cli.py --lang en -- x", dir.string());
  EXPECT_EQ(both.out, "usage: cli [-h] [--loud] n\ncli: error: argument n: invalid int value: 'x'\n");
}

// Code that compiles to WebAssembly called from generator bodies and green threads, whose
// stacks live elsewhere in memory than the program's: the engine, which takes its stack limit
// from the stack it was first entered on, crashed on the second generator ("Empty MaybeLocal").
TEST(StdlibCommandLine, GeneratorsAndThreadsCallCompiledFunctionsOnEveryBackend) {
  auto dir = scratch_dir("fiber_compiled");
  write_file(dir / "prog.py",
             "import threading\n"
             "def spin(n):\n"
             "    t = 0\n"
             "    for i in range(n):\n"
             "        t += i * i\n"
             "    return t\n"
             "def gen(k):\n"
             "    for j in range(3):\n"
             "        yield spin(k * 100 + j)\n"
             "a, b = gen(1), gen(2)\n"
             "print(next(a), next(b), next(a), next(b), spin(10))\n"
             "ev = threading.Event()\n"
             "out = []\n"
             "def worker(n):\n"
             "    x = spin(n)\n"
             "    ev.wait()\n"
             "    out.append(x + spin(n))\n"
             "ts = [threading.Thread(target=worker, args=(k * 1000,)) for k in range(3)]\n"
             "for t in ts:\n"
             "    t.start()\n"
             "ev.set()\n"
             "for t in ts:\n"
             "    t.join()\n"
             "print(sorted(out))\n");
  for (const char* backend : {"interpreter", "auto", "wasm"}) {
    auto r = run_ml(std::string("run prog.py --lang en --backend ") + backend, dir.string());
    EXPECT_EQ(r.status, 0) << backend << ": " << r.out;
    EXPECT_EQ(r.out, "328350 2646700 338350 2686700 285\n[0, 665667000, 5329334000]\n") << backend;
  }
}

// Functions registered with atexit run, last first, when the program ends through sys.exit
// (keeping its status) or an uncaught error, as in Python.
TEST(StdlibCommandLine, AtexitFunctionsRunAtSysExitAndAfterAnUncaughtError) {
  auto dir = scratch_dir("atexit_cli");
  write_file(dir / "bye.py",
             "import atexit, sys\n"
             "atexit.register(print, 'first registered, last run')\n"
             "atexit.register(lambda: print('last registered, first run'))\n"
             "print('body')\n"
             "sys.exit(3)\n");
  auto r = run_ml("run bye.py --lang en", dir.string(), false);
  EXPECT_EQ(r.status, 3);
  EXPECT_EQ(r.out, "body\nlast registered, first run\nfirst registered, last run\n");
  write_file(dir / "err.py",
             "import atexit\n"
             "atexit.register(print, 'cleanup ran')\n"
             "raise ValueError('boom')\n");
  auto e = run_ml("run err.py --lang en", dir.string(), false);
  EXPECT_EQ(e.status, 1);
  EXPECT_EQ(e.out, "cleanup ran\n");
  // the traceback comes first, then what the atexit functions print (CPython's order), once
  auto both = run_ml("run err.py --lang en", dir.string());
  EXPECT_EQ(both.status, 1);
  size_t error = both.out.find("ValueError: boom"), cleanup = both.out.find("cleanup ran");
  ASSERT_NE(error, std::string::npos) << both.out;
  ASSERT_NE(cleanup, std::string::npos) << both.out;
  EXPECT_LT(error, cleanup) << both.out;
  EXPECT_EQ(both.out.find("ValueError: boom", error + 1), std::string::npos) << both.out;
}

// A child made by os.fork ends as a program does: sys.exit's status, or the traceback of an
// uncaught error (written by the child) and status 1; the parent goes on.
TEST(StdlibCommandLine, ForkedChildEndsWithItsOwnStatusAndTraceback) {
  auto dir = scratch_dir("fork_cli");
  write_file(dir / "fork.py",
             "import os, sys\n"
             "for how in ('exit', 'error', 'end'):\n"
             "    sys.stdout.flush()\n"
             "    pid = os.fork()\n"
             "    if pid == 0:\n"
             "        if how == 'exit':\n"
             "            sys.exit(4)\n"
             "        if how == 'error':\n"
             "            raise ValueError('in the child')\n"
             "    else:\n"
             "        print(how, os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), flush=True)\n"
             "        continue\n"
             "    break\n"
             "else:\n"
             "    print('parent done')\n");
  auto r = run_ml("run fork.py --lang en", dir.string(), false);
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out, "exit 4\nerror 1\nend 0\nparent done\n");
  auto both = run_ml("run fork.py --lang en", dir.string());
  EXPECT_NE(both.out.find("ValueError: in the child"), std::string::npos) << both.out;
}

}  // namespace
