// Differential generator against python3: seeded random Python programs over ints, floats,
// strings, nested containers (tuples holding lists, slices, insert/pop, slice assignment),
// variables that hold an int and then a float, classes with methods called on instances and
// functions passed as values, and
// generators (yield, yield from with a return value, send, throw, close, finally
// run when a loop abandons its generator, generator expressions), with names that collide with
// other languages' keywords and builtins. Each program is run by python3 (the reference), by
// our interpreter, by the default backend (functions compiled where they qualify), and after
// `translate` into another human language; everything printed must be identical.
//
// ctest runs a bounded number of programs; ML_DIFF_PROGRAMS=N and ML_DIFF_SEED=S run more, or
// others, on demand. A failure keeps the program in build/test-scratch/python_differential.
#include <gtest/gtest.h>

#include <cstdlib>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "../cli/run_util.h"

using namespace ml::test;

namespace {

class PythonGen {
 public:
  explicit PythonGen(uint32_t seed) : rng_(seed) {}

  std::string program() {
    std::ostringstream p;
    int pieces = pick(3, 6);
    for (int i = 0; i < pieces; ++i) {
      switch (pick(0, 6)) {
        case 0: p << numbers(i); break;
        case 5: p << widening(i); break;
        case 6: p << classes(i); break;
        case 1: p << strings(i); break;
        case 2: p << containers(i); break;
        default: p << generators(i); break;
      }
    }
    return p.str();
  }

 private:
  std::mt19937 rng_;
  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  template <size_t N>
  const char* one_of(const char* const (&items)[N]) {
    return items[pick(0, static_cast<int>(N) - 1)];
  }

  // Identifiers that are keywords or builtins in another pack: translation must rename them.
  std::string name(int i) {
    static const char* const kNames[] = {"si",     "pour",  "dans",   "liste", "longueur", "afficher",
                                         "para",   "mientras", "wenn", "und",   "retour",   "produire",
                                         "valeur", "total", "suma",   "lista", "finalement", "imprimir"};
    return std::string(one_of(kNames)) + "_" + std::to_string(i) + std::string(pick(0, 1) ? "" : "x");
  }

  std::string int_literal() {
    switch (pick(0, 4)) {
      case 0: return std::to_string(pick(-20, 20));
      case 1: return std::to_string(pick(-1000000, 1000000));
      case 2: return "(2 ** " + std::to_string(pick(30, 130)) + " + " + std::to_string(pick(-5, 5)) + ")";
      case 3: return "-(10 ** " + std::to_string(pick(15, 40)) + ")";
      default: return std::to_string(pick(0, 7));
    }
  }

  std::string float_literal() {
    switch (pick(0, 4)) {
      case 0: return std::to_string(pick(-99, 99)) + "." + std::to_string(pick(0, 999));
      case 1: return std::to_string(pick(1, 9)) + "e" + std::to_string(pick(-320, 308));
      case 2: return "-" + std::to_string(pick(1, 9)) + "." + std::to_string(pick(0, 9)) + "e" + std::to_string(pick(-20, 20));
      case 3: return "0.1";
      default: return std::to_string(pick(0, 5)) + ".5";
    }
  }

  std::string number() { return pick(0, 1) ? int_literal() : float_literal(); }

  // One expression over a and b, printed through repr or a format, errors by their type name.
  std::string numeric_expr() {
    static const char* const kBinary[] = {"+", "-", "*", "/", "//", "%", "<", "==", ">="};
    switch (pick(0, 9)) {
      case 0: return "a ** " + std::to_string(pick(0, 4));
      case 1: return "divmod(a, b)";
      case 2: return "round(a, " + std::to_string(pick(-2, 4)) + ")";
      case 3: return "abs(a) + abs(b)";
      case 4: return "int(a) - int(b)";
      case 5: return "float(a) * b";
      case 6: return "max(a, b, " + number() + ")";
      case 7: return "(a > b) + (a == a)";
      default: return "a " + std::string(one_of(kBinary)) + " b";
    }
  }

