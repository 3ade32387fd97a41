// Semantics that the interpreter's direct calls (arguments bound in place on the value stack),
// its specialized comparison and arithmetic nodes and its cached instance truth must keep.
// Each expected output is CPython's.
#include <gtest/gtest.h>

#include "interp_helpers.h"

using ml::interp::testing::run;

namespace {

// Defaults (shared mutable ones too), methods with defaults and keywords, an argument that
// raises (the reserved frame is released), nested calls, recursion to the limit, yields
// inside a call's arguments, unbound locals in a comparison, overflow to big ints, floats and
// NaN, strings, a TypeError, a function rebinding its own global name while it runs, and
// instance truth through __len__ and a __bool__ added and removed after the first test.
TEST(DirectCalls, KeepPythonSemantics) {
  EXPECT_EQ(run(
                "def f(a, b=2, c=[]):\n"
                "    c.append(a)\n"
                "    return a + b, len(c)\n"
                "print(f(1), f(1, 5), f(3))\n"
                "class K:\n"
                "    def m(self, x, y=10):\n"
                "        return x * y\n"
                "    def n(self):\n"
                "        return self.m(2) + self.m(2, 3)\n"
                "k = K()\n"
                "print(k.n(), K.m(k, 4), k.m(y=1, x=7))\n"
                "def boom():\n"
                "    raise ValueError(\"arg\")\n"
                "def g(x, y):\n"
                "    return x + y\n"
                "try:\n"
                "    g(1, boom())\n"
                "except ValueError as e:\n"
                "    print(\"caught\", e)\n"
                "print(g(2, g(3, g(4, 5))))\n"
                "def depth(n):\n"
                "    return 0 if n == 0 else 1 + depth(n - 1)\n"
                "try:\n"
                "    depth(100000)\n"
                "except RecursionError:\n"
                "    print(\"recursion\")\n"
                "print(depth(50))\n"
                "def gen():\n"
                "    x = yield 1\n"
                "    print(\"got\", g(x, (yield 2)))\n"
                "    yield 3\n"
                "it = gen()\n"
                "print(next(it), it.send(10), it.send(20))\n"
                "def uses_later():\n"
                "    if False:\n"
                "        v = 1\n"
                "    return v < 3\n"
                "try:\n"
                "    uses_later()\n"
                "except UnboundLocalError as e:\n"
                "    print(\"unbound\")\n"
                "def arith(a, b):\n"
                "    return a - 1, a * b, a + b, a < b, a <= 2, a == b, a != b, a > b, a >= b\n"
                "print(arith(2**62, 4))\n"
                "print(arith(1.5, 2))\n"
                "def cat(a, b):\n"
                "    return a + b, a < b, a == b, a * 2\n"
                "print(cat(\"s\", \"t\"))\n"
                "nan = float(\"nan\")\n"
                "print(arith(nan, nan)[3:])\n"
                "try:\n"
                "    print(arith(None, 1))\n"
                "except TypeError as e:\n"
                "    print(\"TypeError\", e)\n"
                "def rebind():\n"
                "    global target\n"
                "    target = None\n"
                "    return 7\n"
                "def target(x):\n"
                "    return rebind() + x\n"
                "print(target(1), target)\n"
                "def fact(n):\n"
                "    if n <= 1:\n"
                "        return 1\n"
                "    return n * fact(n - 1)\n"
                "print(fact(30))\n"
                "class C:\n"
                "    def __init__(self, v): self.v = v\n"
                "    def __len__(self): return self.v\n"
                "print([bool(C(0)), bool(C(2))])\n"
                "x = C(0)\n"
                "if x: print(\"truthy\")\n"
                "else: print(\"falsy\")\n"
                "C.__bool__ = lambda self: True\n"
                "if x: print(\"now truthy\")\n"
                "del C.__bool__\n"
                "print(\"after del\", bool(x))\n"
                "while C(0): print(\"never\")\n"
                "print(1 if C(3) else 0, C(0) or \"or\", C(1) and \"and\")\n"),
                "(3, 1) (6, 2) (5, 3)\n"
                "26 40 7\n"
                "caught arg\n"
                "14\n"
                "recursion\n"
                "50\n"
                "got 30\n"
                "1 2 3\n"
                "unbound\n"
                "(4611686018427387903, 18446744073709551616, 4611686018427387908, False, False, False, True, True, True)\n"
                "(0.5, 3.0, 3.5, True, True, False, True, False, False)\n"
                "('st', True, False, 'ss')\n"
                "(False, False, False, True, False, False)\n"
                "TypeError unsupported operand type(s) for -: 'NoneType' and 'int'\n"
                "8 None\n"
                "265252859812191058636308480000000\n"
                "[False, True]\n"
                "falsy\n"
                "now truthy\n"
                "after del False\n"
                "1 or and\n");
}

// Awaits inside a call's arguments suspend the coroutine between the arguments; yields too.
TEST(DirectCalls, ArgumentsThatSuspend) {
  EXPECT_EQ(run(
                "import asyncio\n"
                "def add(a, b): return a + b\n"
                "async def val(x):\n"
                "    await asyncio.sleep(0)\n"
                "    return x\n"
                "async def main():\n"
                "    r = add(await val(1), await val(2))\n"
                "    return r\n"
                "print(asyncio.run(main()))\n"
                "def g():\n"
                "    total = add((yield 1), (yield 2))\n"
                "    yield total\n"
                "it = g(); print(next(it), it.send(5), it.send(6))\n"),
                "3\n"
                "1 2 11\n");
}

// Tests take each operand's truth once (`if a and b:` calls a.__bool__ once, as CPython's
// jumps do), through and/or/not, while, conditional expressions and comprehension filters;
// unpacking into locals from a tuple, a list, and a swap.
TEST(DirectCalls, TestsTakeTruthOnce) {
  EXPECT_EQ(run(
                "class T:\n"
                "    def __init__(self, name, v): self.name, self.v = name, v\n"
                "    def __bool__(self):\n"
                "        print(\"bool\", self.name)\n"
                "        return self.v\n"
                "a, b = T(\"a\", False), T(\"b\", True)\n"
                "if a and b: print(\"and\")\n"
                "if a or b: print(\"or\")\n"
                "if not a: print(\"not a\")\n"
                "while b and not a:\n"
                "    print(\"loop\")\n"
                "    break\n"
                "print(\"x\" if a else \"y\")\n"
                "print([i for i in range(6) if i % 2 and i > 1 or not i])\n"
                "print((a and b) is a, (a or 0), not (1 < 2 and 3))\n"
                "n, t = 5, (1, \"s\", [2])\n"
                "x, y, z = t\n"
                "print(x, y, z, n)\n"
                "x, y, z = [3, 4, 5]\n"
                "print(x, y, z)\n"
                "def swap(p, q):\n"
                "    p, q = q, p\n"
                "    return p, q\n"
                "print(swap(1, 2))\n"),
                "bool a\n"
                "bool a\n"
                "bool b\n"
                "or\n"
                "bool a\n"
                "not a\n"
                "bool b\n"
                "bool a\n"
                "loop\n"
                "bool a\n"
                "y\n"
                "[0, 3, 5]\n"
                "bool a\n"
                "bool a\n"
                "True 0 False\n"
                "1 s [2] 5\n"
                "3 4 5\n"
                "(2, 1)\n");
}

}  // namespace

