// JSON kernels (kernels.h): parse into a tape, count a tape, write a tape as JSON. Freestanding
// like kernels.cpp. With SIMD (SSE2 natively, SIMD128 in the -msimd128 module) the parser is
// structural, as simdjson: stage 1 (json_index.h) finds the bytes that matter a chunk ahead,
// stage 2 here walks them with the byte parser's own pieces for strings, numbers and literals,
// so whitespace is never read byte by byte and a string without escapes is never read at all
// (its closing quote is the next position). A string with escapes is unescaped in place as it
// comes, its raw bytes first saved at the far end of the tape (an undo log growing down towards
// the tape's words), so a document stage 2 cannot finish (an error, too small a tape, too deep)
// is put back as it was and handed to the byte parser, whose answer (its tape, or the offset of
// the first error) is the kernel's answer either way.
#include "kernels/json_index.h"
#include "kernels/json_parser.h"

namespace mlk_json {
#if MLK_JSON_STRUCTURAL
namespace {

// Whether c can follow a number or a literal (anything else makes the run one bad token).
inline bool ends_atom(uint8_t c) {
  constexpr uint64_t lo = (1ull << ' ') | (1ull << '\t') | (1ull << '\n') | (1ull << '\r') | (1ull << '"') |
                          (1ull << ',') | (1ull << ':');
  constexpr uint64_t hi = (1ull << ('[' - 64)) | (1ull << (']' - 64)) | (1ull << ('{' - 64)) | (1ull << ('}' - 64));
  return c < 64 ? (lo >> c) & 1 : c < 128 ? (hi >> (c - 64)) & 1 : false;
}

// A container's count of values as its tape word holds it (24 bits: more saturate).
inline uint64_t saturate(uint32_t count) { return count < 0xffffff ? count : 0xffffff; }

class StructuralParser {
 public:
  explicit StructuralParser(JsonParser& p) : p_(p), s_(p.s), len_(p.len), ix_{p.s, p.len} {}

  // The tape of the whole document, escapes resolved (p.n words); false leaves the text as it was.
  bool run() {
    if (document() && !ix_.bad) return true;
    undo();
    return false;
  }