  std::string numbers(int index) {
    std::ostringstream f;
    std::string fn = name(index);
    f << "def " << fn << "(a, b):\n";
    int lines = pick(2, 5);
    for (int l = 0; l < lines; ++l) {
      std::string e = numeric_expr();
      f << "    try:\n";
      switch (pick(0, 4)) {
        case 0: f << "        print(repr(" << e << "))\n"; break;
        case 1: f << "        print(f\"{" << e << "!r:>30}|\")\n"; break;
        case 2: f << "        print('%.6g' % (" << e << "))\n"; break;
        default: f << "        print(" << e << ")\n"; break;
      }
      f << "    except Exception as e:\n        print(type(e).__name__)\n";
    }
    f << "    return a\n";
    int calls = pick(1, 3);
    for (int c = 0; c < calls; ++c) f << "print(" << fn << "(" << number() << ", " << number() << "))\n";
    return f.str();
  }

  // A variable that starts as an int and may turn into a float (and back) inside a loop
  // that compiles: what it prints (1 or 1.0), compares and returns must be Python's.
  std::string widening(int index) {
    std::ostringstream f;
    std::string fn = name(index);
    f << "def " << fn << "(xs, k):\n";
    f << "    t = " << (pick(0, 3) ? std::to_string(pick(-3, 3)) : int_literal()) << "\n";
    f << "    for x in xs:\n";
    static const char* const kSteps[] = {"t += x * ", "t -= ", "t = t * ", "t = t / k + ", "t = t // ", "t = x % 3 + ", "t += "};
    int branches = pick(1, 3);
    for (int b = 0; b < branches; ++b) {
      f << (b == 0 ? "        if" : "        elif") << " x % " << branches + 1 << " == " << b << ":\n";
      std::string step = one_of(kSteps);
      std::string operand = step == std::string("t = t // ") ? std::to_string(pick(1, 4)) + (pick(0, 1) ? ".0" : "")
                                                             : number();
      f << "            " << step << operand << "\n";
    }
    f << "        print(t, t > " << pick(-5, 5) << ", t == " << pick(-2, 2) << ", 1 if t else 0)\n";
    f << "    return t\n";
    for (int c = 0, n = pick(1, 3); c < n; ++c)
      f << "print(" << fn << "(" << int_list(6) << ", " << (pick(0, 1) ? 1 : -1) * pick(1, 5) << "))\n";
    return f.str();
  }

  // A class with number fields, a subclass, and a function with a loop (compiled at once)
  // calling their methods on a list of instances and on one passed alone: the instances
  // must change as in Python, keep their identity, and a method or a function passed as a
  // value must be called as Python calls it.
  std::string classes(int index) {
    std::ostringstream f;
    std::string cls = "K" + std::to_string(index), sub = "S" + std::to_string(index), fn = name(index);
    std::string k = std::to_string(pick(1, 4));
    f << "class " << cls << ":\n"
      << "    def __init__(self, a, b):\n        self.a = a\n        self.b = b\n"
      << "    def step(self, o):\n"
      << "        self.a " << one_of({"+=", "-=", "*="}) << " o.b\n"
      << "        self.b = self.b if self.b > o.a else o.a " << one_of({"+", "-", "*"}) << " " << k << "\n"
      << "        return self\n"
      << "    def __repr__(self):\n        return '" << cls << "(%r, %r)' % (self.a, self.b)\n";
    f << "class " << sub << "(" << cls << "):\n"
      << "    def step(self, o):\n"
      << "        self.b += " << float_literal() << "\n"
      << "        return self\n";
    f << "def " << fn << "_g(x):\n    return x * " << number() << "\n";
    f << "def " << fn << "(xs, g):\n"
      << "    cur = xs[0]\n"
      << "    t = 0\n"
      << "    for x in xs[" << pick(0, 1) << ":]:\n"
      << "        cur = cur.step(x)\n"
      << "        t += g(x.a)\n"
      << "    return cur, t\n";
    bool floats = pick(0, 1);
    std::string xs = "[";
    for (int i = 0, n = pick(1, 4); i < n; ++i)
      xs += std::string(i ? ", " : "") + (pick(0, 3) ? cls : sub) + "(" + (floats ? float_literal() : std::to_string(pick(-9, 9))) +
            ", " + (floats ? float_literal() : std::to_string(pick(-9, 9))) + ")";
    xs += "]";
    f << "xs_" << index << " = " << xs << "\n";
    f << "try:\n    r_" << index << " = " << fn << "(xs_" << index << ", " << fn << "_g)\n"
      << "    print(r_" << index << ", r_" << index << "[0] is xs_" << index << "[0], xs_" << index << ")\n"
      << "except Exception as e:\n    print(type(e).__name__, xs_" << index << ")\n";
    return f.str();
  }

