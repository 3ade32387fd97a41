// _lzma: Debian's liblzma (xz-utils) behind Python's lzma module (stdlib/lzma.py makes
// LZMACompressor, LZMADecompressor, compress, decompress and the files over these streams). The
// same library as CPython's, so compressed bytes are CPython's byte for byte.
#include <lzma.h>

#include <algorithm>
#include <vector>

#include "interp/lib/lib_modules.h"
#include "interp/lib/libutil.h"

namespace ml::interp {

namespace {

ClassObj* t_lzma_stream = nullptr;
ClassObj* t_lzma_error = nullptr;

// One compressor or decompressor: an lzma_stream that lives between calls, and the options its
// filters point to.
struct LzStream : Object {
  lzma_stream lz = LZMA_STREAM_INIT;
  bool live = false;
  bool eof = false;
  int check = LZMA_CHECK_NONE;
  lzma_options_lzma lzma_opts[LZMA_FILTERS_MAX]{};
  lzma_options_delta delta_opts[LZMA_FILTERS_MAX]{};
  lzma_options_bcj bcj_opts[LZMA_FILTERS_MAX]{};
  LzStream() : Object(OK::Other, t_lzma_stream) {}
  ~LzStream() override { end(); }
  void end() {
    if (live) lzma_end(&lz);
    live = false;
  }
};

LzStream* stream_of(const Value& v) {
  auto* s = v.is(OK::Other) ? dynamic_cast<LzStream*>(v.o) : nullptr;
  if (!s) raise_id("TypeError", "runtime.descriptor_received_a", {{"owner", "lzma stream"}, {"type", type_name(v)}});
  return s;
}

[[noreturn]] void lzma_fail(const std::string& text) { throw PyError(make_exception(t_lzma_error, ValueVec{mk_str(text)})); }

// liblzma's return codes as CPython reports them (_lzmamodule.c, catch_lzma_error).
void check_rc(lzma_ret rc) {
  switch (rc) {
    case LZMA_OK: case LZMA_GET_CHECK: case LZMA_NO_CHECK: case LZMA_STREAM_END: return;
    case LZMA_UNSUPPORTED_CHECK: lzma_fail("Unsupported integrity check");
    case LZMA_MEM_ERROR: raise("MemoryError", "");
    case LZMA_MEMLIMIT_ERROR: lzma_fail("Memory usage limit exceeded");
    case LZMA_FORMAT_ERROR: lzma_fail("Input format not supported by decoder");
    case LZMA_OPTIONS_ERROR: lzma_fail("Invalid or unsupported options");
    case LZMA_DATA_ERROR: lzma_fail("Corrupt input data");
    case LZMA_BUF_ERROR: lzma_fail("Insufficient buffer space");
    case LZMA_PROG_ERROR: lzma_fail("Internal error");
    default: lzma_fail("Unrecognized error from liblzma: " + std::to_string((int)rc));
  }
}

// A filter chain from stdlib/lzma.py's tuples (id, preset, dict_size, lc, lp, pb, mode,
// nice_len, mf, depth, dist, start_offset), -1 where the dict left an option out.
void build_filters(LzStream* s, const Value& spec, lzma_filter* out) {
  ValueVec items = to_vec(spec);
  if (items.size() > LZMA_FILTERS_MAX)
    raise("ValueError", "Too many filters - liblzma supports a maximum of " + std::to_string(LZMA_FILTERS_MAX));
  size_t i = 0;
  for (; i < items.size(); i++) {
    ValueVec f = to_vec(items[i]);
    auto opt = [&](size_t k) { return k < f.size() ? as_index(f[k]) : -1; };
    lzma_vli id = (lzma_vli)opt(0);
    out[i].id = id;
    if (id == LZMA_FILTER_LZMA1 || id == LZMA_FILTER_LZMA2) {
      lzma_options_lzma* o = &s->lzma_opts[i];
      uint32_t preset = opt(1) >= 0 ? (uint32_t)opt(1) : LZMA_PRESET_DEFAULT;
      if (lzma_lzma_preset(o, preset)) lzma_fail("Invalid compression preset: " + std::to_string(preset));
      if (opt(2) >= 0) o->dict_size = (uint32_t)opt(2);
      if (opt(3) >= 0) o->lc = (uint32_t)opt(3);
      if (opt(4) >= 0) o->lp = (uint32_t)opt(4);
      if (opt(5) >= 0) o->pb = (uint32_t)opt(5);
      if (opt(6) >= 0) o->mode = (lzma_mode)opt(6);
      if (opt(7) >= 0) o->nice_len = (uint32_t)opt(7);
      if (opt(8) >= 0) o->mf = (lzma_match_finder)opt(8);
      if (opt(9) >= 0) o->depth = (uint32_t)opt(9);
      out[i].options = o;
    } else if (id == LZMA_FILTER_DELTA) {
      lzma_options_delta* o = &s->delta_opts[i];
      o->type = LZMA_DELTA_TYPE_BYTE;
      o->dist = opt(10) >= 0 ? (uint32_t)opt(10) : 1;
      out[i].options = o;
    } else if (id == LZMA_FILTER_X86 || id == LZMA_FILTER_POWERPC || id == LZMA_FILTER_IA64 ||
               id == LZMA_FILTER_ARM || id == LZMA_FILTER_ARMTHUMB || id == LZMA_FILTER_SPARC) {
      lzma_options_bcj* o = &s->bcj_opts[i];
      o->start_offset = opt(11) >= 0 ? (uint32_t)opt(11) : 0;
      out[i].options = o;
    } else {
      raise("ValueError", "Invalid filter ID: " + std::to_string((unsigned long long)id));
    }
  }
  out[i].id = LZMA_VLI_UNKNOWN;
  out[i].options = nullptr;
}

// compressor_new(format, check, preset, filters): format 1 xz, 2 alone, 3 raw (lzma.py's FORMAT_*).
Value compressor_new(ARGS) {
  check_args("compressor_new", n, 4, 4);
  auto* s = new LzStream();
  Value sv = Value::obj(s);
  int64_t format = as_index(a[0]);
  int check = (int)as_index(a[1]);
  uint32_t preset = (uint32_t)as_index(a[2]);
  lzma_filter filters[LZMA_FILTERS_MAX + 1];
  bool chain = !a[3].is_none();
  if (chain) build_filters(s, a[3], filters);
  lzma_ret rc;
  if (format == 1) {
    rc = chain ? lzma_stream_encoder(&s->lz, filters, (lzma_check)check)
               : lzma_easy_encoder(&s->lz, preset, (lzma_check)check);
  } else if (format == 2) {
    lzma_options_lzma opts;
    const lzma_options_lzma* use = &opts;
    if (chain) {
      if (filters[0].id != LZMA_FILTER_LZMA1 || filters[1].id != LZMA_VLI_UNKNOWN)
        raise("ValueError", "Invalid filter chain for FORMAT_ALONE - must be a single LZMA1 filter");
      use = (const lzma_options_lzma*)filters[0].options;
    } else if (lzma_lzma_preset(&opts, preset)) {
      lzma_fail("Invalid compression preset: " + std::to_string(preset));
    }
    rc = lzma_alone_encoder(&s->lz, use);
  } else {
    rc = lzma_raw_encoder(&s->lz, filters);
  }
  check_rc(rc);
  s->live = true;
  return sv;
}

// compress_step(stream, data, finish): the output for `data`; with finish, the rest of the stream.
Value compress_step(ARGS) {
  check_args("compress_step", n, 3, 3);
  LzStream* s = stream_of(a[0]);
  if (!s->live) raise("ValueError", "Repeated call to flush()");
  std::string in = bytes_like(a[1]);
  lzma_action action = truthy(a[2]) ? LZMA_FINISH : LZMA_RUN;
  std::string out;
  uint8_t buf[65536];
  s->lz.next_in = (const uint8_t*)in.data();
  s->lz.avail_in = in.size();
  for (;;) {
    s->lz.next_out = buf;
    s->lz.avail_out = sizeof buf;
    lzma_ret rc = lzma_code(&s->lz, action);
    out.append((const char*)buf, sizeof buf - s->lz.avail_out);
    if (rc == LZMA_BUF_ERROR && s->lz.avail_in == 0 && s->lz.avail_out > 0) rc = LZMA_OK;
    check_rc(rc);
    if (rc == LZMA_STREAM_END) { s->end(); break; }
    if (action == LZMA_RUN && s->lz.avail_in == 0 && s->lz.avail_out != 0) break;
  }
  return mk_bytes(std::move(out));
}

// decompressor_new(format, memlimit, filters): format 0 auto, 1 xz, 2 alone, 3 raw.
Value decompressor_new(ARGS) {
  check_args("decompressor_new", n, 3, 3);
  auto* s = new LzStream();
  Value sv = Value::obj(s);
  int64_t format = as_index(a[0]);
  uint64_t memlimit = a[1].is_none() ? UINT64_MAX : (uint64_t)as_index(a[1]);
  const uint32_t flags = LZMA_TELL_ANY_CHECK | LZMA_TELL_NO_CHECK;
  lzma_ret rc;
  s->check = format == 3 ? LZMA_CHECK_NONE : LZMA_CHECK_ID_MAX + 1;  // unknown until the header
  if (format == 0) rc = lzma_auto_decoder(&s->lz, memlimit, flags);
  else if (format == 1) rc = lzma_stream_decoder(&s->lz, memlimit, flags);
  else if (format == 2) rc = lzma_alone_decoder(&s->lz, memlimit);
  else {
    lzma_filter filters[LZMA_FILTERS_MAX + 1];
    build_filters(s, a[2], filters);
    rc = lzma_raw_decoder(&s->lz, filters);
  }
  check_rc(rc);
  s->live = true;
  return sv;
}

// decompress_step(stream, data, max_length): (output of at most max_length bytes (-1: all),
// bytes of data used, whether the stream ended, whether the output filled max_length, check).
Value decompress_step(ARGS) {
  check_args("decompress_step", n, 3, 3);
  LzStream* s = stream_of(a[0]);
  std::string in = bytes_like(a[1]);
  int64_t max_length = as_index(a[2]);
  std::string out;
  bool full = false;
  uint8_t buf[65536];
  s->lz.next_in = (const uint8_t*)in.data();
  s->lz.avail_in = in.size();
  while (s->live && !s->eof) {
    size_t room = sizeof buf;
    if (max_length >= 0) room = std::min<size_t>(room, (size_t)max_length - out.size());
    if (room == 0) { full = true; break; }
    s->lz.next_out = buf;
    s->lz.avail_out = room;
    lzma_ret rc = lzma_code(&s->lz, LZMA_RUN);
    out.append((const char*)buf, room - s->lz.avail_out);
    if (rc == LZMA_BUF_ERROR && s->lz.avail_in == 0 && s->lz.avail_out > 0) rc = LZMA_OK;
    check_rc(rc);
    if (rc == LZMA_GET_CHECK || rc == LZMA_NO_CHECK) s->check = lzma_get_check(&s->lz);
    if (rc == LZMA_STREAM_END) {
      s->eof = true;
      s->end();
      break;
    }
    if (s->lz.avail_in == 0 && s->lz.avail_out != 0) break;  // all input taken, output drained
  }
  if (!full && max_length >= 0 && out.size() == (size_t)max_length && !s->eof) full = true;
  size_t used = in.size() - s->lz.avail_in;
  return mk_tuple({mk_bytes(std::move(out)), Value::integer((int64_t)used), Value::boolean(s->eof),
                   Value::boolean(full), Value::integer(s->check)});
}

Value is_check_supported(ARGS) {
  check_args("is_check_supported", n, 1, 1);
  return Value::boolean(lzma_check_is_supported((lzma_check)as_index(a[0])));
}

}  // namespace

void init_lzma() {
  Value m = lib_module("_lzma");
  DictObj* d = module_dict(m);
  t_lzma_stream = lib_class("_lzma", "stream");
  t_lzma_error = lib_class("_lzma", "LZMAError", {Value::obj(I->e("Exception"))});
  d->set(str_key("LZMAError"), Value::obj(t_lzma_error));
  def_native(d, "compressor_new", compressor_new);
  def_native(d, "compress_step", compress_step);
  def_native(d, "decompressor_new", decompressor_new);
  def_native(d, "decompress_step", decompress_step);
  def_native(d, "is_check_supported", is_check_supported);
}

}  // namespace ml::interp
