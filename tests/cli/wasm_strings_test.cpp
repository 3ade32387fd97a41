// `--backend wasm` with strings and tuples: functions taking and returning them run as
// WebAssembly (--explain says so), the values they return are real interpreter str/tuple
// objects, and their errors are the interpreter's (localized, same exit status).
#include <gtest/gtest.h>

#include "run_util.h"

namespace fs = std::filesystem;
using namespace ml::test;

namespace {

RunResult run_in(const std::string& name, const std::string& text, const std::string& flags) {
  auto dir = scratch_dir("cli_str_" + name);
  write_file(dir / "p.multi", text);
  return run_ml("run " + flags + " p.multi", dir.string());
}

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

const char* kProgram =
    "def greet(name):\n"
    "    return \"hi \" + name + \"!\"\n\n"
    "def swap(t):\n"
    "    a, b = t\n"
    "    return b, a\n\n"
    "def divmod2(a, b):\n"
    "    return a // b, a % b\n\n"
    "def initials(words):\n"
    "    out = []\n"
    "    for w in words:\n"
    "        out.append(w[0])\n"
    "    return out\n\n"
    "t = swap((1, 2.5))\n"
    "print(type(t).__name__, t, t[0], len(t), t + (9,))\n"
    "s = greet(\"日本\")\n"
    "print(s.upper(), len(s), s, type(s).__name__)\n"
    "q, r = divmod2(17, 5)\n"
    "print(q, r, divmod2(-7, 2))\n"
    "i = initials([\"héllo\", \"wörld\"])\n"
    "i.append(\"!\")\n"
    "print(i, \"-\".join(i))\n";

TEST(CliWasmStrings, StringAndTupleFunctionsRunCompiled) {
  auto w = run_in("explain", kProgram, "--backend wasm --explain");
  auto i = run_in("explain_interp", kProgram, "--backend interpreter");
  EXPECT_EQ(w.status, 0) << w.out;
  EXPECT_EQ(i.status, 0) << i.out;
  const char* expected =
      "tuple (2.5, 1) 2.5 2 (2.5, 1, 9)\n"
      "HI 日本! 6 hi 日本! str\n"
      "3 2 (-4, 1)\n"
      "['h', 'w', '!'] h-w-!\n";
  EXPECT_TRUE(has(w.out, expected)) << w.out;
  EXPECT_EQ(i.out, expected);
  EXPECT_TRUE(has(w.out, "greet(str): wasm (1 call)")) << w.out;
  EXPECT_TRUE(has(w.out, "swap(tuple[int, float]): wasm (1 call)")) << w.out;
  EXPECT_TRUE(has(w.out, "divmod2(int, int): wasm (2 calls)")) << w.out;
  EXPECT_TRUE(has(w.out, "initials(list[str]): wasm (1 call)")) << w.out;
}

TEST(CliWasmStrings, StringIndexErrorIsTheInterpretersLocalizedError) {
  const char* prog = "déf at(s, i):\n    retour s[i]\n\nafficher(at(\"héllo\", 1))\nafficher(at(\"héllo\", 9))\n";
  auto w = run_in("err_wasm", prog, "--backend wasm --explain");
  auto i = run_in("err_interp", prog, "--backend interpreter");
  EXPECT_EQ(w.status, 1) << w.out;
  EXPECT_EQ(i.status, 1) << i.out;
  EXPECT_TRUE(has(w.out, "é\n")) << w.out;
  EXPECT_TRUE(has(w.out, "p.multi:2:")) << w.out;
  EXPECT_TRUE(has(i.out, "indice de string hors limites")) << i.out;
  EXPECT_TRUE(has(w.out, "indice de string hors limites")) << w.out;
  EXPECT_TRUE(has(w.out, "at(str, int): wasm")) << w.out;
  // everything the interpreter printed, the compiled run printed too (explain comes after)
  EXPECT_EQ(w.out.substr(0, i.out.size()), i.out);  // the same traceback, columns included
}

TEST(CliWasmStrings, TupleIndexErrorMatchesTheInterpreter) {
  const char* prog = "def at(t, i):\n    return t[i]\nprint(at((1, 2), -2))\nprint(at((1, 2), 2))\n";
  auto w = run_in("terr_wasm", prog, "--backend wasm");
  auto i = run_in("terr_interp", prog, "--backend interpreter");
  EXPECT_EQ(w.status, 1);
  EXPECT_EQ(w.out, i.out);
  EXPECT_TRUE(has(w.out, "IndexError: tuple index out of range")) << w.out;
}

TEST(CliWasmStrings, StandaloneBuildWithStringsRunsInNode) {
  auto dir = scratch_dir("cli_str_build");
  write_file(dir / "p.multi",
             "def shout(s, k):\n    out = \"\"\n    for ch in s:\n        if \"a\" <= ch and ch <= \"z\":\n"
             "            out += chr(ord(ch) - 32)\n        else:\n            out += ch\n    return out * k\n\n"
             "def stats(t):\n    return t[0] + t[1], len(t)\n\n"
             "w = \"héllo 日本\"\nprint(shout(w, 2), len(w), w[-1], w[1:4], \"日\" in w, [w[0], w[-1]])\n"
             "s, n = stats((3, 4.5))\nprint(s, n, stats((1, 2.0)), str(42) + \"!\", (\"a\", 1), f\"{s / 4}|{w!r}\".upper())\n"
             "print(w[20])\n");
  auto b = run_ml("build p.multi -o p.wasm", dir.string());
  ASSERT_EQ(b.status, 0) << b.out;
  auto interp = run_ml("run --backend interpreter p.multi", dir.string());
  EXPECT_EQ(interp.status, 1);
  std::string cmd = "cd " + shell_quote(dir.string()) + " && node " +
                    shell_quote(std::string(ML_SOURCE_DIR) + "/web/loader.mjs") + " p.wasm 2>&1";
  int status = -1;
  std::string out = ml::test_support::run_command(cmd, &status);
  EXPECT_NE(status, 0) << out;
  std::string printed = "HéLLO 日本HéLLO 日本 8 本 éll True ['h', '本']\n7.5 2 (3.0, 2) 42! ('a', 1) 1.875|'HÉLLO 日本'\n";
  EXPECT_EQ(out, printed + "IndexError: string index out of range (line 17)\n");
  EXPECT_EQ(interp.out.substr(0, printed.size()), printed);
}

}  // namespace
