// _zlib: Debian's zlib behind Python's zlib module (stdlib/zlib.py adds the streaming objects):
// compress, decompress, crc32, adler32, and the partial inflate the decompressobj is built on.
#include <zlib.h>

#include <algorithm>

#include "interp/lib/lib_modules.h"
#include "interp/lib/libutil.h"

namespace ml::interp {

namespace {

ClassObj* t_zlib_error = nullptr;

// "Error -3 while decompressing data: incorrect header check", as CPython words it
[[noreturn]] void zlib_error(bool compressing, int code, const z_stream* zs) {
  std::string detail = zs && zs->msg ? zs->msg : code == Z_BUF_ERROR ? "incomplete or truncated stream"
                                               : code == Z_DATA_ERROR ? "invalid input data" : "library error";
  std::string text = msg(compressing ? "runtime.zlib_error_compress" : "runtime.zlib_error_decompress",
                         {{"code", std::to_string(code)}, {"detail", detail}});
  throw PyError(make_exception(t_zlib_error, ValueVec{mk_str(text)}));
}

int int_arg(Value* a, int n, KwArgs* kw, int i, const char* name, int dflt) {
  const Value* v = arg_at(a, n, kw, i, name);
  return v ? (int)as_index(*v) : dflt;
}

Value compress(ARGS) {
  check_args("compress", n, 1, 3);
  std::string in = bytes_like(a[0]);
  int level = int_arg(a, n, kw, 1, "level", Z_DEFAULT_COMPRESSION);
  int wbits = int_arg(a, n, kw, 2, "wbits", MAX_WBITS);
  z_stream zs{};
  int rc = deflateInit2(&zs, level, Z_DEFLATED, wbits, 8, Z_DEFAULT_STRATEGY);
  if (rc == Z_STREAM_ERROR) raise_id("ValueError", "runtime.zlib_bad_options");
  if (rc != Z_OK) zlib_error(true, rc, &zs);
  std::string out(deflateBound(&zs, (uLong)in.size()) + 16, '\0');
  zs.next_in = (Bytef*)in.data();
  zs.avail_in = (uInt)in.size();
  zs.next_out = (Bytef*)out.data();
  zs.avail_out = (uInt)out.size();
  rc = deflate(&zs, Z_FINISH);
  size_t produced = out.size() - zs.avail_out;
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) zlib_error(true, rc, &zs);
  out.resize(produced);
  return mk_bytes(std::move(out));
}

// Inflates as much of `in` as forms a stream: (output, bytes of input used, whether the stream
// ended). A truncated stream is not an error here; bad data is.
struct Inflated {
  std::string out;
  size_t used = 0;
  bool eof = false;
};
Inflated inflate_all(const std::string& in, int wbits) {
  z_stream zs{};
  int rc = inflateInit2(&zs, wbits);
  if (rc == Z_STREAM_ERROR) raise_id("ValueError", "runtime.zlib_bad_options");
  if (rc != Z_OK) zlib_error(false, rc, &zs);
  Inflated r;
  zs.next_in = (Bytef*)in.data();
  zs.avail_in = (uInt)in.size();
  char buf[16384];
  for (;;) {
    zs.next_out = (Bytef*)buf;
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    r.out.append(buf, sizeof buf - zs.avail_out);
    if (rc == Z_STREAM_END) { r.eof = true; break; }
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) break;  // needs more input
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      std::string detail = zs.msg ? zs.msg : "";
      inflateEnd(&zs);
      z_stream copy{};
      copy.msg = detail.empty() ? nullptr : (char*)detail.c_str();
      zlib_error(false, rc, &copy);
    }
    if (zs.avail_in == 0 && zs.avail_out != 0) break;
  }
  r.used = in.size() - zs.avail_in;
  inflateEnd(&zs);
  return r;
}

Value decompress(ARGS) {
  check_args("decompress", n, 1, 3);
  std::string in = bytes_like(a[0]);
  int wbits = int_arg(a, n, kw, 1, "wbits", MAX_WBITS);
  Inflated r = inflate_all(in, wbits);
  if (!r.eof) {
    z_stream none{};
    zlib_error(false, Z_BUF_ERROR, &none);
  }
  return mk_bytes(std::move(r.out));
}

