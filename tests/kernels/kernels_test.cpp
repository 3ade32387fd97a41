// Every operation: known answers, and native vs WebAssembly identical on the same inputs
// (empty, 1x1, non-square, huge values, invalid UTF-8).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "kernels/kernels.h"
#include "runtime/backend_selector.h"

using namespace ml::runtime;

namespace {

BackendSelector& native() {
  static BackendSelector s([] {
    BackendConfig c;
    c.prefer_backend = Backend::Native;
    return c;
  }());
  return s;
}
BackendSelector& wasm() {
  static BackendSelector s([] {
    BackendConfig c;
    c.prefer_backend = Backend::Wasm;
    return c;
  }());
  return s;
}

// kernels_scalar.wasm: the kernels without SIMD (their plain loops, where the SIMD module has
// hand-written vector code).
BackendSelector& wasm_scalar() {
  static BackendSelector s([] {
    BackendConfig c;
    c.prefer_backend = Backend::Wasm;
    c.simd = false;
    return c;
  }());
  return s;
}

// Runs on both backends, checks both ran where expected and agree; returns the result.
Value both(std::string_view name, std::vector<Value> args) {
  Value n = native().call_function(name, args);
  EXPECT_EQ(native().last_call_report().backend, Backend::Native);
  Value w = wasm().call_function(name, args);
  EXPECT_EQ(wasm().last_call_report().backend, Backend::Wasm) << name << ": " << wasm().last_call_report().note;
  EXPECT_FALSE(wasm().last_call_report().fell_back) << wasm().last_call_report().note;
  EXPECT_EQ(n, w) << name << "\nnative: " << n.to_json().substr(0, 300) << "\nwasm:   " << w.to_json().substr(0, 300);
  return n;
}

Value I(int64_t v) { return Value::integer(v); }
Value F(double v) { return Value::number(v); }
Value S(std::string s) { return Value::str(std::move(s)); }
Value L(std::vector<Value> v) { return Value::list(std::move(v)); }
Value M(int64_t r, int64_t c, std::vector<double> d) { return Value::matrix(Matrix{r, c, std::move(d)}); }

Matrix random_matrix(int64_t r, int64_t c, uint32_t seed, double scale = 1.0) {
  std::mt19937 g(seed);
  std::uniform_real_distribution<double> u(-scale, scale);
  Matrix m{r, c, {}};
  m.data.resize(size_t(r * c));
  for (auto& x : m.data) x = u(g);
  return m;
}

}  // namespace

TEST(Kernels, WasmIsAvailable) {
  ASSERT_TRUE(wasm().is_wasm_available()) << wasm().status().reason;
  EXPECT_EQ(wasm().backend(), Backend::Wasm);
}

TEST(Kernels, Numeric) {
  EXPECT_EQ(both("fibonacci", {I(0)}), I(0));
  EXPECT_EQ(both("fibonacci", {I(1)}), I(1));
  EXPECT_EQ(both("fibonacci", {I(30)}), I(832040));
  EXPECT_EQ(both("fibonacci", {I(92)}), I(7540113804746346429LL));
  // past 64 bits, exact as in Python
  EXPECT_EQ(both("fibonacci", {I(93)}), Value::bigint("12200160415121876738"));
  EXPECT_EQ(both("fibonacci", {I(99)}), Value::bigint("218922995834555169026"));
  EXPECT_EQ(both("fibonacci", {I(300)}).as_str(), "222232244629420445529739893461909967206666939096499764990979600");
  EXPECT_THROW(native().call("fibonacci", 20001), CallError);
  EXPECT_THROW(wasm().call("fibonacci", -1), CallError);
  EXPECT_EQ(both("fibonacci_recursive", {I(20)}), I(6765));
  // The recursion inlined into itself: every depth of the unrolled tree, edges included.
  for (int n = 0; n <= 32; ++n) EXPECT_EQ(both("fibonacci_recursive", {I(n)}), both("fibonacci", {I(n)})) << n;
  EXPECT_EQ(both("prime_factors", {I(360)}).to_json(), "[2,2,2,3,3,5]");
  EXPECT_EQ(both("prime_factors", {I(1)}).to_json(), "[]");
  EXPECT_EQ(both("prime_factors", {I(9223372036854775783LL)}).to_json(), "[9223372036854775783]");  // largest prime < 2^63
  EXPECT_EQ(both("prime_factors", {I(600851475143LL)}).to_json(), "[71,839,1471,6857]");
  EXPECT_EQ(both("gcd", {I(48), I(-18)}), I(6));
  EXPECT_EQ(both("gcd", {I(0), I(0)}), I(0));
  EXPECT_EQ(both("lcm", {I(4), I(6)}), I(12));
  EXPECT_EQ(both("lcm", {I(0), I(6)}), I(0));
  EXPECT_THROW(wasm().call("lcm", int64_t(1) << 40, (int64_t(1) << 40) - 1), CallError);
  EXPECT_EQ(both("factorial", {I(0)}), I(1));
  EXPECT_EQ(both("factorial", {I(20)}), I(2432902008176640000LL));
  EXPECT_EQ(both("factorial", {I(25)}).as_str(), "15511210043330985984000000");
  Value f1000 = both("factorial", {I(1000)});
  EXPECT_EQ(f1000.as_str().size(), 2568u);
  double pi = both("monte_carlo_pi", {I(100000), I(7)}).as_float();
  EXPECT_NEAR(pi, M_PI, 0.05);
  EXPECT_EQ(both("monte_carlo_pi", {I(0)}), F(0));
}

