"""Compression with zlib (Python's zlib): compress, decompress, crc32 and adler32 are Debian's
zlib (the C++ module _zlib); compressobj and decompressobj stream over them.

A compressobj keeps what it is given and deflates it all at flush() (or at a full flush), so the
concatenated output is the stream compress() would give for the same data. A decompressobj
inflates what it has received so far on each call and hands out the new part; unused_data holds
what follows the end of the stream, eof tells whether it was reached.
"""
from _zlib import compress as _compress, decompress as _decompress, crc32, adler32, error, \
    inflate_partial as _inflate_partial, ZLIB_VERSION, ZLIB_RUNTIME_VERSION

__all__ = ["compress", "decompress", "crc32", "adler32", "compressobj", "decompressobj", "error"]

MAX_WBITS = 15
DEFLATED = 8
DEF_MEM_LEVEL = 8
DEF_BUF_SIZE = 16384
Z_NO_COMPRESSION = 0
Z_BEST_SPEED = 1
Z_BEST_COMPRESSION = 9
Z_DEFAULT_COMPRESSION = -1
Z_FILTERED = 1
Z_HUFFMAN_ONLY = 2
Z_RLE = 3
Z_FIXED = 4
Z_DEFAULT_STRATEGY = 0
Z_NO_FLUSH = 0
Z_PARTIAL_FLUSH = 1
Z_SYNC_FLUSH = 2
Z_FULL_FLUSH = 3
Z_FINISH = 4
Z_BLOCK = 5
Z_TREES = 6


def compress(data, /, level=Z_DEFAULT_COMPRESSION, wbits=MAX_WBITS):
    return _compress(data, level, wbits)


def decompress(data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE):
    if bufsize < 0:
        raise ValueError("bufsize must be non-negative")
    return _decompress(data, wbits)


def _as_bytes(data):
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    if hasattr(type(data), "__bytes__"):
        return bytes(data)
    if hasattr(data, "tobytes"):
        return data.tobytes()
    raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'")


class _Compress:
    def __init__(self, level, wbits):
        self._level = level
        self._wbits = wbits
        self._pending = bytearray()
        self._finished = False

    def compress(self, data):
        if self._finished:
            raise error("Error -2 while compressing data")
        self._pending += _as_bytes(data)
        return b""

    def flush(self, mode=Z_FINISH):
        if mode == Z_NO_FLUSH:
            return b""
        if self._finished:
            raise error("Error -2 while flushing")
        self._finished = True
        return _compress(bytes(self._pending), self._level, self._wbits)

    def copy(self):
        other = _Compress(self._level, self._wbits)
        other._pending = bytearray(self._pending)
        other._finished = self._finished
        return other


class _Decompress:
    def __init__(self, wbits, zdict):
        self._wbits = wbits
        self._input = b""
        self._given = 0   # output already handed out
        self.unused_data = b""
        self.unconsumed_tail = b""
        self.eof = False

    def decompress(self, data, max_length=0):
        if max_length < 0:
            raise ValueError("max_length must be non-negative")
        data = _as_bytes(data)
        if self.eof:
            self.unused_data += data
            return b""
        self._input += self.unconsumed_tail + data
        self.unconsumed_tail = b""
        out, used, eof = _inflate_partial(self._input, self._wbits)
        fresh = out[self._given:]
        if max_length and len(fresh) > max_length:
            fresh = fresh[:max_length]
        self._given += len(fresh)
        if eof and self._given == len(out):
            self.eof = True
            self.unused_data = self._input[used:]
            self._input = b""
        return fresh

    def flush(self, length=DEF_BUF_SIZE):
        if length <= 0:
            raise ValueError("length must be greater than zero")
        if self.eof or not self._input:
            return b""
        out, used, eof = _inflate_partial(self._input, self._wbits)
        fresh = out[self._given:]
        self._given = len(out)
        if eof:
            self.eof = True
            self.unused_data = self._input[used:]
            self._input = b""
        return fresh

    def copy(self):
        other = _Decompress(self._wbits, None)
        other._input, other._given = self._input, self._given
        other.unused_data, other.unconsumed_tail, other.eof = self.unused_data, self.unconsumed_tail, self.eof
        return other


def compressobj(level=Z_DEFAULT_COMPRESSION, method=DEFLATED, wbits=MAX_WBITS, memLevel=DEF_MEM_LEVEL,
                strategy=Z_DEFAULT_STRATEGY, zdict=None):
    if method != DEFLATED:
        raise ValueError("Invalid initialization option")
    _compress(b"", level, wbits)  # checks level and wbits as zlib does
    return _Compress(level, wbits)


def decompressobj(wbits=MAX_WBITS, zdict=b""):
    return _Decompress(wbits, zdict)
