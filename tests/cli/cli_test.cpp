// The `multilingual` command end to end: subcommands, exit statuses, localized errors.
#include <gtest/gtest.h>

#include "run_util.h"

namespace fs = std::filesystem;
using namespace ml::test;

namespace {

RunResult run_program(const std::string& name, const std::string& text, const std::string& flags = "") {
  auto dir = scratch_dir("cli_" + name);
  write_file(dir / "p.multi", text);
  return run_ml("run " + flags + " p.multi", dir.string());
}

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

TEST(Cli, VersionAndHelp) {
  auto v = run_ml("--version");
  EXPECT_EQ(v.status, 0);
  EXPECT_TRUE(has(v.out, "multilingual")) << v.out;
  auto h = run_ml("--help");
  EXPECT_EQ(h.status, 0);
  for (const char* sub : {"run", "repl", "check", "tokens", "ast", "translate", "doctor", "call"})
    EXPECT_TRUE(has(h.out, sub)) << sub;
}

TEST(Cli, UnknownLanguageIsAClearError) {
  auto r = run_program("unknown_lang", "print(1)\n", "--lang xx");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(has(r.out, "unknown language 'xx'")) << r.out;
}

TEST(Cli, MissingFileIsAClearError) {
  auto r = run_ml("run /nonexistent/file.multi");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(has(r.out, "/nonexistent/file.multi")) << r.out;
}

TEST(Cli, SyntaxErrorIsLocatedAndNonZero) {
  auto r = run_program("syntax", "x = 1\ny = (2 +\n");
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.out, "p.multi:")) << r.out;
  EXPECT_TRUE(has(r.out, "SyntaxError")) << r.out;
}

TEST(Cli, InvalidUtf8IsLocated) {
  auto r = run_program("utf8", "print(1)\nprint('\xC3\x28')\n");
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.out, "p.multi:2:8")) << r.out;
}

// One test per runtime error kind, each in three languages: located, localized, non-zero.
struct ErrorCase {
  const char* name;
  const char* en;
  const char* fr;
  const char* es;
  const char* kind_en;
};

const ErrorCase kErrors[] = {
    {"name", "print(undefined_thing)\n", "afficher(chose_inconnue)\n", "imprimir(cosa_desconocida)\n", "NameError"},
    {"zero", "let x = 1 / 0\n", "soit x = 1 / 0\n", "sea x = 1 / 0\n", "ZeroDivisionError"},
    {"type", "let x = 1 + \"a\"\n", "soit x = 1 + \"a\"\n", "sea x = 1 + \"a\"\n", "TypeError"},
    {"index", "let x = [1, 2][5]\n", "soit x = [1, 2][5]\n", "sea x = [1, 2][5]\n", "IndexError"},
    {"key", "let x = {\"a\": 1}[\"b\"]\n", "soit x = {\"a\": 1}[\"b\"]\n", "sea x = {\"a\": 1}[\"b\"]\n", "KeyError"},
    {"recursion", "def f(n):\n    return f(n + 1)\nf(0)\n", "déf f(n):\n    retour f(n + 1)\nf(0)\n",
     "def f(n):\n    devolver f(n + 1)\nf(0)\n", "RecursionError"},
};

TEST(Cli, RuntimeErrorsAreLocatedAndLocalized) {
  for (const auto& c : kErrors) {
    auto en = run_program(std::string("err_en_") + c.name, c.en);
    auto fr = run_program(std::string("err_fr_") + c.name, c.fr);
    auto es = run_program(std::string("err_es_") + c.name, c.es);
    for (const auto* r : {&en, &fr, &es}) {
      EXPECT_EQ(r->status, 1) << c.name << ": " << r->out;
      EXPECT_TRUE(has(r->out, "p.multi:")) << c.name << ": " << r->out;
      EXPECT_TRUE(has(r->out, "^")) << c.name << ": " << r->out;
    }
    EXPECT_TRUE(has(en.out, c.kind_en)) << en.out;
    EXPECT_NE(en.out, fr.out) << c.name;
    EXPECT_NE(en.out, es.out) << c.name;
    EXPECT_NE(fr.out, es.out) << c.name;
  }
}

TEST(Cli, CheckTokensAst) {
  auto dir = scratch_dir("cli_front");
  write_file(dir / "p.multi", "soit x = 4\nafficher(x * 2)\n");
  auto c = run_ml("check p.multi", dir.string());
  EXPECT_EQ(c.status, 0);
  EXPECT_TRUE(has(c.out, "(fr)")) << c.out;
  auto t = run_ml("tokens p.multi", dir.string());
  EXPECT_TRUE(has(t.out, "keyword\tsoit (let)")) << t.out;
  auto a = run_ml("ast p.multi", dir.string());
  EXPECT_TRUE(has(a.out, "Assign (let)")) << a.out;
  EXPECT_TRUE(has(a.out, "Name afficher")) << a.out;
}