 private:
  // The next chunk of positions into buf_ (at least one: len_ once there are none).
  __attribute__((noinline)) int32_t refill() {
    int32_t k = 0;
    while (k == 0 && !ix_.done()) k = ix_.fill(buf_);
    if (k == 0) buf_[k++] = uint32_t(len_);
    return k;
  }
  // Where stage 2 reads the positions. The slow paths take and give it by value: a local whose
  // address is taken lives in linear memory in WebAssembly, in every access.
  struct Cursor {
    const uint32_t* ip;
    const uint32_t* end;
    int32_t n;    // tape words
    int32_t cap;  // where the undo log starts (the tape's words may not go past it)
    bool ok;
  };
  // A string with escapes, opening at p; q: the position after p (an escape). Its raw bytes go
  // to the undo log (a word of offset and length, then the bytes), then it is unescaped in place.
  __attribute__((noinline)) Cursor escaped_string(int32_t p, int32_t q, Cursor c) {
    c.ok = false;
    while (q < len_ && s_[q] != '"') {  // the other escapes
      if (c.ip == c.end) c.end = buf_ + refill(), c.ip = buf_;
      q = int32_t(*c.ip++);
    }
    if (q >= len_) return c;
    int32_t start = p + 1, raw = q - start;
    int32_t words = 1 + (raw + 7) / 8;
    if (c.cap - words < c.n + 2) return c;
    c.cap -= words;
    p_.tape[c.cap] = uint64_t(uint32_t(start)) | (uint64_t(uint32_t(raw)) << 32);
    __builtin_memcpy(&p_.tape[c.cap + 1], s_ + start, size_t(raw));
    log_ = c.cap;
    p_.pos = p;
    int32_t w;
    if (!p_.scan_string<true>(w) || p_.pos != q + 1) return c;
    p_.tape[c.n++] = tag(MLK_J_STRING, uint64_t(start));
    p_.tape[c.n++] = uint64_t(w - start);
    c.ok = true;
    return c;
  }
  // Puts back every string unescaped so far (the text as it was given).
  void undo() {
    for (int32_t k = log_; k < end_;) {
      uint64_t h = p_.tape[k];
      int32_t start = int32_t(uint32_t(h)), raw = int32_t(h >> 32);
      __builtin_memcpy(p_.s + start, &p_.tape[k + 1], size_t(raw));
      k += 1 + (raw + 7) / 8;
    }
  }
  // A number or literal at p the quick way: the common shapes (at most 18 digits, no exponent,
  // not near the end of the text), exactly as JsonParser::number computes them; 0 when it is
  // not one of those (the caller asks the byte parser), else the position after it.
  int32_t quick_atom(int32_t p, uint64_t* w0, uint64_t* w1) const {
    if (p + 48 > len_) return 0;
    const uint8_t* c = s_ + p;
    uint32_t word;
    __builtin_memcpy(&word, c, 4);
    if (word == 0x65757274u) return *w0 = tag(MLK_J_TRUE, 0), *w1 = 0, p + 4;  // "true" (little-endian)
    if (word == 0x6c6c756eu) return *w0 = tag(MLK_J_NULL, 0), *w1 = 0, p + 4;  // "null"
    if (word == 0x736c6166u && c[4] == 'e') return *w0 = tag(MLK_J_FALSE, 0), *w1 = 0, p + 5;
    bool neg = *c == '-';
    c += neg;
    uint64_t mant = 0;
    int32_t digits = 0;
    if (*c == '0') ++c;
    else if (*c >= '1' && *c <= '9')
      while (*c >= '0' && *c <= '9') {
        if (++digits > 18) return 0;
        mant = mant * 10 + (*c++ - '0');
      }
    else return 0;
    if (*c == 'e' || *c == 'E') return 0;
    if (*c != '.') {
      *w0 = tag(MLK_J_INT, 0);
      *w1 = uint64_t(neg ? int64_t(0 - mant) : int64_t(mant));
      return int32_t(c - s_);
    }
    ++c;
    int32_t frac = 0;
    while (*c >= '0' && *c <= '9') {
      if (++digits > 18) return 0;
      mant = mant * 10 + (*c++ - '0');
      ++frac;
    }
    if (frac == 0 || *c == 'e' || *c == 'E') return 0;
    double d = mant == 0 ? 0.0 : double(mant) / kPow10[frac];
    *w0 = tag(MLK_J_DOUBLE, 0);
    *w1 = double_to_bits(neg ? -d : d);
    return int32_t(c - s_);
  }
  // Any number or literal at p by the byte parser, into the tape at word n; returns the new
  // number of words, or -1 if it is bad.
  __attribute__((noinline)) int32_t slow_atom(int32_t p, int32_t n, int32_t cap) {
    p_.pos = p;
    p_.n = n;
    p_.cap = cap;  // (below the undo log)
    uint8_t c = s_[p];
    bool ok = c == 't'   ? p_.literal("true", MLK_J_TRUE)
              : c == 'f' ? p_.literal("false", MLK_J_FALSE)
              : c == 'n' ? p_.literal("null", MLK_J_NULL)
              : (c == '-' || (c >= '0' && c <= '9')) && p_.number();
    p_.cap = end_;
    return ok && (p_.pos >= len_ || ends_atom(s_[p_.pos])) ? p_.n : -1;
  }

