#include <gtest/gtest.h>

#include "front_util.h"

using namespace ml;
using namespace ml::test;

TEST(Parser, PrecedenceAndAssociativity) {
  std::string d = dump_of("x = 1 + 2 * 3 ** -2 ** 2\n");
  // ** binds tighter than unary minus on its right and is right-associative.
  EXPECT_NE(d.find("BinOp +\n"), std::string::npos) << d;
  EXPECT_LT(d.find("BinOp *"), d.find("BinOp **"));
}

TEST(Parser, CompoundStatements) {
  std::string src =
      "def f(a, /, b=1, *args, c, d=2, **kw) -> int:\n"
      "    try:\n        return a\n    except ValueError as e:\n        raise RuntimeError('x') from e\n"
      "    finally:\n        pass\n"
      "class C(B, metaclass=M):\n    @staticmethod\n    def g(): yield 1\n"
      "with open('f') as h, g():\n    pass\n"
      "match p:\n    case (1, 2):\n        pass\n    case x if x > 1:\n        pass\n    default:\n        pass\n";
  std::string d = dump_of(src);
  EXPECT_NE(d.find("FunctionDef f"), std::string::npos);
  EXPECT_NE(d.find("params(a, /, b=, *args, c, d=, **kw)"), std::string::npos) << d;
  EXPECT_NE(d.find("FunctionDef g (generator)"), std::string::npos) << d;
  EXPECT_NE(d.find("Match"), std::string::npos);
  EXPECT_NE(d.find("default"), std::string::npos);
}

TEST(Parser, ComprehensionsAndStarTargets) {
  std::string d = dump_of("a, *b, c = [x * 2 for x in range(4) if x % 2 == 0]\nd = {k: v for k, v in z}\n");
  EXPECT_NE(d.find("ListComp"), std::string::npos);
  EXPECT_NE(d.find("Starred"), std::string::npos);
  EXPECT_NE(d.find("DictComp"), std::string::npos);
}

TEST(Parser, FStringPieces) {
  std::string d = dump_of("s = f\"{a}-{b:.1f}{c!r:>{w}} {{x}}\"\n");
  EXPECT_NE(d.find("FString"), std::string::npos);
  EXPECT_NE(d.find("FormattedValue"), std::string::npos);
  EXPECT_NE(d.find("Str \" {x}\""), std::string::npos) << d;
}

TEST(Parser, LetDeclarations) {
  std::string d = dump_of("let x = 3\n");
  EXPECT_NE(d.find("Assign (let)"), std::string::npos) << d;
}

TEST(Parser, SameTreeInEveryCorpusLanguage) {
  // The same program in English and French parses to the same tree.
  std::string en = "let total = 0\nfor i in range(3):\n    if i % 2 == 0:\n        total = total + i\n    else:\n        pass\n";
  std::string fr = "soit total = 0\npour i dans range(3):\n    si i % 2 == 0:\n        total = total + i\n    sinon:\n        passer\n";
  EXPECT_EQ(shape_of(en, "en"), shape_of(fr, "fr"));
}

TEST(Parser, JapaneseIterableFirstLoop) {
  std::string ja = "範囲(6) 内の 各 i に対して:\n    表示(i)\n";
  std::string en = "for i in 範囲(6):\n    表示(i)\n";
  EXPECT_EQ(shape_of(ja, "ja"), shape_of(en, "en"));
}

TEST(Parser, SpanishIterableFirstLoop) {
  std::string es = "range(5) para i:\n    imprimir(i)\n";
  std::string en = "for i in range(5):\n    imprimir(i)\n";
  EXPECT_EQ(shape_of(es, "es"), shape_of(en, "en"));
}

TEST(ParserErrors, LocatedWithCaret) {
  std::string e = error_of("x = (1 +\n");
  EXPECT_NE(e.find("t.multi:"), std::string::npos) << e;
  EXPECT_NE(e.find("SyntaxError"), std::string::npos) << e;
  e = error_of("x = 1 +* 2\n");
  EXPECT_NE(e.find("t.multi:1:8"), std::string::npos) << e;
  EXPECT_NE(e.find("    x = 1 +* 2\n           ^"), std::string::npos) << e;
}

TEST(ParserErrors, InvalidTarget) {
  std::string e = error_of("1 = x\n");
  EXPECT_NE(e.find("t.multi:1:1"), std::string::npos) << e;
}

TEST(ParserErrors, ExpectedIndentQuotesUsersKeyword) {
  std::string fr = error_of("si x:\npasser\n", "fr");
  EXPECT_NE(fr.find("si"), std::string::npos) << fr;
  EXPECT_NE(fr.find(":2:1"), std::string::npos) << fr;
}

TEST(ParserErrors, MessagesAreLocalized) {
  // The same mistake in three languages gives three different messages, each located.
  std::string en = error_of("x = = 1\n", "en");
  std::string fr = error_of("x = = 1\n", "fr");
  std::string ja = error_of("x = = 1\n", "ja");
  EXPECT_NE(en, fr);
  EXPECT_NE(en, ja);
  for (const auto* e : {&en, &fr, &ja}) EXPECT_NE(e->find("t.multi:1:5"), std::string::npos) << *e;
}

TEST(ParserErrors, BreakOutsideLoop) {
  std::string e = error_of("break\n");
  EXPECT_NE(e.find("break"), std::string::npos) << e;
}

TEST(Parser, CasePatternAsCapture) {
  std::string d = dump_of("match p:\n    case (1, 2) as pair:\n        pass\n");
  EXPECT_NE(d.find("pattern: NamedExpr pair"), std::string::npos) << d;
}

namespace {

// The caret stands under the character a terminal shows at that column: Chinese and Japanese
// characters take two columns, Hindi vowel signs none.
TEST(ParserErrors, CaretsCountDisplayColumns) {
  std::string zh = error_of("数值 = (1 +* 2)\n", "zh");
  // "数值" is 4 columns wide, so the caret under '*' is at 4 + 7 = 11 spaces past the indent
  EXPECT_NE(zh.find("    数值 = (1 +* 2)\n               ^"), std::string::npos) << zh;
  std::string hi = error_of("कुल = (1 +* 2)\n", "hi");
  // "कुल" is three code points (क, the vowel sign ु, ल) but two columns
  EXPECT_NE(hi.find("    कुल = (1 +* 2)\n             ^"), std::string::npos) << hi;
  // "काम" is क, the spacing vowel sign ा (one column, as a terminal draws it) and म: 3 columns
  std::string hi2 = error_of("काम = (1 +* 2)\n", "hi");
  EXPECT_NE(hi2.find("    काम = (1 +* 2)\n              ^"), std::string::npos) << hi2;
}

// Control characters of the program's text (ESC sequences, NUL, the right-to-left override)
// are escaped when echoed, so an error message cannot rewrite the terminal.
TEST(ParserErrors, ControlCharactersAreEscapedWhenEchoed) {
  std::string e = error_of("x = \"\x1b[2J\" +* \xe2\x80\xae 1\n");
  EXPECT_EQ(e.find('\x1b'), std::string::npos) << e;
  EXPECT_EQ(e.find("\xe2\x80\xae"), std::string::npos) << e;
  EXPECT_NE(e.find("\\x1b[2J"), std::string::npos) << e;
  // the caret stands under the override's escape (an escape is as wide as its text)
  EXPECT_NE(e.find("    x = \"\\x1b[2J\" +* \\u202e 1\n                     ^"), std::string::npos) << e;
}

}  // namespace
