// An open bracket or string at the end of the file is reported where it opened, with CPython's
// words, line and caret ("'(' was never closed"), in the program's language.
#include <gtest/gtest.h>

#include "front_util.h"

using namespace ml;
using ml::test::error_of;

namespace {

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST(Unclosed, BracketAtEndOfFileIsLocatedAtTheBracket) {
  std::string e = error_of("print(1");
  EXPECT_TRUE(has(e, "t.multi:1:6: SyntaxError: '(' was never closed\n    print(1\n         ^")) << e;
  e = error_of("x = [1,\n  2,\n");
  EXPECT_TRUE(has(e, "t.multi:1:5: SyntaxError: '[' was never closed\n    x = [1,\n        ^")) << e;
  // the innermost open bracket, as CPython
  e = error_of("f(a, {1:[2\n");
  EXPECT_TRUE(has(e, "t.multi:1:9: SyntaxError: '[' was never closed")) << e;
  e = error_of("d = {\n");
  EXPECT_TRUE(has(e, "t.multi:1:5: SyntaxError: '{' was never closed")) << e;
  // CPython's parser reads on to the end after a value (`1 2`) or past the bracket's line
  e = error_of("print(1 2");
  EXPECT_TRUE(has(e, "t.multi:1:6: SyntaxError: '(' was never closed")) << e;
  e = error_of("x = (1,\ny = 2\n");
  EXPECT_TRUE(has(e, "t.multi:1:5: SyntaxError: '(' was never closed")) << e;
  e = error_of("foo(1,\nif x:\n    pass\n");
  EXPECT_TRUE(has(e, "t.multi:1:4: SyntaxError: '(' was never closed")) << e;
  // but an error before that, on the bracket's own line, is reported as it is
  e = error_of("def ok():\n    return 1\ndef bad(:\n");
  EXPECT_TRUE(has(e, "t.multi:3:9: SyntaxError: ")) << e;
  EXPECT_FALSE(has(e, "never closed")) << e;
}

TEST(Unclosed, WrongAndExtraClosingBrackets) {
  std::string e = error_of("print(1]\n");
  EXPECT_TRUE(has(e, "t.multi:1:8: SyntaxError: closing parenthesis ']' does not match opening parenthesis '('")) << e;
  e = error_of("x = [1,\n2)\n");
  EXPECT_TRUE(has(e, "t.multi:2:2: SyntaxError: closing parenthesis ')' does not match opening parenthesis '[' on line 1")) << e;
  e = error_of("print(1))\n");
  EXPECT_TRUE(has(e, "t.multi:1:9: SyntaxError: unmatched ')'")) << e;
}

TEST(Unclosed, StringsSayWhereTheyWereDetected) {
  std::string e = error_of("x = \"abc\n");
  EXPECT_TRUE(has(e, "t.multi:1:5: SyntaxError: unterminated string literal (detected at line 1)\n    x = \"abc\n        ^")) << e;
  e = error_of("x = (1,\n\"abc");
  EXPECT_TRUE(has(e, "t.multi:2:1: SyntaxError: unterminated string literal (detected at line 2)")) << e;
  e = error_of("x = '''abc\ny\n");
  EXPECT_TRUE(has(e, "t.multi:1:5: SyntaxError: unterminated triple-quoted string literal (detected at line 2)\n    x = '''abc\n        ^")) << e;
  e = error_of("x = \"\"\"abc\ny");
  EXPECT_TRUE(has(e, "unterminated triple-quoted string literal (detected at line 2)")) << e;
}

TEST(Unclosed, LocalizedInEveryLanguage) {
  for (const auto& code : LanguageRegistry::instance().codes()) {
    const LanguagePack& p = ml::test::pack(code);
    std::string e = error_of("x = (1,\n", code);
    EXPECT_TRUE(has(e, "t.multi:1:5: " + p.message("kind.SyntaxError") + ": " +
                           p.message("syntax.never_closed", {{"bracket", "("}})))
        << code << ": " << e;
    e = error_of("x = '''abc\n", code);
    EXPECT_TRUE(has(e, p.message("syntax.unterminated_triple", {{"line", "1"}}))) << code << ": " << e;
    if (code != "en") {
      EXPECT_FALSE(has(e, "unterminated")) << code << ": " << e;
    }
  }
  // a full-width bracket is named as written
  std::string zh = error_of("打印（1\n", "zh");
  EXPECT_TRUE(has(zh, "t.multi:1:3: ")) << zh;
  EXPECT_TRUE(has(zh, "“（”从未闭合")) << zh;
}
