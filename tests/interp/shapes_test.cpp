// Instance attributes kept by slot in shared layouts (shape.h): what Python sees of an instance
// (its __dict__, vars(), getattr/setattr/delattr, copies) must not depend on whether the instance
// still has a shape or has moved to keeping a dict.
#include <gtest/gtest.h>

#include "interp_helpers.h"

using ml::interp::testing::run;

namespace {

TEST(Shapes, DictKeepsAssignmentOrderAndIsLive) {
  EXPECT_EQ(run("class A:\n    def __init__(self):\n        self.z = 1\n        self.a = 2\n        self.m = 3\n"
                "a = A()\nd = a.__dict__\nprint(d, list(vars(a)))\n"
                "a.q = 4\nd['r'] = 5\nprint(d is a.__dict__, a.q, a.r, d)\n"
                "b = A()\nprint(b.__dict__, b.z + b.a + b.m)"),
            "{'z': 1, 'a': 2, 'm': 3} ['z', 'a', 'm']\n"
            "True 4 5 {'z': 1, 'a': 2, 'm': 3, 'q': 4, 'r': 5}\n"
            "{'z': 1, 'a': 2, 'm': 3} 6\n");
}

TEST(Shapes, ManyInstancesWithDifferentAttributeSets) {
  EXPECT_EQ(run("class A:\n    pass\nobjs = []\nfor i in range(40):\n    o = A()\n"
                "    for k in range(i % 7):\n        setattr(o, 'k%d' % ((k * 3 + i) % 7), i * 10 + k)\n    objs.append(o)\n"
                "def total(o):\n    s = 0\n    for k in range(7):\n        s += getattr(o, 'k%d' % k, 0)\n    return s\n"
                "print(sum(total(o) for o in objs), [len(vars(o)) for o in objs[:8]])\n"
                "print(sorted(objs[13].__dict__.items()))"),
            "23235 [0, 1, 2, 3, 4, 5, 6, 0]\n[('k0', 135), ('k1', 133), ('k2', 131), ('k4', 134), ('k5', 132), ('k6', 130)]\n");
}

TEST(Shapes, SameSiteSeesManyLayouts) {
  // One load site and one store site in a method see instances whose `v` sits in different
  // slots; a layout that lacks `v` reads the class attribute.
  EXPECT_EQ(run("class A:\n    v = 'class'\n    def get(self):\n        return self.v\n    def put(self, x):\n        self.v = x\n"
                "objs = []\nfor i in range(6):\n    o = A()\n    for k in range(i):\n        setattr(o, 'p%d' % k, k)\n"
                "    if i % 2:\n        o.v = i\n    objs.append(o)\n"
                "print([o.get() for o in objs * 2])\nfor o in objs:\n    o.put(len(vars(o)))\n"
                "print([o.get() for o in objs], list(vars(objs[3])))"),
            "['class', 1, 'class', 3, 'class', 5, 'class', 1, 'class', 3, 'class', 5]\n"
            "[0, 2, 2, 4, 4, 6] ['p0', 'p1', 'p2', 'v']\n");
}

TEST(Shapes, DeleteAndReaddMovesToDictModeAndKeepsWorking) {
  EXPECT_EQ(run("class A:\n    def __init__(self):\n        self.a = 1\n        self.b = 2\n        self.c = 3\n"
                "x = A()\ndel x.b\nprint(vars(x), hasattr(x, 'b'))\nx.b = 20\nprint(vars(x), x.a + x.b + x.c)\n"
                "delattr(x, 'a')\ntry:\n    x.a\nexcept AttributeError as e:\n    print('AttributeError', e)\n"
                "try:\n    del x.nothere\nexcept AttributeError:\n    print('no nothere')\n"
                "y = A()\nprint(vars(y), y.b)"),
            "{'a': 1, 'c': 3} False\n{'a': 1, 'c': 3, 'b': 20} 24\n"
            "AttributeError 'A' object has no attribute 'a'\nno nothere\n{'a': 1, 'b': 2, 'c': 3} 2\n");
}

TEST(Shapes, ClassAttributeShadowingBothWays) {
  EXPECT_EQ(run("class A:\n    x = 'class'\n    def f(self):\n        return 'method'\n"
                "a = A()\nr = []\nfor i in range(5):\n    if i == 1:\n        a.x = 'inst'\n    if i == 2:\n        a.f = lambda: 'attr'\n"
                "    if i == 3:\n        del a.x\n    r.append((a.x, a.f()))\nprint(r)\n"
                "b = A()\nprint(b.x, b.f())"),
            "[('class', 'method'), ('inst', 'method'), ('inst', 'attr'), ('class', 'attr'), ('class', 'attr')]\n"
            "class method\n");
}

TEST(Shapes, SlotsRestrictNamesAndHaveNoDict) {
  EXPECT_EQ(run("class P:\n    __slots__ = ('x', 'y')\n    def __init__(self, x, y):\n        self.x = x\n        self.y = y\n"
                "ps = [P(i, i * 2) for i in range(5)]\nprint(sum(p.x + p.y for p in ps))\n"
                "try:\n    ps[0].z = 1\nexcept AttributeError:\n    print('no z')\n"
                "try:\n    ps[0].__dict__\nexcept AttributeError:\n    print('no __dict__')\n"
                "del ps[1].x\nprint(hasattr(ps[1], 'x'), ps[1].y)\nps[1].x = 7\nprint(ps[1].x)"),
            "30\nno z\nno __dict__\nFalse 2\n7\n");
}

TEST(Shapes, GetattrSetattrAndObjectSetattr) {
  EXPECT_EQ(run("class A:\n    def __setattr__(self, k, v):\n        object.__setattr__(self, k, v * 2)\n"
                "a = A()\na.x = 1\nsetattr(a, 'y', 2)\nprint(a.x, getattr(a, 'y'), vars(a))\n"
                "class B:\n    pass\nb = B()\nsetattr(b, 'with space', 1)\nb.__dict__[3] = 'int key'\n"
                "print(getattr(b, 'with space'), vars(b))"),
            "2 4 {'x': 2, 'y': 4}\n1 {'with space': 1, 3: 'int key'}\n");
}

TEST(Shapes, CopyAndDeepcopyKeepAttributes) {
  EXPECT_EQ(run("import copy\nclass A:\n    def __init__(self):\n        self.n = 1\n        self.l = [1, 2]\n"
                "a = A()\nb = copy.copy(a)\nc = copy.deepcopy(a)\na.l.append(3)\nb.n = 5\n"
                "print(vars(a), vars(b), vars(c))\nc.extra = 'e'\nprint(list(vars(c)), c.extra)\n"
                "d = A()\nprint(vars(d))"),
            "{'n': 1, 'l': [1, 2, 3]} {'n': 5, 'l': [1, 2, 3]} {'n': 1, 'l': [1, 2]}\n"
            "['n', 'l', 'extra'] e\n{'n': 1, 'l': [1, 2]}\n");
}

TEST(Shapes, ManyNamesOnOneInstance) {
  // More names than a layout holds: the instance keeps a dict from then on.
  EXPECT_EQ(run("class A:\n    pass\na = A()\nfor i in range(100):\n    setattr(a, 'n%d' % i, i)\n"
                "print(len(vars(a)), a.n0, a.n63, a.n64, a.n99, list(vars(a))[62:66])\n"
                "b = A()\nb.n0 = 'b'\nprint(vars(b))"),
            "100 0 63 64 99 ['n62', 'n63', 'n64', 'n65']\n{'n0': 'b'}\n");
}

TEST(Shapes, DirAndExceptionsAttributes) {
  EXPECT_EQ(run("class A:\n    def __init__(self):\n        self.q = 1\nprint('q' in dir(A()))\n"
                "class E(Exception):\n    def __init__(self, m):\n        super().__init__(m)\n        self.code = 7\n"
                "try:\n    raise E('boom')\nexcept E as e:\n    print(e.args, e.code)"),
            "True\n('boom',) 7\n");
}

}  // namespace
