// The edges of the command line: flags checked before anything runs, defaults that do what
// users expect, and helpful messages.
#include <gtest/gtest.h>

#include "run_util.h"

namespace fs = std::filesystem;
using namespace ml::test;

namespace {

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

TEST(CommandLine, BuildWithoutOutputWritesNextToTheName) {
  auto dir = scratch_dir("cl_build");
  write_file(dir / "prog.py", "def f(n: int) -> int:\n    return n * 2\nprint(f(21))\n");
  auto r = run_ml("build prog.py", dir.string());
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(fs::exists(dir / "prog.wasm")) << r.out;
  EXPECT_GT(fs::file_size(dir / "prog.wasm"), 8u);
}

TEST(CommandLine, BadFlagValuesAreRejectedBeforeTheProgramRuns) {
  auto dir = scratch_dir("cl_flags");
  write_file(dir / "p.py", "print('ran')\n");
  auto emit = run_ml("run p.py --emit bogus", dir.string());
  EXPECT_NE(emit.status, 0) << emit.out;
  EXPECT_FALSE(has(emit.out, "ran\n")) << emit.out;
  EXPECT_TRUE(has(emit.out, "wat")) << emit.out;
  auto neg = run_ml("run p.py --timeout-ms -5", dir.string());
  EXPECT_NE(neg.status, 0) << neg.out;
  EXPECT_FALSE(has(neg.out, "ran\n")) << neg.out;
  EXPECT_LT(neg.out.size(), 400u) << neg.out;  // no 300-digit range
  EXPECT_TRUE(has(neg.out, "86400000")) << neg.out;
}

TEST(CommandLine, AnUnknownCommandGetsASuggestion) {
  auto r = run_ml("rnu p.py");
  EXPECT_EQ(r.status, 2) << r.out;
  EXPECT_TRUE(has(r.out, "unknown command 'rnu'")) << r.out;
  EXPECT_TRUE(has(r.out, "did you mean 'run'")) << r.out;
  auto far = run_ml("frobnicate");
  EXPECT_EQ(far.status, 2) << far.out;
  EXPECT_FALSE(has(far.out, "did you mean")) << far.out;
}

TEST(CommandLine, ArgumentsAfterTheFileReachSysArgv) {
  auto dir = scratch_dir("cl_argv");
  write_file(dir / "p.py", "import sys\nprint(sys.argv)\n");
  auto r = run_ml("run p.py -- -x --backend 3", dir.string());
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(has(r.out, "['p.py', '-x', '--backend', '3']\n")) << r.out;
  auto plain = run_ml("run p.py a b", dir.string());
  EXPECT_TRUE(has(plain.out, "['p.py', 'a', 'b']\n")) << plain.out;
}

TEST(CommandLine, CallReadsArgumentsFromStdinAndFiles) {
  auto dir = scratch_dir("cl_call");
  write_file(dir / "a.json", "[[1, 2], [3, 4]]");
  write_file(dir / "args.txt", "[[1, 2], [3, 4]]\n[[5, 6], [7, 8]]\n");
  auto f = run_ml("call matrix_multiply @a.json @a.json", dir.string());
  EXPECT_EQ(f.status, 0) << f.out;
  EXPECT_TRUE(has(f.out, "[[7.0,10.0],[15.0,22.0]]")) << f.out;
  auto s = run_ml("call matrix_multiply - < args.txt", dir.string());
  EXPECT_EQ(s.status, 0) << s.out;
  EXPECT_TRUE(has(s.out, "[[19.0,22.0],[43.0,50.0]]")) << s.out;
}

TEST(CommandLine, ReplRunsTheLastBlockAtEndOfInput) {
  auto dir = scratch_dir("cl_repl_eof");
  write_file(dir / "block.txt", "for i in range(3):\n    print('line', i)");
  auto r = run_ml("repl < block.txt", dir.string());
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(has(r.out, "line 2\n")) << r.out;
  write_file(dir / "open.txt", "x = [1, 2,\n");
  auto o = run_ml("repl < open.txt", dir.string());
  EXPECT_TRUE(has(o.out, ":1:5: SyntaxError: '[' was never closed\n    x = [1, 2,\n        ^")) << o.out;
  // brackets and triple-quoted strings across lines still wait for the rest
  write_file(dir / "more.txt", "x = [1,\n  2]\nprint(x)\ns = '''a\nb'''\nprint(len(s))\n");
  auto m = run_ml("repl < more.txt", dir.string());
  EXPECT_TRUE(has(m.out, "[1, 2]\n3\n")) << m.out;
  EXPECT_FALSE(has(m.out, "Error")) << m.out;
  // a mistake on the bracket's own line is reported at once, and the session goes on
  write_file(dir / "bad.txt", "def bad(:\nprint('after')\n");
  auto b = run_ml("repl < bad.txt", dir.string());
  EXPECT_TRUE(has(b.out, "<repl:1>:1:9: SyntaxError")) << b.out;
  EXPECT_TRUE(has(b.out, "after\n")) << b.out;
  write_file(dir / "fr.txt", "x = (1,\n");
  auto f = run_ml("repl --lang fr < fr.txt", dir.string());
  EXPECT_TRUE(has(f.out, ":1:5: Erreur de syntaxe: il manque la fermeture de « ( »")) << f.out;
}

}  // namespace

