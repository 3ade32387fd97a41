#include "support/hash.h"

#include <cstring>

namespace ml {

namespace {

constexpr std::uint64_t kOdd = 0x9E3779B97F4A7C15ull;

std::uint64_t mix(std::uint64_t w) {
  w ^= w >> 32;
  w *= 0xBF58476D1CE4E5B9ull;
  w ^= w >> 29;
  return w;
}

}  // namespace

std::uint64_t hash64(std::string_view bytes, std::uint64_t seed) {
  std::uint64_t h = seed ^ (bytes.size() * kOdd);
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
    h = (h ^ mix(w)) * kOdd;
  }
  std::uint64_t tail = 0;
  for (std::size_t k = 0; i + k < bytes.size(); ++k)
    tail |= std::uint64_t(static_cast<unsigned char>(bytes[i + k])) << (8 * k);
  h = (h ^ mix(tail ^ kOdd)) * kOdd;
  return mix(h);
}

}  // namespace ml
