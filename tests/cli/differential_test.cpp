// Differential test: seeded random arithmetic/loop programs run through `--backend wasm`
// (functions compiled to WebAssembly, with fallback) and `--backend interpreter`; everything
// they print -- values, errors, exit status -- must be the same.
#include <gtest/gtest.h>

#include <random>
#include <sstream>

#include "run_util.h"

using namespace ml::test;

namespace {

class ProgramGen {
 public:
  explicit ProgramGen(uint32_t seed) : rng_(seed) {}

  std::string program() {
    std::ostringstream p;
    int nfuncs = pick(1, 3);
    for (int f = 0; f < nfuncs; ++f) p << function(f);
    for (int c = 0; c < 4; ++c) {
      int f = pick(0, nfuncs - 1);
      p << "print(f" << f << "(" << literal() << ", " << literal() << "))\n";
    }
    return p.str();
  }

 private:
  std::mt19937 rng_;
  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

  std::string literal() {
    switch (pick(0, 3)) {
      case 0: return std::to_string(pick(-20, 20));
      case 1: return std::to_string(pick(-1000000, 1000000));
      case 2: return std::to_string(pick(-50, 50)) + "." + std::to_string(pick(0, 99));
      default: return std::to_string(pick(0, 5));
    }
  }

  std::string operand(const std::vector<std::string>& vars) {
    if (pick(0, 2) == 0) return std::to_string(pick(-9, 9));
    return vars[static_cast<size_t>(pick(0, static_cast<int>(vars.size()) - 1))];
  }

  std::string expr(const std::vector<std::string>& vars, int depth = 0) {
    static const char* ops[] = {"+", "-", "*", "//", "%", "/", "**"};
    if (depth > 2 || pick(0, 2) == 0) return operand(vars);
    std::string op = ops[pick(0, 6)];
    std::string rhs = expr(vars, depth + 1);
    if (op == "**") rhs = std::to_string(pick(0, 3));  // keep powers small
    return "(" + expr(vars, depth + 1) + " " + op + " " + rhs + ")";
  }

  std::string cond(const std::vector<std::string>& vars) {
    static const char* cmps[] = {"<", "<=", ">", ">=", "==", "!="};
    std::string c = expr(vars) + " " + cmps[pick(0, 5)] + " " + expr(vars);
    if (pick(0, 3) == 0) c = "not (" + c + ")";
    if (pick(0, 3) == 0) c += (pick(0, 1) ? " and " : " or ") + operand(vars) + " > 0";
    return c;
  }

  std::string function(int index) {
    std::ostringstream f;
    std::vector<std::string> vars = {"a", "b"};
    f << "def f" << index << "(a, b):\n";
    f << "    let acc = 0\n";
    vars.push_back("acc");
    int stmts = pick(2, 5);
    for (int s = 0; s < stmts; ++s) {
      switch (pick(0, 3)) {
        case 0:
          f << "    acc = acc + " << expr(vars) << "\n";
          break;
        case 1:
          f << "    if " << cond(vars) << ":\n        acc = " << expr(vars) << "\n    else:\n        acc = acc - "
            << operand(vars) << "\n";
          break;
        case 2:
          f << "    for i in range(" << pick(0, 12) << "):\n        acc = acc + " << expr({"i", "a", "acc"}) << "\n"
            << "        if acc > 1000000:\n            break\n";
          break;
        default:
          f << "    let k = 0\n    while k < " << pick(0, 8) << ":\n        k = k + 1\n        acc = acc "
            << (pick(0, 1) ? "+" : "-") << " k * " << operand(vars) << "\n";
          break;
      }
    }
    f << "    return acc\n\n";
    return f.str();
  }
};

// Errors raised inside compiled code carry the line but not yet the column of the failing
// operator (the caret goes under the line's first character), so positions are compared up
// to the line: "p.multi:12:25:" -> "p.multi:12:", and caret lines are dropped.
std::string without_columns(const std::string& s) {
  std::istringstream in(s);
  std::string line, out;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(' ') != std::string::npos && line[line.find_first_not_of(' ')] == '^') continue;
    if (line.rfind("p.multi:", 0) == 0) {
      size_t a = line.find(':', 8);
      size_t b = line.find(':', a + 1);
      line = line.substr(0, a + 1) + line.substr(b + 1);
    }
    out += line + "\n";
  }
  return out;
}

TEST(Differential, RandomProgramsGiveTheSameOutputOnBothBackends) {
  auto dir = scratch_dir("differential");
  int compared = 0;
  for (uint32_t seed = 1; seed <= 40; ++seed) {
    std::string prog = ProgramGen(seed).program();
    write_file(dir / "p.multi", prog);
    auto interp = run_ml("run --lang en --backend interpreter p.multi", dir.string());
    auto wasm = run_ml("run --lang en --backend wasm p.multi", dir.string());
    EXPECT_EQ(interp.status, wasm.status) << "seed " << seed << "\n" << prog;
    EXPECT_EQ(without_columns(interp.out), without_columns(wasm.out)) << "seed " << seed << "\n" << prog;
    EXPECT_LT(wasm.status, 128) << "crashed, seed " << seed;
    compared++;
  }
  EXPECT_EQ(compared, 40);
}

}  // namespace
