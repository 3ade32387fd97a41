// Functions whose body is only ifs and returns run as one expression (FuncCode::value_body),
// and plain calls bind `local ± int` arguments in place: what the statement form did they must
// still do. Each expected output is CPython's (tracebacks in this interpreter's format).
#include <gtest/gtest.h>

#include "interp_helpers.h"

using ml::interp::testing::run;

namespace {

// elif chains, an if without else running off the end (None), a bare return, a docstring,
// nested ifs, a walrus in a test, lambdas, default arguments and closures.
TEST(ValueBody, ChoosesTheReturnedValue) {
  EXPECT_EQ(run("def sign(x):\n"
                "    \"\"\"The sign.\"\"\"\n"
                "    if x < 0:\n"
                "        return -1\n"
                "    elif x == 0:\n"
                "        return 0\n"
                "    else:\n"
                "        return 1\n"
                "def maybe(x):\n"
                "    if x:\n"
                "        return 'yes'\n"
                "def bare(x):\n"
                "    if x:\n"
                "        return\n"
                "    return 5\n"
                "def nested(a, b):\n"
                "    if a:\n"
                "        if b:\n"
                "            return 'ab'\n"
                "        return 'a'\n"
                "    if b:\n"
                "        return 'b'\n"
                "    return '-'\n"
                "def walrus(xs):\n"
                "    if (n := len(xs)) > 2:\n"
                "        return n\n"
                "    return -n\n"
                "def only_doc():\n"
                "    \"\"\"Nothing else.\"\"\"\n"
                "def outer(k):\n"
                "    def inner(v=k * 2):\n"
                "        return v + k\n"
                "    return inner\n"
                "sq = lambda v, w=1: v * v + w\n"
                "print(sign(-3), sign(0), sign(2.5), sign.__doc__)\n"
                "print(maybe(1), maybe(0), bare(1), bare(0))\n"
                "print(nested(1, 1), nested(1, 0), nested(0, 1), nested(0, 0))\n"
                "print(walrus([1, 2, 3]), walrus([1]), only_doc(), only_doc.__doc__)\n"
                "print(outer(3)(), outer(3)(1), sq(3), sq(3, 0))\n"),
            "-1 0 1 The sign.\n"
            "yes None None 5\n"
            "ab a b -\n"
            "3 -1 None Nothing else.\n"
            "9 4 10 9\n");
}

// An error in a test is located at its `if`, one in a returned value at its `return`, and
// the frames of the traceback name each line as the statement form did.
TEST(ValueBody, ErrorsAreLocatedAtTheirStatement) {
  EXPECT_EQ(run("def f(x):\n"
                "    if x < 0:\n"
                "        return 0\n"
                "    return 10 // x\n"
                "f(0)\n"),
            "Traceback (most recent call last):\n"
            "  <test>:5: <module>\n    f(0)\n"
            "  <test>:4: f\n    return 10 // x\n"
            "<test>:4:12: ZeroDivisionError: integer division or modulo by zero\n"
            "        return 10 // x\n               ^\n");
  std::string out = run("def g(x):\n"
                        "    if x < 0:\n"
                        "        return 0\n"
                        "    return 1\n"
                        "def h(x):\n"
                        "    return g(x)\n"
                        "h('s')\n");
  EXPECT_EQ(out.rfind("Traceback (most recent call last):\n"
                      "  <test>:7: <module>\n    h('s')\n"
                      "  <test>:6: h\n    return g(x)\n"
                      "  <test>:2: g\n    if x < 0:\n"
                      "<test>:2:",
                      0),
            0u)
      << out;
  EXPECT_NE(out.find("TypeError"), std::string::npos) << out;
  // An unbound local read as a returned value.
  EXPECT_EQ(run("def u(c):\n"
                "    if c:\n"
                "        return v\n"
                "    v = 1\n"
                "    return v\n"
                "try:\n"
                "    u(1)\n"
                "except UnboundLocalError:\n"
                "    print('unbound')\n"
                "f = lambda: w\n"
                "def w2():\n"
                "    if False:\n"
                "        w = 1\n"
                "    return w\n"
                "try:\n"
                "    w2()\n"
                "except UnboundLocalError:\n"
                "    print('unbound too')\n"),
            "unbound\nunbound too\n");
}

// Recursion through a one-expression body reaches the limit at the depth the statement form
// reaches, and the program goes on after the RecursionError.
TEST(ValueBody, RecursionLimitAtTheSameDepth) {
  EXPECT_EQ(run("import sys\n"
                "def a(n):\n"
                "    if n == 0:\n"
                "        return 0\n"
                "    return a(n - 1)\n"
                "def b(n):\n"
                "    m = n\n"
                "    return 0 if m == 0 else b(m - 1)\n"
                "def deepest(f):\n"
                "    n = 0\n"
                "    while True:\n"
                "        try:\n"
                "            f(n + 1)\n"
                "        except RecursionError:\n"
                "            return n\n"
                "        n += 1\n"
                "sys.setrecursionlimit(200)\n"
                "print(deepest(a) == deepest(b), deepest(a) > 100)\n"
                "sys.setrecursionlimit(1000)\n"
                "def fib(n):\n"
                "    if n < 2:\n"
                "        return n\n"
                "    return fib(n - 1) + fib(n - 2)\n"
                "print(fib(20))\n"),
            "True True\n6765\n");
}

// `f(n - 1)` and `f(i + 1)` bound in place: ints overflowing into big ints, bools, floats,
// big ints, strings (a TypeError), and an unbound local.
TEST(ValueBody, LocalPlusIntArguments) {
  EXPECT_EQ(run("def ident(v):\n"
                "    return v\n"
                "def both(n):\n"
                "    return ident(n - 1), ident(n + 1), ident(n - -3)\n"
                "print(both(5))\n"
                "print(both(2**63 - 1))\n"
                "print(both(-2**63))\n"
                "print(both(True), both(2.5), both(2**70))\n"
                "try:\n"
                "    both('s')\n"
                "except TypeError:\n"
                "    print('TypeError')\n"
                "def later():\n"
                "    r = ident(k + 1)\n"
                "    k = 1\n"
                "try:\n"
                "    later()\n"
                "except UnboundLocalError:\n"
                "    print('unbound')\n"),
            "(4, 6, 8)\n"
            "(9223372036854775806, 9223372036854775808, 9223372036854775810)\n"
            "(-9223372036854775809, -9223372036854775807, -9223372036854775805)\n"
            "(0, 2, 4) (1.5, 3.5, 5.5) (1180591620717411303423, 1180591620717411303425, 1180591620717411303427)\n"
            "TypeError\n"
            "unbound\n");
}

}  // namespace
