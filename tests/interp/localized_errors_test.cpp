// Runtime errors read in the program's language, located, and English ones stay CPython's.
#include <gtest/gtest.h>

#include "interp_helpers.h"
#include "lang/error_text.h"

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

namespace {

// Errors raised by methods, operators and the library: every one reads in the program's
// language (the programs use no keywords or builtins), and in English as CPython prints it.
const Case kLibraryCases[] = {
    {"x = [].pop()\n", 1, "IndexError", "runtime.pop_empty_list", {}, "pop from empty list"},
    {"x = [1, 2].pop(5)\n", 1, "IndexError", "runtime.pop_index", {}, "pop index out of range"},
    {"x = [1]\nx.remove(5)\n", 2, "ValueError", "runtime.list_remove_missing", {}, "list.remove(x): x not in list"},
    {"x = (1, 2).index(5)\n", 1, "ValueError", "runtime.tuple_index_missing", {}, "tuple.index(x): x not in tuple"},
    {"x = 'a,b'.split('')\n", 1, "ValueError", "runtime.empty_separator", {}, "empty separator"},
    {"x = 'abc'.index('z')\n", 1, "ValueError", "runtime.substring_not_found", {}, "substring not found"},
    {"x = 1 << -1\n", 1, "ValueError", "runtime.negative_shift", {}, "negative shift count"},
    {"x = '{}'.format()\n", 1, "IndexError", "runtime.format_replacement_index", {{"index", "0"}},
     "Replacement index 0 out of range for positional args tuple"},
    {"x = 'a{b'.format()\n", 1, "ValueError", "runtime.format_single_open", {}, "Single '{' encountered in format string"},
    {"x = 'a}b'.format()\n", 1, "ValueError", "runtime.format_single_close", {}, "Single '}' encountered in format string"},
    {"x = '%d %d' % (1,)\n", 1, "TypeError", "runtime.format_not_enough_args", {}, "not enough arguments for format string"},
    {"x = '%d' % (1, 2)\n", 1, "TypeError", "runtime.format_not_all_converted", {},
     "not all arguments converted during string formatting"},
    {"x = ', '.join(['a', 1])\n", 1, "TypeError", "runtime.join_item_str", {{"index", "1"}, {"type", "int"}},
     "sequence item 1: expected str instance, int found"},
    {"x = b'a'.join([b'a', 2])\n", 1, "TypeError", "runtime.join_item_bytes", {{"index", "1"}, {"type", "int"}},
     "sequence item 1: expected a bytes-like object, int found"},
    {"x = b'a' + 'b'\n", 1, "TypeError", "runtime.cant_concat", {{"right", "str"}, {"left", "bytes"}}, "can't concat str to bytes"},
    {"x = [1, 2, 3]\nx[::2] = [1]\n", 2, "ValueError", "runtime.extended_slice_size", {{"given", "1"}, {"size", "2"}},
     "attempt to assign sequence of size 1 to extended slice of size 2"},
    {"x = [1][::0]\n", 1, "ValueError", "runtime.slice_step_zero", {}, "slice step cannot be zero"},
};

}  // namespace

TEST(LocalizedErrors, LibraryMessagesInEnglishAreCPythons) {
  for (const auto& c : kLibraryCases) {
    std::string out = run(c.program);
    EXPECT_TRUE(has(out, "<test>:" + std::to_string(c.line) + ":")) << out;
    EXPECT_TRUE(has(out, std::string(c.kind) + ": " + c.english + "\n")) << out;
  }
}

TEST(LocalizedErrors, LibraryMessagesInEveryLanguage) {
  const LanguagePack& en = pack_for("en");
  for (const auto& code : LanguageRegistry::instance().codes()) {
    const LanguagePack& p = pack_for(code);
    for (const auto& c : kLibraryCases) {
      std::string out = run(c.program, code);
      std::string want = p.message(c.id, c.args);
      EXPECT_TRUE(has(out, "<test>:" + std::to_string(c.line) + ":")) << code << ": " << out;
      EXPECT_TRUE(has(out, p.message(std::string("kind.") + c.kind) + ": " + want)) << code << ": " << out;
      if (code != "en") {
        EXPECT_FALSE(has(out, en.message(c.id, c.args))) << code << " still English: " << out;
      }
    }
  }
}

