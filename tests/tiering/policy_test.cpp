// The hot policy, driven directly: no program, no engine.
#include <gtest/gtest.h>

#include "tiering/policy.h"

namespace ml::tiering {
namespace {

PolicyOptions adaptive() {
  PolicyOptions o;
  o.adaptive = true;
  return o;
}

TEST(HotPolicy, WasmBackendOffersEveryCall) {
  HotPolicy p;  // not adaptive
  FunctionState st;
  st.straight_line = true;
  std::string why;
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(p.offer(st, 0, why));
  EXPECT_TRUE(why.empty());
}

TEST(HotPolicy, StraightLineFunctionNeverStartsTheEngine) {
  HotPolicy p(adaptive());
  FunctionState st;
  st.straight_line = true;
  std::string why;
  EXPECT_FALSE(p.offer(st, 1000000000L, why));
  EXPECT_NE(why.find("not worth starting the WebAssembly engine"), std::string::npos) << why;
  for (int i = 1; i < 3 * p.options().hot_calls; ++i) {
    EXPECT_FALSE(p.offer(st, 1000000000L, why)) << "call " << i;
    EXPECT_EQ(why, "") << "said once, at the first call";
  }
  p.engine_running();  // started for a function with loops: now it may be compiled too
  EXPECT_TRUE(p.offer(st, 0, why));
}

TEST(HotPolicy, StraightLineFunctionBecomesHotAfterHotCalls) {
  HotPolicy p(adaptive());
  p.engine_running();
  FunctionState st;
  st.straight_line = true;
  std::string why;
  for (int i = 1; i < p.options().hot_calls; ++i) {
    EXPECT_FALSE(p.offer(st, 0, why)) << "call " << i;
    EXPECT_NE(why.find("not hot yet"), std::string::npos) << why;
  }
  EXPECT_TRUE(p.offer(st, 0, why));  // the hot_calls-th call
  EXPECT_TRUE(st.offered);
  EXPECT_TRUE(p.offer(st, 0, why));  // and from then on
}

TEST(HotPolicy, LoopingFunctionIsOfferedAtOnceWithinTheCompileBudget) {
  HotPolicy p(adaptive());
  FunctionState st;  // has loops
  std::string why;
  EXPECT_TRUE(p.offer(st, 0, why));
}

TEST(HotPolicy, CompileBudgetSpentDefersEvenLoopingFunctions) {
  HotPolicy p(adaptive());
  p.spent_compiling(p.options().compile_budget + 1);
  FunctionState st;
  std::string why;
  EXPECT_FALSE(p.offer(st, 0, why));
  EXPECT_NE(why.find("share of the run"), std::string::npos) << why;
  // a long run earns compile work: a unit per calls_per_unit calls offered
  EXPECT_FALSE(p.offer(st, p.options().calls_per_unit, why));
  EXPECT_TRUE(p.offer(st, 2 * p.options().calls_per_unit, why));
}

// The budget counts work, not time: the same counts give the same answers however long
// compiling took (a loaded machine compiles the same functions as an idle one).
TEST(HotPolicy, CompileBudgetIsCountedInFunctionsNotTime) {
  HotPolicy p(adaptive());
  std::string why;
  for (int i = 0; i < p.options().compile_budget; ++i) {
    FunctionState st;  // has loops: offered at its first call while the budget lasts
    ASSERT_TRUE(p.offer(st, 0, why)) << "function " << i;
    p.spent_compiling(1);
  }
  EXPECT_EQ(p.compile_units(), p.options().compile_budget);
  FunctionState late;
  EXPECT_FALSE(p.offer(late, 0, why));
  EXPECT_NE(why.find("share of the run"), std::string::npos) << why;
}

TEST(HotPolicy, GivesUpAfterFallbacksInARowAndKeepsTheReason) {
  HotPolicy p;
  FunctionState st;
  std::string why;
  for (int i = 0; i < p.options().give_up_after; ++i) {
    ASSERT_TRUE(p.offer(st, 0, why));
    p.fell_back(st, "an int beyond 64 bits");
  }
  EXPECT_TRUE(p.given_up(st));
  EXPECT_FALSE(p.offer(st, 0, why));
  EXPECT_TRUE(why.empty());
  EXPECT_EQ(st.fallbacks, p.options().give_up_after);
  EXPECT_EQ(st.last_reason, "an int beyond 64 bits");
}

TEST(HotPolicy, ACompiledCallResetsTheFallbackCount) {
  HotPolicy p;
  FunctionState st;
  std::string why;
  p.fell_back(st, "x");
  p.fell_back(st, "x");
  EXPECT_TRUE(p.ran_compiled(st, 100, why));
  EXPECT_EQ(st.fallbacks_in_row, 0);
  EXPECT_TRUE(st.last_reason.empty());
  p.fell_back(st, "y");
  EXPECT_FALSE(p.given_up(st));
  EXPECT_EQ(st.fallbacks, 3);
}

TEST(HotPolicy, QuickStraightLineFunctionGoesBackToTheInterpreterAfterItsTrial) {
  HotPolicy p(adaptive());
  FunctionState st;
  st.straight_line = true;
  st.offered = true;
  std::string why;
  int n = p.options().trial_calls;
  for (int i = 1; i < n; ++i) EXPECT_TRUE(p.ran_compiled(st, 500, why));  // 0.5 us each
  EXPECT_FALSE(p.ran_compiled(st, 500, why));
  EXPECT_NE(why.find("after 16 calls of 0.5 us compiled"), std::string::npos) << why;
  EXPECT_TRUE(p.given_up(st));
  EXPECT_FALSE(p.offer(st, 0, why));
}

TEST(HotPolicy, SlowOrLoopingFunctionsStayCompiledAfterTheTrial) {
  HotPolicy p(adaptive());
  std::string why;
  FunctionState slow;
  slow.straight_line = true;
  FunctionState loops;  // quick, but its cost is not bounded by its size
  for (int i = 0; i < p.options().trial_calls; ++i) {
    EXPECT_TRUE(p.ran_compiled(slow, 50'000, why));
    EXPECT_TRUE(p.ran_compiled(loops, 500, why));
  }
  EXPECT_FALSE(p.given_up(slow));
  EXPECT_FALSE(p.given_up(loops));
  EXPECT_EQ(slow.trial_calls, p.options().trial_calls);
}

// A function whose calls copy values into linear memory and take little time compiled is
// timed on the interpreter after its trial: left there when that is no slower, kept compiled
// when it is.
TEST(HotPolicy, QuickCopyingFunctionsAreComparedWithTheirInterpretedCalls) {
  HotPolicy p(adaptive());
  std::string why;
  FunctionState cheap, dear, scalars;
  cheap.copies = dear.copies = true;  // (with loops: the quick rule does not apply)
  for (int i = 0; i < p.options().trial_calls; ++i) {
    EXPECT_FALSE(p.wants_interpreted_trial(cheap));
    EXPECT_TRUE(p.ran_compiled(cheap, 4'000, why));
    EXPECT_TRUE(p.ran_compiled(dear, 4'000, why));
    EXPECT_TRUE(p.ran_compiled(scalars, 4'000, why));
  }
  EXPECT_DOUBLE_EQ(cheap.compiled_us, 4.0);
  EXPECT_FALSE(p.wants_interpreted_trial(scalars)) << "nothing copied: never compared";
  int n = p.options().interpreted_trials;
  for (int i = 1; i < n; ++i) {
    EXPECT_TRUE(p.wants_interpreted_trial(cheap));
    EXPECT_TRUE(p.ran_interpreted(cheap, 3'000, why));  // quicker interpreted
    EXPECT_TRUE(p.ran_interpreted(dear, 40'000, why));  // ten times slower interpreted
  }
  EXPECT_FALSE(p.ran_interpreted(cheap, 3'000, why));
  EXPECT_NE(why.find("4.0 us compiled and 3.0 us interpreted"), std::string::npos) << why;
  EXPECT_TRUE(p.given_up(cheap));
  EXPECT_TRUE(p.ran_interpreted(dear, 40'000, why));
  EXPECT_FALSE(p.given_up(dear));
  EXPECT_FALSE(p.wants_interpreted_trial(dear)) << "compared once";
}

TEST(HotPolicy, LongCompiledCallsAreNotComparedAndTheWasmBackendNever) {
  HotPolicy adaptive_policy(adaptive()), wasm;
  std::string why;
  FunctionState longer, pinned;
  longer.copies = pinned.copies = true;
  for (int i = 0; i < adaptive_policy.options().trial_calls; ++i) {
    EXPECT_TRUE(adaptive_policy.ran_compiled(longer, 500'000, why));
    EXPECT_TRUE(wasm.ran_compiled(pinned, 500, why));
  }
  EXPECT_FALSE(adaptive_policy.wants_interpreted_trial(longer));
  EXPECT_FALSE(wasm.wants_interpreted_trial(pinned));
}

}  // namespace
}  // namespace ml::tiering
