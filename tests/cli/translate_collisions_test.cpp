// `translate` must not change what a program does when the program's own names are spelled
// like keywords or builtins of the target language (in code and inside f-strings): for each
// language, an English program whose names are that language's keywords and builtin names is
// translated, run, and must print what the English program prints.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <sstream>

#include "run_util.h"

namespace fs = std::filesystem;
using namespace ml::test;

namespace {

const char* kLangs[] = {"fr", "es", "de", "it", "pt", "pl", "nl", "sv", "da", "fi", "hi", "bn", "ta", "ar", "zh", "ja"};

// The one-word spellings of a pack's keywords and builtins (its [keywords] and [builtins]).
std::vector<std::string> pack_words(const std::string& code) {
  std::istringstream in(read_file(fs::path(ML_SOURCE_DIR) / "languages" / (code + ".toml")));
  std::vector<std::string> out;
  std::string line, section;
  std::regex quoted("\"([^\"]*)\"");
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] == '[') {
      section = line;
      continue;
    }
    if (section != "[keywords]" && section != "[builtins]") continue;
    size_t eq = line.find('=');
    if (eq == std::string::npos) continue;
    std::string rhs = line.substr(eq + 1);
    for (std::sregex_iterator it(rhs.begin(), rhs.end(), quoted), end; it != end; ++it) {
      std::string w = (*it)[1];
      bool ident = !w.empty() && !(w[0] >= '0' && w[0] <= '9');
      for (unsigned char c : w) ident &= c >= 0x80 || std::isalnum(c) || c == '_';
      if (ident) out.push_back(w);
    }
  }
  return out;
}

std::string program(const std::vector<std::string>& w) {
  std::string p =
      "W0 = 3\n"
      "W1 = [4, 1, 3]\n"
      "def W2(W3, W4=2):\n"
      "    W5 = W3 * W4\n"
      "    return W5 + W0\n"
      "class W6:\n"
      "    def __init__(self, W7):\n"
      "        self.W7 = W7\n"
      "    def W8(self):\n"
      "        return self.W7 * 2\n"
      "W9 = W6(W0)\n"
      "print(W2(W0), W2(W3=1, W4=5), len(W1), max(W1), sorted(W1))\n"
      "print(f\"{W0} {W2(W0) + 1} {W9.W8()} {len(W1):>4} {W0=} {W0 + 1=}\")\n"
      "for W10 in range(W0):\n"
      "    print(W10, end=\" \")\n"
      "print()\n"
      "W11 = [W12 * 2 for W12 in W1 if W12 > 1]\n"
      "print(W11, sum(W11), f\"{[W12 for W12 in W11]!r}\")\n";
  // W10 before W1, W11 and W12
  for (int i = 12; i >= 0; --i) {
    std::string key = "W" + std::to_string(i);
    for (size_t at; (at = p.find(key)) != std::string::npos;) p.replace(at, key.size(), w[size_t(i)]);
  }
  return p;
}

TEST(TranslateCollisions, OwnNamesSpelledLikeTheTargetsWordsKeepTheirMeaning) {
  std::set<std::string> english;
  for (const auto& w : pack_words("en")) english.insert(w);
  for (const char* w : {"print", "len", "max", "sorted", "range", "sum", "self", "end", "__init__"}) english.insert(w);
  auto dir = scratch_dir("translate_collisions");
  int programs = 0;
  for (const char* to : kLangs) {
    std::vector<std::string> words;
    std::set<std::string> seen;
    for (const auto& w : pack_words(to))
      if (!english.count(w) && seen.insert(w).second) words.push_back(w);
    ASSERT_GE(words.size(), 13u) << to;
    // two programs per language, from both ends of its word list (keywords, then builtins)
    for (int k = 0; k < 2; ++k) {
      std::vector<std::string> pick;
      for (size_t i = 0; i < 13; ++i) pick.push_back(k == 0 ? words[i] : words[words.size() - 1 - i]);
      std::string src = program(pick);
      write_file(dir / "en.multi", src);
      auto want = run_ml("run --lang en en.multi", dir.string());
      ASSERT_EQ(want.status, 0) << to << ": the English program itself fails\n" << src << want.out;
      auto tr = run_ml("translate en.multi --lang en --to " + std::string(to), dir.string(), false);
      ASSERT_EQ(tr.status, 0) << to << "\n" << src;
      write_file(dir / "out.multi", tr.out);
      auto got = run_ml("run --lang " + std::string(to) + " out.multi", dir.string());
      EXPECT_EQ(got.out, want.out) << "to " << to << "\n--- English:\n" << src << "--- translated:\n" << tr.out;
      ++programs;
    }
  }
  EXPECT_EQ(programs, 32);
}


// Soft keywords (match, case, default, let, const) used as names, attributes and keyword
// arguments stay names in every target language; used as keywords they are translated.
TEST(TranslateCollisions, SoftKeywordsUsedAsNamesStayNames) {
  const std::string src =
      "class R:\n"
      "    def match(self, s):\n"
      "        return s * 2\n"
      "default = 5\n"
      "match = default + 1\n"
      "let = [match, default]\n"
      "print(R().match(3), max([], default=let), let, {}.get(1, default))\n"
      "match let:\n"
      "    case [6, 5]:\n"
      "        print('six five')\n"
      "    case _:\n"
      "        print('other')\n";
  auto dir = scratch_dir("translate_soft");
  write_file(dir / "en.multi", src);
  auto want = run_ml("run --lang en en.multi", dir.string());
  ASSERT_EQ(want.status, 0) << want.out;
  ASSERT_EQ(want.out, "6 [6, 5] [6, 5] 5\nsix five\n");
  for (const char* to : kLangs) {
    auto tr = run_ml("translate en.multi --lang en --to " + std::string(to), dir.string(), false);
    ASSERT_EQ(tr.status, 0) << to;
    EXPECT_NE(tr.out.find(".match("), std::string::npos) << to << "\n" << tr.out;
    EXPECT_NE(tr.out.find("default="), std::string::npos) << to << "\n" << tr.out;
    write_file(dir / "out.multi", tr.out);
    auto got = run_ml("run --lang " + std::string(to) + " out.multi", dir.string());
    EXPECT_EQ(got.out, want.out) << "to " << to << "\n" << tr.out;
  }
}

}  // namespace
