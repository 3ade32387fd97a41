#include "support/utf8.h"

#include <gtest/gtest.h>

#include <stdexcept>

using namespace ml::utf8;

TEST(Utf8, DecodesEachLength) {
  std::string s = "a\xC3\xA9\xE0\xA4\x95\xF0\x9F\x98\x80";  // a é क 😀
  Decoded d = decode(s, 0);
  EXPECT_TRUE(d.ok);
  EXPECT_EQ(d.cp, U'a');
  EXPECT_EQ(d.len, 1);
  d = decode(s, 1);
  EXPECT_TRUE(d.ok);
  EXPECT_EQ(d.cp, U'\u00E9');
  EXPECT_EQ(d.len, 2);
  d = decode(s, 3);
  EXPECT_TRUE(d.ok);
  EXPECT_EQ(d.cp, U'\u0915');
  EXPECT_EQ(d.len, 3);
  d = decode(s, 6);
  EXPECT_TRUE(d.ok);
  EXPECT_EQ(d.cp, U'\U0001F600');
  EXPECT_EQ(d.len, 4);
  EXPECT_EQ(length(s), 4u);
  EXPECT_TRUE(is_valid(s));
}

TEST(Utf8, RejectsInvalidSequencesAndReportsTheirPosition) {
  struct Case {
    std::string text;
    std::size_t bad_at;
  } cases[] = {
      {"ab\x80", 2},                  // lone continuation byte
      {"x\xC0\xAF", 1},               // overlong 2-byte form
      {"\xE0\x80\x80", 0},            // overlong 3-byte form
      {"ok\xED\xA0\x80", 2},          // UTF-16 surrogate
      {"\xF4\x90\x80\x80", 0},        // above U+10FFFF
      {"\xF5\x80\x80\x80", 0},        // invalid lead byte
      {"abc\xE2\x82", 3},             // truncated sequence
      {"\xC3\x28", 0},                // bad continuation
      {"\xE0\xA4\x95\xFF", 3},        // 0xFF never appears in UTF-8
  };
  for (const auto& c : cases) {
    EXPECT_FALSE(is_valid(c.text)) << c.bad_at;
    EXPECT_EQ(find_invalid(c.text), c.bad_at);
    Decoded d = decode(c.text, c.bad_at);
    EXPECT_FALSE(d.ok);
    EXPECT_EQ(d.len, 1);
    EXPECT_EQ(d.cp, U'\uFFFD');
  }
  EXPECT_EQ(find_invalid("plain ascii"), std::string_view::npos);
}

TEST(Utf8, EncodeRoundTrips) {
  for (char32_t cp : {U'A', U'\u00E9', U'\u0BA4', U'\u6587', U'\U0001F600', U'\u0000', U'\U0010FFFF'}) {
    std::string s = encode(cp);
    Decoded d = decode(s, 0);
    ASSERT_TRUE(d.ok);
    EXPECT_EQ(d.cp, cp);
    EXPECT_EQ(static_cast<std::size_t>(d.len), s.size());
  }
  EXPECT_EQ(encode(0xD800), "\xEF\xBF\xBD");  // surrogates become U+FFFD
  EXPECT_EQ(encode(0x110000), "\xEF\xBF\xBD");
}

TEST(Utf8, NfcComposes) {
  EXPECT_EQ(nfc("e\xCC\x81"), "\xC3\xA9");                 // e + combining acute -> é
  EXPECT_EQ(nfc("arre\xCC\x82ter"), "arr\xC3\xAAter");     // arrêter
  EXPECT_EQ(nfc("\xE0\xA4\x95\xE0\xA4\xBC"), "\xE0\xA4\x95\xE0\xA4\xBC");  // क + nukta stays (composition exclusion)
  EXPECT_EQ(nfc("plain"), "plain");
  std::string bengali = "\xE0\xA6\x95\xE0\xA7\x8B";  // কো (precomposed U+09CB)
  EXPECT_EQ(nfc("\xE0\xA6\x95\xE0\xA7\x87\xE0\xA6\xBE"), bengali);  // ক + ে + া -> কো
  EXPECT_THROW(nfc("bad\xFF"), std::invalid_argument);
}

