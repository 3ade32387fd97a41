// Instances typed per class for a whole call: classes that refer to themselves or to each
// other (linked lists, a task holding packets holding tasks), fields holding an instance or
// None, `is None` / `is not None` / `is` between instances, lists with empty (None) slots.
// The interpreter's objects stay themselves across the boundary (identity, and mutations seen
// on both sides); each program is checked against the interpreter and python3.
#include <gtest/gtest.h>

#include <random>
#include <sstream>

#include "session.h"
#include "shared/subprocess.h"

namespace ml::tiering {
namespace {

using test_support::both;
using test_support::three_ways;

const char* kPacket =
    "class Packet:\n"
    "    def __init__(self, link, ident):\n"
    "        self.link = link\n"
    "        self.ident = ident\n"
    "        self.datum = 0\n"
    "    def append_to(self, lst):\n"
    "        self.link = None\n"
    "        if lst is None:\n"
    "            return self\n"
    "        p = lst\n"
    "        nxt = p.link\n"
    "        while nxt is not None:\n"
    "            p = nxt\n"
    "            nxt = p.link\n"
    "        p.link = self\n"
    "        return lst\n"
    "\n"
    "def length(p):\n"
    "    n = 0\n"
    "    while p is not None:\n"
    "        n += 1\n"
    "        p = p.link\n"
    "    return n\n"
    "\n";

TEST(NominalInstances, LinkedListsOfAnyLengthCompile) {
  std::string prog = std::string(kPacket) +
                     "head = None\n"
                     "for i in range(60):\n"
                     "    head = Packet(head, i)\n"
                     "print(length(head))\n"
                     "q = Packet(None, 99)\n"
                     "r = q.append_to(head)\n"
                     "print(r is head, length(head), q.link is None, head.link.link.ident)\n"
                     "def walk(p):\n"
                     "    n = 0\n"
                     "    while p:\n"
                     "        n += 1\n"
                     "        p = p.link\n"
                     "    return n, not p\n"
                     "print(walk(head), walk(q))\n";
  std::string ex = three_ways(prog);
  // a 60-long chain of one class: one type, whatever the depth
  EXPECT_NE(ex.find("length(Packet{datum: int, ident: int, link: Packet}): wasm"), std::string::npos) << ex;
  EXPECT_NE(ex.find("Packet.append_to(Packet{datum: int, ident: int, link: Packet}, Packet{"), std::string::npos) << ex;
  EXPECT_EQ(ex.find("nested more than"), std::string::npos) << ex;
}

// An instance that crosses in and comes back out is the same object; the fields compiled code
// changed are seen by the interpreter, and what the interpreter changes is seen by the next
// compiled call; an instance reached through two arguments is one object in compiled code.
TEST(NominalInstances, ObjectsKeepTheirIdentityAndMutationsAcrossTheBoundary) {
  std::string prog = std::string(kPacket) +
                     "def last_of(p):\n"
                     "    while p.link is not None:\n"
                     "        p = p.link\n"
                     "    return p\n"
                     "\n"
                     "def relink(a, b):\n"
                     "    for i in range(1):\n"
                     "        a.link.datum += 5\n"
                     "        b.datum += 1\n"
                     "    return a.link is b\n"
                     "\n"
                     "def cut(p, k):\n"
                     "    i = 0\n"
                     "    while p is not None and i < k:\n"
                     "        p = p.link\n"
                     "        i += 1\n"
                     "    if p is not None:\n"
                     "        rest = p.link\n"
                     "        p.link = None\n"
                     "        return rest\n"
                     "    return None\n"
                     "\n"
                     "a = Packet(None, 1)\n"
                     "b = Packet(a, 2)\n"
                     "c = Packet(b, 3)\n"
                     "print(last_of(c) is a, last_of(a) is a)\n"
                     "a.datum = 40\n"
                     "print(last_of(c).datum)\n"
                     "print(relink(c, b), b.datum)\n"
                     "rest = cut(c, 0)\n"
                     "print(rest is b, c.link is None, length(c), length(rest), cut(rest, 5) is None)\n"
                     "d = Packet(None, 4)\n"
                     "d.link = d\n"
                     "print(relink(d, d), d.datum, d.link is d)\n";
  std::string ex = three_ways(prog);
  EXPECT_NE(ex.find("last_of(Packet{datum: int, ident: int, link: Packet}): wasm"), std::string::npos) << ex;
  EXPECT_NE(ex.find("cut(Packet{datum: int, ident: int, link: Packet}, int): wasm"), std::string::npos) << ex;
}

// Under --backend auto a function taking an instance does not start the engine by itself (the
// copying makes its gain uncertain); once something else started it, the function compiles.
TEST(NominalInstances, TheAdaptivePolicyStartsNoEngineForInstancesAlone) {
  std::string alone = std::string(kPacket) +
                      "head = None\n"
                      "for i in range(10):\n"
                      "    head = Packet(head, i)\n"
                      "for k in range(3):\n"
                      "    print(length(head))\n";
  std::string ex = both(alone.c_str(), "10\n10\n10\n", runtime::Backend::Auto);
  EXPECT_NE(ex.find("length(...): interpreter (takes an instance: not worth starting the WebAssembly engine for"),
            std::string::npos)
      << ex;
  EXPECT_EQ(ex.find(": wasm"), std::string::npos) << ex;
  std::string started = "def work(n):\n"
                        "    s = 0\n"
                        "    for i in range(n):\n"
                        "        s += i\n"
                        "    return s\n"
                        "print(work(10))\n" +
                        alone;
  ex = both(started.c_str(), "45\n10\n10\n10\n", runtime::Backend::Auto);
  EXPECT_NE(ex.find("length(Packet{datum: int, ident: int, link: Packet}): wasm"), std::string::npos) << ex;
}

// Classes that refer to each other (Task -> Packet -> Packet, Packet -> Task) and a list with
// empty slots: one group of types.
TEST(NominalInstances, MutuallyRecursiveClassesAndListsWithEmptySlots) {
  const char* prog =
      "class Task:\n"
      "    def __init__(self, ident):\n"
      "        self.ident = ident\n"
      "        self.input = None\n"
      "        self.done = 0\n"
      "class Packet:\n"
      "    def __init__(self, owner, link):\n"
      "        self.owner = owner\n"
      "        self.link = link\n"
      "        self.size = 1\n"
      "\n"
      "def run(table, rounds):\n"
      "    total = 0\n"
      "    for r in range(rounds):\n"
      "        for t in table:\n"
      "            if t is None:\n"
      "                continue\n"
      "            p = t.input\n"
      "            while p is not None:\n"
      "                p.owner.done += p.size\n"
      "                total += t.ident * p.size\n"
      "                p = p.link\n"
      "    return total\n"
      "\n"
      "t1 = Task(1)\n"
      "t2 = Task(2)\n"
      "t1.input = Packet(t2, Packet(t1, None))\n"
      "t2.input = Packet(t1, None)\n"
      "table = [None, t1, None, t2]\n"
      "print(run(table, 3), t1.done, t2.done, t1.input.link.owner is t1)\n";
  std::string ex = three_ways(prog);
  EXPECT_NE(ex.find("run(list[Task{done: int, ident: int, input: Packet{link: Packet, owner: Task, size: int}}], int): wasm"),
            std::string::npos)
      << ex;
}

// A method called on an instance runs its class's own method: an override in a subclass, also
// when a method inherited from the base calls it on self; isinstance() and assert on instances.
TEST(NominalInstances, SubclassMethodsIsinstanceAndAssert) {
  const char* prog =
      "class Task:\n"
      "    def __init__(self, n):\n"
      "        self.n = n\n"
      "        self.next = None\n"
      "    def fn(self, k):\n"
      "        return k\n"
      "    def run(self, k):\n"
      "        return self.fn(k) + self.n\n"
      "class Doubler(Task):\n"
      "    def fn(self, k):\n"
      "        return 2 * k\n"
      "class Rec:\n"
      "    def __init__(self):\n"
      "        self.count = 0\n"
      "\n"
      "def drive(t, rec, rounds):\n"
      "    assert isinstance(rec, Rec)\n"
      "    for i in range(rounds):\n"
      "        rec.count += t.run(i)\n"
      "    return isinstance(t, Task), isinstance(t, Doubler), isinstance(rec, Task), isinstance(t.next, Task)\n"
      "\n"
      "def checked(t, r):\n"
      "    for i in range(1):\n"
      "        assert isinstance(r, Doubler), 'not a doubler'\n"
      "        t.n += 1\n"
      "    return t.n\n"
      "\n"
      "r1, r2 = Rec(), Rec()\n"
      "d = Doubler(100)\n"
      "d.next = Doubler(1)\n"
      "print(drive(Task(10), r1, 5), r1.count)\n"
      "print(drive(d, r2, 5), r2.count)\n"
      "t = Task(7)\n"
      "print(checked(t, d), t.n)\n"
      "try:\n"
      "    checked(t, t)\n"
      "except AssertionError as e:\n"
      "    print('AssertionError', e, t.n)\n";
  std::string ex = three_ways(prog);
  EXPECT_NE(ex.find("drive(Task{n: int, next: None}, Rec{count: int}, int): wasm"), std::string::npos) << ex;
  // (one type for Doubler in the call: its `next` holds a Doubler or None)
  EXPECT_NE(ex.find("drive(Doubler{n: int, next: Doubler}, Rec{count: int}, int): wasm"), std::string::npos) << ex;
  EXPECT_NE(ex.find("Doubler.fn: wasm, inside drive(Doubler"), std::string::npos) << ex;
}

// What the design does not take is refused with its reason, and runs interpreted.
TEST(NominalInstances, FieldsHoldingTwoClassesAreRefusedWithAReason) {
  const char* prog =
      "class A:\n"
      "    def __init__(self, v):\n"
      "        self.v = v\n"
      "class B:\n"
      "    def __init__(self, v):\n"
      "        self.v = v\n"
      "class Box:\n"
      "    def __init__(self, item):\n"
      "        self.item = item\n"
      "def count(boxes):\n"
      "    n = 0\n"
      "    for b in boxes:\n"
      "        n += 1\n"
      "    return n\n"
      "def get(box):\n"
      "    for i in range(1):\n"
      "        x = box.item\n"
      "    return x\n"
      "print(count([Box(A(1)), Box(B(2))]))\n"
      "print(get(Box(None)) is None)\n";
  std::string ex = three_ways(prog);
  EXPECT_NE(ex.find("a Box whose attribute 'item' holds an A and a B"), std::string::npos) << ex;
}

// Seeded random programs over a linked list: chains built, walked, cut and spliced in compiled
// code and in the interpreter in turn, printed after each step.
TEST(NominalInstances, RandomListProgramsMatchTheInterpreterAndPython) {
  std::mt19937 rng(20261207);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  std::ostringstream o;
  o << kPacket
    << "def total(p):\n"
       "    s = 0\n"
       "    while p is not None:\n"
       "        s += p.ident * 3 + p.datum\n"
       "        p = p.link\n"
       "    return s\n"
       "def nth(p, k):\n"
       "    while k > 0 and p is not None:\n"
       "        p = p.link\n"
       "        k -= 1\n"
       "    return p\n"
       "def mark(p, d):\n"
       "    while p is not None:\n"
       "        p.datum += d\n"
       "        d = -d\n"
       "        p = p.link\n"
       "def show(p):\n"
       "    out = []\n"
       "    while p is not None:\n"
       "        out.append((p.ident, p.datum))\n"
       "        p = p.link\n"
       "    print(out)\n";
  for (int prog = 0; prog < 12; ++prog) {
    o << "heads = [None, None]\n";
    for (int step = 0; step < 10; ++step) {
      int h = pick(2);
      std::string head = "heads[" + std::to_string(h) + "]";
      switch (pick(5)) {
        case 0: o << head << " = Packet(" << head << ", " << pick(100) << ")\n"; break;
        case 1: o << head << " = Packet(None, " << pick(100) << ").append_to(" << head << ")\n"; break;
        case 2: o << "mark(" << head << ", " << pick(9) - 4 << ")\n"; break;
        case 3:
          o << "x = nth(" << head << ", " << pick(4) << ")\n"
            << "if x is not None:\n    x.link = heads[" << 1 - h << "]\n    heads[" << 1 - h << "] = None\n";
          break;
        default: o << "print(total(" << head << "), length(" << head << "))\n"; break;
      }
    }
    o << "show(heads[0])\nshow(heads[1])\n";
  }
  std::string prog = o.str();
  std::string ex = three_ways(prog);
  EXPECT_GT(ml::test_support::occurrences(ex, ": wasm"), size_t(2)) << ex;
}

}  // namespace
}  // namespace ml::tiering
