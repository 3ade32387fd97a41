// The set of language packs found in the languages directory, and language detection.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <span>
#include <stdexcept>

#include "lang/pack.h"
#include "lang/spelling_index.h"
#include "support/install_layout.h"
#include "support/utf8.h"

namespace ml {

namespace fs = std::filesystem;

struct LanguageRegistry::Lazy {
  std::mutex mu;
  // Every pack file by code (its file name); null until read.
  std::map<std::string, std::unique_ptr<LanguagePack>, std::less<>> packs;
  const LanguagePack* en = nullptr;
  // Detection's index: the one compiled in when it was made from exactly these files, else
  // every keyword/builtin spelling of the parsed packs -> the indexes (in code order) of the
  // packs that have it.
  enum class Index { Unknown, Prebuilt, Parsed } index = Index::Unknown;
  std::map<std::string, std::vector<std::uint16_t>, std::less<>> spelling_index;
  std::string dir;

  std::string file_of(const std::string& code) const { return (fs::path(dir) / (code + ".toml")).string(); }

  // Reads the pack of `it` (under mu).
  const LanguagePack* load(decltype(packs)::iterator it) {
    if (it->second) return it->second.get();
    std::string file = file_of(it->first);
    auto pack = load_pack(file, /*defer_messages=*/true);
    if (pack->code != it->first)
      throw std::runtime_error(file + ": key 'meta.code': '" + pack->code + "' does not match the file name '" +
                               it->first + ".toml'");
    if (it->first != "en") pack->fallback = en;
    it->second = std::move(pack);
    return it->second.get();
  }

  // Whether the index compiled in was made from these very files: same codes, same bytes.
  bool prebuilt_matches() const {
    const PrebuiltIndex& pre = prebuilt_index();
    if (pre.packs.size() != packs.size()) return false;
    std::size_t i = 0;
    for (const auto& [code, p] : packs) {
      const PrebuiltPack& want = pre.packs[i++];
      if (code != want.code || pack_file_digest(file_of(code)) != want.digest) return false;
    }
    return true;
  }

  // Makes detection's index (under mu): checks the compiled-in one, else reads every pack.
  void make_index() {
    if (index != Index::Unknown) return;
    if (packs.size() <= 0xffff && prebuilt_matches()) {
      index = Index::Prebuilt;
      return;
    }
    std::uint16_t i = 0;
    for (auto it = packs.begin(); it != packs.end(); ++it, ++i)
      detection_spellings(*load(it), [&](const std::string& s) {
        auto& v = spelling_index[s];
        if (v.empty() || v.back() != i) v.push_back(i);
      });
    index = Index::Parsed;
  }

  // The packs (by index) that have `spelling`.
  std::span<const std::uint16_t> owners(std::string_view spelling) const {
    if (index == Index::Prebuilt) return prebuilt_index().find(spelling);
    auto it = spelling_index.find(spelling);
    return it == spelling_index.end() ? std::span<const std::uint16_t>{} : std::span<const std::uint16_t>(it->second);
  }
};

LanguageRegistry::LanguageRegistry(const std::string& dir) : lazy_(std::make_unique<Lazy>()) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw std::runtime_error(dir + ": language pack directory not found");
  lazy_->dir = dir;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == ".toml") lazy_->packs[e.path().stem().string()] = nullptr;
  auto en = lazy_->packs.find("en");
  if (en == lazy_->packs.end())
    throw std::runtime_error(dir + ": no English pack (en.toml), which every other pack falls back on");
  lazy_->en = lazy_->load(en);
}

LanguageRegistry::~LanguageRegistry() = default;

const LanguageRegistry& LanguageRegistry::instance() {
  static const LanguageRegistry registry(install::locate(install::Data::Languages).path.string());
  return registry;
}

const LanguagePack* LanguageRegistry::find(std::string_view code) const {
  std::lock_guard<std::mutex> lock(lazy_->mu);
  auto it = lazy_->packs.find(code);
  return it == lazy_->packs.end() ? nullptr : lazy_->load(it);
}

const LanguagePack& LanguageRegistry::english() const { return *lazy_->en; }

std::vector<std::string> LanguageRegistry::codes() const {
  std::vector<std::string> out;
  for (const auto& [code, p] : lazy_->packs) out.push_back(code);  // the keys never change
  return out;
}