  // JsonParser::value_doc over positions instead of bytes: the same tape words in the same order.
  // Everything hot is a local (WebAssembly keeps locals in registers, members in memory): the
  // tape end, the innermost open container, its kind and its count of values (stored in its
  // tape word while a child is open).
  bool document() {
    const uint8_t* s = s_;
    const int32_t len = len_, max_depth = p_.max_depth;
    int32_t cap = p_.cap;
    uint64_t* tape = p_.tape;
    int32_t n = 0, depth = 0, open = -1;
    bool object = false;
    uint32_t count = 0;
    const uint32_t* ip = buf_;
    const uint32_t* end = buf_;
    // (the lambdas are always inlined, so what they capture stays in locals)
    auto next = [&]() __attribute__((always_inline)) -> int32_t {
      if (ip == end) end = buf_ + refill(), ip = buf_;
      return int32_t(*ip++);
    };
    // A string opening at p: its closing quote is the next position unless escapes come first.
    auto string_at = [&](int32_t p) __attribute__((always_inline)) -> bool {
      int32_t q = next();
      if (q < len && s[q] == '"') {
        if (n + 2 > cap) return false;
        tape[n] = tag(MLK_J_STRING, uint64_t(p + 1));
        tape[n + 1] = uint64_t(q - p - 1);
        n += 2;
        return true;
      }
      Cursor c = escaped_string(p, q, Cursor{ip, end, n, cap, false});
      ip = c.ip, end = c.end, n = c.n, cap = c.cap;
      return c.ok;
    };
    // An object's key and its colon from p, then the position of the value.
    auto key_colon = [&](int32_t& p) __attribute__((always_inline)) -> bool {
      if (p >= len || s[p] != '"' || !string_at(p)) return false;
      int32_t c = next();
      if (c >= len || s[c] != ':') return false;
      p = next();
      return true;
    };
    int32_t p = next();
    for (;;) {
      if (p >= len) return false;
      uint8_t c = s[p];
      if (c == '{' || c == '[') {
        if (++depth > max_depth || n >= cap) return false;
        if (open >= 0) tape[open] = (tape[open] & ~(uint64_t(0xffffff) << 32)) | (saturate(count) << 32);
        tape[n] = tag(c == '{' ? MLK_J_OBJECT : MLK_J_ARRAY, uint64_t(uint32_t(open + 1)));
        open = n++;
        object = c == '{';
        count = 0;
        p = next();
        if (p >= len || s[p] != (object ? '}' : ']')) {
          if (object && !key_colon(p)) return false;
          continue;  // the first element
        }
      } else {
        if (c == '"') {
          if (!string_at(p)) return false;
        } else {
          uint64_t w0, w1;
          int32_t after = quick_atom(p, &w0, &w1);
          if (after > 0 && ends_atom(s[after])) {
            if (n + 2 > cap) return false;
            tape[n] = w0;
            n += (w0 >> 56) == MLK_J_INT || (w0 >> 56) == MLK_J_DOUBLE ? (tape[n + 1] = w1, 2) : 1;
          } else if ((n = slow_atom(p, n, cap)) < 0) return false;
        }
        ++count;
        p = next();
        goto after_value;
      }
      // a container just closed at p
      for (;;) {
        if (n >= cap) return false;
        tape[n] = tag(object ? MLK_J_OBJECT_END : MLK_J_ARRAY_END, uint64_t(open));
        {
          uint64_t head = tape[open];
          int32_t parent = int32_t(head & 0xffffffffu) - 1;
          tape[open] = (head & (uint64_t(0xff) << 56)) | (saturate(count) << 32) |
                       uint64_t(n);
          ++n;
          --depth;
          open = parent;
          if (open >= 0) {
            uint64_t ph = tape[open];
            object = (ph >> 56) == MLK_J_OBJECT;
            count = uint32_t((ph >> 32) & 0xffffff) + 1;
          }
        }
        p = next();
      after_value:  // after a value: a separator, or closing brackets
        if (open < 0) {
          p_.n = n;
          return p >= len;  // document complete: nothing may follow
        }
        if (p >= len) return false;
        uint8_t d = s[p];
        if (d == ',') {
          p = next();
          if (object && !key_colon(p)) return false;
          break;  // next value
        }
        if (d != (object ? '}' : ']')) return false;
      }
    }
  }

  JsonParser& p_;
  const uint8_t* s_;
  int32_t len_;
  Indexer ix_;
  int32_t end_ = p_.cap;  // the tape's capacity
  int32_t log_ = end_;    // the undo log: tape[log_, end_)
  uint32_t buf_[Indexer::kCapacity];
};

}  // namespace
#endif
}  // namespace mlk_json

using mlk_json::JsonParser;
using mlk_json::bits_to_double;
using mlk_json::double_to_bits;

int32_t mlk_json_parse(uint8_t* text, int32_t len, uint64_t* tape, int32_t tape_cap, int32_t max_depth) {
#if MLK_JSON_STRUCTURAL
  {
    JsonParser p{text, len, 0, tape, tape_cap, 0, max_depth};
    if (mlk_json::StructuralParser(p).run()) return p.n;
  }
#endif
  JsonParser p{text, len, 0, tape, tape_cap, 0, max_depth};
  bool ok = p.value_doc();
  if (p.full) return MLK_ERR_CAPACITY;
  if (ok) {
    p.ws();
    if (p.pos == len) return p.n;
  }
  return -(3 + p.pos);
}