namespace {

// Functions whose variables closures capture (cells) are called direct too: a parameter's
// cell holds its argument or its default, a local's cell starts unbound, each call gets new
// cells (closures made by two calls do not share), nonlocal writes reach the closure, and the
// cells outlive the call. Methods and __init__ with cells as well. Output is CPython's.
TEST(DirectCalls, FunctionsWithCells) {
  EXPECT_EQ(run(
                "def make(x, y=10):\n"
                "    def get():\n"
                "        return x + y\n"
                "    def bump():\n"
                "        nonlocal x\n"
                "        x += 1\n"
                "    return get, bump\n"
                "g1, b1 = make(1)\n"
                "g2, b2 = make(5, 1)\n"
                "b1()\n"
                "b1()\n"
                "b2()\n"
                "print(g1(), g2())\n"
                "def late():\n"
                "    f = lambda: v\n"
                "    try:\n"
                "        f()\n"
                "    except NameError as e:\n"
                "        print('free', type(e).__name__)\n"
                "    v = 3\n"
                "    return f()\n"
                "print(late(), late())\n"
                "def gen_in(xs, k):\n"
                "    return list(a * k for a in xs)\n"
                "print(gen_in([1, 2, 3], 2), gen_in((4,), 3))\n"
                "def rec(n, acc):\n"
                "    if n == 0:\n"
                "        return (lambda: acc)()\n"
                "    return rec(n - 1, acc + [n])\n"
                "print(rec(4, []))\n"
                "class C:\n"
                "    def __init__(self, v):\n"
                "        self.f = lambda: v * 2\n"
                "    def m(self, w):\n"
                "        return (lambda: w + 1)()\n"
                "c = C(21)\n"
                "print(c.f(), c.m(1), C.m(c, 2))\n"
                "def boom(x):\n"
                "    h = lambda: x\n"
                "    raise ValueError(h())\n"
                "try:\n"
                "    boom(7)\n"
                "except ValueError as e:\n"
                "    print('caught', e)\n"),
            "13 7\n"
            "free NameError\n"
            "free NameError\n"
            "3 3\n"
            "[2, 4, 6] [12]\n"
            "[4, 3, 2, 1]\n"
            "42 2 3\n"
            "caught 7\n");
}

// Method calls on builtin objects go through the site's cache by class alone: a site that
// sees a list, a dict and a dict subclass in turn, a subclass that overrides the method, and
// a method added to a subclass after the site first ran, each call the right method.
TEST(DirectCalls, BuiltinReceiverMethods) {
  EXPECT_EQ(run(
                "class D(dict):\n"
                "    pass\n"
                "class E(dict):\n"
                "    def get(self, k, d=None):\n"
                "        return 'E.get'\n"
                "def call_get(o, k):\n"
                "    return o.get(k, 'none')\n"
                "d, dd, e = {1: 'a'}, D({1: 'b'}), E()\n"
                "out = []\n"
                "for o in [d, dd, e, d, e, dd]:\n"
                "    out.append(call_get(o, 1))\n"
                "print(out)\n"
                "D.get = lambda self, k, d=None: 'patched'\n"
                "print(call_get(dd, 1), call_get(d, 1))\n"
                "del D.get\n"
                "print(call_get(dd, 1))\n"
                "def pop_all(x):\n"
                "    return x.pop()\n"
                "print(pop_all([1, 2]), pop_all({3}), pop_all([4]))\n"),
            "['a', 'b', 'E.get', 'a', 'E.get', 'b']\n"
            "patched a\n"
            "b\n"
            "2 3 4\n");
}

}  // namespace

