// What `multilingual run` loads before a program's first line: the dynamic loader's own report
// (LD_DEBUG=files names every shared object as it is loaded) shows that a program with nothing to
// compile never opens the WebAssembly engine (libmlv8.so, libnode), and that the libraries behind
// library modules are not separate shared objects to map and relocate at every start.
#include <gtest/gtest.h>

#include "run_util.h"

using namespace ml::test;

namespace {

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// Runs `multilingual run FLAGS p.py` on `text` with the loader's report merged into the output.
RunResult run_reporting_loads(const std::string& name, const std::string& text, const std::string& flags = "") {
  auto dir = scratch_dir("startup_" + name);
  write_file(dir / "p.py", text);
  return run_ml("run " + flags + " p.py", dir.string(), true, "LD_DEBUG=files");
}

TEST(Startup, HelloOpensNoEngine) {
  auto r = run_reporting_loads("hello", "print(\"Hello, world!\")\n");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(has(r.out, "Hello, world!\n")) << r.out;
  ASSERT_TRUE(has(r.out, "file=libc.so")) << "no loader report to read:\n" << r.out;  // the report is there
  EXPECT_FALSE(has(r.out, "libmlv8")) << r.out;
  EXPECT_FALSE(has(r.out, "libnode")) << r.out;
}

TEST(Startup, ACompiledFunctionOpensTheEngine) {
  // The check above would pass with a report that never names the plugin: here it must.
  auto r = run_reporting_loads("compiled", "def twice(n):\n    return n * 2\n\nprint(twice(21))\n", "--backend wasm");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(has(r.out, "42\n")) << r.out;
  EXPECT_TRUE(has(r.out, "libmlv8")) << r.out;
}

// A program runs on the process's own thread (on a big stack switched to, not a thread of its
// own), and Ctrl-C is watched without a thread until there is compiled code to stop: a small
// program's process has one thread, as python3's has.
TEST(Startup, HelloRunsOnTheOneThread) {
  const char* prog = "import os\nprint(\"threads\", len(os.listdir(\"/proc/self/task\")))\n";
  for (const char* flags : {"", "--backend interpreter"}) {
    auto r = run_reporting_loads("threads", prog, flags);
    EXPECT_EQ(r.status, 0) << flags << "\n" << r.out;
    EXPECT_TRUE(has(r.out, "threads 1\n")) << flags << "\n" << r.out;
  }
}

#ifdef ML_EXE_STATIC_DEPS
TEST(Startup, ModuleLibrariesAreNoSharedObjects) {
  // Linked into the executable (cmake/startup.cmake), and still working.
  auto r = run_reporting_loads("modules",
                               "import sqlite3, re, zlib, bz2, lzma\n"
                               "c = sqlite3.connect(':memory:')\n"
                               "print(c.execute('select 6 * 7').fetchone()[0], re.sub('a+', '-', 'baaad'),\n"
                               "      len(zlib.compress(b'x' * 100)) < 100, bz2.decompress(bz2.compress(b'ok')),\n"
                               "      lzma.decompress(lzma.compress(b'ok')), 2 ** 100 % 7)\n");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(has(r.out, "42 b-d True b'ok' b'ok' 2\n")) << r.out;
  ASSERT_TRUE(has(r.out, "file=libc.so")) << r.out;
  for (const char* lib : {"libsqlite3", "libpcre2", "libz.so", "libbz2", "liblzma", "libgmp", "libreadline", "libtinfo",
                          "libutf8proc", "libboost_context"})
    EXPECT_FALSE(has(r.out, lib)) << lib << "\n" << r.out;
}
#endif

}  // namespace