TEST(Kernels, Matrix) {
  EXPECT_EQ(both("matrix_multiply", {M(1, 1, {3}), M(1, 1, {4})}), M(1, 1, {12}));
  EXPECT_EQ(both("matrix_multiply", {M(0, 0, {}), M(0, 0, {})}), M(0, 0, {}));
  // non-square, from nested lists
  Value a = L({L({I(1), I(2), I(3)}), L({I(4), I(5), I(6)})});
  Value b = L({L({I(7), I(8)}), L({I(9), I(10)}), L({I(11), I(12)})});
  EXPECT_EQ(both("matrix_multiply", {a, b}), M(2, 2, {58, 64, 139, 154}));
  EXPECT_THROW(native().call_function("matrix_multiply", {a, a}), CallError);
  // odd sizes crossing the kernel's blocking, huge and tiny magnitudes
  for (auto [n, k, m] : std::vector<std::tuple<int, int, int>>{{5, 7, 3}, {130, 129, 514}, {1, 300, 1}}) {
    both("matrix_multiply", {Value::matrix(random_matrix(n, k, 1, 1e150)), Value::matrix(random_matrix(k, m, 2, 1e150))});
    both("matrix_multiply", {Value::matrix(random_matrix(n, k, 3)), Value::matrix(random_matrix(k, m, 4))});
  }
  EXPECT_EQ(both("transpose", {a}), M(3, 2, {1, 4, 2, 5, 3, 6}));
  both("transpose", {Value::matrix(random_matrix(33, 70, 5))});
  EXPECT_EQ(both("transpose", {M(0, 0, {})}), M(0, 0, {}));
  EXPECT_EQ(both("determinant", {M(2, 2, {1, 2, 3, 4})}), F(-2));
  EXPECT_EQ(both("determinant", {M(1, 1, {5})}), F(5));
  EXPECT_EQ(both("determinant", {M(0, 0, {})}), F(1));
  EXPECT_NEAR(both("determinant", {M(3, 3, {1, 2, 3, 4, 5, 6, 7, 8, 9})}).as_float(), 0.0, 1e-12);
  EXPECT_EQ(both("determinant", {M(2, 2, {0, 0, 0, 0})}).as_float(), 0.0);
  both("determinant", {Value::matrix(random_matrix(40, 40, 9))});
  EXPECT_THROW(wasm().call_function("determinant", {a}), CallError);
}

