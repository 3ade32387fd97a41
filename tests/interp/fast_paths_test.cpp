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

// Consecutive local slots: plain values copied as they are until an object is met on either
// side (an item, or a variable's old value), the rest with reference counts; unbound variables
// on first assignment; the source read in place, from a call, inside a try, from a generator.
TEST(FastPaths, UnpackMixedValuesIntoConsecutiveLocals) {
  EXPECT_EQ(run("def f(t):\n    a, b, c, d = t\n    r = [a, b, c, d]\n    a, b, c, d = 1, 2.5, None, True\n"
                "    r.append((a, b, c, d))\n    a, b, c, d = [b, 'x', a, [c]]\n    r.append((a, b, c, d))\n"
                "    try:\n        a, b, c, d = t\n        e, g = iter('pq')\n    except ValueError as ex:\n        r.append(str(ex))\n"
                "    a, b, c, d = (k * 2 for k in range(4))\n    r.append((a, b, c, d))\n    return r\n"
                "print(f((1, 'two', 3, (4,))))\nprint(f([0, 0, 0, 0]))\n"
                "try:\n    f((1, 2, 3))\nexcept ValueError as ex:\n    print(ex)\n"
                "try:\n    f([1, 2, 3, 4, 5])\nexcept ValueError as ex:\n    print(ex)\n"
                "def g(x):\n    try:\n        a, b = x\n    except ValueError as ex:\n        return str(ex)\n    return a, b\n"
                "print(g((1,)), g([1, 2, 3]), g('ab'), g(x for x in 'cd'))\n"),
            "[1, 'two', 3, (4,), (1, 2.5, None, True), (2.5, 'x', 1, [None]), (0, 2, 4, 6)]\n"
            "[0, 0, 0, 0, (1, 2.5, None, True), (2.5, 'x', 1, [None]), (0, 2, 4, 6)]\n"
            "not enough values to unpack (expected 4, got 3)\n"
            "too many values to unpack (expected 4)\n"
            "not enough values to unpack (expected 2, got 1) too many values to unpack (expected 2) "
            "('a', 'b') ('c', 'd')\n");
}

// Reading a variable that the unpacking left unbound (it raised before storing) still fails as
// an unbound local; a swap through consecutive slots and `for a, b in ...` take the same path.
TEST(FastPaths, UnpackSwapAndLoopTargets) {
  EXPECT_EQ(run("def f(pairs):\n    a, b = 1, 'one'\n    b, a = a, b\n    out = [a, b]\n"
                "    for x, y in pairs:\n        out.append(y)\n        out.append(x)\n    return out\n"
                "print(f([(1, 2), [3, 'x'], 'ab']))\n"
                "def g():\n    try:\n        p, q = 5\n    except TypeError:\n        pass\n    return p\n"
                "try:\n    g()\nexcept UnboundLocalError as e:\n    print(type(e).__name__)\n"),
            "['one', 1, 2, 1, 'x', 3, 'b', 'a']\nUnboundLocalError\n");
}

// A subclass of tuple or list is unpacked through its own __iter__, as CPython does.
TEST(FastPaths, UnpackSubclassesIterate) {
  EXPECT_EQ(run("class T(tuple):\n    def __iter__(self):\n        yield 'x'\n        yield 'y'\n"
                "class L(list):\n    def __iter__(self):\n        return iter(['p', 'q'])\n"
                "class P(tuple):\n    pass\n"
                "def f():\n    a, b = T((1, 2))\n    c, d = L([3, 4])\n    e, g = P((5, 6))\n    h, *i = T((7, 8, 9))\n"
                "    return a, b, c, d, e, g, h, i\n"
                "print(f())\na, b = T((1, 2))\nprint(a, b)\nfor m, n in [T((0, 0)), L([1])]:\n    print(m, n)\n"),
            "('x', 'y', 'p', 'q', 5, 6, 'x', ['y'])\nx y\nx y\np q\n");
}

// hash() of ints answers CPython's (modulo 2**61 - 1, -1 taken as -2) at and around the
// boundaries of the inline path and of the folding that replaces the division.
TEST(FastPaths, IntHashes) {
  EXPECT_EQ(run("print([hash(x) for x in (0, 1, -1, -2, 2**61 - 2, 2**61 - 1, 2**61, 2**62 + 5, 2**63 - 1,"
                " -2**63, -2**61 + 1, -2**61)])\n"
                "d = {2**61 - 1: 'a', 0: 'b', 2**63 - 1: 'c'}\n"
                "print(d[0], d[2**61 - 1], d[2**63 - 1], 2**61 - 1 in d, 0 in d, 1 in d)\n"),
            "[0, 1, -2, -2, 2305843009213693950, 0, 1, 7, 3, -4, 0, -2]\nb a c True True False\n");
}

// `x in c` for dicts, sets and frozensets goes straight to their lookup; a dict subclass's
// __contains__, a set looked up as a frozenset and unhashable keys stay as they were.
TEST(FastPaths, MembershipInDictsAndSets) {
  EXPECT_EQ(run("class D(dict):\n    def __contains__(self, k): return k == 'yes'\n"
                "s, f = {1, 2}, frozenset([3])\n"
                "print(1 in s, 3 in s, 3 in f, 1 not in f, 'yes' in D(), 'no' in D(a=1), {3} in {f}, frozenset([3]) in {f})\n"
                "print('a' in {'a': 1}, 'b' not in {'a': 1}, (1, 2) in {(1, 2)}, 1.0 in {1}, True in {1: 0})\n"
                "for c in ({1: 2}, {1}):\n    try:\n        [1] in c\n    except TypeError as e:\n        print(e)\n"
                "x = [1] in {1: 2} if False else 0\n"),
            "True False True True True False True True\nTrue True True True True\n"
            "unhashable type: 'list'\nunhashable type: 'list'\n");
}

