#pragma once
// Compiled modules kept on disk between processes, so a new process's first call of a kernel
// does not compile it again. The engine serializes what it compiled (V8: CompiledWasmModule::
// Serialize) and hands the bytes back on the next load; this file only stores and checks them.
//
// An entry is named by a hash of the module's bytes and of the engine's version and flags, and
// starts with a header recording the module's size and hash and the data's size and hash: an
// entry that is truncated, corrupt, or made for other bytes is never handed back (the module
// is compiled again and the entry rewritten). Writes go to a temporary file renamed into place,
// so a reader never sees half an entry. The folder keeps at most kMaxEntries files, the oldest
// removed first.
//
// Where: $MULTILINGUAL_CACHE_DIR, else $XDG_CACHE_HOME/multilingual/wasm, else
// ~/.cache/multilingual/wasm. No usable folder means no disk cache (never an error).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace ml::engine {

class DiskCache {
 public:
  static constexpr size_t kMaxEntries = 256;

  // The cache folder this process would use (created if missing), or nullopt.
  static std::optional<std::filesystem::path> default_directory();

  // `engine_key`: the engine's version and flags; entries made under another key are not used.
  DiskCache(std::filesystem::path dir, std::string engine_key);

  // The data stored for exactly these module bytes, if an intact entry exists.
  std::optional<std::vector<uint8_t>> load(std::span<const uint8_t> wire) const;
  // Stores (or replaces) the entry for these module bytes; failures are ignored (a cache).
  void store(std::span<const uint8_t> wire, std::span<const uint8_t> data) const;
  // Removes the entry for these module bytes (after the engine rejected it).
  void remove(std::span<const uint8_t> wire) const;

  const std::filesystem::path& directory() const { return dir_; }

 private:
  std::filesystem::path entry_path(std::span<const uint8_t> wire) const;
  void prune() const;

  std::filesystem::path dir_;
  std::string engine_key_;
  uint64_t key_hash_;
};

}  // namespace ml::engine