void mlk_json_tape_stats(const uint64_t* tape, int32_t n, int64_t* out, double* sum) {
  for (int i = 0; i < 8; ++i) out[i] = 0;
  double total = 0.0;
  int64_t depth = 0;
  for (int32_t i = 0; i < n; ++i) {
    uint32_t t = uint32_t(tape[i] >> 56);
    switch (t) {
      case MLK_J_OBJECT: ++out[0]; if (++depth > out[7]) out[7] = depth; break;
      case MLK_J_ARRAY: ++out[1]; if (++depth > out[7]) out[7] = depth; break;
      case MLK_J_OBJECT_END:
      case MLK_J_ARRAY_END: --depth; break;
      case MLK_J_STRING: ++out[2]; ++i; break;
      case MLK_J_INT: ++out[3]; total += double(int64_t(tape[++i])); break;
      case MLK_J_DOUBLE: ++out[4]; total += bits_to_double(tape[++i]); break;
      case MLK_J_TRUE:
      case MLK_J_FALSE: ++out[5]; break;
      case MLK_J_NULL: ++out[6]; break;
      default: break;
    }
  }
  *sum = total;
}

namespace {
struct Out {
  uint8_t* o;
  int32_t cap, n = 0;
  bool full = false;
  inline void put(uint8_t c) {
    if (n < cap) o[n++] = c;
    else full = true;
  }
  void put(const char* s) {
    while (*s) put(uint8_t(*s++));
  }
};
void put_int(Out& o, int64_t v) {
  char buf[24];
  int i = 0;
  uint64_t u = v < 0 ? 0 - uint64_t(v) : uint64_t(v);
  do {
    buf[i++] = char('0' + u % 10);
    u /= 10;
  } while (u);
  if (v < 0) o.put('-');
  while (i) o.put(uint8_t(buf[--i]));
}
void put_string(Out& o, const uint8_t* p, int32_t len) {
  static const char hex[] = "0123456789abcdef";
  o.put('"');
  for (int32_t i = 0; i < len; ++i) {
    uint8_t c = p[i];
    switch (c) {
      case '"': o.put("\\\""); break;
      case '\\': o.put("\\\\"); break;
      case '\n': o.put("\\n"); break;
      case '\r': o.put("\\r"); break;
      case '\t': o.put("\\t"); break;
      case '\b': o.put("\\b"); break;
      case '\f': o.put("\\f"); break;
      default:
        if (c < 0x20) {
          o.put("\\u00");
          o.put(uint8_t(hex[c >> 4]));
          o.put(uint8_t(hex[c & 15]));
        } else o.put(c);
    }
  }
  o.put('"');
}
}  // namespace

int32_t mlk_json_stringify(const uint64_t* tape, int32_t n, const uint8_t* pool, uint8_t* out, int32_t out_cap) {
  Out o{out, out_cap};
  // need_sep: whether the next item in the current container needs a ',' first;
  // in objects, items alternate key (followed by ':') and value.
  uint8_t stack_kind[256];
  int32_t stack_count[256];
  int32_t sp = -1;
  for (int32_t i = 0; i < n; ++i) {
    uint32_t t = uint32_t(tape[i] >> 56);
    if (t == MLK_J_ARRAY_END || t == MLK_J_OBJECT_END) {
      o.put(t == MLK_J_ARRAY_END ? ']' : '}');
      if (sp >= 0) --sp;
      continue;
    }
    if (sp >= 0) {
      int32_t c = stack_count[sp]++;
      if (stack_kind[sp] == '{') {
        if (c > 0) o.put((c & 1) ? ':' : ',');
      } else if (c > 0) o.put(',');
    }
    switch (t) {
      case MLK_J_NULL: o.put("null"); break;
      case MLK_J_TRUE: o.put("true"); break;
      case MLK_J_FALSE: o.put("false"); break;
      case MLK_J_INT: put_int(o, int64_t(tape[++i])); break;
      case MLK_J_STRING: {
        uint32_t off = uint32_t(tape[i] & 0xffffffffu);
        put_string(o, pool + off, int32_t(tape[++i]));
        break;
      }
      case MLK_J_NUMTEXT: {
        uint32_t off = uint32_t(tape[i] & 0xffffffffu);
        int32_t l = int32_t(tape[++i]);
        for (int32_t k = 0; k < l; ++k) o.put(pool[off + k]);
        break;
      }
      case MLK_J_DOUBLE: ++i; o.put("null"); break;  // callers pre-format doubles as 'N'
      case MLK_J_ARRAY:
      case MLK_J_OBJECT:
        o.put(t == MLK_J_ARRAY ? '[' : '{');
        if (sp + 1 >= 256) return MLK_ERR_CAPACITY;  // deeper than 256 levels
        ++sp;
        stack_kind[sp] = t == MLK_J_ARRAY ? '[' : '{';
        stack_count[sp] = 0;
        break;
      default: break;
    }
  }
  return o.full ? MLK_ERR_CAPACITY : o.n;
}

