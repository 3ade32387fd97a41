// Nothing lost, nothing silently wrong: wrong call shapes under the compiled backend, fatal
// paths that must still flush output, inputs that are not source files.
#include <gtest/gtest.h>

#include "run_util.h"

namespace fs = std::filesystem;
using namespace ml::test;

namespace {

RunResult run_program(const std::string& name, const std::string& text, const std::string& flags = "") {
  auto dir = scratch_dir("robust_" + name);
  write_file(dir / "p.multi", text);
  return run_ml("run " + flags + " p.multi", dir.string());
}

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// A call missing required arguments is the interpreter's TypeError under every backend, and
// what was printed before it is kept.
TEST(Robust, MissingArgumentsAreATypeErrorUnderEveryBackend) {
  const char* calls[] = {"f()", "f(*[])", "f(**{})"};
  for (const char* backend : {"auto", "wasm", "interpreter"}) {
    for (const char* call : calls) {
      std::string prog = std::string("def f(n):\n    return n + 1\n\nprint(\"before\")\nprint(f(41))\nprint(") + call + ")\n";
      auto r = run_program("missing", prog, std::string("--backend ") + backend);
      EXPECT_EQ(r.status, 1) << backend << " " << call << "\n" << r.out;
      EXPECT_TRUE(has(r.out, "before\n42\n")) << backend << " " << call << "\n" << r.out;
      EXPECT_TRUE(has(r.out, "TypeError")) << backend << " " << call << "\n" << r.out;
      EXPECT_TRUE(has(r.out, "p.multi:6")) << backend << " " << call << "\n" << r.out;
    }
  }
}

// Defaults left out are filled in (and the call still runs compiled); a required parameter
// left out, or one argument too many, is the interpreter's TypeError.
TEST(Robust, DefaultsLeftOutAreFilledIn) {
  const char* prog =
      "def f(a, e=1, g=2.5):\n    return a * e + g\n\n"
      "def h(e=1):\n    return e * 2\n\n"
      "print(f(2))\nprint(f(2, 3))\nprint(f(2, 3, 0.5))\nprint(h())\nprint(h(*[]))\nprint(h(**{}))\n"
      "print(h(5))\n";
  for (const char* backend : {"auto", "wasm", "interpreter"}) {
    auto r = run_program("defaults", prog, std::string("--backend ") + backend + " --explain");
    EXPECT_EQ(r.status, 0) << backend << "\n" << r.out;
    EXPECT_TRUE(has(r.out, "4.5\n8.5\n6.5\n2\n2\n2\n10\n")) << backend << "\n" << r.out;
  }
  auto w = run_program("defaults_wasm", prog, "--backend wasm --explain");
  EXPECT_TRUE(has(w.out, "f(int, int, float): wasm")) << w.out;
  EXPECT_TRUE(has(w.out, "h(int): wasm")) << w.out;
  for (const char* call : {"f()", "f(1, 2, 3, 4)", "h(1, 2)"}) {
    std::string bad = std::string(prog) + "print(" + call + ")\n";
    auto r = run_program("defaults_bad", bad, "--backend wasm");
    EXPECT_EQ(r.status, 1) << call << "\n" << r.out;
    EXPECT_TRUE(has(r.out, "10\n")) << call << "\n" << r.out;
    EXPECT_TRUE(has(r.out, "TypeError")) << call << "\n" << r.out;
  }
}

// A container inside itself prints as CPython's Py_ReprEnter does, not RecursionError.
TEST(Robust, SelfContainingContainersPrintLikePython) {
  const char* prog =
      "x = []\nx.append(x)\nprint(x)\n"
      "d = {}\nd[1] = d\nprint(d)\n"
      "a = [1, {\"k\": None}]\na[1][\"k\"] = a\nprint(a)\nprint(repr(a[1]))\n"
      "t = [[]]\nt[0].append(t)\nt.append((t, 2))\nprint(t)\n"
      "e = {\"v\": []}\ne[\"v\"].append(e.values())\nprint(e)\n"
      "print(str(x), f\"{d}\")\ny = [x, x]\nprint(y)\n"
      "deep = []\nfor i in range(100):\n    deep = [deep]\nprint(len(str(deep)))\n";
  auto r = run_program("repr_cycle", prog);
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out,
            "[[...]]\n{1: {...}}\n[1, {'k': [...]}]\n{'k': [1, {...}]}\n[[[...]], ([...], 2)]\n"
            "{'v': [dict_values([[...]])]}\n[[...]] {1: {...}}\n[[[...]], [[...]]]\n202\n");
}

}  // namespace
