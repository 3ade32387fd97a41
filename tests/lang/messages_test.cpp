// Every message of every pack: present, with the English placeholders, and really translated.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "lang/pack.h"

using namespace ml;

namespace {

const LanguageRegistry& registry() {
  static const LanguageRegistry r(std::string(ML_SOURCE_DIR) + "/languages");
  return r;
}

std::set<std::string> placeholders(const std::string& t) {
  std::set<std::string> out;
  static const std::regex ph(R"(\{\{|\}\}|\{([A-Za-z_]+)\})");  // {{ and }} are literal braces
  for (std::sregex_iterator it(t.begin(), t.end(), ph), end; it != end; ++it)
    if ((*it)[1].matched) out.insert((*it)[1]);
  return out;
}

// True when the template has words of its own, not only placeholders, digits and punctuation:
// such a message must read differently in every other language.
bool has_words(const std::string& t) {
  std::string rest = std::regex_replace(t, std::regex(R"(\{[A-Za-z_]+\})"), "");
  for (char c : rest)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return false;
}

// Message ids named in the sources: "runtime.x" / "syntax.x" literals and word("x") calls
// (syntax.word_x), plus the words check_target picks from its table by expression kind.
std::set<std::string> ids_used_by_the_code() {
  std::set<std::string> ids = {"syntax.word_literal", "syntax.word_expression", "syntax.word_comparison",
                               "syntax.word_conditional", "syntax.word_named_expression", "syntax.word_call"};
  static const std::regex literal(R"re("((runtime|syntax)\.[a-z_]*[a-z])")re");  // not a prefix like "syntax.word_"
  static const std::regex word(R"re(\bword\("([a-z_]+)"\))re");
  for (const auto& e : std::filesystem::recursive_directory_iterator(std::string(ML_SOURCE_DIR) + "/src")) {
    auto ext = e.path().extension();
    if (ext != ".cpp" && ext != ".h") continue;
    std::ifstream in(e.path());
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    for (std::sregex_iterator it(text.begin(), text.end(), literal), end; it != end; ++it) ids.insert((*it)[1]);
    for (std::sregex_iterator it(text.begin(), text.end(), word), end; it != end; ++it)
      ids.insert("syntax.word_" + (*it)[1].str());
  }
  return ids;
}

}  // namespace

TEST(Messages, EveryIdTheCodeUsesIsInEveryPack) {
  std::set<std::string> ids = ids_used_by_the_code();
  // The scan must find the ids it is there to check, or it checks nothing.
  EXPECT_TRUE(ids.count("runtime.missing_positional")) << "source scan found no ids";
  EXPECT_TRUE(ids.count("syntax.word_newline"));
  EXPECT_GT(ids.size(), 60u);
  for (const auto& code : registry().codes()) {
    const LanguagePack& p = *registry().find(code);
    for (const auto& id : ids) EXPECT_TRUE(p.messages().count(id)) << code << " lacks " << id;
  }
}

TEST(Messages, EveryPackTranslatesEveryMessage) {
  const LanguagePack& en = registry().english();
  int checked = 0;
  for (const auto& code : registry().codes()) {
    if (code == "en") continue;
    const LanguagePack& p = *registry().find(code);
    for (const auto& [id, tmpl] : en.messages()) {
      auto it = p.messages().find(id);
      if (it == p.messages().end()) {
        ADD_FAILURE() << code << " lacks " << id;
        continue;
      }
      EXPECT_EQ(placeholders(it->second), placeholders(tmpl)) << code << " " << id << ": " << it->second;
      if (has_words(tmpl)) EXPECT_NE(it->second, tmpl) << code << " leaves " << id << " in English";
      ++checked;
    }
  }
  EXPECT_EQ(checked, 16 * static_cast<int>(en.messages().size()));
}

TEST(Messages, HasWordsSeesOnlyText) {
  EXPECT_FALSE(has_words("{key}"));
  EXPECT_FALSE(has_words("{min}–{max}"));
  EXPECT_TRUE(has_words("{items} and {last}"));
  EXPECT_EQ(placeholders("{a} {{b}} {c}"), (std::set<std::string>{"a", "c"}));
}
