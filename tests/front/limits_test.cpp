// Nesting limits: absurdly deep input is a located SyntaxError, never a stack overflow in the
// parser (or in the passes over the tree after it); realistic depths still parse.
#include <gtest/gtest.h>

#include "front_util.h"

using namespace ml;
using namespace ml::test;

namespace {
std::string rep(const std::string& s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}
std::string id_of(const std::string& text, const std::string& lang = "en") {
  try {
    parse_program(make_source(text), pack(lang));
  } catch (const CompileError& e) {
    return e.message_id + "@" + std::to_string(e.loc.line) + ":" + std::to_string(e.loc.col);
  }
  return "<no error>";
}
}  // namespace

TEST(Limits, TooManyNestedBrackets) {
  EXPECT_EQ(id_of("x = " + rep("(", 100000)), "syntax.too_many_parens@1:205");
  EXPECT_EQ(id_of("x = " + rep("[", 201) + rep("]", 201)), "syntax.too_many_parens@1:205");
  EXPECT_EQ(id_of("x = 1\ny = " + rep("{", 300)), "syntax.too_many_parens@2:205");
  EXPECT_EQ(id_of("x = " + rep("（", 300)), "syntax.too_many_parens@1:205");  // full-width
  std::string e = error_of("x = " + rep("(", 100000));
  EXPECT_NE(e.find("t.multi:1:205: SyntaxError: too many nested parentheses"), std::string::npos) << e;
  EXPECT_NE(error_of("soit x = " + rep("(", 500), "fr").find("trop de parenthèses imbriquées"), std::string::npos);
  // 200 levels are fine.
  EXPECT_EQ(id_of("x = " + rep("(", 200) + "1" + rep(")", 200)), "<no error>");
}

TEST(Limits, TooDeeplyNestedExpressions) {
  const size_t N = 100000;
  for (const std::string& src : {
           "x = " + rep("-", N) + "1", "x = " + rep("~", N) + "1", "x = " + rep("not ", N) + "y",
           "x = 2" + rep(" ** 2", N), "x = 1" + rep(" + 1", N), "x = 1" + rep(" * 1", N), "x = a" + rep(".b", N),
           "x = f" + rep("()", N), "x = a" + rep("[0]", N), "x = " + rep("lambda: ", N) + "1",
           "x = 1" + rep(" if 1 else 1", N),
           "print(f\"{x:" + rep("{x:", 3000) + "}\")"}) {
    std::string id = id_of(src);
    EXPECT_EQ(id.substr(0, id.find('@')), "syntax.too_deep") << src.substr(0, 40) << " -> " << id;
  }
  std::string elifs = "if x == 0:\n    pass\n";
  for (int i = 1; i < 5000; ++i) elifs += "elif x == " + std::to_string(i) + ":\n    pass\n";
  EXPECT_EQ(id_of(elifs).substr(0, 15), "syntax.too_deep");
  std::string blocks;
  for (int i = 0; i < 2000; ++i) blocks += std::string(i, ' ') + "if x:\n";
  blocks += std::string(2000, ' ') + "pass\n";
  EXPECT_EQ(id_of(blocks).substr(0, 15), "syntax.too_deep");
}

TEST(Limits, RealisticDepthsParse) {
  EXPECT_EQ(id_of("x = 1" + rep(" + 1", 500)), "<no error>");
  EXPECT_EQ(id_of("x = " + rep("-", 500) + "1"), "<no error>");
  EXPECT_EQ(id_of("x = a" + rep(".b(1)[2]", 100)), "<no error>");
  EXPECT_EQ(id_of("x = " + rep("(", 150) + "y + " + rep("[", 40) + "1" + rep("]", 40) + rep(")", 150)), "<no error>");
  std::string elifs = "if x == 0:\n    pass\n";
  for (int i = 1; i < 300; ++i) elifs += "elif x == " + std::to_string(i) + ":\n    pass\n";
  EXPECT_EQ(id_of(elifs), "<no error>");
  std::string blocks;
  for (int i = 0; i < 100; ++i) blocks += std::string(i, ' ') + "if x:\n";
  blocks += std::string(100, ' ') + "pass\n";
  EXPECT_EQ(id_of(blocks), "<no error>");
  // A surface pattern retried after a nesting error does not leak depth into the next lines.
  std::string ja = "変数 x = 0\n" + rep("x = 1 + " + rep("(", 100) + "1" + rep(")", 100) + "\n", 50);
  EXPECT_EQ(id_of(ja, "ja"), "<no error>");
}

TEST(Limits, MessagesOnceRawIdsAreLocalized) {
  for (const char* lang : {"en", "fr", "ja"}) {
    for (const std::string& src : {std::string("s = f\"{x\"\n"), std::string("s = f\"}\"\n"), std::string("s = f\"{x!z}\"\n"),
                                   std::string("s = b'a' 'b'\n"), std::string("def f(a=1, b):\n    pass\n")}) {
      std::string e = error_of(src, lang);
      EXPECT_EQ(e.find("syntax."), std::string::npos) << lang << ": " << e;
      EXPECT_NE(e.find("t.multi:1:"), std::string::npos) << lang << ": " << e;
    }
  }
}
