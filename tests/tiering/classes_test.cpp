// Instances of the program's classes in compiled code: fields at fixed offsets, methods called
// on instances (inherited ones too), instances that stay the interpreter's own objects (changed
// fields written back, also when the call raises; identity, isinstance and repr kept), and the
// reasons a class or a call stays interpreted.
#include <gtest/gtest.h>

#include "session.h"

namespace ml::tiering {
namespace {

using test_support::both;
using test_support::Session;

TEST(Instances, MethodsCompileAndTheInterpretersObjectsSeeTheChanges) {
  const char* prog =
      "import math\n"
      "class Base:\n"
      "    def scale(self, k):\n"
      "        self.x *= k\n"
      "        self.y *= k\n"
      "        return self\n"
      "\n"
      "class Vec(Base):\n"
      "    __slots__ = ('x', 'y')\n"
      "    def __init__(self, x, y):\n"
      "        self.x = x\n"
      "        self.y = y\n"
      "    def norm(self):\n"
      "        return math.sqrt(self.x * self.x + self.y * self.y)\n"
      "    def add(self, other):\n"
      "        self.x += other.x\n"
      "        self.y += other.y\n"
      "    def __repr__(self):\n"
      "        return \"Vec(%r, %r)\" % (self.x, self.y)\n"
      "\n"
      "def total(vs):\n"
      "    acc = vs[0]\n"
      "    n = 0\n"
      "    for v in vs[1:]:\n"
      "        acc.add(v)\n"
      "        n += v.norm()\n"
      "    return acc.scale(0.5), n\n"
      "\n"
      "vs = [Vec(float(i), 2.0 * i) for i in range(4)]\n"
      "first = vs[0]\n"
      "r, n = total(vs)\n"
      "print(r, n, r is first, isinstance(r, Vec), vs)\n"
      "\n"
      "def zero(v):\n"
      "    for i in range(1):\n"
      "        v.x = 5.0\n"
      "        v.y = v.y / v.x * 0.0\n"
      "        v.x = 1 / v.y\n"
      "try:\n"
      "    w = Vec(1.0, 1.0)\n"
      "    zero(w)\n"
      "except ZeroDivisionError as e:\n"
      "    print(\"ZeroDivisionError\", w)\n"
;
  std::string ex = both(prog,
                        "Vec(3.0, 6.0) 13.416407864998739 True True [Vec(3.0, 6.0), Vec(1.0, 2.0), Vec(2.0, 4.0), "
                        "Vec(3.0, 6.0)]\n"
                        "ZeroDivisionError Vec(5.0, 0.0)\n");
  EXPECT_NE(ex.find("total(list[Vec{x: float, y: float}]): wasm (1 call)"), std::string::npos) << ex;
  EXPECT_NE(ex.find("Vec.add: wasm, inside total(list[Vec{x: float, y: float}])"), std::string::npos) << ex;
  EXPECT_NE(ex.find("Base.scale: wasm, inside total"), std::string::npos) << ex;
  EXPECT_NE(ex.find("zero(Vec{x: float, y: float}): wasm (1 call)"), std::string::npos) << ex;
  EXPECT_NE(ex.find("Vec.__init__(Vec{}, float, float): interpreter (new attribute 'x' on a Vec at line 11:14)"),
            std::string::npos)
      << ex;
}

TEST(Instances, ClassesAndInstancesCompiledCodeDoesNotTakeFallBackWithAReason) {
  const char* prog =
      "class A:\n"
      "    k = 3\n"
      "    def __init__(self):\n"
      "        self.n = 1\n"
      "def use(a, m):\n"
      "    for i in range(m):\n"
      "        a.n += i\n"
      "    return a.n\n"
      "class B:\n"
      "    def __init__(self):\n"
      "        self.n = None\n"
      "class C:\n"
      "    def __init__(self):\n"
      "        self.n = 2\n"
      "    def get(self):\n"
      "        return self.n\n"
      "def twice(c):\n"
      "    t = 0\n"
      "    for i in range(2):\n"
      "        t += c.get()\n"
      "    return t\n"
      "print(use(A(), 3))\n"
      "print(use(B(), 0))\n"
      "c = C()\n"
      "print(twice(c))\n"
      "C.get = lambda self: 10\n"
      "print(twice(c))\n";
  std::string ex = both(prog, "4\nNone\n4\n20\n");
  EXPECT_NE(ex.find("use(...): interpreter (argument 'a' is an A (class A has class attributes))"), std::string::npos) << ex;
  // a field that holds None is typed None: adding to it is what compiled code refuses
  EXPECT_NE(ex.find("use(B{n: None}, int): interpreter (operator + on None and int at line 7:9)"), std::string::npos) << ex;
  EXPECT_NE(ex.find("twice(C{n: int}): wasm (1 call)"), std::string::npos) << ex;
  EXPECT_NE(ex.find("twice(...): interpreter (argument 'c' is a C (method get was replaced))"), std::string::npos) << ex;
}

TEST(Instances, TheAdaptivePolicyLeavesListsOfInstancesToTheInterpreter) {
  const char* prog =
      "class P:\n"
      "    def __init__(self, x):\n"
      "        self.x = x\n"
      "def biggest(ps):\n"
      "    best = ps[0]\n"
      "    for p in ps:\n"
      "        if p.x > best.x:\n"
      "            best = p\n"
      "    return best\n"
      "ps = [P(i % 7) for i in range(20)]\n"
      "for k in range(3):\n"
      "    print(biggest(ps) is ps[6])\n";
  std::string ex = both(prog, "True\nTrue\nTrue\n", runtime::Backend::Auto);
  EXPECT_NE(ex.find("biggest(...): interpreter (argument 1 is a list of instances"), std::string::npos) << ex;
  ex = both(prog, "True\nTrue\nTrue\n");
  EXPECT_NE(ex.find("biggest(list[P{x: int}]): wasm (3 calls)"), std::string::npos) << ex;
}

}  // namespace
}  // namespace ml::tiering