TEST(Cli, ReplRunsBlocksAndSwitchesLanguage) {
  auto dir = scratch_dir("cli_repl");
  write_file(dir / "in.txt",
             "x = 20\ndef double(n):\n    return n * 2\n\nprint(double(x))\nx + 1\n:lang fr\nafficher(x)\n"
             "si x > 3:\n    afficher(\"grand\")\n\n");
  auto r = run_ml("repl < in.txt", dir.string());
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(has(r.out, "40\n21\n")) << r.out;
  EXPECT_TRUE(has(r.out, "20\ngrand\n")) << r.out;
}

TEST(Cli, ProgramsCallLibraryOperations) {
  auto r = run_program("ops", "print(fibonacci(20))\nprint(gcd(12, 18))\nprint(matrix_multiply([[1, 2], [3, 4]], [[5, 6], [7, 8]]))\n");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(has(r.out, "6765\n6\n[[19.0, 22.0], [43.0, 50.0]]\n")) << r.out;
}

// The second process loads the kernels' compiled code from the disk cache instead of compiling
// them; `doctor` says so and where the folder is; cache = false leaves the folder alone.
TEST(Cli, CompiledCodeIsKeptOnDiskBetweenRuns) {
  auto dir = scratch_dir("cli_disk_cache");
  std::string env = "MULTILINGUAL_CACHE_DIR=" + shell_quote((dir / "cache").string());
  auto first = run_ml("call fibonacci 30 --backend wasm", dir.string(), true, env);
  EXPECT_EQ(first.status, 0) << first.out;
  EXPECT_TRUE(has(first.out, "832040")) << first.out;
  auto d = run_ml("doctor", dir.string(), true, env);
  EXPECT_EQ(d.status, 0) << d.out;
  EXPECT_TRUE(has(d.out, "(compiled code from the disk cache)")) << d.out;
  EXPECT_TRUE(has(d.out, (dir / "cache").string() + " (")) << d.out;
  auto off = run_ml("doctor --cache false", dir.string(), true,
                    "MULTILINGUAL_CACHE_DIR=" + shell_quote((dir / "off").string()));
  EXPECT_EQ(off.status, 0) << off.out;
  EXPECT_FALSE(has(off.out, "disk cache)")) << off.out;
  EXPECT_FALSE(std::filesystem::exists(dir / "off")) << off.out;
}

TEST(Cli, DoctorAndCall) {
  auto d = run_ml("doctor");
  EXPECT_EQ(d.status, 0) << d.out;
  EXPECT_TRUE(has(d.out, "wasm")) << d.out;
  auto c = run_ml("call fibonacci 30");
  EXPECT_EQ(c.status, 0) << c.out;
  EXPECT_TRUE(has(c.out, "832040")) << c.out;
  auto m = run_ml("call matrix_multiply '[[1,2],[3,4]]' '[[5,6],[7,8]]'");
  EXPECT_EQ(m.status, 0) << m.out;
  EXPECT_TRUE(has(m.out, "[[19.0,22.0],[43.0,50.0]]")) << m.out;
  auto wrong = run_ml("call fibonacci '\"x\"'");
  EXPECT_EQ(wrong.status, 1) << wrong.out;
  EXPECT_TRUE(has(wrong.out, "expected an int")) << wrong.out;
  auto bad = run_ml("call fibonaci 3");
  EXPECT_NE(bad.status, 0);
  EXPECT_TRUE(has(bad.out, "fibonacci")) << bad.out;  // suggests the close name
}

}  // namespace

