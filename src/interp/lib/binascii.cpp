// _binascii: the byte loops of Base64 under stdlib/binascii.py, which keeps the module's API,
// its argument checks and its exact errors, and asks here for the bulk work.
#include "interp/lib/lib_modules.h"
#include "interp/lib/libutil.h"

namespace ml::interp {

namespace {

const char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// b2a_base64(data, newline): the Base64 text of the bytes `data`, padded with '='.
Value b2a_base64(ARGS) {
  check_args("b2a_base64", n, 2, 2);
  std::string in = bytes_like(a[0]);
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4 + 1);
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  size_t i = 0, size = in.size();
  for (; i + 2 < size; i += 3) {
    uint32_t v = (uint32_t(p[i]) << 16) | (uint32_t(p[i + 1]) << 8) | p[i + 2];
    out += kB64[v >> 18];
    out += kB64[(v >> 12) & 63];
    out += kB64[(v >> 6) & 63];
    out += kB64[v & 63];
  }
  if (size - i == 1) {
    uint32_t v = uint32_t(p[i]) << 16;
    out += kB64[v >> 18];
    out += kB64[(v >> 12) & 63];
    out += "==";
  } else if (size - i == 2) {
    uint32_t v = (uint32_t(p[i]) << 16) | (uint32_t(p[i + 1]) << 8);
    out += kB64[v >> 18];
    out += kB64[(v >> 12) & 63];
    out += kB64[(v >> 6) & 63];
    out += '=';
  }
  if (truthy(a[1])) out += '\n';
  return mk_bytes(std::move(out));
}

// a2b_base64(data): the bytes of canonical Base64 text (alphabet characters in groups of four,
// '=' only as padding of the last group, a final newline allowed), or None for any other text,
// which binascii.py decodes itself (it skips stray characters and raises the errors).
Value a2b_base64(ARGS) {
  check_args("a2b_base64", n, 1, 1);
  static int8_t rev[256];
  static bool ready = false;
  if (!ready) {
    for (int c = 0; c < 256; ++c) rev[c] = -1;
    for (int k = 0; k < 64; ++k) rev[(unsigned char)kB64[k]] = (int8_t)k;
    ready = true;
  }
  std::string in = bytes_like(a[0]);
  size_t size = in.size();
  if (size && in[size - 1] == '\n') --size;
  if (size % 4) return Value();
  std::string out;
  out.reserve(size / 4 * 3);
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  for (size_t i = 0; i < size; i += 4) {
    int pad = 0;
    if (i + 4 == size) pad = (p[i + 3] == '=') + (p[i + 3] == '=' && p[i + 2] == '=');
    int8_t v[4];
    for (int k = 0; k < 4 - pad; ++k)
      if ((v[k] = rev[p[i + k]]) < 0) return Value();
    uint32_t w = (uint32_t(v[0]) << 18) | (uint32_t(v[1]) << 12);
    if (pad < 2) w |= uint32_t(v[2]) << 6;
    if (pad < 1) w |= uint32_t(v[3]);
    out += char(w >> 16);
    if (pad < 2) out += char((w >> 8) & 0xFF);
    if (pad < 1) out += char(w & 0xFF);
  }
  return mk_bytes(std::move(out));
}

}  // namespace

void init_binascii() {
  Value m = lib_module("_binascii");
  DictObj* d = module_dict(m);
  def_native(d, "b2a_base64", b2a_base64);
  def_native(d, "a2b_base64", a2b_base64);
}

}  // namespace ml::interp
