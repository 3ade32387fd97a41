// A fast non-cryptographic 64-bit hash of a byte string, eight bytes a step: for telling whether
// a file changed since a build (the same bytes give the same value on every little-endian host).
#pragma once
#include <cstdint>
#include <string_view>

namespace ml {

std::uint64_t hash64(std::string_view bytes, std::uint64_t seed = 0);

}  // namespace ml
