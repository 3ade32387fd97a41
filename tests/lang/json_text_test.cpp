// JSON string literals (support/json_text), against what Python's json.dumps prints.
#include "support/json_text.h"

#include <gtest/gtest.h>

using ml::json_text::quoted;

TEST(JsonText, EscapesAsPythonsJsonDumpsWithEnsureAscii) {
  // python3 -c 'import json; print(json.dumps("é\x7f\U0001F600\ud800\"\\\n\x01\b\f\t\r/"))'
  std::string s = "\xC3\xA9\x7F\xF0\x9F\x98\x80\xED\xA0\x80\"\\\n\x01\b\f\t\r/";
  EXPECT_EQ(quoted(s, true), R"("\u00e9\u007f\ud83d\ude00\ud800\"\\\n\u0001\b\f\t\r/")");
}

TEST(JsonText, WithoutEnsureAsciiUtf8PassesThrough) {
  EXPECT_EQ(quoted("caf\xC3\xA9 \x7F \xE4\xB8\xAD\n"), "\"caf\xC3\xA9 \x7F \xE4\xB8\xAD\\n\"");
  EXPECT_EQ(quoted(""), "\"\"");
}

TEST(JsonText, InvalidBytesBecomeReplacementCharacterWhenEscaped) {
  EXPECT_EQ(quoted("a\xFF" "b", true), R"("a\ufffdb")");
}
