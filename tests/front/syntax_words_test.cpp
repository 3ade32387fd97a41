// Syntax errors name what was expected or found in words of the program's language, never
// the lexer's token kinds (name, newline, dedent, ...).
#include <gtest/gtest.h>

#include "front_util.h"

using namespace ml;
using ml::test::error_of;

namespace {

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

const char* kTokenKinds[] = {" name ", "newline", "dedent", " indent "};

}  // namespace

TEST(SyntaxWords, EnglishSaysWhatAUserSees) {
  std::string e = error_of("x = a.\n");
  EXPECT_TRUE(has(e, "t.multi:1:6: SyntaxError: expected an identifier but found end of line")) << e;
  e = error_of("@dec x\n");
  EXPECT_TRUE(has(e, "expected end of line but found 'x'")) << e;
  e = error_of("break\n");
  EXPECT_TRUE(has(e, "'break' outside loop")) << e;
  e = error_of("1 = x\n");
  EXPECT_TRUE(has(e, "cannot assign to literal")) << e;
  e = error_of("f() = 1\n");
  EXPECT_TRUE(has(e, "cannot assign to function call")) << e;
}

TEST(SyntaxWords, LocalizedInEveryLanguage) {
  // Keyword-free mistakes read the same in every language; the words around them must not.
  for (const auto& code : LanguageRegistry::instance().codes()) {
    const LanguagePack& p = ml::test::pack(code);
    std::string e = error_of("x = a.\n", code);
    std::string want = p.message("syntax.expected", {{"expected", p.message("syntax.word_identifier")},
                                                     {"found", p.message("syntax.word_newline")}});
    EXPECT_TRUE(has(e, "t.multi:1:6: ")) << code << ": " << e;
    EXPECT_TRUE(has(e, want)) << code << ": " << e << "\nwanted: " << want;
    e = error_of("f() = 1\n", code);
    EXPECT_TRUE(has(e, p.message("syntax.invalid_target", {{"what", p.message("syntax.word_call")}}))) << code << ": " << e;
    if (code != "en") {
      e = error_of("x = a.\n", code) + error_of("1 = x\n", code);
      for (const char* kind : kTokenKinds) EXPECT_FALSE(has(e, kind)) << code << ": " << e;
    }
  }
}

TEST(SyntaxWords, FrenchBreakOutsideLoop) {
  EXPECT_TRUE(has(error_of("arrêter\n", "fr"), "« arrêter » en dehors d'une boucle")) << error_of("arrêter\n", "fr");
}