namespace {

TEST(Cli, ProfileCountsCallsLikeCProfile) {
  auto dir = scratch_dir("cli_profile");
  write_file(dir / "fib.multi",
             "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n\nprint(fib(10))\n");
  auto r = run_ml("profile fib.multi --sort calls --backend interpreter", dir.string());
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(has(r.out, "55\n")) << r.out;
  EXPECT_TRUE(has(r.out, "177/1")) << r.out;
  EXPECT_TRUE(has(r.out, "fib.multi:1(fib)")) << r.out;
  auto bad = run_ml("profile fib.multi --sort nonsense", dir.string());
  EXPECT_EQ(bad.status, 2) << bad.out;
}

TEST(Cli, BenchQuickWritesJsonWithEveryOperationAndBackend) {
  auto dir = scratch_dir("cli_bench");
  auto r = run_ml("bench --sizes quick --budget-ms 100 --json out.json --plot out.svg", dir.string());
  ASSERT_EQ(r.status, 0) << r.out;
  std::string json = read_file(dir / "out.json");
  for (const char* op : {"\"matmul\"", "\"xor\"", "\"fib\"", "\"json_parse\"", "\"blur\"", "\"montecarlo\""})
    EXPECT_TRUE(has(json, op)) << op;
  for (const char* b : {"\"native\"", "\"wasm\"", "\"interpreted\"", "\"compiled\""}) EXPECT_TRUE(has(json, b)) << b;
  std::string svg = read_file(dir / "out.svg");
  EXPECT_TRUE(has(svg, "<svg")) << svg.substr(0, 200);
  EXPECT_TRUE(has(svg, "</svg>"));
}

}  // namespace

