#pragma once
// Stage 1 of the structural JSON parser (json.cpp), after simdjson: the text is read 64 bytes at a
// time; SIMD compares (and lookups) give one bit per byte for quotes, backslashes, the six structural
// characters, whitespace and control characters; escaped characters and the extent of strings
// come from those bit masks with integer arithmetic (a prefix XOR done with shifts, no
// carry-less multiply, which neither WebAssembly nor baseline x86-64 has); and the positions of
// the bytes stage 2 must look at are written out in order:
//   - every structural character outside strings ({ } [ ] : ,),
//   - every quote that opens or closes a string,
//   - inside strings, every backslash that starts an escape (stage 2 unescapes only those strings),
//   - the first byte of every run of other bytes outside strings (numbers, literals, garbage).
// Control characters inside strings and a string left open at the end make the document bad
// (`bad`). The same source builds for SSE2 natively and for SIMD128 in the -msimd128 module;
// without either (the scalar module) MLK_JSON_STRUCTURAL is 0 and only the byte parser is used.
// Internal to the kernels: included by json.cpp only.
#include <stdint.h>

#if defined(__wasm_simd128__) || defined(__SSE2__)
#define MLK_JSON_STRUCTURAL 1
#else
#define MLK_JSON_STRUCTURAL 0
#endif

#if MLK_JSON_STRUCTURAL
namespace mlk_json {

typedef uint8_t u8x16 __attribute__((vector_size(16)));
typedef char i8x16 __attribute__((vector_size(16)));

inline u8x16 load16(const uint8_t* p) {
  u8x16 v;
  __builtin_memcpy(&v, p, 16);
  return v;
}
// One bit per lane (lane 0 = bit 0) of a compare result (lanes all ones or all zeros).
inline uint64_t lane_bits(i8x16 m) {
#if defined(__wasm_simd128__)
  return uint64_t(uint32_t(__builtin_wasm_bitmask_i8x16(m)));
#else
  return uint64_t(uint32_t(__builtin_ia32_pmovmskb128(m)));
#endif
}
inline int popcount64(uint64_t x) {
#if defined(__wasm__) || defined(__POPCNT__)
  return __builtin_popcountll(x);
#else  // baseline x86-64 has no popcnt instruction (GCC would call libgcc)
  x = x - ((x >> 1) & 0x5555555555555555ull);
  x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
  return int((x * 0x0101010101010101ull) >> 56);
#endif
}
// Bit i set when an odd number of bits 0..i of x are set.
inline uint64_t prefix_xor(uint64_t x) {
  x ^= x << 1;
  x ^= x << 2;
  x ^= x << 4;
  x ^= x << 8;
  x ^= x << 16;
  x ^= x << 32;
  return x;
}

// The characters of one 64-byte block, one bit per byte.
struct BlockBits {
  uint64_t quote, backslash, op, space, control;
};
inline BlockBits classify(const uint8_t* p) {
  BlockBits b{0, 0, 0, 0, 0};
  for (int k = 0; k < 4; ++k) {
    u8x16 v = load16(p + 16 * k);
#if defined(__wasm_simd128__)
    // simdjson's lookups by the low four bits: a byte is whitespace when it equals its entry in
    // the first table, an operator when (with [ ] folded onto { }) it equals its entry in the
    // second (no byte of 0x80 or more equals an entry). Two swizzles instead of eight compares
    // and six ors: stage 1 alone over the 10 MB document of the seed benchmark, node 20,
    // best of 10: 6.7-8.0 -> 5.3-5.5 ms. (Baseline x86-64 has no byte shuffle: SSE2 compares.)
    const u8x16 ws_table = {' ', 100, 100, 100, 17, 100, 113, 2, 100, '\t', '\n', 112, 100, '\r', 100, 100};
    const u8x16 op_table = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ':', '{', ',', '}', 0, 0};
    u8x16 lo = v & 0x0f;
    i8x16 sp = i8x16(v == u8x16(__builtin_wasm_swizzle_i8x16(i8x16(ws_table), i8x16(lo))));
    i8x16 op = i8x16((v | 0x20) == u8x16(__builtin_wasm_swizzle_i8x16(i8x16(op_table), i8x16(lo))));
#else
    u8x16 folded = v | 0x20;  // '[' -> '{', ']' -> '}'
    i8x16 op = i8x16((folded == '{') | (folded == '}') | (v == ':') | (v == ','));
    i8x16 sp = i8x16((v == ' ') | (v == '\n') | (v == '\r') | (v == '\t'));
#endif
    i8x16 q = i8x16(v == '"'), bs = i8x16(v == '\\');
    i8x16 ctl = i8x16(v < 0x20);
    int sh = 16 * k;
    b.quote |= lane_bits(q) << sh;
    b.backslash |= lane_bits(bs) << sh;
    b.op |= lane_bits(op) << sh;
    b.space |= lane_bits(sp) << sh;
    b.control |= lane_bits(ctl) << sh;
  }
  return b;
}

