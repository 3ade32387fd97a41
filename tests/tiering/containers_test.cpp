// Nested containers crossing into compiled code: tuples holding lists and tuples, lists of
// them, and unpacking patterns. Lists inside them stay the interpreter's own lists (changes
// made by compiled code are seen after the call, identity holds), and what compiled code does
// not take falls back with its reason while the program prints what Python prints.
#include <gtest/gtest.h>

#include "session.h"

namespace ml::tiering {
namespace {

using test_support::Session;

// The shape of the n-body program: bodies are (position, velocity, mass) tuples, pairs share
// those tuples, and the compiled loop changes the inner lists in place.
const char* kBodies =
    "def advance(dt, n, bodies, pairs):\n"
    "    for i in range(n):\n"
    "        for (([x1, y1], v1, m1), ([x2, y2], v2, m2)) in pairs:\n"
    "            dx = x1 - x2\n"
    "            dy = y1 - y2\n"
    "            v1[0] -= dx * m2 * dt\n"
    "            v1[1] -= dy * m2 * dt\n"
    "            v2[0] += dx * m1 * dt\n"
    "            v2[1] += dy * m1 * dt\n"
    "        for (r, [vx, vy], m) in bodies:\n"
    "            r[0] += dt * vx\n"
    "            r[1] += dt * vy\n"
    "a = ([0.0, 0.0], [0.0, 0.5], 10.0)\n"
    "b = ([1.0, 2.0], [0.25, 0.0], 1.0)\n"
    "c = ([3.0, -1.0], [0.0, 0.0], 2.0)\n"
    "bodies = [a, b, c]\n"
    "pairs = [(a, b), (a, c), (b, c)]\n"
    "pos = a[0]\n"
    "advance(0.01, 50, bodies, pairs)\n"
    "print(bodies)\n"
    "print(pos is bodies[0][0], pairs[0][0] is a, pairs[0][0][1] is a[1])\n";

TEST(NestedContainers, TuplesHoldingListsCompileAndChangeTheCallersLists) {
  Session w(runtime::Backend::Wasm), in(runtime::Backend::Native);
  ASSERT_EQ(w.runner.run_string(kBodies), 0) << w.err.str();
  ASSERT_EQ(in.runner.run_string(kBodies), 0) << in.err.str();
  EXPECT_EQ(w.out.str(), in.out.str());
  EXPECT_NE(w.out.str().find("True True True"), std::string::npos) << w.out.str();
  EXPECT_NE(w.explain().find("advance(float, int, list[tuple[list[float], list[float], float]], "
                             "list[tuple[tuple[list[float], list[float], float], tuple[list[float], list[float], "
                             "float]]]): wasm (1 call)"),
            std::string::npos)
      << w.explain();
}

TEST(NestedContainers, MixedTuplesAreBuiltAndReturned) {
  const char* prog =
      "def split(xs):\n"
      "    lo = []\n"
      "    hi = []\n"
      "    for x in xs:\n"
      "        if x < 0:\n"
      "            lo.append(x)\n"
      "        else:\n"
      "            hi.append(x)\n"
      "    return (len(lo), lo, ('hi', hi), 0.5)\n"
      "n, lo, (name, hi), h = split([3, -1, 4, -1, 5])\n"
      "print(n, lo, name, hi, h)\n"
      "t = split([1])\n"
      "print(t[0], t[1], t[2][0], t[2][1], len(t))\n";
  Session w(runtime::Backend::Wasm);
  ASSERT_EQ(w.runner.run_string(prog), 0) << w.err.str();
  EXPECT_EQ(w.out.str(), "2 [-1, -1] hi [3, 4, 5] 0.5\n0 [] hi [1] 4\n");
  EXPECT_NE(w.explain().find("split(list[int]): wasm (2 calls)"), std::string::npos) << w.explain();
}

TEST(NestedContainers, UnpackingAListOfAnotherLengthIsPythonsValueError) {
  const char* prog =
      "def norm1(vs):\n"
      "    s = 0\n"
      "    for [x, y] in vs:\n"
      "        s += abs(x) + abs(y)\n"
      "    return s\n"
      "print(norm1([[1, -2], [3, 4]]))\n"
      "try:\n"
      "    print(norm1([[1, 2], [3, 4, 5]]))\n"
      "except ValueError as e:\n"
      "    print('ValueError:', e)\n"
      "try:\n"
      "    print(norm1([[1, 2], [3]]))\n"
      "except ValueError as e:\n"
      "    print('ValueError:', e)\n";
  Session w(runtime::Backend::Wasm);
  ASSERT_EQ(w.runner.run_string(prog), 0) << w.err.str();
  EXPECT_EQ(w.out.str(),
            "10\nValueError: too many values to unpack (expected 2)\n"
            "ValueError: not enough values to unpack (expected 2, got 1)\n");
  // the two calls that unpack a list of another length are run again by the interpreter
  EXPECT_NE(w.explain().find("norm1(list[list[int]]): wasm (3 calls), 2 handed back to the interpreter "
                             "(value the compiled code leaves to the interpreter at line 3)"),
            std::string::npos)
      << w.explain();
}

TEST(NestedContainers, PrintingOrComparingTuplesHoldingListsFallsBackWithAReason) {
  Session w(runtime::Backend::Wasm);
  ASSERT_EQ(w.runner.run_string("def show(t):\n    print(t)\nshow((1, [2.5]))\n"
                                "def same(a, b):\n    return a == b\nprint(same((1, [2]), (1, [2])))\n"),
            0)
      << w.err.str();
  EXPECT_EQ(w.out.str(), "(1, [2.5])\nTrue\n");
  EXPECT_NE(w.explain().find("show(tuple[int, list[float]]): interpreter (print(tuple[int, list[float]]) at line 2:10)"), std::string::npos)
      << w.explain();
  EXPECT_NE(w.explain().find("comparison of tuples holding containers"), std::string::npos) << w.explain();
}

// Expected output from python3.
TEST(ListSlices, SlicesAndListCallsCompileWithPythonsBounds) {
  const char* prog =
      "def f(xs, n):\n"
      "    a = xs[1:]\n"
      "    b = xs[:-1]\n"
      "    c = xs[::-1]\n"
      "    d = xs[n::-2]\n"
      "    e = xs[-100:100:3]\n"
      "    g = list(range(n))\n"
      "    h = list(range(n, -n, -3))\n"
      "    k = list(xs)\n"
      "    k.append(99)\n"
      "    m = list('h\u00e9llo')\n"
      "    p = list((1.5, 2.5))\n"
      "    q = xs[5:2]\n"
      "    return a, b, c, d, e, g, h, k, m, p, q, xs\n"
      "print(f([1, 2, 3, 4, 5, 6, 7], 4))\n"
      "print(f([7], -3))\n"
      "def big():\n"
      "    return len(list(range(-9223372036854775807, 9223372036854775807, 4611686018427387904)))\n"
      "print(big())\n"
      "def zero(xs, s):\n"
      "    return xs[::s]\n"
      "try:\n"
      "    print(zero([1, 2], 0))\n"
      "except ValueError as e:\n"
      "    print('ValueError', e)\n";
  Session w(runtime::Backend::Wasm);
  ASSERT_EQ(w.runner.run_string(prog), 0) << w.err.str();
  EXPECT_EQ(w.out.str(),
            "([2, 3, 4, 5, 6, 7], [1, 2, 3, 4, 5, 6], [7, 6, 5, 4, 3, 2, 1], [5, 3, 1], [1, 4, 7], [0, 1, 2, 3], "
            "[4, 1, -2], [1, 2, 3, 4, 5, 6, 7, 99], ['h', '\u00e9', 'l', 'l', 'o'], [1.5, 2.5], [], [1, 2, 3, 4, 5, 6, 7])\n"
            "([], [], [7], [], [7], [], [], [7, 99], ['h', '\u00e9', 'l', 'l', 'o'], [1.5, 2.5], [], [7])\n"
            "4\n"
            "ValueError slice step cannot be zero\n");
  EXPECT_NE(w.explain().find("f(list[int], int): wasm (2 calls)"), std::string::npos) << w.explain();
  EXPECT_NE(w.explain().find("big(): wasm (1 call)"), std::string::npos) << w.explain();
  EXPECT_NE(w.explain().find("zero(list[int], int): wasm (1 call), all handed back"), std::string::npos) << w.explain();
}

// nbody's combinations(): a slice of a list of lists, tuples of its items appended.
TEST(ListSlices, PairsOfItemsKeepTheInnerLists) {
  const char* prog =
      "def comb(l):\n"
      "    result = []\n"
      "    for x in range(len(l) - 1):\n"
      "        ls = l[x + 1:]\n"
      "        for y in ls:\n"
      "            result.append((l[x], y))\n"
      "    return result\n"
      "l = [[1.0], [2.0], [3.0]]\n"
      "r = comb(l)\n"
      "print(r, r[0][0] is l[0], r[2][1] is l[2])\n";
  Session w(runtime::Backend::Wasm);
  ASSERT_EQ(w.runner.run_string(prog), 0) << w.err.str();
  EXPECT_EQ(w.out.str(), "[([1.0], [2.0]), ([1.0], [3.0]), ([2.0], [3.0])] True True\n");
  EXPECT_NE(w.explain().find("comb(list[list[float]]): wasm (1 call)"), std::string::npos) << w.explain();
}

// fannkuch's shapes: methods bound to names, insert and pop, slice assignment, `while 1` that
// only ends by returning. Expected output from python3.
TEST(ListMethods, InsertPopAliasesAndSliceAssignmentCompile) {
  const char* prog =
      "def rot(xs, n):\n"
      "    ins = xs.insert\n"
      "    pop = xs.pop\n"
      "    out = []\n"
      "    push = out.append\n"
      "    for i in range(n):\n"
      "        ins(i % 3, pop(0))\n"
      "        push(xs[0])\n"
      "    xs.insert(-100, 7)\n"
      "    xs.insert(100, 8)\n"
      "    xs.insert(-1, 9)\n"
      "    push(xs.pop())\n"
      "    push(xs.pop(-2))\n"
      "    return out\n"
      "a = [1, 2, 3, 4, 5]\n"
      "print(rot(a, 7), a)\n"
      "def flips(p):\n"
      "    p = p[:]\n"
      "    k = p[0]\n"
      "    n = 0\n"
      "    while 1:\n"
      "        if not k:\n"
      "            return n\n"
      "        p[:k + 1] = p[k::-1]\n"
      "        n += 1\n"
      "        k = p[0]\n"
      "print(flips([3, 1, 0, 2]), flips([0, 1]))\n"
      "def grow(xs, ys):\n"
      "    xs[1:2] = ys\n"
      "    xs[:0] = xs\n"
      "    xs[len(xs):] = [0.5]\n"
      "    xs[-2:] = []\n"
      "    return xs\n"
      "b = [1.0, 2.0, 3.0]\n"
      "print(grow(b, [9.0, 8.0]), b)\n"
      "def bad(xs):\n"
      "    return xs.pop(5)\n"
      "try:\n"
      "    bad([1])\n"
      "except IndexError as e:\n"
      "    print('IndexError', e)\n"
      "try:\n"
      "    bad([])\n"
      "except IndexError as e:\n"
      "    print('IndexError', e)\n";
  Session w(runtime::Backend::Wasm);
  ASSERT_EQ(w.runner.run_string(prog), 0) << w.err.str();
  EXPECT_EQ(w.out.str(),
            "[1, 2, 1, 1, 3, 1, 1, 8, 5] [7, 1, 2, 3, 4, 9]\n"
            "3 0\n"
            "[1.0, 9.0, 8.0, 3.0, 1.0, 9.0, 8.0] [1.0, 9.0, 8.0, 3.0, 1.0, 9.0, 8.0]\n"
            "IndexError pop index out of range\n"
            "IndexError pop from empty list\n");
  for (const char* f : {"rot(list[int], int): wasm (1 call)", "flips(list[int]): wasm (2 calls)",
                        "grow(list[float], list[float]): wasm (1 call)", "bad(list[int]): wasm (1 call), all handed back"})
    EXPECT_NE(w.explain().find(f), std::string::npos) << f << "\n" << w.explain();
}

// A name bound to a method is an alias only while both names keep their objects, and only
// once it is bound.
TEST(ListMethods, RebindingTheListOrTheNameIsNotAnAlias) {
  const char* prog =
      "def f(xs):\n"
      "    push = xs.append\n"
      "    xs = []\n"
      "    push(1)\n"
      "    return xs\n"
      "a = [0]\n"
      "print(f(a), a)\n"
      "def g(xs):\n"
      "    push = xs.append\n"
      "    push(1)\n"
      "    push = xs.pop\n"
      "    return push()\n"
      "print(g([5]))\n"
      "def h(xs):\n"
      "    if len(xs) > 3:\n"
      "        push(0)\n"
      "    push = xs.append\n"
      "    push(1)\n"
      "    return xs\n"
      "print(h([5]))\n"
      "try:\n"
      "    h([1, 2, 3, 4])\n"
      "except UnboundLocalError:\n"
      "    print('UnboundLocalError')\n";
  Session w(runtime::Backend::Wasm);
  ASSERT_EQ(w.runner.run_string(prog), 0) << w.err.str();
  EXPECT_EQ(w.out.str(), "[] [0, 1]\n1\n[5, 1]\nUnboundLocalError\n");
  EXPECT_EQ(w.explain().find("f(list[int]): wasm"), std::string::npos) << w.explain();
  EXPECT_EQ(w.explain().find("g(list[int]): wasm"), std::string::npos) << w.explain();
  EXPECT_NE(w.explain().find("h(list[int]): interpreter (local variable 'push' that may be used before it is assigned"),
            std::string::npos)
      << w.explain();
}

}  // namespace
}  // namespace ml::tiering
