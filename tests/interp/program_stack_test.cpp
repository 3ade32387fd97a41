// A program runs on a big C++ stack of its own, switched to on the calling thread (no thread
// is made for it): deep recursion works whatever stack the caller has, one run follows another
// on the same stack with the same depth limit, errors come back to the caller, and a run inside
// a run (already on that stack) gets a thread.
#include <gtest/gtest.h>
#include <pthread.h>

#include <cstdint>
#include <stdexcept>

#include "interp/program_stack.h"
#include "interp_helpers.h"

using ml::interp::run_on_program_stack;
using ml::interp::testing::run;

namespace {

intptr_t address_of_a_local() {
  volatile char c = 0;
  return reinterpret_cast<intptr_t>(&c);
}

TEST(ProgramStack, RunsOnTheCallingThreadOnAnotherStack) {
  pthread_t caller = pthread_self();
  bool same_thread = false;
  intptr_t here = address_of_a_local(), there = 0;
  run_on_program_stack(size_t(64) << 20, [&] {
    same_thread = pthread_equal(caller, pthread_self()) != 0;
    there = address_of_a_local();
  });
  EXPECT_TRUE(same_thread);
  EXPECT_GT(here > there ? here - there : there - here, intptr_t(1) << 20);  // not this stack
}

TEST(ProgramStack, ErrorsComeBackAndTheNextRunGoesOn) {
  EXPECT_THROW(run_on_program_stack(size_t(1) << 20, [] { throw std::runtime_error("from the program"); }),
               std::runtime_error);
  int ran = 0;
  run_on_program_stack(size_t(1) << 20, [&] { ++ran; });
  EXPECT_EQ(ran, 1);
}

TEST(ProgramStack, ARunInsideARunGetsAThread) {
  pthread_t caller = pthread_self();
  bool outer_same = false, inner_same = true;
  EXPECT_THROW(run_on_program_stack(size_t(8) << 20,
                                    [&] {
                                      outer_same = pthread_equal(caller, pthread_self()) != 0;
                                      run_on_program_stack(size_t(8) << 20, [&] {
                                        inner_same = pthread_equal(caller, pthread_self()) != 0;
                                        throw std::runtime_error("inner");
                                      });
                                    }),
               std::runtime_error);
  EXPECT_TRUE(outer_same);
  EXPECT_FALSE(inner_same);
}

// 15,000 frames need far more than the 256 KiB stack of the thread that runs the program; the
// depth at which RecursionError comes is CPython's (999 calls under the default limit of 1,000,
// the module's frame included), run after run.
TEST(ProgramStack, DeepRecursionFromASmallThread) {
  struct Job {
    std::string deep, limit1, limit2;
  } job;
  auto body = [](void* p) -> void* {
    auto* j = static_cast<Job*>(p);
    j->deep = run("import sys\nsys.setrecursionlimit(20000)\ndef f(n):\n    return 0 if n == 0 else f(n - 1) + 1\n"
                  "print(f(15000))\n");
    const char* depth =
        "depth = 0\ndef g():\n    global depth\n    depth += 1\n    g()\n"
        "try:\n    g()\nexcept RecursionError:\n    print(depth)\n";
    j->limit1 = run(depth);
    j->limit2 = run(depth);
    return nullptr;
  };
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, size_t(256) << 10);
  pthread_t th;
  ASSERT_EQ(pthread_create(&th, &attr, body, &job), 0);
  pthread_join(th, nullptr);
  pthread_attr_destroy(&attr);
  EXPECT_EQ(job.deep, "15000\n");  // as python3
  EXPECT_EQ(job.limit1, "999\n");  // as python3
  EXPECT_EQ(job.limit2, "999\n");
}

}  // namespace
