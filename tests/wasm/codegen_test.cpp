// Functions compiled to WebAssembly give the results Python gives: ints (checked), floats,
// floor division/modulo signs, control flow, recursion, lists; errors and fallbacks.
#include <gtest/gtest.h>

#include <cmath>

#include "wasm_util.h"

using namespace ml::wasmtest;
using ml::wasm::CallOutcome;

TEST(Codegen, Fib) {
  Prog p(R"(
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
)");
  EXPECT_EQ(p.run("fib", {I(20)}), "6765");
  EXPECT_EQ(p.run("fib", {I(1)}), "1");
  std::string wat = p.cp->wat("fib", {ml::wasm::kInt});
  EXPECT_NE(wat.find("call $fib.int"), std::string::npos) << wat;
  auto ex = p.cp->explain();
  ASSERT_EQ(ex.size(), 1u);
  EXPECT_TRUE(ex[0].compiled);
  EXPECT_EQ(ex[0].signature, "fib(int)");
}

TEST(Codegen, FloorDivModSigns) {
  Prog p(R"(
def fd(a, b):
    return a // b
def md(a, b):
    return a % b
)");
  int64_t cases[][2] = {{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {0, 5}, {6, 3}, {-6, 3}};
  for (auto& c : cases) {
    int64_t a = c[0], b = c[1];
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    int64_t r = a - q * b;
    EXPECT_EQ(p.run("fd", {I(a), I(b)}), std::to_string(q)) << a << "//" << b;
    EXPECT_EQ(p.run("md", {I(a), I(b)}), std::to_string(r)) << a << "%" << b;
  }
  // floats: Python's signs
  EXPECT_EQ(p.run("fd", {F(-7.5), F(2.0)}), "-4.0");
  EXPECT_EQ(p.run("md", {F(-7.5), F(2.0)}), "0.5");
  EXPECT_EQ(p.run("md", {F(7.5), F(-2.0)}), "-0.5");
  EXPECT_EQ(p.run("md", {F(-0.0), F(3.0)}), "0.0");
  EXPECT_EQ(p.run("fd", {I(7), F(2.0)}), "3.0");
}

// x * c, x % c and x // c with a literal c > 0 are compiled inline (no helper call): the
// same Python results, and overflow still falls back, at every edge.
TEST(Codegen, ArithmeticByIntLiteralsKeepsPythonSemantics) {
  Prog p(R"(
def m3(a):
    return a * 3
def m3l(a):
    return 3 * a
def m8(a):
    return a * 8
def m1(a):
    return a * 1
def r10(a):
    return a % 10
def r8(a):
    return a % 8
def r1(a):
    return a % 1
def d10(a):
    return a // 10
def d8(a):
    return a // 8
def d1(a):
    return a // 1
)");
  auto floordiv = [](int64_t a, int64_t b) {
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
  };
  std::vector<int64_t> xs = {0, 1, -1, 7, -7, 8, -8, 9, -9, 10, -10, 15, -15, 123456789, -123456789,
                             INT64_MAX, INT64_MIN, INT64_MAX - 1, INT64_MIN + 1};
  for (int64_t k : {10, 8, 1}) {
    std::string suffix = std::to_string(k);
    for (int64_t x : xs) {
      int64_t q = floordiv(x, k);
      EXPECT_EQ(p.run("d" + suffix, {I(x)}), std::to_string(q)) << x << " // " << k;
      int64_t r = static_cast<int64_t>(static_cast<__int128>(x) - static_cast<__int128>(q) * k);
      EXPECT_EQ(p.run("r" + suffix, {I(x)}), std::to_string(r)) << x << " % " << k;
    }
  }
  for (int64_t k : {3, 8, 1}) {
    std::string f = "m" + std::to_string(k);
    for (int64_t x : xs) {
      __int128 exact = static_cast<__int128>(x) * k;
      bool fits = exact >= INT64_MIN && exact <= INT64_MAX;
      auto o = p.call(f, {I(x)});
      if (fits) {
        ASSERT_EQ(o.kind, CallOutcome::Ok) << x << " * " << k << ": " << o.reason;
        EXPECT_EQ(ml::wasm::repr(o.result), std::to_string(static_cast<int64_t>(exact))) << x << " * " << k;
      } else {
        EXPECT_EQ(o.kind, CallOutcome::Fallback) << x << " * " << k;
      }
    }
  }
  // the edges of x * 3 exactly
  EXPECT_EQ(p.run("m3l", {I(INT64_MAX / 3)}), std::to_string(INT64_MAX / 3 * 3));
  EXPECT_EQ(p.call("m3l", {I(INT64_MAX / 3 + 1)}).kind, CallOutcome::Fallback);
  EXPECT_EQ(p.run("m3", {I(INT64_MIN / 3)}), std::to_string(INT64_MIN / 3 * 3));
  EXPECT_EQ(p.call("m3", {I(INT64_MIN / 3 - 1)}).kind, CallOutcome::Fallback);
}

// Annotations fill in what inference leaves open (an empty list's element type, a return
// type) and never convert: Python does not enforce them, so a disagreeing one is ignored.
TEST(Codegen, AnnotationsAreHintsNotConversions) {
  Prog p(R"(
def empty(n: int) -> list[float]:
    let out: list[float] = []
    return out
def empty_loc(n):
    let out: list[int] = []
    return out
def half(x: float) -> float:
    return x // 2
def first(xs: list[int]) -> int:
    if len(xs) == 0:
        return -1
    return xs[0]
)");
  EXPECT_EQ(p.run("empty", {I(3)}), "[]");
  EXPECT_EQ(p.run("empty_loc", {I(3)}), "[]");
  EXPECT_EQ(p.run("half", {I(7)}), "3");      // an int stays an int, as in Python
  EXPECT_EQ(p.run("half", {F(7.0)}), "3.0");
  EXPECT_EQ(p.run("first", {L({})}), "-1");  // list[?] argument, typed by the annotation
  EXPECT_EQ(p.run("first", {L({I(4), I(5)})}), "4");
  for (const auto& r : p.cp->explain()) EXPECT_TRUE(r.compiled) << r.signature << ": " << r.reason;
}

// sum() of a list: Python's left-to-right order, ints checked, an empty float list falls back
// (Python gives the int 0 there).
TEST(Codegen, SumOfLists) {
  Prog p(R"(
def s(xs):
    return sum(xs)
def squares(n):
    return sum([i * i for i in range(n)])
def halves(n):
    let xs = [0.5] * n
    return sum(xs)
)");
  EXPECT_EQ(p.run("halves", {I(3)}), "1.5");
  EXPECT_EQ(p.call("halves", {I(0)}).kind, CallOutcome::Fallback);
  EXPECT_EQ(p.run("s", {L({I(1), I(2), I(3)})}), "6");
  EXPECT_EQ(p.run("s", {L({F(0.1), F(0.2), F(0.3)})}), "0.6000000000000001");
  EXPECT_EQ(p.run("s", {L({F(-0.0)})}), "0.0");
  EXPECT_EQ(p.run("s", {L({B(true), B(false), B(true)})}), "2");
  EXPECT_EQ(p.run("squares", {I(1000)}), "332833500");
  EXPECT_EQ(p.run("squares", {I(0)}), "0");
  EXPECT_EQ(p.call("s", {L({I(INT64_MAX), I(1)})}).kind, CallOutcome::Fallback);
  auto o = p.call("s", {L({F(1.5)})});
  ASSERT_EQ(o.kind, CallOutcome::Ok);
  EXPECT_EQ(repr(o.result), "1.5");
}

TEST(Codegen, DivisionByZeroIsZeroDivisionError) {
  Prog p(R"(
def f(a, b):
    print("before")
    return a // b
def g(a, b):
    return a / b
def h(a, b):
    return a % b
)");
  auto o = p.call("f", {I(1), I(0)});
  ASSERT_EQ(o.kind, CallOutcome::Error);
  EXPECT_EQ(o.error_class, "ZeroDivisionError");
  EXPECT_EQ(o.message_id, "runtime.integer_division_or_modulo_by_zero");
  EXPECT_EQ(o.message, "integer division or modulo by zero");
  EXPECT_EQ(o.line, 4);
  EXPECT_EQ(o.output, "before\n");
  // each operation in CPython's words, as the interpreter says them
  EXPECT_EQ(p.run("g", {F(1.0), F(0.0)}), "ZeroDivisionError: float division by zero");
  EXPECT_EQ(p.run("g", {I(1), I(0)}), "ZeroDivisionError: division by zero");
  EXPECT_EQ(p.run("h", {F(1.0), F(0.0)}), "ZeroDivisionError: float modulo");
  EXPECT_EQ(p.run("h", {I(1), I(0)}), "ZeroDivisionError: integer modulo by zero");
  EXPECT_EQ(p.run("f", {F(1.0), F(0.0)}), "before\nZeroDivisionError: float floor division by zero");
}

TEST(Codegen, LocalizedErrorMessage) {
  Prog p("déf f(a):\n    retour a // 0\n", "fr");
  auto o = p.call("f", {I(3)});
  ASSERT_EQ(o.kind, CallOutcome::Error) << o.reason;
  EXPECT_EQ(o.error_class, "ZeroDivisionError");
  EXPECT_NE(o.message, "division by zero");  // the French text
  EXPECT_FALSE(o.message.empty());
}

TEST(Codegen, OverflowFallsBack) {
  Prog p(R"(
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
def add(a, b):
    return a + b
def neg(a):
    return -a
def pw(a, b):
    return a ** b
)");
  EXPECT_EQ(p.run("fact", {I(20)}), "2432902008176640000");
  auto o = p.call("fact", {I(21)});
  EXPECT_EQ(o.kind, CallOutcome::Fallback);
  EXPECT_NE(o.reason.find("overflow"), std::string::npos) << o.reason;
  EXPECT_EQ(p.call("add", {I(INT64_MAX), I(1)}).kind, CallOutcome::Fallback);
  EXPECT_EQ(p.run("add", {I(INT64_MAX), I(-1)}), std::to_string(INT64_MAX - 1));
  EXPECT_EQ(p.call("neg", {I(INT64_MIN)}).kind, CallOutcome::Fallback);
  EXPECT_EQ(p.run("pw", {I(3), I(39)}), "4052555153018976267");
  EXPECT_EQ(p.call("pw", {I(3), I(41)}).kind, CallOutcome::Fallback);
  EXPECT_EQ(p.call("pw", {I(2), I(-1)}).kind, CallOutcome::Fallback);  // float result in Python
  EXPECT_EQ(p.run("pw", {F(2.0), I(-1)}), "0.5");
  EXPECT_EQ(p.run("pw", {I(-2), I(3)}), "-8");
}

TEST(Codegen, FloatsAndTrueDivision) {
  Prog p(R"(
def f(a, b):
    return a / b
def g(x):
    return x * 0.1 + 1e16
def h(x):
    return float(x) / 3
)");
  EXPECT_EQ(p.run("f", {I(7), I(2)}), "3.5");
  EXPECT_EQ(p.run("f", {I(1), I(3)}), "0.3333333333333333");
  EXPECT_EQ(p.run("g", {F(1.0)}), "1e+16");
  EXPECT_EQ(p.run("h", {I(1)}), "0.3333333333333333");
  EXPECT_EQ(p.run("f", {I(6), I(3)}), "2.0");
}

TEST(Codegen, LoopsBranchesBoolOps) {
  Prog p(R"(
def collatz(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps

def primes(limit):
    count = 0
    for n in range(2, limit):
        is_prime = True
        d = 2
        while d * d <= n:
            if n % d == 0:
                is_prime = False
                break
            d += 1
        if not is_prime:
            continue
        count += 1
    return count

def first_or(a, b):
    return a or b

def between(x, lo, hi):
    return lo <= x < hi and x != 5

def down(n):
    s = 0
    for i in range(n, 0, -3):
        s = s * 10 + i
    else:
        s += 1000000
    return s

def elif_chain(x):
    if x < 0:
        return -1
    elif x == 0:
        return 0
    elif x < 10:
        return 1
    else:
        return 2
)");
  EXPECT_EQ(p.run("collatz", {I(27)}), "111");
  EXPECT_EQ(p.run("primes", {I(100)}), "25");
  EXPECT_EQ(p.run("first_or", {I(0), I(7)}), "7");
  EXPECT_EQ(p.run("first_or", {I(3), I(7)}), "3");
  EXPECT_EQ(p.run("between", {I(3), I(1), I(10)}), "True");
  EXPECT_EQ(p.run("between", {I(5), I(1), I(10)}), "False");
  EXPECT_EQ(p.run("between", {I(10), I(1), I(10)}), "False");
  EXPECT_EQ(p.run("down", {I(10)}), "1010741");  // 10,7,4,1 then else
  for (int x : {-5, 0, 3, 42}) EXPECT_EQ(p.run("elif_chain", {I(x)}), std::to_string(x < 0 ? -1 : x == 0 ? 0 : x < 10 ? 1 : 2));
}

TEST(Codegen, MixedIntFloatComparisonIsExact) {
  Prog p(R"(
def eq(a, b):
    return a == b
def lt(a, b):
    return a < b
)");
  // 2**53 + 1 != 2.0**53 in Python although float(2**53+1) == 2.0**53
  EXPECT_EQ(p.run("eq", {I((1LL << 53) + 1), F(9007199254740992.0)}), "False");
  EXPECT_EQ(p.run("lt", {F(9007199254740992.0), I((1LL << 53) + 1)}), "True");
  EXPECT_EQ(p.run("eq", {I(3), F(3.0)}), "True");
  EXPECT_EQ(p.run("lt", {I(3), F(NAN)}), "False");
}

TEST(Codegen, ListsOfFloatsAndMatmul) {
  Prog p(R"(
def matmul(a, b):
    n = len(a)
    m = len(b[0])
    k = len(b)
    c = [[0.0] * m for _ in range(n)]
    for i in range(n):
        row = c[i]
        ai = a[i]
        for p in range(k):
            aip = ai[p]
            bp = b[p]
            for j in range(m):
                row[j] += aip * bp[j]
    return c

def total(xs):
    s = 0.0
    for x in xs:
        s += x
    return s

def scale(xs, k):
    for i in range(len(xs)):
        xs[i] = xs[i] * k

def squares(n):
    out = []
    for i in range(n):
        out.append(i * i)
    return out

def last(xs):
    return xs[-1]
)");
  auto a = L({L({F(1), F(2)}), L({F(3), F(4)})});
  auto b = L({L({F(5), F(6)}), L({F(7), F(8)})});
  EXPECT_EQ(p.run("matmul", {a, b}), "[[19.0, 22.0], [43.0, 50.0]]");
  EXPECT_EQ(p.run("total", {L({F(0.5), F(0.25)})}), "0.75");
  auto xs = L({F(1), F(2.5)});
  EXPECT_EQ(p.run("scale", {xs, F(2)}), "None");
  EXPECT_EQ(repr(xs), "[2.0, 5.0]");  // updated in place
  EXPECT_EQ(p.run("squares", {I(5)}), "[0, 1, 4, 9, 16]");
  {
    auto o = p.call("squares", {I(1000)});
    ASSERT_EQ(o.kind, CallOutcome::Ok);
    const auto& l = *o.result.as_list();
    ASSERT_EQ(l.size(), 1000u);
    for (int64_t i = 0; i < 1000; ++i) ASSERT_EQ(l[i].as_int(), i * i);
  }
  EXPECT_EQ(p.run("last", {L({I(1), I(2), I(3)})}), "3");
  EXPECT_EQ(p.run("last", {L({I(1)})}), "1");
  auto o = p.call("last", {L({})});
  // an empty list has no element type: list[?] is still compiled, and indexing it fails
  EXPECT_TRUE(o.kind == CallOutcome::Fallback || o.kind == CallOutcome::Error);
}

TEST(Codegen, IndexErrors) {
  Prog p(R"(
def get(xs, i):
    return xs[i]
def put(xs, i):
    xs[i] = 1
)");
  EXPECT_EQ(p.run("get", {L({I(1), I(2)}), I(2)}), "IndexError: list index out of range");
  EXPECT_EQ(p.run("get", {L({I(1), I(2)}), I(-3)}), "IndexError: list index out of range");
  EXPECT_EQ(p.run("get", {L({I(1), I(2)}), I(-2)}), "1");
  EXPECT_EQ(p.run("put", {L({I(1), I(2)}), I(5)}), "IndexError: list assignment index out of range");
}

TEST(Codegen, AliasingIsPreserved) {
  Prog p(R"(
def f(a, b):
    a[0] = 99
    return b[0]
def grid(n):
    g = [[0] * n] * n
    g[0][0] = 5
    return g
)");
  auto shared = L({I(1)});
  EXPECT_EQ(p.run("f", {shared, shared}), "99");
  EXPECT_EQ(p.run("f", {L({I(1)}), L({I(1)})}), "1");
  EXPECT_EQ(p.run("grid", {I(2)}), "[[5, 0], [5, 0]]");
}

TEST(Codegen, PrintFromCompiledCode) {
  Prog p(R"(
def show(n):
    for i in range(n):
        print(i, i / 2, i == 1, sep=", ")
    print([1.5, 2.0], end="!")
)");
  auto o = p.call("show", {I(2)});
  ASSERT_EQ(o.kind, CallOutcome::Ok) << o.reason;
  EXPECT_EQ(o.output, "0, 0.0, False\n1, 0.5, True\n[1.5, 2.0]!");
}

TEST(Codegen, UnsupportedConstructsGiveReasons) {
  Prog p(R"(
class A:
    pass

def uses_str(n):
    s = "abc".title()
    return n

def uses_dict(n):
    d = {}
    return n

def calls_bad(n):
    return uses_str(n) + 1

def changes_type(n):
    x = 0
    x = [0.5]
    return x
)");
  auto why = [&](const std::string& f) {
    auto o = p.call(f, {I(1)});
    EXPECT_EQ(o.kind, CallOutcome::Fallback);
    return o.reason;
  };
  EXPECT_EQ(why("uses_str"), "method call .title() at line 6:20");
  EXPECT_EQ(why("uses_dict"), "dict at line 10:9");
  EXPECT_NE(why("calls_bad").find("call to uses_str(int), which cannot be compiled at line 14:12"), std::string::npos);
  EXPECT_NE(why("changes_type").find("variable 'x' changes type"), std::string::npos);
  std::string text = p.cp->explain_text();
  EXPECT_NE(text.find("uses_str(int): interpreter (method call .title() at line 6:20)"), std::string::npos) << text;
}

TEST(Codegen, ALocalThatMayBeUnboundIsCheckedWhereItIsRead) {
  Prog p(R"(
def maybe_unbound(n):
    if n > 0:
        x = n
    return x
)");
  EXPECT_EQ(p.run("maybe_unbound", {I(3)}), "3");
  auto o = p.call("maybe_unbound", {I(0)});
  ASSERT_EQ(o.kind, CallOutcome::Error) << o.reason;
  EXPECT_EQ(o.error_class, "UnboundLocalError");
  EXPECT_EQ(o.message_id, "runtime.unbound_local");
  EXPECT_EQ(o.message_args.at("name"), "x");
  EXPECT_EQ(o.line, 5);
  EXPECT_EQ(o.col, 12);
}

TEST(Codegen, DeepRecursionFallsBack) {
  Prog p(R"(
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
)");
  EXPECT_EQ(p.run("depth", {I(500)}), "500");
  auto o = p.call("depth", {I(5000)});
  EXPECT_EQ(o.kind, CallOutcome::Fallback);  // RecursionError is the interpreter's to raise
}

TEST(Codegen, MutualRecursionAndTupleAssign) {
  Prog p(R"(
def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)

def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)

def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
)");
  EXPECT_EQ(p.run("is_even", {I(10)}), "True");
  EXPECT_EQ(p.run("is_odd", {I(7)}), "True");
  EXPECT_EQ(p.run("fib_iter", {I(90)}), "2880067194370816120");
}

TEST(Codegen, BuiltinsMinMaxAbsRoundInt) {
  Prog p(R"(
def f(a, b):
    return max(a, b) - min(a, b) + abs(a - b)
def r(x):
    return round(x)
def t(x):
    return int(x)
def m(xs):
    return max(xs)
)");
  EXPECT_EQ(p.run("f", {I(3), I(10)}), "14");
  EXPECT_EQ(p.run("r", {F(2.5)}), "2");
  EXPECT_EQ(p.run("r", {F(3.5)}), "4");
  EXPECT_EQ(p.run("t", {F(-3.9)}), "-3");
  EXPECT_EQ(p.call("t", {F(NAN)}).kind, CallOutcome::Fallback);
  EXPECT_EQ(p.run("m", {L({F(1), F(7.5), F(3)})}), "7.5");
  EXPECT_EQ(p.call("m", {L({})}).kind, CallOutcome::Fallback);
}