  std::string string_literal() {
    static const char* const kWords[] = {"hello world", "  été  ", "naïve café", "日本語の文", "a,b,,c",
                                         "Mississippi", "", "x", "mañana por la tarde", "ABC def GHI",
                                         "tab\\tand\\nnewline", "quote's", "नमस्ते दुनिया"};
    return std::string("\"") + one_of(kWords) + "\"";
  }

  std::string string_expr() {
    std::string k = std::to_string(pick(-4, 6));
    switch (pick(0, 17)) {
      case 0: return "s.upper() + s.lower()";
      case 1: return "s.title().swapcase()";
      case 2: return "s.strip().split()";
      case 3: return "s.split(',', " + std::to_string(pick(-1, 2)) + ")";
      case 4: return "'-'.join(reversed(s))";
      case 5: return "s.replace('a', 'ä', " + std::to_string(pick(-1, 2)) + ")";
      case 6: return "(s.find('i'), s.rfind('s'), s.count('s'))";
      case 7: return "s[" + k + ":" + std::to_string(pick(-3, 9)) + ":" + std::to_string(pick(1, 3) * (pick(0, 1) ? 1 : -1)) + "]";
      case 8: return "s.center(" + std::to_string(pick(0, 20)) + ", '*')";
      case 9: return "s.zfill(" + std::to_string(pick(0, 12)) + ") + s.rjust(" + k + ")";
      case 10: return "s.partition(' ')";
      case 11: return "s * " + std::to_string(pick(0, 3)) + " + t";
      case 12: return "sorted(set(s))[:" + std::to_string(pick(1, 5)) + "]";
      case 13: return "[ord(c) for c in s[:3]]";
      case 14: return "f\"{s!r:^20}|{len(t):03d}|{t[:2]}\"";
      case 15: return "s.index(t)";
      case 16: return "'{0}-{1!r}-{0}'.format(s, t)";
      default: return "(s < t, s in t, t.startswith(s), s.endswith('e'))";
    }
  }

  std::string strings(int index) {
    std::ostringstream f;
    std::string fn = name(index);
    f << "def " << fn << "(s, t):\n";
    int lines = pick(2, 5);
    for (int l = 0; l < lines; ++l) {
      f << "    try:\n        print(repr(" << string_expr() << "))\n"
        << "    except Exception as e:\n        print(type(e).__name__)\n";
    }
    f << "    return len(s) + len(t)\n";
    f << "print(" << fn << "(" << string_literal() << ", " << string_literal() << "))\n";
    return f.str();
  }

