// Runtime errors read in the program's language, located, and English ones stay CPython's.
#include <gtest/gtest.h>

#include "interp_helpers.h"

using namespace ml;
using namespace ml::interp::testing;

namespace {

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

struct Case {
  const char* program;  // no keywords or builtins, so it reads the same in every language
  int line;
  const char* kind;
  const char* id;
  std::map<std::string, std::string> args;
  const char* english;  // what CPython prints
};

const Case kCases[] = {
    {"a, b = [1, 2, 3]\n", 1, "ValueError", "runtime.unpack_too_many", {{"expected", "2"}},
     "too many values to unpack (expected 2)"},
    {"x = 1\na, b, c = [1, 2]\n", 2, "ValueError", "runtime.unpack_too_few", {{"expected", "3"}, {"got", "2"}},
     "not enough values to unpack (expected 3, got 2)"},
    {"a, b, *c = [1]\n", 1, "ValueError", "runtime.unpack_too_few_star", {{"expected", "2"}, {"got", "1"}},
     "not enough values to unpack (expected at least 2, got 1)"},
    {"t = (1, 2)\nt[0] = 5\n", 2, "TypeError", "runtime.no_item_assignment", {{"type", "tuple"}},
     "'tuple' object does not support item assignment"},
    {"d = {[1]: 2}\n", 1, "TypeError", "runtime.unhashable", {{"type", "list"}}, "unhashable type: 'list'"},
    {"x = [1] < 'a'\n", 1, "TypeError", "runtime.not_orderable", {{"op", "<"}, {"left", "list"}, {"right", "str"}},
     "'<' not supported between instances of 'list' and 'str'"},
    {"x = -'a'\n", 1, "TypeError", "runtime.bad_operand_unary", {{"op", "-"}, {"type", "str"}},
     "bad operand type for unary -: 'str'"},
    {"x = [1, 2]\nx[5] = 0\n", 2, "IndexError", "runtime.list_assignment_index", {},
     "list assignment index out of range"},
    {"x = 'abc'['1']\n", 1, "TypeError", "runtime.str_indices", {{"key", "str"}},
     "string indices must be integers, not 'str'"},
    {"qq = 5\nzz = qq[0]\n", 2, "TypeError", "runtime.not_subscriptable", {{"type", "int"}},
     "'int' object is not subscriptable"},
};

}  // namespace

TEST(LocalizedErrors, EnglishIsCPythons) {
  for (const auto& c : kCases) {
    std::string out = run(c.program);
    EXPECT_TRUE(has(out, "<test>:" + std::to_string(c.line) + ":")) << out;
    EXPECT_TRUE(has(out, std::string(c.kind) + ": " + c.english + "\n")) << out;
  }
}

TEST(LocalizedErrors, EveryLanguageSaysItsOwnWords) {
  const LanguagePack& en = pack_for("en");
  for (const auto& code : LanguageRegistry::instance().codes()) {
    const LanguagePack& p = pack_for(code);
    for (const auto& c : kCases) {
      std::string out;
      try {
        out = run(c.program, code);
      } catch (const CompileError& e) {
        ADD_FAILURE() << code << " cannot parse " << c.program << ": " << render(e, p);
        continue;
      }
      std::string want = p.message(c.id, c.args);
      EXPECT_TRUE(has(out, "<test>:" + std::to_string(c.line) + ":")) << code << ": " << out;
      EXPECT_TRUE(has(out, p.message(std::string("kind.") + c.kind) + ": " + want)) << code << ": " << out;
      if (code != "en") {
        EXPECT_FALSE(has(out, en.message(c.id, c.args))) << code << " still English: " << out;
      }
    }
  }
}

TEST(LocalizedErrors, ArgumentCountsInFrench) {
  std::string out = run("déf f(a, b):\n    retour a\nf(1)\n", "fr");
  EXPECT_TRUE(has(out, "<test>:3:")) << out;
  EXPECT_TRUE(has(out, "f() : il manque 1 argument positionnel obligatoire : 'b'")) << out;
  EXPECT_FALSE(has(out, "missing")) << out;
  out = run("déf f(a, b, c):\n    retour a\nf()\n", "fr");
  EXPECT_TRUE(has(out, "f() : il manque 3 arguments positionnels obligatoires : 'a', 'b' et 'c'")) << out;
  out = run("déf f(a, *, b):\n    retour a\nf(1)\n", "fr");
  EXPECT_TRUE(has(out, "f() : il manque 1 argument nommé obligatoire : « b »")) << out;
  out = run("déf f(a):\n    retour a\nf(1, a=2)\n", "fr");
  EXPECT_TRUE(has(out, "f() a reçu plusieurs valeurs pour l'argument « a »")) << out;
  out = run("déf f(a, b=1):\n    retour a\nf(1, 2, 3)\n", "fr");
  EXPECT_TRUE(has(out, "f() prend de 1 à 2 arguments mais 3 ont été donnés")) << out;
}

TEST(LocalizedErrors, ArgumentCountsInEnglishMatchCPython) {
  EXPECT_TRUE(has(run("def f(a, b):\n    return a\nf()\n"), "TypeError: f() missing 2 required positional arguments: 'a' and 'b'\n"));
  EXPECT_TRUE(has(run("def f(a, b):\n    return a\nf(1)\n"), "TypeError: f() missing 1 required positional argument: 'b'\n"));
  EXPECT_TRUE(has(run("def f(a, *, b):\n    return a\nf(1)\n"), "TypeError: f() missing 1 required keyword-only argument: 'b'\n"));
  EXPECT_TRUE(has(run("def f(a):\n    return a\nf(1, a=2)\n"), "TypeError: f() got multiple values for argument 'a'\n"));
  EXPECT_TRUE(has(run("def f(a):\n    return a\nf(b=2)\n"), "TypeError: f() got an unexpected keyword argument 'b'\n"));
}

TEST(LocalizedErrors, BuiltinsInGerman) {
  std::string out = run("ausgeben(minimum([]))\n", "de");
  EXPECT_TRUE(has(out, "Argument von min() ist eine leere Folge")) << out;
  EXPECT_TRUE(has(run("print(max([]))\n"), "ValueError: max() arg is an empty sequence\n"));
}
