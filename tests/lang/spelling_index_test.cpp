// Language detection's table compiled in at build time against the same table made from the
// parsed packs, and what happens when the packs are not the ones it was made from.
#include "lang/spelling_index.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "lang/pack.h"
#include "support/hash.h"

using namespace ml;
namespace fs = std::filesystem;

namespace {

const std::string kLangDir = std::string(ML_SOURCE_DIR) + "/languages";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A copy of the shipped packs in a scratch folder, `fr.toml` edited by `edit`.
fs::path copy_of_packs(const std::string& name, const std::function<std::string(std::string)>& edit) {
  fs::path dir = fs::path(ML_BUILD_DIR) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const auto& e : fs::directory_iterator(kLangDir))
    if (e.path().extension() == ".toml") fs::copy_file(e.path(), dir / e.path().filename());
  std::string fr = read_file(dir / "fr.toml");
  std::ofstream(dir / "fr.toml", std::ios::binary | std::ios::trunc) << edit(fr);
  return dir;
}

}  // namespace

TEST(Hash64, SameBytesSameValueAndEveryByteCounts) {
  EXPECT_EQ(hash64("language pack"), hash64(std::string("language pack")));
  EXPECT_NE(hash64(""), hash64(std::string_view("\0", 1)));
  std::string s(37, 'a');  // a whole word and a tail
  std::uint64_t base = hash64(s);
  for (std::size_t i = 0; i < s.size(); ++i) {
    std::string t = s;
    t[i] = 'b';
    EXPECT_NE(hash64(t), base) << i;
  }
  EXPECT_NE(hash64(s, 1), base);
}

// The shipped packs are the ones the table was made from, and every program the project holds
// scores exactly as it does when each pack is parsed (a one-line comment added to one pack makes
// the registry parse them all).
TEST(SpellingIndex, PrebuiltTableScoresAsTheParsedPacks) {
  LanguageRegistry shipped(kLangDir);
  EXPECT_TRUE(shipped.detection_index_prebuilt());
  EXPECT_EQ(prebuilt_index().packs.size(), shipped.codes().size());
  fs::path dir = copy_of_packs("spelling_index_parsed", [](std::string s) { return s + "# edited\n"; });
  LanguageRegistry parsed(dir.string());
  EXPECT_FALSE(parsed.detection_index_prebuilt());
  int n = 0;
  for (const char* sub : {"/tests/corpus", "/tests/pyperf", "/examples"}) {
    for (const auto& e : fs::recursive_directory_iterator(std::string(ML_SOURCE_DIR) + sub)) {
      auto ext = e.path().extension();
      if (ext != ".multi" && ext != ".py") continue;
      std::string src = read_file(e.path());
      EXPECT_EQ(shipped.detect_scores(src), parsed.detect_scores(src)) << e.path();
      ++n;
    }
  }
  EXPECT_GE(n, 60);
  fs::remove_all(dir);
}

// A pack changed after the build is read as it is now, not as the table remembers it.
TEST(SpellingIndex, AChangedPackIsNotAnsweredFromTheTable) {
  fs::path dir = copy_of_packs("spelling_index_changed", [](std::string s) {
    auto at = s.find("pass = \"passer\"");
    EXPECT_NE(at, std::string::npos);
    return s.replace(at, 15, "pass = [\"passer\", \"zzpasse\"]");
  });
  LanguageRegistry changed(dir.string());
  LanguageRegistry shipped(kLangDir);
  EXPECT_EQ(changed.detect("zzpasse\nzzpasse\n"), "fr");
  EXPECT_EQ(shipped.detect("zzpasse\nzzpasse\n"), "en");
  EXPECT_FALSE(changed.detection_index_prebuilt());
  fs::remove_all(dir);
}

TEST(SpellingIndex, FindsExactSpellingsOnly) {
  const PrebuiltIndex& index = prebuilt_index();
  ASSERT_FALSE(index.spellings.empty());
  LanguageRegistry shipped(kLangDir);
  auto codes = shipped.codes();
  auto fr = std::find(codes.begin(), codes.end(), "fr") - codes.begin();
  auto owners = index.find("afficher");
  EXPECT_NE(std::find(owners.begin(), owners.end(), fr), owners.end());
  EXPECT_TRUE(index.find("afficherx").empty());
  EXPECT_TRUE(index.find("").empty());
  EXPECT_FALSE(index.find("sinon si").empty());  // several words, one space between
}