TEST(Kernels, Strings) {
  EXPECT_EQ(both("string_reverse", {S("héllo→")}), S("→olléh"));
  EXPECT_EQ(both("string_reverse", {S("")}), S(""));
  std::string invalid = "a\xff\xc3(b\xe2\x82";  // invalid and truncated sequences
  both("string_reverse", {S(invalid)});
  EXPECT_EQ(both("palindrome", {S("A man, a plan, a canal: Panama")}), Value::boolean(true));
  EXPECT_EQ(both("palindrome", {S("été")}), Value::boolean(true));
  EXPECT_EQ(both("palindrome", {S("abc")}), Value::boolean(false));
  EXPECT_EQ(both("palindrome", {S("")}), Value::boolean(true));
  both("palindrome", {S(invalid)});
  EXPECT_EQ(both("char_frequency", {S("abca→→")}).to_json(), R"({"a":2,"b":1,"c":1,"→":2})");
  EXPECT_EQ(both("char_frequency", {S("")}).to_json(), "{}");
  EXPECT_EQ(both("char_frequency", {S("\xff\xfe")}).to_json(), "{\"\xef\xbf\xbd\":2}");
  EXPECT_EQ(both("longest_substring", {S("abcabcbb")}), S("abc"));
  EXPECT_EQ(both("longest_substring", {S("pwwkew")}), S("wke"));
  EXPECT_EQ(both("longest_substring", {S("")}), S(""));
  EXPECT_EQ(both("longest_substring", {S("ééaé")}), S("éa"));
  both("longest_substring", {S(invalid)});
  std::string big;
  std::mt19937 g(3);
  for (int i = 0; i < 20000; ++i) big += char('a' + g() % 26);
  both("longest_substring", {S(big)});
  both("char_frequency", {S(big)});
}

