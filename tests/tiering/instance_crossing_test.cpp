// Calls that pass instances, again and again: their argument types are found by key after the
// first call (no typing per call), and the key changes whenever what decides the types does
// (an attribute's kind, an instance's attributes, the class, which instances are the same
// object). Each program is checked against the interpreter and python3; the adaptive policy
// times a function's interpreted calls against its compiled ones when the crossing copies.
#include <gtest/gtest.h>

#include "session.h"
#include "shared/subprocess.h"

namespace ml::tiering {
namespace {

using test_support::Session;
using test_support::three_ways;

// Runs prog compiled (--backend wasm): the output must be python3's. Returns the session's
// compiled calls of the module.
long keyed_calls_of(const std::string& prog) {
  Session w(runtime::Backend::Wasm);
  EXPECT_EQ(w.runner.run_string(prog), 0) << w.err.str();
  EXPECT_EQ(w.out.str(), ml::test_support::python3_output(prog));
  if (w.runner.compiled_modules().size() != 1) {
    ADD_FAILURE() << "one module expected";
    return 0;
  }
  return w.runner.compiled_modules()[0]->keyed_calls();
}

const char* kVec =
    "class V:\n"
    "    def __init__(self, x, y):\n"
    "        self.x = x\n"
    "        self.y = y\n"
    "    def dot(self, other):\n"
    "        return self.x * other.x + self.y * other.y\n"
    "    def scale(self, k):\n"
    "        for i in range(2):\n"
    "            self.x = self.x * k\n"
    "        return self\n"
    "\n"
    "def step(a, b):\n"
    "    total = 0.0\n"
    "    for i in range(3):\n"
    "        total += a.x * b.y\n"
    "    a.y = a.y + 1\n"
    "    return total\n"
    "\n";

// Repeated calls are typed by key; what compiled code writes is seen by the interpreter and
// what the interpreter writes between calls is seen by the next compiled call.
TEST(InstanceCrossing, RepeatedCallsAreTypedByKeyAndSeeEachOthersChanges) {
  std::string prog = std::string(kVec) +
                     "a = V(1.5, 2.0)\n"
                     "b = V(0.5, 4.0)\n"
                     "for n in range(40):\n"
                     "    t = step(a, b)\n"
                     "    a.x = a.x + 0.25\n"
                     "    b.y = b.y - 0.5\n"
                     "    if n % 8 == 0:\n"
                     "        print(t, a.x, a.y, b.y, a.dot(b))\n"
                     "r = a.scale(1.5)\n"
                     "print(r is a, r is b, a.x, a.y)\n"
                     "print(step(a, a), a.y)\n";
  long keyed = keyed_calls_of(prog);
  EXPECT_GE(keyed, 40) << "step called 40 times with the same classes, dot 5 times";
  std::string ex = three_ways(prog);
  EXPECT_NE(ex.find("step(V{x: float, y: float}, V{x: float, y: float}): wasm"), std::string::npos) << ex;
}

// The same instance passed twice is one object in compiled code; two instances with the same
// attributes are two (the key tells these apart, though their types are the same).
TEST(InstanceCrossing, ArgumentsThatAreOneObjectStayOneObject) {
  std::string prog = std::string(kVec) +
                     "def swap(a, b):\n"
                     "    for i in range(1):\n"
                     "        t = a.x\n"
                     "        a.x = b.x\n"
                     "        b.x = t\n"
                     "    return a is b\n"
                     "p = V(1, 2)\n"
                     "q = V(3, 4)\n"
                     "for k in range(6):\n"
                     "    print(swap(p, q), swap(p, p), swap(q, p), p.x, q.x)\n";
  EXPECT_GE(keyed_calls_of(prog), 12);
  three_ways(prog);
}

// What decides the types changes between calls of the same function: an attribute's kind (int,
// float, an int-or-float field, an int beyond 64 bits), the attributes an instance has, None
// in a field of instance type. Each call gets the types of its own arguments.
TEST(InstanceCrossing, AChangedAttributeKindOrLayoutGetsNewTypes) {
  std::string prog = std::string(kVec) +
                     "class Node:\n"
                     "    def __init__(self, v, nxt):\n"
                     "        self.v = v\n"
                     "        self.nxt = nxt\n"
                     "def total(n):\n"
                     "    s = 0\n"
                     "    while n is not None:\n"
                     "        s = s + n.v\n"
                     "        n = n.nxt\n"
                     "    return s\n"
                     "a = V(1, 2)\n"
                     "b = V(3, 4)\n"
                     "for k in range(3):\n"
                     "    print(a.dot(b))\n"
                     "a.x = 1.5\n"
                     "print(a.dot(b))\n"
                     "b.y = 2 ** 60\n"
                     "print(a.dot(b))\n"
                     "b.y = 2 ** 70\n"
                     "print(a.dot(b))\n"
                     "b.y = 7\n"
                     "b.z = 1\n"
                     "print(a.dot(b), b.z)\n"
                     "del b.z\n"
                     "print(a.dot(b))\n"
                     "chain = None\n"
                     "for i in range(5):\n"
                     "    chain = Node(i, chain)\n"
                     "    print(total(chain))\n"
                     "chain.nxt.v = 0.5\n"
                     "print(total(chain))\n"
                     "chain.nxt.nxt = 'end'\n"
                     "try:\n"
                     "    print(total(chain))\n"
                     "except AttributeError as e:\n"
                     "    print('AttributeError', e)\n";
  std::string ex = three_ways(prog);
  // (a and b are one class: its x holds an int in one and a float in the other)
  EXPECT_NE(ex.find("V.dot(V{x: int | float, y: int}, V{x: int | float, y: int}): wasm"), std::string::npos) << ex;
  EXPECT_NE(ex.find("'y' is an int beyond 64 bits"), std::string::npos) << ex;
  EXPECT_NE(ex.find("V instances with different attributes"), std::string::npos) << ex;
  EXPECT_NE(ex.find("total(Node{nxt: Node, v: int | float}): wasm"), std::string::npos) << ex;
  EXPECT_NE(ex.find("V.dot(V{x: int, y: int}, V{x: int, y: int}): wasm"), std::string::npos) << ex;
}

// A class changed between calls (a method replaced, an attribute added to the class, a method
// deleted): the next call sees the change, as the interpreter does, and --explain says why
// compiled code no longer takes its instances.
TEST(InstanceCrossing, AClassChangedBetweenCallsIsSeenByTheNextCall) {
  std::string prog =
      "class P:\n"
      "    def __init__(self, v):\n"
      "        self.v = v\n"
      "    def get(self):\n"
      "        return self.v * 2\n"
      "def use(p):\n"
      "    s = 0\n"
      "    for i in range(2):\n"
      "        s += p.get()\n"
      "    return s\n"
      "p = P(3)\n"
      "for i in range(4):\n"
      "    print(use(p))\n"
      "def get3(self):\n"
      "    return self.v * 3\n"
      "old = P.get\n"
      "P.get = get3\n"
      "for i in range(3):\n"
      "    print(use(p))\n"
      "P.get = old\n"
      "print(use(p))\n"
      "P.extra = lambda self: 1\n"
      "print(use(p))\n"
      "del P.extra\n"
      "print(use(p), use(P(5)))\n";
  std::string ex = three_ways(prog);
  EXPECT_NE(ex.find("method get was replaced"), std::string::npos) << ex;
  EXPECT_NE(ex.find("attributes added to the class"), std::string::npos) << ex;
  EXPECT_NE(ex.find("use(P{v: int}): wasm"), std::string::npos) << ex;
}

// Only the fields compiled code uses are copied into linear memory: a field it never touches
// (a list of instances here) is left out, those a callee uses are copied too, and what the
// call changes in them comes back.
TEST(InstanceCrossing, OnlyTheFieldsTheCodeUsesCrossAndTheirChangesComeBack) {
  std::string prog =
      "class P:\n"
      "    def __init__(self, x):\n"
      "        self.x = x\n"
      "class Spl:\n"
      "    def __init__(self, pts, k):\n"
      "        self.points = pts\n"
      "        self.knots = k\n"
      "        self.degree = 2\n"
      "    def dom(self):\n"
      "        return (self.knots[self.degree - 1], self.knots[len(self.knots) - self.degree])\n"
      "    def bump(self):\n"
      "        for i in range(1):\n"
      "            self.degree = self.degree + 0\n"
      "            self.touch()\n"
      "        return self\n"
      "    def touch(self):\n"
      "        self.knots.append(len(self.points))\n"
      "        self.points[0].x = self.points[0].x + 1.0\n"
      "s = Spl([P(1.0), P(2.0)], [0, 1, 2, 3])\n"
      "for i in range(5):\n"
      "    print(s.dom())\n"
      "    s.points.append(P(float(i)))\n"
      "    s.bump()\n"
      "print(s.knots, len(s.points), s.bump() is s, s.points[0].x, s.degree)\n";
  std::string ex = three_ways(prog);
  EXPECT_NE(ex.find("Spl.dom(Spl{degree: int, knots: list[int], points: list[P{x: float}]}): wasm"),
            std::string::npos)
      << ex;
  EXPECT_NE(ex.find("Spl.touch: wasm, inside Spl.bump("), std::string::npos) << ex;
}

// Under --backend auto, a quick function whose calls copy instances in and out is timed on
// the interpreter too, and left there when that is no slower; what it prints is the same.
TEST(InstanceCrossing, TheAdaptivePolicyComparesInterpretedAndCompiledCalls) {
  std::string prog = std::string(kVec) +
                     "def warm(n):\n"
                     "    t = 0\n"
                     "    for i in range(n):\n"
                     "        t += i\n"
                     "    return t\n"
                     "print(warm(10))\n"
                     "a = V(1.5, 2.0)\n"
                     "b = V(0.5, 4.0)\n"
                     "s = 0.0\n"
                     "for n in range(200):\n"
                     "    s += step(a, b)\n"
                     "print(s, a.y)\n";
  std::string py = ml::test_support::python3_output(prog);
  Session r(runtime::Backend::Auto);
  r.runner.policy().hot_calls = 1;
  r.runner.policy().compare_below_us = 1e9;  // every call is "quick": always compared
  r.runner.policy().quick_call_us = 0;
  EXPECT_EQ(r.runner.run_string(prog), 0) << r.err.str();
  EXPECT_EQ(r.out.str(), py);
  ASSERT_EQ(r.runner.compiled_modules().size(), 1u);
  const FunctionState* st = r.runner.compiled_modules()[0]->state_of("step");
  ASSERT_NE(st, nullptr);
  EXPECT_TRUE(st->copies);
  EXPECT_EQ(st->interpreted_trials, r.runner.policy().interpreted_trials);
  EXPECT_GT(st->compiled_us, 0);
  if (st->settled_interpreted)
    EXPECT_NE(r.explain().find("us interpreted: crossing into WebAssembly and back"), std::string::npos)
        << r.explain();
  // a function taking numbers only is never compared (nothing is copied)
  const FunctionState* w = r.runner.compiled_modules()[0]->state_of("warm");
  ASSERT_NE(w, nullptr);
  EXPECT_FALSE(w->copies);
  EXPECT_EQ(w->interpreted_trials, 0);
}

}  // namespace
}  // namespace ml::tiering
