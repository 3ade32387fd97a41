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

// Runs `script` (sh) in `dir`, where $ML is the binary; returns the status it writes to rc.txt.
int run_script(const fs::path& dir, const std::string& script) {
  std::string cmd = "cd " + shell_quote(dir.string()) + " && ML=" + shell_quote(ML_BINARY) + " sh -c " +
                    shell_quote(script + "; echo $? > rc.txt");
  if (std::system(cmd.c_str()) != 0) return -1;
  return std::stoi(read_file(dir / "rc.txt"));
}

// Starts the program (stdout piped to a file), waits until it has printed "started", sends
// SIGINT and returns the exit status; out.txt and err.txt hold what it wrote.
int interrupt_program(const fs::path& dir, const std::string& flags) {
  // --foreground: a plain `timeout` passes a SIGINT it receives on twice (to the program, then
  // to its whole process group), and under load the second can land after the program caught the
  // first, a second KeyboardInterrupt no user pressing Ctrl-C once would cause.
  return run_script(dir, "timeout --foreground 60 \"$ML\" run " + flags +
                             " p.multi > out.txt 2> err.txt & p=$!; i=0; "
                             "while ! grep -q started out.txt && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done; "
                             "sleep 0.3; kill -INT $p; wait $p");
}

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

// Ctrl-C with stdout piped: what was printed is kept, KeyboardInterrupt is reported at the
// line that was running, the status is Python's 130, and a program may catch it.
TEST(Robust, CtrlCRaisesKeyboardInterruptAndKeepsOutput) {
  auto dir = scratch_dir("robust_sigint");
  write_file(dir / "p.multi",
             "for i in range(3):\n    print(\"line\", i)\nprint(\"started\", flush=True)\n"
             "n = 0\nwhile True:\n    n += 1\n");
  EXPECT_EQ(interrupt_program(dir, "--backend interpreter"), 130);
  EXPECT_EQ(read_file(dir / "out.txt"), "line 0\nline 1\nline 2\nstarted\n");
  std::string err = read_file(dir / "err.txt");
  EXPECT_TRUE(has(err, "p.multi:5")) << err;
  EXPECT_TRUE(has(err, "KeyboardInterrupt")) << err;

  write_file(dir / "p.multi",
             // "started" is printed inside the try: the signal may come the moment it is seen
             "try:\n    print(\"started\", flush=True)\n    while True:\n        pass\n"
             "except Exception:\n    print(\"not an Exception\")\n"
             "except KeyboardInterrupt:\n    print(\"caught\")\nprint(\"after\")\n");
  EXPECT_EQ(interrupt_program(dir, ""), 0);
  EXPECT_EQ(read_file(dir / "out.txt"), "started\ncaught\nafter\n");
}

// Stuck where the interpreter never looks (input() waiting on a pipe nobody writes to, the
// read restarted after the signal), the program still ends SigintGuard::kGraceMs after Ctrl-C:
// its output kept, KeyboardInterrupt said, status 130.
TEST(Robust, CtrlCWhileStuckInABlockingReadEndsAfterTheGracePeriod) {
  auto dir = scratch_dir("robust_sigint_stuck");
  write_file(dir / "p.multi", "print(\"before\")\nprint(\"started\", flush=True)\nprint(\"kept\")\ninput()\n");
  int status = run_script(dir, "rm -f in.fifo; mkfifo in.fifo; exec 3<>in.fifo; "
                               "timeout --foreground 60 \"$ML\" run p.multi < in.fifo > out.txt 2> err.txt & p=$!; i=0; "
                               "while ! grep -q started out.txt && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done; "
                               "sleep 0.3; kill -INT $p; wait $p");
  EXPECT_EQ(status, 130);
  EXPECT_EQ(read_file(dir / "out.txt"), "before\nstarted\nkept\n");
  EXPECT_TRUE(has(read_file(dir / "err.txt"), "KeyboardInterrupt")) << read_file(dir / "err.txt");
}

