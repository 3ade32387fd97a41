// What language detection looks up: every keyword and builtin spelling of every pack, with the
// packs that have it. Built from the parsed packs, or compiled into the program at build time
// (a generated table, lang_index_gen) so that detecting a language need not parse 17 packs.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace ml {

struct LanguagePack;

// Calls `add` with each spelling of `pack` that counts as evidence of its language: its
// keywords (reserved and soft), its builtin aliases, and for English the canonical builtins.
void detection_spellings(const LanguagePack& pack, const std::function<void(const std::string&)>& add);

// A pack file's bytes as one hash (see support/hash.h); nullopt when it cannot be read.
std::optional<std::uint64_t> pack_file_digest(const std::string& path);

// The table lang_index_gen writes. Packs are in code order; a spelling's owners are indexes into
// that order. Offsets and indexes instead of pointers: the table needs no relocation at start-up.
struct PrebuiltPack {
  char code[16];
  std::uint64_t digest;  // pack_file_digest of the file it was made from
};
struct PrebuiltSpelling {
  std::uint32_t text, size;     // into PrebuiltIndex::text
  std::uint32_t owners, count;  // into PrebuiltIndex::owners
};
struct PrebuiltIndex {
  std::span<const PrebuiltPack> packs;
  std::span<const PrebuiltSpelling> spellings;  // sorted by text, bytewise
  const char* text = "";
  const std::uint16_t* owners = nullptr;

  // The indexes of the packs that have `spelling` (empty when none does).
  std::span<const std::uint16_t> find(std::string_view spelling) const;
};

// The table compiled into this program (with no packs when the build made none).
const PrebuiltIndex& prebuilt_index();

}  // namespace ml
