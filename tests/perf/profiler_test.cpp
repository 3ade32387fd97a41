// The profiler's counting rules, checked on synthetic call trees with a fake clock.
#include "perf/profiler.h"

#include <gtest/gtest.h>

#include <functional>

using ml::perf::FunctionProfile;
using ml::perf::Profiler;
using ml::perf::SortKey;

namespace {

struct FakeClock {
  int64_t t = 0;
  Profiler::Clock fn() {
    return [this] { return t; };
  }
  void advance_us(int64_t us) { t += us * 1000; }
};

// fib(n) as the interpreter would run it: enter, 1 us of own work, the two recursive calls, leave.
int64_t fib(Profiler& p, Profiler::FuncId f, FakeClock& c, int n) {
  p.enter(f);
  c.advance_us(1);
  int64_t r = n < 2 ? n : fib(p, f, c, n - 1) + fib(p, f, c, n - 2);
  p.leave();
  return r;
}

}  // namespace

TEST(Profiler, Fib10Makes177CallsOnePrimitive) {
  FakeClock c;
  Profiler p(c.fn());
  auto f = p.function("fib", "fib.multi", 1, "interpreter");
  EXPECT_EQ(fib(p, f, c, 10), 55);
  const FunctionProfile* e = p.find("fib");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->calls, 177u);
  EXPECT_EQ(e->primitive_calls, 1u);
  // own time: 1 us per call; cumulative: only the outermost frame counts (177 us, not the sum
  // over every nested frame)
  EXPECT_NEAR(e->tottime, 177e-6, 1e-12);
  EXPECT_NEAR(e->cumtime, 177e-6, 1e-12);
  EXPECT_NEAR(e->percall_total(), 1e-6, 1e-12);
  EXPECT_NEAR(e->percall_cumulative(), 177e-6, 1e-12);
  EXPECT_EQ(p.total_calls(), 177u);
  EXPECT_EQ(p.primitive_calls(), 1u);
  EXPECT_EQ(p.depth(), 0u);
}

TEST(Profiler, ReportLooksLikeCProfile) {
  FakeClock c;
  Profiler p(c.fn());
  auto main = p.function("<module>", "fib.multi", 1);
  auto f = p.function("fib", "fib.multi", 1, "interpreter");
  p.enter(main);
  fib(p, f, c, 10);
  p.leave();
  std::string r = p.report(SortKey::Cumulative);
  EXPECT_NE(r.find("178 function calls (2 primitive calls) in 0.000 seconds"), std::string::npos) << r;
  EXPECT_NE(r.find("Ordered by: cumulative time"), std::string::npos) << r;
  EXPECT_NE(r.find("ncalls  tottime  percall  cumtime  percall backend"), std::string::npos) << r;
  EXPECT_NE(r.find("177/1"), std::string::npos) << r;
  EXPECT_NE(r.find("fib.multi:1(fib)"), std::string::npos) << r;
  EXPECT_NE(r.find("interpreter"), std::string::npos) << r;
  std::string lim = p.report(SortKey::Calls, 1);
  EXPECT_NE(lim.find("List reduced from 2 to 1 due to restriction <1>"), std::string::npos) << lim;
  EXPECT_NE(lim.find("(fib)"), std::string::npos) << lim;
  EXPECT_EQ(lim.find("(<module>)"), std::string::npos) << lim;
}

TEST(Profiler, OwnAndCumulativeTimeOfNestedCalls) {
  // main (2 us own) -> a (3 us own) -> b (5 us) twice
  FakeClock c;
  Profiler p(c.fn());
  p.enter("main");
  c.advance_us(1);
  p.enter("a");
  c.advance_us(3);
  for (int i = 0; i < 2; ++i) {
    p.enter("b");
    c.advance_us(5);
    p.leave();
  }
  p.leave();
  c.advance_us(1);
  p.leave();
  auto* m = p.find("main");
  auto* a = p.find("a");
  auto* b = p.find("b");
  EXPECT_NEAR(m->tottime, 2e-6, 1e-12);
  EXPECT_NEAR(m->cumtime, 15e-6, 1e-12);
  EXPECT_NEAR(a->tottime, 3e-6, 1e-12);
  EXPECT_NEAR(a->cumtime, 13e-6, 1e-12);
  EXPECT_EQ(b->calls, 2u);
  EXPECT_NEAR(b->tottime, 10e-6, 1e-12);
  EXPECT_NEAR(b->cumtime, 10e-6, 1e-12);
  EXPECT_NEAR(p.total_seconds(), 15e-6, 1e-12);
  auto byCum = p.entries(SortKey::Cumulative);
  ASSERT_EQ(byCum.size(), 3u);
  EXPECT_EQ(byCum[0].name, "main");
  EXPECT_EQ(byCum[2].name, "b");
  auto byTot = p.entries(SortKey::Total);
  EXPECT_EQ(byTot[0].name, "b");
  auto byCalls = p.entries(SortKey::Calls);
  EXPECT_EQ(byCalls[0].name, "b");
}

