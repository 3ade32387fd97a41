"""LZMA/XZ compression (Python's lzma) over Debian's liblzma (the C++ module _lzma): one-shot
compress/decompress, the incremental LZMACompressor and LZMADecompressor (FORMAT_XZ, FORMAT_ALONE,
FORMAT_RAW with a filter chain; FORMAT_AUTO when decompressing), and open()/LZMAFile in binary and
text modes (_compression). The library is CPython's own, so the bytes are too.

A filter chain is a list of dicts as in CPython: "id" (FILTER_LZMA1, FILTER_LZMA2, FILTER_DELTA or
a BCJ filter) and the options of that filter (preset, dict_size, lc, lp, pb, mode, nice_len, mf,
depth; dist; start_offset)."""
import _compression
import _lzma
from _lzma import LZMAError

__all__ = ["CHECK_NONE", "CHECK_CRC32", "CHECK_CRC64", "CHECK_SHA256", "CHECK_ID_MAX", "CHECK_UNKNOWN",
           "FILTER_LZMA1", "FILTER_LZMA2", "FILTER_DELTA", "FILTER_X86", "FILTER_IA64", "FILTER_ARM",
           "FILTER_ARMTHUMB", "FILTER_POWERPC", "FILTER_SPARC", "FORMAT_AUTO", "FORMAT_XZ",
           "FORMAT_ALONE", "FORMAT_RAW", "MF_HC3", "MF_HC4", "MF_BT2", "MF_BT3", "MF_BT4",
           "MODE_FAST", "MODE_NORMAL", "PRESET_DEFAULT", "PRESET_EXTREME", "LZMACompressor",
           "LZMADecompressor", "LZMAFile", "LZMAError", "open", "compress", "decompress",
           "is_check_supported"]

FORMAT_AUTO, FORMAT_XZ, FORMAT_ALONE, FORMAT_RAW = 0, 1, 2, 3
CHECK_NONE, CHECK_CRC32, CHECK_CRC64, CHECK_SHA256 = 0, 1, 4, 10
CHECK_ID_MAX, CHECK_UNKNOWN = 15, 16
FILTER_LZMA1 = 0x4000000000000001
FILTER_LZMA2 = 0x21
FILTER_DELTA = 0x03
FILTER_X86, FILTER_POWERPC, FILTER_IA64, FILTER_ARM, FILTER_ARMTHUMB, FILTER_SPARC = 4, 5, 6, 7, 8, 9
MF_HC3, MF_HC4, MF_BT2, MF_BT3, MF_BT4 = 0x03, 0x04, 0x12, 0x13, 0x14
MODE_FAST, MODE_NORMAL = 1, 2
PRESET_DEFAULT = 6
PRESET_EXTREME = 0x80000000

# The options of a filter dict, in the order _lzma takes them.
_OPTIONS = ("preset", "dict_size", "lc", "lp", "pb", "mode", "nice_len", "mf", "depth", "dist", "start_offset")
_LZMA_OPTIONS = _OPTIONS[:9]
_BCJ = (FILTER_X86, FILTER_POWERPC, FILTER_IA64, FILTER_ARM, FILTER_ARMTHUMB, FILTER_SPARC)


def _int(value, what="integer"):
    if not isinstance(value, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)
    return value


def _filter_chain(filters):
    chain = []
    for spec in filters:
        if not isinstance(spec, dict):
            raise TypeError("Filter specifier must be a dict or dict-like object")
        if "id" not in spec:
            raise ValueError('Filter specifier must have an "id" entry')
        fid = _int(spec["id"])
        allowed = _LZMA_OPTIONS if fid in (FILTER_LZMA1, FILTER_LZMA2) else \
            ("dist",) if fid == FILTER_DELTA else ("start_offset",) if fid in _BCJ else None
        if allowed is None:
            raise ValueError("Invalid filter ID: %d" % fid)
        for key in spec:
            if key != "id" and key not in allowed:
                raise ValueError("Invalid filter specifier for %s filter" %
                                 ("LZMA" if fid in (FILTER_LZMA1, FILTER_LZMA2) else
                                  "delta" if fid == FILTER_DELTA else "BCJ"))
        chain.append((fid,) + tuple(_int(spec[k]) if k in spec else -1 for k in _OPTIONS))
    return chain