namespace {

// `text` with each {builtin} replaced by the pack's preferred spelling of that builtin.
std::string in_language(const LanguagePack& p, std::string text) {
  for (size_t at; (at = text.find('{')) != std::string::npos;) {
    size_t end = text.find('}', at);
    std::string name = text.substr(at + 1, end - at - 1);
    auto it = p.builtin_preferred.find(name);
    text.replace(at, end - at + 1, it == p.builtin_preferred.end() ? name : it->second);
  }
  return text;
}

}  // namespace

// The examples users met in English inside localized errors: builtins' own messages.
TEST(LocalizedErrors, BuiltinMessagesInFrenchChineseArabic) {
  struct B {
    const char* program;
    const char* id;
    std::map<std::string, std::string> args;
  };
  const B cases[] = {
      {"x = {chr}(-1)\n", "runtime.chr_range", {}},
      {"x = {int}('1', 99)\n", "runtime.int_base_range", {}},
      {"x = {range}(1, 2, 0)\n", "runtime.range_step_zero", {}},
      {"x = {sum}(['a'], '')\n", "runtime.sum_strings", {}},
      {"x = {ord}('ab')\n", "runtime.ord_length", {{"length", "2"}}},
      {"x = {float}([])\n", "runtime.float_arg_type", {{"type", "list"}}},
      {"x = {reversed}(5)\n", "runtime.not_reversible", {{"type", "int"}}},
      {"x = {pow}(2, 3, 0)\n", "runtime.pow_modulus_zero", {}},
      {"x = {min}([])\n", "runtime.empty_sequence", {{"name", "min"}}},
  };
  const LanguagePack& en = pack_for("en");
  for (const char* code : {"fr", "zh", "ar", "hi", "ja"}) {
    const LanguagePack& p = pack_for(code);
    for (const auto& c : cases) {
      std::string out = run(in_language(p, c.program), code);
      EXPECT_TRUE(has(out, "<test>:1:")) << code << ": " << out;
      EXPECT_TRUE(has(out, p.message(c.id, c.args))) << code << ": " << out;
      EXPECT_FALSE(has(out, en.message(c.id, c.args))) << code << " still English: " << out;
    }
  }
  EXPECT_TRUE(has(run("x = chr(-1)\n"), "ValueError: chr() arg not in range(0x110000)\n"));
  EXPECT_TRUE(has(run("x = sum(['a'], '')\n"), "TypeError: sum() can't sum strings [use ''.join(seq) instead]\n"));
}

TEST(LocalizedErrors, FrenchSpellingsOfLibraryMessages) {
  EXPECT_TRUE(has(run("x = [].pop()\n", "fr"), "pop() sur une liste vide")) << run("x = [].pop()\n", "fr");
  EXPECT_TRUE(has(run("x = 'a{b'.format()\n", "fr"), "« { » isolé dans la chaîne de format"));
  EXPECT_TRUE(has(run("x = {}.popitem()\n", "fr"), "popitem() : le dictionnaire est vide"));
  EXPECT_TRUE(has(run("x = 'é'.encode('ascii')\n", "zh"), "“ascii”编解码器无法编码位置 0 的字符“\\xe9”"));
}

namespace {

bool has_latin_word(const std::string& s, const char* word) {
  return s.find(word) != std::string::npos;
}

}  // namespace

