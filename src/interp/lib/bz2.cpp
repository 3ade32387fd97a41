// _bz2: Debian's libbz2 behind Python's bz2 module (stdlib/bz2.py makes BZ2Compressor,
// BZ2Decompressor, compress, decompress and the files over these streams). The same library as
// CPython's, so compressed bytes are CPython's byte for byte.
#include <bzlib.h>

#include <algorithm>

#include "interp/lib/lib_modules.h"
#include "interp/lib/libutil.h"

namespace ml::interp {

namespace {

ClassObj* t_bz_stream = nullptr;

// One compressor or decompressor: a bz_stream that lives between calls.
struct BzStream : Object {
  bz_stream bz{};
  bool compressing = false;
  bool live = false;  // Init done, End not yet
  bool eof = false;
  BzStream() : Object(OK::Other, t_bz_stream) {}
  ~BzStream() override { end(); }
  void end() {
    if (!live) return;
    if (compressing) BZ2_bzCompressEnd(&bz);
    else BZ2_bzDecompressEnd(&bz);
    live = false;
  }
};

BzStream* stream_of(const Value& v) {
  auto* s = v.is(OK::Other) ? dynamic_cast<BzStream*>(v.o) : nullptr;
  if (!s) raise_id("TypeError", "runtime.descriptor_received_a", {{"owner", "bz2 stream"}, {"type", type_name(v)}});
  return s;
}

// libbz2's error codes as CPython reports them (_bz2module.c, catch_bz2_error).
[[noreturn]] void bz2_error(int rc) {
  switch (rc) {
    case BZ_PARAM_ERROR: raise("ValueError", "Internal error - invalid parameters passed to libbzip2");
    case BZ_MEM_ERROR: raise("MemoryError", "");
    case BZ_DATA_ERROR:
    case BZ_DATA_ERROR_MAGIC: raise("OSError", "Invalid data stream");
    case BZ_IO_ERROR: raise("OSError", "Unknown I/O error");
    case BZ_UNEXPECTED_EOF: raise("EOFError", "Compressed file ended before the logical end-of-stream was detected");
    case BZ_SEQUENCE_ERROR: raise("RuntimeError", "Internal error - Invalid sequence of commands sent to libbzip2");
    default: raise("OSError", "Unrecognized error from libbzip2: " + std::to_string(rc));
  }
}

// libbz2 counts in unsigned int: input goes in pieces below 4 GiB.
constexpr size_t kPiece = size_t(1) << 30;

Value compressor_new(ARGS) {
  check_args("compressor_new", n, 1, 1);
  auto* s = new BzStream();
  Value sv = Value::obj(s);
  s->compressing = true;
  int rc = BZ2_bzCompressInit(&s->bz, (int)as_index(a[0]), 0, 0);
  if (rc != BZ_OK) bz2_error(rc);
  s->live = true;
  return sv;
}

// compress_step(stream, data, finish): the output for `data`; with finish, the rest of the stream.
Value compress_step(ARGS) {
  check_args("compress_step", n, 3, 3);
  BzStream* s = stream_of(a[0]);
  if (!s->live) raise("ValueError", "Compressor has been flushed");
  std::string in = bytes_like(a[1]);
  bool finish = truthy(a[2]);
  std::string out;
  char buf[65536];
  size_t pos = 0;
  for (;;) {
    size_t piece = std::min(in.size() - pos, kPiece);
    s->bz.next_in = in.data() + pos;
    s->bz.avail_in = (unsigned)piece;
    int action = finish && pos + piece == in.size() ? BZ_FINISH : BZ_RUN;
    int rc;
    for (;;) {
      // BZ_RUN without input is a parameter error: libbz2 keeps what it holds for later
      if (action == BZ_RUN && s->bz.avail_in == 0) { rc = BZ_RUN_OK; break; }
      s->bz.next_out = buf;
      s->bz.avail_out = sizeof buf;
      rc = BZ2_bzCompress(&s->bz, action);
      if (rc < 0) bz2_error(rc);
      out.append(buf, sizeof buf - s->bz.avail_out);
      if (rc == BZ_STREAM_END) break;
    }
    pos += piece;
    if (rc == BZ_STREAM_END) { s->end(); break; }
    if (pos == in.size()) break;
  }
  return mk_bytes(std::move(out));
}

Value decompressor_new(ARGS) {
  check_args("decompressor_new", n, 0, 0);
  auto* s = new BzStream();
  Value sv = Value::obj(s);
  int rc = BZ2_bzDecompressInit(&s->bz, 0, 0);
  if (rc != BZ_OK) bz2_error(rc);
  s->live = true;
  return sv;
}

// decompress_step(stream, data, max_length): (output of at most max_length bytes (-1: all),
// bytes of data used, whether the stream ended, whether the output filled max_length).
Value decompress_step(ARGS) {
  check_args("decompress_step", n, 3, 3);
  BzStream* s = stream_of(a[0]);
  std::string in = bytes_like(a[1]);
  int64_t max_length = as_index(a[2]);
  std::string out;
  size_t pos = 0;
  bool full = false;
  char buf[65536];
  while (s->live && !s->eof) {
    size_t piece = std::min(in.size() - pos, kPiece);
    s->bz.next_in = in.data() + pos;
    s->bz.avail_in = (unsigned)piece;
    size_t room = sizeof buf;
    if (max_length >= 0) room = std::min<size_t>(room, (size_t)max_length - out.size());
    if (room == 0) { full = true; break; }
    s->bz.next_out = buf;
    s->bz.avail_out = (unsigned)room;
    int rc = BZ2_bzDecompress(&s->bz);
    pos += piece - s->bz.avail_in;
    out.append(buf, room - s->bz.avail_out);
    if (rc == BZ_STREAM_END) {
      s->eof = true;
      s->end();
      break;
    }
    if (rc != BZ_OK) bz2_error(rc);
    if (pos == in.size() && s->bz.avail_out != 0) break;  // all input taken, output drained
  }
  if (!full && max_length >= 0 && out.size() == (size_t)max_length && !s->eof) full = true;
  return mk_tuple({mk_bytes(std::move(out)), Value::integer((int64_t)pos), Value::boolean(s->eof), Value::boolean(full)});
}

}  // namespace

void init_bz2() {
  Value m = lib_module("_bz2");
  DictObj* d = module_dict(m);
  t_bz_stream = lib_class("_bz2", "stream");
  def_native(d, "compressor_new", compressor_new);
  def_native(d, "compress_step", compress_step);
  def_native(d, "decompressor_new", decompressor_new);
  def_native(d, "decompress_step", decompress_step);
}

}  // namespace ml::interp
