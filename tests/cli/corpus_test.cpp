// Every corpus program runs through `multilingual run` and prints exactly its expected
// output; translated to each of the 17 languages it still does.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "run_util.h"

namespace fs = std::filesystem;
using namespace ml::test;

namespace {

struct CorpusEntry {
  std::string file, lang;
};

std::vector<CorpusEntry> corpus() {
  std::vector<CorpusEntry> out;
  std::ifstream in(fs::path(ML_CORPUS_DIR) / "LANGS");
  std::string f, l;
  while (in >> f >> l) out.push_back({f, l});
  return out;
}

std::string expected_for(const std::string& file) {
  std::string stem = file.substr(0, file.size() - 6);  // drop ".multi"
  fs::path override_path = fs::path(ML_SOURCE_DIR) / "tests/corpus_overrides" / (stem + ".expected");
  if (fs::exists(override_path)) return read_file(override_path);
  return read_file(fs::path(ML_CORPUS_DIR) / (stem + ".expected"));
}

std::string test_name(const CorpusEntry& e) {
  std::string n = e.file.substr(0, e.file.size() - 6);
  for (char& c : n)
    if (!isalnum(static_cast<unsigned char>(c))) c = '_';
  return n;
}

class Corpus : public ::testing::TestWithParam<CorpusEntry> {};

TEST_P(Corpus, PrintsExpectedOutput) {
  const auto& e = GetParam();
  auto dir = scratch_dir("corpus_" + test_name(e));
  auto r = run_ml("run " + shell_quote((fs::path(ML_CORPUS_DIR) / e.file).string()), dir.string());
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out, expected_for(e.file));
}

// Functions that compile run as WebAssembly; the rest fall back; the output is the same.
TEST_P(Corpus, PrintsExpectedOutputOnWasmBackend) {
  const auto& e = GetParam();
  auto dir = scratch_dir("corpus_wasm_" + test_name(e));
  auto r = run_ml("run --backend wasm " + shell_quote((fs::path(ML_CORPUS_DIR) / e.file).string()), dir.string());
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out, expected_for(e.file));
}

TEST_P(Corpus, DetectsItsLanguageAndChecks) {
  const auto& e = GetParam();
  auto r = run_ml("check " + shell_quote((fs::path(ML_CORPUS_DIR) / e.file).string()));
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("(" + e.lang + ")"), std::string::npos) << r.out;
}

// translate to every language, run, same output.
TEST_P(Corpus, TranslationRoundTrips) {
  const auto& e = GetParam();
  std::string expected = expected_for(e.file);
  auto dir = scratch_dir("translate_" + test_name(e));
  for (const char* to : {"en", "fr", "es", "de", "it", "pt", "pl", "nl", "sv", "da", "fi", "hi", "bn", "ta",
                         "ar", "zh", "ja"}) {
    auto tr = run_ml("translate " + shell_quote((fs::path(ML_CORPUS_DIR) / e.file).string()) + " --lang " +
                         e.lang + " --to " + to,
                     dir.string(), false);
    ASSERT_EQ(tr.status, 0) << "translate to " << to;
    fs::path out = dir / (std::string(to) + ".multi");
    write_file(out, tr.out);
    auto r = run_ml("run --lang " + std::string(to) + " " + shell_quote(out.string()), dir.string());
    EXPECT_EQ(r.status, 0) << "in " << to << ":\n" << r.out << "\n--- translated source:\n" << tr.out;
    EXPECT_EQ(r.out, expected) << "in " << to << "\n--- translated source:\n" << tr.out;
  }
}

INSTANTIATE_TEST_SUITE_P(All, Corpus, ::testing::ValuesIn(corpus()),
                         [](const auto& info) { return test_name(info.param); });

TEST(CorpusSet, CompleteFeaturesPrintTheSameInEightLanguages) {
  std::string en = read_file(fs::path(ML_CORPUS_DIR) / "complete_features_en.expected");
  for (const char* l : {"fr", "es", "de", "hi", "ar", "zh", "ja"})
    EXPECT_EQ(read_file(fs::path(ML_CORPUS_DIR) / (std::string("complete_features_") + l + ".expected")), en);
}

}  // namespace