// Characters escaped by a backslash (the byte after an odd run of backslashes); *carry: whether
// the first byte of the block is escaped (in: from the previous block; out: for the next).
inline uint64_t escaped_bits(uint64_t backslash, uint64_t* carry) {
  const uint64_t odd_bits = 0xaaaaaaaaaaaaaaaaull;
  if (!backslash) {
    uint64_t e = *carry;
    *carry = 0;
    return e;
  }
  uint64_t potential = backslash & ~*carry;  // an escaped backslash starts nothing
  // Runs of backslashes starting on an even byte keep their odd bits and vice versa, so after
  // the XOR every escaping backslash and every escaped byte is set (simdjson's trick).
  uint64_t codes = (((potential << 1) | odd_bits) - potential) ^ odd_bits;
  uint64_t escaped = codes ^ (backslash | *carry);
  uint64_t escape = codes & backslash;
  *carry = escape >> 63;
  return escaped;
}

// Streams the positions (stage 1 output) of text[0, len) into buffers, a chunk at a time.
struct Indexer {
  static constexpr int32_t kChunkBlocks = 16;                 // 1 KiB of text per fill
  static constexpr int32_t kCapacity = kChunkBlocks * 64 + 8;  // + room for whole-group writes
  const uint8_t* s;
  int32_t len;
  int32_t at = 0;  // next block
  uint64_t escape_carry = 0, in_string = 0, scalar_carry = 0;
  uint64_t bad = 0;  // control characters seen inside strings

  bool done() const { return at >= len; }
  // Positions from the next kChunkBlocks blocks into out[kCapacity]; returns how many.
  int32_t fill(uint32_t* out) {
    uint32_t* o = out;
    for (int32_t b = 0; b < kChunkBlocks && at < len; ++b, at += 64) {
      uint64_t bits;
      if (len - at >= 64) {
        bits = block(s + at);
      } else {  // the last, partial block, padded with spaces
        uint8_t tail[64];
        for (int32_t i = 0; i < 64; ++i) tail[i] = at + i < len ? s[at + i] : ' ';
        bits = block(tail);
        bad |= in_string;  // a string still open at the end
      }
      o = flatten(o, uint32_t(at), bits);
    }
    return int32_t(o - out);
  }

 private:
  uint64_t block(const uint8_t* p) {
    BlockBits c = classify(p);
    uint64_t escaped = escaped_bits(c.backslash, &escape_carry);
    uint64_t quote = c.quote & ~escaped;
    // inside: from an opening quote (included) to its closing quote (excluded)
    uint64_t inside = prefix_xor(quote) ^ in_string;
    in_string = uint64_t(int64_t(inside) >> 63);
    bad |= c.control & inside;
    uint64_t scalar = ~(c.op | c.space | quote | inside);
    uint64_t scalar_start = scalar & ~((scalar << 1) | scalar_carry);
    scalar_carry = scalar >> 63;
    return (c.op & ~inside) | quote | scalar_start | (c.backslash & inside & ~escaped);
  }
  // Appends base + the index of every set bit, in order (four at a time; past the count the
  // writes land in the buffer's slack and are overwritten by the next block's).
  static uint32_t* flatten(uint32_t* o, uint32_t base, uint64_t bits) {
    int32_t cnt = popcount64(bits);
    uint32_t* end = o + cnt;
    const uint64_t top = uint64_t(1) << 63;  // keeps ctz defined once bits runs out
    while (o < end) {
      o[0] = base + uint32_t(__builtin_ctzll(bits | top)), bits &= bits - 1;
      o[1] = base + uint32_t(__builtin_ctzll(bits | top)), bits &= bits - 1;
      o[2] = base + uint32_t(__builtin_ctzll(bits | top)), bits &= bits - 1;
      o[3] = base + uint32_t(__builtin_ctzll(bits | top)), bits &= bits - 1;
      o += 4;
    }
    return end;
  }
};

}  // namespace mlk_json
#endif