// Inside compiled code the engine is stopped: KeyboardInterrupt is raised at the call, the
// output is kept, and a program may catch it and go on calling compiled code.
TEST(Robust, CtrlCInsideCompiledCodeIsAKeyboardInterruptAtTheCall) {
  auto dir = scratch_dir("robust_sigint_wasm");
  write_file(dir / "p.multi",
             "def spin(n):\n    while n >= 0:\n        n = n + 1 - 1\n    return n\n\n"
             "print(\"before\")\nprint(\"started\", flush=True)\nprint(\"kept\")\nprint(spin(1))\n");
  EXPECT_EQ(interrupt_program(dir, "--backend wasm"), 130);
  EXPECT_EQ(read_file(dir / "out.txt"), "before\nstarted\nkept\n");
  std::string err = read_file(dir / "err.txt");
  EXPECT_TRUE(has(err, "KeyboardInterrupt")) << err;
  EXPECT_TRUE(has(err, "p.multi:9")) << err;

  write_file(dir / "p.multi",
             "def spin(n):\n    while n >= 0:\n        n = n + 1 - 1\n    return n\n\n"
             "def add(a, b):\n    return a + b\n\n"
             "print(\"started\", flush=True)\ntry:\n    spin(1)\nexcept KeyboardInterrupt:\n    print(\"caught\")\n"
             "print(add(2, 3), spin(-5))\n");
  EXPECT_EQ(interrupt_program(dir, "--backend wasm --explain"), 0);
  EXPECT_EQ(read_file(dir / "out.txt"), "started\ncaught\n5 -5\n");
  EXPECT_TRUE(has(read_file(dir / "err.txt"), "spin(int): wasm")) << read_file(dir / "err.txt");
}

// Output that cannot be written is Python's OSError and status 1, not a silent success.
TEST(Robust, UnwritableStdoutIsAnOSError) {
  auto dir = scratch_dir("robust_full");
  write_file(dir / "p.multi", "print(\"hello\")\n");
  write_file(dir / "big.multi", "for i in range(5000):\n    print(\"line\", i, \"x\" * 40)\n");
  write_file(dir / "fn.multi", "def f(n):\n    print(n)\n    return n\n\nfor i in range(5000):\n    f(i)\n");
  for (const char* flags : {"--backend interpreter", "--backend wasm", ""}) {
    for (const char* file : {"p.multi", "big.multi", "fn.multi"}) {
      SCOPED_TRACE(std::string(flags) + " " + file);
      EXPECT_EQ(run_script(dir, std::string("\"$ML\" run ") + flags + " " + file + " > /dev/full 2> err.txt"), 1);
      std::string err = read_file(dir / "err.txt");
      EXPECT_TRUE(has(err, "OSError")) << err;
      EXPECT_TRUE(has(err, "[Errno 28]")) << err;
      EXPECT_EQ(run_script(dir, std::string("\"$ML\" run ") + flags + " " + file + " >&- 2> err.txt"), 1);
      err = read_file(dir / "err.txt");
      EXPECT_TRUE(has(err, "OSError")) << err;
      EXPECT_TRUE(has(err, "[Errno 9]")) << err;
    }
  }
  // a program writing files with stdout closed: its file does not take stdout's place
  write_file(dir / "w.multi", "with open(\"o.txt\", \"w\") as f:\n    f.write(\"data\")\nprint(\"x\")\n");
  EXPECT_EQ(run_script(dir, "\"$ML\" run w.multi >&- 2> err.txt"), 1);
  EXPECT_EQ(read_file(dir / "o.txt"), "data");
}

// Devices and sources too large to be programs are refused at once, with a localized error,
// by every command that reads a source (/dev/zero used to be read until memory ran out);
// standard input and pipes still work.
TEST(Robust, DevicesAndHugeSourcesAreRefused) {
  auto dir = scratch_dir("robust_source");
  for (const char* cmd : {"run", "check", "tokens", "ast", "build", "translate --to fr"}) {
    auto r = run_ml(std::string(cmd) + " /dev/zero");
    EXPECT_EQ(r.status, 2) << cmd << "\n" << r.out;
    EXPECT_TRUE(has(r.out, "'/dev/zero' is a device")) << cmd << "\n" << r.out;
  }
  auto ja = run_ml("run --lang ja /dev/zero");
  EXPECT_EQ(ja.status, 2);
  EXPECT_TRUE(has(ja.out, "「/dev/zero」はデバイス")) << ja.out;

  // a regular file over the limit (sparse: no disk used), in French from its first line
  write_file(dir / "big.multi", "afficher(\"bonjour\")\n");
  fs::resize_file(dir / "big.multi", (size_t(64) << 20) + 1);
  auto big = run_ml("check big.multi", dir.string());
  EXPECT_EQ(big.status, 2);
  EXPECT_TRUE(has(big.out, "« big.multi » dépasse 64 Mio")) << big.out;
  fs::remove(dir / "big.multi");

  // stdin: endless, then a program
  auto endless = run_ml("run - < /dev/zero", dir.string());
  EXPECT_EQ(endless.status, 2);
  EXPECT_TRUE(has(endless.out, "'<stdin>' is larger than 64 MiB")) << endless.out;
  write_file(dir / "p.multi", "print(6 * 7)\n");
  EXPECT_EQ(run_ml("run - < p.multi", dir.string()).out, "42\n");
  EXPECT_EQ(run_ml("run /dev/stdin < p.multi", dir.string()).out, "42\n");
  EXPECT_EQ(run_ml("run - < p.multi", dir.string()).status, 0);
  EXPECT_EQ(run_script(dir, "cat p.multi | \"$ML\" run /dev/stdin > out.txt"), 0);
  EXPECT_EQ(read_file(dir / "out.txt"), "42\n");
}

