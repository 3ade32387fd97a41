// Differential test: float floor division and modulo, int -> float conversion, int true
// division and int/float comparisons on edge values, run by the interpreter and by python3
// (the reference); every line must match.
#include <gtest/gtest.h>

#include <sstream>

#include "run_util.h"

using namespace ml::test;

namespace {

const char* kProgram = R"PY(
fs = [0.0, -0.0, 1.0, -1.0, 3.0, -3.0, 0.1, -0.1, 0.5, 2.5, 7.0, 1e16, 1e300, 1e308, -1e308, 1e-300, 5e-324, -5e-324, float("inf"), float("-inf"), float("nan"), 9007199254740993.0, 1.7976931348623157e308]
for x in fs:
    for y in fs:
        for name in ["//", "%", "divmod"]:
            try:
                if name == "//":
                    r = x // y
                elif name == "%":
                    r = x % y
                else:
                    r = divmod(x, y)
                out = repr(r)
            except Exception as e:
                out = type(e).__name__
            print(repr(x), name, repr(y), out)
big = [10**30, 2**64 - 1, 2**64, 2**53 + 1, 2**53 - 1, 2**63, -(2**63), 2**63 - 1, -(2**64 - 1), 10**22 + 1, 3**100, -(3**100), 2**1023, 2**1024 - 2**971, 2**1024 - 2**970, 2**1024 - 1, 2**1024, 2**54 + 3, 2**55 + 5, 2**60 + 2**7, 2**60 + 2**7 + 1, 2**60 + 3 * 2**7, 12345678901234567890123, 10**308, 10**309]
for n in big:
    try:
        out = repr(float(n))
    except Exception as e:
        out = type(e).__name__
    print("float", n, out)
    try:
        out = repr(n / 1)
    except Exception as e:
        out = type(e).__name__
    print("truediv", n, out)
ints = [0, 1, -1, 2**53, 2**53 + 1, -(2**53 + 1), 2**53 - 1, 2**63 - 1, -(2**63), 2**63, 2**64, -(2**64), 10**30, 2**62 + 1, True, False]
fl = [0.0, -0.0, 0.5, -0.5, 1.0, 1.5, 9007199254740992.0, 9007199254740994.0, -9007199254740992.0, 9.223372036854776e18, -9.223372036854776e18, 4.611686018427388e18, 1.8446744073709552e19, 1e30, float("inf"), float("-inf"), float("nan")]
for a in ints:
    for b in fl:
        print(repr(a), repr(b), a == b, a != b, a < b, a <= b, a > b, a >= b, b == a, b < a, b <= a, b > a, b >= a)
pairs = [(1, 10**320), (-1, 10**320), (1, 3), (2**1100, 3**500), (10**400, 10**90), (10**400, 10**80), (7, -(2**1080)), (2**53 + 1, 1), (-(2**64 - 1), 3), (1, 2**1074), (1, 2**1075), (3, 2**1076), (1, -(2**1075)), (0, -5), (2**63 - 1, 2**10 + 1), (10**30, 7), (-(10**30), 7), (5 * 2**1020, 3), (2**1024, 2), (2**1025, 2)]
for p in pairs:
    try:
        out = repr(p[0] / p[1])
    except Exception as e:
        out = type(e).__name__
    print("div", p[0] % 1000, p[1] % 1000, out)
)PY";

TEST(NumericDifferential, EdgeValuesMatchPython) {
  auto dir = scratch_dir("numeric_differential");
  write_file(dir / "num.py", kProgram);
  std::string cmd = "cd " + shell_quote(dir.string()) + " && timeout 120 python3 num.py > expected.txt 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << "python3 is needed for the expected values";
  std::istringstream want(read_file(dir / "expected.txt"));
  auto r = run_ml("run --backend interpreter num.py", dir.string());
  ASSERT_EQ(r.status, 0) << r.out;
  std::istringstream got(r.out);
  std::string w, g;
  int lines = 0, wrong = 0;
  while (std::getline(want, w)) {
    ++lines;
    if (!std::getline(got, g)) {
      ADD_FAILURE() << "output ended at line " << lines;
      break;
    }
    if (g != w && ++wrong <= 20) ADD_FAILURE() << "python3: " << w << "\n    here: " << g;
  }
  EXPECT_EQ(wrong, 0) << "of " << lines << " lines";
  EXPECT_GT(lines, 1900);
}

}  // namespace
