// Semantics the interpreter's speed-ups must keep: small dicts without an index, generator
// expressions consumed in place, slices taken without slice objects... Each expected output is
// CPython's.
#include <gtest/gtest.h>

#include "interp_helpers.h"

using ml::interp::testing::run;

namespace {

// Dicts below the size that gets an index are scanned: order, deletion, re-insertion, keys
// that are equal but not identical, and growing past the threshold and shrinking back.
TEST(SpeedPaths, SmallDictsKeepPythonSemantics) {
  EXPECT_EQ(run("d = {}\n"
                "for i in range(20):\n"
                "    d[i] = i * i\n"
                "    if i % 3 == 0: del d[i // 2]\n"
                "print(d)\n"
                "for k in list(d):\n"
                "    if k != 19: del d[k]\n"
                "d[1.0] = 'f'; d[True] = 't'; d['a'] = 1; d[(1, 2)] = 2\n"
                "print(d, len(d), d[1], (1, 2) in d, 2 in d)\n"
                "e = {'x': 1, 'y': 2}\n"
                "del e['x']; e['x'] = 3\n"
                "print(e, list(e.items()))\n"),
            "{2: 4, 5: 25, 8: 64, 10: 100, 11: 121, 12: 144, 13: 169, 14: 196, "
            "15: 225, 16: 256, 17: 289, 18: 324, 19: 361}\n"
            "{19: 361, 1.0: 't', 'a': 1, (1, 2): 2} 4 t True False\n"
            "{'y': 2, 'x': 3} [('y', 2), ('x', 3)]\n");
}

TEST(SpeedPaths, InstanceAttributesAcrossTheSmallDictThreshold) {
  EXPECT_EQ(run("class C:\n    def m(self): return 'method'\n"
                "c = C()\n"
                "for i in range(12): setattr(c, 'a%d' % i, i)\n"
                "for i in range(0, 12, 2): delattr(c, 'a%d' % i)\n"
                "c.m = lambda: 'shadow'\n"
                "print(sorted(vars(c)), c.m())\n"
                "del c.m\n"
                "print(c.m(), c.a11, hasattr(c, 'a10'))\n"),
            "['a1', 'a11', 'a3', 'a5', 'a7', 'a9', 'm'] shadow\n"
            "method 11 False\n");
}

// list/tuple/set/frozenset of a generator expression run it in place: the values, the order in
// which the program's code runs (making a value, hashing it), errors, a StopIteration escaping
// the expression (a RuntimeError, PEP 479, as from any generator), and a rebound name.
TEST(SpeedPaths, GeneratorExpressionsConsumedInPlace) {
  EXPECT_EQ(run("import sys\n"
                "def f():\n"
                "    it = iter([])\n"
                "    return tuple(next(it) for x in range(3))\n"
                "try:\n"
                "    print(f())\n"
                "except Exception as e:\n"
                "    print(type(e).__name__, e, type(e.__cause__).__name__)\n"
                "def g():\n"
                "    yield 1\n"
                "    raise StopIteration\n"
                "try:\n"
                "    print(list(g()))\n"
                "except RuntimeError as e:\n"
                "    print('RuntimeError', e)\n"
                "log = []\n"
                "class H:\n"
                "    def __init__(self, v): self.v = v\n"
                "    def __hash__(self): log.append(('hash', self.v)); return hash(self.v)\n"
                "    def __eq__(self, o): return self.v == o.v\n"
                "def mk(v):\n"
                "    log.append(('make', v)); return H(v)\n"
                "s = set(mk(v) for v in [1, 2, 1])\n"
                "print(len(s), log)\n"
                "print(tuple(x * y for x in range(3) for y in range(3) if x != y), frozenset(c for c in 'abca') == frozenset('abc'))\n"
                "print(list(x for x in []), tuple(i for i in range(0)))\n"
                "def gen_list(): return list\n"
                "def scoped():\n"
                "    k = 10\n"
                "    return list(k + i for i in range(3)), [list(j for j in range(i)) for i in range(3)]\n"
                "print(scoped())\n"
                "list = lambda g: 'shadowed ' + str(sum(g))\n"
                "print(list(x for x in range(4)))\n"
                "del list\n"
                "try:\n"
                "    tuple(1 / x for x in [1, 0])\n"
                "except ZeroDivisionError as e:\n"
                "    print('ZeroDivisionError', e)\n"),
            "RuntimeError generator raised StopIteration StopIteration\n"
                "RuntimeError generator raised StopIteration\n"
                "2 [('make', 1), ('hash', 1), ('make', 2), ('hash', 2), ('make', 1), ('hash', 1)]\n"
                "(0, 0, 0, 2, 0, 2) True\n"
                "[] ()\n"
                "([10, 11, 12], [[], [0], [0, 1]])\n"
                "shadowed 6\n"
                "ZeroDivisionError division by zero\n");
}

}  // namespace
