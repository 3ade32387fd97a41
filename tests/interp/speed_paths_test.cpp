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

// obj[a:b:c] and obj[a:b:c] = v on lists and tuples skip the slice object: bounds, negative
// steps, clamping, same-length and resizing assignment, a list assigned into itself, errors,
// __index__ bounds, and other receivers that still get a slice object.
TEST(SpeedPaths, SlicesWithoutSliceObjects) {
  EXPECT_EQ(run("l = list(range(10))\n"
                "print(l[2:5], l[::-1], l[8:2:-2], l[-3:], l[:-3], l[100:], l[-100:2], l[::3], l[5:2], l[True:3])\n"
                "t = tuple(l)\n"
                "print(t[2:5], t[::-2], t[:0], type(t[1:]).__name__)\n"
                "print('héllo'[1:4], b'abcdef'[::2], range(10)[2:8:3])\n"
                "class S:\n"
                "    def __getitem__(self, k): return ('slice', k.start, k.stop, k.step)\n"
                "    def __setitem__(self, k, v): print('set', k, v)\n"
                "    def __delitem__(self, k): print('del', k)\n"
                "s = S()\n"
                "print(s[1:2], s[::3], s['a':'b':None])\n"
                "s[1:2] = 5\n"
                "del s[:3]\n"
                "m = list(range(8))\n"
                "m[2:4] = ['a', 'b']; print(m)\n"
                "m[2:4] = ['x']; print(m)\n"
                "m[1:1] = (7, 8, 9); print(m)\n"
                "m[::2] = m[1::2][:len(m[::2])] if len(m[1::2]) == len(m[::2]) else m[::2]; print(m)\n"
                "m[:] = m; print(m)\n"
                "m[:3] = m; print(m)\n"
                "m[5:1] = 'zz'; print(m)\n"
                "try:\n"
                "    m[::2] = [1]\n"
                "except ValueError as e:\n"
                "    print(e)\n"
                "try:\n"
                "    l[::0]\n"
                "except ValueError as e:\n"
                "    print(e)\n"
                "try:\n"
                "    l['a':]\n"
                "except TypeError as e:\n"
                "    print(e)\n"
                "class Ix:\n"
                "    def __index__(self): return 2\n"
                "print(l[Ix():5], l[10**30:], l[:-10**30])\n"
                "n = [1, 2, 3]\n"
                "n[1:] = iter([9, 9, 9]); print(n)\n"
                "del n[::2]; print(n)\n"),
            "[2, 3, 4] [9, 8, 7, 6, 5, 4, 3, 2, 1, 0] [8, 6, 4] [7, 8, 9] [0, 1, 2, 3, 4, 5, 6] [] [0, 1] [0, 3, 6, 9] [] [1, 2]\n"
                "(2, 3, 4) (9, 7, 5, 3, 1) () tuple\n"
                "éll b'ace' range(2, 8, 3)\n"
                "('slice', 1, 2, None) ('slice', None, None, 3) ('slice', 'a', 'b', None)\n"
                "set slice(1, 2, None) 5\n"
                "del slice(None, 3, None)\n"
                "[0, 1, 'a', 'b', 4, 5, 6, 7]\n"
                "[0, 1, 'x', 4, 5, 6, 7]\n"
                "[0, 7, 8, 9, 1, 'x', 4, 5, 6, 7]\n"
                "[7, 7, 9, 9, 'x', 'x', 5, 5, 7, 7]\n"
                "[7, 7, 9, 9, 'x', 'x', 5, 5, 7, 7]\n"
                "[7, 7, 9, 9, 'x', 'x', 5, 5, 7, 7, 9, 'x', 'x', 5, 5, 7, 7]\n"
                "[7, 7, 9, 9, 'x', 'z', 'z', 'x', 5, 5, 7, 7, 9, 'x', 'x', 5, 5, 7, 7]\n"
                "attempt to assign sequence of size 1 to extended slice of size 10\n"
                "slice step cannot be zero\n"
                "slice indices must be integers or None or have an __index__ method\n"
                "[2, 3, 4] [] []\n"
                "[1, 9, 9, 9]\n"
                "[9, 9]\n");
}