TEST(Kernels, Crypto) {
  EXPECT_EQ(both("crypto_hash", {S("abc")}), S("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
  EXPECT_EQ(both("crypto_hash", {S("")}), S("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
  EXPECT_EQ(both("crypto_hash", {S(std::string(1000000, 'a'))}),
            S("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
  EXPECT_EQ(both("crypto_fnv1a", {S("")}), S("cbf29ce484222325"));
  EXPECT_EQ(both("crypto_fnv1a", {S("a")}), S("af63dc4c8601ec8c"));
  Value enc = both("xor_encrypt", {S("secret message"), S("key")});
  Value dec = both("xor_decrypt", {enc, S("key")});
  auto dec_bytes = dec.as_bytes();
  EXPECT_EQ(std::string(dec_bytes.begin(), dec_bytes.end()), "secret message");
  std::vector<uint8_t> data(100003);
  for (size_t i = 0; i < data.size(); ++i) data[i] = uint8_t(i * 7);
  for (std::string key : {"k", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdefXYZ", "ab"})
    both("xor_cipher", {Value::bytes(data), S(key)});
  EXPECT_EQ(both("xor_cipher", {Value::bytes({}), S("k")}), Value::bytes({}));
  EXPECT_THROW(native().call("xor_cipher", "x", ""), CallError);
}

// The XOR cipher against a byte-at-a-time reference: every key length to past the block sizes
// (keys dividing 64 take the four-vector loop, others the repeated block, over 64 bytes the
// plain loop), data lengths around each turn's 64 bytes, on native, SIMD and scalar builds.
TEST(Kernels, XorMatchesReference) {
  for (int32_t key_len : {1, 2, 3, 4, 5, 7, 8, 13, 16, 17, 31, 32, 33, 48, 63, 64, 65, 70}) {
    std::string key;
    for (int32_t j = 0; j < key_len; ++j) key += char(0x41 + (j * 37) % 190);
    for (size_t len : {size_t(0), size_t(1), size_t(15), size_t(63), size_t(64), size_t(65), size_t(127),
                       size_t(200), size_t(4096 + 37), size_t(70001)}) {
      std::vector<uint8_t> data(len), want(len);
      for (size_t i = 0; i < len; ++i) data[i] = uint8_t(i * 131 + 17);
      for (size_t i = 0; i < len; ++i) want[i] = data[i] ^ uint8_t(key[i % key.size()]);
      std::vector<Value> args{Value::bytes(data), S(key)};
      EXPECT_EQ(both("xor_cipher", args).as_bytes(), want) << "key " << key_len << ", " << len << " bytes";
      EXPECT_EQ(wasm_scalar().call_function("xor_cipher", args).as_bytes(), want) << "scalar, key " << key_len;
    }
  }
}

TEST(Kernels, DataAndSearch) {
  EXPECT_EQ(both("data_sort", {L({I(3), I(1), I(2)})}).to_json(), "[1,2,3]");
  EXPECT_EQ(both("data_sort", {Value::numbers({2.5, NAN, -1, 1e308})}).to_json(), "[-1.0,2.5,1e+308,NaN]");
  EXPECT_EQ(both("data_sort", {L({})}).to_json(), "[]");
  std::vector<double> v(10007);
  std::mt19937 g(11);
  for (auto& x : v) x = double(g() % 1000) - 500;
  Value sorted = both("data_sort", {Value::numbers(v)});
  EXPECT_TRUE(std::is_sorted(sorted.numbers_ref().begin(), sorted.numbers_ref().end()));
  EXPECT_EQ(both("data_sum", {Value::numbers({1, 2, 3.5})}), F(6.5));
  EXPECT_EQ(both("binary_search", {L({I(1), I(3), I(3), I(7)}), I(3)}), I(1));
  EXPECT_EQ(both("binary_search", {L({I(1), I(3)}), I(2)}), I(-1));
  EXPECT_EQ(both("binary_search", {L({}), I(2)}), I(-1));
  EXPECT_EQ(both("linear_search", {L({I(5), I(4), I(4)}), I(4)}), I(1));
  EXPECT_EQ(both("contains", {Value::numbers({1, 2}), F(2)}), Value::boolean(true));
  EXPECT_EQ(both("contains", {Value::numbers({}), F(2)}), Value::boolean(false));
  // strings: natively, with the reason recorded
  EXPECT_EQ(wasm().call_function("contains", {L({S("a"), S("b")}), S("b")}), Value::boolean(true));
  EXPECT_EQ(wasm().last_call_report().backend, Backend::Native);
  EXPECT_FALSE(wasm().last_call_report().note.empty());
  EXPECT_EQ(wasm().call_function("data_sort", {L({S("b"), S("a")})}).to_json(), R"(["a","b"])");
}

TEST(Kernels, CallbacksRunNativelyWithReason) {
  Value is_even = Value::function([](const std::vector<Value>& a) { return Value::boolean(a[0].as_int() % 2 == 0); });
  Value twice = Value::function([](const std::vector<Value>& a) { return Value::integer(a[0].as_int() * 2); });
  Value add = Value::function([](const std::vector<Value>& a) { return Value::integer(a[0].as_int() + a[1].as_int()); });
  Value items = L({I(1), I(2), I(3), I(4)});
  EXPECT_EQ(wasm().call_function("filter", {items, is_even}).to_json(), "[2,4]");
  EXPECT_EQ(wasm().last_call_report().backend, Backend::Native);
  EXPECT_NE(wasm().last_call_report().note.find("callback"), std::string::npos);
  EXPECT_EQ(wasm().call_function("map", {items, twice}).to_json(), "[2,4,6,8]");
  EXPECT_EQ(wasm().call_function("reduce", {items, add}), I(10));
  EXPECT_EQ(wasm().call_function("reduce", {L({}), add, I(5)}), I(5));
  EXPECT_EQ(wasm().call_function("group_by", {items, is_even}).to_json(), R"({"false":[1,3],"true":[2,4]})");
  EXPECT_EQ(wasm().call_function("data_sort", {items, Value::function([](const std::vector<Value>& a) {
                                                 return Value::integer(-a[0].as_int());
                                               })}).to_json(),
            "[4,3,2,1]");
}

// Container words carry the matching end's index and how many values they hold (object: pairs),
// which the value builder uses to size each list and dict once.
TEST(Kernels, JsonTapeCountsTheValuesOfEachContainer) {
  std::string doc = R"([{"a": [], "b": [1, [2, 3], {"c": null}], "d": "x"}, 4, [], {}])";
  std::vector<uint64_t> tape(256);
  int32_t n = mlk_json_parse(reinterpret_cast<uint8_t*>(doc.data()), int32_t(doc.size()), tape.data(), 256, 64);
  ASSERT_GT(n, 0);
  std::vector<std::pair<char, int>> seen;  // (kind, count) of each container in tape order
  for (int32_t i = 0; i < n; ++i) {
    uint32_t t = uint32_t(tape[size_t(i)] >> 56);
    if (t == MLK_J_ARRAY || t == MLK_J_OBJECT) {
      uint32_t end = uint32_t(tape[size_t(i)]);
      ASSERT_LT(end, uint32_t(n));
      EXPECT_EQ(uint32_t(tape[end] >> 56), t == MLK_J_ARRAY ? uint32_t(MLK_J_ARRAY_END) : uint32_t(MLK_J_OBJECT_END));
      EXPECT_EQ(uint32_t(tape[end]), uint32_t(i));  // and back
      seen.emplace_back(char(t), int((tape[size_t(i)] >> 32) & 0xffffff));
    } else if (t == MLK_J_STRING || t == MLK_J_INT || t == MLK_J_DOUBLE) {
      ++i;
    }
  }
  std::vector<std::pair<char, int>> want = {{'[', 4}, {'{', 3}, {'[', 0}, {'[', 3}, {'[', 2}, {'{', 1}, {'[', 0}, {'{', 0}};
  EXPECT_EQ(seen, want);
  // and the values built from it, on both backends
  EXPECT_EQ(both("json_parse", {S(doc)}).to_json(), R"([{"a":[],"b":[1,[2,3],{"c":null}],"d":"x"},4,[],{}])");
}

// The estimate is the plain splitmix64 loop's, for any number of samples (the kernel takes
// them four at a time, then one by one).
TEST(Kernels, MonteCarloIsThePlainLoopsEstimate) {
  auto plain = [](int64_t samples, int64_t seed) {
    uint64_t state = uint64_t(seed);
    auto next = [&] {
      uint64_t z = (state += 0x9e3779b97f4a7c15ull);
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
      return z ^ (z >> 31);
    };
    int64_t inside = 0;
    for (int64_t i = 0; i < samples; ++i) {
      double x = double(int64_t(next() >> 11)) / 9007199254740992.0;
      double y = double(int64_t(next() >> 11)) / 9007199254740992.0;
      inside += x * x + y * y <= 1.0;
    }
    return 4.0 * double(inside) / double(samples);
  };
  for (int64_t n : {1, 2, 3, 4, 5, 7, 8, 1003, 100000})
    for (int64_t seed : {0, 42, -5})
      EXPECT_EQ(both("monte_carlo_pi", {I(n), I(seed)}).as_float(), plain(n, seed)) << n << " " << seed;
}

TEST(Kernels, Json) {
  std::string doc = R"({"a": [1, 2.5, -3e2, true, false, null], "s": "x\"\\\n\u00e9\ud83d\ude00", "big": 123456789012345678901, "o": {}})";
  Value p = both("json_parse", {S(doc)});
  EXPECT_EQ(p.to_json(), R"({"a":[1,2.5,-300.0,true,false,null],"s":"x\"\\\né😀","big":1.2345678901234568e+20,"o":{}})");
  EXPECT_EQ(both("json_stringify", {p}).as_str(), p.to_json());
  Value st = both("json_stats", {S(doc)});
  EXPECT_EQ(st.to_json(),
            R"({"objects":2,"arrays":1,"strings":5,"integers":1,"floats":3,"booleans":2,"nulls":1,"max_depth":2,"sum":1.2345678901234568e+20,"tape_words":27})");  // keys count as strings
  EXPECT_EQ(both("json_parse", {S("0")}), I(0));
  EXPECT_EQ(both("json_parse", {S("  [ ] ")}).to_json(), "[]");
  EXPECT_EQ(both("json_parse", {S("-9223372036854775808")}), I(INT64_MIN));
  EXPECT_EQ(both("json_parse", {S("0.1")}), F(0.1));
  EXPECT_EQ(both("json_parse", {S("1e400")}).as_float(), INFINITY);
  for (std::string bad : {"", "[", "[1,]", "{\"a\" 1}", "tru", "01", "\"\x01\"", "[1] x", "{\"a\":1,}", "\"\\q\""}) {
    EXPECT_THROW(native().call("json_parse", bad), CallError) << bad;
    EXPECT_THROW(wasm().call("json_parse", bad), CallError) << bad;
  }
  try {
    wasm().call("json_parse", std::string("{\n  \"a\": ]"));
    FAIL();
  } catch (const CallError& e) {
    EXPECT_NE(std::string(e.what()).find("line 2, column 8"), std::string::npos) << e.what();
  }
  // deep nesting is iterative (no stack overflow) up to the depth limit, then an error
  std::string deep(1000, '[');
  deep += std::string(1000, ']');
  EXPECT_EQ(both("json_stats", {S(deep)}).as_dict()[7].second, I(1000));
  std::string too_deep(5000, '[');
  too_deep += std::string(5000, ']');
  EXPECT_THROW(wasm().call("json_parse", too_deep), CallError);
  // a larger generated document (crosses the first tape capacity guess)
  std::string many = "[";
  for (int i = 0; i < 50000; ++i) many += (i ? "," : "") + std::to_string(i % 10);
  many += "]";
  EXPECT_EQ(both("json_stats", {S(many)}).as_dict()[3].second, I(50000));
  EXPECT_EQ(both("json_stringify", {L({S("tab\there"), I(-5), F(1.5), Value::none(), Value::numbers({1, 2})})}).as_str(),
            R"(["tab\there",-5,1.5,null,[1.0,2.0]])");
}

TEST(Kernels, Image) {
  std::vector<uint8_t> px(7 * 5 * 3);
  for (size_t i = 0; i < px.size(); ++i) px[i] = uint8_t(i * 37);
  for (int r : {0, 1, 2, 9}) both("image_blur", {Value::bytes(px), I(7), I(5), I(r)});
  Value g = both("gaussian_blur", {Value::bytes(px), I(7), I(5)});
  both("gaussian_blur", {Value::bytes({10, 20, 30}), I(1), I(1)});
  EXPECT_EQ(both("gaussian_blur", {Value::bytes({10, 20, 30}), I(1), I(1)}), Value::bytes({10, 20, 30}));
  EXPECT_EQ(both("image_blur", {Value::bytes({}), I(0), I(0)}), Value::bytes({}));
  std::vector<uint8_t> flat(64 * 48 * 3, 77);
  EXPECT_EQ(both("gaussian_blur", {Value::bytes(flat), I(64), I(48)}), Value::bytes(flat));
  EXPECT_EQ(both("image_blur", {Value::bytes(flat), I(64), I(48), I(3)}), Value::bytes(flat));
  std::vector<uint8_t> noise(123 * 77 * 3);
  std::mt19937 gen(5);
  for (auto& x : noise) x = uint8_t(gen());
  both("gaussian_blur", {Value::bytes(noise), I(123), I(77)});
  both("image_blur", {Value::bytes(noise), I(123), I(77), I(4)});
  EXPECT_THROW(wasm().call_function("image_blur", {Value::bytes(px), I(8), I(5)}), CallError);
}

// The fast kernels (register-tiled matrix multiply, row-interleaved blur, recursive fibonacci,
// the JSON string scanner) against straightforward references written here: both backends run
// the same kernel source, so native == wasm alone would not catch a mistake in it.
TEST(Kernels, FastPathsMatchReferences) {
  // fibonacci_recursive visits the naive call tree: same values as the iterative one
  for (int n : {0, 1, 2, 3, 4, 5, 10, 25, 31}) {
    int64_t a = 0, b = 1;
    for (int i = 0; i < n; ++i) b = a + b, a = b - a;
    EXPECT_EQ(both("fibonacci_recursive", {I(n)}), I(a)) << n;
  }
  // matrix multiply: bit-identical to the naive i-j-k loop summing in ascending k from 0.0,
  // for shapes crossing the 4-row, 4-column and 256 blocks
  for (auto [n, k, m] : std::vector<std::tuple<int, int, int>>{
           {1, 1, 1}, {3, 2, 5}, {4, 4, 4}, {7, 257, 9}, {9, 513, 263}, {17, 3, 258}, {6, 600, 6}}) {
    Matrix a = random_matrix(n, k, uint32_t(n * 7 + k), 3.0), b = random_matrix(k, m, uint32_t(m * 5 + k), 1e10);
    Matrix want{n, m, std::vector<double>(size_t(n) * m)};
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < m; ++j) {
        double s = 0.0;
        for (int p = 0; p < k; ++p) s = s + a.at(i, p) * b.at(p, j);
        want.data[size_t(i) * m + j] = s;
      }
    EXPECT_EQ(both("matrix_multiply", {Value::matrix(a), Value::matrix(b)}), Value::matrix(want)) << n << "x" << k << "x" << m;
  }
  // Gaussian blur: two whole separable passes, each rounding, clamped edges
  for (auto [w, h] : std::vector<std::pair<int, int>>{{1, 1}, {4, 3}, {5, 5}, {6, 7}, {33, 2}, {31, 19}}) {
    std::vector<uint8_t> px(size_t(w) * h * 3);
    std::mt19937 g(uint32_t(w * 100 + h));
    for (auto& x : px) x = uint8_t(g());
    auto at = [&](const std::vector<uint8_t>& im, int x, int y, int c) {
      x = std::clamp(x, 0, w - 1), y = std::clamp(y, 0, h - 1);
      return uint32_t(im[(size_t(y) * w + x) * 3 + c]);
    };
    const uint32_t wt[5] = {1, 4, 6, 4, 1};
    std::vector<uint8_t> t(px.size()), want(px.size());
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x)
        for (int c = 0; c < 3; ++c) {
          uint32_t s = 0;
          for (int d = -2; d <= 2; ++d) s += wt[d + 2] * at(px, x + d, y, c);
          t[(size_t(y) * w + x) * 3 + c] = uint8_t((s + 8) >> 4);
        }
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x)
        for (int c = 0; c < 3; ++c) {
          uint32_t s = 0;
          for (int d = -2; d <= 2; ++d) s += wt[d + 2] * at(t, x, y + d, c);
          want[(size_t(y) * w + x) * 3 + c] = uint8_t((s + 8) >> 4);
        }
    EXPECT_EQ(both("gaussian_blur", {Value::bytes(px), I(w), I(h)}), Value::bytes(want)) << w << "x" << h;
  }
  // Box blur: two whole separable passes, each summing 2r + 1 clamped samples and rounding to
  // nearest, for the 16-bit small-radius path (r 1..3), r = 0 and the running-sum path, on images
  // narrower than the window as well
  for (auto [w, h] : std::vector<std::pair<int, int>>{{1, 1}, {2, 3}, {3, 8}, {7, 5}, {8, 9}, {40, 3}, {67, 29}})
    for (int r : {0, 1, 2, 3, 4, 9}) {
      std::vector<uint8_t> px(size_t(w) * h * 3);
      std::mt19937 g(uint32_t(w * 1000 + h * 10 + r));
      for (auto& x : px) x = uint8_t(g());
      const uint32_t d = uint32_t(2 * r + 1);
      std::vector<uint8_t> t(px.size()), want(px.size());
      for (int pass = 0; pass < 2; ++pass) {
        const std::vector<uint8_t>& from = pass ? t : px;
        std::vector<uint8_t>& to = pass ? want : t;
        for (int y = 0; y < h; ++y)
          for (int x = 0; x < w; ++x)
            for (int c = 0; c < 3; ++c) {
              uint32_t s = 0;
              for (int k = -r; k <= r; ++k) {
                int xx = pass ? x : std::clamp(x + k, 0, w - 1), yy = pass ? std::clamp(y + k, 0, h - 1) : y;
                s += from[(size_t(yy) * w + xx) * 3 + c];
              }
              to[(size_t(y) * w + x) * 3 + c] = uint8_t((s + d / 2) / d);
            }
      }
      std::vector<Value> args = {Value::bytes(px), I(w), I(h), I(r)};
      EXPECT_EQ(both("image_blur", args), Value::bytes(want)) << w << "x" << h << " r " << r;
      EXPECT_EQ(wasm_scalar().call_function("image_blur", args), Value::bytes(want)) << w << "x" << h << " r " << r;
      EXPECT_EQ(wasm_scalar().last_call_report().backend, Backend::Wasm) << wasm_scalar().last_call_report().note;
    }
  // JSON strings: escapes, quotes and control characters at every offset of the 8-byte scanner
  for (int at = 0; at < 20; ++at) {
    std::string plain(size_t(at), 'x');
    EXPECT_EQ(both("json_parse", {S("[\"" + plain + "\\n" + plain + "\",\"" + plain + "\"]")}),
              L({S(plain + "\n" + plain), S(plain)}));
    EXPECT_EQ(both("json_parse", {S("\"" + plain + "\\\"\\u00e9\\\\" + plain + "\"")}),
              S(plain + "\"\xc3\xa9\\" + plain));
    EXPECT_THROW(wasm().call_function("json_parse", {S("\"" + plain + "\x01" + plain + "\"")}), CallError);
    EXPECT_THROW(native().call_function("json_parse", {S("\"" + plain + "\x1f\"")}), CallError);
    EXPECT_THROW(native().call_function("json_parse", {S("\"" + plain)}), CallError);
    EXPECT_EQ(both("json_parse", {S("\"" + plain + "\xc3\xa9\x7f" + plain + "\"")}), S(plain + "\xc3\xa9\x7f" + plain));
  }
}