// A generator left by break, closed, or dropped runs its finally blocks and leaves its with
// blocks (GeneratorExit at the paused yield), as in CPython; throw() raises at the yield.
TEST(Robust, AbandonedGeneratorsRunTheirFinallyBlocks) {
  const char* prog =
      "def g(log):\n"
      "    try:\n"
      "        for i in range(10):\n"
      "            yield i\n"
      "    finally:\n"
      "        log.append(\"finally\")\n"
      "\n"
      "log = []\n"
      "for x in g(log):\n"
      "    if x == 2:\n"
      "        break\n"
      "print(\"after break\", log)\n"
      "\n"
      "log = []\n"
      "it = g(log)\n"
      "print(next(it), next(it))\n"
      "it.close()\n"
      "print(\"after close\", log)\n"
      "it.close()\n"
      "print(list(it))\n"
      "\n"
      "log = []\n"
      "it = g(log)\n"
      "next(it)\n"
      "it = None\n"
      "print(\"after drop\", log)\n"
      "\n"
      "def w(path):\n"
      "    with open(path, \"w\") as f:\n"
      "        for i in range(1000):\n"
      "            f.write(\"line %d\\n\" % i)\n"
      "            yield i\n"
      "\n"
      "for x in w(\"gen_out.txt\"):\n"
      "    if x == 500:\n"
      "        break\n"
      "with open(\"gen_out.txt\") as f:\n"
      "    print(\"lines\", len(f.read().splitlines()))\n"
      "\n"
      "def stubborn():\n"
      "    while True:\n"
      "        try:\n"
      "            yield 1\n"
      "        except GeneratorExit:\n"
      "            print(\"ignoring\")\n"
      "s = stubborn()\n"
      "next(s)\n"
      "try:\n"
      "    s.close()\n"
      "except RuntimeError as e:\n"
      "    print(\"RuntimeError\", e)\n"
      "\n"
      "def catcher():\n"
      "    try:\n"
      "        yield 1\n"
      "    except ValueError as e:\n"
      "        print(\"caught\", e)\n"
      "        yield 2\n"
      "    yield 3\n"
      "c = catcher()\n"
      "print(next(c))\n"
      "print(c.throw(ValueError(\"boom\")))\n"
      "print(next(c))\n"
      "try:\n"
      "    c.throw(KeyError(\"k\"))\n"
      "except KeyError as e:\n"
      "    print(\"propagated\", repr(e))\n"
      "\n"
      "def fin():\n"
      "    try:\n"
      "        yield 1\n"
      "    finally:\n"
      "        print(\"cleanup\")\n"
      "f = fin()\n"
      "next(f)\n"
      "del f\n"
      "print(\"end\")\n"
      "def outer():\n"
      "    try:\n"
      "        yield from fin()\n"
      "    finally:\n"
      "        print(\"outer cleanup\")\n"
      "o = outer()\n"
      "next(o)\n"
      "o.close()\n"
      "print(\"done\")\n";
  auto r = run_program("generators", prog);
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out,
      "after break ['finally']\n"
      "0 1\n"
      "after close ['finally']\n"
      "[]\n"
      "after drop ['finally']\n"
      "lines 501\n"
      "ignoring\n"
      "RuntimeError generator ignored GeneratorExit\n"
      "1\n"
      "caught boom\n"
      "2\n"
      "3\n"
      "propagated KeyError('k')\n"
      "cleanup\n"
      "end\n"
      "cleanup\n"
      "outer cleanup\n"
      "done\n");
}

