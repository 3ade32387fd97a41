#include "lang/spelling_index.h"

#include <algorithm>
#include <cstdio>

#include "lang/pack.h"
#include "support/hash.h"

namespace ml {

void detection_spellings(const LanguagePack& pack, const std::function<void(const std::string&)>& add) {
  for (int i = 0; i < kConceptCount; ++i)
    for (const auto& s : pack.spellings(static_cast<Concept>(i))) add(s);
  for (const auto& [alias, canonical] : pack.builtins) add(alias);
  if (pack.code == "en")  // English builtin names are the canonical ones
    for (const auto& [alias, canonical] : pack.builtins) add(canonical);
}

std::optional<std::uint64_t> pack_file_digest(const std::string& path) {
  // One read into a buffer of the file's size: this runs on every file at each detection.
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return std::nullopt;
  std::string bytes;
  bool ok = std::fseek(f, 0, SEEK_END) == 0;
  long size = ok ? std::ftell(f) : -1;
  ok = size >= 0 && std::fseek(f, 0, SEEK_SET) == 0;
  if (ok) {
    bytes.resize(static_cast<std::size_t>(size));
    ok = std::fread(bytes.data(), 1, bytes.size(), f) == bytes.size() && std::fgetc(f) == EOF;
  }
  std::fclose(f);
  if (!ok) return std::nullopt;
  return hash64(bytes);
}

std::span<const std::uint16_t> PrebuiltIndex::find(std::string_view spelling) const {
  auto text_of = [&](const PrebuiltSpelling& s) { return std::string_view(text + s.text, s.size); };
  auto it = std::lower_bound(spellings.begin(), spellings.end(), spelling,
                             [&](const PrebuiltSpelling& s, std::string_view v) { return text_of(s) < v; });
  if (it == spellings.end() || text_of(*it) != spelling) return {};
  return {owners + it->owners, it->count};
}

#ifndef ML_PREBUILT_LANG_INDEX
// Builds without the generator (cross-compiled ones) detect from the parsed packs.
const PrebuiltIndex& prebuilt_index() {
  static const PrebuiltIndex none;
  return none;
}
#endif

}  // namespace ml
