#include "lang/spelling_index.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

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
  // This runs on every pack at each detection. The file is hashed where the kernel maps it, not
  // copied to the heap: copies of different sizes would each leave their own heap pages touched
  // (the 17 packs are about 50 KB each), while a mapping's pages go when it is unmapped.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  std::optional<std::uint64_t> digest;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    std::size_t size = static_cast<std::size_t>(st.st_size);
    if (size == 0) {
      digest = hash64({});
    } else if (void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0); p != MAP_FAILED) {
      digest = hash64(std::string_view(static_cast<const char*>(p), size));
      ::munmap(p, size);
    }
  }
  ::close(fd);
  return digest;
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
