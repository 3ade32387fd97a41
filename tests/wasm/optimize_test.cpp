// Semantics the code generator's optimizations must keep: list lengths/data read once per
// loop (hoisting), non-negative range indices, the f64x2 loop, the call-depth budget, the
// accumulator for `return A + f(...)`, cheaper overflow checks against literals.
#include <gtest/gtest.h>

#include <climits>

#include "wasm_util.h"

using namespace ml::wasmtest;
using ml::wasm::CallOutcome;

namespace {

std::vector<double> floats(const Value& v) {
  std::vector<double> out;
  for (const Value& x : *v.as_list()) out.push_back(x.as_float());
  return out;
}
Value FL(std::vector<double> xs) {
  std::vector<Value> v;
  for (double x : xs) v.push_back(F(x));
  return L(v);
}

}  // namespace

TEST(Optimize, AppendInsideLoopsStillSeen) {
  Prog p(R"(
def grow(n):
    xs = [0]
    for i in range(n):
        xs.append(xs[i] + 1)
    return xs

def push(ys, v):
    ys.append(v)

def through_call(n):
    xs = [1]
    t = 0
    for i in range(n):
        push(xs, i)
        t += xs[len(xs) - 1] * 10 + len(xs)
    return t

def alias_append(n):
    xs = [5]
    ys = xs
    t = 0
    i = 0
    while i < n:
        ys.append(i)
        t += xs[len(xs) - 1] + len(xs)
        i += 1
    return t
)");
  EXPECT_EQ(p.run("grow", {I(5)}), "[0, 1, 2, 3, 4, 5]");
  // i = 0..3: last element i, length i + 2
  EXPECT_EQ(p.run("through_call", {I(4)}), std::to_string((0 + 1 + 2 + 3) * 10 + (2 + 3 + 4 + 5)));
  EXPECT_EQ(p.run("alias_append", {I(3)}), std::to_string((0 + 1 + 2) + (2 + 3 + 4)));
}

TEST(Optimize, NegativeAndComputedIndicesInLoops) {
  Prog p(R"(
def backwards(xs):
    out = []
    for i in range(len(xs)):
        out.append(xs[-1 - i])
    return out

def down(xs):
    t = 0
    for i in range(len(xs) - 1, -1, -1):
        t = t * 10 + xs[i]
    return t

def shifted(xs):
    t = 0
    for i in range(len(xs)):
        t = t * 10 + xs[i - 2]
    return t

def rebound(xs):
    t = 0
    for i in range(3):
        i = i - 3
        t = t * 10 + xs[i]
    return t

def nested(xs):
    t = 0
    for k in range(2):
        for x in xs:
            t += x
    return t
)");
  Value xs = L({I(1), I(2), I(3), I(4)});
  EXPECT_EQ(p.run("backwards", {xs}), "[4, 3, 2, 1]");
  EXPECT_EQ(p.run("down", {xs}), "4321");
  EXPECT_EQ(p.run("shifted", {xs}), "3412");
  EXPECT_EQ(p.run("rebound", {xs}), "234");
  // the inner loop over a list starts again at its first element on every outer turn
  EXPECT_EQ(p.run("nested", {xs}), "20");
}

TEST(Optimize, IndexErrorsInsideOptimizedLoops) {
  Prog p(R"(
def total(xs, n):
    t = 0
    for i in range(n):
        t += xs[i]
    return t

def axpy(y, a, x, m):
    for j in range(m):
        y[j] += a * x[j]
    return y
)");
  EXPECT_EQ(p.run("total", {L({I(1), I(2)}), I(2)}), "3");
  EXPECT_EQ(p.run("total", {L({I(1), I(2)}), I(3)}), "IndexError: list index out of range");
  // x is shorter than the range: the elements before the failing index are updated, as in Python
  Value y = FL({1, 1, 1, 1, 1}), x = FL({1, 2, 3});
  auto o = p.call("axpy", {y, F(2.0), x, I(5)});
  ASSERT_EQ(o.kind, CallOutcome::Error);
  EXPECT_EQ(o.error_class, "IndexError");
  EXPECT_EQ(o.line, 10);
  EXPECT_EQ(floats(y), (std::vector<double>{3, 5, 7, 1, 1}));
}