Value checksum(Value* a, int n, bool crc) {
  check_args(crc ? "crc32" : "adler32", n, 1, 2);
  std::string in = bytes_like(a[0]);
  uLong value = n > 1 ? (uLong)(as_index(a[1]) & 0xFFFFFFFF) : (crc ? 0 : 1);
  // zlib takes lengths as uInt: long inputs go in pieces
  const Bytef* p = (const Bytef*)in.data();
  size_t left = in.size();
  do {
    uInt chunk = (uInt)std::min<size_t>(left, 1u << 30);
    value = crc ? ::crc32(value, p, chunk) : ::adler32(value, p, chunk);
    p += chunk;
    left -= chunk;
  } while (left);
  return Value::integer((int64_t)(value & 0xFFFFFFFF));
}

// The state of one compressobj or decompressobj: a z_stream that lives between calls, so each
// piece of input is deflated or inflated once, as it comes.
ClassObj* t_stream = nullptr;
struct ZStream : Object {
  z_stream zs{};
  bool deflating = false;
  bool live = false;  // deflateInit/inflateInit done, End not yet
  bool eof = false;
  ZStream() : Object(OK::Other, t_stream) {}
  ~ZStream() override { end(); }
  void end() {
    if (!live) return;
    if (deflating) deflateEnd(&zs);
    else inflateEnd(&zs);
    live = false;
  }
};

ZStream* stream_of(const Value& v) {
  auto* z = v.is(OK::Other) ? dynamic_cast<ZStream*>(v.o) : nullptr;
  if (!z) raise_id("TypeError", "runtime.descriptor_received_a", {{"owner", "zlib stream"}, {"type", type_name(v)}});
  return z;
}

Value deflate_new(ARGS) {
  check_args("deflate_new", n, 5, 5);
  auto* z = new ZStream();
  Value zv = Value::obj(z);
  z->deflating = true;
  int rc = deflateInit2(&z->zs, (int)as_index(a[0]), Z_DEFLATED, (int)as_index(a[1]), (int)as_index(a[2]), (int)as_index(a[3]));
  if (rc == Z_STREAM_ERROR) raise_id("ValueError", "runtime.zlib_bad_options");
  if (rc != Z_OK) zlib_error(true, rc, &z->zs);
  z->live = true;
  if (!a[4].is_none()) {
    std::string dict = bytes_like(a[4]);
    rc = deflateSetDictionary(&z->zs, (const Bytef*)dict.data(), (uInt)dict.size());
    if (rc != Z_OK) zlib_error(true, rc, &z->zs);
  }
  return zv;
}

// deflate_step(stream, data, mode): the output for `data` (Z_NO_FLUSH keeps what zlib buffers).
Value deflate_step(ARGS) {
  check_args("deflate_step", n, 3, 3);
  ZStream* z = stream_of(a[0]);
  if (!z->live) {
    z_stream none{};
    zlib_error(true, Z_STREAM_ERROR, &none);
  }
  std::string in = bytes_like(a[1]);
  int mode = (int)as_index(a[2]);
  std::string out;
  char buf[16384];
  z->zs.next_in = (Bytef*)in.data();
  z->zs.avail_in = (uInt)in.size();
  for (;;) {
    z->zs.next_out = (Bytef*)buf;
    z->zs.avail_out = sizeof buf;
    int rc = deflate(&z->zs, mode);
    out.append(buf, sizeof buf - z->zs.avail_out);
    if (rc == Z_STREAM_END) { z->end(); break; }
    if (rc != Z_OK && rc != Z_BUF_ERROR) zlib_error(true, rc, &z->zs);
    if (z->zs.avail_out != 0 && z->zs.avail_in == 0) break;  // all input taken, output drained
  }
  return mk_bytes(std::move(out));
}

Value inflate_new(ARGS) {
  check_args("inflate_new", n, 2, 2);
  auto* z = new ZStream();
  Value zv = Value::obj(z);
  int wbits = (int)as_index(a[0]);
  int rc = inflateInit2(&z->zs, wbits);
  if (rc == Z_STREAM_ERROR) raise_id("ValueError", "runtime.zlib_bad_options");
  if (rc != Z_OK) zlib_error(false, rc, &z->zs);
  z->live = true;
  if (!a[1].is_none() && wbits < 0) {  // raw streams take the dictionary up front; others
    std::string dict = bytes_like(a[1]);   // when inflate asks for it (inflate_step)
    rc = inflateSetDictionary(&z->zs, (const Bytef*)dict.data(), (uInt)dict.size());
    if (rc != Z_OK) zlib_error(false, rc, &z->zs);
  }
  return zv;
}