// `o.a += x` goes through the attribute caches (properties, __getattr__, __setattr__, class
// attributes read then shadowed); a method found missing from the same instance dict again and
// again until an instance attribute shadows it; class calls remember __new__/__init__ only
// while no class changes.
TEST(SpeedPaths, AttributeCachesAndConstructors) {
  EXPECT_EQ(run("class P:\n"
                "    def __init__(self): self._v = 1\n"
                "    @property\n"
                "    def v(self): return self._v\n"
                "    @v.setter\n"
                "    def v(self, x): print('set v', x); self._v = x\n"
                "class G:\n"
                "    def __getattr__(self, n): return 10\n"
                "class S:\n"
                "    def __setattr__(self, n, x): print('setattr', n, x); object.__setattr__(self, n, x)\n"
                "p, g, s = P(), G(), S()\n"
                "for o in (p, p):\n"
                "    o.v += 2\n"
                "g.a += 1; g.a += 1\n"
                "s.b = 1; s.b *= 5\n"
                "print(p.v, g.a, s.b)\n"
                "class K:\n"
                "    n = 0\n"
                "k = K()\n"
                "k.n += 1; K.n = 100; k2 = K(); k2.n += 1\n"
                "print(k.n, k2.n, K.n)\n"
                "# a method called on the same object, then shadowed by an instance attribute, then deleted\n"
                "class M:\n"
                "    def f(self): return 'method'\n"
                "m = M()\n"
                "out = []\n"
                "for i in range(6):\n"
                "    out.append(m.f())\n"
                "    if i == 1: m.f = lambda: 'instance'\n"
                "    if i == 3: del m.f\n"
                "    if i == 4: m.__dict__['f'] = lambda: 'via __dict__'\n"
                "print(out)\n"
                "# constructors: __init__ replaced after instances exist, __new__ added later, a subclass\n"
                "class A:\n"
                "    def __init__(self, x): self.x = x\n"
                "a1 = A(1)\n"
                "def init2(self, x): self.x = x * 10\n"
                "A.__init__ = init2\n"
                "a2 = A(2)\n"
                "def new(cls, x):\n"
                "    o = object.__new__(cls); o.made = 'by new'; return o\n"
                "A.__new__ = new\n"
                "a3 = A(3)\n"
                "class B(A): pass\n"
                "b = B(4)\n"
                "\n"
                "a4 = A.__new__(A, 5); A.__init__(a4, 5)\n"
                "print(a1.x, a2.x, a3.x, a3.made, b.x, b.made, a4.x, a4.made)\n"
                "try:\n"
                "    class N: pass\n"
                "    N(1)\n"
                "except TypeError as e:\n"
                "    print(e)\n"),
            "set v 3\n"
                "set v 5\n"
                "setattr b 1\n"
                "setattr b 5\n"
                "5 12 5\n"
                "1 101 100\n"
                "['method', 'method', 'instance', 'instance', 'method', 'via __dict__']\n"
                "1 20 30 by new 40 by new 50 by new\n"
                "N() takes no arguments\n");
}

// `raise` in a try body (also under an if) hands the exception to the try without a C++ throw:
// handlers chosen by type, context and cause, a raised class, a non-exception, a bare raise,
// finally blocks, and an exception no handler matches.
TEST(SpeedPaths, RaiseInATryBody) {
  EXPECT_EQ(run("def f(n):\n"
                "    out = []\n"
                "    for i in range(n):\n"
                "        try:\n"
                "            if i % 2:\n"
                "                raise KeyError(i)\n"
                "            else:\n"
                "                raise ValueError\n"
                "        except KeyError as e:\n"
                "            out.append(('K', e.args))\n"
                "        except ValueError as e:\n"
                "            out.append(('V', e.args))\n"
                "    return out\n"
                "print(f(4))\n"
                "def g():\n"
                "    try:\n"
                "        try:\n"
                "            raise TypeError('inner')\n"
                "        except TypeError:\n"
                "            raise ValueError('outer')\n"
                "    except ValueError as e:\n"
                "        return repr(e), repr(e.__context__), e.__cause__\n"
                "print(g())\n"
                "def h():\n"
                "    try:\n"
                "        raise RuntimeError('x') from KeyError('c')\n"
                "    except RuntimeError as e:\n"
                "        return repr(e.__cause__), repr(e.__context__)\n"
                "print(h())\n"
                "def k():\n"
                "    try:\n"
                "        raise 5\n"
                "    except TypeError as e:\n"
                "        return str(e)\n"
                "print(k())\n"
                "def r():\n"
                "    try:\n"
                "        try:\n"
                "            raise KeyError('a')\n"
                "        except KeyError:\n"
                "            raise\n"
                "    except KeyError as e:\n"
                "        return repr(e)\n"
                "print(r())\n"
                "def fin():\n"
                "    log = []\n"
                "    try:\n"
                "        try:\n"
                "            raise IndexError('i')\n"
                "        finally:\n"
                "            log.append('finally')\n"
                "    except IndexError as e:\n"
                "        log.append(repr(e))\n"
                "    return log\n"
                "print(fin())\n"
                "def nomatch():\n"
                "    try:\n"
                "        raise KeyError('unhandled')\n"
                "    except ValueError:\n"
                "        pass\n"
                "try:\n"
                "    nomatch()\n"
                "except KeyError as e:\n"
                "    print('caught outside', repr(e))\n"
                "try:\n"
                "    raise\n"
                "except RuntimeError as e:\n"
                "    print(e)\n"),
            "[('V', ()), ('K', (1,)), ('V', ()), ('K', (3,))]\n"
                "(\"ValueError('outer')\", \"TypeError('inner')\", None)\n"
                "(\"KeyError('c')\", 'None')\n"
                "exceptions must derive from BaseException\n"
                "KeyError('a')\n"
                "['finally', \"IndexError('i')\"]\n"
                "caught outside KeyError('unhandled')\n"
                "No active exception to reraise\n");
}

// The same exception left uncaught keeps its traceback and location.
TEST(SpeedPaths, RaiseInATryBodyUncaughtKeepsItsLocation) {
  std::string out = run("def nomatch():\n    try:\n        if True:\n            raise KeyError('unhandled')\n"
                        "    except ValueError:\n        pass\nnomatch()\n");
  EXPECT_NE(out.find("4:13: KeyError: 'unhandled'"), std::string::npos) << out;
  EXPECT_NE(out.find(":7: <module>"), std::string::npos) << out;
  EXPECT_NE(out.find(":4: nomatch"), std::string::npos) << out;
}

}  // namespace