class LZMACompressor(_compression.StreamCompressor):
    """Compresses data a piece at a time; flush() ends the stream."""

    _lib = _lzma

    def __init__(self, format=FORMAT_XZ, check=-1, preset=None, filters=None):
        _int(format)
        _int(check)
        if format not in (FORMAT_XZ, FORMAT_ALONE, FORMAT_RAW):
            raise ValueError("Invalid container format: %d" % format)
        if check != -1 and format != FORMAT_XZ:
            raise ValueError("Integrity checks are only supported by FORMAT_XZ")
        if preset is not None and filters is not None:
            raise ValueError("Cannot specify both preset and filter chain")
        if format == FORMAT_RAW and filters is None:
            raise ValueError("Must specify filters for FORMAT_RAW")
        if check == -1:
            check = CHECK_CRC64 if format == FORMAT_XZ else CHECK_NONE
        preset = PRESET_DEFAULT if preset is None else _int(preset)
        chain = None if filters is None else _filter_chain(filters)
        self._stream = _lzma.compressor_new(format, check, preset, chain)
        self._flushed = False


class LZMADecompressor:
    """Decompresses one stream a piece at a time: check is the stream's integrity check once its
    header was read, eof once it ended, unused_data what followed it, needs_input whether more
    input is wanted before more output can come."""

    def __init__(self, format=FORMAT_AUTO, memlimit=None, filters=None):
        _int(format)
        if format not in (FORMAT_AUTO, FORMAT_XZ, FORMAT_ALONE, FORMAT_RAW):
            raise ValueError("Invalid container format: %d" % format)
        if memlimit is not None and format == FORMAT_RAW:
            raise ValueError("Cannot specify memory limit with FORMAT_RAW")
        if format == FORMAT_RAW and filters is None:
            raise ValueError("Must specify filters for FORMAT_RAW")
        if format != FORMAT_RAW and filters is not None:
            raise ValueError("Cannot specify filters except with FORMAT_RAW")
        chain = None if filters is None else _filter_chain(filters)
        self._stream = _lzma.decompressor_new(format, None if memlimit is None else _int(memlimit), chain)
        self._pending = b""
        self.check = CHECK_NONE if format == FORMAT_RAW else CHECK_UNKNOWN
        self.eof = False
        self.unused_data = b""
        self.needs_input = True

    def decompress(self, data, /, max_length=-1):
        if self.eof:
            raise EOFError("Already at end of stream")
        _int(max_length)
        data = self._pending + _compression.as_bytes(data) if self._pending else data
        out, used, eof, full, check = _lzma.decompress_step(self._stream, data, max_length)
        self.check = check
        rest = bytes(data[used:]) if used < len(data) else b""
        if eof:
            self.eof = True
            self.needs_input = False
            self.unused_data = rest
            self._pending = b""
        elif not rest:
            self._pending = b""
            self.needs_input = not full
        else:
            self._pending = rest
            self.needs_input = False
        return out

    def __reduce__(self):
        raise TypeError("cannot pickle 'LZMADecompressor' object")


def is_check_supported(check_id, /):
    return _lzma.is_check_supported(_int(check_id))


def compress(data, format=FORMAT_XZ, check=-1, preset=None, filters=None):
    """The compressed stream of `data`, as CPython makes it."""
    comp = LZMACompressor(format, check, preset, filters)
    return comp.compress(data) + comp.flush()


def decompress(data, format=FORMAT_AUTO, memlimit=None, filters=None):
    """The data of one or more concatenated streams (data after them that is no stream is
    ignored)."""
    results = []
    while True:
        decomp = LZMADecompressor(format, memlimit, filters)
        try:
            res = decomp.decompress(data)
        except LZMAError:
            if results:
                break
            raise
        results.append(res)
        if not decomp.eof:
            raise LZMAError("Compressed data ended before the end-of-stream marker was reached")
        data = decomp.unused_data
        if not data:
            break
    return b"".join(results)


class LZMAFile(_compression.CompressedFile):
    def __init__(self, filename=None, mode="r", *, format=None, check=-1, preset=None, filters=None):
        reading = mode in ("", "r", "rb")
        if reading:
            if check != -1:
                raise ValueError("Cannot specify an integrity check when opening a file for reading")
            if preset is not None:
                raise ValueError("Cannot specify a preset compression level when opening a file for reading")
            fmt = FORMAT_AUTO if format is None else format

            def read_all(data):
                return _compression.decompress_streams(
                    data, lambda: LZMADecompressor(fmt, None, filters), LZMAError, True)
            comp = None
        else:
            comp = LZMACompressor(FORMAT_XZ if format is None else format, check, preset, filters)
            read_all = None
        super().__init__(filename, mode, read_all, comp)


def open(filename, mode="rb", *, format=None, check=-1, preset=None, filters=None,
         encoding=None, errors=None, newline=None):
    """An LZMAFile in binary mode, or a text file over one in text mode ("rt", "wt"...)."""
    return _compression.open_file(
        filename, mode,
        lambda f, m: LZMAFile(f, m, format=format, check=check, preset=preset, filters=filters),
        encoding, errors, newline)