// inflate_step(stream, data, max_length, zdict): (output of at most max_length bytes (0: all),
// bytes of data used, whether the stream ended).
Value inflate_step(ARGS) {
  check_args("inflate_step", n, 4, 4);
  ZStream* z = stream_of(a[0]);
  std::string in = bytes_like(a[1]);
  size_t max_length = (size_t)as_index(a[2]);
  std::string out;
  if (z->eof || !z->live) return mk_tuple({mk_bytes(""), Value::integer(0), Value::boolean(z->eof)});
  z->zs.next_in = (Bytef*)in.data();
  z->zs.avail_in = (uInt)in.size();
  char buf[16384];
  for (;;) {
    size_t room = sizeof buf;
    if (max_length) room = std::min(room, max_length - out.size());
    if (room == 0) break;
    z->zs.next_out = (Bytef*)buf;
    z->zs.avail_out = (uInt)room;
    int rc = inflate(&z->zs, Z_SYNC_FLUSH);
    if (rc == Z_NEED_DICT) {  // the stream was made with a zdict
      if (a[3].is_none()) {
        std::string text = msg("runtime.zlib_error_decompress_bare", {{"code", std::to_string(rc)}});
        throw PyError(make_exception(t_zlib_error, ValueVec{mk_str(text)}));
      }
      std::string dict = bytes_like(a[3]);
      rc = inflateSetDictionary(&z->zs, (const Bytef*)dict.data(), (uInt)dict.size());
      if (rc == Z_OK) continue;
    }
    out.append(buf, room - z->zs.avail_out);
    if (rc == Z_STREAM_END) {
      z->eof = true;
      z->end();
      break;
    }
    if (rc == Z_BUF_ERROR && z->zs.avail_in == 0) break;  // needs more input
    if (rc != Z_OK && rc != Z_BUF_ERROR) zlib_error(false, rc, &z->zs);
    if (z->zs.avail_in == 0 && z->zs.avail_out != 0) break;
  }
  size_t used = in.size() - z->zs.avail_in;
  return mk_tuple({mk_bytes(std::move(out)), Value::integer((int64_t)used), Value::boolean(z->eof)});
}

Value stream_copy(ARGS) {
  check_args("stream_copy", n, 1, 1);
  ZStream* z = stream_of(a[0]);
  auto* c = new ZStream();
  Value cv = Value::obj(c);
  c->deflating = z->deflating;
  c->eof = z->eof;
  if (z->live) {
    int rc = z->deflating ? deflateCopy(&c->zs, &z->zs) : inflateCopy(&c->zs, &z->zs);
    if (rc != Z_OK) zlib_error(z->deflating, rc, &z->zs);
    c->live = true;
  } else if (z->deflating) {
    raise_id("ValueError", "runtime.zlib_bad_options");
  }
  return cv;
}

}  // namespace

void init_zlib() {
  Value m = lib_module("_zlib");
  DictObj* d = module_dict(m);
  t_zlib_error = lib_class("zlib", "error", {Value::obj(I->e("Exception"))});
  d->set(str_key("error"), Value::obj(t_zlib_error));
  def_native(d, "compress", compress);
  def_native(d, "decompress", decompress);
  def_native(d, "crc32", [](ARGS) -> Value { return checksum(a, n, true); });
  def_native(d, "adler32", [](ARGS) -> Value { return checksum(a, n, false); });
  t_stream = lib_class("_zlib", "stream");
  def_native(d, "deflate_new", deflate_new);
  def_native(d, "deflate_step", deflate_step);
  def_native(d, "inflate_new", inflate_new);
  def_native(d, "inflate_step", inflate_step);
  def_native(d, "stream_copy", stream_copy);
  d->set(str_key("ZLIB_VERSION"), mk_str(ZLIB_VERSION));
  d->set(str_key("ZLIB_RUNTIME_VERSION"), mk_str(zlibVersion()));
}

}  // namespace ml::interp