namespace {

TEST(Cli, WasmBackendRunsFunctionsAndExplains) {
  auto r = run_program("wasm_explain",
                       "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n\n"
                       "class Box:\n    def get(self):\n        return 3\n\n"
                       "def greet(name):\n    return 'hi ' + name\n\n"
                       "print(fib(20), Box().get(), greet('x'))\n",
                       "--backend wasm --explain");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(has(r.out, "6765 3 hi x\n")) << r.out;
  EXPECT_TRUE(has(r.out, "fib(int): wasm")) << r.out;
  EXPECT_TRUE(has(r.out, "greet")) << r.out;  // listed, with the reason it stayed interpreted
}

TEST(Cli, ErrorsInsideWasmMatchTheInterpreter) {
  const char* prog = "déf div(a, b):\n    retour a // b\n\nafficher(div(7, 2))\nafficher(div(1, 0))\n";
  auto w = run_program("wasm_err", prog, "--backend wasm");
  auto i = run_program("interp_err", prog, "--backend interpreter");
  EXPECT_EQ(w.status, 1);
  EXPECT_EQ(i.status, 1);
  EXPECT_TRUE(has(w.out, "3\n")) << w.out;
  EXPECT_TRUE(has(w.out, "p.multi:2:")) << w.out;
  EXPECT_TRUE(has(w.out, "division par z")) << w.out;
  EXPECT_TRUE(has(i.out, "division par z")) << i.out;
}

// Errors raised in compiled code point at the same line and column as the interpreter's.
TEST(Cli, WasmErrorsHaveTheInterpretersColumn) {
  for (const char* call : {"f(1, 0)", "g([1], 5)", "h([1], 5)"}) {
    std::string prog = std::string("def f(a, b):\n    let y = a + (a // b)\n    return y\n") +
                       "def g(l, i):\n    return l[0] + l[i]\n" + "def h(l, i):\n    l[i] = 3\n    return 0\n" +
                       "print(" + call + ")\n";
    auto w = run_program("wasm_col", prog, "--backend wasm");
    auto i = run_program("interp_col", prog, "--backend interpreter");
    EXPECT_EQ(w.status, 1) << call;
    EXPECT_EQ(w.out, i.out) << call;
    EXPECT_TRUE(has(w.out, ":2:18:") || has(w.out, ":5:20:") || has(w.out, ":7:6:")) << w.out;
  }
}

// Self-recursive functions are partly inlined into themselves (and their base case evaluated
// at the call site); the depth at which RecursionError comes must not move.
TEST(Cli, InlinedRecursionKeepsTheInterpretersDepthLimit) {
  const char* prog =
      "def f(n):\n    if n < 1:\n        return 0\n    return f(n - 1) + 1\n"
      "def g(n):\n    if n < 2:\n        return n\n    return g(n - 1) + g(n - 2)\n"
      "def h(n, k):\n    if n <= 0:\n        return k\n    return h(n - 1, k + 1) * 1\n"
      "for n in [980, 990, 995, 996, 997, 998, 999, 1000, 1001]:\n"
      "    try:\n        print(n, f(n), h(n, 0))\n    except RecursionError:\n        print(n, 'deep')\n"
      "print(g(24), g(1), g(0))\n";
  auto w = run_program("wasm_depth", prog, "--backend wasm --explain");
  auto i = run_program("interp_depth", prog, "--backend interpreter");
  EXPECT_EQ(w.status, 0) << w.out;
  EXPECT_TRUE(has(i.out, "998 998 998\n999 deep\n")) << i.out;  // as python3: 1000 frames, the module's included
  EXPECT_EQ(w.out.substr(0, i.out.size()), i.out);
  EXPECT_TRUE(has(w.out, "g(int): wasm (3 calls)\n")) << w.out;
  EXPECT_TRUE(has(w.out, "f(int): wasm (")) << w.out;
  EXPECT_TRUE(has(w.out, "handed back to the interpreter (call depth beyond the recursion limit")) << w.out;
}

// Inlined self-recursion sums in another order; where that overflows 64 bits the call falls
// back and the interpreter gives the exact big-int result.
TEST(Cli, InlinedRecursionOverflowFallsBackExactly) {
  const char* prog =
      "def s(n, big):\n    if n < 1:\n        return 0\n    return s(n - 1, big) + big\n"
      "def alt(n):\n    if n < 1:\n        return 0\n    return alt(n - 1) + (4611686018427387904 if n % 2 else -4611686018427387904)\n"
      "print(s(3, 4611686018427387904), s(5, 7), alt(6), alt(7))\n";
  auto w = run_program("wasm_inline_ovf", prog, "--backend wasm");
  auto i = run_program("interp_inline_ovf", prog, "--backend interpreter");
  EXPECT_EQ(w.status, 0) << w.out;
  EXPECT_EQ(i.out, "13835058055282163712 35 0 4611686018427387904\n");
  EXPECT_EQ(w.out, i.out);
}

// --backend auto leaves a tiny loop-free function to the interpreter once its compiled calls
// prove to cost little more than crossing into WebAssembly; loops stay compiled; --backend
// wasm keeps everything compiled.
TEST(Cli, AutoLeavesTinyFunctionsToTheInterpreter) {
  const char* prog =
      "def add(a, b):\n    return a + b\n"
      "def total(n):\n    let s = 0\n    for i in range(n):\n        s += i\n    return s\n"
      "let s = 0\nfor i in range(200):\n    s = add(s, total(i))\nprint(s)\n";
  setenv("MULTILINGUAL_QUICK_CALL_US", "1000000", 1);  // "quick" whatever this machine's speed
  auto a = run_program("auto_tiny", prog, "--backend auto --explain");
  unsetenv("MULTILINGUAL_QUICK_CALL_US");
  EXPECT_EQ(a.status, 0) << a.out;
  EXPECT_TRUE(has(a.out, "1313400\n")) << a.out;
  EXPECT_TRUE(has(a.out, "add(int, int): wasm (16 calls)")) << a.out;
  EXPECT_TRUE(has(a.out, "add(...): interpreter (after 16 calls of")) << a.out;
  EXPECT_TRUE(has(a.out, "total(int): wasm (200 calls)")) << a.out;
  auto w = run_program("wasm_tiny", prog, "--backend wasm --explain");
  EXPECT_TRUE(has(w.out, "add(int, int): wasm (200 calls)")) << w.out;
}

// --explain says when a call was not offered to compiled code, and why.
TEST(Cli, ExplainSaysWhyACallWasNotOffered) {
  auto r = run_program("wasm_not_offered",
                       "def twice(x):\n    return x * 2\nprint(twice('ab'), twice([1, 'a']), twice(10 ** 30))\n",
                       "--backend wasm --explain");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(has(r.out, "abab [1, 'a', 1, 'a'] 2000000000000000000000000000000\n")) << r.out;
  EXPECT_TRUE(has(r.out, "twice(str): wasm (1 call)")) << r.out;
  EXPECT_TRUE(has(r.out, "argument 'x' is a list mixing int and str")) << r.out;
  EXPECT_TRUE(has(r.out, "argument 'x' is an int beyond 64 bits")) << r.out;
}

// Programs may use more linear memory than the 64 MiB library default (the interpreter that
// would otherwise run the call has no such limit); explain shows the call ran compiled.
TEST(Cli, CompiledProgramsMayUseMoreThan64MiB) {
  auto r = run_program("wasm_big_memory",
                       "def f(n):\n    let a = [0] * n\n    let b = [1] * n\n    let c = [2] * n\n"
                       "    return len(a) + len(b) + len(c)\nprint(f(3000000))\n",
                       "--backend wasm --explain");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(has(r.out, "9000000\n")) << r.out;
  EXPECT_TRUE(has(r.out, "f(int): wasm (1 call)\n")) << r.out;
}

// Lists cross into compiled code and back keeping identity: aliases stay aliases, a list
// returned that was passed in is the same object, and changes show through every alias.
TEST(Cli, CompiledCallsKeepListIdentity) {
  const char* prog =
      "def f(a, b, m):\n    a[0] = 5\n    m[1][0] = b[1] + 7\n    a.append(len(m))\n    return m\n"
      "def fresh(n):\n    let out = []\n    for i in range(n):\n        out.append([i, i * 2])\n    return out\n"
      "let x = [1, 2]\nlet row = [1, 2]\nlet m = [row, row, [3, 4]]\nlet r = f(x, x, m)\n"
      "print(x, m, r is m, m[0] is row, m[1] is m[0])\nprint(fresh(3))\n";
  auto w = run_program("wasm_identity", prog, "--backend wasm --explain");
  EXPECT_EQ(w.status, 0) << w.out;
  EXPECT_TRUE(has(w.out, "[5, 2, 3] [[9, 2], [9, 2], [3, 4]] True True True\n[[0, 0], [1, 2], [2, 4]]\n")) << w.out;
  EXPECT_TRUE(has(w.out, "f(list[int], list[int], list[list[int]]): wasm (1 call)")) << w.out;
  EXPECT_TRUE(has(w.out, "fresh(int): wasm (1 call)")) << w.out;
}

TEST(Cli, OverflowInWasmFallsBackToExactIntegers) {
  auto r = run_program("wasm_overflow",
                       "def big(n):\n    let x = 1\n    for i in range(n):\n        x = x * 3\n    return x\nprint(big(50))\n",
                       "--backend wasm");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out, "717897987691852588770249\n");
}

}  // namespace

