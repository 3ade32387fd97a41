// The set of language packs found in the languages directory, and language detection.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "lang/pack.h"
#include "support/install_layout.h"
#include "support/utf8.h"

namespace ml {

namespace fs = std::filesystem;

LanguageRegistry::LanguageRegistry(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw std::runtime_error(dir + ": language pack directory not found");
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == ".toml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    auto pack = load_pack(f.string(), /*defer_messages=*/true);
    std::string stem = f.stem().string();
    if (pack->code != stem)
      throw std::runtime_error(f.string() + ": key 'meta.code': '" + pack->code + "' does not match the file name '" +
                               stem + ".toml'");
    packs_[stem] = std::move(pack);
  }
  auto en = packs_.find("en");
  if (en == packs_.end()) throw std::runtime_error(dir + ": no English pack (en.toml), which every other pack falls back on");
  for (auto& [code, p] : packs_)
    if (code != "en") p->fallback = en->second.get();

  auto add = [&](const std::string& s, const LanguagePack* p) {
    auto& v = spelling_index_[s];
    if (std::find(v.begin(), v.end(), p) == v.end()) v.push_back(p);
  };
  for (auto& [code, p] : packs_) {
    for (int i = 0; i < kConceptCount; ++i)
      for (const auto& s : p->spellings(static_cast<Concept>(i))) add(s, p.get());
    for (const auto& [alias, canonical] : p->builtins) add(alias, p.get());
    if (code == "en")  // English builtin names are the canonical ones
      for (const auto& [alias, canonical] : p->builtins) add(canonical, p.get());
  }
}

const LanguageRegistry& LanguageRegistry::instance() {
  static const LanguageRegistry registry(install::locate(install::Data::Languages).path.string());
  return registry;
}

const LanguagePack* LanguageRegistry::find(std::string_view code) const {
  auto it = packs_.find(code);
  return it == packs_.end() ? nullptr : it->second.get();
}

const LanguagePack& LanguageRegistry::english() const { return *packs_.find("en")->second; }

std::vector<std::string> LanguageRegistry::codes() const {
  std::vector<std::string> out;
  for (const auto& [code, p] : packs_) out.push_back(code);
  return out;
}

namespace {

struct Word {
  std::string text;
  bool joined_to_next = false;  // only spaces/tabs between this word and the next
};

// The identifier-like words of a program, outside comments and string literals.
std::vector<Word> words_of(std::string_view src) {
  std::vector<Word> out;
  std::size_t i = 0;
  std::string cur;
  bool only_space = false;  // since the last word: nothing but spaces and tabs
  auto flush = [&] {
    if (cur.empty()) return;
    if (!out.empty()) out.back().joined_to_next = only_space;
    out.push_back(Word{cur, false});
    cur.clear();
    only_space = true;
  };
  while (i < src.size()) {
    utf8::Decoded d = utf8::decode(src, i);
    char32_t c = d.cp;
    if (d.ok && (cur.empty() ? utf8::is_identifier_start(c) : utf8::is_identifier_continue(c))) {
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
  std::map<std::string, double> scores;
  for (const auto& [code, p] : packs_) scores[code] = 0;
  std::vector<Word> words = words_of(source);
  for (auto& w : words) w.text = utf8::nfc(w.text);
  // A one-letter word ("i", "y", "o", "e", "w") is weak evidence: it is as likely a variable,
  // and a program that names 400 variables `i` is no more Danish for it. Each such spelling
  // counts a quarter of a keyword per use, a whole keyword at most.
  std::map<std::string, double, std::less<>> one_letter_total;
  for (std::size_t i = 0; i < words.size();) {
    std::size_t matched = 0;
    const std::vector<const LanguagePack*>* owners = nullptr;
    std::string phrase = words[i].text;
    std::string candidates[3] = {phrase};
    std::size_t n = 1;
    for (; n < 3 && i + n < words.size() && words[i + n - 1].joined_to_next; ++n) {
      phrase += " " + words[i + n].text;
      candidates[n] = phrase;
    }
    for (std::size_t k = n; k >= 1 && !owners; --k) {
      auto it = spelling_index_.find(candidates[k - 1]);
      if (it != spelling_index_.end()) owners = &it->second, matched = k;
    }
    if (!owners) {
      ++i;
      continue;
    }
    double weight = 1.0;
    if (utf8::length(candidates[matched - 1]) == 1) {
      double& total = one_letter_total[candidates[matched - 1]];
      weight = std::min(0.25, 1.0 - total);
      total += weight;
    }
    for (const LanguagePack* p : *owners) scores[p->code] += weight / static_cast<double>(owners->size());
    i += matched;
  }
  return scores;
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