  // A generator with a finally clause and a return value, one that delegates to it, one driven
  // by send(), then a few ways of consuming them.
  std::string generators(int index) {
    std::ostringstream f;
    std::string base = name(index), deleg = name(index) + "_d", acc = name(index) + "_s";
    int k = pick(1, 4), m = pick(-3, 5);
    f << "def " << base << "(n):\n"
      << "    try:\n"
      << "        for i in range(n):\n"
      << "            if i % " << k << " == " << pick(0, k - 1) << ":\n"
      << "                continue\n"
      << "            yield i * " << m << "\n"
      << "    finally:\n"
      << "        print('" << base << " finally', n)\n"
      << "    return n * " << pick(1, 9) << "\n";
    f << "def " << deleg << "(n):\n"
      << "    r = yield from " << base << "(n)\n"
      << "    yield r\n"
      << "    yield from (x + 1 for x in range(" << pick(0, 3) << "))\n";
    f << "def " << acc << "():\n"
      << "    total = 0\n"
      << "    while True:\n"
      << "        try:\n"
      << "            v = yield total\n"
      << "        except ValueError:\n"
      << "            total = -total\n"
      << "            continue\n"
      << "        if v is None:\n"
      << "            return total\n"
      << "        total += v\n";
    int uses = pick(2, 5);
    for (int u = 0; u < uses; ++u) {
      std::string n = std::to_string(pick(0, 9));
      switch (pick(0, 8)) {
        case 0: f << "print(list(" << deleg << "(" << n << ")))\n"; break;
        case 1: f << "print(sum(" << base << "(" << n << ")), max(" << base << "(" << n << "), default=None))\n"; break;
        case 2:
          f << "for x in " << deleg << "(" << n << "):\n    if x > " << pick(0, 6)
            << ":\n        print('break at', x)\n        break\nprint('after loop')\n";
          break;
        case 3:
          f << "g = " << base << "(" << n << ")\nprint(next(g, 'empty'), next(g, 'empty'))\ng.close()\nprint('closed')\n";
          break;
        case 4:
          f << "g = " << acc << "()\nnext(g)\nfor v in [" << pick(-5, 5) << ", " << pick(-5, 5)
            << "]:\n    print(g.send(v))\nprint(g.throw(ValueError))\n"
            << "try:\n    g.send(None)\nexcept StopIteration as e:\n    print('stop', e.value)\n";
          break;
        case 5:
          f << "print(sorted((y * y for y in " << base << "(" << n << ") if y % 2 == 0), reverse=True))\n";
          break;
        case 6:
          f << "print(list(zip(" << base << "(" << n << "), " << deleg << "(" << n << "))))\n";
          break;
        case 7:
          f << "print([(i, x) for i, x in enumerate(" << deleg << "(" << n << ")) if i != " << pick(0, 3)
            << "], any(x < 0 for x in " << base << "(" << n << ")))\n";
          break;
        default:
          f << "try:\n    print(" << base << "(" << n << ").throw(KeyError('k')))\nexcept KeyError as e:\n"
            << "    print('caught', repr(e))\n";
          break;
      }
    }
    return f.str();
  }

  // A slice bound: omitted or a small int (negative ones count from the end).
  std::string bound(int lo, int hi) { return pick(0, 2) ? std::to_string(pick(lo, hi)) : ""; }
  std::string int_list(int max_len) {
    std::string l = "[";
    for (int i = 0, n = pick(0, max_len); i < n; ++i) l += (i ? ", " : "") + std::to_string(pick(-9, 9));
    return l + "]";
  }