namespace {

// The call paths that read a global callee in place and run one-statement bodies without their
// block: the callee is the function bound when the call starts even if its arguments rebind
// the name; a builtin read through a global site sees a global that later shadows it, and sees
// it again once the global is deleted; a deleted global is a NameError; direct calls with and
// without defaults and with too few or too many arguments; an unbound local under `n - 1`;
// both operands of `f() + g()` evaluated in order, with instances' __add__/__radd__; errors in
// one-statement if, elif, else, while and for bodies are located at their own lines (CPython's).
TEST(DirectCalls, GlobalCalleesAndOneStatementBodies) {
  EXPECT_EQ(run(
                "def f(x):\n"
                "    return 'old'\n"
                "def rebind():\n"
                "    global f\n"
                "    f = lambda x: 'new'\n"
                "    return 1\n"
                "print(f(rebind()), f(0))\n"
                "def use():\n"
                "    return len([1, 2])\n"
                "print(use())\n"
                "def len(x):\n"
                "    return 99\n"
                "print(use())\n"
                "del len\n"
                "print(use())\n"
                "def gone(): return 1\n"
                "def call_gone(): return gone()\n"
                "print(call_gone())\n"
                "del gone\n"
                "try:\n"
                "    call_gone()\n"
                "except NameError as e:\n"
                "    print('NameError', e)\n"
                "def d(a, b=1, c=2):\n"
                "    return a + b + c\n"
                "def calls():\n"
                "    return d(1), d(1, 2), d(1, 2, 3)\n"
                "print(calls())\n"
                "for bad in ('d()', 'd(1, 2, 3, 4)'):\n"
                "    try:\n"
                "        eval(bad)\n"
                "    except TypeError:\n"
                "        print('TypeError', bad)\n"
                "def unb(k):\n"
                "    if k:\n"
                "        n = 5\n"
                "    return n - 1\n"
                "print(unb(True))\n"
                "try:\n"
                "    unb(False)\n"
                "except UnboundLocalError:\n"
                "    print('unbound')\n"
                "def p(v):\n"
                "    print('eval', v.x if isinstance(v, V) else v)\n"
                "    return v\n"
                "class V:\n"
                "    def __init__(self, x): self.x = x\n"
                "    def __add__(self, o): return V(self.x + (o.x if isinstance(o, V) else o))\n"
                "    def __radd__(self, o): return V(o * 100 + self.x)\n"
                "print(p(1) + p(2), (p(V(3)) + p(V(4))).x, (p(5) + p(V(6))).x, p('a') + p('b'))\n"
                "print('end')\n"),
                "old new\n"
                "2\n"
                "99\n"
                "2\n"
                "1\n"
                "NameError name 'gone' is not defined\n"
                "(4, 5, 6)\n"
                "TypeError d()\n"
                "TypeError d(1, 2, 3, 4)\n"
                "4\n"
                "unbound\n"
                "eval 1\n"
                "eval 2\n"
                "eval 3\n"
                "eval 4\n"
                "eval 5\n"
                "eval 6\n"
                "eval a\n"
                "eval b\n"
                "3 7 506 ab\n"
                "end\n");
  // (program, where its error must be located)
  const std::pair<const char*, const char*> located[] = {
      {"def where(k):\n    if k == 0:\n        return 1 // 0\n    return 2\nwhere(0)\n", "<test>:3:"},
      {"def where(k):\n    if k == 0:\n        return 1\n    elif k == 1:\n        return [][0]\n    return 2\nwhere(1)\n",
       "<test>:5:"},
      {"def where(k):\n    if k == 0:\n        return 1\n    else:\n        return {}['x']\nwhere(2)\n", "<test>:5:"},
      {"i = 0\nwhile i < 3:\n    i += 1\nfor j in range(2):\n    None.attr\n", "<test>:5:"},
      {"i = 0\nwhile i < 3:\n    i += 'a'\n", "<test>:3:"},
  };
  for (const auto& [program, at] : located) {
    std::string out = run(program);
    EXPECT_NE(out.find(at), std::string::npos) << program << "\n" << out;
  }
}

}  // namespace
