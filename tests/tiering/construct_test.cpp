// Instances made in compiled code (Cls(args)): their fields come from __init__, they cross
// back as the interpreter's instances of the class (attributes in __init__'s order, identity
// kept), `[None] * n` lists filled with them, an empty slot used (the interpreter runs the call
// and raises where Python does), and the C library's math functions.
#include <gtest/gtest.h>

#include "session.h"

namespace ml::tiering {
namespace {

using test_support::both;
using test_support::Session;

TEST(Construct, InstancesMadeInCompiledCodeCrossBackAsTheClasssInstances) {
  const char* prog =
      "from math import sin, cos\n"
      "class P:\n"
      "    __slots__ = ('y', 'x', 'n')\n"
      "    def __init__(self, i):\n"
      "        self.y = y = cos(i) * 2\n"
      "        self.x = sin(i)\n"
      "        self.n = i + 1\n"
      "        self.scale(1.0)\n"
      "    def scale(self, k):\n"
      "        self.x *= k\n"
      "        self.y *= k\n"
      "class Pair:\n"
      "    def __init__(self, a, b):\n"
      "        self.a = a\n"
      "        self.b = b\n"
      "def build(n):\n"
      "    ps = [None] * n\n"
      "    for i in range(n):\n"
      "        ps[i] = P(i)\n"
      "    for p in ps:\n"
      "        p.scale(0.5)\n"
      "    pair = Pair(ps[0], ps[n - 1])\n"
      "    return ps, pair, Pair(pair.a, P(7))\n"
      "ps, pair, other = build(3)\n"
      "print(ps[0].x, ps[1].y, ps[2].n, len(ps))\n"
      "print(pair.a is ps[0], pair.b is ps[2], other.a is ps[0], isinstance(other.b, P), type(pair).__name__)\n"
      "print(sorted(vars(pair)), other.b.n, P(2).x == ps[2].x * 2)\n";
  std::string ex = both(prog,
                        "0.0 0.5403023058681398 3 3\n"
                        "True True True True Pair\n"
                        "['a', 'b'] 8 True\n");
  EXPECT_NE(ex.find("build(int): wasm (1 call)"), std::string::npos) << ex;
  EXPECT_NE(ex.find("Pair.__init__: wasm, inside build(int)"), std::string::npos) << ex;
}

TEST(Construct, AttributesKeepTheOrderInitGivesThem) {
  const char* prog =
      "class C:\n"
      "    def __init__(self, v):\n"
      "        self.zeta = v\n"
      "        self.alpha = v * 2\n"
      "        self.mid = v * 3\n"
      "def make(n):\n"
      "    out = [None] * n\n"
      "    for i in range(n):\n"
      "        out[i] = C(i)\n"
      "    return out\n"
      "print([list(vars(c).items()) for c in make(2)])\n";
  std::string ex = both(prog, "[[('zeta', 0), ('alpha', 0), ('mid', 0)], [('zeta', 1), ('alpha', 2), ('mid', 3)]]\n");
  EXPECT_NE(ex.find("make(int): wasm (1 call)"), std::string::npos) << ex;
}

TEST(Construct, EmptySlotsAreNoneAndUsingOneRaisesWherePythonDoes) {
  const char* prog =
      "class C:\n"
      "    def __init__(self, v):\n"
      "        self.v = v\n"
      "    def get(self):\n"
      "        return self.v\n"
      "def partly(n):\n"
      "    out = [None] * n\n"
      "    for i in range(0, n, 2):\n"
      "        out[i] = C(i)\n"
      "    return out\n"
      "def total(n):\n"
      "    out = [None] * n\n"
      "    out[0] = C(5)\n"
      "    s = 0\n"
      "    for c in out:\n"
      "        s += c.get()\n"
      "    return s\n"
      "def field(n):\n"
      "    out = [None] * n\n"
      "    out[0] = C(5)\n"
      "    s = 0\n"
      "    for i in range(n):\n"
      "        s += out[i].v\n"
      "    return s\n"
      "print([c if c is None else c.v for c in partly(5)])\n"
      "print(total(1))\n"
      "for f in (total, field):\n"
      "    try:\n"
      "        f(3)\n"
      "    except AttributeError as e:\n"
      "        print('AttributeError', e)\n";
  std::string ex = both(prog,
                        "[0, None, 2, None, 4]\n"
                        "5\n"
                        "AttributeError 'NoneType' object has no attribute 'get'\n"
                        "AttributeError 'NoneType' object has no attribute 'v'\n");
  EXPECT_NE(ex.find("partly(int): wasm (1 call)"), std::string::npos) << ex;
  EXPECT_NE(ex.find("total(int): wasm (2 calls), 1 handed back to the interpreter"), std::string::npos) << ex;
}

TEST(Construct, InitThatCouldSeeAnEmptyFieldStaysInterpreted) {
  const char* prog =
      "class Early:\n"
      "    def __init__(self, v):\n"
      "        self.a = v\n"
      "        self.b = self.a + self.c if v > 100 else v\n"
      "        self.c = v\n"
      "class Branchy:\n"
      "    def __init__(self, v):\n"
      "        if v:\n"
      "            self.a = v\n"
      "        self.b = v\n"
      "def make_early(n):\n"
      "    s = 0\n"
      "    for i in range(n):\n"
      "        s += Early(i).b\n"
      "    return s\n"
      "def make_branchy(n):\n"
      "    s = 0\n"
      "    for i in range(n):\n"
      "        s += Branchy(i).b\n"
      "    return s\n"
      "print(make_early(3), make_branchy(3))\n";
  std::string ex = both(prog, "3 3\n");
  EXPECT_NE(ex.find("make_early(int): interpreter (__init__ reading an attribute before it is assigned at line 4:9"),
            std::string::npos)
      << ex;
  EXPECT_NE(ex.find("make_branchy(int): interpreter"), std::string::npos) << ex;
}

TEST(Construct, AClassChangedAtRunTimeIsNotMadeByCompiledCode) {
  const char* prog =
      "class C:\n"
      "    def __init__(self, v):\n"
      "        self.v = v\n"
      "    def get(self):\n"
      "        return self.v\n"
      "def make(n):\n"
      "    s = 0\n"
      "    for i in range(n):\n"
      "        s += C(i).get()\n"
      "    return s\n"
      "print(make(4))\n"
      "C.get = lambda self: 100\n"
      "print(make(4))\n";
  std::string ex = both(prog, "6\n400\n");
  EXPECT_NE(ex.find("make(int): wasm (1 call"), std::string::npos) << ex;
  EXPECT_NE(ex.find("method get was replaced"), std::string::npos) << ex;
}

TEST(Construct, MathFunctionsAreTheCLibrarysAndTheirErrorsTheInterpreters) {
  const char* prog =
      "import math\n"
      "def waves(n, k):\n"
      "    s = 0.0\n"
      "    for i in range(n):\n"
      "        s += math.sin(i * k) + math.cos(i) * math.tan(i * 0.25) + math.atan(i) + math.exp(i * k)\n"
      "    return s\n"
      "print(waves(50, 0.1))\n"
      "try:\n"
      "    waves(2, 1000.0)\n"
      "except OverflowError as e:\n"
      "    print('OverflowError', e)\n";
  Session w(runtime::Backend::Wasm), in(runtime::Backend::Native);
  EXPECT_EQ(w.runner.run_string(prog), 0) << w.err.str();
  EXPECT_EQ(in.runner.run_string(prog), 0) << in.err.str();
  EXPECT_EQ(w.out.str(), in.out.str());
  EXPECT_NE(w.out.str().find("OverflowError math range error"), std::string::npos) << w.out.str();
  EXPECT_NE(w.explain().find("waves(int, float): wasm (2 calls), 1 handed back to the interpreter"), std::string::npos)
      << w.explain();
}

TEST(Construct, OperatorsOnInstancesCallTheClasssMethods) {
  const char* prog =
      "class V:\n"
      "    def __init__(self, x, y):\n"
      "        self.x = x\n"
      "        self.y = y\n"
      "    def __add__(self, o):\n"
      "        return V(self.x + o.x, self.y + o.y)\n"
      "    def __sub__(self, o):\n"
      "        return V(self.x - o.x, self.y - o.y)\n"
      "    def __mul__(self, k):\n"
      "        return V(self.x * k, self.y * k)\n"
      "    def __rmul__(self, k):\n"
      "        return V(self.x * k * 10, self.y * k * 10)\n"
      "class W(V):\n"
      "    def __radd__(self, o):\n"
      "        return V(-1.0, -1.0)\n"
      "def walk(n):\n"
      "    p = V(0.0, 0.0)\n"
      "    d = V(1.0, 0.5)\n"
      "    for i in range(n):\n"
      "        p = p + d * 0.5 - V(0.25, 0.0)\n"
      "        p = 2 * p - p\n"
      "    return p\n"
      "def mixed(n):\n"
      "    s = 0.0\n"
      "    for i in range(n):\n"
      "        s += (V(1.0, 2.0) + W(1.0, 1.0)).x\n"
      "    return s\n"
      "def holes(n):\n"
      "    vs = [None] * n\n"
      "    vs[0] = V(1.0, 1.0)\n"
      "    t = V(0.0, 0.0)\n"
      "    for v in vs:\n"
      "        t = t + v\n"
      "    return t.x\n"
      "r = walk(6)\n"
      "m = mixed(2)  # (-2.0: W.__radd__ goes first; compiled code leaves this case to the interpreter)\n"
      "print(r.x, r.y, holes(1))\n"
      "try:\n"
      "    holes(2)\n"
      "except AttributeError as e:\n"
      "    print('AttributeError', e)\n";
  std::string ex = both(prog,
                        "12414885.0 12414885.0 1.0\n"
                        "AttributeError 'NoneType' object has no attribute 'x'\n");
  EXPECT_NE(ex.find("walk(int): wasm (1 call)"), std::string::npos) << ex;
  EXPECT_NE(ex.find("V.__rmul__: wasm, inside walk(int)"), std::string::npos) << ex;
  EXPECT_NE(ex.find("holes(int): wasm (2 calls), 1 handed back to the interpreter"), std::string::npos) << ex;
  EXPECT_NE(ex.find("mixed(int): interpreter (operator + on V{x: float, y: float} and W{x: float, y: float}"),
            std::string::npos)
      << ex;
}

TEST(Construct, CallsLeavingOutArgumentsTakeLiteralDefaults) {
  const char* prog =
      "class G:\n"
      "    def __init__(self, x=0, y=0.5, z=-2):\n"
      "        self.x = x\n"
      "        self.y = y\n"
      "        self.z = z\n"
      "    def moved(self, dx, dy=1.0, tag='m'):\n"
      "        return G(self.x + dx, self.y + dy, len(tag))\n"
      "def shift(v, k=3, neg=True):\n"
      "    return -v * k if neg else v * k\n"
      "def run(n):\n"
      "    g = G()\n"
      "    h = G(1)\n"
      "    s = 0.0\n"
      "    for i in range(n):\n"
      "        g = g.moved(i)\n"
      "        h = h.moved(1, 0.25, 'abc')\n"
      "        s += shift(g.y) + shift(h.x, 2) + shift(1, 1, False)\n"
      "    return s, g.x, g.z, h.z\n"
      "print(run(5))\n";
  std::string ex = both(prog, "(-87.5, 10, 1, 3)\n");
  EXPECT_NE(ex.find("run(int): wasm (1 call)"), std::string::npos) << ex;
}

}  // namespace
}  // namespace ml::tiering