  // Nested containers through a function with a loop (so it is compiled at once): tuples
  // holding lists, list patterns, slices with any bounds, insert, pop, slice assignment and a
  // name bound to a list's method; the caller's lists must change exactly as in Python.
  std::string containers(int index) {
    std::ostringstream f;
    std::string fn = name(index);
    static const char* const kSteps[] = {"", ":1", ":2", ":-1", ":-2", ":3"};
    std::string step = one_of(kSteps);
    f << "def " << fn << "(rows, k):\n";
    f << "    acc = []\n    push = acc.append\n";
    f << "    for (xs, [p, q], w) in rows:\n";
    f << "        ys = xs[" << bound(-4, 5) << ":" << bound(-4, 5) << step << "]\n";
    f << "        ys.insert(" << pick(-5, 5) << ", p + k)\n";
    f << "        xs[" << bound(-3, 4) << ":" << bound(-3, 4) << "] = ys\n";
    f << "        push((len(xs), q, w * q + p))\n";
    if (pick(0, 1)) f << "        if len(xs) > " << pick(0, 4) << ":\n            xs.pop(" << bound(-3, 3) << ")\n";
    f << "    return acc, rows[" << pick(-1, 0) << "]\n";
    std::string rows = "[";
    for (int r = 0, n = pick(1, 3); r < n; ++r) {
      std::string pq = pick(0, 6) ? "[" + std::to_string(pick(-5, 5)) + ", " + std::to_string(pick(-5, 5)) + "]"
                                  : "[1, 2, 3]";  // ValueError from the unpacking
      rows += (r ? ", " : "") + std::string("(") + int_list(6) + ", " + pq + ", " + std::to_string(pick(-9, 9)) + ".5)";
    }
    rows += "]";
    f << "rows_" << index << " = " << rows << "\n";
    f << "first_" << index << " = rows_" << index << "[0][0]\n";
    f << "try:\n    print(" << fn << "(rows_" << index << ", " << pick(-3, 3) << "))\n";
    f << "except (ValueError, IndexError) as e:\n    print(type(e).__name__)\n";  // messages are localized after translate
    f << "print(rows_" << index << ", first_" << index << " is rows_" << index << "[0][0])\n";
    return f.str();
  }
};

int env_int(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::atoi(v) : fallback;
}

TEST(PythonDifferential, RandomProgramsMatchPythonOnEveryBackendAndAfterTranslation) {
  auto dir = scratch_dir("python_differential");
  int programs = env_int("ML_DIFF_PROGRAMS", 20);
  uint32_t first = static_cast<uint32_t>(env_int("ML_DIFF_SEED", 1));
  static const char* const kTargets[] = {"fr", "ja", "ar", "de", "hi", "zh", "es"};
  int failures = 0;
  for (int i = 0; i < programs && failures < 3; ++i) {
    uint32_t seed = first + static_cast<uint32_t>(i);
    std::string src = PythonGen(seed).program();
    std::string stem = "p" + std::to_string(seed);
    write_file(dir / (stem + ".py"), src);
    std::string cmd = "cd " + shell_quote(dir.string()) + " && timeout 60 python3 " + stem + ".py > " + stem +
                      ".expected 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << "python3 failed on seed " << seed << ":\n" << src;
    std::string expected = read_file(dir / (stem + ".expected"));

    auto interp = run_ml("run --backend interpreter " + stem + ".py", dir.string());
    auto automatic = run_ml("run " + stem + ".py", dir.string());
    auto compiled = run_ml("run --backend wasm " + stem + ".py", dir.string());
    std::string target = kTargets[seed % (sizeof kTargets / sizeof *kTargets)];
    auto translated = run_ml("translate " + stem + ".py --to " + target, dir.string(), false);
    write_file(dir / (stem + "." + target + ".ml"), translated.out);
    auto rerun = run_ml("run " + stem + "." + target + ".ml", dir.string());

    bool ok = interp.status == 0 && interp.out == expected && automatic.status == 0 && automatic.out == expected &&
              compiled.status == 0 && compiled.out == expected &&
              translated.status == 0 && rerun.status == 0 && rerun.out == expected;
    if (!ok) ++failures;
    EXPECT_EQ(interp.out, expected) << "interpreter, seed " << seed << "\n" << src;
    EXPECT_EQ(automatic.out, expected) << "default backend, seed " << seed << "\n" << src;
    EXPECT_EQ(compiled.out, expected) << "--backend wasm, seed " << seed << "\n" << src;
    EXPECT_EQ(translated.status, 0) << "translate --to " << target << ", seed " << seed;
    EXPECT_EQ(rerun.out, expected) << "translated to " << target << ", seed " << seed << "\n" << translated.out;
  }
}

}  // namespace
