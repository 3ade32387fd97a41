// The structural JSON parser (SIMD stage 1 + stage 2: natively with SSE2, in kernels_simd.wasm
// with SIMD128) against the byte-at-a-time parser (the only one in kernels_scalar.wasm): on
// random documents, broken ones, and the shapes that cross stage 1's 64-byte blocks and 1 KiB
// chunks, all three give the same value or the same located error.
#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "kernels/kernels.h"
#include "runtime/backend_selector.h"

using namespace ml::runtime;

namespace {

BackendSelector& selector(Backend b, bool simd) {
  static BackendSelector* s[2][2] = {};
  BackendSelector*& p = s[b == Backend::Wasm][simd];
  if (!p) {
    BackendConfig c;
    c.kernels_dir = std::string(ML_BUILD_DIR) + "/kernels";
    c.prefer_backend = b;
    c.simd = simd;
    c.memory_pages = 1024;
    p = new BackendSelector(c);
  }
  return *p;
}

// The value, or the error's message (it locates the error: line, column, byte).
std::string outcome(BackendSelector& s, const std::string& doc) {
  try {
    Value v = s.call_function("json_parse", {Value::str(doc)});
    if (s.last_call_report().fell_back) return "fell back: " + s.last_call_report().note;
    return v.to_json();
  } catch (const CallError& e) {
    return std::string("error: ") + e.what();
  }
}

void expect_same(const std::string& doc) {
  BackendSelector& scalar = selector(Backend::Wasm, false);
  std::string ref = outcome(scalar, doc);
  std::string nat = outcome(selector(Backend::Native, true), doc);
  std::string simd = outcome(selector(Backend::Wasm, true), doc);
  EXPECT_EQ(nat, ref) << "native vs byte parser on [" << doc << "]";
  EXPECT_EQ(simd, ref) << "simd128 vs byte parser on [" << doc << "]";
}

struct Gen {
  std::mt19937 g{7};
  uint32_t r(uint32_t n) { return uint32_t(g() % n); }
  std::string value(int depth) {
    switch (depth > 5 ? 4 + r(6) : r(10)) {
      case 0: {
        std::string s = "[";
        for (uint32_t i = 0, m = r(4); i < m; ++i) s += (i ? (r(5) ? "," : " ,\n ") : "") + value(depth + 1);
        return s + "]";
      }
      case 1: {
        std::string s = "{";
        for (uint32_t i = 0, m = r(4); i < m; ++i)
          s += (i ? "," : "") + string() + (r(3) ? ":" : " :\t") + value(depth + 1);
        return s + "}";
      }
      case 2:
      case 3: return string();
      case 4: return std::to_string(int64_t(g()) - (int64_t(1) << 31));
      case 5: return std::to_string(r(1000)) + "." + std::to_string(r(100000));
      case 6: return r(2) ? "true" : "false";
      case 7: return "null";
      case 8: return std::to_string(g()) + (r(2) ? "e" : "E-") + std::to_string(r(40));
      default: return std::string(r(3), ' ') + "\"x\"";
    }
  }
  std::string string() {
    static const char* pieces[] = {"\\\\", "\\\"", "\\n", "\\u00e9", "\\ud83d\\ude00", "\xc3\xa9", "\\/"};
    std::string s = "\"";
    for (uint32_t i = 0, m = r(30); i < m; ++i) {
      uint32_t k = r(20);
      s += k < 7 ? std::string(pieces[k]) : std::string(1, char('a' + r(26)));
    }
    return s + "\"";
  }
  // Replaces, inserts or deletes a few bytes (most results are not JSON any more).
  std::string mutate(std::string d) {
    // (stage 1's lookup takes \x0c and \x1a, whose 0x20 bit it sets, for ',' and ':', which
    // stage 2 must still reject; \x8d, \x89 and \xa0 share their low four bits with whitespace)
    static const char junk[] = "{}[]:,\"\\ \n\r\t0-.eEtrufalsn\x01\x7f\xff\x0c\x1a\x8d\x89\xa0";
    for (uint32_t j = 0, m = 1 + r(3); j < m && !d.empty(); ++j) {
      size_t at = r(uint32_t(d.size()));
      char c = junk[r(sizeof junk - 1)];
      switch (r(3)) {
        case 0: d[at] = c; break;
        case 1: d.insert(d.begin() + long(at), c); break;
        default: d.erase(d.begin() + long(at));
      }
    }
    return d;
  }
};

}  // namespace

TEST(JsonStructural, RandomAndBrokenDocumentsAgreeWithTheByteParser) {
  ASSERT_EQ(selector(Backend::Wasm, false).backend(), Backend::Wasm);
  ASSERT_EQ(selector(Backend::Wasm, true).backend(), Backend::Wasm);
  Gen gen;
  for (int i = 0; i < 1500; ++i) {
    std::string d = gen.value(0);
    if (i % 3 == 0) d = gen.mutate(d);
    if (i % 4 == 0) d = std::string(gen.r(70), ' ') + d + std::string(gen.r(3), '\n');
    expect_same(d);
  }
}

