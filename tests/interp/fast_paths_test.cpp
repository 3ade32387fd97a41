// The interpreter's shortcuts for common shapes of code must answer exactly what the general
// path answers: each test runs a shape the shortcut takes next to the cases it must leave alone.
#include <gtest/gtest.h>

#include "interp_helpers.h"

using ml::interp::testing::run;

namespace {

// `a, b, c = seq` into local variables of a function.
TEST(FastPaths, UnpackIntoLocals) {
  EXPECT_EQ(run("def f(t, l):\n    a, b, c = t\n    x, y, z = l\n    return a, b, c, x, y, z\n"
                "print(f((1, 'two', [3]), [4.5, None, (6,)]))"),
            "(1, 'two', [3], 4.5, None, (6,))\n");
}

TEST(FastPaths, UnpackSameNameTwiceKeepsTheLast) {
  EXPECT_EQ(run("def f(t):\n    a, a = t\n    return a\nprint(f(('x', 'y')), f(['p', 'q']))"), "y q\n");
}

TEST(FastPaths, UnpackRebindsTheSourceVariable) {
  EXPECT_EQ(run("def f():\n    l = [[1, 2], 3]\n    l, b = l\n    return l, b\nprint(f())"), "([1, 2], 3)\n");
}

TEST(FastPaths, UnpackWrongLengthStillRaises) {
  EXPECT_EQ(run("def f(t):\n    try:\n        a, b = t\n    except ValueError as e:\n        return str(e)\n"
                "print(f((1, 2, 3)))\nprint(f([1]))"),
            "too many values to unpack (expected 2)\nnot enough values to unpack (expected 2, got 1)\n");
}

TEST(FastPaths, UnpackOtherIterablesAndTargets) {
  EXPECT_EQ(run("def f():\n    a, b = 'xy'\n    c, d = {7: 0, 8: 0}\n    e, *g = (1, 2, 3)\n"
                "    class O: pass\n    o = O()\n    o.p, h = (5, 6)\n    return a, b, c, d, e, g, o.p, h\n"
                "print(f())"),
            "('x', 'y', 7, 8, 1, [2, 3], 5, 6)\n");
}

TEST(FastPaths, UnpackDropsOldValues) {
  // The old values of the variables are released once the new ones are bound.
  EXPECT_EQ(run("def gen(log):\n    try:\n        yield 1\n    finally:\n        log.append('closed')\n"
                "def f():\n    log = []\n    g = gen(log)\n    next(g)\n    g, x = (0, len(log))\n"
                "    return x, log\nprint(f())"),
            "(0, ['closed'])\n");
}

}  // namespace