// Errors caught in the same function (a missing key, a missing attribute) are handed to the
// try statement without a C++ throw; what the program sees must not change (output from CPython).
TEST(FastPaths, CaughtKeyAndAttributeErrors) {
  EXPECT_EQ(run("import math\n"
                "class M(dict):\n"
                "    def __missing__(self, k):\n"
                "        return 'missing-' + str(k)\n"
                "class G:\n"
                "    def __getattr__(self, name):\n"
                "        return 'got-' + name\n"
                "class P:\n"
                "    @property\n"
                "    def p(self):\n"
                "        raise AttributeError('from property')\n"
                "class O:\n"
                "    pass\n"
                "def f(d, k):\n"
                "    try:\n"
                "        return d[k]\n"
                "    except KeyError as e:\n"
                "        return ('KeyError', e.args, str(e))\n"
                "def g(d, k, log):\n"
                "    try:\n"
                "        d[k].append(1)\n"
                "    except LookupError:\n"
                "        log.append('lookup')\n"
                "    else:\n"
                "        log.append('else')\n"
                "    finally:\n"
                "        log.append('finally')\n"
                "    return log\n"
                "def h(o, name):\n"
                "    try:\n"
                "        x = getattr(o, name) if name.startswith('_') else o.zz\n"
                "        return x\n"
                "    except AttributeError as e:\n"
                "        return 'AttributeError: ' + str(e)\n"
                "def h2(o):\n"
                "    try:\n"
                "        o.a.b\n"
                "    except AttributeError as e:\n"
                "        return str(e)\n"
                "def h3():\n"
                "    try:\n"
                "        return math.nope\n"
                "    except Exception as e:\n"
                "        return type(e).__name__ + ': ' + str(e)\n"
                "print(f({1: 2}, 1), f({}, (1, 'a')), f(M(), 3))\n"
                "print(g({'a': []}, 'a', []), g({}, 'a', []))\n"
                "o = O()\n"
                "print(h(o, 'x'), h(G(), 'x'), h(P(), '_p'))\n"
                "o.a = 5\n"
                "print(h2(o), h2(O()))\n"
                "print(h3())\n"
                "def k(d):\n"
                "    try:\n"
                "        x = d['missing']\n"
                "    except ValueError:\n"
                "        pass\n"
                "try:\n"
                "    k({})\n"
                "except KeyError as e:\n"
                "    print('outer', repr(e))\n"),
            "2 ('KeyError', ((1, 'a'),), \"(1, 'a')\") missing-3\n"
                "['else', 'finally'] ['lookup', 'finally']\n"
                "AttributeError: 'O' object has no attribute 'zz' got-zz AttributeError: 'P' object has no attribute '_p'\n"
                "'int' object has no attribute 'b' 'O' object has no attribute 'a'\n"
                "AttributeError: module 'math' has no attribute 'nope'\n"
                "outer KeyError('missing')\n");
}

// An error that the try statement does not catch goes on exactly as a thrown one: same
// location, same traceback.
TEST(FastPaths, UncaughtSoftErrorKeepsItsTraceback) {
  EXPECT_EQ(run("class P:\n    @property\n    def p(self):\n        raise AttributeError('from property')\n"
                "def q(o):\n    try:\n        v = o.p\n    except AttributeError as e:\n        return str(e)\n"
                "print(q(P()))\n"
                "def k(d):\n    try:\n        x = d['missing']\n    except ValueError:\n        pass\nk({})\n"),
            "from property\nTraceback (most recent call last):\n  <test>:16: <module>\n    k({})\n"
            "  <test>:13: k\n    x = d['missing']\n<test>:13:14: KeyError: 'missing'\n"
            "            x = d['missing']\n                 ^\n");
}

// Arithmetic and comparisons mixing ints and floats, NaN, infinities, `is`: the operators'
// shortcuts answer as CPython does (expected output from CPython).
TEST(FastPaths, MixedNumericOperatorsAndIdentity) {
  EXPECT_EQ(run("def f(a, b):\n"
                "    return (a + b, a - b, a * b, a < b, a <= b, a > b, a >= b, a == b, a != b)\n"
                "def d(a, b):\n"
                "    try:\n"
                "        return a / b\n"
                "    except ZeroDivisionError as e:\n"
                "        return type(e).__name__\n"
                "print(f(1, 0.5), f(0.25, 3), f(2.0, 2.0))\n"
                "print(f(2**53 + 1, 0.0), f(-7, 1e308), f(3, True))\n"
                "nan = float('nan')\n"
                "print(f(nan, nan), f(nan, 1), f(float('inf'), -1))\n"
                "print(d(1.0, 4), d(1, 4.0), d(5, 0.0), d(0.0, 0), d(2**60, 3.0))\n"
                "x = [1]\n"
                "y = x\n"
                "print(x is y, x is [1], x is not y, None is None)\n"),
            "(1.5, 0.5, 0.5, False, False, True, True, False, True) (3.25, -2.75, 0.75, True, True, False, False, False, True) (4.0, 0.0, 4.0, False, True, False, True, True, False)\n"
                "(9007199254740992.0, 9007199254740992.0, 0.0, False, False, True, True, False, True) (1e+308, -1e+308, -inf, True, True, False, False, False, True) (4, 2, 3, False, False, True, True, False, True)\n"
                "(nan, nan, nan, False, False, False, False, False, True) (nan, nan, nan, False, False, False, False, False, True) (inf, inf, -inf, False, False, True, True, False, True)\n"
                "0.25 0.25 ZeroDivisionError ZeroDivisionError 3.843071682022823e+17\n"
                "True False False True\n");
}

}  // namespace
