// The runner and the compiled calls in-process: programs run from a string with output to a
// stream, functions offered to WebAssembly, what the policy remembers.
#include <gtest/gtest.h>

#include <sstream>

#include "lang/pack.h"
#include "tiering/compiled_calls.h"
#include "tiering/runner.h"

namespace ml::tiering {
namespace {

runtime::LoadedConfig config(runtime::Backend b) {
  runtime::LoadedConfig c;
  c.config.prefer_backend = b;
  return c;
}

const LanguagePack& pack(const std::string& code) { return *LanguageRegistry::instance().find(code); }

struct Session {  // a runner with its output captured
  std::ostringstream out, err;
  Runner runner;
  explicit Session(runtime::Backend b, const std::string& lang = "en")
      : runner(pack(lang), config(b), Streams{&out, &err, nullptr}) {}
  const FunctionState* state(const std::string& name) const {
    for (const auto& m : runner.compiled_modules())
      if (const FunctionState* s = m->state_of(name)) return s;
    return nullptr;
  }
};

TEST(Runner, RunsAStringWithOutputToTheGivenStream) {
  Session r(runtime::Backend::Native);
  EXPECT_EQ(r.runner.run_string("print(6 * 7)\n"), 0);
  EXPECT_EQ(r.out.str(), "42\n");
  EXPECT_EQ(r.err.str(), "");
}

TEST(Runner, RunsInTheGivenLanguage) {
  Session r(runtime::Backend::Native, "fr");
  EXPECT_EQ(r.runner.run_string("afficher(1 + 2)\n"), 0);
  EXPECT_EQ(r.out.str(), "3\n");
}

TEST(Runner, ErrorsGoToTheErrorStreamLocated) {
  Session r(runtime::Backend::Native);
  EXPECT_EQ(r.runner.run_string("print(1)\nprint(1 / 0)\n", "prog.py"), 1);
  EXPECT_EQ(r.out.str(), "1\n");
  EXPECT_NE(r.err.str().find("prog.py:2"), std::string::npos) << r.err.str();
  EXPECT_NE(r.err.str().find("ZeroDivisionError"), std::string::npos) << r.err.str();
}

TEST(Runner, SyntaxErrorsAreReported) {
  Session r(runtime::Backend::Native);
  EXPECT_EQ(r.runner.run_string("print(\n", "bad.py"), 1);
  EXPECT_NE(r.err.str().find("bad.py:"), std::string::npos) << r.err.str();
}

TEST(Runner, MissingFileIsAnErrorNotACrash) {
  Session r(runtime::Backend::Native);
  EXPECT_EQ(r.runner.run_file(std::string("/nonexistent/prog.py")), 1);
  EXPECT_FALSE(r.err.str().empty());
}

// A big int handed to a library operation crosses in full: the int-to-str digit limit is the
// program's, not the runtime's own conversions.
TEST(Runner, BigIntsPassToLibraryOperationsPastTheDigitLimit) {
  Session r(runtime::Backend::Native);
  EXPECT_EQ(r.runner.run_string("big = 10 ** 5000 + 7\ntext = json_stringify([big, 1])\nprint(len(text), text[-6:])\n"), 0)
      << r.err.str();
  EXPECT_EQ(r.out.str(), "5005 007,1]\n");
}

TEST(Runner, SystemExitStatus) {
  Session r(runtime::Backend::Native);
  EXPECT_EQ(r.runner.run_string("import sys\nsys.exit(3)\n"), 3);
}

TEST(CompiledCalls, CompiledCodePrintsToTheGivenStreamInOrder) {
  Session r(runtime::Backend::Wasm);
  EXPECT_EQ(r.runner.run_string("def f(n):\n    print(n)\n    return n + 1\nprint('a')\nprint(f(1))\nprint('b')\n"), 0)
      << r.err.str();
  EXPECT_EQ(r.out.str(), "a\n1\n2\nb\n");
  EXPECT_NE(r.runner.explain().find("f(int): wasm (1 call)"), std::string::npos) << r.runner.explain();
}

TEST(CompiledCalls, ErrorInCompiledCodeIsRaisedAtItsLine) {
  Session r(runtime::Backend::Wasm);
  EXPECT_EQ(r.runner.run_string("def f(a, b):\n    return a // b\nprint(f(1, 0))\n", "div.py"), 1);
  EXPECT_NE(r.err.str().find("div.py:2"), std::string::npos) << r.err.str();
  EXPECT_NE(r.err.str().find("ZeroDivisionError"), std::string::npos) << r.err.str();
  EXPECT_NE(r.runner.explain().find("f(int, int): wasm"), std::string::npos) << r.runner.explain();
}

TEST(CompiledCalls, AFailingCompileIsRememberedWithItsReason) {
  Session r(runtime::Backend::Wasm);
  std::string prog =
      "def f(n):\n    try:\n        return n + 1\n    except ValueError:\n        return 0\n"
      "s = 0\nfor i in range(10):\n    s += f(i)\nprint(s)\n";
  EXPECT_EQ(r.runner.run_string(prog), 0) << r.err.str();
  EXPECT_EQ(r.out.str(), "55\n");
  const FunctionState* st = r.state("f");
  ASSERT_NE(st, nullptr);
  EXPECT_EQ(st->fallbacks, 3);  // then given up: the other calls are not offered
  EXPECT_NE(st->last_reason.find("try statement"), std::string::npos) << st->last_reason;
  EXPECT_NE(r.runner.explain().find("f(int): interpreter (try statement at line 2"), std::string::npos)
      << r.runner.explain();
}

TEST(CompiledCalls, ArgumentCompiledCodeDoesNotTakeIsRecorded) {
  Session r(runtime::Backend::Wasm);
  EXPECT_EQ(r.runner.run_string("def f(x):\n    return x\nprint(f(2 ** 70))\n"), 0) << r.err.str();
  EXPECT_EQ(r.out.str(), "1180591620717411303424\n");
  const FunctionState* st = r.state("f");
  ASSERT_NE(st, nullptr);
  EXPECT_EQ(st->last_reason, "argument 'x' is an int beyond 64 bits");
  EXPECT_NE(r.runner.explain().find("argument 'x' is an int beyond 64 bits"), std::string::npos);
}

TEST(CompiledCalls, FallbackAtRunTimeIsRecordedAndTheCallRunsInterpreted) {
  Session r(runtime::Backend::Wasm);
  EXPECT_EQ(r.runner.run_string("def sq(x):\n    return x * x\nprint(sq(3))\nprint(sq(2 ** 40))\n"), 0)
      << r.err.str();
  EXPECT_EQ(r.out.str(), "9\n1208925819614629174706176\n");
  const FunctionState* st = r.state("sq");
  ASSERT_NE(st, nullptr);
  EXPECT_EQ(st->fallbacks, 1);
  EXPECT_NE(st->last_reason.find("overflow"), std::string::npos) << st->last_reason;
}

// The engine's start is the run's one-off cost, and the compile budget counts functions, not
// time: the first compiled function costs one unit, however long starting the engine took.
TEST(CompiledCalls, StartingTheEngineIsNotChargedToCompiling) {
  Session r(runtime::Backend::Wasm);
  EXPECT_EQ(r.runner.run_string("def f(n):\n    return n + 1\n\nprint(f(1))\n"), 0);
  EXPECT_EQ(r.out.str(), "2\n");
  ASSERT_EQ(r.runner.compiled_modules().size(), 1u);
  const CompiledCalls& c = *r.runner.compiled_modules()[0];
  EXPECT_GT(c.engine_start_ms(), 0.0);
  EXPECT_EQ(c.policy().compile_units(), 1);
  ASSERT_NE(r.state("f"), nullptr);
  EXPECT_EQ(r.state("f")->last_reason, "");  // it ran compiled
}

// A function the interpreter keeps for good (given up, or never eligible) is not offered
// again: its calls pay nothing for the compiled tier.
TEST(CompiledCalls, AFunctionGivenUpIsNoLongerOffered) {
  Session r(runtime::Backend::Wasm);
  std::string prog =
      "def f(n):\n    try:\n        return n + 1\n    except ValueError:\n        return 0\n"
      "def g(n):\n    return n\n"
      "def g(n):\n    return n + 1\n"  // defined twice: never compiled
      "s = 0\nfor i in range(100):\n    s += f(i) + g(i)\nprint(s)\n";
  EXPECT_EQ(r.runner.run_string(prog), 0) << r.err.str();
  EXPECT_EQ(r.out.str(), "10100\n");
  ASSERT_EQ(r.runner.compiled_modules().size(), 1u);
  EXPECT_EQ(r.runner.compiled_modules()[0]->offered_calls(), 3 + 1);  // f's three tries, g's one
}

// A function without loops does not start the engine: its calls stop asking the compiled tier
// (they cost the interpreter nothing more) until a function with loops starts it.
TEST(CompiledCalls, AFunctionWaitingForTheEngineIsOfferedOnceItStarts) {
  Session r(runtime::Backend::Auto);
  r.runner.policy().quick_call_us = 0;  // never "quick": stays compiled whatever the machine
  EXPECT_EQ(r.runner.run_string("def add(a, b):\n    return a + b\n"
                                "def total(n):\n    t = 0\n    for k in range(n):\n        t += k\n    return t\n"
                                "s = 0\nfor i in range(100):\n    s = add(s, i)\n"
                                "print(total(10))\n"
                                "for i in range(100):\n    s = add(s, i)\n"
                                "print(s)\n"),
            0);
  EXPECT_EQ(r.out.str(), "45\n9900\n");
  ASSERT_EQ(r.runner.compiled_modules().size(), 1u);
  EXPECT_EQ(r.runner.compiled_modules()[0]->offered_calls(), 1 + 1 + 100);
  EXPECT_NE(r.runner.explain().find("add(int, int): wasm"), std::string::npos) << r.runner.explain();
}

TEST(CompiledCalls, AutoBackendLeavesAColdFunctionInterpreted) {
  Session r(runtime::Backend::Auto);
  EXPECT_EQ(r.runner.run_string("def add(a, b):\n    return a + b\nprint(add(1, 2))\n"), 0);
  EXPECT_EQ(r.out.str(), "3\n");
  const FunctionState* st = r.state("add");
  ASSERT_NE(st, nullptr);
  EXPECT_FALSE(st->offered);
  EXPECT_EQ(st->interpreted_calls, 1);
  EXPECT_NE(r.runner.explain().find("not worth starting the WebAssembly engine"), std::string::npos)
      << r.runner.explain();
}

// A bounded function does not start the engine by itself; once a function with loops has
// started it, the bounded one is compiled when hot.
TEST(CompiledCalls, AutoBackendCompilesAFunctionOnceHot) {
  Session r(runtime::Backend::Auto);
  r.runner.policy().quick_call_us = 0;  // never "quick": stays compiled whatever the machine
  EXPECT_EQ(r.runner.run_string("def add(a, b):\n    return a + b\n"
                                "def total(n):\n    t = 0\n    for k in range(n):\n        t += k\n    return t\n"
                                "print(total(10))\n"
                                "s = 0\nfor i in range(100):\n    s = add(s, i)\n"
                                "print(s)\n"),
            0);
  EXPECT_EQ(r.out.str(), "45\n4950\n");
  EXPECT_NE(r.runner.explain().find("total(int): wasm (1 call)"), std::string::npos) << r.runner.explain();
  const FunctionState* st = r.state("add");
  ASSERT_NE(st, nullptr);
  EXPECT_TRUE(st->offered);
  EXPECT_EQ(st->interpreted_calls, r.runner.policy().hot_calls);
  EXPECT_NE(r.runner.explain().find("add(int, int): wasm (69 calls)"), std::string::npos) << r.runner.explain();
}

}  // namespace
}  // namespace ml::tiering