TEST(Optimize, VectorLoopMatchesScalarSemantics) {
  Prog p(R"(
def axpy(y, a, x, lo, hi):
    j = -1
    for j in range(lo, hi):
        y[j] += a * x[j]
    return j

def combo(y, x, k):
    for j in range(len(y)):
        y[j] = -(x[j] * k) + y[j] * 0.5 - 1
    return y

def scale(y, k):
    for j in range(len(y)):
        y[j] *= k
    return y
)");
  for (int n : {0, 1, 2, 3, 7, 8}) {
    std::vector<double> yv, xv;
    for (int i = 0; i <= n; ++i) { yv.push_back(0.25 * i); xv.push_back(1.5 - i); }  // one more than the range
    Value y = FL(yv), x = FL(xv);
    auto o = p.call("axpy", {y, F(3.0), x, I(0), I(n)});
    ASSERT_EQ(o.kind, CallOutcome::Ok) << n << o.reason;
    EXPECT_EQ(o.result.as_int(), n - 1);  // the loop variable as the last turn left it
    for (int i = 0; i < n; ++i) EXPECT_EQ(floats(y)[i], 0.25 * i + 3.0 * (1.5 - i)) << n << " " << i;
    EXPECT_EQ(floats(y)[n], 0.25 * n);
  }
  // an odd start, and a negative start (negative indices count from the end)
  Value y = FL({0, 0, 0, 0, 0, 0}), x = FL({1, 2, 3, 4, 5, 6});
  EXPECT_EQ(p.run("axpy", {y, F(1.0), x, I(1), I(6)}), "5");
  EXPECT_EQ(floats(y), (std::vector<double>{0, 2, 3, 4, 5, 6}));
  EXPECT_EQ(p.run("axpy", {y, F(1.0), x, I(-2), I(1)}), "0");
  EXPECT_EQ(floats(y), (std::vector<double>{1, 2, 3, 4, 10, 12}));
  // y and x the same list
  Value s = FL({1, 2, 3, 4, 5});
  EXPECT_EQ(p.run("axpy", {s, F(2.0), s, I(0), I(5)}), "4");
  EXPECT_EQ(floats(s), (std::vector<double>{3, 6, 9, 12, 15}));
  Value c = FL({2, 4, 6}), cx = FL({1, 1, 1});
  EXPECT_EQ(p.run("combo", {c, cx, I(3)}), "[-3.0, -2.0, -1.0]");
  EXPECT_EQ(p.run("combo", {c, c, I(1)}), "[0.5, 0.0, -0.5]");
  EXPECT_EQ(p.run("scale", {FL({1, 2, 3}), F(0.5)}), "[0.5, 1.0, 1.5]");
}

TEST(Optimize, MatmulWithAliasedRows) {
  Prog p(R"(
def matmul(a, b, c):
    n = len(a)
    m = len(b[0])
    k = len(b)
    for i in range(n):
        row = c[i]
        ai = a[i]
        for p in range(k):
            aip = ai[p]
            bp = b[p]
            for j in range(m):
                row[j] += aip * bp[j]
    return c
)");
  Value a = L({FL({1, 2}), FL({3, 4})});
  // c's two rows are one list (as after [[0.0] * 2] * 2): both rows accumulate into it
  Value row = FL({0, 0});
  Value c = L({row, row});
  EXPECT_EQ(p.run("matmul", {a, a, c}), "[[22.0, 32.0], [22.0, 32.0]]");
  // c is a: rows read while they are updated
  Value a2 = L({FL({1, 2}), FL({3, 4})});
  EXPECT_EQ(p.run("matmul", {a2, L({FL({1, 0}), FL({0, 1})}), a2}), "[[2.0, 4.0], [6.0, 8.0]]");
}

TEST(Optimize, CallDepthBudget) {
  Prog p(R"(
def helper(n):
    return n + 1

def top(n):
    return helper(n) * 2

def down(n):
    if n == 0:
        return 0
    return 1 + down(n - 1)

def via(n):
    return down(n) + helper(0)
)");
  EXPECT_EQ(p.cp->call("top", std::vector<Value>{I(1)}, 0).kind, CallOutcome::Ok);
  // two frames (top, helper) where the interpreter allows one: it runs the call itself
  EXPECT_EQ(p.cp->call("top", std::vector<Value>{I(1)}, ml::kRecursionLimit - 1).kind, CallOutcome::Fallback);
  EXPECT_EQ(p.run("via", {I(900)}), "901");
  EXPECT_EQ(p.call("via", {I(2000)}).kind, CallOutcome::Fallback);
}

TEST(Optimize, AccumulatedSelfRecursion) {
  Prog p(R"(
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def sum_to(n):
    if n == 0:
        return 0
    return n + sum_to(n - 1)

def sum_after(n):
    if n == 0:
        return 0
    return sum_after(n - 1) + n

def noisy(n):
    print(n)
    if n == 0:
        return 0
    return n + noisy(n - 1)

def big(n):
    if n == 0:
        return 0
    return 4611686018427387904 + big(n - 1)

def flag(n):
    if n == 0:
        return 0
    return (n % 2 == 0) + flag(n - 1)
)");
  EXPECT_EQ(p.run("fib", {I(20)}), "6765");
  EXPECT_EQ(p.run("fib", {I(1)}), "1");
  EXPECT_EQ(p.run("sum_to", {I(900)}), "405450");
  EXPECT_EQ(p.run("sum_after", {I(900)}), "405450");
  // the loop turn takes a frame like the call: deeper than the limit falls back
  EXPECT_EQ(p.call("sum_to", {I(5000)}).kind, CallOutcome::Fallback);
  EXPECT_EQ(p.call("sum_after", {I(5000)}).kind, CallOutcome::Fallback);
  EXPECT_EQ(p.run("noisy", {I(3)}), "3\n2\n1\n0\n6");
  EXPECT_EQ(p.run("big", {I(1)}), "4611686018427387904");
  EXPECT_EQ(p.call("big", {I(2)}).kind, CallOutcome::Fallback);  // 2**63: the interpreter's big ints
  EXPECT_EQ(p.run("flag", {I(5)}), "2");
}

