// Two things real loops need from compiled code: a range bound to a local and iterated later
// (`range_it = range(loops)` then `for _ in range_it:`), and a local read where it may not be
// assigned yet (a variable set inside a loop and read after it): the read checks at run time
// and raises UnboundLocalError where Python does. Checked against the interpreter and, for
// seeded random programs, python3.
#include <gtest/gtest.h>

#include <random>
#include <sstream>

#include "session.h"
#include "shared/subprocess.h"

namespace ml::tiering {
namespace {

using test_support::both;
using test_support::Session;

TEST(RangeValues, ARangeInALocalIteratedByForCompiles) {
  const char* prog =
      "def f(n, a, b, c):\n"
      "    r1 = range(n)\n"
      "    r2 = range(a, b)\n"
      "    r3 = range(b, a, c)\n"
      "    t = 0\n"
      "    for i in r1:\n"
      "        for j in r2:\n"
      "            t += i * j\n"
      "    for k in r3:\n"
      "        t -= k\n"
      "    for k in r3:\n"  // a range is iterated again from its start
      "        t += 1\n"
      "    xs = [k * 2 for k in r2]\n"
      "    empty = range(5, 1)\n"
      "    for k in empty:\n"
      "        t += 1000\n"
      "    return t, xs\n"
      "print(f(4, 2, 6, -2))\n"
      "print(f(0, -3, 3, -1))\n"
      "print(f(3, 9223372036854775806, 9223372036854775807, -4611686018427387904))\n";
  std::string ex = both(prog,
                        "(76, [4, 6, 8, 10])\n"
                        "(3, [-6, -4, -2, 0, 2, 4])\n"
                        "(18446744073709551612, [18446744073709551612])\n");
  EXPECT_NE(ex.find("f(int, int, int, int): wasm (3 calls)"), std::string::npos) << ex;
}

TEST(RangeValues, ARangeBoundBeforeItsArgumentsChangeKeepsThem) {
  const char* prog =
      "def f(n):\n"
      "    r = range(n)\n"
      "    n = 2\n"
      "    t = 0\n"
      "    for i in r:\n"
      "        t += i + n\n"
      "    return t\n"
      "print(f(5))\n";
  std::string ex = both(prog, "20\n");
  EXPECT_NE(ex.find("f(int): wasm (1 call)"), std::string::npos) << ex;
}

TEST(RangeValues, AStepOfZeroRaisesValueErrorWherePythonDoes) {
  const char* prog =
      "def f(n, s):\n"
      "    t = 0\n"
      "    r = range(0, n, s)\n"
      "    for i in r:\n"
      "        t += i\n"
      "    return t\n"
      "print(f(10, 3))\n"
      "try:\n"
      "    f(10, 0)\n"
      "except ValueError as e:\n"
      "    print(e)\n"
      "f(1, 0)\n";
  Session w(runtime::Backend::Wasm), in(runtime::Backend::Native);
  EXPECT_NE(w.runner.run_string(prog), 0);
  EXPECT_NE(in.runner.run_string(prog), 0);
  EXPECT_EQ(w.out.str(), "18\nrange() arg 3 must not be zero\n");
  EXPECT_EQ(w.out.str(), in.out.str());
  EXPECT_EQ(w.err.str(), in.err.str());
}

TEST(RangeValues, OtherUsesOfARangeStayInterpretedWithTheirReason) {
  const char* prog =
      "def ret(n):\n"
      "    r = range(n)\n"
      "    for i in r:\n"
      "        pass\n"
      "    return r\n"
      "def length(n):\n"
      "    r = range(n)\n"
      "    t = 0\n"
      "    for i in r:\n"
      "        t += i\n"
      "    return len(r) + t\n"
      "def mixed(n):\n"
      "    r = range(n)\n"
      "    if n > 3:\n"
      "        r = [1, 2]\n"
      "    t = 0\n"
      "    for i in r:\n"
      "        t += i\n"
      "    return t\n"
      "print(ret(3), length(4), mixed(2), mixed(5))\n";
  std::string ex = both(prog, "range(0, 3) 10 1 3\n");
  EXPECT_NE(ex.find("range value used other than as a for loop's iterable at line 5:12 (r)"), std::string::npos) << ex;
  EXPECT_NE(ex.find("range value used other than as a for loop's iterable at line 11:16 (r)"), std::string::npos) << ex;
  EXPECT_NE(ex.find("mixed(int): interpreter"), std::string::npos) << ex;
}

TEST(UnboundLocals, AVariableSetInALoopIsReadAfterItCompiled) {
  const char* prog =
      "def unpack(loops, t):\n"
      "    for _ in range(loops):\n"
      "        a, b, c = t\n"
      "        a, b, c = t\n"
      "    return a + b + c\n"
      "print(unpack(3, (1, 2, 3)))\n"
      "try:\n"
      "    unpack(0, (1, 2, 3))\n"
      "except UnboundLocalError as e:\n"
      "    print('caught:', type(e).__name__, 'a' in str(e))\n"
      "print(unpack(1, (4, 5, 6)))\n"
      "unpack(0, (1, 2, 3))\n";
  Session w(runtime::Backend::Wasm), in(runtime::Backend::Native);
  EXPECT_NE(w.runner.run_string(prog), 0);
  EXPECT_NE(in.runner.run_string(prog), 0);
  EXPECT_EQ(w.out.str(), "6\ncaught: UnboundLocalError True\n15\n");
  EXPECT_EQ(w.out.str(), in.out.str());
  EXPECT_EQ(w.err.str(), in.err.str());
  EXPECT_NE(w.err.str().find(":5:12: UnboundLocalError"), std::string::npos) << w.err.str();
  EXPECT_NE(w.explain().find("unpack(int, tuple[int, int, int]): wasm (4 calls)"), std::string::npos) << w.explain();
}

TEST(UnboundLocals, BranchesLoopElseAndRecursionCheckEachRead) {
  const char* prog =
      "def index(xs, u):\n"
      "    for i in range(len(xs) - 1):\n"
      "        if u >= xs[i] and u < xs[i + 1]:\n"
      "            k = i\n"
      "            break\n"
      "    else:\n"
      "        k = -1\n"
      "    return k\n"
      "def pick(n):\n"
      "    if n % 3 == 0:\n"
      "        v = n * 2\n"
      "    elif n % 3 == 1:\n"
      "        v = 0.5\n"
      "    t = 0.0\n"
      "    while n > 0:\n"
      "        n -= 1\n"
      "        if n == 4:\n"
      "            w = n\n"
      "        if n < 4:\n"
      "            t += w\n"  // UnboundLocalError unless n has passed 4
      "    return v + t\n"
      "def depth(n):\n"
      "    if n > 0:\n"
      "        d = depth(n - 1) + 1\n"
      "    if n == 0:\n"
      "        return 0\n"
      "    return d\n"
      "xs = [1.0, 2.5, 4.0, 7.5]\n"
      "print([index(xs, u) for u in [0.5, 1.0, 3.0, 7.4, 7.5]])\n"
      "for n in [2, 8, 7, 6, 0]:\n"
      "    try:\n"
      "        print(pick(n))\n"
      "    except UnboundLocalError as e:\n"
      "        print(n, type(e).__name__, str(e).split(\"'\")[1])\n"
      "print(depth(30))\n";
  std::string ex = both(prog,
                        "[-1, 0, 1, 2, -1]\n"
                        "2 UnboundLocalError w\n"
                        "8 UnboundLocalError v\n"
                        "16.5\n"
                        "28.0\n"
                        "0.0\n"
                        "30\n");
  EXPECT_NE(ex.find("index(list[float], float): wasm"), std::string::npos) << ex;
  EXPECT_NE(ex.find("pick(int): wasm"), std::string::npos) << ex;
  EXPECT_NE(ex.find("depth(int): wasm"), std::string::npos) << ex;
}

// ------------------------------------------------------------------ differential

// Random functions whose locals are assigned on some paths only (ifs, loops that may not run,
// loop else, break) and read after, some looping over ranges held in locals; each call runs
// under try/except so every path is printed.
struct LocalsGen {
  std::mt19937 rng;
  explicit LocalsGen(unsigned seed) : rng(seed) {}
  int pick(int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); }
  std::string var() { return std::string(1, "abcd"[pick(4)]); }
  std::string range_call() {
    switch (pick(3)) {
      case 0: return "range(n)";
      case 1: return "range(" + std::to_string(pick(5) - 2) + ", n)";
      default: return "range(n, " + std::to_string(pick(5) - 3) + ", -" + std::to_string(pick(2) + 1) + ")";
    }
  }
  void block(std::ostringstream& o, const std::string& ind, int depth, int& loops) {
    int n = 1 + pick(3);
    for (int i = 0; i < n; ++i) {
      int k = depth > 0 ? pick(6) : pick(2);
      std::string v = var();
      if (k == 0) {
        o << ind << v << " = n * " << pick(7) - 3 << " + " << var() << "0\n";
      } else if (k == 1) {
        o << ind << "t += " << v << "\n";
      } else if (k == 2) {
        o << ind << "if n % " << pick(3) + 2 << " == " << pick(2) << ":\n";
        block(o, ind + "    ", depth - 1, loops);
        if (pick(2)) {
          o << ind << "else:\n";
          block(o, ind + "    ", depth - 1, loops);
        }
      } else if (k == 3) {
        std::string r = "r" + std::to_string(loops), iv = "i" + std::to_string(loops);
        ++loops;
        o << ind << r << " = " << range_call() << "\n" << ind << "for " << iv << " in " << r << ":\n";
        o << ind << "    " << var() << " = " << iv << "\n";
        if (pick(2)) o << ind << "    if " << iv << " > " << pick(4) << ":\n" << ind << "        break\n";
        block(o, ind + "    ", depth - 1, loops);
        if (pick(2)) {
          o << ind << "else:\n";
          block(o, ind + "    ", depth - 1, loops);
        }
      } else if (k == 4) {
        std::string iv = "j" + std::to_string(loops);
        ++loops;
        o << ind << "for " << iv << " in " << range_call() << ":\n";
        block(o, ind + "    ", depth - 1, loops);
      } else {
        std::string wv = "w" + std::to_string(loops);
        ++loops;
        o << ind << wv << " = 0\n" << ind << "while " << wv << " < " << pick(3) << " + n:\n" << ind << "    " << wv << " += 1\n";
        block(o, ind + "    ", depth - 1, loops);
      }
    }
  }
  std::string program(int id) {
    std::ostringstream o;
    std::string f = "f" + std::to_string(id);
    o << "def " << f << "(n, a0, b0, c0, d0):\n    t = 0\n";
    int loops = 0;
    block(o, "    ", 3, loops);
    // never run, but it makes each of a-d a local of the function (a read may find it unbound)
    o << "    if n > 100:\n        a = b = c = d = 0\n";
    o << "    return t";
    for (int i = 0; i < 2; ++i) o << " + " << var();
    o << "\n";
    o << "for n in range(-1, 6):\n"
      << "    try:\n"
      << "        print(" << f << "(n, 1, 2, 3, 4))\n"
      << "    except NameError as e:\n"  // UnboundLocalError, or NameError for a name no path assigns
      << "        print('" << f << "', n, type(e).__name__, str(e).split(\"'\")[1])\n";
    return o.str();
  }
};

TEST(LocalsDifferential, RandomProgramsMatchTheInterpreterAndPython) {
  constexpr int kPrograms = 40;
  LocalsGen gen(20261207);
  std::string all;
  for (int k = 0; k < kPrograms; ++k) all += gen.program(k);
  Session w(runtime::Backend::Wasm), in(runtime::Backend::Native);
  ASSERT_EQ(w.runner.run_string(all.c_str()), 0) << w.err.str();
  ASSERT_EQ(in.runner.run_string(all.c_str()), 0) << in.err.str();
  EXPECT_EQ(w.out.str(), in.out.str());
  EXPECT_NE(w.out.str().find(" UnboundLocalError "), std::string::npos) << w.out.str();
  std::string ex = w.explain();
  size_t compiled = ml::test_support::occurrences(ex, "int, int, int, int): wasm");
  EXPECT_GT(compiled, size_t(kPrograms * 3 / 4)) << ex << all;
  std::string py = ml::test_support::python3_output(all);
  ASSERT_FALSE(py.empty()) << "python3 did not run the programs";
  EXPECT_EQ(w.out.str(), py);
}

}  // namespace
}  // namespace ml::tiering
