// Compiled modules kept on disk between processes: entries are checked before use (corrupt,
// truncated, stale or foreign entries are never handed back), and an engine created after the
// process-wide cache is cleared (as a new process would be) loads the code it serialized.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>

#include "engine/disk_cache.h"
#include "engine/engine.h"

namespace fs = std::filesystem;
using namespace ml::engine;

namespace {

std::vector<uint8_t> read_bytes(const fs::path& path) {
  std::ifstream f(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(f), {});
}

void write_bytes(const fs::path& path, const std::vector<uint8_t>& b) {
  std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(b.data()), std::streamsize(b.size()));
}

fs::path fresh_dir(const std::string& name) {
  fs::path d = fs::path(ML_BUILD_DIR) / "test-scratch" / name;
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

std::vector<fs::path> entries(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".v8c") out.push_back(e.path());
  return out;
}

const std::vector<uint8_t> kWire = {0, 'a', 's', 'm', 1, 0, 0, 0, 9, 9, 9};
const std::vector<uint8_t> kData = {1, 2, 3, 4, 5, 6, 7, 8};

}  // namespace

TEST(DiskCache, StoresAndLoadsOnlyIntactEntriesForTheSameBytesAndEngine) {
  fs::path dir = fresh_dir("disk_cache_unit");
  DiskCache cache(dir, "V8 10.2 --flags");
  EXPECT_FALSE(cache.load(kWire));
  cache.store(kWire, kData);
  ASSERT_EQ(entries(dir).size(), 1u);
  EXPECT_EQ(cache.load(kWire), kData);

  // other module bytes, or another engine version/flags: not this entry
  std::vector<uint8_t> other = kWire;
  other.back() ^= 1;
  EXPECT_FALSE(cache.load(other));
  EXPECT_FALSE(DiskCache(dir, "V8 10.2 --other-flags").load(kWire));

  // one flipped bit anywhere, a truncated file, or bytes appended: refused
  fs::path entry = entries(dir)[0];
  std::vector<uint8_t> good = read_bytes(entry);
  for (size_t i = 0; i < good.size(); ++i) {
    std::vector<uint8_t> bad = good;
    bad[i] ^= 0x10;
    write_bytes(entry, bad);
    EXPECT_FALSE(cache.load(kWire)) << "flipped byte " << i;
  }
  write_bytes(entry, std::vector<uint8_t>(good.begin(), good.end() - 1));
  EXPECT_FALSE(cache.load(kWire));
  std::vector<uint8_t> longer = good;
  longer.push_back(0);
  write_bytes(entry, longer);
  EXPECT_FALSE(cache.load(kWire));

  // a store replaces the bad entry; remove() drops it
  cache.store(kWire, kData);
  EXPECT_EQ(cache.load(kWire), kData);
  cache.remove(kWire);
  EXPECT_FALSE(cache.load(kWire));
}

TEST(DiskCache, KeepsAtMostMaxEntries) {
  fs::path dir = fresh_dir("disk_cache_prune");
  DiskCache cache(dir, "k");
  for (size_t i = 0; i < DiskCache::kMaxEntries + 10; ++i) {
    std::vector<uint8_t> wire = kWire;
    wire.push_back(uint8_t(i));
    wire.push_back(uint8_t(i >> 8));
    cache.store(wire, kData);
  }
  EXPECT_EQ(entries(dir).size(), DiskCache::kMaxEntries);
}

TEST(DiskCache, FolderComesFromTheEnvironment) {
  fs::path dir = fresh_dir("disk_cache_env") / "nested" / "cache";
  ASSERT_EQ(setenv("MULTILINGUAL_CACHE_DIR", dir.c_str(), 1), 0);
  auto d = DiskCache::default_directory();
  ASSERT_TRUE(d);
  EXPECT_EQ(*d, dir);
  EXPECT_TRUE(fs::is_directory(dir));
  unsetenv("MULTILINGUAL_CACHE_DIR");
}

// A new engine after clear_module_cache() stands for a new process: it loads the serialized
// code instead of compiling, the module works, and a corrupt entry is recompiled and rewritten.
TEST(DiskCache, ANewProcessLoadsCompiledCodeFromDisk) {
  fs::path dir = fresh_dir("disk_cache_engine");
  ASSERT_EQ(setenv("MULTILINGUAL_CACHE_DIR", dir.c_str(), 1), 0);
  std::vector<uint8_t> wasm = read_bytes(fs::path(ML_BUILD_DIR) / "kernels" / "kernels_simd.wasm");
  ASSERT_FALSE(wasm.empty());
  auto call_fib = [](Engine& e, const std::shared_ptr<Module>& m) {
    auto inst = e.instantiate(m);
    return inst->call("mlk_fibonacci", {Val::I32(20)})[0];
  };

  clear_module_cache();
  auto first = create_engine();
  auto m1 = first->compile(wasm);
  EXPECT_FALSE(m1->from_disk_cache());
  Val expected = call_fib(*first, m1);
  ASSERT_EQ(entries(dir).size(), 1u);

  clear_module_cache();
  auto second = create_engine();
  auto m2 = second->compile(wasm);
  EXPECT_TRUE(m2->from_disk_cache());
  EXPECT_TRUE(m2->from_cache());
  EXPECT_EQ(second->cache_stats().disk_hits, 1u);
  EXPECT_EQ(call_fib(*second, m2).i64, expected.i64);

  // corrupt the serialized code: the entry is refused, the module compiled, the entry rewritten
  fs::path entry = entries(dir)[0];
  std::vector<uint8_t> bytes = read_bytes(entry);
  for (size_t i = bytes.size() / 2; i < bytes.size(); i += 97) bytes[i] ^= 0xff;
  write_bytes(entry, bytes);
  clear_module_cache();
  auto third = create_engine();
  auto m3 = third->compile(wasm);
  EXPECT_FALSE(m3->from_disk_cache());
  EXPECT_EQ(call_fib(*third, m3).i64, expected.i64);
  clear_module_cache();
  auto fourth = create_engine();
  EXPECT_TRUE(fourth->compile(wasm)->from_disk_cache());

  // cache = false: the disk is neither read nor written
  fs::remove_all(dir);
  fs::create_directories(dir);
  clear_module_cache();
  EngineOptions off;
  off.cache = false;
  auto fifth = create_engine(off);
  EXPECT_FALSE(fifth->compile(wasm)->from_disk_cache());
  EXPECT_TRUE(entries(dir).empty());
  unsetenv("MULTILINGUAL_CACHE_DIR");
}