// Messages put together from pieces: the pieces come from the pack too.
TEST(LocalizedErrors, PiecesOfMessagesAreLocalized) {
  EXPECT_TRUE(has(run("x = [1, 2].index(5)\n"), "ValueError: 5 is not in list\n"));
  EXPECT_TRUE(has(run("x = '{:d}'.format('a')\n"), "ValueError: Unknown format code 'd' for object of type 'str'\n"));
  EXPECT_TRUE(has(run("import struct\nx = struct.pack('b', 300)\n"), "error: byte format requires -128 <= number <= 127\n"));
  for (const char* code : {"fr", "zh", "ar", "ta"}) {
    const LanguagePack& p = pack_for(code);
    std::string out = run("x = [1, 2].index(5)\n", code);
    EXPECT_TRUE(has(out, p.message("runtime.not_in_list", {{"value", "5"}}))) << code << ": " << out;
    out = run("x = '{:d}'.format('a')\n", code);
    EXPECT_TRUE(has(out, p.message("runtime.unknown_format_code", {{"code", "d"}, {"type", "str"}}))) << code << ": " << out;
    out = run(p.preferred(Concept::Import) + " struct\nx = struct.pack('b', 300)\n", code);
    EXPECT_TRUE(has(out, p.message("runtime.struct_format_range", {{"format", "byte"}, {"low", "-128"}, {"high", "127"}})))
        << code << ": " << out;
    // a builtin given too many arguments: the count range is the pack's words, not "at least" / "to"
    for (const char* program : {"x = [].index()\n", "x = {map}(5)\n"}) {
      out = run(in_language(p, program), code);
      EXPECT_TRUE(has(out, p.message("kind.TypeError"))) << code << ": " << out;
      EXPECT_FALSE(has_latin_word(out, " to ") || has_latin_word(out, "at least") || has_latin_word(out, "takes"))
          << code << ": " << out;
    }
  }
  // a SyntaxError found when the interpreter compiles the tree
  EXPECT_TRUE(has(run("a = [1]\nx = *a\n"), "SyntaxError: can't use starred expression here\n"));
  for (const char* code : {"fr", "ja"}) {
    std::string out = run("a = [1]\nx = *a\n", code);
    EXPECT_TRUE(has(out, "<test>:2:5: " + pack_for(code).message("kind.SyntaxError") + ": " +
                             pack_for(code).message("syntax.starred_here")))
        << code << ": " << out;
  }
}

// Regular-expression syntax errors (re.error) read in the program's language, position included.
TEST(LocalizedErrors, RegexErrors) {
  EXPECT_TRUE(has(run("import re\nx = re.compile('(a')\n"), "error: missing ), unterminated subpattern at position 0\n"));
  EXPECT_TRUE(has(run("import re\nx = re.compile('a\\\\')\n"), "error: bad escape (end of pattern) at position 1\n"));
  for (const char* code : {"fr", "zh", "hi"}) {
    const LanguagePack& p = pack_for(code);
    std::string out = run(p.preferred(Concept::Import) + " re\nx = re.compile('(a')\n", code);
    std::string want = p.message("runtime.re_at_position",
                                 {{"message", p.message("runtime.re_unterminated_subpattern")}, {"position", "0"}});
    EXPECT_TRUE(has(out, want)) << code << ": " << out;
    EXPECT_FALSE(has(out, "at position") || has(out, "unterminated")) << code << ": " << out;
  }
}

// The operating system's error texts (OSError.strerror) are the program's language's too;
// in English they are what CPython prints (glibc's strerror).
TEST(LocalizedErrors, OperatingSystemErrorsInEveryLanguage) {
  EXPECT_TRUE(has(run("x = open('/nonexistent-ml-dir/f')\n"),
                  "FileNotFoundError: [Errno 2] No such file or directory: '/nonexistent-ml-dir/f'\n"));
  EXPECT_TRUE(has(run("x = 2.0 ** 10000\n"), "OverflowError: (34, 'Numerical result out of range')\n"));
  const LanguagePack& en = pack_for("en");
  for (const auto& code : LanguageRegistry::instance().codes()) {
    const LanguagePack& p = pack_for(code);
    auto open = p.builtin_preferred.find("open");
    std::string name = open == p.builtin_preferred.end() ? "open" : open->second;
    std::string out = run("x = " + name + "('/nonexistent-ml-dir/f')\n", code);
    EXPECT_TRUE(has(out, "<test>:1:")) << code << ": " << out;
    EXPECT_TRUE(has(out, "[Errno 2] " + p.message("errno.ENOENT") + ": '/nonexistent-ml-dir/f'")) << code << ": " << out;
    out = run("x = 2.0 ** 10000\n", code);
    EXPECT_TRUE(has(out, "(34, '" + p.message("errno.ERANGE") + "')")) << code << ": " << out;
    if (code != "en") {
      EXPECT_NE(p.message("errno.ENOENT"), en.message("errno.ENOENT")) << code;
      EXPECT_FALSE(has(out, "out of range")) << code << ": " << out;
    }
  }
}