namespace {

TEST(Cli, BuildStandaloneRunsInNode) {
  auto dir = scratch_dir("cli_build");
  write_file(dir / "p.multi",
             "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n\nfor i in range(5):\n    print(i, fib(i + 10))\n");
  auto b = run_ml("build p.multi -o p.wasm --emit wat", dir.string());
  ASSERT_EQ(b.status, 0) << b.out;
  EXPECT_TRUE(has(b.out, "(module")) << b.out;
  auto interp = run_ml("run --backend interpreter p.multi", dir.string());
  std::string cmd = "cd " + shell_quote(dir.string()) + " && node " +
                    shell_quote(std::string(ML_SOURCE_DIR) + "/web/loader.mjs") + " p.wasm 2>&1";
  int status = -1;
  std::string out = ml::test_support::run_command(cmd, &status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_EQ(out, interp.out);
}

TEST(Cli, BuildRefusesProgramsThatDoNotCompileAndSaysWhy) {
  auto dir = scratch_dir("cli_build_refuse");
  write_file(dir / "p.multi", "class A:\n    pass\nprint(A())\n");
  auto b = run_ml("build p.multi -o p.wasm", dir.string());
  EXPECT_EQ(b.status, 1) << b.out;
  EXPECT_TRUE(has(b.out, "line")) << b.out;
}

}  // namespace

namespace {

TEST(Cli, ReplWasmToggleAndExplain) {
  auto dir = scratch_dir("cli_repl_wasm");
  write_file(dir / "in.txt",
             ":wasm\ndef fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n\nfib(15)\n:explain\n:wasm\nfib(16)\n");
  auto r = run_ml("repl < in.txt", dir.string());
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(has(r.out, "WebAssembly backend on\n610\nfib(int): wasm")) << r.out;
  EXPECT_TRUE(has(r.out, "WebAssembly backend off\n987\n")) << r.out;
}

}  // namespace

namespace {

TEST(Cli, ProfileShowsFunctionsThatRanInWasm) {
  auto dir = scratch_dir("cli_profile_wasm");
  write_file(dir / "fib.multi",
             "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n\nprint(fib(20))\n");
  auto r = run_ml("profile fib.multi --backend wasm", dir.string());
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(has(r.out, "6765\n")) << r.out;
  EXPECT_TRUE(has(r.out, "wasm")) << r.out;
  EXPECT_TRUE(has(r.out, "fib.multi:1(fib)")) << r.out;
}

}  // namespace

namespace {

TEST(Cli, RunEmitsWatOfCompiledFunctions) {
  auto r = run_program("emit_wat",
                       "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n\nprint(fib(15))\n",
                       "--backend wasm --emit wat");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(has(r.out, "610\n")) << r.out;
  EXPECT_TRUE(has(r.out, ";; fib(int)\n(module")) << r.out;
  EXPECT_TRUE(has(r.out, "i64.add")) << r.out;
}

}  // namespace

namespace {

TEST(Cli, ReplWaitsForBracketsOpenedAfterAComment) {
  auto dir = scratch_dir("cli_repl_comment");
  write_file(dir / "in.txt", "# a comment first\nx = [1,\n     2]\nprint(len(x))\n");
  auto r = run_ml("repl < in.txt", dir.string());
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(has(r.out, "2\n")) << r.out;
  EXPECT_FALSE(has(r.out, "Error")) << r.out;
}

}  // namespace