TEST(Utf8, IdentifierClasses) {
  // Starts: letters of every script, letter numbers, underscore.
  for (char32_t cp : {U'a', U'Z', U'_', U'\u00E9', U'\u0915' /*क*/, U'\u0995' /*ক*/, U'\u0B95' /*க*/,
                      U'\u0628' /*ب*/, U'\u6587' /*文*/, U'\u3042' /*あ*/, U'\u30AB' /*カ*/, U'\u2160' /*Ⅰ Nl*/,
                      U'\u0640' /*Arabic tatweel, Lm*/})
    EXPECT_TRUE(is_identifier_start(cp)) << static_cast<unsigned>(cp);
  for (char32_t cp : {U'0', U'\u0966', U'-', U' ', U'(', U'\u093E', U'\u094D', U'\u064B', U'\u3000'})
    EXPECT_FALSE(is_identifier_start(cp)) << static_cast<unsigned>(cp);
  // Continues: also digits of any script, combining marks (vowel signs, viramas, harakat), connectors.
  for (char32_t cp : {U'0', U'9', U'\u0966' /*०*/, U'\u093E' /*ा Mc*/, U'\u094D' /*् Mn*/, U'\u09BF' /*ি*/,
                      U'\u0BCD' /*் Tamil virama*/, U'\u0BBF' /*ி*/, U'\u064B' /*fathatan*/, U'\u203F' /*‿ Pc*/,
                      U'\u200D' /*ZWJ*/})
    EXPECT_TRUE(is_identifier_continue(cp)) << static_cast<unsigned>(cp);
  for (char32_t cp : {U'-', U'+', U' ', U'.', U'\u3001' /*、*/, U'\uFF1A' /*：*/})
    EXPECT_FALSE(is_identifier_continue(cp)) << static_cast<unsigned>(cp);

  EXPECT_TRUE(is_identifier("के_लिए"));
  EXPECT_TRUE(is_identifier("என்றால்"));
  EXPECT_TRUE(is_identifier("أخيراً"));
  EXPECT_TRUE(is_identifier("كـ"));
  EXPECT_TRUE(is_identifier("でなければ"));
  EXPECT_TRUE(is_identifier("rückgabe"));
  EXPECT_FALSE(is_identifier("9lives"));
  EXPECT_FALSE(is_identifier("two words"));
  EXPECT_FALSE(is_identifier(""));
  EXPECT_FALSE(is_identifier("bad\xFF"));
}

TEST(Utf8, DigitValuesOfEveryScript) {
  struct Script {
    const char* name;
    char32_t zero;
  } scripts[] = {
      {"ASCII", U'0'},           {"Arabic-Indic", 0x0660}, {"Extended Arabic-Indic", 0x06F0},
      {"Devanagari", 0x0966},    {"Bengali", 0x09E6},      {"Tamil", 0x0BE6},
      {"Full-width", 0xFF10},    {"Thai", 0x0E50},         {"Mathematical bold", 0x1D7CE},
      {"Mathematical monospace", 0x1D7F6},
  };
  for (const auto& s : scripts)
    for (int v = 0; v < 10; ++v) EXPECT_EQ(digit_value(s.zero + v), v) << s.name << " " << v;
  EXPECT_EQ(digit_value(U'a'), -1);
  EXPECT_EQ(digit_value(0x0BF0), -1);  // Tamil number ten (No, not a decimal digit)
  EXPECT_EQ(digit_value(0x00B2), -1);  // superscript two
  EXPECT_EQ(digit_value(0x4E09), -1);  // 三 (a letter, not a digit)
}

TEST(Utf8, DisplayWidthAndTerminalEscapes) {
  EXPECT_EQ(ml::utf8::display_width(U'a'), 1);
  EXPECT_EQ(ml::utf8::display_width(U'数'), 2);
  EXPECT_EQ(ml::utf8::display_width(U'カ'), 2);
  EXPECT_EQ(ml::utf8::display_width(0x0941), 0);  // Devanagari vowel sign U (a combining mark)
  // spacing marks (Mc) take a column, as wcwidth() and terminals say: Devanagari AA and I,
  // Bengali AA, Tamil AA
  EXPECT_EQ(ml::utf8::display_width(0x093E), 1);
  EXPECT_EQ(ml::utf8::display_width(0x093F), 1);
  EXPECT_EQ(ml::utf8::display_width(0x09BE), 1);
  EXPECT_EQ(ml::utf8::display_width(0x0BBE), 1);
  EXPECT_EQ(ml::utf8::display_width(0x0BCD), 0);  // Tamil virama (Mn)
  EXPECT_EQ(ml::utf8::escape_for_terminal("a\tb\n"), "a\tb\n");
  EXPECT_EQ(ml::utf8::escape_for_terminal(std::string("a\0b", 3)), "a\\x00b");
  EXPECT_EQ(ml::utf8::escape_for_terminal("\x1b[31m"), "\\x1b[31m");
  EXPECT_EQ(ml::utf8::escape_for_terminal("\xe2\x80\xae" "abc"), "\\u202eabc");
  EXPECT_EQ(ml::utf8::escape_for_terminal("\xff"), "\\xff");
  EXPECT_EQ(ml::utf8::escape_for_terminal("日本語 ok"), "日本語 ok");
}