namespace {

TEST(CommandLine, ExplainSaysWhereGeneratorsAndCalleesRan) {
  auto dir = scratch_dir("cl_explain");
  write_file(dir / "p.py",
             "def gen(n):\n    for i in range(n):\n        yield i\n\ndef helper(x):\n    return x * 2\n\n"
             "def user(n):\n    t = 0\n    for i in range(n):\n        t += helper(i)\n    return t\n\n"
             "def unused():\n    return 1\n\nprint(sum(gen(5)))\nprint(user(100))\n");
  auto r = run_ml("run p.py --explain --backend wasm", dir.string());
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(has(r.out, "gen: interpreter (a generator")) << r.out;
  EXPECT_TRUE(has(r.out, "helper: wasm, inside user(int) (called only from compiled code)")) << r.out;
  EXPECT_TRUE(has(r.out, "user(int): wasm (1 call)")) << r.out;
  EXPECT_TRUE(has(r.out, "unused: interpreter (not called)")) << r.out;
  EXPECT_FALSE(has(r.out, "line 0")) << r.out;
}

}  // namespace

namespace {

// Under auto, compiling waits until a function has proven hot: thousands of functions each
// called once are interpreted (compiling each would cost far more than running it).
TEST(CommandLine, AutoCompilesOnlyWhatHasProvenHot) {
  auto dir = scratch_dir("cl_hot");
  std::string prog;
  for (int i = 0; i < 400; ++i)
    prog += "def f" + std::to_string(i) + "(n):\n    t = 0\n    for k in range(n):\n        t += k * " +
            std::to_string(i) + "\n    return t\n\n";
  prog += "def add(a, b):\n    return a + b\n\ns = 0\n";
  for (int i = 0; i < 400; ++i) prog += "s += f" + std::to_string(i) + "(3)\n";
  prog += "for i in range(40):\n    s = add(s, i)\nprint(s)\n";
  write_file(dir / "p.py", prog);
  auto r = run_ml("run p.py --explain", dir.string());
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(has(r.out, "240180\n")) << r.out.substr(0, 2000);
  EXPECT_TRUE(has(r.out, "f399(...): interpreter (not hot yet: compiling had used its share")) << r.out.substr(0, 4000);
  EXPECT_TRUE(has(r.out, "add(...): interpreter (not hot yet: no loops; compiled once called 32 times)")) << r.out;
  EXPECT_TRUE(has(r.out, "add(int, int): ")) << r.out;  // offered once hot
  // --backend wasm compiles at the first call, as asked
  auto w = run_ml("run p.py --explain --backend wasm", dir.string());
  EXPECT_TRUE(has(w.out, "f399(int): wasm (1 call)")) << w.out.substr(0, 4000);
}

}  // namespace

namespace {

// `call` prints standard JSON: a result JSON cannot hold (an infinity) is null, and says so.
TEST(CommandLine, CallPrintsStandardJson) {
  auto r = run_ml("call data_sum '[1e308, 1e308]'");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(has(r.out, "null\n")) << r.out;
  EXPECT_FALSE(has(r.out, "Infinity")) << r.out;
  EXPECT_TRUE(has(r.out, "JSON cannot write")) << r.out;
}

}  // namespace
