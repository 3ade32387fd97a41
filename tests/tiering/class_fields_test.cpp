// Fields that hold ints in some instances and floats in others (int-or-float in compiled
// code), and second names for methods in a class body (`__rmul__ = __mul__`): each program is
// checked against the interpreter and python3, and --explain says what compiled.
#include <gtest/gtest.h>

#include "session.h"
#include "shared/subprocess.h"

namespace ml::tiering {
namespace {

using test_support::both;
using test_support::three_ways;

const char* kPoint =
    "class P:\n"
    "    def __init__(self, x, y):\n"
    "        self.x = x\n"
    "        self.y = y\n"
    "    def weight(self):\n"
    "        return abs(self.x) + self.y * 2\n"
    "\n";

// Point(0, 0) next to Point(1.5, 2): the field is int-or-float; what compiled code reads,
// computes and stores keeps each value's kind (an int stays an int, 7 // 2 is 3, 7 / 2 is 3.5).
TEST(ClassFields, AFieldHoldingIntsAndFloatsCompilesAsIntOrFloat) {
  std::string prog = std::string(kPoint) +
                     "def total(ps):\n"
                     "    s = 0\n"
                     "    for p in ps:\n"
                     "        s += p.x * 2 + p.y + p.weight()\n"
                     "    return s\n"
                     "def move(ps, d):\n"
                     "    for p in ps:\n"
                     "        p.x += d\n"
                     "        p.y = p.y / 2\n"
                     "    ps[0].x = 7\n"
                     "    ps[1].x //= 2\n"
                     "    return ps[0].x, ps[1].x\n"
                     "def show(ps):\n"
                     "    for p in ps:\n"
                     "        print(p.x, p.y, p.x == 2, p.x < 1.75)\n"
                     "pts = [P(-1, 2.5), P(-0.5, 3), P(2, -4)]\n"
                     "print(total(pts))\n"
                     "print(move(pts, 1))\n"
                     "show(pts)\n"
                     "print([(p.x, p.y, type(p.x).__name__, type(p.y).__name__) for p in pts])\n"
                     "def halves(ps):\n"
                     "    out = []\n"
                     "    for p in ps:\n"
                     "        out.append(P(p.x, p.y / 2))\n"
                     "    return out\n"
                     "print([(q.x, q.y, type(q.x).__name__) for q in halves(pts)])\n";
  std::string ex = three_ways(prog);
  // an instance made in compiled code from an int-or-float gets an int-or-float field
  EXPECT_NE(ex.find("halves(list[P{x: int | float, y: float}]): wasm (1 call)"), std::string::npos) << ex;
  EXPECT_NE(ex.find("total(list[P{x: int | float, y: int | float}]): wasm (1 call)"), std::string::npos) << ex;
  EXPECT_NE(ex.find("move(list[P{x: int | float, y: int | float}], int): wasm (1 call)"), std::string::npos) << ex;
  // (move left floats alone in y)
  EXPECT_NE(ex.find("show(list[P{x: int | float, y: float}]): wasm (1 call)"), std::string::npos) << ex;
}

// An int-or-float holds 50-bit ints: a bigger int among floats leaves the call to the
// interpreter (said so), and a result that outgrows 50 bits in compiled code hands the call
// back before anything of it is seen: the output is Python's either way.
TEST(ClassFields, IntsBeyondFiftyBitsInAnIntOrFloatFieldRunInterpreted) {
  std::string prog = std::string(kPoint) +
                     "def grow(ps, k):\n"
                     "    for i in range(k):\n"
                     "        for p in ps:\n"
                     "            p.x = p.x * 1024\n"
                     "    return ps[0].x\n"
                     "print(grow([P(2 ** 60, 1), P(0.5, 2)], 1))\n"
                     "ps = [P(3, 1), P(0.5, 2)]\n"
                     "print(grow(ps, 6))\n"
                     "print(ps[0].x, ps[1].x)\n"
                     "def mags(ps):\n"
                     "    out = []\n"
                     "    for p in ps:\n"
                     "        out.append(abs(p.x))\n"
                     "    return out\n"
                     "print(mags([P(-3, 1), P(-0.5, 2)]), mags([P(-2 ** 49, 1), P(-0.5, 2)]))\n";
  std::string ex = three_ways(prog);
  EXPECT_NE(ex.find("a P whose attribute 'x' holds floats and an int beyond 50 bits"), std::string::npos) << ex;
}

const char* kVec =
    "class V:\n"
    "    def __init__(self, x, y):\n"
    "        self.x = x\n"
    "        self.y = y\n"
    "    def __mul__(self, k):\n"
    "        return V(self.x * k, self.y * k)\n"
    "    __rmul__ = __mul__\n"
    "    def __add__(self, o):\n"
    "        return V(self.x + o.x, self.y + o.y)\n"
    "    plus = __add__\n"
    "    also_plus = plus\n"
    "\n"
    "def walk(v, n):\n"
    "    acc = V(0.0, 0.0)\n"
    "    for i in range(n):\n"
    "        acc = acc + 0.5 * v\n"
    "        acc = acc.plus(v * 2.0).also_plus(v)\n"
    "    return acc\n"
    "\n";

// `__rmul__ = __mul__` and `plus = __add__`: the class's second names for its methods are
// those methods in compiled code too (0.5 * v calls V.__mul__ as v's __rmul__).
TEST(ClassFields, SecondNamesForMethodsCompile) {
  std::string prog = std::string(kVec) +
                     "r = walk(V(1.0, 2.0), 10)\n"
                     "print(r.x, r.y)\n";
  std::string ex = three_ways(prog);
  EXPECT_NE(ex.find("walk(V{x: float, y: float}, int): wasm (1 call)"), std::string::npos) << ex;
  EXPECT_NE(ex.find("V.__mul__: wasm, inside walk"), std::string::npos) << ex;
}

// A second name the program rebinds later is no longer the method compiled code would call:
// the call runs interpreted, said why; a class attribute that is not a method's second name
// keeps the class out of compiled code as before.
TEST(ClassFields, ASecondNameReboundOrAPlainClassAttributeRunsInterpreted) {
  std::string prog = std::string(kVec) +
                     "print(walk(V(1.0, 2.0), 3).x)\n"
                     "V.__rmul__ = lambda self, k: V(0.0, 0.0)\n"
                     "print(walk(V(1.0, 2.0), 3).x)\n"
                     "class W:\n"
                     "    def one(self):\n"
                     "        return 1\n"
                     "    two = 2\n"
                     "def use(w, n):\n"
                     "    t = 0\n"
                     "    for i in range(n):\n"
                     "        t += w.one()\n"
                     "    return t\n"
                     "print(use(W(), 4))\n";
  std::string ex = three_ways(prog);
  EXPECT_NE(ex.find("walk(V{x: float, y: float}, int): wasm (1 call)"), std::string::npos) << ex;
  EXPECT_NE(ex.find("(method __rmul__ was replaced)"), std::string::npos) << ex;
  EXPECT_NE(ex.find("use(...): interpreter (argument 'w' is a W (class W has class attributes))"), std::string::npos)
      << ex;
}

}  // namespace
}  // namespace ml::tiering
