// Every corpus program runs through the interpreter and prints exactly its expected output
// (tests/corpus_overrides/NAME.expected replaces tests/corpus/NAME.expected where the original
// implementation did not decode string escapes; see that folder's README).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "interp_helpers.h"

namespace fs = std::filesystem;
using ml::interp::testing::run;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::map<std::string, std::string> corpus_langs() {
  std::map<std::string, std::string> m;
  std::ifstream f(fs::path(ML_CORPUS_DIR) / "LANGS");
  std::string file, lang;
  while (f >> file >> lang) m[file] = lang;
  return m;
}

class CorpusTest : public ::testing::TestWithParam<std::string> {};

TEST_P(CorpusTest, PrintsExpectedOutput) {
  const std::string name = GetParam();
  auto langs = corpus_langs();
  ASSERT_TRUE(langs.count(name + ".multi")) << "no language listed for " << name;
  fs::path dir(ML_CORPUS_DIR);
  fs::path override_file = fs::path(ML_SOURCE_DIR) / "tests" / "corpus_overrides" / (name + ".expected");
  std::string expected = slurp(fs::exists(override_file) ? override_file : dir / (name + ".expected"));
  std::string code = slurp(dir / (name + ".multi"));
  // programs that write files do so relative to the working directory
  fs::path tmp = fs::temp_directory_path() / ("ml_interp_corpus_" + name);
  fs::create_directories(tmp);
  auto old = fs::current_path();
  fs::current_path(tmp);
  std::string out = run(code, langs[name + ".multi"]);
  fs::current_path(old);
  EXPECT_EQ(out, expected) << "program: " << name;
}

std::vector<std::string> corpus_names() {
  std::vector<std::string> names;
  for (auto& e : fs::directory_iterator(ML_CORPUS_DIR)) {
    if (e.path().extension() == ".multi") names.push_back(e.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusTest, ::testing::ValuesIn(corpus_names()),
                         [](const ::testing::TestParamInfo<std::string>& i) { return i.param; });

TEST(CorpusTest, CompleteFeaturesAgreeAcrossLanguages) {
  auto langs = corpus_langs();
  std::string reference;
  for (auto& [file, lang] : langs) {
    if (file.rfind("complete_features_", 0) != 0) continue;
    fs::path tmp = fs::temp_directory_path() / "ml_interp_cf";
    fs::create_directories(tmp);
    auto old = fs::current_path();
    fs::current_path(tmp);
    std::string out = run(slurp(fs::path(ML_CORPUS_DIR) / file), lang);
    fs::current_path(old);
    if (reference.empty()) reference = out;
    EXPECT_EQ(out, reference) << file;
  }
  EXPECT_FALSE(reference.empty());
}

}  // namespace
