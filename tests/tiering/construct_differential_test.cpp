// Differential test: seeded random programs over a class whose instances compiled code makes
// (Cls(args), `[None] * n` lists of them, methods that change their fields, operator methods),
// run compiled (--backend wasm), interpreted, and under python3 (the reference); every line
// must match.
#include <gtest/gtest.h>

#include <random>
#include <sstream>

#include "session.h"
#include "shared/subprocess.h"

namespace ml::tiering {
namespace {

struct ClassGen {
  std::mt19937 rng;
  explicit ClassGen(unsigned seed) : rng(seed) {}
  int pick(int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); }
  // an int expression over `vars`
  std::string expr(const std::vector<std::string>& vars, int depth) {
    if (depth == 0 || pick(3) == 0) return pick(3) ? vars[size_t(pick(int(vars.size())))] : std::to_string(pick(19) - 9);
    static const char* ops[] = {"+", "-", "*", "//", "%", "+", "-"};
    int k = pick(9);
    if (k == 0) return "abs(" + expr(vars, depth - 1) + ")";
    if (k == 1) return "(" + expr(vars, depth - 1) + " if " + expr(vars, depth - 1) + " > " + expr(vars, depth - 1) + " else " +
                       expr(vars, depth - 1) + ")";
    return "(" + expr(vars, depth - 1) + " " + ops[pick(7)] + " " + expr(vars, depth - 1) + ")";
  }
  std::string program(int id) {
    std::ostringstream o;
    std::string c = "C" + std::to_string(id);
    o << "class " << c << ":\n"
      << "    def __init__(self, a, b):\n"
      << "        self.x = " << expr({"a", "b"}, 2) << "\n"
      << "        self.y = " << expr({"a", "b", "self.x"}, 2) << "\n";
    if (pick(2)) o << "        self.x += " << expr({"a", "self.y"}, 1) << "\n";
    o << "    def step(self, k):\n"
      << "        self.y = " << expr({"k", "self.x", "self.y"}, 2) << "\n"
      << "        self.x -= " << expr({"k", "self.y"}, 1) << "\n"
      << "        return self.x\n"
      << "    def __add__(self, o):\n"
      << "        return " << c << "(" << expr({"self.x", "o.y"}, 1) << ", " << expr({"self.y", "o.x"}, 1) << ")\n"
      << "def f" << id << "(n, m):\n"
      << "    ps = [None] * n\n"
      << "    for i in range(n):\n"
      << "        ps[i] = " << c << "(" << expr({"i", "m"}, 2) << ", " << expr({"i", "n"}, 1) << ")\n"
      << "    t = " << c << "(m, n)\n"
      << "    s = 0\n"
      << "    for p in ps:\n"
      << "        s += p.step(" << expr({"s", "m"}, 1) << ")\n"
      << "        t = t + p\n"
      << "    return s, t.x, t.y, ps[n // 2].y\n"
      << "for n, m in ((1, 0), (3, 7), (6, -4), (9, 123456789)):\n"
      << "    try:\n"
      << "        print(f" << id << "(n, m))\n"
      << "    except Exception as e:\n"
      << "        print(type(e).__name__)\n";
    return o.str();
  }
};

TEST(ConstructDifferential, RandomClassProgramsMatchTheInterpreterAndPython) {
  constexpr int kPrograms = 40;
  ClassGen gen(20261207);
  std::string all;
  for (int k = 0; k < kPrograms; ++k) all += gen.program(k);
  test_support::Session w(runtime::Backend::Wasm), in(runtime::Backend::Native);
  ASSERT_EQ(w.runner.run_string(all.c_str()), 0) << w.err.str();
  ASSERT_EQ(in.runner.run_string(all.c_str()), 0) << in.err.str();
  EXPECT_EQ(w.out.str(), in.out.str());
  // compiled code ran most of them (some fall back: an int left 64 bits)
  std::string ex = w.explain();
  size_t compiled = ml::test_support::occurrences(ex, "(int, int): wasm");
  EXPECT_GT(compiled, size_t(kPrograms / 2)) << ex;
  std::string py = ml::test_support::python3_output(all);
  ASSERT_FALSE(py.empty()) << "python3 did not run the programs";
  EXPECT_EQ(w.out.str(), py);
}

}  // namespace
}  // namespace ml::tiering
