// Every message of every pack: present, with the English placeholders, and really translated.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <vector>

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
  static const std::regex literal(R"re("((runtime|syntax|library)\.[a-z_.]*[a-z])")re");  // not a prefix like "syntax.word_"
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


std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A _t(...) call in a library module: the message id it names and the English text it gives.
struct LibraryText {
  std::string file, id, english;
};

// Every _t("id", "english", ...) call in stdlib/**/*.py (_ml_text.text). The id is a
// "library." id unless it names one of the interpreter's own ("runtime.x", "errno.X"). A call the pattern
// cannot read (another quoting, a computed id) is reported with an empty id, so it fails the test
// instead of going unchecked.
std::vector<LibraryText> library_texts() {
  std::vector<LibraryText> out;
  static const std::regex call(R"re(_t\(\s*"([A-Za-z0-9_.]+)",\s*"((?:[^"\\]|\\.)*)")re");
  for (const auto& e : std::filesystem::recursive_directory_iterator(std::string(ML_SOURCE_DIR) + "/stdlib")) {
    if (e.path().extension() != ".py") continue;
    std::string text = read_file(e.path());
    std::string file = e.path().filename().string();
    size_t calls = 0;
    for (size_t at = text.find("_t("); at != std::string::npos; at = text.find("_t(", at + 3))
      if (at == 0 || !(std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '_')) ++calls;
    size_t read = 0;
    for (std::sregex_iterator it(text.begin(), text.end(), call), end; it != end; ++it, ++read) {
      std::string id = (*it)[1], english;
      std::string lit = (*it)[2];
      for (size_t i = 0; i < lit.size(); ++i) {  // the Python string literal's escapes
        if (lit[i] == '\\' && i + 1 < lit.size()) {
          char c = lit[++i];
          english += c == 'n' ? '\n' : c == 't' ? '\t' : c;
        } else {
          english += lit[i];
        }
      }
      bool own = id.rfind("runtime.", 0) == 0 || id.rfind("errno.", 0) == 0;
      out.push_back({file, own ? id : "library." + id, english});
    }
    for (; read < calls; ++read) out.push_back({file, "", ""});
  }
  return out;
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
      if (has_words(tmpl)) {
        EXPECT_NE(it->second, tmpl) << code << " leaves " << id << " in English";
      }
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

TEST(Messages, EveryLibraryTextIsInEveryPackAsWrittenInEnglish) {
  std::vector<LibraryText> texts = library_texts();
  EXPECT_GT(texts.size(), 20u) << "the stdlib scan found no _t() calls";
  const LanguagePack& en = registry().english();
  for (const auto& t : texts) {
    ASSERT_FALSE(t.id.empty()) << t.file << ": a _t() call the test cannot read (use _t(\"id\", \"English\", ...))";
    auto it = en.messages().find(t.id);
    ASSERT_TRUE(it != en.messages().end()) << t.file << ": the English pack lacks " << t.id;
    // The text at the call site is the one used without a pack: it must say what the pack says
    // (CPython's words), for a runtime id too (the pack's template is then the interpreter's).
    if (t.id.rfind("library.", 0) == 0) {
      EXPECT_EQ(it->second, t.english) << t.file << " " << t.id;
    }
    EXPECT_EQ(placeholders(t.english), placeholders(it->second)) << t.file << " " << t.id;
    for (const auto& code : registry().codes()) {
      const LanguagePack& p = *registry().find(code);
      auto pt = p.messages().find(t.id);
      if (pt == p.messages().end()) {
        ADD_FAILURE() << code << " lacks " << t.id << " (" << t.file << ")";
        continue;
      }
      EXPECT_EQ(placeholders(pt->second), placeholders(t.english)) << code << " " << t.id << ": " << pt->second;
    }
  }
}

TEST(Messages, LibraryScanReadsTheCallsItChecks) {
  std::vector<LibraryText> texts = library_texts();
  bool found = false;
  for (const auto& t : texts)
    if (t.id == "library.statistics.mean_empty") {
      found = true;
      EXPECT_EQ(t.english, "mean requires at least one data point");
    }
  EXPECT_TRUE(found) << "statistics.mean_empty not found in stdlib/statistics.py";
}
