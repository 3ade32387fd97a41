// Attribute access sites cache what they found (attrcache.h): each test warms a site with a
// loop, then changes the class, the instance or the receiver, and checks the site sees it.
#include <gtest/gtest.h>

#include "interp_helpers.h"

using ml::interp::testing::run;

namespace {

TEST(AttrCache, ClassAttributeReplacedAfterWarmUp) {
  EXPECT_EQ(run("class A:\n    x = 1\n    def m(self):\n        return 'old'\n"
                "a = A()\nr = []\nfor i in range(4):\n    if i == 2:\n        A.x = 2\n        A.m = lambda self: 'new'\n"
                "    r.append((a.x, a.m()))\nprint(r)"),
            "[(1, 'old'), (1, 'old'), (2, 'new'), (2, 'new')]\n");
}

TEST(AttrCache, InstanceAttributeShadowsMethodLater) {
  EXPECT_EQ(run("class A:\n    def m(self):\n        return 'method'\n"
                "a = A()\nr = []\nfor i in range(4):\n    if i == 2:\n        a.m = lambda: 'instance'\n"
                "    r.append(a.m())\nprint(r)"),
            "['method', 'method', 'instance', 'instance']\n");
}

TEST(AttrCache, PropertyAddedAfterWarmUpWins) {
  EXPECT_EQ(run("class A:\n    pass\na = A()\na.x = 5\nr = []\nfor i in range(4):\n"
                "    if i == 2:\n        A.x = property(lambda self: 'prop')\n    r.append(a.x)\nprint(r)"),
            "[5, 5, 'prop', 'prop']\n");
}

TEST(AttrCache, StoreThroughPropertySetterAddedLater) {
  EXPECT_EQ(run("class A:\n    pass\na = A()\nlog = []\nfor i in range(4):\n"
                "    if i == 2:\n        A.v = property(lambda self: 0, lambda self, v: log.append(v))\n"
                "    a.v = i\nprint(log, a.__dict__)"),
            "[2, 3] {'v': 1}\n");
}

TEST(AttrCache, SetattrHookAddedLater) {
  EXPECT_EQ(run("class A:\n    pass\nseen = []\ndef hook(self, k, v):\n    seen.append((k, v))\n"
                "a = A()\nfor i in range(4):\n    if i == 2:\n        A.__setattr__ = hook\n    a.y = i\n"
                "print(seen, a.y)"),
            "[('y', 2), ('y', 3)] 1\n");
}

TEST(AttrCache, InstancesWithDifferentAttributeOrder) {
  EXPECT_EQ(run("class A:\n    pass\ndef mk(order):\n    o = A()\n    for k in order:\n        setattr(o, k, k * 2)\n    return o\n"
                "objs = [mk('abc'), mk('cab'), mk('bca'), mk('c')]\nprint([(o.a if hasattr(o, 'a') else None, o.c) for o in objs * 2])"),
            "[('aa', 'cc'), ('aa', 'cc'), ('aa', 'cc'), (None, 'cc'), ('aa', 'cc'), ('aa', 'cc'), ('aa', 'cc'), (None, 'cc')]\n");
}

TEST(AttrCache, DeletedAttributeIsGoneAndFallsBackToClass) {
  EXPECT_EQ(run("class A:\n    x = 'class'\na = A()\na.x = 'inst'\nr = []\nfor i in range(4):\n"
                "    if i == 2:\n        del a.x\n    r.append(a.x)\nprint(r)\n"
                "class B:\n    pass\nb = B()\nb.y = 1\nfor i in range(3):\n    if i == 2:\n        del b.y\n"
                "    try:\n        print(b.y)\n    except AttributeError as e:\n        print('AttributeError')"),
            "['inst', 'inst', 'class', 'class']\n1\n1\nAttributeError\n");
}

TEST(AttrCache, SiteSeesAlternatingClasses) {
  EXPECT_EQ(run("class A:\n    def who(self):\n        return 'A'\nclass B(A):\n    def who(self):\n        return 'B'\n"
                "class C(A):\n    pass\nprint([o.who() for o in [A(), B(), C(), B(), A()]])\n"
                "print([type(o).who(o) for o in [B(), C()]])"),
            "['A', 'B', 'A', 'B', 'A']\n['B', 'A']\n");
}

TEST(AttrCache, BaseClassChangedAfterWarmUp) {
  EXPECT_EQ(run("class A:\n    def f(self):\n        return 1\nclass B(A):\n    pass\nb = B()\nr = []\n"
                "for i in range(4):\n    if i == 2:\n        B.f = lambda self: 2\n    r.append(b.f())\n"
                "del B.f\nr.append(b.f())\nprint(r)"),
            "[1, 1, 2, 2, 1]\n");
}

TEST(AttrCache, GetattrFallbackAndBuiltinMethods) {
  EXPECT_EQ(run("class A:\n    def __getattr__(self, n):\n        return n.upper()\na = A()\n"
                "print([a.foo for i in range(2)], a.__class__.__name__)\n"
                "xs = [[1], 'ab', [2]]\nprint([x.count(1) if isinstance(x, list) else x.upper() for x in xs])\n"
                "import math\nprint([math.floor(2.5) for i in range(2)])"),
            "['FOO', 'FOO'] A\n[1, 'AB', 0]\n[2, 2]\n");
}

TEST(AttrCache, StaticAndClassMethodsThroughInstances) {
  EXPECT_EQ(run("class A:\n    @staticmethod\n    def s(x):\n        return x + 1\n    @classmethod\n    def c(cls):\n        return cls.__name__\n"
                "class B(A):\n    pass\nprint([(o.s(1), o.c()) for o in [A(), B(), A()]])"),
            "[(2, 'A'), (2, 'B'), (2, 'A')]\n");
}

}  // namespace