// Each division by zero in CPython's words (3.11's), in English and in the program's language.
TEST(LocalizedErrors, DivisionsByZeroSayWhichOperation) {
  const std::pair<const char*, const char*> cases[] = {
      {"x = 1 / 0\n", "division by zero"},
      {"x = 1 // 0\n", "integer division or modulo by zero"},
      {"x = 1 % 0\n", "integer modulo by zero"},
      {"x = 10 ** 30 % 0\n", "integer modulo by zero"},
      {"x = 10 ** 30 // 0\n", "integer division or modulo by zero"},
      {"x = 1 / 0.0\n", "float division by zero"},
      {"x = 1.0 // 0\n", "float floor division by zero"},
      {"x = 1.5 % 0.0\n", "float modulo"},
      {"x = divmod(1.0, 0)\n", "float divmod()"},
      {"x = divmod(1, 0)\n", "integer division or modulo by zero"},
      {"x = 0 ** -1\n", "0.0 cannot be raised to a negative power"},
      {"x = 0.0 ** -2.5\n", "0.0 cannot be raised to a negative power"},
  };
  for (const auto& [program, english] : cases)
    EXPECT_TRUE(has(run(program), std::string("ZeroDivisionError: ") + english + "\n")) << program << run(program);
  const LanguagePack& fr = pack_for("fr");
  std::string out = run("x = 1.5 % 0.0\n", "fr");
  EXPECT_TRUE(has(out, fr.message("runtime.float_modulo"))) << out;
  EXPECT_FALSE(has(out, "float modulo")) << out;
}

// An error raised while handling another shows that one first, as Python does: the context, or
// the cause of `raise ... from ...`; `from None` hides it. The joining line is the pack's.
TEST(LocalizedErrors, ChainedExceptionsShowWhereTheyCameFrom) {
  std::string out = run("try:\n    x = 1 / 0\nexcept ZeroDivisionError:\n    y = {}['k']\n");
  size_t first = out.find("ZeroDivisionError: division by zero\n");
  size_t join = out.find("\nDuring handling of the above exception, another exception occurred:\n\n");
  size_t last = out.find("KeyError: 'k'\n");
  ASSERT_NE(first, std::string::npos) << out;
  ASSERT_NE(join, std::string::npos) << out;
  ASSERT_NE(last, std::string::npos) << out;
  EXPECT_TRUE(first < join && join < last) << out;
  EXPECT_TRUE(has(out, "<test>:2:")) << out;
  EXPECT_TRUE(has(out, "<test>:4:")) << out;

  out = run("try:\n    int('z')\nexcept ValueError as e:\n    raise KeyError('w') from e\n");
  EXPECT_TRUE(has(out, "\nThe above exception was the direct cause of the following exception:\n\n")) << out;
  EXPECT_LT(out.find("ValueError"), out.find("KeyError")) << out;

  out = run("try:\n    int('z')\nexcept ValueError:\n    raise KeyError('w') from None\n");
  EXPECT_FALSE(has(out, "ValueError")) << out;
  EXPECT_TRUE(has(out, "KeyError: 'w'")) << out;

  // caught and handled: nothing of it is shown
  out = run("try:\n    1 / 0\nexcept ZeroDivisionError:\n    pass\nx = [][1]\n");
  EXPECT_FALSE(has(out, "ZeroDivisionError")) << out;

  const LanguagePack& fr = pack_for("fr");
  out = run("essayer:\n    x = 1 / 0\nsauf ZeroDivisionError:\n    y = {}['k']\n", "fr");
  EXPECT_TRUE(has(out, fr.message("runtime.chain_context"))) << out;
  EXPECT_FALSE(has(out, "During handling")) << out;
}