// A kernels module with one flipped bit (here in SHA-256's round constants: it still loads,
// and hashes wrongly) does not match the digest the build recorded next to it: the runtime
// uses the native kernels and says why.
TEST(Robust, CorruptKernelModulesAreNotUsed) {
  auto dir = scratch_dir("robust_kernels");
  fs::create_directories(dir / "kd");
  for (const char* f : {"kernels_simd.wasm", "kernels_scalar.wasm"}) {
    fs::copy_file(fs::path(ML_BUILD_DIR) / "kernels" / f, dir / "kd" / f);
    fs::copy_file(fs::path(ML_BUILD_DIR) / "kernels" / (std::string(f) + ".sha256"),
                  dir / "kd" / (std::string(f) + ".sha256"));
  }
  const std::string env = "MULTILINGUAL_KERNELS_DIR=kd ";
  const std::string abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  ASSERT_EQ(run_script(dir, env + "\"$ML\" doctor > out.txt 2>&1"), 0);
  EXPECT_TRUE(has(read_file(dir / "out.txt"), "Chosen backend: wasm")) << read_file(dir / "out.txt");

  for (const char* f : {"kernels_simd.wasm", "kernels_scalar.wasm"}) {
    std::string bytes = read_file(dir / "kd" / f);
    size_t at = bytes.find(std::string("\x91\x44\x37\x71", 4));  // K[1] = 0x71374491, little-endian
    ASSERT_NE(at, std::string::npos) << f;
    bytes[at] = char(bytes[at] ^ 1);
    write_file(dir / "kd" / f, bytes);
  }
  EXPECT_EQ(run_script(dir, env + "\"$ML\" call sha256 '\"abc\"' > out.txt 2>&1"), 0);
  EXPECT_EQ(read_file(dir / "out.txt"), "\"" + abc + "\"\n");
  EXPECT_EQ(run_script(dir, env + "\"$ML\" doctor > out.txt 2>&1"), 0);
  std::string doctor = read_file(dir / "out.txt");
  EXPECT_TRUE(has(doctor, "Chosen backend: native")) << doctor;
  EXPECT_TRUE(has(doctor, "does not match the SHA-256 recorded when it was built")) << doctor;
  EXPECT_NE(run_script(dir, env + "\"$ML\" call sha256 '\"abc\"' --backend wasm > out.txt 2>&1"), 0);
  EXPECT_TRUE(has(read_file(dir / "out.txt"), "corrupt module")) << read_file(dir / "out.txt");
  // from a program too
  write_file(dir / "p.multi", "print(crypto_hash(\"abc\"))\n");
  EXPECT_EQ(run_script(dir, env + "\"$ML\" run p.multi > out.txt 2>&1"), 0);
  EXPECT_EQ(read_file(dir / "out.txt"), abc + "\n");
}


// Builtins reject keyword arguments they do not take (Python's TypeError), instead of
// ignoring them and answering as if they were not there.
TEST(Robust, UnknownKeywordArgumentsOfBuiltinsAreATypeError) {
  auto r = run_program("builtin_kw", "print(max([1, 2], key=abs, default=0))\nprint(max([1, 2], defualt=0))\n");
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_TRUE(has(r.out, "2\n")) << r.out;
  EXPECT_TRUE(has(r.out, "p.multi:2:10: TypeError: 'defualt' is an invalid keyword argument for max()")) << r.out;
  r = run_program("builtin_kw_len", "print(len([1], x=1))\n");
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_TRUE(has(r.out, "len() got an unexpected keyword argument 'x'")) << r.out;
}

// Big ints too large for memory (or for GMP, which would abort the process) are a located
// MemoryError before any work is done.
TEST(Robust, HugeIntResultsAreAMemoryError) {
  for (const char* expr : {"2 ** (10**11)", "1 << (10**12)", "(10**400) ** (10**9)", "(2**(2**33)) * (2**(2**33))"}) {
    auto r = run_program("big_int", "print('before')\nx = " + std::string(expr) + "\nprint('after')\n",
                         "--max-memory-mb 512");
    EXPECT_EQ(r.status, 1) << expr << "\n" << r.out;
    EXPECT_TRUE(has(r.out, "before\n")) << r.out;
    EXPECT_TRUE(has(r.out, "p.multi:2:")) << expr << "\n" << r.out;
    EXPECT_TRUE(has(r.out, ": MemoryError")) << expr << "\n" << r.out;
    EXPECT_FALSE(has(r.out, "after")) << r.out;
  }
}

}  // namespace
