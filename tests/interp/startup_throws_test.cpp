// A small program's run throws no C++ exception: the first throw of a process maps and reads
// the unwinder's tables (.eh_frame, .gcc_except_table) and its code, memory and time that a
// program which raises nothing should not pay. Throws are counted by interposing __cxa_throw,
// which the test executable defines in front of the C++ runtime's.
#include <dlfcn.h>
#include <gtest/gtest.h>

#include <atomic>

#include "interp_helpers.h"

namespace {
std::atomic<int> g_throws{0};
}

// (GCC declares it itself, with the type_info as void*.)
extern "C" [[noreturn]] void __cxa_throw(void* obj, void* type, void (*destroy)(void*)) {
  using Throw = void (*)(void*, void*, void (*)(void*));
  static const auto next = reinterpret_cast<Throw>(::dlsym(RTLD_NEXT, "__cxa_throw"));
  ++g_throws;
  next(obj, type, destroy);
  __builtin_unreachable();
}

namespace {

using ml::interp::testing::run;

int throws_running(const std::string& program, std::string& out) {
  int before = g_throws.load();
  out = run(program);
  return g_throws.load() - before;
}

TEST(StartupThrows, HelloThrowsNothing) {
  std::string out;
  run("print('warm')");  // what is made once per process (packs, tables) is not counted
  EXPECT_EQ(throws_running("print('hello')", out), 0);
  EXPECT_EQ(out, "hello\n");
}

// The count sees the interpreter's throws: a raised and caught error is one.
TEST(StartupThrows, ARaisedErrorIsCounted) {
  std::string out;
  EXPECT_GE(throws_running("def f():\n    raise ValueError('x')\ntry:\n    f()\nexcept ValueError:\n    print('caught')", out), 1);
  EXPECT_EQ(out, "caught\n");
}

}  // namespace