TEST(JsonStructural, ShapesAcrossBlocksAndChunks) {
  // A string, an escape or a number around every offset of a 64-byte block.
  for (int pad = 0; pad < 70; ++pad) {
    std::string sp(size_t(pad), ' ');
    expect_same(sp + "[\"" + std::string(size_t(pad), 'a') + "\\\\\\\"b\",1]");
    expect_same("[" + sp + "\"" + std::string(size_t(pad), 'q') + "\\\\\"]");
    expect_same("[" + sp + "12345.678,-0,true,false,null]");
    expect_same("{" + sp + "\"k\":\"" + std::string(size_t(pad), '\\') + "\"}");  // odd or even run
    expect_same(sp + "1.5e3");
    expect_same(sp + "\"open");
  }
  // Strings and runs of backslashes longer than a 1 KiB chunk, whitespace longer than one.
  std::string longs(3000, 'x');
  expect_same("[\"" + longs + "\",\"" + std::string(2049, '\\') + "\"]");
  expect_same("[\"" + std::string(2050, '\\') + "\"]");
  expect_same("[" + std::string(5000, ' ') + "1" + std::string(5000, '\n') + "]");
  expect_same("[\"" + longs + "\x01\"]");  // a control character deep inside a string
  // Many values: every chunk boundary falls somewhere inside one.
  std::string many = "[";
  for (int i = 0; i < 5000; ++i) many += (i ? "," : "") + std::string("{\"id\":") + std::to_string(i * 7919) + ",\"s\":\"a\\tb\"}";
  expect_same(many + "]");
  expect_same(many + "}");
  // Numbers near the end of the text (the quick path stops 48 bytes before it).
  for (const char* tail : {"123", "-0.5", "1e5", "true", "nul", "12345678901234567890", "0.1234567890123456789"})
    for (int pad = 0; pad < 50; pad += 7) expect_same("[" + std::string(size_t(pad), ' ') + tail + "]");
}

// An exponent far below the double range underflows to zero (the scaling loop used to stop at
// zero and then index its power-of-ten table past the end).
TEST(JsonStructural, HugeNegativeExponentIsZero) {
  for (const char* doc : {"1e-400000", "[5e-99999]", "-7.5e-1000"}) {
    std::string r = outcome(selector(Backend::Native, true), doc);
    EXPECT_TRUE(r == "0.0" || r == "-0.0" || r == "[0.0]") << doc << " -> " << r;
    expect_same(doc);
  }
}

// The kernel itself: escaped strings are unescaped in place (their raw bytes kept at the end of
// the tape until the document has parsed), and an error after them is still found where the
// byte parser finds it, on the text as it was given.
TEST(JsonStructural, TapeOfEscapedStringsAndAnErrorAfterThem) {
  std::string good = "[\"a\\nb\",\"c\\u00e9\",\"plain\"]";
  std::vector<uint8_t> text(good.begin(), good.end());
  std::vector<uint64_t> tape(64);
  int32_t n = mlk_json_parse(text.data(), int32_t(text.size()), tape.data(), 64, 16);
  ASSERT_EQ(n, 8);
  EXPECT_EQ(tape[2], uint64_t(3));  // "a\nb"
  EXPECT_EQ(std::memcmp(text.data() + (tape[1] & 0xffffffff), "a\nb", 3), 0);
  EXPECT_EQ(tape[4], uint64_t(3));  // "cé"
  EXPECT_EQ(std::memcmp(text.data() + (tape[3] & 0xffffffff), "c\xc3\xa9", 3), 0);
  EXPECT_EQ(tape[6], uint64_t(5));
  std::string bad = "[\"a\\nb\",\"c\\u00e9\",\"plain\",]";
  std::vector<uint8_t> btext(bad.begin(), bad.end());
  int32_t r = mlk_json_parse(btext.data(), int32_t(btext.size()), tape.data(), 64, 16);
  EXPECT_EQ(r, -(3 + int32_t(bad.size()) - 1));  // at the ']' after the trailing comma
  // A tape just large enough for the words but not for the undo log: the byte parser does it.
  std::vector<uint8_t> again(good.begin(), good.end());
  EXPECT_EQ(mlk_json_parse(again.data(), int32_t(again.size()), tape.data(), 8, 16), 8);
  EXPECT_EQ(std::memcmp(again.data() + (tape[1] & 0xffffffff), "a\nb", 3), 0);
  std::vector<uint8_t> small(good.begin(), good.end());
  EXPECT_EQ(mlk_json_parse(small.data(), int32_t(small.size()), tape.data(), 7, 16), MLK_ERR_CAPACITY);
}