TEST(Optimize, OverflowAgainstLiterals) {
  Prog p(R"(
def inc(x):
    return x + 1
def dec(x):
    return x - 2
def lead(x):
    return 5 + x
def minus(x):
    return x - -3
)");
  EXPECT_EQ(p.run("inc", {I(41)}), "42");
  EXPECT_EQ(p.call("inc", {I(INT64_MAX)}).kind, CallOutcome::Fallback);
  EXPECT_EQ(p.run("inc", {I(INT64_MIN)}), std::to_string(INT64_MIN + 1));
  EXPECT_EQ(p.run("dec", {I(INT64_MIN + 2)}), std::to_string(INT64_MIN));
  EXPECT_EQ(p.call("dec", {I(INT64_MIN + 1)}).kind, CallOutcome::Fallback);
  EXPECT_EQ(p.run("lead", {I(INT64_MAX - 5)}), std::to_string(INT64_MAX));
  EXPECT_EQ(p.call("lead", {I(INT64_MAX - 4)}).kind, CallOutcome::Fallback);
  EXPECT_EQ(p.run("minus", {I(INT64_MAX - 3)}), std::to_string(INT64_MAX));
  EXPECT_EQ(p.call("minus", {I(INT64_MAX - 2)}).kind, CallOutcome::Fallback);
}

TEST(Optimize, ListAugmentedAssignmentIsInPlace) {
  Prog p(R"(
def extend_alias(x):
    y = x
    x += [4, 5]
    return len(y)

def twice(x):
    x += x
    return x

def times(x, n):
    y = x
    x *= n
    return y

def grow_rows(m):
    for i in range(len(m)):
        m[i] += [i]
    return m

def add(ys, v):
    ys += [v]

def in_loop(n):
    xs = [0]
    t = 0
    for i in range(n):
        add(xs, i)
        t += xs[len(xs) - 1] + len(xs)
    return t
)");
  Value x = L({I(1), I(2), I(3)});
  EXPECT_EQ(p.run("extend_alias", {x}), "5");
  EXPECT_EQ(ml::wasm::repr(x), "[1, 2, 3, 4, 5]");  // the caller's list changed too
  EXPECT_EQ(p.run("twice", {L({I(1), I(2)})}), "[1, 2, 1, 2]");
  EXPECT_EQ(p.run("times", {L({I(1), I(2)}), I(3)}), "[1, 2, 1, 2, 1, 2]");
  EXPECT_EQ(p.run("times", {L({I(1), I(2)}), I(0)}), "[]");
  EXPECT_EQ(p.run("times", {L({I(1), I(2)}), I(-1)}), "[]");
  Value row = L({I(7)});
  EXPECT_EQ(p.run("grow_rows", {L({row, row})}), "[[7, 0, 1], [7, 0, 1]]");
  EXPECT_EQ(p.run("in_loop", {I(3)}), std::to_string((0 + 1 + 2) + (2 + 3 + 4)));
}

TEST(Optimize, ListsReadBackOnlyWhenChanged) {
  Prog p(R"(
def poke(m):
    m[1][0] = 9
    return 0

def swap_row(m):
    m[0] = [5]
    return 0

def total(m):
    t = 0
    for r in m:
        for x in r:
            t += x
    return t
)");
  Value r0 = L({I(1)}), r1 = L({I(2), I(3)});
  Value m = L({r0, r1});
  const Value* inner0 = &m.as_list()->at(0);
  EXPECT_EQ(p.run("poke", {m}), "0");
  EXPECT_EQ(ml::wasm::repr(m), "[[1], [9, 3]]");  // an inner list changed, its outer list did not
  EXPECT_EQ(m.as_list()->at(1).as_list(), r1.as_list());  // the same list objects
  EXPECT_EQ(&m.as_list()->at(0), inner0);                  // the outer list kept its elements
  EXPECT_EQ(p.run("total", {m}), "13");
  EXPECT_EQ(ml::wasm::repr(m), "[[1], [9, 3]]");
  EXPECT_EQ(p.run("swap_row", {m}), "0");
  EXPECT_EQ(ml::wasm::repr(m), "[[5], [9, 3]]");
  EXPECT_EQ(ml::wasm::repr(r0), "[1]");  // the row it replaced is unchanged
  EXPECT_EQ(m.as_list()->at(1).as_list(), r1.as_list());
}
