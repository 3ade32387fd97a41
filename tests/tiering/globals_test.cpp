// Module constants in compiled code: a module variable bound once at the top level to an
// int, float, bool or str (a literal, or a value computed there) (and declared `global` nowhere) is read by compiled functions
// as its value; a call finding the module holding another value (rebound through globals(),
// or not bound yet) runs on the interpreter, which reads the name as Python does. Checked
// against the interpreter and, for seeded random programs, python3.
#include <gtest/gtest.h>

#include <random>
#include <sstream>

#include "session.h"
#include "shared/subprocess.h"

namespace ml::tiering {
namespace {

using test_support::both;
using test_support::Session;

TEST(ModuleConstants, FunctionsReadingThemCompile) {
  const char* prog =
      "LIMIT = 26\n"
      "BASE = -1.5\n"
      "VERBOSE = False\n"
      "TAG = 'n='\n"
      "def count(n):\n"
      "    c = 0\n"
      "    t = 0.0\n"
      "    for i in range(n):\n"
      "        c += 1\n"
      "        if c > LIMIT:\n"
      "            c = 1\n"
      "        t += BASE\n"
      "        if VERBOSE:\n"
      "            print(TAG, i)\n"
      "    return c, t, TAG + 'x'\n"
      "print(count(100))\n";
  std::string ex = both(prog, "(22, -150.0, 'n=x')\n");
  EXPECT_NE(ex.find("count(int): wasm (1 call)"), std::string::npos) << ex;
}

TEST(ModuleConstants, ValuesComputedOnceAtTheTopLevelAreConstantsToo) {
  const char* prog =
      "import math\n"
      "A = ord('A')\n"
      "SOLAR_MASS = 4 * math.pi * math.pi\n"
      "NAME = 'ab' * 2\n"
      "BIG = 2 ** 70\n"
      "def letters(n):\n"
      "    s = ''\n"
      "    m = 0.0\n"
      "    for i in range(n):\n"
      "        s += chr(A + i % 26)\n"
      "        m += SOLAR_MASS\n"
      "    return s, m, NAME\n"
      "def big(n):\n"
      "    t = 0\n"
      "    for i in range(n):\n"
      "        t += BIG\n"
      "    return t\n"
      "print(letters(3))\n"
      "print(big(2))\n";
  std::string ex = both(prog, "('ABC', 118.4352528130723, 'abab')\n2361183241434822606848\n");
  EXPECT_NE(ex.find("letters(int): wasm (1 call)"), std::string::npos) << ex;
  EXPECT_NE(ex.find("global variable 'BIG'"), std::string::npos) << ex;
}

TEST(ModuleConstants, ACalleeCompiledIntoItsCallerReadsThemToo) {
  const char* prog =
      "K = 3\n"
      "def scale(x):\n"
      "    return x * K\n"
      "def total(n):\n"
      "    s = 0\n"
      "    for i in range(n):\n"
      "        s += scale(i)\n"
      "    return s\n"
      "print(total(10))\n"
      "globals()['K'] = 0.5\n"
      "print(total(10))\n";
  std::string ex = both(prog, "135\n22.5\n");
  EXPECT_NE(ex.find("total(int): wasm (1 call"), std::string::npos) << ex;
  EXPECT_NE(ex.find("module variable 'K' no longer holds the value compiled in"), std::string::npos) << ex;
}

TEST(ModuleConstants, ARunBeforeTheBindingRaisesNameErrorWherePythonDoes) {
  const char* prog =
      "def f(n):\n"
      "    s = 0\n"
      "    for i in range(n):\n"
      "        s += i * LATE\n"
      "    return s\n"
      "try:\n"
      "    f(3)\n"
      "except NameError as e:\n"
      "    print(e)\n"
      "LATE = 2\n"
      "print(f(3))\n"
      "del globals()['LATE']\n"
      "print(f(0))\n"
      "f(1)\n";
  Session w(runtime::Backend::Wasm), in(runtime::Backend::Native);
  EXPECT_NE(w.runner.run_string(prog), 0);
  EXPECT_NE(in.runner.run_string(prog), 0);
  EXPECT_EQ(w.out.str(), "name 'LATE' is not defined\n6\n0\n");
  EXPECT_EQ(w.out.str(), in.out.str());
  EXPECT_EQ(w.err.str(), in.err.str());
  EXPECT_NE(w.err.str().find(":4:18: NameError"), std::string::npos) << w.err.str();
}

TEST(ModuleConstants, NamesBoundTwiceOrDeclaredGlobalStayInterpreted) {
  const char* prog =
      "A = 1\n"
      "if A:\n"
      "    A = 2\n"
      "B = 5\n"
      "def bump():\n"
      "    global B\n"
      "    B += 1\n"
      "C = [1, 2]\n"
      "def f(n):\n"
      "    s = 0\n"
      "    for i in range(n):\n"
      "        s += A\n"
      "    return s\n"
      "def g(n):\n"
      "    s = 0\n"
      "    for i in range(n):\n"
      "        s += B\n"
      "    return s\n"
      "def h(n):\n"
      "    s = 0\n"
      "    for i in range(n):\n"
      "        s += C[0]\n"
      "    return s\n"
      "bump()\n"
      "print(f(3), g(3), h(3))\n";
  std::string ex = both(prog, "6 18 3\n");
  EXPECT_NE(ex.find("global variable 'A'"), std::string::npos) << ex;
  EXPECT_NE(ex.find("global variable 'B'"), std::string::npos) << ex;
  EXPECT_NE(ex.find("global variable 'C'"), std::string::npos) << ex;
}

// ------------------------------------------------------------------ differential

struct ConstGen {
  std::mt19937 rng;
  explicit ConstGen(unsigned seed) : rng(seed) {}
  int pick(int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); }
  std::string int_lit() { return std::to_string(pick(41) - 20); }
  std::string float_lit() {
    static const char* fs[] = {"0.5", "-2.25", "1e-3", "3.0", "-0.0", "1e300", "7.125"};
    return fs[pick(7)];
  }
  std::string expr(const std::vector<std::string>& vars, int depth) {
    if (depth == 0 || pick(3) == 0) return pick(4) ? vars[size_t(pick(int(vars.size())))] : int_lit();
    static const char* ops[] = {"+", "-", "*", "+"};
    if (pick(6) == 0) return "abs(" + expr(vars, depth - 1) + ")";
    return "(" + expr(vars, depth - 1) + " " + ops[pick(4)] + " " + expr(vars, depth - 1) + ")";
  }
  std::string program(int id) {
    std::ostringstream o;
    std::string k = std::to_string(id), a = "A" + k, b = "B" + k, f = "F" + k, s = "S" + k, late = "L" + k, c = "C" + k;
    o << a << " = " << int_lit() << "\n"
      << b << " = " << float_lit() << "\n"
      << f << " = " << (pick(2) ? "True" : "False") << "\n"
      << s << " = '" << std::string(size_t(pick(4)), char('a' + pick(26))) << "'\n"
      << c << " = abs(" << a << ") * 3 + len(" << s << ")\n"
      << "def g" << k << "(n):\n"
      << "    t = 0\n"
      << "    for i in range(n):\n"
      << "        if " << f << ":\n"
      << "            t += " << expr({"i", a, b, "t", c}, 2) << "\n"
      << "        else:\n"
      << "            t -= " << expr({"i", a, "n", c}, 2) << "\n"
      << "    return t, " << s << " + " << s << ", " << a << " > " << b << "\n"
      << "def h" << k << "(n):\n"
      << "    t = 0\n"
      << "    for i in range(n):\n"
      << "        t += i * " << late << "\n"
      << "    return t\n"
      << "print(g" << k << "(5))\n"
      << "try:\n"
      << "    print(h" << k << "(2))\n"
      << "except NameError as e:\n"
      << "    print('NameError', e)\n"
      << late << " = " << int_lit() << "\n"
      << "print(h" << k << "(4))\n";
    // the fall-back path: the module rebinds a constant behind the compiled code's back
    switch (pick(5)) {
      case 0: o << "globals()['" << a << "'] = " << float_lit() << "\n"; break;
      case 1: o << "globals()['" << f << "'] = not " << f << "\n"; break;
      case 2: o << "globals()['" << s << "'] = 'zz'\n"; break;
      case 3: o << "globals()['" << c << "'] = " << int_lit() << "\n"; break;
      default: break;
    }
    o << "print(g" << k << "(6))\n";
    return o.str();
  }
};

TEST(ModuleConstantsDifferential, RandomProgramsMatchTheInterpreterAndPython) {
  constexpr int kPrograms = 30;
  ConstGen gen(20261207);
  std::string all;
  for (int k = 0; k < kPrograms; ++k) all += gen.program(k);
  Session w(runtime::Backend::Wasm), in(runtime::Backend::Native);
  ASSERT_EQ(w.runner.run_string(all.c_str()), 0) << w.err.str();
  ASSERT_EQ(in.runner.run_string(all.c_str()), 0) << in.err.str();
  EXPECT_EQ(w.out.str(), in.out.str());
  std::string ex = w.explain();
  size_t compiled = ml::test_support::occurrences(ex, "(int): wasm");
  EXPECT_GT(compiled, size_t(kPrograms)) << ex;
  std::string py = ml::test_support::python3_output(all);
  ASSERT_FALSE(py.empty()) << "python3 did not run the programs";
  EXPECT_EQ(w.out.str(), py);
}

}  // namespace
}  // namespace ml::tiering
