#include "engine/disk_cache.h"
#include "support/hash.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>

namespace ml::engine {
namespace fs = std::filesystem;

namespace {

constexpr char kMagic[8] = {'M', 'L', 'W', 'A', 'S', 'M', 'C', '1'};

struct Header {
  char magic[8];
  uint64_t key_hash, wire_size, wire_hash, data_size, data_hash;
};

uint64_t content_hash(std::span<const uint8_t> b) {
  return hash64(std::string_view(reinterpret_cast<const char*>(b.data()), b.size()));
}

uint64_t content_hash(const std::string& s) { return hash64(s); }

}  // namespace

std::optional<fs::path> DiskCache::default_directory() {
  fs::path dir;
  if (const char* d = std::getenv("MULTILINGUAL_CACHE_DIR"); d && *d) dir = d;
  else if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) dir = fs::path(x) / "multilingual" / "wasm";
  else if (const char* h = std::getenv("HOME"); h && *h) dir = fs::path(h) / ".cache" / "multilingual" / "wasm";
  else return std::nullopt;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (!fs::is_directory(dir, ec) || ::access(dir.c_str(), W_OK) != 0) return std::nullopt;
  return dir;
}

DiskCache::DiskCache(fs::path dir, std::string engine_key)
    : dir_(std::move(dir)), engine_key_(std::move(engine_key)), key_hash_(content_hash(engine_key_)) {}

fs::path DiskCache::entry_path(std::span<const uint8_t> wire) const {
  char name[64];
  std::snprintf(name, sizeof name, "%016llx-%016llx.v8c", static_cast<unsigned long long>(content_hash(wire)),
                static_cast<unsigned long long>(key_hash_));
  return dir_ / name;
}

std::optional<std::vector<uint8_t>> DiskCache::load(std::span<const uint8_t> wire) const {
  std::ifstream in(entry_path(wire), std::ios::binary);
  if (!in) return std::nullopt;
  Header h{};
  if (!in.read(reinterpret_cast<char*>(&h), sizeof h)) return std::nullopt;
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.key_hash != key_hash_ || h.wire_size != wire.size() ||
      h.wire_hash != content_hash(wire) || h.data_size == 0 || h.data_size > (uint64_t(1) << 32))
    return std::nullopt;
  std::vector<uint8_t> data(h.data_size);
  if (!in.read(reinterpret_cast<char*>(data.data()), static_cast<std::streamsize>(data.size()))) return std::nullopt;
  if (in.peek() != std::char_traits<char>::eof() || content_hash(data) != h.data_hash) return std::nullopt;
  return data;
}

void DiskCache::store(std::span<const uint8_t> wire, std::span<const uint8_t> data) const {
  if (data.empty()) return;
  fs::path final_path = entry_path(wire);
  fs::path tmp = final_path;
  tmp += ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return;
    Header h{};
    std::memcpy(h.magic, kMagic, sizeof kMagic);
    h.key_hash = key_hash_;
    h.wire_size = wire.size();
    h.wire_hash = content_hash(wire);
    h.data_size = data.size();
    h.data_hash = content_hash(data);
    out.write(reinterpret_cast<const char*>(&h), sizeof h);
    out.write(reinterpret_cast<const char*>(data.data()), static_cast<std::streamsize>(data.size()));
    if (!out.flush()) {
      std::error_code ec;
      fs::remove(tmp, ec);
      return;
    }
  }
  std::error_code ec;
  fs::rename(tmp, final_path, ec);
  if (ec) fs::remove(tmp, ec);
  prune();
}

void DiskCache::remove(std::span<const uint8_t> wire) const {
  std::error_code ec;
  fs::remove(entry_path(wire), ec);
}

void DiskCache::prune() const {
  std::error_code ec;
  std::vector<std::pair<fs::file_time_type, fs::path>> entries;
  for (const auto& e : fs::directory_iterator(dir_, ec))
    if (e.path().extension() == ".v8c") entries.emplace_back(e.last_write_time(ec), e.path());
  if (entries.size() <= kMaxEntries) return;
  std::sort(entries.begin(), entries.end());
  for (size_t i = 0; i + kMaxEntries < entries.size(); ++i) fs::remove(entries[i].second, ec);
}

}  // namespace ml::engine
