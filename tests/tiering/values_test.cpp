// Values beyond plain numbers and containers in compiled code: variables that hold an int and
// later a float (printed, compared and returned as Python does), and module functions used as
// values (passed as arguments, bound to locals, called). What compiled code does not take
// falls back with its reason while the program prints what Python prints.
#include <gtest/gtest.h>

#include "session.h"

namespace ml::tiering {
namespace {

using test_support::both;
using test_support::Session;

TEST(IntOrFloat, AnAccumulatorStartingAtZeroPrintsAsPython) {
  const char* prog =
      "def acc(xs):\n"
      "    total = 0\n"
      "    for x in xs:\n"
      "        total += x * 0.5\n"
      "    return total\n"
      "def mixed(n):\n"
      "    t = 0\n"
      "    for i in range(n):\n"
      "        if i % 3 == 0:\n"
      "            t += 1\n"
      "        else:\n"
      "            t = t * 1.5\n"
      "    print(t, t > 1, t == 1, -1 if t else 1, t // 2, t % 2, t ** 2)\n"
      "    return t\n"
      "print(acc([]), acc([1, 2, 3]), acc([2.0]))\n"
      "print(mixed(0), mixed(1), mixed(3))\n";
  std::string ex = both(prog,
                        "0 3.0 1.0\n"
                        "0 False False 1 0 0 0\n"
                        "1 False True -1 0 1 1\n"
                        "2.25 True False -1 1.0 0.25 5.0625\n"
                        "0 1 2.25\n");
  EXPECT_NE(ex.find("acc(list[int]): wasm (1 call)"), std::string::npos) << ex;
  EXPECT_NE(ex.find("acc(list[?]): interpreter"), std::string::npos) << ex;
  EXPECT_NE(ex.find("mixed(int): wasm (3 calls)"), std::string::npos) << ex;
}

TEST(IntOrFloat, ReturnsOfBothKindsAndNaNsKeepTheirValues) {
  const char* prog =
      "def ret(n):\n"
      "    if n > 0:\n"
      "        return n\n"
      "    return n / 2\n"
      "def nanv(x):\n"
      "    t = 1\n"
      "    if x > 0:\n"
      "        t = x * 1e308 * 10\n"
      "    r = t - t\n"
      "    return r\n"
      "print(ret(3), ret(-3), ret(0), nanv(1.0), nanv(-1.0))\n"
      "print([ret(i) for i in range(-1, 2)])\n";
  std::string ex = both(prog, "3 -1.5 0.0 nan 0\n[-0.5, 0.0, 1]\n");
  EXPECT_NE(ex.find("ret(int): wasm"), std::string::npos) << ex;
  EXPECT_NE(ex.find("nanv(float): wasm (2 calls)"), std::string::npos) << ex;
}

TEST(IntOrFloat, AnIntBeyondWhatTheVariableHoldsRunsInterpreted) {
  // the int of an int-or-float variable has 50 bits: a bigger one hands the call back
  const char* prog =
      "def big(n):\n"
      "    t = 0\n"
      "    for i in range(n):\n"
      "        t += 1 << 55\n"
      "        if i == 2:\n"
      "            t = t / 3\n"
      "    return t\n"
      "print(big(0), big(1), big(5))\n";
  std::string ex = both(prog, "0 36028797018963968 1.080863910568919e+17\n");
  EXPECT_NE(ex.find("big(int): wasm (3 calls), 2 handed back to the interpreter"), std::string::npos) << ex;
}

TEST(IntOrFloat, AParameterAssignedTheOtherNumberTypeFallsBackWithAReason) {
  const char* prog =
      "def f(x):\n"
      "    for i in range(2):\n"
      "        x += 0.5\n"
      "    return x\n"
      "print(f(1), f(1.0))\n";
  std::string ex = both(prog, "2.0 2.0\n");
  EXPECT_NE(ex.find("f(int): interpreter (parameter 'x' assigned a value of another type"), std::string::npos) << ex;
  EXPECT_NE(ex.find("f(float): wasm (1 call)"), std::string::npos) << ex;
}

const char* kFunctions =
    "def sq(x):\n"
    "    return x * x\n"
    "def half(x):\n"
    "    return x / 2\n"
    "def apply_all(f, xs):\n"
    "    out = []\n"
    "    for x in xs:\n"
    "        out.append(f(x))\n"
    "    return out\n"
    "def twice(f, x):\n"
    "    g = f\n"
    "    return g(g(x))\n"
    "def pick(n):\n"
    "    if n > 0:\n"
    "        return twice(sq, n)\n"
    "    return twice(half, n)\n"
    "print(apply_all(sq, [1, 2, 3]), apply_all(half, [1, 2, 3]))\n"
    "print(twice(sq, 3), pick(2), pick(-4))\n"
    "print(apply_all(len, ['ab']), apply_all(lambda v: v + 1, [1]))\n";

TEST(FunctionValues, ModuleFunctionsArePassedBoundAndCalled) {
  std::string ex = both(kFunctions, "[1, 4, 9] [0.5, 1.0, 1.5]\n81 16 -1.0\n[2] [2]\n");
  EXPECT_NE(ex.find("apply_all(function sq, list[int]): wasm (1 call)"), std::string::npos) << ex;
  EXPECT_NE(ex.find("apply_all(function half, list[int]): wasm (1 call)"), std::string::npos) << ex;
  EXPECT_NE(ex.find("twice(function sq, int): wasm (1 call)"), std::string::npos) << ex;
  EXPECT_NE(ex.find("pick(int): wasm (2 calls)"), std::string::npos) << ex;
  // builtins and lambdas stay the interpreter's
  EXPECT_NE(ex.find("argument 'f' is a builtin_function_or_method"), std::string::npos) << ex;
  EXPECT_NE(ex.find("argument 'f' is a function"), std::string::npos) << ex;
}

TEST(FunctionValues, AFunctionUsedAsAnythingButACalleeFallsBackWithAReason) {
  const char* prog =
      "def sq(x):\n"
      "    return x * x\n"
      "def get(n):\n"
      "    f = sq\n"
      "    return f\n"
      "def show(n):\n"
      "    print(sq, n)\n"
      "def pair(n):\n"
      "    return (sq, n)[1]\n"
      "print(get(1)(3))\n"
      "show(1)\n"
      "print(pair(2))\n";
  Session w(runtime::Backend::Wasm), in(runtime::Backend::Native);
  ASSERT_EQ(w.runner.run_string(prog), 0) << w.err.str();
  ASSERT_EQ(in.runner.run_string(prog), 0) << in.err.str();
  EXPECT_EQ(w.out.str(), in.out.str());
  std::string ex = w.explain();
  EXPECT_NE(ex.find("get(int): interpreter (function used as a value at line 5:12 (f))"), std::string::npos) << ex;
  EXPECT_NE(ex.find("show(int): interpreter (function used as a value at line 7:11 (sq))"), std::string::npos) << ex;
  EXPECT_NE(ex.find("pair(int): interpreter (function used as a value at line 9:13 (sq))"), std::string::npos) << ex;
}

}  // namespace
}  // namespace ml::tiering