namespace {

struct Word {
  std::string text;
  bool joined_to_next = false;  // only spaces/tabs between this word and the next
  bool dotted = false;          // right after or right before a '.': an attribute or a module
};

// The identifier-like words of a program, outside comments and string literals.
std::vector<Word> words_of(std::string_view src) {
  std::vector<Word> out;
  std::size_t i = 0;
  std::string cur;
  bool only_space = false;  // since the last word: nothing but spaces and tabs
  bool starts_after_dot = false;
  auto flush = [&] {
    if (cur.empty()) return;
    if (!out.empty()) out.back().joined_to_next = only_space;
    out.push_back(Word{cur, false, starts_after_dot || (i < src.size() && src[i] == '.')});
    cur.clear();
    only_space = true;
  };
  while (i < src.size()) {
    utf8::Decoded d = utf8::decode(src, i);
    char32_t c = d.cp;
    if (d.ok && (cur.empty() ? utf8::is_identifier_start(c) : utf8::is_identifier_continue(c))) {
      if (cur.empty()) starts_after_dot = i > 0 && src[i - 1] == '.';
      cur.append(src.substr(i, d.len));
      i += d.len;
      continue;
    }
    flush();
    if (c == ' ' || c == '\t') {
      ++i;
      continue;
    }
    only_space = false;
    if (c == '#') {
      while (i < src.size() && src[i] != '\n') ++i;
      continue;
    }
    if (c == '"' || c == '\'') {
      char q = static_cast<char>(c);
      bool triple = i + 2 < src.size() && src[i + 1] == q && src[i + 2] == q;
      i += triple ? 3 : 1;
      while (i < src.size()) {
        if (src[i] == '\\') { i += 2; continue; }
        if (!triple && src[i] == '\n') break;
        if (src[i] == q && (!triple || (i + 2 < src.size() && src[i + 1] == q && src[i + 2] == q))) {
          i += triple ? 3 : 1;
          break;
        }
        ++i;
      }
      continue;
    }
    i += d.ok ? d.len : 1;
  }
  flush();
  return out;
}

}  // namespace

std::map<std::string, double> LanguageRegistry::detect_scores(std::string_view source) const {
  {
    std::lock_guard<std::mutex> lock(lazy_->mu);
    lazy_->make_index();  // after this, nothing the scoring below reads changes
  }
  std::vector<double> by_index(lazy_->packs.size(), 0.0);
  std::vector<Word> words = words_of(source);
  for (auto& w : words) w.text = utf8::nfc(w.text);
  // A one-letter word ("i", "y", "o", "e", "w") is weak evidence: it is as likely a variable,
  // and a program that names 400 variables `i` is no more Danish for it. Each such spelling
  // counts a quarter of a keyword per use, a whole keyword at most.
  std::map<std::string, double, std::less<>> one_letter_total;
  for (std::size_t i = 0; i < words.size();) {
    std::size_t matched = 0;
    std::span<const std::uint16_t> owners;
    std::string phrase = words[i].text;
    std::string candidates[3] = {phrase};
    std::size_t n = 1;
    for (; n < 3 && i + n < words.size() && words[i + n - 1].joined_to_next; ++n) {
      phrase += " " + words[i + n].text;
      candidates[n] = phrase;
    }
    for (std::size_t k = n; k >= 1 && owners.empty(); --k) {
      owners = lazy_->owners(candidates[k - 1]);
      if (!owners.empty()) matched = k;
    }
    // `locale.atof(...)`, `self.print`: a word beside a dot names an attribute or a module,
    // never a keyword, so it says nothing of the language (Italian's `locale` is `nonlocal`).
    if (owners.empty() || words[i].dotted) {
      ++i;
      continue;
    }
    double weight = 1.0;
    if (utf8::length(candidates[matched - 1]) == 1) {
      double& total = one_letter_total[candidates[matched - 1]];
      weight = std::min(0.25, 1.0 - total);
      total += weight;
    }
    for (std::uint16_t p : owners) by_index[p] += weight / static_cast<double>(owners.size());
    i += matched;
  }
  std::map<std::string, double> scores;
  std::size_t k = 0;
  for (const auto& [code, p] : lazy_->packs) scores[code] = by_index[k++];
  return scores;
}

bool LanguageRegistry::detection_index_prebuilt() const {
  std::lock_guard<std::mutex> lock(lazy_->mu);
  lazy_->make_index();
  return lazy_->index == Lazy::Index::Prebuilt;
}

std::string LanguageRegistry::detect(std::string_view source) const {
  auto scores = detect_scores(source);
  // English unless another language has clearly more evidence (half a keyword at least).
  std::string best = "en";
  double en = scores.count("en") ? scores["en"] : 0.0;
  double top = en + 0.5 - 1e-9;
  for (const auto& [code, s] : scores)
    if (code != "en" && s > top) best = code, top = s;
  return best;
}

}  // namespace ml
