// Differential test: seeded random arithmetic/loop programs run compiled (through
// CompiledProgram) and under python3, the reference semantics; every result must match.
// Calls may fall back only because an int left 64 bits.
#include <gtest/gtest.h>

#include <cstdio>
#include <random>
#include <sstream>

#include "shared/subprocess.h"
#include "wasm_util.h"

using namespace ml::wasmtest;

namespace {

struct Gen {
  std::mt19937 rng;
  explicit Gen(unsigned seed) : rng(seed) {}
  int pick(int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); }
  std::string var() {
    static const char* vs[] = {"a", "b", "x", "y"};
    return vs[pick(4)];
  }
  std::string lit() {
    int k = pick(10);
    if (k < 6) return std::to_string(pick(10));
    if (k < 8) return std::to_string(pick(1000) - 500);
    return std::to_string(static_cast<long long>(rng()) * 1000003LL);
  }
  std::string expr(int depth) {
    if (depth == 0 || pick(3) == 0) return pick(2) ? var() : lit();
    static const char* ops[] = {"+", "-", "*", "//", "%", "+", "-", "*"};
    int k = pick(12);
    if (k == 0) return "(" + lit() + ") ** " + std::to_string(pick(4));
    if (k == 1) return "-(" + expr(depth - 1) + ")";
    if (k == 2) return "abs(" + expr(depth - 1) + ")";
    if (k == 3) return "(" + expr(depth - 1) + " if " + cond(depth - 1) + " else " + expr(depth - 1) + ")";
    if (k == 4) return "max(" + expr(depth - 1) + ", " + expr(depth - 1) + ")";
    return "(" + expr(depth - 1) + " " + ops[pick(8)] + " " + expr(depth - 1) + ")";
  }
  std::string cond(int depth) {
    static const char* cmps[] = {"<", "<=", ">", ">=", "==", "!="};
    std::string c = expr(depth) + " " + cmps[pick(6)] + " " + expr(depth);
    if (pick(4) == 0) c = "(" + c + ") and (" + expr(depth) + " " + cmps[pick(6)] + " " + expr(depth) + ")";
    if (pick(5) == 0) c = "not (" + c + ")";
    return c;
  }
  void stmts(std::ostringstream& o, int indent, int n, int depth) {
    std::string pad(static_cast<size_t>(indent), ' ');
    for (int i = 0; i < n; ++i) {
      int k = depth > 0 ? pick(8) : 0;
      if (k <= 3) {
        static const char* aug[] = {"+=", "-=", "*="};
        if (pick(3) == 0) o << pad << var() << " " << aug[pick(3)] << " " << expr(2) << "\n";
        else o << pad << var() << " = " << expr(3) << "\n";
      } else if (k == 4) {
        o << pad << "if " << cond(2) << ":\n";
        stmts(o, indent + 4, 1 + pick(2), depth - 1);
        if (pick(2)) {
          o << pad << "else:\n";
          stmts(o, indent + 4, 1 + pick(2), depth - 1);
        }
      } else if (k == 5) {
        o << pad << "for i in range(" << pick(6) << "):\n";
        stmts(o, indent + 4, 1 + pick(2), 0);
        if (pick(3) == 0) o << pad << "    if " << cond(1) << ":\n" << pad << "        break\n";
      } else if (k == 6) {
        o << pad << "c = 0\n" << pad << "while c < " << pick(5) << ":\n" << pad << "    c += 1\n";
        stmts(o, indent + 4, 1 + pick(2), 0);
      } else {
        o << pad << "for i in range(" << pick(10) - 3 << ", " << pick(10) << ", " << (pick(2) ? 1 : 2) << "):\n";
        o << pad << "    if " << cond(1) << ":\n" << pad << "        continue\n";
        stmts(o, indent + 4, 1, 0);
      }
    }
  }
  std::string program() {
    std::ostringstream o;
    o << "def f(a, b):\n    x = a\n    y = b\n";
    stmts(o, 4, 2 + pick(3), 2);
    if (pick(5) == 0) o << "    return " << expr(2) << " / " << expr(1) << "\n";
    else o << "    return " << expr(3) << "\n";
    return o.str();
  }
};

}  // namespace

TEST(Differential, RandomProgramsMatchPython) {
  constexpr int kPrograms = 150;
  const std::vector<std::pair<int64_t, int64_t>> inputs = {{0, 0}, {3, 7}, {-5, 2}, {12, -4}, {1000000007, -3}};
  Gen gen(20240611);
  std::vector<std::string> programs;
  for (int k = 0; k < kPrograms; ++k) programs.push_back(gen.program());

  // python3: one script defining every program under its own name
  std::ostringstream py;
  for (int k = 0; k < kPrograms; ++k) {
    std::string src = programs[k];
    src.replace(src.find("def f("), 6, "def f" + std::to_string(k) + "(");
    py << src << "\n";
  }
  py << "for k in range(" << kPrograms << "):\n"
     << "    for (a, b) in [";
  for (auto [a, b] : inputs) py << "(" << a << ", " << b << "), ";
  py << "]:\n"
     << "        try:\n"
     << "            r = repr(globals()['f%d' % k](a, b))\n"
     << "        except Exception as e:\n"
     << "            r = type(e).__name__\n"
     << "        print(r)\n";
  std::string py_out = ml::test_support::python3_output(py.str(), 120);
  ASSERT_FALSE(py_out.empty()) << "python3 did not run the programs";
  std::istringstream expected(py_out);

  int compared = 0, fell_back = 0;
  for (int k = 0; k < kPrograms; ++k) {
    Prog p(programs[k]);
    for (auto [a, b] : inputs) {
      std::string want;
      ASSERT_TRUE(std::getline(expected, want)) << "python3 output ended early";
      auto o = p.call("f", {I(a), I(b)});
      if (o.kind == ml::wasm::CallOutcome::Fallback) {
        // an intermediate value left 64 bits (Python's final result may be small again
        // after // or %): the interpreter runs that call; any other reason is a failure
        // (or, for `/`, an int beyond 2**53, whose exact true division the interpreter does)
        bool ok = o.reason.find("overflow") != std::string::npos ||
                  (programs[k].find(" / ") != std::string::npos && o.reason.find("leaves to the interpreter") != std::string::npos);
        EXPECT_TRUE(ok) << o.reason << "\n" << programs[k];
        ++fell_back;
        continue;
      }
      std::string got = o.kind == ml::wasm::CallOutcome::Ok ? repr(o.result) : o.error_class;
      EXPECT_EQ(got, want) << "f(" << a << ", " << b << ")\n" << programs[k];
      ++compared;
    }
  }
  std::printf("differential: %d calls compared, %d fell back (ints beyond 64 bits)\n", compared, fell_back);
  EXPECT_GT(compared, kPrograms * 3);
}