TEST(Profiler, MutualRecursionCountsCumulativeOnceForTheOutermostFrame) {
  // even(4) -> odd(3) -> even(2) -> odd(1) -> even(0), 1 us each
  FakeClock c;
  Profiler p(c.fn());
  std::function<void(int)> go = [&](int n) {
    p.enter(n % 2 ? "odd" : "even");
    c.advance_us(1);
    if (n > 0) go(n - 1);
    p.leave();
  };
  go(4);
  auto* even = p.find("even");
  auto* odd = p.find("odd");
  EXPECT_EQ(even->calls, 3u);
  EXPECT_EQ(even->primitive_calls, 1u);
  EXPECT_EQ(odd->calls, 2u);
  EXPECT_EQ(odd->primitive_calls, 1u);
  EXPECT_NEAR(even->cumtime, 5e-6, 1e-12);  // the outer even(4) frame
  EXPECT_NEAR(odd->cumtime, 4e-6, 1e-12);   // the outer odd(3) frame
  EXPECT_NEAR(even->tottime, 3e-6, 1e-12);
  EXPECT_NEAR(odd->tottime, 2e-6, 1e-12);
}

TEST(Profiler, BackendsAreSeparateRows) {
  FakeClock c;
  Profiler p(c.fn());
  auto fi = p.function("fib", "fib.multi", 1, "interpreter");
  auto fw = p.function("fib", "fib.multi", 1, "wasm");
  EXPECT_NE(fi, fw);
  EXPECT_EQ(p.function("fib", "fib.multi", 1, "wasm"), fw);
  p.enter(fi);
  c.advance_us(2);
  p.enter(fw);
  c.advance_us(7);
  p.leave();
  p.leave();
  EXPECT_EQ(p.find("fib", "wasm")->calls, 1u);
  EXPECT_NEAR(p.find("fib", "wasm")->tottime, 7e-6, 1e-12);
  EXPECT_NEAR(p.find("fib", "interpreter")->tottime, 2e-6, 1e-12);
  std::string r = p.report();
  EXPECT_NE(r.find("wasm"), std::string::npos);
}

TEST(Profiler, UnwindScopeAndErrors) {
  FakeClock c;
  Profiler p(c.fn());
  EXPECT_THROW(p.leave(), std::logic_error);
  EXPECT_THROW(p.enter(Profiler::FuncId(42)), std::out_of_range);
  auto f = p.function("f");
  {
    Profiler::Scope s(p, f);
    p.enter("g");
    p.enter("h");
    c.advance_us(1);
    EXPECT_EQ(p.depth(), 3u);
    // an exception unwinds g and h with the scope
  }
  EXPECT_EQ(p.depth(), 0u);
  EXPECT_EQ(p.find("h")->calls, 1u);
  EXPECT_EQ(p.find("f")->calls, 1u);
  p.clear();
  EXPECT_EQ(p.total_calls(), 0u);
  EXPECT_EQ(p.function("f"), f);  // ids survive clear()
  EXPECT_TRUE(p.entries().empty());
}

TEST(Profiler, SortKeys) {
  EXPECT_EQ(ml::perf::parse_sort_key("cumulative"), SortKey::Cumulative);
  EXPECT_EQ(ml::perf::parse_sort_key("tottime"), SortKey::Total);
  EXPECT_EQ(ml::perf::parse_sort_key("total"), SortKey::Total);
  EXPECT_EQ(ml::perf::parse_sort_key("calls"), SortKey::Calls);
  EXPECT_FALSE(ml::perf::parse_sort_key("bogus").has_value());
}

TEST(Profiler, RealClockMeasuresSomething) {
  Profiler p;
  p.enter("spin");
  volatile double x = 0;
  for (int i = 0; i < 100000; ++i) x = x + i;
  p.leave();
  EXPECT_EQ(p.find("spin")->calls, 1u);
  EXPECT_GE(p.find("spin")->cumtime, 0.0);
  EXPECT_EQ(p.find("spin")->cumtime, p.find("spin")->tottime);
}

TEST(ProfilerRelabel, TopFrameMovesToAnotherFunction) {
  int64_t t = 0;
  ml::perf::Profiler p([&] { return t; });
  auto interp = p.function("fib", "f.multi", 1, "interpreter");
  auto wasm = p.function("fib", "f.multi", 1, "wasm");
  p.enter(interp);
  t += 10;
  p.relabel_top(wasm);
  t += 5;
  p.leave();
  ASSERT_NE(p.find("fib", "wasm"), nullptr);
  EXPECT_EQ(p.find("fib", "wasm")->calls, 1u);
  EXPECT_EQ(p.find("fib", "interpreter")->calls, 0u);
  EXPECT_THROW(ml::perf::Profiler().relabel_top(0), std::logic_error);
}