namespace ml::tiering {
namespace {

// Python allows 1000 frames, the module's own included: a function recursing from the top level
// gets 999 frames, interpreted or compiled, and a RecursionError beyond.
const char* kRecursion =
    "import sys\n"
    "print(sys.getrecursionlimit())\n"
    "def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\n"
    "def depth():\n    try:\n        return 1 + depth()\n    except RecursionError:\n        return 1\n"
    "print(f(998))\n"
    "try:\n    f(999)\nexcept RecursionError:\n    print('RecursionError')\n"
    "print(depth())\n";

TEST(RecursionLimit, MatchesPythonInterpreted) {
  Session r(runtime::Backend::Native);
  EXPECT_EQ(r.runner.run_string(kRecursion), 0) << r.err.str();
  EXPECT_EQ(r.out.str(), "1000\n998\nRecursionError\n999\n");
}

TEST(RecursionLimit, MatchesPythonCompiled) {
  Session r(runtime::Backend::Wasm);
  EXPECT_EQ(r.runner.run_string(kRecursion), 0) << r.err.str();
  EXPECT_EQ(r.out.str(), "1000\n998\nRecursionError\n999\n");
  // f(998) ran compiled; f(999), past the limit, was handed back, and so were the calls it
  // made (each one frame deeper) until the function was given up
  EXPECT_NE(r.runner.explain().find("f(int): wasm (4 calls), 3 handed back to the interpreter (call depth beyond "
                                    "the recursion limit"),
            std::string::npos)
      << r.runner.explain();
}

}  // namespace
}  // namespace ml::tiering
