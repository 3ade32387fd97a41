// Generators run on their own stacks and switch in user space (frame.cpp); `yield from` over a
// generator hands the delegate to the resumers. These check what a resumer sees through chains:
// values, sent values, return values, exceptions crossing stacks, limits.
#include <gtest/gtest.h>

#include "interp_helpers.h"

using ml::interp::testing::run;

namespace {

TEST(Generators, DeepYieldFromChainAndManyLiveGenerators) {
  EXPECT_EQ(run("def leaf(n):\n    yield from range(n)\ndef chain(d, n):\n    if d == 0:\n        yield from leaf(n)\n"
                "    else:\n        r = yield from chain(d - 1, n)\n        return r\nprint(sum(chain(50, 1000)))\n"
                "gs = [leaf(3) for i in range(200)]\nprint(sum(next(g) + next(g) for g in gs))"),
            "499500\n200\n");
}

TEST(Generators, ExceptionsCrossGeneratorStacks) {
  EXPECT_EQ(run("def g():\n    try:\n        yield 1\n        raise ValueError('inner')\n    except ValueError as e:\n        yield str(e)\n"
                "    yield 3\n    raise KeyError('k')\nr = []\ntry:\n    for x in g():\n        r.append(x)\nexcept KeyError as e:\n"
                "    r.append(repr(e))\nprint(r)\n"
                "def h():\n    x = yield 1\n    yield x * 2\nit = h()\nprint(next(it), it.send(21))"),
            "[1, 'inner', 3, \"KeyError('k')\"]\n1 42\n");
}

TEST(Generators, YieldFromPassesSendsAndReturnValues) {
  EXPECT_EQ(run("def inner():\n    x = yield 1\n    print('inner got', x)\n    return 'ret'\n"
                "def outer():\n    r = yield from inner()\n    print('outer got', r)\n    yield 3\n"
                "g = outer()\nprint(next(g))\nprint(g.send('hello'))"),
            "1\ninner got hello\nouter got ret\n3\n");
}

TEST(Generators, DelegateExceptionRaisedAtTheYieldFrom) {
  EXPECT_EQ(run("def bad():\n    yield 1\n    raise KeyError('k')\n"
                "def wrap():\n    try:\n        yield from bad()\n    except KeyError as e:\n        yield 'caught ' + repr(e)\n"
                "    yield 'after'\nprint(list(wrap()))"),
            "[1, \"caught KeyError('k')\", 'after']\n");
}

TEST(Generators, YieldFromThroughIterAndNonGenerators) {
  EXPECT_EQ(run("class It:\n    def __iter__(self):\n        yield 'a'\n        yield 'b'\n"
                "def g():\n    yield from It()\n    yield from [1, 2]\n    yield from (x * 10 for x in range(2))\n"
                "print(list(g()))"),
            "['a', 'b', 1, 2, 0, 10]\n");
}

TEST(Generators, DelegationLimits) {
  // A generator delegating to itself is already executing; an endless chain of delegations
  // ends in RecursionError, not a crash.
  EXPECT_EQ(run("def selfy():\n    yield from g2\ng2 = selfy()\ntry:\n    next(g2)\nexcept ValueError as e:\n    print('ValueError', e)\n"
                "def rec(n):\n    yield from rec(n + 1)\ntry:\n    next(rec(0))\nexcept RecursionError:\n    print('RecursionError')\n"
                "def deep(n):\n    if n == 0:\n        yield 1\n        return 0\n    r = yield from deep(n - 1)\n    return r + 1\n"
                "def top():\n    r = yield from deep(300)\n    print('depth', r)\nprint(sum(top()))"),
            "ValueError generator already executing\nRecursionError\ndepth 300\n1\n");
}

}  // namespace
