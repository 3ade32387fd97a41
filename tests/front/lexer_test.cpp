#include <gtest/gtest.h>

#include "front_util.h"
#include "lex/lexer.h"

using namespace ml;
using namespace ml::test;

static std::vector<Token> lex(const std::string& s, const std::string& lang = "en") {
  return tokenize(make_source(s), pack(lang));
}

TEST(Lexer, IndentationProducesIndentAndDedent) {
  auto t = lex("if x:\n    y = 1\nz = 2\n");
  std::vector<Tok> kinds;
  for (auto& k : t) kinds.push_back(k.kind);
  std::vector<Tok> want = {Tok::Keyword, Tok::Name, Tok::Op, Tok::Newline, Tok::Indent, Tok::Name, Tok::Op,
                           Tok::Int, Tok::Newline, Tok::Dedent, Tok::Name, Tok::Op, Tok::Int, Tok::Newline,
                           Tok::End};
  EXPECT_EQ(kinds, want);
}

TEST(Lexer, DigitsOfOtherScripts) {
  // Devanagari 42, Arabic-Indic 7, Bengali 10, Tamil 3, full-width 99
  auto t = lex("x = \xE0\xA5\xAA\xE0\xA5\xA8 + \xD9\xA7 + \xE0\xA7\xA7\xE0\xA7\xA6 + \xE0\xAF\xA9 + \xEF\xBC\x99\xEF\xBC\x99\n");
  std::vector<long long> ints;
  for (auto& k : t)
    if (k.kind == Tok::Int) ints.push_back(k.ival);
  EXPECT_EQ(ints, (std::vector<long long>{42, 7, 10, 3, 99}));
}

TEST(Lexer, NumberForms) {
  auto t = lex("a = 0xFF + 0o17 + 0b1010 + 1_000 + 1.5e3 + 123456789012345678901234567890\n");
  std::vector<std::string> vals;
  for (auto& k : t)
    if (k.kind == Tok::Int || k.kind == Tok::Float) vals.push_back(k.kind == Tok::Int ? k.value : std::to_string(k.fval));
  EXPECT_EQ(vals, (std::vector<std::string>{"255", "15", "10", "1000", "1500.000000",
                                            "123456789012345678901234567890"}));
}

TEST(Lexer, StringEscapesAndPrefixes) {
  auto t = lex("a = 'x\\ty\\n' + r'\\n' + b'\\x41' + \"\"\"multi\nline\"\"\"\n");
  std::vector<std::string> vals;
  for (auto& k : t)
    if (k.kind == Tok::Str) vals.push_back(k.value);
  EXPECT_EQ(vals, (std::vector<std::string>{"x\ty\n", "\\n", "A", "multi\nline"}));
}

TEST(Lexer, MultiWordKeywordLongestMatch) {
  auto t = lex("si a pas dans b:\n    passer\nsinon si c:\n    passer\n", "fr");
  ASSERT_EQ(t[0].kind, Tok::Keyword);
  EXPECT_EQ(t[0].kw, Concept::If);
  EXPECT_EQ(t[2].kind, Tok::Keyword);
  EXPECT_EQ(t[2].kw, Concept::NotIn);
  bool saw_elif = false;
  for (auto& k : t) saw_elif |= k.kind == Tok::Keyword && k.kw == Concept::Elif;
  EXPECT_TRUE(saw_elif);
}

TEST(Lexer, OnlyTheChosenLanguageIsReserved) {
  // In French, English "if" is an ordinary name.
  auto t = lex("if = 3\n", "fr");
  EXPECT_EQ(t[0].kind, Tok::Name);
}

TEST(Lexer, IdentifiersAreNfcNormalized) {
  // "é" precomposed vs "e" + combining acute: the same name.
  auto a = lex("caf\xC3\xA9 = 1\n");
  auto b = lex("cafe\xCC\x81 = 1\n");
  EXPECT_EQ(a[0].text, b[0].text);
}

TEST(Lexer, InvalidUtf8IsALocatedError) {
  std::string e = error_of("x = 1\ny = '\xFF'\n");
  EXPECT_NE(e.find("t.multi:2:6"), std::string::npos) << e;
  EXPECT_NE(e.find("UnicodeDecodeError"), std::string::npos) << e;
  EXPECT_NE(e.find("FF"), std::string::npos) << e;
}

TEST(Lexer, UnterminatedStringIsLocated) {
  std::string e = error_of("x = 'abc\n");
  EXPECT_NE(e.find("t.multi:1:5"), std::string::npos) << e;
}

TEST(Lexer, BadIndentationIsIndentationError) {
  std::string e = error_of("if x:\n        a = 1\n    b = 2\n");
  EXPECT_NE(e.find("IndentationError"), std::string::npos) << e;
  EXPECT_NE(e.find(":3:5"), std::string::npos) << e;
}
